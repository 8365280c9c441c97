//! `排名前三的分别是宁德时代、海螺水泥和万华化学，分别增长38倍、20倍和10倍`: a `分别` run of
//! figures whose members are listed in an earlier clause of the sentence, the last joined by
//! `和`, `及` or `与`, pairs with them in order (labels.md rule 9: each item is its figure's
//! subject). Taken only when no figure of the run has an owner yet and the list has as many
//! members as the run has figures.

use super::Doc;
use super::tokens::{T_C, code};
use crate::model::{Figure, Kind};

/// The most chars between two figures of one run (`、`, `和`, a space).
const GAP_MAX: usize = 3;

impl Doc<'_> {
    pub(super) fn lists_before(&self, figures: &mut [Figure]) {
        let mut k = 0;
        while k < figures.len() {
            if figures[k].kind == Kind::Date || figures[k].subject.is_some() {
                k += 1;
                continue;
            }
            let mut m = k + 1;
            while m < figures.len()
                && figures[m].kind != Kind::Date
                && figures[m].subject.is_none()
                && figures[m].start >= figures[m - 1].end
                && figures[m].start - figures[m - 1].end <= GAP_MAX
                && self.chars[figures[m - 1].end..figures[m].start]
                    .iter()
                    .all(|c| matches!(c, '、' | '和' | '及' | '与' | ' '))
            {
                m += 1;
            }
            if m - k >= 2 {
                self.pair_list_before(figures, k, m - k);
            }
            k = m;
        }
    }

    fn pair_list_before(&self, figures: &mut [Figure], k: usize, n: usize) {
        let at = figures[k].start;
        let sent = self.sentence_start(at);
        // The clause of the run, which says `分别` and names no items of its own.
        let Some(open) = (sent..at).rev().find(|&p| matches!(self.chars[p], '，' | ',')) else { return };
        let own = &self.chars[open + 1..at];
        if !own.windows(2).any(|w| matches!(w, ['分', '别' | '別'])) || own.contains(&'、') {
            return;
        }
        let before = &self.chars[sent..open];
        let Some(last_sep) = before.iter().rposition(|&c| c == '、') else { return };
        // Figures between the list and the run are its own: the list is theirs.
        if figures[..k].iter().any(|f| f.kind != Kind::Date && f.start > sent + last_sep) {
            return;
        }
        // The last member joined by a conjunction the segmenter reads as one (not `和田`).
        let Some(join) = (last_sep + 1..before.len()).find(|&p| {
            matches!(before[p], '和' | '及' | '与' | '與')
                && self.token_starting(sent + p).is_some_and(|i| {
                    let t = &self.tokens[i];
                    t.end == t.start + 1 && code(t) == T_C
                })
        }) else {
            return;
        };
        let mut view = before.to_vec();
        view[join] = '、';
        let Some(spans) = super::lists::enumeration(&view, n) else { return };
        for (i, (a, b)) in spans.into_iter().enumerate() {
            figures[k + i].subject = Some(crate::figures::units::string_of(&self.orig[sent + a..sent + b]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::subjects_of as subjects;

    #[test]
    fn members_listed_in_a_clause_before() {
        let s = subjects("排名前三的分别是宁德时代、海螺水泥和万华化学，分别增长38倍、20倍和10倍。");
        assert_eq!(s[1..], [Some("宁德时代".to_string()), Some("海螺水泥".to_string()), Some("万华化学".to_string())]);
    }
}
