//! Gradient-boosted decision trees over string features (multiclass, softmax loss), with a
//! committed-table form: the non-linear alternative to [`super::softmax`] for the pair chooser.
//!
//! | features of a pair                                      | a tree path (illustration)                    |
//! |---------------------------------------------------------|-----------------------------------------------|
//! | `Ld:main`, `d1:PAST`, `R:link/dct-tense/BEFORE`         | `Ld:main` present → `d1:PAST` present → +0.31 |
//!
//! Each round fits, for every label, one regression tree to the gradient of the softmax loss
//! (Newton leaf values `−G / (H + λ)`, times the shrinkage); a split asks whether a feature is
//! present. So a tree can learn "A and B but not A alone", which a sum of weights cannot.
//! Training is deterministic: features are numbered in sorted order, candidate splits are
//! compared by gain and then by feature number.
//!
//! # Grammar
//!
//! ```text
//! score(label k) = base[k] + init_k(pair) + Σ over rounds r of leaf(tree[r · n + k], pair)
//! node           := (feature id, node if present, node if absent, 0.0)
//!                 | (LEAF, 0, 0, value)
//! probability    = softmax(score)
//! ```
//!
//! `init_k` is 0 for a model trained alone and the linear model's score when the trees boost
//! a softmax's residual ([`super::chooser::Learner::SoftmaxBoost`]).

use std::collections::BTreeMap;

/// Marks a leaf in a node's feature slot.
pub const LEAF: u32 = u32::MAX;

/// A tree node: `(feature id or LEAF, child if present, child if absent, leaf value)`.
pub type Node = (u32, u32, u32, f32);

/// How the trees are grown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Boosting rounds (each adds one tree per label).
    pub rounds: usize,
    /// Largest number of splits from root to leaf.
    pub depth: usize,
    /// Factor on every leaf value.
    pub shrinkage: f64,
    /// L2 penalty on leaf values (added to the hessian sum).
    pub lambda: f64,
    /// Least hessian sum on either side of a split.
    pub min_child: f64,
    /// Features seen in fewer training examples are not split on.
    pub min_support: u32,
}

/// Borrowed view of a model: what both a trained [`Boost`] and a committed table are.
#[derive(Clone, Copy, Debug)]
pub struct Table<'a, S: AsRef<str>> {
    pub base: &'a [f64],
    /// Split features, sorted (a feature's id is its index).
    pub features: &'a [S],
    pub nodes: &'a [Node],
    /// Root node of tree `r · n + k` (round `r`, label `k`).
    pub roots: &'a [u32],
}

impl<S: AsRef<str>> Table<'_, S> {
    /// The feature ids of `feats` that the trees split on, sorted.
    fn ids(&self, feats: &[String]) -> Vec<u32> {
        let mut ids: Vec<u32> = feats
            .iter()
            .filter_map(|f| self.features.binary_search_by(|k| k.as_ref().cmp(f.as_str())).ok())
            .map(|i| i as u32)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Per-label scores (before the softmax) of a feature list.
    pub fn scores(&self, feats: &[String]) -> Vec<f64> {
        let ids = self.ids(feats);
        let n = self.base.len();
        let mut s = self.base.to_vec();
        for (t, &root) in self.roots.iter().enumerate() {
            s[t % n] += f64::from(leaf(self.nodes, root, &ids));
        }
        s
    }
}

/// The leaf value a tree gives a pair with the (sorted) feature ids `ids`.
fn leaf(nodes: &[Node], root: u32, ids: &[u32]) -> f32 {
    let mut i = root as usize;
    loop {
        let (f, yes, no, v) = nodes[i];
        if f == LEAF {
            return v;
        }
        i = if ids.binary_search(&f).is_ok() { yes } else { no } as usize;
    }
}

/// A trained model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Boost {
    base: Vec<f64>,
    features: Vec<String>,
    nodes: Vec<Node>,
    roots: Vec<u32>,
}

/// Buffers reused across trees.
#[derive(Default)]
struct Scratch {
    /// Per feature: gradient sum, hessian sum, examples (zeroed after every node).
    hg: Vec<f64>,
    hh: Vec<f64>,
    hc: Vec<u32>,
    touched: Vec<u32>,
    /// The nodes of all trees so far.
    nodes: Vec<Node>,
    /// (example, leaf value) pairs to add to the scores.
    out: Vec<(u32, f64)>,
}

/// One tree's growth.
struct Grower<'a> {
    rows: &'a [Vec<u32>],
    g: &'a [f64],
    h: &'a [f64],
    p: &'a Params,
    s: &'a mut Scratch,
}

