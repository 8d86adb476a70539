//! The whole way from documents to a [`Timeline`].
//!
//! | step | stage | what it adds |
//! |------|-------|--------------|
//! | 1 | [`crate::text`] | tokens and sentences of every document |
//! | 2 | [`crate::timex`] | temporal expressions, resolved against the document's DCT |
//! | 3 | [`crate::events`] | event triggers with class, tense, aspect, polarity, modality |
//! | 4 | [`crate::link`] | TLINKs with evidence |
//! | 5 | [`crate::events::merge`] | one event per real-world event across documents |
//! | 6 | [`crate::graph`] | dates tightened by the relations, conflicts, order |
//! | 7 | [`crate::timeline`] | the YAML model: documents, events, times, relations, conflicts |
//!
//! Documents are analysed independently (in parallel, order preserved); the merge and the
//! graph see all of them. Output order is fixed by the graph's order, ties broken by
//! (document index, offset), so the same input always gives byte-identical YAML.

use crate::document::Document;
use crate::events::merge::{self, Cluster, DocEvents, TimeMention};
use crate::events::{Aspect, Event, EventClass, Polarity, Pos, Tense};
use crate::format::{manifest, message};
use crate::graph::{self, Graph, NodeId};
use crate::lang::{EventWords, Language};
use crate::link::{Endpoint, Tlink};
use crate::text::{capitalised, squash, Analysis, LineIndex, Span, TokenKind};
use crate::timeline::{self as tl, Timeline};
use crate::timex::{Timex, TimexType};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use tempograph_core::relation::RelType;
use tempograph_core::value::{date_range, Precision};

/// Options of [`build`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The timeline's title.
    pub title: Option<String>,
    /// Document paths in the timeline are written relative to this folder (the folder of the
    /// timeline file); `None` keeps them as given.
    pub base: Option<std::path::PathBuf>,
    /// Bounds past which a document is refused with an error instead of exhausting memory.
    pub limits: Limits,
    /// An entity timeline: only the events this entity takes part in ([`crate::focus`]).
    pub about: Option<crate::focus::Entity>,
    /// Keep only the this many most salient events (see [`salience`]), in time order.
    pub top: Option<usize>,
    /// Keep only events told by at least this many documents (0 and 1: every event).
    pub min_sources: usize,
}

/// Bounds on what one `build` takes in, so that an input too large fails with a clear error
/// (naming the document and the bound) before it can exhaust memory. Memory grows linearly
/// with both (about 50 bytes of memory per byte of one long document, see
/// docs/PERFORMANCE.md), so the defaults keep a build under about 2 GiB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes of text one document may have (`--max-document-bytes`).
    pub max_document_bytes: u64,
    /// The most events (triggers found) all the documents of a build may have together
    /// (`--max-events`).
    pub max_events: u64,
}

impl Limits {
    /// 32 MiB of text in one document.
    pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 32 << 20;
    /// A million events in one build.
    pub const DEFAULT_MAX_EVENTS: u64 = 1_000_000;

    /// Refuse a document whose text is past `max_document_bytes`.
    pub fn check_document(&self, doc: &Document) -> tempograph_core::error::Result<()> {
        let n = doc.text.len() as u64;
        if n > self.max_document_bytes {
            return Err(tempograph_core::error::Error::limit(
                &doc.path,
                message::BYTES,
                n,
                self.max_document_bytes,
                "--max-document-bytes",
            ));
        }
        Ok(())
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_document_bytes: Limits::DEFAULT_MAX_DOCUMENT_BYTES,
            max_events: Limits::DEFAULT_MAX_EVENTS,
        }
    }
}

/// `path` relative to `base` (both made absolute first), with `/` separators; the path as
/// given when that fails.
pub fn relative_path(path: &std::path::Path, base: Option<&std::path::Path>) -> String {
    let given = path.to_string_lossy().replace('\\', "/");
    let Some(base) = base else { return given };
    let (Ok(p), Ok(b)) = (std::fs::canonicalize(path), std::fs::canonicalize(base)) else {
        return given;
    };
    let pc: Vec<_> = p.components().collect();
    let bc: Vec<_> = b.components().collect();
    let common = pc.iter().zip(&bc).take_while(|(x, y)| x == y).count();
    let mut out: Vec<String> = vec!["..".to_string(); bc.len() - common];
    out.extend(
        pc[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    out.join("/")
}

/// One document after the per-document stages.
#[derive(Clone, Debug)]
pub struct Analyzed<'a> {
    pub doc: &'a Document,
    pub analysis: Analysis,
    pub lines: LineIndex,
    pub timexes: Vec<Timex>,
    pub events: Vec<Event>,
    /// Every TLINK the link stage found (TempEval output uses these).
    pub tlinks: Vec<Tlink>,
    /// The links the timeline uses: those [`is_evidence`] keeps, with the relation of a time
    /// expression to the event it governs read from the construction (see [`evidence_links`]).
    pub evidence: Vec<Tlink>,
    /// The dependency parse of every sentence (empty when the syntax model is unavailable).
    pub syntax: crate::syntax::DocParse,
    /// Look-ups over this document, computed once by [`analyze`] (private, so that an
    /// `Analyzed` always comes from it).
    pub(crate) index: DocIndex,
    /// The words of the document's language ([`EventWords::none`] for a language without an
    /// event package).
    pub words: &'static EventWords,
}

impl crate::focus::Parsed for Analyzed<'_> {
    fn parse(&self) -> &crate::syntax::DocParse {
        &self.syntax
    }
    fn events(&self) -> &[Event] {
        &self.events
    }
    fn words(&self) -> &EventWords {
        self.words
    }
    /// A paragraph ends at a blank line between two sentences.
    fn paragraphs(&self) -> Vec<usize> {
        let text = self.doc.text.as_str();
        let mut out = Vec::with_capacity(self.syntax.sentences.len());
        let (mut p, mut prev_end) = (0usize, 0usize);
        for s in 0..self.syntax.sentences.len() {
            let Some(sent) = self.analysis.sentences.get(s) else {
                out.push(p);
                continue;
            };
            let gap = text.get(prev_end.min(sent.span.start)..sent.span.start).unwrap_or("");
            if s > 0 && gap.split('\n').skip(1).any(|l| l.trim().is_empty()) && gap.matches('\n').count() >= 2 {
                p += 1;
            }
            prev_end = sent.span.end;
            out.push(p);
        }
        out
    }
}

/// Look-ups over one analysed document, computed once: each was a scan of the whole document
/// per question (per event, per token), which made `build` of one long document quadratic.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocIndex {
    /// Per sentence: does it repeat an earlier sentence word for word.
    repeats: Vec<bool>,
    /// Per event: the indices of the [`Analyzed::evidence`] links it is an end of, ascending.
    evidence_of: Vec<Vec<usize>>,
    /// Tokens inside a time expression, ascending.
    in_timex: Vec<usize>,
    /// Tokens inside a length written as an adjective (`duration/adjective`), ascending.
    in_length: Vec<usize>,
    /// Per event: its first token (`token_at_or_after` its start); events are in text order,
    /// so this does not decrease.
    event_tok: Vec<usize>,
    /// Per event index `i`: how many of the events before it are verbs.
    verbs_before: Vec<usize>,
    /// Per token `k`: how many tokens before it are a comma, a clause opener (`blocked` in
    /// [`governs`]: a subordinating word, `;`, `:` or a quotation mark), a subordinating word,
    /// a quotation mark.
    commas: Vec<u32>,
    blockers: Vec<u32>,
    subordinators: Vec<u32>,
    quotes: Vec<u32>,
    /// Per token `k`: the last token at or before it that ends a fronted expression's clause
    /// (`,`, `;`, `:` or a subordinating word), or `usize::MAX`.
    clause_start: Vec<usize>,
}

impl DocIndex {
    /// Everything but [`DocIndex::evidence_of`] (which needs the evidence links).
    fn new(words: &EventWords, text: &str, analysis: &Analysis, timexes: &[Timex], events: &[Event]) -> DocIndex {
        let mut seen = std::collections::HashSet::new();
        let repeats = analysis
            .sentences
            .iter()
            .map(|x| !seen.insert(x.span.slice(text)))
            .collect();
        // The tokens a span contains.
        let covered = |span: Span| {
            let k = analysis.tokens.partition_point(|t| t.span.start < span.start);
            analysis.tokens[k..]
                .iter()
                .take_while(move |t| t.span.start < span.end)
                .enumerate()
                .filter(move |(_, t)| span.contains(&t.span))
                .map(move |(j, _)| k + j)
        };
        let sorted = |mut v: Vec<usize>| {
            v.sort_unstable();
            v.dedup();
            v
        };
        let in_timex = sorted(timexes.iter().flat_map(|x| covered(x.span)).collect());
        let in_length = sorted(
            timexes
                .iter()
                .filter(|x| x.rule == "duration/adjective")
                .flat_map(|x| covered(x.span))
                .collect(),
        );
        let event_tok: Vec<usize> = events
            .iter()
            .map(|x| analysis.token_at_or_after(x.span.start))
            .collect();
        let mut verbs_before = vec![0; events.len() + 1];
        for (i, x) in events.iter().enumerate() {
            verbs_before[i + 1] = verbs_before[i] + usize::from(x.pos == Pos::Verb);
        }
        let toks = &analysis.tokens;
        let prefix = |f: &dyn Fn(&crate::text::Token) -> bool| {
            let mut v = Vec::with_capacity(toks.len() + 1);
            v.push(0u32);
            for t in toks {
                v.push(v[v.len() - 1] + u32::from(f(t)));
            }
            v
        };
        let word_sub = |t: &crate::text::Token| t.kind == TokenKind::Word && words.is_clause_opener(t.text(text));
        let commas = prefix(&|t| t.text(text) == ",");
        let blockers = prefix(&|t| word_sub(t) || matches!(t.text(text), ";" | ":" | "\"" | "“" | "”"));
        let subordinators = prefix(&word_sub);
        let quotes = prefix(&|t| matches!(t.text(text), "“" | "”" | "\""));
        let mut clause_start = Vec::with_capacity(toks.len());
        let mut last = usize::MAX;
        for (k, t) in toks.iter().enumerate() {
            if matches!(t.text(text), "," | ";" | ":") || word_sub(t) {
                last = k;
            }
            clause_start.push(last);
        }
        DocIndex {
            repeats,
            evidence_of: Vec::new(),
            in_timex,
            in_length,
            event_tok,
            verbs_before,
            commas,
            blockers,
            subordinators,
            quotes,
            clause_start,
        }
    }

    /// How many tokens in `from..to` a prefix count says.
    fn count(prefix: &[u32], from: usize, to: usize) -> u32 {
        if to <= from {
            return 0;
        }
        prefix[to.min(prefix.len() - 1)] - prefix[from.min(prefix.len() - 1)]
    }

    /// The events among `lo..hi` (text order) whose first token is in `from..to`.
    fn events_at(&self, lo: usize, hi: usize, from: usize, to: usize) -> std::ops::Range<usize> {
        let hi = hi.min(self.event_tok.len());
        let lo = lo.min(hi);
        let toks = &self.event_tok[lo..hi];
        lo + toks.partition_point(|&k| k < from)..lo + toks.partition_point(|&k| k < to)
    }

    fn with_evidence(mut self, events: usize, evidence: &[Tlink]) -> DocIndex {
        self.evidence_of = vec![Vec::new(); events];
        for (k, l) in evidence.iter().enumerate() {
            for e in [l.from, l.to] {
                if let Endpoint::Event(i) = e {
                    if self.evidence_of[i].last() != Some(&k) {
                        self.evidence_of[i].push(k);
                    }
                }
            }
        }
        self
    }

    /// Is token `k` inside a time expression?
    fn in_timex(&self, k: usize) -> bool {
        self.in_timex.binary_search(&k).is_ok()
    }

    /// Is token `k` inside a length written as an adjective?
    fn in_length(&self, k: usize) -> bool {
        self.in_length.binary_search(&k).is_ok()
    }

    /// The evidence links event `i` is an end of.
    fn evidence_of(&self, i: usize) -> &[usize] {
        self.evidence_of.get(i).map_or(&[], Vec::as_slice)
    }
}

impl Analyzed<'_> {
    /// What [`crate::events::label`] reads of this document.
    pub fn label_doc(&self) -> crate::events::label::Doc<'_> {
        crate::events::label::Doc {
            text: &self.doc.text,
            analysis: &self.analysis,
            parse: &self.syntax,
            timexes: &self.timexes,
            events: &self.events,
            words: self.words,
        }
    }
}

impl<'a> Analyzed<'a> {
    /// A document analysed elsewhere, from the per-document stages' results (read back from
    /// an extraction record by [`crate::extract`]): the line index and the look-ups are
    /// recomputed; `evidence` is what [`evidence_links`] chose. The caller checks that the
    /// parts belong to `doc` (spans inside its text, indices in range).
    pub fn from_parts(
        doc: &'a Document,
        analysis: Analysis,
        syntax: crate::syntax::DocParse,
        timexes: Vec<Timex>,
        events: Vec<Event>,
        tlinks: Vec<Tlink>,
        evidence: Vec<Tlink>,
    ) -> Analyzed<'a> {
        let words = doc_language(doc).events().unwrap_or_else(EventWords::none);
        let index =
            DocIndex::new(words, &doc.text, &analysis, &timexes, &events).with_evidence(events.len(), &evidence);
        Analyzed {
            doc,
            lines: LineIndex::new(&doc.text),
            analysis,
            syntax,
            timexes,
            events,
            tlinks,
            evidence,
            index,
            words,
        }
    }
}

/// Run the per-document stages: text, temporal expressions, events, relations.
pub fn analyze(doc: &Document) -> Analyzed<'_> {
    match try_analyze(doc, u64::MAX) {
        Ok(a) => a,
        Err(_) => unreachable!("no bound on events"),
    }
}

/// [`analyze`], refusing a document with more than `max_events` events before relating them.
pub fn try_analyze(doc: &Document, max_events: u64) -> tempograph_core::error::Result<Analyzed<'_>> {
    try_analyze_with(doc, max_events, None)
}

/// [`try_analyze`] with the event mentions given (`given`: byte spans of the triggers, as
/// gold annotations give them for SemEval-2015 Task 4 Track B) instead of found. A given
/// mention the event tagger also finds keeps the tagger's attributes; any other is an
/// occurrence with the parse's part of speech and lemma.
pub fn try_analyze_with<'a>(
    doc: &'a Document,
    max_events: u64,
    given: Option<&[Span]>,
) -> tempograph_core::error::Result<Analyzed<'a>> {
    try_analyze_in(doc_language(doc), doc, max_events, given)
}

/// The language a document is read in: the one its `language:` code names, English when it
/// names none.
fn doc_language(doc: &Document) -> &'static dyn Language {
    doc.language
        .as_deref()
        .and_then(crate::lang::by_code)
        .unwrap_or_else(crate::lang::english)
}

/// [`try_analyze_with`] in language `lang`: its time expressions, and its events and
/// relations in the words of its event package ([`Language::events`]). A language without
/// one gets no events from the tagger (with `given` mentions, the parse's: see
/// [`try_analyze_with`]) and the relations of its time expressions; the timeline assembly
/// then reads [`EventWords::none`].
pub fn try_analyze_in<'a>(
    lang: &'static dyn Language,
    doc: &'a Document,
    max_events: u64,
    given: Option<&[Span]>,
) -> tempograph_core::error::Result<Analyzed<'a>> {
    let analysis = Analysis::new(&doc.text);
    let mut timexes = crate::timex::tag_in(lang, &doc.text, &analysis, doc.dct);
    let package = lang.events();
    let words = package.unwrap_or_else(EventWords::none);
    let mut events = match package {
        Some(w) => {
            let spans: Vec<Span> = timexes.iter().map(|t| t.span).collect();
            crate::events::extract_in(w, &doc.text, &analysis, &spans)
        }
        None => Vec::new(),
    };
    let syntax = crate::syntax::DocParse::of(&doc.text, &analysis);
    if let Some(spans) = given {
        events = given_events(&doc.text, &analysis, &syntax, &events, spans);
    } else if let Some(w) = package {
        headline_verb(w, &doc.text, &analysis, &syntax, &mut events);
        phrasal_lemmas(w, &syntax, &mut events);
    }
    // A number that is part of a name is no date ("Local 1987", "1600 Pennsylvania Avenue").
    timexes.retain(|t| {
        !name_number(lang, &doc.text, &analysis, &syntax, t) && !amount_number(&doc.text, &syntax, &events, t)
    });
    if events.len() as u64 > max_events {
        return Err(tempograph_core::error::Error::limit(
            &doc.path,
            message::EVENTS,
            events.len() as u64,
            max_events,
            "--max-events",
        ));
    }
    let tlinks = crate::link::link_in(words, &doc.text, &analysis, doc.dct, &timexes, &events);
    let mut a = Analyzed {
        doc,
        syntax,
        lines: LineIndex::new(&doc.text),
        analysis,
        timexes,
        events,
        tlinks,
        evidence: Vec::new(),
        index: DocIndex::default(),
        words,
    };
    a.index = DocIndex::new(a.words, &doc.text, &a.analysis, &a.timexes, &a.events);
    told_in_the_past(&mut a);
    headline_future(&mut a);
    a.evidence = evidence_links(&a);
    a.index = std::mem::take(&mut a.index).with_evidence(a.events.len(), &a.evidence);
    Ok(a)
}

