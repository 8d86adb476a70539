//! The English word lists of the event stage (`src/events/`): the verb group's auxiliaries
//! and modals, the closed classes the tagger reads a word's context with, and the lists of
//! event labels and listing.
//!
//! Each list is a data file under `data/events/` (one word a line, `#` comments), embedded
//! and parsed on first use ([`Words`]); the doc comment of each list says what it is for.

use crate::lang::{Rows, Table, Words};

/// Forms of `be`, with the stems the tokenizer leaves of negative contractions (`isn` of `isn't`).
pub static BE: Words = Words::new(include_str!("data/events/be.txt"));

/// Words after which a form is in a verbal context (`to`, modals, `do`, subject pronouns,
/// forms of `be` and `have`): the `V` context of the corpus counts, read by the tagger and by
/// `train/scripts/gen_event_lexicon.py` alike.
pub static VERBAL_CONTEXT: Words = Words::new(include_str!("data/events/verbal-context.txt"));

/// Forms of `have`, with the stems of negative contractions (`hasn`).
pub static HAVE: Words = Words::new(include_str!("data/events/have.txt"));

/// Forms of `do`, with the stems of negative contractions (`didn`).
pub static DO: Words = Words::new(include_str!("data/events/do.txt"));

/// Modal verbs, with the stems of contractions (`won`, `ca` of `can't`, `ll` of `'ll`).
pub static MODALS: Words = Words::new(include_str!("data/events/modals.txt"));

/// Adverbs that sit inside a verb group (`has not yet`, `will also`, `had long`).
pub static ADVERBS: Words = Words::new(include_str!("data/events/group-adverbs.txt"));

/// Subject pronouns (and `who`): a verb form after one is a verb.
pub static SUBJECTS: Words = Words::new(include_str!("data/events/subject-pronouns.txt"));

/// Determiners, possessives and quantifiers: a form after one is a noun (`the release`).
pub static DETERMINERS: Words = Words::new(include_str!("data/events/determiners.txt"));

/// Prepositions: a form after one is a noun, not a finite verb (`after the attack`).
pub static PREPOSITIONS: Words = Words::new(include_str!("data/events/prepositions.txt"));

/// Adjectives that open an object noun phrase after a headline verb (`unveils new Mac`).
pub static OBJECT_ADJECTIVES: Words = Words::new(include_str!("data/events/object-adjectives.txt"));

/// Adverbs and prepositions that can follow a noun and are not compound heads (`a meeting
/// earlier this week`, `protests around the country`, `a referendum next year`).
pub static NOT_NOUN_HEADS: Words = Words::new(include_str!("data/events/not-noun-heads.txt"));

/// Words that open an object noun phrase right after a verb.
pub static OBJECT_CUES: Words = Words::new(include_str!("data/events/object-cues.txt"));

/// Articles, demonstratives and possessives: the determiners that open a compound noun.
pub static ARTICLES: Words = Words::new(include_str!("data/events/articles.txt"));

/// Verb particles: after a base form they make it a verb (`the company put up`).
pub static PARTICLES: Words = Words::new(include_str!("data/events/particles.txt"));

/// Plural nouns without `-s`.
pub static PLURAL_NOUNS: Words = Words::new(include_str!("data/events/plural-nouns.txt"));

/// Object pronouns: after a verb form they make it a verb (`the people release them`).
pub static OBJECT_PRONOUNS: Words = Words::new(include_str!("data/events/object-pronouns.txt"));

/// Words that open the object of a main-verb `do`.
pub static DO_OBJECTS: Words = Words::new(include_str!("data/events/do-objects.txt"));

/// Event class by lemma, for forms the corpus counts do not decide (TimeML 1.2 guidelines'
/// examples and their obvious kin).
pub static CLASS_LEMMAS: Table<String> = Table::new(include_str!("data/events/class-lemmas.tsv"));

