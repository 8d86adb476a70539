//! Graphviz DOT: time flows left to right, or top to bottom past [`MAX_COLUMNS`] dates.
//!
//! | element            | DOT                                                                   |
//! |--------------------|-----------------------------------------------------------------------|
//! | date group         | a plain-text node `d3 [label="2014-12-16"]` on an axis: `d2 -> d3 [...]` |
//! | event              | `e4 [label="Sony cancels the\nChristmas release\n2014-12-17"]`, same rank as its date node |
//! | one-sided date     | ranked with its known day's node, the bound on its last label line: `...\nby 2014-12-18` |
//! | undated event      | placed by its relations; with none, in an `undated` column after the axis |
//! | relation           | `e2 -> e4 [label="BEFORE"]`; `AFTER` drawn turned around as `BEFORE`   |
//! | conflict           | red edge (`constraint=false`, so it does not bend the time axis) and red node border |
//! | document (option)  | `subgraph cluster_1 { label="..."; e2; e4; }`                          |
//!
//! `newrank=true` lets the same-date ranks cross document clusters. Strings are written in
//! double quotes with `\` and `"` escaped and line breaks as `\n`; ids are generated
//! (`e0`, `d0`, `cluster_0`). Labels are wrapped at [`WRAP`] characters.

use super::{
    axis_groups, conflict_events, date_label, drawn_edges, event_index, event_label, placed_date, title, Options,
};
use crate::timeline::Timeline;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Most dates drawn as columns, left to right; more are drawn as rows, top to bottom.
pub const MAX_COLUMNS: usize = 12;

/// Label lines are wrapped at this many characters.
pub const WRAP: usize = 28;

const FONT: &str = "Liberation Sans";
const RED: &str = "#d62728";

/// A DOT double-quoted string, with the quotes.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Greedy word wrap at `width` characters (words longer than that stay whole).
pub fn wrap(s: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in s.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines.join("\n")
}

