//! Dates relative to the publication date or to the last mentioned date.
//!
//! | rule                  | example                                 | unresolved                         |
//! |-----------------------|-----------------------------------------|------------------------------------|
//! | `relative/day-word`   | `yesterday`, `the day after tomorrow`   | `Shift{Day, -1}`                   |
//! | `relative/this-unit`  | `this week`, `this fiscal year`         | `Shift{Week, 0}`                   |
//! | `relative/last-unit`  | `last year`, `the past week`            | `Shift{Year, -1}`                  |
//! | `relative/next-unit`  | `next month`                            | `Shift{Month, 1}`                  |
//! | `relative/named`      | `last summer`, `next Tuesday`           | `Named{Season(Summer), Last}`      |
//! | `relative/ago`        | `two years ago`, `two years back`       | `Shift{Year, -2}`                  |
//! | `relative/anaphor`    | `the following day`, `a year earlier`   | `Anaphor{Day, 1}`                  |
//! | `relative/year-ago`   | `the year-ago quarter`, `year-earlier`  | `Anaphor{Year, -1}`                |
//! | `relative/the-unit`   | `the quarter`, `the weekend`            | `TheUnit{Quarter}`                 |
//!
//! # Grammar
//!
//! `(this|last|next|past|previous|coming) [fiscal] UNIT`, `[AMOUNT] UNIT (ago|back|earlier|later|
//! before|after)`, `(the following|the next|the previous|that|the same) UNIT`.

use super::{date::season_at, Cand, Ctx, Force, Unit, Unres};
use crate::lang::engine::TimexType;

const D: TimexType = TimexType::Date;

pub fn rules(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    day_words(ctx, i, out);
    this_last_next(ctx, i, out);
    ago(ctx, i, out);
    month_of_relative_year(ctx, i, out);
    year_end(ctx, i, out);
    anaphor(ctx, i, out);
    the_unit(ctx, i, out);
}

fn day_words(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let n = match ctx.lw(i) {
        "today" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        "the" if ctx.is(i + 1, "day") && ctx.any(i + 2, &["before", "after"]) => {
            let n = match (ctx.lw(i + 2), ctx.lw(i + 3)) {
                ("before", "yesterday") => -2,
                ("after", "tomorrow") => 2,
                _ => return,
            };
            out.push(Cand::new(
                i,
                i + 4,
                D,
                Unres::Shift { unit: Unit::Day, n },
                "relative/day-word",
            ));
            return;
        }
        _ => return,
    };
    out.push(Cand::new(
        i,
        i + 1,
        D,
        Unres::Shift { unit: Unit::Day, n },
        "relative/day-word",
    ));
}

/// A month, weekday, season or holiday name at `j`, as an unresolved value.
fn named_at(ctx: &Ctx, j: usize) -> Option<(Unres, usize)> {
    // "this march was peaceful", "last may": a lower-case `march`/`may` is a noun or a modal.
    let word_not_month = matches!(ctx.lw(j), "may" | "march") && !ctx.cap(j);
    if let Some((m, e)) = ctx.month(j).filter(|_| !word_not_month) {
        if ctx.month_full(j).is_some() || ctx.punct(e - 1, ".") {
            // "last Oct. 23": the day belongs to the name.
            let (day, e) = match super::date::day_at(ctx, e) {
                Some((d, k)) => (Some(d), k),
                None => (None, e),
            };
            return Some((
                Unres::Date {
                    year: None,
                    month: m,
                    day,
                },
                e,
            ));
        }
    }
    if let Some((d, e)) = ctx.weekday(j) {
        return Some((Unres::Weekday(d), e));
    }
    if let Some(s) = season_at(ctx, j) {
        return Some((Unres::Season { season: s, year: None }, j + 1));
    }
    let mut buf = Vec::new();
    super::holiday::rules(ctx, j, &mut buf);
    let c = buf.into_iter().max_by_key(|c| c.end)?;
    if let Unres::Holiday { .. } = c.val {
        return Some((c.val, c.end));
    }
    None
}

