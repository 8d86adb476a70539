//! Times of day and parts of day.
//!
//! | rule               | example                                  | unresolved                                  |
//! |--------------------|------------------------------------------|---------------------------------------------|
//! | `time/clock`       | `3:07 p.m.`, `8 PM EST`, `15:00 GMT Saturday` | `Time{day: Weekday(5), 15, 0}`         |
//! | `time/clock`       | `2 a.m.` in `2 a.m. local time (0100 GMT) on Tuesday` | `Time{day: Weekday(1), 2, 0, zone: Fixed(60)}`: the zone is the difference |
//! | `time/named`       | `noon`, `midnight Friday`                | `Time{_, 12, 0}`                            |
//! | `time/part-of-day` | `Sunday night`, `this morning`, `tonight`, `last night` | `PartOfDay{Weekday(6), "NI"}` |
//!
//! # Grammar
//!
//! `H[:MM] (a.m.|p.m.|am|pm) [ZONE] [DAY]`, `H.MM (am|pm|ZONE)`, `HH:MM [ZONE] [DAY]` after
//! `at`/`by`/... or before a zone, `HH:MM hours`, `at HHMM hours`, `WORD o'clock`, `at WORD WORD`
//! (`ten thirty`), `(noon|midnight|midday) [DAY]`, `DAY (morning|afternoon|evening|night)`,
//! `(this|tomorrow|yesterday|last|the next) (morning|...)`, `tonight`.

use super::{lookup, set::part_of_day, Cand, Ctx, Unit, Unres, Zone};
use crate::lang::engine::TimexType;

const T: TimexType = TimexType::Time;

pub fn rules(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    clock(ctx, i, out);
    named(ctx, i, out);
    part(ctx, i, out);
    spoken(ctx, i, out);
}

/// Spoken clock times (transcripts): `half past two`, `a quarter past 9`, `quarter to five`,
/// `a quarter of six`. The hour is read as written (1–12); `a.m.`/`p.m.` after it counts.
fn spoken(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    spoken_hour(ctx, i, out);
    let j = if ctx.is(i, "a") && ctx.is(i + 1, "quarter") {
        i + 1
    } else {
        i
    };
    let (minute, back) = match (ctx.lw(j), ctx.lw(j + 1)) {
        ("half", "past") => (30, false),
        ("quarter", "past" | "after") => (15, false),
        ("quarter", "to" | "of" | "till") => (45, true),
        _ => return,
    };
    let k = j + 2;
    let (h, e) = match ctx.num(k) {
        Some((h, l)) if l <= 2 => (h, k + 1),
        _ => match ctx.number_word(k) {
            Some(x) => x,
            None => return,
        },
    };
    if !(1..=12).contains(&h) || ctx.joined(e) && ctx.punct(e, ":") {
        return;
    }
    let h = if back {
        if h == 1 {
            12
        } else {
            h - 1
        }
    } else {
        h
    };
    let (hour, e) = match meridiem(ctx, e) {
        Some((true, e2)) if h < 12 => (h + 12, e2),
        Some((false, e2)) if h == 12 => (0, e2),
        Some((_, e2)) => (h, e2),
        None => (h, e),
    };
    finish(ctx, i, e, hour, minute, "time/clock", out);
}

/// An hour in words: `nine o'clock [tonight]`, and after `at`/`by`/`until`/`around` also
/// `ten thirty`, `seven fifteen [p.m.]` when nothing after it can be what the number counts.
fn spoken_hour(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let Some((h, j)) = ctx.number_word(i) else { return };
    if !(1..=12).contains(&h) || ctx.hyphen(j) {
        return;
    }
    let (minute, e) = if ctx.is(j, "o") && ctx.punct(j + 1, "'") && ctx.is(j + 2, "clock") {
        (0, j + 3)
    } else {
        let at = i > 0 && ctx.any(i - 1, &["at", "by", "until", "till", "around"]);
        match ctx.number_word(j) {
            Some((m, e)) if at && (10..60).contains(&m) && !ctx.hyphen(e) => {
                let free = !ctx.is_word(e)
                    || meridiem(ctx, e).is_some()
                    || ctx.any(e, &["tonight", "this", "in", "on", "and", "when", "that", "the"]);
                if !free {
                    return;
                }
                (m, e)
            }
            _ => return,
        }
    };
    let (hour, e) = match meridiem(ctx, e) {
        Some((true, e2)) if h < 12 => (h + 12, e2),
        Some((false, e2)) if h == 12 => (0, e2),
        Some((_, e2)) => (h, e2),
        None if ctx.is(e, "tonight") => {
            let day = Some(Box::new(Unres::Shift { unit: Unit::Day, n: 0 }));
            let hour = if h < 12 { h + 12 } else { h };
            out.push(Cand::new(
                i,
                e + 1,
                T,
                Unres::Time {
                    day,
                    hour,
                    minute,
                    zone: None,
                },
                "time/clock",
            ));
            return;
        }
        None => (h, e),
    };
    finish(ctx, i, e, hour, minute, "time/clock", out);
}

