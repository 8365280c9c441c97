//! A document's words, tagged, with its figures marked: a window of tokens around the
//! selected figure.

use crate::i18n::{Lang, Text};
use crate::protocol::Report;
use crate::text::{Cursor, DocText};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Tokens drawn in the article view (the rest is summarised).
/// (Each is an element of the page and a node of Yew's, drawn at once; the sample articles have
/// 2,100-3,600.)
const MAX_TOKENS_SHOWN: usize = 4_000;

#[derive(Properties)]
pub struct TokensProps {
    pub text: DocText,
    pub report: Rc<Report>,
    pub selected: Option<(usize, usize)>,
}

impl PartialEq for TokensProps {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && Rc::ptr_eq(&self.report, &other.report) && self.selected == other.selected
    }
}

#[component]
pub fn Tokens(props: &TokensProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let report = &props.report;
    let selected = props.selected;
    use_effect_with(selected, move |sel| {
        if sel.is_some()
            && let Some(el) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".tok.sel").ok().flatten())
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
            && let Some(container) = el.closest(".tokens").ok().flatten()
        {
            // Scroll the article box only, not the page: the table stays in view.
            let target = el.offset_top() - container.client_height() / 2;
            container.set_scroll_top(target.max(0));
            // And the page, as little as it takes to show the figure.
            crate::dom::scroll_into_view("[data-testid=\"selected-figure\"]");
        }
    });
    // A window of tokens around the selected figure (from the start when none is).
    let total = report.token_ends.len();
    let around = selected.map_or(0, |(s, _)| report.token_ends.partition_point(|&e| (e as usize) <= s));
    let first = around.saturating_sub(MAX_TOKENS_SHOWN / 2).min(total.saturating_sub(MAX_TOKENS_SHOWN));
    let last = (first + MAX_TOKENS_SHOWN).min(total);
    let window_start = if first == 0 { 0 } else { report.token_ends[first - 1] as usize };
    let mut fig = report.figures.partition_point(|f| f.end <= window_start);
    let window_end = if last == 0 { 0 } else { report.token_ends[last - 1] as usize };
    let window = props.text.slice(window_start, window_end);
    let mut cursor = Cursor::new(&window, window_start);
    // Whether the token before is whitespace too (so a break was already drawn).
    let mut blank_before = false;
    let mut marked = false;
    let spans = (first..last).map(|k| {
        let (start, end, tag) = report.token(k);
        while fig < report.figures.len() && report.figures[fig].end <= start {
            fig += 1;
        }
        let in_fig = report.figures.get(fig).is_some_and(|f| f.start < end && start < f.end);
        let is_sel = selected.is_some_and(|(s, e)| s < end && start < e);
        cursor.skip_to(start);
        let word = cursor.take(end);
        let blank = word.trim().is_empty();
        let after_blank = std::mem::replace(&mut blank_before, blank);
        if blank {
            // One line break per paragraph break, however many blank lines the text has.
            let breaks = word.contains('\n') && k > first && !after_blank;
            return if breaks {
                html! { <br /> }
            } else {
                html! {}
            };
        }
        // One class string and the tag as a static string: thousands of these are drawn at once.
        let class = format!(
            "tok t-{}{}{}",
            tag.chars().next().unwrap_or('x'),
            if in_fig { " fig" } else { "" },
            if is_sel { " sel" } else { "" }
        );
        if is_sel {
            // The figure's first word carries the mark tests and scrolling look for.
            let testid = (!std::mem::replace(&mut marked, true)).then_some("selected-figure");
            return html! { <mark {class} title={tag} data-testid={testid}>{ word.to_string() }</mark> };
        }
        html! { <span {class} title={tag}>{ word.to_string() }</span> }
    });
    html! {
        <div data-testid="tokens" class="tokens" tabindex="0" role="region" aria-labelledby="article-heading">
            { for spans }
            if last - first < total {
                <p class="hint">{ lang.t(Text::TokensShown { first: first + 1, last, total }) }</p>
            }
        </div>
    }
}
