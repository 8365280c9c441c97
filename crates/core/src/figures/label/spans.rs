//! The edges of a subject (rule 8: the name as written, no more, no less).
//! Whatever rule found it, the span of the subject is checked last:
//! - a verb, adverb or qualifier at either edge is not part of the name
//!   (`来自欧盟` → 欧盟, `华工机床研制` → 华工机床, `头部公司主要` → 头部公司), and a
//!   verb right after a name ends it (`临沂经济技术开发区举行项目`);
//! - an organisation's head the segmenter cut off is part of it (`宁东` + `基地`,
//!   `自治区` + `住房和城乡建设厅`, `宁夏` + `广播电视台`), and so is a fund's share
//!   class (`…先锋A`);
//! - a bare generic head takes the name fused before it (`A股` + `公司`, `中西药` + `品类`);
//! - one generic word alone (`工程`, `重点`, `占据`) names nothing.

use super::tokens::*;
use super::words::{Class, ENTITY, NOT_ENTITY_WORDS};
use super::{Doc, Own, Span};
use crate::figures::units::Endings;
use crate::model::Token;
use std::sync::LazyLock;

/// Heads of an organisation's name, by their last chars.
const ORG_HEADS: &[&str] = &[
    "厅",
    "廳",
    "委",
    "局",
    "台",
    "臺",
    "基地",
    "指挥部",
    "指揮部",
    "公司",
    "集团",
    "集團",
    "中心",
    "办",
    "辦",
    "院",
    "所",
    "会",
    "會",
    "署",
    "处",
    "處",
    "馆",
    "館",
    "站",
    "社",
    "银行",
    "銀行",
];
/// Words ending like an organisation's head that are none.
const NOT_ORG: &[&str] = &["平台", "平臺", "舞台", "柜台", "阳台", "社会", "社會", "机会", "機會", "体会", "场所"];
/// Words at the edge of a name the segmenter tags as names or nouns, but that
/// say what the thing does (`年产3GW`, `新建1片`).
const EDGE_WORDS: &[&str] = &["年产", "年產", "新建", "在建", "拟建", "擬建", "主要", "共有", "拥有", "擁有"];
/// One generic word that is never a subject alone.
const FRAGMENTS: &[&str] = &["重点", "重點", "大关", "大關", "品类", "品類", "其中", "部分", "方面", "领域", "領域"];

static ORG: LazyLock<Endings> = LazyLock::new(|| Endings::new(ORG_HEADS));
static NOT_ORG_WORDS: LazyLock<Endings> = LazyLock::new(|| Endings::new(NOT_ORG));
static EDGE: LazyLock<Endings> = LazyLock::new(|| Endings::new(EDGE_WORDS));
static FRAGMENT: LazyLock<Endings> = LazyLock::new(|| Endings::new(FRAGMENTS));

/// How many words, and chars, a cut-off head may add.
const HEAD_TOKENS: usize = 4;
const HEAD_CHARS: usize = 9;

