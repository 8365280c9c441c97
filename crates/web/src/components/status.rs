//! The status line under the title: loading, analysing, analysed, or why not.

use crate::labels::{failure, grouped};
use crate::state::Status;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub status: Status,
}

#[component]
pub fn StatusLine(props: &StatusProps) -> Html {
    match &props.status {
        Status::Broken(why) => html! {
            <span class="status broken" data-testid="engine-error">
                { format!("无法分析 — {}。请刷新页面重试 (reload to try again)", failure(why)) }
            </span>
        },
        Status::Notice(why) => html! { <span class="status broken" data-testid="text-error">{ failure(why) }</span> },
        Status::Loading => html! { <span class="status loading">{ "正在加载词典… loading dictionary" }</span> },
        Status::Pieces(back, pieces) => html! {
            <span class="status busy" data-testid="text-progress">{ format!("分析中… {} / {} 段 (analysing: pieces done)", grouped(*back), grouped(*pieces)) }</span>
        },
        Status::Analysing => html! { <span class="status busy">{ "分析中… analysing" }</span> },
        Status::Analysed { chars, tokens, figures, ms } => html! {
            <span class="status ok">{ format!("已分析 {} 字 · {} 词 · {} 个数字 · {:.0} ms", grouped(*chars), grouped(*tokens), grouped(*figures), ms) }</span>
        },
        Status::Ready => html! { <span class="status ok">{ "就绪 ready — 粘贴文章、选择样例或拖入文件" }</span> },
    }
}
