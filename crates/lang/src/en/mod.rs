//! English, the default language: the word tables of the timex grammar, the tense cues, and
//! the month names of datelines.
//!
//! | table                 | data file                  | example            | read by                       |
//! |-----------------------|----------------------------|--------------------|-------------------------------|
//! | [`MONTHS`]            | `data/months.tsv`          | `december` → 12    | `timex::rules`, `document` (datelines) |
//! | [`MONTH_ABBR`]        | `data/month-abbr.tsv`      | `sept` → 9         | the same                      |
//! | [`WEEKDAYS`]          | `data/weekdays.tsv`        | `friday` → 4       | `timex::rules`                |
//! | [`WEEKDAY_ABBR`]      | `data/weekday-abbr.tsv`    | `thurs` → 3        | `timex::rules`                |
//! | [`NUMBER_WORDS`]      | `data/numbers.tsv`         | `twenty` → 20      | `timex::rules`                |
//! | [`ORDINAL_WORDS`]     | `data/ordinals.tsv`        | `third` → 3        | `timex::rules`                |
//! | [`UNITS`]             | `data/units.tsv`           | `fortnight` → week | `timex::rules`                |
//! | [`TRIGGERS`]          | `data/triggers.txt`        | `last`, `daily`    | `timex::rules` (the lexicon)  |
//! | [`WEAK`]              | `data/weak.txt`            | `the`, `about`     | `timex::rules` (the lexicon)  |
//! | [`LEXICON_EXTRA`]     | `data/lexicon-extra.txt`   | `moment`, `eve`    | `timex::rules` (the lexicon)  |
//! | [`SUBORDINATORS`]     | `data/subordinators.txt`   | `because`          | [`tense`], the pipeline       |
//! | tense cue lists       | `data/tense-*.txt`         | `told`, `slated`   | [`tense`]                     |
//! | [`RANGE_CONNECTORS`]  | `data/range-connectors.txt`| `to`, `-`          | `timex::resolve` (ranges)     |
//! | [`NOT_NAMES`]         | `data/not-names.txt`       | `the`, `he`        | the event merger              |
//! | [`SENTENCE_OPENERS`]  | `data/sentence-openers.txt`| `On`, `Earlier`    | event labels, the pipeline    |
//! | [`LIGHT_VERBS`]       | `data/light-verbs.txt`     | `make`, `take`     | the event tagger              |
//! | [`LIGHT_LEMMAS`]      | `data/light-lemmas.txt`    | `say`, `seem`      | the pipeline (timeline events)|
//! | [`EVENT_SYNONYMS`]    | `data/event-synonyms.txt`  | `leak, disclose`   | the event merger              |
//! | [`EVENT_HYPERNYMS`]   | `data/event-hypernyms.txt` | `attack, bombing`  | the event merger              |
//! | [`EVENT_REPEATABLE`]  | `data/event-repeatable.txt`| `visit`, `hold`    | the event merger              |
//! | [`TEMPORAL_PREPOSITIONS`] | `data/temporal-prepositions.txt` | `since` | the event merger          |
//! | [`NAME_PARTICLES`]    | `data/name-particles.txt`  | `es`, `bin`        | event labels                  |
//! | [`HABITUAL_ADVERBS`]  | `data/habitual-adverbs.txt`| `often`            | events worth listing          |
//! | [`DATELINE_WORDS`]    | `data/dateline-words.txt`  | `posted`, `gmt`    | `document` (datelines)        |
//! | [`NARRATIVE_WORDS`], [`ATTRIBUTION_VERBS`] | `data/narrative-words.txt`, `data/attribution-verbs.txt` | `earlier`, `said` | `timex::reference` (through [`Language::reference_cues`]) |
//!
//! and, by the stage that reads them:
//!
//! | module        | data files               | example                                  | read by |
//! |---------------|--------------------------|------------------------------------------|---------|
//! | [`words`]     | `data/*.txt`             | prepositions, articles, finite auxiliaries | event labels, the pipeline |
//! | [`events`]    | `data/events/*`          | `be` forms, modals, determiners, class by lemma, suffix rules | `events` (tagger, verb group, morphology, labels, listing) |
//! | [`timeline`]  | `data/timeline/*`        | `since` → `BEGUN_BY`, pronouns, support verbs | the pipeline, `focus` |
//! | [`sentences`] | `data/sentences/*`       | abbreviations (`inc`), sentence openers (`However`), headline words (`of`); [`crate::text::Analysis::new`] | the sentence splitter (`text`) |
//! | [`link`]      | `data/link/*`            | `in the wake of` → `after`, `several` → 3..7 days, `later` | `link` (signals, metric phrases, timex rules) |
//! | [`merge`]     | `data/merge/*`           | `the`, `similar`, `threat`, `know`       | the event merger (`events::merge`) |
//!
//! The grammar rules that read these tables are still Rust functions in `timex::rules`
//! (`date.rs`, `relative.rs`, ...): [`English::extract`] runs them. `docs/DESIGN.md` ("The
//! language seam") lists what else still reads English outside this folder.

