//! The event lexicons: what a word form says about being an event, before context.
//!
//! | source | table | what it gives |
//! |--------|-------|---------------|
//! | TBAQ gold EVENT counts | `data/tbaq.tsv` (generated) | `said` → 1006 seen, 993 events, REPORTING, VERB |
//! | WordNet 3.0 (Debian `wordnet-base`) | `data/wordnet.tsv` (generated) | verb lemmas, irregular forms, event nouns |
//! | hand lists (`src/lang/en/data/events/`) | `EventWords::class_lemmas`, `extra_event_nouns`, `never_events` | class by lemma, domain nouns, function words |
//!
//! Both generated tables are made by `train/scripts/gen_event_lexicon.py` and carry its
//! "auto-generated" header; `docs/EVENTS.md` says how to rebuild them. A [`Lexicon`] can also
//! be read from other TSV files ([`Lexicon::from_tsv`]), which is how the cross-validated
//! figure (TimeBank-only counts, scored on AQUAINT) is measured.
//!
//! # Grammar
//!
//! ```text
//! tbaq.tsv    := ("#" comment "\n")* (form "\t" occurrences "\t" as_event "\t" class "\t" pos "\t" contexts "\n")*
//! contexts    := (("D" | "P" | "V" | "O") ":" events "/" occurrences)*  separated by spaces
//! wordnet.tsv := ("#" comment "\n")* (kind "\t" word "\t" value "\t" extra "\n")*
//! kind        := "verb" | "verb-exc" | "noun-exc" | "adj-exc" | "event-noun"
//! ```

use super::EventClass;
use crate::format::message;
use crate::format::wordnet;
use crate::lang::EventWords;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

static TBAQ_TSV: &str = include_str!("data/tbaq.tsv");
static WORDNET_TSV: &str = include_str!("data/wordnet.tsv");

/// What the corpus counts say about one lower-cased word form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormStats {
    /// Times the form occurs in the counted corpora.
    pub occurrences: u32,
    /// Times it is (part of) a gold EVENT.
    pub as_event: u32,
    /// Majority class of those EVENTs.
    pub class: Option<EventClass>,
    /// Majority part of speech of those EVENTs (`VERB`, `NOUN`, `ADJECTIVE`, ...).
    pub pos: Option<String>,
    /// (events, occurrences) by the [`Ctx`] of the word before the form.
    pub by_context: [(u32, u32); 4],
}

/// What kind of word comes right before a form (only whitespace between); see
/// [`super::grammar::context_of`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    /// A determiner or possessive `'s`.
    Determiner = 0,
    /// A preposition.
    Preposition = 1,
    /// An auxiliary, modal, `to` or subject pronoun.
    Verbal = 2,
    /// Anything else, or punctuation.
    Other = 3,
}

impl FormStats {
    /// Share of occurrences that are events.
    pub fn ratio(&self) -> f64 {
        if self.occurrences == 0 {
            0.0
        } else {
            f64::from(self.as_event) / f64::from(self.occurrences)
        }
    }
}

/// How many occurrences the rule guess weighs against a form's corpus counts (see
/// `decide` in [`super`]).
pub const PRIOR_WEIGHT: f64 = 2.0;

/// The lexicons, loaded once.
#[derive(Debug, Default)]
pub struct Lexicon {
    forms: HashMap<String, FormStats>,
    /// Verb lemma → WordNet tagged-sense count (a rough frequency).
    verbs: HashMap<String, u32>,
    /// Irregular form → lemma, per part of speech.
    verb_exc: HashMap<String, String>,
    noun_exc: HashMap<String, String>,
    /// Nouns whose first (or second) WordNet sense is an act, event, process, phenomenon or state.
    event_nouns: HashMap<String, (String, u8)>,
    /// Lemma → class, from `EventWords::class_lemmas`.
    classes: HashMap<&'static str, EventClass>,
    never: HashSet<&'static str>,
    /// Nouns that are events whatever the counts say.
    always: HashSet<&'static str>,
}

