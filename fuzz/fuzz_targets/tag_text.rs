//! Hostile text through the text stage: decoding, dateline search, tokens, sentences and
//! line/column mapping. (Extended to `timex::tag` once the tagger lands.)
//!
//! Checked beyond "no panic": spans are in bounds, on char boundaries and ordered.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use tempograph::text::{Analysis, LineIndex};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = tempograph::document::decode(Path::new("fuzz.txt"), data.to_vec()) else {
        return;
    };
    let _ = tempograph::document::find_dateline(&text);
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
    let index = LineIndex::new(&text);
    let (line, col) = index.line_col(text.len());
    assert!(line >= 1 && col >= 1);
    let _ = index.char_offset(text.len());
});
