//! The topic of a sentence carried over its clauses (rule 8): a clause that
//! opens with a noun phrase and goes on with a verb, a time word, a number,
//! `的`, a conjunction of cause (`由于`) or a word of recent time (`最近`) says
//! what its clause is about (`长航局加快…，推动新建4处…`,
//! `越秀地产全口径销售金额达到568亿元`, `本年新增个体户2102户，从业人员6534人`).
//! A figure that has no subject after every other rule takes the topic of its
//! own clause, or else of the nearest clause before it in its sentence that
//! has one. A clause opening with a deictic (`全市`, `该公司`, `我国`) ends the
//! search with none, and a clause that opens with a metric (`北向净买入金额`)
//! or with none (`截至12月29日`, `从主要商品看`) is read over.

use super::tokens::*;
use super::words::{Class, ENTITY};
use super::{Doc, Span};
use crate::model::{Figure, Kind, Token};

/// The longest topic, in chars and in tokens.
const TOPIC_MAX: usize = 12;
const TOPIC_TOKENS: usize = 5;
/// How many clauses back a topic is carried.
const CLAUSES_MAX: usize = 6;

/// What the opening of a clause says.
#[derive(Clone, Copy)]
enum Opening {
    /// A noun phrase the clause is about.
    Topic(Span),
    /// A deictic: the sentence's owner is not named.
    Deictic,
    /// Nothing: the clause continues the topic before it.
    None,
}

