//! The relation graph: events and times as intervals, TimeML relations between them, a
//! consistency check, tightened dates, a deterministic order and a qualitative closure.
//!
//! | input                                                   | solved                                          |
//! |---------------------------------------------------------|-------------------------------------------------|
//! | `dct` on 2014-12-18; `hack BEFORE dct`, 25..35 days      | hack starts in [2014-11-13, 2014-11-23]          |
//! | `week` = 2014-W51; `escalated IS_INCLUDED week`, `escalated BEFORE dct` | escalated in [2014-12-15, 2014-12-18] |
//! | `a BEFORE b`, `b BEFORE a`                               | one [`Conflict`]: `a BEFORE b (…) → b BEFORE a (…)` |
//! | `a BEFORE b`, `b BEFORE c`                               | `relation(a, c)` = `BEFORE`; order `a, b, c`     |
//!
//! Every interval `n` has two time points, `start(n) ≤ end(n)`. Every fact (an absolute
//! bound, a relation, a duration) becomes difference constraints between points, at day
//! granularity, carrying its [`Evidence`]. The points and constraints form a Simple Temporal
//! Network (see `stn.rs` and `docs/GRAPH.md`); a contradiction is a negative cycle, reported
//! as a [`Conflict`] listing each fact on the cycle with its evidence — never dropped.
//!
//! Relations map to endpoint constraints (`a REL b`; `<` is strict, `≤` allows the same
//! instant; the inverse relations swap `a` and `b`):
//!
//! | relation | constraints |
//! |----------|-------------|
//! | `BEFORE` | `end(a) < start(b)` |
//! | `IBEFORE` | `end(a) = start(b)` |
//! | `INCLUDES` | `start(a) ≤ start(b)`, `end(b) ≤ end(a)` |
//! | `DURING`, `DURING_INV`, `SIMULTANEOUS`, `IDENTITY` | `start(a) = start(b)`, `end(a) = end(b)` |
//! | `BEGINS` | `start(a) = start(b)`, `end(a) ≤ end(b)` |
//! | `ENDS` | `end(a) = end(b)`, `start(b) ≤ start(a)` |
//! | `VAGUE` | nothing |
//! | `distance: Some((lo, hi))` | `lo ≤ start(b) − start(a) ≤ hi` days |
//!
//! # Grammar
//!
//! ```text
//! time      := day + infinitesimal      a day D is the real interval [D, D + 1)
//! bound     := start(n) ≥ D  |  end(n) ≤ D (any time that day)
//! relation  := endpoint constraints of the table above (+ optional start-to-start distance)
//! conflict  := a cycle of constraints whose sum says "t(x) > t(x)"
//! ```

mod stn;

use chrono::Datelike;
use chrono::NaiveDate;
use petgraph::graph::DiGraph;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::time::Duration;
pub use stn::Phase;
use stn::{Arc, Stn, STRUCTURAL, W};
use tempograph_core::format::message;
use tempograph_core::relation::RelType;
use tempograph_core::value::{day_number, from_day_number, Precision};

/// Distances and durations are clamped to ± this many days (about 2.7 million years).
pub const MAX_DAYS: i64 = 1_000_000_000;

/// Conflicts listed in full by default; see [`Graph::set_conflict_limit`].
pub const DEFAULT_CONFLICT_LIMIT: usize = 100;

/// An interval node of a [`Graph`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NodeId(u32);

impl NodeId {
    /// Position of the node in insertion order (index into [`Solved::bounds`]).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Why a fact is in the graph: where it was read and which rule produced it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id, e.g. `doc004`.
    pub doc: Option<String>,
    /// Byte span in that document.
    pub span: Option<(usize, usize)>,
    /// The text that justifies the fact (a signal, a clause, a date).
    pub text: String,
    /// The rule id, e.g. `link/signal-after`.
    pub rule: String,
}

impl Evidence {
    /// Evidence with only a rule id.
    pub fn rule(rule: impl Into<String>) -> Evidence {
        Evidence {
            rule: rule.into(),
            ..Evidence::default()
        }
    }
}

