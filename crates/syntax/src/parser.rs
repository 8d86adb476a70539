//! The dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) with the
//! root at the end of the buffer and exactly one word attached to it, scored by an
//! averaged perceptron over rich feature templates (after Zhang & Nivre 2011), trained
//! with the dynamic oracle of Goldberg & Nivre (2013).
//!
//! Transitions, with stack σ|s1|s0 and buffer b0|β:
//! - SHIFT: push b0 (never the root).
//! - LEFT(l): s0 ← b0 with label l, pop s0 (to the root only when s0 is the last word on
//!   the stack, and then with the root label).
//! - RIGHT(l): s1 → s0 with label l, pop s0.

use crate::binio::{ReadError, Reader, Writer};
use crate::hash::{self, key};
use crate::perceptron::{argmax, Weights};
use crate::tokfeat::{WordKeys, NONE};

/// What the parser reads of each word: its keys and tag hashes.
#[derive(Debug, Clone, Copy)]
pub struct Input {
    /// Word keys.
    pub keys: WordKeys,
    /// Hash of the XPOS.
    pub xpos: u64,
    /// Hash of the UPOS.
    pub upos: u64,
    /// The word's ambiguity class (the set of tags it had in training), or `NONE`.
    pub amb: u64,
    /// Hash of the tagger's runner-up XPOS.
    pub alt: u64,
}

/// A trained parser.
#[derive(Debug, Clone)]
pub struct Parser {
    /// Dependency labels; class 0 is SHIFT, `1 + 2l` LEFT(l), `2 + 2l` RIGHT(l).
    pub labels: Vec<String>,
    /// Index of the root label.
    pub root: usize,
    /// The weights.
    pub weights: Weights,
}

/// A transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push b0.
    Shift,
    /// s0 ← b0.
    Left(usize),
    /// s1 → s0.
    Right(usize),
}

impl Move {
    /// The class number.
    pub fn class(self) -> usize {
        match self {
            Move::Shift => 0,
            Move::Left(l) => 1 + 2 * l,
            Move::Right(l) => 2 + 2 * l,
        }
    }
    /// The move of a class number.
    pub fn of(c: usize) -> Move {
        if c == 0 {
            Move::Shift
        } else if c % 2 == 1 {
            Move::Left((c - 1) / 2)
        } else {
            Move::Right((c - 2) / 2)
        }
    }
}

/// Parser state. Word `n` (one past the last) is the root.
#[derive(Debug, Clone)]
pub struct State {
    n: usize,
    /// The stack (word indices).
    pub stack: Vec<usize>,
    /// The buffer front; the buffer is `b..=n`.
    pub b: usize,
    /// Heads (`n` = the root).
    pub head: Vec<usize>,
    /// Labels.
    pub label: Vec<usize>,
    // Children summaries per word (and the root): leftmost two, rightmost two, counts,
    // label sets.
    l1: Vec<usize>,
    l2: Vec<usize>,
    r1: Vec<usize>,
    r2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u128>,
    rset: Vec<u128>,
}

const NO: usize = usize::MAX;

impl State {
    /// The initial state for `n` words.
    pub fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            head: vec![NO; n],
            label: vec![NO; n],
            l1: vec![NO; n + 1],
            l2: vec![NO; n + 1],
            r1: vec![NO; n + 1],
            r2: vec![NO; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
        }
    }

    /// Whether parsing is finished.
    pub fn done(&self) -> bool {
        self.b == self.n && self.stack.is_empty()
    }

    /// Whether a move is legal here (`root` is the root label's index).
    pub fn legal(&self, m: Move, root: usize) -> bool {
        match m {
            Move::Shift => self.b < self.n,
            Move::Left(l) => {
                !self.stack.is_empty()
                    && if self.b == self.n {
                        self.stack.len() == 1 && l == root
                    } else {
                        l != root
                    }
            }
            Move::Right(l) => self.stack.len() >= 2 && l != root,
        }
    }

    fn attach(&mut self, h: usize, d: usize, l: usize) {
        self.head[d] = h;
        self.label[d] = l;
        if d < h {
            // Left children arrive right to left: each new one is the leftmost.
            self.l2[h] = self.l1[h];
            self.l1[h] = d;
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= 1u128 << (l % 128);
        } else {
            self.r2[h] = self.r1[h];
            self.r1[h] = d;
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= 1u128 << (l % 128);
        }
    }

    /// Applies a legal move.
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Left(l) => {
                let s0 = self.stack.pop().unwrap_or(0);
                self.attach(self.b, s0, l);
            }
            Move::Right(l) => {
                let s0 = self.stack.pop().unwrap_or(0);
                let s1 = *self.stack.last().unwrap_or(&0);
                self.attach(s1, s0, l);
            }
        }
    }
}

