//! The evaluation a user runs (`tempograph eval`): TempEval-3 Task A (timex, [`timex`]),
//! Task B (events), temporal awareness (TLINKs), SemEval-2015 TimeLine. The research
//! evaluations (MATRES, models trained in memory, cross-validation) are the training crate's
//! (`train/`).
pub mod events;
pub mod timeline;
pub mod timex;
pub mod tlink;

// The crates below, under the module names the evaluation's code knows them by
// (`crate::text::...`). The events crate is named by its crate name: `events` here is the
// Task B scorer.
use tempograph_core::format;
use tempograph_lang::{self as lang, text};
use tempograph_link as link;
use tempograph_pipeline::{focus, pipeline};
use tempograph_timeline::document;
use tempograph_timeml as timeml;
