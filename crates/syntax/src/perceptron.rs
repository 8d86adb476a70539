//! The averaged perceptron (Collins 2002; Daumé's lazy averaging): sparse rows of class
//! weights keyed by feature hashes. [`Weights`] is the frozen, averaged form used at run
//! time; [`Trainer`] (feature `train`) learns it.

use crate::binio::{ReadError, Reader, Writer};
/// Frozen averaged weights: for each feature key, a run of (class, weight) pairs.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    /// Number of classes.
    pub classes: usize,
    index: std::collections::HashMap<u32, (u32, u16), crate::hash::PassThrough>,
    class_of: Vec<u16>,
    value: Vec<f32>,
}

impl Weights {
    /// Adds each feature's weights to `scores` (one slot per class).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(&(start, len)) = self.index.get(&short_key(*f)) {
                let s = start as usize;
                let e = s + len as usize;
                for (c, v) in self.class_of[s..e].iter().zip(&self.value[s..e]) {
                    scores[*c as usize] += *v;
                }
            }
        }
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.index.len()
    }

    /// Number of (feature, class) weights.
    pub fn weights(&self) -> usize {
        self.value.len()
    }

    /// The same weights without those whose magnitude is below `fraction` of the largest
    /// (rows left empty are dropped). Small weights rarely change a decision but make every
    /// row longer to read: pruning makes the model smaller and faster.
    pub fn pruned(&self, fraction: f32) -> Weights {
        let max = self.value.iter().fold(0f32, |m, v| m.max(v.abs()));
        let cut = max * fraction;
        let mut rows: Vec<(u32, Vec<(u16, f32)>)> = self
            .index
            .iter()
            .map(|(k, &(s, l))| {
                let r = (s as usize..s as usize + l as usize)
                    .filter(|&i| self.value[i].abs() >= cut)
                    .map(|i| (self.class_of[i], self.value[i]))
                    .collect();
                (*k, r)
            })
            .filter(|(_, r): &(u32, Vec<(u16, f32)>)| !r.is_empty())
            .collect();
        rows.sort_by_key(|(k, _)| *k);
        Self::from_short_rows(self.classes, rows)
    }

    /// Builds from rows keyed by full feature hashes.
    pub fn from_rows(classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Self {
        let mut short: Vec<(u32, Vec<(u16, f32)>)> = rows.into_iter().map(|(k, r)| (short_key(k), r)).collect();
        short.sort_by_key(|(k, _)| *k);
        // Two keys that agree in 32 bits (rare): the first is kept.
        short.dedup_by_key(|(k, _)| *k);
        Self::from_short_rows(classes, short)
    }

    /// Builds from rows keyed by [`short_key`]s.
    fn from_short_rows(classes: usize, rows: Vec<(u32, Vec<(u16, f32)>)>) -> Self {
        let mut w = Weights {
            classes,
            ..Default::default()
        };
        w.index.reserve(rows.len());
        for (k, row) in rows {
            let start = w.class_of.len() as u32;
            for (c, v) in &row {
                w.class_of.push(*c);
                w.value.push(*v);
            }
            w.index.insert(k, (start, row.len() as u16));
        }
        w
    }

    /// Writes the weights, rows in key order (deterministic bytes). Keys are stored as 32
    /// bits (see [`short_key`]), classes as one byte when there are at most 256, and
    /// weights quantized to 16 bits against the largest magnitude.
    pub fn write(&self, out: &mut Writer) {
        out.u32(self.classes as u32);
        let scale = self
            .value
            .iter()
            .fold(0f32, |m, v| m.max(v.abs()))
            .max(f32::MIN_POSITIVE)
            / 32767.0;
        out.f32(scale);
        let wide = self.classes > 256;
        let mut keys: Vec<&u32> = self.index.keys().collect();
        keys.sort_unstable();
        out.u32(keys.len() as u32);
        for k in keys {
            let (s, l) = self.index[k];
            out.u32(*k);
            out.u16(l);
            for i in s as usize..s as usize + l as usize {
                if wide {
                    out.u16(self.class_of[i]);
                } else {
                    out.u8(self.class_of[i] as u8);
                }
                out.u16((self.value[i] / scale).round().clamp(-32767.0, 32767.0) as i16 as u16);
            }
        }
    }

    /// Reads weights written by [`Weights::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let wide = classes > 256;
        let n = r.count(6)?;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let k = r.u32()?;
            let l = r.u16()?;
            let mut row = Vec::with_capacity(l as usize);
            for _ in 0..l {
                let c = if wide { r.u16()? } else { u16::from(r.u8()?) };
                if c as usize >= classes {
                    return Err(format!("model corrupt: class {c} of {classes}"));
                }
                row.push((c, f32::from(r.u16()? as i16) * scale));
            }
            rows.push((k, row));
        }
        Ok(Self::from_short_rows(classes, rows))
    }
}

