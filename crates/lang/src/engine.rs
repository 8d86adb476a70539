//! The rule engine every language's extraction rules are written against: the value types
//! the rules give ([`Unres`], [`Cand`], [`Unit`], [`TimexType`], ...), the token context
//! ([`Ctx`]) with its language ([`Ctx::lang`]), the word lexicon the context looks tokens up
//! in once, and the tense cue ([`Cue`]) a language's [`super::Language::direction`] returns.
//! Nothing here knows a word of any language: the words come from the language packages
//! (`src/lang/en/`, `src/lang/de/`). No date is computed here either; the timex stage
//! resolves the candidates ([`crate::timex::resolve`]).
//!
//! The English rules, one file per category, live in `src/lang/en/rules/`:
//!
//! | category  | file          | example                          | unresolved value             |
//! |-----------|---------------|----------------------------------|------------------------------|
//! | dates     | `date.rs`     | `Dec. 17`, `the third quarter`   | `Date{month:12, day:17}`     |
//! | relative  | `relative.rs` | `last week`, `two years ago`     | `Shift{unit: Week, n: -1}`   |
//! | durations | `duration.rs` | `three-month`, `several years`   | `Duration{n: 3, unit: Month}`|
//! | sets      | `set.rs`      | `daily`, `every Tuesday`         | `Fixed("P1D")`               |
//! | times     | `time.rs`     | `3:07 p.m.`, `Sunday night`      | `Time{..}` / `PartOfDay{..}` |
//! | holidays  | `holiday.rs`  | `Christmas`, `Labor Day`         | `Holiday(..)`                |
//! | generic   | `generic.rs`  | `now`, `the past`, `recently`    | `Fixed("PRESENT_REF")`       |
//!
//! # Grammar
//!
//! Each rule is a Rust function over the token stream: `fn(&Ctx, usize, &mut Vec<Cand>)`.
//! Rule ids are `category/name`; each language lists its own ([`super::Language::rule_ids`]).

use super::Language;
use crate::text::{Token, TokenKind};
use serde::Serialize;

/// The TIMEX3 `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// Which way a relative expression points from its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Past,
    Future,
    None,
}

impl Direction {
    /// Every direction.
    pub const ALL: [Direction; 3] = [Direction::Past, Direction::Future, Direction::None];

    /// How records spell it (as serde does): `past`, `future`, `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Past => "past",
            Direction::Future => "future",
            Direction::None => "none",
        }
    }

    /// The direction spelled `s` ([`Direction::as_str`]).
    pub fn parse(s: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// The nearest tense cue around an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub direction: Direction,
    /// A modal or auxiliary (`will`, `was`, `has been`), not just a verb ending.
    pub strong: bool,
    /// Distance in tokens from the expression (0 when there is no cue).
    pub distance: usize,
    /// The cue word, lower-cased (empty when there is no cue).
    pub word: String,
    /// The cue reports a plan (`said it would close Friday`): a weekday it governs lies
    /// ahead even when the cue is weak.
    pub plan: bool,
    /// The evidence, in words.
    pub why: String,
}

/// The duration letter(s) of one unit: `D`, `W`, `M`, `Y`, `TH`, ...
pub fn unit_value(unit: Unit, n: u32) -> String {
    match unit {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week | Unit::Weekend => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Quarter => format!("P{n}Q"),
        Unit::Half => format!("P{}M", 6 * n),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{}Y", 10 * n),
        Unit::Century => format!("P{}Y", 100 * n),
        Unit::Millennium => format!("P{}Y", 1000 * n),
    }
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    Millennium,
}

/// A season: spring, summer, fall, winter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
    /// First month of the season (winter starts in December).
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A time zone written with a clock time (`GMT`, `EST`, `ET`, `GMT+2`): the value carries
/// its designator (`T09:15Z`, `T20:00-05`), as ISO 8601 and TimeML write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zone {
    /// Minutes east of UTC: `UTC` 0, `EST` -300, `GMT+2` 120.
    Fixed(i32),
    /// A US zone named without saying standard or daylight time (`ET`, `Eastern`): its
    /// standard offset in hours, an hour more in the US daylight-saving period.
    UsLocal(i32),
}