impl Grower<'_> {
    fn grow(&mut self, idx: Vec<u32>, depth: usize) -> u32 {
        let (mut gs, mut hs) = (0.0, 0.0);
        for &i in &idx {
            gs += self.g[i as usize];
            hs += self.h[i as usize];
        }
        let here = self.s.nodes.len() as u32;
        self.s.nodes.push((LEAF, 0, 0, 0.0));
        let split = if depth < self.p.depth {
            self.best_split(&idx, gs, hs)
        } else {
            None
        };
        match split {
            None => {
                let v = (-self.p.shrinkage * gs / (hs + self.p.lambda)) as f32;
                self.s.nodes[here as usize] = (LEAF, 0, 0, v);
                self.s.out.extend(idx.iter().map(|&i| (i, f64::from(v))));
            }
            Some(f) => {
                let (yes, no): (Vec<u32>, Vec<u32>) = idx
                    .into_iter()
                    .partition(|&i| self.rows[i as usize].binary_search(&f).is_ok());
                let a = self.grow(yes, depth + 1);
                let b = self.grow(no, depth + 1);
                self.s.nodes[here as usize] = (f, a, b, 0.0);
            }
        }
        here
    }

    /// The feature whose presence splits `idx` with the greatest gain, if any gains.
    fn best_split(&mut self, idx: &[u32], gs: f64, hs: f64) -> Option<u32> {
        let s = &mut *self.s;
        for &i in idx {
            let (g, h) = (self.g[i as usize], self.h[i as usize]);
            for &f in &self.rows[i as usize] {
                let f = f as usize;
                if s.hc[f] == 0 {
                    s.touched.push(f as u32);
                }
                s.hc[f] += 1;
                s.hg[f] += g;
                s.hh[f] += h;
            }
        }
        let lambda = self.p.lambda;
        let parent = gs * gs / (hs + lambda);
        let mut best: Option<(f64, u32)> = None;
        for &f in &s.touched {
            let k = f as usize;
            let (gl, hl) = (s.hg[k], s.hh[k]);
            let (gr, hr) = (gs - gl, hs - hl);
            if s.hc[k] as usize == idx.len() || hl < self.p.min_child || hr < self.p.min_child {
                continue;
            }
            let gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
            let better = match best {
                None => gain > 1e-9,
                Some((b, bf)) => gain > b || (gain == b && f < bf),
            };
            if better {
                best = Some((gain, f));
            }
        }
        for &f in &s.touched {
            let k = f as usize;
            s.hc[k] = 0;
            s.hg[k] = 0.0;
            s.hh[k] = 0.0;
        }
        s.touched.clear();
        best.map(|(_, f)| f)
    }
}

impl Boost {
    /// Train on `(features, label index < n)`. `init` holds each example's starting scores
    /// (another model's, whose residual the trees then learn) or is empty (the trees start
    /// from the log label frequencies).
    pub fn train(data: &[(Vec<String>, usize)], n: usize, p: &Params, init: &[Vec<f64>]) -> Boost {
        let mut support: BTreeMap<&str, u32> = BTreeMap::new();
        for (feats, _) in data {
            for f in feats {
                *support.entry(f.as_str()).or_default() += 1;
            }
        }
        let features: Vec<String> = support
            .iter()
            .filter(|(_, &c)| c >= p.min_support)
            .map(|(k, _)| k.to_string())
            .collect();
        let rows: Vec<Vec<u32>> = data
            .iter()
            .map(|(feats, _)| {
                let mut r: Vec<u32> = feats
                    .iter()
                    .filter_map(|f| features.binary_search(f).ok())
                    .map(|i| i as u32)
                    .collect();
                r.sort_unstable();
                r.dedup();
                r
            })
            .collect();
        let m = data.len();
        let base = if init.is_empty() {
            let mut c = vec![1.0; n];
            for (_, y) in data {
                c[*y] += 1.0;
            }
            let z: f64 = c.iter().sum();
            c.iter().map(|x| (x / z).ln()).collect()
        } else {
            vec![0.0; n]
        };
        let mut score: Vec<f64> = (0..m)
            .flat_map(|i| (0..n).map(move |k| (i, k)))
            .map(|(i, k)| base[k] + init.get(i).map_or(0.0, |s| s[k]))
            .collect();
        let nf = features.len();
        let mut scratch = Scratch {
            hg: vec![0.0; nf],
            hh: vec![0.0; nf],
            hc: vec![0; nf],
            ..Scratch::default()
        };
        let mut roots = Vec::new();
        let mut prob = vec![0.0; m * n];
        let (mut g, mut h) = (vec![0.0; m], vec![0.0; m]);
        for _ in 0..p.rounds {
            prob.copy_from_slice(&score);
            for row in prob.chunks_mut(n) {
                tempograph_link::softmax::softmax(row);
            }
            for k in 0..n {
                for i in 0..m {
                    let q = prob[i * n + k];
                    g[i] = q - if data[i].1 == k { 1.0 } else { 0.0 };
                    h[i] = (q * (1.0 - q)).max(1e-6);
                }
                let mut gw = Grower {
                    rows: &rows,
                    g: &g,
                    h: &h,
                    p,
                    s: &mut scratch,
                };
                roots.push(gw.grow((0..m as u32).collect(), 0));
                for &(i, v) in &scratch.out {
                    score[i as usize * n + k] += v;
                }
                scratch.out.clear();
            }
        }
        let mut model = Boost {
            base,
            features,
            nodes: scratch.nodes,
            roots,
        };
        model.keep_split_features();
        model
    }

