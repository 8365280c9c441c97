//! A whole-network deictic and an operator fused to the front of a metric
//! (labels.md rules 4 and 8): `全路集装箱发送量` → 集装箱发送量 (全路, like 全国, names
//! no subject); `国家铁路货物发送量` → 货物发送量 with subject 国家铁路, where the
//! document writes 国家铁路 as the doer of a linking verb elsewhere
//! (`国家铁路累计完成旅客发送量`), and that clause's subject is its opening name too.

use super::{Doc, Own};
use crate::fasthash::FxHashSet;
use crate::model::{Figure, Kind};

/// Linking verbs that follow the doer of a statistic (`…累计完成`, `…实现`).
const DOER_VERBS: &[&str] = &["累计完成", "累計完成", "累计", "累計", "完成", "实现", "實現"];
/// `全` + one of these is the whole of a jurisdiction or network (`全路`, `全国`), not `全民`, `全球`.
const WHOLE: &[char] =
    &['国', '國', '省', '市', '县', '縣', '区', '區', '州', '路', '网', '網', '镇', '鎮', '乡', '鄉'];
/// The name of a doer, in chars.
const DOER_CHARS: std::ops::RangeInclusive<usize> = 3..=6;

/// Every run of 3–6 chars the document writes right before a linking verb, found once per
/// text: asking the text itself for each figure made labelling quadratic in its length.
pub(super) struct Doers<'a>(FxHashSet<&'a [char]>);

impl<'a> Doers<'a> {
    pub(super) fn new(text: &'a [char]) -> Doers<'a> {
        let mut names = FxHashSet::default();
        // Every verb starts with one of these four: most runs of 16 chars hold none, told
        // by four compares a char in one pass the compiler runs on many chars at once (a
        // range of codes let through runs of common chars, 家 and 安 among them); only
        // the others are read char by char.
        let maybe = |c: &char| u32::from((*c == '累') | (*c == '完') | (*c == '实') | (*c == '實'));
        let whole = text.len() / 16 * 16;
        let runs = text[..whole].chunks_exact(16).chain(Some(&text[whole..]));
        for (b, run) in runs.enumerate() {
            if run.iter().fold(0, |any, c| any | maybe(c)) == 0 {
                continue;
            }
            for (j, &c) in run.iter().enumerate() {
                if !matches!(c, '累' | '完' | '实' | '實') {
                    continue;
                }
                let k = b * 16 + j;
                if DOER_VERBS.iter().any(|v| crate::figures::units::starts_with(text, k, v).is_some()) {
                    for n in DOER_CHARS.filter(|&n| n <= k) {
                        names.insert(&text[k - n..k]);
                    }
                }
            }
        }
        Doers(names)
    }

    /// Does the document write `name` right before a linking verb?
    fn written(&self, name: &[char]) -> bool {
        self.0.contains(name)
    }
}

impl Doc<'_> {
    /// Strip a leading deictic from the label and split off a doer written fused to it.
    pub(super) fn network_subject(&self, f: &Figure, own: &mut Own, doers: &Doers) {
        if matches!(f.kind, Kind::Date) || own.after || own.item {
            return;
        }
        let Some((mut s, e)) = own.label.filter(|l| l.0 < f.start) else { return };
        // `全路集装箱发送量`: 全 + one char, or a deictic word, opening the label.
        if let Some(i) = self.token_starting(s) {
            let t = &self.tokens[i];
            let w = self.word(t);
            let deictic = self.is_deictic(t) || w.len() == 2 && w[0] == '全' && WHOLE.contains(&w[1]);
            if deictic && t.end + 2 <= e {
                s = t.end;
            }
        }
        if own.subject.is_none()
            && let Some(p) = self.doer_at(s, e, doers)
        {
            own.subject = Some((s, p));
            s = p;
        }
        own.label = Some((s, e));
        // `国家铁路累计完成旅客发送量`: the doer opening the clause.
        if own.subject.is_none() {
            let lo = self.clause_start(s, 0);
            if lo < s
                && let Some(p) = self.doer_at(lo, s, doers)
                && DOER_VERBS.iter().any(|v| self.chars[p..s].iter().copied().eq(v.chars()))
            {
                own.subject = Some((lo, p));
            }
        }
    }

    /// A name of nouns at `s` (before `e`) that the document writes before a linking verb: where it ends.
    fn doer_at(&self, s: usize, e: usize, doers: &Doers) -> Option<usize> {
        let first = self.token_starting(s)?;
        let mut p = s;
        for i in first..(first + 2).min(self.tokens.len()) {
            let t = &self.tokens[i];
            if t.start != p || !self.is_nounish(t) || self.class(t).is_some() {
                break;
            }
            p = t.end;
            // A metric is no doer (`地方财政收入完成…`).
            if DOER_CHARS.contains(&(p - s))
                && p + 2 <= e
                && !self.names_metric((s, p))
                // A sector is part of the metric (`规上工业增加值`, rule 3).
                && !matches!(self.chars[p - 1], '业' | '業')
                && doers.written(&self.chars[s..p])
            {
                return Some(p);
            }
        }
        None
    }
}
