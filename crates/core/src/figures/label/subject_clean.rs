//! The last look at each subject, whichever pass set it (labels.md rule 8: the
//! subject is the owner of the figure, a noun phrase):
//! - who speaks is no owner (`罗致光表示，建造业失业率由9.1%上升至10.9%`,
//!   `勞工及福利局局長羅致光指出：…`): a subject written right before a verb of saying
//!   that ends its clause is dropped, and a name the sentence gives may take its place;
//! - a word that introduces an item is no part of it (`當中建造業的失業率`, `以建造業（10.9%）`,
//!   `而零售業`).

use super::Doc;
use super::charbuf::Chars;
use super::tokens::{T_NR, code};
use crate::figures::units::starts_with;
use crate::model::{Figure, Kind};

/// Verbs of saying, after the speaker's name.
const SAYS: &[&str] = &[
    "表示", "指出", "认为", "認為", "介绍", "介紹", "称", "稱", "说", "說", "坦言", "透露", "强调", "強調", "预计",
    "預計", "估计", "估計", "提到", "解释", "解釋",
];
/// Titles of people (simplified): a subject with one names a speaker.
const TITLES: &[&str] = &[
    "局长",
    "部长",
    "司长",
    "署长",
    "厅长",
    "主席",
    "董事长",
    "总裁",
    "经理",
    "行长",
    "发言人",
    "分析师",
    "首席",
    "经济学家",
    "主任",
    "议员",
    "教授",
    "研究员",
    "秘书长",
    "会长",
];
/// Superlatives a subject read over a ranking ends in.
pub(super) const SUPERLATIVES: &[&str] = &["最高", "最低", "最大", "最小", "最多", "最少", "最快", "最慢", "居首"];
/// Linking words a ranked item's figure follows (simplified).
const LINKS: &[char] = &['达', '为', '是', '约'];
/// The longest item read, in chars.
const ITEM_MAX: usize = 14;
/// Common surnames (simplified, as the rules read the text).
const SURNAMES: &[char] = &[
    '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林',
    '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋',
    '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪',
    '范', '廖', '贾', '夏', '韦', '方', '邹', '孟', '熊', '秦', '邱', '尹', '薛', '闫', '段', '雷', '侯', '史', '陶',
    '黎', '贺', '顾', '毛', '郝', '龚', '邵', '钱', '严', '覃', '戴', '莫', '孔', '汤', '麦', '梅', '岑', '聂',
];
/// Time words between a speaker and the verb (`今日表示`).
const WHEN: &[&str] = &["今日", "今天", "日前", "昨日", "昨天", "近日", "早前", "亦", "也", "则", "則", "更"];
/// Words that introduce an item, at a subject's front (`失業率上升主要見於建造業（上升1.2個百分點）`:
/// where a change is seen, `尤其是零售業`: the item singled out). Read on the simplified text.
const INTROS: &[&str] =
    &["当中", "當中", "其中", "以", "而", "除", "至于", "至於", "主要见于", "见于", "尤其是", "特别是", "包括"];

