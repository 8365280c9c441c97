//! Market news: a level in index points (`上证指数又行至3500点`, `收盘于3501.36点`)
//! measures the index named last before it — in its sentence or, when the
//! sentence names none (`当日收盘于3501.36点`), in the text just before.

use crate::model::{Figure, Kind};

/// Indexes and markets whose level is quoted in points.
pub(super) const INDEXES: &[&str] = &[
    "上证指数",
    "上證指數",
    "上证综指",
    "上證綜指",
    "沪指",
    "滬指",
    "深证成指",
    "深證成指",
    "深成指",
    "创业板指",
    "創業板指",
    "科创50",
    "科創50",
    "沪深300",
    "滬深300",
    "上证50",
    "上證50",
    "中证500",
    "中證500",
    "恒生指数",
    "恆生指數",
    "恒指",
    "恆指",
    "国企指数",
    "國企指數",
    "道琼斯指数",
    "道瓊斯指數",
    "道指",
    "纳斯达克指数",
    "那斯達克指數",
    "纳指",
    "標普500",
    "标普500",
    "日经225",
    "日經225",
    "加权指数",
    "加權指數",
    "台股",
    "大盘",
    "大盤",
    "A股",
    "港股",
    "美股",
];
/// How far back an index is looked for, in chars.
const INDEX_REACH: usize = 400;

/// Label each level in points with the index it is a level of.
pub(super) fn index_points(chars: &[char], figures: &mut [Figure]) {
    if !figures.iter().any(|f| matches!(f.unit.as_deref(), Some("点" | "點"))) {
        return;
    }
    let indexes: Vec<Vec<char>> = INDEXES.iter().map(|w| w.chars().collect()).collect();
    let firsts: Vec<char> = indexes.iter().map(|w| w[0]).collect();
    for f in figures.iter_mut() {
        if f.kind != Kind::Quantity || f.unit.as_deref() != Some("点") && f.unit.as_deref() != Some("點") {
            continue;
        }
        let lo = f.start.saturating_sub(INDEX_REACH);
        let found = (lo..f.start).rev().filter(|&p| firsts.contains(&chars[p])).find_map(|p| {
            indexes.iter().filter(|w| p + w.len() <= f.start && chars[p..].starts_with(w)).max_by_key(|w| w.len())
        });
        if let Some(w) = found {
            f.label = Some(w.iter().collect());
            f.subject = None;
        }
    }
}
