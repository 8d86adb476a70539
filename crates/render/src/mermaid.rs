//! Mermaid renderers: `timeline`, `gantt` and `flowchart`.
//!
//! | diagram     | one line per                          | example line                                        |
//! |-------------|---------------------------------------|-----------------------------------------------------|
//! | `timeline`  | date group, then `: event` per event  | `    2014-12-16 : Threats against cinemas`           |
//! | `timeline`, one-sided date | a group `by DAY` / `from DAY` at the known day | `    by 2014-12-18 : Sony scraps the release` |
//! | `gantt`     | event: a bar earliest..latest+1, or a milestone | `    Sony cancels :milestone, e3, 2014-12-17, 0d` |
//! | `gantt`, one-sided date | a milestone at the known day, marked | `    Sony scraps the release (≤ 2014-12-18) :milestone, e5, 2014-12-18, 0d` |
//! | `flowchart` | event node, then relation edge        | `    e0 -->|"BEFORE"| e1`                            |
//!
//! Escaping: labels are single lines. In `timeline` and `gantt` text, the characters
//! Mermaid reads as syntax, HTML or Markdown (`: ; # % " < > &` and the backtick) are written as Mermaid entity codes
//! `#NN;` (`#58;` for `:`), which Mermaid turns back into the character when it draws. In
//! quoted flowchart labels (`e0["..."]`) only `" # < > &` and the backtick are encoded. A label that starts with a keyword of the diagram (`section`,
//! `title`, `dateFormat`, ...) gets its first letter encoded the same way. Node and task ids
//! are generated (`e0`, `e1`, ...), never taken from the timeline. Relations whose ends are
//! not events (times, unknown ids) are not drawn.

use super::{
    bound_mark, conflict_events, date_groups, date_label, display_order, drawn_edges, event_label, placed_date, title,
};
use crate::timeline::{Bounds, Date, Timeline};
use chrono::{Days, NaiveDate};
use std::fmt::Write;

/// Characters written as `#NN;` in every Mermaid label.
const SPECIAL: &[char] = &[':', ';', '#', '%', '"', '<', '>', '&', '`'];

/// Words that start a statement at the beginning of a line in timeline and gantt diagrams.
const KEYWORDS: &[&str] = &[
    "title",
    "section",
    "dateformat",
    "axisformat",
    "tickinterval",
    "inclusiveenddates",
    "topaxis",
    "includes",
    "excludes",
    "todaymarker",
    "weekday",
    "weekend",
    "acctitle",
    "accdescr",
    "displaymode",
    "timeline",
    "gantt",
    // Gantt statements a task name must not start: `click e0 call alert(1)` would bind a
    // script to a task, `click e0 href "…"` a link (see #18, row 7).
    "click",
    "call",
    "href",
    "accdescr",
    "accdescription",
];

/// Characters written as `#NN;` inside a quoted flowchart label (`e0["..."]`), where
/// everything but the quote, the entity marker and HTML is literal text.
/// `%` too: Mermaid reads `%%{init: …}%%` directives anywhere in the text, quoted labels
/// included, before it parses the diagram.
const FLOWCHART_SPECIAL: &[char] = &['"', '#', '%', '<', '>', '&', '`'];

/// A label for a quoted flowchart node or edge label: one line, `"`, `#`, HTML and
/// backticks as entity codes. (Encoding `:` there is not only needless but shows as `&#58;`
/// in some positions when `htmlLabels` is off.)
pub fn escape_quoted(s: &str) -> String {
    let mut out = String::new();
    for c in super::one_line(s).chars() {
        if FLOWCHART_SPECIAL.contains(&c) {
            let _ = write!(out, "#{};", c as u32);
        } else {
            out.push(c);
        }
    }
    // Before parsing, Mermaid drops the last `;` of any line matching `style.*:\S*#.*;` or
    // `classDef.*:\S*#.*;`, quoted labels included: `fill:#f00` in a label would come out
    // as `fill:#35f00`. Those words, encoded, no longer match.
    out.replace("style", "#115;tyle").replace("classDef", "#99;lassDef")
}

/// `YYYY-MM-DD` then a non-word character or the end: the gantt lexer reads it as a date
/// token wherever a statement may start, so a task name must not begin with one.
fn starts_with_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && !b.get(10).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// A label as Mermaid text: one line, syntax characters as entity codes, and a first
/// character encoded when the label would start with a statement keyword or a date.
pub fn escape(s: &str) -> String {
    escape_with(s, true)
}

/// A `timeline` period that the renderer wrote itself from a date (`2014-12-18`,
/// `by 2014-12-18`, `undated`): syntax characters encoded, the start left as it is (a
/// period is meant to start with a date).
fn escape_period(s: &str) -> String {
    escape_with(s, false)
}

