//! Hostile YAML through the YAML gateway: source manifests. (Extended to timeline loading and
//! `check` once the timeline model lands.)
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use tempograph::document::ManifestEntry;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.yaml");
    if let Ok(entries) = tempograph::yaml::from_str::<Vec<ManifestEntry>>(src, path) {
        let again = tempograph::yaml::to_string(&entries).expect("manifests serialize");
        let back: Vec<ManifestEntry> = tempograph::yaml::from_str(&again, path).expect("round trip parses");
        assert_eq!(back, entries);
    }
});
