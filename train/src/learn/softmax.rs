//! The softmax learner: a multinomial logistic-regression classifier over string features,
//! trained by averaged stochastic gradient descent, and written as a stored table
//! (`weights.tsv`, read by `tempograph_link::store`). Inference from a stored table is the
//! library's (`tempograph_link::softmax::table_probs`); this is the training side.
//!
//! | features of a pair                                 | probabilities (label order)         |
//! |----------------------------------------------------|-------------------------------------|
//! | `d1:PAST`, `Ld:main/VERB/PAST`, `R:link/dct-tense/BEFORE` | BEFORE 0.41, …, NONE 0.47     |
//!
//! Unlike the perceptron ([`super::labels::Perceptron`]) its scores are probabilities, so the
//! pair chooser can keep only the links whose estimated chance of being right is above a
//! threshold.
//!
//! # Grammar
//!
//! A stored table row is `(feature, [weight per label × 1000])`, sorted by feature; the
//! probability of label `k` is `exp(s_k) / Σ exp(s_j)` with `s_k` the sum of the weights of the
//! pair's features that are in the table.

use std::collections::BTreeMap;
use tempograph_link::choose::Scorer;
use tempograph_link::softmax::softmax;

/// Stored tables leave out features seen in fewer training examples than this.
pub const PRUNE: u32 = 3;

/// A trained softmax model.
#[derive(Clone, Debug, Default)]
pub struct Softmax {
    n: usize,
    weights: BTreeMap<String, Vec<f64>>,
    support: BTreeMap<String, u32>,
}

