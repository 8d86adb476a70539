//! The timeline model: the YAML contract `schema: tempograph/1`, field by field.
//!
//! A [`Timeline`] is what `tempograph build` writes and what `check` and `render` read. The
//! same types serve a generated timeline (every event with its sources, dates with their
//! derivation, relations with their evidence) and a hand-written one (events with dates and
//! `before:`/`after:` lists, nothing else):
//!
//! | YAML                                              | meaning                                         |
//! |---------------------------------------------------|-------------------------------------------------|
//! | `date: 2014-11`                                   | shorthand: TIMEX3 value, expanded to Nov 1..30  |
//! | `date: {earliest: 2014-11-20, latest: 2014-11-24}`| somewhere in those five days                    |
//! | `date: {value: 2014-W51}`                         | the days of ISO week 51 of 2014                 |
//! | `date: {latest: 2014-12-18}`                      | on or before that day ("has scrapped", told 12-18) |
//! | `date: {earliest: 2014-12-18}`                    | on or after that day ("will announce", told 12-18) |
//! | `date: {latest: 2014-12-17, ends: {earliest: 2014-12-17}}` | began by that day and still going on then ("has been languishing", told 12-17) |
//! | `date: 2012-09-04T09:15Z` or `date: {earliest: 2012-09-04, latest: 2012-09-04, time: '09:15Z'}` | at 09:15 UTC that day |
//! | `before: [leak]` on event `hack`                  | the relation `hack BEFORE leak`                 |
//! | `relations: [{from: hack, to: leak, type: before}]` | the same, with room for evidence              |
//!
//! Field order in the structs is the field order in the file, and empty optional fields are
//! left out, so serializing the same `Timeline` twice gives byte-identical YAML. Unknown
//! fields are errors (a typo such as `befor:` is reported with its line, not ignored).
//!
//! `docs/SCHEMA.md` documents every field; `schema/timeline.schema.json` is the JSON Schema
//! the tests validate every checked-in timeline against.
//!
//! # Grammar
//!
//! ```text
//! timeline  := schema? title? documents? events times? relations? conflicts?
//! date      := TIMEX3-value
//!            | { bounds, precision?, value?, mod?, derivation?, ends?, time? }  (value kept as written)
//!            | { value, precision?, mod?, derivation?, ends?, time? }           (earliest/latest from value)
//! time      := HH:MM[:SS][Z|±HH[:MM]]   (only on a date of one day; see `clock`)
//! bounds    := earliest latest | earliest | latest                (never neither)
//! ends      := { bounds }       (the end's days; with it, the date's own bounds are the start's)
//! span      := start end                  (character offsets into the document, end exclusive)
//! relation  := { from: id, to: id, type: TimeML-relType, distance?, evidence* }
//! ```

use super::clock::ClockTime;
use crate::document::DctSource;
use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use tempograph_core::relation::RelType;
use tempograph_core::value::{date_range, Precision};

/// The schema identifier this version of tempograph reads and writes.
pub const SCHEMA: &str = "tempograph/1";

/// A timeline: documents, the events told in them, the time expressions that date them, the
/// relations between events, and the contradictions found among those relations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// Always [`SCHEMA`]. Optional in hand-written input; written on output.
    #[serde(default)]
    pub schema: SchemaVersion,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The title the renderers show.
    pub title: Option<String>,
    /// The source documents, ordered by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// The events, in timeline order (earliest first; ties by first mention).
    #[serde(default)]
    pub events: Vec<Event>,
    /// Temporal expressions (TIMEX3) that date events, ordered by document and offset.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<Time>,
    /// Relations between events (and times), ordered by `from`, `to`, `type`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    /// Contradictions found among the dates and relations, each as a cycle with evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// The file this timeline was read from, if any: not part of the model (never written,
    /// ignored by `==`); `check` uses it for line numbers. Build timelines with
    /// `..Timeline::default()` to leave it empty.
    #[serde(skip)]
    pub origin: Origin,
}

