//! The session kept in the browser's IndexedDB as it changes, and read back on the next visit.
//!
//! Kept as: `meta` (JSON: the user dictionary, the settings, the files' names in order),
//! `text` (the editor's text, a string) and one `file:<name>` per file (JSON: its text and
//! results). A write puts only what changed since the last one that succeeded (a file is
//! written once its result is in, not at every change of a filter), a fraction of a second
//! after the change, in one transaction: a full storage fails it whole and the next change
//! tries again. The page's state is never touched by a write, so nothing on screen is lost.

use super::words::StoreError;
use super::{FORMAT, Saved, SavedFile, Settings, VERSION, idb};
use crate::i18n::StatusWord;
use crate::pool::now_ms;
use crate::state::FileDoc;
use crate::text::DocText;
use gloo_timers::callback::Timeout;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::Callback;

/// How long after a change the session is written.
const DELAY_MS: u32 = 300;
/// How long one write may spend turning files into JSON and putting them before it lets the
/// page go on: the files a batch finished (a thousand, a hundred thousand figures) are written
/// over several tasks, none of them long, the rest following as soon as each write ends.
const BUDGET_MS: f64 = 10.0;
/// Where the choice not to keep the session is remembered (`off`).
const KEEP_KEY: &str = "shudu-session-keep";
const FILE_KEY: &str = "file:";

/// The small part of the session, written whenever it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Meta {
    format: String,
    version: u32,
    user_dict: String,
    settings: Settings,
    files: Vec<String>,
}

/// The session as the page has it now (cheap to take: shared parts).
#[derive(Clone)]
pub struct Snapshot {
    pub text: DocText,
    pub user_dict: String,
    pub settings: Settings,
    pub files: Rc<Vec<FileDoc>>,
}

// The files by identity: the reducer makes a new list whenever one changes.
impl PartialEq for Snapshot {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
            && self.user_dict == other.user_dict
            && self.settings == other.settings
            && Rc::ptr_eq(&self.files, &other.files)
    }
}

/// What identifies a file's state as written: its results (by identity) and its status.
type Mark = (usize, StatusWord);

fn mark(f: &FileDoc) -> Mark {
    (Rc::as_ptr(&f.figures) as usize, f.status_word())
}

/// Whether the session is kept (the reader may have turned it off).
pub fn keeping() -> bool {
    storage().and_then(|s| s.get_item(KEEP_KEY).ok().flatten()).is_none_or(|v| v != "off")
}

