//! Format vocabulary: how the formats the tool reads and writes spell their names, as
//! constants. Not natural language: a German text is annotated with the same `eid` and
//! `tense` attributes, and a timeline's YAML has the same keys whatever its sources' language.
//!
//! | module     | what it spells                                             |
//! |------------|------------------------------------------------------------|
//! | [`timeml`] | TimeML attribute names (`eid`, `tense`) and XML entities   |
//! | [`manifest`] | the source manifest's fields (`published`) and `kind:` values (`transcript`) |
//! | [`record`] | the fields and values of extraction records (`story`, `dct`) |
//! | [`wordnet`] | the event lexicon's WordNet table: row kinds (`verb`), lexicographer files (`act`) |
//! | [`timeline`] | the keys of the timeline YAML (`events`, `before`) and the rule ids of `check`'s facts |
//! | [`ids`]    | how timeline ids are spelled: the table folding `é` to `e`, `ß` to `ss` |
//! | [`models`] | the stored models' names (`timebank`, `choose`)             |
//! | [`message`] | the words of the tool's own messages (`bytes`, `before`, `none`) |
//!
//! The folder holds only constants (`tests/lang.rs`, `format_holds_constants_only`, checks),
//! so the English-literal ratchet does not count its strings: words a stage decides with
//! belong in `src/lang/`, not here.

pub mod ids;
pub mod manifest;
pub mod message;
pub mod models;
pub mod record;
pub mod timeline;
pub mod timeml;
pub mod wordnet;
