//! The messages between the page and a worker, one enum each way, and the only place they
//! are written and read.
//!
//! A worker's [`Response`]s are bincode in an `ArrayBuffer` that is transferred, not copied.
//! Everything else is a plain object tagged by `type`, because it carries what must stay a
//! JavaScript value: a text (a string never copied into the page's own memory), a file (a
//! `Blob`, read by the worker), the packed dictionary (a buffer). The two start-up scripts
//! write some of these too, by hand, in the same shape:
//!
//! | message                                   | written by                         |
//! |-------------------------------------------|------------------------------------|
//! | `{type: "dict", dict: ArrayBuffer}`       | the page, to a worker (`Dict`)     |
//! | `{type: "dictPart", part: Uint8Array}`    | `worker-boot.js`, to its own engine |
//! | `{type: "dictEnd", dict: ArrayBuffer}`    | `worker-boot.js`, to its own engine |
//! | `{type: "dictError", error: string}`      | `worker-boot.js`, to its own engine |
//! | `{type: "text", id, text, words}`         | the page, to a worker              |
//! | `{type: "file", batch, index, name, file, limit}` | the page, to a worker      |
//! | `{type: "userDict", text: string}`        | the page, to every worker (`UserDict`) |
//! | `ArrayBuffer` (a bincode [`Response`])    | a worker, to the page              |
//! | `{type: "file", response: ArrayBuffer, text: string}` | a worker, to the page: a file's [`Response`] and its decoded text |
//! | `{type: "dict", dict: ArrayBuffer}`       | the first worker, to the page (`Shared`) |
//! | `{type: "startFailed", error: string}`    | `boot.js` / `worker-boot.js`, for the page |

