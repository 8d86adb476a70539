//! TIMEX3 values as calendar intervals.
//!
//! Normalization (in `tempograph-timex`) produces TIMEX3 `value` strings; everything after it
//! (the graph, the timeline model, `check`) needs to know which days such a value can mean.
//! This module is the one conversion from the string to a day interval with a precision.
//!
//! | value            | earliest     | latest       | precision |
//! |------------------|--------------|--------------|-----------|
//! | `2014-12-17`     | 2014-12-17   | 2014-12-17   | day       |
//! | `2014-12-17T20:00` | 2014-12-17 | 2014-12-17   | time      |
//! | `2014-W51`       | 2014-12-15   | 2014-12-21   | week      |
//! | `2014-12`        | 2014-12-01   | 2014-12-31   | month     |
//! | `2014-Q3`        | 2014-07-01   | 2014-09-30   | quarter   |
//! | `2014-H1`        | 2014-01-01   | 2014-06-30   | half      |
//! | `2013-SU`        | 2013-06-01   | 2013-08-31   | season    |
//! | `2013-WI`        | 2013-12-01   | 2014-02-28   | season    |
//! | `2013`           | 2013-01-01   | 2013-12-31   | year      |
//! | `199`            | 1990-01-01   | 1999-12-31   | decade    |
//! | `19`             | 1900-01-01   | 1999-12-31   | century   |
//!
//! Values that do not denote one stretch of calendar time (`PRESENT_REF`, `XXXX-12-25`,
//! durations, sets) have no interval: [`date_range`] returns `None`.
//!
//! # Grammar
//!
//! ```text
//! value    := year ( "-" month ( "-" day time? )? | "-W" week ( "-WE" )? | "-Q" 1..4
//!           | "-H" 1..2 | "-" ("SP"|"SU"|"FA"|"WI") )?  | decade | century
//! year     := 4 digits    decade := 3 digits    century := 2 digits
//! time     := "T" ( hh (":" mm (":" ss)?)? | "MO" | "AF" | "EV" | "NI" | "DT" ) zone?
//! duration := "P" ( n unit )+ | "PT" ( n unit )+      n := digits | "X"
//! ```

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// How finely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Day,
    Time,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Century => "century",
            Precision::Decade => "decade",
            Precision::Year => "year",
            Precision::Half => "half",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Month => "month",
            Precision::Week => "week",
            Precision::Day => "day",
            Precision::Time => "time",
        }
    }
}

/// The days a date value can denote, inclusive at both ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
    pub precision: Precision,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

fn digits(s: &str, n: usize) -> Option<i32> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// `hh` or `hh:mm` (then anything: seconds, a zone) with hh ≤ 24 and mm ≤ 59.
fn valid_clock(t: &str) -> bool {
    let hh = t.get(..2).and_then(|h| digits(h, 2));
    let mm = match t.get(2..3) {
        Some(":") => t.get(3..5).and_then(|m| digits(m, 2)),
        _ => Some(0),
    };
    matches!((hh, mm), (Some(0..=24), Some(0..=59)))
}

