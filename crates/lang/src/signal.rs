//! The meanings of temporal signals, the same in every language: what a language's signal
//! words and metric phrases map to ([`SignalId`], [`MetricWord`]), and the quantities of
//! metric phrases ([`Amount`], [`UnitDays`]). The words themselves are each language's data
//! (English: `src/lang/en/data/link/`, read by [`super::en::link`]); the link stage
//! (`crate::link::signals`) finds them in a text.
//!
//! | id                        | kind     | English words (data)                          |
//! |---------------------------|----------|-----------------------------------------------|
//! | [`SignalId::After`]       | `After`  | `after`, `in the wake of`, `as soon as`       |
//! | [`SignalId::Until`]       | `Before` | `until`, `till`                               |
//! | [`SignalId::While`]       | `During` | `while`, `meanwhile`                          |
//! | [`SignalId::Then`]        | `Then`   | `then`, `afterwards`, `subsequently`          |
//! | [`SignalId::In`]          | `Anchor` | `in`                                          |
//!
//! A signal's id is its name in rule ids and in the keys of the learned models
//! ([`SignalId::as_str`]): those spellings are the models' vocabulary, fixed whatever the
//! language of the text (a German `nach` would be [`SignalId::After`] too).

/// What a signal says about order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignalKind {
    /// `after`, `following`, `since`, `in the wake of`: what it opens came first.
    After,
    /// `before`, `until`, `prior to`, `ahead of`: what it opens came later.
    Before,
    /// `when`, `while`, `as`, `during`, `amid`: overlap.
    During,
    /// `then`, `later`, `afterwards`, `subsequently`: the next clause comes after.
    Then,
    /// `in`, `on`, `at`, `by`, `within`, `for`, `from`, `through`: anchors to a time.
    Anchor,
}

/// Which signal a word (or words) of a text is: the signal's meaning, whatever its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignalId {
    /// What it opens came first (`after`, `in the wake of`, `as soon as`).
    After,
    /// What it opens came first (`following`).
    Following,
    /// What it opens came first and the other event has gone on since (`since`).
    Since,
    /// What it opens came later (`before`, `prior to`, `ahead of`).
    Before,
    /// What it opens came later and ended the other event (`until`, `till`).
    Until,
    /// Overlap (`when`, `whenever`).
    When,
    /// Overlap (`while`, `meanwhile`).
    While,
    /// Overlap (`as`).
    As,
    /// Overlap (`during`, `amid`).
    During,
    /// The next clause comes after (`then`, `afterwards`, `subsequently`).
    Then,
    /// The next clause comes after (`later`).
    Later,
    /// Earlier than the other (`earlier`, `previously`).
    Earlier,
    /// Before the time of speaking (`already`).
    Already,
    /// Before the time of speaking by a distance (`ago`).
    Ago,
    /// Anchors to a time (`in`).
    In,
    /// Anchors to a time (`on`).
    On,
    /// Anchors to a time (`at`).
    At,
    /// Anchors to a deadline (`by`).
    By,
    /// Anchors to a window (`within`).
    Within,
    /// Anchors to a length (`for`).
    For,
    /// Anchors to a start (`from`).
    From,
    /// Anchors to a stretch (`through`, `throughout`).
    Through,
    /// Anchors to a stretch (`over`).
    Over,
    /// Anchors to a time (`of`).
    Of,
}

impl SignalId {
    /// Every id, in declaration order.
    pub const ALL: &'static [SignalId] = &[
        SignalId::After,
        SignalId::Following,
        SignalId::Since,
        SignalId::Before,
        SignalId::Until,
        SignalId::When,
        SignalId::While,
        SignalId::As,
        SignalId::During,
        SignalId::Then,
        SignalId::Later,
        SignalId::Earlier,
        SignalId::Already,
        SignalId::Ago,
        SignalId::In,
        SignalId::On,
        SignalId::At,
        SignalId::By,
        SignalId::Within,
        SignalId::For,
        SignalId::From,
        SignalId::Through,
        SignalId::Over,
        SignalId::Of,
    ];

    /// What the signal says about order.
    pub fn kind(self) -> SignalKind {
        use SignalId::*;
        match self {
            After | Following | Since => SignalKind::After,
            Before | Until | Earlier | Already | Ago => SignalKind::Before,
            When | While | As | During => SignalKind::During,
            Then | Later => SignalKind::Then,
            In | On | At | By | Within | For | From | Through | Over | Of => SignalKind::Anchor,
        }
    }

    /// The id's name in rule ids, model keys and data files (`after`, `until`).
    pub fn as_str(self) -> &'static str {
        match self {
            SignalId::After => "after",
            SignalId::Following => "following",
            SignalId::Since => "since",
            SignalId::Before => "before",
            SignalId::Until => "until",
            SignalId::When => "when",
            SignalId::While => "while",
            SignalId::As => "as",
            SignalId::During => "during",
            SignalId::Then => "then",
            SignalId::Later => "later",
            SignalId::Earlier => "earlier",
            SignalId::Already => "already",
            SignalId::Ago => "ago",
            SignalId::In => "in",
            SignalId::On => "on",
            SignalId::At => "at",
            SignalId::By => "by",
            SignalId::Within => "within",
            SignalId::For => "for",
            SignalId::From => "from",
            SignalId::Through => "through",
            SignalId::Over => "over",
            SignalId::Of => "of",
        }
    }
}

