//! The language seam: everything a stage needs to know about a natural language, behind one
//! [`Language`] interface, one package per language.
//!
//! | package      | code | what it holds                                                      |
//! |--------------|------|--------------------------------------------------------------------|
//! | [`en`]       | `en` | English: the timex grammar's word tables, the tense cues, the month names of datelines, the event stage's and the timeline assembly's word lists, the temporal signals and metric phrases of the link stage, the sentence splitter's abbreviations (the default) |
//! | [`de`]       | `de` | German: absolute dates, month and weekday names, `gestern`/`heute`/`morgen`, `letzte`/`nächste` + unit, tense cues; no event package |
//!
//! A package is a folder `src/lang/<code>/`: word lists and tables as data files
//! (`data/*.txt`, one word a line; `data/*.tsv`, word TAB value, or fields separated by TABs
//! with `-` for an empty one; `#` starts a comment line), embedded in the binary with
//! `include_str!` and parsed once, on first use ([`Words`], [`Table`], [`Rows`]), plus the little code that cannot be data (the rules that read the tables, the
//! tense cues). The stages ask the package through [`Language`]; a language is chosen by
//! its code ([`by_code`], `tempograph tag --lang de`), English by default ([`english`]).
//! [`signal`] holds what every language's signal words map to (`SignalId`: `after`, `until`,
//! ...), the vocabulary of the link rules and the learned models.
//!
//! # Adding a language
//!
//! 1. A folder `src/xx/` with a `mod.rs` that implements [`Language`] and its data.
//! 2. One line in [`LANGUAGES`] below (and `pub mod xx;`), both in this crate.
//! 3. Its cases in `tests/data/lang/xx/*.toml` (`tests/lang.rs` finds them and checks that
//!    every rule id of the language is exercised).
//! 4. For events and relations, an [`EventWords`] `static` filled from its data, returned by
//!    [`Language::events`]. Without one the language's documents get their temporal
//!    expressions and no events.
//!
//! Nothing outside this crate changes: the resolver is language-free and reads the direction
//! of an expression from [`Language::direction`], and the event, link and timeline stages
//! read every word through the [`EventWords`] the pipeline hands them. See `docs/DESIGN.md`
//! ("The language seam").

pub mod de;
pub mod en;
pub mod engine;
pub mod signal;
pub mod stage;
pub mod text;

pub use stage::{Endings, EventFrame, EventWords};

/// The crate under the name the library's other crates know it by (`crate::lang::...`, as
/// when it was the module `tempograph::lang`).
use crate as lang;

use crate::text::Analysis;
use engine::{Cand, Ctx, Cue, Lexicon};
use std::sync::OnceLock;

