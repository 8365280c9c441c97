//! The reducer: what each action changes, and what it leaves alone.

use super::*;
use crate::failure::Failure;
use shudu_core::Stats;

fn long_report(chars: usize) -> Report {
    Report { stats: Stats { chars, ..Stats::default() }, ..Report::default() }
}

fn window(doc: DocRef, of: &DocText, (start, end): (usize, usize), id: u32) -> Window {
    Window { doc, of: of.clone(), start, end, text: DocText::from("…"), id, report: None }
}

fn pasted(text: &DocText) -> Rc<State> {
    let state = Rc::new(State { engine: Engine::Ready, ..State::default() });
    let state = state.reduce(Action::Edit { text: text.clone(), id: 1 });
    state.reduce(Action::Worker(Response::Analyzed { id: 1, report: long_report(text.chars()) }))
}

#[test]
fn a_stretch_serves_figures_well_inside_it_or_at_the_texts_ends() {
    let a = DocText::from("长".repeat(20_000).as_str());
    let state = pasted(&a).reduce(Action::Window(window(DocRef::Pasted, &a, (7_000, 13_000), 2)));
    let held = |s: usize, e: usize| matches!(state.stretch(DocRef::Pasted, &a, s, e, 500), Stretch::Held(_));
    assert!(held(10_000, 10_004) && held(7_500, 7_504) && held(12_490, 12_500));
    assert!(!held(7_000, 7_004), "at its very start: not enough text before the figure");
    assert!(!held(12_600, 12_604) && !held(3_000, 3_004) && !held(14_000, 14_004));
    assert_eq!(state.stretch(DocRef::File(0), &a, 10_000, 10_004, 500), Stretch::Wanted, "another document");
    assert_eq!(
        state.stretch(DocRef::Pasted, &DocText::from("长"), 10_000, 10_004, 500),
        Stretch::Wanted,
        "another text"
    );
    let state = state.reduce(Action::Window(window(DocRef::Pasted, &a, (0, 3_000), 3)));
    assert!(matches!(state.stretch(DocRef::Pasted, &a, 0, 4, 500), Stretch::Held(_)), "at the text's start");
    let state = state.reduce(Action::Window(window(DocRef::Pasted, &a, (17_000, 20_000), 4)));
    assert!(matches!(state.stretch(DocRef::Pasted, &a, 19_996, 20_000, 500), Stretch::Held(_)), "at its end");
}

#[test]
fn a_replaced_text_lets_go_of_its_stretch_and_asks_for_none() {
    let a = DocText::from("长".repeat(20_000).as_str());
    let state = pasted(&a).reduce(Action::Window(window(DocRef::Pasted, &a, (0, 6_000), 2)));
    let b = DocText::from("样例");
    let state = state.reduce(Action::Edit { text: b.clone(), id: 3 });
    assert_eq!(state.window, None, "the stretch (and the text it holds) goes with the text");
    assert_eq!(state.stretch(DocRef::Pasted, &a, 0, 4, 500), Stretch::NotNow, "while the new text is analysed");
    let file = state.reduce(Action::Window(window(DocRef::File(0), &a, (0, 6_000), 4)));
    let kept = file.reduce(Action::Edit { text: DocText::from("又一个"), id: 5 });
    assert!(kept.window.is_some(), "a file's stretch stays when the editor changes");
}

#[test]
fn a_stretch_gets_its_report_and_progress_is_for_the_editors_text() {
    let a = DocText::from("长".repeat(20_000).as_str());
    let state = pasted(&a).reduce(Action::Window(window(DocRef::Pasted, &a, (0, 6_000), 7)));
    let words = Report { token_ends: vec![6_000], token_tags: vec![0], ..long_report(6_000) };
    let state = state.reduce(Action::Worker(Response::Analyzed { id: 7, report: words }));
    assert!(state.window.as_ref().is_some_and(|w| w.report.as_ref().is_some_and(|r| r.has_words())));
    let b = DocText::from("长".repeat(30_000).as_str());
    let state = state.reduce(Action::Edit { text: b, id: 8 });
    let state = state.reduce(Action::TextProgress { id: 8, back: 3, pieces: 9 });
    assert_eq!(state.progress, Some((3, 9)));
    let same = state.clone().reduce(Action::TextProgress { id: 99, back: 5, pieces: 9 });
    assert!(Rc::ptr_eq(&same, &state), "another text's progress changes nothing");
    let done = state.reduce(Action::Worker(Response::Analyzed { id: 8, report: long_report(30_000) }));
    assert_eq!(done.progress, None);
}

