//! The part-of-speech tagger: a greedy left-to-right averaged perceptron over one label
//! per (UPOS, XPOS) pair seen in training, so the two columns always agree.

use crate::binio::{ReadError, Reader, Writer};
use crate::hash::{key, KeyMap};
use crate::perceptron::{argmax, Weights};
use crate::tokfeat::{WordKeys, NONE};

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// Labels: (UPOS, XPOS) pairs.
    pub labels: Vec<(String, String)>,
    /// Ambiguity classes: lower-cased word hash → hash of the set of labels it had in
    /// training (words seen at least [`AMBIGUITY_MIN`] times).
    pub ambiguity: KeyMap<u64>,
    /// The weights.
    pub weights: Weights,
    /// A first-pass tagger whose tags (of the words on both sides) are features of this
    /// one (stacking: the second pass sees the right context's likely tags).
    pub first: Option<Box<Tagger>>,
}

/// A word's ambiguity class is kept when it was seen this often.
pub const AMBIGUITY_MIN: u32 = 3;

/// A label index standing for "no word here".
const START: u64 = 0xFFFF_0001;

fn at(keys: &[WordKeys], i: isize) -> Option<&WordKeys> {
    if i < 0 {
        None
    } else {
        keys.get(i as usize)
    }
}

/// The features of word `i` given the labels already chosen for the two words before it.
pub fn features(keys: &[WordKeys], amb: &[u64], stack: &[u64], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let am = |d: isize| {
        let j = i as isize + d;
        if j < 0 || j as usize >= amb.len() {
            NONE
        } else {
            amb[j as usize]
        }
    };
    let w = &keys[i];
    let ii = i as isize;
    let lw = |d: isize| at(keys, ii + d).map_or(NONE, |k| k.lower);
    let sf = |d: isize, n: usize| at(keys, ii + d).map_or(NONE, |k| k.suffix[n]);
    let sh = |d: isize| at(keys, ii + d).map_or(NONE, |k| k.shape);
    let first = u64::from(i == 0);
    out.push(key(0, 0, 0, 0));
    out.push(key(1, w.lower, 0, 0));
    out.push(key(2, w.cased, 0, 0));
    for (n, s) in w.suffix.iter().enumerate() {
        out.push(key(3, n as u64, *s, 0));
    }
    for (n, p) in w.prefix.iter().enumerate() {
        out.push(key(4, n as u64, *p, 0));
    }
    out.push(key(5, w.shape, 0, 0));
    out.push(key(6, w.flags, first, 0));
    out.push(key(7, p1, 0, 0));
    out.push(key(8, p1, p2, 0));
    out.push(key(9, p1, w.lower, 0));
    out.push(key(10, lw(-1), 0, 0));
    out.push(key(11, sf(-1, 2), 0, 0));
    out.push(key(12, lw(-2), 0, 0));
    out.push(key(13, lw(1), 0, 0));
    out.push(key(14, sf(1, 2), 0, 0));
    out.push(key(15, lw(2), 0, 0));
    out.push(key(16, lw(-1), w.lower, 0));
    out.push(key(17, w.lower, lw(1), 0));
    out.push(key(18, sh(1), 0, 0));
    out.push(key(19, p1, lw(1), 0));
    out.push(key(20, sh(-1), w.shape, 0));
    out.push(key(21, sf(1, 1), 0, 0));
    out.push(key(22, p1, w.suffix[2], 0));
    out.push(key(23, sf(2, 2), 0, 0));
    out.push(key(24, lw(1), lw(2), 0));
    out.push(key(25, p1, w.shape, 0));
    out.push(key(26, sh(1), w.shape, sh(-1)));
    out.push(key(27, am(0), 0, 0));
    out.push(key(28, am(1), 0, 0));
    out.push(key(29, am(2), 0, 0));
    out.push(key(30, am(-1), 0, 0));
    out.push(key(31, am(0), am(1), 0));
    out.push(key(32, p1, am(0), am(1)));
    out.push(key(33, am(0), w.suffix[2], 0));
    out.push(key(34, am(1), am(2), am(0)));
    out.push(key(35, lw(-1), lw(1), 0));
    if !stack.is_empty() {
        let st = |d: isize| {
            let j = i as isize + d;
            if j < 0 || j as usize >= stack.len() {
                START
            } else {
                stack[j as usize]
            }
        };
        out.push(key(40, st(0), 0, 0));
        out.push(key(41, st(1), 0, 0));
        out.push(key(42, st(2), 0, 0));
        out.push(key(43, st(-1), 0, 0));
        out.push(key(44, st(1), st(2), 0));
        out.push(key(45, p1, st(1), 0));
        out.push(key(46, st(0), w.lower, 0));
        out.push(key(47, st(1), w.suffix[2], 0));
        out.push(key(48, st(-1), st(0), st(1)));
    }
}

