//! Cleaning text before analysis, without moving any character: offsets in
//! the results must point into the text the user gave.

use std::borrow::Cow;

/// The text to analyse: a leading BOM is dropped, CRLF is kept as is (offsets
/// stay valid); nothing else changes.
pub fn clean(text: &str) -> Cow<'_, str> {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => Cow::Owned(rest.to_string()),
        None => Cow::Borrowed(text),
    }
}