/// A forced direction written in the expression itself (`last`, `next`, `this`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Force {
    /// `last Friday`: strictly before the anchor's own unit.
    Last,
    /// `next Friday`: strictly after.
    Next,
    /// `this Friday`, `this summer`: the one in the anchor's current week/year.
    This,
}

impl Force {
    /// The English word of the force, as explanations quote it (`` `last` in the
    /// expression``) in every language: the messages are English.
    pub fn as_str(self) -> &'static str {
        match self {
            Force::Last => "last",
            Force::Next => "next",
            Force::This => "this",
        }
    }
}

/// A holiday, fixed or computed per year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// Same month and day every year.
    Fixed(u32, u32),
    /// The `nth` (1-based; 0 = last) `weekday` (0 = Monday) of `month`.
    NthWeekday { month: u32, weekday: u32, nth: u32 },
    /// Easter Sunday plus `offset` days.
    Easter(i64),
    /// US Election Day: the Tuesday after the first Monday of November.
    ElectionDay,
    /// US Thanksgiving (the fourth Thursday of November) plus `offset` days: Black Friday 1,
    /// Cyber Monday 4.
    Thanksgiving(i64),
}

/// A value as the text gives it, before the DCT or an anchor is applied.
#[derive(Clone, Debug, PartialEq)]
pub enum Unres {
    /// A complete value (`1998`, `199`, `PRESENT_REF`, `P1D`, `XXXX-WXX-2`).
    Fixed(String),
    /// Calendar fields; a missing year is found from the DCT and the direction.
    Date {
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
    },
    /// A day of the week, 0 = Monday.
    Weekday(u32),
    /// A day of a month the text does not name (`on the 25th`): the month last mentioned, or
    /// the DCT's month in the tense's direction.
    DayOfMonth(u32),
    /// The `nth` week (1-based; 0 = the last) of a month (`the first week of December`): the
    /// ISO week holding the month's 4th day (the 4th from its end for the last), so that
    /// most of the week lies in the month. `month` is an [`Unres::Date`] without a day.
    WeekOfMonth {
        nth: u32,
        month: Box<Unres>,
    },
    /// A month in the DCT's year plus `years` (`June last year`).
    MonthOfYear {
        month: u32,
        years: i32,
    },
    /// A month and day with the day of the week (`Wednesday, Dec. 17`): the year is the one
    /// near the DCT where the weekday agrees. With a year (`Monday, November 4, 2025`) the
    /// written date stands; a weekday that is not its day's is a contradiction the resolver
    /// reports ([`crate::engine::Unres`] keeps both so that it can).
    DateWeekday {
        month: u32,
        day: u32,
        weekday: u32,
        year: Option<i32>,
    },
    Season {
        season: Season,
        year: Option<i32>,
    },
    /// `the 1988 period`: the period (quarter or half) last mentioned, in `year`.
    FiscalPeriod {
        year: i32,
    },
    Quarter {
        q: u32,
        year: Option<i32>,
    },
    Half {
        h: u32,
        year: Option<i32>,
    },
    Holiday {
        holiday: Holiday,
        year: Option<i32>,
    },
    /// `n` units from the DCT, at the unit's grain (`yesterday` = Day −1, `this year` = Year 0).
    Shift {
        unit: Unit,
        n: i64,
    },
    /// A named month/season/weekday/holiday with a forced direction (`last November`).
    Named {
        base: Box<Unres>,
        force: Force,
    },
    /// `n` units from the last mentioned date (`the following day` = Day +1, `that day` = Day 0,
    /// `a year earlier` = Year −1 at the anchor's grain).
    Anaphor {
        unit: Unit,
        n: i64,
    },
    /// The weekday before (`n = -1`) or after (`n = 1`) the last mentioned day
    /// (`the previous Friday`), or the DCT.
    AnaphorWeekday {
        weekday: u32,
        n: i64,
    },
    /// The unit that contains the last mentioned date, or the DCT (`the quarter`, `the week`).
    TheUnit {
        unit: Unit,
    },
    /// A part of day of a day expression (`Sunday night` → `...TNI`).
    PartOfDay {
        day: Box<Unres>,
        part: &'static str,
    },
    /// A clock time, on a day expression or the DCT's day, in the zone written with it.
    Time {
        day: Option<Box<Unres>>,
        hour: u32,
        minute: u32,
        zone: Option<Zone>,
    },
    /// A duration; `n = None` is an unspecified amount (`several years` → `PXY`).
    Duration {
        n: Option<f64>,
        unit: Unit,
    },
}