/// Nouns of the news domain that WordNet does not list as acts or events in their first
/// senses (`hack` is first a writer, `leak` first a hole).
pub static EXTRA_EVENT_NOUNS: Words = Words::new(include_str!("data/events/extra-event-nouns.txt"));

/// Nouns that name an event in every use in news text, even where the training counts are
/// split (TimeBank annotates `threat` in 7 of 24 uses; the TimeML guidelines make it an
/// I_ACTION).
pub static ALWAYS_EVENT_NOUNS: Words = Words::new(include_str!("data/events/always-event-nouns.txt"));

/// Function words, auxiliaries and other forms that are never events by themselves. Copula
/// and auxiliary uses of `be`/`have`/`do` are decided in context, not listed here.
pub static NEVER_EVENTS: Words = Words::new(include_str!("data/events/never-events.txt"));

/// Number words of scale: an amount that ends in one needs what it counts (`a fee of
/// 65 million euros`). Compared lower-cased.
pub static SCALE_WORDS: Words = Words::new(include_str!("data/events/scale-words.txt"));

/// Function words (and apostrophes) a window label does not end on. Compared lower-cased.
pub static LABEL_END_TRIMMED: Words = Words::new(include_str!("data/events/label-end-trimmed.txt"));

/// Words that open a verb phrase after a coordinator (`and will brief`, `but then`): a
/// window label ends before the coordinator. Compared lower-cased.
pub static VP_OPENERS: Words = Words::new(include_str!("data/events/vp-openers.txt"));

/// Coordinators that can join a second verb phrase (`notified Congress and will brief`),
/// as written.
pub static VP_COORDINATORS: Words = Words::new(include_str!("data/events/vp-coordinators.txt"));

/// Relative pronouns that open the clause of a verb event: a window label takes the name
/// before them (`the Office of Personnel Management that began`). Compared lower-cased.
pub static WINDOW_RELATIVES: Words = Words::new(include_str!("data/events/window-relatives.txt"));

/// Prepositions of time a window label does not reach back over (`following`, `amid`).
/// Compared lower-cased.
pub static WINDOW_SIGNALS: Words = Words::new(include_str!("data/events/window-signals.txt"));

/// Words a window label (a sentence without a parse) does not reach back over:
/// subordinators, coordinators, prepositions. Compared lower-cased.
pub static WINDOW_STOPS_LEFT: Words = Words::new(include_str!("data/events/window-stops-left.txt"));

/// Words of an amount (`US` of `US$`, `million`, `percent`), as written: an event label
/// keeps a capitalised name that is glued to one apart from it.
pub static AMOUNT_WORDS: Words = Words::new(include_str!("data/events/amount-words.txt"));

/// Relative pronouns: the subject of a relative clause is its antecedent. Compared as
/// lemmas.
pub static RELATIVE_PRONOUNS: Words = Words::new(include_str!("data/events/relative-pronouns.txt"));

/// Negation, and the adverbs that change what happened (`still leaking`, `first crossed`,
/// `again filed`): an event label keeps them in the verb group. Compared as lemmas.
pub static LABEL_KEPT_ADVERBS: Words = Words::new(include_str!("data/events/label-kept-adverbs.txt"));

/// Verbs whose subject is the event itself (`the attack happened`): the label is the
/// subject. Compared as lemmas.
pub static HAPPEN_VERBS: Words = Words::new(include_str!("data/events/happen-verbs.txt"));

/// Verbs whose infinitive complement the label carries with them ("failed to pass").
pub static CATENATIVE: Words = Words::new(include_str!("data/events/catenative.txt"));

/// Modals that make an event possible, not told as fact (`will` and `shall` are the future).
pub static MODAL_LEMMAS: Words = Words::new(include_str!("data/events/modal-lemmas.txt"));

/// Verbs whose infinitive complement did not happen.
pub static NEGATING: Words = Words::new(include_str!("data/events/negating.txt"));

