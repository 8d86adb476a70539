//! Links between the main events of consecutive sentences. The main event is the first
//! finite verb event of the sentence (else its first event).
//!
//! | second sentence opens with          | rule                    | link (main₁ REL main₂)   |
//! |-------------------------------------|-------------------------|--------------------------|
//! | `Two days later, ...`               | `link/metric-later`     | BEFORE, 2..2 days        |
//! | `Three weeks earlier, ...`          | `link/metric-earlier`   | AFTER (main₂ BEFORE main₁, 20..22 days) |
//! | `Then ...`, `Later, ...`            | `link/signal-then`      | BEFORE                   |
//! | anything else                       | —                       | none                     |
//!
//! Without a signal no link is made: learned labels for these pairs were right (by the gold
//! graph) for only 11% of them in Task ABC on AQUAINT, and dropping them raised its temporal
//! awareness from 31.84 to 33.61 (development figures, measured before a scorer fix; see
//! docs/RELATIONS.md).

use super::{events_by_sentence, is_finite, rule, Candidate};
use crate::link::features::Context;
use crate::link::signals;
use crate::link::Endpoint;
use crate::relation::RelType;

/// The main event of a sentence's events (indices in text order).
pub fn main_event(cx: &Context, evs: &[usize]) -> Option<usize> {
    evs.iter()
        .copied()
        .find(|&i| is_finite(&cx.events[i]) && cx.events[i].pos == "VERB")
        .or_else(|| evs.first().copied())
}

/// Candidates between the main events of sentences `s` and `s + 1`.
pub fn candidates(cx: &Context) -> Vec<Candidate> {
    let by = events_by_sentence(cx);
    let mut out = Vec::new();
    for s in 0..by.len().saturating_sub(1) {
        let (Some(a), Some(b)) = (main_event(cx, &by[s]), main_event(cx, &by[s + 1])) else {
            continue;
        };
        let Some(sent) = cx.analysis.sentences.get(s + 1) else {
            continue;
        };
        let head = sent.tokens.start..(sent.tokens.start + 4).min(sent.tokens.end);
        let metric = head
            .clone()
            .filter_map(|k| signals::metric_at(cx.text, cx.analysis, k))
            .find(|m| matches!(m.word, "later" | "earlier"));
        let then = head
            .clone()
            .filter_map(|k| signals::signal_at(cx.text, cx.analysis, k))
            .find(|g| matches!(g.id, "then" | "later"));
        let (ea, eb) = (Endpoint::Event(a), Endpoint::Event(b));
        let c = match (metric, then) {
            (Some(m), _) if m.word == "later" => {
                rule(ea, eb, RelType::Before, Some(m.days), "link/metric-later", m.span)
            }
            (Some(m), _) => rule(eb, ea, RelType::Before, Some(m.days), "link/metric-earlier", m.span),
            (None, Some(g)) => rule(ea, eb, RelType::Before, None, "link/signal-then", g.span),
            (None, None) => continue,
        };
        out.push(c);
    }
    out
}
