//! Keyword in context (as AntConc's KWIC): every occurrence of a word or phrase in the texts
//! of a session, with the text on either side, sortable by the words to its left or right.

/// Chars of context shown on either side of a hit (within its line).
pub const REACH: usize = 24;

/// One hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Which text (index into the texts given).
    pub doc: usize,
    /// Where the hit starts in it (chars).
    pub start: usize,
    pub left: String,
    pub hit: String,
    pub right: String,
}

/// How the lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SortBy {
    /// By text, then place.
    Place,
    /// By the text to the left of the hit, read from the hit outwards (AntConc's 1L, 2L …).
    Left,
    /// By the text to the right of the hit.
    Right,
}

/// Every occurrence of `query` in `texts`, in text order; at most `limit` lines, and the
/// number of hits in all.
pub fn find(texts: &[&str], query: &str, limit: usize) -> (Vec<Line>, usize) {
    let query = query.trim();
    let mut lines = Vec::new();
    let mut total = 0;
    if query.is_empty() {
        return (lines, 0);
    }
    for (doc, text) in texts.iter().enumerate() {
        // Chars counted incrementally between hits (one pass over each text).
        let (mut at_byte, mut at_char) = (0, 0);
        for (byte, _) in text.match_indices(query) {
            total += 1;
            if lines.len() >= limit {
                continue;
            }
            at_char += text[at_byte..byte].chars().count();
            at_byte = byte;
            let before = &text[..byte];
            let after = &text[byte + query.len()..];
            let left: String = {
                let line = before.rsplit(['\n', '\r']).next().unwrap_or("");
                let mut l: Vec<char> = line.chars().rev().take(REACH).collect();
                l.reverse();
                l.into_iter().collect()
            };
            let right: String = after.split(['\n', '\r']).next().unwrap_or("").chars().take(REACH).collect();
            lines.push(Line { doc, start: at_char, left, hit: query.to_string(), right });
        }
    }
    (lines, total)
}

/// Order lines for reading.
pub fn sort(lines: &mut [Line], by: SortBy) {
    match by {
        SortBy::Place => lines.sort_by_key(|l| (l.doc, l.start)),
        SortBy::Left => lines.sort_by(|a, b| {
            a.left.chars().rev().cmp(b.left.chars().rev()).then((a.doc, a.start).cmp(&(b.doc, b.start)))
        }),
        SortBy::Right => lines.sort_by(|a, b| a.right.cmp(&b.right).then((a.doc, a.start).cmp(&(b.doc, b.start)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/decode");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.len() == 24 && n.as_bytes()[3] == b'_')
            })
            .collect();
        paths.sort();
        paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
    }

    /// `testdata/workbench/concordance.tsv`: a query and how many times it occurs in the
    /// sample articles; every line is checked against its text.
    #[test]
    fn every_hit_with_its_context_in_the_sample_articles() {
        let texts = samples();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut n = 0;
        for line in include_str!("../../testdata/workbench/concordance.tsv").lines().filter(|l| !l.starts_with('#')) {
            let Some((q, count)) = line.split_once('\t') else { continue };
            let count: usize = count.parse().unwrap();
            let (lines, total) = find(&refs, q, usize::MAX);
            assert_eq!((lines.len(), total), (count, refs.iter().map(|t| t.matches(q).count()).sum()), "{q}");
            assert_eq!(total, count, "{q}");
            for l in &lines {
                let chars: Vec<char> = refs[l.doc].chars().collect();
                let hit: String = chars[l.start..l.start + q.chars().count()].iter().collect();
                assert_eq!(hit, q);
                let left: String = chars[l.start - l.left.chars().count()..l.start].iter().collect();
                assert_eq!(left, l.left);
                assert!(l.left.chars().count() <= REACH && !l.left.contains('\n'));
                assert!(l.right.chars().count() <= REACH && !l.right.contains('\n'));
            }
            n += 1;
        }
        assert!(n >= 3);
        let (lines, total) = find(&refs, "项目", 10);
        assert_eq!(lines.len(), 10);
        assert_eq!(total, find(&refs, "项目", usize::MAX).1, "hits past the limit are counted");
    }

    #[test]
    fn sorted_by_the_word_to_the_left_or_right() {
        let texts = ["甲增长5%\n乙增长3%\n丙增长4%", "甲增长1%"];
        let (mut lines, _) = find(&texts, "增长", 100);
        sort(&mut lines, SortBy::Right);
        let right: Vec<&str> = lines.iter().map(|l| l.right.as_str()).collect();
        assert_eq!(right, ["1%", "3%", "4%", "5%"]);
        sort(&mut lines, SortBy::Left);
        let left: Vec<(&str, usize)> = lines.iter().map(|l| (l.left.as_str(), l.doc)).collect();
        assert_eq!(left, [("丙", 0), ("乙", 0), ("甲", 0), ("甲", 1)]);
        sort(&mut lines, SortBy::Place);
        assert_eq!(lines.iter().map(|l| l.start).collect::<Vec<_>>(), [1, 7, 13, 1]);
    }
}
