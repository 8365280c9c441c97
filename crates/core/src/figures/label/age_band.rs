//! An age band written as a figure (`15至24歲`, `25-44岁`) and the group of people it
//! opens (`15至24歲青年`, `25至44歲年齡者`, `30至39岁人士`), as labour reports break a
//! rate down by age: the band and its group word are whose the figure after them is
//! (rule 8, a breakdown item: `25至44歲年齡者為4.24%` → subject 25至44歲年齡者), and the
//! figure keeps the metric of the breakdown (`失業率`), not a word of the group
//! (`年齡`, `人士`) read as its label. A band with no group word after it
//! (`15-19歲的失業率`, `其次是20-24歲，為17.1%`) is the group itself.

use super::Doc;
use crate::figures::units::{ends_with_any, string_of};
use crate::model::{Figure, Kind};

/// Words that end the name of a group of people after an age band (simplified).
const HEADS: &[&str] = &[
    "年龄者",
    "年龄组",
    "者",
    "人士",
    "青年",
    "少年",
    "人口",
    "男性",
    "女性",
    "长者",
    "人群",
    "雇员",
    "工人",
    "劳工",
    "居民",
    "儿童",
];
/// The most chars of group words after the band.
const GROUP_MAX: usize = 6;
/// The most chars between the band and the figure it opens.
const GAP_MAX: usize = 16;

fn is_band(f: &Figure) -> bool {
    f.kind != Kind::Date && matches!(f.unit.as_deref(), Some("岁" | "歲"))
}

impl Doc<'_> {
    pub(super) fn age_bands(&self, figures: &mut [Figure]) {
        for k in 1..figures.len() {
            // Cheap turn-away first: the figure before is an age band.
            if !is_band(&figures[k - 1]) || is_band(&figures[k]) || figures[k].kind == Kind::Date {
                continue;
            }
            let (a_start, a_end, f_start) = (figures[k - 1].start, figures[k - 1].end, figures[k].start);
            if f_start < a_end || f_start - a_end > GAP_MAX {
                continue;
            }
            let gap = &self.chars[a_end..f_start];
            // One clause, or the band's clause and one linking clause after it (`20-24歲，為17.1%`).
            if gap.iter().any(|c| matches!(c, '。' | '；' | ';' | '\n' | '！' | '？' | '、'))
                || gap.iter().filter(|c| matches!(c, '，' | ',')).count() > 1
            {
                continue;
            }
            // The group words: the longest run of Han chars after the band ending in a head.
            let run = gap.iter().take(GROUP_MAX).take_while(|c| super::is_han(**c) && **c != '的').count();
            let group = (1..=run).rev().find(|&n| ends_with_any(gap, n, HEADS).is_some()).unwrap_or(0);
            // No group word: the band alone, before `的`, a clause break or a linking word.
            if group == 0 && !gap.first().is_some_and(|c| matches!(c, '的' | '，' | ',' | '为' | '為')) {
                continue;
            }
            let subject = string_of(&self.orig[a_start..a_end + group]);
            // A label that is a word of the group (`年齡`, `人士`) is no metric.
            let words = string_of(&self.orig[a_end..a_end + group]);
            let bad = |l: &str| words.contains(l);
            if figures[k].label.as_deref().is_some_and(bad) {
                let para = |j: usize| !self.chars[figures[j].end..f_start].contains(&'\n');
                let inherited = (0..k - 1)
                    .rev()
                    .take(8)
                    .take_while(|&j| para(j))
                    .filter(|&j| !is_band(&figures[j]) && figures[j].kind != Kind::Date)
                    .find_map(|j| figures[j].label.clone().filter(|l| !bad(l)));
                figures[k].label = inherited;
            } else if let Some(rest) = figures[k]
                .label
                .as_deref()
                .and_then(|l| l.strip_prefix(words.as_str()))
                .filter(|r| !words.is_empty() && r.chars().count() >= 2)
            {
                // `15至24歲人士失業率`: the group's words fused to the metric go with the group.
                figures[k].label = Some(rest.to_string());
            }
            figures[k].subject = Some(subject);
        }
    }
}
