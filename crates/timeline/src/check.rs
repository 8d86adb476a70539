//! `check`: is a timeline consistent? Findings are data ([`Report`]), each pointing at
//! `path:line:column` in the timeline file.
//!
//! | kind (code)              | severity | example                                                        |
//! |--------------------------|----------|----------------------------------------------------------------|
//! | `duplicate-id`           | error    | two events with `id: hack`                                     |
//! | `unknown-id`             | error    | `before: [leek]` when no event or time is called `leek`         |
//! | `inverted-date`          | error    | `date: {earliest: 2014-12-05, latest: 2014-11-27}` (only a date with both bounds) |
//! | `contradicts-dates`      | error    | `cancel BEFORE threats` with cancel on 12-17 and threats on 12-16 |
//! | `contradicts-clock`      | error    | `before: [lunch]` on `speech` at 16:15 when `lunch` is at 12:00 the same day (zones as in [`super::clock`]) |
//! | `cycle`                  | error    | `a BEFORE b`, `b BEFORE c`, `c BEFORE a`                        |
//! | `past-after-publication` | error    | "hackers *leaked*" (PAST) in a document published 2014-12-01, dated 2014-12-05 (by the earliest day; `{latest: ...}` alone never is) |
//! | `future-before-publication` | warning | "Sony *will release*" (FUTURE) dated before the document's publication (by the latest day) |
//! | `unknown-document`       | error    | a source or evidence naming a document not in `documents:`     |
//! | `unknown-anchor`         | warning  | a derivation anchored to an id that does not exist              |
//! | `unplaced-event`         | warning  | an event with no date and no relation: it cannot be placed (a one-sided date places it) |
//! | `recorded-conflict`      | warning  | a `conflicts:` entry that the file's own dates and relations do not reproduce (`build` set one of its facts aside) |
//! | `known-conflict`         | warning  | a contradiction (`cycle`, `contradicts-dates`, `past-after-publication`) that a `conflicts:` entry records: the same facts, or the same events and times; and every entry with a `kind` (`weekday-date`: "on Monday, November 4, 2025", a Tuesday; `sources`: two documents date one event to two days), quoting both readings |
//!
//! YAML syntax errors and schema errors (wrong type, unknown field, missing field, a bad date)
//! are not findings: reading the file fails with an [`Error`](tempograph_core::error::Error) at
//! `path:line:column` saying what was expected.
//!
//! Contradictions between relations and dates, and cycles, come from the relation graph
//! ([`crate::graph::Graph`]): every dated event is bounded by its dates (a one-sided date
//! bounds the known side only: `{latest: 2014-12-18}` says nothing about how early; a date
//! with `ends` bounds the start by `earliest`/`latest` and the end by `ends`) and
//! every relation (the `relations:` list and the `before:`/`after:` shorthand) is added with
//! the YAML place it was written; each conflict the graph finds is one finding listing every
//! fact on the cycle with its place and evidence.
//!
//! Line numbers are looked up once all findings are made: their paths (such as
//! `events[3].before[1]`) go to [`crate::yaml::Locator`], which finds exactly those in one
//! scan of the file and re-parses it ([`crate::yaml::locate`]) for what the scan cannot read.
//! A timeline built in memory has no file, so its findings carry the path only.

use super::{ConflictEdge, Origin, Relation, Timeline};
use crate::format::message;
use crate::format::timeline as tl;
use crate::graph::{self, Graph, NodeId};
use crate::yaml::{self, Step};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use tempograph_core::relation::RelType;

/// How bad a finding is. Errors make a timeline inconsistent; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Makes the timeline inconsistent (`check` exits 1).
    Error,
    /// Worth a look; the timeline stays consistent.
    Warning,
}

impl Severity {
    /// How reports and JSON spell it: `error`, `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What a finding is about. See the module table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Two events (or times) with the same id.
    DuplicateId,
    /// A relation or `before:`/`after:` names no event or time.
    UnknownId,
    /// An event's `earliest` is after its `latest`.
    InvertedDate,
    /// Relations that the dates make impossible.
    ContradictsDates,
    /// A `before`/`after` that the events' clock times make impossible.
    ContradictsClock,
    /// Relations that contradict each other.
    Cycle,
    /// Told in the past tense but dated after its document's publication.
    PastAfterPublication,
    /// Told in the future tense but dated before its document's publication.
    FutureBeforePublication,
    /// A source or evidence names a document not in `documents:`.
    UnknownDocument,
    /// A derivation anchored to an id that does not exist.
    UnknownAnchor,
    /// No date and no relation: the event cannot be placed.
    UnplacedEvent,
    /// A `conflicts:` entry that the file's own facts do not reproduce.
    RecordedConflict,
    /// A contradiction that a `conflicts:` entry records.
    KnownConflict,
}

