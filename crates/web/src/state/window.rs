//! The stretch of a long document the article view shows (a long text's report has no
//! words; see `protocol::Merger`), and when one is to be asked for.

use super::DocRef;
use crate::protocol::Report;
use crate::text::DocText;
use std::rc::Rc;

/// A stretch of a long document, analysed for the article view.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub doc: DocRef,
    /// The document's text, and where the stretch is in it (chars).
    pub of: DocText,
    pub start: usize,
    pub end: usize,
    /// The stretch's own text, its request, and its report once back.
    pub text: DocText,
    pub id: u32,
    pub report: Option<Rc<Report>>,
}

impl Window {
    /// Whether it is of `doc` (whose text is `of`) and holds chars `start..end` with `margin`
    /// chars of text on either side (or up to the text's start or end).
    pub fn holds(&self, doc: DocRef, of: &DocText, start: usize, end: usize, margin: usize) -> bool {
        self.doc == doc
            && self.of == *of
            && (self.start == 0 || self.start + margin <= start)
            && (self.end >= of.chars() || end + margin <= self.end)
            && self.start <= start
            && end <= self.end
    }
}

/// What the article view has for a figure of a long document (see [`stretch`]).
#[derive(Debug, PartialEq)]
pub enum Stretch<'a> {
    /// A stretch around it, asked for (its report is there once it is back).
    Held(&'a Window),
    /// None: one should be asked for.
    Wanted,
    /// None, and none is to be asked for: the pasted text is being replaced.
    NotNow,
}

/// The stretch of long document `doc` (whose text is `of`) that serves its chars
/// `start..end` in the article view, `margin` chars from the stretch's ends; `replacing`:
/// the editor's text is being replaced (its old text wants no stretch).
pub fn stretch<'a>(
    window: Option<&'a Window>,
    replacing: bool,
    doc: DocRef,
    of: &DocText,
    (start, end): (usize, usize),
    margin: usize,
) -> Stretch<'a> {
    if doc == DocRef::Pasted && replacing {
        return Stretch::NotNow;
    }
    match window.filter(|w| w.holds(doc, of, start, end, margin)) {
        Some(w) => Stretch::Held(w),
        None => Stretch::Wanted,
    }
}
