//! Cutting a long text into pieces analysed apart, and joining their results.
//! Nothing here moves a character: offsets in the results point into the text
//! as given (a byte-order mark, if any, is a character like the others;
//! decoding files removes it before analysis).
//!
//! The one rule for where to cut, natively ([`split`]) and in the page (which
//! holds a long text as a JavaScript string and asks [`cut_in`] about a small
//! window of it): only where no figure can span the cut, and as little of a
//! figure's context (its label, subject, qualifiers) is lost as can be. So,
//! best first, after the last
//!
//! 1. line end (`\n`): no figure, word or sentence crosses one;
//! 2. sentence end (`。！？；`): labels and subjects are looked for within the
//!    sentence;
//! 3. character no figure contains or runs on through: an enumeration comma
//!    or a closing quote or title mark (`、”」』》`).
//!
//! None of these is inside a jieba word either (jieba segments runs of Han
//! and Latin characters and digits apart), so the same cuts serve to hand
//! jieba a long text a run at a time.
//!
//! Joining ([`Join`]): each piece's figures shifted by the chars before it,
//! and its counts added, in text order whatever order the pieces come back in.

use crate::fasthash::FxHashMap;
use crate::keywords;
use crate::model::{Figure, Keyword, Kind, Stats};

/// How good a place to cut after `c` is: 3 best, 0 not at all.
fn rank(c: char) -> u8 {
    match c {
        '\n' => 3,
        '。' | '！' | '？' | '；' => 2,
        '、' | '”' | '」' | '』' | '》' => 1,
        _ => 0,
    }
}

/// Where to cut `window`, a stretch of a text in which a cut is wanted: the
/// byte offset (in `window`) just after the last line end in it, else after
/// its last sentence end, else after its last character that no figure
/// contains; `None` if it has none of them.
///
/// The page calls this with a window of a JavaScript string (the last part of
/// the piece it wants) and converts the offset to UTF-16 units with
/// `window[..cut].encode_utf16().count()`.
pub fn cut_in(window: &str) -> Option<usize> {
    let mut best: Option<(u8, usize)> = None;
    for (at, c) in window.char_indices().rev() {
        let r = rank(c);
        if r > best.map_or(0, |b| b.0) {
            best = Some((r, at + c.len_utf8()));
            if r == 3 {
                break;
            }
        }
    }
    best.map(|(_, cut)| cut)
}

/// The first place at all where `text` may be cut (after a character of any
/// rank of [`cut_in`]), as a byte offset: for a window with no cut in it, the
/// piece runs on to here.
pub fn first_cut(text: &str) -> Option<usize> {
    text.char_indices().find(|&(_, c)| rank(c) > 0).map(|(at, c)| at + c.len_utf8())
}

/// Split `text` into pieces of at most about `size` bytes, each cut by
/// [`cut_in`] in its last three quarters; a piece runs on past `size` only
/// when that stretch has no place to cut (to the [`first_cut`] after it).
pub fn split(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > size {
        let end = floor_boundary(rest, size);
        let from = floor_boundary(rest, size / 4);
        let cut = match cut_in(&rest[from..end]) {
            Some(k) => from + k,
            None => first_cut(&rest[end..]).map_or(rest.len(), |k| end + k),
        };
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(rest);
    }
    out
}

/// [`split`] with sizes in UTF-16 units, the page's measure of a JavaScript
/// string: a text is analysed in pieces at the same cuts natively and in the
/// page, so both give the same figures even where a label is looked for far
/// back (a one-line text of many articles).
pub fn split_utf16(text: &str, units: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut left = utf16_len(rest);
    while left > units {
        let end = byte_at_units(rest, units);
        let from = byte_at_units(rest, units / 4);
        let cut = match cut_in(&rest[from..end]) {
            Some(k) if from + k > 0 => from + k,
            _ => first_cut(&rest[end..]).map_or(rest.len(), |k| end + k),
        };
        out.push(&rest[..cut]);
        left -= utf16_len(&rest[..cut]);
        rest = &rest[cut..];
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(rest);
    }
    out
}

