//! `--format html`: one self-contained web page to open in a browser and share.
//!
//! Everything is in the one file: the style sheet (`html.css`) and the script (`html.js`)
//! are inlined, there are no fonts to fetch (the system's sans-serif is used), no images, no
//! network access at all. The page works without its script too: the events are written
//! as a list of cards in display order ([`super::display_order`]), which is also what the
//! print style shows. The script lays the same cards out on a time axis:
//!
//! | part             | what it shows                                                          |
//! |------------------|------------------------------------------------------------------------|
//! | header           | title, counts, the conflicts (each cycle of constraints in words)      |
//! | controls         | zoom (− / + / fit, Ctrl+wheel), lanes (by story, by class, one lane), filters: least salience, a name or word, documents, unlisted events |
//! | axis             | days, weeks, months or years, whichever fits the zoom                  |
//! | lanes            | one per story (the document that first tells the event) or per class   |
//! | event card       | label, date interval (a bar as long as the interval; one-sided dates fade out on the open side), the documents and words that tell it, the "because" line, the sentence on click |
//! | undated events   | a lane of their own at the end                                         |
//!
//! The filters are kept in the page's address (`#salience=50&find=sony&lanes=class&docs=004
//! &unlisted=1`), so a filtered view can be shared as a link.
//!
//! Events in a recorded conflict have a red border and are named in the conflict list.
//! Every card carries its data as attributes (`data-id`, `data-start`, `data-end`,
//! `data-salience`, `data-docs`, `data-lane`, ...), which is what the script reads and what
//! tests check. The output is a pure function of the timeline: byte-identical for the same
//! input.
//!
//! The events shown are those of the chosen view (`--view`, see [`super::View`]); unlisted
//! events (with `--view all`) are hidden until "unlisted" is ticked.

use super::{conflict_events, display_order, escape_html, event_label, one_line, placed_date, short_ids, title};
use crate::timeline::{Bounds, Event, Timeline};
use std::fmt::Write;

/// The page's style sheet, inlined.
const CSS: &str = include_str!("html.css");
/// The page's script, inlined.
const JS: &str = include_str!("html.js");

/// Inline a script so that nothing in it can close the `<script>` element early.
fn inline_script(js: &str) -> String {
    js.replace("</", "<\\/")
}

/// The lane an event goes in when lanes are by story: the document that first tells it.
fn story(e: &Event) -> Option<&str> {
    e.sources.first().map(|s| s.document.as_str())
}

