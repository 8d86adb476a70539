//! The English word lists of the event merger (`src/events/merge.rs`): what the words before
//! an event noun say about it (definite, distinct, irrealis), and the lemmas that never
//! corefer.
//!
//! Each list is a data file under `data/merge/` (one word a line, `#` comments), embedded
//! and parsed on first use ([`Words`]). The merger's other English lists are in the package
//! root: [`super::EVENT_SYNONYMS`], [`super::EVENT_HYPERNYMS`], [`super::EVENT_REPEATABLE`],
//! [`super::TEMPORAL_PREPOSITIONS`], [`super::NOT_NAMES`].

use crate::lang::Words;
use crate::EventFrame;

/// Determiners that make a noun phrase point back to an event told before (`the attack`).
pub static DEFINITE: Words = Words::new(include_str!("data/merge/definite.txt"));

/// Modifiers that say the event is a different one from those told (`similar attacks`).
pub static DISTINCT_MODIFIERS: Words = Words::new(include_str!("data/merge/distinct-modifiers.txt"));

/// Words whose complement is an event that has not happened (`threats of attacks`,
/// `promises of leaking`): prefixes of the lower-cased word (`promis`).
pub static IRREALIS_CUES: Words = Words::new(include_str!("data/merge/irrealis-cues.txt"));

/// Words at which the look back from an event noun to its determiner stops (`a`, `of`).
pub static NP_STOPS: Words = Words::new(include_str!("data/merge/np-stops.txt"));

/// Lemmas that never name one real-world event across mentions: light verbs and verbs of
/// thinking, wanting and perceiving (`do`, `make`, `know`, `see`, `say`).
pub static NON_COREFERRING: Words = Words::new(include_str!("data/merge/non-coreferring.txt"));

/// Verbs that, with a pronoun subject, tell again the event just told ("It happened near
/// Bath", `EventWords::event_pro_verbs`).
pub static EVENT_PRO_VERBS: Words = Words::new(include_str!("data/merge/event-pro-verbs.txt"));

/// Prepositions that place an event at one spot (`EventWords::spot_prepositions`).
pub static SPOT_PREPOSITIONS: Words = Words::new(include_str!("data/merge/spot-prepositions.txt"));

/// Prepositions that give what an event noun is of (`EventWords::theme_prepositions`).
pub static THEME_PREPOSITIONS: Words = Words::new(include_str!("data/merge/theme-prepositions.txt"));

/// Kinds of event that different verbs name (`EventWords::event_frames`, #20 item 4). Kept
/// small: a frame merges mentions only when their parsed participants agree.
///
/// | frame | verbs | why |
/// |-------|-------|-----|
/// | approval | approve, pass, adopt, ratify, clear, back | a body approving a bill or plan; "the bill passed the Senate" swaps the roles |
/// | appointment | appoint, name, pick, choose, select, tap, hire | giving someone a post: the same body and the same person |
/// | deal | win, sign, award, land, secure, clinch + contract, order, deal | a contract told as won or signed |
pub static EVENT_FRAMES: &[EventFrame] = &[
    EventFrame {
        name: "approval",
        verbs: &["approve", "pass", "adopt", "ratify", "clear", "back"],
        object_verbs: &[],
        objects: &[],
        converse: &["pass"],
        object_identifies: true,
        counterparts: false,
    },
    EventFrame {
        name: "appointment",
        verbs: &["appoint", "name", "pick", "choose", "select", "tap", "hire"],
        object_verbs: &[],
        objects: &[],
        converse: &[],
        object_identifies: true,
        counterparts: false,
    },
    EventFrame {
        name: "deal",
        verbs: &[],
        object_verbs: &["win", "sign", "award", "land", "secure", "clinch"],
        objects: &["contract", "order", "deal"],
        converse: &[],
        object_identifies: false,
        counterparts: true,
    },
];

/// `w` (lower case) starts with one of the [`IRREALIS_CUES`] (`threatened`, `promises`).
pub fn is_irrealis_cue(w: &str) -> bool {
    IRREALIS_CUES.iter().any(|c| w.starts_with(c))
}

/// The modality of a mention told as future without a modal verb (`the studio plans to
/// release`): the modal that would say so, `will`.
pub const FUTURE_MODALITY: &str = "will";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_words() {
        for (name, w) in [
            ("DEFINITE", &DEFINITE),
            ("DISTINCT_MODIFIERS", &DISTINCT_MODIFIERS),
            ("IRREALIS_CUES", &IRREALIS_CUES),
            ("NP_STOPS", &NP_STOPS),
            ("NON_COREFERRING", &NON_COREFERRING),
            ("EVENT_PRO_VERBS", &EVENT_PRO_VERBS),
            ("SPOT_PREPOSITIONS", &SPOT_PREPOSITIONS),
            ("THEME_PREPOSITIONS", &THEME_PREPOSITIONS),
        ] {
            assert!(!w.is_empty(), "{name} is empty");
            assert!(
                w.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase())),
                "{name}: {:?}",
                w.get()
            );
        }
        assert!(is_irrealis_cue("promised") && is_irrealis_cue("threats") && !is_irrealis_cue("attack"));
    }
}
