//! Temporal relations (TLINKs) between events, timexes and the document creation time.
//!
//! | text (DCT 2014-12-18)                                                 | link                                              | rule                 |
//! |-----------------------------------------------------------------------|---------------------------------------------------|----------------------|
//! | `A month after attackers hacked ..., information is still leaking`    | hacked BEFORE DCT, 25..35 days                    | `link/metric-after`  |
//! | `Earlier this week, hacker threats against Sony escalated`            | escalated IS_INCLUDED `Earlier this week`         | `link/timex-anchor`  |
//! | `Sony said ...` (past tense)                                          | said BEFORE DCT                                   | `link/dct-model`     |
//! | `... pulled the film after theaters balked`                           | pulled AFTER balked                               | `link/signal-after`  |
//!
//! Pairs are those TempEval-3 annotates: event–DCT, event–timex in one sentence, event–event
//! in one sentence, and the main events of consecutive sentences. Each link carries the id of
//! the rule that made it and the span of text that justifies it. Explicit signals and metric
//! phrases are rules ([`signals`]); where no signal decides, the relation comes from a table
//! learned from TimeBank ([`model`]), keyed by tense, aspect, class and the like
//! ([`features`]).
//!
//! # Grammar
//!
//! `Tlink { from, to, rel, distance }` reads "`from` `rel` `to`", and `distance = (lo, hi)`
//! bounds start(`to`) − start(`from`) in days.

pub mod choose;
pub mod closure;
#[cfg(test)]
mod closure_reference;
pub mod facts;
pub mod features;
pub mod model;
pub mod rules;
pub mod signals;
pub mod softmax;
pub mod store;
pub mod timeml;

// The crates below, under the module names the stage's code knows them by (`crate::lang::...`).
use crate as link;
use tempograph_core::format;
use tempograph_events as events;
use tempograph_lang::{self as lang, text};
use tempograph_timex as timex;

use crate::events::Event;
use crate::lang::EventWords;
use crate::text::{Analysis, Span};
use crate::timex::Timex;
use chrono::NaiveDate;
use serde::Serialize;
use tempograph_core::relation::RelType;

pub use facts::{EventFacts, TimexFacts};
pub use features::Context;
pub use model::{Classifier, Model};

/// One end of a link: an index into the document's events or timexes, or the DCT.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Endpoint {
    Event(usize),
    Timex(usize),
    Dct,
}

/// A temporal relation with its evidence: `from rel to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tlink {
    pub from: Endpoint,
    pub to: Endpoint,
    pub rel: RelType,
    /// Allowed values of start(`to`) − start(`from`), in days (`a month after` → 25..35).
    pub distance: Option<(i64, i64)>,
    /// Rule id, e.g. `link/signal-after`, `link/dct-model`.
    pub rule: &'static str,
    /// The signal, phrase or clause that justifies the link.
    pub evidence: Span,
}

/// The rule id of a learned label, by the kind of its key (`d…` event–DCT, `t…` event–timex,
/// `s…` two events in a sentence, `n…` in different sentences, `x…` two timexes).
fn model_rule(key: &str) -> &'static str {
    match key.chars().next() {
        Some('d') => "link/model-dct",
        Some('t') => "link/model-timex",
        Some('s') => "link/model-intra",
        Some('n') => "link/model-sentences",
        Some('x') => "link/model-timexes",
        _ => "link/model",
    }
}

/// Label the pair `x REL y` (C-relation-only: the pair is given). Timex–timex pairs with
/// calendar values are compared directly (`link/timex-values`), event–DCT pairs whose tense
/// decides go by [`rules::dct::tense_relation`] (`link/dct-tense`), event–timex pairs whose
/// introducing word decides by [`rules::timex::signal_relation`] (`link/timex-…`), two events
/// with the same stem are taken as the same event told twice (`link/coreference`,
/// SIMULTANEOUS: a pair someone chose to relate is likely coreferent; [`link`] does not make
/// such pairs itself, since "said … said" are usually two events); everything else goes to
/// the learned table (`link/model-…`).
pub fn classify(cx: &Context, x: Endpoint, y: Endpoint, model: &dyn Classifier) -> (RelType, &'static str) {
    let p = features::pair(cx, x, y);
    let (rel, rule) = match p.kind {
        features::PairKind::TimexTimex => {
            let val = |e: Endpoint| match e {
                Endpoint::Timex(i) => cx.timexes[i].value.clone(),
                _ => cx.dct.map(|d| d.to_string()).unwrap_or_default(),
            };
            match features::compare_ranges(&val(p.a), &val(p.b)) {
                Some(r) => (r, "link/timex-values"),
                None => {
                    let (r, t) = model.classify(&p);
                    (r, model_rule(&t))
                }
            }
        }
        features::PairKind::EventEventOther | features::PairKind::EventEventSame
            if matches!((p.a, p.b), (Endpoint::Event(i), Endpoint::Event(j))
                    if features::same_stem(cx.events[i].span.slice(cx.text), cx.events[j].span.slice(cx.text))) =>
        {
            (RelType::Simultaneous, "link/coreference")
        }
        features::PairKind::EventTimex => {
            let by_signal = match p.b {
                Endpoint::Timex(j) => rules::timex::signal_relation(cx, &cx.timexes[j]).0,
                _ => None,
            };
            match by_signal {
                Some((r, id)) => (r, id),
                None => {
                    let (r, t) = model.classify(&p);
                    (r, model_rule(&t))
                }
            }
        }
        features::PairKind::EventDct => {
            let tense = match p.a {
                Endpoint::Event(i) => rules::dct::tense_relation(&cx.events[i]),
                _ => None,
            };
            match tense {
                Some(r) => (r, "link/dct-tense"),
                None => {
                    let (r, t) = model.classify(&p);
                    (r, model_rule(&t))
                }
            }
        }
        _ => {
            let (r, t) = model.classify(&p);
            (r, model_rule(&t))
        }
    };
    (if p.swapped { rel.inverse() } else { rel }, rule)
}

