//! Customs news names a trade flow by its verb and puts the goods or the partner
//! beside it: `机电产品出口2.02万亿元`, `出口服装及衣着附件975.2亿元`, `与RCEP贸易伙伴合计进出口1.85万亿元`.
//! The flow (`出口`, `进口`, `进出口`) is the label and the goods or partner the
//! subject (labels.md rules 3 and 8; t07, t20 and n05 gold); the changes, shares
//! and contributions after it in its sentence (`增长9.9%，占出口总值的58.3%`) are the
//! same goods' (rule 5). A trade mode fused before the verb (`一般贸易进出口`,
//! `外贸进出口`) says which statistic it is and stays in the label; a measure
//! noun after it (`出口额`, `出口总值`) makes it a metric of its own, left as it is.

use super::words::{Class, WORDS};
use super::{CLAUSE_BREAKS, Doc};
use crate::model::{Figure, Kind};

/// The flow verbs, longest first (simplified: the rules read the simplified copy).
const VERBS: &[&[char]] = &[&['进', '出', '口'], &['出', '口'], &['进', '口']];
/// Words that say which statistic a flow is when fused before it: no owner.
const MODES: &[&str] = &["贸易", "贸易方式", "外贸", "净", "货物", "服务", "总", "对外", "累计", "同比", "直接"];
/// Words between the goods or partner and the verb (`合计进出口`), passed over.
const LINKS: &[&str] = &["合计", "共计", "总计", "累计", "共"];
/// Qualifiers between the verb and its figure (`出口约2亿元`), passed over.
const QUALIFIERS: &[&str] = &["约", "近", "超", "逾", "达", "为"];
/// Words that open a clause without naming whose it is (`其中，`, `同期`).
const OPENERS: &[&str] = &["其中", "同期", "此外", "另外", "今年", "全年", "当月", "上半年"];
/// Endings of what follows a flow verb that make one metric name with it (`出口额`,
/// `出口总值`, `进口规模`), not goods.
const HEAD_ENDS: &[char] =
    &['值', '额', '量', '模', '速', '重', '比', '率', '幅', '价', '数', '单', '度', '长', '降', '少', '加'];
/// Words inside what follows a flow verb that show it is no name of goods.
const NOT_GOODS: &[char] = &['的', '了', '在', '是', '为', '达', '约', '比', '同', '增', '下', '共', '累', '总'];
/// The longest goods or partner read, in chars.
const NAME_MAX: usize = 20;
/// The longest goods read after a verb, in chars.
const GOODS_MAX: usize = 12;

/// What a flow figure's clause says.
struct Flow {
    /// The verb.
    verb: (usize, usize),
    /// The goods or partner; none where the subject the figure has stands.
    name: Option<(usize, usize)>,
    /// The label this figure carried before (the figures inheriting it carry it too).
    old_label: Option<String>,
    old_subject: Option<String>,
}

fn starts_with_any(w: &[char], list: &[&str]) -> Option<usize> {
    list.iter()
        .filter(|h| {
            let n = h.chars().count();
            n <= w.len() && w[..n].iter().copied().eq(h.chars())
        })
        .map(|h| h.chars().count())
        .max()
}

fn ends_with_any(w: &[char], list: &[&str]) -> Option<usize> {
    list.iter()
        .filter(|h| {
            let n = h.chars().count();
            n <= w.len() && w[w.len() - n..].iter().copied().eq(h.chars())
        })
        .map(|h| h.chars().count())
        .max()
}