/// See: #20 item 4. A weekday the resolver placed before the publication date, though the
/// headline's verb it dates is a future told with the infinitive marker ("Union to strike on
/// Friday", published on a Monday: the coming Friday). Only a bare weekday anchored on the
/// publication date, attached to that verb by the parse; the derivation says so.
fn headline_future(a: &mut Analyzed) {
    let dct = a.doc.dct;
    for t in 0..a.timexes.len() {
        let tx = &a.timexes[t];
        if tx.rule != "date/weekday"
            || tx.derivation.anchor != crate::timex::AnchorKind::Dct
            || tx.derivation.direction == crate::timex::Direction::Future
        {
            continue;
        }
        let Ok(day) = chrono::NaiveDate::parse_from_str(&tx.value, "%Y-%m-%d") else {
            continue;
        };
        if day >= dct {
            continue;
        }
        let verb = (0..a.events.len()).find(|&e| {
            let ev = &a.events[e];
            ev.sentence == 0 && ev.tense == Tense::Future && parse_attachment(a, t, e) == Some(true)
        });
        let Some(e) = verb else { continue };
        let value = (day + chrono::Duration::days(7)).format("%Y-%m-%d").to_string();
        let why = format!(
            "{}; a headline's future (`{}`): the coming such day",
            tx.derivation.why, a.events[e].text
        );
        redate(&mut a.timexes[t], value, crate::timex::Direction::Future, why);
    }
}

/// Give time expression `tx` another value, read in `direction`, saying `why`.
fn redate(tx: &mut Timex, value: String, direction: crate::timex::Direction, why: String) {
    tx.value = value;
    tx.derivation.direction = direction;
    tx.derivation.why = why;
}

/// A month (or a month's day) named without a year that the resolver placed after the
/// publication date, though the simple past verb the parse hangs it on says it has
/// happened: "The firm completed the merger in March" published in January is last March.
/// Only where the verb governs the expression through the parse, is finite past tense with
/// no modal, and the resolver saw no future cue; the expression's derivation says so. (The
/// resolver alone, without the parse, cannot tell: a general regular-past rule there cost
/// TBAQ timex value accuracy.)
fn told_in_the_past(a: &mut Analyzed) {
    let dct = a.doc.dct;
    for t in 0..a.timexes.len() {
        let tx = &a.timexes[t];
        if !matches!(tx.rule, "date/month" | "date/month-day")
            || tx.derivation.anchor != crate::timex::AnchorKind::Dct
            || tx.derivation.direction == crate::timex::Direction::Future
            || date_range(&tx.value).is_none_or(|r| r.earliest <= dct)
        {
            continue;
        }
        let verb = (0..a.events.len()).find(|&e| {
            let ev = &a.events[e];
            ev.pos == Pos::Verb
                && ev.tense == Tense::Past
                && ev.aspect == Aspect::None
                && ev.modality.is_none()
                && parse_attachment(a, t, e) == Some(true)
        });
        let Some(e) = verb else { continue };
        let Some(year) = tx.value.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
            continue;
        };
        let value = format!("{:04}{}", year - 1, &tx.value[4..]);
        if date_range(&value).is_none_or(|r| r.earliest > dct) {
            continue;
        }
        let why = format!(
            "{}; told in the simple past by `{}`: the most recent such date before the DCT",
            tx.derivation.why, a.events[e].text
        );
        redate(&mut a.timexes[t], value, crate::timex::Direction::Past, why);
    }
}

/// Whether time expression `t` is a bare year that is really part of a name or an
/// address: written right after a capitalized word that is neither a month nor the
/// sentence's first word ("members of Local 1987", "Flight 1549", "Windows 2000"), or a
/// number the parse attaches to a proper noun ("1600 Pennsylvania Avenue"), or a year that
/// completes a capitalized name before it ("the Charities Act of 2016"). A year modifying a
/// common noun stays a date ("the 1987 crash", "the summer of 2016", "March of 2016").
fn name_number(
    lang: &dyn Language,
    text: &str,
    analysis: &Analysis,
    parse: &crate::syntax::DocParse,
    t: &Timex,
) -> bool {
    let word = t.span.slice(text);
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let s = analysis.sentence_at(t.span.start);
    let k = analysis.token_at_or_after(t.span.start);
    let sent = &analysis.sentences[s.min(analysis.sentences.len().saturating_sub(1))];
    if k > sent.tokens.start + 1 {
        let prev = analysis.tokens[k - 1].text(text);
        let capital =
            prev.chars().next().is_some_and(char::is_uppercase) && prev.chars().skip(1).any(char::is_lowercase);
        let month = lang
            .month_number(&prev.trim_end_matches('.').to_ascii_lowercase())
            .is_some();
        if capital && !month {
            return true;
        }
    }
    let Some(w) = parse.span_head(s, t.span.start, t.span.end) else {
        return false;
    };
    let Some(h) = parse.head(s, w) else { return false };
    let head = &parse.sentences[s].words[h];
    let not_month = lang.month_number(&head.form.to_ascii_lowercase()).is_none();
    // "1600 Pennsylvania Avenue": a number before the name it is part of.
    let before = matches!(parse.deprel(s, w), "nummod" | "compound" | "flat") && head.start > t.span.end;
    // "the Charities Act of 2016": the year completes a capitalized name before it (the
    // tagger often makes `Act` a common noun; its capital inside the sentence says name).
    let after = parse.deprel(s, w) == "nmod"
        && head.end <= t.span.start
        && h > 0
        && head.form.chars().next().is_some_and(char::is_uppercase);
    not_month && (before && head.upos == "PROPN" || after)
}

/// Whether time expression `t` is a bare four-digit number that counts things: the parse
/// makes it a `nummod` of a plural common noun after it that is not an event ("paid 1500
/// claims", "cut 2000 jobs"). A year modifying a singular noun ("the 1987 crash") or a
/// plural event noun ("the 1999 elections") stays a date.
fn amount_number(text: &str, parse: &crate::syntax::DocParse, events: &[Event], t: &Timex) -> bool {
    let word = t.span.slice(text);
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let Some(s) = parse
        .sentences
        .iter()
        .position(|p| p.start <= t.span.start && t.span.end <= p.end)
    else {
        return false;
    };
    let Some(w) = parse.span_head(s, t.span.start, t.span.end) else {
        return false;
    };
    let Some(h) = parse.head(s, w) else { return false };
    let head = &parse.sentences[s].words[h];
    parse.deprel(s, w) == "nummod"
        && head.upos == "NOUN"
        && head.start > t.span.end
        && head.feats.split('|').any(|f| f == "Number=Plur")
        && !events.iter().any(|e| e.span.start == head.start)
}

/// The events of [`try_analyze_with`]'s given mentions, in text order.
fn given_events(
    text: &str,
    analysis: &Analysis,
    parse: &crate::syntax::DocParse,
    found: &[Event],
    spans: &[Span],
) -> Vec<Event> {
    let mut spans = spans.to_vec();
    spans.sort();
    spans.dedup();
    spans
        .into_iter()
        .filter(|s| s.start < s.end && s.end <= text.len())
        .map(|span| {
            if let Some(e) = found
                .iter()
                .find(|e| e.span.start < span.end && span.start < e.span.end)
            {
                return Event {
                    span,
                    text: span.slice(text).to_string(),
                    ..e.clone()
                };
            }
            let sentence = analysis.sentence_at(span.start);
            let word = parse
                .word_at(sentence, span.start)
                .and_then(|w| parse.sentences.get(sentence)?.words.get(w));
            let pos = match word.map(|w| w.upos.as_str()) {
                Some("VERB" | "AUX") => Pos::Verb,
                Some("NOUN" | "PROPN") => Pos::Noun,
                Some("ADJ") => Pos::Adjective,
                _ => Pos::Other,
            };
            Event {
                span,
                text: span.slice(text).to_string(),
                lemma: word.map_or_else(|| span.slice(text).to_lowercase(), |w| w.lemma.to_lowercase()),
                pos,
                class: EventClass::Occurrence,
                tense: Tense::None,
                aspect: Aspect::None,
                polarity: Polarity::Pos,
                modality: None,
                sentence,
            }
        })
        .collect()
}

/// See: #20 item 4. A headline's main verb is its news, told in the historical present
/// ("Volcano erupts in Iceland", "Acme buys Zenco") or as a future with the infinitive
/// marker ("Union to strike on Friday"): an event even where the word counts, seeing a
/// present form with no subject they know, pass it by, so that the lead's telling of the
/// same event can merge with it. Only the first sentence, when it reads as a headline (no
/// final stop) and is followed by a body; only the parse's root verb with a subject (finite,
/// present), or the infinitive clause (`to` + verb) hung on a root noun.
fn headline_verb(
    words: &'static EventWords,
    text: &str,
    analysis: &Analysis,
    parse: &crate::syntax::DocParse,
    events: &mut Vec<Event>,
) {
    let (Some(sent), Some(p)) = (analysis.sentences.first(), parse.sentences.first()) else {
        return;
    };
    if analysis.sentences.len() < 2 || !crate::events::label::reads_as_headline(sent.span.slice(text)) {
        return;
    }
    let ws = &p.words;
    let rel = |w: usize| ws[w].deprel.split(':').next().unwrap_or("");
    let Some(root) = ws.iter().position(|w| w.head == 0) else {
        return;
    };
    let has = |h: usize, r: &str| parse.children(0, h).iter().any(|&c| rel(c as usize) == r);
    let feat = |w: usize, f: &str| ws[w].feats.split('|').any(|x| x == f);
    let (w, tense) =
        if ws[root].upos == "VERB" && feat(root, "Tense=Pres") && feat(root, "VerbForm=Fin") && has(root, "nsubj") {
            (root, Tense::Present)
        } else if ws[root].upos == "NOUN" || ws[root].upos == "PROPN" {
            let inf = parse.children(0, root).iter().map(|&c| c as usize).find(|&c| {
                rel(c) == "acl"
                    && ws[c].upos == "VERB"
                    && feat(c, "VerbForm=Inf")
                    && parse.children(0, c).iter().any(|&m| {
                        rel(m as usize) == "mark" && ws[m as usize].lemma.to_lowercase() == words.infinitive_marker
                    })
            });
            match inf {
                Some(c) => (c, Tense::Future),
                None => return,
            }
        } else {
            return;
        };
    let start = ws[w].start;
    let Some(tok) = analysis
        .tokens
        .iter()
        .find(|t| t.span.start == start && t.kind == TokenKind::Word)
    else {
        return;
    };
    let span = tok.span;
    // A verb the word tables found already: a future headline's infinitive is the future.
    if let Some(e) = events.iter_mut().find(|e| e.span == span) {
        if tense == Tense::Future {
            e.tense = Tense::Future;
        }
        return;
    }
    let lemma = ws[w].lemma.to_lowercase();
    let lex = crate::events::lexicon::Lexicon::builtin_in(words);
    let class = lex.class_of(&lemma).unwrap_or(EventClass::Occurrence);
    let at = events.partition_point(|e| e.span.start < span.start);
    events.insert(
        at,
        Event {
            span,
            text: span.slice(text).to_string(),
            lemma,
            pos: Pos::Verb,
            class,
            tense,
            aspect: Aspect::None,
            polarity: Polarity::Pos,
            modality: None,
            sentence: 0,
        },
    );
}

/// See: #20 item 4. A verb with its particle is one word when the synonym table lists the
/// pair (`EventWords::event_synonyms`: "step down" with `resign`, "shut down" with `close`):
/// the mention's lemma becomes the pair, so that "Chief executive steps down" and "The chief
/// executive resigned" are told with synonyms. The particle is the verb's `compound:prt`, or
/// its adverb right after it (a headline's parse: "steps down"). Any other particle ("stepped
/// up", "shut out") leaves the verb's lemma as it is.
fn phrasal_lemmas(words: &'static EventWords, parse: &crate::syntax::DocParse, events: &mut [Event]) {
    let listed = |pair: &str| {
        words
            .event_synonyms
            .iter()
            .any(|line| line.split(", ").any(|w| w == pair))
    };
    for e in events.iter_mut().filter(|e| e.pos == Pos::Verb) {
        let s = e.sentence;
        let (Some(p), Some(w)) = (parse.sentences.get(s), parse.word_at(s, e.span.start)) else {
            continue;
        };
        let particle = parse.children(s, w).iter().map(|&c| c as usize).find(|&c| {
            let rel = p.words[c].deprel.as_str();
            rel == "compound:prt" || (rel == "advmod" && c == w + 1)
        });
        if let Some(c) = particle {
            let pair = format!("{} {}", e.lemma, p.words[c].form.to_lowercase());
            if listed(&pair) {
                e.lemma = pair;
            }
        }
    }
}

/// The links a timeline can show (see [`is_evidence`]). A time expression that governs an
/// event dates it: "On Thursday, Earnest told", "the Christmas movie release", "attacks ...
/// last year" put the event within the time, whatever label a learned table gave the pair;
/// explicit signals (`before`, `after`, `since`, `until`, `for`) keep their own relation.
pub fn evidence_links(a: &Analyzed) -> Vec<Tlink> {
    a.tlinks
        .iter()
        .filter(|l| is_evidence(a, l))
        .map(|l| {
            let mut l = l.clone();
            let timex = match (l.from, l.to) {
                (Endpoint::Event(_), Endpoint::Timex(t)) | (Endpoint::Timex(t), Endpoint::Event(_)) => Some(t),
                _ => None,
            };
            if let Some(t) =
                timex.filter(|_| l.distance.is_none() && matches!(l.rule, "link/timex-model" | "link/timex-anchor"))
            {
                let inside = match preposition_before(a, t) {
                    Some(rel) => rel,
                    None if a.timexes[t].kind == TimexType::Duration => RelType::During,
                    None => RelType::IsIncluded,
                };
                l.rel = if matches!(l.from, Endpoint::Event(_)) {
                    inside
                } else {
                    inside.inverse()
                };
                l.rule = if deadline(a, t) { BY_RULE } else { "link/timex-governs" };
            }
            l
        })
        .chain(governed_unlinked(a))
        .chain(rescheduled(a))
        .collect()
}

/// Is `t` an end of the range of dates a verb that moves another event names ("was
/// postponed from Monday to Tuesday"), and `e` that verb? Then neither date dates `e`.
fn moves_between(a: &Analyzed, t: usize, e: usize) -> bool {
    a.words.reschedule_verbs.contains(&a.events[e].lemma.as_str()) && range_of(a, t).is_some()
}

/// Does event `i` move another event between two dates ([`moves_between`])?
fn moves_any(a: &Analyzed, i: usize) -> bool {
    a.tlinks.iter().any(|l| match (l.from, l.to) {
        (Endpoint::Event(e), Endpoint::Timex(t)) | (Endpoint::Timex(t), Endpoint::Event(e)) => {
            e == i && moves_between(a, t, e)
        }
        _ => false,
    })
}

