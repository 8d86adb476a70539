//! Event labels: a headline for each event, read from the dependency parse of its sentence.
//!
//! | sentence                                                        | event      | label                                         |
//! |-----------------------------------------------------------------|------------|-----------------------------------------------|
//! | GM failed to pass the Senate bill on Tuesday.                   | `pass`     | GM failed to pass the Senate bill             |
//! | The company, which is based in Tokyo, reported a $2.4 billion loss. | `reported` | The company reported a $2.4 billion loss  |
//! | Airbus said its A350 landed at 09:30 UTC.                       | `landed`   | Its A350 landed                               |
//! | The captain, who commanded the ship for years, died last June.  | `died`     | The captain died                              |
//! | The crew that first crossed the Arctic in 1926 has died.        | `crossed`  | The crew first crossed the Arctic             |
//! | Officials held a New York press conference.                     | `held`     | Officials held a New York press conference    |
//! | The council approved the March 3 agreement.                     | `approved` | The council approved the March 3 agreement    |
//! | Apple unveils new Intel-based Mac (headline)                    | `unveils`  | Apple unveils new Intel-based Mac             |
//!
//! A label is subject + verb group + key object, each a whole phrase of the parse: a phrase
//! is a head word with the dependents that name it (determiners, adjectives, compounds,
//! numbers, possessors, flat names, `of` phrases), so a label never ends inside an amount
//! ("$2.4 billion"), a name ("New York"), a clock time ("09:30 UTC") or a model name
//! ("A350"): it is cut between phrases, never inside a token or a phrase. Relative clauses,
//! appositions, parentheses and time expressions are left out.
//!
//! # Grammar
//!
//! ```text
//! label     := subject? group object? | noun-phrase          (words in text order)
//! subject   := phrase(nsubj | nsubj:pass | csubj of the top predicate)
//!            | antecedent of a relative clause (acl:relcl)
//!            | subject of the first conjunct (a coordinated verb with no subject of its own)
//! group     := aux* neg? top (mark? xcomp)*                  ("failed to pass", "has not released")
//! top       := the event's verb, or the verb whose xcomp it is ("failed" for "pass")
//! object    := phrase(obj | iobj of the event) | phrase(obl) with no time expression
//! phrase(h) := h + det amod compound flat nummod nmod:poss fixed case + nmod "of" (short)
//! ```
//!
//! Where the sentence has no parse (the model could not be loaded) or the event's word is
//! not found in it, [`window_label`] takes a few words on each side of the trigger.

use crate::events::{Event, EventClass, Pos, Tense};
use crate::lang::EventWords;
use crate::syntax::DocParse;
use crate::text::{capitalised, squash, Analysis, Span, TokenKind};
use crate::timex::Timex;

/// One analysed document, as far as labels need it.
pub struct Doc<'a> {
    pub text: &'a str,
    pub analysis: &'a Analysis,
    pub parse: &'a DocParse,
    pub timexes: &'a [Timex],
    pub events: &'a [Event],
    /// The words of the document's language.
    pub words: &'a EventWords,
}

impl Doc<'_> {
    /// Is the token inside a time expression?
    pub(crate) fn in_timex(&self, t: &crate::text::Token) -> bool {
        self.timexes.iter().any(|x| x.span.contains(&t.span))
    }

    /// Is byte range `start..end` inside a time expression?
    fn span_in_timex(&self, start: usize, end: usize) -> bool {
        self.timexes.iter().any(|x| x.span.start <= start && end <= x.span.end)
    }
}

/// Most words a label takes from the parse before the object is shortened.
pub const MAX_WORDS: usize = 14;

/// Most words of a phrase taken whole ([`parse_label`]'s `whole`).
pub const SHORT_PHRASE: usize = 7;

/// Dependents that are part of the phrase their head names.
const PHRASE_RELATIONS: &[&str] = &[
    "det",
    "amod",
    "compound",
    "compound:prt",
    "flat",
    "nummod",
    "nmod:poss",
    "fixed",
    "case",
    "goeswith",
    "nmod:npmod",
];

/// The event's label: from the parse when the sentence has one, else [`window_label`].
pub fn label(d: &Doc, e: &Event) -> String {
    if let Some(h) = headline_label(d, e) {
        return h;
    }
    let l = end_on_content(d, e, parse_label(d, e).unwrap_or_else(|| window_label(d, e)));
    // No subject-less label for a finite verb whose clause names its actor ("Apple today
    // unveiled ..." misparsed: not "Unveiled ...").
    let starts_with_trigger = l
        .split_whitespace()
        .next()
        .is_some_and(|f| f.eq_ignore_ascii_case(&e.text));
    if e.pos == Pos::Verb && starts_with_trigger && matches!(e.tense, Tense::Past | Tense::Present) {
        if let Some(name) = nearest_name(d, e) {
            let mut c = l.chars();
            let rest = match c.next() {
                Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
                None => String::new(),
            };
            return format!("{name} {rest}");
        }
    }
    l
}

/// See: #20 item 3. A label never ends on a function word, whichever way it was read (the
/// window label reads no parse): a preposition, a relative pronoun, an article or a
/// coordinator at the end is dropped (a demonstrative may be a pronoun: "You consider
/// this") ("agreed to a deal in *which*" → "agreed to a deal"),
/// down to two words; the trigger stays.
fn end_on_content(d: &Doc, e: &Event, label: String) -> String {
    let mut words: Vec<&str> = label.split(' ').collect();
    while words.len() > 2 {
        let last = words[words.len() - 1];
        let l = last.to_lowercase();
        let function = d.words.prepositions.contains(&l.as_str())
            || d.words.relative_pronouns.contains(&l.as_str())
            || (d.words.is_article_or_coordinator)(&l);
        if !function || last == e.text {
            break;
        }
        words.pop();
    }
    words.join(" ")
}