/// The relation stage's view of extracted events.
pub fn event_facts(events: &[Event]) -> Vec<EventFacts> {
    events
        .iter()
        .map(|e| EventFacts {
            span: e.span,
            sentence: e.sentence,
            class: e.class.as_str().to_string(),
            tense: e.tense.as_str().to_string(),
            aspect: e.aspect.as_str().to_string(),
            pos: e.pos.as_str().to_string(),
            polarity: e.polarity.as_str().to_string(),
            modality: e.modality.clone(),
        })
        .collect()
}

/// The relation stage's view of tagged timexes.
pub fn timex_facts(timexes: &[Timex], analysis: &Analysis) -> Vec<TimexFacts> {
    timexes
        .iter()
        .map(|t| TimexFacts {
            span: t.span,
            sentence: analysis.sentence_at(t.span.start),
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
        })
        .collect()
}

/// Find the temporal relations of a document with the default table ([`Model::TimeBank`]):
/// finite events to the DCT, events to the nearest timex of their sentence, neighbouring
/// events of a sentence, fronted "After ...," clauses to their main clause, and main events
/// of consecutive sentences when a signal ("Then", "Two days later,") orders them. The links
/// never contradict each other: rule-made links go first, then learned ones by confidence,
/// each taking its best label that fits.
/// The text is English; [`link_in`] takes the words of another language.
pub fn link(text: &str, analysis: &Analysis, dct: NaiveDate, timexes: &[Timex], events: &[Event]) -> Vec<Tlink> {
    link_in(EventWords::english(), text, analysis, dct, timexes, events)
}

/// [`link`] with the words of a language (its signals and metric phrases).
pub fn link_in(
    words: &EventWords,
    text: &str,
    analysis: &Analysis,
    dct: NaiveDate,
    timexes: &[Timex],
    events: &[Event],
) -> Vec<Tlink> {
    in_context(words, text, analysis, dct, timexes, events, |cx| {
        link_with(cx, &Model::default())
    })
}

/// Run `f` on the linking context of one document (the facts of its events and timexes).
fn in_context<T>(
    words: &EventWords,
    text: &str,
    analysis: &Analysis,
    dct: NaiveDate,
    timexes: &[Timex],
    events: &[Event],
    f: impl FnOnce(&Context) -> T,
) -> T {
    let ev = event_facts(events);
    let tx = timex_facts(timexes, analysis);
    f(&Context {
        text,
        analysis,
        dct: Some(dct),
        events: &ev,
        timexes: &tx,
        sorted: crate::link::features::in_sentence_order(&tx),
        words,
    })
}

/// The links TimeML output (`timeml annotate`) writes: the pairs TempEval-3 annotators would
/// likely relate, with the relation most likely right, as the committed pair chooser
/// ([`choose`], trained on TBAQ) estimates, keeping those at or above [`choose::THRESHOLD`].
/// Unlike [`link`] it leaves out pairs whose label is a guess more often than not and adds
/// learned links (e.g. between main events of consecutive sentences) that [`link`] would make
/// only with a signal; the timeline pipeline keeps using [`link`].
pub fn tempeval(text: &str, analysis: &Analysis, dct: NaiveDate, timexes: &[Timex], events: &[Event]) -> Vec<Tlink> {
    in_context(EventWords::english(), text, analysis, dct, timexes, events, |cx| {
        choose::links(cx, &choose::Committed, choose::THRESHOLD)
    })
}

