//! A metric's name reaches further left than the word before the figure:
//! coordinated metrics stay whole (`新建和改造农村公路300公里`, `文化、体育和娱乐业投资`,
//! `投资收益及公允价值变动损益`), and a per-unit or average modifier belongs to the
//! label (`平均每亩纯收入`, `每万人拥有医生`, rule 3).

use super::tokens::{T_NS, T_V, T_VN, code, pack};
use super::{CLAUSE_BREAKS, Doc, Own};
use crate::figures::units::{ends_with, ends_with_any};
use crate::model::Figure;

/// Status words (`优良`).
const T_Z: u32 = pack("z");
/// A conjunction joining two metrics.
const CONJ: &[&str] = &["和", "及", "与", "與", "以及"];
/// How far left a conjunct, or an item listed with `、` before it, reaches, in chars.
const CONJUNCT_MAX: usize = 8;
/// At most this many items listed with `、` before the conjunction.
const ITEMS_MAX: usize = 4;
/// An average before a per-unit modifier (`平均每亩`).
const AVERAGE: &[&str] = &["年平均", "平均", "人均", "户均", "戶均", "年均"];
/// `每年新增就业`: a time, not a unit, after 每.
const PER_TIME: &[char] = &['年', '月', '日', '天', '周', '週', '季', '次', '个', '個'];

