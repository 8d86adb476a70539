//! Hostile TimeML through the reader and back out through the writer.
//!
//! Checked beyond "no panic": every annotation span is inside the plain text and on char
//! boundaries; writing the document back never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = tempograph_timeml::parse(Path::new("fuzz.tml"), src) else {
        return;
    };
    for a in &doc.annotations {
        assert!(a.span.start <= a.span.end && a.span.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(a.span.start) && doc.text.is_char_boundary(a.span.end));
    }
    let _ = tempograph_timeml::write(&doc, &doc.annotations, "");
    if let Some(v) = &doc.dct_value {
        let _ = tempograph_core::value::date_range(v);
    }
});