/// A matched expression: a token range and its unresolved value.
#[derive(Clone, Debug, PartialEq)]
pub struct Cand {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    pub kind: TimexType,
    pub val: Unres,
    pub rule: &'static str,
    /// TimeML `mod`.
    pub modifier: Option<&'static str>,
    /// For sets: TimeML `quant` (`EVERY`) and `freq` (`2X`).
    pub quant: Option<&'static str>,
    pub freq: Option<String>,
}

impl Cand {
    pub fn new(start: usize, end: usize, kind: TimexType, val: Unres, rule: &'static str) -> Cand {
        Cand {
            start,
            end,
            kind,
            val,
            rule,
            modifier: None,
            quant: None,
            freq: None,
        }
    }
}

/// The token stream with a lower-cased copy of the text, shared by all rules.
pub struct Ctx<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters lower-cased: byte offsets are the same.
    pub lower: String,
    pub toks: &'a [Token],
    /// Per token: its index in the language's [`Lexicon`] (0 = not a lexicon word) and its
    /// [`TRIGGER`], [`WEAK_WORD`] and [`STRONG`] bits, found once so that the table look-ups
    /// of the rules cost one array read.
    lex: Vec<u16>,
    /// The lexicon's entries, indexed by `lex`.
    entries: &'static [Entry],
    /// The language of the text: its rules extract, its tense cues direct the resolver.
    pub lang: &'static dyn Language,
}

/// The memory of a [`Ctx`], kept from one window of a long text to the next.
#[derive(Debug, Default)]
pub struct CtxBuffers {
    lower: String,
    lex: Vec<u16>,
}

/// Look `w` up in a static table.
pub fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

