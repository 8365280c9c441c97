//! The switch between Chinese and English.

use crate::i18n::{Lang, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub on_switch: Callback<Lang>,
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let onclick = props.on_switch.reform(move |_: MouseEvent| lang.other());
    // The button names the language it switches to, in that language.
    let to = lang.other();
    html! {
        <button class="lang" data-testid="lang" lang={to.code()} aria-label={lang.t(Text::SwitchLabel)} {onclick}>
            { lang.t(Text::SwitchTo) }
        </button>
    }
}
