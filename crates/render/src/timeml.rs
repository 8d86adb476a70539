//! A timeline as a TimeML document, for TimeML tools and TempEval-style scoring of the
//! relations.
//!
//! The `<TEXT>` holds one line per event, in display order: its date as TIMEX3 and its
//! label as EVENT. Each event gets a MAKEINSTANCE, an `IS_INCLUDED` TLINK to its date, and
//! a TLINK per relation between events.
//!
//! | event date                          | in `<TEXT>`                                                          |
//! |-------------------------------------|----------------------------------------------------------------------|
//! | a TIMEX3 value (`2014-11`)          | `<TIMEX3 tid="t1" type="DATE" value="2014-11">2014-11</TIMEX3>`       |
//! | one day                             | `<TIMEX3 tid="t1" type="DATE" value="2014-12-17">2014-12-17</TIMEX3>` |
//! | on or before a day (`latest` only)  | `<TIMEX3 tid="t1" type="DATE" value="2014-12-18" mod="ON_OR_BEFORE">2014-12-18</TIMEX3>` |
//! | on or after a day (`earliest` only) | the same with `mod="ON_OR_AFTER"`                                     |
//! | one-sided with a value ending (or starting) on the bound (`{latest: 2014-12-31, value: 2014-12}`) | `<TIMEX3 ... value="2014-12" mod="ON_OR_BEFORE">` |
//! | a range without a value             | two DATE TIMEX3s and a non-consuming `DURATION` with `beginPoint`/`endPoint`, which the event is `IS_INCLUDED` in |
//! | none                                | nothing                                                              |
//!
//! The DCT is the latest publication date among the documents (omitted without documents).
//! Relations with an end that is not an event are left out.

use super::{display_order, event_index, event_label, one_line, placed_date, title};
use crate::timeline::{Bounds, Date, Timeline};
use chrono::NaiveDate;
use std::fmt::Write;
use tempograph_timeml::escape_attr;

fn text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// How an event's date is written as TIMEX3.
enum Timex {
    /// One TIMEX3 with this value and `mod`.
    Value { value: String, modifier: Option<String> },
    /// Two DATEs and a DURATION between them.
    Range(NaiveDate, NaiveDate),
}

/// The date's own TIMEX3 value when it denotes exactly the date's days (for a one-sided
/// date: when the value's interval ends, or starts, on the known bound), else the known day.
fn timex_for(d: &Date) -> Option<Timex> {
    let range = d
        .value
        .as_deref()
        .and_then(|v| Some((v, tempograph_core::value::date_range(v)?)));
    let ymd = |x: NaiveDate| x.format("%Y-%m-%d").to_string();
    Some(match d.bounds() {
        Bounds::Between(a, b) => match range {
            Some((v, r)) if r.earliest == a && r.latest == b => Timex::Value {
                value: v.to_string(),
                modifier: d.modifier.clone(),
            },
            _ if a == b => Timex::Value {
                value: ymd(a),
                modifier: d.modifier.clone(),
            },
            _ => Timex::Range(a, b),
        },
        Bounds::OnOrBefore(b) => Timex::Value {
            value: range
                .filter(|(_, r)| r.latest == b)
                .map_or_else(|| ymd(b), |(v, _)| v.to_string()),
            modifier: Some("ON_OR_BEFORE".to_string()),
        },
        Bounds::OnOrAfter(a) => Timex::Value {
            value: range
                .filter(|(_, r)| r.earliest == a)
                .map_or_else(|| ymd(a), |(v, _)| v.to_string()),
            modifier: Some("ON_OR_AFTER".to_string()),
        },
        Bounds::Unbounded => return None,
    })
}

