//! The one gateway to the YAML crate.
//!
//! Every YAML read or write in tempograph (manifests, timelines) goes through this module,
//! so the choice of YAML library is made in one place and its errors are turned into
//! [`Error`]s with `path:line:column` once.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::path::Path;
use tempograph_core::error::{Error, Result};

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

/// Where many paths of one text are, for a caller that knows them all before asking (`check`
/// collects the paths of its findings first): one scan of the text ([`BlockIndex`]) finds
/// those paths and their ancestors, and [`locate`], the exact re-parse, answers whatever the
/// scan did not find, or everything when the scan could not read the text (each such path
/// once: the answers are cached).
pub struct Locator<'t> {
    text: &'t str,
    index: Option<BlockIndex>,
    exact: std::cell::RefCell<Reparsed>,
}

/// Answers of the exact re-parse, by path.
type Reparsed = std::collections::BTreeMap<Vec<Step>, Option<(usize, usize)>>;

impl<'t> Locator<'t> {
    /// A locator for `wanted` (and every prefix of them) in `text`; the scan runs here.
    pub fn new<'p>(text: &'t str, wanted: impl IntoIterator<Item = &'p [Step]>) -> Locator<'t> {
        Locator {
            text,
            index: BlockIndex::new(text, wanted),
            exact: Default::default(),
        }
    }

    /// A locator that only re-parses: what [`Locator::new`] falls back to, for comparisons.
    pub fn exact(text: &'t str) -> Locator<'t> {
        Locator {
            text,
            index: None,
            exact: Default::default(),
        }
    }

    /// Whether the one-scan index is in use (the scan read the text and its answers agreed
    /// with the re-parse).
    pub fn scanned(&self) -> bool {
        self.index.is_some()
    }

    /// The 1-based `(line, column)` of `path`, as [`locate`] gives it.
    pub fn get(&self, path: &[Step]) -> Option<(usize, usize)> {
        if let Some(at) = self.index.as_ref().and_then(|i| i.get(path)) {
            return Some(at);
        }
        *self
            .exact
            .borrow_mut()
            .entry(path.to_vec())
            .or_insert_with(|| locate(self.text, path))
    }
}

/// Positions of a given set of paths (and their prefixes), found in one scan of a block-style
/// text: block mapping entries and sequence items at any depth
/// (`events[3].sources[0].document`) and the elements of one-line flow sequences.
/// [`locate`] parses the whole text once per path, which is fine for a handful of findings but
/// quadratic for hundreds of them in a large timeline; this index answers them in one pass.
///
/// Only the wanted paths are kept, as a trie of interned steps: the scan follows it while it
/// reads the text and records a position only at its nodes, so the index is as small as the
/// set of paths asked for, whatever the size of the text.
///
/// It is only a fast path: it gives up (`None`) on what it does not read (several documents,
/// anchors, aliases, tags, multi-line flow collections, complex keys), and [`BlockIndex::new`]
/// checks its answer for a few of the paths it found (the first, the deepest, the last)
/// against [`locate`] and returns `None` when any disagrees, so callers fall back to
/// [`locate`] and never report a wrong line. It is also `None` when no wanted path was found.
#[derive(Debug)]
pub struct BlockIndex {
    /// The mapping keys of the wanted paths, each once.
    keys: std::collections::HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    /// The trie's edges: (node, step) to node. Node 0 is the whole document.
    edges: std::collections::HashMap<(u32, Edge), u32>,
    nodes: Vec<Node>,
}

/// One step of the trie: an interned key or an index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Edge {
    Key(u32),
    Index(usize),
}

#[derive(Debug)]
struct Node {
    /// Parent and the step from it (`None` for the document).
    up: Option<(u32, Edge)>,
    depth: usize,
    /// Where the scan found it.
    at: Option<(usize, usize)>,
}

/// The trie node of the path being read, `None` off the wanted paths.
type Cursor = Option<u32>;

/// An open block collection while scanning: the 0-based column of its entries, its node,
/// and for a sequence the index of its current item.
struct Frame {
    col: usize,
    node: Cursor,
    seq: bool,
    index: usize,
}

/// The nodes to check against the exact re-parse: the first recorded, the deepest (the last
/// of that depth) and the last.
#[derive(Default)]
struct Checks {
    first: Option<u32>,
    deepest: Option<(usize, u32)>,
    last: Option<u32>,
}

