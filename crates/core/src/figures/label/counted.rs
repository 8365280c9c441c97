//! The thing a count counts ends at its head, before what is said of it:
//! `全县56个行政村新修水渠80公里` counts 行政村 (the 80公里 measures 新修水渠),
//! `6个外资项目上报国家`, `五个新能源项目集体开工`, `三个行业影响` count
//! 外资项目, 新能源项目, 行业 (rule 7).

use super::tokens::{T_F, T_V, T_VD, T_VG, T_VI, T_VN, T_X, code};
use super::words::{ENTITY, NOT_ENTITY_WORDS};
use super::{Doc, Own};
use crate::model::Token;

/// Heads of counted things that do not end like an entity.
/// Last chars of a name that ends a counted thing on its own (`巡查组`, `卫生室`).
const NAME_ENDS: &[char] = &['组', '組', '队', '隊', '室', '团', '團', '会', '會', '站', '点', '點', '部', '处', '處'];
/// Last chars of a word for people (`联络员`, `负责人`).
const PERSON_ENDS: &[char] = &['员', '員', '人', '者', '长', '長', '师', '師', '生', '家', '手', '工', '士'];
const COUNT_HEADS: &[&str] = &["行业", "行業", "水库", "水庫", "产业", "產業"];

impl Doc<'_> {
    /// Cut a counted thing read after the figure (`行政村新修水渠`) at its head.
    pub(super) fn counted_head(&self, own: &mut Own) {
        let Some((s, e)) = own.label.filter(|_| own.after) else { return };
        let r = self.within(s, e);
        if r.len() < 2 {
            return;
        }
        let last = r.end - 1;
        // `9个市GDP增长`: a one-char place head after the count is the thing counted, whole;
        // unless a head follows it that the place only scopes (`111个省重点在建项目`).
        let place = self.word(&self.tokens[r.start]).len() == 1
            && matches!(self.chars[s], '市' | '县' | '縣' | '区' | '區' | '镇' | '鎮' | '乡' | '鄉' | '省' | '州');
        if place && !(r.start + 1..r.end).any(|i| self.counted_head_word(&self.tokens[i], false)) {
            own.label = Some((s, s + 1));
            return;
        }
        // `3050人纳入农村低保`: a predicate that says what is counted is whole.
        if !place && self.is_predicate_word(&self.tokens[r.start]) {
            return;
        }
        // `纪委监委巡查组`, `村卫生室`: the run ends in the name of a group or place of its own.
        if self.word(&self.tokens[last]).last().is_some_and(|c| NAME_ENDS.contains(c)) {
            return;
        }
        // `26只银行股中`: a frame word after the run closes a noun phrase, no predicate is in it.
        if self.tokens.get(r.end).is_some_and(|t| t.start == e && code(t) == T_F) {
            return;
        }
        // The word after the run: a verb there makes the run's tail part of the predicate.
        let verb_after = self.tokens.get(r.end).is_some_and(|t| t.start == e && code(t) == T_V);
        // `40个项目奠基，`: the clause ends on what is said of the things (tagged a noun),
        // not on the people the count is of (`1名民政局联络员`).
        let person = self.word(&self.tokens[last]).last().is_some_and(|c| PERSON_ENDS.contains(c));
        let clause_end = !person && self.chars.get(e).is_none_or(|c| super::CLAUSE_BREAKS.contains(c));
        for h in r.start..last {
            let t = &self.tokens[h];
            if !self.counted_head_word(t, h > r.start) {
                continue;
            }
            let rest = h + 1..r.end;
            if rest.clone().any(|i| self.counted_head_word(&self.tokens[i], true)) {
                continue;
            }
            let next = &self.tokens[h + 1];
            if self.is_predicate_word(next)
                || self.is_predicate_word(&self.tokens[last])
                || (h + 1 == last && (verb_after || clause_end))
            {
                own.label = Some((s, t.end));
                return;
            }
        }
    }

    /// `项目`, `行政村`, `养殖`+`村`: a word that ends the name of a counted thing.
    pub(super) fn counted_head_word(&self, t: &Token, joined: bool) -> bool {
        let w = self.word(t);
        if !self.is_han_word(t) || COUNT_HEADS.iter().any(|h| self.is(t, h)) {
            return self.is_han_word(t);
        }
        // One char (`村`) only fused to the word before it: `村卫生室` starts a name.
        (w.len() >= 2 || joined) && ENTITY.ending(w).is_some() && NOT_ENTITY_WORDS.ending(w).is_none()
    }

    /// A verb, or an unknown word the segmenter could not tag (`新修`, `助企`).
    pub(super) fn is_predicate_word(&self, t: &Token) -> bool {
        matches!(code(t), T_V | T_VN | T_VD | T_VI | T_VG) || code(t) == T_X && self.is_han_word(t) || self.is_action(t)
    }
}
