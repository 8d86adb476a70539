//! Runs the data-driven graph cases in `tests/data/graph_cases.toml` (format described at
//! the top of that file). Every failure is collected and printed at once; duplicate case
//! names are rejected; `GRAPH_CASE=<substring>` runs only matching cases.

use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use tempograph_core::relation::RelType;
use tempograph_graph::{Evidence, Graph, NodeId};
use toml::Value;

fn s(v: &Value) -> Result<String, String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("expected a string, found {v}"))
}

fn opt_date(v: &Value) -> Result<Option<NaiveDate>, String> {
    let t = s(v)?;
    if t == "-" {
        return Ok(None);
    }
    t.parse()
        .map(Some)
        .map_err(|e| format!("expected a date, found `{t}` ({e})"))
}

fn date(v: &Value) -> Result<NaiveDate, String> {
    opt_date(v)?.ok_or_else(|| "expected a date, found `-`".to_string())
}

fn int(v: &Value) -> Result<i64, String> {
    v.as_integer().ok_or_else(|| format!("expected an integer, found {v}"))
}

fn rows<'a>(case: &'a toml::Table, key: &str) -> Result<Vec<&'a Vec<Value>>, String> {
    match case.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(a)) => a
            .iter()
            .map(|r| {
                r.as_array()
                    .ok_or_else(|| format!("`{key}`: expected an array per entry, found {r}"))
            })
            .collect(),
        Some(other) => Err(format!("`{key}`: expected an array, found {other}")),
    }
}

fn fmt_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
}

/// Runs one case; returns its failures.
fn run(case: &toml::Table) -> Result<Vec<String>, String> {
    let mut g = Graph::new();
    let mut nodes: BTreeMap<String, NodeId> = BTreeMap::new();
    let names = case.get("nodes").and_then(Value::as_array).ok_or("missing `nodes`")?;
    for (i, n) in names.iter().enumerate() {
        let key = s(n)?;
        nodes.insert(key.clone(), g.add_interval(key, (0, i)));
    }
    let node = |v: &Value| -> Result<NodeId, String> {
        let k = s(v)?;
        nodes.get(&k).copied().ok_or_else(|| format!("unknown node `{k}`"))
    };
    for (i, r) in rows(case, "pin")?.into_iter().enumerate() {
        let [n, a, b] = r.as_slice() else {
            return Err(format!("pin: expected [key, first, last], found {r:?}"));
        };
        g.pin(node(n)?, date(a)?, date(b)?, Evidence::rule(format!("pin#{i}")));
    }
    for (i, r) in rows(case, "bound")?.into_iter().enumerate() {
        let [n, a, b] = r.as_slice() else {
            return Err(format!("bound: expected [key, earliest, latest], found {r:?}"));
        };
        g.bound(
            node(n)?,
            opt_date(a)?,
            opt_date(b)?,
            Evidence::rule(format!("bound#{i}")),
        );
    }
    for (i, r) in rows(case, "relate")?.into_iter().enumerate() {
        let (a, rel, b, distance) = match r.as_slice() {
            [a, rel, b] => (a, rel, b, None),
            [a, rel, b, lo, hi] => (a, rel, b, Some((int(lo)?, int(hi)?))),
            _ => {
                return Err(format!(
                    "relate: expected [a, REL, b] or [a, REL, b, lo, hi], found {r:?}"
                ))
            }
        };
        let rel: RelType = s(rel)?.parse()?;
        g.relate(node(a)?, node(b)?, rel, distance, Evidence::rule(format!("relate#{i}")));
    }
    for (i, r) in rows(case, "duration")?.into_iter().enumerate() {
        let [n, lo, hi] = r.as_slice() else {
            return Err(format!("duration: expected [key, min, max], found {r:?}"));
        };
        g.duration(node(n)?, int(lo)?, int(hi)?, Evidence::rule(format!("duration#{i}")));
    }
    let expect = case.get("expect").and_then(Value::as_table).ok_or("missing `expect`")?;
    if expect.is_empty() {
        return Err("`expect` is empty: a case must check something".into());
    }
    let solved = g.solve();
    let mut fails = Vec::new();
    // Conflicts: exactly the listed ones (none when absent).
    let want: Vec<String> = match expect.get("conflicts") {
        Some(Value::Array(a)) => a.iter().map(s).collect::<Result<_, _>>()?,
        Some(other) => return Err(format!("expect.conflicts: expected an array, found {other}")),
        None => Vec::new(),
    };
    let got: Vec<String> = solved.conflicts.iter().map(|c| c.to_string()).collect();
    if got != want {
        fails.push(format!("conflicts:\n      want {want:#?}\n      got  {got:#?}"));
    }
    if let Some(bounds) = expect.get("bounds") {
        let bounds = bounds.as_table().ok_or("expect.bounds: expected a table")?;
        for (k, v) in bounds {
            let b = solved.bounds(node(&Value::String(k.clone()))?);
            let got = [b.earliest_start, b.latest_start, b.earliest_end, b.latest_end]
                .map(fmt_date)
                .join(" ");
            let want = s(v)?;
            if got != want {
                fails.push(format!("bounds of {k}: want `{want}`, got `{got}`"));
            }
        }
    }
    if let Some(order) = expect.get("order") {
        let want: Vec<String> = order
            .as_array()
            .ok_or("expect.order: expected an array")?
            .iter()
            .map(s)
            .collect::<Result<_, _>>()?;
        let got: Vec<String> = solved.order.iter().map(|&n| g.key(n).to_string()).collect();
        if got != want {
            fails.push(format!("order: want {want:?}, got {got:?}"));
        }
    }
    for r in rows(expect, "relation")? {
        let [a, b, rel] = r.as_slice() else {
            return Err(format!("expect.relation: expected [a, b, REL], found {r:?}"));
        };
        let got = solved
            .relation(node(a)?, node(b)?)
            .map(|r| r.to_string())
            .unwrap_or_else(|| "-".into());
        let want = s(rel)?;
        if got != want {
            fails.push(format!("relation({}, {}): want {want}, got {got}", s(a)?, s(b)?));
        }
    }
    Ok(fails)
}

#[test]
fn graph_cases() {
    let text = include_str!("data/graph_cases.toml");
    let doc: toml::Table = text.parse().expect("graph_cases.toml parses");
    let cases = doc.get("case").and_then(Value::as_array).expect("[[case]] entries");
    let filter = std::env::var("GRAPH_CASE").ok();
    let mut seen = BTreeSet::new();
    let mut report = Vec::new();
    let mut ran = 0;
    for case in cases {
        let case = case.as_table().expect("a case is a table");
        let name = case.get("name").and_then(Value::as_str).expect("every case has a name");
        assert!(seen.insert(name.to_string()), "duplicate case name `{name}`");
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        ran += 1;
        match run(case) {
            Ok(fails) if fails.is_empty() => {}
            Ok(fails) => report.push(format!("{name}:\n    {}", fails.join("\n    "))),
            Err(e) => report.push(format!("{name}: malformed case: {e}")),
        }
    }
    assert!(ran > 0, "no case matched GRAPH_CASE={filter:?}");
    assert!(
        report.is_empty(),
        "{} of {ran} cases failed:\n{}",
        report.len(),
        report.join("\n")
    );
}
