//! A figure's sentence, trimmed around the figure: what a table row shows of it.

use crate::model::Figure;
use serde::{Deserialize, Serialize};

/// Chars kept on either side of a figure within its sentence.
pub const REACH: usize = 30;

/// Where a sentence ends.
const BREAKS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '\n', '\r'];

/// The text before and after a figure within its sentence, each cut to [`REACH`] chars (the
/// cut side marked by `…`). The figure itself is its own `text`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    pub before: String,
    pub after: String,
}

impl Context {
    /// The whole trimmed sentence with `figure` in its place.
    pub fn sentence(&self, figure: &str) -> String {
        let mut s = String::with_capacity(self.before.len() + figure.len() + self.after.len());
        s.push_str(&self.before);
        s.push_str(figure);
        s.push_str(&self.after);
        s
    }
}

/// The context of the figure at chars `start..end` of `chars`.
pub fn around(chars: &[char], start: usize, end: usize) -> Context {
    let start = start.min(chars.len());
    let end = end.clamp(start, chars.len());
    let from = chars[..start].iter().rposition(|c| BREAKS.contains(c)).map_or(0, |k| k + 1);
    // The sentence's closing mark belongs to it.
    let to = chars[end..].iter().position(|c| BREAKS.contains(c)).map_or(chars.len(), |k| {
        let k = end + k;
        if chars[k] == '\n' || chars[k] == '\r' { k } else { k + 1 }
    });
    let mut before: String = chars[from.max(start.saturating_sub(REACH))..start].iter().collect();
    if start - from > REACH {
        before.insert(0, '…');
    }
    let before = before.trim_start().to_string();
    let mut after: String = chars[end..to.min(end + REACH)].iter().collect();
    if to - end > REACH {
        after.push('…');
    }
    Context { before, after: after.trim_end().to_string() }
}

/// The contexts of `figures` (in text order, char offsets) in `text`, in one pass over it.
pub fn of_figures(text: &str, figures: &[Figure]) -> Vec<Context> {
    let chars: Vec<char> = text.chars().collect();
    figures.iter().map(|f| around(&chars, f.start, f.end)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `testdata/workbench/context.tsv`: a text with the figure in [brackets], then the
    /// expected before and after.
    #[test]
    fn sentences_are_trimmed_around_their_figure() {
        let cases = include_str!("../../testdata/workbench/context.tsv");
        let mut n = 0;
        for line in cases.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            let marked = cols[0].replace("\\n", "\n");
            let start = marked[..marked.find('[').unwrap()].chars().count();
            let end = start + marked[marked.find('[').unwrap() + 1..marked.find(']').unwrap()].chars().count();
            let chars: Vec<char> = marked.replace(['[', ']'], "").chars().collect();
            let c = around(&chars, start, end);
            assert_eq!((c.before.as_str(), c.after.as_str()), (cols[1], cols[2]), "{line}");
            n += 1;
        }
        assert!(n >= 5);
    }
}
