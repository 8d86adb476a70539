//! Properties of tagging + normalization (proptest):
//!
//! - a non-temporal prefix (ending in a blank line) shifts every span by its length and
//!   changes nothing else;
//! - moving the publication date by whole weeks moves every day-grain value of a relative
//!   expression ("Monday", "yesterday", "three days ago") by the same number of days;
//! - tagging never panics and spans are ordered, non-overlapping, in bounds, on char
//!   boundaries, whatever the text.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tempograph_lang::text::Analysis;
use tempograph_timex::{self as timex, Timex};

fn tag(text: &str, dct: NaiveDate) -> Vec<Timex> {
    timex::tag(text, &Analysis::new(text), dct)
}

/// Fragments of news text, temporal and not.
const FRAGMENTS: &[&str] = &[
    "Sony canceled the release",
    "on Wednesday",
    "two weeks ago",
    "The hackers leaked films",
    "on November 24, 2014",
    "last year",
    "and lasted three days",
    "yesterday",
    "the FBI said",
    "in December",
    "by 3:07 p.m.",
    "every Monday",
    "the 1990s",
    "next month",
    "12/17/14",
    "this week",
    "Mr. Smith, 45, said",
    "since 2001",
    "a month after the attack",
    "tomorrow morning",
];

const PREFIXES: &[&str] = &[
    "Sony Pictures Entertainment",
    "By Jim Laurie, ABC News",
    "Copyright notice: all rights reserved",
    "WASHINGTON —",
    "Ünïcödé prefix “quoted” text",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(FRAGMENTS),
            prop::sample::select(&[" ", ", ", ". ", ".\n", "; "][..]),
        ),
        1..12,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (frag, sep) in parts {
            s.push_str(frag);
            s.push_str(sep);
        }
        s
    })
}

fn dct_strategy() -> impl Strategy<Value = NaiveDate> {
    (1950i32..2040, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn prefix_shifts_spans_and_nothing_else(
        text in text_strategy(),
        prefix in prop::sample::select(PREFIXES),
        dct in dct_strategy(),
    ) {
        let prefix = format!("{prefix}\n\n");
        let plain = tag(&text, dct);
        let shifted = tag(&format!("{prefix}{text}"), dct);
        prop_assert_eq!(plain.len(), shifted.len(), "{:?} vs {:?}", plain, shifted);
        for (a, b) in plain.iter().zip(&shifted) {
            prop_assert_eq!(a.span.start + prefix.len(), b.span.start);
            prop_assert_eq!(a.span.end + prefix.len(), b.span.end);
            prop_assert_eq!(&a.text, &b.text);
            prop_assert_eq!(&a.value, &b.value);
            prop_assert_eq!(a.kind, b.kind);
            prop_assert_eq!(&a.modifier, &b.modifier);
            prop_assert_eq!(a.rule, b.rule);
        }
    }

    #[test]
    fn dct_moved_by_weeks_moves_relative_days(
        expr in prop::sample::select(&[
            "yesterday", "today", "tomorrow", "on Monday", "on Friday", "last Tuesday", "next Thursday",
            "three days ago", "two weeks ago", "in five days", "Sunday",
        ][..]),
        verb in prop::sample::select(&["The company said it happened", "The company will announce it", "It rained"][..]),
        dct in dct_strategy(),
        weeks in -200i64..200,
    ) {
        let text = format!("{verb} {expr}.");
        let moved = if weeks >= 0 {
            dct.checked_add_days(Days::new(7 * weeks as u64))
        } else {
            dct.checked_sub_days(Days::new(7 * (-weeks) as u64))
        }
        .unwrap();
        let a = tag(&text, dct);
        let b = tag(&text, moved);
        prop_assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            prop_assert_eq!(&x.text, &y.text);
            if let (Ok(dx), Ok(dy)) = (
                NaiveDate::parse_from_str(&x.value, "%Y-%m-%d"),
                NaiveDate::parse_from_str(&y.value, "%Y-%m-%d"),
            ) {
                prop_assert_eq!((dy - dx).num_days(), 7 * weeks, "{:?}: {} then {}", text, x.value, y.value);
            } else {
                // Non-day values (durations, weeks) must at least keep their type.
                prop_assert_eq!(x.kind, y.kind);
            }
        }
    }

    #[test]
    fn any_text_tags_without_panic(text in "\\PC{0,200}", dct in dct_strategy()) {
        let ts = tag(&text, dct);
        let mut last = 0;
        for t in &ts {
            prop_assert!(t.span.start >= last && t.span.start < t.span.end && t.span.end <= text.len());
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            prop_assert_eq!(t.text.as_str(), t.span.slice(&text));
            last = t.span.end;
        }
    }
}
