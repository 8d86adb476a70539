//! The Simple Temporal Network engine behind [`super::Graph`].
//!
//! Time points are integers `0..n`; a constraint is an *arc* `x → y` with weight `w`, meaning
//! `t(y) − t(x) ≤ w` (the distance graph of Dechter, Meiri and Pearl). Absolute bounds are
//! arcs from or to a virtual *origin* (`t = 0`, day 0 of [`tempograph_core::value::day_number`]).
//!
//! | constraint                 | arc                               |
//! |----------------------------|-----------------------------------|
//! | `t(y) − t(x) ≤ w`          | `x → y` weight `w`                |
//! | `t(y) − t(x) ≥ w`          | `y → x` weight `−w`               |
//! | `t(x) < t(y)` (strict)     | `y → x` weight `0 − ε`            |
//! | `t(p) ≥ day D`             | `p → origin` weight `−D`          |
//! | `t(p) ≤ day D` (any hour)  | `origin → p` weight `D + 1 − ε`   |
//!
//! Weights are [`W`]: whole days plus a count of infinitesimal steps `ε`, compared
//! lexicographically. A day `D` is the real interval `[D, D + 1)`; the infinitesimal lets
//! `a BEFORE b` be *strict* (a cycle of BEFOREs is a contradiction) while two events that
//! are both known only to the day can still be ordered inside that day.
//!
//! The network is consistent iff the distance graph has no negative cycle. The solver:
//!
//! 1. **Relations** (arcs between points, no origin): strongly connected components
//!    (iterative Tarjan), processed in topological order; inside a component, Bellman–Ford
//!    with a FIFO queue and Tarjan's *subtree disassembly* (Cherkassky–Goldberg's BFCT),
//!    started from a virtual source at distance 0 to every point. Subtree disassembly finds a
//!    negative cycle the moment one closes in the shortest-path tree, and the tree's parent
//!    arcs *are* that cycle. The labels found form a feasible potential `π`.
//! 2. **Bounds**: `latest(p)` = shortest distance origin → p, `−earliest(p)` = shortest
//!    distance p → origin, by Dijkstra on the reduced costs `w + π(x) − π(y) ≥ 0` (forward,
//!    then on the reversed graph), every bounded point a source. A cycle through the origin
//!    exists iff some point has `latest(p) < earliest(p)`; its arcs are the two shortest-path
//!    trees' paths through `p`.
//! 3. **Conflicts**: each negative cycle is recorded; the most recently added fact on it (never
//!    an interval's own `start ≤ end`) is set aside, and the search goes on (in step 1 from
//!    where it was, the subtrees hanging from the fact's arcs re-rooted; in step 2 both passes
//!    again over the weakly connected components the fact touches, see [`Stn::bounds`]) until the network is consistent or the conflict limit is reached. Beyond the
//!    limit, step 1 keeps setting facts aside (counted, up to 16 × the limit) and then
//!    quarantines the component; step 2 quarantines the points still in contradiction:
//!    reported as unresolved, given no bounds. Each step-1 cycle is finally replaced by one
//!    with the fewest arcs through the same fact, if a budgeted search finds it ([`Stn::shorten`]).
//!
//! Cost: SCC `O(n + m)`; inside components BFCT is `O(n·m)` in the worst case but near-linear
//! on the shapes relations produce (about 4 scans per point in the 100k-event benchmark, whose
//! relations form one 198 000-point component). Bounds `O(m log n)`. A contradiction costs the
//! relabelling it triggers before it closes (step 1) or two passes over its weakly connected
//! component (step 2). Point-to-point distances (for the qualitative
//! closure) use the same reduced costs, `O(m log n)` per query at worst.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap, VecDeque};
use std::ops::{Add, Neg};
use std::time::Duration;

/// A weight: whole days plus `eps` infinitesimal steps. Ordered lexicographically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub(crate) struct W {
    pub days: i64,
    pub eps: i64,
}

impl W {
    pub const ZERO: W = W { days: 0, eps: 0 };
    /// `0 − ε`: strictly less.
    pub const STRICT: W = W { days: 0, eps: -1 };
    /// "No path": larger than any real distance, and never added to.
    pub const INF: W = W {
        days: i64::MAX / 4,
        eps: 0,
    };
    pub fn days(days: i64) -> W {
        W { days, eps: 0 }
    }
    pub fn is_inf(self) -> bool {
        self.days >= W::INF.days
    }
    /// The calendar day (day number) of a time with this value.
    pub fn day(self) -> i64 {
        if self.eps >= 0 {
            self.days
        } else {
            self.days - 1
        }
    }
}

impl Add for W {
    type Output = W;
    fn add(self, o: W) -> W {
        W {
            days: self.days.saturating_add(o.days),
            eps: self.eps.saturating_add(o.eps),
        }
    }
}

impl Neg for W {
    type Output = W;
    fn neg(self) -> W {
        W {
            days: -self.days,
            eps: -self.eps,
        }
    }
}

/// Fact id of the structural `start ≤ end` of an interval: never set aside.
pub(crate) const STRUCTURAL: u32 = u32::MAX;
const NONE: u32 = u32::MAX;

/// One arc `from → to`: `t(to) − t(from) ≤ w`. `from` or `to` may be [`Stn::origin`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Arc {
    pub from: u32,
    pub to: u32,
    pub w: W,
    pub fact: u32,
}

/// One adjacency entry: the neighbour, the arc index and its weight.
#[derive(Clone, Copy, Debug)]
struct Adj {
    to: u32,
    arc: u32,
    w: W,
}

/// Compressed adjacency: `adj[off[v]..off[v + 1]]`. After [`Csr::partition`], the entries
/// `[off[v], mid[v])` stay inside `v`'s strongly connected component and the rest leave it.
struct Csr {
    off: Vec<u32>,
    mid: Vec<u32>,
    adj: Vec<Adj>,
}

impl Csr {
    fn build(n: usize, edges: impl Iterator<Item = (u32, Adj)> + Clone) -> Csr {
        let mut off = vec![0u32; n + 1];
        for (x, _) in edges.clone() {
            off[x as usize + 1] += 1;
        }
        for i in 0..n {
            off[i + 1] += off[i];
        }
        let mut fill = off.clone();
        let mut adj = vec![
            Adj {
                to: 0,
                arc: 0,
                w: W::ZERO
            };
            off[n] as usize
        ];
        for (x, e) in edges {
            let slot = &mut fill[x as usize];
            adj[*slot as usize] = e;
            *slot += 1;
        }
        let mid = off[1..].to_vec();
        Csr { off, mid, adj }
    }

    #[inline]
    fn out(&self, v: u32) -> &[Adj] {
        &self.adj[self.off[v as usize] as usize..self.off[v as usize + 1] as usize]
    }

    /// Entries staying inside the component (valid after `partition`).
    #[inline]
    fn inner(&self, v: u32) -> &[Adj] {
        &self.adj[self.off[v as usize] as usize..self.mid[v as usize] as usize]
    }

    /// Entries leaving the component (valid after `partition`).
    #[inline]
    fn outer(&self, v: u32) -> &[Adj] {
        &self.adj[self.mid[v as usize] as usize..self.off[v as usize + 1] as usize]
    }

