//! `tempograph relations ...`: evaluate temporal relations on research corpora.
//!
//! | command                                                      | prints                                   |
//! |--------------------------------------------------------------|------------------------------------------|
//! | `relations pairs --test tbaq/aquaint --model timebank`       | C-relation-only temporal awareness       |
//! | `relations pairs --test tbaq/aquaint --train tbaq/timebank`  | the same, with a table trained in memory |
//! | `relations pairs --test tbaq/timebank --test tbaq/aquaint --folds 5` | the same, document cross-validation |
//! | `relations links --test tbaq/aquaint --train tbaq/timebank`  | Task ABC, pair chooser trained in memory |
//! | `relations links --test tbaq/timebank --test tbaq/aquaint --folds 5` | Task ABC, document cross-validation |
//! | `relations links --test tbaq/aquaint --pairs rules --model timebank` | Task ABC with `link()`'s rule pairs |
//! | `relations matres --matres matres/aquaint.txt --tml tbaq/aquaint --model timebank` | MATRES accuracy |
//!
//! Corpus paths are relative to `--corpora` (default `$TEMPOGRAPH_CORPORA`, else
//! `../shared/corpora`).
use super::Outcome;
use crate::eval::tlink::{self, GoldDoc};
use crate::eval::{matres, timeline};
use crate::events::lexicon::Lexicon;
use crate::link::boost;
use crate::link::choose::{Learner, BOOST, STACK_FOLDS};
use crate::link::model::{Perceptron, SoftmaxLabels, LABEL_EPOCHS, LABEL_L2};
use crate::link::{Classifier, Model};

