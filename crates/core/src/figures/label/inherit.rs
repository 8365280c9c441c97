//! The second pass: figures that name no metric of their own take the metric
//! of the figure before them — changes (`比上年增长34.9%`), bare shares, items
//! of a breakdown (`饮料类增长32.2%`) — and `分别` lists pair their members.

use super::charbuf::Chars;
use super::{Doc, LABEL_MAX, Own, Span};
use crate::figures::units::{ends_with, starts_with};
use crate::model::{Figure, Kind};
use std::ops::Range;

impl Doc<'_> {
    /// Second pass: adjacent figures share a thing; changes, bare shares and
    /// breakdown items take the metric of the figure before them in the paragraph.
    pub(super) fn inherit(&self, figures: &mut [Figure], owns: &[Own]) {
        let mut labels: Vec<Option<String>> =
            owns.iter().map(|o| o.label.and_then(|l| self.cleaned_span(l, clean_label))).collect();
        let mut subjects: Vec<Option<String>> =
            owns.iter().map(|o| o.subject.and_then(|s| self.cleaned_span(s, clean_subject))).collect();
        // `3694户8124名建档立卡贫困人口`: a figure right before another of its kind counts the same thing.
        for k in (0..figures.len().saturating_sub(1)).rev() {
            let (f, n) = (&figures[k], &figures[k + 1]);
            if labels[k].is_none() && n.start == f.end && n.kind == f.kind && f.kind != Kind::Date {
                labels[k] = labels[k + 1].clone();
            }
        }
        let mut level: Option<usize> = None;
        // The last level outside brackets: a figure outside takes no metric from a note in brackets.
        let mut outer: Option<usize> = None;
        // The last level of the paragraph before: items opening a paragraph take its metric.
        let mut para: Option<usize> = None;
        for k in 0..figures.len() {
            let f = &figures[k];
            if k > 0
                && self.chars[figures[k - 1].end..f.start].contains(&'\n')
                && !super::lists::change_line(&self.chars[figures[k - 1].end..f.start], f.change.is_some())
            {
                para = outer;
                level = None;
                outer = None;
            }
            if matches!(f.kind, Kind::Date | Kind::Duration) {
                continue;
            }
            if labels[k].is_none() && k > 0 && figures[k - 1].end == f.start && figures[k - 1].kind == f.kind {
                labels[k] = labels[k - 1].clone();
            }
            // `船舶垃圾63.5万艘次、5005吨`, `1艘/216客位`: a bare member of a list shares its metric.
            if labels[k].is_none()
                && k > 0
                && f.change.is_none()
                && figures[k - 1].end < f.start
                && f.start - figures[k - 1].end == 1
                && matches!(self.chars[figures[k - 1].end], '、' | '/' | '／')
                && !matches!(figures[k - 1].kind, Kind::Date | Kind::Duration)
            {
                labels[k] = labels[k - 1].clone();
                subjects[k] = subjects[k].take().or_else(|| subjects[k - 1].clone());
            }
            let bare = labels[k].is_none();
            let inherits = owns[k].item
                || (bare && (f.change.is_some() || matches!(f.kind, Kind::Percent | Kind::Money | Kind::Rank)));
            // An item takes the metric of the sentence it is in;
            // farther back, a breakdown item that is no place names its own metric.
            // Items run on over semicolons (`服装上升40%；百货公司货品上升14.9%`;
            // `其中：油田产能项目完成投资150亿元，下降10.8%；石化公司1.1亿元`), and a `其中`
            // sentence continues the one before.
            let breakdown = self.in_breakdown(f.start);
            let near = |from: usize| {
                self.chars[figures[from].end..f.start]
                    .iter()
                    .all(|c| !matches!(c, '。' | '！' | '？' | '!' | '?' | '\n') || breakdown && *c != '\n')
            };
            let bracketed = self.in_brackets(f.start);
            let from_level =
                if bracketed { level } else { outer }.filter(|&from| !owns[k].item || near(from)).or_else(|| {
                    para.filter(|&from| owns[k].item && !bracketed && self.opens_paragraph(figures[from].end, f.start))
                });
            // An item with no metric to take names its own; the items after it are its
            // siblings, not its breakdown, and do not take it.
            let alone = owns[k].item && from_level.is_none();
            // (unless a lead-in before it in its sentence names the metric)
            if alone && !owns[k].place && labels[k].is_none() {
                labels[k] = subjects[k].take();
            }
            if inherits && let Some(from) = from_level {
                labels[k] = labels[self.level_of_change(figures, &labels, from, k)].clone();
                if subjects[k].is_none() && !owns[k].item {
                    subjects[k] = subjects[from].clone();
                }
            }
            if f.kind == Kind::Percent
                && owns[k].label.is_none()
                && k > 0
                && let Some(rate) = labels[k - 1]
                    .as_deref()
                    .and_then(|l| super::lists::completion_rate(&self.chars[figures[k - 1].end..f.start], l))
            {
                labels[k] = Some(rate);
            }
            // A figure in brackets (`（占规上工业比重为62.0%）`) is a note: what follows does not take its metric.
            if labels[k].is_some() && (!alone || owns[k].label.is_some()) {
                level = Some(k);
                if !bracketed {
                    outer = Some(k);
                }
            }
        }
        // `第一产业实现增加值47.5亿元，…，拉动GDP增长0.1个百分点`: a contribution to
        // growth is made by what its sentence is about.
        for k in 1..figures.len() {
            if subjects[k].is_none()
                && labels[k].as_deref().is_some_and(|l| l.starts_with("拉动") || l.starts_with("拉動"))
            {
                let sentence = |j: usize| !self.sentences.ends_within(figures[j].end, figures[k].start);
                subjects[k] = (0..k).rev().take_while(|&j| sentence(j)).find_map(|j| subjects[j].clone());
            }
        }
        let mut k = 0;
        while k < figures.len() {
            let mut m = k + 1;
            // `分别`, or a bare list of changes (`货物吞吐量20.2亿吨、集装箱吞吐量1367万标箱，同比增长1.0%、6.0%`).
            let bare_changes = figures[k].change.is_some() && owns[k].label.is_none() && !owns[k].item;
            // (or a list whose members pair with no `分别`: `太陽光電、離岸風電年增45%及135%`)
            if owns[k].respectively || bare_changes || self.implied_list(figures, owns, k).is_some() {
                while m < figures.len() && self.joins_list(figures[m - 1].end, figures[m].start) {
                    m += 1;
                }
                if m - k >= 2 {
                    self.pair_list(figures, owns, k..m, &mut labels, &mut subjects);
                }
            }
            k = m;
        }
        self.unit_attributes(figures, owns, &labels, &mut subjects);
        self.changes_share_subject(figures, &labels, &mut subjects);
        self.contributors(figures, &labels, &mut subjects);
        for (k, f) in figures.iter_mut().enumerate() {
            if f.kind == Kind::Date {
                continue;
            }
            f.label = labels[k].take().filter(|l| !l.is_empty());
            // Rule 8: no subject that the label already names.
            f.subject = subjects[k]
                .take()
                .filter(|s| !s.is_empty() && !f.label.as_ref().is_some_and(|l| l.contains(s.as_str())));
        }
    }

    /// Is `a..b` the end of one paragraph and the first clause of the next, the
    /// paragraph before ending near its last figure (`…增长8.5%。分行业看：⏎食品制造业增长…`,
    /// `…增长6.1%。⏎城镇增长6.3%`, `…。⏎分行业看，食品制造业增长…`)?
    fn opens_paragraph(&self, a: usize, b: usize) -> bool {
        const TAIL_MAX: usize = 30;
        let gap = &self.chars[a..b];
        let (Some(first), Some(last)) = (gap.iter().position(|&c| c == '\n'), gap.iter().rposition(|&c| c == '\n'))
        else {
            return false;
        };
        // The paragraph before leads in to the items (`分行业看：`), or the item opens its paragraph
        // (`受疫情影响，客运下降21.7%` is a sentence of its own).
        let lead_in = gap[..first].iter().rev().find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, '：' | ':'));
        // (or after a lead-in of its own: `分行业大类细看，`, `从地区看：`).
        let head = &gap[last + 1..];
        let mut breaks = (0..head.len()).filter(|&i| super::CLAUSE_BREAKS.contains(&head[i]));
        let opens = match (breaks.next(), breaks.next()) {
            (None, _) => true,
            (Some(i), None) => i > 0 && head[i - 1] == '看' && matches!(head[i], '，' | ',' | '：' | ':'),
            _ => false,
        };
        first <= TAIL_MAX
            && gap[first..last].iter().all(|c| c.is_whitespace())
            && (lead_in && !gap[last..].iter().any(|c| matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';'))
                || opens)
    }

    /// Is `at` inside an open bracket of its sentence?
    pub(super) fn in_brackets(&self, at: usize) -> bool {
        // The last mark before `at` (`（`, `(`, `）`, `)`, `。`, a line's end, `！`, `？`) in 80 chars
        // decides: one lookup in an index built once per text.
        self.sentences.in_brackets(self.chars, at)
    }

    /// Are two figures members of one list (`14.9%和36.7%`, `20.0%、17.9%`,
    /// `26.71元/公斤、17.54元/公斤`)?
    pub(super) fn joins_list(&self, a: usize, b: usize) -> bool {
        // A rate's denominator left after the first figure (`/公斤`) is part of it.
        let a = if self.chars.get(a) == Some(&'/') {
            a + 1
                + self.chars[a + 1..b.max(a + 1)]
                    .iter()
                    .take(3)
                    .take_while(|c| super::is_han(**c) && !matches!(c, '和' | '及' | '与' | '與'))
                    .count()
        } else {
            a
        };
        b > a && b - a <= 2 && self.chars[a..b].iter().all(|c| matches!(c, '、' | '和' | '及' | '与' | '與' | ' '))
    }

    /// The last figure of the list that `figures[first]` opens (`first` itself when it opens none).
    pub(super) fn list_end(&self, figures: &[Figure], first: usize) -> usize {
        let mut last = first;
        while last + 1 < figures.len() && self.joins_list(figures[last].end, figures[last + 1].start) {
            last += 1;
        }
        last
    }

    /// Rule 9: the members of a `分别` list `group` take, in order, the metric and
    /// subject of as many figures just before them in the sentence (`销售纯种母猪10240头、
    /// 二元母猪18069头，同比分别上涨14.9%和36.7%`), or else the listed items
    /// before `分别` as subjects, sharing one metric.
    fn pair_list(
        &self,
        figures: &[Figure],
        owns: &[Own],
        group: Range<usize>,
        labels: &mut [Option<String>],
        subjects: &mut [Option<String>],
    ) {
        let (k, n) = (group.start, group.len());
        let first = &figures[k];
        let sent = self.sentence_start(first.start);
        let before = |from: usize| -> Vec<usize> {
            let mut prev: Vec<usize> = (0..k)
                .rev()
                .take_while(|&j| figures[j].start >= from)
                // `两年平均分别增长…`: the span of an average is no member of the list before.
                .filter(|&j| !matches!(figures[j].kind, Kind::Date | Kind::Duration))
                .take(n)
                .collect();
            prev.reverse();
            prev
        };
        let mut prev = before(sent);
        // `…净利润为3250万美元，每股收益为0.17美元;去年同期分别为2410万和0.12美元`: a list whose
        // sentence names only the base period pairs with the figures of the sentence before.
        // (The base period read as the list's own metric is none.)
        let base = prev.len() < n && self.base_period_list(sent, first.start);
        if base {
            prev = before(self.sentence_start(sent - 1));
        }
        if (owns[k].label.is_none() || base) && prev.len() == n && prev.iter().all(|&j| labels[j].is_some()) {
            for (i, &j) in prev.iter().enumerate() {
                labels[k + i] = labels[j].clone();
                subjects[k + i] = subjects[j].clone();
            }
            return;
        }
        let Some(at) = self.find_respectively(sent, first.start).or_else(|| self.implied_list(figures, owns, k)) else {
            return;
        };
        let from = (sent..at).rev().find(|&q| matches!(self.chars[q], '，' | ',' | '：' | ':')).map_or(sent, |q| q + 1);
        let lead = self.items_before_comma(sent, from, at);
        let (from, at) = lead.unwrap_or((from, at));
        // `除软件业增长5.4%、租赁业、零售业分别下降…`: the items start after a figure before them.
        let from = figures[..k]
            .iter()
            .rev()
            .take_while(|f| f.end > from)
            .find(|f| f.kind != Kind::Date && f.end < at)
            .map_or(from, |f| {
                let skip = self.chars[f.end..at].iter().take_while(|c| matches!(c, '、' | '，' | ',' | '外')).count();
                f.end + skip
            });
        // `6月份全国猪肉、活猪…`: a date or scope before the items is none of them.
        let from = figures[..k]
            .iter()
            .rev()
            .take_while(|f| f.end > from)
            .find(|f| f.kind == Kind::Date && f.end <= at)
            .map_or(from, |f| f.end);
        let from = ["全国", "全省", "全市", "全区", "全县", "我国", "我省", "我市", "全國", "全縣", "全區", "其中"]
            .iter()
            .find(|w| starts_with(&self.chars[from..at], 0, w).is_some())
            .map_or(from, |w| from + w.chars().count());
        // `而保利发展、碧桂园分居二、三`: a conjunction opening the clause is none of the items.
        let from = if at > from + 3 && matches!(self.chars[from], '而' | '但' | '并' | '並' | '且') {
            from + 1
        } else {
            from
        };
        // `信息传输业、制造业等重点行业FDI到资分别增长…`: after 等 is the metric the items share.
        let (items_end, shared) = match (from..at).find(|&q| self.chars[q] == '等') {
            Some(q) if q + 1 < at => (q, Some(self.text((q + 1, at)))),
            _ => (at, None),
        };
        // `…制造业同比分别增长`: a comparison word before 分别 is none of the items.
        let items_end = ["同比", "环比", "環比", "比上年", "均", "也"]
            .iter()
            .find(|w| ends_with(&self.chars[from..items_end], items_end - from, w).is_some())
            .map_or(items_end, |w| items_end - w.chars().count());
        // The items are copied from the text itself, cut where its simplified copy has a separator.
        let split = |seps: &[char]| -> Vec<String> {
            let mut items = Vec::new();
            let mut at = from;
            for (k, c) in self.chars[from..items_end].iter().enumerate() {
                if seps.contains(c) {
                    items.push(self.orig[at..from + k].iter().collect::<String>().trim().to_string());
                    at = from + k + 1;
                }
            }
            items.push(self.orig[at..items_end].iter().collect::<String>().trim().to_string());
            items
        };
        let mut items = split(&['、']);
        if items.len() != n {
            items = split(&['、', '和', '及', '与', '與']);
            // `我国与欧盟、东盟和美国分别进出口…`: the partners are the items, not who trades with them.
            let first_sep = self.chars[from..items_end].iter().find(|c| matches!(c, '、' | '和' | '及' | '与' | '與'));
            if items.len() == n + 1 && matches!(first_sep, Some('与' | '與')) {
                items.remove(0);
            }
            if items.len() > n
                && let Some(v) = self.list_first_join(from, items_end, n)
            {
                items = v;
            }
        }
        // Items of the clause before (`…見於建造業及零售業，分別…`) give the subjects alone: the
        // metric stays the one the figures have.
        if lead.is_some() && items.len() == n && items.iter().all(|w| !w.is_empty()) {
            for (i, item) in items.into_iter().enumerate() {
                subjects[k + i] = Some(item);
                labels[k + i] = labels[k].clone();
            }
            return;
        }
        // `猪肉、活猪和仔猪平均价格分别为…`: the metric written after the last item is every item's.
        let shared = shared.or_else(|| {
            (items.len() == n)
                .then(|| {
                    let simple: Vec<Vec<char>> =
                        items.iter().map(|w| w.chars().map(crate::simplified::simplify).collect()).collect();
                    super::lists::shared_metric(&mut items, &simple)
                })
                .flatten()
        });
        // `哈密、和田、吐鲁番三地分别建设…，投资分别是…`: the items listed earlier in the sentence.
        if items.len() != n
            && let Some(spans) = super::lists::enumeration(&self.chars[sent..from], n)
            // `9、10两个月日均装车分别达…`: a list of months gives times, not owners.
            && !spans.iter().any(|&(a, _)| figures[..k].iter().any(|f| f.start == sent + a && f.kind == Kind::Date))
        {
            for (i, (a, b)) in spans.into_iter().enumerate() {
                subjects[k + i] = Some(crate::figures::units::string_of(&self.orig[sent + a..sent + b]));
            }
        } else if items.len() != n {
            self.owners_of_figures_before(figures, k, n, subjects);
        }
        if items.len() == n && items.iter().all(|w| !w.is_empty() && w.chars().count() <= 2 * LABEL_MAX) {
            // `城镇居民人均可支配收入、农村居民人均可支配收入分别增长…`: each item is a metric of its own.
            // (`累计销售收入与累计利润增幅分别为…`: a growth name after a metric is none of it, rule 5.)
            let kept = |w: &str| super::growth_name::without_growth_name(&Chars::simple(w));
            let metrics = shared.is_none()
                && items.iter().all(|w| {
                    let w = Chars::simple(w);
                    let n = super::growth_name::without_growth_name(&w);
                    super::lists::longest_metric(&w[..n]).is_some_and(|m| m >= 2)
                });
            if metrics {
                for (i, item) in items.into_iter().enumerate() {
                    let n = kept(&item);
                    let metric: String = item.chars().take(n).collect();
                    // `1~5月的销售收入`, `累计利润`: 的 after a time and a qualifier (rule 4) are none of it.
                    let metric = metric.trim_start_matches('的');
                    let metric = ["累计", "累計"]
                        .iter()
                        .find_map(|q| metric.strip_prefix(q).filter(|r| r.chars().count() >= 2))
                        .unwrap_or(metric);
                    labels[k + i] = Some(metric.to_string());
                }
                return;
            }
            // `租赁业、零售业、住宿餐饮业分别下降…`: a last item taken for a lone item's metric is an item.
            // (and so is the whole list read as one label: `太陽光電、離岸風電年增45%及135%`)
            if labels[k].as_ref().is_some_and(|l| items.contains(l) || items.iter().all(|w| l.contains(w.as_str()))) {
                labels[k] = None;
            }
            for (i, item) in items.into_iter().enumerate() {
                subjects[k + i] = Some(item);
            }
            if let Some(metric) = shared.filter(|m| !m.is_empty()) {
                for i in 0..n {
                    labels[k + i] = Some(metric.clone());
                }
                return;
            }
            // The words before `分别` are the items: the metric is the one the paragraph speaks of,
            // unless one is written after `分别` (`机电产品、农产品分别进口1.11万亿元`).
            let after_respectively = owns[k].label.is_some_and(|(s, _)| s > at);
            let level = (0..k)
                .filter(|_| !after_respectively)
                .rev()
                .take_while(|&j| !self.chars[figures[j].end..first.start].contains(&'\n'))
                .find(|&j| labels[j].is_some() && !matches!(figures[j].kind, Kind::Date | Kind::Duration));
            if let Some(j) = level {
                labels[k] = labels[j].clone();
            }
        }
        for i in 1..n {
            labels[k + i] = labels[k].clone();
        }
    }
}

