//! Merge (coreference within and across documents): the same real-world event told several
//! times, by one document or several, becomes one [`Cluster`] with every [`Source`]; each
//! source keeps its own document and DCT.
//!
//! | mention A (doc A, DCT 2014-12-17)      | mention B (doc B, DCT 2014-12-18)           | merged? | why |
//! |----------------------------------------|---------------------------------------------|---------|-----|
//! | `this hone Sony hacking scandal`       | `were following the Sony hack`              | yes     | `hacking`≈`hack`, shares `sony` |
//! | `the FBI just consider this a ... threat` | `It is being treated by ... the FBI`     | yes     | `consider`≈`treat`, shares `fbi` |
//! | `Earnest said` (REPORTING)             | `Lewis said` (REPORTING)                    | no      | reporting events stay per document |
//! | `attacks ... last year` (2013)         | `the attack` ... `Thursday` (2014-12-18)    | no      | times do not overlap |
//! | `Apple's Jobs unveiled the phone` (DCT 2007-01-10) | `Apple's Jobs unveiled the new phone` (DCT 2010-06-08) | no | undated, published years apart |
//! | `Sony released the film`               | `Sony has not released the film`            | yes + conflict | polarity differs |
//! | `recently canceled the movie release` (title) | `has scrapped the Christmas movie release` (same doc) | yes | `cancel`≈`scrap`, shares `pictures` |
//! | `attackers hacked into Sony Pictures` | `the cyber attack has been ...` (same doc) | yes | definite anaphor within 8 sentences |
//! | `the attacks on Sony` | `similar attacks on South Korean banks last year` (same doc) | no | marked as a different event |
//! | `the attack on Sony` | `threats ... of a terrorist attack against theaters` | no | threatened, not happened |
//! | `A news conference was held in Nairobi` | `Two suspects were held in Nairobi` | no | `hold` is repeated: a shared place is not enough |
//! | `80 people were killed in Nairobi on Friday` | `Dozens were killed in Kenya on Friday` | yes | the same day, a specific event |
//! | `Clinton vowed on Saturday ...` | `Clinton vowed on Thursday ...` | no | different days |
//! | `A fire broke out at a warehouse` | `A fire broke out at a school` | no | different places of one kind |
//! | `Acme recalled 40,000 cars on March 3` | `Acme recalled 40,000 cars on March 5` | no + contradiction | same agent, object and number, two days: two events linked by a [`Contradiction`] |
//! | `Microsoft acquired Nokia on Tuesday, October 7` | `Microsoft acquired Nokia on Wednesday, October 8` | no + contradiction | same agent and named object, two days ([`told_alike`]) |
//! | `Acme recalled cars on March 3` | `Acme recalled cars on March 5` | no | a common-noun object: two recalls |
//! | `The Senate approved the farm bill on Thursday` | `The farm bill passed the Senate on Thursday` | yes | one frame, the same participants (converse) |
//! | `The Senate approved the budget on Thursday` | `The Senate approved the farm bill on Thursday` | no | the object names the approval |
//! | `won a $2 billion order from Qantas` | `signed a $2 billion contract with Qantas` | yes | one frame, the same amount and party |
//! | `signed a contract with Qantas` | `signed a contract with Emirates` | no | different other parties |
//! | `Acme recalls 40,000 cars` (headline, dateline's day) | `Acme recalled 40,000 cars on Thursday` (lead) | yes | a dateline does not date the headline's news |
//! | `Acme buys Zenco` (headline) | `Acme Corp agreed to acquire Zenco Inc on Monday` (lead) | yes | a headline and its lead, synonyms, the same roles |
//! | `Acme buys Zenco` (headline) | `Bolt Inc acquired Tera Corp on Monday` (lead) | no | different names in both roles |
//!
//! Two mentions (from different documents or the same one) are the same event when
//! 1. their lemmas are equal or synonyms (`EventWords::event_synonyms`), or both verbs name one
//!    event frame (`EventWords::event_frames`, [`frame_linked`]: then only the same
//!    participants link them); neither is a REPORTING event nor a
//!    light or cognition verb (`EventWords::non_coreferring`: `do`, `make`, `know`, `see`, ...);
//! 2. they are linked: they share a participant (a capitalised name in the same sentence:
//!    `Sony`, `FBI`; in a story of [`TOPIC_MIN_DOCUMENTS`] or more documents, not a name in
//!    more than half of them, the story's topic: `Apple` in a story about Apple); or, in two
//!    documents, both are dated to the same day ([`day_precise`]: the casualties of one blast
//!    told by articles that name different places); or — within one document — the later one
//!    is a definite noun (`the attack`, `this hack`) whose nearest earlier same-kind mention
//!    within [`ANAPHOR_WINDOW`] sentences is the other, or the same lemma is repeated within
//!    [`REPEAT_WINDOW`] sentences with the same polarity, or one is the headline's and the other
//!    is told in its lead ([`LEAD_SENTENCES`]) the same way with no role filled by two heads. An act people repeat
//!    (`EventWords::event_repeatable`: `visit`, `meet`, `hold`, `vow`, `conference`) needs more: both dated to
//!    the same day and a shared name or the same agent or patient ([`same_participant`]), or
//!    the anaphor; a repetition of it needs the same day or participant;
//! 3. their times are compatible: the day intervals of the dated temporal expressions linked
//!    to them ([`DocEvents::event_times`]; without links, those in their sentences) overlap, or
//!    either has none (a date that premodifies another event
//!    noun — `the Christmas movie release` — dates that noun only). Across documents an
//!    undated past-tense mention is on or before its DCT and a future one after it, and
//!    unless both are dated the documents' DCTs are at most [`UNDATED_DCT_GAP`] days apart
//!    (`Apple unveiled the phone` in 2007 and in 2010 are two events). Merging is
//!    transitive, so a mention joins a cluster only if its time agrees with the whole
//!    cluster's. Mentions that share two or more names, in documents published within
//!    [`UNDATED_DCT_GAP`] days, are merged even when their times disagree, and the
//!    disagreement is reported as a [`ConflictKind::Time`] — unless both are dated to a day
//!    (two different days are two occurrences) or the act is one people repeat; so are two
//!    mentions in two documents with the same agent, patient and number ([`same_telling`]).
//!    A headline dated only by its dateline (its publication day) counts as undated;
//! 4. their participants are compatible: two verb mentions whose parsed agents (active
//!    subject, passive `by` phrase) are different common nouns ("stocks fell" / "sales fell")
//!    or different names that do not appear in each other's sentence ("Ford recalled" /
//!    "Toyota recalled"), or whose patients (object, passive subject) are such different names
//!    ("unveiled the iPhone" / "unveiled the iPad"), are two events, as are two event nouns
//!    whose possessors are different names ("Albright's visit" / "Daley's visit") (only with
//!    a parse, [`DocEvents::syntax`]); so are two verb mentions at different places of one
//!    kind ([`different_places`]: "at a warehouse" / "at a school");
//! 5. both are told as happening or both as not (yet) happening: a noun or gerund after a
//!    threat, promise or warning
//!    (`EventWords::irrealis_cues`: "threats ... to attacks on
//!    theaters") is irrealis and never joins a realis mention; a mention marked as a different event
//!    (`EventWords::distinct_modifiers`: `similar`, `other`, `another`, ...) never joins a mention of its
//!    own document, nor any mention whose time disagrees.
//!
//! Merging is transitive (union-find). Within a cluster, sources that disagree on polarity,
//! or where one is asserted and the other hypothetical (modal or future), are reported as
//! [`Conflict`]s — never silently resolved.
//!
//! # Grammar
//!
//! ```text
//! merge(docs: [DocEvents]) -> [Cluster]      clusters in order of their first source
//! Cluster  := lemma class sources:[Source] conflicts:[Conflict]
//! Source   := doc dct event(index) span text sentence sentence_text time?
//! ```

use super::{Event, EventClass, Polarity, Tense};
use crate::lang::EventWords;
use crate::text::{Analysis, Span, TokenKind};
use chrono::NaiveDate;
use serde::Serialize;

/// A dated temporal expression of a document, as the merge needs it (build it from a
/// `Timex`: its span and TIMEX3 value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeMention {
    pub span: Span,
    pub value: String,
}

impl From<&crate::timex::Timex> for TimeMention {
    fn from(t: &crate::timex::Timex) -> TimeMention {
        TimeMention {
            span: t.span,
            value: t.value.clone(),
        }
    }
}

/// The events of one document, with what the merge needs to compare them.
#[derive(Clone, Debug)]
pub struct DocEvents<'a> {
    /// Document id.
    pub doc: String,
    pub dct: NaiveDate,
    pub text: &'a str,
    pub analysis: &'a Analysis,
    pub events: &'a [Event],
    pub times: Vec<TimeMention>,
    /// The document's dependency parse, when there is one: it gives each verb mention its
    /// subject, and two mentions whose subjects differ are two events ("stocks fell",
    /// "sales fell").
    pub syntax: Option<&'a crate::syntax::DocParse>,
    /// The days each event can be on by the time expressions linked to it (indexed like
    /// `events`), when the caller has the links: then a date in the sentence that dates
    /// another of its events ("Estrada on Tuesday condemned the bombings": Tuesday dates the
    /// condemning, not the bombings) says nothing of this one. Without it, an event takes
    /// the dates of its sentence (see rule 3).
    pub event_times: Option<Vec<Option<(NaiveDate, NaiveDate)>>>,
}

/// One document's telling of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    pub doc: String,
    pub dct: NaiveDate,
    /// Index into that document's events.
    pub event: usize,
    pub span: Span,
    pub text: String,
    pub sentence: usize,
    /// The sentence, shared by every source of that sentence (one copy per sentence, not
    /// one per event: an unpunctuated transcript is one long sentence).
    #[serde(serialize_with = "shared_str")]
    pub sentence_text: std::sync::Arc<str>,
    /// Day interval of the dated expressions in the sentence, when there are any.
    pub time: Option<(NaiveDate, NaiveDate)>,
    pub polarity: Polarity,
    pub modality: Option<String>,
}

/// What two sources disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// One says it happened, the other that it did not.
    Polarity,
    /// One asserts it, the other makes it hypothetical (a modal or the future).
    Factuality,
    /// Their dated expressions do not overlap.
    Time,
}

