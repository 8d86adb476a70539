//! Temporal relations (TLINKs) between events, timexes and the document creation time.
//!
//! | text (DCT 2014-12-18)                                                 | link                                              | rule                 |
//! |-----------------------------------------------------------------------|---------------------------------------------------|----------------------|
//! | `A month after attackers hacked ..., information is still leaking`    | hacked BEFORE DCT, 25..35 days                    | `link/metric-after`  |
//! | `Earlier this week, hacker threats against Sony escalated`            | escalated IS_INCLUDED `this week`                 | `link/timex-anchor`  |
//! | `Sony said ...` (past tense)                                          | said BEFORE DCT                                   | `link/dct-tense`     |
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

pub mod facts;
pub mod features;
mod learned_aquaint;
mod learned_timebank;
pub mod model;
pub mod signals;

use crate::relation::RelType;
use crate::text::Span;
use serde::Serialize;

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
    /// Rule id, e.g. `link/signal-after` or `link/model-d3`.
    pub rule: &'static str,
    /// The signal, phrase or clause that justifies the link.
    pub evidence: Span,
}

/// Rule ids of the learned tables, by template (`link/model-d3` = event–DCT, key level 3).
static MODEL_RULES: &[&str] = &[
    "link/model-d0",
    "link/model-d1",
    "link/model-d2",
    "link/model-d3",
    "link/model-d4",
    "link/model-d5",
    "link/model-d6",
    "link/model-t0",
    "link/model-t1",
    "link/model-t2",
    "link/model-t3",
    "link/model-t4",
    "link/model-t5",
    "link/model-t6",
    "link/model-s0",
    "link/model-s1",
    "link/model-s2",
    "link/model-s3",
    "link/model-s4",
    "link/model-s5",
    "link/model-s6",
    "link/model-s7",
    "link/model-n0",
    "link/model-n1",
    "link/model-n2",
    "link/model-n3",
    "link/model-n4",
    "link/model-n5",
    "link/model-n6",
    "link/model-x0",
    "link/model-x2",
    "link/model-x3",
];

fn model_rule(key: &str) -> &'static str {
    let template = key.split(':').next().unwrap_or("");
    MODEL_RULES
        .iter()
        .find(|r| r.strip_prefix("link/model-") == Some(template))
        .copied()
        .unwrap_or("link/model")
}

/// Label the pair `x REL y` (C-relation-only: the pair is given). Timex–timex pairs with
/// calendar values are compared directly; everything else goes to the learned table.
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
        _ => {
            let (r, t) = model.classify(&p);
            (r, model_rule(&t))
        }
    };
    (if p.swapped { rel.inverse() } else { rel }, rule)
}
