//! Calendar references: `2022年7月18日`, `7月10日`, `2019年末`, `1~6月`,
//! `一季度`, `上半年`, `前10月`, `9月30日前`, `2020-08-27`.

use super::units::{starts_with, starts_with_any};
use crate::model::{Figure, Kind, Value};
use crate::numeral::{Numeral, arabic_digit, read_number};

/// A date found at a position: its end (exclusive), ISO value, and range ends.
#[derive(Debug, Clone, PartialEq)]
pub struct DateHit {
    pub end: usize,
    pub value: Option<String>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

const RANGE_SEPS: &[char] = &['-', '~', '～', '—', '–', '－', '至', '到'];

fn whole(n: &Numeral) -> Option<u32> {
    (n.value.fract() == 0.0 && n.value >= 0.0 && n.value < 1.0e7 && !n.decimal && !n.bare_scale)
        .then_some(n.value as u32)
}

/// `7、8月`, `9、10两个月`, `二、三季度`, `第二、三季度`: a month or quarter number heading a
/// list joined by `、` borrows the 月 or 季度 written after the last item. `v` is the number
/// read up to `end`; the list must climb (`7、8`), as months and quarters listed do.
pub fn list_head(chars: &[char], end: usize, v: u32) -> Option<DateHit> {
    let mut at = end;
    let mut last = v;
    while chars.get(at) == Some(&'、') {
        let n = read_number(chars, at + 1, chars.len())?;
        let m = whole(&n)?;
        if m <= last || n.end - (at + 1) > 2 {
            return None;
        }
        (last, at) = (m, n.end);
    }
    if at == end {
        return None;
    }
    let months = || {
        (1..=12).contains(&last)
            && (chars.get(at) == Some(&'月')
                || read_number(chars, at, chars.len())
                    .is_some_and(|k| starts_with_any(chars, k.end, &["个月", "個月"]).is_some()))
    };
    if (1..=4).contains(&last) && starts_with_any(chars, at, &["季度", "季"]).is_some() {
        return Some(DateHit { end, value: Some(format!("Q{v}")), low: None, high: None });
    }
    months().then(|| DateHit { end, value: Some(format!("--{v:02}")), low: None, high: None })
}

fn arabic_run(chars: &[char], i: usize) -> usize {
    chars[i..].iter().take_while(|c| arabic_digit(**c).is_some()).count()
}

/// `2020-08-27`, `2020/8/27`, `2020.08.27`.
fn iso_date(chars: &[char], i: usize) -> Option<DateHit> {
    if arabic_run(chars, i) != 4 {
        return None;
    }
    let y = read_number(chars, i, i + 4)?.value as u32;
    let sep = *chars.get(i + 4)?;
    if !matches!(sep, '-' | '/' | '.' | '－' | '／') {
        return None;
    }
    let m_len = arabic_run(chars, i + 5);
    if !(1..=2).contains(&m_len) || chars.get(i + 5 + m_len) != Some(&sep) {
        return None;
    }
    let d_start = i + 6 + m_len;
    let d_len = arabic_run(chars, d_start);
    if !(1..=2).contains(&d_len) {
        return None;
    }
    let m = read_number(chars, i + 5, i + 5 + m_len)?.value as u32;
    let d = read_number(chars, d_start, d_start + d_len)?.value as u32;
    if !(1000..=2200).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(DateHit { end: d_start + d_len, value: Some(format!("{y:04}-{m:02}-{d:02}")), low: None, high: None })
}

/// Is the number at `i..n.end` written like a year (four digits, Arabic or Chinese)?
fn is_year(chars: &[char], i: usize, n: &Numeral) -> bool {
    // `2021 年`: a space before 年 is not a digit.
    let len = n.end - i - usize::from(chars[n.end - 1] == ' ');
    len == 4 && !n.decimal && (1000.0..=2200.0).contains(&n.value) && !chars[i..n.end].iter().any(|c| is_scale(*c))
}

fn is_scale(c: char) -> bool {
    matches!(c, '十' | '百' | '千' | '万' | '亿' | '拾' | '佰' | '仟' | '萬' | '億' | '兆')
}

/// Month, day and suffix after a month number at `i` (the number already read as `m`).
fn month_day(chars: &[char], m: u32, after_m: usize, year: Option<u32>) -> Option<DateHit> {
    if !(1..=12).contains(&m) {
        return None;
    }
    // `1~6月`, `1-5月`, `1至9月`
    if let Some(&sep) = chars.get(after_m)
        && RANGE_SEPS.contains(&sep)
        && let Some(n2) = read_number(chars, after_m + 1, chars.len())
        && let Some(m2) = whole(&n2)
        && chars.get(n2.end) == Some(&'月')
        && (1..=12).contains(&m2)
        && m2 > m
    {
        let end = n2.end + 1;
        let end = end + starts_with(chars, end, "份").unwrap_or(0);
        return Some(DateHit { end, value: None, low: Some(m as f64), high: Some(m2 as f64) });
    }
    if chars.get(after_m) != Some(&'月') {
        return None;
    }
    let mut end = after_m + 1;
    if chars.get(end) == Some(&'份') {
        end += 1;
    }
    let ym = match year {
        Some(y) => format!("{y:04}-{m:02}"),
        None => format!("--{m:02}"),
    };
    // day
    if let Some(dn) = read_number(chars, end, chars.len())
        && let Some(d) = whole(&dn)
        && (1..=31).contains(&d)
        && matches!(chars.get(dn.end), Some('日' | '号'))
    {
        let mut dend = dn.end + 1;
        if chars.get(dend) == Some(&'前') {
            dend += 1;
        }
        return Some(DateHit { end: dend, value: Some(format!("{ym}-{d:02}")), low: None, high: None });
    }
    // `1月至10月`: a range of whole months.
    if let Some(&sep) = chars.get(end)
        && RANGE_SEPS.contains(&sep)
        && let Some(n2) = read_number(chars, end + 1, chars.len())
        && let Some(m2) = whole(&n2)
        && (1..=12).contains(&m2)
        && m2 > m
        && chars.get(n2.end) == Some(&'月')
        && !read_number(chars, n2.end + 1, chars.len()).is_some_and(|d| matches!(chars.get(d.end), Some('日' | '号')))
    {
        let e = n2.end + 1;
        let e = e + starts_with(chars, e, "份").unwrap_or(0);
        return Some(DateHit { end: e, value: None, low: Some(m as f64), high: Some(m2 as f64) });
    }
    // `2022年12月至2023年2月`: a run of months across a year's end, an ISO interval.
    if let Some(y) = year
        && let Some(&sep) = chars.get(end)
        && RANGE_SEPS.contains(&sep)
        && let Some(n2) = read_number(chars, end + 1, chars.len())
        && is_year(chars, end + 1, &n2)
        && n2.value as u32 == y + 1
        && chars.get(n2.end) == Some(&'年')
        && let Some(mn) = read_number(chars, n2.end + 1, chars.len())
        && let Some(m2) = whole(&mn)
        && (1..=12).contains(&m2)
        && m2 < m
        && chars.get(mn.end) == Some(&'月')
        && !read_number(chars, mn.end + 1, chars.len()).is_some_and(|d| matches!(chars.get(d.end), Some('日' | '号')))
    {
        let e = mn.end + 1;
        let e = e + starts_with(chars, e, "份").unwrap_or(0);
        return Some(DateHit { end: e, value: Some(format!("{ym}/{:04}-{m2:02}", y + 1)), low: None, high: None });
    }
    if let Some((_, n)) = starts_with_any(chars, end, &["上旬", "中旬", "下旬", "底", "末", "初", "前"]) {
        end += n;
    }
    Some(DateHit { end, value: Some(ym), low: None, high: None })
}

/// `半年末`: the end of the first half, a date (not half a year).
pub const HALF_YEAR_END: &[&str] = &["半年末", "半年底"];

/// A quarter or half year written at `i`: `一季度`, `第一季度`, `上半年`.
fn period(chars: &[char], i: usize, year: Option<u32>) -> Option<DateHit> {
    period_with(chars, i, year, None)
}

/// As [`period`], given the number read at `i` when `i` opens one (not 第): not read again.
fn period_with(chars: &[char], i: usize, year: Option<u32>, read: Option<Numeral>) -> Option<DateHit> {
    let prefix = |v: String| match year {
        Some(y) => format!("{y:04}-{v}"),
        None => v,
    };
    if let Some((w, n)) = starts_with_any(chars, i, &["上半年", "下半年"]) {
        let h = if w == "上半年" { "H1" } else { "H2" };
        return Some(DateHit { end: i + n, value: Some(prefix(h.into())), low: None, high: None });
    }
    // `首季度`, `今年首季`: the first quarter.
    if chars.get(i) == Some(&'首')
        && let Some((_, n)) = starts_with_any(chars, i + 1, &["季度", "季"])
        && !matches!(chars.get(i + 1 + n), Some('节' | '節' | '赛' | '賽'))
    {
        return Some(DateHit { end: i + 1 + n, value: Some(prefix("Q1".into())), low: None, high: None });
    }
    // `前三季度`, `前10月`, `首8個月`: a period from the start of the year.
    if matches!(chars.get(i), Some('前' | '首')) {
        let n = read_number(chars, i + 1, chars.len())?;
        let q = whole(&n)?;
        if let Some((_, len)) = starts_with_any(chars, n.end, &["季度", "季"])
            && !matches!(chars.get(n.end + len), Some('节' | '節' | '赛' | '賽'))
        {
            return (2..=4).contains(&q).then_some(DateHit {
                end: n.end + len,
                value: None,
                low: Some(1.0),
                high: Some(q as f64),
            });
        }
        let (_, len) = starts_with_any(chars, n.end, &["个月", "個月", "月份", "月"])?;
        return (2..=12).contains(&q).then_some(DateHit {
            end: n.end + len,
            value: None,
            low: Some(1.0),
            high: Some(q as f64),
        });
    }
    let ordinal = chars.get(i) == Some(&'第');
    let j = i + usize::from(ordinal);
    let n = match read {
        Some(n) if !ordinal => n,
        _ => read_number(chars, j, chars.len())?,
    };
    let q = whole(&n)?;
    // `1-3季度`, `一至三季度`, `第二至第四季度`: the quarters from one to another.
    if (1..=3).contains(&q)
        && chars.get(n.end).is_some_and(|c| RANGE_SEPS.contains(c))
        && let k = n.end + 1 + usize::from(chars.get(n.end + 1) == Some(&'第'))
        && let Some(n2) = read_number(chars, k, chars.len())
        && let Some(q2) = whole(&n2)
        && q < q2
        && q2 <= 4
        && let Some((_, len)) = starts_with_any(chars, n2.end, &["季度", "季"])
        && !matches!(chars.get(n2.end + len), Some('节' | '節' | '赛' | '賽'))
    {
        return Some(DateHit { end: n2.end + len, value: None, low: Some(q as f64), high: Some(q2 as f64) });
    }
    // `2025年第1、2季`: a year before a list of quarters dates its head (and lends itself on).
    if ordinal
        && year.is_some()
        && chars.get(n.end) == Some(&'、')
        && let Some(hit) = list_head(chars, n.end, q)
        && hit.value.as_deref().is_some_and(|v| v.starts_with('Q'))
    {
        return Some(DateHit { value: hit.value.map(prefix), ..hit });
    }
    // `第三季` (Hong Kong and Taiwan write no 度); `四季` alone are the seasons.
    let len = starts_with(chars, n.end, "季度").or_else(|| {
        // `二季末`: a quarter's end names the quarter (as `一季度末` does).
        (ordinal && !matches!(chars.get(n.end + 1), Some('节' | '節' | '赛' | '賽' | '稻' | '风' | '風'))
            || matches!(chars.get(n.end + 1), Some('末' | '底')))
        .then(|| starts_with(chars, n.end, "季"))
        .flatten()
    })?;
    if !(1..=4).contains(&q) {
        return None;
    }
    Some(DateHit { end: n.end + len, value: Some(prefix(format!("Q{q}"))), low: None, high: None })
}

/// A date starting exactly at `i`, where a number (or 第/上/下 of a period) starts.
pub fn date_at(chars: &[char], i: usize) -> Option<DateHit> {
    date_at_with(chars, i, || read_number(chars, i, chars.len()))
}

/// As [`date_at`], given `read_number(chars, i, chars.len())` to read when it is
/// wanted (the scanner reads the number at a place once, for dates and quantities).
pub(super) fn date_at_with(chars: &[char], i: usize, number: impl FnOnce() -> Option<Numeral>) -> Option<DateHit> {
    if let Some(hit) = iso_date(chars, i) {
        return Some(hit);
    }
    // `今(103)年3月`: the year of a Taiwan release in the Republic of China count, in
    // brackets after 今/去/明, dates the month, quarter or half written after it.
    if let Some(y) = bracketed_roc_year(chars, i)
        && let Some(hit) = roc_year(chars, i, y)
    {
        return Some(hit);
    }
    if matches!(chars[i], '上' | '下' | '第' | '前' | '首') {
        return period(chars, i, None);
    }
    // `半年末`: the end of the first half names the half (as `上半年末` does).
    if chars[i] == '半' {
        let (_, n) = starts_with_any(chars, i, HALF_YEAR_END)?;
        return Some(DateHit { end: i + n, value: Some("H1".into()), low: None, high: None });
    }
    let mut n = number()?;
    // The number as read, before the space below is taken into it (for `period_with`).
    let read = n;
    // `2021 年`, `11 月底`: digits set apart from the word after them by a space.
    if !n.chinese && chars.get(n.end) == Some(&' ') && matches!(chars.get(n.end + 1), Some('年' | '月' | '日')) {
        n.end += 1;
    }
    // `2021，房企…`: a year alone opening a line, as a heading.
    if is_year(chars, i, &n) && (i == 0 || chars[i - 1] == '\n') && matches!(chars.get(n.end), Some('，' | ',')) {
        return Some(DateHit { end: n.end, value: Some(format!("{:04}", n.value as u32)), low: None, high: None });
    }
    // `十月`: a bare 十 is a number only as a month.
    let ten_month = n.bare_scale && n.value == 10.0 && n.end == i + 1 && chars.get(n.end) == Some(&'月');
    let v = if ten_month { 10 } else { whole(&n)? };
    // `114年1至10月`, `113年第3季`: a Republic of China year (Taiwan), 1911 + N, known
    // by the month or quarter that follows it (a bare `114年` stays a length of time).
    if chars.get(n.end) == Some(&'年')
        && !n.chinese
        && (2..=3).contains(&(n.end - i))
        && (80..=150).contains(&v)
        && let Some(hit) = roc_year(chars, n.end + 1, v + 1911)
    {
        return Some(hit);
    }
    // The bracketed year itself (`今(103)年` → 2014), which also dates a range after it.
    if matches!(chars.get(n.end), Some(')' | '）'))
        && chars.get(n.end + 1) == Some(&'年')
        && bracketed_roc_year(chars, n.end + 2) == Some(v + 1911)
    {
        return Some(DateHit { end: n.end, value: Some(format!("{}", v + 1911)), low: None, high: None });
    }
    // `2015和2016年`: the first year of a pair shares the 年 written after the second.
    if is_year(chars, i, &n)
        && matches!(chars.get(n.end), Some('和' | '、' | '及' | '与' | '與'))
        && let Some(n2) = read_number(chars, n.end + 1, chars.len())
        && is_year(chars, n.end + 1, &n2)
        && chars.get(n2.end) == Some(&'年')
    {
        return Some(DateHit { end: n.end, value: Some(format!("{v:04}")), low: None, high: None });
    }
    if chars.get(n.end) == Some(&'、')
        && let Some(hit) = list_head(chars, n.end, v)
    {
        return Some(hit);
    }
    // `9、10两个月`: the last of a list of months counted after it.
    if (1..=12).contains(&v)
        && i >= 2
        && chars[i - 1] == '、'
        && n.end - i <= 2
        && read_number(chars, n.end, chars.len())
            .is_some_and(|k| k.chinese && starts_with_any(chars, k.end, &["个月", "個月"]).is_some())
        && let Some(before) = (0..i - 1)
            .rev()
            .take(3)
            .take_while(|&q| arabic_digit(chars[q]).is_some() || crate::numeral::is_cn_numeral_char(chars[q]))
            .last()
        && read_number(chars, before, i - 1).and_then(|p| whole(&p)).is_some_and(|p| p < v)
    {
        return Some(DateHit { end: n.end, value: Some(format!("--{v:02}")), low: None, high: None });
    }
    // `第3、4季`: a later quarter of a list headed by an ordinal, written 季 without 度.
    if (1..=4).contains(&v)
        && n.end - i <= 2
        && chars.get(n.end) == Some(&'季')
        && !matches!(chars.get(n.end + 1), Some('度' | '节' | '節' | '赛' | '賽' | '稻' | '风' | '風'))
        && ordinal_list_before(chars, i)
    {
        return Some(DateHit { end: n.end + 1, value: Some(format!("Q{v}")), low: None, high: None });
    }
    if chars.get(n.end) == Some(&'年') && is_year(chars, i, &n) {
        let after = n.end + 1;
        if chars.get(after) == Some(&'代') {
            return None;
        }
        // `2021年至2023年`
        if let Some(&sep) = chars.get(after)
            && RANGE_SEPS.contains(&sep)
            && let Some(n2) = read_number(chars, after + 1, chars.len())
            && is_year(chars, after + 1, &n2)
            && n2.value > n.value
            && chars.get(n2.end) == Some(&'年')
            && read_number(chars, n2.end + 1, chars.len()).is_none()
        {
            return Some(DateHit { end: n2.end + 1, value: None, low: Some(n.value), high: Some(n2.value) });
        }
        if let Some(hit) = period(chars, after, Some(v)) {
            return Some(hit);
        }
        if let Some(mn) = read_number(chars, after, chars.len())
            && let Some(m) = whole(&mn)
        {
            if let Some(hit) = month_day(chars, m, mn.end, Some(v)) {
                return Some(hit);
            }
            // `2017年9开工`: the month written without 月.
            if (1..=12).contains(&m)
                && mn.end - after <= 2
                && chars.get(mn.end).is_some_and(|c| is_plain_han(*c))
                && super::units::match_unit(chars, mn.end).is_none()
            {
                return Some(DateHit { end: mn.end, value: Some(format!("{v:04}-{m:02}")), low: None, high: None });
            }
        }
        let (end, value) = match starts_with_any(chars, after, &["年末", "年底", "末", "底", "年初", "初"]) {
            Some((w, len)) if w.ends_with('初') => (after + len, format!("{v:04}-01")),
            Some((_, len)) => (after + len, format!("{v:04}-12")),
            None => (after, format!("{v:04}")),
        };
        return Some(DateHit { end, value: Some(value), low: None, high: None });
    }
    // `2019-2020年`
    if is_year(chars, i, &n)
        && let Some(&sep) = chars.get(n.end)
        && RANGE_SEPS.contains(&sep)
        && let Some(n2) = read_number(chars, n.end + 1, chars.len())
        && is_year(chars, n.end + 1, &n2)
        && chars.get(n2.end) == Some(&'年')
    {
        return Some(DateHit { end: n2.end + 1, value: None, low: Some(n.value), high: Some(n2.value) });
    }
    if let Some(hit) = period_with(chars, i, None, Some(read)) {
        return Some(hit);
    }
    // `近一月`, `最近三月`: a length of months, not a month of the year.
    let length = chars.get(n.end) == Some(&'月')
        && !matches!(chars.get(n.end + 1), Some('份' | '末' | '底' | '初' | '中' | '上' | '下'))
        && !read_number(chars, n.end + 1, chars.len()).is_some_and(|d| matches!(chars.get(d.end), Some('日' | '号')))
        && super::units::ends_with_any(chars, i, &["近", "最近", "过去", "過去"]).is_some();
    if !length && let Some(hit) = month_day(chars, v, n.end, None) {
        return Some(hit);
    }
    // A day alone: `27日讯` (but `仅10日`, `历时15日` are lengths of time).
    if (1..=31).contains(&v)
        && chars.get(n.end) == Some(&'日')
        && !n.chinese
        && !matches!(chars.get(n.end + 1), Some('内' | '以' | '左'))
        && super::units::ends_with_any(chars, i, LENGTH_BEFORE).is_none()
    {
        return Some(DateHit { end: n.end + 1, value: Some(format!("---{v:02}")), low: None, high: None });
    }
    None
}

/// Whether the number at `i` follows `第N、` (or `第N、M、`): a later item of a list
/// headed by an ordinal.
fn ordinal_list_before(chars: &[char], i: usize) -> bool {
    let mut at = i;
    while at >= 2 && chars[at - 1] == '、' {
        let digits = (0..at - 1)
            .rev()
            .take(3)
            .take_while(|&q| arabic_digit(chars[q]).is_some() || crate::numeral::is_cn_numeral_char(chars[q]))
            .count();
        if digits == 0 {
            return false;
        }
        at = at - 1 - digits;
        if at >= 1 && chars[at - 1] == '第' {
            return true;
        }
    }
    false
}

/// The month or quarter after a Republic of China year, dated in the Gregorian year `y`.
/// The Gregorian year of `今(103)年` / `去（102）年` ending right before `i`.
fn bracketed_roc_year(chars: &[char], i: usize) -> Option<u32> {
    if i < 6 || chars[i - 1] != '年' || !matches!(chars[i - 2], ')' | '）') {
        return None;
    }
    let open = (i.saturating_sub(7)..i - 2).rev().find(|&q| matches!(chars[q], '(' | '（'))?;
    if open == 0 || !matches!(chars[open - 1], '今' | '去' | '明' | '本') {
        return None;
    }
    let n = read_number(chars, open + 1, i - 2)?;
    let v = whole(&n)?;
    (n.end == i - 2 && !n.chinese && (80..=150).contains(&v)).then_some(v + 1911)
}

fn roc_year(chars: &[char], after: usize, y: u32) -> Option<DateHit> {
    if let Some(hit) = period(chars, after, Some(y)) {
        return Some(hit);
    }
    let mn = read_number(chars, after, chars.len())?;
    month_day(chars, whole(&mn)?, mn.end, Some(y))
}

/// Words after which `N日` is a number of days, not a day of the month.
const LENGTH_BEFORE: &[&str] = &[
    "仅", "僅", "短短", "用了", "历时", "歷時", "为期", "為期", "连续", "連續", "不到", "近", "最近", "持续", "持續",
    "长达", "長達", "每",
];

/// A Han character that is not a numeral or unit-like (used for `2017年9开工`).
fn is_plain_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
        && !crate::numeral::is_cn_numeral_char(c)
        && !matches!(c, '月' | '日' | '号' | '个' | '年' | '余' | '多' | '万' | '亿')
}