/// [`split_utf16`] for a text held as chars: the same cuts, as ranges of char
/// offsets (how [`crate::figures::extract_chars`] cuts a long text the way the
/// engine does).
pub fn split_chars(chars: &[char], units: usize) -> Vec<std::ops::Range<usize>> {
    let width = |c: &char| c.len_utf16();
    let mut out = Vec::new();
    let mut at = 0;
    let mut left: usize = chars.iter().map(width).sum();
    while left > units {
        let rest = &chars[at..];
        let (end, from) = (char_at_units(rest, units), char_at_units(rest, units / 4));
        let cut = match cut_in_chars(&rest[from..end]) {
            Some(k) if from + k > 0 => from + k,
            _ => rest[end..].iter().position(|&c| rank(c) > 0).map_or(rest.len(), |k| end + k + 1),
        };
        out.push(at..at + cut);
        left -= rest[..cut].iter().map(width).sum::<usize>();
        at += cut;
    }
    if at < chars.len() || out.is_empty() {
        out.push(at..chars.len());
    }
    out
}

/// [`cut_in`] over chars: the offset just after the best place to cut.
fn cut_in_chars(window: &[char]) -> Option<usize> {
    let mut best: Option<(u8, usize)> = None;
    for (at, &c) in window.iter().enumerate().rev() {
        let r = rank(c);
        if r > best.map_or(0, |b| b.0) {
            best = Some((r, at + 1));
            if r == 3 {
                break;
            }
        }
    }
    best.map(|(_, cut)| cut)
}

/// The number of chars of `chars` that end within `units` UTF-16 units.
fn char_at_units(chars: &[char], units: usize) -> usize {
    let mut seen = 0;
    for (k, c) in chars.iter().enumerate() {
        seen += c.len_utf16();
        if seen > units {
            return k;
        }
    }
    chars.len()
}

/// The length of `s` in UTF-16 units, counted a block of bytes at a time ([`units_in`]).
fn utf16_len(s: &str) -> usize {
    let b = s.as_bytes();
    let blocks = b.chunks_exact(BLOCK);
    let rest = blocks.remainder();
    blocks.map(|block| usize::from(units_in(block))).sum::<usize>()
        + rest.iter().map(|&x| usize::from(char_start(x)) + usize::from(x >= 0xF0)).sum::<usize>()
}

/// Bytes counted at a time (the counts of a block fit in a byte: at most 2 a byte).
const BLOCK: usize = 64;

/// The UTF-16 units of the chars that start in `block` (at most [`BLOCK`] bytes): a
/// char is one unit, counted at its first byte (any byte but a continuation
/// byte), or two if it takes four bytes (a first byte of 0xF0 or more). Summed
/// in bytes, which the compiler does many at a time.
#[inline]
fn units_in(block: &[u8]) -> u8 {
    block.iter().fold(0u8, |n, &x| n.wrapping_add(u8::from(char_start(x)) + u8::from(x >= 0xF0)))
}

/// Is a byte of UTF-8 the first of a char (not a continuation byte)?
#[inline]
fn char_start(x: u8) -> bool {
    (x as i8) >= -0x40
}

/// The byte offset of the last char boundary of `s` at or before `units`
/// UTF-16 units (never inside a surrogate pair).
fn byte_at_units(s: &str, units: usize) -> usize {
    let b = s.as_bytes();
    let (mut seen, mut at) = (0, 0);
    // Whole blocks whose chars all end within `units` are counted, not walked.
    while at + BLOCK <= b.len() {
        let n = usize::from(units_in(&b[at..at + BLOCK]));
        if seen + n > units {
            break;
        }
        seen += n;
        at += BLOCK;
    }
    while at < b.len() {
        let x = b[at];
        if char_start(x) {
            seen += if x >= 0xF0 { 2 } else { 1 };
            if seen > units {
                return at;
            }
        }
        at += 1;
    }
    s.len()
}

/// The last char boundary of `s` at or before `at`.
fn floor_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// What else a caller joins with each piece's figures, in text order (the
/// page: each figure's sentence and the words counted).
pub trait Append: Default {
    fn append(&mut self, next: Self);
}

impl Append for () {
    fn append(&mut self, _: ()) {}
}

/// What the analysis of one piece of a text gives for the join.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PieceResult<X = ()> {
    /// Offsets counted from the piece's start.
    pub figures: Vec<Figure>,
    pub stats: Stats,
    /// The piece's most frequent content words with their counts, and its
    /// number of content words ([`keywords::Counts::ranked`]).
    pub keyword_counts: Vec<(String, usize)>,
    pub content_words: usize,
    /// The caller's own, joined in text order ([`Append`]).
    pub extra: X,
}

/// The join of a text's pieces, as [`Join::finish`] gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Joined<X = ()> {
    pub figures: Vec<Figure>,
    pub stats: Stats,
    /// Ranked from the pieces' summed counts, as one text's are.
    pub keywords: Vec<Keyword>,
    pub extra: X,
}

