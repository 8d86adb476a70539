//! The YAML contract: parsing the hand-written form, writing the canonical form, round trips.

use tempograph::timeline::Timeline;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/timelines")
        .join(name)
}

#[test]
fn hand_written_round_trips() {
    let t = Timeline::from_path(fixture("hand-written.yaml")).unwrap();
    assert_eq!(t.events.len(), 5);
    let hack = t.event("hack").unwrap().date.clone().unwrap();
    assert_eq!(hack.earliest.to_string(), "2014-11-01");
    assert_eq!(hack.latest.to_string(), "2014-11-30");
    let yaml = t.to_yaml().unwrap();
    println!("{yaml}");
    let back = Timeline::from_yaml(&yaml, "roundtrip.yaml").unwrap();
    assert_eq!(back, t);
    assert_eq!(back.to_yaml().unwrap(), yaml);
}

#[test]
fn generated_form_round_trips() {
    let text = std::fs::read_to_string(fixture("generated-form.yaml")).unwrap();
    let t = Timeline::from_yaml(&text, "generated-form.yaml").unwrap();
    assert_eq!(t.documents.len(), 2);
    let yaml = t.to_yaml().unwrap();
    let back = Timeline::from_yaml(&yaml, "roundtrip.yaml").unwrap();
    assert_eq!(back, t);
    // The fixture is written in canonical form: comments aside, it is what we write.
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(yaml, body);
}
