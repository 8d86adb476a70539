//! Event–event links within a sentence: neighbouring events, and the event a fronted
//! subordinate clause ("After ...,") opens with the main clause's event.
//!
//! | text                                                                      | rule                 | link                                   |
//! |---------------------------------------------------------------------------|----------------------|----------------------------------------|
//! | `Sony pulled the film after theaters balked`                              | `link/signal-after`  | pulled AFTER balked                    |
//! | `They talked before the vote`                                             | `link/signal-before` | talked BEFORE vote                     |
//! | `He resigned and then left`                                               | `link/signal-then`   | resigned BEFORE left                   |
//! | `After the raid, police left`                                             | `link/signal-after`  | raid BEFORE left                       |
//! | `A month after attackers hacked ..., information is still leaking`        | `link/metric-after`  | hacked BEFORE leaking; hacked BEFORE DCT, 25..35 days |
//! | `He left two days before the vote`                                        | `link/metric-before` | left BEFORE vote, 2..2 days            |
//! | `... and two days later resigned`                                         | `link/metric-later`  | BEFORE, 2..2 days                      |
//! | `Ten attacks in the last 24 hours`                                        | `link/metric-last`   | attacks BEFORE DCT, 0..1 days          |
//! | no signal                                                                 | `link/intra-model`   | learned                                |

use super::{cover, events_by_sentence, is_finite, learned, rule, Candidate};
use crate::link::features::Context;
use crate::link::model::Classifier;
use crate::link::signals::{self, Metric, MetricWord, Signal, SignalId, SignalKind};
use crate::link::Endpoint;
use crate::text::Span;
use tempograph_core::relation::RelType;

/// Signals that open a subordinate clause and order it.
fn ordering(s: &Signal) -> Option<SignalKind> {
    match s.id {
        SignalId::After | SignalId::Following | SignalId::Since => Some(SignalKind::After),
        SignalId::Before | SignalId::Until => Some(SignalKind::Before),
        SignalId::Then | SignalId::Later => Some(SignalKind::Then),
        _ => None,
    }
}

fn rule_for(kind: SignalKind, metric: bool) -> &'static str {
    match (kind, metric) {
        (SignalKind::After, false) => "link/signal-after",
        (SignalKind::Before, false) => "link/signal-before",
        (SignalKind::After, true) => "link/metric-after",
        (SignalKind::Before, true) => "link/metric-before",
        (_, true) => "link/metric-later",
        _ => "link/signal-then",
    }
}

/// A metric phrase ending right at the signal ("a month" + "after").
fn metric_ending_at(cx: &Context, sig: &Signal) -> Option<Metric> {
    let first = sig.token.saturating_sub(3);
    (first..=sig.token)
        .filter_map(|i| signals::metric_at(cx.words, cx.text, cx.analysis, i))
        .find(|m| m.span.end == sig.span.end)
}

/// `earlier` BEFORE `later`, with the distance when there is one.
fn ordered(earlier: usize, later: usize, m: Option<Metric>, id: &'static str, ev: Span) -> Candidate {
    rule(
        Endpoint::Event(earlier),
        Endpoint::Event(later),
        RelType::Before,
        m.map(|m| m.days),
        id,
        ev,
    )
}

