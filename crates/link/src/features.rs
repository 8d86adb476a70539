//! Features of a pair of endpoints, as lookup keys from specific to general, for the
//! learned relation tables ([`super::model`]).
//!
//! | pair (canonical order)               | kind | most specific key                            |
//! |--------------------------------------|------|----------------------------------------------|
//! | `said` (PAST) – DCT                  | `d`  | `d6:PAST/NONE/REPORTING/VERB/POS/-/-`      |
//! | `met` – `on Tuesday`                 | `t`  | `t6:on/DATE/PAST/OCCURRENCE/et/before/near` |
//! | `left` … `after` … `arrived`         | `s`  | `s6:after/PAST/NONE/OCCURRENCE/PAST/NONE/OCCURRENCE` |
//! | events in different sentences        | `n`  | `n5:-/PAST/NONE/OCCURRENCE/PAST/PERFECTIVE/OCCURRENCE` |
//! | timex – timex or DCT                 | `x`  | `x3:DATE/DCT/BEFORE`                         |
//!
//! Canonical order: event before DCT, event before timex, and two events or two timexes in
//! text order. [`Pair::swapped`] says whether the asked-for order was the reverse (the
//! label is then inverted).
//!
//! # Grammar
//!
//! ```text
//! key := kind level ":" field ("/" field)*     kind := "d" | "t" | "s" | "n" | "x"
//! ```

use super::facts::{EventFacts, TimexFacts};
use super::signals::{self, SignalKind};
use super::Endpoint;
use crate::lang::EventWords;
use crate::text::Analysis;
use chrono::NaiveDate;
use tempograph_core::relation::RelType;
use tempograph_core::value::{self, Precision};

/// A pair's type (TE3's pair types, plus timex–timex).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PairKind {
    /// Event – document creation time.
    EventDct,
    /// Event – timex.
    EventTimex,
    /// Two events in one sentence.
    EventEventSame,
    /// Two events in different sentences.
    EventEventOther,
    /// Timex – timex or timex – DCT.
    TimexTimex,
}

/// A pair in canonical order with its lookup keys.
#[derive(Clone, Debug)]
pub struct Pair {
    pub kind: PairKind,
    pub a: Endpoint,
    pub b: Endpoint,
    /// The requested order was `(b, a)`.
    pub swapped: bool,
    /// Keys from the most specific to the most general (the last one is the kind's prior).
    pub keys: Vec<String>,
    /// Single facts (`d:tense=PAST`, `s:w2=said`), used with the keys by the learned models.
    pub atoms: Vec<String>,
}

/// Everything a pair's features are computed from.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub text: &'a str,
    pub analysis: &'a Analysis,
    pub dct: Option<NaiveDate>,
    pub events: &'a [EventFacts],
    pub timexes: &'a [TimexFacts],
    /// Whether `timexes` are in sentence order ([`in_sentence_order`]): then the timexes of
    /// a sentence are found by binary search.
    pub sorted: bool,
    /// The words of the document's language: signals, metric phrases, anchor words.
    pub words: &'a EventWords,
}

/// Are these timexes in sentence order (as tagged, or as read from TimeML)?
pub fn in_sentence_order(timexes: &[TimexFacts]) -> bool {
    timexes.windows(2).all(|w| w[0].sentence <= w[1].sentence)
}

impl Context<'_> {
    /// The timexes of sentence `s`, in order, with their indices: a binary search when the
    /// timexes are in sentence order (as tagged, or as read from TimeML), else a scan. (A scan
    /// per event made linking quadratic in one long document.)
    pub fn timexes_in(&self, s: usize) -> impl Iterator<Item = (usize, &TimexFacts)> + '_ {
        let ts = self.timexes;
        let (lo, hi) = if self.sorted {
            (
                ts.partition_point(|t| t.sentence < s),
                ts.partition_point(|t| t.sentence <= s),
            )
        } else {
            (0, ts.len())
        };
        ts[lo..hi]
            .iter()
            .enumerate()
            .map(move |(j, t)| (lo + j, t))
            .filter(move |(_, t)| t.sentence == s)
    }
}

fn start(cx: &Context, e: Endpoint) -> usize {
    match e {
        Endpoint::Event(i) => cx.events[i].span.start,
        Endpoint::Timex(i) => cx.timexes[i].span.start,
        Endpoint::Dct => usize::MAX,
    }
}

