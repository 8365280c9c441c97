//! The session bar: whether the session is kept in this browser (off deletes what is kept),
//! clearing it, saving it as a file and opening one, and what went wrong keeping it.

use crate::i18n::Lang;
use crate::session::words::Words;
use crate::state::SessionNote;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SessionBarProps {
    pub keep: bool,
    pub note: SessionNote,
    pub on_keep: Callback<bool>,
    pub on_clear: Callback<()>,
    pub on_export: Callback<()>,
    /// A session file picked, to open.
    pub on_open: Callback<web_sys::File>,
}

#[component]
pub fn SessionBar(props: &SessionBarProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // Clearing takes everything off the page: it asks first, in the bar itself (no modal
    // the keyboard could get lost in), the confirming button focused.
    let asking = use_state_eq(|| false);
    let confirm_ref = use_node_ref();
    {
        let confirm_ref = confirm_ref.clone();
        use_effect_with(*asking, move |asking| {
            if *asking && let Some(b) = confirm_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let on_ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let on_no = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(false))
    };
    let on_yes = {
        let (asking, emit) = (asking.clone(), props.on_clear.clone());
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            emit.emit(());
        })
    };
    let on_key = {
        let asking = asking.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                asking.set(false);
            }
        })
    };
    let on_keep = {
        let emit = props.on_keep.clone();
        Callback::from(move |e: Event| emit.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    let on_open = {
        let emit = props.on_open.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|l| l.get(0)) {
                emit.emit(file);
            }
            input.set_value("");
        })
    };
    html! {
        <div class="session-bar" data-testid="session">
            <h2 class="sr-only">{ lang.w(Words::SessionHeading) }</h2>
            <label class="keep" title={lang.w(Words::KeepHint)}>
                <input type="checkbox" data-testid="session-keep" checked={props.keep} onchange={on_keep} />
                { " " }{ lang.w(Words::Keep) }
            </label>
            <div class="session-actions">
                <button class="small" data-testid="session-clear" aria-expanded={asking.to_string()} onclick={on_ask}>{ lang.w(Words::Clear) }</button>
                <button class="small" data-testid="session-export" onclick={props.on_export.reform(|_| ())}>{ lang.w(Words::Export) }</button>
                <label class="pick small">
                    <input type="file" accept=".json,application/json" data-testid="session-open" onchange={on_open} />
                    <span>{ lang.w(Words::Open) }</span>
                </label>
            </div>
            if *asking {
                <div class="confirm" role="group" aria-labelledby="clear-ask" data-testid="session-clear-ask" onkeydown={on_key}>
                    <p id="clear-ask">{ lang.w(Words::ClearAsk) }</p>
                    <button class="small danger" data-testid="session-clear-confirm" ref={confirm_ref} onclick={on_yes}>{ lang.w(Words::ClearYes) }</button>
                    <button class="small" data-testid="session-clear-cancel" onclick={on_no}>{ lang.w(Words::ClearNo) }</button>
                </div>
            }
            { match &props.note {
                SessionNote::None => html! {},
                SessionNote::Restored(n) => html! {
                    <p class="hint" role="status" data-testid="session-note">{ lang.w(Words::Restored(*n)) }</p>
                },
                SessionNote::Problem(e) => html! {
                    <p class="error" role="alert" data-testid="session-error">{ lang.w(Words::Problem(e)) }</p>
                },
            } }
        </div>
    }
}
