//! The one gateway to the YAML crate.
//!
//! Every YAML read or write in tempograph (manifests, timelines) goes through this module,
//! so the choice of YAML library is made in one place and its errors are turned into
//! [`Error`]s with `path:line:column` once.

use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::path::Path;

/// Parse YAML text read from `path` into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T> {
    check_depth(text, path)?;
    serde_yaml::from_str(text).map_err(|e| convert(e, path))
}

/// Flow collections (`[`, `{`) nested deeper than this are refused before parsing: the YAML
/// parser's time grows with the square of the nesting depth (100,000 levels, a 200 KB file,
/// took 50 s), and no timeline or manifest nests more than a few levels. Brackets inside
/// quoted strings are counted too, which only matters past a thousand unclosed ones.
pub const MAX_DEPTH: usize = 1000;

fn check_depth(text: &str, path: &Path) -> Result<()> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let (l, c) = crate::text::LineIndex::new(text).line_col(i);
                    return Err(Error::parse_at(
                        path,
                        Some(l),
                        Some(c),
                        format!("YAML nested at most {MAX_DEPTH} levels deep"),
                        "deeper nesting",
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Serialize `value` as YAML.
pub fn to_string<T: Serialize>(value: &T) -> Result<String> {
    serde_yaml::to_string(value).map_err(|e| Error::parse(None, "a value that YAML can represent", e.to_string()))
}

fn convert(e: serde_yaml::Error, path: &Path) -> Error {
    let (line, col) = match e.location() {
        Some(l) => (Some(l.line()), Some(l.column())),
        None => (None, None),
    };
    // serde_yaml appends " at line L column C" to its message; the location is ours to print.
    // Syntax errors go on with ", while parsing a flow sequence at line L column C": keep
    // that context, without its position when it is the same line.
    let full = e.to_string();
    let (mut msg, context) = match full.find(" at line ") {
        Some(i) => {
            let rest = &full[i..];
            let context = rest.find(", while ").map(|j| rest[j + 2..].to_string());
            (full[..i].to_string(), context)
        }
        None => (full.clone(), None),
    };
    // Deserialization errors start with the YAML path of the node: "events[0].date: ...".
    let mut node = None;
    if let Some((p, rest)) = msg.split_once(": ") {
        if !p.is_empty() && !p.contains(' ') && p.chars().all(|c| c.is_alphanumeric() || "_-.[]".contains(c)) {
            node = Some(p.to_string());
            msg = rest.to_string();
        }
    }
    let (expected, mut found) = split_message(&msg);
    if let Some(c) = context {
        found.push_str(&format!(" ({c})"));
    }
    if let Some(n) = node {
        found.push_str(&format!(" at {n}"));
    }
    Error::parse_at(path, line, col, expected, found)
}

/// serde messages read "invalid type: string \"x\", expected a date" or
/// "missing field `published`"; turn them into expected/found.
fn split_message(msg: &str) -> (String, String) {
    if let Some((found, expected)) = msg.split_once(", expected ") {
        let found = found
            .trim_start_matches("invalid type: ")
            .trim_start_matches("invalid value: ")
            .to_string();
        return (expected.to_string(), found);
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return (format!("field {rest}"), "no such field".to_string());
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        if let Some((field, exp)) = rest.split_once(", expected ") {
            return (exp.to_string(), format!("unknown field {field}"));
        }
    }
    ("valid YAML".to_string(), format!("a syntax error: {msg}"))
}

/// One step of a path into a YAML document: a mapping key or a sequence index.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl Step {
    pub fn key(k: impl Into<String>) -> Step {
        Step::Key(k.into())
    }
}

/// A path as serde_yaml prints it: `events[3].before[1]`.
pub fn path_string(path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// The 1-based `(line, column)` where the node at `path` starts in `text`, or `None` when
/// there is no such node (or the text is not valid YAML).
///
/// serde_yaml keeps no positions after parsing. Its errors do carry the position of the node
/// being deserialized, so this re-parses `text` with a deserializer that skips everything off
/// `path` and fails on purpose at the node itself; the failure's location is the answer. It
/// is the same parser that read the file, so block and flow style, quoting, anchors and
/// comments are all handled alike. Each call parses the whole text once.
pub fn locate(text: &str, path: &[Step]) -> Option<(usize, usize)> {
    use serde::de::DeserializeSeed;
    let de = serde_yaml::Deserializer::from_str(text);
    match (locate::Seek { path }).deserialize(de) {
        Ok(()) => None,
        Err(e) if e.to_string().contains(locate::HERE) => e.location().map(|l| (l.line(), l.column())),
        Err(_) => None,
    }
}

/// Positions of block-style nodes found in one scan of the text: every block mapping entry
/// and sequence item at any depth (`events[3].sources[0].document`), and the elements of
/// one-line flow sequences. [`locate`] parses the whole text once per path, which is fine for
/// a handful of findings but quadratic for hundreds of them in a large timeline; this index
/// answers those paths in one pass.
///
/// It is only a fast path: it gives up (`None`) on what it does not read (several documents,
/// anchors, aliases, tags, multi-line flow collections, complex keys), and [`BlockIndex::new`]
/// checks its answer for a few paths (the first, the deepest, the last) against [`locate`]
/// and returns `None` when any disagrees, so callers fall back to [`locate`] and never report
/// a wrong line.
#[derive(Debug, Default)]
pub struct BlockIndex {
    positions: std::collections::HashMap<Vec<Step>, (usize, usize)>,
}

/// An open block collection while scanning: the 0-based column of its entries, its path,
/// and for a sequence the index of its current item.
struct Frame {
    col: usize,
    path: Vec<Step>,
    seq: bool,
    index: usize,
}

impl BlockIndex {
    pub fn new(text: &str) -> Option<BlockIndex> {
        let mut positions = std::collections::HashMap::new();
        let mut order: Vec<Vec<Step>> = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        // The path whose value starts on a following line (`sources:` then `- ...`).
        let mut pending: Option<Vec<Step>> = None;
        // Inside a multi-line scalar: lines indented more than this column belong to it.
        let mut skip_above: Option<usize> = None;
        let mut record = |positions: &mut std::collections::HashMap<Vec<Step>, (usize, usize)>,
                          path: Vec<Step>,
                          at: (usize, usize)| {
            order.push(path.clone());
            positions.insert(path, at);
        };
        for (n, line) in text.lines().enumerate() {
            let body = line.trim_start_matches(' ');
            let indent = line.len() - body.len();
            if let Some(limit) = skip_above {
                if body.trim().is_empty() || indent > limit {
                    continue;
                }
                skip_above = None;
            }
            if body.trim().is_empty() || body.starts_with('#') {
                continue;
            }
            if body.starts_with('\t') || body.starts_with("---") || body.starts_with("...") {
                return None;
            }
            let lineno = n + 1;
            let (mut col, mut rest) = (indent, body);
            if let Some(after) = rest.strip_prefix("- ").or_else(|| (rest == "-").then_some("")) {
                // A sequence item at `col`.
                while stack.last().is_some_and(|f| f.col > col) {
                    stack.pop();
                }
                let item = match stack.last_mut() {
                    Some(f) if f.seq && f.col == col => {
                        f.index += 1;
                        pending = None;
                        let mut p = f.path.clone();
                        p.push(Step::Index(f.index));
                        p
                    }
                    top => {
                        // A new sequence: the value of the key before it (the same column
                        // or deeper), or the whole document.
                        let path = match (top, pending.take()) {
                            (Some(f), Some(p)) if f.col <= col => p,
                            (None, None) if col == 0 => Vec::new(),
                            _ => return None,
                        };
                        if !path.is_empty() {
                            record(&mut positions, path.clone(), (lineno, col + 1));
                        }
                        let mut p = path.clone();
                        stack.push(Frame {
                            col,
                            path,
                            seq: true,
                            index: 0,
                        });
                        p.push(Step::Index(0));
                        p
                    }
                };
                let value = after.trim_start_matches(' ');
                let vcol = col + 2 + (after.len() - value.len());
                if value.is_empty() || value.starts_with('#') {
                    pending = Some(item);
                    continue;
                }
                if value.starts_with("- ") || value == "-" {
                    return None;
                }
                record(&mut positions, item.clone(), (lineno, vcol + 1));
                if split_key(value).is_some() {
                    // `- id: a`: a mapping starts inside the item.
                    stack.push(Frame {
                        col: vcol,
                        path: item,
                        seq: false,
                        index: 0,
                    });
                    col = vcol;
                    rest = value;
                } else {
                    scalar_fits(value, &mut skip_above, col)?;
                    continue;
                }
            }
            // A mapping entry `key: value` at `col`.
            let (key, value_off) = split_key(rest)?;
            while stack.last().is_some_and(|f| f.col > col || f.col == col && f.seq) {
                stack.pop();
            }
            let map_path = match stack.last() {
                Some(f) if !f.seq && f.col == col => {
                    pending = None;
                    f.path.clone()
                }
                top => {
                    let path = match (top, pending.take()) {
                        (Some(f), Some(p)) if f.col < col => p,
                        (None, None) => Vec::new(),
                        _ => return None,
                    };
                    if !path.is_empty() {
                        record(&mut positions, path.clone(), (lineno, col + 1));
                    }
                    stack.push(Frame {
                        col,
                        path: path.clone(),
                        seq: false,
                        index: 0,
                    });
                    path
                }
            };
            let mut entry = map_path;
            entry.push(Step::Key(key));
            match value_off {
                None => pending = Some(entry),
                Some(off) => {
                    let value = &rest[off..];
                    record(&mut positions, entry.clone(), (lineno, col + off + 1));
                    flow_elements(&mut positions, &entry, value, lineno, col + off + 1);
                    scalar_fits(value, &mut skip_above, col)?;
                }
            }
        }
        // Check a few answers against the exact re-parse: the first path, the deepest and
        // the last.
        let deepest = order.iter().max_by_key(|p| p.len())?;
        for p in [order.first()?, deepest, order.last()?] {
            if locate(text, p) != positions.get(p).copied() {
                return None;
            }
        }
        Some(BlockIndex { positions })
    }

    /// The position of `path` when the scan found it.
    pub fn get(&self, path: &[Step]) -> Option<(usize, usize)> {
        self.positions.get(path).copied()
    }
}

/// `key:` or `key: value` with a plain key: the key and the value's byte offset in `s`
/// (`None` when the value is on the following lines or only a comment follows).
fn split_key(s: &str) -> Option<(String, Option<usize>)> {
    let (k, rest) = s.split_once(':')?;
    if !is_plain_key(k) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let v = rest.trim_start_matches(' ');
    if v.is_empty() || v.starts_with('#') {
        return Some((k.to_string(), None));
    }
    Some((k.to_string(), Some(s.len() - v.len())))
}

/// Whether the scanner can read past a scalar value written at an entry of column `col`:
/// `Some(true)` for one that ends on its line; a block scalar (`|-`, `>`) or a quoted scalar
/// that goes on sets `skip_above` (its lines are indented more than `col`) and gives
/// `Some(false)`; `None` for what the scanner does not read (anchors, aliases, tags,
/// multi-line flow collections).
fn scalar_fits(value: &str, skip_above: &mut Option<usize>, col: usize) -> Option<bool> {
    let v = value.trim_end();
    match v.as_bytes().first() {
        Some(b'&' | b'*' | b'!' | b'{' | b'?') => None,
        Some(b'[') => (v.len() >= 2 && v.ends_with(']') && !v[1..v.len() - 1].contains(['[', ']'])).then_some(true),
        Some(b'|' | b'>') => {
            *skip_above = Some(col);
            Some(false)
        }
        Some(b'"') => {
            let mut escaped = false;
            let closed = v[1..].char_indices().any(|(_, c)| {
                let end = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                end
            });
            if !closed {
                *skip_above = Some(col);
            }
            Some(closed)
        }
        Some(b'\'') => {
            // A single-quoted scalar ends at a quote that is not doubled.
            let inner = &v[1..];
            let closed = inner.replace("''", "").contains('\'');
            if !closed {
                *skip_above = Some(col);
            }
            Some(closed)
        }
        _ => Some(true),
    }
}

/// The elements of a one-line flow sequence of plain scalars (`[hack, leak]`), each at its
/// own column; anything else (nested, quoted, spanning lines) is left to [`locate`].
fn flow_elements(
    positions: &mut std::collections::HashMap<Vec<Step>, (usize, usize)>,
    path: &[Step],
    value: &str,
    line: usize,
    col: usize,
) {
    let Some(inner) = value.strip_prefix('[').and_then(|v| v.trim_end().strip_suffix(']')) else {
        return;
    };
    if inner.contains(['[', ']', '{', '}', '"', '\'', '#', '&', '*']) {
        return;
    }
    let mut offset = 1;
    for (i, part) in inner.split(',').enumerate() {
        let lead = part.len() - part.trim_start().len();
        if !part.trim().is_empty() {
            let mut p = path.to_vec();
            p.push(Step::Index(i));
            positions.insert(p, (line, col + offset + lead));
        }
        offset += part.len() + 1;
    }
}

fn is_plain_key(k: &str) -> bool {
    !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

mod locate {
    use super::Step;
    use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    /// The deliberate error's message; never produced by real input.
    pub const HERE: &str = "\u{0}tempograph-locate-here\u{0}";

    pub struct Seek<'a> {
        pub path: &'a [Step],
    }

    impl<'de> DeserializeSeed<'de> for Seek<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            if self.path.is_empty() {
                d.deserialize_any(Here)
            } else {
                d.deserialize_any(self)
            }
        }
    }

    /// Fails on whatever node it is given.
    struct Here;

    macro_rules! fail {
        ($($name:ident($t:ty)),*) => {$(
            fn $name<E: de::Error>(self, _: $t) -> Result<(), E> { Err(E::custom(HERE)) }
        )*};
    }

    impl<'de> Visitor<'de> for Here {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any node")
        }
        fail!(
            visit_bool(bool),
            visit_i64(i64),
            visit_u64(u64),
            visit_f64(f64),
            visit_str(&str)
        );
        fn visit_unit<E: de::Error>(self) -> Result<(), E> {
            Err(E::custom(HERE))
        }
        fn visit_none<E: de::Error>(self) -> Result<(), E> {
            Err(E::custom(HERE))
        }
        fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
            Err(de::Error::custom(HERE))
        }
        fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
            Err(de::Error::custom(HERE))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
            Err(de::Error::custom(HERE))
        }
        fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<(), A::Error> {
            Err(de::Error::custom(HERE))
        }
    }

    impl<'de> Visitor<'de> for Seek<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any node")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
            while let Some(k) = m.next_key::<KeyText>()? {
                match &self.path[0] {
                    Step::Key(want) if k.0.as_deref() == Some(want.as_str()) => {
                        m.next_value_seed(Seek { path: &self.path[1..] })?
                    }
                    _ => {
                        m.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<(), A::Error> {
            let mut i = 0;
            loop {
                let more = match &self.path[0] {
                    Step::Index(n) if *n == i => s.next_element_seed(Seek { path: &self.path[1..] })?.is_some(),
                    _ => s.next_element::<IgnoredAny>()?.is_some(),
                };
                if !more {
                    return Ok(());
                }
                i += 1;
            }
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
        fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
            // A tagged node (`!tag value`): look through the tag.
            let (_, v): (IgnoredAny, _) = data.variant()?;
            de::VariantAccess::newtype_variant_seed(v, self)
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E: de::Error>(self) -> Result<(), E> {
            Ok(())
        }
        fn visit_none<E: de::Error>(self) -> Result<(), E> {
            Ok(())
        }
    }

    /// A mapping key as text when it is a scalar (`2014: x` keys count as "2014").
    struct KeyText(Option<String>);

    impl<'de> de::Deserialize<'de> for KeyText {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyText, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = KeyText;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a key")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyText, E> {
                    Ok(KeyText(Some(v.to_string())))
                }
                fn visit_u64<E: de::Error>(self, v: u64) -> Result<KeyText, E> {
                    Ok(KeyText(Some(v.to_string())))
                }
                fn visit_i64<E: de::Error>(self, v: i64) -> Result<KeyText, E> {
                    Ok(KeyText(Some(v.to_string())))
                }
                fn visit_bool<E: de::Error>(self, v: bool) -> Result<KeyText, E> {
                    Ok(KeyText(Some(v.to_string())))
                }
                fn visit_f64<E: de::Error>(self, _: f64) -> Result<KeyText, E> {
                    Ok(KeyText(None))
                }
                fn visit_unit<E: de::Error>(self) -> Result<KeyText, E> {
                    Ok(KeyText(None))
                }
                fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<KeyText, A::Error> {
                    while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                    Ok(KeyText(None))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<KeyText, A::Error> {
                    while s.next_element::<IgnoredAny>()?.is_some() {}
                    Ok(KeyText(None))
                }
            }
            d.deserialize_any(V)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: &str) -> Option<(usize, usize)> {
        let steps: Vec<Step> = path
            .split('.')
            .flat_map(|part| {
                let mut out = Vec::new();
                let (key, rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
                if !key.is_empty() {
                    out.push(Step::key(key));
                }
                for idx in rest.split('[') {
                    if let Ok(i) = idx.trim_end_matches(']').parse() {
                        out.push(Step::Index(i));
                    }
                }
                out
            })
            .collect();
        locate(text, &steps)
    }

    #[test]
    fn locates_block_and_flow_nodes() {
        let text = "# comment\nschema: x\nevents:\n  - id: a\n    before: [b, c]\n  - {id: b, date: 2014}\n  - id: c\n    before:\n    - zz\n";
        let cases: &[(&str, Option<(usize, usize)>)] = &[
            ("schema", Some((2, 9))),
            ("events[0]", Some((4, 5))),
            ("events[0].before[1]", Some((5, 17))),
            ("events[1]", Some((6, 5))),
            ("events[1].date", Some((6, 19))),
            ("events[2].before[0]", Some((9, 7))),
            ("events[3]", None),
            ("events[0].nosuch", None),
            ("schema.x", None),
        ];
        for (path, want) in cases {
            assert_eq!(at(text, path), *want, "{path}");
        }
        assert_eq!(
            path_string(&[Step::key("events"), Step::Index(3), Step::key("before")]),
            "events[3].before"
        );
    }

    #[test]
    fn invalid_yaml_has_no_positions() {
        assert_eq!(at("a: [1, 2\nb: 3\n", "b"), None);
    }
}

#[cfg(test)]
mod block_index_tests {
    use super::*;

    /// Every position the fast index knows agrees with the exact re-parse, on every
    /// checked-in timeline and fixture.
    #[test]
    fn agrees_with_locate() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut checked = 0;
        for dir in ["timelines", "tests/data/timelines"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "yaml") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let Some(index) = BlockIndex::new(&text) else { continue };
                for (p, pos) in &index.positions {
                    assert_eq!(locate(&text, p), Some(*pos), "{}: {}", path.display(), path_string(p));
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "only {checked} positions checked");
    }
}

#[cfg(test)]
mod block_index_shapes {
    use super::*;

    /// Nested blocks, multi-line scalars and odd values: every position the index gives is
    /// the exact one, and what it cannot read makes it give up rather than guess.
    #[test]
    fn nested_and_multiline() {
        let text = "title: x\nevents:\n- id: a\n  date:\n    earliest: 2014-12-01\n    derivation:\n      text: 'it''s\n        long'\n      rule: r\n  sources:\n  - document: d\n    start: 3\n  - document: e\n  before: [b, c]\n- id: b\n  description: |-\n    one: two\n    - three\n  sources:\n  - document: d\nrelations:\n- from: a\n  to: b\n";
        let index = BlockIndex::new(text).expect("readable");
        for (p, pos) in &index.positions {
            assert_eq!(locate(text, p), Some(*pos), "{}", path_string(p));
        }
        let at = |p: &[Step]| index.get(p);
        let ev = |i: usize| vec![Step::key("events"), Step::Index(i)];
        let mut p = ev(0);
        p.extend([Step::key("sources"), Step::Index(1), Step::key("document")]);
        assert_eq!(at(&p), Some((13, 15)));
        let mut p = ev(0);
        p.extend([Step::key("date"), Step::key("derivation"), Step::key("rule")]);
        assert_eq!(at(&p), Some((9, 13)));
        let mut p = ev(1);
        p.extend([Step::key("sources"), Step::Index(0), Step::key("document")]);
        assert_eq!(at(&p), Some((20, 15)));
        assert_eq!(
            at(&[Step::key("relations"), Step::Index(0), Step::key("to")]),
            Some((23, 7))
        );
        for unreadable in [
            "a: &x 1\nb: *x\n",
            "a: [1,\n  2]\n",
            "---\na: 1\n",
            "a:\n- [\n",
            "? a\n: 1\n",
        ] {
            assert!(BlockIndex::new(unreadable).is_none(), "{unreadable:?}");
        }
    }
}
