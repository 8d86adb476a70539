//! Resolution: unresolved values ([`Unres`]) to TIMEX3 values, against the publication date
//! (DCT) or the last mentioned date, in the direction read by [`super::tense`].
//!
//! | unresolved (DCT 2014-12-18, Thursday)      | direction | value         | anchor |
//! |--------------------------------------------|-----------|---------------|--------|
//! | `Weekday(Thu)` "On Thursday, ... told"      | past      | `2014-12-18`  | dct    |
//! | `Weekday(Fri)` "will meet Friday"           | future    | `2014-12-19`  | dct    |
//! | `Date{_, 12, 25}`                           | none      | `2014-12-25`  | dct    |
//! | `Shift{Week, 0}` "this week"                | —         | `2014-W51`    | dct    |
//! | `Named{Season(Summer), Last}` (DCT 2013-03-01) | —      | `2012-SU`     | dct    |
//! | `Anaphor{Day, 1}` after "Dec. 5"            | —         | `2014-12-06`  | timex  |
//! | `Duration{3, Month}`                        | —         | `P3M`         | absolute |
//!
//! # Grammar
//!
//! Past: the latest occurrence on or before the DCT. Future: the first occurrence after it
//! (on or after for months, seasons and quarters). None: weekdays as past, other names in
//! the DCT's year, holidays the nearest occurrence.

use super::rules::{unit_value, Cand, Ctx, Force, Holiday, Season, Unit, Unres};
use super::{AnchorKind, Cue, Derivation, Direction, Timex, TimexType, WeekdayClash};
use crate::text::{Analysis, Span};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A calendar value at some grain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Val {
    Day(NaiveDate),
    Week(NaiveDate),
    Weekend(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Year(i32),
    Decade(i32),
    Century(i32),
}

impl Val {
    /// The TIMEX3 value string.
    pub fn format(self) -> String {
        match self {
            Val::Day(d) => d.format("%Y-%m-%d").to_string(),
            Val::Week(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Val::Weekend(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Val::Half(y, h) => format!("{y:04}-H{h}"),
            Val::Season(y, s) => format!("{y:04}-{}", s.code()),
            Val::Year(y) => format!("{y:04}"),
            Val::Decade(d) => format!("{d:03}"),
            Val::Century(c) => format!("{c:02}"),
        }
    }

    /// A representative day (the first) of the value.
    fn day(self) -> Option<NaiveDate> {
        match self {
            Val::Day(d) | Val::Week(d) | Val::Weekend(d) => Some(d),
            Val::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Val::Quarter(y, q) => NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1),
            Val::Half(y, h) => NaiveDate::from_ymd_opt(y, (h - 1) * 6 + 1, 1),
            Val::Season(y, s) => NaiveDate::from_ymd_opt(y, s.first_month(), 1),
            Val::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Val::Decade(d) => NaiveDate::from_ymd_opt(d * 10, 1, 1),
            Val::Century(c) => NaiveDate::from_ymd_opt(c * 100, 1, 1),
        }
    }

    fn year(self) -> Option<i32> {
        self.day().map(|d| d.year())
    }

    /// Parse a value this module writes (for anchors given as strings).
    fn parse(v: &str) -> Option<Val> {
        let r = tempograph_core::value::date_range(v)?;
        use tempograph_core::value::Precision as P;
        Some(match r.precision {
            P::Day | P::Time => Val::Day(r.earliest),
            P::Week => Val::Week(r.earliest),
            P::Month => Val::Month(r.earliest.year(), r.earliest.month()),
            P::Quarter => Val::Quarter(r.earliest.year(), (r.earliest.month() - 1) / 3 + 1),
            P::Half => Val::Half(r.earliest.year(), (r.earliest.month() - 1) / 6 + 1),
            P::Season => {
                let s = match r.earliest.month() {
                    3 => Season::Spring,
                    6 => Season::Summer,
                    9 => Season::Fall,
                    _ => Season::Winter,
                };
                Val::Season(r.earliest.year(), s)
            }
            P::Year => Val::Year(r.earliest.year()),
            P::Decade => Val::Decade(r.earliest.year() / 10),
            P::Century => Val::Century(r.earliest.year() / 100),
        })
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + n;
    ((idx.div_euclid(12)) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// Shift `v` by `n` units of its own grain.
fn shift_val(v: Val, n: i64) -> Option<Val> {
    Some(match v {
        Val::Day(d) => Val::Day(add_days(d, n)?),
        Val::Week(d) => Val::Week(add_days(d, 7 * n)?),
        Val::Weekend(d) => Val::Weekend(add_days(d, 7 * n)?),
        Val::Month(y, m) => {
            let (y, m) = add_months(y, m, n);
            Val::Month(y, m)
        }
        Val::Quarter(y, q) => {
            let idx = i64::from(y) * 4 + i64::from(q) - 1 + n;
            Val::Quarter(idx.div_euclid(4) as i32, (idx.rem_euclid(4) + 1) as u32)
        }
        Val::Half(y, h) => {
            let idx = i64::from(y) * 2 + i64::from(h) - 1 + n;
            Val::Half(idx.div_euclid(2) as i32, (idx.rem_euclid(2) + 1) as u32)
        }
        Val::Season(y, s) => Val::Season(y + n as i32, s),
        Val::Year(y) => Val::Year(y + n as i32),
        Val::Decade(d) => Val::Decade(d + n as i32),
        Val::Century(c) => Val::Century(c + n as i32),
    })
}

/// The value of grain `unit` that contains day `d`.
fn at_grain(d: NaiveDate, unit: Unit) -> Val {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Val::Day(d),
        Unit::Week => Val::Week(d),
        Unit::Weekend => Val::Weekend(d),
        Unit::Month => Val::Month(d.year(), d.month()),
        Unit::Quarter => Val::Quarter(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Half => Val::Half(d.year(), (d.month() - 1) / 6 + 1),
        Unit::Year => Val::Year(d.year()),
        Unit::Decade => Val::Decade(d.year() / 10),
        Unit::Century | Unit::Millennium => Val::Century(d.year() / 100),
    }
}

/// The season containing `d`, as (year, season); winter belongs to the year it starts in.
fn season_of(d: NaiveDate) -> (i32, Season) {
    match d.month() {
        3..=5 => (d.year(), Season::Spring),
        6..=8 => (d.year(), Season::Summer),
        9..=11 => (d.year(), Season::Fall),
        12 => (d.year(), Season::Winter),
        _ => (d.year() - 1, Season::Winter),
    }
}

fn season_index(s: Season) -> i32 {
    match s {
        Season::Spring => 0,
        Season::Summer => 1,
        Season::Fall => 2,
        Season::Winter => 3,
    }
}

/// How far from the DCT (days) a weekday and a date without a year ("Wednesday, Dec. 17")
/// look for a year where they agree.
pub const WEEKDAY_YEAR_REACH: i64 = 366;

/// The weekday's name as dates are written in derivations (`%A`).
fn weekday_name(w: Weekday) -> String {
    let monday = NaiveDate::from_isoywd_opt(2024, 1, Weekday::Mon).unwrap_or_default();
    let d = monday + chrono::Duration::days(i64::from(w.num_days_from_monday()));
    d.format("%A").to_string()
}

fn weekday_num(d: NaiveDate) -> i64 {
    i64::from(d.weekday().num_days_from_monday())
}

/// The date of a holiday in `year`.
pub fn holiday_date(h: Holiday, year: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
        Holiday::NthWeekday { month, weekday, nth } => {
            let wd = Weekday::try_from(weekday as u8).ok()?;
            if nth == 0 {
                let (ny, nm) = add_months(year, month, 1);
                let last = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
                let back = (i64::from(last.weekday().num_days_from_monday()) - i64::from(weekday)).rem_euclid(7);
                add_days(last, -back)
            } else {
                NaiveDate::from_weekday_of_month_opt(year, month, wd, nth as u8)
            }
        }
        Holiday::Easter(off) => add_days(easter(year)?, off),
        Holiday::Thanksgiving(off) => add_days(NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4)?, off),
        Holiday::ElectionDay => {
            let mon = NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Mon, 1)?;
            add_days(mon, 1)
        }
    }
}

/// Easter Sunday (Gregorian, anonymous algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// Major holidays "the holiday" can refer to.
static MAJOR: &[Holiday] = &[
    Holiday::Fixed(12, 25),
    Holiday::Fixed(1, 1),
    Holiday::Fixed(7, 4),
    Holiday::NthWeekday {
        month: 11,
        weekday: 3,
        nth: 4,
    },
    Holiday::NthWeekday {
        month: 9,
        weekday: 0,
        nth: 1,
    },
    Holiday::NthWeekday {
        month: 5,
        weekday: 0,
        nth: 0,
    },
    Holiday::Easter(0),
];

/// How far (in tokens) a past-tense verb is trusted to govern a name without a year.
const PAST_REACH: usize = 5;

/// How far (in tokens) a modal or auxiliary is trusted to override the nearest month.
const MONTH_REACH: usize = 4;

/// How far (in tokens) a past-tense verb form (`ran`, `closed`) moves a month back.
const PAST_VERB_REACH: usize = 2;

/// How far (in tokens) an irregular past form moves a month back: over its object and the
/// month's preposition (`bought the stadium in March`, published in January, is last March).
/// `-ed` forms keep [`PAST_VERB_REACH`]: at this distance they are often adjectives
/// (`preferred shares on Oct. 31`, `an unspecified date in January`), and TBAQ says so.
const FIRM_PAST_REACH: usize = 4;

/// How many times farther a future candidate counts than a past one when a distant past
/// verb governs a month (`stepped down ... in March` in November is last March, but
/// `said the dividend is payable Dec. 15` in November is next month).
const FUTURE_PENALTY: i64 = 3;

/// How many days after the publication date a dateline's day may be (a time zone ahead).
const DATELINE_AHEAD: u64 = 1;

/// How many sentences back the day mentioned before still bounds a weekday under a past
/// perfect (`had met on Wednesday`).
const PAST_PERFECT_REACH: usize = 3;

/// How far (in days) from the DCT a month in the DCT's own year is still preferred to a
/// nearer one in the year before or after.
const SAME_YEAR_REACH: i64 = 183;

/// How many sentences back a quarter still makes `a year ago` mean that quarter a year before.
const FISCAL_REACH: usize = 4;

/// Roughly how many days a value spans, to compare grains.
fn days_in(v: Val) -> u32 {
    match v {
        Val::Day(_) => 1,
        Val::Week(_) | Val::Weekend(_) => 7,
        Val::Month(..) => 31,
        Val::Quarter(..) | Val::Season(..) => 92,
        Val::Half(..) => 183,
        Val::Year(_) => 366,
        Val::Decade(_) => 3660,
        Val::Century(_) => 36600,
    }
}

/// Roughly how many days a unit spans (at least one).
fn unit_days(u: Unit) -> u32 {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => 1,
        Unit::Week | Unit::Weekend => 7,
        Unit::Month => 31,
        Unit::Quarter => 92,
        Unit::Half => 183,
        Unit::Year => 366,
        Unit::Decade => 3660,
        Unit::Century | Unit::Millennium => 36600,
    }
}

/// How a value was found.
struct Out {
    val: Result<Val, String>,
    anchor: AnchorKind,
    dir: Direction,
    why: String,
}

struct Resolver<'a> {
    dct: NaiveDate,
    ctx: &'a Ctx<'a>,
    analysis: &'a Analysis,
    /// The last specific date mentioned, and the sentence it was in.
    anchor: Option<(Val, usize)>,
    /// The last quarter or half mentioned, and its sentence.
    last_quarter: Option<(Val, usize)>,
    /// The previous timex's calendar value and its last token (for ranges: `from March to May`).
    prev: Option<(Val, usize)>,
    /// The year of the next expression when it closes a range or a choice with this one
    /// ("between January and March 2023", "in May or June 2021"), with its month and day.
    shared_year: Option<(i32, u32, Option<u32>)>,
    /// The previous timex's day and last token when it was a bare weekday (`from Monday to
    /// Friday`): the start of a range of weekdays.
    prev_weekday: Option<(Val, usize)>,
    sentence: usize,
    start: usize,
    rule: &'static str,
    end: usize,
    dir: Option<Cue>,
    /// A past-tense verb governs the expression from afar: of the candidate years, prefer
    /// the past one unless the future one is much nearer ([`FUTURE_PENALTY`]).
    lean_past: bool,
    /// A modal governs the expression from afar (`will be named commander ... for a mission
    /// in December`): the same, the other way round.
    lean_future: bool,
    /// Set while the anchor is a day told by a relative expression ("The next day ..."):
    /// the written date it replaced and the byte where that expression ends. A relative
    /// expression after it in the same paragraph counts from that day ("A week later"); past
    /// a paragraph break the written date is the anchor again.
    chained: Option<(Option<(Val, usize)>, usize)>,
    /// The current expression's written weekday contradicts its date ([`Resolver::check_weekday`]).
    clash: Option<WeekdayClash>,
}

