use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn ev(doc: &str, span: (usize, usize), text: &str, rule: &str) -> Evidence {
    Evidence {
        doc: Some(doc.to_string()),
        span: Some(span),
        text: text.to_string(),
        rule: rule.to_string(),
    }
}

fn show(b: Bounds) -> String {
    let f = |x: Option<NaiveDate>| x.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    format!(
        "start [{}, {}] end [{}, {}]",
        f(b.earliest_start),
        f(b.latest_start),
        f(b.earliest_end),
        f(b.latest_end)
    )
}

/// The worked example of docs/GRAPH.md: the two Sony seed documents (byte spans are into
/// those files).
#[test]
fn sony_example() {
    const D0: &str = "000_85fb18fe88431737";
    const D4: &str = "004_398094e9e4ec5ca9";
    let mut g = Graph::new();
    let dct0 = g.add_interval("dct:000", (0, 0));
    let met = g.add_interval("e:met", (0, 200));
    let dct4 = g.add_interval("dct:004", (1, 0));
    let hack = g.add_interval("e:hacked", (1, 1272));
    let leak = g.add_interval("e:leaking", (1, 1381));
    let week = g.add_interval("t:this-week", (1, 1652));
    let esc = g.add_interval("e:escalated", (1, 1699));
    g.pin(
        dct0,
        d("2014-12-17"),
        d("2014-12-17"),
        ev(D0, (105, 113), "12/17/14", "document/dct"),
    );
    g.pin(
        dct4,
        d("2014-12-18"),
        d("2014-12-18"),
        Evidence::rule("document/published-metadata"),
    );
    // "met with your national security team in the last 24 hours"
    g.relate(
        met,
        dct0,
        RelType::Before,
        Some((0, 1)),
        ev(D0, (230, 250), "in the last 24 hours", "link/last-n"),
    );
    // "A month after attackers hacked into Sony ..., information is still leaking"
    g.relate(
        hack,
        dct4,
        RelType::Before,
        Some((25, 35)),
        ev(D4, (1248, 1261), "A month after", "link/signal-after"),
    );
    g.relate(
        hack,
        leak,
        RelType::Before,
        None,
        ev(D4, (1248, 1261), "A month after", "link/signal-after"),
    );
    g.relate(
        leak,
        dct4,
        RelType::Includes,
        None,
        ev(D4, (1375, 1380), "still", "link/still"),
    );
    // "Earlier this week, hacker threats against Sony escalated": 2014-W51, before the DCT.
    g.pin(
        week,
        d("2014-12-15"),
        d("2014-12-21"),
        ev(D4, (1652, 1669), "Earlier this week", "timex/this-week"),
    );
    g.relate(
        esc,
        week,
        RelType::IsIncluded,
        None,
        ev(D4, (1652, 1669), "Earlier this week", "link/timex-anchor"),
    );
    g.relate(
        esc,
        dct4,
        RelType::Before,
        None,
        ev(D4, (1699, 1708), "escalated", "link/tense-past"),
    );
    let s = g.solve();
    assert!(s.is_consistent(), "{:?}", s.conflicts);
    let table: Vec<String> = s
        .order
        .iter()
        .map(|&n| format!("{:<12} {}", g.key(n), show(s.bounds(n))))
        .collect();
    assert_eq!(
        table,
        [
            "e:hacked     start [2014-11-13, 2014-11-23] end [2014-11-13, 2014-12-18]",
            "e:leaking    start [2014-11-13, 2014-12-18] end [2014-12-18, -]",
            "t:this-week  start [2014-12-15, 2014-12-15] end [2014-12-21, 2014-12-21]",
            "e:escalated  start [2014-12-15, 2014-12-18] end [2014-12-15, 2014-12-18]",
            "e:met        start [2014-12-16, 2014-12-17] end [2014-12-16, 2014-12-17]",
            "dct:000      start [2014-12-17, 2014-12-17] end [2014-12-17, 2014-12-17]",
            "dct:004      start [2014-12-18, 2014-12-18] end [2014-12-18, 2014-12-18]",
        ]
    );
    assert_eq!(s.bounds(hack).precision(), Some(Precision::Quarter));
    assert_eq!(s.bounds(esc).precision(), Some(Precision::Week));
    assert_eq!(s.bounds(dct4).precision(), Some(Precision::Day));
    assert_eq!(s.bounds(leak).precision(), None);
    // The hack *started* weeks before the threats escalated, but nothing says it had ended.
    assert_eq!(s.relation(hack, esc), None);
    assert_eq!(s.relation(esc, dct4), Some(RelType::Before));
    assert_eq!(s.relation(dct4, esc), Some(RelType::After));
    assert_eq!(s.relation(week, esc), Some(RelType::Includes));
    assert_eq!(s.relation(leak, esc), None);
    assert_eq!(s.relation(dct4, leak), Some(RelType::IsIncluded));
    // Across documents, by dates alone: the meeting ended before document 004's DCT.
    assert_eq!(s.relation(met, dct4), Some(RelType::Before));
    assert_eq!(s.relation(dct0, dct4), Some(RelType::Before));
}

