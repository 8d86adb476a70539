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
//! [`tag`] runs the whole stage. Rules produce *unresolved* values ([`rules::Unres`]); the
//! resolver turns them into TIMEX3 values with the DCT or the last mentioned date as the
//! anchor and a direction read from the verbs around the expression ([`tense::direction`]).
//! Every [`Timex`] keeps the id of the rule that matched and a [`Derivation`] saying how its
//! value was obtained.
//!
//! # Grammar
//!
//! See `docs/GRAMMAR.md` for the table of supported forms; every row is a case in
//! `tests/data/timex/*.toml`.

pub mod resolve;
pub mod rules;
pub mod tense;

use crate::text::{Analysis, Span};
use chrono::NaiveDate;
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
}

/// Find and normalize the temporal expressions of `text` (tokenized as `analysis`) written
/// on `dct`. The result is sorted by span and has no overlaps.
pub fn tag(text: &str, analysis: &Analysis, dct: NaiveDate) -> Vec<Timex> {
    let ctx = rules::Ctx::new(text, &analysis.tokens);
    let cands = rules::extract_in(&ctx);
    resolve::resolve_in(&ctx, analysis, dct, &cands)
}
