//! Point-algebra closure over interval endpoints: the timegraph behind temporal awareness
//! (`tempograph_eval::tlink`) and behind consistent labelling in [`super::link`].
//!
//! | added, in order                | then                                  |
//! |--------------------------------|---------------------------------------|
//! | a IBEFORE b, b IBEFORE c       | implies a BEFORE c                    |
//! | a BEFORE b, then b BEFORE a    | the second is [`Added::Violated`]     |
//! | a BEFORE b, then a BEFORE b    | the second is [`Added::Implied`]      |
//!
//! # Grammar
//!
//! Interval relations as point constraints (`x⁻`, `x⁺` the start and end of `x`; every
//! interval has `x⁻ < x⁺`):
//!
//! ```text
//! BEFORE       x⁺ < y⁻              AFTER       y⁺ < x⁻
//! IBEFORE      x⁺ = y⁻              IAFTER      y⁺ = x⁻
//! INCLUDES     x⁻ < y⁻, y⁺ < x⁺     IS_INCLUDED y⁻ < x⁻, x⁺ < y⁺
//! BEGINS       x⁻ = y⁻, x⁺ < y⁺     BEGUN_BY    x⁻ = y⁻, y⁺ < x⁺
//! ENDS         x⁺ = y⁺, y⁻ < x⁻     ENDED_BY    x⁺ = y⁺, x⁻ < y⁻
//! SIMULTANEOUS, IDENTITY, DURING, DURING_INV    x⁻ = y⁻, x⁺ = y⁺
//! ```
//!
//! # Complexity
//!
//! Equal points share a class (union–find, by size, paths compressed); `<` edges join
//! classes, and the classes are kept in a topological order (an order-maintenance list with
//! integer labels, relabelled locally when a gap runs out, amortised O(log n) per move). A
//! question "does `a` reach `b`?" is answered at once when `a` is not before `b` in that
//! order, else by two searches at once, forward from `a` and backward from `b`, each kept
//! inside the part of the order between them and advanced one edge at a time: the answer
//! costs twice the smaller search, not the whole graph. An edge that goes against the order
//! moves whichever side finishes first (the nodes after its target that it reaches, or the
//! nodes before its source that reach it — a balanced Pearce–Kelly step). An addition is
//! decided without trying it: a pair of constraints (`INCLUDES` is two) contradicts the
//! graph exactly when one of them closes a strict cycle alone or the two close one together,
//! which is four reachability questions. See docs/GRAPH.md for the measured growth.

use std::cell::RefCell;
use std::collections::HashMap;
use tempograph_core::relation::RelType;

/// Which end of an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    Start,
    Finish,
}

/// A point relation `a < b` or `a = b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PointRel {
    Less,
    Equal,
}

/// Which interval of `x rel y` a point belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    X,
    Y,
}

/// The point constraints of `x rel y` (see the module's grammar): `(side, end, relation,
/// side, end)`. Empty for `VAGUE`; the inverse relations are handled by swapping the
/// arguments (see `constraints`).
fn point_constraints(rel: RelType) -> &'static [(Side, End, PointRel, Side, End)] {
    use End::*;
    use PointRel::*;
    use Side::*;
    match rel {
        RelType::Before => &[(X, Finish, Less, Y, Start)],
        RelType::IBefore => &[(X, Finish, Equal, Y, Start)],
        RelType::Includes => &[(X, Start, Less, Y, Start), (Y, Finish, Less, X, Finish)],
        RelType::Begins => &[(X, Start, Equal, Y, Start), (X, Finish, Less, Y, Finish)],
        RelType::Ends => &[(X, Finish, Equal, Y, Finish), (Y, Start, Less, X, Start)],
        RelType::After | RelType::IAfter | RelType::IsIncluded | RelType::BegunBy | RelType::EndedBy => &[],
        RelType::Simultaneous | RelType::Identity | RelType::During | RelType::DuringInv => {
            &[(X, Start, Equal, Y, Start), (X, Finish, Equal, Y, Finish)]
        }
        RelType::Vague => &[],
    }
}