    /// Puts each node's intra-component entries first (stable, so still deterministic).
    fn partition(&mut self, comp_of: &[u32]) {
        for v in 0..self.mid.len() {
            let (a, b) = (self.off[v] as usize, self.off[v + 1] as usize);
            let c = comp_of[v];
            self.adj[a..b].sort_by_key(|e| comp_of[e.to as usize] != c);
            let inner = self.adj[a..b].iter().filter(|e| comp_of[e.to as usize] == c).count();
            self.mid[v] = (a + inner) as u32;
        }
    }
}

/// Strongly connected components, iteratively (no recursion, safe for long chains).
/// Returns `(comp_of, comps)` with `comps` in reverse topological order (sinks first).
fn scc(n: usize, g: &Csr) -> (Vec<u32>, Vec<Vec<u32>>) {
    let mut index = vec![NONE; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut comp_of = vec![NONE; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut comps: Vec<Vec<u32>> = Vec::new();
    let mut call: Vec<(u32, u32)> = Vec::new(); // (node, next entry position)
    let mut counter = 0u32;
    for root in 0..n as u32 {
        if index[root as usize] != NONE {
            continue;
        }
        call.push((root, g.off[root as usize]));
        index[root as usize] = counter;
        low[root as usize] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root as usize] = true;
        while let Some(&mut (v, ref mut pos)) = call.last_mut() {
            if *pos < g.off[v as usize + 1] {
                let w = g.adj[*pos as usize].to;
                *pos += 1;
                if index[w as usize] == NONE {
                    index[w as usize] = counter;
                    low[w as usize] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w as usize] = true;
                    call.push((w, g.off[w as usize]));
                } else if on_stack[w as usize] {
                    low[v as usize] = low[v as usize].min(index[w as usize]);
                }
            } else {
                call.pop();
                if let Some(&(p, _)) = call.last() {
                    low[p as usize] = low[p as usize].min(low[v as usize]);
                }
                if low[v as usize] == index[v as usize] {
                    let id = comps.len() as u32;
                    let mut members = Vec::new();
                    loop {
                        let x = stack.pop().expect("tarjan stack");
                        on_stack[x as usize] = false;
                        comp_of[x as usize] = id;
                        members.push(x);
                        if x == v {
                            break;
                        }
                    }
                    members.sort_unstable();
                    comps.push(members);
                }
            }
        }
    }
    (comp_of, comps)
}

/// Scratch space for subtree-disassembly Bellman–Ford (sentinel = index `n`).
struct Tree {
    next: Vec<u32>,
    prev: Vec<u32>,
    depth: Vec<u32>,
    in_tree: Vec<bool>,
    queued: Vec<bool>,
    queue: VecDeque<u32>,
}

impl Tree {
    /// Appends `v` as a child of the sentinel `s`.
    fn add_root(&mut self, v: u32, s: usize) {
        let last = self.prev[s];
        self.next[last as usize] = v;
        self.prev[v as usize] = last;
        self.next[v as usize] = s as u32;
        self.prev[s] = v;
        self.depth[v as usize] = 1;
        self.in_tree[v as usize] = true;
    }

    /// Cuts the subtree of `y` out of the tree and makes each of its points a root, queued.
    fn reroot_subtree(&mut self, y: u32, s: usize) {
        let dy = self.depth[y as usize];
        let mut block = vec![y];
        let mut x = self.next[y as usize];
        while self.depth[x as usize] > dy && x as usize != s {
            block.push(x);
            x = self.next[x as usize];
        }
        let p = self.prev[y as usize];
        self.next[p as usize] = x;
        self.prev[x as usize] = p;
        for z in block {
            self.add_root(z, s);
            if !self.queued[z as usize] {
                self.queued[z as usize] = true;
                self.queue.push_back(z);
            }
        }
    }

    fn new(n: usize) -> Tree {
        Tree {
            next: vec![0; n + 1],
            prev: vec![0; n + 1],
            depth: vec![0; n + 1],
            in_tree: vec![false; n + 1],
            queued: vec![false; n + 1],
            queue: VecDeque::new(),
        }
    }
}

/// The outcome of [`Stn::solve`].
pub(crate) struct Solution {
    /// `latest[p]`: shortest distance origin → p (`INF`: unbounded above).
    pub latest: Vec<W>,
    /// `−earliest[p]`: shortest distance p → origin (`INF`: unbounded below).
    pub to_origin: Vec<W>,
    /// Negative cycles found, each a list of arc indices in path order, and the fact set aside.
    pub cycles: Vec<(Vec<u32>, u32)>,
    /// Cycles found after the limit (their facts were set aside too, or their points quarantined).
    pub unlisted: usize,
    /// Points left out because they stayed in contradiction after the conflict limit.
    pub dead: Vec<bool>,
    /// Arcs still in force (not from a fact set aside, not touching a dead point).
    live: Vec<bool>,
    /// A feasible potential for the relation arcs (for Dijkstra on reduced costs).
    potential: Vec<W>,
    /// Wall-clock time of each phase, for benchmarks.
    pub times: Vec<(Phase, Duration)>,
}

/// A phase of [`crate::graph::Graph::solve_profiled`], timed for benchmarks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Building the network of points and arcs.
    Network,
    /// The engine's relation arcs: consistency and conflicts.
    Relations,
    /// The engine's bounds.
    Bounds,
    /// Shortening the cycles of conflicts.
    Shorten,
    /// The whole of checking and bounds.
    CheckBounds,
    /// The order of the events.
    Order,
}

impl Phase {
    /// The phase's name in a benchmark's table.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Network => "network",
            Phase::Relations => "relations",
            Phase::Bounds => "bounds",
            Phase::Shorten => "shorten",
            Phase::CheckBounds => "check+bounds",
            Phase::Order => "order",
        }
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// A Simple Temporal Network over points `0..n` plus the origin `n`.
pub(crate) struct Stn {
    n: usize,
    arcs: Vec<Arc>,
    /// Arc indices by fact: `fact_arcs[fact_off[f]..fact_off[f + 1]]`.
    fact_off: Vec<u32>,
    fact_arcs: Vec<u32>,
    fwd: Csr,
    rev: Csr,
    /// Components in reverse topological order of `fwd`.
    comps: Vec<Vec<u32>>,
}

/// Arcs to or from the origin by point, in arc order: `arcs[off[p]..off[p + 1]]`.
struct BoundArcs {
    off: Vec<u32>,
    arcs: Vec<u32>,
}

