//! The pool's decisions, as plain Rust: which worker gets which piece of text or file,
//! when more workers start and idle ones stop, when a worker is given up on and what
//! becomes of its work, how many bytes of files may be out at once. Given what happened
//! (a worker is ready, a report came back, time passed), it answers with [`Effect`]s for
//! the page's side (`pool::Pool`) to carry out; nothing here touches a browser.

pub use super::effect::{Effect, Queued, Text};
use crate::failure::Failure;
use crate::protocol::{FileReport, Merger, PIECE_UNITS, Report};
use std::collections::{HashMap, VecDeque};

/// Files and pieces of text a worker holds at once (so it never waits for the page
/// between two).
pub const DEPTH: usize = 4;
/// Bytes of files handed out and not yet analysed, at most (one file may exceed it alone):
/// a folder of large files must not fill the workers' memory.
pub const MAX_BYTES_IN_FLIGHT: u64 = 64 * 1024 * 1024;
/// Request ids of pieces are kept apart from the page's ids.
pub const PIECE_IDS: u32 = 0x8000_0000;
/// A worker beyond the first stops after this long without work, giving its memory back.
pub const IDLE_STOP_MS: f64 = 8_000.0;
/// The page is told how far a long text is at most this often (each telling redraws it).
pub const PROGRESS_MS: f64 = 150.0;

/// A worker that has not finished a file of `size` bytes for this long is taken as stuck or
/// crashed (a malformed file can do that): the file is reported, the worker's other files go
/// back to the queue, and a new worker takes its place.
pub fn time_limit_ms(size: u64) -> f64 {
    20_000.0 + size as f64 / 1_000_000.0 * 20_000.0
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    /// Started, not ready yet: given no work.
    Starting,
    /// Ready, holding this many files and pieces.
    Ready(usize),
    /// Stopped for good (its slot is not reused).
    Gone,
}

struct Worker {
    slot: Slot,
    /// When it last finished something, or was given work while idle.
    progress_ms: f64,
}

struct PieceOut<T> {
    worker: usize,
    /// Sent again if the worker fails.
    text: T,
    sent_ms: f64,
}

/// A long text split into pieces spread over the workers.
struct Merge {
    id: u32,
    /// Each piece's request id, in order.
    pieces: Vec<u32>,
    merger: Merger,
    /// When the page was last told how far it is.
    told_ms: f64,
}

type Out<T, F> = Vec<Effect<T, F>>;

pub struct Scheduler<T, F> {
    /// Workers the pool runs when it has work for all.
    max_workers: usize,
    workers: Vec<Worker>,
    /// Files waiting for a worker.
    queue: VecDeque<Queued<F>>,
    /// Texts and pieces of texts waiting for a worker, by request id.
    pieces: VecDeque<(u32, T)>,
    /// Pieces with a worker, by request id.
    pieces_out: HashMap<u32, PieceOut<T>>,
    /// Each file a worker holds, by (batch, index), with the worker.
    in_flight: HashMap<(u32, usize), (usize, Queued<F>)>,
    bytes_in_flight: u64,
    merges: Vec<Merge>,
    next_piece: u32,
    texts_done: u64,
    engine_ready: bool,
}

impl<T: Text, F: Clone> Scheduler<T, F> {
    pub fn new(max_workers: usize) -> Self {
        Scheduler {
            max_workers: max_workers.max(1),
            workers: Vec::new(),
            queue: VecDeque::new(),
            pieces: VecDeque::new(),
            pieces_out: HashMap::new(),
            in_flight: HashMap::new(),
            bytes_in_flight: 0,
            merges: Vec::new(),
            next_piece: 0,
            texts_done: 0,
            engine_ready: false,
        }
    }

    /// A worker started by the page's side (the first, or one started before this code ran):
    /// its slot.
    pub fn add_worker(&mut self, now: f64) -> usize {
        self.workers.push(Worker { slot: Slot::Starting, progress_ms: now });
        self.workers.len() - 1
    }

    /// Workers the pool runs when it has work for all.
    pub fn max_workers(&self) -> usize {
        self.max_workers
    }

    /// Workers started and not stopped.
    pub fn live(&self) -> usize {
        self.workers.iter().filter(|w| w.slot != Slot::Gone).count()
    }

    /// Texts and pieces of texts analysed so far.
    pub fn texts_done(&self) -> u64 {
        self.texts_done
    }

    /// Texts and pieces of texts waiting for a worker.
    pub fn texts_waiting(&self) -> usize {
        self.pieces.len()
    }

    /// No file is queued or with a worker.
    pub fn files_idle(&self) -> bool {
        self.queue.is_empty() && self.in_flight.is_empty()
    }