fn this_last_next(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (mut j, n, force) = match ctx.lw(i) {
        "this" | "current" => (i + 1, 0, Force::This),
        "last" | "past" | "previous" => (i + 1, -1, Force::Last),
        "next" | "coming" => (i + 1, 1, Force::Next),
        "the" => match ctx.lw(i + 1) {
            "current" | "present" => (i + 2, 0, Force::This),
            "past" | "previous" | "preceding" | "last" | "latest" => (i + 2, -1, Force::Last),
            "next" | "following" | "coming" => (i + 2, 1, Force::Next),
            _ => return,
        },
        _ => return,
    };
    // "this past week" = last week
    let (n, force) = if ctx.lw(i) == "this" && ctx.any(j, &["past", "last"]) {
        j += 1;
        (-1, Force::Last)
    } else if ctx.lw(i) == "this" && ctx.is(j, "coming") {
        j += 1;
        // "this coming weekend" is the next weekend to come: this week's.
        if ctx.is(j, "weekend") {
            (0, Force::This)
        } else {
            (1, Force::Next)
        }
    } else {
        (n, force)
    };
    let the = ctx.is(i, "the");
    let fiscal = ctx.is(j, "fiscal");
    if fiscal {
        j += 1;
    }
    if let Some((unit, plural, e)) = ctx.unit(j) {
        // ABC's "This Week", "Next Year in Jerusalem": a title, not a date.
        if ctx.cap(i) && ctx.titled(j) {
            return;
        }
        if plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return;
        }
        // "the next day" / "the previous day" are anaphoric; "the last quarter" is relative.
        if the && matches!(ctx.lw(i + 1), "next" | "previous" | "following") && unit != Unit::Quarter {
            return;
        }
        if the && ctx.lw(i + 1) == "past" && unit == Unit::Day {
            return;
        }
        // "the past decade", "the last century": a length of time.
        if n < 0 && matches!(unit, Unit::Decade | Unit::Century) && ctx.lw(i) != "last" {
            let v = Unres::Duration { n: Some(1.0), unit };
            out.push(Cand::new(i, e, TimexType::Duration, v, "relative/last-unit"));
            return;
        }
        let rule = match n {
            0 => "relative/this-unit",
            n if n < 0 => "relative/last-unit",
            _ => "relative/next-unit",
        };
        let unit = if unit == Unit::Weekend { Unit::Weekend } else { unit };
        out.push(Cand::new(i, e, D, Unres::Shift { unit, n }, rule));
        return;
    }
    if fiscal {
        return;
    }
    // "the previous Friday", "the following Monday": weekdays only.
    if the {
        if ctx.any(i + 1, &["previous", "following", "next", "preceding"]) {
            if let Some((d, e)) = ctx.weekday(j) {
                let v = Unres::AnaphorWeekday {
                    weekday: d,
                    n: if force == Force::Last { -1 } else { 1 },
                };
                out.push(Cand::new(i, e, D, v, "relative/named"));
            }
        }
        return;
    }
    if ctx.is(i, "current") || ctx.is(i, "past") || ctx.is(i, "previous") {
        return;
    }
    if let Some((base, e)) = named_at(ctx, j) {
        out.push(Cand::new(
            i,
            e,
            D,
            Unres::Named {
                base: Box::new(base),
                force,
            },
            "relative/named",
        ));
    }
}

/// "June last year", "March of next year", "May this year".
fn month_of_relative_year(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let Some((m, j)) = ctx.month(i) else { return };
    if !ctx.cap(i) {
        return;
    }
    let j = if ctx.is(j, "of") { j + 1 } else { j };
    let n = match ctx.lw(j) {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => return,
    };
    if !ctx.is(j + 1, "year") {
        return;
    }
    let v = Unres::MonthOfYear { month: m, years: n };
    out.push(Cand::new(i, j + 2, D, v, "relative/named"));
}

