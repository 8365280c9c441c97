//! Whose a figure is when its sentence says so away from the metric's own words
//! (`labels.md` rule 8), in the way communiqués, bureau analyses and news write it:
//! - a group written fused to the front of the metric (`在岗职工年平均工资`,
//!   `现代汽车销量`, `设区城市PM2.5平均浓度`): the group is the subject, the rest the label;
//! - the base of a comparison (`与丰田汽车仅相差13万辆`, `比全国平均高`) is never the subject;
//! - the subject named early in a sentence carries to the figures of its later
//!   clauses that name none (`规上文化企业实现营业收入…，从业人员2.86万人`).

use super::tokens::*;
use super::words::{Class, ENTITY, METRIC};
use super::{Doc, Own, SENTENCE_BREAKS, Span};
use crate::figures::units::{Endings, ends_with, ends_with_any, starts_with};
use crate::model::{Figure, Kind};

/// How a group that owns a metric ends: people, bodies, places, product groups.
const OWNER_ENDINGS: &[&str] = &[
    "职工",
    "職工",
    "城市",
    "断面",
    "斷面",
    "汽车",
    "汽車",
    "消费品",
    "消費品",
    "零件",
    "企业",
    "企業",
    "公司",
    "单位",
    "單位",
    "经济",
    "經濟",
    "考生",
    "农户",
    "農戶",
    "行业",
    "行業",
    "机构",
    "機構",
    "国家",
    "國家",
    "集团",
    "集團",
    "银行",
    "銀行",
];

/// Scopes that end like an owner but say which statistic it is (rule 3).
/// [`OWNER_ENDINGS`] by their last char: asked at every word end of a label.
static OWNER_END: std::sync::LazyLock<Endings> = std::sync::LazyLock::new(|| Endings::new(OWNER_ENDINGS));
const NOT_OWNER: &[&str] = &["社会消费品", "社會消費品", "外商投资企业", "外商投資企業"];

/// How a metric opens that needs the group before it (rule 3): a retail total by
/// scope (`乡村消费品零售额`, `限额以上单位消费品零售额`), an insurance scheme
/// (`城镇职工基本养老保险人数`).
const NEEDS_GROUP: &[&str] = &[
    "零售",
    "商品",
    "消费品",
    "消費品",
    "基本",
    "养老",
    "養老",
    "医疗",
    "醫療",
    "失业",
    "失業",
    "工伤",
    "工傷",
    "生育",
];

/// Heads of a metric beyond [`METRIC`] that an owner's metric may end in.
const MORE_HEADS: &[&str] = &["浓度", "濃度"];

/// Words before a name that make it the base of a comparison, not an owner.
const COMPARED: &[&str] = &[
    "与", "與", "同", "跟", "比", "较", "較", "相比", "相较", "相較", "对比", "對比", "超越", "超过", "超過", "高于",
    "低于", "高於", "低於", "领先", "領先", "落后", "落後",
];

/// The longest owner, in chars.
const OWNER_MAX: usize = 12;

