//! Properties of the relation graph (proptest): random acyclic BEFORE/AFTER/INCLUDES sets
//! that agree with one hidden order never report a conflict; adding one relation that
//! reverses an existing path always does; solving is deterministic.

use proptest::prelude::*;
use tempograph_core::relation::RelType;
use tempograph_graph::{Evidence, Graph};

/// `n` nodes, a hidden order (a permutation), and edges (i, j) between positions i < j.
fn dag() -> impl Strategy<Value = (usize, Vec<usize>, Vec<(usize, usize)>)> {
    (2usize..40).prop_flat_map(|n| {
        (
            Just(n),
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            prop::collection::vec((0..n, 0..n), 1..(3 * n)),
        )
            .prop_map(|(n, perm, pairs)| {
                let edges = pairs
                    .into_iter()
                    .filter(|(a, b)| a != b)
                    .map(|(a, b)| (a.min(b), a.max(b)))
                    .collect();
                (n, perm, edges)
            })
    })
}

fn build(n: usize, perm: &[usize], edges: &[(usize, usize)], flip: &[bool]) -> (Graph, Vec<tempograph_graph::NodeId>) {
    let mut g = Graph::new();
    let ids: Vec<_> = (0..n).map(|i| g.add_interval(format!("e{i}"), (0, i))).collect();
    for (k, &(i, j)) in edges.iter().enumerate() {
        // Position i comes before position j in the hidden order.
        let (a, b) = (ids[perm[i]], ids[perm[j]]);
        if flip.get(k).copied().unwrap_or(false) {
            g.relate(b, a, RelType::After, None, Evidence::rule("prop/after"));
        } else {
            g.relate(a, b, RelType::Before, None, Evidence::rule("prop/before"));
        }
    }
    (g, ids)
}

/// Is there a path from position `i` to position `j` along `edges`?
fn reaches(n: usize, edges: &[(usize, usize)], i: usize, j: usize) -> bool {
    let mut seen = vec![false; n];
    let mut stack = vec![i];
    while let Some(x) = stack.pop() {
        if x == j {
            return true;
        }
        if std::mem::replace(&mut seen[x], true) {
            continue;
        }
        stack.extend(edges.iter().filter(|e| e.0 == x).map(|e| e.1));
    }
    false
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn acyclic_sets_never_conflict((n, perm, edges) in dag(), flip in prop::collection::vec(any::<bool>(), 0..120)) {
        let (g, _) = build(n, &perm, &edges, &flip);
        let s = g.solve();
        prop_assert!(s.is_consistent(), "{} edges on {} nodes reported a conflict", edges.len(), n);
    }

    #[test]
    fn a_reversed_path_always_conflicts((n, perm, edges) in dag(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!edges.is_empty());
        let (i, j) = edges[pick.index(edges.len())];
        prop_assume!(reaches(n, &edges, i, j));
        let (mut g, ids) = build(n, &perm, &edges, &[]);
        g.relate(ids[perm[j]], ids[perm[i]], RelType::Before, None, Evidence::rule("prop/reversed"));
        let s = g.solve();
        prop_assert!(!s.is_consistent());
    }

    #[test]
    fn solving_is_deterministic((n, perm, edges) in dag()) {
        let (g1, _) = build(n, &perm, &edges, &[]);
        let (g2, _) = build(n, &perm, &edges, &[]);
        prop_assert_eq!(format!("{:?}", g1.solve()), format!("{:?}", g2.solve()));
    }
}
