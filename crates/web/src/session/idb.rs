//! The little of IndexedDB the session needs, over `web-sys` (no crate: a few hundred bytes
//! of code, where a wrapper crate would bring its own futures and error types): one database
//! with one store of string values under string keys, read whole, written in one
//! transaction, cleared, deleted. Every failure comes back as the browser's words.

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, IdbDatabase, IdbFactory, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB: &str = "shudu";
const STORE: &str = "session";
const VERSION: u32 = 1;

fn words(e: Option<DomException>) -> String {
    e.map_or_else(|| "unknown error".into(), |e| format!("{}: {}", e.name(), e.message()))
}

fn thrown(e: JsValue) -> String {
    match e.dyn_ref::<DomException>() {
        Some(d) => words(Some(d.clone())),
        None => crate::protocol::message::error_text(&e),
    }
}

fn factory() -> Result<IdbFactory, String> {
    let window = web_sys::window().ok_or("no window")?;
    window.indexed_db().map_err(thrown)?.ok_or_else(|| "IndexedDB is not available".into())
}

/// Handlers that settle a promise: the first with a value, the second with the reason. They
/// live as long as this does (dropped once the promise has settled, not leaked per request).
struct Settle {
    promise: Promise,
    ok: Closure<dyn FnMut(web_sys::Event)>,
    err: Closure<dyn FnMut(web_sys::Event)>,
}

impl Settle {
    fn new(value: impl Fn() -> JsValue + 'static, reason: impl Fn() -> String + 'static) -> Settle {
        let mut both = None;
        let promise = Promise::new(&mut |resolve, reject| both = Some((resolve, reject)));
        let (resolve, reject) = both.expect("the executor runs at once");
        let ok = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let _ = resolve.call1(&JsValue::NULL, &value());
        });
        let err = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let _ = reject.call1(&JsValue::NULL, &reason().into());
        });
        Settle { promise, ok, err }
    }

    fn ok(&self) -> Option<&js_sys::Function> {
        Some(self.ok.as_ref().unchecked_ref())
    }

    fn err(&self) -> Option<&js_sys::Function> {
        Some(self.err.as_ref().unchecked_ref())
    }

    async fn wait(&self) -> Result<JsValue, String> {
        JsFuture::from(self.promise.clone()).await.map_err(|e| e.as_string().unwrap_or_default())
    }
}

/// The outcome of a request: its result, or the browser's reason.
async fn request(req: &IdbRequest) -> Result<JsValue, String> {
    let (ok, bad) = (req.clone(), req.clone());
    let settle =
        Settle::new(move || ok.result().unwrap_or(JsValue::UNDEFINED), move || words(bad.error().ok().flatten()));
    req.set_onsuccess(settle.ok());
    req.set_onerror(settle.err());
    let out = settle.wait().await;
    req.set_onsuccess(None);
    req.set_onerror(None);
    out
}

/// The end of a transaction: complete, or why it was aborted (a full storage aborts it).
async fn finished(tx: &IdbTransaction) -> Result<(), String> {
    let failed = tx.clone();
    let settle = Settle::new(|| JsValue::UNDEFINED, move || words(failed.error()));
    tx.set_oncomplete(settle.ok());
    tx.set_onerror(settle.err());
    tx.set_onabort(settle.err());
    let out = settle.wait().await;
    tx.set_oncomplete(None);
    tx.set_onerror(None);
    tx.set_onabort(None);
    out.map(|_| ())
}

async fn open() -> Result<IdbDatabase, String> {
    let req = factory()?.open_with_u32(DB, VERSION).map_err(thrown)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let db = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok());
        if let Some(db) = db.and_then(|d| d.dyn_into::<IdbDatabase>().ok())
            && !db.object_store_names().contains(STORE)
        {
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = request(&req).await;
    req.set_onupgradeneeded(None);
    Ok(db?.unchecked_into())
}

/// Every (key, value) kept.
pub async fn read_all() -> Result<Vec<(String, JsValue)>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(thrown)?;
    let store = tx.object_store(STORE).map_err(thrown)?;
    let keys = request(&store.get_all_keys().map_err(thrown)?).await?;
    let values = request(&store.get_all().map_err(thrown)?).await?;
    db.close();
    let (keys, values) = (Array::from(&keys), Array::from(&values));
    Ok(keys.iter().zip(values.iter()).filter_map(|(k, v)| Some((k.as_string()?, v))).collect())
}

/// Put these values, then those `more` gives until it gives none, and delete these keys, all
/// or nothing. `more` is called between the puts, in the one task that makes them (each put
/// copies its value there): it is for the caller to stop giving values once that task has
/// taken long enough.
pub async fn write(
    puts: Vec<(String, JsValue)>,
    mut more: impl FnMut() -> Option<(String, JsValue)>,
    deletes: Vec<String>,
) -> Result<(), String> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(thrown)?;
    let store = tx.object_store(STORE).map_err(thrown)?;
    let done = finished(&tx);
    let mut failed = None;
    for (key, value) in puts.into_iter().chain(std::iter::from_fn(&mut more)) {
        if let Err(e) = store.put_with_key(&value, &key.into()) {
            failed = Some(thrown(e));
            break;
        }
    }
    for key in deletes.iter().filter(|_| failed.is_none()) {
        if let Err(e) = store.delete(&key.into()) {
            failed = Some(thrown(e));
            break;
        }
    }
    if failed.is_some() {
        let _ = tx.abort();
    }
    let result = done.await;
    db.close();
    match failed {
        Some(why) => Err(why),
        None => result,
    }
}

/// Delete the whole database (turning the keeping off).
pub async fn delete() -> Result<(), String> {
    let req = factory()?.delete_database(DB).map_err(thrown)?;
    request(&req).await.map(|_| ())
}
