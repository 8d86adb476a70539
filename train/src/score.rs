//! Research scoring of relations on gold corpora (`relations pairs`, `relations links`):
//! C-relation-only with label accuracy and confusion per pair kind, and Task ABC / Task C with
//! counts per rule, for any classifier or chooser, stored or trained in memory. Temporal
//! awareness itself (the TempEval-3 measure) is the library's (`tempograph_eval::tlink`),
//! shared with `tempograph eval`.
//!
//! | run | pairs | labels | measure |
//! |-----|-------|--------|---------|
//! | [`relation_only`] | the gold TLINK pairs | a [`Classifier`] | awareness, accuracy and confusion per pair kind |
//! | [`end_to_end_by_rule`], [`Setting::Abc`] | from raw text: our timexes, events and pairs | [`Linker`] | awareness, per-rule counts |
//! | [`end_to_end_by_rule`], [`Setting::C`] | the gold entities, our pairs | [`Linker`] | the same |

use std::collections::BTreeMap;
use tempograph_core::error::Result;
use tempograph_core::relation::RelType;
use tempograph_eval::tlink::{self, GoldDoc, TaCounts, Triple};
use tempograph_events::lexicon::Lexicon;
use tempograph_link::choose::Scorer;
use tempograph_link::features::{self, Context, PairKind};
use tempograph_link::model::train_label;
use tempograph_link::{Classifier, Endpoint};

/// C-relation-only results: temporal awareness plus plain label accuracy per pair kind.
#[derive(Clone, Debug, Default)]
pub struct RelationOnly {
    pub ta: TaCounts,
    /// `(kind, correct, total)` with `DURING`/`IDENTITY` read as `SIMULTANEOUS`.
    pub accuracy: Vec<(PairKind, usize, usize)>,
    /// Gold links skipped because an end is not a gold entity.
    pub skipped: usize,
    /// `(kind, gold label, system label) → count`, labels as in training, in canonical order.
    pub confusion: BTreeMap<(PairKind, RelType, RelType), usize>,
}

/// Label every gold pair of `docs` with `model` and score (TempEval-3 C-relation-only).
///
/// With `consistent`, pairs are labelled from the most confident to the least, each taking
/// its best-scoring label that does not contradict the labels already chosen (a greedy
/// global inference; links are then written in that order).
pub fn relation_only(docs: &[GoldDoc], model: &dyn Classifier, consistent: bool) -> RelationOnly {
    let mut out = RelationOnly::default();
    let mut acc: BTreeMap<PairKind, (usize, usize)> = BTreeMap::new();
    for d in docs {
        let cx = d.context();
        let gold = tlink::triples(&d.doc);
        let pairs = d.gold_pairs();
        out.skipped += gold.len() - pairs.len();
        let labelled = tlink::label_pairs(&cx, &pairs, model, consistent);
        let mut sys = Vec::with_capacity(pairs.len());
        for (k, rel) in labelled {
            let (t, a, b) = &pairs[k];
            let p = features::pair(&cx, *a, *b);
            let kind = p.kind;
            let e = acc.entry(kind).or_default();
            e.1 += 1;
            if train_label(rel) == train_label(t.rel) {
                e.0 += 1;
            }
            let canon = |r: RelType| if p.swapped { r.inverse() } else { r };
            if let (Some(g), Some(s)) = (train_label(canon(t.rel)), train_label(canon(rel))) {
                *out.confusion.entry((kind, g, s)).or_default() += 1;
            }
            sys.push(Triple::new(t.from.clone(), t.to.clone(), rel));
        }
        out.ta.add(&tlink::score(&gold, &sys));
    }
    out.accuracy = acc.into_iter().map(|(k, (c, n))| (k, c, n)).collect();
    out
}

/// Which system run [`end_to_end`] scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// TempEval-3 Task ABC: system timexes, events and links from raw text.
    Abc,
    /// Task C: gold timexes and events, system pairs and labels.
    C,
}

