//! How far the batch is, with its cancel (while running) or clear (once done) button.

use crate::i18n::{Lang, Text};
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
    let lang = use_context::<Lang>().unwrap_or_default();
    let b = &props.batch;
    let now = b.finished_ms.unwrap_or_else(now_ms);
    let elapsed = (now - b.started_ms) / 1000.0;
    let mut parts = vec![lang.t(Text::Progress { done: b.done, total: b.total, figures: b.figures, failed: b.failed })];
    if b.done > 0 && b.finished_ms.is_none() {
        parts.push(lang.t(Text::TimeLeft(elapsed / b.done as f64 * (b.total - b.done) as f64)));
    }
    parts.push(match (b.finished_ms, b.cancelled) {
        (Some(_), true) => lang.t(Text::BatchCancelled),
        (Some(_), false) => lang.t(Text::BatchDone(elapsed)),
        (None, _) => lang.t(Text::BatchRunning),
    });
    if b.replaced > 0 {
        parts.push(lang.t(Text::Replaced(b.replaced)));
    }
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <div class="progress-box">
            <progress data-testid="progress" value={b.done.to_string()} max={b.total.to_string()}
                aria-label={lang.t(Text::Files)} />
            <div class="progress-text">
                <span data-testid="progress-text" role="status">{ parts.join(" · ") }</span>
                if b.finished_ms.is_none() {
                    <button class="small" data-testid="cancel" onclick={on_cancel}>{ lang.t(Text::Cancel) }</button>
                } else {
                    <button class="small" data-testid="clear-files" onclick={on_clear}>{ lang.t(Text::ClearFiles) }</button>
                }
            </div>
        </div>
    }
}
