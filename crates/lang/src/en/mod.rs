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
//! | [`CHOICE_CONNECTORS`] | `data/choice-connectors.txt`| `or`              | `timex::resolve` (shared year)|
//! | [`WEEKDAY_RANGE_CONNECTORS`] | `data/weekday-range-connectors.txt` | `to` | `timex::resolve` (weekday ranges) |
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

use super::{EventWords, Language, ReferenceCues, Table, Words};
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

    fn choice_connectors(&self) -> &[&'static str] {
        &CHOICE_CONNECTORS
    }

    fn weekday_range_connectors(&self) -> &[&'static str] {
        &WEEKDAY_RANGE_CONNECTORS
    }

    fn past_marker_after(&self, ctx: &Ctx, i: usize) -> Option<&'static str> {
        (ctx.punct(i, "'") && ctx.is(i + 1, "s")).then_some("possessive `'s`")
    }

    fn reference_cues(&self) -> Option<&'static ReferenceCues> {
        Some(&REFERENCE_CUES)
    }

    fn events(&self) -> Option<&'static EventWords> {
        Some(&EVENT_WORDS)
    }

    fn dateline_words(&self) -> &[&'static str] {
        &DATELINE_WORDS
    }

    fn part_of_day(&self, code: &str) -> Option<&'static str> {
        PARTS_OF_DAY.find(code).map(String::as_str)
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

/// Tokens that join two dates as a choice (`in May or June 2021`): they share a year.
pub static CHOICE_CONNECTORS: Words = Words::new(include_str!("data/choice-connectors.txt"));

/// Tokens that join two weekdays as the ends of a range (`from Monday to Friday`).
pub static WEEKDAY_RANGE_CONNECTORS: Words = Words::new(include_str!("data/weekday-range-connectors.txt"));

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

