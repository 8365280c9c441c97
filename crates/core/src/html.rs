//! A small, tolerant HTML reader that reduces a web page to its article text.
//!
//! No HTML crate: a tag scanner (comments, doctype, raw-text elements such as
//! `<script>`, quoted attributes, stray `<`), a forgiving tree builder (implied
//! end tags for `p`, `li`, `td` ..., stray end tags ignored) that stores the
//! nodes in document order so every subtree is a contiguous index range, and
//! a few linear passes over that arena:
//!
//! 1. hidden content (`script`, `style`, `title`, `display:none` ...) is ignored;
//! 2. page furniture is dropped: `nav`, `header`, `footer`, `aside`, `form`,
//!    elements whose class/id says navigation, menu, footer, related links,
//!    breadcrumb, sidebar, share, copyright, links ..., and link-dense lists;
//! 3. if an `<article>`/`<main>` element or an element whose class/id marks the
//!    content (article, content, main, post, story, text ...) holds most of the
//!    remaining text, only it is kept (plus the title just before it: an
//!    `<h1>` or an element whose class/id says title);
//! 4. the text is written out with block elements as line breaks (paragraph
//!    elements as blank-line separated paragraphs), entities decoded, lines
//!    trimmed and runs of blank lines collapsed.
//!
//! Everything is linear in the size of the page.

/// Reduce an HTML page (already decoded to text, LF line ends) to its article text.
pub(crate) fn extract_text(src: &str) -> String {
    let doc = Doc::parse(src);
    let text = doc.extract(false);
    if !text.is_empty() {
        return text;
    }
    // Everything was judged furniture by class or link density (a page of
    // links, say): keep all text but what is hidden or in nav/header/footer/aside.
    doc.extract(true)
}

/// The encoding label declared by `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">` in `prefix`
/// (the first few KB of the page; non-ASCII bytes do not matter).
pub(crate) fn meta_charset(prefix: &str) -> Option<String> {
    let mut tokens = Tokenizer::new(prefix);
    while let Some(tok) = tokens.next() {
        let Token::Start { name, attrs, .. } = tok else {
            continue;
        };
        let name = &prefix[name.0..name.1];
        if name.eq_ignore_ascii_case("body") {
            break;
        }
        if !name.eq_ignore_ascii_case("meta") {
            continue;
        }
        let mut charset = None;
        let mut content = None;
        let mut content_type = false;
        for_each_attr(&prefix[attrs.0..attrs.1], |k, v| {
            if k.eq_ignore_ascii_case("charset") {
                charset = Some(v.trim().to_string());
            } else if k.eq_ignore_ascii_case("content") {
                content = Some(v.to_string());
            } else if k.eq_ignore_ascii_case("http-equiv") {
                content_type = v.trim().eq_ignore_ascii_case("content-type");
            }
        });
        if let Some(c) = charset.filter(|c| !c.is_empty()) {
            return Some(c);
        }
        if let (true, Some(content)) = (content_type, content)
            && let Some(c) = charset_from_content(&content)
        {
            return Some(c);
        }
    }
    None
}

fn charset_from_content(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + 7..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String =
        rest.chars().take_while(|c| !matches!(c, ';' | '"' | '\'' | ' ' | '\t' | '\n' | '\r')).collect();
    (!label.is_empty()).then_some(label)
}

