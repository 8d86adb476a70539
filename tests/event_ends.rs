//! The end of an event in built timelines (`date.ends`): written when the graph knows the
//! event goes on until at least the last day it can have begun (a state holding at the
//! publication date), never for an event of which nothing says how long it lasted. Each case
//! is a one-document text, the event's trigger, and the `ends` bounds expected (`None`: no
//! `ends`). Every built timeline must also pass `check` as written.

use chrono::NaiveDate;
use tempograph_pipeline::pipeline::{self, Options};
use tempograph_timeline::document::{DctSource, Document};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The timeline of one document `text` published on `dct`.
fn build(text: &str, dct: &str) -> tempograph::timeline::Timeline {
    let doc = Document::from_text("d", text, day(dct), DctSource::Flag);
    pipeline::build(&[doc], &Options::default()).expect("build")
}

/// The first event told by `trigger`.
fn event<'t>(t: &'t tempograph::timeline::Timeline, trigger: &str) -> Option<&'t tempograph::timeline::Event> {
    t.events.iter().find(|e| e.sources.iter().any(|s| s.trigger == trigger))
}

/// `(text, trigger, expected ends as (earliest, latest))`; DCT 2014-12-17.
type Case = (
    &'static str,
    &'static str,
    Option<(Option<&'static str>, Option<&'static str>)>,
);

const CASES: &[Case] = &[
    (
        "The cyber security bill has been languishing in committee for several years now.",
        "languishing",
        Some((Some("2014-12-17"), None)),
    ),
    // Holding at the publication date and lasting three weeks: some 21 days around it.
    (
        "Investigators have been examining the stolen files for three weeks.",
        "examining",
        Some((Some("2014-12-17"), Some("2015-01-07"))),
    ),
    // Going on now, within this week (Monday 2014-12-15 to Sunday 2014-12-21).
    (
        "The studio is negotiating with theaters this week.",
        "negotiating",
        Some((Some("2014-12-17"), Some("2014-12-21"))),
    ),
    // Negatives: past and future occurrences say nothing of their length.
    (
        "Sony Pictures canceled the release of the film on Wednesday.",
        "canceled",
        None,
    ),
    ("The studio will release the film on Christmas Day.", "release", None),
    ("Hackers attacked the studio's network last month.", "attacked", None),
    // A headline's present simple tells news (the historical present): it does not hold the
    // event at the publication date against the body's "on Monday".
    (
        "Airbus delivers A380\n\nAirbus delivered its first A380 to Singapore Airlines on Monday.",
        "delivered",
        None,
    ),
    // Negative: the same present in the body still holds at the publication date.
    (
        "Strike continues\n\nThe strike at the plant continues this week.",
        "continues",
        Some((Some("2014-12-17"), Some("2014-12-21"))),
    ),
];

