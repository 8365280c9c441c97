//! The words around the work: title, header and footer, the editor, the status line.

use super::{Lang, Text};
use std::borrow::Cow;

impl Lang {
    /// The words of the header, the footer, the editor and the status line.
    pub(super) fn page_text(self, text: Text) -> Cow<'static, str> {
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
            (text, _) => unreachable!("{text:?} is said in another part of the page"),
        };
        Cow::Borrowed(s)
    }
}