fn ago(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // "just hours ago", "months ago": a bare plural, like "a few hours ago".
    if let Some((_, true, k)) = ctx.unit(i) {
        if ctx.is(k, "ago") && !(i > 0 && ctx.amount(i - 1).is_some()) {
            out.push(Cand::new(i, k + 1, D, Unres::Fixed("PAST_REF".into()), "relative/ago"));
            return;
        }
    }
    let Some((amount, j)) = ctx.amount(i) else { return };
    let j = if ctx.is(j, "more") { j + 1 } else { j };
    let Some((unit, _, k)) = ctx.unit(j) else { return };
    let n = amount.map(|a| a.round() as i64);
    // "a week or so ago": the approximation stays inside the expression.
    let k = if or_so(ctx, k) { k + 2 } else { k };
    // "two weeks from now", "a year from today": ahead of the publication date.
    let (k, sign) = match ctx.lw(k) {
        "from" if ctx.any(k + 1, &["now", "today"]) => (k + 1, 1),
        "ago" => (k, -1),
        // Speech: "a few years back", "two years back, we ..." (not "two years back to ...",
        // "a week back home").
        "back"
            if !ctx.any(
                k + 1,
                &[
                    "to", "from", "into", "onto", "home", "up", "down", "in", "on", "off", "out",
                ],
            ) =>
        {
            (k, -1)
        }
        "earlier" | "before" => (k, -2),
        "later" | "after" | "hence" => (k, 2),
        _ => return,
    };
    // "before"/"after" need to end the phrase ("two days after the attack" is a duration).
    if matches!(ctx.lw(k), "before" | "after")
        && !ctx.punct(k + 1, ",")
        && !ctx.punct(k + 1, ".")
        && ctx.kind(k + 1).is_some()
    {
        return;
    }
    let Some(n) = n else {
        // "a few days ago": the grain is known, the amount is not.
        if sign == -1 {
            out.push(Cand::new(i, k + 1, D, Unres::Fixed("PAST_REF".into()), "relative/ago"));
        } else if sign == 1 {
            out.push(Cand::new(
                i,
                k + 1,
                D,
                Unres::Fixed("FUTURE_REF".into()),
                "relative/ago",
            ));
        }
        return;
    };
    if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
        return;
    }
    let (unit, n) = match unit {
        Unit::Decade => (Unit::Year, n * 10),
        Unit::Century => (Unit::Year, n * 100),
        u => (u, n),
    };
    if sign == -1 {
        out.push(Cand::new(i, k + 1, D, Unres::Shift { unit, n: -n }, "relative/ago"));
    } else if sign == 1 {
        out.push(Cand::new(i, k + 1, D, Unres::Shift { unit, n }, "relative/ago"));
    } else {
        let n = if sign < 0 { -n } else { n };
        out.push(Cand::new(i, k + 1, D, Unres::Anaphor { unit, n }, "relative/anaphor"));
    }
}

/// "or so" at token `i` ("a week or so ago", "the next year or so").
pub(crate) fn or_so(ctx: &Ctx, i: usize) -> bool {
    ctx.is(i, "or") && ctx.is(i + 1, "so")
}

fn anaphor(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // "the following day", "the next morning" is in time.rs; "that day", "the same day",
    // "the day before", "the year before".
    let (j, n) = match (ctx.lw(i), ctx.lw(i + 1)) {
        ("the", "following" | "next") => (i + 2, 1),
        ("the", "previous" | "preceding" | "prior") => (i + 2, -1),
        ("the", "same") => (i + 2, 0),
        ("that", "same") => (i + 2, 0),
        ("that", _) => (i + 1, 0),
        // "late in the day after a slump" is the day of the story, not the day after it.
        ("the", "day" | "year" | "week" | "month")
            if ctx.any(i + 2, &["before", "after", "earlier", "later"]) && !in_the_unit(ctx, i) =>
        {
            (i + 1, 0)
        }
        _ => return,
    };
    let Some((unit, plural, e)) = ctx.unit(j) else { return };
    // "sales peaked that quarter": the quarter last mentioned, as `the quarter`.
    if unit == Unit::Quarter && !plural && ctx.is(i, "that") {
        out.push(Cand::new(i, e, D, Unres::TheUnit { unit }, "relative/anaphor"));
        return;
    }
    if plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Quarter) {
        return;
    }
    // "the next decade", "the following century": a length of time.
    if matches!(unit, Unit::Decade | Unit::Century) && j == i + 2 && ctx.is(i, "the") {
        let v = Unres::Duration { n: Some(1.0), unit };
        out.push(Cand::new(i, e, TimexType::Duration, v, "relative/anaphor"));
        return;
    }
    // "that day" but not "that day's"... both fine; "that year" ok.
    let (n, e) = if n == 0 && ctx.any(e, &["before", "earlier"]) && ctx.is(i, "the") {
        (-1, e + 1)
    } else if n == 0 && ctx.any(e, &["after", "later"]) && ctx.is(i, "the") {
        (1, e + 1)
    } else {
        (n, e)
    };
    if n == 0 && ctx.is(i, "the") && !ctx.is(i + 1, "same") {
        return;
    }
    out.push(Cand::new(i, e, D, Unres::Anaphor { unit, n }, "relative/anaphor"));
}

