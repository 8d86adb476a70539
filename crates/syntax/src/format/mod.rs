//! The names the syntax trainer writes into a model's manifest and runs: the Universal
//! Dependencies split names (`en_ewt-ud-train.conllu`) and the revision-control program.
//! Constants only, as the library's `src/format/` (`tests/lang.rs` checks both).

/// The UD split a model is trained on.
pub const TRAIN: &str = "train";
/// The UD split a model is scored on.
pub const DEV: &str = "dev";
/// The program that gives the code revision recorded in a manifest.
pub const GIT: &str = "git";
/// The revision recorded when the program gives none.
pub const UNKNOWN_REVISION: &str = "unknown";
/// The key of a model's size in its manifest's `[model]` table (`train-syntax --convert`
/// rewrites it).
pub const KEY_BYTES: &str = "bytes";
/// The key of a model's format number in the `[model]` table (rewritten on conversion).
pub const KEY_FORMAT: &str = "format";
/// The key of the dated note `train-syntax --convert` adds under `[training]`.
pub const KEY_CONVERTED: &str = "converted";
