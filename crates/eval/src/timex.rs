//! TempEval-3 Task A scoring of TIMEX3 annotations (see `SCORING.md` in the shared docs).
//!
//! | measure       | definition                                                        |
//! |---------------|-------------------------------------------------------------------|
//! | strict P/R/F1 | system and gold extents identical                                 |
//! | relaxed P/R/F1| extents overlap                                                   |
//! | value F1      | relaxed F1 × (relaxed-matched gold with equal `value` / matched)  |
//! | type F1       | relaxed F1 × (relaxed-matched gold with equal `type` / matched)   |
//!
//! Only TIMEX3 elements inside `<TEXT>` count; the DCT is not scored. Counts are summed
//! over documents before the ratios are taken.
//!
//! # Grammar
//!
//! A system timex is *matched* when it overlaps a gold one; a gold timex is matched when a
//! system one overlaps it, and its attributes are compared with the overlapping system
//! timex that has the same extent, else the first one.

use crate::format::timeml as tml;
use crate::text::Span;
use crate::timeml::{Annotation, TimemlDoc};
use serde::Serialize;
use tempograph_core::error::{Error, Result};

/// Counts summed over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub docs: usize,
    pub gold: usize,
    pub system: usize,
    /// Gold timexes with an identical system extent (= system timexes with one).
    pub strict: usize,
    /// System timexes that overlap a gold one.
    pub relaxed_system: usize,
    /// Gold timexes that overlap a system one.
    pub relaxed_gold: usize,
    /// Relaxed-matched gold timexes whose value equals the system's.
    pub value: usize,
    /// Relaxed-matched gold timexes whose type equals the system's.
    pub kind: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed_system += o.relaxed_system;
        self.relaxed_gold += o.relaxed_gold;
        self.value += o.value;
        self.kind += o.kind;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores in percent.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scores {
    pub strict_p: f64,
    pub strict_r: f64,
    pub strict_f1: f64,
    pub relaxed_p: f64,
    pub relaxed_r: f64,
    pub relaxed_f1: f64,
    pub value_accuracy: f64,
    pub value_f1: f64,
    pub type_accuracy: f64,
    pub type_f1: f64,
}

impl Counts {
    pub fn scores(&self) -> Scores {
        let sp = ratio(self.strict, self.system);
        let sr = ratio(self.strict, self.gold);
        let rp = ratio(self.relaxed_system, self.system);
        let rr = ratio(self.relaxed_gold, self.gold);
        let rf = f1(rp, rr);
        let va = ratio(self.value, self.relaxed_gold);
        let ta = ratio(self.kind, self.relaxed_gold);
        Scores {
            strict_p: 100.0 * sp,
            strict_r: 100.0 * sr,
            strict_f1: 100.0 * f1(sp, sr),
            relaxed_p: 100.0 * rp,
            relaxed_r: 100.0 * rr,
            relaxed_f1: 100.0 * rf,
            value_accuracy: 100.0 * va,
            value_f1: 100.0 * rf * va,
            type_accuracy: 100.0 * ta,
            type_f1: 100.0 * rf * ta,
        }
    }
}

/// What went wrong with one timex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// A gold timex no system timex overlaps.
    Missing,
    /// A system timex that overlaps no gold timex.
    Extra,
    /// Overlapping but with a different extent.
    Extent,
    /// Overlapping with a different value.
    Value,
    /// Overlapping with a different type.
    Type,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Missing => "missing",
            ErrorKind::Extra => "extra",
            ErrorKind::Extent => "extent",
            ErrorKind::Value => "value",
            ErrorKind::Type => "type",
        }
    }
}

/// One timex as annotated: text, type, value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    pub kind: String,
    pub value: String,
}

/// A difference between gold and system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: ErrorKind,
    pub gold: Option<Mention>,
    pub system: Option<Mention>,
}

fn mentions(doc: &TimemlDoc) -> Vec<Mention> {
    doc.tagged("TIMEX3")
        .filter(|a: &&Annotation| a.attr("functionInDocument") != Some("CREATION_TIME"))
        .map(|a| Mention {
            span: trim(&doc.text, a.span),
            text: a.span.slice(&doc.text).to_string(),
            kind: a.attr(tml::TYPE).unwrap_or("").to_string(),
            value: a.attr(tml::VALUE).unwrap_or("").to_string(),
        })
        .collect()
}

