//! Reading `.docx` files: the text of `word/document.xml`, from the archive
//! read by [`crate::zip`].

use crate::zip::{self, ZipError};
use std::fmt;

pub(super) enum Error {
    /// A zip archive without a Word document in it.
    NotDocx,
    Zip(ZipError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotDocx => f.write_str("no word/document.xml in the archive"),
            Error::Zip(e) => e.fmt(f),
        }
    }
}

/// What a Word document may unpack to, for a file limit of `limit` bytes:
/// its XML may be four times the limit (XML is verbose; 200 MB for the
/// default 50 MB), and no part may grow more than 100 times once past 1 MB
/// (Word's own XML shrinks 5 to 20 times; a zip bomb, a thousand).
pub(super) fn unpack_limits(limit: usize) -> zip::Limits {
    let most = limit.saturating_mul(4).min(1 << 30);
    zip::Limits { entry: most, total: most, ratio: 100 }
}

/// The text of a Word document: one line per paragraph.
pub(super) fn document_text(bytes: &[u8], limit: usize) -> Result<String, Error> {
    let mut archive = match zip::Archive::open(bytes, unpack_limits(limit)) {
        Ok(a) => a,
        // An empty archive is not a Word document.
        Err(_) if bytes.starts_with(b"PK\x05\x06") => return Err(Error::NotDocx),
        Err(e) => return Err(Error::Zip(e)),
    };
    let main = archive
        .find(b"word/document.xml")
        .or_else(|| archive.entries.iter().find(|e| e.name.starts_with(b"word/document") && e.name.ends_with(b".xml")))
        .cloned()
        .ok_or(Error::NotDocx)?;
    let xml = archive.read(&main).map_err(Error::Zip)?;
    let xml = match xml.as_slice() {
        [0xFF, 0xFE, rest @ ..] => encoding_rs::UTF_16LE.decode_without_bom_handling(rest).0.into_owned(),
        [0xFE, 0xFF, rest @ ..] => encoding_rs::UTF_16BE.decode_without_bom_handling(rest).0.into_owned(),
        _ => String::from_utf8_lossy(xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&xml)).into_owned(),
    };
    Ok(xml_text(&xml))
}

/// Scan WordprocessingML: text of `<w:t>` runs, `<w:p>` as line ends,
/// `<w:br/>` and `<w:cr/>` as line breaks, `<w:tab/>` as a tab; the
/// fallback copy of text boxes (`<mc:Fallback>`) is skipped. Tables come out
/// one row a line, cells apart by tabs; below the first (header) row each cell
/// is preceded by its column's header, `学校名称：北京师范大学`, so the header
/// labels the figures in it.
pub(super) fn xml_text(xml: &str) -> String {
    let b = xml.as_bytes();
    // The text being written: the document, or the innermost open table cell.
    let mut bufs = vec![String::with_capacity(xml.len() / 4)];
    let mut tables: Vec<Table> = Vec::new();
    let mut in_text = false;
    let mut fallback = 0usize;
    let mut pos = 0;
    while pos < b.len() {
        let lt = b[pos..].iter().position(|&c| c == b'<').map_or(b.len(), |k| pos + k);
        let out = bufs.last_mut().expect("the document buffer is never popped");
        if in_text && fallback == 0 && lt > pos {
            super::html::decode_entities_into(&xml[pos..lt], out);
        }
        if lt >= b.len() {
            break;
        }
        if b[lt..].starts_with(b"<!--") {
            pos = find(b, lt, b"-->").map_or(b.len(), |i| i + 3);
            continue;
        }
        if b[lt..].starts_with(b"<![CDATA[") {
            let end = find(b, lt, b"]]>").unwrap_or(b.len());
            if in_text && fallback == 0 {
                out.push_str(&xml[lt + 9..end.max(lt + 9)]);
            }
            pos = (end + 3).min(b.len());
            continue;
        }
        let gt = b[lt..].iter().position(|&c| c == b'>').map_or(b.len(), |k| lt + k);
        let tag = &xml[lt + 1..gt];
        pos = (gt + 1).min(b.len());
        let (closing, tag) = match tag.strip_prefix('/') {
            Some(t) => (true, t),
            None => (false, tag),
        };
        let self_closing = tag.ends_with('/');
        let name_end = tag.find(|c: char| c.is_ascii_whitespace() || c == '/').unwrap_or(tag.len());
        let name = &tag[..name_end];
        let local = name.rsplit(':').next().unwrap_or(name);
        let has_attrs = !tag[name_end..].trim_matches(|c: char| c.is_ascii_whitespace() || c == '/').is_empty();
        let in_cell = tables.last().is_some_and(|t| t.in_cell);
        match (closing, local) {
            (false, "t") if !self_closing => in_text = true,
            (true, "t") => in_text = false,
            // Paragraphs inside a cell are one cell: joined by a space.
            (true, "p") | (false, "p") if in_cell && (closing || self_closing) => out.push(' '),
            (true, "p") => out.push('\n'),
            (false, "p") if self_closing => out.push('\n'),
            (false, "br" | "cr") if fallback == 0 => out.push(if in_cell { ' ' } else { '\n' }),
            // Tab characters in runs have no attributes; tab stops (`w:tabs`) do.
            (false, "tab") if !has_attrs && fallback == 0 => out.push('\t'),
            (false, "noBreakHyphen") if fallback == 0 => out.push('-'),
            (false, "Fallback") if !self_closing => fallback += 1,
            (true, "Fallback") => fallback = fallback.saturating_sub(1),
            (false, "tbl") if !self_closing => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                tables.push(Table::default());
            }
            (true, "tbl") => {
                tables.pop();
            }
            (false, "tr") if !self_closing => {
                if let Some(t) = tables.last_mut() {
                    t.col = 0;
                    t.cells = 0;
                }
            }
            (true, "tr") => {
                if let Some(t) = tables.last_mut() {
                    t.row += 1;
                    out.push('\n');
                }
            }
            (false, "tc") if !self_closing => {
                if let Some(t) = tables.last_mut() {
                    t.in_cell = true;
                    t.span = 1;
                    bufs.push(String::new());
                }
            }
            (false, "gridSpan") if in_cell => {
                if let Some(t) = tables.last_mut() {
                    t.span = attr(tag, "val").and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64);
                }
            }
            (true, "tc") if in_cell && bufs.len() > 1 => {
                let cell = bufs.pop().unwrap_or_default();
                let cell = cell.split_whitespace().collect::<Vec<_>>().join(" ");
                let out = bufs.last_mut().expect("the document buffer is never popped");
                if let Some(t) = tables.last_mut() {
                    t.close_cell(cell, out);
                }
            }
            _ => {}
        }
    }
    let out = bufs.swap_remove(0);
    super::html::finish_lines(&out)
}

