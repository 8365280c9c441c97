//! What surrounds a number: qualifiers (`约`, `余`, `以上`), change phrases
//! (`同比增长`), and whether the number is part of a name, quote or idiom.

use super::units::{ends_with_any, starts_with, starts_with_any};
use crate::model::{Approx, Change};

/// Qualifiers written before a number, longest first.
const APPROX_BEFORE: &[(&str, Approx)] = &[
    ("不超过", Approx::Under),
    ("超过", Approx::Over),
    ("将近", Approx::Under),
    ("接近", Approx::Under),
    ("不到", Approx::Under),
    ("不足", Approx::Under),
    ("大约", Approx::About),
    ("大概", Approx::About),
    ("突破", Approx::Over),
    ("约", Approx::About),
    ("近", Approx::Under),
    ("超", Approx::Over),
    ("逾", Approx::Over),
];

/// Qualifiers written after a figure.
const APPROX_AFTER: &[(&str, Approx)] = &[
    ("以上", Approx::Over),
    ("以下", Approx::Under),
    ("以内", Approx::Under),
    ("左右", Approx::About),
    ("上下", Approx::About),
];

/// A qualifier ending exactly at `start`: its approx and length.
pub fn approx_before(chars: &[char], start: usize, floor: usize) -> Option<(Approx, usize)> {
    let words: Vec<&'static str> = APPROX_BEFORE.iter().map(|(w, _)| *w).collect();
    let (w, n) = ends_with_any(chars, start, &words)?;
    if start - n < floor {
        return None;
    }
    // `最近3天` is "the last three days", `附近` a place: not qualifiers.
    if w == "近" && start >= 2 && matches!(chars[start - 2], '最' | '附' | '就' | '临' | '邻') {
        return None;
    }
    APPROX_BEFORE.iter().find(|(x, _)| *x == w).map(|(_, a)| (*a, n))
}

/// A qualifier starting exactly at `end`: its approx and length.
pub fn approx_after(chars: &[char], end: usize) -> Option<(Approx, usize)> {
    let words: Vec<&'static str> = APPROX_AFTER.iter().map(|(w, _)| *w).collect();
    let (w, n) = starts_with_any(chars, end, &words)?;
    // `上下游`, `以上海` ...: the words run on into another word.
    if w == "上下" && chars.get(end + 2).is_some_and(|c| matches!(c, '游' | '级' | '班' | '楼' | '车' | '文')) {
        return None;
    }
    if w == "以上" && chars.get(end + 2) == Some(&'海') {
        return None;
    }
    APPROX_AFTER.iter().find(|(x, _)| *x == w).map(|(_, a)| (*a, n))
}

const UP: &[&str] = &[
    "同比增长",
    "同比增加",
    "同比提高",
    "同比上升",
    "增长了",
    "增长",
    "增加",
    "提高",
    "上升",
    "上涨",
    "提升",
    "增幅",
    "涨幅",
    "新增",
    "扩大",
    "增",
    "涨",
];
const DOWN: &[&str] = &[
    "同比下降",
    "同比减少",
    "下降了",
    "下降",
    "减少",
    "降低",
    "下滑",
    "回落",
    "下跌",
    "缩小",
    "缩减",
    "降幅",
    "跌幅",
    "降了",
    "降",
    "减",
    "跌",
];

/// Nouns that begin with a change verb: `增加值`, `增长率` are levels, not changes.
const NOT_CHANGE_AFTER: &[char] = &['值', '率', '额', '量', '速', '点'];

/// A change phrase shortly before `start` (at most a few characters between,
/// none of them punctuation or `至`/`到`/`为`, which introduce a new level).
pub fn change_before(chars: &[char], start: usize, floor: usize) -> Option<Change> {
    let max_gap = 4;
    for gap in 0..=max_gap {
        if start < gap + 1 || start - gap <= floor {
            break;
        }
        let at = start - gap;
        if gap > 0 {
            let c = chars[at];
            if !is_han(c) || matches!(c, '至' | '到' | '为' | '达' | '是' | '的' | '，' | '。') {
                break;
            }
        }
        for (words, dir) in [(UP, Change::Up), (DOWN, Change::Down)] {
            if let Some((w, n)) = ends_with_any(chars, at, words) {
                if at - n < floor {
                    continue;
                }
                // `增加值`, `增长率`: a noun.
                if chars.get(at).is_some_and(|c| NOT_CHANGE_AFTER.contains(c)) && !w.ends_with('了') {
                    continue;
                }
                // A single-character verb must stand right before the number.
                if w.chars().count() == 1 && gap > 0 {
                    continue;
                }
                return Some(dir);
            }
        }
    }
    None
}

pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Is `start..end` inside a short quotation or a title (`“十四五”`, `《…》`)?
/// Short quotes name slogans and programmes; their numbers are not figures.
pub fn in_short_quote(chars: &[char], start: usize, end: usize) -> bool {
    const OPEN: &[char] = &['“', '「', '『', '《', '"', '〈'];
    const CLOSE: &[char] = &['”', '」', '』', '》', '"', '〉'];
    let limit = 16;
    let title_limit = 40;
    let mut open = None;
    for k in (start.saturating_sub(title_limit)..start).rev() {
        let c = chars[k];
        if CLOSE.contains(&c) && c != '"' || c == '\n' {
            break;
        }
        if OPEN.contains(&c) {
            open = Some((k, c));
            break;
        }
    }
    let Some((o, oc)) = open else { return false };
    let want = CLOSE[OPEN.iter().position(|c| *c == oc).unwrap_or(0)];
    let max = if oc == '《' { title_limit } else { limit };
    (end..(o + max + 2).min(chars.len())).any(|k| chars[k] == want) && end - o <= max
}

/// Idioms and set phrases whose numbers are not quantities.
const IDIOMS: &[&str] = &[
    "最后一公里",
    "一对一",
    "一手抓",
    "两手抓",
    "一把手",
    "一次性",
    "千方百计",
    "一带一路",
    "三番五次",
    "万无一失",
    "一年四季",
    "四面八方",
    "一举两得",
    "三天两头",
    "一步到位",
    "一分为二",
    "十全十美",
    "一五一十",
    "一刀切",
    "一条龙",
    "一站式",
    "一揽子",
    "一系列",
    "一门心思",
    "一口气",
    "一年一度",
    "半年一次",
    "三次产业",
    "一次产业",
    "二次产业",
    "年行动",
    "两条腿",
    "一盘棋",
    "一张网",
    "一张图",
];

/// Is `start..end` part of one of the idioms?
pub fn in_idiom(chars: &[char], start: usize, end: usize) -> bool {
    IDIOMS.iter().any(|idiom| {
        let n = idiom.chars().count();
        (start.saturating_sub(n - 1)..end).any(|k| starts_with(chars, k, idiom).is_some_and(|len| k + len > start))
    })
}
