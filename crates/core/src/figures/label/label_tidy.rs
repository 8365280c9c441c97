//! Labels that took a word the metric does not have (labels.md rule 4: aspect words,
//! linking verbs and what the clause says of the figure are left out):
//! - an adverb the segmenter fused to the end of the metric (`失業率更高達15.2%` → 失業率);
//! - a record written after the metric (`净利润再创新高，达到5亿元` → 净利润);
//! - a linking verb taken for the metric (`失業率仍處於5.9%的高位`, `营收仍保持在20亿元`):
//!   the metric is the one named before the verb in its clause.

use super::Doc;
use super::charbuf::Chars;
use super::is_han;
use super::words::METRIC;
use crate::figures::units::{ends_with, starts_with};
use crate::model::{Figure, Kind};

/// Adverbs never at the end of a metric's name.
const ADVERB_END: &[char] = &['更', '仍', '亦', '也', '再'];
/// Modal words written after a metric, before its value (`單月失業率可能高達`; simplified).
const MODAL_END: &[&str] = &["可能", "有望", "或将", "或", "将会", "预计", "预期"];
/// Verbs of saying before a metric (simplified).
const SAYING: &[&str] = &["强调", "表示", "指出", "透露", "称"];
/// Chars before `时` that make a word, not a clause of time (`小时`, `同时`, `工时`).
const NOT_TIME_CLAUSE: &[char] =
    &['小', '同', '及', '临', '实', '按', '届', '准', '当', '定', '适', '计', '工', '平', '历', '暂', '随', '此', '那'];
/// A record claimed after the metric, written at the end of its label (simplified).
const RECORD: &[&str] = &["再创历史新高", "创历史新高", "再创新高", "创新高", "创历史同期新高", "创同期新高"];
/// Verbs that link a metric to its value and name none (simplified).
const LINKING: &[&str] = &["处于", "保持", "保持在", "维持", "维持在", "稳定在", "稳定于", "保持于", "维持于", "录得"];
/// Words that open a clause before its metric (simplified).
const OPENERS: &[&str] = &["至于", "而", "其中", "同时", "同期"];
/// Adverbs between a metric and its linking verb (simplified).
const BEFORE_VERB: &[&str] = &["仍然", "依然", "继续", "一直", "始终", "仍", "则", "也", "亦", "均", "都", "还", "更"];

