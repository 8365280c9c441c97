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
                <button class="small" data-testid="session-clear" onclick={props.on_clear.reform(|_| ())}>{ lang.w(Words::Clear) }</button>
                <button class="small" data-testid="session-export" onclick={props.on_export.reform(|_| ())}>{ lang.w(Words::Export) }</button>
                <label class="pick small">
                    <input type="file" accept=".json,application/json" data-testid="session-open" onchange={on_open} />
                    <span>{ lang.w(Words::Open) }</span>
                </label>
            </div>
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