impl Kind {
    /// The kebab-case name (`contradicts-dates`), as in the text and JSON reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::DuplicateId => "duplicate-id",
            Kind::UnknownId => "unknown-id",
            Kind::InvertedDate => "inverted-date",
            Kind::ContradictsDates => "contradicts-dates",
            Kind::ContradictsClock => "contradicts-clock",
            Kind::Cycle => "cycle",
            Kind::PastAfterPublication => "past-after-publication",
            Kind::FutureBeforePublication => "future-before-publication",
            Kind::UnknownDocument => "unknown-document",
            Kind::UnknownAnchor => "unknown-anchor",
            Kind::UnplacedEvent => "unplaced-event",
            Kind::RecordedConflict => "recorded-conflict",
            Kind::KnownConflict => "known-conflict",
        }
    }

    fn severity(self) -> Severity {
        match self {
            Kind::FutureBeforePublication
            | Kind::UnknownAnchor
            | Kind::UnplacedEvent
            | Kind::RecordedConflict
            | Kind::KnownConflict => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// A place in the timeline file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Place {
    /// YAML path: `events[3].before[1]`.
    pub path: String,
    /// 1-based line, when the timeline was read from a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// One fact on a contradiction's cycle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CycleStep {
    /// The event (or time) id the fact is stated from.
    pub from: String,
    /// The other end (the same id for a date bound).
    pub to: String,
    /// The fact in words: `cancel BEFORE threats`, `threats ends on or before 2014-12-16`.
    pub constraint: String,
    /// Where it is written in the timeline file.
    pub place: Place,
    /// The evidence recorded for it (for relations read from documents: document, offsets,
    /// text, rule).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// One problem found in a timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// What it is about.
    pub kind: Kind,
    /// The finding in words.
    pub message: String,
    /// Where in the file (`path:line:column` and the YAML path).
    pub place: Place,
    /// For `cycle` and `contradicts-dates`: the facts on the cycle, in cycle order. A cycle of
    /// more than [`CYCLE_SHOWN`] facts is summarised: its first and last
    /// [`CYCLE_SHOWN_EACH_END`] facts, and `omitted` counts those between them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cycle: Vec<CycleStep>,
    /// Facts of the cycle not listed in `cycle` (between its first and last ones).
    #[serde(skip_serializing_if = "is_zero")]
    pub omitted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Cycles of up to this many facts are listed whole.
pub const CYCLE_SHOWN: usize = 12;

/// A longer cycle is listed as its first and last this many facts, with the count of the
/// others: a report stays linear in the timeline's size (a chain of n relations contradicting
/// its dates gave up to 100 findings of n facts each: 12.5 MB printed for a 65 KB file; see
/// #18, row 8).
pub const CYCLE_SHOWN_EACH_END: usize = 5;

/// What `check` found. `Display` prints one line per finding (`file:line:col: error[kind]:
/// message`, then the cycle's facts indented) and a summary line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The timeline file, when it was read from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Findings in file order (by line, then kind).
    pub findings: Vec<Finding>,
}

impl Report {
    /// No errors (warnings allowed).
    pub fn is_consistent(&self) -> bool {
        self.errors().next().is_none()
    }

    /// The findings that are errors.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.severity == Severity::Error)
    }

    /// The findings that are warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.severity == Severity::Warning)
    }

    /// Findings of one kind.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.kind == kind)
    }

    /// Panic with the whole report unless the timeline is consistent. For users' tests:
    ///
    /// ```
    /// # fn main() -> tempograph::Result<()> {
    /// # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).unwrap(); // the workspace root
    /// use tempograph::timeline::Timeline;
    /// let t = Timeline::from_path("tests/data/timelines/hand-written.yaml")?;
    /// t.check().assert_consistent();
    /// # Ok(()) }
    /// ```
    #[track_caller]
    pub fn assert_consistent(&self) {
        if !self.is_consistent() {
            panic!("timeline is not consistent:\n{self}");
        }
    }

    /// The contradictions (`cycle` and `contradicts-dates` findings) in the model's form,
    /// e.g. to draw a hand-written timeline's conflicts in red.
    pub fn conflicts(&self) -> Vec<super::Conflict> {
        self.findings
            .iter()
            .filter(|f| {
                matches!(f.kind, Kind::Cycle | Kind::ContradictsDates | Kind::ContradictsClock) && !f.cycle.is_empty()
            })
            .map(|f| super::Conflict {
                kind: None,
                cycle: f
                    .cycle
                    .iter()
                    .map(|s| super::ConflictEdge {
                        from: s.from.clone(),
                        to: s.to.clone(),
                        constraint: s.constraint.clone(),
                        evidence: None,
                    })
                    .collect(),
            })
            .collect()
    }

    /// The report as pretty JSON (`check --format json`).
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            #[serde(flatten)]
            report: &'a Report,
            consistent: bool,
            errors: usize,
            warnings: usize,
        }
        let out = Out {
            report: self,
            consistent: self.is_consistent(),
            errors: self.errors().count(),
            warnings: self.warnings().count(),
        };
        let mut s =
            serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
        s.push('\n');
        s
    }
}

fn where_(file: Option<&str>, p: &Place) -> String {
    let mut s = file.unwrap_or("<timeline>").to_string();
    if let Some(l) = p.line {
        s.push_str(&format!(":{l}"));
        if let Some(c) = p.column {
            s.push_str(&format!(":{c}"));
        }
    }
    s
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.as_deref();
        for x in &self.findings {
            let sev = x.severity.as_str();
            writeln!(
                f,
                "{}: {sev}[{}]: {} (at {})",
                where_(file, &x.place),
                x.kind.as_str(),
                x.message,
                x.place.path
            )?;
            for (k, s) in x.cycle.iter().enumerate() {
                if x.omitted > 0 && k == CYCLE_SHOWN_EACH_END {
                    writeln!(f, "    … {} more facts on the cycle …", x.omitted)?;
                }
                write!(f, "    {}: {}", where_(file, &s.place), s.constraint)?;
                if let Some(e) = &s.evidence {
                    write!(f, " — evidence: {e}")?;
                }
                writeln!(f)?;
            }
        }
        let (e, w) = (self.errors().count(), self.warnings().count());
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        if e == 0 && w == 0 {
            write!(f, "{}: consistent", file.unwrap_or("<timeline>"))
        } else {
            write!(
                f,
                "{}: {}, {}",
                file.unwrap_or("<timeline>"),
                plural(e, Severity::Error.as_str()),
                plural(w, Severity::Warning.as_str())
            )
        }
    }
}

/// Builds findings. Their places are filled in at the end: every path is collected first,
/// then all are looked up together ([`yaml::Locator`]: one scan of the file for exactly those
/// paths).
struct Checker<'a> {
    origin: &'a Origin,
    findings: Vec<Finding>,
    /// Every path a place was asked for, by its printed form ([`Place::path`]).
    wanted: BTreeMap<String, Vec<Step>>,
    /// The contradictions found (by index into `findings`), each with all of its facts in
    /// the form `conflicts:` records them: what a recorded conflict is matched against, and
    /// what [`record_known_conflicts`] writes.
    contradictions: Vec<(usize, Vec<ConflictEdge>)>,
}

impl Checker<'_> {
    /// The place of `path`, its line and column still to be filled in by [`Checker::locate`].
    fn place(&mut self, path: &[Step]) -> Place {
        let printed = yaml::path_string(path);
        if !self.wanted.contains_key(&printed) {
            self.wanted.insert(printed.clone(), path.to_vec());
        }
        Place {
            path: printed,
            line: None,
            column: None,
        }
    }

    fn push(&mut self, kind: Kind, path: &[Step], message: String) {
        let place = self.place(path);
        self.findings.push(Finding {
            severity: kind.severity(),
            kind,
            message,
            place,
            cycle: Vec::new(),
            omitted: 0,
        });
    }

    /// The `(line, column)` of every wanted path, by its printed form. A path that is not in
    /// the file takes the position of the nearest node that is: `before: b` (one id, not a
    /// list) has no `before[0]`, so the finding points at the scalar itself. Empty without a
    /// file.
    fn locate(&self, exact: bool) -> BTreeMap<String, (usize, usize)> {
        let mut out = BTreeMap::new();
        let Some(text) = self.origin.text() else { return out };
        if self.wanted.is_empty() {
            return out;
        }
        let locator = if exact {
            yaml::Locator::exact(text)
        } else {
            yaml::Locator::new(text, self.wanted.values().map(Vec::as_slice))
        };
        for (printed, path) in &self.wanted {
            let mut p = path.as_slice();
            while !p.is_empty() {
                if let Some(at) = locator.get(p) {
                    out.insert(printed.clone(), at);
                    break;
                }
                p = &p[..p.len() - 1];
            }
        }
        out
    }
}

/// Fill in a place's line and column from [`Checker::locate`]'s answers.
fn fill(place: &mut Place, at: &BTreeMap<String, (usize, usize)>) {
    if let Some(&(line, column)) = at.get(&place.path) {
        place.line = Some(line);
        place.column = Some(column);
    }
}

/// Bound event `n` by its date: the whole event lies from `earliest` to `latest`, or, when
/// the date has `ends`, the start lies there and the end within `ends`.
fn bound_event(g: &mut Graph, n: NodeId, d: &super::Date, ev: graph::Evidence) {
    match d.ends {
        Some(end) => {
            g.bound_side(n, graph::Side::Start, d.earliest, d.latest, ev.clone());
            g.bound_side(n, graph::Side::End, end.earliest, end.latest, ev);
        }
        None => g.bound(n, d.earliest, d.latest, ev),
    }
}

