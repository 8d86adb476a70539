//! Lemmas and morphological features, learned from the treebank: a table of the forms
//! seen in training (by form and XPOS), and for unseen forms the most frequent edit
//! (strip *k* characters, append a string, keep or lower the case) of the longest known
//! suffix with that XPOS. FEATS come from the same form table, else the XPOS's most
//! frequent FEATS.

use crate::binio::{ReadError, Reader, Writer};
use std::collections::HashMap;

/// How a lemma is made from a form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Edit {
    /// Characters removed from the end of the (possibly lower-cased) form.
    pub strip: u8,
    /// Appended after stripping.
    pub append: String,
    /// Whether the form is lower-cased first.
    pub lower: bool,
}

impl Edit {
    /// The edit that turns `form` into `lemma`.
    pub fn between(form: &str, lemma: &str) -> Edit {
        let lower = lemma == lemma.to_lowercase();
        let base: Vec<char> = if lower {
            form.to_lowercase().chars().collect()
        } else {
            form.chars().collect()
        };
        let l: Vec<char> = lemma.chars().collect();
        let p = base.iter().zip(&l).take_while(|(a, b)| a == b).count();
        Edit {
            strip: (base.len() - p).min(255) as u8,
            append: l[p..].iter().collect(),
            lower,
        }
    }

    /// Applies the edit; `None` when it would strip more than the form has.
    pub fn apply(&self, form: &str) -> Option<String> {
        let base: Vec<char> = if self.lower {
            form.to_lowercase().chars().collect()
        } else {
            form.chars().collect()
        };
        // Stripping the whole form is fine when something is appended ("went" → "go").
        if self.strip as usize > base.len() || (self.strip as usize == base.len() && self.append.is_empty()) {
            return None;
        }
        let mut s: String = base[..base.len() - self.strip as usize].iter().collect();
        s.push_str(&self.append);
        Some(s)
    }
}

/// The longest suffix used by the fallback rules.
pub const MAX_SUFFIX: usize = 6;

/// A trained lemmatizer and FEATS table.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// (form, XPOS) → (lemma, FEATS).
    known: HashMap<(String, String), (String, String)>,
    /// (lower-cased form, XPOS) → (lemma edit, FEATS).
    known_lower: HashMap<(String, String), (Edit, String)>,
    /// (XPOS, lower-cased suffix) → edit.
    suffix: HashMap<(String, String), Edit>,
    /// XPOS → most frequent FEATS.
    feats: HashMap<String, String>,
    /// Every form seen as one word (derived from `known`, not stored).
    forms: std::collections::HashSet<String>,
}

fn suffix_of(s: &str, n: usize) -> Option<String> {
    let c: Vec<char> = s.chars().collect();
    (c.len() > n).then(|| c[c.len() - n..].iter().collect())
}

impl Lemmatizer {
    /// Whether the treebank had `form` as one syntactic word.
    pub fn knows(&self, form: &str) -> bool {
        self.forms.contains(form)
    }

    /// Whether the treebank had `form` (in any case) with the tag `xpos`.
    pub fn knows_as(&self, form: &str, xpos: &str) -> bool {
        self.known_lower.contains_key(&(form.to_lowercase(), xpos.to_string()))
    }

    /// The lemma and FEATS of a form with its XPOS.
    pub fn lemmatize(&self, form: &str, xpos: &str) -> (String, String) {
        if let Some((l, f)) = self.known.get(&(form.to_string(), xpos.to_string())) {
            return (l.clone(), f.clone());
        }
        let lower = form.to_lowercase();
        let feats = self.feats.get(xpos).cloned().unwrap_or_else(|| "_".into());
        if let Some((e, f)) = self.known_lower.get(&(lower.clone(), xpos.to_string())) {
            if let Some(l) = e.apply(form) {
                return (l, f.clone());
            }
        }
        for n in (1..=MAX_SUFFIX).rev() {
            let Some(suf) = suffix_of(&lower, n) else { continue };
            if let Some(e) = self.suffix.get(&(xpos.to_string(), suf)) {
                if let Some(l) = e.apply(form) {
                    return (l, feats);
                }
            }
        }
        (form.to_string(), feats)
    }

