//! The English grammar of temporal expressions: one file per category, each rule a Rust
//! function over the token stream that pushes candidates with *unresolved* values.
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
//! The matcher makes one left-to-right pass over the tokens. At each token that can start
//! an expression (a number or a word in the trigger lexicon) every category is asked for
//! matches; the longest wins (earlier category on ties) and the pass continues after it.
//! A modifier prefix (`early`, `the end of`, `almost`, ...) is tried in front of a match.
//!
//! The token context ([`Ctx`]), its word lexicon (built from the tables of
//! `src/lang/en/data/`) and the value types live in the engine, [`crate::lang::engine`];
//! this module holds the English matcher, its modifiers, the amount and number readers, and
//! the patterns. The pattern files were written before the language seam and still compare
//! tokens with word literals where a table would do (issue #14 moves those to `data/` as
//! they are touched).
//!
//! # Grammar
//!
//! Each rule is a Rust function over the token stream: `fn(&Ctx, usize, &mut Vec<Cand>)`.
//! Rule ids are `category/name`, all listed in [`RULE_IDS`].

pub mod date;
pub mod duration;
pub mod generic;
pub mod holiday;
pub mod relative;
pub mod set;
pub mod time;

use crate::lang::en::{
    LEXICON_EXTRA, MONTHS, MONTH_ABBR, NUMBER_WORDS, ORDINAL_WORDS, TRIGGERS, UNITS, WEAK, WEEKDAYS, WEEKDAY_ABBR,
};
use crate::lang::engine::TimexType;
pub(crate) use crate::lang::engine::{lookup, Cand, Ctx, Force, Holiday, Season, Unit, Unres, Zone};
use crate::lang::engine::{Entry, Lexicon, STRONG, TRIGGER, WEAK_WORD};
use crate::text::Analysis;

/// Every rule id a candidate can carry. The test harness checks each is exercised by a case.
pub static RULE_IDS: &[&str] = &[
    "date/iso",
    "date/mdy-slash",
    "date/dmy-dot",
    "date/month-day",
    "date/day-of-month",
    "date/day-month",
    "date/month-year",
    "date/month",
    "date/year",
    "date/year-range",
    "date/year-words",
    "date/decade",
    "date/century",
    "date/fiscal-year",
    "date/quarter",
    "date/half",
    "date/season",
    "date/weekday",
    "date/week-of-month",
    "relative/day-word",
    "relative/this-unit",
    "relative/last-unit",
    "relative/next-unit",
    "relative/named",
    "relative/ago",
    "relative/anaphor",
    "relative/year-ago",
    "relative/the-unit",
    "duration/number-unit",
    "duration/adjective",
    "duration/bare-unit",
    "set/adverb",
    "set/every",
    "set/per-unit",
    "set/plural-weekday",
    "time/clock",
    "time/iso-datetime",
    "time/named",
    "time/part-of-day",
    "holiday/fixed",
    "holiday/computed",
    "holiday/anaphor",
    "generic/ref",
];