/// The calendar interval of a TIMEX3 date/time value, or `None` when it does not denote one.
pub fn date_range(value: &str) -> Option<DateRange> {
    let value = value.trim();
    let (date, time) = match value.find('T') {
        Some(i) => (&value[..i], Some(&value[i + 1..])),
        None => (value, None),
    };
    if let Some(t) = time {
        // The time part must itself look like a TIMEX3 time, or the whole value is rejected.
        let ok = match t.as_bytes().first() {
            Some(b) if b.is_ascii_digit() => valid_clock(t),
            Some(_) => matches!(t.get(..2), Some("MO" | "AF" | "EV" | "NI" | "DT" | "MI")),
            None => false,
        };
        if !ok {
            return None;
        }
    }
    let parts: Vec<&str> = date.split('-').collect();
    let r = match parts.as_slice() {
        [c] if c.len() == 2 => {
            let c = digits(c, 2)?;
            DateRange {
                earliest: ymd(c * 100, 1, 1)?,
                latest: ymd(c * 100 + 99, 12, 31)?,
                precision: Precision::Century,
            }
        }
        [d] if d.len() == 3 => {
            let d = digits(d, 3)?;
            DateRange {
                earliest: ymd(d * 10, 1, 1)?,
                latest: ymd(d * 10 + 9, 12, 31)?,
                precision: Precision::Decade,
            }
        }
        [y] => {
            let y = digits(y, 4)?;
            DateRange {
                earliest: ymd(y, 1, 1)?,
                latest: ymd(y, 12, 31)?,
                precision: Precision::Year,
            }
        }
        [y, p] => {
            let y = digits(y, 4)?;
            if let Some(m) = digits(p, 2) {
                let m = u32::try_from(m).ok()?;
                DateRange {
                    earliest: ymd(y, m, 1)?,
                    latest: last_of_month(y, m)?,
                    precision: Precision::Month,
                }
            } else if let Some(w) = p.strip_prefix('W') {
                let w = u32::try_from(digits(w, 2)?).ok()?;
                let mon = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                DateRange {
                    earliest: mon,
                    latest: mon + chrono::Days::new(6),
                    precision: Precision::Week,
                }
            } else if let Some(q) = p.strip_prefix('Q') {
                let q = u32::try_from(digits(q, 1)?).ok()?;
                if !(1..=4).contains(&q) {
                    return None;
                }
                let m0 = (q - 1) * 3 + 1;
                DateRange {
                    earliest: ymd(y, m0, 1)?,
                    latest: last_of_month(y, m0 + 2)?,
                    precision: Precision::Quarter,
                }
            } else if let Some(h) = p.strip_prefix('H') {
                let h = digits(h, 1)?;
                match h {
                    1 => DateRange {
                        earliest: ymd(y, 1, 1)?,
                        latest: ymd(y, 6, 30)?,
                        precision: Precision::Half,
                    },
                    2 => DateRange {
                        earliest: ymd(y, 7, 1)?,
                        latest: ymd(y, 12, 31)?,
                        precision: Precision::Half,
                    },
                    _ => return None,
                }
            } else {
                let (a, b) = match *p {
                    "SP" => (ymd(y, 3, 1)?, ymd(y, 5, 31)?),
                    "SU" => (ymd(y, 6, 1)?, ymd(y, 8, 31)?),
                    "FA" => (ymd(y, 9, 1)?, ymd(y, 11, 30)?),
                    "WI" => (ymd(y, 12, 1)?, last_of_month(y + 1, 2)?),
                    _ => return None,
                };
                DateRange {
                    earliest: a,
                    latest: b,
                    precision: Precision::Season,
                }
            }
        }
        [y, w, we] if w.starts_with('W') && *we == "WE" => {
            let y = digits(y, 4)?;
            let w = u32::try_from(digits(&w[1..], 2)?).ok()?;
            let sat = NaiveDate::from_isoywd_opt(y, w, Weekday::Sat)?;
            DateRange {
                earliest: sat,
                latest: sat + chrono::Days::new(1),
                precision: Precision::Day,
            }
        }
        [y, m, d] => {
            let day = ymd(
                digits(y, 4)?,
                u32::try_from(digits(m, 2)?).ok()?,
                u32::try_from(digits(d, 2)?).ok()?,
            )?;
            let precision = if time.is_some() {
                Precision::Time
            } else {
                Precision::Day
            };
            DateRange {
                earliest: day,
                latest: day,
                precision,
            }
        }
        _ => return None,
    };
    Some(r)
}

