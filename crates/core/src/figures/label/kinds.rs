//! The name of a kind of institution or tax keeps the words that say which kind:
//! `综合性本科院校`, `省级科技企业孵化器`, `国家级体育传统项目学校`, `初中阶段学校`,
//! `企业所得税`, `城镇土地使用税` (rule 3: modifiers that say which statistic it is).
//! A generic entity word inside such a name (`企业`, `项目`) is a modifier, not
//! whose the figure is, and neither is a level (`省级`) or a stage (`本科`, `初中`).

use super::tokens::{T_B, T_F, T_NS, code, pack};
use super::words::{ENTITY, NOT_ENTITY_WORDS};
use super::{Doc, LABEL_MAX, Own};
use crate::model::{Figure, Kind, Token};

/// Pronoun tag (`本科` is tagged so).
const T_R: u32 = pack("r");
/// Heads that name a kind of institution or facility counted (`学校`, `孵化器`).
const INSTITUTION_ENDS: &[char] = &['校', '院', '园', '園', '器', '站', '所', '馆', '館', '室', '中', '学', '學'];
/// Generic place words fused to a tax's name (`城镇土地使用税`).
const SCOPES: &[&str] = &["城镇", "城鎮", "农村", "農村"];
/// First chars of pronouns and frame words that are never part of a name (`其中`, `以上`).
const NOT_NAME_FIRST: &[char] = &[
    '其', '这', '這', '那', '该', '該', '此', '各', '每', '我', '他', '它', '你', '以', '之', '前', '后', '後', '左',
    '当', '當', '上', '下', '内', '內', '外', '中',
];

impl Doc<'_> {
    /// Widen the label of a count of institutions or of a tax over the words that say which kind it is.
    pub(super) fn kind_name(&self, own: &mut Own, figures: &[Figure], k: usize) {
        let Some((s, e)) = own.label.filter(|_| !own.after && !own.item && !own.respectively) else { return };
        let f = &figures[k];
        let last = self.chars[e - 1];
        let tax = last == '税' || last == '稅';
        let institution = f.kind == Kind::Count && INSTITUTION_ENDS.contains(&last);
        if !(tax || institution) {
            return;
        }
        let floor = if k > 0 { figures[k - 1].end } else { 0 };
        let lo = self.clause_start(s, floor);
        let mut n = s;
        while let Some(i) = self.token_ending(n, lo) {
            let t = &self.tokens[i];
            if !self.kind_word(t, tax) || e - t.start > LABEL_MAX + 2 {
                break;
            }
            n = t.start;
        }
        if n < s {
            own.label = Some((n, e));
            if own.subject.is_some_and(|(ss, se)| se > n && ss < e) {
                own.subject = None;
            }
        }
    }

    /// A word that can say which kind of institution or tax it is.
    fn kind_word(&self, t: &Token, tax: bool) -> bool {
        let w = self.word(t);
        if !self.is_han_word(t) || w.len() < 2 {
            return false;
        }
        let tag = code(t);
        if tag == T_NS {
            return tax && SCOPES.iter().any(|x| self.is(t, x));
        }
        // A bare kind of entity (`企业`, `项目`), not a named one (`宜春学院`).
        let bare = ENTITY.contains(w) && NOT_ENTITY_WORDS.ending(w).is_none();
        let frame = matches!(tag, T_R | T_F) && !NOT_NAME_FIRST.contains(&w[0]);
        // A verb before the name is the clause's own (`新认定`), not a modifier of the kind.
        bare || frame || tag == T_B || self.is_content(t) && !self.is_entity(t) && !self.is_verb(t)
    }
}
