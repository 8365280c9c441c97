//! Rankings written `指标以X最高，为N` (rule 8: X is the item ranked, the figure
//! its value of the metric before 以) and the runner-up after it, `其次为Y的M`
//! or `其次为Y，为M` (Y the subject, the metric inherited): `失業率以建造業最高，
//! 為10.9%，其次為零售業的8.7%`.

use super::Doc;
use crate::figures::units::starts_with;
use crate::model::{Figure, Kind};

/// The superlatives that close `以X…`.
const TOPS: &[&str] = &["最高", "最低", "最多", "最少", "最大", "最小", "最快", "最慢"];
/// Words a runner-up is introduced with (simplified).
const NEXTS: &[&str] = &["其次为", "其次是", "次之为"];
/// Linking words a clause holding only the value opens with (simplified).
const LINKS: &[char] = &['为', '达', '是', '约'];
/// The longest clause read, in chars.
const CLAUSE_MAX: usize = 24;

impl Doc<'_> {
    pub(super) fn ranked_by(&self, figures: &mut [Figure]) {
        // The item and metric of the last ranking read, for the runner-up after it.
        let mut last: Option<(usize, String)> = None;
        for f in figures.iter_mut() {
            if f.kind == Kind::Date {
                continue;
            }
            // `，為10.9%`: the value alone; the ranking is the clause before. (Two chars are asked
            // of most figures, no clause read.)
            let at = f.start;
            if at >= 3 && LINKS.contains(&self.chars[at - 1]) && matches!(self.chars[at - 2], '，' | ',') {
                let b = at - 2;
                let s = self.clause_open(b);
                if let Some((metric, item)) = self.ranking(s, b) {
                    f.subject = Some(self.text(item));
                    if metric.1 > metric.0 + 1 {
                        f.label = Some(self.text(metric));
                    }
                    last = f.label.clone().map(|l| (f.end, l));
                } else if let Some(n) = NEXTS.iter().find_map(|w| starts_with(&self.chars[s..b], 0, w))
                    && let Some((at, metric)) = last.take()
                    && at <= s
                    && self.runner_up((s + n, b))
                {
                    // `，其次为电子行业，为12.3%`
                    f.subject = Some(self.text((s + n, b)));
                    f.label = Some(metric);
                }
                continue;
            }
            // `，其次為零售業的8.7%` (read only after a ranking)
            if last.is_none() {
                continue;
            }
            let a = self.clause_open(f.start);
            let own = &self.chars[a..f.start];
            if let Some(n) = NEXTS.iter().find_map(|w| starts_with(own, 0, w))
                && let Some((at, metric)) = last.take()
                && at <= a
                && self.chars[at..a].iter().all(|c| !matches!(c, '。' | '；' | '\n'))
            {
                let e = if own.last() == Some(&'的') { f.start - 1 } else { f.start };
                let item = (a + n, e);
                if self.runner_up(item) {
                    f.subject = Some(self.text(item));
                    f.label = Some(metric);
                }
            }
        }
    }

    /// Where the clause holding `at` opens (after a comma, a stop or a colon), at most
    /// [`CLAUSE_MAX`] chars back.
    fn clause_open(&self, at: usize) -> usize {
        let lo = at.saturating_sub(CLAUSE_MAX);
        (lo..at)
            .rev()
            .find(|&p| matches!(self.chars[p], '，' | ',' | '。' | '；' | ';' | '：' | ':' | '\n'))
            .map_or(lo, |p| p + 1)
    }

    /// Is `s..e` a runner-up's name: two chars or more, of letters, digits and `-` (`20-24岁`)?
    fn runner_up(&self, (s, e): (usize, usize)) -> bool {
        e > s + 1 && self.chars[s..e].iter().all(|c| super::is_han(*c) || c.is_ascii_alphanumeric() || *c == '-')
    }

    /// `失業率以建造業最高` in `s..e`: the metric before 以 and the item after it.
    fn ranking(&self, s: usize, e: usize) -> Option<((usize, usize), (usize, usize))> {
        let w = &self.chars[s..e];
        let top = w.len() - TOPS.iter().find_map(|t| crate::figures::units::ends_with(w, w.len(), t))?;
        let yi = w[..top].iter().rposition(|c| *c == '以')?;
        let item = (s + yi + 1, s + top);
        (item.1 > item.0 + 1).then_some(((s, s + yi), item))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ranking_with_yi_and_its_runner_up() {
        let got: Vec<(Option<String>, Option<String>)> = crate::Engine::new()
            .figures("失業率以建造業最高，為10.9%，其次為零售業的8.7%。")
            .into_iter()
            .map(|f| (f.label, f.subject))
            .collect();
        let want = |l: &str, s: &str| (Some(l.to_string()), Some(s.to_string()));
        assert_eq!(got, [want("失業率", "建造業"), want("失業率", "零售業")]);
    }
}