/// Order `(x, y)` canonically; `true` when swapped.
fn canonical(cx: &Context, x: Endpoint, y: Endpoint) -> (Endpoint, Endpoint, bool) {
    use Endpoint::*;
    let swap = match (x, y) {
        (Dct, _) => true,
        (_, Dct) => false,
        (Timex(_), Event(_)) => true,
        (Event(_), Timex(_)) => false,
        _ => start(cx, x) > start(cx, y),
    };
    if swap {
        (y, x, true)
    } else {
        (x, y, false)
    }
}

/// How a TIMEX3 value stands to the DCT: a feature value of the label models, spelled in
/// their weights by [`VersusDct::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersusDct {
    /// A `DURATION`.
    Duration,
    /// A `SET`.
    Set,
    /// `PAST_REF`.
    PastRef,
    /// `PRESENT_REF`.
    PresentRef,
    /// `FUTURE_REF`.
    FutureRef,
    /// No date range, or no DCT.
    Other,
    /// The range ends before the DCT.
    Before,
    /// The range starts after the DCT.
    After,
    /// The range is the DCT's day.
    Same,
    /// The range contains the DCT (and more).
    Includes,
}

impl VersusDct {
    /// The value as the weights spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            VersusDct::Duration => "dur",
            VersusDct::Set => "set",
            VersusDct::PastRef => "past",
            VersusDct::PresentRef => "present",
            VersusDct::FutureRef => "future",
            VersusDct::Other => "other",
            VersusDct::Before => "before",
            VersusDct::After => "after",
            VersusDct::Same => "same",
            VersusDct::Includes => "includes",
        }
    }
}

impl std::fmt::Display for VersusDct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a TIMEX3 value stands to the DCT: `before`, `after`, `same`, `includes` (the value's
/// range contains the DCT), `past`/`present`/`future` (`*_REF`), `dur`, `set`, `other`.
pub fn versus_dct(kind: &str, v: &str, dct: Option<NaiveDate>) -> VersusDct {
    match kind {
        "DURATION" => return VersusDct::Duration,
        "SET" => return VersusDct::Set,
        _ => {}
    }
    match v {
        "PAST_REF" => return VersusDct::PastRef,
        "PRESENT_REF" => return VersusDct::PresentRef,
        "FUTURE_REF" => return VersusDct::FutureRef,
        _ => {}
    }
    let (Some(r), Some(d)) = (value::date_range(v), dct) else {
        return VersusDct::Other;
    };
    if r.latest < d {
        VersusDct::Before
    } else if r.earliest > d {
        VersusDct::After
    } else if r.earliest == d && r.latest == d {
        VersusDct::Same
    } else {
        VersusDct::Includes
    }
}

/// The relation between two date values when both have calendar ranges.
pub fn compare_ranges(a: &str, b: &str) -> Option<RelType> {
    let (x, y) = (value::date_range(a)?, value::date_range(b)?);
    Some(if x.latest < y.earliest {
        RelType::Before
    } else if y.latest < x.earliest {
        RelType::After
    } else if x.earliest == y.earliest && x.latest == y.latest {
        // Same days: a time of day lies inside its day ("Friday night" in "Friday").
        match (x.precision == Precision::Time, y.precision == Precision::Time) {
            (true, false) => RelType::IsIncluded,
            (false, true) => RelType::Includes,
            _ => RelType::Simultaneous,
        }
    } else if x.earliest <= y.earliest && y.latest <= x.latest {
        RelType::Includes
    } else if y.earliest <= x.earliest && x.latest <= y.latest {
        RelType::IsIncluded
    } else {
        return None;
    })
}

fn token_range(cx: &Context, from: usize, to: usize) -> (usize, usize) {
    (cx.analysis.token_at_or_after(from), cx.analysis.token_at_or_after(to))
}

/// The first ordering (non-anchor) signal between byte offsets `from..to`.
fn signal_between(cx: &Context, from: usize, to: usize) -> Option<&'static str> {
    let (a, b) = token_range(cx, from, to);
    signals::signals_in(cx.words, cx.text, cx.analysis, a, b)
        .into_iter()
        .find(|s| s.kind != SignalKind::Anchor)
        .map(|s| s.id.as_str())
}

