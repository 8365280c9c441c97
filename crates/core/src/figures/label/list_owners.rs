//! Lists of ranks and figures whose members are named away from them (rule 9):
//! - `宁德时代、美的集团紧随其后，为第二、第三大持仓股`: ranks listed with `、` and
//!   no `分别` pair with the names listed earlier in their sentence;
//! - `特斯拉Model 3（2.6万辆）、比亚迪秦（2.4万辆）…，分别位居…第三、第四`: a `分别`
//!   list with no items before it takes the subjects of as many figures before
//!   it in the sentence, when those name one member each;
//! - a member of a `、` list copied whole (`药明康德、平安银行、中远海控分别…`) is a name
//!   as written, whatever the segmenter makes of its last char (`中`+`远海`+`控`).

use super::tokens::{T_ENG, T_M, T_NR, T_NS, T_NT, T_NZ, T_X, code};
use super::{Doc, Own, Span};
use crate::model::{Figure, Kind};
use std::ops::Range;

/// The longest last item of a list read over words, in chars.
const ITEM_MAX: usize = 12;

impl Doc<'_> {
    /// Runs of ranks joined by `、` with no `分别` take, in order, the names listed
    /// before them in their sentence.
    pub(super) fn rank_lists(&self, figures: &mut [Figure], owns: &[Own]) {
        let mut k = 0;
        while k < figures.len() {
            let mut m = k + 1;
            while m < figures.len()
                && figures[m].kind == Kind::Rank
                && figures[m - 1].kind == Kind::Rank
                && self.joins_list(figures[m - 1].end, figures[m].start)
            {
                m += 1;
            }
            if m - k >= 2 && !owns[k..m].iter().any(|o| o.respectively) {
                self.pair_names_before(figures, k..m);
            }
            k = m;
        }
    }

    fn pair_names_before(&self, figures: &mut [Figure], group: Range<usize>) {
        let (k, n) = (group.start, group.len());
        // Paired already, each its own.
        if (k + 1..k + n).any(|j| figures[j].subject.is_some() && figures[j].subject != figures[k].subject) {
            return;
        }
        let first = &figures[k];
        let sent = self.sentence_start(first.start);
        let prev_end = if k > 0 { figures[k - 1].end } else { 0 };
        let lo = self.clause_start(first.start, prev_end).max(sent);
        let Some(last_sep) = (sent..lo).rev().find(|&p| self.chars[p] == '、') else { return };
        // Figures between the list and the ranks: the list is theirs, not the ranks'.
        if figures[..k].iter().any(|f| f.start > last_sep && f.end <= first.start) {
            return;
        }
        let cut = self.name_end(last_sep + 1, lo);
        if cut <= last_sep + 1 {
            return;
        }
        let Some(spans) = super::lists::enumeration(&self.chars[sent..cut], n) else { return };
        for (i, (a, b)) in spans.into_iter().enumerate() {
            figures[k + i].subject = Some(crate::figures::units::string_of(&self.orig[sent + a..sent + b]));
        }
    }

    /// Where a name starting at `at` ends, over its words (before `lim`).
    fn name_end(&self, at: usize, lim: usize) -> usize {
        let Some(mut i) = self.token_starting(at) else { return at };
        let mut end = at;
        while i < self.tokens.len() && self.tokens[i].end <= lim && self.tokens[i].end - at <= ITEM_MAX {
            let t = &self.tokens[i];
            let w = self.word(t);
            let latin = w.iter().all(|c| c.is_ascii_alphanumeric() || *c == ' ') && code(t) != T_M
                || code(t) == T_ENG
                || code(t) == T_M && i > 0 && code(&self.tokens[i - 1]) == T_ENG;
            let name = self.is_han_word(t)
                && (self.is_nounish(t) || matches!(code(t), T_NR | T_NS | T_NZ | T_NT | T_X))
                && self.class(t).is_none();
            if !(latin || name) {
                break;
            }
            end = t.end;
            i += 1;
        }
        end
    }

    /// A `分别` list with no items of its own takes the subjects of the `n` figures
    /// before it in its sentence, when each names a member of one list.
    pub(super) fn owners_of_figures_before(
        &self,
        figures: &[Figure],
        k: usize,
        n: usize,
        subjects: &mut [Option<String>],
    ) {
        let sent = self.sentence_start(figures[k].start);
        let prev: Vec<usize> = (0..k)
            .rev()
            .take_while(|&j| figures[j].start >= sent)
            .filter(|&j| figures[j].kind != Kind::Date)
            .take(n)
            .collect();
        if prev.len() != n {
            return;
        }
        let listed = prev.windows(2).all(|w| {
            let (b, a) = (w[0], w[1]);
            let gap = &self.chars[figures[a].end..figures[b].start];
            gap.len() <= ITEM_MAX && gap.contains(&'、')
        });
        let names: Vec<&String> = prev.iter().rev().filter_map(|&j| subjects[j].as_ref()).collect();
        let distinct = names.len() == n && (1..n).all(|i| !names[..i].contains(&names[i]));
        if !listed || !distinct {
            return;
        }
        let names: Vec<String> = names.into_iter().cloned().collect();
        for (i, s) in names.into_iter().enumerate() {
            subjects[k + i] = Some(s);
        }
    }
}

impl Doc<'_> {
    /// Is `s..e` a whole member of a `、` list: a `、` on one side, and on the other
    /// a break, a `、`, or the `分别`, `等` or `的` that ends the list?
    pub(super) fn whole_list_member(&self, (s, e): Span) -> bool {
        if s == 0 || e >= self.chars.len() || e - s < 2 {
            return false;
        }
        let before = self.chars[s - 1];
        let after = self.chars[e];
        let opens = matches!(before, '、' | '，' | ',' | '：' | ':' | '\n');
        let closes = matches!(after, '、' | '等' | '的' | '，' | ',')
            || matches!(&self.chars[e..(e + 2).min(self.chars.len())], ['分', '别' | '別']);
        opens && closes && (before == '、' || after == '、') && self.chars[s..e].iter().all(|c| super::is_han(*c))
    }
}
