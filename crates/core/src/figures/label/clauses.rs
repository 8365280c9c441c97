//! What the clause around a figure says beyond its metric: the group a
//! category metric is for (`粮油、食品类零售额` → 粮油、食品类), a negation
//! that is part of what is counted (`未开工项目`), a rate's denominator that
//! is no metric (`每公斤20元`), and who a clause is about when it opens with a
//! name (`农村居民纳入最低生活保障人数`, `中直经济实现增加值`).

use super::words::{Class, METRIC};
use super::{CLAUSE_BREAKS, Doc, Span};
use super::{T_C, T_D, T_F, T_L, T_M, T_NS, T_NT, T_NZ, T_P, T_V, T_VN};
use super::{code, is_han};

/// Negations that belong to the thing counted (`未开工项目`, `不达标企业`).
const NEGATIONS: &[&str] = &["未", "不", "无", "無", "尚未", "没有", "沒有", "未能"];

/// Words before a group that are none of it: a category is never these alone (`各类`, `该类`).
const NOT_CATEGORY: &[char] = &[
    '各', '该', '該', '此', '这', '這', '同', '分', '门', '門', '两', '兩', '几', '幾', '全', '本', '某', '大', '小',
    '多', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百',
];

/// The linking words after which the name before is the subject (rule 8).
const LINKING: &[&str] = &["实现", "實現", "完成", "达到", "達到", "达", "為", "为"];

/// How many chars a name that opens a clause may have.
const NAME_MAX: usize = 10;

