//! TimeML in and out.
//!
//! [`parse`] reads a TimeML (or TempEval-3 `.TE3input`) file into plain text plus the
//! annotations found in it: TIMEX3, EVENT and SIGNAL elements inside `<TEXT>` as spans of
//! that plain text, MAKEINSTANCE and TLINK elements as attribute lists, and the DCT.
//! [`write`] puts new annotations back into the file, keeping the text inside `<TEXT>`
//! byte-identical (entities such as `&amp;` stay as they were) and dropping the gold tags.
//!
//! | input                                             | plain text | annotation             |
//! |---------------------------------------------------|------------|------------------------|
//! | `<TIMEX3 tid="t1" value="1998">1998</TIMEX3>`     | `1998`     | TIMEX3 0..4, tid=t1    |
//! | `AT&amp;T <EVENT eid="e1">said</EVENT>`           | `AT&T said`| EVENT 5..9             |
//!
//! # Grammar
//!
//! The reader is a small XML scanner, not a validating parser: elements are `<NAME attr="v"
//! ...>`, `</NAME>`, `<NAME .../>`; comments, `<?...?>` and `<!...>` are skipped; the five
//! predefined entities and numeric character references are decoded in text and values.

pub mod annotate;
pub mod gold;
pub mod layout;

pub use layout::Layout;

// The crates below, under the module names the stage's code knows them by (`crate::text::...`).
use tempograph_core::format;
use tempograph_events as events;
use tempograph_lang::text;
use tempograph_link as link;
use tempograph_timeline::document;
use tempograph_timex as timex;

use crate::format::message;
use crate::text::{LineIndex, Span};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use tempograph_core::error::{Error, Result};

/// An element opened inside `<TEXT>` and not yet closed: name, plain-text start, attributes.
type OpenElement = (String, usize, Vec<(String, String)>);

/// An element inside `<TEXT>`, as a span of the plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// Element name: `TIMEX3`, `EVENT`, `SIGNAL`, ...
    pub tag: String,
    pub span: Span,
    /// Attributes in file order.
    pub attrs: Vec<(String, String)>,
}

impl Annotation {
    pub fn attr(&self, name: &str) -> Option<&str> {
        attr(&self.attrs, name)
    }
}

/// Look up an attribute in a list.
pub fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// A parsed TimeML document.
#[derive(Clone, Debug)]
pub struct TimemlDoc {
    pub path: PathBuf,
    pub docid: Option<String>,
    /// The headline a TimeLine corpus file keeps in `<EXTRAINFO>` (outside `<TEXT>`).
    pub title: Option<String>,
    /// The DCT's `value`, as written.
    pub dct_value: Option<String>,
    /// The DCT as a day, when its value starts with `YYYY-MM-DD` or `YYYYMMDD`.
    pub dct: Option<NaiveDate>,
    /// The text inside `<TEXT>` with tags removed and entities decoded.
    pub text: String,
    /// TIMEX3 / EVENT / SIGNAL / other elements inside `<TEXT>`, in document order.
    pub annotations: Vec<Annotation>,
    /// `MAKEINSTANCE` attribute lists.
    pub instances: Vec<Vec<(String, String)>>,
    /// `TLINK` attribute lists, in file order.
    pub tlinks: Vec<Vec<(String, String)>>,
    /// Everything up to and including the `<TEXT>` start tag, verbatim.
    head: String,
    /// The raw content of `<TEXT>` with element tags removed (entities kept).
    raw_text: String,
    /// `(plain byte offset, raw byte offset)` at each point where the two stop advancing
    /// together (after every entity), so plain offsets map to raw ones.
    offset_map: Vec<(usize, usize)>,
}

impl TimemlDoc {
    /// Annotations with the given tag.
    pub fn tagged<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Annotation> + 'a {
        self.annotations.iter().filter(move |a| a.tag == tag)
    }

    fn raw_offset(&self, plain: usize) -> usize {
        let k = self.offset_map.partition_point(|&(p, _)| p <= plain);
        if k == 0 {
            plain
        } else {
            let (p, r) = self.offset_map[k - 1];
            r + (plain - p)
        }
    }
}

