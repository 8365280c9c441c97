//! What an element's attributes say it is: hidden, page furniture (navigation,
//! footer, related links ...), the content, or a title.

use super::tokenizer::for_each_attr;

pub(super) const HIDDEN: u8 = 1;
pub(super) const FURNITURE: u8 = 2;
pub(super) const CONTENT: u8 = 4;
pub(super) const TITLE: u8 = 8;

/// Marks from an element's attributes: hidden, furniture (class/id/role), content.
pub(super) fn classify(attrs: &str) -> u8 {
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
pub(super) const FURNITURE_SUBSTR: [&str; 18] = [
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
pub(super) const CONTENT_TOKENS: [&str; 16] = [
    "article", "content", "contents", "main", "post", "story", "text", "entry", "detail", "zoom", "zw", "artibody",
    "body", "trs", "maintext", "newstext",
];

pub(super) fn classify_names(names: &str) -> u8 {
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
pub(super) fn split_tokens(s: &str) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
