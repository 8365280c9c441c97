//! Readability: which parts of the tree are the article. Hidden content and
//! page furniture are dropped; an element that holds most of the remaining text
//! and says it is the content is kept alone (with the title before it).

use super::classify::{CONTENT, FURNITURE, HIDDEN, TITLE};
use super::tree::{Doc, Kind};
use super::writer::{Writer, finish_lines};

impl Doc<'_> {
    /// The article text; `relaxed` drops only hidden content and the
    /// semantic furniture elements (no class/id or link-density judgements,
    /// no choice of a content element).
    pub(super) fn extract(&self, relaxed: bool) -> String {
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

    pub(super) fn stats(&self, skip: &[bool], in_link: &[bool]) -> Vec<Stats> {
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
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Stats {
    chars: usize,
    link_chars: usize,
    links: usize,
    /// `<h1>` elements and elements whose class/id says title.
    h1: usize,
}

/// Approximate visible length: non-blank characters, an entity counting as one
/// (`&nbsp;` as none).
pub(super) fn text_weight(s: &str) -> usize {
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
