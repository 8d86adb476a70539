//! The text stage: tokens, sentences and offsets, shared by every later stage.
//!
//! All spans inside tempograph are **byte** offsets into the document's UTF-8 text
//! ([`Span`]). Output formats that promise character offsets (the `tag` JSON Lines) or
//! `line:column` positions convert through [`LineIndex`].
//!
//! | input                 | tokens                                  |
//! |-----------------------|-----------------------------------------|
//! | `12/17/14`            | `12` `/` `17` `/` `14`                  |
//! | `Dec. 17, 2014`       | `Dec` `.` `17` `,` `2014`               |
//! | `9/11-style`          | `9` `/` `11` `-` `style`                |
//! | `hasn't`              | `hasn` `'` `t`                          |
//! | `3:07 p.m.`           | `3` `:` `07` `p` `.` `m` `.`            |
//!
//! # Grammar
//!
//! A token is a maximal run of ASCII/Unicode letters (`Word`), a maximal run of ASCII
//! digits (`Number`), or a single other non-space character (`Punct`). Sentences end after
//! `.`, `!` or `?` (optionally followed by closing quotes/brackets) when the next token
//! starts with an upper-case letter, a digit or a quote, unless the period ends a known
//! abbreviation (`Dec.`, `Mr.`, `U.S.`, single capitals) and no line break or sentence opener
//! (`The`, `He`, `But`, ...: `in the U.S. The studio`) follows it — and always at a blank line.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Whitespace (or start of text) precedes the token.
    pub space_before: bool,
    /// A newline lies between the previous token and this one.
    pub newline_before: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }
}

/// A word that starts with a capital letter.
pub fn capitalised(t: &Token, text: &str) -> bool {
    t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_uppercase)
}

/// Text with every run of white space (line breaks included) as one space, for labels and
/// evidence quotes.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A sentence: its byte span and the index range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
}

