//! Comparison bases written as a list: `增速分别较1-2月、1-3月…和1-7月回落…`,
//! `分别较一季度、上半年回落1.4和0.1个百分点`. Every date of a list whose first
//! date is a comparison base (`较1-2月`) is a base too, and no period.

use super::is_base;
use crate::model::{Figure, Kind};

/// What may stand between two dates of one list (`1-2月、1-3月`, `1-6月和1-7月`,
/// `去年同期和全年`).
const JOINS: &[&str] = &["、", "和", "及", "与", "與", "或", "以及", "同期和", "同期、", "同期及"];

/// For each figure: is it a date that is the base of a comparison, alone
/// (`比2021年`) or as a later member of a list of bases?
pub(super) fn flags(chars: &[char], figures: &[Figure]) -> Vec<bool> {
    let mut out: Vec<bool> = Vec::with_capacity(figures.len());
    for (j, d) in figures.iter().enumerate() {
        if d.kind != Kind::Date {
            out.push(false);
            continue;
        }
        let listed = j > 0 && out[j - 1] && {
            let p = &figures[j - 1];
            p.end <= d.start && d.start - p.end <= 3 && {
                let between: String = crate::figures::units::string_of(&chars[p.end..d.start]);
                JOINS.contains(&between.as_str())
            }
        };
        out.push(listed || is_base(chars, d.start) || starts_from(chars, d));
    }
    out
}

/// Is the date `d` the point something runs from (`从去年4季度开始`, `自2022年1月1日起`)?
/// It dates no figure: what follows is counted from then on, over no period it names.
pub(super) fn starts_from(chars: &[char], d: &Figure) -> bool {
    let after =
        crate::figures::units::starts_with_any(chars, d.end, &["开始", "開始", "起", "以后", "以後", "之后", "之後"]);
    if after.is_none() {
        return false;
    }
    // `从`, `自`, `从去年`, `自今年`: the opening word, a relative year between.
    let mut at = d.start;
    if let Some((_, n)) = crate::figures::units::ends_with_any(chars, at, &["去年", "今年", "上年", "本年", "明年"])
    {
        at -= n;
    }
    at > 0 && matches!(chars[at - 1], '从' | '從' | '自')
}