/// A disagreement between two sources of a cluster (indices into `Cluster::sources`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub sources: (usize, usize),
    pub message: String,
}

/// See: #20 item 4. A source of one cluster and a source of a later cluster that tell one
/// event ([`told_alike`]) on different days: the sources contradict each other. The two
/// stay two events, each dated by its own source, linked by this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Contradiction {
    /// Index into this cluster's `sources`.
    pub source: usize,
    /// The later cluster (index in the merge's output) and its source.
    pub cluster: usize,
    pub other: usize,
}

/// One real-world event with every document that tells it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cluster {
    /// Lemma of the first source.
    pub lemma: String,
    pub class: EventClass,
    pub sources: Vec<Source>,
    pub conflicts: Vec<Conflict>,
    /// Later clusters that tell this event on another day ([`Contradiction`]).
    pub contradicted_by: Vec<Contradiction>,
}

impl Cluster {
    /// A stable id: the first source's document and event index (`004_398094e9e4ec5ca9:e12`).
    pub fn key(&self) -> String {
        match self.sources.first() {
            Some(s) => format!("{}:e{}", s.doc, s.event),
            None => String::new(),
        }
    }

    /// The days every dated source allows: the intersection of their intervals (`None` when
    /// no source is dated or they do not overlap — the latter is also a [`ConflictKind::Time`]).
    pub fn time(&self) -> Option<(NaiveDate, NaiveDate)> {
        let mut out: Option<(NaiveDate, NaiveDate)> = None;
        for t in self.sources.iter().filter_map(|s| s.time) {
            out = Some(match out {
                None => t,
                Some((a, b)) => (a.max(t.0), b.min(t.1)),
            });
        }
        out.filter(|(a, b)| a <= b)
    }

    /// Number of distinct documents among the sources.
    pub fn documents(&self) -> usize {
        let mut d: Vec<&str> = self.sources.iter().map(|s| s.doc.as_str()).collect();
        d.sort();
        d.dedup();
        d.len()
    }
}

// Synonym groups (`EventWords::event_synonyms`; English: `event-synonyms.txt`, one group a line): lemmas in one
// group may name the same event. Kept small and specific on
// purpose — a synonym here merges mentions that also share a participant or are a definite
// anaphor, so a generic verb (`hit`, `post`, `open`, `view`) would over-merge.
//
// | group | why |
// |-------|-----|
// | hack, attack, cyberattack, breach, intrusion | a (cyber) attack on a system |
// | threat, threaten, warning, warn | a threat |
// | cancel, cancellation, scrap, pull, shelve, drop, call off | calling off a plan |
// | leak, disclose, disclosure, dump | releasing stolen data |
// | consider, deem, treat, regard, assess, assessment | an assessment (`deemed a national security issue`) |
// | release, premiere, debut | a film or product release |
// | steal, theft, rob, robbery, heist, burglary | a theft |
// | appoint, appointment, name, designate | giving someone a post ("named chief executive") |

// Words for a kind of event that also name the events of other synonym groups (each named
// by one of its lemmas): "the attacks" may be the bombings or the hack a story tells of.
//
// | word | also names |
// |------|------------|
// | attack, assault | a bombing or explosion |
// (`src/lang/en/data/event-hypernyms.txt`)

/// The keys under which a lemma is compared: its own (synonym group or the lemma itself)
/// first, then those of the groups it is a more general word for (`EventWords::event_hypernyms`).
fn keys(table: &KeyTable, lemma: &str) -> Vec<String> {
    let mut out = vec![key(table, lemma)];
    for &n in table.hyponyms.get(lemma).map_or(&[][..], Vec::as_slice) {
        let k = key(table, n);
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The key under which a lemma is compared: its synonym group, or the lemma itself.
fn key(table: &KeyTable, lemma: &str) -> String {
    match table.group.get(lemma) {
        Some(g) => format!("#{g}"),
        None => lemma.to_string(),
    }
}

/// A language's synonym groups and hypernyms, parsed once per merge (they were split per event).
struct KeyTable {
    /// Each lemma of a synonym group: the index of the first group it is in.
    group: std::collections::HashMap<&'static str, usize>,
    /// Each general word: the words it also names, in file order (all its lines).
    hyponyms: std::collections::HashMap<&'static str, Vec<&'static str>>,
}

impl KeyTable {
    /// The synonym and hypernym lines of `words`, parsed.
    fn of(words: &EventWords) -> KeyTable {
        let mut group = std::collections::HashMap::new();
        for (g, line) in words.event_synonyms.iter().enumerate() {
            for w in line.split(", ") {
                group.entry(w).or_insert(g);
            }
        }
        let mut hyponyms: std::collections::HashMap<&'static str, Vec<&'static str>> = Default::default();
        for line in words.event_hypernyms.iter() {
            let mut ws = line.split(", ");
            if let Some(general) = ws.next() {
                hyponyms.entry(general).or_default().extend(ws);
            }
        }
        KeyTable { group, hyponyms }
    }
}

fn shared_str<S: serde::Serializer>(s: &std::sync::Arc<str>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

/// The most conflicts a cluster lists (they are found by pairs of sources: one event told
/// 8,000 times with mixed polarity has 16 million pairs).
pub const MAX_CONFLICTS: usize = 100;

/// Lower-cased names (capitalised words not at the start of the sentence) in sentence `si`.
fn names(words: &EventWords, text: &str, analysis: &Analysis, si: usize) -> Vec<String> {
    let sent = &analysis.sentences[si];
    let mut out = Vec::new();
    let mut first = true;
    for t in &analysis.tokens[sent.tokens.clone()] {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.text(text);
        let was_first = first;
        first = false;
        if was_first || !w.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let l = w.to_lowercase();
        if l.len() < 2 || words.not_names.contains(&l.as_str()) {
            continue;
        }
        out.push(l);
    }
    out.sort();
    out.dedup();
    out
}

/// Currency signs: a number right after one is an amount of money.
const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥'];

/// The amounts of money in sentence `si` ("$2 billion" → `2`), as written, sorted.
fn amounts(text: &str, analysis: &Analysis, si: usize) -> Vec<String> {
    let Some(sent) = analysis.sentences.get(si) else {
        return Vec::new();
    };
    let toks = &analysis.tokens[sent.tokens.clone()];
    let mut out: Vec<String> = toks
        .windows(2)
        .filter(|w| {
            w[0].kind == TokenKind::Punct
                && w[1].kind == TokenKind::Number
                && w[0].text(text).chars().all(|c| CURRENCY_SIGNS.contains(&c))
        })
        .map(|w| w[1].text(text).replace(',', ""))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// See: #20 item 4. Two mentions whose sentences both give amounts of money, none in
/// common, tell two deals ("won a $2 billion contract" / "signed a contract worth $1
/// billion").
fn different_amounts(x: &Item, y: &Item) -> bool {
    !x.amounts.is_empty() && !y.amounts.is_empty() && !x.amounts.iter().any(|a| y.amounts.contains(a))
}

/// The union of the day intervals of the dated expressions in sentence `si`, leaving out
/// those that modify another event noun (`Christmas` in "scrapped the Christmas movie
/// release" dates the release, not the scrapping).
fn sentence_time(doc: &DocEvents, si: usize, sorted: bool) -> SentenceTime {
    let span = doc.analysis.sentences[si].span;
    let mut out = SentenceTime::default();
    // Times in text order (as tagged): only those from the sentence's start on can be in it.
    let times = if sorted {
        let lo = doc.times.partition_point(|t| t.span.start < span.start);
        let hi = lo + doc.times[lo..].partition_point(|t| t.span.start < span.end);
        &doc.times[lo..hi]
    } else {
        &doc.times[..]
    };
    for t in times.iter().filter(|t| span.contains(&t.span)) {
        let Some(r) = tempograph_core::value::date_range(&t.value) else {
            continue;
        };
        let slot = match premodified_noun(doc, t.span) {
            Some(owner) => out.owned.entry(owner).or_default(),
            None => &mut out.all,
        };
        *slot = Some(match *slot {
            None => (r.earliest, r.latest),
            Some((a, b)) => (a.min(r.earliest), b.max(r.latest)),
        });
    }
    out
}

/// The dated expressions of one sentence, as [`SentenceTime::of`] reads them per event.
#[derive(Default)]
struct SentenceTime {
    /// The union of those that modify no event noun.
    all: Option<(NaiveDate, NaiveDate)>,
    /// The union of those that modify each event noun, by event.
    owned: std::collections::HashMap<usize, Option<(NaiveDate, NaiveDate)>>,
}

impl SentenceTime {
    /// The union of the day intervals of the sentence's dated expressions, leaving out those
    /// that modify another event noun (the union is the same in any order, so it is computed
    /// once per sentence: per event it was quadratic in one long sentence).
    fn of(&self, event: usize) -> Option<(NaiveDate, NaiveDate)> {
        match (self.all, self.owned.get(&event).copied().flatten()) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (x, None) => x,
            (None, y) => y,
        }
    }
}

/// How many days apart the publication dates of two documents may be for two mentions in
/// them to be the same event unless both are dated: news tells undated events close to its
/// date, so `Apple unveiled the iPhone` in January 2007 and in June 2010 are two unveilings.
pub const UNDATED_DCT_GAP: i64 = 31;

/// Can two mentions from different documents be the same event, by what their dates and
/// tenses imply? An undated past-tense mention happened by its DCT and a future one after
/// it; unless both are dated, the publication dates must be within [`UNDATED_DCT_GAP`] days.
fn compatible_across(x: &Item, y: &Item) -> bool {
    if disjoint(implied(x), implied(y)) {
        return false;
    }
    x.source.time.is_some() && y.source.time.is_some()
        || (x.source.dct - y.source.dct).num_days().abs() <= UNDATED_DCT_GAP
}

/// The days a mention can be on: its sentence's date, or by its tense against its DCT (past:
/// on or before; future: on or after); `None` when nothing is known.
fn implied(i: &Item) -> Option<(NaiveDate, NaiveDate)> {
    match (i.source.time, i.tense) {
        (Some(t), _) => Some(t),
        (None, Tense::Past) => Some((NaiveDate::MIN, i.source.dct)),
        (None, Tense::Future) => Some((i.source.dct, NaiveDate::MAX)),
        _ => None,
    }
}

/// The days two constraints both allow (`None` = unconstrained); an empty result is kept as
/// an inverted interval, which [`disjoint`] reports against anything.
fn intersect(x: Option<(NaiveDate, NaiveDate)>, y: Option<(NaiveDate, NaiveDate)>) -> Option<(NaiveDate, NaiveDate)> {
    match (x, y) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.max(b0), a1.min(b1))),
        (Some(t), None) | (None, Some(t)) => Some(t),
        (None, None) => None,
    }
}

