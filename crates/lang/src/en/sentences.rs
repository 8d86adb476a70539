//! The English words of the sentence splitter (`crate::text`), and the English default of
//! [`Analysis::new`]: the text stage knows no word, a language gives its splitter the words
//! through [`SentenceWords`].
//!
//! | list                 | data file                          | example        |
//! |----------------------|------------------------------------|----------------|
//! | [`ABBREVIATIONS`]    | `data/sentences/abbreviations.txt` | `mr`, `inc`    |
//! | [`OPENERS`]          | `data/sentences/openers.txt`       | `The`, `However` |
//! | [`HEADLINE_LOWER`]   | `data/sentences/headline-lower.txt`| `of`, `the`    |

use super::English;
use crate::lang::Words;
use crate::text::{Analysis, SentenceWords, ShortWords, Token};
use std::sync::OnceLock;

/// Abbreviations after which a period does not end a sentence, lower case, at most 7 bytes.
pub static ABBREVIATIONS: Words = Words::new(include_str!("data/sentences/abbreviations.txt"));

/// Capitalised words that open sentences and never continue a name or an abbreviation.
pub static OPENERS: Words = Words::new(include_str!("data/sentences/openers.txt"));

/// Small words a headline leaves in lower case.
pub static HEADLINE_LOWER: Words = Words::new(include_str!("data/sentences/headline-lower.txt"));

/// [`ABBREVIATIONS`] packed for the splitter (built on first use).
fn abbreviations() -> &'static ShortWords {
    static SET: OnceLock<ShortWords> = OnceLock::new();
    SET.get_or_init(|| {
        ShortWords::new(ABBREVIATIONS.iter().copied())
            .unwrap_or_else(|w| panic!("data/sentences/abbreviations.txt: {w:?} is longer than 7 bytes"))
    })
}

impl SentenceWords for English {
    fn is_abbreviation(&self, word: &str) -> bool {
        abbreviations().contains(word)
    }

    fn is_sentence_opener(&self, word: &str) -> bool {
        OPENERS.contains(&word)
    }

    fn is_headline_lower(&self, word: &str) -> bool {
        HEADLINE_LOWER.contains(&word)
    }

    fn ends_meridiem(&self, text: &str, tokens: &[Token], i: usize) -> bool {
        // `a.m.` / `p.m.`: the tokens `a|p` `.` `m` `.`, written together.
        let Some(k) = i.checked_sub(3) else { return false };
        let w = |j: usize| tokens[j].text(text);
        let joined = tokens[k + 1..=i].iter().all(|t| !t.space_before);
        joined
            && MERIDIEM_LETTERS.contains(&w(k).to_ascii_lowercase().as_str())
            && w(k + 1) == "."
            && w(k + 2).eq_ignore_ascii_case(MERIDIEM_M)
    }

    fn continues_clock_time(&self, text: &str, tokens: &[Token], j: usize) -> bool {
        let Some(word) = tokens.get(j).map(|t| t.text(text)) else {
            return false;
        };
        let lower = word.to_ascii_lowercase();
        super::rules::time::is_zone_word(word)
            || super::WEEKDAYS.find(&lower).is_some()
            || super::WEEKDAY_ABBR.find(&lower).is_some()
            || super::MONTHS.find(&lower).is_some()
            || super::MONTH_ABBR.find(&lower).is_some()
            || local_time(text, tokens, j)
    }
}

/// A place's local time from token `j`: up to three capitalised words, then `time`
/// (`Moscow time`, `New York time`), not `Moscow officials`.
fn local_time(text: &str, tokens: &[Token], j: usize) -> bool {
    let mut k = j;
    while k < tokens.len() && k < j + LOCAL_TIME_MAX_WORDS && tokens[k].text(text).starts_with(char::is_uppercase) {
        k += 1;
    }
    k > j && tokens.get(k).is_some_and(|t| t.text(text) == LOCAL_TIME)
}

/// The word after a place that names its clock (`Moscow time`), and how many capitalised
/// words the place may have.
const LOCAL_TIME: &str = "time";
const LOCAL_TIME_MAX_WORDS: usize = 3;

/// The first letters of the meridiems `a.m.` and `p.m.`, and their second.
const MERIDIEM_LETTERS: [&str; 2] = ["a", "p"];
const MERIDIEM_M: &str = "m";

impl Analysis {
    /// Tokenize `text` and split it into sentences, in English: the default of every stage
    /// ([`Analysis::new_in`] takes another language's [`SentenceWords`]).
    pub fn new(text: &str) -> Analysis {
        Analysis::new_in(text, &English)
    }

    /// Analyse `text` anew in English, reusing this analysis's memory (for a caller that
    /// analyses many texts or windows one after the other).
    pub fn reset(&mut self, text: &str) {
        self.reset_in(text, &English)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists have words, abbreviations fit the packed set, and lookups keep their case
    /// rules: abbreviations without ASCII case, openers and headline words as written.
    #[test]
    fn lists() {
        assert!(!ABBREVIATIONS.is_empty() && !OPENERS.is_empty() && !HEADLINE_LOWER.is_empty());
        assert!(ABBREVIATIONS
            .iter()
            .all(|w| w.len() <= 7 && *w == w.to_ascii_lowercase()));
        let en = English;
        assert!(en.is_abbreviation("Mr") && en.is_abbreviation("INC") && en.is_abbreviation("approx"));
        assert!(!en.is_abbreviation("Smith") && !en.is_abbreviation("approximately"));
        assert!(en.is_sentence_opener("However") && !en.is_sentence_opener("however"));
        assert!(en.is_headline_lower("of") && !en.is_headline_lower("Of"));
    }

    /// The English default splits after a sentence, not after an abbreviation.
    #[test]
    fn english_default() {
        let text = "Mr. Smith left Acme Inc. on Monday. He said so.";
        let a = Analysis::new(text);
        let s: Vec<&str> = a.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(s, ["Mr. Smith left Acme Inc. on Monday.", "He said so."]);
        let mut b = Analysis::new("x");
        b.reset(text);
        assert_eq!(b.sentences, a.sentences);
    }
}
