//! Durations.
//!
//! | rule                   | example                                        | unresolved             |
//! |------------------------|------------------------------------------------|------------------------|
//! | `duration/number-unit` | `three years`, `the past three years`, `90 days`, `several years`, `a decade`, `5 1/2 hours` | `Duration{3, Year}` |
//! | `duration/adjective`   | `three-month`, `16-hour`, `day-long`           | `Duration{3, Month}`   |
//! | `duration/bare-unit`   | `for years`, `minutes` (after a cue)           | `Duration{X, Year}`    |
//!
//! # Grammar
//!
//! `[the] [past|last|next|first|coming|previous|following] AMOUNT [more] UNIT`,
//! `AMOUNT-UNIT` (not `-old`), `(the past|the coming|recent) UNITs`, `CUE UNITs`.

use super::{set::per_context, Cand, Ctx, Unit, Unres};
use crate::lang::engine::TimexType;

const DUR: TimexType = TimexType::Duration;

pub fn rules(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    number_unit(ctx, i, out);
    adjective(ctx, i, out);
    bare(ctx, i, out);
    in_a_row(ctx, i, out);
    over_the(ctx, i, out);
    race_time(ctx, i, out);
}

/// "a fifth week in a row", "a third straight day", "the second consecutive year": the
/// stretch of `n` units that ends with the one of the story.
fn in_a_row(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    if !ctx.any(i, &["a", "the"]) {
        return;
    }
    let Some(n) = ctx
        .ordinal(i + 1)
        .filter(|&(n, e)| n >= 2 && e == i + 2)
        .map(|(n, _)| n)
    else {
        return;
    };
    let straight = ctx.any(i + 2, &["straight", "consecutive", "successive"]);
    let k = i + 2 + usize::from(straight);
    let Some((unit, false, e)) = ctx.unit(k) else { return };
    if matches!(unit, Unit::Weekend | Unit::Second) || ctx.hyphen(e) || ctx.punct(e, "'") {
        return;
    }
    let row = ctx.is(e, "in") && ctx.is(e + 1, "a") && ctx.is(e + 2, "row");
    if !(straight || row) {
        return;
    }
    let e = if row { e + 3 } else { e };
    let v = Unres::Duration {
        n: Some(f64::from(n)),
        unit,
    };
    out.push(Cand::new(i, e, DUR, v, "duration/number-unit"));
}

/// "over the years", "through the decades": an unspecified length of time.
fn over_the(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    if !(ctx.is(i, "the") && i > 0 && ctx.any(i - 1, &["over", "through", "across", "throughout"])) {
        return;
    }
    let Some((unit, true, e)) = ctx.unit(i + 1) else { return };
    if matches!(unit, Unit::Year | Unit::Decade | Unit::Century)
        && !ctx.hyphen(e)
        && !ctx.punct(e, "'")
        && !ctx.is(e, "of")
    {
        let v = Unres::Duration { n: None, unit };
        out.push(Cand::new(i, e, DUR, v, "duration/bare-unit"));
    }
}

/// A race or match time, "finished in 2:11:05", "a time of 1:59:40": hours, minutes and
/// seconds after `in` or `of`.
fn race_time(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    if !(i > 0 && ctx.any(i - 1, &["in", "of"])) {
        return;
    }
    let Some((h, 1 | 2)) = ctx.num(i) else { return };
    let j = i + 1;
    let two =
        |k: usize| ctx.punct(k, ":") && ctx.joined(k) && ctx.joined(k + 1) && matches!(ctx.num(k + 1), Some((_, 2)));
    if !(two(j) && two(j + 2)) || ctx.punct(j + 4, ":") && ctx.joined(j + 4) {
        return;
    }
    let (m, sec) = (ctx.num(j + 1).map_or(0, |x| x.0), ctx.num(j + 3).map_or(0, |x| x.0));
    if m >= 60 || sec >= 60 {
        return;
    }
    let v = super::Unres::Fixed(format!("PT{h}H{m}M{sec}S"));
    out.push(Cand::new(i, j + 4, DUR, v, "duration/number-unit"));
}