/// Each date written right after another date and one separator char may borrow
/// from it: `lent(sep, before, value)` gives the value it takes, if any.
fn lend(chars: &[char], out: &mut [Figure], lent: impl Fn(char, &str, &str) -> Option<String>) {
    for k in 1..out.len() {
        let (done, rest) = out.split_at_mut(k);
        let (prev, cur) = (&done[k - 1], &mut rest[0]);
        if prev.kind != Kind::Date || cur.kind != Kind::Date || cur.start != prev.end + 1 {
            continue;
        }
        let (Some(Value::Text(p)), Some(Value::Text(c))) = (&prev.value, &cur.value) else { continue };
        if let Some(value) = lent(chars[prev.end], p, c) {
            cur.value = Some(Value::Text(value));
        }
    }
}

/// `10月15日至20日`: a day written alone right after a dated range separator
/// takes the year and month of the date before it.
pub(super) fn inherit_month(chars: &[char], out: &mut [Figure]) {
    lend(chars, out, |sep, p, c| {
        let day = c.strip_prefix("---")?;
        // Only a full month and day (`--10-15`, `2024-05-20`), not `2023-10` or `2023-Q1`.
        (RANGE_SEPS.contains(&sep) && is_month_day(p)).then(|| format!("{}{day}", &p[..p.len() - 2]))
    });
}

/// `2020年11月、12月`: a month (or month and day) listed right after a dated one
/// takes its year.
pub(super) fn inherit_year(chars: &[char], out: &mut [Figure]) {
    lend(chars, out, |sep, p, c| {
        let rest = c.strip_prefix("--")?;
        // The same shape: `YYYY-MM` lends to `--MM`, `YYYY-MM-DD` to `--MM-DD`.
        let same_shape =
            !rest.starts_with('-') && p.len() == 4 + 1 + rest.len() && p[..4].bytes().all(|b| b.is_ascii_digit());
        (matches!(sep, '、' | '和' | '及' | '与' | '與') && same_shape).then(|| format!("{}-{rest}", &p[..4]))
    });
    // `2025年第1、2季`: a quarter listed right after a dated one takes its year.
    lend(chars, out, |sep, p, c| {
        let dated = p.len() == 7 && p[..4].bytes().all(|b| b.is_ascii_digit()) && p[4..].starts_with("-Q");
        (sep == '、' && dated && c.len() == 2 && c.starts_with('Q')).then(|| format!("{}-{c}", &p[..4]))
    });
}

/// `--MM-DD` or `YYYY-MM-DD`.
fn is_month_day(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        7 => b.starts_with(b"--") && digits(2..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}
