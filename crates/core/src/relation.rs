//! TimeML temporal relation types, shared by linking, the graph, the timeline and evaluation.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A TimeML TLINK `relType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RelType {
    Before,
    After,
    #[serde(rename = "IBEFORE")]
    IBefore,
    #[serde(rename = "IAFTER")]
    IAfter,
    Includes,
    IsIncluded,
    During,
    DuringInv,
    Simultaneous,
    Identity,
    Begins,
    BegunBy,
    Ends,
    EndedBy,
    /// No relation could be decided (MATRES/TB-Dense `VAGUE`).
    Vague,
}

/// `(name, relation)` in TimeML spelling.
pub static REL_NAMES: &[(&str, RelType)] = &[
    ("BEFORE", RelType::Before),
    ("AFTER", RelType::After),
    ("IBEFORE", RelType::IBefore),
    ("IAFTER", RelType::IAfter),
    ("INCLUDES", RelType::Includes),
    ("IS_INCLUDED", RelType::IsIncluded),
    ("DURING", RelType::During),
    ("DURING_INV", RelType::DuringInv),
    ("SIMULTANEOUS", RelType::Simultaneous),
    ("IDENTITY", RelType::Identity),
    ("BEGINS", RelType::Begins),
    ("BEGUN_BY", RelType::BegunBy),
    ("ENDS", RelType::Ends),
    ("ENDED_BY", RelType::EndedBy),
    ("VAGUE", RelType::Vague),
];

impl RelType {
    pub fn as_str(self) -> &'static str {
        REL_NAMES
            .iter()
            .find(|(_, r)| *r == self)
            .map(|(n, _)| *n)
            .unwrap_or("VAGUE")
    }

    /// The relation seen from the other end: `a BEFORE b` ⇔ `b AFTER a`.
    pub fn inverse(self) -> RelType {
        use RelType::*;
        match self {
            Before => After,
            After => Before,
            IBefore => IAfter,
            IAfter => IBefore,
            Includes => IsIncluded,
            IsIncluded => Includes,
            During => DuringInv,
            DuringInv => During,
            Simultaneous => Simultaneous,
            Identity => Identity,
            Begins => BegunBy,
            BegunBy => Begins,
            Ends => EndedBy,
            EndedBy => Ends,
            Vague => Vague,
        }
    }
}

impl fmt::Display for RelType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RelType {
    type Err = String;
    fn from_str(s: &str) -> Result<RelType, String> {
        let up = s.trim().to_ascii_uppercase().replace(['-', ' '], "_");
        REL_NAMES
            .iter()
            .find(|(n, _)| *n == up)
            .map(|(_, r)| *r)
            .ok_or_else(|| format!("a TimeML relation type (BEFORE, AFTER, INCLUDES, ...), found `{s}`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn inverse_is_involution() {
        for (name, r) in REL_NAMES {
            assert_eq!(r.inverse().inverse(), *r);
            assert_eq!(name.parse::<RelType>().unwrap(), *r);
            // serde spells every relation the TimeML way (IBEFORE, not I_BEFORE).
            assert_eq!(serde_json::to_string(r).unwrap(), format!("\"{name}\""));
        }
    }
}
