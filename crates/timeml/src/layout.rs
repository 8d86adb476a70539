//! The sentences of a TimeML file laid out one per paragraph: the text a file of `<s>`
//! elements (the SemEval-2015 TimeLine corpora) is read as, by `build` and by the timeline
//! evaluation alike. Once the tags are gone, the sentences of such a file run together
//! ("… aroused .The dispute"); laid out, each is a paragraph of its own, so each is a sentence
//! of the analysis.
//!
//! | `<TEXT>` (tags removed)                  | laid-out text                         | sentences            |
//! |------------------------------------------|---------------------------------------|----------------------|
//! | `<s id="0"> A rose .</s><s id="1">B fell .</s>` | `A rose .` ⏎⏎ `B fell .`       | `0` at 0..8, `1` at 10..17 |
//! | no `<s>` element                         | empty                                 | none                 |
//!
//! # Grammar
//!
//! Every `<s>` element, in document order, trimmed, joined by a blank line (`"\n\n"`); an
//! element's `id` attribute is its sentence id (a TimeLine mention is `docid-id-word`).

use crate::text::Span;
use crate::TimemlDoc;

/// The `<s>` sentences of a TimeML document, one per paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The trimmed sentences joined by blank lines.
    pub text: String,
    /// Every `<s>` element, in document order.
    pub sentences: Vec<Sentence>,
}

/// One `<s>` element of a [`Layout`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Its `id` attribute.
    pub id: Option<String>,
    /// The trimmed sentence, as a span of [`Layout::text`].
    pub span: Span,
    /// The element, as a span of the TimeML document's text.
    pub source: Span,
    /// Where the trimmed sentence starts in the TimeML document's text.
    source_start: usize,
}

impl Layout {
    /// Lay out the `<s>` elements of `doc` (an empty layout when it has none).
    pub fn of(doc: &TimemlDoc) -> Layout {
        let mut text = String::new();
        let mut sentences = Vec::new();
        for a in doc.tagged("s") {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let raw = a.span.slice(&doc.text);
            let lead = raw.len() - raw.trim_start().len();
            let start = text.len();
            text.push_str(raw.trim());
            sentences.push(Sentence {
                id: a.attr(crate::format::timeml::SENTENCE_ID).map(str::to_string),
                span: Span::new(start, text.len()),
                source: a.span,
                source_start: a.span.start + lead,
            });
        }
        Layout { text, sentences }
    }

    /// A span of the TimeML document's text as a span of the laid-out text: `None` when it is
    /// not inside one `<s>` element.
    pub fn place(&self, span: Span) -> Option<Span> {
        let s = self.sentences.iter().find(|s| s.source.contains(&span))?;
        let at = |x: usize| (x as isize + s.span.start as isize - s.source_start as isize) as usize;
        Some(Span::new(at(span.start), at(span.end)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn doc(text: &str) -> TimemlDoc {
        let src = format!("<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2007-01-12\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>\n<TEXT>{text}</TEXT>\n</TimeML>\n");
        crate::parse(Path::new("x.tml"), &src).unwrap()
    }

    /// A TimeML `<TEXT>`, its laid-out text, the ids of its sentences, and each `<EVENT>` as
    /// placed: its laid-out text, or `None` when it is outside every sentence.
    struct Case {
        tml: &'static str,
        text: &'static str,
        ids: &'static [Option<&'static str>],
        events: &'static [Option<&'static str>],
    }

    const CASES: &[Case] = &[
        Case {
            tml:
                "<s id=\"0\"> A <EVENT eid=\"e1\">rose</EVENT> .</s><s id=\"1\">B <EVENT eid=\"e2\">fell</EVENT> .</s>",
            text: "A rose .\n\nB fell .",
            ids: &[Some("0"), Some("1")],
            events: &[Some("rose"), Some("fell")],
        },
        // An element without an id keeps its text and has no id.
        Case {
            tml: "<s>\n  One .\n</s>\n<s id=\"7\">Two <EVENT eid=\"e1\">went</EVENT>.</s>",
            text: "One .\n\nTwo went.",
            ids: &[None, Some("7")],
            events: &[Some("went")],
        },
        // Negative: an event outside every sentence is not placed; no <s>, no layout.
        Case {
            tml: "<EVENT eid=\"e1\">Title</EVENT> <s id=\"0\">Body .</s>",
            text: "Body .",
            ids: &[Some("0")],
            events: &[None],
        },
        Case {
            tml: "Plain <EVENT eid=\"e1\">text</EVENT> .",
            text: "",
            ids: &[],
            events: &[None],
        },
    ];

    #[test]
    fn sentences_are_laid_out_one_per_paragraph() {
        for Case { tml, text, ids, events } in CASES {
            let d = doc(tml);
            let l = Layout::of(&d);
            assert_eq!(l.text, *text, "{tml}");
            let got: Vec<Option<&str>> = l.sentences.iter().map(|s| s.id.as_deref()).collect();
            assert_eq!(got, *ids, "{tml}");
            for s in &l.sentences {
                assert_eq!(s.span.slice(&l.text), s.source.slice(&d.text).trim(), "{tml}");
            }
            let placed: Vec<Option<&str>> = d
                .tagged("EVENT")
                .map(|e| l.place(e.span).map(|p| p.slice(&l.text)))
                .collect();
            assert_eq!(placed, *events, "{tml}");
        }
    }
}
