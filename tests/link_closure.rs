//! Properties of the point-algebra closure behind temporal awareness and consistent linking.
use proptest::prelude::*;
use tempograph_core::relation::RelType;
use tempograph_link::closure::{Added, PointGraph};

fn name(i: usize) -> String {
    format!("n{i}")
}

proptest! {
    /// BEFORE links that all point forward in a fixed order never contradict each other, and a
    /// link back along an existing path always does. (Mixing in IBEFORE would not do: `a
    /// IBEFORE c` with `a BEFORE b BEFORE c` is a real contradiction.)
    #[test]
    fn forward_links_are_consistent_and_backward_ones_are_not(
        edges in proptest::collection::vec((0usize..8, 0usize..8), 1..30)
    ) {
        let mut g = PointGraph::new();
        let mut added = Vec::new();
        for (a, b) in edges {
            if a >= b || added.iter().any(|&(x, y)| (x, y) == (a, b)) {
                continue;
            }
            prop_assert_ne!(g.add(&name(a), RelType::Before, &name(b)), Added::Violated);
            added.push((a, b));
        }
        for (a, b) in added {
            prop_assert!(g.implies(&name(b), RelType::After, &name(a)));
            let mut h = g.clone();
            prop_assert_eq!(h.add(&name(b), RelType::Before, &name(a)), Added::Violated);
            let mut h = g.clone();
            prop_assert_eq!(h.add(&name(a), RelType::Simultaneous, &name(b)), Added::Violated);
        }
    }

    /// Adding a link the graph implies changes nothing it implies.
    #[test]
    fn implied_links_are_reported_as_implied(n in 2usize..7) {
        let mut g = PointGraph::new();
        for i in 0..n - 1 {
            prop_assert_eq!(g.add(&name(i), RelType::Before, &name(i + 1)), Added::New);
        }
        prop_assert_eq!(g.add(&name(0), RelType::Before, &name(n - 1)), Added::Implied);
        prop_assert!(g.implies(&name(n - 1), RelType::After, &name(0)));
    }
}
