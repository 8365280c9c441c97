//! A fast, non-cryptographic hasher for maps keyed by words or characters.
//!
//! The standard library's SipHash resists collisions crafted by an attacker,
//! which counting the words of an article does not need, and it costs more
//! than the rest of the counting. This is the Fx hash of rustc and Firefox:
//! one rotate, xor and multiply per eight bytes. (The `rustc-hash` crate is
//! not a dependency of ours; these few lines are all that is needed of it.)

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while let Some((word, tail)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*word));
            rest = tail;
        }
        // The last 1-7 bytes (most words are a few Han characters, 6 or 9
        // bytes): in one step, from two reads that may overlap, rather than
        // copied into a buffer.
        if let Some((head, _)) = rest.split_first_chunk::<4>() {
            let (_, tail) = rest.split_last_chunk::<4>().expect("four bytes or more");
            self.add(u64::from(u32::from_le_bytes(*head)) | u64::from(u32::from_le_bytes(*tail)) << 32);
        } else if let (Some(&first), Some(&last)) = (rest.first(), rest.last()) {
            let middle = rest[rest.len() / 2];
            self.add(u64::from(first) | u64::from(middle) << 8 | u64::from(last) << 16);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// The multiply leaves its best-mixed bits at the top, and hash tables index
    /// buckets by the low bits: rotate the top ones down (as rustc-hash 2 does).
    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}