/// See: #20 item 3. A document's headline is already a headline: the parser, trained on
/// sentences, misreads its telegraphic style ("Apple unveils new Intel-based Mac" → "Apple
/// unveils new"), so the headline's main event takes the headline's words as written. A
/// headline that tells two predicates ("Apple releases iPhone SDK, announces upcoming
/// update") is cut before the second one, which takes the first one's subject ("Apple
/// announces upcoming update"). Only for the first verb event of its part (or for a noun
/// event of a headline with no verb event), on the document's first line when it is a
/// headline, of at most [`MAX_WORDS`] words and without a time expression.
pub fn headline_label(d: &Doc, e: &Event) -> Option<String> {
    if e.sentence != 0 || !is_headline(d, 0) {
        return None;
    }
    let sent = d.analysis.sentences.first()?;
    let toks = &d.analysis.tokens[sent.tokens.clone()];
    // The first line only.
    let line_end = d.text[sent.span.start..sent.span.end]
        .find('\n')
        .map_or(sent.span.end, |k| sent.span.start + k);
    let toks: Vec<&crate::text::Token> = toks.iter().filter(|t| t.span.end <= line_end).collect();
    if !toks.iter().any(|t| t.span.contains(&e.span)) {
        return None;
    }
    let verb_at = |t: &crate::text::Token| {
        d.events
            .iter()
            .any(|x| x.sentence == 0 && x.pos == Pos::Verb && x.span.start == t.span.start)
    };
    // Parts: cut at a comma followed by a verb event.
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for k in 0..toks.len() {
        if toks[k].text(d.text) == "," && toks.get(k + 1).is_some_and(|t| verb_at(t)) {
            parts.push((from, k));
            from = k + 1;
        }
    }
    parts.push((from, toks.len()));
    let (a, b) = *parts
        .iter()
        .find(|(a, b)| toks[*a..*b].iter().any(|t| t.span.contains(&e.span)))?;
    let first_verb = toks[a..b].iter().position(|t| verb_at(t)).map(|k| a + k);
    let any_verb = toks.iter().any(|t| verb_at(t));
    let main = match first_verb {
        Some(k) => e.pos == Pos::Verb && toks[k].span.start == e.span.start,
        None => !any_verb,
    };
    if !main || b <= a {
        return None;
    }
    let words = |x: usize, y: usize| toks[x..y].iter().filter(|t| t.kind != TokenKind::Punct).count();
    // The subject of a later part: the first part's words before its first verb.
    let subject = if a > 0 {
        let (a0, b0) = parts[0];
        let k = toks[a0..b0].iter().position(|t| verb_at(t))?;
        Some((a0, a0 + k))
    } else {
        None
    };
    let n = words(a, b) + subject.map_or(0, |(x, y)| words(x, y));
    let in_timex = toks[a..b].iter().any(|t| d.in_timex(t));
    if !(2..=MAX_WORDS).contains(&n) || in_timex {
        return None;
    }
    let slice = |x: usize, y: usize| squash(Span::new(toks[x].span.start, toks[y - 1].span.end).slice(d.text));
    let body = slice(a, b);
    Some(match subject {
        Some((x, y)) if y > x => format!("{} {body}", slice(x, y)),
        _ => body,
    })
}

/// The run of capitalised words nearest before the trigger in its clause (after the last
/// comma), outside time expressions: the actor a misparsed sentence still names.
fn nearest_name(d: &Doc, e: &Event) -> Option<String> {
    let toks = &d.analysis.tokens;
    let sent = d.analysis.sentences.get(e.sentence)?;
    let k = d.analysis.token_at_or_after(e.span.start).min(toks.len());
    let mut run: Vec<usize> = Vec::new();
    let mut j = k;
    while j > sent.tokens.start {
        j -= 1;
        let t = &toks[j];
        let w = t.text(d.text);
        if matches!(w, "," | ";" | ":" | "(" | ")" | "\"" | "“" | "”") {
            break;
        }
        if d.in_timex(t) {
            if run.is_empty() {
                continue;
            }
            break;
        }
        let name = capitalised(t, d.text) && !(j == sent.tokens.start && d.words.sentence_openers.contains(&w));
        // A particle inside the name ("Dar es Salaam").
        let particle = !run.is_empty()
            && d.words.name_particles.contains(&w)
            && j > sent.tokens.start
            && capitalised(&toks[j - 1], d.text);
        // An abbreviation's letters and dots go together ("U.S.": not "S").
        let dotted = !run.is_empty()
            && w == "."
            && j > sent.tokens.start
            && toks[j - 1].span.end == t.span.start
            && toks[j].span.end == toks[j + 1].span.start;
        if name || particle || dotted {
            run.push(j);
        } else if !run.is_empty() {
            break;
        } else if run.is_empty() && k - j > 3 {
            return None;
        }
    }
    let (&l, &f) = (run.first()?, run.last()?);
    Some(squash(Span::new(toks[f].span.start, toks[l].span.end).slice(d.text)))
}

