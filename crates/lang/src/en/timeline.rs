//! The English words the timeline assembly reads (`crates/pipeline/src/pipeline.rs`, `focus.rs`): the
//! prepositions that decide which event a time expression dates and how, the words of a
//! subject's name, the pronouns that refer back to an entity.
//!
//! Each list is a data file under `data/timeline/` (one word a line, or `word TAB value`;
//! `#` comments), embedded and parsed on first use.

use crate::lang::{Table, Words};

/// Prepositions after which a name is not the subject of the event (`sent to Congress and
/// approved`). Compared lower-cased.
pub static NAME_PREPOSITIONS: Words = Words::new(include_str!("data/timeline/name-prepositions.txt"));

/// Determiners (and the possessive `s`) before a time expression that modifies the noun
/// event after it (`the Christmas movie release`). Compared lower-cased.
pub static NOUN_DETERMINERS: Words = Words::new(include_str!("data/timeline/noun-determiners.txt"));

/// Prepositions that make a duration a window the event falls in, not its length (`over
/// the next three years`, `within 90 days`). Compared lower-cased.
pub static WINDOW_PREPOSITIONS: Words = Words::new(include_str!("data/timeline/window-prepositions.txt"));

/// Verbs whose `for` duration is the length of the state they begin, not of the event
/// (`jailed for six years`, `banned for three matches`): the duration does not make the
/// event last. Lemmas.
pub static RESULT_STATE_VERBS: Words = Words::new(include_str!("data/timeline/result-state-verbs.txt"));

/// Words the event tagger can take for events that are never timeline events, however dated:
/// `according` (to a statement) is attribution — its time is the reporting's, not a happening.
pub static NEVER_EVENT_LEMMAS: Words = Words::new(include_str!("data/timeline/never-event-lemmas.txt"));

/// Prepositions by which a time expression bounds the event it governs, and the TimeML
/// relation of the event to it (`since` → `BEGUN_BY`).
pub static BOUND_PREPOSITIONS: Table<String> = Table::new(include_str!("data/timeline/bound-prepositions.tsv"));

/// Prepositions that put an event before or after the time they introduce, and the TimeML
/// relation (`into` → `BEFORE`, `ahead of` → `BEFORE`, `since` → `AFTER`).
pub static ORDER_PREPOSITIONS: Table<String> = Table::new(include_str!("data/timeline/order-prepositions.tsv"));

/// Prepositions that make a time expression a deadline (`by Jan. 15`).
pub static DEADLINE_PREPOSITIONS: Words = Words::new(include_str!("data/timeline/deadline-prepositions.txt"));

/// Prepositions of a trailing time expression that do not open a clause (`since November`).
pub static OWN_PREPOSITIONS: Words = Words::new(include_str!("data/timeline/own-prepositions.txt"));

/// Prepositions that say how long (`since`, `until`, `throughout`).
pub static DURATIVE_PREPOSITIONS: Words = Words::new(include_str!("data/timeline/durative-prepositions.txt"));

/// Pronouns that refer to a person.
pub static PERSON_PRONOUNS: Words = Words::new(include_str!("data/timeline/person-pronouns.txt"));

/// Pronouns that refer to a thing or organization.
pub static THING_PRONOUNS: Words = Words::new(include_str!("data/timeline/thing-pronouns.txt"));

/// A word of an entity's name and a noun a story uses for what it names (`airbus` →
/// `aircraft`, `superjumbo`): "the aircraft" after "Airbus A380" in a paragraph is a
/// mention of it. One row per pair; a word has as many rows as nouns.
pub static CLASS_NOUNS: Table<String> = Table::new(include_str!("data/timeline/class-nouns.tsv"));

/// Words an acronym's expansion may contain without an initial of their own.
pub static ACRONYM_GLUE: Words = Words::new(include_str!("data/timeline/acronym-glue.txt"));

/// Verbs whose event noun object is the event ("gave a keynote", "held a conference"): an
/// entity that takes part in the verb takes part in the noun (not the same list as
/// [`super::LIGHT_VERBS`], the verbs too light to be timeline events).
pub static SUPPORT_VERBS: Words = Words::new(include_str!("data/timeline/support-verbs.txt"));

/// Light verbs that make one predicate with a bare singular noun object (`made landfall`,
/// `took office`): the pair goes on the timeline though the verb alone would not.
pub static COMPLEX_PREDICATE_VERBS: Words = Words::new(include_str!("data/timeline/complex-predicate-verbs.txt"));

/// Light verbs that tell an event noun, their direct object, being set off (`called a
/// strike`): the verb goes on the timeline though alone it would not.
pub static CONVENING_VERBS: Words = Words::new(include_str!("data/timeline/convening-verbs.txt"));

/// Nouns a convening verb sets off (`called an election`): listed with the verb even where
/// the event counts do not make the noun an event.
pub static CONVENED_NOUNS: Words = Words::new(include_str!("data/timeline/convened-nouns.txt"));

/// Copular verbs of a change of state with a predicative complement (`became chief
/// executive`): the change goes on the timeline though the verb alone would not.
pub static CHANGE_OF_STATE_VERBS: Words = Words::new(include_str!("data/timeline/change-of-state-verbs.txt"));

