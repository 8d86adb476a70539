//! The timeline model (the YAML contract), reading and writing it, and `check`.
//!
//! | task                          | call                                   |
//! |-------------------------------|----------------------------------------|
//! | read a timeline file          | [`Timeline::from_path`]                |
//! | read YAML text                | [`Timeline::from_yaml`]                |
//! | write YAML                    | [`Timeline::to_yaml`]                  |
//! | every relation, shorthand too | [`Timeline::all_relations`]            |
//!
//! | check consistency             | [`Timeline::check`] → [`Report`]       |
//! | assert order in a test        | [`Timeline::assert_before`], [`Timeline::relation`] |
//!
//! The model itself, field by field, is in [`model`]; the checks in [`check`].
//!
//! In a user's test, three lines:
//!
//! ```
//! # fn main() -> tempograph::Result<()> {
//! # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).unwrap(); // the workspace root
//! use tempograph::timeline::Timeline;
//!
//! let t = Timeline::from_path("tests/data/timelines/hand-written.yaml")?;
//! t.check().assert_consistent();
//! t.assert_before("hack", "cancel");
//! # Ok(()) }
//! ```
//!
//! and a report to inspect when something is wrong:
//!
//! ```
//! use tempograph::timeline::{Kind, Timeline};
//!
//! let yaml = "events:\n- {id: a, label: A, before: b}\n- {id: b, label: B, before: a}\n";
//! let report = Timeline::from_yaml(yaml, "t.yaml").unwrap().check();
//! assert!(!report.is_consistent());
//! let cycle = report.of_kind(Kind::Cycle).next().unwrap();
//! assert_eq!(cycle.place.line, Some(3));
//! assert!(report.to_string().starts_with("t.yaml:3:"));
//! ```

pub mod check;
pub mod clock;
/// Documents and their publication dates (the `tempograph` library's `document` module).
#[doc(hidden)]
pub mod document;
pub mod ids;
pub mod label;
pub mod model;
/// The one gateway to the YAML crate (the `tempograph` library's `yaml` module).
#[doc(hidden)]
pub mod yaml;

// The crates below, under the module names the stage's code knows them by (`crate::lang::...`).
use tempograph_core::format;
use tempograph_graph as graph;
use tempograph_lang::{self as lang, text};

pub use check::{CycleStep, Finding, Kind, Place, Report, Severity};
pub use clock::ClockTime;

pub use model::{
    Anchor, AnchorKind, Bounds, Conflict, ConflictEdge, ConflictKind, Date, DayRange, Derivation, Document, Ends,
    Event, Evidence, Mention, Origin, Relation, SchemaVersion, Source, Time, Timeline, Unlisted, SCHEMA,
};

use crate::format::timeline as tl;
use std::path::Path;
use tempograph_core::error::Result;
use tempograph_core::relation::RelType;

