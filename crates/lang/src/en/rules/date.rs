//! Absolute and calendar dates.
//!
//! | rule                | example                          | unresolved                       |
//! |---------------------|----------------------------------|----------------------------------|
//! | `date/iso`          | `2014-12-17`                     | `Date{2014, 12, 17}`             |
//! | `time/iso-datetime` | `2014-12-17T10:00Z`              | `Time{Date{2014, 12, 17}, 10, 0}`|
//! | `date/mdy-slash`    | `12/17/14`                       | `Date{2014, 12, 17}`             |
//! | `date/dmy-dot`      | `17.12.2014`                     | `Date{2014, 12, 17}`             |
//! | `date/month-day`    | `Dec. 17, 2014`, `December 17th` | `Date{_, 12, 17}`                |
//! | `date/day-month`    | `17 December`                    | `Date{_, 12, 17}`                |
//! | `date/month-year`   | `July 1997`                      | `Date{1997, 7, _}`               |
//! | `date/month`        | `December`                       | `Date{_, 12, _}`                 |
//! | `date/year`         | `1998`, `post-1998`              | `Fixed("1998")`                  |
//! | `date/year-range`   | `99` in `1998-99`                | `Fixed("1999")`                  |
//! | `date/year-words`   | `nineteen ninety-six`            | `Fixed("1996")`                  |
//! | `date/decade`       | `the 1990s`, `'90s`              | `Fixed("199")`                   |
//! | `date/century`      | `the 20th century`               | `Fixed("19")`                    |
//! | `date/fiscal-year`  | `fiscal 1999`                    | `Fixed("1999")`                  |
//! | `date/quarter`      | `the third quarter`, `Q3`        | `Quarter{3, _}`                  |
//! | `date/half`         | `the first half of 1998`         | `Half{1, 1998}`                  |
//! | `date/season`       | `the summer of 1998`             | `Season{Summer, 1998}`           |
//! | `date/weekday`      | `Friday`, `Wednesday, Dec. 17`   | `Weekday(4)`                     |
//! | `date/week-of-month`| `the first week of December`     | `WeekOfMonth{1, Date{_, 12, _}}` |
//!
//! # Grammar
//!
//! Numeric dates must be glued (`12/17/14`, no spaces) and must not continue with `-word`
//! or another digit group (`9/11-style`, `1-800-555`). A month/day without a year is never
//! read from slashes (`3/4 cup`). An ISO date and time whose time cannot be (`T25:00`,
//! `T10:61`) is the date alone, unless a word such as `version` or `model` makes it a label.

use super::{lookup, Cand, Ctx, Season, Unres};
use crate::lang::engine::TimexType;
use crate::text::TokenKind;

const D: TimexType = TimexType::Date;

pub fn rules(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    numeric(ctx, i, out);
    named(ctx, i, out);
    year(ctx, i, out);
    quarter(ctx, i, out);
    season(ctx, i, out);
    weekday(ctx, i, out);
    day_of_month(ctx, i, out);
    week_of_month(ctx, i, out);
}

/// "the first week of December", "the last week of June 2013": a week of a named month.
fn week_of_month(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    if !ctx.is(i, "the") {
        return;
    }
    let nth = match ctx.lw(i + 1) {
        "last" | "final" => 0,
        _ => match ctx.ordinal(i + 1) {
            Some((n, e)) if e == i + 2 && (1..=4).contains(&n) => n,
            _ => return,
        },
    };
    if !(ctx.is(i + 2, "week") && ctx.is(i + 3, "of")) {
        return;
    }
    let Some((m, j)) = ctx.month(i + 4) else { return };
    if !ctx.cap(i + 4) {
        return;
    }
    let (year, e) = match year_at(ctx, j) {
        Some((y, e)) => (Some(y), e),
        None => (None, j),
    };
    let month = Box::new(Unres::Date {
        year,
        month: m,
        day: None,
    });
    out.push(Cand::new(
        i,
        e,
        D,
        Unres::WeekOfMonth { nth, month },
        "date/week-of-month",
    ));
}

/// "on the 25th", "by the 3rd", "Monday the 15th": a day of the month after a preposition
/// or a weekday, with nothing after it that makes the ordinal something else ("the 25th
/// anniversary", "the 11th Circuit", "the 20th century"; "the 25th of December" is a month
/// and day). A word may follow only when it cannot be the ordinal's noun ([`AFTER_DAY`]):
/// "by the 17th it was everywhere".
fn day_of_month(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // "Monday the 15th", "Monday, the 15th": the weekday is part of the expression.
    let (start, the) = match ctx.weekday(i) {
        Some((_, j)) if ctx.cap(i) => (i, if ctx.punct(j, ",") { j + 1 } else { j }),
        _ => (i, i),
    };
    let after_prep = the == i
        && i > 0
        && ctx.any(
            i - 1,
            &[
                "on", "by", "until", "till", "before", "after", "since", "from", "through",
            ],
        );
    if !ctx.is(the, "the") || !(after_prep || the > i) {
        return;
    }
    // Digits only: "the first", "the third" are too often something else.
    if !ctx.is_num(the + 1) {
        return;
    }
    let Some((day, e)) = ctx.ordinal(the + 1) else { return };
    if !(1..=31).contains(&day) || ctx.is_word(e) && !ctx.any(e, AFTER_DAY) || ctx.is_num(e) || ctx.hyphen(e) {
        return;
    }
    out.push(Cand::new(start, e, D, Unres::DayOfMonth(day), "date/day-of-month"));
}

