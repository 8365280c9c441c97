//! A pool of analysis workers, one per core: files of a batch are read and
//! handed out one at a time to whichever worker is free, so a slow file never
//! holds the others back and a batch can be cancelled between files.

use crate::port::{Incoming, Port};
use crate::protocol::{Report, Request, Response};
use crate::state::Action;
use shudu_core::PIECE;
use shudu_core::text::pieces;
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
    /// Files each worker holds (read, sent, or being analysed); `None` until it is ready.
    busy: Vec<Option<usize>>,
    queue: VecDeque<Job>,
    dispatch: Callback<Action>,
    outlet: Rc<RefCell<Outlet>>,
    /// Callbacks waiting for whole-text analyses requested from script (`window.shudu.analyze`).
    pub waiters: Vec<(u32, Waiter)>,
    /// Long texts analysed in pieces: the pieces' reports as they come back.
    merges: Vec<Merge>,
    next_piece: u32,
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
pub const DICT_URL: &str = "jieba.dict";

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
        .filter(|w| js_sys::Array::is_array(w));
    workers.map_or_else(Vec::new, |w| js_sys::Array::from(&w).iter().map(wasm_bindgen::JsCast::unchecked_into).collect())
}

/// How often finished files are handed to the page during a batch.
const FLUSH_MS: u32 = 400;
/// Files larger than this are refused (by the page before reading, and by the decoder).
pub const LIMIT: u64 = shudu_core::decode::DEFAULT_LIMIT as u64;
/// Files a worker holds at once.
const DEPTH: usize = 4;
/// Bytes of files read and not yet analysed, at most (one file may exceed it alone):
/// a folder of large files must not fill the page's memory.
const MAX_BYTES_IN_FLIGHT: u64 = 64 * 1024 * 1024;

/// A long text split into pieces spread over the workers.
struct Merge {
    id: u32,
    /// Per piece: its request id, its length in chars, and its report once back.
    parts: Vec<(u32, usize, Option<Report>)>,
}

