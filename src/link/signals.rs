//! Temporal signals: the words that say how two things are ordered, as static data.
//!
//! | text                    | signal      | relation of the clause/phrase it opens to the other event |
//! |-------------------------|-------------|------------------------------------------------------------|
//! | `after the raid, ...`   | `after`     | the other event is AFTER the raid                          |
//! | `before the vote`       | `before`    | the other event is BEFORE the vote                         |
//! | `following the hack`    | `following` | AFTER                                                      |
//! | `since the attack`      | `since`     | AFTER (begun by)                                           |
//! | `until the deal`        | `until`     | BEFORE (ended by)                                          |
//! | `when / while / as`     | `when`      | overlaps (IS_INCLUDED / SIMULTANEOUS)                      |
//! | `then`, `later`         | `then`      | the second event is AFTER the first                        |
//!
//! Metric phrases put a number of days on the order ([`Metric`]):
//!
//! | text                       | distance (days) |
//! |----------------------------|-----------------|
//! | `a month after X`          | 25..35          |
//! | `two days later`           | 2..2            |
//! | `three weeks before X`     | 18..24          |
//! | `in the last 24 hours`     | 0..1            |
//!
//! # Grammar
//!
//! ```text
//! signal := one of SIGNALS (a sequence of lower-cased words)
//! metric := amount unit ("after" | "later" | "before" | "earlier" | "ago")
//!         | "in" "the" ("last" | "past") amount? unit
//! amount := "a" | "an" | "one" .. "twelve" | digits | "a few" | "several"
//! unit   := "hour(s)" | "day(s)" | "week(s)" | "month(s)" | "year(s)"
//! ```

use crate::text::{Analysis, Span, TokenKind};

/// What a signal says about order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignalKind {
    /// `after`, `following`, `since`, `in the wake of`: what it opens came first.
    After,
    /// `before`, `until`, `prior to`, `ahead of`: what it opens came later.
    Before,
    /// `when`, `while`, `as`, `during`, `amid`: overlap.
    During,
    /// `then`, `later`, `afterwards`, `subsequently`: the next clause comes after.
    Then,
    /// `in`, `on`, `at`, `by`, `within`, `for`, `from`, `through`: anchors to a time.
    Anchor,
}

/// `(words, kind, id)`: the id is the signal's name in rule ids and model keys.
pub static SIGNALS: &[(&[&str], SignalKind, &str)] = &[
    (&["in", "the", "wake", "of"], SignalKind::After, "after"),
    (&["in", "the", "aftermath", "of"], SignalKind::After, "after"),
    (&["prior", "to"], SignalKind::Before, "before"),
    (&["ahead", "of"], SignalKind::Before, "before"),
    (&["in", "advance", "of"], SignalKind::Before, "before"),
    (&["as", "soon", "as"], SignalKind::After, "after"),
    (&["after"], SignalKind::After, "after"),
    (&["afterward"], SignalKind::Then, "then"),
    (&["afterwards"], SignalKind::Then, "then"),
    (&["following"], SignalKind::After, "following"),
    (&["since"], SignalKind::After, "since"),
    (&["before"], SignalKind::Before, "before"),
    (&["until"], SignalKind::Before, "until"),
    (&["till"], SignalKind::Before, "until"),
    (&["when"], SignalKind::During, "when"),
    (&["whenever"], SignalKind::During, "when"),
    (&["while"], SignalKind::During, "while"),
    (&["as"], SignalKind::During, "as"),
    (&["during"], SignalKind::During, "during"),
    (&["amid"], SignalKind::During, "during"),
    (&["meanwhile"], SignalKind::During, "while"),
    (&["then"], SignalKind::Then, "then"),
    (&["later"], SignalKind::Then, "later"),
    (&["subsequently"], SignalKind::Then, "then"),
    (&["earlier"], SignalKind::Before, "earlier"),
    (&["previously"], SignalKind::Before, "earlier"),
    (&["already"], SignalKind::Before, "already"),
    (&["in"], SignalKind::Anchor, "in"),
    (&["on"], SignalKind::Anchor, "on"),
    (&["at"], SignalKind::Anchor, "at"),
    (&["by"], SignalKind::Anchor, "by"),
    (&["within"], SignalKind::Anchor, "within"),
    (&["for"], SignalKind::Anchor, "for"),
    (&["from"], SignalKind::Anchor, "from"),
    (&["through"], SignalKind::Anchor, "through"),
    (&["throughout"], SignalKind::Anchor, "through"),
    (&["over"], SignalKind::Anchor, "over"),
    (&["of"], SignalKind::Anchor, "of"),
    (&["ago"], SignalKind::Before, "ago"),
];