/// Words that can follow a day of the month but never be the noun an ordinal modifies
/// (pronouns, conjunctions, auxiliaries, articles, some prepositions).
static AFTER_DAY: &[&str] = &[
    "i", "we", "you", "he", "she", "it", "they", "there", "and", "or", "but", "when", "while", "as", "if", "then",
    "so", "because", "was", "were", "is", "are", "will", "would", "had", "has", "have", "the", "a", "an", "at", "in",
    "to", "with", "for", "this", "his", "her", "their", "our", "its", "my",
];

/// Year from 2 or 4 digits (two-digit years: 19YY for YY ≥ 50, else 20YY).
fn expand_year(n: u32, digits: usize) -> Option<i32> {
    let n = i32::try_from(n).ok()?;
    match digits {
        2 if n >= 50 => Some(1900 + n),
        2 => Some(2000 + n),
        4 => Some(n),
        _ => None,
    }
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(y, m, d).is_some()
}

/// The expression continues into something that is not a date (`-style`, `-555`, `/3`).
fn continues(ctx: &Ctx, j: usize) -> bool {
    ctx.joined(j)
        && (ctx.punct(j, "-") || ctx.punct(j, "/") || ctx.punct(j, "."))
        && ctx.joined(j + 1)
        && (ctx.is_num(j + 1) || ctx.is_word(j + 1))
        || ctx.joined(j) && (ctx.is_num(j) || ctx.is_word(j))
}

/// The time part of an ISO 8601 date and time, read from its `T` on.
struct IsoTime {
    hour: u32,
    minute: u32,
    /// Every field in range: hour ≤ 23, minute ≤ 59, second ≤ 60, zone hours ≤ 14
    /// (`T25:00` is written like a time but is none).
    possible: bool,
    zone: Option<super::Zone>,
    /// The token after it.
    end: usize,
}

/// The time part of an ISO 8601 date and time from token `j` (`T10:00`, `T10:00:30.5Z`,
/// `T23:59+01:00`), all joined, two digits to each field. Nothing may follow it joined.
fn iso_time(ctx: &Ctx, j: usize) -> Option<IsoTime> {
    let joined = |k: usize| ctx.joined(k);
    if !(joined(j) && ctx.is(j, "t") && joined(j + 1) && joined(j + 2) && joined(j + 3) && ctx.punct(j + 2, ":")) {
        return None;
    }
    let (Some((hour, 2)), Some((minute, 2))) = (ctx.num(j + 1), ctx.num(j + 3)) else {
        return None;
    };
    let mut possible = hour <= 23 && minute <= 59;
    let mut e = j + 4;
    // Seconds and a fraction.
    if joined(e) && ctx.punct(e, ":") && joined(e + 1) {
        if let Some((second, 2)) = ctx.num(e + 1) {
            possible &= second <= 60;
            e += 2;
            if joined(e) && ctx.punct(e, ".") && joined(e + 1) && ctx.is_num(e + 1) {
                e += 2;
            }
        }
    }
    // The zone: `Z` or an offset `+01:00`, `-0500`.
    let mut zone = None;
    if joined(e) && ctx.is(e, "z") {
        zone = Some(super::Zone::Fixed(0));
        e += 1;
    } else if joined(e) && (ctx.punct(e, "+") || ctx.punct(e, "-")) && joined(e + 1) {
        let sign = if ctx.punct(e, "-") { -1 } else { 1 };
        match ctx.num(e + 1) {
            Some((h, 2)) => {
                possible &= h <= 14;
                e += 2;
                let mut m = 0;
                if joined(e) && ctx.punct(e, ":") && joined(e + 1) {
                    if let Some((mm, 2)) = ctx.num(e + 1) {
                        m = mm;
                        e += 2;
                    }
                }
                zone = Some(super::Zone::Fixed(sign * (h as i32 * 60 + m as i32)));
            }
            Some((hm, 4)) => {
                zone = Some(super::Zone::Fixed(sign * ((hm / 100) as i32 * 60 + (hm % 100) as i32)));
                e += 2
            }
            _ => return None,
        }
    }
    if continues(ctx, e) {
        return None;
    }
    Some(IsoTime {
        hour,
        minute,
        possible,
        zone,
        end: e,
    })
}

/// Words after which a number is a label, not a date: `version 1998`, `flight 2014`.
static NUMBER_LABELS: &[&str] = &[
    "no",
    "russell",
    "wilshire",
    "nos",
    "number",
    "flight",
    "route",
    "room",
    "model",
    "version",
    "windows",
    "office",
    "highway",
    "log",
    "ref",
    "reference",
    "page",
    "extension",
    "ext",
    "gate",
    "platform",
    "bus",
    "channel",
    "pin",
    "exhibit",
    "item",
    "badge",
    "serial",
    "apartment",
    "suite",
    "precinct",
];

