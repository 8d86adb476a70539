//! Hostile YAML through the YAML gateway: a timeline is loaded, checked, rendered and
//! written back; a source manifest is loaded and written back.
//!
//! Checked beyond "no panic": whatever loads, writes back to YAML that loads again and
//! writes the same bytes (the round trip is stable).
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use tempograph_timeline::document::ManifestEntry;
use tempograph::render::{render, Format};
use tempograph::timeline::Timeline;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.yaml");
    if let Ok(t) = Timeline::from_yaml(src, path) {
        let report = t.check();
        let _ = report.to_json();
        let _ = report.to_string();
        for f in [
            Format::Mermaid,
            Format::MermaidGantt,
            Format::MermaidFlowchart,
            Format::Dot,
            Format::Json,
            Format::Timeml,
            Format::TimelineJs,
        ] {
            let _ = render(&t, f);
        }
        if let Ok(yaml) = t.to_yaml() {
            let again = Timeline::from_yaml(&yaml, path).expect("a written timeline reads back");
            assert_eq!(
                again.to_yaml().expect("writes again"),
                yaml,
                "round trip changed the YAML"
            );
        }
    }
    if let Ok(entries) = tempograph_timeline::yaml::from_str::<Vec<ManifestEntry>>(src, path) {
        let again = tempograph_timeline::yaml::to_string(&entries).expect("manifests serialize");
        let back: Vec<ManifestEntry> = tempograph_timeline::yaml::from_str(&again, path).expect("round trip parses");
        assert_eq!(back, entries);
    }
});