impl Lexicon {
    /// The built-in lexicon (generated tables plus hand lists).
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::from_tsv(TBAQ_TSV, WORDNET_TSV))
    }

    /// The built-in tables with the hand lists of a language's words: [`Lexicon::builtin`]
    /// for English, else built on first use for that package and kept (one per package).
    pub fn builtin_in(words: &'static EventWords) -> &'static Lexicon {
        if std::ptr::eq(words, EventWords::english()) {
            return Lexicon::builtin();
        }
        type Built = Vec<(usize, &'static Lexicon)>;
        static BUILT: std::sync::Mutex<Built> = std::sync::Mutex::new(Vec::new());
        let key = words as *const EventWords as usize;
        let mut built = BUILT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(&(_, lex)) = built.iter().find(|(k, _)| *k == key) {
            return lex;
        }
        let lex: &'static Lexicon = Box::leak(Box::new(Lexicon::from_tsv_in(words, TBAQ_TSV, WORDNET_TSV)));
        built.push((key, lex));
        lex
    }

    /// The built-in WordNet table with other corpus counts (a table made by
    /// `train/scripts/gen_event_lexicon.py --corpus ... --out`), e.g. counts from TimeBank only, to
    /// score extraction on a corpus the counts never saw.
    pub fn with_corpus_counts(corpus_tsv: &str) -> Lexicon {
        Lexicon::from_tsv(corpus_tsv, WORDNET_TSV)
    }

    /// The lexicon of cross-validation fold `fold`: `dir/fold-F.tsv` (made by
    /// `train/scripts/gen_event_lexicon.py --folds K --fold-out DIR`: counts from the other folds),
    /// whose `# held out:` line must name exactly the documents `held` (file names) that the
    /// run scores with it; otherwise the table was made for other folds or folders.
    pub fn for_fold(dir: &std::path::Path, fold: usize, held: &[String]) -> tempograph_core::error::Result<Lexicon> {
        let path = dir.join(format!("fold-{fold}.tsv"));
        let tsv = std::fs::read_to_string(&path).map_err(|e| tempograph_core::error::Error::io(&path, e))?;
        let (line, named) = tsv
            .lines()
            .enumerate()
            .find_map(|(i, l)| l.strip_prefix("# held out:").map(|rest| (i + 1, rest)))
            .ok_or_else(|| {
                tempograph_core::error::Error::parse_at(
                    &path,
                    None,
                    None,
                    "a `# held out: FILE...` line",
                    message::NONE,
                )
            })?;
        let named: Vec<&str> = named.split_whitespace().collect();
        if named != held {
            return Err(tempograph_core::error::Error::parse_at(
                &path,
                Some(line),
                None,
                format!(
                    "the {} documents of fold {fold} ({}, ...): the table was made for other folds or folders",
                    held.len(),
                    held.first().map(String::as_str).unwrap_or(message::NONE)
                ),
                format!(
                    "{} documents ({}, ...)",
                    named.len(),
                    named.first().copied().unwrap_or(message::NONE)
                ),
            ));
        }
        Ok(Lexicon::with_corpus_counts(&tsv))
    }

    /// A lexicon from the two tables' text (malformed lines are skipped: the tables are
    /// generated, and a bad line must not stop extraction), with the English hand lists: the
    /// counts and WordNet are English.
    pub fn from_tsv(corpus_tsv: &str, wordnet_tsv: &str) -> Lexicon {
        Lexicon::from_tsv_in(EventWords::english(), corpus_tsv, wordnet_tsv)
    }

    /// [`Lexicon::from_tsv`] with the hand lists (classes by lemma, event nouns, never-events)
    /// of a language's words.
    pub fn from_tsv_in(words: &EventWords, corpus_tsv: &str, wordnet_tsv: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in corpus_tsv.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 5 {
                continue;
            }
            let (Ok(occurrences), Ok(as_event)) = (f[1].parse(), f[2].parse()) else {
                continue;
            };
            lex.forms.insert(
                f[0].to_string(),
                FormStats {
                    occurrences,
                    as_event,
                    class: EventClass::from_timeml(f[3]),
                    pos: (f[4] != "-").then(|| f[4].to_string()),
                    by_context: parse_contexts(f.get(5).copied().unwrap_or("")),
                },
            );
        }
        for line in wordnet_tsv.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 {
                continue;
            }
            match f[0] {
                wordnet::VERB => {
                    lex.verbs.insert(f[1].to_string(), f[2].parse().unwrap_or(0));
                }
                wordnet::VERB_EXC => {
                    lex.verb_exc.entry(f[1].to_string()).or_insert_with(|| f[2].to_string());
                }
                wordnet::NOUN_EXC => {
                    lex.noun_exc.entry(f[1].to_string()).or_insert_with(|| f[2].to_string());
                }
                wordnet::EVENT_NOUN => {
                    lex.event_nouns
                        .insert(f[1].to_string(), (f[2].to_string(), f[3].parse().unwrap_or(1)));
                }
                _ => {}
            }
        }
        for (lemma, class) in words.class_lemmas.iter() {
            if let Some(class) = EventClass::from_timeml(class) {
                lex.classes.insert(lemma, class);
            }
        }
        for n in words.extra_event_nouns.iter() {
            lex.event_nouns.insert((*n).to_string(), (wordnet::ACT.to_string(), 1));
        }
        lex.never = words.never_events.iter().copied().collect();
        lex.always = words.always_event_nouns.iter().copied().collect();
        lex
    }

    /// Corpus counts for a lower-cased form.
    pub fn form(&self, lower: &str) -> Option<&FormStats> {
        self.forms.get(lower)
    }

    /// Is `lemma` a WordNet verb? Returns its tagged-sense count.
    pub fn verb(&self, lemma: &str) -> Option<u32> {
        self.verbs.get(lemma).copied()
    }

    /// The WordNet kind (`act`, `event`, ...) and sense rank of an event noun.
    pub fn event_noun(&self, lemma: &str) -> Option<(&str, u8)> {
        self.event_nouns.get(lemma).map(|(k, r)| (k.as_str(), *r))
    }

    /// Class a lemma has by the hand lists.
    pub fn class_of(&self, lemma: &str) -> Option<EventClass> {
        self.classes.get(lemma).copied()
    }

    /// Nouns that are events whatever the counts say (`EventWords::always_event_nouns`).
    pub fn always_event_noun(&self, lemma: &str) -> bool {
        self.always.contains(lemma)
    }

    /// Function words and other forms that are never events.
    pub fn never(&self, lower: &str) -> bool {
        self.never.contains(lower)
    }

    pub fn verb_exception(&self, form: &str) -> Option<&str> {
        self.verb_exc.get(form).map(String::as_str)
    }

    pub(crate) fn noun_exception(&self, form: &str) -> Option<&str> {
        self.noun_exc.get(form).map(String::as_str)
    }
}

