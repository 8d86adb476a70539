//! Stable 64-bit hashing of feature parts. Platform- and run-independent (no random
//! state), so that a trained model's feature keys mean the same thing everywhere.

/// Mixes one 64-bit value into a running hash (a multiply-xorshift step, as in
/// wyhash/FxHash; good enough dispersion for hash-table keys).
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    let x = (h ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let x = (x ^ (x >> 32)).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    x ^ (x >> 29)
}

/// Hash of a byte string (FNV-1a over the bytes, then one `mix` for dispersion).
#[inline]
pub fn bytes(s: &[u8]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in s {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix(h, s.len() as u64)
}

/// Hash of a string.
#[inline]
pub fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// A feature key: the template number and up to three values.
#[inline]
pub fn key(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(mix(0x51_7CC1_B727_220A, template), a), b), c)
}

/// A `BuildHasher` for keys that are already hashes: passes the key through.
#[derive(Clone, Copy, Default)]
pub struct PassThrough;

/// The hasher of [`PassThrough`].
#[derive(Default)]
pub struct PassThroughHasher(u64);

impl std::hash::Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are used; fall back to a real hash for anything else.
        self.0 = bytes_hash(self.0, bytes);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
    fn write_u32(&mut self, v: u32) {
        // Spread a 32-bit key over the word (the table uses the top bits too).
        self.0 = u64::from(v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

fn bytes_hash(seed: u64, b: &[u8]) -> u64 {
    mix(seed, bytes(b))
}

impl std::hash::BuildHasher for PassThrough {
    type Hasher = PassThroughHasher;
    fn build_hasher(&self) -> PassThroughHasher {
        PassThroughHasher(0)
    }
}

/// A hash map keyed by feature hashes.
pub type KeyMap<V> = std::collections::HashMap<u64, V, PassThrough>;