pub mod events;
pub mod link;
pub mod merge;
pub mod rules;
pub mod sentences;
pub mod tense;
pub mod timeline;
pub mod words;

use super::{Language, ReferenceCues, Table, Words};
use crate::lang::engine::Cue;
use crate::lang::engine::{Cand, Ctx, Lexicon, Unit};
use crate::text::Analysis;

/// English.
pub struct English;

impl Language for English {
    fn code(&self) -> &'static str {
        "en"
    }

    fn name(&self) -> &'static str {
        "English"
    }

    fn rule_ids(&self) -> &'static [&'static str] {
        rules::RULE_IDS
    }

    fn lexicon(&self) -> &'static Lexicon {
        rules::lexicon()
    }

    fn extract(&self, ctx: &Ctx, from: usize, to: usize) -> (Vec<Cand>, usize) {
        rules::extract_range(ctx, from, to)
    }

    fn direction(&self, ctx: &Ctx, analysis: &Analysis, start: usize, end: usize) -> Cue {
        tense::direction(ctx, analysis, start, end)
    }

    fn firm_past_cue(&self, ctx: &Ctx, start: usize, cue: &str) -> bool {
        tense::firm_past_cue(ctx, start, cue)
    }

    fn past_perfect_before(&self, ctx: &Ctx, analysis: &Analysis, start: usize) -> bool {
        tense::past_perfect_before(ctx, analysis, start)
    }

    fn month_number(&self, lower: &str) -> Option<u32> {
        month_number(lower)
    }

    fn range_connectors(&self) -> &[&'static str] {
        &RANGE_CONNECTORS
    }

    fn past_marker_after(&self, ctx: &Ctx, i: usize) -> Option<&'static str> {
        (ctx.punct(i, "'") && ctx.is(i + 1, "s")).then_some("possessive `'s`")
    }

    fn reference_cues(&self) -> Option<&'static ReferenceCues> {
        Some(&REFERENCE_CUES)
    }
}

/// The reference-time cues: `On Monday, ...`, `earlier today`, `"…," Smith said on Monday`.
static REFERENCE_CUES: ReferenceCues = ReferenceCues {
    on: "on",
    today: "today",
    this: "this",
    narrative: &NARRATIVE_WORDS,
    attribution: &ATTRIBUTION_VERBS,
};

/// Words before `today` that tell narration (`earlier today`, `later today`).
pub static NARRATIVE_WORDS: Words = Words::new(include_str!("data/narrative-words.txt"));

/// Verbs that attribute a quote (`"…," Smith said on Monday`).
pub static ATTRIBUTION_VERBS: Words = Words::new(include_str!("data/attribution-verbs.txt"));

/// Synonym groups of event lemmas, one group a line, words separated by `, ` (the event
/// merger: `hack, hacking, attack, ...`).
pub static EVENT_SYNONYMS: Words = Words::new(include_str!("data/event-synonyms.txt"));

/// General event words and the groups they also name (`attack, bombing`: the word, then a
/// lemma of each group).
pub static EVENT_HYPERNYMS: Words = Words::new(include_str!("data/event-hypernyms.txt"));

/// Event lemmas that name acts people repeat (`visit`, `meet`, `hold`, `vow`): the merger
/// asks more of two such mentions than a shared name (`data/event-repeatable.txt`).
pub static EVENT_REPEATABLE: Words = Words::new(include_str!("data/event-repeatable.txt"));

/// Prepositions that make the event after them a time anchor ("since the bombings").
pub static TEMPORAL_PREPOSITIONS: Words = Words::new(include_str!("data/temporal-prepositions.txt"));

/// Lower-case words inside names ("Dar es Salaam").
pub static NAME_PARTICLES: Words = Words::new(include_str!("data/name-particles.txt"));

/// The parts of the day of TIMEX3 values in words (`MO` → `morning`), for date labels.
pub static PARTS_OF_DAY: Table<String> = Table::new(include_str!("data/parts-of-day.tsv"));

/// Adverbs of habit ("as you often do").
pub static HABITUAL_ADVERBS: Words = Words::new(include_str!("data/habitual-adverbs.txt"));

/// Tokens that join the ends of a range of dates (`from March to May`, `Dec. 5 - Jan. 8`).
pub static RANGE_CONNECTORS: Words = Words::new(include_str!("data/range-connectors.txt"));

/// Month names, lower case.
pub static MONTHS: Table<u32> = Table::new(include_str!("data/months.tsv"));

/// Month abbreviations, lower case (without the period).
pub static MONTH_ABBR: Table<u32> = Table::new(include_str!("data/month-abbr.tsv"));

/// Weekday names, lower case, 0 = Monday.
pub static WEEKDAYS: Table<u32> = Table::new(include_str!("data/weekdays.tsv"));

/// Weekday abbreviations, lower case, 0 = Monday.
pub static WEEKDAY_ABBR: Table<u32> = Table::new(include_str!("data/weekday-abbr.tsv"));

