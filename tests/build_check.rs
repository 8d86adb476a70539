//! `build`'s output always passes `check` (#20, item 8): the stories of
//! `tests/data/build_check/stories.toml` (format at the top of that file), the bundled Sony
//! sources, and random small stories made from real-style sentences. A contradiction in the
//! text is recorded in `conflicts:` and reported as a warning, never hidden.
//! `BUILD_CHECK_CASE=<substring>` runs only matching stories.

use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::PathBuf;
use tempograph::timeline::{Kind, Report, Timeline};
use tempograph_pipeline::pipeline::{self, Options};
use tempograph_timeline::document::{DctSource, Document};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Build, write, read back and check: what `tempograph build` then `tempograph check` do.
fn build_and_check(docs: &[Document]) -> (Timeline, Report) {
    let built = pipeline::build(docs, &Options::default()).expect("build");
    let yaml = built.to_yaml().expect("yaml");
    let read = Timeline::from_yaml(&yaml, "built.yaml").expect("read back");
    let report = read.check();
    (read, report)
}

fn reported_conflicts(r: &Report) -> usize {
    r.of_kind(Kind::KnownConflict).count() + r.of_kind(Kind::RecordedConflict).count()
}

#[test]
fn stories_build_into_timelines_that_pass_check() {
    let path = root().join("tests/data/build_check/stories.toml");
    let text = std::fs::read_to_string(&path).expect("stories");
    let data: toml::Table = text.parse().expect("toml");
    let stories = data["story"].as_array().expect("[[story]]");
    let filter = std::env::var("BUILD_CHECK_CASE").ok();
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    let mut run = 0;
    for s in stories {
        let name = s["name"].as_str().expect("name");
        assert!(names.insert(name.to_string()), "duplicate story name: {name}");
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        run += 1;
        let conflict = s["conflict"].as_bool().expect("conflict = true|false");
        let docs: Vec<Document> = s["doc"]
            .as_array()
            .expect("[[story.doc]]")
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let dct: NaiveDate = d["published"].as_str().expect("published").parse().expect("date");
                let mut doc =
                    Document::from_text(format!("d{i}"), d["text"].as_str().expect("text"), dct, DctSource::Flag);
                doc.kind = d.get("kind").and_then(|k| k.as_str()).map(str::to_string);
                doc
            })
            .collect();
        let (t, report) = build_and_check(&docs);
        if !report.is_consistent() {
            failures.push(format!("{name}: check fails on build's output:\n{report}"));
            continue;
        }
        let n = reported_conflicts(&report);
        if conflict && n == 0 {
            failures.push(format!(
                "{name}: the contradiction is not reported (conflicts: {:?})",
                t.conflicts
            ));
        }
        // See: #20 items 4 and 8. A contradiction of the texts themselves: its `kind:` entry,
        // and the warning quotes each text.
        if let Some(kind) = s.get("kind").and_then(|k| k.as_str()) {
            let recorded: Vec<usize> = t
                .conflicts
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind.is_some_and(|k| k.as_str() == kind))
                .map(|(i, _)| i)
                .collect();
            if recorded.is_empty() {
                failures.push(format!(
                    "{name}: no `kind: {kind}` conflict (conflicts: {:?})",
                    t.conflicts
                ));
            }
            let warnings: Vec<&str> = report
                .of_kind(Kind::KnownConflict)
                .map(|f| f.message.as_str())
                .filter(|m| m.contains(&format!("({kind})")))
                .collect();
            for q in s.get("quotes").and_then(|q| q.as_array()).into_iter().flatten() {
                let q = format!("{:?}", q.as_str().expect("quote"));
                if !warnings.iter().any(|m| m.contains(&q)) {
                    failures.push(format!("{name}: no `{kind}` warning quotes {q}:\n{report}"));
                }
            }
        }
        if !conflict && n > 0 {
            failures.push(format!(
                "{name}: {n} conflict(s) reported where there is none:\n{report}"
            ));
        }
    }
    assert!(run > 0, "no story matches BUILD_CHECK_CASE");
    assert!(
        failures.is_empty(),
        "{} of {run} stories failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn sony_build_passes_check() {
    let manifest = root().join("timelines/sony-hack-2014/sources/sources.yaml");
    let (docs, errors) = tempograph_timeline::document::load_manifest(&manifest, None).expect("manifest");
    assert!(errors.is_empty(), "{errors:?}");
    let (_, report) = build_and_check(&docs);
    report.assert_consistent();
}