/// Two intervals related by `rel`; the entailed relation read back must be `rel` itself
/// (or its synonym), and the inverse read the other way.
#[test]
fn every_relation_reads_back() {
    use RelType::*;
    let cases: &[(RelType, Option<RelType>)] = &[
        (Before, Some(Before)),
        (After, Some(After)),
        (IBefore, Some(IBefore)),
        (IAfter, Some(IAfter)),
        (Includes, Some(Includes)),
        (IsIncluded, Some(IsIncluded)),
        (During, Some(Simultaneous)),
        (DuringInv, Some(Simultaneous)),
        (Simultaneous, Some(Simultaneous)),
        (Identity, Some(Simultaneous)),
        (Begins, Some(Begins)),
        (BegunBy, Some(BegunBy)),
        (Ends, Some(Ends)),
        (EndedBy, Some(EndedBy)),
        (Vague, None),
    ];
    assert_eq!(cases.len(), tempograph_core::relation::REL_NAMES.len());
    for &(rel, want) in cases {
        let mut g = Graph::new();
        let a = g.add_interval("a", (0, 0));
        let b = g.add_interval("b", (0, 1));
        g.relate(a, b, rel, None, Evidence::rule("test"));
        let s = g.solve();
        assert!(s.is_consistent(), "{rel}");
        assert_eq!(s.relation(a, b), want, "{rel}");
        assert_eq!(s.relation(b, a), want.map(RelType::inverse), "{rel} inverse");
        // Relating a node to itself by a relation that is not strict is no contradiction.
        let mut g = Graph::new();
        let a = g.add_interval("a", (0, 0));
        g.relate(a, a, rel, None, Evidence::rule("self"));
        let s = g.solve();
        let contradictory = matches!(rel, Before | After);
        assert_eq!(!s.is_consistent(), contradictory, "{rel} with itself");
    }
}

/// Each relation, stated with its inverse the wrong way round (`a REL b` and `b REL a`),
/// contradicts exactly when the relation is asymmetric at day granularity.
#[test]
fn relation_with_its_own_converse() {
    use RelType::*;
    for (rel, conflict) in [
        (Before, true),
        (IBefore, false), // a and b may be instants at the same time
        (Includes, false),
        (Simultaneous, false),
        (Begins, false),
        (Ends, false),
        (Vague, false),
    ] {
        let mut g = Graph::new();
        let a = g.add_interval("a", (0, 0));
        let b = g.add_interval("b", (0, 1));
        g.relate(a, b, rel, None, Evidence::rule("one"));
        g.relate(b, a, rel, None, Evidence::rule("two"));
        assert_eq!(!g.solve().is_consistent(), conflict, "{rel}");
    }
}