/// Number words.
pub static NUMBER_WORDS: Table<u32> = Table::new(include_str!("data/numbers.tsv"));

/// Ordinal words.
pub static ORDINAL_WORDS: Table<u32> = Table::new(include_str!("data/ordinals.tsv"));

/// Units of time (singular; the plural is the word plus `s`).
pub static UNITS: Table<Unit> = Table::new(include_str!("data/units.tsv"));

/// Words that can start an expression (besides numbers and the month/weekday/unit tables).
pub static TRIGGERS: Words = Words::new(include_str!("data/triggers.txt"));

/// Frequent words that start expressions or sit inside them but never make one without a
/// *strong* token (a number, or any other lexicon word) close after them: `the` in `the
/// past`, `a` in `a year ago`, `at` in `at least two days`.
pub static WEAK: Words = Words::new(include_str!("data/weak.txt"));

/// Words the rules compare tokens with, besides the tables and [`TRIGGERS`]: inside an
/// expression they are strong (`the moment`, `current levels`, `Martin Luther King Day`).
pub static LEXICON_EXTRA: Words = Words::new(include_str!("data/lexicon-extra.txt"));

/// Words that open a subordinate clause (not those that are also prepositions: `after`,
/// `before`, `since`, `until`).
pub static SUBORDINATORS: Words = Words::new(include_str!("data/subordinators.txt"));

/// Words that open a clause a time expression does not reach into (subordinators, relative
/// and interrogative words, `after`, `since`, ...), lower case: [`is_clause_opener`].
pub static CLAUSE_OPENERS: Words = Words::new(include_str!("data/clause-openers.txt"));

/// Capitalised words that are not names of participants, lower case (the event merger).
pub static NOT_NAMES: Words = Words::new(include_str!("data/not-names.txt"));

/// Words that open a sentence in capitals without being names, as written (`On`, `The`).
pub static SENTENCE_OPENERS: Words = Words::new(include_str!("data/sentence-openers.txt"));

/// Verbs that carry little of their own in news text (`did`, `made a decision`).
pub static LIGHT_VERBS: Words = Words::new(include_str!("data/light-verbs.txt"));

/// Lemmas too light to be timeline events besides [`LIGHT_VERBS`]: [`is_light_lemma`].
pub static LIGHT_LEMMAS: Words = Words::new(include_str!("data/light-lemmas.txt"));

/// Words a dateline or byline may hold in lower case (`Posted on Dec. 17, 2014 at 10:03 am ET
/// by admin`), read by document ingestion.
pub static DATELINE_WORDS: Words = Words::new(include_str!("data/dateline-words.txt"));

/// `w` (any case) opens a clause a time expression does not reach into.
pub fn is_clause_opener(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    CLAUSE_OPENERS.contains(&l.as_str())
}

/// Lemma `l` is too light to be a timeline event on its own: a light verb or one of
/// [`LIGHT_LEMMAS`].
pub fn is_light_lemma(l: &str) -> bool {
    LIGHT_VERBS.contains(&l) || LIGHT_LEMMAS.contains(&l)
}

/// The month a lower-case month name or abbreviation (`december`, `dec`, `sept`) names.
pub fn month_number(lower: &str) -> Option<u32> {
    MONTHS.find(lower).or_else(|| MONTH_ABBR.find(lower)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every data file parses, every line of it, and none is empty.
    #[test]
    fn data_files_are_sound() {
        for (name, t) in [
            ("months", &MONTHS),
            ("month-abbr", &MONTH_ABBR),
            ("weekdays", &WEEKDAYS),
            ("weekday-abbr", &WEEKDAY_ABBR),
            ("numbers", &NUMBER_WORDS),
            ("ordinals", &ORDINAL_WORDS),
        ] {
            assert_eq!(t.check(), Vec::<String>::new(), "data/{name}.tsv");
            assert!(!t.is_empty(), "data/{name}.tsv");
        }
        assert_eq!(UNITS.check(), Vec::<String>::new(), "data/units.tsv");
        for w in [
            &TRIGGERS,
            &WEAK,
            &LEXICON_EXTRA,
            &SUBORDINATORS,
            &RANGE_CONNECTORS,
            &CLAUSE_OPENERS,
            &NOT_NAMES,
            &SENTENCE_OPENERS,
            &LIGHT_VERBS,
            &LIGHT_LEMMAS,
        ] {
            assert!(!w.is_empty());
            assert!(w.iter().all(|w| !w.contains(char::is_whitespace)), "{:?}", w.get());
        }
        assert_eq!(MONTHS.len(), 12);
        assert_eq!(WEEKDAYS.len(), 7);
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("december"), Some(12));
        assert_eq!(month_number("decembre"), None);
        assert!(is_clause_opener("Because") && !is_clause_opener("as"));
        assert!(is_light_lemma("make") && is_light_lemma("say") && !is_light_lemma("attack"));
        // The light lemmas extend the light verbs; no word is in both files.
        assert!(LIGHT_LEMMAS.iter().all(|w| !LIGHT_VERBS.contains(w)));
    }
}
