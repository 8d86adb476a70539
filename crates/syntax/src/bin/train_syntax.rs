//! Trains a syntax model from a UD treebank and writes `model.bin` and `manifest.toml`.
//!
//! ```sh
//! cargo run --release -p tempograph-syntax --features train --bin train-syntax -- \
//!     --train ../shared/corpora/ud/en_ewt/train.conllu \
//!     --dev ../shared/corpora/ud/en_ewt/dev.conllu \
//!     --treebank UD_English-EWT --out models/en/ud-ewt
//! ```
//!
//! `--convert DIR [--dev FILE.conllu]` converts the format-2 `DIR/model.bin` to the current
//! format without retraining: it checks that the new file reads back to the same model and,
//! with `--dev`, that every sentence of the file parses the same with both (gold tokens and
//! raw text), then rewrites the model and its manifest's size, sha256 and format and adds a
//! dated `converted` note under `[training]`.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use tempograph_syntax::format;
use tempograph_syntax::train::{self, Settings};
use tempograph_syntax::Model;

struct Args {
    train: PathBuf,
    dev: Option<PathBuf>,
    out: PathBuf,
    treebank: String,
    st: Settings,
}

const USAGE: &str = "usage: train-syntax --train FILE.conllu [--dev FILE.conllu] --out DIR --treebank NAME \
[--seed N] [--tagger-epochs N] [--parser-epochs N] [--folds N] [--min-count N] [--min-weight F] [--stacked]\n\
       train-syntax --convert DIR [--dev FILE.conllu]";

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let (mut train, mut dev, mut out, mut treebank) = (None, None, None, None);
    let mut st = Settings::default();
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{a} needs a value\n{USAGE}"));
        let num = |v: String| v.parse::<u64>().map_err(|_| format!("expected a number, found {v:?}"));
        match a.as_str() {
            "--train" => train = Some(PathBuf::from(val()?)),
            "--dev" => dev = Some(PathBuf::from(val()?)),
            "--out" => out = Some(PathBuf::from(val()?)),
            "--treebank" => treebank = Some(val()?),
            "--seed" => st.seed = num(val()?)?,
            "--tagger-epochs" => st.tagger_epochs = num(val()?)? as usize,
            "--parser-epochs" => st.parser_epochs = num(val()?)? as usize,
            "--folds" => st.folds = num(val()?)? as usize,
            "--min-count" => st.min_count = num(val()?)? as u32,
            "--tagger-only" => st.tagger_only = true,
            "--gold-tags" => st.gold_tags = true,
            "--stacked" => st.stacked = true,
            "--min-weight" => {
                let v = val()?;
                st.min_weight = v
                    .parse::<f32>()
                    .map_err(|_| format!("expected a fraction, found {v:?}"))?;
            }
            "-h" | "--help" => return Err(USAGE.into()),
            _ => return Err(format!("unknown argument {a:?}\n{USAGE}")),
        }
    }
    Ok(Args {
        train: train.ok_or(format!("--train is required\n{USAGE}"))?,
        dev,
        out: out.ok_or(format!("--out is required\n{USAGE}"))?,
        treebank: treebank.ok_or(format!("--treebank is required\n{USAGE}"))?,
        st,
    })
}

fn sha256(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

fn git_revision() -> String {
    std::process::Command::new(format::GIT)
        .args(["rev-parse", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| format::UNKNOWN_REVISION.into())
}

fn corpus_entry(path: &Path, role: &str, sentences: usize, words: usize) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    Ok(format!(
        "[[corpus]]\nrole = \"{role}\"\nfile = \"{name}\"\nsha256 = \"{}\"\nsentences = {sentences}\nwords = {words}\n\n",
        sha256(&bytes)
    ))
}

/// The `--convert DIR [--dev FILE]` form of the command line, if it is that.
fn convert_args() -> Result<Option<(PathBuf, Option<PathBuf>)>, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--convert") {
        return Ok(None);
    }
    let (mut dir, mut dev) = (None, None);
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let val = it.next().ok_or_else(|| format!("{a} needs a value\n{USAGE}"))?;
        match a.as_str() {
            "--convert" => dir = Some(PathBuf::from(val)),
            "--dev" => dev = Some(PathBuf::from(val)),
            _ => return Err(format!("{a:?} does not go with --convert\n{USAGE}")),
        }
    }
    Ok(dir.map(|d| (d, dev)))
}

