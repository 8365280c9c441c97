use super::*;
use crate::failure::Failure;
use shudu_core::Kind;

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
    let many = Failure::TooManyFigures(2_000_000);
    assert_eq!(Lang::En.failure(&many), "too many figures, skipped: a session keeps at most 2,000,000");
    assert_eq!(Lang::Zh.failure(&many), "数字太多，已跳过：一次会话最多保留 2,000,000 个数字");
}

#[test]
fn counts_read_in_either_language() {
    assert_eq!(Lang::En.t(Text::RowsCount(2228)), "2,228 figures");
    assert_eq!(Lang::Zh.t(Text::RowsCount(2228)), "2,228 个数字");
    assert_eq!(Lang::Zh.code(), "zh-CN");
    assert_eq!(Lang::En.other(), Lang::Zh);
}

/// `t` hands each text to the part of the page that keeps it; a text sent to the wrong part
/// would panic, so every one is said here in both languages.
#[test]
fn every_text_is_said_by_its_part_in_both_languages() {
    use Text::*;
    let texts = [
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
        Sample(0),
        LongText(1),
        ClearText,
        Keywords,
        Files,
        DropHint,
        PickFiles,
        PickFolder,
        Workers(2),
        Cancel,
        ClearFiles,
        Remove,
        RemoveFile(0),
        Progress { done: 1, total: 2, figures: 3, failed: 0 },
        TimeLeft(1.0),
        BatchCancelled,
        BatchDone(1.0),
        BatchRunning,
        Replaced(1),
        FileHead(FileCol::Name),
        FilterStatus(Some(StatusWord::Done)),
        FilesShown(1, 2),
        FileStatusFilter,
        StatusLoading,
        StatusReady,
        StatusAnalysing,
        StatusPieces(1, 2),
        StatusAnalysed { chars: 1, tokens: 1, figures: 1, ms: 1.0 },
        StatusBatch { files: 1, figures: 1, failed: 0, secs: 1.0 },
        StatusBatchRunning { done: 1, total: 2 },
        CannotAnalyse,
        Reload,
        Results,
        Tab(ViewName::Chart),
        FiguresHeading,
        ExportCsv,
        ExportJson,
        ExportXlsx,
        All,
        KindName(Kind::Money),
        KindFilter,
        FilterPlaceholder,
        FilterLabel,
        Column(Col::Period),
        SortHint,
        RowsCount(1),
        RowsOf(1, 2),
        NoResults,
        NoMatch,
        MetricFilter,
        ClearMetric,
        Pasted,
        ArticleHeading,
        ExportArticle,
        Segmenting,
        TokensShown { first: 1, last: 2, total: 3 },
        Stretch { chars: 10, from: 1, to: 2 },
        SummaryHeading,
        SummaryHint,
        SummaryColumn(SumCol::Sum),
        NoSummary,
        ChartHeading,
        ChartMetric,
        ChartBy,
        ByFile,
        ByPeriod,
        ChartMean,
        ChartFigures(1),
        KindsPerFile,
        NoChart,
        ConcordanceHeading,
        ConcordanceInput,
        SortLeft,
        SortRight,
        SortPlace,
        Hits(1, 2),
        KwicColumn(KwicCol::Hit),
        WordsHeading,
        WordsPos,
        Pos(Some('n')),
        WordsColumn(WordCol::Share),
        WordsCount(1, 2),
        ConflictsHeading,
        ConflictsHint,
        NoConflicts,
        ConflictsFound(1),
        ConflictsShown(1),
        ConflictMore(1),
        ConflictColumn(ConflictCol::Value),
        NoPeriod,
        Failed(Failure::Binary),
    ];
    for text in texts {
        for lang in [Lang::Zh, Lang::En] {
            assert!(!lang.t(text.clone()).is_empty(), "{text:?} in {lang:?}");
        }
    }
}

/// `testdata/periods.txt`: each period the engine writes, as the table shows it in each language.
#[test]
fn periods_read_in_the_chosen_language() {
    for line in include_str!("../../testdata/periods.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [iso, zh, en] = cols[..] else { panic!("period<TAB>zh<TAB>en: {line}") };
        assert_eq!(Lang::Zh.period(iso), zh, "{iso}");
        assert_eq!(Lang::En.period(iso), en, "{iso}");
    }
}
