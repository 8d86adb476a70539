//! Hostile JSON Lines through the stream protocol (`tag --stream`): the first byte picks the
//! per-record limit (so that oversized records are exercised at fuzzing sizes), the rest is
//! the input, tagged record by record as the CLI does.
//!
//! Checked beyond "no panic":
//! - one output line per non-blank input line, in order, each a JSON object with an `id`;
//! - a record that is a JSON object with a string `id` keeps that `id` on its output line,
//!   whether it is a result or an error (a wrong-typed field, a bad date, too long);
//! - a line longer than the limit is an error line that says `--max-record-bytes`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use tempograph_pipeline::batch::Options;
use tempograph_pipeline::stream::{run_with, Limits};

fuzz_target!(|data: &[u8]| {
    let Some((&first, input)) = data.split_first() else {
        return;
    };
    let limits = Limits {
        max_record_bytes: 16 + usize::from(first) * 16,
    };
    let dct = chrono::NaiveDate::from_ymd_opt(2014, 12, 18);
    let mut out = Vec::new();
    let summary = run_with(input, &mut out, Path::new("<fuzz>"), dct, &Options::jobs(1), &limits, |doc| {
        Ok(tempograph_timex::tag_text(&doc.text, doc.dct))
    })
    .expect("reading a slice and writing a Vec cannot fail");
    let mut lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    if input.ends_with(b"\n") {
        lines.pop();
    }
    let records: Vec<&[u8]> = lines
        .into_iter()
        .filter(|l| !l.iter().all(|b| b.is_ascii_whitespace()))
        .collect();
    let out = String::from_utf8(out).expect("output is UTF-8");
    let outs: Vec<&str> = out.lines().collect();
    assert_eq!(outs.len(), records.len(), "one line per record");
    assert_eq!(summary.records, records.len());
    for (rec, line) in records.iter().zip(&outs) {
        let v: serde_json::Value = serde_json::from_str(line).expect("each output line is JSON");
        let id = v.get("id").expect("each output line has an id");
        let content = rec.strip_suffix(b"\r").unwrap_or(rec);
        if content.len() > limits.max_record_bytes {
            let err = v["error"].as_str().expect("an oversized record is an error line");
            assert!(err.contains("--max-record-bytes"), "{err}");
            continue;
        }
        if let Ok(serde_json::Value::Object(m)) = serde_json::from_slice::<serde_json::Value>(rec) {
            if let Some(serde_json::Value::String(want)) = m.get("id") {
                assert_eq!(id.as_str(), Some(want.as_str()), "id lost: {line}");
            }
        }
    }
});
