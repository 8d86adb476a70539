//! Stable ids for events and times: names made from the text, not positions, so one more
//! event does not renumber the others and small input changes give small diffs.
//!
//! | text                                   | id                          |
//! |----------------------------------------|-----------------------------|
//! | `hacked`                               | `hacked`                    |
//! | `Sony Pictures scrapped the release`   | `sony-pictures-scrapped-the-release` |
//! | `Ünïcödé “quotes”`                     | `unicode-quotes`            |
//! | `12/17/14`                             | `12-17-14`                  |
//! | `` (nothing usable)                    | `x`                         |
//! | `hacked`, again                        | `hacked-2`                  |
//!
//! # Grammar
//!
//! ```text
//! id := [a-z0-9]+ ( "-" [a-z0-9]+ )*     at most MAX_LEN bytes, cut at a word boundary
//! ```

use crate::format::ids::FOLD;
use std::collections::BTreeSet;

/// Longest id [`slug`] makes (before a `-N` suffix).
pub const MAX_LEN: usize = 40;

/// A lower-case ASCII slug of `text`: letters and digits, words joined by `-`.
pub fn slug(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            cur.push(c);
        } else if let Some((_, f)) = FOLD.iter().find(|(k, _)| *k == c) {
            cur.push_str(f);
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    let mut out = String::new();
    for w in words {
        let extra = if out.is_empty() { w.len() } else { w.len() + 1 };
        if out.len() + extra > MAX_LEN {
            if out.is_empty() {
                out.push_str(&w[..MAX_LEN]);
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// Hands out unique ids: the slug, then `slug-2`, `slug-3`, ... for repeats. Feed it the
/// events in a deterministic order (e.g. by document and offset) and the ids are stable.
#[derive(Clone, Debug, Default)]
pub struct Allocator {
    taken: BTreeSet<String>,
}

impl Allocator {
    /// No ids allocated yet.
    pub fn new() -> Allocator {
        Allocator::default()
    }

    /// Reserve an id that is already in use (e.g. from a hand-written file).
    pub fn reserve(&mut self, id: impl Into<String>) {
        self.taken.insert(id.into());
    }

    /// A new unique id made from `text`.
    pub fn id(&mut self, text: &str) -> String {
        let base = slug(text);
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let cases = [
            ("hacked", "hacked"),
            (
                "Sony Pictures scrapped the release",
                "sony-pictures-scrapped-the-release",
            ),
            ("Ünïcödé “quotes”", "unicode-quotes"),
            ("12/17/14", "12-17-14"),
            ("", "x"),
            ("東京", "x"),
            ("  --a--b--  ", "a-b"),
            (
                "the quick brown fox jumps over the lazy dog again and again",
                "the-quick-brown-fox-jumps-over-the-lazy",
            ),
            (
                "supercalifragilisticexpialidocious-and-then-some-more",
                "supercalifragilisticexpialidocious-and",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(slug(text), want, "{text}");
            assert!(slug(text).len() <= MAX_LEN);
        }
        assert_eq!(slug(&"a".repeat(50)), "a".repeat(40));
    }

    #[test]
    fn allocator_is_unique_and_stable() {
        let mut a = Allocator::new();
        a.reserve("leak");
        let ids: Vec<String> = ["hacked", "Hacked!", "leak", "hacked"]
            .iter()
            .map(|t| a.id(t))
            .collect();
        assert_eq!(ids, ["hacked", "hacked-2", "leak-2", "hacked-3"]);
    }
}
