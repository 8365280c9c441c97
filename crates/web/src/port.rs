//! The page's end of one analysis worker, and the message encoding both ends
//! share: a request or response is bincode in an `ArrayBuffer` that is
//! transferred, not copied; the dictionary goes as `{dict: ArrayBuffer}` and a
//! text to analyse as `{id, text}` (a JavaScript string, never copied into the
//! page's own memory).
//!
//! The first worker is usually started by `static/boot.js` before the page's
//! own code has loaded, and fetches the dictionary itself (so its engine
//! builds while the page loads); the port then adopts it and takes the
//! messages it sent meanwhile (`worker.early`), and the worker sends the page
//! a copy of the dictionary for the others.

use crate::protocol::{Request, Response};
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::prelude::*;
use web_sys::{Event, MessageEvent, Worker};

/// The worker's start-up script, beside the page.
pub const WORKER_URL: &str = "worker-boot.js";

/// `value` as a message and the list of buffers to transfer with it.
pub fn encode_transfer<T: Serialize>(value: &T) -> (JsValue, Array) {
    let bytes = bincode::serialize(value).expect("messages always serialise");
    let buffer = Uint8Array::from(&bytes[..]).buffer();
    let transfer = Array::of1(&buffer);
    (buffer.into(), transfer)
}

/// A message sent by [`encode_transfer`]. Its buffer is released once read: otherwise it would
/// wait for the next garbage collection, and a long text's results are tens of MB of them.
pub fn decode<T: DeserializeOwned>(data: &JsValue) -> Result<T, String> {
    let bytes = Uint8Array::new(data).to_vec();
    release(data);
    bincode::deserialize(&bytes).map_err(|e| format!("a message between the page and a worker is damaged: {e}"))
}

/// Frees an `ArrayBuffer`'s memory now (`transfer(0)` detaches it; in browsers that have it).
fn release(buffer: &JsValue) {
    if let Ok(transfer) = Reflect::get(buffer, &"transfer".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = transfer.call1(buffer, &0.into());
    }
}

pub struct Port {
    /// `None` if the browser refused to start it (the page was told why).
    worker: Option<Worker>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl Port {
    /// Start a new worker.
    pub fn spawn(on: impl Fn(Incoming) + 'static) -> Port {
        match Worker::new(WORKER_URL) {
            Ok(worker) => Port::adopt(worker, on),
            Err(e) => {
                on(Incoming::Response(Response::Broken(format!("cannot start the analysis worker: {}", js_error(&e)))));
                Port { worker: None, _on_message: Closure::new(|_| {}), _on_error: Closure::new(|_| {}) }
            }
        }
    }

    /// Take over a running worker: first what it said before (kept by
    /// `boot.js` in `worker.early`), then what it says from now on.
    pub fn adopt(worker: Worker, on: impl Fn(Incoming) + 'static) -> Port {
        let on = std::rc::Rc::new(on);
        let early = Reflect::get(&worker, &"early".into()).ok().filter(|v| v.is_object());
        let on_message = {
            let on = on.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| receive(&e.data(), &*on))
        };
        let on_error = {
            let on = on.clone();
            // An error in the worker's code is an ErrorEvent; a script that could not be
            // loaded (404, server gone) fires a plain Event, without a message.
            Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                e.prevent_default();
                let message = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
                let message = message.unwrap_or_else(|| "its script could not be loaded".into());
                let why = format!("the analysis worker failed: {message}");
                on(Incoming::Response(Response::Broken(why)));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        if let Some(early) = early {
            let _ = Reflect::delete_property(&worker, &"early".into());
            // Delivered just after this call, when the caller has stored the port.
            wasm_bindgen_futures::spawn_local(async move {
                for m in Array::from(&early).iter() {
                    receive(&m, &*on);
                }
            });
        }
        Port { worker: Some(worker), _on_message: on_message, _on_error: on_error }
    }

    pub fn send(&self, request: &Request) {
        if let Some(worker) = &self.worker {
            let (msg, transfer) = encode_transfer(request);
            let _ = worker.post_message_with_transfer(&msg, &transfer);
        }
    }

    /// A text to analyse, as the JavaScript string it is (copied once, into the worker);
    /// `words`: whether its words are wanted too, or only its figures, key-word counts and
    /// numbers (a piece of a long text: see `protocol::Merger`).
    pub fn send_text(&self, id: u32, text: &js_sys::JsString, words: bool) {
        if let Some(worker) = &self.worker {
            let msg = Object::new();
            let _ = Reflect::set(&msg, &"id".into(), &id.into());
            let _ = Reflect::set(&msg, &"text".into(), text);
            if !words {
                let _ = Reflect::set(&msg, &"words".into(), &false.into());
            }
            let _ = worker.post_message(&msg);
        }
    }

    /// Give the worker the packed dictionary (a copy: the page keeps its own for later workers).
    pub fn send_dict(&self, dict: &ArrayBuffer) {
        if let Some(worker) = &self.worker {
            let msg = Object::new();
            let _ = Reflect::set(&msg, &"dict".into(), dict);
            let _ = worker.post_message(&msg);
        }
    }

    pub fn terminate(&self) {
        if let Some(worker) = &self.worker {
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
        }
    }
}

/// What a worker said.
pub enum Incoming {
    Response(Response),
    /// The packed dictionary, from the worker that fetched it.
    Dict(ArrayBuffer),
}

/// A message from a worker, or what `boot.js` noted for it (`{error}` if it failed to start).
fn receive(data: &JsValue, on: &dyn Fn(Incoming)) {
    if data.is_instance_of::<ArrayBuffer>() {
        on(Incoming::Response(decode(data).unwrap_or_else(Response::Broken)));
    } else if let Some(dict) = Reflect::get(data, &"dict".into()).ok().and_then(|d| d.dyn_into::<ArrayBuffer>().ok()) {
        on(Incoming::Dict(dict));
    } else if let Ok(error) = Reflect::get(data, &"error".into())
        && !error.is_undefined()
    {
        on(Incoming::Response(Response::Broken(format!("the analysis worker failed to start: {}", js_error(&error)))));
    }
}

fn js_error(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "unknown error".into())
}
