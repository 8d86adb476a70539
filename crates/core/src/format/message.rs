//! The words the tool's own messages are made of: what a limit counts (`bytes`), how a
//! derivation or a fact reads (`before`, `starts`), what a finding names (`document`), and
//! the placeholder for a missing value (`none`). The interface speaks English whatever the
//! language of the texts it reads; a translation of the interface replaces this module, and
//! no stage decides anything with these words.

/// What `--max-document-bytes` counts.
pub const BYTES: &str = "bytes";
/// What `--max-events` counts in one document.
pub const EVENTS: &str = "events";
/// What `--max-events` counts across a build.
pub const EVENTS_SO_FAR: &str = "events in all documents up to this one";
/// What an error found instead of a value that is missing.
pub const NONE: &str = "none";
/// What an error found where the input ended or held nothing.
pub const NOTHING: &str = "nothing";
/// A derivation's direction from the publication date: earlier.
pub const BEFORE: &str = "before";
/// A derivation's direction from the publication date: later.
pub const AFTER: &str = "after";
/// The noun after a tense's name in a derivation (`"said" is past tense`).
pub const TENSE: &str = "tense";
/// A bound fact on an event's start (`e1 starts on or after 2014-11-24`).
pub const STARTS: &str = "starts";
/// A bound fact on an event's end.
pub const ENDS: &str = "ends";
/// What a derivation's anchor names when it is a document (its publication date).
pub const DOCUMENT: &str = "document";
/// What a derivation's anchor names when it is a time expression.
pub const TIME: &str = "time";
/// What a derivation's anchor names when it is an event.
pub const EVENT: &str = "event";
