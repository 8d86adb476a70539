//! The syntactic layer: UD tokens, part of speech, lemmas and dependency trees for the
//! pipeline and for `tempograph parse`, from the model embedded in the binary
//! (`models/en/ud-ewt/`, trained from the UD English EWT treebank by
//! `train-syntax`; see docs/SYNTAX.md). The model is read once, on first use; `tag`
//! never loads it.

use std::sync::OnceLock;
pub use tempograph_syntax::{conllu, Model, ParsedSentence, ParsedWord};

/// The embedded model's bytes.
static MODEL_BYTES: &[u8] = include_bytes!("../../../models/en/ud-ewt/model.bin");
/// Its manifest.
pub static MANIFEST: &str = include_str!("../../../models/en/ud-ewt/manifest.toml");

/// The embedded model, loaded on first use.
pub fn model() -> tempograph_core::error::Result<&'static Model> {
    static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(MODEL_BYTES))
        .as_ref()
        .map_err(|e| tempograph_core::error::Error::tool("syntax model", e.clone()))
}

/// Parses the byte range `start..end` of `text` as one sentence (tokenized by the
/// model's tokenizer, never split further). Offsets in the result are into `text`.
pub fn parse_span(model: &Model, text: &str, start: usize, end: usize) -> ParsedSentence {
    model.parse_tokens(text, &span_tokens(model, text, start, end))
}

/// [`parse_span`] for a headline (a document's first sentence with no final stop, followed
/// by a body): a headline the tagger left with no verb gets its second reading
/// ([`Model::parse_headline`]: "Mayor resigns", "Chief executive steps down").
pub fn parse_headline_span(model: &Model, text: &str, start: usize, end: usize) -> ParsedSentence {
    model.parse_headline(text, &span_tokens(model, text, start, end))
}

/// Dashes that end a wire dateline (`LYON, March 19 — The mayor ...`).
const DATELINE_DASHES: &[&str] = &["—", "–", "-", "--"];

/// The most tokens a dateline has before its dash (`BREST, France, Jan. 12 (AP) -`).
const DATELINE_MAX: usize = 12;

/// The index of the dash that ends the dateline opening a lead's tokens: an upper-case
/// place (`LYON`, `NEW YORK`) and then only capitalised words, numbers, commas, full stops
/// and a wire agency in parentheses before a dash.
fn dateline_dash(text: &str, tokens: &[tempograph_syntax::tokenize::Token]) -> Option<usize> {
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    let first = word(0);
    if first.chars().count() < 2 || !first.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    let k = (1..tokens.len().min(DATELINE_MAX + 1)).find(|&k| DATELINE_DASHES.contains(&word(k)))?;
    (1..k)
        .all(|j| {
            let w = word(j);
            w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(w, "," | "." | "(" | ")")
        })
        .then_some(k)
}

/// [`parse_span`] for a lead (the document's first sentence, or the one after its
/// headline): a wire dateline that opens it (`LYON, March 19 —`) is parsed on its own and
/// hung on the body's root as a `parataxis`, so that its place is never read as the
/// subject of the lead's verb ("LYON ... The mayor of Lyon resigned": the mayor resigned).
pub fn parse_lead_span(model: &Model, text: &str, start: usize, end: usize) -> ParsedSentence {
    let tokens = span_tokens(model, text, start, end);
    let Some(k) = dateline_dash(text, &tokens).filter(|&k| k + 1 < tokens.len()) else {
        return model.parse_tokens(text, &tokens);
    };
    let mut head = model.parse_tokens(text, &tokens[..=k]);
    let body = model.parse_tokens(text, &tokens[k + 1..]);
    let Some(root) = body.words.iter().position(|w| w.head == 0) else {
        return model.parse_tokens(text, &tokens);
    };
    let n = head.words.len();
    for w in &mut head.words {
        if w.head == 0 {
            w.head = n + root + 1;
            w.deprel = PARATAXIS.to_string();
        }
    }
    for mut w in body.words {
        if w.head > 0 {
            w.head += n;
        }
        head.words.push(w);
    }
    head.multiwords
        .extend(body.multiwords.into_iter().map(|(a, b, s, e)| (a + n, b + n, s, e)));
    head.end = body.end;
    head
}

