//! Subjects that are no owner at all (rule 8: the subject is a place, company,
//! body, group or item), whichever pass read them:
//! - a deictic read with a name (`全路动车组发送旅客…`): the name is the owner;
//! - a statistical qualifier (`經季節性調整的失業率`: `季節性調整` says how the rate is
//!   computed, not whose it is);
//! - a name glued to an adverb the segmenter did not know (`万科暂未发布…`, `万科新发15笔`)
//!   or to the opening of a time word (`中国平安、中国人寿上半年净利润分别为…`): the adverb or
//!   time is cut off, the name kept;
//! - the holders a profit is attributed to (`归属于上市公司股东的净利润`, `归属于母公司所有者的
//!   净利润`): part of what the metric is, not whose; dropped before the company a passage is
//!   about is carried (`贝特瑞发布…业绩预告，公司预计…归属于上市公司股东的净利润8.5亿元`).
//!
//! A dropped subject may be carried from the figure before it (`carry_on`).

use super::Doc;
use crate::model::{Figure, Kind};

/// Words that qualify how a statistic is computed (simplified and traditional).
const QUALIFIERS: &[&str] = &["季节性", "季節性", "季调", "季調"];
/// Deictics a name is read with (`全路动车组`, `全市规模以上工业`): the whole they name is the
/// document's, not part of the owner (rule 8).
const WHOLES: &[&str] = &["全路", "全市", "全省", "全县", "全縣", "全区", "全區", "全国", "全國", "全港", "全台"];
/// The opening of a time word a name is read glued to (`中国人寿上半|年`, `万科今年`).
const TIMES: &[&str] = &["上半", "下半", "今年", "去年", "全年", "一季", "二季", "三季", "四季"];
/// Adverbs and aspect words a name is read glued to (`万科|暂未`).
const GLUED: &[&str] = &["暂未", "暫未", "尚未", "仍未", "新发", "新發", "均未", "亦未"];

/// How a holder of a company's profit ends, and what it must hold (`公司`).
const HOLDERS: &[&str] = &["股东", "股東", "所有者"];

/// Drop the subjects that name the holders a profit is attributed to.
pub(super) fn drop_holders(figures: &mut [Figure]) {
    for f in figures.iter_mut() {
        if f.subject.as_deref().is_some_and(|s| {
            s.ends_with(['东', '東', '者']) && HOLDERS.iter().any(|h| s.ends_with(h)) && s.contains("公司")
        }) {
            f.subject = None;
        }
    }
}

impl Doc<'_> {
    pub(super) fn drop_fragments(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            if f.kind == Kind::Date {
                continue;
            }
            let Some(s) = f.subject.as_deref() else { continue };
            // (the rare `季` asked first: most subjects are turned away by one pass over their chars)
            if s.chars().any(|c| c == '季') && QUALIFIERS.iter().any(|q| s.contains(q)) {
                f.subject = None;
                continue;
            }
            if s.starts_with('全')
                && let Some(name) = WHOLES.iter().find_map(|w| s.strip_prefix(w)).filter(|n| n.chars().nth(1).is_some())
            {
                f.subject = Some(name.to_string());
                continue;
            }
            // (the last char asked first: no word compared for the many subjects that end otherwise)
            if s.ends_with(['未', '发', '發', '半', '年', '季'])
                && let Some(name) = GLUED.iter().chain(TIMES).find_map(|g| s.strip_suffix(g))
            {
                // (what is left must still be a name of two chars or more)
                f.subject = (name.chars().nth(1).is_some()).then(|| name.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::subjects_of as subjects;

    #[test]
    fn qualifier_is_no_owner_and_glued_adverb_is_cut() {
        assert_eq!(subjects("2020年4月至6月經季節性調整的失業率上升至6.2%。"), [None]);
        let s = subjects("万科暂未发布快报。营业收入是2715亿元。");
        assert_eq!(s, [Some("万科".to_string())]);
    }

    #[test]
    fn holders_of_a_profit_are_no_owner() {
        let s = subjects("比亚迪发布业绩预告，公司预计归属于上市公司股东的净利润8.5亿元。");
        assert_eq!(s, [Some("比亚迪".to_string())]);
    }
}
