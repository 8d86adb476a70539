//! The pair chooser's learners: which pairs TimeML output links and with which relation,
//! trained on the chooser examples of `tempograph_link::choose::examples` (the features the
//! runtime computes, labelled from gold TLINKs; see [`crate::data::chooser_data`]).
//!
//! | learner | model | stored? |
//! |---------|-------|---------|
//! | [`Learner::Softmax`] | one softmax over the pair's features ([`super::softmax`]) | yes: `models/en/link/choose` (`tempograph-train models`), read by `link::choose::Committed` |
//! | [`Learner::Boost`] | gradient-boosted trees alone ([`super::boost`]) | no (research) |
//! | [`Learner::SoftmaxBoost`] | trees boosting the softmax's residual | no (research) |
//!
//! The runtime reads only the stored softmax table; [`Chooser`] is a model trained in memory
//! for `relations links --train/--folds`.

use super::boost::{self, Boost};
use super::softmax::Softmax;
use tempograph_link::choose::{Scorer, N_LABELS};

/// Training passes for the stored table and in-memory models.
pub const EPOCHS: usize = 12;

/// L2 penalty per step (CV: 1e-4 → 34.99, 1e-2 → 35.18, 3e-2 → 35.11).
pub const L2: f64 = 1e-2;

/// Which model a chooser trained in memory is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Learner {
    /// One softmax over the pair's features ([`super::softmax`]).
    #[default]
    Softmax,
    /// Gradient-boosted trees alone ([`super::boost`]).
    Boost,
    /// Trees boosting the softmax's residual: scores are the softmax's plus the trees'.
    SoftmaxBoost,
}

/// The trees' settings for the chooser.
pub const BOOST: boost::Params = boost::Params {
    rounds: 100,
    depth: 3,
    shrinkage: 0.1,
    lambda: 1.0,
    min_child: 1.0,
    min_support: 3,
};

/// Inner folds for the softmax scores the trees of [`Learner::SoftmaxBoost`] start from.
pub const STACK_FOLDS: usize = 3;

/// A chooser trained in memory.
#[derive(Clone, Debug)]
pub enum Chooser {
    /// [`Learner::Softmax`].
    Softmax(Softmax),
    /// [`Learner::Boost`].
    Boost(Boost),
    /// [`Learner::SoftmaxBoost`]: the linear model and the trees on its residual.
    SoftmaxBoost(Softmax, Boost),
}

impl Chooser {
    /// Train `learner` on chooser examples ([`crate::data::chooser_data`]); `doc[i]` is the document example
    /// `i` comes from. With [`Learner::SoftmaxBoost`] and `stack_folds` ≥ 2 the trees learn
    /// the residual of softmax scores each made by a softmax trained without the example's
    /// document (documents split by `doc % stack_folds`), so they see the linear model's
    /// held-out errors rather than its smaller in-sample ones; with 0 or 1, of the final
    /// softmax's in-sample scores.
    pub fn train(
        data: &[(Vec<String>, usize)],
        doc: &[usize],
        learner: Learner,
        params: &boost::Params,
        stack_folds: usize,
        stack_mean: bool,
    ) -> Chooser {
        match learner {
            Learner::Softmax => Chooser::Softmax(Softmax::train(data, N_LABELS, EPOCHS, L2)),
            Learner::Boost => Chooser::Boost(Boost::train(data, N_LABELS, params, &[])),
            Learner::SoftmaxBoost => {
                let mut init: Vec<Vec<f64>> = Vec::new();
                let mut inner = Vec::new();
                if stack_folds >= 2 {
                    init.resize(data.len(), Vec::new());
                    for k in 0..stack_folds {
                        let rest: Vec<(Vec<String>, usize)> = data
                            .iter()
                            .zip(doc)
                            .filter(|(_, &d)| d % stack_folds != k)
                            .map(|(x, _)| x.clone())
                            .collect();
                        let m = Softmax::train(&rest, N_LABELS, EPOCHS, L2);
                        for (i, (f, _)) in data.iter().enumerate() {
                            if doc[i] % stack_folds == k {
                                init[i] = m.scores(f);
                            }
                        }
                        inner.push(m);
                    }
                }
                let linear = if stack_mean && stack_folds >= 2 {
                    Softmax::mean(&inner, stack_folds as u32 - 1)
                } else {
                    Softmax::train(data, N_LABELS, EPOCHS, L2)
                };
                if stack_folds < 2 {
                    init = data.iter().map(|(f, _)| linear.scores(f)).collect();
                }
                let trees = Boost::train(data, N_LABELS, params, &init);
                Chooser::SoftmaxBoost(linear, trees)
            }
        }
    }
}

impl Scorer for Chooser {
    fn probs(&self, feats: &[String]) -> Vec<f64> {
        let mut s = match self {
            Chooser::Softmax(m) => m.scores(feats),
            Chooser::Boost(t) => t.scores(feats),
            Chooser::SoftmaxBoost(m, t) => {
                let mut s = m.scores(feats);
                for (x, y) in s.iter_mut().zip(t.scores(feats)) {
                    *x += y;
                }
                s
            }
        };
        tempograph_link::softmax::softmax(&mut s);
        s
    }
}
