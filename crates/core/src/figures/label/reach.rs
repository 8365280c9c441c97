//! A figure reached by a change from an earlier one (`全市规模以上企业由2010年的120家发展到356家`,
//! `农民人均纯收入从上年的5000元增加到8600元`): the metric is named once, before
//! `由`/`从`, and both figures measure it (rule 2: the clause of each names none).

use super::tokens::{T_T, code};
use super::{Doc, Own};
use crate::figures::units::ends_with_any;
use crate::model::{Figure, Kind};

/// Verbs of reaching or change that end in `到`/`至` after the first figure.
const REACH: &[&str] = &[
    "发展", "發展", "增加", "增长", "增長", "提高", "提升", "上升", "攀升", "跃升", "躍升", "扩大", "擴大", "下降",
    "降低", "减少", "減少", "缩小", "縮小", "缩减", "縮減", "延长", "延長", "调整", "調整", "增", "降", "升", "减",
    "減", "达", "達", "下跌", "回落", "回升", "上涨", "上漲", "跌", "涨", "漲",
];
/// The longest time frame between the two figures (`，在約10年內`), in chars.
const FRAME_MAX: usize = 10;
/// Chars of a time word between `由` and the first figure (`由上年的`, `从年初的`).
const TIME_CHARS: &[char] = &['上', '去', '前', '本', '同', '年', '月', '末', '底', '初', '期', '季', '度', '基'];

impl Doc<'_> {
    /// Give `figures[k]` the metric named before `由`/`从` when it is either end of such a change.
    pub(super) fn reach(&self, own: &mut Own, figures: &[Figure], k: usize) {
        let f = &figures[k];
        if f.kind == Kind::Date {
            return;
        }
        // The first figure counts only when the next one is what it reached (`由1名…加1名…` is no change).
        let from = self
            .start_mark(figures, k)
            .filter(|_| k + 1 < figures.len() && self.reached_from(figures, k + 1).is_some());
        let Some(at) = from.or_else(|| self.reached_from(figures, k)) else { return };
        let prev_end = figures[..k].iter().rev().find(|g| g.end <= at).map_or(0, |g| g.end);
        let lo = self.clause_start(at, prev_end);
        let before = self.metric_before(lo, at);
        let Some(l) = before.label.filter(|_| !before.examples) else { return };
        own.label = Some(l);
        own.after = false;
        own.item = false;
        own.place = false;
        // What stood before the figure (`由2010年的`) or the metric itself is not whose it is.
        if own.subject.is_none_or(|(_, e)| e > l.0) {
            own.subject = self.subject_before(l.0, &[]);
        }
    }

    /// `增加约5000人至[25.9万人]`: the level a change reaches measures what the change does.
    pub(super) fn level_after_change(&self, own: &mut Own, figures: &[Figure], k: usize, owns: &[Own]) {
        let (Some(j), f) = (k.checked_sub(1), &figures[k]) else { return };
        let prev = &figures[j];
        // `比上年增加21万亩，达到[近300万亩]`: a clause of a linking word alone after the change.
        let linked = prev.end + 2 < f.start
            && matches!(self.chars[prev.end], '，' | ',')
            && own.label.is_none()
            && self.only_linking(prev.end + 1, f.start)
            && self.chars[prev.end + 1..f.start].iter().any(|c| matches!(c, '达' | '達' | '为' | '為' | '到' | '至'));
        let reached = prev.end + 1 == f.start && matches!(self.chars[prev.end], '到' | '至');
        if f.change.is_some() || prev.change.is_none() || !(reached || linked) || owns[j].label.is_none() {
            return;
        }
        own.label = owns[j].label;
        own.subject = owns[j].subject;
        own.after = owns[j].after;
        own.item = false;
        own.place = false;
    }

    /// `由2010年的[120家]`, `从上年的[5000元]`: where the `由` before the first figure stands.
    fn start_mark(&self, figures: &[Figure], j: usize) -> Option<usize> {
        let mut p = figures[j].start;
        if p > 0 && self.chars[p - 1] == '的' {
            p -= 1;
            if j > 0 && figures[j - 1].kind == Kind::Date && figures[j - 1].end == p {
                p = figures[j - 1].start;
            } else {
                let n = self.chars[..p].iter().rev().take(4).take_while(|c| TIME_CHARS.contains(c)).count();
                if n == 0 {
                    return None;
                }
                p -= n;
                // `由十年前的`: a span of time counted back.
                if j > 0
                    && figures[j - 1].kind == Kind::Duration
                    && (figures[j - 1].start..=figures[j - 1].end).contains(&p)
                {
                    p = figures[j - 1].start;
                }
            }
        } else if let Some(t) = self.time_word_before(p) {
            // `由目前約20公里`: a time word alone.
            p = t;
        }
        let at = p.checked_sub(1)?;
        // `由` alone, not the end of a word (`理由`, `自由`).
        let one = self.token_ending(p, at).is_some_and(|i| self.tokens[i].start == at);
        (matches!(self.chars[at], '由' | '从' | '從') && one).then_some(at)
    }

    /// `由…120家发展到[356家]`: the `由` of the first figure, when this one is what it reached.
    fn reached_from(&self, figures: &[Figure], k: usize) -> Option<usize> {
        let f = &figures[k];
        let mut p = f.start;
        // `发展到目前的1735个`: the time it is reached at, with 的.
        if p > 0 && self.chars[p - 1] == '的' {
            // `下跌至4月至6月的3,612,600人`: the time is a date figure.
            // Figures are in order and apart, so their ends fall going back: stop at the first before.
            let date = (0..k).rev().take_while(|&i| figures[i].end >= p - 1).find(|&i| figures[i].end == p - 1);
            p = match date.filter(|&i| figures[i].kind == Kind::Date) {
                Some(i) => figures[i].start,
                None => self.time_word_before(p - 1)?,
            };
        }
        if p == 0 || !matches!(self.chars[p - 1], '到' | '至') {
            return None;
        }
        let (_, n) = ends_with_any(self.chars, p - 1, REACH)?;
        let verb = p - 1 - n;
        // The figure it is reached from: the one before, over a time frame (`，在約10年內增加至`).
        let j = (0..k).rev().take(3).find(|&j| !matches!(figures[j].kind, Kind::Date | Kind::Duration))?;
        let gap = &self.chars[figures[j].end.min(verb)..verb];
        let framed = gap.len() <= FRAME_MAX
            && !gap.iter().any(|c| matches!(c, '。' | '；' | '！' | '？' | '\n' | ';' | '、'))
            && (gap.is_empty() || (j + 1..k).all(|i| figures[i].end <= verb) && j + 1 < k);
        if !framed {
            return None;
        }
        self.start_mark(figures, j)
    }

    /// Where a time word (`目前`, `上年`) ending at `p` starts.
    fn time_word_before(&self, p: usize) -> Option<usize> {
        let i = self.token_ending(p, p.saturating_sub(4))?;
        let t = &self.tokens[i];
        (code(t) == T_T || self.word(t).iter().all(|c| TIME_CHARS.contains(c))).then_some(t.start)
    }
}
