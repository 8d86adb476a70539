//! JSON renderers: the timeline model itself, and Knight Lab's TimelineJS3 format.
//!
//! | format        | top level                                            |
//! |---------------|------------------------------------------------------|
//! | `json`        | the YAML model, field for field (`schema`, `documents`, `events`, ...) |
//! | `timelinejs`  | `{"title": {...}, "events": [{"start_date": {...}, "end_date": {...}, "text": {...}, "unique_id": ..., "group": ...}]}` |
//!
//! TimelineJS needs a start date for every slide, so undated events are left out of it. A
//! date known to the day gets `year`/`month`/`day`; a month gets `year`/`month`; anything
//! coarser gets `year` and a `display_date` with the exact range. A date known on one side
//! only starts at its known day, with `display_date` `by 2014-12-18` (or `from ...`) and the
//! bound stated in the slide text ("On or before 2014-12-18; no earlier bound is known.").
//! Text fields are HTML in TimelineJS, so labels and sources are HTML-escaped. Slides are
//! grouped (`group`) by story: the title of the document that first tells the event, so a
//! 30-article timeline shows one row per article, not one per TimeML class.

use super::{date_label, display_order, escape_html, event_label, one_line, placed_date, title};
use crate::timeline::{Bounds, Date, Timeline};
use chrono::{Datelike, NaiveDate};
use serde_json::{json, Map, Value};
use tempograph_core::error::{Error, Result};
use tempograph_core::value::Precision;

/// The model as pretty-printed JSON (fields in model order), with a final newline.
pub fn model(t: &Timeline) -> Result<String> {
    let mut s = serde_json::to_string_pretty(t)
        .map_err(|e| Error::parse(None, "a timeline JSON can represent", e.to_string()))?;
    s.push('\n');
    Ok(s)
}

fn tl_date(d: NaiveDate, grain: Precision) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), Value::String(d.year().to_string()));
    if grain >= Precision::Month && grain != Precision::Season {
        m.insert("month".into(), Value::String(d.month().to_string()));
    }
    if grain >= Precision::Day || grain == Precision::Week {
        m.insert("day".into(), Value::String(d.day().to_string()));
    }
    Value::Object(m)
}

/// How finely to write a date's ends: its precision, or for hand-written ranges without
/// one, day when both ends are days.
fn grain(d: &Date) -> Precision {
    d.precision.unwrap_or(Precision::Day)
}

/// Knight Lab TimelineJS3 JSON.
pub fn timelinejs(t: &Timeline) -> Result<String> {
    let mut events = Vec::new();
    // Document index by id (first wins), looked up per source instead of searched.
    let mut doc_index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, d) in t.documents.iter().enumerate() {
        doc_index.entry(d.id.as_str()).or_insert(k);
    }
    for i in display_order(t) {
        let e = &t.events[i];
        let Some(d) = placed_date(e) else { continue };
        let g = grain(d);
        let mut slide = Map::new();
        slide.insert("unique_id".into(), Value::String(e.id.clone()));
        let bound = match d.bounds() {
            Bounds::Between(a, b) => {
                let (a, b) = (a.min(b), a.max(b));
                slide.insert("start_date".into(), tl_date(a, g));
                let single = match g {
                    Precision::Month => a.year() == b.year() && a.month() == b.month(),
                    Precision::Year => a.year() == b.year(),
                    _ => a == b,
                };
                if !single {
                    slide.insert("end_date".into(), tl_date(b, g));
                }
                None
            }
            // TimelineJS needs a start date: the known day, with the bound said in words.
            Bounds::OnOrBefore(b) => {
                slide.insert("start_date".into(), tl_date(b, g));
                Some(format!(
                    "On or before {}; no earlier bound is known.",
                    b.format("%Y-%m-%d")
                ))
            }
            Bounds::OnOrAfter(a) => {
                slide.insert("start_date".into(), tl_date(a, g));
                Some(format!(
                    "On or after {}; no later bound is known.",
                    a.format("%Y-%m-%d")
                ))
            }
            Bounds::Unbounded => continue,
        };
        slide.insert("display_date".into(), Value::String(date_label(d)));
        let mut body = String::new();
        if let Some(b) = bound {
            body.push_str(&format!("<p>{}</p>", escape_html(&b)));
        }
        if let Some(desc) = &e.description {
            body.push_str(&format!("<p>{}</p>", escape_html(desc)));
        }
        if !e.sources.is_empty() {
            body.push_str("<p>Sources:</p><ul>");
            for s in &e.sources {
                let doc = doc_index.get(s.document.as_str()).map(|&k| &t.documents[k]);
                let name = doc.and_then(|d| d.title.clone()).unwrap_or_else(|| s.document.clone());
                let published = doc
                    .map(|d| format!(", {}", d.published.format("%Y-%m-%d")))
                    .unwrap_or_default();
                body.push_str(&format!(
                    "<li>{}{}: <q>{}</q></li>",
                    escape_html(&name),
                    escape_html(&published),
                    escape_html(&s.trigger)
                ));
            }
            body.push_str("</ul>");
        }
        if let Some(der) = &d.derivation {
            body.push_str(&format!("<p>Date: {}</p>", escape_html(&der.text)));
        }
        slide.insert(
            "text".into(),
            json!({ "headline": escape_html(&event_label(e)), "text": body }),
        );
        // Grouped by story: the document that first tells the event (its title, else its id).
        if let Some(s) = e.sources.first() {
            let doc = doc_index.get(s.document.as_str()).map(|&k| &t.documents[k]);
            let group = doc.and_then(|d| d.title.clone()).unwrap_or_else(|| s.document.clone());
            slide.insert("group".into(), Value::String(one_line(&group)));
        }
        events.push(Value::Object(slide));
    }
    let mut root = Map::new();
    if let Some(title) = title(t) {
        let docs: Vec<String> = t
            .documents
            .iter()
            .map(|d| escape_html(d.title.as_deref().unwrap_or(&d.id)))
            .collect();
        let text = if docs.is_empty() {
            String::new()
        } else {
            format!("From {} document(s): {}", docs.len(), docs.join("; "))
        };
        root.insert(
            "title".into(),
            json!({ "text": { "headline": escape_html(&title), "text": text } }),
        );
    }
    root.insert("events".into(), Value::Array(events));
    let mut s = serde_json::to_string_pretty(&Value::Object(root))
        .map_err(|e| Error::parse(None, "a timeline JSON can represent", e.to_string()))?;
    s.push('\n');
    Ok(s)
}
