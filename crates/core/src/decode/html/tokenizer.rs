//! Tags and text as they come, following the HTML standard's tokenizer
//! states (§13.2.5) for what decides where text is: comments (`<!-->` and
//! `<!--->` end at once, `--!>` ends one too), bogus comments (`<?`, `<!x`,
//! `</3`), tags and their attributes (quotes open a value only after `=`),
//! RAWTEXT and RCDATA elements (`<style>`, `<title>` ... up to their end tag),
//! script data with its escaped states (`<!-- <script> </script> -->` inside
//! a script does not end it), `<plaintext>` (whose text, unlike the
//! standard's, still has its character references decoded downstream: the
//! element is obsolete), and stray `<` read as text.
//! Each byte is looked at a bounded number of times: linear in the page.

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

/// Elements whose content is not markup: RAWTEXT (`style`, `xmp`, `iframe`,
/// `noembed`, `noframes`, `noscript` as with scripting on), RCDATA (`title`,
/// `textarea`) and script data (`script`). None of it is article text.
pub(super) const RAW_TEXT: [&str; 9] =
    ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"];

pub(super) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after the start tag of a raw-text element: the name of its end tag.
    raw: Option<&'static str>,
    /// Set after `<plaintext>`: the rest is text.
    plaintext: bool,
}

impl<'a> Tokenizer<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Tokenizer { src, pos: 0, raw: None, plaintext: false }
    }

    pub(super) fn next(&mut self) -> Option<Token> {
        let b = self.src.as_bytes();
        if let Some(raw) = self.raw.take() {
            self.pos = if raw == "script" { find_script_end(b, self.pos) } else { find_raw_end(b, self.pos, raw) };
            return Some(Token::Raw);
        }
        if self.plaintext && self.pos < b.len() {
            let start = self.pos;
            self.pos = b.len();
            return Some(Token::Text(start, b.len()));
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
                self.pos = comment_end(b, pos + 4);
                continue;
            }
            if next == b'!' || next == b'?' {
                // A bogus comment (doctype, `<![CDATA[`, processing instruction): to the first `>`.
                self.pos = after_gt(b, pos + 2);
                continue;
            }
            if next == b'/' {
                let after = b.get(pos + 2).copied();
                match after {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let name_end = name_end(b, pos + 2);
                        // An end tag's attributes are read (and dropped) like a start tag's.
                        let Some(tag) = scan_attrs(b, name_end, |_, _| {}) else {
                            self.pos = b.len();
                            return None;
                        };
                        self.pos = tag.after;
                        return Some(Token::End { name: (pos + 2, name_end) });
                    }
                    // `</>` is dropped; `</ 3>` is a bogus comment.
                    Some(_) => {
                        self.pos = after_gt(b, pos + 2);
                        continue;
                    }
                    // `</` at the end is text.
                    None => {
                        self.pos = b.len();
                        return Some(Token::Text(pos, b.len()));
                    }
                }
            }
            if next.is_ascii_alphabetic() {
                let name_end = name_end(b, pos + 1);
                // A tag cut off by the end of the page is dropped, with what follows it.
                let Some(tag) = scan_attrs(b, name_end, |_, _| {}) else {
                    self.pos = b.len();
                    return None;
                };
                self.pos = tag.after;
                let name = &self.src[pos + 1..name_end];
                self.raw = RAW_TEXT.iter().copied().find(|r| name.eq_ignore_ascii_case(r));
                self.plaintext = name.eq_ignore_ascii_case("plaintext");
                return Some(Token::Start {
                    name: (pos + 1, name_end),
                    attrs: (name_end, tag.attrs_end),
                    self_closing: tag.self_closing,
                });
            }
            // A `<` that starts no tag is text.
            let end = find_byte(b, pos + 1, b'<');
            self.pos = end;
            return Some(Token::Text(pos, end));
        }
    }
}

/// Where a comment whose text starts at `from` (just after `<!--`) ends: after
/// `-->` or `--!>`, or at once for `<!-->` and `<!--->`; the end of the page
/// if it is not closed.
pub(super) fn comment_end(b: &[u8], from: usize) -> usize {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut at = from;
    while let Some(i) = find_seq(b, at, b"--") {
        match b.get(i + 2) {
            Some(b'>') => return i + 3,
            Some(b'!') if b.get(i + 3) == Some(&b'>') => return i + 4,
            _ => at = i + 1,
        }
    }
    b.len()
}

