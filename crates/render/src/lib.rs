//! Renderers: a [`Timeline`] as Mermaid, Graphviz DOT, JSON, TimeML, TimelineJS3 JSON, and
//! (through Graphviz or mermaid-cli) SVG and PNG.
//!
//! | [`Format`]          | `--format`          | what it shows                                          |
//! |---------------------|---------------------|--------------------------------------------------------|
//! | `Mermaid`           | `mermaid`           | Mermaid `timeline`: events grouped under their date     |
//! | `MermaidGantt`      | `mermaid-gantt`     | Mermaid `gantt`: a bar from earliest to latest day; milestones for exact days |
//! | `MermaidFlowchart`  | `mermaid-flowchart` | Mermaid `flowchart LR`: the order graph, relation types on the edges |
//! | `Dot`               | `dot`               | Graphviz: time left to right, same date = same rank, optional clusters per document, conflicting edges in red |
//! | `Json`              | `json`              | the YAML model as JSON                                  |
//! | `Timeml`            | `timeml`            | a TimeML document: events, their dates as TIMEX3, TLINKs |
//! | `TimelineJs`        | `timelinejs`        | Knight Lab TimelineJS3 JSON, to publish as a web page   |
//! | `Html`              | `html`              | one self-contained web page: a zoomable time axis, lanes per story,filters (print style too)|
//! | `Svg`, `Png`        | `svg`, `png`        | the DOT (or Mermaid) picture, drawn by `dot` or `mmdc`  |
//!
//! A one-sided date (`{latest: 2014-12-18}`, "on or before") is drawn at its known day with
//! the bound marked: `by 2014-12-18` / `from 2014-12-18` ([`date_label`]), `≤`/`≥` in the
//! gantt chart, `mod="ON_OR_BEFORE"`/`"ON_OR_AFTER"` in TimeML; see [`display_order`].
//!
//! Every text renderer is a pure function of the timeline: same timeline, byte-identical
//! output. Labels are escaped for each target (see each module's docs); ids in diagrams are
//! generated (`e0`, `e1`, ...) so user ids never need escaping.

#![deny(missing_docs)]

mod dot;
mod html;
mod image;
mod json;
mod mermaid;
mod table;
mod timeml;

// The crates below, under the module names the renderers know them by (`crate::timeline::...`;
// `tempograph_timeml` by its crate name, as the TimeML renderer is the module `timeml` here).
use tempograph_events as events;
use tempograph_timeline as timeline;

pub use crate::timeline::label::{date_label, ends_label};
pub use image::{find_tool, render_image, Engine, Tool, ENGINE_NAMES};
pub use table::{table, table_with};

use crate::timeline::{Bounds, Date, Event, Timeline};
use std::collections::BTreeSet;
use tempograph_core::error::{Error, Result};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Mermaid `timeline`: events grouped under their date.
    Mermaid,
    /// Mermaid `gantt`: a bar from each event's earliest to latest day.
    MermaidGantt,
    /// Mermaid `flowchart LR`: the order graph.
    MermaidFlowchart,
    /// Graphviz DOT on a date axis.
    Dot,
    /// The timeline model as JSON.
    Json,
    /// A TimeML document.
    Timeml,
    /// Knight Lab TimelineJS3 JSON.
    TimelineJs,
    /// One self-contained HTML page: a zoomable time axis, lanes, filters.
    Html,
    /// SVG, drawn by Graphviz or mermaid-cli (see [`render_image`]).
    Svg,
    /// PNG, drawn by Graphviz or mermaid-cli (see [`render_image`]).
    Png,
}

/// `(--format name, format)`.
pub static FORMAT_NAMES: &[(&str, Format)] = &[
    ("mermaid", Format::Mermaid),
    ("mermaid-gantt", Format::MermaidGantt),
    ("mermaid-flowchart", Format::MermaidFlowchart),
    ("dot", Format::Dot),
    ("json", Format::Json),
    ("timeml", Format::Timeml),
    ("timelinejs", Format::TimelineJs),
    ("html", Format::Html),
    ("svg", Format::Svg),
    ("png", Format::Png),
];