/// Prepositions that make a bare number a clock time (`at 10:30`, `around 7 this morning`).
static TIME_PREPOSITIONS: &[&str] = &[
    "at",
    "by",
    "until",
    "till",
    "before",
    "after",
    "around",
    "about",
    "from",
    "since",
    "approximately",
];

/// Zone abbreviations (upper case in the text) and their offsets. `IST` is India's (Irish and
/// Israel standard time share the letters; India's is the one news uses most).
static ZONES: &[(&str, Zone)] = &[
    ("est", Zone::Fixed(-300)),
    ("edt", Zone::Fixed(-240)),
    ("cst", Zone::Fixed(-360)),
    ("cdt", Zone::Fixed(-300)),
    ("mst", Zone::Fixed(-420)),
    ("mdt", Zone::Fixed(-360)),
    ("pst", Zone::Fixed(-480)),
    ("pdt", Zone::Fixed(-420)),
    ("gmt", Zone::Fixed(0)),
    ("utc", Zone::Fixed(0)),
    ("bst", Zone::Fixed(60)),
    ("cet", Zone::Fixed(60)),
    ("cest", Zone::Fixed(120)),
    ("et", Zone::UsLocal(-5)),
    ("ct", Zone::UsLocal(-6)),
    ("mt", Zone::UsLocal(-7)),
    ("pt", Zone::UsLocal(-8)),
    ("jst", Zone::Fixed(540)),
    ("ist", Zone::Fixed(330)),
];

/// US zone names in words (`8 p.m. Eastern`): standard offsets in hours.
static ZONE_WORDS: &[(&str, i32)] = &[("eastern", -5), ("central", -6), ("mountain", -7), ("pacific", -8)];

/// `a.m.`/`am`/`p.m.`/`pm` at `j`: (is_pm, next token).
fn meridiem(ctx: &Ctx, j: usize) -> Option<(bool, usize)> {
    let w = ctx.lw(j);
    let pm = match w {
        "am" => false,
        "pm" => true,
        "a" | "p" => {
            if ctx.punct(j + 1, ".") && ctx.joined(j + 1) && ctx.is(j + 2, "m") && ctx.joined(j + 2) {
                let e = if ctx.punct(j + 3, ".") && ctx.joined(j + 3) {
                    j + 4
                } else {
                    j + 3
                };
                return Some((w == "p", e));
            }
            return None;
        }
        _ => return None,
    };
    Some((pm, j + 1))
}

/// `word`, as written, is a time zone that may follow a clock time: an abbreviation in
/// capitals (`EST`, `ET`) or a US zone in words (`Eastern`). The sentence splitter asks
/// (`4:15 p.m. EST` goes on; `4:15 p.m. Police said` is a new sentence).
pub(crate) fn is_zone_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    (word.chars().all(|c| c.is_ascii_uppercase()) && lookup(ZONES, &lower).is_some())
        || (word.starts_with(char::is_uppercase) && lookup(ZONE_WORDS, &lower).is_some())
}

