//! The story's reference time: what "today" means in a text that sets its own day.
//!
//! News "today" is the publication date, and the resolver keeps it so, except where the text
//! sets an explicit earlier day for the telling itself:
//!
//! | text (published Thursday 2014-12-18)                                     | "today" is |
//! |--------------------------------------------------------------------------|------------|
//! | "On Monday, the board voted to close the plant, the company said earlier today." | Monday 2014-12-15 |
//! | "On Monday, the board voted. The union said later today it would appeal." (one paragraph) | Monday 2014-12-15 |
//! | "On Monday, the board voted." ⏎⏎ "The union said later today it would appeal." | Thursday (another paragraph) |
//! | "On Monday, the board voted. The union said today it would appeal."       | Thursday (plain "today" in another sentence) |
//! | "The board voted on Monday, the company said earlier today."              | Thursday (the day does not open the sentence) |
//! | "On Friday, the board will vote, the company said today."                 | Thursday (the day is not before publication) |
//! | "\"We are shocked today,\" Smith said on Monday."                          | Monday (a dated quote) |
//! | "\"We are shocked,\" Smith said today."                                    | Thursday (not in the quote) |
//! | "\"We signed it this morning,\" Smith said on Monday."                      | Monday morning (a dated quote) |
//! | "LISBON, Dec. 15 — The board voted today." (dateline)                     | Monday 2014-12-15 (the whole story) |
//! | "On Monday, the board met. The vote was held at 3 p.m." (one paragraph)    | Monday 15:00 (a bare clock time) |
//!
//! A reference is set by a sentence that opens with "On" and a day (a weekday or a calendar
//! date) that resolves to one day before the publication date: the dated lead of wire copy
//! filed earlier. It holds for a "today" in that sentence, and for "earlier today" and
//! "later today" (which tell the narrative's own day) in the rest of its paragraph. The
//! derivation says so: "offset from the reference time Monday 2014-12-15 set by 'On Monday'".
//! A wire lead's dateline (`PLACE, DAY — story`, in the first sentence) sets the reference
//! for the whole story; its day without a year is the most recent one not after the
//! publication date. A bare clock time ("at 3 p.m.") falls on the reference day where the
//! reference holds (its sentence and the rest of its paragraph, or anywhere after a dateline).
//! A quote is dated by its attribution: a "today" inside quotation marks is the day that
//! dates the attribution verb after the closing quote in the same sentence (`said on Monday`,
//! `told reporters Monday` is not read), when that day is before the publication date.
//! Relative expressions anchored on the expression mentioned before ("two days later", "that
//! day") follow, since "today" resolved so is that expression.
//!
//! # Grammar
//!
//! ```text
//! reference := <sentence start> "On" DAY          (DAY resolves to one day before the DCT)
//!            | QUOTE ATTRIBUTION-VERB "on"? DAY   (for a "today" inside QUOTE)
//! today     := "today" | ("earlier" | "later") "today"
//!            | "this" PART-OF-DAY                  (inside a dated QUOTE only: keeps its part)
//! ```

use super::rules::{Cand, Ctx};
use crate::text::{Analysis, Span, TokenKind};
use chrono::NaiveDate;

/// A reference time the text sets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub day: NaiveDate,
    /// Sentence (of the document) of the expression that sets it.
    pub sentence: usize,
    /// Byte offset of the expression that sets it.
    pub at: usize,
    /// The words that set it: `On Monday`.
    pub text: String,
    /// Set by the dateline of a wire lead (`LISBON, March 2 — ...`): it holds for the whole
    /// story, not only its paragraph.
    pub dateline: bool,
}

/// Dashes that end a dateline's head (`LISBON, March 2 — The ...`).
const DATELINE_DASHES: &[&str] = &["—", "–", "-", "--"];

/// Whether candidate `c` is the date of a dateline: in the lead's first sentence (the
/// document's first, or the one after a headline line), right
/// after `PLACE,` (capitalised words, with `,` and `.` between: `SAN JOSE, Calif.,`) that
/// opens it, and right before a dash, or before a wire agency in parentheses and a dash
/// (`BREST, France, Jan. 12 (AP) -`).
pub fn is_dateline(ctx: &Ctx, analysis: &Analysis, c: &Cand, sentence: usize) -> bool {
    sentence <= 1 && c.rule.starts_with("date/") && dateline_tokens(ctx.text, analysis, c.start, c.end)
}

/// Whether the time expression at byte span `span` of `text` (tokenized as `analysis`) is
/// the day of a wire lead's dateline (see [`is_dateline`]): it dates the filing of the story,
/// not what the story tells.
pub fn is_dateline_span(text: &str, analysis: &Analysis, span: Span) -> bool {
    let start = analysis.token_at_or_after(span.start);
    let end = analysis.token_at_or_after(span.end);
    start < end && dateline_tokens(text, analysis, start, end)
}

/// Tokens `start..end` are a dateline's day: see [`is_dateline`].
fn dateline_tokens(text: &str, analysis: &Analysis, start: usize, end: usize) -> bool {
    // The lead's first sentence: the document's first, or the one after a headline on a line
    // of its own.
    let toks = &analysis.tokens;
    let line_start = |k: usize| k == 0 || toks.get(k).is_some_and(|t| t.newline_before);
    let Some(lead) = analysis
        .sentences
        .iter()
        .take(2)
        .find(|x| x.tokens.start <= start && end <= x.tokens.end)
    else {
        return false;
    };
    let first = lead.tokens.start;
    if !line_start(first) || (first > 0 && analysis.sentences.first().is_none_or(|h| h.tokens.end != first)) {
        return false;
    }
    let raw = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let punct = |k: usize, p: &str| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text(text) == p)
    };
    let cap = |k: usize| raw(k).chars().next().is_some_and(char::is_uppercase);
    if start < first + 2 || !punct(start - 1, ",") {
        return false;
    }
    // A wire agency between the day and the dash: "(AP)", "(Reuters)".
    let mut after = end;
    if punct(after, "(") {
        let close = (after + 1..(after + 5).min(toks.len())).find(|&k| punct(k, ")"));
        match close {
            Some(k) if k > after + 1 && (after + 1..k).all(cap) => after = k + 1,
            _ => return false,
        }
    }
    let dash = DATELINE_DASHES.iter().any(|d| punct(after, d));
    let place = (first..start - 1).all(|k| cap(k) || punct(k, ",") || punct(k, "."));
    dash && place && cap(first)
}

