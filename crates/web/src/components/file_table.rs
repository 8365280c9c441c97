//! The files of the session, failed ones first, filterable by status, each removable; only
//! the rows in view are drawn.

use super::virtual_rows::{spacer, use_virtual_rows};
use crate::i18n::{FileCol, Lang, StatusWord, Text};
use crate::labels::human_size;
use crate::state::{Action, FileDoc, FileStatus};
use std::rc::Rc;
use yew::prelude::*;

/// A row's height in pixels (as `.filetable tr.row` in the stylesheet), and rows in view.
const ROW_PX: f64 = 27.0;
const IN_VIEW: usize = 9;

#[derive(Properties)]
pub struct FileTableProps {
    pub files: Rc<Vec<FileDoc>>,
    pub status: Option<StatusWord>,
    pub dispatch: Callback<Action>,
}

// The files by identity: the reducer makes a new list whenever a file changes.
impl PartialEq for FileTableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.files, &other.files) && self.status == other.status && self.dispatch == other.dispatch
    }
}

/// A list compared by identity (as a memo's key; it holds the list, so the address cannot be
/// reused while it is compared).
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn FileTable(props: &FileTableProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let files = &props.files;
    // Keyed by the list's identity: comparing two lists by value would compare every figure
    // and word count of every file, at each redraw (over 100 ms for 100,000 figures).
    let order = use_memo((Same(files.clone()), props.status), |(Same(files), status)| {
        let mut order: Vec<usize> =
            (0..files.len()).filter(|&k| status.is_none_or(|s| files[k].status_word() == s)).collect();
        order.sort_by_key(|&k| !matches!(files[k].status, FileStatus::Failed(_)));
        order
    });
    let virt = use_virtual_rows(order.len(), ROW_PX, IN_VIEW);
    let rows = order[virt.range.clone()].iter().map(|&k| {
        let f = &files[k];
        let word = f.status_word();
        let status = match &f.status {
            FileStatus::Failed(e) => format!("{}：{}", lang.t(Text::FilterStatus(Some(word))), lang.failure(e)),
            _ => lang.t(Text::FilterStatus(Some(word))).into_owned(),
        };
        let class = match word {
            StatusWord::Queued => "queued",
            StatusWord::Done => "ok",
            StatusWord::Failed => "failed",
            StatusWord::Cancelled => "cancelled",
        };
        let remove = props.dispatch.reform(move |_: MouseEvent| Action::RemoveFile(k));
        html! {
            <tr class={classes!("row", class)} data-status={class}>
                <td class="num">{ k + 1 }</td>
                <td class="fname" title={f.name.to_string()}>{ f.name.to_string() }</td>
                <td class="num">{ human_size(f.size) }</td>
                <td>{ f.encoding.clone().unwrap_or_default() }</td>
                <td class="num">{ if f.status == FileStatus::Done { f.figures.len().to_string() } else { String::new() } }</td>
                <td class="fstatus" title={status.clone()}>{ status }</td>
                <td><button class="small remove" data-testid="remove-file" aria-label={format!("{} {}", lang.t(Text::RemoveFile(k)), f.name)}
                    onclick={remove}>{ "×" }</button></td>
            </tr>
        }
    });
    let filters =
        [None, Some(StatusWord::Done), Some(StatusWord::Failed), Some(StatusWord::Queued), Some(StatusWord::Cancelled)];
    let chips = filters.iter().map(|&s| {
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::FilesStatus(s));
        let testid = format!(
            "files-status-{}",
            match s {
                None => "all",
                Some(StatusWord::Done) => "ok",
                Some(StatusWord::Failed) => "failed",
                Some(StatusWord::Queued) => "queued",
                Some(StatusWord::Cancelled) => "cancelled",
            }
        );
        html! {
            <button class={classes!("chip", (props.status == s).then_some("active"))} data-testid={testid}
                aria-pressed={(props.status == s).to_string()} {onclick}>{ lang.t(Text::FilterStatus(s)) }</button>
        }
    });
    let head = |c: FileCol| html! { <th scope="col">{ lang.t(Text::FileHead(c)) }</th> };
    let range = virt.range.clone();
    html! {
        <>
            <div class="filters" role="group" aria-label={lang.t(Text::FileStatusFilter)}>
                { for chips }
                <span class="hint" role="status" data-testid="files-count">{ lang.t(Text::FilesShown(order.len(), files.len())) }</span>
            </div>
            <div class="table-wrap files-wrap" tabindex="0" role="region" aria-label={lang.t(Text::Files)} onscroll={virt.onscroll.clone()}>
                <table data-testid="files-table" class="filetable">
                    <thead><tr>
                        { head(FileCol::No) }{ head(FileCol::Name) }{ head(FileCol::Size) }{ head(FileCol::Encoding) }
                        { head(FileCol::Figures) }{ head(FileCol::Status) }{ head(FileCol::Remove) }
                    </tr></thead>
                    <tbody>
                        { spacer(&virt.top, range.start, 7) }
                        { for rows }
                        { spacer(&virt.bottom, order.len() - range.end, 7) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