/// A natural language, as the pipeline's stages read it.
///
/// Implementations are unit structs in `src/lang/<code>/`, listed in [`LANGUAGES`].
pub trait Language: Send + Sync + 'static {
    /// The ISO 639-1 code (`en`, `de`), as `--lang` takes it.
    fn code(&self) -> &'static str;

    /// The language's English name (`German`), for messages.
    fn name(&self) -> &'static str;

    /// Every rule id [`Language::extract`] can give a candidate (each is exercised by a case
    /// in the language's test data).
    fn rule_ids(&self) -> &'static [&'static str];

    /// The words the token context looks every token up in once ([`Ctx`] then answers
    /// `month`, `weekday`, `unit`, ... and the matcher skips tokens that start nothing).
    /// Built once, on first use.
    fn lexicon(&self) -> &'static Lexicon;

    /// The temporal expressions that start at tokens `from..to` of `ctx`, with *unresolved*
    /// values, sorted by position and without overlaps, and the token at which the pass
    /// stopped (past `to` when a match runs over it).
    fn extract(&self, ctx: &Ctx, from: usize, to: usize) -> (Vec<Cand>, usize);

    /// Which way the verbs around tokens `start..end` point (past, future or neither), with
    /// the evidence: the resolver's tense cue.
    fn direction(&self, ctx: &Ctx, analysis: &Analysis, start: usize, end: usize) -> Cue;

    /// The month a lower-case month name or abbreviation names (`december`, `dec`), as a
    /// dateline writes it. (Document ingestion reads datelines before it knows a document's
    /// language, and reads them in English; this is here for when it does not.)
    fn month_number(&self, lower: &str) -> Option<u32>;

    /// The tokens that join the two ends of a range of dates (`from March to May`,
    /// `Dec. 5 - Jan. 8`), lower case: the end follows the start.
    fn range_connectors(&self) -> &[&'static str];

    /// The tokens that join two dates as a choice (`in May or June 2021`), lower case: like a
    /// range, the first takes the year of the second. None by default.
    fn choice_connectors(&self) -> &[&'static str] {
        &[]
    }

    /// The tokens that join two weekdays as the ends of one range (`from Monday to Friday`),
    /// lower case: the end is the first such weekday after the start. Not `and`: "Friday and
    /// Thursday" names two days of a story. None by default.
    fn weekday_range_connectors(&self) -> &[&'static str] {
        &[]
    }

    /// A marker at token `i`, right after a weekday, that makes the day past whatever the
    /// verbs say (the English possessive: `Wednesday's ruling`), with the evidence in words.
    fn past_marker_after(&self, _ctx: &Ctx, _i: usize) -> Option<&'static str> {
        None
    }

    /// Whether `cue`, a past cue some tokens before the expression starting at token
    /// `start`, is a firm past form that governs a month over its object (`bought the stadium
    /// in March`): an irregular past, not an `-ed` form that may be an adjective or a
    /// participle (`preferred shares on Oct. 31`), and not before a deadline (`until`).
    fn firm_past_cue(&self, _ctx: &Ctx, _start: usize, _cue: &str) -> bool {
        false
    }

    /// Whether a past perfect (`had met`) governs the expression starting at token `start`,
    /// in its clause before it: the event lies before the time the story has reached, so a
    /// weekday it names is before the day mentioned before, not the latest such day.
    fn past_perfect_before(&self, _ctx: &Ctx, _analysis: &Analysis, _start: usize) -> bool {
        false
    }

    /// The words of the cues by which a text sets its own day (`On Monday, ...`, `earlier
    /// today`, `"…," Smith said on Monday`), read by `crate::timex::reference`. A language
    /// without them keeps every `today` on the publication date.
    fn reference_cues(&self) -> Option<&'static ReferenceCues> {
        None
    }

    /// The words of the event and link stages ([`EventWords`]): the event tagger's lists, the
    /// verb group, labels, the merger, the timeline assembly and the temporal signals. `None`
    /// for a language without an event package: its documents get their temporal expressions
    /// and no events (and so no relations); nothing panics.
    fn events(&self) -> Option<&'static EventWords> {
        None
    }

    /// The lower-case words a dateline or byline may hold besides dates (`posted`, `gmt`).
    fn dateline_words(&self) -> &[&'static str] {
        &[]
    }

    /// The words for a TIMEX3 part of the day (`MO` → `morning`), as a date label writes it.
    fn part_of_day(&self, _code: &str) -> Option<&'static str> {
        None
    }
}

/// The words of a language's reference-time cues (see [`Language::reference_cues`]).
pub struct ReferenceCues {
    /// The preposition before a day that opens a sentence and so sets the story's day (`On
    /// Monday, the board voted`), and that may stand between an attribution verb and its day
    /// (`said on Monday`). Compared without case.
    pub on: &'static str,
    /// The word of the publication day that a reference time may move (`today`).
    pub today: &'static str,
    /// The determiner of a part of the publication day (`this morning`, `this afternoon`):
    /// inside a dated quote it moves with the quote's day, as a quoted `today` does.
    pub this: &'static str,
    /// Words before [`ReferenceCues::today`] that tell narration (`earlier today`): the
    /// reference time then holds past its sentence, up to the end of the paragraph.
    pub narrative: &'static Words,
    /// Verbs that attribute a quote (`"…," Smith said on Monday`).
    pub attribution: &'static Words,
}

/// Every language, by code. English first: it is the default.
pub static LANGUAGES: &[&dyn Language] = &[&en::English, &de::German];

/// English, the default language.
pub fn english() -> &'static dyn Language {
    &en::English
}

/// The language with code `code` (`en`, `de`; case-insensitive).
pub fn by_code(code: &str) -> Option<&'static dyn Language> {
    LANGUAGES.iter().copied().find(|l| l.code().eq_ignore_ascii_case(code))
}

/// The codes of every language, for messages (`en, de`).
pub fn codes() -> String {
    LANGUAGES.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")
}

/// The lines of a data file that carry data: trimmed, without blank lines and `#` comments.
fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A word list from a data file (one word a line), parsed on first use.
///
/// It dereferences to a slice, so `LIST.contains(&w)` and `ctx.any(i, &LIST)` read as they
/// did with a `static [&str]`; the words borrow from the embedded file (no copies).
pub struct Words {
    src: &'static str,
    cell: OnceLock<Vec<&'static str>>,
}

