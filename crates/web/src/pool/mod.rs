//! A pool of analysis workers: one is always there (started by `boot.js`); more, up to one
//! per core, start when there is work for them (a batch of files, a long text) and stop
//! again after a while without any, so an idle page holds one engine, not one per core.
//! Texts (in pieces) and files are queued and handed out to whichever worker has room, so a
//! slow piece never holds the others back and a batch can be cancelled between files.
//!
//! The decisions are [`schedule::Scheduler`]'s (plain Rust, tested without a browser); this
//! is its browser side: the workers' ports, the dictionary, the timers, and the page.

mod effect;
pub mod schedule;

use crate::failure::Failure;
use crate::port::Port;
use crate::protocol::message::{FromWorker, ToWorker, booted_workers};
use crate::protocol::{PIECE_UNITS, Report, Response};
use crate::state::{Action, FileOutcome};
use js_sys::JsString;
use schedule::{Effect, Queued, Scheduler, Text};
use std::cell::RefCell;
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
    /// Its size in bytes (read once: each read of a file's size asks the file system).
    pub size: u64,
}

/// The packed dictionary, beside the site's files.
pub const DICT_URL: &str = "jieba-dict.txt";
/// How often finished files are handed to the page during a batch.
const FLUSH_MS: u32 = 400;
/// How often the scheduler's watchdog looks at the workers.
const WATCH_MS: u32 = 2_000;
/// Files larger than this are refused (by the page before reading, and by the decoder).
pub const LIMIT: u64 = shudu_core::decode::DEFAULT_LIMIT as u64;

impl Text for JsString {
    /// Counted by JavaScript in one call (`Array.from` splits a string into code points),
    /// not unit by unit across the boundary.
    fn chars(&self) -> usize {
        js_sys::Array::from(self).length() as usize
    }
}

pub struct Pool {
    schedule: Scheduler<JsString, Job>,
    /// One per worker slot of the scheduler's (stopped ones stay, terminated).
    ports: Vec<Option<Port>>,
    dispatch: Callback<Action>,
    outlet: Rc<RefCell<Outlet>>,
    /// Callbacks waiting for whole-text analyses requested from script (`window.shudu.analyze`).
    waiters: Vec<(u32, Waiter)>,
    /// Finished files not yet shown, and the timer that will show them.
    finished: Vec<FileOutcome>,
    flush: Option<gloo_timers::callback::Timeout>,
    /// The packed dictionary, fetched once and given to every worker (it stays a
    /// JavaScript buffer: the page's own memory never holds it).
    dict: Option<js_sys::ArrayBuffer>,
    fetching_dict: bool,
    /// Workers started before the dictionary had arrived, to be given it when it does.
    needs_dict: Vec<usize>,
    /// The user dictionary (checked), sent to every worker as it starts and when it changes.
    user_dict: String,
    _watchdog: Option<gloo_timers::callback::Interval>,
}

/// Where the pool's actions go: the page's reducer once it exists.
struct Outlet {
    target: Option<Callback<Action>>,
    early: Vec<Action>,
}

thread_local! {
    static POOL: Rc<RefCell<Pool>> = Pool::start();
}

/// The page's worker pool, started on first use (call it early: the workers load while the
/// page renders).
pub fn global() -> Rc<RefCell<Pool>> {
    POOL.with(Rc::clone)
}

pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Workers to run at most: the machine's cores, at least one, at most eight.
fn worker_count() -> usize {
    let n = web_sys::window().map_or(2.0, |w| w.navigator().hardware_concurrency());
    (n as usize).clamp(1, 8)
}

/// The dictionary, when no worker was started by `boot.js` to fetch it.
async fn fetch_dict() -> Result<js_sys::ArrayBuffer, Failure> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let fail = |what: &str| Failure::DictionaryLoad(what.to_string());
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

/// `text` cut into pieces of at most about `max` UTF-16 units by the engine's own rule
/// ([`shudu_core::pieces`], which the CLI follows too): each cut in the last three quarters of
/// its piece, after a line end, else a sentence end, else a mark no figure holds; a piece runs
/// on past `max` only when that stretch has none of them, to the first one after it. Only a
/// window of the text at a time is copied out of JavaScript to be looked at.
fn js_pieces(text: &JsString, max: u32) -> Vec<JsString> {
    let len = text.length();
    let mut out = Vec::new();
    let mut start = 0;
    while len - start > max {
        let limit = start + max;
        let end = match cut_units(text, start + max / 4, limit) {
            Some(end) if end > start => end,
            _ => run_on(text, limit),
        };
        out.push(text.slice(start, end));
        start = end;
    }
    out.push(if start == 0 { text.clone() } else { text.slice(start, len) });
    out
}

/// Where to cut within units `from..to` of `text` ([`shudu_core::pieces::cut_in`]), in units.
fn cut_units(text: &JsString, from: u32, to: u32) -> Option<u32> {
    let (from, to) = (pair_start(text, from), pair_start(text, to));
    let window = String::from(text.slice(from, to));
    shudu_core::pieces::cut_in(&window).map(|b| from + window[..b].encode_utf16().count() as u32)
}