/// Whether a text is an HTML document: after white space, comments and an XML
/// declaration it starts with `<!DOCTYPE html`, `<html` or `<head`.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let mut s = text.trim_start_matches('\u{feff}');
    loop {
        s = s.trim_start();
        if s.starts_with("<!--") {
            match s.find("-->") {
                Some(i) => s = &s[i + 3..],
                None => return false,
            }
        } else if s.starts_with("<?") {
            match s.find("?>") {
                Some(i) => s = &s[i + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let starts = |p: &str| s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let boundary = |p: &str| {
        starts(p) && s.as_bytes().get(p.len()).is_none_or(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
    };
    starts("<!doctype html") || boundary("<html") || boundary("<head")
}

// ---------------------------------------------------------------------------
// Tokenizer

#[derive(Debug, Clone, Copy)]
enum Token {
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
const RAW_TEXT: [&str; 9] =
    ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"];

struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after the start tag of a raw-text element: the name of its end tag.
    raw: Option<&'static str>,
}

impl<'a> Tokenizer<'a> {
    fn new(src: &'a str) -> Self {
        Tokenizer { src, pos: 0, raw: None }
    }

    fn next(&mut self) -> Option<Token> {
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

fn find_byte(b: &[u8], from: usize, needle: u8) -> usize {
    if from >= b.len() {
        return b.len();
    }
    b[from..].iter().position(|&c| c == needle).map_or(b.len(), |i| from + i)
}

fn find_seq(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
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
fn name_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    i
}

/// Scan the attributes of a tag from `from`: returns the end of the attribute
/// text (the position of the closing `>`) and the position after the tag.
fn scan_attrs(b: &[u8], from: usize) -> (usize, usize) {
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
fn after_equals(b: &[u8], from: usize, i: usize) -> bool {
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
fn for_each_attr(s: &str, mut f: impl FnMut(&str, &str)) {
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
fn find_raw_end(b: &[u8], from: usize, name: &str) -> usize {
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

// ---------------------------------------------------------------------------
// Tree

const HIDDEN: u8 = 1;
const FURNITURE: u8 = 2;
const CONTENT: u8 = 4;
const TITLE: u8 = 8;

#[derive(Debug)]
enum Kind {
    Root,
    Elem { tag: Box<str>, marks: u8 },
    Text(usize, usize),
    Raw,
}

#[derive(Debug)]
struct Node {
    parent: usize,
    /// One past the last node of this subtree.
    end: usize,
    kind: Kind,
}

impl Node {
    fn tag(&self) -> &str {
        match &self.kind {
            Kind::Elem { tag, .. } => tag,
            Kind::Root => "#root",
            _ => "",
        }
    }
    fn marks(&self) -> u8 {
        match &self.kind {
            Kind::Elem { marks, .. } => *marks,
            _ => 0,
        }
    }
}

const VOID: [&str; 16] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "basefont",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: [&str; 36] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// How deep into the open elements an end tag looks for its start tag.
const MAX_SEARCH: usize = 256;

/// Elements an implied end tag never crosses.
const SCOPE: [&str; 8] = ["#root", "html", "body", "table", "td", "th", "caption", "template"];

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

struct Doc<'a> {
    src: &'a str,
    nodes: Vec<Node>,
}

impl<'a> Doc<'a> {
    fn parse(src: &'a str) -> Self {
        let mut nodes = vec![Node { parent: usize::MAX, end: 0, kind: Kind::Root }];
        let mut stack: Vec<usize> = vec![0];
        let mut tokens = Tokenizer::new(src);
        while let Some(tok) = tokens.next() {
            let parent = *stack.last().unwrap_or(&0);
            match tok {
                Token::Text(s, e) => {
                    let i = nodes.len();
                    nodes.push(Node { parent, end: i + 1, kind: Kind::Text(s, e) });
                }
                Token::Raw => {
                    let i = nodes.len();
                    nodes.push(Node { parent, end: i + 1, kind: Kind::Raw });
                }
                Token::Start { name, attrs, self_closing } => {
                    let tag = src[name.0..name.1].to_ascii_lowercase();
                    implied_close(&mut nodes, &mut stack, &tag);
                    let parent = *stack.last().unwrap_or(&0);
                    let marks = classify(&src[attrs.0..attrs.1]);
                    let i = nodes.len();
                    let void = VOID.contains(&tag.as_str());
                    nodes.push(Node { parent, end: i + 1, kind: Kind::Elem { tag: tag.into_boxed_str(), marks } });
                    // A self-closing `<div/>` is closed at once (XHTML); a raw-text
                    // element's content follows as one token and its end tag closes it.
                    if !void && !self_closing {
                        stack.push(i);
                    }
                }
                Token::End { name } => {
                    let tag = src[name.0..name.1].to_ascii_lowercase();
                    if tag == "br" {
                        // `</br>` is a line break, as browsers read it.
                        let i = nodes.len();
                        nodes.push(Node { parent, end: i + 1, kind: Kind::Elem { tag: "br".into(), marks: 0 } });
                        continue;
                    }
                    // A stray end tag is ignored; the search is bounded so that a
                    // page of unclosed tags stays linear.
                    let floor = stack.len().saturating_sub(MAX_SEARCH).max(1);
                    if let Some(k) = (floor..stack.len()).rev().find(|&k| nodes[stack[k]].tag() == tag) {
                        close_to(&mut nodes, &mut stack, k);
                    }
                }
            }
        }
        close_to(&mut nodes, &mut stack, 1);
        nodes[0].end = nodes.len();
        Doc { src, nodes }
    }

    /// The article text; `relaxed` drops only hidden content and the
    /// semantic furniture elements (no class/id or link-density judgements,
    /// no choice of a content element).
    fn extract(&self, relaxed: bool) -> String {
        let n = self.nodes.len();
        let nodes = &self.nodes;

        // Pass 1 (forward): hidden content and links.
        let mut hidden = vec![false; n];
        let mut in_link = vec![false; n];
        let mut in_article = vec![false; n];
        for i in 1..n {
            let p = nodes[i].parent;
            let tag = nodes[i].tag();
            hidden[i] = hidden[p]
                || matches!(nodes[i].kind, Kind::Raw)
                || matches!(
                    tag,
                    "script"
                        | "style"
                        | "noscript"
                        | "title"
                        | "template"
                        | "iframe"
                        | "svg"
                        | "math"
                        | "textarea"
                        | "select"
                        | "button"
                        | "object"
                        | "canvas"
                        | "noembed"
                        | "noframes"
                        | "datalist"
                        | "audio"
                        | "video"
                        | "map"
                );
            in_link[i] = in_link[p] || tag == "a";
            in_article[i] = in_article[p] || tag == "article";
        }

        // Pass 2 (backward): visible text per subtree.
        let stats = self.stats(&hidden, &in_link);
        let total = stats[0].chars.max(1);

        // Pass 3 (forward): furniture.
        let mut dropped = hidden.clone();
        {
            for i in 1..n {
                if dropped[i] {
                    continue;
                }
                if dropped[nodes[i].parent] {
                    dropped[i] = true;
                    continue;
                }
                let Kind::Elem { tag, marks } = &nodes[i].kind else {
                    continue;
                };
                let st = &stats[i];
                let minor = st.chars * 2 < total;
                let drop = match &**tag {
                    "nav" | "footer" | "aside" => true,
                    "header" => !in_article[i],
                    "form" => minor,
                    _ => false,
                } || (!relaxed && marks & (FURNITURE | HIDDEN) != 0 && minor)
                    || !relaxed
                        && match &**tag {
                            "ul" | "ol" | "dl" | "menu" => st.chars > 0 && st.link_chars * 2 > st.chars,
                            "div" | "table" | "tbody" | "tr" | "td" | "p" | "section" | "span" | "center" | "font" => {
                                st.links >= 3 && st.link_chars * 10 > st.chars * 7
                            }
                            _ => false,
                        };
                dropped[i] = drop;
            }
        }

        // Pass 4: pick the content element.
        let mut root = 0;
        let mut title = None;
        if !relaxed {
            let clean = self.stats(&dropped, &in_link);
            let body_text = clean[0].chars.saturating_sub(clean[0].link_chars);
            let candidates: Vec<(usize, usize)> = (1..n)
                .filter(|&i| !dropped[i])
                .filter(|&i| {
                    let tag = nodes[i].tag();
                    tag == "article" || tag == "main" || nodes[i].marks() & CONTENT != 0
                })
                .map(|i| (i, clean[i].chars.saturating_sub(clean[i].link_chars)))
                .filter(|&(i, text)| text > 0 && clean[i].link_chars * 2 <= clean[i].chars)
                .collect();
            let best = candidates.iter().map(|c| c.1).max().unwrap_or(0);
            if best > 0 && best * 10 >= body_text * 3 {
                // The innermost candidate that still holds most of the best one's text.
                let good: Vec<(usize, usize)> = candidates.into_iter().filter(|c| c.1 * 10 >= best * 8).collect();
                let mut pick = None;
                for (k, &(i, text)) in good.iter().enumerate() {
                    let has_inner = good.get(k + 1).is_some_and(|&(j, _)| j < nodes[i].end);
                    if !has_inner && pick.is_none_or(|(_, t)| text > t) {
                        pick = Some((i, text));
                    }
                }
                if let Some((i, _)) = pick {
                    root = i;
                }
            }
            if root != 0 && clean[root].h1 == 0 {
                // The title is often just before the content element: the
                // nearest `<h1>` or element whose class/id says title, if it
                // is a short line without links.
                title = (1..root).rev().find(|&i| {
                    !dropped[i]
                        && (nodes[i].tag() == "h1" || nodes[i].marks() & TITLE != 0)
                        && nodes[i].end <= root
                        && (1..=200).contains(&clean[i].chars)
                        && clean[i].links == 0
                });
            }
        }

        let mut w = Writer::default();
        if let Some(h) = title {
            self.write(&mut w, h, &dropped);
            w.brk(2);
        }
        self.write(&mut w, root, &dropped);
        finish_lines(&w.out)
    }

    fn stats(&self, skip: &[bool], in_link: &[bool]) -> Vec<Stats> {
        let n = self.nodes.len();
        let mut st = vec![Stats::default(); n];
        for i in (1..n).rev() {
            if skip[i] {
                continue;
            }
            let node = &self.nodes[i];
            match &node.kind {
                Kind::Text(s, e) => {
                    let c = text_weight(&self.src[*s..*e]);
                    st[i].chars += c;
                    if in_link[i] {
                        st[i].link_chars += c;
                    }
                }
                Kind::Elem { tag, marks } => {
                    if &**tag == "a" {
                        st[i].links += 1;
                    } else if &**tag == "h1" || marks & TITLE != 0 {
                        st[i].h1 += 1;
                    }
                }
                _ => {}
            }
            let s = st[i];
            let p = &mut st[node.parent];
            p.chars += s.chars;
            p.link_chars += s.link_chars;
            p.links += s.links;
            p.h1 += s.h1;
        }
        st
    }

    /// Write the text of the subtree at `root`.
    fn write(&self, w: &mut Writer, root: usize, dropped: &[bool]) {
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

fn close_to(nodes: &mut [Node], stack: &mut Vec<usize>, k: usize) {
    let len = nodes.len();
    while stack.len() > k {
        if let Some(n) = stack.pop() {
            nodes[n].end = len;
        }
    }
}

/// Close what a start tag `tag` implicitly ends.
fn implied_close(nodes: &mut [Node], stack: &mut Vec<usize>, tag: &str) {
    /// The stack position of an open element in `want`, not crossing `stop`.
    fn find(nodes: &[Node], stack: &[usize], want: &[&str], stop: &[&str]) -> Option<usize> {
        let floor = stack.len().saturating_sub(MAX_SEARCH).max(1);
        for k in (floor..stack.len()).rev() {
            let t = nodes[stack[k]].tag();
            if want.contains(&t) {
                return Some(k);
            }
            if stop.contains(&t) {
                return None;
            }
        }
        None
    }
    const LIST: [&str; 11] = ["#root", "html", "body", "table", "td", "th", "caption", "template", "ul", "ol", "menu"];
    const DL: [&str; 9] = ["#root", "html", "body", "table", "td", "th", "caption", "template", "dl"];
    const SELECT: [&str; 9] = ["#root", "html", "body", "table", "td", "th", "caption", "template", "select"];
    if CLOSES_P.contains(&tag)
        && let Some(k) = find(nodes, stack, &["p"], &SCOPE)
    {
        close_to(nodes, stack, k);
    }
    let close = match tag {
        // Page content closes a `<head>` left open.
        "title" | "meta" | "link" | "script" | "style" | "base" | "noscript" | "template" => None,
        // (`<head>` is opened at the top, under the root or `<html>`.)
        _ if stack.iter().skip(1).take(2).any(|&n| nodes[n].tag() == "head") => find(nodes, stack, &["head"], &[]),
        "li" => find(nodes, stack, &["li"], &LIST),
        "dt" | "dd" => find(nodes, stack, &["dt", "dd"], &DL),
        "tr" => find(nodes, stack, &["tr"], &["#root", "template", "table", "tbody", "thead", "tfoot"]),
        "td" | "th" => find(nodes, stack, &["td", "th"], &["#root", "template", "table", "tr"]),
        "tbody" | "thead" | "tfoot" => {
            find(nodes, stack, &["tbody", "thead", "tfoot"], &["#root", "template", "table"])
        }
        "option" | "optgroup" => find(nodes, stack, &["option"], &SELECT),
        "a" => find(nodes, stack, &["a"], &SCOPE),
        t if is_heading(t) => {
            let top = stack.len() - 1;
            (top > 0 && is_heading(nodes[stack[top]].tag())).then_some(top)
        }
        _ => None,
    };
    if let Some(k) = close {
        close_to(nodes, stack, k);
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    chars: usize,
    link_chars: usize,
    links: usize,
    /// `<h1>` elements and elements whose class/id says title.
    h1: usize,
}

/// Approximate visible length: non-blank characters, an entity counting as one
/// (`&nbsp;` as none).
fn text_weight(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'&' {
            let semi = b[i + 1..b.len().min(i + 12)].iter().position(|&x| x == b';');
            if let Some(k) = semi {
                if !b[i + 1..i + 1 + k].eq_ignore_ascii_case(b"nbsp") {
                    n += 1;
                }
                i += k + 2;
                continue;
            }
            n += 1;
        } else if c & 0xC0 != 0x80 && !c.is_ascii_whitespace() {
            n += 1;
        }
        i += 1;
    }
    n
}

/// What an element does to the text flow: 0 inline, 1 line break, 2 paragraph break.
fn break_kind(tag: &str) -> u8 {
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

/// Marks from an element's attributes: hidden, furniture (class/id/role), content.
fn classify(attrs: &str) -> u8 {
    if attrs.trim().is_empty() {
        return 0;
    }
    let mut marks = 0;
    let mut names = String::new();
    for_each_attr(attrs, |k, v| {
        if k.eq_ignore_ascii_case("class") || k.eq_ignore_ascii_case("id") {
            names.push(' ');
            names.push_str(v);
        } else if k.eq_ignore_ascii_case("style") {
            let s: String = v.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            if s.contains("display:none") || s.contains("visibility:hidden") {
                marks |= HIDDEN;
            }
        } else if k.eq_ignore_ascii_case("hidden") {
            marks |= HIDDEN;
        } else if k.eq_ignore_ascii_case("role") {
            match v.trim().to_ascii_lowercase().as_str() {
                "navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "menubar" => marks |= FURNITURE,
                "main" | "article" => marks |= CONTENT,
                _ => {}
            }
        }
    });
    if !names.is_empty() {
        marks |= classify_names(&names);
    }
    marks
}

/// Furniture words found anywhere in a class/id.
const FURNITURE_SUBSTR: [&str; 18] = [
    "footer",
    "related",
    "breadcrumb",
    "crumb",
    "sidebar",
    "copyright",
    "share",
    "comment",
    "navbar",
    "navigation",
    "menu",
    "recommend",
    "advert",
    "toolbar",
    "pagination",
    "links",
    "friendlink",
    "bottom",
];

/// Content words: whole class/id tokens.
const CONTENT_TOKENS: [&str; 16] = [
    "article", "content", "contents", "main", "post", "story", "text", "entry", "detail", "zoom", "zw", "artibody",
    "body", "trs", "maintext", "newstext",
];

fn classify_names(names: &str) -> u8 {
    let lower = names.to_ascii_lowercase();
    if FURNITURE_SUBSTR.iter().any(|w| lower.contains(w)) {
        return FURNITURE;
    }
    let mut content = false;
    let mut title = false;
    for token in split_tokens(names) {
        let t = token.as_str();
        title |= t == "tit" || t.starts_with("title") || t.ends_with("title");
        let furniture = t == "nav"
            || t.starts_with("nav")
            || t.ends_with("nav")
            || t == "foot"
            || (t.starts_with("foot") && !t.starts_with("footnote"))
            || t == "side"
            || t == "ad"
            || t == "ads"
            || t.starts_with("adsby")
            || t == "banner"
            || matches!(t, "xgxw" | "xgyd" | "xgwz" | "xglj");
        if furniture {
            return FURNITURE;
        }
        content |= CONTENT_TOKENS.contains(&t)
            || t.starts_with("article")
            || t.starts_with("content")
            || t.ends_with("content")
            || t.ends_with("article");
    }
    if title {
        TITLE
    } else if content {
        CONTENT
    } else {
        0
    }
}

/// Split a class/id list into lower-case words at non-alphanumerics and camelCase humps.
fn split_tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

// ---------------------------------------------------------------------------
// Output

#[derive(Default)]
struct Writer {
    out: String,
    /// A pending break: 0 none, 1 line, 2 paragraph.
    pending: u8,
    buf: String,
}

impl Writer {
    fn brk(&mut self, kind: u8) {
        self.pending = self.pending.max(kind);
    }

    fn newline(&mut self) {
        self.flush();
        self.out.push('\n');
    }

    fn space(&mut self) {
        if !self.out.ends_with([' ', '\n']) {
            self.out.push(' ');
        }
    }

    fn flush(&mut self) {
        if self.pending > 0 {
            if !self.out.is_empty() {
                self.out.push_str(if self.pending == 2 { "\n\n" } else { "\n" });
            }
            self.pending = 0;
        }
    }

    fn text(&mut self, raw: &str, pre: bool) {
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
fn collapse_into(s: &str, out: &mut String) {
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

fn is_cjk(c: char) -> bool {
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

// ---------------------------------------------------------------------------
// Entities

/// Append `s` with character references (`&amp;`, `&#20013;`, `&#x4E2D;` ...) decoded.
pub(crate) fn decode_entities_into(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == b'&') {
        let amp = i + k;
        out.push_str(&s[last..amp]);
        let (decoded, len) = entity_at(&b[amp + 1..]);
        match decoded {
            Some(c) => {
                out.push(c);
                last = amp + 1 + len;
            }
            None => {
                out.push('&');
                last = amp + 1;
            }
        }
        i = last;
    }
    out.push_str(&s[last..]);
}

/// Decode the reference after a `&`: the character and the bytes consumed.
fn entity_at(b: &[u8]) -> (Option<char>, usize) {
    if b.first() == Some(&b'#') {
        let (hex, start) = match b.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut i = start;
        let mut value: u32 = 0;
        while i < b.len() {
            let d = match (hex, b[i]) {
                (_, c @ b'0'..=b'9') => (c - b'0') as u32,
                (true, c @ b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, c @ b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
            i += 1;
        }
        if i == start {
            return (None, 0);
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        return (Some(numeric_char(value)), i);
    }
    let mut i = 0;
    while i < b.len() && i < 32 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == 0 {
        return (None, 0);
    }
    let name = std::str::from_utf8(&b[..i]).unwrap_or("");
    if b.get(i) == Some(&b';')
        && let Some(c) = named_entity(name)
    {
        return (Some(c), i + 1);
    }
    // A few old names work without the semicolon.
    for legacy in ["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"] {
        if name.starts_with(legacy) {
            return (named_entity(legacy), legacy.len());
        }
    }
    (None, 0)
}

fn numeric_char(v: u32) -> char {
    const CP1252: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match v {
        0 => '\u{fffd}',
        0x80..=0x9F => char::from_u32(CP1252[(v - 0x80) as usize] as u32).unwrap_or('\u{fffd}'),
        _ => char::from_u32(v).unwrap_or('\u{fffd}'),
    }
}

/// Latin-1 entity names for U+00A0..=U+00FF, in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
    "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
    "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
    "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
    "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
    "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
    "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
    "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// Greek letter names for U+03B1..=U+03C9 (small) and U+0391..=U+03A9 (capital);
/// "" marks U+03A2, which has no capital (`sigmaf` is handled by name).
const GREEK: [&str; 25] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi",
    "omicron", "pi", "rho", "", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
];

fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "sbquo" => '\u{201A}',
        "bdquo" => '\u{201E}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" | "mldr" => '\u{2026}',
        "bull" | "bullet" => '\u{2022}',
        "centerdot" => '\u{B7}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "dagger" => '\u{2020}',
        "Dagger" => '\u{2021}',
        "permil" => '\u{2030}',
        "prime" => '\u{2032}',
        "Prime" => '\u{2033}',
        "lsaquo" => '\u{2039}',
        "rsaquo" => '\u{203A}',
        "oline" => '\u{203E}',
        "frasl" => '\u{2044}',
        "euro" => '\u{20AC}',
        "trade" | "TRADE" => '\u{2122}',
        "larr" => '\u{2190}',
        "uarr" => '\u{2191}',
        "rarr" => '\u{2192}',
        "darr" => '\u{2193}',
        "harr" => '\u{2194}',
        "lArr" => '\u{21D0}',
        "uArr" => '\u{21D1}',
        "rArr" => '\u{21D2}',
        "dArr" => '\u{21D3}',
        "hArr" => '\u{21D4}',
        "minus" => '\u{2212}',
        "lowast" => '\u{2217}',
        "radic" => '\u{221A}',
        "infin" => '\u{221E}',
        "asymp" => '\u{2248}',
        "ne" => '\u{2260}',
        "equiv" => '\u{2261}',
        "le" => '\u{2264}',
        "ge" => '\u{2265}',
        "sum" => '\u{2211}',
        "prod" => '\u{220F}',
        "sdot" => '\u{22C5}',
        "there4" => '\u{2234}',
        "loz" => '\u{25CA}',
        "spades" => '\u{2660}',
        "clubs" => '\u{2663}',
        "hearts" => '\u{2665}',
        "diams" => '\u{2666}',
        "star" => '\u{2606}',
        "starf" => '\u{2605}',
        "check" => '\u{2713}',
        "cross" => '\u{2717}',
        "lang" => '\u{27E8}',
        "rang" => '\u{27E9}',
        "OElig" => '\u{152}',
        "oelig" => '\u{153}',
        "Scaron" => '\u{160}',
        "scaron" => '\u{161}',
        "Yuml" => '\u{178}',
        "fnof" => '\u{192}',
        "circ" => '\u{2C6}',
        "tilde" => '\u{2DC}',
        "sigmaf" => '\u{3C2}',
        "Tab" => '\t',
        "NewLine" => '\n',
        "excl" => '!',
        "num" => '#',
        "dollar" => '$',
        "percnt" => '%',
        "lpar" => '(',
        "rpar" => ')',
        "ast" => '*',
        "plus" => '+',
        "comma" => ',',
        "period" => '.',
        "sol" => '/',
        "colon" => ':',
        "semi" => ';',
        "equals" => '=',
        "quest" => '?',
        "commat" => '@',
        "lsqb" | "lbrack" => '[',
        "bsol" => '\\',
        "rsqb" | "rbrack" => ']',
        "lowbar" => '_',
        "grave" => '`',
        "lcub" | "lbrace" => '{',
        "verbar" | "vert" => '|',
        "rcub" | "rbrace" => '}',
        "hyphen" | "dash" => '\u{2010}',
        "COPY" => '\u{A9}',
        "REG" => '\u{AE}',
        "half" => '\u{BD}',
        _ => return latin1_or_greek(name),
    };
    Some(c)
}

fn latin1_or_greek(name: &str) -> Option<char> {
    if let Some(k) = LATIN1.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + k as u32);
    }
    let first = *name.as_bytes().first()?;
    let base = if first.is_ascii_uppercase() { 0x391 } else { 0x3B1 };
    let k = GREEK.iter().position(|g| {
        !g.is_empty() && g.len() == name.len() && g.as_bytes()[0] == first.to_ascii_lowercase() && g[1..] == name[1..]
    })?;
    char::from_u32(base + k as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        let mut s = String::new();
        decode_entities_into(
            "&lt;a&gt; &amp; &quot;x&quot; &ldquo;中&rdquo;&mdash;&hellip;&middot;&#20013;&#x4E2D;&#X56FD;&nbsp;&copy2020 &bogus; & a &alpha;&Omega;&eacute;&#150;",
            &mut s,
        );
        assert_eq!(s, "<a> & \"x\" “中”—…·中中国\u{a0}©2020 &bogus; & a αΩé–");
    }

    #[test]
    fn tokens() {
        assert_eq!(split_tokens("mainNav footer_links"), ["main", "nav", "footer", "links"]);
        assert_eq!(classify_names("article-content"), CONTENT);
        assert_eq!(classify_names("topnav"), FURNITURE);
        assert_eq!(classify_names("unavailable"), 0);
        assert_eq!(classify_names("footnotes"), 0);
        assert_eq!(classify_names("article-title"), TITLE);
        assert_eq!(classify_names("TRS_Editor"), CONTENT);
    }

    #[test]
    fn tolerant_markup() {
        let t = extract_text("<p>a < b<p>c<div class=x title='it>s'>d</span></div><br/>e</br>f<!-- g --><![CDATA[h]]>");
        assert_eq!(t, "a < b\n\nc\n\nd\n\ne\nf");
        let t = extract_text("<ul><li>one<li>two</ul><table><tr><td>x<td>y<tr><td>z</table>");
        assert_eq!(t, "one\ntwo\n\nx y\nz");
    }

    #[test]
    fn cjk_source_line_breaks_vanish() {
        assert_eq!(extract_text("<p>中文\n  文字 abc\n def</p>"), "中文文字 abc def");
    }

    #[test]
    fn meta() {
        assert_eq!(meta_charset("<html><head><meta charset=\"gb2312\">").as_deref(), Some("gb2312"));
        assert_eq!(
            meta_charset("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=big5'>").as_deref(),
            Some("big5")
        );
        assert_eq!(meta_charset("<meta name=x content='charset=gbk'>"), None);
    }

    #[test]
    fn sniff() {
        assert!(looks_like_html("\u{feff}\n <!DOCTYPE html><p>"));
        assert!(looks_like_html("<?xml version='1.0'?>\n<!-- x --><html xmlns='...'>"));
        assert!(!looks_like_html("<htmlish>"));
        assert!(!looks_like_html("正文 <html>"));
    }
}