impl fmt::Display for Evidence {
    /// `doc004 @ 812..840 "A month after", rule link/signal-after`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        let mut place = String::new();
        if let Some(doc) = &self.doc {
            place.push_str(doc);
        }
        if let Some((a, b)) = self.span {
            if !place.is_empty() {
                place.push(' ');
            }
            place.push_str(&format!("@ {a}..{b}"));
        }
        if !self.text.is_empty() {
            if !place.is_empty() {
                place.push(' ');
            }
            place.push_str(&format!("{:?}", self.text));
        }
        if !place.is_empty() {
            parts.push(place);
        }
        if !self.rule.is_empty() {
            parts.push(format!("rule {}", self.rule));
        }
        f.write_str(&parts.join(", "))
    }
}

/// One end of an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The start point.
    Start,
    /// The end point.
    End,
}

#[derive(Clone, Debug)]
struct Node {
    key: String,
    tie: (usize, usize),
}

#[derive(Clone, Debug)]
enum FactKind {
    Relation {
        a: NodeId,
        b: NodeId,
        rel: RelType,
        distance: Option<(i64, i64)>,
    },
    /// `side(n) ≥ date` (`lower`) or `side(n) ≤ date`.
    Bound {
        n: NodeId,
        side: Side,
        lower: bool,
        date: NaiveDate,
    },
    Duration {
        n: NodeId,
        min: i64,
        max: i64,
    },
}

#[derive(Clone, Debug)]
struct Fact {
    kind: FactKind,
    evidence: Evidence,
}

/// Endpoint of `a` or `b` in a relation's constraint table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pt {
    Sa,
    Ea,
    Sb,
    Eb,
}

/// `x ≤ y`, `x < y` or `x = y`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cmp {
    Le,
    Lt,
    Eq,
}

/// One endpoint constraint `x CMP y`.
type PointConstraint = (Pt, Cmp, Pt);

/// The relation → endpoint-constraint table (inverse relations are stored swapped).
static RELATION_CONSTRAINTS: &[(RelType, &[PointConstraint])] = {
    use Cmp::*;
    use Pt::*;
    use RelType::*;
    &[
        (Before, &[(Ea, Lt, Sb)]),
        (After, &[(Eb, Lt, Sa)]),
        (IBefore, &[(Ea, Eq, Sb)]),
        (IAfter, &[(Eb, Eq, Sa)]),
        (Includes, &[(Sa, Le, Sb), (Eb, Le, Ea)]),
        (IsIncluded, &[(Sb, Le, Sa), (Ea, Le, Eb)]),
        (During, &[(Sa, Eq, Sb), (Ea, Eq, Eb)]),
        (DuringInv, &[(Sa, Eq, Sb), (Ea, Eq, Eb)]),
        (Simultaneous, &[(Sa, Eq, Sb), (Ea, Eq, Eb)]),
        (Identity, &[(Sa, Eq, Sb), (Ea, Eq, Eb)]),
        (Begins, &[(Sa, Eq, Sb), (Ea, Le, Eb)]),
        (BegunBy, &[(Sa, Eq, Sb), (Eb, Le, Ea)]),
        (Ends, &[(Ea, Eq, Eb), (Sb, Le, Sa)]),
        (EndedBy, &[(Ea, Eq, Eb), (Sa, Le, Sb)]),
        (Vague, &[]),
    ]
};

fn constraints_of(rel: RelType) -> &'static [PointConstraint] {
    RELATION_CONSTRAINTS
        .iter()
        .find(|(r, _)| *r == rel)
        .map(|(_, c)| *c)
        .unwrap_or(&[])
}

fn start(n: NodeId) -> u32 {
    n.0 * 2
}

fn end(n: NodeId) -> u32 {
    n.0 * 2 + 1
}