/// A tokenized, sentence-split text.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Analysis {
    /// Tokenize `text` and split it into sentences with a language's `words`. (`Analysis::new`,
    /// the English default, is in `crate::lang::en::sentences`: this module knows no word.)
    pub fn new_in(text: &str, words: &dyn SentenceWords) -> Analysis {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens, words);
        Analysis { tokens, sentences }
    }

    /// Analyse `text` anew, reusing this analysis's memory (for a caller that analyses many
    /// texts or windows one after the other).
    pub fn reset_in(&mut self, text: &str, words: &dyn SentenceWords) {
        tokenize_into(text, &mut self.tokens);
        split_sentences_into(text, &self.tokens, words, &mut self.sentences);
    }

    /// Index of the sentence that contains byte offset `pos` (the last one before it when
    /// `pos` falls between sentences).
    pub fn sentence_at(&self, pos: usize) -> usize {
        match self.sentences.binary_search_by(|s| {
            if s.span.end <= pos {
                std::cmp::Ordering::Less
            } else if s.span.start > pos {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Index of the first token that starts at or after byte offset `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\u{00AD}'
}

/// Byte classes of the tokenizer: ASCII space, newline, digit, letter, other ASCII, and the
/// first or later bytes of a multi-byte character.
const SPACE: u8 = 0;
const NEWLINE: u8 = 1;
const DIGIT: u8 = 2;
const LETTER: u8 = 3;
const OTHER: u8 = 4;
const HIGH: u8 = 5;

static CLASS: [u8; 256] = {
    let mut t = [HIGH; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c == b'\n' {
            NEWLINE
        } else if c.is_ascii_whitespace() {
            SPACE
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// The character at byte `i` of `text` (a char boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// End of the word that continues at byte `i` (letters and non-ASCII word characters).
#[inline(always)]
fn word_end(text: &str, bytes: &[u8], mut i: usize) -> usize {
    loop {
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] >= 0x80 {
            let (c, n) = char_at(text, i);
            if is_word_char(c) {
                i += n;
                continue;
            }
        }
        return i;
    }
}

/// Split `text` into tokens. Runs in one pass, linear in the input.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens` (cleared first), so that a caller can reuse the buffer.
///
/// ASCII text is tokenized 64 bytes at a time: [`block_masks`] classifies the bytes into
/// bit masks (letters, digits, white space, line feeds, non-ASCII), token starts are the
/// first bits of letter and digit runs plus every other byte, and a run's end is a count of
/// trailing ones, so there is no branch per byte. A token whose run reaches the end of the
/// block or a non-ASCII byte (which may continue a word: `café`) is left to [`scalar_token`],
/// the byte-at-a-time tokenizer, which also takes every non-ASCII character.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    tokens.reserve(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut state = Gap {
        space: true,
        newline: false,
    };
    while i < bytes.len() {
        let m = block_masks(bytes, i);
        // Bits from the first non-ASCII byte on are not classified here.
        let limit = m.high.trailing_zeros();
        let valid = mask_below(limit);
        let (w, d) = (m.letter & valid, m.digit & valid);
        let other = !(m.letter | m.digit | m.space | m.high) & valid;
        // `i` is a token boundary, so a run at bit 0 starts there (the shifts bring in 0).
        let mut starts = (w & !(w << 1)) | (d & !(d << 1)) | other;
        // End of the previous token in the block (0: none yet, `state` holds the gap before).
        let mut e = 0u32;
        let mut stop = limit.min(64);
        while starts != 0 {
            let s = starts.trailing_zeros();
            let bit = 1u64 << s;
            let (kind, end) = if w & bit != 0 {
                (TokenKind::Word, s + (!(w >> s)).trailing_zeros())
            } else if d & bit != 0 {
                (TokenKind::Number, s + (!(d >> s)).trailing_zeros())
            } else {
                (TokenKind::Punct, s + 1)
            };
            if kind != TokenKind::Punct && end >= limit.min(64) {
                // The run may go on past what this block knows.
                stop = s;
                break;
            }
            let gap = state.after(e, s, m.newline);
            tokens.push(Token {
                span: Span {
                    start: i + s as usize,
                    end: i + end as usize,
                },
                kind,
                space_before: gap.space,
                newline_before: gap.newline,
            });
            e = end;
            state = Gap {
                space: false,
                newline: false,
            };
            starts &= !mask_below(end);
        }
        // Bytes `e..stop` are white space.
        state = state.after(e, stop, m.newline);
        i += stop as usize;
        if stop == 0 {
            // Nothing this block could settle: a non-ASCII byte, or a run as long as the
            // block. Go byte by byte through it and any non-ASCII text that follows.
            loop {
                i = scalar_token(text, bytes, i, &mut state, tokens);
                if i >= bytes.len() || bytes[i] < 0x80 {
                    break;
                }
            }
        }
    }
}

/// The white space between two tokens: whether there is any, and whether it holds a line
/// break.
#[derive(Clone, Copy)]
struct Gap {
    space: bool,
    newline: bool,
}

impl Gap {
    /// The gap that reaches bit `s` of a block when the white space before it is bits
    /// `e..s` (`self` holds what came before bit `e`, when `e` is the block's start).
    #[inline(always)]
    fn after(self, e: u32, s: u32, newlines: u64) -> Gap {
        let range = mask_below(s) & !mask_below(e);
        Gap {
            space: self.space || s > e,
            newline: self.newline || newlines & range != 0,
        }
    }
}

/// Bits `0..n` set (`n` up to 64).
#[inline(always)]
fn mask_below(n: u32) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

/// One step of the byte-at-a-time tokenizer at byte `i` (a token boundary): one token
/// pushed, or one white-space character passed over, `gap` updated; returns the next byte.
fn scalar_token(text: &str, bytes: &[u8], mut i: usize, gap: &mut Gap, tokens: &mut Vec<Token>) -> usize {
    let start = i;
    let kind = match CLASS[usize::from(bytes[i])] {
        SPACE => {
            gap.space = true;
            return i + 1;
        }
        NEWLINE => {
            gap.space = true;
            gap.newline = true;
            return i + 1;
        }
        DIGIT => {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            TokenKind::Number
        }
        LETTER => {
            i = word_end(text, bytes, i + 1);
            TokenKind::Word
        }
        OTHER => {
            i += 1;
            TokenKind::Punct
        }
        _ => {
            let (ch, n) = char_at(text, i);
            if ch.is_whitespace() {
                gap.space = true;
                if ch == '\u{2028}' || ch == '\u{2029}' || ch == '\u{85}' {
                    gap.newline = true;
                }
                return i + n;
            }
            if is_word_char(ch) {
                i = word_end(text, bytes, i + n);
                TokenKind::Word
            } else {
                i += n;
                TokenKind::Punct
            }
        }
    };
    tokens.push(Token {
        span: Span { start, end: i },
        kind,
        space_before: gap.space,
        newline_before: gap.newline,
    });
    *gap = Gap {
        space: false,
        newline: false,
    };
    i
}

/// Bit `k` of each mask describes byte `i + k` of the text (bytes past its end read as
/// spaces).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Masks {
    /// ASCII letters.
    letter: u64,
    /// ASCII digits.
    digit: u64,
    /// ASCII white space (`u8::is_ascii_whitespace`), line feeds included.
    space: u64,
    /// Line feeds.
    newline: u64,
    /// Bytes of non-ASCII characters.
    high: u64,
}

/// The [`Masks`] of the 64 bytes of `bytes` from `i` on.
#[inline(always)]
fn block_masks(bytes: &[u8], i: usize) -> Masks {
    if let Some(Ok(block)) = bytes.get(i..i + 64).map(<&[u8; 64]>::try_from) {
        return masks_of(block);
    }
    let mut pad = [b' '; 64];
    let rest = &bytes[i..];
    pad[..rest.len()].copy_from_slice(rest);
    masks_of(&pad)
}

/// [`Masks`] of a block, 16 bytes per SSE2 compare (SSE2 is part of every x86_64 CPU).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn masks_of(block: &[u8; 64]) -> Masks {
    use std::arch::x86_64::*;
    let mut m = Masks::default();
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        // SAFETY: SSE2 is always available on x86_64; `chunk` is 16 readable bytes and the
        // load has no alignment requirement.
        let (l, d, s, n, h) = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast());
            // `x - lo < len` unsigned, as a signed compare after moving `lo` to -128.
            let in_range = |x: __m128i, lo: u8, len: u8| {
                let shifted = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
                _mm_cmplt_epi8(shifted, _mm_set1_epi8((0x80u8.wrapping_add(len)) as i8))
            };
            let letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
            let digit = in_range(v, b'0', 10);
            let newline = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8));
            // `\t` `\n` `\x0C` `\r` (9..=13 without 11) and ' '.
            let space = _mm_or_si128(
                _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(11)), in_range(v, 9, 5)),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)),
            );
            (
                _mm_movemask_epi8(letter),
                _mm_movemask_epi8(digit),
                _mm_movemask_epi8(space),
                _mm_movemask_epi8(newline),
                _mm_movemask_epi8(v),
            )
        };
        let at = 16 * k;
        let bits = |x: i32| u64::from(x as u32 & 0xffff) << at;
        m.letter |= bits(l);
        m.digit |= bits(d);
        m.space |= bits(s);
        m.newline |= bits(n);
        m.high |= bits(h);
    }
    m
}

