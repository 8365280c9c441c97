//! A pool of analysis workers: one is always there (started by `boot.js`);
//! more, up to one per core, start when there is work for them (a batch of
//! files, a long text) and stop again after a while without any, so an idle
//! page holds one engine, not one per core. Texts (in pieces) and files are
//! queued here and handed out to whichever worker has room, so a slow piece
//! never holds the others back and a batch can be cancelled between files.

use crate::port::{Incoming, Port};
use crate::protocol::{Merger, Report, Request, Response};
use crate::state::Action;
use js_sys::JsString;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::Callback;

/// Called with the report of a whole-text analysis requested from script.
pub type Waiter = Box<dyn FnOnce(&Report)>;

/// A file waiting for a worker.
#[derive(Clone)]
pub struct Job {
    pub batch: u32,
    pub index: usize,
    pub name: String,
    pub file: web_sys::File,
}

pub struct Pool {
    ports: Vec<Port>,
    /// Files and pieces each worker holds (sent, or being analysed); `None` until it is
    /// ready, and for good once it has been stopped (`gone`).
    busy: Vec<Option<usize>>,
    /// Workers stopped (replaced after a failure, or idle); their slots are not reused.
    gone: Vec<bool>,
    queue: VecDeque<Job>,
    /// Pieces of texts waiting for a worker: request id and text. They stay JavaScript
    /// strings until a worker reads them: the page's own memory never holds a copy.
    pieces: VecDeque<(u32, JsString)>,
    /// Pieces with a worker: request id → worker, text (sent again if that worker
    /// fails) and when it was sent.
    pieces_out: std::collections::HashMap<u32, (usize, JsString, f64)>,
    dispatch: Callback<Action>,
    outlet: Rc<RefCell<Outlet>>,
    /// Callbacks waiting for whole-text analyses requested from script (`window.shudu.analyze`).
    waiters: Vec<(u32, Waiter)>,
    /// Long texts analysed in pieces: the pieces' reports as they come back.
    merges: Vec<Merge>,
    next_piece: u32,
    /// Texts and pieces of texts analysed so far (`window.shudu.stats()`).
    texts_done: u64,
    /// Finished files not yet shown, and the timer that will show them.
    finished: Vec<crate::state::FileOutcome>,
    flush: Option<gloo_timers::callback::Timeout>,
    /// The packed dictionary, fetched once and given to every worker (it stays a
    /// JavaScript buffer: the page's own memory never holds it).
    dict: Option<js_sys::ArrayBuffer>,
    /// Workers started before the dictionary had arrived, to be given it when it does.
    needs_dict: Vec<usize>,
    /// Each file a worker holds, by (batch, index), and the total of their sizes.
    in_flight: std::collections::HashMap<(u32, usize), Flight>,
    bytes_in_flight: u64,
    /// Per worker: when it last finished a file or was given one while idle.
    progress_ms: Vec<f64>,
    /// Whether the page has been told the engine is ready (by the first worker to be).
    engine_ready: bool,
    _watchdog: Option<gloo_timers::callback::Interval>,
}

/// A file handed to a worker.
struct Flight {
    worker: usize,
    size: u64,
    job: Job,
}

/// A worker that has not finished a file for this long is taken as stuck or
/// crashed (a malformed file can do that): the file is reported, the worker's
/// other files go back to the queue, and a new worker takes its place.
fn time_limit_ms(size: u64) -> f64 {
    20_000.0 + size as f64 / 1_000_000.0 * 20_000.0
}

/// The packed dictionary, beside the site's files.
pub const DICT_URL: &str = "jieba-dict.txt";

/// The dictionary, when no worker was started by `boot.js` to fetch it.
async fn fetch_dict() -> Result<js_sys::ArrayBuffer, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let fail = |what: &str| format!("cannot load the dictionary ({DICT_URL}): {what}");
    let window = web_sys::window().ok_or_else(|| fail("no window"))?;
    let resp = JsFuture::from(window.fetch_with_str(DICT_URL)).await.map_err(|_| fail("network error"))?;
    let resp: web_sys::Response = resp.unchecked_into();
    if !resp.ok() {
        return Err(fail(&format!("HTTP {}", resp.status())));
    }
    let buf =
        JsFuture::from(resp.array_buffer().map_err(|_| fail("no body"))?).await.map_err(|_| fail("read error"))?;
    buf.dyn_into::<js_sys::ArrayBuffer>().map_err(|_| fail("not a buffer"))
}