/// `x rel y` as point constraints, `x` and `y` being the start points of the two intervals
/// (an interval's end point is its start point + 1): `(point a, rel, point b)`.
fn constraints(x: usize, y: usize, rel: RelType) -> Vec<(usize, PointRel, usize)> {
    let (x, y, rel) = match rel {
        RelType::After | RelType::IAfter | RelType::IsIncluded | RelType::BegunBy | RelType::EndedBy => {
            (y, x, rel.inverse())
        }
        _ => (x, y, rel),
    };
    let p = |s: Side, e: End| if s == Side::X { x } else { y } + usize::from(e == End::Finish);
    point_constraints(rel)
        .iter()
        .map(|&(sa, ea, r, sb, eb)| (p(sa, ea), r, p(sb, eb)))
        .collect()
}

/// What adding a link to a [`PointGraph`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    /// The link was new information; it is part of the reduced graph.
    New,
    /// The graph already implied it.
    Implied,
    /// It contradicts the graph and was not added.
    Violated,
    /// It carries no constraint (`VAGUE`).
    Empty,
}

/// No node.
const NIL: usize = usize::MAX;
/// Labels live in `[0, SPACE)`.
const SPACE_BITS: u32 = 62;
/// The gap left after a node appended at the end of the order.
const APPEND_GAP: u64 = 1 << 24;

/// An order-maintenance list: nodes in a sequence, each with an integer label that grows
/// along it, so that "is `a` before `b`" is one comparison. Node 0 is a head sentinel
/// (label 0); point `p` is node `p + 1`. Inserting where two labels touch relabels the
/// smallest enclosing aligned range of labels that is sparse enough (density falling as
/// 1.3^-i with the range's size 2^i), evenly: the textbook amortised O(log n) scheme.
#[derive(Clone, Debug)]
struct Order {
    label: Vec<u64>,
    prev: Vec<usize>,
    next: Vec<usize>,
    tail: usize,
}

impl Default for Order {
    fn default() -> Order {
        Order {
            label: vec![0],
            prev: vec![NIL],
            next: vec![NIL],
            tail: 0,
        }
    }
}

impl Order {
    /// A new node (not yet in the list).
    fn alloc(&mut self) -> usize {
        self.label.push(0);
        self.prev.push(NIL);
        self.next.push(NIL);
        self.label.len() - 1
    }

    fn unlink(&mut self, n: usize) {
        let (p, q) = (self.prev[n], self.next[n]);
        self.next[p] = q;
        if q == NIL {
            self.tail = p;
        } else {
            self.prev[q] = p;
        }
        self.prev[n] = NIL;
        self.next[n] = NIL;
    }

    /// Put node `n` (not in the list) right after node `x`.
    fn insert_after(&mut self, x: usize, n: usize) {
        let hi = |o: &Order| match o.next[x] {
            NIL => 1u64 << SPACE_BITS,
            q => o.label[q],
        };
        if hi(self) - self.label[x] < 2 {
            self.relabel_around(x);
        }
        let (lo, hi) = (self.label[x], hi(self));
        self.label[n] = lo + ((hi - lo) / 2).min(APPEND_GAP);
        let q = self.next[x];
        self.prev[n] = x;
        self.next[n] = q;
        self.next[x] = n;
        if q == NIL {
            self.tail = n;
        } else {
            self.prev[q] = n;
        }
    }

    /// Spread the labels around node `x` so that a label fits right after it.
    fn relabel_around(&mut self, x: usize) {
        for i in 1..=SPACE_BITS {
            let size = 1u64 << i;
            let base = self.label[x] & !(size - 1);
            let mut first = x;
            while self.prev[first] != NIL && self.label[self.prev[first]] >= base {
                first = self.prev[first];
            }
            let mut count = 1u64;
            let mut n = first;
            while self.next[n] != NIL && self.label[self.next[n]] < base + size {
                n = self.next[n];
                count += 1;
            }
            // Room for one more, at a density the range's level allows.
            if ((count + 1) as f64) <= (size as f64) / 1.3f64.powi(i as i32) {
                let step = size / count;
                let mut n = first;
                for k in 0..count {
                    self.label[n] = base + k * step;
                    n = self.next[n];
                }
                return;
            }
        }
        panic!("point graph: more points than the order's labels can hold");
    }
}

