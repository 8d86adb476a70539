//! Properties of the relation graph: consistent inputs never conflict, reversed paths always
//! do (with a cycle that really is contradictory), bounds equal a brute-force all-pairs
//! computation, and the qualitative closure is sound.

use chrono::NaiveDate;
use proptest::prelude::*;
use tempograph_core::relation::RelType;
use tempograph_graph::{Evidence, Graph, NodeId, Solved};

const BASE: i64 = 735_000; // a day number in 2013

fn date(day: i64) -> NaiveDate {
    tempograph_core::value::from_day_number(day).expect("day in range")
}

/// A hidden timeline: per node `(start day, end day)`.
fn timeline(max_nodes: usize) -> impl Strategy<Value = Vec<(i64, i64)>> {
    prop::collection::vec((0i64..40, 0i64..6), 2..max_nodes)
        .prop_map(|v| v.into_iter().map(|(s, len)| (BASE + s, BASE + s + len)).collect())
}

/// A relation true of the hidden timeline for the pair (`None`: leave the pair unrelated).
fn true_relation(a: (i64, i64), b: (i64, i64)) -> Option<RelType> {
    use RelType::*;
    Some(if a.1 < b.0 {
        Before
    } else if b.1 < a.0 {
        After
    } else if a == b {
        Simultaneous
    } else if a.1 == b.0 {
        IBefore
    } else if a.0 <= b.0 && b.1 <= a.1 {
        Includes
    } else if b.0 <= a.0 && a.1 <= b.1 {
        IsIncluded
    } else {
        return None;
    })
}

/// `(a, b, a REL b, start-to-start distance)`.
type Relation = (usize, usize, RelType, Option<(i64, i64)>);

/// Random facts true of the timeline: relations (some with a start-to-start distance) and
/// absolute bounds around the true dates.
#[derive(Clone, Debug)]
struct Case {
    truth: Vec<(i64, i64)>,
    relations: Vec<Relation>,
    bounds: Vec<(usize, i64, i64)>,
}

fn case(max_nodes: usize) -> impl Strategy<Value = Case> {
    timeline(max_nodes).prop_flat_map(|truth| {
        let n = truth.len();
        let rels = prop::collection::vec((0..n, 0..n, any::<bool>(), 0i64..3, 0i64..3), 0..n * 3);
        let bounds = prop::collection::vec((0..n, 0i64..10, 0i64..10), 0..n);
        (Just(truth), rels, bounds).prop_map(|(truth, rels, bounds)| {
            let relations = rels
                .into_iter()
                .filter(|(a, b, _, _, _)| a != b)
                .filter_map(|(a, b, metric, lo, hi)| {
                    let rel = true_relation(truth[a], truth[b]);
                    let diff = truth[b].0 - truth[a].0;
                    let distance = metric.then_some((diff - lo, diff + hi));
                    match (rel, distance) {
                        (Some(r), d) => Some((a, b, r, d)),
                        (None, Some(d)) => Some((a, b, RelType::Vague, Some(d))),
                        (None, None) => None,
                    }
                })
                .collect();
            let bounds = bounds
                .into_iter()
                .map(|(i, lo, hi)| (i, truth[i].0 - lo, truth[i].1 + hi))
                .collect();
            Case {
                truth,
                relations,
                bounds,
            }
        })
    })
}

fn build(c: &Case) -> (Graph, Vec<NodeId>) {
    let mut g = Graph::new();
    let nodes: Vec<NodeId> = (0..c.truth.len())
        .map(|i| g.add_interval(format!("n{i}"), (0, i)))
        .collect();
    for &(i, lo, hi) in &c.bounds {
        g.bound(nodes[i], Some(date(lo)), Some(date(hi)), Evidence::rule("prop/bound"));
    }
    for (k, &(a, b, rel, distance)) in c.relations.iter().enumerate() {
        let ev = Evidence {
            doc: Some("prop".into()),
            span: Some((k, k + 1)),
            text: String::new(),
            rule: "prop/relation".into(),
        };
        g.relate(nodes[a], nodes[b], rel, distance, ev);
    }
    (g, nodes)
}