fn dist(a: usize, b: usize) -> u64 {
    let d = b.abs_diff(a);
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Hash of a label index (or none).
fn lab(l: usize) -> u64 {
    if l == NO {
        NONE
    } else {
        l as u64 + 1
    }
}

/// The feature keys of a state.
pub fn features(s: &State, words: &[Input], out: &mut Vec<u64>) {
    out.clear();
    let n = s.n;
    let root_w = hash::str("<ROOT>");
    let w = |i: usize| -> u64 {
        if i == NO {
            NONE
        } else if i == n {
            root_w
        } else {
            words[i].keys.lower
        }
    };
    let p = |i: usize| -> u64 {
        if i == NO {
            NONE
        } else if i == n {
            root_w
        } else {
            words[i].xpos
        }
    };
    let u = |i: usize| -> u64 {
        if i == NO {
            NONE
        } else if i == n {
            root_w
        } else {
            words[i].upos
        }
    };
    let ch = |v: &Vec<usize>, i: usize| if i == NO { NO } else { v[i] };
    let lb = |c: usize| if c == NO || c == n { NONE } else { lab(s.label[c]) };
    let k = s.stack.len();
    let s0 = if k >= 1 { s.stack[k - 1] } else { NO };
    let s1 = if k >= 2 { s.stack[k - 2] } else { NO };
    let s2 = if k >= 3 { s.stack[k - 3] } else { NO };
    let n0 = s.b;
    let n1 = if s.b < n { s.b + 1 } else { NO };
    let n2 = if s.b + 1 < n { s.b + 2 } else { NO };
    let (s0w, s0p, n0w, n0p) = (w(s0), p(s0), w(n0), p(n0));
    let (n1w, n1p, n2p) = (w(n1), p(n1), p(n2));
    let (s1w, s1p, s2p) = (w(s1), p(s1), p(s2));
    let s0l1 = ch(&s.l1, s0);
    let s0l2 = ch(&s.l2, s0);
    let s0r1 = ch(&s.r1, s0);
    let s0r2 = ch(&s.r2, s0);
    let n0l1 = ch(&s.l1, n0);
    let n0l2 = ch(&s.l2, n0);
    let s1r1 = ch(&s.r1, s1);
    let s1l1 = ch(&s.l1, s1);
    let d = if s0 == NO {
        NONE
    } else if n0 == n {
        99
    } else {
        dist(s0, n0)
    };
    let ds = if s0 == NO || s1 == NO { NONE } else { dist(s1, s0) };
    let mut t = 0u64;
    let mut f = |a: u64, b: u64, c: u64| {
        t += 1;
        out.push(key(t, a, b, c));
    };
    // Single words.
    f(s0w, 0, 0);
    f(s0p, 0, 0);
    f(s0w, s0p, 0);
    f(n0w, 0, 0);
    f(n0p, 0, 0);
    f(n0w, n0p, 0);
    f(n1w, 0, 0);
    f(n1p, 0, 0);
    f(n1w, n1p, 0);
    f(n2p, 0, 0);
    f(s1w, 0, 0);
    f(s1p, 0, 0);
    f(s1w, s1p, 0);
    f(s2p, 0, 0);
    // Pairs.
    f(hash::mix(s0w, s0p), hash::mix(n0w, n0p), 0);
    f(hash::mix(s0w, s0p), n0w, 0);
    f(s0w, hash::mix(n0w, n0p), 0);
    f(hash::mix(s0w, s0p), n0p, 0);
    f(s0p, hash::mix(n0w, n0p), 0);
    f(s0w, n0w, 0);
    f(s0p, n0p, 0);
    f(n0p, n1p, 0);
    f(s1p, s0p, 0);
    f(s1w, s0w, 0);
    f(hash::mix(s1w, s1p), s0p, 0);
    f(s1p, hash::mix(s0w, s0p), 0);
    f(s1p, n0p, 0);
    f(s1w, n0w, 0);
    // Triples.
    f(n0p, n1p, n2p);
    f(s0p, n0p, n1p);
    f(s1p, s0p, n0p);
    f(s0p, p(s0l1), n0p);
    f(s0p, p(s0r1), n0p);
    f(s0p, n0p, p(n0l1));
    f(s1p, p(s1r1), s0p);
    f(s1p, p(s1l1), s0p);
    f(s2p, s1p, s0p);
    f(s0w, n0p, n1p);
    f(s0p, n0w, n1p);
    // Distance.
    f(s0w, d, 0);
    f(s0p, d, 0);
    f(n0w, d, 0);
    f(n0p, d, 0);
    f(hash::mix(s0w, n0w), d, 0);
    f(hash::mix(s0p, n0p), d, 0);
    f(hash::mix(s1p, s0p), ds, 0);
    f(hash::mix(s1w, s0w), ds, 0);
    // Valency.
    let nr0 = if s0 == NO { NONE } else { u64::from(s.nr[s0]) };
    let nl0 = if s0 == NO { NONE } else { u64::from(s.nl[s0]) };
    let nln = u64::from(s.nl[n0]);
    f(s0w, nr0, 0);
    f(s0p, nr0, 0);
    f(s0w, nl0, 0);
    f(s0p, nl0, 0);
    f(n0w, nln, 0);
    f(n0p, nln, 0);
    // Children.
    f(w(s0l1), 0, 0);
    f(p(s0l1), 0, 0);
    f(lb(s0l1), 0, 0);
    f(w(s0r1), 0, 0);
    f(p(s0r1), 0, 0);
    f(lb(s0r1), 0, 0);
    f(w(n0l1), 0, 0);
    f(p(n0l1), 0, 0);
    f(lb(n0l1), 0, 0);
    f(lb(s1r1), p(s1r1), 0);
    f(w(s0l2), 0, 0);
    f(p(s0l2), 0, 0);
    f(lb(s0l2), 0, 0);
    f(w(s0r2), 0, 0);
    f(p(s0r2), 0, 0);
    f(lb(s0r2), 0, 0);
    f(w(n0l2), 0, 0);
    f(p(n0l2), 0, 0);
    f(lb(n0l2), 0, 0);
    f(s0p, p(s0l1), p(s0l2));
    f(s0p, p(s0r1), p(s0r2));
    f(n0p, p(n0l1), p(n0l2));
    f(s0p, lb(s0l1), lb(s0r1));
    f(n0p, lb(n0l1), 0);
    f(s0p, lb(s0r1), n0p);
    // Label sets.
    let set = |v: &Vec<u128>, i: usize| {
        if i == NO {
            NONE
        } else {
            hash::mix(v[i] as u64, (v[i] >> 64) as u64)
        }
    };
    f(s0w, set(&s.rset, s0), 0);
    f(s0p, set(&s.rset, s0), 0);
    f(s0w, set(&s.lset, s0), 0);
    f(s0p, set(&s.lset, s0), 0);
    f(n0w, set(&s.lset, n0), 0);
    f(n0p, set(&s.lset, n0), 0);
    // Coarse tags, suffixes and stack depth.
    f(u(s0), u(n0), 0);
    f(u(s1), u(s0), u(n0));
    f(u(s0), u(n0), u(n1));
    let suf = |i: usize| {
        if i == NO || i == n {
            NONE
        } else {
            words[i].keys.suffix[2]
        }
    };
    f(suf(s0), n0p, 0);
    f(s0p, suf(n0), 0);
    f((k as u64).min(4), n0p, 0);
    f(n0p, u64::from(n0 == n), (k as u64).min(3));
    // What the words could be besides their tag: ambiguity classes and the tagger's
    // runner-up, so that a tagging error costs less.
    let amb = |i: usize| if i == NO || i == n { NONE } else { words[i].amb };
    let alt = |i: usize| if i == NO || i == n { NONE } else { words[i].alt };
    f(amb(s0), 0, 0);
    f(amb(n0), 0, 0);
    f(amb(n1), 0, 0);
    f(amb(s0), amb(n0), 0);
    f(amb(s1), amb(s0), 0);
    f(alt(s0), n0p, 0);
    f(s0p, alt(n0), 0);
    f(alt(s0), alt(n0), 0);
    f(amb(n0), n1p, 0);
    f(s0p, amb(n0), alt(n0));
    f(amb(s0), alt(s0), n0p);
}

impl Parser {
    /// Parses one sentence: returns (head, label) per word, heads 0-based with the
    /// root as `usize::MAX`.
    pub fn parse(&self, words: &[Input]) -> Vec<(usize, usize)> {
        let n = words.len();
        let mut s = State::new(n);
        let classes = 1 + 2 * self.labels.len();
        let mut scores = vec![0f32; classes];
        let mut feats = Vec::with_capacity(128);
        while !s.done() {
            features(&s, words, &mut feats);
            scores.iter_mut().for_each(|x| *x = 0.0);
            self.weights.score(&feats, &mut scores);
            let Some(c) = argmax(&scores, |c| s.legal(Move::of(c), self.root)) else {
                break;
            };
            s.apply(Move::of(c));
        }
        (0..n)
            .map(|i| {
                let h = if s.head[i] == n || s.head[i] == NO {
                    usize::MAX
                } else {
                    s.head[i]
                };
                let l = if s.label[i] == NO { self.root } else { s.label[i] };
                (h, l)
            })
            .collect()
    }

    /// Serializes.
    pub fn write(&self, w: &mut Writer) {
        w.strs(&self.labels);
        w.u32(self.root as u32);
        self.weights.write(w);
    }

    /// Deserializes.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        let labels = r.strs()?;
        let root = r.u32()? as usize;
        let weights = Weights::read(r)?;
        if root >= labels.len() || weights.classes != 1 + 2 * labels.len() {
            return Err("model corrupt: parser labels and classes disagree".into());
        }
        Ok(Parser { labels, root, weights })
    }
}