/// Where a [`Timeline`] was read from: the path and the YAML text, kept so that findings
/// can point at `path:line:column`. Equal to every other `Origin`, so it never makes two
/// timelines differ.
#[derive(Clone, Default)]
pub struct Origin(Option<std::sync::Arc<(std::path::PathBuf, String)>>);

impl Origin {
    /// The file a timeline was read from, and its text (for `path:line:column` in findings).
    pub fn new(path: impl Into<std::path::PathBuf>, text: impl Into<String>) -> Origin {
        Origin(Some(std::sync::Arc::new((path.into(), text.into()))))
    }
    /// The path the timeline was read from, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.0.as_ref().map(|o| o.0.as_path())
    }
    /// The text the timeline was read from, if any.
    pub fn text(&self) -> Option<&str> {
        self.0.as_ref().map(|o| o.1.as_str())
    }
}

impl PartialEq for Origin {
    fn eq(&self, _: &Origin) -> bool {
        true
    }
}

impl Eq for Origin {}

impl fmt::Debug for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path() {
            Some(p) => write!(f, "Origin({})", p.display()),
            None => f.write_str("Origin(none)"),
        }
    }
}

impl Default for Timeline {
    fn default() -> Timeline {
        Timeline {
            schema: SchemaVersion,
            title: None,
            documents: Vec::new(),
            events: Vec::new(),
            times: Vec::new(),
            relations: Vec::new(),
            conflicts: Vec::new(),
            origin: Origin::default(),
        }
    }
}

/// The `schema:` field. Only [`SCHEMA`] is accepted; anything else is an error that names
/// the version this build reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SchemaVersion;

impl Serialize for SchemaVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(SCHEMA)
    }
}

impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SchemaVersion, D::Error> {
        let s = String::deserialize(d)?;
        if s == SCHEMA {
            Ok(SchemaVersion)
        } else {
            Err(de::Error::invalid_value(de::Unexpected::Str(&s), &"`tempograph/1`"))
        }
    }
}

/// A source document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id (the file stem), referenced by sources and evidence.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The document's title, as the manifest gives it.
    pub title: Option<String>,
    /// `article`, `transcript`, ... as the manifest says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Where the text was read from, relative to the timeline file, with `/` separators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The publication date (the document creation time, DCT).
    #[serde(with = "day")]
    pub published: NaiveDate,
    /// How the publication date was obtained (`from: manifest | dateline | flag | timeml | stream`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dct_source: Option<DctSource>,
}

/// An event: something that happened (or is said to happen), with where it is told and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable id, unique among events and times. Relations refer to it.
    pub id: String,
    /// A short human label ("Sony network hacked").
    pub label: String,
    /// TimeML event class: `OCCURRENCE`, `REPORTING`, `STATE`, `I_ACTION`, `I_STATE`,
    /// `ASPECTUAL`, `PERCEPTION`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// How much the event matters to a reader, 0–100 (`build` writes it: more documents,
    /// the lead, a main clause, a happening, a date in the text; see docs/SCHEMA.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salience: Option<u8>,
    /// Why the event is kept in the file but left out of the default views (`build --format
    /// table`, the renderers; `--all` shows it): it is negated, modal or hypothetical, a
    /// reporting verb, a generic statement or an opinion. Absent: the event is listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlisted: Option<Unlisted>,
    /// A longer description (shown by the TimelineJS renderer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it happened, as far as is known. Absent: ordered only by relations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Every mention of the event, ordered by document id and offset.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Hand-written shorthand: ids of events this one is before (`this BEFORE other`).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "one_or_many")]
    pub before: Vec<String>,
    /// Hand-written shorthand: ids of events this one is after (`this AFTER other`).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "one_or_many")]
    pub after: Vec<String>,
}

