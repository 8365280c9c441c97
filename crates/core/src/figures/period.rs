//! The time a figure refers to (`period`), from the date figures around it:
//! `2022年1-10月，全省规上工业增加值增长5.1%` → the 5.1% is for `2022-01/2022-10`.
//!
//! A figure takes the nearest date before it in its own sentence; failing
//! that, the nearest date that opens a sentence earlier in the paragraph
//! (`1-10月，…。其中，…增长3%` — a lead-in the paragraph continues). A date
//! that is the base of a comparison (`比2021年增长5%`) is no period.

mod bases;
mod heading;
mod respective;
mod years;

use super::units::{ends_with, starts_with, starts_with_any};
use crate::model::{Figure, Kind, Value};

/// Sentences end here (as for subjects, `labels.md` rule 8); paragraphs at line ends.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];

/// Words right before a date that make it the base of a comparison (`比2021年`,
/// `较2021年同期`, `与2019年相比`).
const BASE_BEFORE: &[&str] = &["比", "较", "較", "与", "與", "同", "相比", "对比", "對比", "低于", "高于"];

/// The characters that can stand between a date and what follows it when it
/// opens a sentence for the paragraph: `2022年1-10月，`, `今年以来，`.
const LEAD_TAILS: &[&str] = &["，", ",", "以来，", "以來，", "：", "以来,"];

/// Set `period` on every figure that is not itself a date.
pub fn annotate(chars: &[char], sentences: &super::sentences::Sentences, figures: &mut [Figure]) {
    let mut periods: Vec<Option<String>> = Vec::with_capacity(figures.len());
    // The line of the figure at hand, and the period set in it by a sentence-opening date.
    let mut line = 0..0;
    let mut lead: Option<String> = None;
    let base = bases::flags(chars, figures);
    let mut carry: Option<String> = None;
    // The period of a line that is only a date, for the lines below it.
    let mut heading: Option<String> = None;
    // The year of the line's latest date that writes one with its month, quarter or half.
    let mut line_year: Option<String> = None;
    // The reporting period the paragraphs above left running, and whether this line has
    // named a time of its own (which ends it).
    let mut running: Option<String> = None;
    let mut dated_line = false;
    for (k, f) in figures.iter().enumerate() {
        if f.start >= line.end {
            let start =
                chars[line.end..f.start].iter().rposition(|c| *c == '\n').map_or(line.end, |p| line.end + p + 1);
            let end = chars[f.start..].iter().position(|c| *c == '\n').map_or(chars.len(), |p| f.start + p);
            if heading.is_some() && heading::blank_between(chars, line.end, start) {
                heading = None;
            }
            // (A line too long to be seen whole in one piece leaves none, as for a lead-in.)
            if dated_line {
                running = carry.take().or(lead.take()).filter(|p| is_reporting(p) && line.len() <= PARAGRAPH_REACH);
            }
            line = start..end;
            lead = None;
            carry = None;
            line_year = None;
            dated_line = false;
        }
        if f.kind == Kind::Date {
            dated_line |= !base[k];
            // A long line may be cut into pieces analysed apart (at sentence
            // ends): a lead-in is taken only where the whole line is in view.
            // The head of a list of dates (`2025年第1、2季`) is no period for the paragraph.
            let heads_list = figures.get(k + 1).is_some_and(|d| {
                d.kind == Kind::Date && d.start == f.end + 1 && matches!(chars[f.end], '、' | '和' | '及' | '与' | '與')
            });
            // The date's own period, read once (a comparison's base names none for the text).
            let own = if base[k] { None } else { period_of(chars, figures, k) };
            let whole_line = line.len() <= PARAGRAPH_REACH;
            if whole_line && own.is_some() && !heads_list && opens_sentence(chars, f) {
                lead = own.clone();
            }
            // (Only where the whole line is in view, as for a lead-in.)
            if whole_line && let Some(y) = own.as_deref().and_then(years::year_of_part) {
                line_year = Some(y);
            }
            if !base[k] && heading::date_line(chars, &line, f) {
                // A dateline (`2015-03-03`) is when the news was given, not what it is for.
                heading = own.filter(|p| is_reporting(p));
            }
            periods.push(None);
            continue;
        }
        let sentence_start = sentences.start(f.start, SENTENCE_REACH).max(line.start);
        let own = figures[..k]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, d)| d.start >= sentence_start)
            .filter(|(j, d)| d.kind == Kind::Date && !base[*j] && !closed_before(chars, d.end, f.start))
            .find_map(|(j, _)| period_of(chars, figures, j).map(|p| (j, p)))
            .map(|(j, p)| {
                let p = years::lend(chars, figures, &base, sentence_start, k, p, lead.as_deref());
                let p = years::lead_year(chars, figures[j].start, p, lead.as_deref());
                (j, years::lead_year(chars, figures[j].start, p, line_year.as_deref()))
            });
        // A date inside a note (`（同期为下降9.8%、一季度为增长3.5%）`) is the note's only.
        if let Some((j, p)) = &own
            && is_reporting(p)
            && !in_note(chars, line.start, figures[*j].start)
        {
            carry = Some(p.clone());
        }
        let own = own.map(|(_, p)| p);
        periods.push(
            own.or_else(|| lead.as_deref().map(|l| relative(chars, sentence_start, f.start, l)))
                .or_else(|| carry.clone())
                .or_else(|| running.clone().filter(|_| !dated_line && continues(chars, line.start)))
                .or_else(|| heading.clone()),
        );
    }
    respective::pair(chars, figures, &base, &mut periods);
    for (f, p) in figures.iter_mut().zip(periods) {
        f.period = p;
    }
}

