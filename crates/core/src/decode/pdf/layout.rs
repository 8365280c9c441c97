//! From positioned glyphs to text: lines, paragraphs and table rows in reading
//! order, without running heads, page numbers and footnote markers.
//!
//! - A line is the glyphs on one baseline, left to right; a gap wider than a
//!   character becomes a tab (table cells, columns of figures), a narrower
//!   visible gap a space.
//! - Footnote markers (digits set smaller or raised next to the text) are
//!   dropped, so `1761.48¹` does not become another number.
//! - Lines in the top and bottom margins that repeat on several pages (with
//!   their numbers ignored), and lone page numbers there (`3`, `- 3 -`,
//!   `第3页`, `3/12`), are running heads and feet: dropped.
//! - A line that runs to the right edge of the text continues on the next
//!   line unless that one is indented (a new paragraph), a table row, or set in
//!   another size: the two are joined with no line break (with a space only
//!   between two Latin letters or digits), also across a page break, so a
//!   figure broken over two lines (`969.57` / `万人`) is whole again.

use super::glyphs::{Glyph, Page};
use std::collections::HashMap;

/// One line of text as laid out on a page.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    /// Left and right ends, baseline (y downwards) and the main glyph size.
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    /// Has a gap wider than a character: a table row or columns.
    cells: bool,
}

/// A page's lines, with the page's size.
pub(super) struct PageLines {
    height: f64,
    lines: Vec<Line>,
}

/// One page's glyphs as lines, without its footnote markers.
pub(super) fn lay_out(page: &Page) -> PageLines {
    PageLines { height: page.height, lines: lines(&drop_markers(&page.glyphs)) }
}

/// The whole text of the laid-out pages, without running heads and feet.
pub(super) fn join(mut laid: Vec<PageLines>) -> String {
    drop_running_heads(&mut laid);
    paragraphs(&laid)
}

fn is_marker_text(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || "*†‡¹²³⁰⁴⁵⁶⁷⁸⁹①②③④⑤⑥⑦⑧⑨⑩[]".contains(c))
}

/// The glyphs less footnote markers: digits (and `*`, `①` …) smaller than, or
/// raised above, the text drawn just before or after them.
fn drop_markers(glyphs: &[Glyph]) -> Vec<&Glyph> {
    let text_like = |g: &Glyph| !is_marker_text(&g.text) && !g.text.trim().is_empty();
    let mut keep = vec![true; glyphs.len()];
    for (i, g) in glyphs.iter().enumerate() {
        if !is_marker_text(&g.text) {
            continue;
        }
        let before = glyphs[..i].iter().rev().take(8).find(|h| text_like(h));
        let after = glyphs[i + 1..].iter().take(8).find(|h| text_like(h));
        let Some(body) = before.or(after) else { continue };
        // Only next to text on the same line (not the first digit of a new line).
        if (body.y - g.y).abs() > body.size {
            continue;
        }
        let smaller = g.size < body.size * 0.8;
        let raised = body.y - g.y > body.size * 0.2;
        keep[i] = !(smaller || raised);
    }
    glyphs.iter().zip(keep).filter(|(_, k)| *k).map(|(g, _)| g).collect()
}

/// The glyphs grouped into lines, top to bottom.
fn lines(glyphs: &[&Glyph]) -> Vec<Line> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().copied().filter(|g| g.size > 0.0 && !g.text.is_empty()).collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    let mut base = f64::NEG_INFINITY;
    for g in sorted {
        match groups.last_mut() {
            Some(group) if g.y - base <= g.size * 0.4 => group.push(g),
            _ => {
                base = g.y;
                groups.push(vec![g]);
            }
        }
    }
    groups.into_iter().filter_map(line).collect()
}

fn line(mut glyphs: Vec<&Glyph>) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    // Bold is sometimes drawn twice, slightly shifted: keep one copy.
    glyphs.dedup_by(|b, a| a.text == b.text && (a.x - b.x).abs() < a.size * 0.2);
    let size = median(glyphs.iter().filter(|g| !g.text.trim().is_empty()).map(|g| g.size))?;
    let mut text = String::new();
    let mut cells = false;
    let mut prev: Option<&Glyph> = None;
    let mut x0 = None;
    let mut x1 = 0.0f64;
    for &g in &glyphs {
        if g.text.trim().is_empty() {
            // A drawn space: the gap to the next glyph decides.
            continue;
        }
        if let Some(p) = prev {
            let gap = g.x - (p.x + advance(p));
            let cjk = is_cjk(&p.text) || is_cjk(&g.text);
            if gap > size * 1.2 {
                text.push('\t');
                cells = true;
            } else if gap > size * if cjk { 0.4 } else { 0.2 } {
                // Between Chinese and a number a narrow gap is only spacing
                // (`1761.48 万人`), not a word break.
                text.push(' ');
            }
        }
        x0.get_or_insert(g.x);
        text.push_str(&g.text);
        x1 = x1.max(g.x + advance(g));
        prev = Some(g);
    }
    Some(Line { text, x0: x0?, x1, y: glyphs[0].y, size, cells })
}

/// A glyph's advance width; digits are never wider than 0.6 em (some fonts
/// give no widths, and the interpreter then assumes a full em).
fn advance(g: &Glyph) -> f64 {
    if g.text.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') { g.width.min(g.size * 0.6) } else { g.width }
}

/// Chinese, Japanese or Korean characters, or full-width punctuation.
fn is_cjk(t: &str) -> bool {
    t.chars().any(|c| c as u32 >= 0x2E80)
}

fn median(xs: impl Iterator<Item = f64>) -> Option<f64> {
    let mut v: Vec<f64> = xs.collect();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied()
}

/// How much of the page's height at the top and at the bottom is margin, where
/// running heads and page numbers sit.
const MARGIN: f64 = 0.1;

