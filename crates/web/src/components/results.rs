//! The results, as tabs: figures, summary, chart, concordance, word list, conflicts. Only
//! the chosen view is drawn.

use super::{ChartView, ConcordanceView, ConflictsView, FiguresView, SummaryView, WordListView};
use crate::i18n::{Lang, Text, ViewName};
use crate::state::{Action, Bench, DocRef, Docs, Table, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub docs: Docs,
    pub table: Table,
    pub bench: Bench,
    pub selected: Option<(DocRef, usize)>,
    pub dispatch: Callback<Action>,
    pub on_select: Callback<(DocRef, usize)>,
}

fn name(v: View) -> ViewName {
    match v {
        View::Figures => ViewName::Figures,
        View::Summary => ViewName::Summary,
        View::Chart => ViewName::Chart,
        View::Concordance => ViewName::Concordance,
        View::Words => ViewName::Words,
        View::Conflicts => ViewName::Conflicts,
    }
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let current = props.bench.view;
    // Arrow keys move between the tabs, as in any tab list.
    let onkeydown = props.dispatch.reform(move |e: KeyboardEvent| {
        let k = View::ALL.iter().position(|v| *v == current).unwrap_or(0);
        let next = match e.key().as_str() {
            "ArrowRight" => (k + 1) % View::ALL.len(),
            "ArrowLeft" => (k + View::ALL.len() - 1) % View::ALL.len(),
            _ => k,
        };
        if next != k {
            let id = format!("tab-{}", View::ALL[next].id());
            // Focus follows the chosen tab once it is drawn.
            gloo_timers::callback::Timeout::new(0, move || {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&id))
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = el.focus();
                }
            })
            .forget();
        }
        Action::View(View::ALL[next])
    });
    let tabs = View::ALL.iter().map(|&v| {
        let selected = v == current;
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::View(v));
        html! {
            <button role="tab" id={format!("tab-{}", v.id())} data-testid={format!("tab-{}", v.id())}
                aria-selected={selected.to_string()} aria-controls="results-panel" tabindex={if selected { "0" } else { "-1" }}
                class={classes!("tab", selected.then_some("active"))} {onclick}>{ lang.t(Text::Tab(name(v))) }</button>
        }
    });
    let (docs, dispatch) = (props.docs.clone(), props.dispatch.clone());
    let b = &props.bench;
    let view = match current {
        View::Figures => html! {
            <FiguresView {docs} table={props.table.clone()} selected={props.selected} {dispatch} on_select={props.on_select.clone()} />
        },
        View::Summary => html! { <SummaryView {docs} sort={b.summary_sort} {dispatch} /> },
        View::Chart => {
            html! { <ChartView {docs} metric={b.chart_metric.clone()} by_period={b.chart_by_period} {dispatch} /> }
        }
        View::Concordance => html! { <ConcordanceView {docs} query={b.kwic.clone()} sort={b.kwic_sort} {dispatch} /> },
        View::Words => html! { <WordListView {docs} pos={b.pos} {dispatch} /> },
        View::Conflicts => html! { <ConflictsView {docs} /> },
    };
    html! {
        <>
            <div class="tabs" role="tablist" aria-label={lang.t(Text::Results)} {onkeydown}>{ for tabs }</div>
            <div id="results-panel" role="tabpanel" aria-labelledby={format!("tab-{}", current.id())} class="panel">{ view }</div>
        </>
    }
}
