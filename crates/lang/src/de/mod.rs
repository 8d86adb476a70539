//! German: a small slice that proves the language seam (`tempograph tag --lang de`).
//!
//! | text (DCT 2014-12-18, a Thursday) | value        | rule                 |
//! |-----------------------------------|--------------|----------------------|
//! | `17.12.2014`, `17.12.`            | `2014-12-17` | `date/dmy-dot`       |
//! | `17. Dezember 2014`, `17. Dez.`   | `2014-12-17` | `date/day-month`     |
//! | `Dezember 2014`                   | `2014-12`    | `date/month-year`    |
//! | `im März`                         | `2014-03`    | `date/month`         |
//! | `am Donnerstag`                   | `2014-12-18` | `date/weekday`       |
//! | `gestern`, `heute`, `übermorgen`  | `2014-12-17` | `relative/day-word`  |
//! | `letztes Jahr`                    | `2013`       | `relative/last-unit` |
//! | `nächste Woche`                   | `2014-W52`   | `relative/next-unit` |
//! | `dieses Jahr`                     | `2014`       | `relative/this-unit` |
//! | `letzten Montag`, `nächsten März` | `2014-12-15` | `relative/named`     |
//!
//! The rules produce the engine's unresolved values ([`Unres`]); the language-free resolver
//! turns them into TIMEX3 values, as it does for English, with the direction read from the
//! German tense cues of [`direction`](German::direction): a weekday or a month without a year
//! lies in the past unless a future auxiliary (`wird`, `soll`) governs it.
//!
//! # Grammar
//!
//! ```text
//! date      := DAY "." MONTH "." YEAR?      (glued: 17.12.2014, 17.12.)
//!            | DAY "." MONTHNAME YEAR?      (17. Dezember 2014)
//!            | MONTHNAME YEAR | MONTHNAME   (capitalised)
//!            | WEEKDAY                      (capitalised; `am` stays outside)
//! relative  := DAYWORD                      (gestern, heute, morgen — not `am Morgen`)
//!            | FORCE UNIT | FORCE WEEKDAY | FORCE MONTHNAME
//! ```
//!
//! Not covered: durations, times of day, holidays, `vor zwei Jahren`, written-out numbers.

use super::{Language, Table, Words};
use crate::lang::engine::{Cand, Ctx, Force, Lexicon, Unit, Unres};
use crate::lang::engine::{Cue, Direction, TimexType};
use crate::text::Analysis;
use std::borrow::Cow;

/// German.
pub struct German;

/// The rule ids of the German rules: the ids of the English rules that build the same values.
static RULE_IDS: &[&str] = &[
    "date/dmy-dot",
    "date/day-month",
    "date/month-year",
    "date/month",
    "date/weekday",
    "relative/day-word",
    "relative/last-unit",
    "relative/next-unit",
    "relative/this-unit",
    "relative/named",
];

static MONTHS: Table<u32> = Table::new(include_str!("data/months.tsv"));
static MONTH_ABBR: Table<u32> = Table::new(include_str!("data/month-abbr.tsv"));
static WEEKDAYS: Table<u32> = Table::new(include_str!("data/weekdays.tsv"));
static DAY_WORDS: Table<i64> = Table::new(include_str!("data/day-words.tsv"));
static MORGEN_NOUN_AFTER: Words = Words::new(include_str!("data/morgen-noun-after.txt"));
static UNITS: Table<Unit> = Table::new(include_str!("data/units.tsv"));
static FORCE: Table<i64> = Table::new(include_str!("data/force.tsv"));
static FUTURE: Words = Words::new(include_str!("data/tense-future.txt"));
static PAST: Words = Words::new(include_str!("data/tense-past.txt"));
static RANGE_CONNECTORS: Words = Words::new(include_str!("data/range-connectors.txt"));
static NOT_PAST_TE: Words = Words::new(include_str!("data/tense-not-past-te.txt"));

/// Tokens searched on each side of an expression for a tense cue.
const WINDOW: usize = 12;

