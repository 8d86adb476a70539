//! The relation-label learners: which of the 11 TimeML relations holds for a pair, learned
//! from gold TLINKs over the pair's feature keys and atoms (`tempograph_link::features`).
//!
//! | learner | trained by | used for |
//! |---------|------------|----------|
//! | [`SoftmaxLabels`] | averaged SGD ([`super::softmax`]) | the stored tables `models/en/link/{timebank,aquaint}` (`tempograph-train models`), `relations pairs --train/--folds`, MATRES |
//! | [`Perceptron`] | averaged perceptron | `relations pairs --perceptron N` (comparison) |
//! | [`Counts`] | label counts per key, back-off | `relations pairs --backoff` (comparison) |
//!
//! The stored tables replaced averaged-perceptron weights (cross-corpus C-relation-only
//! AQUAINT 52.84 → 53.40, TimeBank 55.03 → 55.35, 5-fold CV 63.03 → 63.33, both trained in
//! memory the same way). The runtime reads the stored tables (`tempograph_link::Model`); the
//! label order is `tempograph_link::model::LABELS`.
//!
//! # Grammar
//!
//! Training labels are the canonical-order relation of each gold TLINK, with `DURING`,
//! `DURING_INV` and `IDENTITY` read as `SIMULTANEOUS` (`model::train_label`; the TE3 scorer
//! does the same for `DURING`); a pair's score for a label is the sum of its features'
//! weights, the argmax is the label.

use super::softmax::Softmax;
use std::collections::BTreeMap;
use tempograph_core::relation::RelType;
use tempograph_link::features::Pair;
use tempograph_link::model::{train_label, LABELS};
use tempograph_link::Classifier;

/// A key is used only when at least this many training links had it.
pub const MIN_SUPPORT: u32 = 3;

/// Back-off: the label of the most specific key with enough support. The last key of every
/// pair is its kind's prior, so a trained table always answers; an empty one says `BEFORE`.
pub fn backoff(get: impl Fn(&str) -> Option<(RelType, u32)>, pair: &Pair) -> (RelType, String) {
    for k in &pair.keys {
        if let Some((rel, n)) = get(k) {
            if n >= MIN_SUPPORT || k.ends_with(':') {
                return (rel, k.clone());
            }
        }
    }
    (RelType::Before, "none:".to_string())
}

/// An averaged multi-class perceptron over a pair's keys and atoms.
#[derive(Clone, Debug, Default)]
pub struct Perceptron {
    /// The labels it chooses among ([`LABELS`] for TLINKs).
    labels: Vec<RelType>,
    weights: BTreeMap<String, Vec<f64>>,
}

impl Perceptron {
    /// Train on `(pair, canonical-order gold relation)` examples for `epochs` passes, in a
    /// fixed pseudo-random order (deterministic).
    pub fn train(examples: &[(Pair, RelType)], epochs: usize) -> Perceptron {
        let mapped: Vec<(Pair, RelType)> = examples
            .iter()
            .filter_map(|(p, rel)| {
                let rel = if p.swapped { rel.inverse() } else { *rel };
                let l = train_label(rel)?;
                Some((p.clone(), if p.swapped { l.inverse() } else { l }))
            })
            .collect();
        Perceptron::train_labels(&mapped, LABELS, epochs)
    }

    /// Train with another label set (e.g. MATRES's BEFORE/AFTER/SIMULTANEOUS/VAGUE); examples
    /// whose canonical-order relation is not in `labels` are skipped.
    pub fn train_labels(examples: &[(Pair, RelType)], labels: &[RelType], epochs: usize) -> Perceptron {
        let data: Vec<(Vec<String>, usize)> = examples
            .iter()
            .filter_map(|(p, rel)| {
                let rel = if p.swapped { rel.inverse() } else { *rel };
                let li = labels.iter().position(|&l| l == rel)?;
                Some((p.keys.iter().chain(&p.atoms).cloned().collect(), li))
            })
            .collect();
        let n = labels.len();
        let mut w: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        let mut u: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        let mut c = 1.0f64;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            for &i in &order {
                let (feats, gold) = &data[i];
                let mut score = vec![0.0; n];
                for f in feats {
                    if let Some(ws) = w.get(f) {
                        for (s, x) in score.iter_mut().zip(ws) {
                            *s += x;
                        }
                    }
                }
                let pred = argmax(&score);
                if pred != *gold {
                    for f in feats {
                        let ws = w.entry(f.clone()).or_insert_with(|| vec![0.0; n]);
                        ws[*gold] += 1.0;
                        ws[pred] -= 1.0;
                        let us = u.entry(f.clone()).or_insert_with(|| vec![0.0; n]);
                        us[*gold] += c;
                        us[pred] -= c;
                    }
                }
                c += 1.0;
            }
        }
        for (f, ws) in w.iter_mut() {
            if let Some(us) = u.get(f) {
                for (x, y) in ws.iter_mut().zip(us) {
                    *x -= y / c;
                }
            }
        }
        Perceptron {
            labels: labels.to_vec(),
            weights: w,
        }
    }

    fn scores(&self, pair: &Pair) -> Vec<f64> {
        let mut score = vec![0.0; self.labels.len()];
        for f in pair.keys.iter().chain(&pair.atoms) {
            if let Some(ws) = self.weights.get(f) {
                for (s, x) in score.iter_mut().zip(ws) {
                    *s += x;
                }
            }
        }
        score
    }
}

