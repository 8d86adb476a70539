//! The verb group around an event: auxiliaries, modals, negation → tense, aspect, polarity,
//! modality; and the local context that tells verbs from nouns.
//!
//! | words before the event      | event      | tense      | aspect                 | polarity | modality |
//! |-----------------------------|------------|------------|------------------------|----------|----------|
//! | `has`                       | scrapped   | PRESENT    | PERFECTIVE             | POS      |          |
//! | `is still`                  | leaking    | PRESENT    | PROGRESSIVE            | POS      |          |
//! | `had been`                  | talking    | PAST       | PERFECTIVE_PROGRESSIVE | POS      |          |
//! | `will`                      | have       | FUTURE     | NONE                   | POS      |          |
//! | `would not`                 | comment    | NONE       | NONE                   | NEG      | would    |
//! | `to`                        | release    | INFINITIVE | NONE                   | POS      |          |
//! | `haven't`                   | done       | PRESENT    | PERFECTIVE             | NEG      |          |
//! | (none)                      | said       | PAST       | NONE                   | POS      |          |
//! | `no`                        | evidence   | NONE       | NONE                   | NEG      |          |
//!
//! # Grammar
//!
//! The group is read right to left from the word before the event, within the sentence, over
//! auxiliaries (`be`, `have`, `do` forms), modals, `to`, negation (`not`, `n't`, `never`) and
//! adverbs (words in `-ly` and a short list), at most [`MAX_GROUP`] words. The leftmost finite
//! auxiliary gives the tense; `have` + participle gives PERFECTIVE; `be` + `-ing` PROGRESSIVE.

use super::lexicon::{Ctx, Lexicon};
use super::{Aspect, Polarity, Pos, Tense};
use crate::lang::EventWords;
use crate::text::{Analysis, TokenKind};
use std::ops::Range;

/// Longest verb group read to the left of an event.
pub const MAX_GROUP: usize = 6;

/// A token in its sentence.
pub struct Context<'a> {
    pub text: &'a str,
    pub analysis: &'a Analysis,
    /// Token indices of the sentence.
    pub range: Range<usize>,
    /// The token looked at.
    pub i: usize,
    /// The language's words the rules read.
    pub words: &'a EventWords,
}