impl Doc<'_> {
    pub(super) fn clean_subjects(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            if f.kind == Kind::Date {
                continue;
            }
            // `15-19歲的失業率最高，達17.6%` read as owned by `失業率最高`: a subject holding the
            // label or ending in a superlative is none; the item the sentence ranks is the owner.
            let bad = f.subject.as_deref().is_some_and(|s| {
                SUPERLATIVES.iter().any(|w| s.ends_with(w))
                    || f.label.as_deref().is_some_and(|l| l.chars().count() >= 2 && s.contains(l))
            });
            if (bad || f.subject.is_none())
                && matches!(f.kind, Kind::Percent | Kind::Money | Kind::Count | Kind::Quantity)
            {
                if let Some(item) = self.ranked_item(f.start).or_else(|| bad.then(|| self.owner_of_label(f)).flatten())
                {
                    f.subject = Some(item);
                    continue;
                }
                if bad {
                    f.subject = None;
                    continue;
                }
            }
            let Some(subject) = f.subject.as_deref() else { continue };
            let s = Chars::of(subject);
            if s.is_empty() {
                continue;
            }
            let Some((p, q)) = self.subject_place(&s, f.start, f.end) else { continue };
            if q <= f.start && self.speaks(q, f.start) && self.is_person((p, q)) {
                f.subject = None;
                continue;
            }
            // (the intro's length in chars is what `starts_with` answers: no word is counted)
            let intro = INTROS.iter().find_map(|w| starts_with(&self.chars[p..q], 0, w).filter(|&n| s.len() >= n + 2));
            if let Some(n) = intro {
                f.subject = Some(self.text((p + n, q)));
            }
        }
    }

    /// `最高為建造業中的「樓房裝飾、修葺及保養」，達14.6%`, `其次是20-24歲，為17.1%`: a figure whose
    /// clause is a linking word alone belongs to the item the clause before names after 為/是.
    fn ranked_item(&self, at: usize) -> Option<String> {
        let mut c = at;
        while c > 0 && LINKS.contains(&self.chars[c - 1]) {
            c -= 1;
        }
        if c == at || c == 0 || !matches!(self.chars[c - 1], '，' | ',') {
            return None;
        }
        let end = c - 1;
        let lo = end.saturating_sub(ITEM_MAX + 8);
        // (an item may list its parts with 、: `「樓房裝飾、修葺及保養」`)
        let start = (lo..end)
            .rev()
            .find(|&p| super::CLAUSE_BREAKS.contains(&self.chars[p]) && self.chars[p] != '、')
            .map_or(lo, |p| p + 1);
        // `15-19歲的失業率最高，達17.6%`: the item before 的 of a ranked metric.
        let clause = &self.chars[start..end];
        if SUPERLATIVES.iter().any(|w| starts_with(clause, clause.len().saturating_sub(2), w).is_some())
            && let Some(de) = (start..end).find(|&p| self.chars[p] == '的')
        {
            return self.item_text(start, de);
        }
        // Else the item after the last 為/是 (or 的) of the clause before.
        let from = (start..end).rev().find(|&p| matches!(self.chars[p], '为' | '是' | '的'))? + 1;
        self.item_text(from, end)
    }

    /// `餐飲服務活動業的失業率升幅最高，…增加0.7%`: the owner written before `的<label>` in the sentence.
    fn owner_of_label(&self, f: &Figure) -> Option<String> {
        let l = Chars::of(f.label.as_deref()?);
        let n = l.len();
        if n < 2 {
            return None;
        }
        let sent = self.sentence_start(f.start);
        let p = (sent + 1..f.start.saturating_sub(n))
            .rev()
            .find(|&p| self.chars[p - 1] == '的' && self.orig[p..p + n] == l[..])?;
        let de = p - 1;
        let lo = de.saturating_sub(ITEM_MAX).max(sent);
        let start = (lo..de).rev().find(|&q| super::CLAUSE_BREAKS.contains(&self.chars[q])).map_or(lo, |q| q + 1);
        self.item_text(start, de)
    }

    /// The item written in `a..b`, its quotes dropped, if it reads as a name.
    fn item_text(&self, a: usize, b: usize) -> Option<String> {
        if a >= b {
            return None;
        }
        let a =
            INTROS.iter().find(|w| starts_with(&self.chars[a..b], 0, w).is_some()).map_or(a, |w| a + w.chars().count());
        let w = &self.chars[a..b];
        let ok = (2..=ITEM_MAX).contains(&w.len())
            && w.iter().all(|c| {
                super::is_han(*c) || c.is_ascii_alphanumeric() || matches!(c, '-' | '、' | '「' | '」' | '“' | '”')
            })
            && !w.iter().any(|c| matches!(c, '年' | '月'))
            && !self.names_metric((a, b));
        ok.then(|| self.text((a, b)))
    }

    /// Does `p..q` name a person (a name the segmenter tags as one, or with a title)? A
    /// company that says something (`华润雪花啤酒今日表示，其以3亿元收购…`) speaks of its own figures.
    fn is_person(&self, (p, q): (usize, usize)) -> bool {
        let w = &self.chars[p..q];
        if TITLES.iter().any(|t| (0..w.len()).any(|i| starts_with(w, i, t).is_some())) {
            return true;
        }
        // `罗致光`, `羅致|光`: three chars opening with a surname (the segmenter often cuts such names).
        if w.len() == 3 && SURNAMES.contains(&w[0]) {
            return true;
        }
        let r = self.within(p, q);
        !r.is_empty()
            && self.tokens[r.start].start == p
            && self.tokens[r.end - 1].end == q
            && self.tokens[r].iter().all(|t| code(t) == T_NR)
    }

    /// Does a verb of saying that ends its clause follow at `q` (before `lim`)?
    fn speaks(&self, q: usize, lim: usize) -> bool {
        let mut at = q;
        if let Some(n) = WHEN.iter().find_map(|w| starts_with(&self.chars[at..lim], 0, w).map(|_| w.chars().count())) {
            at += n;
        }
        let Some(n) = SAYS.iter().find_map(|w| starts_with(&self.chars[at..lim], 0, w).map(|_| w.chars().count()))
        else {
            return false;
        };
        matches!(self.chars.get(at + n), Some('，' | ',' | '：' | ':' | '“' | '「'))
    }
}
