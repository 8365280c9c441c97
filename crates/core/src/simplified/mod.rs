//! A character-for-character simplified copy of text in traditional characters.
//!
//! The segmenter's dictionary and the label rules' word lists are simplified:
//! `零售業總銷貨價值` is cut into single characters and names no metric they
//! know. The copy (`零售业总销货价值`) is what they read; every character keeps
//! its place and its length (in chars, UTF-8 bytes and UTF-16 units), so the
//! tokens and spans found in the copy are those of the original, and labels are
//! still copied from the original text.
//!
//! The table is data, `t2s.tsv`, written by `scripts/gen-t2s.py` from OpenCC's
//! `TSCharacters.txt` (Apache-2.0, `LICENSE-OpenCC`; do not edit): one pair a
//! line, traditional, a tab, simplified. It is read once, on first use. Text
//! without a traditional character is not copied.

use std::sync::OnceLock;

const TABLE: &str = include_str!("t2s.tsv");

/// The block every pair is in (CJK Unified Ideographs).
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;

struct Map {
    /// One bit per character of the block: it has a simplified form.
    bits: Box<[u64]>,
    /// Every character of the block in simplified form (itself if it has none):
    /// a whole text is copied through it, one load a char.
    to: Box<[char]>,
}

fn map() -> &'static Map {
    static MAP: OnceLock<Map> = OnceLock::new();
    MAP.get_or_init(|| {
        let pairs: Vec<(char, char)> = TABLE.lines().filter_map(parse).collect();
        let mut bits = vec![0u64; ((LAST - FIRST) as usize + 64) / 64];
        for &(t, _) in &pairs {
            let k = (t as u32 - FIRST) as usize;
            bits[k / 64] |= 1 << (k % 64);
        }
        let mut to: Vec<char> = (FIRST..=LAST).filter_map(char::from_u32).collect();
        for &(t, s) in &pairs {
            to[(t as u32 - FIRST) as usize] = s;
        }
        Map { bits: bits.into_boxed_slice(), to: to.into_boxed_slice() }
    })
}

fn parse(line: &str) -> Option<(char, char)> {
    let (t, s) = line.split_once('\t')?;
    let (mut t, mut s) = (t.chars(), s.chars());
    let pair = (t.next()?, s.next()?);
    let same_length = pair.0.len_utf8() == pair.1.len_utf8() && pair.0.len_utf16() == pair.1.len_utf16();
    let in_block = (FIRST..=LAST).contains(&(pair.0 as u32));
    (t.next().is_none() && s.next().is_none() && same_length && in_block).then_some(pair)
}

impl Map {
    #[inline]
    fn has(&self, c: char) -> bool {
        let k = (c as u32).wrapping_sub(FIRST);
        k <= LAST - FIRST && self.bits[k as usize / 64] >> (k % 64) & 1 != 0
    }

    #[inline]
    fn get(&self, c: char) -> char {
        let k = (c as u32).wrapping_sub(FIRST);
        if k <= LAST - FIRST { self.to[k as usize] } else { c }
    }
}

/// `c` in simplified form (itself if it has none).
pub fn simplify(c: char) -> char {
    map().get(c)
}

/// The simplified copy of `chars`, or `None` when none is traditional.
pub fn chars(chars: &[char]) -> Option<Vec<char>> {
    let m = map();
    let first = chars.iter().position(|&c| m.has(c))?;
    let mut out = chars.to_vec();
    for c in &mut out[first..] {
        *c = m.get(*c);
    }
    Some(out)
}

/// The simplified copy of `text` (same length in bytes, each char in its
/// place), or `None` when no char is traditional.
pub fn text(text: &str) -> Option<String> {
    let m = map();
    let first = text.char_indices().find(|&(_, c)| m.has(c))?.0;
    // The runs between traditional chars are copied whole, not char by char: a
    // simplified text with a stray traditional char is nearly one copy.
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for (i, c) in text[first..].char_indices() {
        if m.has(c) {
            out.push_str(&text[run..first + i]);
            out.push(m.get(c));
            run = first + i + c.len_utf8();
        }
    }
    out.push_str(&text[run..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_is_read() {
        let mut pairs: Vec<(char, char)> = TABLE.lines().filter_map(parse).collect();
        assert_eq!(pairs.len(), TABLE.lines().count());
        pairs.sort_unstable();
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(pairs.iter().all(|&(t, s)| map().has(t) && map().get(t) == s));
    }

    #[test]
    fn a_copy_keeps_every_offset() {
        let t = "1月零售業總銷貨價值為466億元，較去年同月下跌14.6%；佔7.3%。";
        let s = text(t).unwrap();
        assert_eq!(s, "1月零售业总销货价值为466亿元，较去年同月下跌14.6%；占7.3%。");
        assert_eq!(s.len(), t.len());
        assert_eq!(s.encode_utf16().count(), t.encode_utf16().count());
        let c: Vec<char> = t.chars().collect();
        assert_eq!(chars(&c).unwrap().into_iter().collect::<String>(), s);
    }

    #[test]
    fn the_copy_is_that_of_each_char() {
        // Traditional chars at the start, the end, side by side, and among others of every length.
        let t = "國a€語😀，業務。時間vs時間𠀀;價";
        let each: String = t.chars().map(simplify).collect();
        assert_eq!(text(t).as_deref(), Some(each.as_str()));
        for k in 0..t.len() {
            if t.is_char_boundary(k) {
                let tail = &t[k..];
                let each: String = tail.chars().map(simplify).collect();
                assert_eq!(text(tail).unwrap_or_else(|| tail.to_string()), each, "{tail}");
            }
        }
    }

    #[test]
    fn simplified_text_is_not_copied() {
        assert_eq!(text("全年完成固定资产投资14.8亿元，增长7.5%"), None);
        assert_eq!(chars(&['著', '名', '的', 'A']), None);
        // Ambiguous characters OpenCC keeps as themselves are not in the table.
        assert_eq!(simplify('瞭'), '瞭');
        assert_eq!(simplify('臺'), '台');
    }
}