impl Softmax {
    /// Train on `(features, label index < n)` for `epochs` passes in a fixed pseudo-random
    /// order (deterministic), learning rate `0.1 / (1 + epoch)`, L2 penalty `l2` on the
    /// weights an example touches; the result is the average of the weights over all steps.
    pub fn train(data: &[(Vec<String>, usize)], n: usize, epochs: usize, l2: f64) -> Softmax {
        let mut support: BTreeMap<String, u32> = BTreeMap::new();
        for (feats, _) in data {
            for f in feats {
                *support.entry(f.clone()).or_default() += 1;
            }
        }
        // Dense ids for speed.
        let ids: BTreeMap<&str, usize> = support.keys().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
        let rows: Vec<(Vec<usize>, usize)> = data
            .iter()
            .map(|(f, y)| (f.iter().filter_map(|x| ids.get(x.as_str()).copied()).collect(), *y))
            .collect();
        let nf = ids.len();
        let mut w = vec![0.0f64; nf * n];
        // Averaging: u accumulates step-weighted updates (w_avg = w - u / t).
        let mut u = vec![0.0f64; nf * n];
        let mut t = 1.0f64;
        let mut order: Vec<usize> = (0..rows.len()).collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut p = vec![0.0; n];
        for epoch in 0..epochs {
            for i in (1..order.len()).rev() {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            let lr = 0.1 / (1.0 + epoch as f64);
            for &i in &order {
                let (feats, y) = &rows[i];
                p.iter_mut().for_each(|x| *x = 0.0);
                for &f in feats {
                    for (k, x) in p.iter_mut().enumerate() {
                        *x += w[f * n + k];
                    }
                }
                softmax(&mut p);
                for &f in feats {
                    for (k, &pk) in p.iter().enumerate() {
                        let g = pk - if k == *y { 1.0 } else { 0.0 } + l2 * w[f * n + k];
                        let d = -lr * g;
                        w[f * n + k] += d;
                        u[f * n + k] += t * d;
                    }
                }
                t += 1.0;
            }
        }
        let mut weights = BTreeMap::new();
        for (k, &i) in &ids {
            let v: Vec<f64> = (0..n).map(|j| w[i * n + j] - u[i * n + j] / t).collect();
            weights.insert(k.to_string(), v);
        }
        Softmax { n, weights, support }
    }

    /// The model whose scores are the mean of `models`' scores (their weights averaged; a
    /// feature's support is its summed support over `support_div`, the number of models
    /// each example was used by).
    pub fn mean(models: &[Softmax], support_div: u32) -> Softmax {
        let n = models.first().map_or(0, |m| m.n);
        let k = models.len().max(1) as f64;
        let mut weights: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        let mut support: BTreeMap<String, u32> = BTreeMap::new();
        for m in models {
            for (f, ws) in &m.weights {
                let e = weights.entry(f.clone()).or_insert_with(|| vec![0.0; n]);
                for (x, w) in e.iter_mut().zip(ws) {
                    *x += w / k;
                }
            }
            for (f, c) in &m.support {
                *support.entry(f.clone()).or_default() += c;
            }
        }
        for c in support.values_mut() {
            *c /= support_div.max(1);
        }
        Softmax { n, weights, support }
    }

    /// Label probabilities for a feature list.
    pub fn probs(&self, feats: &[String]) -> Vec<f64> {
        let mut s = self.scores(feats);
        softmax(&mut s);
        s
    }

    /// Label scores (before the softmax) for a feature list.
    pub fn scores(&self, feats: &[String]) -> Vec<f64> {
        let mut s = vec![0.0; self.n];
        for f in feats {
            if let Some(ws) = self.weights.get(f) {
                for (x, w) in s.iter_mut().zip(ws) {
                    *x += w;
                }
            }
        }
        s
    }

    /// The stored table (`weights.tsv`, see `tempograph_link::store`): weights × 1000, rounded;
    /// features seen fewer than [`PRUNE`] times, or whose weights all round to 0, are left out.
    pub fn to_tsv(&self) -> String {
        let mut s = String::new();
        for (f, ws) in &self.weights {
            let q: Vec<i32> = ws.iter().map(|w| (w * 1000.0).round() as i32).collect();
            if q.iter().all(|&x| x == 0) || self.support.get(f).copied().unwrap_or(0) < PRUNE {
                continue;
            }
            s.push_str(f);
            for x in q {
                s.push('\t');
                s.push_str(&x.to_string());
            }
            s.push('\n');
        }
        s
    }
}

impl Scorer for Softmax {
    fn probs(&self, feats: &[String]) -> Vec<f64> {
        Softmax::probs(self, feats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tempograph_link::softmax::table_scores;

    #[test]
    fn learns_a_separable_rule_and_round_trips_through_a_table() {
        let f = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut data = Vec::new();
        for _ in 0..20 {
            data.push((f(&["bias", "past"]), 0));
            data.push((f(&["bias", "future"]), 1));
            data.push((f(&["bias", "noun"]), 2));
        }
        let m = Softmax::train(&data, 3, 10, 0.0);
        for (feats, y) in &data[..3] {
            let p = m.probs(feats);
            assert!(p[*y] > 0.6, "{p:?}");
            assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
        // Unknown features give the prior of the bias alone, not a panic.
        let p = m.probs(&f(&["never-seen"]));
        assert!((p[0] - 1.0 / 3.0).abs() < 1e-9);
        let tsv = m.to_tsv();
        let rows = tempograph_link::store::parse::<3>(&tsv).unwrap();
        assert!(rows.iter().any(|(f, _)| *f == "past"));
        assert!(!tsv.contains("never-seen"));
        // The stored table scores as the model does, to the rounding of its weights.
        let feats = f(&["bias", "past"]);
        let (a, b) = (m.scores(&feats), table_scores(&rows, &feats));
        for k in 0..3 {
            assert!((a[k] - b[k]).abs() < 2e-3, "{a:?} {b:?}");
        }
    }

    #[test]
    fn the_mean_model_scores_the_mean_of_the_scores() {
        let f = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let a = Softmax::train(&[(f(&["x", "y"]), 0), (f(&["y"]), 1)], 2, 5, 0.0);
        let b = Softmax::train(&[(f(&["x"]), 1), (f(&["z"]), 0)], 2, 5, 0.0);
        let m = Softmax::mean(&[a.clone(), b.clone()], 1);
        for feats in [f(&["x"]), f(&["y", "z"]), f(&["x", "y", "z"]), f(&["w"])] {
            let (sa, sb, sm) = (a.scores(&feats), b.scores(&feats), m.scores(&feats));
            for k in 0..2 {
                assert!((sm[k] - (sa[k] + sb[k]) / 2.0).abs() < 1e-12, "{feats:?}");
            }
        }
        // "x" was seen once by each model.
        assert_eq!(m.support.get("x"), Some(&2));
        assert_eq!(Softmax::mean(&[a, b], 2).support.get("x"), Some(&1));
    }
}
