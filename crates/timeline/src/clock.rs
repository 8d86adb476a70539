//! Clock times of events: the time of day a date carries (`date: {…, time: "09:15Z"}`), its
//! zone, and the order of two clock times.
//!
//! | written (`time:` or after `T` in a TIMEX3 value) | meaning                                  |
//! |--------------------------------------------------|------------------------------------------|
//! | `09:15`                                          | 09:15 local time, zone unknown           |
//! | `09:15Z`                                         | 09:15 UTC (also what "GMT" resolves to)  |
//! | `16:15-05`, `16:15-05:00`, `16:15-0500`          | 16:15 at UTC−5 (EST; 21:15 UTC)          |
//! | `09:15:30+05:30`                                 | to the second, at UTC+5:30               |
//!
//! Zone names (`EST`, `PDT`, `GMT`, …) are read by the tagger (the crate `tempograph-timex`) and written
//! as offsets, so a timeline only holds offsets. Parts of the day (`TMO`, `TEV`) are not
//! clock times.
//!
//! # Order
//!
//! A clock time is an interval of real time: a minute (or a second) long. With a zone it is
//! placed in UTC. Without one it is compared as local time with another zoneless time of the
//! same document (a text keeps one zone), or of a hand-written timeline (no sources: one
//! writer, one zone); otherwise it stands for every zone a place on Earth uses (UTC−12 to
//! UTC+14), an interval 26 hours wide, and orders only what is certain over all of them.
//!
//! The day of a date is the calendar day where it was written (`2012-09-04` with `23:30-05`
//! is 04:30 UTC on the 5th): the day-level graph compares days as written, the clock check
//! compares real time, so "01:00 UTC on the 5th before 23:30 EST on the 4th" is true in real
//! time and still contradicts the days.
//!
//! # Grammar
//!
//! ```text
//! time  := HH ':' MM (':' SS)? zone?  |  HHMM zone?
//! zone  := 'Z' | ('+' | '-') HH (':'? MM)?
//! ```

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use tempograph_core::value::day_number;

/// A time of day, to the minute or the second, with its UTC offset when known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClockTime {
    /// Hour, 0 to 23.
    pub hour: u8,
    /// Minute, 0 to 59.
    pub minute: u8,
    /// Seconds, when the text gives them.
    pub second: Option<u8>,
    /// Minutes east of UTC (`-300` for EST); `None`: zone unknown.
    pub offset: Option<i32>,
}

/// Offsets used anywhere on Earth, in minutes: UTC−12 to UTC+14.
const WESTMOST: i64 = -12 * 60;
const EASTMOST: i64 = 14 * 60;

impl ClockTime {
    /// Parse `09:15`, `09:15:30`, `0915`, each with an optional zone (`Z`, `-05`, `+05:30`,
    /// `-0500`). `None` when it is not a clock time.
    pub fn parse(s: &str) -> Option<ClockTime> {
        let s = s.trim();
        let zone_at = s.find(['Z', 'z', '+', '-']).unwrap_or(s.len());
        let (hms, zone) = s.split_at(zone_at);
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        let parts: Vec<&str> = if hms.contains(':') {
            hms.split(':').collect()
        } else if hms.len() == 4 && digits(hms) {
            vec![&hms[..2], &hms[2..]]
        } else {
            return None;
        };
        if parts.len() < 2 || parts.len() > 3 || !parts.iter().all(|p| p.len() == 2 && digits(p)) {
            return None;
        }
        let hour: u8 = parts[0].parse().ok()?;
        let minute: u8 = parts[1].parse().ok()?;
        let second: Option<u8> = match parts.get(2) {
            Some(p) => Some(p.parse().ok()?),
            None => None,
        };
        if hour > 24
            || minute > 59
            || second.is_some_and(|x| x > 59)
            || (hour == 24 && (minute, second.unwrap_or(0)) != (0, 0))
        {
            return None;
        }
        let offset = match zone {
            "" => None,
            "Z" | "z" => Some(0),
            z => {
                let sign = if z.starts_with('-') { -1 } else { 1 };
                let rest = z[1..].replace(':', "");
                if !digits(&rest) || !(rest.len() == 2 || rest.len() == 4) {
                    return None;
                }
                let h: i32 = rest[..2].parse().ok()?;
                let m: i32 = if rest.len() == 4 { rest[2..].parse().ok()? } else { 0 };
                if h > 14 || m > 59 {
                    return None;
                }
                Some(sign * (h * 60 + m))
            }
        };
        Some(ClockTime {
            hour,
            minute,
            second,
            offset,
        })
    }

    /// The clock time of a TIMEX3 value with a time part (`2012-09-04T09:15Z`), or `None`
    /// (no time part, or a part of the day such as `TMO`).
    pub fn from_value(value: &str) -> Option<ClockTime> {
        let (_, time) = value.split_once('T')?;
        ClockTime::parse(time)
    }

    /// Seconds after local midnight at which the clock time starts, and how long it lasts.
    fn local(&self) -> (i64, i64) {
        let s = i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second.unwrap_or(0));
        (s, if self.second.is_some() { 1 } else { 60 })
    }

    /// The real time the clock time on `day` can be, in seconds on the UTC axis (day 0 of
    /// [`tempograph_core::value::day_number`] at midnight UTC), as `[from, to)`: with `local`, the
    /// zone is taken as UTC (for comparing two times known to share a zone).
    pub fn span(&self, day: NaiveDate, local: bool) -> (i64, i64) {
        let (s, len) = self.local();
        let at = day_number(day) * 86_400 + s;
        match (self.offset, local) {
            (_, true) => (at, at + len),
            (Some(o), false) => (at - i64::from(o) * 60, at - i64::from(o) * 60 + len),
            // UTC = local − offset, for every offset from UTC−12 to UTC+14.
            (None, false) => (at - EASTMOST * 60, at - WESTMOST * 60 + len),
        }
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)?;
        if let Some(s) = self.second {
            write!(f, ":{s:02}")?;
        }
        match self.offset {
            None => Ok(()),
            Some(0) => f.write_str("Z"),
            Some(o) => {
                let sign = if o < 0 { '-' } else { '+' };
                write!(f, "{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60)
            }
        }
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ClockTime, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ClockTime;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a clock time HH:MM with an optional zone (09:15, 09:15Z, 16:15-05:00)")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ClockTime, E> {
                ClockTime::parse(s).ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(s), &self))
            }
        }
        d.deserialize_str(V)
    }
}

