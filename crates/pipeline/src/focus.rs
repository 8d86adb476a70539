//! Focus: what a timeline is about. Finds the mentions of a target entity in an analysed
//! document and the events the entity takes part in, read from the dependency parse.
//!
//! **Mentions** ([`Entity::mentions`]):
//!
//! | kind | example (entity) | rule |
//! |---|---|---|
//! | name | "Steve Jobs", "steve jobs" | the words of the name or an alias, case-insensitively; a word written with a capital in the name needs one in the text |
//! | surname / last word | "Jobs" (Steve Jobs) | a multi-word name's last word when it is capitalized and at least 4 letters; never a lower-case word ("jobs") |
//! | swapped | "Jobs Steve" | a two-word name's words swapped |
//! | acronym | "GM" (General Motors), "General Motors" (GM) | the initials of a name's capitalized words, upper-case in the text; a name written as an acronym matches capitalized word runs whose initials spell it ("Dow Jones Industrial Average" for DJIA) |
//! | alias | `--alias "Apple Inc."` | given by the user |
//! | pronoun | "he", "his", "it", "its" | within the next [`PRONOUN_REACH`] sentences of a sentence naming the entity, with no other name as subject in between; the pronoun class (he/she or it) is read from the documents: the subject pronouns that follow a sentence whose subject is the entity |
//! | definite description | "the company", "the device" | "the" + a noun the text itself uses to describe the entity: an apposition ("Apple, the company") or a copula ("the iPhone is a device"), within the same document |
//! | class description | "the aircraft", "the superjumbo" (Airbus A380) | "the" + the name's own head noun when it is a common noun ("embassy" for "Nairobi embassy"), or a class noun of a word of the name (`CLASS_NOUNS`, `src/lang/en/data/timeline/class-nouns.tsv`), in the paragraph of an earlier mention; it carries the chain of reference on for pronouns ("It landed ...") |
//!
//! **Involvement** ([`involved_events`]): an event involves the entity when a mention is one
//! of its arguments. From the mention's head word the parse is climbed through nominal
//! links (compound, flat, apposition, coordination, case, determiners, modifiers) to the
//! first predicate that takes it as subject, object, oblique, agent, possessor or nominal
//! modifier; that predicate's event is involved, and with it the events that share the
//! argument: an `xcomp` complement ("Jobs decided *to leave*"), a coordinated verb without
//! a subject of its own ("returned and *reassumed*"), the event noun object of a light verb
//! ("gave the *keynote*"), and the predicate of a relative clause on the mention ("Jobs,
//! who *returned* in 1996").

use crate::events::Event;
use crate::lang::EventWords;
use crate::syntax::{DocParse, ParsedSentence};
use crate::text::Span;
use std::collections::BTreeSet;

/// An analysed document as focus reads it: the dependency parse of its sentences and its
/// events. The pipeline's analysed document implements it, so that focus, which the
/// pipeline calls, does not import the pipeline.
pub trait Parsed {
    /// The dependency parse of every sentence.
    fn parse(&self) -> &DocParse;
    /// The events, in text order.
    fn events(&self) -> &[Event];
    /// The words of the document's language (pronouns, class nouns, support verbs).
    fn words(&self) -> &EventWords;
    /// The paragraph (0-based) of every sentence, in sentence order. A description by a
    /// class noun ("the aircraft") refers back only within a paragraph. Default: one
    /// paragraph.
    fn paragraphs(&self) -> Vec<usize> {
        vec![0; self.parse().sentences.len()]
    }
}

/// How many sentences after one naming the entity a pronoun may refer back to it.
pub const PRONOUN_REACH: usize = 2;

/// A target entity: a name and the other names it goes by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The name as given ("General Motors").
    pub name: String,
    /// Every name the entity is matched by, each as its words (the name first).
    names: Vec<Vec<String>>,
    /// The acronym of a multi-word name ("GM"), matched only upper-case.
    acronym: Option<String>,
    /// The name itself is an acronym: expansions are looked for in the text.
    is_acronym: bool,
}