/// Every conflict's steps chain around a cycle and demand `t(x) > t(x)`.
fn check_conflicts(s: &Solved) -> Result<(), TestCaseError> {
    for c in &s.conflicts {
        let steps: Vec<_> = c.cycle.iter().flat_map(|e| e.steps.iter()).collect();
        prop_assert!(!steps.is_empty());
        for w in steps.windows(2) {
            prop_assert_eq!(&w[0].to, &w[1].from, "steps chain in {}", c);
        }
        prop_assert_eq!(&steps[steps.len() - 1].to, &steps[0].from, "cycle closes in {}", c);
        let (days, strict) = c.excess();
        prop_assert!(
            days > 0 || (days == 0 && strict),
            "not contradictory: {} ({days}, {strict})",
            c
        );
        prop_assert!(!c.cycle[c.set_aside].implicit, "set aside an implicit edge in {}", c);
    }
    Ok(())
}

/// Independent brute force: the same facts as difference constraints (written out again
/// here, not taken from the library), Floyd–Warshall over (days, ε) pairs. Returns
/// per node `[earliest start, latest start, earliest end, latest end]` as day numbers, or
/// `None` when inconsistent.
fn brute(c: &Case) -> Option<Vec<[Option<i64>; 4]>> {
    let d = brute_matrix(c)?;
    let (n, o) = (c.truth.len(), 2 * c.truth.len());
    let day = |w: W| if w.1 >= 0 { w.0 } else { w.0 - 1 };
    let earliest = |p: usize| (d[p][o] != INF).then(|| day((-d[p][o].0, -d[p][o].1)));
    let latest = |p: usize| (d[o][p] != INF).then(|| day(d[o][p]));
    Some(
        (0..n)
            .map(|i| [earliest(2 * i), latest(2 * i), earliest(2 * i + 1), latest(2 * i + 1)])
            .collect(),
    )
}

type W = (i64, i64);
const INF: W = (i64::MAX / 4, 0);

/// All-pairs shortest distances over the points (`2i` start, `2i + 1` end, `2n` origin),
/// `None` when inconsistent.
fn brute_matrix(c: &Case) -> Option<Vec<Vec<W>>> {
    let n = c.truth.len();
    let o = 2 * n;
    let m = 2 * n + 1;
    let mut d = vec![vec![INF; m]; m];
    for (i, row) in d.iter_mut().enumerate() {
        row[i] = (0, 0);
    }
    // t(y) − t(x) ≤ w.
    let mut le = |x: usize, y: usize, w: W| {
        if w < d[x][y] {
            d[x][y] = w;
        }
    };
    for i in 0..n {
        le(2 * i + 1, 2 * i, (0, 0)); // start ≤ end
    }
    for &(i, lo, hi) in &c.bounds {
        le(2 * i, o, (-lo, 0));
        le(o, 2 * i + 1, (hi + 1, -1));
    }
    for &(a, b, rel, distance) in &c.relations {
        let (sa, ea, sb, eb) = (2 * a, 2 * a + 1, 2 * b, 2 * b + 1);
        // x ≤ y: t(x) − t(y) ≤ 0, arc y → x.
        let mut before_eq = |x: usize, y: usize| le(y, x, (0, 0));
        use RelType::*;
        match rel {
            Before => le(sb, ea, (0, -1)),
            After => le(sa, eb, (0, -1)),
            IBefore => {
                before_eq(ea, sb);
                before_eq(sb, ea);
            }
            Includes => {
                before_eq(sa, sb);
                before_eq(eb, ea);
            }
            IsIncluded => {
                before_eq(sb, sa);
                before_eq(ea, eb);
            }
            Simultaneous => {
                before_eq(sa, sb);
                before_eq(sb, sa);
                before_eq(ea, eb);
                before_eq(eb, ea);
            }
            Vague => {}
            other => unreachable!("not generated: {other}"),
        }
        if let Some((lo, hi)) = distance {
            le(sa, sb, (hi, 0));
            le(sb, sa, (-lo, 0));
        }
    }
    let add = |a: W, b: W| (a.0 + b.0, a.1 + b.1);
    for k in 0..m {
        for i in 0..m {
            if d[i][k] == INF {
                continue;
            }
            for j in 0..m {
                if d[k][j] == INF {
                    continue;
                }
                let via = add(d[i][k], d[k][j]);
                if via < d[i][j] {
                    d[i][j] = via;
                }
            }
        }
    }
    if (0..m).any(|i| d[i][i] < (0, 0)) {
        return None;
    }
    Some(d)
}