fn figure(kind: shudu_core::Kind, text: &str, at: usize) -> shudu_core::Figure {
    shudu_core::Figure::plain(kind, text, at)
}

fn batch_of(names: &[&str]) -> Rc<State> {
    let files = names.iter().map(|n| (Rc::from(*n), 100)).collect();
    Rc::new(State::default()).reduce(Action::BatchStart { id: 1, files, now_ms: 0.0 })
}

fn done(index: usize, figures: Vec<shudu_core::Figure>) -> FileOutcome {
    (1, index, Ok(FileReport { encoding: "UTF-8".into(), figures: packed(&figures), ..FileReport::default() }), 5.0)
}

fn packed(figures: &[shudu_core::Figure]) -> super::FigureStore {
    super::FigureStore::new(figures, &[])
}

#[test]
fn a_batch_counts_its_files_and_ends_with_its_last() {
    use shudu_core::Kind;
    let state = batch_of(&["a.txt", "b.txt", "c.txt"]);
    assert!(state.batch_running());
    let state = state.reduce(Action::FilesDone(vec![done(0, vec![figure(Kind::Money, "3亿元", 0)])]));
    let state = state.reduce(Action::FileFailed {
        batch: 1,
        index: 2,
        error: Failure::Decode(shudu_core::decode::DecodeError::NoTextLayer),
        now_ms: 6.0,
    });
    let b = state.batch.clone().unwrap();
    assert_eq!((b.done, b.figures, b.failed, b.finished_ms), (2, 1, 1, None));
    assert_eq!(
        state.files[2].status,
        FileStatus::Failed(Failure::Decode(shudu_core::decode::DecodeError::NoTextLayer))
    );
    let state = state.reduce(Action::FilesDone(vec![done(1, vec![])]));
    assert_eq!(state.batch.as_ref().and_then(|b| b.finished_ms), Some(5.0), "the last file ends it");
    assert!(!state.batch_running());
    let stale = state.clone().reduce(Action::FilesDone(vec![(9, 0, Err(Failure::Unreadable), 7.0)]));
    assert!(Rc::ptr_eq(&stale, &state), "a result of another batch changes nothing");
}

#[test]
fn a_cancelled_batch_keeps_what_is_done_and_takes_nothing_more() {
    let state = batch_of(&["a.txt", "b.txt"]).reduce(Action::FilesDone(vec![done(0, vec![])]));
    let state = state.reduce(Action::Cancel { now_ms: 3.0 });
    assert_eq!(state.files[0].status, FileStatus::Done);
    assert_eq!(state.files[1].status, FileStatus::Cancelled);
    let after = state.clone().reduce(Action::FilesDone(vec![done(1, vec![])]));
    assert!(Rc::ptr_eq(&after, &state), "a file finished after the cancel is not taken");
    let cleared = state.reduce(Action::ClearFiles);
    assert!(cleared.files.is_empty() && cleared.batch.is_none());
}

#[test]
fn a_change_to_one_file_makes_a_new_list_and_leaves_the_table_settings() {
    let state = batch_of(&["a.txt", "b.txt"]);
    let before = state.docs();
    let state = state.reduce(Action::FilesDone(vec![done(1, vec![])]));
    assert!(!Rc::ptr_eq(&before.files, &state.files), "views given the files see the change");
    assert_ne!(before, state.docs());
    let table = state.table.clone();
    let same = state.clone().reduce(Action::Select { doc: DocRef::File(1), figure: 0, open_request: Some(4) });
    assert_eq!(same.table, table);
    assert_eq!(same.docs(), state.docs(), "selecting leaves the documents (and the views given them) alone");
}

#[test]
fn filters_and_sorting_shape_the_table() {
    use shudu_core::Kind;
    let state = batch_of(&["a.txt", "b.txt"]).reduce(Action::FilesDone(vec![
        done(0, vec![figure(Kind::Money, "3亿元", 0), figure(Kind::Percent, "5%", 4)]),
        done(1, vec![figure(Kind::Money, "2亿元", 1)]),
    ]));
    assert_eq!(state.docs().counts().0, 3);
    let money = state.reduce(Action::FilterKind(Some(Kind::Money)));
    assert!(money.table.filtered());
    let texts =
        |s: &State| s.docs().visible_rows(&s.table).iter().map(|r| r.figure().text.to_string()).collect::<Vec<_>>();
    assert_eq!(texts(&money), ["3亿元", "2亿元"]);
    let sorted = money.reduce(Action::SortBy(Column::Text));
    assert_eq!(texts(&sorted), ["2亿元", "3亿元"]);
    let down = sorted.reduce(Action::SortBy(Column::Text));
    assert_eq!(texts(&down), ["3亿元", "2亿元"]);
    let unsorted = down.reduce(Action::SortBy(Column::Text));
    assert_eq!(unsorted.table.sort, None, "a third click drops the sort");
    let by_file = unsorted.reduce(Action::FilterKind(None)).reduce(Action::Query("b.txt".into()));
    assert_eq!(texts(&by_file), ["2亿元"]);
}