/// Whether "`a` before `b`" is impossible for these clock times: `a` cannot start before `b`
/// has ended, over every zone left open. `local`: compare as one zone.
pub fn contradicts_before(a: (NaiveDate, ClockTime), b: (NaiveDate, ClockTime), local: bool) -> bool {
    let (a_from, _) = a.1.span(a.0, local);
    let (_, b_to) = b.1.span(b.0, local);
    a_from >= b_to
}

/// The order of two clock times when it is certain (`Less`: `a` is wholly earlier).
pub fn order(a: (NaiveDate, ClockTime), b: (NaiveDate, ClockTime), local: bool) -> Option<std::cmp::Ordering> {
    let (a0, a1) = a.1.span(a.0, local);
    let (b0, b1) = b.1.span(b.0, local);
    if a1 <= b0 {
        Some(std::cmp::Ordering::Less)
    } else if b1 <= a0 {
        Some(std::cmp::Ordering::Greater)
    } else if (a0, a1) == (b0, b1) {
        Some(std::cmp::Ordering::Equal)
    } else {
        None
    }
}

/// Order the events of each day by clock time: in every run of consecutive events dated the
/// same one day, those with a clock time are put in clock order in the places they hold (the
/// others stay where they are). A time with a zone is placed in UTC; one without is placed
/// as if it were UTC (in a story told from one place, its local order). Ties keep their order.
pub fn order_same_day(events: &mut [super::Event]) {
    let day_of = |e: &super::Event| {
        let d = e.date.as_ref()?;
        (d.earliest.is_some() && d.earliest == d.latest && d.ends.is_none()).then_some(d.earliest?)
    };
    let mut i = 0;
    while i < events.len() {
        let Some(day) = day_of(&events[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < events.len() && day_of(&events[j]) == Some(day) {
            j += 1;
        }
        let slots: Vec<usize> = (i..j)
            .filter(|&k| events[k].date.as_ref().is_some_and(|d| d.time.is_some()))
            .collect();
        if slots.len() > 1 {
            let key = |e: &super::Event| {
                let t = e
                    .date
                    .as_ref()
                    .and_then(|d| d.time)
                    .map(|t| t.span(day, t.offset.is_none()).0);
                t.unwrap_or(0)
            };
            let mut clocked: Vec<super::Event> = slots.iter().map(|&k| events[k].clone()).collect();
            clocked.sort_by_key(key);
            for (k, e) in slots.into_iter().zip(clocked) {
                events[k] = e;
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints() {
        for (s, shown) in [
            ("09:15", "09:15"),
            ("09:15Z", "09:15Z"),
            ("16:15-05", "16:15-05:00"),
            ("16:15-0500", "16:15-05:00"),
            ("09:15:30+05:30", "09:15:30+05:30"),
            ("0915Z", "09:15Z"),
            ("24:00", "24:00"),
        ] {
            assert_eq!(
                ClockTime::parse(s).map(|c| c.to_string()).as_deref(),
                Some(shown),
                "{s}"
            );
        }
        for bad in [
            "", "9:15", "25:00", "12:60", "MO", "12:00+15", "12:00-5", "24:30", "12:00:61",
        ] {
            assert_eq!(ClockTime::parse(bad), None, "{bad}");
        }
        assert_eq!(ClockTime::from_value("2012-09-04TMO"), None);
        assert_eq!(ClockTime::from_value("2012-09-04").map(|c| c.hour), None);
        assert_eq!(
            ClockTime::from_value("2012-09-04T09:15Z")
                .map(|c| c.to_string())
                .as_deref(),
            Some("09:15Z")
        );
    }

    #[test]
    fn orders_in_utc_and_over_unknown_zones() {
        let t = |s: &str| ClockTime::parse(s).unwrap();
        let day = d("2012-09-04");
        // 16:15 EST is 21:15 UTC: after 20:00Z.
        assert!(contradicts_before((day, t("16:15-05")), (day, t("20:00Z")), false));
        assert!(!contradicts_before((day, t("20:00Z")), (day, t("16:15-05")), false));
        // The same minute: either may come first.
        assert!(!contradicts_before((day, t("09:15Z")), (day, t("09:15Z")), false));
        // Zoneless times of one document: local order.
        assert!(contradicts_before((day, t("16:15")), (day, t("12:00")), true));
        // Zoneless against zoned, 4 hours apart: any order is possible over the zones.
        assert!(!contradicts_before((day, t("16:15")), (day, t("12:00Z")), false));
        assert_eq!(order((day, t("16:15")), (day, t("12:00Z")), false), None);
        // 27 hours apart: certain whatever the zone.
        assert!(contradicts_before(
            (d("2012-09-05"), t("19:00")),
            (day, t("16:00Z")),
            false
        ));
        // An evening in New York is the next day in UTC.
        assert_eq!(
            order((day, t("23:30-05")), (d("2012-09-05"), t("01:00Z")), false),
            Some(std::cmp::Ordering::Greater)
        );
    }
}
