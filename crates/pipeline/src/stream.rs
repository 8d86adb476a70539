//! The JSON Lines stream protocol: one document per input line, one result line per document,
//! in input order, with no state carried from one record to the next.
//!
//! | input line                                                        | output line                                        |
//! |-------------------------------------------------------------------|----------------------------------------------------|
//! | `{"id":"a","published":"2014-12-18","text":"on Monday"}`          | `{"id":"a",…result fields…}`                       |
//! | `{"id":"b","published":"2014-12-18T09:30:00Z","text":"…"}`        | the date part is the DCT; the time is ignored      |
//! | `{"id":"c","text":"12/17/14\nSony …"}`                            | DCT from `--dct`, else from the text's dateline    |
//! | `{"id":"d","published":"2014-02-31","text":"…"}`                  | `{"id":"d","line":4,"error":"<stdin>:4: expected …"}` |
//! | `not json`                                                        | `{"id":null,"line":5,"error":"<stdin>:5:1: …"}`    |
//! | (an empty or all-blank line)                                      | nothing                                            |
//!
//! Because every output line depends only on its input line, the same program runs unchanged
//! as the map step of a distributed engine (Spark's `RDD.pipe`, Hadoop Streaming, Beam): split
//! the input anywhere between lines and concatenate the outputs (see `docs/SCALING.md`). A bad
//! record gives an error line for that record, never a crash, and the stream goes on.
//!
//! Records are read in chunks (at most [`CHUNK_LINES`] lines or about [`CHUNK_BYTES`] bytes),
//! each chunk is processed on all worker threads ([`crate::batch`]), and its lines are written
//! and flushed in input order before the next chunk is read, so memory stays bounded by the
//! chunk size (plus the longest line) however long the stream is.
//!
//! # Grammar
//!
//! ```text
//! stream    = { line "\n" } [ line ]            ; "\r\n" also ends a line
//! line      = blank | record
//! record    = JSON object with
//!               "id"        : string            ; required, echoed back
//!               "text"      : string            ; required, may be empty
//!               "published" : date | datetime   ; optional: YYYY-MM-DD or YYYY-MM-DDThh:mm…
//!             other fields are ignored
//! ok        = {"id": string, <the processor's result fields>}
//! error     = {"id": string | null, "line": integer, "error": string}
//! ```

use crate::batch::{Options, Pool};
use crate::document::{find_dateline, DctSource, Document};
use crate::format::{message, record};
use crate::text::LineIndex;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::Path;
use tempograph_core::error::{Error, Result};

/// Lines per chunk.
pub const CHUNK_LINES: usize = 4096;
/// A chunk is closed once it holds this many bytes (one long line may exceed it).
pub const CHUNK_BYTES: usize = 16 << 20;

/// One input record, as read.
#[derive(Clone, Debug, Deserialize)]
pub struct Record {
    pub id: String,
    #[serde(default)]
    pub published: Option<String>,
    pub text: String,
}

/// How a stream went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records read (blank lines are not records).
    pub records: usize,
    /// Records that produced an error line.
    pub errors: usize,
    /// The output was closed early (a broken pipe); the run stopped there.
    pub closed: bool,
}

/// How a stream is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The longest record (input line) processed, in bytes. A longer one is not kept in
    /// memory: it is skipped up to its end of line, and its output is an error line (with its
    /// `id` when that comes within the first [`ID_PREFIX_BYTES`] bytes). The stream goes on.
    pub max_record_bytes: usize,
}

/// The default `--max-record-bytes`: 16 MiB, a few hundred times a long news article, about
/// thirty novels. Processing a record takes a small multiple of its size in memory (measured
/// in `docs/CLI.md`), so the limit bounds a worker's memory however the input is made.
pub const MAX_RECORD_BYTES: usize = 16 << 20;

/// How much of an oversized record is kept to find its `id`.
pub const ID_PREFIX_BYTES: usize = 64 << 10;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_record_bytes: MAX_RECORD_BYTES,
        }
    }
}

