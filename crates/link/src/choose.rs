//! Which pairs TimeML output links, and how: a learned estimate of the chance that an
//! annotator would relate a pair **and** with which relation, so that only links likely to be
//! right are written (TempEval-3 Task ABC, temporal awareness).
//!
//! | candidate pair (TE3's pair types)                      | e.g. features                              |
//! |--------------------------------------------------------|--------------------------------------------|
//! | every event – DCT                                      | `Ld:main`, `Ld:VERB/PAST/main`, `d3:PAST/NONE/OCCURRENCE` |
//! | event – every timex of its sentence                    | `Lt:rank=0/0`, `Lt:evbetween=0`, `t3:on/DATE/et` |
//! | events of a sentence at most 3 events apart            | `Ls:evdist=1`, `Ls:comma`, `s1:after`      |
//! | main events of consecutive sentences                   | `Ln:main/main`                             |
//! | same-stem events at most 6 sentences apart             | `n:samestem`                               |
//! | timex – timex of a sentence, dated timex – DCT         | `x3:DATE/DCT/BEFORE`                       |
//! | pairs a signal rule relates ([`super::rules`])         | `R:link/signal-after/BEFORE`               |
//!
//! A softmax model ([`super::softmax`]) gives each pair a probability for each of the 11
//! relations and for NONE (annotators did not link it). Pairs are taken from the most
//! probable down; each takes its most probable relation that does not contradict the links
//! already taken and the calendar order of the timexes, and only while that probability is at
//! least the threshold. Adding a link with chance `p` of being right raises F1 exactly when
//! `p` is above about half the F1 reached, so the threshold is a precision/recall dial
//! ([`THRESHOLD`], chosen by cross-validation on TBAQ, see docs/RELATIONS.md).
//!
//! # Grammar
//!
//! ```text
//! feature := pair-key | pair-atom            (see super::features)
//!          | "L" kind ":" name ("=" value)?   (which-pair facts: rank, distance, main event)
//!          | "R:" rule-id ("/" relation)?     (a signal rule's verdict, canonical order)
//! label   := one of super::model::LABELS | NONE (index 11)
//! ```

use super::closure::Added;
#[cfg(test)]
use super::closure::PointGraph;
use super::features::{self, Context, PairKind};
use super::model::{train_label, Model, LABELS};
use super::rules::consecutive::MainEvent::FirstFinite;
use super::rules::{self, Strength};
use super::softmax;
use super::{Endpoint, Tlink};
use crate::text::Span;
use std::collections::{BTreeMap, BTreeSet};
use tempograph_core::relation::RelType;

/// Index of the NONE label (after [`LABELS`]).
pub const NONE: usize = 11;

/// Number of labels: the 11 relations and NONE.
pub const N_LABELS: usize = 12;

/// Emit a link only when its estimated chance of being right is at least this.
pub const THRESHOLD: f64 = 0.1;

/// A signal or tense rule's relation is taken as right whenever the pair is linked.
pub const TRUST_RULES: bool = true;

/// Same-stem events at most this many sentences apart are candidates.
pub const COREF_SENTENCES: usize = 6;

/// Gives label probabilities ([`LABELS`] order, then NONE) for a pair's features: the stored
/// table ([`Committed`]), or a model the training crate (`train/`) trains in memory.
pub trait Scorer {
    fn probs(&self, feats: &[String]) -> Vec<f64>;
}

/// The stored chooser (`models/en/link/choose/`), trained on all of TBAQ (by
/// `tempograph-train models`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Committed;

impl Scorer for Committed {
    fn probs(&self, feats: &[String]) -> Vec<f64> {
        softmax::table_probs(super::store::chooser_table(), feats)
    }
}

/// A rule's verdict on a pair: relation (in the pair's `from → to` order), the rule's link.
type Hints = BTreeMap<(Endpoint, Endpoint), Tlink>;