/// The label read from the parse, `None` when the sentence has no parse or the trigger is
/// not one of its words.
pub fn parse_label(d: &Doc, e: &Event) -> Option<String> {
    let s = e.sentence;
    let sent = d.parse.sentences.get(s)?;
    let w = d.parse.word_at(s, e.span.start)?;
    let ws = &sent.words;
    let n = ws.len();
    let children = |h: usize| d.parse.children(s, h).iter().map(|&c| c as usize);
    let base = |c: usize| ws[c].deprel.split(':').next().unwrap_or("").to_string();
    let lemma = |c: usize| ws[c].lemma.to_ascii_lowercase();
    let mut keep = vec![false; n];

    // A phrase: the head with the dependents that name it, recursively.
    fn phrase(of: &str, ws: &[crate::syntax::ParsedWord], h: usize, depth: usize, keep: &mut [bool]) {
        keep[h] = true;
        if depth > 3 {
            return;
        }
        for c in 0..ws.len() {
            if ws[c].head != h + 1 {
                continue;
            }
            let rel = ws[c].deprel.as_str();
            let of_phrase = rel == "nmod"
                && ws
                    .iter()
                    .any(|x| x.head == c + 1 && x.deprel == "case" && x.lemma.eq_ignore_ascii_case(of))
                && c > h
                && c - h <= 4;
            // Coordinated names are one participant list ("Sony and Paramount").
            let names = rel == "conj" && ws[c].upos == "PROPN" && ws[h].upos == "PROPN";
            // A model designation the parser reads as a list item of the name before it, with
            // no punctuation between ("Boeing's 737 MAX 8"): part of the name.
            let designation = rel == "list"
                && c > h
                && matches!(ws[c].upos.as_str(), "PROPN" | "NUM")
                && (h + 1..c).all(|k| ws[k].upos != "PUNCT" || ws[k].deprel == "case");
            // An adjective after its noun with a complement of its own is a clause of its
            // own ("a drone capable of flying for six hours"): not part of the name.
            let postposed = rel == "amod"
                && c > h
                && ws
                    .iter()
                    .any(|x| x.head == c + 1 && !matches!(x.deprel.as_str(), "punct" | "advmod"));
            if postposed {
                continue;
            }
            if PHRASE_RELATIONS.contains(&rel) || of_phrase || names || designation {
                phrase(of, ws, c, depth + 1, keep);
                if names {
                    for k in 0..ws.len() {
                        if ws[k].head == c + 1 && ws[k].deprel == "cc" {
                            keep[k] = true;
                        }
                    }
                }
            } else if rel == "punct"
                && c > 0
                && c + 1 < ws.len()
                && ws[c].end == ws[c + 1].start
                && ws[c - 1].end == ws[c].start
            {
                // Punctuation inside a token run ("Wal-Mart", "3.5"): part of the phrase.
                keep[c] = true;
            }
        }
    }

    // A whole phrase when it is short and plain: its head's entire subtree, when that is
    // contiguous, at most `SHORT_PHRASE` words, holds no clause, no comma or parenthesis and no
    // time expression ("similar attacks on South Korean organizations"); else [`phrase`].
    fn whole(ws: &[crate::syntax::ParsedWord], h: usize, keep: &mut [bool], d: &Doc, top_case: bool) -> bool {
        let n = ws.len();
        let mut inside = vec![false; n];
        inside[h] = true;
        // Heads come in any order: repeat until no word joins (at most the depth).
        for _ in 0..n {
            let mut changed = false;
            for c in 0..n {
                if !inside[c] && ws[c].head > 0 && inside[ws[c].head - 1] {
                    inside[c] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let mut lo = (0..n).find(|&i| inside[i]).unwrap_or(h);
        let mut hi = (0..n).rev().find(|&i| inside[i]).unwrap_or(h);
        // Punctuation the parser hangs on the phrase at its edges ("Earlier this week, |
        // hacker threats against Sony"): not part of it.
        while lo < h && ws[lo].deprel == "punct" {
            inside[lo] = false;
            lo += 1;
        }
        while hi > h && ws[hi].deprel == "punct" {
            inside[hi] = false;
            hi -= 1;
        }
        let words = inside.iter().filter(|&&x| x).count();
        let plain = (lo..=hi).all(|i| {
            let base = ws[i].deprel.split(':').next().unwrap_or("");
            inside[i]
                && !matches!(
                    base,
                    "acl" | "advcl" | "ccomp" | "parataxis" | "appos" | "csubj" | "dislocated" | "list"
                )
                && !(base == "punct"
                    && (i == lo || i == hi || ws[i - 1].end != ws[i].start || ws[i].end != ws[i + 1].start))
                && (i == h || !d.span_in_timex(ws[i].start, ws[i].end) || d.span_in_timex(ws[h].start, ws[h].end))
        });
        if !plain || words > SHORT_PHRASE {
            return false;
        }
        for i in lo..=hi {
            // A noun event's own preposition is not part of it ("following hacker threats").
            if !(top_case && ws[i].head == h + 1 && matches!(ws[i].deprel.as_str(), "case" | "mark") && i < h) {
                keep[i] = true;
            }
        }
        true
    }

    // A noun event, or one the event tagger read as a verb where the parser sees a noun ("a
    // U.S. release on June 24").
    if ws[w].upos == "NOUN" || e.pos != Pos::Verb && !matches!(ws[w].upos.as_str(), "VERB" | "AUX") {
        // A noun event: its own phrase ("the New York press conference").
        if !whole(ws, w, &mut keep, d, true) {
            phrase(d.words.of_word, ws, w, 0, &mut keep);
            for c in children(w) {
                if matches!(ws[c].deprel.as_str(), "case" | "mark") && c < w {
                    keep[c] = false;
                }
            }
        }
        // The noun is what "took place", "happened", "occurred": say so ("The robbery took
        // place"), not the bare noun.
        if base(w) == "nsubj" {
            if let Some(h) = d.parse.head(s, w) {
                let place = children(h).find(|&c| base(c) == "obj" && lemma(c) == d.words.take_place[1]);
                let happen = d.words.happen_verbs.contains(&lemma(h).as_str())
                    || (lemma(h) == d.words.take_place[0] && place.is_some());
                if happen {
                    keep[h] = true;
                    for c in children(h) {
                        if matches!(base(c).as_str(), "aux" | "cop") || Some(c) == place {
                            keep[c] = true;
                        }
                    }
                }
            }
        }
        dates_whole_or_out(d, sent, &mut keep, &[w]);
        close_names(d, ws, &mut keep);
        trim_dangling(d, ws, &mut keep, w);
        return Some(render(d, ws, &keep, e));
    }

    // The top of the verb chain: climb over xcomp to a catenative verb ("failed to pass").
    let mut top = w;
    let mut chain = vec![w];
    for _ in 0..2 {
        let h = match d.parse.head(s, top) {
            Some(h) => h,
            None => break,
        };
        if ws[top].deprel == "xcomp" && d.words.catenative.contains(&lemma(h).as_str()) {
            top = h;
            chain.push(h);
        } else {
            break;
        }
    }
    // The verb group of every predicate of the chain: auxiliaries, negation, `to`, particles.
    for &p in &chain {
        keep[p] = true;
        for c in children(p) {
            let rel = ws[c].deprel.as_str();
            // Negation, and the adverbs that change what happened ("still leaking", "first
            // crossed", "again filed").
            let neg = rel == "advmod" && d.words.label_kept_adverbs.contains(&lemma(c).as_str());
            let to = rel == "mark" && lemma(c) == d.words.infinitive_marker;
            if matches!(rel, "aux" | "aux:pass" | "cop" | "compound:prt") || neg || (to && p != top) {
                keep[c] = true;
            }
        }
    }
    // The subject: of the top predicate, of the first conjunct, or the antecedent.
    // Not a time expression read as the subject ("More than a month after the hack,
    // information is still leaking": not "a month is leaking").
    let subject_of = |p: usize| {
        children(p).find(|&c| {
            matches!(base(c).as_str(), "nsubj" | "csubj" | "expl") && !d.span_in_timex(ws[c].start, ws[c].end)
        })
    };
    let timex_subject = children(top).any(|c| base(c) == "nsubj" && d.span_in_timex(ws[c].start, ws[c].end));
    let mut subject = subject_of(top);
    let mut p = top;
    for _ in 0..3 {
        if subject.is_some() {
            break;
        }
        match (ws[p].deprel.as_str(), d.parse.head(s, p)) {
            ("conj", Some(h)) => {
                subject = subject_of(h);
                p = h;
            }
            ("acl:relcl" | "acl", Some(h)) if matches!(ws[h].upos.as_str(), "NOUN" | "PROPN" | "PRON") => {
                subject = Some(h);
            }
            // Object control: "prompting Apple Corps to file suit" → "Apple Corps file suit".
            ("xcomp", Some(h)) => {
                subject = children(h).find(|&c| ws[c].deprel == "obj" && c < p);
            }
            _ => break,
        }
    }
    // A wire head on the lead's line ("PARIS (Reuters) — Renault cut 4,000 jobs"): the
    // place in capitals is not the subject; the phrase after the dash is.
    let mut wire_head = None;
    if let Some(sb) = subject {
        if let Some(after) = wire_head_subject(ws, sb, top) {
            subject = Some(after);
            wire_head = Some(sb);
        }
    }
    let found_subject = subject.is_some();
    if subject.is_none() && (timex_subject || ws[top].deprel == "root") {
        // A time expression read as the subject ("Apple today unveiled", "More than a month
        // after the hack, information is still leaking"): the nearest noun before the verb,
        // outside time expressions, with no verb between.
        subject = (0..top)
            .rev()
            .take_while(|&i| !matches!(ws[i].upos.as_str(), "VERB") && ws[i].form != ",")
            .find(|&i| {
                matches!(ws[i].upos.as_str(), "NOUN" | "PROPN" | "PRON")
                    && !d.span_in_timex(ws[i].start, ws[i].end)
                    && !matches!(ws[i].deprel.as_str(), "compound" | "flat" | "nmod:poss")
            });
    }
    if let Some(sb) = subject {
        // A relative pronoun stands for its antecedent ("the crew that first crossed").
        let relative = d.words.relative_pronouns.contains(&lemma(sb).as_str()) && ws[top].deprel == "acl:relcl"
            || sb == d.parse.head(s, top).unwrap_or(usize::MAX);
        let h = match (relative, d.parse.head(s, top)) {
            (true, Some(ante)) => ante,
            _ => sb,
        };
        let antecedent = relative;
        if !found_subject {
            // A subject found by position only: the noun with the modifiers glued to its left.
            keep[h] = true;
            let mut i = h;
            while i > 0
                && matches!(ws[i - 1].deprel.as_str(), "det" | "amod" | "compound" | "flat")
                && ws[i - 1].head == h + 1
            {
                i -= 1;
                keep[i] = true;
            }
        } else if antecedent || !whole(ws, h, &mut keep, d, false) {
            phrase(d.words.of_word, ws, h, 0, &mut keep);
        }
        if antecedent {
            // Not the antecedent's own preposition ("in a rare press conference held by Apple").
            for c in children(h) {
                if matches!(ws[c].deprel.as_str(), "case" | "mark") && c < h {
                    keep[c] = false;
                    for f in children(c) {
                        keep[f] = false;
                    }
                }
            }
        }
        // A long subject the parser split in two ("The bank's nine-member | Monetary Policy
        // Committee voted"): a second subject of the same verb, before it, is kept too.
        if found_subject && !antecedent {
            for c in children(top) {
                if c != sb
                    && Some(c) != wire_head
                    && c < top
                    && base(c) == "nsubj"
                    && !d.span_in_timex(ws[c].start, ws[c].end)
                {
                    phrase(d.words.of_word, ws, c, 0, &mut keep);
                }
            }
        }
        // A name the parser hung on the verb between the subject and the verb belongs to the
        // subject ("hacker threats against Sony escalated").
        for c in children(top) {
            if ws[c].deprel == "obl"
                && c > sb
                && c < top
                && ws[c].upos == "PROPN"
                && !d.span_in_timex(ws[c].start, ws[c].end)
            {
                phrase(d.words.of_word, ws, c, 1, &mut keep);
                for k in children(c) {
                    if ws[k].deprel == "case" {
                        keep[k] = true;
                    }
                }
            }
        }
        // A question's auxiliary before its subject ("Have you met"): the label states it.
        for c in children(top) {
            if matches!(ws[c].deprel.as_str(), "aux" | "aux:pass") && c < sb {
                keep[c] = false;
            }
        }
        if ws[top].deprel == "acl:relcl" {
            // Adverbs between the relative pronoun and the verb ("first crossed").
            for c in children(top) {
                if ws[c].deprel == "advmod" && c < top && c > sb {
                    keep[c] = true;
                }
            }
        }
    }
    // The key object: of the event's own verb, else of the top; else a place or partner
    // (`obl` with no time expression in it).
    let object = |p: usize| {
        children(p)
            .find(|&c| matches!(ws[c].deprel.as_str(), "obj" | "iobj"))
            .or_else(|| {
                children(p).find(|&c| matches!(ws[c].deprel.as_str(), "xcomp") && c > p && ws[c].upos != "VERB")
            })
    };
    let obl = |p: usize| {
        children(p).find(|&c| {
            ws[c].deprel.starts_with("obl")
                && ws[c].deprel != "obl:tmod"
                && c > p
                && !d.span_in_timex(ws[c].start, ws[c].end)
                && !matches!(ws[c].upos.as_str(), "NUM" | "ADV")
        })
    };
    // A reduced passive's agent ("great demand enjoyed by Apple's iPod players"): the actor
    // of the participle, named by its own phrase (with its `by`) however it is written.
    let agent = children(w).find(|&c| {
        ws[c].deprel == "obl:agent" && c > w && ws[w].deprel == "acl" && !d.span_in_timex(ws[c].start, ws[c].end)
    });
    // A clause the verb reports or argues ("Apple Corps argued that the store was a breach"):
    // with no object of its own, the clause's core is the verb's key object.
    let clause = children(w).find(|&c| ws[c].deprel == "ccomp" && c > w);
    let mut before_clause: Option<Vec<bool>> = None;
    // The words of a noun phrase the parse misread (`Misread::Postposed`): kept whole, the
    // parse's relations between them being wrong.
    let mut postposed: Option<(usize, usize)> = None;
    if let Some(o) = object(w).or_else(|| object(top)) {
        if let Some(noun) = misread_object(d, ws, o) {
            // A determiner or quantifier read as the object, the noun it counts hung below
            // it ("released several | re-designs"), or an adjective after the object noun
            // read as the object's head ("an iPod | capable of ..."): the noun phrase.
            match noun {
                Misread::Counted(c) => {
                    keep[o] = true;
                    if !whole(ws, c, &mut keep, d, false) {
                        phrase("", ws, c, 0, &mut keep);
                    }
                }
                Misread::Postposed(from) => postposed = Some((from, o)),
            }
        } else if !whole(ws, o, &mut keep, d, false) {
            phrase(d.words.of_word, ws, o, 0, &mut keep);
        }
    } else if let Some(a) = agent {
        if !whole(ws, a, &mut keep, d, false) {
            phrase("", ws, a, 0, &mut keep);
        }
    } else if let Some(c) = clause {
        before_clause = Some(keep.clone());
        clause_core(d, ws, c, &mut keep);
    } else if let Some(o) = obl(w) {
        // A place or partner: whole when short, else a name's words ("hacked into Sony
        // Pictures Entertainment's network"); a common noun cut from what follows it
        // ("escalated from promises [of ...]") is left out.
        if !whole(ws, o, &mut keep, d, false) && ws[o].form.chars().next().is_some_and(char::is_uppercase) {
            phrase(d.words.of_word, ws, o, 0, &mut keep);
        }
    } else if let Some(h) = d
        .parse
        .head(s, w)
        .filter(|&h| e.pos == Pos::Verb && ws[w].deprel == "amod" && h > w && ws[h].upos == "NOUN")
    {
        // A past verb the parser read as an adjective of the noun after it ("GM recalled
        // trucks" parsed as one noun phrase): that noun is the object.
        if !whole(ws, h, &mut keep, d, false) {
            phrase(d.words.of_word, ws, h, 0, &mut keep);
        }
    } else if let Some(x) = children(w).find(|&c| ws[c].deprel == "xcomp" && ws[c].upos == "VERB") {
        // "was allowed to use its name": the infinitive and its object.
        keep[x] = true;
        for c in children(x) {
            if ws[c].deprel == "mark" || ws[c].deprel == "obj" {
                phrase(d.words.of_word, ws, c, 1, &mut keep);
            }
        }
    }
    // A copula's predicate is the head itself ("was the first"), kept above with its phrase.
    if children(top).any(|c| ws[c].deprel == "cop") {
        phrase(d.words.of_word, ws, top, 1, &mut keep);
    }
    let finish = |keep: &mut Vec<bool>| {
        dates_whole_or_out(d, sent, keep, &chain);
        close_names(d, ws, keep);
        trim_dangling(d, ws, keep, w);
        if let Some((from, to)) = postposed {
            for k in keep.iter_mut().take(to).skip(from) {
                *k = true;
            }
        }
    };
    finish(&mut keep);
    if keep.iter().filter(|&&k| k).count() > MAX_WORDS {
        // A reported clause too long for a headline is left out, not the whole label.
        match before_clause {
            Some(b) => {
                keep = b;
                finish(&mut keep);
                if keep.iter().filter(|&&k| k).count() > MAX_WORDS {
                    return None;
                }
            }
            _ => return None,
        }
    }
    // A subject-less label of a finite verb whose sentence has a named actor reads as a
    // fragment: let the window label (which looks further) try when the parse found none.
    let mut out = render(d, ws, &keep, e);
    if subject.is_none() && ws[top].deprel == "root" && e.class == EventClass::Reporting {
        return None;
    }
    // A personal pronoun subject ("He resigned") reads as its antecedent when the paragraph
    // names one person clearly ("Jobs resigned").
    if let Some(sb) =
        subject.filter(|&sb| ws[sb].upos == "PRON" && d.words.person_pronouns.contains(&lemma(sb).as_str()))
    {
        if let (Some(name), Some(rest)) = (antecedent(d, s, ws[sb].start), out.strip_prefix(ws[sb].form.as_str())) {
            if rest.starts_with(' ') {
                out = format!("{name}{rest}");
            }
        }
    }
    Some(out)
}

/// What a misparsed object really is ([`misread_object`]).
enum Misread {
    /// The noun a determiner or quantifier read as the object counts (its index).
    Counted(usize),
    /// The object's noun phrase runs from this index to just before the object word, an
    /// adjective placed after its noun.
    Postposed(usize),
}

/// See: #20 item 3. An object word the parser got wrong, and what to take instead:
/// - a determiner or quantifier (`EventWords::determiners`: "several", "many") with no noun
///   of its own, and a noun hung below it just after it ("Apple have released several |
///   re-designs of their popular iPod range"): the noun it counts;
/// - an adjective with a determiner before it and words between ("introduced an iPod capable
///   of displaying video", `iPod` misread as an adverb): an adjective placed after its noun,
///   so the phrase is the determiner up to the word before the adjective ("an iPod").
fn misread_object(d: &Doc, ws: &[crate::syntax::ParsedWord], o: usize) -> Option<Misread> {
    let kids = |h: usize| (0..ws.len()).filter(move |&c| ws[c].head == h + 1);
    let det_word = |k: usize| d.words.determiners.contains(&ws[k].form.to_lowercase().as_str());
    if det_word(o) && !matches!(ws[o].upos.as_str(), "NOUN" | "PROPN") {
        let counted = kids(o).find(|&c| {
            c > o
                && c - o <= 4
                && matches!(ws[c].upos.as_str(), "NOUN" | "PROPN")
                && matches!(ws[c].deprel.split(':').next().unwrap_or(""), "obl" | "nmod" | "obj")
        });
        return counted.map(Misread::Counted);
    }
    if ws[o].upos == "ADJ" {
        let det = kids(o).find(|&c| c + 1 < o && ws[c].deprel == "det")?;
        let between_nominal = (det + 1..o).all(|k| ws[k].upos != "PUNCT" && ws[k].upos != "VERB");
        return between_nominal.then_some(Misread::Postposed(det));
    }
    None
}

/// See: #20 item 3. The core of a reported clause `c`, the key object of a verb that has no
/// object of its own ("Apple Corps argued *the iTunes Music Store was a breach*"): its
/// subject, its verb group (auxiliaries, copula, negation) and its head with its object, each
/// a short phrase (no `of` phrases). The complementizer (`that`) is left out, as headlines
/// do; another one ("whether") stays.
fn clause_core(d: &Doc, ws: &[crate::syntax::ParsedWord], c: usize, keep: &mut [bool]) {
    let kids: Vec<usize> = (0..ws.len()).filter(|&k| ws[k].head == c + 1).collect();
    keep[c] = true;
    let nominal = matches!(ws[c].upos.as_str(), "NOUN" | "PROPN" | "ADJ" | "NUM");
    if nominal {
        for &k in &kids {
            let modifier = matches!(
                ws[k].deprel.as_str(),
                "det" | "amod" | "compound" | "flat" | "nummod" | "nmod:poss" | "case"
            );
            if modifier && k < c {
                phrase_short(ws, k, keep);
            }
        }
    }
    for &k in &kids {
        let rel = ws[k].deprel.as_str();
        let base = rel.split(':').next().unwrap_or("");
        let lemma = ws[k].lemma.to_lowercase();
        let kept_adverb = rel == "advmod" && d.words.label_kept_adverbs.contains(&lemma.as_str());
        let mark = rel == "mark" && !d.words.complementizers.contains(&lemma.as_str()) && k < c;
        if matches!(rel, "aux" | "aux:pass" | "cop" | "compound:prt") || kept_adverb || mark {
            keep[k] = true;
        } else if (matches!(base, "nsubj" | "expl") || matches!(rel, "obj" | "iobj"))
            && !d.span_in_timex(ws[k].start, ws[k].end)
        {
            phrase_short(ws, k, keep);
        }
    }
}

/// A short phrase: head `h` with its determiners, adjectives, compounds, numbers, names and
/// possessors (two levels), no `of` phrase.
fn phrase_short(ws: &[crate::syntax::ParsedWord], h: usize, keep: &mut [bool]) {
    fn go(ws: &[crate::syntax::ParsedWord], h: usize, depth: usize, keep: &mut [bool]) {
        keep[h] = true;
        if depth >= 2 {
            return;
        }
        for c in 0..ws.len() {
            if ws[c].head == h + 1
                && matches!(
                    ws[c].deprel.as_str(),
                    "det" | "amod" | "compound" | "flat" | "nummod" | "nmod:poss" | "case" | "fixed" | "goeswith"
                )
            {
                go(ws, c, depth + 1, keep);
            }
        }
    }
    go(ws, h, 0, keep);
}

/// Relations of a word that modifies its head: at the end of a label without its head, the
/// word dangles.
const MODIFIER_RELATIONS: &[&str] = &["det", "amod", "nummod", "nmod:poss", "case", "cc", "mark"];

/// Parts of speech that never end a label without their head: an article or determiner, an
/// adjective, a pronoun, a preposition, a conjunction.
const NEVER_LAST: &[&str] = &["DET", "ADJ", "PRON", "ADP", "CCONJ", "SCONJ"];

/// See: #20 item 3. A label ends on a head noun or the verb, never on a word left without the
/// word it belongs to: the kept words at the end are dropped while the last one's head is
/// left out and it is a determiner, adjective, pronoun, preposition or conjunction ("a deal
/// in *which*" [they ...], "Apple have released *several*" [songs], "introduced an *capable*"
/// [phone]) or modifies its head (`det`, `amod`, `nummod`, `case`, ...; a conjunct counts as
/// its first conjunct); and a determiner, possessive or quantifier always ("released
/// *several*", parsed as its `xcomp`). A noun is never dropped (a name's words stay). The
/// event's own word `w` always stays.
fn trim_dangling(d: &Doc, ws: &[crate::syntax::ParsedWord], keep: &mut [bool], w: usize) {
    // The head a word modifies: through conjuncts to the first one's head (1-based, 0: root).
    let attach = |mut i: usize| {
        for _ in 0..ws.len() {
            if ws[i].deprel != "conj" || ws[i].head == 0 {
                break;
            }
            i = ws[i].head - 1;
        }
        (i, ws[i].head)
    };
    while let Some(last) = (0..keep.len()).rev().find(|&i| keep[i]) {
        if last == w {
            break;
        }
        let x = &ws[last];
        let (first, head) = attach(last);
        let headless = head != 0 && !keep[head - 1];
        let base = ws[first].deprel.split(':').next().unwrap_or("");
        // A determiner, possessive or quantifier (`EventWords::determiners`: "an", "their",
        // "several") needs its noun after it, wherever the parse hangs it; not a pronoun
        // ("consider this").
        let determiner = x.upos != "PRON" && d.words.determiners.contains(&x.form.to_lowercase().as_str());
        let noun = matches!(x.upos.as_str(), "NOUN" | "PROPN" | "NUM");
        let dangles = determiner
            || !noun
                && headless
                && (NEVER_LAST.contains(&x.upos.as_str())
                    || MODIFIER_RELATIONS.contains(&ws[first].deprel.as_str())
                    || MODIFIER_RELATIONS.contains(&base));
        if !dangles {
            break;
        }
        keep[last] = false;
    }
}

/// Time expressions are shown as the date, not in the label — unless a time word is inside
/// a kept name ("the July 16 press conference" stays whole). See: #20 item 3. A date is
/// shown whole or not at all: a kept modifier takes all its words ("the March 3
/// agreement", not "the 3 agreement"), else none of them stays (but the words of the verb
/// chain, `chain`).
fn dates_whole_or_out(d: &Doc, sent: &crate::syntax::ParsedSentence, keep: &mut [bool], chain: &[usize]) {
    let ws = &sent.words;
    let n = ws.len();
    let base = |c: usize| ws[c].deprel.split(':').next().unwrap_or("").to_string();
    // Only the expressions among the kept words matter (time expressions do not overlap and
    // come in text order: found by binary search, not by a scan of every expression of a
    // long sentence per label).
    let kept_span = keep
        .iter()
        .position(|&k| k)
        .zip(keep.iter().rposition(|&k| k))
        .map(|(f, l)| (ws[f].start, ws[l].end));
    let near: &[crate::timex::Timex] = match kept_span {
        Some((lo, hi)) => {
            let from = d.timexes.partition_point(|t| t.span.end <= lo);
            let to = from + d.timexes[from..].partition_point(|t| t.span.start < hi);
            &d.timexes[from..to]
        }
        None => &[],
    };
    for t in near
        .iter()
        .filter(|t| t.span.start >= sent.start && t.span.end <= sent.end)
    {
        let first = ws.partition_point(|w| w.start < t.span.start);
        let inside: Vec<usize> = (first..n)
            .take_while(|&i| ws[i].start < t.span.end)
            .filter(|&i| ws[i].end <= t.span.end)
            .collect();
        // The expression's words whose head is outside it (the parser may split one date:
        // `March` hung on `3`, `3` on `agreement`).
        let roots: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|&i| ws[i].head == 0 || !inside.contains(&(ws[i].head - 1)))
            .collect();
        let modifier = roots
            .iter()
            .any(|&h| keep[h] && matches!(base(h).as_str(), "compound" | "amod" | "nmod" | "nummod"));
        for &i in &inside {
            if modifier {
                keep[i] = true;
            } else if !chain.contains(&i) {
                keep[i] = false;
            }
        }
    }
}

/// Dashes that end a wire head ("DETROIT (AP) — ...").
const WIRE_DASHES: &[&str] = &["—", "–", "-", "--"];

/// When subject `sb` is a wire head's place (the sentence's first word, in capitals, with a
/// dash between it and the verb `top`), the head of the phrase after the last such dash.
fn wire_head_subject(ws: &[crate::syntax::ParsedWord], sb: usize, top: usize) -> Option<usize> {
    let caps = ws[sb].form.chars().count() >= 2 && ws[sb].form.chars().all(|c| c.is_uppercase() || c == '.');
    if sb != 0 || !caps || top <= sb {
        return None;
    }
    let dash = (sb + 1..top)
        .rev()
        .find(|&k| WIRE_DASHES.contains(&ws[k].form.as_str()))?;
    (dash + 1..top).find(|&k| {
        let h = ws[k].head;
        matches!(ws[k].upos.as_str(), "PROPN" | "NOUN" | "PRON") && (h == 0 || h - 1 <= dash || h > top)
    })
}

/// How many sentences back a pronoun looks for its antecedent, within its paragraph.
const ANTECEDENT_REACH: usize = 3;

/// The person a `he`/`she` at byte `at` of sentence `s` refers to, when it is clear: the
/// name subject of the same sentence before it, else of the nearest earlier sentence of the
/// paragraph that has a name subject — one name only, of two or three capitalised words (a
/// person's name: "Steve Jobs"), given by its last word ("Jobs").
fn antecedent(d: &Doc, s: usize, at: usize) -> Option<String> {
    let lo = s.saturating_sub(ANTECEDENT_REACH);
    let mut k = s;
    loop {
        let sent = d.parse.sentences.get(k)?;
        let ws = &sent.words;
        let mut names: Vec<(usize, usize)> = Vec::new();
        for (h, w) in ws.iter().enumerate() {
            if w.upos != "PROPN" || !w.deprel.starts_with("nsubj") || (k == s && w.start >= at) {
                continue;
            }
            // The name's words: the head with its `flat`/`compound` names before it.
            let mut b = h;
            while b > 0 && ws[b - 1].head == h + 1 && matches!(ws[b - 1].deprel.as_str(), "flat" | "compound") {
                b -= 1;
            }
            let mut e = h;
            while e + 1 < ws.len() && ws[e + 1].head == h + 1 && ws[e + 1].deprel == "flat" {
                e += 1;
            }
            names.push((b, e));
        }
        match names.as_slice() {
            [] => {}
            [(b, e)] => {
                let words = &ws[*b..=*e];
                let person = (2..=3).contains(&words.len())
                    && words.iter().all(|x| {
                        x.form.chars().next().is_some_and(char::is_uppercase)
                            && !x.form.chars().any(|c| c.is_ascii_digit())
                    });
                return person.then(|| words[words.len() - 1].form.clone());
            }
            _ => return None,
        }
        if k == 0 || k <= lo {
            return None;
        }
        // Not across a paragraph break (a blank line between the sentences).
        let prev = d.parse.sentences.get(k - 1)?;
        let gap = d.text.get(prev.end..sent.start).unwrap_or("");
        if gap.matches('\n').count() >= 2 {
            return None;
        }
        k -= 1;
    }
}

/// Signs written against a number that belong to the amount: percent, per mille, degree.
const UNIT_SIGNS: &[&str] = &["%", "‰", "°"];

// Lower-case words that can stand inside a name between two capitalised words:
// `EventWords::name_particles`.

/// Never cut inside a name, whatever the parse says: a kept capitalised word takes the
/// capitalised words next to it ("Sony Pictures" → "Sony Pictures Entertainment's network":
/// a possessive takes the noun it qualifies), a kept number its neighbours in the same token
/// run ("$2.4", "09:30", "A350" are one token each already).
fn close_names(d: &Doc, ws: &[crate::syntax::ParsedWord], keep: &mut [bool]) {
    let n = ws.len();
    let upper = |i: usize| ws[i].form.chars().next().is_some_and(char::is_uppercase);
    // A capitalised word that is a name: not the sentence's first word unless tagged one.
    let cap = |i: usize| (i > 0 || ws[i].upos == "PROPN") && upper(i) && !d.span_in_timex(ws[i].start, ws[i].end);
    let amount =
        |i: usize| matches!(ws[i].upos.as_str(), "NUM" | "SYM") || d.words.amount_words.contains(&ws[i].form.as_str());
    let glued = |a: usize, b: usize| ws[a].end == ws[b].start && ws[a].start != ws[b].start;
    for _ in 0..n {
        let mut changed = false;
        for i in 0..n {
            if !keep[i] {
                continue;
            }
            // The words of a multiword token go together.
            for j in [i.wrapping_sub(1), i + 1] {
                if j < n && !keep[j] && ws[j].start == ws[i].start {
                    keep[j] = true;
                    changed = true;
                }
            }
            if cap(i) {
                // A lower-case particle inside a name ("Dar es Salaam", "Osama bin Laden",
                // "Charles de Gaulle") joins the capitalised words on both sides of it.
                for (p, q) in [(i + 1, i + 2), (i.wrapping_sub(1), i.wrapping_sub(2))] {
                    if q < n
                        && p < n
                        && !(keep[p] && keep[q])
                        && d.words.name_particles.contains(&ws[p].form.as_str())
                        && cap(q)
                    {
                        keep[p] = true;
                        keep[q] = true;
                        changed = true;
                    }
                }
                if i + 1 < n && !keep[i + 1] && (cap(i + 1) || ws[i + 1].form == "'s" || ws[i + 1].form == "’s") {
                    keep[i + 1] = true;
                    changed = true;
                }
                if i > 1 && !keep[i - 1] && cap(i - 1) {
                    keep[i - 1] = true;
                    changed = true;
                }
            }
            // A token run without spaces ("Wal-Mart", "long-undiscovered", "$5.41") and an
            // amount ("US $5.41", "$2.4 billion") stay whole.
            for j in [i.wrapping_sub(1), i + 1] {
                if j >= n || keep[j] {
                    continue;
                }
                let (a, b) = (i.min(j), i.max(j));
                let inner_punct = ws[j].upos == "PUNCT" && !(j + 1 < n && j > 0 && glued(j - 1, j) && glued(j, j + 1));
                if (glued(a, b) && !inner_punct) || (amount(i) && amount(j) && !d.span_in_timex(ws[j].start, ws[j].end))
                {
                    keep[j] = true;
                    changed = true;
                }
            }
            // A possessive marker takes what it qualifies.
            if matches!(ws[i].form.as_str(), "'s" | "’s") && i + 1 < n && !keep[i + 1] && ws[i + 1].upos == "NOUN" {
                keep[i + 1] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// The kept words as text: each run of consecutive kept tokens copied from the document
/// (so "$2.4", "09:30" and "A350" come out as written), runs joined by one space.
fn render(d: &Doc, ws: &[crate::syntax::ParsedWord], keep: &[bool], e: &Event) -> String {
    let mut spans: Vec<(usize, usize)> = ws
        .iter()
        .zip(keep)
        .filter(|(_, &k)| k)
        .map(|(x, _)| (x.start, x.end))
        .collect();
    spans.dedup();
    // No comma, semicolon or bracket between phrases (one inside a number is part of its token).
    spans.retain(|&(a, b)| !matches!(&d.text[a..b], "," | ";" | "(" | ")" | "\"" | "“" | "”"));
    // Drop punctuation at either end, and a trailing function word. A unit sign written
    // against its number ("fell 4.5%") is part of the amount, not punctuation.
    let is_punct = |&(a, b): &(usize, usize)| d.text[a..b].chars().all(|c| !c.is_alphanumeric());
    while spans.first().is_some_and(is_punct) {
        spans.remove(0);
    }
    while spans.last().is_some_and(is_punct) {
        let n = spans.len();
        let (a, b) = spans[n - 1];
        let glued_sign = n >= 2
            && spans[n - 2].1 == a
            && UNIT_SIGNS.contains(&&d.text[a..b])
            && d.text[..a].ends_with(|c: char| c.is_ascii_digit());
        if glued_sign {
            break;
        }
        spans.pop();
    }
    let mut out = String::new();
    let mut last_end: Option<usize> = None;
    for &(a, b) in &spans {
        match last_end {
            // Adjacent in the text up to whitespace that is not a line break: copy the gap.
            Some(le) if d.text[le..a].chars().all(|c| c == ' ') && a - le <= 1 => {
                out.push_str(&d.text[le..b]);
            }
            Some(_) => {
                out.push(' ');
                out.push_str(&d.text[a..b]);
            }
            None => out.push_str(&d.text[a..b]),
        }
        last_end = Some(b);
    }
    let out = squash(&out);
    let mut c = out.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => e.text.clone(),
    }
}

/// The label read from a window of tokens around the trigger (used when the sentence has no
/// parse): the trigger with a few words of its clause on each side.
pub fn window_label(a: &Doc, e: &Event) -> String {
    let text = a.text;
    let toks = &a.analysis.tokens;
    let sent = &a.analysis.sentences[e.sentence.min(a.analysis.sentences.len().saturating_sub(1))];
    let k = a
        .analysis
        .token_at_or_after(e.span.start)
        .min(toks.len().saturating_sub(1));
    let boundary = |t: &crate::text::Token| {
        t.kind == TokenKind::Punct
            && matches!(
                t.text(text),
                "," | ";" | ":" | "(" | ")" | "\"" | "“" | "”" | "—" | "–" | "." | "?" | "!"
            )
    };
    let stop_left = |w: &str| a.words.window_stops_left.contains(&w.to_ascii_lowercase().as_str());
    let capital = |i: usize| capitalised(&toks[i], text);
    // `of` or a particle inside a name ("Bank of England", "Office of Personnel Management",
    // "Dar es Salaam").
    let of_in_name = |i: usize| {
        i > sent.tokens.start
            && i + 1 < sent.tokens.end
            && (toks[i].text(text) == a.words.of_word || a.words.name_particles.contains(&toks[i].text(text)))
            && capital(i - 1)
            && capital(i + 1)
    };
    let mut lo = k;
    let mut words = 0;
    let max_left = if e.pos == Pos::Noun { 2 } else { 4 };
    while lo > sent.tokens.start && words < max_left {
        let t = &toks[lo - 1];
        let w = t.text(text).to_ascii_lowercase();
        // A name counts as one word, `of` in it included.
        if lo < k && (capital(lo - 1) && capital(lo) || of_in_name(lo - 1)) {
            lo -= 1;
            continue;
        }
        let determiner = a.words.articles.contains(&w.as_str());
        let other_event = a
            .events
            .iter()
            .any(|x| x.pos == Pos::Verb && x.span.contains(&toks[lo - 1].span) && x.span != e.span);
        let in_timex = e.pos == Pos::Verb && a.in_timex(&toks[lo - 1]);
        let signal = a.words.window_signals.contains(&w.as_str());
        if boundary(t)
            || other_event
            || in_timex
            || (t.kind == TokenKind::Word && (stop_left(&w) || determiner || signal))
        {
            break;
        }
        lo -= 1;
        if t.kind != TokenKind::Punct {
            words += 1;
        }
    }
    // A relative clause's verb takes its antecedent: "legislation that's been languishing",
    // a whole name ("the Office of Personnel Management that began").
    if lo > sent.tokens.start {
        let w = toks[lo - 1].text(text).to_ascii_lowercase();
        if e.pos == Pos::Verb && a.words.window_relatives.contains(&w.as_str()) {
            let mut j = lo - 1;
            let mut n = 0;
            while j > sent.tokens.start
                && toks[j - 1].kind == TokenKind::Word
                && (n < 3
                    || capital(j - 1) && (capital(j) || toks[j].text(text) == a.words.of_word)
                    || of_in_name(j - 1))
            {
                j -= 1;
                n += 1;
            }
            if n > 0 {
                lo = j;
            }
        }
    }
    let mut hi = k + 1;
    words = 0;
    while hi < sent.tokens.end && words < 6 {
        let t = &toks[hi];
        // Up to the next clause, or the next verb phrase ("notified Congress on June 4 and
        // will brief ...": not "... and will").
        let next_vp = t.kind == TokenKind::Word
            && a.words.vp_coordinators.contains(&t.text(text))
            && toks.get(hi + 1).is_some_and(|n| {
                a.words.vp_openers.contains(&n.text(text).to_ascii_lowercase().as_str())
                    || a.events.iter().any(|x| x.pos == Pos::Verb && x.span == n.span)
            });
        // An abbreviation's dot inside the sentence ("on Oct. 19") does not end the label.
        let abbreviation_dot = t.text(text) == "."
            && hi + 1 < sent.tokens.end
            && hi > sent.tokens.start
            && toks[hi - 1].kind == TokenKind::Word
            && toks[hi - 1].span.end == t.span.start;
        // Nor does a separator inside a number ("rose 2.5 percent", "about 3,000 residents").
        let in_number = matches!(t.text(text), "." | ",")
            && hi > sent.tokens.start
            && hi + 1 < sent.tokens.end
            && toks[hi - 1].span.end == t.span.start
            && t.span.end == toks[hi + 1].span.start
            && toks[hi - 1].kind == TokenKind::Number
            && toks[hi + 1].kind == TokenKind::Number;
        if (boundary(t) && !abbreviation_dot && !in_number)
            || next_vp
            || (t.kind == TokenKind::Word && a.words.is_clause_opener(t.text(text)))
        {
            break;
        }
        hi += 1;
        if t.kind != TokenKind::Punct {
            words += 1;
        }
    }
    // Do not end on a function word.
    while hi > k + 1 {
        let w = toks[hi - 1].text(text).to_ascii_lowercase();
        if a.words.label_end_trimmed.contains(&w.as_str()) {
            hi -= 1;
        } else {
            break;
        }
    }
    // Nor on an amount without what it counts ("a fee of 65" → "a fee of 65 million euros").
    let mut extra = 0;
    let counted = |t: &crate::text::Token| {
        let w = t.text(text);
        t.kind == TokenKind::Word
            && !a.words.is_clause_opener(w)
            && !a.words.is_preposition(w)
            && !a.words.is_finite_auxiliary(w)
            && !a.words.is_article_or_coordinator(w)
    };
    let in_timex = |t: &crate::text::Token| a.in_timex(t);
    while extra < 2
        && hi < sent.tokens.end
        && counted(&toks[hi])
        && !in_timex(&toks[hi - 1])
        && (toks[hi - 1].kind == TokenKind::Number
            || a.words
                .scale_words
                .contains(&toks[hi - 1].text(text).to_ascii_lowercase().as_str()))
    {
        hi += 1;
        extra += 1;
    }
    // Not from inside a possessive ("bank's nine-member committee" → "nine-member committee").
    while lo < k && matches!(toks[lo].text(text), "'" | "’" | "s" | "-") {
        lo += 1;
    }
    let s = Span::new(toks[lo].span.start, toks[hi - 1].span.end).slice(text);
    let mut s = squash(s);
    // A reporting verb with nothing before it in its clause ("..., told that") takes the
    // sentence's first name as its subject ("James A. Lewis told").
    if lo == k && e.pos == Pos::Verb && e.class == EventClass::Reporting {
        if let Some(name) = first_name(a, sent, k) {
            s = format!("{name} {s}");
        }
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => e.text.clone(),
    }
}

/// The first run of capitalised words in the sentence before token `k`, outside time
/// expressions and parentheses.
fn first_name(a: &Doc, sent: &crate::text::Sentence, k: usize) -> Option<String> {
    let text = a.text;
    let toks = &a.analysis.tokens;
    let in_timex = |t: &crate::text::Token| a.in_timex(t);
    let mut depth = 0;
    let mut run: Vec<usize> = Vec::new();
    for i in sent.tokens.start..k {
        let t = &toks[i];
        let w = t.text(text);
        match w {
            "(" => depth += 1,
            ")" => depth -= 1,
            _ => {}
        }
        let capital = capitalised(t, text);
        let initial = run.last().is_some_and(|&j| j + 1 == i) && w == "." && toks[i - 1].span.len() == 1;
        if depth == 0
            && (capital || initial)
            && !in_timex(t)
            && !(run.is_empty() && a.words.sentence_openers.contains(&w))
        {
            if run.last().is_some_and(|&j| j + 1 != i) {
                break;
            }
            run.push(i);
        } else if !run.is_empty() {
            break;
        }
    }
    let (&f, &l) = (run.first()?, run.last()?);
    Some(Span::new(toks[f].span.start, toks[l].span.end).slice(text).to_string())
}

/// Is sentence `s` a headline: a line with no final stop (the document's first line is
/// checked by the callers)?
pub fn is_headline(d: &Doc, s: usize) -> bool {
    d.analysis
        .sentences
        .get(s)
        .is_some_and(|sent| reads_as_headline(sent.span.slice(d.text)))
}

/// Does a sentence's text read as a headline: no final stop? (The parse needs it first: it
/// parses a headline apart.)
pub use crate::syntax::reads_as_headline;
