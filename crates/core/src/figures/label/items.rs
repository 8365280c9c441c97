//! Which words before a figure are an item of a breakdown (its subject) and
//! which tell who reports it (no subject at all).

use super::{Doc, Own, Span};
use crate::figures::units::{CharFilter, ends_with, ends_with_any, starts_with};
use crate::model::{Figure, Kind};
use std::sync::LazyLock;

impl Doc<'_> {
    /// A level, place or body that a breakdown lists its figures by (rule 7): `国家级145个`,
    /// `吴忠市1个`, `石化公司1.1亿元` (the metric is the breakdown's).
    pub(super) fn is_breakdown_item(&self, (s, e): Span, f: &Figure) -> bool {
        let kind = f.kind;
        let w = &self.chars[s..e];
        let n = w.len();
        if n < 2 || self.names_metric((s, e)) {
            return false;
        }
        if self.is_group_item(w, f) {
            return true;
        }
        let last = w[n - 1];
        (matches!(last, '级' | '級') && n <= 4)
            || (matches!(last, '市' | '县' | '縣' | '区' | '區' | '省' | '州' | '盟' | '旗')
                && n <= 5
                // `示范区`, `服务区`, `园区`: places that are counted, not places that count.
                && !matches!(w[n - 2], '园' | '園' | '景' | '务' | '務' | '范' | '範' | '发' | '發' | '护' | '護' | '片' | '小' | '新' | '验' | '驗' | '能' | '板' | '城'))
            || (matches!(kind, Kind::Money | Kind::Percent)
                && n <= 8
                && ["公司", "集团", "集團", "管理局"].iter().any(|x| ends_with(w, w.len(), x).is_some()))
    }

    /// `装机将达到580万千瓦，其中陆地240万千瓦，海上340万千瓦`: after `其中`, a short
    /// word naming no metric before a figure of the same kind and unit as the total
    /// is a part of that total (rule 7), and so are the parts listed after it.
    pub(super) fn is_part_of_total(&self, figures: &[Figure], k: usize, (s, e): Span, before_it: &[Own]) -> bool {
        // A longer part is a body's name (`其中直调公用电厂5955.5万千瓦`).
        let body = e - s <= 8 && super::words::ENTITY.ending(&self.chars[s..e]).is_some();
        if k == 0 || e - s > 4 && !body || self.names_metric((s, e)) {
            return false;
        }
        let (f, prev) = (&figures[k], &figures[k - 1]);
        if f.kind != prev.kind || f.unit != prev.unit || !matches!(f.kind, Kind::Quantity | Kind::Money) {
            return false;
        }
        let gap: String = self.chars[prev.end..s].iter().filter(|c| !c.is_whitespace()).collect();
        let listed = before_it.last().is_some_and(|o| o.item) && matches!(gap.as_str(), "，" | "、" | ",");
        listed || matches!(gap.as_str(), "，其中" | ",其中" | "；其中" | "。其中" | "其中")
    }

    /// A group a breakdown sorts its total by, where the figure counts or
    /// measures something else: `其中：文史类129人`, `其中高中3154人` (students, not
    /// schools), `从分行业看：批发业137290万元` (an industry's sales).
    fn is_group_item(&self, w: &[char], f: &Figure) -> bool {
        let n = w.len();
        let last = w[n - 1];
        let grouped = self.in_breakdown(f.start) || self.after_qizhong(f.start);
        let people = f.kind == Kind::Count && f.unit.as_deref().is_some_and(|u| matches!(u, "人" | "名" | "人次"));
        // `批发业`, `住宿和餐饮业`: an industry before an amount, with no metric named.
        let industry = matches!(f.kind, Kind::Money) && matches!(last, '业' | '業') && n <= 8;
        grouped
            && (matches!(last, '类' | '類')
                || people && n <= 3 && matches!(last, '中' | '学' | '學' | '园' | '園' | '级' | '級')
                || industry)
    }

    /// Is there a `其中` before `at` in its sentence (`在校学生131391人，其中高中10824人，初中…`)?
    fn after_qizhong(&self, at: usize) -> bool {
        let sent = self.sentence_start(at);
        self.find(sent, at, "其中").is_some()
    }

    pub(super) fn is_source(&self, s: usize, e: usize) -> bool {
        const SAYS: &[&str] = &[
            "认为",
            "認為",
            "表示",
            "指出",
            "发现",
            "發現",
            "介绍",
            "介紹",
            "公布",
            "发布",
            "發布",
            "统计",
            "統計",
            "获悉",
            "獲悉",
            "显示",
            "顯示",
            "注意到",
            "预计",
            "預計",
            "称",
            "稱",
            "说",
            "說",
            "补充",
            "補充",
        ];
        // The first chars of `SAYS`: most places start none of them.
        static FIRST: LazyLock<CharFilter> = LazyLock::new(|| CharFilter::first_chars(SAYS.iter().copied()));
        // `财政部今天公布`, `财政部昨公布`, `商务部12日公布`: over a time word or a day to the verb.
        let run = self.chars[e..self.chars.len().min(e + 6)]
            .iter()
            .take_while(|c| matches!(c, '今' | '昨' | '日' | '天' | '前' | '近' | '月' | '号' | '號' | '0'..='9'))
            .count();
        let says = (0..=run).any(|skip| {
            let at = e + skip;
            let after = &self.chars[at..self.chars.len().min(at + 3)];
            after.first().is_some_and(|&c| FIRST.may_contain(c))
                && SAYS.iter().any(|w| starts_with(after, 0, w).is_some())
        });
        let by = s > 0 && matches!(self.chars[s - 1], '据' | '據' | '从' | '從');
        let reporter = self.chars[s..e].windows(2).any(|w| matches!(w, ['记', '者'] | ['記', '者']));
        // `〔記者洪友芳／新竹報導〕`: a dateline names where the report is filed from.
        // (An open bracket of the same line, not one closed before the name.)
        let dateline = ends_with_any(self.chars, e, &["报道", "報導", "报导", "報道"]).is_some()
            || (s.saturating_sub(20)..s)
                .rev()
                // A Han char (most of them) neither opens nor closes a bracket: passed over at once.
                .filter(|&p| !super::is_han(self.chars[p]))
                .take_while(|&p| !matches!(self.chars[p], '\n' | '〕' | '】' | ']' | '］' | '）' | ')'))
                .find(|&p| matches!(self.chars[p], '〔' | '【' | '[' | '［' | '（' | '('))
                .is_some_and(|p| self.chars[p..s].windows(2).any(|w| matches!(w, ['记', '者'] | ['記', '者'])));
        says || by || reporter || dateline
    }

    /// `指数为100.7` ending at `end`: where the linking word before the level starts.
    pub(super) fn level_before(&self, end: usize, floor: usize) -> Option<usize> {
        let digits = (floor..end).rev().take_while(|&k| self.chars[k].is_ascii_digit() || self.chars[k] == '.').count();
        let at = end - digits;
        if digits == 0 || at == 0 {
            return None;
        }
        let link = at - 1;
        (matches!(self.chars[link], '为' | '為') && link >= 2 && matches!(self.chars[link - 1], '数' | '數'))
            .then_some(link)
    }
}
