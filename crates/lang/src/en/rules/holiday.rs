//! Holidays.
//!
//! | rule               | example                              | unresolved                            |
//! |--------------------|--------------------------------------|---------------------------------------|
//! | `holiday/fixed`    | `Christmas`, `New Year's Day`        | `Holiday{Fixed(12, 25)}`              |
//! | `holiday/computed` | `Thanksgiving`, `Easter`, `Labor Day`| `Holiday{NthWeekday{11, Thu, 4}}`     |
//! | `holiday/anaphor`  | `the holiday` (in December)          | `Holiday{..}` nearest to the DCT      |
//!
//! # Grammar
//!
//! A holiday name from [`HOLIDAYS`] (each a sequence of lower-case words, `'` and `s`
//! tokens), optionally followed by a four-digit year.

use super::{Cand, Ctx, Holiday, Unres};
use crate::lang::engine::TimexType;

/// Holiday names as token sequences, their date rule, and whether the date is fixed.
pub static HOLIDAYS: &[(&[&str], Holiday)] = &[
    (&["christmas", "eve"], Holiday::Fixed(12, 24)),
    (&["christmas", "day"], Holiday::Fixed(12, 25)),
    (&["christmas"], Holiday::Fixed(12, 25)),
    (&["xmas"], Holiday::Fixed(12, 25)),
    (&["new", "year", "'", "s", "eve"], Holiday::Fixed(12, 31)),
    (&["new", "year", "'", "s", "day"], Holiday::Fixed(1, 1)),
    (&["new", "year", "'", "s"], Holiday::Fixed(1, 1)),
    (&["independence", "day"], Holiday::Fixed(7, 4)),
    (&["the", "fourth", "of", "july"], Holiday::Fixed(7, 4)),
    (&["halloween"], Holiday::Fixed(10, 31)),
    (&["valentine", "'", "s", "day"], Holiday::Fixed(2, 14)),
    (&["veterans", "day"], Holiday::Fixed(11, 11)),
    (&["veterans", "'", "day"], Holiday::Fixed(11, 11)),
    (&["boxing", "day"], Holiday::Fixed(12, 26)),
    (&["st", ".", "patrick", "'", "s", "day"], Holiday::Fixed(3, 17)),
    (
        &["thanksgiving", "day"],
        Holiday::NthWeekday {
            month: 11,
            weekday: 3,
            nth: 4,
        },
    ),
    (
        &["thanksgiving"],
        Holiday::NthWeekday {
            month: 11,
            weekday: 3,
            nth: 4,
        },
    ),
    (
        &["labor", "day"],
        Holiday::NthWeekday {
            month: 9,
            weekday: 0,
            nth: 1,
        },
    ),
    (
        &["memorial", "day"],
        Holiday::NthWeekday {
            month: 5,
            weekday: 0,
            nth: 0,
        },
    ),
    (
        &["columbus", "day"],
        Holiday::NthWeekday {
            month: 10,
            weekday: 0,
            nth: 2,
        },
    ),
    (
        &["martin", "luther", "king", "day"],
        Holiday::NthWeekday {
            month: 1,
            weekday: 0,
            nth: 3,
        },
    ),
    (
        &["martin", "luther", "king", "jr", ".", "day"],
        Holiday::NthWeekday {
            month: 1,
            weekday: 0,
            nth: 3,
        },
    ),
    (
        &["presidents", "day"],
        Holiday::NthWeekday {
            month: 2,
            weekday: 0,
            nth: 3,
        },
    ),
    (
        &["presidents", "'", "day"],
        Holiday::NthWeekday {
            month: 2,
            weekday: 0,
            nth: 3,
        },
    ),
    (
        &["mother", "'", "s", "day"],
        Holiday::NthWeekday {
            month: 5,
            weekday: 6,
            nth: 2,
        },
    ),
    (
        &["father", "'", "s", "day"],
        Holiday::NthWeekday {
            month: 6,
            weekday: 6,
            nth: 3,
        },
    ),
    (&["easter", "sunday"], Holiday::Easter(0)),
    (&["easter", "monday"], Holiday::Easter(1)),
    (&["easter"], Holiday::Easter(0)),
    (&["good", "friday"], Holiday::Easter(-2)),
    (&["election", "day"], Holiday::ElectionDay),
    (&["black", "friday"], Holiday::Thanksgiving(1)),
    (&["cyber", "monday"], Holiday::Thanksgiving(4)),
];

pub fn rules(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // "a 2004 Boxing Day storm": the year before the name is its year.
    if let Some((y, 4)) = ctx.lone_num(i) {
        if (1000..=2099).contains(&y) && ctx.cap(i + 1) {
            let mut named = Vec::new();
            rules(ctx, i + 1, &mut named);
            if let Some(mut c) = named.into_iter().find(|c| c.rule != "holiday/anaphor") {
                if let Unres::Holiday { year: year @ None, .. } = &mut c.val {
                    *year = Some(y as i32);
                    c.start = i;
                    out.push(c);
                }
            }
        }
        return;
    }
    if !matches!(
        ctx.lw(i),
        "christmas"
            | "xmas"
            | "new"
            | "independence"
            | "the"
            | "halloween"
            | "valentine"
            | "veterans"
            | "boxing"
            | "st"
            | "thanksgiving"
            | "labor"
            | "memorial"
            | "columbus"
            | "martin"
            | "presidents"
            | "mother"
            | "father"
            | "easter"
            | "good"
            | "election"
            | "black"
            | "cyber"
    ) || !ctx.cap(i) && !ctx.is(i, "the")
    {
        return;
    }
    for (words, h) in HOLIDAYS {
        // A straight apostrophe in the table also matches a curly one.
        let same = |k: usize, w: &str| ctx.is(i + k, w) || w == "'" && ctx.is(i + k, "’");
        if !words.iter().enumerate().all(|(k, w)| same(k, w)) {
            continue;
        }
        // Names are capitalised ("christmas" in lower case is still accepted at the start).
        let first_cap = ctx.cap(i) || ctx.is(i, "the") && ctx.cap(i + 1);
        if !first_cap {
            continue;
        }
        let e = i + words.len();
        let (year, e) = match ctx.lone_num(e) {
            Some((y, 4)) if (1000..=2099).contains(&y) => (Some(y as i32), e + 1),
            _ => (None, e),
        };
        let rule = if matches!(h, Holiday::Fixed(..)) {
            "holiday/fixed"
        } else {
            "holiday/computed"
        };
        out.push(Cand::new(
            i,
            e,
            TimexType::Date,
            Unres::Holiday { holiday: *h, year },
            rule,
        ));
        return;
    }
    // "the holiday", "the holidays": the major holiday nearest the DCT (the resolver may drop it).
    if ctx.is(i, "the")
        && ctx.any(i + 1, &["holiday", "holidays"])
        && !ctx.any(i + 2, &["season", "weekend", "inn", "shopping"])
    {
        let v = Unres::Holiday {
            holiday: Holiday::Fixed(0, 0),
            year: None,
        };
        out.push(Cand::new(i, i + 2, TimexType::Date, v, "holiday/anaphor"));
    }
}

#[cfg(test)]
mod tests {
    /// The prefilter in [`super::rules`] lists every first word of [`super::HOLIDAYS`].
    #[test]
    fn prefilter_knows_every_first_word() {
        let src = include_str!("holiday.rs");
        let start = src.find("if !matches!(").expect("prefilter");
        let block = &src[start..start + src[start..].find(") ||").expect("end of prefilter")];
        for (words, _) in super::HOLIDAYS {
            assert!(block.contains(&format!("\"{}\"", words[0])), "{}", words[0]);
        }
    }
}