impl Resolver<'_> {
    fn cue(&mut self) -> Cue {
        if self.dir.is_none() {
            self.dir = Some(self.ctx.lang.direction(self.ctx, self.analysis, self.start, self.end));
        }
        self.dir.clone().unwrap_or(Cue {
            direction: Direction::None,
            strong: false,
            distance: 0,
            word: String::new(),
            plan: false,
            why: String::new(),
        })
    }

    /// The direction for a name without a year (month, season, quarter, holiday): a past
    /// cue only counts when it is close, a future cue when it is a modal.
    fn direction(&mut self) -> (Direction, String) {
        let c = self.cue();
        let d = match c.direction {
            Direction::Past if c.distance <= PAST_REACH || c.strong && c.distance <= 2 * PAST_REACH => Direction::Past,
            Direction::Future if c.strong => Direction::Future,
            _ => Direction::None,
        };
        (d, c.why)
    }

    /// See: #20 item 4. A written weekday that is not the day's ("Monday, November 4, 2025",
    /// a Tuesday): the written date stands, the derivation says so, and the contradiction
    /// is kept for the expression ([`Timex::weekday_clash`]).
    fn check_weekday(&mut self, o: &mut Out, weekday: u32) {
        let Ok(Val::Day(d)) = o.val else { return };
        if d.weekday().num_days_from_monday() == weekday {
            return;
        }
        let Ok(written) = Weekday::try_from(weekday as u8) else {
            return;
        };
        o.why = format!(
            "{}; the written date is kept, though {d} is a {} and the text says {}",
            o.why,
            d.format("%A"),
            weekday_name(written)
        );
        self.clash = Some(WeekdayClash { date: d, weekday });
    }

    /// The direction for a weekday: past unless a modal points forward.
    fn weekday_direction(&mut self) -> (Direction, String) {
        // "Wednesday's ruling": a possessive day names something that has happened.
        if let Some(why) = self.ctx.lang.past_marker_after(self.ctx, self.end) {
            return (Direction::Past, why.into());
        }
        let c = self.cue();
        // "said it would close Friday": reported plans point forward from the report.
        let d = match c.direction {
            Direction::Future if c.strong || c.plan => Direction::Future,
            _ => Direction::Past,
        };
        (d, c.why)
    }

    fn dct_out(&self, val: Option<Val>, why: &str) -> Out {
        Out {
            val: val.ok_or_else(|| "out of range".to_string()),
            anchor: AnchorKind::Dct,
            dir: Direction::None,
            why: why.to_string(),
        }
    }

    /// Pick the year of a (month, day) or month from the direction.
    fn by_direction<F>(&mut self, make: F, future_strict: bool, default_nearest: bool) -> Out
    where
        F: Fn(i32) -> Option<(NaiveDate, Val)>,
    {
        let (dir, why) = self.direction();
        let y = self.dct.year();
        let cands: Vec<(NaiveDate, NaiveDate, Val)> = (y - 1..=y + 1)
            .filter_map(|yy| make(yy).map(|(start, v)| (start, end_of(v).unwrap_or(start), v)))
            .collect();
        let pick = match dir {
            Direction::Past => cands.iter().rfind(|(s, _, _)| *s <= self.dct),
            Direction::Future => cands
                .iter()
                .find(|(s, e, _)| if future_strict { *s > self.dct } else { *e >= self.dct }),
            Direction::None => {
                let dist = |(s, e, _): &&(NaiveDate, NaiveDate, Val)| {
                    if *e < self.dct {
                        (self.dct - *e).num_days()
                    } else if *s > self.dct {
                        (*s - self.dct).num_days()
                    } else {
                        0
                    }
                };
                if self.lean_past || self.lean_future {
                    let lean = |c: &&(NaiveDate, NaiveDate, Val)| {
                        if (c.0 > self.dct) == self.lean_past {
                            dist(c) * FUTURE_PENALTY
                        } else {
                            dist(c)
                        }
                    };
                    cands.iter().min_by_key(lean)
                } else if default_nearest {
                    // The DCT's year unless that is far away ("January" in December).
                    let same = cands
                        .iter()
                        .find(|(s, _, _)| s.year() == y)
                        .filter(|c| dist(c) <= SAME_YEAR_REACH);
                    same.or_else(|| cands.iter().min_by_key(dist))
                } else {
                    cands.iter().find(|(s, _, _)| s.year() == y)
                }
            }
        };
        Out {
            val: pick.map(|p| p.2).ok_or_else(|| "no such date near the DCT".to_string()),
            anchor: AnchorKind::Dct,
            dir,
            why,
        }
    }

    fn forced<F>(&self, make: F, force: Force, this: Option<Val>) -> Out
    where
        F: Fn(i32) -> Option<(NaiveDate, Val)>,
    {
        let y = self.dct.year();
        let cands: Vec<(NaiveDate, Val)> = (y - 2..=y + 2).filter_map(make).collect();
        let pick = match force {
            Force::Last => cands
                .iter()
                .rfind(|(s, v)| *s < self.dct && end_of(*v).is_none_or(|e| e < self.dct))
                .map(|p| p.1),
            Force::Next => cands.iter().find(|(s, _)| *s > self.dct).map(|p| p.1),
            Force::This => this.or_else(|| cands.iter().find(|(s, _)| s.year() == y).map(|p| p.1)),
        };
        let dir = match force {
            Force::Last => Direction::Past,
            Force::Next => Direction::Future,
            Force::This => Direction::None,
        };
        let word = force.as_str();
        Out {
            val: pick.ok_or_else(|| "no such date near the DCT".to_string()),
            anchor: AnchorKind::Dct,
            dir,
            why: format!("`{word}` in the expression"),
        }
    }

    fn anchor_or_dct(&self) -> (Val, AnchorKind) {
        match self.anchor {
            Some((v, _)) => (v, AnchorKind::Timex),
            None => (Val::Day(self.dct), AnchorKind::Dct),
        }
    }

    /// An anchor of quarter or half grain mentioned in this or the previous two sentences.
    fn fiscal_anchor(&self) -> Option<Val> {
        match self.last_quarter {
            Some((v, s)) if self.sentence.saturating_sub(s) <= FISCAL_REACH => Some(v),
            _ => None,
        }
    }

    /// [`Resolver::date_any_year`], refusing values outside the years 0000–9999 that a
    /// TIMEX3 value can write with four digits ("tomorrow" on 9999-12-31, "two days ago" on
    /// 0000-01-01, "5000 years ago"): such an expression keeps a partial value with the
    /// reason instead of `+10000-01-01` or `-0001-12-30`. See: #18 (row 11).
    fn date(&mut self, u: &Unres) -> Out {
        let mut o = self.date_any_year(u);
        if let Ok(v) = o.val {
            let week_year = match v {
                Val::Week(d) | Val::Weekend(d) => Some(d.iso_week().year()),
                _ => None,
            };
            let out_of_range = |y: i32| !(0..=9999).contains(&y);
            if v.year().is_none_or(out_of_range) || week_year.is_some_and(out_of_range) {
                o.val = Err("outside the years 0000-9999 that a TIMEX3 value can write".into());
            }
        }
        o
    }

    fn date_any_year(&mut self, u: &Unres) -> Out {
        let dct = self.dct;
        match u {
            Unres::Date {
                year: Some(y),
                month,
                day,
            } => Out {
                val: match day {
                    Some(d) => NaiveDate::from_ymd_opt(*y, *month, *d)
                        .map(Val::Day)
                        .ok_or_else(|| "no such day".into()),
                    None => Ok(Val::Month(*y, *month)),
                },
                anchor: AnchorKind::Absolute,
                dir: Direction::None,
                why: "the year is given".into(),
            },
            Unres::Date { year: None, month, day } => {
                let (m, d) = (*month, *day);
                // "between January and March 2023": the first end takes the year of the
                // second, or the year before when it comes later in the year ("from
                // November to February 2024").
                if let Some((y, m2, d2)) = self.shared_year {
                    let y = if (m, d.unwrap_or(1)) > (m2, d2.unwrap_or(1)) {
                        y - 1
                    } else {
                        y
                    };
                    let v = match d {
                        Some(dd) => NaiveDate::from_ymd_opt(y, m, dd).map(Val::Day),
                        None => Some(Val::Month(y, m)),
                    };
                    if let Some(v) = v {
                        return Out {
                            val: Ok(v),
                            anchor: AnchorKind::Absolute,
                            dir: Direction::None,
                            why: "the year of the other end of the range".into(),
                        };
                    }
                }
                // The end of a range ("from March to May", "Dec. 5 - Jan. 8") follows its start.
                if let Some((start, last)) = self.prev {
                    let joined = self.start == last + 2 && self.ctx.any(last + 1, self.ctx.lang.range_connectors());
                    if let (true, Some(first)) = (joined, start.day()) {
                        let y = first.year();
                        let pick = (y..=y + 1).find_map(|yy| match d {
                            Some(dd) => NaiveDate::from_ymd_opt(yy, m, dd).filter(|x| *x >= first).map(Val::Day),
                            None => NaiveDate::from_ymd_opt(yy, m, 1)
                                .filter(|x| (x.year(), x.month()) >= (first.year(), first.month()))
                                .map(|_| Val::Month(yy, m)),
                        });
                        if let Some(v) = pick {
                            return Out {
                                val: Ok(v),
                                anchor: AnchorKind::Timex,
                                dir: Direction::Future,
                                why: "the end of a range follows its start".into(),
                            };
                        }
                    }
                }
                // A month name is read as the nearest such month unless a close, strong
                // tense cue says otherwise.
                let c = self.cue();
                let firm_past = c.direction == Direction::Past
                    && c.distance <= FIRM_PAST_REACH
                    && self.ctx.lang.firm_past_cue(self.ctx, self.start, &c.word);
                let dir = if c.strong && c.distance <= MONTH_REACH
                    || c.direction == Direction::Past && c.distance <= PAST_VERB_REACH
                    || firm_past
                {
                    c.direction
                } else {
                    self.lean_past = c.direction == Direction::Past;
                    self.lean_future = c.direction == Direction::Future && c.strong;
                    Direction::None
                };
                self.dir = Some(Cue {
                    direction: dir,
                    strong: true,
                    distance: 0,
                    word: c.word,
                    plan: c.plan,
                    why: c.why,
                });
                self.by_direction(
                    move |y| match d {
                        Some(d) => NaiveDate::from_ymd_opt(y, m, d).map(|x| (x, Val::Day(x))),
                        None => NaiveDate::from_ymd_opt(y, m, 1).map(|x| (x, Val::Month(y, m))),
                    },
                    false,
                    true,
                )
            }
            Unres::WeekOfMonth { nth, month } => {
                let mut o = self.date(month);
                o.val = o.val.and_then(|v| match v {
                    Val::Month(y, m) => week_of_month(y, m, *nth).ok_or_else(|| "no such week".into()),
                    _ => Err("not a month".into()),
                });
                o
            }
            Unres::MonthOfYear { month, years } => {
                let mut o = self.dct_out(
                    Some(Val::Month(dct.year() + years, *month)),
                    "the year relative to the DCT",
                );
                o.dir = match years.cmp(&0) {
                    std::cmp::Ordering::Less => Direction::Past,
                    std::cmp::Ordering::Greater => Direction::Future,
                    std::cmp::Ordering::Equal => Direction::None,
                };
                o
            }
            Unres::DateWeekday {
                month,
                day,
                weekday,
                year: Some(y),
            } => {
                let mut o = self.date(&Unres::Date {
                    year: Some(*y),
                    month: *month,
                    day: Some(*day),
                });
                self.check_weekday(&mut o, *weekday);
                o
            }
            Unres::DateWeekday {
                month,
                day,
                weekday,
                year: None,
            } => {
                // The year near the DCT (within a year of it) where the weekday agrees; else
                // the day as a date without a year, and the weekday is a contradiction.
                let y = dct.year();
                let fit = [y, y + 1, y - 1]
                    .into_iter()
                    .filter_map(|yy| NaiveDate::from_ymd_opt(yy, *month, *day))
                    .filter(|d| (*d - dct).num_days().abs() <= WEEKDAY_YEAR_REACH)
                    .find(|d| d.weekday().num_days_from_monday() == *weekday);
                match fit {
                    Some(d) => Out {
                        val: Ok(Val::Day(d)),
                        anchor: AnchorKind::Dct,
                        dir: Direction::None,
                        why: "the year near the DCT where the weekday agrees".into(),
                    },
                    None => {
                        let mut o = self.date(&Unres::Date {
                            year: None,
                            month: *month,
                            day: Some(*day),
                        });
                        self.check_weekday(&mut o, *weekday);
                        o
                    }
                }
            }
            Unres::AnaphorWeekday { weekday, n } => {
                let (base, kind) = match self.anchor {
                    Some((Val::Day(d), _)) => (d, AnchorKind::Timex),
                    _ => (dct, AnchorKind::Dct),
                };
                let diff = i64::from(*weekday) - weekday_num(base);
                let k = if *n < 0 {
                    if diff < 0 {
                        diff
                    } else {
                        diff - 7
                    }
                } else if diff > 0 {
                    diff
                } else {
                    diff + 7
                };
                Out {
                    val: add_days(base, k).map(Val::Day).ok_or_else(|| "out of range".into()),
                    anchor: kind,
                    dir: if *n < 0 { Direction::Past } else { Direction::Future },
                    why: "the weekday before/after the day mentioned before".into(),
                }
            }
            Unres::DayOfMonth(day) => {
                // The month of a date mentioned in this sentence, or of a month mentioned in
                // this or the previous one ("In November, sales fell. On the 28th, ..."), else
                // the DCT's month or its neighbour in the tense's direction.
                let near = self.anchor.filter(|(_, s)| self.sentence.saturating_sub(*s) <= 1);
                let month = match near {
                    Some((Val::Day(d), s)) if s == self.sentence => {
                        Some((d.year(), d.month(), "the month of the date mentioned before"))
                    }
                    Some((Val::Month(y, m), _)) => Some((y, m, "the month mentioned before")),
                    _ => None,
                };
                if let Some((y, m, why)) = month {
                    if let Some(x) = NaiveDate::from_ymd_opt(y, m, *day) {
                        return Out {
                            val: Ok(Val::Day(x)),
                            anchor: AnchorKind::Timex,
                            dir: Direction::None,
                            why: why.into(),
                        };
                    }
                }
                let (dir, why) = self.weekday_direction();
                let month_start = |k: i32| {
                    let m0 = dct.year() * 12 + dct.month0() as i32 + k;
                    NaiveDate::from_ymd_opt(m0.div_euclid(12), m0.rem_euclid(12) as u32 + 1, 1)
                };
                let on = |k: i32| month_start(k).and_then(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), *day));
                let pick = match dir {
                    Direction::Future => (0..=2).find_map(|k| on(k).filter(|x| *x >= dct)),
                    _ => (0..=2).find_map(|k| on(-k).filter(|x| *x <= dct)),
                };
                Out {
                    val: pick.map(Val::Day).ok_or_else(|| "out of range".into()),
                    anchor: AnchorKind::Dct,
                    dir,
                    why,
                }
            }
            Unres::Weekday(wd) => {
                // The end of a range of days ("from Monday to Friday") is the first such
                // weekday after its start.
                if let Some((Val::Day(first), last)) = self.prev_weekday {
                    if self.start == last + 2 && self.ctx.any(last + 1, self.ctx.lang.weekday_range_connectors()) {
                        let ahead = (i64::from(*wd) - weekday_num(first)).rem_euclid(7);
                        return Out {
                            val: add_days(first, if ahead == 0 { 7 } else { ahead })
                                .map(Val::Day)
                                .ok_or_else(|| "out of range".into()),
                            anchor: AnchorKind::Timex,
                            dir: Direction::Future,
                            why: "the end of a range follows its start".into(),
                        };
                    }
                }
                let (dir, why) = self.weekday_direction();
                // "The board approved the merger on Monday. The chiefs had met on Wednesday":
                // a past perfect lies before the day the story has reached, the day
                // mentioned just before: the latest such weekday before it.
                let before = match self.anchor {
                    Some((Val::Day(a), s))
                        if dir != Direction::Future
                            && a <= dct
                            && self.sentence.saturating_sub(s) <= PAST_PERFECT_REACH
                            && self.ctx.lang.past_perfect_before(self.ctx, self.analysis, self.start) =>
                    {
                        Some(a)
                    }
                    _ => None,
                };
                if let Some(a) = before {
                    let back = (weekday_num(a) - i64::from(*wd)).rem_euclid(7);
                    let back = if back == 0 { 7 } else { back };
                    return Out {
                        val: add_days(a, -back).map(Val::Day).ok_or_else(|| "out of range".into()),
                        anchor: AnchorKind::Timex,
                        dir: Direction::Past,
                        why: format!("past perfect: before the day mentioned before, {a}"),
                    };
                }
                let diff = i64::from(*wd) - weekday_num(dct);
                let n = match dir {
                    Direction::Future => {
                        if diff >= 0 {
                            diff
                        } else {
                            diff + 7
                        }
                    }
                    _ => {
                        if diff <= 0 {
                            diff
                        } else {
                            diff - 7
                        }
                    }
                };
                Out {
                    val: add_days(dct, n).map(Val::Day).ok_or_else(|| "out of range".into()),
                    anchor: AnchorKind::Dct,
                    dir,
                    why,
                }
            }
            Unres::Season { season, year: Some(y) } => Out {
                val: Ok(Val::Season(*y, *season)),
                anchor: AnchorKind::Absolute,
                dir: Direction::None,
                why: "the year is given".into(),
            },
            Unres::Season { season, year: None } => {
                let s = *season;
                self.by_direction(
                    move |y| NaiveDate::from_ymd_opt(y, s.first_month(), 1).map(|x| (x, Val::Season(y, s))),
                    false,
                    false,
                )
            }
            Unres::Quarter { q, year: Some(y) } => abs(Val::Quarter(*y, *q)),
            Unres::FiscalPeriod { year } => match self.fiscal_anchor() {
                Some(Val::Quarter(_, q)) => Out {
                    val: Ok(Val::Quarter(*year, q)),
                    anchor: AnchorKind::Timex,
                    dir: Direction::None,
                    why: "the quarter mentioned before, in the year given".into(),
                },
                Some(Val::Half(_, h)) => Out {
                    val: Ok(Val::Half(*year, h)),
                    anchor: AnchorKind::Timex,
                    dir: Direction::None,
                    why: "the half mentioned before, in the year given".into(),
                },
                _ => abs(Val::Year(*year)),
            },
            Unres::Half { h, year: Some(y) } => abs(Val::Half(*y, *h)),
            Unres::Quarter { q, year: None } => {
                let q = *q;
                // Quarters are reported after they end: only a past cue moves one back a year.
                let (d, why) = self.direction();
                let d = if d == Direction::Past { d } else { Direction::None };
                self.dir = Some(Cue {
                    direction: d,
                    strong: true,
                    distance: 0,
                    word: String::new(),
                    plan: false,
                    why,
                });
                self.by_direction(
                    move |y| NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1).map(|x| (x, Val::Quarter(y, q))),
                    false,
                    false,
                )
            }
            Unres::Half { h, year: None } => {
                let h = *h;
                self.by_direction(
                    move |y| NaiveDate::from_ymd_opt(y, (h - 1) * 6 + 1, 1).map(|x| (x, Val::Half(y, h))),
                    false,
                    false,
                )
            }
            Unres::Holiday {
                holiday: Holiday::Fixed(0, 0),
                ..
            } => {
                // "the holiday": the major holiday nearest the DCT, within three weeks.
                let best = MAJOR
                    .iter()
                    .flat_map(|h| (dct.year() - 1..=dct.year() + 1).filter_map(move |y| holiday_date(*h, y)))
                    .min_by_key(|d| (*d - dct).num_days().abs());
                match best {
                    Some(d) if (d - dct).num_days().abs() <= 21 => Out {
                        val: Ok(Val::Day(d)),
                        anchor: AnchorKind::Dct,
                        dir: Direction::None,
                        why: "the major holiday nearest the DCT".into(),
                    },
                    _ => self.dct_out(None, "no holiday near the DCT"),
                }
            }
            Unres::Holiday { holiday, year: Some(y) } => match holiday_date(*holiday, *y) {
                Some(d) => abs(Val::Day(d)),
                None => self.dct_out(None, "no such holiday"),
            },
            Unres::Holiday { holiday, year: None } => {
                let h = *holiday;
                let (dir, why) = self.direction();
                let all: Vec<NaiveDate> = (dct.year() - 1..=dct.year() + 1)
                    .filter_map(|y| holiday_date(h, y))
                    .collect();
                let nearest = all.iter().min_by_key(|d| (**d - dct).num_days().abs()).copied();
                // The nearest occurrence, unless the tense clearly points the other way.
                let pick = match (dir, nearest) {
                    (Direction::Past, Some(d)) if (d - dct).num_days() > 30 => {
                        all.iter().rfind(|x| **x <= dct).copied()
                    }
                    (Direction::Future, Some(d)) if (dct - d).num_days() > 30 => {
                        all.iter().find(|x| **x >= dct).copied()
                    }
                    (_, n) => n,
                };
                Out {
                    val: pick.map(Val::Day).ok_or_else(|| "no such holiday".into()),
                    anchor: AnchorKind::Dct,
                    dir,
                    why: format!("nearest occurrence; {why}"),
                }
            }
            Unres::Shift { unit, n } => {
                let n = *n;
                // "a year ago" in a report about a quarter means that quarter a year before.
                if *unit == Unit::Year && n == -1 && self.rule == "relative/ago" {
                    if let Some(v) = self.fiscal_anchor() {
                        return Out {
                            val: shift_val(v, if matches!(v, Val::Quarter(..)) { -4 } else { -2 })
                                .ok_or_else(|| "out of range".into()),
                            anchor: AnchorKind::Timex,
                            dir: Direction::Past,
                            why: "a year before the period mentioned before".into(),
                        };
                    }
                }
                let v = match unit {
                    Unit::Decade => Some(Val::Decade(dct.year() / 10 + n as i32)),
                    Unit::Century | Unit::Millennium => Some(Val::Century(dct.year() / 100 + n as i32)),
                    u => shift_val(at_grain(dct, *u), n),
                };
                let dir = match n.cmp(&0) {
                    std::cmp::Ordering::Less => Direction::Past,
                    std::cmp::Ordering::Greater => Direction::Future,
                    std::cmp::Ordering::Equal => Direction::None,
                };
                let mut o = self.dct_out(v, "offset from the DCT");
                o.dir = dir;
                o
            }
            Unres::Named { base, force } => {
                let force = *force;
                match &**base {
                    Unres::Date { month, day, .. } => {
                        let (m, d) = (*month, *day);
                        self.forced(
                            move |y| match d {
                                Some(d) => NaiveDate::from_ymd_opt(y, m, d).map(|x| (x, Val::Day(x))),
                                None => NaiveDate::from_ymd_opt(y, m, 1).map(|x| (x, Val::Month(y, m))),
                            },
                            force,
                            None,
                        )
                    }
                    Unres::Weekday(wd) => {
                        let diff = i64::from(*wd) - weekday_num(dct);
                        let n = match force {
                            Force::Last => {
                                if diff < 0 {
                                    diff
                                } else {
                                    diff - 7
                                }
                            }
                            Force::Next => {
                                if diff > 0 {
                                    diff
                                } else {
                                    diff + 7
                                }
                            }
                            Force::This => diff,
                        };
                        let mut o = self.dct_out(add_days(dct, n).map(Val::Day), "");
                        o.dir = match force {
                            Force::Last => Direction::Past,
                            Force::Next => Direction::Future,
                            Force::This => Direction::None,
                        };
                        o.why = "`last`/`next`/`this` in the expression".into();
                        o
                    }
                    Unres::Season { season, .. } => {
                        let s = *season;
                        let (cy, cs) = season_of(dct);
                        let this = if force == Force::This {
                            // "this winter" in January is the winter that began in December.
                            Some(if s == cs {
                                Val::Season(cy, s)
                            } else {
                                Val::Season(dct.year(), s)
                            })
                        } else {
                            None
                        };
                        let _ = season_index;
                        self.forced(
                            move |y| NaiveDate::from_ymd_opt(y, s.first_month(), 1).map(|x| (x, Val::Season(y, s))),
                            force,
                            this,
                        )
                    }
                    Unres::Quarter { q, .. } => {
                        let y = dct.year()
                            + match force {
                                Force::Last => -1,
                                Force::Next => 1,
                                Force::This => 0,
                            };
                        abs(Val::Quarter(y, *q))
                    }
                    Unres::Half { h, .. } => {
                        let y = dct.year()
                            + match force {
                                Force::Last => -1,
                                Force::Next => 1,
                                Force::This => 0,
                            };
                        abs(Val::Half(y, *h))
                    }
                    Unres::Holiday { holiday, .. } => {
                        let h = *holiday;
                        self.forced(move |y| holiday_date(h, y).map(|d| (d, Val::Day(d))), force, None)
                    }
                    other => self.date(other),
                }
            }
            Unres::Anaphor { unit, n } => {
                let n = *n;
                // "a year earlier" in a report about a quarter: that quarter a year before.
                if *unit == Unit::Year && n != 0 {
                    if let Some(v) = self.fiscal_anchor() {
                        let k = if matches!(v, Val::Quarter(..)) { 4 } else { 2 };
                        return Out {
                            val: shift_val(v, k * n).ok_or_else(|| "out of range".into()),
                            anchor: AnchorKind::Timex,
                            dir: if n < 0 { Direction::Past } else { Direction::Future },
                            why: "a year from the period mentioned before".into(),
                        };
                    }
                }
                let (mut base, mut kind) = self.anchor_or_dct();
                // "the day before" after "the early 1990s": a decade cannot anchor a day.
                if kind == AnchorKind::Timex && days_in(base) > unit_days(*unit) {
                    (base, kind) = (Val::Day(self.dct), AnchorKind::Dct);
                }
                let v = match unit {
                    // "a year earlier": keep the anchor's grain (a quarter a year before).
                    Unit::Year => match base {
                        Val::Quarter(..) if n != 0 => shift_val(base, 4 * n),
                        Val::Half(..) if n != 0 => shift_val(base, 2 * n),
                        Val::Season(..) if n != 0 => shift_val(base, n),
                        _ => base.year().map(|y| Val::Year(y + n as i32)),
                    },
                    u => base.day().and_then(|d| shift_val(at_grain(d, *u), n)),
                };
                Out {
                    val: v.ok_or_else(|| "out of range".into()),
                    anchor: kind,
                    dir: match n.cmp(&0) {
                        std::cmp::Ordering::Less => Direction::Past,
                        std::cmp::Ordering::Greater => Direction::Future,
                        std::cmp::Ordering::Equal => Direction::None,
                    },
                    why: if kind == AnchorKind::Timex {
                        "relative to the date mentioned before".into()
                    } else {
                        "no earlier date: relative to the DCT".into()
                    },
                }
            }
            Unres::TheUnit { unit } => {
                if *unit == Unit::Quarter {
                    if let Some(v @ Val::Quarter(..)) = self.fiscal_anchor() {
                        return Out {
                            val: Ok(v),
                            anchor: AnchorKind::Timex,
                            dir: Direction::None,
                            why: "the quarter mentioned before".into(),
                        };
                    }
                    let (dir, why) = self.direction();
                    let cur = at_grain(dct, Unit::Quarter);
                    let v = if dir == Direction::Future {
                        Some(cur)
                    } else {
                        shift_val(cur, -1)
                    };
                    return Out {
                        val: v.ok_or_else(|| "out of range".into()),
                        anchor: AnchorKind::Dct,
                        dir,
                        why: format!("the last completed quarter unless future; {why}"),
                    };
                }
                if *unit == Unit::Weekend {
                    let (dir, why) = self.direction();
                    let wd = weekday_num(dct);
                    let sat = match dir {
                        Direction::Future => add_days(dct, (5 - wd).rem_euclid(7)),
                        // On a Friday with no cue, "the weekend" is the one starting tomorrow.
                        Direction::None if wd == 4 => add_days(dct, 1),
                        _ => add_days(dct, if wd >= 5 { 5 - wd } else { -(wd + 2) }),
                    };
                    return Out {
                        val: sat.map(Val::Weekend).ok_or_else(|| "out of range".into()),
                        anchor: AnchorKind::Dct,
                        dir,
                        why,
                    };
                }
                // "the week", "the month": the one around a date just mentioned. "The year"
                // reaches back only within its sentence ("a high for the year" is this year).
                let reach = if *unit == Unit::Year { 0 } else { 1 };
                // An anchor coarser than the unit does not say which one ("2009 ... the end of
                // the month" is this month).
                let (base, kind) = match self.anchor {
                    Some((v, s)) if self.sentence.saturating_sub(s) <= reach && fine_enough(v, *unit) => {
                        (v, AnchorKind::Timex)
                    }
                    _ => (Val::Day(dct), AnchorKind::Dct),
                };
                let v = base.day().map(|d| at_grain(d, *unit));
                Out {
                    val: v.ok_or_else(|| "out of range".into()),
                    anchor: kind,
                    dir: Direction::None,
                    why: "the unit around the reference date".into(),
                }
            }
            Unres::Fixed(_) | Unres::Duration { .. } | Unres::PartOfDay { .. } | Unres::Time { .. } => {
                self.dct_out(None, "not a date")
            }
        }
    }
}