/// The relation a lead's dateline hangs on (see [`parse_lead_span`]).
const PARATAXIS: &str = "parataxis";

/// The model's tokens of `text[start..end]`, with offsets into `text`.
fn span_tokens(model: &Model, text: &str, start: usize, end: usize) -> Vec<tempograph_syntax::tokenize::Token> {
    let mut tokens = model.tokenizer.tokens(&text[start..end]);
    for t in &mut tokens {
        t.start += start;
        t.end += start;
    }
    tokens
}

/// The parse of a document: one [`ParsedSentence`] per sentence of its
/// [`crate::text::Analysis`], with offsets into the document's text.
#[derive(Clone, Debug, Default)]
pub struct DocParse {
    /// Per sentence (empty when no model could be loaded).
    pub sentences: Vec<ParsedSentence>,
    /// Per sentence, the dependents of each word, as offsets into a flat list (word `h`'s
    /// dependents are `list[offsets[h]..offsets[h + 1]]`, in word order): looking them up
    /// is constant time, where a scan of the sentence per question was quadratic in one
    /// long unpunctuated sentence.
    children: Vec<(Vec<u32>, Vec<u32>)>,
}

/// The dependents of every word of `p`: offsets and a flat list (see [`DocParse::children`]).
fn children_index(p: &ParsedSentence) -> (Vec<u32>, Vec<u32>) {
    let n = p.words.len();
    let mut count = vec![0u32; n + 1];
    for w in &p.words {
        if w.head > 0 && w.head <= n {
            count[w.head] += 1;
        }
    }
    // offsets[h] = dependents of words before h.
    let mut offsets = vec![0u32; n + 1];
    for h in 0..n {
        offsets[h + 1] = offsets[h] + count[h + 1];
    }
    let mut fill = offsets.clone();
    let mut list = vec![0u32; offsets[n] as usize];
    for (i, w) in p.words.iter().enumerate() {
        if w.head > 0 && w.head <= n {
            let h = w.head - 1;
            list[fill[h] as usize] = i as u32;
            fill[h] += 1;
        }
    }
    (offsets, list)
}

/// Relations that open a clause of their own: a time expression inside one dates that
/// clause's predicate, not a predicate outside it.
const CLAUSE_RELATIONS: &[&str] = &["root", "acl", "advcl", "ccomp", "csubj", "xcomp", "parataxis"];

/// Does a sentence's text read as a headline: no final stop?
pub fn reads_as_headline(sentence: &str) -> bool {
    !sentence.trim_end().ends_with(['.', '!', '?', '"', '”', ':'])
}