impl Format {
    /// The `--format` name (`mermaid-gantt`).
    pub fn as_str(self) -> &'static str {
        FORMAT_NAMES.iter().find(|(_, f)| *f == self).map_or("?", |(n, _)| n)
    }

    /// True for SVG and PNG, which need an external renderer.
    pub fn is_image(self) -> bool {
        matches!(self, Format::Svg | Format::Png)
    }
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        FORMAT_NAMES
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                let names: Vec<&str> = FORMAT_NAMES.iter().map(|(n, _)| *n).collect();
                Error::usage(format!("unknown format `{s}`; expected one of {}", names.join(", ")))
            })
    }
}

/// Choices that change a rendering.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// DOT: one cluster per source document (events go in the cluster of their first source).
    pub clusters: bool,
    /// Which events are drawn ([`view`]).
    pub view: View,
}

/// Which events a view shows.
///
/// | `View`   | `--view`          | events shown                                                     |
/// |----------|-------------------|------------------------------------------------------------------|
/// | `Auto`   | `auto` (default)  | `Listed`, or `Key` when more than [`KEY_VIEW_THRESHOLD`] are listed |
/// | `Key`    | `key`             | the [`KEY_EVENTS`] listed events told by most documents, most precisely dated |
/// | `Listed` | `listed`          | every event without an `unlisted:` reason                        |
/// | `All`    | `all` (`--all`)   | every event                                                      |
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    /// The listed events, or the key events past [`KEY_VIEW_THRESHOLD`] (the default).
    Auto,
    /// The [`KEY_EVENTS`] key events.
    Key,
    /// Every event without an `unlisted:` reason.
    Listed,
    /// Every event.
    All,
}

/// `(--view name, view)`.
pub static VIEW_NAMES: &[(&str, View)] = &[
    ("auto", View::Auto),
    ("key", View::Key),
    ("listed", View::Listed),
    ("all", View::All),
];

impl std::str::FromStr for View {
    type Err = Error;
    fn from_str(s: &str) -> Result<View> {
        VIEW_NAMES
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                let names: Vec<&str> = VIEW_NAMES.iter().map(|(n, _)| *n).collect();
                Error::usage(format!("unknown view `{s}`; expected one of {}", names.join(", ")))
            })
    }
}

/// Above this many listed events, the `auto` view shows the key events only: a 30-article
/// story lists about 150 events, which no picture shows readably (the DOT drawing of one was
/// about 19,000 × 5,500 px).
pub const KEY_VIEW_THRESHOLD: usize = 40;

/// How many events the key-events view keeps.
pub const KEY_EVENTS: usize = 30;

/// The timeline a view shows: the chosen events in their order, the relations and recorded
/// conflicts among them. The events left out are counted in [`hidden`].
pub fn view(t: &Timeline, v: View) -> Timeline {
    let listed: Vec<usize> = (0..t.events.len())
        .filter(|&i| t.events[i].unlisted.is_none())
        .collect();
    let listed_n = listed.len();
    let keep: Vec<usize> = match v {
        View::All => (0..t.events.len()).collect(),
        View::Listed => listed,
        View::Auto if listed.len() <= KEY_VIEW_THRESHOLD => listed,
        View::Auto | View::Key => key_events(t, &listed, KEY_EVENTS),
    };
    if keep.len() == t.events.len() {
        return t.clone();
    }
    let ids: BTreeSet<&str> = keep.iter().map(|&i| t.events[i].id.as_str()).collect();
    let times: BTreeSet<&str> = t.times.iter().map(|x| x.id.as_str()).collect();
    let shown = |id: &str| ids.contains(id) || times.contains(id);
    let mut out = Timeline {
        events: keep.iter().map(|&i| t.events[i].clone()).collect(),
        relations: t
            .relations
            .iter()
            .filter(|r| shown(&r.from) && shown(&r.to))
            .cloned()
            .collect(),
        conflicts: t
            .conflicts
            .iter()
            .filter(|c| c.cycle.iter().all(|e| shown(&e.from) && shown(&e.to)))
            .cloned()
            .collect(),
        ..t.clone()
    };
    for e in &mut out.events {
        e.before.retain(|x| shown(x));
        e.after.retain(|x| shown(x));
    }
    // Say what is left out, in the title every picture shows.
    let what = if matches!(v, View::Key) || keep.len() < listed_n && !matches!(v, View::Listed) {
        "key events"
    } else {
        "listed events"
    };
    // A conflict is drawn only when all its events are shown: say how many the view leaves out,
    // so that a picture of a contradictory timeline does not read as a consistent one.
    let conflicts = if out.conflicts.len() < t.conflicts.len() {
        format!(", {} of {} conflicts", out.conflicts.len(), t.conflicts.len())
    } else {
        String::new()
    };
    let note = format!(
        "{what}, {} of {}{conflicts} (--all shows every event)",
        keep.len(),
        t.events.len()
    );
    out.title = Some(match &t.title {
        Some(x) => format!("{x} — {note}"),
        None => note,
    });
    out
}