/// The position after the first `>` from `from`, or the end of the page.
fn after_gt(b: &[u8], from: usize) -> usize {
    find_byte(b, from, b'>').saturating_add(1).min(b.len())
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
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    i
}

/// HTML's ASCII white space (form feed included).
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// Where a tag read by [`scan_attrs`] ends.
pub(super) struct TagEnd {
    /// The position of the closing `>`.
    pub(super) attrs_end: usize,
    /// The position after it.
    pub(super) after: usize,
    /// Closed by `/>`.
    pub(super) self_closing: bool,
}

#[derive(Clone, Copy)]
enum Attr {
    BeforeName,
    Name,
    AfterName,
    BeforeValue,
    Quoted(u8),
    AfterQuoted,
    Unquoted,
    SelfClosing,
}

/// Read the attributes of a tag from `from` (just after its name) with the
/// standard's attribute states, calling `f(name, value)` with the byte ranges
/// of each; `None` if the page ends inside the tag.
pub(super) fn scan_attrs(b: &[u8], from: usize, mut f: impl FnMut((usize, usize), (usize, usize))) -> Option<TagEnd> {
    let mut state = Attr::BeforeName;
    let (mut name, mut value) = ((from, from), (from, from));
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        state = match state {
            Attr::BeforeName | Attr::AfterQuoted if is_space(c) => Attr::BeforeName,
            Attr::BeforeName | Attr::AfterQuoted | Attr::Name | Attr::AfterName | Attr::SelfClosing if c == b'/' => {
                if let Attr::Name | Attr::AfterName = state {
                    f(name, (i, i));
                }
                Attr::SelfClosing
            }
            Attr::BeforeName
            | Attr::AfterQuoted
            | Attr::Name
            | Attr::AfterName
            | Attr::BeforeValue
            | Attr::Unquoted
                if c == b'>' =>
            {
                match state {
                    Attr::Name | Attr::AfterName | Attr::BeforeValue => f(name, (i, i)),
                    Attr::Unquoted => f(name, (value.0, i)),
                    _ => {}
                }
                return Some(TagEnd { attrs_end: i, after: i + 1, self_closing: false });
            }
            Attr::SelfClosing if c == b'>' => return Some(TagEnd { attrs_end: i, after: i + 1, self_closing: true }),
            // A name starts (`=` may start one); after a quoted value or a
            // stray `/`, the character is read again as the start of a name.
            Attr::BeforeName | Attr::AfterQuoted | Attr::SelfClosing => {
                name = (i, i + 1);
                if is_space(c) { Attr::BeforeName } else { Attr::Name }
            }
            Attr::Name if is_space(c) => Attr::AfterName,
            Attr::Name if c == b'=' => Attr::BeforeValue,
            Attr::Name => {
                name.1 = i + 1;
                Attr::Name
            }
            Attr::AfterName if is_space(c) => Attr::AfterName,
            Attr::AfterName if c == b'=' => Attr::BeforeValue,
            Attr::AfterName => {
                f(name, (i, i));
                name = (i, i + 1);
                Attr::Name
            }
            Attr::BeforeValue if is_space(c) => Attr::BeforeValue,
            Attr::BeforeValue if c == b'"' || c == b'\'' => {
                value = (i + 1, i + 1);
                Attr::Quoted(c)
            }
            Attr::BeforeValue => {
                value = (i, i + 1);
                Attr::Unquoted
            }
            Attr::Quoted(q) if c == q => {
                f(name, (value.0, i));
                Attr::AfterQuoted
            }
            Attr::Quoted(q) => Attr::Quoted(q),
            Attr::Unquoted if is_space(c) => {
                f(name, (value.0, i));
                Attr::BeforeName
            }
            Attr::Unquoted => Attr::Unquoted,
        };
        i += 1;
    }
    None
}