/// Event–event candidates within sentences, and `in the last N units` links to the DCT.
pub fn candidates(cx: &Context, model: &dyn Classifier) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (s, evs) in events_by_sentence(cx).iter().enumerate() {
        let Some(sent) = cx.analysis.sentences.get(s) else {
            continue;
        };
        let mut done: Vec<(usize, usize)> = Vec::new();
        // A fronted clause: "After Y, X" / "A month after Y, X".
        let lead = signals::signals_in(
            cx.words,
            cx.text,
            cx.analysis,
            sent.tokens.start,
            (sent.tokens.start + 4).min(sent.tokens.end),
        )
        .into_iter()
        .find(|g| ordering(g).is_some_and(|k| k != SignalKind::Then));
        if let Some(sig) = lead {
            let kind = ordering(&sig).unwrap_or(SignalKind::After);
            let governed = evs.iter().copied().find(|&i| cx.events[i].span.start >= sig.span.end);
            // The main clause starts after the first comma that follows the governed event.
            let main = governed.and_then(|g| {
                let comma = (cx.analysis.token_at_or_after(cx.events[g].span.end)..sent.tokens.end)
                    .find(|&k| cx.analysis.tokens[k].text(cx.text) == ",")
                    .map(|k| cx.analysis.tokens[k].span.end)?;
                evs.iter()
                    .copied()
                    .filter(|&i| cx.events[i].span.start >= comma)
                    .find(|&i| is_finite(&cx.events[i]))
            });
            if let (Some(g), Some(m)) = (governed, main) {
                let metric = metric_ending_at(cx, &sig);
                let ev = cover(metric.map(|m| m.span).unwrap_or(sig.span), cx.events[g].span);
                let id = rule_for(kind, metric.is_some());
                match kind {
                    SignalKind::Before => out.push(ordered(m, g, metric, id, ev)),
                    _ => out.push(ordered(g, m, metric, id, ev)),
                }
                // "A month after Y, X is still happening": the month runs up to now.
                let present = cx.events[m].tense == "PRESENT" && cx.events[m].aspect != "PERFECTIVE";
                if let (Some(mt), SignalKind::After, true) = (metric, kind, present) {
                    out.push(rule(
                        Endpoint::Event(g),
                        Endpoint::Dct,
                        RelType::Before,
                        Some(mt.days),
                        id,
                        ev,
                    ));
                }
                done.push((g.min(m), g.max(m)));
            }
        }
        // Neighbouring events.
        for w in evs.windows(2) {
            let (a, b) = (w[0], w[1]);
            if done.contains(&(a, b)) {
                continue;
            }
            let (ta, tb) = (
                cx.analysis.token_at_or_after(cx.events[a].span.end),
                cx.analysis.token_at_or_after(cx.events[b].span.start),
            );
            let sig = signals::signals_in(cx.words, cx.text, cx.analysis, ta, tb)
                .into_iter()
                .find(|g| ordering(g).is_some());
            let metric_later = (ta..tb)
                .filter_map(|k| signals::metric_at(cx.words, cx.text, cx.analysis, k))
                .find(|m| m.word == MetricWord::Later);
            let ev_ab = Span::new(cx.events[a].span.start, cx.events[b].span.end);
            let c = if let Some(m) = metric_later {
                ordered(a, b, Some(m), "link/metric-later", m.span)
            } else if let Some(sig) = sig {
                // After a comma the signal opens an adverbial phrase that modifies the
                // clause's verb, not the nearest noun: "Sony canceled the release, following
                // hacker threats" orders the canceling, not the release; so does a metric
                // phrase ("discovered the breach in April, two months after it had upgraded").
                let metric = metric_ending_at(cx, &sig);
                let opens = metric.map_or(sig.token, |m| cx.analysis.token_at_or_after(m.span.start));
                let after_comma = opens > 0 && cx.analysis.tokens[opens - 1].text(cx.text) == ",";
                let a = if after_comma {
                    evs.iter()
                        .copied()
                        .rfind(|&i| cx.events[i].span.end <= cx.events[a].span.end && is_finite(&cx.events[i]))
                        .unwrap_or(a)
                } else {
                    a
                };
                let ev = metric.map(|m| m.span).unwrap_or(sig.span);
                match ordering(&sig) {
                    // "A after B": B came first.
                    Some(SignalKind::After) => ordered(b, a, metric, rule_for(SignalKind::After, metric.is_some()), ev),
                    Some(SignalKind::Before) => {
                        ordered(a, b, metric, rule_for(SignalKind::Before, metric.is_some()), ev)
                    }
                    _ => ordered(a, b, None, "link/signal-then", ev),
                }
            } else {
                learned(
                    cx,
                    Endpoint::Event(a),
                    Endpoint::Event(b),
                    model,
                    "link/intra-model",
                    ev_ab,
                )
            };
            out.push(c);
        }
        // "in the last 24 hours": the nearest event before it (else after it) is recent.
        for k in sent.tokens.clone() {
            let Some(m) = signals::metric_at(cx.words, cx.text, cx.analysis, k).filter(|m| m.word == MetricWord::Last)
            else {
                continue;
            };
            let before = evs
                .iter()
                .rev()
                .copied()
                .find(|&i| cx.events[i].span.end <= m.span.start);
            let after = evs.iter().copied().find(|&i| cx.events[i].span.start >= m.span.end);
            if let Some(e) = before.or(after) {
                out.push(rule(
                    Endpoint::Event(e),
                    Endpoint::Dct,
                    RelType::Before,
                    Some(m.days),
                    "link/metric-last",
                    m.span,
                ));
            }
        }
    }
    out
}