#[test]
fn planted_contradiction_is_explained() {
    let mut g = Graph::new();
    let e3 = g.add_interval("e3", (4, 812));
    let e5 = g.add_interval("e5", (4, 900));
    let e7 = g.add_interval("e7", (4, 950));
    g.relate(
        e3,
        e5,
        RelType::Before,
        Some((25, 35)),
        ev("doc004", (812, 840), "A month after", "link/signal-after"),
    );
    g.relate(
        e5,
        e7,
        RelType::IBefore,
        None,
        ev("doc004", (900, 910), "then", "link/signal-then"),
    );
    g.relate(
        e7,
        e3,
        RelType::Before,
        None,
        ev("doc007", (12, 18), "before", "link/signal-before"),
    );
    let s = g.solve();
    assert_eq!(s.conflicts.len(), 1);
    let c = &s.conflicts[0];
    assert_eq!(
        c.to_string(),
        "e3 BEFORE e5, start to start 25..35 days (doc004 @ 812..840 \"A month after\", rule link/signal-after) \
         → e5 IBEFORE e7 (doc004 @ 900..910 \"then\", rule link/signal-then) \
         → e7 BEFORE e3 (doc007 @ 12..18 \"before\", rule link/signal-before)"
    );
    assert_eq!(format!("{c:#}").rsplit(" [").next(), Some("set aside: e7 BEFORE e3]"));
    let (days, strict) = c.excess();
    assert!(days > 0 || (days == 0 && strict));
    // With the last fact set aside, the rest still gives a consistent order.
    let keys: Vec<&str> = s.order.iter().map(|&n| g.key(n)).collect();
    assert_eq!(keys, ["e3", "e5", "e7"]);
}

#[test]
fn bound_conflict_through_the_calendar() {
    let mut g = Graph::new();
    let a = g.add_interval("a", (0, 0));
    let b = g.add_interval("b", (0, 5));
    g.bound(a, Some(d("2015-01-01")), None, ev("d1", (0, 4), "2015", "timex/year"));
    g.bound(b, None, Some(d("2014-12-31")), ev("d1", (10, 14), "2014", "timex/year"));
    g.relate(
        a,
        b,
        RelType::Before,
        None,
        ev("d1", (5, 9), "before", "link/signal-before"),
    );
    let s = g.solve();
    assert_eq!(s.conflicts.len(), 1);
    assert_eq!(
        s.conflicts[0].to_string(),
        "a starts on or after 2015-01-01 (d1 @ 0..4 \"2015\", rule timex/year) \
         → a BEFORE b (d1 @ 5..9 \"before\", rule link/signal-before) \
         → b ends on or before 2014-12-31 (d1 @ 10..14 \"2014\", rule timex/year)"
    );
    // The relation (added last) is set aside; both bounds stand.
    assert_eq!(
        s.conflicts[0].cycle[s.conflicts[0].set_aside].rel,
        Some(RelType::Before)
    );
    assert_eq!(s.bounds(a).earliest_start, Some(d("2015-01-01")));
    assert_eq!(s.bounds(b).latest_end, Some(d("2014-12-31")));
}

#[test]
fn same_day_events_can_be_ordered_within_the_day() {
    let mut g = Graph::new();
    let a = g.add_interval("a", (0, 0));
    let b = g.add_interval("b", (0, 1));
    let c = g.add_interval("c", (0, 2));
    for n in [a, b, c] {
        g.bound(n, Some(d("2014-12-17")), Some(d("2014-12-17")), Evidence::rule("day"));
    }
    g.relate(c, b, RelType::Before, None, Evidence::rule("r1"));
    g.relate(b, a, RelType::Before, None, Evidence::rule("r2"));
    let s = g.solve();
    assert!(s.is_consistent());
    let keys: Vec<&str> = s.order.iter().map(|&n| g.key(n)).collect();
    assert_eq!(keys, ["c", "b", "a"]);
    assert_eq!(s.relation(c, a), Some(RelType::Before));
}