/// An optional time zone at `j`: the token after it, and the zone.
fn zone(ctx: &Ctx, j: usize) -> (usize, Option<Zone>) {
    // An abbreviation in capitals (`GMT`, `EST`).
    let abbr = |k: usize| lookup(ZONES, ctx.lw(k)).filter(|_| ctx.raw(k).chars().all(|c| c.is_ascii_uppercase()));
    // `GMT+2`, `UTC-05:00`: an offset in hours (and minutes) after GMT or UTC.
    let offset = |k: usize| -> Option<(usize, i32)> {
        if !(ctx.any(k, &["gmt", "utc"]) && ctx.joined(k + 1)) {
            return None;
        }
        signed_offset(ctx, k + 1)
    };
    // `13:45Z`: the military/ISO letter for UTC, written against the minutes.
    if ctx.raw(j) == "Z" && j > 0 && ctx.joined(j) && matches!(ctx.num(j - 1), Some((_, 2 | 4))) && !ctx.joined(j + 1) {
        return (j + 1, Some(Zone::Fixed(0)));
    }
    // `15:00 +02:00`, `15:00+0200`, `09:30 -05`: a bare offset right after hours and
    // minutes (a `-` joined to the time is a range, `10:00-11:00`, and stays one).
    let minutes_before = j > 1 && matches!(ctx.num(j - 1), Some((_, 2))) && ctx.punct(j - 2, ":");
    if minutes_before && (ctx.raw(j) == "+" || ctx.raw(j) == "-" && !ctx.joined(j)) {
        if let Some((e, off)) = signed_offset(ctx, j) {
            return (e, Some(Zone::Fixed(off)));
        }
    }
    if let Some((e, off)) = offset(j) {
        return (e, Some(Zone::Fixed(off)));
    }
    if let Some(z) = abbr(j) {
        return (j + 1, Some(z));
    }
    if ctx.punct(j, "(") {
        if let Some((e, off)) = offset(j + 1).filter(|&(e, _)| ctx.punct(e, ")")) {
            return (e + 1, Some(Zone::Fixed(off)));
        }
        if let Some(z) = abbr(j + 1).filter(|_| ctx.punct(j + 2, ")")) {
            return (j + 3, Some(z));
        }
    }
    // "8 p.m. Eastern", "9 a.m. Pacific time" (not "Central Park", "Eastern Europe").
    if let (true, Some(h)) = (ctx.cap(j), lookup(ZONE_WORDS, ctx.lw(j))) {
        let z = Some(Zone::UsLocal(h));
        if ctx.is(j + 1, "time") {
            return (j + 2, z);
        }
        if ctx.any(j + 1, &["standard", "daylight"]) && ctx.is(j + 2, "time") {
            let h = if ctx.is(j + 1, "daylight") { h + 1 } else { h };
            return (j + 3, Some(Zone::Fixed(h * 60)));
        }
        if !(ctx.cap(j + 1) && ctx.is_word(j + 1) && ctx.weekday(j + 1).is_none()) {
            return (j + 1, z);
        }
    }
    (j, None)
}

/// A signed offset from UTC at `k` (`+2`, `-05:00`, `+0530`), its digits written against the
/// sign: the token after it, and the offset in minutes. Nothing numeric may follow (`+0.5`).
fn signed_offset(ctx: &Ctx, k: usize) -> Option<(usize, i32)> {
    let sign = match ctx.raw(k) {
        "+" => 1,
        "-" => -1,
        _ => return None,
    };
    let (h, l) = ctx.num(k + 1).filter(|_| ctx.joined(k + 1))?;
    let (h, m, e) = match l {
        1 | 2 if ctx.punct(k + 2, ":") && ctx.joined(k + 2) => match ctx.num(k + 3) {
            Some((m, 2)) if ctx.joined(k + 3) => (h, m, k + 4),
            _ => (h, 0, k + 2),
        },
        1 | 2 => (h, 0, k + 2),
        4 => (h / 100, h % 100, k + 2),
        _ => return None,
    };
    let more = ctx.joined(e) && (ctx.num(e).is_some() || ctx.punct(e, ".") && ctx.num(e + 1).is_some());
    (h <= 14 && m < 60 && !more).then_some((e, sign * (h as i32 * 60 + m as i32)))
}

/// See: #20 item 5. "2 a.m. local time (0100 GMT)": `local time` and the same time in a
/// known zone in parentheses; the local zone is their difference (here UTC+1). The token
/// after the parenthesis and the zone; `None` without both.
fn local_time(ctx: &Ctx, e: usize, local: u32) -> Option<(usize, Zone)> {
    let open = e + 2;
    if !(ctx.is(e, "local") && ctx.is(e + 1, "time") && ctx.punct(open, "(")) {
        return None;
    }
    let (g, 4) = ctx.num(open + 1)? else {
        return None;
    };
    let (close, Some(Zone::Fixed(z))) = zone(ctx, open + 2) else {
        return None;
    };
    let (gh, gm) = (g / 100, g % 100);
    if !ctx.punct(close, ")") || gh > 23 || gm > 59 {
        return None;
    }
    let utc = (gh * 60 + gm) as i32 - z;
    let mut off = (local as i32 - utc).rem_euclid(24 * 60);
    if off > 14 * 60 {
        off -= 24 * 60;
    }
    Some((close + 1, Zone::Fixed(off)))
}

