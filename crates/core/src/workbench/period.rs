//! The order of periods as the engine writes them (ISO-8601 text: `2022`, `2022-06`,
//! `2022-06-30`, `2022-H1`, `2017-Q1`, ranges `2022-01/2022-10`): by when they start, then
//! by when they end (so a year comes after its first quarter and before the next year), and
//! their parts ([`parse`]) for a display in the reader's words (`2022年1–10月` for
//! `2022-01/2022-10`, `上半年` for `H1`), where ISO text with no year (`--01/--07`) reads badly.

use std::cmp::Ordering;

/// Start and end of a period as (year, day of year) pairs (approximate: months of 31 days),
/// for ordering only; None if it is not a period the engine writes or it has no year.
fn span(p: &str) -> Option<((i32, u32), (i32, u32))> {
    match parse(p.trim())? {
        Period::One(a) => Some((days(a)?.0, days(a)?.1)),
        Period::Range(a, b) => Some((days(a)?.0, days(b)?.1)),
    }
}

/// The first and last day of one point with a year.
fn days(p: Point) -> Option<((i32, u32), (i32, u32))> {
    let day = |m: u8, d: u8| (m as u32 - 1) * 31 + d as u32;
    let (year, from, to) = match p {
        Point::Year(y) => (y, day(1, 1), day(12, 31)),
        Point::Half(y, h) => (y?, day(h * 6 - 5, 1), day(h * 6, 31)),
        Point::Quarter(y, q) => (y?, day(q * 3 - 2, 1), day(q * 3, 31)),
        Point::Month(y, m) => (y?, day(m, 1), day(m, 31)),
        Point::Day(y, m, d) => (y?, day(m?, d), day(m?, d)),
    };
    Some(((year, from), (year, to)))
}

/// Periods in time order; text the engine does not write comes after every period, by text.
pub fn compare(a: &str, b: &str) -> Ordering {
    match (span(a), span(b)) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

/// The latest of some periods.
pub fn latest<'a>(periods: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // A period equal to the latest so far is not parsed again (most figures of a metric
    // share a few periods): the summary of 100,000 figures parsed 200,000 periods.
    periods.into_iter().fold(None, |best, p| Some(later(best, p)))
}

/// The later of the latest so far and a period (the latest so far on a tie): [`latest`] one
/// period at a time.
pub fn later<'a>(best: Option<&'a str>, p: &'a str) -> &'a str {
    match best {
        Some(b) if b == p || compare(p, b) == Ordering::Less => b,
        _ => p,
    }
}

/// One period as the engine writes it; a year is absent where the text gave none (`--05`, `H1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Point {
    Year(i32),
    Half(Option<i32>, u8),
    Quarter(Option<i32>, u8),
    Month(Option<i32>, u8),
    /// A day, with its month where written (`---15` is a day of no stated month).
    Day(Option<i32>, Option<u8>, u8),
}

/// A period: one point or a range of two (`2022-01/2022-10`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    One(Point),
    Range(Point, Point),
}

/// The parts of a period the engine writes; None for any other text.
pub fn parse(p: &str) -> Option<Period> {
    match p.split_once('/') {
        Some((a, b)) => Some(Period::Range(parse_point(a)?, parse_point(b)?)),
        None => Some(Period::One(parse_point(p)?)),
    }
}