impl Timeline {
    /// Read a timeline from a YAML file. Malformed YAML and schema violations are errors
    /// with `path:line:column`.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Timeline> {
        let path = path.as_ref();
        let text = crate::document::read_text(path)?;
        Timeline::from_yaml(&text, path)
    }

    /// Parse YAML text; `path` is only used in error messages.
    pub fn from_yaml(text: &str, path: impl AsRef<Path>) -> Result<Timeline> {
        let mut t: Timeline = crate::yaml::from_str(text, path.as_ref())?;
        t.origin = Origin::new(path.as_ref(), text);
        Ok(t)
    }

    /// The timeline as YAML: deterministic, byte-identical for equal timelines.
    pub fn to_yaml(&self) -> Result<String> {
        crate::yaml::to_string(self)
    }

    /// Every relation: the `relations:` list followed by the events' `before:`/`after:`
    /// shorthand, each turned into a [`Relation`] with evidence naming the event it was
    /// written on.
    pub fn all_relations(&self) -> Vec<Relation> {
        let mut out = self.relations.clone();
        for e in &self.events {
            for (list, rel, field) in [
                (&e.before, RelType::Before, tl::BEFORE),
                (&e.after, RelType::After, tl::AFTER),
            ] {
                for other in list {
                    out.push(Relation {
                        from: e.id.clone(),
                        to: other.clone(),
                        rel,
                        distance: None,
                        evidence: vec![Evidence {
                            document: None,
                            start: None,
                            end: None,
                            text: format!("`{field}: {other}` on event `{}`", e.id),
                            rule: Some(tl::RULE_HAND.to_string()),
                        }],
                    });
                }
            }
        }
        out
    }

    /// Put the lists in their canonical order (see `docs/SCHEMA.md`): documents by id,
    /// each event's sources by document and offset, times by document and offset, relations
    /// by `from`, `to`, `type` with duplicates merged (their evidence joined, without
    /// repeats). Events keep their order: it is the timeline's. `build` calls this before
    /// writing; hand-written files are left as written unless you call it.
    pub fn sort_canonical(&mut self) {
        self.documents.sort_by(|a, b| a.id.cmp(&b.id));
        for e in &mut self.events {
            e.sources
                .sort_by(|a, b| (&a.document, a.start, a.end).cmp(&(&b.document, b.start, b.end)));
        }
        let time_key = |t: &Time| {
            (
                t.source.as_ref().map(|s| (s.document.clone(), s.start, s.end)),
                t.id.clone(),
            )
        };
        self.times.sort_by_key(time_key);
        let key = |r: &Relation| (r.from.clone(), r.to.clone(), r.rel, r.distance.map(|d| (d.min, d.max)));
        self.relations.sort_by_key(key);
        let mut merged: Vec<Relation> = Vec::with_capacity(self.relations.len());
        for r in std::mem::take(&mut self.relations) {
            match merged.last_mut() {
                Some(last) if key(last) == key(&r) => {
                    for ev in r.evidence {
                        if !last.evidence.contains(&ev) {
                            last.evidence.push(ev);
                        }
                    }
                }
                _ => merged.push(r),
            }
        }
        self.relations = merged;
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Check the timeline's consistency: unknown ids, inverted dates, relations that
    /// contradict the dates, cycles, tenses against publication dates. See [`check`].
    ///
    /// ```
    /// # fn main() -> tempograph::Result<()> {
    /// # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).unwrap(); // the workspace root
    /// use tempograph::timeline::Timeline;
    /// let report = Timeline::from_path("tests/data/timelines/hand-written.yaml")?.check();
    /// assert!(report.is_consistent(), "{report}");
    /// # Ok(()) }
    /// ```
    pub fn check(&self) -> Report {
        check::check(self)
    }

    /// Record every contradiction [`Timeline::check`] finds as a known conflict in
    /// `conflicts:` (all its facts, each with its evidence), unless one is recorded already;
    /// return how many were added. `check` then reports them as `known-conflict` warnings.
    /// `build` calls this last, so that its output always passes `check`.
    pub fn record_known_conflicts(&mut self) -> usize {
        check::record_known_conflicts(self)
    }

    /// The strongest TimeML relation `a REL b` that the dates and relations entail, or
    /// `None` when they leave it open (or an id is unknown).
    pub fn relation(&self, a: &str, b: &str) -> Option<RelType> {
        check::entailed(self, a, b)
    }

    /// True when the timeline entails that `a` ends before `b` starts.
    pub fn is_before(&self, a: &str, b: &str) -> bool {
        matches!(self.relation(a, b), Some(RelType::Before | RelType::IBefore))
    }

    /// Panic unless the timeline entails `a` before `b`, saying what it entails instead.
    /// For users' tests:
    ///
    /// ```
    /// # fn main() -> tempograph::Result<()> {
    /// # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).unwrap(); // the workspace root
    /// use tempograph::timeline::Timeline;
    /// let t = Timeline::from_path("tests/data/timelines/hand-written.yaml")?;
    /// t.assert_before("hack", "fbi"); // through leak, threats and cancel
    /// # Ok(()) }
    /// ```
    #[track_caller]
    pub fn assert_before(&self, a: &str, b: &str) {
        for id in [a, b] {
            if self.event(id).is_none() && !self.times.iter().any(|t| t.id == id) {
                panic!("assert_before({a:?}, {b:?}): the timeline has no event or time `{id}`");
            }
        }
        match self.relation(a, b) {
            Some(RelType::Before | RelType::IBefore) => {}
            Some(other) => panic!("assert_before({a:?}, {b:?}): the timeline says `{a}` {other} `{b}`"),
            None => panic!("assert_before({a:?}, {b:?}): the timeline does not order `{a}` and `{b}`"),
        }
    }
}
