//! `timex::tag_text` tags long documents in windows cut at blank lines; the result must be
//! the one `timex::tag` gives for the whole text, whatever the window size. The documents
//! here are every case text of `tests/data/timex/*.toml` and the Sony sources, joined into
//! one long text in several ways, plus paragraphs built so that an expression, a range or an
//! anchor crosses the place where a window would be cut.

use chrono::NaiveDate;
use std::path::Path;
use tempograph_lang::text::Analysis;
use tempograph_timex::{self as timex, Timex};

fn case_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timex");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/timex")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let v: toml::Value = toml::from_str(&std::fs::read_to_string(&f).expect("read")).expect("toml");
        for case in v.get("case").and_then(|c| c.as_array()).into_iter().flatten() {
            if let Some(t) = case.get("text").and_then(|t| t.as_str()) {
                out.push(t.to_string());
            }
        }
    }
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("timelines/sony-hack-2014/sources");
    if let Ok(rd) = std::fs::read_dir(sources) {
        let mut paths: Vec<_> = rd.map(|e| e.expect("dir entry").path()).collect();
        paths.sort();
        for p in paths.into_iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
            out.push(std::fs::read_to_string(p).expect("read source"));
        }
    }
    assert!(out.len() > 100, "expected the timex cases, found {}", out.len());
    out
}

/// Paragraph pairs whose meaning crosses the blank line between them.
const ACROSS: &[&str] = &[
    "Sales rose in the third quarter of 1998.\n\nA year ago the quarter was weak.",
    "The talks ran from Dec. 5 -\n\nJan. 8 and ended.",
    "They met on Monday, Dec. 15.\n\nThe following day they left.",
    "He stayed at\n\nthe present address.",
    "It happened on November 24, 2014.\n\nTwo days later the films leaked.",
    "Dec.\n\n17 was the date.",
    "The 1990s\n\nwere good. Last year was not.",
];

fn same(text: &str, window: usize, dct: NaiveDate) {
    let whole: Vec<Timex> = timex::tag(text, &Analysis::new(text), dct);
    let windowed = timex::tag_windows(text, dct, window);
    assert_eq!(whole.len(), windowed.len(), "window {window}: number of timexes");
    for (a, b) in whole.iter().zip(&windowed) {
        assert_eq!(a, b, "window {window}");
    }
}

#[test]
fn windows_give_the_whole_text_result() {
    let dct = NaiveDate::from_ymd_opt(2014, 12, 18).expect("date");
    let texts = case_texts();
    let mut doc = texts.join("\n\n");
    for a in ACROSS {
        doc.push_str("\n\n");
        doc.push_str(a);
    }
    // Paragraphs separated by blank lines with other white space in them, and a run of
    // paragraphs with no blank line at all (a window must grow over it).
    doc.push_str("\n \t\n");
    doc.push_str(&texts[..40].join(" \u{a0}\n\u{a0}\n"));
    doc.push_str("\n\n");
    doc.push_str(&texts[40..80].join("\n"));
    let doc = format!("{doc}\n\n{doc}\n\n{doc}");
    assert!(doc.len() > 20_000, "{} bytes", doc.len());
    for window in [1, 64, 500, 3_000, 20_000] {
        same(&doc, window, dct);
    }
    // The same texts in reverse order: other anchors carry over from window to window.
    let rev: Vec<String> = texts.iter().rev().cloned().collect();
    same(&rev.join("\n\n"), 700, dct);
}

#[test]
fn short_texts_are_tagged_in_one_piece() {
    let dct = NaiveDate::from_ymd_opt(2014, 12, 18).expect("date");
    for a in ACROSS {
        same(a, 1 << 20, dct);
        same(a, 8, dct);
    }
    assert!(timex::tag_windows("", dct, 1).is_empty());
}
