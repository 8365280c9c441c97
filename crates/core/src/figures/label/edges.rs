//! What the walk back over a metric's words takes in by mistake at its left
//! edge: the rest of a time word (`上年度`, `2021年度`, rule 4), a place head
//! that a count before it counts (`9个市GDP`), and an amount's unit before a
//! scope (`600分以上考生`).

use super::Doc;
use super::tokens::{T_M, T_V, code};

/// Time words a label never starts with, whatever stands before them.
const PERIODS: &[&str] = &["年度", "季度", "月度", "年份", "月份"];
/// Chars before a period word that make it a time (`上年度`, `本季度`).
const PERIOD_MARKS: &[char] = &['上', '本', '去', '今', '前', '当', '當', '同', '全', '该', '該', '次', '下'];

impl Doc<'_> {
    /// Where the label `s..e` read back to `lo` starts, without such a fragment.
    pub(super) fn label_edges(&self, s: usize, e: usize, lo: usize) -> usize {
        if s >= e || s == 0 {
            return s;
        }
        let Some(i) = self.token_starting(s) else { return s };
        let t = &self.tokens[i];
        if t.end >= e {
            return s;
        }
        let before = self.chars[s - 1];
        let w = self.word(t);
        // `上年度智能健身路径`, `2021年度省级科技奖励` (the date cut `度` off its word).
        if self.is_any(t, PERIODS) && (PERIOD_MARKS.contains(&before) || before.is_ascii_digit() || s == lo) {
            return t.end;
        }
        if w.len() == 1 && matches!(w[0], '度' | '份') && matches!(before, '年' | '季' | '月') {
            return t.end;
        }
        // `且領先差距`: a conjunction that joins the clause to the one before.
        if w.len() == 1 && matches!(w[0], '且' | '而' | '并' | '並' | '但') {
            return t.end;
        }
        // `对应合同金额`, `相应投资`: a word that ties the figure to the one before is no part of it.
        if ["对应", "對應", "相应", "相應"].iter().any(|c| self.is(t, c)) {
            return t.end;
        }
        // `两者销量`: the things referred back to are not part of the metric.
        if w.len() == 2 && w[1] == '者' && matches!(w[0], '两' | '二' | '三' | '前' | '后' | '余') {
            return t.end;
        }
        // `所需资金到位率`, `春耕所需化肥到位率`: 所 and a one-char verb make a relative phrase before the name.
        if w.len() == 1 && before == '所' && code(t) == T_V {
            return t.end;
        }
        let r = self.within(s, e);
        if let Some(v) = (r.start..r.end.saturating_sub(2)).find(|&j| {
            let (a, b) = (&self.tokens[j], &self.tokens[j + 1]);
            self.is(a, "所") && b.end - b.start == 1 && code(b) == T_V
        }) {
            return self.tokens[v + 1].end;
        }
        // `9个市GDP`: the place head is what the count counts, not part of the metric.
        let counted = matches!(before, '个' | '個') || before.is_ascii_digit();
        if w.len() == 1
            && counted
            && matches!(w[0], '市' | '县' | '縣' | '区' | '區' | '镇' | '鎮' | '乡' | '鄉' | '省' | '州')
        {
            return t.end;
        }
        // `600分以上考生`: the unit of an amount that opens a scope.
        if w.len() == 1
            && before.is_ascii_digit()
            && code(t) != T_M
            && let Some(n) = self.tokens.get(i + 1).filter(|n| n.end < e && (self.is(n, "以上") || self.is(n, "以下")))
        {
            return n.end;
        }
        s
    }
}

/// The longest note in brackets read inside a label, in chars.
const INNER_NOTE_MAX: usize = 5;

impl Doc<'_> {
    /// `执业（助理）医师`, `高级（含副高）职称`: a short note in brackets inside the name,
    /// between its words, is part of the span (rule 1); where it opens, when the
    /// label read back to `s` (in `lo..e`) stops right after one.
    pub(super) fn inner_bracket(&self, s: usize, e: usize, lo: usize) -> Option<usize> {
        if s >= e || s < lo + 3 || !matches!(self.chars[s - 1], '）' | ')') {
            return None;
        }
        let from = s.saturating_sub(INNER_NOTE_MAX + 2).max(lo);
        let open = (from..s - 1).rev().find(|&j| matches!(self.chars[j], '（' | '('))?;
        let note = &self.chars[open + 1..s - 1];
        if open <= lo || note.is_empty() || !note.iter().all(|c| super::is_han(*c)) {
            return None;
        }
        // A word of the name right before the note (`执业`, `高级`), none of a clause's verbs.
        let p = self.token_ending(open, lo)?;
        let t = &self.tokens[p];
        (self.is_content(t) && !self.is_action(t) && !self.is_entity(t) && e - t.start <= super::LABEL_MAX)
            .then_some(open)
    }
}