/// The workers `boot.js` started before the page's code loaded, if it ran.
fn booted_workers() -> Vec<web_sys::Worker> {
    let workers = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"shuduBoot".into()).ok())
        .filter(|b| b.is_object())
        .and_then(|b| js_sys::Reflect::get(&b, &"workers".into()).ok())
        .filter(js_sys::Array::is_array);
    workers
        .map_or_else(Vec::new, |w| js_sys::Array::from(&w).iter().map(wasm_bindgen::JsCast::unchecked_into).collect())
}

/// How often finished files are handed to the page during a batch.
const FLUSH_MS: u32 = 400;
/// Files larger than this are refused (by the page before reading, and by the decoder).
pub const LIMIT: u64 = shudu_core::decode::DEFAULT_LIMIT as u64;
/// Files and pieces of text a worker holds at once.
const DEPTH: usize = 4;
/// Bytes of files read and not yet analysed, at most (one file may exceed it alone):
/// a folder of large files must not fill the page's memory.
const MAX_BYTES_IN_FLIGHT: u64 = 64 * 1024 * 1024;

/// A long text split into pieces spread over the workers.
struct Merge {
    id: u32,
    /// Each piece's request id, in order.
    pieces: Vec<u32>,
    merger: Merger,
    /// When the page was last told how far it is.
    told_ms: f64,
}

/// The page is told how far a long text is at most this often (each telling redraws it).
const PROGRESS_MS: f64 = 150.0;

/// Request ids of pieces are kept apart from the page's ids.
const PIECE_IDS: u32 = 0x8000_0000;
/// Texts are cut at line ends into pieces of at most this many UTF-16 units (about
/// 256 KB of Chinese in UTF-8), analysed on every worker at once.
use crate::protocol::PIECE_UNITS;
/// A worker beyond the first stops after this long without work, giving its memory back.
const IDLE_STOP_MS: f64 = 8_000.0;

/// Where the pool's actions go: the page's reducer once it exists.
struct Outlet {
    target: Option<Callback<Action>>,
    early: Vec<Action>,
}

thread_local! {
    static POOL: Rc<RefCell<Pool>> = Pool::start();
}

/// The page's worker pool, started on first use (call it early: the workers
/// load while the page renders).
pub fn global() -> Rc<RefCell<Pool>> {
    POOL.with(Rc::clone)
}

pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Workers to start: the machine's cores, at least one, at most eight.
fn worker_count() -> usize {
    let n = web_sys::window().map_or(2.0, |w| w.navigator().hardware_concurrency());
    (n as usize).clamp(1, 8)
}

impl Pool {
    /// Take over the worker `boot.js` started (or start one): the others start
    /// only when there is work for them (see [`Pool::pump`]).
    /// Answers go to the callback given to [`Pool::connect`], held until then.
    pub fn start() -> Rc<RefCell<Pool>> {
        let outlet = Rc::new(RefCell::new(Outlet { target: None, early: Vec::new() }));
        let forward = {
            let outlet = outlet.clone();
            Callback::from(move |a: Action| {
                let target = outlet.borrow().target.clone();
                match target {
                    Some(t) => t.emit(a),
                    None => outlet.borrow_mut().early.push(a),
                }
            })
        };
        let pool = Rc::new(RefCell::new(Pool {
            ports: Vec::new(),
            busy: Vec::new(),
            gone: Vec::new(),
            queue: VecDeque::new(),
            pieces: VecDeque::new(),
            pieces_out: Default::default(),
            dispatch: forward,
            outlet,
            waiters: Vec::new(),
            merges: Vec::new(),
            texts_done: 0,
            next_piece: 0,
            finished: Vec::new(),
            flush: None,
            dict: None,
            needs_dict: Vec::new(),
            in_flight: Default::default(),
            bytes_in_flight: 0,
            progress_ms: Vec::new(),
            engine_ready: false,
            _watchdog: None,
        }));
        let weak = Rc::downgrade(&pool);
        let watchdog = gloo_timers::callback::Interval::new(2_000, move || {
            if let Some(pool) = weak.upgrade() {
                Pool::watch(&pool);
            }
        });
        pool.borrow_mut()._watchdog = Some(watchdog);
        // Usually boot.js has started the first worker, which fetches the
        // dictionary itself and shares it; otherwise start one here and fetch it.
        let booted = booted_workers();
        if !booted.is_empty() {
            for worker in booted {
                Pool::add_worker(&pool, Some(worker));
            }
            return pool;
        }
        Pool::add_worker(&pool, None);
        Pool::fetch_dict(&pool);
        pool
    }