fn numeric(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let Some((a, la)) = ctx.num(i) else { return };
    if i > 0 && ctx.joined(i) && (ctx.is_num(i - 1) || ctx.punct(i - 1, "/") || ctx.punct(i - 1, "$")) {
        return;
    }
    let sep = ctx.raw(i + 1);
    if !(ctx.joined(i + 1) && ctx.joined(i + 2) && ctx.joined(i + 3) && ctx.joined(i + 4)) {
        return;
    }
    if ctx.raw(i + 3) != sep {
        return;
    }
    let (Some((b, lb)), Some((c, lc))) = (ctx.num(i + 2), ctx.num(i + 4)) else {
        return;
    };
    // "2014-12-17T10:00Z", "2014-12-17T10:00:30+01:00": an ISO 8601 date and time.
    if sep == "-" && la == 4 && lb == 2 && lc == 2 && valid(a as i32, b, c) {
        if let Some(t) = iso_time(ctx, i + 5) {
            let day = Unres::Date {
                year: Some(a as i32),
                month: b,
                day: Some(c),
            };
            if t.possible {
                let v = Unres::Time {
                    day: Some(Box::new(day)),
                    hour: t.hour,
                    minute: t.minute,
                    zone: t.zone,
                };
                out.push(Cand::new(i, t.end, TimexType::Time, v, "time/iso-datetime"));
            } else if !(i > 0 && ctx.any(i - 1, NUMBER_LABELS)) {
                // "2014-12-17T25:00": no such time, but the date is a date ("version
                // 2014-12-17T99:00" is a version).
                out.push(Cand::new(i, i + 5, D, day, "date/iso"));
            }
            return;
        }
    }
    if continues(ctx, i + 5) {
        return;
    }
    match sep {
        "-" if la == 4 && lb == 2 && lc == 2 => {
            let y = a as i32;
            if valid(y, b, c) {
                out.push(Cand::new(
                    i,
                    i + 5,
                    D,
                    Unres::Date {
                        year: Some(y),
                        month: b,
                        day: Some(c),
                    },
                    "date/iso",
                ));
            }
        }
        "/" if la <= 2 && lb <= 2 && (lc == 2 || lc == 4) => {
            if let Some(y) = expand_year(c, lc) {
                if valid(y, a, b) {
                    let v = Unres::Date {
                        year: Some(y),
                        month: a,
                        day: Some(b),
                    };
                    out.push(Cand::new(i, i + 5, D, v, "date/mdy-slash"));
                }
            }
        }
        "." if la <= 2 && lb <= 2 && lc == 4 => {
            let y = c as i32;
            if valid(y, b, a) {
                let v = Unres::Date {
                    year: Some(y),
                    month: b,
                    day: Some(a),
                };
                out.push(Cand::new(i, i + 5, D, v, "date/dmy-dot"));
            }
        }
        _ => {}
    }
}

/// A day of month at `j` (`17`, `17th`, `seventeenth`), not part of a larger number or time.
pub(super) fn day_at(ctx: &Ctx, j: usize) -> Option<(u32, usize)> {
    if let Some((d, k)) = ctx.ordinal(j) {
        return (1..=31).contains(&d).then_some((d, k));
    }
    let (d, len) = ctx.lone_num(j)?;
    if len > 2 || !(1..=31).contains(&d) {
        return None;
    }
    // "May 5:30", "Dec. 17-18" is still a date.
    if ctx.punct(j + 1, ":") && ctx.joined(j + 1) && ctx.joined(j + 2) && ctx.is_num(j + 2) {
        return None;
    }
    Some((d, j + 1))
}

/// A four-digit year at `j` (optionally after a comma), 1000..=2099.
pub(super) fn year_at(ctx: &Ctx, j: usize) -> Option<(i32, usize)> {
    let j = if ctx.punct(j, ",") { j + 1 } else { j };
    if let Some(y) = spoken_year(ctx, j) {
        return Some(y);
    }
    let (y, len) = ctx.lone_num(j)?;
    if len != 4 || !(1000..=2099).contains(&y) {
        return None;
    }
    Some((y as i32, j + 1))
}

/// A year in words at `j` (transcripts): `nineteen ninety-four`, `two thousand`,
/// `two thousand one`.
fn spoken_year(ctx: &Ctx, j: usize) -> Option<(i32, usize)> {
    if ctx.is(j, "nineteen") {
        let (n, e) = ctx.number_word(j + 1)?;
        return (10..=99).contains(&n).then_some((1900 + n as i32, e));
    }
    if ctx.is(j, "two") && ctx.is(j + 1, "thousand") {
        let k = if ctx.is(j + 2, "and") { j + 3 } else { j + 2 };
        return match ctx.number_word(k) {
            Some((n, e)) if n < 100 => Some((2000 + n as i32, e)),
            _ => Some((2000, j + 2)),
        };
    }
    None
}

/// Words before a bare month that show it is a date ("in May", "since March").
static MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "during",
    "from",
    "to",
    "through",
    "before",
    "after",
    "between",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "each",
    "every",
    "and",
    "or",
    "until",
    "throughout",
    "around",
    "about",
    "starting",
    "beginning",
    "ending",
    "on",
    "for",
    "-",
];

