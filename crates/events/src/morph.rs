//! Morphology: lemmas of English verb and noun forms, checked against WordNet.
//!
//! | form        | verb lemma | noun lemma |
//! |-------------|------------|------------|
//! | `canceled`  | `cancel`   | —          |
//! | `stopped`   | `stop`     | —          |
//! | `threats`   | —          | `threat`   |
//! | `crises`    | —          | `crisis`   |
//! | `said`      | `say`      | —          |
//!
//! # Grammar
//!
//! WordNet's `morphy`: an irregular form (from `verb.exc` / `noun.exc`) maps to its lemma;
//! otherwise the first suffix rule whose result is a known lemma wins. Verb rules:
//! `-s`, `-ies→y`, `-es`, `-es→e`, `-ed`, `-ed→e`, `-ied→y`, `-ing`, `-ing→e`, doubled consonant
//! before `-ed`/`-ing`. Noun rules: `-s`, `-ses→s`, `-xes→x`, `-zes→z`, `-ches→ch`, `-shes→sh`,
//! `-men→man`, `-ies→y`.

use super::lexicon::Lexicon;
use crate::lang::EventWords;

/// The verb lemma of a lower-cased form, if WordNet knows one.
pub fn verb_lemma(words: &EventWords, lex: &Lexicon, form: &str) -> Option<String> {
    if let Some(l) = lex.verb_exception(form) {
        return Some(l.to_string());
    }
    if lex.verb(form).is_some() {
        return Some(form.to_string());
    }
    for rule in words.verb_suffixes.iter() {
        let [suf, rep] = rule[..] else { continue };
        if let Some(stem) = form.strip_suffix(suf) {
            if stem.len() < 2 {
                continue;
            }
            let cand = format!("{stem}{rep}");
            if lex.verb(&cand).is_some() {
                return Some(cand);
            }
            // stopped → stop, running → run
            if rep.is_empty() && (suf == words.ending.ed || suf == words.ending.ing) {
                let b = stem.as_bytes();
                // An ASCII letter doubled: the last byte is a whole character (`ⶶed` ends in
                // two equal UTF-8 continuation bytes).
                if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && b[b.len() - 1].is_ascii_alphabetic() {
                    let c = &stem[..stem.len() - 1];
                    if lex.verb(c).is_some() {
                        return Some(c.to_string());
                    }
                }
            }
        }
    }
    None
}

/// The noun lemma of a lower-cased plural form (the form itself when it is not plural).
pub fn noun_lemma(words: &EventWords, lex: &Lexicon, form: &str) -> String {
    if let Some(l) = lex.noun_exception(form) {
        return l.to_string();
    }
    if lex.event_noun(form).is_some()
        || form.ends_with(words.ending.ss)
        || form.ends_with(words.ending.us)
        || form.ends_with(words.ending.is)
    {
        return form.to_string();
    }
    for rule in words.noun_suffixes.iter() {
        let [suf, rep] = rule[..] else { continue };
        if let Some(stem) = form.strip_suffix(suf) {
            if stem.len() < 2 {
                continue;
            }
            let cand = format!("{stem}{rep}");
            if lex.event_noun(&cand).is_some() || lex.verb(&cand).is_some() {
                return cand;
            }
        }
    }
    form.strip_suffix('s')
        .filter(|s| s.len() > 2 && !form.ends_with(words.ending.ss))
        .unwrap_or(form)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas() {
        let lex = Lexicon::builtin();
        let words = EventWords::english();
        let v = |f: &str| verb_lemma(words, lex, f);
        assert_eq!(v("canceled").as_deref(), Some("cancel"));
        assert_eq!(v("stopped").as_deref(), Some("stop"));
        assert_eq!(v("said").as_deref(), Some("say"));
        assert_eq!(v("hacked").as_deref(), Some("hack"));
        assert_eq!(v("leaking").as_deref(), Some("leak"));
        assert_eq!(v("escalated").as_deref(), Some("escalate"));
        assert_eq!(v("the"), None);
        assert_eq!(noun_lemma(words, lex, "threats"), "threat");
        assert_eq!(noun_lemma(words, lex, "crises"), "crisis");
        assert_eq!(noun_lemma(words, lex, "attacks"), "attack");
        assert_eq!(noun_lemma(words, lex, "business"), "business");
    }
}