    /// Send the pool's actions to `target` from now on (and those held so far).
    pub fn connect(&self, target: Callback<Action>) {
        let early = std::mem::take(&mut self.outlet.borrow_mut().early);
        self.outlet.borrow_mut().target = Some(target.clone());
        for a in early {
            target.emit(a);
        }
    }

    /// Fetch the dictionary from the page (when no worker fetched it for us).
    fn fetch_dict(pool: &Rc<RefCell<Pool>>) {
        let weak = Rc::downgrade(pool);
        wasm_bindgen_futures::spawn_local(async move {
            let fetched = fetch_dict().await;
            let Some(pool) = weak.upgrade() else { return };
            match fetched {
                Ok(dict) => Pool::have_dict(&pool, dict),
                Err(why) => pool.borrow().dispatch.emit(Action::Worker(Response::Broken(why))),
            }
        });
    }

    /// The dictionary has come: to the workers waiting for it, and kept for later ones.
    fn have_dict(pool: &Rc<RefCell<Pool>>, dict: js_sys::ArrayBuffer) {
        let mut p = pool.borrow_mut();
        for w in std::mem::take(&mut p.needs_dict) {
            p.ports[w].send_dict(&dict);
        }
        p.dict = Some(dict);
    }

    /// A new worker (given the dictionary if the pool has it), or one `boot.js` started.
    fn add_worker(pool: &Rc<RefCell<Pool>>, booted: Option<web_sys::Worker>) {
        let w = pool.borrow().ports.len();
        let weak = Rc::downgrade(pool);
        let dispatch = pool.borrow().dispatch.clone();
        let on = move |incoming: Incoming| {
            let Some(pool) = weak.upgrade() else { return };
            let r = match incoming {
                Incoming::Dict(dict) => return Pool::have_dict(&pool, dict),
                Incoming::Response(r) => r,
            };
            match r {
                Response::File { batch, index, result } => {
                    let mine = pool.borrow_mut().release(w, batch, index as usize);
                    Pool::pump(&pool);
                    if mine {
                        Pool::finished(&pool, (batch, index as usize, result, now_ms()));
                    }
                }
                Response::Crashed { batch, index, message } => {
                    Pool::replace_worker(&pool, w, Some(((batch, index as usize), message)));
                }
                Response::TextCrashed { id, message } => {
                    Pool::text_failed(&pool, w, id, message);
                }
                Response::Ready => {
                    let first = {
                        let mut p = pool.borrow_mut();
                        if p.gone[w] {
                            return;
                        }
                        p.busy[w] = Some(0);
                        p.progress_ms[w] = now_ms();
                        !std::mem::replace(&mut p.engine_ready, true)
                    };
                    if first {
                        dispatch.emit(Action::Worker(Response::Ready));
                    }
                    Pool::pump(&pool);
                }
                Response::Analyzed { id, report } => {
                    let done = pool.borrow_mut().piece_done(w, id, report);
                    Pool::pump(&pool);
                    if let Some((id, report)) = done {
                        Pool::deliver(&pool, id, report);
                    } else if let Some((id, back, pieces)) = pool.borrow_mut().progress(id) {
                        dispatch.emit(Action::TextProgress { id, back, pieces });
                    }
                }
                Response::Broken(why) => Pool::worker_broken(&pool, w, why),
            }
        };
        let port = match booted {
            Some(worker) => Port::adopt(worker, on),
            None => {
                let port = Port::spawn(on);
                let mut p = pool.borrow_mut();
                match &p.dict {
                    Some(dict) => port.send_dict(dict),
                    None => p.needs_dict.push(w),
                }
                port
            }
        };
        let mut p = pool.borrow_mut();
        p.ports.push(port);
        // No work until it says it is ready.
        p.busy.push(None);
        p.gone.push(false);
        p.progress_ms.push(now_ms());
    }

