//! The glyphs a PDF draws, page by page, from `pdf-extract`'s interpreter.

use super::Error;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One drawn character: its text, where its baseline starts (from the page's
/// top left corner, y downwards), its advance width and its size.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    pub text: GlyphText,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub size: f64,
}

/// A glyph's text: nearly always one character, kept inline, since a page may draw
/// millions of glyphs and a `String` each would double their memory.
#[derive(Clone, PartialEq)]
pub(crate) enum GlyphText {
    Inline { len: u8, bytes: [u8; 22] },
    Long(Box<str>),
}

impl From<&str> for GlyphText {
    fn from(s: &str) -> GlyphText {
        let mut bytes = [0; 22];
        match bytes.get_mut(..s.len()) {
            Some(slot) => {
                slot.copy_from_slice(s.as_bytes());
                GlyphText::Inline { len: s.len() as u8, bytes }
            }
            None => GlyphText::Long(s.into()),
        }
    }
}

impl std::ops::Deref for GlyphText {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            // The bytes were copied from a `&str` whole, so they are UTF-8.
            GlyphText::Inline { len, bytes } => std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default(),
            GlyphText::Long(s) => s,
        }
    }
}

impl std::fmt::Debug for GlyphText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// One page as it is drawn; it is laid out into lines as soon as it ends and its glyphs
/// dropped, so memory holds one page's glyphs at a time.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

/// The most drawing instructions (bytes, unpacked) one page may have.
pub(crate) const MAX_PAGE_CONTENT: usize = 4 << 20;

/// Every page's glyphs, in the order the content streams draw them, handed to `page`
/// one page at a time.
pub(super) fn read(bytes: &[u8], max_pages: usize, max_glyphs: usize, page: impl FnMut(Page)) -> Result<(), Error> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| Error::Bad(e.to_string()))?;
    if doc.is_encrypted() {
        // Many PDFs are encrypted with an empty user password (printing or
        // copying restrictions only): those open.
        doc.decrypt("").map_err(|_| Error::Encrypted)?;
    }
    let pages = doc.get_pages().len();
    if pages > max_pages {
        return Err(Error::TooBig(format!("{pages} pages, at most {max_pages} are read")));
    }
    // The interpreter holds a page's drawing instructions as objects, ~90 bytes of memory per
    // byte of them (a 42 MB page took 3.9 GB): a page past the bound is refused before it is
    // parsed. Real pages of text and tables take tens of kilobytes.
    for (number, id) in doc.get_pages() {
        let content = doc.get_page_content(id).map_err(|e| Error::Bad(e.to_string()))?;
        if content.len() > MAX_PAGE_CONTENT {
            return Err(Error::PageTooBig { page: number, bytes: content.len() });
        }
    }
    super::forms::check(&doc, MAX_PAGE_CONTENT)?;
    let mut out = Collector { page: None, done: page, glyphs: 0, max_glyphs, ury: 0.0, llx: 0.0 };
    // pdf-extract panics on some malformed files; a bad file must not take the caller down.
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pdf_extract::output_doc(&doc, &mut out)));
    match run {
        Ok(Ok(())) => {
            out.finish_page();
            Ok(())
        }
        Ok(Err(_)) if out.glyphs > max_glyphs => {
            Err(Error::TooBig(format!("more than {max_glyphs} characters of text")))
        }
        Ok(Err(e)) => Err(Error::Bad(e.to_string())),
        Err(_) => Err(Error::Bad("the page contents are malformed".into())),
    }
}

struct Collector<F> {
    /// The page being drawn.
    page: Option<Page>,
    /// Where a page goes when it ends.
    done: F,
    glyphs: usize,
    max_glyphs: usize,
    ury: f64,
    llx: f64,
}

impl<F: FnMut(Page)> Collector<F> {
    fn finish_page(&mut self) {
        if let Some(page) = self.page.take() {
            (self.done)(page);
        }
    }
}

impl<F: FnMut(Page)> OutputDev for Collector<F> {
    fn begin_page(&mut self, _num: u32, mb: &MediaBox, _art: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.finish_page();
        self.ury = mb.ury;
        self.llx = mb.llx;
        self.page = Some(Page { height: (mb.ury - mb.lly).abs(), glyphs: Vec::new() });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.finish_page();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > self.max_glyphs {
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        let scale_x = trm.m11.hypot(trm.m12);
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let glyph = Glyph {
            text: text.into(),
            x: trm.m31 - self.llx,
            y: self.ury - trm.m32,
            width: width * font_size * scale_x,
            size: font_size * scale,
        };
        if let Some(page) = self.page.as_mut() {
            page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Refuse a file whose zlib streams unpack to more than `limit` bytes in all.
///
/// The streams are found by their `stream` … `endstream` keywords; a body that
/// is not zlib data is skipped (lopdf reads it as it is).
pub(super) fn check_unpacked(bytes: &[u8], limit: usize) -> Result<(), Error> {
    use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_zlib_with_limit};
    let mut left = limit;
    let mut pos = 0;
    while let Some(k) = find(bytes, pos, b"stream") {
        let mut start = k + 6;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) != Some(&b'\n') {
            pos = k + 6;
            continue;
        }
        start += 1;
        let end = find(bytes, start, b"endstream").unwrap_or(bytes.len());
        match decompress_to_vec_zlib_with_limit(&bytes[start..end], left) {
            Ok(v) => left -= v.len(),
            Err(e) if e.status == TINFLStatus::HasMoreOutput => return Err(Error::Unpacked(limit)),
            Err(e) => left = left.saturating_sub(e.output.len()),
        }
        pos = end;
    }
    Ok(())
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_that_unpacks_past_the_limit_is_refused() {
        let zeros = vec![0u8; 1 << 20];
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&zeros, 9);
        let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Length 9 /Filter /FlateDecode >>\nstream\n".to_vec();
        pdf.extend_from_slice(&packed);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        assert_eq!(check_unpacked(&pdf, 1 << 19), Err(Error::Unpacked(1 << 19)));
        assert_eq!(check_unpacked(&pdf, 2 << 20), Ok(()));
    }
}