/// Whether a date has a pair of bounds the wrong way round (its own or its `ends`).
fn date_inverted(d: &super::Date) -> bool {
    let wrong = |a: Option<NaiveDate>, b: Option<NaiveDate>| matches!((a, b), (Some(a), Some(b)) if a > b);
    wrong(d.earliest, d.latest) || d.ends.is_some_and(|e| wrong(e.earliest, e.latest))
}

/// A relation with the YAML path it was written at.
struct Written {
    rel: Relation,
    /// Path of the relation (`relations[2]`) or of the shorthand entry (`events[0].before[1]`).
    path: Vec<Step>,
    /// Paths of its `from` and `to` ends (for unknown ids).
    from_path: Vec<Step>,
    to_path: Vec<Step>,
}

fn written_relations(t: &Timeline) -> Vec<Written> {
    let mut out = Vec::new();
    for (i, r) in t.relations.iter().enumerate() {
        let base = vec![Step::key("relations"), Step::Index(i)];
        out.push(Written {
            rel: r.clone(),
            from_path: [base.clone(), vec![Step::key("from")]].concat(),
            to_path: [base.clone(), vec![Step::key("to")]].concat(),
            path: base,
        });
    }
    // The shorthand, in the same order as `Timeline::all_relations`.
    let shorthand = t.all_relations().into_iter().skip(t.relations.len());
    let mut paths = Vec::new();
    for (i, e) in t.events.iter().enumerate() {
        for (field, list) in [(tl::BEFORE, &e.before), (tl::AFTER, &e.after)] {
            for j in 0..list.len() {
                paths.push((
                    vec![Step::key(tl::EVENTS), Step::Index(i), Step::key(field), Step::Index(j)],
                    vec![Step::key("events"), Step::Index(i), Step::key("id")],
                ));
            }
        }
    }
    for (rel, (path, id_path)) in shorthand.zip(paths) {
        out.push(Written {
            rel,
            from_path: id_path,
            to_path: path.clone(),
            path,
        });
    }
    out
}

/// Tenses that place an event in the past of the telling (TimeML `tense`, plus the present
/// perfect: `PRESENT` with `PERFECTIVE` aspect).
fn told_in_past(tense: Option<&str>, aspect: Option<&str>) -> bool {
    matches!(tense, Some("PAST") | Some("PASTPART"))
        || (tense == Some("PRESENT") && matches!(aspect, Some("PERFECTIVE") | Some("PERFECTIVE_PROGRESSIVE")))
}

/// What the graph's fact at each index came from.
enum FactOrigin {
    EventDate { event: usize },
    TimeDate { time: usize },
    Relation { written: usize },
}

pub(super) fn check(t: &Timeline) -> Report {
    check_with(t, false)
}

/// [`check`], with the positions found by the exact re-parse alone when `exact` (for the
/// tests that compare both ways).
fn check_with(t: &Timeline, exact: bool) -> Report {
    check_full(t, exact).0
}

