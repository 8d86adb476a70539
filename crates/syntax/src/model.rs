//! A syntax model: tokenizer data, tagger, lemmatizer and parser for one treebank, in one
//! binary blob with a versioned header.
//!
//! Format 3: the magic `TGSYNTAX`, the format (u32), the length of the body (u64), then the
//! body packed with DEFLATE in a zlib stream (its Adler-32 checksum is checked on reading).
//! The body is the treebank name, the tokenizer, the tagger, the lemmatizer and the parser,
//! each as its `write` lays it out; the weights column by column ([`Weights::write`]).
//! Format 2 was the same body unpacked, with the weights row by row; the feature `train`
//! still reads it, to convert a model ([`Model::from_format2_bytes`]).
//!
//! [`Weights::write`]: crate::perceptron::Weights::write

use crate::binio::{ReadError, Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::parser::{Input, Parser};
use crate::tagger::Tagger;
use crate::tokenize::{Token, Tokenizer};
use crate::tokfeat;
use crate::{hash, ParsedSentence, ParsedWord};

const MAGIC: &[u8; 8] = b"TGSYNTAX";
/// Version of the binary layout.
pub const FORMAT: u32 = 3;
/// The DEFLATE level the body is packed with (miniz_oxide's highest); fixed, so that the
/// same model gives the same bytes.
const LEVEL: u8 = 10;

/// A complete model.
#[derive(Debug, Clone)]
pub struct Model {
    /// Treebank name (e.g. `UD_English-EWT`), from the training command.
    pub treebank: String,
    /// Raw-text tokenization and sentence splitting.
    pub tokenizer: Tokenizer,
    /// UPOS/XPOS.
    pub tagger: Tagger,
    /// Lemmas and FEATS.
    pub lemmatizer: Lemmatizer,
    /// Heads and relations.
    pub parser: Parser,
}

/// The format number of a model's bytes, after checking the magic.
fn format_of(bytes: &[u8]) -> Result<u32, ReadError> {
    if bytes.len() < 12 || &bytes[..8] != MAGIC {
        return Err("not a tempograph syntax model (bad magic)".into());
    }
    Reader::new(&bytes[8..12], FORMAT).u32()
}

impl Model {
    /// Reads a model of the current format. A model of another format, a truncated or
    /// damaged one is an error that says so, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ReadError> {
        let v = format_of(bytes)?;
        if v != FORMAT {
            let how = if v == 2 {
                " (convert it with `train-syntax --convert`, see docs/SYNTAX.md)"
            } else {
                ""
            };
            return Err(format!("syntax model format {v}, this build reads {FORMAT}{how}"));
        }
        let mut r = Reader::new(&bytes[12..], FORMAT);
        let len = r.u64()?;
        let packed = &bytes[20..];
        let limit = usize::try_from(len).unwrap_or(usize::MAX);
        let body = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(packed, limit).map_err(|e| {
            if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                format!("model corrupt: the body unpacks to more than the {len} bytes its header says")
            } else {
                format!("model corrupt: the packed body does not unpack ({:?})", e.status)
            }
        })?;
        if body.len() as u64 != len {
            return Err(format!(
                "model corrupt: the body unpacks to {} bytes, its header says {len}",
                body.len()
            ));
        }
        Self::read_body(Reader::new(&body, FORMAT))
    }

    /// Reads a model of format 2 (unpacked, weights row by row), to convert it: its
    /// [`Model::to_bytes`] is the same model in the current format.
    #[cfg(feature = "train")]
    pub fn from_format2_bytes(bytes: &[u8]) -> Result<Model, ReadError> {
        let v = format_of(bytes)?;
        if v != 2 {
            return Err(format!("syntax model format {v}, expected format 2"));
        }
        Self::read_body(Reader::new(&bytes[12..], 2))
    }

    fn read_body(mut r: Reader<'_>) -> Result<Model, ReadError> {
        let treebank = r.str()?;
        let tokenizer = Tokenizer::read(&mut r)?;
        let tagger = Tagger::read(&mut r)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let parser = Parser::read(&mut r)?;
        if !r.at_end() {
            return Err("model corrupt: trailing bytes".into());
        }
        Ok(Model {
            treebank,
            tokenizer,
            tagger,
            lemmatizer,
            parser,
        })
    }

    /// The model's body unpacked (what [`Model::to_bytes`] packs); two models with the same
    /// body score, tag and parse alike.
    pub fn body(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.str(&self.treebank);
        self.tokenizer.write(&mut w);
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        w.buf
    }

    /// Writes the model in the current format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let body = self.body();
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT);
        w.u64(body.len() as u64);
        w.buf
            .extend_from_slice(&miniz_oxide::deflate::compress_to_vec_zlib(&body, LEVEL));
        w.buf
    }

    /// Tags, lemmatizes and parses one tokenized sentence (syntactic words).
    ///
    /// A statement needs a finite verb: when a sentence that ends with a full stop has
    /// none, and a past participle right after a noun or pronoun has the finite past form as
    /// its runner-up tag ("The bank raised rates on Monday." tagged `raised` as a participle, a
    /// reduced relative), that word is tagged so and the sentence parsed again; the new
    /// parse is kept when it makes that word the root. A statement the tagger left with no
    /// verb at all ("The chief executive resigned on Monday." with `resigned` a noun) gets
    /// the same second reading ([`Model::verbless_retry`]).
    pub fn analyze<S: AsRef<str>>(&self, forms: &[S]) -> Vec<ParsedWord> {
        self.analyze_as(forms, false)
    }

    /// [`Model::analyze`] for a headline (a document's first line with no final stop,
    /// followed by its body): a headline is a clause told in the historical present
    /// ("Mayor resigns", "Chief executive steps down"), so when the tagger's best reading
    /// leaves it with no verb, the noun after its subject that can be read as a finite verb
    /// is tried as one ([`Model::verbless_retry`]).
    pub fn analyze_headline<S: AsRef<str>>(&self, forms: &[S]) -> Vec<ParsedWord> {
        self.analyze_as(forms, true)
    }

    fn analyze_as<S: AsRef<str>>(&self, forms: &[S], headline: bool) -> Vec<ParsedWord> {
        if forms.is_empty() {
            return Vec::new();
        }
        let keys = tokfeat::sentence_keys(forms);
        let mut tags = self.tagger.tag_alt(&keys);
        let amb = crate::tagger::ambiguity_of(&self.tagger.ambiguity, &keys);
        let words = self.analyze_tagged(forms, &keys, &tags, &amb);
        if let Some(i) = self.finite_candidate(&words, &tags) {
            tags[i] = (tags[i].1, tags[i].0);
            let again = self.analyze_tagged(forms, &keys, &tags, &amb);
            if again[i].head == 0 {
                return again;
            }
        }
        let n = words.len();
        let statement = n >= 4 && words[n - 1].form == "." && words[n - 1].upos == "PUNCT";
        let headline = headline && n >= 2 && words[n - 1].upos != "PUNCT";
        if statement || headline {
            if let Some(again) = self.verbless_retry(forms, &keys, &amb, &words, headline) {
                return again;
            }
        }
        words
    }

    /// A second reading of a sentence (a statement or a headline) the tagger left with no
    /// verb at all: the first noun after a nominal (its subject) that the tagger can read as a
    /// finite verb is tagged with its best finite verb tag, the words after it tagged again
    /// in that light ("Company shuts down plant": `down` a particle), and the sentence parsed
    /// again; the new parse is kept when that word is the root with a subject before it.
    /// A finite verb tag is one the lemmatizer gives `VerbForm=Fin` (see the tiers below); in
    /// a statement, a past one (news tells what happened: a verbless review snippet, "Good
    /// local bike shop.", stays a noun phrase).
    fn verbless_retry<S: AsRef<str>>(
        &self,
        forms: &[S],
        keys: &[tokfeat::WordKeys],
        amb: &[u64],
        words: &[ParsedWord],
        headline: bool,
    ) -> Option<Vec<ParsedWord>> {
        const FINITE: &str = "VerbForm=Fin";
        const PAST: &str = "Tense=Past";
        const NUMBER: &str = "Number=";
        if words.iter().any(|w| matches!(w.upos.as_str(), "VERB" | "AUX")) {
            return None;
        }
        // The word before the verb heads its subject: a noun, a name, a pronoun, a number,
        // or an adjective after a modifier ("Chief executive", "The chief executive": an
        // adjective alone before a plural, "New hopes", "Record profits", is a noun phrase).
        let nominal = |i: usize| match words[i].upos.as_str() {
            "NOUN" | "PROPN" | "PRON" | "NUM" => true,
            "ADJ" => i >= 1,
            _ => false,
        };
        let (_, scores) = self.decode(keys, &[]);
        for i in 1..words.len() {
            if words[i].upos != "NOUN" || !nominal(i - 1) {
                continue;
            }
            let form = forms[i].as_ref();
            // The finite verb tags, best first among those of the surest kind: a form the
            // treebank had with that tag, then one whose lemma it had as a verb, then one that
            // strips an ending to a lemma the treebank never had as a word (`resigns`,
            // `resigned`; not `warnings`: `warning` is a noun it had).
            let tier = |c: usize| {
                let (upos, xpos) = &self.tagger.labels[c];
                let (l, feats) = self.lemmatizer.lemmatize(form, xpos);
                let finite = feats.split('|').any(|f| f == FINITE);
                // An ending stripped (`resigned` → `resign`), not a form read as its own lemma.
                let inflected = l.len() < form.len() && form.to_lowercase().starts_with(&l);
                if upos != "VERB" || !finite || !headline && !feats.split('|').any(|f| f == PAST) {
                    None
                } else if self.lemmatizer.knows_as(form, xpos) {
                    Some(0)
                } else if self.verb_base(&l) && (headline || inflected) {
                    Some(1)
                } else if !self.lemmatizer.knows(&l) && inflected {
                    Some(2)
                } else {
                    None
                }
            };
            let verb = (0..3).find_map(|t| crate::perceptron::argmax(&scores[i], |c| tier(c) == Some(t)));
            let Some(v) = verb else { continue };
            // A subject's head is a noun: an adjective right before the verb ("Chief
            // executive steps down") is read as the noun it can be.
            let mut forced = vec![(i, v)];
            if words[i - 1].upos == "ADJ" {
                let prev = forms[i - 1].as_ref();
                let noun = |known: bool| {
                    crate::perceptron::argmax(&scores[i - 1], |c| {
                        let (upos, xpos) = &self.tagger.labels[c];
                        upos == "NOUN"
                            && self
                                .lemmatizer
                                .lemmatize(prev, xpos)
                                .1
                                .split('|')
                                .all(|f| f.starts_with(NUMBER))
                            && (!known || self.lemmatizer.knows_as(prev, xpos))
                    })
                };
                forced.extend(noun(true).or_else(|| noun(false)).map(|l| (i - 1, l)));
            }
            let (tags, _) = self.decode(keys, &forced);
            let again = self.analyze_tagged(forms, keys, &tags, amb);
            let subject = (0..i).any(|j| again[j].head == i + 1 && again[j].deprel.starts_with("nsubj"));
            if again[i].head == 0 && subject {
                return Some(again);
            }
        }
        None
    }

    /// Whether the treebank had `lemma` as a verb form that is its own lemma (a base form:
    /// `resign`, `step`; not `warning`, whose lemma is `warn`).
    fn verb_base(&self, lemma: &str) -> bool {
        self.tagger.labels.iter().any(|(upos, xpos)| {
            upos == "VERB" && self.lemmatizer.knows_as(lemma, xpos) && self.lemmatizer.lemmatize(lemma, xpos).0 == lemma
        })
    }

    /// The tagger's greedy decoding ([`Tagger::tag_alt`]), with word `forced.0` given the
    /// label `forced.1` by both passes (the first pass's tags of the words around it are
    /// features of the second, so the whole sentence is tagged again in its light: "Chief
    /// executive steps down" with `steps` a verb reads `executive` as a noun); also every
    /// word's label scores.
    ///
    /// [`Tagger::tag_alt`]: crate::tagger::Tagger::tag_alt
    fn decode(&self, keys: &[tokfeat::WordKeys], forced: &[(usize, usize)]) -> (Vec<(usize, usize)>, Vec<Vec<f32>>) {
        decode_with(&self.tagger, keys, forced)
    }

    /// The word to read as the finite verb of a statement without one (see [`analyze`]).
    fn finite_candidate(&self, words: &[ParsedWord], tags: &[(usize, usize)]) -> Option<usize> {
        const FINITE: &str = "VerbForm=Fin";
        const PAST: &str = "Tense=Past";
        const PARTICIPLE: &str = "VerbForm=Part";
        let n = words.len();
        let statement = n >= 4 && words[n - 1].form == "." && words[n - 1].upos == "PUNCT";
        let finite = words.iter().any(|w| w.feats.contains(FINITE));
        let verb_root = words
            .iter()
            .any(|w| w.head == 0 && matches!(w.upos.as_str(), "VERB" | "AUX"));
        if !statement || finite || verb_root {
            return None;
        }
        let has = |feats: &str, a: &str, b: &str| {
            let mut f = feats.split('|');
            f.clone().any(|x| x == a) && f.any(|x| x == b)
        };
        (1..n - 1).find(|&i| {
            let (upos, xpos) = &self.tagger.labels[tags[i].1];
            upos == "VERB"
                && words[i].upos == "VERB"
                && has(&words[i].feats, PARTICIPLE, PAST)
                && matches!(words[i - 1].upos.as_str(), "NOUN" | "PROPN" | "PRON")
                && has(&self.lemmatizer.lemmatize(&words[i].form, xpos).1, FINITE, PAST)
        })
    }

    /// [`analyze`] with the tags given.
    fn analyze_tagged<S: AsRef<str>>(
        &self,
        forms: &[S],
        keys: &[tokfeat::WordKeys],
        tags: &[(usize, usize)],
        amb: &[u64],
    ) -> Vec<ParsedWord> {
        let mut words: Vec<ParsedWord> = Vec::with_capacity(forms.len());
        let mut input = Vec::with_capacity(forms.len());
        for (i, f) in forms.iter().enumerate() {
            let (upos, xpos) = &self.tagger.labels[tags[i].0];
            let (lemma, feats) = self.lemmatizer.lemmatize(f.as_ref(), xpos);
            input.push(Input {
                keys: keys[i],
                xpos: hash::str(xpos),
                upos: hash::str(upos),
                amb: amb[i],
                alt: hash::str(&self.tagger.labels[tags[i].1].1),
            });
            words.push(ParsedWord {
                form: f.as_ref().to_string(),
                lemma,
                upos: upos.clone(),
                xpos: xpos.clone(),
                feats,
                head: 0,
                deprel: String::new(),
                start: 0,
                end: 0,
            });
        }
        for (i, (h, l)) in self.parser.parse(&input).into_iter().enumerate() {
            words[i].head = if h == usize::MAX { 0 } else { h + 1 };
            words[i].deprel = self.parser.labels[l].clone();
        }
        words
    }

    /// Tags only (for callers that need no tree).
    pub fn tag<S: AsRef<str>>(&self, forms: &[S]) -> Vec<(String, String)> {
        let keys = tokfeat::sentence_keys(forms);
        self.tagger
            .tag(&keys)
            .into_iter()
            .map(|t| self.tagger.labels[t].clone())
            .collect()
    }

    /// Splits raw text into sentences and tokens and analyzes each sentence. Offsets
    /// are byte offsets into `text`.
    pub fn parse_text(&self, text: &str) -> Vec<ParsedSentence> {
        self.tokenizer
            .sentences(text)
            .into_iter()
            .map(|tokens| self.parse_tokens(text, &tokens))
            .collect()
    }

    /// Analyzes one sentence given as tokens of `text`.
    pub fn parse_tokens(&self, text: &str, tokens: &[Token]) -> ParsedSentence {
        self.parse_tokens_as(text, tokens, false)
    }

    /// [`Model::parse_tokens`] for a headline ([`Model::analyze_headline`]).
    pub fn parse_headline(&self, text: &str, tokens: &[Token]) -> ParsedSentence {
        self.parse_tokens_as(text, tokens, true)
    }

    fn parse_tokens_as(&self, text: &str, tokens: &[Token], headline: bool) -> ParsedSentence {
        let mut forms: Vec<&str> = Vec::new();
        let mut spans = Vec::new();
        let mut multiwords = Vec::new();
        for t in tokens {
            // A multiword token whose surface the treebank also has as one word ("its",
            // a possessive, besides the misspelt "its" = "it 's") stays one word.
            if t.parts.is_empty() || self.lemmatizer.knows(&text[t.start..t.end]) {
                forms.push(&text[t.start..t.end]);
                spans.push((t.start, t.end));
            } else {
                let first = forms.len() + 1;
                for p in &t.parts {
                    forms.push(p);
                    spans.push((t.start, t.end));
                }
                multiwords.push((first, forms.len(), t.start, t.end));
            }
        }
        let mut words = self.analyze_as(&forms, headline);
        for (w, (s, e)) in words.iter_mut().zip(spans) {
            w.start = s;
            w.end = e;
        }
        let start = tokens.first().map_or(0, |t| t.start);
        let end = tokens.last().map_or(0, |t| t.end);
        ParsedSentence {
            start,
            end,
            words,
            multiwords,
        }
    }
}

