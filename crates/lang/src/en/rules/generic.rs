//! Generic references to the present, past and future.
//!
//! | rule          | example                                        | value          |
//! |---------------|------------------------------------------------|----------------|
//! | `generic/ref` | `now`, `currently`, `these days`, `at present` | `PRESENT_REF`  |
//! | `generic/ref` | `the past`, `recently`, `the other day`, `at the time` | `PAST_REF` |
//! | `generic/ref` | `the future`, `soon`, `the coming years`       | `FUTURE_REF`   |
//!
//! # Grammar
//!
//! A word or phrase from the table in [`rules`]; `the past`/`the future` only when no
//! amount and unit follow (`the past three years` is a duration).

use super::{Cand, Ctx};
use crate::lang::engine::TimexType;

const PRESENT: &str = "PRESENT_REF";
const PAST: &str = "PAST_REF";
const FUTURE: &str = "FUTURE_REF";

/// Phrases and their values; longest first where one is a prefix of another.
static REFS: &[(&[&str], &str)] = &[
    (&["right", "now"], PRESENT),
    (&["now"], PRESENT),
    (&["currently"], PRESENT),
    (&["nowadays"], PRESENT),
    (&["these", "days"], PRESENT),
    (&["the", "present"], PRESENT),
    (&["the", "moment"], PRESENT),
    (&["more", "recently"], PAST),
    (&["recently"], PAST),
    (&["lately"], PAST),
    (&["formerly"], PAST),
    (&["the", "other", "day"], PAST),
    (&["the", "past"], PAST),
    (&["recent", "times"], PAST),
    (&["the", "time"], PAST),
    (&["the", "time", "being"], PRESENT),
    (&["the", "near", "term"], FUTURE),
    (&["the", "short", "term"], FUTURE),
    (&["the", "long", "term"], FUTURE),
    (&["the", "near", "future"], FUTURE),
    (&["the", "future"], FUTURE),
];

pub fn rules(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    if !matches!(
        ctx.lw(i),
        "right"
            | "now"
            | "currently"
            | "nowadays"
            | "these"
            | "the"
            | "recently"
            | "lately"
            | "formerly"
            | "recent"
            | "current"
            | "more"
    ) {
        return;
    }
    for (words, v) in REFS {
        if !words.iter().enumerate().all(|(k, w)| ctx.is(i + k, w)) {
            continue;
        }
        let e = i + words.len();
        let ok = match *words {
            ["now"] => !ctx.punct(e, "-"),
            ["the", "present"] => i > 0 && ctx.any(i - 1, &["at", "until", "to"]),
            ["the", "moment"] => i > 0 && ctx.any(i - 1, &["at", "for"]),
            // "one day ..., the other day ..." is the second of two days, not a past day.
            ["the", "other", "day"] => {
                !(i.saturating_sub(12)..i).any(|k| ctx.any(k, &["one", "first"]) && ctx.is(k + 1, "day"))
            }
            ["the", "time"] => i > 0 && ctx.is(i - 1, "at") && !ctx.any(e, &["of", "when", "that"]),
            // "for the time being"; "in the near term" (a noun, not "the near-term outlook").
            ["the", "time", "being"] => i > 0 && ctx.is(i - 1, "for"),
            ["the", _, "term"] => {
                i > 0 && ctx.any(i - 1, &["in", "over", "for", "during", "through"]) && !ctx.hyphen(i + 2)
            }
            ["the", "past"] => {
                !ctx.is_num(e)
                    && ctx
                        .amount(e)
                        .is_none_or(|_| ctx.any(e, &["a", "an"]) && ctx.unit(e + 1).is_none())
                    && ctx.unit(e).is_none()
            }
            _ => true,
        };
        if !ok {
            continue;
        }
        out.push(Cand::new(
            i,
            e,
            TimexType::Date,
            super::Unres::Fixed((*v).to_string()),
            "generic/ref",
        ));
        return;
    }
    // "current" as an adjective of time ("current levels") — only before a small set of nouns;
    // after "the" only before a noun for a spell of time ("the current slump").
    let the = i > 0 && ctx.is(i - 1, "the");
    if ctx.is(i, "current") && (ctx.any(i + 1, SPELL_NOUNS) || ctx.any(i + 1, CURRENT_NOUNS) && !the) {
        out.push(Cand::new(
            i,
            i + 1,
            TimexType::Date,
            super::Unres::Fixed(PRESENT.into()),
            "generic/ref",
        ));
    }
    // "recent" before a noun that is not a unit ("recent layoffs", "the recent sale"; "recent
    // years" is a rule of its own): a past reference, as TimeML tags it.
    if ctx.is(i, "recent")
        && ctx.is_word(i + 1)
        && !ctx.cap(i + 1)
        && ctx.unit(i + 1).is_none()
        && !ctx.any(i + 1, &["times", "past", "history", "memory", "and", "or"])
        && !ctx.punct(i + 2, "'")
        && !(i > 0 && ctx.any(i - 1, &["most", "more", "less", "least"]))
    {
        out.push(Cand::new(
            i,
            i + 1,
            TimexType::Date,
            super::Unres::Fixed(PAST.into()),
            "generic/ref",
        ));
    }
}

/// Nouns for a spell of time after `current`, with or without `the` (`the current slump`).
static SPELL_NOUNS: &[&str] = &[
    "slump",
    "downturn",
    "recession",
    "slowdown",
    "weakness",
    "turmoil",
    "volatility",
    "rally",
    "boom",
    "crisis",
    "conflict",
    "standoff",
    "impasse",
    "shortage",
    "outbreak",
    "wave",
    "season",
    "term",
    "session",
    "round",
];

/// The nouns after which `current` is an adjective of time (`current levels`).
pub(crate) static CURRENT_NOUNS: &[&str] = &[
    "levels",
    "level",
    "prices",
    "rates",
    "rate",
    "conditions",
    "situation",
    "crisis",
    "environment",
    "market",
    "trend",
    "period",
];