/// [`check_with`], also returning every contradiction found, with all of its facts, and
/// whether it is still an error (not recorded in `conflicts:`).
fn check_full(t: &Timeline, exact: bool) -> (Report, Vec<(bool, Vec<ConflictEdge>)>) {
    let mut c = Checker {
        origin: &t.origin,
        findings: Vec::new(),
        wanted: BTreeMap::new(),
        contradictions: Vec::new(),
    };

    // Ids: unique among events and times.
    let mut ids: BTreeMap<&str, Vec<Step>> = BTreeMap::new();
    let mut event_ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut time_ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut duplicates: Vec<(&str, Place, Place)> = Vec::new();
    let all_ids = t
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), tl::EVENTS, i))
        .chain(t.times.iter().enumerate().map(|(i, x)| (x.id.as_str(), tl::TIMES, i)));
    for (id, list, i) in all_ids {
        let path = vec![Step::key(list), Step::Index(i), Step::key(tl::ID)];
        if let Some(first) = ids.get(id) {
            // The message names the first use's line: made once lines are known.
            let first = c.place(first);
            let place = c.place(&path);
            duplicates.push((id, first, place));
        } else {
            ids.insert(id, path);
            if list == tl::EVENTS {
                event_ids.insert(id, i);
            } else {
                time_ids.insert(id, i);
            }
        }
    }

    // Documents named by sources, evidence and anchors.
    let docs: BTreeMap<&str, NaiveDate> = t.documents.iter().map(|d| (d.id.as_str(), d.published)).collect();
    let doc_list: Vec<&str> = docs.keys().copied().collect();
    for (i, e) in t.events.iter().enumerate() {
        for (j, s) in e.sources.iter().enumerate() {
            if !docs.contains_key(s.document.as_str()) {
                c.push(
                    Kind::UnknownDocument,
                    &[
                        Step::key("events"),
                        Step::Index(i),
                        Step::key("sources"),
                        Step::Index(j),
                        Step::key("document"),
                    ],
                    unknown_doc(&s.document, &doc_list),
                );
            }
        }
    }
    for (i, x) in t.times.iter().enumerate() {
        if let Some(s) = &x.source {
            if !docs.contains_key(s.document.as_str()) {
                c.push(
                    Kind::UnknownDocument,
                    &[
                        Step::key("times"),
                        Step::Index(i),
                        Step::key("source"),
                        Step::key("document"),
                    ],
                    unknown_doc(&s.document, &doc_list),
                );
            }
        }
    }
    for (i, r) in t.relations.iter().enumerate() {
        for (j, ev) in r.evidence.iter().enumerate() {
            if let Some(d) = &ev.document {
                if !docs.contains_key(d.as_str()) {
                    c.push(
                        Kind::UnknownDocument,
                        &[
                            Step::key("relations"),
                            Step::Index(i),
                            Step::key("evidence"),
                            Step::Index(j),
                            Step::key("document"),
                        ],
                        unknown_doc(d, &doc_list),
                    );
                }
            }
        }
    }

    // Derivation anchors.
    let derivations = t
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let d = e.date.as_ref()?.derivation.as_ref()?;
            Some((
                vec![
                    Step::key("events"),
                    Step::Index(i),
                    Step::key("date"),
                    Step::key("derivation"),
                    Step::key("anchor"),
                ],
                d,
            ))
        })
        .chain(t.times.iter().enumerate().filter_map(|(i, x)| {
            let d = x.derivation.as_ref()?;
            Some((
                vec![
                    Step::key("times"),
                    Step::Index(i),
                    Step::key("derivation"),
                    Step::key("anchor"),
                ],
                d,
            ))
        }));
    let mut anchor_findings = Vec::new();
    for (path, d) in derivations {
        let Some(a) = &d.anchor else { continue };
        use super::AnchorKind::*;
        let ok = match (a.kind, a.id.as_deref()) {
            (Absolute | Graph, _) => true,
            (Dct, Some(id)) => docs.contains_key(id) || docs.is_empty(),
            (Time, Some(id)) => t.times.iter().any(|x| x.id == id),
            (Event, Some(id)) => event_ids.contains_key(id),
            (_, None) => false,
        };
        if !ok {
            let what = match a.kind {
                Dct => message::DOCUMENT,
                Time => message::TIME,
                _ => message::EVENT,
            };
            let msg = match &a.id {
                Some(id) => format!("the derivation is anchored to {what} `{id}`, which is not in the timeline"),
                None => format!("the derivation's anchor names no {what} (`id:` is missing)"),
            };
            anchor_findings.push((path, msg));
        }
    }
    for (path, msg) in anchor_findings {
        c.push(Kind::UnknownAnchor, &path, msg);
    }

    // Dates the wrong way round.
    let mut inverted = BTreeSet::new();
    for (i, e) in t.events.iter().enumerate() {
        // Only a date with both bounds can have them the wrong way round.
        let ends = e
            .date
            .as_ref()
            .and_then(|d| d.ends)
            .and_then(|x| x.earliest.zip(x.latest));
        if let Some((a, b)) = ends.filter(|(a, b)| a > b) {
            inverted.insert(i);
            c.push(
                Kind::InvertedDate,
                &[
                    Step::key("events"),
                    Step::Index(i),
                    Step::key("date"),
                    Step::key("ends"),
                ],
                format!(
                    "event `{}`: it ends on {} at the earliest, after {}, the latest day it can end",
                    e.id,
                    a.format("%Y-%m-%d"),
                    b.format("%Y-%m-%d")
                ),
            );
        }
        if let Some((a, b)) = e.date.as_ref().and_then(|d| d.earliest.zip(d.latest)) {
            if a > b {
                inverted.insert(i);
                c.push(
                    Kind::InvertedDate,
                    &[Step::key("events"), Step::Index(i), Step::key("date")],
                    format!(
                        "event `{}`: earliest {} is after latest {}",
                        e.id,
                        a.format("%Y-%m-%d"),
                        b.format("%Y-%m-%d")
                    ),
                );
            }
        }
    }
    for (i, x) in t.times.iter().enumerate() {
        if let (Some(a), Some(b)) = (x.earliest, x.latest) {
            if a > b {
                c.push(
                    Kind::InvertedDate,
                    &[Step::key("times"), Step::Index(i), Step::key("earliest")],
                    format!(
                        "time `{}`: earliest {} is after latest {}",
                        x.id,
                        a.format("%Y-%m-%d"),
                        b.format("%Y-%m-%d")
                    ),
                );
            }
        }
    }

    // Tense against the publication date.
    for (i, e) in t.events.iter().enumerate() {
        let Some(d) = &e.date else { continue };
        if inverted.contains(&i) {
            continue;
        }
        for (j, s) in e.sources.iter().enumerate() {
            let Some(&published) = docs.get(s.document.as_str()) else {
                continue;
            };
            let path = [
                Step::key("events"),
                Step::Index(i),
                Step::key("sources"),
                Step::Index(j),
                Step::key("tense"),
            ];
            // Each check needs its bound: "on or before" says nothing about being later than the
            // publication, "on or after" nothing about being earlier.
            let after_publication = d.earliest.filter(|&a| a > published);
            let before_publication = d.latest.filter(|&b| b < published);
            if let (true, Some(earliest)) = (told_in_past(s.tense.as_deref(), s.aspect.as_deref()), after_publication) {
                c.push(
                    Kind::PastAfterPublication,
                    &path,
                    format!(
                        "event `{}` is told in the past tense (\"{}\") in `{}`, published {}, but dated {} or later",
                        e.id,
                        s.trigger,
                        s.document,
                        published.format("%Y-%m-%d"),
                        earliest.format("%Y-%m-%d")
                    ),
                );
                let facts = tense_facts(e, d, s, earliest, published);
                c.contradictions.push((c.findings.len() - 1, facts));
            } else if let (Some("FUTURE"), Some(latest)) = (s.tense.as_deref(), before_publication) {
                c.push(
                    Kind::FutureBeforePublication,
                    &path,
                    format!(
                        "event `{}` is told in the future tense (\"{}\") in `{}`, published {}, but dated {} or earlier",
                        e.id,
                        s.trigger,
                        s.document,
                        published.format("%Y-%m-%d"),
                        latest.format("%Y-%m-%d")
                    ),
                );
            }
        }
    }

    // Relations: unknown ends, then the graph.
    let written = written_relations(t);
    let mut g = Graph::new();
    let mut facts: Vec<Option<FactOrigin>> = Vec::new();
    let mut nodes: BTreeMap<String, NodeId> = BTreeMap::new();
    for (i, e) in t.events.iter().enumerate() {
        if event_ids.get(e.id.as_str()) != Some(&i) {
            continue; // a duplicate id, already reported
        }
        let n = g.add_interval(e.id.clone(), (0, i));
        nodes.insert(e.id.clone(), n);
        if let Some(d) = &e.date {
            // One-sided dates bound the known side only.
            if !inverted.contains(&i) && d.known_day().is_some() {
                let before = g.fact_count();
                bound_event(
                    &mut g,
                    n,
                    d,
                    graph::Evidence {
                        doc: None,
                        span: None,
                        text: super::label::date_label(d),
                        rule: tl::RULE_DATE.to_string(),
                    },
                );
                facts.resize_with(before, || None);
                while facts.len() < g.fact_count() {
                    facts.push(Some(FactOrigin::EventDate { event: i }));
                }
            }
        }
    }
    for (i, x) in t.times.iter().enumerate() {
        if time_ids.get(x.id.as_str()) != Some(&i) {
            continue; // a duplicate id, already reported
        }
        let n = g.add_interval(x.id.clone(), (1, i));
        nodes.insert(x.id.clone(), n);
        let time_inverted = matches!((x.earliest, x.latest), (Some(a), Some(b)) if a > b);
        if !time_inverted && (x.earliest.is_some() || x.latest.is_some()) {
            let before = g.fact_count();
            g.bound(
                n,
                x.earliest,
                x.latest,
                graph::Evidence {
                    doc: None,
                    span: None,
                    text: x.value.clone(),
                    rule: tl::RULE_TIME.to_string(),
                },
            );
            facts.resize_with(before, || None);
            while facts.len() < g.fact_count() {
                facts.push(Some(FactOrigin::TimeDate { time: i }));
            }
        }
    }
    let mut related: BTreeSet<&str> = BTreeSet::new();
    for (w_idx, w) in written.iter().enumerate() {
        let mut ok = true;
        for (id, path) in [(&w.rel.from, &w.from_path), (&w.rel.to, &w.to_path)] {
            if !nodes.contains_key(id.as_str()) {
                ok = false;
                if !ids.contains_key(id.as_str()) {
                    c.push(
                        Kind::UnknownId,
                        path,
                        format!("`{id}` is not the id of any event or time{}", suggest(id, &ids)),
                    );
                }
            }
        }
        if !ok {
            continue;
        }
        related.insert(w.rel.from.as_str());
        related.insert(w.rel.to.as_str());
        let (a, b) = (nodes[&w.rel.from], nodes[&w.rel.to]);
        let ev = match w.rel.evidence.first() {
            Some(e) => graph::Evidence {
                doc: e.document.clone(),
                span: e.start.zip(e.end),
                text: e.text.clone(),
                rule: e.rule.clone().unwrap_or_default(),
            },
            None => graph::Evidence {
                doc: None,
                span: None,
                text: String::new(),
                rule: tl::RULE_RELATION.to_string(),
            },
        };
        let before = g.fact_count();
        match time_relation(t, &time_ids, &event_ids, &w.rel) {
            TimeRelation::Graph => g.relate(a, b, w.rel.rel, w.rel.distance.map(|d| (d.min, d.max)), ev),
            TimeRelation::Side {
                event,
                side,
                earliest,
                latest,
            } => g.bound_side(nodes[event], side, earliest, latest, ev),
            TimeRelation::Nothing => {}
        }
        facts.resize_with(before, || None);
        while facts.len() < g.fact_count() {
            facts.push(Some(FactOrigin::Relation { written: w_idx }));
        }
    }

    clock_order(t, &event_ids, &inverted, &written, &mut c);

    // Events that cannot be placed at all.
    for (i, e) in t.events.iter().enumerate() {
        if e.date.is_none() && !related.contains(e.id.as_str()) && event_ids.get(e.id.as_str()) == Some(&i) {
            c.push(
                Kind::UnplacedEvent,
                &[Step::key("events"), Step::Index(i)],
                format!(
                    "event `{}` has no date and no relation, so it cannot be placed on the timeline",
                    e.id
                ),
            );
        }
    }

    let solved = g.solve();
    for conflict in &solved.conflicts {
        let mut steps = Vec::new();
        let mut has_date = false;
        let mut first_relation: Option<Vec<Step>> = None;
        let mut first_any: Option<Vec<Step>> = None;
        let mut set_aside: Option<Vec<Step>> = None;
        let mut names = Vec::new();
        let listed: Vec<(usize, _)> = conflict.cycle.iter().enumerate().filter(|(_, e)| !e.implicit).collect();
        let total = listed.len();
        let omitted = if total > CYCLE_SHOWN {
            total - 2 * CYCLE_SHOWN_EACH_END
        } else {
            0
        };
        // The facts looked up and listed: all, or the first and last few.
        let shown = |n: usize| omitted == 0 || n < CYCLE_SHOWN_EACH_END || n >= total - CYCLE_SHOWN_EACH_END;
        let mut all_edges = Vec::with_capacity(total);
        for (n, (pos, edge)) in listed.into_iter().enumerate() {
            all_edges.push(ConflictEdge {
                from: edge.from.clone(),
                to: edge.to.clone(),
                constraint: edge.constraint.clone(),
                evidence: fact_evidence(
                    t,
                    &written,
                    edge.fact.and_then(|f| facts.get(f)).and_then(|o| o.as_ref()),
                ),
            });
            if !shown(n) {
                // Still note what the finding points at; nothing is looked up or copied.
                let origin = edge.fact.and_then(|f| facts.get(f)).and_then(|o| o.as_ref());
                match origin {
                    Some(FactOrigin::EventDate { .. } | FactOrigin::TimeDate { .. }) => has_date = true,
                    Some(FactOrigin::Relation { written: w }) => {
                        let w = &written[*w];
                        if first_relation.is_none() {
                            first_relation = Some(w.path.clone());
                        }
                        if pos == conflict.set_aside {
                            set_aside = Some(w.path.clone());
                        }
                    }
                    None => {}
                }
                if n == CYCLE_SHOWN_EACH_END {
                    names.push(format!("… ({omitted} more) …"));
                }
                continue;
            }
            let origin = edge.fact.and_then(|f| facts.get(f)).and_then(|o| o.as_ref());
            let (path, evidence) = match origin {
                Some(FactOrigin::EventDate { event }) => {
                    has_date = true;
                    (vec![Step::key("events"), Step::Index(*event), Step::key("date")], None)
                }
                Some(FactOrigin::TimeDate { time }) => {
                    has_date = true;
                    (vec![Step::key("times"), Step::Index(*time)], None)
                }
                Some(FactOrigin::Relation { written: w }) => {
                    let w = &written[*w];
                    if first_relation.is_none() {
                        first_relation = Some(w.path.clone());
                    }
                    if pos == conflict.set_aside {
                        set_aside = Some(w.path.clone());
                    }
                    let ev: Vec<String> = w.rel.evidence.iter().map(describe_evidence).collect();
                    (w.path.clone(), (!ev.is_empty()).then(|| ev.join("; ")))
                }
                None => (Vec::new(), None),
            };
            if first_any.is_none() && !path.is_empty() {
                first_any = Some(path.clone());
            }
            names.push(edge.constraint.clone());
            steps.push(CycleStep {
                from: edge.from.clone(),
                to: edge.to.clone(),
                constraint: edge.constraint.clone(),
                place: c.place(&path),
                evidence,
            });
        }
        let (kind, message) = if has_date {
            (
                Kind::ContradictsDates,
                format!("the relations contradict the dates: {}", names.join(" → ")),
            )
        } else {
            (
                Kind::Cycle,
                format!("the relations form a cycle: {}", names.join(" → ")),
            )
        };
        // Point at the relation the graph set aside to go on (the last one added, so the one that
        // closed the cycle), else the first relation on it.
        let path = set_aside.or(first_relation).or(first_any).unwrap_or_default();
        let place = c.place(&path);
        c.findings.push(Finding {
            severity: kind.severity(),
            kind,
            message,
            place,
            cycle: steps,
            omitted,
        });
        c.contradictions.push((c.findings.len() - 1, all_edges));
    }
    // Contradictions the file records as known (`build` found them and wrote them down with
    // their evidence): the same facts, or the same events and times, as a `conflicts:` entry.
    // They are warnings; the recorded entry counts as reproduced.
    // A contradiction of the texts themselves (a `kind:` entry) is no graph's: never matched.
    let recorded_keys: Vec<(BTreeSet<FactKey>, BTreeSet<String>)> = t
        .conflicts
        .iter()
        .map(|rc| match rc.kind {
            Some(_) => (BTreeSet::new(), BTreeSet::new()),
            None => (fact_keys(&rc.cycle), edge_ids(&rc.cycle)),
        })
        .collect();
    let mut reproduced = vec![false; t.conflicts.len()];
    for (f, edges) in &c.contradictions {
        let (keys, ids) = (fact_keys(edges), edge_ids(edges));
        let Some(i) = recorded_keys
            .iter()
            .position(|(k, _)| !k.is_empty() && *k == keys)
            .or_else(|| recorded_keys.iter().position(|(_, x)| !x.is_empty() && *x == ids))
        else {
            continue;
        };
        reproduced[i] = true;
        let finding = &mut c.findings[*f];
        finding.message = format!(
            "known conflict, recorded at conflicts[{i}] ({}): {}",
            finding.kind.as_str(),
            finding.message
        );
        finding.kind = Kind::KnownConflict;
        finding.severity = Kind::KnownConflict.severity();
    }
    // Conflicts the file records (from `build`) that its own facts do not reproduce: `build`
    // set one fact of each aside to go on, so the file is consistent without it. Say so.
    // (From the graph's whole cycles: the findings list only the ends of long ones.)
    let computed: Vec<BTreeSet<String>> = solved
        .conflicts
        .iter()
        .map(|conflict| {
            conflict
                .cycle
                .iter()
                .filter(|e| !e.implicit)
                .flat_map(|e| [e.from.clone(), e.to.clone()])
                .collect()
        })
        .collect();
    for (i, rc) in t.conflicts.iter().enumerate() {
        if let Some(kind) = rc.kind {
            let finding = text_conflict(&mut c, i, rc, kind);
            c.findings.push(finding);
            continue;
        }
        if reproduced[i] || computed.contains(&recorded_keys[i].1) {
            continue;
        }
        let total = rc.cycle.len();
        let omitted = if total > CYCLE_SHOWN {
            total - 2 * CYCLE_SHOWN_EACH_END
        } else {
            0
        };
        let shown = |j: usize| omitted == 0 || j < CYCLE_SHOWN_EACH_END || j >= total - CYCLE_SHOWN_EACH_END;
        let steps: Vec<CycleStep> = rc
            .cycle
            .iter()
            .enumerate()
            .filter(|(j, _)| shown(*j))
            .map(|(j, e)| recorded_step(&mut c, i, j, e))
            .collect();
        let gap = format!("… ({omitted} more) …");
        let mut names: Vec<&str> = Vec::new();
        for (j, e) in rc.cycle.iter().enumerate() {
            if shown(j) {
                names.push(e.constraint.as_str());
            } else if j == CYCLE_SHOWN_EACH_END {
                names.push(&gap);
            }
        }
        let place = c.place(&[Step::key("conflicts"), Step::Index(i)]);
        c.findings.push(Finding {
            severity: Kind::RecordedConflict.severity(),
            kind: Kind::RecordedConflict,
            message: format!(
                "recorded contradiction, not all of whose facts are in the file (one was set aside): {}",
                names.join(" → ")
            ),
            place,
            cycle: steps,
            omitted,
        });
    }

    if solved.unlisted_conflicts() > 0 {
        c.findings.push(Finding {
            severity: Severity::Error,
            kind: Kind::Cycle,
            message: format!(
                "{} more contradictions among the relations were found but not listed",
                solved.unlisted_conflicts()
            ),
            place: Place::default(),
            cycle: Vec::new(),
            omitted: 0,
        });
    }

    let contradictions: Vec<(bool, Vec<ConflictEdge>)> = std::mem::take(&mut c.contradictions)
        .into_iter()
        .map(|(f, edges)| (c.findings[f].severity == Severity::Error, edges))
        .collect();

    // Lines and columns, all looked up together.
    let at = c.locate(exact);
    let mut findings = c.findings;
    for f in &mut findings {
        fill(&mut f.place, &at);
        for s in &mut f.cycle {
            fill(&mut s.place, &at);
        }
    }
    for (id, mut first, mut place) in duplicates {
        fill(&mut first, &at);
        fill(&mut place, &at);
        let at = match first.line {
            Some(l) => format!("line {l}"),
            None => first.path,
        };
        findings.push(Finding {
            severity: Kind::DuplicateId.severity(),
            kind: Kind::DuplicateId,
            message: format!("the id `{id}` is already used at {at}"),
            place,
            cycle: Vec::new(),
            omitted: 0,
        });
    }
    // File order; without a file, YAML path order (which is file order for our own output).
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            (
                f.place.line.unwrap_or(usize::MAX),
                f.place.column,
                f.place.path.clone(),
                f.kind,
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
    });
    (
        Report {
            file: t.origin.path().map(|p| p.display().to_string()),
            findings,
        },
        contradictions,
    )
}