#[test]
fn the_status_line_follows_the_engine_and_the_text() {
    let state = Rc::new(State::default());
    assert_eq!(state.status(), Status::Loading);
    let state = state.reduce(Action::Worker(Response::Ready));
    assert_eq!(state.status(), Status::Ready);
    let text = DocText::from("投资3亿元");
    let state = state.reduce(Action::Edit { text: text.clone(), id: 2 });
    assert_eq!(state.status(), Status::Analysing);
    let state = state.reduce(Action::TextProgress { id: 2, back: 1, pieces: 3 });
    assert_eq!(state.status(), Status::Pieces(1, 3));
    let report = Report { stats: Stats { chars: 5, tokens: 3, figures: 1, ..Stats::default() }, ..Report::default() };
    let state = state.reduce(Action::Worker(Response::Analyzed { id: 2, report }));
    assert!(matches!(state.status(), Status::Analysed { chars: 5, tokens: 3, figures: 1, .. }));
    let state = state.reduce(Action::TextFailed(Failure::TextStuck));
    assert_eq!(state.status(), Status::Notice(Failure::TextStuck));
    let state = state.reduce(Action::Worker(Response::Broken(Failure::DictionaryLoad("HTTP 404".into()))));
    assert_eq!(
        state.status(),
        Status::Broken(Failure::DictionaryLoad("HTTP 404".into())),
        "broken says more than a notice"
    );
}

#[test]
fn selecting_a_files_figure_opens_it_until_another_batch_or_a_pasted_figure() {
    use shudu_core::Kind;
    let state = batch_of(&["a.txt"]).reduce(Action::FilesDone(vec![done(0, vec![figure(Kind::Money, "3亿元", 0)])]));
    let state = state.reduce(Action::Select { doc: DocRef::File(0), figure: 0, open_request: Some(9) });
    assert_eq!(state.opened, Some((0, 9, None)));
    let state = state.reduce(Action::Worker(Response::Analyzed { id: 9, report: long_report(10) }));
    assert!(state.opened.as_ref().is_some_and(|(i, id, r)| (*i, *id) == (0, 9) && r.is_some()), "its report is kept");
    let again = state.clone().reduce(Action::Select { doc: DocRef::File(0), figure: 0, open_request: None });
    assert!(again.opened.as_ref().is_some_and(|(_, _, r)| r.is_some()), "another figure of the open file keeps it");
    let pasted = state.clone().reduce(Action::Select { doc: DocRef::Pasted, figure: 0, open_request: None });
    assert_eq!(pasted.opened, None);
    let next = state.clone().reduce(Action::BatchStart { id: 2, files: vec![(Rc::from("b.txt"), 1)], now_ms: 1.0 });
    assert!(next.opened.is_some() && next.selected.is_some(), "another batch adds to the session: a.txt stays open");
    let again = state.reduce(Action::BatchStart { id: 2, files: vec![(Rc::from("a.txt"), 1)], now_ms: 1.0 });
    assert_eq!((again.opened.clone(), again.selected), (None, None), "a file replaced is closed");
}

#[test]
fn new_user_words_segment_the_open_file_again_unless_refused() {
    use shudu_core::Kind;
    let state = batch_of(&["a.txt"]).reduce(Action::FilesDone(vec![done(0, vec![figure(Kind::Money, "3亿元", 0)])]));
    let state = state.reduce(Action::Select { doc: DocRef::File(0), figure: 0, open_request: Some(9) });
    let state = state.reduce(Action::Worker(Response::Analyzed { id: 9, report: long_report(10) }));
    let refused = state.clone().reduce(Action::UserDict {
        text: "坏 行 x y".into(),
        error: Some(shudu_core::dict::user::parse("坏 行 x y").unwrap_err()),
        reopen: None,
    });
    assert!(refused.opened.as_ref().is_some_and(|(_, id, r)| *id == 9 && r.is_some()), "refused: the old words stay");
    let applied = state.reduce(Action::UserDict { text: "开复工率".into(), error: None, reopen: Some(11) });
    assert_eq!(applied.opened, Some((0, 11, None)), "the new request replaces the old words");
    let applied = applied.reduce(Action::Worker(Response::Analyzed { id: 11, report: long_report(10) }));
    assert!(applied.opened.as_ref().is_some_and(|(_, id, r)| *id == 11 && r.is_some()));
}

