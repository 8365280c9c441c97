//! A `分别` list whose items end the clause before it (`失業率上升主要見於建造業、零售業及餐飲業，
//! 分別升至10.0%、9.2%及14.7%`): the clause of `分别` names no item, and the items are those
//! listed in the clause before, after the words that lead in to them (`見於`, `包括`, `為`).

use super::Doc;
use crate::figures::units::ends_with_any;

/// Words after which a clause lists the items (simplified).
const LEADS: &[&str] = &["见于", "包括", "集中在", "主要是", "分别是", "为", "是", "有"];

impl Doc<'_> {
    /// `from..at` is the clause before `分别`: when it holds nothing, the items' span in the clause
    /// before it (after a lead-in word), as `(from, end)`.
    pub(super) fn items_before_comma(&self, sent: usize, from: usize, at: usize) -> Option<(usize, usize)> {
        if from < sent + 2
            || self.chars[from..at].iter().any(|c| !c.is_whitespace())
            || !matches!(self.chars[from - 1], '，' | ',')
        {
            return None;
        }
        let end = from - 1;
        let start = (sent..end).rev().find(|&q| super::CLAUSE_BREAKS.contains(&self.chars[q]) && self.chars[q] != '、');
        let start = start.map_or(sent, |q| q + 1);
        // The items follow the last lead-in word of the clause, if it has one.
        let start =
            (start + 1..end).rev().find_map(|q| ends_with_any(self.chars, q, LEADS).map(|_| q)).unwrap_or(start);
        let items = &self.chars[start..end];
        let last_sep = items.iter().rposition(|c| matches!(c, '、' | '和' | '及' | '与'))?;
        // `建造業、零售業和餐飲業的失業率顯著上升`, `首开股份在销售金额层面`: the metric after 的, or a
        // phrase after a preposition, is none of the last item.
        let end = items[last_sep..]
            .iter()
            .position(|c| matches!(c, '的' | '在' | '对' | '从' | '向' | '于' | '由' | '将'))
            .map_or(end, |d| start + last_sep + d);
        (end > start + last_sep + 1 && last_sep > 0).then_some((start, end))
    }
}