/// Joins the results of the consecutive pieces of one text as they come
/// back, in any order: a piece is appended (its offsets shifted) as soon as
/// every piece before it is in, and dropped, so the pieces and their join are
/// never all held at once.
pub struct Join<X: Append = ()> {
    /// Pieces back before their turn, by index.
    waiting: Vec<Option<PieceResult<X>>>,
    next: usize,
    back: usize,
    figures: Vec<Figure>,
    stats: Stats,
    counts: FxHashMap<String, usize>,
    content_words: usize,
    extra: X,
}

impl<X: Append> Join<X> {
    /// A join of `pieces` pieces.
    pub fn new(pieces: usize) -> Join<X> {
        Join {
            waiting: (0..pieces).map(|_| None).collect(),
            next: 0,
            back: 0,
            figures: Vec::new(),
            stats: Stats { by_kind: Kind::ALL.iter().map(|k| (*k, 0)).collect(), ..Stats::default() },
            counts: FxHashMap::default(),
            content_words: 0,
            extra: X::default(),
        }
    }

    /// Piece `k` is back (a piece out of range or already in is ignored).
    pub fn add(&mut self, k: usize, piece: PieceResult<X>) {
        if let Some(slot) = self.waiting.get_mut(k)
            && k >= self.next
            && slot.is_none()
        {
            *slot = Some(piece);
            self.back += 1;
        }
        while let Some(piece) = self.waiting.get_mut(self.next).and_then(Option::take) {
            self.append(piece);
            self.next += 1;
        }
    }

    /// Pieces back so far.
    pub fn back(&self) -> usize {
        self.back
    }

    /// Every piece is in.
    pub fn done(&self) -> bool {
        self.next == self.waiting.len()
    }

    /// Room for `n` more figures (a caller that can guess the total saves the
    /// list's doublings).
    pub fn reserve(&mut self, n: usize) {
        self.figures.reserve_exact(n);
    }

    fn append(&mut self, piece: PieceResult<X>) {
        let shift = self.stats.chars;
        self.figures.extend(piece.figures.into_iter().map(|mut f| {
            f.start += shift;
            f.end += shift;
            f
        }));
        for (word, n) in piece.keyword_counts {
            *self.counts.entry(word).or_default() += n;
        }
        self.content_words += piece.content_words;
        self.extra.append(piece.extra);
        for (kind, n) in piece.stats.by_kind {
            if let Some(slot) = self.stats.by_kind.iter_mut().find(|(k, _)| *k == kind) {
                slot.1 += n;
            }
        }
        self.stats.chars += piece.stats.chars;
        self.stats.tokens += piece.stats.tokens;
        self.stats.figures += piece.stats.figures;
    }