impl Doc<'_> {
    /// `cleaned(self.text(span), clean)`. A span the simplified copy of the text writes as the
    /// text does holds no char to simplify: it is not scanned again for one.
    fn cleaned_span(&self, (s, e): Span, clean: fn(&str) -> Option<&str>) -> Option<String> {
        let text = self.text((s, e));
        if s < e && self.chars[s..e] == self.orig[s..e] {
            // The copy `simplified::text` would make (if any) reads as `text`: `clean` cuts the same.
            let kept = clean(&text)?;
            let (at, n) = (kept.as_ptr() as usize - text.as_ptr() as usize, kept.len());
            let mut text = text;
            text.truncate(at + n);
            text.drain(..at);
            return Some(text);
        }
        cleaned(text, clean)
    }
}

/// `text` as `clean` trims it, read on its simplified copy (the word lists are
/// simplified) and cut from the text itself: the copy keeps every byte offset.
pub(super) fn cleaned(mut text: String, clean: fn(&str) -> Option<&str>) -> Option<String> {
    let simple = crate::simplified::text(&text);
    let s = simple.as_deref().unwrap_or(&text);
    let kept = clean(s)?;
    let (at, n) = (kept.as_ptr() as usize - s.as_ptr() as usize, kept.len());
    // Cut in place: no second copy.
    text.truncate(at + n);
    text.drain(..at);
    Some(text)
}