/// [`Masks`] of a block, a byte at a time (other targets, and the tests' reference).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn masks_portable(block: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (k, &b) in block.iter().enumerate() {
        let bit = 1u64 << k;
        match CLASS[usize::from(b)] {
            LETTER => m.letter |= bit,
            DIGIT => m.digit |= bit,
            SPACE => m.space |= bit,
            NEWLINE => m.space |= bit,
            HIGH => m.high |= bit,
            _ => {}
        }
        if b == b'\n' {
            m.newline |= bit;
        }
    }
    m
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn masks_of(block: &[u8; 64]) -> Masks {
    masks_portable(block)
}

/// What the sentence splitter needs to know of a language: the words after which a period
/// does not end a sentence, the capitalised words that open a sentence even after one, and
/// the small words a headline leaves in lower case. A language package implements it (English:
/// `crate::lang::en::sentences`, which also gives [`Analysis::new`], the English default);
/// the splitter itself knows no word.
pub trait SentenceWords: Sync {
    /// `word`, as the text writes it, is an abbreviation after which a period does not end a
    /// sentence (`Mr`, `Inc`). A word of one character, an initial, always is one: the
    /// splitter does not ask.
    fn is_abbreviation(&self, word: &str) -> bool;

    /// `word`, as written, opens sentences and never continues a name or an abbreviation
    /// (`U.S. The`, `Inc. He`; not `U.S. Trust`, `Mr. Smith`).
    fn is_sentence_opener(&self, word: &str) -> bool;

    /// `word`, as written, is a small word a headline leaves in lower case (`of`, `the`).
    fn is_headline_lower(&self, word: &str) -> bool;

