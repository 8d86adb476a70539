//! Raw text to UD-style tokens and sentences, with byte offsets.
//!
//! Nothing here names a language: every decision comes from tables learned from the
//! training treebank's own tokenization (its `SpaceAfter=No` marks and multiword tokens):
//! - whether a punctuation character is a token of its own or part of a word, by the
//!   character and the classes (letter, digit, punctuation, edge) of its neighbours
//!   ("$1.6" → `$ 1.6`, "12:00" and "3,000" whole, "U.S." by the next rule);
//! - words the treebank keeps whole although the rule above would split them
//!   (abbreviations such as "U.S.", "Mr.", emoticons);
//! - clitics split off the end of a word ("don't" → `do n't`), as multiword tokens or
//!   as separate tokens, as the treebank does;
//! - other multiword tokens ("cannot" → `can not`);
//! - which tokens end sentences.
//!
//! Web addresses and e-mail addresses stay whole (a language-independent pattern).

use crate::binio::{ReadError, Reader, Writer};
use std::collections::{HashMap, HashSet};

/// One token of raw text: a byte span and, for a multiword token, its syntactic words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The syntactic words of a multiword token (empty for an ordinary token).
    pub parts: Vec<String>,
}

/// Learned tokenization tables.
#[derive(Debug, Clone, Default)]
pub struct Tokenizer {
    /// (punctuation char, left class, right class) → is a token of its own.
    isolate: HashMap<(char, u8, u8), bool>,
    /// punctuation char → is a token of its own, in most contexts.
    isolate_any: HashMap<char, bool>,
    /// Tokens kept whole although they contain punctuation.
    whole: HashSet<String>,
    /// Longest entry of `whole`, in characters.
    whole_max: usize,
    /// Clitic suffixes (lower-cased), longest first, and whether they form a multiword token.
    clitics: Vec<(String, bool)>,
    /// Multiword tokens not made by a clitic: lower-cased surface → words.
    multiword: HashMap<String, Vec<String>>,
    /// Tokens that end sentences (most of the time they occur).
    finals: HashSet<String>,
}

/// Character classes of the context tables.
const EDGE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const PUNCT: u8 = 3;

fn class(c: Option<char>) -> u8 {
    match c {
        None => EDGE,
        Some(c) if c.is_alphabetic() || c == '_' => LETTER,
        Some(c) if c.is_numeric() => DIGIT,
        Some(c) if c.is_whitespace() => EDGE,
        Some(_) => PUNCT,
    }
}

fn is_punct(c: char) -> bool {
    class(Some(c)) == PUNCT
}

/// A whitespace-free chunk of text is a web or e-mail address.
fn is_address(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("http://")
        || l.starts_with("https://")
        || l.starts_with("www.")
        || (s.contains('@')
            && s.rsplit('@').next().is_some_and(|d| d.contains('.'))
            && s.chars().next().is_some_and(|c| c.is_alphanumeric()))
}

impl Tokenizer {
    fn isolated(&self, c: char, l: u8, r: u8) -> bool {
        if let Some(&v) = self.isolate.get(&(c, l, r)) {
            return v;
        }
        if let Some(&v) = self.isolate_any.get(&c) {
            return v;
        }
        // Unseen character: a token of its own unless between two word characters.
        !(matches!(l, LETTER | DIGIT) && matches!(r, LETTER | DIGIT))
    }

    /// Splits one whitespace-free chunk starting at byte `base` into tokens.
    pub fn chunk(&self, chunk: &str, base: usize, out: &mut Vec<Token>) {
        let chars: Vec<(usize, char)> = chunk.char_indices().collect();
        let n = chars.len();
        let byte = |i: usize| if i < n { chars[i].0 } else { chunk.len() };
        let mut i = 0;
        let mut word_start: Option<usize> = None;
        let mut words: Vec<(usize, usize)> = Vec::new();
        while i < n {
            if word_start.is_none() {
                // A web address or a known whole token starting here.
                let rest = &chunk[byte(i)..];
                if is_address(rest) {
                    let mut e = n;
                    while e > i + 1 && matches!(chars[e - 1].1, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'') {
                        e -= 1;
                    }
                    words.push((i, e));
                    i = e;
                    continue;
                }
                if let Some(e) = self.whole_at(&chars, i, chunk) {
                    words.push((i, e));
                    i = e;
                    continue;
                }
            }
            let c = chars[i].1;
            if is_punct(c) {
                let l = if i == 0 { EDGE } else { class(Some(chars[i - 1].1)) };
                let r = class(chars.get(i + 1).map(|x| x.1));
                let l = if word_start.is_none() && i > 0 && l != PUNCT {
                    EDGE
                } else {
                    l
                };
                if self.isolated(c, l, r) {
                    if let Some(s) = word_start.take() {
                        words.push((s, i));
                    }
                    // A run of the same character is one token ("...", "--", "!!!").
                    let mut e = i + 1;
                    while e < n && chars[e].1 == c {
                        e += 1;
                    }
                    words.push((i, e));
                    i = e;
                    continue;
                }
            }
            if word_start.is_none() {
                word_start = Some(i);
            }
            i += 1;
        }
        if let Some(s) = word_start {
            words.push((s, n));
        }
        for (s, e) in words {
            let (bs, be) = (byte(s), byte(e));
            self.split_word(&chunk[bs..be], base + bs, out);
        }
    }