#[cfg(feature = "train")]
pub mod train {
    //! Training with the dynamic oracle.
    use super::*;
    use crate::perceptron::Trainer;
    use crate::rng::Rng;

    /// A training sentence: parser input and the gold tree (heads 0-based, `n` = root).
    pub struct Example {
        /// Input words (with predicted tags, as at run time).
        pub words: Vec<Input>,
        /// Gold heads (`words.len()` for the root).
        pub head: Vec<usize>,
        /// Gold label indices.
        pub label: Vec<usize>,
    }

    /// The gold dependents of each word, for the oracle.
    struct Gold<'a> {
        ex: &'a Example,
        deps: Vec<Vec<usize>>,
    }

    impl<'a> Gold<'a> {
        fn new(ex: &'a Example) -> Self {
            let n = ex.head.len();
            let mut deps = vec![Vec::new(); n + 1];
            for (d, &h) in ex.head.iter().enumerate() {
                deps[h].push(d);
            }
            Gold { ex, deps }
        }

        /// The number of gold arcs a move makes unreachable (arc-hybrid, projective gold).
        fn cost(&self, s: &State, m: Move, in_stack: &[bool]) -> u32 {
            let n = s.n;
            let gh = &self.ex.head;
            let gl = &self.ex.label;
            let in_buffer = |i: usize| i >= s.b; // includes the root (n)
            match m {
                Move::Shift => {
                    let b0 = s.b;
                    let s0 = s.stack.last().copied().unwrap_or(NO);
                    let mut c = 0;
                    let h = gh[b0];
                    if h != s0 && h < n && in_stack[h] {
                        c += 1;
                    }
                    c += self.deps[b0].iter().filter(|&&d| in_stack[d]).count() as u32;
                    c
                }
                Move::Left(l) => {
                    let s0 = *s.stack.last().unwrap_or(&0);
                    let s1 = if s.stack.len() >= 2 {
                        s.stack[s.stack.len() - 2]
                    } else {
                        NO
                    };
                    let h = gh[s0];
                    let mut c = 0;
                    if h == s.b {
                        if gl[s0] != l {
                            c += 1;
                        }
                    } else if h == s1 || (in_buffer(h) && h != s.b) {
                        c += 1;
                    }
                    c += self.deps[s0].iter().filter(|&&d| d >= s.b).count() as u32;
                    c
                }
                Move::Right(l) => {
                    let s0 = *s.stack.last().unwrap_or(&0);
                    let s1 = s.stack[s.stack.len() - 2];
                    let h = gh[s0];
                    let mut c = 0;
                    if h == s1 {
                        if gl[s0] != l {
                            c += 1;
                        }
                    } else if in_buffer(h) {
                        c += 1;
                    }
                    c += self.deps[s0].iter().filter(|&&d| d >= s.b).count() as u32;
                    c
                }
            }
        }
    }

    /// Training settings.
    #[derive(Debug, Clone, Copy)]
    pub struct Settings {
        /// Passes over the data.
        pub epochs: usize,
        /// From this epoch on, follow the model's own (possibly wrong) move …
        pub explore_from: usize,
        /// … with this probability.
        pub explore_p: f64,
        /// Seed of the shuffles and of exploration.
        pub seed: u64,
        /// Drop features seen fewer times than this.
        pub min_count: u32,
    }

    /// Trains a parser.
    pub fn train(
        labels: Vec<String>,
        root: usize,
        data: &[Example],
        st: Settings,
        mut progress: impl FnMut(usize),
    ) -> Parser {
        let classes = 1 + 2 * labels.len();
        let mut t = Trainer::new(classes);
        let mut rng = Rng::new(st.seed);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut feats = Vec::with_capacity(128);
        let mut scores = vec![0f32; classes];
        let mut costs = vec![0u32; classes];
        for epoch in 0..st.epochs {
            rng.shuffle(&mut order);
            for &i in &order {
                let ex = &data[i];
                let gold = Gold::new(ex);
                let n = ex.words.len();
                let mut s = State::new(n);
                let mut in_stack = vec![false; n + 1];
                while !s.done() {
                    features(&s, &ex.words, &mut feats);
                    scores.iter_mut().for_each(|x| *x = 0.0);
                    t.score(&feats, &mut scores);
                    let mut min_cost = u32::MAX;
                    for (c, cost) in costs.iter_mut().enumerate() {
                        let m = Move::of(c);
                        *cost = if s.legal(m, root) {
                            gold.cost(&s, m, &in_stack)
                        } else {
                            u32::MAX
                        };
                        min_cost = min_cost.min(*cost);
                    }
                    let Some(pred) = argmax(&scores, |c| costs[c] != u32::MAX) else {
                        break;
                    };
                    let Some(best) = argmax(&scores, |c| costs[c] == min_cost) else {
                        break;
                    };
                    t.observe(&feats);
                    if costs[pred] != min_cost {
                        t.update(&feats, best, pred);
                    }
                    let next = if epoch >= st.explore_from && rng.unit() < st.explore_p {
                        pred
                    } else {
                        best
                    };
                    let m = Move::of(next);
                    match m {
                        Move::Shift => in_stack[s.b] = true,
                        _ => {
                            if let Some(&top) = s.stack.last() {
                                in_stack[top] = false;
                            }
                        }
                    }
                    s.apply(m);
                }
            }
            progress(epoch);
        }
        Parser {
            labels,
            root,
            weights: t.average(st.min_count, 1e-3),
        }
    }

    /// Makes a tree projective by lifting non-projective arcs (the shortest first) to the
    /// head's head until none is left. Heads are 0-based with `n` the root.
    pub fn projectivize(head: &mut [usize]) {
        let n = head.len();
        loop {
            let mut worst: Option<(usize, usize)> = None; // (arc length, dependent)
            for d in 0..n {
                let h = head[d];
                if h == n {
                    continue;
                }
                let (lo, hi) = if d < h { (d, h) } else { (h, d) };
                // Non-projective when some word strictly between is not dominated by h.
                let np = (lo + 1..hi).any(|k| !dominated(head, k, h));
                if np && worst.is_none_or(|(len, _)| hi - lo < len) {
                    worst = Some((hi - lo, d));
                }
            }
            match worst {
                Some((_, d)) => {
                    let h = head[d];
                    head[d] = head[h];
                }
                None => return,
            }
        }
    }

    fn dominated(head: &[usize], mut k: usize, h: usize) -> bool {
        let n = head.len();
        let mut steps = 0;
        while k != n {
            if k == h {
                return true;
            }
            k = head[k];
            steps += 1;
            if steps > n {
                return false;
            }
        }
        h == n
    }
}
