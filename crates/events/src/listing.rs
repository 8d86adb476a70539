//! Events worth listing: of the events a timeline keeps, which an editor would list, and
//! why the others are kept aside ([`Unlisted`]).
//!
//! | sentence                                              | event       | listed?                    |
//! |-------------------------------------------------------|-------------|----------------------------|
//! | Sony canceled the release on Wednesday.               | `canceled`  | yes                        |
//! | Sony did not release the film.                        | `release`   | `negated` (`not` child)    |
//! | GM failed to pass the Senate bill.                    | `pass`      | `negated` (xcomp of `fail`) |
//! | The breach could cost Sony $100 million.              | `cost`      | `modal` (`could`)          |
//! | Apple plans to open a store in Beijing.               | `open`      | `hypothetical` (xcomp of `plan`) |
//! | Analysts expect sales to fall next quarter.           | `fall`      | `hypothetical` (on the object of `expect`) |
//! | The company had previously hoped to ship in May.      | `hoped`     | `opinion` (cognition verb) |
//! | We increasingly believe that North Korea is behind it.| `believe`   | `opinion`                  |
//! | Jobs said on Monday that sales rose.                  | `said`      | `reporting`                |
//! | Police confirmed on Tuesday that a man was arrested.  | `confirmed` | `reporting`                |
//! | The minister denied that he had resigned.             | `resigned`  | `negated` (told by a denial) |
//! | The minister denied that he had resigned.             | `denied`    | `reporting`                |
//! | The paper claimed that the clubs had signed a deal.   | `signed`    | `alleged` (told by a claim) |
//! | The player allegedly met Arsenal officials.           | `met`       | `alleged` (`allegedly`)    |
//! | The iPod plays all content stored in iTunes.          | `plays`     | `generic` (present simple, undated) |
//! | Apple unveils the iPhone 4 (headline).                | `unveils`   | yes (a headline's present tells news) |
//! | Apple will release the update in June.                | `release`   | yes (`will` is the future, not a modal) |
//!
//! The signals are read from the dependency parse where the sentence has one (an `advmod`
//! `not`/`never` child, an `aux` child with a modal lemma, the verb whose `xcomp` the event
//! is, the subject), and from the event's own verb group (`polarity`, `modality`, tense and
//! aspect, see [`crate::events::grammar`]) where it has not.
//!
//! # Grammar
//!
//! ```text
//! negated      := polarity NEG | advmod(not|never|n't) | xcomp of fail|refuse|decline
//!               | told by a denial: ccomp of deny, or acl of its object ("denied reports that …")
//! alleged      := told by an allegation: ccomp of allege|claim|contend|…, or acl of its object
//!               | advmod allegedly|reportedly|purportedly|supposedly
//! modal        := modality (could|would|may|might|should|can|must) | aux(those lemmas)
//!               | advcl marked if|unless
//! hypothetical := xcomp (or its own xcomp) of plan|hope|want|intend|seek|aim|try|wish|expect|propose|threaten
//!               | an infinitive (xcomp or acl) on such a word read as a noun ("plans to open"),
//!                 or on the object of such a verb ("expect sales to fall")
//! opinion      := lemma believe|think|hope|expect|fear|suspect|doubt|want|wish|feel|assume|suppose|guess|worry
//!                 (class I_STATE or STATE, or a first-person subject)
//! reporting    := a denial (deny, refute) whose clause or object's clause is an event
//!               | class REPORTING, lemma say|tell|add|state|note|comment|explain|write|report|describe|claim|...
//!               | class REPORTING, no object of its own, an event as its complement (in the
//!                 parse, or after `that`: "Police confirmed on Tuesday that a man was arrested")
//! generic      := a verb in the present simple, not dated by the text, not in the first sentence
//! ```
//! The first rule that applies gives the reason, in this order.

use super::label::Doc;
use super::{Aspect, Event, EventClass, Polarity, Pos, Tense};
use crate::text::TokenKind;
pub use crate::timeline::Unlisted;

// Adverbs of habit (`EventWords::habitual_adverbs`): the event is what someone does as a
// rule, not one occurrence.