impl<'a> Context<'a> {
    pub fn new(
        words: &'a EventWords,
        text: &'a str,
        analysis: &'a Analysis,
        range: Range<usize>,
        i: usize,
    ) -> Context<'a> {
        Context {
            text,
            analysis,
            range,
            i,
            words,
        }
    }

    pub fn word(&self, j: usize) -> &'a str {
        self.analysis.tokens[j].text(self.text)
    }

    pub fn lower(&self, j: usize) -> String {
        self.word(j).to_lowercase()
    }

    fn is_word(&self, j: usize) -> bool {
        self.analysis.tokens[j].kind == TokenKind::Word
    }

    /// `s`, `t`, `ll`, ... right after an apostrophe: the tail of a contraction.
    pub fn is_clitic(&self, j: usize) -> bool {
        j > self.range.start
            && !self.analysis.tokens[j].space_before
            && matches!(self.word(j - 1), "'" | "’")
            && self.words.clitics.contains(&self.lower(j).as_str())
    }

    /// A clitic `'s` after a pronoun (`it's`, `he's`, `that's`) is `is`/`has`, not a possessive.
    pub fn clitic_is_verb(&self, j: usize) -> bool {
        j >= 2 && self.words.verb_clitic_hosts.contains(&self.lower(j - 2).as_str())
    }

    /// Capitalised inside a sentence, not after an opening quote or colon: a name.
    pub fn is_proper(&self, j: usize) -> bool {
        let w = self.word(j);
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let first_word = (self.range.start..j).all(|k| !self.is_word(k));
        if first_word {
            return false;
        }
        // Title-case headlines: every word capitalised.
        let words: Vec<usize> = self.range.clone().filter(|&k| self.is_word(k)).collect();
        let caps = words
            .iter()
            .filter(|&&k| self.word(k).chars().next().is_some_and(char::is_uppercase))
            .count();
        if words.len() >= 3 && caps * 10 >= words.len() * 8 {
            return false;
        }
        let prev = self.word(j - 1);
        !matches!(prev, "\"" | "“" | ":" | "(" | "‘" | "-" | "—")
    }

    /// The word tokens before `j` in the sentence, nearest first, skipping apostrophes.
    fn before(&self, j: usize) -> impl Iterator<Item = usize> + '_ {
        (self.range.start..j)
            .rev()
            .take_while(|&k| self.is_word(k) || matches!(self.word(k), "'" | "’"))
            .filter(|&k| self.is_word(k))
    }

    /// The nearest word before `j` that is not an adverb or negation.
    fn prev_content(&self, j: usize) -> Option<String> {
        self.before(j)
            .map(|k| self.lower(k))
            .find(|w| !is_adverb(self.words, w) && !matches!(w.as_str(), "t" | "n"))
    }

    fn next_content(&self, j: usize) -> Option<usize> {
        (j + 1..self.range.end)
            .take_while(|&k| self.is_word(k) || matches!(self.word(k), "'" | "’"))
            .filter(|&k| self.is_word(k))
            .find(|&k| {
                let w = self.lower(k);
                !is_adverb(self.words, &w) && w != "t"
            })
    }

    /// The token is preceded by an auxiliary, modal, `to` or a subject pronoun.
    pub fn verbal_context(&self) -> bool {
        let Some(p) = self.prev_content(self.i) else {
            return false;
        };
        let p = p.as_str();
        let w = self.lower(self.i);
        // "to attacks": an `-s` form after `to` is a plural noun, not an infinitive.
        if p == self.words.infinitive_marker
            && w.ends_with('s')
            && !w.ends_with(self.words.ending.ss)
            && Lexicon::builtin().verb(&w).is_none()
        {
            return false;
        }
        if self.words.modals.contains(&p)
            || self.words.do_words.contains(&p)
            || p == self.words.infinitive_marker
            || self.words.subjects.contains(&p)
        {
            return true;
        }
        // "a player which mimics the iPhone", "a strip that wraps around": a third-person
        // `-s` form after a relative pronoun, with an object, particle or preposition after it,
        // is a verb ("said that costs rose" has a plural subject there).
        if self.words.relative_that_which.contains(&p)
            && w.ends_with('s')
            && !w.ends_with(self.words.ending.ss)
            && super::morph::verb_lemma(self.words, Lexicon::builtin(), &w).is_some_and(|l| l != w)
            && self.object_follows()
        {
            return true;
        }
        (self.words.be.contains(&p) || self.words.have.contains(&p))
            && (w.ends_with(self.words.ending.ed)
                || w.ends_with(self.words.ending.ing)
                || w.ends_with(self.words.ending.en))
    }

    /// The token is followed by a word that opens an object or an adjunct: a determiner, an
    /// object pronoun, a preposition, a particle, an adverb, a name or a number.
    fn object_follows(&self) -> bool {
        let n = self.i + 1;
        if n >= self.range.end {
            return false;
        }
        let t = self.analysis.tokens[n];
        if t.kind == TokenKind::Number || self.word(n) == "$" {
            return true;
        }
        if !self.is_word(n) {
            return false;
        }
        let nl = self.lower(n);
        let nl = nl.as_str();
        self.words.determiners.contains(&nl)
            || self.words.object_cues.contains(&nl)
            || self.words.prepositions.contains(&nl)
            || self.words.particles.contains(&nl)
            || self.words.not_noun_heads.contains(&nl)
            || self.words.adjunct_openers.contains(&nl)
            || is_adverb(self.words, nl)
            || self.word(n).starts_with(char::is_uppercase)
    }

    /// The token is a past form of a verb: `-ed` (`crossed`) or irregular (`flew`), not
    /// the verb's own base form (`need`, `set`).
    fn past_form(&self) -> bool {
        let w = self.lower(self.i);
        let lex = Lexicon::builtin();
        match super::morph::verb_lemma(self.words, lex, &w) {
            Some(l) if l != w => w.ends_with(self.words.ending.ed) || lex.verb_exception(&w).is_some(),
            _ => false,
        }
    }

    /// The token follows a determiner, a possessive `'s` or a preposition, possibly with
    /// capitalised modifiers between (`the Christmas release`).
    pub fn nominal_context(&self) -> bool {
        if self.determiner_over_noun_modifiers() {
            return true;
        }
        let capital = |k: usize| self.word(k).chars().next().is_some_and(char::is_uppercase);
        let Some(j) = self
            .before(self.i)
            .take(4)
            .find(|&k| !capital(k) || k == self.range.start)
        else {
            return false;
        };
        let p = self.lower(j);
        if self.before(self.i).next() != Some(j) {
            // Only a determiner reaches over capitalised modifiers, and not to a past form:
            // "the Christmas release" but "the Pentagon said".
            let w = self.lower(self.i);
            let lex = Lexicon::builtin();
            if w.ends_with(self.words.ending.ed) || lex.verb_exception(&w).is_some_and(|l| l != w) {
                return false;
            }
            return self.words.determiners.contains(&p.as_str())
                || (p == "s" && self.is_clitic(j) && !self.clitic_is_verb(j));
        }
        if self.words.ordinal_adverbs.contains(&p.as_str()) && self.past_form() {
            // "the crew that first crossed the Arctic": an adverb, unless a determiner
            // comes before it ("the first reported case").
            return self
                .before(j)
                .next()
                .is_some_and(|k| self.words.determiners.contains(&self.lower(k).as_str()));
        }
        if self.words.determiners.contains(&p.as_str()) {
            return true;
        }
        if p == "s" && self.is_clitic(j) {
            return !self.clitic_is_verb(j);
        }
        self.words.prepositions.contains(&p.as_str()) && !self.lower(self.i).ends_with(self.words.ending.ing)
    }
}

