//! The English grammar of temporal expressions: one file per category, each rule a Rust
//! function over the token stream that pushes candidates with *unresolved* values.
//!
//! | category  | file          | example                          | unresolved value             |
//! |-----------|---------------|----------------------------------|------------------------------|
//! | dates     | `date.rs`     | `Dec. 17`, `the third quarter`   | `Date{month:12, day:17}`     |
//! | relative  | `relative.rs` | `last week`, `two years ago`     | `Shift{unit: Week, n: -1}`   |
//! | durations | `duration.rs` | `three-month`, `several years`   | `Duration{n: 3, unit: Month}`|
//! | sets      | `set.rs`      | `daily`, `every Tuesday`         | `Fixed("P1D")`               |
//! | times     | `time.rs`     | `3:07 p.m.`, `Sunday night`      | `Time{..}` / `PartOfDay{..}` |
//! | holidays  | `holiday.rs`  | `Christmas`, `Labor Day`         | `Holiday(..)`                |
//! | generic   | `generic.rs`  | `now`, `the past`, `recently`    | `Fixed("PRESENT_REF")`       |
//!
//! The matcher that runs them, the token context ([`Ctx`]) and the value types live in the
//! language-free engine, [`crate::timex::rules`]; these files hold the English patterns. They
//! were written before the language seam and still compare tokens with word literals where
//! a table would do (issue #14 moves those to `data/` as they are touched).

pub mod date;
pub mod duration;
pub mod generic;
pub mod holiday;
pub mod relative;
pub mod set;
pub mod time;

pub(crate) use crate::timex::rules::{lookup, Cand, Ctx, Force, Holiday, Season, Unit, Unres, Zone};
