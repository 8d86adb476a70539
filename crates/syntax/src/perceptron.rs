//! The averaged perceptron (Collins 2002; Daumé's lazy averaging): sparse rows of class
//! weights keyed by feature hashes. [`Weights`] is the frozen, averaged form used at run
//! time; [`Trainer`] (feature `train`) learns it.

use crate::binio::{ReadError, Reader, Writer};
/// Frozen averaged weights: for each feature key, a run of (class, weight) pairs.
///
/// Scoring is bound by memory, not arithmetic: a sentence's features are spread over a
/// table of tens of megabytes. So the look-up table is a flat open-addressing array of
/// 8-byte (key, row) slots, a row is a header (its length) followed by its (class, weight)
/// pairs side by side, 4 bytes each (the weight kept as the 16-bit number the model file
/// stores, times the table's one scale), and [`Weights::score`] asks for a batch of slots,
/// then their rows, before reading any (prefetching), so that the cache misses overlap
/// instead of queueing.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    /// Number of classes.
    pub classes: usize,
    slots: Vec<Slot>,
    /// `slots.len() - 1` (a power of two less one).
    mask: usize,
    used: usize,
    /// The rows: at a row's start a header whose `class` is the row's length, then the row.
    entries: Vec<Entry>,
    /// A weight is `f32::from(entry.q) * scale` in a table read from a model file.
    scale: f32,
    /// The weights as computed, parallel to `entries` (0 in the headers), in a table built
    /// in memory (training, pruning): such a table scores with them, exactly as it did before
    /// the 16-bit form existed, so that a retrained model comes out byte for byte the same.
    /// Empty in a table read from a file.
    exact: Vec<f32>,
}

/// A slot of the table; `start == EMPTY` marks an empty one.
#[derive(Debug, Clone, Copy)]
struct Slot {
    key: u32,
    start: u32,
}

const EMPTY: u32 = u32::MAX;

