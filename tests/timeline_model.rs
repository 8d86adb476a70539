//! The YAML contract: the hand-written and generated forms, canonical output, round trips
//! (a property test), parse errors with positions, and agreement with the JSON Schema in
//! `schema/timeline.schema.json`.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use tempograph::timeline::*;
use tempograph_core::relation::{RelType, REL_NAMES};
use tempograph_core::value::Precision;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/data/timelines").join(name)
}

/// Every checked-in timeline: `timelines/*.yaml` and the fixtures in `tests/data/timelines/`
/// (not the planted defects).
fn checked_in() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["timelines", "tests/data/timelines"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "yaml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let text = std::fs::read_to_string(root().join("schema/timeline.schema.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("timeline.schema.json", json).unwrap();
    let idx = compiler.compile("timeline.schema.json", &mut schemas).unwrap();
    (schemas, idx)
}

/// `Ok` or the JSON Schema's complaint about a YAML text.
fn schema_verdict(schemas: &boon::Schemas, idx: boon::SchemaIndex, yaml: &str) -> Result<(), String> {
    let value: serde_json::Value =
        tempograph_timeline::yaml::from_str(yaml, Path::new("x.yaml")).map_err(|e| e.to_string())?;
    schemas.validate(&value, idx).map_err(|e| format!("{e:#}"))
}

#[test]
fn hand_written_form() {
    let t = Timeline::from_path(fixture("hand-written.yaml")).unwrap();
    assert_eq!(t.events.len(), 5);
    let hack = t.event("hack").unwrap().date.clone().unwrap();
    assert_eq!(
        (show(hack.earliest), show(hack.latest)),
        ("2014-11-01".into(), "2014-11-30".into())
    );
    assert_eq!(hack.precision, Some(Precision::Month));
    assert_eq!(hack.value.as_deref(), Some("2014-11"));
    // `before: threats` (a single id) is a list of one.
    assert_eq!(t.event("leak").unwrap().before, vec!["threats".to_string()]);
    // The shorthand becomes relations after the `relations:` list.
    let rels: Vec<(String, String, RelType)> = t.all_relations().into_iter().map(|r| (r.from, r.to, r.rel)).collect();
    assert_eq!(
        rels,
        vec![
            ("cancel".into(), "fbi".into(), RelType::Before),
            ("hack".into(), "leak".into(), RelType::Before),
            ("leak".into(), "threats".into(), RelType::Before),
            ("cancel".into(), "threats".into(), RelType::After),
        ]
    );
}

/// A bound as the tests write it: the day, or `-` when there is none.
fn show(d: Option<chrono::NaiveDate>) -> String {
    d.map_or("-".to_string(), |d| d.to_string())
}

#[test]
fn date_forms() {
    let cases: &[(&str, &str, &str, Option<Precision>)] = &[
        ("2014-12-17", "2014-12-17", "2014-12-17", Some(Precision::Day)),
        ("2014", "2014-01-01", "2014-12-31", Some(Precision::Year)),
        ("'2014'", "2014-01-01", "2014-12-31", Some(Precision::Year)),
        ("2014-W51", "2014-12-15", "2014-12-21", Some(Precision::Week)),
        ("{value: 2014-Q4}", "2014-10-01", "2014-12-31", Some(Precision::Quarter)),
        (
            "{value: 2014-12, precision: week}",
            "2014-12-01",
            "2014-12-31",
            Some(Precision::Week),
        ),
        (
            "{earliest: 2014-11-27, latest: 2014-12-05}",
            "2014-11-27",
            "2014-12-05",
            None,
        ),
        (
            "{earliest: 2014-11-27, latest: 2014-12-05, value: PAST_REF}",
            "2014-11-27",
            "2014-12-05",
            None,
        ),
        // One-sided: "on or before", "on or after".
        ("{latest: 2014-12-18}", "-", "2014-12-18", None),
        ("{earliest: 2014-12-18}", "2014-12-18", "-", None),
        (
            "{latest: 2014-12-18, precision: day}",
            "-",
            "2014-12-18",
            Some(Precision::Day),
        ),
        // A bound as written wins over the value: the value does not fill in the other side.
        ("{latest: 2014-12-18, value: 2014-12}", "-", "2014-12-18", None),
        ("{earliest: 2014-12-18, value: FUTURE_REF}", "2014-12-18", "-", None),
        (
            "\n    latest: 2014-12-18\n    mod: ON_OR_BEFORE",
            "-",
            "2014-12-18",
            None,
        ),
    ];
    for (date, a, b, p) in cases {
        let y = format!("events:\n- id: x\n  label: x\n  date: {date}\n");
        let t = Timeline::from_yaml(&y, "t.yaml").unwrap_or_else(|e| panic!("{date}: {e}"));
        let d = t.events[0].date.clone().unwrap();
        assert_eq!(
            (show(d.earliest), show(d.latest), d.precision),
            (a.to_string(), b.to_string(), *p),
            "{date}"
        );
    }
}

