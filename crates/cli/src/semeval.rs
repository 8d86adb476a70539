//! `tempograph eval timeline`: SemEval-2015 Task 4 (TimeLine) entity timelines, written in
//! the task's format or scored against its gold timelines.
//!
//! | command | does |
//! |---------|------|
//! | `eval timeline --about "Sony Pictures" --manifest M` | the entity's events in the task's format, from plain documents |
//! | `eval timeline --about "Steve Jobs" --corpora C` | the same from the task's corpus files (`--docs`, under `--corpora`) |
//! | `eval timeline --gold DIR --corpora C [--out-dir D] [--track b]` | one timeline per gold file's entity, scored (P, R, F1 per entity and in all) |
//!
//! The figures are this project's reconstruction of the task's scorer
//! ([`tempograph_eval::timeline`]); `scripts/semeval-timeline.sh` scores the written timelines
//! with the official one. Paths that do not exist as given are read under `--corpora`
//! (default `$TEMPOGRAPH_CORPORA`, else `../shared/corpora`).
use super::Outcome;
use std::path::{Path, PathBuf};
use tempograph_eval::{timeline, tlink};

/// `eval timeline`'s arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plain-text or TimeML documents, or folders of `*.txt` and `*.tml` (instead of `--docs`).
    #[arg(value_name = "FILE", requires = "about")]
    pub files: Vec<PathBuf>,
    /// Publication date for every plain document; wins over datelines.
    #[arg(long, value_name = "DATE", conflicts_with = "manifest")]
    pub dct: Option<String>,
    /// A manifest of plain documents (like `build --manifest`).
    #[arg(long, value_name = "FILE", requires = "about")]
    pub manifest: Option<PathBuf>,
    /// Another name of the `--about` entity (repeatable).
    #[arg(long, value_name = "NAME", requires = "about")]
    pub alias: Vec<String>,
    /// `a`: events found in raw text; `b`: the corpus files' gold `<EVENT>` mentions.
    #[arg(long, value_enum, default_value_t = timeline::Track::A)]
    pub track: timeline::Track,
    /// Folder of TimeLine corpus files (`<s id>` sentences inside `<TEXT>`).
    #[arg(
        long,
        default_value = "semeval2015-trial/Corpus-trial-data_task4_events_timelines_TimeML"
    )]
    pub docs: PathBuf,
    /// The target entity ("Steve Jobs").
    #[arg(long, conflicts_with = "gold")]
    pub about: Option<String>,
    /// Folder of gold timelines: build one for each file's entity and score it.
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// With --gold: also write the system timelines here, one file per gold file name.
    #[arg(long, requires = "gold")]
    pub out_dir: Option<PathBuf>,
    /// Root of the corpora for `--docs` and `--gold` [default: $TEMPOGRAPH_CORPORA, else
    /// ../shared/corpora].
    #[arg(long, value_name = "DIR")]
    pub corpora: Option<PathBuf>,
    /// Write the timeline or the figures here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl Args {
    /// `p` as given when it exists or is absolute, else under the corpora root.
    fn path(&self, p: &Path) -> PathBuf {
        if p.is_absolute() || p.exists() {
            return p.to_path_buf();
        }
        let root = self
            .corpora
            .clone()
            .or_else(|| std::env::var_os("TEMPOGRAPH_CORPORA").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("../shared/corpora"));
        root.join(p)
    }
}

fn pct(x: f64) -> String {
    format!("{:.2}", 100.0 * x)
}

/// Run `eval timeline`.
pub fn run(args: Args) -> crate::Result<Outcome> {
    let mut tdocs = Vec::new();
    let mut skipped = 0;
    if args.files.is_empty() && args.manifest.is_none() {
        let dir = args.path(&args.docs);
        for f in tlink::tml_files(&dir)? {
            // One unreadable or undated file is reported and left out; the others
            // still make the timeline.
            match tempograph_timeml::read(&f).and_then(|d| timeline::Doc::from_timeml(&d)) {
                Ok(d) => tdocs.push(d),
                Err(e) => {
                    super::console::warning(&format!("{e}; document left out"));
                    skipped += 1;
                }
            }
        }
    } else {
        if args.track == timeline::Track::B {
            return Err(crate::Error::usage(
                "--track b needs the task's corpus files (--docs): plain documents have no gold events",
            ));
        }
        let dct = args.dct.as_deref().map(crate::document::parse_dct).transpose()?;
        let (loaded, errors) = super::input::load_documents(
            &args.files,
            args.manifest.as_deref(),
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
    if let Some(entity) = &args.about {
        let target = crate::focus::Entity::new(entity, &args.alias);
        let t = timeline::build_with(&tdocs, &target, args.track);
        super::write_output(args.output.as_deref(), t.to_task_format(), &[])?;
        return Ok(Outcome::Ok);
    }
    let Some(gold) = &args.gold else {
        return Err(crate::Error::usage("give --about ENTITY or --gold DIR"));
    };
    let gdir = args.path(gold);
    let rd = std::fs::read_dir(&gdir).map_err(|e| crate::Error::io(&gdir, e))?;
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    if let Some(o) = &args.out_dir {
        std::fs::create_dir_all(o).map_err(|e| crate::Error::io(o, e))?;
    }
    let mut total = tlink::TaCounts::default();
    let mut out = String::new();
    for f in &files {
        let g = timeline::read(f)?;
        let t = timeline::build_with(&tdocs, &crate::focus::Entity::new(&g.entity, &args.alias), args.track);
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
        if let (Some(o), Some(name)) = (&args.out_dir, f.file_name()) {
            super::write_output(Some(&o.join(name)), t.to_task_format(), std::slice::from_ref(f))?;
        }
    }
    out += &format!(
        "TimeLine Track {:?}, {} timelines over {} documents: P {} R {} F1 {}\n",
        args.track,
        files.len(),
        tdocs.len(),
        pct(total.precision()),
        pct(total.recall()),
        pct(total.f1())
    );
    super::write_output(args.output.as_deref(), &out, &[])?;
    Ok(Outcome::Ok)
}
