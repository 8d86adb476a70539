//! CLI tests of `tempograph extract` and `tempograph assemble`: the split build gives the
//! bytes `build` gives, partial merges in any tree give the same bytes, and bad record lines
//! are errors with their file and line (exit 2), never a panic. See: #16 (item 4).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tempograph"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().expect("run tempograph")
}

fn run_stdin(args: &[&str], dir: &Path, input: &[u8]) -> Output {
    let mut c = bin()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tempograph");
    c.stdin.take().unwrap().write_all(input).unwrap();
    c.wait_with_output().unwrap()
}

fn ok(o: &Output) -> Vec<u8> {
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout.clone()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("extract_assemble-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const MANIFEST: &str = "timelines/sony-hack-2014/sources/sources.yaml";

/// `extract --manifest M | assemble` is `build --manifest M`, byte for byte; so is the
/// committed Sony timeline when written beside it.
#[test]
fn extract_then_assemble_is_build() {
    let built = ok(&run(&["build", "--manifest", MANIFEST], &root()));
    let records = ok(&run(&["extract", "--manifest", MANIFEST], &root()));
    assert_eq!(records.iter().filter(|&&b| b == b'\n').count(), 2);
    let assembled = ok(&run_stdin(&["assemble"], &root(), &records));
    assert_eq!(String::from_utf8_lossy(&assembled), String::from_utf8_lossy(&built));
    let golden = std::fs::read(root().join("timelines/sony-hack-2014.yaml")).unwrap();
    let d = tmp("golden");
    // Paths are written relative to the timeline's folder: write it where the golden is.
    let rec = d.join("sony.jsonl");
    std::fs::write(&rec, &records).unwrap();
    let out = "timelines/extract-assemble-test-sony.yaml";
    ok(&run(&["assemble", rec.to_str().unwrap(), "-o", out], &root()));
    let written = std::fs::read(root().join(out)).unwrap();
    let _ = std::fs::remove_file(root().join(out));
    assert!(
        written == golden,
        "assemble -o timelines/... differs from the committed Sony timeline"
    );
}

/// A tree of `--partial` merges, in any order and with repeated records, assembles to the
/// same bytes as all records at once, and a partial of a partial is the partial.
#[test]
fn partial_merges_are_associative() {
    let d = tmp("partials");
    let texts = [
        (
            "a",
            "2014-12-01",
            "Sony canceled the release on Wednesday after threats.",
        ),
        (
            "b",
            "2014-12-02",
            "The FBI said on Friday that North Korea was behind the attack.",
        ),
        (
            "c",
            "2014-12-03",
            "Hackers attacked the studio in November. The studio reopened on Monday.",
        ),
        (
            "d",
            "2014-12-04",
            "Obama criticized the decision on Friday and urged the studio to reconsider.",
        ),
    ];
    let mut lines = String::new();
    for (i, (id, date, text)) in texts.iter().enumerate() {
        lines.push_str(
            &serde_json::json!({"id": id, "seq": i, "published": date, "text": text, "story": if i % 2 == 0 { "x" } else { "y" }})
                .to_string(),
        );
        lines.push('\n');
    }
    let records = ok(&run_stdin(
        &["extract", "--stream", "--jobs", "1"],
        &d,
        lines.as_bytes(),
    ));
    let records3 = ok(&run_stdin(
        &["extract", "--stream", "--jobs", "3"],
        &d,
        lines.as_bytes(),
    ));
    assert_eq!(records, records3, "extract --stream differs between --jobs 1 and 3");
    let single = ok(&run_stdin(&["build", "--stream"], &d, lines.as_bytes()));
    let all = ok(&run_stdin(&["assemble"], &d, &records));
    assert_eq!(all, single, "build --stream and extract --stream | assemble differ");
    let recs: Vec<&[u8]> = records.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(recs.len(), 4);
    let write = |name: &str, parts: &[&[u8]]| {
        let mut v = Vec::new();
        for p in parts {
            v.extend_from_slice(p);
            v.push(b'\n');
        }
        std::fs::write(d.join(name), v).unwrap();
        name.to_string()
    };
    // ((d, b) + (c)) + (a, b) — b twice, inputs out of order.
    let p1 = write("p1.jsonl", &[recs[3], recs[1]]);
    let p2 = write("p2.jsonl", &[recs[2]]);
    let p3 = write("p3.jsonl", &[recs[0], recs[1]]);
    let left = ok(&run(&["assemble", "--partial", &p1, &p2], &d));
    std::fs::write(d.join("left.jsonl"), &left).unwrap();
    let whole = ok(&run(&["assemble", "--partial", &p3, "left.jsonl"], &d));
    let direct = ok(&run_stdin(&["assemble", "--partial"], &d, &records));
    assert_eq!(whole, direct);
    std::fs::write(d.join("whole.jsonl"), &whole).unwrap();
    assert_eq!(ok(&run(&["assemble", "--partial", "whole.jsonl"], &d)), whole);
    assert_eq!(ok(&run(&["assemble", "whole.jsonl"], &d)), single);
    assert_eq!(ok(&run(&["assemble", "--jobs", "3", "whole.jsonl"], &d)), single);

    // --group-by story: one timeline per story, each the timeline of its records alone.
    let o = run(
        &[
            "assemble",
            "whole.jsonl",
            "--group-by",
            "story",
            "--out-dir",
            "by-story",
        ],
        &d,
    );
    ok(&o);
    let x = std::fs::read(d.join("by-story/x.yaml")).unwrap();
    let only_x = write("x.jsonl", &[recs[0], recs[2]]);
    assert_eq!(
        ok(&run(
            &["assemble", &only_x, "--title", "x", "-o", "by-story/x2.yaml"],
            &d
        )),
        b""
    );
    assert_eq!(x, std::fs::read(d.join("by-story/x2.yaml")).unwrap());
    assert!(d.join("by-story/y.yaml").is_file());
}

/// Each bad line is reported with its file and line; nothing is written; exit 2.
#[test]
fn bad_record_lines_are_errors_with_line_numbers() {
    let d = tmp("bad");
    let lines = "{\"id\": \"a\", \"published\": \"2014-12-01\", \"text\": \"Sony canceled the film on Wednesday.\"}\n\
                 {\"id\": \"b\", \"published\": \"2014-13-01\", \"text\": \"x\"}\n";
    let records = ok(&run_stdin(&["extract", "--stream"], &d, lines.as_bytes()));
    let text = String::from_utf8(records).unwrap();
    let good = text.lines().next().unwrap().to_string();
    assert!(text.lines().nth(1).unwrap().contains("\"error\""), "{text}");
    let cases: Vec<(&str, String, &str)> = vec![
        ("error line", text.clone(), "could not be extracted"),
        (
            "not json",
            format!("{good}\nnot json\n"),
            "in.jsonl:2:2: expected an extraction record",
        ),
        (
            "truncated",
            format!("{good}\n{}\n", &good[..good.len() / 2]),
            "in.jsonl:2:",
        ),
        ("an array", format!("[1, 2]\n{good}\n"), "in.jsonl:1:"),
        (
            "unknown field",
            format!(
                "{good}\n{}\n",
                good.replacen("{\"id\":\"a\"", "{\"id\":\"c\",\"colour\":1", 1)
            ),
            "unknown field `colour`",
        ),
        (
            "another version",
            format!("{}\n", good.replacen("\"tempograph\":\"", "\"tempograph\":\"9", 1)),
            "extract the documents again",
        ),
        (
            "span past the text",
            format!("{}\n", good.replacen("\"span\":[", "\"span\":[9999", 1)),
            "in.jsonl:1",
        ),
        (
            "same id, other record",
            format!("{good}\n{}\n", good.replacen("Sony", "Sany", 1)),
            "different record",
        ),
        ("no records", "\n\n".to_string(), "no records"),
    ];
    let mut failures = Vec::new();
    for (name, input, want) in cases {
        std::fs::write(d.join("in.jsonl"), &input).unwrap();
        let o = run(&["assemble", "in.jsonl", "-o", "out.yaml"], &d);
        let e = stderr(&o);
        if o.status.code() != Some(2) || !e.contains(want) || e.contains("panicked") {
            failures.push(format!(
                "{name}: exit {:?}, stderr {e:?}, wanted {want:?}",
                o.status.code()
            ));
        }
        if d.join("out.yaml").exists() {
            failures.push(format!("{name}: wrote out.yaml"));
            let _ = std::fs::remove_file(d.join("out.yaml"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A bad file among good ones: the good ones' records are written, the bad one is named,
/// exit 2.
#[test]
fn extract_goes_on_past_a_bad_file() {
    let d = tmp("files");
    std::fs::write(d.join("good.txt"), "Sony canceled the release on Wednesday.\n").unwrap();
    std::fs::write(d.join("bad.txt"), [0xff, 0xfe, 0x00]).unwrap();
    let o = run(&["extract", "--dct", "2014-12-18", "good.txt", "bad.txt"], &d);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.txt"), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 1);
    assert!(
        out.starts_with("{\"id\":\"good\",\"format\":\"tempograph-extract/1\""),
        "{out}"
    );
}