/// The readers of amounts and number words, English.
impl Ctx<'_> {
    /// A number word or compound at `i` (`seven`, `twenty-four`, `twenty four`).
    pub fn number_word(&self, i: usize) -> Option<(u32, usize)> {
        let n = self.entry(i)?.number?;
        if (20..=90).contains(&n) && n % 10 == 0 {
            let j = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
            if let Some(k) = self.entry(j).and_then(|e| e.number) {
                if (1..=9).contains(&k) {
                    return Some((n + k, j + 1));
                }
            }
        }
        Some((n, i + 1))
    }

    /// An ordinal at `i` (`third`, `3rd`, `17th`): value and next token.
    pub fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(o) = self.entry(i).and_then(|e| e.ordinal) {
            return Some((o, i + 1));
        }
        let (n, _) = self.num(i)?;
        if self.joined(i + 1) && self.any(i + 1, &["st", "nd", "rd", "th"]) {
            return Some((n, i + 2));
        }
        None
    }

    /// An amount at `i`: digits (`90`, `1.5`, `5 1/2`), number words, `a`/`an`, `a few`,
    /// `several`, `a couple of`. `None` inside is an unspecified amount.
    pub fn amount(&self, i: usize) -> Option<(Option<f64>, usize)> {
        let w = self.lw(i);
        match w {
            "a" | "an" | "one" => {
                if self.is(i + 1, "few") {
                    return Some((None, i + 2));
                }
                if self.is(i + 1, "couple") {
                    let j = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                    return Some((Some(2.0), j));
                }
                if w != "one" && self.is(i + 1, "half") {
                    return Some((Some(0.5), i + 2));
                }
                return Some((Some(1.0), i + 1));
            }
            "several" | "few" | "many" | "some" | "numerous" | "countless" | "multiple" => return Some((None, i + 1)),
            // "the next couple of years"
            "couple" if self.is(i + 1, "of") => return Some((Some(2.0), i + 2)),
            _ => {}
        }
        if let Some((n, j)) = self.number_word(i) {
            // "two and a half"
            if self.is(j, "and") && self.is(j + 1, "a") && self.is(j + 2, "half") {
                return Some((Some(f64::from(n) + 0.5), j + 3));
            }
            return Some((Some(f64::from(n)), j));
        }
        let (n, _) = self.num(i)?;
        // "$5", "0.5", "1,500", and the minutes of "02:30 hours"
        if i > 0
            && self.joined(i)
            && (self.punct(i - 1, "$") || self.punct(i - 1, ".") || self.punct(i - 1, ",") || self.punct(i - 1, ":"))
        {
            return None;
        }
        let mut v = f64::from(n);
        let mut j = i + 1;
        // 1.5
        if self.punct(j, ".") && self.joined(j) && self.joined(j + 1) && self.is_num(j + 1) {
            let frac = self.raw(j + 1);
            if let Ok(f) = format!("0.{frac}").parse::<f64>() {
                v += f;
                j += 2;
            }
        } else if self.punct(j, ",") && self.joined(j) && self.joined(j + 1) && self.is_num(j + 1) {
            // 1,000
            let mut s = self.raw(i).to_string();
            while self.punct(j, ",") && self.joined(j) && self.joined(j + 1) && self.raw(j + 1).len() == 3 {
                s.push_str(self.raw(j + 1));
                j += 2;
            }
            v = s.parse().ok()?;
        }
        // 5 1/2
        if self.is_num(j) && self.punct(j + 1, "/") && self.joined(j + 1) && self.is_num(j + 2) && self.joined(j + 2) {
            let (a, _) = self.num(j)?;
            let (b, _) = self.num(j + 2)?;
            if b > 0 && a < b {
                v += f64::from(a) / f64::from(b);
                j += 3;
            }
        }
        Some((Some(v), j))
    }
}

/// How many tokens after a weak trigger a strong token must appear for the rules to run.
const WEAK_REACH: usize = 8;

fn is_trigger(ctx: &Ctx, i: usize) -> bool {
    ctx.lex_flags().get(i).is_some_and(|&k| k & TRIGGER != 0)
}

/// Token `i` is a weak trigger ([`crate::lang::en::WEAK`], or an apostrophe) with no number or strong lexicon
/// word in the [`WEAK_REACH`] tokens after it: no rule can match there. ([`scan`] finds the
/// same incrementally; debug builds check that the two agree.)
#[cfg_attr(not(debug_assertions), allow(dead_code))]
fn hopeless(ctx: &Ctx, i: usize) -> bool {
    if ctx.lex_flags().get(i).is_none_or(|&k| k & WEAK_WORD == 0) {
        return false;
    }
    let end = ctx.len().min(i + 1 + WEAK_REACH);
    !ctx.lex_flags()[i + 1..end].iter().any(|&k| k & STRONG != 0)
}

/// A rule: tries to match at token `i` and pushes candidates.
pub type Rule = fn(&Ctx, usize, &mut Vec<Cand>);

/// All rule functions in priority order (earlier wins ties on length).
static RULES: &[Rule] = &[
    date::rules,
    time::rules,
    holiday::rules,
    relative::rules,
    duration::rules,
    set::rules,
    generic::rules,
];

