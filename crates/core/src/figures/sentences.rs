//! Where sentences end, found once per text. The label and period rules ask,
//! for nearly every figure and often several times, where its sentence begins
//! or whether a sentence ends between two places: each answer is one lookup in
//! this index, not a scan back over up to a few hundred chars.

/// For every place `p` in the text (and its end), one past the last sentence end,
/// bracket or break mark, and clause break before `p` (0 if none), kept per block of
/// 64 chars: the marks of the block as bits, and the answer at the block's start.
/// Three `u32` for every char cost a tenth of the index's build in writes alone, and
/// on a long text a lookup in arrays twelve times the text's size misses the cache.
pub(super) struct Sentences {
    blocks: Vec<Block>,
}

#[derive(Clone, Copy)]
struct Block {
    /// Bit `j`: the block's char `j` ends a sentence ([`is_end`]), is a mark ([`is_mark`]),
    /// is a clause break (`label::CLAUSE_BREAK_CHARS`).
    end: u64,
    mark: u64,
    brk: u64,
    /// The answers at the block's first char.
    after_end: u32,
    after_mark: u32,
    after_break: u32,
}

/// A sentence ends at these (labels.md rule 8; the period rules' sentences). [`flags`]
/// answers for it in the index; this is what it is tested against.
#[cfg(test)]
fn is_end(c: char) -> bool {
    let u = c as u32;
    // Han chars (between `。` and the full-width forms) are turned away by their code.
    (u <= 0x3002 || u >= 0xFF01) && matches!(c, '。' | '！' | '？' | '；' | '\n' | '!' | '?' | ';')
}

/// What says whether a place is inside brackets ([`Sentences::in_brackets`]): a bracket, or a
/// sentence's end that closes any left open.
#[cfg(test)]
fn is_mark(c: char) -> bool {
    let u = c as u32;
    (u <= 0x3002 || u >= 0xFF01) && matches!(c, '（' | '(' | '）' | ')' | '。' | '\n' | '！' | '？')
}

const END: u8 = 1;
const MARK: u8 = 2;
const BREAK: u8 = 4;

/// Is `c` a sentence's end ([`is_end`]), a mark ([`is_mark`]), a clause break
/// (`label::CLAUSE_BREAK_CHARS`)? One match for the three.
#[inline]
fn flags(c: char) -> u8 {
    match c {
        '。' | '！' | '？' | '\n' => END | MARK | BREAK,
        '!' | '?' => END | BREAK,
        '；' | ';' => END | BREAK,
        '（' | '(' | '）' | ')' => MARK | BREAK,
        '，' | '：' | '、' | ',' | ':' => BREAK,
        _ => 0,
    }
}

/// One past the last bit of `bits` below `at` in the block starting at `base`, else `before`.
#[inline]
fn after(bits: u64, at: usize, base: usize, before: u32) -> usize {
    let below = bits & ((1u64 << (at % 64)) - 1);
    if below != 0 { base + 64 - below.leading_zeros() as usize } else { before as usize }
}

impl Sentences {
    pub(super) fn new(chars: &[char]) -> Sentences {
        // One block past the text's end answers for the end itself.
        let mut blocks = Vec::with_capacity(chars.len() / 64 + 1);
        let (mut last, mut mark, mut brk) = (0u32, 0u32, 0u32);
        for (b, chunk) in chars.chunks(64).chain(std::iter::once(&[][..])).enumerate() {
            if b * 64 > chars.len() {
                break;
            }
            let (mut e, mut m, mut k) = (0u64, 0u64, 0u64);
            for (j, &c) in chunk.iter().enumerate() {
                // A Han char, most of a text, is told by its code to be no mark.
                let u = c as u32;
                if u <= 0x3002 || u >= 0xFF01 {
                    let f = flags(c);
                    e |= u64::from(f & END) << j;
                    m |= u64::from((f & MARK) >> 1) << j;
                    k |= u64::from((f & BREAK) >> 2) << j;
                }
            }
            blocks.push(Block { end: e, mark: m, brk: k, after_end: last, after_mark: mark, after_break: brk });
            let base = b * 64 + 64;
            let next =
                |bits: u64, was: u32| if bits != 0 { (base - bits.leading_zeros() as usize) as u32 } else { was };
            (last, mark, brk) = (next(e, last), next(m, mark), next(k, brk));
        }
        Sentences { blocks }
    }

