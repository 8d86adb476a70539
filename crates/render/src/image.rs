//! SVG and PNG through the real renderers: Graphviz `dot` or mermaid-cli `mmdc`.
//!
//! | engine               | tool  | found through                                                          |
//! |----------------------|-------|------------------------------------------------------------------------|
//! | `dot` (default)      | `dot` | `$TEMPOGRAPH_DOT`, else `dot` on `PATH` (Debian/Ubuntu package `graphviz`) |
//! | `mermaid*`           | `mmdc`| `$TEMPOGRAPH_DIAGRAM_TOOLS/node_modules/.bin/mmdc` (with that folder's `puppeteer-config.json` and `mermaid-config.json`), else `mmdc` on `PATH` (npm package `@mermaid-js/mermaid-cli`) |
//!
//! A missing tool is an [`Error`](tempograph_core::error::Error) (`is_tool()`) whose message names the
//! package to install. Each run is limited to [`TIMEOUT`].

use super::{render_with, Format, Options};
use crate::timeline::Timeline;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tempograph_core::error::{Error, Result};

/// How long one external renderer may run.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// Which renderer draws the picture, and from which diagram.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Engine {
    /// Graphviz from the DOT rendering.
    #[default]
    Dot,
    /// mermaid-cli from the Mermaid `timeline`.
    MermaidTimeline,
    /// mermaid-cli from the Mermaid `gantt`.
    MermaidGantt,
    /// mermaid-cli from the Mermaid `flowchart`.
    MermaidFlowchart,
}

/// `(--engine name, engine)`.
pub static ENGINE_NAMES: &[(&str, Engine)] = &[
    ("dot", Engine::Dot),
    ("mermaid", Engine::MermaidTimeline),
    ("mermaid-gantt", Engine::MermaidGantt),
    ("mermaid-flowchart", Engine::MermaidFlowchart),
];

impl std::str::FromStr for Engine {
    type Err = Error;
    fn from_str(s: &str) -> Result<Engine> {
        ENGINE_NAMES
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, e)| *e)
            .ok_or_else(|| {
                let names: Vec<&str> = ENGINE_NAMES.iter().map(|(n, _)| *n).collect();
                Error::usage(format!("unknown engine `{s}`; expected one of {}", names.join(", ")))
            })
    }
}

/// An external renderer found on this machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tool {
    /// The program to run.
    pub program: PathBuf,
    /// Arguments that always go first (mmdc's `-p puppeteer-config.json -c mermaid-config.json`).
    pub base_args: Vec<String>,
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

/// Find the tool for `engine`, or say which package provides it.
pub fn find_tool(engine: Engine) -> Result<Tool> {
    match engine {
        Engine::Dot => {
            let program = std::env::var_os("TEMPOGRAPH_DOT")
                .map(PathBuf::from)
                .filter(|p| p.is_file())
                .or_else(|| on_path("dot"))
                .ok_or_else(|| {
                    Error::tool(
                        "dot",
                        "Graphviz is not installed; SVG/PNG output needs its `dot` program: install the \
                         `graphviz` package (apt-get install graphviz, brew install graphviz) or run \
                         tools/diagram-renderers/install.sh, or set TEMPOGRAPH_DOT to the program",
                    )
                })?;
            Ok(Tool {
                program,
                base_args: Vec::new(),
            })
        }
        _ => {
            if let Some(dir) = std::env::var_os("TEMPOGRAPH_DIAGRAM_TOOLS").map(PathBuf::from) {
                let program = dir.join("node_modules/.bin/mmdc");
                if program.is_file() {
                    let mut base_args = Vec::new();
                    for (flag, file) in [("-p", "puppeteer-config.json"), ("-c", "mermaid-config.json")] {
                        if dir.join(file).is_file() {
                            base_args.push(flag.to_string());
                            base_args.push(dir.join(file).to_string_lossy().into_owned());
                        }
                    }
                    return Ok(Tool { program, base_args });
                }
            }
            let program = on_path("mmdc").ok_or_else(|| {
                Error::tool(
                    "mmdc",
                    "mermaid-cli is not installed; SVG/PNG from Mermaid needs its `mmdc` program: install \
                     the npm package `@mermaid-js/mermaid-cli` (with a Chromium it can use), or run \
                     tools/diagram-renderers/install.sh and set TEMPOGRAPH_DIAGRAM_TOOLS to that folder; \
                     or use --engine dot (package `graphviz`)",
                )
            })?;
            Ok(Tool {
                program,
                base_args: Vec::new(),
            })
        }
    }
}

/// Draw the timeline as SVG or PNG with the engine's tool.
pub fn render_image(t: &Timeline, format: Format, engine: Engine, opts: &Options) -> Result<Vec<u8>> {
    let ext = match format {
        Format::Svg => "svg",
        Format::Png => "png",
        other => return Err(Error::usage(format!("{} is not an image format", other.as_str()))),
    };
    let tool = find_tool(engine)?;
    let (source, args): (String, Vec<String>) = match engine {
        Engine::Dot => (render_with(t, Format::Dot, opts)?, vec![format!("-T{ext}")]),
        mermaid => {
            let f = match mermaid {
                Engine::MermaidGantt => Format::MermaidGantt,
                Engine::MermaidFlowchart => Format::MermaidFlowchart,
                _ => Format::Mermaid,
            };
            let mut a = tool.base_args.clone();
            a.extend(
                [
                    "-q", "-w", "1200", "-s", "2", "-b", "white", "-i", "-", "-o", "-", "-e", ext,
                ]
                .map(String::from),
            );
            (render_with(t, f, opts)?, a)
        }
    };
    run(&tool.program, &args, source.as_bytes())
}

/// Run `program args` with `input` on stdin; its stdout, or an error with its stderr.
pub fn run(program: &Path, args: &[String], input: &[u8]) -> Result<Vec<u8>> {
    let name = program
        .file_name()
        .map_or_else(|| program.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::tool(&name, format!("cannot start {}: {e}", program.display())))?;
    let mut stdin = child.stdin.take();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(s) = stdin.as_mut() {
            let _ = s.write_all(&input);
        }
        drop(stdin);
    });
    let mut out_pipe = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = out_pipe.as_mut() {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    });
    let mut err_pipe = child.stderr.take();
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = err_pipe.as_mut() {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::tool(
                    &name,
                    format!("gave no result within {} s", TIMEOUT.as_secs()),
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(Error::tool(&name, e.to_string())),
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    if !status.success() || out.is_empty() {
        let msg = String::from_utf8_lossy(&err).trim().to_string();
        return Err(Error::tool(
            &name,
            format!(
                "failed ({status}){}",
                if msg.is_empty() {
                    String::new()
                } else {
                    format!(": {msg}")
                }
            ),
        ));
    }
    Ok(out)
}
