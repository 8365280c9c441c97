//! The pool's scheduling, without a browser: texts as Rust strings, files as names.

use super::*;
use shudu_core::Stats;

impl Text for String {
    fn chars(&self) -> usize {
        str::chars(self).count()
    }
}

type Pool = Scheduler<String, &'static str>;
type Fx = Effect<String, &'static str>;

/// A pool of at most `max` workers whose first worker has started and is ready.
fn ready_pool(max: usize) -> Pool {
    let mut pool = Pool::new(max);
    let w = pool.add_worker(0.0);
    assert_eq!(pool.ready(w, 0.0), vec![Effect::EngineReady]);
    pool
}

fn report(chars: usize) -> Report {
    Report { stats: Stats { chars, ..Stats::default() }, ..Report::default() }
}

fn file(index: usize, size: u64, name: &'static str) -> Queued<&'static str> {
    Queued { batch: 1, index, size, job: name }
}

fn done(name: &str) -> Result<FileReport, Failure> {
    Ok(FileReport { encoding: name.into(), ..FileReport::default() })
}

/// The texts sent, as (worker, id).
fn texts_sent(out: &[Fx]) -> Vec<(usize, u32)> {
    out.iter()
        .filter_map(|e| match e {
            Effect::SendText { worker, id, .. } => Some((*worker, *id)),
            _ => None,
        })
        .collect()
}

/// The files sent, as (worker, name).
fn files_sent(out: &[Fx]) -> Vec<(usize, &'static str)> {
    out.iter()
        .filter_map(|e| match e {
            Effect::SendFile { worker, job, .. } => Some((*worker, *job)),
            _ => None,
        })
        .collect()
}

fn starts(out: &[Fx]) -> usize {
    out.iter().filter(|e| **e == Effect::Start).count()
}

#[test]
fn a_text_waits_for_a_ready_worker_and_the_page_hears_of_ready_once() {
    let mut pool = Pool::new(4);
    let w = pool.add_worker(0.0);
    assert_eq!(pool.analyze(1, vec!["投资3亿元".into()], 5, 0.0), vec![], "no worker is ready");
    assert_eq!(pool.texts_waiting(), 1);
    let out = pool.ready(w, 10.0);
    assert_eq!(out[0], Effect::EngineReady);
    assert_eq!(out[1], Effect::SendText { worker: 0, id: 1, text: "投资3亿元".into(), words: true });
    let w2 = pool.add_worker(10.0);
    assert!(!pool.ready(w2, 11.0).contains(&Effect::EngineReady), "said once, by the first worker ready");
    let out = pool.analyzed(0, 1, report(5), 12.0);
    assert_eq!(out, vec![Effect::Analyzed { id: 1, report: report(5) }]);
    assert_eq!((pool.texts_done(), pool.texts_waiting()), (1, 0));
}

#[test]
fn a_long_texts_pieces_go_to_every_worker_and_join_in_order() {
    let mut pool = ready_pool(3);
    let parts: Vec<String> = ["一二三", "四五", "六七八九"].map(String::from).to_vec();
    let out = pool.analyze(7, parts, 9, 0.0);
    assert_eq!(starts(&out), 2, "one more worker per piece waiting beyond the first, up to the most");
    let sent = texts_sent(&out);
    assert_eq!(sent.len(), 3, "the ready worker holds them all until the others are ready");
    assert!(sent.iter().all(|(w, id)| *w == 0 && id & PIECE_IDS != 0));
    assert!(out.iter().all(|e| !matches!(e, Effect::SendText { words: true, .. })), "pieces come without words");
    let ids: Vec<u32> = sent.iter().map(|(_, id)| *id).collect();
    let out = pool.analyzed(0, ids[2], report(4), 200.0);
    assert_eq!(out, vec![Effect::Progress { id: 7, back: 1, pieces: 3 }]);
    assert_eq!(pool.analyzed(0, ids[0], report(3), 250.0), vec![], "told at most every PROGRESS_MS");
    let out = pool.analyzed(0, ids[1], report(2), 400.0);
    let Some(Effect::Analyzed { id: 7, report }) = out.last() else { panic!("joined: {out:?}") };
    assert_eq!(report.stats.chars, 9);
}

#[test]
fn text_goes_before_files_and_each_worker_holds_at_most_depth() {
    let mut pool = ready_pool(1);
    let jobs = (0..6).map(|k| file(k, 10, ["a", "b", "c", "d", "e", "f"][k])).collect();
    let out = pool.submit(jobs, 0.0);
    assert_eq!(files_sent(&out), [(0, "a"), (0, "b"), (0, "c"), (0, "d")]);
    assert_eq!(pool.analyze(3, vec!["文".into()], 1, 1.0), vec![], "the worker is full");
    let out = pool.file_done(0, 1, 0, done("a"), 2.0);
    assert_eq!(texts_sent(&out), [(0, 3)], "the text takes the first room");
    assert!(files_sent(&out).is_empty());
    assert_eq!(out.last(), Some(&Effect::FileDone { batch: 1, index: 0, result: done("a") }));
    let out = pool.analyzed(0, 3, report(1), 3.0);
    assert_eq!(files_sent(&out), [(0, "e")]);
}

#[test]
fn the_least_loaded_ready_worker_gets_the_next_file() {
    let mut pool = ready_pool(2);
    let out = pool.submit(vec![file(0, 10, "a"), file(1, 10, "b"), file(2, 10, "c")], 0.0);
    assert_eq!(starts(&out), 1);
    assert_eq!(pool.ready(1, 1.0), vec![], "nothing left to give it");
    let out = pool.submit(vec![file(3, 10, "d")], 2.0);
    assert_eq!(files_sent(&out), [(1, "d")], "the new worker holds none, the first three");
}

#[test]
fn bytes_out_at_once_are_capped_but_a_file_larger_than_the_cap_still_goes() {
    let mut pool = ready_pool(1);
    let big = MAX_BYTES_IN_FLIGHT / 2 + 1;
    let out = pool.submit(vec![file(0, big, "a"), file(1, big, "b"), file(2, 3 * MAX_BYTES_IN_FLIGHT, "huge")], 0.0);
    assert_eq!(files_sent(&out), [(0, "a")], "two would pass the cap");
    let out = pool.file_done(0, 1, 0, done("a"), 1.0);
    assert_eq!(files_sent(&out), [(0, "b")]);
    let out = pool.file_done(0, 1, 1, done("b"), 2.0);
    assert_eq!(files_sent(&out), [(0, "huge")], "alone, it goes");
    assert!(!pool.files_idle());
    pool.file_done(0, 1, 2, done("huge"), 3.0);
    assert!(pool.files_idle());
}

#[test]
fn a_stuck_worker_is_replaced_its_first_file_failed_and_the_rest_sent_again() {
    let mut pool = ready_pool(1);
    let out = pool.submit(vec![file(0, 1_000, "a"), file(1, 1_000, "b")], 0.0);
    assert_eq!(files_sent(&out).len(), 2);
    assert_eq!(pool.watch(time_limit_ms(1_000) - 1.0), vec![], "not yet");
    let out = pool.watch(time_limit_ms(1_000) + 1.0);
    assert_eq!(out[0], Effect::Stop(0));
    assert_eq!(out[1], Effect::FileFailed { batch: 1, index: 0, failure: Failure::FileStuck });
    assert_eq!(out[2], Effect::Start, "none left: a new worker");
    assert_eq!(pool.live(), 1);
    let out = pool.ready(1, 30_000.0);
    assert_eq!(files_sent(&out), [(1, "b")], "the other file goes to the new worker");
    assert_eq!(pool.file_done(0, 1, 0, done("a"), 30_001.0), vec![], "a late answer of the old worker is not taken");
}

#[test]
fn a_crash_on_a_file_reports_that_file_and_requeues_the_others_in_order() {
    let mut pool = ready_pool(1);
    pool.submit((0..3).map(|k| file(k, 10, ["a", "b", "c"][k])).collect(), 0.0);
    let out = pool.file_crashed(0, 1, 1, Failure::FileCrashed("boom".into()), 5.0);
    assert!(out.contains(&Effect::FileFailed { batch: 1, index: 1, failure: Failure::FileCrashed("boom".into()) }));
    let out = pool.ready(1, 6.0);
    assert_eq!(files_sent(&out), [(1, "a"), (1, "c")]);
}

#[test]
fn a_stuck_piece_fails_its_part_only_keeping_its_length() {
    let mut pool = ready_pool(1);
    pool.analyze(4, vec!["一二三四五".into()], 5, 0.0);
    let limit = time_limit_ms(PIECE_UNITS as u64 * 3);
    let out = pool.watch(limit + 1.0);
    assert_eq!(out[0], Effect::TextFailed(Failure::TextStuck));
    assert!(out.contains(&Effect::Stop(0)) && out.contains(&Effect::Start));
    assert_eq!(out.last(), Some(&Effect::Analyzed { id: 4, report: Report::blank(5) }));
}

#[test]
fn a_crashed_piece_of_a_long_text_leaves_a_blank_of_its_length_in_the_join() {
    let mut pool = ready_pool(1);
    let out = pool.analyze(9, vec!["一二".into(), "三四五".into()], 5, 0.0);
    let ids: Vec<u32> = texts_sent(&out).iter().map(|(_, id)| *id).collect();
    let out = pool.analyzed(0, ids[0], report(2), 1.0);
    assert!(out.iter().all(|e| !matches!(e, Effect::Analyzed { .. })));
    let out = pool.text_crashed(0, ids[1], Failure::TextCrashed("boom".into()), 2.0);
    assert_eq!(out[0], Effect::TextFailed(Failure::TextCrashed("boom".into())));
    let Some(Effect::Analyzed { id: 9, report }) = out.last() else { panic!("{out:?}") };
    assert_eq!(report.stats.chars, 5);
}

#[test]
fn extra_workers_stop_when_idle_the_first_stays() {
    let mut pool = ready_pool(2);
    pool.submit(vec![file(0, 10, "a"), file(1, 10, "b")], 0.0);
    pool.ready(1, 0.0);
    pool.file_done(0, 1, 0, done("a"), 1.0);
    pool.file_done(0, 1, 1, done("b"), 1.0);
    assert_eq!(pool.watch(1.0 + IDLE_STOP_MS - 1.0), vec![]);
    assert_eq!(pool.watch(1.0 + IDLE_STOP_MS + 1.0), vec![Effect::Stop(1)]);
    assert_eq!(pool.live(), 1);
}

#[test]
fn the_page_hears_a_worker_is_broken_only_when_none_can_work() {
    let mut pool = Pool::new(2);
    pool.add_worker(0.0);
    pool.add_worker(0.0);
    let why = Failure::Dictionary("damaged".into());
    assert_eq!(pool.broken(0, why.clone(), 1.0), vec![Effect::Stop(0)]);
    assert_eq!(pool.broken(1, why.clone(), 2.0), vec![Effect::Stop(1), Effect::Broken(why.clone())]);
    assert_eq!(pool.broken(1, why, 3.0), vec![], "said once");
}

#[test]
fn a_worker_broken_after_ready_is_replaced_with_its_work_requeued() {
    let mut pool = ready_pool(1);
    pool.analyze(2, vec!["文".into()], 1, 0.0);
    let out = pool.broken(0, Failure::WorkerError(None), 1.0);
    assert_eq!(out, vec![Effect::Stop(0), Effect::Start]);
    assert_eq!(texts_sent(&pool.ready(1, 2.0)), [(1, 2)]);
}

#[test]
fn a_dropped_text_and_a_cancelled_batch_leave_the_queue() {
    let mut pool = Pool::new(1);
    pool.add_worker(0.0);
    pool.analyze(5, vec!["一".into(), "二".into()], 2, 0.0);
    pool.analyze(6, vec!["三".into()], 1, 0.0);
    pool.submit(vec![file(0, 10, "a")], 0.0);
    pool.drop_text(5);
    pool.cancel();
    let out = pool.ready(0, 1.0);
    assert_eq!(texts_sent(&out), [(0, 6)]);
    assert!(files_sent(&out).is_empty());
}
