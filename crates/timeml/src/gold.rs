//! Gold TimeML annotations read as the link stage's facts ([`crate::link::facts`]), so that the
//! relation classifiers run on gold entities (TempEval-3 Task C, training) as on the system's.
//!
//! | TimeML                                                                 | facts                                   |
//! |------------------------------------------------------------------------|-----------------------------------------|
//! | `<EVENT eid="e1" class="OCCURRENCE">` + `<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" ...>` | `EventFacts` (`OCCURRENCE`, `PAST`, ...), id `ei1` |
//! | `<TIMEX3 tid="t3" type="DATE" value="1998-01-08">` inside `<TEXT>`    | `TimexFacts` (`DATE`, `1998-01-08`), id `t3` |
//!
//! # Grammar
//!
//! Gold ids: events are MAKEINSTANCE `eiid`s (one event may have several instances), timexes
//! `tid`s; the DCT's tid (usually `t0`) is every timex id that is not inside `<TEXT>`.

use super::TimemlDoc;
use crate::format::timeml as tml;
use crate::link::facts::{EventFacts, GoldEntities, TimexFacts};
use crate::text::{Analysis, Span};
use std::collections::BTreeMap;

/// Read the gold events (via MAKEINSTANCE) and timexes of a TimeML document.
pub fn gold_entities(doc: &TimemlDoc, analysis: &Analysis) -> GoldEntities {
    let mut g = GoldEntities::default();
    let mut by_eid: BTreeMap<&str, (Span, &str)> = BTreeMap::new();
    for a in doc.tagged("EVENT") {
        if let Some(eid) = a.attr(tml::EID) {
            by_eid.insert(eid, (a.span, a.attr(tml::CLASS).unwrap_or("OCCURRENCE")));
        }
    }
    let mut events: Vec<(Span, String, EventFacts)> = Vec::new();
    for inst in &doc.instances {
        let get = |k: &str| super::attr(inst, k);
        let (Some(eid), Some(eiid)) = (get(tml::EVENT_ID), get(tml::EIID)) else {
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
                tense: get(tml::TENSE).unwrap_or("NONE").to_string(),
                aspect: get(tml::ASPECT).unwrap_or("NONE").to_string(),
                pos: normalize_pos(get(tml::POS).unwrap_or("UNKNOWN"), get(tml::TENSE).unwrap_or("NONE")),
                polarity: get(tml::POLARITY).unwrap_or("POS").to_string(),
                modality: get(tml::MODALITY).map(str::to_string),
            },
        ));
    }
    events.sort_by(|a, b| (a.0.start, &a.1).cmp(&(b.0.start, &b.1)));
    for (_, eiid, f) in events {
        g.push_event(eiid, f);
    }
    for a in doc.tagged("TIMEX3") {
        let Some(tid) = a.attr(tml::TID) else { continue };
        g.push_timex(
            tid.to_string(),
            TimexFacts {
                span: a.span,
                sentence: analysis.sentence_at(a.span.start),
                kind: a.attr(tml::TYPE).unwrap_or("DATE").to_string(),
                value: a.attr(tml::VALUE).unwrap_or("").to_string(),
            },
        );
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
