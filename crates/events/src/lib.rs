//! Events: TimeML EVENTs found in text (TempEval-3 Task B), and their merge across documents.
//!
//! | text                                   | event     | pos  | class      | tense      | aspect     | polarity |
//! |----------------------------------------|-----------|------|------------|------------|------------|----------|
//! | `Sony has scrapped the release`        | scrapped  | VERB | OCCURRENCE | PRESENT    | PERFECTIVE | POS      |
//! | `Earnest said it`                      | said      | VERB | REPORTING  | PAST       | NONE       | POS      |
//! | `hackers believed to have stolen data` | believed  | VERB | I_STATE    | PAST       | NONE       | POS      |
//! |                                        | stolen    | VERB | OCCURRENCE | INFINITIVE | PERFECTIVE | POS      |
//! | `We haven't done everything`           | done      | VERB | OCCURRENCE | PRESENT    | PERFECTIVE | NEG      |
//! | `The threats escalated`                | threats   | NOUN | OCCURRENCE | NONE       | NONE       | POS      |
//! |                                        | escalated | VERB | OCCURRENCE | PAST       | NONE       | POS      |
//! | `in May` (inside a timex)              | —         |      |            |            |            |          |
//!
//! How a token becomes an event ([`extract`]): tokens inside temporal expressions, function
//! words and auxiliaries are skipped; a form the corpus counts know ([`lexicon`]) is an event
//! when most of its occurrences were, adjusted by context (an auxiliary `have`, a proper
//! name, a noun after a determiner); an unknown form is an event when its morphology and
//! WordNet make it a verb in verbal context or an event noun. The class comes from the
//! counts, then hand lists by lemma, then the part of speech. Tense, aspect, polarity and
//! modality come from the verb group ([`grammar`]).
//!
//! # Grammar
//!
//! ```text
//! verb group := modal? ("to")? (have)? (be)? (being|been)? neg? adverb* VERB
//! modal      := will | shall | 'll          → tense FUTURE
//!             | would | could | should | may | might | must | can → tense NONE, modality = word
//! neg        := not | n't | never           → polarity NEG (also `no` before a noun)
//! ```

pub mod complement;
pub mod grammar;
pub mod label;
pub mod lexicon;
pub mod listing;
pub mod merge;
pub mod morph;
/// The dependency parse from the embedded model (the `tempograph` library's `syntax` module).
#[doc(hidden)]
pub mod syntax;

// The crates below, under the module names the stage's code knows them by (`crate::lang::...`).
use crate as events;
use tempograph_core::format;
use tempograph_lang::{self as lang, text};
use tempograph_timeline as timeline;
use tempograph_timex as timex;

use crate::lang::EventWords;
use crate::text::{Analysis, Span, TokenKind};
use lexicon::Lexicon;
use serde::{Deserialize, Serialize};

/// An event mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Byte span of the trigger word.
    pub span: Span,
    pub text: String,
    pub lemma: String,
    pub pos: Pos,
    pub class: EventClass,
    pub tense: Tense,
    pub aspect: Aspect,
    pub polarity: Polarity,
    /// The modal that governs the event (`would`, `may`, `could`, ...), as TimeML writes it.
    pub modality: Option<String>,
    /// Index of the sentence in the [`Analysis`].
    pub sentence: usize,
}

impl Event {
    /// Worth a place on a timeline: not a reporting event ("said", "told reporters") and not
    /// a light verb of the language (`EventWords::light_verbs`: "did", "made a decision",
    /// "took action", which TimeML marks and a timeline of what happened usually does not
    /// want). Task B output keeps every event; this is for consumers that want the
    /// happenings, not the telling.
    pub fn salient(&self, words: &EventWords) -> bool {
        self.class != EventClass::Reporting
            && !(self.pos == Pos::Verb && words.light_verbs.contains(&self.lemma.as_str()))
    }
}