impl Context<'_> {
    /// A base verb form after a determiner with lower-case noun modifiers between, possibly
    /// with a quoted title among them: `the Christmas movie release of`, `the "The Interview"
    /// movie release`, `a tax cut`. Not `-s`, `-ed` or `-ing` forms, where the verb reading is
    /// common (`the army attacks`, `the company released`, `the bank lending`), and not when an
    /// object follows (`the people release the hostages`).
    fn determiner_over_noun_modifiers(&self) -> bool {
        let w = self.lower(self.i);
        let lex = Lexicon::builtin();
        if w.ends_with('s')
            || w.ends_with(self.words.ending.ed)
            || w.ends_with(self.words.ending.ing)
            || lex.verb_exception(&w).is_some_and(|l| l != w)
        {
            return false;
        }
        if self.i + 1 < self.range.end && self.is_word(self.i + 1) && is_adverb(self.words, &self.lower(self.i + 1)) {
            // "the president quit suddenly"
            return false;
        }
        if let Some(n) = self.next_content(self.i) {
            let next = self.lower(n);
            if self.words.determiners.contains(&next.as_str())
                || self.words.object_pronouns.contains(&next.as_str())
                || self.words.particles.contains(&next.as_str())
                || next.ends_with(self.words.ending.self_)
                || next.ends_with(self.words.ending.selves)
                || self.word(n).chars().next().is_some_and(char::is_uppercase)
            {
                return false;
            }
        }
        let mut lower_modifiers = 0;
        let mut modifiers = 0;
        let mut k = self.i;
        while k > self.range.start {
            k -= 1;
            let t = self.analysis.tokens[k];
            if t.kind != TokenKind::Word {
                // A quoted title: skip back to its opening quote when every word inside is
                // capitalised.
                if !matches!(self.word(k), "\"" | "”") {
                    return false;
                }
                let open = (self.range.start..k)
                    .rev()
                    .take(8)
                    .find(|&q| matches!(self.word(q), "\"" | "“"));
                let Some(open) = open else { return false };
                let title_ok = (open + 1..k)
                    .all(|q| !self.is_word(q) || self.word(q).chars().next().is_some_and(char::is_uppercase))
                    && open + 1 < k;
                if !title_ok {
                    return false;
                }
                k = open;
                continue;
            }
            let p = self.lower(k);
            if self.words.articles.contains(&p.as_str()) || (p == "s" && self.is_clitic(k) && !self.clitic_is_verb(k)) {
                return lower_modifiers > 0;
            }
            modifiers += 1;
            if modifiers > 4 {
                return false;
            }
            if self.word(k).chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            // A plural before the form makes it a verb: "new reports suggest", "people want".
            let plural = (p.ends_with('s')
                && !p.ends_with(self.words.ending.ss)
                && !p.ends_with(self.words.ending.us)
                && !p.ends_with(self.words.ending.is))
                || self.words.plural_nouns.contains(&p.as_str());
            if !noun_modifier(self.words, &p) || plural || lower_modifiers >= 2 {
                return false;
            }
            lower_modifiers += 1;
        }
        false
    }
}