/// The signal/metric/tense rules' links, keyed by unordered pair (the first rule wins).
fn rule_hints(cx: &Context) -> Hints {
    let model = Model::default();
    let mut cands = rules::intra::candidates(cx, &model);
    cands.extend(rules::consecutive::candidates(cx));
    cands.extend(rules::timex::candidates(cx, &model));
    cands.extend(rules::dct::candidates(cx, &model));
    let mut out = Hints::new();
    for c in cands {
        if c.strength != Strength::Rule {
            continue;
        }
        let (f, t) = (c.link.from, c.link.to);
        if f == t {
            continue;
        }
        out.entry((f.min(t), f.max(t))).or_insert(c.link);
    }
    // What the timex values say about each other and the DCT, as the verdict on the
    // timex–timex pairs of a sentence and the timex–DCT pairs (CV 34.79 → 34.99; every dated
    // pair of the document as a candidate: 35.75, but cross-corpus TimeBank 25.15 → 24.27).
    let sentence = |e: Endpoint| match e {
        Endpoint::Timex(j) => Some(cx.timexes[j].sentence),
        _ => None,
    };
    for (a, rel, b) in super::calendar_local(cx) {
        if let (Some(x), Some(y)) = (sentence(a), sentence(b)) {
            if x != y {
                continue;
            }
        }
        out.entry((a.min(b), a.max(b))).or_insert(Tlink {
            from: a,
            to: b,
            rel,
            distance: None,
            rule: "link/calendar",
            evidence: match (a, b) {
                (Endpoint::Dct, x) | (x, Endpoint::Dct) => rules::span_of(cx, x),
                (x, y) => rules::cover(rules::span_of(cx, x), rules::span_of(cx, y)),
            },
        });
    }
    out
}

/// The candidate pairs of a document (unordered, as `(min, max)`), in a fixed order.
pub fn candidate_pairs(cx: &Context) -> Vec<(Endpoint, Endpoint)> {
    let mut set: BTreeSet<(Endpoint, Endpoint)> = BTreeSet::new();
    let mut add = |a: Endpoint, b: Endpoint| {
        if a != b {
            set.insert((a.min(b), a.max(b)));
        }
    };
    let by = rules::events_by_sentence(cx);
    for i in 0..cx.events.len() {
        add(Endpoint::Event(i), Endpoint::Dct);
    }
    for (i, e) in cx.events.iter().enumerate() {
        for (j, t) in cx.timexes.iter().enumerate() {
            if t.sentence == e.sentence {
                add(Endpoint::Event(i), Endpoint::Timex(j));
            }
        }
    }
    for evs in &by {
        for (k, &a) in evs.iter().enumerate() {
            for &b in evs.iter().skip(k + 1).take(3) {
                add(Endpoint::Event(a), Endpoint::Event(b));
            }
        }
    }
    // Main events in the first-finite-verb sense, not the quote-aware one: pairing the
    // reporting verbs of quote-initial sentences instead lowered Task ABC 5-fold CV 35.33 →
    // 35.13, and adding them as well to 35.13 (#4).
    for s in 0..by.len().saturating_sub(1) {
        if let (Some(a), Some(b)) = (
            rules::consecutive::main_event(cx, &by[s], FirstFinite),
            rules::consecutive::main_event(cx, &by[s + 1], FirstFinite),
        ) {
            add(Endpoint::Event(a), Endpoint::Event(b));
        }
    }
    // The same predicate told again within a few sentences (TimeBank links such mentions
    // IDENTITY); measured: Task ABC 5-fold CV 33.99 → 34.45 (6 sentences), 34.30 (40).
    for i in 0..cx.events.len() {
        for j in i + 1..cx.events.len() {
            let (e, f) = (&cx.events[i], &cx.events[j]);
            if e.sentence != f.sentence
                && f.sentence.abs_diff(e.sentence) <= COREF_SENTENCES
                && features::same_stem(e.span.slice(cx.text), f.span.slice(cx.text))
            {
                add(Endpoint::Event(i), Endpoint::Event(j));
            }
        }
    }
    for (j, t) in cx.timexes.iter().enumerate() {
        if t.kind == "DATE" || t.kind == "TIME" {
            add(Endpoint::Timex(j), Endpoint::Dct);
        }
        for (k, u) in cx.timexes.iter().enumerate().skip(j + 1) {
            if u.sentence == t.sentence {
                add(Endpoint::Timex(j), Endpoint::Timex(k));
            }
        }
    }
    set.into_iter().collect()
}

/// Whether an event is its sentence's main event: a chooser feature value, spelled by
/// [`Clause::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Clause {
    Main,
    Sub,
}

impl Clause {
    fn as_str(self) -> &'static str {
        match self {
            Clause::Main => "main",
            Clause::Sub => "sub",
        }
    }
}