fn argmax(v: &[f64]) -> usize {
    let mut b = 0;
    for (i, x) in v.iter().enumerate() {
        if *x > v[b] {
            b = i;
        }
    }
    b
}

impl Classifier for Perceptron {
    fn classify(&self, pair: &Pair) -> (RelType, String) {
        let s = self.scores(pair);
        let k = pair.keys.last().cloned().unwrap_or_default();
        (self.labels[argmax(&s)], k)
    }

    fn ranked(&self, pair: &Pair) -> Vec<(RelType, f64)> {
        let s = self.scores(pair);
        let mut v: Vec<(RelType, f64)> = self.labels.iter().copied().zip(s).collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1));
        v
    }
}

/// Label counts per key, built from gold links.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    map: BTreeMap<String, Vec<u32>>,
}

impl Counts {
    /// An empty table.
    pub fn new() -> Counts {
        Counts::default()
    }

    /// Count one gold link with canonical-order relation `rel`.
    pub fn add(&mut self, pair: &Pair, rel: RelType) {
        let rel = if pair.swapped { rel.inverse() } else { rel };
        let Some(label) = train_label(rel) else { return };
        let Some(li) = LABELS.iter().position(|&l| l == label) else {
            return;
        };
        for k in &pair.keys {
            self.map.entry(k.clone()).or_insert_with(|| vec![0; LABELS.len()])[li] += 1;
        }
    }

    fn best(counts: &[u32]) -> (RelType, u32, u32) {
        let mut bi = 0;
        for (i, &c) in counts.iter().enumerate() {
            if c > counts[bi] {
                bi = i;
            }
        }
        (LABELS[bi], counts[bi], counts.iter().sum())
    }
}

impl Counts {
    fn get(&self, key: &str) -> Option<(RelType, u32)> {
        self.map.get(key).map(|c| {
            let (rel, _, total) = Counts::best(c);
            (rel, total)
        })
    }
}

impl Classifier for Counts {
    fn classify(&self, pair: &Pair) -> (RelType, String) {
        backoff(|k| self.get(k), pair)
    }
}

/// Passes of the softmax label model (committed tables and in-memory training).
pub const LABEL_EPOCHS: usize = 10;

/// Its L2 penalty per step.
pub const LABEL_L2: f64 = 1e-4;

/// A softmax label model over a pair's keys and atoms: the stored `tempograph_link::Model`
/// tables are its weights (`tempograph-train models`). (Prior-shift adaptation to the test
/// corpus by EM, Saerens et al. 2002, was tried for cross-corpus labelling and lowered
/// C-relation-only on AQUAINT from 53.40 to 48.04: the probabilities are not calibrated well
/// enough; it was dropped.)
#[derive(Clone, Debug)]
pub struct SoftmaxLabels {
    pub model: Softmax,
    /// The labels, in the model's output order ([`LABELS`] for TLINKs).
    pub labels: Vec<RelType>,
}

impl SoftmaxLabels {
    /// Train on `(pair, relation)` examples like [`Perceptron::train`] (VAGUE skipped,
    /// DURING/IDENTITY read as SIMULTANEOUS).
    pub fn train(examples: &[(Pair, RelType)], epochs: usize, l2: f64) -> SoftmaxLabels {
        let mapped: Vec<(Pair, RelType)> = examples
            .iter()
            .filter_map(|(p, rel)| {
                let canon = if p.swapped { rel.inverse() } else { *rel };
                let l = train_label(canon)?;
                Some((p.clone(), if p.swapped { l.inverse() } else { l }))
            })
            .collect();
        SoftmaxLabels::train_labels(&mapped, LABELS, epochs, l2)
    }

    /// Train with another label set (e.g. MATRES's BEFORE/AFTER/SIMULTANEOUS/VAGUE); examples
    /// whose canonical-order relation is not in `labels` are skipped.
    pub fn train_labels(examples: &[(Pair, RelType)], labels: &[RelType], epochs: usize, l2: f64) -> SoftmaxLabels {
        let data: Vec<(Vec<String>, usize)> = examples
            .iter()
            .filter_map(|(p, rel)| {
                let rel = if p.swapped { rel.inverse() } else { *rel };
                let li = labels.iter().position(|&x| x == rel)?;
                Some((p.keys.iter().chain(&p.atoms).cloned().collect(), li))
            })
            .collect();
        SoftmaxLabels {
            model: Softmax::train(&data, labels.len(), epochs, l2),
            labels: labels.to_vec(),
        }
    }

    fn probs(&self, pair: &Pair) -> Vec<f64> {
        let f: Vec<String> = pair.keys.iter().chain(&pair.atoms).cloned().collect();
        self.model.probs(&f)
    }
}

impl Classifier for SoftmaxLabels {
    fn classify(&self, pair: &Pair) -> (RelType, String) {
        let s = self.probs(pair);
        (self.labels[argmax(&s)], pair.keys.last().cloned().unwrap_or_default())
    }

    fn ranked(&self, pair: &Pair) -> Vec<(RelType, f64)> {
        let s = self.probs(pair);
        let mut v: Vec<(RelType, f64)> = self.labels.iter().copied().zip(s).collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1));
        v
    }
}
