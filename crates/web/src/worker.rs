//! The analysis worker: builds its engine from the packed dictionary as soon
//! as it arrives, says `Ready`, and answers requests with whole results.
//!
//! The first worker, which the page waits for, says `Ready` as soon as the
//! dictionary is unpacked (`Lexicon`), a fraction of the build. It then builds
//! the full engine in slices between messages; meanwhile a short text is
//! analysed with an engine of only its own dictionary words, which gives
//! exactly the full engine's result (see `shudu_core::lexicon`), and anything
//! longer waits for the build.
//!
//! Started by `static/worker-boot.js`, which keeps any message that arrives
//! while this module loads; [`run`] takes those first. Messages in and out are
//! `protocol::message`'s [`ToWorker`] and [`FromWorker`]: the dictionary (the
//! first worker's own download a chunk at a time, or whole from the page), then
//! texts and files (a file as the `Blob` the page was given: read here, so its
//! bytes never pass through the page's memory).

use crate::failure::Failure;
use crate::protocol::message::{FromWorker, ToWorker, take_early};
use crate::protocol::{FileReport, Report, Response};
use js_sys::{ArrayBuffer, Uint8Array};
use shudu_core::Engine;
use shudu_core::dict::{Unpacking, UserWord};
use shudu_core::lexicon::{Lexicon, Loading};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

/// What the worker is busy with, so that a panic can still answer for it.
#[derive(Clone, Copy)]
enum Task {
    File { batch: u32, index: u32 },
    Text { id: u32 },
}

thread_local! {
    static CURRENT: RefCell<Option<Task>> = const { RefCell::new(None) };
    static STATE: RefCell<State> = const {
        RefCell::new(State {
            unpacking: None, engine: None, loading: None, broken: None, waiting: Vec::new(),
            packed: None, user: Vec::new(), added: Vec::new(),
        })
    };
    /// Where the next slice of the engine's build is queued, after any message already waiting.
    static NEXT_SLICE: RefCell<Option<web_sys::MessagePort>> = const { RefCell::new(None) };
}

struct State {
    /// The first worker's dictionary while its download is still arriving.
    unpacking: Option<Unpacking>,
    engine: Option<Engine>,
    /// The first worker's dictionary while its full engine is built a slice at a time.
    loading: Option<Loading>,
    broken: Option<Failure>,
    /// Work that arrived before the engine could do it.
    waiting: Vec<Work>,
    /// The packed dictionary (a JavaScript buffer), kept to build the engine again should a
    /// user word be taken out (jieba cannot forget a word).
    packed: Option<ArrayBuffer>,
    /// The user dictionary's words as the page last sent them, and those in the engine.
    user: Vec<UserWord>,
    added: Vec<UserWord>,
}

/// Words added to the engine per slice of its build (a few milliseconds each), so that
/// messages are answered in between.
const SLICE_WORDS: usize = 20_000;

/// Texts up to this many bytes are analysed with an engine of their own words while the
/// full engine is still being built (about a microsecond per char); longer ones wait.
const QUICK_BYTES: usize = 64 * 1024;

