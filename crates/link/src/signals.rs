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

pub use crate::lang::signal::{MetricWord, SignalId, SignalKind};
use crate::lang::EventWords;
use crate::text::{Analysis, Span, TokenKind};

/// A signal found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Signal {
    pub span: Span,
    pub kind: SignalKind,
    /// Which signal: its name in rule ids and model keys is [`SignalId::as_str`].
    pub id: SignalId,
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

/// Tokens `i..` are the words of `phrase` (lower case, one space between), compared
/// without case and never a punctuation token: how many tokens that is.
fn phrase_at(text: &str, analysis: &Analysis, i: usize, phrase: &str) -> Option<usize> {
    let mut n = 0;
    for w in phrase.split(' ') {
        let t = analysis.tokens.get(i + n)?;
        if t.kind == TokenKind::Punct || !t.text(text).eq_ignore_ascii_case(w) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// The signal starting at token `i`, if any (longest match first; among equals, the first
/// in the table).
pub fn signal_at(lw: &EventWords, text: &str, analysis: &Analysis, i: usize) -> Option<Signal> {
    let mut best: Option<(usize, Signal)> = None;
    for &(words, id) in lw.signals.iter() {
        // The table's words are lower case (its test checks): comparing without case is
        // comparing the lower-cased word, without allocating it per entry.
        let Some(n) = phrase_at(text, analysis, i, words) else {
            continue;
        };
        if best.as_ref().is_none_or(|(m, _)| n > *m) {
            let end = analysis.tokens[i + n - 1].span.end;
            best = Some((
                n,
                Signal {
                    span: Span::new(analysis.tokens[i].span.start, end),
                    kind: id.kind(),
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
pub fn signals_in(lw: &EventWords, text: &str, analysis: &Analysis, from: usize, to: usize) -> Vec<Signal> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to.min(analysis.tokens.len()) {
        if let Some(s) = signal_at(lw, text, analysis, i) {
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
    pub word: MetricWord,
}

/// The amount at token `i`: a one-word amount of the table (`two`, `several`) or a number.
fn amount(lw: &EventWords, text: &str, analysis: &Analysis, i: usize) -> Option<(f64, f64)> {
    let w = word(text, analysis, i)?;
    if let Some(a) = lw
        .metric_amounts
        .iter()
        .find(|(n, _)| !n.contains(' ') && *n == w)
        .map(|(_, a)| a)
    {
        return Some((a.lo, a.hi));
    }
    let t = analysis.tokens.get(i)?;
    if t.kind == TokenKind::Number {
        let n: f64 = w.parse().ok()?;
        return Some((n, n));
    }
    None
}

/// The amount a phrase of the table starts at token `i` with (`a few`), and its length.
fn amount_phrase(lw: &EventWords, text: &str, analysis: &Analysis, i: usize) -> Option<((f64, f64), usize)> {
    lw.metric_amounts
        .iter()
        .filter(|(n, _)| n.contains(' '))
        .filter_map(|(n, a)| Some(((a.lo, a.hi), phrase_at(text, analysis, i, n)?)))
        .max_by_key(|&(_, n)| n)
}

fn days(lw: &EventWords, amount: (f64, f64), unit: &str) -> Option<(i64, i64)> {
    let u = lw.metric_units.find(unit)?;
    let (per, tol) = (u.days, u.tolerance);
    let lo = amount.0 * (per - tol);
    let hi = amount.1 * (per + tol);
    Some((lo.floor() as i64, hi.ceil() as i64))
}

/// The metric phrase starting at token `i`, if any.
pub fn metric_at(lw: &EventWords, text: &str, analysis: &Analysis, i: usize) -> Option<Metric> {
    word(text, analysis, i)?;
    // A window up to now: "in the last/past [N] unit(s)".
    if let Some(n) = lw.metric_windows.iter().find_map(|p| phrase_at(text, analysis, i, p)) {
        let (amt, k) = match amount(lw, text, analysis, i + n) {
            Some(a) => (a, i + n + 1),
            None => ((1.0, 1.0), i + n),
        };
        let unit = word(text, analysis, k)?;
        let (_, hi) = days(lw, amt, &unit)?;
        return Some(Metric {
            span: Span::new(analysis.tokens[i].span.start, analysis.tokens[k].span.end),
            days: (0, hi.max(1)),
            word: MetricWord::Last,
        });
    }
    // An amount phrase ("a few") counts as one amount word.
    let (amt, k) = match amount_phrase(lw, text, analysis, i) {
        Some((a, n)) => (a, i + n),
        None => (amount(lw, text, analysis, i)?, i + 1),
    };
    let unit = word(text, analysis, k)?;
    let d = days(lw, amt, &unit)?;
    let ord = word(text, analysis, k + 1)?;
    let &wd = lw.metric_words.find(&ord)?;
    Some(Metric {
        span: Span::new(analysis.tokens[i].span.start, analysis.tokens[k + 1].span.end),
        days: d,
        word: wd,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_metric(text: &str) -> Option<(String, (i64, i64), MetricWord)> {
        let a = Analysis::new(text);
        (0..a.tokens.len())
            .find_map(|i| metric_at(EventWords::english(), text, &a, i))
            .map(|m| (m.span.slice(text).to_string(), m.days, m.word))
    }

    #[test]
    fn metrics() {
        assert_eq!(
            first_metric("A month after attackers hacked"),
            Some(("A month after".into(), (25, 35), MetricWord::After))
        );
        assert_eq!(
            first_metric("two days later"),
            Some(("two days later".into(), (2, 2), MetricWord::Later))
        );
        assert_eq!(
            first_metric("in the last 24 hours"),
            Some(("in the last 24 hours".into(), (0, 1), MetricWord::Last))
        );
        assert_eq!(
            first_metric("three weeks before"),
            Some(("three weeks before".into(), (18, 24), MetricWord::Before))
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
        let s: Vec<_> = signals_in(EventWords::english(), text, &a, 0, a.tokens.len())
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(s, [SignalId::After, SignalId::Before]);
        let text = "Nothing here.";
        let a = Analysis::new(text);
        assert!(signals_in(EventWords::english(), text, &a, 0, a.tokens.len()).is_empty());
    }
}
