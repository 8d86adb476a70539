//! MATRES (Ning, Wu & Roth 2018): start-point relations between verb events of the
//! TempEval-3 documents, scored as pairwise accuracy (`relations matres`).
//!
//! | MATRES line (tab-separated)                                      | pair              | label  |
//! |------------------------------------------------------------------|-------------------|--------|
//! | `ABC19980120.1830.0957  predicted  tried  415  417  BEFORE`      | `ei415`, `ei417`  | BEFORE |
//!
//! An interval relation from the TLINK classifier is read as a start-point relation with
//! [`start_relation`]: `BEFORE`, `IBEFORE`, `INCLUDES`, `ENDED_BY` → BEFORE; `AFTER`, `IAFTER`,
//! `IS_INCLUDED`, `ENDS` → AFTER; `SIMULTANEOUS`, `IDENTITY`, `DURING(_INV)`, `BEGINS`,
//! `BEGUN_BY` → EQUAL; `VAGUE` → VAGUE.
//!
//! # Grammar
//!
//! ```text
//! line     := docid TAB verb1 TAB verb2 TAB n1 TAB n2 TAB relation      (eiid = "ei" n)
//! relation := "BEFORE" | "AFTER" | "EQUAL" | "VAGUE"
//! ```

use std::collections::BTreeMap;
use std::path::Path;
use tempograph_core::error::{Error, Result};
use tempograph_core::relation::RelType;
use tempograph_eval::tlink::GoldDoc;
use tempograph_link::{features, Classifier};

/// A MATRES start-point relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StartRel {
    Before,
    After,
    Equal,
    Vague,
}

impl StartRel {
    pub fn as_str(self) -> &'static str {
        match self {
            StartRel::Before => "BEFORE",
            StartRel::After => "AFTER",
            StartRel::Equal => "EQUAL",
            StartRel::Vague => "VAGUE",
        }
    }

    /// The relation type the MATRES-trained classifier uses for this label.
    pub fn rel_type(self) -> RelType {
        match self {
            StartRel::Before => RelType::Before,
            StartRel::After => RelType::After,
            StartRel::Equal => RelType::Simultaneous,
            StartRel::Vague => RelType::Vague,
        }
    }
}

/// The labels of a MATRES-trained classifier.
pub static MATRES_LABELS: &[RelType] = &[RelType::Before, RelType::After, RelType::Simultaneous, RelType::Vague];

/// How an interval relation orders the two start points.
pub fn start_relation(rel: RelType) -> StartRel {
    use RelType::*;
    match rel {
        Before | IBefore | Includes | EndedBy => StartRel::Before,
        After | IAfter | IsIncluded | Ends => StartRel::After,
        Simultaneous | Identity | During | DuringInv | Begins | BegunBy => StartRel::Equal,
        Vague => StartRel::Vague,
    }
}

/// One MATRES pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatresPair {
    pub doc: String,
    pub verb1: String,
    pub verb2: String,
    pub eiid1: String,
    pub eiid2: String,
    pub rel: StartRel,
}

/// Parse a MATRES file's text (`path` is for error messages).
pub fn parse(path: &Path, src: &str) -> Result<Vec<MatresPair>> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 6 {
            return Err(Error::parse_at(
                path,
                Some(n + 1),
                Some(1),
                "6 tab-separated fields (docid verb1 verb2 eiid1 eiid2 relation)",
                format!("{} field(s)", f.len()),
            ));
        }
        let rel = match f[5].trim() {
            "BEFORE" => StartRel::Before,
            "AFTER" => StartRel::After,
            "EQUAL" => StartRel::Equal,
            "VAGUE" => StartRel::Vague,
            other => {
                return Err(Error::parse_at(
                    path,
                    Some(n + 1),
                    None,
                    "BEFORE, AFTER, EQUAL or VAGUE",
                    format!("`{other}`"),
                ))
            }
        };
        for (k, id) in [(3, f[3]), (4, f[4])] {
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::parse_at(
                    path,
                    Some(n + 1),
                    None,
                    format!("a number in field {}", k + 1),
                    format!("`{id}`"),
                ));
            }
        }
        out.push(MatresPair {
            doc: f[0].to_string(),
            verb1: f[1].to_string(),
            verb2: f[2].to_string(),
            eiid1: format!("ei{}", f[3]),
            eiid2: format!("ei{}", f[4]),
            rel,
        });
    }
    Ok(out)
}