/// Is event `e` inside a condition that opens its sentence, before the comma that closes it
/// ("*If* the dam breaks on Friday, the town would flood")? Read from the tokens, so it holds
/// when the parse misses the clause (it read "breaks" as a plural noun there).
fn in_opening_condition(d: &Doc, e: &Event) -> bool {
    let Some(sent) = d.analysis.sentences.get(e.sentence) else {
        return false;
    };
    let toks = &d.analysis.tokens;
    let first = sent.tokens.start;
    let at = d.analysis.token_at_or_after(e.span.start);
    let comma = |k: usize| toks[k].text(d.text) == ",";
    at > first
        && at < sent.tokens.end
        && d.words
            .conditionals
            .contains(&toks[first].text(d.text).to_ascii_lowercase().as_str())
        && !(first..at).any(comma)
        && (at..sent.tokens.end).any(comma)
}

/// Why event `e` of document `d` is not listed, or `None` when it is. `dated`: the text
/// dates the event (a time expression anchors it).
pub fn unlisted(d: &Doc, e: &Event, dated: bool) -> Option<Unlisted> {
    let s = e.sentence;
    let parse = d.parse.sentences.get(s);
    let w = d.parse.word_at(s, e.span.start);
    let word = |i: usize| parse.and_then(|p| p.words.get(i));
    let lemma_of = |i: usize| word(i).map_or(String::new(), |x| x.lemma.to_ascii_lowercase());
    let children = |h: usize| -> Vec<usize> { d.parse.children(s, h).iter().map(|&c| c as usize).collect() };
    let rel = |i: usize| word(i).map_or("", |x| x.deprel.as_str());
    let lemma = e.lemma.to_ascii_lowercase();

    // Negated.
    let neg_child = w.is_some_and(|w| {
        children(w)
            .iter()
            .any(|&c| rel(c) == "advmod" && d.words.negators.contains(&lemma_of(c).as_str()))
    });
    let head = w.and_then(|w| d.parse.head(s, w));
    // The head's lemma as the parser gives it and as the event tagger does (the parser reads
    // "hoped" as `hop`).
    let head_lemmas = |h: usize| -> Vec<String> {
        let mut v = vec![lemma_of(h)];
        if let Some(x) = word(h) {
            v.extend(
                d.events
                    .iter()
                    .filter(|e| e.span.start == x.start)
                    .map(|e| e.lemma.to_ascii_lowercase()),
            );
        }
        v
    };
    let xcomp_of = |set: &[&str]| {
        w.is_some_and(|w| rel(w) == "xcomp")
            && head.is_some_and(|h| head_lemmas(h).iter().any(|l| set.contains(&l.as_str())))
    };
    if e.polarity == Polarity::Neg || neg_child || xcomp_of(d.words.negating) || told_by(d, e, w, d.words.denying) {
        return Some(Unlisted::Negated);
    }

    // Alleged: told by a source as a claim ("claimed that the clubs had signed a deal"), or
    // with an adverb of allegation ("the player allegedly met officials").
    let alleging_adverb = w.is_some_and(|w| {
        children(w)
            .iter()
            .any(|&c| rel(c) == "advmod" && d.words.alleging_adverbs.contains(&lemma_of(c).as_str()))
    });
    if alleging_adverb || told_by(d, e, w, d.words.alleging) {
        return Some(Unlisted::Alleged);
    }

    // Modal.
    let modal_aux = w.is_some_and(|w| {
        children(w)
            .iter()
            .any(|&c| rel(c) == "aux" && d.words.modal_lemmas.contains(&lemma_of(c).as_str()))
    });
    let conditional = w.is_some_and(|w| {
        rel(w) == "advcl"
            && children(w)
                .iter()
                .any(|&c| rel(c) == "mark" && d.words.conditionals.contains(&lemma_of(c).as_str()))
    });
    if e.modality.as_deref().is_some_and(|m| d.words.modal_lemmas.contains(&m))
        || modal_aux
        || conditional
        || in_opening_condition(d, e)
    {
        return Some(Unlisted::Modal);
    }

    // Hypothetical: the complement of a plan or a wish (one level, or through `to be`).
    if xcomp_of(d.words.intending) {
        return Some(Unlisted::Hypothetical);
    }
    // See: #20 item 2. The parser often hangs the infinitive on a noun: on "plans" read as
    // a noun ("The company plans to open", `acl` of `plans`), or on the object of the plan
    // or the expectation ("Analysts expect sales to fall", `acl` of `sales`, the `obj` of
    // `expect`).
    let infinitive = e.tense == Tense::Infinitive && w.is_some_and(|w| matches!(rel(w), "acl" | "xcomp"));
    let intends = |h: usize| head_lemmas(h).iter().any(|l| d.words.intending.contains(&l.as_str()));
    if infinitive
        && head.is_some_and(|h| {
            intends(h) || rel(h) == "obj" && d.parse.head(s, h).is_some_and(|g| rel(g) != "obj" && intends(g))
        })
    {
        return Some(Unlisted::Hypothetical);
    }

    // Opinion: a belief or an expectation.
    let first_person = w.is_some_and(|w| {
        children(w)
            .iter()
            .any(|&c| rel(c).starts_with("nsubj") && d.words.first_person.contains(&lemma_of(c).as_str()))
    });
    if d.words.cognition.contains(&lemma.as_str())
        || (first_person && matches!(e.class, EventClass::IState | EventClass::State))
    {
        return Some(Unlisted::Opinion);
    }

    // Reporting: the telling.
    // See: #20 item 2. A denial that tells an event ("denied that he had resigned", "denied
    // reports that it would close the plant") is a telling, whatever its class.
    if d.words.denying.contains(&lemma.as_str())
        && e.pos == Pos::Verb
        && (reports_event(d, e, w) || denies_a_report(d, e, w))
    {
        return Some(Unlisted::Reporting);
    }
    // A verb of saying with an object of its own is a happening ("Apple added audio
    // recording abilities"); "told reporters" tells.
    let own_object = w.is_some_and(|w| children(w).iter().any(|&c| rel(c) == "obj")) && lemma != d.words.tell;
    if e.class == EventClass::Reporting && d.words.saying.contains(&lemma.as_str()) && !own_object {
        return Some(Unlisted::Reporting);
    }
    // A verb of saying the tagger classed otherwise ("insisted that no offer had been
    // received": I_ACTION) tells when its complement is an event.
    if d.words.saying.contains(&lemma.as_str()) && e.pos == Pos::Verb && !own_object && reports_event(d, e, w) {
        return Some(Unlisted::Reporting);
    }
    // See: #20 item 2. Any other telling ("Police confirmed that a man was arrested",
    // "Apple announced on Tuesday that it had sold ...") whose complement is an event: the
    // news is the complement, the telling is kept aside.
    if e.class == EventClass::Reporting && e.pos == Pos::Verb && !own_object && reports_event(d, e, w) {
        return Some(Unlisted::Reporting);
    }

    // Generic: a habit ("as you often do heading into the holiday": the adverb on the event
    // or on the verb it depends on).
    let habitual = |i: usize| {
        children(i)
            .iter()
            .any(|&c| rel(c) == "advmod" && d.words.habitual_adverbs.contains(&lemma_of(c).as_str()))
    };
    let dependent = w.is_some_and(|w| matches!(rel(w), "advcl" | "xcomp" | "conj"));
    if w.is_some_and(habitual) || (dependent && head.is_some_and(habitual)) {
        return Some(Unlisted::Generic);
    }
    // Generic: present simple, undated, not a headline.
    let present_simple = e.pos == Pos::Verb && e.tense == Tense::Present && e.aspect == Aspect::None;
    if present_simple && !dated && s > 0 && !super::label::is_headline(d, s) {
        return Some(Unlisted::Generic);
    }
    None
}