/// Verbs of denial: their clause, or their object's clause, is said not to have happened.
pub static DENYING: Words = Words::new(include_str!("data/events/denying.txt"));

/// Verbs of allegation: their clause, or their object's clause, is told by a source and not
/// established.
pub static ALLEGING: Words = Words::new(include_str!("data/events/alleging.txt"));

/// Adverbs that make their verb an allegation.
pub static ALLEGING_ADVERBS: Words = Words::new(include_str!("data/events/alleging-adverbs.txt"));

/// Verbs whose infinitive complement is wished or planned, not done.
pub static INTENDING: Words = Words::new(include_str!("data/events/intending.txt"));

/// Verbs of belief and expectation: a state of mind, not a happening.
pub static COGNITION: Words = Words::new(include_str!("data/events/cognition.txt"));

/// Verbs of saying: the telling, not what is told.
pub static SAYING: Words = Words::new(include_str!("data/events/saying.txt"));

/// Words that open a reported clause after a verb of saying ("confirmed *that* ...").
pub static COMPLEMENTIZERS: Words = Words::new(include_str!("data/events/complementizers.txt"));

/// Words that open an event complement: `refused to comment`, `asked that he stay`, `called
/// for talks`, `accused him of lying`, `decided against running`.
pub static COMPLEMENT_CUES: Words = Words::new(include_str!("data/events/complement-cues.txt"));

/// Words that open a direct object (`kept the boy`, `kept them`). Not `it`, `this`, `that`:
/// they often stand for an event (`stop it`).
pub static OBJECT_OPENERS: Words = Words::new(include_str!("data/events/object-openers.txt"));

/// First-person pronouns: a state of mind of the writer or speaker (`we believe`) is an
/// opinion. Compared as lemmas.
pub static FIRST_PERSON: Words = Words::new(include_str!("data/events/first-person.txt"));

/// Words that mark a condition (`if`, `unless`): an event in a clause they open is a
/// possibility, not a fact. Compared as lemmas.
pub static CONDITIONALS: Words = Words::new(include_str!("data/events/conditionals.txt"));

/// Adverbs that negate the verb they modify (`did not release`). Compared as lemmas.
pub static NEGATORS: Words = Words::new(include_str!("data/events/negators.txt"));

/// Coordinators before a bare verb that shares the group of the verb before it (`likely to
/// change and renew`). Compared lower-cased.
pub static VERB_COORDINATORS: Words = Words::new(include_str!("data/events/verb-coordinators.txt"));

/// Verb suffix rules (`suffix TAB replacement`, `-` for none), in the order morphology tries
/// them: `canceled` -> `cancel`.
pub static VERB_SUFFIXES: Rows = Rows::new(include_str!("data/events/verb-suffixes.tsv"));

/// Noun suffix rules, in the order morphology tries them: `crises` -> `crisis`.
pub static NOUN_SUFFIXES: Rows = Rows::new(include_str!("data/events/noun-suffixes.tsv"));

/// Eventive noun suffixes and the verb endings they replace (`suffix TAB replacement ...`,
/// `-` for none): `cancellation` -> `cancel`, `refusal` -> `refuse`.
pub static EVENT_NOUN_SUFFIXES: Rows = Rows::new(include_str!("data/events/event-noun-suffixes.tsv"));

/// The infinitive marker: a verb group that opens with it is infinitive (`to release`).
pub const INFINITIVE_MARKER: &str = "to";

/// Auxiliaries that make the verb group they open future (`will`, `'ll`).
pub static FUTURE_AUXILIARIES: Words = Words::new(include_str!("data/events/future-auxiliaries.txt"));

/// Auxiliaries that make the verb group they open present (`is`, `has`, `doesn`).
pub static PRESENT_AUXILIARIES: Words = Words::new(include_str!("data/events/present-auxiliaries.txt"));

/// Auxiliaries that make the verb group they open past (`was`, `had`, `didn`).
pub static PAST_AUXILIARIES: Words = Words::new(include_str!("data/events/past-auxiliaries.txt"));