/// A day expression after a time: `Saturday`, `today`, `Dec. 17`, `on Friday` is left out.
fn day_after(ctx: &Ctx, j: usize) -> Option<(Unres, usize)> {
    if let Some((d, e)) = ctx.weekday(j) {
        if ctx.cap(j) {
            // "10:30 a.m. Thursday, March 14": the date names the day.
            let k = if ctx.punct(e, ",") { e + 1 } else { e };
            if let Some((m, k2)) = ctx.month(k) {
                if let Some((day, e2)) = super::date::day_at(ctx, k2) {
                    let (year, e3) = match super::date::year_at(ctx, e2) {
                        Some((y, e3)) => (Some(y), e3),
                        None => (None, e2),
                    };
                    return Some((
                        Unres::DateWeekday {
                            month: m,
                            day,
                            weekday: d,
                            year,
                        },
                        e3,
                    ));
                }
            }
            return Some((Unres::Weekday(d), e));
        }
    }
    let n = match ctx.lw(j) {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(n) = n {
        return Some((Unres::Shift { unit: Unit::Day, n }, j + 1));
    }
    if let Some((m, k)) = ctx.month(j) {
        if let Some((d, _)) = ctx.lone_num(k) {
            if (1..=31).contains(&d) {
                return Some((
                    Unres::Date {
                        year: None,
                        month: m,
                        day: Some(d),
                    },
                    k + 1,
                ));
            }
        }
    }
    None
}

fn finish(ctx: &Ctx, i: usize, e: usize, hour: u32, minute: u32, rule: &'static str, out: &mut Vec<Cand>) {
    let (e, zone) = zone(ctx, e);
    // "2 a.m. local time (0100 GMT) on Tuesday": the zone from the parenthesis, the day after
    // it; the expression stays the clock time as written.
    if let (None, Some((after, z))) = (zone, local_time(ctx, e, hour * 60 + minute)) {
        let day = day_after(ctx, after)
            .or_else(|| ctx.is(after, "on").then(|| day_after(ctx, after + 1)).flatten())
            .map(|(d, _)| Box::new(d));
        out.push(Cand::new(
            i,
            e,
            T,
            Unres::Time {
                day,
                hour,
                minute,
                zone: Some(z),
            },
            rule,
        ));
        return;
    }
    // "5 p.m. EST, Nov. 6": a date after a comma belongs to the time.
    let after_comma = ctx.punct(e, ",") && ctx.month(e + 1).is_some();
    let (day, e) = match day_after(ctx, if after_comma { e + 1 } else { e }) {
        Some((d, e2)) => (Some(Box::new(d)), e2),
        // "at 2.15am on Sunday": the day is an expression of its own (TimeBank), but it is
        // the time's day.
        None if ctx.is(e, "on") => (day_after(ctx, e + 1).map(|(d, _)| Box::new(d)), e),
        // "10:35 a.m. (0735 GMT) Friday": the same time in another zone, in parentheses,
        // between the time and its day; the day is the time's (the parenthesis is a time
        // expression of its own).
        None if ctx.punct(e, "(") => {
            let close = (e + 1..e + 6).find(|&k| ctx.punct(k, ")"));
            let day = |k: usize| day_after(ctx, k).or_else(|| ctx.is(k, "on").then(|| day_after(ctx, k + 1)).flatten());
            (close.and_then(|k| day(k + 1)).map(|(d, _)| Box::new(d)), e)
        }
        // "a 09:30 UTC briefing for Friday": a time before the noun it modifies, and the
        // noun's day after `for`/`on`.
        None if i > 0
            && ctx.any(i - 1, &["a", "an", "the"])
            && ctx.is_word(e)
            && !ctx.cap(e)
            && ctx.any(e + 1, &["for", "on"]) =>
        {
            (day_after(ctx, e + 2).map(|(d, _)| Box::new(d)), e)
        }
        None => (None, e),
    };
    out.push(Cand::new(
        i,
        e,
        T,
        Unres::Time {
            day,
            hour,
            minute,
            zone,
        },
        rule,
    ));
}

fn clock(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let Some((h, hl)) = ctx.num(i) else { return };
    // Police and military: "at 0230 hours", "1400 hrs" (the time, not a length of time).
    if hl == 4 && ctx.any(i + 1, &["hours", "hrs"]) && i > 0 && ctx.any(i - 1, TIME_PREPOSITIONS) {
        let (hour, minute) = (h / 100, h % 100);
        if hour <= 23 && minute < 60 {
            finish(ctx, i, i + 2, hour, minute, "time/clock", out);
        }
        return;
    }
    // Wire copy: "by 0915 GMT", "0600 UTC" (four digits and a zone).
    if hl == 4
        && (ctx.cap(i + 1) || ctx.punct(i + 1, "("))
        && zone(ctx, i + 1).1.is_some()
        && !(i > 0 && ctx.joined(i) && !ctx.is_word(i - 1))
    {
        let (hour, minute) = (h / 100, h % 100);
        if hour <= 23 && minute < 60 {
            finish(ctx, i, i + 1, hour, minute, "time/clock", out);
        }
        return;
    }
    if hl > 2 || h > 24 {
        return;
    }
    if i > 0
        && ctx.joined(i)
        && (ctx.punct(i - 1, ".")
            || ctx.punct(i - 1, ",")
            || ctx.punct(i - 1, ":")
            || ctx.punct(i - 1, "$")
            || ctx.punct(i - 1, "/"))
    {
        return;
    }
    let mut j = i + 1;
    let mut minute = 0;
    let mut has_minutes = false;
    if ctx.punct(j, ":") && ctx.joined(j) && ctx.joined(j + 1) {
        match ctx.num(j + 1) {
            Some((m, 2)) if m < 60 => {
                minute = m;
                has_minutes = true;
                j += 2;
            }
            _ => return,
        }
        if ctx.punct(j, ":") && ctx.joined(j) {
            // seconds: ignored in the value
            if let Some((_, 2)) = ctx.num(j + 1) {
                j += 2;
            }
        }
    }
    // British "10.30pm", "10.30 p.m.", "6.15 GMT": a dot between hour and minutes, only
    // with a meridiem or a zone after it (else "10.30" is a decimal).
    if !has_minutes && ctx.punct(j, ".") && ctx.joined(j) && ctx.joined(j + 1) {
        if let Some((m, 2)) = ctx.num(j + 1) {
            if m < 60 && (meridiem(ctx, j + 2).is_some() || zone(ctx, j + 2).0 > j + 2) && !ctx.punct(j + 2, ".") {
                minute = m;
                has_minutes = true;
                j += 2;
            }
        }
    }
    if let Some((pm, e)) = meridiem(ctx, j) {
        if h == 0 || h > 12 {
            return;
        }
        let hour = match (pm, h) {
            (false, 12) => 0,
            (false, h) => h,
            (true, 12) => 12,
            (true, h) => h + 12,
        };
        finish(ctx, i, e, hour, minute, "time/clock", out);
        return;
    }
    // "9 in the morning", "8 o'clock"
    if ctx.is(j, "o") && ctx.punct(j + 1, "'") && ctx.is(j + 2, "clock") {
        if (1..=12).contains(&h) {
            finish(ctx, i, j + 3, h, 0, "time/clock", out);
        }
        return;
    }
    // "around 7 this morning", "at 9 tonight": after a preposition, an hour of today's part.
    let prep = i > 0 && ctx.any(i - 1, TIME_PREPOSITIONS);
    let part_today = if ctx.is(j, "this") && ctx.any(j + 1, &["morning", "afternoon", "evening"]) {
        Some((ctx.is(j + 1, "morning"), j + 2))
    } else if ctx.is(j, "tonight") {
        Some((false, j + 1))
    } else {
        None
    };
    if let (true, Some((morning, e)), 1..=12) = (prep, part_today, h) {
        let hour = if morning || h == 12 { h } else { h + 12 };
        let day = Some(Box::new(Unres::Shift { unit: Unit::Day, n: 0 }));
        out.push(Cand::new(
            i,
            e,
            T,
            Unres::Time {
                day,
                hour,
                minute,
                zone: None,
            },
            "time/clock",
        ));
        return;
    }
    if ctx.is(j, "in")
        && ctx.is(j + 1, "the")
        && ctx.any(j + 2, &["morning", "afternoon", "evening"])
        && (1..=12).contains(&h)
    {
        let hour = if ctx.is(j + 2, "morning") || h == 12 { h } else { h + 12 };
        out.push(Cand::new(
            i,
            j + 3,
            T,
            Unres::Time {
                day: None,
                hour,
                minute,
                zone: None,
            },
            "time/clock",
        ));
        return;
    }
    if !has_minutes || h > 23 {
        return;
    }
    // "at 02:30 hours"
    if ctx.any(j, &["hours", "hrs"]) {
        finish(ctx, i, j + 1, h, minute, "time/clock", out);
        return;
    }
    // "15:00 GMT", "at 10:30": a 24-hour time needs a zone or a preposition.
    let (z, _) = zone(ctx, j);
    if z > j || prep {
        finish(ctx, i, j, h, minute, "time/clock", out);
    }
}

fn named(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (hour, minute) = match ctx.lw(i) {
        "noon" | "midday" => (12, 0),
        "midnight" => (24, 0),
        _ => return,
    };
    finish(ctx, i, i + 1, hour, minute, "time/named", out);
}

fn part(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // A day and a part of it is a TIME, its value ending in `TNI`, `TMO`, ... (the TimeML
    // guidelines; TimeBank types 9 of its 15 `Sunday night` DATE, AQUAINT all of them).
    let kind = T;
    let push = |out: &mut Vec<Cand>, e: usize, day: Unres, p: &'static str| {
        out.push(Cand::new(
            i,
            e,
            kind,
            Unres::PartOfDay {
                day: Box::new(day),
                part: p,
            },
            "time/part-of-day",
        ));
    };
    if ctx.is(i, "tonight") {
        push(out, i + 1, Unres::Shift { unit: Unit::Day, n: 0 }, "NI");
        return;
    }
    if ctx.is(i, "overnight") && !ctx.is_word(i + 1) {
        push(out, i + 1, Unres::Shift { unit: Unit::Day, n: 0 }, "NI");
        return;
    }
    // "by mid afternoon", "at mid-afternoon yesterday", "midmorning Tuesday": the middle of a
    // part of the publication day, or of the day named after it.
    let mid = match ctx.lw(i) {
        "mid" if ctx.hyphen(i + 1) => Some(i + 2),
        "mid" => Some(i + 1),
        "midafternoon" | "midmorning" => Some(i),
        _ => None,
    };
    if let Some(j) = mid {
        let p = match ctx.lw(j) {
            "afternoon" | "midafternoon" => "AF",
            "morning" | "midmorning" => "MO",
            _ => return,
        };
        let (day, e) = day_after(ctx, j + 1).unwrap_or((Unres::Shift { unit: Unit::Day, n: 0 }, j + 1));
        out.push(Cand::new(
            i,
            e,
            T,
            Unres::PartOfDay {
                day: Box::new(day),
                part: p,
            },
            "time/part-of-day",
        ));
        return;
    }
    // "(in) the early hours of Monday": the start of that day.
    if ctx.is(i, "the") && ctx.any(i + 1, &["early", "small", "wee"]) && ctx.is(i + 2, "hours") && ctx.is(i + 3, "of") {
        if let Some((day, e)) = day_after(ctx, i + 4) {
            let mut c = Cand::new(i, e, TimexType::Date, day, "time/part-of-day");
            c.modifier = Some("START");
            out.push(c);
            return;
        }
    }
    // "the night before (he vanished)", "the morning after": the part of the day before or
    // after the day of the story.
    if ctx.is(i, "the") && ctx.any(i + 2, &["before", "after"]) && !ctx.is_num(i + 3) {
        if let Some(p) = part_of_day(ctx.lw(i + 1)).filter(|_| !ctx.lw(i + 1).ends_with('s')) {
            let n = if ctx.is(i + 2, "before") { -1 } else { 1 };
            push(out, i + 3, Unres::Anaphor { unit: Unit::Day, n }, p);
            return;
        }
    }
    // DAY PART: "Sunday night", "yesterday afternoon", "Dec. 17 evening"
    let (day, j) = match ctx.lw(i) {
        "this" => (Unres::Shift { unit: Unit::Day, n: 0 }, i + 1),
        "last" if ctx.is(i + 1, "night") => (Unres::Shift { unit: Unit::Day, n: -1 }, i + 1),
        "the" if ctx.any(i + 1, &["next", "following"]) => (Unres::Anaphor { unit: Unit::Day, n: 1 }, i + 2),
        "the" if ctx.any(i + 1, &["previous", "preceding"]) => (Unres::Anaphor { unit: Unit::Day, n: -1 }, i + 2),
        "that" => (Unres::Anaphor { unit: Unit::Day, n: 0 }, i + 1),
        _ => match day_after(ctx, i) {
            Some((d, e)) => (d, e),
            None => return,
        },
    };
    let Some(p) = part_of_day(ctx.lw(j)) else { return };
    if ctx.lw(j).ends_with('s') {
        return;
    }
    push(out, j + 1, day, p);
}