/// How many parse levels up from an event a denial may be ("denied [reports [that it would
/// close]]": two).
const DENIAL_REACH: usize = 3;

/// See: #20 item 2. Is event `e` (its parse word `w`) told by a verb of `verbs` — a denial
/// (`EventWords::denying`) or an allegation (`EventWords::alleging`): in its clause (`ccomp`:
/// "denied that he had *resigned*") or in the clause of its object (`obj` → `acl`: "denied
/// reports that it would *close* the plant")? The climb goes through clauses and objects
/// only, never through a subject. Where the parse misses the clause, a complementizer right
/// after the verb that precedes the event in the sentence says so ("denied on Monday *that*
/// ...").
fn told_by(d: &Doc, e: &Event, w: Option<usize>, verbs: &crate::lang::Words) -> bool {
    let s = e.sentence;
    if let (Some(mut c), Some(sent)) = (w, d.parse.sentences.get(s)) {
        for _ in 0..DENIAL_REACH {
            let rel = sent.words[c].deprel.as_str();
            if !matches!(rel, "ccomp" | "acl" | "obj" | "xcomp") {
                break;
            }
            let Some(h) = d.parse.head(s, c) else {
                break;
            };
            let x = &sent.words[h];
            let denies = verbs.contains(&x.lemma.to_ascii_lowercase().as_str())
                || d.events
                    .iter()
                    .any(|v| v.span.start == x.start && verbs.contains(&v.lemma.to_ascii_lowercase().as_str()));
            if denies && x.upos == "VERB" {
                return true;
            }
            c = h;
        }
        return false;
    }
    // No parse: a denial verb, then a complementizer, then this event, in one sentence.
    let toks = &d.analysis.tokens;
    d.events.iter().any(|v| {
        v.sentence == s && v.span.end <= e.span.start && verbs.contains(&v.lemma.to_ascii_lowercase().as_str()) && {
            let k = d.analysis.token_at_or_after(v.span.end);
            k < toks.len()
                && toks[k].span.end <= e.span.start
                && d.words
                    .complementizers
                    .contains(&toks[k].text(d.text).to_ascii_lowercase().as_str())
        }
    })
}

