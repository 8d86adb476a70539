//! Temporal expressions: extraction ([`rules`]), tense/direction ([`tense`]) and resolution
//! against the publication date ([`resolve`]) into TIMEX3 values.
//!
//! | text (DCT 2014-12-18)            | type     | value        | rule                  |
//! |----------------------------------|----------|--------------|-----------------------|
//! | `12/17/14`                       | DATE     | `2014-12-17` | `date/mdy-slash`      |
//! | `On Thursday, ... told reporters`| DATE     | `2014-12-18` | `date/weekday`        |
//! | `Earlier this week`              | DATE     | `2014-W51`   | `relative/this-unit`  |
//! | `last year`                      | DATE     | `2013`       | `relative/last-unit`  |
//! | `A month` (after ...)            | DURATION | `P1M`        | `duration/number-unit`|
//! | `daily`                          | SET      | `P1D`        | `set/adverb`          |
//! | `in the past`                    | DATE     | `PAST_REF`   | `generic/ref`         |
//!
//! [`tag`] runs the whole stage ([`tag_text`] too, for a text not yet tokenized, in windows
//! when it is long). Rules produce *unresolved* values ([`rules::Unres`]); the
//! resolver turns them into TIMEX3 values with the DCT or the last mentioned date as the
//! anchor and a direction read from the verbs around the expression ([`tense::direction`]).
//! Every [`Timex`] keeps the id of the rule that matched and a [`Derivation`] saying how its
//! value was obtained.
//!
//! # Grammar
//!
//! See `docs/GRAMMAR.md` for the table of supported forms; every row is a case in
//! `tests/data/timex/*.toml`.

pub mod reference;
pub mod resolve;
pub mod rules;

// The crates below, under the module names the stage's code knows them by (`crate::lang::...`).
use tempograph_lang::{self as lang, text};

pub use crate::lang::engine::{Cue, Direction, TimexType};

use crate::lang::Language;
use crate::text::{Analysis, Span};
use chrono::NaiveDate;
use serde::Serialize;

/// What a value was computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorKind {
    /// The document creation time (publication date).
    Dct,
    /// An earlier expression in the text (`the following day`, `a year earlier`).
    Timex,
    /// Nothing: the text gives the value in full (`2014-12-17`, `P3Y`, `PRESENT_REF`).
    Absolute,
}

impl AnchorKind {
    /// Every anchor kind.
    pub const ALL: [AnchorKind; 3] = [AnchorKind::Dct, AnchorKind::Timex, AnchorKind::Absolute];

    /// How records spell it (as serde does): `dct`, `timex`, `absolute`.
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorKind::Dct => "dct",
            AnchorKind::Timex => "timex",
            AnchorKind::Absolute => "absolute",
        }
    }

    /// The anchor kind spelled `s` ([`AnchorKind::as_str`]).
    pub fn parse(s: &str) -> Option<AnchorKind> {
        AnchorKind::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// How a timex's value was derived: the anchor, the direction, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Derivation {
    pub anchor: AnchorKind,
    /// The anchor's value (`2014-12-18` for the DCT), absent for absolute values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor_value: Option<String>,
    pub direction: Direction,
    /// The evidence for the direction or the reason the value is partial, in words.
    pub why: String,
}

/// A temporal expression with its TIMEX3 annotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timex {
    pub span: Span,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quant: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    pub rule: &'static str,
    pub derivation: Derivation,
    /// See: #20 item 4. The text writes a weekday that is not its date's ("Monday, November
    /// 4, 2025", a Tuesday): the value keeps the written date; `build` records the
    /// contradiction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday_clash: Option<WeekdayClash>,
}

/// A written weekday that contradicts the written date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct WeekdayClash {
    /// The date as written (the expression's value).
    pub date: NaiveDate,
    /// The weekday as written, 0 = Monday.
    pub weekday: u32,
}

impl WeekdayClash {
    /// The days nearest `date` that are the written weekday: the one before and the one after.
    pub fn weekday_readings(&self) -> (NaiveDate, NaiveDate) {
        let have = i64::from(chrono::Datelike::weekday(&self.date).num_days_from_monday());
        let want = i64::from(self.weekday);
        let back = (have - want).rem_euclid(7);
        let ahead = (want - have).rem_euclid(7);
        (
            self.date - chrono::Duration::days(back),
            self.date + chrono::Duration::days(ahead),
        )
    }
}

/// Find and normalize the temporal expressions of `text` (tokenized as `analysis`) written
/// on `dct`, in English. The result is sorted by span and has no overlaps.
pub fn tag(text: &str, analysis: &Analysis, dct: NaiveDate) -> Vec<Timex> {
    tag_in(crate::lang::english(), text, analysis, dct)
}

/// [`tag`] for a text in `lang`.
pub fn tag_in(lang: &'static dyn Language, text: &str, analysis: &Analysis, dct: NaiveDate) -> Vec<Timex> {
    let ctx = rules::Ctx::new_in(text, &analysis.tokens, lang);
    let (cands, _) = lang.extract(&ctx, 0, ctx.len());
    resolve::resolve_in(&ctx, analysis, dct, &cands)
}

/// Texts up to twice this many bytes are tagged in one piece by [`tag_text`]; longer ones
/// in windows of about this size, so that memory stays bounded and the cost per byte does
/// not grow with the document.
pub const WINDOW_BYTES: usize = 1 << 20;

/// Tokens of context a window keeps after the part it tags (the rules look a few tokens
/// ahead and behind; the tense cues stay inside the sentence).
pub const CONTEXT_TOKENS: usize = 256;