/// Why an event is not worth listing on its own (see [`Event::unlisted`]). An editor keeps
/// what happened; these are kept in the file, marked, for whoever wants them.
///
/// | YAML           | the event                                   | example                             |
/// |----------------|---------------------------------------------|-------------------------------------|
/// | `negated`      | is said not to have happened                | "Sony did *not release* the film"   |
/// | `modal`        | is under a modal other than `will`          | "the hack *could cost* $100 million" |
/// | `hypothetical` | is wished, planned, hoped, tried            | "Apple *plans to open* a store"     |
/// | `reporting`    | is the telling, not what is told            | "Jobs *said* on Monday"             |
/// | `generic`      | is a present-tense statement, not a happening | "the iPod *plays* all content"    |
/// | `opinion`      | is a belief or expectation                  | "we increasingly *believe*"         |
/// | `alleged`      | is told by a source, not established        | "the paper *claimed* the clubs had *signed*" |
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unlisted {
    /// Said not to have happened.
    Negated,
    /// Possible, required or wished (`could`, `must`).
    Modal,
    /// Conditional or hypothetical (`if`).
    Hypothetical,
    /// The telling, not what is told (`said`).
    Reporting,
    /// A present-tense statement, not a happening.
    Generic,
    /// A belief or expectation.
    Opinion,
    /// Told by a source and not established (`claimed that`, `allegedly`).
    Alleged,
}

impl Unlisted {
    /// Every reason, in declaration order.
    pub const ALL: &'static [Unlisted] = &[
        Unlisted::Negated,
        Unlisted::Modal,
        Unlisted::Hypothetical,
        Unlisted::Reporting,
        Unlisted::Generic,
        Unlisted::Opinion,
        Unlisted::Alleged,
    ];

    /// The YAML spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Unlisted::Negated => "negated",
            Unlisted::Modal => "modal",
            Unlisted::Hypothetical => "hypothetical",
            Unlisted::Reporting => "reporting",
            Unlisted::Generic => "generic",
            Unlisted::Opinion => "opinion",
            Unlisted::Alleged => "alleged",
        }
    }
}

/// One mention of an event in a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document's id.
    pub document: String,
    /// Character offset (Unicode scalar values, not bytes) where the trigger starts.
    pub start: usize,
    /// Character offset just past the trigger.
    pub end: usize,
    /// 1-based number of the sentence holding the trigger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
    /// The trigger text, as in the document.
    pub trigger: String,
    /// TimeML tense of the trigger: `PAST`, `PRESENT`, `FUTURE`, `INFINITIVE`, `PRESPART`,
    /// `PASTPART`, `NONE`. `check` uses it to flag events told in the past tense but dated
    /// after the document's publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tense: Option<String>,
    /// TimeML aspect: `PROGRESSIVE`, `PERFECTIVE`, `PERFECTIVE_PROGRESSIVE`, `NONE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect: Option<String>,
    /// `NEG` when the event is negated ("did not release").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity: Option<String>,
    /// Modal auxiliary ("could", "will"), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
}

/// When an event happened: a day interval that holds it, how precisely it is known, and why.
///
/// Either bound may be missing, not both: a date with only `latest` reads "on or before that
/// day" ("Sony *has scrapped* the release", published 2014-12-18), one with only `earliest`
/// reads "on or after" ("Sony *will announce*"). Readers keep the invariant (a mapping with
/// neither bound nor a `value` that gives them is a schema error); writers refuse a `Date`
/// built in memory without either.
///
/// In YAML, either a mapping with these fields or a bare TIMEX3 value (`date: 2014-12`),
/// which is expanded with [`tempograph_core::value::date_range`].
///
/// | YAML                                           | [`Date::bounds`]                 | shown as          |
/// |------------------------------------------------|----------------------------------|-------------------|
/// | `date: 2014-12`                                | `Between(2014-12-01, 2014-12-31)`| `2014-12`         |
/// | `date: {earliest: 2014-11-27, latest: 2014-12-05}` | `Between(..)`                | `2014-11-27 – 2014-12-05` |
/// | `date: {latest: 2014-12-18}`                   | `OnOrBefore(2014-12-18)`         | `by 2014-12-18`   |
/// | `date: {earliest: 2014-12-18}`                 | `OnOrAfter(2014-12-18)`          | `from 2014-12-18` |
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Date {
    /// First day it can have happened (inclusive); `None`: no lower bound is known.
    pub earliest: Option<NaiveDate>,
    /// Last day it can have happened (inclusive); `None`: no upper bound is known.
    pub latest: Option<NaiveDate>,
    /// How finely the date is known.
    pub precision: Option<Precision>,
    /// The TIMEX3 value the date comes from (`2014-11`, `2014-W51`), when there is one.
    pub value: Option<String>,
    /// TimeML `mod` of that value: `APPROX`, `START`, `MID`, `END`, `BEFORE`, `AFTER`, ...
    pub modifier: Option<String>,
    /// How the date was obtained.
    pub derivation: Option<Derivation>,
    /// When the event is known to go on past its start ("has been languishing", a state
    /// holding at the publication date, "talks lasted three days"): the days it can end on.
    /// With it, `earliest` and `latest` bound the start only; without it, the whole event
    /// lies between them.
    pub ends: Option<Ends>,
    /// The clock time on the date's day (`09:15Z`, `16:15-05:00`, `09:15` when the zone is
    /// unknown), for a date of one day: "at 09:30 UTC Tuesday". See [`super::clock`].
    pub time: Option<ClockTime>,
}