fn number_unit(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let mut j = i;
    let mut lead = false;
    if ctx.is(j, "the") {
        j += 1;
    }
    if ctx.any(
        j,
        &[
            "past",
            "last",
            "recent",
            "next",
            "first",
            "coming",
            "previous",
            "following",
            "final",
            "initial",
            "remaining",
            "better",
        ],
    ) {
        j += 1;
        lead = true;
    }
    // A duration of `unit` over tokens i..end, `n` units (`None`: unspecified).
    let push = |out: &mut Vec<Cand>, end: usize, n: Option<f64>, unit: Unit| {
        out.push(Cand::new(
            i,
            end,
            DUR,
            Unres::Duration { n, unit },
            "duration/number-unit",
        ));
    };
    let Some((amount, k)) = ctx.amount(j) else {
        match ctx.unit(j) {
            // "the weeks ahead", "in the years ahead"
            Some((unit, true, e)) if !lead && j > i && unit != Unit::Weekend && ctx.is(e, "ahead") => {
                push(out, e + 1, None, unit)
            }
            // "the past weeks", "the coming months"
            Some((unit, true, e)) if lead && unit != Unit::Weekend => push(out, e, None, unit),
            _ => {}
        }
        return;
    };
    // A range of amounts is two expressions, as TimeML has it: "two to six days" is `two`
    // (P2D, the unit of the second) and `six days` (P6D, found from its own token).
    let between = i > 0 && ctx.is(i - 1, "between") && ctx.is(k, "and");
    if let (Some(_), "to" | "or" | "and") = (amount, ctx.lw(k)) {
        if !ctx.any(j, &["a", "an"]) && (between || !ctx.is(k, "and")) {
            if let Some((Some(_), k2)) = ctx.amount(k + 1) {
                if let Some((unit, true, _)) = ctx.unit(k2) {
                    if unit != Unit::Weekend {
                        push(out, k, amount, unit);
                    }
                    return;
                }
            }
        }
    }
    // "a" needs a singular unit; "one" must not be "one day" meaning "some day" (resolver decides).
    let k = if ctx.any(
        k,
        &[
            "more",
            "additional",
            "full",
            "straight",
            "consecutive",
            "long",
            "extra",
            "whole",
            "trading",
            "business",
            "working",
        ],
    ) {
        k + 1
    } else {
        k
    };
    let Some((unit, plural, e)) = ctx.unit(k) else { return };
    // CBS's "60 Minutes", "Three Days of the Condor": a title-cased unit is a name.
    if unit == Unit::Weekend || ctx.titled(k) {
        return;
    }
    if ctx.any(j, &["a", "an"]) && k == j + 1 && plural {
        return;
    }
    // "a second term", "a quarter of", "a minute's silence" are not durations.
    if !plural
        && ctx.any(j, &["a", "an"])
        && matches!(unit, Unit::Second | Unit::Quarter)
        && (ctx.is_word(e) || ctx.punct(e, "-"))
    {
        return;
    }
    // A singular unit takes one: "1988 second quarter" is not 1988 seconds.
    if !plural && amount.is_some_and(|a| a >= 1000.0) && !ctx.hyphen(k) {
        return;
    }
    // "a year" after an amount is a rate ("$5 million a year"): a set, not a duration.
    if !lead && ctx.any(j, &["a", "an"]) && per_context(ctx, j) {
        return;
    }
    // Part of a compound: "three-year-old", "the 10-year note": adjective() handles it.
    if ctx.hyphen(k) || ctx.hyphen(e) {
        return;
    }
    if ctx.hyphen(e) && ctx.is(e + 1, "old") {
        return;
    }
    // An age ("Mr. Schwarz, 52 years old") is not annotated as a duration in TimeBank or
    // AQUAINT (none of their 36 ages is).
    if ctx.is(e, "old") && matches!(unit, Unit::Year | Unit::Month | Unit::Week | Unit::Day) && amount.is_some() {
        return;
    }
    // "children aged 6 months and older", "at age 3 years": an age, too.
    if i > 0 && ctx.any(i - 1, &["aged", "age", "ages"]) {
        return;
    }
    // "the first day of", "the first year": a date, not a duration; "one year" is a duration.
    if ctx.is(j - usize::from(j > i), "first") && amount.is_none() {
        return;
    }
    let (n, e) = match (amount, ctx.lw(e), ctx.lw(e + 1), ctx.lw(e + 2)) {
        // "a minute and a half", "two years and a half"
        (Some(a), "and", "a", "half") => (Some(a + 0.5), e + 3),
        _ => (amount, e),
    };
    // "the nine months" (ended ...) is fine; "the year" alone is handled by relative rules.
    out.push(Cand::new(
        i,
        e,
        DUR,
        Unres::Duration { n, unit },
        "duration/number-unit",
    ));
}

