//! The editor: the sample buttons, the textarea, and the view of a long text kept out of it.
//!
//! The editor's text lives in the textarea itself: set from the state, Yew would read the
//! whole text back out of the page on every render to compare it (megabytes for a long
//! article); choosing a sample writes it there.

use super::SampleButtons;
use crate::dom::{js_string, plain_text};
use crate::i18n::{Lang, Text};
use crate::protocol::PIECE_UNITS;
use crate::samples::SAMPLES;
use crate::text::DocText;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DragEvent, HtmlTextAreaElement};
use yew::prelude::*;

/// A text longer than this (UTF-16 units, as JavaScript counts them: about 256 KB of
/// Chinese, one piece of the pool's) is kept out of the textarea and shown by its start:
/// Chromium lays out a textarea's whole text, ~110 bytes and ~0.8 µs a char (for a 10 MB
/// text, ~410 MB and ~2.8 s), and nobody edits such a text in a box.
const LONG_UNITS: u32 = PIECE_UNITS;
/// Chars of a long text shown.
const LONG_PREVIEW_CHARS: usize = 3_000;

/// A long text taken out of the editor: its length and its start.
#[derive(Clone, PartialEq)]
struct LongText {
    chars: usize,
    preview: String,
}

/// A text the page puts into the editor (a restored session's), once per `id`.
#[derive(Clone, PartialEq)]
pub struct Preset {
    pub id: u32,
    pub text: DocText,
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The editor's text changed: the text, and whether to send it now (else after a pause).
    pub on_text: Callback<(DocText, bool)>,
    #[prop_or_default]
    pub preset: Option<Preset>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let input = use_node_ref();
    let long = use_state(|| None::<LongText>);
    // A long text (pasted, dropped or inserted) goes to the analysis and the long-text view,
    // never into the textarea; returns whether it was one.
    let take_long = {
        let on_text = props.on_text.clone();
        let long = long.setter();
        Rc::new(move |area: &HtmlTextAreaElement, incoming: js_sys::JsString| -> bool {
            let Some(text) = long_edit(area, &incoming) else { return false };
            area.set_value("");
            // Sent first: the workers start while the text is measured for its view.
            let text = DocText::js(text);
            on_text.emit((text.clone(), true));
            long.set(Some(LongText { chars: text.chars(), preview: text.slice(0, LONG_PREVIEW_CHARS).into_owned() }));
            true
        })
    };
    let on_input = {
        let on_text = props.on_text.clone();
        let take_long = take_long.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            // Should a long text have got in all the same, it is taken out before it is drawn.
            if area.text_length() > LONG_UNITS {
                let all = js_string(&area, "value").unwrap_or_default();
                area.set_value("");
                take_long(&area, all);
                return;
            }
            on_text.emit((DocText::from(area.value()), false));
        })
    };
    let on_paste = {
        let take_long = take_long.clone();
        Callback::from(move |e: Event| {
            let (Some(area), Some(paste)) =
                (e.target_dyn_into::<HtmlTextAreaElement>(), e.dyn_ref::<web_sys::ClipboardEvent>())
            else {
                return;
            };
            let text = paste.clipboard_data().and_then(|d| plain_text(&d)).unwrap_or_default();
            if take_long(&area, text) {
                e.prevent_default();
            }
        })
    };
    let on_drop_text = {
        let take_long = take_long.clone();
        Callback::from(move |e: DragEvent| {
            let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() else { return };
            let text = e.data_transfer().and_then(|d| plain_text(&d)).unwrap_or_default();
            if take_long(&area, text) {
                e.prevent_default();
            }
        })
    };
    // Text typed or inserted by a script (`beforeinput` has no Yew attribute).
    {
        let take_long = take_long.clone();
        use_effect_with(input.clone(), move |input| {
            let area = input.cast::<HtmlTextAreaElement>();
            let listener = Closure::<dyn Fn(web_sys::InputEvent)>::new(move |e: web_sys::InputEvent| {
                let (Some(area), Some(data)) = (e.target_dyn_into::<HtmlTextAreaElement>(), js_string(&e, "data"))
                else {
                    return;
                };
                if take_long(&area, data) {
                    e.prevent_default();
                }
            });
            if let Some(area) = &area {
                let _ = area.add_event_listener_with_callback("beforeinput", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(area) = area {
                    let _ = area.remove_event_listener_with_callback("beforeinput", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    // A text put in by the page: into the box, or the long-text view, and sent at once.
    {
        let (on_text, input, long) = (props.on_text.clone(), input.clone(), long.setter());
        use_effect_with(props.preset.clone(), move |preset| {
            let Some(Preset { text, .. }) = preset else { return };
            if let Some(area) = input.cast::<HtmlTextAreaElement>() {
                let js = text.to_js();
                if js.length() > LONG_UNITS {
                    area.set_value("");
                    long.set(Some(LongText {
                        chars: text.chars(),
                        preview: text.slice(0, LONG_PREVIEW_CHARS).into_owned(),
                    }));
                } else {
                    area.set_value(&String::from(js));
                    long.set(None);
                }
            }
            on_text.emit((text.clone(), true));
        });
    }
    let on_clear_long = {
        let on_text = props.on_text.clone();
        let long = long.setter();
        Callback::from(move |_: MouseEvent| {
            long.set(None);
            on_text.emit((DocText::default(), true));
        })
    };
    let on_pick = {
        let on_text = props.on_text.clone();
        let input = input.clone();
        let long = long.setter();
        use_callback((), move |k: usize, _| {
            if let Some(area) = input.cast::<HtmlTextAreaElement>() {
                area.set_value(SAMPLES[k].text);
            }
            long.set(None);
            on_text.emit((DocText::from(SAMPLES[k].text), true))
        })
    };
    html! {
        <>
            <SampleButtons {on_pick} />
            <textarea data-testid="input" placeholder={lang.t(Text::Input)} aria-label={lang.t(Text::InputLabel)}
                ref={input} oninput={on_input} onpaste={on_paste} ondrop={on_drop_text} spellcheck="false"
                hidden={long.is_some()} />
            if let Some(text) = (*long).clone() {
                <div class="long-text" data-testid="long-text">
                    <p class="long-head">
                        { lang.t(Text::LongText(text.chars)) }
                        <button class="small" data-testid="clear-text" onclick={on_clear_long}>{ lang.t(Text::ClearText) }</button>
                    </p>
                    <pre class="long-preview" tabindex="0">{ text.preview }if text.chars > LONG_PREVIEW_CHARS { { "……" } }</pre>
                </div>
            }
        </>
    }
}

/// The editor's text once `incoming` replaces its selection, if that is a long text.
fn long_edit(area: &HtmlTextAreaElement, incoming: &js_sys::JsString) -> Option<js_sys::JsString> {
    let len = area.text_length();
    let start = area.selection_start().ok().flatten().unwrap_or(len).min(len);
    let end = area.selection_end().ok().flatten().unwrap_or(len).clamp(start, len);
    if len - (end - start) + incoming.length() <= LONG_UNITS {
        return None;
    }
    if start == 0 && end == len {
        // The usual case (a paste into an empty or wholly selected box): the text as it came,
        // not a joined copy (the join is flattened into a new string of the text's size).
        return Some(incoming.clone());
    }
    let value = js_string(area, "value").unwrap_or_default();
    Some(value.slice(0, start).concat(incoming).concat(&value.slice(end, len)))
}
