//! Training data from gold TimeML: the examples the learners ([`crate::learn`]) are fitted
//! on, made with the runtime's own feature code (`tempograph_link::features`,
//! `tempograph_link::choose::examples`) so that a model sees at training time what it sees
//! at run time.
//!
//! | data | examples | for |
//! |------|----------|-----|
//! | [`examples`] | every gold TLINK between gold entities: `(pair features, relation)` | the label models |
//! | [`counts`] | the same, counted per key | back-off tables |
//! | [`choose_examples`] | every candidate and gold pair over the gold entities, labelled or NONE | the pair chooser |
//! | [`choose_examples_system`] | the same over the entities tempograph extracts (Task ABC) | the pair chooser |
//! | [`chooser_data`] | both, with each example's document index (for folds) | the pair chooser |

use crate::learn::boost;
use crate::learn::chooser::{Chooser, Learner};
use crate::learn::labels::Counts;
use std::collections::BTreeMap;
use tempograph_core::error::Result;
use tempograph_core::relation::RelType;
use tempograph_eval::tlink::GoldDoc;
use tempograph_events::lexicon::Lexicon;
use tempograph_lang::text::Analysis;
use tempograph_link::features::{self, Context};
use tempograph_link::Endpoint;

/// Count the gold links of `docs` into a table.
pub fn counts(docs: &[GoldDoc]) -> Counts {
    let mut c = Counts::new();
    for d in docs {
        let cx = d.context();
        for (t, a, b) in d.gold_pairs() {
            c.add(&features::pair(&cx, a, b), t.rel);
        }
    }
    c
}

/// The gold links of `docs` as perceptron examples.
pub fn examples(docs: &[GoldDoc]) -> Vec<(features::Pair, RelType)> {
    let mut v = Vec::new();
    for d in docs {
        let cx = d.context();
        for (t, a, b) in d.gold_pairs() {
            v.push((features::pair(&cx, a, b), t.rel));
        }
    }
    v
}

/// The events of `text` as Task ABC finds them: with `lex`, outside the temporal expressions.
pub fn extract_events(
    lex: &Lexicon,
    text: &str,
    analysis: &Analysis,
    timexes: &[tempograph_timex::Timex],
) -> Vec<tempograph_events::Event> {
    let spans: Vec<tempograph_lang::text::Span> = timexes.iter().map(|t| t.span).collect();
    tempograph_events::extract_with(lex, text, analysis, &spans)
}

/// Training examples for the pair chooser ([`tempograph_link::choose`]): every candidate and gold
/// pair of `docs` over the gold entities, labelled with the gold relation or NONE.
pub fn choose_examples(docs: &[GoldDoc]) -> Vec<(Vec<String>, usize)> {
    let mut out = Vec::new();
    for d in docs {
        let gold: Vec<(Endpoint, Endpoint, RelType)> =
            d.gold_pairs().into_iter().map(|(t, a, b)| (a, b, t.rel)).collect();
        out.extend(tempograph_link::choose::examples(&d.context(), &gold));
    }
    out
}

/// Training examples for the pair chooser as Task ABC sees a document: the entities our own
/// extractors find, each aligned to the gold entity its extent overlaps; a pair's label is the
/// gold relation between the two aligned gold entities, NONE when either end has no gold
/// counterpart or the gold pair is not linked. So the chooser also learns how often a pair of
/// *extracted* entities ends up unscored (a spurious event costs precision). Events are found
/// with `lex`.
pub fn choose_examples_system(docs: &[GoldDoc], lex: &Lexicon) -> Result<Vec<(Vec<String>, usize)>> {
    let mut out = Vec::new();
    for d in docs {
        let dct = d
            .doc
            .dct
            .ok_or_else(|| tempograph_core::error::Error::missing_dct(&d.doc.path))?;
        let text = &d.doc.text;
        let timexes = tempograph_timex::tag(text, &d.analysis, dct);
        let events = extract_events(lex, text, &d.analysis, &timexes);
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
        // Gold endpoint -> system endpoint (the first system entity overlapping it).
        let mut to_sys: BTreeMap<Endpoint, Endpoint> = BTreeMap::new();
        to_sys.insert(Endpoint::Dct, Endpoint::Dct);
        for (gi, g) in d.entities.events.iter().enumerate() {
            if let Some(si) = ev.iter().position(|e| e.span.overlaps(&g.span)) {
                to_sys.entry(Endpoint::Event(gi)).or_insert(Endpoint::Event(si));
            }
        }
        for (gi, g) in d.entities.timexes.iter().enumerate() {
            if let Some(si) = tx.iter().position(|t| t.span.overlaps(&g.span)) {
                to_sys.entry(Endpoint::Timex(gi)).or_insert(Endpoint::Timex(si));
            }
        }
        let gold: Vec<(Endpoint, Endpoint, RelType)> = d
            .gold_pairs()
            .into_iter()
            .filter_map(|(t, a, b)| Some((*to_sys.get(&a)?, *to_sys.get(&b)?, t.rel)))
            .collect();
        out.extend(tempograph_link::choose::examples(&cx, &gold));
    }
    Ok(out)
}

/// Training examples `(features, label)` and, for each, the index of its document.
pub type ChooserData = (Vec<(Vec<String>, usize)>, Vec<usize>);

/// The pair chooser's training data: [`choose_examples_system`], then [`choose_examples`],
/// with the index in `docs` of each example's document; events found with `lex`.
pub fn chooser_data(docs: &[GoldDoc], lex: &Lexicon) -> Result<ChooserData> {
    let (mut data, mut doc) = (Vec::new(), Vec::new());
    for (i, d) in docs.iter().enumerate() {
        let ex = choose_examples_system(std::slice::from_ref(d), lex)?;
        doc.extend(std::iter::repeat_n(i, ex.len()));
        data.extend(ex);
    }
    // Plus the same documents over the gold entities: Task ABC CV 34.68 → 34.79, cross-corpus
    // AQUAINT 25.07 → 26.26, TimeBank 24.83 → 25.15.
    for (i, d) in docs.iter().enumerate() {
        let ex = choose_examples(std::slice::from_ref(d));
        doc.extend(std::iter::repeat_n(i, ex.len()));
        data.extend(ex);
    }
    Ok((data, doc))
}

/// Train a pair chooser of `learner` on `docs` (data from [`chooser_data`], events found
/// with `lex`).
pub fn train_chooser(
    docs: &[GoldDoc],
    lex: &Lexicon,
    learner: Learner,
    params: &boost::Params,
    stack_folds: usize,
    stack_mean: bool,
) -> Result<Chooser> {
    let (data, doc) = chooser_data(docs, lex)?;
    Ok(Chooser::train(&data, &doc, learner, params, stack_folds, stack_mean))
}
