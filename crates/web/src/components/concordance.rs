//! The concordance (keyword in context, as AntConc's KWIC): a word or phrase across every text
//! of the session, one line per hit, sortable by the text to its left or right.

use crate::i18n::{KwicCol, Lang, Text};
use crate::state::{Action, Docs, PASTED_NAME};
use shudu_core::workbench::concordance::{self, SortBy};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Lines drawn at most (every hit is counted).
const LINES: usize = 2_000;

#[derive(Properties, PartialEq)]
pub struct ConcordanceProps {
    pub docs: Docs,
    pub query: String,
    pub sort: SortBy,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ConcordanceView(props: &ConcordanceProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // The texts, read out of the page's strings once per change of the documents.
    let texts = use_memo(props.docs.clone(), |docs| {
        docs.texts()
            .into_iter()
            .map(|(name, t)| (name.to_string(), t.slice(0, t.chars()).into_owned()))
            .collect::<Vec<_>>()
    });
    let found = use_memo((texts.clone(), props.query.clone(), props.sort), |(texts, q, sort)| {
        let refs: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
        let (mut lines, total) = concordance::find(&refs, q, LINES);
        concordance::sort(&mut lines, *sort);
        (lines, total)
    });
    let on_input = props.dispatch.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::Kwic(input.value())
    });
    let sort_button = |by: SortBy, text: Text, testid: &'static str| {
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::KwicSort(by));
        html! {
            <button class="chip" data-testid={testid} aria-pressed={(props.sort == by).to_string()} {onclick}>{ lang.t(text) }</button>
        }
    };
    let (lines, total) = &*found;
    let body = lines.iter().map(|l| {
        let name = &texts[l.doc].0;
        let file = if name == PASTED_NAME { lang.t(Text::Pasted).into_owned() } else { name.clone() };
        html! {
            <tr>
                <td class="fname" title={file.clone()}>{ file }</td>
                <td class="left">{ &l.left }</td>
                <td class="hit"><mark>{ &l.hit }</mark></td>
                <td class="right">{ &l.right }</td>
            </tr>
        }
    });
    html! {
        <>
            <h2 id="concordance-heading">{ lang.t(Text::ConcordanceHeading) }</h2>
            <div class="filters">
                <input class="search" type="search" data-testid="concordance-input" aria-label={lang.t(Text::ConcordanceInput)}
                    placeholder={lang.t(Text::ConcordanceInput)} value={props.query.clone()} oninput={on_input} />
                <span role="group" class="sorts">
                    { sort_button(SortBy::Place, Text::SortPlace, "kwic-sort-place") }
                    { sort_button(SortBy::Left, Text::SortLeft, "kwic-sort-left") }
                    { sort_button(SortBy::Right, Text::SortRight, "kwic-sort-right") }
                </span>
            </div>
            <p class="hint" role="status" data-testid="concordance-count">
                if !props.query.trim().is_empty() { { lang.t(Text::Hits(lines.len(), *total)) } }
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="concordance-heading">
                <table data-testid="concordance" class="figures kwic">
                    <thead><tr>
                        <th scope="col">{ lang.t(Text::KwicColumn(KwicCol::File)) }</th>
                        <th scope="col" class="left">{ lang.t(Text::KwicColumn(KwicCol::Left)) }</th>
                        <th scope="col">{ lang.t(Text::KwicColumn(KwicCol::Hit)) }</th>
                        <th scope="col">{ lang.t(Text::KwicColumn(KwicCol::Right)) }</th>
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </>
    }
}