#[test]
fn distance_and_duration() {
    let mut g = Graph::new();
    let a = g.add_interval("a", (0, 0));
    let b = g.add_interval("b", (0, 1));
    g.bound(a, Some(d("2014-01-10")), Some(d("2014-01-10")), Evidence::rule("day"));
    g.relate(
        a,
        b,
        RelType::Vague,
        Some((0, 1)),
        Evidence::rule("in the last 24 hours"),
    );
    g.duration(b, 7, 7, Evidence::rule("for a week"));
    let s = g.solve();
    assert_eq!(
        show(s.bounds(b)),
        "start [2014-01-10, 2014-01-11] end [2014-01-17, 2014-01-18]"
    );
    // lo > hi is itself a contradiction.
    let mut g = Graph::new();
    let a = g.add_interval("a", (0, 0));
    let b = g.add_interval("b", (0, 1));
    g.relate(a, b, RelType::Vague, Some((5, 3)), Evidence::rule("bad"));
    let s = g.solve();
    assert_eq!(s.conflicts.len(), 1);
    assert_eq!(
        s.conflicts[0].to_string(),
        "b starts 5..3 days after a starts (rule bad)"
    );
}

#[test]
fn several_independent_conflicts_are_all_reported() {
    let mut g = Graph::new();
    let mut nodes = Vec::new();
    for i in 0..10 {
        nodes.push(g.add_interval(format!("e{i}"), (0, i)));
    }
    for pair in nodes.chunks(2) {
        g.relate(pair[0], pair[1], RelType::Before, None, Evidence::rule("fwd"));
        g.relate(pair[1], pair[0], RelType::Before, None, Evidence::rule("back"));
    }
    let s = g.solve();
    assert_eq!(s.conflicts.len(), 5);
    for c in &s.conflicts {
        assert_eq!(c.cycle[c.set_aside].evidence.rule, "back");
    }
    // With a limit, the rest is counted, not dropped.
    g.set_conflict_limit(2);
    let s = g.solve();
    assert_eq!(s.conflicts.len(), 2);
    assert_eq!(s.unlisted_conflicts(), 3);
    assert!(!s.is_consistent());
}

#[test]
fn beyond_the_limit_contradicting_bounds_are_quarantined() {
    let mut g = Graph::new();
    let a = g.add_interval("a", (0, 0));
    let b = g.add_interval("b", (0, 1));
    g.bound(a, Some(d("2015-01-01")), Some(d("2014-01-01")), Evidence::rule("bad"));
    g.bound(b, Some(d("2014-05-01")), Some(d("2014-05-02")), Evidence::rule("good"));
    g.set_conflict_limit(0);
    let s = g.solve();
    assert!(s.conflicts.is_empty());
    assert_eq!(s.unresolved(), &[a]);
    assert_eq!(s.bounds(a), Bounds::default());
    assert_eq!(s.bounds(b).earliest_start, Some(d("2014-05-01")));
    assert_eq!(s.relation(a, b), None);
}

#[test]
fn unrelated_and_undated_nodes_order_by_tie() {
    let mut g = Graph::new();
    let x = g.add_interval("x", (1, 0));
    let y = g.add_interval("y", (0, 5));
    let z = g.add_interval("z", (0, 9));
    g.bound(z, Some(d("2001-01-01")), None, Evidence::rule("r"));
    let s = g.solve();
    assert_eq!(s.order, vec![z, y, x]);
    assert_eq!(s.relation(x, y), None);
    assert_eq!(g.find("y"), Some(y));
    assert_eq!(g.add_interval("y", (9, 9)), y);
}

#[test]
fn evidence_display() {
    assert_eq!(Evidence::rule("r").to_string(), "rule r");
    assert_eq!(ev("d", (1, 2), "x", "r").to_string(), "d @ 1..2 \"x\", rule r");
    let e = Evidence {
        doc: None,
        span: Some((3, 4)),
        text: String::new(),
        rule: String::new(),
    };
    assert_eq!(e.to_string(), "@ 3..4");
}

