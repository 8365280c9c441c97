//! A share runs from 占 to its head (labels.md rule 6), whatever words stand in
//! the whole it is a share of: `占全省净增装机的14.16%` → 占全省净增装机 (not 装机, cut at
//! 净增), `占总进入城市的50%以上` → 占总进入城市, `占社会消费品零售总额的比重为25%` →
//! 占社会消费品零售总额的比重 (as `占GDP的比重`).

use super::{CLAUSE_BREAKS, Doc, Own};
use crate::figures::units::ends_with_any;
use crate::model::{Figure, Kind};

/// How far before the figure 占 is looked for, in chars.
const SHARE_MAX: usize = 16;
/// Words between the whole and the figure: linking words and qualifiers.
const BETWEEN: &[&str] =
    &["超过", "超過", "达到", "達到", "不足", "为", "為", "达", "達", "约", "約", "近", "逾", "超", "的"];

impl Doc<'_> {
    /// Label a share from its 占 (see the module notes).
    pub(super) fn share_span(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        if own.after || f.kind != Kind::Percent || f.change.is_some() {
            return;
        }
        let floor = if k > 0 { figures[k - 1].end } else { 0 };
        // `占全省净增装机的14.16%`: a whole that names no metric is read as an item, its name the subject.
        let item = own.item && own.label.is_none();
        if own.item && !item {
            return;
        }
        let e = match (own.label, own.subject) {
            (None, Some((_, e))) if item => e,
            (Some((_, e)), _) => e,
            _ => {
                let mut q = f.start;
                while let Some((_, n)) = ends_with_any(self.chars, q, BETWEEN).filter(|&(_, n)| q >= floor + n) {
                    q -= n;
                }
                q
            }
        };
        // The label read from another clause (a list's, a carried one) is left alone.
        let lo = self.clause_start(f.start, floor);
        if e < lo {
            return;
        }
        let lim = e.saturating_sub(SHARE_MAX).max(lo);
        let Some(a) = (lim..e)
            .rev()
            .take_while(|&p| !CLAUSE_BREAKS.contains(&self.chars[p]))
            .find(|&p| matches!(self.chars[p], '占' | '佔'))
        else {
            return;
        };
        // `占地`, `占比`: words of their own; a share needs its whole named.
        if e < a + 2 || matches!(self.chars[a + 1], '地' | '比' | '的') {
            return;
        }
        if !self.chars[a + 1..e].iter().all(|c| super::is_han(*c) || c.is_ascii_alphanumeric()) {
            return;
        }
        match own.label {
            Some((s, _)) if s <= a => return,
            Some(_) => {}
            None if item => (own.item, own.place) = (false, false),
            // With no label, the whole ends right before the figure's linking words, at 的 or a qualifier.
            None if e == f.start => return,
            None => {}
        }
        own.label = Some((a, e));
        // A name inside the whole (`占中国进出口总值`) is not whose the share is.
        if own.subject.is_some_and(|(ss, se)| se > a && ss < e) {
            own.subject = None;
        }
    }
}