    /// A whole text's report: to the script that asked for it, or to the page.
    fn deliver(pool: &Rc<RefCell<Pool>>, id: u32, report: Report) {
        let (waiter, dispatch) = {
            let mut p = pool.borrow_mut();
            let waiter = p.waiters.iter().position(|(x, _)| *x == id).map(|k| p.waiters.remove(k).1);
            (waiter, p.dispatch.clone())
        };
        match waiter {
            Some(f) => f(&report),
            None => dispatch.emit(Action::Worker(Response::Analyzed { id, report })),
        }
    }

    /// Workers started and not stopped.
    fn live(&self) -> usize {
        self.gone.iter().filter(|g| !**g).count()
    }

    /// Stop worker `w` (its memory goes back to the system).
    fn stop(&mut self, w: usize) {
        self.ports[w].terminate();
        self.busy[w] = None;
        self.gone[w] = true;
        self.needs_dict.retain(|x| *x != w);
    }

    /// Analyse a whole text: cut at line ends into pieces that go to every
    /// worker (more start if the text is long), joined when all are back.
    pub fn analyze(pool: &Rc<RefCell<Pool>>, id: u32, text: JsString) {
        {
            let mut p = pool.borrow_mut();
            let parts = js_pieces(&text, PIECE_UNITS);
            if parts.len() == 1 {
                p.pieces.push_back((id, text));
            } else {
                let merger = Merger::new(parts.len(), text.length() as usize);
                let mut pieces = Vec::new();
                for piece in parts {
                    p.next_piece += 1;
                    let pid = PIECE_IDS | p.next_piece;
                    pieces.push(pid);
                    p.pieces.push_back((pid, piece));
                }
                p.merges.push(Merge { id, pieces, merger, told_ms: now_ms() });
            }
        }
        Pool::pump(pool);
    }

    /// Forget text `id` (the editor's text it was has been replaced): its pieces
    /// that no worker has started are dropped, and the ones under way are
    /// ignored when they come back.
    pub fn drop_text(&mut self, id: u32) {
        if let Some(m) = self.merges.iter().position(|m| m.id == id) {
            let merge = self.merges.remove(m);
            self.pieces.retain(|(piece, _)| !merge.pieces.contains(piece));
        }
        self.pieces.retain(|(piece, _)| *piece != id);
    }

    /// Texts and pieces of texts waiting for a worker.
    /// Have `waiter` called with the report of text `id` (instead of the page).
    pub fn wait_for(&mut self, id: u32, waiter: Waiter) {
        self.waiters.push((id, waiter));
    }

    /// Texts and pieces of texts analysed so far.
    pub fn texts_done(&self) -> u64 {
        self.texts_done
    }

    pub fn texts_waiting(&self) -> usize {
        self.pieces.len()
    }

