//! `分别占31.3%和10.8%`, `占53.5%`: a share whose `占` names no whole takes the
//! whole of the last share named before it in its paragraph (`占外贸总值的57%` →
//! 占外贸总值, labels.md rules 2 and 6), or is `占` alone where none was named: the
//! metric of the figure before it (`进出口`) is not what it measures.

use super::Doc;
use crate::model::{Figure, Kind};

impl Doc<'_> {
    /// Label a bare share by the last named share before it, or by `占`.
    pub(super) fn bare_shares(&self, figures: &mut [Figure]) {
        for k in 0..figures.len() {
            let f = &figures[k];
            if f.kind != Kind::Percent || f.change.is_some() || f.start == 0 {
                continue;
            }
            // The figure right after `占`, or after the figures of its run (`占31.3%和10.8%`).
            let mut first = k;
            while first > 0 && {
                let p = &figures[first - 1];
                p.kind == Kind::Percent
                    && p.end < figures[first].start
                    && figures[first].start - p.end == 1
                    && matches!(self.chars[p.end], '和' | '、' | '及')
            } {
                first -= 1;
            }
            let at = figures[first].start;
            if at == 0 || !matches!(self.chars[at - 1], '占') {
                continue;
            }
            let mark = self.orig[at - 1];
            // Found once per share: asking each earlier figure whether a line ends between
            // it and the share read the paragraph again for every figure.
            let paragraph = self.chars[..at].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
            let named = figures[..first]
                .iter()
                .rev()
                .take_while(|p| p.end >= paragraph)
                .filter_map(|p| p.label.as_deref())
                .find(|l| l.starts_with(mark) && l.chars().count() > 1)
                .map(str::to_string);
            figures[k].label = Some(named.unwrap_or_else(|| mark.to_string()));
        }
    }
}
