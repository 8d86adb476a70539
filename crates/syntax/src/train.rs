//! Training a model from CoNLL-U files (feature `train`): the tokenizer tables, a
//! jackknifed tagger (the parser trains on predicted tags, as it runs), the lemmatizer
//! and the parser; scores on the development file; the model bytes and a manifest.

use crate::conllu::{self, Sentence};
use crate::lemma::Lemmatizer;
use crate::parser::{self, Input};
use crate::tagger;
use crate::tokenize::Tokenizer;
use crate::{hash, tokfeat, Model};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Training settings (all of them go into the manifest).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Seed for shuffling and exploration.
    pub seed: u64,
    /// Tagger passes.
    pub tagger_epochs: usize,
    /// Parser passes.
    pub parser_epochs: usize,
    /// Folds of the jackknife that gives the parser predicted tags.
    pub folds: usize,
    /// Parser features seen fewer times are dropped.
    pub min_count: u32,
    /// Train and score the tagger only (for experiments; writes no model).
    pub tagger_only: bool,
    /// Train the parser on gold tags (an experiment: the upper bound of better tagging).
    pub gold_tags: bool,
    /// Two-pass (stacked) tagger.
    pub stacked: bool,
    /// Weights smaller than this fraction of the largest are dropped at the end.
    pub min_weight: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            seed: 1,
            tagger_epochs: 10,
            parser_epochs: 15,
            folds: 10,
            min_count: 2,
            tagger_only: false,
            gold_tags: false,
            stacked: false,
            min_weight: 0.0,
        }
    }
}

/// Scores on gold tokenization.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Percentages.
    pub upos: f64,
    /// XPOS.
    pub xpos: f64,
    /// Lemma.
    pub lemma: f64,
    /// FEATS.
    pub feats: f64,
    /// Unlabelled attachment.
    pub uas: f64,
    /// Labelled attachment (universal relation, subtypes ignored, as the CoNLL 2018 scorer).
    pub las: f64,
}

fn tag_labels(train: &[Sentence]) -> Vec<(String, String)> {
    let mut set: BTreeMap<(String, String), ()> = BTreeMap::new();
    for s in train {
        for w in &s.words {
            set.insert((w.upos.clone(), w.xpos.clone()), ());
        }
    }
    set.into_keys().collect()
}

fn tag_examples(data: &[Sentence], labels: &[(String, String)]) -> Vec<tagger::train::Example> {
    let index: BTreeMap<(&str, &str), usize> = labels
        .iter()
        .enumerate()
        .map(|(i, (u, x))| ((u.as_str(), x.as_str()), i))
        .collect();
    data.iter()
        .map(|s| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            tagger::train::Example {
                keys: tokfeat::sentence_keys(&forms),
                gold: s
                    .words
                    .iter()
                    .map(|w| index.get(&(w.upos.as_str(), w.xpos.as_str())).copied().unwrap_or(0))
                    .collect(),
            }
        })
        .collect()
}

fn train_tagger(labels: Vec<(String, String)>, examples: &[tagger::train::Example], st: &Settings) -> tagger::Tagger {
    if st.stacked {
        tagger::train::train_stacked(labels, examples, st.tagger_epochs, st.seed, st.folds)
    } else {
        tagger::train::train(labels, examples, st.tagger_epochs, st.seed)
    }
}

/// Trains the tagger alone and scores UPOS/XPOS on `dev` (an experiment).
pub fn tagger_experiment(train: &[Sentence], dev: &[Sentence], st: &Settings) -> (f64, f64) {
    let labels = tag_labels(train);
    let examples = tag_examples(train, &labels);
    let t = train_tagger(labels.clone(), &examples, st);
    let (mut n, mut u, mut x) = (0, 0, 0);
    for s in dev {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let tags = t.tag(&tokfeat::sentence_keys(&forms));
        for (w, tg) in s.words.iter().zip(tags) {
            n += 1;
            u += usize::from(labels[tg].0 == w.upos);
            x += usize::from(labels[tg].1 == w.xpos);
        }
    }
    (100.0 * u as f64 / n as f64, 100.0 * x as f64 / n as f64)
}