/// How many tokens farther a weak cue (a `-te` past form) counts than an auxiliary, unless it
/// is next to the expression.
const WEAK_PENALTY: usize = 4;

const D: TimexType = TimexType::Date;

impl Language for German {
    fn code(&self) -> &'static str {
        "de"
    }

    fn name(&self) -> &'static str {
        "German"
    }

    fn rule_ids(&self) -> &'static [&'static str] {
        RULE_IDS
    }

    /// Empty: the German rules look words up in their own tables.
    fn lexicon(&self) -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(|| Lexicon::new(Default::default()))
    }

    fn extract(&self, ctx: &Ctx, from: usize, to: usize) -> (Vec<Cand>, usize) {
        let mut out = Vec::new();
        let mut buf = Vec::new();
        let mut i = from;
        let to = to.min(ctx.len());
        while i < to {
            buf.clear();
            rules(ctx, i, &mut buf);
            // The longest match wins; the earlier rule on a tie.
            let best = buf.drain(..).fold(None, |best: Option<Cand>, c| match best {
                Some(b) if b.end >= c.end => Some(b),
                _ => Some(c),
            });
            match best {
                Some(c) => {
                    i = c.end;
                    out.push(c);
                }
                None => i += 1,
            }
        }
        (out, i)
    }

    fn direction(&self, ctx: &Ctx, analysis: &Analysis, start: usize, end: usize) -> Cue {
        direction(ctx, analysis, start, end)
    }

    fn month_number(&self, lower: &str) -> Option<u32> {
        MONTHS.find(lower).or_else(|| MONTH_ABBR.find(lower)).copied()
    }

    fn range_connectors(&self) -> &[&'static str] {
        &RANGE_CONNECTORS
    }
}

