//! Company and market news name whose figures they are once, at the head of a sentence or
//! clause, and then go on with the figures (labels.md rule 8): `比亚迪半年报显示，公司上半年净利润
//! 12.6亿元`, `中国平安上半年实现净利润581亿元`, `保利发展2021年度预计实现营业收入…`,
//! `2021年自主品牌的生产增长29%`, `一汽-大众仍是第一`, `而万科为3940亿元`.
//!
//! The head is the run of name words that opens the clause (over a connective such as `其中，`
//! and a time), when what follows the run shows it is who acts: a time or a year
//! (`上半年`, `2021年度`), a report or an act of the company (`半年报`, `发布`, `实现`), `的` and
//! the figure's own metric, the metric itself, or — right before the figure — a link
//! (`为`, `是`, `位居`). A metric, a deictic, a generic word (`公司`, `行业`) or a source
//! (`…局`, `…会`) is no name.
//!
//! The head is given to the figures of its sentence that have no owner, have a pronoun
//! (`公司`) or have only the front of the name, which the segmenter cut (`中国|平安`,
//! `江中|药业整体毛利率`: then the rest of the name leaves the label). A head right before its
//! figure over a link (`，万科为3940亿元`) is the figure's owner even over one found before.

use super::tokens::{T_A, T_B, T_D, T_ENG, T_J, T_M, T_N, T_NG, T_NR, T_NS, T_NT, T_NZ, T_T, T_VN, T_X, code, pack};
use super::words::{Class, ENTITY, GROWTH_WORDS, WORDS};
use super::{Doc, Span};
use crate::figures::units::{same_any, starts_with, string_of};
use crate::model::{Figure, Kind, Token};

/// Connectives a clause may open with before its head.
const OPENERS: &[&str] = &["其中", "此外", "另外", "同时", "而", "但", "不过", "与此同时", "相比之下", "对比来看"];
/// A company's reports and acts, which show the words before them name who reports (not
/// `表示`: a person speaks too, `羅致光表示`).
const ACTS: &[&str] =
    &["半年报", "年报", "中报", "财报", "季报", "业绩", "公告", "发布", "公布", "披露", "宣布", "实现", "预计", "预告"];
/// Qualifiers between a name and its metric (`保利平均融资成本`, `江中药业整体毛利率`).
const QUALIFIERS: &[&str] = &["平均", "整体", "总体", "合计", "累计", "全年"];
/// Words that open a metric's name, never a company's (`基本每股收益`, `稀释每股收益`).
const NOT_NAMES: &[&str] = &["基本", "稀释", "摊薄", "加权", "实际"];
/// Reports of a company, taken for a subject by the rules before.
const REPORTS: &[&str] =
    &["半年报", "年报", "中报", "财报", "季报", "三季报", "一季报", "快报", "业绩快报", "公告", "报告"];
/// The ends of a company's name that say it is one, which the segmenter cuts off the name and
/// writes fused to the metric (`江中|药业整体毛利率`).
const NAME_ENDS: &[&str] =
    &["药业", "矿业", "股份", "集团", "控股", "证券", "银行", "制药", "酒业", "置业", "地产", "实业", "重工", "电器"];
/// Links between a head and the figure right after it (`万科为3940亿元`, `一汽-大众仍是第一`).
const LINKS: &[&str] = &["为", "是", "位居", "位列", "排名", "排在", "稳居", "居", "列", "达", "达到"];
/// Last chars of a source of figures, not an owner of them (`统计局`, `乘联会`).
const SOURCES: &[char] = &['部', '局', '署', '委', '厅', '院', '办', '会', '盟', '协', '处', '府', '者'];
/// Pronouns standing for the company named before.
const PRONOUNS: &[&str] = &["公司", "该公司", "該公司", "其", "本公司", "集团", "集團"];
/// Parts of words that name a time (`去年同期`, tagged a noun).
const TIME_PARTS: &[&str] =
    &["同期", "去年", "今年", "上年", "本期", "前年", "年度", "季度", "月份", "年初", "年末", "年底"];
/// The most words and chars of a head.
const HEAD_WORDS: usize = 4;
const HEAD_CHARS: std::ops::RangeInclusive<usize> = 2..=12;

/// What shows a run of name words is who the clause is about.
#[derive(PartialEq, Clone, Copy)]
enum Cue {
    /// The metric, or `的` and the metric: the head of the clause.
    Head,
    /// A time, a year, a report or an act: the head of the clause, a company's name.
    Strong,
    /// A link right before the figure: the head is the figure's own owner.
    Link,
}

