//! The words of the event and link stages, as one typed package a language may supply
//! ([`crate::Language::events`]): the event tagger's lexicon lists and suffix rules, the verb
//! group's auxiliaries and negations, the label and listing words, the merger's synonyms and
//! cues, the timeline assembly's prepositions and pronouns, and the link stage's signals and
//! metric phrases. The stages read these tables only through an [`EventWords`] handed down
//! from the per-document chain, so a language that fills one gets events and relations in its
//! own words, and a language that has none ([`crate::Language::events`] is `None`) gets its
//! temporal expressions and no events.
//!
//! English fills it from its statics (`en::EVENT_WORDS`): no word is copied here.

use crate::signal::{Amount, MetricWord, SignalId, UnitDays};
use crate::{Rows, Table, Words};

/// Word endings the event tagger reads a form's part of speech from.
#[derive(Clone, Copy)]
pub struct Endings {
    /// Past tense and past participle (`-ed`).
    pub ed: &'static str,
    /// Irregular past participle (`-en`).
    pub en: &'static str,
    /// Present participle and gerund (`-ing`).
    pub ing: &'static str,
    /// Adverb of manner (`-ly`).
    pub ly: &'static str,
    /// Final letters that are not a plural's (`-ss`, `-us`, `-is`).
    pub ss: &'static str,
    /// See [`Endings::ss`].
    pub us: &'static str,
    /// See [`Endings::ss`].
    pub is: &'static str,
    /// Reflexive pronoun, singular (`-self`).
    pub self_: &'static str,
    /// Reflexive pronoun, plural (`-selves`).
    pub selves: &'static str,
}

/// A kind of event that several verbs name (the event merger, #20 item 4). Two mentions of
/// one frame told with different verbs are one event only when their participants agree
/// (the same subject and object heads, the object of a converse verb read as its subject),
/// and two mentions of a frame whose object names the event are two events when their
/// objects differ ("approved the budget" / "approved the farm bill").
#[derive(Debug)]
pub struct EventFrame {
    /// The frame's name (its merge key).
    pub name: &'static str,
    /// Verb lemmas that name the frame whatever their object.
    pub verbs: &'static [&'static str],
    /// Verb lemmas that name the frame only with one of `objects` as object ("signed a
    /// contract"; not "signed a letter").
    pub object_verbs: &'static [&'static str],
    /// Object heads that are one thing for the frame ("an order", "a contract", "a deal").
    pub objects: &'static [&'static str],
    /// Verb lemmas of the frame whose subject and object may be swapped ("the bill passed
    /// the Senate" = "the Senate passed the bill").
    pub converse: &'static [&'static str],
    /// The object tells which event it is: two mentions with different object heads are
    /// two events ("approved the budget" / "approved the farm bill").
    pub object_identifies: bool,
    /// The names after the verb or its object (`obl`, `nmod`: "a contract *with Qantas*")
    /// are the other party: two mentions whose other parties share no name are two events.
    pub counterparts: bool,
}

/// Every table and the few predicates the event and link stages read of a language (see the
/// module documentation). Built as a `static` by the language package from its own statics.
#[derive(Clone, Copy)]
pub struct EventWords {
    /// The word endings of the tagger's morphology.
    pub ending: Endings,