    /// Drop the features no tree splits on and renumber the rest (same order).
    fn keep_split_features(&mut self) {
        let used: std::collections::BTreeSet<u32> = self.nodes.iter().filter(|n| n.0 != LEAF).map(|n| n.0).collect();
        let renum: BTreeMap<u32, u32> = used.iter().enumerate().map(|(i, &f)| (f, i as u32)).collect();
        self.features = used.iter().map(|&f| self.features[f as usize].clone()).collect();
        for n in &mut self.nodes {
            if n.0 != LEAF {
                n.0 = renum[&n.0];
            }
        }
    }

    /// The model as a borrowed table.
    pub fn table(&self) -> Table<'_, String> {
        Table {
            base: &self.base,
            features: &self.features,
            nodes: &self.nodes,
            roots: &self.roots,
        }
    }

    /// Number of labels.
    pub fn labels(&self) -> usize {
        self.base.len()
    }

    /// Per-label scores of a feature list (add `init`'s, then softmax).
    pub fn scores(&self, feats: &[String]) -> Vec<f64> {
        self.table().scores(feats)
    }

    /// Rust source for the static tables `{prefix}BASE`, `{prefix}FEATURES`, `{prefix}NODES`
    /// and `{prefix}ROOTS` (leaf values printed exactly, so the table scores as the model).
    pub fn to_rust(&self, prefix: &str, header: &str) -> String {
        let mut s = String::new();
        s.push_str(header);
        let base: Vec<String> = self.base.iter().map(|x| format!("{x:?}")).collect();
        s.push_str(&format!(
            "/// Per-label starting scores.\npub static {prefix}BASE: [f64; {}] = [{}];\n",
            self.base.len(),
            base.join(", ")
        ));
        s.push_str(&format!(
            "/// Split features, sorted; a node's feature id is an index here.\n#[rustfmt::skip]\npub static {prefix}FEATURES: &[&str] = &[\n"
        ));
        for f in &self.features {
            s.push_str(&format!("    {f:?},\n"));
        }
        s.push_str("];\n");
        s.push_str(&format!(
            "/// `(feature id or LEAF, node if present, node if absent, leaf value)`.\n#[rustfmt::skip]\npub static {prefix}NODES: &[(u32, u32, u32, f32)] = &[\n"
        ));
        for &(f, a, b, v) in &self.nodes {
            if f == LEAF {
                s.push_str(&format!("    (LEAF, 0, 0, {v:?}),\n"));
            } else {
                s.push_str(&format!("    ({f}, {a}, {b}, 0.0),\n"));
            }
        }
        s.push_str("];\n");
        s.push_str(&format!(
            "/// Root node of tree `round × {} + label`.\n#[rustfmt::skip]\npub static {prefix}ROOTS: &[u32] = &[\n",
            self.base.len()
        ));
        for chunk in self.roots.chunks(self.base.len().max(1)) {
            let r: Vec<String> = chunk.iter().map(|x| x.to_string()).collect();
            s.push_str(&format!("    {},\n", r.join(", ")));
        }
        s.push_str("];\n");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::softmax::Softmax;
    use tempograph_link::softmax::softmax;

    fn f(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    const P: Params = Params {
        rounds: 30,
        depth: 2,
        shrinkage: 0.3,
        lambda: 1.0,
        min_child: 0.5,
        min_support: 1,
    };

    /// Label 1 exactly when one of `a`, `b` is present (XOR), label 0 otherwise. The four
    /// cases are not equally frequent: with a perfectly balanced XOR no single split would
    /// gain, and greedy trees could not start.
    fn xor() -> Vec<(Vec<String>, usize)> {
        let cases: &[(&[&str], usize, usize)] = &[
            (&["bias"], 0, 20),
            (&["bias", "a"], 1, 30),
            (&["bias", "b"], 1, 15),
            (&["bias", "a", "b"], 0, 25),
        ];
        let mut data = Vec::new();
        for (feats, y, times) in cases {
            for _ in 0..*times {
                data.push((f(feats), *y));
            }
        }
        data
    }

    /// One example of each case.
    fn four() -> Vec<(Vec<String>, usize)> {
        let data = xor();
        [0, 20, 50, 65].iter().map(|&i| data[i].clone()).collect()
    }

    fn probs(m: &Boost, feats: &[String]) -> Vec<f64> {
        let mut s = m.scores(feats);
        softmax(&mut s);
        s
    }

    #[test]
    fn learns_xor_which_a_linear_model_cannot() {
        let data = xor();
        let trees = Boost::train(&data, 2, &P, &[]);
        let linear = Softmax::train(&data, 2, 20, 0.0);
        for (feats, y) in &four() {
            assert!(probs(&trees, feats)[*y] > 0.9, "trees {feats:?}");
        }
        // The best a sum of weights can do is wrong on at least one of the four cases.
        let wrong = four().iter().filter(|(feats, y)| linear.probs(feats)[*y] < 0.5).count();
        assert!(wrong >= 1, "linear model solved XOR");
    }

    #[test]
    fn depth_one_trees_are_additive_and_cannot_learn_xor() {
        let stumps = Boost::train(&xor(), 2, &Params { depth: 1, ..P }, &[]);
        let wrong = four()
            .iter()
            .filter(|(feats, y)| probs(&stumps, feats)[*y] < 0.5)
            .count();
        assert!(wrong >= 1);
    }

    #[test]
    fn training_is_deterministic_and_the_table_form_scores_the_same() {
        let data = xor();
        let a = Boost::train(&data, 2, &P, &[]);
        assert_eq!(a, Boost::train(&data, 2, &P, &[]));
        let src = a.to_rust("T_", "// header\n");
        let back = parse(&src);
        assert_eq!(back, a);
        for (feats, _) in &four() {
            assert_eq!(a.scores(feats), back.scores(feats));
        }
        // Unknown features change nothing.
        let mut more = f(&["bias", "a"]);
        more.push("never-seen".into());
        assert_eq!(a.scores(&more), a.scores(&f(&["bias", "a"])));
    }

    #[test]
    fn boosting_a_residual_starts_from_the_given_scores() {
        let data = xor();
        let none = Boost::train(&data, 2, &Params { rounds: 0, ..P }, &[]);
        // With no rounds the model is the log label frequencies (46 : 46 with add-one).
        assert_eq!(none.scores(&f(&["bias"])), vec![0.5f64.ln(); 2]);
        // Trees on the residual of the linear model (which cannot do XOR) fix it.
        let linear = Softmax::train(&data, 2, 20, 0.0);
        let init: Vec<Vec<f64>> = data.iter().map(|(feats, _)| linear.scores(feats)).collect();
        let resid = Boost::train(&data, 2, &P, &init);
        assert_eq!(resid.base, vec![0.0; 2]);
        for (feats, y) in &four() {
            let mut s = linear.scores(feats);
            for (x, t) in s.iter_mut().zip(resid.scores(feats)) {
                *x += t;
            }
            softmax(&mut s);
            assert!(s[*y] > 0.9, "{feats:?} {s:?}");
        }
    }

    /// Read `to_rust`'s output back (the test's check that the writer and the reader agree).
    fn parse(src: &str) -> Boost {
        let mut m = Boost::default();
        let mut section = "";
        for line in src.lines() {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("pub static T_BASE: [f64; 2] = [") {
                m.base = rest
                    .trim_end_matches("];")
                    .split(", ")
                    .map(|x| x.parse().unwrap())
                    .collect();
            } else if line.starts_with("pub static T_") {
                section = line;
            } else if line.starts_with("//") || line.starts_with('#') || line == "];" {
            } else if section.contains("FEATURES") {
                m.features
                    .push(line.trim_end_matches(',').trim_matches('"').to_string());
            } else if section.contains("NODES") {
                let p: Vec<&str> = line
                    .trim_matches(|c| c == '(' || c == ')' || c == ',')
                    .split(", ")
                    .collect();
                let id = |s: &str| if s == "LEAF" { LEAF } else { s.parse().unwrap() };
                m.nodes.push((id(p[0]), id(p[1]), id(p[2]), p[3].parse().unwrap()));
            } else if section.contains("ROOTS") {
                m.roots.extend(
                    line.trim_end_matches(',')
                        .split(", ")
                        .map(|x| x.parse::<u32>().unwrap()),
                );
            }
        }
        m
    }
}