/// Read a TimeML file.
pub fn read(path: &Path) -> Result<TimemlDoc> {
    let text = crate::document::read_text(path)?;
    parse(path, &text)
}

struct Tag<'a> {
    name: &'a str,
    attrs: Vec<(String, String)>,
    closing: bool,
    self_closing: bool,
}

fn err_at(path: &Path, src: &str, at: usize, expected: &str, found: &str) -> Error {
    let (l, c) = LineIndex::new(src).line_col(at.min(src.len()));
    Error::parse_at(path, Some(l), Some(c), expected, found)
}

fn parse_tag<'a>(path: &Path, src: &'a str, start: usize, end: usize) -> Result<Tag<'a>> {
    // src[start] == '<', src[end-1] == '>'
    let mut inner = &src[start + 1..end - 1];
    let closing = inner.starts_with('/');
    if closing {
        inner = &inner[1..];
    }
    let self_closing = inner.ends_with('/');
    if self_closing {
        inner = &inner[..inner.len() - 1];
    }
    let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
    let name = &inner[..name_end];
    if name.is_empty() {
        return Err(err_at(path, src, start, "an element name after `<`", message::NOTHING));
    }
    let mut attrs = Vec::new();
    let mut rest = inner[name_end..].trim_start();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| err_at(path, src, start, "attr=\"value\"", rest))?;
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'');
        let Some(q) = quote else {
            return Err(err_at(path, src, start, "a quoted attribute value", after));
        };
        let close = after[1..]
            .find(q)
            .ok_or_else(|| err_at(path, src, start, "a closing quote", after))?;
        attrs.push((key, decode_entities(&after[1..1 + close])));
        rest = after[close + 2..].trim_start();
    }
    Ok(Tag {
        name,
        attrs,
        closing,
        self_closing,
    })
}

/// Decode the predefined XML entities and numeric character references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        match entity(tail) {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity at the start of `s` stands for, and the entity's length.
fn entity(s: &str) -> Option<(char, usize)> {
    // Bytes, not a str slice: the 12th byte may fall inside a character. See: fuzz crash 089e85f3.
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..semi];
    let named = crate::format::timeml::XML_ENTITIES.iter().find(|(n, _)| *n == name);
    let c = match named {
        Some(&(_, c)) => c,
        None => {
            let n = if let Some(h) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(n)?
        }
    };
    Some((c, semi + 1))
}