    /// The end (char index) of the longest known whole token starting at `i`, if the
    /// token ends the chunk or is followed by punctuation.
    fn whole_at(&self, chars: &[(usize, char)], i: usize, chunk: &str) -> Option<usize> {
        let n = chars.len();
        let max = self.whole_max.min(n - i);
        for len in (2..=max).rev() {
            let e = i + len;
            if e < n && !is_punct(chars[e].1) {
                continue;
            }
            let s = &chunk[chars[i].0..if e < n { chars[e].0 } else { chunk.len() }];
            if self.whole.contains(s) {
                return Some(e);
            }
        }
        None
    }

    /// Splits clitics and multiword tokens off a word.
    fn split_word(&self, w: &str, start: usize, out: &mut Vec<Token>) {
        let lower = w.to_lowercase();
        let end = start + w.len();
        if lower.len() == w.len() {
            if let Some(parts) = self.multiword.get(&lower) {
                out.push(Token {
                    start,
                    end,
                    parts: recase(w, parts),
                });
                return;
            }
            for (cl, mwt) in &self.clitics {
                if lower.len() > cl.len() && lower.ends_with(cl.as_str()) {
                    let cut = w.len() - cl.len();
                    if !w.is_char_boundary(cut) || !w[..cut].chars().last().is_some_and(char::is_alphabetic) {
                        continue;
                    }
                    if *mwt {
                        out.push(Token {
                            start,
                            end,
                            parts: vec![w[..cut].to_string(), w[cut..].to_string()],
                        });
                    } else {
                        out.push(Token {
                            start,
                            end: start + cut,
                            parts: vec![],
                        });
                        out.push(Token {
                            start: start + cut,
                            end,
                            parts: vec![],
                        });
                    }
                    return;
                }
            }
        }
        out.push(Token {
            start,
            end,
            parts: vec![],
        });
    }

    /// Tokens of a text, without sentence splitting.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    self.chunk(&text[s..i], s, &mut out);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            self.chunk(&text[s..], s, &mut out);
        }
        out
    }

    /// Splits a text into sentences of tokens. A blank line always ends a sentence; a
    /// learned sentence-final token (with closing brackets and quotes after it) ends one
    /// when the next token starts with a capital, a digit or punctuation, or stands on
    /// a new line; a line break before a capital or a digit ends one too.
    pub fn sentences(&self, text: &str) -> Vec<Vec<Token>> {
        let tokens = self.tokens(text);
        let mut out: Vec<Vec<Token>> = Vec::new();
        let mut cur: Vec<Token> = Vec::new();
        let mut after_final = false;
        for t in tokens {
            if let Some(prev) = cur.last() {
                let gap = &text[prev.end..t.start];
                let newlines = gap.matches('\n').count();
                let first = text[t.start..].chars().next().unwrap_or(' ');
                let starts_big = first.is_uppercase() || first.is_numeric() || is_punct(first);
                let tok = &text[t.start..t.end];
                let closing = gap.is_empty() && tok.chars().all(|c| is_punct(c) && !self.finals.contains(tok));
                let boundary = newlines >= 2
                    || (after_final && !closing && (starts_big || newlines >= 1) && !gap.is_empty())
                    || (newlines == 1 && (first.is_uppercase() || first.is_numeric()));
                if boundary {
                    out.push(std::mem::take(&mut cur));
                    after_final = false;
                } else if after_final && !closing {
                    after_final = false;
                }
            }
            let tok = &text[t.start..t.end];
            if self.finals.contains(tok) {
                after_final = true;
            }
            cur.push(t);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }

    /// Serializes (sorted).
    pub fn write(&self, w: &mut Writer) {
        let mut iso: Vec<_> = self.isolate.iter().collect();
        iso.sort();
        w.u32(iso.len() as u32);
        for ((c, l, r), v) in iso {
            w.u32(*c as u32);
            w.u8(*l);
            w.u8(*r);
            w.u8(u8::from(*v));
        }
        let mut any: Vec<_> = self.isolate_any.iter().collect();
        any.sort();
        w.u32(any.len() as u32);
        for (c, v) in any {
            w.u32(*c as u32);
            w.u8(u8::from(*v));
        }
        let mut whole: Vec<String> = self.whole.iter().cloned().collect();
        whole.sort();
        w.strs(&whole);
        w.u32(self.clitics.len() as u32);
        for (c, m) in &self.clitics {
            w.str(c);
            w.u8(u8::from(*m));
        }
        let mut mw: Vec<_> = self.multiword.iter().collect();
        mw.sort();
        w.u32(mw.len() as u32);
        for (s, p) in mw {
            w.str(s);
            w.strs(p);
        }
        let mut fin: Vec<String> = self.finals.iter().cloned().collect();
        fin.sort();
        w.strs(&fin);
    }

    /// Deserializes.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        let mut t = Tokenizer::default();
        let ch = |v: u32| char::from_u32(v).ok_or_else(|| "model corrupt: bad char".to_string());
        for _ in 0..r.count(7)? {
            let c = ch(r.u32()?)?;
            let (l, rr, v) = (r.u8()?, r.u8()?, r.u8()? != 0);
            t.isolate.insert((c, l, rr), v);
        }
        for _ in 0..r.count(5)? {
            let c = ch(r.u32()?)?;
            t.isolate_any.insert(c, r.u8()? != 0);
        }
        t.whole = r.strs()?.into_iter().collect();
        t.whole_max = t.whole.iter().map(|s| s.chars().count()).max().unwrap_or(0);
        for _ in 0..r.count(5)? {
            let s = r.str()?;
            t.clitics.push((s, r.u8()? != 0));
        }
        for _ in 0..r.count(8)? {
            let s = r.str()?;
            t.multiword.insert(s, r.strs()?);
        }
        t.finals = r.strs()?.into_iter().collect();
        Ok(t)
    }
}