fn parse_point(p: &str) -> Option<Point> {
    fn num<T: std::str::FromStr>(s: &str, digits: usize) -> Option<T> {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    }
    let in_range = |v: u8, hi: u8| (1..=hi).contains(&v).then_some(v);
    // Yearless forms (ISO 8601's truncated representations): `--MM`, `--MM-DD`, `---DD`.
    if let Some(d) = p.strip_prefix("---") {
        return Some(Point::Day(None, None, in_range(num(d, 2)?, 31)?));
    }
    let (year, rest) = match p.strip_prefix("--") {
        Some(rest) => (None, Some(rest)),
        None => match p.split_once('-') {
            Some((y, rest)) => (Some(num(y, 4)?), Some(rest)),
            None if p.starts_with(['H', 'Q']) => (None, Some(p)),
            None => return Some(Point::Year(num(p, 4)?)),
        },
    };
    let rest = rest?;
    if let Some(h) = rest.strip_prefix('H') {
        return Some(Point::Half(year, in_range(num(h, 1)?, 2)?));
    }
    if let Some(q) = rest.strip_prefix('Q') {
        return Some(Point::Quarter(year, in_range(num(q, 1)?, 4)?));
    }
    match rest.split_once('-') {
        Some((m, d)) => Some(Point::Day(year, Some(in_range(num(m, 2)?, 12)?), in_range(num(d, 2)?, 31)?)),
        None => Some(Point::Month(year, in_range(num(rest, 2)?, 12)?)),
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];

/// A period as the engine writes it, in words for reading — Chinese (`2022年1–10月`, `上半年`,
/// `1–7月`) or English (`Jan–Oct 2022`, `H1`, `Jan–Jul`); text it does not write, as written.
/// The page shows these; exports keep the ISO text, whose yearless forms (`--01/--07`) read badly.
pub fn in_words(p: &str, chinese: bool) -> String {
    match parse(p) {
        Some(Period::One(a)) => point_words(a, chinese),
        Some(Period::Range(a, b)) => range_words(a, b, chinese)
            .unwrap_or_else(|| format!("{} – {}", point_words(a, chinese), point_words(b, chinese))),
        None => p.to_string(),
    }
}

fn point_words(p: Point, zh: bool) -> String {
    let zh_year = |y: Option<i32>| y.map_or(String::new(), |y| format!("{y}年"));
    let en_year = |y: Option<i32>| y.map_or(String::new(), |y| format!(" {y}"));
    match (zh, p) {
        (true, Point::Year(y)) => format!("{y}年"),
        (false, Point::Year(y)) => y.to_string(),
        (true, Point::Half(y, h)) => format!("{}{}半年", zh_year(y), if h == 1 { "上" } else { "下" }),
        (false, Point::Half(y, h)) => format!("H{h}{}", en_year(y)),
        (true, Point::Quarter(y, q)) => format!("{}{}季度", zh_year(y), QUARTERS[q as usize - 1]),
        (false, Point::Quarter(y, q)) => format!("Q{q}{}", en_year(y)),
        (true, Point::Month(y, m)) => format!("{}{m}月", zh_year(y)),
        (false, Point::Month(y, m)) => format!("{}{}", MONTHS[m as usize - 1], en_year(y)),
        (true, Point::Day(y, m, d)) => format!("{}{}{d}日", zh_year(y), m.map_or(String::new(), |m| format!("{m}月"))),
        (false, Point::Day(y, m, d)) => {
            format!("{d}{}{}", m.map_or(String::new(), |m| format!(" {}", MONTHS[m as usize - 1])), en_year(y))
        }
    }
}

/// Months or quarters of one year (or of none) read as one span: `2022年1–10月`, `Q1–Q3`.
fn range_words(a: Point, b: Point, zh: bool) -> Option<String> {
    let year = |y: Option<i32>| match (zh, y) {
        (true, Some(y)) => format!("{y}年"),
        (false, Some(y)) => format!(" {y}"),
        (_, None) => String::new(),
    };
    match (zh, a, b) {
        (true, Point::Month(y, m), Point::Month(z, n)) if y == z => Some(format!("{}{m}–{n}月", year(y))),
        (false, Point::Month(y, m), Point::Month(z, n)) if y == z => {
            Some(format!("{}–{}{}", MONTHS[m as usize - 1], MONTHS[n as usize - 1], year(y)))
        }
        (true, Point::Quarter(y, q), Point::Quarter(z, r)) if y == z => {
            Some(format!("{}{}至{}季度", year(y), QUARTERS[q as usize - 1], QUARTERS[r as usize - 1]))
        }
        (false, Point::Quarter(y, q), Point::Quarter(z, r)) if y == z => Some(format!("Q{q}–Q{r}{}", year(y))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `testdata/workbench/periods.txt`: periods in their expected order, shuffled here.
    #[test]
    fn periods_sort_by_when_they_start_then_end() {
        let expected: Vec<&str> = include_str!("../../testdata/workbench/periods.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let mut shuffled = expected.clone();
        shuffled.reverse();
        shuffled.rotate_left(3);
        shuffled.sort_by(|a, b| compare(a, b));
        assert_eq!(shuffled, expected);
        assert_eq!(latest(expected.iter().copied().filter(|p| span(p).is_some())), Some("2023"));
    }

    /// `testdata/workbench/period_parts.txt`: each period the engine writes and its parts.
    #[test]
    fn periods_parse_into_their_parts() {
        let cases = include_str!("../../testdata/workbench/period_parts.txt");
        for line in cases.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (text, want) = line.split_once('\t').expect("period<TAB>parts");
            assert_eq!(format!("{:?}", parse(text)), want.trim(), "{text}");
        }
    }
}
