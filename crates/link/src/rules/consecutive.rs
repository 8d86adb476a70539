//! Links between the main events of consecutive sentences. The main event is the first
//! finite verb event of the sentence (else its first event) — except in a sentence that opens
//! with a quotation and goes on after it (`"We have been working ...," the director said
//! Monday.`, `"...," said the director.`): there it is the first finite verb event after the
//! quotation, the reporting verb. A quotation that is the whole sentence keeps its own verb.
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
use crate::link::signals::{self, MetricWord, SignalId};
use crate::link::Endpoint;
use tempograph_core::relation::RelType;

/// Which notion of a sentence's main event a caller wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MainEvent {
    /// The first finite verb event after an opening quotation, when the sentence goes on after
    /// it (the reporting verb of `"...," the director said`); otherwise as `FirstFinite`.
    QuoteAware,
    /// The first finite verb event of the sentence, else its first event.
    FirstFinite,
}

/// The main event of a sentence's events (indices in text order), in the sense `kind`. The
/// one definition of "main event": the consecutive-sentence rules here use
/// [`MainEvent::QuoteAware`]; the learned chooser's pairs and `main`/`sub` feature use
/// [`MainEvent::FirstFinite`], which measured better for them (docs/RELATIONS.md, #4).
pub fn main_event(cx: &Context, evs: &[usize], kind: MainEvent) -> Option<usize> {
    let finite_verb = |i: usize| is_finite(&cx.events[i]) && cx.events[i].pos == "VERB";
    let after_quote = || {
        let s = cx.analysis.sentences.get(cx.events[*evs.first()?].sentence)?;
        let end = s.span.start + opening_quote_end(s.span.slice(cx.text))?;
        evs.iter()
            .copied()
            .find(|&i| cx.events[i].span.start >= end && finite_verb(i))
    };
    (if kind == MainEvent::QuoteAware {
        after_quote()
    } else {
        None
    })
    .or_else(|| evs.iter().copied().find(|&i| finite_verb(i)))
    .or_else(|| evs.first().copied())
}

/// Opening quotation marks: straight, curly, and the TimeBank/AQUAINT backquotes.
const OPEN_QUOTES: &[&str] = &["``", "\"", "“"];
/// Closing quotation marks.
const CLOSE_QUOTES: &[&str] = &["''", "\"", "”"];

/// If `sentence` opens with a quotation, the byte offset (in `sentence`) just past its closing
/// mark; `None` if it does not open with one or the quotation is not closed in the sentence.
fn opening_quote_end(sentence: &str) -> Option<usize> {
    let body = sentence.trim_start();
    let lead = sentence.len() - body.len();
    let open = OPEN_QUOTES.iter().find(|q| body.starts_with(**q))?;
    let rest = &body[open.len()..];
    CLOSE_QUOTES
        .iter()
        .filter_map(|q| rest.find(q).map(|k| k + q.len()))
        .min()
        .map(|k| lead + open.len() + k)
}

/// Candidates between the main events of sentences `s` and `s + 1`.
pub fn candidates(cx: &Context) -> Vec<Candidate> {
    let by = events_by_sentence(cx);
    let mut out = Vec::new();
    for s in 0..by.len().saturating_sub(1) {
        let (Some(a), Some(b)) = (
            main_event(cx, &by[s], MainEvent::QuoteAware),
            main_event(cx, &by[s + 1], MainEvent::QuoteAware),
        ) else {
            continue;
        };
        let Some(sent) = cx.analysis.sentences.get(s + 1) else {
            continue;
        };
        let head = sent.tokens.start..(sent.tokens.start + 4).min(sent.tokens.end);
        let metric = head
            .clone()
            .filter_map(|k| signals::metric_at(cx.words, cx.text, cx.analysis, k))
            .find(|m| matches!(m.word, MetricWord::Later | MetricWord::Earlier));
        let then = head
            .clone()
            .filter_map(|k| signals::signal_at(cx.words, cx.text, cx.analysis, k))
            .find(|g| matches!(g.id, SignalId::Then | SignalId::Later));
        let (ea, eb) = (Endpoint::Event(a), Endpoint::Event(b));
        let c = match (metric, then) {
            (Some(m), _) if m.word == MetricWord::Later => {
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
