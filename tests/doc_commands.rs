//! Every command the README and the docs show runs as written on a fresh clone. See: #17.
//!
//! The commands are the `$ ` lines of the ```` ```console ```` blocks of `README.md` and
//! `docs/*.md` (a line ending in `\` continues on the next). Each runs under `sh` in a fresh
//! folder holding what a clone has (`timelines/`, `tests/data/`), with the `tempograph`
//! being tested first on `PATH`, and must exit 0, or the status a `# exit N` comment on the
//! line gives. The lines shown after a command (up to the next `$ ` line) must each appear in
//! what it printed, unless one of them is `...` (an excerpt).
//!
//! Commands that need data outside the repository (the research corpora) are written in
//! ```` ```sh ```` blocks, which are not run. Commands that draw SVG or PNG need Graphviz (and
//! mermaid-cli for `--engine mermaid*`): without them they are skipped with a `skipped: …`
//! line (under `CI=true`, a failure).

mod skip;

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[derive(Debug)]
struct DocCommand {
    place: String,
    command: String,
    shown: Vec<String>,
    exit: i32,
}

/// The commands of one Markdown file.
fn commands(path: &Path) -> Vec<DocCommand> {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.strip_prefix(root()).unwrap().display().to_string();
    let mut out: Vec<DocCommand> = Vec::new();
    let mut in_console = false;
    let mut continuing = false;
    for (i, line) in text.lines().enumerate() {
        let fence = line.trim_start();
        if fence.starts_with("```") {
            in_console = !in_console && fence == "```console";
            continuing = false;
            continue;
        }
        if !in_console {
            continue;
        }
        if continuing {
            let c = out.last_mut().unwrap();
            c.command.push('\n');
            c.command.push_str(line);
            continuing = line.ends_with('\\');
        } else if let Some(cmd) = line.strip_prefix("$ ") {
            let exit = cmd
                .rsplit_once("# exit ")
                .and_then(|(_, n)| n.trim().parse().ok())
                .unwrap_or(0);
            out.push(DocCommand {
                place: format!("{name}:{}", i + 1),
                command: cmd.to_string(),
                shown: Vec::new(),
                exit,
            });
            continuing = line.ends_with('\\');
        } else if let Some(c) = out.last_mut() {
            c.shown.push(line.to_string());
        }
    }
    out
}

fn markdown_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// What a command needs beyond tempograph, if the machine lacks it.
fn missing_tool(cmd: &str) -> Option<String> {
    let draws = cmd.contains("svg") || cmd.contains("png") || cmd.contains("| dot");
    if draws && !Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success()) {
        return Some("Graphviz `dot` is not on PATH".into());
    }
    if draws && cmd.contains("--engine mermaid") {
        let mmdc = std::env::var_os("TEMPOGRAPH_DIAGRAM_TOOLS")
            .map(|d| PathBuf::from(d).join("node_modules/.bin/mmdc"))
            .filter(|p| p.exists());
        if mmdc.is_none() {
            return Some("mermaid-cli is missing (TEMPOGRAPH_DIAGRAM_TOOLS)".into());
        }
    }
    None
}

#[test]
fn every_documented_command_runs_as_written() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_tempograph"));
    let path = std::env::join_paths(
        std::iter::once(bin.parent().unwrap().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let clone = tempfile::tempdir().unwrap();
    for dir in ["timelines", "tests/data"] {
        let to = clone.path().join(dir);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        let ok = Command::new("cp")
            .arg("-R")
            .arg(root().join(dir))
            .arg(&to)
            .status()
            .unwrap()
            .success();
        assert!(ok, "copy {dir}");
    }
    let mut failures = Vec::new();
    let mut skipped = Vec::new();
    let mut n = 0;
    for md in markdown_files() {
        for c in commands(&md) {
            if !c.command.starts_with("tempograph") && !c.command.contains("| tempograph") {
                continue; // `cargo …`: the README's two commands, tested by golden.rs and CI
            }
            if let Some(why) = missing_tool(&c.command) {
                skipped.push(format!("{}: {why}", c.place));
                continue;
            }
            n += 1;
            let out = Command::new("sh")
                .arg("-c")
                .arg(&c.command)
                .current_dir(clone.path())
                .env("PATH", &path)
                .env_remove("NO_COLOR")
                .stdin(std::process::Stdio::null())
                .output()
                .unwrap();
            let printed = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            let code = out.status.code().unwrap_or(-1);
            if code != c.exit {
                failures.push(format!(
                    "{}: `{}` exited {code}, expected {}:\n{printed}",
                    c.place, c.command, c.exit
                ));
                continue;
            }
            if !c.shown.iter().any(|l| l.trim() == "...") {
                for l in c.shown.iter().filter(|l| !l.trim().is_empty()) {
                    if !printed.lines().any(|p| p.trim_end() == l.trim_end()) {
                        failures.push(format!(
                            "{}: `{}` did not print the line the docs show:\n  {l}\nit printed:\n{printed}",
                            c.place, c.command
                        ));
                        break;
                    }
                }
            }
        }
    }
    if !skipped.is_empty() {
        skip::skip(
            "every_documented_command_runs_as_written",
            &format!("{} commands not run:\n  {}", skipped.len(), skipped.join("\n  ")),
        );
    }
    assert!(n >= 30, "only {n} documented commands found");
    assert!(
        failures.is_empty(),
        "{} of {n} documented commands failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