/// Read records from `input`, call `process` on each as a [`Document`], and write one line per
/// record to `output`. `source` names the input in error messages (`<stdin>`); `dct` is the
/// publication date for records without `published` (before looking for a dateline).
///
/// `process` must return something that serializes as a JSON object without an `id` field
/// (its fields follow `id` on the output line) or any other value (written as `"result"`).
///
/// `Err` only when reading `input` or writing `output` fails; a bad record is an error line.
/// Records longer than [`MAX_RECORD_BYTES`] are error lines too ([`run_with`] sets the limit).
pub fn run<R, W, T, F>(
    input: R,
    output: W,
    source: &Path,
    dct: Option<NaiveDate>,
    opts: &Options,
    process: F,
) -> Result<Summary>
where
    R: BufRead,
    W: Write,
    T: Serialize,
    F: Fn(&Document) -> Result<T> + Sync + Send,
{
    run_with(input, output, source, dct, opts, &Limits::default(), process)
}

/// One line of input as read: the record, or how long it was when it was too long to keep.
enum Raw {
    Record(Vec<u8>),
    /// `len` bytes (without the line end); `prefix` holds the first [`ID_PREFIX_BYTES`].
    /// `blank` when every byte was whitespace (a blank line, however long, is no record).
    TooLong {
        len: usize,
        prefix: Vec<u8>,
        blank: bool,
    },
}

/// Read one line (through its `\n`) keeping at most `max` bytes of its content (the line
/// without `\n` or `\r\n`, as [`parse_json`] reads it); of a longer line only the first
/// [`ID_PREFIX_BYTES`] are kept and the rest is skipped. `None` at the end of the input.
fn read_line<R: BufRead>(input: &mut R, max: usize) -> std::io::Result<Option<Raw>> {
    let mut buf = Vec::new();
    let mut len = 0usize;
    let mut too_long = false;
    let mut any = false;
    // The last two bytes consumed, to tell the line end (`\n`, `\r\n`) from content.
    let mut last2 = [0u8; 2];
    let mut blank = true;
    loop {
        let (done, used) = {
            let avail = match input.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                break;
            }
            any = true;
            let (chunk, done) = match avail.iter().position(|&b| b == b'\n') {
                Some(i) => (&avail[..=i], true),
                None => (avail, false),
            };
            len += chunk.len();
            blank = blank && chunk.iter().all(u8::is_ascii_whitespace);
            last2 = match chunk {
                [.., a, b] => [*a, *b],
                [b] => [last2[1], *b],
                [] => last2,
            };
            // Past `max + 1` bytes of content the line is too long, whatever its end is.
            if !too_long && len - usize::from(done) > max.saturating_add(1) {
                too_long = true;
            }
            let keep = if too_long {
                ID_PREFIX_BYTES
            } else {
                max.saturating_add(2)
            };
            if buf.len() > keep {
                buf.truncate(keep);
                buf.shrink_to_fit();
            }
            let room = keep.saturating_sub(buf.len());
            buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
            (done, chunk.len())
        };
        input.consume(used);
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    let ended = last2[1] == b'\n';
    let cr = if ended {
        last2[0] == b'\r' && len >= 2
    } else {
        last2[1] == b'\r'
    };
    let content = len - usize::from(ended) - usize::from(cr);
    if too_long || content > max {
        buf.truncate(ID_PREFIX_BYTES);
        return Ok(Some(Raw::TooLong {
            len: content,
            prefix: buf,
            blank,
        }));
    }
    Ok(Some(Raw::Record(buf)))
}

/// [`run`] with explicit [`Limits`].
pub fn run_with<R, W, T, F>(
    input: R,
    output: W,
    source: &Path,
    dct: Option<NaiveDate>,
    opts: &Options,
    limits: &Limits,
    process: F,
) -> Result<Summary>
where
    R: BufRead,
    W: Write,
    T: Serialize,
    F: Fn(&Document) -> Result<T> + Sync + Send,
{
    run_raw(input, output, source, dct, opts, limits, |doc, _| process(doc))
}