impl<'a> Ctx<'a> {
    /// The context of an English text.
    pub fn new(text: &'a str, toks: &'a [Token]) -> Ctx<'a> {
        Ctx::with_buffers(text, toks, CtxBuffers::default())
    }

    /// The context of a text in `lang`.
    pub fn new_in(text: &'a str, toks: &'a [Token], lang: &'static dyn Language) -> Ctx<'a> {
        Ctx::with_buffers_in(text, toks, CtxBuffers::default(), lang)
    }

    /// [`Ctx::new`] in the memory of an earlier context ([`Ctx::into_buffers`]).
    pub fn with_buffers(text: &'a str, toks: &'a [Token], bufs: CtxBuffers) -> Ctx<'a> {
        Ctx::with_buffers_in(text, toks, bufs, crate::lang::english())
    }

    /// [`Ctx::new_in`] in the memory of an earlier context ([`Ctx::into_buffers`]).
    pub fn with_buffers_in(text: &'a str, toks: &'a [Token], bufs: CtxBuffers, lang: &'static dyn Language) -> Ctx<'a> {
        let CtxBuffers { mut lower, mut lex } = bufs;
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        lex.clear();
        let lexicon = lang.lexicon();
        let b = lower.as_bytes();
        lex.reserve(toks.len());
        for t in toks {
            let (s, e) = (t.span.start, t.span.end);
            lex.push(match t.kind {
                TokenKind::Word => lexicon.find_at(b, s, e),
                TokenKind::Number => TRIGGER | STRONG,
                // `'90s`; far more often `'s`, and then weak.
                TokenKind::Punct if same(&b[s..e], b"'") || same(&b[s..e], "’".as_bytes()) => TRIGGER | WEAK_WORD,
                TokenKind::Punct => 0,
            });
        }
        Ctx {
            text,
            lower,
            toks,
            lex,
            entries: &lexicon.entries,
            lang,
        }
    }

    /// This context for a text in `lang` (the tokens looked up again in its lexicon).
    pub fn in_language(self, lang: &'static dyn Language) -> Ctx<'a> {
        if lang.code() == self.lang.code() {
            return self;
        }
        let (text, toks) = (self.text, self.toks);
        Ctx::with_buffers_in(text, toks, self.into_buffers(), lang)
    }

    /// The memory of this context, for [`Ctx::with_buffers`].
    pub fn into_buffers(self) -> CtxBuffers {
        CtxBuffers {
            lower: self.lower,
            lex: self.lex,
        }
    }

    /// Per token: its lexicon index and its [`TRIGGER`], [`WEAK_WORD`] and [`STRONG`] bits.
    pub(crate) fn lex_flags(&self) -> &[u16] {
        &self.lex
    }

    /// The lexicon entry of token `i`, if it is a lexicon word.
    pub(crate) fn entry(&self, i: usize) -> Option<&'static Entry> {
        match self.lex.get(i).map(|&k| k & INDEX) {
            Some(k) if k > 0 => self.entries.get(usize::from(k)),
            _ => None,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Lower-cased text of token `i`, `""` past the end.
    pub fn lw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.span.start..t.span.end])
    }

    /// Original text of token `i`.
    pub fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The lower-cased bytes of token `i`, empty past the end (no UTF-8 boundary checks: the
    /// word compares of the rules go through here).
    #[inline]
    fn lw_bytes(&self, i: usize) -> &[u8] {
        self.toks
            .get(i)
            .map_or(&[][..], |t| &self.lower.as_bytes()[t.span.start..t.span.end])
    }

    pub fn is(&self, i: usize, w: &str) -> bool {
        same(self.lw_bytes(i), w.as_bytes())
    }

    pub fn any(&self, i: usize, ws: &[&str]) -> bool {
        let l = self.lw_bytes(i);
        !l.is_empty() && ws.iter().any(|w| same(l, w.as_bytes()))
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// Token `i` follows token `i - 1` with no space in between.
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// Token `i` starts with an upper-case letter.
    pub fn cap(&self, i: usize) -> bool {
        match self.toks.get(i).map(|t| self.text.as_bytes()[t.span.start]) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            Some(_) => self.raw(i).chars().next().is_some_and(char::is_uppercase),
            None => false,
        }
    }

    /// Token `i` is title-cased: an upper-case letter, then some lower-case (`Week`, not
    /// `WEEK` or `week`).
    pub fn titled(&self, i: usize) -> bool {
        self.cap(i) && self.raw(i).chars().skip(1).any(char::is_lowercase)
    }

    /// Token `i` is a punctuation token equal to `p`.
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && same(&self.text.as_bytes()[t.span.start..t.span.end], p.as_bytes())
        })
    }

    /// A hyphen (or en dash) glued to the previous and next tokens.
    pub fn hyphen(&self, i: usize) -> bool {
        (self.punct(i, "-") || self.punct(i, "–")) && self.joined(i) && self.joined(i + 1)
    }

    /// Value of number token `i` (at most 9 digits), with its digit count.
    pub fn num(&self, i: usize) -> Option<(u32, usize)> {
        if !self.is_num(i) {
            return None;
        }
        let s = self.raw(i).as_bytes();
        if s.len() > 9 {
            return None;
        }
        // Number tokens are ASCII digits only (see `text::tokenize`).
        let n = s.iter().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        Some((n, s.len()))
    }

    /// Token `i` is a number that stands alone (not part of `1,500`, `10.5`, `3/4`, `1-800`).
    pub fn lone_num(&self, i: usize) -> Option<(u32, usize)> {
        let n = self.num(i)?;
        let glued_before = i > 0
            && self.joined(i)
            && (self.punct(i - 1, ",")
                || self.punct(i - 1, ".")
                || self.punct(i - 1, "/")
                || self.punct(i - 1, "-")
                || self.punct(i - 1, "$")
                || self.is_num(i - 1));
        let glued_after = self.joined(i + 1)
            && (self.punct(i + 1, ",") || self.punct(i + 1, ".") || self.punct(i + 1, "/") || self.punct(i + 1, ":"))
            && self.joined(i + 2)
            && self.is_num(i + 2);
        if glued_before || glued_after {
            None
        } else {
            Some(n)
        }
    }

    /// A month name at `i` (`December`, `Dec.`, `Dec`, `Sept.`): month and the next token.
    pub fn month(&self, i: usize) -> Option<(u32, usize)> {
        let e = self.entry(i)?;
        if self.lw(i).len() < 3 {
            return None;
        }
        if let Some(m) = e.month {
            return Some((m, i + 1));
        }
        let m = e.month_abbr?;
        if self.punct(i + 1, ".") && self.joined(i + 1) {
            Some((m, i + 2))
        } else if self.cap(i) {
            Some((m, i + 1))
        } else {
            None
        }
    }

    /// A full month name at `i` only.
    pub fn month_full(&self, i: usize) -> Option<u32> {
        self.entry(i)?.month
    }

    /// A weekday name at `i` (`Friday`, `Fri.`): weekday (0 = Monday) and the next token.
    pub fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        let e = self.entry(i)?;
        if let Some(d) = e.weekday {
            return Some((d, i + 1));
        }
        let d = e.weekday_abbr?;
        if self.cap(i) && self.punct(i + 1, ".") && self.joined(i + 1) {
            Some((d, i + 2))
        } else {
            None
        }
    }

    /// A unit word at `i` (`year`, `years`, `year's`): unit, plural, next token.
    pub fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let e = self.entry(i)?;
        if let Some(u) = e.unit {
            return Some((u, false, i + 1));
        }
        let u = e.unit_plural?;
        if u == Unit::Millennium {
            return None;
        }
        Some((u, true, i + 1))
    }
}