/// The moving itself, whose range of dates [`moves_between`] left out: told in the past
/// tense, it happened on or before the publication date ("The vote was postponed from Monday
/// to Tuesday"), as tense dates any event with no time expression of its own.
fn rescheduled(a: &Analyzed) -> Vec<Tlink> {
    let moved: BTreeSet<usize> = a
        .tlinks
        .iter()
        .filter_map(|l| match (l.from, l.to) {
            (Endpoint::Event(e), Endpoint::Timex(t)) | (Endpoint::Timex(t), Endpoint::Event(e)) => {
                moves_between(a, t, e).then_some(e)
            }
            _ => None,
        })
        .collect();
    moved
        .into_iter()
        .filter(|&e| {
            let ev = &a.events[e];
            ev.pos == Pos::Verb
                && (ev.tense == Tense::Past || ev.tense == Tense::Present && ev.aspect == Aspect::Perfective)
                && !a.tlinks.iter().any(|l| {
                    l.rule.starts_with("link/dct-")
                        && matches!(
                            (l.from, l.to),
                            (Endpoint::Event(x), Endpoint::Dct) | (Endpoint::Dct, Endpoint::Event(x)) if x == e
                        )
                })
        })
        .map(|e| Tlink {
            from: Endpoint::Event(e),
            to: Endpoint::Dct,
            rel: RelType::Before,
            distance: None,
            rule: "link/dct-tense",
            evidence: a.events[e].span,
        })
        .collect()
}

/// Links from a time expression to the event it governs (see [`governs`]) when the link
/// stage paired that event with another, nearer expression: "signed a five-year contract
/// after he passed a medical in London on Wednesday" (passed's nearest expression is
/// `five-year`), "deliberated for two days before it returned the verdict on Oct. 2".
fn governed_unlinked(a: &Analyzed) -> Vec<Tlink> {
    let pairs = || {
        a.tlinks.iter().filter_map(|l| match (l.from, l.to) {
            (Endpoint::Event(e), Endpoint::Timex(t)) | (Endpoint::Timex(t), Endpoint::Event(e)) => Some((t, e)),
            _ => None,
        })
    };
    let linked: BTreeSet<(usize, usize)> = pairs().collect();
    // Events a time expression already dates keep that one alone ("between 2018 and 2021").
    let dated_event: BTreeSet<usize> = pairs()
        .filter(|&(t, e)| date_range(&a.timexes[t].value).is_some() && governs(a, t, e))
        .map(|(_, e)| e)
        .collect();
    let mut out = Vec::new();
    for (t, tx) in a.timexes.iter().enumerate() {
        let dated = matches!(tx.kind, TimexType::Date | TimexType::Time) && date_range(&tx.value).is_some();
        // "two days later" is a metric phrase: the link rules order it from the event before.
        let k = a.analysis.token_at_or_after(tx.span.start);
        let in_metric = (k.saturating_sub(3)..=k)
            .filter_map(|i| crate::link::signals::metric_at(a.words, &a.doc.text, &a.analysis, i))
            .any(|m| m.span.overlaps(&tx.span));
        if !dated || in_metric {
            continue;
        }
        let sent = a.analysis.sentence_at(tx.span.start);
        // A wire lead's dateline ("FRESNO, May 14 (AP) — Crews began repairing the dam on
        // Wednesday") dates the filing: it governs the lead's first verb only when the
        // sentence has no other date (the link stage's rule, `link::rules::timex`).
        let dateline = crate::timex::reference::is_dateline_span(&a.doc.text, &a.analysis, tx.span);
        if dateline
            && a.timexes.iter().enumerate().any(|(o, x)| {
                o != t
                    && matches!(x.kind, TimexType::Date | TimexType::Time)
                    && a.analysis.sentence_at(x.span.start) == sent
            })
        {
            continue;
        }
        let lo = a.events.partition_point(|x| x.sentence < sent);
        let hi = a.events.partition_point(|x| x.sentence <= sent);
        let candidates = governed_candidates(a, t, lo, hi);
        debug_assert_eq!(
            candidates
                .iter()
                .copied()
                .filter(|&e| governs(a, t, e))
                .collect::<Vec<_>>(),
            (lo..hi).filter(|&e| governs(a, t, e)).collect::<Vec<_>>(),
            "governed_candidates misses an event governs takes"
        );
        // Verbs only: a noun whose verb the event tagger missed ("The 10-day strike ended on
        // Friday") would take the verb's date.
        for e in candidates.into_iter().filter(|&e| a.events[e].pos == Pos::Verb) {
            if linked.contains(&(t, e)) || dated_event.contains(&e) || !governs(a, t, e) {
                continue;
            }
            let prev = word_before(a, t).map(|(_, w)| w);
            let bound = prev.as_deref().and_then(|w| a.words.bound_prepositions.find(w));
            let rel = match bound.and_then(|r| r.parse::<RelType>().ok()) {
                Some(r) => r,
                None => preposition_before(a, t).unwrap_or(RelType::IsIncluded),
            };
            let evidence = match prev {
                Some(_) => Span::new(a.analysis.tokens[k - 1].span.start, tx.span.end),
                None => tx.span,
            };
            out.push(Tlink {
                from: Endpoint::Event(e),
                to: Endpoint::Timex(t),
                rel,
                distance: None,
                rule: if deadline(a, t) { BY_RULE } else { "link/timex-governs" },
                evidence,
            });
        }
    }
    out
}

