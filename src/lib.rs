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
//! [`render()`](fn@render) / [`render_view`], the timeline model ([`Timeline`], [`Event`],
//! [`Date`], [`Report`], [`Finding`], [`Severity`], and the rest of [`timeline`]), the
//! renderers' [`Format`] and [`View`] (and the rest of [`render`](mod@render)), and
//! [`Error`] / [`Result`]. The stages behind it (temporal expressions, events, relations, the
//! graph, the pipeline, TimeML, the evaluation, the command line) are crates of their own
//! (`tempograph-timex`, `tempograph-events`, `tempograph-link`, `tempograph-graph`,
//! `tempograph-pipeline`, `tempograph-timeml`, `tempograph-eval`, `tempograph-cli`, ...) that
//! this crate uses but does not re-export: they are **not stable** and change without a major
//! version. Their design, and which crate may use which, is in `docs/DESIGN.md`.
//!
//! The pipeline, one crate per stage or group of stages:
//!
//! | stage | crate | entry point |
//! |-------|-------|-------------|
//! | document input and publication dates | `tempograph-timeline` | `document::Document::load`, `document::load_manifest` |
//! | tokens, sentences, offsets; the language seam | `tempograph-lang` | `text::Analysis::new` |
//! | temporal expressions: extraction and resolution | `tempograph-timex` | `tag` |
//! | events | `tempograph-events` | `extract` |
//! | temporal relations | `tempograph-link` | `link` |
//! | the relation graph and its consistency | `tempograph-graph` | `Graph::solve` |
//! | the timeline model (the YAML contract) and `check` | `tempograph-timeline` | `Timeline` |
//! | renderers (Mermaid, DOT, JSON, TimeML, TimelineJS, HTML) | `tempograph-render` | `render` |
//! | the whole way from documents to a timeline | `tempograph-pipeline` | `pipeline::build` |
//! | TimeML in and out | `tempograph-timeml` | `read`, `annotate::annotate` |
//! | TempEval-3 and SemEval-2015 scoring | `tempograph-eval` | `timex::score` |
//! | the `tempograph` command | `tempograph-cli` | `main` |
//!
//! Below them all, `tempograph-core` holds the error type, TIMEX3 values as day intervals,
//! TimeML relation types and the names of the formats read and written.

#![deny(missing_docs)]

mod facade;

pub use tempograph_core::error;
pub use tempograph_render as render;
/// The timeline model (the YAML contract), `check` and its report.
pub mod timeline {
    pub use tempograph_timeline::{check, clock, ids, label, model};
    pub use tempograph_timeline::{
        Anchor, AnchorKind, Bounds, ClockTime, Conflict, ConflictEdge, ConflictKind, CycleStep, Date, DayRange,
        Derivation, Document, Ends, Event, Evidence, Finding, Kind, Mention, Origin, Place, Relation, Report,
        SchemaVersion, Severity, Source, Time, Timeline, Unlisted, SCHEMA,
    };
}

pub use error::{Error, Result};
pub use facade::{check, render, render_view, TimelineBuilder};
pub use render::{Format, View};
pub use timeline::{Date, Event, Finding, Report, Severity, Timeline};