impl Words {
    /// The list of `src` (an `include_str!` of the data file).
    pub const fn new(src: &'static str) -> Words {
        Words {
            src,
            cell: OnceLock::new(),
        }
    }

    /// The words, in file order.
    pub fn get(&self) -> &[&'static str] {
        self.cell.get_or_init(|| data_lines(self.src).collect())
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.get()
    }
}

/// A value in the second column of a [`Table`].
pub trait Field: Sized + Send + Sync {
    /// The value `s` writes, if it is one.
    fn parse_field(s: &str) -> Option<Self>;
}

impl Field for String {
    fn parse_field(s: &str) -> Option<String> {
        (!s.is_empty()).then(|| s.to_string())
    }
}

impl Field for u32 {
    fn parse_field(s: &str) -> Option<u32> {
        s.parse().ok()
    }
}

impl Field for i64 {
    fn parse_field(s: &str) -> Option<i64> {
        s.parse().ok()
    }
}

impl Field for crate::lang::engine::Unit {
    fn parse_field(s: &str) -> Option<Self> {
        use crate::lang::engine::Unit;
        Some(match s {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "half" => Unit::Half,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            "millennium" => Unit::Millennium,
            _ => return None,
        })
    }
}

/// A table from a data file (`word TAB value` a line), parsed on first use. A line that does
/// not parse is a bug in the package, caught by its tests ([`Table::check`]); at run time it
/// is left out.
pub struct Table<T: 'static> {
    src: &'static str,
    cell: OnceLock<Vec<(&'static str, T)>>,
}

impl<T: Field + 'static> Table<T> {
    /// The table of `src` (an `include_str!` of the data file).
    pub const fn new(src: &'static str) -> Table<T> {
        Table {
            src,
            cell: OnceLock::new(),
        }
    }

    /// The rows, in file order.
    pub fn get(&self) -> &[(&'static str, T)] {
        self.cell
            .get_or_init(|| data_lines(self.src).filter_map(|l| parse_row(l).ok()).collect())
    }

    /// The value of `w`, if the table has it.
    pub fn find(&self, w: &str) -> Option<&T> {
        self.get().iter().find(|(k, _)| *k == w).map(|(_, v)| v)
    }

    /// Every line that does not parse, as `line N: text` (empty when the file is sound).
    pub fn check(&self) -> Vec<String> {
        self.src
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim().starts_with('#'))
            .filter_map(|(n, l)| {
                parse_row::<T>(l.trim())
                    .err()
                    .map(|e| format!("line {}: {e}: {l:?}", n + 1))
            })
            .collect()
    }
}

impl<T: Field + 'static> std::ops::Deref for Table<T> {
    type Target = [(&'static str, T)];
    fn deref(&self) -> &[(&'static str, T)] {
        self.get()
    }
}

fn parse_row<T: Field>(l: &'static str) -> Result<(&'static str, T), &'static str> {
    let mut cols = l.split('\t').map(str::trim);
    let (Some(w), Some(v), None) = (cols.next(), cols.next(), cols.next()) else {
        return Err("expected `word TAB value`");
    };
    let v = T::parse_field(v).ok_or("unreadable value")?;
    Ok((w, v))
}

/// Rows of fields from a data file (`field TAB field ...` a line), parsed on first use; a
/// field written `-` is the empty string (a suffix rule that removes without adding:
/// `ed TAB -`). For rules whose parts are all words, in file order: morphology's suffix
/// rules.
pub struct Rows {
    src: &'static str,
    cell: OnceLock<Vec<Vec<&'static str>>>,
}

impl Rows {
    /// The rows of `src` (an `include_str!` of the data file).
    pub const fn new(src: &'static str) -> Rows {
        Rows {
            src,
            cell: OnceLock::new(),
        }
    }

    /// The rows, in file order, each with at least one field.
    pub fn get(&self) -> &[Vec<&'static str>] {
        self.cell.get_or_init(|| {
            data_lines(self.src)
                .map(|l| {
                    l.split('\t')
                        .map(|f| if f.trim() == "-" { "" } else { f.trim() })
                        .collect()
                })
                .collect()
        })
    }
}

impl std::ops::Deref for Rows {
    type Target = [Vec<&'static str>];
    fn deref(&self) -> &[Vec<&'static str>] {
        self.get()
    }
}