macro_rules! timeml_enum {
    ($(#[$m:meta])* $name:ident { $($var:ident => $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $s)] $var),* }
        impl $name {
            /// All values, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$var),*];
            /// The TimeML spelling.
            pub fn as_str(self) -> &'static str { match self { $($name::$var => $s),* } }
            /// Parse the TimeML spelling.
            pub fn from_timeml(s: &str) -> Option<$name> { match s { $($s => Some($name::$var),)* _ => None } }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

timeml_enum!(
    /// Part of speech of the event trigger, as in MAKEINSTANCE `pos`.
    Pos { Verb => "VERB", Noun => "NOUN", Adjective => "ADJECTIVE", Other => "OTHER" }
);
timeml_enum!(
    /// TimeML event class.
    EventClass {
        Occurrence => "OCCURRENCE", Reporting => "REPORTING", State => "STATE", IAction => "I_ACTION",
        IState => "I_STATE", Aspectual => "ASPECTUAL", Perception => "PERCEPTION",
    }
);
timeml_enum!(
    /// TimeML tense.
    Tense {
        Past => "PAST", Present => "PRESENT", Future => "FUTURE", Infinitive => "INFINITIVE",
        PastPart => "PASTPART", PresPart => "PRESPART", None => "NONE",
    }
);
timeml_enum!(
    /// TimeML grammatical aspect.
    Aspect {
        Progressive => "PROGRESSIVE", Perfective => "PERFECTIVE",
        PerfectiveProgressive => "PERFECTIVE_PROGRESSIVE", None => "NONE",
    }
);
timeml_enum!(
    /// TimeML polarity.
    Polarity { Pos => "POS", Neg => "NEG" }
);

/// Find the events of English `text`. Tokens inside `timexes` are never events. Sorted by span.
pub fn extract(text: &str, analysis: &Analysis, timexes: &[crate::timex::Timex]) -> Vec<Event> {
    let spans: Vec<Span> = timexes.iter().map(|t| t.span).collect();
    extract_in(EventWords::english(), text, analysis, &spans)
}

/// Find the events of English `text`, leaving out tokens inside `excluded` (temporal
/// expressions). Sorted by span.
pub fn extract_spans(text: &str, analysis: &Analysis, excluded: &[Span]) -> Vec<Event> {
    extract_in(EventWords::english(), text, analysis, excluded)
}

/// [`extract_spans`] in the words of a language (its [`EventWords`]), with the built-in
/// corpus counts and WordNet and the language's hand lists ([`Lexicon::builtin_in`]).
pub fn extract_in(words: &'static EventWords, text: &str, analysis: &Analysis, excluded: &[Span]) -> Vec<Event> {
    extract_with_in(words, Lexicon::builtin_in(words), text, analysis, excluded)
}

/// [`extract`] of English text with a given lexicon and the spans to leave out (temporal
/// expressions).
pub fn extract_with(lex: &Lexicon, text: &str, analysis: &Analysis, excluded: &[Span]) -> Vec<Event> {
    extract_with_in(EventWords::english(), lex, text, analysis, excluded)
}

/// [`extract_with`] in the words of a language.
pub fn extract_with_in(
    words: &EventWords,
    lex: &Lexicon,
    text: &str,
    analysis: &Analysis,
    excluded: &[Span],
) -> Vec<Event> {
    let toks = &analysis.tokens;
    let mut out = Vec::new();
    let mut ex = excluded.to_vec();
    ex.sort();
    for (si, sent) in analysis.sentences.iter().enumerate() {
        // The last verb event of the sentence: (token index, its group).
        let mut last_verb: Option<(usize, grammar::Group)> = None;
        for i in sent.tokens.clone() {
            let t = toks[i];
            if t.kind != TokenKind::Word {
                continue;
            }
            let k = ex.partition_point(|s| s.end <= t.span.start);
            if ex.get(k).is_some_and(|s| s.overlaps(&t.span)) {
                continue;
            }
            let ctx = grammar::Context::new(words, text, analysis, sent.tokens.clone(), i);
            if let Some(d) = decide(lex, &ctx) {
                let mut g = grammar::verb_group(&ctx, d.pos);
                if d.pos == Pos::Verb {
                    // "likely to change and renew": a bare verb after a conjunction shares the
                    // group of the verb before it.
                    let conj = i > 0 && words.verb_coordinators.contains(&ctx.lower(i - 1).as_str());
                    if let Some((j, prev)) = &last_verb {
                        if g.bare
                            && conj
                            && i - j <= COORDINATION_WINDOW
                            && (g.tense != Tense::Past || prev.tense == Tense::Past)
                        {
                            g = grammar::Group {
                                polarity: g.polarity,
                                bare: true,
                                ..prev.clone()
                            };
                        }
                    }
                    last_verb = Some((i, g.clone()));
                }
                out.push(Event {
                    span: t.span,
                    text: t.text(text).to_string(),
                    lemma: d.lemma,
                    pos: d.pos,
                    class: d.class,
                    tense: g.tense,
                    aspect: g.aspect,
                    polarity: g.polarity,
                    modality: g.modality,
                    sentence: si,
                });
            }
        }
    }
    complement::refine_classes(words, text, analysis, &mut out);
    out
}

/// How many tokens back a coordinated verb looks for the verb it shares a group with.
const COORDINATION_WINDOW: usize = 8;

/// What the decision found for one token.
struct Decision {
    lemma: String,
    pos: Pos,
    class: EventClass,
}

/// Minimum corpus occurrences for the counts to decide alone.
const MIN_OCCURRENCES: u32 = 2;
/// Fewer corpus occurrences than this are too few to overrule the grammar of a past form
/// after a subject.
const SPARSE_OCCURRENCES: u32 = 5;
/// Share of corpus occurrences that must be events.
const EVENT_RATIO: f64 = 0.5;
/// Fewer occurrences of a form in one context than this say nothing about that context.
const MIN_CONTEXT_OCCURRENCES: u32 = 1;
/// How many occurrences a form's overall ratio weighs against its ratio in one context.
const CONTEXT_PRIOR_WEIGHT: f64 = 2.0;
/// The prior share of events for a form the rules call an event, and one they do not.
const GUESS_YES: f64 = 0.75;
const GUESS_NO: f64 = 0.25;

fn decide(lex: &Lexicon, ctx: &grammar::Context) -> Option<Decision> {
    let lower = ctx.lower(ctx.i);
    let lower = lower.as_str();
    if lex.never(lower) || ctx.is_clitic(ctx.i) || lower.len() < 2 {
        return None;
    }
    if grammar::is_auxiliary_use(ctx) {
        return None;
    }
    if grammar::main_verb_do(ctx) {
        return decided(ctx.words, lex, lower, Pos::Verb, None);
    }
    if ctx.negated_base_verb() {
        return decided(ctx.words, lex, lower, Pos::Verb, lex.form(lower));
    }
    let proper = ctx.is_proper(ctx.i);
    let verbal = ctx.verbal_context() || ctx.verb_with_object() || !proper && ctx.present_after_name();
    let nominal = ctx.nominal_context();
    let stats = lex.form(lower).filter(|s| s.occurrences >= MIN_OCCURRENCES);
    let vlemma = morph::verb_lemma(ctx.words, lex, lower);
    // What morphology, WordNet and context say without the counts.
    let (guess, guess_pos) = if proper {
        (false, None)
    } else if vlemma.is_some()
        && (verbal
            || (!nominal
                && (lower.ends_with(ctx.words.ending.ed)
                    || lower.ends_with(ctx.words.ending.ing)
                    || lex.verb_exception(lower).is_some())))
    {
        (true, Some(Pos::Verb))
    } else {
        let nl = morph::noun_lemma(ctx.words, lex, lower);
        let forced = lex.always_event_noun(&nl);
        let ev_noun = forced
            || lex
                .event_noun(&nl)
                .is_some_and(|(kind, rank)| rank == 1 && kind != crate::format::wordnet::STATE)
            || derived_event_noun(ctx.words, lex, &nl);
        if forced && !verbal {
            return decided(ctx.words, lex, lower, Pos::Noun, stats);
        }
        (ev_noun, Some(Pos::Noun))
    };
    // A past form after a subject whose lemma WordNet knows as a verb is an event, whatever
    // sparse counts say ("Sony Pictures recently canceled the release": `canceled` is seen
    // twice in TBAQ, once as an event).
    let subject_past = !proper && !nominal && vlemma.is_some() && ctx.past_after_subject();
    // A verb's irregular past that is also a modal form (`won` of "won't") has counts mixed
    // with a homograph's (in TBAQ `won` is mostly the Korean currency): between a subject
    // and the object it opens it is the verb ("The party won the election"). Other
    // irregular pasts keep their counts (they are not mixed).
    let irregular_transitive = subject_past
        && grammar::is_modal_form(ctx.words, lower)
        && lex.verb_exception(lower).is_some()
        && ctx.opens_object();
    let (is_event, pos_hint) = match stats {
        Some(s) if subject_past && s.occurrences < SPARSE_OCCURRENCES || irregular_transitive => {
            (true, Some(Pos::Verb))
        }
        Some(s) => {
            // The counts, smoothed toward the guess; then the counts in this context,
            // smoothed toward that.
            let prior = if guess { GUESS_YES } else { GUESS_NO };
            let cx = grammar::context_of(ctx.words, ctx.text, ctx.analysis, ctx.i);
            let (e, n) = s.by_context[cx as usize];
            let form = (f64::from(s.as_event) + lexicon::PRIOR_WEIGHT * prior)
                / (f64::from(s.occurrences) + lexicon::PRIOR_WEIGHT);
            let r = if n >= MIN_CONTEXT_OCCURRENCES {
                (f64::from(e) + CONTEXT_PRIOR_WEIGHT * form) / (f64::from(n) + CONTEXT_PRIOR_WEIGHT)
            } else {
                form
            };
            let pos = s.pos.as_deref().and_then(Pos::from_timeml).or(guess_pos);
            (r >= EVENT_RATIO && !proper, pos)
        }
        None => (guess, guess_pos),
    };
    if !is_event {
        return None;
    }
    let pos = match pos_hint {
        Some(Pos::Verb) if nominal && !verbal => Pos::Noun,
        Some(Pos::Noun) if verbal && vlemma.is_some() => Pos::Verb,
        Some(p) => p,
        None => {
            if vlemma.is_some() && !nominal {
                Pos::Verb
            } else {
                Pos::Noun
            }
        }
    };
    // "an arrest warrant", "the accession treaty": a noun right before the noun it modifies
    // is not the event (TimeML marks the head, or nothing).
    if pos == Pos::Noun && ctx.compound_modifier() {
        return None;
    }
    decided(ctx.words, lex, lower, pos, stats)
}

/// The lemma and class of a form decided to be an event with part of speech `pos`.
fn decided(
    words: &EventWords,
    lex: &Lexicon,
    lower: &str,
    pos: Pos,
    stats: Option<&lexicon::FormStats>,
) -> Option<Decision> {
    let lemma = match pos {
        Pos::Verb => morph::verb_lemma(words, lex, lower).unwrap_or_else(|| lower.to_string()),
        Pos::Noun => morph::noun_lemma(words, lex, lower),
        _ => lower.to_string(),
    };
    let class = stats
        .filter(|s| s.as_event >= 1)
        .and_then(|s| s.class)
        .or_else(|| lex.class_of(&lemma))
        .unwrap_or(match pos {
            Pos::Adjective => EventClass::State,
            _ => EventClass::Occurrence,
        });
    Some(Decision { lemma, pos, class })
}

/// Nouns derived from verbs by an eventive suffix: `cancellation`, `departure`, `refusal`.
fn derived_event_noun(words: &EventWords, lex: &Lexicon, noun: &str) -> bool {
    for row in words.event_noun_suffixes.iter() {
        let Some((suf, reps)) = row.split_first() else { continue };
        if let Some(stem) = noun.strip_suffix(suf) {
            if stem.len() < 3 {
                continue;
            }
            for rep in reps {
                let mut cand = format!("{stem}{rep}");
                if lex.verb(&cand).is_some() {
                    return true;
                }
                // cancellation → cancel
                if cand.len() > 3 && cand.as_bytes()[cand.len() - 1] == cand.as_bytes()[cand.len() - 2] {
                    cand.pop();
                    if lex.verb(&cand).is_some() {
                        return true;
                    }
                }
            }
        }
    }
    false
}