impl BlockIndex {
    pub fn new<'p>(text: &str, wanted: impl IntoIterator<Item = &'p [Step]>) -> Option<BlockIndex> {
        let mut index = BlockIndex {
            keys: Default::default(),
            names: Vec::new(),
            edges: Default::default(),
            nodes: vec![Node {
                up: None,
                depth: 0,
                at: None,
            }],
        };
        for path in wanted {
            index.insert(path);
        }
        if index.nodes.len() == 1 {
            return None;
        }
        let checks = index.scan(text)?;
        let (first, (_, deepest), last) = (checks.first?, checks.deepest?, checks.last?);
        let mut checked = Vec::new();
        for n in [first, deepest, last] {
            // The deepest path is often the last one too: parse once per distinct path.
            if checked.contains(&n) {
                continue;
            }
            checked.push(n);
            if locate(text, &index.path(n)) != index.nodes[n as usize].at {
                return None;
            }
        }
        Some(index)
    }

    /// The position of `path` when the scan found it.
    pub fn get(&self, path: &[Step]) -> Option<(usize, usize)> {
        let mut n = Some(0);
        for step in path {
            n = match step {
                Step::Key(k) => self.child_key(n, k),
                Step::Index(i) => self.child(n, Edge::Index(*i)),
            };
        }
        self.nodes[n? as usize].at
    }

    fn insert(&mut self, path: &[Step]) {
        let mut n = 0u32;
        for step in path {
            let edge = match step {
                Step::Key(k) => {
                    let next = self.names.len() as u32;
                    let id = *self.keys.entry(k.as_str().into()).or_insert(next);
                    if id == next {
                        self.names.push(k.as_str().into());
                    }
                    Edge::Key(id)
                }
                Step::Index(i) => Edge::Index(*i),
            };
            let next = self.nodes.len() as u32;
            let child = *self.edges.entry((n, edge)).or_insert(next);
            if child == next {
                let depth = self.nodes[n as usize].depth + 1;
                self.nodes.push(Node {
                    up: Some((n, edge)),
                    depth,
                    at: None,
                });
            }
            n = child;
        }
    }

    /// The path of node `n`.
    fn path(&self, mut n: u32) -> Vec<Step> {
        let mut steps = Vec::new();
        while let Some((up, edge)) = self.nodes[n as usize].up {
            steps.push(match edge {
                Edge::Key(id) => Step::Key(self.names[id as usize].to_string()),
                Edge::Index(i) => Step::Index(i),
            });
            n = up;
        }
        steps.reverse();
        steps
    }

    fn child(&self, at: Cursor, edge: Edge) -> Cursor {
        self.edges.get(&(at?, edge)).copied()
    }

    fn child_key(&self, at: Cursor, key: &str) -> Cursor {
        let at = at?;
        let id = *self.keys.get(key)?;
        self.edges.get(&(at, Edge::Key(id))).copied()
    }

    fn record(&mut self, checks: &mut Checks, node: Cursor, at: (usize, usize)) {
        let Some(n) = node else { return };
        let depth = self.nodes[n as usize].depth;
        self.nodes[n as usize].at = Some(at);
        checks.first.get_or_insert(n);
        checks.last = Some(n);
        if checks.deepest.is_none_or(|(d, _)| depth >= d) {
            checks.deepest = Some((depth, n));
        }
    }

    /// Read `text`, recording the wanted nodes it meets; `None` when it cannot be read.
    fn scan(&mut self, text: &str) -> Option<Checks> {
        let mut checks = Checks::default();
        let mut stack: Vec<Frame> = Vec::new();
        // The node whose value starts on a following line (`sources:` then `- ...`).
        let mut pending: Option<Cursor> = None;
        // Inside a multi-line scalar: lines indented more than this column belong to it.
        let mut skip_above: Option<usize> = None;
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
                        let (node, index) = (f.node, f.index);
                        self.child(node, Edge::Index(index))
                    }
                    top => {
                        // A new sequence: the value of the key before it (the same column
                        // or deeper), or the whole document.
                        let node = match (top, pending.take()) {
                            (Some(f), Some(p)) if f.col <= col => {
                                self.record(&mut checks, p, (lineno, col + 1));
                                p
                            }
                            (None, None) if col == 0 => Some(0),
                            _ => return None,
                        };
                        stack.push(Frame {
                            col,
                            node,
                            seq: true,
                            index: 0,
                        });
                        self.child(node, Edge::Index(0))
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
                self.record(&mut checks, item, (lineno, vcol + 1));
                if split_key(value).is_some() {
                    // `- id: a`: a mapping starts inside the item.
                    stack.push(Frame {
                        col: vcol,
                        node: item,
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
            let map = match stack.last() {
                Some(f) if !f.seq && f.col == col => {
                    pending = None;
                    f.node
                }
                top => {
                    let node = match (top, pending.take()) {
                        (Some(f), Some(p)) if f.col < col => {
                            self.record(&mut checks, p, (lineno, col + 1));
                            p
                        }
                        (None, None) => Some(0),
                        _ => return None,
                    };
                    stack.push(Frame {
                        col,
                        node,
                        seq: false,
                        index: 0,
                    });
                    node
                }
            };
            let entry = self.child_key(map, key);
            match value_off {
                None => pending = Some(entry),
                Some(off) => {
                    let value = &rest[off..];
                    self.record(&mut checks, entry, (lineno, col + off + 1));
                    if entry.is_some() {
                        self.flow_elements(entry, value, lineno, col + off + 1);
                    }
                    scalar_fits(value, &mut skip_above, col)?;
                }
            }
        }
        Some(checks)
    }

    /// The elements of a one-line flow sequence of plain scalars (`[hack, leak]`), each at its
    /// own column; anything else (nested, quoted, spanning lines) is left to [`locate`].
    fn flow_elements(&mut self, node: Cursor, value: &str, line: usize, col: usize) {
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
                if let Some(c) = self.child(node, Edge::Index(i)) {
                    self.nodes[c as usize].at = Some((line, col + offset + lead));
                }
            }
            offset += part.len() + 1;
        }
    }
}