/// The days an event can end on ([`Date::ends`]); at least one bound is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ends {
    /// First day it can end (inclusive); `None`: no lower bound is known.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_day")]
    pub earliest: Option<NaiveDate>,
    /// Last day it can end (inclusive); `None`: no upper bound is known (still going on).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_day")]
    pub latest: Option<NaiveDate>,
}

impl Ends {
    /// Which bounds the end has.
    pub fn bounds(&self) -> Bounds {
        Bounds::of(self.earliest, self.latest)
    }
}

impl Bounds {
    /// The bounds a pair of optional days makes.
    pub fn of(earliest: Option<NaiveDate>, latest: Option<NaiveDate>) -> Bounds {
        match (earliest, latest) {
            (Some(a), Some(b)) => Bounds::Between(a, b),
            (None, Some(b)) => Bounds::OnOrBefore(b),
            (Some(a), None) => Bounds::OnOrAfter(a),
            (None, None) => Bounds::Unbounded,
        }
    }
}

/// Which bounds a [`Date`] has: [`Date::bounds`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bounds {
    /// Some day from the first to the second, inclusive (the first may be after the second in
    /// a file that `check` reports as `inverted-date`).
    Between(NaiveDate, NaiveDate),
    /// On or before this day; no lower bound.
    OnOrBefore(NaiveDate),
    /// On or after this day; no upper bound.
    OnOrAfter(NaiveDate),
    /// Neither bound: only a `Date` built in memory can be like this; it is never read or written.
    Unbounded,
}

impl Date {
    /// The date a TIMEX3 value denotes (`2014-12` → 2014-12-01..2014-12-31, precision month),
    /// or `None` when the value is not one stretch of calendar days.
    pub fn from_value(value: &str) -> Option<Date> {
        let r = date_range(value)?;
        Some(Date {
            earliest: Some(r.earliest),
            latest: Some(r.latest),
            precision: Some(r.precision),
            value: Some(value.trim().to_string()),
            modifier: None,
            derivation: None,
            ends: None,
            time: ClockTime::from_value(value.trim()).filter(|_| r.earliest == r.latest),
        })
    }

    /// One exact day.
    pub fn day(d: NaiveDate) -> Date {
        Date::between(d, d).with_precision(Precision::Day)
    }

    /// Some day from `earliest` to `latest` (inclusive), precision unstated.
    pub fn between(earliest: NaiveDate, latest: NaiveDate) -> Date {
        Date {
            earliest: Some(earliest),
            latest: Some(latest),
            precision: None,
            value: None,
            modifier: None,
            derivation: None,
            ends: None,
            time: None,
        }
    }

    /// On or before `d`, with no lower bound ("has scrapped", told on `d`).
    pub fn on_or_before(d: NaiveDate) -> Date {
        Date {
            earliest: None,
            ..Date::between(d, d)
        }
    }

    /// On or after `d`, with no upper bound ("will announce", told on `d`).
    pub fn on_or_after(d: NaiveDate) -> Date {
        Date {
            latest: None,
            ..Date::between(d, d)
        }
    }