fn named(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // Month first.
    if let Some((m, j)) = ctx.month(i) {
        let ambiguous = matches!(ctx.lw(i), "may" | "march" | "jan" | "mar" | "sun");
        if let Some((d, k)) = day_at(ctx, j) {
            // "Dec. 17, 2014", "December 17th 2014"
            let (year, end) = match year_at(ctx, k) {
                Some((y, e)) => (Some(y), e),
                None => (None, k),
            };
            if (ctx.cap(i) || !ambiguous) && year.is_none_or(|y| valid(y, m, d)) {
                out.push(Cand::new(
                    i,
                    end,
                    D,
                    Unres::Date {
                        year,
                        month: m,
                        day: Some(d),
                    },
                    "date/month-day",
                ));
            }
        }
        let jy = if ctx.is(j, "of") { j + 1 } else { j };
        if let Some((y, e)) = year_at(ctx, jy) {
            if ctx.cap(i) {
                out.push(Cand::new(
                    i,
                    e,
                    D,
                    Unres::Date {
                        year: Some(y),
                        month: m,
                        day: None,
                    },
                    "date/month-year",
                ));
            }
        }
        // A bare month: capitalised, and for ambiguous words ("May", "March") after a cue.
        let cue = i > 0 && (MONTH_CUES.contains(&ctx.lw(i - 1)) || ctx.punct(i - 1, "-"));
        let full = ctx.month_full(i).is_some();
        if ctx.cap(i)
            && full
            && (!ambiguous || cue)
            && !(ctx.cap(i + 1) && ctx.is_word(i + 1) && ctx.month(i + 1).is_none() && !cue)
        {
            let month = Unres::Date {
                year: None,
                month: m,
                day: None,
            };
            // Speech: "Back in March, ...", "way back in May" is the last such month before
            // the DCT, whatever the verbs ("will come back in March" is a verb's particle).
            let back = i > 1
                && ctx.is(i - 1, "in")
                && ctx.is(i - 2, "back")
                && (i == 2 || ctx.kind(i - 3) == Some(TokenKind::Punct) || ctx.is(i - 3, "way"));
            out.push(Cand::new(
                i,
                j,
                D,
                if back {
                    Unres::Named {
                        base: Box::new(month),
                        force: super::Force::Last,
                    }
                } else {
                    month
                },
                "date/month",
            ));
        }
    }
    // Day first: "17 December", "the 17th of December".
    let (i0, j0) = if ctx.is(i, "the") { (i, i + 1) } else { (i, i) };
    if let Some((d, k)) = day_at(ctx, j0) {
        let k2 = if ctx.is(k, "of") { k + 1 } else { k };
        if i0 != j0 && k2 == k {
            return;
        }
        if let Some((m, e)) = ctx.month(k2) {
            // "3 Mar 25", "3 Mar 2025": an abbreviation without its dot, before a year.
            if ctx.cap(k2) && ctx.month_full(k2).is_none() && !ctx.punct(e - 1, ".") && year_at(ctx, e).is_none() {
                if let Some((y, 2)) = ctx
                    .num(e)
                    .filter(|_| !ctx.joined(e + 1) || !ctx.is_word(e + 1) && !ctx.is_num(e + 1))
                {
                    let y = expand_year(y, 2).unwrap_or(2000);
                    if valid(y, m, d) && !ctx.is_word(e + 1) {
                        let v = Unres::Date {
                            year: Some(y),
                            month: m,
                            day: Some(d),
                        };
                        out.push(Cand::new(i0, e + 1, D, v, "date/day-month"));
                    }
                }
            }
            if ctx.cap(k2) && ctx.month_full(k2).is_some()
                || ctx.punct(e - 1, ".")
                || year_at(ctx, e).is_some() && ctx.cap(k2)
            {
                let (year, end) = match year_at(ctx, e) {
                    Some((y, e2)) => (Some(y), e2),
                    None => (None, e),
                };
                if year.is_none_or(|y| valid(y, m, d)) {
                    out.push(Cand::new(
                        i0,
                        end,
                        D,
                        Unres::Date {
                            year,
                            month: m,
                            day: Some(d),
                        },
                        "date/day-month",
                    ));
                }
            }
        }
    }
}

static YEAR_STOP_AFTER: &[&str] = &[
    "%",
    "percent",
    "people",
    "persons",
    "men",
    "women",
    "troops",
    "soldiers",
    "jobs",
    "shares",
    "miles",
    "feet",
    "acres",
    "tons",
    "barrels",
    "cars",
    "units",
    "employees",
    "workers",
    "dollars",
    "points",
    "votes",
    "students",
    "children",
    "homes",
    "members",
    "copies",
    "pounds",
    "kilometers",
    "meters",
    "yards",
    "metres",
    "square",
    "am",
    "pm",
    "hours",
    "hrs",
    "gmt",
    "cc",
    "mhz",
    "km",
];