/// `key:` or `key: value` with a plain key: the key and the value's byte offset in `s`
/// (`None` when the value is on the following lines or only a comment follows).
fn split_key(s: &str) -> Option<(&str, Option<usize>)> {
    let (k, rest) = s.split_once(':')?;
    if !is_plain_key(k) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let v = rest.trim_start_matches(' ');
    if v.is_empty() || v.starts_with('#') {
        return Some((k, None));
    }
    Some((k, Some(s.len() - v.len())))
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

/// Every checked-in timeline and test fixture, with its text, in name order: what the
/// position tests of this module and of `check` read.
#[cfg(test)]
pub(crate) fn fixture_timelines() -> Vec<(std::path::PathBuf, String)> {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let mut out = Vec::new();
    for dir in ["timelines", "tests/data/timelines", "tests/data/timelines/defects"] {
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path, text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `events[3].before[1]` as steps (test paths only use plain keys).
    pub(super) fn steps(path: &str) -> Vec<Step> {
        path.split('.')
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
            .collect()
    }

    fn at(text: &str, path: &str) -> Option<(usize, usize)> {
        locate(text, &steps(path))
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

    /// The path of every node of `text` (mapping keys that are strings only).
    fn all_paths(text: &str) -> Vec<Vec<Step>> {
        fn walk(v: &serde_yaml::Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
            match v {
                serde_yaml::Value::Mapping(m) => {
                    for (k, v) in m {
                        if let Some(k) = k.as_str() {
                            path.push(Step::key(k));
                            out.push(path.clone());
                            walk(v, path, out);
                            path.pop();
                        }
                    }
                }
                serde_yaml::Value::Sequence(s) => {
                    for (i, v) in s.iter().enumerate() {
                        path.push(Step::Index(i));
                        out.push(path.clone());
                        walk(v, path, out);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
        let v: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
        let mut out = Vec::new();
        walk(&v, &mut Vec::new(), &mut out);
        out
    }

    /// Asked for every node of every checked-in timeline and fixture, the index answers
    /// nearly all of them, each as the exact re-parse does.
    #[test]
    fn agrees_with_locate() {
        let (mut checked, mut files) = (0, 0);
        for (path, text) in super::fixture_timelines() {
            if serde_yaml::from_str::<serde_yaml::Value>(&text).is_err() {
                continue;
            }
            let wanted = all_paths(&text);
            let Some(index) = BlockIndex::new(&text, wanted.iter().map(Vec::as_slice)) else {
                continue;
            };
            files += 1;
            for p in &wanted {
                if let Some(pos) = index.get(p) {
                    assert_eq!(locate(&text, p), Some(pos), "{}: {}", path.display(), path_string(p));
                    checked += 1;
                }
            }
        }
        assert!(
            files >= 8 && checked > 1000,
            "only {checked} positions in {files} files checked"
        );
    }

    /// Asked for some paths only, the index keeps those (and their prefixes), nothing else.
    #[test]
    fn keeps_only_the_wanted_paths() {
        let text = "events:\n- id: a\n  sources:\n  - document: d\n    tense: PAST\n- id: b\n";
        let wanted = [super::tests::steps("events[0].sources[0].tense")];
        let index = BlockIndex::new(text, wanted.iter().map(Vec::as_slice)).expect("readable");
        let get = |p: &str| index.get(&super::tests::steps(p));
        assert_eq!(get("events[0].sources[0].tense"), Some((5, 12)));
        assert_eq!(get("events[0].sources"), Some((4, 3)));
        assert_eq!(get("events[0]"), Some((2, 3)));
        assert_eq!(get("events[1].id"), None);
        assert_eq!(get("events[0].sources[0].document"), None);
        assert_eq!(locate(text, &super::tests::steps("events[1].id")), Some((6, 7)));
        assert_eq!(index.nodes.len(), 6, "the document and five steps");
    }

    /// Nested blocks, multi-line scalars and odd values: every position the index gives is
    /// the exact one, and what it cannot read makes it give up rather than guess.
    #[test]
    fn nested_and_multiline() {
        let text = "title: x\nevents:\n- id: a\n  date:\n    earliest: 2014-12-01\n    derivation:\n      text: 'it''s\n        long'\n      rule: r\n  sources:\n  - document: d\n    start: 3\n  - document: e\n  before: [b, c]\n- id: b\n  description: |-\n    one: two\n    - three\n  sources:\n  - document: d\nrelations:\n- from: a\n  to: b\n";
        let wanted = all_paths(text);
        let index = BlockIndex::new(text, wanted.iter().map(Vec::as_slice)).expect("readable");
        for p in &wanted {
            assert_eq!(index.get(p), locate(text, p), "{}", path_string(p));
        }
        let at = |p: &str| index.get(&super::tests::steps(p));
        assert_eq!(at("events[0].sources[1].document"), Some((13, 15)));
        assert_eq!(at("events[0].date.derivation.rule"), Some((9, 13)));
        assert_eq!(at("events[1].sources[0].document"), Some((20, 15)));
        assert_eq!(at("relations[0].to"), Some((23, 7)));
        let a: &[Step] = &[Step::key("a")];
        for unreadable in [
            "a: &x 1\nb: *x\n",
            "a: [1,\n  2]\n",
            "---\na: 1\n",
            "a:\n- [\n",
            "? a\n: 1\n",
        ] {
            assert!(BlockIndex::new(unreadable, [a]).is_none(), "{unreadable:?}");
        }
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct CaseFile {
        case: Vec<Case>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        name: String,
        scan: bool,
        yaml: String,
        paths: Vec<Want>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Want {
        path: String,
        line: Option<usize>,
        column: Option<usize>,
        #[serde(default = "yes")]
        by_scan: bool,
    }

    fn yes() -> bool {
        true
    }

    /// The cases of `tests/data/yaml/positions.toml`: the targeted scan, the locator and the
    /// exact re-parse give the expected position of every path, and the scan gives up where
    /// it should. Every failure is printed.
    #[test]
    fn positions_cases() {
        let file =
            std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/data/yaml/positions.toml");
        let src = std::fs::read_to_string(&file).unwrap();
        let cases: CaseFile = toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let filter = std::env::var("YAML_CASE").ok();
        let mut names = std::collections::BTreeSet::new();
        let (mut failures, mut ran) = (Vec::new(), 0);
        for c in &cases.case {
            if !names.insert(c.name.as_str()) {
                failures.push(format!("duplicate case name `{}`", c.name));
            }
            if filter.as_deref().is_some_and(|f| !c.name.contains(f)) {
                continue;
            }
            ran += 1;
            let wanted: Vec<Vec<Step>> = c.paths.iter().map(|w| super::tests::steps(&w.path)).collect();
            let index = BlockIndex::new(&c.yaml, wanted.iter().map(Vec::as_slice));
            let locator = Locator::new(&c.yaml, wanted.iter().map(Vec::as_slice));
            if index.is_some() != c.scan || locator.scanned() != c.scan {
                failures.push(format!(
                    "{}: scan reads the text: want {}, got {}",
                    c.name, c.scan, !c.scan
                ));
            }
            for (w, p) in c.paths.iter().zip(&wanted) {
                let want = w.line.zip(w.column);
                let by_scan = if c.scan && w.by_scan { want } else { None };
                let got = (
                    locate(&c.yaml, p),
                    locator.get(p),
                    index.as_ref().and_then(|i| i.get(p)),
                );
                if got != (want, want, by_scan) {
                    failures.push(format!(
                        "{}: {}: want {want:?} (scan {by_scan:?}); re-parse, locator, scan gave {got:?}",
                        c.name, w.path
                    ));
                }
            }
        }
        assert!(ran > 0, "no cases ran");
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
