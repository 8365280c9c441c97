//! Writing the kept nodes out as text: block elements as line breaks,
//! paragraphs as blank-line separated, entities decoded, lines trimmed, runs of
//! blank lines collapsed.

use super::entities::decode_entities_into;
use super::tree::{Doc, Kind};

impl Doc<'_> {
    /// Write the text of the subtree at `root`.
    pub(super) fn write(&self, w: &mut Writer, root: usize, dropped: &[bool]) {
        let nodes = &self.nodes;
        // Open elements: (end of subtree, break after, is pre).
        let mut open: Vec<(usize, u8, bool)> = Vec::new();
        let mut pre = 0usize;
        let mut i = root;
        let stop = nodes[root].end;
        while i < stop {
            while let Some(&(end, brk, is_pre)) = open.last() {
                if end > i {
                    break;
                }
                open.pop();
                w.brk(brk);
                if is_pre {
                    pre -= 1;
                }
            }
            if dropped[i] {
                i = nodes[i].end.max(i + 1);
                continue;
            }
            match &nodes[i].kind {
                Kind::Text(s, e) => w.text(&self.src[*s..*e], pre > 0),
                Kind::Elem { tag, .. } => {
                    let tag = &**tag;
                    let brk = break_kind(tag);
                    match tag {
                        "br" => w.newline(),
                        "td" | "th" => w.space(),
                        _ => w.brk(brk),
                    }
                    if nodes[i].end > i + 1 {
                        let is_pre = matches!(tag, "pre" | "listing" | "plaintext");
                        if is_pre {
                            pre += 1;
                        }
                        open.push((nodes[i].end, brk, is_pre));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        while let Some((_, brk, _)) = open.pop() {
            w.brk(brk);
        }
    }
}

/// What an element does to the text flow: 0 inline, 1 line break, 2 paragraph break.
pub(super) fn break_kind(tag: &str) -> u8 {
    match tag {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" | "table" | "ul" | "ol" | "dl"
        | "article" | "section" | "header" | "hr" | "figure" | "address" | "main" | "fieldset" | "details"
        | "listing" | "plaintext" => 2,
        "div" | "li" | "tr" | "dt" | "dd" | "caption" | "figcaption" | "option" | "legend" | "summary" | "body"
        | "html" | "center" | "form" | "nav" | "aside" | "footer" | "hgroup" | "menu" | "dir" | "dialog" | "tbody"
        | "thead" | "tfoot" | "frameset" | "frame" => 1,
        _ => 0,
    }
}

#[derive(Default)]
pub(super) struct Writer {
    pub(super) out: String,
    /// A pending break: 0 none, 1 line, 2 paragraph.
    pub(super) pending: u8,
    pub(super) buf: String,
}

impl Writer {
    pub(super) fn brk(&mut self, kind: u8) {
        self.pending = self.pending.max(kind);
    }

    pub(super) fn newline(&mut self) {
        self.flush();
        self.out.push('\n');
    }

    pub(super) fn space(&mut self) {
        if !self.out.ends_with([' ', '\n']) {
            self.out.push(' ');
        }
    }

    pub(super) fn flush(&mut self) {
        if self.pending > 0 {
            if !self.out.is_empty() {
                self.out.push_str(if self.pending == 2 { "\n\n" } else { "\n" });
            }
            self.pending = 0;
        }
    }

    pub(super) fn text(&mut self, raw: &str, pre: bool) {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        decode_entities_into(raw, &mut buf);
        if pre {
            if !buf.is_empty() {
                self.flush();
                self.out.extend(buf.chars().map(|c| if c == '\u{a0}' { ' ' } else { c }));
            }
        } else if buf.bytes().all(|b| b.is_ascii_whitespace()) {
            if !buf.is_empty() && self.pending == 0 {
                self.space();
            }
        } else {
            self.flush();
            collapse_into(&buf, &mut self.out);
        }
        self.buf = buf;
    }
}

/// Append `s` with runs of ASCII white space collapsed to one space (or to
/// nothing where a source line break falls between two CJK characters), and
/// no-break spaces as spaces.
pub(super) fn collapse_into(s: &str, out: &mut String) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_whitespace() {
            let mut newline = c == '\n';
            while let Some(&d) = chars.peek() {
                if !d.is_ascii_whitespace() {
                    break;
                }
                newline |= d == '\n';
                chars.next();
            }
            let prev_cjk = out.chars().next_back().is_some_and(is_cjk);
            let next_cjk = chars.peek().is_some_and(|&d| is_cjk(d));
            let drop = newline && prev_cjk && next_cjk;
            if !drop && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c == '\u{a0}' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
}

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Trim every line, collapse runs of spaces, keep at most one blank line
/// between paragraphs and none at the ends.
pub(crate) fn finish_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        let mut prev_space = false;
        for c in line.chars() {
            let space = c == ' ';
            if !(space && prev_space) {
                out.push(c);
            }
            prev_space = space;
        }
    }
    out
}