/// A graph of intervals and the facts relating them. Build it, then [`Graph::solve`].
///
/// Methods taking a [`NodeId`] panic if it was not returned by this graph's
/// [`Graph::add_interval`] (a programming error, never a property of the input text).
///
/// ```
/// use tempograph_graph::{Evidence, Graph};
/// use tempograph_core::relation::RelType;
///
/// let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
/// let mut g = Graph::new();
/// let dct = g.add_interval("dct", (0, 0));
/// let hack = g.add_interval("e1", (0, 60));
/// g.pin(dct, day("2014-12-18"), day("2014-12-18"), Evidence::rule("document/dct"));
/// g.relate(hack, dct, RelType::Before, Some((25, 35)), Evidence::rule("link/signal-after"));
/// g.relate(dct, hack, RelType::Before, None, Evidence::rule("oops"));
/// let solved = g.solve();
/// assert_eq!(solved.bounds(hack).earliest_start, Some(day("2014-11-13")));
/// assert_eq!(solved.bounds(hack).latest_start, Some(day("2014-11-23")));
/// assert_eq!(
///     solved.conflicts[0].to_string(),
///     "e1 BEFORE dct, start to start 25..35 days (rule link/signal-after) → dct BEFORE e1 (rule oops)"
/// );
/// assert_eq!(solved.relation(hack, dct), Some(RelType::Before));
/// ```
#[derive(Clone, Debug)]
pub struct Graph {
    /// Nodes are intervals; edges are relation facts (their index in `facts`).
    net: DiGraph<Node, u32>,
    /// Every fact in insertion order; bounds and durations are not petgraph edges.
    facts: Vec<Fact>,
    by_key: HashMap<String, NodeId>,
    limit: usize,
}

impl Default for Graph {
    fn default() -> Graph {
        Graph::new()
    }
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Graph {
        Graph {
            net: DiGraph::new(),
            facts: Vec::new(),
            by_key: HashMap::new(),
            limit: DEFAULT_CONFLICT_LIMIT,
        }
    }

    /// Adds an interval (an event, a time, a DCT) with a stable key (`"e3"`, `"t2"`,
    /// `"dct:doc004"`) and a tie-breaker for ordering (`(document index, byte offset)`).
    /// A key already present returns the existing node (its first tie is kept).
    pub fn add_interval(&mut self, key: impl Into<String>, tie: (usize, usize)) -> NodeId {
        let key = key.into();
        if let Some(&n) = self.by_key.get(&key) {
            return n;
        }
        let idx = self.net.add_node(Node { key: key.clone(), tie });
        let n = NodeId(idx.index() as u32);
        self.by_key.insert(key, n);
        n
    }

    /// Absolute dates, inclusive days: `n` starts on or after `earliest_start` and ends on
    /// or before `latest_end`.
    pub fn bound(&mut self, n: NodeId, earliest_start: Option<NaiveDate>, latest_end: Option<NaiveDate>, ev: Evidence) {
        if let Some(d) = earliest_start {
            self.push_bound(n, Side::Start, true, d, ev.clone());
        }
        if let Some(d) = latest_end {
            self.push_bound(n, Side::End, false, d, ev);
        }
    }

    /// Absolute dates for one endpoint: it falls on or after `earliest` and on or before
    /// `latest` (inclusive days).
    pub fn bound_side(
        &mut self,
        n: NodeId,
        side: Side,
        earliest: Option<NaiveDate>,
        latest: Option<NaiveDate>,
        ev: Evidence,
    ) {
        if let Some(d) = earliest {
            self.push_bound(n, side, true, d, ev.clone());
        }
        if let Some(d) = latest {
            self.push_bound(n, side, false, d, ev);
        }
    }

    /// A calendar interval exactly (a TIMEX3 date such as `2014-W51`): `n` starts on
    /// `first_day` and ends on `last_day`. Unlike [`Graph::bound`], which only says the
    /// interval lies somewhere inside, both endpoints are fixed to their day.
    pub fn pin(&mut self, n: NodeId, first_day: NaiveDate, last_day: NaiveDate, ev: Evidence) {
        self.bound_side(n, Side::Start, Some(first_day), Some(first_day), ev.clone());
        self.bound_side(n, Side::End, Some(last_day), Some(last_day), ev);
    }

    fn push_bound(&mut self, n: NodeId, side: Side, lower: bool, date: NaiveDate, evidence: Evidence) {
        self.facts.push(Fact {
            kind: FactKind::Bound { n, side, lower, date },
            evidence,
        });
    }

