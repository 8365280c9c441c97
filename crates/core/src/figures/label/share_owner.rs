//! A share belongs to the quantity it is a share of (rule 6 and 8): in
//! `第三产业用电量7.34亿千瓦时，增长14.7%，占全社会用电量比重12.0%` the share is
//! the 第三产业用电量's, and `生态高标准农田面积512万亩，占粮食种植面积的近50%`
//! the area's. A share figure (its label opens with 占) that no rule gave an
//! owner, right after a figure of its sentence that has none either, takes that
//! figure's label as its subject; a change of the share after it then goes on
//! with it (`carry_on`).

use super::Doc;
use crate::model::{Figure, Kind};

impl Doc<'_> {
    pub(super) fn share_owners(&self, figures: &mut [Figure]) {
        let mut prev: Option<usize> = None;
        for k in 0..figures.len() {
            if figures[k].kind == Kind::Date {
                continue;
            }
            let Some(j) = prev.replace(k) else { continue };
            let (g, f) = (&figures[j], &figures[k]);
            let share = |l: &str| l.starts_with(['占', '佔']);
            if f.subject.is_some() || g.subject.is_some() || !f.label.as_deref().is_some_and(share) {
                continue;
            }
            // (the quantity before: a metric of two chars or more, not a share itself)
            let Some(l) = g.label.as_deref().filter(|l| l.chars().nth(1).is_some() && !share(l)) else { continue };
            if g.end > f.start
                || self.chars[g.end..f.start].iter().any(|c| matches!(c, '。' | '；' | ';' | '！' | '？' | '\n'))
            {
                continue;
            }
            let l = l.to_string();
            figures[k].subject = Some(l);
        }
    }
}
