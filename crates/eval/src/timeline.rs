//! SemEval-2015 Task 4 (TimeLine: cross-document event ordering): the timeline format, its
//! scorer, and a Track A system (raw text in, ordered and dated events about an entity out).
//!
//! | timeline line (tab-separated)                    | meaning                                            |
//! |--------------------------------------------------|----------------------------------------------------|
//! | `0  XXXX-XX-XX  18315-4-said`                    | involves the entity, neither dated nor ordered     |
//! | `1  1955-02-24  18355-5-born`                    | first in order, on 1955-02-24                      |
//! | `8  2004  17677-5-fought  18315-7-fighting`      | eighth; two coreferent mentions                    |
//!
//! A mention is `docid-sentence-word`: the document id, the `<s id>` of its sentence and the
//! word as the corpus tokenized it.
//!
//! **Scoring.** The task scored timelines with temporal awareness over relations derived
//! from them; its scorer was not available to us (`SCORING.md` §4), so this is our
//! reconstruction. Each mention is an interval; mentions on one line are SIMULTANEOUS;
//! lines with the same position are SIMULTANEOUS; each position's events are BEFORE the next
//! position's; a dated event IS_INCLUDED its date, a node `date:VALUE`. Position-0 lines give
//! no order, so an undated position-0 mention carries no relation and does not count.
//! Gold and system relations are then scored like TLINKs ([`super::tlink::score`]), one
//! timeline per target entity, counts summed over timelines.
//!
//! # Grammar
//!
//! ```text
//! file    := entity-name NEWLINE line*
//! line    := position TAB date TAB mention (TAB mention)*
//! date    := YYYY-MM-DD | YYYY-MM | YYYY | XXXX-XX-XX   (any run of X and - is unknown;
//!            a trailing -XX is dropped: 2008-03-XX = 2008-03)
//! mention := docid "-" sentence "-" word
//! ```

use super::tlink::{self, TaCounts, Triple};
use crate::link::Endpoint;
use crate::text::Span;
use crate::timeml::{Layout, TimemlDoc};
use chrono::NaiveDate;
use std::path::Path;
use tempograph_core::error::{Error, Result};
use tempograph_core::relation::RelType;

/// One line of a timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 0 = not ordered.
    pub position: u32,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `XXXX-XX-XX` (unknown).
    pub date: String,
    /// Coreferent mentions, `docid-sentence-word`.
    pub mentions: Vec<String>,
}

/// A timeline for one target entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub entity: String,
    pub lines: Vec<Line>,
}

impl Timeline {
    /// The task's file format.
    pub fn to_task_format(&self) -> String {
        let mut s = format!("{}\n", self.entity);
        for l in &self.lines {
            s.push_str(&format!("{}\t{}\t{}\n", l.position, l.date, l.mentions.join("\t")));
        }
        s
    }

    /// The relations the timeline states (see the module docs), in a fixed order.
    pub fn relations(&self) -> Vec<Triple> {
        let mut out = Vec::new();
        let mut positions: Vec<u32> = self.lines.iter().map(|l| l.position).filter(|&p| p > 0).collect();
        positions.sort_unstable();
        positions.dedup();
        // The first mention of the first line at each position stands for that position.
        let rep = |p: u32| {
            self.lines
                .iter()
                .find(|l| l.position == p)
                .and_then(|l| l.mentions.first())
                .cloned()
        };
        for l in &self.lines {
            let Some(first) = l.mentions.first() else { continue };
            for m in &l.mentions[1..] {
                out.push(Triple::new(first.clone(), m.clone(), RelType::Simultaneous));
            }
            if l.position > 0 {
                if let Some(r) = rep(l.position) {
                    if r != *first {
                        out.push(Triple::new(r, first.clone(), RelType::Simultaneous));
                    }
                }
            }
            if let Some(v) = date_value(&l.date) {
                out.push(Triple::new(first.clone(), format!("date:{v}"), RelType::IsIncluded));
            }
        }
        for w in positions.windows(2) {
            if let (Some(a), Some(b)) = (rep(w[0]), rep(w[1])) {
                out.push(Triple::new(a, b, RelType::Before));
            }
        }
        out
    }
}