/// A signal among the `n` tokens right before byte offset `at` (nearest first).
fn signal_before(cx: &Context, at: usize, n: usize, anchors: bool) -> Option<&'static str> {
    let t = cx.analysis.token_at_or_after(at);
    let sent = cx.analysis.sentence_at(at);
    let first = cx.analysis.sentences.get(sent).map(|s| s.tokens.start).unwrap_or(0);
    (t.saturating_sub(n).max(first)..t)
        .rev()
        .filter_map(|i| signals::signal_at(cx.words, cx.text, cx.analysis, i))
        .find(|s| anchors || s.kind != SignalKind::Anchor)
        .map(|s| s.id.as_str())
}

/// How far apart two mentions are in tokens: a feature value, spelled by
/// [`Distance::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Distance {
    /// Up to 3 tokens.
    Near,
    /// 4 to 10 tokens.
    Mid,
    /// More.
    Far,
}

impl Distance {
    /// The value as the weights spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Distance::Near => "near",
            Distance::Mid => "mid",
            Distance::Far => "far",
        }
    }
}

impl std::fmt::Display for Distance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which of an event and a timex comes first in the text: a feature value, spelled by
/// [`Order::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// The timex first.
    TimexEvent,
    /// The event first.
    EventTimex,
}

impl Order {
    /// The order of a timex starting at `timex` and an event starting at `event`.
    pub fn of(timex: usize, event: usize) -> Order {
        if timex < event {
            Order::TimexEvent
        } else {
            Order::EventTimex
        }
    }

    /// The value as the weights spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Order::TimexEvent => "te",
            Order::EventTimex => "et",
        }
    }
}

impl std::fmt::Display for Order {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether two events have the same tense, or an event a modal: a feature value, spelled
/// by [`Mark::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The same tense.
    SameTense,
    /// Different tenses.
    DifferentTense,
    /// A modal.
    Modal,
    /// No modal.
    NoModal,
}

impl Mark {
    /// The value as the weights spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::SameTense => "same",
            Mark::DifferentTense => "diff",
            Mark::Modal => "mod",
            Mark::NoModal => "-",
        }
    }
}

impl std::fmt::Display for Mark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

fn distance_bucket(cx: &Context, from: usize, to: usize) -> Distance {
    let (a, b) = token_range(cx, from, to);
    match b.saturating_sub(a) {
        0..=3 => Distance::Near,
        4..=10 => Distance::Mid,
        _ => Distance::Far,
    }
}

/// How the nearest timex in the event's sentence stands to the DCT (`-` when none).
fn sentence_timex(cx: &Context, e: &EventFacts) -> &'static str {
    cx.timexes_in(e.sentence)
        .map(|(_, t)| t)
        .filter(|t| t.kind != "DURATION" && t.kind != "SET")
        .min_by_key(|t| t.span.start.abs_diff(e.span.start))
        .map(|t| versus_dct(&t.kind, &t.value, cx.dct).as_str())
        .unwrap_or("-")
}

fn modal(e: &EventFacts) -> Mark {
    if e.modality.is_some() {
        Mark::Modal
    } else {
        Mark::NoModal
    }
}

/// The pair `(x, y)` in canonical order, with its keys.
pub fn pair(cx: &Context, x: Endpoint, y: Endpoint) -> Pair {
    let (a, b, swapped) = canonical(cx, x, y);
    let (kind, keys) = match (a, b) {
        (Endpoint::Event(i), Endpoint::Dct) => (PairKind::EventDct, dct_keys(cx, &cx.events[i])),
        (Endpoint::Event(i), Endpoint::Timex(j)) => {
            (PairKind::EventTimex, timex_keys(cx, &cx.events[i], &cx.timexes[j]))
        }
        (Endpoint::Event(i), Endpoint::Event(j)) => {
            let (e1, e2) = (&cx.events[i], &cx.events[j]);
            if e1.sentence == e2.sentence {
                (PairKind::EventEventSame, same_sentence_keys(cx, e1, e2))
            } else {
                (PairKind::EventEventOther, other_sentence_keys(cx, e1, e2))
            }
        }
        _ => (PairKind::TimexTimex, timex_timex_keys(cx, a, b)),
    };
    let atoms = atoms(cx, kind, a, b, &keys);
    Pair {
        kind,
        a,
        b,
        swapped,
        keys,
        atoms,
    }
}

