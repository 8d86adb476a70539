//! How the timeline's dates are written in words, for the consistency check's findings and
//! for every renderer (which take them from here: the timeline does not depend on rendering).
//!
//! | date                                          | label                         |
//! |-----------------------------------------------|-------------------------------|
//! | value `2014-11`, 2014-11-01 .. 2014-11-30     | `2014-11`                     |
//! | 2014-12-17 .. 2014-12-17                      | `2014-12-17`                  |
//! | value `2008-01-09TMO`, one day                | `2008-01-09 morning`          |
//! | on or before 2014-12-18                       | `by 2014-12-18`               |
//! | on or after 2014-12-18                        | `from 2014-12-18`             |
//! | 2014-12-01 .. 2014-12-10, ends by 2014-12-18  | `2014-12-01 – 2014-12-10, ends by 2014-12-18` |

use super::{Bounds, Date, Ends};
use crate::lang::EventWords;
use chrono::NaiveDate;

/// How a date is shown: the TIMEX3 value when it is exactly the interval (`2014-11`), the
/// day when it is one day, `by 2014-12-18` / `from 2014-12-18` when only one bound is known,
/// else `earliest – latest`.
pub fn date_label(d: &Date) -> String {
    match &d.ends {
        Some(e) => format!("{}, {}", start_label(d), ends_label(e)),
        None => start_label(d),
    }
}

/// How an event's end is shown ([`Date::ends`]): `ends 2014-12-18`, `ends by 2014-12-18`,
/// `still going on 2014-12-17` (no last day known).
pub fn ends_label(e: &Ends) -> String {
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    match e.bounds() {
        Bounds::Between(a, b) if a == b => format!("ends {}", day(a)),
        Bounds::Between(a, b) => format!("ends {} – {}", day(a), day(b)),
        Bounds::OnOrBefore(b) => format!("ends by {}", day(b)),
        Bounds::OnOrAfter(a) => format!("still going on {}", day(a)),
        Bounds::Unbounded => "end unknown".to_string(),
    }
}

/// A value with a part of the day in words: `2008-01-09TMO` → `2008-01-09 morning` (labels
/// are written in the default language).
fn part_of_day(v: &str) -> Option<String> {
    let (day, part) = v.split_once('T')?;
    let words = crate::lang::english().part_of_day(part)?;
    Some(format!("{day} {words}"))
}

/// [`date_label`] without the end.
fn start_label(d: &Date) -> String {
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    // A clock time: the day and the time with its zone (`2012-09-04 16:15-05:00`).
    if let (Bounds::Between(a, b), Some(t)) = (d.bounds(), d.time) {
        if a == b {
            return format!("{} {t}", day(a));
        }
    }
    match d.bounds() {
        Bounds::Between(a, b) => {
            if let Some(v) = &d.value {
                if let Some(r) = tempograph_core::value::date_range(v) {
                    if r.earliest == a && r.latest == b {
                        let shown = part_of_day(v).unwrap_or_else(|| v.clone());
                        return match &d.modifier {
                            Some(m) => format!("{shown} ({})", m.to_ascii_lowercase()),
                            None => shown,
                        };
                    }
                }
            }
            if a == b {
                day(a)
            } else {
                format!("{} – {}", day(a), day(b))
            }
        }
        Bounds::OnOrBefore(b) => format!("by {}", day(b)),
        Bounds::OnOrAfter(a) => format!("from {}", day(a)),
        Bounds::Unbounded => "undated".to_string(),
    }
}

/// Does an event's label read as a headline (a subject before its predicate: "Apple announced
/// the new iPhone", not "Its launch" or "Be released")? `triggers`: the words that tell it;
/// `noun`: one of them is a noun event. Asked of the default language's event words
/// ([`EventWords::is_headline`]: a timeline does not record its documents' languages), on the
/// label as one line. The one test of the key-events view and of `build --top`.
pub fn reads_as_headline(label: &str, triggers: &[&str], noun: bool) -> bool {
    let words = crate::lang::english().events().unwrap_or_else(EventWords::none);
    let line = label.split_whitespace().collect::<Vec<_>>().join(" ");
    words.is_headline(&line, triggers, noun)
}