pub fn render(t: &Timeline, opts: &Options) -> String {
    let mut out = String::from("digraph timeline {\n");
    // Many dates drawn left to right make a strip thousands of pixels wide and a few hundred
    // high: past [`MAX_COLUMNS`] dates, time runs top to bottom, one row per date.
    let columns = axis_groups(t).iter().filter(|(l, _)| l.is_some()).count();
    let rankdir = if columns > MAX_COLUMNS { "TB" } else { "LR" };
    let _ = writeln!(
        out,
        "  graph [rankdir={rankdir}, newrank=true, nodesep=0.25, ranksep=0.45, fontname={}, fontsize=16, labelloc=t{}];",
        quote(FONT),
        title(t).map(|s| format!(", label={}", quote(&s))).unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f7f7f7\", color=\"#555555\", fontname={}, fontsize=11];",
        quote(FONT)
    );
    let _ = writeln!(out, "  edge [fontname={}, fontsize=9, color=\"#555555\"];", quote(FONT));

    // The time axis.
    let groups = axis_groups(t);
    let dated: Vec<&(Option<String>, Vec<usize>)> = groups.iter().filter(|(l, _)| l.is_some()).collect();
    for (k, (label, _)) in dated.iter().enumerate() {
        let _ = writeln!(
            out,
            "  d{k} [label={}, shape=plaintext, style=\"\", fontsize=12, fontcolor=\"#333333\"];",
            quote(&wrap(label.as_deref().unwrap_or(""), 14))
        );
    }
    // One statement per axis edge: Graphviz's parser runs out of stack on a long
    // `d0 -> d1 -> ... -> dN` chain (about 2500 nodes).
    for k in 1..dated.len() {
        let _ = writeln!(
            out,
            "  d{} -> d{k} [color=\"#999999\", arrowhead=none, weight=100];",
            k - 1
        );
    }

    // Events, optionally in one cluster per document.
    let in_conflict = conflict_events(t);
    let node = |i: usize| -> String {
        let e = &t.events[i];
        let mut label = wrap(&event_label(e), WRAP);
        if let Some(d) = placed_date(e) {
            label.push('\n');
            label.push_str(&date_label(d));
        }
        let mut attrs = format!("label={}", quote(&label));
        if let Some(c) = &e.class {
            let _ = write!(attrs, ", tooltip={}", quote(&format!("{} ({c})", e.id)));
        } else {
            let _ = write!(attrs, ", tooltip={}", quote(&e.id));
        }
        if in_conflict.contains(&e.id) {
            let _ = write!(attrs, ", color=\"{RED}\", penwidth=2");
        }
        format!("e{i} [{attrs}];")
    };
    let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut loose = Vec::new();
    // Document index by id (first wins), looked up per event instead of searched.
    let mut doc_index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, d) in t.documents.iter().enumerate() {
        doc_index.entry(d.id.as_str()).or_insert(k);
    }
    for (i, e) in t.events.iter().enumerate() {
        let doc = e
            .sources
            .first()
            .and_then(|s| doc_index.get(s.document.as_str()).copied());
        match doc {
            Some(d) if opts.clusters => by_doc.entry(d).or_default().push(i),
            _ => loose.push(i),
        }
    }
    for (d, events) in &by_doc {
        let doc = &t.documents[*d];
        let label = match &doc.title {
            Some(title) => format!("{}\n{} ({})", wrap(title, 40), doc.id, doc.published.format("%Y-%m-%d")),
            None => format!("{} ({})", doc.id, doc.published.format("%Y-%m-%d")),
        };
        let _ = writeln!(out, "  subgraph cluster_{d} {{");
        let _ = writeln!(
            out,
            "    label={}; style=\"dashed,rounded\"; color=\"#aaaaaa\"; fontsize=10;",
            quote(&label)
        );
        for &i in events {
            let _ = writeln!(out, "    {}", node(i));
        }
        out.push_str("  }\n");
    }
    for i in loose {
        let _ = writeln!(out, "  {}", node(i));
    }

    // Same date, same rank.
    for (k, (_, events)) in dated.iter().enumerate() {
        let members: Vec<String> = events.iter().map(|i| format!("e{i}")).collect();
        let _ = writeln!(out, "  {{ rank=same; d{k}; {}; }}", members.join("; "));
    }
    // Undated events that no relation places would otherwise sit in the first column, as if
    // they were the earliest: give them their own column after the axis, off the time line.
    let index = event_index(t);
    let mut related = std::collections::BTreeSet::new();
    for r in t.all_relations() {
        if let (Some(&a), Some(&b)) = (index.get(r.from.as_str()), index.get(r.to.as_str())) {
            if a != b {
                related.insert(a);
                related.insert(b);
            }
        }
    }
    let lonely: Vec<String> = (0..t.events.len())
        .filter(|&i| placed_date(&t.events[i]).is_none() && !related.contains(&i))
        .map(|i| format!("e{i}"))
        .collect();
    if !dated.is_empty() && !lonely.is_empty() {
        let _ = writeln!(
            out,
            "  undated [label=\"undated\", shape=plaintext, style=\"\", fontsize=12, fontcolor=\"#777777\"];"
        );
        let _ = writeln!(out, "  d{} -> undated [style=invis, weight=100];", dated.len() - 1);
        let _ = writeln!(out, "  {{ rank=same; undated; {}; }}", lonely.join("; "));
    }

    // Relations.
    let edges = drawn_edges(t, "\n");
    let pairs: std::collections::BTreeSet<(usize, usize)> = edges.iter().map(|(a, b, _, _)| (*a, *b)).collect();
    for (a, b, label, bad) in &edges {
        let style = if *bad {
            format!(", color=\"{RED}\", fontcolor=\"{RED}\", penwidth=2, constraint=false")
        } else {
            String::new()
        };
        // Two edges between the same events in opposite directions run side by side and
        // their middle labels would overlap: label each near its tail instead.
        let label_attr = if pairs.contains(&(*b, *a)) && a != b {
            format!("taillabel={}, labeldistance=2.5, labelangle=-35", quote(label))
        } else {
            format!("label={}", quote(label))
        };
        let _ = writeln!(out, "  e{a} -> e{b} [{label_attr}{style}];");
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_wraps() {
        assert_eq!(quote(r#"say "hi" \ now"#), r#""say \"hi\" \\ now""#);
        assert_eq!(quote("a\nb"), r#""a\nb""#);
        assert_eq!(wrap("one two three four", 9), "one two\nthree\nfour");
        assert_eq!(wrap("", 9), "");
    }

    #[test]
    fn one_edge_per_statement() {
        // Graphviz fails with "memory exhausted" on a chain of about 2500 `->`s in one
        // statement; every edge gets its own.
        let events: String = (0..40)
            .map(|i| format!("- {{id: e{i}, label: E{i}, date: 2014-01-{:02}}}\n", i % 28 + 1))
            .collect();
        let t = crate::timeline::Timeline::from_yaml(&format!("events:\n{events}"), "t.yaml").unwrap();
        let dot = render(&t, &Options::default());
        assert!(dot.lines().all(|l| l.matches("->").count() <= 1), "{dot}");
        assert_eq!(dot.lines().filter(|l| l.contains(" -> d")).count(), 27);
    }
}
