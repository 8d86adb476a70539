//! Extraction records: one document's per-document results, owned and serializable, so that
//! `build` can be split into a map step (`tempograph extract`, one JSON line per document)
//! and a reduce step (`tempograph assemble`, lines in, timeline out) run on different
//! processes or machines.
//!
//! | step | command | input | output |
//! |------|---------|-------|--------|
//! | map | `extract FILE...`, `extract --manifest M`, `extract --stream` | documents | one [`Record`] line per document |
//! | partial reduce | `assemble --partial` | record lines (any number of files) | the sorted, de-duplicated union of the records (same format) |
//! | final reduce | `assemble [--group-by KEY]` | record lines | the timeline (one per key) |
//!
//! A record holds everything [`crate::pipeline::assemble`] reads of a document and nothing
//! borrowed: the document (id, path, title, kind, text, publication date and where it came
//! from), its temporal expressions with their values and derivations (the dates with their
//! provenance), its events, the links the timeline uses with their evidence, and the
//! dependency parse of each sentence. Tokens and sentences are not stored: they are a cheap,
//! deterministic function of the text ([`crate::text::Analysis::new`]) and are recomputed,
//! which is why a record says which `tempograph` version made it and a different version
//! refuses it (re-extract instead).
//!
//! # Merging is associative
//!
//! A *partial* is a set of records, kept sorted by ([`Record::seq`], then id) with exact
//! duplicates dropped; a document id with two different records is an error. The union of
//! sets is associative and commutative, so any tree of partial merges (Spark's `treeReduce`,
//! a folder of per-day files merged later) yields the same set, written as the same bytes,
//! and the timeline is computed from that set only at the end: `assemble` of the whole gives
//! the same bytes however the records were grouped on the way. The timeline itself is not
//! merged incrementally: events are merged across documents and the graph is solved over
//! all of them, and neither is associative over timelines.
//!
//! # Order
//!
//! The timeline breaks ties by document order. `extract` of files or a manifest numbers its
//! documents (`seq`: 0, 1, 2, … in the order `build` reads them), so `extract ... |
//! assemble` is byte-identical to `build ...`. A stream record's `seq` is the input's `seq`
//! field when it has one; records without `seq` come after those with one, by id — the
//! order `build --stream` uses too, so that a cluster (where line numbers depend on the
//! partitioning) and one process agree.
//!
//! # Format
//!
//! ```text
//! {"id":"cnn-004","format":"tempograph-extract/1","tempograph":"0.1.0","seq":3,
//!  "published":"2014-12-17","dct_source":{"from":"stream"},"path":"cnn-004",
//!  "fields":{"story":"sony"},"text":"...",
//!  "timexes":[{"span":[29,38],"text":"Wednesday","type":"DATE","value":"2014-12-17",
//!              "rule":"date/weekday","derivation":{"anchor":"dct","anchor_value":"2014-12-17",
//!              "direction":"none","why":"..."}}],
//!  "events":[{"span":{"start":5,"end":13},"text":"canceled","lemma":"cancel",...}],
//!  "links":[{"from":"e1","to":"t1","rel":"IS_INCLUDED","rule":"link/timex-on","evidence":[26,38]}],
//!  "parse":[{"span":[0,80],"words":[["Sony","Sony","PROPN","NNP","Number=Sing",2,"nsubj",0,4]]}]}
//! ```
//!
//! Spans are byte offsets into `text`; `from`/`to` are `dct`, `tN` (the N-th time expression,
//! from 1) or `eN` (the N-th event). Every span, index and head is checked on reading, so a
//! damaged or hand-edited record is an error naming its line, never a crash.

use crate::document::{DctSource, Document};
use crate::events::Event;
use crate::format::record;
use crate::link::{Endpoint, Tlink};
use crate::pipeline::Analyzed;
use crate::text::{Analysis, Span};
use crate::timex::{AnchorKind, Derivation, Direction, Timex, TimexType, WeekdayClash};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tempograph_core::relation::RelType;