    // The event tagger and the verb group (`events`, `events::grammar`, `events::morph`, `events::lexicon`).
    /// Forms of `be`, with the stems the tokenizer leaves of negative contractions (`isn` of `isn't`).
    pub be: &'static Words,
    /// Words after which a form is in a verbal context (`to`, modals, `do`, subject pronouns,
    /// forms of `be` and `have`): the `V` context of the corpus counts, read by the tagger and by
    /// `train/scripts/gen_event_lexicon.py` alike.
    pub verbal_context: &'static Words,
    /// Forms of `have`, with the stems of negative contractions (`hasn`).
    pub have: &'static Words,
    /// Forms of `do`, with the stems of negative contractions (`didn`).
    pub do_words: &'static Words,
    /// Modal verbs, with the stems of contractions (`won`, `ca` of `can't`, `ll` of `'ll`).
    pub modals: &'static Words,
    /// Adverbs that sit inside a verb group (`has not yet`, `will also`, `had long`).
    pub adverbs: &'static Words,
    /// Subject pronouns (and `who`): a verb form after one is a verb.
    pub subjects: &'static Words,
    /// Determiners, possessives and quantifiers: a form after one is a noun (`the release`).
    pub determiners: &'static Words,
    /// Prepositions: a form after one is a noun, not a finite verb (`after the attack`).
    pub prepositions: &'static Words,
    /// Adjectives that open an object noun phrase after a headline verb (`unveils new Mac`).
    pub object_adjectives: &'static Words,
    /// Adverbs and prepositions that can follow a noun and are not compound heads (`a meeting
    /// earlier this week`, `protests around the country`, `a referendum next year`).
    pub not_noun_heads: &'static Words,
    /// Words that open an object noun phrase right after a verb.
    pub object_cues: &'static Words,
    /// Articles, demonstratives and possessives: the determiners that open a compound noun.
    pub articles: &'static Words,
    /// Verb particles: after a base form they make it a verb (`the company put up`).
    pub particles: &'static Words,
    /// Plural nouns without `-s`.
    pub plural_nouns: &'static Words,
    /// Object pronouns: after a verb form they make it a verb (`the people release them`).
    pub object_pronouns: &'static Words,
    /// Words that open the object of a main-verb `do`.
    pub do_objects: &'static Words,
    /// Event class by lemma, for forms the corpus counts do not decide (TimeML 1.2 guidelines'
    /// examples and their obvious kin).
    pub class_lemmas: &'static Table<String>,
    /// Nouns of the news domain that WordNet does not list as acts or events in their first
    /// senses (`hack` is first a writer, `leak` first a hole).
    pub extra_event_nouns: &'static Words,
    /// Nouns that name an event in every use in news text, even where the training counts are
    /// split (TimeBank annotates `threat` in 7 of 24 uses; the TimeML guidelines make it an
    /// I_ACTION).
    pub always_event_nouns: &'static Words,
    /// Function words, auxiliaries and other forms that are never events by themselves. Copula
    /// and auxiliary uses of `be`/`have`/`do` are decided in context, not listed here.
    pub never_events: &'static Words,
    /// Auxiliaries that make the verb group they open future (`will`, `'ll`).
    pub future_auxiliaries: &'static Words,
    /// Auxiliaries that make the verb group they open present (`is`, `has`, `doesn`).
    pub present_auxiliaries: &'static Words,
    /// Auxiliaries that make the verb group they open past (`was`, `had`, `didn`).
    pub past_auxiliaries: &'static Words,
    /// The modal a contracted form stands for (`wouldn` → `would`, `ca` → `can`).
    pub modal_forms: &'static Table<String>,
    /// Words that negate an event noun (`no agreement`, `without warning`). Compared
    /// lower-cased.
    pub noun_negations: &'static Words,
    /// Words that negate a verb group (`not`, `never`, `cannot`). Compared lower-cased.
    pub verb_negations: &'static Words,
    /// Pronouns that follow a question's auxiliary `do` (`what does it mean`). Compared
    /// lower-cased.
    pub question_subjects: &'static Words,
    /// The finite forms of `do` that can be a main verb (`would do so`). Compared lower-cased.
    pub do_forms: &'static Words,
    /// Words in `-ly` that are not adverbs of manner (`only`, `family`). Compared lower-cased.
    pub not_ly_adverbs: &'static Words,
    /// Function words and clitic tails that never modify a noun in a compound. Compared
    /// lower-cased.
    pub not_modifiers: &'static Words,
    /// Adverbs that do not count against a subject-verb reading (`not`, `so`, `first`).
    /// Compared lower-cased.
    pub not_counted_adverbs: &'static Words,
    /// Prepositions besides the tagger's that open an adjunct after a verb (`wraps around`,
    /// `stood at`). Compared lower-cased.
    pub adjunct_openers: &'static Words,
    /// Relative pronouns that take a third-person verb (`a player which mimics`): an `-s`
    /// form after one is a verb. Compared lower-cased.
    pub relative_that_which: &'static Words,
    /// Ordinals that are determiners before a noun (`the first attack`) but adverbs before a
    /// past form with no determiner before them (`the crew that first crossed`). Compared
    /// lower-cased.
    pub ordinal_adverbs: &'static Words,
    /// Pronouns after which a clitic `'s` is `is` or `has`, not a possessive (`it's`,
    /// `that's`). Compared lower-cased.
    pub verb_clitic_hosts: &'static Words,
    /// The tails of contractions after an apostrophe (`s` of `it's`, `t` of `didn't`, `ll`).
    /// Compared lower-cased.
    pub clitics: &'static Words,
    /// The verb a clitic `'s` after a pronoun stands for in a verb group (`it's leaking`).
    pub clitic_s_verb: &'static str,
    /// Suffixes of adjectives (`financial`, `possible`): a word with one does not head a compound.
    pub adjective_suffixes: &'static Words,
    /// Suffixes of nationality words (`Cuban`, `Chinese`, `British`, `Iraqi`).
    pub demonym_suffixes: &'static Words,
    /// Coordinators before a bare verb that shares the group of the verb before it (`likely to
    /// change and renew`). Compared lower-cased.
    pub verb_coordinators: &'static Words,
    /// Verb suffix rules (`suffix TAB replacement`, `-` for none), in the order morphology tries
    /// them: `canceled` -> `cancel`.
    pub verb_suffixes: &'static Rows,
    /// Noun suffix rules, in the order morphology tries them: `crises` -> `crisis`.
    pub noun_suffixes: &'static Rows,
    /// Eventive noun suffixes and the verb endings they replace (`suffix TAB replacement ...`,
    /// `-` for none): `cancellation` -> `cancel`, `refusal` -> `refuse`.
    pub event_noun_suffixes: &'static Rows,
    /// The infinitive marker: a verb group that opens with it is infinitive (`to release`).
    pub infinitive_marker: &'static str,
    /// The past participle of `be`: `have been` + a noun event is perfective (`has been a
    /// problem`); `has been` after `have` makes it a verb group.
    pub been: &'static str,
    /// The negation adverb: an auxiliary `do`/`have` before it is an auxiliary (`did not go`).
    pub not_word: &'static str,
    /// Words that open an event complement: `refused to comment`, `asked that he stay`, `called
    /// for talks`, `accused him of lying`, `decided against running`.
    pub complement_cues: &'static Words,
    /// Words that open a direct object (`kept the boy`, `kept them`). Not `it`, `this`, `that`:
    /// they often stand for an event (`stop it`).
    pub object_openers: &'static Words,