/// The event of the sentence that precedes and governs an event: a chooser feature value,
/// spelled by [`Governor::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Governor {
    /// A REPORTING event.
    Reporting,
    /// An I_ACTION or I_STATE event (and no REPORTING one).
    Intensional,
    /// Neither.
    None,
}

impl Governor {
    fn as_str(self) -> &'static str {
        match self {
            Governor::Reporting => "rep",
            Governor::Intensional => "intens",
            Governor::None => "-",
        }
    }
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    }
}

/// Facts about where the pair sits that bear on whether annotators linked it.
struct Where<'a> {
    cx: &'a Context<'a>,
    by: Vec<Vec<usize>>,
    main: Vec<Option<usize>>,
}

impl<'a> Where<'a> {
    fn new(cx: &'a Context<'a>) -> Where<'a> {
        let by = rules::events_by_sentence(cx);
        // First-finite-verb main events: the quote-aware ones as the `main` tag measured
        // Task ABC 5-fold CV 35.33 → 35.18, and as a third tag `rmain` 35.30 (#4).
        let main = by
            .iter()
            .map(|evs| rules::consecutive::main_event(cx, evs, FirstFinite))
            .collect();
        Where { cx, by, main }
    }

    fn is_main(&self, i: usize) -> bool {
        let s = self.cx.events[i].sentence;
        self.main.get(s).copied().flatten() == Some(i)
    }

    fn main_tag(&self, i: usize) -> &'static str {
        if self.is_main(i) {
            Clause::Main.as_str()
        } else {
            Clause::Sub.as_str()
        }
    }

    /// Position of event `i` among its sentence's events.
    fn position(&self, i: usize) -> usize {
        let s = self.cx.events[i].sentence;
        self.by.get(s).and_then(|v| v.iter().position(|&x| x == i)).unwrap_or(0)
    }

    fn sentence_pos(&self, s: usize) -> &'static str {
        match s {
            0 => "s0",
            1 => "s1",
            2..=4 => "s2-4",
            _ => "s5+",
        }
    }

    /// The tokens between two spans, whichever comes first.
    fn gap(&self, a: Span, b: Span) -> std::ops::Range<usize> {
        let (lo, hi) = if a.start <= b.start {
            (a.end, b.start)
        } else {
            (b.end, a.start)
        };
        self.cx.analysis.token_at_or_after(lo)..self.cx.analysis.token_at_or_after(hi)
    }

    fn tokens_between(&self, a: Span, b: Span) -> usize {
        self.gap(a, b).len()
    }

    fn has_comma_between(&self, a: Span, b: Span) -> bool {
        self.gap(a, b)
            .any(|k| matches!(self.cx.analysis.tokens[k].text(self.cx.text), "," | ";" | ":"))
    }

    /// Whether a REPORTING or I_STATE/I_ACTION event of the sentence precedes event `i`.
    fn governed(&self, i: usize) -> &'static str {
        let e = &self.cx.events[i];
        let s = e.sentence;
        let prev = self
            .by
            .get(s)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| j != i && self.cx.events[j].span.start < e.span.start);
        let mut out = Governor::None;
        for j in prev {
            match self.cx.events[j].class.as_str() {
                "REPORTING" => out = Governor::Reporting,
                "I_ACTION" | "I_STATE" if out == Governor::None => out = Governor::Intensional,
                _ => {}
            }
        }
        out.as_str()
    }

    fn atoms(&self, p: &features::Pair, out: &mut Vec<String>) {
        let cx = self.cx;
        match (p.kind, p.a, p.b) {
            (PairKind::EventDct, Endpoint::Event(i), _) => {
                let e = &cx.events[i];
                let m = self.main_tag(i);
                let hastx = cx.timexes.iter().any(|t| t.sentence == e.sentence);
                out.push(format!("Ld:{m}"));
                out.push(format!("Ld:{m}/{}/{}", e.pos, e.tense));
                out.push(format!("Ld:{m}/{}/{}", e.class, e.tense));
                out.push(format!("Ld:gov={}/{}", self.governed(i), e.tense));
                out.push(format!("Ld:{}/{}", self.sentence_pos(e.sentence), m));
                out.push(format!("Ld:tx={hastx}/{}", e.pos));
                out.push(format!("Ld:pos{}/{}", bucket(self.position(i)), e.pos));
            }
            (PairKind::EventTimex, Endpoint::Event(i), Endpoint::Timex(j)) => {
                let (e, t) = (&cx.events[i], &cx.timexes[j]);
                // Rank of the timex among the event's sentence timexes by distance, and of the
                // event among the events nearest to the timex.
                let rank_t = cx
                    .timexes
                    .iter()
                    .filter(|u| {
                        u.sentence == e.sentence
                            && u.span.start.abs_diff(e.span.start) < t.span.start.abs_diff(e.span.start)
                    })
                    .count();
                let rank_e = cx
                    .events
                    .iter()
                    .filter(|f| {
                        f.sentence == t.sentence
                            && f.span.start.abs_diff(t.span.start) < e.span.start.abs_diff(t.span.start)
                    })
                    .count();
                let (lo, hi) = if e.span.start < t.span.start {
                    (e.span.end, t.span.start)
                } else {
                    (t.span.end, e.span.start)
                };
                let between = cx
                    .events
                    .iter()
                    .filter(|f| f.span.start >= lo && f.span.end <= hi)
                    .count();
                let order = features::Order::of(t.span.start, e.span.start);
                // Gold pairs in training can be in different sentences.
                let ds = e.sentence.abs_diff(t.sentence);
                if ds > 0 {
                    out.push(format!("Lt:sdist={}", bucket(ds)));
                    out.push(format!("Lt:sdist={}/{}/{}", bucket(ds), self.main_tag(i), t.kind));
                    out.push(format!("Lt:sdist={}/rank={}", bucket(ds), bucket(self.position(i))));
                }
                out.push(format!("Lt:rank={}/{}", bucket(rank_t), bucket(rank_e)));
                out.push(format!("Lt:rank={}/{}/{}", bucket(rank_t), bucket(rank_e), e.pos));
                out.push(format!("Lt:evbetween={}", bucket(between)));
                out.push(format!("Lt:evbetween={}/{order}", bucket(between)));
                out.push(format!("Lt:tok={}", bucket(self.tokens_between(e.span, t.span))));
                out.push(format!("Lt:{}/{}/{}", self.main_tag(i), e.pos, t.kind));
                out.push(format!("Lt:comma={}/{order}", self.has_comma_between(e.span, t.span)));
            }
            (PairKind::EventEventSame, Endpoint::Event(i), Endpoint::Event(j)) => {
                let (e1, e2) = (&cx.events[i], &cx.events[j]);
                let d = self.position(j).abs_diff(self.position(i));
                let comma = self.has_comma_between(e1.span, e2.span);
                out.push(format!("Ls:evdist={}", bucket(d)));
                out.push(format!("Ls:evdist={}/{}/{}", bucket(d), e1.pos, e2.pos));
                out.push(format!("Ls:evdist={}/{}/{}", bucket(d), e1.class, e2.class));
                out.push(format!("Ls:tok={}", bucket(self.tokens_between(e1.span, e2.span))));
                out.push(format!("Ls:comma={comma}/{}", bucket(d)));
                out.push(format!("Ls:{}/{}", self.main_tag(i), self.main_tag(j)));
                out.push(format!("Ls:{}/{}/{}", self.main_tag(i), self.main_tag(j), bucket(d)));
            }
            (PairKind::EventEventOther, Endpoint::Event(i), Endpoint::Event(j)) => {
                let (e1, e2) = (&cx.events[i], &cx.events[j]);
                let ds = e2.sentence.abs_diff(e1.sentence);
                out.push(format!("Ln:sdist={}", bucket(ds)));
                out.push(format!("Ln:{}/{}/{}", self.main_tag(i), self.main_tag(j), bucket(ds)));
                out.push(format!("Ln:{}/{}", e1.pos, e2.pos));
                out.push(format!(
                    "Ln:pos={}/{}",
                    bucket(self.position(i)),
                    bucket(self.position(j))
                ));
                out.push(format!(
                    "Ln:{}/{}/{}/{}",
                    self.main_tag(i),
                    self.main_tag(j),
                    e1.pos,
                    e2.pos
                ));
            }
            (PairKind::TimexTimex, a, b) => {
                let dct = a == Endpoint::Dct || b == Endpoint::Dct;
                out.push(format!("Lx:dct={dct}"));
                let kind = |e: Endpoint| match e {
                    Endpoint::Timex(j) => cx.timexes[j].kind.as_str(),
                    _ => "DCT",
                };
                out.push(format!("Lx:{}/{}", kind(a), kind(b)));
                if let (Endpoint::Timex(x), Endpoint::Timex(y)) = (a, b) {
                    let (s, t) = (cx.timexes[x].span, cx.timexes[y].span);
                    let ds = cx.timexes[y].sentence.abs_diff(cx.timexes[x].sentence);
                    if ds == 0 {
                        out.push(format!("Lx:tok={}", bucket(self.tokens_between(s, t))));
                    }
                    let dated = |k: &str| k == "DATE" || k == "TIME";
                    let between = cx
                        .timexes
                        .iter()
                        .filter(|u| {
                            dated(&u.kind) && u.span.start > s.start.min(t.start) && u.span.start < s.start.max(t.start)
                        })
                        .count();
                    out.push(format!("Lx:sdist={}", bucket(ds)));
                    out.push(format!("Lx:between={}", bucket(between)));
                    out.push(format!("Lx:sdist={}/between={}", bucket(ds), bucket(between)));
                    out.push(format!("Lx:{}/{}/sdist={}", kind(a), kind(b), bucket(ds)));
                } else {
                    let x = match (a, b) {
                        (Endpoint::Timex(x), _) | (_, Endpoint::Timex(x)) => x,
                        _ => 0,
                    };
                    if let Some(t) = cx.timexes.get(x) {
                        out.push(format!("Lx:dct/{}", self.sentence_pos(t.sentence)));
                    }
                }
            }
            _ => {}
        }
    }
}