/// The record format this version writes and reads.
pub const FORMAT: &str = "tempograph-extract/1";

/// The `tempograph` version that writes the records (and the only one that reads them).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One document's extraction (see the module documentation for the JSON form).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub id: String,
    /// [`FORMAT`].
    pub format: String,
    /// The version of `tempograph` that wrote it ([`VERSION`]).
    pub tempograph: String,
    /// The document's place in the timeline's document order (see *Order*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<u64>,
    pub published: NaiveDate,
    pub dct_source: DctSource,
    /// Where the text was read from, as given (made relative to the timeline's folder by
    /// `assemble`, like `build` does).
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The language code the manifest gives (`de`); `None`: English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The title `build` would give a timeline of these documents (the manifest's folder),
    /// used by `assemble` without `--title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline_title: Option<String>,
    /// The stream record's other fields (`story`, `entities`, …), for `assemble --group-by`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, serde_json::Value>,
    pub text: String,
    pub timexes: Vec<TimexRecord>,
    pub events: Vec<Event>,
    /// The links the timeline uses ([`Analyzed::evidence`]).
    pub links: Vec<LinkRecord>,
    /// The dependency parse, one entry per sentence (empty without the syntax model).
    pub parse: Vec<SentenceRecord>,
}

/// A temporal expression: span, TIMEX3 attributes, and how its value was derived.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimexRecord {
    pub span: [usize; 2],
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    pub rule: String,
    pub derivation: DerivationRecord,
    /// A written weekday that is not the written date's ([`Timex::weekday_clash`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday_clash: Option<WeekdayClash>,
}

/// [`Derivation`] as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivationRecord {
    /// `dct`, `timex` or `absolute`.
    pub anchor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_value: Option<String>,
    /// `past`, `future` or `none`.
    pub direction: String,
    pub why: String,
}

/// A link with its rule and evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkRecord {
    pub from: String,
    pub to: String,
    pub rel: RelType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance: Option<[i64; 2]>,
    pub rule: String,
    pub evidence: [usize; 2],
}

/// One parsed sentence: its span and its words as
/// `[form, lemma, upos, xpos, feats, head, deprel, start, end]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceRecord {
    pub span: [usize; 2],
    pub words: Vec<WordRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub multiwords: Vec<[usize; 4]>,
}

/// `[form, lemma, upos, xpos, feats, head, deprel, start, end]`.
pub type WordRecord = (String, String, String, String, String, usize, String, usize, usize);

impl Record {
    /// The record of an analysed document. `seq` orders it among the others (see *Order*);
    /// `fields` are kept for grouping.
    pub fn new(
        a: &Analyzed,
        seq: Option<u64>,
        timeline_title: Option<String>,
        fields: BTreeMap<String, serde_json::Value>,
    ) -> Record {
        let d = a.doc;
        Record {
            id: d.id.clone(),
            format: FORMAT.to_string(),
            tempograph: VERSION.to_string(),
            seq,
            published: d.dct,
            dct_source: d.dct_source.clone(),
            path: d.path.to_string_lossy().into_owned(),
            title: d.title.clone(),
            kind: d.kind.clone(),
            language: d.language.clone(),
            timeline_title,
            fields,
            text: d.text.clone(),
            timexes: a.timexes.iter().map(TimexRecord::new).collect(),
            events: a.events.clone(),
            links: a.evidence.iter().map(LinkRecord::new).collect(),
            parse: a
                .syntax
                .sentences
                .iter()
                .map(|s| SentenceRecord {
                    span: [s.start, s.end],
                    words: s
                        .words
                        .iter()
                        .map(|w| {
                            (
                                w.form.clone(),
                                w.lemma.clone(),
                                w.upos.clone(),
                                w.xpos.clone(),
                                w.feats.clone(),
                                w.head,
                                w.deprel.clone(),
                                w.start,
                                w.end,
                            )
                        })
                        .collect(),
                    multiwords: s.multiwords.iter().map(|&(a, b, c, d)| [a, b, c, d]).collect(),
                })
                .collect(),
        }
    }