fn escape_with(s: &str, guard_start: bool) -> String {
    let s = super::one_line(s);
    let mut out = String::with_capacity(s.len());
    let lower = s.to_ascii_lowercase();
    let starts_with_keyword = guard_start
        && (KEYWORDS
            .iter()
            .any(|k| lower.starts_with(k) && !lower[k.len()..].starts_with(|c: char| c.is_alphanumeric()))
            || starts_with_date(&s));
    for (i, c) in s.chars().enumerate() {
        if SPECIAL.contains(&c) || (i == 0 && starts_with_keyword) {
            let _ = write!(out, "#{};", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// `timeline`: events grouped under their date, earliest first; undated events last.
pub fn timeline(t: &Timeline) -> String {
    let mut out = String::from("timeline\n");
    if let Some(title) = title(t) {
        let _ = writeln!(out, "    title {}", escape(&title));
    }
    for (label, events) in date_groups(t) {
        let period = escape_period(label.as_deref().unwrap_or("undated"));
        for (k, &i) in events.iter().enumerate() {
            let text = escape(&event_label(&t.events[i]));
            if k == 0 {
                let _ = writeln!(out, "    {period} : {text}");
            } else {
                let _ = writeln!(out, "    {} : {text}", " ".repeat(period.chars().count()));
            }
        }
    }
    if t.events.is_empty() {
        out.push_str("    no events : none\n");
    }
    out
}

/// The tick interval and axis format that keep the labels of a span apart at 1200 px.
fn axis(first: NaiveDate, last: NaiveDate) -> (&'static str, &'static str) {
    let days = (last - first).num_days();
    match days {
        ..=20 => ("1day", "%b %d"),
        21..=150 => ("1week", "%b %d"),
        151..=1100 => ("1month", "%Y-%m"),
        _ => ("1year", "%Y"),
    }
}

/// `gantt`: each dated event as a bar from its earliest to its latest day (so uncertainty
/// is visible), a milestone when the day is known exactly; an event known on one side only
/// is a milestone at its known day, marked `≤ 2014-12-18` (on or before) or `≥ 2014-12-18`
/// (on or after). Events in a conflict are `crit`. Sections are the months of the events'
/// known days (the earliest, else the latest).
/// The days a gantt axis covers: the events' known days within three interquartile ranges
/// (at least a year) of their middle half. Fewer than four days: no limit.
pub fn axis_window(mut days: Vec<NaiveDate>) -> (NaiveDate, NaiveDate) {
    days.sort_unstable();
    if days.len() < 4 {
        return (NaiveDate::MIN, NaiveDate::MAX);
    }
    let (q1, q3) = (days[days.len() / 4], days[days.len() * 3 / 4]);
    let fence = Days::new(((q3 - q1).num_days().max(0) as u64 * 3).max(366));
    let lo = q1.checked_sub_days(fence).unwrap_or(NaiveDate::MIN);
    let hi = q3.checked_add_days(fence).unwrap_or(NaiveDate::MAX);
    (lo, hi)
}

pub fn gantt(t: &Timeline) -> String {
    let mut out = String::from("gantt\n");
    if let Some(title) = title(t) {
        let _ = writeln!(out, "    title {}", escape(&title));
    }
    out.push_str("    dateFormat YYYY-MM-DD\n");
    // Mermaid would otherwise mark the renderer's current date: output must not depend on the clock.
    out.push_str("    todayMarker off\n");
    let all_dated: Vec<(usize, &Date)> = display_order(t)
        .into_iter()
        .filter_map(|i| placed_date(&t.events[i]).map(|d| (i, d)))
        .collect();
    // The axis covers the events' bulk: a date far from it (a misread year, a founding
    // decades back) would stretch the axis until every bar is a hairline.
    let (lo, hi) = axis_window(all_dated.iter().filter_map(|(_, d)| d.known_day()).collect());
    let inside = |d: &Date| {
        let (a, b) = (d.earliest.or(d.latest), d.latest.or(d.earliest));
        a.is_some_and(|a| a >= lo) && b.is_some_and(|b| b <= hi)
    };
    let dated: Vec<(usize, &Date)> = all_dated.iter().copied().filter(|(_, d)| inside(d)).collect();
    let days = || dated.iter().flat_map(|(_, d)| [d.earliest, d.latest]).flatten();
    let (first, last) = (days().min(), days().max());
    if let (Some(a), Some(b)) = (first, last) {
        let (tick, fmt) = axis(a, b);
        let _ = writeln!(out, "    axisFormat {fmt}");
        let _ = writeln!(out, "    tickInterval {tick}");
    }
    let outside = all_dated.len() - dated.len();
    if outside > 0 {
        let _ = writeln!(
            out,
            "    %% {outside} event(s) dated outside {} .. {} not shown",
            lo.format("%Y-%m-%d"),
            hi.format("%Y-%m-%d")
        );
    }
    let undated = t.events.len() - all_dated.len();
    if undated > 0 {
        let _ = writeln!(out, "    %% {undated} undated event(s) not shown");
    }
    let in_conflict = conflict_events(t);
    let mut section = String::new();
    let ymd = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let next = |d: NaiveDate| d.checked_add_days(Days::new(1)).unwrap_or(d);
    for (i, d) in dated {
        let e = &t.events[i];
        let Some(known) = d.known_day() else { continue };
        let month = known.format("%Y-%m").to_string();
        if month != section {
            let _ = writeln!(out, "    section {month}");
            section = month;
        }
        let mut tags = Vec::new();
        if in_conflict.contains(&e.id) {
            tags.push("crit");
        }
        let (when, span) = match d.bounds() {
            Bounds::Between(a, b) if a == b => (date_label(d), None),
            // Inverted dates (`check` reports them): draw the stated span the right way round.
            Bounds::Between(a, b) => (date_label(d), Some((a.min(b), next(a.max(b))))),
            Bounds::OnOrBefore(_) | Bounds::OnOrAfter(_) | Bounds::Unbounded => {
                (format!("{}{}", bound_mark(d), ymd(known)), None)
            }
        };
        let name = escape(&format!("{} ({when})", event_label(e)));
        match span {
            None => {
                tags.push("milestone");
                let _ = writeln!(out, "    {name} :{}e{i}, {}, 0d", tags_prefix(&tags), ymd(known));
            }
            Some((a, end)) => {
                let _ = writeln!(out, "    {name} :{}e{i}, {}, {}", tags_prefix(&tags), ymd(a), ymd(end));
            }
        }
    }
    if first.is_none() {
        // A gantt chart needs at least one task to be drawn.
        out.push_str("    section undated\n    no dated events :milestone, none, 1970-01-01, 0d\n");
    }
    out
}

fn tags_prefix(tags: &[&str]) -> String {
    tags.iter().map(|t| format!("{t}, ")).collect()
}

/// `flowchart LR`: events as nodes (label and date), relations as edges labelled with their
/// type; edges of a conflict and the events on them in red.
pub fn flowchart(t: &Timeline) -> String {
    let mut out = String::from("flowchart LR\n");
    if let Some(title) = title(t) {
        // Front matter would need YAML escaping; a comment keeps the title visible in the source.
        let _ = writeln!(out, "    %% {}", escape(&title));
    }
    for i in display_order(t) {
        let e = &t.events[i];
        let mut label = escape_quoted(&event_label(e));
        if let Some(d) = placed_date(e) {
            label.push_str("<br/>");
            label.push_str(&escape_quoted(&date_label(d)));
        }
        let _ = writeln!(out, "    e{i}[\"{label}\"]");
    }
    let edges = drawn_edges(t, " ");
    let mut red = Vec::new();
    for (k, (a, b, label, bad)) in edges.iter().enumerate() {
        let _ = writeln!(out, "    e{a} -->|\"{}\"| e{b}", escape_quoted(label));
        if *bad {
            red.push(k);
        }
    }
    let in_conflict = conflict_events(t);
    let nodes: Vec<String> = (0..t.events.len())
        .filter(|&i| in_conflict.contains(&t.events[i].id))
        .map(|i| format!("e{i}"))
        .collect();
    if !nodes.is_empty() || !red.is_empty() {
        out.push_str("    classDef conflict stroke:#d62728,stroke-width:3px,color:#d62728\n");
    }
    if !nodes.is_empty() {
        let _ = writeln!(out, "    class {} conflict", nodes.join(","));
    }
    if !red.is_empty() {
        let list: Vec<String> = red.iter().map(|k| k.to_string()).collect();
        let _ = writeln!(
            out,
            "    linkStyle {} stroke:#d62728,stroke-width:3px,color:#d62728",
            list.join(",")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_syntax_and_keywords() {
        let cases = [
            ("Deploy 10:30", "Deploy 10#58;30"),
            ("say \"hi\" #1", "say #34;hi#34; #35;1"),
            ("section leader quits", "#115;ection leader quits"),
            ("sectional", "sectional"),
            ("a\nb", "a b"),
            ("Title", "#84;itle"),
            ("100% <b>", "100#37; #60;b#62;"),
            ("a[b] c(d) e{f} g|h `x`", "a[b] c(d) e{f} g|h #96;x#96;"),
            ("click b call alert(1)", "#99;lick b call alert(1)"),
            ("Call me", "#67;all me"),
            ("callback", "callback"),
            ("href x", "#104;ref x"),
            ("accDescr {x}", "#97;ccDescr {x}"),
            ("2014-12-17 hack", "#50;014-12-17 hack"),
            ("2014-12-17x", "2014-12-17x"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input}");
        }
    }
}
