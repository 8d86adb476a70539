//! The checked-in Sony timeline is rebuilt from the bundled sources and compared byte for
//! byte. After an intended change, re-bless with `TEMPOGRAPH_BLESS=1 cargo test --test golden`
//! and review the change with `git diff timelines/`. See: issue 2.

use std::path::{Path, PathBuf};
use tempograph::pipeline::{self, Options};
use tempograph::timeline::Timeline;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build_sony() -> Timeline {
    let manifest = root().join("timelines/sony-hack-2014/sources/sources.yaml");
    let (docs, errors) = tempograph::document::load_manifest(&manifest, None).expect("manifest");
    assert!(errors.is_empty(), "{errors:?}");
    let opts = Options {
        title: Some("sony-hack-2014".into()),
        base: Some(root().join("timelines")),
    };
    pipeline::build(&docs, &opts).expect("build")
}

fn check_golden(path: &Path, actual: &str) {
    if std::env::var_os("TEMPOGRAPH_BLESS").is_some() {
        std::fs::write(path, actual).expect("bless");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count());
        panic!(
            "{} drifted from the pipeline's output (first difference at line {}):\n  checked in: {:?}\n  built now:  {:?}\n\
             If the change is intended: TEMPOGRAPH_BLESS=1 cargo test --test golden, then review git diff.",
            path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

#[test]
fn sony_timeline_is_up_to_date() {
    let t = build_sony();
    check_golden(&root().join("timelines/sony-hack-2014.yaml"), &t.to_yaml().unwrap());
}

#[test]
fn sony_timeline_round_trips() {
    let t = build_sony();
    let yaml = t.to_yaml().unwrap();
    let back = Timeline::from_yaml(&yaml, "sony.yaml").unwrap();
    assert_eq!(back, t);
    assert_eq!(back.to_yaml().unwrap(), yaml);
}
