//! TimeML's names: the attributes of `TIMEX3`, `EVENT` and `MAKEINSTANCE` (TimeML 1.2.1, as
//! TempEval-3 uses it) and the entities of its XML.

/// `TIMEX3 tid`: the timex id (`t1`).
pub const TID: &str = "tid";
/// `TIMEX3 type`: `DATE`, `TIME`, `DURATION`, `SET`.
pub const TYPE: &str = "type";
/// `TIMEX3 value`: the normalized value (`2014-12-17`).
pub const VALUE: &str = "value";
/// `TIMEX3 mod`: `BEFORE`, `APPROX`, ...
pub const MOD: &str = "mod";
/// `TIMEX3 quant`: the quantifier of a set (`EACH`).
pub const QUANT: &str = "quant";
/// `TIMEX3 freq`: the frequency of a set (`2X`).
pub const FREQ: &str = "freq";
/// `EVENT eid`: the event id (`e1`).
pub const EID: &str = "eid";
/// `EVENT class`: `OCCURRENCE`, `REPORTING`, ...
pub const CLASS: &str = "class";
/// `MAKEINSTANCE eiid`: the instance id (`ei1`).
pub const EIID: &str = "eiid";
/// `MAKEINSTANCE eventID`: the `eid` of the instance's event.
pub const EVENT_ID: &str = "eventID";
/// `MAKEINSTANCE tense`: `PAST`, `PRESENT`, `FUTURE`, `NONE`, ...
pub const TENSE: &str = "tense";
/// `MAKEINSTANCE aspect`: `PROGRESSIVE`, `PERFECTIVE`, `NONE`, ...
pub const ASPECT: &str = "aspect";
/// `MAKEINSTANCE pos`: `VERB`, `NOUN`, `ADJECTIVE`, ...
pub const POS: &str = "pos";
/// `MAKEINSTANCE polarity`: `POS`, `NEG`.
pub const POLARITY: &str = "polarity";
/// `MAKEINSTANCE modality`: the modal (`will`, `could`).
pub const MODALITY: &str = "modality";

/// The extension of TimeML files (`ABC19980108.1830.0711.tml`).
pub const EXTENSION: &str = "tml";

/// The named XML entities TimeML files use, and the characters they stand for.
pub const XML_ENTITIES: &[(&str, char)] = &[("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"'), ("apos", '\'')];

/// `s id`: the id of a sentence element (`<s id="...">`) in the TimeML of the timeline
/// corpora.
pub const SENTENCE_ID: &str = "id";