fn disjoint(x: Option<(NaiveDate, NaiveDate)>, y: Option<(NaiveDate, NaiveDate)>) -> bool {
    match (x, y) {
        (Some((a0, a1)), Some((b0, b1))) => a1 < b0 || b1 < a0,
        _ => false,
    }
}

/// The event noun a temporal expression premodifies: the next event starts after at most two
/// words with nothing but spaces and words between, and is a noun (`Christmas movie release`).
fn premodified_noun(doc: &DocEvents, t: Span) -> Option<usize> {
    let k = doc.events.partition_point(|e| e.span.start < t.end);
    let e = doc.events.get(k)?;
    if e.pos != super::Pos::Noun {
        return None;
    }
    let gap = doc.text.get(t.end..e.span.start)?;
    let words = gap.split_whitespace().count();
    (words <= 2 && gap.chars().all(|c| c.is_alphanumeric() || c == ' ')).then_some(k)
}

/// A participant of a verb mention from the parse: the lemma of the word, and whether it is
/// a proper noun.
type Participant = Option<(String, bool)>;

/// What the parse says of a verb mention's participants beyond its agent and patient: the
/// places it happens at ("broke out *at a warehouse*": the preposition's lemma and the
/// common noun's lemma), and the number its patient counts ("recalled *40,000* cars").
#[derive(Clone, Debug, Default)]
struct Setting {
    /// (preposition, head lemma) of each `obl` common noun that is neither a dated time
    /// expression nor an event of the document.
    places: Vec<(String, String)>,
    /// The `nummod` numbers of the patient, without group separators, sorted.
    count: Vec<String>,
    /// (preposition, name) of each `obl` proper noun after a preposition that places an
    /// event at one spot (`EventWords::spot_prepositions`: "crashed *near Bath*"),
    /// lower-cased.
    spots: Vec<(String, String)>,
}

/// The words of the names that are the agent and the patient of verb mention `e` (as
/// [`roles`] finds them), lower-cased: the head with its `compound` and `flat` names
/// ("Apple Inc." → `apple`, `inc.`).
fn name_words(p: &crate::syntax::DocParse, e: &Event) -> (Vec<String>, Vec<String>) {
    let Some((w, sent)) = p.word_in(e.sentence, e.span.start) else {
        return Default::default();
    };
    let words = &sent.words;
    let kids = |h: usize| p.children(e.sentence, h).iter().map(|&c| c as usize);
    let of = |rels: &[&str]| -> Vec<String> {
        let Some(h) = kids(w)
            .find(|&c| rels.contains(&words[c].deprel.as_str()))
            .filter(|&h| words[h].upos == "PROPN")
        else {
            return Vec::new();
        };
        let mut out: Vec<String> = std::iter::once(h)
            .chain(
                kids(h)
                    .filter(|&k| matches!(words[k].deprel.as_str(), "compound" | "flat") && words[k].upos == "PROPN"),
            )
            .map(|k| words[k].form.to_lowercase())
            .collect();
        out.sort();
        out.dedup();
        out
    };
    let patient = match of(&["obj", "nsubj:pass"]) {
        v if v.is_empty() => of(&["xcomp"]),
        v => v,
    };
    (of(&["nsubj", "obl:agent"]), patient)
}

/// The [`Setting`] of verb mention `e` of document `d` from its parse.
fn setting(words_of: &EventWords, d: &DocEvents, p: &crate::syntax::DocParse, e: &Event) -> Setting {
    let mut out = Setting::default();
    if e.pos != super::Pos::Verb {
        return out;
    }
    let Some((w, sent)) = p.word_in(e.sentence, e.span.start) else {
        return out;
    };
    let words = &sent.words;
    let kids = |h: usize| p.children(e.sentence, h).iter().map(|&c| c as usize);
    let in_time =
        |x: &crate::syntax::ParsedWord| d.times.iter().any(|t| t.span.start <= x.start && x.end <= t.span.end);
    let is_event = |x: &crate::syntax::ParsedWord| d.events.iter().any(|v| v.span.start == x.start);
    for c in kids(w) {
        let x = &words[c];
        if x.deprel == "obl" && x.upos == "NOUN" && !in_time(x) && !is_event(x) {
            if let Some(case) = kids(c).find(|&k| words[k].deprel == "case") {
                out.places
                    .push((words[case].lemma.to_lowercase(), x.lemma.to_lowercase()));
            }
        }
        if x.deprel == "obl" && x.upos == "PROPN" && !in_time(x) {
            if let Some(case) = kids(c).find(|&k| words[k].deprel == "case") {
                let prep = words[case].lemma.to_lowercase();
                if words_of.spot_prepositions.contains(&prep.as_str()) {
                    out.spots.push((prep, x.form.to_lowercase()));
                }
            }
        }
        if matches!(x.deprel.as_str(), "obj" | "nsubj:pass") {
            out.count.extend(
                kids(c)
                    .filter(|&k| words[k].deprel == "nummod" && words[k].upos == "NUM")
                    .map(|k| words[k].form.replace(',', "")),
            );
        }
    }
    out.places.sort();
    out.places.dedup();
    out.count.sort();
    out.count.dedup();
    out.spots.sort();
    out.spots.dedup();
    out
}

/// See: #20 item 4. Two mentions placed at one spot by the same preposition, at two names
/// that neither sentence shares, are two events ("a bus crashed near Bath" / "a bus crashed
/// near Leeds"). Only spot prepositions (`EventWords::spot_prepositions`): "killed in
/// Nairobi" / "killed in Kenya" may be one event.
fn different_spots(x: &Item, y: &Item) -> bool {
    x.setting.spots.iter().any(|(p, a)| {
        y.setting
            .spots
            .iter()
            .any(|(q, b)| p == q && a != b && !x.names.contains(b) && !y.names.contains(a))
    })
}

/// An event noun with a possessor ("Costa's appointment", "his resignation"): as definite as
/// `the appointment`, it points back to an event told before.
fn possessed(p: &crate::syntax::DocParse, e: &Event) -> bool {
    if e.pos != super::Pos::Noun {
        return false;
    }
    let Some((w, sent)) = p.word_in(e.sentence, e.span.start) else {
        return false;
    };
    p.children(e.sentence, w)
        .iter()
        .any(|&c| sent.words[c as usize].deprel == "nmod:poss")
}

/// A verb that tells again the event just told, with a pronoun subject that stands for it
/// ("It happened near Bath": `EventWords::event_pro_verbs`; the subject a neuter personal or
/// a demonstrative pronoun).
fn pro_event(words: &EventWords, p: &crate::syntax::DocParse, e: &Event) -> bool {
    if e.pos != super::Pos::Verb || !words.event_pro_verbs.contains(&e.lemma.as_str()) {
        return false;
    }
    let Some((w, sent)) = p.word_in(e.sentence, e.span.start) else {
        return false;
    };
    p.children(e.sentence, w).iter().any(|&c| {
        let x = &sent.words[c as usize];
        x.deprel == "nsubj" && x.upos == "PRON" && x.feats.split('|').any(|f| f == "Gender=Neut" || f == "PronType=Dem")
    })
}

/// A verb told "in a separate accident", "in another attack": an `obl` event noun of the
/// verb marked as a different event (`EventWords::distinct_modifiers`) marks the verb too.
fn distinct_setting(words: &EventWords, d: &DocEvents, p: &crate::syntax::DocParse, e: &Event) -> bool {
    if e.pos != super::Pos::Verb {
        return false;
    }
    let Some((w, sent)) = p.word_in(e.sentence, e.span.start) else {
        return false;
    };
    let ws = &sent.words;
    p.children(e.sentence, w).iter().map(|&c| c as usize).any(|c| {
        ws[c].deprel == "obl"
            && d.events.iter().any(|v| v.span.start == ws[c].start)
            && p.children(e.sentence, c).iter().any(|&k| {
                let m = &ws[k as usize];
                matches!(m.deprel.as_str(), "amod" | "det")
                    && words.distinct_modifiers.contains(&m.form.to_lowercase().as_str())
            })
    })
}

/// The common noun an event noun is of: its `nmod` common noun after a theme preposition
/// (`EventWords::theme_prepositions`), not in a dated time expression ("the approval *of a
/// second deal*": `deal`; not "the release, *following* hacker threats").
fn noun_object(words: &EventWords, d: &DocEvents, p: &crate::syntax::DocParse, e: &Event) -> Option<String> {
    if e.pos != super::Pos::Noun {
        return None;
    }
    let (w, sent) = p.word_in(e.sentence, e.span.start)?;
    let ws = &sent.words;
    p.children(e.sentence, w)
        .iter()
        .map(|&c| c as usize)
        .find(|&c| {
            let x = &ws[c];
            x.deprel == "nmod"
                && x.upos == "NOUN"
                && !d.times.iter().any(|t| t.span.start <= x.start && x.end <= t.span.end)
                && p.children(e.sentence, c).iter().any(|&k| {
                    let m = &ws[k as usize];
                    m.deprel == "case" && words.theme_prepositions.contains(&m.form.to_lowercase().as_str())
                })
        })
        .map(|c| ws[c].lemma.to_lowercase())
}

/// See: #20 item 4. An event noun of one thing and a verb or noun of another are two events:
/// "approved the merger" / "the approval of a second deal"; "the attack on the network" /
/// "the attack on the bank" (common nouns; names are [`different_participants`]'s).
fn different_objects(x: &Item, y: &Item) -> bool {
    fn object(i: &Item) -> Option<&str> {
        match (&i.noun_object, &i.patient) {
            (Some(o), _) => Some(o.as_str()),
            (None, Some((p, false))) => Some(p.as_str()),
            _ => None,
        }
    }
    (x.noun_object.is_some() || y.noun_object.is_some())
        && matches!((object(x), object(y)), (Some(a), Some(b)) if a != b)
}