impl DocParse {
    /// Parses every sentence of an analysed text.
    pub fn of(text: &str, analysis: &crate::text::Analysis) -> DocParse {
        let Ok(m) = model() else {
            return DocParse::default();
        };
        // A headline: the first sentence with no final stop and a body after it; the lead is
        // the sentence after it, or the first one.
        let headline = analysis.sentences.len() > 1
            && analysis
                .sentences
                .first()
                .is_some_and(|s| reads_as_headline(s.span.slice(text)));
        let sentences: Vec<ParsedSentence> = analysis
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if i == 0 && headline {
                    parse_headline_span(m, text, s.span.start, s.span.end)
                } else if i == usize::from(headline) {
                    parse_lead_span(m, text, s.span.start, s.span.end)
                } else {
                    parse_span(m, text, s.span.start, s.span.end)
                }
            })
            .collect();
        let children = sentences.iter().map(children_index).collect();
        DocParse { sentences, children }
    }

    /// A parse from sentences parsed elsewhere (an extraction record), with its index.
    pub fn from_sentences(sentences: Vec<ParsedSentence>) -> DocParse {
        let children = sentences.iter().map(children_index).collect();
        DocParse { sentences, children }
    }

    /// The dependents of word `h` (0-based) of sentence `s`, in word order.
    pub fn children(&self, s: usize, h: usize) -> &[u32] {
        match self.children.get(s) {
            Some((offsets, list)) if h + 1 < offsets.len() => &list[offsets[h] as usize..offsets[h + 1] as usize],
            _ => &[],
        }
    }

    /// The word (0-based) of sentence `s` whose token holds byte `pos`.
    pub fn word_at(&self, s: usize, pos: usize) -> Option<usize> {
        let ws = &self.sentences.get(s)?.words;
        // Words are in text order: the first whose end is past `pos` is the only candidate
        // (several words of one multiword token share its span: the first of them).
        let i = ws.partition_point(|w| w.end <= pos);
        let w = ws.get(i)?;
        (w.start <= pos && pos < w.end).then_some(i)
    }

    /// The word of sentence `s` whose token holds byte `pos` ([`DocParse::word_at`]), with
    /// its sentence.
    pub fn word_in(&self, s: usize, pos: usize) -> Option<(usize, &ParsedSentence)> {
        Some((self.word_at(s, pos)?, self.sentences.get(s)?))
    }

    /// The head word of the byte span `start..end` in sentence `s`: the first word inside
    /// whose head lies outside it.
    pub fn span_head(&self, s: usize, start: usize, end: usize) -> Option<usize> {
        let ws = &self.sentences.get(s)?.words;
        let inside = |i: usize| ws[i].start >= start && ws[i].end <= end;
        let from = ws.partition_point(|w| w.start < start);
        (from..ws.len())
            .take_while(|&i| ws[i].start < end)
            .find(|&i| inside(i) && (ws[i].head == 0 || !inside(ws[i].head - 1)))
    }

    /// The head of word `w` (0-based), `None` for the root.
    pub fn head(&self, s: usize, w: usize) -> Option<usize> {
        let h = self.sentences.get(s)?.words.get(w)?.head;
        (h > 0).then(|| h - 1)
    }

    /// The relation of word `w` to its head.
    pub fn deprel(&self, s: usize, w: usize) -> &str {
        self.sentences
            .get(s)
            .and_then(|x| x.words.get(w))
            .map_or("", |x| x.deprel.as_str())
    }

    /// The predicate whose clause holds word `w`: `w` itself or its nearest ancestor that
    /// heads a clause (root, relative/adverbial/complement clause, parataxis, or a
    /// coordinated verb).
    pub fn clause_of(&self, s: usize, mut w: usize) -> usize {
        let Some(sent) = self.sentences.get(s) else { return w };
        for _ in 0..sent.words.len() {
            let x = &sent.words[w];
            let base = x.deprel.split(':').next().unwrap_or("");
            if CLAUSE_RELATIONS.contains(&base) || (base == "conj" && x.upos == "VERB") || x.head == 0 {
                return w;
            }
            w = x.head - 1;
        }
        w
    }

    /// Whether the clause headed by word `c` is marked as subordinate by its words: a
    /// relative clause (`acl:relcl`), or a clause with a `mark` dependent (a subordinator,
    /// infinitival `to`).
    pub fn marked_subordinate(&self, s: usize, c: usize) -> bool {
        let Some(sent) = self.sentences.get(s) else {
            return false;
        };
        let Some(x) = sent.words.get(c) else { return false };
        if x.head == 0 {
            return false;
        }
        x.deprel == "acl:relcl"
            || self
                .children(s, c)
                .iter()
                .any(|&d| sent.words[d as usize].deprel.split(':').next() == Some("mark"))
    }

    /// Whether word `a` is `b` or an ancestor of it.
    pub fn dominates(&self, s: usize, a: usize, mut b: usize) -> bool {
        let Some(sent) = self.sentences.get(s) else {
            return false;
        };
        for _ in 0..=sent.words.len() {
            if a == b {
                return true;
            }
            match sent.words.get(b).map(|x| x.head) {
                Some(h) if h > 0 => b = h - 1,
                _ => return false,
            }
        }
        false
    }

    /// Whether word `w`'s clause is the sentence's main clause, or joined to it by
    /// coordination or parataxis only.
    pub fn in_main_clause(&self, s: usize, w: usize) -> bool {
        let Some(sent) = self.sentences.get(s) else { return true };
        let mut c = self.clause_of(s, w);
        for _ in 0..sent.words.len() {
            let x = &sent.words[c];
            let base = x.deprel.split(':').next().unwrap_or("");
            match base {
                "root" => return true,
                "conj" | "parataxis" => match x.head {
                    0 => return true,
                    h => c = self.clause_of(s, h - 1),
                },
                _ => return false,
            }
        }
        false
    }
}