/// The `nth` week (0 = last) of month `m` of year `y`: the week of its 4th day, or of the
/// 4th from its end, as [`Val::Week`].
fn week_of_month(y: i32, m: u32, nth: u32) -> Option<Val> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let day = if nth == 0 {
        let next = NaiveDate::from_ymd_opt(if m == 12 { y + 1 } else { y }, m % 12 + 1, 1)?;
        next.checked_sub_days(chrono::Days::new(4))?
    } else {
        first.checked_add_days(chrono::Days::new(u64::from(3 + 7 * (nth - 1))))?
    };
    (day.month() == m).then_some(Val::Week(day))
}

/// `v` is at the grain of `unit` or finer, so it tells which `unit` contains it.
fn fine_enough(v: Val, unit: Unit) -> bool {
    days_in(v) <= unit_days(unit)
}

fn end_of(v: Val) -> Option<NaiveDate> {
    tempograph_core::value::date_range(&v.format()).map(|r| r.latest)
}

fn abs(v: Val) -> Out {
    Out {
        val: Ok(v),
        anchor: AnchorKind::Absolute,
        dir: Direction::None,
        why: "the year is given".into(),
    }
}

/// Format a duration of `n` units (`None` = unspecified).
pub fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let Some(n) = n else {
        return match unit {
            Unit::Second => "PTXS",
            Unit::Minute => "PTXM",
            Unit::Hour => "PTXH",
            Unit::Day => "PXD",
            Unit::Week | Unit::Weekend => "PXW",
            Unit::Month => "PXM",
            Unit::Quarter => "PXQ",
            Unit::Half => "PXM",
            // Amounts of decades are written in years (`two decades` is P20Y), and so is an
            // unknown number of them (`for decades`, `decades-long`: PXY, as TimeBank and
            // MEANTIME annotate it).
            Unit::Year | Unit::Decade => "PXY",
            Unit::Century => "PXC",
            Unit::Millennium => "PXL",
        }
        .to_string();
    };
    if n.fract() == 0.0 && (0.0..1e7).contains(&n) {
        return unit_value(unit, n as u32);
    }
    // Fractions: the whole part, then the rest one unit down (2.5 years = P2Y6M,
    // 1.5 hours = PT1H30M, half a day = PT12H).
    let (whole, rest) = (n.trunc() as u64, n.fract());
    let (big, small, factor, time_small) = match unit {
        Unit::Year => ("Y", "M", 12.0, false),
        Unit::Month => ("M", "D", 30.0, false),
        Unit::Week => ("W", "D", 7.0, false),
        Unit::Day => ("D", "H", 24.0, true),
        Unit::Hour => ("H", "M", 60.0, true),
        Unit::Minute => ("M", "S", 60.0, true),
        _ => return format!("P{n}{}", &unit_value(unit, 1)[2..]),
    };
    let sub = (rest * factor).round() as u64;
    let time_big = matches!(unit, Unit::Hour | Unit::Minute);
    let mut v = String::from("P");
    if time_big {
        v.push('T');
    }
    if whole > 0 {
        v.push_str(&format!("{whole}{big}"));
    }
    if time_small && !time_big {
        v.push('T');
    }
    v.push_str(&format!("{sub}{small}"));
    v
}