    /// A qualitative relation `a REL b` (see the module table), optionally with the allowed
    /// values of `start(b) − start(a)` in days (`"a month after"` → `(25, 35)`).
    pub fn relate(&mut self, a: NodeId, b: NodeId, rel: RelType, distance: Option<(i64, i64)>, ev: Evidence) {
        let id = self.facts.len() as u32;
        let distance = distance.map(|(lo, hi)| (lo.clamp(-MAX_DAYS, MAX_DAYS), hi.clamp(-MAX_DAYS, MAX_DAYS)));
        self.facts.push(Fact {
            kind: FactKind::Relation { a, b, rel, distance },
            evidence: ev,
        });
        self.net.add_edge(
            petgraph::graph::NodeIndex::new(a.index()),
            petgraph::graph::NodeIndex::new(b.index()),
            id,
        );
    }

    /// `n` lasts between `min` and `max` days: `min ≤ end(n) − start(n) ≤ max`.
    pub fn duration(&mut self, n: NodeId, min: i64, max: i64, ev: Evidence) {
        self.facts.push(Fact {
            kind: FactKind::Duration {
                n,
                min: min.clamp(-MAX_DAYS, MAX_DAYS),
                max: max.clamp(-MAX_DAYS, MAX_DAYS),
            },
            evidence: ev,
        });
    }

    /// How many conflicts [`Graph::solve`] lists in full (default [`DEFAULT_CONFLICT_LIMIT`]).
    /// Past the limit, contradictions are still resolved or quarantined and counted
    /// ([`Solved::unlisted_conflicts`], [`Solved::unresolved`]).
    pub fn set_conflict_limit(&mut self, limit: usize) {
        self.limit = limit;
    }

    /// Number of interval nodes.
    pub fn len(&self) -> usize {
        self.net.node_count()
    }

    /// No nodes yet.
    pub fn is_empty(&self) -> bool {
        self.net.node_count() == 0
    }

    /// Number of facts (bounds count once per endpoint).
    pub fn fact_count(&self) -> usize {
        self.facts.len()
    }

    /// The key a node was added with.
    ///
    /// Panics if `n` is not a node of this graph (as every method taking a [`NodeId`] does).
    pub fn key(&self, n: NodeId) -> &str {
        &self.net[petgraph::graph::NodeIndex::new(n.index())].key
    }

    /// The node added with `key`, if any.
    pub fn find(&self, key: &str) -> Option<NodeId> {
        self.by_key.get(key).copied()
    }

    fn node(&self, n: NodeId) -> &Node {
        &self.net[petgraph::graph::NodeIndex::new(n.index())]
    }

    /// The difference-constraint arcs of every fact.
    fn arcs(&self) -> Vec<Arc> {
        let n = self.len() as u32;
        let origin = n * 2;
        let mut arcs = Vec::with_capacity(self.len() + self.facts.len() * 2);
        // t(y) − t(x) ≤ w  ⇒  arc x → y.
        let mut le = |x: u32, y: u32, w: W, fact: u32| {
            arcs.push(Arc {
                from: x,
                to: y,
                w,
                fact,
            })
        };
        for i in 0..n {
            le(end(NodeId(i)), start(NodeId(i)), W::ZERO, STRUCTURAL);
        }
        for e in self.net.edge_references() {
            let id = *e.weight();
            let FactKind::Relation { a, b, rel, distance } = self.facts[id as usize].kind else {
                continue;
            };
            let pt = |p: Pt| match p {
                Pt::Sa => start(a),
                Pt::Ea => end(a),
                Pt::Sb => start(b),
                Pt::Eb => end(b),
            };
            for &(x, cmp, y) in constraints_of(rel) {
                let (x, y) = (pt(x), pt(y));
                // t(x) ≤ t(y)  ⇔  t(x) − t(y) ≤ 0  ⇒  arc y → x.
                match cmp {
                    Cmp::Le => le(y, x, W::ZERO, id),
                    Cmp::Lt => le(y, x, W::STRICT, id),
                    Cmp::Eq => {
                        le(y, x, W::ZERO, id);
                        le(x, y, W::ZERO, id);
                    }
                }
            }
            if let Some((lo, hi)) = distance {
                le(start(a), start(b), W::days(hi), id);
                le(start(b), start(a), W::days(-lo), id);
            }
        }
        for (id, fact) in self.facts.iter().enumerate() {
            let id = id as u32;
            match fact.kind {
                FactKind::Relation { .. } => {}
                FactKind::Bound { n, side, lower, date } => {
                    let p = if side == Side::Start { start(n) } else { end(n) };
                    let d = day_number(date);
                    if lower {
                        // t(p) ≥ D  ⇒  t(origin) − t(p) ≤ −D.
                        le(p, origin, W::days(-d), id);
                    } else {
                        // t(p) < D + 1  ⇒  t(p) − t(origin) ≤ D + 1 − ε.
                        le(origin, p, W { days: d + 1, eps: -1 }, id);
                    }
                }
                FactKind::Duration { n, min, max } => {
                    le(start(n), end(n), W::days(max), id);
                    le(end(n), start(n), W::days(-min), id);
                }
            }
        }
        arcs
    }