    /// The same date with this precision.
    pub fn with_precision(mut self, p: Precision) -> Date {
        self.precision = Some(p);
        self
    }

    /// Which bounds the date has.
    pub fn bounds(&self) -> Bounds {
        Bounds::of(self.earliest, self.latest)
    }

    /// True when exactly one bound is known ("on or before", "on or after").
    pub fn is_open(&self) -> bool {
        self.earliest.is_some() != self.latest.is_some()
    }

    /// True when the date is a single known day.
    pub fn is_exact_day(&self) -> bool {
        self.earliest.is_some() && self.earliest == self.latest
    }

    /// The day a diagram places the event at: the earliest day when there is one, else the
    /// latest (for "on or before"). `None` only for a date with neither bound.
    pub fn known_day(&self) -> Option<NaiveDate> {
        self.earliest.or(self.latest)
    }

    /// The order of dates in diagrams: by [`Date::known_day`]; on the same day, "on or
    /// before" first, then ranges by their latest day, then "on or after".
    pub fn display_key(&self) -> (Option<NaiveDate>, u8, Option<NaiveDate>) {
        match self.bounds() {
            Bounds::OnOrBefore(b) => (Some(b), 0, None),
            Bounds::Between(a, b) => (Some(a), 1, Some(b)),
            Bounds::OnOrAfter(a) => (Some(a), 2, None),
            Bounds::Unbounded => (None, 3, None),
        }
    }
}

/// How a date was obtained: the rule, what it was computed from, and an explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Derivation {
    /// Id of the rule that produced it (`date/month-day`, `link/timex-governs-event`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// What it was computed from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
    /// The derivation in words: "Thursday before the DCT 2014-12-18 of 004_…".
    pub text: String,
}

/// What a date was computed from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// What the date was computed from: the publication date, a time, an event, or nothing.
    pub kind: AnchorKind,
    /// The document id (`dct`), time id (`time`) or event id (`event`); absent for `absolute`
    /// and `graph`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The kinds of [`Anchor`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorKind {
    /// The value is a full calendar date in the text; nothing to resolve against.
    Absolute,
    /// Resolved against a document's publication date.
    Dct,
    /// Resolved against (or taken from) a time expression in `times:`.
    Time,
    /// Set relative to another event ("a month after the hack").
    Event,
    /// Narrowed by the relation graph from the dates of related events.
    Graph,
}

/// A temporal expression (TIMEX3) that dates one or more events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Time {
    /// Stable id, unique among events and times.
    pub id: String,
    /// TIMEX3 type: `DATE`, `TIME`, `DURATION`, `SET`.
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value (`2014-12-18`, `2014-W51`, `P1M`, `PAST_REF`).
    pub value: String,
    /// TimeML `mod`.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// First day of the value's interval, when it denotes one.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_day")]
    pub earliest: Option<NaiveDate>,
    /// Last day of the value's interval, when it denotes one.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_day")]
    pub latest: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// How finely the value is known (day, month, year, ...).
    pub precision: Option<Precision>,
    /// Where the expression is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Mention>,
    /// How the value was resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derivation: Option<Derivation>,
}

/// Where a time expression is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// The document id.
    pub document: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset just past the last character.
    pub end: usize,
    /// 1-based sentence number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
    /// The expression as written ("last Thursday").
    pub text: String,
}

/// A temporal relation `from TYPE to` (TimeML TLINK).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Event or time id.
    pub from: String,
    /// Event or time id.
    pub to: String,
    /// TimeML relation type; any case on input (`before`, `IS_INCLUDED`), upper case on output.
    #[serde(rename = "type", deserialize_with = "rel_type")]
    pub rel: RelType,
    /// Allowed values of start(to) − start(from) in days ("a month after" → 25..35).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance: Option<DayRange>,
    /// Why the relation holds: one entry per place it is stated or inferred.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// A closed range of whole days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayRange {
    /// The least number of days.
    pub min: i64,
    /// The most number of days.
    pub max: i64,
}