impl Context<'_> {
    /// The token is the modifier of a compound noun: a lower-case noun follows it right away
    /// (`arrest warrant`, `accession treaty`, `terrorism task force`). Not before a verb form:
    /// an `-s`, `-ed`, `-ing` or irregular past form, an auxiliary or a function word.
    pub fn compound_modifier(&self) -> bool {
        let n = self.i + 1;
        if n >= self.range.end || !self.is_word(n) || !self.analysis.tokens[n].space_before {
            return false;
        }
        // Gerunds and participles take objects or modify as adjectives (`extending
        // membership`, `a failed attempt`); plurals rarely modify (`rallies almost daily`).
        let w = self.lower(self.i);
        if w.ends_with(self.words.ending.ing)
            || w.ends_with(self.words.ending.ed)
            || (w.ends_with('s') && !w.ends_with(self.words.ending.ss))
        {
            return false;
        }
        let next = self.word(n);
        let nl = next.to_lowercase();
        let lex = Lexicon::builtin();
        next.starts_with(char::is_lowercase)
            && noun_modifier(self.words, &nl)
            && !nl.ends_with('s')
            && !lex.never(&nl)
            && lex.verb_exception(&nl).is_none_or(|l| l == nl)
            && !self.words.particles.contains(&nl.as_str())
            && !self.words.not_noun_heads.contains(&nl.as_str())
            && !self.words.adjective_suffixes.iter().any(|s| nl.ends_with(s))
    }
}

impl Context<'_> {
    /// A verb's base form after a negated auxiliary (`did not open`, `doesn't close`, `will
    /// never sell`): only a verb stands there, whatever the counts of a form that is also an
    /// adjective or a noun say (TBAQ sees `open` mostly as an adjective). Not `be`, `have` or
    /// `do` themselves (`did not have the money` is left to the counts).
    pub fn negated_base_verb(&self) -> bool {
        let w = self.lower(self.i);
        let lex = Lexicon::builtin();
        if self.words.be.contains(&w.as_str())
            || self.words.have.contains(&w.as_str())
            || self.words.do_forms.contains(&w.as_str())
        {
            return false;
        }
        if super::morph::verb_lemma(self.words, lex, &w).as_deref() != Some(w.as_str()) || lex.verb(&w).is_none() {
            return false;
        }
        let mut neg = false;
        for k in self.before(self.i).take(MAX_GROUP) {
            let p = self.lower(k);
            if p == "t" && self.is_clitic(k) || self.words.verb_negations.contains(&p.as_str()) {
                neg = true;
                continue;
            }
            if is_adverb(self.words, &p) {
                continue;
            }
            return neg && (self.words.do_words.contains(&p.as_str()) || self.words.modals.contains(&p.as_str()));
        }
        false
    }
}

impl Context<'_> {
    /// A past form (`-ed` or irregular, not `-ing`) right after a subject, with at most one
    /// adverb between: a name (`Sony Pictures recently canceled`), a subject or relative
    /// pronoun (`they canceled`, `a film that stirred`) or a lower-case noun (`the company
    /// canceled`). Not after a determiner (`the canceled show`), an auxiliary (`was
    /// canceled`, verbal context anyway) or punctuation.
    pub fn past_after_subject(&self) -> bool {
        let w = self.lower(self.i);
        let lex = Lexicon::builtin();
        let past = (w.ends_with(self.words.ending.ed)
            && super::morph::verb_lemma(self.words, lex, &w).is_some_and(|l| l != w))
            || lex.verb_exception(&w).is_some_and(|l| l != w);
        if !past || w.ends_with(self.words.ending.ing) {
            return false;
        }
        let mut adverbs = 0;
        for k in self.before(self.i) {
            let p = self.lower(k);
            if is_adverb(self.words, &p) && !self.words.not_counted_adverbs.contains(&p.as_str()) {
                adverbs += 1;
                if adverbs > 1 {
                    return false;
                }
                continue;
            }
            if self.words.subjects.contains(&p.as_str()) || self.words.relative_that_which.contains(&p.as_str()) {
                return true;
            }
            if p == "s" || p == "t" || !noun_modifier(self.words, &p) {
                return false;
            }
            // A name or a noun.
            return true;
        }
        false
    }
}