use super::{FileReport, Response};
use crate::failure::Failure;
use js_sys::{Array, ArrayBuffer, JsString, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::Blob;

/// Page (or the first worker's start-up script) → worker.
pub enum ToWorker {
    /// The packed dictionary, whole (a copy of the page's).
    Dict(ArrayBuffer),
    /// A chunk of the first worker's own download of the dictionary, as it arrives.
    DictPart(Uint8Array),
    /// The end of that download, with the whole file (for the page to share).
    DictEnd(ArrayBuffer),
    /// That download failed (why: an HTTP status, a network error).
    DictError(String),
    /// A text to analyse; `words`: whether its words are wanted too, or only its figures,
    /// key-word counts and numbers (a piece of a long text: see `protocol::Merger`).
    Text { id: u32, text: JsString, words: bool },
    /// A file of a batch to read, decode and analyse (refused past `limit` bytes).
    File { batch: u32, index: u32, name: String, file: Blob, limit: u64 },
    /// The user dictionary (jieba's `userdict.txt`, already checked by the page): the words
    /// for every later analysis, replacing those sent before.
    UserDict(String),
}

/// Worker → page.
// A message is decoded once and handed on whole: its size on the stack does not matter.
#[allow(clippy::large_enum_variant)]
pub enum FromWorker {
    Response(Response),
    /// The packed dictionary the first worker fetched, for the others.
    Shared(ArrayBuffer),
    /// The worker could not start (what `boot.js` or `worker-boot.js` saw).
    StartFailed(String),
}

fn object(kind: &str, fields: &[(&str, &JsValue)]) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

fn field(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn number(data: &JsValue, key: &str) -> Option<f64> {
    field(data, key).as_f64()
}

fn kind(data: &JsValue) -> Option<String> {
    if data.is_object() { field(data, "type").as_string() } else { None }
}

impl ToWorker {
    /// The message to post.
    pub fn encode(&self) -> JsValue {
        match self {
            ToWorker::Dict(dict) => object("dict", &[("dict", dict)]),
            ToWorker::DictPart(part) => object("dictPart", &[("part", part)]),
            ToWorker::DictEnd(dict) => object("dictEnd", &[("dict", dict)]),
            ToWorker::DictError(why) => object("dictError", &[("error", &why.into())]),
            ToWorker::Text { id, text, words } => {
                object("text", &[("id", &(*id).into()), ("text", text), ("words", &(*words).into())])
            }
            ToWorker::File { batch, index, name, file, limit } => object(
                "file",
                &[
                    ("batch", &(*batch).into()),
                    ("index", &(*index).into()),
                    ("name", &name.into()),
                    ("file", file),
                    ("limit", &(*limit as f64).into()),
                ],
            ),
            ToWorker::UserDict(text) => object("userDict", &[("text", &text.into())]),
        }
    }

    /// A message a worker received, if it is one.
    pub fn decode(data: &JsValue) -> Option<ToWorker> {
        let id = |key| number(data, key).map(|n| n as u32);
        Some(match kind(data)?.as_str() {
            "dict" => ToWorker::Dict(field(data, "dict").dyn_into().ok()?),
            "dictPart" => ToWorker::DictPart(field(data, "part").dyn_into().ok()?),
            "dictEnd" => ToWorker::DictEnd(field(data, "dict").dyn_into().ok()?),
            "dictError" => ToWorker::DictError(field(data, "error").as_string().unwrap_or_default()),
            "text" => ToWorker::Text {
                id: id("id")?,
                text: field(data, "text").dyn_into().ok()?,
                words: field(data, "words").as_bool() != Some(false),
            },
            "file" => ToWorker::File {
                batch: id("batch")?,
                index: id("index")?,
                name: field(data, "name").as_string()?,
                file: field(data, "file").dyn_into().ok()?,
                limit: number(data, "limit")? as u64,
            },
            "userDict" => ToWorker::UserDict(field(data, "text").as_string()?),
            _ => return None,
        })
    }
}

impl FromWorker {
    /// The message to post, and the buffers to transfer with it.
    pub fn encode(&self) -> (JsValue, Array) {
        match self {
            FromWorker::Response(r) => {
                let bytes = bincode::serialize(r).expect("responses always serialise");
                let buffer = Uint8Array::from(&bytes[..]).buffer();
                let transfer = Array::of1(&buffer);
                match r {
                    Response::File { result: Ok(FileReport { text: Some(text), .. }), .. } => {
                        (object("file", &[("response", &buffer), ("text", text)]), transfer)
                    }
                    _ => (buffer.into(), transfer),
                }
            }
            FromWorker::Shared(dict) => (object("dict", &[("dict", dict)]), Array::new()),
            FromWorker::StartFailed(why) => (object("startFailed", &[("error", &why.into())]), Array::new()),
        }
    }

    /// A message the page received from a worker (or noted for it), if it is one.
    pub fn decode(data: &JsValue) -> Option<FromWorker> {
        if data.is_instance_of::<ArrayBuffer>() {
            return Some(FromWorker::Response(response(data)));
        }
        Some(match kind(data)?.as_str() {
            "file" => {
                let mut response = response(&field(data, "response"));
                if let Response::File { result: Ok(report), .. } = &mut response {
                    report.text = field(data, "text").dyn_into().ok();
                }
                FromWorker::Response(response)
            }
            "dict" => FromWorker::Shared(field(data, "dict").dyn_into().ok()?),
            "startFailed" => FromWorker::StartFailed(error_text(&field(data, "error"))),
            _ => return None,
        })
    }
}

/// The bincode [`Response`] in `buffer`, which is released.
fn response(buffer: &JsValue) -> Response {
    if !buffer.is_instance_of::<ArrayBuffer>() {
        return Response::Broken(Failure::Message("no response in the message".into()));
    }
    let bytes = Uint8Array::new(buffer).to_vec();
    release(buffer);
    bincode::deserialize(&bytes).unwrap_or_else(|e| Response::Broken(Failure::Message(e.to_string())))
}

/// Frees an `ArrayBuffer`'s memory now (`transfer(0)` detaches it; in browsers that have
/// it): otherwise it would wait for the next garbage collection, and a long text's results
/// are tens of MB of them.
fn release(buffer: &JsValue) {
    if let Ok(transfer) = field(buffer, "transfer").dyn_into::<js_sys::Function>() {
        let _ = transfer.call1(buffer, &0.into());
    }
}

/// What a JavaScript error (or error event, or string) says.
pub fn error_text(e: &JsValue) -> String {
    e.as_string().or_else(|| field(e, "message").as_string()).unwrap_or_else(|| "unknown error".into())
}

/// The start-up scripts' hand-off: the workers `boot.js` started before the page's code
/// loaded (`self.shuduBoot = {workers: [Worker]}`), if it ran.
pub fn booted_workers() -> Vec<web_sys::Worker> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let workers = field(&field(&window, "shuduBoot"), "workers");
    if !Array::is_array(&workers) {
        return Vec::new();
    }
    Array::from(&workers).iter().map(JsCast::unchecked_into).collect()
}

/// The start-up scripts' other hand-off: the messages kept (in `holder.early`: on a worker
/// by `boot.js`, on a worker's own scope by `worker-boot.js`) while the code that reads them
/// loaded, taken away so that they are read once.
pub fn take_early(holder: &JsValue) -> Vec<JsValue> {
    let early = field(holder, "early");
    if !Array::is_array(&early) {
        return Vec::new();
    }
    let _ = Reflect::delete_property(holder.unchecked_ref::<Object>(), &"early".into());
    Array::from(&early).iter().collect()
}