    /// The order of records in a partial and in the timeline's document list.
    pub fn order_key(&self) -> (bool, u64, &str) {
        (self.seq.is_none(), self.seq.unwrap_or(0), &self.id)
    }

    /// The record as one JSON line (without the line end).
    pub fn to_line(&self) -> String {
        // Every field is a string, a number, a date or a JSON value read from JSON: this
        // cannot fail.
        serde_json::to_string(self).unwrap_or_else(|e| unreachable!("record to JSON: {e}"))
    }

    /// The record's fields after `id`, as `tempograph extract --stream` writes them after
    /// the stream's `{"id": ...` prefix: the line is then byte for byte [`Record::to_line`].
    pub fn body(&self) -> Body<'_> {
        Body(self)
    }

    /// Check the record against its own text and turn it back into a document and its parts.
    /// `Err` says what is wrong, in words.
    pub fn check(self) -> Result<(Document, Parts), String> {
        if self.format != FORMAT {
            return Err(format!("expected format {FORMAT:?}, found {:?}", self.format));
        }
        if self.tempograph != VERSION {
            return Err(format!(
                "the record was made by tempograph {}, this is {VERSION}: extract the documents again with this version",
                self.tempograph
            ));
        }
        if self.id.is_empty() {
            return Err("expected a non-empty id".into());
        }
        let text = &self.text;
        let span = |what: &str, [s, e]: [usize; 2]| -> Result<Span, String> {
            if s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e) {
                Ok(Span::new(s, e))
            } else {
                Err(format!(
                    "{what}: expected a span of byte offsets inside the text ({} bytes) on character boundaries, found {s}..{e}",
                    text.len()
                ))
            }
        };
        let analysis = Analysis::new(text);
        let mut timexes = Vec::with_capacity(self.timexes.len());
        let mut last_end = 0;
        for (i, t) in self.timexes.into_iter().enumerate() {
            let what = format!("timexes[{i}]");
            let sp = span(&what, t.span)?;
            if sp.is_empty() {
                return Err(format!(
                    "{what}: expected a non-empty span, found {}..{}",
                    sp.start, sp.end
                ));
            }
            if sp.start < last_end {
                return Err(format!(
                    "{what}: expected time expressions in text order without overlaps"
                ));
            }
            last_end = sp.end;
            timexes.push(t.into_timex(sp).map_err(|e| format!("{what}: {e}"))?);
        }
        let mut events = self.events;
        let mut last_start = 0;
        for (i, e) in events.iter_mut().enumerate() {
            let what = format!("events[{i}]");
            let sp = span(&what, [e.span.start, e.span.end])?;
            if sp.start < last_start {
                return Err(format!("{what}: expected events in text order"));
            }
            last_start = sp.start;
            let Some(sentence) = analysis.sentences.get(e.sentence) else {
                return Err(format!(
                    "{what}: expected a sentence index below {}, found {}",
                    analysis.sentences.len(),
                    e.sentence
                ));
            };
            if sp.is_empty() || !sentence.span.contains(&sp) {
                return Err(format!(
                    "{what}: expected a trigger inside sentence {} (bytes {}..{}), found {}..{}",
                    e.sentence, sentence.span.start, sentence.span.end, sp.start, sp.end
                ));
            }
        }
        let mut links = Vec::with_capacity(self.links.len());
        for (i, l) in self.links.into_iter().enumerate() {
            let what = format!("links[{i}]");
            let end = |s: &str| endpoint(s, timexes.len(), events.len()).map_err(|e| format!("{what}: {e}"));
            let (from, to) = (end(&l.from)?, end(&l.to)?);
            let evidence = span(&what, l.evidence)?;
            if let Some([lo, hi]) = l.distance {
                if lo > hi || lo.abs() > MAX_DAYS || hi.abs() > MAX_DAYS {
                    return Err(format!(
                        "{what}: expected a distance lo..hi within ±{MAX_DAYS} days, found {lo}..{hi}"
                    ));
                }
            }
            links.push(Tlink {
                from,
                to,
                rel: l.rel,
                distance: l.distance.map(|[a, b]| (a, b)),
                rule: intern(&l.rule).map_err(|e| format!("{what}: {e}"))?,
                evidence,
            });
        }
        if !self.parse.is_empty() && self.parse.len() != analysis.sentences.len() {
            return Err(format!(
                "expected a parse of each of the text's {} sentences, found {}",
                analysis.sentences.len(),
                self.parse.len()
            ));
        }
        let mut sentences = Vec::with_capacity(self.parse.len());
        for (i, s) in self.parse.into_iter().enumerate() {
            let what = format!("parse[{i}]");
            let sp = span(&what, s.span)?;
            let n = s.words.len();
            let outer = analysis.sentences[i].span;
            if n > 0 && !outer.contains(&sp) {
                return Err(format!(
                    "{what}: expected a parse inside sentence {i} (bytes {}..{}), found {}..{}",
                    outer.start, outer.end, sp.start, sp.end
                ));
            }
            let mut words = Vec::with_capacity(n);
            let mut prev = (sp.start, sp.start);
            for (j, w) in s.words.into_iter().enumerate() {
                let (form, lemma, upos, xpos, feats, head, deprel, start, end) = w;
                let ws = span(&format!("{what}.words[{j}]"), [start, end])?;
                // In text order, inside the sentence; the words of one multiword token share
                // its span.
                if !sp.contains(&ws) || !(ws.start >= prev.1 || (ws.start, ws.end) == prev) {
                    return Err(format!(
                        "{what}.words[{j}]: expected words in text order inside the sentence's bytes {}..{}, found {start}..{end}",
                        sp.start, sp.end
                    ));
                }
                prev = (start, end);
                if head > n {
                    return Err(format!(
                        "{what}.words[{j}]: expected a head from 0 to {n}, found {head}"
                    ));
                }
                words.push(crate::syntax::ParsedWord {
                    form,
                    lemma,
                    upos,
                    xpos,
                    feats,
                    head,
                    deprel,
                    start,
                    end,
                });
            }
            if let Some(j) = cycle(&words) {
                return Err(format!(
                    "{what}.words[{j}]: expected heads that form a tree, found a cycle"
                ));
            }
            let mut multiwords = Vec::with_capacity(s.multiwords.len());
            for [a, b, c, d] in s.multiwords {
                span(&what, [c, d])?;
                if a == 0 || a > b || b > n {
                    return Err(format!(
                        "{what}: expected a multiword token's words within 1..={n}, found {a}..{b}"
                    ));
                }
                multiwords.push((a, b, c, d));
            }
            sentences.push(crate::syntax::ParsedSentence {
                start: sp.start,
                end: sp.end,
                words,
                multiwords,
            });
        }
        let doc = Document {
            id: self.id,
            path: self.path.into(),
            title: self.title,
            kind: self.kind,
            language: self.language,
            text: self.text,
            dct: self.published,
            dct_source: self.dct_source,
            warnings: Vec::new(),
        };
        Ok((
            doc,
            Parts {
                analysis,
                syntax: crate::syntax::DocParse::from_sentences(sentences),
                timexes,
                events,
                links,
            },
        ))
    }
}