enum Work {
    /// A text; `words`: whether the report carries its words (see `Report::of`).
    Text {
        id: u32,
        text: String,
        words: bool,
    },
    File {
        batch: u32,
        index: u32,
        name: String,
        file: web_sys::Blob,
        limit: u64,
    },
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Send a response to the page.
fn respond(r: Response) {
    let (msg, transfer) = FromWorker::Response(r).encode();
    // A page that has gone away cannot be told anything.
    let _ = scope().post_message_with_transfer(&msg, &transfer);
}

/// On a panic, tell the page which file caused it (the worker cannot go on after one).
fn install_panic_report() {
    std::panic::set_hook(Box::new(|info| match CURRENT.with(|c| c.borrow_mut().take()) {
        Some(Task::File { batch, index }) => respond(Response::Crashed { batch, index, message: info.to_string() }),
        Some(Task::Text { id }) => respond(Response::TextCrashed { id, message: info.to_string() }),
        None => {}
    }));
}

/// Start answering: messages kept while the module loaded first, then new ones.
pub fn run() {
    install_panic_report();
    let scope = scope();
    let early = take_early(&scope);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| receive(&e.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    for m in early {
        receive(&m);
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn receive(data: &JsValue) {
    let Some(message) = ToWorker::decode(data) else { return };
    let (dict, end) = match message {
        ToWorker::Text { id, text, words } => return accept(Work::Text { id, text: text.into(), words }),
        ToWorker::File { batch, index, name, file, limit } => {
            return accept(Work::File { batch, index, name, file, limit });
        }
        ToWorker::UserDict(text) => {
            // The page checked it; a line it would refuse cannot arrive (nothing then changes).
            let Ok(words) = shudu_core::dict::user::parse(&text) else { return };
            return STATE.with(|s| {
                let mut s = s.borrow_mut();
                s.user = words;
                sync_user(&mut s);
            });
        }
        ToWorker::DictError(why) => return STATE.with(|s| broken(&mut s.borrow_mut(), Failure::DictionaryLoad(why))),
        // The first worker's own download, a chunk at a time: unpacked as it arrives.
        ToWorker::DictPart(part) => {
            return STATE.with(|s| {
                let mut s = s.borrow_mut();
                if s.broken.is_none()
                    && let Err(e) = feed(s.unpacking.get_or_insert_with(Unpacking::new), &part)
                {
                    broken(&mut s, Failure::Dictionary(e.to_string()));
                }
            });
        }
        // The last chunk of the first worker's download has come (`dict` is the whole file,
        // for the page to share with the other workers).
        ToWorker::DictEnd(dict) => (dict, true),
        // The page has sent the whole file.
        ToWorker::Dict(dict) => (dict, false),
    };
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.engine.is_some() || s.loading.is_some() || s.broken.is_some() {
            return;
        }
        let lexicon =
            if end { s.unpacking.take().unwrap_or_default().finish() } else { unpack(&Uint8Array::new(&dict)) };
        match lexicon {
            // The page is waiting for the first worker: it is ready as soon as the dictionary
            // is unpacked, answers short texts from it, and builds the full engine in slices.
            Ok(lexicon) if end => s.loading = Some(Loading::new(lexicon)),
            Ok(lexicon) => match Engine::from_lexicon(lexicon) {
                Ok(engine) => {
                    s.engine = Some(engine);
                    sync_user(&mut s);
                }
                Err(e) => return broken(&mut s, Failure::Dictionary(e.to_string())),
            },
            Err(e) => return broken(&mut s, Failure::Dictionary(e.to_string())),
        }
        s.packed = Some(dict.clone());
        respond(Response::Ready);
        if end {
            let (msg, _) = FromWorker::Shared(dict).encode();
            let _ = scope().post_message(&msg);
        }
        for work in std::mem::take(&mut s.waiting) {
            accept_in(&mut s, work);
        }
    });
    if STATE.with(|s| s.borrow().loading.is_some()) {
        queue_slice();
    }
}

/// The worker cannot work (its dictionary is damaged): say why, now and to every request.
/// Work it held goes to another worker, or fails there too (see `pool::schedule`).
fn broken(state: &mut State, why: Failure) {
    if state.broken.is_none() {
        state.broken = Some(why.clone());
        state.unpacking = None;
        state.loading = None;
        state.waiting.clear();
        respond(Response::Broken(why));
    }
}

/// Unpack a whole packed dictionary held by JavaScript.
fn unpack(packed: &Uint8Array) -> Result<Lexicon, shudu_core::dict::DictError> {
    let mut unpacking = Unpacking::new();
    feed(&mut unpacking, packed)?;
    unpacking.finish()
}

/// Feed bytes held by JavaScript to `unpacking`, a slice at a time (never all of a whole
/// dictionary in the worker's own memory at once).
fn feed(unpacking: &mut Unpacking, bytes: &Uint8Array) -> Result<(), shudu_core::dict::DictError> {
    const SLICE: u32 = 256 * 1024;
    let mut buf = Vec::new();
    let mut at = 0;
    while at < bytes.length() {
        let n = SLICE.min(bytes.length() - at);
        buf.resize(n as usize, 0);
        bytes.subarray(at, at + n).copy_to(&mut buf);
        unpacking.feed(&buf)?;
        at += n;
    }
    Ok(())
}

/// Queue the next slice of the engine's build behind the messages already waiting.
fn queue_slice() {
    NEXT_SLICE.with(|port| {
        let mut port = port.borrow_mut();
        if port.is_none() {
            let Ok(channel) = MessageChannel::new() else {
                // No channel: build the rest at once.
                return build_rest();
            };
            let on_slice = Closure::<dyn FnMut(MessageEvent)>::new(|_| build_slice());
            channel.port1().set_onmessage(Some(on_slice.as_ref().unchecked_ref()));
            on_slice.forget();
            *port = Some(channel.port2());
        }
        if let Some(port) = port.as_ref() {
            let _ = port.post_message(&JsValue::NULL);
        }
    });
}

fn build_slice() {
    let step = STATE.with(|s| s.borrow_mut().loading.as_mut().map_or(Ok(true), |l| l.step(SLICE_WORDS)));
    match step {
        Ok(true) => build_rest(),
        Ok(false) => queue_slice(),
        Err(e) => STATE.with(|s| broken(&mut s.borrow_mut(), Failure::Dictionary(e.to_string()))),
    }
}

/// Finish the engine and do the work that waited for it.
fn build_rest() {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let Some(loading) = s.loading.take() else { return };
        match loading.finish() {
            Ok(engine) => s.engine = Some(engine),
            Err(e) => return broken(&mut s, Failure::Dictionary(e.to_string())),
        }
        sync_user(&mut s);
        for work in std::mem::take(&mut s.waiting) {
            accept_in(&mut s, work);
        }
    });
}