/// The relation table in the module docs and in docs/GRAPH.md is the one the code uses.
#[test]
fn documented_table_matches_code() {
    let render = |rel: RelType| -> String {
        constraints_of(rel)
            .iter()
            .map(|&(x, c, y)| {
                let p = |p: Pt| match p {
                    Pt::Sa => "start(a)",
                    Pt::Ea => "end(a)",
                    Pt::Sb => "start(b)",
                    Pt::Eb => "end(b)",
                };
                let c = match c {
                    Cmp::Le => "≤",
                    Cmp::Lt => "<",
                    Cmp::Eq => "=",
                };
                format!("`{} {c} {}`", p(x), p(y))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let doc = include_str!("lib.rs");
    let guide = include_str!("../../../docs/GRAPH.md");
    for (rel, _) in RELATION_CONSTRAINTS {
        let row = render(*rel);
        if row.is_empty() {
            continue;
        }
        assert!(
            guide.contains(&format!("| `{rel}` | {row} |")),
            "docs/GRAPH.md row for {rel}: {row}"
        );
        // The module docs list the non-inverse half.
        if matches!(
            rel,
            RelType::Before | RelType::IBefore | RelType::Includes | RelType::Begins | RelType::Ends
        ) {
            assert!(
                doc.contains(&format!("| `{rel}` | {row} |")),
                "module doc row for {rel}: {row}"
            );
        }
    }
}

#[test]
fn implicit_edges_name_their_node() {
    let mut g = Graph::new();
    let a = g.add_interval("a (x)", (0, 0));
    let b = g.add_interval("end(b)", (0, 1));
    g.relate(a, b, RelType::Includes, None, Evidence::rule("r1"));
    g.relate(a, b, RelType::Before, None, Evidence::rule("r2"));
    let s = g.solve();
    assert_eq!(s.conflicts.len(), 1);
    let c = &s.conflicts[0];
    let implicit: Vec<&ConflictEdge> = c.cycle.iter().filter(|e| e.implicit).collect();
    assert_eq!(implicit.len(), 1);
    assert_eq!(implicit[0].from, "end(b)");
    assert_eq!(implicit[0].constraint, "end(b) starts no later than it ends");
    assert_eq!(
        c.to_string(),
        "a (x) INCLUDES end(b) (rule r1) → a (x) BEFORE end(b) (rule r2)"
    );
}

#[test]
fn empty_graph() {
    let g = Graph::new();
    assert!(g.is_empty());
    let s = g.solve();
    assert!(s.is_consistent());
    assert!(s.order.is_empty());
    assert!(s.bounds.is_empty());
}

/// Same input, same output: solving twice (and solving a clone) gives identical results,
/// conflicts included.
#[test]
fn deterministic_output() {
    let mut seed = 7u64;
    let mut rnd = |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let rels = [
        RelType::Before,
        RelType::After,
        RelType::Includes,
        RelType::Simultaneous,
        RelType::IBefore,
    ];
    let mut g = Graph::new();
    let nodes: Vec<NodeId> = (0..300).map(|i| g.add_interval(format!("n{i}"), (i % 3, i))).collect();
    for i in 0..60 {
        let day = d("2014-01-01") + chrono::Days::new(rnd(365));
        g.bound(
            nodes[i * 5],
            Some(day),
            Some(day + chrono::Days::new(rnd(20))),
            Evidence::rule("b"),
        );
    }
    for k in 0..1500 {
        let (a, b) = (nodes[rnd(300) as usize], nodes[rnd(300) as usize]);
        let distance = (k % 7 == 0).then(|| (rnd(10) as i64, 10 + rnd(10) as i64));
        g.relate(a, b, rels[rnd(5) as usize], distance, Evidence::rule(format!("r{k}")));
    }
    let one = g.solve();
    let two = g.clone().solve();
    assert!(!one.conflicts.is_empty());
    assert_eq!(format!("{one:?}"), format!("{two:?}"));
    let shown: Vec<String> = one.conflicts.iter().map(|c| format!("{c:#}")).collect();
    let again: Vec<String> = two.conflicts.iter().map(|c| format!("{c:#}")).collect();
    assert_eq!(shown, again);
    for c in &one.conflicts {
        let (days, strict) = c.excess();
        assert!(days > 0 || (days == 0 && strict), "{c}");
    }
}