/// A word whose chain of heads (1-based, 0 the root) comes back to itself, if any.
fn cycle(words: &[crate::syntax::ParsedWord]) -> Option<usize> {
    // 0: not seen, 1: on the current chain, 2: reaches the root.
    let mut state = vec![0u8; words.len()];
    for start in 0..words.len() {
        let mut chain = Vec::new();
        let mut w = start;
        loop {
            match state[w] {
                2 => break,
                1 => return Some(w),
                _ => {}
            }
            state[w] = 1;
            chain.push(w);
            match words[w].head {
                0 => break,
                h => w = h - 1,
            }
        }
        for c in chain {
            state[c] = 2;
        }
    }
    None
}

/// A [`Record`] without its `id`, serialized in the same field order and with the same
/// omissions as the record.
pub struct Body<'a>(&'a Record);

impl Serialize for Body<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let r = self.0;
        let mut st = s.serialize_struct("Record", 16)?;
        st.serialize_field("format", &r.format)?;
        st.serialize_field("tempograph", &r.tempograph)?;
        if r.seq.is_some() {
            st.serialize_field("seq", &r.seq)?;
        }
        st.serialize_field("published", &r.published)?;
        st.serialize_field("dct_source", &r.dct_source)?;
        st.serialize_field("path", &r.path)?;
        if r.title.is_some() {
            st.serialize_field("title", &r.title)?;
        }
        if r.kind.is_some() {
            st.serialize_field("kind", &r.kind)?;
        }
        if r.language.is_some() {
            st.serialize_field("language", &r.language)?;
        }
        if r.timeline_title.is_some() {
            st.serialize_field("timeline_title", &r.timeline_title)?;
        }
        if !r.fields.is_empty() {
            st.serialize_field("fields", &r.fields)?;
        }
        st.serialize_field("text", &r.text)?;
        st.serialize_field("timexes", &r.timexes)?;
        st.serialize_field("events", &r.events)?;
        st.serialize_field("links", &r.links)?;
        st.serialize_field("parse", &r.parse)?;
        st.end()
    }
}