impl Doc<'_> {
    /// Fix the edges of the figure's subject (see the module notes).
    pub(super) fn subject_edges(&self, own: &mut Own) {
        let Some((s, e)) = own.subject else { return };
        let (Some(mut a), Some(mut b)) = (self.token_starting(s), self.token_ending(e, s)) else {
            own.subject = Some((s, self.share_class(e)));
            return;
        };
        // `“两路二环”`: a quoted name is taken whole.
        let quoted = s > 0 && matches!(self.chars[s - 1], '“' | '「') && matches!(self.chars.get(e), Some('”' | '」'));
        // A breakdown item (`居住`, `国家级`) is what it is, whatever its words.
        if !own.item && !quoted {
            // Left edge: a verb, preposition or adverb before a name (`来自欧盟`).
            let name_end = self.ends_name(&self.tokens[b]) || code(&self.tokens[b]) == T_J;
            while a < b
                && (self.not_name_edge(&self.tokens[a]) || name_end && code(&self.tokens[a]) == T_V)
                && !(self.word(&self.tokens[a]).len() == 1 && code(&self.tokens[a]) == T_P)
                && code(&self.tokens[a + 1]) != T_C
                && self.tokens[b].end - self.tokens[a + 1].start >= 2
            {
                a += 1;
            }
            // Right edge: a verb, adverb or qualifier after the name (`华工机床研制`).
            while b > a && self.plain_edge(&self.tokens[b]) && self.tokens[b - 1].end - self.tokens[a].start >= 2 {
                b -= 1;
            }
            // A verb right after a name of four chars or more ends it (`…开发区举行项目`, not `城镇就业人员`).
            if let Some(j) =
                (a + 1..=b).find(|&j| self.is_plain_verb(&self.tokens[j]) && self.ends_name(&self.tokens[j - 1]))
                && self.tokens[j - 1].end - self.tokens[a].start >= 4
            {
                b = j - 1;
            }
        }
        let mut span: Span = (self.tokens[a].start, self.tokens[b].end);
        if let Some(end) = self.cut_off_head(b, own.label) {
            span.1 = end;
        } else if a == b
            && let Some(start) = self.fused_before_generic(a)
        {
            span.0 = start;
        }
        span.1 = self.share_class(span.1);
        // One generic word alone names nothing.
        if !own.item
            && !quoted
            && self
                .token_starting(span.0)
                .is_some_and(|i| self.tokens[i].end == span.1 && self.fragment(&self.tokens[i]))
        {
            own.subject = None;
            return;
        }
        own.subject = Some(span);
    }

    /// A verb, preposition, adverb or qualifier: never the first or last word of a name.
    fn not_name_edge(&self, t: &Token) -> bool {
        let w = self.word(t);
        matches!(code(t), T_VD | T_VI | T_VG | T_P | T_D | T_AD)
            || self.is_action(t)
            || matches!(self.class(t), Some(Class::Filler | Class::Change | Class::Time | Class::Verb))
            || EDGE.holds(w)
    }

    /// A word that never ends a name: those of [`Self::not_name_edge`] and plain verbs.
    fn plain_edge(&self, t: &Token) -> bool {
        self.not_name_edge(t) || code(t) == T_V && !self.is_entity(t)
    }

    /// A verb that is no part of a name (`举行`, not `服务` in `金融服务外包公司`).
    fn is_plain_verb(&self, t: &Token) -> bool {
        (matches!(code(t), T_V | T_VD | T_VI) || EDGE.holds(self.word(t))) && self.word(t).len() >= 2
    }

    /// Does `t` end a name (`开发区`, `临沂`, `隆基乐叶科技有限公司`)?
    fn ends_name(&self, t: &Token) -> bool {
        self.is_entity(t) || matches!(code(t), T_NS | T_NT | T_NZ | T_NR) && self.is_han_word(t)
    }

    /// The end of an organisation's head right after token `b`, cut off by the
    /// segmenter (`宁东` + `基地`), when it overlaps no label and names no source.
    fn cut_off_head(&self, b: usize, label: Option<Span>) -> Option<usize> {
        let e = self.tokens[b].end;
        let mut j = b + 1;
        while j < self.tokens.len() && j - b <= HEAD_TOKENS {
            let t = &self.tokens[j];
            if t.start != self.tokens[j - 1].end || t.end - e > HEAD_CHARS || !self.is_han_word(t) {
                return None;
            }
            let joins = code(t) == T_C && matches!(self.word(t), ['和'] | ['与'] | ['與'] | ['及']);
            let part = matches!(code(t), T_N | T_NT | T_NZ | T_NS | T_VN | T_AN | T_A | T_ZG | T_L | T_J | T_NG)
                && self.class(t).is_none()
                && !self.is_action(t);
            if !(part || joins && j > b + 1) {
                return None;
            }
            let w = self.word(t);
            if !joins && ORG.find(w, w.len()).is_some() && NOT_ORG_WORDS.find(w, w.len()).is_none() {
                let overlaps = label.is_some_and(|(ls, le)| ls < t.end && le > e);
                let end = t.end;
                return (!overlaps
                    && NOT_ENTITY_WORDS.ending(w).is_none()
                    && !self.is_source(self.tokens[b].start, end))
                .then_some(end);
            }
            j += 1;
        }
        None
    }

    /// `A股公司`, `中西药品类`: a bare generic head (token `a`) with a name fused
    /// right before it: where the name starts.
    fn fused_before_generic(&self, a: usize) -> Option<usize> {
        let t = &self.tokens[a];
        let w = self.word(t);
        let generic = w.len() <= 2 && (ENTITY.contains(w) || FRAGMENT.holds(w) || w.last() == Some(&'类'));
        if !generic || a == 0 {
            return None;
        }
        let p = &self.tokens[a - 1];
        let name = matches!(code(p), T_N | T_NT | T_NZ | T_NS | T_ENG | T_J | T_NR)
            && self.class(p).is_none()
            && !self.is_action(p)
            && self.word(p).iter().all(|c| super::is_han(*c) || c.is_ascii_alphabetic());
        (p.end == t.start && name).then_some(p.start)
    }

    /// `汇丰晋信智造先锋A，`: a share class letter after a fund's name is part of it.
    fn share_class(&self, e: usize) -> usize {
        let class = self.chars.get(e).is_some_and(|c| matches!(c, 'A'..='E'));
        let after = self.chars.get(e + 1).is_none_or(|c| !c.is_alphanumeric());
        if e > 0 && class && after && super::is_han(self.chars[e - 1]) { e + 1 } else { e }
    }

    /// One word that is never a subject alone: a verb, an adverb, a qualifier,
    /// or a generic word (`工程`, `重点`). A one-char level (`县的零售额`, `县以下`)
    /// is a breakdown item, not a fragment.
    fn fragment(&self, t: &Token) -> bool {
        let w = self.word(t);
        self.plain_edge(t) || FRAGMENT.holds(w) || w.len() == 2 && ENTITY.contains(w)
    }
}
