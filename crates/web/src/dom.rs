//! Reading the page's own objects as JavaScript values (never a worker's message: those are
//! read in `protocol::message` alone).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// A string property of a page object, read as the JavaScript string it is (a long text's
/// `value` or `data` is not copied into the page's wasm memory and back to look at it).
pub fn js_string(object: &JsValue, key: &str) -> Option<js_sys::JsString> {
    js_sys::Reflect::get(object, &key.into()).ok()?.dyn_into().ok()
}

/// The plain text a paste or drop carries, as the JavaScript string it is (`get_data` would
/// copy it into the page's wasm memory, which never shrinks, and back).
pub fn plain_text(data: &web_sys::DataTransfer) -> Option<js_sys::JsString> {
    let get = js_sys::Reflect::get(data, &"getData".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    get.call1(data, &"text/plain".into()).ok()?.dyn_into().ok()
}

/// Mark the page's body: `data-engine` is loading, ready, or broken (for scripts and tests).
pub fn set_engine_marker(value: &str) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.set_attribute("data-engine", value);
    }
}
