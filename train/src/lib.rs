//! tempograph's training and research harness (not published; `publish = false`): the
//! learners, the training data made from gold corpora, cross-validation, the commands that
//! retrain the model store (`models/`) and the relation research commands. The runtime
//! library (`tempograph`) only reads the stored models; it never trains.
//!
//! | module | job |
//! |--------|-----|
//! | [`learn`] | the learners: softmax, boosted trees, perceptron, back-off counts, the pair chooser |
//! | [`data`] | training examples from gold TimeML, made with the runtime's feature code |
//! | [`models`] | `tempograph-train models`: train the link models and write `models/en/link/*` with manifests |
//! | [`relations`] | `tempograph-train relations pairs/links/matres`: scores on research corpora, with stored or in-memory models and document cross-validation |
//! | [`score`] | research scoring: C-relation-only per pair kind, Task ABC / C per rule |
//! | [`matres`] | the MATRES reader and its accuracy |
//!
//! The event lexicon's generator (corpus counts and WordNet classes for `events::lexicon`) is
//! `train/scripts/gen_event_lexicon.py`, a Python tool whose tables are data of the events
//! stage (`crates/events/src/data/`); `relations links --event-lexicon(-folds)` reads what it writes.
//!
//! It uses the stage crates themselves (`tempograph_link`, `tempograph_eval`, ...) and the
//! command crate's output conventions (`tempograph_cli`), not the root library: their APIs are
//! public for this crate, the command and the tests, and not stable.

use std::path::{Path, PathBuf};

pub mod data;
pub mod learn;
pub mod matres;
pub mod models;
pub mod relations;
pub mod score;

/// The root of the research corpora: `given`, else `$TEMPOGRAPH_CORPORA`, else
/// `../shared/corpora`.
pub fn corpora_root(given: Option<&Path>) -> PathBuf {
    given
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("TEMPOGRAPH_CORPORA").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("../shared/corpora"))
}