impl Context<'_> {
    /// A third-person present form right after a name, with an object right after it:
    /// `Apple unveils iPhone 4`, `Sony sues the hackers`, `U.S. sanctions Iran` (news
    /// headlines and present-tense reports). Not `Apple shares fell` (no object follows).
    pub fn present_after_name(&self) -> bool {
        let w = self.lower(self.i);
        if !w.ends_with('s') || w.ends_with(self.words.ending.ss) || self.i == self.range.start {
            return false;
        }
        let lex = Lexicon::builtin();
        match super::morph::verb_lemma(self.words, lex, &w) {
            Some(l) if l != w && lex.verb(&l).is_some() => {}
            _ => return false,
        }
        let capital = |k: usize| self.word(k).chars().next().is_some_and(char::is_uppercase);
        let name_before = self.before(self.i).next() == Some(self.i - 1) && capital(self.i - 1);
        // "U.S. sanctions Iran": an abbreviation ending in a period is a name too.
        let abbreviation = self.i >= 2 && self.word(self.i - 1) == "." && capital(self.i - 2);
        if !(name_before || abbreviation) {
            return false;
        }
        let n = self.i + 1;
        if n >= self.range.end {
            return false;
        }
        let next = self.word(n);
        let nl = self.lower(n);
        // "Apple announces new iPod range": an object opened by an adjective or a noun that
        // cannot be a verb ("Apple shares gain 5%" has a verb there).
        // Not after a nationality ("Cuban exiles outside", "American visas today").
        let demonym = |k: usize| {
            let p = self.lower(k);
            self.words.demonym_suffixes.iter().any(|s| p.ends_with(s))
        };
        let bare_object = self.is_word(n)
            && !(name_before && demonym(self.i - 1))
            && (self.words.object_adjectives.contains(&nl.as_str())
                || noun_modifier(self.words, &nl)
                    && !nl.ends_with('s')
                    && super::morph::verb_lemma(self.words, lex, &nl).is_none());
        self.words.object_cues.contains(&nl.as_str())
            || bare_object
            || next.chars().any(char::is_uppercase)
            || next.chars().next().is_some_and(|c| c.is_ascii_digit())
    }

    /// Does the word right after this one open an object noun phrase (`the`, `a`, `its`,
    /// `them`: `EventWords::object_cues`)?
    pub fn opens_object(&self) -> bool {
        self.next_content(self.i)
            .is_some_and(|n| n == self.i + 1 && self.words.object_cues.contains(&self.lower(n).as_str()))
    }

    /// A present or base verb form between a subject noun phrase and its object: `the army
    /// attacks the city`, `the government plans a cut`. The form follows a lower-case noun
    /// after a determiner and is followed by a determiner or an object pronoun.
    pub fn verb_with_object(&self) -> bool {
        let w = self.lower(self.i);
        if w.ends_with(self.words.ending.ed)
            || w.ends_with(self.words.ending.ing)
            || Lexicon::builtin()
                .verb(&super::morph::verb_lemma(self.words, Lexicon::builtin(), &w).unwrap_or_default())
                .is_none()
        {
            return false;
        }
        let Some(n) = self.next_content(self.i) else {
            return false;
        };
        if n != self.i + 1 || !self.words.object_cues.contains(&self.lower(n).as_str()) {
            return false;
        }
        let mut before = self.before(self.i);
        let Some(subj) = before.next() else {
            return false;
        };
        let sw = self.lower(subj);
        if self.word(subj).chars().next().is_some_and(char::is_uppercase) || !noun_modifier(self.words, &sw) {
            return false;
        }
        before
            .take(2)
            .any(|k| self.words.determiners.contains(&self.lower(k).as_str()))
    }
}

/// A lower-case word that can modify a noun in a compound (`movie` in `movie release`): not a
/// function word, auxiliary, adverb or verb form.
fn noun_modifier(words: &EventWords, w: &str) -> bool {
    !(words.determiners.contains(&w)
        || words.prepositions.contains(&w)
        || words.be.contains(&w)
        || words.have.contains(&w)
        || words.do_words.contains(&w)
        || words.modals.contains(&w)
        || words.subjects.contains(&w)
        || words.object_pronouns.contains(&w)
        || is_adverb(words, w)
        || w.ends_with(words.ending.ed)
        || w.ends_with(words.ending.ing)
        || words.not_modifiers.contains(&w))
}