    /// Checks consistency and computes bounds, order and conflicts.
    pub fn solve(&self) -> Solved {
        self.solve_profiled(&Duration::default).0
    }

    /// [`Graph::solve`], also returning how long each phase took by `clock` (a monotonic
    /// time, e.g. the thread's CPU time): `network`, the engine's `relations` and `bounds`,
    /// `check+bounds` in all, `order`. For benchmarks only: never put the times in output.
    #[doc(hidden)]
    pub fn solve_profiled(&self, clock: &dyn Fn() -> Duration) -> (Solved, Vec<(Phase, Duration)>) {
        let mut times = Vec::new();
        let t0 = clock();
        let n = self.len();
        let stn = Stn::new(n * 2, self.arcs(), self.facts.len());
        times.push((Phase::Network, clock() - t0));
        let t0 = clock();
        let sol = stn.solve(self.limit, clock);
        times.extend(sol.times.iter().map(|&(k, t)| (k, t)));
        let date = |w: W| -> Option<NaiveDate> {
            if w.is_inf() {
                None
            } else {
                from_day_number(w.day())
            }
        };
        let mut bounds = Vec::with_capacity(n);
        let mut unresolved = Vec::new();
        for i in 0..n as u32 {
            let id = NodeId(i);
            let (s, e) = (start(id) as usize, end(id) as usize);
            if sol.dead[s] || sol.dead[e] {
                unresolved.push(id);
                bounds.push(Bounds::default());
                continue;
            }
            bounds.push(Bounds {
                earliest_start: date(-sol.to_origin[s]),
                latest_start: date(sol.latest[s]),
                earliest_end: date(-sol.to_origin[e]),
                latest_end: date(sol.latest[e]),
            });
        }
        // Listed by the earliest-added fact on each cycle (cycles start there).
        let mut conflicts: Vec<Conflict> = sol
            .cycles
            .iter()
            .map(|(cycle, f)| self.conflict(&stn, cycle, *f))
            .collect();
        conflicts.sort_by_key(|c| c.cycle.iter().filter_map(|e| e.fact).min());
        // Order key per point: earliest time if known, else latest, else last; then tie.
        let keys: Vec<(u8, W, (usize, usize), u32)> = (0..n as u32 * 2)
            .map(|p| {
                let node = self.node(NodeId(p / 2));
                let (class, w) = if sol.dead[p as usize] {
                    (2, W::ZERO)
                } else if !sol.to_origin[p as usize].is_inf() {
                    (0, -sol.to_origin[p as usize])
                } else if !sol.latest[p as usize].is_inf() {
                    (0, sol.latest[p as usize])
                } else {
                    (1, W::ZERO)
                };
                (class, w, node.tie, p)
            })
            .collect();
        times.push((Phase::CheckBounds, clock() - t0));
        let t0 = clock();
        let order = stn
            .order(&keys, &sol)
            .into_iter()
            .filter(|p| p % 2 == 0)
            .map(|p| NodeId(p / 2))
            .collect();
        times.push((Phase::Order, clock() - t0));
        let solved = Solved {
            bounds,
            conflicts,
            order,
            unlisted: sol.unlisted,
            unresolved,
            stn,
            sol,
        };
        (solved, times)
    }

    fn point_name(&self, p: u32) -> String {
        if p as usize == self.len() * 2 {
            return "day 0".to_string();
        }
        let key = &self.node(NodeId(p / 2)).key;
        if p % 2 == 0 {
            format!("start({key})")
        } else {
            format!("end({key})")
        }
    }

