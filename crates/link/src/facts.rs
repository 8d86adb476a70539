//! What the relation stage knows about each event and timex, in TimeML's own words, so the
//! same classifier runs on system output and on gold TimeML (TempEval-3 C-relation-only).
//!
//! | source                                   | event facts                          |
//! |------------------------------------------|--------------------------------------|
//! | `<EVENT class="OCCURRENCE">` + `<MAKEINSTANCE tense="PAST" aspect="NONE" pos="VERB">` | class `OCCURRENCE`, tense `PAST`, aspect `NONE`, pos `VERB` |
//! | `events::Event` from the extractor        | the same fields, spelled the same way |
//!
//! Gold TimeML is read into these facts by `timeml::gold` (the link stage does not read
//! TimeML).
//! # Grammar
//!
//! Gold ids: events are MAKEINSTANCE `eiid`s (one event may have several instances), timexes
//! `tid`s; the DCT's tid (usually `t0`) is every timex id that is not inside `<TEXT>`.

use super::Endpoint;
use crate::text::Span;
use std::collections::BTreeMap;

/// An event as the relation stage sees it (TimeML spellings: `OCCURRENCE`, `PAST`, `NONE`, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventFacts {
    pub span: Span,
    pub sentence: usize,
    /// `OCCURRENCE`, `REPORTING`, `STATE`, `I_ACTION`, `I_STATE`, `ASPECTUAL`, `PERCEPTION`.
    pub class: String,
    /// `PAST`, `PRESENT`, `FUTURE`, `NONE`, `INFINITIVE`, `PRESPART`, `PASTPART`.
    pub tense: String,
    /// `NONE`, `PROGRESSIVE`, `PERFECTIVE`, `PERFECTIVE_PROGRESSIVE`.
    pub aspect: String,
    /// `VERB`, `NOUN`, `ADJECTIVE`, `PREPOSITION`, `OTHER`, `UNKNOWN`.
    pub pos: String,
    /// `POS` or `NEG`.
    pub polarity: String,
    pub modality: Option<String>,
}

/// A timex as the relation stage sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexFacts {
    pub span: Span,
    pub sentence: usize,
    /// `DATE`, `TIME`, `DURATION`, `SET`.
    pub kind: String,
    /// The TIMEX3 value.
    pub value: String,
}

/// The gold entities of a TimeML document, with their ids.
#[derive(Clone, Debug, Default)]
pub struct GoldEntities {
    /// One entry per MAKEINSTANCE, in document order of the event.
    pub events: Vec<EventFacts>,
    pub eiids: Vec<String>,
    /// TIMEX3 inside `<TEXT>`, in document order.
    pub timexes: Vec<TimexFacts>,
    pub tids: Vec<String>,
    by_id: BTreeMap<String, Endpoint>,
}

impl GoldEntities {
    /// The endpoint a TLINK id names. Timex ids not found inside `<TEXT>` (the DCT's `t0`)
    /// are the DCT.
    pub fn endpoint(&self, id: &str) -> Option<Endpoint> {
        match self.by_id.get(id) {
            Some(e) => Some(*e),
            None if id.starts_with('t') => Some(Endpoint::Dct),
            None => None,
        }
    }

    /// Add a gold event instance (in document order) with its `eiid`.
    pub fn push_event(&mut self, eiid: String, facts: EventFacts) {
        self.by_id.insert(eiid.clone(), Endpoint::Event(self.events.len()));
        self.eiids.push(eiid);
        self.events.push(facts);
    }

    /// Add a gold timex inside `<TEXT>` (in document order) with its `tid`.
    pub fn push_timex(&mut self, tid: String, facts: TimexFacts) {
        self.by_id.insert(tid.clone(), Endpoint::Timex(self.timexes.len()));
        self.tids.push(tid);
        self.timexes.push(facts);
    }

    /// The TLINK id of an endpoint (`t0` for the DCT).
    pub fn id(&self, e: Endpoint) -> String {
        match e {
            Endpoint::Event(i) => self.eiids[i].clone(),
            Endpoint::Timex(i) => self.tids[i].clone(),
            Endpoint::Dct => "t0".to_string(),
        }
    }
}