impl Doc<'_> {
    /// Widen the figure's own label leftwards over a coordinated metric and a per-unit modifier.
    pub(super) fn widen(&self, own: &mut Own, figures: &[Figure], k: usize) {
        let Some((s, e)) = own.label.filter(|_| !own.after && !own.item && !own.respectively) else { return };
        let floor = if k > 0 { figures[k - 1].end } else { 0 };
        // The clause, read over the `、` between listed items.
        let reach = s.saturating_sub(3 * CONJUNCT_MAX).max(floor);
        let lo = (reach..s)
            .rev()
            .find(|&p| self.chars[p] != '、' && CLAUSE_BREAKS.contains(&self.chars[p]))
            .map_or(reach, |p| p + 1);
        let mut n = self.coordinated(s, e, lo);
        n = self.per_unit_start(n, lo);
        n = self.grade_start(n, e, lo);
        if n != s {
            self.widen_label_to(own, n, e);
        }
    }

    /// The label becomes `n..e`; a subject it now overlaps is read again before it.
    pub(super) fn widen_label_to(&self, own: &mut Own, n: usize, e: usize) {
        own.label = Some((n, e));
        if let Some((ss, se)) = own.subject
            && se > n
            && ss < e
        {
            own.subject = self.subject_before(n, &[]);
        }
    }

    /// Where a metric `s..e` that is one conjunct of several starts.
    fn coordinated(&self, s: usize, e: usize, lo: usize) -> usize {
        let inner = self.within(s, e).any(|i| self.is_conj(i));
        // `和设施总数`: the label starts at the conjunction.
        let conj_at = match self.token_starting(s).filter(|&i| self.is_conj(i)) {
            Some(_) => Some(s),
            None => self.token_ending(s, lo).filter(|&i| self.is_conj(i)).map(|i| self.tokens[i].start),
        };
        let mut n = s;
        if let Some(c) = conj_at {
            match self.conjunct_before(c, lo) {
                Some(start) => n = start,
                None if c == s => return self.token_starting(s).map_or(s, |i| self.tokens[i].end),
                None => return s,
            }
        } else if !inner && !self.listed_before(s, e, lo) {
            return s;
        }
        // `文化、体育和娱乐业投资`: the items listed before the conjunction.
        for _ in 0..ITEMS_MAX {
            if n <= lo + 1 || self.chars[n - 1] != '、' {
                break;
            }
            match self.conjunct_before(n - 1, lo) {
                Some(start) => n = start,
                None => break,
            }
        }
        n
    }

    /// `蔬菜、瓜果、食用菌产量`: items listed with `、` alone before a metric of a modifier and a head share it.
    fn listed_before(&self, s: usize, e: usize, lo: usize) -> bool {
        s > lo + 1 && self.chars[s - 1] == '、' && self.names_metric((s, e)) && self.within(s, e).len() >= 2
    }

    fn is_conj(&self, i: usize) -> bool {
        self.is_any(&self.tokens[i], CONJ)
    }

    /// The words naming a metric or thing that end at `c` (`新建`, `乡镇卫生院`), where they start.
    fn conjunct_before(&self, c: usize, lo: usize) -> Option<usize> {
        let mut n = c;
        while n > lo {
            let Some(i) = self.token_ending(n, lo) else { break };
            let t = &self.tokens[i];
            // A named place is an owner, not part of the metric (`北京和上海`).
            if code(t) == T_NS && self.is_entity(t) && self.word(t).len() > 2 {
                break;
            }
            let modifier = matches!(code(t), T_V | T_VN) && !self.is_action(t) && self.class(t).is_none();
            if !(self.is_content(t) || modifier) || c - t.start > CONJUNCT_MAX {
                break;
            }
            // A verb is a conjunct alone (`新建和改造`); before a noun it is the clause's own verb (`分为…公司和…`).
            if code(t) == T_V {
                if t.end == c {
                    n = t.start;
                }
                break;
            }
            n = t.start;
        }
        (n < c).then_some(n)
    }

    /// `水质优良比例`, `优良天数比例`, `劣Ⅴ类水质比例`: a grade inside the metric says which share it is.
    /// A status word (`优良`, tagged z) with the nouns before it, or a class numeral before `类`.
    fn grade_start(&self, s: usize, e: usize, lo: usize) -> usize {
        if s > lo && matches!(self.chars[s], '类' | '類') {
            let n = self.chars[lo..s].iter().rev().take_while(|c| ('Ⅰ'..='Ⅻ').contains(*c)).count();
            if n > 0 {
                let p = s - n;
                return if p > lo && self.chars[p - 1] == '劣' { p - 1 } else { p };
            }
        }
        let Some(i) = self.token_ending(s, lo).filter(|&i| code(&self.tokens[i]) == T_Z) else { return s };
        let n = self.tokens[i].start;
        // `水质优良比例`: before a bare head the grade needs the noun it grades; `优良天数比例` names it after.
        let bare = self.token_starting(s).is_some_and(|h| self.tokens[h].end == e);
        match self.token_ending(n, lo) {
            Some(j) if bare && self.is_nounish(&self.tokens[j]) && !self.is_entity(&self.tokens[j]) => {
                self.tokens[j].start
            }
            _ => n,
        }
    }

    /// `平均每亩纯收入`, `每万人拥有医生`: where the label starting at `s` starts with its per-unit modifier.
    fn per_unit_start(&self, s: usize, lo: usize) -> usize {
        let mut p = s;
        if let Some(n) = ends_with(self.chars, p, "拥有").or_else(|| ends_with(self.chars, p, "擁有")) {
            p -= n;
        }
        let Some(m) = (p.saturating_sub(4).max(lo)..p.saturating_sub(1)).rev().find(|&j| self.chars[j] == '每') else {
            return s;
        };
        let unit = &self.chars[m + 1..p];
        let numeral = |c: &char| c.is_ascii_digit() || crate::numeral::is_cn_numeral_char(*c);
        if unit.is_empty()
            || !unit.iter().all(|c| super::is_han(*c) || c.is_ascii_digit())
            || unit.iter().any(|c| *c == '的' || *c == '每')
            || unit.iter().all(numeral)
            || PER_TIME.contains(&unit[unit.len() - 1]) && unit.len() == 1
        {
            return s;
        }
        match ends_with_any(self.chars, m, AVERAGE) {
            Some((_, n)) if m - n >= lo => m - n,
            _ => m,
        }
    }
}