    /// The joined result (the pieces not back count as missing: call once [`Join::done`]).
    pub fn finish(self) -> Joined<X> {
        let counts: Vec<(String, usize)> = self.counts.into_iter().collect();
        let keywords = keywords::rank(&counts, self.content_words, 12);
        let mut figures = self.figures;
        figures.shrink_to_fit();
        Joined { figures, stats: self.stats, keywords, extra: self.extra }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_are_cut_where_the_string_is() {
        for text in ["a\n投资3亿元。😀é，𠀀x".repeat(500), "投资3亿元，增长5%、".repeat(400), "无处可切".repeat(300)]
        {
            let chars: Vec<char> = text.chars().collect();
            for units in [40, 97, 1000] {
                let by_str: Vec<usize> = split_utf16(&text, units).iter().map(|p| p.chars().count()).collect();
                let by_chars: Vec<usize> = split_chars(&chars, units).iter().map(|r| r.len()).collect();
                assert_eq!(by_chars, by_str, "units {units}");
            }
        }
    }

    #[test]
    fn units_are_counted_as_char_by_char() {
        let text = "a\n投资3亿元。😀é，𠀀x".repeat(23);
        let naive_len = |s: &str| s.chars().map(char::len_utf16).sum::<usize>();
        let naive_at = |s: &str, units: usize| {
            let mut seen = 0;
            for (at, c) in s.char_indices() {
                seen += c.len_utf16();
                if seen > units {
                    return at;
                }
            }
            s.len()
        };
        for from in (0..text.len()).filter(|&k| text.is_char_boundary(k)) {
            let s = &text[from..];
            assert_eq!(utf16_len(s), naive_len(s));
            for units in [0, 1, 2, 3, 63, 64, 65, 100, 127, 128, 129, 300, 1000] {
                assert_eq!(byte_at_units(s, units), naive_at(s, units), "from {from} units {units}");
            }
        }
    }

    #[test]
    fn pieces_cover_the_text_and_end_at_line_ends() {
        let text = "第一段，投资3亿元。\n".repeat(1000) + "最后一段没有换行";
        let parts = split(&text, 1000);
        assert!(parts.len() > 10);
        assert_eq!(parts.concat(), text);
        for p in &parts[..parts.len() - 1] {
            assert!(p.ends_with('\n') && p.len() <= 1000, "{}", p.len());
        }
        assert_eq!(split("短", 1000), vec!["短"]);
        assert_eq!(split("", 1000), vec![""]);
        // One line longer than the piece size is cut at the next line end.
        let long = "长".repeat(600) + "\n尾";
        assert_eq!(split(&long, 1000), vec![&long[..1801], "尾"]);
    }

    #[test]
    fn utf16_pieces_count_units_as_the_page_does() {
        // Each 长 is one unit and three bytes, each 𠀀 two units and four bytes.
        let text = "长长长。".repeat(100) + &"𠀀。".repeat(100);
        let parts = split_utf16(&text, 100);
        assert_eq!(parts.concat(), text);
        for p in &parts[..parts.len() - 1] {
            assert!(p.ends_with('。') && utf16_len(p) <= 100 && utf16_len(p) > 75, "{p}");
        }
        assert_eq!(split_utf16(&"长".repeat(50), 100), vec!["长".repeat(50)]);
        assert_eq!(byte_at_units("a𠀀b", 2), 1, "not inside the pair");
        assert_eq!(byte_at_units("a𠀀b", 3), 5);
    }

    #[test]
    fn a_line_is_cut_at_a_sentence_end_else_after_a_mark_no_figure_holds() {
        let text = "增长3.5%，投资12亿元。".repeat(200);
        let parts = split(&text, 1000);
        assert_eq!(parts.concat(), text);
        assert!(parts[..parts.len() - 1].iter().all(|p| p.ends_with('。') && p.len() <= 1000));
        let text = "甲、乙、丙".repeat(200);
        assert!(split(&text, 1000)[0].ends_with('、'));
    }

    #[test]
    fn the_best_cut_in_a_window_is_the_last_of_the_best_rank() {
        for (window, cut) in [
            ("一。二\n三。四、五", Some("一。二\n")),
            ("一。二、三", Some("一。")),
            ("甲、乙”丙", Some("甲、乙”")),
            ("三千五百万元", None),
            ("", None),
        ] {
            assert_eq!(cut_in(window).map(|k| &window[..k]), cut, "{window}");
        }
        assert_eq!(first_cut("三千万元、四"), Some("三千万元、".len()));
        assert_eq!(first_cut("三千万元"), None);
    }

    fn figure(start: usize, end: usize) -> Figure {
        Figure::plain(Kind::ALL[0], &"1".repeat(end - start), start)
    }

    fn piece(chars: usize, figures: &[(usize, usize)], words: &[(&str, usize)]) -> PieceResult {
        let figures: Vec<Figure> = figures.iter().map(|&(s, e)| figure(s, e)).collect();
        PieceResult {
            stats: Stats::of(chars, &[], &figures),
            figures,
            keyword_counts: words.iter().map(|&(w, n)| (w.to_string(), n)).collect(),
            content_words: words.iter().map(|w| w.1).sum(),
            extra: (),
        }
    }

    #[test]
    fn pieces_back_in_any_order_join_in_text_order() {
        let mut join: Join = Join::new(3);
        join.add(2, piece(5, &[(1, 2)], &[("投资", 1)]));
        join.add(0, piece(10, &[(0, 3), (4, 6)], &[("投资", 2), ("增长", 1)]));
        assert!(!join.done());
        assert_eq!(join.back(), 2);
        join.add(0, piece(99, &[], &[]));
        join.add(1, piece(7, &[(2, 4)], &[]));
        assert!(join.done());
        let joined = join.finish();
        let spans: Vec<(usize, usize)> = joined.figures.iter().map(|f| (f.start, f.end)).collect();
        assert_eq!(spans, [(0, 3), (4, 6), (12, 14), (18, 19)]);
        assert_eq!((joined.stats.chars, joined.stats.figures), (22, 4));
        assert_eq!(joined.stats.by_kind[0], (Kind::ALL[0], 4));
        assert_eq!(joined.keywords.first().map(|k| k.word.as_str()), Some("投资"));
    }
}
