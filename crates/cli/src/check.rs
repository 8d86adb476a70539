//! `tempograph check TIMELINE.yaml... [--format text|json|jsonl] [-o OUT]` (`-`: standard input).
//!
//! `--format json` prints one object per timeline (an array for several), `jsonl` one line
//! per timeline.
//!
//! Exit 0: every timeline is consistent (warnings allowed). 1: at least one has errors,
//! each listed with `file:line:column`, the cycle and the evidence. 2: a file could not be
//! read or parsed (its error names the path and line); the other files are still checked.
use super::Outcome;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Timeline files (YAML, generated or hand-written; `-` for standard input).
    #[arg(required = true)]
    pub timelines: Vec<PathBuf>,
    /// `text` (default) for people, `json` or `jsonl` (one line per timeline) for machines.
    #[arg(long, default_value = "text")]
    pub format: String,
    /// Write the report here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Jsonl,
}

pub fn run(args: Args) -> crate::Result<Outcome> {
    let format = match args.format.as_str() {
        "text" => Format::Text,
        "json" => Format::Json,
        "jsonl" => Format::Jsonl,
        other => {
            return Err(crate::Error::usage(format!(
                "unknown check format `{other}`; expected text, json or jsonl"
            )))
        }
    };
    let mut failed = false;
    let mut findings = false;
    let mut json = Vec::new();
    let mut text = String::new();
    for path in &args.timelines {
        match super::console::read_timeline(path) {
            Err(e) => {
                failed = true;
                match format {
                    Format::Text => super::console::error(&e),
                    Format::Json | Format::Jsonl => {
                        let loc = e.location();
                        json.push(serde_json::json!({
                            "file": path.display().to_string(),
                            "consistent": false,
                            "error": {
                                "message": e.to_string(),
                                "line": loc.as_ref().and_then(|l| l.line),
                                "column": loc.as_ref().and_then(|l| l.column),
                            }
                        }));
                    }
                }
            }
            Ok(t) => {
                let report = t.check();
                findings |= !report.is_consistent();
                match format {
                    Format::Text => text.push_str(&format!("{report}\n")),
                    Format::Json | Format::Jsonl => {
                        let v: serde_json::Value = serde_json::from_str(&report.to_json())
                            .map_err(|e| crate::Error::parse(None, "JSON", e.to_string()))?;
                        json.push(v);
                    }
                }
            }
        }
    }
    if format == Format::Text {
        super::write_output(args.output.as_deref(), text, &args.timelines)?;
    } else if format == Format::Jsonl {
        let mut s = String::new();
        for v in &json {
            s.push_str(&serde_json::to_string(v).map_err(|e| crate::Error::parse(None, "JSON", e.to_string()))?);
            s.push('\n');
        }
        super::write_output(args.output.as_deref(), s, &args.timelines)?;
    } else {
        let out = if json.len() == 1 {
            json.pop().unwrap_or_default()
        } else {
            serde_json::Value::Array(json)
        };
        let mut s = serde_json::to_string_pretty(&out).map_err(|e| crate::Error::parse(None, "JSON", e.to_string()))?;
        s.push('\n');
        super::write_output(args.output.as_deref(), s, &args.timelines)?;
    }
    Ok(if failed {
        Outcome::Failed
    } else if findings {
        Outcome::Findings
    } else {
        Outcome::Ok
    })
}