/// Does the paragraph at `start` go on with the one above (`其中，`, `分行业看，`, `从资金来源看，`)?
fn continues(chars: &[char], start: usize) -> bool {
    starts_with_any(
        chars,
        start,
        &[
            "其中",
            "分行业",
            "从行业",
            "从资金",
            "从产业",
            "分产业",
            "分地区",
            "从地区",
            "分区域",
            "具体来看",
            "具体看",
            "按行业",
        ],
    )
    .is_some()
}

/// A reporting period (a run of months, a quarter, a half year), which a
/// paragraph's later sentences with no time of their own continue
/// (`今年前2个月我国进出口总值6.2万亿元…。其中，出口3.47万亿元`); a day or a
/// year named in passing is not carried.
fn is_reporting(p: &str) -> bool {
    p.contains('/') || p.contains('H') || p.contains('Q')
}

/// A lead-in's period as a later sentence of its paragraph narrows it: `全年`,
/// `本年` or `年平均` take its year, `年末` or `年底` its year's end
/// (`2015年末…。全年完成邮政业务收入346.8万元` → 2015).
fn relative(chars: &[char], sentence_start: usize, at: usize, lead: &str) -> String {
    let year = lead.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    let Some(year) = year else { return lead.to_string() };
    let words = &chars[sentence_start..at];
    let contains = |w: &str| (0..words.len()).any(|i| starts_with(words, i, w).is_some());
    if ["年末", "年底"].iter().any(|w| contains(w)) {
        format!("{year}-12")
    } else if ["全年", "本年", "当年", "年平均"].iter().any(|w| contains(w)) {
        year.to_string()
    } else {
        lead.to_string()
    }
}

/// How far back a sentence is looked for, and how long a line may be for a
/// date that opens one of its sentences to hold for the rest of it.
const SENTENCE_REACH: usize = 300;
const PARAGRAPH_REACH: usize = 4000;

/// Where the stretch ending at `at` begins: just after the last of `ends`
/// before it, at most `reach` chars back.
fn back_to(chars: &[char], at: usize, ends: &[char], reach: usize) -> usize {
    let floor = at.saturating_sub(reach);
    chars[floor..at].iter().rposition(|c| ends.contains(c)).map_or(floor, |p| floor + p + 1)
}

