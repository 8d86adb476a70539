//! The WordNet table of the event lexicon (`src/events/data/wordnet.tsv`, made by
//! `train/scripts/gen_event_lexicon.py`): the kinds of its rows, and the WordNet lexicographer
//! files (`noun.act`, `noun.state`) an event noun's kind names.

/// A row of a verb lemma and its tagged-sense count.
pub const VERB: &str = "verb";
/// A row of an irregular verb form and its lemma.
pub const VERB_EXC: &str = "verb-exc";
/// A row of an irregular noun form and its lemma.
pub const NOUN_EXC: &str = "noun-exc";
/// A row of an event noun, its lexicographer file and sense rank.
pub const EVENT_NOUN: &str = "event-noun";

/// The lexicographer file `noun.act`: acts and actions (`attack`), the kind the hand-listed
/// event nouns are given.
pub const ACT: &str = "act";
/// The lexicographer file `noun.state`: states (`crisis`), events only as a first sense of
/// another kind.
pub const STATE: &str = "state";
