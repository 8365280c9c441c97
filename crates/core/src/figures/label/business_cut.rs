//! `汽车板簧营业收入同比增长30.71%，毛利率12.7%`: the segmenter cuts `营业|收入`, and `营业`
//! is left at the end of the words before the metric, taken for the subject (`汽车板簧营业`).
//! `营业` is the metric's (`营业收入`, `营业利润`, `营业成本`): it leaves the subject of every
//! figure that has it, and joins a label that then lacks it (labels.md rules 3 and 8).

use crate::model::Figure;

/// Heads of a metric that `营业` opens.
const HEADS: &[&str] = &["收入", "总收入", "利润", "成本", "外收入", "外支出", "税金"];

pub(super) fn apply(figures: &mut [Figure]) {
    for f in figures.iter_mut() {
        let Some(s) = f.subject.as_deref() else { continue };
        let Some(rest) = s.strip_suffix("营业").filter(|r| r.chars().count() >= 2) else { continue };
        let rest = rest.to_string();
        if let Some(l) = f.label.as_deref().filter(|l| HEADS.iter().any(|h| l.starts_with(h))) {
            f.label = Some(format!("营业{l}"));
        }
        f.subject = Some(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::super::subjects_of as subjects;

    #[test]
    fn business_leaves_the_subject() {
        let s = subjects("全年汽车板簧营业收入同比增长30.71%，毛利率12.7%。");
        assert_eq!(s[1], Some("汽车板簧".to_string()));
    }
}
