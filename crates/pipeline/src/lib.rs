//! The whole way from documents to a timeline, and the ways many documents go through it.
//!
//! | module       | job                                                                      |
//! |--------------|--------------------------------------------------------------------------|
//! | [`pipeline`] | the stages in order: text, timex, events, link, merge, graph, timeline   |
//! | [`focus`]    | what a timeline is about: an entity's mentions and the events it is in   |
//! | [`extract`]  | the map and reduce steps: one record per document, records to a timeline |
//! | [`batch`]    | a parallel map over many documents that keeps input order                |
//! | [`stream`]   | the JSON Lines protocol: one document per line in, one result line out   |

pub mod batch;
pub mod extract;
pub mod focus;
pub mod pipeline;
pub mod stream;

// The crates below, under the module names the stage's code knows them by (`crate::text::...`).
use tempograph_core::format;
use tempograph_events::{self as events, syntax};
use tempograph_graph as graph;
use tempograph_lang::{self as lang, text};
use tempograph_link as link;
use tempograph_timeline::{self as timeline, document};
use tempograph_timex as timex;
