//! The source manifest (`sources.yaml`, `docs/USER_GUIDE.md`) and the stream records that carry
//! the same fields: the names of its fields and the values of `kind:` the pipeline reads.

/// The field with a document's publication date (its DCT).
pub const PUBLISHED: &str = "published";
/// The `kind:` of a transcript: its headline line is the conversation, not a sentence.
pub const TRANSCRIPT: &str = "transcript";
/// The `kind:` values of documents that record spoken words: the conversation is an event on
/// the publication date.
pub const SPOKEN_KINDS: &[&str] = &[TRANSCRIPT, "interview", "speech", "briefing", "press-conference"];
