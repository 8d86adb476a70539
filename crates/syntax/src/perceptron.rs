//! The averaged perceptron (Collins 2002; Daumé's lazy averaging): sparse rows of class
//! weights keyed by feature hashes. [`Weights`] is the frozen, averaged form used at run
//! time; [`Trainer`] (feature `train`) learns it.

use crate::binio::{ReadError, Reader, Writer};
/// Frozen averaged weights: for each feature key, a run of (class, weight) pairs.
///
/// Scoring is bound by memory, not arithmetic: a sentence's features are spread over a
/// table of tens of megabytes. So the look-up table is a flat open-addressing array of
/// (key, row) slots, a row's entries are (class, weight) pairs side by side, and
/// [`Weights::score`] asks for a batch of slots, then their rows, before reading any
/// (prefetching), so that the cache misses overlap instead of queueing.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    /// Number of classes.
    pub classes: usize,
    slots: Vec<Slot>,
    /// `slots.len() - 1` (a power of two less one).
    mask: usize,
    used: usize,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u32,
    start: u32,
    /// Entries in the row; 0 marks an empty slot.
    len: u32,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u32,
    value: f32,
}

/// Asks the CPU to start loading `p`'s cache line (a hint; no effect on results).
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults, whatever the address; SSE is baseline on x86_64.
    #[allow(unused_unsafe)]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8)
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

impl Weights {
    #[inline]
    fn home(&self, key: u32) -> usize {
        (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & self.mask
    }

    /// The row `(start, len)` of a key (len 0 when absent), probing from `i`.
    #[inline]
    fn probe(&self, key: u32, mut i: usize) -> (usize, usize) {
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return (0, 0);
            }
            if s.key == key {
                return (s.start as usize, s.len as usize);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds each feature's weights to `scores` (one slot per class).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        if self.slots.is_empty() {
            return;
        }
        const BATCH: usize = 32;
        let mut home = [0usize; BATCH];
        let mut rows = [(0usize, 0usize); BATCH];
        for chunk in feats.chunks(BATCH) {
            for (j, f) in chunk.iter().enumerate() {
                home[j] = self.home(short_key(*f));
                prefetch(&self.slots[home[j]]);
            }
            for (j, f) in chunk.iter().enumerate() {
                rows[j] = self.probe(short_key(*f), home[j]);
                if rows[j].1 > 0 {
                    prefetch(&self.entries[rows[j].0]);
                }
            }
            for &(s, l) in &rows[..chunk.len()] {
                for e in &self.entries[s..s + l] {
                    scores[e.class as usize] += e.value;
                }
            }
        }
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.used
    }

    /// The rows in key order.
    fn sorted_rows(&self) -> Vec<(u32, Vec<(u16, f32)>)> {
        let mut rows: Vec<(u32, Vec<(u16, f32)>)> = self
            .slots
            .iter()
            .filter(|s| s.len > 0)
            .map(|s| {
                let r = &self.entries[s.start as usize..(s.start + s.len) as usize];
                (s.key, r.iter().map(|e| (e.class as u16, e.value)).collect())
            })
            .collect();
        rows.sort_by_key(|(k, _)| *k);
        rows
    }

    /// Number of (feature, class) weights.
    pub fn weights(&self) -> usize {
        self.entries.len()
    }

    /// The same weights without those whose magnitude is below `fraction` of the largest
    /// (rows left empty are dropped). Small weights rarely change a decision but make every
    /// row longer to read: pruning makes the model smaller and faster.
    pub fn pruned(&self, fraction: f32) -> Weights {
        let max = self.entries.iter().fold(0f32, |m, e| m.max(e.value.abs()));
        let cut = max * fraction;
        let rows: Vec<(u32, Vec<(u16, f32)>)> = self
            .sorted_rows()
            .into_iter()
            .map(|(k, r)| (k, r.into_iter().filter(|(_, v)| v.abs() >= cut).collect::<Vec<_>>()))
            .filter(|(_, r)| !r.is_empty())
            .collect();
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

    /// Builds from rows keyed by [`short_key`]s (distinct keys).
    fn from_short_rows(classes: usize, rows: Vec<(u32, Vec<(u16, f32)>)>) -> Self {
        // At most 70% full.
        let cap = (rows.len() * 10 / 7 + 1).next_power_of_two().max(2);
        let mut w = Weights {
            classes,
            slots: vec![Slot::default(); cap],
            mask: cap - 1,
            used: 0,
            entries: Vec::with_capacity(rows.iter().map(|r| r.1.len()).sum()),
        };
        for (k, row) in rows {
            if row.is_empty() {
                continue;
            }
            let start = w.entries.len() as u32;
            w.entries.extend(row.iter().map(|&(c, v)| Entry {
                class: u32::from(c),
                value: v,
            }));
            let mut i = w.home(k);
            while w.slots[i].len != 0 && w.slots[i].key != k {
                i = (i + 1) & w.mask;
            }
            if w.slots[i].len == 0 {
                w.used += 1;
            }
            w.slots[i] = Slot {
                key: k,
                start,
                len: row.len() as u32,
            };
        }
        w
    }

    /// Writes the weights, rows in key order (deterministic bytes). Keys are stored as 32
    /// bits (see [`short_key`]), classes as one byte when there are at most 256, and
    /// weights quantized to 16 bits against the largest magnitude.
    pub fn write(&self, out: &mut Writer) {
        out.u32(self.classes as u32);
        let scale = self
            .entries
            .iter()
            .fold(0f32, |m, e| m.max(e.value.abs()))
            .max(f32::MIN_POSITIVE)
            / 32767.0;
        out.f32(scale);
        let wide = self.classes > 256;
        let rows = self.sorted_rows();
        out.u32(rows.len() as u32);
        for (k, row) in rows {
            out.u32(k);
            out.u16(row.len() as u16);
            for (c, v) in row {
                if wide {
                    out.u16(c);
                } else {
                    out.u8(c as u8);
                }
                out.u16((v / scale).round().clamp(-32767.0, 32767.0) as i16 as u16);
            }
        }
    }

    /// Reads weights written by [`Weights::write`], straight into the table (no
    /// allocation per row: loading is part of every `build`).
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let wide = classes > 256;
        let n = r.count(6)?;
        let cap = (n * 10 / 7 + 1).next_power_of_two().max(2);
        let mut w = Weights {
            classes,
            slots: vec![Slot::default(); cap],
            mask: cap - 1,
            used: 0,
            entries: Vec::new(),
        };
        for _ in 0..n {
            let k = r.u32()?;
            let l = r.u16()?;
            let start = w.entries.len() as u32;
            for _ in 0..l {
                let c = if wide { r.u16()? } else { u16::from(r.u8()?) };
                if c as usize >= classes {
                    return Err(format!("model corrupt: class {c} of {classes}"));
                }
                w.entries.push(Entry {
                    class: u32::from(c),
                    value: f32::from(r.u16()? as i16) * scale,
                });
            }
            if l == 0 {
                continue;
            }
            let mut i = w.home(k);
            while w.slots[i].len != 0 && w.slots[i].key != k {
                i = (i + 1) & w.mask;
            }
            if w.slots[i].len == 0 {
                w.used += 1;
            }
            w.slots[i] = Slot {
                key: k,
                start,
                len: u32::from(l),
            };
        }
        Ok(w)
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