impl Doc<'_> {
    pub(super) fn lead_names(&self, figures: &mut [Figure]) {
        // (The head of a sentence is worked out once for all its figures.)
        let mut sentence: Option<(usize, Option<(Span, Cue)>)> = None;
        for f in figures.iter_mut() {
            if f.kind == Kind::Date {
                continue;
            }
            // `据半年报数据来看，保利平均融资成本3.62%`: a report is where figures are read, no owner.
            if f.subject.as_deref().is_some_and(|s| REPORTS.contains(&s)) {
                f.subject = None;
            }
            self.name_end_in_label(f);
            let own = f.subject.as_deref();
            let open = own.is_none_or(|s| PRONOUNS.contains(&s)) || own.is_some_and(|s| s.chars().count() <= 3);
            // (Only a link right before it gives an owned figure a head: the rest are passed by cheaply.)
            let linked =
                f.start > 0 && matches!(self.chars[f.start - 1], '为' | '是' | '居' | '列' | '名' | '在' | '达' | '到');
            if !open && !linked {
                continue;
            }
            let clause = self.lead_clause_open(f.start);
            let s0 = self.sentence_start(f.start);
            let head = match self.head_at(clause, f) {
                Some(h) => Some(h),
                None if clause > s0 => {
                    if sentence.is_none_or(|(at, _)| at != s0) {
                        sentence = Some((s0, self.head_at(s0, f)));
                    }
                    sentence.and_then(|(_, h)| h).filter(|&(_, cue)| cue != Cue::Link)
                }
                None => None,
            };
            let Some(((s, e), cue)) = head else { continue };
            if !open && cue != Cue::Link {
                continue;
            }
            // A lone place word heads place news, whose owners the rules before read: it only fills.
            let place =
                self.token_starting(s).is_some_and(|i| self.tokens[i].end == e && code(&self.tokens[i]) == T_NS);
            if place && f.subject.as_deref().is_some_and(|p| !PRONOUNS.contains(&p) && !TIME_PARTS.contains(&p)) {
                continue;
            }
            let name = string_of(&self.orig[s..e]);
            // `红帽运营现金流为…`: a head that runs over the figure's metric is no name.
            if f.label.as_deref().is_some_and(|l| l != name && name.contains(l)) {
                continue;
            }
            if f.label.as_deref().is_some_and(|l| l.contains(name.as_str())) {
                // `招商银行为598亿元`: the name taken for the label of an amount is the owner.
                if cue == Cue::Link
                    && f.label.as_deref() == Some(name.as_str())
                    && f.kind != Kind::Count
                    && matches!(self.chars.get(f.start.wrapping_sub(1)), Some('为' | '是'))
                {
                    f.label = None;
                    f.subject = Some(name);
                }
                continue;
            }
            match f.subject.as_deref() {
                None => f.subject = Some(name),
                // `2021年度` cut as `2021|年度`: a time word is no owner.
                Some(p) if PRONOUNS.contains(&p) || TIME_PARTS.contains(&p) => f.subject = Some(name),
                Some(p) if p == name => {}
                // `中国|平安`, `江中|药业整体毛利率`: the front of the name the segmenter cut.
                Some(p)
                    if name.starts_with(p)
                        && self.lead_cut_here(s, p, &name[p.len()..], f.label.as_deref(), cue == Cue::Strong) =>
                {
                    let rest = &name[p.len()..];
                    if let Some(l) = f.label.as_deref().and_then(|l| l.strip_prefix(rest)).filter(|l| !l.is_empty()) {
                        f.label = Some(l.to_string());
                    }
                    f.subject = Some(name);
                }
                // `中国|中免`: a place word opening a company's name is no scope of it.
                Some(p) if name.ends_with(p) && self.place_front(s, e, name.len() - p.len()) => f.subject = Some(name),
                Some(_) if cue == Cue::Link => f.subject = Some(name),
                Some(_) => {}
            }
        }
    }

    /// `江中|药业整体毛利率`: a name word as subject, written right before a label that opens with
    /// the end of a company's name and goes on with a metric: the end is the name's.
    fn name_end_in_label(&self, f: &mut Figure) {
        let (Some(sub), Some(label)) = (f.subject.as_deref(), f.label.as_deref()) else { return };
        let Some(end) = NAME_ENDS.iter().find(|w| label.starts_with(**w)) else { return };
        let rest = &label[end.len()..];
        let n = sub.chars().count();
        if rest.is_empty() || n > 4 {
            return;
        }
        let open = self.lead_clause_open(f.start);
        let Some(p) = (open..f.start.saturating_sub(n))
            .find(|&p| starts_with(self.orig, p, sub).is_some() && starts_with(self.orig, p + n, label).is_some())
        else {
            return;
        };
        let m = end.chars().count();
        let named = self.token_starting(p).is_some_and(|i| {
            let t = &self.tokens[i];
            t.end == p + n && matches!(code(t), T_NS | T_NZ | T_NR | T_NT | T_J)
        });
        let cut = self.token_starting(p + n).is_some_and(|i| self.tokens[i].end == p + n + m);
        let metric = self.names_metric((p + n + m, p + n + label.chars().count()));
        if named && cut && metric {
            f.subject = Some(string_of(&self.orig[p..p + n + m]));
            f.label = Some(rest.to_string());
        }
    }

    /// Where the clause holding `at` opens (after `，；：`, or the sentence's start).
    fn lead_clause_open(&self, at: usize) -> usize {
        let s0 = self.sentence_start(at);
        (s0..at).rev().find(|&p| matches!(self.chars[p], '，' | ',' | '：' | ':')).map_or(s0, |p| p + 1)
    }

    /// Is the subject `p` the front of the name starting at `s`, cut by the segmenter: the rest
    /// of the name opens the label (`江中|药业整体毛利率`), or `p` is the name's first word, a noun,
    /// and a time, a year or an act follows the name (`中国|平安上半年`, `保利|发展2021年度`)? `p` is the text's own, as the name is.
    fn lead_cut_here(&self, s: usize, p: &str, rest: &str, label: Option<&str>, strong: bool) -> bool {
        let Some(n) = starts_with(self.orig, s, p) else { return false };
        let first = self.token_starting(s).is_some_and(|i| {
            let t = &self.tokens[i];
            t.end == s + n && matches!(code(t), T_NS | T_NZ | T_NR | T_NT | T_J | T_N)
        });
        label.is_some_and(|l| l.starts_with(rest)) || strong && first
    }

    /// The head of the clause opening at `p`, before figure `f`, and what shows it.
    fn head_at(&self, p: usize, f: &Figure) -> Option<(Span, Cue)> {
        let hi = f.start;
        let mut i = self.token_starting(p)?;
        let tok = |i: usize| self.tokens.get(i).filter(|t| t.end <= hi);
        let label_at = |at: usize| f.label.as_deref().is_some_and(|l| starts_with(self.orig, at, l).is_some());
        // Over a connective (and its comma) and a time (`2021年`, `上半年`).
        let mut skipped = 0;
        while let Some(t) = tok(i) {
            let w = self.word(t);
            let skip = same_any(w, OPENERS)
                || matches!(w, ['，' | ','])
                || self.lead_timely(t)
                || code(t) == T_M && (w.iter().all(|c| c.is_ascii_digit()) || matches!(w, ['年' | '月' | '日' | '号']));
            if !skip || skipped >= 6 {
                break;
            }
            skipped += 1;
            i += 1;
        }
        let a = i;
        while let Some(t) = tok(i) {
            if i - a >= HEAD_WORDS {
                break;
            }
            let w = self.word(t);
            // `一汽-大众`: a hyphen between two words of a name.
            let hyphen =
                i > a && matches!(w, ['-' | '－' | '·']) && tok(i + 1).is_some_and(|n| self.lead_word(n, false));
            // `中国|中免/x`: a word the segmenter does not know, after a place word, ends a name.
            let unknown = i > a
                && code(t) == T_X
                && w.len() >= 2
                && w.iter().all(|c| super::is_han(*c))
                && code(&self.tokens[i - 1]) == T_NS;
            // (The run stops at a word naming a metric: `中国中免|净利润`.)
            // (Nor does it run into the figure's label: `保利|平均融资成本`.)
            // `保利|发展/vn 2021年度`: a loose word only right before a time, a year or an act.
            let loose_ok = !self.loose(t) || tok(i + 1).is_some_and(|n| self.strong_cue(n));
            if !(self.lead_word(t, i == a) && loose_ok || hyphen || unknown)
                || i > a && (self.names_metric((t.start, t.end)) || label_at(t.start))
            {
                break;
            }
            i += 1;
        }
        if i == a {
            return None;
        }
        let (s, e) = (self.tokens[a].start, self.tokens[i - 1].end);
        let name = &self.chars[s..e];
        let single = i - a == 1;
        if !HEAD_CHARS.contains(&name.len())
            || self.tokens[a..i].iter().any(|t| self.names_metric((s, t.end)))
            || name.last().is_some_and(|c| SOURCES.contains(c))
            || single && (WORDS.contains_key(name) || ENTITY.ending(name) == Some(name.len()))
            || self.tokens[a..i].iter().any(|t| self.is_deictic(t))
            // `全路`, `全行业`: a whole named by 全 is a deictic (rule 8).
            || name[0] == '全'
            || same_any(self.word(&self.tokens[a]), NOT_NAMES)
        {
            return None;
        }
        let t = tok(i)?;
        let w = self.word(t);
        if self.strong_cue(t) {
            return Some(((s, e), Cue::Strong));
        }
        // `保利平均融资成本`: over a qualifier to the metric.
        let qualified = self.is_any(t, QUALIFIERS) && label_at(t.end);
        if label_at(e) || qualified || matches!(w, ['的']) && label_at(t.end) {
            return Some(((s, e), Cue::Head));
        }
        // Over an adverb (`仍是`, `依然位居`) to a link right before the figure.
        let mut j = i;
        while tok(j).is_some_and(|t| code(t) == T_D || self.is_any(t, &["仍", "依然", "依旧", "再次", "继续", "也"]))
            && j < i + 2
        {
            j += 1;
        }
        let t = tok(j)?;
        (self.is_any(t, LINKS) && t.end == hi).then_some(((s, e), Cue::Link))
    }

    /// A time word or a word the segmenter tags a time that names one.
    fn lead_timely(&self, t: &Token) -> bool {
        (code(t) == T_T && !self.timeless_t(t)) || self.class(t) == Some(Class::Time)
    }

    /// A word that can be part of a company's, brand's or group's name; `first`: it opens it.
    fn lead_word(&self, t: &Token, first: bool) -> bool {
        let w = self.word(t);
        let tag = code(t);
        let named = matches!(tag, T_N | T_NZ | T_NT | T_NR | T_NS | T_NG | T_J | T_ENG)
            || tag == pack("nrt")
            // `Model`, `CS75` (a Han word the segmenter does not know, `比前`, `暂未`, is no name).
            || tag == T_X && w.iter().all(|c| c.is_ascii_alphanumeric())
            // `中国|平安/a`, `保利|发展/vn`, `上汽|通用/b`: tagged otherwise inside a name.
            || !first && self.loose(t) && !self.is_any(t, QUALIFIERS);
        named
            && !w.is_empty()
            && self.class(t).is_none_or(|c| c == Class::Generic)
            && !same_any(w, ACTS)
            && !self.lead_timely(t)
            && GROWTH_WORDS.ending(w).is_none()
            && !w.windows(2).any(|x| same_any(x, TIME_PARTS))
    }

    /// Is the head `s..e` a place word of `bytes` UTF-8 bytes (`中国`) and the rest of a company's
    /// name (no place or entity of its own)?
    fn place_front(&self, s: usize, e: usize, bytes: usize) -> bool {
        self.token_starting(s).is_some_and(|i| {
            let t = &self.tokens[i];
            code(t) == T_NS
                && t.end < e
                && self.orig[s..t.end].iter().map(|c| c.len_utf8()).sum::<usize>() == bytes
                // `江苏南京`: a place after a place is the place named, not a company's name.
                && !self.tokens[i + 1..].iter().take_while(|n| n.end <= e).any(|n| code(n) == T_NS || self.is_entity(n))
        })
    }

    /// A time, a year or a company's report or act after a name (`上半年`, `2021年度`, `发布`).
    fn strong_cue(&self, t: &Token) -> bool {
        let w = self.word(t);
        // (A number is a cue only as a year: `保利发展2021年度`, not `万科新发15笔`.)
        let year = code(t) == T_M && (w.len() == 4 && w.iter().all(|c| c.is_ascii_digit()) || w.last() == Some(&'年'));
        self.lead_timely(t) || year || same_any(w, ACTS)
    }

    /// A word tagged an adjective, verbal noun or distinguisher, taken into a name only after a
    /// word of it and before a time, a year or an act (`中国平安上半年`, `保利发展2021年度`).
    fn loose(&self, t: &Token) -> bool {
        matches!(code(t), T_A | T_VN | T_B)
    }
}

#[cfg(test)]
mod tests {
    use super::super::subjects_of as subjects;

    #[test]
    fn head_of_a_results_sentence() {
        let s = subjects("比亚迪半年报显示，公司上半年净利润12.6亿元，同比下降29.1%。");
        assert_eq!(s, [Some("比亚迪".to_string()), Some("比亚迪".to_string())]);
    }

    #[test]
    fn name_cut_by_the_segmenter() {
        let s = subjects("中国平安上半年实现净利润581亿元。");
        assert_eq!(s, [Some("中国平安".to_string())]);
    }
}
