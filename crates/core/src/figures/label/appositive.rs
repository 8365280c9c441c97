//! A name with its description before it (`晶圓代工龍頭廠台積電`, `电动汽车专业公司特斯拉`,
//! `紫金矿业全资子公司紫风投资`): the description ends in a word for a kind of body
//! (公司, 厂, 企业, 龙头), and the name after it is whose the figure is (rule 8).
//! Checked last, on every subject, whichever pass set it.

use super::charbuf::Chars;
use crate::model::{Figure, Kind};

/// Words for a kind of body that a description of a name ends in.
const KINDS: &[&str] =
    &["公司", "厂", "廠", "企业", "企業", "龙头", "龍頭", "巨头", "巨頭", "厂商", "廠商", "车企", "車企", "房企"];

/// The name after the description is this long, in chars.
const NAME: std::ops::RangeInclusive<usize> = 2..=8;

/// Endings of what is itself a kind of body or a part of one (`深圳分公司`, `股东`), or a
/// common noun (`百貨公司貨品`, `员工`): the words before it are its owner, not a description.
const NOT_NAME_ENDS: &[char] = &[
    '司', '厂', '廠', '业', '業', '部', '东', '東', '局', '行', '所', '会', '會', '店', '处', '處', '品', '员', '員',
    '工', '人',
];

pub(super) fn apply(figures: &mut [Figure]) {
    for f in figures.iter_mut() {
        if f.kind == Kind::Date {
            continue;
        }
        let Some(s) = f.subject.as_deref() else { continue };
        let chars = Chars::of(s);
        if chars.len() < 4 {
            continue;
        }
        if let Some(at) = name_after_kind(&chars) {
            f.subject = Some(crate::figures::units::string_of(&chars[at..]));
        }
    }
}

/// Where the name after the last kind word starts.
fn name_after_kind(chars: &[char]) -> Option<usize> {
    let n = chars.len();
    let last = *chars.last()?;
    if NOT_NAME_ENDS.contains(&last) || !chars.iter().all(|c| super::is_han(*c) || c.is_ascii_alphanumeric()) {
        return None;
    }
    (2..n).rev().find(|&e| {
        NAME.contains(&(n - e)) && KINDS.iter().any(|k| crate::figures::units::ends_with(chars, e, k).is_some())
    })
}
