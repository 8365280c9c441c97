//! The files of the batch, failed ones first.

use crate::labels::{failure, human_size};
use crate::state::{FileDoc, FileStatus};
use std::rc::Rc;
use yew::prelude::*;

/// Rows drawn in the files table (failed files always among them).
const FILE_ROWS: usize = 300;

#[derive(Properties)]
pub struct FileTableProps {
    pub files: Rc<Vec<FileDoc>>,
}

// By identity: the reducer makes a new list whenever a file changes.
impl PartialEq for FileTableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.files, &other.files)
    }
}

#[component]
pub fn FileTable(props: &FileTableProps) -> Html {
    let files = &props.files;
    // Failed files first, then the rest in order; at most FILE_ROWS drawn.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&k| !matches!(files[k].status, FileStatus::Failed(_)));
    let hidden = order.len().saturating_sub(FILE_ROWS);
    order.truncate(FILE_ROWS);
    let rows = order.into_iter().map(|k| (k, &files[k])).map(|(k, f)| {
        let (status, class) = match &f.status {
            FileStatus::Queued => ("排队 queued".to_string(), "queued"),
            FileStatus::Done => ("完成 ok".to_string(), "ok"),
            FileStatus::Failed(e) => (format!("失败：{}", failure(e)), "failed"),
            FileStatus::Cancelled => ("已取消 cancelled".to_string(), "cancelled"),
        };
        html! {
            <tr class={class} data-status={class}>
                <td class="num">{ k + 1 }</td>
                <td class="fname" title={f.name.to_string()}>{ f.name.to_string() }</td>
                <td class="num">{ human_size(f.size) }</td>
                <td>{ f.encoding.clone().unwrap_or_default() }</td>
                <td class="num">{ if f.status == FileStatus::Done { f.figures.len().to_string() } else { String::new() } }</td>
                <td class="fstatus">{ status }</td>
            </tr>
        }
    });
    html! {
        <div class="table-wrap files-wrap">
            <table data-testid="files-table" class="filetable">
                <thead><tr><th>{ "#" }</th><th>{ "文件" }</th><th>{ "大小" }</th><th>{ "编码" }</th><th>{ "数字" }</th><th>{ "状态" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if hidden > 0 {
                <p class="hint">{ format!("另有 {hidden} 个文件未列出（失败的文件总在最前）") }</p>
            }
        </div>
    }
}
