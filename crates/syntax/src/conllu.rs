//! CoNLL-U reading and writing (<https://universaldependencies.org/format.html>).
//!
//! Reading validates what the rest of the crate relies on and reports the first problem
//! with its line: ten tab-separated columns, word ids 1, 2, 3 … in order, multiword
//! token ranges that cover the words after them, heads inside the sentence and no cycle
//! among them (when heads are given; `_` means "not given").

use std::fmt;

/// One syntactic word (a CoNLL-U line with an integer id).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Word {
    /// FORM.
    pub form: String,
    /// LEMMA (`_` when unknown).
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS.
    pub xpos: String,
    /// FEATS.
    pub feats: String,
    /// HEAD: 0 is the root, `None` when not given (`_`).
    pub head: Option<usize>,
    /// DEPREL.
    pub deprel: String,
    /// DEPS (kept as read).
    pub deps: String,
    /// MISC.
    pub misc: String,
}

/// A multiword token: words `first..=last` (1-based ids) written as one surface form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiWord {
    /// First word id.
    pub first: usize,
    /// Last word id.
    pub last: usize,
    /// The surface form.
    pub form: String,
    /// MISC of the token line.
    pub misc: String,
}

/// One sentence: its comment lines, words and multiword tokens. Empty nodes (ids like
/// `3.1`, enhanced dependencies) are dropped on reading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Comment lines without the leading `# `.
    pub comments: Vec<String>,
    /// The words, in order; word `i` has id `i + 1`.
    pub words: Vec<Word>,
    /// Multiword tokens, in order.
    pub multiwords: Vec<MultiWord>,
    /// The 1-based line of the sentence's first line in its file.
    pub line: usize,
}

impl Sentence {
    /// The `# text = ` comment, if any.
    pub fn text(&self) -> Option<&str> {
        self.comments.iter().find_map(|c| c.strip_prefix("text = "))
    }
}

/// A malformed CoNLL-U input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// 1-based line.
    pub line: usize,
    /// What the format requires there.
    pub expected: String,
    /// What was there instead.
    pub found: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}: expected {}, found {}",
            self.line, self.expected, self.found
        )
    }
}

impl std::error::Error for Error {}

fn err<T>(line: usize, expected: impl Into<String>, found: impl Into<String>) -> Result<T, Error> {
    Err(Error {
        line,
        expected: expected.into(),
        found: found.into(),
    })
}

