//! A document's text as the page holds it, sliced by char offsets (the offsets of
//! tokens and figures).
//!
//! A short text (typed, a sample, a file's decoded text) is a Rust string. A long
//! text stays the JavaScript string it arrived as (a paste, a drop): copying it into
//! the page's WebAssembly memory took twice its size there, for good (that memory
//! never shrinks), to show a few thousand chars of it. Either way a sparse index
//! (one mark per [`STEP`] chars, made when first needed) finds a char without
//! reading the text from its start, and without a `Vec<char>` of all of it.

use js_sys::JsString;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::fmt;
use std::rc::Rc;

/// Chars between two marks.
const STEP: usize = 1024;
/// UTF-16 units of a long JavaScript text read into the page's memory at a time.
const CHUNK_UNITS: u32 = 64 * 1024;
/// A long JavaScript text is sliced from blocks of this many chars, the last two read kept:
/// slices in the text's order (an export's sentences, one per figure) read each block once.
const BLOCK: usize = 8 * STEP;

/// A text, cheap to clone; two are equal when they are the same text (not compared by content:
/// megabytes for a long one).
#[derive(Clone)]
pub struct DocText(Rc<Inner>);

struct Inner {
    source: Source,
    marks: OnceCell<Marks>,
    /// The blocks of a JavaScript text read last (block number, its chars).
    blocks: RefCell<Vec<(usize, Rc<[char]>)>>,
}

enum Source {
    Rust(Box<str>),
    Js(JsString),
}

impl DocText {
    /// A text that stays a JavaScript string.
    pub fn js(text: JsString) -> Self {
        DocText::new(Source::Js(text))
    }

    fn new(source: Source) -> Self {
        DocText(Rc::new(Inner { source, marks: OnceCell::new(), blocks: RefCell::new(Vec::new()) }))
    }

    pub fn is_empty(&self) -> bool {
        match &self.0.source {
            Source::Rust(s) => s.is_empty(),
            Source::Js(s) => s.length() == 0,
        }
    }

    /// The text as a JavaScript string (the one it is, for a long text).
    pub fn to_js(&self) -> JsString {
        match &self.0.source {
            Source::Rust(s) => JsString::from(&**s),
            Source::Js(s) => s.clone(),
        }
    }

    /// The number of chars.
    pub fn chars(&self) -> usize {
        self.marks().chars
    }

    /// Chars `start..end` (clipped to the text).
    pub fn slice(&self, start: usize, end: usize) -> Cow<'_, str> {
        let marks = self.marks();
        let (start, end) = (start.min(marks.chars), end.min(marks.chars));
        if start >= end {
            return Cow::Borrowed("");
        }
        match &self.0.source {
            Source::Rust(s) => {
                // From the mark at or before `start` to the mark after `end`, then the exact chars.
                let (first, last) = (start / STEP, end.div_ceil(STEP));
                let to = marks.at.get(last).copied().unwrap_or(marks.len);
                let stretch = &s[marks.at[first]..to];
                let byte = |n: usize| stretch.char_indices().nth(n).map_or(stretch.len(), |(b, _)| b);
                let a = byte(start - first * STEP);
                let b = a + stretch[a..].char_indices().nth(end - start).map_or(stretch.len() - a, |(b, _)| b);
                Cow::Borrowed(&stretch[a..b])
            }
            Source::Js(_) => {
                let mut out = String::new();
                for k in start / BLOCK..=(end - 1) / BLOCK {
                    let (block, base) = (self.block(k), k * BLOCK);
                    out.extend(&block[start.max(base) - base..end.min(base + block.len()) - base]);
                }
                Cow::Owned(out)
            }
        }
    }

    /// Chars `k * BLOCK..(k + 1) * BLOCK` of a JavaScript text (from the last two read, or read now).
    fn block(&self, k: usize) -> Rc<[char]> {
        let mut blocks = self.0.blocks.borrow_mut();
        if let Some((_, chars)) = blocks.iter().find(|(n, _)| *n == k) {
            return chars.clone();
        }
        let Source::Js(s) = &self.0.source else { unreachable!("only a JavaScript text has blocks") };
        let marks = self.marks();
        let from = marks.at[k * BLOCK / STEP];
        let to = marks.at.get((k + 1) * BLOCK / STEP).copied().unwrap_or(marks.len);
        let chars: Rc<[char]> = String::from(s.substring(from as u32, to as u32)).chars().collect();
        if blocks.len() == 2 {
            blocks.remove(0);
        }
        blocks.push((k, chars.clone()));
        chars
    }

    /// A stretch of about `reach` chars on either side of char `at`, widened to whole lines
    /// where a line ends within `snap` chars more (a stretch of whole lines is segmented as it
    /// is within the whole text); `(start, end)` in chars.
    pub fn lines_around(&self, at: usize, reach: usize, snap: usize) -> (usize, usize) {
        let total = self.chars();
        let (a, b) = (at.min(total).saturating_sub(reach), (at + reach).min(total));
        let start = if a == 0 {
            0
        } else {
            let from = a.saturating_sub(snap);
            let before = self.slice(from, a);
            before.rfind('\n').map_or(a, |i| from + before[..=i].chars().count())
        };
        let end = if b == total {
            total
        } else {
            let after = self.slice(b, b + snap);
            after.find('\n').map_or(b, |i| b + after[..=i].chars().count())
        };
        (start, end)
    }

    fn marks(&self) -> &Marks {
        self.0.marks.get_or_init(|| match &self.0.source {
            Source::Rust(s) => {
                let mut marks = Marks::default();
                marks.read(s, |c| c.len_utf8());
                marks
            }
            Source::Js(s) => js_marks(s),
        })
    }
}