/// What justifies a relation or a conflict edge: a place in a document and the rule that
/// read it there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The document id, when the evidence is in a document.
    pub document: Option<String>,
    /// Character offset of the evidence text in the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Character offset one past the evidence text's last character.
    pub end: Option<usize>,
    /// The signal or clause ("A month after attackers hacked").
    pub text: String,
    /// The rule that produced the relation (`link/signal-after`, `graph/closure`, `hand`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// A contradiction: a cycle of constraints that cannot all hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// What kind of contradiction, when it is not one of the relation graph's (a cycle of
    /// relations and dates, which `check` finds again in the file): a written weekday that
    /// is not the written date's, or two sources that tell one event on different days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ConflictKind>,
    /// The constraints, in cycle order: each edge's `to` is the next edge's `from`.
    pub cycle: Vec<ConflictEdge>,
}

/// See: #20 items 4 and 8. A contradiction in the texts themselves, not among relations:
/// `build` records it and `check` reports it as a `known-conflict` warning (it cannot be
/// recomputed from the file's dates, which keep one reading).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// "on Monday, November 4, 2025" when 2025-11-04 is a Tuesday: the time keeps the written
    /// date; the two facts are the date and the weekday as written.
    WeekdayDate,
    /// Two documents tell one event (the same word or frame, the same participants) on
    /// different days: two events, each with its own source's date, linked by the entry.
    Sources,
}

impl ConflictKind {
    /// How the YAML spells it: `weekday-date`, `sources`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::WeekdayDate => "weekday-date",
            ConflictKind::Sources => "sources",
        }
    }
}

/// One constraint of a [`Conflict`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictEdge {
    /// The event or time the constraint starts from.
    pub from: String,
    /// The event or time the constraint ends at.
    pub to: String,
    /// The constraint in words: "hack BEFORE leak", "leak no later than 2014-11-20".
    pub constraint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// What justifies the constraint.
    pub evidence: Option<Evidence>,
}

// ---------------------------------------------------------------------------------------------
// Deserialization helpers.

/// `YYYY-MM-DD` dates with a message that says so. Parsing happens inside the visitor so
/// that an error carries the position of the scalar itself.
mod day {
    use chrono::NaiveDate;
    use serde::{de, Deserializer, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&d.format("%Y-%m-%d"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(DayVisitor)
    }

    pub struct DayVisitor;

    impl<'de> de::Visitor<'de> for DayVisitor {
        type Value = NaiveDate;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date YYYY-MM-DD")
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
            parse(s)
        }
    }

    pub fn parse<E: de::Error>(s: &str) -> Result<NaiveDate, E> {
        let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
        match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) if ok => Ok(d),
            _ => Err(de::Error::invalid_value(de::Unexpected::Str(s), &"a date YYYY-MM-DD")),
        }
    }
}

mod opt_day {
    use chrono::NaiveDate;
    use serde::{de, Deserializer, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::day::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Option<NaiveDate>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<NaiveDate>, E> {
                super::day::parse(s).map(Some)
            }
            fn visit_none<E: de::Error>(self) -> Result<Option<NaiveDate>, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Option<NaiveDate>, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<NaiveDate>, D::Error> {
                d.deserialize_str(super::day::DayVisitor).map(Some)
            }
        }
        d.deserialize_option(V)
    }
}

fn rel_type<'de, D: Deserializer<'de>>(d: D) -> Result<RelType, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = RelType;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a TimeML relation type (BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, ...)")
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<RelType, E> {
            s.parse::<RelType>()
                .map_err(|_| de::Error::invalid_value(de::Unexpected::Str(s), &self))
        }
    }
    d.deserialize_str(V)
}

/// `before: leak` or `before: [leak, arrest]`.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an event id or a list of event ids")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<String>, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(s) = seq.next_element::<String>()? {
                out.push(s);
            }
            Ok(out)
        }
    }
    d.deserialize_any(V)
}

/// The mapping form of [`Date`] as written, before `value` fills in missing bounds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateFields {
    #[serde(default, with = "opt_day")]
    earliest: Option<NaiveDate>,
    #[serde(default, with = "opt_day")]
    latest: Option<NaiveDate>,
    #[serde(default)]
    precision: Option<Precision>,
    #[serde(default, deserialize_with = "opt_value")]
    value: Option<String>,
    #[serde(rename = "mod", default)]
    modifier: Option<String>,
    #[serde(default)]
    derivation: Option<Derivation>,
    #[serde(default)]
    ends: Option<Ends>,
    #[serde(default)]
    time: Option<ClockTime>,
}