/// Parse TimeML source read from `path`.
pub fn parse(path: &Path, src: &str) -> Result<TimemlDoc> {
    let mut doc = TimemlDoc {
        path: path.to_path_buf(),
        docid: None,
        title: None,
        dct_value: None,
        dct: None,
        text: String::new(),
        annotations: Vec::new(),
        instances: Vec::new(),
        tlinks: Vec::new(),
        head: String::new(),
        raw_text: String::new(),
        offset_map: Vec::new(),
    };
    let mut in_text = false;
    let mut in_dct = false;
    let mut in_docid = false;
    let mut in_extra = false;
    let mut saw_text = false;
    let mut stack: Vec<OpenElement> = Vec::new();
    let mut i = 0;
    let bytes = src.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'<' {
            // Comments, processing instructions, declarations.
            let skip_to = if src[i..].starts_with("<!--") {
                src[i..].find("-->").map(|e| i + e + 3)
            } else if src[i..].starts_with("<?") {
                src[i..].find("?>").map(|e| i + e + 2)
            } else if src[i..].starts_with("<!") {
                src[i..].find('>').map(|e| i + e + 1)
            } else {
                None
            };
            if let Some(e) = skip_to {
                if in_text {
                    doc.raw_text.push_str(&src[i..e]);
                    doc.offset_map.push((doc.text.len(), doc.raw_text.len()));
                }
                i = e;
                continue;
            }
            let end = src[i..]
                .find('>')
                .map(|e| i + e + 1)
                .ok_or_else(|| err_at(path, src, i, "`>` closing the tag", "end of file"))?;
            let tag = parse_tag(path, src, i, end)?;
            if tag.name == "TEXT" {
                if tag.closing {
                    in_text = false;
                } else {
                    in_text = true;
                    saw_text = true;
                    doc.head = src[..end].to_string();
                }
                i = end;
                continue;
            }
            if in_text {
                if tag.closing {
                    match stack.iter().rposition(|(n, _, _)| n == tag.name) {
                        Some(k) => {
                            let (name, start, attrs) = stack.remove(k);
                            doc.annotations.push(Annotation {
                                tag: name,
                                span: Span::new(start, doc.text.len()),
                                attrs,
                            });
                        }
                        None => {
                            return Err(err_at(
                                path,
                                src,
                                i,
                                &format!("a matching <{}> before this", tag.name),
                                &format!("</{}>", tag.name),
                            ))
                        }
                    }
                } else if tag.self_closing {
                    doc.annotations.push(Annotation {
                        tag: tag.name.to_string(),
                        span: Span::new(doc.text.len(), doc.text.len()),
                        attrs: tag.attrs,
                    });
                } else {
                    stack.push((tag.name.to_string(), doc.text.len(), tag.attrs));
                }
            } else {
                match (tag.name, tag.closing) {
                    ("DCT", false) => in_dct = true,
                    ("DCT", true) => in_dct = false,
                    ("DOCID", false) => in_docid = true,
                    ("DOCID", true) => in_docid = false,
                    ("EXTRAINFO", false) => in_extra = true,
                    ("EXTRAINFO", true) => in_extra = false,
                    ("TIMEX3", false) if in_dct => {
                        let v = attr(&tag.attrs, crate::format::timeml::VALUE).map(str::to_string);
                        doc.dct = v.as_deref().and_then(parse_dct_value);
                        doc.dct_value = v;
                    }
                    ("MAKEINSTANCE", false) => doc.instances.push(tag.attrs),
                    ("TLINK", false) => doc.tlinks.push(tag.attrs),
                    _ => {}
                }
            }
            i = end;
            continue;
        }
        let next = src[i..].find('<').map(|e| i + e).unwrap_or(src.len());
        let chunk = &src[i..next];
        if in_text {
            if chunk.contains('&') {
                let mut rest = chunk;
                while let Some(k) = rest.find('&') {
                    doc.text.push_str(&rest[..k]);
                    doc.raw_text.push_str(&rest[..k]);
                    let tail = &rest[k..];
                    let (c, len) = entity(tail).unwrap_or(('&', 1));
                    doc.text.push(c);
                    doc.raw_text.push_str(&tail[..len]);
                    doc.offset_map.push((doc.text.len(), doc.raw_text.len()));
                    rest = &tail[len..];
                }
                doc.text.push_str(rest);
                doc.raw_text.push_str(rest);
            } else {
                doc.text.push_str(chunk);
                doc.raw_text.push_str(chunk);
            }
        } else if in_docid {
            doc.docid = Some(chunk.trim().to_string());
        } else if in_extra && !chunk.trim().is_empty() {
            doc.title = Some(chunk.trim().to_string());
        } else if in_dct && doc.dct.is_none() {
            // A DCT written as plain text (no TIMEX3).
            doc.dct = parse_dct_value(chunk.trim());
        }
        i = next;
    }
    if !saw_text {
        return Err(Error::parse_at(path, None, None, "a <TEXT> element", message::NONE));
    }
    if let Some((name, _, _)) = stack.first() {
        return Err(Error::parse_at(
            path,
            None,
            None,
            format!("</{name}> closing an element inside <TEXT>"),
            "end of <TEXT>",
        ));
    }
    doc.annotations
        .sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    Ok(doc)
}

fn parse_dct_value(v: &str) -> Option<NaiveDate> {
    let d: String = v.chars().filter(|c| c.is_ascii_digit()).take(8).collect();
    if d.len() < 8 {
        return None;
    }
    NaiveDate::from_ymd_opt(d[..4].parse().ok()?, d[4..6].parse().ok()?, d[6..8].parse().ok()?)
}

/// Escape text for an XML attribute value.
pub fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn open_tag(a: &Annotation) -> String {
    let mut s = format!("<{}", a.tag);
    for (k, v) in &a.attrs {
        s.push_str(&format!(" {k}=\"{}\"", escape_attr(v)));
    }
    s.push('>');
    s
}

