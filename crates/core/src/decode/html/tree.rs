//! The tree builder: a forgiving one (implied end tags for `p`, `li`, `td` ...,
//! stray end tags ignored) that stores the nodes in document order, so every
//! subtree is a contiguous index range.

use super::classify::classify;
use super::tokenizer::{Token, Tokenizer};

#[derive(Debug)]
pub(super) enum Kind {
    Root,
    Elem { tag: Box<str>, marks: u8 },
    Text(usize, usize),
    Raw,
}

#[derive(Debug)]
pub(super) struct Node {
    pub(super) parent: usize,
    /// One past the last node of this subtree.
    pub(super) end: usize,
    pub(super) kind: Kind,
}

impl Node {
    pub(super) fn tag(&self) -> &str {
        match &self.kind {
            Kind::Elem { tag, .. } => tag,
            Kind::Root => "#root",
            _ => "",
        }
    }
    pub(super) fn marks(&self) -> u8 {
        match &self.kind {
            Kind::Elem { marks, .. } => *marks,
            _ => 0,
        }
    }
}

pub(super) const VOID: [&str; 16] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "basefont",
];

/// Start tags that close an open `<p>`.
pub(super) const CLOSES_P: [&str; 36] = [
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
pub(super) const MAX_SEARCH: usize = 256;

/// Elements an implied end tag never crosses.
pub(super) const SCOPE: [&str; 8] = ["#root", "html", "body", "table", "td", "th", "caption", "template"];

pub(super) fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

pub(super) struct Doc<'a> {
    pub(super) src: &'a str,
    pub(super) nodes: Vec<Node>,
}

impl<'a> Doc<'a> {
    pub(super) fn parse(src: &'a str) -> Self {
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
}

pub(super) fn close_to(nodes: &mut [Node], stack: &mut Vec<usize>, k: usize) {
    let len = nodes.len();
    while stack.len() > k {
        if let Some(n) = stack.pop() {
            nodes[n].end = len;
        }
    }
}

/// Close what a start tag `tag` implicitly ends.
pub(super) fn implied_close(nodes: &mut [Node], stack: &mut Vec<usize>, tag: &str) {
    /// The stack position of an open element in `want`, not crossing `stop`.
    pub(super) fn find(nodes: &[Node], stack: &[usize], want: &[&str], stop: &[&str]) -> Option<usize> {
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
