//! Hostile TimeML: clear errors or sane results, never a panic. Every crash the fuzzer found
//! is kept in `tests/data/fuzz/<target>/` and replayed here.

use std::path::Path;
use tempograph_timeml as timeml;

fn parse(src: &str) -> Result<timeml::TimemlDoc, String> {
    timeml::parse(Path::new("x.tml"), src).map_err(|e| e.to_string())
}

#[test]
fn fuzz_crashes_are_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz/timeml_read");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(src) = std::str::from_utf8(&bytes) {
            let _ = parse(src);
        }
        n += 1;
    }
    assert!(n >= 1);
}

/// See: fuzz crash 089e85f3 — an entity-like `&` followed by a multi-byte character at the
/// 12th byte sliced inside the character.
#[test]
fn entity_scan_stops_on_char_boundaries() {
    let d = parse("<TimeML><TEXT>a &boML>T&ampų b &#x20AC;&#xFFFFFFFF;&#;&;&</TEXT></TimeML>").unwrap();
    assert_eq!(d.text, "a &boML>T&ampų b €&#xFFFFFFFF;&#;&;&");
    for s in ["&aaaaaaaaaaé;", "&aaaaaaaaaaaé;", "&€€€€;", "&#12345678901234567890;"] {
        let d = parse(&format!("<TimeML><TEXT>{s}</TEXT></TimeML>")).unwrap();
        assert_eq!(d.text, s);
    }
}

#[test]
fn malformed_documents_are_errors_with_places() {
    for (src, expected) in [
        ("", "x.tml: expected a <TEXT> element, found none"),
        (
            "<TimeML>no text element</TimeML>",
            "x.tml: expected a <TEXT> element, found none",
        ),
        (
            "<TimeML><TEXT>a <EVENT eid=\"e1\">b</TEXT>",
            "x.tml: expected </EVENT> closing an element inside <TEXT>, found end of <TEXT>",
        ),
        (
            "<TimeML><TEXT>a </EVENT></TEXT>",
            "x.tml:1:17: expected a matching <EVENT> before this, found </EVENT>",
        ),
        (
            "<TimeML>\n<TEXT>a <EVENT eid=e1>b</EVENT></TEXT>",
            "x.tml:2:9: expected a quoted attribute value, found e1",
        ),
        (
            "<TimeML><TEXT>a <EVENT eid=\"e1>b</EVENT></TEXT>",
            "x.tml:1:17: expected a closing quote, found \"e1",
        ),
        (
            "<TimeML><TEXT>a <",
            "x.tml:1:17: expected `>` closing the tag, found end of file",
        ),
        (
            "<TimeML><TEXT>a <>b</TEXT>",
            "x.tml:1:17: expected an element name after `<`, found nothing",
        ),
    ] {
        assert_eq!(parse(src).unwrap_err(), expected, "{src:?}");
    }
}

#[test]
fn deep_nesting_and_many_elements_in_bounded_time() {
    let start = std::time::Instant::now();
    let depth = 50_000;
    let src = format!(
        "<TimeML><TEXT>{}x{}</TEXT></TimeML>",
        "<SIGNAL>".repeat(depth),
        "</SIGNAL>".repeat(depth)
    );
    let d = parse(&src).unwrap();
    assert_eq!(d.annotations.len(), depth);
    assert_eq!(d.text, "x");
    // Unclosed at depth: an error, not a stack overflow.
    let src = format!("<TimeML><TEXT>{}x</TEXT></TimeML>", "<EVENT>".repeat(depth));
    assert!(parse(&src).is_err());
    // Many siblings.
    let src = format!(
        "<TimeML><TEXT>{}</TEXT></TimeML>",
        "<TIMEX3 tid=\"t1\">1998</TIMEX3> ".repeat(100_000)
    );
    assert_eq!(parse(&src).unwrap().annotations.len(), 100_000);
    assert!(
        start.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn odd_dcts_are_none_not_panics() {
    for (v, day) in [
        ("", None),
        ("x", None),
        ("99999999", None),
        ("20140231", None),
        ("1998-13-01", None),
        ("00000000", None),
        ("१९९८०१०८", None),
        ("+1998-01-08", Some("1998-01-08")),
        ("1998-01-08T10:00", Some("1998-01-08")),
    ] {
        let d = parse(&format!(
            "<TimeML><DCT><TIMEX3 value=\"{v}\">x</TIMEX3></DCT><TEXT>a</TEXT></TimeML>"
        ))
        .unwrap();
        assert_eq!(d.dct_value.as_deref(), Some(v));
        assert_eq!(d.dct.map(|d| d.to_string()).as_deref(), day, "{v:?}");
    }
}