/// `D:2/6 V:9/64` → per-context (events, occurrences).
fn parse_contexts(s: &str) -> [(u32, u32); 4] {
    let mut out = [(0, 0); 4];
    for part in s.split_whitespace() {
        let Some((k, v)) = part.split_once(':') else { continue };
        let Some((e, n)) = v.split_once('/') else { continue };
        let idx = match k {
            "D" => 0,
            "P" => 1,
            "V" => 2,
            "O" => 3,
            _ => continue,
        };
        if let (Ok(e), Ok(n)) = (e.parse(), n.parse()) {
            out[idx] = (e, n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of the class table names a TimeML class (a row that does not is left out
    /// at run time).
    #[test]
    fn class_lemmas_are_timeml_classes() {
        let words = EventWords::english();
        assert_eq!(words.class_lemmas.check(), Vec::<String>::new());
        let bad: Vec<&str> = words
            .class_lemmas
            .iter()
            .filter(|(_, c)| EventClass::from_timeml(c).is_none())
            .map(|(w, _)| *w)
            .collect();
        assert!(bad.is_empty(), "rows without a TimeML class: {bad:?}");
        assert!(words.class_lemmas.len() > 100);
        assert_eq!(Lexicon::builtin().classes.get("say"), Some(&EventClass::Reporting));
    }
}