    /// A report came back from worker `w`: pass it on, or keep it if it is a
    /// piece; when the last piece of a text arrives, the joined report.
    fn piece_done(&mut self, w: usize, id: u32, report: Report) -> Option<(u32, Report)> {
        if self.pieces_out.remove(&id).is_some() {
            self.texts_done += 1;
            if let Some(n) = self.busy[w].as_mut() {
                *n = n.saturating_sub(1);
            }
            self.progress_ms[w] = now_ms();
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
    fn progress(&mut self, piece: u32) -> Option<(u32, usize, usize)> {
        let merge = self.merges.iter_mut().find(|m| m.pieces.contains(&piece))?;
        let now = now_ms();
        if now - merge.told_ms < PROGRESS_MS {
            return None;
        }
        merge.told_ms = now;
        Some((merge.id, merge.merger.back(), merge.pieces.len()))
    }

    /// Workers the pool runs when it has work for all (one per core).
    pub fn workers(&self) -> usize {
        worker_count()
    }

    /// Hold a finished file; the page gets the finished files together a few
    /// times a second, so a batch of thousands does not redraw thousands of times.
    /// The last file of the work goes at once, with those held (waiting for the timer made a
    /// batch seem to end up to `FLUSH_MS` after it had).
    fn finished(pool: &Rc<RefCell<Pool>>, outcome: crate::state::FileOutcome) {
        let mut p = pool.borrow_mut();
        p.finished.push(outcome);
        if p.queue.is_empty() && p.in_flight.is_empty() {
            drop(p);
            return Pool::flush(pool);
        }
        if p.flush.is_none() {
            let weak = Rc::downgrade(pool);
            p.flush = Some(gloo_timers::callback::Timeout::new(FLUSH_MS, move || {
                if let Some(pool) = weak.upgrade() {
                    Pool::flush(&pool);
                }
            }));
        }
    }

    /// Hand the finished files held to the page now (and forget the timer that would have).
    fn flush(pool: &Rc<RefCell<Pool>>) {
        let (done, dispatch) = {
            let mut p = pool.borrow_mut();
            p.flush = None;
            (std::mem::take(&mut p.finished), p.dispatch.clone())
        };
        dispatch.emit(Action::FilesDone(done));
    }

    /// A worker is done with a file (analysed, or failed to read). False if the
    /// file was no longer its own (the watchdog gave up on the worker).
    fn release(&mut self, w: usize, batch: u32, index: usize) -> bool {
        if self.in_flight.get(&(batch, index)).is_none_or(|f| f.worker != w) {
            return false;
        }
        if let Some(f) = self.in_flight.remove(&(batch, index)) {
            self.bytes_in_flight -= f.size;
        }
        if let Some(n) = self.busy[w].as_mut() {
            *n = n.saturating_sub(1);
        }
        self.progress_ms[w] = now_ms();
        true
    }

    /// Every two seconds: give up on a worker that holds work and has made no
    /// progress for too long, and stop extra workers that have been idle a while.
    fn watch(pool: &Rc<RefCell<Pool>>) {
        let now = now_ms();
        let (stuck_file, stuck_piece) = {
            let p = pool.borrow();
            let file = (0..p.busy.len()).find(|&w| {
                let largest = p.in_flight.values().filter(|f| f.worker == w).map(|f| f.size).max();
                largest.is_some_and(|size| now - p.progress_ms[w] > time_limit_ms(size))
            });
            // A worker holding files is judged by the files' (longer) limits above;
            // otherwise the piece it was given first is the one stuck.
            let piece = p
                .pieces_out
                .iter()
                .filter(|(_, (w, _, _))| p.in_flight.values().all(|f| f.worker != *w))
                .filter(|(_, (w, _, sent))| now - p.progress_ms[*w].max(*sent) > time_limit_ms(PIECE_UNITS as u64 * 3))
                .min_by(|a, b| a.1.2.total_cmp(&b.1.2))
                .map(|(id, (w, _, _))| (*w, *id));
            (file, piece)
        };
        if let Some(w) = stuck_file {
            let message = "分析未能完成，已跳过 (the analysis did not finish: the file may be malformed)".to_string();
            Pool::replace_worker(pool, w, Some(((u32::MAX, usize::MAX), message)));
        } else if let Some((w, id)) = stuck_piece {
            let message = "分析未能完成 (the analysis of part of this text did not finish)".to_string();
            Pool::text_failed(pool, w, id, message);
        }
        let mut p = pool.borrow_mut();
        let first = (0..p.gone.len()).find(|&w| !p.gone[w]);
        let idle = p.queue.is_empty() && p.pieces.is_empty();
        for w in 0..p.busy.len() {
            if Some(w) != first && idle && p.busy[w] == Some(0) && now - p.progress_ms[w] > IDLE_STOP_MS {
                p.stop(w);
            }
        }
    }

    /// Worker `w` failed on a piece of text (or on a whole short text): that
    /// part gives no words or figures (but keeps its length, so what follows
    /// stays in place), the page is told, and the worker is replaced.
    fn text_failed(pool: &Rc<RefCell<Pool>>, w: usize, id: u32, message: String) {
        let dispatch = pool.borrow().dispatch.clone();
        dispatch.emit(Action::TextFailed(message));
        let chars = pool.borrow().pieces_out.get(&id).map_or(0, |(_, text, _)| chars_of(text));
        let done = pool.borrow_mut().piece_done(w, id, Report::blank(chars));
        Pool::replace_worker(pool, w, None);
        if let Some((id, report)) = done {
            Pool::deliver(pool, id, report);
        }
    }

    /// Worker `w` says it cannot work (its start or its dictionary failed, or it
    /// broke after being ready). It is stopped; its work goes to the others, or
    /// to a new worker if none is left. The page hears of it only when no
    /// worker can work any more.
    fn worker_broken(pool: &Rc<RefCell<Pool>>, w: usize, why: String) {
        let was_ready = pool.borrow().busy.get(w).is_some_and(|b| b.is_some());
        if was_ready {
            Pool::replace_worker(pool, w, None);
            return;
        }
        let (alone, dispatch) = {
            let mut p = pool.borrow_mut();
            if p.gone.get(w).is_none_or(|g| *g) {
                return;
            }
            p.stop(w);
            (p.live() == 0, p.dispatch.clone())
        };
        if alone {
            dispatch.emit(Action::Worker(Response::Broken(why)));
        }
    }

    /// Retire worker `w` (starting another if none is left): `culprit` is
    /// reported failed — a file by key, or with an unknown key the earliest
    /// file it held — and its other files and pieces go back to the queue.
    /// With no culprit (a text failed) every file goes back.
    fn replace_worker(pool: &Rc<RefCell<Pool>>, w: usize, culprit: Option<((u32, usize), String)>) {
        if pool.borrow().busy.get(w).is_none_or(|b| b.is_none()) {
            return;
        }
        let (failed, dispatch) = {
            let mut p = pool.borrow_mut();
            p.stop(w);
            let mine: Vec<u32> = p.pieces_out.iter().filter(|(_, (x, _, _))| *x == w).map(|(id, _)| *id).collect();
            for id in mine {
                if let Some((_, text, _)) = p.pieces_out.remove(&id) {
                    p.pieces.push_front((id, text));
                }
            }
            let keys: Vec<(u32, usize)> = p.in_flight.iter().filter(|(_, f)| f.worker == w).map(|(k, _)| *k).collect();
            let mut held: Vec<((u32, usize), Flight)> =
                keys.into_iter().filter_map(|k| p.in_flight.remove(&k).map(|f| (k, f))).collect();
            for (_, f) in &held {
                p.bytes_in_flight -= f.size;
            }
            // Files are analysed in the order they were given: the earliest is the one stuck.
            held.sort_by_key(|(k, _)| *k);
            let failed = culprit.and_then(|(key, message)| {
                let at = held.iter().position(|(k, _)| *k == key).or((!held.is_empty()).then_some(0));
                at.map(|k| (held.remove(k).0, message))
            });
            for (_, f) in held.into_iter().rev() {
                p.queue.push_front(f.job);
            }
            (failed, p.dispatch.clone())
        };
        if let Some(((batch, index), error)) = failed {
            dispatch.emit(Action::FileFailed { batch, index, error, now_ms: now_ms() });
        }
        if pool.borrow().live() == 0 {
            Pool::add_worker(pool, None);
        }
        // The first worker was to share the dictionary; if it failed first, fetch it here.
        if pool.borrow().dict.is_none() {
            Pool::fetch_dict(pool);
        }
        Pool::pump(pool);
    }

    /// Queue files and start handing them out.
    pub fn submit(pool: &Rc<RefCell<Pool>>, jobs: Vec<Job>) {
        pool.borrow_mut().queue.extend(jobs);
        Pool::pump(pool);
    }

    /// Drop every queued file (files already with a worker finish and are ignored).
    pub fn cancel(&mut self) {
        self.queue.clear();
    }

    /// Start more workers if there is more work than one can hold, then give
    /// each ready worker with room the next piece of text, or else the next
    /// file: text comes first, so typing is answered even during a batch.
    fn pump(pool: &Rc<RefCell<Pool>>) {
        let extra = {
            let p = pool.borrow();
            // One more worker per task beyond the first waiting, up to one per core.
            let waiting = p.pieces.len() + p.queue.len();
            if waiting > 1 && p.engine_ready { worker_count().saturating_sub(p.live()).min(waiting - 1) } else { 0 }
        };
        for _ in 0..extra {
            Pool::add_worker(pool, None);
        }
        Pool::pump_pieces(pool);
        Pool::pump_files(pool);
    }

    /// The least loaded ready worker holding fewer than `depth` tasks.
    fn free_worker(&self, depth: usize) -> Option<usize> {
        (0..self.busy.len()).filter(|&w| self.busy[w].is_some_and(|n| n < depth)).min_by_key(|&w| self.busy[w])
    }

    fn pump_pieces(pool: &Rc<RefCell<Pool>>) {
        let mut p = pool.borrow_mut();
        while !p.pieces.is_empty() {
            let Some(w) = p.free_worker(DEPTH) else { return };
            let Some((id, text)) = p.pieces.pop_front() else { return };
            if p.busy[w] == Some(0) {
                p.progress_ms[w] = now_ms();
            }
            if let Some(n) = p.busy[w].as_mut() {
                *n += 1;
            }
            p.ports[w].send_text(id, &text, id & PIECE_IDS == 0);
            p.pieces_out.insert(id, (w, text, now_ms()));
        }
    }

    fn pump_files(pool: &Rc<RefCell<Pool>>) {
        loop {
            let (w, job, limit, dispatch) = {
                let mut p = pool.borrow_mut();
                // The least loaded ready worker with room: each holds up to DEPTH
                // files, so it never waits for the page between two files.
                let Some(w) = p.free_worker(DEPTH) else { return };
                let Some(size) = p.queue.front().map(|j| j.file.size() as u64) else { return };
                if p.bytes_in_flight > 0 && p.bytes_in_flight + size > MAX_BYTES_IN_FLIGHT {
                    return;
                }
                let Some(job) = p.queue.pop_front() else { return };
                if p.busy[w] == Some(0) {
                    p.progress_ms[w] = now_ms();
                }
                if let Some(n) = p.busy[w].as_mut() {
                    *n += 1;
                }
                p.in_flight.insert((job.batch, job.index), Flight { worker: w, size, job: job.clone() });
                p.bytes_in_flight += size;
                (w, job, LIMIT, p.dispatch.clone())
            };
            let pool = pool.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = read_bytes(&job.file).await;
                match bytes {
                    Ok(bytes) => {
                        let req =
                            Request::File { batch: job.batch, index: job.index as u32, name: job.name, bytes, limit };
                        pool.borrow().ports[w].send(&req);
                    }
                    Err(error) => {
                        // Not if the file went back to the queue meanwhile (its worker was replaced).
                        if !pool.borrow_mut().release(w, job.batch, job.index) {
                            Pool::pump(&pool);
                            return;
                        }
                        dispatch.emit(Action::FileFailed {
                            batch: job.batch,
                            index: job.index,
                            error,
                            now_ms: now_ms(),
                        });
                        Pool::pump(&pool);
                    }
                }
            });
        }
    }
}

/// Chars (code points) of a JavaScript string, counted by JavaScript in one
/// call (`Array.from` splits a string into code points), not unit by unit
/// across the boundary.
fn chars_of(text: &JsString) -> usize {
    js_sys::Array::from(text).length() as usize
}

/// `text` cut after line ends into pieces of at most `max` UTF-16 units (a
/// line longer than that is cut where it must, never inside a surrogate pair).
fn js_pieces(text: &JsString, max: u32) -> Vec<JsString> {
    let len = text.length();
    let mut out = Vec::new();
    let mut start = 0;
    while len - start > max {
        let limit = start + max;
        let newline = text.last_index_of("\n", (limit - 1) as i32);
        let mut end = if newline >= start as i32 { newline as u32 + 1 } else { limit };
        if end == limit && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
            end -= 1;
        }
        out.push(text.slice(start, end));
        start = end;
    }
    out.push(if start == 0 { text.clone() } else { text.slice(start, len) });
    out
}

/// A file's bytes.
async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "cannot read the file (it may have been moved or deleted)".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}