/// A signal found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Signal {
    pub span: Span,
    pub kind: SignalKind,
    pub id: &'static str,
    /// Index of its first token.
    pub token: usize,
}

fn word(text: &str, analysis: &Analysis, i: usize) -> Option<String> {
    analysis
        .tokens
        .get(i)
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.text(text).to_ascii_lowercase())
}

/// The signal starting at token `i`, if any (longest match first).
pub fn signal_at(text: &str, analysis: &Analysis, i: usize) -> Option<Signal> {
    let mut best: Option<(usize, Signal)> = None;
    for &(words, kind, id) in SIGNALS {
        // `w` is lower case (see the test `signal_words_are_lower_case`): comparing without
        // case is comparing the lower-cased word, without allocating it per entry.
        let ok = words.iter().enumerate().all(|(k, w)| {
            analysis
                .tokens
                .get(i + k)
                .is_some_and(|t| t.kind != TokenKind::Punct && t.text(text).eq_ignore_ascii_case(w))
        });
        if ok && best.as_ref().is_none_or(|(n, _)| words.len() > *n) {
            let end = analysis.tokens[i + words.len() - 1].span.end;
            best = Some((
                words.len(),
                Signal {
                    span: Span::new(analysis.tokens[i].span.start, end),
                    kind,
                    id,
                    token: i,
                },
            ));
        }
    }
    best.map(|(_, s)| s)
}

/// Signals whose first token lies in token range `from..to`, in text order (a signal inside
/// a longer one is skipped).
pub fn signals_in(text: &str, analysis: &Analysis, from: usize, to: usize) -> Vec<Signal> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to.min(analysis.tokens.len()) {
        if let Some(s) = signal_at(text, analysis, i) {
            i = analysis.token_at_or_after(s.span.end);
            out.push(s);
        } else {
            i += 1;
        }
    }
    out
}

/// A metric phrase: how far apart, in days, the two things it orders are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metric {
    pub span: Span,
    /// Allowed distance in days, `min..=max`.
    pub days: (i64, i64),
    /// The ordering word: `after`, `later`, `before`, `earlier`, `ago`, or `last` (for
    /// `in the last N units`).
    pub word: &'static str,
}

/// Number words.
static AMOUNTS: &[(&str, (f64, f64))] = &[
    ("a", (1.0, 1.0)),
    ("an", (1.0, 1.0)),
    ("one", (1.0, 1.0)),
    ("two", (2.0, 2.0)),
    ("three", (3.0, 3.0)),
    ("four", (4.0, 4.0)),
    ("five", (5.0, 5.0)),
    ("six", (6.0, 6.0)),
    ("seven", (7.0, 7.0)),
    ("eight", (8.0, 8.0)),
    ("nine", (9.0, 9.0)),
    ("ten", (10.0, 10.0)),
    ("eleven", (11.0, 11.0)),
    ("twelve", (12.0, 12.0)),
    ("several", (3.0, 7.0)),
    ("few", (2.0, 4.0)),
];

/// `(unit, days per unit, tolerance per unit in days)`: "a month" is 30 ± 5 days.
static UNITS: &[(&str, f64, f64)] = &[
    ("hour", 1.0 / 24.0, 0.0),
    ("hours", 1.0 / 24.0, 0.0),
    ("day", 1.0, 0.0),
    ("days", 1.0, 0.0),
    ("week", 7.0, 1.0),
    ("weeks", 7.0, 1.0),
    ("month", 30.0, 5.0),
    ("months", 30.0, 5.0),
    ("year", 365.0, 15.0),
    ("years", 365.0, 15.0),
];

static METRIC_WORDS: &[&str] = &["after", "later", "before", "earlier", "ago"];

