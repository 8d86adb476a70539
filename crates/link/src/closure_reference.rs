//! The point graph as it was before the incremental one (a depth-first search over the whole
//! graph per question, trial additions undone): kept as the reference the incremental
//! [`super::closure::PointGraph`] is checked against, on random additions (see the tests of
//! `closure`). Test-only.
#![allow(dead_code)]

use std::collections::BTreeMap;
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

/// `x rel y` as point constraints over `(x, y)` interval indices: `(point a, rel, point b)`.
fn constraints(x: usize, y: usize, rel: RelType) -> Vec<(usize, PointRel, usize)> {
    let (x, y, rel) = match rel {
        RelType::After | RelType::IAfter | RelType::IsIncluded | RelType::BegunBy | RelType::EndedBy => {
            (y, x, rel.inverse())
        }
        _ => (x, y, rel),
    };
    let p = |s: Side, e: End| 2 * if s == Side::X { x } else { y } + usize::from(e == End::Finish);
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

/// One step of a trial [`PointGraph::consistent_after`] takes back.
#[derive(Clone, Copy, Debug)]
enum Undo {
    /// A `<` edge pushed onto this class's list.
    Push(usize),
    /// Class `gone` merged into `keep`, its edges appended to `keep`'s from index `at`.
    Merge { keep: usize, gone: usize, at: usize },
}

/// A timegraph over interval endpoints with the point algebra `{<, =}`: equal points are
/// merged (union–find), `<` is kept as edges between classes, and a relation is implied when
/// every point constraint is (`a = b`: same class; `a < b`: a path of `<` edges).
#[derive(Clone, Debug, Default)]
pub struct PointGraph {
    ids: BTreeMap<String, usize>,
    parent: Vec<usize>,
    /// `<` edges out of each point (targets are raw points; resolve with `find`).
    less: Vec<Vec<usize>>,
    /// Scratch marks for [`PointGraph::reaches`], reused across calls.
    visit: std::cell::RefCell<Visit>,
}

/// Visited marks of one search: a point is visited when its mark equals `epoch`, so a new
/// search starts by bumping `epoch` instead of clearing the marks.
#[derive(Clone, Debug, Default)]
struct Visit {
    mark: Vec<u32>,
    epoch: u32,
}

impl PointGraph {
    pub fn new() -> PointGraph {
        PointGraph::default()
    }

    /// The interval index of `key`, adding the interval (with start < end) if needed.
    fn interval(&mut self, key: &str) -> usize {
        if let Some(&i) = self.ids.get(key) {
            return i;
        }
        let i = self.ids.len();
        self.ids.insert(key.to_string(), i);
        self.parent.push(2 * i);
        self.parent.push(2 * i + 1);
        self.less.push(vec![2 * i + 1]);
        self.less.push(Vec::new());
        i
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

    /// A path of one or more `<` edges from `a`'s class to `b`'s class. The visited marks
    /// are kept between calls and reset by an epoch (this runs for every candidate link, and
    /// a long document has thousands of points: allocating or clearing them each time made
    /// link selection quadratic in allocation).
    fn reaches(&self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        let mut v = self.visit.borrow_mut();
        if v.mark.len() < self.parent.len() {
            v.mark.resize(self.parent.len(), 0);
        }
        v.epoch = v.epoch.wrapping_add(1);
        if v.epoch == 0 {
            v.mark.fill(0);
            v.epoch = 1;
        }
        let epoch = v.epoch;
        let mut stack = vec![a];
        while let Some(p) = stack.pop() {
            for &q in &self.less[p] {
                let q = self.find(q);
                if q == b {
                    return true;
                }
                if v.mark[q] != epoch {
                    v.mark[q] = epoch;
                    stack.push(q);
                }
            }
        }
        false
    }

    fn implies_point(&self, a: usize, r: PointRel, b: usize) -> bool {
        match r {
            PointRel::Equal => self.find(a) == self.find(b),
            PointRel::Less => self.reaches(a, b),
        }
    }

    fn add_point(&mut self, a: usize, r: PointRel, b: usize) {
        // Compress the two paths, then the same step a trial takes (its log is not needed).
        self.find_mut(a);
        self.find_mut(b);
        self.add_point_logged(a, r, b, &mut Vec::new());
    }

    /// [`PointGraph::add_point`] without path compression, recording how to take it back.
    fn add_point_logged(&mut self, a: usize, r: PointRel, b: usize, log: &mut Vec<Undo>) {
        match r {
            PointRel::Less => {
                let ra = self.find(a);
                self.less[ra].push(b);
                log.push(Undo::Push(ra));
            }
            PointRel::Equal => {
                let (ra, rb) = (self.find(a), self.find(b));
                if ra != rb {
                    let (keep, gone) = (ra.min(rb), ra.max(rb));
                    self.parent[gone] = keep;
                    let moved = std::mem::take(&mut self.less[gone]);
                    let at = self.less[keep].len();
                    self.less[keep].extend(moved);
                    log.push(Undo::Merge { keep, gone, at });
                }
            }
        }
    }

    /// Take back what [`PointGraph::add_point_logged`] did, newest first.
    fn undo(&mut self, log: Vec<Undo>) {
        for u in log.into_iter().rev() {
            match u {
                Undo::Push(p) => {
                    self.less[p].pop();
                }
                Undo::Merge { keep, gone, at } => {
                    let moved = self.less[keep].split_off(at);
                    self.less[gone] = moved;
                    self.parent[gone] = gone;
                }
            }
        }
    }

    /// Would the graph stay free of `<` cycles with `cs` added? (Catches constraints that are
    /// consistent one by one but not together.) Tried in place and taken back, not on a copy
    /// of the graph.
    fn consistent_after(&mut self, cs: &[(usize, PointRel, usize)]) -> bool {
        let mut log = Vec::new();
        for &(a, r, b) in cs {
            self.add_point_logged(a, r, b, &mut log);
        }
        // A contradiction shows up as a point class that reaches itself; only classes
        // touched by the new constraints can be on a new cycle.
        let ok = cs.iter().all(|&(a, _, b)| !self.reaches(a, a) && !self.reaches(b, b));
        self.undo(log);
        ok
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
        let contradicted = cs.iter().any(|&(a, r, b)| match r {
            PointRel::Less => self.find(a) == self.find(b) || self.reaches(b, a),
            PointRel::Equal => self.reaches(a, b) || self.reaches(b, a),
        }) || !self.consistent_after(&cs);
        if contradicted {
            return Added::Violated;
        }
        for (a, r, b) in cs {
            self.add_point(a, r, b);
        }
        Added::New
    }
}
