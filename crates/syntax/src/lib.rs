//! tempograph's syntactic layer: a tokenizer, tagger, lemmatizer and dependency parser
//! for Universal Dependencies, trained from a UD treebank and loaded from a model blob.
//!
//! Nothing in this crate names a language: the tokenizer's tables, the tag and label
//! sets, lemma rules and feature weights all come from the treebank the model was
//! trained on (`train-syntax`, feature `train`).
//!
//! ```text
//! raw text ──tokenize──▶ sentences of tokens ──tag──▶ UPOS/XPOS ──lemmatize──▶ LEMMA/FEATS
//!                                                  └──parse (arc-hybrid)──▶ HEAD/DEPREL
//! ```

#![deny(missing_docs)]

pub mod binio;
pub mod conllu;
pub mod format;
pub mod hash;
pub mod lemma;
pub mod model;
pub mod parser;
pub mod perceptron;
pub mod rng;
pub mod tagger;
pub mod tokenize;
pub mod tokfeat;
#[cfg(feature = "train")]
pub mod train;

pub use model::Model;

/// One analyzed syntactic word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedWord {
    /// The form.
    pub form: String,
    /// The lemma.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Treebank-specific part of speech.
    pub xpos: String,
    /// Morphological features (`_` when none).
    pub feats: String,
    /// 1-based head, 0 for the root.
    pub head: usize,
    /// Dependency relation.
    pub deprel: String,
    /// Byte offset of the token the word belongs to (a multiword token's words share it).
    pub start: usize,
    /// Byte offset after that token.
    pub end: usize,
}

/// One analyzed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSentence {
    /// Byte offset of the sentence's first token.
    pub start: usize,
    /// Byte offset after its last token.
    pub end: usize,
    /// The words.
    pub words: Vec<ParsedWord>,
    /// Multiword tokens: first and last word (1-based) and the byte span.
    pub multiwords: Vec<(usize, usize, usize, usize)>,
}

/// A hash of the code that turns words into features (comments and whitespace ignored):
/// the weights mean something only with the features they were trained on. The weights'
/// storage is versioned by [`model::FORMAT`]; the learned tables (tokenizer, lemmas) are
/// data in the model, and the code that learns them is checked by retraining the model
/// byte for byte (`scripts/syntax-guard.sh --reproduce`). A model's manifest records it; a test compares it with the code, so a
/// change to the features cannot go unnoticed while an old model is shipped.
pub fn feature_hash() -> String {
    let sources = [
        include_str!("tokfeat.rs"),
        include_str!("tagger.rs"),
        include_str!("parser.rs"),
        include_str!("hash.rs"),
    ];
    // Code only: comment lines dropped, all whitespace (line breaks too) removed, so that
    // reformatting or documenting the code keeps the hash.
    let mut code = String::new();
    for src in sources {
        for line in src.lines() {
            let t = line.trim();
            if t.starts_with("//") {
                continue;
            }
            code.extend(t.chars().filter(|c| !c.is_whitespace()));
        }
    }
    let h = hash::str(&code);
    format!("{h:016x}")
}