/// Bring the engine's user words to those the page last sent: new words are added in place
/// (microseconds each, `Engine::add_words`); only when a word was taken out or changed is the
/// engine built again from the dictionary (about a second), since jieba cannot forget one.
fn sync_user(state: &mut State) {
    if state.engine.is_none() || state.added == state.user {
        return;
    }
    if !state.added.iter().all(|w| state.user.contains(w)) {
        let Some(packed) = &state.packed else { return };
        match unpack(&Uint8Array::new(packed)).and_then(Engine::from_lexicon) {
            Ok(fresh) => state.engine = Some(fresh),
            Err(e) => return broken(state, Failure::Dictionary(e.to_string())),
        }
        state.added.clear();
    }
    let new: Vec<UserWord> = state.user.iter().filter(|w| !state.added.contains(w)).cloned().collect();
    if let Some(engine) = state.engine.as_mut() {
        engine.add_words(&new);
    }
    state.added = state.user.clone();
}

/// Do `work` now, or once the engine can.
fn accept(work: Work) {
    STATE.with(|s| accept_in(&mut s.borrow_mut(), work))
}

fn accept_in(state: &mut State, work: Work) {
    if let Some(engine) = &state.engine {
        return handle(engine, work, now_ms(), false);
    }
    if let Some(why) = &state.broken {
        return respond(Response::Broken(why.clone()));
    }
    match (&state.loading, work) {
        (Some(loading), Work::Text { id, text, words }) if text.len() <= QUICK_BYTES => {
            CURRENT.with(|c| *c.borrow_mut() = Some(Task::Text { id }));
            let t0 = now_ms();
            match loading.lexicon().engine_for(&text) {
                Ok(mut engine) => {
                    engine.add_words(&state.user);
                    handle(&engine, Work::Text { id, text, words }, t0, true)
                }
                Err(e) => {
                    CURRENT.with(|c| *c.borrow_mut() = None);
                    broken(state, Failure::Dictionary(e.to_string()))
                }
            }
        }
        (_, work) => state.waiting.push(work),
    }
}

/// Do `work` with `engine`; a text's time is counted from `t0`, and `early` marks an
/// engine made for this text alone.
fn handle(engine: &Engine, work: Work, t0: f64, early: bool) {
    match work {
        Work::Text { id, text, words } => {
            CURRENT.with(|c| *c.borrow_mut() = Some(Task::Text { id }));
            let report = Report { early, ..Report::of(engine, &text, words, || now_ms() - t0) };
            CURRENT.with(|c| *c.borrow_mut() = None);
            respond(Response::Analyzed { id, report });
        }
        Work::File { batch, index, name, file, limit } => {
            CURRENT.with(|c| *c.borrow_mut() = Some(Task::File { batch, index }));
            let result = read(&file).and_then(|bytes| {
                let d = shudu_core::decode::decode(&bytes, &name, limit as usize).map_err(Failure::from)?;
                drop(bytes);
                let (figures, words) = engine.figures_and_words(&d.text);
                let contexts = shudu_core::workbench::context::of_figures(&d.text, &figures);
                let figures = crate::state::FigureStore::new(&figures, &contexts);
                let text = Some(js_sys::JsString::from(d.text.as_str()));
                let words = crate::state::WordStore::new(&words);
                Ok(FileReport { encoding: d.encoding, figures, words, text })
            });
            CURRENT.with(|c| *c.borrow_mut() = None);
            respond(Response::File { batch, index, result });
        }
    }
}

/// A file's bytes, read here in the worker (it may have been moved or deleted since it was
/// picked).
fn read(file: &web_sys::Blob) -> Result<Vec<u8>, Failure> {
    let reader = web_sys::FileReaderSync::new().map_err(|_| Failure::Unreadable)?;
    let buffer: ArrayBuffer = reader.read_as_array_buffer(file).map_err(|_| Failure::Unreadable)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
