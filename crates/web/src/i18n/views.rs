//! The words of the other workbench views: summary, chart, concordance, word list, conflicts.

use super::{ConflictCol, KwicCol, Lang, SumCol, Text, WordCol};
use std::borrow::Cow;

impl Lang {
    /// The words of the summary, chart, concordance, word list and conflicts views.
    pub(super) fn views_text(self, text: Text) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use Text::*;
        let s: &'static str = match (text, self) {
            (SummaryHeading, Zh) => "按指标汇总",
            (SummaryHeading, En) => "Totals by metric",
            (SummaryHint, Zh) => "每个指标与单位一行；点击一行即在数字表中只看它。",
            (SummaryHint, En) => "One row per metric and unit; click a row to see its figures.",
            (SummaryColumn(c), _) => return self.summary_column(c).into(),
            (NoSummary, Zh) => "还没有带指标的数字。",
            (NoSummary, En) => "No figure with a metric yet.",
            (ChartHeading, Zh) => "图表",
            (ChartHeading, En) => "Chart",
            (ChartMetric, Zh) => "指标",
            (ChartMetric, En) => "Metric",
            (ChartBy, Zh) => "横轴",
            (ChartBy, En) => "Across",
            (ByFile, Zh) => "按文件",
            (ByFile, En) => "By file",
            (ByPeriod, Zh) => "按时期",
            (ByPeriod, En) => "By period",
            (ChartMean, Zh) => "平均值",
            (ChartMean, En) => "mean",
            (ChartFigures(n), Zh) => return format!("{n} 个数字").into(),
            (ChartFigures(n), En) => return format!("{n} figures").into(),
            (KindsPerFile, Zh) => "各文件的数字类型",
            (KindsPerFile, En) => "Kinds of figures per file",
            (NoChart, Zh) => "还没有可以画的数字。",
            (NoChart, En) => "Nothing to draw yet.",
            (ConcordanceHeading, Zh) => "索引（关键词上下文）",
            (ConcordanceHeading, En) => "Concordance (keyword in context)",
            (ConcordanceInput, Zh) => "检索词或短语",
            (ConcordanceInput, En) => "Word or phrase",
            (SortLeft, Zh) => "按左侧排序",
            (SortLeft, En) => "Sort by left",
            (SortRight, Zh) => "按右侧排序",
            (SortRight, En) => "Sort by right",
            (SortPlace, Zh) => "按位置排序",
            (SortPlace, En) => "Sort by place",
            (Hits(shown, total), Zh) => return format!("{} 处（显示 {}）", Lang::n(total), Lang::n(shown)).into(),
            (Hits(shown, total), En) => return format!("{} hits ({} shown)", Lang::n(total), Lang::n(shown)).into(),
            (KwicColumn(c), _) => return self.kwic_column(c).into(),
            (WordsHeading, Zh) => "词表",
            (WordsHeading, En) => "Word list",
            (WordsPos, Zh) => "词性",
            (WordsPos, En) => "Part of speech",
            (Pos(p), _) => return self.pos(p).into(),
            (WordsColumn(c), _) => return self.words_column(c).into(),
            (WordsCount(shown, all), Zh) => return format!("{} 个词（显示 {}）", Lang::n(all), Lang::n(shown)).into(),
            (WordsCount(shown, all), En) => return format!("{} words ({} shown)", Lang::n(all), Lang::n(shown)).into(),
            (ConflictsHeading, Zh) => "冲突",
            (ConflictsHeading, En) => "Conflicts",
            (ConflictsHint, Zh) => "同一指标、主体与时期，在不同文件中数值不同。",
            (ConflictsHint, En) => "The same metric, subject and period with different values in different files.",
            (ConflictsFound(n), Zh) => return format!("发现 {n} 处冲突").into(),
            (ConflictsFound(n), En) => return format!("{n} conflicts found").into(),
            (ConflictsShown(n), Zh) => return format!("（只列出前 {n} 处）").into(),
            (ConflictsShown(n), En) => return format!(" (the first {n} listed)").into(),
            (ConflictMore(n), Zh) => return format!("…… 另有 {n} 处").into(),
            (ConflictMore(n), En) => return format!("… and {n} more").into(),
            (NoConflicts, Zh) => "没有发现冲突。",
            (NoConflicts, En) => "No conflicts found.",
            (ConflictColumn(c), _) => return self.conflict_column(c).into(),
            (NoPeriod, Zh) => "时期不详",
            (NoPeriod, En) => "period not given",
            (text, _) => unreachable!("{text:?} is said in another part of the page"),
        };
        Cow::Borrowed(s)
    }

    fn summary_column(self, c: SumCol) -> &'static str {
        let zh = self == Lang::Zh;
        match c {
            SumCol::Label => {
                if zh {
                    "指标"
                } else {
                    "Metric"
                }
            }
            SumCol::Unit => {
                if zh {
                    "单位"
                } else {
                    "Unit"
                }
            }
            SumCol::Count => {
                if zh {
                    "个数"
                } else {
                    "Count"
                }
            }
            SumCol::Files => {
                if zh {
                    "文件数"
                } else {
                    "Files"
                }
            }
            SumCol::Sum => {
                if zh {
                    "合计"
                } else {
                    "Sum"
                }
            }
            SumCol::Min => {
                if zh {
                    "最小"
                } else {
                    "Min"
                }
            }
            SumCol::Max => {
                if zh {
                    "最大"
                } else {
                    "Max"
                }
            }
            SumCol::Period => {
                if zh {
                    "最近时期"
                } else {
                    "Latest period"
                }
            }
        }
    }

    fn kwic_column(self, c: KwicCol) -> &'static str {
        let zh = self == Lang::Zh;
        match c {
            KwicCol::File => {
                if zh {
                    "文件"
                } else {
                    "File"
                }
            }
            KwicCol::Left => {
                if zh {
                    "左侧"
                } else {
                    "Left"
                }
            }
            KwicCol::Hit => {
                if zh {
                    "检索词"
                } else {
                    "Hit"
                }
            }
            KwicCol::Right => {
                if zh {
                    "右侧"
                } else {
                    "Right"
                }
            }
        }
    }

    fn words_column(self, c: WordCol) -> &'static str {
        let zh = self == Lang::Zh;
        match c {
            WordCol::Rank => "#",
            WordCol::Word => {
                if zh {
                    "词"
                } else {
                    "Word"
                }
            }
            WordCol::Pos => {
                if zh {
                    "词性"
                } else {
                    "Part of speech"
                }
            }
            WordCol::Count => {
                if zh {
                    "次数"
                } else {
                    "Count"
                }
            }
            WordCol::Share => {
                if zh {
                    "占比"
                } else {
                    "Share"
                }
            }
        }
    }

    fn conflict_column(self, c: ConflictCol) -> &'static str {
        let zh = self == Lang::Zh;
        match c {
            ConflictCol::Value => {
                if zh {
                    "数值"
                } else {
                    "Value"
                }
            }
            ConflictCol::File => {
                if zh {
                    "文件"
                } else {
                    "File"
                }
            }
            ConflictCol::Sentence => {
                if zh {
                    "句子"
                } else {
                    "Sentence"
                }
            }
        }
    }

    /// A part of speech by the first letter of its jieba tag (`None`: every word).
    fn pos(self, p: Option<char>) -> &'static str {
        let zh = self == Lang::Zh;
        match p {
            None => {
                if zh {
                    "全部"
                } else {
                    "All"
                }
            }
            Some('n') => {
                if zh {
                    "名词"
                } else {
                    "Nouns"
                }
            }
            Some('v') => {
                if zh {
                    "动词"
                } else {
                    "Verbs"
                }
            }
            Some('a') => {
                if zh {
                    "形容词"
                } else {
                    "Adjectives"
                }
            }
            Some('m') => {
                if zh {
                    "数词"
                } else {
                    "Numerals"
                }
            }
            Some('q') => {
                if zh {
                    "量词"
                } else {
                    "Measure words"
                }
            }
            Some('t') => {
                if zh {
                    "时间词"
                } else {
                    "Time words"
                }
            }
            Some('d') => {
                if zh {
                    "副词"
                } else {
                    "Adverbs"
                }
            }
            Some(_) => {
                if zh {
                    "其他"
                } else {
                    "Other"
                }
            }
        }
    }
}