/// A timeline date as a TIMEX3 value with a calendar range: `2008-03-XX` → `2008-03`,
/// `2008-XX-XX` → `2008`; `None` when unknown.
pub fn date_value(date: &str) -> Option<String> {
    let mut v = date;
    while let Some(s) = v.strip_suffix("-XX") {
        v = s;
    }
    tempograph_core::value::date_range(v).map(|_| v.to_string())
}

/// Parse a timeline file's text (`path` for error messages).
pub fn parse(path: &Path, src: &str) -> Result<Timeline> {
    let mut lines = src.lines();
    let entity = lines
        .next()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .ok_or_else(|| Error::parse_at(path, Some(1), Some(1), "the target entity's name", "an empty line"))?;
    let mut out = Vec::new();
    for (n, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        if f.len() < 3 {
            return Err(Error::parse_at(
                path,
                Some(n + 2),
                Some(1),
                "position TAB date TAB mention",
                format!("{} field(s)", f.len()),
            ));
        }
        let position = f[0]
            .parse()
            .map_err(|_| Error::parse_at(path, Some(n + 2), Some(1), "a position number", format!("`{}`", f[0])))?;
        // The trial data also writes the unknown date as `XXX-XX-XX`.
        let unknown = !f[1].is_empty() && f[1].chars().all(|c| c == 'X' || c == '-');
        let date_ok = unknown || date_value(f[1]).is_some();
        if !date_ok {
            return Err(Error::parse_at(
                path,
                Some(n + 2),
                None,
                "a date (YYYY-MM-DD, YYYY-MM, YYYY or XXXX-XX-XX)",
                format!("`{}`", f[1]),
            ));
        }
        for m in &f[2..] {
            if m.splitn(3, '-').count() != 3 {
                return Err(Error::parse_at(
                    path,
                    Some(n + 2),
                    None,
                    "a mention docid-sentence-word",
                    format!("`{m}`"),
                ));
            }
        }
        out.push(Line {
            position,
            date: f[1].to_string(),
            mentions: f[2..].iter().map(|m| m.to_string()).collect(),
        });
    }
    Ok(Timeline { entity, lines: out })
}

/// Read a timeline file.
pub fn read(path: &Path) -> Result<Timeline> {
    parse(path, &crate::document::read_text(path)?)
}

/// Score a system timeline against a gold one.
pub fn score(gold: &Timeline, system: &Timeline) -> TaCounts {
    tlink::score(&gold.relations(), &system.relations())
}

/// A TimeLine corpus document: its sentences (by `<s id>`) laid out one per paragraph.
#[derive(Clone, Debug)]
pub struct Doc {
    pub docid: String,
    pub dct: NaiveDate,
    /// Sentences joined by blank lines, so each is a sentence of the analysis.
    pub text: String,
    /// `(s id, span in text)`.
    pub sentences: Vec<(String, Span)>,
    /// The gold event mentions of a Track B corpus file (`<EVENT>` elements), as spans of
    /// `text`.
    pub events: Vec<Span>,
}

impl Doc {
    /// Lay out a TimeLine corpus file (`<s id="N">` elements inside `<TEXT>`, one per
    /// paragraph: [`Layout`], as `build` reads the file; its sentences are those with an id,
    /// its events the `<EVENT>` elements inside a sentence). A missing
    /// or malformed `<DCT>` falls back to a dateline in the text's first lines
    /// ("January 12 , 2007"); without either the file is refused.
    pub fn from_timeml(doc: &TimemlDoc) -> Result<Doc> {
        let docid = doc.docid.clone().unwrap_or_else(|| crate::document::doc_id(&doc.path));
        let layout = Layout::of(doc);
        let sentences = layout
            .sentences
            .iter()
            .filter_map(|s| Some((s.id.clone()?, s.span)))
            .collect();
        let events = doc.tagged("EVENT").filter_map(|e| layout.place(e.span)).collect();
        let text = layout.text;
        let dct = doc
            .dct
            .or_else(|| crate::document::find_dateline(&text).map(|d| d.date))
            .ok_or_else(|| Error::missing_dct(&doc.path))?;
        Ok(Doc {
            docid,
            dct,
            text,
            sentences,
            events,
        })
    }

