//! `获得CCC认证证书的企业714家`, `获省级检验检测机构资质认定的机构1899个`,
//! `购买退烧药咳嗽药的人员6万余人次`: a head too general to name the thing alone
//! (企业, 机构, 人员) takes the relative clause before its `的`, from the verb
//! that opens it (rule 7: the thing as it is named).

use super::tokens::{T_ENG, T_NR, T_NS, T_NT, code};
use super::words::Class;
use super::{Doc, LABEL_MAX, Own};
use crate::model::{Figure, Kind};

/// Heads that need the clause before them (simplified: the rules read the simplified copy).
const GENERAL_HEADS: &[&str] = &["企业", "机构", "单位", "税种", "人员", "对象"];

/// The longest relative clause read before a head, in chars.
const CLAUSE_MAX: usize = LABEL_MAX + 6;

impl Doc<'_> {
    /// Widen a general head before a count to the relative clause it closes.
    pub(super) fn relative_head(&self, f: &Figure, own: &mut Own) {
        if !matches!(f.kind, Kind::Count | Kind::Quantity) || own.after || own.item {
            return;
        }
        let Some((s, e)) = own.label else { return };
        let w = &self.chars[s..e];
        let head = GENERAL_HEADS.iter().find_map(|h| {
            let n = h.chars().count();
            (w.len() >= n && w[w.len() - n..].iter().copied().eq(h.chars())).then_some(n)
        });
        // A head alone, or a head already read back over its 的.
        let Some(n) = head.filter(|&n| s > 0 && (n == w.len() || w.contains(&'的'))) else { return };
        let lo = s.saturating_sub(CLAUSE_MAX);
        // `退烧药咳嗽药的人员`: the walk over 的 stopped at the verb that opens the clause.
        if n < w.len() {
            if let Some(v) = self.token_ending(s, lo).filter(|&v| self.is_verb(&self.tokens[v])) {
                own.label = Some((self.tokens[v].start, e));
            }
            return;
        }
        let Some(de) = self.token_ending(s, lo).filter(|&d| self.is(&self.tokens[d], "的")) else { return };
        let mut i = de;
        let mut start = None;
        while i > 0 {
            let t = &self.tokens[i - 1];
            if t.start < lo {
                break;
            }
            let word = self.is_content(t) || self.is_verb(t) || code(t) == T_ENG;
            if !word
                || matches!(code(t), T_NS | T_NT | T_NR)
                || matches!(self.class(t), Some(Class::Deictic | Class::Time | Class::Filler))
            {
                break;
            }
            if self.is_verb(t) {
                start = Some(t.start);
            }
            i -= 1;
        }
        // The clause opens with its verb: what stood before that verb is not part of it.
        if let Some(v) = start.filter(|&v| self.tokens[i].start == v) {
            own.label = Some((v, e));
        }
    }
}
