//! `分别以76.06万平、65.2万平和60万平获得销售面积前三名`, `以1.2万亿元位居营收榜首`:
//! amounts after `以` are the means by which something is placed in a ranking, and
//! the metric ranked, named after the placing verb, is what they measure (rule 7).

use super::{CLAUSE_BREAKS, Doc, Own, is_han};
use crate::figures::units::starts_with_any;
use crate::model::{Figure, Kind};

/// Verbs that place what has the amount in a ranking.
const PLACING: &[&str] = &[
    "获得", "获", "位居", "位列", "居", "列", "排名", "排在", "夺得", "拿下", "斩获", "问鼎", "蝉联", "登上", "登顶",
    "领跑", "占据", "稳居", "跃居",
];
/// Words that end the metric ranked: the place in the ranking or the ranking itself.
const PLACE_WORDS: &[&str] =
    &["第", "前", "榜", "冠军", "亚军", "季军", "之首", "首位", "桂冠", "头名", "排行", "排名"];
/// The longest metric read after a placing verb, in chars.
const METRIC_MAX: usize = 10;

impl Doc<'_> {
    /// Label an amount written after `以` with the metric of the ranking it earns.
    pub(super) fn means_of_ranking(&self, figures: &[Figure], k: usize, own: &mut Own) {
        let f = &figures[k];
        if matches!(f.kind, Kind::Rank | Kind::Date | Kind::Duration) {
            return;
        }
        // Back over the list this amount closes or continues, to `以`.
        let mut at = f.start;
        let mut j = k;
        loop {
            if at > 0 && self.chars[at - 1] == '以' {
                break;
            }
            let sep = at > 0 && matches!(self.chars[at - 1], '、' | '和' | '及' | '与');
            if !(sep && j > 0 && figures[j - 1].end + 1 == at && figures[j - 1].kind == f.kind) {
                return;
            }
            j -= 1;
            at = figures[j].start;
        }
        // Forward over the rest of the list, to the placing verb.
        let mut end = f.end;
        let mut j = k;
        while j + 1 < figures.len()
            && figures[j + 1].kind == f.kind
            && figures[j + 1].start == end + 1
            && matches!(self.chars[end], '、' | '和' | '及' | '与')
        {
            j += 1;
            end = figures[j].end;
        }
        let Some((_, n)) = starts_with_any(self.chars, end, PLACING) else { return };
        let from = end + n;
        let to = (from..(from + METRIC_MAX + 1).min(self.chars.len()))
            .take_while(|&q| is_han(self.chars[q]) && !CLAUSE_BREAKS.contains(&self.chars[q]))
            .find(|&q| starts_with_any(self.chars, q, PLACE_WORDS).is_some());
        if let Some(to) = to.filter(|&to| to >= from + 2) {
            own.label = Some((from, to));
            own.after = true;
            // `…和融创中国分别以…`: a name before the amount is whose it is, not an item
            // whose metric is inherited from the figures before.
            own.item = false;
        }
    }
}