impl Doc<'_> {
    /// A group written fused to the front of the figure's metric, or right before
    /// it (over a time word: `在岗职工年平均工资`), is the figure's subject.
    pub(super) fn fused_owner(&self, figures: &[Figure], k: usize, own: &mut Own) {
        self.share_owner(figures, k, own);
        self.joined_item(own);
        // `民营经济比重为52.1%，…，拉动全市经济增长3.1个百分点`: a subject that names a
        // metric (taken whole from the head of the sentence) is of the group fused in it.
        if let Some((a, b)) = own.subject
            && self.names_metric((a, b))
            && let Some(c) = self
                .within(a, b)
                .map(|i| self.tokens[i].end)
                .find(|&c| c > a + 2 && c < b && self.owner_ends(c) && self.owner_metric(c, b))
        {
            own.subject = Some((a, c));
        }
        if own.after || own.item || own.subject.is_some() || figures[k].kind == Kind::Date {
            return;
        }
        let Some((s, e)) = own.label else { return };
        let prev_end = if k > 0 { figures[k - 1].end.min(s) } else { 0 };
        let lo = self.clause_start(s, prev_end);
        // Inside the label: the owner, then a whole metric, at a word's edge or
        // inside a word that ends in a metric's head (`现代`+`汽车销量`).
        let r = self.within(s, e);
        for i in r.clone() {
            let t = &self.tokens[i];
            for b in t.start + 1..=t.end {
                let edge = b == t.end;
                if b >= e || !(edge || METRIC.contains(&self.chars[b..t.end])) {
                    continue;
                }
                if !(edge && self.is_nounish(t) || !edge && code(t) & 0xff == u32::from(b'n')) || !self.owner_ends(b) {
                    continue;
                }
                if !self.owner_metric(b, e) {
                    return;
                }
                let start = self.owner_start(s, lo);
                if OWNER_END.find(self.chars, b).is_some_and(|(_, n)| b - start > n) {
                    own.subject = Some((start, b));
                    own.label = Some((b, e));
                }
                return;
            }
        }
        // Right before the label.
        let mut at = s;
        // `职工年平均工资`: an annual metric, `年` cut off it.
        if let Some(i) = self.token_ending(at, lo)
            && (self.class(&self.tokens[i]) == Some(Class::Time) || self.is(&self.tokens[i], "年"))
            && self.tokens[i].end - self.tokens[i].start == 1
        {
            at = self.tokens[i].start;
        }
        if at > lo
            && let Some(i) = self.token_ending(at, lo)
            && self.is_nounish(&self.tokens[i])
            && self.owner_ends(at)
            && self.names_metric((s, e))
        {
            let start = self.owner_start(at, lo);
            if OWNER_END.find(self.chars, at).is_some_and(|(_, n)| at - start > n) {
                own.subject = Some((start, at));
            }
        }
    }

    /// `证券业务占该公司营收比重一般在50%以上`, `非国有投资占全市固定资产投资比重为24.6%`:
    /// a share (rule 6) is of what is named right before 占, metric words and all;
    /// a deictic after 占 names the whole, not the owner.
    fn share_owner(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let Some((s, e)) = own.label else { return };
        if own.after || own.item || !matches!(self.chars[s], '占' | '佔') || figures[k].kind == Kind::Date {
            return;
        }
        let prev_end = if k > 0 { figures[k - 1].end.min(s) } else { 0 };
        let lo = self.clause_start(s, prev_end);
        let mut start = s;
        while let Some(i) = self.token_ending(start, lo) {
            let t = &self.tokens[i];
            if s - t.start > OWNER_MAX || !self.is_han_word(t) || !self.is_content(t) || self.is_action(t) {
                break;
            }
            start = t.start;
        }
        // A subject found before is kept, unless it is a part of the owner's phrase
        // (`城镇` of `城镇就业人员占全部就业人员比重`).
        if own.subject.is_some_and(|(a, b)| (a < s || b > e) && !(a >= start && b <= s)) {
            return;
        }
        if s - start >= 2 {
            own.subject = Some((start, s));
        }
    }

    /// `服装、鞋帽、针纺织品类增长31.0%`, `電器及其他未分類耐用消費品下跌15.9%`: an item of a
    /// breakdown named by several words joined with 、 or 及 is one item, from the head of
    /// its clause (the words before the joiner are no item of their own: no figure follows them).
    fn joined_item(&self, own: &mut Own) {
        let Some((a, b)) = own.subject else { return };
        if !own.item || own.respectively || a == 0 {
            return;
        }
        let joined = matches!(self.chars[a - 1], '、' | '及' | '和' | '与' | '與')
            || ends_with_any(self.chars, a, &["及其他", "和其他", "及其它"]).is_some();
        if !joined {
            return;
        }
        let mut s = a;
        while s > 0 && a - s < 24 && (super::is_han(self.chars[s - 1]) || self.chars[s - 1] == '、') {
            s -= 1;
        }
        let opens = s == 0 || matches!(self.chars[s - 1], '，' | ',' | '。' | '；' | ';' | '：' | ':' | '\n' | ' ');
        if !opens || a - s < 2 || self.chars[s] == '、' {
            return;
        }
        for w in ["其中", "当中", "當中", "以及"] {
            if let Some(n) = starts_with(self.chars, s, w) {
                s += n;
            }
        }
        // `在疫情防控常态化、…`: a clause opened by a preposition names no item.
        if matches!(self.chars[s], '在' | '对' | '對' | '为' | '為') {
            return;
        }
        if self.find(s, b, "分别").is_none() && self.find(s, b, "分別").is_none() {
            own.subject = Some((s, b));
        }
    }

    /// Does an owner end at `b`?
    fn owner_ends(&self, b: usize) -> bool {
        OWNER_END.find(self.chars, b).is_some() && ends_with_any(self.chars, b, NOT_OWNER).is_none()
    }

    /// Is `b..e` a whole metric an owner can have (`销量`, `PM2.5平均浓度`)?
    fn owner_metric(&self, b: usize, e: usize) -> bool {
        e - b >= 2
            && !NEEDS_GROUP.iter().any(|w| starts_with(self.chars, b, w).is_some())
            && (self.names_metric((b, e)) || MORE_HEADS.iter().any(|h| ends_with(self.chars, e, h).is_some()))
            && self.token_starting(b).is_none_or(|i| self.class(&self.tokens[i]).is_none())
    }

    /// Where an owner ending at `b` starts: back over the words of its name, a
    /// quoted name among them (`“一带一路”沿线国家`), not before `lo`.
    fn owner_start(&self, b: usize, lo: usize) -> usize {
        let mut s = b;
        while let Some(i) = self.token_ending(s, lo) {
            let t = &self.tokens[i];
            if b - t.start > OWNER_MAX {
                break;
            }
            if matches!(self.word(t), ['”'] | ['」']) {
                match (lo..t.start).rev().find(|&j| matches!(self.chars[j], '“' | '「')) {
                    Some(open) if b - open <= OWNER_MAX => {
                        s = open;
                        continue;
                    }
                    _ => break,
                }
            }
            let name = self.is_nounish(t)
                || matches!(code(t), T_NZ | T_NT | T_NS | T_NR | T_A | T_B | T_V | T_VN) && !self.is_action(t);
            if !name || !self.is_han_word(t) || self.class(t).is_some() {
                break;
            }
            s = t.start;
        }
        // `在`+`岗`+`职工`: a one-char word after a one-char word is most often one word cut in two.
        if let Some(i) = self.token_starting(s).filter(|_| s < b)
            && self.tokens[i].end - s == 1
            && let Some(p) = self.token_ending(s, lo)
            && self.tokens[p].end - self.tokens[p].start == 1
            && self.is_han_word(&self.tokens[p])
            && !matches!(self.chars[s - 1], '的' | '和' | '与' | '及' | '对' | '對' | '为')
        {
            s -= 1;
        }
        // It opens with a name, not a verb.
        while let Some(i) = self.token_starting(s).filter(|_| s < b) {
            let t = &self.tokens[i];
            if code(t) == T_V && self.tokens.get(i + 1).is_some_and(|n| n.end <= b && code(n) == T_V) {
                s = t.end;
            } else {
                break;
            }
        }
        s
    }

    /// The base of a comparison taken for the subject (`与丰田汽车仅相差`,
    /// `高于全国平均水平`): the owner is named before the comparison, or nowhere.
    pub(super) fn not_compared(&self, figures: &[Figure], k: usize, own: &mut Own, before_it: &[Own]) {
        for _ in 0..3 {
            let Some((s, _)) = own.subject else { return };
            let Some((_, n)) = ends_with_any(self.chars, s, COMPARED) else { return };
            let at = s - n;
            let from = at.min(figures[k].start);
            let counted: Vec<Span> = before_it.iter().rev().take(8).filter_map(|o| o.label).collect();
            own.subject = self.subject_before(from, &counted).filter(|&(_, e)| e <= at);
        }
    }

    /// The subject of a sentence carries to the figures of its later clauses
    /// that name none of their own: the nearest subject before in the sentence,
    /// unless it is an item of a breakdown or list (its siblings are not its parts).
    pub(super) fn carry_sentence(&self, figures: &mut [Figure], owns: &[Own]) {
        for k in 1..figures.len() {
            let f = &figures[k];
            if f.subject.is_some() || matches!(f.kind, Kind::Date) || owns[k].after {
                continue;
            }
            let Some(label) = f.label.as_deref() else { continue };
            // `，高于全国平均水平10.04个百分点`: a comparison with a base is the figure's
            // own difference, of the metric and the owner before it (its base, taken
            // for a breakdown item, is none).
            let compared = self.compares(f.start);
            if !compared && (owns[k].item || !self.opens_clause(f.start, label)) {
                continue;
            }
            // The figure's own clause opens with its metric or a comparison: what is
            // read is the text between the figures before it and that clause, with the
            // mark that opens the clause.
            let own_lo = (f.start.saturating_sub(40)..f.start)
                .rev()
                .find(|&p| matches!(self.chars[p], '，' | ',') || SENTENCE_BREAKS.contains(&self.chars[p]))
                .map_or(f.start, |p| p + 1);
            let mut from = None;
            for j in (k.saturating_sub(12)..k).rev() {
                let gap = &self.chars[figures[j].end.min(own_lo)..own_lo.max(figures[j].end)];
                // A colon opens a breakdown, `其中` and `分别` its parts, a deictic or a
                // source a new topic: what they name is not the lead-in's.
                if gap.iter().any(|c| SENTENCE_BREAKS.contains(c) || matches!(c, '：' | ':'))
                    || NEW_TOPIC.iter().any(|w| has_word(gap, w))
                {
                    break;
                }
                if figures[j].subject.is_some() {
                    from = Some(j);
                    break;
                }
            }
            let from = from.filter(|&j| {
                (!compared || figures[j].label == figures[k].label)
                    && !owns[j].item
                    && !owns[j].respectively
                    && self.in_brackets(figures[j].start) == self.in_brackets(figures[k].start)
            });
            let Some(j) = from else {
                if let Some(body) = self.sentence_body(figures, owns, k, own_lo) {
                    figures[k].subject = Some(body);
                }
                continue;
            };
            let subject = figures[j].subject.clone();
            let f = &mut figures[k];
            if subject.as_deref().is_some_and(|s| !f.label.as_deref().is_some_and(|l| l.contains(s))) {
                f.subject = subject;
            }
        }
    }

    /// `高等学校6所，其中综合性本科院校1所、…，共有在校学生7.69万人`: the bodies a
    /// sentence opens by counting have the people and money of its later clauses,
    /// over a breakdown of them or a note in brackets. The body's name, if so.
    fn sentence_body(&self, figures: &[Figure], owns: &[Own], k: usize, own_lo: usize) -> Option<String> {
        let f = &figures[k];
        let attribute = matches!(f.kind, Kind::Money)
            || f.kind == Kind::Count && f.unit.as_deref().is_some_and(|u| PEOPLE_UNITS.contains(&u));
        if !attribute || self.in_brackets(f.start) {
            return None;
        }
        let mut first = None;
        for j in (k.saturating_sub(12)..k).rev() {
            if self.sentences.ends_within(figures[j].end, own_lo.max(figures[j].end)) {
                break;
            }
            first = Some(j);
        }
        let j = first?;
        let g = &figures[j];
        let label = g.label.as_deref()?;
        // The name in simplified characters, on the stack: this is asked of many figures.
        let mut buf = ['\0'; 16];
        let mut n = 0;
        for c in label.chars() {
            *buf.get_mut(n)? = crate::simplified::simplify(c);
            n += 1;
        }
        let simple = &buf[..n];
        // A list of bodies (`小学625所、教学点965个`) is no one owner; nor is a post (`岗位`).
        let body = g.kind == Kind::Count
            && self.chars.get(g.end) != Some(&'、')
            && !label.ends_with("岗位")
            && !label.ends_with("崗位")
            && !owns[j].after
            && !owns[j].item
            && g.unit.as_deref().is_some_and(|u| BODY_UNITS.contains(&u))
            && METRIC.ending(simple).is_none()
            && (ENTITY.ending(simple).is_some() || simple.last().is_some_and(|c| BODY_ENDINGS.contains(c)));
        // Its own clause opens the sentence with the body (`；普通初中220所`, `全市共有职业院校5所`).
        let opens = (g.start.saturating_sub(label.chars().count() + 4)..g.start)
            .any(|p| p == 0 || SENTENCE_BREAKS.contains(&self.chars[p - 1]) || matches!(self.chars[p - 1], '：' | ':'));
        (body && opens && f.label.as_deref().is_some_and(|l| !l.contains(label))).then(|| label.to_string())
    }

    /// Does the clause of a figure at `at` open with a comparison with a base?
    fn compares(&self, at: usize) -> bool {
        let lo = (at.saturating_sub(30)..at)
            .rev()
            .find(|&p| matches!(self.chars[p], '，' | ',' | '。' | '；' | ';' | '\n'))
            .map_or(at.saturating_sub(30), |p| p + 1);
        COMPARISON_OPENERS.iter().any(|w| starts_with(self.chars, lo, w).is_some())
    }

    /// Does the clause of a figure at `at` open with its metric `label`
    /// (`，从业人员2.86万人`, `，实现营业收入…`), naming nothing else before it?
    fn opens_clause(&self, at: usize, label: &str) -> bool {
        let lo = (at.saturating_sub(40)..at)
            .rev()
            .find(|&p| matches!(self.chars[p], '，' | ',' | '、' | '。' | '；' | ';' | '\n'))
            .map_or(at.saturating_sub(40), |p| p + 1);
        let n = label.chars().count();
        (lo..at.saturating_sub(n.saturating_sub(1)))
            .take(3)
            .any(|p| p + n <= at && self.orig[p..p + n].iter().copied().eq(label.chars()))
    }
}

