//! Class by complement: TimeML gives I_ACTION and ASPECTUAL to predicates that take an event
//! argument. Without one, the same verb is an OCCURRENCE.
//!
//! | text                                         | event     | class from the lexicon | class      |
//! |----------------------------------------------|-----------|------------------------|------------|
//! | `they refused to provide details`            | refused   | I_ACTION               | I_ACTION   |
//! | `the family demanded that he return`         | demanded  | I_ACTION               | I_ACTION   |
//! | `the British government called for talks`    | called    | I_ACTION               | I_ACTION   |
//! | `a reward has been offered.`                 | offered   | I_ACTION               | OCCURRENCE |
//! | `the court ruled last month.`                | ruled     | I_ACTION               | OCCURRENCE |
//! | `a court appeal by the relatives`            | appeal    | I_ACTION               | OCCURRENCE |
//! | `relatives are fighting to keep the boy here` | keep     | ASPECTUAL              | OCCURRENCE |
//! | `citizens were urged to keep rallying`       | keep      | ASPECTUAL              | ASPECTUAL  |
//! | `the war began on Monday`                    | began     | ASPECTUAL              | ASPECTUAL  |
//!
//! # Grammar
//!
//! ```text
//! clause     := the words after the event up to `,` `;` `:` `.` `(` `)` `?` `!` `--` `_`
//!               (an abbreviation's period, `Mr.` `U.S.`, does not end it)
//! complement := a cue word (COMPLEMENT_CUES) or another event within COMPLEMENT_WINDOW words
//! I_ACTION (verb or noun) without complement      → OCCURRENCE
//! ASPECTUAL (verb or noun) + direct object, without complement → OCCURRENCE
//! ```
//!
//! An ASPECTUAL verb with no object keeps its class: in `the war began` the subject is the
//! event (TimeML marks these ASPECTUAL, and TimeBank does). I_STATE and PERCEPTION are left
//! alone: TimeBank gives them their class without an event argument too (`wants a car`,
//! `saw the house`), and demoting them lost class F1 in and out of sample.

use super::{Event, EventClass, Pos};
use crate::lang::EventWords;
use crate::text::{Analysis, TokenKind};

/// How many words after an intensional verb its event complement may start.
pub const COMPLEMENT_WINDOW: usize = 6;

/// Punctuation that ends the clause of an event.
static CLAUSE_ENDS: &[&str] = &[",", ";", ":", ".", "(", ")", "?", "!", "--", "_"];

/// Set the class of I_ACTION and ASPECTUAL events without an event complement to OCCURRENCE
/// (see the module docs). `events` are sorted by span.
pub fn refine_classes(words: &EventWords, text: &str, analysis: &Analysis, events: &mut [Event]) {
    let toks = &analysis.tokens;
    let starts: Vec<usize> = events.iter().map(|e| e.span.start).collect();
    for e in events.iter_mut() {
        let needs_object = match (e.class, e.pos) {
            (EventClass::IAction, Pos::Verb | Pos::Noun) => false,
            (EventClass::Aspectual, Pos::Verb | Pos::Noun) => true,
            _ => continue,
        };
        let end = analysis.sentences[e.sentence].tokens.end;
        let first = toks.partition_point(|t| t.span.start < e.span.end);
        if first >= end {
            // Nothing follows in the sentence: no complement.
            if !needs_object {
                e.class = EventClass::Occurrence;
            }
            continue;
        }
        if needs_object {
            let t = toks[first];
            let w = t.text(text);
            let object = words.object_openers.contains(&w.to_lowercase().as_str())
                || w.starts_with(char::is_uppercase)
                || t.kind == TokenKind::Number
                || w == "$";
            if !object {
                continue;
            }
        }
        if !has_complement(words, text, analysis, first, end, &starts) {
            e.class = EventClass::Occurrence;
        }
    }
}

/// Is there a complement cue or an event among the first [`COMPLEMENT_WINDOW`] words of the
/// clause from token `first` (exclusive `end` of the sentence)?
fn has_complement(
    ew: &EventWords,
    text: &str,
    analysis: &Analysis,
    first: usize,
    end: usize,
    starts: &[usize],
) -> bool {
    let toks = &analysis.tokens;
    let mut words = 0;
    for k in first..end {
        let t = toks[k];
        if t.kind == TokenKind::Punct {
            let p = t.text(text);
            let abbreviation = p == "."
                && k > first
                && toks[k - 1].kind == TokenKind::Word
                && toks[k - 1].text(text).len() <= 3
                && toks[k - 1].text(text).starts_with(char::is_uppercase);
            if !abbreviation && CLAUSE_ENDS.contains(&p) {
                return false;
            }
            continue;
        }
        words += 1;
        if words > COMPLEMENT_WINDOW {
            return false;
        }
        let w = t.text(text).to_lowercase();
        if ew.complement_cues.contains(&w.as_str()) || starts.binary_search(&t.span.start).is_ok() {
            return true;
        }
    }
    false
}
