//! A count closing a list of examples names nothing after it: `新开工A项目、B项目等15个`,
//! `…喜来登国际大酒店项目等40个`. What it counts is said by the predicate that opens
//! the list (`新开工`, `续建`: labels.md rule 7, the predicate when no noun names the
//! thing), or else by the head the listed items share (`项目`).

use super::Doc;
use super::words::Class;
use crate::model::{Figure, Kind};

/// Predicates of project reports that say what is done to the listed things; the
/// segmenter often takes them for names (`续建`, `新开工`), so they are listed.
const PREDICATES: &[&str] = &[
    "新开工",
    "开工",
    "开复工",
    "复工",
    "续建",
    "竣工",
    "建成",
    "投产",
    "签约",
    "新签约",
    "在建",
    "新建",
    "改扩建",
    "扩建",
    "落地",
    "引进",
    "新引进",
    "开業",
    "開工",
    "竣工投产",
];
/// The longest list read back, in chars.
const LIST_MAX: usize = 120;

impl Doc<'_> {
    /// Label an unlabelled count after `…等` by the list's predicate or shared head.
    pub(super) fn examples_counts(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            if f.label.is_some() || f.kind != Kind::Count || f.start < 2 || self.chars[f.start - 1] != '等' {
                continue;
            }
            let e = f.start - 1;
            let lo = e.saturating_sub(LIST_MAX);
            let Some(s) = (lo..e)
                .rev()
                .find(|&p| matches!(self.chars[p], '，' | '。' | '；' | '：' | '！' | '？' | '\n' | ',' | ';' | ':'))
                .map(|p| p + 1)
                .or((lo == 0).then_some(0))
            else {
                continue;
            };
            if !self.chars[s..e].contains(&'、') {
                continue;
            }
            if let Some(l) = self.list_predicate(s, e).or_else(|| self.shared_head(s, e)) {
                f.label = Some(self.text(l));
            }
        }
    }

    /// `新开工睿涛…项目、…`: the predicate opening the list, before its first item.
    fn list_predicate(&self, mut s: usize, e: usize) -> Option<(usize, usize)> {
        // `今年续建…`: a time or place word before the predicate.
        while let Some(i) = self.token_starting(s) {
            let t = &self.tokens[i];
            if t.end >= e || !matches!(self.class(t), Some(Class::Time | Class::Deictic | Class::Filler)) {
                break;
            }
            s = t.end;
        }
        let n = PREDICATES
            .iter()
            .map(|p| p.chars().count())
            .filter(|&n| s + n < e)
            .filter(|&n| PREDICATES.iter().any(|p| self.chars[s..s + n].iter().copied().eq(p.chars())))
            .max()?;
        // The predicate must stand alone: the item after it begins a word of its own.
        self.token_starting(s + n).map(|_| (s, s + n))
    }

    /// The head every listed item ends with (`项目`), of two to four chars.
    fn shared_head(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut a = s;
        for p in s..=e {
            if p == e || self.chars[p] == '、' {
                items.push((a, p));
                a = p + 1;
            }
        }
        let (ls, le) = *items.last()?;
        let n = (2..=4)
            .rev()
            .find(|&n| items.iter().all(|&(a, b)| b - a > n && self.chars[b - n..b] == self.chars[le - n..le]))?;
        let head = (le - n, le);
        self.chars[head.0..head.1].iter().all(|c| super::is_han(*c)).then_some(head).filter(|_| le - ls > n)
    }
}
