//! tempograph's ground floor: what every stage of the pipeline shares and nothing of a
//! stage or a language.
//!
//! | module | its one job |
//! |---|---|
//! | [`error`] | the one error type: what could not be processed, where, and what was expected |
//! | [`value`] | TIMEX3 `value` strings as calendar intervals (`2014-W51` → its seven days) |
//! | [`format`] | the names of the formats read and written, as constants (TimeML attributes, YAML keys) |
//! | [`relation`] | the TimeML relation types (`BEFORE`, `INCLUDES`, ...) and their algebra |
//!
//! The `tempograph` crate re-exports these modules under the same names
//! (`tempograph::error`, ...).

pub mod error;
pub mod format;
pub mod relation;
pub mod value;