use std::path::PathBuf;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// TempEval-3 C-relation-only: label the gold TLINK pairs of gold TimeML files and score
    /// them with temporal awareness.
    Pairs {
        #[command(flatten)]
        corpus: Corpus,
        /// Folder(s) of gold `.tml` files to label.
        #[arg(long, required = true)]
        test: Vec<PathBuf>,
        /// Train a table in memory on these folders instead of using `--model`.
        #[arg(long)]
        train: Vec<PathBuf>,
        /// The committed table to use: `timebank` or `aquaint`.
        #[arg(long, default_value = "timebank")]
        model: Model,
        /// Also print the confusion counts (kind, gold, system).
        #[arg(long)]
        confusion: bool,
        /// Document-level cross-validation: split the `--test` documents into this many folds
        /// and label each fold with a perceptron trained on the other folds (plus `--train`).
        #[arg(long)]
        folds: Option<usize>,
        /// Label the most confident pairs first and never contradict earlier labels.
        #[arg(long)]
        consistent: bool,
        /// With --train or --folds: train an averaged perceptron for this many epochs instead
        /// of the softmax label model the committed tables use.
        #[arg(long)]
        perceptron: Option<usize>,
        /// With --train: back-off count tables instead of the softmax label model.
        #[arg(long)]
        backoff: bool,
    },
    /// TempEval-3 Task ABC (timexes, events and links from the raw text) or, with
    /// `--gold-entities`, Task C (gold entities, system pairs), scored with temporal awareness.
    Links {
        #[command(flatten)]
        corpus: Corpus,
        /// Folder(s) of gold `.tml` files (their text and DCT are the input).
        #[arg(long, required = true)]
        test: Vec<PathBuf>,
        /// With `--pairs rules`: the committed label table, `timebank` or `aquaint`.
        #[arg(long, default_value = "timebank")]
        model: Model,
        /// Which links: `learned` (the pair chooser, what `timeml annotate` writes) or `rules`
        /// (every rule-proposed pair, labelled by `--model`; what the timeline uses).
        #[arg(long, default_value = "learned")]
        pairs: Pairs,
        /// With `--pairs learned`: train the chooser in memory on these folders instead of
        /// using the committed table (trained on all of TBAQ).
        #[arg(long)]
        train: Vec<PathBuf>,
        /// With `--pairs learned`: document-level cross-validation, each fold scored with a
        /// chooser trained on the other folds (plus `--train`).
        #[arg(long)]
        folds: Option<usize>,
        /// With `--pairs learned`: the least probability a link must have to be written;
        /// several (`0.08,0.1,0.12`) print one line each from the same trained choosers.
        #[arg(long, value_delimiter = ',', default_values_t = [crate::link::choose::THRESHOLD])]
        threshold: Vec<f64>,
        /// With `--train` or `--folds`: the chooser's model.
        #[arg(long, value_enum, default_value_t = Learner::Softmax)]
        learner: Learner,
        #[command(flatten)]
        boost: BoostArgs,
        /// Use the gold EVENT/TIMEX3 entities (Task C) instead of extracting them.
        #[arg(long)]
        gold_entities: bool,
        /// Also print, per rule, how many of its links the gold annotation contains or implies.
        #[arg(long)]
        by_rule: bool,
        /// Find events with these corpus counts instead of the built-in ones (which come from
        /// all of TBAQ): a table made by `scripts/gen_event_lexicon.py --corpus DIR --out FILE`,
        /// e.g. from TimeBank only, so that a score on AQUAINT is held out for the events too.
        #[arg(long, conflicts_with = "event_lexicon_folds")]
        event_lexicon: Option<PathBuf>,
        /// With `--folds K`: fold F finds its events (training and test) with DIR/fold-F.tsv,
        /// counts from the other folds' documents only, made by `scripts/gen_event_lexicon.py
        /// --corpus DIR... --folds K --fold-out DIR` with the `--test` folders in the same
        /// order (each table names the documents it leaves out; a mismatch is an error).
        #[arg(long, requires = "folds")]
        event_lexicon_folds: Option<PathBuf>,
    },
    /// SemEval-2015 Task 4 (TimeLine): the ordered, dated events about an entity, in the
    /// task's format (`--about`), or scored against gold timelines (`--gold`). Reads the
    /// task's corpus files (`--docs`), or plain documents (FILE... with `--dct` or
    /// `--manifest`, as `build` reads them).
    Timeline {
        #[command(flatten)]
        corpus: Corpus,
        /// Plain-text documents or folders of `*.txt` (instead of `--docs`).
        #[arg(value_name = "FILE", requires = "about")]
        files: Vec<PathBuf>,
        /// Publication date for every plain document; wins over datelines.
        #[arg(long, value_name = "DATE", conflicts_with = "manifest")]
        dct: Option<String>,
        /// A manifest of plain documents (like `build --manifest`).
        #[arg(long, value_name = "FILE", requires = "about")]
        manifest: Option<PathBuf>,
        /// Another name of the `--about` entity (repeatable).
        #[arg(long, value_name = "NAME", requires = "about")]
        alias: Vec<String>,
        /// `a`: events found in raw text; `b`: the corpus files' gold `<EVENT>` mentions.
        #[arg(long, value_enum, default_value_t = timeline::Track::A)]
        track: timeline::Track,
        /// Folder of TimeLine corpus files (`<s id>` sentences inside `<TEXT>`).
        #[arg(
            long,
            default_value = "semeval2015-trial/Corpus-trial-data_task4_events_timelines_TimeML"
        )]
        docs: PathBuf,
        /// The target entity ("Steve Jobs").
        #[arg(long, conflicts_with = "gold")]
        about: Option<String>,
        /// Folder of gold timelines: build one for each file's entity and score it.
        #[arg(long)]
        gold: Option<PathBuf>,
        /// With --gold: also write the system timelines here, one file per gold file name.
        #[arg(long, requires = "gold")]
        out_dir: Option<PathBuf>,
    },
    /// MATRES: accuracy of start-point relations (BEFORE/AFTER/EQUAL/VAGUE) on gold events.
    Matres {
        #[command(flatten)]
        corpus: Corpus,
        /// A MATRES file (`docid verb1 verb2 eiid1 eiid2 relation`).
        #[arg(long)]
        matres: PathBuf,
        /// The folder of TimeML files it refers to.
        #[arg(long)]
        tml: PathBuf,
        #[arg(long, default_value = "timebank")]
        model: Model,
        /// Instead of `--model`, train a MATRES-label perceptron in memory on this MATRES file
        /// (with `--train-tml`, the TimeML folder it refers to).
        #[arg(long, requires = "train_tml")]
        train_matres: Option<PathBuf>,
        #[arg(long)]
        train_tml: Option<PathBuf>,
    },
}