/// A TIMEX3 value that YAML may have read as a number (`2014`, `199`).
fn opt_value<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a TIMEX3 value such as 2014-12-17, 2014-12 or 2014")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<String>, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<String>, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<String>, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<String>, E> {
            Ok(None)
        }
    }
    d.deserialize_any(V)
}

const DATE_EXPECTED: &str =
    "a date: a TIMEX3 value (2014-12-17, 2014-12, 2014-W51, 2014) or a mapping with earliest, latest or both";

/// The mapping form of [`Date`] as written: fields in this order, absent ones left out.
#[derive(Serialize)]
struct DateOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none", with = "opt_day")]
    earliest: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none", with = "opt_day")]
    latest: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    precision: Option<Precision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a String>,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    derivation: Option<&'a Derivation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ends: Option<&'a Ends>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<&'a ClockTime>,
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.earliest.is_none() && self.latest.is_none() {
            // It could not be read back: say so instead of writing a file that fails later.
            return Err(serde::ser::Error::custom(
                "a date needs `earliest`, `latest` or both; this one has neither",
            ));
        }
        if self.ends.is_some_and(|e| e.earliest.is_none() && e.latest.is_none()) {
            return Err(serde::ser::Error::custom(
                "a date's `ends` needs `earliest`, `latest` or both; this one has neither",
            ));
        }
        DateOut {
            earliest: self.earliest,
            latest: self.latest,
            precision: self.precision,
            value: self.value.as_ref(),
            modifier: self.modifier.as_ref(),
            derivation: self.derivation.as_ref(),
            ends: self.ends.as_ref(),
            time: self.time.as_ref(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(DATE_EXPECTED)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::from_value(v).ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(v), &self))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
                Err(de::Error::invalid_value(de::Unexpected::Signed(v), &self))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Date, A::Error> {
                let f = DateFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let from_value = match &f.value {
                    Some(v) => date_range(v),
                    None => None,
                };
                // Bounds as written win; `value` fills them in only when neither is given.
                let (earliest, latest, precision) =
                    match (f.earliest, f.latest) {
                        (None, None) => match (&f.value, from_value) {
                            (_, Some(r)) => (Some(r.earliest), Some(r.latest), f.precision.or(Some(r.precision))),
                            (Some(v), None) => {
                                return Err(de::Error::invalid_value(
                                    de::Unexpected::Str(v),
                                    &"a TIMEX3 value that denotes calendar days (or give earliest, latest or both)",
                                ))
                            }
                            (None, None) => return Err(de::Error::invalid_value(
                                de::Unexpected::Other("a mapping with neither of them"),
                                &"a date with `earliest`, `latest` or both (or a `value` that denotes calendar days)",
                            )),
                        },
                        (a, b) => (a, b, f.precision),
                    };
                if f.ends.is_some_and(|e| e.earliest.is_none() && e.latest.is_none()) {
                    return Err(de::Error::invalid_value(
                        de::Unexpected::Other("`ends` with neither of them"),
                        &"`ends` with `earliest`, `latest` or both",
                    ));
                }
                // In the mapping form the clock time is `time:` alone (a `value` with a time
                // part does not set it: what is written is read back unchanged).
                let time = f.time.filter(|_| earliest.is_some() && earliest == latest);
                if f.time.is_some() && time.is_none() {
                    return Err(de::Error::invalid_value(
                        de::Unexpected::Other("a `time` on a date of more than one day"),
                        &"a `time` only on a date of one day (earliest = latest)",
                    ));
                }
                Ok(Date {
                    earliest,
                    latest,
                    precision,
                    value: f.value,
                    modifier: f.modifier,
                    derivation: f.derivation,
                    ends: f.ends,
                    time,
                })
            }
        }
        d.deserialize_any(V)
    }
}