/// The reference time a dateline's day sets (see [`is_dateline`]), when it is before the
/// publication date.
pub fn set_by_dateline(ctx: &Ctx, analysis: &Analysis, c: &Cand, day: NaiveDate, dct: NaiveDate) -> Option<Reference> {
    if day >= dct || !is_dateline(ctx, analysis, c, 0) {
        return None;
    }
    let start = analysis.tokens[c.start].span.start;
    let end = analysis.tokens[c.end - 1].span.end;
    Some(Reference {
        day,
        sentence: 0,
        at: start,
        text: ctx.text[start..end].to_string(),
        dateline: true,
    })
}

/// Whether the reference `r` holds at byte `at` of `sentence` for an expression without a day
/// of its own (a bare clock time, "at 3 p.m."): in the sentence that sets it or after it in
/// its paragraph, or anywhere after a dateline.
pub fn holds(ctx: &Ctx, r: &Reference, sentence: usize, at: usize) -> bool {
    if at < r.at {
        return false;
    }
    let between = &ctx.text[r.at..at];
    r.dateline || sentence == r.sentence || !between.contains("\n\n") && !between.contains("\r\n\r\n")
}

/// The reference time candidate `c` sets, given the day it resolved to: a sentence-opening
/// "On" + a weekday or calendar day before the publication date.
pub fn set_by(
    ctx: &Ctx,
    analysis: &Analysis,
    c: &Cand,
    day: Option<NaiveDate>,
    dct: NaiveDate,
    sentence: usize,
) -> Option<Reference> {
    let day = day.filter(|d| *d < dct)?;
    let cues = ctx.lang.reference_cues()?;
    if c.start == 0 || !ctx.is(c.start - 1, cues.on) {
        return None;
    }
    let on = &analysis.tokens[c.start - 1];
    let opens = c.start == 1
        || analysis.sentence_at(analysis.tokens[c.start - 2].span.start) != analysis.sentence_at(on.span.start);
    if !opens || !c.rule.starts_with("date/") {
        return None;
    }
    let end = analysis.tokens[c.end - 1].span.end;
    Some(Reference {
        day,
        sentence,
        at: on.span.start,
        text: ctx.text[on.span.start..end].to_string(),
        dateline: false,
    })
}

/// Whether candidate `c` ("today", "earlier today", "later today") in `sentence`, starting at
/// byte `at`, is told on the reference day.
pub fn applies(ctx: &Ctx, c: &Cand, r: &Reference, sentence: usize, at: usize) -> bool {
    let Some(cues) = ctx.lang.reference_cues() else {
        return false;
    };
    if c.rule != "relative/day-word" || !ctx.is(c.end - 1, cues.today) || at < r.at {
        return false;
    }
    if sentence == r.sentence || r.dateline {
        return true;
    }
    let narrative = ctx.any(c.start, cues.narrative);
    let between = &ctx.text[r.at..at];
    narrative && !between.contains("\n\n") && !between.contains("\r\n\r\n")
}

/// Whether byte `at` is inside a quotation of its sentence: after an odd number of straight
/// double quotes, or after an opening curly quote not yet closed.
pub fn in_quote(analysis: &Analysis, text: &str, at: usize) -> bool {
    let Some(s) = analysis.sentences.get(analysis.sentence_at(at)) else {
        return false;
    };
    let before = &text[s.span.start.min(at)..at];
    let straight = before.matches('"').count();
    let (open, close) = (before.matches('\u{201C}').count(), before.matches('\u{201D}').count());
    straight % 2 == 1 || open > close
}

/// Whether candidate `c` dates a quote's attribution: right after an attribution verb (with
/// "on" between or not), the verb after a closing quote of the same sentence ("…," Smith said
/// on Monday; "…," said Smith on Monday is not read).
pub fn dates_attribution(ctx: &Ctx, analysis: &Analysis, c: &Cand) -> Option<usize> {
    let cues = ctx.lang.reference_cues()?;
    let mut k = c.start.checked_sub(1)?;
    if ctx.is(k, cues.on) {
        k = k.checked_sub(1)?;
    }
    if !ctx.any(k, cues.attribution) {
        return None;
    }
    let at = analysis.tokens[k].span.start;
    let s = analysis.sentences.get(analysis.sentence_at(at))?;
    let before = &ctx.text[s.span.start.min(at)..at];
    (before.contains('"') || before.contains('\u{201D}')).then_some(at)
}

/// The derivation's words for a quoted "today" dated by its attribution.
pub fn why_quoted(day: NaiveDate, attribution: &str) -> String {
    format!(
        "offset from the reference time {} {} set by the quote's attribution '{attribution}'",
        day.format("%A"),
        day.format("%Y-%m-%d")
    )
}

/// The derivation's words for a value resolved against the reference time.
pub fn why(r: &Reference) -> String {
    format!(
        "offset from the reference time {} {} set by '{}'",
        r.day.format("%A"),
        r.day.format("%Y-%m-%d"),
        r.text
    )
}