/// [`run_with`], giving `process` the record's raw line too (the JSON object as read), for
/// callers that keep fields other than `id`, `published` and `text` (`tempograph extract`).
pub fn run_raw<R, W, T, F>(
    mut input: R,
    mut output: W,
    source: &Path,
    dct: Option<NaiveDate>,
    opts: &Options,
    limits: &Limits,
    process: F,
) -> Result<Summary>
where
    R: BufRead,
    W: Write,
    T: Serialize,
    F: Fn(&Document, &[u8]) -> Result<T> + Sync + Send,
{
    let pool = Pool::try_new(opts)?;
    let mut summary = Summary::default();
    let mut line_no = 0usize;
    let mut eof = false;
    while !eof {
        let mut chunk: Vec<(usize, Raw)> = Vec::new();
        let mut bytes = 0usize;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            let raw = match read_line(&mut input, limits.max_record_bytes).map_err(|e| Error::io(source, e))? {
                None => {
                    eof = true;
                    break;
                }
                Some(r) => r,
            };
            line_no += 1;
            match &raw {
                Raw::Record(buf) => {
                    if buf.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    bytes += buf.len();
                }
                // See: fuzz crash 4fef28a1 (a 120-byte line of form feeds over a 48-byte limit
                // gave an error line; blank lines give none).
                Raw::TooLong { blank: true, .. } => continue,
                Raw::TooLong { prefix, .. } => bytes += prefix.len(),
            }
            chunk.push((line_no, raw));
        }
        let lines = pool.map(&chunk, |(n, raw)| match raw {
            Raw::Record(raw) => record_line(raw, *n, source, dct, &process),
            Raw::TooLong { len, prefix, .. } => {
                let e = Error::parse_at(
                    source,
                    Some(*n),
                    None,
                    format!(
                        "a record of at most {} bytes (--max-record-bytes)",
                        limits.max_record_bytes
                    ),
                    format!("{len} bytes; the record was skipped"),
                );
                (error_line(id_in_prefix(prefix).as_deref(), *n, &e), false)
            }
        });
        drop(chunk);
        let mut written = Ok(());
        for (line, ok) in lines {
            summary.records += 1;
            if !ok {
                summary.errors += 1;
            }
            if written.is_ok() {
                written = output.write_all(line.as_bytes()).and_then(|_| output.write_all(b"\n"));
            }
        }
        match written.and_then(|_| output.flush()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                summary.closed = true;
                return Ok(summary);
            }
            Err(e) => return Err(Error::io("<output>", e)),
        }
    }
    Ok(summary)
}

/// The `id` of a record from its first bytes: the string value of a top-level `"id"` key,
/// when it is complete there. Strings are skipped properly, so an `"id"` inside the text is
/// not taken for the key.
fn id_in_prefix(prefix: &[u8]) -> Option<String> {
    let s = match std::str::from_utf8(prefix) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&prefix[..e.valid_up_to()]).ok()?,
    };
    let b = s.as_bytes();
    let mut i = s.len() - s.trim_start().len();
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    // The end of the JSON string starting at `b[at] == '"'`.
    let string_end = |at: usize| -> Option<usize> {
        let mut j = at + 1;
        while j < b.len() {
            match b[j] {
                b'\\' => j += 2,
                b'"' => return Some(j + 1),
                _ => j += 1,
            }
        }
        None
    };
    let mut depth = 1usize;
    let mut expect_key = true;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let end = string_end(i)?;
                if depth == 1 && expect_key {
                    let key: String = serde_json::from_str(&s[i..end]).ok()?;
                    let rest = s[end..].trim_start();
                    let rest = rest.strip_prefix(':')?.trim_start();
                    if key == record::ID {
                        let mut it = serde_json::Deserializer::from_str(rest).into_iter::<String>();
                        return it.next()?.ok();
                    }
                    expect_key = false;
                    i = s.len() - rest.len();
                    continue;
                }
                i = end;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expect_key = true,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The output line for one input line, and whether it is a result (not an error).
fn record_line<T, F>(raw: &[u8], line: usize, source: &Path, dct: Option<NaiveDate>, process: &F) -> (String, bool)
where
    T: Serialize,
    F: Fn(&Document, &[u8]) -> Result<T>,
{
    let mut id = None;
    let res = parse_json(raw, line, source)
        .inspect_err(|_| id = id_of_bad_record(raw))
        .and_then(|rec| {
            id = Some(rec.id.clone());
            let doc = rec.into_document(line, source, dct)?;
            let value = process(&doc, raw)?;
            ok_line(&doc.id, &value)
        });
    match res {
        Ok(l) => (l, true),
        Err(e) => (error_line(id.as_deref(), line, &e), false),
    }
}