/// How many events of `t` a view leaves out.
pub fn hidden(t: &Timeline, v: View) -> usize {
    t.events.len() - view(t, v).events.len()
}

/// The `n` key events among `listed`, in timeline order: dated events before undated ones,
/// labels of two words or more before one-word fragments, then the most salient (the
/// `salience` `build` writes: sources, lead position, main clause, class; an event without
/// one counts as 0), then by how many documents tell them, how precisely they are dated (a
/// day before a month before a year), first mention.
pub fn key_events(t: &Timeline, listed: &[usize], n: usize) -> Vec<usize> {
    // A key event's title must read as a headline ("Apple announced the new iPhone"), not a
    // fragment ("Its launch", "Be released"): fragments are left out of the key events,
    // unless no listed event reads as a headline at all.
    let headlines: Vec<usize> = listed.iter().copied().filter(|&i| headline(&t.events[i])).collect();
    let listed: &[usize] = if headlines.is_empty() { listed } else { &headlines };
    let rank = |i: usize| {
        let e = &t.events[i];
        let docs: BTreeSet<&str> = e.sources.iter().map(|s| s.document.as_str()).collect();
        let width = match e.date.as_ref().map(Date::bounds) {
            Some(Bounds::Between(a, b)) => (b - a).num_days().unsigned_abs(),
            Some(Bounds::OnOrBefore(_) | Bounds::OnOrAfter(_)) => 400,
            _ => u64::MAX,
        };
        // A one-word label ("Begin") says too little to stand among the key events.
        let fragment = e.label.split_whitespace().count() < 2;
        (
            width == u64::MAX,
            fragment,
            std::cmp::Reverse(e.salience.unwrap_or(0)),
            std::cmp::Reverse(docs.len()),
            width.min(10_000),
            i,
        )
    };
    let mut ranked: Vec<usize> = listed.to_vec();
    ranked.sort_by_key(|&i| rank(i));
    ranked.truncate(n);
    ranked.sort_unstable();
    ranked
}

/// Does event `e`'s label read as a headline (a subject before its predicate)?
/// ([`crate::timeline::label::reads_as_headline`], the test `build --top` uses too); a source
/// without a tense is a noun event.
pub fn headline(e: &Event) -> bool {
    let triggers: Vec<&str> = e.sources.iter().map(|s| s.trigger.as_str()).collect();
    let noun = e.sources.iter().any(|s| {
        s.tense
            .as_deref()
            .is_none_or(|x| x == crate::events::Tense::None.as_str())
    });
    crate::timeline::label::reads_as_headline(&e.label, &triggers, noun)
}

/// Render a timeline as text. SVG and PNG are not text: use [`render_image`].
pub fn render(t: &Timeline, format: Format) -> Result<String> {
    render_with(t, format, &Options::default())
}

