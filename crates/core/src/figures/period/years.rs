//! A year written apart from the period it dates: `2011年度中期报告，公司上半年
//! 实现营业收入199.9亿元` → `2011-H1`; `2022年1-2月，…。以美元计，前两个月…`
//! → `2022-01/2022-02`; `截至11月底，2021年年内…4.05万亿元` → `2021-11` (the end point).

use super::{closed_before, iso_of, period_of};
use crate::model::{Figure, Kind};

/// The period `p` a figure took from a date of its sentence, with the year
/// the sentence or its paragraph's lead-in writes apart from it.
pub(super) fn lend(
    chars: &[char],
    figures: &[Figure],
    base: &[bool],
    sentence_start: usize,
    k: usize,
    p: String,
    lead: Option<&str>,
) -> String {
    let f = &figures[k];
    let dates = || {
        figures[..k]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, d)| d.start >= sentence_start)
            .filter(|(j, d)| d.kind == Kind::Date && !base[*j] && !closed_before(chars, d.end, f.start))
    };
    if yearless(&p) {
        let year = dates().find_map(|(_, d)| iso_of(d).filter(|v| is_year(v)));
        if let Some(y) = year {
            return dated(&p, &y);
        }
        if let Some(l) = lead.filter(|l| l.get(..4).is_some_and(is_year) && dated(&p, &l[..4]) == *l) {
            return l.to_string();
        }
    } else if is_year(&p) {
        // `截至 11 月底， 2021 年年内`: the year of a running total up to a month.
        let until = dates().find_map(|(j, d)| {
            let before: String = crate::figures::units::string_of(&chars[d.start.saturating_sub(3)..d.start]);
            let until = ["截至", "截止", "截止到"].iter().any(|w| before.trim_end().ends_with(w));
            until.then(|| period_of(chars, figures, j)).flatten().filter(|v| yearless(v) && !v.contains('/'))
        });
        if let Some(u) = until {
            return dated(&u, &p);
        }
    }
    p
}

/// `2022年1-10月，…，其中10月份增长4.2%` → 2022-10: the year of the paragraph's
/// lead-in dates a later year-less part of it (`p`, taken from the date at
/// `own_start`), unless that part is written relative to now (`今年一季度`),
/// which stays as written.
pub(super) fn lead_year(chars: &[char], own_start: usize, p: String, lead: Option<&str>) -> String {
    let relative = own_start >= 2
        && chars[own_start - 1] == '年'
        && matches!(chars[own_start - 2], '今' | '去' | '本' | '明' | '上');
    match lead.and_then(|l| l.get(..4)).filter(|y| is_year(y)) {
        Some(y) if yearless(&p) && !relative => dated(&p, y),
        _ => p,
    }
}

/// The year of a period that writes one with a part of it (`2014-03`, `2014-01/2014-03`,
/// `2014-Q1`): what a later year-less month of its paragraph is dated by (`今(103)年3月…。
/// 1至3月平均失業率4.05%` → 2014-01/2014-03). A bare year is not: it is often named in
/// passing (`创2014年以来新高`).
pub(super) fn year_of_part(p: &str) -> Option<String> {
    let y = p.get(..4).filter(|y| is_year(y))?;
    p.split('/').all(|x| x.len() > 4 && x.starts_with(y)).then(|| y.to_string())
}

/// A bare year (`2011`).
fn is_year(v: &str) -> bool {
    v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())
}

/// A period with no year that a year can date: `H1`, `Q1/Q3`, `--01/--02`, `--11`
/// (not a day, `--12-29`, which names the time of a report as often as its period).
fn yearless(p: &str) -> bool {
    p.split('/').all(|x| (x.len() == 4 && x.starts_with("--")) || x.starts_with('H') || x.starts_with('Q'))
}

/// `p` in the year `y`: `H1` → `2011-H1`, `--01/--02` → `2022-01/2022-02`.
fn dated(p: &str, y: &str) -> String {
    p.split('/')
        .map(|x| if let Some(rest) = x.strip_prefix('-') { format!("{y}{rest}") } else { format!("{y}-{x}") })
        .collect::<Vec<_>>()
        .join("/")
}
