//! What the relation stage knows about each event and timex, in TimeML's own words, so the
//! same classifier runs on system output and on gold TimeML (TempEval-3 C-relation-only).
//!
//! | source                                   | event facts                          |
//! |------------------------------------------|--------------------------------------|
//! | `<EVENT class="OCCURRENCE">` + `<MAKEINSTANCE tense="PAST" aspect="NONE" pos="VERB">` | class `OCCURRENCE`, tense `PAST`, aspect `NONE`, pos `VERB` |
//! | `events::Event` from the extractor        | the same fields, spelled the same way |
//!
//! # Grammar
//!
//! Gold ids: events are MAKEINSTANCE `eiid`s (one event may have several instances), timexes
//! `tid`s; the DCT's tid (usually `t0`) is every timex id that is not inside `<TEXT>`.

use super::Endpoint;
use crate::text::{Analysis, Span};
use crate::timeml::TimemlDoc;
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

    /// The TLINK id of an endpoint (`t0` for the DCT).
    pub fn id(&self, e: Endpoint) -> String {
        match e {
            Endpoint::Event(i) => self.eiids[i].clone(),
            Endpoint::Timex(i) => self.tids[i].clone(),
            Endpoint::Dct => "t0".to_string(),
        }
    }
}

/// Read the gold events (via MAKEINSTANCE) and timexes of a TimeML document.
pub fn gold_entities(doc: &TimemlDoc, analysis: &Analysis) -> GoldEntities {
    let mut g = GoldEntities::default();
    let mut by_eid: BTreeMap<&str, (Span, &str)> = BTreeMap::new();
    for a in doc.tagged("EVENT") {
        if let Some(eid) = a.attr("eid") {
            by_eid.insert(eid, (a.span, a.attr("class").unwrap_or("OCCURRENCE")));
        }
    }
    let mut events: Vec<(Span, String, EventFacts)> = Vec::new();
    for inst in &doc.instances {
        let get = |k: &str| crate::timeml::attr(inst, k);
        let (Some(eid), Some(eiid)) = (get("eventID"), get("eiid")) else {
            continue;
        };
        let Some(&(span, class)) = by_eid.get(eid) else {
            continue;
        };
        events.push((
            span,
            eiid.to_string(),
            EventFacts {
                span,
                sentence: analysis.sentence_at(span.start),
                class: class.to_string(),
                tense: get("tense").unwrap_or("NONE").to_string(),
                aspect: get("aspect").unwrap_or("NONE").to_string(),
                pos: normalize_pos(get("pos").unwrap_or("UNKNOWN"), get("tense").unwrap_or("NONE")),
                polarity: get("polarity").unwrap_or("POS").to_string(),
                modality: get("modality").map(str::to_string),
            },
        ));
    }
    events.sort_by(|a, b| (a.0.start, &a.1).cmp(&(b.0.start, &b.1)));
    for (_, eiid, f) in events {
        g.by_id.insert(eiid.clone(), Endpoint::Event(g.events.len()));
        g.eiids.push(eiid);
        g.events.push(f);
    }
    for a in doc.tagged("TIMEX3") {
        let Some(tid) = a.attr("tid") else { continue };
        g.by_id.insert(tid.to_string(), Endpoint::Timex(g.timexes.len()));
        g.tids.push(tid.to_string());
        g.timexes.push(TimexFacts {
            span: a.span,
            sentence: analysis.sentence_at(a.span.start),
            kind: a.attr("type").unwrap_or("DATE").to_string(),
            value: a.attr("value").unwrap_or("").to_string(),
        });
    }
    g
}

/// AQUAINT writes `pos="UNKNOWN"` where TimeBank writes `VERB`: a tensed or non-finite
/// verb form is a verb whatever the file says.
fn normalize_pos(pos: &str, tense: &str) -> String {
    match (pos, tense) {
        ("UNKNOWN", "NONE") => "UNKNOWN".to_string(),
        ("UNKNOWN", _) => "VERB".to_string(),
        (p, _) => p.to_string(),
    }
}
