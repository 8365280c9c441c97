//! A deictic (`全市`, `该公司`) in a figure's clause stands for what the sentence
//! names before it: `苏州…，全市社会消费品零售总额…` is Suzhou's (rule 8). The name
//! is the subject only when nothing else gives one (a company the paragraph is
//! about, a lead-in the sentence carries).

use super::{Doc, Own, Span};
use crate::model::{Figure, Kind};

impl Doc<'_> {
    /// Keep the name the sentence gives before the deictic of a figure with no subject.
    pub(super) fn past_deictic(&self, f: &Figure, own: &mut Own) {
        if own.subject.is_some() || own.item || f.kind == Kind::Date {
            return;
        }
        let from = match own.label {
            Some((s, _)) if !own.after && s < f.start => s,
            _ => f.start,
        };
        let sent = self.sentence_start(from);
        let r = self.within(sent, from);
        let Some(d) = r.rev().find(|&i| self.is_deictic(&self.tokens[i])) else { return };
        let Some(name) = self.subject_before(self.tokens[d].start, &[]) else { return };
        if !self.is_place_name(name) {
            return;
        }
        let mut o = Own { subject: Some(name), ..Own::default() };
        self.subject_edges(&mut o);
        own.past_deictic = o.subject;
    }

    /// Is `s..e` a place's name standing alone (`苏州`, `四川省`), not a name that
    /// modifies another noun (`苏州实体商超`)?
    fn is_place_name(&self, (s, e): Span) -> bool {
        let r = self.within(s, e);
        let Some(last) = r.clone().last() else { return false };
        let t = &self.tokens[last];
        let w = self.word(t);
        (super::tokens::code(t) == super::tokens::T_NS
            || w.len() >= 2 && w.last().is_some_and(|c| super::places::PLACE_ENDS.contains(c)))
            && self.is_entity(t)
    }

    /// Give each figure still without a subject the name before its deictic.
    pub(super) fn fill_past_deictic(&self, figures: &mut [Figure], owns: &[Own]) {
        for (f, o) in figures.iter_mut().zip(owns) {
            let Some(span) = o.past_deictic.filter(|_| f.subject.is_none()) else { continue };
            let name = self.text(span);
            if name.chars().count() >= 2 && !f.label.as_deref().is_some_and(|l| l.contains(name.as_str())) {
                f.subject = Some(name);
            }
        }
    }
}
