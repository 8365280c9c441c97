//! Every word the page shows, in Chinese and in English: one [`Text`] for each, put into
//! words by [`Lang::t`]. The figure texts, labels and subjects stay as the article wrote them.
//!
//! The words are kept by part of the page: [`page`] (header, editor, status line), [`files`],
//! [`results`] (tabs, figures table, article), [`views`] (the other workbench views) and
//! [`errors`]; [`text`] lists every [`Text`] and [`columns`] the columns and views it names.

mod columns;
mod errors;
mod files;
mod page;
mod period;
mod results;
mod text;
mod views;

pub use columns::{Col, ConflictCol, FileCol, KwicCol, StatusWord, SumCol, ViewName, WordCol};
pub use text::Text;

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

    /// The words for `text` in this language: each part of the page keeps its own words.
    pub fn t(self, text: Text) -> Cow<'static, str> {
        use Text::*;
        match text {
            Title
            | AppName
            | Tagline
            | Footer
            | Notices
            | SwitchTo
            | SwitchLabel
            | SkipToResults
            | EditorHeading
            | Input
            | InputLabel
            | Samples
            | Sample(..)
            | LongText(..)
            | ClearText
            | Keywords
            | StatusLoading
            | StatusReady
            | StatusAnalysing
            | StatusPieces(..)
            | StatusAnalysed { .. }
            | StatusBatch { .. }
            | StatusBatchRunning { .. }
            | CannotAnalyse
            | Reload => self.page_text(text),
            Files
            | DropHint
            | PickFiles
            | PickFolder
            | Workers(..)
            | Cancel
            | ClearFiles
            | Remove
            | RemoveFile(..)
            | Progress { .. }
            | TimeLeft(..)
            | BatchCancelled
            | BatchDone(..)
            | BatchRunning
            | Replaced(..)
            | FileHead(..)
            | FilterStatus(..)
            | FilesShown(..)
            | FileStatusFilter => self.files_text(text),
            Results
            | Tab(..)
            | FiguresHeading
            | ExportCsv
            | ExportJson
            | ExportXlsx
            | All
            | KindName(..)
            | KindFilter
            | FilterPlaceholder
            | FilterLabel
            | Column(..)
            | SortHint
            | RowsCount(..)
            | RowsOf(..)
            | NoResults
            | NoMatch
            | MetricFilter
            | ClearMetric
            | Pasted
            | ArticleHeading
            | ExportArticle
            | Segmenting
            | TokensShown { .. }
            | Stretch { .. } => self.results_text(text),
            SummaryHeading | SummaryHint | SummaryColumn(..) | NoSummary | ChartHeading | ChartMetric | ChartBy
            | ByFile | ByPeriod | ChartMean | ChartFigures(..) | KindsPerFile | NoChart | ConcordanceHeading
            | ConcordanceInput | SortLeft | SortRight | SortPlace | Hits(..) | KwicColumn(..) | WordsHeading
            | WordsPos | Pos(..) | WordsColumn(..) | WordsCount(..) | ConflictsHeading | ConflictsHint
            | NoConflicts | ConflictsFound(..) | ConflictsShown(..) | ConflictMore(..) | ConflictColumn(..)
            | NoPeriod => self.views_text(text),
            Failed(f) => self.failure(&f).into(),
        }
    }
}

#[cfg(test)]
mod tests;
