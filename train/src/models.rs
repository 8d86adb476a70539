//! `tempograph-train models`: retrain the link stage's stored models (`models/en/link/<name>/`,
//! read by `tempograph_link::store`):
//!
//! | folder     | model                                         | trained on                       |
//! |------------|-----------------------------------------------|----------------------------------|
//! | `timebank` | softmax label model (`link::Model::TimeBank`) | TBAQ TimeBank only               |
//! | `aquaint`  | softmax label model (`link::Model::Aquaint`)  | TBAQ AQUAINT only                |
//! | `choose`   | pair chooser (`link::choose::Committed`)      | all of TBAQ, as Task ABC sees it |
//!
//! ```text
//! cargo run --release -p tempograph-train -- models [--out models] [--corpora DIR]
//! ```
//!
//! `--out` is the model store (default `models`, run from the repository root); the link models
//! go to `OUT/en/link/<name>/`. `--corpora` defaults to `$TEMPOGRAPH_CORPORA`, then
//! `../shared/corpora` (it must hold `tbaq/timebank` and `tbaq/aquaint`). Each model folder gets `weights.tsv` and
//! `manifest.toml`: the corpus files and their sha256, the code revision (`git rev-parse
//! HEAD`, `-dirty` when the work tree has changes), the feature-code hash, the label order and
//! the training settings. The manifest's `[held_out]` section is kept from the previous
//! manifest when the weights come out byte for byte the same; otherwise it says the
//! held-out figures are still to be measured (the commands are in docs/RELATIONS.md).
use crate::data;
use crate::learn::chooser::{EPOCHS, L2};
use crate::learn::labels::{SoftmaxLabels, LABEL_EPOCHS, LABEL_L2};
use crate::learn::softmax::{Softmax, PRUNE};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use tempograph_core::error::Error;
use tempograph_eval::tlink;
use tempograph_link::choose::N_LABELS;
use tempograph_link::model::LABELS;
use tempograph_link::store::{self, Stored};

/// The command that retrains the store, as the manifests record it.
pub const COMMAND: &str = "cargo run --release -p tempograph-train -- models --out models --corpora ../shared/corpora";

/// `tempograph-train models`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The model store to write (the link models go to OUT/en/link/NAME/).
    #[arg(long, default_value = "models", value_name = "OUT")]
    pub out: PathBuf,
    /// Root of the research corpora [default: $TEMPOGRAPH_CORPORA, else ../shared/corpora].
    #[arg(long, value_name = "DIR")]
    pub corpora: Option<PathBuf>,
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn git_revision() -> String {
    let run = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match run(&["rev-parse", "HEAD"]) {
        Some(rev) if run(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| s.is_empty()) => rev,
        Some(rev) => format!("{rev}-dirty"),
        None => "unknown".to_string(),
    }
}

/// A stored model's labels in its column order: the relations, and NONE for the chooser.
fn stored_labels(m: &Stored) -> Vec<&'static str> {
    let mut v: Vec<&str> = LABELS.iter().map(|r| r.as_str()).collect();
    if m.name == store::CHOOSE.name {
        v.push("NONE");
    }
    v
}

/// What a manifest says beyond the files: the training settings and the examples' origin.
struct Training<'a> {
    model: &'a Stored,
    description: String,
    settings: Vec<(&'static str, String)>,
    corpus: Vec<(String, String)>,
}

/// `[[corpus]]` entries of the `.tml` files of `tbaq/<part>`, as `tlink::load_gold_dir` reads them.
fn corpus_files(corpora: &Path, part: &str) -> tempograph_core::error::Result<Vec<(String, String)>> {
    let mut v = Vec::new();
    for p in tlink::tml_files(&corpora.join("tbaq").join(part))? {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        let bytes = std::fs::read(&p).map_err(|e| Error::io(&p, e))?;
        v.push((format!("tbaq/{part}/{name}"), sha256(&bytes)));
    }
    Ok(v)
}

/// The `[held_out]` section of the manifest in `dir`, when its weights were `sha`.
fn previous_held_out(dir: &Path, sha: &str) -> Option<String> {
    let old = std::fs::read_to_string(dir.join("manifest.toml")).ok()?;
    if !old.contains(&format!("sha256 = \"{sha}\"")) {
        return None;
    }
    let start = old.find("\n[held_out]")?;
    let rest = &old[start + 1..];
    let end = rest.find("\n[[").map_or(rest.len(), |i| i + 1);
    Some(rest[..end].trim_end().to_string())
}

