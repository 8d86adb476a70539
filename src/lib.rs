//! tempograph builds event timelines from text.
//!
//! The pipeline, one module per stage:
//!
//! | stage | module | entry point |
//! |-------|--------|-------------|
//! | document input and publication dates | [`document`] | [`document::Document::load`], [`document::load_manifest`] |
//! | tokens, sentences, offsets | [`text`] | [`text::Analysis::new`] |
//! | temporal expressions: extraction and resolution | [`timex`] | `timex::tag` |
//! | events | [`events`] | `events::extract` |
//! | temporal relations | [`link`] | `link::link` |
//! | the relation graph and its consistency | [`graph`] | [`graph::Graph::solve`] |
//! | the timeline model (the YAML contract) and `check` | [`timeline`] | `timeline::Timeline` |
//! | renderers (Mermaid, DOT, JSON, TimeML, TimelineJS) | [`render`] | `render::render` |
//! | the whole way from documents to a timeline | [`pipeline`] | `pipeline::build` |
//!
//! Supporting modules: [`value`] (TIMEX3 values as day intervals), [`relation`] (TimeML
//! relation types), [`timeml`] (TimeML in/out), [`eval`] (TempEval-3 scoring), [`yaml`]
//! (the one place that names the YAML crate), [`lang`] (English words several stages read),
//! [`error`].

pub mod batch;
pub mod document;
pub mod error;
pub mod eval;
pub mod events;
pub mod extract;
pub mod focus;
pub mod graph;
pub mod lang;
pub mod link;
pub mod pipeline;
pub mod relation;
pub mod render;
pub mod stream;
pub mod syntax;
pub mod text;
pub mod timeline;
pub mod timeml;
pub mod timex;
pub mod value;
pub mod yaml;

#[doc(hidden)]
pub mod cli;

pub use error::{Error, Result};