/// Scratch state of the searches, reused across calls (a long document asks millions of
/// questions: allocating or clearing per question would be quadratic).
#[derive(Clone, Debug, Default)]
struct Search {
    /// A point is marked by a side when its mark equals that side's epoch.
    fwd: Vec<u32>,
    bwd: Vec<u32>,
    epoch: u32,
    fstack: Vec<(usize, usize)>,
    bstack: Vec<(usize, usize)>,
    fseen: Vec<usize>,
    bseen: Vec<usize>,
}

impl Search {
    fn start(&mut self, n: usize) {
        if self.fwd.len() < n {
            self.fwd.resize(n, 0);
            self.bwd.resize(n, 0);
        }
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.fwd.fill(0);
            self.bwd.fill(0);
            self.epoch = 1;
        }
        self.fstack.clear();
        self.bstack.clear();
        self.fseen.clear();
        self.bseen.clear();
    }
}

/// A timegraph over interval endpoints with the point algebra `{<, =}`: equal points are
/// merged (union–find), `<` is kept as edges between classes, and a relation is implied when
/// every point constraint is (`a = b`: same class; `a < b`: a path of `<` edges). See the
/// module's *Complexity*.
#[derive(Clone, Debug, Default)]
pub struct PointGraph {
    /// Interval key → its start point (its end point is the next one).
    ids: HashMap<String, usize>,
    parent: Vec<usize>,
    size: Vec<u32>,
    /// `<` edges out of and into each class (ends are raw points; resolve with `find`).
    out: Vec<Vec<usize>>,
    inn: Vec<Vec<usize>>,
    /// A topological order of the classes (representatives only).
    order: Order,
    search: RefCell<Search>,
}

/// Which way a search goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Forward,
    Backward,
}

impl PointGraph {
    pub fn new() -> PointGraph {
        PointGraph::default()
    }

    /// A new point, last in the order.
    fn point(&mut self) -> usize {
        let p = self.parent.len();
        self.parent.push(p);
        self.size.push(1);
        self.out.push(Vec::new());
        self.inn.push(Vec::new());
        let n = self.order.alloc();
        debug_assert_eq!(n, p + 1);
        let tail = self.order.tail;
        self.order.insert_after(tail, n);
        p
    }

    /// The start point of interval `key`, adding the interval (with start < end) if needed.
    fn interval(&mut self, key: &str) -> usize {
        if let Some(&i) = self.ids.get(key) {
            return i;
        }
        let s = self.point();
        let e = self.point();
        self.ids.insert(key.to_string(), s);
        self.out[s].push(e);
        self.inn[e].push(s);
        s
    }

    fn find(&self, mut p: usize) -> usize {
        while self.parent[p] != p {
            p = self.parent[p];
        }
        p
    }

    fn find_mut(&mut self, p: usize) -> usize {
        let r = self.find(p);
        let mut q = p;
        while self.parent[q] != r {
            let next = self.parent[q];
            self.parent[q] = r;
            q = next;
        }
        r
    }

    /// The order label of class representative `r`.
    fn label(&self, r: usize) -> u64 {
        self.order.label[r + 1]
    }