fn adjective(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // "three-month", "16-hour", "five-year", "twenty-four-hour"
    let n = if let Some((n, j)) = ctx.number_word(i) {
        Some((f64::from(n), j))
    } else {
        ctx.lone_num(i)
            .or_else(|| ctx.num(i))
            .map(|(n, _)| (f64::from(n), i + 1))
    };
    if let Some((n, j)) = n {
        if ctx.hyphen(j) {
            if let Some((unit, false, e)) = ctx.unit(j + 1) {
                if unit == Unit::Weekend || ctx.hyphen(e) && ctx.any(e + 1, &["old", "olds"]) {
                    return;
                }
                if i > 0 && ctx.joined(i) && (ctx.punct(i - 1, "$") || ctx.punct(i - 1, ".") || ctx.punct(i - 1, "-")) {
                    return;
                }
                out.push(Cand::new(
                    i,
                    e,
                    DUR,
                    Unres::Duration { n: Some(n), unit },
                    "duration/adjective",
                ));
            }
        }
    }
    // "the worst single-day fall": one unit.
    if ctx.is(i, "single") && ctx.hyphen(i + 1) {
        if let Some((unit, false, e)) = ctx.unit(i + 2) {
            if matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Quarter) && !ctx.hyphen(e) {
                let v = Unres::Duration { n: Some(1.0), unit };
                out.push(Cand::new(i, e, DUR, v, "duration/adjective"));
            }
        }
    }
    // "day-long", "decades-long", "year-long", "months-long"
    if let Some((unit, plural, e)) = ctx.unit(i) {
        if ctx.hyphen(e) && ctx.is(e + 1, "long") {
            let n = if plural { None } else { Some(1.0) };
            out.push(Cand::new(
                i,
                e + 2,
                DUR,
                Unres::Duration { n, unit },
                "duration/adjective",
            ));
        }
    }
}

/// Words before a bare plural unit that make it a duration ("for years", "took hours").
static BARE_CUES: &[&str] = &[
    "for", "within", "over", "took", "take", "takes", "taking", "lasted", "last", "lasts", "than", "spent", "spend",
    "nearly", "almost", "wait", "waited",
];

fn bare(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let Some((unit, true, e)) = ctx.unit(i) else { return };
    if unit == Unit::Weekend || ctx.hyphen(e) || ctx.punct(e, "'") {
        return;
    }
    // "over a period of months", "in the space of weeks", "over the course of years"
    let of_cue = i > 1 && ctx.is(i - 1, "of") && ctx.any(i - 2, &["period", "space", "course", "span"]);
    let cue = i > 0 && BARE_CUES.contains(&ctx.lw(i - 1)) || of_cue;
    let in_cue = i > 0
        && ctx.is(i - 1, "in")
        && (ctx.is(i + 1, ".") || ctx.punct(i + 1, ",") || ctx.punct(i + 1, ".") || ctx.kind(i + 1).is_none());
    if !(cue || in_cue) {
        return;
    }
    if ctx.any(e, &["of", "ago", "later", "earlier", "before", "after"]) {
        return;
    }
    out.push(Cand::new(
        i,
        e,
        DUR,
        Unres::Duration { n: None, unit },
        "duration/bare-unit",
    ));
}