/// The lower-cased word before byte offset `at` in the same sentence (`^` at its start).
fn word_before(cx: &Context, at: usize) -> String {
    let t = cx.analysis.token_at_or_after(at);
    let sent = cx.analysis.sentence_at(at);
    let first = cx.analysis.sentences.get(sent).map(|s| s.tokens.start).unwrap_or(0);
    if t == 0 || t <= first {
        return "^".to_string();
    }
    cx.analysis.tokens[t - 1].text(cx.text).to_lowercase()
}

fn event_atoms(cx: &Context, k: char, n: u8, e: &EventFacts, out: &mut Vec<String>) {
    let w = e.span.slice(cx.text).to_lowercase();
    out.push(format!("{k}:w{n}={w}"));
    out.push(format!("{k}:t{n}={}", e.tense));
    out.push(format!("{k}:a{n}={}", e.aspect));
    out.push(format!("{k}:c{n}={}", e.class));
    out.push(format!("{k}:p{n}={}", e.pos));
    out.push(format!("{k}:pol{n}={}", e.polarity));
    out.push(format!("{k}:m{n}={}", modal(e)));
    out.push(format!("{k}:prev{n}={}", word_before(cx, e.span.start)));
    out.push(format!("{k}:ta{n}={}/{}", e.tense, e.aspect));
    out.push(format!("{k}:tc{n}={}/{}", e.tense, e.class));
    out.push(format!("{k}:tx{n}={}", sentence_timex(cx, e)));
}

/// Two event words that look like the same lemma (`attack`/`attacks`, `hacked`/`hacking`).
pub fn same_stem(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let n = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    n >= a.chars().count().min(b.chars().count()).clamp(3, 5)
}

fn atoms(cx: &Context, kind: PairKind, a: Endpoint, b: Endpoint, keys: &[String]) -> Vec<String> {
    let k = keys.last().and_then(|k| k.chars().next()).unwrap_or('?');
    let mut out = Vec::new();
    if let Endpoint::Event(i) = a {
        event_atoms(cx, k, 1, &cx.events[i], &mut out);
    }
    match b {
        Endpoint::Event(j) => event_atoms(cx, k, 2, &cx.events[j], &mut out),
        Endpoint::Timex(j) => {
            let x = &cx.timexes[j];
            out.push(format!("{k}:xk={}", x.kind));
            out.push(format!("{k}:xw={}", x.span.slice(cx.text).to_lowercase()));
            out.push(format!("{k}:xv={}", versus_dct(&x.kind, &x.value, cx.dct)));
            out.push(format!("{k}:xprev={}", word_before(cx, x.span.start)));
        }
        Endpoint::Dct => {}
    }
    if let (Endpoint::Event(i), Endpoint::Event(j)) = (a, b) {
        let (e1, e2) = (&cx.events[i], &cx.events[j]);
        let same_tense = if e1.tense == e2.tense {
            Mark::SameTense
        } else {
            Mark::DifferentTense
        };
        out.push(format!("{k}:sametense={same_tense}"));
        if same_stem(e1.span.slice(cx.text), e2.span.slice(cx.text)) {
            out.push(format!("{k}:samestem"));
        }
        if kind == PairKind::EventEventSame {
            let (x, y) = token_range(cx, e1.span.end, e2.span.start);
            let between: Vec<String> = (x..y)
                .map(|t| cx.analysis.tokens[t].text(cx.text).to_lowercase())
                .collect();
            for &w in cx.words.between_words.iter() {
                if between.iter().any(|b| b == w) {
                    out.push(format!("{k}:between={w}"));
                }
            }
            out.push(format!("{k}:cc={}/{}", e1.class, e2.class));
        }
    }
    out
}

fn dct_keys(cx: &Context, e: &EventFacts) -> Vec<String> {
    let (t, a, c, p) = (&e.tense, &e.aspect, &e.class, &e.pos);
    let tx = sentence_timex(cx, e);
    vec![
        format!("d6:{t}/{a}/{c}/{p}/{}/{}/{tx}", e.polarity, modal(e)),
        format!("d5:{t}/{a}/{c}/{p}/{tx}"),
        format!("d4:{t}/{a}/{c}/{tx}"),
        format!("d3:{t}/{a}/{c}"),
        format!("d2:{t}/{a}"),
        format!("d1:{t}"),
        "d0:".to_string(),
    ]
}

