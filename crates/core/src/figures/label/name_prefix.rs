//! `保利平均融资成本3.62%`, `万科平均融资成本4.27%`, `万科新发15笔`: the name of an owner
//! that the figures around it have as their subject, written fused to the metric. The owner
//! is left out of the label (labels.md rule 4: the subject is no part of it; rule 3: the
//! shortest span that says which statistic it is), and is the figure's subject (rule 8).
//! Only a name that nearby figures own (so a name of this text, not a word list), and only
//! where what is left is a metric's name or the thing counted.

use super::Doc;
use super::company_fused::COMPANY_END;
use super::tokens::{T_J, T_NS, T_NT, T_NZ, T_X, code};
use super::words::METRIC;
use crate::figures::units::ends_with;
use crate::model::{Figure, Kind};
use crate::simplified::simplify;

/// How many figures before and after are asked for their subject.
const NEAR: usize = 8;
/// The longest owner's name split off, in chars.
const NAME_MAX: usize = 8;
/// How far before the figure its label is looked for, in chars.
const FIND_REACH: usize = 200;
/// The longest label read, in chars.
const LABEL_MAX: usize = 24;

impl Doc<'_> {
    /// Split the name of a nearby figure's owner off the front of a label.
    pub(super) fn split_owner_prefixes(&self, figures: &mut [Figure]) {
        for k in 0..figures.len() {
            let f = &figures[k];
            if matches!(f.kind, Kind::Date | Kind::Duration) {
                continue;
            }
            let Some(label) = f.label.as_deref() else { continue };
            let lo = k.saturating_sub(NEAR);
            let hi = (k + NEAR + 1).min(figures.len());
            // The cheap byte tests first: most subjects are turned away by their first byte.
            let Some(name) = figures[lo..hi]
                .iter()
                .filter_map(|g| g.subject.as_deref())
                .find(|s| label.len() > s.len() && label.starts_with(s) && (2..=NAME_MAX).contains(&s.chars().count()))
            else {
                continue;
            };

            let rest = &label[name.len()..];
            let mut buf = ['\0'; LABEL_MAX];
            let mut m = 0;
            for c in rest.chars() {
                if m == LABEL_MAX {
                    break;
                }
                buf[m] = simplify(c);
                m += 1;
            }
            // What is left names a metric (`平均融资成本`), or the thing counted (`新发`).
            let metric = m >= 2 && METRIC.ending(&buf[..m]).is_some();
            let counted = m >= 2 && f.kind == Kind::Count;
            if !(metric || counted) || m == LABEL_MAX {
                continue;
            }
            if !self.names_owner(f.start, label, name) {
                continue;
            }
            let (name, rest) = (name.to_string(), rest.to_string());
            let f = &mut figures[k];
            if f.subject.is_none() {
                f.subject = Some(name);
            }
            f.label = Some(rest);
        }
    }

    /// Is `name`, the front of `label`, the name of a company or place, not a group or scope
    /// of the metric (`城镇`, `规模以上工业`, `经济`)? It ends like a company's name, or
    /// where `label` is written before the figure, the segmenter reads it as one proper name.
    fn names_owner(&self, at: usize, label: &str, name: &str) -> bool {
        let mut buf = ['\0'; NAME_MAX];
        let mut n = 0;
        for c in name.chars() {
            buf[n] = simplify(c);
            n += 1;
        }
        let w = &buf[..n];
        if COMPANY_END.iter().any(|e| ends_with(w, n, e).is_some_and(|k| k < n)) {
            return true;
        }
        let len = label.chars().count();
        let lim = at.saturating_sub(FIND_REACH + len);
        let Some(q) =
            (lim..at.saturating_sub(len - 1)).rev().find(|&q| self.orig[q..q + len].iter().copied().eq(label.chars()))
        else {
            return false;
        };
        let r = self.within(q, q + n);
        r.len() == 1
            && self.tokens[r.start].start == q
            && self.tokens[r.start].end == q + n
            && matches!(code(&self.tokens[r.start]), T_NZ | T_NT | T_J | T_X | T_NS)
            && !matches!(w[n - 1], '镇' | '村' | '乡' | '级')
    }
}