/// [`render`] with options.
pub fn render_with(t: &Timeline, format: Format, opts: &Options) -> Result<String> {
    // The model formats (JSON, TimeML) keep every event; the pictures show the view.
    let shown;
    let t = if matches!(format, Format::Json | Format::Timeml) {
        t
    } else {
        shown = view(t, opts.view);
        &shown
    };
    Ok(match format {
        Format::Mermaid => mermaid::timeline(t),
        Format::MermaidGantt => mermaid::gantt(t),
        Format::MermaidFlowchart => mermaid::flowchart(t),
        Format::Dot => dot::render(t, opts),
        Format::Json => json::model(t)?,
        Format::Timeml => timeml::render(t),
        Format::TimelineJs => json::timelinejs(t)?,
        Format::Html => html::render(t),
        Format::Svg | Format::Png => {
            return Err(Error::usage(format!(
                "{} is an image format: use render_image (or `tempograph render --format {0} -o FILE`)",
                format.as_str()
            )))
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Shared by the renderers.

/// The sign a one-sided date is marked with in short labels: `≤` for on or before, `≥` for on
/// or after, nothing for a date with both bounds.
pub fn bound_mark(d: &Date) -> &'static str {
    match d.bounds() {
        Bounds::OnOrBefore(_) => "≤ ",
        Bounds::OnOrAfter(_) => "≥ ",
        Bounds::Between(..) | Bounds::Unbounded => "",
    }
}

/// The event's date when it can be placed on a time axis (it has at least one bound).
pub fn placed_date(e: &Event) -> Option<&Date> {
    e.date.as_ref().filter(|d| d.known_day().is_some())
}

/// Indices of the events in display order: dated events by [`Date::display_key`] (one-sided
/// dates at their known day: "on or before" ahead of that day's other events, "on or after"
/// behind them), then undated ones; ties keep the timeline's order.
pub fn display_order(t: &Timeline) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..t.events.len()).collect();
    idx.sort_by_key(|&i| match placed_date(&t.events[i]) {
        Some(d) => (0, d.display_key(), i),
        None => (1, (None, 0, None), i),
    });
    idx
}

/// Events grouped by their date label, in display order; undated events last under `None`.
/// One-sided dates form their own groups (`by 2014-12-18`), next to that day's.
pub fn date_groups(t: &Timeline) -> Vec<(Option<String>, Vec<usize>)> {
    groups_by(t, date_label)
}

/// Events grouped by the day they are drawn at, in display order: like [`date_groups`], but
/// a one-sided date joins the group of its known day (`2014-12-18`), so a diagram with a time
/// axis ranks "by 2014-12-18" with the events of that day.
pub fn axis_groups(t: &Timeline) -> Vec<(Option<String>, Vec<usize>)> {
    groups_by(t, |d| match (d.is_open(), d.known_day()) {
        (true, Some(day)) => day.format("%Y-%m-%d").to_string(),
        _ => date_label(d),
    })
}

/// Events grouped by `key`, groups in the order their first event is displayed. The groups
/// are found through a hash map (was a linear search per event: a 64k-event chain took
/// 6.7 s, 360k events did not finish in 200 s; see #18, row 9).
fn groups_by(t: &Timeline, key: impl Fn(&Date) -> String) -> Vec<(Option<String>, Vec<usize>)> {
    let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    let mut index: std::collections::HashMap<Option<String>, usize> = std::collections::HashMap::new();
    for i in display_order(t) {
        let label = placed_date(&t.events[i]).map(&key);
        match index.get(&label) {
            Some(&g) => groups[g].1.push(i),
            None => {
                index.insert(label.clone(), groups.len());
                groups.push((label, vec![i]));
            }
        }
    }
    groups
}

/// A relation drawn left to right: `AFTER` edges are turned around as `BEFORE`.
pub fn forward(
    from: usize,
    to: usize,
    rel: tempograph_core::relation::RelType,
) -> (usize, usize, tempograph_core::relation::RelType) {
    use tempograph_core::relation::RelType;
    match rel {
        RelType::After | RelType::IAfter => (to, from, rel.inverse()),
        _ => (from, to, rel),
    }
}

/// The relations between events as drawn edges, sorted and deduplicated: `(from, to, label,
/// in a conflict)` with event indices, the label being the relation type and, when there is
/// one, `{sep}MIN..MAX days`.
pub fn drawn_edges(t: &Timeline, sep: &str) -> Vec<(usize, usize, String, bool)> {
    let index = event_index(t);
    let conflicts = conflict_pairs(t);
    let mut edges = Vec::new();
    for r in t.all_relations() {
        let (Some(&a), Some(&b)) = (index.get(r.from.as_str()), index.get(r.to.as_str())) else {
            continue;
        };
        let (a, b, rel) = forward(a, b, r.rel);
        let mut label = rel.as_str().to_string();
        if let Some(dr) = r.distance {
            label.push_str(&format!("{sep}{}..{} days", dr.min, dr.max));
        }
        let bad = conflicts.contains(&(r.from.clone(), r.to.clone()));
        edges.push((a, b, label, bad));
    }
    edges.sort();
    edges.dedup();
    edges
}

/// Pairs `(from id, to id)` of every edge that takes part in a recorded conflict.
pub fn conflict_pairs(t: &Timeline) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for c in &t.conflicts {
        for e in &c.cycle {
            out.insert((e.from.clone(), e.to.clone()));
            out.insert((e.to.clone(), e.from.clone()));
        }
    }
    out
}

