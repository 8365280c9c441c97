//! Totals by metric: one row per label and unit (count, files, sum where it means something,
//! min, max, latest period), sortable; a row opens its figures in the figures table.

use super::sort_head::sort_head;
use super::stepped::{self, computing, use_stepped};
use crate::i18n::{Lang, SumCol, Text};
use crate::state::{Action, Docs};
use shudu_core::export::grouped_number;
use shudu_core::workbench::summary::{self, SortBy};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub docs: Docs,
    pub sort: (SortBy, bool),
    pub dispatch: Callback<Action>,
}

#[component]
pub fn SummaryView(props: &SummaryProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // Computed in steps (100,000 figures took one task of 100-360 ms).
    let (rows, busy) = use_stepped((props.docs.clone(), props.sort), |(docs, (by, asc)), steps| async move {
        let rows = stepped::rows(&docs, &steps).await?;
        let mut s = summary::Summarizer::default();
        for (k, r) in rows.iter().enumerate() {
            s.add(k, &r.entry());
            steps.tick(1).await?;
        }
        let mut rows = s.finish();
        summary::sort(&mut rows, by, asc);
        Some(rows)
    });
    let rows = rows.unwrap_or_default();
    let hint = lang.t(Text::SortHint);
    let th = |by: SortBy, col: SumCol| {
        let sort = (props.sort.0 == by).then_some(props.sort.1);
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::SummarySort(by));
        sort_head(&lang.t(Text::SummaryColumn(col)), &hint, sort, onclick)
    };
    let num = |n: Option<f64>| n.map(grouped_number).unwrap_or_default();
    let body = rows.iter().map(|r| {
        let metric = (r.label.clone(), r.unit.clone());
        let onclick = {
            let metric = metric.clone();
            props.dispatch.reform(move |_: MouseEvent| Action::FilterMetric(Some(metric.clone())))
        };
        let onkeydown = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    dispatch.emit(Action::FilterMetric(Some(metric.clone())));
                }
            })
        };
        html! {
            <tr class="row" tabindex="0" {onclick} {onkeydown}>
                <td class="label">{ &r.label }</td>
                <td>{ &r.unit }</td>
                <td class="num">{ r.count }</td>
                <td class="num">{ r.files }</td>
                <td class="num">{ num(r.sum) }</td>
                <td class="num">{ num(r.min) }</td>
                <td class="num">{ num(r.max) }</td>
                <td title={r.latest_period.clone()}>{ r.latest_period.as_deref().map(|p| lang.period(p)).unwrap_or_default() }</td>
            </tr>
        }
    });
    html! {
        <>
            <h2 id="summary-heading">{ lang.t(Text::SummaryHeading) }</h2>
            <p class="hint">{ lang.t(Text::SummaryHint) }</p>
            { computing(lang, busy) }
            if rows.is_empty() && !busy {
                <p class="hint" role="status">{ lang.t(Text::NoSummary) }</p>
            } else {
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="summary-heading">
                    <table data-testid="summary" class="figures summary">
                        <thead><tr>
                            { th(SortBy::Label, SumCol::Label) }{ th(SortBy::Unit, SumCol::Unit) }{ th(SortBy::Count, SumCol::Count) }
                            { th(SortBy::Files, SumCol::Files) }{ th(SortBy::Sum, SumCol::Sum) }{ th(SortBy::Min, SumCol::Min) }
                            { th(SortBy::Max, SumCol::Max) }{ th(SortBy::Period, SumCol::Period) }
                        </tr></thead>
                        <tbody>{ for body }</tbody>
                    </table>
                </div>
            }
        </>
    }
}
