//! `tempograph check` and `tempograph render` from the outside: exit codes, stdout/stderr,
//! a bad file among good ones, JSON output.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn data(name: &str) -> PathBuf {
    root().join("tests/data/timelines").join(name)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn consistent_exits_0() {
    let (code, out, err) = run(&["check", "tests/data/timelines/hand-written.yaml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "tests/data/timelines/hand-written.yaml: consistent\n");
    assert_eq!(err, "");
}

#[test]
fn findings_exit_1_with_file_line_col_cycle_and_evidence() {
    let (code, out, _) = run(&["check", "tests/data/timelines/defects/cycle.yaml"]);
    assert_eq!(code, 1);
    let want = "\
tests/data/timelines/defects/cycle.yaml:6:14: error[cycle]: the relations form a cycle: leak BEFORE threats → threats BEFORE hack → hack BEFORE leak (at events[0].before[0])
    tests/data/timelines/defects/cycle.yaml:12:5: leak BEFORE threats — evidence: \"the leak was followed by threats\" (rule hand)
    tests/data/timelines/defects/cycle.yaml:18:5: threats BEFORE hack
    tests/data/timelines/defects/cycle.yaml:6:14: hack BEFORE leak — evidence: \"`before: leak` on event `hack`\" (rule hand)
tests/data/timelines/defects/cycle.yaml: 1 error, 0 warnings
";
    assert_eq!(out, want);
}

#[test]
fn unreadable_exits_2_with_path_and_line() {
    let (code, out, err) = run(&["check", "tests/data/timelines/defects/syntax-error.yaml"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "tempograph: error: tests/data/timelines/defects/syntax-error.yaml:7:7: expected valid YAML, found a syntax \
         error: did not find expected ',' or ']' (while parsing a flow sequence at line 6 column 13)\n"
    );
    let (code, _, err) = run(&["check", "tests/data/timelines/no-such-file.yaml"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("tempograph: error: tests/data/timelines/no-such-file.yaml: "),
        "{err}"
    );
}

#[test]
fn a_bad_file_among_good_ones_is_reported_and_the_rest_checked() {
    let (code, out, err) = run(&[
        "check",
        "tests/data/timelines/hand-written.yaml",
        "tests/data/timelines/defects/schema-unknown-field.yaml",
        "tests/data/timelines/defects/inverted-date.yaml",
    ]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.contains("hand-written.yaml: consistent"), "{out}");
    assert!(out.contains("inverted-date.yaml:6:11: error[inverted-date]"), "{out}");
    assert!(
        err.contains("schema-unknown-field.yaml:6:5: expected one of `id`"),
        "{err}"
    );
}

#[test]
fn json_format() {
    let (code, out, _) = run(&[
        "check",
        "--format",
        "json",
        "tests/data/timelines/defects/unknown-id.yaml",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["file"], "tests/data/timelines/defects/unknown-id.yaml");
    assert_eq!(v["errors"], 2);
    assert_eq!(v["findings"][0]["place"]["line"], 7);
    assert_eq!(v["findings"][1]["place"]["line"], 13);

    let (code, out, _) = run(&[
        "check",
        "--format",
        "json",
        "tests/data/timelines/hand-written.yaml",
        "tests/data/timelines/defects/schema-bad-date.yaml",
    ]);
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["consistent"], true);
    assert_eq!(v[1]["consistent"], false);
    assert_eq!(v[1]["error"]["line"], 6);
    assert_eq!(v[1]["error"]["column"], 11);
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = run(&["check", "--format", "xml", "tests/data/timelines/hand-written.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown check format `xml`"), "{err}");
    let (code, _, err) = run(&["render", "tests/data/timelines/hand-written.yaml", "--format", "pdf"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown format `pdf`; expected one of mermaid, mermaid-gantt"),
        "{err}"
    );
}

#[test]
fn render_writes_stdout_or_file_and_refuses_to_overwrite_its_input() {
    let (code, out, _) = run(&[
        "render",
        "tests/data/timelines/hand-written.yaml",
        "--format",
        "mermaid",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("timeline\n"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.dot");
    let (code, out, _) = run(&[
        "render",
        data("hand-written.yaml").to_str().unwrap(),
        "--format",
        "dot",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .starts_with("digraph timeline {"));
    let copy = dir.path().join("t.yaml");
    std::fs::copy(data("hand-written.yaml"), &copy).unwrap();
    let (code, _, err) = run(&["render", copy.to_str().unwrap(), "-o", copy.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("refusing to write output"), "{err}");
}

#[test]
fn missing_renderer_names_the_package() {
    let out = Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args(["render", "tests/data/timelines/hand-written.yaml", "--format", "svg"])
        .current_dir(root())
        .env("PATH", "/nonexistent")
        .env_remove("TEMPOGRAPH_DOT")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("install the `graphviz` package"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args([
            "render",
            "tests/data/timelines/hand-written.yaml",
            "--format",
            "png",
            "--engine",
            "mermaid",
        ])
        .current_dir(root())
        .env("PATH", "/nonexistent")
        .env_remove("TEMPOGRAPH_DIAGRAM_TOOLS")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("npm package `@mermaid-js/mermaid-cli`"), "{err}");
}

#[test]
fn diagrams_of_a_hand_written_timeline_show_the_contradictions_check_finds() {
    let (code, out, _) = run(&[
        "render",
        "tests/data/timelines/defects/cycle.yaml",
        "--format",
        "mermaid-flowchart",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("    class e0,e1,e2 conflict\n    linkStyle 0,1,2 stroke:#d62728"),
        "{out}"
    );
    let (_, out, _) = run(&[
        "render",
        "tests/data/timelines/defects/contradicts-dates.yaml",
        "--format",
        "dot",
    ]);
    assert!(out.contains("e1 -> e0 [label=\"BEFORE\", color=\"#d62728\""), "{out}");
    // The JSON rendering is the model as written: nothing added.
    let (_, out, _) = run(&["render", "tests/data/timelines/defects/cycle.yaml", "--format", "json"]);
    assert!(!out.contains("conflicts"), "{out}");
}

#[test]
fn one_sided_dates_from_the_command_line() {
    let (code, out, err) = run(&["check", "tests/data/timelines/one-sided.yaml"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "tests/data/timelines/one-sided.yaml: consistent\n", "")
    );
    // The one-sided bound is the fact on the contradiction, with its line.
    let (code, out, _) = run(&["check", "tests/data/timelines/defects/one-sided.yaml"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("tests/data/timelines/defects/one-sided.yaml:13:11: scrap ends on or before 2014-12-18\n"),
        "{out}"
    );
    // A date with neither bound: exit 2, with the line and column.
    let (code, out, err) = run(&["check", "tests/data/timelines/defects/schema-date-no-bounds.yaml"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "tempograph: error: tests/data/timelines/defects/schema-date-no-bounds.yaml:6:11: expected a date with \
         `earliest`, `latest` or both (or a `value` that denotes calendar days), found a mapping with neither of \
         them at events[0].date\n"
    );
    let (code, out, _) = run(&["render", "--format", "mermaid", "tests/data/timelines/one-sided.yaml"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("    by 2014-12-18 : Sony Pictures scraps the Christmas release\n"),
        "{out}"
    );
}
