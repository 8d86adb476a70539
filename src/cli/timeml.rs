//! `tempograph timeml annotate IN... --out-dir DIR`.
use super::Outcome;
use crate::timeml::{self, annotate};
use std::path::PathBuf;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add TIMEX3 tags to TimeML / TempEval-3 `.TE3input` files (gold tags are not copied).
    Annotate {
        /// Input files, or folders searched for `*.tml` and `*.TE3input`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Folder for the output files (`NAME.tml`).
        #[arg(long)]
        out_dir: PathBuf,
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

pub fn run(c: Command) -> crate::Result<Outcome> {
    match c {
        Command::Annotate { inputs, out_dir } => {
            std::fs::create_dir_all(&out_dir).map_err(|e| crate::Error::io(&out_dir, e))?;
            let mut failed = 0;
            let mut done = 0;
            for inp in &inputs {
                for f in timeml_files(inp)? {
                    let res = timeml::read(&f)
                        .and_then(|doc| annotate::annotate(&doc))
                        .and_then(|(_, out)| {
                            let target = out_dir.join(annotate::output_name(&f));
                            super::write_output(Some(&target), &out, std::slice::from_ref(&f))
                        });
                    match res {
                        Ok(()) => done += 1,
                        Err(e) => {
                            eprintln!("tempograph: error: {e:#}");
                            failed += 1;
                        }
                    }
                }
            }
            eprintln!("annotated {done} files into {}", out_dir.display());
            if failed > 0 {
                return Err(crate::Error::usage(format!("{failed} files could not be annotated")));
            }
            Ok(Outcome::Ok)
        }
    }
}