impl Doc<'_> {
    /// Give each figure still without a subject the topic its sentence carries to it.
    pub(super) fn carry_topic(&self, figures: &mut [Figure]) {
        // The clauses before a figure are read again for each later figure of their sentence:
        // what each opens with is worked out once (it depends on where the figures are, not
        // on the subjects given here). Only the clauses of the sentence at hand are kept: a later
        // figure's sentence starts no earlier, and reads no clause before it.
        let mut openings: Vec<(Span, Opening)> = Vec::new();
        // The first figure that may end in or after the sentence at hand: the clauses read ask
        // only of the figures from there to this one (whether one is at a place, a date, or
        // follows a topic), which are searched, not the whole text's.
        let mut lo = 0;
        for k in 0..figures.len() {
            let f = &figures[k];
            if f.kind == Kind::Date || f.subject.is_some() {
                continue;
            }
            let floor = self.sentence_start(f.start).saturating_sub(1);
            lo = crate::figures::partition_from(figures, lo, |g| g.end <= floor).min(k);
            let near = &figures[lo..=k];
            let Some(span) = self.topic_before(near, k - lo, f.label.as_deref(), &mut openings) else {
                continue;
            };
            let name = self.text(span);
            let f = &mut figures[k];
            // Rule 8: the entity already inside the label, or the label itself, is no subject.
            let inside = |l: &str| !l.is_empty() && (l.contains(name.as_str()) || name.contains(l));
            if name.chars().count() < 2 || f.label.as_deref().is_some_and(inside) {
                continue;
            }
            f.subject = Some(name);
        }
    }

    /// The topic of the clause of `figures[k]`, or of the nearest clause before it in its sentence.
    fn topic_before(
        &self,
        figures: &[Figure],
        k: usize,
        label: Option<&str>,
        openings: &mut Vec<(Span, Opening)>,
    ) -> Option<Span> {
        let f = &figures[k];
        let sent = self.sentence_start(f.start);
        openings.retain(|&((s, _), _)| s >= sent);
        let mut end = f.start;
        for n in 0..=CLAUSES_MAX {
            let start = self.topic_clause_start(end, sent);
            let opening = match openings.iter().find(|(key, _)| *key == (start, end)) {
                Some(&(_, o)) => o,
                None => {
                    let o = self.opening(start, end, figures);
                    openings.push(((start, end), o));
                    o
                }
            };
            match opening {
                Opening::Deictic => return None,
                Opening::Topic(s) if n > 0 && self.sibling(s, end, figures, label) => return None,
                Opening::Topic(s) => return Some(s),
                Opening::None => {}
            }
            if start <= sent {
                return None;
            }
            end = start - 1;
        }
        None
    }

    /// `财产险保费收入304.2亿元，寿险保费收入475.4亿元`: the topic `s` of a clause before, ending at
    /// `end`, is an item parallel to the figure's own (its label is the same metric after a name
    /// of its own), not its owner.
    fn sibling(&self, (_, e): Span, end: usize, figures: &[Figure], label: Option<&str>) -> bool {
        let Some(label) = label else { return false };
        let i = figures.partition_point(|f| f.start < e);
        let Some(f) = figures.get(i).filter(|f| f.start < end) else { return false };
        let rest = &self.orig[e..f.start];
        let n = label.chars().count();
        rest.len() >= 2 && n > rest.len() && label.chars().skip(n - rest.len()).eq(rest.iter().copied())
    }

    /// Where the clause ending at `at` begins: after a comma or colon, not before `floor`.
    fn topic_clause_start(&self, at: usize, floor: usize) -> usize {
        (floor..at).rev().find(|&p| matches!(self.chars[p], '，' | ',' | '：' | ':')).map_or(floor, |p| p + 1)
    }

    /// What the clause `start..end` opens with.
    fn opening(&self, start: usize, end: usize, figures: &[Figure]) -> Opening {
        let r = self.within(start, end);
        let Some(i) = self.clause_body_token(start, end, figures) else { return Opening::None };
        let t = &self.tokens[i];
        if self.is_deictic(t) || self.is(t, "以上") || self.is(t, "上述") {
            return Opening::Deictic;
        }
        // `公司预计…`: a bare generic name refers back to the name before it.
        if ENTITY.contains(self.word(t)) {
            return Opening::None;
        }
        let first = i;
        // A determiner is a pronoun or a word of its own (`该/基金`, `这一`, `所有`, `上述`), not a name's first
        // char (`上海`, `本溪`).
        if DETERMINERS.contains(&self.chars[t.start]) && (matches!(code(t), T_R | T_X | T_B) || t.end - t.start == 1) {
            // `该基金`, `本公司`, `上述项目` stand for a name (rule 8); `这一期间`, `所有投资者` name none.
            return if matches!(self.chars[t.start], '该' | '該' | '本' | '此') {
                Opening::Deictic
            } else {
                Opening::None
            };
        }
        let mut j = i;
        // `“两路二环”工程`, `“科贷通”`: a quoted name is one word.
        // Where the last head noun of the phrase ends (the token after it).
        let mut head = None;
        if self.is(&self.tokens[j], "“") {
            let close = (j + 1..r.end.min(j + 8)).find(|&n| self.is(&self.tokens[n], "”"));
            match close {
                Some(c) => j = c + 1,
                None => return Opening::None,
            }
            head = Some(j);
        }
        while j < r.end && j - first < TOPIC_TOKENS {
            let t = &self.tokens[j];
            if in_figure(figures, t.start) || t.end - self.tokens[first].start > TOPIC_MAX {
                break;
            }
            let noun = self.is_head_noun(t);
            let alnum = j > first
                && matches!(code(t), T_ENG | T_X)
                && t.end - t.start <= 6
                && self.word(t).iter().all(|c| c.is_ascii_alphanumeric())
                && self.word(t).first().is_some_and(|c| c.is_ascii_alphabetic());
            // `哈弗H6`, `金鹰信息产业A`, `北向资金`, `东方财富`: an unknown word, or a direction or place word
            // before a head noun, is part of the name.
            let part = (code(t) == T_X
                && t.end - t.start >= 2
                && self.is_han_word(t)
                && (t.end - t.start > 2 || !FUNCTION_FIRST.contains(&self.chars[t.start]))
                || j == first && matches!(code(t), T_F | T_S))
                && self.tokens.get(j + 1).is_some_and(|n| self.is_head_noun(n) || code(n) == T_ENG);
            // `餐饮服务活动业`: a verbal noun between name words is part of the name.
            let verbal = j > first
                && code(t) == T_VN
                && self.is_han_word(t)
                && (j + 1..r.end.min(j + 3))
                    .take_while(|&n| n == j + 1 || code(&self.tokens[n - 1]) == T_VN)
                    .any(|n| self.names_kind(&self.tokens[n]));
            if !(noun || alnum || part || verbal) {
                break;
            }
            j += 1;
            if noun || alnum {
                head = Some(j);
            }
        }
        let Some(j) = head else { return Opening::None };
        // No noun phrase, or one that runs to the figure (its own metric or item).
        if j >= r.end {
            return Opening::None;
        }
        // `成绩`, `降幅`, `重点`: a common noun of two chars alone says too little to be a name.
        if j == first + 1 && code(&self.tokens[first]) == T_N && self.tokens[first].end - self.tokens[first].start <= 2
        {
            return Opening::None;
        }
        let span = (self.tokens[first].start, self.tokens[j - 1].end);
        // What comes next says the phrase is a topic: a verb, an adverb, a time word, a number, `的`, `中`.
        let next_ok = in_figure(figures, self.tokens[j].start)
            || matches!(code(&self.tokens[j]), T_V | T_VD | T_VI | T_VN | T_D | T_AD | T_P | T_T | T_M)
            || matches!(self.class(&self.tokens[j]), Some(Class::Time | Class::Filler | Class::Change | Class::Verb))
            || self.is(&self.tokens[j], "的")
            || self.is(&self.tokens[j], "中")
            || self.opens_predicate(&self.tokens[j]);
        // `普通初中220所（…），在校学生…`: a name counted opens the sentence and its attributes follow;
        // a count after the first clause is one of them (`在校学生25.13万人`).
        // A date after the name (`据悉，比亚迪上半年营业收入…`) is when, not a count of it.
        let at = self.tokens[j].start;
        let counted = in_figure(figures, at) && !in_date(figures, at) || code(&self.tokens[j]) == T_M;
        if !next_ok || counted && self.sentence_start(start) != start {
            return Opening::None;
        }
        // A metric (`北向净买入金额`), a source (`Choice数据统计`), a sort (`按贷款类型看`) is no topic.
        if self.names_metric(span)
            || self.is_source(span.0, span.1)
            || self.is_sort_lead(span)
            || self.chars[span.0..span.1].iter().any(|c| matches!(c, '、'))
        {
            return Opening::None;
        }
        Opening::Topic(span)
    }

    /// The first token of the clause `start..end` after its time words, dates and connectives
    /// (`2022年`, `今年以来`, `同期`, `比如`).
    fn clause_body_token(&self, start: usize, end: usize, figures: &[Figure]) -> Option<usize> {
        let r = self.within(start, end);
        let mut i = r.start;
        while i < r.end {
            let t = &self.tokens[i];
            let w = self.word(t);
            let skip = w.iter().all(|c| c.is_whitespace())
                || self.class(t) == Some(Class::Time)
                || code(t) == T_T
                || code(t) == T_C
                || in_date(figures, t.start)
                || matches!(code(t), T_M | T_Q | T_F) && in_date(figures, t.start.saturating_sub(1))
                || self.is_any(t, OPENERS);
            if !skip {
                break;
            }
            i += 1;
        }
        (i < r.end).then_some(i)
    }
}