    /// A path of one or more `<` edges from `a`'s class to `b`'s class: two searches, forward
    /// from `a` and backward from `b`, inside the part of the order between them, one edge at
    /// a time each; the first to run out of nodes says no, a node both reach says yes.
    fn reaches(&self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        if a == b || self.label(a) >= self.label(b) {
            return false;
        }
        let (lo, hi) = (self.label(a), self.label(b));
        let mut s = self.search.borrow_mut();
        let s = &mut *s;
        s.start(self.parent.len());
        let epoch = s.epoch;
        s.fwd[a] = epoch;
        s.bwd[b] = epoch;
        s.fstack.push((a, 0));
        s.bstack.push((b, 0));
        loop {
            // One forward edge.
            let Some(top) = s.fstack.last_mut() else { return false };
            let (n, i) = *top;
            if let Some(&q) = self.out[n].get(i) {
                top.1 += 1;
                let q = self.find(q);
                if s.bwd[q] == epoch {
                    return true;
                }
                if s.fwd[q] != epoch && self.label(q) < hi {
                    s.fwd[q] = epoch;
                    s.fstack.push((q, 0));
                }
            } else {
                s.fstack.pop();
            }
            // One backward edge.
            let Some(top) = s.bstack.last_mut() else { return false };
            let (n, i) = *top;
            if let Some(&q) = self.inn[n].get(i) {
                top.1 += 1;
                let q = self.find(q);
                if s.fwd[q] == epoch {
                    return true;
                }
                if s.bwd[q] != epoch && self.label(q) > lo {
                    s.bwd[q] = epoch;
                    s.bstack.push((q, 0));
                }
            } else {
                s.bstack.pop();
            }
        }
    }

    /// `a ≤ b`: same class, or `a` reaches `b`.
    fn reaches_or_equal(&self, a: usize, b: usize) -> bool {
        self.find(a) == self.find(b) || self.reaches(a, b)
    }

    fn implies_point(&self, a: usize, r: PointRel, b: usize) -> bool {
        match r {
            PointRel::Equal => self.find(a) == self.find(b),
            PointRel::Less => self.reaches(a, b),
        }
    }

    /// Would `cs` (one or two point constraints, each consistent with the graph) close a
    /// cycle with a strict edge? One constraint alone, or the two together: `u1 → v1`, a path
    /// `v1 ⇝ u2`, `u2 → v2`, a path `v2 ⇝ u1` (an `=` constraint is an edge each way, not
    /// strict). Every strict closed walk contains a strict simple cycle, and a simple cycle
    /// takes each new edge at most once, so these are all the cases.
    fn contradicts(&self, cs: &[(usize, PointRel, usize)]) -> bool {
        let alone = cs.iter().any(|&(a, r, b)| match r {
            PointRel::Less => self.reaches_or_equal(b, a),
            PointRel::Equal => self.reaches(a, b) || self.reaches(b, a),
        });
        if alone {
            return true;
        }
        let ways = |&(a, r, b): &(usize, PointRel, usize)| match r {
            PointRel::Less => vec![(a, b, true)],
            PointRel::Equal => vec![(a, b, false), (b, a, false)],
        };
        for (k, c1) in cs.iter().enumerate() {
            for c2 in &cs[k + 1..] {
                for &(u1, v1, s1) in &ways(c1) {
                    for &(u2, v2, s2) in &ways(c2) {
                        let (eq1, eq2) = (self.find(v1) == self.find(u2), self.find(v2) == self.find(u1));
                        let lt1 = !eq1 && self.reaches(v1, u2);
                        if !(eq1 || lt1) {
                            continue;
                        }
                        let lt2 = !eq2 && self.reaches(v2, u1);
                        if (eq2 || lt2) && (s1 || s2 || lt1 || lt2) {
                            return true;
                        }
                    }
                }
            }
        }
        false
    }