    // Event labels and listing (`events::label`, `events::listing`).
    /// Number words of scale: an amount that ends in one needs what it counts (`a fee of
    /// 65 million euros`). Compared lower-cased.
    pub scale_words: &'static Words,
    /// Function words (and apostrophes) a window label does not end on. Compared lower-cased.
    pub label_end_trimmed: &'static Words,
    /// Words that open a verb phrase after a coordinator (`and will brief`, `but then`): a
    /// window label ends before the coordinator. Compared lower-cased.
    pub vp_openers: &'static Words,
    /// Coordinators that can join a second verb phrase (`notified Congress and will brief`),
    /// as written.
    pub vp_coordinators: &'static Words,
    /// Relative pronouns that open the clause of a verb event: a window label takes the name
    /// before them (`the Office of Personnel Management that began`). Compared lower-cased.
    pub window_relatives: &'static Words,
    /// Prepositions of time a window label does not reach back over (`following`, `amid`).
    /// Compared lower-cased.
    pub window_signals: &'static Words,
    /// Words a window label (a sentence without a parse) does not reach back over:
    /// subordinators, coordinators, prepositions. Compared lower-cased.
    pub window_stops_left: &'static Words,
    /// Words of an amount (`US` of `US$`, `million`, `percent`), as written: an event label
    /// keeps a capitalised name that is glued to one apart from it.
    pub amount_words: &'static Words,
    /// Relative pronouns: the subject of a relative clause is its antecedent. Compared as
    /// lemmas.
    pub relative_pronouns: &'static Words,
    /// Negation, and the adverbs that change what happened (`still leaking`, `first crossed`,
    /// `again filed`): an event label keeps them in the verb group. Compared as lemmas.
    pub label_kept_adverbs: &'static Words,
    /// Verbs whose subject is the event itself (`the attack happened`): the label is the
    /// subject. Compared as lemmas.
    pub happen_verbs: &'static Words,
    /// Verbs whose infinitive complement the label carries with them ("failed to pass").
    pub catenative: &'static Words,
    /// `of`, inside a name (`Bank of England`) or opening a phrase that belongs to its noun
    /// (`the release of the film`).
    pub of_word: &'static str,
    /// The idiom whose subject is the event (`The robbery took place on Oct. 19`): verb lemma
    /// and object.
    pub take_place: [&'static str; 2],
    /// Modals that make an event possible, not told as fact (`will` and `shall` are the future).
    pub modal_lemmas: &'static Words,
    /// Verbs whose infinitive complement did not happen.
    pub negating: &'static Words,
    /// Verbs of denial (`deny`): their clause, or the clause of their object ("denied
    /// reports that ..."), is said not to have happened; the denial is a telling.
    pub denying: &'static Words,
    /// Verbs of allegation (`allege`, `claim`): their clause, or their object's clause
    /// ("claimed that the clubs had signed a deal"), is told by a source and not established.
    pub alleging: &'static Words,
    /// Adverbs that make their verb an allegation (`allegedly`, `reportedly`).
    pub alleging_adverbs: &'static Words,
    /// Verbs whose infinitive complement is wished or planned, not done.
    pub intending: &'static Words,
    /// Verbs of belief and expectation: a state of mind, not a happening.
    pub cognition: &'static Words,
    /// Verbs of saying: the telling, not what is told.
    pub saying: &'static Words,
    /// First-person pronouns: a state of mind of the writer or speaker (`we believe`) is an
    /// opinion. Compared as lemmas.
    pub first_person: &'static Words,
    /// Words that mark a condition (`if`, `unless`): an event in a clause they open is a
    /// possibility, not a fact. Compared as lemmas.
    pub conditionals: &'static Words,
    /// Adverbs that negate the verb they modify (`did not release`). Compared as lemmas.
    pub negators: &'static Words,
    /// The verb of saying whose object is the addressee, not something done (`told reporters`):
    /// with an object it still only tells.
    pub tell: &'static str,
    /// Words that open a complement clause (`that`): a telling followed by one reports what the
    /// clause tells. Compared lower-cased.
    pub complementizers: &'static Words,

    // Shared by the event stages and the timeline assembly.
    /// Capitalised words that are not names of participants, lower case (the event merger).
    pub not_names: &'static Words,
    /// Words that open a sentence in capitals without being names, as written (`On`, `The`).
    pub sentence_openers: &'static Words,
    /// Verbs that carry little of their own in news text (`did`, `made a decision`).
    pub light_verbs: &'static Words,
    /// Lemmas too light to be timeline events besides `LIGHT_VERBS`: `is_light_lemma`.
    pub light_lemmas: &'static Words,
    /// Lower-case words inside names ("Dar es Salaam").
    pub name_particles: &'static Words,
    /// Adverbs of habit ("as you often do").
    pub habitual_adverbs: &'static Words,
    /// `w` (any case) opens a clause a time expression does not reach into.
    pub is_clause_opener: fn(&str) -> bool,
    /// Lemma `l` is too light to be a timeline event on its own: a light verb or one of
    /// `LIGHT_LEMMAS`.
    pub is_light_lemma: fn(&str) -> bool,
    /// `w` (any case) is a preposition after which a noun is not a verb's direct object.
    pub is_preposition: fn(&str) -> bool,
    /// `w` (any case) is `the`, `a`, `an`, `and`, `or` or `but`.
    pub is_article_or_coordinator: fn(&str) -> bool,
    /// `w` (any case) is a form of `be`, `have`, `do` or a modal: a finite verb the event tagger
    /// may leave out.
    pub is_finite_auxiliary: fn(&str) -> bool,

    // The event merger (`events::merge`).
    /// Synonym groups of event lemmas, one group a line, words separated by `, ` (the event
    /// merger: `hack, hacking, attack, ...`).
    pub event_synonyms: &'static Words,
    /// General event words and the groups they also name (`attack, bombing`: the word, then a
    /// lemma of each group).
    pub event_hypernyms: &'static Words,
    /// Event lemmas that name acts people repeat (`visit`, `meet`, `hold`, `vow`): the merger
    /// asks more of two such mentions than a shared name (`data/event-repeatable.txt`).
    pub event_repeatable: &'static Words,
    /// Verbs that, with a pronoun subject, tell again the event just told ("It happened near
    /// Bath"): the event merger joins such a mention to the event before it.
    pub event_pro_verbs: &'static Words,
    /// Prepositions that place an event at one spot (`near`, `at`, `outside`): two mentions
    /// placed by one of them at two different names that neither sentence shares ("crashed
    /// near Bath" / "crashed near Leeds") are two events. Not `in` ("killed in Nairobi" /
    /// "in Kenya" may be one event).
    pub spot_prepositions: &'static Words,
    /// Prepositions that give what an event noun is of ("the approval *of* a second deal"):
    /// the event merger compares that noun with the object of a verb telling.
    pub theme_prepositions: &'static Words,
    /// Kinds of event that different verbs, or a verb with one of a few objects, name
    /// ("approved the bill" / "the bill passed the Senate"; "won an order" / "signed a
    /// contract"): the event merger compares their mentions by participants.
    pub event_frames: &'static [EventFrame],
    /// Prepositions that make the event after them a time anchor ("since the bombings").
    pub temporal_prepositions: &'static Words,
    /// Determiners that make a noun phrase point back to an event told before (`the attack`).
    pub definite: &'static Words,
    /// Modifiers that say the event is a different one from those told (`similar attacks`).
    pub distinct_modifiers: &'static Words,
    /// Words whose complement is an event that has not happened (`threats of attacks`,
    /// `promises of leaking`): prefixes of the lower-cased word (`promis`).
    pub irrealis_cues: &'static Words,
    /// Words at which the look back from an event noun to its determiner stops (`a`, `of`).
    pub np_stops: &'static Words,
    /// Lemmas that never name one real-world event across mentions: light verbs and verbs of
    /// thinking, wanting and perceiving (`do`, `make`, `know`, `see`, `say`).
    pub non_coreferring: &'static Words,
    /// `w` (lower case) starts with one of the `IRREALIS_CUES` (`threatened`, `promises`).
    pub is_irrealis_cue: fn(&str) -> bool,
    /// The modality of a mention told as future without a modal verb (`the studio plans to
    /// release`): the modal that would say so, `will`.
    pub future_modality: &'static str,

    // The timeline assembly (the pipeline, `focus`, the renderer).
    /// Prepositions after which a name is not the subject of the event (`sent to Congress and
    /// approved`). Compared lower-cased.
    pub name_prepositions: &'static Words,
    /// Determiners (and the possessive `s`) before a time expression that modifies the noun
    /// event after it (`the Christmas movie release`). Compared lower-cased.
    pub noun_determiners: &'static Words,
    /// Prepositions that make a duration a window the event falls in, not its length (`over
    /// the next three years`, `within 90 days`). Compared lower-cased.
    pub window_prepositions: &'static Words,
    /// Verbs whose `for` duration is the length of the state they begin, not of the event
    /// (`jailed for six years`, `banned for three matches`, `closed for two weeks`): the
    /// duration does not make the event last. Compared with the lemma.
    pub result_state_verbs: &'static Words,
    /// Words the event tagger can take for events that are never timeline events, however dated:
    /// `according` (to a statement) is attribution — its time is the reporting's, not a happening.
    pub never_event_lemmas: &'static Words,
    /// Prepositions by which a time expression bounds the event it governs, and the TimeML
    /// relation of the event to it (`since` → `BEGUN_BY`).
    pub bound_prepositions: &'static Table<String>,
    /// Prepositions that put an event before or after the time they introduce, and the TimeML
    /// relation (`into` → `BEFORE`, `ahead of` → `BEFORE`, `since` → `AFTER`).
    pub order_prepositions: &'static Table<String>,
    /// Prepositions that make a time expression a deadline (`by Jan. 15`).
    pub deadline_prepositions: &'static Words,
    /// Prepositions of a trailing time expression that do not open a clause (`since November`).
    pub own_prepositions: &'static Words,
    /// Prepositions that say how long (`since`, `until`, `throughout`).
    pub durative_prepositions: &'static Words,
    /// Copular verbs that tell a change of state with their complement (`became chief
    /// executive`): listed though the verb alone is light.
    pub change_of_state_verbs: &'static Words,
    /// Words that open a range of two time expressions (`between` March 3 and March 6, `from`
    /// May 4 to May 9). Compared lower-cased.
    pub range_openers: &'static Words,
    /// Verbs that move another event from one date to another (`postponed` from Monday to
    /// Tuesday): the two ends are not a range that dates the moving. Lemmas.
    pub reschedule_verbs: &'static Words,
    /// Words that join the two ends of such a range (`and`, `to`, `-`). Compared lower-cased.
    pub range_connectors: &'static Words,
    /// Pronouns that refer to a person.
    pub person_pronouns: &'static Words,
    /// Pronouns that refer to a thing or organization.
    pub thing_pronouns: &'static Words,
    /// A word of an entity's name and a noun a story uses for what it names (`airbus` →
    /// `aircraft`, `superjumbo`): "the aircraft" after "Airbus A380" in a paragraph is a
    /// mention of it. One row per pair; a word has as many rows as nouns.
    pub class_nouns: &'static Table<String>,
    /// Words an acronym's expansion may contain without an initial of their own.
    pub acronym_glue: &'static Words,
    /// Verbs whose event noun object is the event ("gave a keynote", "held a conference"): an
    /// entity that takes part in the verb takes part in the noun (not the same list as
    /// `super::LIGHT_VERBS`, the verbs too light to be timeline events).
    pub support_verbs: &'static Words,
    /// Light verbs that make one predicate with a bare singular noun object (`made landfall`,
    /// `took office`): the pair goes on the timeline though the verb alone would not.
    pub complex_predicate_verbs: &'static Words,
    /// Light verbs that tell an event noun, their direct object, being set off (`called a
    /// strike`): listed though the verb alone is light.
    pub convening_verbs: &'static Words,
    /// Nouns a convening verb sets off (`called an election`), listed with the verb even
    /// where the event counts do not make the noun an event.
    pub convened_nouns: &'static Words,
    /// Does an event's `label` read as a headline? It needs a word of its own (not an article,
    /// pronoun, auxiliary or `to`: `HEADLINE_FUNCTION_WORDS`) before its trigger — a subject
    /// ("Apple announced the new iPhone", "A rare press conference held by Apple") — or, for a
    /// noun event (`noun`), after it ("The launch of the iPhone"). "Its launch", "Be released",
    /// "He resigned" and one-word labels are fragments. `triggers` are the event's words as its
    /// sources give them; a label none of them is in is judged by its words alone.
    pub is_headline: fn(&str, &[&str], bool) -> bool,
    /// The definite article: `the` + a noun the text uses to describe an entity is a mention of
    /// it (`the company`).
    pub definite_article: &'static str,
    /// `since` on a time expression inside a noun phrase with a superlative or ordinal (`its
    /// first quarterly profit since 2001`, `the highest level since March`): it bounds the
    /// comparison, not the event's time.
    pub comparison_since: &'static str,
    /// `for` before a duration says how long (`for three days`): the trailing expression belongs
    /// to the verb, not to a noun object between.
    pub duration_for: &'static str,

    // The link stage (`link`: signals, metric phrases, timex rules, model features).
    /// Temporal signals: their words (lower case, one space between) and the signal they are.
    /// The longest match wins; among equals, the first.
    pub signals: &'static Table<SignalId>,
    /// Amount words of metric phrases (`two`, `several`, `a few`).
    pub metric_amounts: &'static Table<Amount>,
    /// Unit words of metric phrases and the days they are (`month` → 30 ± 5).
    pub metric_units: &'static Table<UnitDays>,
    /// The words that end a metric phrase and order its two ends (`later`, `ago`).
    pub metric_words: &'static Table<MetricWord>,
    /// The words that open a window up to the time of speaking (`in the last`), one space
    /// between.
    pub metric_windows: &'static Words,
    /// Words between two events of a sentence that the label models read (`e:between=that`), in
    /// the order of their atoms. Compared lower-cased.
    pub between_words: &'static Words,
    /// Words that may stand between an anchoring preposition and its time expression (`on last
    /// Tuesday`). Compared lower-cased.
    pub anchor_words: &'static Words,
}

impl std::fmt::Debug for EventWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventWords").finish_non_exhaustive()
    }
}

