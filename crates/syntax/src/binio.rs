//! The model's binary format: little-endian integers, LEB128 varints, length-prefixed
//! strings and sections. Reading is bounds-checked and never panics on a short or corrupt
//! model.

/// Appends values to a byte buffer.
#[derive(Default)]
pub struct Writer {
    /// The bytes written so far.
    pub buf: Vec<u8>,
}

impl Writer {
    /// A u8.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// A u16.
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// A u32.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// A u64.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// An f32.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// A string, length first.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    /// A list of strings, count first.
    pub fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        for s in v {
            self.str(s);
        }
    }
    /// An unsigned LEB128 varint: 7 bits a byte, low bits first, the high bit set on every
    /// byte but the last.
    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8 & 0x7f) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    /// A section: `bytes`, length first (read back with [`Reader::section`]).
    pub fn section(&mut self, bytes: &[u8]) {
        self.u64(bytes.len() as u64);
        self.buf.extend_from_slice(bytes);
    }
}

/// Reads values back; every read checks the remaining length.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    format: u32,
}

/// Why a model could not be read.
pub type ReadError = String;

impl<'a> Reader<'a> {
    /// Starts at the beginning of `bytes`, a body of model format `format` (the weights'
    /// layout depends on it; see [`crate::perceptron::Weights::read`]). The model file says
    /// which format it is, so `model` passes it in: this layer knows no format number.
    pub fn new(bytes: &'a [u8], format: u32) -> Self {
        Reader { bytes, pos: 0, format }
    }
    /// The model format of the bytes read.
    pub fn format(&self) -> u32 {
        self.format
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], ReadError> {
        if self.bytes.len() - self.pos < n {
            return Err(format!(
                "model truncated: expected {n} more bytes at offset {}",
                self.pos
            ));
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    /// A u8.
    pub fn u8(&mut self) -> Result<u8, ReadError> {
        Ok(self.take(1)?[0])
    }
    /// A u16.
    pub fn u16(&mut self) -> Result<u16, ReadError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap_or([0; 2])))
    }
    /// A u32.
    pub fn u32(&mut self) -> Result<u32, ReadError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap_or([0; 4])))
    }
    /// A u64.
    pub fn u64(&mut self) -> Result<u64, ReadError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap_or([0; 8])))
    }
    /// An f32.
    pub fn f32(&mut self) -> Result<f32, ReadError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap_or([0; 4])))
    }
    /// A count that must fit in what is left (each item at least `min_item` bytes).
    pub fn count(&mut self, min_item: usize) -> Result<usize, ReadError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item.max(1)) > self.bytes.len() - self.pos {
            return Err(format!("model corrupt: count {n} at offset {} too large", self.pos));
        }
        Ok(n)
    }
    /// A string.
    pub fn str(&mut self) -> Result<String, ReadError> {
        let n = self.count(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| "model corrupt: a string is not UTF-8".into())
    }
    /// A list of strings.
    pub fn strs(&mut self) -> Result<Vec<String>, ReadError> {
        let n = self.count(4)?;
        (0..n).map(|_| self.str()).collect()
    }
    /// An unsigned LEB128 varint (at most 10 bytes, the value fitting in 64 bits).
    pub fn varint(&mut self) -> Result<u64, ReadError> {
        let mut v = 0u64;
        for i in 0..10 {
            let b = self.u8()?;
            let bits = u64::from(b & 0x7f);
            if i == 9 && bits > 1 {
                return Err(format!("model corrupt: varint over 64 bits at offset {}", self.pos));
            }
            v |= bits << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(format!("model corrupt: varint over 10 bytes at offset {}", self.pos))
    }
    /// A section written by [`Writer::section`]: a reader over its bytes (same format).
    pub fn section(&mut self) -> Result<Reader<'a>, ReadError> {
        let n = self.u64()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(format!(
                "model truncated: a section of {n} bytes at offset {}, {} left",
                self.pos,
                self.bytes.len() - self.pos
            ));
        }
        let b = self.take(n as usize)?;
        Ok(Reader::new(b, self.format))
    }
    /// Number of bytes not read yet.
    pub fn left(&self) -> usize {
        self.bytes.len() - self.pos
    }
    /// Whether everything was read.
    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader of `bytes`: integers, varints and sections read the same in every format.
    fn reader(bytes: &[u8]) -> Reader<'_> {
        Reader::new(bytes, 3)
    }

    #[test]
    fn varints_round_trip_and_bad_ones_are_errors() {
        let values = [0u64, 1, 127, 128, 300, 16_383, 16_384, u32::MAX as u64, u64::MAX];
        let mut w = Writer::default();
        for v in values {
            w.varint(v);
        }
        // One byte up to 127, two from 128, ten for the largest.
        assert_eq!(w.buf.len(), 1 + 1 + 1 + 2 + 2 + 2 + 3 + 5 + 10);
        let mut r = reader(&w.buf);
        for v in values {
            assert_eq!(r.varint().unwrap(), v);
        }
        assert!(r.at_end());
        // Negatives: cut short, eleven bytes, a tenth byte with more than one bit.
        for bad in [
            &[0x80u8][..],
            &[0xff; 11][..],
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02][..],
        ] {
            assert!(reader(bad).varint().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sections_are_bounded() {
        let mut w = Writer::default();
        w.section(b"abc");
        w.u8(7);
        let mut r = reader(&w.buf);
        let mut s = r.section().unwrap();
        assert_eq!(s.format(), 3, "a section is read in its model's format");
        assert_eq!(Reader::new(&w.buf, 2).section().unwrap().format(), 2);
        assert_eq!((s.u8().unwrap(), s.u8().unwrap(), s.u8().unwrap()), (b'a', b'b', b'c'));
        assert!(s.u8().is_err(), "a section ends where its length says");
        assert_eq!(r.u8().unwrap(), 7);
        // Negatives: a length past the end, a cut length.
        let mut long = Writer::default();
        long.u64(4);
        long.u8(1);
        assert!(reader(&long.buf).section().is_err());
        assert!(reader(&[3, 0, 0]).section().is_err());
    }
}