impl BoundArcs {
    /// The arcs that `point` maps to a point, grouped by it.
    fn build(n: usize, arcs: &[Arc], point: impl Fn(&Arc) -> Option<u32>) -> BoundArcs {
        let mut off = vec![0u32; n + 1];
        for a in arcs {
            if let Some(p) = point(a) {
                off[p as usize + 1] += 1;
            }
        }
        for i in 0..n {
            off[i + 1] += off[i];
        }
        let mut fill = off.clone();
        let mut out = vec![0u32; off[n] as usize];
        for (i, a) in arcs.iter().enumerate() {
            if let Some(p) = point(a) {
                let slot = &mut fill[p as usize];
                out[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        BoundArcs { off, arcs: out }
    }

    fn of(&self, p: u32) -> &[u32] {
        &self.arcs[self.off[p as usize] as usize..self.off[p as usize + 1] as usize]
    }
}

/// The weakly connected components of the relation arcs ("islands"), all arcs counted
/// whether in force or not: no arc joins two islands, so a bounds pass over one island
/// gives the labels and parents a pass over the whole network gives its points.
struct Islands {
    /// Island of each point.
    of: Vec<u32>,
    /// Members of island `i`: `members[off[i]..off[i + 1]]`, ascending.
    off: Vec<u32>,
    members: Vec<u32>,
    /// The bound arcs by point: `origin → p` (upper bounds, read by the forward bounds pass)
    /// and `p → origin` (lower bounds, read by the reversed pass).
    from_origin: BoundArcs,
    into_origin: BoundArcs,
}

/// What a bounds pass covers.
#[derive(Clone, Copy)]
enum Over<'a> {
    /// Every point; the bound arcs are found by a scan of all the arcs.
    All,
    /// These points (whole islands), with the bound arcs looked up by point.
    Islands(&'a [u32], &'a Islands),
}

impl Islands {
    fn new(n: usize, g: &Csr, arcs: &[Arc]) -> Islands {
        fn find(up: &mut [u32], mut x: u32) -> u32 {
            while up[x as usize] != x {
                let g = up[up[x as usize] as usize];
                up[x as usize] = g;
                x = g;
            }
            x
        }
        let mut up: Vec<u32> = (0..n as u32).collect();
        for u in 0..n as u32 {
            for e in g.out(u) {
                let (a, b) = (find(&mut up, u), find(&mut up, e.to));
                if a != b {
                    up[a.max(b) as usize] = a.min(b);
                }
            }
        }
        // Number the islands by their smallest point, then bucket the points.
        let mut of = vec![NONE; n];
        let mut count = 0u32;
        for v in 0..n as u32 {
            let r = find(&mut up, v);
            if of[r as usize] == NONE {
                of[r as usize] = count;
                count += 1;
            }
            of[v as usize] = of[r as usize];
        }
        let mut off = vec![0u32; count as usize + 1];
        for &i in &of {
            off[i as usize + 1] += 1;
        }
        for i in 0..count as usize {
            off[i + 1] += off[i];
        }
        let mut fill = off.clone();
        let mut members = vec![0u32; n];
        for v in 0..n as u32 {
            let slot = &mut fill[of[v as usize] as usize];
            members[*slot as usize] = v;
            *slot += 1;
        }
        let o = n as u32;
        Islands {
            of,
            off,
            members,
            from_origin: BoundArcs::build(n, arcs, |a| (a.from == o && a.to != o).then_some(a.to)),
            into_origin: BoundArcs::build(n, arcs, |a| (a.to == o && a.from != o).then_some(a.from)),
        }
    }

    fn members(&self, i: u32) -> &[u32] {
        &self.members[self.off[i as usize] as usize..self.off[i as usize + 1] as usize]
    }
}

/// Whether point `p` must come after itself: its latest time before its earliest.
fn violated(p: usize, latest: &[W], to_origin: &[W], dead: &[bool]) -> bool {
    !dead[p] && !latest[p].is_inf() && !to_origin[p].is_inf() && latest[p] + to_origin[p] < W::ZERO
}

impl Stn {
    /// Builds the network. `facts` is the number of fact ids used (structural arcs excepted).
    pub fn new(n: usize, arcs: Vec<Arc>, facts: usize) -> Stn {
        let o = n as u32;
        let rel = |a: &Arc| a.from != o && a.to != o;
        let entries = |rev: bool| {
            arcs.iter().enumerate().filter(|(_, a)| rel(a)).map(move |(i, a)| {
                let (x, y) = if rev { (a.to, a.from) } else { (a.from, a.to) };
                (
                    x,
                    Adj {
                        to: y,
                        arc: i as u32,
                        w: a.w,
                    },
                )
            })
        };
        let mut fwd = Csr::build(n, entries(false));
        let mut rev = Csr::build(n, entries(true));
        let (comp_of, comps) = scc(n, &fwd);
        fwd.partition(&comp_of);
        rev.partition(&comp_of);
        let mut fact_off = vec![0u32; facts + 1];
        for a in &arcs {
            if a.fact != STRUCTURAL {
                fact_off[a.fact as usize + 1] += 1;
            }
        }
        for i in 0..facts {
            fact_off[i + 1] += fact_off[i];
        }
        let mut fill = fact_off.clone();
        let mut fact_arcs = vec![0u32; fact_off[facts] as usize];
        for (i, a) in arcs.iter().enumerate() {
            if a.fact != STRUCTURAL {
                let slot = &mut fill[a.fact as usize];
                fact_arcs[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        Stn {
            n,
            arcs,
            fact_off,
            fact_arcs,
            fwd,
            rev,
            comps,
        }
    }

    pub fn origin(&self) -> u32 {
        self.n as u32
    }

    pub fn arc(&self, i: u32) -> Arc {
        self.arcs[i as usize]
    }

    fn disable_fact(&self, f: u32, live: &mut [bool]) {
        let (a, b) = (
            self.fact_off[f as usize] as usize,
            self.fact_off[f as usize + 1] as usize,
        );
        for &arc in &self.fact_arcs[a..b] {
            live[arc as usize] = false;
        }
    }

    fn kill_point(&self, p: u32, dead: &mut [bool], live: &mut [bool]) {
        dead[p as usize] = true;
        for e in self.fwd.out(p).iter().chain(self.rev.out(p)) {
            live[e.arc as usize] = false;
        }
        // Arcs to and from the origin are not in the adjacency: `bounds_pass` checks `dead`.
    }

    /// Checks consistency, sets aside facts on negative cycles (up to `limit` listed cycles),
    /// and computes the tightest bounds of every point.
    /// `clock` reads a monotonic time (for the phase times of benchmarks).
    pub fn solve(&self, limit: usize, clock: &dyn Fn() -> Duration) -> Solution {
        let mut sol = self.relations(limit, clock);
        let t0 = clock();
        self.bounds(&mut sol, limit);
        sol.times.push((Phase::Bounds, clock() - t0));
        sol
    }

    /// Step 1 (and the shortening of its cycles): a [`Solution`] without bounds yet.
    fn relations(&self, limit: usize, clock: &dyn Fn() -> Duration) -> Solution {
        let n = self.n;
        let mut live = vec![true; self.arcs.len()];
        let mut dead = vec![false; n];
        let mut cycles: Vec<(Vec<u32>, u32)> = Vec::new();
        let mut unlisted = 0usize;
        let mut tree = Tree::new(n);
        let mut times = Vec::new();
        let t0 = clock();

        // 1. Relations: virtual source at distance 0 to every point.
        let mut pot = vec![W::ZERO; n];
        let mut parent = vec![NONE; n];
        for members in self.comps.iter().rev() {
            let mut on_cycle = |cycle: Vec<u32>| -> Option<u32> {
                let f = self.set_aside(&cycle)?;
                if cycles.len() < limit {
                    cycles.push((cycle, f));
                } else if unlisted < limit.saturating_mul(16) {
                    unlisted += 1;
                } else {
                    unlisted += 1;
                    return None;
                }
                Some(f)
            };
            if !self.run_component(
                members,
                &mut pot,
                &mut parent,
                &mut tree,
                &mut live,
                &dead,
                &mut on_cycle,
            ) {
                // Far beyond the limit: quarantine the whole component.
                for &v in members {
                    self.kill_point(v, &mut dead, &mut live);
                    pot[v as usize] = W::ZERO;
                }
            }
            for &u in members {
                let du = pot[u as usize];
                for e in self.fwd.outer(u) {
                    let nd = du + e.w;
                    if live[e.arc as usize] && nd < pot[e.to as usize] {
                        pot[e.to as usize] = nd;
                    }
                }
            }
        }
        times.push((Phase::Relations, clock() - t0));
        let t0 = clock();
        // Explanations: replace each cycle by one with the fewest facts, when one is found
        // within a small search budget (the subtree-disassembly cycle is real but can be long).
        for (cycle, f) in cycles.iter_mut() {
            if let Some(short) = self.shorten(cycle, *f, &live) {
                *cycle = short;
            }
        }
        times.push((Phase::Shorten, clock() - t0));

        Solution {
            latest: Vec::new(),
            to_origin: Vec::new(),
            cycles,
            unlisted,
            dead,
            live,
            potential: pot,
            times,
        }
    }

    /// Step 2: the bounds of every point, setting aside the most recent fact on each cycle
    /// through the origin (up to `limit` cycles listed in all, then quarantining the points
    /// still in contradiction), until none is left.
    ///
    /// One bounds pass each way over the whole network; after each cycle, only the islands
    /// ([`Islands`]) holding the points of the facts set aside (or quarantined) are passed
    /// again. No arc joins two islands, so a point's label and parent arc depend on its island
    /// alone (Dijkstra takes an island's points in the same order whatever else is in the
    /// heap), and the outcome is the one of passing over the whole network after each cycle
    /// ([`Stn::bounds_from_scratch`], compared in the tests): the same bounds, the same
    /// cycles in the same order. A contradiction then costs the size of its island, not of
    /// the network.
    fn bounds(&self, sol: &mut Solution, limit: usize) {
        let n = self.n;
        let o = self.origin();
        sol.latest = vec![W::INF; n];
        sol.to_origin = vec![W::INF; n];
        let mut lparent = vec![NONE; n];
        let mut rparent = vec![NONE; n];
        let mut done = vec![false; n];
        let Solution {
            latest,
            to_origin,
            cycles,
            unlisted,
            dead,
            live,
            potential: pot,
            ..
        } = sol;
        self.bounds_pass(false, Over::All, pot, live, dead, latest, &mut lparent, &mut done);
        self.bounds_pass(true, Over::All, pot, live, dead, to_origin, &mut rparent, &mut done);
        let mut bad: BTreeSet<u32> = (0..n as u32)
            .filter(|&p| violated(p as usize, latest, to_origin, dead))
            .collect();
        let mut islands: Option<Islands> = None;
        while let Some(&p) = bad.first() {
            let cycle = self.origin_cycle(p, &lparent, &rparent);
            // The points whose islands change.
            let touched: Vec<u32> = match self.set_aside(&cycle) {
                Some(f) if cycles.len() < limit => {
                    self.disable_fact(f, live);
                    cycles.push((cycle, f));
                    let arcs =
                        &self.fact_arcs[self.fact_off[f as usize] as usize..self.fact_off[f as usize + 1] as usize];
                    arcs.iter()
                        .flat_map(|&a| [self.arcs[a as usize].from, self.arcs[a as usize].to])
                        .filter(|&v| v != o)
                        .collect()
                }
                _ => {
                    // Beyond the limit: quarantine every point still in contradiction.
                    *unlisted += bad.len();
                    for &q in &bad {
                        self.kill_point(q, dead, live);
                    }
                    bad.iter().copied().collect()
                }
            };
            let isl = islands.get_or_insert_with(|| Islands::new(n, &self.fwd, &self.arcs));
            let mut ids: Vec<u32> = touched.iter().map(|&v| isl.of[v as usize]).collect();
            ids.sort_unstable();
            ids.dedup();
            for i in ids {
                let members = isl.members(i);
                let over = Over::Islands(members, isl);
                self.bounds_pass(false, over, pot, live, dead, latest, &mut lparent, &mut done);
                self.bounds_pass(true, over, pot, live, dead, to_origin, &mut rparent, &mut done);
                for &v in members {
                    if violated(v as usize, latest, to_origin, dead) {
                        bad.insert(v);
                    } else {
                        bad.remove(&v);
                    }
                }
            }
        }
        #[cfg(debug_assertions)]
        {
            // Debug builds (every test) check the islands against one pass over everything.
            let mut l2 = vec![W::INF; n];
            let mut r2 = vec![W::INF; n];
            let (mut lp2, mut rp2) = (vec![NONE; n], vec![NONE; n]);
            self.bounds_pass(false, Over::All, pot, live, dead, &mut l2, &mut lp2, &mut done);
            self.bounds_pass(true, Over::All, pot, live, dead, &mut r2, &mut rp2, &mut done);
            assert!(l2 == *latest && r2 == *to_origin && lp2 == lparent && rp2 == rparent);
        }
    }

    /// Step 2 as it was before islands, kept as the reference of [`Stn::bounds`]: both passes
    /// over the whole network again after each cycle, with the bounds read from all the arcs.
    #[cfg(test)]
    fn bounds_from_scratch(&self, sol: &mut Solution, limit: usize) {
        let n = self.n;
        let Solution {
            cycles,
            unlisted,
            dead,
            live,
            potential: pot,
            ..
        } = sol;
        loop {
            let (latest, lparent) = self.bounds_pass_scratch(false, pot, live, dead);
            let (to_origin, rparent) = self.bounds_pass_scratch(true, pot, live, dead);
            let Some(p) = (0..n).find(|&p| violated(p, &latest, &to_origin, dead)) else {
                sol.latest = latest;
                sol.to_origin = to_origin;
                return;
            };
            let cycle = self.origin_cycle(p as u32, &lparent, &rparent);
            match self.set_aside(&cycle) {
                Some(f) if cycles.len() < limit => {
                    self.disable_fact(f, live);
                    cycles.push((cycle, f));
                }
                _ => {
                    let bad: Vec<u32> = (0..n)
                        .filter(|&q| violated(q, &latest, &to_origin, dead))
                        .map(|q| q as u32)
                        .collect();
                    *unlisted += bad.len();
                    for q in bad {
                        self.kill_point(q, dead, live);
                    }
                }
            }
        }
    }

    /// [`Stn::solve`] with [`Stn::bounds_from_scratch`] for step 2.
    #[cfg(test)]
    fn solve_from_scratch(&self, limit: usize) -> Solution {
        let mut sol = self.relations(limit, &Duration::default);
        self.bounds_from_scratch(&mut sol, limit);
        sol
    }

    /// A negative cycle through the set-aside fact `f`'s arc `x → y` (weight `w`) with as few
    /// arcs as possible: breadth-first by hop count from `y`, keeping per point the lightest
    /// walk of each length, until a walk back to `x` weighs less than `−w`. Only the live arcs
    /// are used (so the other facts set aside stay out). Gives up (`None`) past a budget of
    /// relaxations or when nothing shorter than `cycle` exists.
    fn shorten(&self, cycle: &[u32], f: u32, live: &[bool]) -> Option<Vec<u32>> {
        const BUDGET: usize = 50_000;
        if cycle.len() <= 2 {
            return None;
        }
        let &start = cycle.iter().find(|&&a| self.arcs[a as usize].fact == f)?;
        let Arc { from: x, to: y, w, .. } = self.arcs[start as usize];
        if x == y {
            return None;
        }
        // layers[k]: point → (weight of the lightest walk y → point with k arcs, last arc).
        let mut layers: Vec<HashMap<u32, (W, u32)>> = vec![HashMap::from([(y, (W::ZERO, NONE))])];
        let mut best: HashMap<u32, W> = HashMap::from([(y, W::ZERO)]);
        let mut work = 0usize;
        for k in 1..cycle.len() {
            let mut next: HashMap<u32, (W, u32)> = HashMap::new();
            let mut frontier: Vec<(&u32, &(W, u32))> = layers[k - 1].iter().collect();
            frontier.sort_unstable_by_key(|(v, _)| **v);
            for (&u, &(du, _)) in frontier {
                for e in self.fwd.out(u) {
                    work += 1;
                    if !live[e.arc as usize] {
                        continue;
                    }
                    let nd = du + e.w;
                    // Only walks lighter than any shorter walk to the same point can help.
                    if best.get(&e.to).is_some_and(|&b| b <= nd) {
                        continue;
                    }
                    if next.get(&e.to).is_none_or(|&(b, _)| nd < b) {
                        next.insert(e.to, (nd, e.arc));
                    }
                }
            }
            if work > BUDGET || next.is_empty() {
                return None;
            }
            for (&v, &(d, _)) in &next {
                best.insert(v, d);
            }
            layers.push(next);
            if let Some(&(d, _)) = layers[k].get(&x) {
                if d + w < W::ZERO {
                    // Walk back through the layers.
                    let mut path = vec![start];
                    let mut v = x;
                    for j in (1..=k).rev() {
                        let (_, a) = layers[j][&v];
                        path.push(a);
                        v = self.arcs[a as usize].from;
                    }
                    debug_assert_eq!(v, y);
                    path.reverse();
                    // Path order: y → … → x, then the fact's arc x → y.
                    return (path.len() < cycle.len()).then_some(path);
                }
            }
        }
        None
    }

    /// The fact to set aside on a cycle: the most recently added one (largest id), never structural.
    fn set_aside(&self, cycle: &[u32]) -> Option<u32> {
        cycle
            .iter()
            .map(|&a| self.arcs[a as usize].fact)
            .filter(|&f| f != STRUCTURAL)
            .max()
    }

    /// One bounds pass over every point or over some islands (no arc leaves them):
    /// `reverse = false` computes distances origin → p (latest), `true` distances p → origin
    /// (minus the earliest), by Dijkstra on the reduced costs `w + π'(u) − π'(v) ≥ 0`
    /// (`π' = π` forward, `−π` reversed), every point with a bound being a source (its first
    /// tightest bound arc its parent). Writes the labels and parent arcs of `nodes`; `done` is
    /// scratch space.
    #[allow(clippy::too_many_arguments)]
    fn bounds_pass(
        &self,
        reverse: bool,
        over: Over,
        pot: &[W],
        live: &[bool],
        dead: &[bool],
        dist: &mut [W],
        parent: &mut [u32],
        done: &mut [bool],
    ) {
        let g = if reverse { &self.rev } else { &self.fwd };
        let pi = |v: u32| if reverse { -pot[v as usize] } else { pot[v as usize] };
        let mut sources = Vec::new();
        match over {
            Over::All => {
                let o = self.origin();
                dist.fill(W::INF);
                parent.fill(NONE);
                done.fill(false);
                for (i, a) in self.arcs.iter().enumerate() {
                    let p = if !reverse && a.from == o && a.to != o {
                        a.to
                    } else if reverse && a.to == o && a.from != o {
                        a.from
                    } else {
                        continue;
                    };
                    if live[i] && !dead[p as usize] && a.w < dist[p as usize] {
                        dist[p as usize] = a.w;
                        parent[p as usize] = i as u32;
                    }
                }
                for v in 0..self.n as u32 {
                    if !dist[v as usize].is_inf() {
                        sources.push(Reverse((dist[v as usize] + -pi(v), v)));
                    }
                }
            }
            Over::Islands(nodes, isl) => {
                let bound = if reverse { &isl.into_origin } else { &isl.from_origin };
                for &v in nodes {
                    let vi = v as usize;
                    dist[vi] = W::INF;
                    parent[vi] = NONE;
                    done[vi] = false;
                    if dead[vi] {
                        continue;
                    }
                    for &a in bound.of(v) {
                        let w = self.arcs[a as usize].w;
                        if live[a as usize] && w < dist[vi] {
                            dist[vi] = w;
                            parent[vi] = a;
                        }
                    }
                    if !dist[vi].is_inf() {
                        sources.push(Reverse((dist[vi] + -pi(v), v)));
                    }
                }
            }
        }
        dijkstra(g, BinaryHeap::from(sources), pi, live, dist, parent, done);
    }

    /// The bounds pass as it was before islands (the reference of [`Stn::bounds_pass`]):
    /// `reverse = false` computes distances origin → p (latest), `true`
    /// distances p → origin (minus the earliest), by Dijkstra on the reduced costs
    /// `w + π'(u) − π'(v) ≥ 0` (`π' = π` forward, `−π` reversed), every point with a bound
    /// being a source. Returns labels and parent arcs.
    #[cfg(test)]
    fn bounds_pass_scratch(&self, reverse: bool, pot: &[W], live: &[bool], dead: &[bool]) -> (Vec<W>, Vec<u32>) {
        let n = self.n;
        let o = self.origin();
        let mut dist = vec![W::INF; n];
        let mut parent = vec![NONE; n];
        for (i, a) in self.arcs.iter().enumerate() {
            let p = if !reverse && a.from == o && a.to != o {
                a.to
            } else if reverse && a.to == o && a.from != o {
                a.from
            } else {
                continue;
            };
            if live[i] && !dead[p as usize] && a.w < dist[p as usize] {
                dist[p as usize] = a.w;
                parent[p as usize] = i as u32;
            }
        }
        let g = if reverse { &self.rev } else { &self.fwd };
        let pi = |v: u32| if reverse { -pot[v as usize] } else { pot[v as usize] };
        let mut done = vec![false; n];
        let heap: BinaryHeap<Reverse<(W, u32)>> = (0..n as u32)
            .filter(|&v| !dist[v as usize].is_inf())
            .map(|v| Reverse((dist[v as usize] + -pi(v), v)))
            .collect();
        dijkstra(g, heap, pi, live, &mut dist, &mut parent, &mut done);
        (dist, parent)
    }

    /// Bellman–Ford with subtree disassembly inside one component (forward arcs), from the
    /// current labels. Each negative cycle found (arc indices in path order) is handed to
    /// `on_cycle`, which names the fact to set aside (its arcs are then switched off and the
    /// search goes on from where it was) or `None` to give up: then `false` is returned.
    #[allow(clippy::too_many_arguments)]
    fn run_component(
        &self,
        members: &[u32],
        dist: &mut [W],
        parent: &mut [u32],
        t: &mut Tree,
        live: &mut [bool],
        dead: &[bool],
        on_cycle: &mut dyn FnMut(Vec<u32>) -> Option<u32>,
    ) -> bool {
        let g = &self.fwd;
        if members.len() == 1 {
            let u = members[0];
            if dead[u as usize] {
                return true;
            }
            // Only a self-loop can close a cycle in a one-point component.
            loop {
                let found = g
                    .inner(u)
                    .iter()
                    .find(|e| e.to == u && live[e.arc as usize] && e.w < W::ZERO);
                let Some(e) = found else { return true };
                let Some(f) = on_cycle(vec![e.arc]) else { return false };
                self.disable_fact(f, live);
            }
        }
        let s = self.n;
        t.next[s] = s as u32;
        t.prev[s] = s as u32;
        t.depth[s] = 0;
        t.queue.clear();
        for &v in members {
            let vi = v as usize;
            t.in_tree[vi] = false;
            t.queued[vi] = false;
            if !dist[vi].is_inf() && !dead[vi] {
                t.add_root(v, s);
                t.queued[vi] = true;
                t.queue.push_back(v);
            }
        }
        let mut ok = true;
        'scan: while let Some(u) = t.queue.pop_front() {
            let ui = u as usize;
            t.queued[ui] = false;
            if !t.in_tree[ui] {
                continue;
            }
            let du = dist[ui];
            for e in g.inner(u) {
                let (v, vi) = (e.to, e.to as usize);
                let nd = du + e.w;
                if nd >= dist[vi] || !live[e.arc as usize] {
                    continue;
                }
                let mut cycle = None;
                if v == u {
                    cycle = Some(vec![e.arc]);
                } else if t.in_tree[vi] {
                    // Disassemble the subtree of v; meeting u inside it closes a negative cycle.
                    let dv = t.depth[vi];
                    let mut x = t.next[vi];
                    while t.depth[x as usize] > dv && x as usize != s {
                        if x == u {
                            let mut path = vec![e.arc];
                            let mut y = u;
                            while y != v {
                                let pa = parent[y as usize];
                                path.push(pa);
                                y = self.arcs[pa as usize].from;
                            }
                            path.reverse();
                            // Undo the partial disassembly: the tree is still intact.
                            let mut z = t.next[vi];
                            while z != u {
                                t.in_tree[z as usize] = true;
                                z = t.next[z as usize];
                            }
                            cycle = Some(path);
                            break;
                        }
                        t.in_tree[x as usize] = false;
                        x = t.next[x as usize];
                    }
                    if cycle.is_none() {
                        let p = t.prev[vi];
                        t.next[p as usize] = x;
                        t.prev[x as usize] = p;
                    }
                }
                if let Some(cycle) = cycle {
                    let Some(f) = on_cycle(cycle) else {
                        ok = false;
                        break 'scan;
                    };
                    self.disable_fact(f, live);
                    // Subtrees hanging from a switched-off arc become roots, and u is scanned
                    // again: the labels stay upper bounds, the tree stays exact.
                    for i in self.fact_off[f as usize]..self.fact_off[f as usize + 1] {
                        let a = self.fact_arcs[i as usize];
                        let y = self.arcs[a as usize].to;
                        if y as usize != s && t.in_tree[y as usize] && parent[y as usize] == a {
                            t.reroot_subtree(y, s);
                        }
                    }
                    if !t.queued[ui] {
                        t.queued[ui] = true;
                        t.queue.push_back(u);
                    }
                    continue 'scan;
                }
                dist[vi] = nd;
                parent[vi] = e.arc;
                t.depth[vi] = t.depth[ui] + 1;
                t.in_tree[vi] = true;
                let nx = t.next[ui];
                t.next[ui] = v;
                t.prev[vi] = u;
                t.next[vi] = nx;
                t.prev[nx as usize] = v;
                if !t.queued[vi] {
                    t.queued[vi] = true;
                    t.queue.push_back(v);
                }
            }
        }
        for &v in members {
            t.in_tree[v as usize] = false;
            t.queued[v as usize] = false;
        }
        ok
    }

    /// The cycle through the origin at a point `p` with `latest(p) < earliest(p)`:
    /// origin → … → p along the latest tree, p → … → origin along the earliest tree,
    /// with repeated points cut out (the cut loops are relation cycles, never negative).
    fn origin_cycle(&self, p: u32, lparent: &[u32], rparent: &[u32]) -> Vec<u32> {
        let o = self.origin();
        let mut head = Vec::new();
        let mut y = p;
        while y != o && head.len() <= self.n {
            let a = lparent[y as usize];
            head.push(a);
            y = self.arcs[a as usize].from;
        }
        head.reverse();
        let mut y = p;
        let mut tail = Vec::new();
        while y != o && tail.len() <= self.n {
            let a = rparent[y as usize];
            tail.push(a);
            y = self.arcs[a as usize].to;
        }
        // Cut loops: keep a stack of arcs; arriving at a point already on it pops back.
        let mut out: Vec<u32> = Vec::new();
        let mut pos: HashMap<u32, usize> = HashMap::new();
        for a in head.into_iter().chain(tail) {
            let to = self.arcs[a as usize].to;
            out.push(a);
            if to == o {
                continue;
            }
            if let Some(&i) = pos.get(&to) {
                for b in out.drain(i..) {
                    pos.remove(&self.arcs[b as usize].to);
                }
            }
            pos.insert(to, out.len());
        }
        out
    }

    /// Shortest relation-only distances from `x` to each of `targets` (`reverse`: from each
    /// target to `x`), by Dijkstra on reduced costs, where they are at most 0; a target whose
    /// distance is positive (or that is unreachable) gets `INF`. That is all the qualitative
    /// closure needs (it only asks `≤ 0` and `< 0`), and it lets the search stop as soon as
    /// every unsettled target is known to be farther than 0, usually close to `x`.
    pub fn distances(&self, x: u32, targets: &[u32], reverse: bool, sol: &Solution) -> Vec<W> {
        let n = self.n;
        let g = if reverse { &self.rev } else { &self.fwd };
        let pi = |v: u32| {
            let p = sol.potential[v as usize];
            if reverse {
                -p
            } else {
                p
            }
        };
        if x as usize >= n || sol.dead[x as usize] {
            return vec![W::INF; targets.len()];
        }
        let mut best = vec![W::INF; n];
        let mut done = vec![false; n];
        let mut heap = BinaryHeap::new();
        let mut left = targets.iter().filter(|&&t| (t as usize) < n).count();
        // A target t is at distance ≤ 0 iff its reduced distance is ≤ π'(x) − π'(t).
        let cutoff = targets
            .iter()
            .filter(|&&t| (t as usize) < n)
            .map(|&t| pi(x) + -pi(t))
            .max()
            .unwrap_or(W::ZERO);
        best[x as usize] = W::ZERO;
        heap.push(Reverse((W::ZERO, x)));
        while let Some(Reverse((d, u))) = heap.pop() {
            let ui = u as usize;
            if done[ui] || best[ui] < d {
                continue;
            }
            if d > cutoff {
                break;
            }
            done[ui] = true;
            if targets.contains(&u) {
                left -= targets.iter().filter(|&&t| t == u).count();
                if left == 0 {
                    break;
                }
            }
            for e in g.out(u) {
                let vi = e.to as usize;
                if done[vi] || !sol.live[e.arc as usize] {
                    continue;
                }
                // Reduced cost, ≥ 0 for a feasible potential.
                let rc = e.w + pi(u) + -pi(e.to);
                debug_assert!(rc >= W::ZERO, "negative reduced cost");
                let nd = d + rc;
                if nd < best[vi] {
                    best[vi] = nd;
                    heap.push(Reverse((nd, e.to)));
                }
            }
        }
        targets
            .iter()
            .map(|&t| {
                if (t as usize) < n && done[t as usize] {
                    // Undo the reduction: d = d' − π'(x) + π'(t).
                    let d = best[t as usize] + -pi(x) + pi(t);
                    if d > W::ZERO {
                        W::INF
                    } else {
                        d
                    }
                } else {
                    W::INF
                }
            })
            .collect()
    }

    /// A deterministic order of the points: topological with respect to "comes no later
    /// than" (arcs of weight ≤ 0, read backwards), points on weight-0 cycles (equal times)
    /// kept together, ready points taken by smallest `key`.
    pub fn order<K: Ord + Copy>(&self, keys: &[K], sol: &Solution) -> Vec<u32> {
        let n = self.n;
        let o = self.origin();
        let prec = || {
            self.arcs.iter().enumerate().filter_map(move |(i, a)| {
                let ok = a.from != o && a.to != o && a.w <= W::ZERO && sol.live[i];
                // t(to) ≤ t(from) + w ≤ t(from): `to` comes first.
                ok.then_some((
                    a.to,
                    Adj {
                        to: a.from,
                        arc: i as u32,
                        w: a.w,
                    },
                ))
            })
        };
        let h = Csr::build(n, prec());
        let (comp_of, comps) = scc(n, &h);
        let mut indeg = vec![0u32; comps.len()];
        for (x, e) in prec() {
            if comp_of[x as usize] != comp_of[e.to as usize] {
                indeg[comp_of[e.to as usize] as usize] += 1;
            }
        }
        let ckey: Vec<(K, u32)> = comps
            .iter()
            .map(|m| {
                m.iter()
                    .map(|&v| (keys[v as usize], v))
                    .min()
                    .expect("non-empty component")
            })
            .collect();
        let mut heap: BinaryHeap<Reverse<((K, u32), u32)>> = BinaryHeap::new();
        for (c, &d) in indeg.iter().enumerate() {
            if d == 0 {
                heap.push(Reverse((ckey[c], c as u32)));
            }
        }
        let mut out = Vec::with_capacity(n);
        while let Some(Reverse((_, c))) = heap.pop() {
            let mut members: Vec<(K, u32)> = comps[c as usize].iter().map(|&v| (keys[v as usize], v)).collect();
            members.sort_unstable();
            for &(_, u) in &members {
                out.push(u);
                for e in h.out(u) {
                    let cv = comp_of[e.to as usize];
                    if cv != c {
                        indeg[cv as usize] -= 1;
                        if indeg[cv as usize] == 0 {
                            heap.push(Reverse((ckey[cv as usize], cv)));
                        }
                    }
                }
            }
        }
        out
    }
}

/// Dijkstra on reduced costs `w + π(u) − π(v) ≥ 0` from the sources already in `heap` (keyed
/// by reduced distance) over the live arcs of `g`, settling `dist`, `parent` and `done`.
fn dijkstra(
    g: &Csr,
    mut heap: BinaryHeap<Reverse<(W, u32)>>,
    pi: impl Fn(u32) -> W,
    live: &[bool],
    dist: &mut [W],
    parent: &mut [u32],
    done: &mut [bool],
) {
    while let Some(Reverse((k, u))) = heap.pop() {
        let ui = u as usize;
        if done[ui] || k > dist[ui] + -pi(u) {
            continue;
        }
        done[ui] = true;
        let du = dist[ui];
        for e in g.out(u) {
            let vi = e.to as usize;
            if done[vi] || !live[e.arc as usize] {
                continue;
            }
            let nd = du + e.w;
            if nd < dist[vi] {
                dist[vi] = nd;
                parent[vi] = e.arc;
                heap.push(Reverse((nd + -pi(e.to), e.to)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arc(from: u32, to: u32, days: i64, eps: i64, fact: u32) -> Arc {
        Arc {
            from,
            to,
            w: W { days, eps },
            fact,
        }
    }

    /// Brute-force Bellman–Ford over all arcs (origin included): `None` on a negative cycle.
    pub(super) fn brute(n: usize, arcs: &[Arc], disabled: &[bool]) -> Option<(Vec<W>, Vec<W>)> {
        let o = n;
        let run = |rev: bool, all: bool| -> Option<Vec<W>> {
            let mut d = vec![if all { W::ZERO } else { W::INF }; n + 1];
            d[o] = W::ZERO;
            for round in 0..=n + 1 {
                let mut changed = false;
                for a in arcs {
                    if a.fact != STRUCTURAL && disabled[a.fact as usize] {
                        continue;
                    }
                    let (x, y) = if rev { (a.to, a.from) } else { (a.from, a.to) };
                    if d[x as usize].is_inf() {
                        continue;
                    }
                    let nd = d[x as usize] + a.w;
                    if nd < d[y as usize] {
                        d[y as usize] = nd;
                        changed = true;
                    }
                }
                if !changed {
                    return Some(d);
                }
                if round == n + 1 {
                    return None;
                }
            }
            None
        };
        run(false, true)?;
        Some((run(false, false)?, run(true, false)?))
    }

    #[test]
    fn chain_bounds() {
        // p0 ≥ day 10, p0 < p1 (strict), p1 ≤ day 10.
        let arcs = vec![arc(0, 2, -10, 0, 0), arc(1, 0, 0, -1, 1), arc(2, 1, 11, -1, 2)];
        let stn = Stn::new(2, arcs, 3);
        let s = stn.solve(8, &Duration::default);
        assert!(s.cycles.is_empty());
        assert_eq!(s.latest[1].day(), 10);
        assert_eq!(s.latest[0].day(), 10);
        assert_eq!((-s.to_origin[0]).day(), 10);
        assert_eq!((-s.to_origin[1]).day(), 10);
    }

    #[test]
    fn relation_cycle_found_and_set_aside() {
        // 0 < 1 < 2 < 0: three strict arcs.
        let arcs = vec![arc(1, 0, 0, -1, 0), arc(2, 1, 0, -1, 1), arc(0, 2, 0, -1, 2)];
        let stn = Stn::new(3, arcs, 3);
        let s = stn.solve(8, &Duration::default);
        assert_eq!(s.cycles.len(), 1);
        let (cycle, f) = &s.cycles[0];
        assert_eq!(*f, 2);
        let total = cycle.iter().fold(W::ZERO, |acc, &a| acc + stn.arc(a).w);
        assert!(total < W::ZERO);
        assert_eq!(cycle.len(), 3);
    }

    #[test]
    fn origin_cycle_found() {
        // p0 ≥ day 20, p0 ≤ day 10.
        let arcs = vec![arc(0, 1, -20, 0, 0), arc(1, 0, 11, -1, 1)];
        let stn = Stn::new(1, arcs, 2);
        let s = stn.solve(8, &Duration::default);
        assert_eq!(s.cycles.len(), 1);
        assert_eq!(s.cycles[0].1, 1);
        assert_eq!(s.cycles[0].0.len(), 2);
    }

    #[test]
    fn shorten_finds_the_fewest_arcs() {
        // Fact 0 is the arc 0 → 1 (weight −1); the rest weigh 0. The long way back is
        // 1 → 2 → 3 → 4 → 0, the short one 1 → 0.
        let arcs = vec![
            arc(0, 1, -1, 0, 0),
            arc(1, 2, 0, 0, 1),
            arc(2, 3, 0, 0, 2),
            arc(3, 4, 0, 0, 3),
            arc(4, 0, 0, 0, 4),
            arc(1, 0, 0, 0, 5),
        ];
        let stn = Stn::new(5, arcs, 6);
        let mut live = vec![true; 6];
        stn.disable_fact(0, &mut live);
        assert_eq!(stn.shorten(&[1, 2, 3, 4, 0], 0, &live), Some(vec![5, 0]));
        // Nothing shorter than a two-arc cycle.
        assert_eq!(stn.shorten(&[5, 0], 0, &live), None);
        // Through facts set aside: not used.
        stn.disable_fact(5, &mut live);
        assert_eq!(stn.shorten(&[1, 2, 3, 4, 0], 0, &live), None);
    }

    #[test]
    fn scc_long_chain_does_not_recurse() {
        let n = 300_000u32;
        let arcs: Vec<Arc> = (0..n - 1).map(|i| arc(i, i + 1, 1, 0, i)).collect();
        let stn = Stn::new(n as usize, arcs, n as usize);
        let s = stn.solve(8, &Duration::default);
        assert!(s.cycles.is_empty());
    }

    /// A random network of small islands, in contradiction through the origin more often than
    /// not: `(points, arcs, facts)`. Each entry is a relation arc inside an island, a bound
    /// (`origin → p` or `p → origin`), an equality (two arcs, one fact) or a structural arc.
    fn islands_network() -> impl proptest::strategy::Strategy<Value = (usize, Vec<Arc>, usize)> {
        use proptest::prelude::*;
        (
            prop::collection::vec(0u32..5, 1..30),
            prop::collection::vec((any::<u32>(), any::<u32>(), 0u8..6, -4i64..25, any::<bool>()), 0..60),
        )
            .prop_map(|(island, entries)| {
                let n = island.len();
                let o = n as u32;
                let mut arcs = Vec::new();
                let mut facts = 0u32;
                for (a, b, kind, days, strict) in entries {
                    let x = a % o;
                    // A point of x's island.
                    let mates: Vec<u32> = (0..o).filter(|&q| island[q as usize] == island[x as usize]).collect();
                    let y = mates[b as usize % mates.len()];
                    let eps = -i64::from(strict);
                    let mut fact = || {
                        facts += 1;
                        facts - 1
                    };
                    match kind {
                        0 | 1 => arcs.push(arc(x, y, days - 8, eps, fact())),
                        2 => arcs.push(arc(o, x, days, eps, fact())),
                        3 => arcs.push(arc(x, o, -days, eps, fact())),
                        4 => {
                            let f = fact();
                            arcs.push(arc(x, y, days - 8, 0, f));
                            arcs.push(arc(y, x, 8 - days, 0, f));
                        }
                        _ => arcs.push(arc(x, y, 0, 0, STRUCTURAL)),
                    }
                }
                (n, arcs, facts as usize)
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// Step 2 over islands gives what passing over the whole network after each cycle
        /// gives: the same bounds, cycles (so the same explanations), facts set aside,
        /// quarantined points and count of unlisted conflicts, at every conflict limit.
        #[test]
        fn islands_match_passes_over_everything(
            (n, arcs, facts) in islands_network(),
            limit in proptest::prop_oneof![0usize..6, proptest::strategy::Just(1000)],
        ) {
            let stn = Stn::new(n, arcs.clone(), facts);
            let fast = stn.solve(limit, &Duration::default);
            let slow = stn.solve_from_scratch(limit);
            proptest::prop_assert_eq!(&fast.cycles, &slow.cycles, "{:?}", arcs);
            proptest::prop_assert_eq!(&fast.latest, &slow.latest);
            proptest::prop_assert_eq!(&fast.to_origin, &slow.to_origin);
            proptest::prop_assert_eq!(fast.unlisted, slow.unlisted);
            proptest::prop_assert_eq!(&fast.dead, &slow.dead);
            proptest::prop_assert_eq!(&fast.live, &slow.live);
            // And the final network is consistent: no point after itself.
            for p in 0..n {
                proptest::prop_assert!(!violated(p, &fast.latest, &fast.to_origin, &fast.dead));
            }
        }
    }

    #[test]
    fn matches_brute_force_on_small_random_networks() {
        // Deterministic LCG; several hundred small networks with mixed weights.
        let mut seed = 0x2545F4914F6CDD1Du64;
        let mut rnd = |m: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for _ in 0..2000 {
            let n = 1 + rnd(10) as usize;
            let m = rnd(30) as usize;
            let mut arcs = Vec::new();
            for f in 0..m {
                let mut x = rnd(n as u64 + 1) as u32;
                let mut y = rnd(n as u64 + 1) as u32;
                if x == n as u32 && y == n as u32 {
                    y = 0;
                }
                if x == y && rnd(2) == 0 {
                    x = (x + 1) % (n as u32);
                }
                arcs.push(arc(x, y, rnd(21) as i64 - 6, -(rnd(2) as i64), f as u32));
            }
            let stn = Stn::new(n, arcs.clone(), m);
            let s = stn.solve(1000, &Duration::default);
            // After setting aside the reported facts, the network is consistent and the
            // bounds equal brute force.
            let mut disabled = vec![false; m];
            for (_, f) in &s.cycles {
                disabled[*f as usize] = true;
            }
            let (lat, to_o) = brute(n, &arcs, &disabled).expect("consistent after setting aside");
            for p in 0..n {
                assert_eq!(s.latest[p], lat[p], "latest {p} in {arcs:?}");
                assert_eq!(s.to_origin[p], to_o[p], "to-origin {p} in {arcs:?}");
            }
            // Every reported cycle is closed and negative.
            for (cycle, f) in &s.cycles {
                let total = cycle.iter().fold(W::ZERO, |acc, &a| acc + stn.arc(a).w);
                assert!(total < W::ZERO, "{cycle:?} in {arcs:?}");
                for w in cycle.windows(2) {
                    assert_eq!(stn.arc(w[0]).to, stn.arc(w[1]).from);
                }
                assert_eq!(stn.arc(*cycle.last().unwrap()).to, stn.arc(cycle[0]).from);
                assert!(cycle.iter().any(|&a| stn.arc(a).fact == *f));
            }
            // With nothing set aside, brute force agrees on consistency.
            assert_eq!(brute(n, &arcs, &vec![false; m]).is_none(), !s.cycles.is_empty());
        }
    }
}
