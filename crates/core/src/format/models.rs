//! The names of the stored models: the folders under `models/<lang>/link/` and the `name`
//! of their manifests (`crates/link/src/store.rs` embeds them).

/// The label model trained on TBAQ's TimeBank documents.
pub const TIMEBANK: &str = "timebank";
/// The label model trained on TBAQ's AQUAINT documents.
pub const AQUAINT: &str = "aquaint";
/// The pair chooser trained on all of TBAQ.
pub const CHOOSE: &str = "choose";
