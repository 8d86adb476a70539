//! Candidate links by pair type, one file each: [`dct`] (event–DCT and timex–DCT),
//! [`timex`] (event–timex in a sentence), [`intra`] (event–event in a sentence),
//! [`consecutive`] (main events of consecutive sentences).
//!
//! A rule that reads an explicit signal ("after", "a month after", "since Monday") makes a
//! candidate with [`Strength::Rule`]; otherwise the learned table labels the pair and the
//! candidate carries the table's margin ([`Strength::Model`]). [`super::link`] then keeps a
//! consistent subset, strongest first.

pub mod consecutive;
pub mod dct;
pub mod intra;
pub mod timex;

use super::features::{self, Context};
use super::model::Classifier;
use super::{Endpoint, Tlink};
use crate::text::Span;
use tempograph_core::relation::RelType;

/// How sure a candidate is: explicit rules before learned labels, learned labels by margin.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub enum Strength {
    Model(f64),
    Rule,
}

/// A proposed link and the labels to fall back on if it contradicts stronger ones.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub link: Tlink,
    /// Other labels, best first, in the link's `from`→`to` order (empty for rules).
    pub fallback: Vec<RelType>,
    pub strength: Strength,
}

/// Every rule id this module can emit (for coverage tests and documentation).
pub static RULE_IDS: &[&str] = &[
    "link/dct-tense",
    "link/dct-model",
    "link/timex-anchor",
    "link/timex-since",
    "link/timex-until",
    "link/timex-before",
    "link/timex-after",
    "link/timex-for",
    "link/timex-model",
    "link/signal-after",
    "link/signal-before",
    "link/signal-then",
    "link/metric-after",
    "link/metric-before",
    "link/metric-later",
    "link/metric-earlier",
    "link/metric-last",
    "link/intra-model",
];

/// A rule-made candidate.
pub fn rule(
    from: Endpoint,
    to: Endpoint,
    rel: RelType,
    distance: Option<(i64, i64)>,
    rule: &'static str,
    evidence: Span,
) -> Candidate {
    Candidate {
        link: Tlink {
            from,
            to,
            rel,
            distance,
            rule,
            evidence,
        },
        fallback: Vec::new(),
        strength: Strength::Rule,
    }
}

/// A candidate labelled by the learned table.
pub fn learned(
    cx: &Context,
    from: Endpoint,
    to: Endpoint,
    model: &dyn Classifier,
    rule: &'static str,
    evidence: Span,
) -> Candidate {
    let p = features::pair(cx, from, to);
    let ranked = model.ranked(&p);
    let margin = if ranked.len() > 1 {
        ranked[0].1 - ranked[1].1
    } else {
        0.0
    };
    let orient = |r: RelType| if p.swapped { r.inverse() } else { r };
    let (first, _) = model.classify(&p);
    let mut labels = vec![orient(first)];
    for (r, _) in ranked {
        let r = orient(r);
        if !labels.contains(&r) {
            labels.push(r);
        }
    }
    let rel = labels.remove(0);
    Candidate {
        link: Tlink {
            from,
            to,
            rel,
            distance: None,
            rule,
            evidence,
        },
        fallback: labels,
        strength: Strength::Model(margin),
    }
}

/// The span of an endpoint's text (the DCT has none: an empty span at 0).
pub fn span_of(cx: &Context, e: Endpoint) -> Span {
    match e {
        Endpoint::Event(i) => cx.events[i].span,
        Endpoint::Timex(i) => cx.timexes[i].span,
        Endpoint::Dct => Span::new(0, 0),
    }
}

/// The span covering two spans.
pub fn cover(a: Span, b: Span) -> Span {
    Span::new(a.start.min(b.start), a.end.max(b.end))
}

/// Indices of the events of each sentence, in text order.
pub fn events_by_sentence(cx: &Context) -> Vec<Vec<usize>> {
    let mut v = vec![Vec::new(); cx.analysis.sentences.len().max(1)];
    for (i, e) in cx.events.iter().enumerate() {
        if let Some(s) = v.get_mut(e.sentence) {
            s.push(i);
        }
    }
    for s in &mut v {
        s.sort_by_key(|&i| cx.events[i].span.start);
    }
    v
}

/// A finite verb form: the clause's main predicate rather than a noun or an infinitive.
pub fn is_finite(e: &super::EventFacts) -> bool {
    matches!(e.tense.as_str(), "PAST" | "PRESENT" | "FUTURE")
}