/// Clock order: a written `BEFORE`/`AFTER` (`IBEFORE`/`IAFTER`) between two events whose
/// dates carry clock times that make it impossible (the day-level graph cannot see "16:15"
/// against "12:00" on the same day). Zones as [`super::clock`] says: two zoneless times are
/// compared as local times when the events share a document, or have no sources (a
/// hand-written timeline); otherwise over every zone left open.
fn clock_order(
    t: &Timeline,
    event_ids: &BTreeMap<&str, usize>,
    inverted: &BTreeSet<usize>,
    written: &[Written],
    c: &mut Checker,
) {
    use super::clock::{contradicts_before, ClockTime};
    let clocked = |id: &str| -> Option<(usize, NaiveDate, ClockTime)> {
        let i = *event_ids.get(id)?;
        let d = t.events[i].date.as_ref()?;
        match (d.earliest, d.latest, d.time) {
            (Some(a), Some(b), Some(time)) if a == b && !inverted.contains(&i) && d.ends.is_none() => {
                Some((i, a, time))
            }
            _ => None,
        }
    };
    for w in written {
        let before = match w.rel.rel {
            RelType::Before | RelType::IBefore => true,
            RelType::After | RelType::IAfter => false,
            _ => continue,
        };
        let (Some(x), Some(y)) = (clocked(&w.rel.from), clocked(&w.rel.to)) else {
            continue;
        };
        let (early, late) = if before { (x, y) } else { (y, x) };
        let (ea, eb) = (&t.events[early.0], &t.events[late.0]);
        let zoneless = early.2.offset.is_none() && late.2.offset.is_none();
        let shared = (ea.sources.is_empty() && eb.sources.is_empty())
            || ea
                .sources
                .iter()
                .any(|s| eb.sources.iter().any(|o| o.document == s.document));
        let local = zoneless && shared;
        if !contradicts_before((early.1, early.2), (late.1, late.2), local) {
            continue;
        }
        let at = |e: &super::Event, day: NaiveDate, time: ClockTime| {
            format!("{} at {time} on {}", e.id, day.format("%Y-%m-%d"))
        };
        let relation = format!("{} {} {}", w.rel.from, w.rel.rel, w.rel.to);
        let zones = if local {
            "compared as one zone"
        } else if early.2.offset.is_some() && late.2.offset.is_some() {
            "in UTC"
        } else {
            "over every zone a time without one can be in"
        };
        let message = format!(
            "the relation contradicts the clock times: {relation}, but {} is not before {} ({zones})",
            at(ea, early.1, early.2),
            at(eb, late.1, late.2)
        );
        let ev: Vec<String> = w.rel.evidence.iter().map(describe_evidence).collect();
        let mut steps = Vec::new();
        let mut edges = Vec::new();
        let facts = [
            (
                w.path.clone(),
                w.rel.from.clone(),
                w.rel.to.clone(),
                relation.clone(),
                (!ev.is_empty()).then(|| ev.join("; ")),
                w.rel.evidence.first().cloned(),
            ),
            (
                vec![
                    Step::key("events"),
                    Step::Index(early.0),
                    Step::key("date"),
                    Step::key("time"),
                ],
                ea.id.clone(),
                ea.id.clone(),
                at(ea, early.1, early.2),
                None,
                ea.date.as_ref().map(date_evidence),
            ),
            (
                vec![
                    Step::key("events"),
                    Step::Index(late.0),
                    Step::key("date"),
                    Step::key("time"),
                ],
                eb.id.clone(),
                eb.id.clone(),
                at(eb, late.1, late.2),
                None,
                eb.date.as_ref().map(date_evidence),
            ),
        ];
        for (path, from, to, constraint, shown, evidence) in facts {
            steps.push(CycleStep {
                from: from.clone(),
                to: to.clone(),
                constraint: constraint.clone(),
                place: c.place(&path),
                evidence: shown.or_else(|| evidence.as_ref().map(describe_evidence)),
            });
            edges.push(ConflictEdge {
                from,
                to,
                constraint,
                evidence,
            });
        }
        let place = c.place(&w.path);
        c.findings.push(Finding {
            severity: Kind::ContradictsClock.severity(),
            kind: Kind::ContradictsClock,
            message,
            place,
            cycle: steps,
            omitted: 0,
        });
        c.contradictions.push((c.findings.len() - 1, edges));
    }
}