/// Reads every sentence of a CoNLL-U text.
pub fn parse(text: &str) -> Result<Vec<Sentence>, Error> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut started = false;
    let mut last_line = 0;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        last_line = n;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if started {
                finish(&mut cur, n)?;
                out.push(std::mem::take(&mut cur));
                started = false;
            }
            continue;
        }
        if !started {
            cur.line = n;
            started = true;
        }
        if let Some(c) = line.strip_prefix('#') {
            if !cur.words.is_empty() {
                return err(n, "a word line or a blank line", "a comment inside a sentence");
            }
            cur.comments.push(c.strip_prefix(' ').unwrap_or(c).to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return err(n, "10 tab-separated columns", format!("{}", cols.len()));
        }
        let id = cols[0];
        if let Some((a, b)) = id.split_once('-') {
            let (Ok(first), Ok(last)) = (a.parse::<usize>(), b.parse::<usize>()) else {
                return err(n, "a multiword token range like 3-4", format!("{id:?}"));
            };
            if first != cur.words.len() + 1 || last <= first {
                return err(
                    n,
                    format!("a multiword token range starting at word {}", cur.words.len() + 1),
                    id,
                );
            }
            cur.multiwords.push(MultiWord {
                first,
                last,
                form: nonempty(cols[1], n, "FORM")?,
                misc: cols[9].to_string(),
            });
            continue;
        }
        if id.contains('.') {
            if id
                .split_once('.')
                .is_some_and(|(a, b)| a.parse::<usize>().is_ok() && b.parse::<usize>().is_ok())
            {
                continue; // an empty node
            }
            return err(n, "a word id", format!("{id:?}"));
        }
        let Ok(num) = id.parse::<usize>() else {
            return err(n, "a word id (1, 2, …)", format!("{id:?}"));
        };
        if num != cur.words.len() + 1 {
            return err(n, format!("word id {}", cur.words.len() + 1), num.to_string());
        }
        let head = match cols[6] {
            "_" => None,
            h => match h.parse::<usize>() {
                Ok(h) => Some(h),
                Err(_) => return err(n, "a HEAD number or _", format!("{h:?}")),
            },
        };
        cur.words.push(Word {
            form: nonempty(cols[1], n, "FORM")?,
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if started {
        finish(&mut cur, last_line + 1)?;
        out.push(cur);
    }
    Ok(out)
}

fn nonempty(s: &str, line: usize, what: &str) -> Result<String, Error> {
    if s.is_empty() {
        return err(line, format!("a non-empty {what}"), "an empty column");
    }
    Ok(s.to_string())
}

/// Checks a finished sentence: words present, multiword ranges inside it, heads in range
/// and acyclic when given.
fn finish(s: &mut Sentence, line: usize) -> Result<(), Error> {
    let at = s.line;
    if s.words.is_empty() {
        return err(at, "at least one word line in the sentence", "only comments");
    }
    let n = s.words.len();
    for m in &s.multiwords {
        if m.last > n {
            return err(
                at,
                format!("a multiword token within the sentence's {n} words"),
                format!("{}-{}", m.first, m.last),
            );
        }
    }
    let given = s.words.iter().filter(|w| w.head.is_some()).count();
    if given == 0 {
        return Ok(());
    }
    if given != n {
        return err(
            at,
            "HEAD on every word of the sentence or on none",
            "some HEADs missing",
        );
    }
    for (i, w) in s.words.iter().enumerate() {
        let h = w.head.unwrap_or(0);
        if h > n {
            return err(
                at + s.comments.len() + i,
                format!("a HEAD inside the sentence (0..={n})"),
                h.to_string(),
            );
        }
        if h == i + 1 {
            return err(
                at + s.comments.len() + i,
                "a HEAD other than the word itself",
                h.to_string(),
            );
        }
    }
    // Cycle check: follow heads from each word; more than n steps means a cycle.
    for start in 0..n {
        let mut cur = start + 1;
        let mut steps = 0;
        while cur != 0 {
            cur = s.words[cur - 1].head.unwrap_or(0);
            steps += 1;
            if steps > n {
                return err(
                    at,
                    "HEADs that form a tree",
                    format!("a cycle through word {}", start + 1),
                );
            }
        }
    }
    let _ = line;
    Ok(())
}

/// Writes sentences as CoNLL-U (each followed by a blank line).
pub fn write(sentences: &[Sentence], out: &mut String) {
    for s in sentences {
        write_sentence(s, out);
    }
}

/// Writes one sentence.
pub fn write_sentence(s: &Sentence, out: &mut String) {
    use std::fmt::Write;
    for c in &s.comments {
        out.push_str("# ");
        out.push_str(c);
        out.push('\n');
    }
    let mut mw = s.multiwords.iter().peekable();
    for (i, w) in s.words.iter().enumerate() {
        if let Some(m) = mw.peek() {
            if m.first == i + 1 {
                let _ = writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                    m.first, m.last, m.form, m.misc
                );
                mw.next();
            }
        }
        let head = w.head.map_or_else(|| "_".to_string(), |h| h.to_string());
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            w.form,
            or_blank(&w.lemma),
            or_blank(&w.upos),
            or_blank(&w.xpos),
            or_blank(&w.feats),
            head,
            or_blank(&w.deprel),
            or_blank(&w.deps),
            or_blank(&w.misc)
        );
    }
    out.push('\n');
}

fn or_blank(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_back() {
        let t = "# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n\n";
        let s = parse(t).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 3);
        assert_eq!(s[0].multiwords[0].form, "don't");
        let mut out = String::new();
        write(&s, &mut out);
        assert_eq!(out, t);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("1\ta\ta\tX\tX\t_\t0\troot\t_\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(
            e.to_string().contains("expected 10 tab-separated columns, found 9"),
            "{e}"
        );
        let e = parse("1\ta\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n\n").unwrap_err();
        assert!(e.found.contains("cycle"), "{e}");
        let e = parse("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().contains("expected word id 2, found 3"), "{e}");
        let e = parse("1\ta\ta\tX\tX\t_\t7\troot\t_\t_\n\n").unwrap_err();
        assert!(e.expected.contains("inside the sentence"), "{e}");
    }
}