/// The modal a contracted form stands for (`wouldn` → `would`, `ca` → `can`).
pub static MODAL_FORMS: Table<String> = Table::new(include_str!("data/events/modal-forms.tsv"));

/// Words that negate an event noun (`no agreement`, `without warning`). Compared
/// lower-cased.
pub static NOUN_NEGATIONS: Words = Words::new(include_str!("data/events/noun-negations.txt"));

/// Words that negate a verb group (`not`, `never`, `cannot`). Compared lower-cased.
pub static VERB_NEGATIONS: Words = Words::new(include_str!("data/events/verb-negations.txt"));

/// Pronouns that follow a question's auxiliary `do` (`what does it mean`). Compared
/// lower-cased.
pub static QUESTION_SUBJECTS: Words = Words::new(include_str!("data/events/question-subjects.txt"));

/// The finite forms of `do` that can be a main verb (`would do so`). Compared lower-cased.
pub static DO_FORMS: Words = Words::new(include_str!("data/events/do-forms.txt"));

/// Words in `-ly` that are not adverbs of manner (`only`, `family`). Compared lower-cased.
pub static NOT_LY_ADVERBS: Words = Words::new(include_str!("data/events/not-ly-adverbs.txt"));

/// Function words and clitic tails that never modify a noun in a compound. Compared
/// lower-cased.
pub static NOT_MODIFIERS: Words = Words::new(include_str!("data/events/not-modifiers.txt"));

/// Adverbs that do not count against a subject-verb reading (`not`, `so`, `first`).
/// Compared lower-cased.
pub static NOT_COUNTED_ADVERBS: Words = Words::new(include_str!("data/events/not-counted-adverbs.txt"));

/// Prepositions besides the tagger's that open an adjunct after a verb (`wraps around`,
/// `stood at`). Compared lower-cased.
pub static ADJUNCT_OPENERS: Words = Words::new(include_str!("data/events/adjunct-openers.txt"));

/// Relative pronouns that take a third-person verb (`a player which mimics`): an `-s`
/// form after one is a verb. Compared lower-cased.
pub static RELATIVE_THAT_WHICH: Words = Words::new(include_str!("data/events/relative-that-which.txt"));

/// Ordinals that are determiners before a noun (`the first attack`) but adverbs before a
/// past form with no determiner before them (`the crew that first crossed`). Compared
/// lower-cased.
pub static ORDINAL_ADVERBS: Words = Words::new(include_str!("data/events/ordinal-adverbs.txt"));

/// Pronouns after which a clitic `'s` is `is` or `has`, not a possessive (`it's`,
/// `that's`). Compared lower-cased.
pub static VERB_CLITIC_HOSTS: Words = Words::new(include_str!("data/events/verb-clitic-hosts.txt"));

/// The tails of contractions after an apostrophe (`s` of `it's`, `t` of `didn't`, `ll`).
/// Compared lower-cased.
pub static CLITICS: Words = Words::new(include_str!("data/events/clitics.txt"));

/// The verb a clitic `'s` after a pronoun stands for in a verb group (`it's leaking`).
pub const CLITIC_S_VERB: &str = "is";

/// Suffixes of adjectives (`financial`, `possible`): a word with one does not head a compound.
pub static ADJECTIVE_SUFFIXES: Words = Words::new(include_str!("data/events/adjective-suffixes.txt"));

/// Suffixes of nationality words (`Cuban`, `Chinese`, `British`, `Iraqi`).
pub static DEMONYM_SUFFIXES: Words = Words::new(include_str!("data/events/demonym-suffixes.txt"));

/// `of`, inside a name (`Bank of England`) or opening a phrase that belongs to its noun
/// (`the release of the film`).
pub const OF: &str = "of";

/// The idiom whose subject is the event (`The robbery took place on Oct. 19`): verb lemma
/// and object.
pub const TAKE_PLACE: [&str; 2] = ["take", "place"];