/// Modifier prefixes: words, TimeML mod, whether they apply to durations (else dates), and
/// whether the words belong to the expression's extent (TimeBank leaves `about`, `almost`,
/// `over` outside and keeps `more than`, `the end of`, `early`).
static MODIFIERS: &[(&[&str], Option<&str>, bool, bool)] = &[
    (&["the", "end", "of"], Some("END"), false, true),
    (&["the", "beginning", "of"], Some("START"), false, true),
    (&["the", "start", "of"], Some("START"), false, true),
    (&["the", "middle", "of"], Some("MID"), false, true),
    (&["end", "of"], Some("END"), false, true),
    (&["end"], Some("END"), false, true),
    (&["the", "early"], Some("START"), false, true),
    (&["the", "late"], Some("END"), false, true),
    (&["the", "mid"], Some("MID"), false, true),
    (&["early"], Some("START"), false, true),
    (&["late"], Some("END"), false, true),
    (&["mid"], Some("MID"), false, true),
    (&["earlier"], None, false, true),
    (&["later"], None, false, true),
    (&["almost"], Some("LESS_THAN"), true, true),
    (&["nearly"], Some("LESS_THAN"), true, true),
    (&["about"], Some("APPROX"), true, false),
    (&["around"], Some("APPROX"), true, true),
    (&["roughly"], Some("APPROX"), true, false),
    (&["approximately"], Some("APPROX"), true, false),
    (&["some"], Some("APPROX"), true, false),
    (&["more", "than"], Some("MORE_THAN"), true, true),
    (&["less", "than"], Some("LESS_THAN"), true, true),
    (&["no", "more", "than"], Some("EQUAL_OR_LESS"), true, true),
    (&["at", "least"], Some("EQUAL_OR_MORE"), true, true),
    (&["over"], Some("MORE_THAN"), true, false),
    (&["up", "to"], Some("EQUAL_OR_LESS"), true, true),
];

fn best_at(ctx: &Ctx, i: usize, buf: &mut Vec<Cand>) -> Option<Cand> {
    buf.clear();
    for r in RULES {
        r(ctx, i, buf);
    }
    let mut best: Option<Cand> = None;
    for c in buf.drain(..) {
        if c.end <= c.start {
            continue;
        }
        if best.as_ref().is_none_or(|b| c.end > b.end) {
            best = Some(c);
        }
    }
    best
}

fn with_modifier(ctx: &Ctx, i: usize, buf: &mut Vec<Cand>) -> Option<Cand> {
    if !matches!(
        ctx.lw(i),
        "the"
            | "end"
            | "early"
            | "late"
            | "mid"
            | "earlier"
            | "later"
            | "almost"
            | "nearly"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "some"
            | "more"
            | "less"
            | "no"
            | "at"
            | "over"
            | "up"
    ) {
        return None;
    }
    for (words, m, for_duration, in_span) in MODIFIERS {
        if !words.iter().enumerate().all(|(k, w)| ctx.is(i + k, w)) {
            continue;
        }
        let mut j = i + words.len();
        let last = words[words.len() - 1];
        if words == &["end"] {
            // "end-2015", "by end-March" (British financial news): hyphen only.
            if !ctx.hyphen(j) {
                continue;
            }
            j += 1;
        } else if last == "mid" {
            if ctx.hyphen(j) {
                j += 1;
            } else if !ctx.joined(j) && !ctx.is_num(j) && ctx.month(j).is_none() {
                continue;
            }
        } else if ctx.hyphen(j) && matches!(last, "early" | "late") {
            j += 1;
        }
        let Some(mut c) = best_at(ctx, j, buf) else { continue };
        let ok = match c.kind {
            TimexType::Duration => {
                *for_duration
                    && !ctx.is(j, "the")
                    && !matches!(c.val, Unres::Duration { n: Some(_), .. } if c.rule == "duration/adjective")
            }
            TimexType::Set => false,
            _ => {
                if *for_duration {
                    // "about two years ago", "around Nov. 1", "around 7:15 p.m."
                    c.rule == "relative/ago"
                        || last == "around"
                            && matches!(
                                c.rule,
                                "date/month-day" | "time/clock" | "time/named" | "relative/this-unit"
                            )
                } else if m.is_none() {
                    // "earlier this week", "later that day"
                    ctx.any(j, &["this", "that", "today", "tonight", "yesterday", "tomorrow", "in"])
                        && !matches!(c.val, Unres::Duration { .. })
                } else {
                    true
                }
            }
        };
        // "late Monday", "early Friday morning": the modifier is in the extent, as with every
        // other date ("late yesterday", "early this week", "late November").
        if ok {
            if *in_span {
                c.start = i;
            }
            if m.is_some() {
                c.modifier = *m;
            }
            return Some(c);
        }
    }
    None
}

/// Find the expressions of a text: candidates sorted by position, without overlaps.
pub fn extract(text: &str, analysis: &Analysis) -> Vec<Cand> {
    extract_in(&Ctx::new(text, &analysis.tokens))
}

/// [`extract`] over an existing token context.
pub fn extract_in(ctx: &Ctx) -> Vec<Cand> {
    extract_range(ctx, 0, ctx.len()).0
}

