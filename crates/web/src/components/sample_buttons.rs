//! The buttons that put a sample article into the editor.

use crate::i18n::{Lang, Text};
use crate::samples::SAMPLES;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SampleButtonsProps {
    /// A sample was chosen (its index in `SAMPLES`).
    pub on_pick: Callback<usize>,
}

#[component]
pub fn SampleButtons(props: &SampleButtonsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let buttons = SAMPLES.iter().enumerate().map(|(k, s)| {
        let onclick = props.on_pick.reform(move |_: MouseEvent| k);
        html! {
            <button class="sample" data-testid={format!("sample-{k}")} title={s.file} {onclick}>
                <span class="sample-no">{ lang.t(Text::Sample(k)) }</span>
                <span class="sample-title">{ s.title() }</span>
            </button>
        }
    });
    html! { <div class="samples" role="group" aria-label={lang.t(Text::Samples)}>{ for buttons }</div> }
}
