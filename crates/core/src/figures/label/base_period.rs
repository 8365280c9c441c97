//! A `分别` list whose sentence names only the base period (`…净利润为3250万美元，每股收益为
//! 0.17美元；去年同期分别为2410万和0.12美元`): its members are the same metrics at the base,
//! paired in order with the figures of the sentence before (labels.md rules 5 and 9). The base
//! period is a time word (rule 4), never the list's metric. Read once per such list, in place.

use super::Doc;
use crate::figures::units::{ends_with, starts_with_any};

impl Doc<'_> {
    /// Is the sentence from `sent` to the figure at `at` only a base period and `分别`
    /// (`去年同期分别为`, `上年同期分别是`), with a sentence before it in the same paragraph?
    pub(super) fn base_period_list(&self, sent: usize, at: usize) -> bool {
        const BASES: &[&str] = &["去年同期", "上年同期", "同期", "去年", "上年", "上月", "上季度", "上年末", "去年末"];
        const TAILS: &[&str] = &["分别为", "分别是", "分别"];
        if sent < 2 || self.chars[sent - 1] == '\n' {
            return false;
        }
        let mut a = sent;
        while a < at && (self.chars[a].is_whitespace() || matches!(self.chars[a], '而' | '，' | ',')) {
            a += 1;
        }
        let Some((_, n)) = starts_with_any(self.chars, a, BASES) else { return false };
        let mut b = at;
        while b > a && self.chars[b - 1].is_whitespace() {
            b -= 1;
        }
        TAILS.iter().any(|w| ends_with(self.chars, b, w).is_some_and(|m| a + n + m == b))
    }
}

#[cfg(test)]
mod tests {
    use crate::Engine;

    fn labels(text: &str) -> Vec<Option<String>> {
        Engine::new().figures(text).into_iter().map(|f| f.label).collect()
    }

    #[test]
    fn a_base_period_list_pairs_with_the_sentence_before() {
        let got = labels("净利润为3250万美元，每股收益为0.17美元；去年同期分别为2410万美元和0.12美元。");
        let want = ["净利润", "每股收益", "净利润", "每股收益"];
        assert_eq!(got, want.map(|w| Some(w.to_string())));
    }

    #[test]
    fn a_list_in_a_new_paragraph_is_not_paired_across() {
        let got = labels("净利润为3250万美元，每股收益为0.17美元。\n去年同期分别为2410万美元和0.12美元。");
        assert_ne!(got[2].as_deref(), Some("净利润"));
    }
}