/// The verb of saying whose object is the addressee, not something done (`told reporters`):
/// with an object it still only tells.
pub const TELL: &str = "tell";

/// The past participle of `be`: `have been` + a noun event is perfective (`has been a
/// problem`); `has been` after `have` makes it a verb group.
pub const BEEN: &str = "been";

/// The negation adverb: an auxiliary `do`/`have` before it is an auxiliary (`did not go`).
pub const NOT: &str = "not";

/// Word endings the event tagger reads a form's part of speech from (`-ed` past, `-ing`
/// participle, `-ly` adverb, `-ss` not a plural).
pub mod ending {
    /// Past tense and past participle: `canceled`.
    pub const ED: &str = "ed";
    /// Irregular past participle: `taken`, `been`.
    pub const EN: &str = "en";
    /// Present participle and gerund: `leaking`.
    pub const ING: &str = "ing";
    /// Adverb of manner: `quickly`.
    pub const LY: &str = "ly";
    /// A final `s` that is not a plural's: `business`.
    pub const SS: &str = "ss";
    /// A final `s` that is not a plural's: `virus`, `status`.
    pub const US: &str = "us";
    /// A final `s` that is not a plural's: `crisis`, `analysis`.
    pub const IS: &str = "is";
    /// Reflexive pronouns: `itself`.
    pub const SELF: &str = "self";
    /// Reflexive pronouns: `themselves`.
    pub const SELVES: &str = "selves";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list has words and no word with white space in it; every table row parses.
    #[test]
    fn data_files_are_sound() {
        for (name, w) in [
            ("VERBAL_CONTEXT", &VERBAL_CONTEXT),
            ("BE", &BE),
            ("HAVE", &HAVE),
            ("DO", &DO),
            ("MODALS", &MODALS),
            ("ADVERBS", &ADVERBS),
            ("SUBJECTS", &SUBJECTS),
            ("DETERMINERS", &DETERMINERS),
            ("PREPOSITIONS", &PREPOSITIONS),
            ("OBJECT_ADJECTIVES", &OBJECT_ADJECTIVES),
            ("NOT_NOUN_HEADS", &NOT_NOUN_HEADS),
            ("OBJECT_CUES", &OBJECT_CUES),
            ("ARTICLES", &ARTICLES),
            ("PARTICLES", &PARTICLES),
            ("PLURAL_NOUNS", &PLURAL_NOUNS),
            ("OBJECT_PRONOUNS", &OBJECT_PRONOUNS),
            ("DO_OBJECTS", &DO_OBJECTS),
            ("EXTRA_EVENT_NOUNS", &EXTRA_EVENT_NOUNS),
            ("ALWAYS_EVENT_NOUNS", &ALWAYS_EVENT_NOUNS),
            ("NEVER_EVENTS", &NEVER_EVENTS),
            ("SCALE_WORDS", &SCALE_WORDS),
            ("LABEL_END_TRIMMED", &LABEL_END_TRIMMED),
            ("VP_OPENERS", &VP_OPENERS),
            ("VP_COORDINATORS", &VP_COORDINATORS),
            ("WINDOW_RELATIVES", &WINDOW_RELATIVES),
            ("WINDOW_SIGNALS", &WINDOW_SIGNALS),
            ("WINDOW_STOPS_LEFT", &WINDOW_STOPS_LEFT),
            ("AMOUNT_WORDS", &AMOUNT_WORDS),
            ("RELATIVE_PRONOUNS", &RELATIVE_PRONOUNS),
            ("LABEL_KEPT_ADVERBS", &LABEL_KEPT_ADVERBS),
            ("HAPPEN_VERBS", &HAPPEN_VERBS),
            ("CATENATIVE", &CATENATIVE),
            ("MODAL_LEMMAS", &MODAL_LEMMAS),
            ("NEGATING", &NEGATING),
            ("ALLEGING", &ALLEGING),
            ("ALLEGING_ADVERBS", &ALLEGING_ADVERBS),
            ("INTENDING", &INTENDING),
            ("COGNITION", &COGNITION),
            ("SAYING", &SAYING),
            ("COMPLEMENT_CUES", &COMPLEMENT_CUES),
            ("COMPLEMENTIZERS", &COMPLEMENTIZERS),
            ("OBJECT_OPENERS", &OBJECT_OPENERS),
            ("FIRST_PERSON", &FIRST_PERSON),
            ("CONDITIONALS", &CONDITIONALS),
            ("NEGATORS", &NEGATORS),
            ("VERB_COORDINATORS", &VERB_COORDINATORS),
            ("FUTURE_AUXILIARIES", &FUTURE_AUXILIARIES),
            ("PRESENT_AUXILIARIES", &PRESENT_AUXILIARIES),
            ("PAST_AUXILIARIES", &PAST_AUXILIARIES),
            ("NOUN_NEGATIONS", &NOUN_NEGATIONS),
            ("VERB_NEGATIONS", &VERB_NEGATIONS),
            ("QUESTION_SUBJECTS", &QUESTION_SUBJECTS),
            ("DO_FORMS", &DO_FORMS),
            ("NOT_LY_ADVERBS", &NOT_LY_ADVERBS),
            ("NOT_MODIFIERS", &NOT_MODIFIERS),
            ("NOT_COUNTED_ADVERBS", &NOT_COUNTED_ADVERBS),
            ("ADJUNCT_OPENERS", &ADJUNCT_OPENERS),
            ("RELATIVE_THAT_WHICH", &RELATIVE_THAT_WHICH),
            ("ORDINAL_ADVERBS", &ORDINAL_ADVERBS),
            ("VERB_CLITIC_HOSTS", &VERB_CLITIC_HOSTS),
            ("CLITICS", &CLITICS),
            ("ADJECTIVE_SUFFIXES", &ADJECTIVE_SUFFIXES),
            ("DEMONYM_SUFFIXES", &DEMONYM_SUFFIXES),
        ] {
            assert!(!w.is_empty(), "{name} is empty");
            assert!(
                w.iter().all(|w| !w.contains(char::is_whitespace)),
                "{name}: {:?}",
                w.get()
            );
        }
        for (name, t) in [("CLASS_LEMMAS", &CLASS_LEMMAS), ("MODAL_FORMS", &MODAL_FORMS)] {
            assert_eq!(t.check(), Vec::<String>::new(), "{name}");
            assert!(!t.is_empty(), "{name} is empty");
        }
        for (name, r) in [
            ("VERB_SUFFIXES", &VERB_SUFFIXES),
            ("NOUN_SUFFIXES", &NOUN_SUFFIXES),
            ("EVENT_NOUN_SUFFIXES", &EVENT_NOUN_SUFFIXES),
        ] {
            assert!(!r.is_empty(), "{name} is empty");
            assert!(
                r.iter().all(|row| row.len() >= 2 && !row[0].is_empty()),
                "{name}: {:?}",
                r.get()
            );
        }
        // Suffix rules are pairs; `-` is the empty replacement.
        for r in [&VERB_SUFFIXES, &NOUN_SUFFIXES] {
            assert!(r.iter().all(|row| row.len() == 2), "{:?}", r.get());
        }
        assert_eq!(VERB_SUFFIXES.get()[2], ["es", ""]);
        // The verbal context is the infinitive marker, modals, `do`, subject pronouns and
        // forms of `be` and `have`.
        let verbal =
            |w: &&str| *w == INFINITIVE_MARKER || [&MODALS, &DO, &SUBJECTS, &BE, &HAVE].iter().any(|l| l.contains(w));
        assert!(VERBAL_CONTEXT.iter().all(verbal), "{:?}", VERBAL_CONTEXT.get());
    }
}