/// The events of `lo..hi` (time expression `t`'s sentence) that [`governs`] can take for `t`,
/// ascending: a noun right after it, the first verb after it, the last verb before it and
/// the two events right before it (with any others on the same tokens). Asking [`governs`]
/// about every event of the sentence made a long sentence quadratic.
fn governed_candidates(a: &Analyzed, t: usize, lo: usize, hi: usize) -> Vec<usize> {
    let ix = &a.index;
    let tx = &a.timexes[t];
    let ts = a.analysis.token_at_or_after(tx.span.start);
    let te = a.analysis.token_at_or_after(tx.span.end);
    let vb = &ix.verbs_before;
    let mut out: Vec<usize> = ix.events_at(lo, hi, te, te + 3).collect();
    let on_token = |i: usize| ix.events_at(lo, hi, ix.event_tok[i], ix.event_tok[i] + 1);
    // The first verb at or after the expression's end.
    let after = ix.events_at(lo, hi, te, usize::MAX);
    if vb[after.end] > vb[after.start] {
        out.extend(on_token(vb.partition_point(|&v| v <= vb[after.start]) - 1));
    }
    // The last verb, and the last two events, before its start.
    let before = ix.events_at(lo, hi, 0, ts);
    if vb[before.end] > vb[before.start] {
        out.extend(on_token(vb.partition_point(|&v| v < vb[before.end]) - 1));
    }
    if before.end > before.start {
        let n = before.end - 1;
        out.extend(on_token(n));
        let prior = ix.events_at(lo, hi, 0, ix.event_tok[n]);
        if prior.end > prior.start {
            out.extend(on_token(prior.end - 1));
        }
    }
    // The word the parse hangs the expression on ("On Friday, when ..., the State
    // Department lifted a warning": `lifted`, past a clause).
    let s = a.analysis.sentence_at(tx.span.start);
    let governor = a
        .syntax
        .span_head(s, tx.span.start, tx.span.end)
        .and_then(|h| a.syntax.head(s, h))
        .and_then(|g| a.syntax.sentences.get(s).map(|p| p.words[g].start));
    if let Some(start) = governor {
        let from = lo + a.events[lo..hi].partition_point(|e| e.span.start < start);
        out.extend((from..hi).take_while(|&e| a.events[e].span.start == start));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Build the timeline of `docs` (see the module table).
///
/// Fails, naming the document and the bound, when a document is past
/// [`Limits::max_document_bytes`] or the documents' events together are past
/// [`Limits::max_events`] (checked in document order, so the error names the document that
/// crossed it whatever the number of threads).
pub fn build(docs: &[Document], opts: &Options) -> tempograph_core::error::Result<Timeline> {
    let limits = opts.limits;
    for d in docs {
        limits.check_document(d)?;
    }
    let analyzed: Vec<tempograph_core::error::Result<Analyzed>> =
        docs.par_iter().map(|d| try_analyze(d, limits.max_events)).collect();
    let mut total = 0u64;
    let mut out = Vec::with_capacity(analyzed.len());
    for a in analyzed {
        let a = a?;
        total += a.events.len() as u64;
        if total > limits.max_events {
            return Err(tempograph_core::error::Error::limit(
                &a.doc.path,
                message::EVENTS_SO_FAR,
                total,
                limits.max_events,
                "--max-events",
            ));
        }
        out.push(a);
    }
    Ok(finish(&out, opts))
}

/// The cross-document part of [`build`]: [`assemble`], then the finishing steps.
pub fn finish(out: &[Analyzed], opts: &Options) -> Timeline {
    let mut timeline = assemble(out, opts);
    // Events of one day in the order of their clock times (#20, item 5).
    crate::timeline::clock::order_same_day(&mut timeline.events);
    // What `check` would still call a contradiction is recorded as a known conflict, with
    // its evidence: `build`'s output always passes `check` (#20, item 8).
    timeline.record_known_conflicts();
    timeline
}

/// The rule of a link from an event to the deadline it is done by ("report to prison by
/// Jan. 15", "had burned 12,000 acres by Tuesday morning"): the event ends on or before the
/// expression's last day — not within its days, as IS_INCLUDED would say.
const BY_RULE: &str = "link/timex-by";

/// Is time expression `t` a deadline: introduced by `by` ("by Jan. 15", "by the end of
/// October")?
fn deadline(a: &Analyzed, t: usize) -> bool {
    word_before(a, t).is_some_and(|(_, w)| a.words.deadline_prepositions.contains(&w.as_str()))
}

/// The first token of time expression `t` and the lower-cased word right before it.
fn word_before(a: &Analyzed, t: usize) -> Option<(usize, String)> {
    let k = a.analysis.token_at_or_after(a.timexes[t].span.start);
    let prev = a.analysis.tokens.get(k.checked_sub(1)?)?;
    Some((k, prev.text(&a.doc.text).to_ascii_lowercase()))
}

/// Prepositions that put an event before or after the time they introduce ("heading into
/// the holiday", "ahead of Christmas", "since last year"); `None` for the default "within".
fn preposition_before(a: &Analyzed, t: usize) -> Option<RelType> {
    let (k, prev) = word_before(a, t)?;
    // Two words first (`ahead of`), then one.
    let two = (k >= 2).then(|| {
        let w = a.analysis.tokens[k - 2].text(&a.doc.text).to_ascii_lowercase();
        format!("{w} {prev}")
    });
    let rel = two
        .and_then(|w| a.words.order_prepositions.find(&w))
        .or_else(|| a.words.order_prepositions.find(&prev))?;
    rel.parse().ok()
}

/// One end of a range of dates: the time expression and its days.
#[derive(Clone, Copy, Debug)]
struct RangeEnd {
    timex: usize,
    earliest: NaiveDate,
    latest: NaiveDate,
}

/// The range time expression `t` is an end of ("between March 3 and March 6", "from May to
/// June"): the expression opened by `between`/`from` (`EventWords::range_openers`) and the next one,
/// joined to it by a range connector alone (`and`, `to`, `-`). Both must be dated, the end
/// not before the start.
fn range_of(a: &Analyzed, t: usize) -> Option<(RangeEnd, RangeEnd)> {
    let joined = |s: usize| -> Option<(RangeEnd, RangeEnd)> {
        let (_, opener) = word_before(a, s)?;
        let e = s + 1;
        let (x, y) = (&a.timexes[s], a.timexes.get(e)?);
        let te = a.analysis.token_at_or_after(x.span.end);
        let connector = a.analysis.tokens.get(te)?.text(&a.doc.text).to_ascii_lowercase();
        let adjacent = a.analysis.token_at_or_after(y.span.start) == te + 1;
        if !a.words.range_openers.contains(&opener.as_str())
            || !adjacent
            || !a.words.range_connectors.contains(&connector.as_str())
        {
            return None;
        }
        let (r1, r2) = (date_range(&x.value)?, date_range(&y.value)?);
        (r1.earliest <= r2.latest).then_some((
            RangeEnd {
                timex: s,
                earliest: r1.earliest,
                latest: r1.latest,
            },
            RangeEnd {
                timex: e,
                earliest: r2.earliest,
                latest: r2.latest,
            },
        ))
    };
    joined(t).or_else(|| t.checked_sub(1).and_then(joined))
}

/// Whether a TLINK is evidence the timeline can show. The link stage also labels pairs with
/// defaults learned from TimeBank (rules `link/*-model`): useful for TempEval scores, but a
/// guess rather than something the text says, so the timeline leaves them out. Explicit
/// signals, metric phrases, tense against the publication date, and a time expression
/// anchoring the event it governs are kept.
pub fn is_evidence(a: &Analyzed, l: &Tlink) -> bool {
    let r = l.rule;
    match (l.from, l.to) {
        // A time expression and an event: kept when the expression dates that event.
        (Endpoint::Event(e), Endpoint::Timex(t)) | (Endpoint::Timex(t), Endpoint::Event(e)) => {
            // "postponed from Monday to Tuesday": the old and the new day of what is moved,
            // neither the day of the moving.
            if moves_between(a, t, e) {
                return false;
            }
            l.distance.is_some() || governs(a, t, e)
        }
        // Tense says where an event lies against the publication date only for a finite
        // verb; nouns and participles have no tense of their own.
        (Endpoint::Event(e), Endpoint::Dct) | (Endpoint::Dct, Endpoint::Event(e)) if r.starts_with("link/dct-") => {
            let ev = &a.events[e];
            ev.pos == Pos::Verb && matches!(ev.tense, Tense::Past | Tense::Present | Tense::Future)
        }
        _ => r.starts_with("link/metric") || r.starts_with("link/signal"),
    }
}

/// A duration that is a window the event falls in, not its length: "raise rates twice over
/// the next three years", "within 90 days", "in the coming months".
fn duration_window(a: &Analyzed, t: usize) -> bool {
    let k = a.analysis.token_at_or_after(a.timexes[t].span.start);
    k > 0
        && a.words
            .window_prepositions
            .contains(&a.analysis.tokens[k - 1].text(&a.doc.text).to_ascii_lowercase().as_str())
}

/// Does time expression `t` date event `e`? A time expression dates the event it modifies:
/// a noun right after it (`the Christmas movie release`), else the nearest event of its
/// clause — the first verb after a fronted expression (`On Thursday, Earnest told ...`), the
/// nearest event before a trailing one (`attacks on South Korean organizations ... last
/// year`) — never one inside a `that`/`which`/`when` clause or a quotation it does not
/// belong to.
///
/// The dependency parse decides first where it can: a time expression whose governor
/// lies in another clause than the event (a relative, adverbial or complement clause, an
/// infinitive) dates that clause's predicate, not this event — "the ship that first
/// crossed the Arctic in 1926 has died" does not date the death — whatever the word
/// windows below would say.
pub fn governs(a: &Analyzed, t: usize, e: usize) -> bool {
    if aspectual_complement_dated(a, t, e) {
        return true;
    }
    match parse_attachment(a, t, e) {
        Some(false) => false,
        // A fronted expression the parse hangs on the event dates it past any clause in
        // between ("On Friday, when Albright set aside her plans, the State Department
        // lifted a warning"). After the event, the parse's attachment is where it errs most
        // ("referencing attacks on South Korean banks last year"): the windows decide.
        Some(true) if a.timexes[t].span.end <= a.events[e].span.start => true,
        // After a verb event, the parse's attachment to the verb stands when no
        // other event comes between them ("cut 2,000 jobs at its Ohio plant on Monday"); an
        // event noun in between may be what the expression dates ("referencing similar
        // attacks on South Korean banks last year"): the windows decide.
        Some(true)
            if a.events[e].pos == Pos::Verb
                && !head_event_between(a, a.events[e].span.end, a.timexes[t].span.start) =>
        {
            true
        }
        _ => governs_by_window(a, t, e),
    }
}

/// "Crews began repairing the dam on Wednesday": an aspectual verb (`e`) and the happening
/// it begins, its `xcomp`, on which the parse hangs expression `t` after them, take the
/// same day.
fn aspectual_complement_dated(a: &Analyzed, t: usize, e: usize) -> bool {
    let (ev, tx, p) = (&a.events[e], &a.timexes[t], &a.syntax);
    let s = ev.sentence;
    if ev.class != EventClass::Aspectual || ev.pos != Pos::Verb || a.analysis.sentence_at(tx.span.start) != s {
        return false;
    }
    let (Some(w), Some(h)) = (p.word_at(s, ev.span.start), p.span_head(s, tx.span.start, tx.span.end)) else {
        return false;
    };
    let Some(mut g) = p.head(s, h) else { return false };
    let words = &p.sentences[s].words;
    // Up from a noun of the complement's object ("pumping water from the dam on Monday").
    while matches!(words[g].upos.as_str(), "NOUN" | "PROPN")
        && matches!(
            words[g].deprel.split(':').next(),
            Some("nmod" | "obj" | "obl" | "compound")
        )
    {
        match p.head(s, g) {
            Some(x) => g = x,
            None => return false,
        }
    }
    words[g].deprel == "xcomp" && p.head(s, g) == Some(w) && words[g].start < tx.span.start
}

/// Is there an event mention between byte offsets `from` and `to`, not counting an event
/// noun the parse reads as a modifier of another noun ("failed to pass the emissions test
/// on Monday": `emissions` names the test, the expression dates `pass`)?
fn head_event_between(a: &Analyzed, from: usize, to: usize) -> bool {
    let k = a.events.partition_point(|x| x.span.start < from);
    a.events[k..]
        .iter()
        .take_while(|x| x.span.end <= to)
        .any(|x| !noun_modifier_event(a, x))
}

/// Is event `x` a noun the parse reads as a compound modifier of the noun after it?
fn noun_modifier_event(a: &Analyzed, x: &Event) -> bool {
    let p = &a.syntax;
    x.pos == Pos::Noun
        && p.word_at(x.sentence, x.span.start)
            .is_some_and(|w| p.deprel(x.sentence, w) == "compound" && p.head(x.sentence, w).is_some_and(|h| h > w))
}

/// What the parse says of time expression `t` and event `e`: `Some(false)` when the
/// expression's governor is in another clause than the event, `Some(true)` when the
/// expression modifies the event's own word, `None` when the parse says nothing (no
/// parse, different sentences, the expression is the sentence's root).
pub fn parse_attachment(a: &Analyzed, t: usize, e: usize) -> Option<bool> {
    let p = &a.syntax;
    let tx = &a.timexes[t];
    let ev = &a.events[e];
    let s = ev.sentence;
    if a.analysis.sentence_at(tx.span.start) != s {
        return None;
    }
    let h = p.span_head(s, tx.span.start, tx.span.end)?;
    let g = p.head(s, h)?;
    let w = p.word_at(s, ev.span.start)?;
    // "its first quarterly profit since 2001", "the highest level since March": the
    // expression bounds a comparison inside a noun phrase, not the event's time. The
    // parser often hangs the phrase on the verb, so the verb's object counts too.
    let words = &p.sentences[s].words;
    let kids = |n: usize| p.children(s, n).iter().map(|&c| &words[c as usize]);
    let since = kids(h).any(|x| x.deprel == "case" && x.form.eq_ignore_ascii_case(a.words.comparison_since));
    let compared = |n: usize| {
        matches!(words[n].upos.as_str(), "NOUN" | "PROPN")
            && kids(n)
                .any(|x| x.deprel == "amod" && (x.feats.contains("NumType=Ord") || x.feats.contains("Degree=Sup")))
    };
    if since {
        let object = |v: usize| {
            p.children(s, v)
                .iter()
                .any(|&o| words[o as usize].deprel == "obj" && compared(o as usize))
        };
        if compared(g) || (g == w && object(w)) {
            return Some(false);
        }
    }
    // A date written before a noun after a determiner, with no preposition of its own,
    // names that noun's time ("the March 3 agreement", "the 2019 treaty"; not "figures
    // released April 3 by NPD Group"): it dates that noun when it is the event,
    // and no event before it (the approval of a March 3 agreement is not on March 3). A
    // subject's date is left to the windows ("The 1987 crash hurt investors").
    let opened = p
        .word_at(s, tx.span.start)
        .and_then(|f| f.checked_sub(1))
        .is_some_and(|b| matches!(words[b].upos.as_str(), "DET" | "ADJ") || words[b].deprel == "nmod:poss");
    let prenominal = opened
        && words[g].start >= ev.span.start
        && matches!(
            words[h].deprel.as_str(),
            "compound" | "nmod:unmarked" | "amod" | "nummod" | "nmod:poss"
        )
        && matches!(words[g].upos.as_str(), "NOUN" | "PROPN")
        && words[g].start >= tx.span.end
        && !kids(h).any(|x| x.deprel == "case");
    if prenominal {
        return Some(g == w);
    }
    // A date the parse hangs on a name or a thing inside an object ("sold 1,250 acres of
    // farmland to Greenfield Energy on Wednesday": on `Energy`) dates the predicate that
    // noun phrase belongs to: up through nouns that are no event.
    let event_word = |k: usize| {
        let start = words[k].start;
        a.events[a.events.partition_point(|x| x.span.start < start)..]
            .first()
            .is_some_and(|x| x.span.start == start)
    };
    let mut g = g;
    if words[g].start < tx.span.start {
        for _ in 0..words.len() {
            let noun = matches!(words[g].upos.as_str(), "NOUN" | "PROPN");
            let inside = matches!(
                words[g].deprel.split(':').next(),
                Some("nmod" | "obj" | "iobj" | "obl" | "compound" | "flat" | "appos")
            );
            if g == w || event_word(g) || !noun || !inside {
                break;
            }
            match p.head(s, g) {
                Some(x) => g = x,
                None => break,
            }
        }
    }
    if g == w {
        return Some(true);
    }
    // An event noun that only names another noun ("the emissions test") is not what an
    // expression hung elsewhere dates.
    if noun_modifier_event(a, ev) {
        return Some(false);
    }
    // The expression is inside a clause the words mark as subordinate (a relative
    // clause, or a clause with a subordinator or `to`) and the event is outside it. An
    // unmarked boundary is left to the word windows: it is where the parser errs most.
    let c = p.clause_of(s, g);
    if c != p.clause_of(s, w) && p.marked_subordinate(s, c) && !p.dominates(s, c, w) {
        return Some(false);
    }
    None
}

/// [`governs`] by word windows and clause openers (the rules before the parse).
pub fn governs_by_window(a: &Analyzed, t: usize, e: usize) -> bool {
    let text = &a.doc.text;
    let toks = &a.analysis.tokens;
    let tx = &a.timexes[t];
    let ev = &a.events[e];
    let ts = a.analysis.token_at_or_after(tx.span.start);
    let te = a.analysis.token_at_or_after(tx.span.end);
    let es = a.analysis.token_at_or_after(ev.span.start);
    let sent = a.analysis.sentence_at(tx.span.start);
    if a.analysis.sentence_at(ev.span.start) != sent {
        return false;
    }
    let ix = &a.index;
    let tok_of = |x: &Event| a.analysis.token_at_or_after(x.span.start);
    // The events of the sentence (events are in text order): `lo..hi`. The questions below
    // are answered from per-document tables (`DocIndex`): scanning the sentence's events and
    // tokens per question made a long unpunctuated sentence cubic.
    let lo = a.events.partition_point(|x| x.sentence < ev.sentence);
    let hi = a.events.partition_point(|x| x.sentence <= ev.sentence);
    // A noun event right after the expression (`the Christmas movie release`): at most two
    // words between, no punctuation. It takes the expression; nothing else does.
    let determiner_before = ts > 0 && {
        let w = toks[ts - 1].text(text).to_ascii_lowercase();
        a.words.noun_determiners.contains(&w.as_str())
    };
    // Modifier words only: not a clause opener, preposition or article ("by Thursday if the
    // weather holds" does not date the weather).
    let prenominal = |k: usize| {
        k >= te
            && k - te <= 2
            && toks[te..k].iter().all(|x| {
                let w = x.text(text);
                x.kind == TokenKind::Word
                    && !a.words.is_clause_opener(w)
                    && !a.words.is_preposition(w)
                    && !a.words.is_article_or_coordinator(w)
            })
    };
    let modified = |x: &Event| (x.pos == Pos::Noun || determiner_before) && prenominal(tok_of(x));
    // Only an event whose first token is within two tokens after the expression can be.
    if let Some(n) = ix.events_at(lo, hi, te, te + 3).find(|&n| modified(&a.events[n])) {
        return n == e;
    }
    // A length written as an adjective is its noun's ("signed a five-year contract", "a
    // six-month ban"): it dates no verb — taken as the signing's length, it put the signing
    // five years before the publication date.
    if tx.kind == TimexType::Duration && tx.rule == "duration/adjective" {
        return false;
    }
    // Tokens between two positions, not counting a parenthetical aside.
    let outside_parens = |from: usize, to: usize| {
        let mut depth = 0i32;
        toks[from..to]
            .iter()
            .filter(|k| {
                match k.text(text) {
                    "(" | "[" => depth += 1,
                    ")" | "]" => {
                        depth -= 1;
                        return false;
                    }
                    _ => {}
                }
                depth <= 0
            })
            .count()
    };
    let blocked = |from: usize, to: usize| DocIndex::count(&ix.blockers, from, to) > 0;
    // A verb event other than `e` whose first token is in `from..to`.
    let verbs_between = |from: usize, to: usize| {
        let r = ix.events_at(lo, hi, from, to);
        let n = ix.verbs_before[r.end] - ix.verbs_before[r.start];
        n > usize::from(r.contains(&e) && ev.pos == Pos::Verb)
    };
    if es >= te {
        // A fronted expression dates the first verb event after it (`On Thursday, ... told`,
        // `President Bush on Tuesday said`) — if it is fronted: no verb event of its clause
        // before it (`tripled in 2004, doubled in 2005`: 2004 is tripled's), and not an aside
        // between commas (`Jobs, born ... on February 24, 1955, has built`).
        let mut start = a.analysis.sentences.get(sent).map_or(0, |x| x.tokens.start).min(ts);
        let mut after_comma = false;
        // The last clause boundary in `start..ts`.
        if let Some(k) = ts
            .checked_sub(1)
            .map(|k| ix.clause_start[k])
            .filter(|&k| k != usize::MAX && k >= start)
        {
            after_comma = toks[k].text(text) == ",";
            start = k + 1;
        }
        let aside = after_comma && DocIndex::count(&ix.commas, te, es) > 0;
        ev.pos == Pos::Verb && !aside && !verbs_between(start, ts) && !blocked(te, es) && !verbs_between(te, es)
    } else if es < ts {
        // A trailing expression dates the nearest event before it, close by. Its own
        // preposition (`since November`, `until Friday`) does not open a clause; one that says
        // how long (`since`, `until`, `throughout`, `for` + a duration) is the verb's, not a
        // noun object's (`has been investigating the attack since November`).
        let after_event = es + 1;
        let prep = ts.checked_sub(1).map(|k| toks[k].text(text).to_ascii_lowercase());
        let own_prep = prep.as_deref().is_some_and(|p| a.words.own_prepositions.contains(&p));
        let durative = prep
            .as_deref()
            .is_some_and(|p| a.words.durative_prepositions.contains(&p))
            || (prep.as_deref() == Some(a.words.duration_for) && tx.kind == TimexType::Duration);
        let gap_end = if own_prep { ts - 1 } else { ts };
        let nearest = if durative {
            ev.pos == Pos::Verb && !verbs_between(after_event, ts)
        } else {
            // The event right before token `before` in this sentence (the last of those on
            // the same token, as `max_by_key` chose).
            let prev_event = |before: usize| {
                let r = ix.events_at(lo, hi, 0, before);
                (r.end > r.start).then(|| (r.end - 1, &a.events[r.end - 1]))
            };
            // A noun that is the object of the verb event just before it passes the
            // expression on to that verb: `canceled the release of the film on Wednesday`,
            // `discovered the breach in April` — a finite verb (not `said the attack in
            // November ...`, whose noun begins a reported clause, nor a participle: `...,
            // referencing similar attacks last year`).
            // A length written as an adjective counts as one word (`staged a 10-day strike`).
            let object_of = |verb: &Event, noun: &Event| {
                let (from, to) = (tok_of(verb) + 1, tok_of(noun));
                let in_length = |k: usize| a.index.in_length(k);
                verb.pos == Pos::Verb
                    && matches!(verb.tense, Tense::Past | Tense::Present | Tense::Future)
                    && noun.pos == Pos::Noun
                    && !matches!(verb.class, EventClass::Reporting | EventClass::IState)
                    && to >= from
                    && (from..to).filter(|&k| !in_length(k)).count() <= 3
                    && (from..to).zip(&toks[from..to]).all(|(n, k)| {
                        in_length(n)
                            || k.kind == TokenKind::Word
                                && !a.words.is_clause_opener(k.text(text))
                                && !a.words.is_preposition(k.text(text))
                    })
            };
            // "The robbery took place on Oct. 19": the event is the subject of `take place`.
            let takes_place = |x: &Event| {
                x.lemma == a.words.take_place[0]
                    && toks
                        .get(tok_of(x) + 1)
                        .is_some_and(|t| t.text(text).eq_ignore_ascii_case(a.words.take_place[1]))
            };
            // "called an emergency meeting for Monday", "bought tickets for Friday": a date
            // `for` which a noun is set is the noun's, not its verb's.
            let set_for = prep.as_deref() == Some(a.words.duration_for) && tx.kind != TimexType::Duration;
            match prev_event(ts) {
                Some((n, x)) => {
                    let target = match prev_event(tok_of(x)) {
                        Some((v, y)) if object_of(y, x) && !set_for => v,
                        Some((v, y)) if takes_place(x) && y.pos == Pos::Noun && tok_of(x) - tok_of(y) == 1 => v,
                        _ => n,
                    };
                    target == e
                }
                None => false,
            }
        };
        // A long object with no punctuation in it still leaves the expression to the verb
        // ("cut its key interest rate by a quarter of a percentage point on Wednesday") —
        // unless a finite verb the tagger left out stands between ("... people had in the
        // movies over the holiday"). An amount is words too ("signed a $3 billion contract
        // with the Navy on Monday").
        // (`nearest` first: it holds for one event at most, and the scans below are as long
        // as the gap.)
        nearest && !blocked(after_event, gap_end) && {
            let gap = outside_parens(after_event, ts);
            let plain = toks[after_event..gap_end].iter().all(|k| match k.kind {
                TokenKind::Word => !a.words.is_finite_auxiliary(k.text(text)),
                TokenKind::Number => true,
                TokenKind::Punct => CURRENCY_SIGNS.contains(&k.text(text)),
            });
            gap <= MAX_TRAILING_GAP || plain && gap <= MAX_PLAIN_TRAILING_GAP
        }
    } else {
        false
    }
}

/// Signs written before an amount (`$3 billion`): part of a plain object, like its words.
const CURRENCY_SIGNS: &[&str] = &["$", "€", "£", "¥"];

/// How many tokens (outside parentheses) may separate an event from a time expression after it.
const MAX_TRAILING_GAP: usize = 8;
/// The same when every token between is a word (no comma, no quotation, no parenthesis).
const MAX_PLAIN_TRAILING_GAP: usize = 14;

/// Is event `i` in a main clause: no subordinating word between the start of its clause
/// (the sentence start or the last comma) and the trigger?
fn in_main_clause(a: &Analyzed, i: usize) -> bool {
    let e = &a.events[i];
    let parsed = a.syntax.word_at(e.sentence, e.span.start);
    let sent = &a.analysis.sentences[e.sentence.min(a.analysis.sentences.len().saturating_sub(1))];
    let k = a.analysis.token_at_or_after(e.span.start);
    let (from, to) = (sent.tokens.start, k.max(sent.tokens.start));
    // Counted from per-document tables (a scan from the sentence start per event was
    // quadratic in a long sentence).
    if DocIndex::count(&a.index.quotes, from, to) % 2 == 1 {
        return false;
    }
    // No clause opener before the trigger; where there is one, the parse may still show a
    // main clause ("After the meeting, Sony canceled"). The parse only adds: a misparse
    // (a headline read as a noun phrase) does not take an event out.
    DocIndex::count(&a.index.subordinators, from, to) == 0
        || parsed.is_some_and(|w| a.syntax.in_main_clause(e.sentence, w))
}

/// Whether the tense link `rel` of event `e` to the publication date comes from a headline's
/// present simple ("Airbus delivers A380", "Council vote stirs protest") and says the event
/// holds at that date. A headline's present is the historical present of news: it tells
/// the story's news, which has begun by the time it is published, not a state holding at
/// that date (which would contradict the body's "delivered ... on Monday"). The timeline
/// keeps only "begun on or before the publication date" from it. Past, future and vague
/// links, and present tense outside a headline, are read as they are.
fn headline_present(a: &Analyzed, e: Endpoint, rel: RelType) -> bool {
    let Endpoint::Event(i) = e else { return false };
    let Some(ev) = a.events.get(i) else { return false };
    let holding = !matches!(
        rel,
        RelType::Before | RelType::IBefore | RelType::After | RelType::IAfter | RelType::Vague
    );
    let s = ev.sentence;
    holding
        && ev.pos == Pos::Verb
        && ev.tense == Tense::Present
        && ev.aspect == Aspect::None
        && (s == 0 || repeats_earlier_sentence(a, s) || crate::events::label::is_headline(&a.label_doc(), s))
}

/// Does sentence `s` repeat an earlier sentence of the document word for word (a headline
/// printed again as the first paragraph)? Its events are the earlier sentence's events.
fn repeats_earlier_sentence(a: &Analyzed, s: usize) -> bool {
    a.index.repeats.get(s).copied().unwrap_or(false)
}

/// Whether event `i` of document `a` goes on the timeline:
/// 1. dated by the text (a time expression it governs, a metric phrase) — unless its verb is
///    too light to stand alone;
/// 2. told by two or more documents;
/// 3. a completed happening: a past-tense or present-perfect occurrence in a main clause.
///
/// Returns `Some(dated)` for a selected event, `dated` telling whether the text dates it.
/// Negated, modal and other events not worth listing are selected like the others and
/// marked afterwards ([`crate::events::listing`]). `actor_known`: the event's actor is
/// known (an entity timeline's entity takes part in it), so no named actor is needed.
fn selected(a: &Analyzed, i: usize, cluster_docs: usize, actor_known: bool) -> Option<bool> {
    let e = &a.events[i];
    if a.words.never_event_lemmas.contains(&e.lemma.as_str()) || repeats_earlier_sentence(a, e.sentence) {
        return None;
    }
    let light_lemma = a.words.is_light_lemma(&e.lemma) && !complex_predicate(a, i) && !change_of_state(a, i);
    let light = light_lemma && !convenes_event(a, i);
    // A support verb with its event noun ("made an offer") is listed when the text dates it;
    // undated, it is as light as the verb alone ("I think the board made a mistake").
    let support_pair = light_lemma && !light && !a.words.convening_verbs.contains(&e.lemma.as_str());
    let mut anchored = false;
    for l in a.index.evidence_of(i).iter().map(|&k| &a.evidence[k]) {
        let other = match (l.from, l.to) {
            (Endpoint::Event(x), o) if x == i => o,
            (o, Endpoint::Event(x)) if x == i => o,
            _ => continue,
        };
        // Only a calendar date anchors: "now" or "in the past" says nothing the timeline
        // can place.
        let dated = match other {
            Endpoint::Timex(t) => {
                date_range(&a.timexes[t].value).is_some()
                    // A length alone places a finite verb (tense puts it against the
                    // publication date), not an infinitive ("plans to offer credit
                    // monitoring for three years" would be an undated line).
                    || a.timexes[t].kind == TimexType::Duration
                        && !duration_window(a, t)
                        && matches!(e.tense, Tense::Past | Tense::Present | Tense::Future)
            }
            _ => false,
        };
        if l.distance.is_some() || (dated && l.rel != RelType::Vague) {
            anchored = true;
        }
    }
    // "was postponed from Monday to Tuesday": the text names the dates of what is moved, so
    // the moving is a dated happening of the story even where the parse finds no subject.
    anchored = anchored || moves_any(a, i);
    if anchored {
        return (!light || e.class == EventClass::Reporting).then_some(true);
    }
    if light || support_pair {
        return None;
    }
    if cluster_docs >= 2 {
        return Some(false);
    }
    let happened = e.pos == Pos::Verb
        && matches!(
            e.class,
            EventClass::Occurrence | EventClass::Aspectual | EventClass::IAction
        )
        && (e.tense == Tense::Past || (e.tense == Tense::Present && e.aspect == Aspect::Perfective))
        && ((in_main_clause(a, i) || reported_in_main_clause(a, i) && !a.index.evidence_of(i).is_empty())
            && (actor_known || has_named_actor(a, i) || has_noun_subject(a, i))
            || e.aspect != Aspect::Progressive && reported(a, i));
    if happened {
        return Some(false);
    }
    // See: #20 item 2. An undated plan, opinion, habit, generic statement or forecast told
    // by a main clause (or by the infinitive a main clause plans: "plans to open") is kept
    // in the file, marked by its `unlisted` reason, and left out of the default views.
    let main = in_main_clause(a, i) || xcomp_of_main_clause(a, i);
    let aside = (e.pos == Pos::Verb || e.tense == Tense::Infinitive)
        && main
        && matches!(
            crate::events::listing::unlisted(&a.label_doc(), e, false),
            Some(
                tl::Unlisted::Hypothetical
                    | tl::Unlisted::Opinion
                    | tl::Unlisted::Generic
                    | tl::Unlisted::Modal
                    | tl::Unlisted::Negated
            )
        );
    aside.then_some(false)
}

/// Whether event `i` heads a finite complement clause of a verb in a main clause ("He denied
/// that he *resigned*", "Officials said the hackers *entered* the network"): a reported
/// occurrence, worth a place like the main clause's own (#20 item 2) when something places
/// it (the caller asks for a link: tense against the publication date, a time expression).
fn reported_in_main_clause(a: &Analyzed, i: usize) -> bool {
    let e = &a.events[i];
    let s = e.sentence;
    let Some(w) = a.syntax.word_at(s, e.span.start) else {
        return false;
    };
    a.syntax.deprel(s, w) == "ccomp"
        && a.syntax
            .head(s, w)
            .is_some_and(|h| a.syntax.in_main_clause(s, h) && a.syntax.clause_of(s, h) == h)
}

/// See: #20 item 9. Whether link `l` of document `d` ties a headline event told again in a
/// body (`told_in_body`) to the headline's dateline (a date of the publication day): it
/// dates the publication, so the event only begins on or before that day.
fn dateline_link(told_in_body: &BTreeSet<(usize, usize)>, d: usize, a: &Analyzed, l: &Tlink) -> bool {
    let (i, t) = match (l.from, l.to) {
        (Endpoint::Event(i), Endpoint::Timex(t)) | (Endpoint::Timex(t), Endpoint::Event(i)) => (i, t),
        _ => return false,
    };
    told_in_body.contains(&(d, i))
        && a.timexes
            .get(t)
            .and_then(|x| date_range(&x.value))
            .is_some_and(|r| r.earliest == a.doc.dct && r.latest == a.doc.dct)
}

/// See: #20 item 2. Whether event `i` is told by a verb of saying of a main clause before it
/// in its sentence, whose actor is named or a noun, and which is kept aside as the telling
/// ("Police confirmed that a man was arrested": the arrest is the news, listed in its place).
/// The caller asks it of completed happenings only (not "were following the hack").
fn reported(a: &Analyzed, i: usize) -> bool {
    let e = &a.events[i];
    let d = a.label_doc();
    (0..i)
        .rev()
        .take_while(|&r| a.events[r].sentence == e.sentence)
        .any(|r| {
            let x = &a.events[r];
            x.class == EventClass::Reporting
                && x.pos == Pos::Verb
                && in_main_clause(a, r)
                && (has_named_actor(a, r) || has_noun_subject(a, r))
                && crate::events::listing::unlisted(&d, x, false) == Some(tl::Unlisted::Reporting)
        })
}

/// Whether event `i` is an infinitive complement of a word in a main clause ("The company
/// *plans* to *open* a plant": `xcomp`, or `acl` where the parser reads "plans" as a noun).
fn xcomp_of_main_clause(a: &Analyzed, i: usize) -> bool {
    let e = &a.events[i];
    let s = e.sentence;
    let Some(w) = a.syntax.word_at(s, e.span.start) else {
        return false;
    };
    let is_xcomp = e.tense == Tense::Infinitive
        && a.syntax
            .sentences
            .get(s)
            .and_then(|p| p.words.get(w))
            .is_some_and(|x| matches!(x.deprel.as_str(), "xcomp" | "acl"));
    is_xcomp && a.syntax.head(s, w).is_some_and(|h| a.syntax.in_main_clause(s, h))
}
/// Is verb event `i` a light verb that makes one predicate with its object, a bare singular
/// noun ("The hurricane made landfall", "She took office")? Not when the subject is itself
/// an event the pair only situates ("The vote took place": the vote is the event).
fn complex_predicate(a: &Analyzed, i: usize) -> bool {
    let e = &a.events[i];
    if e.pos != Pos::Verb || !a.words.complex_predicate_verbs.contains(&e.lemma.as_str()) {
        return false;
    }
    let p = &a.syntax;
    let s = e.sentence;
    let (Some(sent), Some(w)) = (p.sentences.get(s), p.word_at(s, e.span.start)) else {
        return false;
    };
    let words = &sent.words;
    let kids = |h: usize| p.children(s, h).iter().map(|&c| c as usize);
    let event_at = |k: usize| {
        a.events
            .iter()
            .any(|x| x.sentence == s && x.span.start == words[k].start)
    };
    let bare_object = kids(w).any(|o| {
        words[o].deprel == "obj"
            && words[o].upos == "NOUN"
            && o == w + 1
            && !words[o].feats.split('|').any(|f| f == "Number=Plur")
            && kids(o).all(|d| !matches!(words[d].deprel.as_str(), "det" | "nmod:poss" | "nummod" | "amod"))
    });
    let event_subject = subject_of(a, i).is_some_and(event_at);
    bare_object && !event_subject
}

/// Whether event `i` is a convening verb whose direct object is an event ("the union called a
/// strike", "called an election", "called a snap election": `EventWords::convened_nouns`
/// count though the event counts miss them), or a support verb whose direct object is an
/// event noun ("Vexa made an offer", "the mayor gave a speech": `EventWords::support_verbs`):
/// the pair is an event though the verb alone is light. "called for a strike" (an oblique)
/// and "called the plan a mistake" (no event) are not.
fn convenes_event(a: &Analyzed, i: usize) -> bool {
    let e = &a.events[i];
    let lemma = e.lemma.as_str();
    let convening = a.words.convening_verbs.contains(&lemma);
    if e.pos != Pos::Verb || !(convening || a.words.support_verbs.contains(&lemma)) {
        return false;
    }
    let s = e.sentence;
    let (Some(sent), Some(w)) = (a.syntax.sentences.get(s), a.syntax.word_at(s, e.span.start)) else {
        return false;
    };
    let words = &sent.words;
    let kids = || a.syntax.children(s, w).iter().map(|&c| c as usize);
    let event_at = |k: usize| {
        a.events
            .iter()
            .any(|x| x.sentence == s && x.span.start == words[k].start)
    };
    let objects = kids().filter(|&o| words[o].deprel == "obj").count();
    // "called the election a farce": the parser may hang the second object on the first.
    let predicated = |o: usize| {
        a.syntax.children(s, o).iter().map(|&c| c as usize).any(|c| {
            c > o
                && matches!(words[c].deprel.as_str(), "nmod:unmarked" | "xcomp" | "obj")
                && matches!(words[c].upos.as_str(), "NOUN" | "ADJ")
        })
    };
    let second_object = kids()
        .any(|o| matches!(words[o].deprel.as_str(), "xcomp" | "iobj") || words[o].deprel == "obj" && predicated(o));
    let convened = |k: usize| convening && a.words.convened_nouns.contains(&words[k].lemma.to_lowercase().as_str());
    // A support verb's plural object is too light a pair ("made changes"); one event noun
    // is not ("made an offer").
    let one = |o: usize| convening || !words[o].feats.split('|').any(|f| f == "Number=Plur");
    objects == 1
        && !second_object
        && kids().any(|o| words[o].deprel == "obj" && words[o].upos == "NOUN" && one(o) && (event_at(o) || convened(o)))
}

/// The subject the parse gives event `i`'s word (an `nsubj` or `nsubj:pass` dependent): its
/// index among the words of the event's sentence.
fn subject_of(a: &Analyzed, i: usize) -> Option<usize> {
    let e = &a.events[i];
    let s = e.sentence;
    let (w, p) = (a.syntax.word_at(s, e.span.start)?, a.syntax.sentences.get(s)?);
    a.syntax
        .children(s, w)
        .iter()
        .map(|&c| c as usize)
        .find(|&c| p.words[c].deprel.starts_with("nsubj"))
}

/// Is verb event `i` a change of state told by a copular verb with a predicative complement
/// ("She became chief executive in 2019", "became the largest bank")? Not an impersonal
/// statement with a clause ("It became clear that ..."), and it needs a subject.
fn change_of_state(a: &Analyzed, i: usize) -> bool {
    let e = &a.events[i];
    if e.pos != Pos::Verb || !a.words.change_of_state_verbs.contains(&e.lemma.as_str()) || subject_of(a, i).is_none() {
        return false;
    }
    let s = e.sentence;
    let (Some(sent), Some(w)) = (a.syntax.sentences.get(s), a.syntax.word_at(s, e.span.start)) else {
        return false;
    };
    let kids = || a.syntax.children(s, w).iter().map(|&c| &sent.words[c as usize]);
    let complement = kids()
        .any(|c| matches!(c.deprel.as_str(), "xcomp" | "obj") && matches!(c.upos.as_str(), "NOUN" | "PROPN" | "ADJ"));
    let clause = kids().any(|c| matches!(c.deprel.split(':').next(), Some("ccomp" | "csubj")));
    complement && !clause
}

/// How much an event matters to a reader, 0–100: told by more documents (up to 30 points for
/// four or more), told in a story's lead (the headline or the first three sentences: 25),
/// in a main clause (20), a happening rather than a state or a telling (15), dated by the
/// text itself rather than by tense (10). Written into the YAML as `salience`; `build --top N`
/// keeps the N highest.
fn salience(cx: &Ctx, docs: &[Analyzed], cl: &Cluster) -> u8 {
    let docs_n = cl.documents();
    let (mut lead, mut main, mut dated) = (false, false, false);
    for s in &cl.sources {
        let Some(d) = cx.doc_index(&s.doc) else { continue };
        let a = &docs[d];
        let e = &a.events[s.event];
        lead |= e.sentence <= 3;
        main |= in_main_clause(a, s.event);
        dated |= text_dated(a, s.event);
    }
    let happening = matches!(
        cl.class,
        EventClass::Occurrence | EventClass::Aspectual | EventClass::IAction | EventClass::Perception
    );
    let more = (docs_n.saturating_sub(1).min(3) * 10) as u8;
    more + 25 * u8::from(lead) + 20 * u8::from(main) + 15 * u8::from(happening) + 10 * u8::from(dated)
}

/// Whether event `i` is dated by the text: linked to a calendar date or placed by a metric
/// phrase.
fn text_dated(a: &Analyzed, i: usize) -> bool {
    a.index.evidence_of(i).iter().map(|&k| &a.evidence[k]).any(|l| {
        l.distance.is_some()
            || l.rel != RelType::Vague
                && matches!((l.from, l.to), (Endpoint::Timex(t), _) | (_, Endpoint::Timex(t)) if date_range(&a.timexes[t].value).is_some())
    })
}

/// A subject the parse gives the trigger that is a noun or a third-person personal pronoun,
/// in a written (not spoken) document: "Police arrested the man", "The city sold farmland",
/// "He resigned" are news about a party as much as a named one; a first- or second-person
/// subject ("I stood up", "we talked") is a speaker's aside, and `it` is often no party.
fn has_noun_subject(a: &Analyzed, i: usize) -> bool {
    if a.doc
        .kind
        .as_deref()
        .is_some_and(|k| manifest::SPOKEN_KINDS.contains(&k))
    {
        return false;
    }
    let s = a.events[i].sentence;
    let (Some(c), Some(p)) = (subject_of(a, i), a.syntax.sentences.get(s)) else {
        return false;
    };
    let c = &p.words[c];
    let feat = |f: &str| c.feats.split('|').any(|x| x == f);
    c.deprel == "nsubj"
        && (matches!(c.upos.as_str(), "NOUN" | "PROPN")
            || c.upos == "PRON" && feat("PronType=Prs") && feat("Person=3") && !feat("Gender=Neut"))
}

/// A named actor in the event's clause before the trigger ("Sony Pictures has scrapped",
/// "the FBI said"): news about a named party, not a speaker's aside ("I stood up", "this
/// transcript has been generated").
fn has_named_actor(a: &Analyzed, i: usize) -> bool {
    let text = &a.doc.text;
    let e = &a.events[i];
    let sent = &a.analysis.sentences[e.sentence.min(a.analysis.sentences.len().saturating_sub(1))];
    let k = a.analysis.token_at_or_after(e.span.start);
    let toks = &a.analysis.tokens;
    let mut j = k;
    while j > sent.tokens.start {
        if matches!(toks[j - 1].text(text), "," | ";" | ":") {
            break;
        }
        j -= 1;
    }
    let capital = |t: &crate::text::Token| capitalised(t, text);
    (j..k).any(|n| {
        let t = &toks[n];
        let w = t.text(text);
        // A capitalised first word of a sentence is a name only when another follows it.
        let sentence_initial = n == sent.tokens.start && !toks.get(n + 1).is_some_and(capital);
        // A name after a preposition is not the subject ("sent to Congress and approved",
        // "need to do to Harden and strengthened").
        let after_preposition = n > sent.tokens.start
            && a.words
                .name_prepositions
                .contains(&toks[n - 1].text(text).to_ascii_lowercase().as_str());
        capital(t)
            && !a.words.sentence_openers.contains(&w)
            && !sentence_initial
            && !after_preposition
            && !a.index.in_timex(n)
    })
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        crate::format::timeline::EVENT_SLUG_FALLBACK.to_string()
    } else {
        out
    }
}

fn precision_of_width(days: i64) -> Precision {
    match days {
        0 => Precision::Day,
        1..=6 => Precision::Week,
        7..=30 => Precision::Month,
        31..=91 => Precision::Quarter,
        92..=365 => Precision::Year,
        366..=3652 => Precision::Decade,
        _ => Precision::Century,
    }
}

/// A relation being collected: its distance and every place it is stated.
type RelationEntry = (Option<(i64, i64)>, Vec<tl::Evidence>);

/// Evidence that is the document's publication date itself ("published 2014-12-18").
fn document_evidence(a: &Analyzed, what: &str, rule: &str) -> graph::Evidence {
    graph::Evidence {
        doc: Some(a.doc.id.clone()),
        span: None,
        text: format!("{what} {}", a.doc.dct),
        rule: rule.to_string(),
    }
}

/// The most characters of an event's sentence its `description` gives; a longer sentence
/// (an unpunctuated transcript is one sentence) is cut at a word and ends with ` …`. Normal
/// sentences are far shorter, so their descriptions are unchanged; an uncut description of a
/// one-sentence document repeated the whole document for every event, which made the
/// timeline quadratic in the document's size.
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;

/// [`squash`], cut to [`MAX_DESCRIPTION_CHARS`] (reading no more of `s` than it keeps).
fn describe(s: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for w in s.split_whitespace() {
        let n = w.chars().count() + usize::from(chars > 0);
        if chars + n > MAX_DESCRIPTION_CHARS {
            out.push_str(if chars > 0 { " …" } else { "…" });
            break;
        }
        if chars > 0 {
            out.push(' ');
        }
        out.push_str(w);
        chars += n;
    }
    out
}

/// Keys of graph nodes.
fn dct_key(doc: &str) -> String {
    format!("{doc}/dct")
}
fn timex_key(doc: &str, i: usize) -> String {
    format!("{doc}/t{}", i + 1)
}
fn event_key(doc: &str, i: usize) -> String {
    format!("{doc}/e{}", i + 1)
}

struct Ctx<'a, 'b> {
    docs: &'b [Analyzed<'a>],
    /// Document id → index of the first document with it.
    by_id: std::collections::HashMap<&'b str, usize>,
}