fn year(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // Spoken years: "nineteen ninety-six", "the year two thousand".
    if ctx.is(i, "nineteen") {
        if let Some((n, j)) = ctx.number_word(i + 1) {
            if (10..=99).contains(&n) {
                out.push(Cand::new(i, j, D, Unres::Fixed(format!("19{n:02}")), "date/year-words"));
            }
        }
    }
    if ctx.is(i, "the") && ctx.is(i + 1, "year") && ctx.is(i + 2, "two") && ctx.is(i + 3, "thousand") {
        let (v, j) = match ctx.number_word(i + 4) {
            Some((n, j)) if n < 100 => (2000 + n, j),
            _ => (2000, i + 4),
        };
        out.push(Cand::new(i, j, D, Unres::Fixed(v.to_string()), "date/year-words"));
    }
    // "in two thousand fourteen", "since twenty twelve" (transcripts): after a preposition,
    // with no word after it that the number could count ("in two thousand fourteen cases").
    if i > 0
        && ctx.any(
            i - 1,
            &["in", "since", "until", "till", "by", "during", "before", "after"],
        )
    {
        let spoken = if ctx.is(i, "twenty") && !ctx.hyphen(i + 1) {
            ctx.number_word(i + 1)
                .filter(|&(n, _)| (10..=99).contains(&n))
                .map(|(n, e)| (2000 + n as i32, e))
        } else if ctx.is(i, "two") && ctx.is(i + 1, "thousand") {
            spoken_year(ctx, i).filter(|&(_, e)| e > i + 2)
        } else {
            None
        };
        if let Some((y, e)) = spoken {
            if (!ctx.is_word(e) || ctx.any(e, AFTER_DAY)) && !ctx.hyphen(e) && !ctx.is_num(e) {
                out.push(Cand::new(i, e, D, Unres::Fixed(y.to_string()), "date/year-words"));
            }
        }
    }
    // Fiscal years: "fiscal 1999", "fiscal year 1999", "FY1999", "FY99".
    if ctx.is(i, "fiscal") {
        let j = if ctx.is(i + 1, "year") { i + 2 } else { i + 1 };
        if let Some((y, e)) = year_at(ctx, j) {
            out.push(Cand::new(i, e, D, Unres::Fixed(y.to_string()), "date/fiscal-year"));
        }
    }
    if ctx.is(i, "fy") {
        let j = if ctx.joined(i + 1) && (ctx.punct(i + 1, "-") || ctx.punct(i + 1, "'")) {
            i + 2
        } else {
            i + 1
        };
        if let Some((n, len)) = ctx.num(j) {
            if let Some(y) = expand_year(n, len) {
                out.push(Cand::new(i, j + 1, D, Unres::Fixed(y.to_string()), "date/fiscal-year"));
            }
        }
    }
    // Decades: "1990s", "the 1990s", "1990's", "'90s", "the nineties"; also tokenised as
    // TimeBank writes it, "the late 1980 's" (a space before the apostrophe).
    let (start, j) = if ctx.is(i, "the") { (i, i + 1) } else { (i, i) };
    if let Some((n, len)) = ctx.num(j) {
        let plain = ctx.joined(j + 1) && ctx.is(j + 1, "s");
        let apostrophe = (ctx.punct(j + 1, "'") || ctx.punct(j + 1, "’")) && ctx.is(j + 2, "s") && ctx.joined(j + 2);
        if len == 4 && n % 10 == 0 && (plain || apostrophe) {
            let e = if plain { j + 2 } else { j + 3 };
            let v = if n % 100 == 0 && start != j {
                format!("{}", n / 100)
            } else {
                format!("{}", n / 10)
            };
            out.push(Cand::new(start, e, D, Unres::Fixed(v), "date/decade"));
        }
    }
    if (ctx.punct(j, "'") || ctx.punct(j, "’")) && ctx.joined(j + 1) {
        if let Some((n, 2)) = ctx.num(j + 1) {
            if n % 10 == 0 && ctx.is(j + 2, "s") && ctx.joined(j + 2) {
                let y = expand_year(n, 2).unwrap_or(1900);
                out.push(Cand::new(
                    start,
                    j + 3,
                    D,
                    Unres::Fixed(format!("{}", y / 10)),
                    "date/decade",
                ));
            }
        }
    }
    // "the 70s", "built in 70s Britain": two digits and `s` (not an age, "in his 70s", nor a
    // temperature, "highs in the 70s").
    if let Some((n, 2)) = ctx.num(j) {
        let age = i > 0 && ctx.any(i - 1, &["his", "her", "their", "my", "your", "our", "its", "whose"]);
        let heat = (i.saturating_sub(6)..i).any(|k| {
            ctx.any(
                k,
                &[
                    "temperature",
                    "temperatures",
                    "high",
                    "highs",
                    "low",
                    "lows",
                    "degrees",
                    "aged",
                    "age",
                    "ages",
                ],
            )
        });
        if n % 10 == 0
            && ctx.joined(j + 1)
            && ctx.is(j + 1, "s")
            && !(ctx.joined(j + 2) && (ctx.is_word(j + 2) || ctx.is_num(j + 2) || ctx.punct(j + 2, "-")))
            && !age
            && !heat
        {
            let y = expand_year(n, 2).unwrap_or(1900);
            out.push(Cand::new(
                start,
                j + 2,
                D,
                Unres::Fixed(format!("{}", y / 10)),
                "date/decade",
            ));
        }
    }
    // "since '82", "the class of '09": a year with its century left out.
    if (ctx.punct(j, "'") || ctx.punct(j, "\u{2019}")) && ctx.joined(j + 1) && start == j {
        if let Some((n, 2)) = ctx.num(j + 1) {
            let free = !(ctx.is_word(j + 2) || ctx.is_num(j + 2) || ctx.joined(j + 2) && ctx.punct(j + 2, "-"))
                || ctx.any(j + 2, &["and", "or", "to", "when", "until"]);
            let before = j > 0
                && ctx.any(
                    j - 1,
                    &[
                        "since", "in", "of", "until", "by", "from", "before", "after", "spring", "summer", "fall",
                        "autumn", "winter",
                    ],
                );
            if free && before {
                let y = expand_year(n, 2).unwrap_or(1900);
                out.push(Cand::new(j, j + 2, D, Unres::Fixed(y.to_string()), "date/year"));
            }
        }
    }
    static DECADE_WORDS: &[(&str, u32)] = &[
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ];
    // Centuries: "the 20th century", "the nineteenth century", "20th century".
    if let Some((n, k)) = ctx.ordinal(j) {
        if ctx.is(k, "century") && (1..=30).contains(&n) && !ctx.hyphen(k + 1) {
            out.push(Cand::new(
                start,
                k + 1,
                D,
                Unres::Fixed(format!("{:02}", n - 1)),
                "date/century",
            ));
        }
    }
    if start != j {
        if let Some(d) = lookup(DECADE_WORDS, ctx.lw(j)) {
            out.push(Cand::new(
                start,
                j + 1,
                D,
                Unres::Fixed(format!("19{d}")),
                "date/decade",
            ));
        }
    }
    // Plain years.
    let Some((y, len)) = ctx.num(i) else { return };
    // "Feb. 20-25": the last day of a range of days, in the first day's month.
    if len <= 2 && i >= 3 && ctx.joined(i) && (ctx.punct(i - 1, "-") || ctx.punct(i - 1, "–")) && ctx.joined(i - 1) {
        if let Some((d0, l0)) = ctx.num(i - 2) {
            let month = (i.saturating_sub(4)..i - 2).find_map(|k| ctx.month(k).filter(|&(_, e)| e == i - 2));
            if let Some((m, _)) = month {
                if l0 <= 2 && d0 < y && y <= 31 && !continues(ctx, i + 1) {
                    let (year, e) = match year_at(ctx, i + 1) {
                        Some((yr, e)) => (Some(yr), e),
                        None => (None, i + 1),
                    };
                    let v = Unres::Date {
                        year,
                        month: m,
                        day: Some(y),
                    };
                    out.push(Cand::new(i, e, D, v, "date/month-day"));
                    return;
                }
            }
        }
    }
    if len == 2 && i >= 2 && ctx.joined(i) && (ctx.punct(i - 1, "-") || ctx.punct(i - 1, "–") || ctx.punct(i - 1, "/"))
    {
        // "1998-99": the second year of a range.
        if let Some((y0, 4)) = ctx.num(i - 2) {
            let full = (y0 / 100) * 100 + y;
            if (1000..=2099).contains(&y0) && full > y0 && full - y0 < 10 && !continues(ctx, i + 1) {
                out.push(Cand::new(
                    i,
                    i + 1,
                    D,
                    Unres::Fixed(full.to_string()),
                    "date/year-range",
                ));
            }
        }
        return;
    }
    if len != 4 || !(1000..=2099).contains(&y) {
        return;
    }
    let range_second = i >= 2
        && ctx.joined(i)
        && (ctx.punct(i - 1, "-") || ctx.punct(i - 1, "–"))
        && ctx.num(i - 2).is_some_and(|(y0, l)| l == 4 && y0 < y);
    if range_second {
        if !continues(ctx, i + 1) {
            out.push(Cand::new(i, i + 1, D, Unres::Fixed(y.to_string()), "date/year-range"));
        }
        return;
    }
    // "post-1998", "pre-1990"
    let (start, modifier) =
        if i >= 2 && ctx.joined(i) && ctx.punct(i - 1, "-") && ctx.any(i - 2, &["post", "pre", "mid", "end"]) {
            let m = match ctx.lw(i - 2) {
                "post" => "AFTER",
                "pre" => "BEFORE",
                "end" => "END",
                _ => "MID",
            };
            (i - 2, Some(m))
        } else {
            (i, None)
        };
    if ctx.lone_num(i).is_none() && start == i {
        // A range "1998-2000" keeps its first year; anything else glued is a number.
        // British "2014/15" (a season or financial year) too.
        let range_first = (ctx.punct(i + 1, "-") || ctx.punct(i + 1, "/"))
            && ctx.joined(i + 1)
            && ctx.num(i + 2).is_some_and(|(_, l)| l == 4 || l == 2);
        if !range_first {
            return;
        }
    }
    // "No. 1998"
    if i > 1 && ctx.punct(i - 1, ".") && ctx.any(i - 2, &["no", "nos"]) {
        return;
    }
    if i > 0 && (ctx.punct(i - 1, "$") || ctx.punct(i - 1, "#") || ctx.any(i - 1, NUMBER_LABELS)) {
        return;
    }
    let next = ctx.lw(i + 1);
    if YEAR_STOP_AFTER.contains(&next) || ctx.punct(i + 1, ":") && ctx.is_num(i + 2) {
        return;
    }
    if ctx.joined(i + 1) && ctx.is_word(i + 1) {
        return;
    }
    if ctx.joined(i + 1)
        && ctx.punct(i + 1, "-")
        && ctx.is_num(i + 2)
        && ctx.num(i + 2).is_some_and(|(_, l)| l != 4 && l != 2)
    {
        return;
    }
    let mut c = Cand::new(start, i + 1, D, Unres::Fixed(y.to_string()), "date/year");
    c.modifier = modifier;
    out.push(c);
}

