//! A group, scope, sector or level word written fused to the front of a metric
//! (`规模以上工业增加值`, `城镇居民人均可支配收入`, `第一产业增加值`, `市级一般公共预算收入`,
//! `生猪出栏`) stays in the label only when it tells the figure apart
//! from another figure of the same paragraph (labels.md rule 3: the shortest span
//! that is unambiguous; rule 11 lists the metric without the word as an alt).
//!
//! So the word is left out unless another figure of the paragraph is labelled with
//! the same metric for the whole or for another group (`工业增加值` next to
//! `规模以上工业增加值`; `城镇居民…` next to `农村居民…`; `第一产业用电量` next to
//! `第二产业用电量`): there each keeps its word.
//!
//! `全社会` is no group here: `全社会用电量`, `全社会固定资产投资` are the statistics'
//! own names, and gold keeps them whole.
//!
//! Run once over the figures at the end: a paragraph is found by the line breaks
//! between one figure and the next (each char between figures read once), and a
//! label is compared in place with the labels of the figures of its paragraph
//! (at most [`NEAR`] each side), only when it opens with one of the words.

use super::Doc;
use super::charbuf::Chars;
use crate::figures::units::starts_with;
use crate::model::{Figure, Kind};

/// A group word and what the metric after it must open with ("" for any metric).
/// A count keeps its group word (`省级科技企业孵化器3个`, `市级一类园2-3所`: the counted
/// thing as it is named, rule 7) unless what follows is a predicate ([`COUNTED_TOO`]).
/// Longer words first: the longest that fits is taken off. Simplified chars.
/// `规模以上` alone comes off only `工业增加值`, a statistic of its own name; before any
/// other metric the group is `规模以上工业` (`规模以上工业发电量` → 发电量, not 工业发电量).
const GROUPS: &[(&str, &[&str])] = &[
    ("规模以上", &["工业增加值"]),
    ("规上", &["工业增加值"]),
    ("规模以上工业", &[""]),
    ("规上工业", &[""]),
    ("限额以上单位", &["消费品", "商品", "社会消费品"]),
    ("限额以上", &["消费品", "商品", "社会消费品", "单位"]),
    ("限上", &["消费品", "商品", "社会消费品", "单位"]),
    ("城镇常住居民", &["人均"]),
    ("农村常住居民", &["人均"]),
    ("全体居民", &["人均"]),
    ("城镇居民", &["人均"]),
    ("农村居民", &["人均"]),
    ("城乡居民", &["人均"]),
    ("城市居民", &["人均"]),
    ("第一产业", &[""]),
    ("第二产业", &[""]),
    ("第三产业", &[""]),
    ("一产", &[""]),
    ("二产", &[""]),
    ("三产", &[""]),
    ("国家级以上", &[""]),
    ("省级以上", &[""]),
    ("市级以上", &[""]),
    ("市级", &[""]),
    ("省级", &[""]),
    ("县级", &[""]),
    ("生猪", &["出栏", "存栏"]),
    ("肉牛", &["出栏", "存栏"]),
    ("奶牛", &["出栏", "存栏"]),
    ("家禽", &["出栏", "存栏"]),
    ("牛", &["出栏", "存栏"]),
    ("羊", &["出栏", "存栏"]),
];
/// Groups left out of a count's label too: the rest is what is counted of them (`生猪出栏`).
const COUNTED_TOO: &[&str] = &["生猪", "肉牛", "奶牛", "家禽", "牛", "羊"];
/// The first chars of [`GROUPS`].
const FIRST: &[char] =
    &['规', '限', '城', '农', '全', '第', '一', '二', '三', '市', '省', '县', '生', '肉', '奶', '家', '牛', '羊'];
/// How many figures each side of a figure are read for another figure of its paragraph.
const NEAR: usize = 60;
/// The shortest metric left after the word.
const REST_MIN: usize = 2;