impl<'a, 'b> Ctx<'a, 'b> {
    fn new(docs: &'b [Analyzed<'a>]) -> Ctx<'a, 'b> {
        let mut by_id = std::collections::HashMap::new();
        for (d, a) in docs.iter().enumerate() {
            by_id.entry(a.doc.id.as_str()).or_insert(d);
        }
        Ctx { docs, by_id }
    }
    fn doc_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }
    /// Timeline evidence (character offsets) from a byte span in document `d`.
    fn evidence(&self, d: usize, span: Span, rule: &str) -> tl::Evidence {
        let a = &self.docs[d];
        tl::Evidence {
            document: Some(a.doc.id.clone()),
            start: Some(a.lines.char_offset(span.start)),
            end: Some(a.lines.char_offset(span.end)),
            text: squash(span.slice(&a.doc.text)),
            rule: Some(rule.to_string()),
        }
    }
    fn graph_evidence(&self, d: usize, span: Span, rule: &str) -> graph::Evidence {
        let a = &self.docs[d];
        graph::Evidence {
            doc: Some(a.doc.id.clone()),
            span: Some((span.start, span.end)),
            text: squash(span.slice(&a.doc.text)),
            rule: rule.to_string(),
        }
    }
    fn convert_graph_evidence(&self, ev: &graph::Evidence) -> tl::Evidence {
        if let (Some(doc), Some((s, e))) = (&ev.doc, ev.span) {
            if let Some(d) = self.doc_index(doc) {
                let mut out = self.evidence(d, Span::new(s, e), &ev.rule);
                if !ev.text.is_empty() {
                    out.text = ev.text.clone();
                }
                return out;
            }
        }
        tl::Evidence {
            document: ev.doc.clone(),
            start: None,
            end: None,
            text: ev.text.clone(),
            rule: if ev.rule.is_empty() {
                None
            } else {
                Some(ev.rule.clone())
            },
        }
    }
}

