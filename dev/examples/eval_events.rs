//! Development driver for event extraction: runs `events::extract_with` on the plain text of
//! every `.tml` file in the given folders and scores it against the gold EVENTs (Task B).
//!
//! ```text
//! cargo run --example eval_events -- [--lexicon corpus.tsv] [--errors out.tsv] DIR...
//! cargo run --example eval_events -- --fold-lexicons FOLDS_DIR --folds K DIR...
//! ```
//!
//! Temporal expressions are excluded using the gold TIMEX3 spans (the Task B setting where
//! timexes are known); `tempograph eval` on `timeml annotate` output scores the full pipeline.
//! `--lexicon` replaces the built-in corpus counts (e.g. counts from TimeBank only, to score
//! AQUAINT without having seen it). `--errors` writes false positives / negatives and class
//! errors (`CLASS gold->system`) by form; with `EVENT_CONTEXT=1` set, each row is one mention
//! with the words around it instead. `--fold-lexicons DIR --folds K` is document
//! cross-validation: the n-th document of the folders (each folder sorted, in the order given)
//! is in fold n mod K and is scored with DIR/fold-F.tsv, counts from the other folds only
//! (`train/scripts/gen_event_lexicon.py --corpus DIR... --folds K --fold-out DIR`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use tempograph_eval::events::{mentions, Mention, TaskB};
use tempograph_eval::tlink::tml_files;
use tempograph_events::{extract_with, lexicon::Lexicon};
use tempograph_lang::text::Analysis;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dirs = Vec::new();
    let mut lexicon = None;
    let mut errors = None;
    let mut fold_dir = None;
    let mut folds = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lexicon" => lexicon = args.next().map(PathBuf::from),
            "--errors" => errors = args.next().map(PathBuf::from),
            "--fold-lexicons" => fold_dir = args.next().map(PathBuf::from),
            "--folds" => folds = args.next().and_then(|k| k.parse::<usize>().ok()),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    let contexts = std::env::var("EVENT_CONTEXT").is_ok();
    let custom;
    let lex: &Lexicon = match &lexicon {
        Some(p) => {
            custom = Lexicon::with_corpus_counts(&std::fs::read_to_string(p).expect("read --lexicon"));
            &custom
        }
        None => Lexicon::builtin(),
    };
    let listed: Vec<(PathBuf, Vec<PathBuf>)> = dirs
        .iter()
        .map(|d| (d.clone(), tml_files(d).expect("read dir")))
        .collect();
    // Cross-validation: one lexicon per fold, each from the other folds' documents.
    let fold_lex: Vec<Lexicon> = match (&fold_dir, folds) {
        (Some(d), Some(k)) if k >= 2 => {
            let names: Vec<String> = listed
                .iter()
                .flat_map(|(_, files)| files)
                .map(|f| {
                    f.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                })
                .collect();
            (0..k)
                .map(|f| {
                    let held: Vec<String> = names.iter().skip(f).step_by(k).cloned().collect();
                    Lexicon::for_fold(d, f, &held).unwrap_or_else(|e| panic!("{e}"))
                })
                .collect()
        }
        (None, None) => Vec::new(),
        _ => panic!("--fold-lexicons DIR and --folds K (K >= 2) go together"),
    };
    let mut n = 0usize;
    let mut total = TaskB::default();
    let mut errs: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (dir, files) in &listed {
        let mut part = TaskB::default();
        for f in files {
            let index = n;
            n += 1;
            let doc = match tempograph_timeml::read(f) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{e:#}");
                    continue;
                }
            };
            let analysis = Analysis::new(&doc.text);
            let timexes: Vec<_> = doc.tagged("TIMEX3").map(|a| a.span).collect();
            let lex = if fold_lex.is_empty() {
                lex
            } else {
                &fold_lex[index % fold_lex.len()]
            };
            let events = extract_with(lex, &doc.text, &analysis, &timexes);
            let sys: Vec<Mention> = events
                .iter()
                .map(|e| Mention {
                    span: e.span,
                    class: e.class.as_str().into(),
                    tense: Some(e.tense.as_str().into()),
                    aspect: Some(e.aspect.as_str().into()),
                    polarity: Some(e.polarity.as_str().into()),
                    pos: Some(e.pos.as_str().into()),
                })
                .collect();
            let gold = mentions(&doc);
            part.add_document(&doc.text, &gold, &sys);
            total.add_document(&doc.text, &gold, &sys);
            if errors.is_some() {
                for s in &sys {
                    if !gold.iter().any(|g| g.span.overlaps(&s.span)) {
                        *errs
                            .entry((
                                "FP".into(),
                                if contexts {
                                    context(&doc.text, s.span)
                                } else {
                                    s.span.slice(&doc.text).to_lowercase()
                                },
                            ))
                            .or_default() += 1;
                    }
                }
                for g in &gold {
                    match sys.iter().find(|s| g.span.overlaps(&s.span)) {
                        None => {
                            *errs
                                .entry((
                                    "FN".into(),
                                    if contexts {
                                        context(&doc.text, g.span)
                                    } else {
                                        g.span.slice(&doc.text).to_lowercase()
                                    },
                                ))
                                .or_default() += 1
                        }
                        Some(s)
                            if g.tense.is_some()
                                && s.tense != g.tense
                                && g.pos.as_deref() != Some("UNKNOWN")
                                && std::env::var("TENSE_ERRORS").is_ok() =>
                        {
                            let k = format!(
                                "TENSE {}->{}",
                                g.tense.as_deref().unwrap_or(""),
                                s.tense.as_deref().unwrap_or("")
                            );
                            let lo = doc.text[..g.span.start].char_indices().rev().nth(30).map_or(0, |x| x.0);
                            let ctx = doc.text[lo..g.span.end].replace('\n', " ");
                            *errs.entry((k, ctx)).or_default() += 1
                        }
                        Some(s) if s.class != g.class => {
                            let what = if contexts {
                                context(&doc.text, g.span)
                            } else {
                                g.span.slice(&doc.text).to_lowercase()
                            };
                            *errs
                                .entry((format!("CLASS {}->{}", g.class, s.class), what))
                                .or_default() += 1
                        }
                        _ => {}
                    }
                }
            }
        }
        println!("== {}", dir.display());
        print!("{}", part.report());
    }
    if dirs.len() > 1 {
        println!("== all");
        print!("{}", total.report());
    }
    if let Some(p) = errors {
        let mut rows: Vec<_> = errs.into_iter().collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let s: String = rows.iter().map(|((k, w), n)| format!("{n}\t{k}\t{w}\n")).collect();
        std::fs::write(p, s).expect("write --errors");
    }
}

/// The words around `span`, the span in brackets, on one line (for `EVENT_CONTEXT=1`).
fn context(text: &str, span: tempograph_lang::text::Span) -> String {
    let lo = text[..span.start].char_indices().rev().nth(40).map_or(0, |x| x.0);
    let hi = text[span.end..]
        .char_indices()
        .nth(40)
        .map_or(text.len(), |x| span.end + x.0);
    format!("{}[{}]{}", &text[lo..span.start], span.slice(text), &text[span.end..hi]).replace('\n', " ")
}
