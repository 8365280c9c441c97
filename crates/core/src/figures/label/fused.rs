//! Names fused to the front of a metric (`东方财富证券净利`, `曾毓群身价`,
//! `光明区GDP`): the name is the subject and the rest the label (labels.md
//! rules 4 and 8). A word is taken for a name only when the document also
//! writes it as one elsewhere — before `的` or a verb that a company, person
//! or place does (`东方财富证券的业绩`, `曾毓群的身价`, `宁德时代宣布`) — so a
//! group or scope word that belongs to the metric (`工业增加值`) stays.

use super::tokens::{T_VN, code, pack};
use super::{Doc, Own, Span};
use crate::figures::units::WideFilter;
use crate::model::Token;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// [`AFTER_NAME`] as chars, and a filter of their first chars, made once.
fn after_name() -> &'static (WideFilter, Vec<Vec<char>>) {
    static WORDS: LazyLock<(WideFilter, Vec<Vec<char>>)> = LazyLock::new(|| {
        (
            WideFilter::of(AFTER_NAME.iter().filter_map(|w| w.chars().next())),
            AFTER_NAME.iter().map(|w| w.chars().collect()).collect(),
        )
    });
    &WORDS
}

/// Words that follow a name (what it owns or does) rather than a metric.
const AFTER_NAME: &[&str] = &[
    "的",
    "作为",
    "实现",
    "表示",
    "认为",
    "宣布",
    "发布",
    "公告",
    "披露",
    "旗下",
    "凭借",
    "成为",
    "拥有",
    "占据",
    "获悉",
    "董事长",
    "称",
];
/// How many words before a marker may make up a name.
const NAME_TOKENS: usize = 3;
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=8;

/// The words a document writes as names, with how often.
pub(super) struct Names<'a> {
    seen: FxHashMap<&'a [char], u32>,
}

impl<'a> Names<'a> {
    pub(super) fn new(chars: &'a [char], tokens: &[Token]) -> Self {
        let mut seen: FxHashMap<&'a [char], u32> = FxHashMap::default();
        let (first, markers) = after_name();
        for (i, t) in tokens.iter().enumerate() {
            // Asked of every token: the length and the first char turn most away before
            // any slice is made or compared.
            let n = t.end.wrapping_sub(t.start);
            if n.wrapping_sub(1) >= 3 || !first.may_contain(chars[t.start]) {
                continue;
            }
            let w = &chars[t.start..t.end];
            if !markers.iter().any(|m| m[0] == w[0] && m.len() == w.len() && m[..] == *w) {
                continue;
            }
            // The 1–3 whole words right before the marker, all of letters.
            let end = t.start;
            for j in 1..=NAME_TOKENS.min(i) {
                let p = &tokens[i - j];
                if p.end != tokens[i - j + 1].start
                    || !chars[p.start..p.end].iter().all(|c| super::is_han(*c) || c.is_ascii_alphabetic())
                {
                    break;
                }
                let span = &chars[p.start..end];
                if NAME_CHARS.contains(&span.len()) {
                    *seen.entry(span).or_insert(0) += 1;
                }
            }
        }
        Names { seen }
    }

    fn is_name(&self, w: &[char]) -> bool {
        self.seen.get(w).is_some_and(|&n| n >= 2)
    }

    /// Split a name off the front of the figure's own label.
    pub(super) fn split(&self, doc: &Doc, own: &mut Own) {
        let Some((s, e)) = own.label else { return };
        if own.after || own.item {
            return;
        }
        let r = doc.within(s, e);
        if r.len() < 2 || doc.tokens[r.start].start != s {
            return;
        }
        let mut cut: Option<usize> = None;
        for t in &doc.tokens[r.start..r.end - 1] {
            let b = t.end;
            let name = &doc.chars[s..b];
            // One common noun (`工业的`, `工业增加值`) is a sector, not a name.
            let common = b == doc.tokens[r.start].end && (code(t) == pack("n") || code(t) == T_VN);
            if self.is_name(name)
                && !common
                && doc.class(t).is_none()
                && !doc.names_metric((s, b))
                && doc.names_metric((b, e))
            {
                cut = Some(b);
            }
        }
        if let Some(b) = cut {
            let name: Span = (s, b);
            own.label = Some((b, e));
            own.subject = Some(name);
        }
    }
}