    /// Add the edge `a < b` (the graph stays acyclic: checked by the caller).
    fn add_less(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find_mut(a), self.find_mut(b));
        self.out[ra].push(rb);
        self.inn[rb].push(ra);
        if self.label(ra) > self.label(rb) {
            self.repair(ra, rb);
        }
    }

    /// Merge the classes of `a` and `b` (neither reaches the other: checked by the caller).
    fn add_equal(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find_mut(a), self.find_mut(b));
        if ra == rb {
            return;
        }
        let (keep, gone) = if self.size[ra] >= self.size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let (early, late) = if self.label(ra) < self.label(rb) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        // The merged class sits where the later one was (then only out-edges of the earlier
        // one can point backwards) or where the earlier one was (then only in-edges of the
        // later one): whichever has fewer edges to look at.
        let at_late = self.out[early].len() <= self.inn[late].len();
        let suspects: Vec<usize> = if at_late {
            self.out[early].clone()
        } else {
            self.inn[late].clone()
        };
        let spot = if at_late { late } else { early };
        self.parent[gone] = keep;
        self.size[keep] += self.size[gone];
        let moved = std::mem::take(&mut self.out[gone]);
        self.out[keep].extend(moved);
        let moved = std::mem::take(&mut self.inn[gone]);
        self.inn[keep].extend(moved);
        if spot != keep {
            self.order.unlink(keep + 1);
            self.order.insert_after(spot + 1, keep + 1);
        }
        self.order.unlink(gone + 1);
        for q in suspects {
            let q = self.find(q);
            if q == keep {
                continue;
            }
            if at_late && self.label(q) < self.label(keep) {
                self.repair(keep, q);
            } else if !at_late && self.label(q) > self.label(keep) {
                self.repair(q, keep);
            }
        }
    }

    /// Restore the order after the edge `u → v` with `v` before `u`: search forward from `v`
    /// (nodes before `u`) and backward from `u` (nodes after `v`), one edge at a time each;
    /// the side that finishes first is complete, and moving it past the other end keeps every
    /// other edge forward.
    fn repair(&mut self, u: usize, v: usize) {
        let (lo, hi) = (self.label(v), self.label(u));
        let finished = {
            let mut s = self.search.borrow_mut();
            let s = &mut *s;
            s.start(self.parent.len());
            let epoch = s.epoch;
            s.fwd[v] = epoch;
            s.bwd[u] = epoch;
            s.fseen.push(v);
            s.bseen.push(u);
            s.fstack.push((v, 0));
            s.bstack.push((u, 0));
            loop {
                let Some(top) = s.fstack.last_mut() else {
                    break Way::Forward;
                };
                let (n, i) = *top;
                if let Some(&q) = self.out[n].get(i) {
                    top.1 += 1;
                    let q = self.find(q);
                    debug_assert_ne!(q, u, "point graph: a cycle was added");
                    if s.fwd[q] != epoch && self.label(q) < hi {
                        s.fwd[q] = epoch;
                        s.fseen.push(q);
                        s.fstack.push((q, 0));
                    }
                } else {
                    s.fstack.pop();
                }
                let Some(top) = s.bstack.last_mut() else {
                    break Way::Backward;
                };
                let (n, i) = *top;
                if let Some(&q) = self.inn[n].get(i) {
                    top.1 += 1;
                    let q = self.find(q);
                    if s.bwd[q] != epoch && self.label(q) > lo {
                        s.bwd[q] = epoch;
                        s.bseen.push(q);
                        s.bstack.push((q, 0));
                    }
                } else {
                    s.bstack.pop();
                }
            }
        };
        let mut moving = {
            let mut s = self.search.borrow_mut();
            std::mem::take(if finished == Way::Forward {
                &mut s.fseen
            } else {
                &mut s.bseen
            })
        };
        moving.sort_by_key(|&n| self.label(n));
        for &n in &moving {
            self.order.unlink(n + 1);
        }
        // Forward side: right after `u`, in its order; backward side: right before `v`.
        let mut cursor = if finished == Way::Forward {
            u + 1
        } else {
            self.order.prev[v + 1]
        };
        for &n in &moving {
            self.order.insert_after(cursor, n + 1);
            cursor = n + 1;
        }
        // Give the buffer back for reuse.
        let mut s = self.search.borrow_mut();
        moving.clear();
        if finished == Way::Forward {
            s.fseen = moving;
        } else {
            s.bseen = moving;
        }
    }

    /// Does the graph imply `x rel y`? False when either interval is unknown or for `VAGUE`.
    pub fn implies(&self, x: &str, rel: RelType, y: &str) -> bool {
        let (Some(&xi), Some(&yi)) = (self.ids.get(x), self.ids.get(y)) else {
            return false;
        };
        let cs = constraints(xi, yi, rel);
        !cs.is_empty() && cs.iter().all(|&(a, r, b)| self.implies_point(a, r, b))
    }

    /// Add `x rel y` unless it is implied or contradicts the graph.
    pub fn add(&mut self, x: &str, rel: RelType, y: &str) -> Added {
        let xi = self.interval(x);
        let yi = self.interval(y);
        let cs = constraints(xi, yi, rel);
        if cs.is_empty() {
            return Added::Empty;
        }
        if cs.iter().all(|&(a, r, b)| self.implies_point(a, r, b)) {
            return Added::Implied;
        }
        if self.contradicts(&cs) {
            return Added::Violated;
        }
        for (a, r, b) in cs {
            match r {
                PointRel::Less => self.add_less(a, b),
                PointRel::Equal => self.add_equal(a, b),
            }
        }
        Added::New
    }

    /// The graph of what calendar values say about each other: for every pair of `dated`
    /// intervals `(key, first day, last day, is a time of day)`, the relation
    /// [`super::features::compare_ranges`] gives (same days: SIMULTANEOUS, or a time of day
    /// IS_INCLUDED in its day; all days of one before all days of the other: BEFORE; days
    /// within the other's: IS_INCLUDED; overlapping otherwise: nothing) — the same closure as
    /// adding every pair, built in O(n log n) instead of n² additions:
    /// - intervals with the same days and kind are one interval;
    /// - BEFORE goes through a chain of helper points, one per distinct last day (`end(x) →
    ///   h(last(x)) → h(next last day) → … → start(y)` for the last `h` before `first(y)`),
    ///   which no other edge enters or leaves, so it adds no path between interval points
    ///   but those BEFORE gives;
    /// - containment pairs are found by a sweep over first days (each interval against
    ///   those still open at its first day).
    ///
    /// All of them hold in one model (a day `d` is `[d, d + 0.9]`, widened by a hair per day
    /// of width so that a containing interval starts strictly earlier; a time of day is `[d
    /// + 0.4, d + 0.6]`), so they are consistent, and the order is laid out from that model.
    pub fn calendar(dated: &[(String, i64, i64, bool)]) -> PointGraph {
        let mut g = PointGraph::new();
        // Distinct (first, last, time) → start point.
        let mut keys: std::collections::BTreeMap<(i64, i64, bool), usize> = Default::default();
        for (key, first, last, time) in dated {
            let s = match keys.get(&(*first, *last, *time)) {
                Some(&s) => s,
                None => {
                    let s = g.interval(key);
                    keys.insert((*first, *last, *time), s);
                    s
                }
            };
            g.ids.insert(key.clone(), s);
        }
        let mut lasts: Vec<i64> = keys.keys().map(|k| k.1).collect();
        lasts.sort_unstable();
        lasts.dedup();
        let helpers: Vec<usize> = lasts.iter().map(|_| g.point()).collect();
        // Model positions (in 10⁻⁸ day), to lay out the order.
        const DAY: i64 = 100_000_000;
        let mut pos: Vec<(i64, usize)> = Vec::new();
        for (&(first, last, time), &s) in &keys {
            let w = (last - first).clamp(0, 1_000_000) * 10;
            if time {
                pos.push((first * DAY + 40_000_000, s));
                pos.push((first * DAY + 60_000_000, s + 1));
            } else {
                pos.push((first * DAY - w, s));
                pos.push((last * DAY + 90_000_000 + w, s + 1));
            }
        }
        for (&d, &h) in lasts.iter().zip(&helpers) {
            pos.push((d * DAY + 95_000_000, h));
        }
        pos.sort_unstable();
        let mut cursor = 0;
        for &(_, p) in &pos {
            g.order.unlink(p + 1);
        }
        for &(_, p) in &pos {
            g.order.insert_after(cursor, p + 1);
            cursor = p + 1;
        }
        // BEFORE, through the helper chain.
        for w in helpers.windows(2) {
            g.add_less(w[0], w[1]);
        }
        for (&(first, last, _), &s) in &keys {
            let at = lasts.partition_point(|&d| d < last);
            g.add_less(s + 1, helpers[at]);
            let before = lasts.partition_point(|&d| d < first);
            if before > 0 {
                g.add_less(helpers[before - 1], s);
            }
        }
        // Containment: a sweep by first day (wider first), against the intervals still open.
        let mut sorted: Vec<((i64, i64, bool), usize)> = keys.iter().map(|(&k, &s)| (k, s)).collect();
        sorted.sort_by_key(|&((first, last, time), _)| (first, std::cmp::Reverse(last), time));
        let mut open: Vec<((i64, i64, bool), usize)> = Vec::new();
        for &(y, sy) in &sorted {
            open.retain(|&((_, last, _), _)| last >= y.0);
            for &(x, sx) in &open {
                let same_days = (x.0, x.1) == (y.0, y.1);
                let contains = x.0 <= y.0 && y.1 <= x.1;
                // Same days: only a day (or longer) contains its time of day.
                let (outer, inner) = match (same_days, x.2, y.2) {
                    (true, false, true) => (sx, sy),
                    (true, true, false) => (sy, sx),
                    (true, _, _) => continue,
                    (false, _, _) if contains => (sx, sy),
                    _ => continue,
                };
                g.add_less(outer, inner);
                g.add_less(inner + 1, outer + 1);
            }
            open.push((y, sy));
        }
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RelType::*;

    /// A tiny deterministic generator.
    fn rng(seed: u64) -> impl FnMut(usize) -> usize {
        let mut seed = seed;
        move |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        }
    }

    /// The incremental graph decides every addition as the reference (a whole-graph search
    /// per question, trial additions undone) does, and implies the same relations between
    /// every pair afterwards: random additions over up to twelve intervals, every relation
    /// type, with and without a calendar underneath.
    #[test]
    fn decides_as_the_reference_does() {
        let names: Vec<String> = (0..12).map(|i| format!("n{i}")).collect();
        let rels: Vec<RelType> = tempograph_core::relation::REL_NAMES.iter().map(|&(_, r)| r).collect();
        let mut next = rng(0x5eed);
        let (mut violated, mut new) = (0, 0);
        for round in 0..400 {
            let k = 3 + round % 10;
            let mut fast = PointGraph::new();
            let mut slow = super::super::closure_reference::PointGraph::new();
            for _ in 0..(4 * k) {
                let (x, y, r) = (&names[next(k)], &names[next(k)], rels[next(rels.len())]);
                if x == y {
                    continue;
                }
                let got = fast.add(x, r, y);
                let want = format!("{:?}", slow.add(x, r, y));
                assert_eq!(format!("{got:?}"), want, "round {round}: {x} {r:?} {y}");
                violated += usize::from(got == Added::Violated);
                new += usize::from(got == Added::New);
            }
            for p in &names[..k] {
                for q in &names[..k] {
                    for &rel in &rels {
                        assert_eq!(fast.implies(p, rel, q), slow.implies(p, rel, q), "{p} {rel:?} {q}");
                    }
                }
            }
        }
        assert!(violated > 500 && new > 500, "both outcomes exercised: {violated} {new}");
    }

    /// [`PointGraph::calendar`] implies what adding every pair's `compare_ranges` relation
    /// does, and later additions are decided the same way on both: random day ranges and
    /// times of day (many equal, nested, overlapping and adjacent ones).
    #[test]
    fn calendar_is_every_pair() {
        let rels: Vec<RelType> = tempograph_core::relation::REL_NAMES.iter().map(|&(_, r)| r).collect();
        let mut next = rng(0xca1);
        for round in 0..150 {
            let n = 2 + round % 14;
            let dated: Vec<(String, i64, i64, bool)> = (0..n)
                .map(|i| {
                    let first = next(12) as i64;
                    let time = next(4) == 0;
                    let last = if time { first } else { first + [0, 0, 1, 3, 6][next(5)] };
                    (format!("t{i}"), first, last, time)
                })
                .collect();
            let mut fast = PointGraph::calendar(&dated);
            let mut slow = super::super::closure_reference::PointGraph::new();
            let day = |d: i64| chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(d);
            let value = |&(_, f, l, t): &(String, i64, i64, bool)| {
                if t {
                    format!("{}T10:00", day(f))
                } else if f == l {
                    day(f).to_string()
                } else {
                    // A week when it is one, else only the pair's relation is compared directly.
                    String::new()
                }
            };
            for (k, a) in dated.iter().enumerate() {
                for b in &dated[k + 1..] {
                    let rel = match (value(a), value(b)) {
                        (va, vb) if !va.is_empty() && !vb.is_empty() => crate::link::features::compare_ranges(&va, &vb),
                        _ => range_relation((a.1, a.2, a.3), (b.1, b.2, b.3)),
                    };
                    if let Some(rel) = rel {
                        assert_ne!(format!("{:?}", slow.add(&a.0, rel, &b.0)), "Violated");
                    }
                }
            }
            for a in &dated {
                for b in &dated {
                    for &rel in &rels {
                        assert_eq!(
                            fast.implies(&a.0, rel, &b.0),
                            slow.implies(&a.0, rel, &b.0),
                            "{a:?} {rel:?} {b:?}"
                        );
                    }
                }
            }
            let names: Vec<String> = (0..n)
                .map(|i| format!("t{i}"))
                .chain((0..4).map(|i| format!("e{i}")))
                .collect();
            for _ in 0..20 {
                let (x, y, r) = (
                    &names[next(names.len())],
                    &names[next(names.len())],
                    rels[next(rels.len())],
                );
                if x != y {
                    assert_eq!(format!("{:?}", fast.add(x, r, y)), format!("{:?}", slow.add(x, r, y)));
                }
            }
        }
    }

    /// `compare_ranges` on day numbers: the rule [`PointGraph::calendar`] builds.
    fn range_relation(x: (i64, i64, bool), y: (i64, i64, bool)) -> Option<RelType> {
        Some(if x.1 < y.0 {
            Before
        } else if y.1 < x.0 {
            After
        } else if (x.0, x.1) == (y.0, y.1) {
            match (x.2, y.2) {
                (true, false) => IsIncluded,
                (false, true) => Includes,
                _ => Simultaneous,
            }
        } else if x.0 <= y.0 && y.1 <= x.1 {
            Includes
        } else if y.0 <= x.0 && x.1 <= y.1 {
            IsIncluded
        } else {
            return None;
        })
    }

    /// INCLUDES and ENDS put the second interval's end (resp. start) on the *other* side: a
    /// regression test for a table that had them backwards.
    #[test]
    fn containment_and_ends() {
        let mut g = PointGraph::new();
        assert_eq!(g.add("t", After, "dct"), Added::New);
        assert_eq!(g.add("e", IsIncluded, "t"), Added::New);
        assert_eq!(g.add("e", IsIncluded, "dct"), Added::Violated);
        assert!(g.implies("e", After, "dct"));
        assert!(g.implies("t", Includes, "e"));
        assert!(!g.implies("e", Includes, "t"));

        let mut g = PointGraph::new();
        assert_eq!(g.add("a", Includes, "b"), Added::New);
        assert_eq!(g.add("b", Includes, "c"), Added::New);
        assert!(g.implies("a", Includes, "c"));
        assert_eq!(g.add("c", Includes, "a"), Added::Violated);

        let mut g = PointGraph::new();
        assert_eq!(g.add("a", Ends, "b"), Added::New);
        assert!(g.implies("b", EndedBy, "a"));
        assert_eq!(g.add("a", Begins, "b"), Added::Violated);
        assert_eq!(g.add("c", Simultaneous, "b"), Added::New);
        assert!(g.implies("a", Ends, "c"));
        assert!(!g.implies("a", IsIncluded, "b"));
    }
}
