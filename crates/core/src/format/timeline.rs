//! The timeline YAML (`schema/timeline.schema.json`, `src/timeline/`): the keys a check
//! names in its paths, and the rule ids of the facts `check` draws from a timeline.

/// The list of events.
pub const EVENTS: &str = "events";
/// The list of times.
pub const TIMES: &str = "times";
/// The id of an event or a time.
pub const ID: &str = "id";
/// An event's shorthand list of events it is before.
pub const BEFORE: &str = "before";
/// An event's shorthand list of events it is after.
pub const AFTER: &str = "after";

/// The rule of a bound drawn from an event's `date`.
pub const RULE_DATE: &str = "date";
/// The rule of a bound drawn from a time's `earliest` and `latest`.
pub const RULE_TIME: &str = "time";
/// The rule of a fact drawn from an entry of `relations`.
pub const RULE_RELATION: &str = "relation";
/// The rule of a relation written as an event's `before` or `after` (by hand).
pub const RULE_HAND: &str = "hand";

/// The id of an event whose label has no letter or digit to make a slug of.
pub const EVENT_SLUG_FALLBACK: &str = "event";
