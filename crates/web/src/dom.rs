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

/// Set one style property of an element through the CSS object model: the page's CSP
/// (`style-src 'self'`) refuses `style` attributes, not this.
pub fn set_style(node: &yew::NodeRef, property: &str, value: &str) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.style().set_property(property, value);
    }
}

/// Bring an element into view (the least scrolling that shows it), if it is on the page.
pub fn scroll_into_view(selector: &str) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten())
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Today's date as `YYYY-MM-DD` (local time), for the names of exports.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Resolves in a later task (a zero-delay timeout): awaited between steps of a long piece of
/// work, it lets the page draw and answer in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