/// The `id` of a record that could not be read as a [`Record`] (a field of the wrong type,
/// a missing `text`), when it is valid JSON with a string `id`. See: #18 (row 13).
fn id_of_bad_record(raw: &[u8]) -> Option<String> {
    // As a generic value: a duplicated key is not an error there (the last one counts).
    match serde_json::from_slice::<serde_json::Value>(raw).ok()? {
        serde_json::Value::Object(mut m) => match m.remove(record::ID)? {
            serde_json::Value::String(id) => Some(id),
            _ => None,
        },
        _ => None,
    }
}

/// Turn one raw input line (line number `line`, 1-based) into a document.
pub fn parse_record(raw: &[u8], line: usize, source: &Path, dct: Option<NaiveDate>) -> Result<Document> {
    parse_json(raw, line, source)?.into_document(line, source, dct)
}

/// Decode one raw input line as a [`Record`].
pub fn parse_json(raw: &[u8], line: usize, source: &Path) -> Result<Record> {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let text = std::str::from_utf8(raw).map_err(|e| {
        let at = e.valid_up_to();
        let col = std::str::from_utf8(&raw[..at]).map_or(at, |p| p.chars().count()) + 1;
        Error::invalid_utf8(source, line, col, at)
    })?;
    let expected = "a JSON object {\"id\": string, \"published\": \"YYYY-MM-DD\", \"text\": string}";
    let first = text.trim_start();
    if !first.starts_with('{') {
        // serde would also read `["id", "date", "text"]` positionally; records are objects.
        let col = text.len() - first.len();
        let what = match first.as_bytes().first() {
            Some(b'[') => "a JSON array".to_string(),
            _ => format!("{:?}", truncate(first, 20)),
        };
        return Err(Error::parse_at(source, Some(line), Some(col + 1), expected, what));
    }
    let rec: Record = serde_json::from_str(text).map_err(|e| {
        // serde_json counts columns in bytes; report characters like everywhere else.
        let byte = e.column().saturating_sub(1).min(text.len());
        let byte = (0..=byte).rev().find(|&b| text.is_char_boundary(b)).unwrap_or(0);
        let col = LineIndex::new(text).line_col(byte).1;
        let mut msg = e.to_string();
        if let Some(i) = msg.find(" at line ") {
            msg.truncate(i);
        }
        let found = match e.classify() {
            serde_json::error::Category::Data => msg,
            _ => format!("invalid JSON ({msg})"),
        };
        Error::parse_at(source, Some(line), Some(col), expected, found)
    })?;
    Ok(rec)
}

impl Record {
    /// The document this record describes: the DCT is `published`, else `dct`, else a
    /// dateline found in the text.
    pub fn into_document(self, line: usize, source: &Path, dct: Option<NaiveDate>) -> Result<Document> {
        let rec = self;
        let (date, from) = match rec.published.as_deref() {
            Some(p) => (parse_published(p, line, source)?, DctSource::Stream),
            None => match (dct, find_dateline(&rec.text)) {
                (Some(d), _) => (d, DctSource::Flag),
                (None, Some(dl)) => (
                    dl.date,
                    DctSource::Dateline {
                        line: dl.line,
                        text: dl.text,
                    },
                ),
                (None, None) => {
                    return Err(Error::parse_at(
                        source,
                        Some(line),
                        None,
                        "a \"published\" date YYYY-MM-DD in the record (or --dct, or a dateline in the text)",
                        message::NONE,
                    ))
                }
            },
        };
        Ok(Document::from_text(rec.id, rec.text, date, from))
    }
}

