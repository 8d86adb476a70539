//! Scoring with a stored softmax table ([`super::store`]): a multinomial logistic-regression
//! classifier over string features. It is trained (averaged stochastic gradient descent) by
//! the training crate (`train/src/learn/softmax.rs`); the library only reads its weights.
//!
//! | features of a pair                                 | probabilities (label order)         |
//! |----------------------------------------------------|-------------------------------------|
//! | `d1:PAST`, `Ld:main/VERB/PAST`, `R:link/dct-tense/BEFORE` | BEFORE 0.41, …, NONE 0.47     |
//!
//! Its scores are probabilities, so a caller can keep only the links whose estimated chance of
//! being right is above a threshold (what [`super::choose`] does to trade precision against
//! recall).
//!
//! # Grammar
//!
//! A stored table row is `(feature, [weight per label × 1000])`, sorted by feature; the
//! probability of label `k` is `exp(s_k) / Σ exp(s_j)` with `s_k` the sum of the weights of the
//! pair's features that are in the table.

/// Probabilities from scores.
pub fn softmax(s: &mut [f64]) {
    let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut z = 0.0;
    for x in s.iter_mut() {
        *x = (*x - m).exp();
        z += *x;
    }
    if z > 0.0 {
        for x in s.iter_mut() {
            *x /= z;
        }
    }
}

/// Probabilities from a stored table (see the module grammar).
pub fn table_probs<const N: usize>(table: &[(&str, [i32; N])], feats: &[String]) -> Vec<f64> {
    let mut s = table_scores(table, feats);
    softmax(&mut s);
    s
}

/// Scores (before the softmax) from a stored table.
pub fn table_scores<const N: usize>(table: &[(&str, [i32; N])], feats: &[String]) -> Vec<f64> {
    let mut s = vec![0.0; N];
    for f in feats {
        if let Ok(i) = table.binary_search_by(|(k, _)| (*k).cmp(f.as_str())) {
            for (x, w) in s.iter_mut().zip(table[i].1) {
                *x += f64::from(w) / 1000.0;
            }
        }
    }
    s
}