/// Turn candidates into timexes, in order, keeping the last mentioned date as the anchor
/// for anaphoric expressions. Candidates that cannot be resolved are dropped only when they
/// are `the holiday` far from any holiday; others keep an `X`-filled value.
pub fn resolve(text: &str, analysis: &Analysis, dct: NaiveDate, cands: &[Cand]) -> Vec<Timex> {
    resolve_in(&Ctx::new(text, &analysis.tokens), analysis, dct, cands)
}

/// [`resolve`] over an existing token context.
pub fn resolve_in(ctx: &Ctx, analysis: &Analysis, dct: NaiveDate, cands: &[Cand]) -> Vec<Timex> {
    resolve_window(ctx, analysis, dct, cands, &mut Memory::default(), 0, 0)
}

/// What the resolver carries from one window of a long document to the next
/// ([`crate::tag_text`]): the anchors, with sentence and token numbers counted from
/// the start of the document.
#[derive(Default)]
pub struct Memory {
    anchor: Option<(Val, usize)>,
    last_quarter: Option<(Val, usize)>,
    prev: Option<(Val, usize)>,
}

/// [`resolve_in`] over one window of a document whose first sentence and token are number
/// `sentence_base` and `token_base` of the document, remembering anchors in `mem`.
pub fn resolve_window(
    ctx: &Ctx,
    analysis: &Analysis,
    dct: NaiveDate,
    cands: &[Cand],
    mem: &mut Memory,
    sentence_base: usize,
    token_base: usize,
) -> Vec<Timex> {
    let text = ctx.text;
    let mut r = Resolver {
        dct,
        ctx,
        analysis,
        anchor: mem.anchor,
        last_quarter: mem.last_quarter,
        // A previous timex before the window is too far back to start a range.
        prev: mem.prev.and_then(|(v, t)| Some((v, t.checked_sub(token_base)?))),
        shared_year: None,
        prev_weekday: None,
        chained: None,
        clash: None,
        sentence: 0,
        start: 0,
        rule: "",
        end: 0,
        dir: None,
        lean_past: false,
        lean_future: false,
    };
    let dct_value = dct.format("%Y-%m-%d").to_string();
    // The reference time the text sets ("On Monday, ... earlier today"): see `reference`.
    let mut reference: Option<super::reference::Reference> = None;
    // "today" inside a quote, waiting for the quote's attribution to date it: (index in
    // `out`, sentence).
    let mut quoted: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::with_capacity(cands.len());
    for (ci, c) in cands.iter().enumerate() {
        let span = Span::new(analysis.tokens[c.start].span.start, analysis.tokens[c.end - 1].span.end);
        r.shared_year = cands.get(ci + 1).and_then(|n| shared_year(ctx, c, n));
        r.clash = None;
        r.start = c.start;
        r.rule = c.rule;
        r.end = c.end;
        r.dir = None;
        r.lean_past = false;
        r.lean_future = false;
        r.sentence = sentence_base + analysis.sentence_at(span.start);
        if let Some((written, end)) = r.chained {
            let between = text.get(end..span.start).unwrap_or("");
            if between.contains("\n\n") || between.contains("\r\n\r\n") {
                r.anchor = written;
                r.chained = None;
            }
        }
        let mut kind = c.kind;
        let (value, o_anchor, o_dir, why, val) = match &c.val {
            Unres::Fixed(v) => (
                v.clone(),
                AnchorKind::Absolute,
                Direction::None,
                "the text gives the value".to_string(),
                Val::parse(v),
            ),
            Unres::Duration { n, unit } => (
                duration_value(*n, *unit),
                AnchorKind::Absolute,
                Direction::None,
                "a length of time".to_string(),
                None,
            ),
            Unres::Time {
                day,
                hour,
                minute,
                zone,
            } => {
                let o = match day {
                    Some(d) => r.date(d),
                    None => {
                        // "On Tuesday, the board met. The vote was held at 3 p.m.": the
                        // story's day, not the publication date.
                        let story_day = reference
                            .as_ref()
                            .filter(|rf| super::reference::holds(ctx, rf, r.sentence, span.start));
                        match (r.anchor, story_day) {
                            (Some((Val::Day(d), s)), _) if r.sentence.saturating_sub(s) < 1 => Out {
                                val: Ok(Val::Day(d)),
                                anchor: AnchorKind::Timex,
                                dir: Direction::None,
                                why: "on the day mentioned just before".into(),
                            },
                            (_, Some(rf)) => Out {
                                val: Ok(Val::Day(rf.day)),
                                anchor: AnchorKind::Timex,
                                dir: Direction::None,
                                why: super::reference::why(rf),
                            },
                            _ => Out {
                                val: Ok(Val::Day(dct)),
                                anchor: AnchorKind::Dct,
                                dir: Direction::None,
                                why: "on the DCT's day".into(),
                            },
                        }
                    }
                };
                let v = match o.val {
                    Ok(Val::Day(d)) => format!(
                        "{}T{hour:02}:{minute:02}{}",
                        d.format("%Y-%m-%d"),
                        zone.map_or(String::new(), |z| zone_designator(z, Some(d)))
                    ),
                    _ => format!(
                        "XXXX-XX-XXT{hour:02}:{minute:02}{}",
                        zone.map_or(String::new(), |z| zone_designator(z, None))
                    ),
                };
                (v, o.anchor, o.dir, o.why, o.val.ok())
            }
            Unres::PartOfDay { day, part } => {
                let o = r.date(day);
                let v = match o.val {
                    Ok(Val::Day(d)) => format!("{}T{part}", d.format("%Y-%m-%d")),
                    _ => format!("XXXX-XX-XXT{part}"),
                };
                (v, o.anchor, o.dir, o.why, o.val.ok())
            }
            other => {
                let o = r.date(other);
                match o.val {
                    Ok(v) => (v.format(), o.anchor, o.dir, o.why, Some(v)),
                    Err(e) => {
                        if c.rule == "holiday/anaphor" {
                            continue;
                        }
                        (unknown_value(other), o.anchor, o.dir, e, None)
                    }
                }
            }
        };
        let (value, o_anchor, o_dir, why, val) = match &reference {
            Some(rf) if value == dct_value && super::reference::applies(ctx, c, rf, r.sentence, span.start) => (
                rf.day.format("%Y-%m-%d").to_string(),
                AnchorKind::Timex,
                Direction::None,
                super::reference::why(rf),
                Some(Val::Day(rf.day)),
            ),
            _ => (value, o_anchor, o_dir, why, val),
        };
        // A dateline's day without a year is the most recent one not after the publication
        // date ("LISBON, March 2 —" in a story published on March 5), give or take the day a
        // time zone makes ("TOKYO, Dec. 19 —" published on Dec. 18 in New York).
        let dateline = super::reference::is_dateline(ctx, analysis, c, r.sentence);
        let (value, why, val) = match &c.val {
            Unres::Date {
                year: None,
                month,
                day: Some(day),
            } if dateline => {
                // The story's own verbs say nothing of when it was filed.
                let last = dct.checked_add_days(Days::new(DATELINE_AHEAD)).unwrap_or(dct);
                let pick = (dct.year() - 1..=dct.year() + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, *month, *day))
                    .rfind(|d| *d <= last);
                match pick {
                    Some(p) => (
                        p.format("%Y-%m-%d").to_string(),
                        "a dateline: the most recent such day not after the DCT".to_string(),
                        Some(Val::Day(p)),
                    ),
                    None => (value, why, val),
                }
            }
            _ => (value, why, val),
        };
        if let Some(Val::Day(d)) = val {
            if let Some(x) = super::reference::set_by(ctx, analysis, c, Some(d), dct, r.sentence) {
                reference = Some(x);
            }
            if let Some(x) = dateline
                .then(|| super::reference::set_by_dateline(ctx, analysis, c, d, dct))
                .flatten()
            {
                reference = Some(x);
            }
            // A dated quote: the attribution's day is the quoted "today".
            let attribution = (d < dct)
                .then(|| super::reference::dates_attribution(ctx, analysis, c))
                .flatten();
            if let Some(at) = attribution {
                let words = &text[at..span.end];
                for &(i, _) in quoted.iter().filter(|(_, s)| *s == r.sentence) {
                    let t: &mut Timex = &mut out[i];
                    // "today" is the day; "this morning" keeps its part of the day (`TMO`).
                    let part = t.value.get(dct_value.len()..).unwrap_or("").to_string();
                    t.value = format!("{}{part}", d.format("%Y-%m-%d"));
                    t.derivation = Derivation {
                        anchor: AnchorKind::Timex,
                        anchor_value: Some(t.value.clone()),
                        direction: Direction::None,
                        why: super::reference::why_quoted(d, words),
                    };
                }
                quoted.retain(|(_, s)| *s != r.sentence);
            }
        }
        // A part of the publication day ("this morning": the DCT and `TMO`).
        let part_of_today = value.len() == dct_value.len() + 3
            && value.starts_with(&dct_value)
            && value.as_bytes()[dct_value.len()] == b'T'
            && value[dct_value.len() + 1..].bytes().all(|b| b.is_ascii_uppercase());
        let cues = ctx.lang.reference_cues();
        if (c.rule == "relative/day-word" && cues.is_some_and(|q| ctx.is(c.end - 1, q.today)) && value == dct_value
            || part_of_today && cues.is_some_and(|q| ctx.is(c.start, q.this)))
            && super::reference::in_quote(analysis, text, span.start)
        {
            quoted.push((out.len(), r.sentence));
        }
        if kind == TimexType::Date && value.len() > 10 && value.as_bytes()[10] == b'T' && c.rule != "time/part-of-day" {
            kind = TimexType::Time;
        }
        r.prev = match (&c.val, val) {
            (Unres::Date { .. } | Unres::DateWeekday { .. }, Some(v @ (Val::Day(_) | Val::Month(..)))) => {
                Some((v, c.end - 1))
            }
            _ => None,
        };
        r.prev_weekday = match (&c.val, val) {
            (Unres::Weekday(_), Some(v @ Val::Day(_))) => Some((v, c.end - 1)),
            _ => None,
        };
        let anaphoric = matches!(c.val, Unres::Anaphor { .. } | Unres::AnaphorWeekday { .. })
            || matches!(c.val, Unres::Shift { unit: Unit::Year, .. });
        if (kind == TimexType::Date || kind == TimexType::Time) && !anaphoric {
            if let Some(v) = val {
                r.anchor = Some((v, r.sentence));
                r.chained = None;
                if matches!(v, Val::Quarter(..) | Val::Half(..)) {
                    r.last_quarter = Some((v, r.sentence));
                }
            }
        }
        let anchor_value = match o_anchor {
            AnchorKind::Dct => Some(dct_value.clone()),
            AnchorKind::Timex => r.anchor.map(|(v, _)| v.format()),
            AnchorKind::Absolute => None,
        };
        // "The next day", "two days later", "that day" counted from a date told before: the
        // day it names anchors the next relative expression of the paragraph. A step back
        // ("The day before, a helicopter had spotted ...") is a flashback: the story's line
        // stays on the day it left.
        let day_anaphor = matches!(c.val, Unres::Anaphor { unit: Unit::Day, n } if n >= 0);
        if let (true, AnchorKind::Timex, Some(v @ Val::Day(_))) = (day_anaphor, o_anchor, val) {
            let written = r.chained.map_or(r.anchor, |(w, _)| w);
            r.chained = Some((written, span.end));
            r.anchor = Some((v, r.sentence));
        }
        out.push(Timex {
            span,
            text: span.slice(text).to_string(),
            kind,
            value,
            modifier: c.modifier.map(str::to_string),
            quant: c.quant.map(str::to_string),
            freq: c.freq.clone(),
            rule: c.rule,
            derivation: Derivation {
                anchor: o_anchor,
                anchor_value,
                direction: o_dir,
                why,
            },
            weekday_clash: r.clash.take(),
        });
    }
    mem.anchor = r.anchor;
    mem.last_quarter = r.last_quarter;
    mem.prev = r.prev.map(|(v, t)| (v, t + token_base));
    out
}