/// Reads a JavaScript text a chunk at a time (never splitting a surrogate pair) and marks it
/// by UTF-16 units; a lone surrogate counts as one char, as it does once decoded.
fn js_marks(text: &JsString) -> Marks {
    let len = text.length();
    let mut marks = Marks::default();
    let mut at = 0;
    while at < len {
        let mut end = (at + CHUNK_UNITS).min(len);
        if end < len && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
            end -= 1;
        }
        marks.read(&String::from(text.substring(at, end)), char::len_utf16);
        at = end;
    }
    marks
}

/// Where every `STEP`-th char starts (in bytes or UTF-16 units), and the text's length.
#[derive(Default)]
struct Marks {
    at: Vec<usize>,
    chars: usize,
    len: usize,
}

impl Marks {
    /// Reads on through `chunk`, each char `width(c)` positions wide.
    fn read(&mut self, chunk: &str, width: impl Fn(char) -> usize) {
        for c in chunk.chars() {
            if self.chars.is_multiple_of(STEP) {
                self.at.push(self.len);
            }
            self.chars += 1;
            self.len += width(c);
        }
    }
}

impl From<&str> for DocText {
    fn from(text: &str) -> Self {
        DocText::new(Source::Rust(text.into()))
    }
}

impl From<String> for DocText {
    fn from(text: String) -> Self {
        DocText::new(Source::Rust(text.into_boxed_str()))
    }
}

impl Default for DocText {
    fn default() -> Self {
        DocText::from("")
    }
}

impl PartialEq for DocText {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for DocText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.source {
            Source::Rust(s) => write!(f, "DocText({} bytes)", s.len()),
            Source::Js(_) => write!(f, "DocText(JavaScript string)"),
        }
    }
}

