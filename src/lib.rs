//! tempograph builds event timelines from text: news articles and transcripts with their
//! publication dates in; the events, dated (every date an interval with its uncertainty) and
//! ordered in a consistency-checked graph, out, as YAML, Mermaid, Graphviz DOT, JSON,
//! TimelineJS, TimeML or a self-contained HTML page.
//!
//! # Example
//!
//! Two texts with their publication dates, the timeline built from them, checked, and
//! rendered:
//!
//! ```
//! use tempograph::{Format, TimelineBuilder};
//!
//! let mut docs = TimelineBuilder::new();
//! docs.add(
//!     "monday",
//!     "Hackers broke into the studio's network on Monday, the company said.",
//!     "2014-11-25",
//! )?;
//! docs.add(
//!     "friday",
//!     "The studio canceled the premiere on Wednesday after the hackers threatened theaters.",
//!     "2014-12-19",
//! )?;
//! let timeline = docs.title("Studio hack").build()?;
//!
//! // The events, in time order, each with its date and how it was worked out.
//! let hack = timeline.events.iter().find(|e| e.id == "break").expect("the break-in");
//! let date = hack.date.as_ref().expect("dated");
//! assert_eq!(date.earliest.map(|d| d.to_string()).as_deref(), Some("2014-11-24"));
//!
//! // Check it: `is_consistent` is false when relations contradict each other or the dates.
//! let report = tempograph::check(&timeline);
//! assert!(report.is_consistent(), "{report}");
//!
//! // Render it: Mermaid here; also DOT, JSON, TimeML, TimelineJS, HTML.
//! let mermaid = tempograph::render(&timeline, Format::Mermaid)?;
//! assert!(mermaid.starts_with("timeline"));
//! let yaml = timeline.to_yaml()?; // the YAML contract (`schema: tempograph/1`)
//! assert!(yaml.starts_with("schema: tempograph/1"));
//! # Ok::<(), tempograph::Error>(())
//! ```
//!
//! A timeline file (from `tempograph build`, or written by hand) is read with
//! [`Timeline::from_path`], and checked in a test with `t.check().assert_consistent()`.
//!
//! # Stability
//!
//! The API meant to be used is what this page lists: [`TimelineBuilder`], [`check`],
//! [`render()`](fn@render) / [`render_view`], and the timeline model ([`Timeline`], [`Event`], [`Date`],
//! [`Report`], [`Finding`], [`Format`], [`View`], [`Error`]). The modules below the crate
//! root (`timex`, `events`, `link`, `graph`, `pipeline`, ...) are public only so that the
//! `tempograph` command, the tests and the benchmarks can reach them: they are hidden from
//! these docs, undocumented in places, and **not stable** — they change without a major
//! version. They become private when the crate is split into a workspace (issue #14). Their
//! design is in `docs/DESIGN.md`.
//!
//! The pipeline, one module per stage:
//!
//! | stage | module | entry point |
//! |-------|--------|-------------|
//! | document input and publication dates | `document` | `document::Document::load`, `document::load_manifest` |
//! | tokens, sentences, offsets | `text` | `text::Analysis::new` |
//! | temporal expressions: extraction and resolution | `timex` | `timex::tag` |
//! | events | `events` | `events::extract` |
//! | temporal relations | `link` | `link::link` |
//! | the relation graph and its consistency | `graph` | `graph::Graph::solve` |
//! | the timeline model (the YAML contract) and `check` | `timeline` | `timeline::Timeline` |
//! | renderers (Mermaid, DOT, JSON, TimeML, TimelineJS, HTML) | `render` | `render::render` |
//! | the whole way from documents to a timeline | `pipeline` | `pipeline::build` |
//!
//! Supporting modules: `value` (TIMEX3 values as day intervals), `relation` (TimeML
//! relation types), `timeml` (TimeML in/out), `eval` (TempEval-3 scoring), `yaml` (the one
//! place that names the YAML crate), `lang` (English words several stages read), `format` (the names of the formats read
//! and written: TimeML attributes), `error`.

#![deny(missing_docs)]

mod facade;

pub use tempograph_core::error;
#[doc(hidden)]
pub use tempograph_core::format;
#[doc(hidden)]
pub use tempograph_core::relation;
#[doc(hidden)]
pub use tempograph_core::value;
#[doc(hidden)]
pub use tempograph_eval as eval;
#[doc(hidden)]
pub use tempograph_events as events;
#[doc(hidden)]
pub use tempograph_events::syntax;
#[doc(hidden)]
pub use tempograph_graph as graph;
#[doc(hidden)]
pub use tempograph_lang as lang;
#[doc(hidden)]
pub use tempograph_lang::text;
#[doc(hidden)]
pub use tempograph_link as link;
#[doc(hidden)]
pub use tempograph_pipeline::batch;
#[doc(hidden)]
pub use tempograph_pipeline::extract;
#[doc(hidden)]
pub use tempograph_pipeline::focus;
#[doc(hidden)]
pub use tempograph_pipeline::pipeline;
#[doc(hidden)]
pub use tempograph_pipeline::stream;
pub use tempograph_render as render;
pub use tempograph_timeline as timeline;
#[doc(hidden)]
pub use tempograph_timeline::document;
#[doc(hidden)]
pub use tempograph_timeline::yaml;
#[doc(hidden)]
pub use tempograph_timeml as timeml;
#[doc(hidden)]
pub use tempograph_timex as timex;

#[doc(hidden)]
pub use tempograph_cli as cli;

pub use error::{Error, Result};
pub use facade::{check, render, render_view, TimelineBuilder};
pub use render::{Format, View};
pub use timeline::{Date, Event, Finding, Report, Severity, Timeline};