impl Default for Slot {
    fn default() -> Slot {
        Slot { key: 0, start: EMPTY }
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u16,
    q: i16,
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

/// The scale that maps the largest magnitude among `values` to 32767.
fn scale_of(values: impl Iterator<Item = f32>) -> f32 {
    values.fold(0f32, |m, v| m.max(v.abs())).max(f32::MIN_POSITIVE) / 32767.0
}

impl Weights {
    #[inline]
    fn home(&self, key: u32) -> usize {
        (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & self.mask
    }

    /// The start of the row (its header) of a key, probing from `i`; `EMPTY` when absent.
    #[inline]
    fn probe(&self, key: u32, mut i: usize) -> u32 {
        loop {
            let s = self.slots[i];
            if s.start == EMPTY || s.key == key {
                return s.start;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The row that starts (with its header) at `start`.
    #[inline]
    fn row(&self, start: u32) -> &[Entry] {
        let s = start as usize + 1;
        &self.entries[s..s + usize::from(self.entries[start as usize].class)]
    }

    /// Adds each feature's weights to `scores` (one slot per class).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        if self.slots.is_empty() {
            return;
        }
        const BATCH: usize = 32;
        let mut home = [0usize; BATCH];
        let mut rows = [EMPTY; BATCH];
        for chunk in feats.chunks(BATCH) {
            for (j, f) in chunk.iter().enumerate() {
                home[j] = self.home(short_key(*f));
                prefetch(&self.slots[home[j]]);
            }
            for (j, f) in chunk.iter().enumerate() {
                rows[j] = self.probe(short_key(*f), home[j]);
                if rows[j] != EMPTY {
                    prefetch(&self.entries[rows[j] as usize]);
                }
            }
            for &start in &rows[..chunk.len()] {
                if start == EMPTY {
                    continue;
                }
                if self.exact.is_empty() {
                    for e in self.row(start) {
                        scores[usize::from(e.class)] += f32::from(e.q) * self.scale;
                    }
                } else {
                    let s = start as usize + 1;
                    let row = self.row(start);
                    for (e, v) in row.iter().zip(&self.exact[s..s + row.len()]) {
                        scores[usize::from(e.class)] += *v;
                    }
                }
            }
        }
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.used
    }

    /// The rows in key order, with their 16-bit weights.
    fn sorted_rows(&self) -> Vec<(u32, &[Entry])> {
        let mut rows: Vec<(u32, &[Entry])> = self
            .sorted_starts()
            .into_iter()
            .map(|(k, start)| (k, self.row(start)))
            .collect();
        rows.sort_by_key(|(k, _)| *k);
        rows
    }

    /// (key, row start) of every row, in key order.
    fn sorted_starts(&self) -> Vec<(u32, u32)> {
        let mut rows: Vec<(u32, u32)> = self
            .slots
            .iter()
            .filter(|s| s.start != EMPTY)
            .map(|s| (s.key, s.start))
            .collect();
        rows.sort_by_key(|(k, _)| *k);
        rows
    }

    /// The rows in key order, each weight as the table scores it.
    fn value_rows(&self) -> Vec<(u32, Vec<(u16, f32)>)> {
        self.sorted_starts()
            .into_iter()
            .map(|(k, start)| {
                let s = start as usize + 1;
                let row = self
                    .row(start)
                    .iter()
                    .enumerate()
                    .map(|(j, e)| {
                        let v = match self.exact.get(s + j) {
                            Some(v) => *v,
                            None => f32::from(e.q) * self.scale,
                        };
                        (e.class, v)
                    })
                    .collect();
                (k, row)
            })
            .collect()
    }

    /// Number of (feature, class) weights.
    pub fn weights(&self) -> usize {
        self.entries.len() - self.used
    }

    /// The same weights without those whose magnitude is below `fraction` of the largest
    /// (rows left empty are dropped). Small weights rarely change a decision but make every
    /// row longer to read: pruning makes the model smaller and faster.
    pub fn pruned(&self, fraction: f32) -> Weights {
        let rows = self.value_rows();
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, (_, v)| m.max(v.abs()));
        let cut = max * fraction;
        let rows: Vec<(u32, Vec<(u16, f32)>)> = rows
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

    /// An empty table with room for `rows` rows.
    fn with_rows(classes: usize, rows: usize, entries: usize, scale: f32) -> Weights {
        // At most 70% full.
        let cap = (rows * 10 / 7 + 1).next_power_of_two().max(2);
        Weights {
            classes,
            slots: vec![Slot::default(); cap],
            mask: cap - 1,
            used: 0,
            entries: Vec::with_capacity(entries + rows),
            scale,
            exact: Vec::new(),
        }
    }

    /// Adds the row of key `k` (its entries already pushed from `start` on, after its
    /// header). A key added twice keeps its last row.
    #[inline]
    fn place(&mut self, k: u32, start: u32) {
        let mut i = self.home(k);
        while self.slots[i].start != EMPTY && self.slots[i].key != k {
            i = (i + 1) & self.mask;
        }
        if self.slots[i].start == EMPTY {
            self.used += 1;
        }
        self.slots[i] = Slot { key: k, start };
    }

    /// Builds from rows keyed by [`short_key`]s (distinct keys): the weights as given (to
    /// score with) and quantized to 16 bits against the largest magnitude (what
    /// [`Weights::write`] stores).
    fn from_short_rows(classes: usize, rows: Vec<(u32, Vec<(u16, f32)>)>) -> Self {
        let scale = scale_of(rows.iter().flat_map(|(_, r)| r.iter().map(|&(_, v)| v)));
        let n = rows.iter().filter(|(_, r)| !r.is_empty()).count();
        let mut w = Self::with_rows(classes, n, rows.iter().map(|r| r.1.len()).sum(), scale);
        for (k, row) in rows {
            if row.is_empty() {
                continue;
            }
            let start = w.entries.len() as u32;
            w.entries.push(Entry {
                class: row.len() as u16,
                q: 0,
            });
            w.exact.push(0.0);
            w.entries.extend(row.iter().map(|&(c, v)| Entry {
                class: c,
                q: (v / scale).round().clamp(-32767.0, 32767.0) as i16,
            }));
            w.exact.extend(row.iter().map(|&(_, v)| v));
            w.place(k, start);
        }
        w
    }

    /// Writes the weights (format 3), rows in key order (deterministic bytes), column by
    /// column so that like bytes stand together for the compressor that packs the model
    /// ([`crate::model`]): after the class count, the scale and the number of rows, five
    /// sections: the 32-bit keys (see [`short_key`]) as varint gaps from the previous key
    /// (the first from 0), the row lengths as varints, every weight's class (one byte when
    /// there are at most 256 classes, else two), and the weights' 16-bit numbers, low bytes
    /// then high bytes. Nothing is rounded: the numbers are those the table scores with.
    pub fn write(&self, out: &mut Writer) {
        out.u32(self.classes as u32);
        out.f32(self.scale.max(f32::MIN_POSITIVE / 32767.0));
        let wide = self.classes > 256;
        let rows = self.sorted_rows();
        out.u32(rows.len() as u32);
        let (mut keys, mut lens, mut classes) = (Writer::default(), Writer::default(), Writer::default());
        let (mut low, mut high) = (Writer::default(), Writer::default());
        let mut prev = 0u32;
        for (k, row) in rows {
            keys.varint(u64::from(k - prev));
            prev = k;
            lens.varint(row.len() as u64);
            for e in row {
                if wide {
                    classes.u16(e.class);
                } else {
                    classes.u8(e.class as u8);
                }
                let [lo, hi] = (e.q as u16).to_le_bytes();
                low.u8(lo);
                high.u8(hi);
            }
        }
        for section in [keys, lens, classes, low, high] {
            out.section(&section.buf);
        }
    }

    /// Reads weights written by [`Weights::write`], straight into the table (no
    /// allocation per row: loading is part of every `build`). With the feature `train`, a
    /// reader of format 2 ([`crate::model::Model::from_format2_bytes`]) reads that format's
    /// row-by-row layout.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        #[cfg(feature = "train")]
        if r.format() == 2 {
            return Self::read_format2(r);
        }
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let wide = classes > 256;
        let (mut keys, mut lens, mut cls) = (r.section()?, r.section()?, r.section()?);
        let (mut low, mut high) = (r.section()?, r.section()?);
        if n > keys.left() {
            return Err(format!("model corrupt: {n} rows, {} bytes of keys", keys.left()));
        }
        let mut w = Self::with_rows(classes, n, low.left(), scale);
        // (key, row start) of every row, placed in the table once all are read, a few
        // slots fetched ahead so that the cache misses overlap.
        let mut placed: Vec<(u32, u32)> = Vec::with_capacity(n);
        let mut key = 0u64;
        for i in 0..n {
            let gap = keys.varint()?;
            key = key.saturating_add(gap);
            if (i > 0 && gap == 0) || key > u64::from(u32::MAX) {
                return Err(format!("model corrupt: feature key {i} out of order or range"));
            }
            let l = lens.varint()?;
            if l == 0 || l > u64::from(u16::MAX) {
                return Err(format!("model corrupt: a row of {l} weights"));
            }
            let start = w.entries.len() as u32;
            w.entries.push(Entry { class: l as u16, q: 0 });
            for _ in 0..l {
                let c = if wide { cls.u16()? } else { u16::from(cls.u8()?) };
                if c as usize >= classes {
                    return Err(format!("model corrupt: class {c} of {classes}"));
                }
                let q = u16::from_le_bytes([low.u8()?, high.u8()?]) as i16;
                w.entries.push(Entry { class: c, q });
            }
            placed.push((key as u32, start));
        }
        const AHEAD: usize = 16;
        for (i, &(k, start)) in placed.iter().enumerate() {
            if let Some(&(next, _)) = placed.get(i + AHEAD) {
                prefetch(&w.slots[w.home(next)]);
            }
            w.place(k, start);
        }
        if [&keys, &lens, &cls, &low, &high].iter().any(|s| !s.at_end()) {
            return Err("model corrupt: weight sections longer than their rows".into());
        }
        Ok(w)
    }

    /// Reads the weights of a format-2 model: per row, its 32-bit key, its length (u16),
    /// then (class, 16-bit number) pairs. Only for converting such a model
    /// (`train-syntax --convert`).
    #[cfg(feature = "train")]
    fn read_format2(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let wide = classes > 256;
        let n = r.count(6)?;
        let mut w = Self::with_rows(classes, n, 0, scale);
        for _ in 0..n {
            let k = r.u32()?;
            let l = r.u16()?;
            if l == 0 {
                continue;
            }
            let start = w.entries.len() as u32;
            w.entries.push(Entry { class: l, q: 0 });
            for _ in 0..l {
                let c = if wide { r.u16()? } else { u16::from(r.u8()?) };
                if c as usize >= classes {
                    return Err(format!("model corrupt: class {c} of {classes}"));
                }
                w.entries.push(Entry {
                    class: c,
                    q: r.u16()? as i16,
                });
            }
            w.place(k, start);
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