/// How [`end_to_end`] makes a document's links.
#[derive(Clone, Copy)]
pub enum Linker<'a> {
    /// `tempograph_link::link_with`: every rule-made link plus the table's labels for the pairs
    /// the rules propose (what the timeline pipeline uses).
    Rules(&'a dyn Classifier),
    /// `tempograph_link::choose::links`: learned choice of pairs and labels, with a threshold
    /// (what `timeml annotate` writes).
    Learned(&'a dyn Scorer, f64),
}

impl Linker<'_> {
    fn links(&self, cx: &Context) -> Vec<tempograph_link::Tlink> {
        match *self {
            Linker::Rules(m) => tempograph_link::link_with(cx, m),
            Linker::Learned(s, theta) => tempograph_link::choose::links(cx, s, theta),
        }
    }
}

/// Temporal awareness of `linker` on `docs`: Task ABC (everything extracted from the text)
/// or Task C (gold entities).
pub fn end_to_end(docs: &[GoldDoc], linker: Linker, setting: Setting) -> Result<TaCounts> {
    Ok(end_to_end_by_rule(docs, linker, setting, Lexicon::builtin())?.0)
}

/// Per rule id: (links the gold contains or implies, links with both ends aligned, links).
pub type RuleCounts = BTreeMap<&'static str, (usize, usize, usize)>;

/// [`end_to_end`], plus for each rule id: (system links the gold annotation contains or
/// implies, system links with both ends aligned to gold entities, all system links). In Task
/// ABC the events are found with `lex` (the built-in one, or counts from other documents).
pub fn end_to_end_by_rule(
    docs: &[GoldDoc],
    linker: Linker,
    setting: Setting,
    lex: &Lexicon,
) -> Result<(TaCounts, RuleCounts)> {
    let mut by_rule: BTreeMap<&'static str, (usize, usize, usize)> = BTreeMap::new();
    let mut total = TaCounts::default();
    for d in docs {
        let dct = d
            .doc
            .dct
            .ok_or_else(|| tempograph_core::error::Error::missing_dct(&d.doc.path))?;
        let gold = tlink::triples(&d.doc);
        let sys: Vec<(Triple, &'static str)> = match setting {
            Setting::C => linker
                .links(&d.context())
                .into_iter()
                .map(|l| (Triple::new(d.entities.id(l.from), d.entities.id(l.to), l.rel), l.rule))
                .collect(),
            Setting::Abc => {
                let text = &d.doc.text;
                let timexes = tempograph_timex::tag(text, &d.analysis, dct);
                let events = crate::data::extract_events(lex, text, &d.analysis, &timexes);
                let ev = tempograph_link::event_facts(&events);
                let tx = tempograph_link::timex_facts(&timexes, &d.analysis);
                let cx = Context {
                    text,
                    analysis: &d.analysis,
                    dct: Some(dct),
                    events: &ev,
                    timexes: &tx,
                    sorted: features::in_sentence_order(&tx),
                    words: tempograph_lang::EventWords::english(),
                };
                let span = |e: Endpoint| match e {
                    Endpoint::Event(i) => Some(ev[i].span),
                    Endpoint::Timex(i) => Some(tx[i].span),
                    Endpoint::Dct => None,
                };
                linker
                    .links(&cx)
                    .into_iter()
                    .map(|l| {
                        let t = Triple::new(
                            tlink::aligned_id(&d.entities, span(l.from), l.from),
                            tlink::aligned_id(&d.entities, span(l.to), l.to),
                            l.rel,
                        );
                        (t, l.rule)
                    })
                    .collect()
            }
        };
        let g = tlink::graph_of(&gold);
        for (t, rule) in &sys {
            let e = by_rule.entry(rule).or_default();
            e.2 += 1;
            if !t.from.starts_with("sys-") && !t.to.starts_with("sys-") {
                e.1 += 1;
            }
            if tlink::is_implied(t, &gold, &g) {
                e.0 += 1;
            }
        }
        let sys: Vec<Triple> = sys.into_iter().map(|(t, _)| t).collect();
        total.add(&tlink::score(&gold, &sys));
    }
    Ok((total, by_rule))
}