    /// The conflict for a cycle of arcs: steps read against the arcs (each step says how much
    /// later its `to` point must be than its `from` point), grouped by fact.
    fn conflict(&self, stn: &Stn, cycle: &[u32], set_aside: u32) -> Conflict {
        // Each step is keyed by its fact (and, for an implicit start ≤ end, by its node).
        let steps: Vec<((u32, u32), Step)> = cycle
            .iter()
            .rev()
            .map(|&a| {
                let arc = stn.arc(a);
                let node = if arc.fact == STRUCTURAL { arc.from / 2 } else { 0 };
                (
                    (arc.fact, node),
                    Step {
                        from: self.point_name(arc.to),
                        to: self.point_name(arc.from),
                        min_days: -arc.w.days,
                        strict: arc.w.eps < 0,
                    },
                )
            })
            .collect();
        // Group consecutive steps of one fact, merging a group split across the wrap-around.
        let mut groups: Vec<((u32, u32), Vec<Step>)> = Vec::new();
        for (k, s) in steps {
            match groups.last_mut() {
                Some((g, v)) if *g == k => v.push(s),
                _ => groups.push((k, vec![s])),
            }
        }
        if groups.len() > 1 && groups[0].0 == groups[groups.len() - 1].0 {
            let (_, mut tail) = groups.pop().expect("non-empty");
            tail.append(&mut groups[0].1);
            groups[0].1 = tail;
        }
        // Start at the earliest-added fact, for a stable reading.
        let first = groups
            .iter()
            .enumerate()
            .min_by_key(|(_, (k, _))| *k)
            .map(|(i, _)| i)
            .unwrap_or(0);
        groups.rotate_left(first);
        let cycle: Vec<ConflictEdge> = groups
            .into_iter()
            .map(|((f, node), steps)| self.edge(f, NodeId(node), steps))
            .collect();
        let set_aside = cycle
            .iter()
            .position(|e| e.fact == Some(set_aside as usize))
            .unwrap_or(0);
        Conflict { cycle, set_aside }
    }

    fn edge(&self, fact: u32, node: NodeId, steps: Vec<Step>) -> ConflictEdge {
        if fact == STRUCTURAL {
            let key = self.node(node).key.clone();
            return ConflictEdge {
                from: key.clone(),
                to: key.clone(),
                constraint: format!("{key} starts no later than it ends"),
                evidence: Evidence::rule("graph/interval"),
                rel: None,
                fact: None,
                implicit: true,
                steps,
            };
        }
        let f = &self.facts[fact as usize];
        let key = |n: NodeId| self.node(n).key.clone();
        let (from, to, constraint, rel) = match f.kind {
            FactKind::Relation { a, b, rel, distance } => {
                let (ka, kb) = (key(a), key(b));
                let text = match (rel, distance) {
                    (RelType::Vague, Some((lo, hi))) => format!("{kb} starts {lo}..{hi} days after {ka} starts"),
                    (_, Some((lo, hi))) => format!("{ka} {rel} {kb}, start to start {lo}..{hi} days"),
                    (_, None) => format!("{ka} {rel} {kb}"),
                };
                (ka, kb, text, Some(rel))
            }
            FactKind::Bound { n, side, lower, date } => {
                let k = key(n);
                let verb = if side == Side::Start {
                    message::STARTS
                } else {
                    message::ENDS
                };
                let how = if lower { "on or after" } else { "on or before" };
                (k.clone(), k.clone(), format!("{k} {verb} {how} {date}"), None)
            }
            FactKind::Duration { n, min, max } => {
                let k = key(n);
                (k.clone(), k.clone(), format!("{k} lasts {min}..{max} days"), None)
            }
        };
        ConflictEdge {
            from,
            to,
            constraint,
            evidence: f.evidence.clone(),
            rel,
            fact: Some(fact as usize),
            implicit: false,
            steps,
        }
    }
}

/// The tightened dates of one interval (`None`: unbounded, or unresolved).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bounds {
    /// First day the interval can start.
    pub earliest_start: Option<NaiveDate>,
    /// Last day the interval can start.
    pub latest_start: Option<NaiveDate>,
    /// First day the interval can end.
    pub earliest_end: Option<NaiveDate>,
    /// Last day the interval can end.
    pub latest_end: Option<NaiveDate>,
}

