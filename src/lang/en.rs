//! English words that more than one stage reads.
//!
//! | table          | example           | read by                                  |
//! |----------------|-------------------|------------------------------------------|
//! | [`MONTHS`]     | `december` → 12   | `timex::rules` (dates), `document` (datelines) |
//! | [`MONTH_ABBR`] | `sept` → 9        | the same                                 |
//!
//! Document ingestion runs before temporal-expression extraction, so the month names both
//! read live here rather than in `timex::rules` (issue #14: the language package is where
//! every English table is headed).

/// Month names, lower case.
pub static MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// Month abbreviations, lower case (without the period).
pub static MONTH_ABBR: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The month a lower-case month name or abbreviation (`december`, `dec`, `sept`) names.
pub fn month_number(lower: &str) -> Option<u32> {
    let find = |table: &[(&str, u32)]| table.iter().find(|(k, _)| *k == lower).map(|(_, v)| *v);
    find(MONTHS).or_else(|| find(MONTH_ABBR))
}
