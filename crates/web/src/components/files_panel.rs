//! The batch of files: the drop zone and pickers, the batch's progress, the files table.

use super::{BatchProgress, FileTable};
use crate::files::{self, Picked};
use crate::i18n::{Lang, StatusWord, Text};
use crate::state::{Action, Batch, FileDoc};
use std::rc::Rc;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties)]
pub struct FilesPanelProps {
    pub files: Rc<Vec<FileDoc>>,
    pub batch: Option<Batch>,
    /// Workers the pool runs when it has work for all.
    pub workers: usize,
    pub on_start: Callback<Vec<Picked>>,
    pub on_cancel: Callback<()>,
    pub on_clear: Callback<()>,
    pub status: Option<StatusWord>,
    pub dispatch: Callback<Action>,
}

// The files are compared by identity: the reducer makes a new list whenever one changes.
impl PartialEq for FilesPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.files, &other.files)
            && self.batch == other.batch
            && self.workers == other.workers
            && self.on_start == other.on_start
            && self.on_cancel == other.on_cancel
            && self.on_clear == other.on_clear
            && self.status == other.status
            && self.dispatch == other.dispatch
    }
}

#[component]
pub fn FilesPanel(props: &FilesPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let dragging = use_state(|| false);
    let on_files = {
        let start = props.on_start.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                start.emit(files::from_list(&list));
            }
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let start = props.on_start.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let Some(data) = e.data_transfer() else { return };
            let start = start.clone();
            // The entries must be taken during the event; walking folders continues after it.
            wasm_bindgen_futures::spawn_local(async move {
                let picked = files::from_drop(&data).await;
                start.emit(picked);
            });
        })
    };
    html! {
        <div class="files">
            <h2 id="files-heading">{ lang.t(Text::Files) }</h2>
            <div class={classes!("dropzone", (*dragging).then_some("over"))} data-testid="dropzone"
                ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <p>{ lang.t(Text::DropHint) }</p>
                <label class="pick">
                    <input type="file" multiple=true data-testid="file-input" onchange={on_files.clone()} />
                    <span>{ lang.t(Text::PickFiles) }</span>
                </label>
                <label class="pick">
                    <input type="file" multiple=true webkitdirectory=true data-testid="folder-input" onchange={on_files} />
                    <span>{ lang.t(Text::PickFolder) }</span>
                </label>
                <span class="hint">{ lang.t(Text::Workers(props.workers)) }</span>
            </div>
            if let Some(batch) = props.batch.clone() {
                <BatchProgress {batch} on_cancel={props.on_cancel.clone()} on_clear={props.on_clear.clone()} />
            }
            if !props.files.is_empty() {
                <FileTable files={props.files.clone()} status={props.status} dispatch={props.dispatch.clone()} />
            }
        </div>
    }
}
