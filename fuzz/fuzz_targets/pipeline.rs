//! Hostile text through the whole per-document pipeline and the assembly of a timeline:
//! temporal expressions, events (morphology, lexicons, grammar), relations, the cross-document
//! merge, the graph and the timeline model. The input is split at the first NUL byte into two
//! documents, so the merge sees two sources; two leading bytes pick the DCTs.
//!
//! Checked beyond "no panic": every event span is in bounds and on char boundaries, and the
//! timeline that comes out writes YAML that loads again.
#![no_main]
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use tempograph_timeline::document::{DctSource, Document};

fuzz_target!(|data: &[u8]| {
    let (a, b, body) = match data {
        [a, b, rest @ ..] => (*a, *b, rest),
        _ => (0, 0, data),
    };
    let base = NaiveDate::from_ymd_opt(2014, 12, 18).unwrap();
    let dct = |x: u8| base - chrono::Days::new(u64::from(x) * 97);
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let (one, two) = text.split_once('\0').unwrap_or((text, ""));
    let docs = vec![
        Document::from_text("a", one, dct(a), DctSource::Flag),
        Document::from_text("b", two.replace('\0', " "), dct(b), DctSource::Flag),
    ];
    for d in &docs {
        let an = tempograph_pipeline::pipeline::analyze(d);
        for e in &an.events {
            assert!(e.span.start < e.span.end && e.span.end <= d.text.len());
            assert!(d.text.is_char_boundary(e.span.start) && d.text.is_char_boundary(e.span.end));
        }
    }
    let Ok(timeline) = tempograph_pipeline::pipeline::build(&docs, &Default::default()) else {
        return;
    };
    let yaml = timeline.to_yaml().expect("a built timeline serialises");
    tempograph::timeline::Timeline::from_yaml(&yaml, "fuzz.yaml").expect("a built timeline loads again");
});