/// A place in a stretch of text that starts at char `at`, moving forwards only.
pub struct Cursor<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Cursor<'t> {
    pub fn new(text: &'t str, at: usize) -> Self {
        Cursor { text, at }
    }

    /// The chars from here to char `end` (none if `end` is behind), and move to `end`.
    pub fn take(&mut self, end: usize) -> &'t str {
        let n = end.saturating_sub(self.at);
        let len = self.text.char_indices().nth(n).map_or(self.text.len(), |(b, _)| b);
        let (taken, rest) = self.text.split_at(len);
        self.at += n;
        self.text = rest;
        taken
    }

    /// Move to char `at` if it is ahead.
    pub fn skip_to(&mut self, at: usize) {
        self.take(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mixed() -> String {
        // Mixed widths (1 to 4 bytes, 1 or 2 UTF-16 units a char), across several marks.
        "全市完成投资14.8亿元，AT&T 😀 增长\n".repeat(300)
    }

    #[test]
    fn slices_by_chars_as_a_vec_of_chars_does() {
        let text = mixed();
        let chars: Vec<char> = text.chars().collect();
        let doc = DocText::from(text.as_str());
        let n = chars.len();
        assert_eq!(doc.chars(), n);
        let cut = |a: usize, b: usize| chars[a.min(n)..b.clamp(a.min(n), n)].iter().collect::<String>();
        for (a, b) in [
            (0, 0),
            (0, 1),
            (0, 5),
            (3, 1024),
            (1023, 1025),
            (1024, 2048),
            (1000, 3000),
            (n - 3, n),
            (n - 3, n + 10),
            (n + 5, n + 9),
            (7, 3),
        ] {
            assert_eq!(doc.slice(a, b), cut(a, b), "chars {a}..{b}");
        }
        assert_eq!(doc.slice(0, n), text);
    }

    #[test]
    fn marks_by_utf16_units_read_in_chunks() {
        let text = mixed();
        let whole = {
            let mut m = Marks::default();
            m.read(&text, char::len_utf16);
            m
        };
        // Read in chunks of every size, split at char boundaries: the same marks.
        for size in [1, 7, 1024, 5000] {
            let mut m = Marks::default();
            let mut rest = text.as_str();
            while !rest.is_empty() {
                let cut = rest.char_indices().nth(size).map_or(rest.len(), |(b, _)| b);
                m.read(&rest[..cut], char::len_utf16);
                rest = &rest[cut..];
            }
            assert_eq!((&m.at, m.chars, m.len), (&whole.at, whole.chars, whole.len), "chunks of {size}");
        }
        assert_eq!(whole.len, text.encode_utf16().count());
        let units: Vec<u16> = text.encode_utf16().collect();
        let chars: Vec<char> = text.chars().collect();
        for (k, &at) in whole.at.iter().enumerate() {
            let start = String::from_utf16(&units[at..at + 2]).ok().and_then(|s| s.chars().next());
            assert_eq!(start, Some(chars[k * STEP]), "mark {k}");
        }
    }

    #[test]
    fn a_cursor_reads_on_from_its_start() {
        let text = mixed();
        let chars: Vec<char> = text.chars().collect();
        let stretch: String = chars[100..3000].iter().collect();
        let mut cursor = Cursor::new(&stretch, 100);
        cursor.skip_to(150);
        assert_eq!(cursor.take(140), "", "behind: nothing");
        assert_eq!(cursor.take(1200), chars[150..1200].iter().collect::<String>());
        assert_eq!(cursor.take(2999), chars[1200..2999].iter().collect::<String>());
        assert_eq!(cursor.take(5000), chars[2999..3000].iter().collect::<String>(), "past the end");
    }

    #[test]
    fn a_stretch_around_a_char_is_whole_lines_when_their_ends_are_near() {
        // Lines of 10 chars and a line break: the breaks are chars 10, 21, 32, … (11k + 10).
        let text = DocText::from("一二三四五六七八九十\n".repeat(100).as_str());
        let n = text.chars();
        assert_eq!(n, 1100);
        assert_eq!(text.lines_around(500, 100, 20), (396, 605), "out to the line ends");
        assert_eq!(text.lines_around(500, 100, 3), (400, 600), "line ends beyond the reach and snap are not used");
        assert_eq!(text.lines_around(20, 100, 20), (0, 121), "from the start");
        assert_eq!(text.lines_around(1090, 100, 20), (990, n), "to the end");
        assert_eq!(text.lines_around(5000, 100, 20), (990, n), "past the end: the last stretch");
        let one_line = DocText::from("长".repeat(1000).as_str());
        assert_eq!(one_line.lines_around(500, 100, 20), (400, 600), "no line ends: the reach alone");
        assert_eq!(DocText::default().lines_around(0, 100, 20), (0, 0));
    }

    #[test]
    fn texts_are_equal_when_they_are_the_same_text() {
        let a = DocText::from("同一");
        assert_eq!(a, a.clone());
        assert_ne!(a, DocText::from("同一"));
        assert!(DocText::default().is_empty() && !a.is_empty());
    }
}