/// Words that open a range of dates before its start (`between March 3 and March 6`,
/// `from May to June`): an event the start dates falls within the whole range.
pub static RANGE_OPENERS: Words = Words::new(include_str!("data/timeline/range-openers.txt"));

/// Verbs that move another event from one date to another (`postponed from Monday to
/// Tuesday`): the two dates are not a range that dates the moving.
pub static RESCHEDULE_VERBS: Words = Words::new(include_str!("data/timeline/reschedule-verbs.txt"));

/// Words that do not make a headline's subject (articles, pronouns, auxiliaries, `to`):
/// [`is_headline`].
pub static HEADLINE_FUNCTION_WORDS: Words = Words::new(include_str!("data/timeline/headline-function-words.txt"));

/// Does an event's `label` read as a headline? It needs a word of its own (not an article,
/// pronoun, auxiliary or `to`: [`HEADLINE_FUNCTION_WORDS`]) before its trigger — a subject
/// ("Apple announced the new iPhone", "A rare press conference held by Apple") — or, for a
/// noun event (`noun`), after it ("The launch of the iPhone"). "Its launch", "Be released",
/// "He resigned" and one-word labels are fragments. `triggers` are the event's words as its
/// sources give them; a label none of them is in is judged by its words alone.
pub fn is_headline(label: &str, triggers: &[&str], noun: bool) -> bool {
    let words: Vec<String> = label
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return false;
    }
    let own = |w: &String| !HEADLINE_FUNCTION_WORDS.contains(&w.as_str());
    let at = words
        .iter()
        .position(|w| triggers.iter().any(|t| t.eq_ignore_ascii_case(w)));
    match at {
        Some(k) => words[..k].iter().any(own) || noun && words[k + 1..].iter().any(own),
        None => words.iter().filter(|w| own(w)).count() >= 2,
    }
}

/// The definite article: `the` + a noun the text uses to describe an entity is a mention of
/// it (`the company`).
pub const DEFINITE_ARTICLE: &str = "the";

/// `since` on a time expression inside a noun phrase with a superlative or ordinal (`its
/// first quarterly profit since 2001`, `the highest level since March`): it bounds the
/// comparison, not the event's time.
pub const COMPARISON_SINCE: &str = "since";

/// `for` before a duration says how long (`for three days`): the trailing expression belongs
/// to the verb, not to a noun object between.
pub const DURATION_FOR: &str = "for";

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list has words and no word with white space in it; every table row parses.
    #[test]
    fn data_files_are_sound() {
        for (name, w) in [
            ("NAME_PREPOSITIONS", &NAME_PREPOSITIONS),
            ("NOUN_DETERMINERS", &NOUN_DETERMINERS),
            ("WINDOW_PREPOSITIONS", &WINDOW_PREPOSITIONS),
            ("RESULT_STATE_VERBS", &RESULT_STATE_VERBS),
            ("NEVER_EVENT_LEMMAS", &NEVER_EVENT_LEMMAS),
            ("DEADLINE_PREPOSITIONS", &DEADLINE_PREPOSITIONS),
            ("OWN_PREPOSITIONS", &OWN_PREPOSITIONS),
            ("DURATIVE_PREPOSITIONS", &DURATIVE_PREPOSITIONS),
            ("PERSON_PRONOUNS", &PERSON_PRONOUNS),
            ("THING_PRONOUNS", &THING_PRONOUNS),
            ("ACRONYM_GLUE", &ACRONYM_GLUE),
            ("SUPPORT_VERBS", &SUPPORT_VERBS),
            ("COMPLEX_PREDICATE_VERBS", &COMPLEX_PREDICATE_VERBS),
            ("CHANGE_OF_STATE_VERBS", &CHANGE_OF_STATE_VERBS),
            ("CONVENING_VERBS", &CONVENING_VERBS),
            ("CONVENED_NOUNS", &CONVENED_NOUNS),
            ("RANGE_OPENERS", &RANGE_OPENERS),
            ("RESCHEDULE_VERBS", &RESCHEDULE_VERBS),
            ("HEADLINE_FUNCTION_WORDS", &HEADLINE_FUNCTION_WORDS),
        ] {
            assert!(!w.is_empty(), "{name} is empty");
            assert!(
                w.iter().all(|w| !w.contains(char::is_whitespace)),
                "{name}: {:?}",
                w.get()
            );
        }
        for (name, t) in [
            ("BOUND_PREPOSITIONS", &BOUND_PREPOSITIONS),
            ("ORDER_PREPOSITIONS", &ORDER_PREPOSITIONS),
            ("CLASS_NOUNS", &CLASS_NOUNS),
        ] {
            assert_eq!(t.check(), Vec::<String>::new(), "{name}");
            assert!(!t.is_empty(), "{name} is empty");
        }
    }

    /// The relations of the preposition tables are TimeML relation types.
    #[test]
    fn relations_are_timeml() {
        for (w, r) in BOUND_PREPOSITIONS.iter().chain(ORDER_PREPOSITIONS.iter()) {
            assert!(r.parse::<tempograph_core::relation::RelType>().is_ok(), "{w}: {r}");
        }
        assert_eq!(ORDER_PREPOSITIONS.find("ahead of").map(String::as_str), Some("BEFORE"));
    }
}
