//! `window.shudu`: the page's analysis for scripts and benchmarks.

use crate::pool::{Pool, now_ms};
use crate::protocol::Report;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Counter for request and batch ids.
pub fn next_id(counter: &RefCell<u32>) -> u32 {
    let mut n = counter.borrow_mut();
    *n += 1;
    *n
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

/// Install `window.shudu`:
/// - `analyze(text)`: a whole-text analysis, resolving to `{ ms, chars, tokens, figures,
///   workerMs, keywords, early }` (`early`: analysed before the worker's full engine was
///   built; see `worker.rs`);
/// - `stats()`: `{ textsDone, textsWaiting }`, texts and pieces of texts analysed so far and
///   waiting for a worker;
/// - `pageMemory()`: bytes of the page's own WebAssembly memory (for the benchmark);
/// - `heapBytes()`: bytes of its heap in use (allocated, not freed: see `heap`), which falls
///   again when a session is cleared, as the memory's size never does.
pub fn install(pool: Rc<RefCell<Pool>>, ids: Rc<RefCell<u32>>) {
    let Some(window) = web_sys::window() else { return };
    let stats_pool = pool.clone();
    // The text stays a JavaScript string: it goes to the workers without a copy in the page's memory.
    let analyze = Closure::<dyn Fn(JsValue) -> js_sys::Promise>::new(move |text: JsValue| {
        let Some(text) = text.dyn_ref::<js_sys::JsString>().cloned() else {
            return js_sys::Promise::reject(&js_sys::TypeError::new("shudu.analyze(text): text must be a string"));
        };
        let pool = pool.clone();
        let id = next_id(&ids);
        js_sys::Promise::new(&mut |resolve: js_sys::Function, _reject| {
            let t0 = now_ms();
            let done = move |r: &Report| {
                let out = js_sys::Object::new();
                set(&out, "ms", &(now_ms() - t0).into());
                set(&out, "chars", &(r.stats.chars as f64).into());
                set(&out, "tokens", &(r.stats.tokens as f64).into());
                set(&out, "figures", &(r.stats.figures as f64).into());
                set(&out, "workerMs", &r.elapsed_ms.into());
                let words: js_sys::Array = r.keywords.iter().map(|k| JsValue::from_str(&k.word)).collect();
                set(&out, "keywords", &words);
                set(&out, "early", &r.early.into());
                let _ = resolve.call1(&JsValue::NULL, &out);
            };
            pool.borrow_mut().wait_for(id, Box::new(done));
            Pool::analyze(&pool, id, text.clone());
        })
    });
    let stats = Closure::<dyn Fn() -> JsValue>::new(move || {
        let out = js_sys::Object::new();
        let p = stats_pool.borrow();
        set(&out, "textsDone", &(p.texts_done() as f64).into());
        set(&out, "textsWaiting", &(p.texts_waiting() as f64).into());
        out.into()
    });
    let page_memory = Closure::<dyn Fn() -> f64>::new(|| {
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
    });
    let heap_bytes = Closure::<dyn Fn() -> f64>::new(|| crate::heap::live_bytes() as f64);
    let api = js_sys::Object::new();
    set(&api, "analyze", analyze.as_ref());
    set(&api, "pageMemory", page_memory.as_ref());
    set(&api, "heapBytes", heap_bytes.as_ref());
    set(&api, "stats", stats.as_ref());
    set(&window, "shudu", &api);
    analyze.forget();
    page_memory.forget();
    heap_bytes.forget();
    stats.forget();
}