    /// The period at token `i` closes a clock time's meridiem (`4:15 p.m.`): a capitalised
    /// word after it that does not continue the time ([`SentenceWords::continues_clock_time`])
    /// opens a new sentence. None by default.
    fn ends_meridiem(&self, _text: &str, _tokens: &[Token], _i: usize) -> bool {
        false
    }

    /// Token `j`, as written, continues a clock time after its meridiem: a time zone, a
    /// weekday, a month, a place's local time (`p.m. EST`, `p.m. Tuesday`, `a.m. March 3`,
    /// `p.m. Moscow time`, `a.m. New York time`).
    fn continues_clock_time(&self, _text: &str, _tokens: &[Token], _j: usize) -> bool {
        false
    }
}

/// A word of one character (an initial: `J. Smith`, `U.S.`): a period after it does not end
/// a sentence, in any language written with an alphabet.
fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some() && cs.next().is_none()
}

/// A set of short words (at most 7 bytes each) compared without ASCII case, each packed into
/// an integer: a lookup is a few integer compares, without a string compare or an allocation
/// (the sentence splitter asks about every word before a period).
#[derive(Clone, Debug)]
pub struct ShortWords {
    keys: Vec<u64>,
}

impl ShortWords {
    /// The set of `words`, or the first word longer than 7 bytes.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Result<ShortWords, &'a str> {
        let keys = words
            .into_iter()
            .map(|w| {
                if w.len() <= 7 {
                    Ok(pack_lower(w.as_bytes()))
                } else {
                    Err(w)
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(ShortWords { keys })
    }

    /// `w` is one of the words, ASCII case aside.
    pub fn contains(&self, w: &str) -> bool {
        w.len() <= 7 && self.keys.contains(&pack_lower(w.as_bytes()))
    }
}

/// `w` (at most 7 bytes) ASCII-lower-cased and packed into an integer, with its length in
/// the top byte.
fn pack_lower(w: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    k[..w.len()].copy_from_slice(w);
    k.make_ascii_lowercase();
    k[7] = w.len() as u8;
    u64::from_le_bytes(k)
}

/// The one-byte punctuation token `tok` is `.`, `!` or `?`.
#[inline]
fn is_stop(text: &[u8], tok: &Token) -> bool {
    tok.kind == TokenKind::Punct && tok.span.len() == 1 && matches!(text[tok.span.start], b'.' | b'!' | b'?')
}

/// A closing quote or bracket: `"` `'` `)` `]` `”` `’` `»`.
#[inline]
fn is_close(s: &str) -> bool {
    matches!(s, "\"" | "'" | ")" | "]" | "”" | "’" | "»")
}

/// Split a token stream into sentences, with a language's `words`.
pub fn split_sentences(text: &str, tokens: &[Token], words: &dyn SentenceWords) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    split_sentences_into(text, tokens, words, &mut sentences);
    sentences
}

/// [`split_sentences`] into `sentences` (cleared first).
pub fn split_sentences_into(text: &str, tokens: &[Token], words: &dyn SentenceWords, sentences: &mut Vec<Sentence>) {
    sentences.clear();
    let bytes = text.as_bytes();
    let mut start_tok = 0;
    let mut i = 0;
    let mut line_start = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.newline_before {
            if i > start_tok {
                // A blank line always ends a sentence; so does the end of a headline-like line
                // (a title, a byline, a dateline) that has no closing punctuation.
                let gap = &bytes[tokens[i - 1].span.end..t.span.start];
                if gap.iter().filter(|&&b| b == b'\n').count() >= 2
                    || is_headline(text, &tokens[line_start.max(start_tok)..i], words)
                {
                    push_sentence(sentences, tokens, start_tok, i);
                    start_tok = i;
                }
            }
            line_start = i;
        }
        if is_stop(bytes, &t) {
            let mut end = i + 1;
            // Runs like "?!" or "..." stay together.
            while end < tokens.len() && is_stop(bytes, &tokens[end]) && !tokens[end].space_before {
                end += 1;
            }
            while end < tokens.len() && !tokens[end].space_before && is_close(tokens[end].text(text)) {
                end += 1;
            }
            let abbrev =
                bytes[t.span.start] == b'.' && i > 0 && tokens[i - 1].kind == TokenKind::Word && !t.space_before && {
                    let w = tokens[i - 1].text(text);
                    is_initial(w) || words.is_abbreviation(w)
                };
            // After an abbreviation, only a line break or a clearly new sentence (a word that
            // starts sentences and is never part of a name, after a blank: "in the U.S. The
            // company ...") ends the sentence; "U.S. officials", "Mr. Smith" do not.
            // After a clock time's meridiem, a capitalised word that does not continue the time
            // opens a sentence too ("at 4:15 p.m. Police said"; not "p.m. EST", "p.m. Tuesday").
            let ends = if abbrev {
                tokens.get(end).is_none_or(|n| {
                    let nt = n.text(text);
                    n.newline_before
                        || n.space_before
                            && (words.is_sentence_opener(nt)
                                || nt.starts_with(char::is_uppercase)
                                    && words.ends_meridiem(text, tokens, i)
                                    && !words.continues_clock_time(text, tokens, end))
                })
            } else {
                match tokens.get(end) {
                    None => true,
                    Some(n) => {
                        n.space_before && {
                            let nt = n.text(text);
                            let c = nt.chars().next().unwrap_or(' ');
                            c.is_uppercase()
                                || c.is_ascii_digit()
                                || is_close(nt)
                                || matches!(nt, "“" | "‘" | "(" | "-" | "—")
                        }
                    }
                }
            };
            if ends {
                push_sentence(sentences, tokens, start_tok, end);
                start_tok = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if start_tok < tokens.len() {
        push_sentence(sentences, tokens, start_tok, tokens.len());
    }
}

/// A line reads as a headline, byline or dateline: it does not end in sentence punctuation
/// and every word is capitalized (small function words aside), or it has no words at all.
fn is_headline(text: &str, line: &[Token], words: &dyn SentenceWords) -> bool {
    let Some(last) = line.last() else { return false };
    if matches!(last.text(text), "." | "," | ";" | ":" | "-" | "—" | "–") {
        return false;
    }
    line.iter().filter(|t| t.kind == TokenKind::Word).all(|t| {
        let w = t.text(text);
        w.chars().next().is_some_and(|c| c.is_uppercase()) || words.is_headline_lower(w)
    })
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: &[Token], a: usize, b: usize) {
    if a < b {
        out.push(Sentence {
            span: Span::new(tokens[a].span.start, tokens[b - 1].span.end),
            tokens: a..b,
        });
    }
}

/// A conservative set of words: [`WordFilter::may_hold`] is `true` for every word it was
/// built from, and for few others (one bit per length, first and last byte). Callers test
/// it before searching a list of words: most words of a text are turned away by one bit test
/// instead of a string compare per list entry, and the list still gives the exact answer.
#[derive(Clone, Debug)]
pub struct WordFilter {
    bits: Vec<u64>,
}

impl WordFilter {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let mut bits = vec![0u64; (32 << 10) / 64];
        for w in words {
            let b = Self::bit(w.as_bytes());
            bits[b / 64] |= 1 << (b % 64);
        }
        WordFilter { bits }
    }

    /// `w` may be one of the words: `false` only when it is none of them.
    #[inline]
    pub fn may_hold(&self, w: &str) -> bool {
        let b = Self::bit(w.as_bytes());
        self.bits[b / 64] & (1 << (b % 64)) != 0
    }

    /// The word's bit: its length (capped at 31), its first and last bytes (5 bits each).
    #[inline]
    fn bit(w: &[u8]) -> usize {
        match (w.first(), w.last()) {
            (Some(&a), Some(&z)) => (w.len().min(31) << 10) | (usize::from(a & 31) << 5) | usize::from(z & 31),
            _ => 0,
        }
    }
}

/// Converts byte offsets to character offsets and 1-based `line:column` positions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    line_starts: Vec<usize>,
    /// Sparse map from byte offset to char offset: one entry per non-ASCII char, so
    /// conversion is exact and ASCII text costs nothing.
    non_ascii: Vec<(usize, usize)>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        let mut non_ascii = Vec::new();
        let mut chars = 0usize;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                line_starts.push(i + 1);
            }
            if !c.is_ascii() {
                // Extra bytes beyond the first, accumulated after this char.
                non_ascii.push((i + c.len_utf8(), c.len_utf8() - 1));
            }
            chars += 1;
        }
        let _ = chars;
        // Turn per-char extra bytes into cumulative extra bytes.
        let mut acc = 0;
        for e in &mut non_ascii {
            acc += e.1;
            e.1 = acc;
        }
        LineIndex { line_starts, non_ascii }
    }

    /// Character offset of byte offset `byte` (which must be on a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let k = self.non_ascii.partition_point(|&(b, _)| b <= byte);
        let extra = if k == 0 { 0 } else { self.non_ascii[k - 1].1 };
        byte - extra
    }

    /// 1-based line and column (in characters) of byte offset `byte`.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= byte);
        let start = self.line_starts[line - 1];
        let col = self.char_offset(byte) - self.char_offset(start) + 1;
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first sentence splitter, kept as the reference the fast one must agree with.
    fn is_abbreviation_reference(word: &str) -> bool {
        if word.chars().count() == 1 {
            return true;
        }
        let lower = word.to_ascii_lowercase();
        crate::lang::en::sentences::ABBREVIATIONS.contains(&lower.as_str())
    }

    fn is_headline(text: &str, line: &[Token]) -> bool {
        super::is_headline(text, line, &crate::lang::en::English)
    }

    fn is_sentence_opener(w: &str) -> bool {
        crate::lang::en::English.is_sentence_opener(w)
    }

    fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
        super::split_sentences(text, tokens, &crate::lang::en::English)
    }

    /// Split a token stream into sentences.
    fn split_sentences_reference(text: &str, tokens: &[Token]) -> Vec<Sentence> {
        let mut sentences = Vec::new();
        let mut start_tok = 0;
        let mut i = 0;
        let close = |s: &str| matches!(s, "\"" | "'" | ")" | "]" | "”" | "’" | "»");
        let mut line_start = 0;
        while i < tokens.len() {
            if i > start_tok && tokens[i].newline_before {
                // A blank line always ends a sentence; so does the end of a headline-like line
                // (a title, a byline, a dateline) that has no closing punctuation.
                let gap = &text[tokens[i - 1].span.end..tokens[i].span.start];
                if gap.matches('\n').count() >= 2 || is_headline(text, &tokens[line_start.max(start_tok)..i]) {
                    push_sentence(&mut sentences, tokens, start_tok, i);
                    start_tok = i;
                }
            }
            if tokens[i].newline_before {
                line_start = i;
            }
            let t = tokens[i];
            let s = t.text(text);
            if t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?") {
                let mut end = i + 1;
                // Runs like "?!" or "..." stay together.
                while end < tokens.len()
                    && tokens[end].kind == TokenKind::Punct
                    && matches!(tokens[end].text(text), "." | "!" | "?")
                    && !tokens[end].space_before
                {
                    end += 1;
                }
                while end < tokens.len() && close(tokens[end].text(text)) && !tokens[end].space_before {
                    end += 1;
                }
                let abbrev = s == "."
                    && i > 0
                    && tokens[i - 1].kind == TokenKind::Word
                    && !t.space_before
                    && is_abbreviation_reference(tokens[i - 1].text(text));
                let next_starts = match tokens.get(end) {
                    None => true,
                    Some(n) => {
                        let nt = n.text(text);
                        let c = nt.chars().next().unwrap_or(' ');
                        n.space_before
                            && (c.is_uppercase()
                                || c.is_ascii_digit()
                                || close(nt)
                                || matches!(nt, "“" | "‘" | "(" | "-" | "—"))
                    }
                };
                // After an abbreviation, only a line break or a clearly new sentence (a
                // capitalised word after a blank) ends the sentence; "U.S. officials" does not.
                let en = crate::lang::en::English;
                let ends = if abbrev {
                    tokens.get(end).is_none_or(|n| {
                        let nt = n.text(text);
                        n.newline_before
                            || n.space_before
                                && (is_sentence_opener(nt)
                                    || nt.starts_with(char::is_uppercase)
                                        && en.ends_meridiem(text, tokens, i)
                                        && !en.continues_clock_time(text, tokens, end))
                    })
                } else {
                    next_starts
                };
                if ends {
                    push_sentence(&mut sentences, tokens, start_tok, end);
                    start_tok = end;
                    i = end;
                    continue;
                }
                i = end;
                continue;
            }
            i += 1;
        }
        if start_tok < tokens.len() {
            push_sentence(&mut sentences, tokens, start_tok, tokens.len());
        }
        sentences
    }

    /// The first tokenizer, kept as the reference the fast one must agree with.
    fn tokenize_reference(text: &str) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut space_before = true;
        let mut newline_before = false;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                if b.is_ascii_whitespace() {
                    if b == b'\n' {
                        newline_before = true;
                    }
                    space_before = true;
                    i += 1;
                    continue;
                }
                let start = i;
                let kind = if b.is_ascii_digit() {
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                    TokenKind::Number
                } else if b.is_ascii_alphabetic() {
                    while i < bytes.len() {
                        let c = bytes[i];
                        if c.is_ascii_alphabetic() {
                            i += 1;
                        } else if c >= 0x80 {
                            let ch = text[i..].chars().next().unwrap_or(' ');
                            if is_word_char(ch) {
                                i += ch.len_utf8();
                            } else {
                                break;
                            }
                        } else {
                            break;
                        }
                    }
                    TokenKind::Word
                } else {
                    i += 1;
                    TokenKind::Punct
                };
                tokens.push(Token {
                    span: Span::new(start, i),
                    kind,
                    space_before,
                    newline_before,
                });
            } else {
                let ch = text[i..].chars().next().unwrap_or(' ');
                let start = i;
                if ch.is_whitespace() {
                    i += ch.len_utf8();
                    space_before = true;
                    if ch == '\u{2028}' || ch == '\u{2029}' || ch == '\u{85}' {
                        newline_before = true;
                    }
                    continue;
                }
                let kind = if is_word_char(ch) {
                    i += ch.len_utf8();
                    while i < bytes.len() {
                        let c = text[i..].chars().next().unwrap_or(' ');
                        if is_word_char(c) {
                            i += c.len_utf8();
                        } else {
                            break;
                        }
                    }
                    TokenKind::Word
                } else {
                    i += ch.len_utf8();
                    TokenKind::Punct
                };
                tokens.push(Token {
                    span: Span::new(start, i),
                    kind,
                    space_before,
                    newline_before,
                });
            }
            space_before = false;
            newline_before = false;
        }
        tokens
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(words("12/17/14"), ["12", "/", "17", "/", "14"]);
        assert_eq!(words("Dec. 17, 2014"), ["Dec", ".", "17", ",", "2014"]);
        assert_eq!(words("9/11-style"), ["9", "/", "11", "-", "style"]);
        assert_eq!(words("“The Interview,”"), ["“", "The", "Interview", ",", "”"]);
    }

    #[test]
    fn sentences() {
        let text = "On Thursday, U.S. officials met. They said Dec. 17 was late. \"Yes.\" Then\n\nnew para";
        let a = Analysis::new(text);
        let s: Vec<&str> = a.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            s,
            [
                "On Thursday, U.S. officials met.",
                "They said Dec. 17 was late.",
                "\"Yes.\"",
                "Then",
                "new para"
            ]
        );
    }

    #[test]
    fn sentence_after_abbreviation() {
        let text = "Sony sued in the U.S. The studio said Mr. Lynton met U.S. Trust officials at 3 p.m. He left.";
        let a = Analysis::new(text);
        let s: Vec<&str> = a.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            s,
            [
                "Sony sued in the U.S.",
                "The studio said Mr. Lynton met U.S. Trust officials at 3 p.m.",
                "He left."
            ]
        );
    }

    /// A capitalised word after a clock time's meridiem opens a sentence unless it continues
    /// the time (a zone, a weekday, a month). See: #20.
    #[test]
    fn sentence_after_meridiem() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The crash was reported at 4:15 p.m. Police said the road was closed.",
                &[
                    "The crash was reported at 4:15 p.m.",
                    "Police said the road was closed.",
                ],
            ),
            (
                "The fire began at 4:15 p.m. Tuesday near the dam.",
                &["The fire began at 4:15 p.m. Tuesday near the dam."],
            ),
            (
                "The fire began at 4:15 p.m. EST near the dam.",
                &["The fire began at 4:15 p.m. EST near the dam."],
            ),
            (
                "Trading resumed at 10 a.m. ET after the halt.",
                &["Trading resumed at 10 a.m. ET after the halt."],
            ),
            (
                "The vote ends at 6 p.m. March 3 in every county.",
                &["The vote ends at 6 p.m. March 3 in every county."],
            ),
            (
                "Doors open at 9 a.m. Eastern on Friday.",
                &["Doors open at 9 a.m. Eastern on Friday."],
            ),
            (
                "The talks began at 3 p.m. Moscow time and ran late.",
                &["The talks began at 3 p.m. Moscow time and ran late."],
            ),
            (
                "The market opened at 9:30 a.m. New York time on Monday.",
                &["The market opened at 9:30 a.m. New York time on Monday."],
            ),
            (
                "The blast came at 8 a.m. Moscow officials said later.",
                &["The blast came at 8 a.m.", "Moscow officials said later."],
            ),
        ];
        for (text, want) in cases {
            let a = Analysis::new(text);
            let got: Vec<&str> = a.sentences.iter().map(|s| s.span.slice(text)).collect();
            assert_eq!(&got, want, "{text}");
            assert_eq!(
                got,
                split_sentences_reference(text, &a.tokens)
                    .iter()
                    .map(|s| s.span.slice(text))
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn headlines_are_sentences() {
        let text = "Obama Wants America To 'Go To The Movies'\n\nPresident Weighs In On Threats From Sony Corp. Hackers\n2:11 | 12/17/14\n\nLet me ask you while\nthe line wraps here.";
        let a = Analysis::new(text);
        let s: Vec<&str> = a.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            s,
            [
                "Obama Wants America To 'Go To The Movies'",
                "President Weighs In On Threats From Sony Corp. Hackers",
                "2:11 | 12/17/14",
                "Let me ask you while\nthe line wraps here."
            ]
        );
    }

    #[test]
    fn word_filter_holds_its_words() {
        let words = ["will", "said", "scheduled", "approximately", "a", "x"];
        let f = WordFilter::new(words);
        for w in words {
            assert!(f.may_hold(w), "{w:?}");
        }
        for w in ["", "the", "sad", "walk", "scheduler", "ab"] {
            assert!(!f.may_hold(w), "{w:?}");
        }
        // Conservative: a word of the same length and end bytes as one of them passes.
        assert!(f.may_hold("wall"));
    }

    #[test]
    fn offsets() {
        let text = "a “b”\ncé d";
        let li = LineIndex::new(text);
        let d = text.find('d').unwrap();
        assert_eq!(li.char_offset(d), 9);
        assert_eq!(li.line_col(d), (2, 4));
        assert_eq!(li.line_col(0), (1, 1));
    }

    /// Text made of pieces that exercise every branch of the tokenizer and splitter.
    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Dec",
            ".",
            " ",
            "\n",
            "\n\n",
            "U",
            "S",
            "17",
            ",",
            "2014",
            "said",
            "The",
            "“",
            "”",
            "’",
            "'",
            "\"",
            "?",
            "!",
            "é",
            "Über",
            "\u{00AD}",
            "\u{2028}",
            "\u{85}",
            "\u{a0}",
            "—",
            "-",
            "(",
            ")",
            "Mr",
            "a",
            "m",
            "p",
            "x9",
            "\t",
            "Obama Wants",
            "of",
            "the",
            "»",
            "]",
            "‘",
            "日本",
            "€",
            "3:07",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn fast_text_stage_agrees_with_reference(text in pieces()) {
            let fast = tokenize(&text);
            proptest::prop_assert_eq!(&fast, &tokenize_reference(&text));
            proptest::prop_assert_eq!(split_sentences(&text, &fast), split_sentences_reference(&text, &fast));
        }

        /// Long texts: runs that cross the 64-byte blocks, non-ASCII bytes anywhere in them.
        #[test]
        fn block_tokenizer_agrees_on_long_texts(
            parts in prop::collection::vec(
                prop_oneof![pieces(), "[a-z]{0,150}", "[0-9]{0,90}", "[ \n\t.]{0,70}", "\\PC{0,20}"],
                0..12,
            )
        ) {
            let text = parts.concat();
            let fast = tokenize(&text);
            proptest::prop_assert_eq!(&fast, &tokenize_reference(&text));
            proptest::prop_assert_eq!(split_sentences(&text, &fast), split_sentences_reference(&text, &fast));
        }

        /// The SSE2 masks are the byte-at-a-time ones.
        #[test]
        fn block_masks_agree(block in prop::collection::vec(any::<u8>(), 64)) {
            let block: [u8; 64] = block.try_into().unwrap_or([0; 64]);
            proptest::prop_assert_eq!(masks_of(&block), masks_portable(&block));
        }

        #[test]
        fn fast_tokenizer_agrees_on_any_text(text in "\\PC{0,80}") {
            let fast = tokenize(&text);
            proptest::prop_assert_eq!(&fast, &tokenize_reference(&text));
            proptest::prop_assert_eq!(split_sentences(&text, &fast), split_sentences_reference(&text, &fast));
        }
    }
}