/// Write `doc` with `annotations` (spans of `doc.text`) inside `<TEXT>` in place of the
/// gold ones, and `tail` (MAKEINSTANCE/TLINK elements, one per line) after `</TEXT>`.
///
/// Annotations must nest properly; one that crosses an earlier one is left out.
pub fn write(doc: &TimemlDoc, annotations: &[Annotation], tail: &str) -> String {
    let mut anns: Vec<&Annotation> = annotations.iter().filter(|a| a.span.end <= doc.text.len()).collect();
    anns.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    // Drop crossing annotations: keep a stack of open ends.
    let mut kept: Vec<&Annotation> = Vec::with_capacity(anns.len());
    let mut open: Vec<usize> = Vec::new();
    for a in anns {
        while open.last().is_some_and(|&e| e <= a.span.start) {
            open.pop();
        }
        if open.last().is_some_and(|&e| a.span.end > e) {
            continue;
        }
        open.push(a.span.end);
        kept.push(a);
    }
    // Events: (raw offset, order key, text). Closes before opens at the same offset; among
    // opens, outer first; among closes, inner first.
    let mut marks: Vec<(usize, u8, usize, String)> = Vec::new();
    for (k, a) in kept.iter().enumerate() {
        let s = doc.raw_offset(a.span.start);
        let e = doc.raw_offset(a.span.end);
        marks.push((s, 1, k, open_tag(a)));
        marks.push((e, 0, usize::MAX - k, format!("</{}>", a.tag)));
    }
    marks.sort_by_key(|x| (x.0, x.1, x.2));
    let mut out = String::with_capacity(doc.head.len() + doc.raw_text.len() * 2 + tail.len() + 64);
    out.push_str(&doc.head);
    let mut pos = 0;
    for (at, _, _, s) in marks {
        out.push_str(&doc.raw_text[pos..at]);
        out.push_str(&s);
        pos = at;
    }
    out.push_str(&doc.raw_text[pos..]);
    out.push_str("</TEXT>\n");
    out.push_str(tail);
    out.push_str("\n</TimeML>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
</TimeML>
"#;

    #[test]
    fn extrainfo_is_the_title() {
        let src = SRC.replace(
            "<DOCID>X1</DOCID>",
            "<DOCID>X1</DOCID>\n<EXTRAINFO>Apple to lower UK iTunes prices</EXTRAINFO>",
        );
        let d = parse(Path::new("x.tml"), &src).unwrap();
        assert_eq!(d.title.as_deref(), Some("Apple to lower UK iTunes prices"));
        assert_eq!(d.text, "\nAT&T said yesterday.\n");
        // Negative: no EXTRAINFO, no title.
        assert_eq!(parse(Path::new("x.tml"), SRC).unwrap().title, None);
    }

    #[test]
    fn round_trip() {
        let d = parse(Path::new("x.tml"), SRC).unwrap();
        assert_eq!(d.text, "\nAT&T said yesterday.\n");
        assert_eq!(d.dct.unwrap().to_string(), "1998-01-08");
        assert_eq!(d.docid.as_deref(), Some("X1"));
        let t: Vec<_> = d.tagged("TIMEX3").collect();
        assert_eq!(t[0].span.slice(&d.text), "yesterday");
        assert_eq!(d.tagged("EVENT").next().unwrap().span.slice(&d.text), "said");
        assert_eq!(d.instances.len(), 1);
        assert_eq!(attr(&d.tlinks[0], "relType"), Some("IS_INCLUDED"));
        let out = write(&d, &d.annotations, "");
        let again = parse(Path::new("y.tml"), &out).unwrap();
        assert_eq!(again.text, d.text);
        assert_eq!(again.annotations, d.annotations);
        assert!(out.contains("AT&amp;T <EVENT eid=\"e1\" class=\"REPORTING\">said</EVENT>"));
        assert!(!out.contains("MAKEINSTANCE"));
    }

    #[test]
    fn errors_have_lines() {
        let e = parse(
            Path::new("bad.tml"),
            "<TimeML>\n<TEXT>\nfoo <EVENT eid=\"e1\">x</TIMEX3>\n</TEXT>",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "bad.tml:3:22: expected a matching <TIMEX3> before this, found </TIMEX3>"
        );
        assert!(parse(Path::new("n.tml"), "<TimeML></TimeML>").is_err());
    }
}
