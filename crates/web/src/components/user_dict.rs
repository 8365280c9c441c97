//! The user dictionary box: words the engine is to keep whole (jieba's `userdict.txt`),
//! typed or loaded from a file, applied when the box is left (`change`); a refused line is
//! said, and the words before it stay in use.

use crate::i18n::Lang;
use crate::session::words::Words;
use shudu_core::dict::UserDictError;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UserDictProps {
    /// The dictionary as typed.
    pub text: String,
    pub error: Option<UserDictError>,
    /// The new text of the box, to check and apply.
    pub on_change: Callback<String>,
}

#[component]
pub fn UserDict(props: &UserDictProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let on_change = {
        let emit = props.on_change.clone();
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            emit.emit(area.value());
        })
    };
    let on_file = {
        let emit = props.on_change.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
            input.set_value("");
            let emit = emit.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(text) = JsFuture::from(file.text()).await {
                    emit.emit(text.as_string().unwrap_or_default());
                }
            });
        })
    };
    // Open once it has words (a restored dictionary shows); never closed by the page (emptying
    // the box must not fold it away under the cursor).
    let open = use_state_eq(|| false);
    {
        let open = open.setter();
        use_effect_with(props.text.is_empty(), move |empty| {
            if !*empty {
                open.set(true);
            }
        });
    }
    let words = props.text.lines().filter(|l| !l.trim().is_empty() && !l.trim().starts_with('#')).count();
    html! {
        <details class="user-dict" open={*open}>
            <summary>{ lang.w(Words::DictHeading) }</summary>
            <p class="hint" id="user-dict-hint">{ lang.w(Words::DictHint) }</p>
            <textarea data-testid="user-dict" class="user-dict-box" rows="4" spellcheck="false"
                aria-label={lang.w(Words::DictLabel)} aria-describedby="user-dict-hint"
                aria-invalid={props.error.is_some().then_some("true")}
                value={props.text.clone()} onchange={on_change} />
            <div class="user-dict-foot">
                <label class="pick small">
                    <input type="file" accept=".txt,text/plain" data-testid="user-dict-file" onchange={on_file} />
                    <span>{ lang.w(Words::DictFile) }</span>
                </label>
                if let Some(e) = &props.error {
                    <p class="error" role="alert" data-testid="user-dict-error">{ lang.w(Words::DictError(e)) }</p>
                } else if words > 0 {
                    <span class="hint" data-testid="user-dict-count">{ lang.w(Words::DictWords(words)) }</span>
                }
            </div>
        </details>
    }
}