fn quarter(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // "Q3", "Q3 2014", "3Q"
    if ctx.is(i, "q") && ctx.joined(i + 1) {
        if let Some((q, 1)) = ctx.num(i + 1) {
            if (1..=4).contains(&q) && !ctx.joined(i + 2) {
                let (year, e) = match year_at(ctx, i + 2) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, i + 2),
                };
                out.push(Cand::new(i, e, D, Unres::Quarter { q, year }, "date/quarter"));
            }
        }
    }
    // "H1 2023", "H2 2024": a half, only with its year ("H1 visa", "H1N1" are not dates).
    if ctx.is(i, "h") && ctx.joined(i + 1) {
        if let Some((h, 1)) = ctx.num(i + 1) {
            if (1..=2).contains(&h) && !ctx.joined(i + 2) {
                if let Some((y, e)) = year_at(ctx, i + 2) {
                    out.push(Cand::new(i, e, D, Unres::Half { h, year: Some(y) }, "date/half"));
                }
            }
        }
    }
    // "[the] [fiscal] third[-]quarter [of [fiscal] 1998]", "this year's third quarter"
    let mut j = i;
    let mut year = None;
    let mut this_year = None;
    if ctx.is(j, "the") {
        j += 1;
        // "the 1988 quarter", "the 1989 period", "the 1988 second quarter"
        if let Some((y, 4)) = ctx.num(j) {
            if (1000..=2099).contains(&y) {
                if ctx.any(j + 1, &["quarter", "period"]) {
                    out.push(Cand::new(
                        i,
                        j + 2,
                        D,
                        Unres::FiscalPeriod { year: y as i32 },
                        "date/quarter",
                    ));
                    return;
                }
                if ctx.ordinal(j + 1).is_some() {
                    year = Some(y as i32);
                    j += 1;
                }
            }
        }
    } else if ctx.any(j, &["this", "last", "next"])
        && ctx.is(j + 1, "year")
        && ctx.punct(j + 2, "'")
        && ctx.is(j + 3, "s")
    {
        this_year = Some(match ctx.lw(j) {
            "this" => 0,
            "last" => -1,
            _ => 1,
        });
        j += 4;
    } else if let Some((y, 4)) = ctx.num(j) {
        if ctx.punct(j + 1, "'") && ctx.is(j + 2, "s") && (1000..=2099).contains(&y) {
            year = Some(y as i32);
            j += 3;
        }
    }
    if ctx.is(j, "fiscal") {
        j += 1;
    }
    // "the last half of 1989", "the latter quarter of the year": the final one.
    let last = ctx.is(i, "the")
        && ctx.any(j, &["last", "latter"])
        && ctx.any(j + 1, &["half", "quarter"])
        && ctx.is(j + 2, "of");
    let (n, k) = match ctx.ordinal(j) {
        Some(x) => x,
        None if last => (if ctx.is(j + 1, "half") { 2 } else { 4 }, j + 1),
        None => return,
    };
    let adjective = ctx.hyphen(k);
    let k = if adjective { k + 1 } else { k };
    // "the third-quarter results": the article belongs to the noun, not to the date.
    let i = if adjective && ctx.is(i, "the") && this_year.is_none() && year.is_none() {
        i + 1
    } else {
        i
    };
    let is_q = ctx.is(k, "quarter");
    let is_h = ctx.is(k, "half");
    if !(is_q && (1..=4).contains(&n) || is_h && (1..=2).contains(&n)) {
        return;
    }
    let mut e = k + 1;
    // "the second quarter of last year": one expression, last year's second quarter.
    if year.is_none()
        && this_year.is_none()
        && ctx.is(e, "of")
        && ctx.any(e + 1, &["this", "last", "next"])
        && ctx.is(e + 2, "year")
    {
        this_year = Some(match ctx.lw(e + 1) {
            "this" => 0,
            "last" => -1,
            _ => 1,
        });
        e += 3;
    }
    if year.is_none() && this_year.is_none() && ctx.is(e, "of") {
        let f = if ctx.is(e + 1, "fiscal") { e + 2 } else { e + 1 };
        let f = if ctx.is(f, "year") { f + 1 } else { f };
        if let Some((y, e2)) = year_at(ctx, f) {
            year = Some(y);
            e = e2;
        }
    } else if year.is_none() {
        if let Some((y, e2)) = year_at(ctx, e) {
            if !ctx.punct(e, ",") {
                year = Some(y);
                e = e2;
            }
        }
    }
    let val = match (is_q, this_year) {
        (true, None) => Unres::Quarter { q: n, year },
        (false, None) => Unres::Half { h: n, year },
        (true, Some(off)) => Unres::Named {
            base: Box::new(Unres::Quarter { q: n, year: None }),
            force: force_of(off),
        },
        (false, Some(off)) => Unres::Named {
            base: Box::new(Unres::Half { h: n, year: None }),
            force: force_of(off),
        },
    };
    out.push(Cand::new(i, e, D, val, if is_q { "date/quarter" } else { "date/half" }));
}