/// "year-end", "year end", "the year's end": the end of the DCT's year.
fn year_end(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (start, j) = if ctx.is(i, "the") { (i, i + 1) } else { (i, i) };
    if !ctx.is(j, "year") {
        return;
    }
    let e = if ctx.hyphen(j + 1) && ctx.is(j + 2, "end") {
        j + 3
    } else if ctx.is(j + 1, "end") && !ctx.hyphen(j + 2) {
        j + 2
    } else if ctx.punct(j + 1, "'") && ctx.is(j + 2, "s") && ctx.is(j + 3, "end") {
        j + 4
    } else {
        return;
    };
    let start = if start != j && e == j + 4 { start } else { j };
    let mut c = Cand::new(
        start,
        e,
        D,
        Unres::Shift { unit: Unit::Year, n: 0 },
        "relative/this-unit",
    );
    c.modifier = Some("END");
    out.push(c);
}

fn the_unit(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // "year-ago", "year-earlier" adjectives, optionally inside "the year-ago quarter".
    let (start, j) = if ctx.is(i, "the") { (i, i + 1) } else { (i, i) };
    if ctx.is(j, "year") && ctx.hyphen(j + 1) && ctx.any(j + 2, &["ago", "earlier"]) {
        let mut e = j + 3;
        let mut s = j;
        if let Some((u, false, e2)) = ctx.unit(e) {
            if matches!(u, Unit::Quarter | Unit::Month | Unit::Week | Unit::Year) {
                e = e2;
                s = start;
            }
        } else if ctx.is(e, "period") && start != j {
            e += 1;
            s = start;
        }
        out.push(Cand::new(
            s,
            e,
            D,
            Unres::Anaphor {
                unit: Unit::Year,
                n: -1,
            },
            "relative/year-ago",
        ));
        return;
    }
    if start == j {
        return;
    }
    // "the quarter", "the latest quarter", "the week", "the weekend", "the latest period"
    let k = if ctx.any(j, &["latest", "recent", "full", "fiscal", "whole", "entire"]) {
        j + 1
    } else {
        j
    };
    let w = ctx.lw(k);
    let unit = match w {
        "quarter" => Unit::Quarter,
        "period" if ctx.is(j, "latest") => Unit::Quarter,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "day" => Unit::Day,
        _ => return,
    };
    if ctx.joined(k + 1) && (ctx.punct(k + 1, "-") || ctx.punct(k + 1, "'")) {
        return;
    }
    // "the day when", "the year of", "the week's" are not the anchor's unit.
    if ctx.any(k + 1, &["of", "when", "that", "in", "before", "after"]) && unit != Unit::Quarter && !in_the_unit(ctx, i)
    {
        return;
    }
    // "the day" alone only where it is the day of the story: "late in the day", "closed the
    // day higher".
    if unit == Unit::Day && k == j && !in_the_unit(ctx, i) && !(i > 0 && ctx.any(i - 1, SPAN_VERBS)) {
        return;
    }
    let full = ctx.any(j, &["full", "whole", "entire"]);
    // "the year ended Sept. 30" is a length of time; "for the year" is the year itself.
    let ended = ctx.any(k + 1, &["ended", "ending", "ends"]) && matches!(unit, Unit::Year | Unit::Month | Unit::Week);
    let during = i > 0 && ctx.any(i - 1, &["during", "over", "throughout", "through"]);
    if (full && unit != Unit::Year)
        || ended
        || (during && matches!(unit, Unit::Year | Unit::Month | Unit::Week) && !full)
    {
        let n = Unres::Duration { n: Some(1.0), unit };
        out.push(Cand::new(i, k + 1, TimexType::Duration, n, "relative/the-unit"));
        return;
    }
    out.push(Cand::new(i, k + 1, D, Unres::TheUnit { unit }, "relative/the-unit"));
}

/// `early|earlier|late|later in` before `the` at `i` ("later in the day", "early in the
/// year"): the unit of the story's time, with nothing after it that shifts it.
fn in_the_unit(ctx: &Ctx, i: usize) -> bool {
    i >= 2 && ctx.is(i - 1, "in") && ctx.any(i - 2, &["early", "earlier", "late", "later"])
}

/// Verbs whose object `the day`, `the week` is the span they close or open ("the index
/// closed the day higher", "ended the week down").
static SPAN_VERBS: &[&str] = &[
    "closed",
    "ended",
    "finished",
    "started",
    "began",
    "opened",
    "close",
    "end",
    "finish",
    "start",
    "begin",
    "open",
    "closes",
    "ends",
    "finishes",
    "starts",
    "begins",
    "opens",
    "closing",
    "ending",
    "finishing",
    "starting",
    "beginning",
    "opening",
];