pub fn render(t: &Timeline) -> String {
    let mut out = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n");
    let docid = title(t).unwrap_or_else(|| "timeline".to_string());
    let _ = writeln!(out, "<DOCID>{}</DOCID>", text(&docid));
    if let Some(dct) = t.documents.iter().map(|d| d.published).max() {
        let v = dct.format("%Y-%m-%d");
        let _ = writeln!(
            out,
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{v}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{v}</TIMEX3></DCT>"
        );
    }
    out.push_str("<TEXT>\n");
    let mut tail = String::new();
    let mut tid = 0usize;
    let mut lid = 0usize;
    let mut next_tid = || {
        tid += 1;
        format!("t{tid}")
    };
    let mut tlink = |tail: &mut String, rel: &str, ei: usize, other: &str| {
        lid += 1;
        let _ = writeln!(
            tail,
            "<TLINK lid=\"l{lid}\" relType=\"{rel}\" eventInstanceID=\"ei{ei}\" {other} />"
        );
    };
    for i in display_order(t) {
        let e = &t.events[i];
        let n = i + 1;
        let mut date_tid = None;
        if let Some(timex) = placed_date(e).and_then(timex_for) {
            match timex {
                Timex::Value { value, modifier } => {
                    let id = next_tid();
                    let modifier = modifier
                        .map(|m| format!(" mod=\"{}\"", escape_attr(&m)))
                        .unwrap_or_default();
                    let _ = write!(
                        out,
                        "<TIMEX3 tid=\"{id}\" type=\"DATE\" value=\"{}\"{modifier}>{}</TIMEX3>: ",
                        escape_attr(&value),
                        text(&value)
                    );
                    date_tid = Some(id);
                }
                Timex::Range(a, b) => {
                    let (ta, tb) = (next_tid(), next_tid());
                    let span = next_tid();
                    let (ea, eb) = (a.format("%Y-%m-%d"), b.format("%Y-%m-%d"));
                    let days = (b - a).num_days().abs() + 1;
                    let _ = write!(
                        out,
                        "<TIMEX3 tid=\"{ta}\" type=\"DATE\" value=\"{ea}\">{ea}</TIMEX3> to \
                         <TIMEX3 tid=\"{tb}\" type=\"DATE\" value=\"{eb}\">{eb}</TIMEX3>\
                         <TIMEX3 tid=\"{span}\" type=\"DURATION\" value=\"P{days}D\" beginPoint=\"{ta}\" endPoint=\"{tb}\" />: "
                    );
                    date_tid = Some(span);
                }
            }
        }
        let class = e.class.as_deref().unwrap_or("OCCURRENCE");
        let _ = writeln!(
            out,
            "<EVENT eid=\"e{n}\" class=\"{}\">{}</EVENT>.",
            escape_attr(class),
            text(&one_line(&event_label(e)))
        );
        let src = e.sources.first();
        let attr = |v: Option<&String>, default: &str| escape_attr(v.map(String::as_str).unwrap_or(default));
        let polarity = src.and_then(|s| s.polarity.as_ref()).map_or("POS", |p| p.as_str());
        let _ = writeln!(
            tail,
            "<MAKEINSTANCE eventID=\"e{n}\" eiid=\"ei{n}\" tense=\"{}\" aspect=\"{}\" polarity=\"{}\" />",
            attr(src.and_then(|s| s.tense.as_ref()), "NONE"),
            attr(src.and_then(|s| s.aspect.as_ref()), "NONE"),
            escape_attr(polarity)
        );
        if let Some(tid) = date_tid {
            tlink(&mut tail, "IS_INCLUDED", n, &format!("relatedToTime=\"{tid}\""));
        }
    }
    out.push_str("</TEXT>\n");
    let index = event_index(t);
    for r in t.all_relations() {
        let (Some(&a), Some(&b)) = (index.get(r.from.as_str()), index.get(r.to.as_str())) else {
            continue;
        };
        tlink(
            &mut tail,
            r.rel.as_str(),
            a + 1,
            &format!("relatedToEventInstance=\"ei{}\"", b + 1),
        );
    }
    out.push_str(&tail);
    out.push_str("</TimeML>\n");
    out
}
