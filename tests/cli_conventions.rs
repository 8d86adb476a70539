//! The command line's conventions (ripgrep and clap practice): `-` for standard input,
//! `-o/--output` (atomic), `-q`/`-v`, `--color`, one `--format` vocabulary with the old
//! values kept, completions and man pages, and `--manifest M FILE...`. See: #17.

use clap::CommandFactory;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const SONY: &str = "timelines/sony-hack-2014.yaml";
const MANIFEST: &str = "timelines/sony-hack-2014/sources/sources.yaml";
const DOC004: &str = "timelines/sony-hack-2014/sources/004_398094e9e4ec5ca9.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn ok(args: &[&str], stdin: Option<&[u8]>) -> (String, String) {
    let o = run(args, stdin);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{args:?} failed: {err}");
    (String::from_utf8(o.stdout).unwrap(), err)
}

#[test]
fn clap_definitions_are_consistent() {
    tempograph_cli::Cli::command().debug_assert();
}

#[test]
fn dash_reads_standard_input() {
    let yaml = std::fs::read(root().join(SONY)).unwrap();
    let (from_file, _) = ok(&["render", SONY, "--format", "mermaid"], None);
    let (from_stdin, _) = ok(&["render", "-", "--format", "mermaid"], Some(&yaml));
    assert_eq!(from_file, from_stdin);
    let (report, _) = ok(&["check", "-"], Some(&yaml));
    assert!(report.starts_with("<stdin>: consistent"), "{report}");

    let text = std::fs::read(root().join(DOC004)).unwrap();
    let (tagged, _) = ok(&["tag", "--format", "jsonl", "--dct", "2014-12-18", "-"], Some(&text));
    let (file, _) = ok(&["tag", "--format", "jsonl", "--dct", "2014-12-18", DOC004], None);
    assert_eq!(
        tagged.replace("\"file\":\"<stdin>\"", &format!("\"file\":\"{DOC004}\"")),
        file
    );
    // Standard input is read once.
    let o = run(&["check", "-", "-"], Some(&yaml));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("only once"));
}

#[test]
fn output_flag_writes_atomically_and_refuses_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tags.jsonl");
    let o = out.to_str().unwrap();
    let (stdout, _) = ok(
        &["tag", "--format", "jsonl", "--dct", "2014-12-18", DOC004, "-o", o],
        None,
    );
    assert!(stdout.is_empty());
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("\"text\":\"Christmas\""));
    let report = dir.path().join("check.json");
    ok(
        &["check", SONY, "--format", "json", "-o", report.to_str().unwrap()],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(v["consistent"], true);
    // Never over an input.
    let copy = dir.path().join("sony.yaml");
    std::fs::copy(root().join(SONY), &copy).unwrap();
    let c = copy.to_str().unwrap();
    let o = run(&["check", c, "-o", c], None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(root().join(SONY)).unwrap());
}

