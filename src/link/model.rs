//! Learned relation labels: a classifier over a pair's feature keys and atoms
//! ([`super::features`]) that says which of the 11 TimeML relations holds.
//!
//! | pair (canonical order)        | strongest features                              | label       |
//! |-------------------------------|-------------------------------------------------|-------------|
//! | `said` – DCT                  | `d3:PAST/NONE/REPORTING`, `d:w1=said`           | BEFORE      |
//! | `is` – DCT                    | `d3:PRESENT/NONE/STATE`                         | INCLUDES    |
//! | `met` – `on Tuesday`          | `t3:on/DATE/et`                                 | IS_INCLUDED |
//!
//! The committed tables ([`Model`]) are the weights of a softmax model ([`SoftmaxLabels`],
//! [`super::softmax`]); they replaced averaged-perceptron weights (cross-corpus
//! C-relation-only AQUAINT 52.84 → 53.40, TimeBank 55.03 → 55.35, 5-fold CV 63.03 → 63.33,
//! both trained in memory the same way). [`Perceptron`] (`relations pairs --perceptron N`)
//! and back-off [`Counts`] (`--backoff`) remain for comparison; MATRES trains a
//! softmax on its own labels.
//!
//! Two tables are in the model store (`models/en/link/timebank/`, `models/en/link/aquaint/`,
//! read by [`super::store`]), written by `dev/examples/train_links.rs` (run it to rebuild them):
//! [`Model::TimeBank`], trained only on TBAQ's TimeBank part, and [`Model::Aquaint`], trained
//! only on its AQUAINT part, so each can be evaluated on the part it has not seen.
//!
//! # Grammar
//!
//! A table row is `(feature, [weight per label × 1000])` in [`LABELS`] order, sorted by
//! feature; a pair's score for a label is the sum of its features' weights (the argmax is
//! the label, the gap between the two best scores the confidence). Training labels are the
//! canonical-order relation of each gold TLINK, with `DURING`, `DURING_INV` and `IDENTITY`
//! read as `SIMULTANEOUS` (the TE3 scorer does the same for `DURING`).

use super::features::Pair;
use super::store;
use crate::relation::RelType;
use std::collections::BTreeMap;

/// Committed weight tables leave out features seen in fewer training links than this.
pub const PRUNE: u32 = 3;

/// A key is used only when at least this many training links had it.
pub const MIN_SUPPORT: u32 = 3;

/// The labels the tables predict.
pub static LABELS: &[RelType] = &[
    RelType::Before,
    RelType::After,
    RelType::IBefore,
    RelType::IAfter,
    RelType::Includes,
    RelType::IsIncluded,
    RelType::Simultaneous,
    RelType::Begins,
    RelType::BegunBy,
    RelType::Ends,
    RelType::EndedBy,
];

/// The training label for a gold relation (`None` for `VAGUE`).
pub fn train_label(rel: RelType) -> Option<RelType> {
    match rel {
        RelType::During | RelType::DuringInv | RelType::Identity => Some(RelType::Simultaneous),
        RelType::Vague => None,
        r => Some(r),
    }
}

/// Labels a pair (in canonical order) and names the evidence it used.
pub trait Classifier {
    /// The label and the key that decided it (e.g. `d3:PAST/NONE/OCCURRENCE`).
    fn classify(&self, pair: &Pair) -> (RelType, String);

