//! Event–timex links within a sentence: each event is linked to the nearest timex of its
//! sentence (sets, and durations inside metric phrases like "a month after", excepted), by
//! the word that introduces the timex.
//!
//! | text                                   | rule                 | relation (event REL timex) |
//! |----------------------------------------|----------------------|----------------------------|
//! | `Earlier this week, threats escalated` | `link/timex-anchor`  | IS_INCLUDED                |
//! | `met on Tuesday`, `in 1998`, `at noon` | `link/timex-anchor`  | IS_INCLUDED                |
//! | `has lived there since 1990`           | `link/timex-since`   | BEGUN_BY                   |
//! | `will stay until Friday`               | `link/timex-until`   | ENDED_BY                   |
//! | `left before Christmas`                | `link/timex-before`  | BEFORE                     |
//! | `arrived after midnight`               | `link/timex-after`   | AFTER                      |
//! | `talked for two hours`                 | `link/timex-for`     | DURING                     |
//! | anything else                          | `link/timex-model`   | learned                    |
//!
//! A wire lead's dateline day (`BREST, Jan. 12 (AP) - ...`) is not an event's nearest
//! expression when its sentence has another one: it dates the filing of the story.

use super::{cover, learned, rule, Candidate};
use crate::link::features::Context;
use crate::link::model::Classifier;
use crate::link::signals::{self, SignalId};
use crate::link::{Endpoint, TimexFacts};
use crate::text::Span;
use tempograph_core::relation::RelType;
use tempograph_timex::reference::is_dateline_span;

/// Signals that anchor the timex they introduce to an event ("*on* Tuesday", "*earlier*
/// this week"); the words that may stand before a bare timex are [`ANCHOR_WORDS`].
const ANCHOR_SIGNALS: &[SignalId] = &[
    SignalId::In,
    SignalId::On,
    SignalId::At,
    SignalId::During,
    SignalId::Earlier,
    SignalId::Later,
    SignalId::Over,
];

/// The lower-cased words just before the timex in its sentence (nearest last), at most 2.
fn words_before(cx: &Context, at: usize) -> Vec<String> {
    let t = cx.analysis.token_at_or_after(at);
    let sent = cx.analysis.sentence_at(at);
    let first = cx.analysis.sentences.get(sent).map(|s| s.tokens.start).unwrap_or(0);
    (t.saturating_sub(2).max(first)..t)
        .map(|i| cx.analysis.tokens[i].text(cx.text).to_lowercase())
        .collect()
}

/// The relation of an event to timex `t` that the word introducing `t` decides (see the
/// table), with the rule id, and the evidence span (the signal and the timex).
pub fn signal_relation(cx: &Context, t: &TimexFacts) -> (Option<(RelType, &'static str)>, Span) {
    let tok = cx.analysis.token_at_or_after(t.span.start);
    let sig = (tok.saturating_sub(2)..tok)
        .rev()
        .find_map(|k| signals::signal_at(cx.words, cx.text, cx.analysis, k))
        .map(|s| (s.id, s.span));
    let evidence = match sig {
        Some((_, sp)) => cover(sp, t.span),
        None => t.span,
    };
    let dated = t.kind == "DATE" || t.kind == "TIME";
    let made = match sig.map(|s| s.0) {
        Some(SignalId::Since) if dated => Some((RelType::BegunBy, "link/timex-since")),
        Some(SignalId::Until) if dated => Some((RelType::EndedBy, "link/timex-until")),
        Some(SignalId::Before) if dated => Some((RelType::Before, "link/timex-before")),
        Some(SignalId::After | SignalId::Following) if dated => Some((RelType::After, "link/timex-after")),
        Some(SignalId::For | SignalId::Through) if t.kind == "DURATION" => Some((RelType::During, "link/timex-for")),
        Some(s) if dated && ANCHOR_SIGNALS.contains(&s) => Some((RelType::IsIncluded, "link/timex-anchor")),
        None if dated => {
            // Bare ("Tuesday, the company said") or introduced by a determiner-like word
            // the tagger left outside the timex.
            let before = words_before(cx, t.span.start);
            let ok = before.last().is_none_or(|w| {
                cx.words.anchor_words.contains(&w.as_str()) || w == "," || !w.chars().any(char::is_alphabetic)
            });
            ok.then_some((RelType::IsIncluded, "link/timex-anchor"))
        }
        _ => None,
    };
    (made, evidence)
}

/// Event–timex candidates.
pub fn candidates(cx: &Context, model: &dyn Classifier) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, e) in cx.events.iter().enumerate() {
        // A wire lead's dateline day ("BREST, Jan. 12 (AP) - A storm flooded towns on
        // Sunday") dates the filing: the event takes another expression of its sentence when
        // there is one.
        let dateline = |t: &TimexFacts| e.sentence <= 1 && is_dateline_span(cx.text, cx.analysis, t.span);
        let told = cx.timexes_in(e.sentence).any(|(_, t)| t.kind != "SET" && !dateline(t));
        let nearest = cx
            .timexes_in(e.sentence)
            .filter(|(_, t)| t.kind != "SET" && !(told && dateline(t)))
            .min_by_key(|(_, t)| (t.span.start.abs_diff(e.span.start), t.span.start));
        let Some((j, t)) = nearest else { continue };
        // "on Tuesday at 4:15 p.m.": a clock time right after the day it falls on (one
        // token between, at most) is the finer anchor of the same phrase; the day's
        // introducing word still decides the relation.
        // A clock time's value is its day's, then `T` and the time.
        let end = cx.analysis.token_at_or_after(t.span.end);
        let clock = cx.timexes_in(e.sentence).find(|(_, c)| {
            c.span.start >= t.span.end
                && !t.value.is_empty()
                && c.value
                    .strip_prefix(t.value.as_str())
                    .is_some_and(|rest| rest.starts_with('T'))
                && cx.analysis.token_at_or_after(c.span.start) <= end + 1
        });
        let (ev, tx) = (Endpoint::Event(i), Endpoint::Timex(clock.map_or(j, |(k, _)| k)));
        let tok = cx.analysis.token_at_or_after(t.span.start);
        // "A month after ...", "in the last 24 hours": the metric rules read these.
        let in_metric = (tok.saturating_sub(3)..tok + 1)
            .filter_map(|k| signals::metric_at(cx.words, cx.text, cx.analysis, k))
            .any(|m| m.span.overlaps(&t.span));
        if in_metric {
            continue;
        }
        let (made, evidence) = signal_relation(cx, t);
        let evidence = clock.map_or(evidence, |(_, c)| cover(evidence, c.span));
        out.push(match made {
            Some((rel, id)) => rule(ev, tx, rel, None, id, evidence),
            None => learned(cx, ev, tx, model, "link/timex-model", evidence),
        });
    }
    out
}