/// The ambiguity classes of a sentence's words (`NONE` for words not in the table).
pub fn ambiguity_of(table: &KeyMap<u64>, keys: &[WordKeys]) -> Vec<u64> {
    keys.iter()
        .map(|k| table.get(&k.lower).copied().unwrap_or(NONE))
        .collect()
}

impl Tagger {
    /// Tags a sentence; returns label indices.
    pub fn tag(&self, keys: &[WordKeys]) -> Vec<usize> {
        self.tag_alt(keys).into_iter().map(|(b, _)| b).collect()
    }

    /// Tags a sentence; returns each word's best label and its runner-up.
    pub fn tag_alt(&self, keys: &[WordKeys]) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(keys.len());
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0f32; self.labels.len()];
        let amb = ambiguity_of(&self.ambiguity, keys);
        let stack: Vec<u64> = match &self.first {
            Some(f) => f.tag(keys).into_iter().map(|t| t as u64).collect(),
            None => Vec::new(),
        };
        for i in 0..keys.len() {
            let p1 = if i >= 1 { out[i - 1].0 as u64 } else { START };
            let p2 = if i >= 2 { out[i - 2].0 as u64 } else { START };
            features(keys, &amb, &stack, i, p1, p2, &mut feats);
            scores.iter_mut().for_each(|s| *s = 0.0);
            self.weights.score(&feats, &mut scores);
            let best = argmax(&scores, |_| true).unwrap_or(0);
            let second = argmax(&scores, |c| c != best).unwrap_or(best);
            out.push((best, second));
        }
        out
    }

    /// Serializes.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.labels.len() as u32);
        for (u, x) in &self.labels {
            w.str(u);
            w.str(x);
        }
        let mut amb: Vec<(&u64, &u64)> = self.ambiguity.iter().collect();
        amb.sort();
        w.u32(amb.len() as u32);
        for (k, v) in amb {
            w.u64(*k);
            w.u64(*v);
        }
        self.weights.write(w);
        match &self.first {
            Some(f) => {
                w.u8(1);
                f.write(w);
            }
            None => w.u8(0),
        }
    }

    /// Deserializes.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        let n = r.count(8)?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push((r.str()?, r.str()?));
        }
        let mut ambiguity = KeyMap::default();
        for _ in 0..r.count(16)? {
            let k = r.u64()?;
            ambiguity.insert(k, r.u64()?);
        }
        let weights = Weights::read(r)?;
        if weights.classes != labels.len() {
            return Err("model corrupt: tagger classes and labels disagree".into());
        }
        let first = match r.u8()? {
            0 => None,
            _ => Some(Box::new(Tagger::read(r)?)),
        };
        Ok(Tagger {
            labels,
            ambiguity,
            weights,
            first,
        })
    }
}

/// The value a label index has as a "previous tag" feature.
pub fn prev(labels: &[usize], i: usize, back: usize) -> u64 {
    if i >= back {
        labels[i - back] as u64
    } else {
        START
    }
}