/// Trains a whole model. `log` receives progress lines.
pub fn train(treebank: &str, train: &[Sentence], st: &Settings, log: &(dyn Fn(String) + Sync)) -> Model {
    let tokenizer = Tokenizer::learn(train);
    log(format!("tokenizer learned from {} sentences", train.len()));
    let labels = tag_labels(train);
    let examples = tag_examples(train, &labels);
    // Jackknife: each fold tagged by a tagger trained on the others.
    let folds = st.folds.max(2);
    // Per fold: (sentence, its (tag, runner-up) per word).
    type FoldTags = Vec<(usize, Vec<(usize, usize)>)>;
    let predicted: Vec<FoldTags> = (0..if st.gold_tags { 0 } else { folds })
        .into_par_iter()
        .map(|f| {
            let rest: Vec<tagger::train::Example> = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != f)
                .map(|(_, e)| tagger::train::Example {
                    keys: e.keys.clone(),
                    gold: e.gold.clone(),
                })
                .collect();
            let t = train_tagger(
                labels.clone(),
                &rest,
                &Settings {
                    seed: st.seed.wrapping_add(f as u64 + 1),
                    ..st.clone()
                },
            );
            let out = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds == f)
                .map(|(i, e)| (i, t.tag_alt(&e.keys)))
                .collect();
            log(format!("jackknife fold {} of {folds} tagged", f + 1));
            out
        })
        .collect();
    let mut tags: Vec<Vec<(usize, usize)>> = vec![Vec::new(); train.len()];
    for fold in predicted {
        for (i, t) in fold {
            tags[i] = t;
        }
    }
    if st.gold_tags {
        tags = examples
            .iter()
            .map(|e| e.gold.iter().map(|&g| (g, g)).collect())
            .collect();
    }
    let tagger = train_tagger(labels.clone(), &examples, st);
    log(format!("tagger trained ({} features)", tagger.weights.features()));
    let lemmatizer = Lemmatizer::learn(
        train
            .iter()
            .flat_map(|s| s.words.iter())
            .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str(), w.feats.as_str())),
    );
    // Parser.
    let mut deprels: Vec<String> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if !deprels.iter().any(|d| d == "root") {
        deprels.push("root".into());
    }
    let root = deprels.iter().position(|d| d == "root").unwrap_or(0);
    let label_index: BTreeMap<&str, usize> = deprels.iter().enumerate().map(|(i, d)| (d.as_str(), i)).collect();
    let pdata: Vec<parser::train::Example> = train
        .iter()
        .zip(&examples)
        .zip(&tags)
        .map(|((s, e), t)| {
            let n = s.words.len();
            let amb = tagger::ambiguity_of(&tagger.ambiguity, &e.keys);
            let mut head: Vec<usize> = s
                .words
                .iter()
                .map(|w| match w.head {
                    Some(0) | None => n,
                    Some(h) => h - 1,
                })
                .collect();
            parser::train::projectivize(&mut head);
            parser::train::Example {
                words: e
                    .keys
                    .iter()
                    .zip(t)
                    .zip(&amb)
                    .map(|((k, &(tag, alt)), &amb)| Input {
                        keys: *k,
                        xpos: hash::str(&labels[tag].1),
                        upos: hash::str(&labels[tag].0),
                        amb,
                        alt: hash::str(&labels[alt].1),
                    })
                    .collect(),
                head,
                label: s
                    .words
                    .iter()
                    .map(|w| label_index.get(w.deprel.as_str()).copied().unwrap_or(root))
                    .collect(),
            }
        })
        .collect();
    let parser = parser::train::train(
        deprels,
        root,
        &pdata,
        parser::train::Settings {
            epochs: st.parser_epochs,
            explore_from: 1,
            explore_p: 0.9,
            seed: st.seed,
            min_count: st.min_count,
        },
        |e| log(format!("parser epoch {} of {}", e + 1, st.parser_epochs)),
    );
    log(format!("parser trained ({} features)", parser.weights.features()));
    let mut tagger = tagger;
    let mut parser = parser;
    if st.min_weight > 0.0 {
        parser.weights = parser.weights.pruned(st.min_weight);
        tagger.weights = tagger.weights.pruned(st.min_weight);
        if let Some(first) = tagger.first.as_mut() {
            first.weights = first.weights.pruned(st.min_weight);
        }
        log(format!(
            "pruned below {} of the largest weight: parser {} features, tagger {}",
            st.min_weight,
            parser.weights.features(),
            tagger.weights.features()
        ));
    }
    Model {
        treebank: treebank.to_string(),
        tokenizer,
        tagger,
        lemmatizer,
        parser,
    }
}

/// UAS/LAS of the parser given the gold tags (an experiment).
pub fn score_gold_tags(model: &Model, gold: &[Sentence]) -> (f64, f64) {
    let (mut n, mut ua, mut la) = (0, 0, 0);
    for sent in gold {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        let keys = tokfeat::sentence_keys(&forms);
        let input: Vec<Input> = keys
            .iter()
            .zip(&sent.words)
            .map(|(k, w)| Input {
                keys: *k,
                xpos: hash::str(&w.xpos),
                upos: hash::str(&w.upos),
                amb: tokfeat::NONE,
                alt: hash::str(&w.xpos),
            })
            .collect();
        for (g, (h, l)) in sent.words.iter().zip(model.parser.parse(&input)) {
            n += 1;
            let h = if h == usize::MAX { 0 } else { h + 1 };
            if g.head == Some(h) {
                ua += 1;
                let base = |d: &str| d.split(':').next().unwrap_or("").to_string();
                la += usize::from(base(&g.deprel) == base(&model.parser.labels[l]));
            }
        }
    }
    (100.0 * ua as f64 / n as f64, 100.0 * la as f64 / n as f64)
}

/// Scores a model on gold-tokenized sentences.
pub fn score(model: &Model, gold: &[Sentence]) -> Scores {
    let mut s = Scores::default();
    let (mut up, mut xp, mut le, mut fe, mut ua, mut la) = (0, 0, 0, 0, 0, 0);
    for sent in gold {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        let pred = model.analyze(&forms);
        for (g, p) in sent.words.iter().zip(&pred) {
            s.words += 1;
            up += usize::from(g.upos == p.upos);
            xp += usize::from(g.xpos == p.xpos);
            le += usize::from(g.lemma == p.lemma);
            fe += usize::from(g.feats == p.feats);
            if g.head == Some(p.head) {
                ua += 1;
                let base = |d: &str| d.split(':').next().unwrap_or("").to_string();
                la += usize::from(base(&g.deprel) == base(&p.deprel));
            }
        }
    }
    let pc = |n: usize| 100.0 * n as f64 / s.words.max(1) as f64;
    s.upos = pc(up);
    s.xpos = pc(xp);
    s.lemma = pc(le);
    s.feats = pc(fe);
    s.uas = pc(ua);
    s.las = pc(la);
    s
}

/// Reads a CoNLL-U file, naming it in errors.
pub fn read(path: &std::path::Path) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    conllu::parse(&text).map_err(|e| {
        format!(
            "{}:{}: expected {}, found {}",
            path.display(),
            e.line,
            e.expected,
            e.found
        )
    })
}
