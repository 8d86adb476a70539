//! TempEval-3 evaluation: Task A (timex, [`timex`]), Task B (events), temporal awareness
//! (TLINKs), MATRES, SemEval-2015 TimeLine.
pub mod events;
pub mod matres;
pub mod timeline;
pub mod timex;
pub mod tlink;
