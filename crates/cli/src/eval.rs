//! `tempograph eval GOLD_DIR SYSTEM_DIR`: TempEval-3 Task A scores, and Task B (events:
//! strict/relaxed F1, class F1) when the gold files have EVENTs. `tempograph eval timeline`
//! is SemEval-2015 Task 4 ([`super::semeval`]).
//!
//! Gold files are found recursively; each is paired with the system file at the same
//! relative path or with the same name (`NAME.tml`) directly in SYSTEM_DIR. Scores are
//! printed per corpus (first-level sub-folder of GOLD_DIR) and overall.
use super::Outcome;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use tempograph_eval::events;
use tempograph_eval::timex::{score, Counts, Finding};
use tempograph_timeml as timeml;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folder (or file) of gold TimeML.
    #[arg(required = true)]
    pub gold: Option<PathBuf>,
    /// Folder (or file) of system TimeML.
    #[arg(required = true)]
    pub system: Option<PathBuf>,
    /// Print scores for every document.
    #[arg(long)]
    pub per_doc: bool,
    /// List every missing, extra, wrong-extent, wrong-value and wrong-type timex.
    #[arg(long)]
    pub errors: bool,
    /// TempEval-3 C-relation-only: instead of the system files' TLINKs, label the gold
    /// files' own TLINK pairs (gold EVENT/MAKEINSTANCE/TIMEX3 attributes) and score those.
    #[arg(long)]
    pub relations_only: bool,
    /// The relation table for --relations-only: `timebank` (trained on TBAQ TimeBank only) or
    /// `aquaint` (AQUAINT only). Score each corpus with the table not trained on it.
    #[arg(long, default_value = "timebank")]
    pub relations_model: crate::link::Model,
    /// Write the figures here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `eval`'s other evaluations.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// SemEval-2015 Task 4 (TimeLine): the ordered, dated events about an entity, in the
    /// task's format (`--about`), or scored against gold timelines (`--gold`). Reads the
    /// task's corpus files (`--docs`), or plain documents (FILE... with `--dct` or
    /// `--manifest`, as `build` reads them).
    Timeline(super::semeval::Args),
}

fn line(name: &str, c: &Counts) -> String {
    let s = c.scores();
    format!(
        "{name:<12} {:>5} {:>5} {:>5}   {:>6.2} {:>6.2} {:>6.2}   {:>6.2} {:>6.2} {:>6.2}   {:>6.2}  {:>6.2}\n",
        c.docs,
        c.gold,
        c.system,
        s.strict_p,
        s.strict_r,
        s.strict_f1,
        s.relaxed_p,
        s.relaxed_r,
        s.relaxed_f1,
        s.value_f1,
        s.type_f1
    )
}

fn header() -> String {
    format!(
        "{:<12} {:>5} {:>5} {:>5}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6}  {:>6}\n",
        "corpus", "docs", "gold", "sys", "str.P", "str.R", "str.F1", "rel.P", "rel.R", "rel.F1", "val.F1", "typ.F1"
    )
}

fn describe(f: &Finding) -> String {
    let m = |x: &Option<tempograph_eval::timex::Mention>| match x {
        Some(m) => format!("`{}` {} {}", m.text.replace('\n', " "), m.kind, m.value),
        None => "-".to_string(),
    };
    format!("{:<8} gold {}  |  system {}", f.kind.as_str(), m(&f.gold), m(&f.system))
}

