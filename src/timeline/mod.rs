//! The timeline model (the YAML contract), reading and writing it, and `check`.
//!
//! | task                          | call                                   |
//! |-------------------------------|----------------------------------------|
//! | read a timeline file          | [`Timeline::from_path`]                |
//! | read YAML text                | [`Timeline::from_yaml`]                |
//! | write YAML                    | [`Timeline::to_yaml`]                  |
//! | every relation, shorthand too | [`Timeline::all_relations`]            |
//!
//! The model itself, field by field, is in [`model`].

pub mod model;

pub use model::{
    Anchor, AnchorKind, Conflict, ConflictEdge, Date, DayRange, Derivation, Document, Event, Evidence, Mention,
    Relation, SchemaVersion, Source, Time, Timeline, SCHEMA,
};

use crate::error::Result;
use crate::relation::RelType;
use std::path::Path;

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
        crate::yaml::from_str(text, path.as_ref())
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
                (&e.before, RelType::Before, "before"),
                (&e.after, RelType::After, "after"),
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
                            rule: Some("hand".to_string()),
                        }],
                    });
                }
            }
        }
        out
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
}
