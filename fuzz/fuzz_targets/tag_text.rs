//! Hostile text through decoding, the dateline search, the text stage and the TIMEX3 tagger
//! (extraction + resolution against a publication date taken from the first two bytes).
//!
//! Checked beyond "no panic": token and timex spans are in bounds, on char boundaries and
//! ordered; timexes do not overlap and their `text` is the text they span.
#![no_main]
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use tempograph_lang::text::{Analysis, LineIndex};

fuzz_target!(|data: &[u8]| {
    // Two bytes pick the DCT anywhere from 1 CE to 9999 CE, the rest is the document.
    let (dct, body) = match data {
        [a, b, rest @ ..] => {
            let days = u32::from(u16::from_le_bytes([*a, *b])) * 55;
            (NaiveDate::from_num_days_from_ce_opt(days as i32 + 1), rest)
        }
        _ => (None, data),
    };
    let dct = dct.unwrap_or(NaiveDate::from_ymd_opt(2014, 12, 18).unwrap());
    let Ok(text) = tempograph_timeline::document::decode(Path::new("fuzz.txt"), body.to_vec()) else {
        return;
    };
    let _ = tempograph_timeline::document::find_dateline(&text);
    let analysis = Analysis::new(&text);
    let mut last = 0;
    for t in &analysis.tokens {
        assert!(t.span.start >= last && t.span.start < t.span.end && t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        last = t.span.end;
    }
    for s in &analysis.sentences {
        assert!(s.span.start <= s.span.end && s.span.end <= text.len());
        assert!(s.tokens.end <= analysis.tokens.len());
    }
    let timexes = tempograph_timex::tag(&text, &analysis, dct);
    let mut last = 0;
    for t in &timexes {
        assert!(
            t.span.start >= last && t.span.start < t.span.end && t.span.end <= text.len(),
            "{t:?}"
        );
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert_eq!(t.text, t.span.slice(&text));
        let _ = tempograph_core::value::date_range(&t.value);
        let _ = tempograph_core::value::duration_days(&t.value);
        last = t.span.end;
    }
    let index = LineIndex::new(&text);
    let (line, col) = index.line_col(text.len());
    assert!(line >= 1 && col >= 1);
    let _ = index.char_offset(text.len());
});
