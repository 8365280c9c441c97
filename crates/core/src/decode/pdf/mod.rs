//! Reading PDF files that have a text layer.
//!
//! `pdf-extract` (on `lopdf`) interprets the pages' content streams and hands
//! over every glyph with its position and size; the `layout` module puts the
//! glyphs back into lines and paragraphs in reading order. A PDF whose pages
//! draw no text (a scan) is [`Error::NoTextLayer`].

mod forms;
mod glyphs;
mod layout;

pub(super) use forms::MAX_DEPTH;
pub(super) use glyphs::MAX_PAGE_CONTENT;

use std::fmt;

/// At most this many pages are read: a larger document is refused rather
/// than analysed for minutes.
const MAX_PAGES: usize = 5_000;
/// At most this many glyphs (about 20 MB of text).
const MAX_GLYPHS: usize = 10_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Error {
    /// The file could not be parsed as a PDF.
    Bad(String),
    /// Pages without any text: a scan or pictures.
    NoTextLayer,
    /// Encrypted with a password we do not have.
    Encrypted,
    /// More pages or text than the limits allow.
    TooBig(String),
    /// Its compressed streams would unpack to more than the limit.
    Unpacked(usize),
    /// A page (page 0: a drawing its pages reuse) drawn by `bytes` of instructions, more
    /// than [`MAX_PAGE_CONTENT`].
    PageTooBig { page: u32, bytes: usize },
    /// Drawings that draw each other in a loop, or nest deeper than `forms::MAX_DEPTH`.
    Nested,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Bad(why) => f.write_str(why),
            Error::NoTextLayer => f.write_str("no text layer"),
            Error::Encrypted => f.write_str("encrypted"),
            Error::TooBig(why) => f.write_str(why),
            Error::Unpacked(limit) => write!(f, "unpacks to more than {}", super::human_size(*limit)),
            Error::Nested => write!(f, "drawings nested in a loop or more than {} deep", forms::MAX_DEPTH),
            Error::PageTooBig { page, bytes } => {
                write!(f, "page {page} is drawn by {} of instructions", super::human_size(*bytes))
            }
        }
    }
}

/// The text of a PDF file, paragraphs on lines of their own; its compressed
/// streams may unpack to `unpacked_limit` bytes in all.
pub(super) fn document_text(bytes: &[u8], unpacked_limit: usize) -> Result<String, Error> {
    // lopdf unpacks compressed streams without a bound: check first.
    glyphs::check_unpacked(bytes, unpacked_limit)?;
    let mut laid = Vec::new();
    let mut drawn_text = false;
    glyphs::read(bytes, MAX_PAGES, MAX_GLYPHS, |page| {
        drawn_text |= page.glyphs.iter().any(|g| !g.text.trim().is_empty());
        laid.push(layout::lay_out(&page));
    })?;
    if !drawn_text {
        return Err(Error::NoTextLayer);
    }
    Ok(layout::join(laid))
}