#[test]
fn a_superseded_report_changes_nothing() {
    let state = Rc::new(State { engine: Engine::Ready, ..State::default() });
    let state = state.reduce(Action::Edit { text: DocText::from("一"), id: 1 });
    let state = state.reduce(Action::Edit { text: DocText::from("一二"), id: 2 });
    let same = state.clone().reduce(Action::Worker(Response::Analyzed { id: 1, report: long_report(1) }));
    assert!(Rc::ptr_eq(&same, &state), "the first text's report comes after the second was sent");
    assert!(state.analyzing());
}

fn labelled(text: &str, label: &str, unit: &str) -> shudu_core::Figure {
    shudu_core::Figure {
        label: Some(label.into()),
        unit: Some(unit.into()),
        ..figure(shudu_core::Kind::Money, text, 0)
    }
}

#[test]
fn batches_add_up_and_a_file_of_the_same_name_is_replaced() {
    let state = batch_of(&["a.txt", "b.txt"]).reduce(Action::FilesDone(vec![done(0, vec![]), done(1, vec![])]));
    let state = state.reduce(Action::BatchStart {
        id: 2,
        files: vec![(Rc::from("c.txt"), 5), (Rc::from("a.txt"), 7)],
        now_ms: 10.0,
    });
    let names: Vec<&str> = state.files.iter().map(|f| &*f.name).collect();
    assert_eq!(names, ["a.txt", "b.txt", "c.txt"], "c.txt added, a.txt replaced in its place");
    assert_eq!((state.files[0].size, &state.files[0].status), (7, &FileStatus::Queued));
    assert_eq!(state.files[1].status, FileStatus::Done, "the first batch's other file stays");
    let b = state.batch.clone().unwrap();
    assert_eq!((b.total, b.replaced, (*b.slots).clone()), (2, 1, vec![2, 0]));
    // Results of the second batch land where its files are in the list.
    let second = |index, figures: Vec<_>| {
        (
            2,
            index,
            Ok(FileReport { encoding: "UTF-8".into(), figures: packed(&figures), ..FileReport::default() }),
            12.0,
        )
    };
    let state = state.reduce(Action::FilesDone(vec![second(1, vec![figure(shudu_core::Kind::Money, "3亿元", 0)])]));
    assert_eq!(state.files[0].figures.len(), 1);
    assert_eq!(state.files[2].status, FileStatus::Queued);
}

#[test]
fn a_file_removed_takes_its_figures_and_what_pointed_at_it() {
    use shudu_core::Kind;
    let state = batch_of(&["a.txt", "b.txt", "c.txt"]).reduce(Action::FilesDone(vec![
        done(0, vec![figure(Kind::Money, "1亿元", 0)]),
        done(2, vec![figure(Kind::Money, "3亿元", 0)]),
    ]));
    let state = state.reduce(Action::Select { doc: DocRef::File(2), figure: 0, open_request: Some(5) });
    let state = state.reduce(Action::RemoveFile(1));
    assert_eq!(state.files.len(), 2);
    assert_eq!(state.selected, Some((DocRef::File(1), 0)), "c.txt's figure is still the one selected");
    assert_eq!(state.opened.as_ref().map(|(i, _, _)| *i), Some(1));
    assert_eq!((*state.batch.as_ref().unwrap().slots).clone(), vec![0, GONE, 1]);
    // b.txt's result, come late, is counted and not kept.
    let state = state.reduce(Action::FilesDone(vec![done(1, vec![figure(Kind::Money, "2亿元", 0)])]));
    assert_eq!(state.docs().counts().0, 2);
    assert!(!state.batch_running());
    let state = state.reduce(Action::RemoveFile(1));
    assert_eq!((state.selected, state.opened.clone()), (None, None), "its own figure is let go");
}

#[test]
fn a_summary_row_filters_the_table_to_its_metric() {
    let state = batch_of(&["a.txt"]).reduce(Action::FilesDone(vec![done(
        0,
        vec![
            labelled("3亿元", "完成投资", "元"),
            labelled("5亿元", "地区生产总值", "元"),
            labelled("7亿元", "完成投资", "元"),
        ],
    )]));
    let state = state.reduce(Action::View(View::Summary));
    let state = state.reduce(Action::FilterMetric(Some(("完成投资".into(), "元".into()))));
    assert_eq!(state.bench.view, View::Figures, "the figures are shown");
    let texts: Vec<String> =
        state.docs().visible_rows(&state.table).iter().map(|r| r.figure().text.to_string()).collect();
    assert_eq!(texts, ["3亿元", "7亿元"]);
    let all = state.reduce(Action::FilterMetric(None));
    assert_eq!(all.docs().visible_rows(&all.table).len(), 3);
}