/// Has the object of verb event `e` (its parse word `w`) a clause of its own ("denied
/// *reports that it would close* the plant": `obj` with an `acl` or `ccomp` verb)?
fn denies_a_report(d: &Doc, e: &Event, w: Option<usize>) -> bool {
    let s = e.sentence;
    let (Some(w), Some(sent)) = (w, d.parse.sentences.get(s)) else {
        return false;
    };
    let kids = |h: usize| d.parse.children(s, h).iter().map(|&c| c as usize).collect::<Vec<_>>();
    kids(w).into_iter().filter(|&o| sent.words[o].deprel == "obj").any(|o| {
        kids(o)
            .into_iter()
            .any(|c| matches!(sent.words[c].deprel.as_str(), "acl" | "ccomp") && sent.words[c].upos == "VERB")
    })
}

/// Is the complement of verb event `e` (its parse word `w`) an event: a verb event after it
/// in its sentence that it dominates in the parse other than through its subject, or — where
/// the parse misses the clause — one after a complementizer that follows the verb, past a
/// time expression ("confirmed on Tuesday *that* a man was arrested")?
fn reports_event(d: &Doc, e: &Event, w: Option<usize>) -> bool {
    let s = e.sentence;
    let later = || {
        d.events
            .iter()
            .filter(move |x| x.sentence == s && x.pos == Pos::Verb && x.span.start > e.span.end)
    };
    if let (Some(w), Some(sent)) = (w, d.parse.sentences.get(s)) {
        let dominated = later().filter_map(|x| d.parse.word_at(s, x.span.start)).any(|mut c| {
            // Climb to the child of `w` on the path, if `w` is an ancestor.
            for _ in 0..sent.words.len() {
                match d.parse.head(s, c) {
                    Some(h) if h == w => {
                        let rel = sent.words[c].deprel.as_str();
                        return !rel.starts_with("nsubj") && !rel.starts_with("csubj");
                    }
                    Some(h) => c = h,
                    None => return false,
                }
            }
            false
        });
        if dominated {
            return true;
        }
    }
    let Some(sent) = d.analysis.sentences.get(s) else {
        return false;
    };
    let toks = &d.analysis.tokens;
    let mut k = d.analysis.token_at_or_after(e.span.end);
    // Past a time expression and the preposition that opens it.
    while k < sent.tokens.end
        && (d.in_timex(&toks[k])
            || k + 1 < sent.tokens.end && d.in_timex(&toks[k + 1]) && toks[k].kind == TokenKind::Word)
    {
        k += 1;
    }
    k < sent.tokens.end
        && d.words
            .complementizers
            .contains(&toks[k].text(d.text).to_ascii_lowercase().as_str())
        && later().any(|x| x.span.start >= toks[k].span.end)
}
