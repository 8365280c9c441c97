//! Tags and text as they come: comments, doctype, raw-text elements such as
//! `<script>`, quoted attributes, stray `<` (read as text).

#[derive(Debug, Clone, Copy)]
pub(super) enum Token {
    /// Character data (entities not yet decoded), as a byte range.
    Text(usize, usize),
    /// The content of a raw-text element (`script`, `style`, `title` ...).
    Raw,
    /// A start tag: the name's range and the attributes' range.
    Start { name: (usize, usize), attrs: (usize, usize), self_closing: bool },
    /// An end tag: the name's range.
    End { name: (usize, usize) },
}

/// Elements whose content is not markup.
pub(super) const RAW_TEXT: [&str; 9] =
    ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"];

pub(super) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after the start tag of a raw-text element: the name of its end tag.
    raw: Option<&'static str>,
}

impl<'a> Tokenizer<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Tokenizer { src, pos: 0, raw: None }
    }

    pub(super) fn next(&mut self) -> Option<Token> {
        let b = self.src.as_bytes();
        if let Some(raw) = self.raw.take() {
            self.pos = find_raw_end(b, self.pos, raw);
            return Some(Token::Raw);
        }
        loop {
            let pos = self.pos;
            if pos >= b.len() {
                return None;
            }
            if b[pos] != b'<' {
                let end = find_byte(b, pos + 1, b'<');
                self.pos = end;
                return Some(Token::Text(pos, end));
            }
            let next = b.get(pos + 1).copied().unwrap_or(0);
            if b[pos..].starts_with(b"<!--") {
                self.pos = find_seq(b, pos + 4, b"-->").map_or(b.len(), |i| i + 3);
                continue;
            }
            if next == b'!' || next == b'?' {
                self.pos = find_byte(b, pos + 2, b'>').saturating_add(1).min(b.len());
                continue;
            }
            if next == b'/' {
                let after = b.get(pos + 2).copied().unwrap_or(0);
                if after.is_ascii_alphabetic() {
                    let name_end = name_end(b, pos + 2);
                    self.pos = find_byte(b, name_end, b'>').saturating_add(1).min(b.len());
                    return Some(Token::End { name: (pos + 2, name_end) });
                }
                // `</>` or `</ 3>`: a bogus comment.
                self.pos = find_byte(b, pos + 2, b'>').saturating_add(1).min(b.len());
                continue;
            }
            if next.is_ascii_alphabetic() {
                let name_end = name_end(b, pos + 1);
                let (attrs_end, tag_end) = scan_attrs(b, name_end);
                let self_closing = attrs_end > name_end && b[attrs_end - 1] == b'/';
                self.pos = tag_end;
                let name = &self.src[pos + 1..name_end];
                if !self_closing {
                    self.raw = RAW_TEXT.iter().copied().find(|r| name.eq_ignore_ascii_case(r));
                }
                return Some(Token::Start { name: (pos + 1, name_end), attrs: (name_end, attrs_end), self_closing });
            }
            // A `<` that starts no tag is text.
            let end = find_byte(b, pos + 1, b'<');
            self.pos = end;
            return Some(Token::Text(pos, end));
        }
    }
}

pub(super) fn find_byte(b: &[u8], from: usize, needle: u8) -> usize {
    if from >= b.len() {
        return b.len();
    }
    b[from..].iter().position(|&c| c == needle).map_or(b.len(), |i| from + i)
}

pub(super) fn find_seq(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while at < b.len() {
        let i = find_byte(b, at, needle[0]);
        if i >= b.len() {
            return None;
        }
        if b[i..].starts_with(needle) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// The end of a tag name starting at `from`.
pub(super) fn name_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    i
}

/// Scan the attributes of a tag from `from`: returns the end of the attribute
/// text (the position of the closing `>`) and the position after the tag.
pub(super) fn scan_attrs(b: &[u8], from: usize) -> (usize, usize) {
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'>' => return (i, i + 1),
            b'"' | b'\'' if after_equals(b, from, i) => {
                let q = b[i];
                match b[i + 1..].iter().position(|&c| c == q) {
                    Some(k) => i = i + 1 + k + 1,
                    // An unclosed quote: end the tag at the next `>`.
                    None => {
                        let gt = find_byte(b, i + 1, b'>');
                        return (gt, (gt + 1).min(b.len()));
                    }
                }
            }
            _ => i += 1,
        }
    }
    (b.len(), b.len())
}

/// Whether the quote at `i` opens an attribute value (it follows `=` and white space).
pub(super) fn after_equals(b: &[u8], from: usize, i: usize) -> bool {
    let mut k = i;
    while k > from {
        k -= 1;
        if b[k] == b'=' {
            return true;
        }
        if !b[k].is_ascii_whitespace() {
            return false;
        }
    }
    false
}

/// Call `f(name, value)` for each attribute in a tag's attribute text.
pub(super) fn for_each_attr(s: &str, mut f: impl FnMut(&str, &str)) {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return;
        }
        let start = i;
        i += 1; // a name may start with `=`
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'/' | b'=' | b'>') {
            i += 1;
        }
        let name = &s[start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = b[vs..].iter().position(|&c| c == q).map_or(b.len(), |k| vs + k);
                f(name, &s[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                f(name, &s[vs..i]);
            }
        } else {
            f(name, "");
        }
    }
}

/// The position of the end tag `</name` that closes a raw-text element, or the end of input.
pub(super) fn find_raw_end(b: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(i) = find_seq(b, at, b"</") {
        let n = i + 2;
        if b.len() >= n + name.len()
            && b[n..n + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && b.get(n + name.len()).is_none_or(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        {
            return i;
        }
        at = n;
    }
    b.len()
}
