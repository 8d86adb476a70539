//! Data-driven cases for `link::link` (`tests/data/link/*.toml`). Every failure is reported at
//! once; `TEMPOGRAPH_TEST_FILTER=substring` runs only the cases whose name contains it.
use std::collections::BTreeSet;
use tempograph_core::relation::RelType;
use tempograph_lang::text::Analysis;
use tempograph_link::{self as link, rules::RULE_IDS, Endpoint, Tlink};

#[derive(serde::Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    dct: String,
    text: String,
    #[serde(default)]
    expect: Vec<Want>,
    #[serde(default)]
    reject: Vec<Want>,
}

#[derive(serde::Deserialize)]
struct Want {
    from: String,
    to: String,
    rel: Option<String>,
    distance: Option<(i64, i64)>,
    rule: Option<String>,
}

struct Found {
    from: String,
    to: String,
    link: Tlink,
}

fn run(case: &Case) -> Result<Vec<Found>, String> {
    let dct: chrono::NaiveDate = case.dct.parse().map_err(|e| format!("bad dct: {e}"))?;
    let a = Analysis::new(&case.text);
    let timexes = tempograph_timex::tag(&case.text, &a, dct);
    let events = tempograph_events::extract(&case.text, &a, &timexes);
    let name = |e: Endpoint| match e {
        Endpoint::Event(i) => events[i].text.clone(),
        Endpoint::Timex(i) => timexes[i].text.clone(),
        Endpoint::Dct => "DCT".to_string(),
    };
    Ok(link::link(&case.text, &a, dct, &timexes, &events)
        .into_iter()
        .map(|l| Found {
            from: name(l.from),
            to: name(l.to),
            link: l,
        })
        .collect())
}

/// A link seen from one end: relation, distance from→to, rule.
type Seen = (RelType, Option<(i64, i64)>, &'static str);

/// The links between `w.from` and `w.to` seen from `w.from`.
fn oriented(found: &[Found], w: &Want) -> Vec<Seen> {
    found
        .iter()
        .filter_map(|f| {
            if f.from == w.from && f.to == w.to {
                Some((f.link.rel, f.link.distance, f.link.rule))
            } else if f.from == w.to && f.to == w.from {
                Some((
                    f.link.rel.inverse(),
                    f.link.distance.map(|(a, b)| (-b, -a)),
                    f.link.rule,
                ))
            } else {
                None
            }
        })
        .collect()
}

fn describe(found: &[Found]) -> String {
    found
        .iter()
        .map(|f| {
            format!(
                "    {} {} {} {:?} {}",
                f.from, f.link.rel, f.to, f.link.distance, f.link.rule
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn link_cases() {
    let filter = std::env::var("TEMPOGRAPH_TEST_FILTER").unwrap_or_default();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/link");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut names = BTreeSet::new();
    let mut used_rules = BTreeSet::new();
    let mut failures = Vec::new();
    let mut ran = 0;
    for path in files.iter().filter(|p| p.extension().is_some_and(|x| x == "toml")) {
        let file: File = toml::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.case {
            assert!(names.insert(case.name.clone()), "duplicate case name {}", case.name);
            for w in &case.expect {
                if let Some(r) = &w.rule {
                    used_rules.insert(r.clone());
                }
            }
            if !case.name.contains(&filter) {
                continue;
            }
            ran += 1;
            let found = match run(case) {
                Ok(f) => f,
                Err(e) => {
                    failures.push(format!("{}: {e}", case.name));
                    continue;
                }
            };
            for w in &case.expect {
                let ok = oriented(&found, w).into_iter().any(|(rel, d, rule)| {
                    w.rel.as_deref().is_none_or(|r| r.parse::<RelType>().ok() == Some(rel))
                        && w.distance.is_none_or(|x| d == Some(x))
                        && w.rule.as_deref().is_none_or(|r| r == rule)
                });
                if !ok {
                    failures.push(format!(
                        "{}: expected {} {} {} {:?} {}; found\n{}",
                        case.name,
                        w.from,
                        w.rel.as_deref().unwrap_or("?"),
                        w.to,
                        w.distance,
                        w.rule.as_deref().unwrap_or("?"),
                        describe(&found)
                    ));
                }
            }
            for w in &case.reject {
                let bad = oriented(&found, w).into_iter().any(|(rel, _, rule)| {
                    w.rel.as_deref().is_none_or(|r| r.parse::<RelType>().ok() == Some(rel))
                        && w.rule.as_deref().is_none_or(|r| r == rule)
                });
                if bad {
                    failures.push(format!(
                        "{}: unexpected link {} {} {} {}; found\n{}",
                        case.name,
                        w.from,
                        w.rel.as_deref().unwrap_or("(any)"),
                        w.to,
                        w.rule.as_deref().unwrap_or(""),
                        describe(&found)
                    ));
                }
            }
        }
    }
    assert!(ran > 0, "no case matched TEMPOGRAPH_TEST_FILTER={filter}");
    if filter.is_empty() {
        for id in RULE_IDS {
            if !used_rules.contains(*id) {
                failures.push(format!("rule {id} has no case expecting it"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