impl Doc<'_> {
    /// Relabel trade flows by their verb, with the goods or partner as subject (see the module notes).
    pub(super) fn trade_flows(&self, figures: &mut [Figure]) {
        let mut k = 0;
        while k < figures.len() {
            let Some(flow) = self.flow_of(figures, k) else {
                k += 1;
                continue;
            };
            let label = self.text(flow.verb);
            let subject = match flow.name {
                Some(n) => Some(self.name_text(n)),
                None => figures[k].subject.clone(),
            };
            // `加工贸易和保税物流进出口10293亿元和3544.9亿元`: listed goods pair with a run of figures.
            let parts = flow.name.map(|n| self.name_parts(n)).unwrap_or_default();
            let paired = parts.len() >= 2 && self.run_at(figures, k) == parts.len();
            let mut j = k;
            while j < figures.len() && (j == k || !self.sentences.ends_within(figures[k].end, figures[j].start)) {
                let g = &figures[j];
                if g.kind == Kind::Date {
                    j += 1;
                    continue;
                }
                if j > k {
                    // The figures after it in its sentence that inherit its label, or name a share or
                    // contribution of no owner of their own, are the same goods'.
                    if self.flow_of(figures, j).is_some() {
                        break;
                    }
                    let own_subject = g.subject.is_some() && g.subject != flow.old_subject && g.subject != subject;
                    if own_subject {
                        break;
                    }
                }
                let run = if paired && self.run_at(figures, j) == parts.len() { parts.len() } else { 1 };
                for (i, g) in figures[j..j + run].iter_mut().enumerate() {
                    let inherited =
                        g.label.is_some() && g.label == flow.old_label || g.label.is_none() && g.change.is_some();
                    if j == k || inherited {
                        g.label = Some(label.clone());
                    }
                    if run > 1 {
                        g.subject = Some(self.name_text(parts[i]));
                    } else if subject.is_some() {
                        g.subject = subject.clone();
                    }
                }
                j += run;
            }
            k = j;
        }
    }

    /// The flow a figure is, if its clause names goods or a partner with a flow verb right before
    /// or right after them, and its label is that flow or the flow fused with the goods.
    fn flow_of(&self, figures: &[Figure], k: usize) -> Option<Flow> {
        let f = &figures[k];
        if !matches!(f.kind, Kind::Money | Kind::Quantity) || f.change.is_some() {
            return None;
        }
        // `公布10月出口618億美元`: the goods are never read over another figure.
        let floor = self.sentence_start(f.start).max(k.checked_sub(1).map_or(0, |p| figures[p].end.min(f.start)));
        let mut at = f.start;
        // `出口约2亿元`: a qualifier before the figure.
        while let Some(n) = ends_with_any(&self.chars[floor..at], QUALIFIERS) {
            at -= n;
        }
        let label: Option<Vec<char>> = f.label.as_ref().map(|l| l.chars().collect());
        if let Some(verb) = self.verb_ending(floor, at) {
            return self.goods_before(f, floor, verb, label);
        }
        self.goods_after(f, floor, at, label)
    }

    /// The flow verb ending at `at`, if it stands alone there.
    fn verb_ending(&self, floor: usize, at: usize) -> Option<(usize, usize)> {
        let v = VERBS.iter().find(|v| at >= floor + v.len() && self.chars[at - v.len()..at] == ***v)?;
        Some((at - v.len(), at))
    }

    /// `机电产品出口2.02万亿元`, `对东盟进出口…`: the goods or partner before the verb.
    fn goods_before(&self, f: &Figure, floor: usize, verb: (usize, usize), label: Option<Vec<char>>) -> Option<Flow> {
        let verb_chars = &self.orig[verb.0..verb.1];
        // The label is the verb, the verb fused with the goods, or none at all.
        let fused = match &label {
            None => None,
            Some(l) if l[..] == *verb_chars => None,
            Some(l) if l.len() > verb_chars.len() && l.ends_with(verb_chars) => Some(l.len() - verb_chars.len()),
            Some(_) => return None,
        };
        let mut e = verb.0;
        // `一般贸易进出口`: a trade mode keeps its label.
        if ends_with_any(&self.chars[floor..e], MODES).is_some() {
            return None;
        }
        // `分别进口`: a list, paired by the list rules.
        if self.chars[floor..e].ends_with(&['分', '别']) {
            return None;
        }
        while let Some(n) = ends_with_any(&self.chars[floor..e], LINKS) {
            e -= n;
        }
        let mut s = e;
        let mut partner = false;
        while s > floor && e - s < NAME_MAX {
            let c = self.chars[s - 1];
            if (CLAUSE_BREAKS.contains(&c) && c != '、') || c.is_whitespace() || c == '的' {
                break;
            }
            if matches!(c, '对' | '与') {
                partner = true;
                break;
            }
            s -= 1;
        }
        // `1-8月江苏省…`: the date opening the clause is not the goods'.
        if let Some(d) = self.date_ending_in(s, e) {
            s = d;
        }
        while let Some(n) = starts_with_any(&self.chars[s..e], OPENERS) {
            s += n;
        }
        if let Some(n) =
            (2..=3).find(|&n| s + n <= e && WORDS.get(&self.chars[s..s + n]).is_some_and(|c| *c == Class::Deictic))
        {
            s += n;
        }
        if self.chars[s..e].iter().any(|c| matches!(c, '（' | '）' | '(' | ')')) {
            return None;
        }
        // Fused goods must be the words right before the verb.
        if fused.is_some_and(|n| n > e - s || e != verb.0) {
            return None;
        }
        if s == e && (fused.is_some() || f.subject.is_none()) {
            return None;
        }
        // Where the label is the verb already and a subject is named, a partner alone replaces it.
        let keep = s == e || !partner && label.is_some() && fused.is_none() && f.subject.is_some();
        // `海关公布出口…`: a verb before the flow says who reports it, not whose it is.
        let r = self.within(s, e);
        if self.tokens[r].iter().any(|t| self.is_verb(t) && !self.is_nounish(t)) {
            return None;
        }
        let name = (!keep).then_some((s, e));
        Some(Flow { verb, name, old_label: f.label.clone(), old_subject: f.subject.clone() })
    }

    /// `出口服装及衣着附件975.2亿元`: the goods between the verb and the figure.
    fn goods_after(&self, f: &Figure, floor: usize, at: usize, label: Option<Vec<char>>) -> Option<Flow> {
        let label = label?;
        let lo = at.saturating_sub(GOODS_MAX + 3).max(floor);
        let (verb, e) = (lo..at).rev().find_map(|p| Some((self.verb_ending(lo, p)?, at)))?;
        let goods = &self.chars[verb.1..e];
        if goods.len() < 2 || goods.len() > GOODS_MAX {
            return None;
        }
        // `出口额`, `出口总值`, `进口增长`: a metric name, not goods.
        if HEAD_ENDS.contains(&goods[goods.len() - 1])
            || goods.iter().any(|c| NOT_GOODS.contains(c) || CLAUSE_BREAKS.contains(c) || !super::is_han(*c))
            || matches!(self.chars[verb.0.saturating_sub(1)], '净' | '总')
        {
            return None;
        }
        if label[..] != self.orig[verb.0..e] {
            return None;
        }
        Some(Flow { verb, name: Some((verb.1, e)), old_label: f.label.clone(), old_subject: f.subject.clone() })
    }

    /// The goods or partner as written: quotes that enclose it all go, a quoted name
    /// inside it (`“一带一路”沿线国家`) keeps its quotes.
    fn name_text(&self, (s, e): (usize, usize)) -> String {
        let w = &self.orig[s..e];
        let enclosed = w.len() > 2
            && matches!(w[0], '“' | '「' | '"')
            && w[1..].iter().position(|c| matches!(c, '”' | '」' | '"')) == Some(w.len() - 2);
        if enclosed { w[1..w.len() - 1].iter().collect() } else { w.iter().collect() }
    }

    /// The members of listed goods (`加工贸易和保税物流`), split at `和`, `及`, `与` and `、`.
    fn name_parts(&self, (s, e): (usize, usize)) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut a = s;
        for p in s..e {
            if matches!(self.chars[p], '和' | '及' | '与' | '、') {
                out.push((a, p));
                a = p + 1;
            }
        }
        out.push((a, e));
        if out.iter().any(|(a, b)| b - a < 2) {
            return Vec::new();
        }
        out
    }

    /// How many figures from `k` on are written as one run (`10293亿元和3544.9亿元`).
    fn run_at(&self, figures: &[Figure], k: usize) -> usize {
        let mut n = 1;
        while k + n < figures.len() {
            let (a, b) = (&figures[k + n - 1], &figures[k + n]);
            let gap = &self.chars[a.end..b.start];
            if b.kind != a.kind || !(gap.len() == 1 && matches!(gap[0], '和' | '及' | '与' | '、')) {
                break;
            }
            n += 1;
        }
        n
    }

    /// Where a date figure ending in `s..e` ends, passing over the commas after it.
    fn date_ending_in(&self, s: usize, e: usize) -> Option<usize> {
        let mut d = s;
        while d < e && (self.chars[d].is_ascii_digit() || matches!(self.chars[d], '-' | '—' | '－' | '~' | '至')) {
            d += 1;
        }
        (d > s && d < e && matches!(self.chars[d], '月' | '年')).then_some(d + 1)
    }
}