impl Doc<'_> {
    /// Take the words a metric does not have off the labels.
    pub(super) fn tidy_labels(&self, figures: &mut [Figure]) {
        for k in 0..figures.len() {
            // `煤炭库存20223万吨，…下降6.9%，但仍然保持在2亿吨以上`: a linking verb with no metric in
            // its clause continues the figure before it in its sentence (rule 2).
            if let Some(new) = self.linked_to_earlier(figures, k) {
                figures[k].label = Some(new);
                continue;
            }
            let f = &mut figures[k];
            if f.kind == Kind::Date {
                continue;
            }
            let Some(label) = f.label.as_deref() else { continue };
            let l = Chars::simple(label);
            if let Some(new) = self.listed_name(f.start, &l) {
                f.label = Some(new);
                continue;
            }
            if let Some(new) = self.past_base(f.start, &l) {
                f.label = Some(new);
                continue;
            }
            if let Some(new) = self.linking_metric(f.start, &l) {
                // A subject that is the metric itself was the metric read as an owner.
                if f.subject.as_deref() == Some(new.as_str()) {
                    f.subject = None;
                }
                f.label = Some(new);
                continue;
            }
            // `本外币存款余额`: the segmenter left `本` off (`本|外币存款`); `外币存款余额` is another statistic.
            if l.starts_with(&['外', '币'])
                && let Some(at) = self.label_at(f.start, &l).filter(|&at| at > 0 && self.chars[at - 1] == '本')
            {
                f.label = Some(crate::figures::units::string_of(&self.orig[at - 1..at + l.len()]));
                continue;
            }
            let mut n = l.len();
            // Word lists compared in place: no copy of each listed word for each figure.
            for w in RECORD.iter().chain(LINKING) {
                if let Some(k) = ends_with(&l, n, w).filter(|&k| n > k) {
                    n -= k;
                    break;
                }
            }
            for w in MODAL_END {
                if let Some(k) = ends_with(&l, n, w).filter(|&k| n > k + 1) {
                    n -= k;
                    break;
                }
            }
            if n > 2 && ADVERB_END.contains(&l[n - 1]) {
                n -= 1;
            }
            // `強調實際失業人數`, `亏损时股价`: a verb of saying, or a clause of time, before the metric.
            let mut a = 0;
            if let Some(k) = SAYING.iter().find_map(|w| starts_with(&l, 0, w)) {
                a = k;
            } else if let Some(i) =
                (2..n.saturating_sub(2)).find(|&i| l[i] == '时' && !NOT_TIME_CLAUSE.contains(&l[i - 1]))
            {
                a = i + 1;
            }
            if (a > 0 || n < l.len()) && n >= a + 2 && METRIC.ending(&l[a..n]).is_some() {
                // The label's own chars (not simplified), read only here.
                let kept: String = label.chars().skip(a).take(n - a).collect();
                f.label = Some(kept);
            }
        }
    }

    /// The label of the figure before `figures[k]` in its sentence, when `figures[k]` took a
    /// linking verb alone (`保持`) and its clause names no metric before it.
    fn linked_to_earlier(&self, figures: &[Figure], k: usize) -> Option<String> {
        let f = &figures[k];
        let label = f.label.as_deref()?;
        // Cheap turn-away: the linking verbs open with one of these chars.
        if k == 0 || f.kind == Kind::Date || !label.starts_with(['处', '處', '保', '维', '維', '稳', '穩', '录', '錄'])
        {
            return None;
        }
        let l = Chars::simple(label);
        if !LINKING.iter().any(|w| w.chars().eq(l.iter().copied())) || self.linking_metric(f.start, &l).is_some() {
            return None;
        }
        let p = (0..k).rev().find(|&j| figures[j].kind != Kind::Date)?;
        let prev = figures[p].label.as_deref()?;
        (!self.sentences.ends_within(figures[p].end, f.start) && *Chars::simple(prev) != *l).then(|| prev.to_string())
    }

    /// `电力、热力、燃气及水生产和供应业增加值`: a name whose items are listed with `、`, cut at
    /// the last mark (`及水生产和供应业增加值`), is the whole listed name.
    fn listed_name(&self, start: usize, l: &[char]) -> Option<String> {
        // Or an industry's name cut at its `的` (`电力、燃气及水的生产和供应业用电量`).
        let industry = l.contains(&'业');
        if l.len() < 4 || !(matches!(l[0], '及' | '和' | '与') || industry) {
            return None;
        }
        let lim = self.sentence_start(start).max(start.saturating_sub(l.len() + 90));
        let at = (lim..start.saturating_sub(l.len() - 1)).rev().find(|&p| self.chars[p..].starts_with(l))?;
        if at == 0 || !is_han(self.chars[at - 1]) {
            return None;
        }
        // `采矿业、制造业和电力…供应业用电量分别为…`: the items are a `分别` list, each its own
        // figure's subject, and the metric stated once for them is each one's label (rule 9).
        let listed = matches!(l[0], '及' | '和' | '与') || l.contains(&'、');
        if listed && self.chars[at + l.len()..start].windows(2).any(|w| w == ['分', '别']) {
            let r = self.within(at, at + l.len());
            let last = self.tokens.get(r.end.checked_sub(1)?)?;
            let head = (last.start, last.end);
            return (r.len() > 1 && head.1 == at + l.len() && head.1 - head.0 >= 2 && self.names_metric(head))
                .then(|| self.text(head));
        }
        let floor = at.saturating_sub(20);
        let mut s = at;
        while s > floor && (is_han(self.chars[s - 1]) || self.chars[s - 1] == '、') {
            s -= 1;
        }
        if s == floor || !self.chars[s..at].contains(&'、') || self.chars[s] == '、' {
            return None;
        }
        // An industry cut at `的` is a listed name only where the list joins its last item.
        if !(matches!(l[0], '及' | '和' | '与')
            || self.chars[at - 1] == '的' && self.chars[s..at].iter().any(|c| matches!(c, '及' | '和')))
        {
            return None;
        }
        // `其中电力、热力…`: the word that opens a breakdown is no part of the name.
        if self.chars[s..].starts_with(&['其', '中']) {
            s += 2;
        }
        Some(crate::figures::units::string_of(&self.orig[s..at + l.len()]))
    }

    /// `较主板营收同比增速更高，分别为33.27%`: a label that opens with a comparison word
    /// took the base after it; the metric is what follows the base.
    fn past_base(&self, start: usize, l: &[char]) -> Option<String> {
        if l.len() < 4 || !matches!(l[0], '较' | '比') || matches!(l[1], '重' | '例' | '率' | '较') {
            return None;
        }
        let lim = self.sentence_start(start).max(start.saturating_sub(l.len() + 40));
        let at = (lim..start.saturating_sub(l.len() - 1)).rev().find(|&p| self.chars[p..].starts_with(l))?;
        let r = self.within(at, at + l.len());
        // The comparison word, then the base, then the metric.
        if r.len() < 3 || self.tokens[r.start].end != at + 1 {
            return None;
        }
        let span = (self.tokens[r.start + 2].start, at + l.len());
        self.names_metric(span).then(|| self.text(span))
    }

    /// Where the label `l` of the figure at `start` is written, close before it in its sentence.
    fn label_at(&self, start: usize, l: &[char]) -> Option<usize> {
        let lim = self.sentence_start(start).max(start.saturating_sub(l.len() + 40));
        (lim..start.saturating_sub(l.len().saturating_sub(1))).rev().find(|&p| self.chars[p..].starts_with(l))
    }

    /// `失業率仍處於5.9%`: the metric before the linking verb that `l` is, in its clause.
    fn linking_metric(&self, start: usize, l: &[char]) -> Option<String> {
        if !LINKING.iter().any(|w| w.chars().eq(l.iter().copied())) {
            return None;
        }
        // The verb, close before the figure.
        let lim = self.sentence_start(start).max(start.saturating_sub(l.len() + 40));
        let at = (lim..start.saturating_sub(l.len() - 1)).rev().find(|&p| self.chars[p..].starts_with(l))?;
        let mut e = at;
        'strip: loop {
            for w in BEFORE_VERB {
                if let Some(k) = ends_with(self.chars, e, w) {
                    e -= k;
                    continue 'strip;
                }
            }
            break;
        }
        let mut lo = self.clause_start(e, 0);
        if let Some(span) = self.metric_before(lo, e).label.filter(|&s| self.names_metric(s)) {
            return Some(self.text(span));
        }
        // `就業不足率則維持在`: the segmenter fused the adverb to the metric (`率則`), so no
        // word ends where the metric does; the clause before it is the metric when it ends in one.
        if let Some(k) = OPENERS.iter().find_map(|w| starts_with(&self.chars[lo..e], 0, w)) {
            lo += k;
        }
        (e > lo + 1 && e - lo <= 10 && self.chars[lo..e].iter().all(|&c| is_han(c)) && self.names_metric((lo, e)))
            .then(|| self.text((lo, e)))
    }
}
