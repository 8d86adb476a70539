//! Hostile timeline YAML: alias bombs, deep nesting, cycles and self-references, duplicate
//! ids, missing documents, huge files. Each is a clear error or a finding, in bounded time
//! and memory, never a panic.

use std::path::Path;
use std::time::{Duration, Instant};
use tempograph::timeline::{Kind, Timeline};

fn load(src: &str) -> tempograph::Result<Timeline> {
    Timeline::from_yaml(src, Path::new("t.yaml"))
}

fn kinds(src: &str) -> Vec<Kind> {
    let t = load(src).unwrap();
    let r = t.check();
    let mut k: Vec<Kind> = r.errors().map(|f| f.kind).collect();
    k.sort();
    k.dedup();
    k
}

#[test]
fn alias_bomb_is_refused_quickly() {
    // "Billion laughs": 9 levels of 9 aliases would expand to 9^9 strings.
    let mut src = String::from("schema: tempograph/1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..9 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        src.push_str(&format!("x{i}: &a{i} [{refs}]\n"));
    }
    src.push_str("events: []\n");
    let start = Instant::now();
    let e = load(&src).unwrap_err();
    assert!(e.is_parse(), "{e}");
    assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
    // An alias bomb inside a field the model knows is refused the same way.
    let mut src = String::from(
        "schema: tempograph/1\nevents:\n  - id: a\n    label: a\n    before: &b0 [x, x, x, x, x, x, x, x]\n",
    );
    for i in 1..9 {
        src.push_str(&format!(
            "  - id: a{i}\n    label: a\n    before: &b{i} [{}]\n",
            vec![format!("*b{}", i - 1); 8].join(", ")
        ));
    }
    let start = Instant::now();
    assert!(load(&src).is_err());
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // 5,000 levels: refused by the parser's own recursion limit.
    let mut block = String::from("schema: tempograph/1\ntitle:\n");
    for i in 0..5_000 {
        block.push_str(&" ".repeat(i + 1));
        block.push_str("a:\n");
    }
    assert!(load(&block).unwrap_err().is_parse());
    // Deep flow nesting is refused before parsing (the parser is quadratic in depth).
    for depth in [5_000, 100_000, 1_000_000] {
        let start = Instant::now();
        let flow = format!(
            "schema: tempograph/1\nevents: {}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert_eq!(
            load(&flow).unwrap_err().to_string(),
            "t.yaml:2:1009: expected YAML nested at most 1000 levels deep, found deeper nesting"
        );
        let maps = format!(
            "schema: tempograph/1\ntitle: {}x{}\n",
            "{a: ".repeat(depth),
            "}".repeat(depth)
        );
        assert!(load(&maps)
            .unwrap_err()
            .to_string()
            .contains("nested at most 1000 levels"));
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{depth}: {:?}",
            start.elapsed()
        );
    }
    // 1,000 levels is still read by the parser (and refused by its recursion limit, quickly).
    let start = Instant::now();
    let flow = format!(
        "schema: tempograph/1\nevents: {}{}\n",
        "[".repeat(1000),
        "]".repeat(1000)
    );
    assert!(load(&flow).unwrap_err().is_parse());
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn syntax_and_schema_errors_say_where() {
    for (src, starts) in [
        (
            "schema: tempograph/1\nevents:\n  - id: a\n    label: [unclosed\n",
            "t.yaml:",
        ),
        (
            "schema: tempograph/1\nevents:\n  - id: a\n    label: x\n    colour: red\n",
            "t.yaml:5:",
        ),
        (
            "schema: tempograph/1\nevents:\n  - id: a\n    label: x\n    date: 2014-02-31\n",
            "t.yaml:5:",
        ),
        ("schema: tempograph/1\nevents:\n  - label: x\n", "t.yaml:3:"),
        ("\0\0\0", "t.yaml"),
        ("- just\n- a list\n", "t.yaml"),
        ("schema: tempograph/99\nevents: []\n", "t.yaml"),
    ] {
        let e = load(src).unwrap_err().to_string();
        assert!(e.starts_with(starts), "{src:?}: {e}");
    }
}