#[cfg(feature = "train")]
pub mod train {
    //! Training the tagger.
    use super::*;
    use crate::perceptron::Trainer;
    use crate::rng::Rng;

    /// One training sentence: word keys and gold label indices.
    pub struct Example {
        /// Keys of the words.
        pub keys: Vec<WordKeys>,
        /// Gold labels.
        pub gold: Vec<usize>,
    }

    /// Trains for `epochs` passes over `data` in an order shuffled by `seed`.
    pub fn train(labels: Vec<(String, String)>, data: &[Example], epochs: usize, seed: u64) -> Tagger {
        train_with(labels, data, epochs, seed, None)
    }

    /// Trains a two-pass tagger: the first pass's tags for the training data come from a
    /// `folds`-way jackknife (as they will be imperfect at run time), the second pass
    /// learns on them.
    pub fn train_stacked(
        labels: Vec<(String, String)>,
        data: &[Example],
        epochs: usize,
        seed: u64,
        folds: usize,
    ) -> Tagger {
        let folds = folds.max(2);
        let mut stack: Vec<Vec<u64>> = vec![Vec::new(); data.len()];
        for f in 0..folds {
            let rest: Vec<Example> = data
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != f)
                .map(|(_, e)| Example {
                    keys: e.keys.clone(),
                    gold: e.gold.clone(),
                })
                .collect();
            let t = train(labels.clone(), &rest, epochs, seed.wrapping_add(100 + f as u64));
            for (i, e) in data.iter().enumerate().filter(|(i, _)| i % folds == f) {
                stack[i] = t.tag(&e.keys).into_iter().map(|x| x as u64).collect();
            }
        }
        let first = train(labels.clone(), data, epochs, seed);
        let mut second = train_with(labels, data, epochs, seed.wrapping_add(7), Some(&stack));
        second.first = Some(Box::new(first));
        second
    }

    fn train_with(
        labels: Vec<(String, String)>,
        data: &[Example],
        epochs: usize,
        seed: u64,
        stack: Option<&[Vec<u64>]>,
    ) -> Tagger {
        let mut t = Trainer::new(labels.len());
        let ambiguity = ambiguity_table(data);
        let ambs: Vec<Vec<u64>> = data.iter().map(|e| ambiguity_of(&ambiguity, &e.keys)).collect();
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng::new(seed);
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0f32; labels.len()];
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &s in &order {
                let ex = &data[s];
                let mut pred: Vec<usize> = Vec::with_capacity(ex.keys.len());
                for i in 0..ex.keys.len() {
                    let st: &[u64] = stack.map_or(&[], |v| v[s].as_slice());
                    features(
                        &ex.keys,
                        &ambs[s],
                        st,
                        i,
                        prev(&pred, i, 1),
                        prev(&pred, i, 2),
                        &mut feats,
                    );
                    scores.iter_mut().for_each(|x| *x = 0.0);
                    t.score(&feats, &mut scores);
                    let guess = argmax(&scores, |_| true).unwrap_or(0);
                    t.observe(&feats);
                    t.update(&feats, ex.gold[i], guess);
                    pred.push(guess);
                }
            }
        }
        Tagger {
            labels,
            ambiguity,
            weights: t.average(1, 1e-3),
            first: None,
        }
    }

    /// The ambiguity classes of the training words.
    fn ambiguity_table(data: &[Example]) -> KeyMap<u64> {
        let mut seen: std::collections::HashMap<u64, (u32, std::collections::BTreeSet<usize>)> = Default::default();
        for e in data {
            for (k, g) in e.keys.iter().zip(&e.gold) {
                let s = seen.entry(k.lower).or_default();
                s.0 += 1;
                s.1.insert(*g);
            }
        }
        seen.into_iter()
            .filter(|(_, (n, _))| *n >= AMBIGUITY_MIN)
            .map(|(k, (_, set))| (k, set.iter().fold(0x77u64, |h, t| crate::hash::mix(h, *t as u64))))
            .collect()
    }
}
