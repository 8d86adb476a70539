//! Links to the document creation time.
//!
//! | pair                                  | rule                | relation                           |
//! |---------------------------------------|---------------------|------------------------------------|
//! | finite event (`said`, `is`) – DCT     | `link/dct-model`    | learned from tense, aspect, class  |
//! | noun or non-finite event – DCT        | —                   | none                               |
//!
//! Timexes are not linked to the DCT: their values already place them (the graph bounds
//! them by date), and TempEval-3 annotators rarely wrote such links, so on TBAQ they cost
//! precision (measured: Task ABC on AQUAINT 31.41 → 31.84 without them). Likewise only
//! finite verb events get a DCT link (ABC on TimeBank 19.13 → 20.07).

use super::{is_finite, learned, span_of, Candidate};
use crate::link::features::Context;
use crate::link::model::Classifier;
use crate::link::Endpoint;

/// Event–DCT candidates for finite verb events.
pub fn candidates(cx: &Context, model: &dyn Classifier) -> Vec<Candidate> {
    (0..cx.events.len())
        .filter(|&i| is_finite(&cx.events[i]))
        .map(|i| {
            let e = Endpoint::Event(i);
            learned(cx, e, Endpoint::Dct, model, "link/dct-model", span_of(cx, e))
        })
        .collect()
}