/// The year `next` gives to `c` when the two are the ends of one range or choice of
/// dates joined by one connector (`January and March 2023`, `May or June 2021`,
/// `Dec. 5 - Jan. 8, 2015`): `c` has no year, `next` has one. With `next`'s month and day.
fn shared_year(ctx: &Ctx, c: &Cand, next: &Cand) -> Option<(i32, u32, Option<u32>)> {
    if !matches!(c.val, Unres::Date { year: None, .. }) || next.start != c.end + 1 {
        return None;
    }
    let joined = ctx.any(c.end, ctx.lang.range_connectors()) || ctx.any(c.end, ctx.lang.choice_connectors());
    match next.val {
        Unres::Date {
            year: Some(y),
            month,
            day,
        } if joined => Some((y, month, day)),
        Unres::DateWeekday {
            year: Some(y),
            month,
            day,
            ..
        } if joined => Some((y, month, Some(day))),
        _ => None,
    }
}

/// A value with the unknown parts as `X` (`XXXX-12-25`).
fn unknown_value(u: &Unres) -> String {
    match u {
        Unres::Date {
            month, day: Some(d), ..
        } => format!("XXXX-{month:02}-{d:02}"),
        Unres::Date { month, day: None, .. } => format!("XXXX-{month:02}"),
        Unres::Season { season, .. } => format!("XXXX-{}", season.code()),
        Unres::Quarter { q, .. } => format!("XXXX-Q{q}"),
        Unres::Weekday(d) => format!("XXXX-WXX-{}", d + 1),
        Unres::DayOfMonth(d) => format!("XXXX-XX-{d:02}"),
        _ => "XXXX-XX-XX".to_string(),
    }
}

/// The ISO 8601 zone designator of `zone` on day `d`: `Z`, `-05`, `+05:30`. A US zone named
/// without standard or daylight (`ET`) is an hour later from the second Sunday of March to
/// the first Sunday of November (the rule since 2007; on an unknown day, standard time).
fn zone_designator(zone: super::rules::Zone, d: Option<NaiveDate>) -> String {
    let minutes = match zone {
        super::rules::Zone::Fixed(m) => m,
        super::rules::Zone::UsLocal(h) => {
            let dst = d.is_some_and(|d| {
                let nth_sunday = |month: u32, n: u32| {
                    NaiveDate::from_weekday_of_month_opt(d.year(), month, chrono::Weekday::Sun, n as u8)
                };
                matches!((nth_sunday(3, 2), nth_sunday(11, 1)), (Some(a), Some(b)) if d >= a && d < b)
            });
            (h + i32::from(dst)) * 60
        }
    };
    if minutes == 0 {
        return "Z".to_string();
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    let (h, m) = (minutes.abs() / 60, minutes.abs() % 60);
    if m == 0 {
        format!("{sign}{h:02}")
    } else {
        format!("{sign}{h:02}:{m:02}")
    }
}