/// The trees' settings for `--learner boost` and `softmax-boost` (defaults: `choose::BOOST`).
#[derive(Debug, clap::Args)]
pub struct BoostArgs {
    /// Boosting rounds.
    #[arg(long, default_value_t = BOOST.rounds)]
    rounds: usize,
    /// Tree depth.
    #[arg(long, default_value_t = BOOST.depth)]
    depth: usize,
    /// Shrinkage (learning rate) of every leaf value.
    #[arg(long, default_value_t = BOOST.shrinkage)]
    shrinkage: f64,
    /// L2 penalty on leaf values.
    #[arg(long, default_value_t = BOOST.lambda)]
    lambda: f64,
    /// Least hessian sum on either side of a split.
    #[arg(long, default_value_t = BOOST.min_child)]
    min_child: f64,
    /// Features seen in fewer training examples are not split on.
    #[arg(long, default_value_t = BOOST.min_support)]
    min_support: u32,
    /// `softmax-boost`: inner document folds for the softmax scores the trees start from
    /// (0: the final softmax's in-sample scores).
    #[arg(long, default_value_t = STACK_FOLDS)]
    stack_folds: usize,
    /// `softmax-boost` with stack folds: the linear part is the mean of the inner softmaxes
    /// (whose held-out scores the trees learned from) instead of one trained on everything.
    #[arg(long)]
    stack_mean: bool,
}

impl BoostArgs {
    fn params(&self) -> boost::Params {
        boost::Params {
            rounds: self.rounds,
            depth: self.depth,
            shrinkage: self.shrinkage,
            lambda: self.lambda,
            min_child: self.min_child,
            min_support: self.min_support,
        }
    }
}

/// Which links `relations links` scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Pairs {
    /// The learned pair chooser (`link::choose`).
    Learned,
    /// The rule-proposed pairs of `link::link_with`.
    Rules,
}