    /// Analyse a whole text, given cut into `parts` (one, or the pieces of a long text of
    /// `units` UTF-16 units): the pieces go to every worker (more start), joined when all
    /// are back.
    pub fn analyze(&mut self, id: u32, mut parts: Vec<T>, units: usize, now: f64) -> Out<T, F> {
        let mut out = Vec::new();
        match parts.len() {
            0 => out.push(Effect::Analyzed { id, report: Report::blank(0) }),
            1 => self.pieces.extend(parts.pop().map(|p| (id, p))),
            n => {
                let mut pieces = Vec::with_capacity(n);
                for part in parts {
                    self.next_piece += 1;
                    let piece = PIECE_IDS | self.next_piece;
                    pieces.push(piece);
                    self.pieces.push_back((piece, part));
                }
                self.merges.push(Merge { id, pieces, merger: Merger::new(n, units), told_ms: now });
            }
        }
        self.pump(now, &mut out);
        out
    }

    /// Forget text `id` (the text it was has been replaced): its pieces that no worker has
    /// started are dropped, and the ones under way are ignored when they come back.
    pub fn drop_text(&mut self, id: u32) {
        if let Some(m) = self.merges.iter().position(|m| m.id == id) {
            let merge = self.merges.remove(m);
            self.pieces.retain(|(piece, _)| !merge.pieces.contains(piece));
        }
        self.pieces.retain(|(piece, _)| *piece != id);
    }

    /// Queue files and start handing them out.
    pub fn submit(&mut self, jobs: Vec<Queued<F>>, now: f64) -> Out<T, F> {
        self.queue.extend(jobs);
        let mut out = Vec::new();
        self.pump(now, &mut out);
        out
    }

    /// Drop every queued file (files already with a worker finish and are ignored).
    pub fn cancel(&mut self) {
        self.queue.clear();
    }

    /// Worker `w` has built its engine.
    pub fn ready(&mut self, w: usize, now: f64) -> Out<T, F> {
        let mut out = Vec::new();
        let Some(worker) = self.workers.get_mut(w).filter(|x| x.slot == Slot::Starting) else { return out };
        worker.slot = Slot::Ready(0);
        worker.progress_ms = now;
        if !std::mem::replace(&mut self.engine_ready, true) {
            out.push(Effect::EngineReady);
        }
        self.pump(now, &mut out);
        out
    }

    /// Worker `w` sent the report of text or piece `id`.
    pub fn analyzed(&mut self, w: usize, id: u32, report: Report, now: f64) -> Out<T, F> {
        let mut out = Vec::new();
        let done = self.piece_done(w, id, report, now);
        self.pump(now, &mut out);
        if let Some((id, report)) = done {
            out.push(Effect::Analyzed { id, report });
        } else if let Some((id, back, pieces)) = self.progress(id, now) {
            out.push(Effect::Progress { id, back, pieces });
        }
        out
    }

    /// Worker `w` is done with a file (analysed, or failed to read or decode it).
    pub fn file_done(
        &mut self,
        w: usize,
        batch: u32,
        index: usize,
        result: Result<FileReport, Failure>,
        now: f64,
    ) -> Out<T, F> {
        let mut out = Vec::new();
        let mine = self.release(w, batch, index, now);
        self.pump(now, &mut out);
        if mine {
            out.push(Effect::FileDone { batch, index, result });
        }
        out
    }

    /// The engine failed on a file in worker `w`, which is spent: the file is reported, the
    /// worker replaced.
    pub fn file_crashed(&mut self, w: usize, batch: u32, index: usize, failure: Failure, now: f64) -> Out<T, F> {
        let mut out = Vec::new();
        self.replace_worker(w, Some(((batch, index), failure)), now, &mut out);
        out
    }

    /// The engine failed on text or piece `id` in worker `w`, which is spent.
    pub fn text_crashed(&mut self, w: usize, id: u32, failure: Failure, now: f64) -> Out<T, F> {
        let mut out = Vec::new();
        self.text_failed(w, id, failure, now, &mut out);
        out
    }

    /// Worker `w` says it cannot work (its start or its dictionary failed, or it broke after
    /// being ready). It is stopped; its work goes to the others, or to a new worker if none
    /// is left. The page hears of it only when no worker can work any more.
    pub fn broken(&mut self, w: usize, failure: Failure, now: f64) -> Out<T, F> {
        let mut out = Vec::new();
        match self.workers.get(w).map(|x| x.slot) {
            Some(Slot::Ready(_)) => self.replace_worker(w, None, now, &mut out),
            Some(Slot::Starting) => {
                self.stop(w, &mut out);
                if self.live() == 0 {
                    out.push(Effect::Broken(failure));
                }
            }
            Some(Slot::Gone) | None => {}
        }
        out
    }