/// Call `f(name, value)` for each attribute in a tag's attribute text (the
/// text between its name and its `>`).
pub(super) fn for_each_attr(s: &str, mut f: impl FnMut(&str, &str)) {
    // The text ends with a `>` so that the last attribute is reported.
    let mut b = Vec::with_capacity(s.len() + 1);
    b.extend_from_slice(s.as_bytes());
    b.push(b'>');
    let text = |r: (usize, usize)| s.get(r.0..r.1.min(s.len())).unwrap_or("");
    scan_attrs(&b, 0, |name, value| f(text(name), text(value)));
}

/// Whether the bytes at `at` are `</name` followed by white space, `/` or `>`
/// (an "appropriate end tag"), the name in any case.
fn is_end_tag(b: &[u8], at: usize, name: &str) -> bool {
    let n = at + 2;
    b[at..].starts_with(b"</")
        && b.len() >= n + name.len()
        && b[n..n + name.len()].eq_ignore_ascii_case(name.as_bytes())
        && b.get(n + name.len()).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// The position of the end tag `</name` that closes a RAWTEXT or RCDATA
/// element, or the end of input.
pub(super) fn find_raw_end(b: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(i) = find_seq(b, at, b"</") {
        if is_end_tag(b, i, name) {
            return i;
        }
        at = i + 2;
    }
    b.len()
}

/// The position of the `</script` that ends script data from `from`: not one
/// inside `<!-- <script> ... -->` (the standard's double-escaped state).
pub(super) fn find_script_end(b: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = from;
    while i < b.len() {
        i = match b[i..].iter().position(|&c| c == b'<' || c == b'-') {
            Some(k) => i + k,
            None => return b.len(),
        };
        let rest = &b[i..];
        match state {
            State::Data if rest.starts_with(b"<!--") => {
                state = State::Escaped;
                // The dashes of `<!--` count towards a `-->`: `<!-->` leaves at once.
                i += 2;
                continue;
            }
            State::Escaped | State::DoubleEscaped if rest.starts_with(b"-->") => {
                state = State::Data;
                i += 3;
                continue;
            }
            State::Data | State::Escaped if is_end_tag(b, i, "script") => return i,
            State::Escaped
                if rest.len() > 7
                    && rest[1..7].eq_ignore_ascii_case(b"script")
                    && (is_space(rest[7]) || rest[7] == b'/' || rest[7] == b'>') =>
            {
                state = State::DoubleEscaped;
            }
            State::DoubleEscaped if is_end_tag(b, i, "script") => state = State::Escaped,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_end_where_the_standard_ends_them() {
        let end = |s: &str| comment_end(s.as_bytes(), 4);
        assert_eq!(end("<!-->x"), 5);
        assert_eq!(end("<!--->x"), 6);
        assert_eq!(end("<!---->x"), 7);
        assert_eq!(end("<!-- a -- b -->x"), 15);
        assert_eq!(end("<!-- a --!>x"), 11);
        assert_eq!(end("<!-- a ---->x"), 12);
        assert_eq!(end("<!--!>x -->"), 11);
        assert_eq!(end("<!-- open"), 9);
    }

    #[test]
    fn attributes_follow_the_attribute_states() {
        let attrs = |s: &str| {
            let mut out = Vec::new();
            for_each_attr(s, |k, v| out.push(format!("{k}={v}")));
            out.join(" ")
        };
        assert_eq!(attrs(r#" class="a b" id=x title='it>s' hidden"#), "class=a b id=x title=it>s hidden=");
        assert_eq!(attrs(r#"a="1"b='2'/c"#), "a=1 b=2 c=");
        assert_eq!(attrs(r#" x"y"=z =w"#), r#"x"y"=z =w="#);
        assert_eq!(attrs(" a = 'q' "), "a=q");
        assert_eq!(attrs(" a b c"), "a= b= c=");
    }

    #[test]
    fn script_data_escapes() {
        let end = |s: &str| find_script_end(s.as_bytes(), 0);
        assert_eq!(end("x</script>"), 1);
        assert_eq!(end("<!-- <script> </script> --></script>"), 27);
        assert_eq!(end("<!-- </script> -->"), 5);
        assert_eq!(end("<!--></script>"), 5);
        assert_eq!(end("a</scripts></SCRIPT >"), 11);
    }
}