/// Words that open a comparison with a base (`高于全国平均水平`, `比全省平均高`).
const COMPARISON_OPENERS: &[&str] =
    &["高于", "低于", "高於", "低於", "快于", "慢于", "快於", "慢於", "高出", "超过", "超過", "比全", "较全", "較全"];

/// Measure words of what a body has: its people, its beds.
const PEOPLE_UNITS: &[&str] = &["人", "名", "人次", "张", "張", "床"];
/// Measure words that count bodies (schools, firms, households, institutions).
const BODY_UNITS: &[&str] = &["所", "家", "户", "戶", "个", "個", "座", "处", "處", "间", "間", "支"];
/// How the name of a counted body ends, beyond the endings of a named entity.
const BODY_ENDINGS: &[char] = &['中', '学', '學', '户', '戶', '团', '團', '部', '位', '点', '點', '馆', '館'];

/// Words that open a new topic in a sentence, or its parts.
const NEW_TOPIC: &[&str] =
    &["其中", "分别", "分別", "全县", "全縣", "全市", "全省", "全区", "全區", "全国", "全國", "据", "據"];

fn has_word(chars: &[char], w: &str) -> bool {
    // The last char turns most positions away before the rest of `w` is decoded.
    let Some(last) = w.chars().next_back() else { return true };
    (1..=chars.len()).any(|e| chars[e - 1] == last && ends_with(chars, e, w).is_some())
}