fn timex_keys(cx: &Context, e: &EventFacts, x: &TimexFacts) -> Vec<String> {
    let sig = signal_before(cx, x.span.start, 3, true).unwrap_or("-");
    let order = Order::of(x.span.start, e.span.start);
    let vd = versus_dct(&x.kind, &x.value, cx.dct);
    let (lo, hi) = if x.span.start < e.span.start {
        (x.span.end, e.span.start)
    } else {
        (e.span.end, x.span.start)
    };
    let dist = distance_bucket(cx, lo, hi);
    let (k, t, c) = (&x.kind, &e.tense, &e.class);
    vec![
        format!("t6:{sig}/{k}/{t}/{c}/{order}/{vd}/{dist}"),
        format!("t5:{sig}/{k}/{t}/{order}/{vd}"),
        format!("t4:{sig}/{k}/{t}/{order}"),
        format!("t3:{sig}/{k}/{order}"),
        format!("t2:{k}/{t}"),
        format!("t1:{k}"),
        "t0:".to_string(),
    ]
}

fn same_sentence_keys(cx: &Context, e1: &EventFacts, e2: &EventFacts) -> Vec<String> {
    let sig = signal_between(cx, e1.span.end, e2.span.start)
        .map(|s| s.to_string())
        .or_else(|| signal_before(cx, e1.span.start, 3, false).map(|s| format!("pre-{s}")))
        .unwrap_or_else(|| "-".to_string());
    let dist = distance_bucket(cx, e1.span.end, e2.span.start);
    let (t1, a1, c1) = (&e1.tense, &e1.aspect, &e1.class);
    let (t2, a2, c2) = (&e2.tense, &e2.aspect, &e2.class);
    vec![
        format!("s7:{sig}/{t1}/{a1}/{c1}/{t2}/{a2}/{c2}/{dist}"),
        format!("s6:{sig}/{t1}/{a1}/{c1}/{t2}/{a2}/{c2}"),
        format!("s5:{sig}/{t1}/{c1}/{t2}/{c2}"),
        format!("s4:{sig}/{t1}/{t2}/{dist}"),
        format!("s3:{sig}/{c1}/{c2}"),
        format!("s2:{t1}/{t2}"),
        format!("s1:{sig}"),
        "s0:".to_string(),
    ]
}

fn other_sentence_keys(cx: &Context, e1: &EventFacts, e2: &EventFacts) -> Vec<String> {
    // A signal at the start of the second event's sentence ("Later, ...", "Earlier, ...").
    let sig = cx
        .analysis
        .sentences
        .get(e2.sentence)
        .and_then(|s| {
            (s.tokens.start..(s.tokens.start + 3).min(s.tokens.end))
                .find_map(|i| signals::signal_at(cx.words, cx.text, cx.analysis, i))
                .filter(|s| s.kind != SignalKind::Anchor)
        })
        .map(|s| s.id.as_str())
        .unwrap_or("-");
    let (t1, a1, c1) = (&e1.tense, &e1.aspect, &e1.class);
    let (t2, a2, c2) = (&e2.tense, &e2.aspect, &e2.class);
    let tx1 = sentence_timex(cx, e1);
    let tx2 = sentence_timex(cx, e2);
    vec![
        format!("n6:{sig}/{t1}/{a1}/{c1}/{t2}/{a2}/{c2}/{tx1}/{tx2}"),
        format!("n5:{sig}/{t1}/{a1}/{c1}/{t2}/{a2}/{c2}"),
        format!("n4:{t1}/{a1}/{t2}/{a2}"),
        format!("n3:{t1}/{t2}"),
        format!("n2:{c1}/{c2}"),
        format!("n1:{sig}"),
        "n0:".to_string(),
    ]
}

fn timex_timex_keys(cx: &Context, a: Endpoint, b: Endpoint) -> Vec<String> {
    let facts = |e: Endpoint| match e {
        Endpoint::Timex(i) => (cx.timexes[i].kind.as_str(), cx.timexes[i].value.clone()),
        _ => ("DCT", cx.dct.map(|d| d.to_string()).unwrap_or_default()),
    };
    let (k1, v1) = facts(a);
    let (k2, v2) = facts(b);
    let cmp = compare_ranges(&v1, &v2).map(|r| r.as_str()).unwrap_or("-");
    vec![
        format!("x3:{k1}/{k2}/{cmp}"),
        format!("x2:{k1}/{k2}"),
        "x0:".to_string(),
    ]
}