    /// One past the last sentence end before `at` (0 if none).
    #[inline]
    fn after_end(&self, at: usize) -> usize {
        let b = &self.blocks[at / 64];
        after(b.end, at, at & !63, b.after_end)
    }

    /// One past the last clause break before `at` (0 if none).
    #[inline]
    pub(super) fn clause_break_after(&self, at: usize) -> usize {
        let b = &self.blocks[at / 64];
        after(b.brk, at, at & !63, b.after_break)
    }

    /// Is `at` inside a bracket opened at most 80 chars before it, and not closed (nor its
    /// sentence ended) since? `chars` is the text the index was built on, or a copy of it
    /// with the same marks (the simplified copy changes Han chars only).
    #[inline]
    pub(super) fn in_brackets(&self, chars: &[char], at: usize) -> bool {
        const REACH: usize = 80;
        let b = &self.blocks[at / 64];
        let m = after(b.mark, at, at & !63, b.after_mark);
        m > 0 && m > at.saturating_sub(REACH) && matches!(chars[m - 1], '（' | '(')
    }

    /// Where the sentence holding `at` begins: just after the last sentence end
    /// before `at`, at most `reach` chars back.
    #[inline]
    pub(super) fn start(&self, at: usize, reach: usize) -> usize {
        self.after_end(at).max(at.saturating_sub(reach))
    }

    /// Does a sentence end in `from..to`?
    #[inline]
    pub(super) fn ends_within(&self, from: usize, to: usize) -> bool {
        from < to && self.after_end(to) > from
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One match answers as the three tests.
    #[test]
    fn flags_are_the_tests() {
        for c in (0..0x11000).filter_map(char::from_u32) {
            let brk = super::super::label::CLAUSE_BREAK_CHARS.contains(&c);
            let want = (u8::from(is_end(c)) * END) | (u8::from(is_mark(c)) * MARK) | (u8::from(brk) * BREAK);
            assert_eq!(flags(c), want, "{c:?}");
        }
    }

    /// The index answers as the scans it replaces, at every place of a text.
    #[test]
    fn lookups_answer_as_scans() {
        let chars: Vec<char> =
            "全年完成投资14.8亿元。增长7.5%；其中\n工业!占比?三成;\n\n末尾（其中（含）规上(12家)，占一半"
                .chars()
                .collect();
        answers_as_scans(&chars);
        // Texts of several blocks of 64 chars, marks before, on and after their edges.
        let pool: Vec<char> = "字字字字字字。，（）\n!a1；、(".chars().collect();
        let mut seed = 12345u32;
        for len in [63, 64, 65, 127, 128, 129, 300] {
            let chars: Vec<char> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    pool[(seed >> 16) as usize % pool.len()]
                })
                .collect();
            answers_as_scans(&chars);
        }
        // No mark at all, and a mark only in the last char of a block.
        answers_as_scans(&['字'; 130]);
        let mut chars = vec!['字'; 130];
        chars[63] = '。';
        chars[127] = '（';
        answers_as_scans(&chars);
    }

    fn answers_as_scans(chars: &[char]) {
        let s = Sentences::new(chars);
        for at in 0..=chars.len() {
            for reach in [0, 1, 3, 8, 120] {
                let lim = at.saturating_sub(reach);
                let scan = (lim..at).rev().find(|&p| is_end(chars[p])).map_or(lim, |p| p + 1);
                assert_eq!(s.start(at, reach), scan, "at {at} reach {reach}");
            }
            for from in 0..=at {
                assert_eq!(s.ends_within(from, at), chars[from..at].iter().any(|c| is_end(*c)));
            }
            let scan = (at.saturating_sub(80)..at)
                .rev()
                .find(|&k| is_mark(chars[k]))
                .is_some_and(|k| matches!(chars[k], '（' | '('));
            assert_eq!(s.in_brackets(chars, at), scan, "at {at}");
            let brk = (0..at).rev().find(|&k| super::super::label::CLAUSE_BREAK_CHARS.contains(&chars[k]));
            assert_eq!(s.clause_break_after(at), brk.map_or(0, |k| k + 1), "at {at}");
        }
    }
}