impl Doc<'_> {
    /// Leave a fused group word out of a label where no figure of the paragraph needs it.
    pub(super) fn drop_group_words(&self, figures: &mut [Figure]) {
        // Most texts have no such label: nothing else is done for them.
        let cut = |f: &Figure| -> Option<usize> {
            if matches!(f.kind, Kind::Date | Kind::Duration) {
                return None;
            }
            let label = f.label.as_deref()?;
            // The first char turns most labels away before any is copied.
            if !FIRST.contains(&crate::simplified::simplify(label.chars().next()?)) {
                return None;
            }
            let l = Chars::simple(label);
            // A ratio between the groups names both (`城乡居民人均可支配收入比值`).
            if l.last() == Some(&'比') || l.ends_with(&['比', '值']) {
                return None;
            }
            GROUPS.iter().find_map(|(g, next)| {
                let n = starts_with(&l, 0, g)?;
                let rest_ok = l.len() >= n + REST_MIN && next.iter().any(|w| starts_with(&l, n, w).is_some());
                let kind_ok = f.kind != Kind::Count || COUNTED_TOO.contains(g);
                (rest_ok && kind_ok).then_some(n)
            })
        };
        let cuts: Vec<(usize, usize)> = figures.iter().enumerate().filter_map(|(k, f)| Some((k, cut(f)?))).collect();
        if cuts.is_empty() {
            return;
        }
        // The paragraph of each figure: a count of the line breaks before it.
        let mut para = Vec::with_capacity(figures.len());
        let (mut p, mut at) = (0usize, 0usize);
        for f in figures.iter() {
            let from = at.min(f.start);
            p += self.chars[from..f.start].iter().filter(|&&c| c == '\n').count();
            para.push(p);
            at = at.max(f.end);
        }
        let mut new: Vec<(usize, String)> = Vec::new();
        for &(k, n) in &cuts {
            let label = figures[k].label.as_deref().unwrap_or_default();
            let Some((b, _)) = label.char_indices().nth(n) else { continue };
            let rest = &label[b..];
            let lo = k.saturating_sub(NEAR);
            let hi = (k + NEAR + 1).min(figures.len());
            // Another metric of the paragraph that ends the same: the word tells them apart.
            let needed = (lo..hi).any(|j| {
                j != k
                    && para[j] == para[k]
                    && figures[j].label.as_deref().is_some_and(|o| o != label && o.ends_with(rest))
            });
            if !needed {
                new.push((k, rest.to_string()));
            }
        }
        for (k, rest) in new {
            figures[k].label = Some(rest);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Engine;

    fn labels(text: &str) -> Vec<(String, Option<String>)> {
        Engine::new().figures(text).into_iter().map(|f| (f.text, f.label)).collect()
    }

    fn label_of(got: &[(String, Option<String>)], text: &str) -> Option<String> {
        got.iter().find(|(t, _)| t == text).and_then(|(_, l)| l.clone())
    }

    #[test]
    fn a_lone_group_word_is_left_out() {
        let got = labels("全市规模以上工业增加值增长7.5%。限上消费品零售额320亿元。");
        assert_eq!(label_of(&got, "7.5%").as_deref(), Some("工业增加值"));
        assert_eq!(label_of(&got, "320亿元").as_deref(), Some("消费品零售额"));
    }

    #[test]
    fn a_group_word_that_tells_figures_apart_stays() {
        let got = labels("城镇居民人均可支配收入4万元，农村居民人均可支配收入2万元。");
        assert_eq!(label_of(&got, "4万元").as_deref(), Some("城镇居民人均可支配收入"));
        assert_eq!(label_of(&got, "2万元").as_deref(), Some("农村居民人均可支配收入"));
    }

    #[test]
    fn counts_and_names_keep_their_words() {
        let got = labels("新增省级重点实验室3个。全社会用电量500亿千瓦时。生猪出栏80万头。");
        assert_eq!(label_of(&got, "3个").as_deref(), Some("省级重点实验室"));
        assert_eq!(label_of(&got, "500亿千瓦时").as_deref(), Some("全社会用电量"));
        assert_eq!(label_of(&got, "80万头").as_deref(), Some("出栏"));
    }
}
