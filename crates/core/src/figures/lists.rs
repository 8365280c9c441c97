//! Lists of figures that write their unit or change once: `下降0.71、0.94和0.62个百分点`,
//! `去年同期分别为2410万和0.12美元`, `7、8月`, `分别增长20.0%、17.9%和27.7%`.

use super::dates;
use super::units::{Unit, match_unit};
use crate::model::{Figure, Kind};
use crate::numeral::{Numeral, read_number};

/// What joins two members of a list.
const LIST_SEPS: &[char] = &['、', '和', '与', '與', '及'];

/// How many further members are looked through for the unit the list ends with.
const MAX_MEMBERS: usize = 8;

/// The unit a bare number borrows from the end of its list.
pub(super) enum Shared {
    /// `7、8月`: the number is a month (or a year) of the dates the list ends with.
    Date(String),
    /// `0.71、0.94和0.62个百分点`: the unit of the last member, and the value in it.
    Unit(Unit, f64),
}

/// The number `n` read at `i` has no unit of its own and ends at `pos`: if a
/// list of numbers of the same script follows and its last member has a unit,
/// that unit is the number's too.
pub(super) fn shared_unit(chars: &[char], i: usize, n: &Numeral, pos: usize) -> Option<Shared> {
    if !chars.get(pos).is_some_and(|c| LIST_SEPS.contains(c)) {
        return None;
    }
    // `一、`, `1、` at the start of a clause enumerate; a list member follows a word.
    let prev = i.checked_sub(1).map(|k| chars[k]);
    if !n.decimal && prev.is_none_or(|p| !is_han_or_space(p)) {
        return None;
    }
    let first = read_number(chars, pos + 1, chars.len()).filter(|m| m.chinese == n.chinese)?;
    // A list of dates: `7、8月`, `2020、2021年`.
    if let Some(hit) = dates::date_at(chars, pos + 1) {
        let v = hit.value?;
        let whole = n.value.fract() == 0.0 && !n.decimal && !n.bare_scale;
        return match v.len() {
            4 if !v.starts_with("--") && whole && (1000.0..=2200.0).contains(&n.value) && n.end - i == 4 => {
                Some(Shared::Date(format!("{:04}", n.value as u32)))
            }
            4 if v.starts_with("--") && whole && (1.0..=12.0).contains(&n.value) => {
                Some(Shared::Date(format!("--{:02}", n.value as u32)))
            }
            _ => None,
        };
    }
    let mut m = first;
    for _ in 0..MAX_MEMBERS {
        if let Some((unit, _)) = match_unit(chars, m.end) {
            return unit_of_list(n, &m, unit);
        }
        if !chars.get(m.end).is_some_and(|c| LIST_SEPS.contains(c)) {
            return None;
        }
        m = read_number(chars, m.end + 1, chars.len()).filter(|x| x.chinese == n.chinese)?;
    }
    None
}

fn unit_of_list(n: &Numeral, last: &Numeral, unit: Unit) -> Option<Shared> {
    // `3、5万元` may mean 3万 or 3: a scale written once is left alone.
    if last.ends_with_scale && !n.ends_with_scale {
        return None;
    }
    // `2、3个` is a rough count (two or three), not a list; durations the same (`3、5年`).
    let small = n.value < 10.0 && last.value < 10.0 && !n.decimal;
    match unit.kind {
        Kind::Money | Kind::Percent | Kind::Quantity => {}
        Kind::Count if !small => {}
        _ => return None,
    }
    if matches!(unit.written, "成" | "折" | "倍" | "x" | "点" | "點") {
        return None;
    }
    let value = if unit.factor < 1.0 { n.value / (1.0 / unit.factor).round() } else { n.value * unit.factor };
    Some(Shared::Unit(unit, value))
}

fn is_han_or_space(c: char) -> bool {
    super::context::is_han(c) || c == ' '
}

/// `分别增长20.0%、17.9%和27.7%`: a figure that follows another of the same
/// kind and unit across one list separator, with no change of its own, is the
/// same change.
pub(super) fn inherit_change(chars: &[char], figs: &mut [Figure]) {
    for k in 1..figs.len() {
        let (done, rest) = figs.split_at_mut(k);
        let (prev, cur) = (&done[k - 1], &mut rest[0]);
        if cur.change.is_some() || prev.change.is_none() || cur.kind != prev.kind || cur.unit != prev.unit {
            continue;
        }
        if cur.start == prev.end + 1 && LIST_SEPS.contains(&chars[prev.end]) {
            cur.change = prev.change;
        }
    }
}
