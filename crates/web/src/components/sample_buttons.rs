//! The buttons that put a sample article into the editor.

use crate::samples::SAMPLES;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SampleButtonsProps {
    /// A sample was chosen (its index in `SAMPLES`).
    pub on_pick: Callback<usize>,
}

#[component]
pub fn SampleButtons(props: &SampleButtonsProps) -> Html {
    let buttons = SAMPLES.iter().enumerate().map(|(k, s)| {
        let onclick = props.on_pick.reform(move |_: MouseEvent| k);
        html! {
            <button class="sample" data-testid={format!("sample-{k}")} title={s.file} {onclick}>
                <span class="sample-no">{ format!("样例 {}", k + 1) }</span>
                <span class="sample-title">{ s.title() }</span>
            </button>
        }
    });
    html! { <div class="samples">{ for buttons }</div> }
}
