//! The extraction rules, as the timex stage sees them: the engine every language's rules are
//! written against ([`crate::lang::engine`]: the value types, the token context, the
//! lexicon) and the English rule files and matcher (`src/lang/en/rules/`). Both live in the
//! language package; this module only names them where the stage reads them.

pub use crate::lang::en::month_number;
pub use crate::lang::en::rules::{
    date, duration, extract, extract_in, extract_range, generic, holiday, relative, set, time, Rule, RULE_IDS,
};
pub use crate::lang::engine::*;
