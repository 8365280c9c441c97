//! The page's end of one analysis worker: what is posted to it and what it says, as
//! [`ToWorker`] and [`FromWorker`] (see `protocol::message`).
//!
//! The first worker is usually started by `static/boot.js` before the page's own code has
//! loaded, and fetches the dictionary itself (so its engine builds while the page loads);
//! the port then adopts it and takes the messages it sent meanwhile, and the worker sends the
//! page a copy of the dictionary for the others.

use crate::failure::Failure;
use crate::protocol::Response;
use crate::protocol::message::{FromWorker, ToWorker, error_text, take_early};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Event, MessageEvent, Worker};

/// The worker's start-up script, beside the page.
pub const WORKER_URL: &str = "worker-boot.js";

pub struct Port {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl Port {
    /// Start a new worker (or say why the browser would not).
    pub fn spawn(on: impl Fn(FromWorker) + 'static) -> Result<Port, Failure> {
        let worker = Worker::new(WORKER_URL).map_err(|e| Failure::WorkerStart(error_text(&e)))?;
        Ok(Port::adopt(worker, on))
    }

    /// Take over a running worker: first what it said before (kept by `boot.js`), then what
    /// it says from now on.
    pub fn adopt(worker: Worker, on: impl Fn(FromWorker) + 'static) -> Port {
        let on = Rc::new(on);
        let early = take_early(&worker);
        let on_message = {
            let on = on.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                if let Some(m) = FromWorker::decode(&e.data()) {
                    on(m);
                }
            })
        };
        let on_error = {
            let on = on.clone();
            // An error in the worker's code is an ErrorEvent; a script that could not be
            // loaded (404, server gone) fires a plain Event, without a message.
            Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                e.prevent_default();
                let message = e.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message());
                on(FromWorker::Response(Response::Broken(Failure::WorkerError(message))));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        if !early.is_empty() {
            // Delivered just after this call, when the caller has stored the port.
            wasm_bindgen_futures::spawn_local(async move {
                for m in early.iter().filter_map(FromWorker::decode) {
                    on(m);
                }
            });
        }
        Port { worker, _on_message: on_message, _on_error: on_error }
    }

    /// Post `message` (a text stays the JavaScript string it is, copied once, into the
    /// worker; a file goes as its `Blob`, read by the worker; a dictionary as a copy).
    pub fn send(&self, message: &ToWorker) {
        let _ = self.worker.post_message(&message.encode());
    }

    pub fn terminate(&self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