/// The kind of word right before token `i` (only whitespace between), as the corpus counts
/// were made by `train/scripts/gen_event_lexicon.py` (its `context_of` reads the same data files:
/// `determiners.txt`, `prepositions.txt`, `verbal-context.txt`).
pub fn context_of(words: &EventWords, text: &str, analysis: &Analysis, i: usize) -> Ctx {
    if i == 0 {
        return Ctx::Other;
    }
    let prev = analysis.tokens[i - 1];
    let cur = analysis.tokens[i];
    if prev.kind != TokenKind::Word || !text[prev.span.end..cur.span.start].chars().all(char::is_whitespace) {
        return Ctx::Other;
    }
    if prev.span.end == cur.span.start {
        return Ctx::Other;
    }
    let w = prev.text(text).to_lowercase();
    let w = w.as_str();
    if words.determiners.contains(&w) || w == "s" {
        Ctx::Determiner
    } else if words.prepositions.contains(&w) {
        Ctx::Preposition
    } else if words.verbal_context.contains(&w) {
        Ctx::Verbal
    } else {
        Ctx::Other
    }
}

fn is_adverb(words: &EventWords, w: &str) -> bool {
    words.adverbs.contains(&w) || (w.len() > 4 && w.ends_with(words.ending.ly) && !words.not_ly_adverbs.contains(&w))
}

/// `do` as a main verb with an object or pro-form after it: `would do so`, `can do it`,
/// `will do all we can`, `do my best`, `what NATO will do with`. TimeML marks these (the
/// auxiliary `do` of `did not go` is left out by [`is_auxiliary_use`]).
pub fn main_verb_do(ctx: &Context) -> bool {
    let w = ctx.lower(ctx.i);
    if !ctx.words.do_forms.contains(&w.as_str()) || is_auxiliary_use(ctx) {
        return false;
    }
    let Some(n) = ctx.next_content(ctx.i) else {
        return false;
    };
    if n != ctx.i + 1 || !ctx.words.do_objects.contains(&ctx.lower(n).as_str()) {
        return false;
    }
    // "what does it mean", "did that help": a question's auxiliary before its subject.
    let question = ctx.words.question_subjects.contains(&ctx.lower(n).as_str())
        && ctx.next_content(n).is_some_and(|v| {
            Lexicon::builtin().verb(&ctx.lower(v)).is_some() && !ctx.words.determiners.contains(&ctx.lower(v).as_str())
        });
    !question
}

/// Is `lower` a modal form (`will`, `won`, `could`, ...)?
pub fn is_modal_form(words: &EventWords, lower: &str) -> bool {
    words.modals.contains(&lower)
}

/// A `be` / `have` / `do` / modal form used as an auxiliary or copula: never an event.
pub fn is_auxiliary_use(ctx: &Context) -> bool {
    let w = ctx.lower(ctx.i);
    let w = w.as_str();
    if ctx.words.be.contains(&w) {
        return true;
    }
    if ctx.words.modals.contains(&w) {
        // A modal form that is also a verb's past (`won` of `won't` and of `win`): the modal
        // only before its negation ("won't"), else the verb ("The party won the election").
        let past_of_verb = super::lexicon::Lexicon::builtin()
            .verb_exception(w)
            .is_some_and(|l| l != w);
        let clitic_next = ctx.i + 1 < ctx.range.end && matches!(ctx.word(ctx.i + 1), "'" | "’");
        return !past_of_verb || clitic_next;
    }
    if ctx.words.have.contains(&w) || ctx.words.do_words.contains(&w) {
        // An auxiliary when a verb form, `not` or `n't` follows.
        let Some(n) = ctx.next_content(ctx.i) else {
            return false;
        };
        let next = ctx.lower(n);
        if matches!(ctx.word(ctx.i + 1), "'" | "’") || ctx.word(n) == ctx.words.not_word {
            return true;
        }
        if ctx.words.have.contains(&w) {
            return next == ctx.words.been
                || next.ends_with(ctx.words.ending.ed)
                || next.ends_with(ctx.words.ending.en)
                || (super::lexicon::Lexicon::builtin().verb_exception(&next).is_some()
                    && !next.ends_with(ctx.words.ending.ing));
        }
        return super::lexicon::Lexicon::builtin().verb(&next).is_some()
            && !ctx.words.determiners.contains(&next.as_str());
    }
    false
}

/// Tense, aspect, polarity and modality of an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub tense: Tense,
    pub aspect: Aspect,
    pub polarity: Polarity,
    pub modality: Option<String>,
    /// No auxiliary, modal or `to` before the event.
    pub bare: bool,
}

