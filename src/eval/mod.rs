//! The evaluation a user runs (`tempograph eval`): TempEval-3 Task A (timex, [`timex`]),
//! Task B (events), temporal awareness (TLINKs), SemEval-2015 TimeLine. The research
//! evaluations (MATRES, models trained in memory, cross-validation) are the training crate's
//! (`train/`).
pub mod events;
pub mod timeline;
pub mod timex;
pub mod tlink;