/// [`tag`] for a text that has no [`Analysis`] yet: the same result, computed in windows of
/// [`WINDOW_BYTES`] cut at blank lines when the text is long.
pub fn tag_text(text: &str, dct: NaiveDate) -> Vec<Timex> {
    tag_windows(text, dct, WINDOW_BYTES)
}

/// [`tag_text`] for a text in `lang`.
pub fn tag_text_in(lang: &'static dyn Language, text: &str, dct: NaiveDate) -> Vec<Timex> {
    let mut out = Vec::new();
    tag_windows_each_in(lang, text, dct, WINDOW_BYTES, |t| out.push(t));
    out
}

/// [`tag_text`] with windows of about `window` bytes.
///
/// Each window is tokenized and split on its own, from a blank line to a blank line (where
/// the sentence splitter always starts afresh), with at least [`CONTEXT_TOKENS`] tokens
/// before and after the part it tags. The matcher's pass continues where the previous
/// window's stopped, and the resolver carries its anchors over ([`resolve::Memory`]) with
/// sentence and token numbers counted from the start of the document, so the result is
/// the one [`tag`] gives for the whole text. A text with no blank line where a cut is due
/// is tagged in bigger windows.
pub fn tag_windows(text: &str, dct: NaiveDate, window: usize) -> Vec<Timex> {
    let mut out = Vec::new();
    tag_windows_each(text, dct, window, |t| out.push(t));
    out
}

/// [`tag_text`] handing each expression to `each`, in order, as soon as its window is done:
/// a caller that writes or counts them as they come keeps memory bounded by the window, not
/// by the document.
pub fn tag_text_each(text: &str, dct: NaiveDate, each: impl FnMut(Timex)) {
    tag_windows_each(text, dct, WINDOW_BYTES, each);
}

/// [`tag_windows`] handing each expression to `each`.
pub fn tag_windows_each(text: &str, dct: NaiveDate, window: usize, each: impl FnMut(Timex)) {
    tag_windows_each_in(crate::lang::english(), text, dct, window, each);
}

/// [`tag_windows_each`] for a text in `lang`.
pub fn tag_windows_each_in(
    lang: &'static dyn Language,
    text: &str,
    dct: NaiveDate,
    window: usize,
    mut each: impl FnMut(Timex),
) {
    let window = window.max(1);
    if text.len() <= 2 * window {
        tag_in(lang, text, &Analysis::new(text), dct).into_iter().for_each(each);
        return;
    }
    let mut mem = resolve::Memory::default();
    // The window's first byte (a blank-line boundary), and the numbers of its first
    // sentence and token in the whole document.
    let (mut from, mut sentence_base, mut token_base) = (0, 0, 0);
    // Where the matcher's pass continues, and where the part to tag ends.
    let mut cursor = 0;
    let mut core_end = 0;
    // The window's tables, reused from window to window.
    let mut analysis = Analysis {
        tokens: Vec::new(),
        sentences: Vec::new(),
    };
    let mut bufs = rules::CtxBuffers::default();
    loop {
        core_end = blank_line_after(text, core_end + window).unwrap_or(text.len());
        // Enough for CONTEXT_TOKENS tokens of most texts; doubled until it is.
        let mut slack = 4096;
        let until = loop {
            let until = blank_line_after(text, core_end + slack).unwrap_or(text.len());
            analysis.reset(&text[from..until]);
            if let Some(t) = analysis.tokens.first_mut() {
                // The window starts after a blank line, not at the start of the text.
                t.newline_before = from > 0;
            }
            let after = analysis.tokens.len() - analysis.token_at_or_after(core_end - from);
            if until == text.len() || after >= CONTEXT_TOKENS {
                break until;
            }
            slack *= 2;
        };
        let piece = &text[from..until];
        let ctx = rules::Ctx::with_buffers_in(piece, &analysis.tokens, std::mem::take(&mut bufs), lang);
        let first = analysis.token_at_or_after(cursor.max(from) - from);
        let last_window = until == text.len();
        let stop = if last_window {
            analysis.tokens.len()
        } else {
            analysis.token_at_or_after(core_end - from)
        };
        let (cands, next) = lang.extract(&ctx, first, stop);
        let found = resolve::resolve_window(&ctx, &analysis, dct, &cands, &mut mem, sentence_base, token_base);
        bufs = ctx.into_buffers();
        for mut t in found {
            t.span = Span::new(t.span.start + from, t.span.end + from);
            each(t);
        }
        if last_window {
            return;
        }
        cursor = analysis.tokens.get(next).map_or(until, |t| t.span.start + from);
        // The next window starts at the last blank line with enough context before `stop`.
        let toks = &analysis.tokens;
        let bytes = piece.as_bytes();
        let blank = |j: usize| {
            toks[j].newline_before
                && bytes[toks[j - 1].span.end..toks[j].span.start]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    >= 2
        };
        if let Some(j) = (1..=stop.saturating_sub(CONTEXT_TOKENS)).rev().find(|&j| blank(j)) {
            sentence_base += analysis.sentences.partition_point(|s| s.tokens.start < j);
            token_base += j;
            from += toks[j].span.start;
        }
    }
}

/// The first token start at or after byte `pos` that follows a blank line (white space
/// holding two line feeds), if any.
fn blank_line_after(text: &str, pos: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut q = pos;
    while q < b.len() {
        let nl = q + b[q..].iter().position(|&c| c == b'\n')?;
        let mut p = nl;
        let mut lines = 0;
        while p < b.len() && b[p].is_ascii_whitespace() {
            lines += usize::from(b[p] == b'\n');
            p += 1;
        }
        if p < b.len() && lines >= 2 && !text[p..].chars().next().is_some_and(char::is_whitespace) {
            return Some(p);
        }
        q = p.max(nl + 1);
    }
    None
}
