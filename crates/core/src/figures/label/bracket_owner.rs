//! A figure alone in a bracket right after a name belongs to that name (labels.md
//! rules 8 and 9): `中信证券（341亿）、国泰君安（241亿）、…`, `东方财富(15.46%)`,
//! `以建造業（10.9%）、零售業（9.9%）及…`. The name runs back from the bracket to the
//! mark or the word that opens the item (`、`, `，`, `分别是`, `及`).

use super::Doc;
use super::words::WORDS;
use crate::figures::units::ends_with;
use crate::model::{Figure, Kind};

/// Words that open an item, before its name.
const OPENERS: &[&str] = &[
    "分别是",
    "分别为",
    "分別是",
    "分別為",
    "依次是",
    "依次为",
    "依次為",
    "其次是",
    "其次为",
    "其次為",
    "包括",
    "以及",
    "是",
    "为",
    "為",
    "及",
    "和",
    "与",
    "與",
    "以",
];
/// The longest name read back, in chars.
const NAME_MAX: usize = 12;

impl Doc<'_> {
    pub(super) fn bracket_owners(&self, figures: &mut [Figure]) {
        for f in figures.iter_mut() {
            if f.kind == Kind::Date || f.start < 3 {
                continue;
            }
            // The bracket holds the figure alone.
            if !matches!(self.chars[f.start - 1], '（' | '(') || !matches!(self.chars.get(f.end), Some('）' | ')')) {
                continue;
            }
            let open = f.start - 1;
            let lo = open.saturating_sub(NAME_MAX + 3);
            let Some(s) = (lo..open)
                .rev()
                .find(|&p| {
                    let c = self.chars[p];
                    !(super::is_han(c) || c.is_ascii_alphanumeric() || c == '-')
                        || matches!(c, '、' | '，' | '。' | '；' | '：')
                })
                .map(|p| p + 1)
            else {
                continue;
            };
            // After the last word that opens the item (`排名前十的分别是东方财富(`), if a name is left.
            let s = (s + 1..open.saturating_sub(1))
                .rev()
                .find(|&q| OPENERS.iter().any(|w| ends_with(self.chars, q, w).is_some_and(|n| q >= s + n)))
                .unwrap_or(s);
            let name = &self.chars[s..open];
            if !(2..=NAME_MAX).contains(&name.len())
                || !super::is_han(name[0]) && !name[0].is_ascii_alphabetic()
                || WORDS.contains_key(name)
                || self.names_metric((s, open))
                // `前三季度（…）`, `2021年（…）`: a time is no owner.
                || name.iter().any(|c| matches!(c, '年' | '月' | '季'))
            {
                continue;
            }
            let name = self.text((s, open));
            if f.label.as_deref().is_none_or(|l| !l.contains(name.as_str())) {
                f.subject = Some(name);
            }
        }
    }
}