/// [`Model::decode`] with tagger `t` (its first pass decoded the same way, the same word forced).
fn decode_with(
    t: &crate::tagger::Tagger,
    keys: &[tokfeat::WordKeys],
    forced: &[(usize, usize)],
) -> (Vec<(usize, usize)>, Vec<Vec<f32>>) {
    let amb = crate::tagger::ambiguity_of(&t.ambiguity, keys);
    let stack: Vec<u64> = match &t.first {
        Some(f) => decode_with(f, keys, forced).0.into_iter().map(|x| x.0 as u64).collect(),
        None => Vec::new(),
    };
    let mut chosen: Vec<usize> = Vec::with_capacity(keys.len());
    let mut out = Vec::with_capacity(keys.len());
    let mut all = Vec::with_capacity(keys.len());
    let mut feats = Vec::with_capacity(40);
    for i in 0..keys.len() {
        let (p1, p2) = (crate::tagger::prev(&chosen, i, 1), crate::tagger::prev(&chosen, i, 2));
        crate::tagger::features(keys, &amb, &stack, i, p1, p2, &mut feats);
        let mut scores = vec![0f32; t.labels.len()];
        t.weights.score(&feats, &mut scores);
        let best = crate::perceptron::argmax(&scores, |_| true).unwrap_or(0);
        let second = crate::perceptron::argmax(&scores, |c| c != best).unwrap_or(best);
        let pair = match forced.iter().find(|&&(j, l)| j == i && l < t.labels.len()) {
            Some(&(_, l)) => (l, best),
            None => (best, second),
        };
        chosen.push(pair.0);
        out.push(pair);
        all.push(scores);
    }
    (out, all)
}