/// Rule 4 on a label's words: no time word before it (`去年同期净利润`), no change
/// or linking word after it (`猪肉价格上涨`, `增速高达`); a change word alone
/// (`偏高`) is no label.
pub(super) fn clean_label(l: &str) -> Option<&str> {
    if TIME_WORDS.contains(&l) {
        return None;
    }
    // `（含完全中学26所）`: 含 opens a note; what it includes is the label.
    let mut l = l.strip_prefix('含').filter(|r| r.chars().count() >= 2).unwrap_or(l);
    // The words below are compared only where the label opens (or ends) with a char one of
    // them does: most labels open and end with none.
    let prefixes = ["去年同期", "上年同期", "同期", "去年", "上年", "今年", "本年", "当年", "至於", "至于"];
    let opens = l.starts_with(['去', '上', '同', '今', '本', '当', '至']);
    for w in if opens { &prefixes[..] } else { &[] } {
        if let Some(rest) = l.strip_prefix(w)
            && rest.chars().count() >= 2
        {
            l = rest;
            break;
        }
    }
    // `拉动GDP增长` is the name of a contribution (rule 6).
    let suffixes = ["高达", "高達", "上涨", "上漲", "下跌", "上升", "下降", "增长", "增長"];
    let ends = l.ends_with(['达', '達', '涨', '漲', '跌', '升', '降', '长', '長']);
    for w in if ends { &suffixes[..] } else { &[] } {
        if let Some(rest) = l.strip_suffix(w).filter(|_| !l.starts_with("拉动") && !l.starts_with("拉動"))
            && rest.chars().count() >= 2
        {
            l = rest;
            break;
        }
    }
    if matches!(l, "偏高" | "偏低" | "偏多" | "偏少" | "上涨" | "下降" | "增长" | "下跌" | "上升") {
        return None;
    }
    Some(l)
}