/// How a relation between an event and a time enters the graph.
enum TimeRelation<'t> {
    /// As the relation says (event–event, and event–time relations other than below).
    Graph,
    /// `BEGUN_BY`/`ENDED_BY` (and `BEGINS`/`ENDS` from the time's side) with a dated time
    /// ("since 2004", "until June"): the event's start (end) is some day within the time's
    /// days, as `build` reads it, not the time's first (last) day.
    Side {
        event: &'t str,
        side: graph::Side,
        earliest: Option<NaiveDate>,
        latest: Option<NaiveDate>,
    },
    /// A relation to a `DURATION` or `SET` expression ("for three days", "every week"): it
    /// says how long or how often, not when; nothing for the graph.
    Nothing,
}

fn time_relation<'t>(
    t: &Timeline,
    time_ids: &BTreeMap<&str, usize>,
    event_ids: &BTreeMap<&str, usize>,
    r: &'t Relation,
) -> TimeRelation<'t> {
    let (event, time, rel) = match (time_ids.get(r.from.as_str()), time_ids.get(r.to.as_str())) {
        (None, Some(&x)) if event_ids.contains_key(r.from.as_str()) => (r.from.as_str(), x, r.rel),
        (Some(&x), None) if event_ids.contains_key(r.to.as_str()) => (r.to.as_str(), x, r.rel.inverse()),
        _ => return TimeRelation::Graph,
    };
    let x = &t.times[time];
    if matches!(x.kind.as_str(), "DURATION" | "SET") {
        return TimeRelation::Nothing;
    }
    let inverted = matches!((x.earliest, x.latest), (Some(a), Some(b)) if a > b);
    let dated = (x.earliest.is_some() || x.latest.is_some()) && !inverted && r.distance.is_none();
    match rel {
        RelType::BegunBy | RelType::EndedBy if dated => TimeRelation::Side {
            event,
            side: if rel == RelType::BegunBy {
                graph::Side::Start
            } else {
                graph::Side::End
            },
            earliest: x.earliest,
            latest: x.latest,
        },
        _ => TimeRelation::Graph,
    }
}

