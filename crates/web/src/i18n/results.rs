//! The words of the results: the tabs, the figures table and the article beside it.

use super::{Col, Lang, Text, ViewName};
use shudu_core::{Approx, Change, Kind};
use std::borrow::Cow;

impl Lang {
    /// The words of the tabs, the figures table and the article.
    pub(super) fn results_text(self, text: Text) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use Text::*;
        let s: &'static str = match (text, self) {
            (Results, Zh) => "结果",
            (Results, En) => "Results",
            (Tab(v), _) => return self.view_name(v).into(),
            (FiguresHeading, Zh) => "数字",
            (FiguresHeading, En) => "Figures",
            (ExportCsv, Zh) => "导出 CSV",
            (ExportCsv, En) => "Export CSV",
            (ExportJson, _) => "JSON",
            (ExportXlsx, _) => "Excel",
            (All, Zh) => "全部",
            (All, En) => "All",
            (KindName(k), _) => return self.kind(k).into(),
            (KindFilter, Zh) => "按类型筛选",
            (KindFilter, En) => "Filter by kind",
            (FilterPlaceholder, Zh) => "筛选：文字、指标、主体、时期、句子、文件、数值…",
            (FilterPlaceholder, En) => "Filter: text, metric, subject, period, sentence, file, value…",
            (FilterLabel, Zh) => "筛选数字",
            (FilterLabel, En) => "Filter the figures",
            (Column(c), _) => return self.column(c).into(),
            (SortHint, Zh) => "点击或按回车排序",
            (SortHint, En) => "Click or press Enter to sort",
            (RowsCount(n), Zh) => return format!("{} 个数字", Lang::n(n)).into(),
            (RowsCount(n), En) => return format!("{} figures", Lang::n(n)).into(),
            (RowsOf(shown, all), Zh) => return format!("{} / {} 个数字", Lang::n(shown), Lang::n(all)).into(),
            (RowsOf(shown, all), En) => return format!("{} of {} figures", Lang::n(shown), Lang::n(all)).into(),
            (NoResults, Zh) => "还没有结果。粘贴文章、点击样例，或拖入文件。",
            (NoResults, En) => "No results yet. Paste an article, click a sample, or drop files.",
            (NoMatch, Zh) => "没有符合条件的数字。",
            (NoMatch, En) => "No figure matches.",
            (MetricFilter, Zh) => "指标：",
            (MetricFilter, En) => "Metric: ",
            (ClearMetric, Zh) => "取消指标筛选",
            (ClearMetric, En) => "Show every metric",
            (Pasted, Zh) => "（粘贴的文本）",
            (Pasted, En) => "(pasted text)",
            (ArticleHeading, Zh) => "原文与分词",
            (ArticleHeading, En) => "Article",
            (ExportArticle, Zh) => "导出本文 CSV",
            (ExportArticle, En) => "Export this article (CSV)",
            (Segmenting, Zh) => "正在分词…",
            (Segmenting, En) => "Segmenting…",
            (TokensShown { first, last, total }, Zh) => {
                return format!("（显示第 {first}–{last} 个词，共 {total} 个；点击表中的数字可跳到它所在的位置）")
                    .into();
            }
            (TokensShown { first, last, total }, En) => {
                return format!("(words {first}–{last} of {total} shown; click a figure in the table to go to it)")
                    .into();
            }
            (Stretch { chars, from, to }, Zh) => {
                return format!("长文本共 {} 字，这里是第 {}–{} 字的分词", Lang::n(chars), Lang::n(from), Lang::n(to))
                    .into();
            }
            (Stretch { chars, from, to }, En) => {
                return format!(
                    "A long text of {} characters: characters {}–{} around the figure",
                    Lang::n(chars),
                    Lang::n(from),
                    Lang::n(to)
                )
                .into();
            }
            (text, _) => unreachable!("{text:?} is said in another part of the page"),
        };
        Cow::Borrowed(s)
    }

    fn kind(self, k: Kind) -> &'static str {
        match (k, self) {
            (Kind::Money, Lang::Zh) => "金额",
            (Kind::Percent, Lang::Zh) => "比例",
            (Kind::Count, Lang::Zh) => "数量",
            (Kind::Quantity, Lang::Zh) => "计量",
            (Kind::Duration, Lang::Zh) => "时长",
            (Kind::Date, Lang::Zh) => "日期",
            (Kind::Rank, Lang::Zh) => "排名",
            (Kind::Money, Lang::En) => "money",
            (Kind::Percent, Lang::En) => "percent",
            (Kind::Count, Lang::En) => "count",
            (Kind::Quantity, Lang::En) => "quantity",
            (Kind::Duration, Lang::En) => "duration",
            (Kind::Date, Lang::En) => "date",
            (Kind::Rank, Lang::En) => "rank",
        }
    }

    /// A figure's qualifier (`以上` over …).
    pub fn approx(self, a: Option<Approx>) -> &'static str {
        match (a, self) {
            (Some(Approx::Over), Lang::Zh) => "以上",
            (Some(Approx::Under), Lang::Zh) => "不足",
            (Some(Approx::About), Lang::Zh) => "约",
            (Some(Approx::Over), Lang::En) => "over",
            (Some(Approx::Under), Lang::En) => "under",
            (Some(Approx::About), Lang::En) => "about",
            (None, _) => "",
        }
    }

    /// A change's direction.
    pub fn change(self, c: Option<Change>) -> &'static str {
        match (c, self) {
            (Some(Change::Up), Lang::Zh) => "↑ 增",
            (Some(Change::Down), Lang::Zh) => "↓ 减",
            (Some(Change::Up), Lang::En) => "↑ up",
            (Some(Change::Down), Lang::En) => "↓ down",
            (None, _) => "",
        }
    }

    fn column(self, c: Col) -> &'static str {
        let zh = self == Lang::Zh;
        match c {
            Col::File => {
                if zh {
                    "文件"
                } else {
                    "File"
                }
            }
            Col::Text => {
                if zh {
                    "原文"
                } else {
                    "Text"
                }
            }
            Col::Kind => {
                if zh {
                    "类型"
                } else {
                    "Kind"
                }
            }
            Col::Value => {
                if zh {
                    "标准值"
                } else {
                    "Value"
                }
            }
            Col::Unit => {
                if zh {
                    "单位"
                } else {
                    "Unit"
                }
            }
            Col::Approx => {
                if zh {
                    "限定"
                } else {
                    "Qualifier"
                }
            }
            Col::Change => {
                if zh {
                    "变化"
                } else {
                    "Change"
                }
            }
            Col::Label => {
                if zh {
                    "指标"
                } else {
                    "Metric"
                }
            }
            Col::Subject => {
                if zh {
                    "主体"
                } else {
                    "Subject"
                }
            }
            Col::Period => {
                if zh {
                    "时期"
                } else {
                    "Period"
                }
            }
            Col::Context => {
                if zh {
                    "句子"
                } else {
                    "Sentence"
                }
            }
        }
    }

    fn view_name(self, v: ViewName) -> &'static str {
        let zh = self == Lang::Zh;
        match v {
            ViewName::Figures => {
                if zh {
                    "数字"
                } else {
                    "Figures"
                }
            }
            ViewName::Summary => {
                if zh {
                    "汇总"
                } else {
                    "Summary"
                }
            }
            ViewName::Chart => {
                if zh {
                    "图表"
                } else {
                    "Chart"
                }
            }
            ViewName::Concordance => {
                if zh {
                    "索引"
                } else {
                    "Concordance"
                }
            }
            ViewName::Words => {
                if zh {
                    "词表"
                } else {
                    "Word list"
                }
            }
            ViewName::Conflicts => {
                if zh {
                    "冲突"
                } else {
                    "Conflicts"
                }
            }
        }
    }
}