impl super::Field for SignalId {
    fn parse_field(s: &str) -> Option<SignalId> {
        SignalId::ALL.iter().copied().find(|id| id.as_str() == s)
    }
}

/// The ordering word of a metric phrase (`two days later`), by meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MetricWord {
    /// `a month after X`: X came first.
    After,
    /// `two days later`: the next event comes after.
    Later,
    /// `three weeks before X`: X came later.
    Before,
    /// `two days earlier`: the next event came first.
    Earlier,
    /// `a year ago`: before the time of speaking.
    Ago,
    /// `in the last 24 hours`: within a window up to the time of speaking.
    Last,
}

impl MetricWord {
    /// Every ordering word, in declaration order.
    pub const ALL: &'static [MetricWord] = &[
        MetricWord::After,
        MetricWord::Later,
        MetricWord::Before,
        MetricWord::Earlier,
        MetricWord::Ago,
        MetricWord::Last,
    ];

    /// Its name in data files (`later`).
    pub fn as_str(self) -> &'static str {
        match self {
            MetricWord::After => "after",
            MetricWord::Later => "later",
            MetricWord::Before => "before",
            MetricWord::Earlier => "earlier",
            MetricWord::Ago => "ago",
            MetricWord::Last => "last",
        }
    }
}

impl super::Field for MetricWord {
    fn parse_field(s: &str) -> Option<MetricWord> {
        MetricWord::ALL.iter().copied().find(|w| w.as_str() == s)
    }
}

/// How many an amount word says, `lo..=hi` (`several` is 3 to 7). Written `3..7`, or `2` for
/// `2..2`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Amount {
    /// The least it says.
    pub lo: f64,
    /// The most it says.
    pub hi: f64,
}

impl super::Field for Amount {
    fn parse_field(s: &str) -> Option<Amount> {
        let (lo, hi) = s.split_once("..").unwrap_or((s, s));
        Some(Amount {
            lo: lo.parse().ok()?,
            hi: hi.parse().ok()?,
        })
    }
}

/// How many days a unit word is, and the tolerance per unit (`a month` is 30 ± 5 days).
/// Written `30±5`, `7±1`, `1`, or as a fraction `1/24` (computed as a division, exactly as
/// `1.0 / 24.0`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitDays {
    /// Days per unit.
    pub days: f64,
    /// Tolerance per unit, in days.
    pub tolerance: f64,
}

impl super::Field for UnitDays {
    fn parse_field(s: &str) -> Option<UnitDays> {
        let (days, tol) = s.split_once('±').unwrap_or((s, "0"));
        let number = |x: &str| -> Option<f64> {
            match x.split_once('/') {
                Some((a, b)) => Some(a.parse::<f64>().ok()? / b.parse::<f64>().ok()?),
                None => x.parse().ok(),
            }
        };
        Some(UnitDays {
            days: number(days)?,
            tolerance: number(tol)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::Field;
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for &id in SignalId::ALL {
            assert_eq!(SignalId::parse_field(id.as_str()), Some(id));
        }
        for &w in MetricWord::ALL {
            assert_eq!(MetricWord::parse_field(w.as_str()), Some(w));
        }
        assert_eq!(SignalId::parse_field("After"), None);
    }

    #[test]
    fn quantities() {
        assert_eq!(Amount::parse_field("3..7"), Some(Amount { lo: 3.0, hi: 7.0 }));
        assert_eq!(Amount::parse_field("2"), Some(Amount { lo: 2.0, hi: 2.0 }));
        assert_eq!(Amount::parse_field("x"), None);
        assert_eq!(
            UnitDays::parse_field("30±5"),
            Some(UnitDays {
                days: 30.0,
                tolerance: 5.0
            })
        );
        assert_eq!(UnitDays::parse_field("1/24").map(|u| u.days), Some(1.0 / 24.0));
        assert_eq!(UnitDays::parse_field("1/x"), None);
    }
}