/// Whether the event of item `i` heads its sentence (the parse's root).
fn heads_sentence(p: &crate::syntax::DocParse, e: &Event) -> bool {
    p.word_in(e.sentence, e.span.start)
        .is_some_and(|(w, sent)| sent.words[w].deprel == "root")
}

/// See: #20 item 4. Two mentions that happen at different places of one kind are two
/// events: the same preposition with different common nouns ("a fire broke out at a
/// warehouse" / "at a school"). Names are left out (a city is in a country: "killed in
/// Nairobi" / "killed in Kenya" may be one event), and so are event nouns ("killed in the
/// blast" / "in the explosion").
fn different_places(x: &Item, y: &Item) -> bool {
    x.setting.places.iter().any(|(p, a)| {
        y.setting.places.iter().any(|(q, b)| p == q && a != b)
            && !y.setting.places.iter().any(|(q, b)| p == q && a == b)
    })
}

/// See: #20 item 4. Evidence strong enough that two sources tell one event even when their
/// dates disagree: the same agent, the same patient, and the same number of it or the same
/// amounts of money ("Acme recalled 40,000 cars on March 3" / "Acme recalled 40,000 cars on
/// March 5"). Their dates then contradict each other: a conflict, not two recalls. Without
/// the number ("Acme recalled cars") the two stay two events.
fn same_telling(x: &Item, y: &Item) -> bool {
    let same = |a: &Participant, b: &Participant| matches!((a, b), (Some((p, _)), Some((q, _))) if p == q);
    let quantity = (!x.setting.count.is_empty() && x.setting.count == y.setting.count)
        || (!x.amounts.is_empty() && x.amounts == y.amounts);
    same(&x.agent, &y.agent)
        && same(&x.patient, &y.patient)
        && quantity
        && x.source.polarity == y.source.polarity
        && !x.distinct
        && !y.distinct
        && !x.repeatable
        && !y.repeatable
}

/// See: #20 item 4. Two tellings of one event in two documents, each dated to a day, that
/// name it so specifically that different days are a contradiction, not two occurrences:
/// the same agent and the same patient, the patient being a name ("Microsoft acquired
/// Nokia", "police arrested Smith") or counted as in [`same_telling`] ("recalled 40,000
/// cars"). "Acme recalled cars" on two days, an act people repeat, or a mention marked as
/// another one are two events.
fn told_alike(x: &Item, y: &Item) -> bool {
    let same = |a: &Participant, b: &Participant| matches!((a, b), (Some((p, _)), Some((q, _))) if p == q);
    let named = matches!(x.patient, Some((_, true))) && matches!(y.patient, Some((_, true)));
    x.doc != y.doc
        && x.day
        && y.day
        && same(&x.agent, &y.agent)
        && same(&x.patient, &y.patient)
        && (named || same_telling(x, y))
        && x.source.polarity == y.source.polarity
        && x.irrealis == y.irrealis
        && !x.distinct
        && !y.distinct
        && !x.repeatable
        && !y.repeatable
}

/// The agent and the patient of verb mention `e` from the parse: the active subject or the
/// passive's `by` phrase ("Apple unveiled", "unveiled by Apple"); the object or the passive
/// subject ("unveiled the iPhone", "the iPhone was unveiled"). Only nouns and names count:
/// pronouns say nothing.
///
/// An event noun's agent is its possessor when that is a name ("Albright's visit", "Daley's
/// visit"); it has no patient here.
///
/// A word inside a dated time expression is no participant ("passed the Senate Thursday",
/// parsed with `Thursday` as the object).
fn roles(d: &DocEvents, p: &crate::syntax::DocParse, e: &Event) -> (Participant, Participant) {
    if e.pos != super::Pos::Verb && e.pos != super::Pos::Noun {
        return (None, None);
    }
    let Some(w) = p.word_at(e.sentence, e.span.start) else {
        return (None, None);
    };
    let Some(sent) = p.sentences.get(e.sentence) else {
        return (None, None);
    };
    let words = &sent.words;
    let nominal = |x: &crate::syntax::ParsedWord| match x.upos.as_str() {
        "NOUN" => Some((x.lemma.to_lowercase(), false)),
        "PROPN" => Some((x.lemma.to_lowercase(), true)),
        _ => None,
    };
    let in_time =
        |x: &crate::syntax::ParsedWord| d.times.iter().any(|t| t.span.start <= x.start && x.end <= t.span.end);
    let deps = || {
        p.children(e.sentence, w)
            .iter()
            .map(|&c| (c as usize, &words[c as usize]))
            .filter(|(_, x)| !in_time(x))
    };
    if e.pos == super::Pos::Noun {
        let possessor = deps()
            .find(|(_, x)| x.deprel == "nmod:poss" && x.upos == "PROPN")
            .and_then(|(_, x)| nominal(x));
        return (possessor, None);
    }
    let agent = deps()
        .find(|(_, x)| x.deprel == "nsubj" || x.deprel == "obl:agent")
        .and_then(|(_, x)| nominal(x));
    // A name the parse reads as the verb's `xcomp` is its object too: "named John Smith chief
    // executive" (parsed as "named [John Smith chief executive]").
    let patient = deps()
        .find(|(_, x)| x.deprel == "obj" || x.deprel == "nsubj:pass")
        .or_else(|| deps().find(|(_, x)| x.deprel == "xcomp" && x.upos == "PROPN"))
        .and_then(|(_, x)| nominal(x));
    (agent, patient)
}

/// Two verb mentions whose agents are different things are two events: both common nouns
/// with different lemmas ("stocks fell" / "sales fell"), or both names with different lemmas
/// where neither name is in the other's sentence ("Ford recalled" / "Toyota recalled"). So
/// are two whose patients are different names ("Apple unveiled the iPhone" / "Apple unveiled
/// the iPad"); different common nouns as patients are not enough ("released the film" /
/// "released the movie"). A name against a common noun ("Apple unveiled" / "the company
/// unveiled") says nothing.
///
/// A name is all its words ([`name_words`]): "Apple Inc." and "Apple" share one, so they are
/// not different names.
fn different_participants(x: &Item, y: &Item) -> bool {
    let names_differ = |a: &String, b: &String, aw: &[String], bw: &[String]| {
        a != b && !aw.iter().any(|w| bw.contains(w)) && !x.names.contains(b) && !y.names.contains(a)
    };
    let agents = match (&x.agent, &y.agent) {
        (Some((a, false)), Some((b, false))) => a != b,
        (Some((a, true)), Some((b, true))) => names_differ(a, b, &x.name_words.0, &y.name_words.0),
        _ => false,
    };
    let patients = match (&x.patient, &y.patient) {
        (Some((a, true)), Some((b, true))) => names_differ(a, b, &x.name_words.1, &y.name_words.1),
        _ => false,
    };
    agents || patients
}

/// Two mentions with the same agent or the same patient (the same lemma of the head word),
/// where a name counts only when it is not the story's topic ([`Item::agent_counts`]).
fn same_participant(x: &Item, y: &Item) -> bool {
    let same = |a: &Participant, b: &Participant| matches!((a, b), (Some((p, _)), Some((q, _))) if p == q);
    (x.agent_counts && y.agent_counts && same(&x.agent, &y.agent))
        || (x.patient_counts && y.patient_counts && same(&x.patient, &y.patient))
}

/// No role is filled by two different heads ("The Senate passed the bill" / "The House
/// passed the bill": the subjects differ, whatever the object).
fn roles_agree(x: &Item, y: &Item) -> bool {
    // Whatever the case: a headline capitalises its words ("Mayor resigns" / "The mayor of
    // Lyon resigned").
    let agree = |a: &Participant, b: &Participant| match (a, b) {
        (Some((p, _)), Some((q, _))) => p.to_lowercase() == q.to_lowercase(),
        _ => true,
    };
    agree(&x.agent, &y.agent) && agree(&x.patient, &y.patient)
}

/// A verb mention's place in an event frame (`EventWords::event_frames`), from its lemma and
/// parsed object: the frame, its agent and patient heads with a frame object read as the
/// frame itself ("an order", "a contract": one thing), whether the verb is converse, and the
/// names of its other party ([`counterparts`]).
#[derive(Clone, Debug)]
struct FrameRoles {
    frame: &'static str,
    agent: Option<String>,
    patient: Option<String>,
    converse: bool,
    object_identifies: bool,
    counterparts: Option<Vec<String>>,
}

/// The [`FrameRoles`] of verb mention `e` with parsed roles `agent`, `patient`, or `None`
/// when its lemma (with its object) names no frame.
fn frame_roles(
    words: &EventWords,
    d: &DocEvents,
    e: &Event,
    agent: &Participant,
    patient: &Participant,
) -> Option<FrameRoles> {
    if e.pos != super::Pos::Verb {
        return None;
    }
    let lemma = e.lemma.as_str();
    let object = patient.as_ref().map(|(w, _)| w.as_str());
    let f = words.event_frames.iter().find(|f| {
        f.verbs.contains(&lemma) || (f.object_verbs.contains(&lemma) && object.is_some_and(|o| f.objects.contains(&o)))
    })?;
    let patient = object.map(|o| {
        if f.objects.contains(&o) {
            f.name.to_string()
        } else {
            o.to_string()
        }
    });
    Some(FrameRoles {
        frame: f.name,
        agent: agent.as_ref().map(|(w, _)| w.clone()),
        patient,
        converse: f.converse.contains(&lemma),
        object_identifies: f.object_identifies,
        counterparts: f
            .counterparts
            .then(|| d.syntax.map(|p| counterparts(d, p, e)))
            .flatten(),
    })
}