/// Does a bracket that is open at `from` close before `to`? A date in a note
/// (`（同期为下降9.8%、一季度为增长3.5%），负向拉动…`) is the period of the note only.
fn closed_before(chars: &[char], from: usize, to: usize) -> bool {
    // `今(103)年1至3月`: a bracketed year closes its own bracket.
    let from = if matches!(chars.get(from), Some(')' | '）')) && chars.get(from + 1) == Some(&'年') {
        from + 2
    } else {
        from
    };
    let mut depth = 0i32;
    for c in &chars[from.min(to)..to] {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Is `at` inside a bracket opened after `from`?
fn in_note(chars: &[char], from: usize, at: usize) -> bool {
    let mut depth = 0i32;
    for c in &chars[from..at] {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

/// Is the date at `start` the base of a comparison?
fn is_base(chars: &[char], start: usize) -> bool {
    // One or two characters may come between (`比上年`, `较2021年同期`).
    let before = &chars[start.saturating_sub(3)..start];
    BASE_BEFORE.iter().any(|w| ends_with(before, before.len(), w).is_some())
}

/// Does `d` open its sentence and set the time for what follows (`2022年1-10月，`)?
fn opens_sentence(chars: &[char], d: &Figure) -> bool {
    // The answer is no unless a lead-in's tail follows the date or the date is a year (see the
    // last line): asked first, before the sentence's head is copied and split.
    if !LEAD_TAILS.iter().any(|t| tail_at(chars, d.end, t)) && d.text.chars().take(5).last() != Some('年') {
        return false;
    }
    let start = back_to(chars, d.start, SENTENCE_ENDS, SENTENCE_REACH);
    let head: String = super::units::string_of(&chars[start..d.start]);
    let head = head.trim();
    // `据公安年报统计，2015年年末…`, `8月15日，记者从…获悉，据商务部统计，今年1-6月，…`:
    // the day of the report and who tells it come before the date.
    let pieces: Vec<&str> = head.split(['，', ',']).collect();
    let source = pieces.len() > 1
        && OPENERS.contains(&pieces[pieces.len() - 1])
        && pieces[..pieces.len() - 1].iter().all(|p| is_source(p) || is_day(p))
        && pieces.iter().any(|p| is_source(p));
    // `分省区看，1-7月，…`, `从结构看，一季度…`: the angle a sentence looks from comes before its date.
    let view = pieces.len() > 1
        && OPENERS.contains(&pieces[pieces.len() - 1])
        && pieces[..pieces.len() - 1].iter().all(|p| is_view(p));
    let opening = head.is_empty() || source || view || OPENERS.contains(&head);
    // `8月15日，红星新闻记者从四川省经济合作局获悉`: the day a report is given is not
    // the time of what it reports.
    let reported = is_day(&d.text) && {
        let rest: String = super::units::string_of(&chars[d.end..(d.end + 40).min(chars.len())]);
        rest.strip_prefix(['，', ',']).and_then(|r| r.split(['，', ',', '。']).next()).is_some_and(is_source)
    };
    if reported {
        return false;
    }
    // `2015年末全县共有卫生机构23个`: a year opening a sentence with the words it
    // governs right after it, no comma between, sets the time as well.
    let year_first = (head.is_empty() || source) && d.text.chars().take(5).collect::<String>().ends_with('年');
    opening && (LEAD_TAILS.iter().any(|t| tail_at(chars, d.end, t)) || year_first)
}

/// A lead-in that names the angle of a breakdown: `分省区看`, `从结构来看`, `分地区看`.
fn is_view(p: &str) -> bool {
    let p = p.trim();
    let n = p.chars().count();
    (3..=8).contains(&n) && (p.starts_with('分') || p.starts_with('从') || p.starts_with('從')) && p.ends_with('看')
}

/// Words that may open a sentence before the date that leads it (`截至2022年末，`).
const OPENERS: &[&str] = &["", "截至", "截止", "截止到", "从", "在", "自", "今年", "去年"];

/// A clause that says who tells the figures (`据商务部统计`, `记者从…获悉`, `…发布`).
fn is_source(p: &str) -> bool {
    let n = p.chars().count();
    (2..=24).contains(&n)
        && (p.starts_with('据')
            || p.starts_with("根据")
            || p.contains("记者")
            || p.contains("記者")
            || [
                "获悉",
                "獲悉",
                "了解到",
                "消息",
                "显示",
                "顯示",
                "统计",
                "統計",
                "公布",
                "发布",
                "發布",
                "表示",
                "介绍",
            ]
            .iter()
            .any(|w| p.ends_with(w)))
}

/// A day of the month written alone (`8月15日`, `15日`).
fn is_day(p: &str) -> bool {
    let p = p.trim();
    p.ends_with('日')
        && p.chars().count() <= 11
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日') || crate::numeral::is_cn_numeral_char(c))
}

fn tail_at(chars: &[char], at: usize, tail: &str) -> bool {
    let mut k = at;
    // A month written with `份`, `末`, `底` is still the same date.
    while chars.get(k).is_some_and(|c| matches!(c, '份' | '末' | '底' | '间' | '內' | '内')) {
        k += 1;
    }
    tail.chars().enumerate().all(|(n, c)| chars.get(k + n) == Some(&c))
}

/// The period the date figure `figures[j]` names, as ISO text; a date that
/// ends a range (`7月10日至11月10日`) with the date before it.
fn period_of(chars: &[char], figures: &[Figure], j: usize) -> Option<String> {
    let d = &figures[j];
    let own = iso_of(d)?;
    if j > 0 {
        let p = &figures[j - 1];
        let joined = p.kind == Kind::Date
            && d.start == p.end + 1
            && matches!(chars[p.end], '至' | '到' | '-' | '~' | '～' | '—' | '－');
        if joined && let Some(from) = iso_of(p) {
            return Some(format!("{from}/{own}"));
        }
    }
    Some(own)
}

/// A date figure as ISO text: its value, or for a range (`2022年1-10月`,
/// `前三季度`) the two ends joined by `/`.
pub fn iso_of(d: &Figure) -> Option<String> {
    if let Some(Value::Text(v)) = &d.value {
        return Some(v.clone());
    }
    range_iso(&d.text, d.low?, d.high?)
}

/// A date range as ISO text from its written form and its two ends: months (`2022年1-10月` →
/// `2022-01/2022-10`, `1-10月` → `--01/--10`), quarters (`前三季度` → `Q1/Q3`), halves, or
/// years (`2019-2021年` → `2019/2021`: ends that are years are no months).
pub fn range_iso(text: &str, lo: f64, hi: f64) -> Option<String> {
    if lo.fract() != 0.0 || hi.fract() != 0.0 || lo < 1.0 || hi < lo {
        return None;
    }
    let (lo, hi) = (lo as u32, hi as u32);
    if (1000..=9999).contains(&lo) && hi <= 9999 {
        return Some(format!("{lo}/{hi}"));
    }
    let year = year_in(text);
    let quarters = text.contains("季");
    let half = text.ends_with("半年");
    let part = |n: u32| match (quarters, half) {
        (true, _) => format!("Q{n}"),
        (_, true) => format!("H{n}"),
        _ => format!("{n:02}"),
    };
    let prefix = match year {
        Some(y) => format!("{y}-"),
        None if quarters || half => String::new(),
        None => "--".to_string(),
    };
    Some(format!("{prefix}{}/{prefix}{}", part(lo), part(hi)))
}

/// A four-digit year written in `text` before `年` (`2022年1-10月` → 2022).
fn year_in(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    let at = chars.iter().position(|c| *c == '年')?;
    let digits: String =
        chars[..at].iter().filter_map(|c| c.to_digit(10)).map(|d| char::from(b'0' + d as u8)).collect();
    (digits.len() == 4 && at == 4).then(|| digits.parse().ok()).flatten()
}

/// How far after a title its opening paragraph is read for the report's period.
const OPENING_REACH: usize = 400;

/// The longest title read, in chars.
const TITLE_MAX: usize = 40;

/// How much of a text's start [`from_title`] needs: the title, its opening
/// paragraph, and a sentence's look-ahead past a date there.
pub const TITLE_HEAD: usize = TITLE_MAX + 1 + OPENING_REACH + 100;

/// A report's title that names its period and no other figure
/// (`上半年全市经济运行情况分析`, `万载县2015年国民经济和社会发展统计公报`) gives
/// that period to every figure of the report that names none. A headline
/// with a figure in it (`1月零售業銷貨值跌14.6%`) is news, which reports
/// figures of many times: it gives none.
pub fn title_of(chars: &[char], figures: &[Figure]) -> Option<TitlePeriod> {
    let start = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(chars.len());
    let end = chars[start..].iter().position(|c| *c == '\n').map_or(chars.len(), |p| start + p);
    let line = &chars[start..end];
    if line.is_empty()
        || line.len() > TITLE_MAX
        || end == chars.len()
        || line.iter().any(|c| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '：' | ':'))
    {
        return None;
    }
    let in_title = figures.iter().take_while(|f| f.end <= end).count();
    let title = &figures[..in_title];
    if title.iter().any(|f| f.kind != Kind::Date) || title.iter().any(|d| is_base(chars, d.start)) {
        return None;
    }
    let named = (0..in_title).find_map(|j| period_of(chars, figures, j));
    // `大庆市经济运行开局良好`, then `…全市经济延续了…首季…`: a title that names no
    // time leaves it to the opening paragraph, when that names a reporting
    // period (a quarter, a half year, a run of months), not a day or a year.
    let opening = || {
        let (j, d) = figures.iter().enumerate().find(|(_, d)| d.kind == Kind::Date)?;
        // Only the text's start may be given (`chars` of a text analysed in pieces).
        if d.start >= end + OPENING_REACH || d.end > chars.len() {
            return None;
        }
        let p = period_of(chars, figures, j)?;
        let reporting = p.contains('Q') || p.contains('H') || p.contains('/');
        (!is_base(chars, d.start) && !bases::starts_from(chars, d) && reporting).then_some(p)
    };
    let period = named.or_else(|| if in_title == 0 { opening() } else { None })?;
    Some(TitlePeriod { after: end, period })
}

/// The period a report's title gives ([`title_of`]): every figure after the
/// title line (`after`, a char offset) that names no period of its own takes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TitlePeriod {
    pub after: usize,
    pub period: String,
}

impl TitlePeriod {
    pub fn apply(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut().filter(|f| f.end > self.after) {
            if f.kind != Kind::Date && f.period.is_none() {
                f.period = Some(self.period.clone());
            }
        }
    }
}

/// [`title_of`], applied.
pub fn from_title(chars: &[char], figures: &mut [Figure]) {
    if let Some(t) = title_of(chars, figures) {
        t.apply(figures);
    }
}