/// Event ids that take part in a recorded conflict.
pub fn conflict_events(t: &Timeline) -> BTreeSet<String> {
    t.conflicts
        .iter()
        .flat_map(|c| c.cycle.iter().flat_map(|e| [e.from.clone(), e.to.clone()]))
        .collect()
}

/// A short name for each document id, unambiguous among the timeline's documents: the
/// shortest prefix ending at a `_`, `-` or `.` (or the whole id) that no other document id
/// shares ("000" for `000_85fb18fe88431737`; two ids `1664-Apple_Computer_CEO` and
/// `1664-Apple_WWDC` keep as much as tells them apart).
pub fn short_ids(t: &Timeline) -> std::collections::BTreeMap<String, String> {
    let mut ids: Vec<&str> = t.documents.iter().map(|d| d.id.as_str()).collect();
    for e in &t.events {
        for s in &e.sources {
            ids.push(s.document.as_str());
        }
    }
    ids.sort_unstable();
    ids.dedup();
    let mut out = std::collections::BTreeMap::new();
    for &id in &ids {
        let cuts = id
            .char_indices()
            .filter(|&(_, c)| matches!(c, '_' | '-' | '.'))
            .map(|(k, _)| k)
            .chain([id.len()]);
        let mut best = id;
        for k in cuts {
            let p = &id[..k];
            if !p.is_empty() && ids.iter().all(|&o| o == id || !o.starts_with(p)) {
                best = p;
                break;
            }
        }
        out.insert(id.to_string(), best.to_string());
    }
    out
}

/// The label with whitespace runs (newlines included) collapsed to one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Index of each event id (first occurrence wins on duplicates).
pub fn event_index(t: &Timeline) -> std::collections::BTreeMap<&str, usize> {
    let mut m = std::collections::BTreeMap::new();
    for (i, e) in t.events.iter().enumerate() {
        m.entry(e.id.as_str()).or_insert(i);
    }
    m
}

/// The title to show, if any.
pub fn title(t: &Timeline) -> Option<String> {
    t.title.as_deref().map(one_line).filter(|s| !s.is_empty())
}

/// A label for an event: its label, or its id when the label is empty.
pub fn event_label(e: &Event) -> String {
    let l = one_line(&e.label);
    if l.is_empty() {
        e.id.clone()
    } else {
        l
    }
}

/// Escape text for HTML element content and attribute values (double-quoted): the page
/// (`html`) and the TimelineJS slides (`timelinejs`, whose text is HTML).
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