#[test]
fn the_status_line_tells_of_the_last_batch_until_the_next_edit() {
    let state = Rc::new(State { engine: Engine::Ready, ..State::default() });
    let state = state.reduce(Action::BatchStart { id: 1, files: vec![(Rc::from("a.txt"), 1)], now_ms: 0.0 });
    assert!(matches!(state.status(), Status::Batch { running: true, done: 0, total: 1, .. }));
    let state = state.reduce(Action::FilesDone(vec![done(0, vec![figure(shudu_core::Kind::Money, "3亿元", 0)])]));
    assert_eq!(state.status(), Status::Batch { done: 1, total: 1, figures: 1, failed: 0, secs: 0.005, running: false });
    let state = state.reduce(Action::Edit { text: DocText::from("一"), id: 2 });
    assert_eq!(state.status(), Status::Analysing);
}

#[test]
fn a_query_searches_sentences_and_values() {
    use shudu_core::workbench::context::Context;
    let state = batch_of(&["a.txt"]);
    let mut f = figure(shudu_core::Kind::Money, "14.8亿元", 8);
    f.value = Some(shudu_core::Value::Number(1_480_000_000.0));
    let report = FileReport {
        encoding: "UTF-8".into(),
        figures: super::FigureStore::new(
            &[f, figure(shudu_core::Kind::Percent, "5%", 20)],
            &[
                Context { before: "全市地区生产总值".into(), after: "。".into() },
                Context { before: "增长".into(), after: "".into() },
            ],
        ),
        ..FileReport::default()
    };
    let state = state.reduce(Action::FilesDone(vec![(1, 0, Ok(report), 1.0)]));
    let found = |q: &str| {
        let s = state.clone().reduce(Action::Query(q.into()));
        s.docs().visible_rows(&s.table).iter().map(|r| r.figure().text.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(found("地区生产总值"), ["14.8亿元"]);
    assert_eq!(found("1480000000"), ["14.8亿元"]);
    assert_eq!(found("增长"), ["5%"]);
}

#[test]
fn the_table_order_without_filters_is_every_figure_in_document_order() {
    use shudu_core::Kind;
    let state = batch_of(&["a.txt", "b.txt", "c.txt"]).reduce(Action::FilesDone(vec![
        done(0, vec![figure(Kind::Money, "1亿元", 0), figure(Kind::Percent, "5%", 9)]),
        done(2, vec![figure(Kind::Money, "3亿元", 0)]),
    ]));
    let docs = state.docs();
    let order = docs.visible_order(&state.table);
    assert_eq!(order, vec![(DocRef::File(0), 0), (DocRef::File(0), 1), (DocRef::File(2), 0)]);
    let rows: Vec<(DocRef, usize)> = docs.visible_rows(&state.table).iter().map(|r| (r.doc, r.index)).collect();
    assert_eq!(order, rows, "as the rows are");
    let (total, per) = docs.counts();
    let of = |k: Kind| per[Kind::ALL.iter().position(|x| *x == k).unwrap()];
    assert_eq!((total, of(Kind::Money), of(Kind::Percent), of(Kind::Date)), (3, 2, 1, 0));
    let money = state.reduce(Action::FilterKind(Some(Kind::Money)));
    assert_eq!(money.docs().visible_order(&money.table), vec![(DocRef::File(0), 0), (DocRef::File(2), 0)]);
}

#[test]
fn a_file_past_the_figures_a_session_keeps_fails_and_the_others_stay() {
    use shudu_core::Kind;
    let mut state = (*batch_of(&["a.txt", "b.txt", "c.txt"])).clone();
    state.max_figures = 3;
    let two = || vec![figure(Kind::Money, "1亿元", 0), figure(Kind::Percent, "5%", 9)];
    let state = Rc::new(state).reduce(Action::FilesDone(vec![done(0, two()), done(1, two())]));
    let state = state.reduce(Action::FilesDone(vec![done(2, vec![figure(Kind::Money, "3亿元", 0)])]));
    assert_eq!(state.files[0].status, FileStatus::Done);
    assert_eq!(state.files[1].status, FileStatus::Failed(crate::failure::Failure::TooManyFigures(3)));
    assert_eq!(state.files[1].figures.len(), 0, "its figures are not kept");
    assert_eq!(state.files[2].status, FileStatus::Done, "a later file that fits is kept");
    let b = state.batch.as_ref().unwrap();
    assert_eq!((b.done, b.failed, b.figures, state.docs().counts().0), (3, 1, 3, 3));
}
