//! Files from the file pickers and from drag and drop, with dropped folders walked.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileList, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

/// A picked or dropped file with the path it was found at.
pub struct Picked {
    pub path: String,
    pub file: File,
}

/// The files of a file input (`multiple`, or `webkitdirectory` with relative paths).
pub fn from_list(list: &FileList) -> Vec<Picked> {
    (0..list.length())
        .filter_map(|k| list.get(k))
        .map(|file| {
            let rel = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let path = if rel.is_empty() { file.name() } else { rel };
            Picked { path, file }
        })
        .collect()
}

/// The files of a drop; folders are walked to the bottom.
pub async fn from_drop(data: &DataTransfer) -> Vec<Picked> {
    let items = data.items();
    let mut entries = Vec::new();
    let mut loose = Vec::new();
    for k in 0..items.length() {
        let Some(item) = items.get(k) else { continue };
        match item.webkit_get_as_entry() {
            Ok(Some(entry)) => entries.push(entry),
            _ => {
                if let Ok(Some(file)) = item.get_as_file() {
                    loose.push(Picked { path: file.name(), file });
                }
            }
        }
    }
    if entries.is_empty()
        && loose.is_empty()
        && let Some(list) = data.files()
    {
        return from_list(&list);
    }
    let mut out = loose;
    let mut stack: Vec<FileSystemEntry> = entries;
    while let Some(entry) = stack.pop() {
        if entry.is_directory() {
            let dir: FileSystemDirectoryEntry = entry.unchecked_into();
            let reader = dir.create_reader();
            // readEntries returns the entries in chunks until an empty one.
            loop {
                let chunk = JsFuture::from(Promise::new(&mut |resolve: Function, reject: Function| {
                    if let Err(e) = reader.read_entries_with_callback_and_callback(&resolve, &reject) {
                        let _ = reject.call1(&JsValue::NULL, &e);
                    }
                }))
                .await;
                let Ok(chunk) = chunk else { break };
                let chunk: Array = chunk.unchecked_into();
                if chunk.length() == 0 {
                    break;
                }
                stack.extend(chunk.iter().map(|e| e.unchecked_into::<FileSystemEntry>()));
            }
        } else if entry.is_file() {
            let path = entry.full_path().trim_start_matches('/').to_string();
            let fe: FileSystemFileEntry = entry.unchecked_into();
            let got = JsFuture::from(Promise::new(&mut |resolve: Function, reject: Function| {
                fe.file_with_callback_and_callback(&resolve, &reject);
            }))
            .await;
            if let Ok(file) = got {
                out.push(Picked { path, file: file.unchecked_into() });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Start a download of `bytes` named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke later: the download has started by the next task.
    let url2 = url.clone();
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
    })
    .forget();
    Ok(())
}