fn in_margin(line: &Line, height: f64) -> bool {
    line.y < height * MARGIN || line.y > height * (1.0 - MARGIN)
}

/// The text with digits and spaces left out: running heads differ by their
/// page number only.
fn shape(text: &str) -> String {
    text.chars().filter(|c| !c.is_ascii_digit() && !c.is_whitespace()).collect()
}

fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '·' | '•'));
    let t = t.strip_prefix('第').and_then(|t| t.strip_suffix('页')).unwrap_or(t);
    let t = t.strip_prefix("Page").or_else(|| t.strip_prefix("page")).unwrap_or(t);
    let digits_or_slash = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match t.split_once(['/', '/']) {
        Some((a, b)) => digits_or_slash(a) && digits_or_slash(b),
        None => digits_or_slash(t) && t.len() <= 4,
    }
}

fn drop_running_heads(pages: &mut [PageLines]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in pages.iter() {
        let mut shapes: Vec<String> =
            p.lines.iter().filter(|l| in_margin(l, p.height)).map(|l| shape(&l.text)).collect();
        shapes.sort();
        shapes.dedup();
        for s in shapes {
            *seen.entry(s).or_default() += 1;
        }
    }
    let several = pages.len() >= 2;
    let repeated = |s: &str| several && seen.get(s).copied().unwrap_or(0) >= 2;
    for p in pages.iter_mut() {
        let h = p.height;
        p.lines.retain(|l| !(in_margin(l, h) && (is_page_number(&l.text) || repeated(&shape(&l.text)))));
    }
}

/// The lines as paragraphs: continued lines joined, one paragraph a line.
fn paragraphs(pages: &[PageLines]) -> String {
    let mut out = String::new();
    let mut prev: Option<(&Line, f64, f64)> = None; // the last line, its page's left and right text edges
    for p in pages {
        let (left, right) = edges(&p.lines);
        for (i, l) in p.lines.iter().enumerate() {
            let joined = match prev {
                Some((last, _, last_right)) => {
                    let same_page = i > 0;
                    let close = !same_page || l.y - last.y <= last.size * 2.5;
                    !last.cells
                        && !l.cells
                        && close
                        && (l.size - last.size).abs() <= last.size * 0.15
                        && last.x1 >= last_right - last.size * 1.5
                        && l.x0 <= left + l.size * 0.8
                }
                None => false,
            };
            if joined {
                if out.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && l.text.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    out.push(' ');
                }
            } else if prev.is_some() {
                out.push('\n');
            }
            out.push_str(&l.text);
            prev = Some((l, left, right));
        }
    }
    out.push('\n');
    out
}

/// Where the page's text starts and ends on the left and right: the leftmost
/// start and rightmost end of its lines, ignoring the odd line that sticks out.
fn edges(lines: &[Line]) -> (f64, f64) {
    let mut starts: Vec<f64> = lines.iter().map(|l| l.x0).collect();
    let mut ends: Vec<f64> = lines.iter().map(|l| l.x1).collect();
    starts.sort_by(f64::total_cmp);
    ends.sort_by(f64::total_cmp);
    let left = starts.get(starts.len() / 10).copied().unwrap_or(0.0);
    let right = ends.get(ends.len() - ends.len() / 10 - usize::from(!ends.is_empty())).copied().unwrap_or(0.0);
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pages: &[Page]) -> String {
        join(pages.iter().map(lay_out).collect())
    }

    fn glyphs(s: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, c)| {
                let w = if c.is_ascii() { size * 0.5 } else { size };
                let x = x + s.chars().take(i).map(|c| if c.is_ascii() { size * 0.5 } else { size }).sum::<f64>();
                Glyph { text: c.to_string().as_str().into(), x, y, width: w, size }
            })
            .collect()
    }

    fn page(rows: &[(&str, f64, f64, f64)]) -> Page {
        Page { height: 800.0, glyphs: rows.iter().flat_map(|(s, x, y, size)| glyphs(s, *x, *y, *size)).collect() }
    }

    #[test]
    fn a_figure_broken_over_two_lines_is_joined() {
        let p = page(&[
            ("　　全市常住人口为一千万人其中女性人口为969.57", 100.0, 200.0, 10.0),
            ("万人，比上年增长。", 100.0, 215.0, 10.0),
            ("　　第二段。", 100.0, 230.0, 10.0),
        ]);
        // The first line reaches the right edge: it is the widest.
        assert_eq!(text(&[p]), "全市常住人口为一千万人其中女性人口为969.57万人，比上年增长。\n第二段。\n");
    }

    #[test]
    fn running_heads_page_numbers_and_markers_are_dropped() {
        let mut pages = Vec::new();
        for n in 1..=3 {
            let mut g = glyphs("深圳市社会性别统计报告", 200.0, 40.0, 9.0);
            g.extend(glyphs("常住人口", 100.0, 200.0, 10.0));
            g.extend(glyphs("1", 140.0, 196.0, 6.0)); // a footnote marker, raised and small
            g.extend(glyphs("17万人。", 144.0, 200.0, 10.0));
            g.extend(glyphs(&format!("- {n} -"), 290.0, 770.0, 9.0));
            pages.push(Page { height: 800.0, glyphs: g });
        }
        // Each page's one line runs to the right edge, so it continues on the next page.
        assert_eq!(text(&pages), "常住人口17万人。常住人口17万人。常住人口17万人。\n");
    }

    #[test]
    fn table_cells_are_kept_apart() {
        let p = page(&[("指标", 100.0, 200.0, 10.0), ("2021年", 300.0, 200.0, 10.0), ("55.0%", 400.0, 200.0, 10.0)]);
        assert_eq!(text(&[p]), "指标\t2021年\t55.0%\n");
    }
}