/// The features of pair `(x, y)` with the rule verdict `hint` (its relation in `x → y`
/// order), and the canonical pair.
fn pair_features(
    w: &Where,
    x: Endpoint,
    y: Endpoint,
    hint: Option<(&'static str, RelType)>,
) -> (features::Pair, Vec<String>) {
    let p = features::pair(w.cx, x, y);
    let mut f: Vec<String> = p.keys.iter().chain(&p.atoms).cloned().collect();
    w.atoms(&p, &mut f);
    if let Some((id, rel)) = hint {
        let rel = if p.swapped { rel.inverse() } else { rel };
        let rel = train_label(rel).unwrap_or(rel);
        f.push(format!("R:{id}"));
        f.push(format!("R:{id}/{rel}"));
    }
    (p, f)
}

fn hint_of(hints: &Hints, a: Endpoint, b: Endpoint) -> Option<(&'static str, RelType)> {
    let l = hints.get(&(a.min(b), a.max(b)))?;
    // The hint's relation in `a → b` order.
    Some((l.rule, if l.from == a { l.rel } else { l.rel.inverse() }))
}

/// Training examples of one document: every candidate pair and every gold pair, with its
/// gold label in canonical order (NONE when annotators did not link it). `gold` holds
/// `(from, to, relation)`; VAGUE gold links count as NONE. The training crate (`train/`) fits
/// the chooser on these rows; they are made here, with the same private feature items
/// [`probabilities`] uses at run time (and that the chooser's `feature_hash` covers), so that
/// training and inference cannot drift apart.
pub fn examples(cx: &Context, gold: &[(Endpoint, Endpoint, RelType)]) -> Vec<(Vec<String>, usize)> {
    let hints = rule_hints(cx);
    let w = Where::new(cx);
    let mut labelled: BTreeMap<(Endpoint, Endpoint), (Endpoint, RelType)> = BTreeMap::new();
    for &(a, b, r) in gold {
        if a != b {
            labelled.entry((a.min(b), a.max(b))).or_insert((a, r));
        }
    }
    let mut pairs: BTreeSet<(Endpoint, Endpoint)> = candidate_pairs(cx).into_iter().collect();
    pairs.extend(labelled.keys().copied());
    pairs.extend(hints.keys().copied());
    let mut out = Vec::new();
    for (a, b) in pairs {
        let (p, f) = pair_features(&w, a, b, hint_of(&hints, a, b));
        let y = match labelled.get(&(a, b)) {
            Some(&(from, r)) => {
                // Gold relation in canonical order.
                let r = if from == p.a { r } else { r.inverse() };
                match train_label(r) {
                    Some(l) => LABELS.iter().position(|&x| x == l).unwrap_or(NONE),
                    None => NONE,
                }
            }
            None => NONE,
        };
        out.push((f, y));
    }
    out
}

/// Label probabilities for a pair in `x → y` order (`[LABELS…, NONE]`).
pub fn probabilities(cx: &Context, scorer: &dyn Scorer, x: Endpoint, y: Endpoint) -> Vec<f64> {
    let hints = rule_hints(cx);
    let w = Where::new(cx);
    let (p, f) = pair_features(&w, x, y, hint_of(&hints, x, y));
    let probs = scorer.probs(&f);
    if !p.swapped {
        return probs;
    }
    let mut out = vec![0.0; N_LABELS];
    for (k, &pk) in probs.iter().enumerate() {
        let j = if k == NONE {
            NONE
        } else {
            LABELS.iter().position(|&l| l == LABELS[k].inverse()).unwrap_or(k)
        };
        out[j] = pk;
    }
    out
}

/// A pair ready for selection: its best probability, the canonical pair, and its labels
/// with probabilities, best first.
type Scored = (f64, features::Pair, Vec<(RelType, f64)>);

fn kind_rule(kind: PairKind) -> &'static str {
    match kind {
        PairKind::EventDct => "link/dct-model",
        PairKind::EventTimex => "link/timex-model",
        PairKind::EventEventSame => "link/intra-model",
        PairKind::EventEventOther => "link/sentences-model",
        PairKind::TimexTimex => "link/timexes-model",
    }
}