impl EventWords {
    /// No words: every list and table empty, every word `""`, every predicate false (see
    /// the module documentation).
    pub fn none() -> &'static EventWords {
        &NONE
    }

    /// `w` (any case) opens a clause a time expression does not reach into.
    pub fn is_clause_opener(&self, w: &str) -> bool {
        (self.is_clause_opener)(w)
    }

    /// Lemma `l` is too light to be a timeline event on its own.
    pub fn is_light_lemma(&self, l: &str) -> bool {
        (self.is_light_lemma)(l)
    }

    /// `w` (any case) is a preposition after which a noun is not a verb's direct object.
    pub fn is_preposition(&self, w: &str) -> bool {
        (self.is_preposition)(w)
    }

    /// `w` (any case) is an article or a coordinator.
    pub fn is_article_or_coordinator(&self, w: &str) -> bool {
        (self.is_article_or_coordinator)(w)
    }

    /// `w` (any case) is a finite auxiliary.
    pub fn is_finite_auxiliary(&self, w: &str) -> bool {
        (self.is_finite_auxiliary)(w)
    }

    /// `w` (lower case) starts with one of the irrealis cues.
    pub fn is_irrealis_cue(&self, w: &str) -> bool {
        (self.is_irrealis_cue)(w)
    }

    /// Does an event's `label` read as a headline?
    pub fn is_headline(&self, label: &str, triggers: &[&str], noun: bool) -> bool {
        (self.is_headline)(label, triggers, noun)
    }

    /// The English package: the default of the public entry points that take no language.
    pub fn english() -> &'static EventWords {
        &crate::en::EVENT_WORDS
    }
}