/// The names of the other party of verb mention `e`: the proper nouns attached to the verb
/// (`obl`) or to its object (`nmod`) through a preposition ("signed a contract *with
/// Qantas*", "won an order *from Qantas*"), lower-cased; not a word of a dated time
/// expression ("on *Monday*").
fn counterparts(d: &DocEvents, p: &crate::syntax::DocParse, e: &Event) -> Vec<String> {
    let Some((w, sent)) = p.word_in(e.sentence, e.span.start) else {
        return Vec::new();
    };
    let words = &sent.words;
    let kids = |h: usize| {
        p.children(e.sentence, h)
            .iter()
            .map(|&c| c as usize)
            .collect::<Vec<_>>()
    };
    let mut heads: Vec<usize> = kids(w).into_iter().filter(|&c| words[c].deprel == "obl").collect();
    for o in kids(w).into_iter().filter(|&c| words[c].deprel == "obj") {
        heads.extend(kids(o).into_iter().filter(|&c| words[c].deprel == "nmod"));
    }
    // Each name with its `compound` and `flat` words: "from Skyline Airways" (head
    // `Airways`) and "with Skyline Airways" (head `Skyline`) share `skyline`.
    let mut out: Vec<String> = heads
        .into_iter()
        .filter(|&h| {
            let x = &words[h];
            let in_time = d.times.iter().any(|t| t.span.start <= x.start && x.end <= t.span.end);
            x.upos == "PROPN" && !in_time && kids(h).iter().any(|&k| words[k].deprel == "case")
        })
        .flat_map(|h| {
            let parts = kids(h)
                .into_iter()
                .filter(|&k| matches!(words[k].deprel.as_str(), "compound" | "flat") && words[k].upos == "PROPN");
            std::iter::once(h).chain(parts).collect::<Vec<_>>()
        })
        .map(|h| words[h].lemma.to_lowercase())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Both mentions' agent and patient, each filled and equal, read straight or (for a converse
/// verb) swapped: "the Senate approved the bill" / "the bill passed the Senate".
fn frame_roles_match(a: &FrameRoles, b: &FrameRoles) -> bool {
    let full = |r: &FrameRoles| r.agent.is_some() && r.patient.is_some();
    full(a)
        && full(b)
        && a.frame == b.frame
        && ((a.agent == b.agent && a.patient == b.patient)
            || ((a.converse || b.converse) && a.agent == b.patient && a.patient == b.agent))
}

/// See: #20 item 4. Two mentions of one frame that are two events by their participants:
/// different things approved, when the frame's object tells the event ("the Senate approved
/// the budget" / "the Senate approved the farm bill"; "the farm bill passed the Senate" /
/// "the Senate approved the budget"), but not different agents alone ("Senators passed the
/// bill" / "the Senate passed the bill": [`different_participants`] judges agents); or other
/// parties that share no name ("a contract with Qantas" / "with Emirates").
fn frame_roles_differ(x: &Item, y: &Item) -> bool {
    let (Some(a), Some(b)) = (&x.frame, &y.frame) else {
        return false;
    };
    if a.frame != b.frame {
        return false;
    }
    // The thing approved, once one role is aligned: the patients when the agents are the same
    // (or neither verb is converse), else the roles a converse verb swaps.
    let differ = |p: &Option<String>, q: &Option<String>| matches!((p, q), (Some(p), Some(q)) if p != q);
    let converse = a.converse || b.converse;
    let objects = a.object_identifies
        && if a.agent.is_some() && a.agent == b.agent {
            differ(&a.patient, &b.patient)
        } else if converse && a.agent.is_some() && a.agent == b.patient {
            differ(&a.patient, &b.agent)
        } else if converse && a.patient.is_some() && a.patient == b.agent {
            differ(&a.agent, &b.patient)
        } else {
            !converse && differ(&a.patient, &b.patient)
        };
    // One name told by different heads ("named John Smith" / "appointed Smith") is one patient.
    let objects = objects && !x.name_words.1.iter().any(|w| y.name_words.1.contains(w));
    let parties = match (&a.counterparts, &b.counterparts) {
        (Some(p), Some(q)) => !p.is_empty() && !q.is_empty() && !p.iter().any(|w| q.contains(w)),
        _ => false,
    };
    objects || parties
}

/// See: #20 item 4. Two mentions of one frame told with different verbs ("approved" /
/// "passed"; "won an order" / "signed a contract") are one event when their participants
/// match ([`frame_roles_match`]) and, for a frame whose object does not tell the event
/// (a contract), the same amount of money or the same other party says which; and when they
/// are in one document, or one of them is dated to a day the other does not contradict.
fn frame_linked(x: &Item, y: &Item, same_day: bool) -> bool {
    let (Some(a), Some(b)) = (&x.frame, &y.frame) else {
        return false;
    };
    if !frame_roles_match(a, b) || x.distinct || y.distinct || x.source.polarity != y.source.polarity {
        return false;
    }
    let which = a.object_identifies
        || (!x.amounts.is_empty() && x.amounts.iter().any(|m| y.amounts.contains(m)))
        || matches!((&a.counterparts, &b.counterparts), (Some(p), Some(q)) if p.iter().any(|w| q.contains(w)));
    // One of the two dated to a day is enough when every role matches ("picked Ana Costa to
    // lead the company on Monday": the day dates the leading); the dates are checked after.
    which && (x.doc == y.doc || same_day || x.day || y.day)
}

/// A mention dated to one day, or two (an overnight or "Friday or Saturday"), by the dated
/// expressions linked to it.
fn day_precise(time: Option<(NaiveDate, NaiveDate)>) -> bool {
    time.is_some_and(|(a, b)| (b - a).num_days() <= 1)
}

fn hypothetical(e: &Event) -> bool {
    e.modality.is_some() || e.tense == Tense::Future
}

struct Item {
    doc: usize,
    /// Its own key first, then the keys of the groups it is a general word for.
    keys: Vec<String>,
    /// The agent and the patient of a verb mention, from the parse ([`roles`]).
    agent: Participant,
    patient: Participant,
    /// The agent (patient) is evidence of identity: a common noun, or a name that is not the
    /// story's topic.
    agent_counts: bool,
    patient_counts: bool,
    /// An act people repeat (`EventWords::event_repeatable`: `visit`, `meet`, `hold`, `vow`).
    repeatable: bool,
    /// Told in the document's headline (its first sentence, with no final stop).
    headline: bool,
    /// Dated to a day ([`day_precise`]).
    day: bool,
    /// The days of the time expression that premodifies this event noun (`the *1991*
    /// agreement`, `the *March 3* accord`), when one does ([`premodified_noun`]).
    premodifier: Option<(NaiveDate, NaiveDate)>,
    names: Vec<String>,
    /// The names that count as a shared participant: `names` without the story's topic.
    shared_names: Vec<String>,
    source: Source,
    lemma: String,
    class: EventClass,
    /// Takes part in coreference at all (not reporting, not a light or cognition verb).
    corefers: bool,
    /// A definite noun phrase (`the attack`, `this hack`) that can point back.
    definite: bool,
    /// Marked as a different event (`similar attacks`, `another hack`).
    distinct: bool,
    /// The content of a threat, promise or warning (`threats of attacks on theaters`).
    irrealis: bool,
    /// The mention's tense (what an undated mention says about its time against its DCT).
    tense: Tense,
    /// The amounts of money in its sentence ([`amounts`]).
    amounts: Vec<String>,
    /// Its places and counted patient, from the parse ([`setting`]).
    setting: Setting,
    /// The words of its agent's and patient's names ([`name_words`]).
    name_words: (Vec<String>, Vec<String>),
    /// Its place in an event frame, if its verb names one ([`frame_roles`]).
    frame: Option<FrameRoles>,
    /// Tells again the event just told, with a pronoun ([`pro_event`]: "It happened near Bath").
    pro: bool,
    /// Heads its sentence in the parse: the event a following pronoun most likely stands for.
    root: bool,
    /// What an event noun is of ([`noun_object`]: "the approval of a second deal").
    noun_object: Option<String>,
}

impl Item {
    /// The heads of the agent and patient that count as evidence of identity.
    fn counted_participants(&self) -> impl Iterator<Item = &str> {
        let agent = self.agent.as_ref().filter(|_| self.agent_counts);
        let patient = self.patient.as_ref().filter(|_| self.patient_counts);
        agent.into_iter().chain(patient).map(|(w, _)| w.as_str())
    }
}

/// From how many documents on a story has topic names that do not count as shared
/// participants (a name in more than half of its documents).
pub const TOPIC_MIN_DOCUMENTS: usize = 4;

/// How many later mentions of one key that share one name (or one document) a mention is
/// compared with: the nearest ones in document order. Mentions are blocked by key and name,
/// and a window over each block (sorted-neighbourhood blocking) keeps the merge linear when
/// one block holds thousands of mentions (one event told by thousands of documents); union
/// is transitive, so a long run of mentions of one event still ends in one cluster. Below
/// this many the result is the full pairwise one.
pub const MAX_CANDIDATES: usize = 256;

/// How many sentences back a definite noun (`the attack`) looks for the event it names.
pub const ANAPHOR_WINDOW: usize = 8;

/// How many sentences apart the same lemma in one document is taken as a repetition of one
/// event.
pub const REPEAT_WINDOW: usize = 2;

/// The sentences after a headline that are its lead: a headline's event merges with the
/// same or a synonymous event told in them (see [`merge`]). Within [`REPEAT_WINDOW`], so
/// the candidates of a headline mention include them.
pub const LEAD_SENTENCES: usize = 2;

// Event lemmas that name acts people repeat (`EventWords::event_repeatable`):
// travel and visits, meetings and news conferences, statements, vows and appeals, `hold`.
// In a story about one subject the same person visits, meets and vows again and again, so
// two such mentions are one event only when both are dated to the same day and share a
// participant, or as a definite anaphor or a repetition in one document.

// The merger's English word lists: determiners that make a noun phrase point back to an
// event told before (`the`, `this`), modifiers that say the event is a different one
// (`similar`, `another`), words whose complement has not happened (`threat`, `promis`, as
// prefixes), the words at which the look back to a determiner stops (`a`, `of`), and the
// lemmas that never corefer (light and cognition verbs: `do`, `know`, `say`).

// Prepositions that make the event after them a time anchor of what comes before ("since
// the bombings"): an anchor has happened, whatever threat or plan precedes it.

/// How many words before an event an irrealis cue reaches.
const IRREALIS_REACH: usize = 12;

/// What the words before an event say about it: (definite, distinct, irrealis).
fn np_marks(words: &EventWords, text: &str, analysis: &Analysis, e: &Event) -> (bool, bool, bool) {
    let Some(sent) = analysis.sentences.get(e.sentence) else {
        return (false, false, false);
    };
    let toks = &analysis.tokens;
    // The event's token, by binary search (a scan of the sentence per event was quadratic in
    // one long unpunctuated sentence).
    let k = analysis.token_at_or_after(e.span.start);
    let Some(i) = (k..sent.tokens.end.min(toks.len()))
        .take_while(|&k| toks[k].span.start == e.span.start)
        .find(|&k| toks[k].span == e.span)
        .filter(|k| sent.tokens.contains(k))
    else {
        return (false, false, false);
    };
    let nominal = e.pos == super::Pos::Noun || e.tense == Tense::PresPart;
    let lower = |k: usize| toks[k].text(text).to_lowercase();
    let mut definite = false;
    let mut distinct = false;
    if e.pos == super::Pos::Noun {
        // Up to three modifiers back to a determiner, within the word run.
        let mut k = i;
        let mut seen = 0;
        while k > sent.tokens.start && seen <= 3 {
            k -= 1;
            if toks[k].kind != TokenKind::Word {
                break;
            }
            let w = lower(k);
            if words.distinct_modifiers.contains(&w.as_str()) {
                distinct = true;
            }
            if words.definite.contains(&w.as_str()) {
                definite = true;
                break;
            }
            if words.np_stops.contains(&w.as_str()) {
                break;
            }
            seen += 1;
        }
    }
    // The nearest cue back, unless a temporal preposition comes first: "threats against
    // Americans since the Africa bombings" — the bombings date the threats, they happened.
    let irrealis = nominal
        && (sent.tokens.start..i)
            .rev()
            .filter(|&k| toks[k].kind == TokenKind::Word)
            .take(IRREALIS_REACH)
            .map(lower)
            .find_map(|w| {
                if words.temporal_prepositions.contains(&w.as_str()) {
                    Some(false)
                } else {
                    words.is_irrealis_cue(&w).then_some(true)
                }
            })
            .unwrap_or(false);
    // A verb told as future, under a modal or as an infinitive ("expected to raise rates
    // again") has not happened either: it is not the same event as one told as happening
    // ("raised rates on Thursday").
    let verbal_irrealis =
        e.pos == super::Pos::Verb && (matches!(e.tense, Tense::Future | Tense::Infinitive) || e.modality.is_some());
    (definite && !distinct, distinct, irrealis || verbal_irrealis)
}

/// The event a pro-verb mention (item `b`, [`pro_event`]) tells again: in the sentence just
/// before it in its paragraph (no blank line between), the one that heads that sentence, or
/// else its first; a happening told as such (it takes part in coreference, not irrealis, not
/// marked as a different event, not itself a pro-verb).
fn pro_antecedent(docs: &[DocEvents], items: &[Item], b: usize) -> Option<usize> {
    let y = &items[b];
    let prev = y.source.sentence.checked_sub(1)?;
    let d = docs.get(y.doc)?;
    let (s0, s1) = (
        d.analysis.sentences.get(prev)?,
        d.analysis.sentences.get(y.source.sentence)?,
    );
    if d.text.get(s0.span.end..s1.span.start)?.matches('\n').count() >= 2 {
        return None;
    }
    let candidates: Vec<usize> = (0..b)
        .rev()
        .take_while(|&a| items[a].doc == y.doc && items[a].source.sentence >= prev)
        .filter(|&a| {
            let x = &items[a];
            x.source.sentence == prev && x.corefers && !x.irrealis && !x.distinct && !x.pro
        })
        .collect();
    candidates
        .iter()
        .copied()
        .find(|&a| items[a].root)
        .or_else(|| candidates.last().copied())
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Group the events of several documents into clusters (see the module docs for the rules).
/// Every event of every document is in exactly one cluster; clusters are ordered by their
/// first source (document order, then position).
pub fn merge(docs: &[DocEvents]) -> Vec<Cluster> {
    merge_in(EventWords::english(), docs)
}

/// [`merge`] with the words of a language: its synonym groups, hypernyms and the cues of
/// definite, distinct and irrealis mentions.
pub fn merge_in(words: &EventWords, docs: &[DocEvents]) -> Vec<Cluster> {
    let table = KeyTable::of(words);
    let mut items = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let sorted = d.times.windows(2).all(|w| w[0].span.start <= w[1].span.start);
        // The sentence's names and text, computed once per sentence (events come in
        // sentence order).
        let mut last: Option<(usize, Vec<String>, std::sync::Arc<str>, SentenceTime)> = None;
        for (ei, e) in d.events.iter().enumerate() {
            let si = e.sentence.min(d.analysis.sentences.len().saturating_sub(1));
            let (names, sentence_text, time, premodifier) = if d.analysis.sentences.is_empty() {
                (Vec::new(), std::sync::Arc::from(""), None, None)
            } else {
                if last.as_ref().is_none_or(|(s, _, _, _)| *s != si) {
                    last = Some((
                        si,
                        names(words, d.text, d.analysis, si),
                        std::sync::Arc::from(d.analysis.sentences[si].span.slice(d.text)),
                        sentence_time(d, si, sorted),
                    ));
                }
                let (_, n, t, time) = last.as_ref().expect("set above");
                let own = match &d.event_times {
                    Some(v) => v.get(ei).copied().flatten(),
                    None => time.of(ei),
                };
                // See: #20 item 9. A headline dated to its publication day only by its
                // dateline tells the story's news in the historical present: the day is
                // the dateline's, not the event's ("Apple executive Steve Jobs resigns" on
                // August 25; "Jobs resigned on Wednesday", August 24, in the lead).
                let dateline =
                    si == 0 && super::label::reads_as_headline(t) && own.is_some_and(|(a, b)| a == d.dct && b == d.dct);
                let own = if dateline { None } else { own };
                (n.clone(), t.clone(), own, time.owned.get(&ei).copied().flatten())
            };
            let (definite, distinct, irrealis) = np_marks(words, d.text, d.analysis, e);
            let roles = d.syntax.map_or((None, None), |p| roles(d, p, e));
            let frame = frame_roles(words, d, e, &roles.0, &roles.1);
            let mut keys = keys(&table, &e.lemma);
            if let Some(f) = &frame {
                keys.push(format!("@{}", f.frame));
            }
            let setting = d.syntax.map_or_else(Setting::default, |p| setting(words, d, p, e));
            // See: #20 item 4. "Costa's appointment", "his resignation": a possessor makes
            // an event noun point back like a determiner.
            let definite = definite || !distinct && d.syntax.is_some_and(|p| possessed(p, e));
            let distinct = distinct || d.syntax.is_some_and(|p| distinct_setting(words, d, p, e));
            let noun_object = d.syntax.and_then(|p| noun_object(words, d, p, e));
            items.push(Item {
                doc: di,
                keys,
                frame,
                pro: d.syntax.is_some_and(|p| pro_event(words, p, e)),
                noun_object,
                root: d.syntax.is_some_and(|p| heads_sentence(p, e)),
                agent_counts: roles.0.is_some(),
                patient_counts: roles.1.is_some(),
                agent: roles.0,
                patient: roles.1,
                repeatable: words.event_repeatable.contains(&e.lemma.as_str()),
                headline: si == 0
                    && d.analysis.sentences.len() > 1
                    && super::label::reads_as_headline(d.analysis.sentences[0].span.slice(d.text)),
                day: day_precise(time),
                premodifier,
                shared_names: names.clone(),
                names,
                lemma: e.lemma.clone(),
                class: e.class,
                corefers: e.class != EventClass::Reporting && !words.non_coreferring.contains(&e.lemma.as_str()),
                definite,
                distinct,
                irrealis,
                tense: e.tense,
                setting,
                name_words: d.syntax.map_or_else(Default::default, |p| name_words(p, e)),
                amounts: if d.analysis.sentences.is_empty() {
                    Vec::new()
                } else {
                    amounts(d.text, d.analysis, si)
                },
                source: Source {
                    doc: d.doc.clone(),
                    dct: d.dct,
                    event: ei,
                    span: e.span,
                    text: e.text.clone(),
                    sentence: e.sentence,
                    sentence_text,
                    time,
                    polarity: e.polarity,
                    modality: if hypothetical(e) {
                        Some(e.modality.clone().unwrap_or_else(|| words.future_modality.into()))
                    } else {
                        None
                    },
                },
            });
        }
    }
    // The story's topic names say nothing about which event a mention is: in a story of
    // many documents, a name in more than half of them ("Apple" in a story about Apple,
    // "Kenya" in one about the Nairobi bombing) is no shared participant.
    if docs.len() >= TOPIC_MIN_DOCUMENTS {
        let mut df: std::collections::HashMap<&str, std::collections::BTreeSet<usize>> = Default::default();
        for it in &items {
            // A name that opens its sentence is not among `names` (capitalised anyway), but
            // the parse gives it as a subject: it counts for the story's topic too.
            let heads = [&it.agent, &it.patient]
                .into_iter()
                .filter_map(|p| p.as_ref().filter(|(_, name)| *name).map(|(w, _)| w));
            for name in it.names.iter().chain(heads) {
                df.entry(name.as_str()).or_default().insert(it.doc);
            }
        }
        let topical: std::collections::HashSet<String> = df
            .into_iter()
            .filter(|(_, d)| d.len() * 2 > docs.len())
            .map(|(name, _)| name.to_string())
            .collect();
        let topic = |p: &Participant| matches!(p, Some((w, true)) if topical.contains(w));
        for it in &mut items {
            it.shared_names.retain(|w| !topical.contains(w));
            it.agent_counts &= !topic(&it.agent);
            it.patient_counts &= !topic(&it.patient);
        }
    }
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // The time every member of a cluster allows (by its root): the intersection of what each
    // member's date, or tense against its DCT, implies.
    let mut span: Vec<Option<(NaiveDate, NaiveDate)>> = items.iter().map(implied).collect();
    let mut time_conflicts: Vec<(usize, usize)> = Vec::new();
    let mut contradictions: Vec<(usize, usize)> = Vec::new();
    // For a definite noun, the nearest earlier mention of the same kind in its document
    // that it can point back to.
    //
    // Only mentions with the same key (lemma or synonym group) can be the same event, so
    // candidates are compared within key groups: the cost grows with the size of each group,
    // not with the square of all mentions across all documents.
    // A mention is in the group of each of its keys (a general word like "attack" in those
    // of the kinds it names).
    let mut groups: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    // Each mention's position in each of its groups.
    let mut gpos: std::collections::HashMap<(&str, usize), usize> = std::collections::HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for k in &it.keys {
            let g = groups.entry(k.as_str()).or_default();
            gpos.insert((k.as_str(), i), g.len());
            g.push(i);
        }
    }
    let mut antecedent: Vec<Option<usize>> = vec![None; n];
    for group in groups.values() {
        for (gb, &b) in group.iter().enumerate() {
            let y = &items[b];
            if !y.definite || !y.corefers || y.irrealis {
                continue;
            }
            // Mentions are in document and text order: scanning back, the first one of
            // another document or out of the window ends the search (it went on through
            // every earlier document's mentions).
            let found = group[..gb]
                .iter()
                .rev()
                .copied()
                .take_while(|&a| {
                    let x = &items[a];
                    x.doc == y.doc && x.source.sentence + ANAPHOR_WINDOW >= y.source.sentence
                })
                .find(|&a| {
                    let x = &items[a];
                    x.doc == y.doc
                        && x.corefers
                        && !x.irrealis
                        && x.source.sentence + ANAPHOR_WINDOW >= y.source.sentence
                        && !disjoint(x.source.time, y.source.time)
                })
                // See: #20 item 4. The nearest one told as a different event ("In a separate
                // accident, a lorry crashed ... The collision") is the one it names: it
                // names none of the others.
                .filter(|&a| !items[a].distinct);
            // The nearest of the candidates its groups give (mentions are in text order).
            antecedent[b] = antecedent[b].max(found);
        }
    }
    // The anaphors of each mention (the inverse of `antecedent`).
    let mut anaphors: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    for (b, a) in antecedent.iter().enumerate() {
        if let Some(a) = *a {
            anaphors.entry(a).or_default().push(b);
        }
    }
    for (&gkey, group) in groups.iter() {
        // Two mentions can only merge when they share a name or a document (an anaphor, a
        // repetition): index the group by both and visit just those pairs, in the order of
        // the full pairwise loop (`a` then `b` by group position), so the result is the same
        // while the cost no longer grows with the square of a common lemma's mentions.
        let mut by_key: std::collections::HashMap<(Option<&str>, usize), Vec<usize>> = std::collections::HashMap::new();
        let mut by_day: std::collections::HashMap<NaiveDate, Vec<usize>> = std::collections::HashMap::new();
        let mut by_premodifier: std::collections::HashMap<(NaiveDate, NaiveDate), Vec<usize>> =
            std::collections::HashMap::new();
        for (g, &i) in group.iter().enumerate() {
            let it = &items[i];
            if !it.corefers {
                continue;
            }
            by_key.entry((None, it.doc)).or_default().push(g);
            for name in &it.shared_names {
                by_key.entry((Some(name.as_str()), 0)).or_default().push(g);
            }
            // Under the heads of its counted participants (a shared object links mentions
            // across documents, see `participant` below).
            for head in it.counted_participants() {
                by_key.entry((Some(head), 1)).or_default().push(g);
            }
            // A noun premodified by a time expression, under its days (`the 1991 agreement`).
            if let Some(days) = it.premodifier {
                by_premodifier.entry(days).or_default().push(g);
            }
            // A mention dated to a day, under each of its days: the same day links two
            // mentions without a shared name.
            if let (true, Some((first, last))) = (it.day, it.source.time) {
                for d in first.iter_days().take_while(|d| *d <= last) {
                    by_day.entry(d).or_default().push(g);
                }
            }
        }
        let mut later: Vec<usize> = Vec::new();
        for (ga, &a) in group.iter().enumerate() {
            let x = &items[a];
            if !x.corefers {
                continue;
            }
            later.clear();
            // In its own document a mention without a shared name merges only with its
            // anaphors and with a repetition within REPEAT_WINDOW sentences (mentions are in
            // sentence order): the other pairs of the document are skipped by the test below
            // anyway, and visiting them all was quadratic in one long document.
            if let Some(list) = by_key.get(&(None, x.doc)) {
                let from = list.partition_point(|&g| g <= ga);
                let near = list[from..]
                    .iter()
                    .take(MAX_CANDIDATES)
                    .take_while(|&&g| items[group[g]].source.sentence <= x.source.sentence + REPEAT_WINDOW);
                later.extend(near);
                for &b in anaphors.get(&a).map_or(&[][..], Vec::as_slice) {
                    if let Some(&g) = gpos.get(&(gkey, b)) {
                        later.push(g);
                    }
                }
            }
            let names = x
                .shared_names
                .iter()
                .filter_map(|n| by_key.get(&(Some(n.as_str()), 0)))
                .chain(x.counted_participants().filter_map(|h| by_key.get(&(Some(h), 1))));
            let days = match (x.day, x.source.time) {
                (true, Some((first, last))) => first.iter_days().take_while(|d| *d <= last).collect(),
                _ => Vec::new(),
            };
            let premodified = x.premodifier.and_then(|p| by_premodifier.get(&p));
            for list in names
                .chain(days.iter().filter_map(|d| by_day.get(d)))
                .chain(premodified)
            {
                let from = list.partition_point(|&g| g <= ga);
                later.extend_from_slice(&list[from..list.len().min(from + MAX_CANDIDATES)]);
            }
            later.sort_unstable();
            later.dedup();
            for &gb in &later {
                let b = group[gb];
                let (x, y) = (&items[a], &items[b]);
                if !x.corefers || !y.corefers {
                    continue;
                }
                // Already one cluster: the pair can only add a time conflict, and only when
                // its times disagree (the test is the same as below, found earlier).
                if find(&mut parent, a) == find(&mut parent, b) && !disjoint(x.source.time, y.source.time) {
                    continue;
                }
                // Told as not (yet) happening, or as a different one: never the same event as
                // one told as happening; "similar attacks" are not the attacks of its document.
                // A headline's historical present tells the news whatever its stage: "Acme
                // buys Zenco" over "Acme agreed to acquire Zenco" is the lead's acquisition.
                let headline_present = x.headline
                    && x.tense == Tense::Present
                    && x.doc == y.doc
                    && y.source.sentence <= LEAD_SENTENCES
                    && y.tense == Tense::Infinitive;
                if x.irrealis != y.irrealis && !headline_present || (x.doc == y.doc && (x.distinct || y.distinct)) {
                    continue;
                }
                let shared = x.shared_names.iter().filter(|w| y.shared_names.contains(w)).count();
                if different_participants(x, y)
                    || different_amounts(x, y)
                    || different_places(x, y)
                    || different_spots(x, y)
                    || different_objects(x, y)
                    || frame_roles_differ(x, y)
                {
                    continue;
                }
                let anaphor = antecedent[b] == Some(a);
                // The same word again within a couple of sentences, told the same way: a
                // repetition ("being treated as a serious matter ... It is being treated by the FBI").
                // See: #20 item 4. A synonym counts as the same word ("named Ana Costa chief
                // executive ... The board appointed her"), with no role filled twice; a
                // definite noun ("the collision") names the event its anaphor search finds.
                let repeated = x.doc == y.doc
                    && (x.lemma == y.lemma || gkey.starts_with('#') && !y.definite && roles_agree(x, y))
                    && x.source.polarity == y.source.polarity
                    && x.source.sentence + REPEAT_WINDOW >= y.source.sentence;
                // Evidence of identity beyond the word. An act people repeat (a visit, a
                // meeting, a vow) needs the same day and a shared participant; another needs a
                // shared name (not the story's topic), or, across documents, the same day.
                let same_day = x.day && y.day && !disjoint(x.source.time, y.source.time);
                let repeatable = x.repeatable || y.repeatable;
                // An act people repeat, told again in the next sentence, is a repetition only
                // with the same participant or day ("held a news conference ... held two
                // suspects" are two).
                let repeated = repeated && (!repeatable || same_day || same_participant(x, y));
                // See: #20 item 4. A headline and its lead tell one event: the headline's
                // event and the lead's with the same or a synonymous word, told the same way,
                // with no role filled by two different heads ("Acme buys Zenco" / "Acme Corp
                // acquired Zenco Inc on Monday"; "Storm floods coastal towns" / "A storm
                // flooded several coastal towns").
                let lead = x.headline
                    && x.doc == y.doc
                    && y.source.sentence <= LEAD_SENTENCES
                    && x.source.polarity == y.source.polarity
                    && roles_agree(x, y);
                let linked = if gkey.starts_with('@') {
                    // An event frame's group: told with different verbs, only the
                    // participants link them.
                    frame_linked(x, y, same_day)
                } else {
                    anaphor
                        || repeated
                        || lead
                        || if repeatable {
                            same_day && (shared > 0 || same_participant(x, y))
                        } else {
                            // See: #20 item 4. Across documents, the same participant (the head
                            // of the subject or object, not the story's topic) with one of the
                            // two dated to a day and the other not against it: "voted on
                            // Tuesday to pass the bill" / "passed the bill on Tuesday". Not for a
                            // mention marked as another one ("a second contract").
                            let participant = (x.day || y.day)
                                && !x.distinct
                                && !y.distinct
                                && same_participant(x, y)
                                && roles_agree(x, y);
                            // A noun named by its date, twice (`the 1991 agreement`): a definite
                            // description as good as a name, in one document or two.
                            let dated_name = x.premodifier.is_some()
                                && x.premodifier == y.premodifier
                                && x.lemma == y.lemma
                                && !x.distinct
                                && !y.distinct;
                            shared > 0 || dated_name || (x.doc != y.doc && (same_day || participant))
                        }
                };
                if !linked {
                    continue;
                }
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                if disjoint(x.source.time, y.source.time) {
                    // Two sources that tell one event with different dates contradict each
                    // other; mentions in documents published far apart are two events. So are
                    // two dated to different days (news gives the day of what it tells) and two
                    // of an act people repeat.
                    let close = (x.source.dct - y.source.dct).num_days().abs() <= UNDATED_DCT_GAP;
                    // See: #20 item 4. Told alike on two days by two documents: two events
                    // linked by a contradiction, neither date widened nor chosen.
                    if close && told_alike(x, y) {
                        contradictions.push((a, b));
                        continue;
                    }
                    let named = !(shared < 2 || x.distinct || y.distinct || repeatable || x.day && y.day);
                    let told = named || x.doc != y.doc && same_telling(x, y);
                    if !close || !told {
                        continue;
                    }
                    time_conflicts.push((a, b));
                } else if x.doc != y.doc && !compatible_across(x, y) {
                    continue;
                } else if ra != rb && disjoint(span[ra], span[rb]) {
                    // Merging is transitive: a pair may agree while their clusters do not
                    // (2007 ~ undated ~ April 2010).
                    continue;
                }
                if ra != rb {
                    let (lo, hi) = (ra.min(rb), ra.max(rb));
                    parent[hi] = lo;
                    span[lo] = intersect(span[lo], span[hi]);
                }
            }
        }
    }
    // See: #20 item 4. "A small plane crashed on Saturday. It happened near Bath.": a pro-verb
    // with a pronoun subject joins the event told just before it in its paragraph.
    for b in 0..n {
        if !items[b].pro || items[b].irrealis {
            continue;
        }
        let Some(a) = pro_antecedent(docs, &items, b) else {
            continue;
        };
        let (x, y) = (&items[a], &items[b]);
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb
            || disjoint(x.source.time, y.source.time)
            || disjoint(span[ra], span[rb])
            || x.source.polarity != y.source.polarity
        {
            continue;
        }
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        parent[hi] = lo;
        span[lo] = intersect(span[lo], span[hi]);
    }
    let time_conflicts: std::collections::BTreeSet<(usize, usize)> = time_conflicts.into_iter().collect();
    // Collect clusters in order of their first item (items are in document order).
    let mut root_cluster: Vec<Option<usize>> = vec![None; n];
    let mut members: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        let c = *root_cluster[r].get_or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[c].push(i);
    }
    // Each item's cluster and place among its sources; a contradiction between two items
    // that ended in one cluster (through a third telling) is left to its time conflicts.
    let mut place: Vec<(usize, usize)> = vec![(0, 0); n];
    for (c, m) in members.iter().enumerate() {
        for (p, &i) in m.iter().enumerate() {
            place[i] = (c, p);
        }
    }
    let mut contradicted_by: Vec<Vec<Contradiction>> = vec![Vec::new(); members.len()];
    contradictions.sort_unstable();
    contradictions.dedup();
    for &(a, b) in &contradictions {
        let ((ca, pa), (cb, pb)) = (place[a], place[b]);
        if ca == cb {
            continue;
        }
        let ((c1, p1), (c2, p2)) = if ca < cb {
            ((ca, pa), (cb, pb))
        } else {
            ((cb, pb), (ca, pa))
        };
        let k = Contradiction {
            source: p1,
            cluster: c2,
            other: p2,
        };
        if !contradicted_by[c1].contains(&k) {
            contradicted_by[c1].push(k);
        }
    }
    members
        .into_iter()
        .zip(contradicted_by)
        .map(|(m, contradicted_by)| {
            let sources: Vec<Source> = m.iter().map(|&i| items[i].source.clone()).collect();
            let conflicts = conflicts(&m, &sources, &time_conflicts);
            let first = &items[m[0]];
            Cluster {
                lemma: first.lemma.clone(),
                class: first.class,
                sources,
                conflicts,
                contradicted_by,
            }
        })
        .collect()
}

