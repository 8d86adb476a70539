//! TempEval-3 Task B: event extents and classes, scored as the TE3 toolkit does
//! (`/work/shared/docs/SCORING.md` §1).
//!
//! | gold            | system          | strict | relaxed | class                  |
//! |-----------------|-----------------|--------|---------|------------------------|
//! | `said` REPORTING | `said` REPORTING | ✓     | ✓       | ✓                      |
//! | `cease-fire`    | `cease`         | ✗      | ✓       | compared               |
//! | `attack`        | —               | ✗ (FN) | ✗ (FN)  | —                      |
//! | —               | `the`           | ✗ (FP) | ✗ (FP)  | —                      |
//!
//! Precision = matched system events / system events; recall = matched gold events / gold
//! events (each side counted on its own, as the toolkit does; a system event overlapping two
//! gold events counts once on its side and helps both gold events). **Relaxed**: the extents
//! overlap. **Strict**: the extents cover the same tokens. **Class F1** = relaxed F1 × class
//! accuracy, where class accuracy is over relaxed-matched gold events (gold → first
//! overlapping system event). Tense, aspect, polarity and part of speech accuracy are
//! computed the same way when both sides carry them (TE3 did not rank by them).
//!
//! # Grammar
//!
//! A document is scored from two lists of [`Mention`]s over the same text; [`TaskB`] sums the
//! counts over documents and computes P/R/F1 from the sums (micro average).

use crate::format::timeml as tml;
use crate::text::Span;
use serde::Serialize;

/// One event annotation, gold or system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub class: String,
    pub tense: Option<String>,
    pub aspect: Option<String>,
    pub polarity: Option<String>,
    pub pos: Option<String>,
}

impl Mention {
    /// A mention with a class and no other attributes.
    pub fn new(span: Span, class: impl Into<String>) -> Mention {
        Mention {
            span,
            class: class.into(),
            tense: None,
            aspect: None,
            polarity: None,
            pos: None,
        }
    }
}

/// Precision, recall and F1, in percent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(matched_sys: usize, sys: usize, matched_gold: usize, gold: usize) -> Prf {
        let p = if sys == 0 { 0.0 } else { matched_sys as f64 / sys as f64 };
        let r = if gold == 0 {
            0.0
        } else {
            matched_gold as f64 / gold as f64
        };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf {
            precision: 100.0 * p,
            recall: 100.0 * r,
            f1: 100.0 * f,
        }
    }
}

/// Attribute agreement on relaxed matches: (equal, compared).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Agreement {
    pub equal: usize,
    pub compared: usize,
}

impl Agreement {
    pub fn accuracy(&self) -> f64 {
        if self.compared == 0 {
            0.0
        } else {
            100.0 * self.equal as f64 / self.compared as f64
        }
    }
    fn add(&mut self, a: Option<&str>, b: Option<&str>) {
        if let (Some(a), Some(b)) = (a, b) {
            self.compared += 1;
            if a.eq_ignore_ascii_case(b) {
                self.equal += 1;
            }
        }
    }
}

/// Task B counts summed over documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TaskB {
    pub documents: usize,
    pub gold: usize,
    pub system: usize,
    pub strict_sys: usize,
    pub strict_gold: usize,
    pub relaxed_sys: usize,
    pub relaxed_gold: usize,
    pub class: Agreement,
    pub tense: Agreement,
    pub aspect: Agreement,
    pub polarity: Agreement,
    pub pos: Agreement,
}

/// The token-covered part of a span: trimmed of surrounding whitespace and punctuation, so
/// `"said "` and `"said"` are the same extent.
fn core(text: &str, s: Span) -> (usize, usize) {
    let Some(t) = text.get(s.start..s.end) else {
        return (s.start, s.end);
    };
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    (s.start + lead, s.end.saturating_sub(trail).max(s.start + lead))
}

impl TaskB {
    /// Add one document: `gold` and `system` events over the same `text`.
    pub fn add_document(&mut self, text: &str, gold: &[Mention], system: &[Mention]) {
        self.documents += 1;
        self.gold += gold.len();
        self.system += system.len();
        let overlaps = |a: &Mention, b: &Mention| a.span.overlaps(&b.span);
        let same = |a: &Mention, b: &Mention| core(text, a.span) == core(text, b.span);
        for s in system {
            if gold.iter().any(|g| overlaps(g, s)) {
                self.relaxed_sys += 1;
            }
            if gold.iter().any(|g| same(g, s)) {
                self.strict_sys += 1;
            }
        }
        for g in gold {
            if system.iter().any(|s| same(g, s)) {
                self.strict_gold += 1;
            }
            // Prefer the identical extent, else the first overlapping one.
            let m = system
                .iter()
                .find(|s| same(g, s))
                .or_else(|| system.iter().find(|s| overlaps(g, s)));
            if let Some(s) = m {
                self.relaxed_gold += 1;
                self.class.add(Some(&g.class), Some(&s.class));
                self.tense.add(g.tense.as_deref(), s.tense.as_deref());
                self.aspect.add(g.aspect.as_deref(), s.aspect.as_deref());
                self.polarity.add(g.polarity.as_deref(), s.polarity.as_deref());
                self.pos
                    .add(g.pos.as_deref().filter(|p| *p != "UNKNOWN"), s.pos.as_deref());
            }
        }
    }