/// Put the analysed documents together: merge, graph, timeline.
pub fn assemble(docs: &[Analyzed], opts: &Options) -> Timeline {
    let cx = Ctx::new(docs);
    // 1. Merge events across documents.
    let doc_events: Vec<DocEvents> = docs
        .iter()
        .map(|a| DocEvents {
            syntax: Some(&a.syntax),
            doc: a.doc.id.clone(),
            dct: a.doc.dct,
            text: &a.doc.text,
            analysis: &a.analysis,
            events: &a.events,
            times: a
                .timexes
                .iter()
                .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
                .map(|t| TimeMention {
                    span: t.span,
                    value: t.value.clone(),
                })
                .collect(),
            event_times: Some(linked_times(a)),
        })
        .collect();
    // One vocabulary compares the lemmas of every document: the first document's with events
    // (the documents of a build share their language, and a document without events adds none).
    let words = docs
        .iter()
        .find(|a| !a.events.is_empty())
        .map_or(EventWords::none(), |a| a.words);
    let clusters: Vec<Cluster> = merge::merge_in(words, &doc_events);
    let mut cluster_of: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (c, cl) in clusters.iter().enumerate() {
        for s in &cl.sources {
            if let Some(d) = cx.doc_index(&s.doc) {
                cluster_of.insert((d, s.event), c);
            }
        }
    }

    // 2. Choose the timeline's events and give them stable ids (by first mention). An
    //    entity timeline keeps the events the entity takes part in; the entity is then the
    //    event's known actor.
    let involved: Option<Vec<BTreeSet<usize>>> = opts.about.as_ref().map(|ent| {
        let person = ent.person_like(docs);
        docs.iter()
            .map(|a| crate::focus::involved_events(a, &ent.mentions_with(a, person)))
            .collect()
    });
    let mut chosen: Vec<usize> = Vec::new();
    // Per chosen cluster: why it is not listed (`None`: listed). A cluster is listed when
    // one of its selected sources is worth listing.
    let mut unlisted: BTreeMap<usize, Option<tl::Unlisted>> = BTreeMap::new();
    for (c, cl) in clusters.iter().enumerate() {
        let docs_n = cl.documents();
        if docs_n < opts.min_sources {
            continue;
        }
        let mut why: Option<Option<tl::Unlisted>> = None;
        for s in &cl.sources {
            let Some(d) = cx.doc_index(&s.doc) else { continue };
            let about = involved.as_ref().map(|v| v[d].contains(&s.event));
            if about == Some(false) {
                continue;
            }
            if let Some(dated) = selected(&docs[d], s.event, docs_n, about.is_some()) {
                let r = crate::events::listing::unlisted(&docs[d].label_doc(), &docs[d].events[s.event], dated);
                why = Some(match why {
                    None => r,
                    Some(prev) => prev.and(r).map(|p| p.min(r.unwrap_or(p))),
                });
            }
        }
        if let Some(why) = why {
            chosen.push(c);
            unlisted.insert(c, why);
        }
    }
    let saliences: BTreeMap<usize, u8> = chosen.iter().map(|&c| (c, salience(&cx, docs, &clusters[c]))).collect();
    if let Some(n) = opts.top.filter(|&n| n < chosen.len()) {
        // See: #20 item 7. Listed events before those kept aside, labels that read as
        // headlines before fragments ("Begin", "Be released"), then the most salient.
        let mut by: Vec<usize> = chosen.clone();
        let rank: BTreeMap<usize, (bool, bool)> = chosen
            .iter()
            .map(|&c| {
                let aside = unlisted.get(&c).copied().flatten().is_some();
                (c, (aside, !reads_as_headline(&cx, docs, &clusters[c])))
            })
            .collect();
        by.sort_by_key(|c| (rank[c], std::cmp::Reverse(saliences[c]), *c));
        let keep: BTreeSet<usize> = by[..n].iter().copied().collect();
        chosen.retain(|c| keep.contains(c));
    }
    let mut ids: BTreeMap<usize, String> = BTreeMap::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    for &c in &chosen {
        let base = slug(&clusters[c].lemma);
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        ids.insert(c, id);
    }

    // 3. The graph: DCTs, dated times, every event (chosen or not, so that chains through
    //    unchosen events still constrain), and every TLINK.
    let mut g = Graph::new();
    let mut dct_nodes = Vec::new();
    let mut timex_nodes: Vec<Vec<Option<NodeId>>> = Vec::new();
    let mut event_nodes: BTreeMap<usize, NodeId> = BTreeMap::new();
    for (d, a) in docs.iter().enumerate() {
        let n = g.add_interval(dct_key(&a.doc.id), (d, 0));
        g.pin(
            n,
            a.doc.dct,
            a.doc.dct,
            document_evidence(a, manifest::PUBLISHED, "document/dct"),
        );
        dct_nodes.push(n);
        let mut tn = Vec::new();
        for (i, t) in a.timexes.iter().enumerate() {
            let ev = cx.graph_evidence(d, t.span, t.rule);
            let node = match (t.kind, date_range(&t.value), t.value.as_str()) {
                (TimexType::Date | TimexType::Time, Some(r), _) => {
                    let n = g.add_interval(timex_key(&a.doc.id, i), (d, t.span.start));
                    g.pin(n, r.earliest, r.latest, ev);
                    Some(n)
                }
                (_, _, "PRESENT_REF") => {
                    let n = g.add_interval(timex_key(&a.doc.id, i), (d, t.span.start));
                    g.relate(n, dct_nodes[d], RelType::Includes, None, ev);
                    Some(n)
                }
                (_, _, "PAST_REF") => {
                    let n = g.add_interval(timex_key(&a.doc.id, i), (d, t.span.start));
                    g.bound(n, None, Some(a.doc.dct), ev);
                    Some(n)
                }
                (_, _, "FUTURE_REF") => {
                    let n = g.add_interval(timex_key(&a.doc.id, i), (d, t.span.start));
                    g.bound(n, Some(a.doc.dct), None, ev);
                    Some(n)
                }
                _ => None,
            };
            tn.push(node);
        }
        timex_nodes.push(tn);
    }
    let mut cluster_nodes: BTreeMap<usize, NodeId> = BTreeMap::new();
    for (c, cl) in clusters.iter().enumerate() {
        let first = &cl.sources[0];
        let d = cx.doc_index(&first.doc).unwrap_or(0);
        let key = ids
            .get(&c)
            .cloned()
            .unwrap_or_else(|| event_key(&first.doc, first.event));
        let n = g.add_interval(key, (d, first.span.start));
        cluster_nodes.insert(c, n);
        for s in &cl.sources {
            if let Some(sd) = cx.doc_index(&s.doc) {
                event_nodes.insert(sd * 1_000_000 + s.event, n);
            }
        }
    }
    // See: #20 item 9. A headline event merged with a telling in a body: the headline's
    // dateline dates the publication, not the event (the headline's historical present),
    // so a link from it to its publication day says only "begun on or before" it.
    let mut told_in_body: BTreeSet<(usize, usize)> = BTreeSet::new();
    for cl in clusters.iter() {
        let in_headline =
            |s: &merge::Source| s.sentence == 0 && crate::events::label::reads_as_headline(&s.sentence_text);
        if cl.sources.iter().any(|s| !in_headline(s)) {
            for s in cl.sources.iter().filter(|s| in_headline(s)) {
                if let Some(sd) = cx.doc_index(&s.doc) {
                    told_in_body.insert((sd, s.event));
                }
            }
        }
    }
    let node_of = |d: usize, e: Endpoint, _g: &mut Graph| -> Option<NodeId> {
        match e {
            Endpoint::Dct => Some(dct_nodes[d]),
            Endpoint::Event(i) => event_nodes.get(&(d * 1_000_000 + i)).copied(),
            // Durations and sets are not points in time: their links say nothing the graph
            // can use (a metric phrase carries its own distance).
            Endpoint::Timex(i) => timex_nodes[d].get(i).copied().flatten(),
        }
    };
    for (d, a) in docs.iter().enumerate() {
        for l in a.evidence.iter() {
            let ev = cx.graph_evidence(d, l.evidence, l.rule);
            // Tense against the publication date is read at day granularity: past tense
            // means on or before the publication day ("On Thursday, Earnest told ..." on a
            // Thursday DCT), present tense means holding at it.
            // A metric phrase against the publication date ("A month after ...", "in the
            // last 24 hours") bounds the event's start: distance = start(to) − start(from).
            if let ((Endpoint::Event(_), Endpoint::Dct) | (Endpoint::Dct, Endpoint::Event(_)), Some((lo, hi))) =
                ((l.from, l.to), l.distance)
            {
                let (e, lo, hi) = if matches!(l.to, Endpoint::Dct) {
                    (l.from, -hi, -lo)
                } else {
                    (l.to, lo, hi)
                };
                let Some(n) = node_of(d, e, &mut g) else { continue };
                let day = |k: i64| a.doc.dct.checked_add_signed(chrono::Duration::days(k));
                g.bound_side(n, graph::Side::Start, day(lo), day(hi), ev);
                continue;
            }
            let tense_vs_dct = match (l.from, l.to, l.distance) {
                (Endpoint::Event(_), Endpoint::Dct, None) => Some((l.from, l.rel)),
                (Endpoint::Dct, Endpoint::Event(_), None) => Some((l.to, l.rel.inverse())),
                _ => None,
            };
            if let Some((e, rel)) = tense_vs_dct {
                let Some(n) = node_of(d, e, &mut g) else { continue };
                let dct = a.doc.dct;
                if headline_present(a, e, rel) {
                    g.bound_side(n, graph::Side::Start, None, Some(dct), ev);
                    continue;
                }
                match rel {
                    RelType::Before | RelType::IBefore => g.bound(n, None, Some(dct), ev),
                    RelType::After | RelType::IAfter => g.bound(n, Some(dct), None, ev),
                    RelType::Vague => {}
                    _ => {
                        g.bound_side(n, graph::Side::Start, None, Some(dct), ev.clone());
                        g.bound_side(n, graph::Side::End, Some(dct), None, ev);
                    }
                }
                continue;
            }
            // "languishing for several years", "talks lasted three days": a duration the
            // event lasts (when the value gives a number).
            if let (Endpoint::Event(_), Endpoint::Timex(t)) | (Endpoint::Timex(t), Endpoint::Event(_)) = (l.from, l.to)
            {
                let tx = &a.timexes[t];
                if tx.kind == TimexType::Duration && l.distance.is_none() {
                    let e = if matches!(l.from, Endpoint::Event(_)) {
                        l.from
                    } else {
                        l.to
                    };
                    // "jailed for six years": the term is the state's, not the jailing's.
                    let result_state = match e {
                        Endpoint::Event(i) => a.words.result_state_verbs.contains(&a.events[i].lemma.as_str()),
                        _ => false,
                    };
                    let lasts = !duration_window(a, t)
                        && !result_state
                        && matches!(
                            l.rel,
                            RelType::During | RelType::DuringInv | RelType::Simultaneous | RelType::Identity
                        );
                    if let (true, Some(n), Some((min, max))) = (
                        lasts,
                        node_of(d, e, &mut g),
                        tempograph_core::value::duration_days(&tx.value),
                    ) {
                        g.duration(n, min, max, ev);
                    }
                    continue;
                }
            }
            // "since November", "until Christmas": the event begins (ends) some day within
            // the expression's days, not on its first (last) day as BEGUN_BY (ENDED_BY) with
            // the whole month would say.
            let event_time = match (l.from, l.to) {
                (Endpoint::Event(_), Endpoint::Timex(t)) => Some((l.from, t, l.rel)),
                (Endpoint::Timex(t), Endpoint::Event(_)) => Some((l.to, t, l.rel.inverse())),
                _ => None,
            };
            if let Some((e, _, _)) = event_time.filter(|_| dateline_link(&told_in_body, d, a, l)) {
                if let Some(n) = node_of(d, e, &mut g) {
                    g.bound_side(n, graph::Side::Start, None, Some(a.doc.dct), ev);
                }
                continue;
            }
            // "between March 3 and March 6": within the range, from the first day of its
            // start to the last day of its end, not on the start alone.
            if let Some((e, t, RelType::IsIncluded | RelType::During)) = event_time {
                if let (Some((r1, r2)), Some(n)) = (range_of(a, t), node_of(d, e, &mut g)) {
                    g.bound(n, Some(r1.earliest), Some(r2.latest), ev);
                    continue;
                }
            }
            // "by Jan. 15": done on or before the deadline's last day.
            if let (Some((e, t, _)), BY_RULE) = (event_time, l.rule) {
                if let (Some(n), Some(r)) = (node_of(d, e, &mut g), date_range(&a.timexes[t].value)) {
                    g.bound(n, None, Some(r.latest), ev);
                    continue;
                }
            }
            if let Some((e, t, rel @ (RelType::BegunBy | RelType::EndedBy))) = event_time {
                if let (Some(n), Some(r)) = (node_of(d, e, &mut g), date_range(&a.timexes[t].value)) {
                    let side = if rel == RelType::BegunBy {
                        graph::Side::Start
                    } else {
                        graph::Side::End
                    };
                    g.bound_side(n, side, Some(r.earliest), Some(r.latest), ev);
                    continue;
                }
            }
            let (Some(x), Some(y)) = (node_of(d, l.from, &mut g), node_of(d, l.to, &mut g)) else {
                continue;
            };
            if x == y {
                continue;
            }
            g.relate(x, y, l.rel, l.distance, ev);
        }
    }
    // A transcript records a conversation held on its publication date: that conversation
    // is itself an event of the timeline.
    let mut tellings: Vec<(usize, NodeId, String)> = Vec::new();
    // An entity timeline or a selection of events lists the events only.
    let with_tellings = opts.about.is_none() && opts.top.is_none() && opts.min_sources <= 1;
    for (d, a) in docs.iter().enumerate().filter(|_| with_tellings) {
        if let Some(kind) = a.doc.kind.as_deref().filter(|k| manifest::SPOKEN_KINDS.contains(k)) {
            let mut id = slug(&format!("{kind} {}", a.doc.title.as_deref().unwrap_or(&a.doc.id)));
            id = id.split('-').take(4).collect::<Vec<_>>().join("-");
            while used.contains(&id) {
                id.push_str("-2");
            }
            used.insert(id.clone());
            let n = g.add_interval(id.clone(), (d, 0));
            let what = format!("{kind} published");
            g.pin(n, a.doc.dct, a.doc.dct, document_evidence(a, &what, "document/telling"));
            tellings.push((d, n, id));
        }
    }
    let solved = g.solve();

    // 4. The timeline.
    let mut timeline = Timeline {
        title: opts.title.clone(),
        ..Timeline::default()
    };
    for a in docs {
        timeline.documents.push(tl::Document {
            id: a.doc.id.clone(),
            title: a.doc.title.clone(),
            kind: a.doc.kind.clone(),
            path: Some(relative_path(&a.doc.path, opts.base.as_deref())),
            published: a.doc.dct,
            dct_source: Some(match &a.doc.dct_source {
                crate::document::DctSource::Manifest { manifest } => crate::document::DctSource::Manifest {
                    manifest: relative_path(manifest, opts.base.as_deref()).into(),
                },
                other => other.clone(),
            }),
        });
    }
    timeline.documents.sort_by(|x, y| x.id.cmp(&y.id));

    // Times: every DCT and every temporal expression.
    for (d, a) in docs.iter().enumerate() {
        timeline.times.push(tl::Time {
            id: dct_key(&a.doc.id),
            kind: "DATE".into(),
            value: a.doc.dct.to_string(),
            modifier: None,
            earliest: Some(a.doc.dct),
            latest: Some(a.doc.dct),
            precision: Some(Precision::Day),
            source: None,
            derivation: Some(tl::Derivation {
                rule: Some("document/dct".into()),
                anchor: None,
                text: format!("publication date of {}", a.doc.id),
            }),
        });
        for (i, t) in a.timexes.iter().enumerate() {
            let r = date_range(&t.value);
            let sentence = a.analysis.sentence_at(t.span.start) + 1;
            timeline.times.push(tl::Time {
                id: timex_key(&a.doc.id, i),
                kind: t.kind.as_str().to_string(),
                value: t.value.clone(),
                modifier: t.modifier.clone(),
                earliest: r.map(|r| r.earliest),
                latest: r.map(|r| r.latest),
                precision: r.map(|r| r.precision),
                source: Some(tl::Mention {
                    document: a.doc.id.clone(),
                    start: a.lines.char_offset(t.span.start),
                    end: a.lines.char_offset(t.span.end),
                    sentence: Some(sentence),
                    text: t.text.clone(),
                }),
                derivation: Some(timex_derivation(&a.timexes, i, &a.doc.id)),
            });
            if let Some(clash) = t.weekday_clash {
                let id = timex_key(&a.doc.id, i);
                let evidence = tl::Evidence {
                    document: Some(a.doc.id.clone()),
                    start: Some(a.lines.char_offset(t.span.start)),
                    end: Some(a.lines.char_offset(t.span.end)),
                    text: t.text.clone(),
                    rule: Some(t.rule.to_string()),
                };
                timeline.conflicts.push(weekday_conflict(&id, clash, evidence));
            }
            let _ = d;
        }
    }

    // Events in the graph's order.
    let position: BTreeMap<NodeId, usize> = solved.order.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut ordered: Vec<Item> = chosen
        .iter()
        .map(|&c| Item::Cluster(c))
        .chain((0..tellings.len()).map(Item::Telling))
        .collect();
    ordered.sort_by_key(|it| {
        let n = match *it {
            Item::Cluster(c) => cluster_nodes[&c],
            Item::Telling(k) => tellings[k].1,
        };
        position.get(&n).copied().unwrap_or(usize::MAX)
    });
    for it in ordered {
        let c = match it {
            Item::Cluster(c) => c,
            Item::Telling(k) => {
                timeline
                    .events
                    .push(telling_event(&docs[tellings[k].0], &tellings[k].2));
                continue;
            }
        };
        let cl = &clusters[c];
        let id = ids[&c].clone();
        let b = solved.bounds(cluster_nodes[&c]);
        let date = event_date(&cx, cl, &cluster_of, &ids, c, b)
            .or_else(|| planned_date(&cx, cl, unlisted.get(&c).copied().flatten()));
        let first = label_source(&cx, docs, cl);
        let d0 = cx.doc_index(&first.doc).unwrap_or(0);
        let e0 = &docs[d0].events[first.event];
        let mut sources = Vec::new();
        for s in &cl.sources {
            let Some(d) = cx.doc_index(&s.doc) else { continue };
            let a = &docs[d];
            let e = &a.events[s.event];
            if repeats_earlier_sentence(a, e.sentence) {
                continue;
            }
            sources.push(tl::Source {
                document: s.doc.clone(),
                start: a.lines.char_offset(e.span.start),
                end: a.lines.char_offset(e.span.end),
                sentence: Some(e.sentence + 1),
                trigger: e.text.clone(),
                tense: Some(e.tense.as_str().to_string()),
                aspect: Some(e.aspect.as_str().to_string()),
                polarity: (e.polarity == Polarity::Neg).then(|| "NEG".to_string()),
                modality: e.modality.clone(),
            });
        }
        sources.sort_by(|x, y| (x.document.as_str(), x.start).cmp(&(y.document.as_str(), y.start)));
        let sent = describe(&first.sentence_text);
        timeline.events.push(tl::Event {
            id,
            label: crate::events::label::label(&docs[d0].label_doc(), e0),
            class: Some(cl.class.as_str().to_string()),
            salience: saliences.get(&c).copied(),
            unlisted: unlisted.get(&c).copied().flatten(),
            description: Some(sent),
            date,
            sources,
            before: Vec::new(),
            after: Vec::new(),
        });
    }

    // See: #20 item 4. Sources that tell one event on different days: the two events, each
    // dated by its own source, linked by a known conflict that quotes both texts.
    for &c in &chosen {
        for k in &clusters[c].contradicted_by {
            let (Some(a), Some(b)) = (ids.get(&c), ids.get(&k.cluster)) else {
                continue;
            };
            let (x, y) = (&clusters[c].sources[k.source], &clusters[k.cluster].sources[k.other]);
            if let Some(conflict) = sources_conflict(&cx, docs, (a, x), (b, y)) {
                timeline.conflicts.push(conflict);
            }
        }
    }

    // Relations whose ends are both on the timeline (events or times), deduplicated.
    let mut rels: BTreeMap<(String, String, RelType), RelationEntry> = BTreeMap::new();
    for (d, a) in docs.iter().enumerate() {
        let out_id = |e: Endpoint| -> Option<String> {
            match e {
                Endpoint::Dct => Some(dct_key(&a.doc.id)),
                Endpoint::Timex(i) => Some(timex_key(&a.doc.id, i)),
                Endpoint::Event(i) => cluster_of.get(&(d, i)).and_then(|c| ids.get(c)).cloned(),
            }
        };
        for l in a.evidence.iter() {
            let (Some(x), Some(y)) = (out_id(l.from), out_id(l.to)) else {
                continue;
            };
            let is_event = |e: Endpoint| matches!(e, Endpoint::Event(_));
            // Links to the publication date are folded into the events' dates (at day
            // granularity, see the graph step) and explained by their derivations.
            let to_dct = matches!(l.from, Endpoint::Dct) || matches!(l.to, Endpoint::Dct);
            // So is a deadline ("by Jan. 15"), which no TimeML relation says.
            if x == y || to_dct || l.rule == BY_RULE || !(is_event(l.from) || is_event(l.to)) || l.rel == RelType::Vague
            {
                continue;
            }
            // Nor is a headline's dateline (see `told_in_body`).
            if dateline_link(&told_in_body, d, a, l) {
                continue;
            }
            let entry = rels.entry((x, y, l.rel)).or_insert((l.distance, Vec::new()));
            entry.1.push(cx.evidence(d, l.evidence, l.rule));
        }
    }
    for ((from, to, rel), (distance, evidence)) in rels {
        timeline.relations.push(tl::Relation {
            from,
            to,
            rel,
            distance: distance.map(|(min, max)| tl::DayRange { min, max }),
            evidence,
        });
    }

    // Conflicts, with every edge's evidence.
    for c in &solved.conflicts {
        timeline.conflicts.push(tl::Conflict {
            kind: None,
            cycle: c
                .cycle
                .iter()
                .map(|e| tl::ConflictEdge {
                    from: e.from.clone(),
                    to: e.to.clone(),
                    constraint: e.constraint.clone(),
                    evidence: Some(cx.convert_graph_evidence(&e.evidence)),
                })
                .collect(),
        });
    }
    timeline
}