/// The first place after unit `from` where `text` may be cut, read a window at a time; the
/// text's end if there is none.
fn run_on(text: &JsString, mut from: u32) -> u32 {
    const WINDOW: u32 = 16 * 1024;
    let len = text.length();
    while from < len {
        let to = pair_start(text, (from + WINDOW).min(len));
        let window = String::from(text.slice(from, to));
        if let Some(b) = shudu_core::pieces::first_cut(&window) {
            return from + window[..b].encode_utf16().count() as u32;
        }
        from = to;
    }
    len
}

/// `at`, moved back one unit if it falls inside a surrogate pair (a window must not split a
/// character: a lone surrogate would come out of JavaScript as U+FFFD).
fn pair_start(text: &JsString, at: u32) -> u32 {
    if at > 0 && at < text.length() && (0xD800..0xDC00).contains(&(text.char_code_at(at - 1) as u32)) {
        at - 1
    } else {
        at
    }
}

impl Pool {
    /// Take over the workers `boot.js` started (or start one): the others start only when
    /// there is work for them. Answers go to the callback given to [`Pool::connect`], held
    /// until then.
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
            schedule: Scheduler::new(worker_count()),
            ports: Vec::new(),
            dispatch: forward,
            outlet,
            waiters: Vec::new(),
            finished: Vec::new(),
            flush: None,
            dict: None,
            fetching_dict: false,
            needs_dict: Vec::new(),
            user_dict: String::new(),
            _watchdog: None,
        }));
        let weak = Rc::downgrade(&pool);
        let watchdog = gloo_timers::callback::Interval::new(WATCH_MS, move || {
            if let Some(pool) = weak.upgrade() {
                let effects = pool.borrow_mut().schedule.watch(now_ms());
                Pool::apply(&pool, effects);
            }
        });
        pool.borrow_mut()._watchdog = Some(watchdog);
        // Usually boot.js has started the first worker, which fetches the dictionary itself
        // and shares it; otherwise start one here and fetch it.
        let booted = booted_workers();
        if booted.is_empty() {
            let w = pool.borrow_mut().schedule.add_worker(now_ms());
            Pool::open_port(&pool, w, None);
            Pool::fetch_dict(&pool);
        }
        for worker in booted {
            let w = pool.borrow_mut().schedule.add_worker(now_ms());
            Pool::open_port(&pool, w, Some(worker));
        }
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

    /// Analyse a whole text: cut at line ends into pieces that go to every worker.
    pub fn analyze(pool: &Rc<RefCell<Pool>>, id: u32, text: JsString) {
        let parts = js_pieces(&text, PIECE_UNITS);
        let effects = pool.borrow_mut().schedule.analyze(id, parts, text.length() as usize, now_ms());
        Pool::apply(pool, effects);
    }

    /// Use these user words (jieba's `userdict.txt`, checked) in every later analysis, on
    /// every worker: those running now (a message, taken before any later text) and those
    /// started later.
    pub fn set_user_dict(&mut self, text: String) {
        if text == self.user_dict {
            return;
        }
        for port in self.ports.iter().flatten() {
            port.send(&ToWorker::UserDict(text.clone()));
        }
        self.user_dict = text;
    }

    /// Forget text `id` (see [`Scheduler::drop_text`]).
    pub fn drop_text(&mut self, id: u32) {
        self.schedule.drop_text(id);
    }

    /// Queue files and start handing them out.
    pub fn submit(pool: &Rc<RefCell<Pool>>, jobs: Vec<Job>) {
        let jobs =
            jobs.into_iter().map(|job| Queued { batch: job.batch, index: job.index, size: job.size, job }).collect();
        let effects = pool.borrow_mut().schedule.submit(jobs, now_ms());
        Pool::apply(pool, effects);
    }

    /// Drop every queued file (files already with a worker finish and are ignored).
    pub fn cancel(&mut self) {
        self.schedule.cancel();
    }

    /// Have `waiter` called with the report of text `id` (instead of the page).
    pub fn wait_for(&mut self, id: u32, waiter: Waiter) {
        self.waiters.push((id, waiter));
    }

    /// Texts and pieces of texts analysed so far.
    pub fn texts_done(&self) -> u64 {
        self.schedule.texts_done()
    }

    /// Texts and pieces of texts waiting for a worker.
    pub fn texts_waiting(&self) -> usize {
        self.schedule.texts_waiting()
    }

    /// Workers the pool runs when it has work for all (one per core).
    pub fn workers(&self) -> usize {
        self.schedule.max_workers()
    }

    /// Open the port of worker slot `w`: adopt a worker `boot.js` started, or start one
    /// (given the dictionary if the pool has it).
    fn open_port(pool: &Rc<RefCell<Pool>>, w: usize, booted: Option<web_sys::Worker>) {
        let weak = Rc::downgrade(pool);
        let on = move |message: FromWorker| {
            if let Some(pool) = weak.upgrade() {
                Pool::heard(&pool, w, message);
            }
        };
        // A worker `boot.js` started fetches the dictionary itself.
        let needs_dict = booted.is_none();
        let port = match booted {
            Some(worker) => Ok(Port::adopt(worker, on)),
            None => Port::spawn(on),
        };
        let mut p = pool.borrow_mut();
        if p.ports.len() <= w {
            p.ports.resize_with(w + 1, || None);
        }
        match port {
            Ok(port) => {
                if needs_dict {
                    match &p.dict {
                        Some(dict) => port.send(&ToWorker::Dict(dict.clone())),
                        None => p.needs_dict.push(w),
                    }
                }
                if !p.user_dict.is_empty() {
                    port.send(&ToWorker::UserDict(p.user_dict.clone()));
                }
                p.ports[w] = Some(port);
            }
            Err(failure) => {
                drop(p);
                let effects = pool.borrow_mut().schedule.broken(w, failure, now_ms());
                Pool::apply(pool, effects);
            }
        }
    }

    /// What worker `w` said.
    fn heard(pool: &Rc<RefCell<Pool>>, w: usize, message: FromWorker) {
        let now = now_ms();
        let response = match message {
            FromWorker::Shared(dict) => return Pool::have_dict(pool, dict),
            FromWorker::StartFailed(why) => Response::Broken(Failure::WorkerLoad(why)),
            FromWorker::Response(r) => r,
        };
        let effects = {
            let s = &mut pool.borrow_mut().schedule;
            match response {
                Response::Ready => s.ready(w, now),
                Response::Broken(why) => s.broken(w, why, now),
                Response::Analyzed { id, report } => s.analyzed(w, id, report, now),
                Response::File { batch, index, result } => s.file_done(w, batch, index as usize, result, now),
                Response::Crashed { batch, index, message } => {
                    s.file_crashed(w, batch, index as usize, Failure::FileCrashed(message), now)
                }
                Response::TextCrashed { id, message } => s.text_crashed(w, id, Failure::TextCrashed(message), now),
            }
        };
        Pool::apply(pool, effects);
    }

    /// Carry out the scheduler's decisions, in order.
    fn apply(pool: &Rc<RefCell<Pool>>, effects: Vec<Effect<JsString, Job>>) {
        let dispatch = pool.borrow().dispatch.clone();
        for effect in effects {
            match effect {
                Effect::Start => {
                    let w = pool.borrow().ports.len();
                    Pool::open_port(pool, w, None);
                }
                Effect::Stop(w) => {
                    let mut p = pool.borrow_mut();
                    if let Some(port) = p.ports.get_mut(w).and_then(Option::take) {
                        port.terminate();
                    }
                    p.needs_dict.retain(|x| *x != w);
                    // The first worker was to share the dictionary; if it stopped first, fetch it here.
                    let fetch = p.dict.is_none() && !p.fetching_dict;
                    drop(p);
                    if fetch {
                        Pool::fetch_dict(pool);
                    }
                }
                Effect::SendText { worker, id, text, words } => {
                    pool.borrow().send(worker, &ToWorker::Text { id, text, words });
                }
                Effect::SendFile { worker, batch, index, job } => {
                    let message = ToWorker::File {
                        batch,
                        index: index as u32,
                        name: job.name,
                        file: job.file.into(),
                        limit: LIMIT,
                    };
                    pool.borrow().send(worker, &message);
                }
                Effect::EngineReady => dispatch.emit(Action::Worker(Response::Ready)),
                Effect::Broken(why) => dispatch.emit(Action::Worker(Response::Broken(why))),
                Effect::Analyzed { id, report } => Pool::deliver(pool, id, report),
                Effect::Progress { id, back, pieces } => dispatch.emit(Action::TextProgress { id, back, pieces }),
                Effect::FileDone { batch, index, result } => Pool::finished(pool, (batch, index, result, now_ms())),
                Effect::FileFailed { batch, index, failure } => {
                    dispatch.emit(Action::FileFailed { batch, index, error: failure, now_ms: now_ms() });
                }
                Effect::TextFailed(why) => dispatch.emit(Action::TextFailed(why)),
            }
        }
    }

    fn send(&self, w: usize, message: &ToWorker) {
        if let Some(Some(port)) = self.ports.get(w) {
            port.send(message);
        }
    }

    /// Fetch the dictionary from the page (when no worker fetched it for us).
    fn fetch_dict(pool: &Rc<RefCell<Pool>>) {
        pool.borrow_mut().fetching_dict = true;
        let weak = Rc::downgrade(pool);
        wasm_bindgen_futures::spawn_local(async move {
            let fetched = fetch_dict().await;
            let Some(pool) = weak.upgrade() else { return };
            pool.borrow_mut().fetching_dict = false;
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
            p.send(w, &ToWorker::Dict(dict.clone()));
        }
        p.dict = Some(dict);
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

    /// Hold a finished file; the page gets the finished files together a few times a second,
    /// so a batch of thousands does not redraw thousands of times. The last file of the work
    /// goes at once, with those held (waiting for the timer made a batch seem to end up to
    /// `FLUSH_MS` after it had).
    fn finished(pool: &Rc<RefCell<Pool>>, outcome: FileOutcome) {
        let mut p = pool.borrow_mut();
        p.finished.push(outcome);
        if p.schedule.files_idle() {
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
}