/// `YYYY-MM-DD`, or an RFC 3339 date-time whose date part is taken as written (no time-zone
/// conversion: the publication date is the date the publisher printed).
fn parse_published(p: &str, line: usize, source: &Path) -> Result<NaiveDate> {
    let date_part = match p.split_once('T') {
        Some((d, _)) => d,
        None => p,
    };
    let ok = date_part.len() == 10 && date_part.as_bytes()[4] == b'-' && date_part.as_bytes()[7] == b'-';
    ok.then(|| NaiveDate::parse_from_str(date_part, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| {
            Error::parse_at(
                source,
                Some(line),
                None,
                "\"published\" as a real date YYYY-MM-DD",
                format!("{:?}", truncate(p, 80)),
            )
        })
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// `{"id":…,<value's fields>}`, or `{"id":…,"result":<value>}` when value is not an object.
fn ok_line<T: Serialize>(id: &str, value: &T) -> Result<String> {
    // The value is serialized straight after the `{"id":…` prefix, in the same buffer: a
    // dense record's result is many times the record's size, and is not copied again.
    let mut buf = Vec::with_capacity(id.len() + 64);
    buf.extend_from_slice(b"{\"id\":");
    buf.extend_from_slice(json(id).as_bytes());
    let p = buf.len();
    serde_json::to_writer(&mut buf, value)
        .map_err(|e| Error::parse(None, "a result that JSON can represent", e.to_string()))?;
    if &buf[p..] == b"{}" {
        buf.truncate(p);
        buf.push(b'}');
    } else if buf[p] == b'{' {
        buf[p] = b',';
    } else {
        let body = buf.split_off(p);
        buf.extend_from_slice(b",\"result\":");
        buf.extend_from_slice(&body);
        buf.push(b'}');
    }
    // serde_json writes UTF-8, and the prefix is JSON too.
    String::from_utf8(buf).map_err(|e| Error::parse(None, "a result that JSON can represent", e.to_string()))
}

/// `{"id":…|null,"line":N,"error":"…"}`.
fn error_line(id: Option<&str>, line: usize, e: &Error) -> String {
    format!(
        "{{\"id\":{},\"line\":{line},\"error\":{}}}",
        id.map_or_else(|| record::NULL.to_string(), json),
        json(&e.to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[derive(Serialize)]
    struct Words {
        published: String,
        words: usize,
    }

    fn words(d: &Document) -> Result<Words> {
        if d.text.contains("FAIL") {
            return Err(Error::usage("the processor refused this text"));
        }
        Ok(Words {
            published: d.dct.to_string(),
            words: d.text.split_whitespace().count(),
        })
    }

    fn run_str(input: &[u8], dct: Option<NaiveDate>, jobs: usize) -> (String, Summary) {
        let mut out = Vec::new();
        let s = run(input, &mut out, Path::new("<stdin>"), dct, &Options::jobs(jobs), words).unwrap();
        (String::from_utf8(out).unwrap(), s)
    }

    #[test]
    fn one_line_per_record_in_order() {
        let input = concat!(
            "{\"id\":\"a\",\"published\":\"2014-12-18\",\"text\":\"on Monday it rained\"}\n",
            "\n",
            "{\"id\":\"b\",\"published\":\"2014-12-18T23:30:00-05:00\",\"text\":\"\",\"extra\":1}\r\n",
            "{\"id\":\"c\",\"text\":\"12/17/14\\nSony\"}\n",
            "{\"id\":\"d\",\"published\":\"2014-02-31\",\"text\":\"x\"}\n",
            "not json\n",
            "{\"id\":\"f\",\"published\":\"2014-12-18\",\"text\":\"FAIL\"}\n",
            "{\"id\":\"g\",\"text\":\"no date\"}",
        );
        let (out, s) = run_str(input.as_bytes(), None, 1);
        let expected = concat!(
            "{\"id\":\"a\",\"published\":\"2014-12-18\",\"words\":4}\n",
            "{\"id\":\"b\",\"published\":\"2014-12-18\",\"words\":0}\n",
            "{\"id\":\"c\",\"published\":\"2014-12-17\",\"words\":2}\n",
            "{\"id\":\"d\",\"line\":5,\"error\":\"<stdin>:5: expected \\\"published\\\" as a real date YYYY-MM-DD, found \\\"2014-02-31\\\"\"}\n",
            "{\"id\":null,\"line\":6,\"error\":\"<stdin>:6:1: expected a JSON object {\\\"id\\\": string, \\\"published\\\": \\\"YYYY-MM-DD\\\", \\\"text\\\": string}, found \\\"not json\\\"\"}\n",
            "{\"id\":\"f\",\"line\":7,\"error\":\"the processor refused this text\"}\n",
            "{\"id\":\"g\",\"line\":8,\"error\":\"<stdin>:8: expected a \\\"published\\\" date YYYY-MM-DD in the record (or --dct, or a dateline in the text), found none\"}\n",
        );
        assert_eq!(out, expected);
        assert_eq!(
            s,
            Summary {
                records: 7,
                errors: 4,
                closed: false
            }
        );
        for l in out.lines() {
            let v: Value = serde_json::from_str(l).unwrap();
            assert!(v.get("id").is_some());
        }
    }

    #[test]
    fn dct_flag_fills_in_missing_published() {
        let d = NaiveDate::from_ymd_opt(2001, 9, 11);
        let (out, _) = run_str(b"{\"id\":\"g\",\"text\":\"12/17/14 no date\"}\n", d, 1);
        assert_eq!(out, "{\"id\":\"g\",\"published\":\"2001-09-11\",\"words\":3}\n");
    }

    #[test]
    fn records_that_are_not_documents() {
        for (input, found) in [
            (&b"{\"id\":1,\"text\":\"x\"}"[..], "invalid type: integer `1`"),
            (b"{\"text\":\"x\"}", "missing field `id`"),
            (b"{\"id\":\"x\",", "1:10: expected a JSON object {\\\"id\\\": string, \\\"published\\\": \\\"YYYY-MM-DD\\\", \\\"text\\\": string}, found invalid JSON (EOF while parsing a value)"),
            (b"{\"id\":\"x\",\"text\":\"\\ud800\"}", "invalid JSON (unexpected end of hex escape)"),
            (b"{\"id\":\"x\"}", "missing field `text`"),
            (b"[\"x\",null,\"a\"]", "found a JSON array"),
            (b"{\"id\":\"x\",\"text\":\"a\"} trailing", "trailing characters"),
            (
                b"{\"id\":\"x\",\"published\":20141218,\"text\":\"a\"}",
                "invalid type: integer",
            ),
        ] {
            let (out, s) = run_str(input, None, 1);
            assert_eq!(s.errors, 1, "{out}");
            assert!(out.contains(found), "{out} should contain {found}");
        }
    }

    #[test]
    fn invalid_utf8_says_where() {
        let (out, s) = run_str(
            b"{\"id\":\"ok\",\"published\":\"2014-12-18\",\"text\":\"a\"}\n{\"id\":\"\xc3\xa9\xff\"}\n",
            None,
            1,
        );
        assert_eq!(s.errors, 1);
        assert!(
            out.ends_with("{\"id\":null,\"line\":2,\"error\":\"<stdin>:2:9: invalid UTF-8 at byte 9: expected UTF-8 text (convert the file, e.g. with iconv)\"}\n"),
            "{out}"
        );
    }

    #[test]
    fn same_output_for_every_thread_count() {
        let mut input = String::new();
        for i in 0..10_000 {
            if i % 97 == 0 {
                input.push_str("garbage\n");
            } else {
                input.push_str(&format!(
                    "{{\"id\":\"{i}\",\"published\":\"2014-12-{:02}\",\"text\":\"{}\"}}\n",
                    i % 28 + 1,
                    "word ".repeat(i % 13)
                ));
            }
        }
        let (one, s1) = run_str(input.as_bytes(), None, 1);
        let (four, s4) = run_str(input.as_bytes(), None, 4);
        assert_eq!(one, four);
        assert_eq!(s1, s4);
        assert_eq!(one.lines().count(), 10_000);
        assert_eq!(s1.errors, 104);
    }

    #[test]
    fn non_object_results_go_under_result() {
        let mut out = Vec::new();
        let input = b"{\"id\":\"a\",\"published\":\"2014-12-18\",\"text\":\"x y\"}\n";
        run(
            &input[..],
            &mut out,
            Path::new("-"),
            None,
            &Options::jobs(1),
            |d: &Document| Ok(d.text.len()),
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "{\"id\":\"a\",\"result\":3}\n");
    }

    fn run_limited(input: &[u8], max: usize) -> (String, Summary) {
        let mut out = Vec::new();
        let limits = Limits { max_record_bytes: max };
        let s = run_with(
            input,
            &mut out,
            Path::new("<stdin>"),
            None,
            &Options::jobs(1),
            &limits,
            words,
        )
        .unwrap();
        (String::from_utf8(out).unwrap(), s)
    }

    // See: #18, row 4.
    #[test]
    fn oversized_records_are_error_lines_and_the_stream_goes_on() {
        let ok = "{\"id\":\"a\",\"published\":\"2014-12-18\",\"text\":\"x y\"}";
        let long = format!("{{\"text\":\"{}\",\"id\":\"late\"}}", "z".repeat(100));
        let early = format!("{{\"id\":\"early\",\"text\":\"{}\"}}", "\\\"id\\\": ".repeat(30));
        let input = format!("{ok}\n{long}\r\n{early}\n{ok}");
        let max = ok.len();
        let (out, s) = run_limited(input.as_bytes(), max);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4, "{out}");
        assert_eq!(lines[0], "{\"id\":\"a\",\"published\":\"2014-12-18\",\"words\":2}");
        // The id comes after the text: not found in the kept prefix? It is (the prefix holds
        // the whole record here), and an `"id"` inside the text is not taken for the key.
        let want = format!(
            "{{\"id\":\"late\",\"line\":2,\"error\":\"<stdin>:2: expected a record of at most {max} bytes \
             (--max-record-bytes), found {} bytes; the record was skipped\"}}",
            long.len()
        );
        assert_eq!(lines[1], want);
        assert!(lines[2].starts_with("{\"id\":\"early\",\"line\":3,"), "{}", lines[2]);
        assert_eq!(lines[3], lines[0]);
        assert_eq!(s.records, 4);
        assert_eq!(s.errors, 2);
        // A blank line is no record, however long.
        let (out, s) = run_limited(format!("{ok}\n{}\n{ok}\n", "\x0c \t".repeat(40)).as_bytes(), max);
        assert_eq!((s.records, s.errors), (2, 0), "{out}");
        // Exactly at the limit (without its line end) is fine.
        let (out, s) = run_limited(format!("{ok}\r\n").as_bytes(), max);
        assert_eq!(s.errors, 0, "{out}");
    }

    #[test]
    fn id_of_an_oversized_record() {
        assert_eq!(id_in_prefix(b"{\"id\":\"x\",\"text\":\"...").as_deref(), Some("x"));
        assert_eq!(
            id_in_prefix(b" { \"text\" : \"\\\"id\\\":\\\"no\\\"\", \"id\" : \"yes\"").as_deref(),
            Some("yes")
        );
        assert_eq!(
            id_in_prefix(b"{\"meta\":{\"id\":\"inner\"},\"id\":\"outer\"").as_deref(),
            Some("outer")
        );
        assert_eq!(id_in_prefix(b"{\"id\":\"unfinish"), None);
        assert_eq!(id_in_prefix(b"{\"text\":\"aaaa"), None);
        assert_eq!(id_in_prefix(b"[\"id\",\"x\"]"), None);
    }

    // See: #18, row 13.
    #[test]
    fn wrong_typed_fields_keep_the_id() {
        let (out, _) = run_str(
            b"{\"id\":\"k\",\"published\":20141218,\"text\":\"x\"}\n{\"id\":\"t\",\"text\":5}\n",
            None,
            1,
        );
        let ids: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
            .collect();
        assert_eq!(ids, [Value::from("k"), Value::from("t")]);
    }

    #[test]
    fn broken_pipe_stops_quietly() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let input = b"{\"id\":\"a\",\"published\":\"2014-12-18\",\"text\":\"x\"}\n";
        let s = run(&input[..], Closed, Path::new("-"), None, &Options::jobs(1), words).unwrap();
        assert!(s.closed);
    }
}
