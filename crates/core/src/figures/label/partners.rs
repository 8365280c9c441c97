//! Trade with a partner (`對美出口值211.4億美元`, `对东盟出口…`): the partner named
//! between `对` and the trade verb is whose the figure is (labels.md, t07/t08 notes:
//! in trade with a partner the partner is the subject), even a one-char name
//! (`美` for the United States). The figures after it in its sentence are the
//! partner's too, up to another `对` or a name of their own.

use super::charbuf::Chars;
use super::{Doc, SENTENCE_BREAKS};
use crate::model::{Figure, Kind};

/// The trade verbs after the partner.
const TRADE: &[&[char]] = &[&['出', '口'], &['进', '口'], &['进', '出', '口']];
/// The longest partner, in chars.
const PARTNER_MAX: usize = 6;
/// How many clauses after the partner its figures reach.
const CLAUSES_MAX: usize = 2;

impl Doc<'_> {
    /// Give each figure after `对X出口` in its sentence the partner `X`, unless the
    /// figure's subject is named after the partner.
    pub(super) fn trade_partners(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            if f.kind == Kind::Date {
                continue;
            }
            let Some((a, b)) = self.partner_before(f.start) else { continue };
            // `美國占總出口比重增至34.2%`: a name of its own after the partner stands.
            let own_after = f.subject.as_deref().is_some_and(|s| {
                let w = Chars::of(s);
                self.orig[b..f.start].windows(w.len().max(1)).any(|x| *x == w[..])
            });
            if !own_after {
                f.subject = Some(crate::figures::units::string_of(&self.orig[a..b]));
            }
        }
    }

    /// The partner of the nearest `对X出口` before `at` in its sentence, within
    /// [`CLAUSES_MAX`] clauses and with no other `对` between.
    fn partner_before(&self, at: usize) -> Option<(usize, usize)> {
        let sent = self.sentence_start(at);
        let mut clauses = 0;
        for p in (sent..at).rev() {
            match self.chars[p] {
                '，' | ',' => {
                    clauses += 1;
                    if clauses > CLAUSES_MAX {
                        return None;
                    }
                }
                '对' => return self.partner_at(p, at),
                _ => {}
            }
        }
        None
    }

    fn partner_at(&self, p: usize, lim: usize) -> Option<(usize, usize)> {
        let a = p + 1;
        let b = (a + 1..=(a + PARTNER_MAX).min(lim))
            .find(|&q| TRADE.iter().any(|v| self.chars[q..lim.min(q + v.len())] == **v))?;
        let name = &self.chars[a..b];
        let ok = name.iter().all(|c| super::is_han(*c) && !SENTENCE_BREAKS.contains(c))
            && !name.iter().any(|c| matches!(c, '、' | '，' | '的' | '外' | '其' | '此' | '于' | '和' | '与'));
        ok.then_some((a, b))
    }
}
