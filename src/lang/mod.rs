//! Natural-language words shared by the pipeline's stages, one module per language.
//!
//! Only English exists; the stages still hold most of their own word lists (issue #14 moves
//! them here).

pub mod en;