    /// Every few seconds: give up on a worker that holds work and has made no progress for
    /// too long, and stop extra workers that have been idle a while.
    pub fn watch(&mut self, now: f64) -> Out<T, F> {
        let mut out = Vec::new();
        let stuck_file = (0..self.workers.len()).find(|&w| {
            let largest = self.in_flight.values().filter(|(x, _)| *x == w).map(|(_, q)| q.size).max();
            largest.is_some_and(|size| now - self.workers[w].progress_ms > time_limit_ms(size))
        });
        // A worker holding files is judged by the files' (longer) limits above; otherwise the
        // piece it was given first is the one stuck.
        let stuck_piece = self
            .pieces_out
            .iter()
            .filter(|(_, p)| self.in_flight.values().all(|(x, _)| *x != p.worker))
            .filter(|(_, p)| {
                now - self.workers[p.worker].progress_ms.max(p.sent_ms) > time_limit_ms(PIECE_UNITS as u64 * 3)
            })
            .min_by(|a, b| a.1.sent_ms.total_cmp(&b.1.sent_ms))
            .map(|(id, p)| (p.worker, *id));
        if let Some(w) = stuck_file {
            // The earliest file it holds is the one stuck (they are analysed in order).
            self.replace_worker(w, Some(((u32::MAX, usize::MAX), Failure::FileStuck)), now, &mut out);
        } else if let Some((w, id)) = stuck_piece {
            self.text_failed(w, id, Failure::TextStuck, now, &mut out);
        }
        let first = self.workers.iter().position(|x| x.slot != Slot::Gone);
        if self.queue.is_empty() && self.pieces.is_empty() {
            for w in 0..self.workers.len() {
                let x = &self.workers[w];
                if Some(w) != first && x.slot == Slot::Ready(0) && now - x.progress_ms > IDLE_STOP_MS {
                    self.stop(w, &mut out);
                }
            }
        }
        out
    }

    fn stop(&mut self, w: usize, out: &mut Out<T, F>) {
        self.workers[w].slot = Slot::Gone;
        out.push(Effect::Stop(w));
    }

    /// One hold fewer on worker `w`, which has made progress.
    fn unhold(&mut self, w: usize, now: f64) {
        if let Some(x) = self.workers.get_mut(w) {
            if let Slot::Ready(n) = &mut x.slot {
                *n = n.saturating_sub(1);
            }
            x.progress_ms = now;
        }
    }

    /// A report came back from worker `w`: a whole text's, or a piece's (kept until the
    /// last piece of its text is in, then the join).
    fn piece_done(&mut self, w: usize, id: u32, report: Report, now: f64) -> Option<(u32, Report)> {
        if self.pieces_out.remove(&id).is_some() {
            self.texts_done += 1;
            self.unhold(w, now);
        }
        if id & PIECE_IDS == 0 {
            return Some((id, report));
        }
        let (m, k) = self
            .merges
            .iter()
            .enumerate()
            .find_map(|(m, merge)| merge.pieces.iter().position(|p| *p == id).map(|k| (m, k)))?;
        self.merges[m].merger.add(k, report);
        if !self.merges[m].merger.done() {
            return None;
        }
        let merge = self.merges.remove(m);
        Some((merge.id, merge.merger.finish()))
    }

    /// How far the long text that `piece` is part of is (its id, pieces back, pieces), if the
    /// page has not been told for a while.
    fn progress(&mut self, piece: u32, now: f64) -> Option<(u32, usize, usize)> {
        let merge = self.merges.iter_mut().find(|m| m.pieces.contains(&piece))?;
        if now - merge.told_ms < PROGRESS_MS {
            return None;
        }
        merge.told_ms = now;
        Some((merge.id, merge.merger.back(), merge.pieces.len()))
    }

    /// Worker `w` is done with a file. False if the file was no longer its own (the
    /// watchdog gave up on the worker).
    fn release(&mut self, w: usize, batch: u32, index: usize, now: f64) -> bool {
        if self.in_flight.get(&(batch, index)).is_none_or(|(x, _)| *x != w) {
            return false;
        }
        if let Some((_, q)) = self.in_flight.remove(&(batch, index)) {
            self.bytes_in_flight -= q.size;
        }
        self.unhold(w, now);
        true
    }