/// Token `i` lower-cased (the context lower-cases ASCII letters only: `Übermorgen`).
fn word<'c>(ctx: &'c Ctx, i: usize) -> Cow<'c, str> {
    let w = ctx.lw(i);
    if w.is_ascii() {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// A month name at `i` (`Dezember`, `Dez.`), capitalised: month and the next token.
fn month(ctx: &Ctx, i: usize) -> Option<(u32, usize)> {
    if !ctx.cap(i) {
        return None;
    }
    let w = word(ctx, i);
    if let Some(&m) = MONTHS.find(&w) {
        return Some((m, i + 1));
    }
    let &m = MONTH_ABBR.find(&w)?;
    (ctx.punct(i + 1, ".") && ctx.joined(i + 1)).then_some((m, i + 2))
}

/// A number of at most two digits at `i` in `lo..=hi` that is not glued to a number before it.
fn small(ctx: &Ctx, i: usize, lo: u32, hi: u32) -> Option<u32> {
    let (n, len) = ctx.num(i)?;
    let glued = i > 0 && ctx.joined(i) && (ctx.is_num(i - 1) || ctx.punct(i - 1, ".") || ctx.punct(i - 1, ","));
    (len <= 2 && (lo..=hi).contains(&n) && !glued).then_some(n)
}

/// A year at `i`: four digits, or two (`14` is 2014, `98` is 1998).
fn year(ctx: &Ctx, i: usize) -> Option<i32> {
    let (n, len) = ctx.num(i)?;
    let n = i32::try_from(n).ok()?;
    match len {
        4 => Some(n),
        2 if n < 50 => Some(2000 + n),
        2 => Some(1900 + n),
        _ => None,
    }
}

fn rules(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    numeric(ctx, i, out);
    day_month(ctx, i, out);
    month_year(ctx, i, out);
    weekday(ctx, i, out);
    day_word(ctx, i, out);
    force(ctx, i, out);
}

/// `17.12.2014`, `17.12.14`, `17.12.`: glued, and not a longer run of numbers (`1.2.3.4`).
fn numeric(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let glued_dot = |k: usize| ctx.punct(k, ".") && ctx.joined(k);
    let Some(d) = small(ctx, i, 1, 31) else { return };
    if !(glued_dot(i + 1) && ctx.joined(i + 2)) {
        return;
    }
    let Some((m, 1 | 2)) = ctx.num(i + 2).filter(|&(m, _)| (1..=12).contains(&m)) else {
        return;
    };
    if !glued_dot(i + 3) {
        return;
    }
    let with_year = ctx.joined(i + 4).then(|| year(ctx, i + 4)).flatten();
    let (y, end) = match with_year {
        Some(y) => (Some(y), i + 5),
        None if ctx.is_num(i + 4) && ctx.joined(i + 4) => return,
        None => (None, i + 4),
    };
    // "1.2.2014.5", "17.12.2014-3": part of something longer.
    if y.is_some() && ctx.joined(end) && (ctx.punct(end, ".") || ctx.punct(end, "-")) && ctx.is_num(end + 1) {
        return;
    }
    let val = Unres::Date {
        year: y,
        month: m,
        day: Some(d),
    };
    out.push(Cand::new(i, end, D, val, "date/dmy-dot"));
}

/// `17. Dezember 2014`, `17. Dez.`, `1. März`.
fn day_month(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let Some(d) = small(ctx, i, 1, 31) else { return };
    if !(ctx.punct(i + 1, ".") && ctx.joined(i + 1)) {
        return;
    }
    let Some((m, j)) = month(ctx, i + 2) else { return };
    let (y, end) = match ctx.num(j).filter(|&(_, len)| len == 4) {
        Some((y, _)) => (i32::try_from(y).ok(), j + 1),
        None => (None, j),
    };
    let val = Unres::Date {
        year: y,
        month: m,
        day: Some(d),
    };
    out.push(Cand::new(i, end, D, val, "date/day-month"));
}

/// `Dezember 2014`, and a month name alone (`im März`).
fn month_year(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let Some((m, j)) = month(ctx, i) else { return };
    // "März-Tage": part of a compound.
    if ctx.hyphen(j) {
        return;
    }
    // An abbreviation alone is too often something else (`Jan.` the name).
    let full = j == i + 1;
    match ctx.num(j).filter(|&(_, len)| len == 4) {
        Some((y, _)) => {
            let val = Unres::Date {
                year: i32::try_from(y).ok(),
                month: m,
                day: None,
            };
            out.push(Cand::new(i, j + 1, D, val, "date/month-year"));
        }
        None if full => {
            let val = Unres::Date {
                year: None,
                month: m,
                day: None,
            };
            out.push(Cand::new(i, j, D, val, "date/month"));
        }
        None => {}
    }
}

/// `Donnerstag` (capitalised; `am` stays outside the expression, as `on` does in English).
fn weekday(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    if !ctx.cap(i) {
        return;
    }
    if let Some(&d) = WEEKDAYS.find(&word(ctx, i)) {
        out.push(Cand::new(i, i + 1, D, Unres::Weekday(d), "date/weekday"));
    }
}

/// `gestern`, `heute`, `morgen`, `übermorgen` — not the noun `Morgen` (`am Morgen`, `heute
/// Morgen`).
fn day_word(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let w = word(ctx, i);
    let Some(&n) = DAY_WORDS.find(&w) else { return };
    if w == "morgen" && i > 0 && MORGEN_NOUN_AFTER.contains(&&*word(ctx, i - 1)) {
        return;
    }
    out.push(Cand::new(
        i,
        i + 1,
        D,
        Unres::Shift { unit: Unit::Day, n },
        "relative/day-word",
    ));
}

/// `letztes Jahr`, `nächste Woche`, `dieses Jahr`; `letzten Montag`, `nächsten März`.
fn force(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let Some(&n) = FORCE.find(&word(ctx, i)) else { return };
    let next = word(ctx, i + 1);
    if let Some(&unit) = UNITS.find(&next) {
        let rule = match n {
            0 => "relative/this-unit",
            n if n < 0 => "relative/last-unit",
            _ => "relative/next-unit",
        };
        out.push(Cand::new(i, i + 2, D, Unres::Shift { unit, n }, rule));
        return;
    }
    let base = if let Some(&d) = WEEKDAYS.find(&next).filter(|_| ctx.cap(i + 1)) {
        Unres::Weekday(d)
    } else if let Some((m, _)) = month(ctx, i + 1).filter(|&(_, j)| j == i + 2) {
        Unres::Date {
            year: None,
            month: m,
            day: None,
        }
    } else {
        return;
    };
    let force = match n {
        0 => Force::This,
        n if n < 0 => Force::Last,
        _ => Force::Next,
    };
    let val = Unres::Named {
        base: Box::new(base),
        force,
    };
    out.push(Cand::new(i, i + 2, D, val, "relative/named"));
}

/// The tense cue of token `k`: its direction and whether it is strong (an auxiliary).
fn cue(ctx: &Ctx, k: usize) -> Option<(Direction, bool)> {
    if !ctx.is_word(k) {
        return None;
    }
    let w = word(ctx, k);
    if FUTURE.contains(&&*w) {
        return Some((Direction::Future, true));
    }
    if PAST.contains(&&*w) {
        return Some((Direction::Past, true));
    }
    // "kündigte", "teilten ... mit": a weak past form (German nouns are capitalised).
    let te = w.ends_with("te") || w.ends_with("ten");
    if te && w.chars().count() > 4 && !ctx.cap(k) && !NOT_PAST_TE.contains(&&*w) {
        return Some((Direction::Past, false));
    }
    None
}

/// The nearest tense cue around tokens `start..end`, inside their sentence and not across
/// `;`: an auxiliary at any distance in the window, a weak `-te` form [`WEAK_PENALTY`] tokens
/// farther unless it is next to the expression; on a tie the future wins.
fn direction(ctx: &Ctx, analysis: &Analysis, start: usize, end: usize) -> Cue {
    let s = analysis.sentence_at(ctx.toks.get(start).map_or(0, |t| t.span.start));
    let range = analysis.sentences.get(s).map_or(0..ctx.len(), |x| x.tokens.clone());
    let mut best: Option<(usize, Direction, bool, usize)> = None;
    let mut consider = |k: usize, dist: usize| {
        let Some((d, strong)) = cue(ctx, k) else { return };
        let key = if strong || dist <= 2 { dist } else { dist + WEAK_PENALTY };
        let better = best.is_none_or(|(bk, bd, _, _)| key < bk || key == bk && d == Direction::Future && bd != d);
        if better {
            best = Some((key, d, strong, k));
        }
    };
    let mut k = start;
    while k > range.start && start - k < WINDOW {
        k -= 1;
        if ctx.punct(k, ";") {
            break;
        }
        consider(k, start - k);
    }
    let mut k = end;
    while k < range.end && k - end < WINDOW {
        if ctx.punct(k, ";") {
            break;
        }
        consider(k, k - end + 1);
        k += 1;
    }
    match best {
        Some((_, d, strong, k)) => {
            let what = if d == Direction::Past { "past" } else { "future" };
            Cue {
                direction: d,
                strong,
                distance: if k < start { start - k } else { k + 1 - end },
                word: word(ctx, k).into_owned(),
                plan: false,
                why: format!("{what} cue `{}`", ctx.raw(k)),
            }
        }
        None => Cue {
            direction: Direction::None,
            strong: false,
            distance: 0,
            word: String::new(),
            plan: false,
            why: "no tense cue nearby".to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every data file parses, every line of it.
    #[test]
    fn data_files_are_sound() {
        for t in [&MONTHS, &MONTH_ABBR, &WEEKDAYS] {
            assert_eq!(t.check(), Vec::<String>::new());
        }
        assert_eq!(DAY_WORDS.check(), Vec::<String>::new());
        assert_eq!(FORCE.check(), Vec::<String>::new());
        assert_eq!(UNITS.check(), Vec::<String>::new());
        assert_eq!(WEEKDAYS.len(), 8);
        assert_eq!(German.month_number("dezember"), Some(12));
        assert_eq!(German.month_number("märz"), Some(3));
        for w in [&MORGEN_NOUN_AFTER, &FUTURE, &PAST, &NOT_PAST_TE, &RANGE_CONNECTORS] {
            assert!(!w.is_empty());
        }
    }
}