pub fn set_keeping(on: bool) {
    if let Some(s) = storage() {
        let _ = if on { s.remove_item(KEEP_KEY) } else { s.set_item(KEEP_KEY, "off") };
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The session kept by an earlier visit, if any.
pub async fn load() -> Result<Option<Saved>, StoreError> {
    let all = idb::read_all().await.map_err(StoreError::Read)?;
    let mut all: HashMap<String, JsValue> = all.into_iter().collect();
    let Some(meta) = all.remove("meta").and_then(|m| m.as_string()) else { return Ok(None) };
    let meta: Meta = serde_json::from_str(&meta).map_err(|e| StoreError::Read(e.to_string()))?;
    let text = all.remove("text").and_then(|t| t.as_string()).unwrap_or_default();
    let mut files = Vec::with_capacity(meta.files.len());
    for name in &meta.files {
        let Some(json) = all.remove(&format!("{FILE_KEY}{name}")).and_then(|j| j.as_string()) else { continue };
        files.push(serde_json::from_str::<SavedFile>(&json).map_err(|e| StoreError::Read(e.to_string()))?);
    }
    Ok(Some(Saved {
        format: meta.format,
        version: meta.version,
        text,
        user_dict: meta.user_dict,
        settings: meta.settings,
        files,
    }))
}

/// Forget everything kept (the database itself goes).
pub async fn forget() -> Result<(), StoreError> {
    idb::delete().await.map_err(StoreError::Write)
}

/// Writes the session as it changes.
pub struct Saver {
    /// What the database holds (as last written).
    meta: Option<Meta>,
    text: Option<DocText>,
    files: HashMap<String, Mark>,
    /// The session to write next, and the timer that will.
    next: Option<Snapshot>,
    timer: Option<Timeout>,
    writing: bool,
    /// Told the outcome of each write (`None`: kept).
    report: Callback<Option<StoreError>>,
}

impl Saver {
    pub fn new(report: Callback<Option<StoreError>>) -> Rc<RefCell<Saver>> {
        Rc::new(RefCell::new(Saver {
            meta: None,
            text: None,
            files: HashMap::new(),
            next: None,
            timer: None,
            writing: false,
            report,
        }))
    }

    /// What the database holds now: restored from it (`files`, `text`), or nothing (cleared).
    pub fn held(&mut self, text: Option<&DocText>, files: &[FileDoc]) {
        self.meta = None;
        self.text = text.cloned();
        self.files = files.iter().map(|f| (f.name.to_string(), mark(f))).collect();
        self.next = None;
        self.timer = None;
    }

    /// The session changed: write it shortly.
    pub fn note(saver: &Rc<RefCell<Saver>>, now: Snapshot) {
        let weak = Rc::downgrade(saver);
        let mut s = saver.borrow_mut();
        s.next = Some(now);
        s.timer = Some(Timeout::new(DELAY_MS, move || {
            if let Some(saver) = weak.upgrade() {
                Saver::flush(&saver);
            }
        }));
    }

    /// Stop writing (the keeping was turned off): what was waiting is dropped.
    pub fn stop(&mut self) {
        self.next = None;
        self.timer = None;
    }

    fn flush(saver: &Rc<RefCell<Saver>>) {
        let mut s = saver.borrow_mut();
        s.timer = None;
        if s.writing {
            // One write at a time: this one follows when the current one ends.
            return;
        }
        let Some(now) = s.next.take() else { return };
        let meta = Meta {
            format: FORMAT.into(),
            version: VERSION,
            user_dict: now.user_dict.clone(),
            settings: now.settings.clone(),
            files: now.files.iter().map(|f| f.name.to_string()).collect(),
        };
        let mut puts = Vec::new();
        if s.meta.as_ref() != Some(&meta) {
            puts.push(("meta".to_string(), JsValue::from(serde_json::to_string(&meta).unwrap_or_default())));
        }
        if s.text.as_ref() != Some(&now.text) {
            puts.push(("text".to_string(), now.text.to_js().into()));
        }
        // The files whose state the database does not hold yet. Each is turned into JSON and
        // put in the write's own task, until that task has taken `BUDGET_MS` (a put copies its
        // value, as long as its JSON took to make: both counted); the rest follow in the next
        // write. A thousand files just queued, or a thousand finished, were one task of 0.1 s.
        let mut marks = HashMap::new();
        let mut changed = Vec::new();
        for (k, f) in now.files.iter().enumerate() {
            // A file still queued is kept as cancelled (its `File` does not survive a reload).
            let (m, old) = (mark(f), s.files.get(&*f.name).copied());
            if old != Some(m) {
                changed.push(k);
            }
            // Held as it was until it is written (not deleted).
            if let Some(old) = old {
                marks.insert(f.name.to_string(), old);
            }
        }
        let deletes: Vec<String> =
            s.files.keys().filter(|k| !marks.contains_key(*k)).map(|k| format!("{FILE_KEY}{k}")).collect();
        if puts.is_empty() && deletes.is_empty() && changed.is_empty() {
            return;
        }
        s.writing = true;
        drop(s);
        let saver = saver.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let files = now.files.clone();
            let mut rest = changed.into_iter();
            let mut written = Vec::new();
            let mut started = None;
            let mut more = || {
                // At least one file a write, however long the task before it took.
                let started = *started.get_or_insert_with(now_ms);
                if !written.is_empty() && now_ms() - started > BUDGET_MS {
                    return None;
                }
                let f = &files[rest.next()?];
                written.push((f.name.to_string(), mark(f)));
                let json = serde_json::to_string(&SavedFile::of(f)).unwrap_or_default();
                Some((format!("{FILE_KEY}{}", f.name), JsValue::from(json)))
            };
            let result = idb::write(puts, &mut more, deletes).await;
            let more = rest.len() > 0;
            let mut s = saver.borrow_mut();
            s.writing = false;
            let report = s.report.clone();
            // On failure they stay as they were: the next change writes everything that differs.
            if result.is_ok() {
                marks.extend(written);
                s.meta = Some(meta);
                s.text = Some(now.text.clone());
                s.files = marks;
                if more && s.next.is_none() {
                    s.next = Some(now);
                }
            }
            let waiting = s.next.is_some() && s.timer.is_none();
            drop(s);
            report.emit(result.err().map(StoreError::Write));
            if waiting {
                Saver::flush(&saver);
            }
        });
    }
}