/// See: #20 items 4 and 8. The known conflict of two sources that tell one event (`a`'s
/// source `x`, `b`'s source `y`) on different days: one fact each, with its sentence as
/// evidence.
fn sources_conflict(
    cx: &Ctx,
    docs: &[Analyzed],
    (a, x): (&str, &merge::Source),
    (b, y): (&str, &merge::Source),
) -> Option<tl::Conflict> {
    let days = |s: &merge::Source| match s.time {
        Some((f, l)) if f == l => Some(f.to_string()),
        Some((f, l)) => Some(format!("{f}..{l}")),
        None => None,
    };
    let (dx, dy) = (days(x)?, days(y)?);
    let evidence = |s: &merge::Source| -> Option<tl::Evidence> {
        let d = &docs[cx.doc_index(&s.doc)?];
        let span = d.analysis.sentences.get(s.sentence)?.span;
        Some(tl::Evidence {
            document: Some(s.doc.clone()),
            start: Some(d.lines.char_offset(span.start)),
            end: Some(d.lines.char_offset(span.end)),
            text: s.sentence_text.to_string(),
            rule: Some(SOURCES_RULE.to_string()),
        })
    };
    Some(tl::Conflict {
        kind: Some(tl::ConflictKind::Sources),
        cycle: vec![
            tl::ConflictEdge {
                from: a.to_string(),
                to: b.to_string(),
                constraint: format!(
                    "{a} ({}, on {dx}) and {b} ({}, on {dy}) tell one event: the same word, agent and object",
                    x.doc, y.doc
                ),
                evidence: evidence(x),
            },
            tl::ConflictEdge {
                from: b.to_string(),
                to: a.to_string(),
                constraint: format!("{b} is on {dy} in {}, {a} on {dx} in {}", y.doc, x.doc),
                evidence: evidence(y),
            },
        ],
    })
}

/// The rule of a recorded contradiction between sources ([`sources_conflict`]).
const SOURCES_RULE: &str = "merge/sources-contradict";

/// See: #20 items 4 and 8. The known conflict of a written weekday that is not the written
/// date's: the date as written (what the time keeps) and the weekday as written (the days
/// of that weekday on either side), each with the expression as evidence.
fn weekday_conflict(id: &str, clash: crate::timex::WeekdayClash, evidence: tl::Evidence) -> tl::Conflict {
    let (before, after) = clash.weekday_readings();
    let edge = |constraint: String| tl::ConflictEdge {
        from: id.to_string(),
        to: id.to_string(),
        constraint,
        evidence: Some(evidence.clone()),
    };
    tl::Conflict {
        kind: Some(tl::ConflictKind::WeekdayDate),
        cycle: vec![
            edge(format!(
                "{id} is on {}, the date as written (a {}), kept",
                clash.date,
                clash.date.format("%A")
            )),
            edge(format!(
                "{id} is on a {}, the weekday as written: {before} or {after}",
                before.format("%A")
            )),
        ],
    }
}

/// The days each event of a document can be on by the dated time expressions its evidence
/// links tie it to (the intersection of what each link allows; their union when they
/// disagree), `None` for an event no dated expression is linked to. This is what the merge
/// compares: the dates of a sentence's other events are not this event's.
fn linked_times(a: &Analyzed) -> Vec<Option<(NaiveDate, NaiveDate)>> {
    let mut out: Vec<Option<(NaiveDate, NaiveDate)>> = vec![None; a.events.len()];
    let mut union: Vec<Option<(NaiveDate, NaiveDate)>> = vec![None; a.events.len()];
    for l in a.evidence.iter() {
        let (e, t, rel) = match (l.from, l.to) {
            (Endpoint::Event(e), Endpoint::Timex(t)) => (e, t, l.rel),
            (Endpoint::Timex(t), Endpoint::Event(e)) => (e, t, l.rel.inverse()),
            _ => continue,
        };
        let Some(tx) = a
            .timexes
            .get(t)
            .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        else {
            continue;
        };
        let Some(r) = date_range(&tx.value) else { continue };
        let allowed = match rel {
            _ if l.distance.is_some() => continue,
            _ if l.rule == BY_RULE => (NaiveDate::MIN, r.latest),
            // Before the expression, or going on until it ("until Friday").
            RelType::Before | RelType::IBefore | RelType::EndedBy => (NaiveDate::MIN, r.latest),
            // After it, or going on from it ("since November").
            RelType::After | RelType::IAfter | RelType::BegunBy => (r.earliest, NaiveDate::MAX),
            RelType::Vague => continue,
            _ => (r.earliest, r.latest),
        };
        let Some(slot) = out.get_mut(e) else { continue };
        *slot = Some(match *slot {
            None => allowed,
            Some((a0, a1)) => (a0.max(allowed.0), a1.min(allowed.1)),
        });
        union[e] = Some(match union[e] {
            None => allowed,
            Some((a0, a1)) => (a0.min(allowed.0), a1.max(allowed.1)),
        });
    }
    out.iter()
        .zip(union)
        .map(|(&x, u)| match x {
            Some((a0, a1)) if a0 > a1 => u,
            x => x,
        })
        .collect()
}

/// An entry of the ordered event list.
#[derive(Clone, Copy)]
enum Item {
    Cluster(usize),
    Telling(usize),
}