/// A fact of a conflict as matched against `conflicts:`: from, to, the constraint in words.
type FactKey = (String, String, String);

fn fact_keys(edges: &[ConflictEdge]) -> BTreeSet<FactKey> {
    edges
        .iter()
        .map(|e| (e.from.clone(), e.to.clone(), e.constraint.clone()))
        .collect()
}

fn edge_ids(edges: &[ConflictEdge]) -> BTreeSet<String> {
    edges.iter().flat_map(|e| [e.from.clone(), e.to.clone()]).collect()
}

/// The evidence a recorded conflict keeps for one fact: the relation's first evidence, the
/// date's derivation, or the time expression's place in its document.
fn fact_evidence(t: &Timeline, written: &[Written], origin: Option<&FactOrigin>) -> Option<super::Evidence> {
    match origin? {
        FactOrigin::Relation { written: w } => written[*w].rel.evidence.first().cloned(),
        FactOrigin::EventDate { event } => {
            let d = t.events[*event].date.as_ref()?;
            Some(date_evidence(d))
        }
        FactOrigin::TimeDate { time } => {
            let x = &t.times[*time];
            Some(super::Evidence {
                document: x.source.as_ref().map(|m| m.document.clone()),
                start: x.source.as_ref().map(|m| m.start),
                end: x.source.as_ref().map(|m| m.end),
                text: x.source.as_ref().map_or_else(|| x.value.clone(), |m| m.text.clone()),
                rule: x.derivation.as_ref().and_then(|d| d.rule.clone()),
            })
        }
    }
}

/// An event date's evidence: its derivation in words (else the date itself) and its rule.
fn date_evidence(d: &super::Date) -> super::Evidence {
    super::Evidence {
        document: None,
        start: None,
        end: None,
        text: d
            .derivation
            .as_ref()
            .map_or_else(|| super::label::date_label(d), |x| x.text.clone()),
        rule: d.derivation.as_ref().and_then(|x| x.rule.clone()),
    }
}

/// The two facts of a `past-after-publication` finding: the date's earliest day, and the
/// telling in the past tense in a document published before it.
fn tense_facts(
    e: &super::Event,
    d: &super::Date,
    s: &super::Source,
    earliest: NaiveDate,
    published: NaiveDate,
) -> Vec<ConflictEdge> {
    vec![
        ConflictEdge {
            from: e.id.clone(),
            to: e.id.clone(),
            constraint: format!("{} starts on or after {}", e.id, earliest.format("%Y-%m-%d")),
            evidence: Some(date_evidence(d)),
        },
        ConflictEdge {
            from: e.id.clone(),
            to: e.id.clone(),
            constraint: format!(
                "{} is told in the past tense in `{}`, published {}",
                e.id,
                s.document,
                published.format("%Y-%m-%d")
            ),
            evidence: Some(super::Evidence {
                document: Some(s.document.clone()),
                start: Some(s.start),
                end: Some(s.end),
                text: s.trigger.clone(),
                rule: Some("check/tense".to_string()),
            }),
        },
    ]
}

/// Step `j` of recorded conflict `i`, placed at `conflicts[i].cycle[j]`.
fn recorded_step(c: &mut Checker, i: usize, j: usize, e: &super::ConflictEdge) -> CycleStep {
    CycleStep {
        from: e.from.clone(),
        to: e.to.clone(),
        constraint: e.constraint.clone(),
        place: c.place(&[
            Step::key("conflicts"),
            Step::Index(i),
            Step::key("cycle"),
            Step::Index(j),
        ]),
        evidence: e.evidence.as_ref().map(describe_evidence),
    }
}

/// See: #20 items 4 and 8. A contradiction of the texts that `build` recorded (a written
/// weekday that is not its date's, two sources that date one event to different days): the
/// file keeps one reading of each, so nothing in it reproduces the contradiction; it is
/// reported as known, a warning, with both readings and their evidence.
fn text_conflict(c: &mut Checker, i: usize, rc: &super::Conflict, kind: super::ConflictKind) -> Finding {
    let steps: Vec<CycleStep> = rc
        .cycle
        .iter()
        .enumerate()
        .map(|(j, e)| recorded_step(c, i, j, e))
        .collect();
    // Each reading with the text it comes from ("on Tuesday, October 7" in `a`).
    let readings: Vec<String> = rc
        .cycle
        .iter()
        .map(|e| match &e.evidence {
            Some(ev) => match &ev.document {
                Some(d) => format!("{} ({:?} in {d})", e.constraint, ev.text),
                None => format!("{} ({:?})", e.constraint, ev.text),
            },
            None => e.constraint.clone(),
        })
        .collect();
    Finding {
        severity: Kind::KnownConflict.severity(),
        kind: Kind::KnownConflict,
        message: format!(
            "known conflict, recorded at conflicts[{i}] ({}): {}",
            kind.as_str(),
            readings.join(" / ")
        ),
        place: c.place(&[Step::key("conflicts"), Step::Index(i)]),
        cycle: steps,
        omitted: 0,
    }
}