/// Where the scan is in a table.
#[derive(Default)]
struct Table {
    row: usize,
    /// The grid column of the next cell, and how many cells this row has so far.
    col: usize,
    cells: usize,
    /// Columns the open cell spans.
    span: usize,
    in_cell: bool,
    /// The first row's text, one entry per grid column.
    headers: Vec<String>,
}

impl Table {
    fn close_cell(&mut self, cell: String, out: &mut String) {
        self.in_cell = false;
        if self.cells > 0 {
            out.push('\t');
        }
        self.cells += 1;
        if self.row == 0 {
            for _ in 0..self.span {
                self.headers.push(cell.clone());
            }
            out.push_str(&cell);
        } else {
            match self.headers.get(self.col) {
                Some(h) if !h.is_empty() && !cell.is_empty() && *h != cell => {
                    out.push_str(h);
                    out.push('：');
                    out.push_str(&cell);
                }
                _ => out.push_str(&cell),
            }
        }
        self.col += self.span;
    }
}

/// The value of attribute `name` (any prefix) in a tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(k) = rest.find(name) {
        let before = rest[..k].chars().last();
        let after = &rest[k + name.len()..];
        if matches!(before, Some(':' | ' ')) && after.starts_with("=\"") {
            let v = &after[2..];
            return v.find('"').map(|e| &v[..e]);
        }
        rest = &rest[k + name.len()..];
    }
    None
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docx_xml() {
        let xml = r#"<?xml version="1.0"?><w:document><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="1"/></w:tabs></w:pPr><w:r><w:t>第一段</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> A &amp; B </w:t></w:r></w:p><w:p/><w:p><w:r><w:t>第二</w:t><w:br/><w:t>行</w:t></w:r><mc:AlternateContent><mc:Choice><w:t>框</w:t></mc:Choice><mc:Fallback><w:t>框</w:t></mc:Fallback></mc:AlternateContent></w:p></w:body></w:document>"#;
        assert_eq!(xml_text(xml), "第一段\t A & B\n\n第二\n行框");
    }

    #[test]
    fn table_rows_with_their_headers() {
        let cell = |s: &str| format!("<w:tc><w:p><w:r><w:t>{s}</w:t></w:r></w:p></w:tc>");
        let wide = "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>期限</w:t></w:r></w:p></w:tc>";
        let xml = format!(
            "<w:body><w:p><w:r><w:t>名单</w:t></w:r></w:p><w:tbl><w:tr>{}{wide}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}<w:tc><w:p/></w:tc>{}</w:tr></w:tbl><w:p><w:r><w:t>完</w:t></w:r></w:p></w:body>",
            cell("学校"),
            cell("北京师范大学"),
            cell("6年"),
            cell("2028年6月"),
            cell("华东师范大学"),
            cell("3年"),
        );
        assert_eq!(
            xml_text(&xml),
            "名单\n学校\t期限\n学校：北京师范大学\t期限：6年\t期限：2028年6月\n学校：华东师范大学\t\t期限：3年\n完"
        );
    }
}
