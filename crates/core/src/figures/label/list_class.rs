//! `德阳、眉山等市到资额`, `成都、绵阳等市GDP`: after `等` closing a list of places, a
//! one-char place word (`市`, `县`) names the kind of the listed items; the items
//! are whose the figure is (rule 8) and the metric starts after that word.

use super::Doc;

/// How far back the list's mark is looked for, in chars.
const LIST_REACH: usize = 16;
/// One-char words that name a kind of place.
const PLACE_KINDS: &[char] = &['市', '县', '縣', '区', '區', '省', '州', '镇', '鎮', '乡', '鄉'];

impl Doc<'_> {
    /// Where the label `s..e` starts without the place kind after a list's `等`.
    pub(super) fn list_class(&self, own: &mut super::Own) {
        if own.after || own.item {
            return;
        }
        let Some((s, e)) = own.label else { return };
        // `等` before the label, or read into it (`等市GDP增速`).
        let s = if self.chars[s] == '等' { s + 1 } else { s };
        if s == 0 || s + 3 > e || self.chars[s - 1] != '等' || !PLACE_KINDS.contains(&self.chars[s]) {
            return;
        }
        // `等` must close a list: a list mark before it in the clause.
        let listed = self.chars[s.saturating_sub(LIST_REACH)..s - 1]
            .iter()
            .rev()
            .take_while(|c| !matches!(c, '，' | '。' | '；' | '：' | '\n' | ',' | ';' | ':'))
            .any(|c| matches!(c, '、' | '和' | '及'));
        if !listed {
            return;
        }
        // The rest must still name a metric (`市场`, `县域` are words of their own).
        // `等县区`, `等省份`: a kind of two chars.
        let m = if PLACE_KINDS.contains(&self.chars[s + 1]) || self.chars[s + 1] == '份' { s + 2 } else { s + 1 };
        if e >= m + 2 && self.names_metric((m, e)) && !self.chars[m..e].starts_with(&['场']) {
            own.label = Some((m, e));
        }
    }
}
