//! Learned relation labels: a classifier over a pair's feature keys and atoms
//! ([`super::features`]) that says which of the 11 TimeML relations holds.
//!
//! | pair (canonical order)        | strongest features                              | label       |
//! |-------------------------------|-------------------------------------------------|-------------|
//! | `said` – DCT                  | `d3:PAST/NONE/REPORTING`, `d:w1=said`           | BEFORE      |
//! | `is` – DCT                    | `d3:PRESENT/NONE/STATE`                         | INCLUDES    |
//! | `met` – `on Tuesday`          | `t3:on/DATE/et`                                 | IS_INCLUDED |
//!
//! The stored tables ([`Model`]) are the weights of a softmax label model. Two are in the model
//! store (`models/en/link/timebank/`, `models/en/link/aquaint/`, read by [`super::store`]):
//! [`Model::TimeBank`], trained only on TBAQ's TimeBank part, and [`Model::Aquaint`], trained
//! only on its AQUAINT part, so each can be evaluated on the part it has not seen. The learners
//! (the softmax that made them, and the perceptron and back-off counts kept for comparison) are
//! the training crate's (`train/src/learn/labels.rs`); `tempograph-train models` rewrites the
//! tables.
//!
//! # Grammar
//!
//! A table row is `(feature, [weight per label × 1000])` in [`LABELS`] order, sorted by
//! feature; a pair's score for a label is the sum of its features' weights (the argmax is
//! the label, the gap between the two best scores the confidence). Training labels are the
//! canonical-order relation of each gold TLINK, with `DURING`, `DURING_INV` and `IDENTITY`
//! read as `SIMULTANEOUS` ([`train_label`]; the TE3 scorer does the same for `DURING`).

use super::features::Pair;
use super::store;
use tempograph_core::relation::RelType;

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

fn argmax(v: &[f64]) -> usize {
    let mut b = 0;
    for (i, x) in v.iter().enumerate() {
        if *x > v[b] {
            b = i;
        }
    }
    b
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
        [Model::TimeBank, Model::Aquaint]
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| format!("expected `timebank` or `aquaint`, found `{s}`"))
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
