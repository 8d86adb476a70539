//! Per-word values that the tagger and the parser's features are made of, computed once
//! per sentence: hashes of the lower-cased form, affixes and shape. Nothing here knows a
//! language; affixes are counted in characters.

use crate::hash;

/// The precomputed hashes of one word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordKeys {
    /// The form as written.
    pub cased: u64,
    /// The lower-cased form.
    pub lower: u64,
    /// Suffixes of 1..=4 characters (lower-cased).
    pub suffix: [u64; 4],
    /// Prefixes of 1..=3 characters (lower-cased).
    pub prefix: [u64; 3],
    /// The word shape ("Xxxx" → "Xx", "A380" → "Xd", "12:00" → "d:d").
    pub shape: u64,
    /// Small flags: capitalised, all capitals, has a digit, has a hyphen, length bucket.
    pub flags: u64,
}

/// Computes the keys of a word.
pub fn word_keys(form: &str) -> WordKeys {
    let lower = form.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let n = chars.len();
    let mut suffix = [0u64; 4];
    for (k, s) in suffix.iter_mut().enumerate() {
        let take = (k + 1).min(n);
        let tail: String = chars[n - take..].iter().collect();
        *s = hash::mix(hash::str(&tail), 0x5F + k as u64);
    }
    let mut prefix = [0u64; 3];
    for (k, p) in prefix.iter_mut().enumerate() {
        let take = (k + 1).min(n);
        let head: String = chars[..take].iter().collect();
        *p = hash::mix(hash::str(&head), 0x9F + k as u64);
    }
    let first_upper = form.chars().next().is_some_and(char::is_uppercase);
    let all_upper =
        form.chars().any(char::is_alphabetic) && form.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let has_digit = form.chars().any(|c| c.is_numeric());
    let has_hyphen = form.contains('-');
    let len_bucket = match n {
        0..=1 => 0u64,
        2..=3 => 1,
        4..=6 => 2,
        7..=10 => 3,
        _ => 4,
    };
    let flags = u64::from(first_upper)
        | u64::from(all_upper) << 1
        | u64::from(has_digit) << 2
        | u64::from(has_hyphen) << 3
        | len_bucket << 4;
    WordKeys {
        cased: hash::str(form),
        lower: hash::str(&lower),
        suffix,
        prefix,
        shape: hash::str(&shape(form)),
        flags,
    }
}

/// The shape of a word: each character class once per run, letters as X/x, digits as d,
/// other characters as themselves; long words keep at most four runs.
pub fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut runs = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            runs += 1;
            if runs > 5 {
                out.push('~');
                break;
            }
            out.push(k);
            last = k;
        }
    }
    out
}

/// Keys of every word of a sentence.
pub fn sentence_keys<S: AsRef<str>>(forms: &[S]) -> Vec<WordKeys> {
    forms.iter().map(|f| word_keys(f.as_ref())).collect()
}

/// The key of a missing word (before the sentence start or after its end).
pub const NONE: u64 = 0x0123_4567_89AB_CDEF;