/// The entailed relation from exact distances, by the documented reading order.
fn brute_relation(d: &[Vec<W>], a: usize, b: usize) -> Option<RelType> {
    let (sa, ea, sb, eb) = (2 * a, 2 * a + 1, 2 * b, 2 * b + 1);
    let le = |x: usize, y: usize| d[y][x] <= (0, 0);
    let lt = |x: usize, y: usize| d[y][x] < (0, 0);
    let eq = |x: usize, y: usize| le(x, y) && le(y, x);
    use RelType::*;
    Some(if eq(sa, sb) && eq(ea, eb) {
        Simultaneous
    } else if lt(ea, sb) {
        Before
    } else if lt(eb, sa) {
        After
    } else if eq(ea, sb) {
        IBefore
    } else if eq(eb, sa) {
        IAfter
    } else if eq(sa, sb) && le(ea, eb) {
        Begins
    } else if eq(sa, sb) && le(eb, ea) {
        BegunBy
    } else if eq(ea, eb) && le(sb, sa) {
        Ends
    } else if eq(ea, eb) && le(sa, sb) {
        EndedBy
    } else if le(sa, sb) && le(eb, ea) {
        Includes
    } else if le(sb, sa) && le(ea, eb) {
        IsIncluded
    } else {
        return None;
    })
}