    /// Serializes (entries sorted, so the bytes are deterministic).
    pub fn write(&self, w: &mut Writer) {
        let mut known: Vec<_> = self.known.iter().collect();
        known.sort();
        w.u32(known.len() as u32);
        for ((f, x), (l, ft)) in known {
            w.str(f);
            w.str(x);
            w.str(l);
            w.str(ft);
        }
        let mut kl: Vec<_> = self.known_lower.iter().collect();
        kl.sort();
        w.u32(kl.len() as u32);
        for ((f, x), (e, ft)) in kl {
            w.str(f);
            w.str(x);
            write_edit(w, e);
            w.str(ft);
        }
        let mut sx: Vec<_> = self.suffix.iter().collect();
        sx.sort();
        w.u32(sx.len() as u32);
        for ((x, s), e) in sx {
            w.str(x);
            w.str(s);
            write_edit(w, e);
        }
        let mut fe: Vec<_> = self.feats.iter().collect();
        fe.sort();
        w.u32(fe.len() as u32);
        for (x, f) in fe {
            w.str(x);
            w.str(f);
        }
    }

    /// Deserializes.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        let mut m = Lemmatizer::default();
        for _ in 0..r.count(16)? {
            let k = (r.str()?, r.str()?);
            m.known.insert(k, (r.str()?, r.str()?));
        }
        for _ in 0..r.count(14)? {
            let k = (r.str()?, r.str()?);
            let e = read_edit(r)?;
            m.known_lower.insert(k, (e, r.str()?));
        }
        for _ in 0..r.count(14)? {
            let k = (r.str()?, r.str()?);
            m.suffix.insert(k, read_edit(r)?);
        }
        for _ in 0..r.count(8)? {
            let x = r.str()?;
            m.feats.insert(x, r.str()?);
        }
        m.forms = m.known.keys().map(|(f, _)| f.clone()).collect();
        Ok(m)
    }
}

fn write_edit(w: &mut Writer, e: &Edit) {
    w.u8(e.strip);
    w.u8(u8::from(e.lower));
    w.str(&e.append);
}

fn read_edit(r: &mut Reader<'_>) -> Result<Edit, ReadError> {
    Ok(Edit {
        strip: r.u8()?,
        lower: r.u8()? != 0,
        append: r.str()?,
    })
}

#[cfg(feature = "train")]
impl Lemmatizer {
    /// Learns from (form, XPOS, lemma, FEATS) occurrences.
    pub fn learn<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str, &'a str)>) -> Self {
        type Counts<K, V> = HashMap<K, HashMap<V, u32>>;
        let mut known: Counts<(String, String), (String, String)> = HashMap::new();
        let mut known_lower: Counts<(String, String), (Edit, String)> = HashMap::new();
        let mut suffix: Counts<(String, String), Edit> = HashMap::new();
        let mut feats: Counts<String, String> = HashMap::new();
        for (form, xpos, lemma, ft) in words {
            if lemma == "_" {
                continue;
            }
            *known
                .entry((form.into(), xpos.into()))
                .or_default()
                .entry((lemma.into(), ft.into()))
                .or_default() += 1;
            let lower = form.to_lowercase();
            let e = Edit::between(form, lemma);
            *known_lower
                .entry((lower.clone(), xpos.into()))
                .or_default()
                .entry((e.clone(), ft.into()))
                .or_default() += 1;
            for n in 1..=MAX_SUFFIX {
                if let Some(s) = suffix_of(&lower, n) {
                    *suffix
                        .entry((xpos.into(), s))
                        .or_default()
                        .entry(e.clone())
                        .or_default() += 1;
                }
            }
            *feats.entry(xpos.into()).or_default().entry(ft.into()).or_default() += 1;
        }
        fn best<K: Clone + Eq + std::hash::Hash, V: Clone + Ord>(m: Counts<K, V>, min: u32) -> HashMap<K, V> {
            m.into_iter()
                .filter_map(|(k, vs)| {
                    let total: u32 = vs.values().sum();
                    let (v, _) = vs
                        .into_iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
                    (total >= min).then_some((k, v))
                })
                .collect()
        }
        let known = best(known, 1);
        let forms = known.keys().map(|(f, _)| f.clone()).collect();
        Lemmatizer {
            known,
            known_lower: best(known_lower, 1),
            suffix: best(suffix, 2),
            feats: best(feats, 1),
            forms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_round_trip() {
        for (f, l) in [
            ("running", "run"),
            ("Cats", "cat"),
            ("went", "go"),
            ("Obama", "Obama"),
            ("was", "be"),
        ] {
            assert_eq!(Edit::between(f, l).apply(f).as_deref(), Some(l), "{f}");
        }
    }
}
