//! `中国石化以1.3万亿元位居第一`, `中国平安以1200亿元的净利润居首`: the words before `以`
//! and a figure are one owner, whole (labels.md rule 8, as `深圳以14324.47亿元位居第一`).
//! A country or place word that opens a company's name (`中国`) is not split off as the
//! subject with the rest of the name left as the metric.

use super::{Doc, Own};
use crate::model::Figure;

impl Doc<'_> {
    pub(super) fn yi_owner(&self, f: &Figure, own: &mut Own) {
        let (Some((ls, le)), Some((ss, se))) = (own.label, own.subject) else { return };
        if own.after || f.start < 2 || le + 1 != f.start || !matches!(self.chars[le], '以') || se != ls || ls >= le {
            return;
        }
        if self.names_metric((ls, le)) {
            return;
        }
        own.subject = Some((ss, le));
        own.label = None;
    }
}