/// Rule 8 on a subject's words: a comparison's base (`比上`), a verb that opens a
/// clause (`新建`, `惠及`) or a single character names nothing the figure belongs to.
fn clean_subject(s: &str) -> Option<&str> {
    let base = ["比上", "比去", "比同", "比前", "较上", "较去", "较同", "较前", "較上", "較去", "較同"];
    // (Each list below is compared only where the subject opens or ends with a char of its words.)
    if s.starts_with(['比', '较', '較']) && base.iter().any(|b| s.starts_with(b))
        || s.starts_with('含')
        || TIME_WORDS.contains(&s)
        || matches!(s, "偏高" | "偏低" | "偏多" | "偏少")
    {
        return None;
    }
    let mut s = s;
    // `金融机构本外币各项存款余额`: the currency scope belongs to the metric, not to the institutions.
    let currencies = ["本外币", "本外幣", "人民币", "人民幣"];
    for w in if s.ends_with(['币', '幣']) { &currencies[..] } else { &[] } {
        if let Some(rest) = s.strip_suffix(w).filter(|r| r.chars().count() >= 2) {
            s = rest;
        }
    }
    let verbs = ["新建", "惠及", "新增", "培育", "获得", "獲得", "认定", "認定"];
    for w in if s.starts_with(['新', '惠', '培', '获', '獲', '认', '認']) { &verbs[..] } else { &[] } {
        if let Some(rest) = s.strip_prefix(w) {
            s = rest;
            break;
        }
    }
    // `县的零售额`: a one-char place is named only by `owners::place_before_de`.
    (s.chars().count() >= 2 || matches!(s, "县" | "縣" | "市" | "省" | "区" | "區" | "镇" | "鎮" | "乡" | "鄉"))
        .then_some(s)
}

const TIME_WORDS: &[&str] = &["去年同期", "上年同期", "同期", "去年", "上年", "今年", "本年", "当年", "全年"];
