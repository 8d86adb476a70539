//! Hostile documents, dates and values: each gives a clear error or a sane result, never a
//! panic, in bounded time. (`tests/hostile_*.rs` cover the other inputs.)

use chrono::NaiveDate;
use std::path::Path;
use std::time::{Duration, Instant};
use tempograph_core::value;
use tempograph_lang::text::Analysis;
use tempograph_timeline::document::{self, Document};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn load_err(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "doc.txt", bytes);
    let e = Document::load(&p, NaiveDate::from_ymd_opt(2014, 12, 18)).unwrap_err();
    assert!(e.is_parse(), "{e}");
    // Messages name the file; strip the temporary folder.
    e.to_string().replace(&dir.path().display().to_string(), "DIR")
}

#[test]
fn empty_and_blank_files() {
    assert_eq!(
        load_err(b""),
        "DIR/doc.txt: expected a text document, found an empty file"
    );
    assert_eq!(
        load_err(b" \n\t\r\n  "),
        "DIR/doc.txt: expected a text document, found an empty file"
    );
    assert_eq!(
        load_err(b"\xEF\xBB\xBF"),
        "DIR/doc.txt: expected a text document, found an empty file"
    );
}

/// Invalid UTF-8 is an error that says where (we chose not to decode lossily: a silently
/// altered text would shift every offset reported downstream; see docs/FUZZING.md).
#[test]
fn invalid_utf8_says_where() {
    assert_eq!(
        load_err(b"Sony \xe2\x80\x94 Dec. 17\nthe hack \xc3\x28 began"),
        "DIR/doc.txt:2:10: invalid UTF-8 at byte 26: expected UTF-8 text (convert the file, e.g. with iconv)"
    );
    // Latin-1 text, the common case.
    assert_eq!(
        load_err(b"Caf\xe9 au lait"),
        "DIR/doc.txt:1:4: invalid UTF-8 at byte 3: expected UTF-8 text (convert the file, e.g. with iconv)"
    );
    // A truncated multi-byte sequence at the very end.
    assert!(load_err(b"ok \xe2\x80").starts_with("DIR/doc.txt:1:4: invalid UTF-8 at byte 3"));
    // UTF-16 (with its BOM) is not UTF-8 either; its NUL bytes make it binary.
    let e = load_err(b"\xff\xfeS\x00o\x00");
    assert!(
        e.contains("invalid UTF-8 at byte 0") || e.contains("binary content"),
        "{e}"
    );
}

#[test]
fn nul_bytes_and_binary_files() {
    assert_eq!(
        load_err(b"Dec. 17, 2014\0 Sony"),
        "DIR/doc.txt: expected a text document, found binary content (NUL byte at byte 13)"
    );
    // The start of a PNG file: binary, whichever check fires first.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    let e = load_err(png);
    assert!(e.contains("binary content") || e.contains("invalid UTF-8"), "{e}");
    // A gzip header.
    let e = load_err(b"\x1f\x8b\x08\0\0\0\0\0\0\x03");
    assert!(e.contains("binary content") || e.contains("invalid UTF-8"), "{e}");
}

#[test]
fn missing_file_and_directory_are_io_errors() {
    let dir = tempfile::tempdir().unwrap();
    let e = Document::load(&dir.path().join("nope.txt"), None).unwrap_err();
    assert!(e.is_io(), "{e}");
    let e = Document::load(dir.path(), None).unwrap_err();
    assert!(e.is_io(), "{e}");
}

#[test]
fn no_publication_date() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "004.txt", b"Sony canceled the release.\n");
    let e = Document::load(&p, None).unwrap_err();
    assert!(e.is_missing_dct());
    assert!(e
        .to_string()
        .contains("004.txt: no publication date found; give one with --dct YYYY-MM-DD"));
}