/// One mention of the entity in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mention {
    /// Sentence index in the document's analysis.
    pub sentence: usize,
    /// The mention's head word (0-based) in that sentence's parse.
    pub word: usize,
    /// Byte span of the mention.
    pub span: Span,
    /// How it was found.
    pub kind: MentionKind,
}

/// How a [`Mention`] was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MentionKind {
    /// The name, an alias, a surname, an acronym or an expansion of one.
    Name,
    /// A pronoun referring back to a named mention.
    Pronoun,
    /// "the" + a noun the text uses to describe the entity.
    Description,
}

fn has_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

/// Does text word `w` match name word `n`: equal ignoring case, and capitalized where the
/// name has a capital ("jobs" is not "Jobs").
fn word_matches(w: &str, n: &str) -> bool {
    w.to_lowercase() == n.to_lowercase() && (!has_upper(n) || has_upper(w))
}

impl Entity {
    /// An entity named `name`, also known by `aliases`.
    pub fn new(name: &str, aliases: &[String]) -> Entity {
        let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_string).collect() };
        let w = words(name);
        let mut names = vec![w.clone()];
        for a in aliases {
            let aw = words(a);
            if !aw.is_empty() {
                names.push(aw);
            }
        }
        if w.len() == 2 {
            names.push(vec![w[1].clone(), w[0].clone()]);
        }
        if let Some(last) = w.last().filter(|_| w.len() > 1) {
            if last.chars().next().is_some_and(char::is_uppercase)
                && last.chars().count() >= 4
                && last.chars().all(char::is_alphabetic)
            {
                names.push(vec![last.clone()]);
            }
        }
        let capitals: Vec<char> = w
            .iter()
            .filter_map(|x| x.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        let acronym = (w.len() > 1 && capitals.len() == w.len() && capitals.len() >= 2)
            .then(|| capitals.iter().collect::<String>());
        let is_acronym = w.len() == 1
            && (2..=6).contains(&w[0].chars().count())
            && w[0].chars().all(|c| c.is_ascii_uppercase() || c == '&');
        names.dedup();
        Entity {
            name: name.to_string(),
            names,
            acronym,
            is_acronym,
        }
    }

    /// The entity's name mentions in one parsed sentence, as (first word, last word).
    fn name_runs(&self, words: &EventWords, sent: &ParsedSentence) -> Vec<(usize, usize)> {
        let ws = &sent.words;
        let mut out = Vec::new();
        for i in 0..ws.len() {
            for n in &self.names {
                if i + n.len() <= ws.len() && n.iter().zip(&ws[i..]).all(|(n, w)| word_matches(&w.form, n)) {
                    out.push((i, i + n.len() - 1));
                }
            }
            if self.acronym.as_deref() == Some(ws[i].form.as_str()) {
                out.push((i, i));
            }
            if self.is_acronym {
                if let Some(end) = self.expansion_at(words, ws, i) {
                    out.push((i, end));
                }
            }
        }
        out.sort_unstable();
        // Keep the longest run at each start, and drop runs inside an earlier one.
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for r in out {
            match kept.last_mut() {
                Some(l) if r.0 <= l.1 => l.1 = l.1.max(r.1),
                _ => kept.push(r),
            }
        }
        kept
    }

    /// A run of capitalized words from `i` whose initials spell the acronym ("Dow Jones
    /// Industrial Average" for DJIA), small glue words allowed inside: its last word.
    fn expansion_at(&self, words: &EventWords, ws: &[crate::syntax::ParsedWord], i: usize) -> Option<usize> {
        let letters: Vec<char> = self.name.chars().filter(|c| *c != '&').collect();
        let mut k = 0;
        let mut j = i;
        while k < letters.len() {
            let w = &ws.get(j)?.form;
            if k > 0 && words.acronym_glue.contains(&w.to_lowercase().as_str()) {
                j += 1;
                continue;
            }
            let c = w.chars().next()?;
            if !c.is_uppercase() || c != letters[k] || w.chars().count() < 2 {
                return None;
            }
            k += 1;
            j += 1;
        }
        Some(j - 1)
    }

    /// Every mention of the entity in an analysed document, in text order.
    pub fn mentions<A: Parsed>(&self, a: &A) -> Vec<Mention> {
        self.mentions_with(a, self.person_like(std::slice::from_ref(a)))
    }

    /// The nouns a story may use for the entity after naming it: the name's own head noun
    /// when it is written lower-case ("embassy" in "Nairobi embassy"), and the class nouns
    /// of the name's words (`EventWords::class_nouns`: "aircraft" for "Airbus").
    fn class_nouns(&self, words: &EventWords) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for name in &self.names {
            if let Some(last) = name
                .last()
                .filter(|w| name.len() > 1 && w.chars().all(|c| c.is_lowercase()))
            {
                out.insert(last.clone());
            }
            for w in name {
                let w = w.to_lowercase();
                out.extend(
                    words
                        .class_nouns
                        .iter()
                        .filter(|(k, _)| *k == w)
                        .map(|(_, n)| n.clone()),
                );
            }
        }
        out
    }

    /// Whether the documents refer back to the entity with "he"/"she" more than with "it":
    /// counted over the subject pronouns of the sentence after one whose subject names it.
    /// Without such evidence, a name of two or three capitalized words without digits counts
    /// as a person's.
    pub fn person_like<A: Parsed>(&self, docs: &[A]) -> bool {
        let (mut person, mut thing) = (0, 0);
        for a in docs {
            let sents = &a.parse().sentences;
            for (s, sent) in sents.iter().enumerate() {
                let named_subject = self.name_runs(a.words(), sent).iter().any(|&(b, e)| {
                    let h = run_head(sent, b, e);
                    base(&sent.words[h].deprel) == "nsubj"
                });
                if !named_subject {
                    continue;
                }
                let Some(next) = sents.get(s + 1) else { continue };
                for w in &next.words {
                    if base(&w.deprel) == "nsubj" {
                        let f = w.form.to_lowercase();
                        if a.words().person_pronouns.contains(&f.as_str()) {
                            person += 1;
                        } else if a.words().thing_pronouns.contains(&f.as_str()) {
                            thing += 1;
                        }
                    }
                }
            }
        }
        if person != thing {
            return person > thing;
        }
        let w = &self.names[0];
        (2..=3).contains(&w.len())
            && w.iter()
                .all(|x| x.chars().next().is_some_and(char::is_uppercase) && !x.chars().any(|c| c.is_ascii_digit()))
    }

    /// [`Entity::mentions`] with the pronoun class decided by the caller (`person`: he/she,
    /// else it), so that a collection of documents can share one decision.
    pub fn mentions_with(&self, a: &impl Parsed, person: bool) -> Vec<Mention> {
        let sents = &a.parse().sentences;
        let words = a.words();
        let pronouns = if person {
            &words.person_pronouns
        } else {
            &words.thing_pronouns
        };
        let mut out = Vec::new();
        let mut descriptions: BTreeSet<String> = BTreeSet::new();
        let class_nouns = self.class_nouns(words);
        let paragraphs = a.paragraphs();
        let paragraph = |s: usize| paragraphs.get(s).copied().unwrap_or(0);
        // The paragraph of the last mention (None: not mentioned yet).
        let mut mentioned_in: Option<usize> = None;
        // Sentences since the last one naming the entity (None: not named yet or lost).
        let mut since: Option<usize> = None;
        for (s, sent) in sents.iter().enumerate() {
            let runs = self.name_runs(words, sent);
            let mut named_here = false;
            let mut described_here = false;
            for &(b, e) in &runs {
                let h = run_head(sent, b, e);
                out.push(Mention {
                    sentence: s,
                    word: h,
                    span: Span::new(sent.words[b].start, sent.words[e].end),
                    kind: MentionKind::Name,
                });
                named_here = true;
                // What the text calls it: an apposition, or the predicate noun of a copula.
                for (k, w) in sent.words.iter().enumerate() {
                    if w.head == h + 1 && w.deprel == "appos" && w.upos == "NOUN" {
                        descriptions.insert(w.lemma.to_lowercase());
                    }
                    if k == sent.words[h].head.wrapping_sub(1)
                        && base(&sent.words[h].deprel) == "nsubj"
                        && w.upos == "NOUN"
                        && sent.words.iter().any(|c| c.head == k + 1 && c.deprel == "cop")
                    {
                        descriptions.insert(w.lemma.to_lowercase());
                    }
                }
            }
            if !named_here {
                if let Some(n) = since {
                    if n < PRONOUN_REACH {
                        // Another name as subject breaks the chain of reference.
                        let other_subject = sent
                            .words
                            .iter()
                            .any(|w| base(&w.deprel) == "nsubj" && w.upos == "PROPN");
                        for (k, w) in sent.words.iter().enumerate() {
                            let f = w.form.to_lowercase();
                            if pronouns.contains(&f.as_str()) && !(other_subject && base(&w.deprel) != "nsubj") {
                                out.push(Mention {
                                    sentence: s,
                                    word: k,
                                    span: Span::new(w.start, w.end),
                                    kind: MentionKind::Pronoun,
                                });
                            }
                        }
                        if other_subject {
                            since = None;
                        }
                    } else {
                        since = None;
                    }
                }
                let same_paragraph = mentioned_in == Some(paragraph(s));
                for (k, w) in sent.words.iter().enumerate() {
                    let lemma = w.lemma.to_lowercase();
                    if w.upos == "NOUN"
                        && (descriptions.contains(&lemma) || same_paragraph && class_nouns.contains(&lemma))
                        && sent.words.iter().any(|d| {
                            d.head == k + 1 && d.deprel == "det" && d.form.eq_ignore_ascii_case(words.definite_article)
                        })
                    {
                        out.push(Mention {
                            sentence: s,
                            word: k,
                            span: Span::new(w.start, w.end),
                            kind: MentionKind::Description,
                        });
                        described_here = true;
                    }
                }
            }
            if named_here || described_here {
                mentioned_in = Some(paragraph(s));
            }
            since = if named_here || described_here {
                Some(0)
            } else {
                since.map(|n| n + 1)
            };
        }
        out.sort();
        out.dedup();
        out
    }
}