/// [`link`] over any entities (e.g. gold ones) with any classifier.
pub fn link_with(cx: &Context, model: &dyn Classifier) -> Vec<Tlink> {
    // Among rules, earlier candidates win a pair: the specific ones (metric phrases, signals)
    // come before the tense rules for the DCT.
    let mut cands = rules::intra::candidates(cx, model);
    cands.extend(rules::consecutive::candidates(cx));
    cands.extend(rules::timex::candidates(cx, model));
    cands.extend(rules::dct::candidates(cx, model));
    select(cands, calendar_graph(cx))
}

/// The dated endpoints of a document: each DATE/TIME timex with a calendar value, then the
/// DCT, with their values.
fn dated(cx: &Context) -> Vec<(Endpoint, String)> {
    let mut dated: Vec<(Endpoint, String)> = cx
        .timexes
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == "DATE" || t.kind == "TIME")
        .map(|(j, t)| (Endpoint::Timex(j), t.value.clone()))
        .collect();
    if let Some(d) = cx.dct {
        dated.push((Endpoint::Dct, d.to_string()));
    }
    dated
}

/// What the timexes' values say about each other and the DCT (`t2 BEFORE dct`, `t1 INCLUDES
/// t3`), as a point graph every chosen link must agree with, so that an event is never put
/// inside both the DCT and next week. It implies exactly what adding
/// [`features::compare_ranges`] of every pair of dated endpoints would (see
/// [`closure::PointGraph::calendar`]), in O(n log n) rather than n² pairs.
pub(crate) fn calendar_graph(cx: &Context) -> closure::PointGraph {
    let days: Vec<(String, i64, i64, bool)> = dated(cx)
        .into_iter()
        .filter_map(|(e, v)| {
            let r = tempograph_core::value::date_range(&v)?;
            let day = |d: NaiveDate| i64::from(chrono::Datelike::num_days_from_ce(&d));
            Some((
                key(e),
                day(r.earliest),
                day(r.latest),
                r.precision == tempograph_core::value::Precision::Time,
            ))
        })
        .collect();
    closure::PointGraph::calendar(&days)
}

/// The calendar relations between dated endpoints of one sentence, and between each dated
/// timex and the DCT: `(a, rel, b)` with `a` before `b` in text order (the DCT last).
pub(crate) fn calendar_local(cx: &Context) -> Vec<(Endpoint, RelType, Endpoint)> {
    let dated = dated(cx);
    let sentence = |e: Endpoint| match e {
        Endpoint::Timex(j) => Some(cx.timexes[j].sentence),
        Endpoint::Event(_) | Endpoint::Dct => None,
    };
    let mut out = Vec::new();
    for (k, (a, va)) in dated.iter().enumerate() {
        // Timexes are in text order: the same sentence is a run.
        for (b, vb) in dated[k + 1..]
            .iter()
            .take_while(|(b, _)| sentence(*b) == sentence(*a))
            .chain(dated.last().filter(|(b, _)| *b == Endpoint::Dct && *a != Endpoint::Dct))
        {
            if let Some(rel) = features::compare_ranges(va, vb) {
                out.push((*a, rel, *b));
            }
        }
    }
    out
}

fn key(e: Endpoint) -> String {
    match e {
        Endpoint::Event(i) => format!("e{i}"),
        Endpoint::Timex(i) => format!("t{i}"),
        Endpoint::Dct => "dct".to_string(),
    }
}

/// A consistent subset: strongest first (rules, then learned labels by margin, ties in
/// input order), each candidate taking its first label that agrees with `g` (the
/// calendar) and the links chosen so far; a candidate none of whose labels fit is dropped. Output is
/// sorted by (from, to).
fn select(mut cands: Vec<rules::Candidate>, mut g: closure::PointGraph) -> Vec<Tlink> {
    use rules::Strength;
    let rank = |s: Strength| match s {
        Strength::Rule => f64::INFINITY,
        Strength::Model(m) => m,
    };
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&a, &b| {
        rank(cands[b].strength)
            .total_cmp(&rank(cands[a].strength))
            .then(a.cmp(&b))
    });
    let mut seen: std::collections::BTreeSet<(Endpoint, Endpoint)> = Default::default();
    let mut out = Vec::new();
    for i in order {
        let c = &mut cands[i];
        let (f, t) = (c.link.from, c.link.to);
        if f == t || !seen.insert((f.min(t), f.max(t))) {
            continue;
        }
        let labels: Vec<RelType> = std::iter::once(c.link.rel).chain(c.fallback.iter().copied()).collect();
        for rel in labels {
            // `add` leaves the graph as it was when the link is violated.
            if g.add(&key(f), rel, &key(t)) != closure::Added::Violated {
                let mut l = c.link.clone();
                if rel != l.rel {
                    l.distance = None;
                }
                l.rel = rel;
                out.push(l);
                break;
            }
        }
    }
    out.sort_by_key(|l| (l.from, l.to));
    out
}