/// The largest distance in days a link may say (about 100,000 years either way).
const MAX_DAYS: i64 = 36_500_000;

/// A checked record's analysis, to be joined to its document by [`Parts::analyzed`].
#[derive(Clone, Debug)]
pub struct Parts {
    analysis: Analysis,
    syntax: crate::syntax::DocParse,
    timexes: Vec<Timex>,
    events: Vec<Event>,
    links: Vec<Tlink>,
}

impl Parts {
    /// The analysed document (`doc` is the document [`Record::check`] returned with these
    /// parts). Its `tlinks` are the timeline's links, the only ones a record keeps.
    pub fn analyzed(self, doc: &Document) -> Analyzed<'_> {
        Analyzed::from_parts(
            doc,
            self.analysis,
            self.syntax,
            self.timexes,
            self.events,
            self.links.clone(),
            self.links,
        )
    }

    /// How many events the document has.
    pub fn events(&self) -> usize {
        self.events.len()
    }
}

impl TimexRecord {
    fn new(t: &Timex) -> TimexRecord {
        TimexRecord {
            span: [t.span.start, t.span.end],
            text: t.text.clone(),
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
            modifier: t.modifier.clone(),
            quant: t.quant.clone(),
            freq: t.freq.clone(),
            rule: t.rule.to_string(),
            derivation: DerivationRecord {
                anchor: t.derivation.anchor.as_str().to_string(),
                anchor_value: t.derivation.anchor_value.clone(),
                direction: t.derivation.direction.as_str().to_string(),
                why: t.derivation.why.clone(),
            },
            weekday_clash: t.weekday_clash,
        }
    }

    fn into_timex(self, span: Span) -> Result<Timex, String> {
        let kind = match self.kind.as_str() {
            "DATE" => TimexType::Date,
            "TIME" => TimexType::Time,
            "DURATION" => TimexType::Duration,
            "SET" => TimexType::Set,
            other => return Err(format!("expected type DATE, TIME, DURATION or SET, found {other:?}")),
        };
        let anchor = AnchorKind::parse(&self.derivation.anchor).ok_or_else(|| {
            format!(
                "expected anchor dct, timex or absolute, found {:?}",
                self.derivation.anchor
            )
        })?;
        let direction = Direction::parse(&self.derivation.direction).ok_or_else(|| {
            format!(
                "expected direction past, future or none, found {:?}",
                self.derivation.direction
            )
        })?;
        Ok(Timex {
            span,
            text: self.text,
            kind,
            value: self.value,
            modifier: self.modifier,
            quant: self.quant,
            freq: self.freq,
            rule: intern(&self.rule)?,
            derivation: Derivation {
                anchor,
                anchor_value: self.derivation.anchor_value,
                direction,
                why: self.derivation.why,
            },
            weekday_clash: self.weekday_clash,
        })
    }
}