/// [`extract_in`] from token `from` on, while a match can still start before token `to`: the
/// candidates and the token at which the pass stopped (past `to` when a match runs over it).
pub fn extract_range(ctx: &Ctx, from: usize, to: usize) -> (Vec<Cand>, usize) {
    let out = scan(ctx, true, from, to);
    // Debug builds (every test) check that skipping hopeless weak triggers changes nothing.
    #[cfg(debug_assertions)]
    {
        let full = scan(ctx, false, from, to);
        assert!(
            out == full,
            "weak-trigger skip changed the result:\n{out:?}\nvs\n{full:?}"
        );
    }
    out
}

/// The matcher's pass over tokens `from..to`; `skip` leaves out [`hopeless`] weak triggers.
fn scan(ctx: &Ctx, skip: bool, from: usize, to: usize) -> (Vec<Cand>, usize) {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut i = from;
    let to = to.min(ctx.len());
    let lex = ctx.lex_flags();
    // The first strong token after the last weak trigger looked at: it only moves forward,
    // so [`hopeless`] costs one pass over the tokens in all.
    let mut strong = from;
    while i < to {
        if !is_trigger(ctx, i) {
            i += 1;
            continue;
        }
        if skip && lex[i] & WEAK_WORD != 0 {
            if strong <= i {
                strong = i + 1;
                while strong < lex.len() && lex[strong] & STRONG == 0 {
                    strong += 1;
                }
            }
            let far = strong >= lex.len().min(i + 1 + WEAK_REACH);
            debug_assert_eq!(far, hopeless(ctx, i));
            if far {
                i += 1;
                continue;
            }
        }
        let a = with_modifier(ctx, i, &mut buf);
        let b = best_at(ctx, i, &mut buf);
        let best = match (a, b) {
            (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
            (a, b) => a.or(b),
        };
        match best {
            Some(mut c) => {
                // "the next two years or so", "six months or so", "1994 or so": TimeBank
                // keeps the approximation in the extent; the value stays the expression's.
                if relative::or_so(ctx, c.end) && c.kind != TimexType::Set {
                    c.end += 2;
                }
                i = c.end;
                out.push(c);
            }
            None => i += 1,
        }
    }
    (out, i)
}

/// The English lexicon: every word of the tables: [`TRIGGERS`], month, weekday, unit, number and ordinal words
/// (weekdays and units also with `s`), the first words of holiday names, [`WEAK`] and
/// [`LEXICON_EXTRA`]. Words in none of them (`of`, `and`) are neither triggers nor strong.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        let mut map: std::collections::BTreeMap<String, Entry> = std::collections::BTreeMap::new();
        let mut put = |w: &str, f: &mut dyn FnMut(&mut Entry)| {
            if !w.is_empty() && w.len() <= 16 {
                f(map.entry(w.to_string()).or_default());
            }
        };
        for w in TRIGGERS.iter() {
            put(w, &mut |e| e.trigger = true);
        }
        for &(w, m) in MONTHS.iter() {
            put(w, &mut |e| (e.trigger, e.month) = (true, Some(m)));
        }
        for &(w, m) in MONTH_ABBR.iter() {
            put(w, &mut |e| (e.trigger, e.month_abbr) = (true, Some(m)));
        }
        for &(w, d) in WEEKDAYS.iter() {
            put(w, &mut |e| (e.trigger, e.weekday) = (true, Some(d)));
            put(&format!("{w}s"), &mut |e| e.trigger = true);
        }
        for &(w, d) in WEEKDAY_ABBR.iter() {
            put(w, &mut |e| (e.trigger, e.weekday_abbr) = (true, Some(d)));
            put(&format!("{w}s"), &mut |e| e.trigger = true);
        }
        for &(w, u) in UNITS.iter() {
            put(w, &mut |e| (e.trigger, e.unit) = (true, Some(u)));
            put(&format!("{w}s"), &mut |e| (e.trigger, e.unit_plural) = (true, Some(u)));
        }
        for &(w, n) in NUMBER_WORDS.iter() {
            put(w, &mut |e| (e.trigger, e.number) = (true, Some(n)));
        }
        for &(w, n) in ORDINAL_WORDS.iter() {
            put(w, &mut |e| (e.trigger, e.ordinal) = (true, Some(n)));
        }
        for (ws, _) in holiday::HOLIDAYS {
            put(ws[0], &mut |e| e.trigger = true);
        }
        for w in LEXICON_EXTRA.iter().chain(generic::CURRENT_NOUNS) {
            put(w, &mut |_| {});
        }
        for w in WEAK.iter() {
            put(w, &mut |e| e.weak = true);
        }
        Lexicon::new(map)
    })
}
