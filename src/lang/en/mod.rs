//! English, the default language: the word tables of the timex grammar, the tense cues, and
//! the month names of datelines.
//!
//! | table                 | data file                  | example            | read by                       |
//! |-----------------------|----------------------------|--------------------|-------------------------------|
//! | [`MONTHS`]            | `data/months.tsv`          | `december` → 12    | `timex::rules`, `document` (datelines) |
//! | [`MONTH_ABBR`]        | `data/month-abbr.tsv`      | `sept` → 9         | the same                      |
//! | [`WEEKDAYS`]          | `data/weekdays.tsv`        | `friday` → 4       | `timex::rules`                |
//! | [`WEEKDAY_ABBR`]      | `data/weekday-abbr.tsv`    | `thurs` → 3        | `timex::rules`                |
//! | [`NUMBER_WORDS`]      | `data/numbers.tsv`         | `twenty` → 20      | `timex::rules`                |
//! | [`ORDINAL_WORDS`]     | `data/ordinals.tsv`        | `third` → 3        | `timex::rules`                |
//! | [`UNITS`]             | `data/units.tsv`           | `fortnight` → week | `timex::rules`                |
//! | [`TRIGGERS`]          | `data/triggers.txt`        | `last`, `daily`    | `timex::rules` (the lexicon)  |
//! | [`WEAK`]              | `data/weak.txt`            | `the`, `about`     | `timex::rules` (the lexicon)  |
//! | [`LEXICON_EXTRA`]     | `data/lexicon-extra.txt`   | `moment`, `eve`    | `timex::rules` (the lexicon)  |
//! | [`SUBORDINATORS`]     | `data/subordinators.txt`   | `because`          | [`tense`], the pipeline       |
//! | tense cue lists       | `data/tense-*.txt`         | `told`, `slated`   | [`tense`]                     |
//! | [`NOT_NAMES`]         | `data/not-names.txt`       | `the`, `he`        | the event merger              |
//! | [`SENTENCE_OPENERS`]  | `data/sentence-openers.txt`| `On`, `Earlier`    | event labels, the pipeline    |
//! | [`LIGHT_VERBS`]       | `data/light-verbs.txt`     | `make`, `take`     | the event tagger              |
//! | [`LIGHT_LEMMAS`]      | `data/light-lemmas.txt`    | `say`, `seem`      | the pipeline (timeline events)|
//!
//! The grammar rules that read these tables are still Rust functions in `timex::rules`
//! (`date.rs`, `relative.rs`, ...): [`English::extract`] runs them. `docs/DESIGN.md` ("The
//! language seam") lists what else still reads English outside this folder.

pub mod rules;
pub mod tense;

use super::{Language, Table, Words};
use crate::text::Analysis;
use crate::timex::rules::{Cand, Ctx, Unit};
use crate::timex::Cue;

/// English.
pub struct English;

impl Language for English {
    fn code(&self) -> &'static str {
        "en"
    }

    fn name(&self) -> &'static str {
        "English"
    }

    fn rule_ids(&self) -> &'static [&'static str] {
        crate::timex::rules::RULE_IDS
    }

    fn extract(&self, ctx: &Ctx, from: usize, to: usize) -> (Vec<Cand>, usize) {
        crate::timex::rules::extract_range(ctx, from, to)
    }

    fn direction(&self, ctx: &Ctx, analysis: &Analysis, start: usize, end: usize) -> Cue {
        tense::direction(ctx, analysis, start, end)
    }

    fn month_number(&self, lower: &str) -> Option<u32> {
        month_number(lower)
    }
}

/// Month names, lower case.
pub static MONTHS: Table<u32> = Table::new(include_str!("data/months.tsv"));

/// Month abbreviations, lower case (without the period).
pub static MONTH_ABBR: Table<u32> = Table::new(include_str!("data/month-abbr.tsv"));

/// Weekday names, lower case, 0 = Monday.
pub static WEEKDAYS: Table<u32> = Table::new(include_str!("data/weekdays.tsv"));

/// Weekday abbreviations, lower case, 0 = Monday.
pub static WEEKDAY_ABBR: Table<u32> = Table::new(include_str!("data/weekday-abbr.tsv"));

/// Number words.
pub static NUMBER_WORDS: Table<u32> = Table::new(include_str!("data/numbers.tsv"));

/// Ordinal words.
pub static ORDINAL_WORDS: Table<u32> = Table::new(include_str!("data/ordinals.tsv"));

/// Units of time (singular; the plural is the word plus `s`).
pub static UNITS: Table<Unit> = Table::new(include_str!("data/units.tsv"));

/// Words that can start an expression (besides numbers and the month/weekday/unit tables).
pub static TRIGGERS: Words = Words::new(include_str!("data/triggers.txt"));

/// Frequent words that start expressions or sit inside them but never make one without a
/// *strong* token (a number, or any other lexicon word) close after them: `the` in `the
/// past`, `a` in `a year ago`, `at` in `at least two days`.
pub static WEAK: Words = Words::new(include_str!("data/weak.txt"));

/// Words the rules compare tokens with, besides the tables and [`TRIGGERS`]: inside an
/// expression they are strong (`the moment`, `current levels`, `Martin Luther King Day`).
pub static LEXICON_EXTRA: Words = Words::new(include_str!("data/lexicon-extra.txt"));

/// Words that open a subordinate clause (not those that are also prepositions: `after`,
/// `before`, `since`, `until`).
pub static SUBORDINATORS: Words = Words::new(include_str!("data/subordinators.txt"));

/// The month a lower-case month name or abbreviation (`december`, `dec`, `sept`) names.
pub fn month_number(lower: &str) -> Option<u32> {
    MONTHS.find(lower).or_else(|| MONTH_ABBR.find(lower)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every data file parses, every line of it, and none is empty.
    #[test]
    fn data_files_are_sound() {
        for (name, t) in [
            ("months", &MONTHS),
            ("month-abbr", &MONTH_ABBR),
            ("weekdays", &WEEKDAYS),
            ("weekday-abbr", &WEEKDAY_ABBR),
            ("numbers", &NUMBER_WORDS),
            ("ordinals", &ORDINAL_WORDS),
        ] {
            assert_eq!(t.check(), Vec::<String>::new(), "data/{name}.tsv");
            assert!(!t.is_empty(), "data/{name}.tsv");
        }
        assert_eq!(UNITS.check(), Vec::<String>::new(), "data/units.tsv");
        for w in [&TRIGGERS, &WEAK, &LEXICON_EXTRA, &SUBORDINATORS] {
            assert!(!w.is_empty());
            assert!(w.iter().all(|w| !w.contains(char::is_whitespace)), "{:?}", w.get());
        }
        assert_eq!(MONTHS.len(), 12);
        assert_eq!(WEEKDAYS.len(), 7);
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("december"), Some(12));
        assert_eq!(month_number("decembre"), None);
    }
}