#[test]
fn invalid_dct_flags() {
    for bad in [
        "",
        " ",
        "yesterday",
        "2014-02-31",
        "2014-13-01",
        "2014-12-32",
        "18/12/2014",
        "2014/12/18",
        "20141218",
        "2014-12",
        "2014-12-18x",
        "-0001-01-01",
        "+2014-12-18",
        "\0",
        "２０１４-１２-１８",
        "99999999999-01-01",
    ] {
        let e = document::parse_dct(bad).unwrap_err();
        assert!(e.is_usage(), "{bad:?}");
        assert_eq!(
            e.to_string(),
            format!("invalid --dct `{bad}`: expected a date YYYY-MM-DD, such as 2014-12-17"),
        );
    }
    // Surrounding spaces are forgiven; leap days and far years are real dates.
    assert_eq!(document::parse_dct(" 2014-12-18\n").unwrap().to_string(), "2014-12-18");
    assert_eq!(document::parse_dct("2016-02-29").unwrap().to_string(), "2016-02-29");
    assert_eq!(document::parse_dct("0000-01-01").unwrap().to_string(), "0000-01-01");
    assert_eq!(document::parse_dct("9999-12-31").unwrap().to_string(), "9999-12-31");
}

#[test]
fn absurd_values_have_no_interval_or_a_sane_one() {
    // Not dates: no interval, no panic.
    for v in [
        "99/99/99",
        "31/02/2014",
        "2014-02-31",
        "2014-00-10",
        "2014-W54",
        "2014-W00",
        "2014-Q0",
        "2014-H3",
        "99999",
        "99999-01-01",
        "-2014",
        "2014-12-17T25:00",
        "2014-12-17T12:61",
        "10000000000000",
        "P10000000000000Y",
        "\u{0}",
        "२०१४",
        "2014-12-17T",
        "T12:00",
    ] {
        if let Some(r) = value::date_range(v) {
            assert!(r.earliest <= r.latest, "{v:?} gives {r:?}");
            panic!("{v:?} should have no interval, got {r:?}");
        }
    }
    // Year 0 exists in the proleptic calendar TIMEX3 uses (ISO 8601); 9999 is the last 4-digit year.
    let r = value::date_range("0000").unwrap();
    assert_eq!(
        (r.earliest.to_string(), r.latest.to_string()),
        ("0000-01-01".into(), "0000-12-31".into())
    );
    let r = value::date_range("9999-12-31").unwrap();
    assert_eq!(r.latest.to_string(), "9999-12-31");
    // Durations beyond a billion days are refused, not overflowed.
    assert_eq!(value::duration_days("P10000000000000Y"), None);
    assert_eq!(value::duration_days("P1e9D"), None);
    assert_eq!(value::duration_days("PT99999999999999999999999999H"), None);
    assert_eq!(value::duration_days("P2739726Y"), None); // up to 1.0027e9 days
    assert_eq!(value::duration_days("P1000Y"), Some((365000, 366000)));
    // Day numbers out of chrono's range are None, not a panic.
    assert_eq!(value::from_day_number(i64::MAX), None);
    assert_eq!(value::from_day_number(i64::MIN), None);
}

#[test]
fn one_100_mb_line() {
    let mut text = String::with_capacity(100 << 20);
    text.push_str("12/17/14 ");
    let unit = "Sony canceled the release on Wednesday, two weeks after the hack; ";
    while text.len() + unit.len() < 100 << 20 {
        text.push_str(unit);
    }
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "long.txt", text.as_bytes());
    let start = Instant::now();
    // The line is too long to be a dateline: no date from it.
    assert!(Document::load(&p, None).unwrap_err().is_missing_dct());
    let doc = Document::load(&p, NaiveDate::from_ymd_opt(2014, 12, 18)).unwrap();
    assert!(document::find_dateline(&doc.text).is_none());
    assert_eq!(doc.text.len(), text.len());
    let a = Analysis::new(&doc.text[..10 << 20]);
    assert!(a.tokens.len() > 1_000_000);
    assert!(start.elapsed() < Duration::from_secs(120), "took {:?}", start.elapsed());
}

#[test]
fn deep_and_wide_text_shapes() {
    // A million newlines, a million periods, one huge word, a million tiny sentences.
    for text in [
        "\n".repeat(1_000_000) + "x",
        ".".repeat(1_000_000),
        "a".repeat(5_000_000),
        "A. ".repeat(300_000),
        "\u{00AD}".repeat(200_000),
        "(".repeat(1_000_000),
    ] {
        let a = Analysis::new(&text);
        for t in &a.tokens {
            assert!(t.span.end <= text.len());
        }
    }
}
