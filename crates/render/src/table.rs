//! The readable table of a timeline (`build --format text`, `render --format text`): one row
//! per event in timeline order with its date, label, the documents that tell it, and how the
//! date was derived.

use crate::timeline::{Event, Timeline};

/// The timeline as a table: one row per event in timeline order, its date, label and the
/// documents that tell it, then how the date was derived.
pub fn table(t: &Timeline) -> String {
    table_with(t, false)
}

/// [`table`], with the unlisted events too when `all`.
pub fn table_with(t: &Timeline, all: bool) -> String {
    use std::fmt::Write;
    let short = super::short_ids(t);
    let short = |id: &str| short.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut out = String::new();
    let unlisted = t.events.iter().filter(|e| e.unlisted.is_some()).count();
    let _ = writeln!(
        out,
        "{}: {} events from {} documents, {} conflicts{}\n",
        t.title.as_deref().unwrap_or("timeline"),
        t.events.len(),
        t.documents.len(),
        t.conflicts.len(),
        match (unlisted, all) {
            (0, _) => String::new(),
            (n, false) => format!("; {n} not listed (--all lists them)"),
            (n, true) => format!("; {n} marked not listed"),
        }
    );
    let rows: Vec<(String, &Event)> = t
        .events
        .iter()
        .filter(|e| all || e.unlisted.is_none())
        .map(|e| {
            let when = match &e.date {
                None => "undated".to_string(),
                Some(d) => match (d.earliest, d.latest, &d.value) {
                    (Some(a), Some(b), _) if a == b => match d.time {
                        Some(t) => format!("{a} {t}"),
                        None => a.to_string(),
                    },
                    (Some(a), Some(b), Some(v)) => format!("{v} ({a} .. {b})"),
                    (Some(a), Some(b), None) => format!("{a} .. {b}"),
                    (None, Some(b), _) => format!("by {b}"),
                    (Some(a), None, _) => format!("from {a}"),
                    (None, None, _) => "undated".to_string(),
                },
            };
            (when, e)
        })
        .collect();
    let width = rows.iter().map(|(w, _)| w.chars().count()).max().unwrap_or(7);
    for (i, (when, e)) in rows.iter().enumerate() {
        let mut told: Vec<String> = Vec::new();
        for s in &e.sources {
            let item = format!("{} \"{}\"", short(&s.document), s.trigger);
            if !told.contains(&item) {
                told.push(item);
            }
        }
        let why = e.unlisted.map(|u| format!("  ({})", u.as_str())).unwrap_or_default();
        let _ = writeln!(out, "{:>3}  {when:<width$}  {}  [{}]{why}", i + 1, e.label, e.id);
        let _ = writeln!(out, "     {:width$}  told by {}", "", told.join(", "));
        if let Some(ends) = e.date.as_ref().and_then(|d| d.ends) {
            let _ = writeln!(out, "     {:width$}  {}", "", super::ends_label(&ends));
        }
        if let Some(der) = e.date.as_ref().and_then(|d| d.derivation.as_ref()) {
            let _ = writeln!(out, "     {:width$}  because {}", "", der.text);
        }
    }
    for c in &t.conflicts {
        let steps: Vec<&str> = c.cycle.iter().map(|e| e.constraint.as_str()).collect();
        let _ = writeln!(out, "\nconflict: {}", steps.join(" -> "));
    }
    out
}