    /// A plain document: its sentences as the analysis splits them, numbered from 1.
    pub fn from_document(doc: &crate::document::Document) -> Doc {
        let analysis = crate::text::Analysis::new(&doc.text);
        Doc {
            docid: doc.id.clone(),
            dct: doc.dct,
            text: doc.text.clone(),
            sentences: analysis
                .sentences
                .iter()
                .enumerate()
                .map(|(i, s)| ((i + 1).to_string(), s.span))
                .collect(),
            events: Vec::new(),
        }
    }

    /// The `docid-sentence-word` id of the word (space-delimited token) at byte `at`.
    pub fn mention(&self, at: usize) -> Option<String> {
        let (sid, span) = self.sentences.iter().find(|(_, s)| s.start <= at && at < s.end)?;
        let sent = span.slice(&self.text);
        let rel = at - span.start;
        let start = sent[..rel].rfind(' ').map(|i| i + 1).unwrap_or(0);
        let end = sent[rel..].find(' ').map(|i| rel + i).unwrap_or(sent.len());
        Some(format!("{}-{}-{}", self.docid, sid, &sent[start..end]))
    }
}

/// Spans in `text` where the target entity is named: the full name (case-insensitive, on
/// word boundaries), or for a multi-word name its last word when that is capitalized and at
/// least 4 letters ("Steve Jobs" → "Jobs", "Beatles Apple Corps" → "Corps").
pub fn entity_mentions(text: &str, entity: &str) -> Vec<Span> {
    let mut names = vec![entity.to_string()];
    let words: Vec<&str> = entity.split_whitespace().collect();
    if words.len() == 2 {
        names.push(format!("{} {}", words[1], words[0]));
    }
    if let Some(last) = words.last().filter(|_| words.len() > 1) {
        if last.chars().next().is_some_and(char::is_uppercase) && last.chars().count() >= 4 {
            names.push(last.to_string());
        }
    }
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    // Lower-casing can change byte lengths for some scripts; only use it when it doesn't.
    if lower.len() != text.len() {
        return out;
    }
    for n in names {
        let n = n.to_lowercase();
        let mut from = 0;
        while let Some(i) = lower[from..].find(&n) {
            let s = from + i;
            let e = s + n.len();
            let before_ok = lower[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after_ok = lower[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                out.push(Span::new(s, e));
            }
            from = s + n.len().max(1);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// An event of the system timeline before positions are assigned.
#[derive(Clone, Debug)]
struct Dated {
    mention: String,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `XXXX-XX-XX`.
    date: String,
}

/// The date a TIMEX3 value gives a timeline event, at day, month or year precision.
fn anchor_date(value: &str) -> Option<String> {
    let r = tempograph_core::value::date_range(value)?;
    use tempograph_core::value::Precision::*;
    let d = r.earliest;
    Some(match r.precision {
        Day | Time => d.format("%Y-%m-%d").to_string(),
        Month => d.format("%Y-%m").to_string(),
        Year => d.format("%Y").to_string(),
        _ => return None,
    })
}

/// Track A: the events of `docs` that involve `entity`, dated and ordered.
///
/// Each document goes through the one per-document chain ([`crate::pipeline::analyze`]:
/// timexes, events, links, parse). The events the entity takes part in are those
/// [`crate::focus::involved_events`] finds from its mentions ([`crate::focus::Entity`]:
/// names, aliases, pronouns and descriptions). An event linked by [`link::link`] to a timex
/// of its sentence (IS_INCLUDED, SIMULTANEOUS, DURING, INCLUDES) takes the timex's date;
/// any other that is not AFTER the DCT takes the story's reference day ([`reference_day`]),
/// else the DCT's. Dated events are ordered by date (earliest first; equal dates share a
/// position); undated ones get position 0. The headline (`<s id="0">`) is left out: the task
/// annotated the body only.
pub fn build(docs: &[Doc], entity: &str) -> Timeline {
    build_with(docs, &crate::focus::Entity::new(entity, &[]), Track::A)
}

/// The two tracks of the task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Track {
    /// Raw text: the events are found by tempograph.
    A,
    /// The gold event mentions of the corpus files (`<EVENT>`) are given.
    B,
}

/// [`build`] for an entity with aliases, on either track.
pub fn build_with(docs: &[Doc], target: &crate::focus::Entity, track: Track) -> Timeline {
    let entity = target.name.as_str();
    let documents: Vec<crate::document::Document> = docs
        .iter()
        .map(|d| {
            crate::document::Document::from_text(
                d.docid.clone(),
                d.text.clone(),
                d.dct,
                crate::document::DctSource::Timeml,
            )
        })
        .collect();
    let mut kept: Vec<&Doc> = Vec::new();
    let mut analyzed: Vec<crate::pipeline::Analyzed> = Vec::new();
    for (doc, d) in documents.iter().zip(docs) {
        let given = (track == Track::B).then_some(d.events.as_slice());
        // No bound on events: this cannot fail.
        if let Ok(a) = crate::pipeline::try_analyze_with(doc, u64::MAX, given) {
            kept.push(d);
            analyzed.push(a);
        }
    }
    let person = target.person_like(&analyzed);
    let mut events: Vec<Dated> = Vec::new();
    for (d, a) in kept.iter().zip(&analyzed) {
        let mentions = target.mentions_with(a, person);
        let involved = crate::focus::involved_events(a, &mentions);
        let (timexes, links) = (&a.timexes, &a.tlinks);
        for &i in &involved {
            let e = &a.events[i];
            let Some(mention) = d.mention(e.span.start) else {
                continue;
            };
            // The task annotated the body, not the headline (`<s id="0">`).
            if mention.split('-').nth(1) == Some("0") {
                continue;
            }
            let overlap = |r: RelType| {
                matches!(
                    r,
                    RelType::IsIncluded | RelType::Simultaneous | RelType::During | RelType::Includes
                )
            };
            let from = |ls: &[crate::link::Tlink]| {
                ls.iter().find_map(|l| match (l.from, l.to) {
                    (Endpoint::Event(x), Endpoint::Timex(t)) | (Endpoint::Timex(t), Endpoint::Event(x))
                        if x == i && overlap(l.rel) =>
                    {
                        anchor_date(&timexes[t].value)
                    }
                    _ => None,
                })
            };
            let by_timex = from(links);
            // News events without a date of their own are dated to the publication day unless
            // they lie ahead of it.
            let by_dct = !links
                .iter()
                .any(|l| l.from == Endpoint::Event(i) && l.to == Endpoint::Dct && l.rel == RelType::After);
            let reference = reference_day(a, e);
            let date = by_timex
                .or_else(|| by_dct.then(|| reference.unwrap_or_else(|| d.dct.format("%Y-%m-%d").to_string())))
                .unwrap_or_else(|| "XXXX-XX-XX".to_string());
            events.push(Dated { mention, date });
        }
    }
    order(entity, events)
}

/// How far before the publication date a story's reference day may lie.
pub const REFERENCE_REACH_DAYS: i64 = 7;

/// The story's reference day for event `e` of `a`: the last day-precise date written before
/// the event (in its sentence or an earlier one) that lies in the
/// [`REFERENCE_REACH_DAYS`] up to the publication date ("Yesterday, … Jobs unveiled …":
/// the events told after it happened yesterday, not on the publication day).
fn reference_day(a: &crate::pipeline::Analyzed, e: &tempograph_events::Event) -> Option<String> {
    let dct = a.doc.dct;
    a.timexes
        .iter()
        .take_while(|t| t.span.start < e.span.start)
        .filter_map(|t| {
            let r = tempograph_core::value::date_range(&t.value)?;
            (r.precision == tempograph_core::value::Precision::Day
                && r.earliest <= dct
                && r.earliest > dct - chrono::Duration::days(REFERENCE_REACH_DAYS))
            .then(|| r.earliest.format("%Y-%m-%d").to_string())
        })
        .last()
}

fn order(entity: &str, events: Vec<Dated>) -> Timeline {
    let key = |d: &str| {
        date_value(d)
            .and_then(|v| tempograph_core::value::date_range(&v))
            .map(|r| (r.earliest, r.latest))
    };
    let mut dated: Vec<(NaiveDate, NaiveDate)> = events.iter().filter_map(|e| key(&e.date)).collect();
    dated.sort();
    dated.dedup();
    let mut lines: Vec<Line> = events
        .into_iter()
        .map(|e| {
            let position = key(&e.date)
                .and_then(|k| dated.iter().position(|x| *x == k))
                .map(|p| p as u32 + 1)
                .unwrap_or(0);
            Line {
                position,
                date: e.date,
                mentions: vec![e.mention],
            }
        })
        .collect();
    lines.sort_by(|a, b| (a.position, &a.mentions).cmp(&(b.position, &b.mentions)));
    lines.dedup();
    Timeline {
        entity: entity.to_string(),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "Steve Jobs\n0\tXXXX-XX-XX\t1-4-said\n1\t1955-02-24\t2-5-born\n2\t1976\t2-6-started\t3-1-starting\n2\t1976\t2-5-built\n3\tXXXX-XX-XX\t2-9-returned\n";

    #[test]
    fn parse_and_relations() {
        let t = parse(Path::new("g.txt"), GOLD).unwrap();
        assert_eq!(t.entity, "Steve Jobs");
        assert_eq!(t.lines.len(), 5);
        assert_eq!(t.to_task_format(), GOLD);
        let r: Vec<String> = t
            .relations()
            .iter()
            .map(|x| format!("{} {} {}", x.from, x.rel, x.to))
            .collect();
        assert_eq!(
            r,
            [
                "2-5-born IS_INCLUDED date:1955-02-24",
                "2-6-started SIMULTANEOUS 3-1-starting",
                "2-6-started IS_INCLUDED date:1976",
                "2-6-started SIMULTANEOUS 2-5-built",
                "2-5-built IS_INCLUDED date:1976",
                "2-5-born BEFORE 2-6-started",
                "2-6-started BEFORE 2-9-returned",
            ]
        );
    }

    /// Hand-computed: the system gets the 1955 event, puts `built` before `started` (wrong:
    /// gold has them simultaneous) and misses `returned`.
    #[test]
    fn scores() {
        let gold = parse(Path::new("g"), GOLD).unwrap();
        let sys = parse(
            Path::new("s"),
            "Steve Jobs\n1\t1955-02-24\t2-5-born\n2\tXXXX-XX-XX\t2-5-built\n3\tXXXX-XX-XX\t2-6-started\n",
        )
        .unwrap();
        // System: born ⊂ 1955-02-24, born < built, built < started: 3 reduced links. Gold
        // implies the first two (built = started > born), not the third: P = 2/3.
        // Gold reduced: 6 of its 7 links (`built ⊂ 1976` is implied by `built = started ⊂
        // 1976` when added). The system implies born ⊂ date and born < started: R = 2/6.
        let c = score(&gold, &sys);
        assert_eq!((c.sys_correct, c.sys), (2, 3));
        assert_eq!((c.gold_correct, c.gold), (2, 6));
    }

    #[test]
    fn rejects() {
        let p = Path::new("t.txt");
        assert_eq!(
            parse(p, "").unwrap_err().to_string(),
            "t.txt:1:1: expected the target entity's name, found an empty line"
        );
        assert_eq!(
            parse(p, "X\n1\tsoon\t1-2-a\n").unwrap_err().to_string(),
            "t.txt:2: expected a date (YYYY-MM-DD, YYYY-MM, YYYY or XXXX-XX-XX), found `soon`"
        );
        assert!(parse(p, "X\none\t2004\t1-2-a\n").is_err());
        assert!(parse(p, "X\n1\t2004\tnot-a\n").is_err());
        assert!(parse(p, "X\n1\t2004\n").is_err());
    }

    #[test]
    fn entity_names() {
        let t = "Steve Jobs said. Jobs left. jobsite. iPod sales, ipods.";
        let m: Vec<&str> = entity_mentions(t, "Steve Jobs").iter().map(|s| s.slice(t)).collect();
        assert_eq!(m, ["Steve Jobs", "Jobs", "Jobs"]);
        let m: Vec<&str> = entity_mentions(t, "iPod").iter().map(|s| s.slice(t)).collect();
        assert_eq!(m, ["iPod"]);
    }
}
