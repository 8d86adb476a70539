//! `check` on one-sided dates ("on or before", "on or after"): each case is a timeline and the
//! findings it must give (kind and line), negative cases included. The harness runs them all
//! and prints every mismatch.

use tempograph::timeline::Timeline;
use tempograph_core::relation::RelType;

/// `(name, YAML, expected findings as "kind@line")`.
const CASES: &[(&str, &str, &[&str])] = &[
    (
        "a one-sided date places an event: no unplaced-event",
        "events:\n- {id: a, label: A, date: {latest: 2014-12-18}}\n- {id: b, label: B, date: {earliest: 2014-12-18}}\n",
        &[],
    ),
    (
        "no date and no relation is still unplaced",
        "events:\n- {id: a, label: A}\n",
        &["unplaced-event@2"],
    ),
    (
        "inverted-date needs both bounds",
        "events:\n- {id: a, label: A, date: {earliest: 2014-12-18, latest: 2014-12-01}}\n- {id: b, label: B, date: {latest: 2014-12-01}}\n",
        &["inverted-date@2"],
    ),
    (
        "past tense, on or before a day after publication: possible, no finding",
        "documents:\n- {id: d, published: 2014-12-18}\nevents:\n- id: a\n  label: A\n  date: {latest: 2014-12-25}\n  sources: [{document: d, start: 0, end: 1, trigger: x, tense: PAST}]\n",
        &[],
    ),
    (
        "past tense, on or after a day after publication: impossible",
        "documents:\n- {id: d, published: 2014-12-18}\nevents:\n- id: a\n  label: A\n  date: {earliest: 2014-12-19}\n  sources: [{document: d, start: 0, end: 1, trigger: x, tense: PAST}]\n",
        &["past-after-publication@7"],
    ),
    (
        "present perfect on or after publication day itself: fine",
        "documents:\n- {id: d, published: 2014-12-18}\nevents:\n- id: a\n  label: A\n  date: {earliest: 2014-12-18}\n  sources: [{document: d, start: 0, end: 1, trigger: x, tense: PRESENT, aspect: PERFECTIVE}]\n",
        &[],
    ),
    (
        "future tense, on or after a day before publication: possible, no warning",
        "documents:\n- {id: d, published: 2014-12-18}\nevents:\n- id: a\n  label: A\n  date: {earliest: 2014-12-01}\n  sources: [{document: d, start: 0, end: 1, trigger: x, tense: FUTURE}]\n",
        &[],
    ),
    (
        "future tense, on or before a day before publication: a warning",
        "documents:\n- {id: d, published: 2014-12-18}\nevents:\n- id: a\n  label: A\n  date: {latest: 2014-12-01}\n  sources: [{document: d, start: 0, end: 1, trigger: x, tense: FUTURE}]\n",
        &["future-before-publication@7"],
    ),
    (
        "the known bound contradicts a relation",
        "events:\n- {id: a, label: A, date: {latest: 2014-12-04}}\n- {id: b, label: B, date: 2014-12-05, before: a}\n",
        &["contradicts-dates@3"],
    ),
    (
        "the missing bound does not: on or before 12-10 may be before 12-05",
        "events:\n- {id: a, label: A, date: {latest: 2014-12-10}}\n- {id: b, label: B, date: 2014-12-05, after: a}\n",
        &[],
    ),
    (
        "nor does it with the relation reversed: on or before 12-10 may be 12-06",
        "events:\n- {id: a, label: A, date: {latest: 2014-12-10}}\n- {id: b, label: B, date: 2014-12-05, before: a}\n",
        &[],
    ),
    (
        "on or after, the other way round",
        "events:\n- {id: a, label: A, date: {earliest: 2014-12-10}}\n- {id: b, label: B, date: 2014-12-20, before: a}\n- {id: c, label: C, date: 2014-12-05, after: a}\n",
        &["contradicts-dates@4"],
    ),
    (
        "two one-sided dates through a chain of relations",
        "events:\n- {id: a, label: A, date: {earliest: 2014-12-10}}\n- {id: b, label: B, before: c}\n- {id: c, label: C, date: {latest: 2014-12-09}}\nrelations:\n- {from: a, to: b, type: before}\n",
        &["contradicts-dates@3"],
    ),
    // `ends`: the date's own bounds are the start's, `ends` bounds the end.
    (
        "still going on: an event it includes may come after its last start day",
        "events:\n- {id: a, label: A, date: {latest: 2014-12-17, ends: {earliest: 2014-12-17}}}\n- {id: b, label: B, date: 2014-12-20}\nrelations:\n- {from: a, to: b, type: includes}\n",
        &[],
    ),
    (
        "without ends the same relation contradicts the date: the event ends by its latest day",
        "events:\n- {id: a, label: A, date: {latest: 2014-12-17}}\n- {id: b, label: B, date: 2014-12-20}\nrelations:\n- {from: a, to: b, type: includes}\n",
        &["contradicts-dates@5"],
    ),
    (
        "still going on on 12-17, so not before something on 12-10",
        "events:\n- {id: a, label: A, date: {latest: 2014-12-17, ends: {earliest: 2014-12-17}}, before: b}\n- {id: b, label: B, date: 2014-12-10}\n",
        &["contradicts-dates@2"],
    ),
    (
        "without ends it may have ended before 12-10",
        "events:\n- {id: a, label: A, date: {latest: 2014-12-17}, before: b}\n- {id: b, label: B, date: 2014-12-10}\n",
        &[],
    ),
    (
        "an end before the first day it can start is a contradiction",
        "events:\n- {id: a, label: A, date: {earliest: 2014-12-10, ends: {latest: 2014-12-05}}}\n",
        &["contradicts-dates@2"],
    ),
    (
        "ends the wrong way round",
        "events:\n- id: a\n  label: A\n  date:\n    latest: 2014-12-17\n    ends: {earliest: 2014-12-20, latest: 2014-12-18}\n",
        &["inverted-date@6"],
    ),
];

#[test]
fn one_sided_dates_in_check() {
    let mut failures = Vec::new();
    for (name, yaml, want) in CASES {
        let t = match Timeline::from_yaml(yaml, "t.yaml") {
            Ok(t) => t,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let report = t.check();
        let got: Vec<String> = report
            .findings
            .iter()
            .map(|f| format!("{}@{}", f.kind.as_str(), f.place.line.unwrap_or(0)))
            .collect();
        if got != *want {
            failures.push(format!("{name}:\n  want {want:?}\n  got  {got:?}\n{report}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn one_sided_dates_order_what_they_can() {
    let yaml = "\
events:
  - {id: scrap, label: Sony scraps the release, date: {latest: 2014-12-18}}
  - {id: fbi, label: FBI names North Korea, date: 2014-12-19}
  - {id: threats, label: Threats, date: 2014-12-16}
  - {id: announce, label: Sony will announce, date: {earliest: 2014-12-20}}
";
    let t = Timeline::from_yaml(yaml, "t.yaml").unwrap();
    t.check().assert_consistent();
    // On or before 12-18 is before 12-19, and before anything on or after 12-20...
    t.assert_before("scrap", "fbi");
    t.assert_before("scrap", "announce");
    t.assert_before("threats", "announce");
    assert_eq!(t.relation("announce", "scrap"), Some(RelType::After));
    // ...but not ordered against 12-16: it may have happened before or after.
    assert_eq!(t.relation("scrap", "threats"), None);
    assert!(!t.is_before("threats", "scrap"));
}