/// The disagreements between the sources of one cluster (`m`: their items), by pairs of
/// sources in order, at most [`MAX_CONFLICTS`]. Only the pairs that disagree are visited:
/// for each source, the later ones of the other polarity, of the other factuality, and
/// those its time conflicts name, merged in order.
fn conflicts(
    m: &[usize],
    sources: &[Source],
    time_conflicts: &std::collections::BTreeSet<(usize, usize)>,
) -> Vec<Conflict> {
    // Positions of the sources by polarity and by factuality (modality or not).
    let mut by_polarity: std::collections::BTreeMap<Polarity, Vec<usize>> = Default::default();
    let mut by_modality: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for (p, x) in sources.iter().enumerate() {
        by_polarity.entry(x.polarity).or_default().push(p);
        by_modality[usize::from(x.modality.is_some())].push(p);
    }
    let position: std::collections::HashMap<usize, usize> = m.iter().enumerate().map(|(p, &i)| (i, p)).collect();
    let mut out = Vec::new();
    let mut later: Vec<usize> = Vec::new();
    for (p, x) in sources.iter().enumerate() {
        if out.len() >= MAX_CONFLICTS {
            break;
        }
        later.clear();
        let after = |list: &[usize]| list[list.partition_point(|&q| q <= p)..].to_vec();
        for (pol, list) in &by_polarity {
            if *pol != x.polarity {
                later.extend(after(list));
            }
        }
        later.extend(after(&by_modality[usize::from(x.modality.is_none())]));
        for &(_, b) in time_conflicts.range((m[p], 0)..=(m[p], usize::MAX)) {
            if let Some(&q) = position.get(&b) {
                if q > p {
                    later.push(q);
                }
            }
        }
        later.sort_unstable();
        later.dedup();
        for &q in &later {
            if out.len() >= MAX_CONFLICTS {
                break;
            }
            let y = &sources[q];
            if x.polarity != y.polarity {
                out.push(Conflict {
                    kind: ConflictKind::Polarity,
                    sources: (p, q),
                    message: format!(
                        "{} says `{}` ({}), {} says `{}` ({})",
                        x.doc, x.text, x.polarity, y.doc, y.text, y.polarity
                    ),
                });
            }
            if x.modality.is_some() != y.modality.is_some() {
                let (h, a) = if x.modality.is_some() { (x, y) } else { (y, x) };
                out.push(Conflict {
                    kind: ConflictKind::Factuality,
                    sources: (p, q),
                    message: format!(
                        "{} asserts `{}`, {} makes it hypothetical (`{}`)",
                        a.doc,
                        a.text,
                        h.doc,
                        h.modality.as_deref().unwrap_or("")
                    ),
                });
            }
            if time_conflicts.contains(&(m[p], m[q])) {
                let (Some(tx), Some(ty)) = (x.time, y.time) else {
                    continue;
                };
                out.push(Conflict {
                    kind: ConflictKind::Time,
                    sources: (p, q),
                    message: format!(
                        "{} dates `{}` {}..{}, {} dates `{}` {}..{}",
                        x.doc, x.text, tx.0, tx.1, y.doc, y.text, ty.0, ty.1
                    ),
                });
            }
        }
    }
    out.truncate(MAX_CONFLICTS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(
        id: &str,
        dct: &str,
        text: &'a str,
        a: &'a Analysis,
        ev: &'a [Event],
        times: &[(&str, &str)],
    ) -> DocEvents<'a> {
        DocEvents {
            syntax: None,
            event_times: None,
            doc: id.into(),
            dct: dct.parse().unwrap(),
            text,
            analysis: a,
            events: ev,
            times: times
                .iter()
                .map(|(w, v)| {
                    let s = text.find(w).unwrap();
                    TimeMention {
                        span: Span::new(s, s + w.len()),
                        value: v.to_string(),
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn same_event_two_sources_and_conflicts() {
        let t1 = "Investigators said the Sony hack began in November. Then Sony released the film.";
        let t2 = "Lewis said the attack on Sony was serious. But Sony has not released the film.";
        let (a1, a2) = (Analysis::new(t1), Analysis::new(t2));
        let (e1, e2) = (
            super::super::extract_spans(t1, &a1, &[]),
            super::super::extract_spans(t2, &a2, &[]),
        );
        let docs = [
            doc("a", "2014-12-17", t1, &a1, &e1, &[]),
            doc("b", "2014-12-18", t2, &a2, &e2, &[]),
        ];
        let c = merge(&docs);
        // Every event lands in exactly one cluster.
        assert_eq!(c.iter().map(|c| c.sources.len()).sum::<usize>(), e1.len() + e2.len());
        let hack = c.iter().find(|c| c.lemma == "hack").expect("hack cluster");
        assert_eq!(hack.documents(), 2);
        assert!(hack.sources.iter().any(|s| s.text == "attack"));
        assert_eq!(hack.sources[1].dct.to_string(), "2014-12-18");
        // "said" twice, but reporting events never merge.
        assert!(c.iter().filter(|c| c.lemma == "say").all(|c| c.sources.len() == 1));
        let rel = c.iter().find(|c| c.lemma == "release").expect("release cluster");
        assert_eq!(rel.documents(), 2);
        assert_eq!(rel.conflicts.len(), 1);
        assert_eq!(rel.conflicts[0].kind, ConflictKind::Polarity);
    }

    #[test]
    fn disjoint_times() {
        let t1 = "The attack on Sony happened in 2013.";
        let t2 = "The attack on Sony happened in November 2014.";
        let (a1, a2) = (Analysis::new(t1), Analysis::new(t2));
        let (e1, e2) = (
            super::super::extract_spans(t1, &a1, &[]),
            super::super::extract_spans(t2, &a2, &[]),
        );
        let docs = [
            doc("a", "2014-12-17", t1, &a1, &e1, &[("2013", "2013")]),
            doc("b", "2014-12-18", t2, &a2, &e2, &[("November 2014", "2014-11")]),
        ];
        // One shared name and disjoint times: two events.
        let c = merge(&docs);
        assert!(c.iter().any(|c| c.lemma == "attack"));
        assert!(c.iter().all(|c| c.documents() == 1), "{c:#?}");
        // Two shared names: the same event, with the disagreement reported.
        let t3 = "The attack on Sony Pictures happened in 2013.";
        let t4 = "The attack on Sony Pictures happened in November 2014.";
        let (a3, a4) = (Analysis::new(t3), Analysis::new(t4));
        let (e3, e4) = (
            super::super::extract_spans(t3, &a3, &[]),
            super::super::extract_spans(t4, &a4, &[]),
        );
        let docs = [
            doc("a", "2014-12-17", t3, &a3, &e3, &[("2013", "2013")]),
            doc("b", "2014-12-18", t4, &a4, &e4, &[("November 2014", "2014-11")]),
        ];
        let c = merge(&docs);
        let attack = c.iter().find(|c| c.lemma == "attack").unwrap();
        assert_eq!(attack.documents(), 2);
        assert!(
            attack.conflicts.iter().any(|k| k.kind == ConflictKind::Time),
            "{attack:#?}"
        );
    }
}