/// Facts about one lexicon word.
#[derive(Clone, Copy, Debug, Default)]
pub struct Entry {
    /// It can start an expression (a trigger word).
    pub trigger: bool,
    /// It is frequent and never makes an expression without a strong token close after it
    /// (`the`, `about`: the English `data/weak.txt`).
    pub weak: bool,
    pub month: Option<u32>,
    pub month_abbr: Option<u32>,
    pub weekday: Option<u32>,
    pub weekday_abbr: Option<u32>,
    pub unit: Option<Unit>,
    /// The word is a unit's plural (`years`, `centuries`).
    pub unit_plural: Option<Unit>,
    pub number: Option<u32>,
    pub ordinal: Option<u32>,
}

/// A language's words with their [`Entry`], in an open-addressing table keyed by the word's
/// bytes packed into two integers (no word is longer than 16 bytes): [`Ctx`] looks every
/// token up once. Built once per language ([`crate::lang::Language::lexicon`]).
pub struct Lexicon {
    /// Per slot: packed key and length (length 0 = empty slot), the entry index, and the
    /// entry index with its flags (the value [`Ctx::lex`] keeps, read in the same cache line).
    slots: Vec<(u64, u64, u8, u16, u16)>,
    mask: usize,
    entries: Vec<Entry>,
    /// Per entry: its [`TRIGGER`], [`WEAK_WORD`] and [`STRONG`] bits (none for entry 0).
    flags: Vec<u16>,
    /// Bit `(first & 31) * 32 + (last & 31)` of row `len` is set when some word of that
    /// length starts and ends with such bytes: most other words are turned away by it.
    filter: [[u64; 16]; 17],
}

/// Bit index of a word's first and last bytes in [`Lexicon::filter`].
#[inline]
fn filter_bit(first: u8, last: u8) -> usize {
    usize::from(first & 31) * 32 + usize::from(last & 31)
}

/// `a == b`, inlined: the words compared are short, and a `memcmp` call costs more.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Pack a word of at most 16 bytes into two little-endian integers.
#[inline]
fn pack(w: &[u8]) -> (u64, u64) {
    let mut k = [0u8; 16];
    k[..w.len()].copy_from_slice(w);
    let (a, b) = k.split_at(8);
    (
        u64::from_le_bytes(a.try_into().unwrap_or_default()),
        u64::from_le_bytes(b.try_into().unwrap_or_default()),
    )
}