/// The links TimeML output writes: candidate pairs whose most probable consistent relation
/// has probability ≥ `threshold`, most probable first, never contradicting each other or the
/// timexes' calendar order. A link whose relation agrees with a signal rule keeps that rule's
/// id, evidence and distance; the others are `link/*-model`.
pub fn links(cx: &Context, scorer: &dyn Scorer, threshold: f64) -> Vec<Tlink> {
    let hints = rule_hints(cx);
    let w = Where::new(cx);
    let mut pairs: BTreeSet<(Endpoint, Endpoint)> = candidate_pairs(cx).into_iter().collect();
    pairs.extend(hints.keys().copied());
    // (best probability, pair in canonical order, labels with probabilities best first)
    let mut scored: Vec<Scored> = Vec::new();
    for (a, b) in pairs {
        let (p, f) = pair_features(&w, a, b, hint_of(&hints, a, b));
        let probs = scorer.probs(&f);
        let mut ranked: Vec<(RelType, f64)> = LABELS.iter().copied().zip(probs.iter().copied()).collect();
        ranked.sort_by(|x, y| y.1.total_cmp(&x.1));
        if TRUST_RULES {
            if let Some((_, rel)) = hint_of(&hints, p.a, p.b) {
                let rel = train_label(rel).unwrap_or(rel);
                let linked = 1.0 - probs[NONE];
                ranked.retain(|&(l, _)| l != rel);
                ranked.insert(0, (rel, linked));
            }
        }
        ranked.retain(|&(_, q)| q >= threshold);
        if let Some(&(_, best)) = ranked.first() {
            scored.push((best, p, ranked));
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1.a, x.1.b).cmp(&(y.1.a, y.1.b))));
    let mut g = super::calendar_graph(cx);
    let mut out = Vec::new();
    for (_, p, ranked) in scored {
        for (rel, _) in ranked {
            // `add` leaves the graph as it was when the link is violated.
            if g.add(&super::key(p.a), rel, &super::key(p.b)) == Added::Violated {
                continue;
            }
            let hint = hints.get(&(p.a.min(p.b), p.a.max(p.b)));
            let link = match hint {
                Some(h) if (h.from == p.a && h.rel == rel) || (h.from == p.b && h.rel == rel.inverse()) => h.clone(),
                _ => Tlink {
                    from: p.a,
                    to: p.b,
                    rel,
                    distance: None,
                    rule: kind_rule(p.kind),
                    evidence: match p.b {
                        Endpoint::Dct => rules::span_of(cx, p.a),
                        b => rules::cover(rules::span_of(cx, p.a), rules::span_of(cx, b)),
                    },
                },
            };
            out.push(link);
            break;
        }
    }
    // Most probable first: the scorer reduces in file order, so a less certain link that
    // the surer ones imply is the one left out of the reduced graph.
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Analysis;
    use chrono::NaiveDate;

    const TEXT: &str =
        "Sony canceled the release on Tuesday after theaters balked. The hackers said they would strike again.";

    fn with_cx<R>(f: impl FnOnce(&Context) -> R) -> R {
        let dct = NaiveDate::from_ymd_opt(2014, 12, 18).unwrap();
        let a = Analysis::new(TEXT);
        let timexes = crate::timex::tag(TEXT, &a, dct);
        let events = crate::events::extract(TEXT, &a, &timexes);
        let ev = super::super::event_facts(&events);
        let tx = super::super::timex_facts(&timexes, &a);
        let cx = Context {
            text: TEXT,
            analysis: &a,
            dct: Some(dct),
            events: &ev,
            timexes: &tx,
            sorted: crate::link::features::in_sentence_order(&tx),
            words: crate::lang::EventWords::english(),
        };
        f(&cx)
    }

    #[test]
    fn candidates_follow_the_tempeval_pair_types() {
        with_cx(|cx| {
            let pairs = candidate_pairs(cx);
            for i in 0..cx.events.len() {
                assert!(pairs.contains(&(Endpoint::Event(i), Endpoint::Dct)), "event {i} – DCT");
            }
            // No event is paired with a timex of another sentence.
            for &(a, b) in &pairs {
                if let (Endpoint::Event(i), Endpoint::Timex(j)) = (a, b) {
                    assert_eq!(cx.events[i].sentence, cx.timexes[j].sentence);
                }
            }
        });
    }

    /// A chooser with fixed answers: the given probabilities for the given feature lists,
    /// else "not linked" (NONE 0.95, BEFORE 0.05).
    struct Fixed(BTreeMap<Vec<String>, Vec<f64>>);

    impl Scorer for Fixed {
        fn probs(&self, feats: &[String]) -> Vec<f64> {
            self.0.get(feats).cloned().unwrap_or_else(|| {
                let mut p = vec![0.0; N_LABELS];
                p[0] = 0.05;
                p[NONE] = 0.95;
                p
            })
        }
    }

    #[test]
    fn the_threshold_decides_what_is_written() {
        with_cx(|cx| {
            // A chooser that says "event–DCT pairs are BEFORE (each with its own chance),
            // nothing else is linked".
            let hints = rule_hints(cx);
            let w = Where::new(cx);
            let mut table = BTreeMap::new();
            let pairs = candidate_pairs(cx);
            for (i, &(a, b)) in pairs.iter().enumerate() {
                let (p, f) = pair_features(&w, a, b, hint_of(&hints, a, b));
                if p.kind == PairKind::EventDct {
                    let mut probs = vec![0.0; N_LABELS];
                    probs[0] = 0.5 + 0.4 * i as f64 / pairs.len() as f64;
                    probs[NONE] = 1.0 - probs[0];
                    table.insert(f, probs);
                }
            }
            assert!(table.len() >= 2, "{table:?}");
            let m = Fixed(table);
            let out = links(cx, &m, 0.3);
            assert!(!out.is_empty());
            // Only event–DCT links; BEFORE unless a tense rule says otherwise ("would strike").
            assert!(out.iter().all(|l| l.to == Endpoint::Dct), "{out:?}");
            for l in &out {
                match hint_of(&hints, l.from, l.to) {
                    Some((_, rel)) => assert_eq!(l.rel, rel),
                    None => assert_eq!(l.rel, RelType::Before),
                }
            }
            // The threshold is inclusive: at the highest probability one link is still written
            // (more on ties), just above it none.
            let top = candidate_pairs(cx)
                .into_iter()
                .map(|(a, b)| {
                    let (_, f) = pair_features(&w, a, b, hint_of(&hints, a, b));
                    let p = m.probs(&f);
                    let linked = 1.0 - p[NONE];
                    p[..NONE].iter().copied().fold(0.0, f64::max).max(linked)
                })
                .fold(0.0, f64::max);
            assert!(!links(cx, &m, top).is_empty());
            assert!(links(cx, &m, top + 1e-9).is_empty());
            // Below the least event–DCT chance, every event–DCT pair is written.
            let events = cx.events.len();
            assert_eq!(
                links(cx, &m, 0.5).iter().filter(|l| l.to == Endpoint::Dct).count(),
                events
            );
        });
    }

    #[test]
    fn committed_links_are_consistent_and_deterministic() {
        with_cx(|cx| {
            let a = links(cx, &Committed, THRESHOLD);
            assert_eq!(a, links(cx, &Committed, THRESHOLD));
            let mut g = PointGraph::new();
            for l in &a {
                assert_ne!(
                    g.add(&super::super::key(l.from), l.rel, &super::super::key(l.to)),
                    Added::Violated
                );
            }
        });
    }
}