pub fn run(args: Args) -> crate::Result<Outcome> {
    if let Some(Command::Timeline(t)) = args.command {
        return super::semeval::run(t);
    }
    let (Some(gold), Some(system)) = (args.gold.clone(), args.system.clone()) else {
        return Err(crate::Error::usage("give GOLD and SYSTEM (or `eval timeline ...`)"));
    };
    for p in [&gold, &system] {
        if !p.exists() {
            return Err(crate::Error::usage(format!("{}: no such file or folder", p.display())));
        }
    }
    let gold_files = super::timeml::timeml_files(&gold)?;
    if gold_files.is_empty() {
        return Err(crate::Error::usage(format!(
            "no TimeML files (*.tml) under {}",
            gold.display()
        )));
    }
    let mut per_corpus: BTreeMap<String, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    let mut per_corpus_b: BTreeMap<String, events::TaskB> = BTreeMap::new();
    let mut total_b = events::TaskB::default();
    // Temporal awareness (relations helper).
    let mut per_corpus_ta: BTreeMap<String, tempograph_eval::tlink::TaCounts> = BTreeMap::new();
    let mut out = String::new();
    let mut failed = 0;
    for g in &gold_files {
        let rel = g.strip_prefix(&gold).unwrap_or(g);
        let corpus = if rel.components().count() > 1 {
            rel.components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            String::new()
        };
        let name = tempograph_timeml::annotate::output_name(g);
        let candidates = [system.join(rel), system.join(&name), system.clone()];
        let Some(sys_path) = candidates.iter().find(|p| p.is_file()) else {
            eprintln!(
                "tempograph: error: {}: no system file for it in {}",
                g.display(),
                system.display()
            );
            failed += 1;
            continue;
        };
        let res = timeml::read(g).and_then(|gd| {
            timeml::read(sys_path).and_then(|sd| {
                // Task B (events), when the gold file has EVENTs.
                if gd.tagged("EVENT").next().is_some() {
                    let b = per_corpus_b.entry(corpus.clone()).or_default();
                    let (gm, sm) = (events::mentions(&gd), events::mentions(&sd));
                    b.add_document(&gd.text, &gm, &sm);
                    total_b.add_document(&gd.text, &gm, &sm);
                }
                // Temporal awareness, when the gold file has TLINKs (relations helper).
                if !gd.tlinks.is_empty() {
                    let gold_links = tempograph_eval::tlink::triples(&gd);
                    let sys_links = if args.relations_only {
                        let gdoc = tempograph_eval::tlink::load_gold(g)?;
                        tempograph_eval::tlink::label_gold_pairs(&gdoc, &args.relations_model)
                    } else {
                        tempograph_eval::tlink::aligned_triples(&gd, &sd)
                    };
                    let ta = tempograph_eval::tlink::score(&gold_links, &sys_links);
                    per_corpus_ta.entry(corpus.clone()).or_default().add(&ta);
                }
                score(&gd, &sd)
            })
        });
        let (c, findings) = match res {
            Ok(x) => x,
            Err(e) => {
                super::console::error(&e);
                failed += 1;
                continue;
            }
        };
        if args.per_doc {
            out.push_str(&line(&name, &c));
        }
        if args.errors {
            for f in &findings {
                let _ = writeln!(out, "{}: {}", rel.display(), describe(f));
            }
        }
        *per_corpus.entry(corpus).or_default() += c;
        total += c;
    }
    if args.per_doc || args.errors {
        out.push('\n');
    }
    out.push_str(&header());
    for (k, c) in &per_corpus {
        if !k.is_empty() && per_corpus.len() > 1 {
            out.push_str(&line(k, c));
        }
    }
    out.push_str(&line("all", &total));
    if total_b.documents > 0 {
        for (k, b) in &per_corpus_b {
            if !k.is_empty() && per_corpus_b.len() > 1 {
                let _ = write!(out, "\n[{k}] {}", b.report());
            }
        }
        let _ = write!(out, "\n[all] {}", total_b.report());
    }
    // Temporal awareness (relations helper).
    if !per_corpus_ta.is_empty() {
        let what = if args.relations_only {
            format!(
                "C-relation-only (gold pairs labelled with the {} table)",
                args.relations_model.as_str()
            )
        } else {
            "system TLINKs".to_string()
        };
        let mut all = tempograph_eval::tlink::TaCounts::default();
        let ta_line = |k: &str, c: &tempograph_eval::tlink::TaCounts| {
            format!(
                "[{k}] temporal awareness, {what}: P {:.2} R {:.2} F1 {:.2} (Sys- {}, Ref- {})\n",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.sys,
                c.gold
            )
        };
        out.push('\n');
        for (k, c) in &per_corpus_ta {
            all.add(c);
            if !k.is_empty() && per_corpus_ta.len() > 1 {
                out.push_str(&ta_line(k, c));
            }
        }
        out.push_str(&ta_line("all", &all));
    }
    super::write_output(args.output.as_deref(), &out, &[])?;
    if failed > 0 {
        return Err(crate::Error::usage(format!("{failed} documents could not be scored")));
    }
    Ok(Outcome::Ok)
}