#[inline]
fn slot_of(k0: u64, k1: u64, len: usize, mask: usize) -> usize {
    let h = (k0 ^ k1.rotate_left(23) ^ (len as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 40) as usize & mask
}

impl Lexicon {
    /// The lexicon of lower-case words `words` (a word longer than 16 bytes is left out).
    pub fn new(words: std::collections::BTreeMap<String, Entry>) -> Lexicon {
        let words: Vec<(String, Entry)> = words
            .into_iter()
            .filter(|(w, _)| !w.is_empty() && w.len() <= 16)
            .collect();
        Lexicon::build(&words)
    }

    fn build(words: &[(String, Entry)]) -> Lexicon {
        let size = (words.len() * 4).next_power_of_two();
        let mask = size - 1;
        let mut slots = vec![(0, 0, 0, 0, 0); size];
        let mut entries = vec![Entry::default()];
        let mut filter = [[0u64; 16]; 17];
        for (w, e) in words {
            debug_assert!(!w.is_empty() && w.len() <= 16, "lexicon word {w:?}");
            let wb = w.as_bytes();
            let bit = filter_bit(wb[0], wb[wb.len() - 1]);
            filter[wb.len()][bit / 64] |= 1 << (bit % 64);
            let (k0, k1) = pack(w.as_bytes());
            let mut h = slot_of(k0, k1, w.len(), mask);
            while slots[h].2 != 0 {
                h = (h + 1) & mask;
            }
            slots[h] = (k0, k1, w.len() as u8, entries.len() as u16, 0);
            entries.push(*e);
        }
        debug_assert!(entries.len() <= usize::from(INDEX));
        let flags: Vec<u16> = entries
            .iter()
            .enumerate()
            .map(|(k, e)| {
                if k == 0 {
                    0
                } else {
                    (if e.trigger { TRIGGER } else { 0 }) | if e.weak { WEAK_WORD } else { STRONG }
                }
            })
            .collect();
        for s in &mut slots {
            s.4 = s.3 | flags[usize::from(s.3)];
        }
        Lexicon {
            slots,
            mask,
            entries,
            flags,
            filter,
        }
    }

    /// [`Lexicon::find`] of `lower[start..end]` with the entry's flags (a [`Ctx::lex`] value),
    /// reading whole words of the text when it can.
    #[inline]
    fn find_at(&self, lower: &[u8], start: usize, end: usize) -> u16 {
        let len = end - start;
        if len == 0 || len > 16 {
            return 0;
        }
        let bit = filter_bit(lower[start], lower[end - 1]);
        if self.filter[len][bit / 64] & (1 << (bit % 64)) == 0 {
            return 0;
        }
        if start + 16 > lower.len() {
            let k = self.find(&lower[start..end]);
            return k | self.flags[usize::from(k)];
        }
        let load = |at: usize| {
            let mut k = [0u8; 8];
            k.copy_from_slice(&lower[at..at + 8]);
            u64::from_le_bytes(k)
        };
        let mask = |n: usize| if n >= 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
        let k0 = load(start) & mask(len);
        let k1 = if len > 8 { load(start + 8) & mask(len - 8) } else { 0 };
        self.slot(k0, k1, len).map_or(0, |s| s.4)
    }

    /// The slot holding the packed word `k0`/`k1` of `len` bytes, if it is in the lexicon.
    #[inline]
    fn slot(&self, k0: u64, k1: u64, len: usize) -> Option<&(u64, u64, u8, u16, u16)> {
        let mut h = slot_of(k0, k1, len, self.mask);
        loop {
            let s = &self.slots[h];
            if s.2 == 0 {
                return None;
            }
            if s.0 == k0 && s.1 == k1 && usize::from(s.2) == len {
                return Some(s);
            }
            h = (h + 1) & self.mask;
        }
    }

    /// Entry index of lower-case word `w`, 0 when it is not in the lexicon.
    #[inline]
    fn find(&self, w: &[u8]) -> u16 {
        if w.is_empty() || w.len() > 16 {
            return 0;
        }
        let (k0, k1) = pack(w);
        self.slot(k0, k1, w.len()).map_or(0, |s| s.3)
    }
}

/// Bits of [`Ctx::lex`]: the lexicon index, and three facts about the token.
pub(crate) const INDEX: u16 = 0x0fff;
/// The token can start an expression: a number, `'` or `’`, or a trigger word (an
/// [`Entry::trigger`]).
pub(crate) const TRIGGER: u16 = 0x1000;
/// The token is a word in [`WEAK`], or an apostrophe (a trigger for `'90s`, but mostly
/// the one of `Sony's`).
pub(crate) const WEAK_WORD: u16 = 0x2000;
/// The token is a number or a lexicon word not in [`WEAK`].
pub(crate) const STRONG: u16 = 0x4000;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::en::rules::{generic, holiday};
    use crate::lang::en::{
        LEXICON_EXTRA, MONTHS, MONTH_ABBR, NUMBER_WORDS, ORDINAL_WORDS, TRIGGERS, UNITS, WEAK, WEEKDAYS, WEEKDAY_ABBR,
    };

    /// Every word of every table is found in the lexicon with its facts (a word longer than
    /// 16 bytes could not be: the lexicon would drop it).
    #[test]
    fn lexicon_holds_every_table_word() {
        let lex = crate::lang::english().lexicon();
        let entry = |w: &str| {
            let k = lex.find(w.as_bytes());
            assert!(k > 0, "{w:?} is not in the lexicon");
            (lex.entries[usize::from(k)], lex.flags[usize::from(k)])
        };
        for w in TRIGGERS
            .iter()
            .chain(WEAK.iter())
            .chain(LEXICON_EXTRA.iter())
            .chain(generic::CURRENT_NOUNS)
        {
            entry(w);
        }
        for w in TRIGGERS.iter() {
            assert!(entry(w).0.trigger, "{w:?} lost its trigger bit");
        }
        for (ws, _) in holiday::HOLIDAYS {
            assert!(entry(ws[0]).0.trigger, "holiday word {:?}", ws[0]);
        }
        for &(w, m) in MONTHS.iter() {
            assert_eq!(entry(w).0.month, Some(m));
        }
        for &(w, m) in MONTH_ABBR.iter() {
            assert_eq!(entry(w).0.month_abbr, Some(m));
        }
        for &(w, d) in WEEKDAYS.iter() {
            assert_eq!(entry(w).0.weekday, Some(d));
            assert!(entry(&format!("{w}s")).0.trigger);
        }
        for &(w, d) in WEEKDAY_ABBR.iter() {
            assert_eq!(entry(w).0.weekday_abbr, Some(d));
        }
        for &(w, u) in UNITS.iter() {
            assert_eq!(entry(w).0.unit, Some(u));
            assert_eq!(entry(&format!("{w}s")).0.unit_plural, Some(u));
        }
        for &(w, n) in NUMBER_WORDS.iter() {
            assert_eq!(entry(w).0.number, Some(n));
        }
        for &(w, n) in ORDINAL_WORDS.iter() {
            assert_eq!(entry(w).0.ordinal, Some(n));
        }
        for w in WEAK.iter() {
            assert_eq!(entry(w).1 & (WEAK_WORD | STRONG), WEAK_WORD, "{w:?}");
        }
        for w in ["december", "year", "ago", "moment"] {
            assert_eq!(entry(w).1 & (WEAK_WORD | STRONG), STRONG, "{w:?}");
        }
    }

    /// Words outside the tables are not found, whatever their first and last letters.
    #[test]
    fn lexicon_turns_other_words_away() {
        let lex = crate::lang::english().lexicon();
        for w in [
            "",
            "of",
            "and",
            "decembers",
            "yea",
            "years'",
            "thee",
            "x",
            "ab",
            "approximatelyy",
            "ZZZ",
        ] {
            assert_eq!(lex.find(w.as_bytes()), 0, "{w:?}");
        }
        // Upper case never matches: the context looks words up lower-cased.
        assert_eq!(lex.find(b"December"), 0);
        let text = "In December, of all months, two years ago";
        let toks = crate::text::tokenize(text);
        let ctx = Ctx::new(text, &toks);
        let found: Vec<bool> = (0..ctx.len()).map(|i| ctx.entry(i).is_some()).collect();
        assert_eq!(found, [false, true, false, false, false, true, false, true, true, true]);
        assert_eq!(ctx.month(1), Some((12, 2)));
        assert_eq!(ctx.unit(8), Some((Unit::Year, true, 9)));
    }
}
