//! The English words the link stage reads (`crates/link/src/`): temporal signals and the parts of
//! metric phrases, as data under `data/link/` (`word TAB value`, or one entry a line; `#`
//! comments), embedded and parsed on first use.
//!
//! | table                | data file                   | example                     |
//! |----------------------|-----------------------------|-----------------------------|
//! | [`SIGNALS`]          | `data/link/signals.tsv`     | `in the wake of` → `after`  |
//! | [`METRIC_AMOUNTS`]   | `data/link/metric-amounts.tsv` | `several` → 3..7         |
//! | [`METRIC_UNITS`]     | `data/link/metric-units.tsv`| `month` → 30 ± 5 days       |
//! | [`METRIC_WORDS`]     | `data/link/metric-words.tsv`| `later` → later             |
//! | [`METRIC_WINDOWS`]   | `data/link/metric-windows.txt` | `in the last`            |
//! | [`ANCHOR_WORDS`]     | `data/link/anchor-words.txt`| `on`, `last`                |
//! | [`BETWEEN_WORDS`]    | `data/link/between-words.txt` | `that`, `said` (model features) |

use crate::lang::signal::{Amount, MetricWord, SignalId, UnitDays};
use crate::lang::{Table, Words};

/// Temporal signals: their words (lower case, one space between) and the signal they are.
/// The longest match wins; among equals, the first.
pub static SIGNALS: Table<SignalId> = Table::new(include_str!("data/link/signals.tsv"));

/// Amount words of metric phrases (`two`, `several`, `a few`).
pub static METRIC_AMOUNTS: Table<Amount> = Table::new(include_str!("data/link/metric-amounts.tsv"));

/// Unit words of metric phrases and the days they are (`month` → 30 ± 5).
pub static METRIC_UNITS: Table<UnitDays> = Table::new(include_str!("data/link/metric-units.tsv"));

/// The words that end a metric phrase and order its two ends (`later`, `ago`).
pub static METRIC_WORDS: Table<MetricWord> = Table::new(include_str!("data/link/metric-words.tsv"));

/// The words that open a window up to the time of speaking (`in the last`), one space
/// between.
pub static METRIC_WINDOWS: Words = Words::new(include_str!("data/link/metric-windows.txt"));

/// Words between two events of a sentence that the label models read (`e:between=that`), in
/// the order of their atoms. Compared lower-cased.
pub static BETWEEN_WORDS: Words = Words::new(include_str!("data/link/between-words.txt"));

/// Words that may stand between an anchoring preposition and its time expression (`on last
/// Tuesday`). Compared lower-cased.
pub static ANCHOR_WORDS: Words = Words::new(include_str!("data/link/anchor-words.txt"));

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row parses; keys are lower case with single spaces (the matcher compares them
    /// word by word, without case).
    #[test]
    fn data_files_are_sound() {
        assert_eq!(SIGNALS.check(), Vec::<String>::new(), "SIGNALS");
        assert_eq!(METRIC_AMOUNTS.check(), Vec::<String>::new(), "METRIC_AMOUNTS");
        assert_eq!(METRIC_UNITS.check(), Vec::<String>::new(), "METRIC_UNITS");
        assert_eq!(METRIC_WORDS.check(), Vec::<String>::new(), "METRIC_WORDS");
        let keys = SIGNALS
            .iter()
            .map(|(k, _)| *k)
            .chain(METRIC_AMOUNTS.iter().map(|(k, _)| *k))
            .chain(METRIC_UNITS.iter().map(|(k, _)| *k))
            .chain(METRIC_WORDS.iter().map(|(k, _)| *k))
            .chain(METRIC_WINDOWS.iter().copied())
            .chain(ANCHOR_WORDS.iter().copied())
            .chain(BETWEEN_WORDS.iter().copied());
        for k in keys {
            assert!(!k.is_empty() && *k == k.to_ascii_lowercase(), "{k:?}");
            assert!(
                k.split(' ').all(|w| !w.is_empty() && !w.contains(char::is_whitespace)),
                "{k:?}"
            );
        }
        assert!(SIGNALS.len() > 30 && METRIC_WINDOWS.len() == 2 && !ANCHOR_WORDS.is_empty());
        // Every signal the rules name has words.
        for id in SignalId::ALL {
            assert!(SIGNALS.iter().any(|(_, v)| v == id), "no words for {id:?}");
        }
    }
}