/// Request ids of pieces are kept apart from the page's ids.
const PIECE_IDS: u32 = 0x8000_0000;

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
    /// Start the first worker; the others start once it is ready, so that on a
    /// small machine they do not compete with it while the page comes up.
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
            queue: VecDeque::new(),
            dispatch: forward,
            outlet,
            waiters: Vec::new(),
            merges: Vec::new(),
            next_piece: 0,
            finished: Vec::new(),
            flush: None,
            dict: None,
            needs_dict: Vec::new(),
            in_flight: Default::default(),
            bytes_in_flight: 0,
            progress_ms: Vec::new(),
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
                    Response::Ready => {
                        pool.borrow_mut().busy[w] = Some(0);
                        if w == 0 {
                            dispatch.emit(Action::Worker(Response::Ready));
                            for _ in 1..worker_count() {
                                Pool::add_worker(&pool, None);
                            }
                        }
                        Pool::pump(&pool);
                    }
                    Response::Analyzed { id, report } => {
                        let Some((id, report)) = pool.borrow_mut().piece_done(id, report) else { return };
                        let waiter = {
                            let mut p = pool.borrow_mut();
                            p.waiters.iter().position(|(x, _)| *x == id).map(|k| p.waiters.remove(k).1)
                        };
                        match waiter {
                            Some(f) => f(&report),
                            None => dispatch.emit(Action::Worker(Response::Analyzed { id, report })),
                        }
                    }
                    other => dispatch.emit(Action::Worker(other)),
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
        // No files until it says it is ready.
        p.busy.push(None);
        p.progress_ms.push(now_ms());
    }

    /// Analyse a whole text: short ones on the first worker, long ones in
    /// pieces spread over every worker, joined when all are back.
    pub fn analyze(&mut self, id: u32, text: String) {
        if text.len() <= PIECE {
            // The ready worker holding the fewest files (the first, while the others start).
            let w =
                (0..self.ports.len()).filter(|&w| self.busy[w].is_some()).min_by_key(|&w| self.busy[w]).unwrap_or(0);
            self.ports[w].send(&Request::Analyze { id, text });
            return;
        }
        let mut live: Vec<usize> = (0..self.ports.len()).filter(|&w| self.busy[w].is_some()).collect();
        if live.is_empty() {
            live.push(0);
        }
        let mut parts = Vec::new();
        for (k, piece) in pieces(&text, PIECE).into_iter().enumerate() {
            self.next_piece += 1;
            let pid = PIECE_IDS | self.next_piece;
            parts.push((pid, piece.chars().count(), None));
            self.ports[live[k % live.len()]].send(&Request::Analyze { id: pid, text: piece.to_string() });
        }
        self.merges.push(Merge { id, parts });
    }

    /// A report came back: pass it on, or keep it if it is a piece; when the
    /// last piece of a text arrives, the joined report.
    fn piece_done(&mut self, id: u32, report: Report) -> Option<(u32, Report)> {
        if id & PIECE_IDS == 0 {
            return Some((id, report));
        }
        let m = self.merges.iter().position(|m| m.parts.iter().any(|p| p.0 == id))?;
        let merge = &mut self.merges[m];
        if let Some(slot) = merge.parts.iter_mut().find(|p| p.0 == id) {
            slot.2 = Some(report);
        }
        if merge.parts.iter().any(|p| p.2.is_none()) {
            return None;
        }
        let merge = self.merges.remove(m);
        let parts = merge.parts.into_iter().map(|(_, chars, r)| (chars, r.unwrap_or_default())).collect();
        Some((merge.id, Report::merge(parts)))
    }

    /// Workers the pool runs once all have started.
    pub fn workers(&self) -> usize {
        worker_count()
    }

    /// Hold a finished file; the page gets the finished files together a few
    /// times a second, so a batch of thousands does not redraw thousands of times.
    fn finished(pool: &Rc<RefCell<Pool>>, outcome: crate::state::FileOutcome) {
        let mut p = pool.borrow_mut();
        p.finished.push(outcome);
        if p.flush.is_none() {
            let weak = Rc::downgrade(pool);
            p.flush = Some(gloo_timers::callback::Timeout::new(FLUSH_MS, move || {
                let Some(pool) = weak.upgrade() else { return };
                let (done, dispatch) = {
                    let mut p = pool.borrow_mut();
                    p.flush = None;
                    (std::mem::take(&mut p.finished), p.dispatch.clone())
                };
                dispatch.emit(Action::FilesDone(done));
            }));
        }
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

    /// Look for a worker that holds files and has made no progress for too long.
    fn watch(pool: &Rc<RefCell<Pool>>) {
        let now = now_ms();
        let stuck = {
            let p = pool.borrow();
            (0..p.busy.len()).find(|&w| {
                let held: Vec<&Flight> = p.in_flight.values().filter(|f| f.worker == w).collect();
                let largest = held.iter().map(|f| f.size).max();
                largest.is_some_and(|size| now - p.progress_ms[w] > time_limit_ms(size))
            })
        };
        let Some(w) = stuck else { return };
        let message = "分析未能完成，已跳过 (the analysis did not finish: the file may be malformed)".to_string();
        Pool::replace_worker(pool, w, Some(((u32::MAX, usize::MAX), message)));
    }

    /// Retire worker `w` and start another: `culprit` (or, if unknown, the
    /// earliest file it held) is reported failed, its other files go back to the queue.
    fn replace_worker(pool: &Rc<RefCell<Pool>>, w: usize, culprit: Option<((u32, usize), String)>) {
        if pool.borrow().busy.get(w).is_none_or(|b| b.is_none()) {
            return;
        }
        let (failed, dispatch) = {
            let mut p = pool.borrow_mut();
            p.busy[w] = None;
            p.ports[w].terminate();
            let keys: Vec<(u32, usize)> = p.in_flight.iter().filter(|(_, f)| f.worker == w).map(|(k, _)| *k).collect();
            let mut held: Vec<((u32, usize), Flight)> =
                keys.into_iter().filter_map(|k| p.in_flight.remove(&k).map(|f| (k, f))).collect();
            for (_, f) in &held {
                p.bytes_in_flight -= f.size;
            }
            // Files are analysed in the order they were given: the earliest is the one stuck.
            held.sort_by_key(|(k, _)| *k);
            let (key, message) = culprit.unwrap_or_default();
            let at = held.iter().position(|(k, _)| *k == key).or((!held.is_empty()).then_some(0));
            let failed = at.map(|k| (held.remove(k).0, message));
            for (_, f) in held.into_iter().rev() {
                p.queue.push_front(f.job);
            }
            (failed, p.dispatch.clone())
        };
        if let Some(((batch, index), error)) = failed {
            dispatch.emit(Action::FileFailed { batch, index, error, now_ms: now_ms() });
        }
        Pool::add_worker(pool, None);
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

    /// Give each free worker the next file.
    fn pump(pool: &Rc<RefCell<Pool>>) {
        loop {
            let (w, job, limit, dispatch) = {
                let mut p = pool.borrow_mut();
                // The least loaded ready worker with room: each holds up to DEPTH
                // files, so it never waits for the page between two files.
                let Some(w) =
                    (0..p.busy.len()).filter(|&w| p.busy[w].is_some_and(|n| n < DEPTH)).min_by_key(|&w| p.busy[w])
                else {
                    return;
                };
                let Some(size) = p.queue.front().map(|j| j.file.size() as u64) else { return };
                if p.bytes_in_flight > 0 && p.bytes_in_flight + size > MAX_BYTES_IN_FLIGHT {
                    return;
                }
                let Some(job) = p.queue.pop_front() else { return };
                if let Some(n) = p.busy[w].as_mut() {
                    *n += 1;
                }
                if p.in_flight.values().all(|f| f.worker != w) {
                    p.progress_ms[w] = now_ms();
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
                        pool.borrow_mut().release(w, job.batch, job.index);
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

/// A file's bytes.
async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "cannot read the file (it may have been moved or deleted)".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}