static NO_WORDS: Words = Words::new("");
static NO_ROWS: Rows = Rows::new("");
static NO_STRINGS: Table<String> = Table::new("");
static NO_SIGNALS: Table<SignalId> = Table::new("");
static NO_AMOUNTS: Table<Amount> = Table::new("");
static NO_UNITS: Table<UnitDays> = Table::new("");
static NO_METRIC_WORDS: Table<MetricWord> = Table::new("");

/// The package of a language without one: every list and table empty, every word `""`
/// (which no token is), every predicate false. The pipeline gives it to the link stage and
/// the timeline assembly of a document whose language has no event package; the event
/// tagger does not run on such a document (it would read every form as ending in `""`).
static NONE: EventWords = EventWords {
    ending: Endings {
        ed: "",
        en: "",
        ing: "",
        ly: "",
        ss: "",
        us: "",
        is: "",
        self_: "",
        selves: "",
    },
    be: &NO_WORDS,
    verbal_context: &NO_WORDS,
    have: &NO_WORDS,
    do_words: &NO_WORDS,
    modals: &NO_WORDS,
    adverbs: &NO_WORDS,
    subjects: &NO_WORDS,
    determiners: &NO_WORDS,
    prepositions: &NO_WORDS,
    object_adjectives: &NO_WORDS,
    not_noun_heads: &NO_WORDS,
    object_cues: &NO_WORDS,
    articles: &NO_WORDS,
    particles: &NO_WORDS,
    plural_nouns: &NO_WORDS,
    object_pronouns: &NO_WORDS,
    do_objects: &NO_WORDS,
    class_lemmas: &NO_STRINGS,
    extra_event_nouns: &NO_WORDS,
    always_event_nouns: &NO_WORDS,
    never_events: &NO_WORDS,
    future_auxiliaries: &NO_WORDS,
    present_auxiliaries: &NO_WORDS,
    past_auxiliaries: &NO_WORDS,
    modal_forms: &NO_STRINGS,
    noun_negations: &NO_WORDS,
    verb_negations: &NO_WORDS,
    question_subjects: &NO_WORDS,
    do_forms: &NO_WORDS,
    not_ly_adverbs: &NO_WORDS,
    not_modifiers: &NO_WORDS,
    not_counted_adverbs: &NO_WORDS,
    adjunct_openers: &NO_WORDS,
    relative_that_which: &NO_WORDS,
    ordinal_adverbs: &NO_WORDS,
    verb_clitic_hosts: &NO_WORDS,
    clitics: &NO_WORDS,
    clitic_s_verb: "",
    adjective_suffixes: &NO_WORDS,
    demonym_suffixes: &NO_WORDS,
    verb_coordinators: &NO_WORDS,
    verb_suffixes: &NO_ROWS,
    noun_suffixes: &NO_ROWS,
    event_noun_suffixes: &NO_ROWS,
    infinitive_marker: "",
    been: "",
    not_word: "",
    complement_cues: &NO_WORDS,
    object_openers: &NO_WORDS,
    scale_words: &NO_WORDS,
    label_end_trimmed: &NO_WORDS,
    vp_openers: &NO_WORDS,
    vp_coordinators: &NO_WORDS,
    window_relatives: &NO_WORDS,
    window_signals: &NO_WORDS,
    window_stops_left: &NO_WORDS,
    amount_words: &NO_WORDS,
    relative_pronouns: &NO_WORDS,
    label_kept_adverbs: &NO_WORDS,
    happen_verbs: &NO_WORDS,
    catenative: &NO_WORDS,
    of_word: "",
    take_place: ["", ""],
    modal_lemmas: &NO_WORDS,
    negating: &NO_WORDS,
    denying: &NO_WORDS,
    alleging: &NO_WORDS,
    alleging_adverbs: &NO_WORDS,
    intending: &NO_WORDS,
    cognition: &NO_WORDS,
    saying: &NO_WORDS,
    first_person: &NO_WORDS,
    conditionals: &NO_WORDS,
    negators: &NO_WORDS,
    tell: "",
    complementizers: &NO_WORDS,
    not_names: &NO_WORDS,
    sentence_openers: &NO_WORDS,
    light_verbs: &NO_WORDS,
    light_lemmas: &NO_WORDS,
    name_particles: &NO_WORDS,
    habitual_adverbs: &NO_WORDS,
    is_clause_opener: |_| false,
    is_light_lemma: |_| false,
    is_preposition: |_| false,
    is_article_or_coordinator: |_| false,
    is_finite_auxiliary: |_| false,
    event_synonyms: &NO_WORDS,
    event_hypernyms: &NO_WORDS,
    event_repeatable: &NO_WORDS,
    event_pro_verbs: &NO_WORDS,
    spot_prepositions: &NO_WORDS,
    theme_prepositions: &NO_WORDS,
    event_frames: &[],
    temporal_prepositions: &NO_WORDS,
    definite: &NO_WORDS,
    distinct_modifiers: &NO_WORDS,
    irrealis_cues: &NO_WORDS,
    np_stops: &NO_WORDS,
    non_coreferring: &NO_WORDS,
    is_irrealis_cue: |_| false,
    future_modality: "",
    name_prepositions: &NO_WORDS,
    noun_determiners: &NO_WORDS,
    window_prepositions: &NO_WORDS,
    result_state_verbs: &NO_WORDS,
    never_event_lemmas: &NO_WORDS,
    bound_prepositions: &NO_STRINGS,
    order_prepositions: &NO_STRINGS,
    deadline_prepositions: &NO_WORDS,
    own_prepositions: &NO_WORDS,
    durative_prepositions: &NO_WORDS,
    change_of_state_verbs: &NO_WORDS,
    range_openers: &NO_WORDS,
    reschedule_verbs: &NO_WORDS,
    range_connectors: &NO_WORDS,
    person_pronouns: &NO_WORDS,
    thing_pronouns: &NO_WORDS,
    class_nouns: &NO_STRINGS,
    acronym_glue: &NO_WORDS,
    support_verbs: &NO_WORDS,
    complex_predicate_verbs: &NO_WORDS,
    convening_verbs: &NO_WORDS,
    convened_nouns: &NO_WORDS,
    is_headline: |_, _, _| false,
    definite_article: "",
    comparison_since: "",
    duration_for: "",
    signals: &NO_SIGNALS,
    metric_amounts: &NO_AMOUNTS,
    metric_units: &NO_UNITS,
    metric_words: &NO_METRIC_WORDS,
    metric_windows: &NO_WORDS,
    between_words: &NO_WORDS,
    anchor_words: &NO_WORDS,
};
