//! Every word the page shows, in Chinese and in English: one [`Text`] for each, put into
//! words by [`Lang::t`]. The figure texts, labels and subjects stay as the article wrote them.

use crate::failure::Failure;
use shudu_core::decode::DecodeError;
use shudu_core::{Approx, Change, Kind};
use std::borrow::Cow;

/// The page's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Where the choice is kept between visits.
const STORE_KEY: &str = "shudu-lang";

impl Lang {
    /// The `<html lang>` value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh-CN" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language chosen on an earlier visit, else Chinese.
    pub fn stored() -> Lang {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(STORE_KEY).ok().flatten())
            .and_then(|c| Lang::from_code(&c))
            .unwrap_or_default()
    }

    /// Keep the choice, and tell the document (`<html lang>`, the title).
    pub fn apply(self) {
        let Some(window) = web_sys::window() else { return };
        if let Some(store) = window.local_storage().ok().flatten() {
            let _ = store.set_item(STORE_KEY, self.code());
        }
        if let Some(doc) = window.document() {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", self.code());
            }
            doc.set_title(&self.t(Text::Title));
        }
    }

    /// `n` with thousands separators.
    fn n(n: usize) -> String {
        crate::labels::grouped(n)
    }

    /// The words for `text` in this language.
    pub fn t(self, text: Text) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use Text::*;
        let s: &'static str = match (text, self) {
            (Title, Zh) => "数读 Shudu — 中文文章数字提取",
            (Title, En) => "Shudu — figures from Chinese articles",
            (AppName, _) => "数读 Shudu",
            (Tagline, Zh) => {
                "把中文文章里的每一个数字读出来：金额、比例、数量、计量、时长、日期、排名。全部在本机浏览器中完成，文字不会离开你的电脑。"
            }
            (Tagline, En) => {
                "Reads every figure in Chinese articles: money, percentages, counts, quantities, durations, dates, ranks. All in this browser: no text leaves your computer."
            }
            (Footer, Zh) => "数读 Shudu · Rust + WebAssembly · jieba-rs 分词 · 离线可用，不上传任何数据",
            (Footer, En) => "Shudu · Rust + WebAssembly · jieba-rs segmentation · works offline, uploads nothing",
            (Notices, Zh) => "MIT 许可 · 第三方许可",
            (Notices, En) => "MIT licence · third-party notices",
            (SwitchTo, Zh) => "English",
            (SwitchTo, En) => "中文",
            (SwitchLabel, Zh) => "Switch the page to English",
            (SwitchLabel, En) => "切换到中文",
            (SkipToResults, Zh) => "跳到结果",
            (SkipToResults, En) => "Skip to the results",
            (EditorHeading, Zh) => "文章与文件",
            (EditorHeading, En) => "Articles and files",
            (Input, Zh) => "在此粘贴一篇中文文章…",
            (Input, En) => "Paste a Chinese article here…",
            (InputLabel, Zh) => "文章文本",
            (InputLabel, En) => "Article text",
            (Samples, Zh) => "样例文章",
            (Samples, En) => "Sample articles",
            (Sample(k), Zh) => return format!("样例 {}", k + 1).into(),
            (Sample(k), En) => return format!("Sample {}", k + 1).into(),
            (LongText(chars), Zh) => {
                return format!("长文本 {} 字：全文都会分析，这里只显示开头", Lang::n(chars)).into();
            }
            (LongText(chars), En) => {
                return format!(
                    "A long text of {} characters: all of it is analysed, its start is shown",
                    Lang::n(chars)
                )
                .into();
            }
            (ClearText, Zh) => "清空",
            (ClearText, En) => "Clear",
            (Keywords, Zh) => "关键词",
            (Keywords, En) => "Key words",
            (Files, Zh) => "批量文件",
            (Files, En) => "Files",
            (DropHint, Zh) => {
                "把文件或整个文件夹拖到这里 — .txt / .html / .docx / .doc / .pdf，UTF-8、GBK/GB18030、Big5、UTF-16 均可；再次拖入会加入本次会话"
            }
            (DropHint, En) => {
                "Drop files or whole folders here — .txt / .html / .docx / .doc / .pdf in UTF-8, GBK/GB18030, Big5 or UTF-16; another drop adds to the session"
            }
            (PickFiles, Zh) => "选择文件…",
            (PickFiles, En) => "Choose files…",
            (PickFolder, Zh) => "选择文件夹…",
            (PickFolder, En) => "Choose a folder…",
            (Workers(n), Zh) => return format!("{n} 个后台线程并行分析").into(),
            (Workers(n), En) => return format!("{n} background workers").into(),
            (Cancel, Zh) => "取消",
            (Cancel, En) => "Cancel",
            (ClearFiles, Zh) => "清除全部文件",
            (ClearFiles, En) => "Remove all files",
            (Remove, Zh) => "移除",
            (Remove, En) => "Remove",
            (RemoveFile(_), Zh) => "移除这个文件",
            (RemoveFile(_), En) => "Remove this file",
            (Progress { done, total, figures, failed }, Zh) => {
                return format!("{done} / {total} 个文件 · {} 个数字 · {failed} 个失败", Lang::n(figures)).into();
            }
            (Progress { done, total, figures, failed }, En) => {
                return format!("{done} / {total} files · {} figures · {failed} failed", Lang::n(figures)).into();
            }
            (TimeLeft(s), Zh) => return format!("约剩 {s:.1} 秒").into(),
            (TimeLeft(s), En) => return format!("about {s:.1} s left").into(),
            (BatchCancelled, Zh) => "已取消",
            (BatchCancelled, En) => "cancelled",
            (BatchDone(s), Zh) => return format!("用时 {s:.2} 秒").into(),
            (BatchDone(s), En) => return format!("done in {s:.2} s").into(),
            (BatchRunning, Zh) => "分析中",
            (BatchRunning, En) => "analysing",
            (Replaced(n), Zh) => return format!("{n} 个同名文件已被新文件替换").into(),
            (Replaced(n), En) => return format!("{n} files of the same name were replaced by the new ones").into(),
            (FileHead(c), _) => return self.file_head(c).into(),
            (FilterStatus(s), _) => return self.status_word(s).into(),
            (FilesShown(shown, all), Zh) => return format!("显示 {shown} / {all} 个文件").into(),
            (FilesShown(shown, all), En) => return format!("{shown} of {all} files shown").into(),
            (FileStatusFilter, Zh) => "按状态筛选文件",
            (FileStatusFilter, En) => "Filter the files by status",
            (StatusLoading, Zh) => "正在加载词典…",
            (StatusLoading, En) => "Loading the dictionary…",
            (StatusReady, Zh) => "就绪 — 粘贴文章、选择样例或拖入文件",
            (StatusReady, En) => "Ready — paste an article, pick a sample or drop files",
            (StatusAnalysing, Zh) => "分析中…",
            (StatusAnalysing, En) => "Analysing…",
            (StatusPieces(back, of), Zh) => return format!("分析中… {} / {} 段", Lang::n(back), Lang::n(of)).into(),
            (StatusPieces(back, of), En) => {
                return format!("Analysing… {} of {} pieces", Lang::n(back), Lang::n(of)).into();
            }
            (StatusAnalysed { chars, tokens, figures, ms }, Zh) => {
                return format!(
                    "已分析 {} 字 · {} 词 · {} 个数字 · {ms:.0} ms",
                    Lang::n(chars),
                    Lang::n(tokens),
                    Lang::n(figures)
                )
                .into();
            }
            (StatusAnalysed { chars, tokens, figures, ms }, En) => {
                return format!(
                    "Analysed {} characters · {} words · {} figures · {ms:.0} ms",
                    Lang::n(chars),
                    Lang::n(tokens),
                    Lang::n(figures)
                )
                .into();
            }
            (StatusBatch { files, figures, failed, secs }, Zh) => {
                return format!(
                    "上一批：{} 个文件 · {} 个数字 · {failed} 个失败 · {secs:.2} 秒",
                    Lang::n(files),
                    Lang::n(figures)
                )
                .into();
            }
            (StatusBatch { files, figures, failed, secs }, En) => {
                return format!(
                    "Last batch: {} files · {} figures · {failed} failed · {secs:.2} s",
                    Lang::n(files),
                    Lang::n(figures)
                )
                .into();
            }
            (StatusBatchRunning { done, total }, Zh) => return format!("正在分析文件 {done} / {total}").into(),
            (StatusBatchRunning { done, total }, En) => return format!("Analysing files: {done} of {total}").into(),
            (CannotAnalyse, Zh) => "无法分析 — ",
            (CannotAnalyse, En) => "Cannot analyse — ",
            (Reload, Zh) => "。请刷新页面重试",
            (Reload, En) => ". Reload the page to try again",
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
            (Failed(f), _) => return self.failure(&f).into(),
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

    fn file_head(self, c: FileCol) -> &'static str {
        let zh = self == Lang::Zh;
        match c {
            FileCol::No => "#",
            FileCol::Name => {
                if zh {
                    "文件"
                } else {
                    "File"
                }
            }
            FileCol::Size => {
                if zh {
                    "大小"
                } else {
                    "Size"
                }
            }
            FileCol::Encoding => {
                if zh {
                    "编码"
                } else {
                    "Encoding"
                }
            }
            FileCol::Figures => {
                if zh {
                    "数字"
                } else {
                    "Figures"
                }
            }
            FileCol::Status => {
                if zh {
                    "状态"
                } else {
                    "Status"
                }
            }
            FileCol::Remove => {
                if zh {
                    "操作"
                } else {
                    "Action"
                }
            }
        }
    }

    /// A file's status (or a filter by status: `None` is every file).
    fn status_word(self, s: Option<StatusWord>) -> &'static str {
        let zh = self == Lang::Zh;
        match s {
            None => {
                if zh {
                    "全部"
                } else {
                    "All"
                }
            }
            Some(StatusWord::Queued) => {
                if zh {
                    "排队"
                } else {
                    "Queued"
                }
            }
            Some(StatusWord::Done) => {
                if zh {
                    "完成"
                } else {
                    "Done"
                }
            }
            Some(StatusWord::Failed) => {
                if zh {
                    "失败"
                } else {
                    "Failed"
                }
            }
            Some(StatusWord::Cancelled) => {
                if zh {
                    "已取消"
                } else {
                    "Cancelled"
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

    /// What went wrong, in this language (the one place a [`Failure`] becomes words).
    pub fn failure(self, f: &Failure) -> String {
        let zh = self == Lang::Zh;
        match f {
            Failure::WorkerStart(why) if zh => format!("无法启动分析线程：{why}"),
            Failure::WorkerStart(why) => format!("cannot start the analysis worker: {why}"),
            Failure::WorkerLoad(why) if zh => format!("分析线程启动失败：{why}"),
            Failure::WorkerLoad(why) => format!("the analysis worker failed to start: {why}"),
            Failure::WorkerError(Some(m)) if zh => format!("分析线程出错：{m}"),
            Failure::WorkerError(Some(m)) => format!("the analysis worker failed: {m}"),
            Failure::WorkerError(None) if zh => "分析线程出错：无法加载它的脚本".into(),
            Failure::WorkerError(None) => "the analysis worker failed: its script could not be loaded".into(),
            Failure::DictionaryLoad(why) if zh => format!("无法加载词典 (jieba-dict.txt)：{why}"),
            Failure::DictionaryLoad(why) => format!("cannot load the dictionary (jieba-dict.txt): {why}"),
            Failure::Dictionary(why) if zh => format!("词典无法读取：{why}"),
            Failure::Dictionary(why) => format!("the dictionary cannot be read: {why}"),
            Failure::Message(why) if zh => format!("页面与分析线程之间的消息已损坏：{why}"),
            Failure::Message(why) => format!("a message between the page and a worker is damaged: {why}"),
            Failure::Decode(why) if zh => why.zh(),
            Failure::Decode(why) => why.to_string(),
            Failure::Empty if zh => "空文件".into(),
            Failure::Empty => DecodeError::Empty.to_string(),
            Failure::Binary if zh => "二进制文件，不是文本".into(),
            Failure::Binary => DecodeError::Binary.to_string(),
            Failure::UnknownEncoding if zh => "无法识别文字编码：请另存为 UTF-8 后重试".into(),
            Failure::UnknownEncoding => DecodeError::UnknownEncoding.to_string(),
            Failure::TooLarge { size, limit } if zh => format!(
                "文件太大（{}，上限 {}）",
                shudu_core::decode::human_size(*size as usize),
                shudu_core::decode::human_size(*limit as usize)
            ),
            Failure::TooLarge { size, limit } => {
                DecodeError::TooLarge { size: *size as usize, limit: *limit as usize }.to_string()
            }
            Failure::Unreadable if zh => "无法读取文件（可能已被移动或删除）".into(),
            Failure::Unreadable => "cannot read the file (it may have been moved or deleted)".into(),
            Failure::FileCrashed(why) if zh => format!("分析出错，已跳过：{why}"),
            Failure::FileCrashed(why) => format!("the engine failed on this file, skipped: {why}"),
            Failure::FileStuck if zh => "分析未能完成，已跳过（文件可能已损坏）".into(),
            Failure::FileStuck => "the analysis did not finish, skipped (the file may be malformed)".into(),
            Failure::TextCrashed(why) if zh => format!("分析出错：{why}"),
            Failure::TextCrashed(why) => format!("the engine failed on part of this text: {why}"),
            Failure::TextStuck if zh => "这段文本的一部分未能分析完成".into(),
            Failure::TextStuck => "the analysis of part of this text did not finish".into(),
        }
    }
}

/// Columns of the figures table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    File,
    Text,
    Kind,
    Value,
    Unit,
    Approx,
    Change,
    Label,
    Subject,
    Period,
    Context,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SumCol {
    Label,
    Unit,
    Count,
    Files,
    Sum,
    Min,
    Max,
    Period,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KwicCol {
    File,
    Left,
    Hit,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordCol {
    Rank,
    Word,
    Pos,
    Count,
    Share,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictCol {
    Value,
    File,
    Sentence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileCol {
    No,
    Name,
    Size,
    Encoding,
    Figures,
    Status,
    Remove,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StatusWord {
    Queued,
    Done,
    Failed,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewName {
    Figures,
    Summary,
    Chart,
    Concordance,
    Words,
    Conflicts,
}

/// Everything the page says.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Title,
    AppName,
    Tagline,
    Footer,
    Notices,
    SwitchTo,
    SwitchLabel,
    SkipToResults,
    EditorHeading,
    Input,
    InputLabel,
    Samples,
    Sample(usize),
    LongText(usize),
    ClearText,
    Keywords,
    Files,
    DropHint,
    PickFiles,
    PickFolder,
    Workers(usize),
    Cancel,
    ClearFiles,
    Remove,
    RemoveFile(usize),
    Progress { done: usize, total: usize, figures: usize, failed: usize },
    TimeLeft(f64),
    BatchCancelled,
    BatchDone(f64),
    BatchRunning,
    Replaced(usize),
    FileHead(FileCol),
    FilterStatus(Option<StatusWord>),
    FilesShown(usize, usize),
    FileStatusFilter,
    StatusLoading,
    StatusReady,
    StatusAnalysing,
    StatusPieces(usize, usize),
    StatusAnalysed { chars: usize, tokens: usize, figures: usize, ms: f64 },
    StatusBatch { files: usize, figures: usize, failed: usize, secs: f64 },
    StatusBatchRunning { done: usize, total: usize },
    CannotAnalyse,
    Reload,
    Results,
    Tab(ViewName),
    FiguresHeading,
    ExportCsv,
    ExportJson,
    ExportXlsx,
    All,
    KindName(Kind),
    KindFilter,
    FilterPlaceholder,
    FilterLabel,
    Column(Col),
    SortHint,
    RowsCount(usize),
    RowsOf(usize, usize),
    NoResults,
    NoMatch,
    MetricFilter,
    ClearMetric,
    Pasted,
    ArticleHeading,
    ExportArticle,
    Segmenting,
    TokensShown { first: usize, last: usize, total: usize },
    Stretch { chars: usize, from: usize, to: usize },
    SummaryHeading,
    SummaryHint,
    SummaryColumn(SumCol),
    NoSummary,
    ChartHeading,
    ChartMetric,
    ChartBy,
    ByFile,
    ByPeriod,
    ChartMean,
    ChartFigures(usize),
    KindsPerFile,
    NoChart,
    ConcordanceHeading,
    ConcordanceInput,
    SortLeft,
    SortRight,
    SortPlace,
    Hits(usize, usize),
    KwicColumn(KwicCol),
    WordsHeading,
    WordsPos,
    Pos(Option<char>),
    WordsColumn(WordCol),
    WordsCount(usize, usize),
    ConflictsHeading,
    ConflictsHint,
    NoConflicts,
    ConflictsFound(usize),
    ConflictsShown(usize),
    ConflictMore(usize),
    ConflictColumn(ConflictCol),
    NoPeriod,
    Failed(Failure),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_head_and_kind_differs_between_the_languages() {
        let cols = [Col::File, Col::Text, Col::Kind, Col::Value, Col::Unit, Col::Approx, Col::Change, Col::Label];
        for c in cols {
            assert_ne!(Lang::Zh.t(Text::Column(c)), Lang::En.t(Text::Column(c)), "{c:?}");
        }
        for k in Kind::ALL {
            assert_ne!(Lang::Zh.t(Text::KindName(k)), Lang::En.t(Text::KindName(k)));
        }
        let mut zh: Vec<String> = Kind::ALL.iter().map(|k| Lang::Zh.t(Text::KindName(*k)).into()).collect();
        zh.sort();
        zh.dedup();
        assert_eq!(zh.len(), Kind::ALL.len(), "every kind has its own name");
    }

    #[test]
    fn errors_are_said_in_the_chosen_language_with_their_reason() {
        let f = Failure::DictionaryLoad("HTTP 404".into());
        assert_eq!(Lang::En.failure(&f), "cannot load the dictionary (jieba-dict.txt): HTTP 404");
        assert!(Lang::Zh.failure(&f).contains("无法加载词典") && Lang::Zh.failure(&f).contains("HTTP 404"));
        let big = Failure::TooLarge { size: 60 << 20, limit: 50 << 20 };
        assert!(Lang::En.failure(&big).contains("too large") && Lang::Zh.failure(&big).contains("太大"));
        assert!(Lang::Zh.failure(&Failure::Binary).chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        assert!(Lang::En.failure(&Failure::Binary).is_ascii());
    }

    #[test]
    fn counts_read_in_either_language() {
        assert_eq!(Lang::En.t(Text::RowsCount(2228)), "2,228 figures");
        assert_eq!(Lang::Zh.t(Text::RowsCount(2228)), "2,228 个数字");
        assert_eq!(Lang::Zh.code(), "zh-CN");
        assert_eq!(Lang::En.other(), Lang::Zh);
    }
}
