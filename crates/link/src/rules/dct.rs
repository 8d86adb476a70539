//! Links to the document creation time.
//!
//! | pair                                  | rule                | relation                           |
//! |---------------------------------------|---------------------|------------------------------------|
//! | past (`said`), present perfect (`has said`) – DCT | `link/dct-tense` | BEFORE               |
//! | future (`will say`) – DCT                         | `link/dct-tense` | AFTER                |
//! | present progressive (`is saying`) – DCT           | `link/dct-tense` | INCLUDES             |
//! | other finite events (`says`, `is`) – DCT          | `link/dct-model` | learned from tense, aspect, class |
//! | noun or non-finite event – DCT                    | —                | none                 |
//!
//! The tense rules agree with what both learned tables mostly say, but hold across corpora:
//! with them, Task ABC on TimeBank (AQUAINT table) went from 20.01 to 25.01 (development
//! figures, measured before a scorer fix; see docs/RELATIONS.md).
//!
//! Timexes are not linked to the DCT: their values already place them (the graph bounds
//! them by date), and TempEval-3 annotators rarely wrote such links, so on TBAQ they cost
//! precision (measured: Task ABC on AQUAINT 31.41 → 31.84 without them). Likewise only
//! finite verb events get a DCT link (ABC on TimeBank 19.13 → 20.07; development figures).

use super::{is_finite, learned, rule, span_of, Candidate};
use crate::link::features::Context;
use crate::link::model::Classifier;
use crate::link::{Endpoint, EventFacts};
use tempograph_core::relation::RelType;

/// The relation of an event to the DCT that its tense and aspect alone decide.
pub fn tense_relation(e: &EventFacts) -> Option<RelType> {
    match (e.tense.as_str(), e.aspect.as_str()) {
        ("PAST", _) | ("PRESENT", "PERFECTIVE") => Some(RelType::Before),
        ("FUTURE", _) => Some(RelType::After),
        ("PRESENT", "PROGRESSIVE") => Some(RelType::Includes),
        _ => None,
    }
}

/// Event–DCT candidates for finite verb events.
pub fn candidates(cx: &Context, model: &dyn Classifier) -> Vec<Candidate> {
    (0..cx.events.len())
        .filter(|&i| is_finite(&cx.events[i]))
        .map(|i| {
            let e = Endpoint::Event(i);
            match tense_relation(&cx.events[i]) {
                Some(r) => rule(e, Endpoint::Dct, r, None, "link/dct-tense", span_of(cx, e)),
                None => learned(cx, e, Endpoint::Dct, model, "link/dct-model", span_of(cx, e)),
            }
        })
        .collect()
}