/// The page.
pub fn render(t: &Timeline) -> String {
    let mut o = String::new();
    let name = title(t).unwrap_or_else(|| "Timeline".to_string());
    let short = short_ids(t);
    let short = |id: &str| short.get(id).cloned().unwrap_or_else(|| id.to_string());
    let in_conflict = conflict_events(t);
    let doc_title = |id: &str| {
        t.documents
            .iter()
            .find(|d| d.id == id)
            .and_then(|d| d.title.as_deref())
            .map(one_line)
    };
    let unlisted = t.events.iter().filter(|e| e.unlisted.is_some()).count();

    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta name=\"generator\" content=\"tempograph\">\n");
    // No network: nothing may be fetched, whatever a label contains.
    o.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
    );
    let _ = writeln!(o, "<title>{}</title>", escape_html(&name));
    let _ = writeln!(o, "<style>\n{CSS}</style>\n</head>\n<body>");

    // Header: title, counts, conflicts.
    o.push_str("<header class=\"tg-header\">\n");
    let _ = writeln!(o, "<h1>{}</h1>", escape_html(&name));
    let _ = writeln!(
        o,
        "<p class=\"tg-summary\">{} events from {} documents, {} conflicts{}</p>",
        t.events.len(),
        t.documents.len(),
        t.conflicts.len(),
        if unlisted > 0 {
            format!("; {unlisted} not listed")
        } else {
            String::new()
        }
    );
    if !t.conflicts.is_empty() {
        o.push_str("<section class=\"tg-conflicts\" id=\"conflicts\">\n<h2>Conflicts</h2>\n<ol>\n");
        for c in &t.conflicts {
            o.push_str("<li>");
            for (k, step) in c.cycle.iter().enumerate() {
                if k > 0 {
                    o.push_str(" → ");
                }
                let _ = write!(
                    o,
                    "<a href=\"#ev-{}\">{}</a>",
                    escape_html(&step.from),
                    escape_html(&one_line(&step.constraint))
                );
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ol>\n</section>\n");
    }
    // The documents, for the filter and as a legend.
    o.push_str("<details class=\"tg-documents\"><summary>Documents</summary>\n<ul id=\"documents\">\n");
    for d in &t.documents {
        let _ = writeln!(
            o,
            "<li data-doc=\"{}\" data-title=\"{2}\"><b>{}</b> {} <span class=\"tg-published\">published {}</span>{}</li>",
            escape_html(&d.id),
            escape_html(&short(&d.id)),
            escape_html(&d.title.as_deref().map(one_line).unwrap_or_else(|| d.id.clone())),
            d.published.format("%Y-%m-%d"),
            d.kind
                .as_deref()
                .map(|k| format!(" <span class=\"tg-kind\">{}</span>", escape_html(k)))
                .unwrap_or_default()
        );
    }
    o.push_str("</ul>\n</details>\n");
    o.push_str("<noscript><p>The time axis needs JavaScript; the events are listed below in order.</p></noscript>\n");
    o.push_str("</header>\n");

    // The events, in display order: the script places them on the axis.
    o.push_str("<main class=\"tg-main\">\n<div class=\"tg-controls\" id=\"controls\" hidden></div>\n");
    o.push_str("<div class=\"tg-scroll\" id=\"scroll\">\n<div class=\"tg-axis\" id=\"axis\"></div>\n");
    o.push_str("<div class=\"tg-lanes\" id=\"lanes\"></div>\n<ol class=\"tg-events\" id=\"events\">\n");
    for i in display_order(t) {
        let e = &t.events[i];
        let mut classes = vec!["tg-event"];
        if in_conflict.contains(&e.id) {
            classes.push("tg-conflict");
        }
        if e.unlisted.is_some() {
            classes.push("tg-unlisted");
        }
        let mut docs: Vec<&str> = Vec::new();
        for s in &e.sources {
            if !docs.contains(&s.document.as_str()) {
                docs.push(&s.document);
            }
        }
        let _ = write!(
            o,
            "<li class=\"{}\" id=\"ev-{}\" data-id=\"{}\"",
            classes.join(" "),
            escape_html(&e.id),
            escape_html(&e.id)
        );
        let date = placed_date(e);
        if let Some(d) = date {
            let day = |x: chrono::NaiveDate| x.format("%Y-%m-%d").to_string();
            let (start, end, open) = match d.bounds() {
                Bounds::Between(a, b) => (day(a), day(b), None),
                Bounds::OnOrBefore(b) => (day(b), day(b), Some("before")),
                Bounds::OnOrAfter(a) => (day(a), day(a), Some("after")),
                Bounds::Unbounded => unreachable!("placed dates have a bound"),
            };
            let _ = write!(o, " data-start=\"{start}\" data-end=\"{end}\"");
            if let Some(open) = open {
                let _ = write!(o, " data-open=\"{open}\"");
            }
        }
        if let Some(s) = e.salience {
            let _ = write!(o, " data-salience=\"{s}\"");
        }
        let _ = write!(
            o,
            " data-lane=\"{}\" data-docs=\"{}\"",
            escape_html(story(e).unwrap_or("")),
            escape_html(&docs.join(" "))
        );
        if let Some(c) = &e.class {
            let _ = write!(o, " data-class=\"{}\"", escape_html(c));
        }
        if let Some(u) = e.unlisted {
            let _ = write!(o, " data-unlisted=\"{}\"", u.as_str());
        }
        o.push_str(">\n");
        let _ = writeln!(o, "<h3 class=\"tg-label\">{}</h3>", escape_html(&event_label(e)));
        let when = match date {
            Some(d) => super::date_label(d),
            None => "undated".to_string(),
        };
        let _ = write!(o, "<p class=\"tg-when\">{}", escape_html(&when));
        if let Some(s) = e.salience {
            let _ = write!(o, " <span class=\"tg-salience\" title=\"salience\">{s}</span>");
        }
        o.push_str("</p>\n");
        if !e.sources.is_empty() {
            let mut told: Vec<String> = Vec::new();
            for s in &e.sources {
                let tip = doc_title(&s.document).unwrap_or_else(|| s.document.clone());
                let item = format!(
                    "<span class=\"tg-source\" title=\"{}\">{} “{}”</span>",
                    escape_html(&tip),
                    escape_html(&short(&s.document)),
                    escape_html(&one_line(&s.trigger))
                );
                if !told.contains(&item) {
                    told.push(item);
                }
            }
            let _ = writeln!(o, "<p class=\"tg-sources\">told by {}</p>", told.join(", "));
        }
        if let Some(der) = e.date.as_ref().and_then(|d| d.derivation.as_ref()) {
            let _ = writeln!(
                o,
                "<p class=\"tg-because\">because {}</p>",
                escape_html(&one_line(&der.text))
            );
        }
        if let Some(u) = e.unlisted {
            let _ = writeln!(o, "<p class=\"tg-why-unlisted\">not listed: {}</p>", u.as_str());
        }
        if let Some(desc) = &e.description {
            let _ = writeln!(
                o,
                "<blockquote class=\"tg-sentence\">{}</blockquote>",
                escape_html(&one_line(desc))
            );
        }
        o.push_str("</li>\n");
    }
    o.push_str("</ol>\n</div>\n</main>\n");
    let _ = writeln!(o, "<script>\n{}</script>\n</body>\n</html>", inline_script(JS));
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_scripts_cannot_close_early() {
        assert_eq!(escape_html("<b>\"R&D\"</b>"), "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;");
        assert!(!inline_script("x = '</script>';").contains("</script>"));
    }
}