/// A recorded contradiction is a warning naming where it is recorded; without its
/// `conflicts:` entry the same file fails `check`.
#[test]
fn a_known_conflict_is_a_warning_and_removing_it_is_an_error() {
    let dct = NaiveDate::from_ymd_opt(2005, 5, 7).unwrap();
    let doc = Document::from_text(
        "d0",
        "Microsoft said on Friday that Longhorn, expected in late 2006, will ship with a new search tool.",
        dct,
        DctSource::Flag,
    );
    let (mut t, report) = build_and_check(&[doc]);
    report.assert_consistent();
    let known: Vec<_> = report.of_kind(Kind::KnownConflict).collect();
    assert_eq!(known.len(), 1, "{report}");
    assert!(
        known[0].message.starts_with("known conflict, recorded at conflicts["),
        "{}",
        known[0].message
    );
    assert!(
        known[0].message.contains("(past-after-publication)"),
        "{}",
        known[0].message
    );
    // The record keeps both facts with their evidence: the date and the past-tense telling.
    let recorded = t.conflicts.last().expect("recorded");
    assert_eq!(recorded.cycle.len(), 2);
    assert!(recorded.cycle.iter().all(|e| e.evidence.is_some()));
    assert_eq!(recorded.cycle[1].evidence.as_ref().unwrap().text, "expected");
    t.conflicts.clear();
    let again = t.check();
    assert!(!again.is_consistent());
    assert_eq!(again.of_kind(Kind::PastAfterPublication).count(), 1, "{again}");
}

// Random small stories: two or three articles, each a few real-style sentences about one
// company, dated by weekdays, calendar dates, months, years and relative expressions.
const SUBJECTS: &[&str] = &[
    "Apple",
    "The union",
    "Sony Pictures",
    "The European Commission",
    "General Motors",
];
const PREDICATES: &[&str] = &[
    "announced the deal",
    "filed a lawsuit against the band",
    "released the new software",
    "cut its prices",
    "closed the factory",
    "will announce its results",
    "has recalled the phones",
    "said the talks had collapsed",
    "opened a store in London",
];
const TIMES: &[&str] = &[
    "on Monday",
    "on Wednesday",
    "last week",
    "in January",
    "on June 9",
    "in 2006",
    "this week",
    "the day before",
    "two days later",
    "earlier today",
    "next month",
    "in late 2006",
    "since 2004",
    "at 09:30 UTC on Tuesday",
];

fn sentence() -> impl Strategy<Value = String> {
    (0..SUBJECTS.len(), 0..PREDICATES.len(), 0..TIMES.len(), any::<bool>()).prop_map(|(s, p, t, front)| {
        if front {
            let t = TIMES[t];
            let mut c = t.chars();
            let t = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default();
            format!("{t}, {} {}.", SUBJECTS[s].replace("The ", "the "), PREDICATES[p])
        } else {
            format!("{} {} {}.", SUBJECTS[s], PREDICATES[p], TIMES[t])
        }
    })
}

fn story() -> impl Strategy<Value = Vec<(u32, Vec<String>)>> {
    prop::collection::vec((0u32..40, prop::collection::vec(sentence(), 1..4)), 2..4)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn random_small_stories_pass_check(story in story()) {
        let base = NaiveDate::from_ymd_opt(2006, 3, 1).unwrap();
        let docs: Vec<Document> = story
            .iter()
            .enumerate()
            .map(|(i, (day, sents))| {
                let dct = base + chrono::Duration::days(i64::from(*day));
                Document::from_text(format!("d{i}"), sents.join(" "), dct, DctSource::Flag)
            })
            .collect();
        let (_, report) = build_and_check(&docs);
        prop_assert!(report.is_consistent(), "story {:?}:\n{}", story, report);
    }
}