#[test]
fn ongoing_events_get_their_end() {
    let mut failures = Vec::new();
    for (text, trigger, want) in CASES {
        let t = build(text, "2014-12-17");
        let Some(e) = event(&t, trigger) else {
            failures.push(format!("{text:?}: no event `{trigger}` in {:?}", t.events));
            continue;
        };
        let got = e.date.as_ref().and_then(|d| d.ends).map(|x| (x.earliest, x.latest));
        let want = want.map(|(a, b)| (a.map(day), b.map(day)));
        if got != want {
            failures.push(format!("{text:?}: `{trigger}` ends {got:?}, want {want:?}"));
        }
        // What is written reads back to the same timeline and is consistent.
        let yaml = t.to_yaml().expect("yaml");
        let back = tempograph::timeline::Timeline::from_yaml(&yaml, "t.yaml").expect("reads back");
        assert_eq!(back.events, t.events);
        let report = back.check();
        if !report.is_consistent() {
            failures.push(format!("{text:?}: check of the built timeline:\n{report}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `(text, trigger, start's (earliest, latest))` (DCT 2014-12-17): a trailing `since` or
/// `until` expression dates the verb, not a noun object between them, and "since November"
/// means some day of November, not November 1st; a trailing date after a finite verb's
/// object dates the verb. `None`: the trigger is not dated (or not on the timeline).
type DateCase = (&'static str, &'static str, Option<(&'static str, &'static str)>);

const SINCE_CASES: &[DateCase] = &[
    (
        "The FBI has been investigating the attack since November.",
        "investigating",
        Some(("2014-11-01", "2014-11-30")),
    ),
    (
        "Sony has been working with the FBI since November 24.",
        "working",
        Some(("2014-11-24", "2014-11-24")),
    ),
    // Negatives: the noun object does not take the verb's `since`; a plain `in` still dates
    // the noun it follows.
    (
        "The FBI has been investigating the attack since November.",
        "attack",
        None,
    ),
    (
        "The attack on Sony in November shocked Hollywood.",
        "attack",
        Some(("2014-11-01", "2014-11-30")),
    ),
    // A trailing date after a finite verb's object dates the verb.
    (
        "Sony Pictures canceled the release of the film on Wednesday.",
        "canceled",
        Some(("2014-12-17", "2014-12-17")),
    ),
    ("Sony Pictures canceled the release of the film on Wednesday.", "release", None),
    ("The agency discovered the breach in April.", "discovered", Some(("2014-04-01", "2014-04-30"))),
    // `take place` passes the date to its subject event.
    ("The robbery took place on Oct. 19.", "robbery", Some(("2014-10-19", "2014-10-19"))),
    // Negatives: not after a reporting verb, nor after a participle.
    (
        "Officials said the attack in November was the worst.",
        "attack",
        Some(("2014-11-01", "2014-11-30")),
    ),
    (
        "The attack is something they have done before, Lewis said, referencing similar attacks on South Korean banks last year.",
        "attacks",
        Some(("2013-01-01", "2013-12-31")),
    ),
];

#[test]
fn since_and_until_date_the_verb() {
    let mut failures = Vec::new();
    for (text, trigger, want) in SINCE_CASES {
        let t = build(text, "2014-12-17");
        let got = event(&t, trigger)
            .and_then(|e| e.date.as_ref())
            .map(|d| (d.earliest, d.latest));
        let want = want.map(|(a, b)| (Some(day(a)), Some(day(b))));
        if got != want {
            failures.push(format!("{text:?}: `{trigger}` dated {got:?}, want {want:?}"));
        }
        assert!(t.check().is_consistent(), "{text:?}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A duration that is a window ("over the next three years") is not how long the event
/// lasts, and an event told as expected, planned or future ("expected to raise rates") is
/// not the same event as one told as done ("raised rates on Thursday"): together they made
/// a contradiction (a three-year raise inside one Thursday).
#[test]
fn windows_and_plans_do_not_stretch_a_done_event() {
    let text = "The Bank of England raised interest rates on Thursday for the first time in a decade. \
                Governor Mark Carney said the bank expected to raise rates two more times over the next three years.";
    let t = build(text, "2017-11-02");
    assert!(t.conflicts.is_empty(), "{:?}", t.conflicts);
    let raised = event(&t, "raised").expect("raised");
    assert_eq!(raised.sources.len(), 1, "{raised:?}");
    let d = raised.date.as_ref().expect("dated");
    assert_eq!(
        (d.earliest, d.latest),
        (Some(day("2017-11-02")), Some(day("2017-11-02")))
    );
    // Negative: a duration the event does last still stretches it ("for several years").
    let text = "The cyber security bill has been languishing in committee for several years now.";
    let t = build(text, "2014-12-17");
    assert!(t
        .events
        .iter()
        .any(|e| e.sources.iter().any(|s| s.trigger == "languishing")));
}

/// Event labels in built timelines: `(text, trigger, label)` (DCT 2015-07-09). A name counts
/// as one word (with `of` inside it), a label does not start inside a possessive, and it
/// ends before the next verb phrase.
// Labels come from the parse (src/events/label.rs): subject, verb group and key object, whole
// names and numbers; time expressions are left out, since the date is shown beside the label.
const LABEL_CASES: &[(&str, &str, &str)] = &[
    (
        "The Bank of England raised interest rates on Thursday for the first time in a decade.",
        "raised",
        "The Bank of England raised interest rates",
    ),
    (
        "Officials notified Congress on June 4 and will brief lawmakers again next week.",
        "notified",
        "Officials notified Congress",
    ),
    (
        "Hackers stole the data in an attack on the Office of Personnel Management that began in May 2014.",
        "began",
        "An attack began",
    ),
    (
        "The bank's nine-member Monetary Policy Committee voted on Thursday to lift the rate.",
        "voted",
        "The bank's nine-member Monetary Policy Committee voted",
    ),
    // An abbreviation's dot does not end a label.
    (
        "The robbery took place on Oct. 19.",
        "robbery",
        "The robbery took place",
    ),
    // A number's separators do not end a label, and it does not end on an amount.
    (
        "Consumer prices rose 2.5 percent in August.",
        "rose",
        "Consumer prices rose 2.5 percent",
    ),
    (
        "The English club agreed to pay a fee of 65 million euros.",
        "agreed",
        "The English club agreed to pay a fee of 65 million euros",
    ),
    // Negative: a sentence's full stop after a number still ends it.
    (
        "Consumer prices rose in 2024. Rents fell.",
        "rose",
        "Consumer prices rose",
    ),
    // Negative: a coordinated noun phrase is not a new verb phrase.
    (
        "Hackers attacked Sony and Paramount on Monday.",
        "attacked",
        "Hackers attacked Sony and Paramount",
    ),
];

#[test]
fn labels_read_as_a_phrase() {
    let mut failures = Vec::new();
    for (text, trigger, want) in LABEL_CASES {
        let t = build(text, "2015-07-09");
        let got = event(&t, trigger).map(|e| e.label.as_str());
        if got != Some(*want) {
            failures.push(format!("{text:?}: `{trigger}` label {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A length alone puts a finite verb on the timeline (its tense places it), not an
/// infinitive: a planned infinitive is kept in the YAML but not listed, dated only as a plan
/// (on or after the publication date, `listing/planned`), never by its length.
#[test]
fn a_length_alone_does_not_place_an_infinitive() {
    let t = build(
        "The agency plans to offer credit monitoring for three years to everyone affected.",
        "2015-07-09",
    );
    if let Some(e) = event(&t, "offer") {
        assert!(e.unlisted.is_some(), "a plan is not listed: {e:?}");
        let d = e.date.as_ref().expect("a kept plan is dated as a plan");
        let rule = d.derivation.as_ref().and_then(|x| x.rule.as_deref());
        assert_eq!(rule, Some("listing/planned"), "{e:?}");
        assert_eq!((d.earliest, d.latest), (Some(day("2015-07-09")), None), "{e:?}");
    }
    // Negative: a finite verb with a length is placed by its tense.
    let t = build("Lawmakers have criticized the response for weeks.", "2015-07-09");
    let e = event(&t, "criticized").expect("criticized");
    assert_eq!(e.date.as_ref().and_then(|d| d.latest), Some(day("2015-07-09")));
}

/// `(text, DCT, trigger, start's (earliest, latest))` from news probes: which event a time
/// expression or a metric phrase dates, read from the construction. `None`: the trigger is
/// not dated, or not on the timeline.
type ProbeCase = (
    &'static str,
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);

const PROBE_CASES: &[ProbeCase] = &[
    // A length written as an adjective is its noun's: the signing is not five years long
    // (it was dated five years before the publication date).
    (
        "Brandt signed a five-year contract with Chelsea on Thursday.",
        "2025-08-28",
        "signed",
        Some(("2025-08-28", "2025-08-28")),
    ),
    (
        "The league banned the club's owner with a two-year suspension.",
        "2025-08-28",
        "banned",
        None,
    ),
    // The length between a verb and its object does not keep the verb from the object's
    // date. (A plain length still places a finite verb: `a_length_alone_...` below.)
    (
        "Dockworkers staged a 10-day strike in March.",
        "2025-08-28",
        "staged",
        Some(("2025-03-01", "2025-03-31")),
    ),
    // A verb takes the expression it governs even when the link stage paired it with a
    // nearer one (`five-year`, `two days`).
    (
        "Brandt signed a five-year contract after he passed a medical in London on Wednesday.",
        "2025-08-28",
        "passed",
        Some(("2025-08-27", "2025-08-27")),
    ),
    (
        "The jury deliberated for two days before it returned the verdict on Oct. 2.",
        "2024-11-12",
        "returned",
        Some(("2024-10-02", "2024-10-02")),
    ),
    // Negative: not a noun, whose verb the tagger may have missed (`ended` here): the strike
    // would be ten days inside one Friday.
    ("The 10-day strike ended on Friday.", "2025-08-28", "strike", None),
    // A time expression modifies a noun right after it, not one past a clause opener or an
    // article ("the Christmas movie release" still does: Sony golden).
    (
        "Officials expect to lift some evacuation orders by Thursday if the weather holds.",
        "2025-08-12",
        "weather",
        None,
    ),
    // A long object without punctuation leaves a trailing date to the verb.
    (
        "The Bank of Canada cut its key interest rate by a quarter of a percentage point on Wednesday.",
        "2024-09-04",
        "cut",
        Some(("2024-09-04", "2024-09-04")),
    ),
    (
        "A wildfire that broke out in the hills east of Paradise Valley on Sunday afternoon had burned 12,000 acres.",
        "2025-08-12",
        "broke",
        Some(("2025-08-10", "2025-08-10")),
    ),
    // Negatives: not past a comma, nor past a finite verb the tagger does not mark (`had`).
    (
        "Volunteers praised the Bank of Canada, which kept its key interest rate unchanged at a meeting on Wednesday.",
        "2024-09-04",
        "praised",
        None,
    ),
    (
        "Mayor Ann Lee praised the young doctors the small town had in its two emergency shelters on Sunday.",
        "2025-08-12",
        "praised",
        None,
    ),
];

#[test]
fn probe_dates_follow_the_construction() {
    let mut failures = Vec::new();
    for (text, dct, trigger, want) in PROBE_CASES {
        let t = build(text, dct);
        let got = event(&t, trigger)
            .and_then(|e| e.date.as_ref())
            .and_then(|d| d.earliest.zip(d.latest));
        let want = want.map(|(a, b)| (day(a), day(b)));
        if got != want {
            failures.push(format!("{text:?}: `{trigger}` dated {got:?}, want {want:?}"));
        }
        if !t.check().is_consistent() {
            failures.push(format!("{text:?}: inconsistent timeline"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `(text, DCT, trigger, earliest, latest)`.
type BoundCase = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

/// A deadline ("by Jan. 15") bounds the event from above; it does not put it on that day.
#[test]
fn a_deadline_bounds_the_event() {
    let cases: &[BoundCase] = &[
        (
            "The judge ordered Delgado to report to prison by Jan. 15.",
            "2024-11-12",
            "report",
            None,
            Some("2025-01-15"),
        ),
        (
            "The Cedar Fire had burned more than 12,000 acres by Tuesday morning.",
            "2025-08-12",
            "burned",
            None,
            Some("2025-08-12"),
        ),
        // Negative: `on` puts it on the day.
        (
            "The judge ordered Delgado to report to prison on Jan. 15.",
            "2024-11-12",
            "report",
            Some("2025-01-15"),
            Some("2025-01-15"),
        ),
    ];
    let mut failures = Vec::new();
    for (text, dct, trigger, earliest, latest) in cases {
        let t = build(text, dct);
        let got = event(&t, trigger)
            .and_then(|e| e.date.as_ref())
            .map(|d| (d.earliest, d.latest));
        let want = Some((earliest.map(day), latest.map(day)));
        if got != want {
            failures.push(format!("{text:?}: `{trigger}` dated {got:?}, want {want:?}"));
        }
        if !t.check().is_consistent() {
            failures.push(format!("{text:?}: inconsistent timeline"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
