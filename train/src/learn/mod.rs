//! The learners. The runtime library reads stored tables only; everything that fits weights
//! is here.
//!
//! | module | learner | its stored form |
//! |--------|---------|-----------------|
//! | [`softmax`] | multinomial logistic regression, averaged SGD | `weights.tsv` (`models/en/link/*`) |
//! | [`boost`] | gradient-boosted trees, softmax loss | none (research) |
//! | [`labels`] | relation labels: softmax, perceptron, back-off counts | `models/en/link/{timebank,aquaint}` |
//! | [`chooser`] | the pair chooser: softmax, trees, or both | `models/en/link/choose` |

pub mod boost;
pub mod chooser;
pub mod labels;
pub mod softmax;