/// Read a MATRES file.
pub fn read(path: &Path) -> Result<Vec<MatresPair>> {
    parse(path, &tempograph_timeline::document::read_text(path)?)
}

/// Accuracy counts.
#[derive(Clone, Debug, Default)]
pub struct MatresScore {
    pub correct: usize,
    pub total: usize,
    /// Pairs whose document or eiids were not found.
    pub missing: usize,
    /// `(gold, system) → count`.
    pub confusion: BTreeMap<(StartRel, StartRel), usize>,
}

impl MatresScore {
    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// The gold documents by docid (file stem when the file has no DOCID).
pub fn by_docid(docs: &[GoldDoc]) -> BTreeMap<String, &GoldDoc> {
    docs.iter()
        .map(|d| {
            let id = d
                .doc
                .docid
                .clone()
                .unwrap_or_else(|| tempograph_timeline::document::doc_id(&d.doc.path));
            (id, d)
        })
        .collect()
}

/// The MATRES pairs found in `docs`, as classifier examples (relation in the pair's order).
pub fn examples(pairs: &[MatresPair], docs: &[GoldDoc]) -> Vec<(features::Pair, RelType)> {
    let by = by_docid(docs);
    pairs
        .iter()
        .filter_map(|p| {
            let d = by.get(&p.doc)?;
            let a = d.entities.endpoint(&p.eiid1)?;
            let b = d.entities.endpoint(&p.eiid2)?;
            Some((features::pair(&d.context(), a, b), p.rel.rel_type()))
        })
        .collect()
}

/// Label every MATRES pair with `model` and count how many start-point relations are right.
/// With `tlink_rules`, pairs go through `tempograph_link::classify` (the TLINK rules, then the
/// table); without, straight to `model` (for a classifier trained on MATRES labels).
pub fn evaluate(pairs: &[MatresPair], docs: &[GoldDoc], model: &dyn Classifier, tlink_rules: bool) -> MatresScore {
    let by = by_docid(docs);
    let mut s = MatresScore::default();
    for p in pairs {
        let found = by.get(&p.doc).and_then(|d| {
            let a = d.entities.endpoint(&p.eiid1)?;
            let b = d.entities.endpoint(&p.eiid2)?;
            Some((d, a, b))
        });
        let Some((d, a, b)) = found else {
            s.missing += 1;
            continue;
        };
        let rel = if tlink_rules {
            tempograph_link::classify(&d.context(), a, b, model).0
        } else {
            let p = features::pair(&d.context(), a, b);
            let r = model.classify(&p).0;
            if p.swapped {
                r.inverse()
            } else {
                r
            }
        };
        let sys = start_relation(rel);
        s.total += 1;
        if sys == p.rel {
            s.correct += 1;
        }
        *s.confusion.entry((p.rel, sys)).or_default() += 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let p = Path::new("m.txt");
        let v = parse(p, "D1\tsaid\tleft\t3\t4\tBEFORE\nD1\tleft\tcame\t4\t5\tEQUAL\n").unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].eiid1, "ei3");
        assert_eq!(v[1].rel, StartRel::Equal);
        let e = parse(p, "D1\tsaid\tleft\t3\t4\tSOON\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "m.txt:1: expected BEFORE, AFTER, EQUAL or VAGUE, found `SOON`"
        );
        let e = parse(p, "D1\tsaid\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "m.txt:1:1: expected 6 tab-separated fields (docid verb1 verb2 eiid1 eiid2 relation), found 2 field(s)"
        );
        assert!(parse(p, "D1\ta\tb\tx3\t4\tBEFORE").is_err());
    }

    #[test]
    fn start_points() {
        assert_eq!(start_relation(RelType::Includes), StartRel::Before);
        assert_eq!(start_relation(RelType::Ends), StartRel::After);
        assert_eq!(start_relation(RelType::BegunBy), StartRel::Equal);
        assert_eq!(start_relation(RelType::Vague), StartRel::Vague);
    }
}