impl Bounds {
    /// The days the interval can lie in: earliest start to latest end, when both are known.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.earliest_start?, self.latest_end?))
    }

    /// The finest calendar unit containing [`Bounds::span`]: `Day` when it is one day,
    /// `Week` within one ISO week, then `Month`, `Quarter`, `Half`, `Year`, `Decade`,
    /// `Century`; `None` when unbounded or wider.
    pub fn precision(&self) -> Option<Precision> {
        let (a, b) = self.span()?;
        let same = |f: &dyn Fn(NaiveDate) -> i64| f(a) == f(b);
        let y = |d: NaiveDate| i64::from(d.year());
        let m = |d: NaiveDate| y(d) * 12 + i64::from(d.month0());
        Some(if a == b {
            Precision::Day
        } else if a.iso_week() == b.iso_week() {
            Precision::Week
        } else if same(&m) {
            Precision::Month
        } else if same(&|d| m(d).div_euclid(3)) {
            Precision::Quarter
        } else if same(&|d| m(d).div_euclid(6)) {
            Precision::Half
        } else if same(&y) {
            Precision::Year
        } else if same(&|d| y(d).div_euclid(10)) {
            Precision::Decade
        } else if same(&|d| y(d).div_euclid(100)) {
            Precision::Century
        } else {
            return None;
        })
    }
}

/// One step of a conflict cycle: `t(to) − t(from) ≥ min_days` (`>` when `strict`).
/// Points are named `start(key)`, `end(key)` or `day 0` (the calendar origin).
/// Around a conflict the steps chain (`to` of one is `from` of the next) and add up to
/// `t(x) − t(x) > 0`: a positive `min_days` sum, or zero with a strict step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// The earlier point: `start(key)`, `end(key)` or `day 0`.
    pub from: String,
    /// The later point.
    pub to: String,
    /// Least difference `t(to) − t(from)` in days.
    pub min_days: i64,
    /// The difference must also be more than `min_days` (by an infinitesimal).
    pub strict: bool,
}

/// One fact on a conflict cycle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictEdge {
    /// Key of the node the fact is stated from (`a` of `a REL b`; the node itself for a
    /// bound or a duration).
    pub from: String,
    /// Key of the other node (`b`; the node itself for a bound or a duration).
    pub to: String,
    /// The fact in words: `e3 BEFORE e5`, `e3 starts on or after 2014-11-13`.
    pub constraint: String,
    /// Why the fact holds.
    pub evidence: Evidence,
    /// The relation, for relation facts.
    pub rel: Option<RelType>,
    /// Index of the fact in insertion order (`None` for an implicit `start ≤ end`).
    pub fact: Option<usize>,
    /// An interval's own `start ≤ end`: part of the cycle, left out of `Display`.
    pub implicit: bool,
    /// The point-level steps this fact contributes to the cycle.
    pub steps: Vec<Step>,
}

/// A contradiction: a cycle of facts that cannot all hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The facts around the cycle, starting at the earliest added.
    pub cycle: Vec<ConflictEdge>,
    /// Index into `cycle` of the fact set aside to go on (the most recently added one).
    pub set_aside: usize,
}

impl Conflict {
    /// Sum of the steps' `min_days` and whether any is strict: `(d, s)` with `d > 0` or
    /// `d == 0 && s` for every real conflict.
    pub fn excess(&self) -> (i64, bool) {
        let steps = self.cycle.iter().flat_map(|e| &e.steps);
        let days = steps.clone().map(|s| s.min_days).sum();
        (days, steps.clone().any(|s| s.strict))
    }
}

impl fmt::Display for Conflict {
    /// `a BEFORE b (doc1 @ 3..9 "before", rule r) → b BEFORE a (…)`; with `{:#}` the fact
    /// set aside is named too.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for e in self.cycle.iter().filter(|e| !e.implicit) {
            if !first {
                f.write_str(" → ")?;
            }
            first = false;
            write!(f, "{} ({})", e.constraint, e.evidence)?;
        }
        if f.alternate() {
            if let Some(e) = self.cycle.get(self.set_aside) {
                write!(f, " [set aside: {}]", e.constraint)?;
            }
        }
        Ok(())
    }
}