/// The 32-bit form of a feature key used in the table.
#[inline]
pub fn short_key(k: u64) -> u32 {
    (k ^ (k >> 32)) as u32
}

/// Picks the best class among those `allowed`; ties go to the lower class number.
#[inline]
pub fn argmax(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (c, &s) in scores.iter().enumerate() {
        if !allowed(c) {
            continue;
        }
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(feature = "train")]
pub use trainer::Trainer;

#[cfg(feature = "train")]
mod trainer {
    use super::Weights;
    use crate::hash::KeyMap;

    #[derive(Clone, Copy)]
    struct Slot {
        class: u16,
        w: f32,
        total: f64,
        ts: u32,
    }

    /// Learns averaged weights online.
    pub struct Trainer {
        classes: usize,
        rows: KeyMap<Vec<Slot>>,
        /// Feature occurrence counts (for a frequency cut-off when freezing).
        seen: KeyMap<u32>,
        now: u32,
    }

    impl Trainer {
        /// An empty model over `classes` classes.
        pub fn new(classes: usize) -> Self {
            Trainer {
                classes,
                rows: KeyMap::default(),
                seen: KeyMap::default(),
                now: 1,
            }
        }

        /// Current (not averaged) scores.
        #[inline]
        pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
            for f in feats {
                if let Some(row) = self.rows.get(f) {
                    for s in row {
                        scores[s.class as usize] += s.w;
                    }
                }
            }
        }

        /// Counts the features of one training instance and advances the clock.
        pub fn observe(&mut self, feats: &[u64]) {
            for f in feats {
                *self.seen.entry(*f).or_insert(0) += 1;
            }
            self.now += 1;
        }

        /// The perceptron update: towards `truth`, away from `guess`.
        pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
            if truth == guess {
                return;
            }
            let now = self.now;
            for f in feats {
                let row = self.rows.entry(*f).or_default();
                for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                    let slot = match row.iter_mut().position(|s| s.class as usize == class) {
                        Some(i) => &mut row[i],
                        None => {
                            row.push(Slot {
                                class: class as u16,
                                w: 0.0,
                                total: 0.0,
                                ts: now,
                            });
                            let last = row.len() - 1;
                            &mut row[last]
                        }
                    };
                    slot.total += f64::from(now - slot.ts) * f64::from(slot.w);
                    slot.ts = now;
                    slot.w += delta;
                }
            }
        }

        /// The averaged weights, dropping features seen fewer than `min_count` times and
        /// weights whose magnitude is below `min_abs`.
        pub fn average(&self, min_count: u32, min_abs: f32) -> Weights {
            let now = f64::from(self.now);
            let mut rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::new();
            for (k, row) in &self.rows {
                if self.seen.get(k).copied().unwrap_or(0) < min_count {
                    continue;
                }
                let mut out: Vec<(u16, f32)> = row
                    .iter()
                    .map(|s| {
                        let total = s.total + (now - f64::from(s.ts)) * f64::from(s.w);
                        (s.class, (total / now) as f32)
                    })
                    .filter(|(_, v)| v.abs() >= min_abs)
                    .collect();
                if out.is_empty() {
                    continue;
                }
                out.sort_by_key(|(c, _)| *c);
                rows.push((*k, out));
            }
            rows.sort_by_key(|(k, _)| *k);
            Weights::from_rows(self.classes, rows)
        }
    }
}