/// Converts `dir/model.bin` from format 2 to the current format (see the module docs).
fn convert(dir: &Path, dev: Option<&Path>) -> Result<(), String> {
    let model_path = dir.join("model.bin");
    let manifest_path = dir.join("manifest.toml");
    let old = std::fs::read(&model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
    let manifest = std::fs::read_to_string(&manifest_path).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let model = Model::from_format2_bytes(&old).map_err(|e| format!("{}: {e}", model_path.display()))?;
    let bytes = model.to_bytes();
    let back = Model::from_bytes(&bytes)?;
    if back.body() != model.body() {
        return Err("the converted model does not read back to the same model".into());
    }
    let mut checked = String::from("the new file reads back to the same tables");
    if let Some(dev) = dev {
        let sentences = train::read(dev)?;
        let (mut words, mut texts) = (0, 0);
        for s in &sentences {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            if model.analyze(&forms) != back.analyze(&forms) {
                return Err(format!(
                    "{}:{}: parsed differently after conversion",
                    dev.display(),
                    s.line
                ));
            }
            words += forms.len();
            if let Some(t) = s.text() {
                if model.parse_text(t) != back.parse_text(t) {
                    return Err(format!("{}:{}: raw text parsed differently", dev.display(), s.line));
                }
                texts += 1;
            }
        }
        let name = dev
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        checked.push_str(&format!(
            "; {name}: {} sentences ({words} words) parse identically from gold tokens, {texts} from raw text",
            sentences.len()
        ));
    }
    let note = format!(
        "{} = \"{}: format 2 to {} by `train-syntax --convert`, not retrained, from model.bin sha256 {} \
         ({} bytes); code_revision is the code that trained it; checked: {checked}\"",
        format::KEY_CONVERTED,
        today(),
        tempograph_syntax::model::FORMAT,
        sha256(&old),
        old.len()
    );
    let mut out = String::new();
    let mut section = "";
    for line in manifest.lines() {
        if line.starts_with('[') {
            section = line;
        }
        let key = line.split(" = ").next().unwrap_or("");
        match (section, key) {
            ("[model]", format::KEY_BYTES) => out.push_str(&format!("{key} = {}", bytes.len())),
            ("[model]", "sha256") => out.push_str(&format!("sha256 = \"{}\"", sha256(&bytes))),
            ("[model]", format::KEY_FORMAT) => out.push_str(&format!("{key} = {}", tempograph_syntax::model::FORMAT)),
            ("[training]", format::KEY_CONVERTED) => continue,
            _ => out.push_str(line),
        }
        out.push('\n');
        if section == "[training]" && key == "code_revision" {
            out.push_str(&note);
            out.push('\n');
        }
    }
    write_atomic(&model_path, &bytes)?;
    write_atomic(&manifest_path, out.as_bytes())?;
    eprintln!(
        "converted {}: {} bytes (format 2) to {} bytes; {checked}",
        model_path.display(),
        old.len(),
        bytes.len()
    );
    Ok(())
}

/// Today's date (UTC), `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn run() -> Result<(), String> {
    if let Some((dir, dev)) = convert_args()? {
        return convert(&dir, dev.as_deref());
    }
    let a = parse_args()?;
    // The revision of the code that trains: read before training (a commit made meanwhile
    // is not this model's).
    let revision = git_revision();
    let t0 = Instant::now();
    let log = |m: String| eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64());
    let train_s = train::read(&a.train)?;
    let dev_s = match &a.dev {
        Some(d) => Some(train::read(d)?),
        None => None,
    };
    let words = |s: &[tempograph_syntax::conllu::Sentence]| s.iter().map(|x| x.words.len()).sum::<usize>();
    log(format!(
        "read {} training sentences ({} words)",
        train_s.len(),
        words(&train_s)
    ));
    if a.st.tagger_only {
        let dev = dev_s.as_deref().ok_or("--tagger-only needs --dev")?;
        let (u, x) = train::tagger_experiment(&train_s, dev, &a.st);
        log(format!("tagger only: dev UPOS {u:.2} XPOS {x:.2}"));
        return Ok(());
    }
    let model = train::train(&a.treebank, &train_s, &a.st, &log);
    let bytes = model.to_bytes();
    let secs = t0.elapsed().as_secs_f64();
    std::fs::create_dir_all(&a.out).map_err(|e| format!("{}: {e}", a.out.display()))?;
    let model_path = a.out.join("model.bin");
    write_atomic(&model_path, &bytes)?;
    let mut m = String::new();
    m.push_str("# Written by train-syntax; see docs/SYNTAX.md. Do not edit by hand.\n\n");
    m.push_str(&format!(
        "[model]\ntreebank = \"{}\"\nfile = \"model.bin\"\nbytes = {}\nsha256 = \"{}\"\nformat = {}\n\
         feature_hash = \"{}\"\ntagger_features = {}\nparser_features = {}\nupos_xpos_labels = {}\ndeprels = {}\n\n",
        a.treebank,
        bytes.len(),
        sha256(&bytes),
        tempograph_syntax::model::FORMAT,
        tempograph_syntax::feature_hash(),
        model.tagger.weights.features(),
        model.parser.weights.features(),
        model.tagger.labels.len(),
        model.parser.labels.len(),
    ));
    m.push_str(&format!(
        "[training]\ncommand = \"cargo run --release -p tempograph-syntax --features train --bin train-syntax -- --train {} {} --treebank {} --out {} --seed {} --tagger-epochs {} --parser-epochs {} --folds {} --min-count {} --min-weight {}{}\"\n\
         code_revision = \"{}\"\nseed = {}\ntagger_epochs = {}\nparser_epochs = {}\njackknife_folds = {}\nmin_feature_count = {}\nmin_weight = {}\nstacked_tagger = {}\nseconds = {:.0}\n\n",
        a.train.display(),
        a.dev.as_ref().map(|d| format!("--dev {}", d.display())).unwrap_or_default(),
        a.treebank,
        a.out.display(),
        a.st.seed,
        a.st.tagger_epochs,
        a.st.parser_epochs,
        a.st.folds,
        a.st.min_count,
        a.st.min_weight,
        if a.st.stacked { " --stacked" } else { "" },
        revision,
        a.st.seed,
        a.st.tagger_epochs,
        a.st.parser_epochs,
        a.st.folds,
        a.st.min_count,
        a.st.min_weight,
        a.st.stacked,
        secs
    ));
    m.push_str(&corpus_entry(&a.train, format::TRAIN, train_s.len(), words(&train_s))?);
    if let (Some(d), Some(ds)) = (&a.dev, &dev_s) {
        m.push_str(&corpus_entry(d, format::DEV, ds.len(), words(ds))?);
        if a.st.gold_tags {
            let (u, l) = train::score_gold_tags(&model, ds);
            log(format!("parser on gold tags: dev UAS {u:.2} LAS {l:.2}"));
        }
        let s = train::score(&model, ds);
        log(format!(
            "dev (gold tokens): UPOS {:.2} XPOS {:.2} lemma {:.2} FEATS {:.2} UAS {:.2} LAS {:.2}",
            s.upos, s.xpos, s.lemma, s.feats, s.uas, s.las
        ));
        m.push_str(&format!(
            "# Held out: the development file, gold tokenization, scored by the trainer\n# (LAS without relation subtypes, as conll18_ud_eval.py).\n\
             [dev_scores]\nwords = {}\nupos = {:.2}\nxpos = {:.2}\nlemma = {:.2}\nfeats = {:.2}\nuas = {:.2}\nlas = {:.2}\n",
            s.words, s.upos, s.xpos, s.lemma, s.feats, s.uas, s.las
        ));
    }
    write_atomic(&a.out.join("manifest.toml"), m.as_bytes())?;
    log(format!(
        "wrote {} ({} bytes) and manifest.toml",
        model_path.display(),
        bytes.len()
    ));
    Ok(())
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension("tmp-train");
    std::fs::write(&tmp, bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-syntax: error: {e}");
            ExitCode::from(2)
        }
    }
}