impl LinkRecord {
    fn new(l: &Tlink) -> LinkRecord {
        let end = |e: Endpoint| match e {
            Endpoint::Dct => record::DCT.to_string(),
            Endpoint::Timex(i) => format!("t{}", i + 1),
            Endpoint::Event(i) => format!("e{}", i + 1),
        };
        LinkRecord {
            from: end(l.from),
            to: end(l.to),
            rel: l.rel,
            distance: l.distance.map(|(a, b)| [a, b]),
            rule: l.rule.to_string(),
            evidence: [l.evidence.start, l.evidence.end],
        }
    }
}

/// `dct`, `tN` or `eN` (N from 1) with N in range.
fn endpoint(s: &str, timexes: usize, events: usize) -> Result<Endpoint, String> {
    let bad = || format!("expected dct, t1..t{timexes} or e1..e{events}, found {s:?}");
    if s == record::DCT {
        return Ok(Endpoint::Dct);
    }
    let (kind, n) = s.split_at_checked(1).ok_or_else(bad)?;
    let n: usize = n.parse().map_err(|_| bad())?;
    match (kind, n) {
        ("t", 1..) if n <= timexes => Ok(Endpoint::Timex(n - 1)),
        ("e", 1..) if n <= events => Ok(Endpoint::Event(n - 1)),
        _ => Err(bad()),
    }
}

/// The `&'static str` of a rule id read from a record. Rule ids are a small fixed set in
/// practice; each distinct one is stored once for the life of the process, and past
/// [`MAX_RULES`] distinct ids (only a crafted input gets there) records are refused.
fn intern(rule: &str) -> Result<&'static str, String> {
    use std::sync::Mutex;
    static RULES: Mutex<std::collections::BTreeSet<&'static str>> = Mutex::new(std::collections::BTreeSet::new());
    let ok = !rule.is_empty()
        && rule.len() <= 64
        && rule
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.'));
    if !ok {
        return Err(format!(
            "expected a rule id (letters, digits, `/-_.`, at most 64 bytes), found {rule:?}"
        ));
    }
    let mut set = RULES.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(r) = set.get(rule) {
        return Ok(r);
    }
    if set.len() >= MAX_RULES {
        return Err(format!(
            "too many distinct rule ids (more than {MAX_RULES}); {rule:?} is one too many"
        ));
    }
    let r: &'static str = Box::leak(rule.to_string().into_boxed_str());
    set.insert(r);
    Ok(r)
}

/// The most distinct rule ids a process accepts from records.
const MAX_RULES: usize = 4096;

/// A key to group records by (`assemble --group-by`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupBy {
    /// The record's `story` field.
    Story,
    /// The record's `entities` (or `entity`) field: one timeline about each entity, of the
    /// documents that name it.
    Entity,
    /// Any other field of the stream record (`title` and `kind` included).
    Field(String),
}

impl GroupBy {
    pub fn parse(s: &str) -> GroupBy {
        match s {
            record::STORY => GroupBy::Story,
            record::ENTITY | record::ENTITIES => GroupBy::Entity,
            other => GroupBy::Field(other.to_string()),
        }
    }