/// The length of a TIMEX3 duration value as a range of whole days `(min, max)`, or `None`
/// when the amount is unspecified (`PXY`) or the value is not a duration.
///
/// Months count 28..31 days and years 365..366; amounts below one day round to `0..1`.
pub fn duration_days(value: &str) -> Option<(i64, i64)> {
    let rest = value.strip_prefix('P')?;
    let mut min = 0f64;
    let mut max = 0f64;
    let mut in_time = false;
    let mut num = String::new();
    let mut any = false;
    for c in rest.chars() {
        if c == 'T' {
            in_time = true;
            continue;
        }
        if c.is_ascii_digit() || c == '.' {
            num.push(c);
            continue;
        }
        if num.is_empty() {
            return None;
        }
        let n: f64 = num.parse().ok()?;
        num.clear();
        let (lo, hi) = match (in_time, c) {
            (false, 'Y') => (365.0, 366.0),
            (false, 'M') => (28.0, 31.0),
            (false, 'W') => (7.0, 7.0),
            (false, 'D') => (1.0, 1.0),
            (false, 'E') => (3650.0, 3653.0),
            (false, 'Q') => (89.0, 92.0),
            (false, 'C') => (36500.0, 36525.0),
            (false, 'L') => (365000.0, 365250.0),
            (true, 'H') => (1.0 / 24.0, 1.0 / 24.0),
            (true, 'M') => (1.0 / 1440.0, 1.0 / 1440.0),
            (true, 'S') => (1.0 / 86400.0, 1.0 / 86400.0),
            _ => return None,
        };
        min += n * lo;
        max += n * hi;
        any = true;
    }
    if !any || !num.is_empty() || !min.is_finite() || !max.is_finite() || max > 1e9 {
        return None;
    }
    Some((min.floor() as i64, max.ceil() as i64))
}

/// Days since 0001-01-01 (proleptic Gregorian): the unit of the graph's time axis.
pub fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// Inverse of [`day_number`].
pub fn from_day_number(n: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(v: &str) -> Option<(String, String, Precision)> {
        date_range(v).map(|r| (r.earliest.to_string(), r.latest.to_string(), r.precision))
    }

    #[test]
    fn ranges() {
        let cases: &[(&str, &str, &str, Precision)] = &[
            ("2014-12-17", "2014-12-17", "2014-12-17", Precision::Day),
            ("2014-12-17T20:00", "2014-12-17", "2014-12-17", Precision::Time),
            ("2014-12-17TNI", "2014-12-17", "2014-12-17", Precision::Time),
            ("2014-W51", "2014-12-15", "2014-12-21", Precision::Week),
            ("2014-12", "2014-12-01", "2014-12-31", Precision::Month),
            ("2012-02", "2012-02-01", "2012-02-29", Precision::Month),
            ("2014-Q3", "2014-07-01", "2014-09-30", Precision::Quarter),
            ("2013-SU", "2013-06-01", "2013-08-31", Precision::Season),
            ("2013", "2013-01-01", "2013-12-31", Precision::Year),
            ("199", "1990-01-01", "1999-12-31", Precision::Decade),
            ("19", "1900-01-01", "1999-12-31", Precision::Century),
        ];
        for (v, a, b, p) in cases {
            assert_eq!(r(v), Some((a.to_string(), b.to_string(), *p)), "{v}");
        }
        for bad in [
            "PRESENT_REF",
            "XXXX-12-25",
            "P1M",
            "2014-13",
            "2014-02-30",
            "",
            "2014-Q5",
            "2014-12-17Tx",
            "2014-12-17T25:00",
            "2014-12-17T12:60",
            "2014-12-17T\u{20ac}",
        ] {
            assert_eq!(r(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(duration_days("P1M"), Some((28, 31)));
        assert_eq!(duration_days("PT24H"), Some((1, 1)));
        assert_eq!(duration_days("P2Y"), Some((730, 732)));
        assert_eq!(duration_days("PXY"), None);
        assert_eq!(duration_days("P"), None);
        assert_eq!(duration_days("P99999999999Y"), None);
    }
}