#[test]
fn parse_errors_say_where_and_what() {
    let cases: &[(&str, &str)] = &[
        (
            "events:\n- id: x\n  label: x\n  date: 2014-13\n",
            "t.yaml:4:9: expected a date: a TIMEX3 value (2014-12-17, 2014-12, 2014-W51, 2014) or a mapping with earliest, latest or both, found string \"2014-13\" at events[0].date",
        ),
        (
            "events:\n- id: x\n  label: x\n  date: PRESENT_REF\n",
            "t.yaml:4:9: expected a date: a TIMEX3 value (2014-12-17, 2014-12, 2014-W51, 2014) or a mapping with earliest, latest or both, found string \"PRESENT_REF\" at events[0].date",
        ),
        (
            "events:\n- id: x\n  label: x\n  date: {}\n",
            "t.yaml:4:9: expected a date with `earliest`, `latest` or both (or a `value` that denotes calendar days), found a mapping with neither of them at events[0].date",
        ),
        (
            "events:\n- id: x\n  label: x\n  date:\n    precision: day\n    mod: APPROX\n",
            "t.yaml:5:5: expected a date with `earliest`, `latest` or both (or a `value` that denotes calendar days), found a mapping with neither of them at events[0].date",
        ),
        (
            "events:\n- id: x\n  label: x\n  date: {latest: ~}\n",
            "t.yaml:4:9: expected a date with `earliest`, `latest` or both (or a `value` that denotes calendar days), found a mapping with neither of them at events[0].date",
        ),
        (
            "events:\n- id: x\n  label: x\n  date: {value: PAST_REF}\n",
            "t.yaml:4:9: expected a TIMEX3 value that denotes calendar days (or give earliest, latest or both), found string \"PAST_REF\" at events[0].date",
        ),
        (
            "events:\n- id: x\n  label: x\n  date: {latest: 2014-12-32}\n",
            "t.yaml:4:18: expected a date YYYY-MM-DD, found string \"2014-12-32\" at events[0].date.latest",
        ),
        (
            "events:\n- id: x\n  label: x\n  date: {earliest: 2014-11-31, latest: 2014-12-01}\n",
            "t.yaml:4:20: expected a date YYYY-MM-DD, found string \"2014-11-31\" at events[0].date.earliest",
        ),
        (
            "events:\n- id: x\n  label: x\n  befor: [y]\n",
            "t.yaml:4:3: expected one of `id`, `label`, `class`, `salience`, `unlisted`, `description`, `date`, `sources`, `before`, `after`, found unknown field `befor` at events[0]",
        ),
        (
            "events:\n- id: x\n",
            "t.yaml:2:3: expected field `label`, found no such field at events[0]",
        ),
        (
            "relations:\n- {from: a, to: b, type: soon}\nevents: []\n",
            "t.yaml:2:26: expected a TimeML relation type (BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, ...), found string \"soon\" at relations[0].type",
        ),
        ("schema: tempograph/9\nevents: []\n", "t.yaml:1:1: expected `tempograph/1`, found string \"tempograph/9\""),
        (
            "events:\n- id: x\n  label: 'unclosed\n",
            "t.yaml:4:1: expected valid YAML, found a syntax error: found unexpected end of stream (while scanning a quoted scalar at line 3 column 10)",
        ),
    ];
    let mut failures = Vec::new();
    for (yaml, want) in cases {
        match Timeline::from_yaml(yaml, "t.yaml") {
            Ok(_) => failures.push(format!("accepted: {yaml:?}")),
            Err(e) => {
                assert!(e.is_parse());
                if e.to_string() != *want {
                    failures.push(format!("{yaml:?}\n   got: {e}\n  want: {want}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn generated_form_is_canonical() {
    let text = std::fs::read_to_string(fixture("generated-form.yaml")).unwrap();
    let t = Timeline::from_yaml(&text, "generated-form.yaml").unwrap();
    assert_eq!(t.documents.len(), 2);
    let yaml = t.to_yaml().unwrap();
    // The fixture is written in canonical form: comments aside, it is what we write.
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(yaml, body);
}

#[test]
fn every_checked_in_timeline_round_trips_and_matches_the_json_schema() {
    let (schemas, idx) = schema();
    let files = checked_in();
    assert!(files.len() >= 2, "no timelines found");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        schema_verdict(&schemas, idx, &text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let t = Timeline::from_yaml(&text, &f).unwrap();
        let yaml = t.to_yaml().unwrap();
        schema_verdict(&schemas, idx, &yaml).unwrap_or_else(|e| panic!("{} (rewritten): {e}", f.display()));
        assert_eq!(Timeline::from_yaml(&yaml, &f).unwrap(), t, "{}", f.display());
    }
}

#[test]
fn json_schema_and_parser_agree_on_defects() {
    // Schema defects are rejected by both; semantic defects (for `check`) pass both.
    let (schemas, idx) = schema();
    let dir = root().join("tests/data/timelines/defects");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let p = e.path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&p).unwrap();
        let parsed = Timeline::from_yaml(&text, &p);
        let verdict = schema_verdict(&schemas, idx, &text);
        if name.starts_with("schema-") {
            assert!(parsed.is_err(), "{name}: parser accepted it");
            assert!(verdict.is_err(), "{name}: JSON Schema accepted it");
        } else if name.starts_with("syntax-") {
            assert!(parsed.is_err(), "{name}");
        } else {
            assert!(parsed.is_ok(), "{name}: {:?}", parsed.err());
            assert!(verdict.is_ok(), "{name}: {:?}", verdict.err());
        }
        n += 1;
    }
    assert!(n >= 10);
}

// ---------------------------------------------------------------------------------------------
// Property: any timeline round-trips through YAML (and JSON) unchanged, and its YAML is valid
// under the JSON Schema.

fn day() -> impl Strategy<Value = chrono::NaiveDate> {
    (1900i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        any::<String>(),
        Just("null".to_string()),
        Just("2014".to_string()),
        Just("- x: y # z".to_string()),
        Just("'\"\n\t:".to_string()),
        Just("~".to_string()),
        Just("yes".to_string()),
    ]
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9_-]{0,8}",
        Just("2014".to_string()),
        Just("true".to_string())
    ]
}

fn opt<T: std::fmt::Debug + Clone>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

fn pick(items: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(items).prop_map(|s| s.to_string())
}

fn precision() -> impl Strategy<Value = Precision> {
    prop::sample::select(vec![
        Precision::Century,
        Precision::Decade,
        Precision::Year,
        Precision::Half,
        Precision::Quarter,
        Precision::Season,
        Precision::Month,
        Precision::Week,
        Precision::Day,
        Precision::Time,
    ])
}

fn derivation() -> impl Strategy<Value = Derivation> {
    let kind = prop::sample::select(vec![
        AnchorKind::Absolute,
        AnchorKind::Dct,
        AnchorKind::Time,
        AnchorKind::Event,
        AnchorKind::Graph,
    ]);
    (
        opt(text()),
        opt((kind, opt(id())).prop_map(|(kind, id)| Anchor { kind, id })),
        text(),
    )
        .prop_map(|(rule, anchor, text)| Derivation { rule, anchor, text })
}

/// Both bounds, or one of them (never neither: that cannot be written).
fn bounds() -> impl Strategy<Value = (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> {
    prop_oneof![
        (day(), day()).prop_map(|(a, b)| (Some(a), Some(b))),
        day().prop_map(|b| (None, Some(b))),
        day().prop_map(|a| (Some(a), None)),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (
        bounds(),
        opt(precision()),
        opt(text()),
        opt(pick(&["APPROX", "START", "END"])),
        opt(derivation()),
        opt(bounds()),
    )
        .prop_map(
            |((earliest, latest), precision, value, modifier, derivation, ends)| Date {
                earliest,
                latest,
                precision,
                value,
                modifier,
                derivation,
                ends: ends.map(|(earliest, latest)| Ends { earliest, latest }),
                time: None,
            },
        )
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (opt(id()), opt(0usize..5000), opt(0usize..5000), text(), opt(text())).prop_map(
        |(document, start, end, text, rule)| Evidence {
            document,
            start,
            end,
            text,
            rule,
        },
    )
}

fn source() -> impl Strategy<Value = Source> {
    (
        id(),
        0usize..5000,
        0usize..5000,
        opt(1usize..100),
        text(),
        opt(pick(&["PAST", "PRESENT", "FUTURE", "NONE"])),
        opt(pick(&["PERFECTIVE", "PROGRESSIVE", "NONE"])),
        opt(pick(&["POS", "NEG"])),
        opt(text()),
    )
        .prop_map(
            |(document, start, end, sentence, trigger, tense, aspect, polarity, modality)| Source {
                document,
                start,
                end,
                sentence,
                trigger,
                tense,
                aspect,
                polarity,
                modality,
            },
        )
}

fn event() -> impl Strategy<Value = Event> {
    (
        id(),
        text(),
        opt(pick(&["OCCURRENCE", "REPORTING", "STATE", "I_ACTION"])),
        opt(text()),
        opt(date()),
        prop::collection::vec(source(), 0..3),
        prop::collection::vec(id(), 0..3),
        prop::collection::vec(id(), 0..2),
        opt(0u8..=100),
        opt(prop::sample::select(tempograph::timeline::Unlisted::ALL)),
    )
        .prop_map(
            |(id, label, class, description, date, sources, before, after, salience, unlisted)| Event {
                id,
                label,
                class,
                salience,
                unlisted,
                description,
                date,
                sources,
                before,
                after,
            },
        )
}

fn time() -> impl Strategy<Value = Time> {
    (
        id(),
        pick(&["DATE", "TIME", "DURATION", "SET"]),
        text(),
        opt(pick(&["APPROX", "MID"])),
        opt(day()),
        opt(day()),
        opt(precision()),
        opt((id(), 0usize..100, 0usize..100, opt(1usize..9), text())),
        opt(derivation()),
    )
        .prop_map(
            |(id, kind, value, modifier, earliest, latest, precision, source, derivation)| Time {
                id,
                kind,
                value,
                modifier,
                earliest,
                latest,
                precision,
                source: source.map(|(document, start, end, sentence, text)| Mention {
                    document,
                    start,
                    end,
                    sentence,
                    text,
                }),
                derivation,
            },
        )
}

fn relation() -> impl Strategy<Value = Relation> {
    (
        id(),
        id(),
        prop::sample::select(REL_NAMES.iter().map(|(_, r)| *r).collect::<Vec<_>>()),
        opt((-50i64..50, -50i64..50)),
        prop::collection::vec(evidence(), 0..2),
    )
        .prop_map(|(from, to, rel, distance, evidence)| Relation {
            from,
            to,
            rel,
            distance: distance.map(|(min, max)| DayRange { min, max }),
            evidence,
        })
}

fn document() -> impl Strategy<Value = Document> {
    use tempograph_timeline::document::DctSource;
    let dct = prop_oneof![
        Just(DctSource::Flag),
        text().prop_map(|m| DctSource::Manifest { manifest: m.into() }),
        (1usize..9, text()).prop_map(|(line, text)| DctSource::Dateline { line, text }),
        Just(DctSource::Timeml),
    ];
    (id(), opt(text()), opt(text()), opt(text()), day(), opt(dct)).prop_map(
        |(id, title, kind, path, published, dct_source)| Document {
            id,
            title,
            kind,
            path,
            published,
            dct_source,
        },
    )
}

fn conflict() -> impl Strategy<Value = Conflict> {
    let kind = prop_oneof![
        Just(None),
        Just(Some(ConflictKind::WeekdayDate)),
        Just(Some(ConflictKind::Sources))
    ];
    (prop::collection::vec((id(), id(), text(), opt(evidence())), 1..3), kind).prop_map(|(edges, kind)| Conflict {
        kind,
        cycle: edges
            .into_iter()
            .map(|(from, to, constraint, evidence)| ConflictEdge {
                from,
                to,
                constraint,
                evidence,
            })
            .collect(),
    })
}

fn timeline() -> impl Strategy<Value = Timeline> {
    (
        opt(text()),
        prop::collection::vec(document(), 0..3),
        prop::collection::vec(event(), 0..4),
        prop::collection::vec(time(), 0..2),
        prop::collection::vec(relation(), 0..3),
        prop::collection::vec(conflict(), 0..2),
    )
        .prop_map(|(title, documents, events, times, relations, conflicts)| Timeline {
            title,
            documents,
            events,
            times,
            relations,
            conflicts,
            ..Timeline::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn round_trips_through_yaml_and_json(t in timeline()) {
        let yaml = t.to_yaml().unwrap();
        let back = Timeline::from_yaml(&yaml, "prop.yaml").map_err(|e| TestCaseError::fail(format!("{e}\n{yaml}")))?;
        prop_assert_eq!(&back, &t);
        prop_assert_eq!(back.to_yaml().unwrap(), yaml.clone());
        let json = tempograph::render::render(&t, tempograph::render::Format::Json).unwrap();
        let from_json: Timeline = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&from_json, &t);
        let (schemas, idx) = schema();
        if let Err(e) = schema_verdict(&schemas, idx, &yaml) {
            return Err(TestCaseError::fail(format!("JSON Schema rejects our own output: {e}\n{yaml}")));
        }
    }
}

#[test]
fn sort_canonical_orders_and_merges() {
    let yaml = "\
documents:
  - {id: b, published: 2014-12-18}
  - {id: a, published: 2014-12-17}
events:
  - id: z
    label: Z
    sources:
      - {document: b, start: 9, end: 12, trigger: x}
      - {document: a, start: 40, end: 44, trigger: y}
      - {document: a, start: 3, end: 5, trigger: w}
  - {id: y, label: Y}
relations:
  - {from: z, to: y, type: BEFORE, evidence: [{text: two, rule: r2}]}
  - {from: y, to: z, type: AFTER}
  - {from: z, to: y, type: BEFORE, evidence: [{text: one, rule: r1}, {text: two, rule: r2}]}
";
    let mut t = Timeline::from_yaml(yaml, "s.yaml").unwrap();
    t.sort_canonical();
    let docs: Vec<&str> = t.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(docs, ["a", "b"]);
    let events: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(events, ["z", "y"], "events keep their order");
    let sources: Vec<(&str, usize)> = t.events[0]
        .sources
        .iter()
        .map(|s| (s.document.as_str(), s.start))
        .collect();
    assert_eq!(sources, [("a", 3), ("a", 40), ("b", 9)]);
    let rels: Vec<(&str, &str, usize)> = t
        .relations
        .iter()
        .map(|r| (r.from.as_str(), r.to.as_str(), r.evidence.len()))
        .collect();
    assert_eq!(rels, [("y", "z", 0), ("z", "y", 2)]);
    let texts: Vec<&str> = t.relations[1].evidence.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["two", "one"]);
    let once = t.to_yaml().unwrap();
    t.sort_canonical();
    assert_eq!(t.to_yaml().unwrap(), once, "idempotent");
}

// ---------------------------------------------------------------------------------------------
// One-sided dates.

fn ymd(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn one_sided_date_helpers() {
    let d = ymd("2014-12-18");
    let before = Date::on_or_before(d);
    let after = Date::on_or_after(d);
    assert_eq!((before.earliest, before.latest), (None, Some(d)));
    assert_eq!((after.earliest, after.latest), (Some(d), None));
    assert_eq!(before.bounds(), Bounds::OnOrBefore(d));
    assert_eq!(after.bounds(), Bounds::OnOrAfter(d));
    assert!(before.is_open() && after.is_open());
    assert!(!Date::day(d).is_open() && Date::day(d).is_exact_day());
    assert!(!before.is_exact_day());
    assert_eq!((before.known_day(), after.known_day()), (Some(d), Some(d)));
    assert_eq!(Date::day(d).precision, Some(Precision::Day));
    assert_eq!(
        Date::from_value("2014-12").unwrap().bounds(),
        Bounds::Between(ymd("2014-12-01"), ymd("2014-12-31"))
    );
    // On the same day: on or before, then the day itself, then on or after.
    let mut keys = [after.display_key(), Date::day(d).display_key(), before.display_key()];
    keys.sort();
    assert_eq!(
        keys,
        [before.display_key(), Date::day(d).display_key(), after.display_key()]
    );
    assert!(Date::between(ymd("2014-12-17"), ymd("2014-12-30")).display_key() < before.display_key());
}

#[test]
fn one_sided_dates_are_written_with_the_known_bound_only() {
    let mut t = Timeline::default();
    for (id, date) in [
        ("scrap", Date::on_or_before(ymd("2014-12-18"))),
        (
            "announce",
            Date::on_or_after(ymd("2014-12-18")).with_precision(Precision::Day),
        ),
    ] {
        t.events.push(Event {
            id: id.into(),
            label: id.into(),
            class: None,
            salience: None,
            unlisted: None,
            description: None,
            date: Some(date),
            sources: vec![],
            before: vec![],
            after: vec![],
        });
    }
    let yaml = t.to_yaml().unwrap();
    assert_eq!(
        yaml,
        "schema: tempograph/1\nevents:\n- id: scrap\n  label: scrap\n  date:\n    latest: 2014-12-18\n- id: announce\n  label: announce\n  date:\n    earliest: 2014-12-18\n    precision: day\n"
    );
    assert_eq!(Timeline::from_yaml(&yaml, "t.yaml").unwrap(), t);
    // A date with neither bound cannot be read back, so it is not written.
    t.events[0].date.as_mut().unwrap().latest = None;
    let err = t.to_yaml().unwrap_err().to_string();
    assert!(
        err.contains("a date needs `earliest`, `latest` or both; this one has neither"),
        "{err}"
    );
}
