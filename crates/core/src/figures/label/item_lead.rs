//! Items of a breakdown whose metric is named once, before them, in a clause with no
//! figure (`失業率按行業分析，建造業為10.9%，零售業為9.9%`, `失業率在建造業（上升1.1個百分點）
//! 及製造業（上升0.9個百分點）的升幅較為顯著`): an item with no figure before it to take a
//! metric from is left holding its own name as label. The item is the subject and the
//! metric named before it in its sentence the label (labels.md rules 2, 7 and 8).

use super::Doc;
use super::charbuf::Chars;
use crate::model::{Figure, Kind};

/// The chars an item's name may end in: an industry, a class of goods, a place.
const ITEM_ENDS: &[char] = &['业', '業', '品', '类', '類', '区', '區', '市', '省', '县', '縣', '港', '地', '岸', '界'];
/// How far before the figure the item's name ends (`建造業（上升`, `建造業為`).
const GAP: usize = 6;

impl Doc<'_> {
    pub(super) fn lead_items(&self, figures: &mut [Figure]) {
        // The end of the last figure that is no item of this kind: the metric is named after it.
        let mut floor = 0;
        for f in figures.iter_mut() {
            if f.kind == Kind::Date {
                continue;
            }
            let before = floor;
            floor = f.end;
            // A count's label is the thing counted (`外资企业1470余家`), not an item.
            if f.subject.is_some() || !matches!(f.kind, Kind::Percent | Kind::Money) {
                continue;
            }
            let Some(label) = f.label.as_deref() else { continue };
            let l = Chars::of(label);
            let n = l.len();
            if !(2..=12).contains(&n) || !l.last().is_some_and(|c| ITEM_ENDS.contains(c)) {
                continue;
            }
            // The item's name, right before the figure.
            let lo = f.start.saturating_sub(GAP + n);
            let Some(p) = (lo..f.start.saturating_sub(n - 1)).rev().find(|&p| self.orig[p..p + n] == l[..]) else {
                continue;
            };
            let gap = &self.chars[p + n..f.start];
            if gap.iter().any(|c| super::CLAUSE_BREAKS.contains(c) && !matches!(c, '（' | '('))
                || self.names_metric((p, p + n))
            {
                continue;
            }
            // No figure between the metric and the items: the metric is named before them.
            let sent = self.sentence_start(p).max(before);
            let Some(m) = self.metric_word_before(sent, p) else { continue };
            let metric = self.text(m);
            f.subject = Some(self.text((p, p + n)));
            f.label = Some(metric);
            floor = before;
        }
    }

    /// The nearest one-word metric (`失業率`) in `lo..hi`, with the words of its name before it.
    fn metric_word_before(&self, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let r = self.within(lo, hi);
        let i = r.clone().rev().find(|&i| {
            let t = &self.tokens[i];
            t.end - t.start >= 2 && self.is_han_word(t) && self.names_metric((t.start, t.end))
        })?;
        let e = self.tokens[i].end;
        let start = self.clause_start(e, lo);
        self.metric_before(start, e).label.filter(|&(s, _)| s >= lo).or(Some((self.tokens[i].start, e)))
    }
}
