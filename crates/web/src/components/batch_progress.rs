//! How far the batch is, with its cancel (while running) or clear (once done) button.

use crate::pool::now_ms;
use crate::state::Batch;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BatchProgressProps {
    pub batch: Batch,
    pub on_cancel: Callback<()>,
    pub on_clear: Callback<()>,
}

#[component]
pub fn BatchProgress(props: &BatchProgressProps) -> Html {
    let b = &props.batch;
    let now = b.finished_ms.unwrap_or_else(now_ms);
    let elapsed = (now - b.started_ms) / 1000.0;
    let left = if b.done > 0 && b.finished_ms.is_none() {
        format!(" · 约剩 {:.1} 秒", elapsed / b.done as f64 * (b.total - b.done) as f64)
    } else {
        String::new()
    };
    let verdict = match (b.finished_ms, b.cancelled) {
        (Some(_), true) => "已取消 cancelled".to_string(),
        (Some(_), false) => format!("完成 done in {elapsed:.2} s"),
        (None, _) => "分析中 analysing".to_string(),
    };
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <div class="progress-box">
            <progress data-testid="progress" value={b.done.to_string()} max={b.total.to_string()} />
            <div class="progress-text" data-testid="progress-text">
                { format!("{} / {} 个文件 · {} 个数字 · {} 个失败{} · {}", b.done, b.total, b.figures, b.failed, left, verdict) }
                if b.finished_ms.is_none() {
                    <button class="small" data-testid="cancel" onclick={on_cancel}>{ "取消 Cancel" }</button>
                } else {
                    <button class="small" data-testid="clear-files" onclick={on_clear}>{ "清除 Clear" }</button>
                }
            </div>
        </div>
    }
}
