//! `tempograph bench`: speed of timex tagging + normalization, single thread, and process
//! start-up time.
use super::Outcome;
use crate::timex;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// TimeML corpus folder (default: $TEMPOGRAPH_CORPORA/tbaq, else ../shared/corpora/tbaq).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// A text file to time as one document (`-`: standard input; default: TBAQ texts
    /// concatenated to 1 MB).
    #[arg(long)]
    pub file: Option<PathBuf>,
    /// JSON Lines documents (`{"id", "published", "text"}`, as `tag --stream` reads them) to
    /// time one by one, in process: the figure to compare with a library tagger called on
    /// each document (the JSON is parsed before timing starts).
    #[arg(long)]
    pub jsonl: Option<PathBuf>,
    /// Minimum measuring time per figure, in seconds.
    #[arg(long, default_value_t = 2.0)]
    pub seconds: f64,
    /// Also time the syntactic layer (tokenize, tag, lemmatize and parse raw text) on the
    /// same texts, in words per CPU-second, and the model's load time.
    #[arg(long)]
    pub parse: bool,
    /// Write the figures here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Words per second (wall, and per CPU-second when known) of `parse_text` over `docs`.
fn measure_parse(model: &crate::syntax::Model, docs: &[&str], min: Duration) -> (usize, f64, Option<f64>) {
    let mut rounds = 0usize;
    let mut words = 0usize;
    let c0 = thread_cpu();
    let t0 = Instant::now();
    while t0.elapsed() < min || rounds == 0 {
        words = 0;
        for text in docs {
            for s in model.parse_text(text) {
                words += s.words.len();
            }
        }
        rounds += 1;
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = match (c0, thread_cpu()) {
        (Some(a), Some(b)) if b > a => Some((words * rounds) as f64 / (b - a).as_secs_f64()),
        _ => None,
    };
    (words, (words * rounds) as f64 / secs, cpu)
}

/// CPU time of the calling thread (Linux: `/proc/thread-self/schedstat`, nanoseconds on
/// CPU), so that figures stay per-core on a busy machine; `None` elsewhere.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Throughput in MB/s by wall clock and (when known) per CPU-second, and timexes found.
fn measure(docs: &[(String, NaiveDate)], min: Duration) -> (f64, Option<f64>, usize) {
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let mut rounds = 0usize;
    let mut found = 0usize;
    let c0 = thread_cpu();
    let t0 = Instant::now();
    while t0.elapsed() < min || rounds == 0 {
        found = 0;
        for (text, dct) in docs {
            // Counted as they come, as a caller that writes them out would (memory stays
            // bounded by the window for long documents).
            timex::tag_text_each(text, *dct, |_| found += 1);
        }
        rounds += 1;
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = match (c0, thread_cpu()) {
        (Some(a), Some(b)) if b > a => Some((bytes * rounds) as f64 / (b - a).as_secs_f64() / 1e6),
        _ => None,
    };
    ((bytes * rounds) as f64 / secs / 1e6, cpu, found)
}

/// `12.3 MB/s` or `12.3 MB/s wall, 20.1 MB/s per CPU-second`.
fn rate(wall: f64, cpu: Option<f64>) -> String {
    match cpu {
        Some(c) => format!("{wall:.1} MB/s wall, {c:.1} MB/s per CPU-second"),
        None => format!("{wall:.1} MB/s"),
    }
}

pub fn run(args: Args) -> crate::Result<Outcome> {
    let corpus = args.corpus.clone().unwrap_or_else(|| {
        let base = std::env::var_os("TEMPOGRAPH_CORPORA")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("../shared/corpora"));
        base.join("tbaq")
    });
    let min = Duration::from_secs_f64(args.seconds.max(0.1));
    let mut docs = Vec::new();
    // Without --corpus, a missing default corpus is skipped (the --file/--jsonl figures still run).
    let files = if args.corpus.is_none() && (args.file.is_some() || args.jsonl.is_some()) && !corpus.exists() {
        Vec::new()
    } else {
        super::timeml::timeml_files(&corpus)?
    };
    for f in files {
        let d = tempograph_timeml::read(&f)?;
        let dct = d.dct.ok_or_else(|| crate::Error::missing_dct(&f))?;
        docs.push((d.text, dct));
    }
    let mut out = String::new();
    if !docs.is_empty() {
        let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
        let (mbs, cpu, n) = measure(&docs, min);
        out.push_str(&format!(
            "corpus   {}: {} docs, {:.2} MB, {n} timexes: {}\n",
            corpus.display(),
            docs.len(),
            bytes as f64 / 1e6,
            rate(mbs, cpu)
        ));
    }
    if args.parse && !docs.is_empty() {
        let t = Instant::now();
        let model = crate::syntax::model()?;
        let load = t.elapsed();
        let texts: Vec<&str> = docs.iter().map(|d| d.0.as_str()).collect();
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        let (words, wall, cpu) = measure_parse(model, &texts, min);
        out.push_str(&format!(
            "parse    {} docs, {:.2} MB, {words} words: {:.0} words/s wall{}; model load {:.0} ms\n",
            texts.len(),
            bytes as f64 / 1e6,
            wall,
            cpu.map(|c| format!(
                ", {c:.0} words per CPU-second ({:.2} MB/s)",
                c * bytes as f64 / words.max(1) as f64 / 1e6
            ))
            .unwrap_or_default(),
            load.as_secs_f64() * 1000.0
        ));
    }
    let big = match &args.file {
        Some(p) => {
            let d = super::console::read_document(p, Some(NaiveDate::from_ymd_opt(2014, 12, 18).unwrap_or_default()))?;
            Some((d.text, d.dct, p.display().to_string()))
        }
        None if !docs.is_empty() => {
            let mut s = String::new();
            while s.len() < 1_000_000 {
                for (t, _) in &docs {
                    s.push_str(t);
                    s.push('\n');
                }
            }
            Some((s, docs[0].1, "corpus texts concatenated".to_string()))
        }
        None => None,
    };
    if let Some((text, dct, what)) = big {
        let len = text.len();
        let (mbs, cpu, n) = measure(&[(text, dct)], min);
        out.push_str(&format!(
            "1 file   {what}: {:.2} MB, {n} timexes: {}\n",
            len as f64 / 1e6,
            rate(mbs, cpu)
        ));
    }
    if let Some(p) = &args.jsonl {
        let raw = if super::console::is_stdin(p) {
            super::console::read_stdin()?.into_bytes()
        } else {
            std::fs::read(p).map_err(|e| crate::Error::io(p, e))?
        };
        let fallback = NaiveDate::from_ymd_opt(2014, 12, 18).unwrap_or_default();
        let mut many = Vec::new();
        for (k, line) in raw.split(|&b| b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let d = crate::stream::parse_record(line, k + 1, p, Some(fallback))?;
            many.push((d.text, d.dct));
        }
        let bytes: usize = many.iter().map(|d| d.0.len()).sum();
        let (mbs, cpu, n) = measure(&many, min);
        out.push_str(&format!(
            "{} docs {}: {:.2} MB of text, {n} timexes: {}\n",
            many.len(),
            p.display(),
            bytes as f64 / 1e6,
            rate(mbs, cpu)
        ));
    }
    // Start-up: run this binary with --version.
    if let Ok(exe) = std::env::current_exe() {
        let runs = 20;
        let mut best = Duration::MAX;
        let mut sum = Duration::ZERO;
        for _ in 0..runs {
            let t = Instant::now();
            let ok = std::process::Command::new(&exe)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success());
            let e = t.elapsed();
            if !ok {
                break;
            }
            best = best.min(e);
            sum += e;
        }
        if best != Duration::MAX {
            out.push_str(&format!(
                "start-up `tempograph --version`: mean {:.2} ms, best {:.2} ms over {runs} runs\n",
                sum.as_secs_f64() * 1000.0 / f64::from(runs),
                best.as_secs_f64() * 1000.0
            ));
        }
    }
    super::write_output(args.output.as_deref(), &out, &[])?;
    Ok(Outcome::Ok)
}