/// The result of [`Graph::solve`].
pub struct Solved {
    /// Tightened dates per node, indexed by [`NodeId::index`].
    pub bounds: Vec<Bounds>,
    /// Contradictions found (at most the conflict limit), by their earliest-added fact.
    pub conflicts: Vec<Conflict>,
    /// Every node once: topological with respect to entailed precedence, ties by earliest
    /// start (else latest start, unknown last), then `tie`.
    pub order: Vec<NodeId>,
    unlisted: usize,
    unresolved: Vec<NodeId>,
    stn: Stn,
    sol: stn::Solution,
}

impl fmt::Debug for Solved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Solved")
            .field("bounds", &self.bounds)
            .field("conflicts", &self.conflicts)
            .field("order", &self.order)
            .field("unlisted", &self.unlisted)
            .field("unresolved", &self.unresolved)
            .finish()
    }
}

impl Solved {
    /// The tightened dates of `n` (all `None` for an unknown node).
    pub fn bounds(&self, n: NodeId) -> Bounds {
        self.bounds.get(n.index()).copied().unwrap_or_default()
    }

    /// No contradiction was found.
    pub fn is_consistent(&self) -> bool {
        self.conflicts.is_empty() && self.unlisted == 0 && self.unresolved.is_empty()
    }

    /// Contradictions found beyond the conflict limit (not listed in `conflicts`).
    pub fn unlisted_conflicts(&self) -> usize {
        self.unlisted
    }

    /// Nodes left without bounds because they stayed in contradiction past the limit.
    pub fn unresolved(&self) -> &[NodeId] {
        &self.unresolved
    }

    /// The strongest TimeML relation `a REL b` the network entails (with the facts set aside
    /// removed), or `None` when none is entailed. Costs four Dijkstra searches on the point
    /// graph, `O(m log n)` each: meant for a handful of pairs, not all pairs.
    pub fn relation(&self, a: NodeId, b: NodeId) -> Option<RelType> {
        let n = self.bounds.len() as u32;
        if a.0 >= n || b.0 >= n {
            return None;
        }
        let (sa, ea, sb, eb) = (start(a), end(a), start(b), end(b));
        if [sa, ea, sb, eb].iter().any(|&p| self.sol.dead[p as usize]) {
            return None;
        }
        // Absolute bounds alone may already separate the two (no search needed).
        let (lat, to_o) = (&self.sol.latest, &self.sol.to_origin);
        let apart = |x: u32, y: u32| {
            let (xo, oy) = (to_o[y as usize], lat[x as usize]);
            !xo.is_inf() && !oy.is_inf() && oy + xo < W::ZERO
        };
        if apart(ea, sb) {
            return Some(RelType::Before);
        }
        if apart(eb, sa) {
            return Some(RelType::After);
        }
        let from_a = [
            self.stn.distances(sa, &[sb, eb], false, &self.sol),
            self.stn.distances(ea, &[sb, eb], false, &self.sol),
        ];
        let to_a = [
            self.stn.distances(sa, &[sb, eb], true, &self.sol),
            self.stn.distances(ea, &[sb, eb], true, &self.sol),
        ];
        // Shortest distance x → y, through the calendar origin too.
        let full = |x: u32, y: u32, rel: W| {
            let (xo, oy) = (self.sol.to_origin[x as usize], self.sol.latest[y as usize]);
            if xo.is_inf() || oy.is_inf() {
                rel
            } else {
                rel.min(xo + oy)
            }
        };
        let idx = |p: u32| usize::from(p == ea || p == eb);
        let d = |x: u32, y: u32| -> W {
            if x == y {
                return W::ZERO;
            }
            if x == sa || x == ea {
                full(x, y, from_a[idx(x)][idx(y)])
            } else {
                full(x, y, to_a[idx(y)][idx(x)])
            }
        };
        // t(x) ≤ t(y) is entailed iff max(t(x) − t(y)) = d(y → x) ≤ 0.
        let le = |x: u32, y: u32| d(y, x) <= W::ZERO;
        let lt = |x: u32, y: u32| d(y, x) < W::ZERO;
        let eq = |x: u32, y: u32| le(x, y) && le(y, x);
        use RelType::*;
        let rel = if eq(sa, sb) && eq(ea, eb) {
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
        };
        Some(rel)
    }
}

#[cfg(test)]
mod tests;