    /// The keys of a record: a string field gives one, an array of strings one per element,
    /// a number or boolean its JSON text; an absent or null field none.
    pub fn keys(&self, r: &Record) -> Result<Vec<String>, String> {
        let value = match self {
            GroupBy::Story => r.fields.get(record::STORY).cloned(),
            GroupBy::Entity => r
                .fields
                .get(record::ENTITIES)
                .or_else(|| r.fields.get(record::ENTITY))
                .cloned(),
            GroupBy::Field(f) if f == record::TITLE => r.title.clone().map(serde_json::Value::String),
            GroupBy::Field(f) if f == record::KIND => r.kind.clone().map(serde_json::Value::String),
            GroupBy::Field(f) => r.fields.get(f).cloned(),
        };
        let scalar = |v: &serde_json::Value| -> Result<Option<String>, String> {
            match v {
                serde_json::Value::String(s) => Ok(Some(s.clone())),
                serde_json::Value::Number(_) | serde_json::Value::Bool(_) => Ok(Some(v.to_string())),
                serde_json::Value::Null => Ok(None),
                _ => Err(format!(
                    "expected a string, a number or an array of them to group by, found {v}"
                )),
            }
        };
        let mut keys = match value {
            None => Vec::new(),
            Some(serde_json::Value::Array(a)) => {
                let mut out = Vec::new();
                for v in &a {
                    out.extend(scalar(v)?);
                }
                out
            }
            Some(v) => scalar(&v)?.into_iter().collect(),
        };
        keys.sort();
        keys.dedup();
        Ok(keys)
    }
}