fn days(s: &Solved, n: NodeId) -> [Option<i64>; 4] {
    let b = s.bounds(n);
    let f = |d: Option<NaiveDate>| d.map(tempograph_core::value::day_number);
    [
        f(b.earliest_start),
        f(b.latest_start),
        f(b.earliest_end),
        f(b.latest_end),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Facts true of a hidden timeline never conflict; the truth lies inside the bounds;
    /// stated BEFOREs are respected by the order.
    #[test]
    fn consistent_facts_never_conflict(c in case(12)) {
        let (g, nodes) = build(&c);
        let s = g.solve();
        prop_assert!(s.is_consistent(), "{:?}", s.conflicts.iter().map(|c| c.to_string()).collect::<Vec<_>>());
        for (i, &n) in nodes.iter().enumerate() {
            let [es, ls, ee, le] = days(&s, n);
            let (ts, te) = c.truth[i];
            prop_assert!(es.is_none_or(|x| x <= ts) && ls.is_none_or(|x| ts <= x), "start of n{i}");
            prop_assert!(ee.is_none_or(|x| x <= te) && le.is_none_or(|x| te <= x), "end of n{i}");
        }
        let pos: Vec<usize> = {
            let mut pos = vec![0; nodes.len()];
            for (k, n) in s.order.iter().enumerate() {
                pos[n.index()] = k;
            }
            pos
        };
        prop_assert_eq!(s.order.len(), nodes.len());
        for &(a, b, rel, _) in &c.relations {
            if rel == RelType::Before {
                prop_assert!(pos[a] < pos[b], "n{a} BEFORE n{b} but ordered after");
            }
        }
    }

    /// Bounds are exactly the brute-force all-pairs shortest-path bounds.
    #[test]
    fn bounds_are_tight(c in case(8)) {
        let (g, nodes) = build(&c);
        let s = g.solve();
        let want = brute(&c).expect("consistent by construction");
        for (i, &n) in nodes.iter().enumerate() {
            prop_assert_eq!(days(&s, n), want[i], "n{}", i);
        }
    }

    /// Adding a reversed path (b BEFORE x₁ BEFORE … BEFORE a) to an entailed `a BEFORE b`
    /// always conflicts, and the set-aside remainder is consistent again.
    #[test]
    fn reversed_path_always_conflicts(c in case(10), len in 0usize..4, pick in any::<prop::sample::Index>()) {
        let pairs: Vec<(usize, usize)> = (0..c.truth.len())
            .flat_map(|a| (0..c.truth.len()).map(move |b| (a, b)))
            .filter(|&(a, b)| c.truth[a].1 < c.truth[b].0)
            .collect();
        prop_assume!(!pairs.is_empty());
        let (a, b) = pairs[pick.index(pairs.len())];
        let (mut g, nodes) = build(&c);
        g.relate(nodes[a], nodes[b], RelType::Before, None, Evidence::rule("prop/true"));
        let mut prev = nodes[b];
        for k in 0..len {
            let x = g.add_interval(format!("x{k}"), (1, k));
            g.relate(prev, x, RelType::Before, None, Evidence::rule("prop/reversed"));
            prev = x;
        }
        g.relate(prev, nodes[a], RelType::Before, None, Evidence::rule("prop/reversed"));
        let s = g.solve();
        prop_assert!(!s.conflicts.is_empty());
        check_conflicts(&s)?;
        // Setting aside the last reversed link leaves a consistent network: one conflict,
        // naming it, and no longer than the cycle we built (len + 2 BEFOREs, each with its
        // interval's start ≤ end: 2·(len + 2) steps), since explanations are shortened.
        prop_assert_eq!(s.conflicts.len(), 1);
        let c0 = &s.conflicts[0];
        prop_assert_eq!(&c0.cycle[c0.set_aside].evidence.rule, "prop/reversed");
        let steps: usize = c0.cycle.iter().map(|e| e.steps.len()).sum();
        prop_assert!(steps <= 2 * (len + 2), "{} steps in {}", steps, c0);
        prop_assert!(s.unresolved().is_empty());
    }

    /// Contradictory absolute bounds conflict through the calendar.
    #[test]
    fn impossible_dates_conflict(c in case(8), gap in 1i64..20, pick in any::<prop::sample::Index>()) {
        let (mut g, nodes) = build(&c);
        let i = pick.index(nodes.len());
        let t = c.truth[i].0;
        g.bound(nodes[i], Some(date(t + gap)), Some(date(t + gap - 1)), Evidence::rule("prop/bad"));
        let s = g.solve();
        prop_assert!(!s.conflicts.is_empty());
        check_conflicts(&s)?;
    }

    /// The qualitative closure equals the one read from all-pairs distances, for every pair.
    #[test]
    fn closure_matches_brute_force(c in case(7)) {
        let (g, nodes) = build(&c);
        let s = g.solve();
        let d = brute_matrix(&c).expect("consistent by construction");
        for a in 0..nodes.len() {
            for b in 0..nodes.len() {
                prop_assert_eq!(s.relation(nodes[a], nodes[b]), brute_relation(&d, a, b), "n{} n{}", a, b);
            }
        }
    }

    /// The qualitative closure is sound: stating the entailed relation changes no bound and
    /// adds no conflict; a stated relation is entailed (up to synonyms).
    #[test]
    fn closure_is_sound(c in case(7)) {
        let (g, nodes) = build(&c);
        let s = g.solve();
        for &(a, b, rel, _) in c.relations.iter().take(4) {
            let got = s.relation(nodes[a], nodes[b]);
            prop_assert!(got.is_some() || rel == RelType::Vague, "n{a} {rel} n{b} not entailed");
        }
        for (a, b) in [(0, 1), (1, 0)] {
            if let Some(r) = s.relation(nodes[a], nodes[b]) {
                let mut g2 = g.clone();
                g2.relate(nodes[a], nodes[b], r, None, Evidence::rule("prop/entailed"));
                let s2 = g2.solve();
                prop_assert!(s2.is_consistent());
                prop_assert_eq!(&s2.bounds, &s.bounds);
            }
        }
    }
}