/// "this year's" (0), "last year's" (−1), "next year's" (+1) as a forced year.
fn force_of(off: i32) -> super::Force {
    match off {
        0 => super::Force::This,
        o if o < 0 => super::Force::Last,
        _ => super::Force::Next,
    }
}

/// A season word at `i`.
pub fn season_at(ctx: &Ctx, i: usize) -> Option<Season> {
    Some(match ctx.lw(i) {
        "spring" | "springtime" => Season::Spring,
        "summer" | "summertime" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" | "wintertime" => Season::Winter,
        _ => return None,
    })
}

fn season(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (start, j) = if ctx.is(i, "the") { (i, i + 1) } else { (i, i) };
    let Some(s) = season_at(ctx, j) else { return };
    let k = if ctx.is(j + 1, "of") { j + 2 } else { j + 1 };
    if let Some((y, e)) = year_at(ctx, k) {
        out.push(Cand::new(
            start,
            e,
            D,
            Unres::Season {
                season: s,
                year: Some(y),
            },
            "date/season",
        ));
        return;
    }
    // A bare season needs a cue: "the summer", "in summer", "during the winter".
    let cue = start != j
        || (i > 0
            && ctx.any(
                i - 1,
                &[
                    "in", "during", "since", "until", "by", "through", "over", "this", "that", "early", "late", "mid",
                ],
            ));
    // "fall" is too often the noun or verb ("autumn" is not): only "the fall" after a
    // preposition, and not "the fall of Rome", "the fall in prices", "injured in the fall".
    let fall_ok = !ctx.is(j, "fall")
        || start != j
            && i > 0
            && ctx.any(
                i - 1,
                &["in", "during", "by", "until", "till", "through", "since", "over"],
            )
            && !ctx.any(j + 1, &["of", "in", "from", "to", "off", "out", "and"])
            && !(i > 1 && ctx.any(i - 2, FALL_ACCIDENT));
    // "the Autumn Statement", "the Summer Olympics": a capitalised season in a name.
    let name = ctx.cap(j) && ctx.cap(j + 1) && ctx.is_word(j + 1);
    if cue && fall_ok && !name && !ctx.is(j + 1, "'") && !(ctx.is_word(j + 1) && ctx.lw(j + 1).ends_with("ing")) {
        let weak = ctx.any(
            j + 1,
            &["of", "camp", "school", "olympics", "games", "session", "solstice"],
        );
        if !weak {
            out.push(Cand::new(
                start,
                j + 1,
                D,
                Unres::Season { season: s, year: None },
                "date/season",
            ));
        }
    }
}

