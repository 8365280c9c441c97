//! Modifiers that say which statistic a metric is stay in its label (labels.md
//! rule 3): a per-head or per-household average (`人均营业收入`, not 营业收入 with
//! 人均 as subject), a negation that names the other sector (`非制造业商务活动指数`,
//! not 制造业…), and `新增` before a measured quantity (`新增装机`, `新增贷款`:
//! the addition, not the stock), and the span of an average (`两年平均增速`). A count of
//! things (`新增项目22个`) names the things.

use super::{Doc, Own};
use crate::figures::units::{ends_with, ends_with_any, starts_with};
use crate::model::{Figure, Kind};

/// Averages per head or household written fused before a metric.
const PER_HEAD: &[&str] = &["人均", "户均", "戶均"];
/// Words before `非` that make it a verb's negation (`而非`, `并非`), not a prefix.
const NOT_PREFIX: &[char] = &['而', '并', '並', '是', '绝', '絕', '决', '決', '莫', '除'];

impl Doc<'_> {
    /// Widen the label leftwards over a fused modifier naming the statistic (see the module notes).
    pub(super) fn stat_modifier(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        let floor = if k > 0 { figures[k - 1].end } else { 0 };
        // `光伏新增装机1301万千瓦`: what is added is measured, not an item of a breakdown.
        if own.item
            && own.label.is_none()
            && matches!(f.kind, Kind::Quantity | Kind::Money)
            && let Some((s, e)) = own.subject.filter(|&(_, e)| e == f.start)
            && let Some(len) = ends_with(self.chars, s, "新增").filter(|&len| s >= floor + len)
        {
            (own.item, own.place) = (false, false);
            own.label = Some((s - len, e));
            own.subject = self.subject_before(s - len, &[]);
            return;
        }
        let Some((s, e)) = own.label.filter(|_| !own.after) else { return };
        let mut n = s;
        if n > floor
            && self.chars[n - 1] == '非'
            && super::is_han(self.chars[n])
            && !(n > floor + 1 && NOT_PREFIX.contains(&self.chars[n - 2]))
        {
            n -= 1;
        }
        if let Some((_, len)) = ends_with_any(self.chars, n, PER_HEAD).filter(|&(_, len)| n >= floor + len) {
            n -= len;
        } else if let Some((_, len)) = ends_with_any(self.chars, n, &["新增"]).filter(|&(_, len)| n >= floor + len)
            && f.kind != Kind::Count
            && self.names_metric((s, e))
        {
            n -= len;
        }
        // `两年平均增速`: the span of the average, read as a duration, says which average it is.
        if n == s
            && starts_with(self.chars, s, "平均").is_some()
            && let Some(d) = k.checked_sub(1).map(|j| &figures[j])
            && d.kind == Kind::Duration
            && d.end == s
            && matches!(self.chars[d.end - 1], '年')
        {
            n = d.start;
        }
        if n != s {
            self.widen_label_to(own, n, e);
        }
    }
}