/// Read the verb group before the event at `ctx.i`.
pub fn verb_group(ctx: &Context, pos: Pos) -> Group {
    let lex = Lexicon::builtin();
    let mut chain: Vec<String> = Vec::new();
    let mut neg = false;
    for k in ctx.before(ctx.i).take(MAX_GROUP) {
        let w = ctx.lower(k);
        if w == "t" && ctx.is_clitic(k) {
            neg = true;
            continue;
        }
        if ctx.words.verb_negations.contains(&w.as_str()) {
            neg = true;
            // `cannot` is `can` + `not`.
            if let Some(m) = ctx.words.modal_forms.find(&w) {
                chain.push(m.clone());
            }
            continue;
        }
        if ctx.words.noun_negations.contains(&w.as_str()) && pos != Pos::Verb {
            neg = true;
            continue;
        }
        if w == "s" && ctx.is_clitic(k) && ctx.clitic_is_verb(k) {
            chain.push(ctx.words.clitic_s_verb.into());
            continue;
        }
        let aux = ctx.words.be.contains(&w.as_str())
            || ctx.words.have.contains(&w.as_str())
            || ctx.words.do_words.contains(&w.as_str());
        if aux || ctx.words.modals.contains(&w.as_str()) || w == ctx.words.infinitive_marker {
            chain.push(w);
            continue;
        }
        if is_adverb(ctx.words, &w) {
            continue;
        }
        break;
    }
    chain.reverse(); // leftmost first
    let polarity = if neg { Polarity::Neg } else { Polarity::Pos };
    let form = ctx.lower(ctx.i);
    let mut modality = None;
    let mut tense = Tense::None;
    let mut aspect = Aspect::None;
    if pos == Pos::Noun {
        return Group {
            tense,
            aspect,
            polarity,
            modality,
            bare: chain.is_empty(),
        };
    }
    let ing = form.ends_with(ctx.words.ending.ing);
    let participle = form.ends_with(ctx.words.ending.ed)
        || form.ends_with(ctx.words.ending.en)
        || lex.verb_exception(&form).is_some_and(|l| l != form && !ing);
    // An -ing form takes its tense from a `be` auxiliary only: in "as you often do heading
    // into the holiday" the `do` is a verb of its own, and `heading` a bare participle.
    // (Only `do`/`have` are dropped: TimeML keeps `to`, `will` and modals over an -ing form.)
    if pos == Pos::Verb
        && ing
        && !chain.is_empty()
        && chain
            .iter()
            .all(|w| ctx.words.do_words.contains(&w.as_str()) || ctx.words.have.contains(&w.as_str()))
    {
        chain.clear();
    }
    let has = |set: &[&str]| chain.iter().any(|w| set.contains(&w.as_str()));
    if pos == Pos::Verb {
        if ing && has(ctx.words.be) {
            aspect = if has(ctx.words.have) {
                Aspect::PerfectiveProgressive
            } else {
                Aspect::Progressive
            };
        } else if participle && has(ctx.words.have) {
            aspect = Aspect::Perfective;
        }
    } else if has(ctx.words.have) && chain.iter().any(|w| w == ctx.words.been) {
        aspect = Aspect::Perfective;
    }
    let first = if chain.iter().any(|w| w == ctx.words.infinitive_marker)
        && !chain.first().is_some_and(|w| ctx.words.modals.contains(&w.as_str()))
    {
        Some(ctx.words.infinitive_marker)
    } else {
        chain.first().map(String::as_str)
    };
    match first {
        Some(m) if ctx.words.future_auxiliaries.contains(&m) => tense = Tense::Future,
        Some(m) if ctx.words.modals.contains(&m) => {
            modality = Some(ctx.words.modal_forms.find(m).map_or(m, String::as_str).to_string())
        }
        Some(m) if m == ctx.words.infinitive_marker => tense = Tense::Infinitive,
        Some(m) if ctx.words.present_auxiliaries.contains(&m) => tense = Tense::Present,
        Some(m) if ctx.words.past_auxiliaries.contains(&m) => tense = Tense::Past,
        Some(_) => {}
        None if pos == Pos::Verb => {
            tense = if ing {
                Tense::PresPart
            } else if participle {
                Tense::Past
            } else {
                Tense::Present
            }
        }
        None => {}
    }
    Group {
        tense,
        aspect,
        polarity,
        modality,
        bare: chain.is_empty(),
    }
}