/// Words before `in the fall` that make it an accident, not the season.
static FALL_ACCIDENT: &[&str] = &[
    "injured",
    "hurt",
    "killed",
    "died",
    "broke",
    "broken",
    "wounded",
    "fractured",
    "survived",
    "damaged",
];

fn weekday(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let Some((d, j)) = ctx.weekday(i) else { return };
    if !ctx.cap(i) {
        return;
    }
    // "Wednesday, Dec. 17[, 2014]"
    let k = if ctx.punct(j, ",") { j + 1 } else { j };
    if let Some((m, k2)) = ctx.month(k) {
        if let Some((day, e)) = day_at(ctx, k2) {
            let (year, end) = match year_at(ctx, e) {
                Some((y, e2)) => (Some(y), e2),
                None => (None, e),
            };
            let val = Unres::DateWeekday {
                month: m,
                day,
                weekday: d,
                year,
            };
            out.push(Cand::new(i, end, D, val, "date/weekday"));
            return;
        }
    }
    // "Wed, 14 May 2025", "Wednesday 14 May": the day first.
    if let Some((day, k2)) = day_at(ctx, k).filter(|_| ctx.is_num(k)) {
        if let (true, Some((m, e))) = (ctx.cap(k2), ctx.month(k2)) {
            let (year, end) = match year_at(ctx, e) {
                Some((y, e2)) if valid(y, m, day) => (Some(y), e2),
                _ => (None, e),
            };
            let val = Unres::DateWeekday {
                month: m,
                day,
                weekday: d,
                year,
            };
            out.push(Cand::new(i, end, D, val, "date/weekday"));
            return;
        }
    }
    // "Sunday Times", "Bloody Sunday" are names; "Friday's" is fine.
    if ctx.cap(i + 1)
        && ctx.is_word(i + 1)
        && ctx.any(
            i + 1,
            &[
                "times",
                "telegraph",
                "express",
                "mirror",
                "herald",
                "school",
                "service",
                "mass",
            ],
        )
    {
        return;
    }
    out.push(Cand::new(i, j, D, Unres::Weekday(d), "date/weekday"));
}
