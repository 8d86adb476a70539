//! Bounds that fail cleanly (issue 16, item 3): a document past `--max-document-bytes`, or
//! documents past `--max-events` together, give exit 2 and an error naming the document and
//! the bound; nothing is written; under the bounds the output is the same as without them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempograph_pipeline::pipeline::{self, Limits, Options};
use tempograph_timeline::document::Document;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("timelines/sony-hack-2014/sources")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args(args)
        .current_dir(example())
        .output()
        .expect("run tempograph")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_document_past_the_byte_bound_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.yaml");
    let o = run(&[
        "build",
        "--manifest",
        "sources.yaml",
        "--max-document-bytes",
        "2000",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(
        e.contains("expected at most 2000 bytes (the bound --max-document-bytes), found "),
        "{e}"
    );
    assert!(e.contains(".txt: expected"), "the message names the document: {e}");
    assert!(!out.exists());
}

#[test]
fn documents_past_the_event_bound_are_named() {
    let o = run(&["build", "--manifest", "sources.yaml", "--max-events", "40"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("(the bound --max-events), found "), "{e}");
    assert!(e.contains(".txt: expected at most 40 events"), "{e}");
    assert!(o.stdout.is_empty());
}

#[test]
fn under_the_bounds_the_output_is_unchanged() {
    let plain = run(&["build", "--manifest", "sources.yaml"]);
    let bounded = run(&[
        "build",
        "--manifest",
        "sources.yaml",
        "--max-events",
        "100000",
        "--max-document-bytes",
        "10000000",
    ]);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    assert_eq!(plain.stdout, bounded.stdout);
}

#[test]
fn the_library_reports_a_limit_error() {
    let dct = chrono::NaiveDate::from_ymd_opt(2014, 12, 18).unwrap();
    let doc = Document::from_text(
        "big",
        "Sony canceled the release on Wednesday. ".repeat(100),
        dct,
        tempograph_timeline::document::DctSource::Flag,
    );
    let opts = Options {
        limits: Limits {
            max_document_bytes: 1000,
            ..Limits::default()
        },
        ..Options::default()
    };
    let e = pipeline::build(&[doc], &opts).unwrap_err();
    assert!(e.is_limit(), "{e}");
    assert!(!e.is_usage());
    assert_eq!(e.location().unwrap().path, PathBuf::from("big"));
}