    /// Worker `w` failed on a piece of text (or a whole short text): that part gives no
    /// words or figures (but keeps its length, so what follows stays in place), the page is
    /// told, and the worker is replaced.
    fn text_failed(&mut self, w: usize, id: u32, failure: Failure, now: f64, out: &mut Out<T, F>) {
        out.push(Effect::TextFailed(failure));
        let chars = self.pieces_out.get(&id).map_or(0, |p| p.text.chars());
        let done = self.piece_done(w, id, Report::blank(chars), now);
        self.replace_worker(w, None, now, out);
        if let Some((id, report)) = done {
            out.push(Effect::Analyzed { id, report });
        }
    }

    /// Retire worker `w` (starting another if none is left): `culprit` is reported failed —
    /// a file by key, or with an unknown key the earliest file it held — and its other files
    /// and pieces go back to the front of the queue. With no culprit every file goes back.
    fn replace_worker(&mut self, w: usize, culprit: Option<((u32, usize), Failure)>, now: f64, out: &mut Out<T, F>) {
        if !matches!(self.workers.get(w).map(|x| x.slot), Some(Slot::Ready(_))) {
            return;
        }
        self.stop(w, out);
        let mine: Vec<u32> = self.pieces_out.iter().filter(|(_, p)| p.worker == w).map(|(id, _)| *id).collect();
        for id in mine {
            if let Some(p) = self.pieces_out.remove(&id) {
                self.pieces.push_front((id, p.text));
            }
        }
        let keys: Vec<(u32, usize)> = self.in_flight.iter().filter(|(_, (x, _))| *x == w).map(|(k, _)| *k).collect();
        let mut held: Vec<Queued<F>> =
            keys.into_iter().filter_map(|k| self.in_flight.remove(&k)).map(|(_, q)| q).collect();
        for q in &held {
            self.bytes_in_flight -= q.size;
        }
        // Files are analysed in the order they were given: the earliest is the one stuck.
        held.sort_by_key(|q| (q.batch, q.index));
        let failed = culprit.and_then(|(key, failure)| {
            let at = held.iter().position(|q| (q.batch, q.index) == key).or((!held.is_empty()).then_some(0));
            at.map(|k| (held.remove(k), failure))
        });
        for q in held.into_iter().rev() {
            self.queue.push_front(q);
        }
        if let Some((q, failure)) = failed {
            out.push(Effect::FileFailed { batch: q.batch, index: q.index, failure });
        }
        if self.live() == 0 {
            self.start(now, out);
        }
        self.pump(now, out);
    }

    fn start(&mut self, now: f64, out: &mut Out<T, F>) {
        self.add_worker(now);
        out.push(Effect::Start);
    }

    /// Start more workers if there is more work than one can hold, then give each ready
    /// worker with room the next piece of text, or else the next file: text comes first, so
    /// typing is answered even during a batch.
    fn pump(&mut self, now: f64, out: &mut Out<T, F>) {
        // One more worker per task beyond the first waiting, up to the most the pool runs.
        let waiting = self.pieces.len() + self.queue.len();
        if waiting > 1 && self.engine_ready {
            for _ in 0..self.max_workers.saturating_sub(self.live()).min(waiting - 1) {
                self.start(now, out);
            }
        }
        while !self.pieces.is_empty() {
            let Some(w) = self.take_worker(now) else { return };
            let Some((id, text)) = self.pieces.pop_front() else { return };
            out.push(Effect::SendText { worker: w, id, text: text.clone(), words: id & PIECE_IDS == 0 });
            self.pieces_out.insert(id, PieceOut { worker: w, text, sent_ms: now });
        }
        while let Some(size) = self.queue.front().map(|q| q.size) {
            if self.bytes_in_flight > 0 && self.bytes_in_flight + size > MAX_BYTES_IN_FLIGHT {
                return;
            }
            let Some(w) = self.take_worker(now) else { return };
            let Some(q) = self.queue.pop_front() else { return };
            out.push(Effect::SendFile { worker: w, batch: q.batch, index: q.index, job: q.job.clone() });
            self.bytes_in_flight += size;
            self.in_flight.insert((q.batch, q.index), (w, q));
        }
    }

    /// The least loaded ready worker with room, which now holds one thing more.
    fn take_worker(&mut self, now: f64) -> Option<usize> {
        let held = |x: &Worker| match x.slot {
            Slot::Ready(n) if n < DEPTH => Some(n),
            _ => None,
        };
        let w = (0..self.workers.len()).filter_map(|w| held(&self.workers[w]).map(|n| (n, w))).min()?.1;
        let x = &mut self.workers[w];
        if x.slot == Slot::Ready(0) {
            x.progress_ms = now;
        }
        if let Slot::Ready(n) = &mut x.slot {
            *n += 1;
        }
        Some(w)
    }
}

#[cfg(test)]
mod tests;
