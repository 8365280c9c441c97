//! Slicing a long text by char offsets (the offsets of tokens and figures)
//! without a `Vec<char>` of all of it, which takes four bytes a char: 14 MB of
//! the page's memory, for good, for a 10 MB Chinese text.

use std::rc::Rc;

/// The byte offset of every [`CharIndex::STEP`]-th char of a text.
pub struct CharIndex {
    text: Rc<str>,
    marks: Vec<usize>,
}

impl CharIndex {
    const STEP: usize = 1024;

    pub fn new(text: Rc<str>) -> Self {
        let marks = text.char_indices().step_by(Self::STEP).map(|(b, _)| b).collect();
        CharIndex { text, marks }
    }

    /// The byte offset of char `at` (the text's length from its end on).
    fn byte(&self, at: usize) -> usize {
        let Some(&mark) = self.marks.get(at / Self::STEP) else { return self.text.len() };
        self.text[mark..].char_indices().nth(at % Self::STEP).map_or(self.text.len(), |(b, _)| mark + b)
    }

    /// Reads the text onwards from char `at`, a stretch at a time.
    pub fn from(&self, at: usize) -> Cursor<'_> {
        let byte = self.byte(at);
        Cursor { text: &self.text, at, byte }
    }
}

/// A place in the text, moving forwards only.
pub struct Cursor<'t> {
    text: &'t str,
    /// The char offset, and where that char starts.
    at: usize,
    byte: usize,
}

impl<'t> Cursor<'t> {
    /// The chars from here to char `end` (none if `end` is behind), and move to `end`.
    pub fn take(&mut self, end: usize) -> &'t str {
        let rest = &self.text[self.byte..];
        let n = end.saturating_sub(self.at);
        let len = rest.char_indices().nth(n).map_or(rest.len(), |(b, _)| b);
        self.at += n;
        self.byte += len;
        &rest[..len]
    }

    /// Move to char `at` if it is ahead.
    pub fn skip_to(&mut self, at: usize) {
        self.take(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_chars_as_a_vec_of_chars_does() {
        // Mixed widths (1 to 4 bytes a char), across several marks.
        let text: String = "全市完成投资14.8亿元，AT&T 😀 增长\n".repeat(300);
        let chars: Vec<char> = text.chars().collect();
        let index = CharIndex::new(Rc::from(text.as_str()));
        let n = chars.len();
        for (start, ends) in
            [(0, vec![0, 1, 5, 1024, 1025, 3000]), (1023, vec![1024, 2048, n]), (n - 3, vec![n, n + 10])]
        {
            let mut cursor = index.from(start);
            let mut from = start;
            for end in ends {
                let expected: String = chars[from.min(n)..end.min(n)].iter().collect();
                assert_eq!(cursor.take(end), expected, "chars {from}..{end}");
                from = end;
            }
        }
        let mut cursor = index.from(10);
        cursor.skip_to(20);
        assert_eq!(cursor.take(15), "", "behind: nothing");
        assert_eq!(cursor.take(22), chars[20..22].iter().collect::<String>());
        assert_eq!(index.from(n + 5).take(n + 9), "", "past the end");
    }
}