/// The event and link stages' words ([`crate::EventWords`]), from the statics above.
pub static EVENT_WORDS: EventWords = EventWords {
    ending: crate::lang::stage::Endings {
        ed: events::ending::ED,
        en: events::ending::EN,
        ing: events::ending::ING,
        ly: events::ending::LY,
        ss: events::ending::SS,
        us: events::ending::US,
        is: events::ending::IS,
        self_: events::ending::SELF,
        selves: events::ending::SELVES,
    },
    be: &events::BE,
    verbal_context: &events::VERBAL_CONTEXT,
    have: &events::HAVE,
    do_words: &events::DO,
    modals: &events::MODALS,
    adverbs: &events::ADVERBS,
    subjects: &events::SUBJECTS,
    determiners: &events::DETERMINERS,
    prepositions: &events::PREPOSITIONS,
    object_adjectives: &events::OBJECT_ADJECTIVES,
    not_noun_heads: &events::NOT_NOUN_HEADS,
    object_cues: &events::OBJECT_CUES,
    articles: &events::ARTICLES,
    particles: &events::PARTICLES,
    plural_nouns: &events::PLURAL_NOUNS,
    object_pronouns: &events::OBJECT_PRONOUNS,
    do_objects: &events::DO_OBJECTS,
    class_lemmas: &events::CLASS_LEMMAS,
    extra_event_nouns: &events::EXTRA_EVENT_NOUNS,
    always_event_nouns: &events::ALWAYS_EVENT_NOUNS,
    never_events: &events::NEVER_EVENTS,
    future_auxiliaries: &events::FUTURE_AUXILIARIES,
    present_auxiliaries: &events::PRESENT_AUXILIARIES,
    past_auxiliaries: &events::PAST_AUXILIARIES,
    modal_forms: &events::MODAL_FORMS,
    noun_negations: &events::NOUN_NEGATIONS,
    verb_negations: &events::VERB_NEGATIONS,
    question_subjects: &events::QUESTION_SUBJECTS,
    do_forms: &events::DO_FORMS,
    not_ly_adverbs: &events::NOT_LY_ADVERBS,
    not_modifiers: &events::NOT_MODIFIERS,
    not_counted_adverbs: &events::NOT_COUNTED_ADVERBS,
    adjunct_openers: &events::ADJUNCT_OPENERS,
    relative_that_which: &events::RELATIVE_THAT_WHICH,
    ordinal_adverbs: &events::ORDINAL_ADVERBS,
    verb_clitic_hosts: &events::VERB_CLITIC_HOSTS,
    clitics: &events::CLITICS,
    clitic_s_verb: events::CLITIC_S_VERB,
    adjective_suffixes: &events::ADJECTIVE_SUFFIXES,
    demonym_suffixes: &events::DEMONYM_SUFFIXES,
    verb_coordinators: &events::VERB_COORDINATORS,
    verb_suffixes: &events::VERB_SUFFIXES,
    noun_suffixes: &events::NOUN_SUFFIXES,
    event_noun_suffixes: &events::EVENT_NOUN_SUFFIXES,
    infinitive_marker: events::INFINITIVE_MARKER,
    been: events::BEEN,
    not_word: events::NOT,
    complement_cues: &events::COMPLEMENT_CUES,
    object_openers: &events::OBJECT_OPENERS,
    scale_words: &events::SCALE_WORDS,
    label_end_trimmed: &events::LABEL_END_TRIMMED,
    vp_openers: &events::VP_OPENERS,
    vp_coordinators: &events::VP_COORDINATORS,
    window_relatives: &events::WINDOW_RELATIVES,
    window_signals: &events::WINDOW_SIGNALS,
    window_stops_left: &events::WINDOW_STOPS_LEFT,
    amount_words: &events::AMOUNT_WORDS,
    relative_pronouns: &events::RELATIVE_PRONOUNS,
    label_kept_adverbs: &events::LABEL_KEPT_ADVERBS,
    happen_verbs: &events::HAPPEN_VERBS,
    catenative: &events::CATENATIVE,
    of_word: events::OF,
    take_place: events::TAKE_PLACE,
    modal_lemmas: &events::MODAL_LEMMAS,
    negating: &events::NEGATING,
    denying: &events::DENYING,
    alleging: &events::ALLEGING,
    alleging_adverbs: &events::ALLEGING_ADVERBS,
    intending: &events::INTENDING,
    cognition: &events::COGNITION,
    saying: &events::SAYING,
    first_person: &events::FIRST_PERSON,
    conditionals: &events::CONDITIONALS,
    negators: &events::NEGATORS,
    tell: events::TELL,
    complementizers: &events::COMPLEMENTIZERS,
    not_names: &NOT_NAMES,
    sentence_openers: &SENTENCE_OPENERS,
    light_verbs: &LIGHT_VERBS,
    light_lemmas: &LIGHT_LEMMAS,
    name_particles: &NAME_PARTICLES,
    habitual_adverbs: &HABITUAL_ADVERBS,
    is_clause_opener,
    is_light_lemma,
    is_preposition: words::is_preposition,
    is_article_or_coordinator: words::is_article_or_coordinator,
    is_finite_auxiliary: words::is_finite_auxiliary,
    event_synonyms: &EVENT_SYNONYMS,
    event_hypernyms: &EVENT_HYPERNYMS,
    event_repeatable: &EVENT_REPEATABLE,
    event_pro_verbs: &merge::EVENT_PRO_VERBS,
    spot_prepositions: &merge::SPOT_PREPOSITIONS,
    theme_prepositions: &merge::THEME_PREPOSITIONS,
    event_frames: merge::EVENT_FRAMES,
    temporal_prepositions: &TEMPORAL_PREPOSITIONS,
    definite: &merge::DEFINITE,
    distinct_modifiers: &merge::DISTINCT_MODIFIERS,
    irrealis_cues: &merge::IRREALIS_CUES,
    np_stops: &merge::NP_STOPS,
    non_coreferring: &merge::NON_COREFERRING,
    is_irrealis_cue: merge::is_irrealis_cue,
    future_modality: merge::FUTURE_MODALITY,
    name_prepositions: &timeline::NAME_PREPOSITIONS,
    noun_determiners: &timeline::NOUN_DETERMINERS,
    window_prepositions: &timeline::WINDOW_PREPOSITIONS,
    result_state_verbs: &timeline::RESULT_STATE_VERBS,
    never_event_lemmas: &timeline::NEVER_EVENT_LEMMAS,
    bound_prepositions: &timeline::BOUND_PREPOSITIONS,
    order_prepositions: &timeline::ORDER_PREPOSITIONS,
    deadline_prepositions: &timeline::DEADLINE_PREPOSITIONS,
    own_prepositions: &timeline::OWN_PREPOSITIONS,
    durative_prepositions: &timeline::DURATIVE_PREPOSITIONS,
    change_of_state_verbs: &timeline::CHANGE_OF_STATE_VERBS,
    range_openers: &timeline::RANGE_OPENERS,
    reschedule_verbs: &timeline::RESCHEDULE_VERBS,
    range_connectors: &RANGE_CONNECTORS,
    person_pronouns: &timeline::PERSON_PRONOUNS,
    thing_pronouns: &timeline::THING_PRONOUNS,
    class_nouns: &timeline::CLASS_NOUNS,
    acronym_glue: &timeline::ACRONYM_GLUE,
    support_verbs: &timeline::SUPPORT_VERBS,
    complex_predicate_verbs: &timeline::COMPLEX_PREDICATE_VERBS,
    convening_verbs: &timeline::CONVENING_VERBS,
    convened_nouns: &timeline::CONVENED_NOUNS,
    is_headline: timeline::is_headline,
    definite_article: timeline::DEFINITE_ARTICLE,
    comparison_since: timeline::COMPARISON_SINCE,
    duration_for: timeline::DURATION_FOR,
    signals: &link::SIGNALS,
    metric_amounts: &link::METRIC_AMOUNTS,
    metric_units: &link::METRIC_UNITS,
    metric_words: &link::METRIC_WORDS,
    metric_windows: &link::METRIC_WINDOWS,
    between_words: &link::BETWEEN_WORDS,
    anchor_words: &link::ANCHOR_WORDS,
};

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
            &CHOICE_CONNECTORS,
            &WEEKDAY_RANGE_CONNECTORS,
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
