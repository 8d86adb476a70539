//! `tempograph parse`: UD tokens, part of speech, lemmas and dependency trees.
//!
//! - `parse FILE…` reads raw text (UTF-8), splits sentences and tokens, and writes
//!   CoNLL-U: `# sent_id`, `# text`, every column predicted, and in MISC the token's
//!   character offsets in the file (`TokenRange=start:end`) and `SpaceAfter=No`.
//! - `parse --pretokenized FILE.conllu…` keeps the input's sentences, ids, forms,
//!   multiword tokens, comments and MISC, and predicts LEMMA, UPOS, XPOS, FEATS, HEAD and
//!   DEPREL (DEPS becomes `_`). Malformed CoNLL-U is an error with `file:line` (exit 2).
//! - `--format jsonl` writes one JSON object per sentence instead.
//!
//! `-` reads standard input.
use super::Outcome;
use crate::syntax::{self, conllu, Model, ParsedSentence};
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CoNLL-U.
    Conllu,
    /// One JSON object per sentence.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to parse (`-` for standard input).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The files are CoNLL-U with gold tokens: keep ID and FORM, predict the rest.
    #[arg(long)]
    pub pretokenized: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Conllu)]
    pub format: Format,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

fn read_input(path: &Path) -> crate::Result<String> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(|e| crate::Error::io("<stdin>", e))?;
        return crate::document::decode(Path::new("<stdin>"), bytes);
    }
    crate::document::read_text(path)
}

pub fn run(args: Args) -> crate::Result<Outcome> {
    let model = syntax::model()?;
    let mut out = String::new();
    let mut failed = false;
    for path in &args.files {
        let res = read_input(path).and_then(|text| {
            if args.pretokenized {
                pretokenized(model, path, &text, args.format, &mut out)
            } else {
                raw(model, path, &text, args.format, &mut out);
                Ok(())
            }
        });
        if let Err(e) = res {
            super::console::error(&e);
            failed = true;
        }
    }
    super::write_output(args.output.as_deref(), out, &args.files)?;
    Ok(if failed { Outcome::Failed } else { Outcome::Ok })
}

/// Byte offset → character offset, for increasing byte offsets.
struct Chars<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl Chars<'_> {
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

fn raw(model: &Model, path: &Path, text: &str, format: Format, out: &mut String) {
    let mut chars = Chars {
        text,
        byte: 0,
        chars: 0,
    };
    let name = path.display().to_string();
    for (n, s) in model.parse_text(text).iter().enumerate() {
        let sent_text: String = text[s.start..s.end].split_whitespace().collect::<Vec<_>>().join(" ");
        match format {
            Format::Conllu => {
                let conll = to_conllu(s, text, &mut chars, &format!("{name}#{}", n + 1), &sent_text);
                conllu::write_sentence(&conll, out);
            }
            Format::Jsonl => {
                let words: Vec<_> = s
                    .words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        json!({"id": i + 1, "form": w.form, "lemma": w.lemma, "upos": w.upos, "xpos": w.xpos,
                               "feats": w.feats, "head": w.head, "deprel": w.deprel,
                               "start": chars.at(w.start), "end": chars.at(w.end)})
                    })
                    .collect();
                let line = json!({"file": name, "sentence": n + 1, "start": chars.at(s.start), "end": chars.at(s.end),
                                  "text": sent_text, "words": words});
                out.push_str(&line.to_string());
                out.push('\n');
            }
        }
    }
}

fn to_conllu(s: &ParsedSentence, text: &str, chars: &mut Chars<'_>, id: &str, sent_text: &str) -> conllu::Sentence {
    let mut c = conllu::Sentence {
        comments: vec![format!("sent_id = {id}"), format!("text = {sent_text}")],
        ..Default::default()
    };
    let space_after = |end: usize| !text[end..].starts_with(char::is_whitespace) && end < text.len();
    let misc = |start: usize, end: usize, chars: &mut Chars<'_>| {
        let mut m = format!("TokenRange={}:{}", chars.at(start), chars.at(end));
        if space_after(end) {
            m.push_str("|SpaceAfter=No");
        }
        m
    };
    for &(first, last, start, end) in &s.multiwords {
        c.multiwords.push(conllu::MultiWord {
            first,
            last,
            form: text[start..end].to_string(),
            misc: misc(start, end, chars),
        });
    }
    for (i, w) in s.words.iter().enumerate() {
        let in_mwt = s.multiwords.iter().any(|m| m.0 <= i + 1 && i < m.1);
        c.words.push(conllu::Word {
            form: w.form.clone(),
            lemma: w.lemma.clone(),
            upos: w.upos.clone(),
            xpos: w.xpos.clone(),
            feats: w.feats.clone(),
            head: Some(w.head),
            deprel: w.deprel.clone(),
            deps: "_".into(),
            misc: if in_mwt {
                "_".into()
            } else {
                misc(w.start, w.end, chars)
            },
        });
    }
    c
}

fn pretokenized(model: &Model, path: &Path, text: &str, format: Format, out: &mut String) -> crate::Result<()> {
    let sentences =
        conllu::parse(text).map_err(|e| crate::Error::parse_at(path, Some(e.line), None, e.expected, e.found))?;
    let name = path.display().to_string();
    for (n, mut s) in sentences.into_iter().enumerate() {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let pred = model.analyze(&forms);
        match format {
            Format::Conllu => {
                for (w, p) in s.words.iter_mut().zip(pred) {
                    w.lemma = p.lemma;
                    w.upos = p.upos;
                    w.xpos = p.xpos;
                    w.feats = p.feats;
                    w.head = Some(p.head);
                    w.deprel = p.deprel;
                    w.deps = "_".into();
                }
                conllu::write_sentence(&s, out);
            }
            Format::Jsonl => {
                let words: Vec<_> = pred
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        json!({"id": i + 1, "form": w.form, "lemma": w.lemma, "upos": w.upos, "xpos": w.xpos,
                               "feats": w.feats, "head": w.head, "deprel": w.deprel})
                    })
                    .collect();
                let line = json!({"file": name, "sentence": n + 1, "line": s.line, "text": s.text(), "words": words});
                out.push_str(&line.to_string());
                out.push('\n');
            }
        }
    }
    Ok(())
}
