//! `check` on planted defects: every file in `tests/data/timelines/defects/` marks the
//! line where a finding must be reported with `# expect: KIND`, or the line of a parse error
//! with `# expect-error: LINE`. The harness runs them all and prints every mismatch.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tempograph::timeline::{Kind, Severity, Timeline};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn defects() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests/data/timelines/defects"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    v.sort();
    v
}

/// `(line, kind)` from `# expect: KIND` markers, and the line of `# expect-error: N`.
fn markers(text: &str) -> (BTreeSet<(usize, String)>, Option<usize>) {
    let mut expect = BTreeSet::new();
    let mut error = None;
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.split("# expect: ").nth(1) {
            expect.insert((i + 1, rest.trim().to_string()));
        }
        if let Some(rest) = line.split("# expect-error: ").nth(1) {
            error = Some(rest.trim().parse().expect("expect-error: LINE"));
        }
    }
    (expect, error)
}

#[test]
fn planted_defects_are_reported_with_their_line() {
    let mut failures = Vec::new();
    let mut kinds_seen = BTreeSet::new();
    let mut parse_errors = 0;
    for path in defects() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let (expect, error_line) = markers(&text);
        match (Timeline::from_path(&path), error_line) {
            (Err(e), Some(line)) => {
                parse_errors += 1;
                let loc = e.location().unwrap();
                if loc.line != Some(line) {
                    failures.push(format!(
                        "{name}: parse error at {:?}, expected line {line}: {e}",
                        loc.line
                    ));
                }
                if !e.to_string().starts_with(&path.display().to_string()) {
                    failures.push(format!("{name}: the error does not start with the path: {e}"));
                }
            }
            (Err(e), None) => failures.push(format!("{name}: unexpected parse error: {e}")),
            (Ok(_), Some(line)) => {
                failures.push(format!("{name}: parsed, but a parse error at line {line} was expected"))
            }
            (Ok(t), None) => {
                let report = t.check();
                let got: BTreeSet<(usize, String)> = report
                    .errors()
                    .map(|f| (f.place.line.unwrap_or(0), f.kind.as_str().to_string()))
                    .collect();
                if got != expect {
                    failures.push(format!("{name}:\n  expected {expect:?}\n  got      {got:?}\n{report}"));
                }
                if report.is_consistent() {
                    failures.push(format!("{name}: reported consistent"));
                }
                for f in report.errors() {
                    kinds_seen.insert(f.kind);
                    let shown = report.to_string();
                    let at = format!("{}:{}:", path.display(), f.place.line.unwrap_or(0));
                    if !shown.contains(&at) {
                        failures.push(format!("{name}: the report does not show {at}:\n{shown}"));
                    }
                }
            }
        }
    }
    // One planted defect per kind of error `check` knows.
    for kind in [
        Kind::DuplicateId,
        Kind::UnknownId,
        Kind::InvertedDate,
        Kind::ContradictsDates,
        Kind::ContradictsClock,
        Kind::Cycle,
        Kind::PastAfterPublication,
        Kind::UnknownDocument,
    ] {
        if !kinds_seen.contains(&kind) {
            failures.push(format!("no planted defect exercises `{}`", kind.as_str()));
        }
    }
    assert!(parse_errors >= 4, "syntax and schema defects: {parse_errors}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cycle_lists_every_edge_with_its_line_and_evidence() {
    let path = root().join("tests/data/timelines/defects/cycle.yaml");
    let report = Timeline::from_path(&path).unwrap().check();
    let f = report.of_kind(Kind::Cycle).next().expect("a cycle");
    let steps: Vec<(String, Option<usize>)> = f.cycle.iter().map(|s| (s.constraint.clone(), s.place.line)).collect();
    let mut sorted = steps.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        vec![
            ("hack BEFORE leak".to_string(), Some(6)),
            ("leak BEFORE threats".to_string(), Some(12)),
            ("threats BEFORE hack".to_string(), Some(18)),
        ]
    );
    // Cycle order: each step's `to` is the next one's `from`.
    for w in f.cycle.windows(2) {
        let to = w[0].constraint.split(' ').next_back().unwrap();
        let from = w[1].constraint.split(' ').next().unwrap();
        assert_eq!(to, from, "{steps:?}");
    }
    let ev = f.cycle.iter().find(|s| s.constraint == "leak BEFORE threats").unwrap();
    assert_eq!(
        ev.evidence.as_deref(),
        Some("\"the leak was followed by threats\" (rule hand)")
    );
}

#[test]
fn contradiction_names_both_dates() {
    let path = root().join("tests/data/timelines/defects/contradicts-dates.yaml");
    let report = Timeline::from_path(&path).unwrap().check();
    let f = report.of_kind(Kind::ContradictsDates).next().unwrap();
    let lines: BTreeSet<Option<usize>> = f.cycle.iter().map(|s| s.place.line).collect();
    assert_eq!(lines, BTreeSet::from([Some(6), Some(9), Some(10)]), "{report}");
    assert!(
        f.message.contains("2014-12-16") && f.message.contains("2014-12-17"),
        "{}",
        f.message
    );
}

#[test]
fn consistent_timelines_have_no_errors() {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["timelines", "tests/data/timelines"] {
        let Ok(rd) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        files.extend(
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml")),
        );
    }
    assert!(!files.is_empty());
    for f in files {
        let report = Timeline::from_path(&f).unwrap().check();
        assert!(report.is_consistent(), "{report}");
    }
}

