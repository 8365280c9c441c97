//! A small, tolerant HTML reader that reduces a web page to its article text.
//!
//! No HTML crate: a tokenizer that follows the HTML standard's states for
//! comments, raw text, attributes and character references (the full table
//! of named ones), a forgiving tree builder (implied
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

mod classify;
#[cfg(test)]
mod differential;
mod entities;
mod named;
mod readability;
mod tokenizer;
mod tree;
mod writer;

pub(crate) use entities::decode_entities_into;
use tokenizer::{Token, Tokenizer, for_each_attr};
use tree::Doc;
pub(crate) use writer::finish_lines;

#[cfg(test)]
mod tests {
    use super::*;

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
