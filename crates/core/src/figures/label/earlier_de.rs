//! A metric named again later in its sentence (`哈弗H6的销量并不稳定，前三个月销量
//! 分别为33318辆…`): the owner given the first time (`X的销量`) owns the figures of
//! the metric repeated bare (rule 8: the subject is named in the figure's sentence).

use super::Doc;
use super::charbuf::Chars;
use crate::model::{Figure, Kind};

impl Doc<'_> {
    /// Give a figure with a label and no subject the owner of `X的<label>` written
    /// earlier in its sentence.
    pub(super) fn owner_of_earlier_metric(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            if f.kind == Kind::Date || f.subject.is_some() {
                continue;
            }
            let Some(label) = f.label.as_deref() else { continue };
            let l = Chars::simple(label);
            if l.len() < 2 {
                continue;
            }
            let sent = self.sentence_start(f.start);
            // The nearest: `A的失业率由…升至…，B的失业率由…升至9.4%` is B's.
            let hit = (sent + 1..f.start.saturating_sub(l.len()))
                .rev()
                .find(|&p| self.chars[p - 1] == '的' && self.chars[p..p + l.len()] == l[..]);
            if let Some((a, b)) = hit.and_then(|p| self.owner_before_de(p)) {
                f.subject = Some(crate::figures::units::string_of(&self.orig[a..b]));
            }
        }
    }
}