fn write_model(out: &Path, t: &Training, weights: &str) -> tempograph_core::error::Result<()> {
    let dir = out.join(t.model.name);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let sha = sha256(weights.as_bytes());
    let held_out = previous_held_out(&dir, &sha).unwrap_or_else(|| {
        "[held_out]\nmeasured = false\nnote = \"retrained: measure the figures with the commands of docs/RELATIONS.md (Figures) and write them here\"".to_string()
    });
    let labels: Vec<String> = stored_labels(t.model).iter().map(|l| format!("{l:?}")).collect();
    let files: Vec<String> = store::feature_files(t.model).iter().map(|f| format!("{f:?}")).collect();
    let mut m = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(
        m,
        "# Written by `tempograph-train models` (train/src/models.rs); see docs/RELATIONS.md. Do not edit by hand."
    );
    let _ = writeln!(m, "# {}\n", t.description);
    let _ = writeln!(m, "[model]\nname = {:?}\nfile = \"weights.tsv\"", t.model.name);
    let _ = writeln!(
        m,
        "bytes = {}\nsha256 = {sha:?}\nrows = {}",
        weights.len(),
        weights.lines().count()
    );
    let _ = writeln!(m, "scale = 1000\nlabels = [{}]", labels.join(", "));
    let _ = writeln!(
        m,
        "feature_hash = {:?}\nfeature_code = [{}]\n",
        store::feature_hash(t.model),
        files.join(", ")
    );
    let _ = writeln!(m, "[training]\ncommand = {COMMAND:?}");
    let _ = writeln!(m, "code_revision = {:?}", git_revision());
    for (k, v) in &t.settings {
        let _ = writeln!(m, "{k} = {v}");
    }
    let _ = writeln!(m, "prune_below_support = {PRUNE}\n\n{held_out}\n");
    for (file, sha) in &t.corpus {
        let _ = writeln!(m, "[[corpus]]\nfile = {file:?}\nsha256 = {sha:?}\n");
    }
    let m = m.trim_end().to_string() + "\n";
    tempograph_cli::write_output(Some(&dir.join("weights.tsv")), weights, &[])?;
    tempograph_cli::write_output(Some(&dir.join("manifest.toml")), m, &[])?;
    Ok(())
}

/// Train the link models on `tbaq/timebank` and `tbaq/aquaint` under the corpora and write
/// them, with their manifests, to `OUT/en/link/`.
pub fn run(args: Args) -> tempograph_core::error::Result<tempograph_cli::Outcome> {
    let corpora = crate::corpora_root(args.corpora.as_deref());
    let out = args.out.join("en").join("link");
    if !args.out.is_dir() {
        return Err(Error::usage(format!(
            "{}: no model store there (run from the repository root, or give --out DIR)",
            args.out.display()
        )));
    }
    let mut all = Vec::new();
    let mut all_files = Vec::new();
    for (part, model) in [("timebank", &store::TIMEBANK), ("aquaint", &store::AQUAINT)] {
        let docs = tlink::load_gold_dir(&corpora.join("tbaq").join(part))?;
        let examples = data::examples(&docs);
        let labels = SoftmaxLabels::train(&examples, LABEL_EPOCHS, LABEL_L2);
        let corpus = corpus_files(&corpora, part)?;
        all_files.extend(corpus.iter().cloned());
        let t = Training {
            model,
            description: format!(
                "Softmax label model trained on the {} gold TLINKs of TBAQ {part} ({} documents).",
                examples.len(),
                docs.len()
            ),
            settings: vec![
                ("learner", "\"softmax\"".to_string()),
                ("epochs", LABEL_EPOCHS.to_string()),
                ("l2", format!("{LABEL_L2:?}")),
                ("examples", examples.len().to_string()),
                ("documents", docs.len().to_string()),
            ],
            corpus,
        };
        write_model(&out, &t, &labels.model.to_tsv())?;
        all.extend(docs);
    }
    let (data, _) = data::chooser_data(&all, tempograph_events::lexicon::Lexicon::builtin())?;
    let chooser = Softmax::train(&data, N_LABELS, EPOCHS, L2);
    let t = Training {
        model: &store::CHOOSE,
        description: format!(
            "Pair chooser: softmax over the {} candidate and gold pairs of the entities tempograph extracts from TBAQ's {} documents (TimeBank + AQUAINT) and of their gold entities, labelled from the gold TLINKs (see data::chooser_data).",
            data.len(),
            all.len()
        ),
        settings: vec![
            ("learner", "\"softmax\"".to_string()),
            ("epochs", EPOCHS.to_string()),
            ("l2", format!("{L2:?}")),
            ("examples", data.len().to_string()),
            ("documents", all.len().to_string()),
            ("event_lexicon", "\"built-in\"".to_string()),
        ],
        corpus: all_files,
    };
    write_model(&out, &t, &chooser.to_tsv())?;
    Ok(tempograph_cli::Outcome::Ok)
}