/// The event of a transcript's conversation: its first line (the headline) as the trigger,
/// dated on the publication day.
fn telling_event(a: &Analyzed, id: &str) -> tl::Event {
    let text = &a.doc.text;
    let start = text.len() - text.trim_start().len();
    let line = text[start..].lines().next().unwrap_or("").trim_end();
    let kind = a.doc.kind.clone().unwrap_or_default();
    let title = a.doc.title.clone().unwrap_or_else(|| line.to_string());
    let mut label = kind.clone();
    if let Some(f) = label.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    tl::Event {
        id: id.to_string(),
        label: format!("{label}: {title}"),
        class: Some("REPORTING".into()),
        salience: None,
        unlisted: None,
        description: Some(format!("The conversation recorded by the {kind} {}.", a.doc.id)),
        date: Some(tl::Date {
            earliest: Some(a.doc.dct),
            latest: Some(a.doc.dct),
            precision: Some(Precision::Day),
            value: Some(a.doc.dct.to_string()),
            modifier: None,
            derivation: Some(tl::Derivation {
                rule: Some("document/telling".into()),
                anchor: Some(tl::Anchor {
                    kind: tl::AnchorKind::Dct,
                    id: Some(a.doc.id.clone()),
                }),
                text: format!("a {kind} records what was said on its publication date {}", a.doc.dct),
            }),
            ends: None,
            time: None,
        }),
        sources: vec![tl::Source {
            document: a.doc.id.clone(),
            start: a.lines.char_offset(start),
            end: a.lines.char_offset(start + line.len()),
            sentence: Some(1),
            trigger: line.to_string(),
            tense: None,
            aspect: None,
            polarity: None,
            modality: None,
        }],
        before: Vec::new(),
        after: Vec::new(),
    }
}

/// The derivation of time expression `i` of a document: its rule, what it was resolved
/// against (the publication date, an earlier expression named by its id, or nothing), and why.
fn timex_derivation(timexes: &[Timex], i: usize, doc: &str) -> tl::Derivation {
    use crate::timex::AnchorKind as K;
    let t = &timexes[i];
    let anchor = match t.derivation.anchor {
        K::Dct => Some(tl::Anchor {
            kind: tl::AnchorKind::Dct,
            id: Some(doc.to_string()),
        }),
        K::Absolute => Some(tl::Anchor {
            kind: tl::AnchorKind::Absolute,
            id: None,
        }),
        // The resolver keeps the anchor's value, not its place: the anchor is the nearest
        // earlier expression of the document with that value, else the nearest earlier one
        // whose days hold it ("June" of "May to June", anchored on the range's start).
        K::Timex => {
            let value = t.derivation.anchor_value.as_deref();
            let held = value.and_then(date_range);
            let earlier = || (0..i).rev().filter(|&j| timexes[j].span.start < t.span.start);
            let at = earlier()
                .find(|&j| Some(timexes[j].value.as_str()) == value)
                .or_else(|| {
                    earlier().find(|&j| {
                        let r = date_range(&timexes[j].value);
                        matches!((r, held), (Some(r), Some(h)) if r.earliest <= h.earliest && h.latest <= r.latest)
                    })
                })
                // ... else the nearest earlier one within its days ("the beginning of the
                // year" after "January 9, 2008": the year of that day).
                .or_else(|| {
                    earlier().find(|&j| {
                        let r = date_range(&timexes[j].value);
                        matches!((r, held), (Some(r), Some(h)) if h.earliest <= r.earliest && r.latest <= h.latest)
                    })
                })
                // ... else a later one with that value (a quote dated by its attribution:
                // "'… today,' Smith said on Monday").
                .or_else(|| (i + 1..timexes.len()).find(|&j| Some(timexes[j].value.as_str()) == value));
            Some(match at {
                Some(j) => tl::Anchor {
                    kind: tl::AnchorKind::Time,
                    id: Some(timex_key(doc, j)),
                },
                // No earlier expression of the document gives it (the resolver carried it over
                // from a window before): the value is taken as written.
                None => tl::Anchor {
                    kind: tl::AnchorKind::Absolute,
                    id: None,
                },
            })
        }
    };
    let mut text = t.derivation.why.clone();
    if let Some(v) = &t.derivation.anchor_value {
        text = format!("{text} (anchor {v})");
    }
    tl::Derivation {
        rule: Some(t.rule.to_string()),
        anchor,
        text,
    }
}

/// The date of a chosen event: the start point's tightened bounds, with the link that dates
/// it most directly as the derivation.
/// The rule of [`planned_date`].
const PLANNED_RULE: &str = "listing/planned";

/// The telling an event's label comes from: the one that dates the event most directly (a
/// metric phrase or a calendar date), then body text rather than a headline, an article
/// rather than a transcript, a verb ("attackers hacked into ...") rather than a noun.
fn label_source<'c>(cx: &Ctx, docs: &[Analyzed], cl: &'c Cluster) -> &'c merge::Source {
    let rank = |s: &merge::Source| -> (u8, u8, u8, u8) {
        let d = cx.doc_index(&s.doc).unwrap_or(0);
        let a = &docs[d];
        let dating = a
            .index
            .evidence_of(s.event)
            .iter()
            .map(|&k| &a.evidence[k])
            .map(|l| match (l.from, l.to, l.distance) {
                (_, _, Some(_)) => 0,
                (Endpoint::Timex(t), _, _) | (_, Endpoint::Timex(t), _)
                    if date_range(&a.timexes[t].value).is_some() =>
                {
                    0
                }
                _ => 1,
            })
            .min()
            .unwrap_or(2);
        let e = &a.events[s.event];
        let headline = e.sentence == 0 || repeats_earlier_sentence(a, e.sentence);
        let transcript = a.doc.kind.as_deref() == Some(manifest::TRANSCRIPT);
        (
            dating,
            u8::from(headline),
            u8::from(transcript),
            u8::from(e.pos != Pos::Verb),
        )
    };
    cl.sources.iter().min_by_key(|s| rank(s)).unwrap_or(&cl.sources[0])
}

/// The label of event `cl` ([`label_source`]).
fn cluster_label(cx: &Ctx, docs: &[Analyzed], cl: &Cluster) -> String {
    let first = label_source(cx, docs, cl);
    let d = cx.doc_index(&first.doc).unwrap_or(0);
    crate::events::label::label(&docs[d].label_doc(), &docs[d].events[first.event])
}

/// See: #20 item 7. Does event `cl`'s label read as a headline
/// ([`crate::timeline::label::reads_as_headline`], the key-events view's test)?
fn reads_as_headline(cx: &Ctx, docs: &[Analyzed], cl: &Cluster) -> bool {
    let mut triggers: Vec<&str> = Vec::new();
    let mut noun = false;
    for s in &cl.sources {
        let Some(d) = cx.doc_index(&s.doc) else { continue };
        let e = &docs[d].events[s.event];
        triggers.push(e.text.as_str());
        noun |= e.tense == crate::events::Tense::None;
    }
    crate::timeline::label::reads_as_headline(&cluster_label(cx, docs, cl), &triggers, noun)
}

/// See: #20 item 2. The loose date of an undated plan or forecast (`unlisted` hypothetical
/// or modal) that nothing else places: on or after the publication date of its first
/// telling ("The company plans to open a plant": not before it was told). Opinions, habits
/// and generic statements are dated by their present tense (holding at the publication
/// date) and need no rule of their own.
fn planned_date(cx: &Ctx, cl: &Cluster, why: Option<tl::Unlisted>) -> Option<tl::Date> {
    if !matches!(why, Some(tl::Unlisted::Hypothetical | tl::Unlisted::Modal)) {
        return None;
    }
    let s = cl.sources.first()?;
    let a = &cx.docs[cx.doc_index(&s.doc)?];
    Some(tl::Date {
        earliest: Some(a.doc.dct),
        latest: None,
        precision: None,
        value: None,
        modifier: None,
        derivation: Some(tl::Derivation {
            rule: Some(PLANNED_RULE.into()),
            anchor: Some(tl::Anchor {
                kind: tl::AnchorKind::Dct,
                id: Some(a.doc.id.clone()),
            }),
            text: format!(
                "\"{}\" is {}: on or after the publication date {}",
                a.events[s.event].text,
                why.map_or("", tl::Unlisted::as_str),
                a.doc.dct
            ),
        }),
        ends: None,
        time: None,
    })
}

fn event_date(
    cx: &Ctx,
    cl: &Cluster,
    cluster_of: &BTreeMap<(usize, usize), usize>,
    ids: &BTreeMap<usize, String>,
    c: usize,
    b: graph::Bounds,
) -> Option<tl::Date> {
    let (earliest, latest) = (b.earliest_start, b.latest_start);
    if earliest.is_none() && latest.is_none() {
        return None;
    }
    // The most direct evidence: a dated time expression, else a metric link, else the DCT.
    let mut best: Option<(u8, tl::Derivation, Option<String>, Option<Precision>)> = None;
    // The links of the cluster's events, document by document in the order the sources
    // first name them, each document's in its own order (looking at every link of every
    // source's document made this quadratic in one long document).
    let mut by_doc: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut slot: std::collections::HashMap<usize, usize> = Default::default();
    for s in &cl.sources {
        let Some(d) = cx.doc_index(&s.doc) else { continue };
        let at = *slot.entry(d).or_insert_with(|| {
            by_doc.push((d, Vec::new()));
            by_doc.len() - 1
        });
        by_doc[at].1.extend_from_slice(cx.docs[d].index.evidence_of(s.event));
    }
    for (d, mut links) in by_doc {
        links.sort_unstable();
        links.dedup();
        let a = &cx.docs[d];
        for l in links.iter().map(|&k| &a.evidence[k]) {
            let (me, other) = match (l.from, l.to) {
                (Endpoint::Event(x), o) if cluster_of.get(&(d, x)) == Some(&c) => (l.from, o),
                (o, Endpoint::Event(x)) if cluster_of.get(&(d, x)) == Some(&c) => (l.to, o),
                _ => continue,
            };
            let (rank, anchor, text, value, precision) = match other {
                Endpoint::Timex(t) => {
                    let tx = &a.timexes[t];
                    let rel = if me == l.from { l.rel } else { l.rel.inverse() };
                    let range = range_of(a, t).filter(|_| matches!(rel, RelType::IsIncluded | RelType::During));
                    match date_range(&tx.value) {
                        Some(_) if range.is_some() => {
                            let Some((r1, r2)) = range else { continue };
                            (
                                0,
                                tl::Anchor {
                                    kind: tl::AnchorKind::Time,
                                    id: Some(timex_key(&a.doc.id, t)),
                                },
                                format!(
                                    "within the range of \"{}\" = {} to \"{}\" = {}: {} .. {}",
                                    a.timexes[r1.timex].text,
                                    a.timexes[r1.timex].value,
                                    a.timexes[r2.timex].text,
                                    a.timexes[r2.timex].value,
                                    r1.earliest,
                                    r2.latest
                                ),
                                None,
                                None,
                            )
                        }
                        Some(_) if l.rule == BY_RULE => (
                            0,
                            tl::Anchor {
                                kind: tl::AnchorKind::Time,
                                id: Some(timex_key(&a.doc.id, t)),
                            },
                            format!(
                                "done by \"{}\" = {} ({}): on or before its last day",
                                tx.text, tx.value, tx.derivation.why
                            ),
                            None,
                            None,
                        ),
                        Some(r) => (
                            0,
                            tl::Anchor {
                                kind: tl::AnchorKind::Time,
                                id: Some(timex_key(&a.doc.id, t)),
                            },
                            format!("{} \"{}\" = {} ({})", l.rel, tx.text, tx.value, tx.derivation.why),
                            Some(tx.value.clone()),
                            Some(r.precision),
                        ),
                        None => continue,
                    }
                }
                Endpoint::Dct if l.distance.is_some() => {
                    let (lo, hi) = l.distance.unwrap_or((0, 0));
                    (
                        1,
                        tl::Anchor {
                            kind: tl::AnchorKind::Dct,
                            id: Some(a.doc.id.clone()),
                        },
                        format!(
                            "{lo}..{hi} days {} the publication date {}, from \"{}\"",
                            if matches!(l.to, Endpoint::Dct) {
                                message::BEFORE
                            } else {
                                message::AFTER
                            },
                            a.doc.dct,
                            squash(l.evidence.slice(&a.doc.text))
                        ),
                        None,
                        None,
                    )
                }
                Endpoint::Event(o) if l.distance.is_some() => {
                    let (lo, hi) = l.distance.unwrap_or((0, 0));
                    let other_id = cluster_of.get(&(d, o)).and_then(|c| ids.get(c)).cloned();
                    let name = other_id.clone().unwrap_or_else(|| format!("\"{}\"", a.events[o].text));
                    // distance = start(to) − start(from); say it from this event's side.
                    let (lo, hi) = if me == l.to { (lo, hi) } else { (-hi, -lo) };
                    let words = if lo >= 0 {
                        format!("{lo}..{hi} days after {name}")
                    } else {
                        format!("{}..{} days before {name}", -hi, -lo)
                    };
                    // An event left off the timeline cannot be named as the anchor: the
                    // words name its trigger, the anchor says the graph placed it.
                    let kind = if other_id.is_some() {
                        tl::AnchorKind::Event
                    } else {
                        tl::AnchorKind::Graph
                    };
                    (
                        2,
                        tl::Anchor { kind, id: other_id },
                        format!("{words}, from \"{}\"", squash(l.evidence.slice(&a.doc.text))),
                        None,
                        None,
                    )
                }
                Endpoint::Dct => (
                    3,
                    tl::Anchor {
                        kind: tl::AnchorKind::Dct,
                        id: Some(a.doc.id.clone()),
                    },
                    {
                        let rel = if me == l.from { l.rel } else { l.rel.inverse() };
                        let headline = headline_present(a, me, rel);
                        let e = &a.events[match me {
                            Endpoint::Event(x) => x,
                            _ => 0,
                        }];
                        let how = match rel {
                            _ if headline => "begun on or before",
                            RelType::Before | RelType::IBefore => "on or before",
                            RelType::After | RelType::IAfter => "on or after",
                            _ => "holding at",
                        };
                        format!(
                            "\"{}\" is {} {}{}: {how} the publication date {}",
                            e.text,
                            e.tense.as_str().to_ascii_lowercase(),
                            if e.aspect == Aspect::None {
                                message::TENSE.to_string()
                            } else {
                                format!("{} tense", e.aspect.as_str().to_ascii_lowercase())
                            },
                            if headline { " in a headline" } else { "" },
                            a.doc.dct
                        )
                    },
                    None,
                    None,
                ),
                _ => continue,
            };
            if best.as_ref().is_none_or(|b| rank < b.0) {
                best = Some((
                    rank,
                    tl::Derivation {
                        rule: Some(l.rule.to_string()),
                        anchor: Some(anchor),
                        text,
                    },
                    value,
                    precision,
                ));
            }
        }
    }
    let width = earliest.zip(latest).map(|(e, l)| (l - e).num_days());
    let (derivation, value, precision) = match best {
        Some((_, der, value, p)) => {
            // The time expression's value stands only when the graph did not narrow it.
            let exact = value
                .as_deref()
                .and_then(date_range)
                .is_some_and(|r| Some(r.earliest) == earliest && Some(r.latest) == latest);
            let mut der = der;
            if value.is_some() && !exact {
                der.text.push_str("; narrowed by related events");
            }
            (
                Some(der),
                if exact { value } else { None },
                if exact { p } else { width.map(precision_of_width) },
            )
        }
        None => (
            Some(tl::Derivation {
                rule: Some("graph/closure".into()),
                anchor: Some(tl::Anchor {
                    kind: tl::AnchorKind::Graph,
                    id: None,
                }),
                text: "from the dates of related events".into(),
            }),
            None,
            width.map(precision_of_width),
        ),
    };
    // An event the graph knows to go on until at least the last day it can have begun (a
    // state holding at the publication date, "is still leaking") gets its end's days too.
    // Otherwise nothing is known of its length and the start's bounds stand for the event.
    let ongoing = b.earliest_end.is_some_and(|end| match latest {
        Some(last_start) => end >= last_start,
        None => earliest.is_some_and(|first_start| end > first_start),
    });
    let ends = (ongoing && (b.earliest_end, b.latest_end) != (earliest, latest)).then_some(tl::Ends {
        earliest: b.earliest_end,
        latest: b.latest_end,
    });
    // A clock time stands when the date is the one day of the expression that gives it
    // ("at 09:30 UTC Tuesday": `2012-09-04T09:30Z`).
    let time = value
        .as_deref()
        .and_then(tl::ClockTime::from_value)
        .filter(|_| earliest.is_some() && earliest == latest && ends.is_none());
    Some(tl::Date {
        earliest,
        latest,
        precision,
        value,
        modifier: None,
        derivation,
        ends,
        time,
    })
}
