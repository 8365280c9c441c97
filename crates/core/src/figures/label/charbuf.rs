//! The chars of a label or subject, for the passes that read each figure's
//! strings as chars: most are short and live in a buffer on the stack, so no
//! `Vec` is allocated and freed for each figure.

use std::ops::Deref;

/// Names up to this many chars are held inline.
const INLINE: usize = 32;

pub(super) struct Chars {
    len: usize,
    inline: [char; INLINE],
    /// A longer name, whole.
    heap: Vec<char>,
}

impl Chars {
    /// The chars of `s`.
    #[inline(always)]
    pub(super) fn of(s: &str) -> Chars {
        Chars::from_chars(s.chars())
    }

    /// The chars of `s`, simplified (`crate::simplified::simplify`).
    #[inline(always)]
    pub(super) fn simple(s: &str) -> Chars {
        Chars::from_chars(s.chars().map(crate::simplified::simplify))
    }

    // Inlined: built in the caller's own variable. Out of line, the 160-byte value was
    // built on the callee's stack and then copied out (a `memcpy` call for each string).
    #[inline(always)]
    pub(super) fn from_chars(it: impl Iterator<Item = char>) -> Chars {
        let mut out = Chars { len: 0, inline: ['\0'; INLINE], heap: Vec::new() };
        // At most `INLINE` chars (of a string: at most `INLINE` bytes; most labels and
        // subjects): filled without asking for room at each char.
        if it.size_hint().1.is_some_and(|n| n <= INLINE) {
            for (slot, c) in out.inline.iter_mut().zip(it) {
                *slot = c;
                out.len += 1;
            }
        } else {
            out.fill_long(it);
        }
        out
    }

    /// A string of more than `INLINE` bytes: chars one at a time, moved to the heap past `INLINE`.
    #[inline(never)]
    fn fill_long(&mut self, mut it: impl Iterator<Item = char>) {
        for c in it.by_ref() {
            if self.len == INLINE {
                self.heap.reserve(2 * INLINE);
                self.heap.extend_from_slice(&self.inline);
                self.heap.push(c);
                self.heap.extend(it);
                self.len = self.heap.len();
                return;
            }
            self.inline[self.len] = c;
            self.len += 1;
        }
    }
}

impl Deref for Chars {
    type Target = [char];

    #[inline]
    fn deref(&self) -> &[char] {
        if self.len > INLINE { &self.heap } else { &self.inline[..self.len] }
    }
}

#[cfg(test)]
mod tests {
    use super::Chars;

    #[test]
    fn holds_the_chars() {
        for n in [0, 1, 31, 32, 33, 70] {
            let s: String = (0..n).map(|i| char::from_u32(0x4E00 + i).unwrap()).collect();
            let v: Vec<char> = s.chars().collect();
            assert_eq!(&*Chars::of(&s), &v[..]);
            let w: Vec<char> = s.chars().map(crate::simplified::simplify).collect();
            assert_eq!(&*Chars::simple(&s), &w[..]);
            // An iterator that knows its length exactly (up to `INLINE`: the quick fill).
            assert_eq!(&*Chars::from_chars(v.iter().copied()), &v[..]);
            let a: String = (0..n).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            assert_eq!(&*Chars::of(&a), &a.chars().collect::<Vec<_>>()[..]);
        }
    }
}