#[derive(Debug, clap::Args)]
pub struct Corpus {
    /// Root of the research corpora [default: $TEMPOGRAPH_CORPORA, else ../shared/corpora].
    #[arg(long)]
    corpora: Option<PathBuf>,
    /// Write the figures here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

impl Corpus {
    fn path(&self, p: &std::path::Path) -> PathBuf {
        if p.is_absolute() || p.exists() {
            p.to_path_buf()
        } else {
            let root = self
                .corpora
                .clone()
                .or_else(|| std::env::var_os("TEMPOGRAPH_CORPORA").map(PathBuf::from))
                .unwrap_or_else(|| PathBuf::from("../shared/corpora"));
            root.join(p)
        }
    }
    fn load(&self, dirs: &[PathBuf]) -> crate::Result<Vec<GoldDoc>> {
        let mut v = Vec::new();
        for d in dirs {
            v.extend(tlink::load_gold_dir(&self.path(d))?);
        }
        Ok(v)
    }
}

/// The file name of `p` (empty when it has none).
fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn pct(x: f64) -> String {
    format!("{:.2}", 100.0 * x)
}

pub fn run(c: Command) -> crate::Result<Outcome> {
    match c {
        Command::Pairs {
            corpus,
            test,
            train,
            model,
            confusion,
            perceptron,
            backoff,
            consistent,
            folds,
        } => {
            let docs = corpus.load(&test)?;
            if let Some(k) = folds {
                if k < 2 {
                    return Err(crate::Error::usage("--folds needs at least 2"));
                }
                let extra = tlink::examples(&corpus.load(&train)?);
                let mut total = tlink::TaCounts::default();
                for f in 0..k {
                    let (held, rest): (Vec<_>, Vec<_>) = docs.iter().enumerate().partition(|(i, _)| i % k == f);
                    let held: Vec<GoldDoc> = held.into_iter().map(|(_, d)| d.clone()).collect();
                    let rest: Vec<GoldDoc> = rest.into_iter().map(|(_, d)| d.clone()).collect();
                    let mut ex = tlink::examples(&rest);
                    ex.extend(extra.iter().cloned());
                    match perceptron {
                        Some(epochs) => {
                            let m = Perceptron::train(&ex, epochs);
                            total.add(&tlink::relation_only(&held, &m, consistent).ta);
                        }
                        None => {
                            let m = SoftmaxLabels::train(&ex, LABEL_EPOCHS, LABEL_L2);
                            total.add(&tlink::relation_only(&held, &m, consistent).ta);
                        }
                    }
                }
                let out = format!(
                    "C-relation-only, {k}-fold document cross-validation over {} documents{}: TA P {} R {} F1 {}\n",
                    docs.len(),
                    if train.is_empty() {
                        String::new()
                    } else {
                        " (+ --train in every fold)".to_string()
                    },
                    pct(total.precision()),
                    pct(total.recall()),
                    pct(total.f1())
                );
                super::write_output(corpus.output.as_deref(), &out, &[])?;
                return Ok(Outcome::Ok);
            }
            let trained;
            let perc;
            let soft;
            let lookup: &dyn Classifier = if train.is_empty() {
                &model
            } else if backoff {
                trained = tlink::train(&corpus.load(&train)?);
                &trained
            } else if let Some(epochs) = perceptron {
                perc = crate::link::model::Perceptron::train(&tlink::examples(&corpus.load(&train)?), epochs);
                &perc
            } else {
                soft = SoftmaxLabels::train(&tlink::examples(&corpus.load(&train)?), LABEL_EPOCHS, LABEL_L2);
                &soft
            };
            let r = tlink::relation_only(&docs, lookup, consistent);
            let mut out = String::new();
            out += &format!(
                "C-relation-only on {} documents ({}): TA P {} R {} F1 {}  (Sys- {}, Ref- {}, system violations {}, gold violations {}, skipped gold links {})",
                docs.len(),
                if train.is_empty() { format!("model {}", model.as_str()) } else { "trained in memory".into() },
                pct(r.ta.precision()),
                pct(r.ta.recall()),
                pct(r.ta.f1()),
                r.ta.sys,
                r.ta.gold,
                r.ta.sys_violated,
                r.ta.gold_violated,
                r.skipped
            );
            out.push('\n');
            let (mut c, mut n) = (0, 0);
            for (k, ok, tot) in &r.accuracy {
                out += &format!(
                    "  {k:?}: accuracy {} ({ok}/{tot})\n",
                    pct(*ok as f64 / (*tot).max(1) as f64)
                );
                c += ok;
                n += tot;
            }
            out += &format!("  all: accuracy {} ({c}/{n})\n", pct(c as f64 / n.max(1) as f64));
            if confusion {
                for ((k, g, s), n) in &r.confusion {
                    out += &format!("  confusion {k:?} gold {g} system {s}: {n}\n");
                }
            }
            super::write_output(corpus.output.as_deref(), &out, &[])?;
            Ok(Outcome::Ok)
        }
        Command::Links {
            corpus,
            test,
            model,
            pairs,
            train,
            folds,
            threshold,
            learner,
            boost,
            gold_entities,
            by_rule,
            event_lexicon,
            event_lexicon_folds,
        } => {
            let docs = corpus.load(&test)?;
            let custom;
            let lex = match &event_lexicon {
                Some(p) => {
                    let tsv = std::fs::read_to_string(p).map_err(|e| crate::Error::io(p, e))?;
                    custom = Lexicon::with_corpus_counts(&tsv);
                    &custom
                }
                None => Lexicon::builtin(),
            };
            let setting = if gold_entities {
                tlink::Setting::C
            } else {
                tlink::Setting::Abc
            };
            let params = boost.params();
            let tree_params = format!(
                "{} rounds, depth {}, shrinkage {}, lambda {}, min-child {}, min-support {}",
                params.rounds, params.depth, params.shrinkage, params.lambda, params.min_child, params.min_support
            );
            let trees = match learner {
                Learner::Softmax => String::new(),
                Learner::SoftmaxBoost => format!(
                    " ({tree_params}, stack folds {}, mean {})",
                    boost.stack_folds, boost.stack_mean
                ),
                Learner::Boost => format!(" ({tree_params})"),
            };
            let train_chooser = |docs: &[GoldDoc]| {
                tlink::train_chooser_with(docs, lex, learner, &params, boost.stack_folds, boost.stack_mean)
            };
            let learned = format!("learner {learner:?}{trees}");
            // One (counts, per-rule counts, description) per threshold.
            let mut runs: Vec<(tlink::TaCounts, tlink::RuleCounts, String)> = Vec::new();
            match (pairs, folds) {
                (Pairs::Rules, None) => {
                    let (ta, r) = tlink::end_to_end_by_rule(&docs, tlink::Linker::Rules(&model), setting, lex)?;
                    runs.push((ta, r, format!("rule pairs, table {}", model.as_str())));
                }
                (_, Some(k)) => {
                    if k < 2 {
                        return Err(crate::Error::usage("--folds needs at least 2"));
                    }
                    let extra = corpus.load(&train)?;
                    let n = if pairs == Pairs::Learned { threshold.len() } else { 1 };
                    let mut acc: Vec<(tlink::TaCounts, tlink::RuleCounts)> = vec![Default::default(); n];
                    for f in 0..k {
                        let (held, rest): (Vec<_>, Vec<_>) = docs.iter().enumerate().partition(|(i, _)| i % k == f);
                        let held: Vec<GoldDoc> = held.into_iter().map(|(_, d)| d.clone()).collect();
                        let mut rest: Vec<GoldDoc> = rest.into_iter().map(|(_, d)| d.clone()).collect();
                        rest.extend(extra.iter().cloned());
                        let fold_lex = match &event_lexicon_folds {
                            Some(dir) => {
                                let names: Vec<String> = held.iter().map(|d| file_name(&d.doc.path)).collect();
                                Some(Lexicon::for_fold(dir, f, &names)?)
                            }
                            None => None,
                        };
                        let lex = fold_lex.as_ref().unwrap_or(lex);
                        let train_chooser = |docs: &[GoldDoc]| {
                            tlink::train_chooser_with(docs, lex, learner, &params, boost.stack_folds, boost.stack_mean)
                        };
                        let mut results = Vec::new();
                        if pairs == Pairs::Learned {
                            let m = train_chooser(&rest)?;
                            for &t in &threshold {
                                results.push(tlink::end_to_end_by_rule(
                                    &held,
                                    tlink::Linker::Learned(&m, t),
                                    setting,
                                    lex,
                                )?);
                            }
                        } else {
                            let m = SoftmaxLabels::train(&tlink::examples(&rest), LABEL_EPOCHS, LABEL_L2);
                            results.push(tlink::end_to_end_by_rule(
                                &held,
                                tlink::Linker::Rules(&m),
                                setting,
                                lex,
                            )?);
                        }
                        for ((ta, rules), (t, r)) in acc.iter_mut().zip(results) {
                            ta.add(&t);
                            for (id, (a, b, c)) in r {
                                let e = rules.entry(id).or_default();
                                e.0 += a;
                                e.1 += b;
                                e.2 += c;
                            }
                        }
                    }
                    for (i, (ta, rules)) in acc.into_iter().enumerate() {
                        let what = match pairs {
                            Pairs::Learned => format!("learned pairs, {learned}, threshold {}", threshold[i]),
                            Pairs::Rules => "rule pairs".to_string(),
                        };
                        let counts = if event_lexicon_folds.is_some() {
                            ", event counts from the training folds"
                        } else {
                            ""
                        };
                        runs.push((ta, rules, format!("{what}, {k}-fold document cross-validation{counts}")));
                    }
                }
                (Pairs::Learned, None) if !train.is_empty() => {
                    let m = train_chooser(&corpus.load(&train)?)?;
                    for &t in &threshold {
                        let (ta, r) = tlink::end_to_end_by_rule(&docs, tlink::Linker::Learned(&m, t), setting, lex)?;
                        runs.push((
                            ta,
                            r,
                            format!("learned pairs, trained in memory, {learned}, threshold {t}"),
                        ));
                    }
                }
                (Pairs::Learned, None) => {
                    let m = crate::link::choose::Committed;
                    for &t in &threshold {
                        let (ta, r) = tlink::end_to_end_by_rule(&docs, tlink::Linker::Learned(&m, t), setting, lex)?;
                        runs.push((
                            ta,
                            r,
                            format!("learned pairs, committed table (all TBAQ), threshold {t}"),
                        ));
                    }
                }
            }
            let mut out = String::new();
            for (ta, rules, what) in &runs {
                out += &format!(
                    "Task {} on {} documents ({what}): TA P {} R {} F1 {}  (Sys- {}, Ref- {})\n",
                    if gold_entities { "C" } else { "ABC" },
                    docs.len(),
                    pct(ta.precision()),
                    pct(ta.recall()),
                    pct(ta.f1()),
                    ta.sys,
                    ta.gold
                );
                if by_rule {
                    for (r, (ok, aligned, n)) in rules {
                        out += &format!("  {r:<26} correct {ok:>5} / aligned {aligned:>5} / links {n:>5}\n");
                    }
                }
            }
            super::write_output(corpus.output.as_deref(), &out, &[])?;
            Ok(Outcome::Ok)
        }
        Command::Timeline {
            corpus,
            files,
            dct,
            manifest,
            alias,
            track,
            docs,
            about,
            gold,
            out_dir,
        } => {
            let mut tdocs = Vec::new();
            let mut skipped = 0;
            if files.is_empty() && manifest.is_none() {
                let dir = corpus.path(&docs);
                for f in tlink::tml_files(&dir)? {
                    // One unreadable or undated file is reported and left out; the others
                    // still make the timeline.
                    match crate::timeml::read(&f).and_then(|d| timeline::Doc::from_timeml(&d)) {
                        Ok(d) => tdocs.push(d),
                        Err(e) => {
                            super::console::warning(&format!("{e}; document left out"));
                            skipped += 1;
                        }
                    }
                }
            } else {
                if track == timeline::Track::B {
                    return Err(crate::Error::usage(
                        "--track b needs the task's corpus files (--docs): plain documents have no gold events",
                    ));
                }
                let dct = dct.as_deref().map(crate::document::parse_dct).transpose()?;
                let (loaded, errors) = super::input::load_documents(
                    &files,
                    manifest.as_deref(),
                    dct,
                    crate::pipeline::Limits::DEFAULT_MAX_DOCUMENT_BYTES,
                    &Default::default(),
                )?;
                for e in &errors {
                    super::console::warning(&format!("{e}; document left out"));
                }
                skipped += errors.len();
                tdocs.extend(loaded.iter().map(timeline::Doc::from_document));
            }
            if tdocs.is_empty() {
                return Err(crate::Error::usage(format!(
                    "no documents to build a timeline from ({skipped} left out)"
                )));
            }
            if let Some(entity) = about {
                let target = crate::focus::Entity::new(&entity, &alias);
                let t = timeline::build_with(&tdocs, &target, track);
                super::write_output(corpus.output.as_deref(), t.to_task_format(), &[])?;
                return Ok(Outcome::Ok);
            }
            let Some(gold) = gold else {
                return Err(crate::Error::usage("give --about ENTITY or --gold DIR"));
            };
            let gdir = corpus.path(&gold);
            let rd = std::fs::read_dir(&gdir).map_err(|e| crate::Error::io(&gdir, e))?;
            let mut files: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            if let Some(o) = &out_dir {
                std::fs::create_dir_all(o).map_err(|e| crate::Error::io(o, e))?;
            }
            let mut total = tlink::TaCounts::default();
            let mut out = String::new();
            for f in &files {
                let g = timeline::read(f)?;
                let t = timeline::build_with(&tdocs, &crate::focus::Entity::new(&g.entity, &alias), track);
                let c = timeline::score(&g, &t);
                out += &format!(
                    "{:<22} P {:>6} R {:>6} F1 {:>6}  (system lines {}, Sys- {}, Ref- {})\n",
                    g.entity,
                    pct(c.precision()),
                    pct(c.recall()),
                    pct(c.f1()),
                    t.lines.len(),
                    c.sys,
                    c.gold
                );
                total.add(&c);
                if let (Some(o), Some(name)) = (&out_dir, f.file_name()) {
                    super::write_output(Some(&o.join(name)), t.to_task_format(), std::slice::from_ref(f))?;
                }
            }
            out += &format!(
                "TimeLine Track {:?}, {} timelines over {} documents: P {} R {} F1 {}\n",
                track,
                files.len(),
                tdocs.len(),
                pct(total.precision()),
                pct(total.recall()),
                pct(total.f1())
            );
            super::write_output(corpus.output.as_deref(), &out, &[])?;
            Ok(Outcome::Ok)
        }
        Command::Matres {
            corpus,
            matres: file,
            tml,
            model,
            train_matres,
            train_tml,
        } => {
            let pairs = matres::read(&corpus.path(&file))?;
            let docs = corpus.load(&[tml])?;
            let soft;
            let (lookup, what, tlink_rules): (&dyn Classifier, String, bool) = match (train_matres, train_tml) {
                (Some(m), Some(t)) => {
                    let train_pairs = matres::read(&corpus.path(&m))?;
                    let train_docs = corpus.load(&[t])?;
                    let ex = matres::examples(&train_pairs, &train_docs);
                    // Softmax rather than the perceptron: AQUAINT 63.99 → 64.58, TimeBank 64.78 → 65.59.
                    soft = SoftmaxLabels::train_labels(&ex, matres::MATRES_LABELS, LABEL_EPOCHS, LABEL_L2);
                    (&soft, format!("MATRES-trained softmax from {}", m.display()), false)
                }
                _ => (&model, format!("TLINK model {}", model.as_str()), true),
            };
            let s = matres::evaluate(&pairs, &docs, lookup, tlink_rules);
            let mut out = format!(
                "MATRES {} ({what}): accuracy {} ({}/{}), pairs not found {}\n",
                file.display(),
                pct(s.accuracy()),
                s.correct,
                s.total,
                s.missing
            );
            for ((g, y), n) in &s.confusion {
                out += &format!("  gold {} system {}: {n}\n", g.as_str(), y.as_str());
            }
            super::write_output(corpus.output.as_deref(), &out, &[])?;
            Ok(Outcome::Ok)
        }
    }
}