fn trim(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    let start = s.start + (t.len() - t.trim_start().len());
    let end = s.end - (t.len() - t.trim_end().len());
    Span::new(start, end.max(start))
}

/// Score one document pair. The texts inside `<TEXT>` must be the same.
pub fn score(gold: &TimemlDoc, system: &TimemlDoc) -> Result<(Counts, Vec<Finding>)> {
    if gold.text != system.text {
        let at = gold
            .text
            .bytes()
            .zip(system.text.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(gold.text.len().min(system.text.len()));
        return Err(Error::parse_at(
            &system.path,
            None,
            None,
            format!("the same text inside <TEXT> as {}", gold.path.display()),
            format!(
                "a difference at character {}",
                gold.text[..at.min(gold.text.len())].chars().count()
            ),
        ));
    }
    let g = mentions(gold);
    let s = mentions(system);
    Ok(score_mentions(&g, &s))
}

/// Score gold against system mentions of one text.
pub fn score_mentions(g: &[Mention], s: &[Mention]) -> (Counts, Vec<Finding>) {
    let mut c = Counts {
        docs: 1,
        gold: g.len(),
        system: s.len(),
        ..Counts::default()
    };
    let mut findings = Vec::new();
    for gm in g {
        let over: Vec<&Mention> = s.iter().filter(|x| x.span.overlaps(&gm.span)).collect();
        let Some(best) = over.iter().find(|x| x.span == gm.span).or(over.first()).copied() else {
            findings.push(Finding {
                kind: ErrorKind::Missing,
                gold: Some(gm.clone()),
                system: None,
            });
            continue;
        };
        c.relaxed_gold += 1;
        if over.iter().any(|x| x.span == gm.span) {
            c.strict += 1;
        } else {
            findings.push(Finding {
                kind: ErrorKind::Extent,
                gold: Some(gm.clone()),
                system: Some(best.clone()),
            });
        }
        if best.value == gm.value {
            c.value += 1;
        } else {
            findings.push(Finding {
                kind: ErrorKind::Value,
                gold: Some(gm.clone()),
                system: Some(best.clone()),
            });
        }
        if best.kind == gm.kind {
            c.kind += 1;
        } else {
            findings.push(Finding {
                kind: ErrorKind::Type,
                gold: Some(gm.clone()),
                system: Some(best.clone()),
            });
        }
    }
    for sm in s {
        if g.iter().any(|x| x.span.overlaps(&sm.span)) {
            c.relaxed_system += 1;
        } else {
            findings.push(Finding {
                kind: ErrorKind::Extra,
                gold: None,
                system: Some(sm.clone()),
            });
        }
    }
    (c, findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(a: usize, b: usize, v: &str) -> Mention {
        Mention {
            span: Span::new(a, b),
            text: String::new(),
            kind: "DATE".into(),
            value: v.into(),
        }
    }

    /// The worked example in SCORING.md: 13 gold timexes; the system has one shrunk
    /// extent, one wrong value, one missing and one spurious timex.
    #[test]
    fn worked_example() {
        let gold: Vec<Mention> = (0..13).map(|k| m(10 * k, 10 * k + 5, "v")).collect();
        let mut sys: Vec<Mention> = (0..12).map(|k| m(10 * k, 10 * k + 5, "v")).collect();
        sys[0].span = Span::new(0, 3); // shrunk
        sys[1].value = "w".into(); // wrong value
        sys.push(m(200, 205, "v")); // spurious; gold 12 is missing
        let (c, f) = score_mentions(&gold, &sys);
        let s = c.scores();
        let r = |x: f64| (x * 100.0).round() / 100.0;
        assert_eq!(r(s.strict_f1), 84.62);
        assert_eq!(r(s.relaxed_f1), 92.31);
        assert_eq!(r(s.value_f1), 84.62);
        assert_eq!(r(s.type_f1), 92.31);
        let kinds: Vec<_> = f.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [
                ErrorKind::Extent,
                ErrorKind::Value,
                ErrorKind::Missing,
                ErrorKind::Extra
            ]
        );
    }
}