fn amount(text: &str, analysis: &Analysis, i: usize) -> Option<(f64, f64)> {
    let w = word(text, analysis, i)?;
    if let Some((_, a)) = AMOUNTS.iter().find(|(n, _)| *n == w) {
        return Some(*a);
    }
    let t = analysis.tokens.get(i)?;
    if t.kind == TokenKind::Number {
        let n: f64 = w.parse().ok()?;
        return Some((n, n));
    }
    None
}

fn days(amount: (f64, f64), unit: &str) -> Option<(i64, i64)> {
    let &(_, per, tol) = UNITS.iter().find(|(u, _, _)| *u == unit)?;
    let lo = amount.0 * (per - tol);
    let hi = amount.1 * (per + tol);
    Some((lo.floor() as i64, hi.ceil() as i64))
}

/// The metric phrase starting at token `i`, if any.
pub fn metric_at(text: &str, analysis: &Analysis, i: usize) -> Option<Metric> {
    let w0 = word(text, analysis, i)?;
    // "in the last/past [N] unit(s)"
    if w0 == "in"
        && word(text, analysis, i + 1).as_deref() == Some("the")
        && matches!(word(text, analysis, i + 2).as_deref(), Some("last" | "past"))
    {
        let (amt, k) = match amount(text, analysis, i + 3) {
            Some(a) => (a, i + 4),
            None => ((1.0, 1.0), i + 3),
        };
        let unit = word(text, analysis, k)?;
        let (_, hi) = days(amt, &unit)?;
        return Some(Metric {
            span: Span::new(analysis.tokens[i].span.start, analysis.tokens[k].span.end),
            days: (0, hi.max(1)),
            word: "last",
        });
    }
    // "[a] few" counts as one amount word.
    let (amt, k) = if w0 == "a" && word(text, analysis, i + 1).as_deref() == Some("few") {
        ((2.0, 4.0), i + 2)
    } else {
        (amount(text, analysis, i)?, i + 1)
    };
    let unit = word(text, analysis, k)?;
    let d = days(amt, &unit)?;
    let ord = word(text, analysis, k + 1)?;
    let &wd = METRIC_WORDS.iter().find(|w| **w == ord)?;
    Some(Metric {
        span: Span::new(analysis.tokens[i].span.start, analysis.tokens[k + 1].span.end),
        days: d,
        word: wd,
    })
}

#[cfg(test)]
mod tests {
    /// `signal_at` compares tokens to the table's words without case: they must be lower case.
    #[test]
    fn signal_words_are_lower_case() {
        for (words, _, id) in SIGNALS {
            for w in *words {
                assert_eq!(*w, w.to_ascii_lowercase(), "{id}");
            }
        }
    }

    use super::*;

    fn first_metric(text: &str) -> Option<(String, (i64, i64), &'static str)> {
        let a = Analysis::new(text);
        (0..a.tokens.len())
            .find_map(|i| metric_at(text, &a, i))
            .map(|m| (m.span.slice(text).to_string(), m.days, m.word))
    }

    #[test]
    fn metrics() {
        assert_eq!(
            first_metric("A month after attackers hacked"),
            Some(("A month after".into(), (25, 35), "after"))
        );
        assert_eq!(
            first_metric("two days later"),
            Some(("two days later".into(), (2, 2), "later"))
        );
        assert_eq!(
            first_metric("in the last 24 hours"),
            Some(("in the last 24 hours".into(), (0, 1), "last"))
        );
        assert_eq!(
            first_metric("three weeks before"),
            Some(("three weeks before".into(), (18, 24), "before"))
        );
        assert_eq!(first_metric("a few days ago").map(|m| m.1), Some((2, 4)));
        // Negative: no ordering word, or not a unit.
        assert_eq!(first_metric("two days in jail"), None);
        assert_eq!(first_metric("a man after"), None);
    }

    #[test]
    fn signals() {
        let text = "In the wake of the hack, Sony pulled the film before Christmas.";
        let a = Analysis::new(text);
        let s: Vec<_> = signals_in(text, &a, 0, a.tokens.len()).iter().map(|s| s.id).collect();
        assert_eq!(s, ["after", "before"]);
        let text = "Nothing here.";
        let a = Analysis::new(text);
        assert!(signals_in(text, &a, 0, a.tokens.len()).is_empty());
    }
}