    /// Every label with a score, best first (for consistent global labelling). The default
    /// ranks the classified label first and the rest in [`LABELS`] order, all but the first
    /// with score 0.
    fn ranked(&self, pair: &Pair) -> Vec<(RelType, f64)> {
        let (best, _) = self.classify(pair);
        let mut v = vec![(best, 1.0)];
        v.extend(LABELS.iter().filter(|&&l| l != best).map(|&l| (l, 0.0)));
        v
    }
}

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
    /// How many training examples had each feature.
    support: BTreeMap<String, u32>,
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
        let mut support: BTreeMap<String, u32> = BTreeMap::new();
        for (feats, _) in &data {
            for f in feats {
                *support.entry(f.clone()).or_default() += 1;
            }
        }
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
            support,
        }
    }

    /// Rust source for a static weight table (weights rounded to 1/100; features seen fewer
    /// than [`PRUNE`] times, or whose weights all round to 0, are left out).
    pub fn to_rust(&self, name: &str, header: &str) -> String {
        let mut s = String::new();
        s.push_str(header);
        s.push_str(&format!(
            "/// `(feature, weight per label in `LABELS` order, in hundredths)`, sorted by feature.\n#[rustfmt::skip]\npub static {name}: &[(&str, [i32; {}])] = &[\n",
            self.labels.len()
        ));
        for (f, ws) in &self.weights {
            let q: Vec<i32> = ws.iter().map(|w| (w * 100.0).round() as i32).collect();
            if q.iter().all(|&x| x == 0) || self.support.get(f).copied().unwrap_or(0) < PRUNE {
                continue;
            }
            let list: Vec<String> = q.iter().map(|x| x.to_string()).collect();
            s.push_str(&format!("    ({f:?}, [{}]),\n", list.join(", ")));
        }
        s.push_str("];\n");
        s
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

    /// Rust source for a static table of the keys with enough support (and every prior).
    pub fn to_rust(&self, name: &str, header: &str) -> String {
        let mut s = String::new();
        s.push_str(header);
        s.push_str("use crate::relation::RelType;\n\n");
        s.push_str("#[rustfmt::skip]\n");
        s.push_str(&format!("pub static {name}: &[(&str, RelType, u32)] = &[\n"));
        for (k, c) in &self.map {
            let (rel, _, total) = Counts::best(c);
            if total >= MIN_SUPPORT || k.ends_with(':') {
                s.push_str(&format!("    ({k:?}, RelType::{rel:?}, {total}),\n"));
            }
        }
        s.push_str("];\n");
        s
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

/// A committed table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Model {
    /// Trained on TBAQ's TimeBank documents (183 files).
    #[default]
    TimeBank,
    /// Trained on TBAQ's AQUAINT documents (73 files).
    Aquaint,
}

impl Model {
    /// The stored table (`models/en/link/timebank/` or `aquaint/`), parsed on first use.
    pub fn table(self) -> &'static [store::Row<11>] {
        use std::sync::OnceLock;
        static TIMEBANK: OnceLock<Vec<store::Row<11>>> = OnceLock::new();
        static AQUAINT: OnceLock<Vec<store::Row<11>>> = OnceLock::new();
        match self {
            Model::TimeBank => TIMEBANK.get_or_init(|| store::load(&store::TIMEBANK)),
            Model::Aquaint => AQUAINT.get_or_init(|| store::load(&store::AQUAINT)),
        }
    }

    /// The table's rows by feature, hashed (built once per process): a look-up hashes the
    /// feature once and compares one string, where a binary search over the sorted table
    /// compared about 14 (14% of a 100-document build was `memcmp` there).
    fn index(self) -> &'static std::collections::HashMap<&'static str, usize, FeatureHash> {
        use std::sync::OnceLock;
        type Index = std::collections::HashMap<&'static str, usize, FeatureHash>;
        static TIMEBANK: OnceLock<Index> = OnceLock::new();
        static AQUAINT: OnceLock<Index> = OnceLock::new();
        let cell = match self {
            Model::TimeBank => &TIMEBANK,
            Model::Aquaint => &AQUAINT,
        };
        cell.get_or_init(|| self.table().iter().enumerate().map(|(i, (k, _))| (*k, i)).collect())
    }

    fn scores(self, pair: &Pair) -> Vec<f64> {
        let t = self.table();
        let index = self.index();
        let mut score = vec![0.0; LABELS.len()];
        for f in pair.keys.iter().chain(&pair.atoms) {
            if let Some(&i) = index.get(f.as_str()) {
                for (s, x) in score.iter_mut().zip(t[i].1) {
                    *s += f64::from(x) / 1000.0;
                }
            }
        }
        score
    }

    /// `timebank` / `aquaint`.
    pub fn as_str(self) -> &'static str {
        match self {
            Model::TimeBank => "timebank",
            Model::Aquaint => "aquaint",
        }
    }
}

impl std::str::FromStr for Model {
    type Err = String;
    fn from_str(s: &str) -> Result<Model, String> {
        match s {
            "timebank" => Ok(Model::TimeBank),
            "aquaint" => Ok(Model::Aquaint),
            _ => Err(format!("expected `timebank` or `aquaint`, found `{s}`")),
        }
    }
}

impl Classifier for Model {
    fn classify(&self, pair: &Pair) -> (RelType, String) {
        let s = self.scores(pair);
        let k = pair.keys.last().cloned().unwrap_or_default();
        (LABELS[argmax(&s)], k)
    }

    fn ranked(&self, pair: &Pair) -> Vec<(RelType, f64)> {
        let s = self.scores(pair);
        let mut v: Vec<(RelType, f64)> = LABELS.iter().copied().zip(s).collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1));
        v
    }
}

/// FNV-1a, 64 bits: a fast, fixed (deterministic) hash for the short feature strings.
#[derive(Clone, Copy, Debug, Default)]
pub struct FeatureHasher(u64);

impl std::hash::Hasher for FeatureHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Builds [`FeatureHasher`]s.
pub type FeatureHash = std::hash::BuildHasherDefault<FeatureHasher>;

/// Passes of the softmax label model (committed tables and in-memory training).
pub const LABEL_EPOCHS: usize = 10;

/// Its L2 penalty per step.
pub const LABEL_L2: f64 = 1e-4;

/// A softmax label model over a pair's keys and atoms: the committed [`Model`] tables are
/// its weights. (Prior-shift adaptation to the test corpus by EM, Saerens et al. 2002, was
/// tried for cross-corpus labelling and lowered C-relation-only on AQUAINT from 53.40 to
/// 48.04: the probabilities are not calibrated well enough; it was dropped.)
#[derive(Clone, Debug)]
pub struct SoftmaxLabels {
    pub model: super::softmax::Softmax,
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
            model: super::softmax::Softmax::train(&data, labels.len(), epochs, l2),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every feature of a committed table is on one row only, so the hashed look-up finds
    /// the row the binary search over the sorted table found.
    #[test]
    fn hashed_lookup_finds_the_sorted_tables_row() {
        for m in [Model::TimeBank, Model::Aquaint] {
            let t = m.table();
            assert_eq!(m.index().len(), t.len(), "{}: a feature on two rows", m.as_str());
            for (i, (k, _)) in t.iter().enumerate() {
                let by_search = t.binary_search_by(|(x, _)| (*x).cmp(k)).ok();
                assert_eq!(by_search, Some(i), "{k}");
                assert_eq!(m.index().get(k), Some(&i), "{k}");
            }
            assert_eq!(m.index().get("no such feature"), None);
        }
    }
}
