//! A group of people named by a phrase ending in 者, written fused before a metric, as
//! labour and survey reports break a rate down (`国中及以下程度者失业率3.51%`,
//! `15至24岁年龄者失业率12.58%`, `初次寻职者平均失业周数`, or in 人士 (`15至19岁人士的失业率`), or a
//! group by sex or age (`男性失業率`, `青年失业率`)): the phrase is whose the
//! figure is (rule 8, a breakdown item) and the metric after it is the label.
//! Not a word in which 者 only makes a noun of a verb used as a metric's owner
//! (`消费者物价指数`, `所有者权益`) or refers back (`两者`, `后者`, `或者`).

use super::{Doc, Own, is_han};
use crate::figures::units::{ends_with, ends_with_any};
use crate::model::{Figure, Kind};

/// Words in 者 that are no breakdown group (checked on the simplified text).
const NOT_GROUP: &[&str] = &[
    "消费者",
    "所有者",
    "投资者",
    "记者",
    "或者",
    "两者",
    "二者",
    "三者",
    "前者",
    "后者",
    "再者",
    "作者",
    "读者",
    "学者",
    "笔者",
    "经营者",
    "生产者",
    "使用者",
];
/// Words that name a group of people by sex or age, as a labour report breaks a rate
/// down (`男性失業率為7.0%`, `青年失业率`): the group, not a scope of the metric.
const PEOPLE: &[&str] = &["男性", "女性", "青年", "长者", "妇女"];
/// How many chars the group may have, 者 and all.
const GROUP_MAX: usize = 14;

impl Doc<'_> {
    /// `国中及以下程度者`+`失业率`: the group before the label is the subject.
    pub(super) fn person_group(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let Some((s, e)) = own.label else { return };
        // `男性失業率`: a group by sex or age read as the front of the label is split off it.
        if e > s + 3
            && !own.after
            && figures[k].kind != Kind::Date
            && let Some(n) = PEOPLE.iter().find_map(|w| crate::figures::units::starts_with(self.chars, s, w))
            && self.names_metric((s + n, e))
        {
            (own.subject, own.label) = (Some((s, s + n)), Some((s + n, e)));
            return;
        }
        // Cheap turn-away first: the char before the label.
        if s < 3 || own.after || figures[k].kind == Kind::Date {
            return;
        }
        // Only a label written for this figure: one inherited from an earlier figure
        // (`…為26.8週，…其中初次尋職者為33.0週`) has that figure's group before it.
        if k > 0 && figures[k - 1].end > s {
            return;
        }
        // `15至19岁人士的失业率`: 的 may join the group to the metric.
        let g = if self.chars[s - 1] == '的' { s - 1 } else { s };
        let person = self.chars[g - 1] == '者'
            || ends_with(self.chars, g, "人士").is_some()
            || ends_with_any(self.chars, g, PEOPLE).is_some();
        if !person || ends_with_any(self.chars, g, NOT_GROUP).is_some() || !self.names_metric((s, e)) {
            return;
        }
        let s = g;
        // Back to the clause's start, over the figures of an age band (`15至24岁`) but not
        // over a date (`3月失业者`): the group is the rest.
        let mut a = self.clause_start(s - 1, s.saturating_sub(GROUP_MAX));
        for f in figures[..k].iter().rev().take(3) {
            if f.end <= s && f.end > a && f.kind == Kind::Date {
                a = f.end;
            }
        }
        // `其中`, `而` open the clause and are none of the group.
        for w in ["其中", "而", "另"] {
            if let Some(n) = crate::figures::units::starts_with(self.chars, a, w) {
                a = n;
            }
        }
        let ok = |c: &char| is_han(*c) || c.is_ascii_digit() || matches!(c, '-' | '～' | '~' | '.');
        // `男性`, `青年`: a group word of two chars is a group alone.
        let whole = s - a == 2 && crate::figures::units::same_any(&self.chars[a..s], PEOPLE);
        if s - a < 3 && !whole
            || s - a > GROUP_MAX
            || !self.chars[a..s].iter().all(ok)
            || !is_han(self.chars[a]) && !self.chars[a].is_ascii_digit()
        {
            return;
        }
        own.subject = Some((a, s));
    }
}
