//! `tempograph-train relations ...`: evaluate temporal relations on research corpora, with
//! the stored models or with models trained in memory (cross-validation by document).
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
use crate::data;
use crate::learn::boost;
use crate::learn::chooser::{Learner, BOOST, STACK_FOLDS};
use crate::learn::labels::{Perceptron, SoftmaxLabels, LABEL_EPOCHS, LABEL_L2};
use crate::matres;
use crate::score;
use std::path::PathBuf;
use tempograph_cli::{write_output, Outcome};
use tempograph_eval::tlink::{self, GoldDoc};
use tempograph_events::lexicon::Lexicon;
use tempograph_link::{Classifier, Model};

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
        #[arg(long, value_delimiter = ',', default_values_t = [tempograph_link::choose::THRESHOLD])]
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
        /// all of TBAQ): a table made by `train/scripts/gen_event_lexicon.py --corpus DIR --out FILE`,
        /// e.g. from TimeBank only, so that a score on AQUAINT is held out for the events too.
        #[arg(long, conflicts_with = "event_lexicon_folds")]
        event_lexicon: Option<PathBuf>,
        /// With `--folds K`: fold F finds its events (training and test) with DIR/fold-F.tsv,
        /// counts from the other folds' documents only, made by `train/scripts/gen_event_lexicon.py
        /// --corpus DIR... --folds K --fold-out DIR` with the `--test` folders in the same
        /// order (each table names the documents it leaves out; a mismatch is an error).
        #[arg(long, requires = "folds")]
        event_lexicon_folds: Option<PathBuf>,
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
            crate::corpora_root(self.corpora.as_deref()).join(p)
        }
    }
    fn load(&self, dirs: &[PathBuf]) -> tempograph_core::error::Result<Vec<GoldDoc>> {
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

/// Run one `relations` subcommand.
pub fn run(c: Command) -> tempograph_core::error::Result<Outcome> {
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
                    return Err(tempograph_core::error::Error::usage("--folds needs at least 2"));
                }
                let extra = data::examples(&corpus.load(&train)?);
                let mut total = tlink::TaCounts::default();
                for f in 0..k {
                    let (held, rest): (Vec<_>, Vec<_>) = docs.iter().enumerate().partition(|(i, _)| i % k == f);
                    let held: Vec<GoldDoc> = held.into_iter().map(|(_, d)| d.clone()).collect();
                    let rest: Vec<GoldDoc> = rest.into_iter().map(|(_, d)| d.clone()).collect();
                    let mut ex = data::examples(&rest);
                    ex.extend(extra.iter().cloned());
                    match perceptron {
                        Some(epochs) => {
                            let m = Perceptron::train(&ex, epochs);
                            total.add(&score::relation_only(&held, &m, consistent).ta);
                        }
                        None => {
                            let m = SoftmaxLabels::train(&ex, LABEL_EPOCHS, LABEL_L2);
                            total.add(&score::relation_only(&held, &m, consistent).ta);
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
                write_output(corpus.output.as_deref(), &out, &[])?;
                return Ok(Outcome::Ok);
            }
            let trained;
            let perc;
            let soft;
            let lookup: &dyn Classifier = if train.is_empty() {
                &model
            } else if backoff {
                trained = data::counts(&corpus.load(&train)?);
                &trained
            } else if let Some(epochs) = perceptron {
                perc = Perceptron::train(&data::examples(&corpus.load(&train)?), epochs);
                &perc
            } else {
                soft = SoftmaxLabels::train(&data::examples(&corpus.load(&train)?), LABEL_EPOCHS, LABEL_L2);
                &soft
            };
            let r = score::relation_only(&docs, lookup, consistent);
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
            write_output(corpus.output.as_deref(), &out, &[])?;
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
                    let tsv = std::fs::read_to_string(p).map_err(|e| tempograph_core::error::Error::io(p, e))?;
                    custom = Lexicon::with_corpus_counts(&tsv);
                    &custom
                }
                None => Lexicon::builtin(),
            };
            let setting = if gold_entities {
                score::Setting::C
            } else {
                score::Setting::Abc
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
                data::train_chooser(docs, lex, learner, &params, boost.stack_folds, boost.stack_mean)
            };
            let learned = format!("learner {learner:?}{trees}");
            // One (counts, per-rule counts, description) per threshold.
            let mut runs: Vec<(tlink::TaCounts, score::RuleCounts, String)> = Vec::new();
            match (pairs, folds) {
                (Pairs::Rules, None) => {
                    let (ta, r) = score::end_to_end_by_rule(&docs, score::Linker::Rules(&model), setting, lex)?;
                    runs.push((ta, r, format!("rule pairs, table {}", model.as_str())));
                }
                (_, Some(k)) => {
                    if k < 2 {
                        return Err(tempograph_core::error::Error::usage("--folds needs at least 2"));
                    }
                    let extra = corpus.load(&train)?;
                    let n = if pairs == Pairs::Learned { threshold.len() } else { 1 };
                    let mut acc: Vec<(tlink::TaCounts, score::RuleCounts)> = vec![Default::default(); n];
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
                            data::train_chooser(docs, lex, learner, &params, boost.stack_folds, boost.stack_mean)
                        };
                        let mut results = Vec::new();
                        if pairs == Pairs::Learned {
                            let m = train_chooser(&rest)?;
                            for &t in &threshold {
                                results.push(score::end_to_end_by_rule(
                                    &held,
                                    score::Linker::Learned(&m, t),
                                    setting,
                                    lex,
                                )?);
                            }
                        } else {
                            let m = SoftmaxLabels::train(&data::examples(&rest), LABEL_EPOCHS, LABEL_L2);
                            results.push(score::end_to_end_by_rule(
                                &held,
                                score::Linker::Rules(&m),
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
                        let (ta, r) = score::end_to_end_by_rule(&docs, score::Linker::Learned(&m, t), setting, lex)?;
                        runs.push((
                            ta,
                            r,
                            format!("learned pairs, trained in memory, {learned}, threshold {t}"),
                        ));
                    }
                }
                (Pairs::Learned, None) => {
                    let m = tempograph_link::choose::Committed;
                    for &t in &threshold {
                        let (ta, r) = score::end_to_end_by_rule(&docs, score::Linker::Learned(&m, t), setting, lex)?;
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
            write_output(corpus.output.as_deref(), &out, &[])?;
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
            write_output(corpus.output.as_deref(), &out, &[])?;
            Ok(Outcome::Ok)
        }
    }
}
