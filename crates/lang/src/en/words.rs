//! Closed-class English words that several stages ask about: prepositions, articles and
//! coordinators, finite auxiliaries. Each predicate compares a word lower-cased with a data
//! file.
//!
//! | predicate                        | data file                        | example        |
//! |----------------------------------|----------------------------------|----------------|
//! | [`is_preposition`]               | `data/object-prepositions.txt`   | `of`, `against`|
//! | [`is_article_or_coordinator`]    | `data/articles-coordinators.txt` | `the`, `but`   |
//! | [`is_finite_auxiliary`]          | `data/finite-auxiliaries.txt`    | `was`, `might` |
//!
//! The clause openers are [`super::is_clause_opener`].

use crate::lang::Words;

/// Prepositions: a noun after one is not a verb's direct object.
pub static OBJECT_PREPOSITIONS: Words = Words::new(include_str!("data/object-prepositions.txt"));

/// `the`, `a`, `an`, `and`, `or`, `but`: words that neither modify nor are counted.
pub static ARTICLES_COORDINATORS: Words = Words::new(include_str!("data/articles-coordinators.txt"));

/// Finite forms of `be`, `have`, `do` and the modals.
pub static FINITE_AUXILIARIES: Words = Words::new(include_str!("data/finite-auxiliaries.txt"));

/// `w` (any case) is a preposition after which a noun is not a verb's direct object.
pub fn is_preposition(w: &str) -> bool {
    OBJECT_PREPOSITIONS.contains(&w.to_ascii_lowercase().as_str())
}

/// `w` (any case) is `the`, `a`, `an`, `and`, `or` or `but`.
pub fn is_article_or_coordinator(w: &str) -> bool {
    ARTICLES_COORDINATORS.contains(&w.to_ascii_lowercase().as_str())
}

/// `w` (any case) is a form of `be`, `have`, `do` or a modal: a finite verb the event tagger
/// may leave out.
pub fn is_finite_auxiliary(w: &str) -> bool {
    FINITE_AUXILIARIES.contains(&w.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicates() {
        assert!(is_preposition("Against") && is_preposition("of") && !is_preposition("after"));
        assert!(is_article_or_coordinator("The") && !is_article_or_coordinator("this"));
        assert!(is_finite_auxiliary("WAS") && is_finite_auxiliary("shall") && !is_finite_auxiliary("been"));
    }
}