/// Write every contradiction `check` finds in `t` into `t.conflicts` (with all its facts and
/// their evidence) unless a `conflicts:` entry already records it; return how many were
/// added. Afterwards `check` reports each as a `known-conflict` warning: this is how `build`
/// makes sure that its output passes `check` without hiding anything.
pub(super) fn record_known_conflicts(t: &mut Timeline) -> usize {
    let (_, contradictions) = check_full(t, false);
    let mut added = 0;
    for (error, edges) in contradictions {
        if !error {
            continue;
        }
        t.conflicts.push(super::Conflict {
            kind: None,
            cycle: edges,
        });
        added += 1;
    }
    added
}

fn describe_evidence(e: &super::Evidence) -> String {
    let mut s = String::new();
    if let Some(d) = &e.document {
        s.push_str(d);
        if let (Some(a), Some(b)) = (e.start, e.end) {
            s.push_str(&format!(" @ {a}..{b}"));
        }
        s.push(' ');
    }
    s.push_str(&format!("{:?}", e.text));
    if let Some(r) = &e.rule {
        s.push_str(&format!(" (rule {r})"));
    }
    s
}

fn unknown_doc(id: &str, known: &[&str]) -> String {
    if known.is_empty() {
        format!("document `{id}` is named here but the timeline has no `documents:` list")
    } else {
        format!("document `{id}` is not in `documents:` (known: {})", known.join(", "))
    }
}

/// ", did you mean `x`?" for the closest known id (edit distance ≤ 2), else "".
fn suggest(id: &str, known: &BTreeMap<&str, Vec<Step>>) -> String {
    let best = known
        .keys()
        .map(|k| (edit_distance(id, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min();
    match best {
        Some((_, k)) => format!("; did you mean `{k}`?"),
        None => String::new(),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The relation the dates and relations entail between two events (or times), for
/// [`Timeline::relation`].
pub(super) fn entailed(t: &Timeline, a: &str, b: &str) -> Option<RelType> {
    let mut g = Graph::new();
    let mut nodes = BTreeMap::new();
    for (i, e) in t.events.iter().enumerate() {
        if nodes.contains_key(e.id.as_str()) {
            continue;
        }
        let n = g.add_interval(e.id.clone(), (0, i));
        nodes.insert(e.id.as_str(), n);
        if let Some(d) = &e.date {
            if !date_inverted(d) && d.known_day().is_some() {
                bound_event(&mut g, n, d, graph::Evidence::rule(tl::RULE_DATE));
            }
        }
    }
    for (i, x) in t.times.iter().enumerate() {
        if nodes.contains_key(x.id.as_str()) {
            continue;
        }
        let n = g.add_interval(x.id.clone(), (1, i));
        nodes.insert(x.id.as_str(), n);
        let inverted = matches!((x.earliest, x.latest), (Some(a), Some(b)) if a > b);
        if !inverted && (x.earliest.is_some() || x.latest.is_some()) {
            g.bound(n, x.earliest, x.latest, graph::Evidence::rule(tl::RULE_TIME));
        }
    }
    for r in t.all_relations() {
        if let (Some(&x), Some(&y)) = (nodes.get(r.from.as_str()), nodes.get(r.to.as_str())) {
            g.relate(
                x,
                y,
                r.rel,
                r.distance.map(|d| (d.min, d.max)),
                graph::Evidence::rule(tl::RULE_RELATION),
            );
        }
    }
    let (x, y) = (*nodes.get(a)?, *nodes.get(b)?);
    g.solve().relation(x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Findings placed through the one-scan index are placed exactly as by the re-parse alone,
    /// on every checked-in timeline and defect fixture, and on a timeline the scan cannot read
    /// (an alias: all its places come from the re-parse).
    #[test]
    fn scan_and_reparse_place_findings_alike() {
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let mut placed = 0;
        for dir in ["timelines", "tests/data/timelines", "tests/data/timelines/defects"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "yaml") {
                    continue;
                }
                let Ok(t) = Timeline::from_path(&path) else { continue };
                let (scanned, exact) = (check_with(&t, false), check_with(&t, true));
                assert_eq!(scanned.to_string(), exact.to_string(), "{}", path.display());
                placed += scanned.findings.iter().filter(|f| f.place.line.is_some()).count();
            }
        }
        assert!(placed >= 10, "only {placed} findings placed");
        let aliased = "schema: tempograph/1\nevents:\n- id: a\n  label: &l Hack\n  date: 2014-12-05\n  before: [b]\n- id: b\n  label: *l\n  date: 2014-12-01\n- id: a\n  label: Leak\n";
        let t = Timeline::from_yaml(aliased, "aliased.yaml").unwrap();
        assert!(!yaml::Locator::new(aliased, [&[Step::key("events")][..]]).scanned());
        let report = check_with(&t, false);
        assert_eq!(report.to_string(), check_with(&t, true).to_string());
        let lines: Vec<_> = report.findings.iter().map(|f| (f.kind, f.place.line)).collect();
        assert!(lines.contains(&(Kind::DuplicateId, Some(10))), "{report}");
        assert!(lines.contains(&(Kind::ContradictsDates, Some(6))), "{report}");
    }
}

#[cfg(test)]
mod mutations {
    use super::*;

    /// Every fixture with one line deleted, doubled, indented or outdented by two spaces:
    /// whenever the result is still a timeline, findings placed through the scan are placed
    /// as by the re-parse alone (the scan gives up, or its cross-check catches a misreading,
    /// rather than report a wrong line).
    #[test]
    fn mutated_fixtures_place_alike() {
        let (mut compared, mut scanned) = (0, 0);
        for (path, text) in yaml::fixture_timelines() {
            let lines: Vec<&str> = text.lines().collect();
            for n in 0..lines.len() {
                for how in 0..4 {
                    let mut v: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
                    match how {
                        0 => {
                            v.remove(n);
                        }
                        1 => v.insert(n, lines[n].to_string()),
                        2 => v[n] = format!("  {}", lines[n]),
                        _ => match lines[n].strip_prefix("  ") {
                            Some(l) => v[n] = l.to_string(),
                            None => continue,
                        },
                    }
                    let mutated = v.join("\n") + "\n";
                    let Ok(t) = Timeline::from_yaml(&mutated, "m.yaml") else {
                        continue;
                    };
                    let (a, b) = (check_with(&t, false), check_with(&t, true));
                    assert_eq!(
                        a.to_string(),
                        b.to_string(),
                        "{} with line {} changed ({how}):\n{mutated}",
                        path.display(),
                        n + 1
                    );
                    compared += 1;
                    let wanted: Vec<Vec<Step>> = vec![vec![Step::key("events")]];
                    scanned += usize::from(yaml::Locator::new(&mutated, wanted.iter().map(Vec::as_slice)).scanned());
                }
            }
        }
        assert!(
            compared > 200 && scanned > 100,
            "{compared} compared, {scanned} scanned"
        );
    }
}