    pub fn strict(&self) -> Prf {
        Prf::new(self.strict_sys, self.system, self.strict_gold, self.gold)
    }

    pub fn relaxed(&self) -> Prf {
        Prf::new(self.relaxed_sys, self.system, self.relaxed_gold, self.gold)
    }

    /// Class F1 = relaxed F1 × class accuracy.
    pub fn class_f1(&self) -> f64 {
        self.relaxed().f1 * self.class.accuracy() / 100.0
    }

    /// A table of the figures, as `tempograph eval` prints it.
    pub fn report(&self) -> String {
        let s = self.strict();
        let r = self.relaxed();
        let mut out = format!(
            "Task B (events): {} documents, {} gold, {} system\n",
            self.documents, self.gold, self.system
        );
        out.push_str(&format!(
            "  strict   P {:6.2}  R {:6.2}  F1 {:6.2}\n",
            s.precision, s.recall, s.f1
        ));
        out.push_str(&format!(
            "  relaxed  P {:6.2}  R {:6.2}  F1 {:6.2}\n",
            r.precision, r.recall, r.f1
        ));
        out.push_str(&format!(
            "  class    accuracy {:6.2}  F1 {:6.2}\n",
            self.class.accuracy(),
            self.class_f1()
        ));
        for (name, a) in [
            (tml::TENSE, self.tense),
            (tml::ASPECT, self.aspect),
            (tml::POLARITY, self.polarity),
            (tml::POS, self.pos),
        ] {
            if a.compared > 0 {
                out.push_str(&format!(
                    "  {name:<8} accuracy {:6.2}  ({}/{})\n",
                    a.accuracy(),
                    a.equal,
                    a.compared
                ));
            }
        }
        out
    }
}

/// Gold or system events of a parsed TimeML document: EVENT elements inside `<TEXT>` with
/// their class, and tense/aspect/polarity/pos from the first MAKEINSTANCE of each.
pub fn mentions(doc: &crate::timeml::TimemlDoc) -> Vec<Mention> {
    use crate::timeml::attr;
    doc.tagged("EVENT")
        .map(|a| {
            let eid = a.attr(tml::EID).unwrap_or("");
            let inst = doc.instances.iter().find(|i| attr(i, tml::EVENT_ID) == Some(eid));
            let get = |k: &str| inst.and_then(|i| attr(i, k)).map(str::to_string);
            Mention {
                span: a.span,
                class: a.attr(tml::CLASS).unwrap_or("OCCURRENCE").to_string(),
                tense: get(tml::TENSE),
                aspect: get(tml::ASPECT),
                polarity: get(tml::POLARITY),
                pos: get(tml::POS),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, word: &str, nth: usize, class: &str) -> Mention {
        let start = text.match_indices(word).nth(nth).unwrap().0;
        Mention::new(Span::new(start, start + word.len()), class)
    }

    #[test]
    fn worked_example() {
        // 4 gold events: one exact, one partial extent with the wrong class, one missed; the
        // system adds one spurious event.
        let text = "Officials said the cease-fire held after an attack on the city.";
        let gold = [
            m(text, "said", 0, "REPORTING"),
            m(text, "cease-fire", 0, "OCCURRENCE"),
            m(text, "held", 0, "OCCURRENCE"),
            m(text, "attack", 0, "OCCURRENCE"),
        ];
        let sys = [
            m(text, "said", 0, "REPORTING"),
            m(text, "cease", 0, "STATE"),
            m(text, "held", 0, "OCCURRENCE"),
            m(text, "city", 0, "OCCURRENCE"),
        ];
        let mut b = TaskB::default();
        b.add_document(text, &gold, &sys);
        assert_eq!(
            (b.strict_sys, b.strict_gold, b.relaxed_sys, b.relaxed_gold),
            (2, 2, 3, 3)
        );
        assert!((b.strict().f1 - 50.0).abs() < 1e-9);
        assert!((b.relaxed().f1 - 75.0).abs() < 1e-9);
        assert_eq!(b.class, Agreement { equal: 2, compared: 3 });
        assert!((b.class_f1() - 50.0).abs() < 1e-9);
        assert!(b.report().contains("relaxed  P  75.00  R  75.00  F1  75.00"));
    }

    #[test]
    fn empty_sides() {
        let mut b = TaskB::default();
        b.add_document("x", &[], &[]);
        assert_eq!(b.relaxed(), Prf::default());
        assert_eq!(b.class_f1(), 0.0);
    }
}
