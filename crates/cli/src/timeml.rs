//! `tempograph timeml annotate IN... --out-dir DIR`, or one input (`-`: standard input) to
//! standard output or `-o FILE`.
use super::Outcome;
use std::path::PathBuf;
use tempograph_timeml::{self as timeml, annotate};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add TIMEX3 tags to TimeML / TempEval-3 `.TE3input` files (gold tags are not copied).
    Annotate {
        /// Input files (`-` for standard input), or folders searched for `*.tml` and `*.TE3input`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Folder for the output files (`NAME.tml`). Without it, one input is written to
        /// standard output (or `-o`).
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// One input: write its annotated TimeML here (atomically; `-`: standard output).
        #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
        output: Option<PathBuf>,
    },
}

/// Files under `p` (recursively, sorted) that look like TimeML, or `p` itself.
pub fn timeml_files(p: &std::path::Path) -> crate::Result<Vec<PathBuf>> {
    if !p.is_dir() {
        return Ok(vec![p.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![p.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = std::fs::read_dir(&d).map_err(|e| crate::Error::io(&d, e))?;
        for e in rd {
            let e = e.map_err(|e| crate::Error::io(&d, e))?;
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let n = path.to_string_lossy();
                if n.ends_with(".tml") || n.ends_with(".TE3input") {
                    out.push(path);
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Each input file with the file it is written to. Two inputs that would be written to the
/// same output (`a/x.tml` and `b/x.tml` both give `OUT/x.tml`) are refused before anything is
/// written, naming both. See: #18.
fn output_plan(inputs: &[PathBuf], out_dir: &std::path::Path) -> crate::Result<Vec<(PathBuf, PathBuf)>> {
    let mut seen: std::collections::HashMap<PathBuf, PathBuf> = std::collections::HashMap::new();
    let mut jobs = Vec::new();
    for inp in inputs {
        for f in timeml_files(inp)? {
            let target = out_dir.join(annotate::output_name(&f));
            if let Some(first) = seen.get(&target) {
                if std::fs::canonicalize(first).ok() == std::fs::canonicalize(&f).ok() {
                    continue; // the same file named twice
                }
                return Err(crate::Error::usage(format!(
                    "{} and {} would both be written to {}; annotate them into different --out-dir folders \
                     (nothing was written)",
                    first.display(),
                    f.display(),
                    target.display()
                )));
            }
            seen.insert(target.clone(), f.clone());
            jobs.push((f, target));
        }
    }
    Ok(jobs)
}

pub fn run(c: Command) -> crate::Result<Outcome> {
    match c {
        Command::Annotate {
            inputs,
            out_dir: None,
            output,
        } => {
            let [input] = inputs.as_slice() else {
                return Err(crate::Error::usage(
                    "several inputs need --out-dir DIR (one input goes to standard output or -o FILE)",
                ));
            };
            if input.is_dir() {
                return Err(crate::Error::usage(format!(
                    "{} is a folder; annotate folders with --out-dir DIR",
                    input.display()
                )));
            }
            let doc = if super::console::is_stdin(input) {
                timeml::parse(std::path::Path::new("<stdin>"), &super::console::read_stdin()?)?
            } else {
                timeml::read(input)?
            };
            let (_, out) = annotate::annotate(&doc)?;
            super::write_output(output.as_deref(), &out, std::slice::from_ref(input))?;
            Ok(Outcome::Ok)
        }
        Command::Annotate {
            inputs,
            out_dir: Some(out_dir),
            output: _,
        } => {
            let jobs = output_plan(&inputs, &out_dir)?;
            std::fs::create_dir_all(&out_dir).map_err(|e| crate::Error::io(&out_dir, e))?;
            let mut failed = 0;
            let mut done = 0;
            for (f, target) in &jobs {
                let res = timeml::read(f)
                    .and_then(|doc| annotate::annotate(&doc))
                    .and_then(|(_, out)| super::write_output(Some(target), &out, std::slice::from_ref(f)));
                match res {
                    Ok(()) => done += 1,
                    Err(e) => {
                        super::console::error(&e);
                        failed += 1;
                    }
                }
            }
            super::console::note(&format!("annotated {done} files into {}", out_dir.display()));
            if failed > 0 {
                return Err(crate::Error::usage(format!("{failed} files could not be annotated")));
            }
            Ok(Outcome::Ok)
        }
    }
}
