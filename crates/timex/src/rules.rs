//! The extraction rules, as the timex stage sees them: the engine every language's rules are
//! written against ([`crate::lang::engine`]: the value types, the token context, the
//! lexicon). Each language's rule files and matcher live in its package
//! (`crates/lang/src/<code>/`) and are run through [`crate::lang::Language::extract`].

pub use crate::lang::engine::*;