/// The relation's base ("nsubj:pass" → "nsubj").
fn base(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or("")
}

/// The head word of the run `b..=e`: the first word whose head lies outside it.
fn run_head(sent: &ParsedSentence, b: usize, e: usize) -> usize {
    (b..=e)
        .find(|&i| {
            let h = sent.words[i].head;
            h == 0 || h - 1 < b || h - 1 > e
        })
        .unwrap_or(e)
}

/// Relations along which a mention is climbed to the phrase it belongs to.
const NOMINAL_LINKS: &[&str] = &[
    "compound", "flat", "appos", "conj", "det", "amod", "case", "nummod", "fixed", "list", "goeswith",
];
/// Relations by which a predicate takes the (climbed) mention as an argument.
const ARGUMENTS: &[&str] = &["nsubj", "obj", "iobj", "obl", "nmod", "csubj", "expl", "dislocated"];

/// The events of `a` (indices into `a.events`) that the mentions take part in.
pub fn involved_events(a: &impl Parsed, mentions: &[Mention]) -> BTreeSet<usize> {
    let sents = &a.parse().sentences;
    // Per sentence: word → event index.
    let mut event_of: Vec<Vec<Option<usize>>> = sents.iter().map(|s| vec![None; s.words.len()]).collect();
    for (i, e) in a.events().iter().enumerate() {
        if let Some(w) = a.parse().word_at(e.sentence, e.span.start) {
            if let Some(slot) = event_of.get_mut(e.sentence).and_then(|v| v.get_mut(w)) {
                *slot = Some(i);
            }
        }
    }
    let mut out = BTreeSet::new();
    for m in mentions {
        let Some(sent) = sents.get(m.sentence) else { continue };
        let ev = &event_of[m.sentence];
        let ws = &sent.words;
        // A relative clause on the mention: its predicate ("Jobs, who returned").
        for (k, w) in ws.iter().enumerate() {
            if w.head == m.word + 1 && (w.deprel == "acl:relcl" || w.deprel == "acl") {
                extend(a.words(), sent, ev, k, &mut out);
            }
        }
        let mut x = m.word;
        for _ in 0..ws.len() {
            let h = ws[x].head;
            if h == 0 {
                break;
            }
            let h = h - 1;
            let rel = base(&ws[x].deprel);
            let poss = ws[x].deprel == "nmod:poss";
            // A mention inside an event noun's phrase ("the launch of the iPhone",
            // "Jobs' keynote") takes part in that event.
            if ev[h].is_some() && (ARGUMENTS.contains(&rel) || poss || rel == "compound") {
                extend(a.words(), sent, ev, h, &mut out);
                break;
            }
            if ARGUMENTS.contains(&rel)
                && !poss
                && (ws[h].upos == "VERB" || ws[h].upos == "AUX" || ev[h].is_some() || rel != "nmod")
            {
                extend(a.words(), sent, ev, h, &mut out);
                break;
            }
            // A possessor is not a participant of what its phrase does ("his rival resigned").
            if NOMINAL_LINKS.contains(&rel) || (rel == "nmod" && !poss) {
                x = h;
                continue;
            }
            break;
        }
    }
    out
}