#[test]
fn cycles_and_self_references_are_findings() {
    let self_ref = "schema: tempograph/1\nevents:\n  - id: a\n    label: A\n    before: [a]\n";
    assert!(kinds(self_ref).contains(&Kind::Cycle), "{:?}", kinds(self_ref));
    let self_rel =
        "schema: tempograph/1\nevents:\n  - id: a\n    label: A\nrelations:\n  - {from: a, to: a, type: after}\n";
    assert!(kinds(self_rel).contains(&Kind::Cycle));
    // A relation of an event with itself that is *not* contradictory.
    let same = "schema: tempograph/1\nevents:\n  - id: a\n    label: A\nrelations:\n  - {from: a, to: a, type: simultaneous}\n";
    assert!(!kinds(same).contains(&Kind::Cycle));
    let two = "schema: tempograph/1\nevents:\n  - {id: a, label: A, before: [b]}\n  - {id: b, label: B, before: [a]}\n";
    assert_eq!(kinds(two), vec![Kind::Cycle]);
    // A long cycle through 1,000 events in flow style, where `check` still locates each step
    // by re-parsing the file (block style is indexed in one scan; see docs/FUZZING.md).
    let n = 1_000;
    let mut src = String::from("schema: tempograph/1\nevents:\n");
    for i in 0..n {
        src.push_str(&format!("  - {{id: e{i}, label: E, before: [e{}]}}\n", (i + 1) % n));
    }
    let start = Instant::now();
    assert_eq!(kinds(&src), vec![Kind::Cycle]);
    assert!(start.elapsed() < Duration::from_secs(60), "{:?}", start.elapsed());
}

#[test]
fn duplicate_and_unknown_ids_and_documents() {
    let dup = "schema: tempograph/1\nevents:\n  - {id: a, label: A}\n  - {id: a, label: B}\n";
    assert!(kinds(dup).contains(&Kind::DuplicateId));
    let unknown = "schema: tempograph/1\nevents:\n  - {id: a, label: A, before: [ghost]}\n";
    assert!(kinds(unknown).contains(&Kind::UnknownId));
    let missing_doc = "schema: tempograph/1\nevents:\n  - id: a\n    label: A\n    sources:\n      - {document: nowhere, start: 0, end: 4, trigger: leak}\n";
    assert!(kinds(missing_doc).contains(&Kind::UnknownDocument));
}

#[test]
fn empty_and_tiny_timelines() {
    // An empty file is refused when read; empty YAML text is an empty timeline.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.yaml");
    std::fs::write(&p, "").unwrap();
    assert!(Timeline::from_path(&p).unwrap_err().is_parse());
    assert!(load("schema: tempograph/1\n").is_ok_and(|t| t.check().is_consistent()));
    assert!(load("schema: tempograph/1\nevents: []\n").is_ok_and(|t| t.check().is_consistent()));
}

#[test]
fn absurd_dates_are_errors_or_sane() {
    for (date, ok) in [
        ("0000-01-01", true),
        ("9999-12-31", true),
        ("99999-01-01", false),
        ("2014-02-31", false),
        ("10000000000000", false),
        ("-2014-01-01", false),
        ("{earliest: 2014-12-05, latest: 2014-11-27}", true),
    ] {
        let src = format!("schema: tempograph/1\nevents:\n  - id: a\n    label: A\n    date: {date}\n");
        match load(&src) {
            Ok(t) => {
                assert!(ok, "{date} loaded");
                let _ = t.check();
            }
            Err(e) => {
                assert!(!ok, "{date}: {e}");
                assert!(e.to_string().starts_with("t.yaml:5:"), "{date}: {e}");
            }
        }
    }
}

/// A cycle through 5,000 events in block style (what `build` writes) is located in one scan.
#[test]
fn long_block_style_cycle_is_fast() {
    let n = 5_000;
    let mut src = String::from("schema: tempograph/1\nevents:\n");
    for i in 0..n {
        src.push_str(&format!("- id: e{i}\n  label: E\n  before: [e{}]\n", (i + 1) % n));
    }
    let start = Instant::now();
    assert_eq!(kinds(&src), vec![Kind::Cycle]);
    // Bounded time, generously: one scan instead of 5,000 parses (85 s before the index).
    assert!(start.elapsed() < Duration::from_secs(30), "{:?}", start.elapsed());
}