/// Sort `records` into partial order (see *Merging is associative*) and drop exact
/// duplicates. Two different records of one document id are an error naming both origins
/// (`origin[i]` describes `records[i]`, e.g. `file:line`).
/// Returns the merged records and their origins.
pub fn merge(records: Vec<Record>, origins: Vec<String>) -> Result<(Vec<Record>, Vec<String>), String> {
    let mut all: Vec<(Record, String)> = records.into_iter().zip(origins).collect();
    all.sort_by(|(a, _), (b, _)| a.order_key().cmp(&b.order_key()));
    let mut out: Vec<Record> = Vec::with_capacity(all.len());
    let mut from: Vec<String> = Vec::with_capacity(all.len());
    let mut by_id: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (r, origin) in all {
        if let Some(&k) = by_id.get(&r.id) {
            if out[k] == r {
                continue;
            }
            return Err(format!(
                "{origin}: the document id `{}` has a different record at {}; two documents have this id (rename one)",
                r.id, from[k]
            ));
        }
        by_id.insert(r.id.clone(), out.len());
        out.push(r);
        from.push(origin);
    }
    Ok((out, from))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str) -> Record {
        let doc = Document::from_text(
            "d1",
            text,
            NaiveDate::from_ymd_opt(2014, 12, 18).unwrap(),
            DctSource::Flag,
        );
        let a = crate::pipeline::analyze(&doc);
        Record::new(&a, Some(0), None, BTreeMap::new())
    }

    const TEXT: &str = "Sony canceled the release on Wednesday. Hackers attacked the studio in November.";

    #[test]
    fn a_record_round_trips_through_json() {
        let r = record(TEXT);
        assert!(!r.timexes.is_empty() && !r.events.is_empty() && !r.links.is_empty());
        let line = r.to_line();
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.to_line(), line);
        let body = serde_json::to_string(&r.body()).unwrap();
        assert_eq!(format!("{{\"id\":\"d1\",{}", &body[1..]), line);
    }

    #[test]
    fn a_checked_record_gives_the_same_analysis() {
        let r = record(TEXT);
        let doc = Document::from_text("d1", TEXT, r.published, DctSource::Flag);
        let a = crate::pipeline::analyze(&doc);
        let (doc2, parts) = r.check().unwrap();
        let b = parts.analyzed(&doc2);
        assert_eq!(a.timexes, b.timexes);
        assert_eq!(a.events, b.events);
        assert_eq!(a.evidence, b.evidence);
        assert_eq!(a.syntax.sentences, b.syntax.sentences);
    }

    /// Every damaged record is refused with a reason, not a panic.
    #[test]
    fn damaged_records_are_refused() {
        type Damage = Box<dyn Fn(&mut Record)>;
        let cases: Vec<(&str, Damage, &str)> = vec![
            ("format", Box::new(|r| r.format = "x/2".into()), "expected format"),
            (
                "version",
                Box::new(|r| r.tempograph = "0.0.0".into()),
                "made by tempograph 0.0.0",
            ),
            ("timex span", Box::new(|r| r.timexes[0].span = [5, 5000]), "timexes[0]"),
            ("timex order", Box::new(|r| r.timexes.reverse()), "text order"),
            (
                "timex type",
                Box::new(|r| r.timexes[0].kind = "DAY".into()),
                "expected type",
            ),
            (
                "rule",
                Box::new(|r| r.timexes[0].rule = "a rule with spaces".into()),
                "expected a rule id",
            ),
            (
                "event sentence",
                Box::new(|r| r.events[0].sentence = 99),
                "sentence index",
            ),
            ("event span", Box::new(|r| r.events[0].span.end = 9999), "events[0]"),
            (
                "event outside its sentence",
                Box::new(|r| r.events[0].sentence = 1),
                "inside sentence",
            ),
            (
                "words out of order",
                Box::new(|r| r.parse[0].words.swap(0, 1)),
                "text order",
            ),
            (
                "link end",
                Box::new(|r| r.links[0].from = "e999".into()),
                "expected dct",
            ),
            ("link end 0", Box::new(|r| r.links[0].to = "t0".into()), "expected dct"),
            (
                "link distance",
                Box::new(|r| r.links[0].distance = Some([3, 1])),
                "distance",
            ),
            ("parse count", Box::new(|r| r.parse.truncate(1)), "parse of each"),
            ("parse head", Box::new(|r| r.parse[0].words[0].5 = 999), "head"),
            (
                "parse cycle",
                Box::new(|r| {
                    r.parse[0].words[0].5 = 2;
                    r.parse[0].words[1].5 = 1;
                }),
                "cycle",
            ),
            (
                "char boundary",
                Box::new(|r| {
                    r.text = r.text.replacen("Sony", "Søny", 1);
                    r.events[0].span.end = 2;
                }),
                "character boundaries",
            ),
        ];
        let mut failures = Vec::new();
        for (name, damage, want) in cases {
            let mut r = record(TEXT);
            damage(&mut r);
            match r.check() {
                Ok(_) => failures.push(format!("{name}: accepted")),
                Err(e) if !e.contains(want) => failures.push(format!("{name}: {e:?} lacks {want:?}")),
                Err(_) => {}
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn merging_is_associative_and_drops_duplicates() {
        let mut rs: Vec<Record> = (0..4)
            .map(|i| {
                let mut r = record(TEXT);
                r.id = format!("d{i}");
                r.seq = (i % 2 == 0).then_some(10 - i as u64);
                r
            })
            .collect();
        rs.push(rs[1].clone());
        let o = |n: usize| (0..n).map(|i| format!("x:{i}")).collect::<Vec<_>>();
        let all = merge(rs.clone(), o(5)).unwrap().0;
        let left = merge(rs[..2].to_vec(), o(2)).unwrap().0;
        let right = merge(rs[2..].to_vec(), o(3)).unwrap().0;
        let mut lr = left;
        lr.extend(right);
        let tree = merge(lr, o(5)).unwrap().0;
        assert_eq!(all, tree);
        let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["d2", "d0", "d1", "d3"]);
        let mut other = rs[0].clone();
        other.text.push('!');
        let e = merge(vec![rs[0].clone(), other], o(2)).unwrap_err();
        assert!(e.contains("different record"), "{e}");
    }

    #[test]
    fn group_keys() {
        let mut r = record(TEXT);
        r.fields.insert("story".into(), serde_json::json!("sony"));
        r.fields
            .insert("entities".into(), serde_json::json!(["Sony", "FBI", "Sony"]));
        r.fields.insert("bad".into(), serde_json::json!({"a": 1}));
        assert_eq!(GroupBy::parse("story").keys(&r).unwrap(), ["sony"]);
        assert_eq!(GroupBy::parse("entity").keys(&r).unwrap(), ["FBI", "Sony"]);
        assert!(GroupBy::parse("missing").keys(&r).unwrap().is_empty());
        assert!(GroupBy::parse("bad").keys(&r).is_err());
    }
}