impl Doc<'_> {
    /// `未开工项目12个`: a negation right before the label `s..e` is part of it.
    pub(super) fn with_negation(&self, s: usize, e: usize, lo: usize) -> usize {
        if s >= e || s <= lo {
            return s;
        }
        match self.token_ending(s, lo) {
            // `尚未开工项目`: the qualifier 尚 goes (rule 4), the negation stays.
            Some(i) if self.is_any(&self.tokens[i], NEGATIONS) => {
                let t = &self.tokens[i];
                if self.is(t, "尚未") { t.end - 1 } else { t.start }
            }
            _ => s,
        }
    }

    /// `每公斤20元`, `每吨`: where a rate's denominator ending at `e` starts.
    pub(super) fn per_unit_before(&self, e: usize, lo: usize) -> Option<usize> {
        let u = self.token_ending(e, lo)?;
        let t = &self.tokens[u];
        if self.chars[t.start] == '每' && (2..=4).contains(&(t.end - t.start)) && self.is_han_word(t) {
            return Some(t.start);
        }
        if !(t.end - t.start <= 3 && self.is_han_word(t) && u > 0) {
            return None;
        }
        let p = &self.tokens[u - 1];
        (p.end == t.start && p.start >= lo && (self.is(p, "每") || self.is(p, "每一"))).then_some(p.start)
    }

    /// `粮油、食品类零售额`: a metric fused to the category it is for splits into the
    /// category (the subject, over the items listed before it with `、`) and the metric.
    pub(super) fn category_split(&self, (s, e): Span) -> Option<(Span, Span)> {
        let w = &self.chars[s..e];
        let at = w.iter().rposition(|c| matches!(c, '类' | '類'))?;
        let metric = &w[at + 1..];
        if at == 0 || metric.len() < 2 || METRIC.ending(metric).is_none() || !w[..at].iter().all(|c| is_han(*c)) {
            return None;
        }
        if at == 1 && NOT_CATEGORY.contains(&w[0]) || w[..at].iter().all(|c| NOT_CATEGORY.contains(c)) {
            return None;
        }
        // `粮油、食品类`: short items before it, joined by 、, are one category with it.
        let mut from = s;
        while from > 0 && self.chars[from - 1] == '、' {
            let run = self.chars[..from - 1].iter().rev().take(9).take_while(|c| is_han(**c)).count();
            if run == 0 || run > 8 {
                break;
            }
            from -= run + 1;
        }
        Some(((from, s + at + 1), (s + at + 1, e)))
    }

    /// The metric a lead-in names for the items after it in its sentence
    /// (`八大类消费品价格呈现“四升三降一平”格局：食品烟酒类上涨2.6%`,
    /// `从八大类消费品价格看，食品烟酒下降1.9%`): the nearest clause before `lo`
    /// with no figure whose words end in a metric's head.
    pub(super) fn lead_in(&self, lo: usize) -> Option<Span> {
        let sent = self.sentence_start(lo);
        let mut end = lo.saturating_sub(1);
        for _ in 0..3 {
            if end <= sent {
                return None;
            }
            let start = (sent..end).rev().find(|&p| CLAUSE_BREAKS.contains(&self.chars[p])).map_or(sent, |p| p + 1);
            if self.chars[start..end].iter().any(|c| c.is_ascii_digit()) {
                return None;
            }
            let r = self.within(start, end);
            for i in r.clone().rev() {
                let t = &self.tokens[i];
                if METRIC.ending(&self.chars[start..t.end]).is_some_and(|n| n >= 2)
                    && let Some((ls, le)) = self.metric_before(start, t.end).label
                    && self.names_metric((ls, le))
                {
                    // `八大类消费品价格`: the count of the groups is none of the metric.
                    let head = &self.chars[ls..le.min(ls + 4)];
                    let ls = head.windows(2).position(|w| w == ['大', '类']).map_or(ls, |p| ls + p + 2);
                    return Some((ls, le));
                }
            }
            end = start.saturating_sub(1);
        }
        None
    }

    /// What the metric at `label_start` belongs to, named at the head of its
    /// clause `lo..`: the name before a linking verb (`第二产业实现增加值`,
    /// `财险公司实现原保险保费收入`, `第一产业完成投资`) or before the verb that
    /// opens the metric (`农村居民纳入最低生活保障人数`, `地方工业拉动全市规上工业增长`).
    pub(super) fn before_linking(&self, lo: usize, label_start: usize) -> Option<Span> {
        let r = self.within(lo, label_start);
        let mut i = r.end;
        let mut linked = false;
        while i > r.start && self.class(&self.tokens[i - 1]) == Some(Class::Filler) {
            linked |= self.is_any(&self.tokens[i - 1], LINKING);
            i -= 1;
        }
        // `第一产业完成投资`: 完成 is inside the label (rule 3) and links the name before it.
        let opens = self.token_starting(label_start).map(|k| &self.tokens[k]);
        linked |= i == r.end && opens.is_some_and(|t| self.is(t, "完成") || self.is(t, "拉动") || self.is(t, "拉動"));
        if !linked {
            return self.clause_topic(r.start, i, label_start);
        }
        let end = i;
        while i > r.start && end - i < 5 {
            let t = &self.tokens[i - 1];
            // `石油和天然气开采业`: two names joined.
            let joined = code(t) == T_C && i - 1 > r.start && i < end && self.is_nounish(&self.tokens[i - 2]);
            if !(self.is_nounish(t)
                || joined
                || matches!(code(t), T_NS | T_NZ | T_NT | super::T_NR | T_M | super::T_A | T_L))
                || self.class(t).is_some()
            {
                break;
            }
            i -= 1;
        }
        if let Some(k) = self.scope_before(i, r.start).filter(|_| i < end) {
            i = k;
        }
        // `中直经济`, `批发和零售业`, `限额以上批零住餐单位`: what the segmenter cut into a
        // place word, an adverb or a verb is still one name when it opens the clause.
        if i > r.start && i < end && self.tokens[end - 1].end - self.tokens[r.start].start <= NAME_MAX {
            let inner = (r.start..i).all(|j| {
                let t = &self.tokens[j];
                self.is_han_word(t)
                    && self.class(t).is_none()
                    && !self.is_action(t)
                    && (matches!(code(t), T_F | T_D | T_V | T_VN | T_C) || self.is_nounish(t))
                    && !matches!(code(t), T_P)
            });
            let first = &self.tokens[r.start];
            if inner && !matches!(code(first), T_C | T_D) && !(code(first) == T_F && first.end - first.start > 1) {
                i = r.start;
            }
        }
        // Numbers alone (`1-5月`) name nothing.
        while i < end && code(&self.tokens[i]) == T_M && !self.is_han_word(&self.tokens[i]) {
            i += 1;
        }
        (i < end && self.tokens[end - 1].end - self.tokens[i].start >= 2)
            .then(|| (self.tokens[i].start, self.tokens[end - 1].end))
    }

    /// `城市居民纳入最低生活保障人数`, `非国有投资占全市固定资产投资比重`: a name that
    /// opens the clause (tokens `from..to`) right before the verb that leads to the
    /// metric at `label_start`, or that opens it.
    fn clause_topic(&self, from: usize, to: usize, label_start: usize) -> Option<Span> {
        let mut j = from;
        while j < to && self.tokens[j].end - self.tokens[from].start <= NAME_MAX {
            let t = &self.tokens[j];
            let name = self.is_nounish(t) || matches!(code(t), T_NS | T_NZ | T_NT | super::T_NR | super::T_B);
            if !name || !self.is_han_word(t) || self.class(t).is_some() {
                break;
            }
            j += 1;
        }
        if j == from || self.tokens[j - 1].end - self.tokens[from].start < 2 {
            return None;
        }
        let verbs = (j..to).all(|v| self.is_verb(&self.tokens[v]) && self.class(&self.tokens[v]).is_none());
        let opens_verb = j == to
            && self.token_starting(label_start).is_some_and(|k| {
                let t = &self.tokens[k];
                self.is_verb(t) || self.is(t, "占") || self.is(t, "佔")
            });
        ((j < to && to - j <= 2 && verbs) || opens_verb).then(|| (self.tokens[from].start, self.tokens[j - 1].end))
    }

    /// Does the sentence holding `at` continue a breakdown (`其中，…`, `其中：…`), or
    /// open one by what it sorts by (`从分行业看：`, `分产业看，`, `按行业分，`)?
    pub(super) fn in_breakdown(&self, at: usize) -> bool {
        let sent = self.sentence_start(at);
        let text = &self.chars[sent..at];
        let skip = text.iter().position(|c| !(c.is_whitespace() || matches!(c, '（' | '('))).unwrap_or(text.len());
        let head = &text[skip..text.len().min(skip + 8)];
        if head.starts_with(&['其', '中']) {
            return true;
        }
        // `从分行业看：批发业…`: a lead-in of a few chars, ending in 看 or 分, before a colon or comma.
        let lead = head.iter().position(|c| matches!(c, '：' | ':' | '，' | ','));
        lead.is_some_and(|p| {
            p >= 3 && matches!(head[0], '从' | '從' | '分' | '按') && matches!(head[p - 1], '看' | '分')
        })
    }
}