#[test]
fn format_vocabulary_keeps_old_values() {
    let (text, _) = ok(&["render", SONY, "--format", "text"], None);
    let (table, _) = ok(&["render", SONY, "--format", "table"], None);
    assert_eq!(text, table);
    assert!(text.starts_with("sony-hack-2014: 20 events"), "{text}");
    let (jsonl, _) = ok(
        &[
            "check",
            SONY,
            "tests/data/timelines/known-conflict.yaml",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(jsonl.lines().count(), 2);
    for l in jsonl.lines() {
        serde_json::from_str::<serde_json::Value>(l).unwrap();
    }
    let (t1, _) = ok(&["tag", "--format", "text", "--dct", "2014-12-18", DOC004], None);
    let (t2, _) = ok(&["tag", "--format", "table", "--dct", "2014-12-18", DOC004], None);
    assert_eq!(t1, t2);
    let (json, _) = ok(&["tag", "--format", "json", "--dct", "2014-12-18", DOC004], None);
    let (jsonl, _) = ok(&["tag", "--format", "jsonl", "--dct", "2014-12-18", DOC004], None);
    let arr: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(arr.len(), jsonl.lines().count());
    let o = run(&["check", SONY, "--format", "xml"], None);
    assert!(String::from_utf8_lossy(&o.stderr).contains("expected text, json or jsonl"));
}

#[test]
fn manifest_with_files_means_those_files() {
    let (out, _) = ok(&["tag", "--format", "jsonl", "--manifest", MANIFEST, DOC004], None);
    assert!(!out.is_empty());
    for l in out.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["file"], DOC004, "{l}");
    }
    // Its date is the manifest's (2014-12-18): "Christmas" resolves from it.
    assert!(out.contains("\"anchor_value\":\"2014-12-18\""));
    let o = run(&["tag", "--manifest", MANIFEST, "README.md"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("README.md: not listed in the manifest"));
}

#[test]
fn quiet_verbose_and_color() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let (_, err) = ok(&["man", "--out-dir", d], None);
    assert!(err.contains("manual pages"), "{err}");
    let (_, err) = ok(&["-q", "man", "--out-dir", d], None);
    assert!(err.is_empty(), "{err}");
    let page = dir.path().join("p.html");
    let (_, err) = ok(
        &[
            "render",
            SONY,
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
            "--verbose",
        ],
        None,
    );
    assert!(err.contains("wrote ") && err.contains("p.html"), "{err}");
    let o = run(&["-q", "-v", "check", SONY], None);
    assert_eq!(o.status.code(), Some(2), "-q and -v conflict");

    let bad = "tests/data/timelines/defects/schema-bad-date.yaml";
    let err = |args: &[&str], no_color: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tempograph"));
        c.args(args).current_dir(root()).env_remove("NO_COLOR");
        if no_color {
            c.env("NO_COLOR", "1");
        }
        String::from_utf8_lossy(&c.output().unwrap().stderr).into_owned()
    };
    assert!(err(&["--color", "always", "check", bad], false).contains("\x1b[1;31merror\x1b[0m"));
    assert!(
        err(&["check", bad, "--color=always"], true).contains("\x1b["),
        "always wins over NO_COLOR"
    );
    assert!(!err(&["--color", "never", "check", bad], false).contains('\x1b'));
    // auto: stderr is a pipe here, so no color.
    assert!(!err(&["check", bad], false).contains('\x1b'));
}

#[test]
fn completions_and_man_pages() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (script, _) = ok(&["completions", shell], None);
        assert!(script.contains("tempograph") && script.contains("render"), "{shell}");
    }
    let (bash, _) = ok(&["completions", "bash"], None);
    assert!(bash.contains("--color") && bash.contains("--manifest"));
    let (man, _) = ok(&["man"], None);
    assert!(man.contains(".TH tempograph 1"), "{}", &man[..200.min(man.len())]);
    let dir = tempfile::tempdir().unwrap();
    ok(&["-q", "man", "--out-dir", dir.path().to_str().unwrap()], None);
    let page = std::fs::read_to_string(dir.path().join("tempograph-timeml-annotate.1")).unwrap();
    assert!(page.contains("out\\-dir"), "{page}");
}

#[test]
fn timeml_annotate_to_standard_output() {
    let input = "tests/data/hostile/timeml-same-name/a/x.tml";
    let dir = tempfile::tempdir().unwrap();
    ok(
        &[
            "-q",
            "timeml",
            "annotate",
            input,
            "--out-dir",
            dir.path().to_str().unwrap(),
        ],
        None,
    );
    let written = std::fs::read_to_string(dir.path().join("x.tml")).unwrap();
    let (stdout, _) = ok(&["timeml", "annotate", input], None);
    assert_eq!(stdout, written);
    let (stdin, _) = ok(
        &["timeml", "annotate", "-"],
        Some(&std::fs::read(root().join(input)).unwrap()),
    );
    assert_eq!(stdin, written);
}

#[test]
fn build_reads_standard_input_and_manifest_selections() {
    // `--manifest M FILE`: that document only, with its manifest date and title.
    let (yaml, _) = ok(&["build", "--manifest", MANIFEST, DOC004], None);
    let t = tempograph::Timeline::from_yaml(&yaml, "<stdout>").unwrap();
    assert_eq!(t.documents.len(), 1, "{yaml}");
    assert_eq!(t.documents[0].id, "004_398094e9e4ec5ca9");
    assert_eq!(t.documents[0].published.to_string(), "2014-12-18");
    assert!(t.documents[0].title.as_deref().unwrap_or("").contains("Sony Pictures"));
    // Without files: every document of the manifest.
    let (all, _) = ok(&["build", "--manifest", MANIFEST, "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&all).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
    // `-`: a document from standard input, id `stdin`.
    let text = std::fs::read(root().join(DOC004)).unwrap();
    let (yaml, _) = ok(&["build", "--dct", "2014-12-18", "-"], Some(&text));
    let t = tempograph::Timeline::from_yaml(&yaml, "<stdout>").unwrap();
    assert_eq!(t.documents[0].id, "stdin");
    assert!(t.events.iter().any(|e| e.id == "release"), "{yaml}");
}
