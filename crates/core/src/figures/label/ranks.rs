//! A rank takes the metric that is ranked (rule 6), named after the verb that
//! places it (`夺得轿车销量第一`, `位居轿车月销榜单第三、第四`) or, when what follows
//! the verb is only the field (`位居细分市场第一`), before the verb
//! (`累计销量同样位居细分市场第一`). The verb and the chart word are not the metric.
//! A top list after a flow (`北向资金净买入前十大个股`) ranks that flow.

use super::tokens::{T_D, code};
use super::{Doc, Own, Span};
use crate::model::{Figure, Kind};

/// Verbs that place a thing in a ranking.
const RANK_VERBS: &[&str] =
    &["位居", "位列", "名列", "排在", "排名", "夺得", "斩获", "荣登", "登上", "稳居", "蝉联", "分列", "跻身", "居于"];
/// Chart words after the ranked metric (`月销榜单`).
const CHARTS: &[&str] = &["排行榜", "榜单", "排名", "排行", "榜"];
/// Flows a top list can rank (`净买入前十大`).
const RANKED_FLOWS: &[&str] = &["净买入", "净卖出", "净流入", "净流出", "增持", "减持"];

fn ends_with(w: &[char], h: &str) -> bool {
    let n = h.chars().count();
    w.len() >= n && w[w.len() - n..].iter().copied().eq(h.chars())
}

impl Doc<'_> {
    /// The metric a rank ranks, from its own clause (see the module notes).
    pub(super) fn rank_label(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        if f.kind != Kind::Rank || own.after {
            return;
        }
        // `第三、第四`: a rank in a list reads the clause of the first.
        let mut j = k;
        while j > 0 && figures[j - 1].kind == Kind::Rank && figures[j - 1].end + 1 == figures[j].start {
            if !matches!(self.chars[figures[j - 1].end], '、' | '，' | ',') {
                break;
            }
            j -= 1;
        }
        let p = figures[j].start;
        let floor = if j > 0 { figures[j - 1].end } else { 0 };
        // `净买入前十大`: a top list after a flow.
        if own.label.is_none()
            && let Some(w) = RANKED_FLOWS.iter().find(|w| ends_with(&self.chars[floor..p], w))
        {
            own.label = Some((p - w.chars().count(), p));
            return;
        }
        let lo = self.clause_start(p, floor);
        let Some((v, ve)) = self.rank_verb(lo, p) else { return };
        let mut e = p;
        if let Some(c) = CHARTS.iter().find(|c| ends_with(&self.chars[ve..e], c)) {
            e -= c.chars().count();
        }
        let after =
            (e > ve).then(|| self.metric_before(ve, e).label).flatten().map(|(s, e)| (self.past_field(s, e), e));
        // `累计销量同样位居`: an adverb before the verb is not part of the metric.
        let mut ve2 = v;
        while let Some(i) = self.token_ending(ve2, lo).filter(|&i| code(&self.tokens[i]) == T_D) {
            ve2 = self.tokens[i].start;
        }
        let label: Option<Span> = match after {
            Some(l) if self.names_metric(l) || e < p => Some(l),
            _ => self.metric_before(lo, ve2).label.filter(|&l| self.names_metric(l)),
        };
        if label.is_some() {
            own.label = label;
        }
    }

    /// `SUV细分市场月销`: the market a chart ranks is its field, not its metric.
    fn past_field(&self, s: usize, e: usize) -> usize {
        (s + 2..=e.saturating_sub(2))
            .rev()
            .find(|&p| self.chars[p - 1] == '场' && self.chars[p - 2] == '市')
            .unwrap_or(s)
    }

    /// The last verb of placing in `lo..hi`.
    fn rank_verb(&self, lo: usize, hi: usize) -> Option<Span> {
        (lo..hi).rev().find_map(|p| {
            RANK_VERBS.iter().map(|w| (w, w.chars().count())).find_map(|(w, n)| {
                (p + n <= hi && self.chars[p..p + n].iter().copied().eq(w.chars())).then_some((p, p + n))
            })
        })
    }
}