/// Connectives and frames a clause may open with before its topic.
const OPENERS: &[&str] = &[
    "比如", "例如", "同期", "此外", "另外", "同时", "同時", "其中", "而", "但", "但是", "并", "並", "且", "则", "則",
    "也", "还", "還",
];

const T_R: u32 = pack("r");

/// Prepositions, adverbs and verbs of aspect that open a phrase, never a name.
const FUNCTION_FIRST: &[char] = &[
    '仅', '僅', '按', '比', '从', '從', '以', '在', '于', '於', '对', '對', '为', '為', '较', '較', '据', '據', '由',
    '向', '将', '將', '被', '把', '远', '遠', '合', '共', '已', '均', '都', '约', '約', '近', '超', '达', '達', '获',
    '獲', '留', '创', '創', '与', '與', '和', '及', '并', '並', '又', '再', '更', '最', '同', '年', '月', '日',
];
const T_NRT: u32 = pack("nrt");

/// Determiners that open a phrase standing for a name, or for none.
const DETERMINERS: &[char] = &['这', '這', '那', '该', '該', '此', '本', '各', '每', '所', '其'];

impl Doc<'_> {
    /// `业`, `公司`, `中心`: a word that ends a name of a kind (a sector, a body), after a verbal
    /// noun (`服务活动业`); not a common noun (`发展步伐`).
    fn names_kind(&self, t: &Token) -> bool {
        let w = self.word(t);
        matches!(w, ['业'] | ['業']) || w.len() >= 2 && ENTITY.ending(w).is_some() && self.is_head_noun(t)
    }

    /// A noun that can end a name: a common or proper noun, an abbreviation, a known entity.
    fn is_head_noun(&self, t: &Token) -> bool {
        matches!(code(t), T_N | T_NZ | T_NT | T_NS | T_NR | T_NRT | T_J)
            && self.is_han_word(t)
            && self.is_nounish(t)
            || self.is_entity(t)
            // `哈弗`, `碧桂园`: a name the segmenter does not know; not a phrase's fragment that opens
            // with a preposition or an adverb (`按年`, `比上`, `仅用`, `从近`).
            || code(t) == T_X
                && t.end - t.start >= 2
                && self.is_han_word(t)
                && (t.end - t.start > 2 || !FUNCTION_FIRST.contains(&self.chars[t.start]))
    }
}

impl Doc<'_> {
    /// `特斯拉由于…受到欢迎`, `特斯拉Model Y最近两个季度…`: a conjunction of cause or concession, or
    /// a word of recent time, goes on from the topic to what is said of it.
    fn opens_predicate(&self, t: &Token) -> bool {
        self.is_any(t, PREDICATE_OPENERS)
    }
}

/// Words after a topic that open what is said of it.
const PREDICATE_OPENERS: &[&str] = &[
    "由于",
    "由於",
    "因为",
    "因為",
    "虽然",
    "雖然",
    "尽管",
    "儘管",
    "最近",
    "近期",
    "此前",
    "目前",
    "近年来",
    "近年來",
];

/// Is `at` inside a date figure?
fn in_date(figures: &[Figure], at: usize) -> bool {
    let i = figures.partition_point(|f| f.end <= at);
    figures.get(i).is_some_and(|f| f.kind == Kind::Date && f.start <= at)
}

/// Does a figure start at or cover `at`?
fn in_figure(figures: &[Figure], at: usize) -> bool {
    let i = figures.partition_point(|f| f.end <= at);
    figures.get(i).is_some_and(|f| f.start <= at)
}