/// Gives the parts of a multiword token the surface's case where they spell it.
fn recase(surface: &str, parts: &[String]) -> Vec<String> {
    let joined: String = parts.concat();
    if joined.len() == surface.len() && joined == surface.to_lowercase() {
        let mut out = Vec::new();
        let mut at = 0;
        for p in parts {
            out.push(surface[at..at + p.len()].to_string());
            at += p.len();
        }
        out
    } else {
        parts.to_vec()
    }
}

#[cfg(feature = "train")]
mod learn {
    use super::*;
    use crate::conllu::Sentence;

    /// One surface token of the treebank: its text, its words, whether a space follows.
    struct Surface {
        text: String,
        words: Vec<String>,
        space_after: bool,
    }

    fn surfaces(s: &Sentence) -> Vec<Surface> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut mw = s.multiwords.iter().peekable();
        while i < s.words.len() {
            if let Some(m) = mw.peek().filter(|m| m.first == i + 1) {
                out.push(Surface {
                    text: m.form.clone(),
                    words: s.words[m.first - 1..m.last].iter().map(|w| w.form.clone()).collect(),
                    space_after: !m.misc.split('|').any(|x| x == "SpaceAfter=No"),
                });
                i = m.last;
                mw.next();
            } else {
                let w = &s.words[i];
                out.push(Surface {
                    text: w.form.clone(),
                    words: vec![w.form.clone()],
                    space_after: !w.misc.split('|').any(|x| x == "SpaceAfter=No"),
                });
                i += 1;
            }
        }
        out
    }

    fn majority<K: std::hash::Hash + Eq + Clone + Ord>(m: &HashMap<K, (u32, u32)>, min: u32) -> HashMap<K, bool> {
        m.iter()
            .filter(|(_, (y, n))| y + n >= min)
            .map(|(k, (y, n))| (k.clone(), y > n))
            .collect()
    }

    impl Tokenizer {
        /// Learns the tables from a treebank.
        pub fn learn(sentences: &[Sentence]) -> Tokenizer {
            let mut iso: HashMap<(char, u8, u8), (u32, u32)> = HashMap::new();
            let mut iso_any: HashMap<char, (u32, u32)> = HashMap::new();
            let mut clitic_counts: HashMap<(String, bool), u32> = HashMap::new();
            let mut multiword: HashMap<String, HashMap<Vec<String>, u32>> = HashMap::new();
            let mut final_counts: HashMap<String, (u32, u32)> = HashMap::new();
            let mut token_counts: HashMap<String, u32> = HashMap::new();
            for s in sentences {
                let surf = surfaces(s);
                // Sentence-final tokens: the last token that is not a closing bracket or quote.
                let last_real = surf.iter().rposition(|t| {
                    !t.text
                        .chars()
                        .all(|c| matches!(c, '"' | '\'' | ')' | ']' | '}' | '»' | '”' | '’'))
                });
                for (k, t) in surf.iter().enumerate() {
                    let e = final_counts.entry(t.text.clone()).or_default();
                    if Some(k) == last_real {
                        e.0 += 1;
                    } else {
                        e.1 += 1;
                    }
                    if t.text.chars().any(is_punct) {
                        *token_counts.entry(t.text.clone()).or_default() += 1;
                    }
                }
                // Chunks: runs of surface tokens without spaces between them.
                let mut k = 0;
                while k < surf.len() {
                    let mut e = k;
                    while e + 1 < surf.len() && !surf[e].space_after {
                        e += 1;
                    }
                    let chunk: Vec<&Surface> = surf[k..=e].iter().collect();
                    let text: String = chunk.iter().map(|t| t.text.as_str()).collect();
                    let chars: Vec<char> = text.chars().collect();
                    let mut pos = 0;
                    let mut prev_clitic_host = false;
                    for (j, t) in chunk.iter().enumerate() {
                        let tc: Vec<char> = t.text.chars().collect();
                        let all_punct = tc.iter().all(|c| is_punct(*c));
                        for (q, c) in tc.iter().enumerate() {
                            if !is_punct(*c) {
                                continue;
                            }
                            let at = pos + q;
                            let l = if at == 0 { EDGE } else { class(Some(chars[at - 1])) };
                            let r = class(chars.get(at + 1).copied());
                            let entry = iso.entry((*c, l, r)).or_default();
                            let any = iso_any.entry(*c).or_default();
                            if all_punct {
                                entry.0 += 1;
                                any.0 += 1;
                            } else {
                                entry.1 += 1;
                                any.1 += 1;
                            }
                        }
                        // Clitics as separate tokens: attached to a word before, starting
                        // with a non-letter (an apostrophe) or listed as a multiword's tail.
                        if j > 0 && prev_clitic_host && t.words.len() == 1 {
                            let first = tc.first().copied().unwrap_or(' ');
                            if is_punct(first) && tc.len() >= 2 && tc[1..].iter().all(|c| c.is_alphabetic()) {
                                *clitic_counts.entry((t.text.to_lowercase(), false)).or_default() += 1;
                            }
                        }
                        if t.words.len() >= 2 {
                            let lower = t.text.to_lowercase();
                            let tail = t.words.last().map(|w| w.to_lowercase()).unwrap_or_default();
                            let head: String = t.words[..t.words.len() - 1].concat().to_lowercase();
                            if t.words.len() == 2
                                && format!("{head}{tail}") == lower
                                && tail.chars().any(|c| !c.is_alphabetic())
                            {
                                *clitic_counts.entry((tail, true)).or_default() += 1;
                            } else {
                                *multiword
                                    .entry(lower)
                                    .or_default()
                                    .entry(t.words.iter().map(|w| w.to_lowercase()).collect())
                                    .or_default() += 1;
                            }
                        }
                        prev_clitic_host = tc.last().is_some_and(|c| c.is_alphabetic());
                        pos += tc.len();
                    }
                    k = e + 1;
                }
            }
            let mut t = Tokenizer {
                isolate: majority(&iso, 3),
                isolate_any: majority(&iso_any, 3),
                ..Default::default()
            };
            let mut clitics: Vec<(String, bool)> = clitic_counts
                .into_iter()
                .filter(|(_, n)| *n >= 20)
                .map(|(k, _)| k)
                .collect();
            // One entry per suffix (the more frequent way wins on ties by order).
            clitics.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.cmp(b)));
            clitics.dedup_by(|a, b| a.0 == b.0);
            t.clitics = clitics;
            t.multiword = multiword
                .into_iter()
                .filter_map(|(s, m)| {
                    let total: u32 = m.values().sum();
                    let (parts, _) = m.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
                    (total >= 2).then_some((s, parts))
                })
                .collect();
            // Whole tokens: punctuation-bearing tokens seen twice or more that the
            // character rules would split.
            for (tok, n) in &token_counts {
                if *n < 2
                    || tok.chars().count() < 2
                    || !tok.chars().any(|c| c.is_alphanumeric())
                        && tok.chars().all(|c| c == tok.chars().next().unwrap_or(' '))
                {
                    continue;
                }
                let mut out = Vec::new();
                t.chunk(tok, 0, &mut out);
                if out.len() != 1 || out[0].end != tok.len() {
                    t.whole.insert(tok.clone());
                }
            }
            t.whole_max = t.whole.iter().map(|s| s.chars().count()).max().unwrap_or(0);
            t.finals = final_counts
                .into_iter()
                .filter(|(tok, (f, o))| f + o >= 10 && *f * 2 > f + o && tok.chars().all(is_punct))
                .map(|(k, _)| k)
                .collect();
            t
        }
    }
}
