//! Retrain the link stage's stored models (`models/en/link/<name>/`, read by `link::store`):
//!
//! | folder     | model                                         | trained on                       |
//! |------------|-----------------------------------------------|----------------------------------|
//! | `timebank` | softmax label model (`link::Model::TimeBank`) | TBAQ TimeBank only               |
//! | `aquaint`  | softmax label model (`link::Model::Aquaint`)  | TBAQ AQUAINT only                |
//! | `choose`   | pair chooser (`link::choose::Committed`)      | all of TBAQ, as Task ABC sees it |
//!
//! ```text
//! cargo run --release --example train_links -- --out models/en/link [--corpora DIR]
//! ```
//!
//! `--corpora` defaults to `$TEMPOGRAPH_CORPORA`, then `../shared/corpora` (it must hold
//! `tbaq/timebank` and `tbaq/aquaint`). Each model folder gets `weights.tsv` and
//! `manifest.toml`: the corpus files and their sha256, the code revision (`git rev-parse
//! HEAD`, `-dirty` when the work tree has changes), the feature-code hash, the label order and
//! the training settings. The manifest's `[held_out]` section is kept from the previous
//! manifest when the weights come out byte for byte the same; otherwise it says the
//! held-out figures are still to be measured (the commands are in docs/RELATIONS.md).
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use tempograph::eval::tlink;
use tempograph::link::model::{SoftmaxLabels, LABELS, LABEL_EPOCHS, LABEL_L2};
use tempograph::link::softmax::{Softmax, PRUNE};
use tempograph::link::store::{self, Stored};

type Error = Box<dyn std::error::Error>;

struct Args {
    out: PathBuf,
    corpora: PathBuf,
}

fn args() -> Result<Args, Error> {
    let (mut out, mut corpora) = (None, None);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().map(PathBuf::from),
            "--corpora" => corpora = it.next().map(PathBuf::from),
            _ => return Err(format!("unexpected argument {a:?}; usage: train_links --out DIR [--corpora DIR]").into()),
        }
    }
    let out = out.ok_or("--out DIR is required (the store's link folder, e.g. models/en/link)")?;
    let corpora = corpora
        .or_else(|| std::env::var_os("TEMPOGRAPH_CORPORA").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("../shared/corpora"));
    Ok(Args { out, corpora })
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
fn corpus_files(corpora: &Path, part: &str) -> Result<Vec<(String, String)>, Error> {
    let mut v = Vec::new();
    for p in tlink::tml_files(&corpora.join("tbaq").join(part))? {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        v.push((format!("tbaq/{part}/{name}"), sha256(&std::fs::read(&p)?)));
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

fn write_model(out: &Path, t: &Training, weights: &str) -> Result<(), Error> {
    let dir = out.join(t.model.name);
    std::fs::create_dir_all(&dir)?;
    let sha = sha256(weights.as_bytes());
    let held_out = previous_held_out(&dir, &sha).unwrap_or_else(|| {
        "[held_out]\nmeasured = false\nnote = \"retrained: measure the figures with the commands of docs/RELATIONS.md (Figures) and write them here\"".to_string()
    });
    let labels: Vec<String> = stored_labels(t.model).iter().map(|l| format!("{l:?}")).collect();
    let files: Vec<String> = store::feature_files(t.model).iter().map(|f| format!("{f:?}")).collect();
    let mut m = String::new();
    writeln!(
        m,
        "# Written by examples/train_links.rs; see docs/RELATIONS.md. Do not edit by hand."
    )?;
    writeln!(m, "# {}\n", t.description)?;
    writeln!(m, "[model]\nname = {:?}\nfile = \"weights.tsv\"", t.model.name)?;
    writeln!(
        m,
        "bytes = {}\nsha256 = {sha:?}\nrows = {}",
        weights.len(),
        weights.lines().count()
    )?;
    writeln!(m, "scale = 1000\nlabels = [{}]", labels.join(", "))?;
    writeln!(
        m,
        "feature_hash = {:?}\nfeature_code = [{}]\n",
        store::feature_hash(t.model),
        files.join(", ")
    )?;
    writeln!(m, "[training]")?;
    writeln!(
        m,
        "command = \"cargo run --release --example train_links -- --out models/en/link --corpora ../shared/corpora\""
    )?;
    writeln!(m, "code_revision = {:?}", git_revision())?;
    for (k, v) in &t.settings {
        writeln!(m, "{k} = {v}")?;
    }
    writeln!(m, "prune_below_support = {PRUNE}\n\n{held_out}\n")?;
    for (file, sha) in &t.corpus {
        writeln!(m, "[[corpus]]\nfile = {file:?}\nsha256 = {sha:?}\n")?;
    }
    let m = m.trim_end().to_string() + "\n";
    std::fs::write(dir.join("weights.tsv"), weights)?;
    std::fs::write(dir.join("manifest.toml"), m)?;
    eprintln!("wrote {}", dir.display());
    Ok(())
}

fn main() -> Result<(), Error> {
    let Args { out, corpora } = args()?;
    let mut all = Vec::new();
    let mut all_files = Vec::new();
    for (part, model) in [("timebank", &store::TIMEBANK), ("aquaint", &store::AQUAINT)] {
        let docs = tlink::load_gold_dir(&corpora.join("tbaq").join(part))?;
        let examples = tlink::examples(&docs);
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
    let (data, _) = tlink::chooser_data(&all, tempograph::events::lexicon::Lexicon::builtin())?;
    use tempograph::link::choose::{EPOCHS, L2, N_LABELS};
    let chooser = Softmax::train(&data, N_LABELS, EPOCHS, L2);
    let t = Training {
        model: &store::CHOOSE,
        description: format!(
            "Pair chooser: softmax over the {} candidate and gold pairs of the entities tempograph extracts from TBAQ's {} documents (TimeBank + AQUAINT) and of their gold entities, labelled from the gold TLINKs (see tlink::chooser_data).",
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
    write_model(&out, &t, &chooser.to_tsv())
}
