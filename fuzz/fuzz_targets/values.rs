//! Hostile small strings through every value parser: TIMEX3 values and durations, `--dct`,
//! and one JSON Lines stream record.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let _ = tempograph_pipeline::stream::parse_record(data, 1, Path::new("<stdin>"), None);
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(r) = tempograph_core::value::date_range(s) {
        assert!(r.earliest <= r.latest, "{s:?} gives {r:?}");
    }
    if let Some((lo, hi)) = tempograph_core::value::duration_days(s) {
        assert!(lo <= hi, "{s:?} gives {lo}..{hi}");
    }
    let _ = tempograph_timeline::document::parse_dct(s);
});