/// Adds predicate `p`'s event and the events that share its argument.
fn extend(words: &EventWords, sent: &ParsedSentence, ev: &[Option<usize>], p: usize, out: &mut BTreeSet<usize>) {
    let ws = &sent.words;
    let mut stack = vec![p];
    let mut seen = BTreeSet::new();
    while let Some(q) = stack.pop() {
        if !seen.insert(q) {
            continue;
        }
        if let Some(i) = ev[q] {
            out.insert(i);
        }
        let light = words.support_verbs.contains(&ws[q].lemma.to_lowercase().as_str());
        for (k, w) in ws.iter().enumerate() {
            if w.head != q + 1 {
                continue;
            }
            let own_subject = ws.iter().any(|d| d.head == k + 1 && base(&d.deprel) == "nsubj");
            let shares = match base(&w.deprel) {
                "xcomp" => true,
                "conj" => (w.upos == "VERB" || ev[k].is_some()) && !own_subject && ws[q].upos == "VERB",
                "obj" => light && ev[k].is_some(),
                _ => false,
            };
            if shares {
                stack.push(k);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_matching_respects_capitals() {
        assert!(word_matches("Jobs", "Jobs"));
        assert!(!word_matches("jobs", "Jobs"));
        assert!(word_matches("STEVE", "Steve"));
        assert!(word_matches("iPod", "iPod"));
        assert!(!word_matches("ipod", "iPod"));
        assert!(word_matches("store", "store"));
    }

    #[test]
    fn derived_names() {
        let e = Entity::new("General Motors", &[]);
        assert_eq!(e.acronym.as_deref(), Some("GM"));
        assert!(e.names.contains(&vec!["Motors".to_string(), "General".to_string()]));
        let j = Entity::new("Steve Jobs", &[]);
        assert!(j.names.contains(&vec!["Jobs".to_string()]));
        let p = Entity::new("iPhone 3G", &[]);
        assert!(!p.names.contains(&vec!["3G".to_string()]));
        assert_eq!(p.acronym, None);
        assert!(Entity::new("DJIA", &[]).is_acronym);
        assert!(!Entity::new("Apple", &[]).is_acronym);
    }
}