#[test]
fn warnings_do_not_make_a_timeline_inconsistent() {
    let yaml = "\
events:
  - id: a
    label: A
  - id: b
    label: B
    date:
      earliest: 2014-12-01
      latest: 2014-12-01
      derivation:
        anchor: {kind: time, id: t9}
        text: from t9
";
    let report = Timeline::from_yaml(yaml, "w.yaml").unwrap().check();
    let got: Vec<(Severity, Kind, Option<usize>)> = report
        .findings
        .iter()
        .map(|f| (f.severity, f.kind, f.place.line))
        .collect();
    assert_eq!(
        got,
        vec![
            (Severity::Warning, Kind::UnplacedEvent, Some(2)),
            (Severity::Warning, Kind::UnknownAnchor, Some(10)),
        ]
    );
    assert!(report.is_consistent());
    assert_eq!(report.to_string().lines().last(), Some("w.yaml: 0 errors, 2 warnings"));
}

#[test]
fn future_tense_before_publication_is_a_warning() {
    let yaml = "\
documents:
  - {id: d, published: 2014-12-18}
events:
  - id: release
    label: Sony will release the film
    date: 2014-12-01
    sources:
      - {document: d, start: 0, end: 7, trigger: release, tense: FUTURE}
";
    let report = Timeline::from_yaml(yaml, "f.yaml").unwrap().check();
    let f: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.severity, f.kind, f.place.line))
        .collect();
    assert_eq!(f, vec![(Severity::Warning, Kind::FutureBeforePublication, Some(8))]);
}

#[test]
fn a_timeline_built_in_memory_has_paths_but_no_lines() {
    let mut t = Timeline::from_path(root().join("tests/data/timelines/defects/unknown-id.yaml")).unwrap();
    t.origin = Default::default();
    let report = t.check();
    let places: Vec<(String, Option<usize>)> = report
        .findings
        .iter()
        .map(|f| (f.place.path.clone(), f.place.line))
        .collect();
    assert_eq!(
        places,
        vec![
            ("events[0].after[0]".to_string(), None),
            ("relations[0].to".to_string(), None)
        ]
    );
    assert!(report.to_string().contains("<timeline>: error[unknown-id]"), "{report}");
}

#[test]
fn order_helpers() {
    let t = Timeline::from_path(root().join("tests/data/timelines/hand-written.yaml")).unwrap();
    t.assert_before("hack", "leak");
    t.assert_before("hack", "fbi");
    t.assert_before("hack", "cancel"); // the user guide's example
    assert!(t.is_before("threats", "cancel"));
    assert!(!t.is_before("fbi", "hack"));
    assert_eq!(
        t.relation("fbi", "hack"),
        Some(tempograph_core::relation::RelType::After)
    );
    let err = std::panic::catch_unwind(|| t.assert_before("fbi", "hack")).unwrap_err();
    let msg = err.downcast_ref::<String>().unwrap();
    assert_eq!(
        msg,
        "assert_before(\"fbi\", \"hack\"): the timeline says `fbi` AFTER `hack`"
    );
    let err = std::panic::catch_unwind(|| t.assert_before("hack", "nosuch")).unwrap_err();
    assert!(err
        .downcast_ref::<String>()
        .unwrap()
        .contains("no event or time `nosuch`"));
}

#[test]
fn json_report_for_machines() {
    let path = root().join("tests/data/timelines/defects/inverted-date.yaml");
    let report = Timeline::from_path(&path).unwrap().check();
    let v: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(v["consistent"], false);
    assert_eq!(v["errors"], 1);
    assert_eq!(v["findings"][0]["kind"], "inverted-date");
    assert_eq!(v["findings"][0]["severity"], "error");
    assert_eq!(v["findings"][0]["place"]["line"], 6);
    assert_eq!(v["findings"][0]["place"]["path"], "events[0].date");
}

#[test]
fn recorded_conflicts_the_file_does_not_reproduce_are_warnings() {
    // `build` set `head starts on or before 2014-12-17` aside, so it is not in the file.
    let yaml = "\
events:
  - {id: head, label: heading into the holiday, date: 2014-12-25}
conflicts:
  - cycle:
      - {from: head, to: head, constraint: head starts on or after 2014-12-25}
      - from: head
        to: head
        constraint: head starts on or before 2014-12-17
        evidence: {document: d, start: 267, end: 274, text: heading, rule: link/dct-model}
";
    let report = Timeline::from_yaml(yaml, "r.yaml").unwrap().check();
    assert!(report.is_consistent());
    let f: Vec<_> = report.of_kind(Kind::RecordedConflict).collect();
    assert_eq!(f.len(), 1, "{report}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].place.line, Some(4));
    let lines: Vec<Option<usize>> = f[0].cycle.iter().map(|s| s.place.line).collect();
    assert_eq!(lines, [Some(5), Some(6)]);
    assert_eq!(
        f[0].cycle[1].evidence.as_deref(),
        Some("d @ 267..274 \"heading\" (rule link/dct-model)")
    );
    // A recorded conflict that the file does reproduce is reported once, as a known conflict:
    // a warning (#20, item 8); without the record it is an error.
    let path = root().join("tests/data/timelines/known-conflict.yaml");
    let mut t = Timeline::from_path(&path).unwrap();
    let report = t.check();
    assert_eq!(report.findings.len(), 1, "{report}");
    assert_eq!(report.findings[0].kind, Kind::KnownConflict);
    assert_eq!(report.findings[0].severity, Severity::Warning);
    assert!(report.is_consistent());
    assert!(
        report.findings[0]
            .message
            .starts_with("known conflict, recorded at conflicts[0] (cycle): "),
        "{}",
        report.findings[0].message
    );
    t.conflicts.clear();
    let report = t.check();
    assert_eq!(report.findings.len(), 1, "{report}");
    assert_eq!(report.findings[0].kind, Kind::Cycle);
}
