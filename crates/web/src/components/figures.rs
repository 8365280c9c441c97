//! The combined figures table: exports, kind chips and filter, sortable columns, and the
//! rows in view (virtualised: 100,000 rows draw as fast as 50).

use super::FigureRows;
use super::sort_head::sort_head;
use super::virtual_rows::{spacer, use_virtual_rows};
use crate::export::{Format, download_table};
use crate::i18n::{Col, Lang, Text};
use crate::state::{Action, Column, DocRef, Docs, Table};
use shudu_core::Kind;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A row's height in pixels (fixed, so the rows in view follow from the scroll position;
/// the same as `.figures tr.row` in the stylesheet).
pub const ROW_PX: f64 = 33.0;
/// Rows a scrolling box shows at most (560 px high).
const IN_VIEW: usize = 18;

#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    pub docs: Docs,
    pub table: Table,
    pub selected: Option<(DocRef, usize)>,
    /// Filtering, sorting.
    pub dispatch: Callback<Action>,
    pub on_select: Callback<(DocRef, usize)>,
}

#[component]
pub fn FiguresView(props: &FiguresProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let (docs, table) = (&props.docs, &props.table);
    // The table's rows in order, worked out again only when the documents or settings change.
    let order = use_memo((docs.clone(), table.clone()), |(docs, table)| docs.visible_order(table));
    let counts = use_memo(docs.clone(), |docs| docs.counts());
    let (total, per_kind) = *counts;
    let virt = use_virtual_rows(order.len(), ROW_PX, IN_VIEW);
    let chips = std::iter::once(None).chain(Kind::ALL.iter().copied().map(Some)).map(|k| {
        let count = k.map_or(total, |k| per_kind[Kind::ALL.iter().position(|x| *x == k).unwrap_or(0)]);
        let active = table.kind == k;
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::FilterKind(k));
        let label = k.map_or(lang.t(Text::All), |k| lang.t(Text::KindName(k)));
        let class = classes!("chip", active.then_some("active"), k.map(|k| format!("k-{}", k.as_str())));
        let testid = format!("filter-{}", k.map_or("all", |k| k.as_str()));
        html! {
            <button {class} {onclick} data-testid={testid} aria-pressed={active.to_string()}
                disabled={count == 0 && k.is_some()}>{ format!("{label} {count}") }</button>
        }
    });
    let on_query = props.dispatch.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::Query(input.value())
    });
    let export = |format: Format| {
        let (docs, table) = (docs.clone(), table.clone());
        Callback::from(move |_: MouseEvent| download_table(&docs, &table, format))
    };
    let show_file = !docs.files.is_empty();
    let hint = lang.t(Text::SortHint);
    let th = |col: Column, name: Col| {
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::SortBy(col));
        let sort = table.sort.filter(|(c, _)| *c == col).map(|(_, asc)| asc);
        sort_head(&lang.t(Text::Column(name)), &hint, sort, onclick)
    };
    let columns = if show_file { 11 } else { 10 };
    let shown = order.len();
    let metric = table.metric.clone().map(|(label, unit)| {
        let clear = props.dispatch.reform(|_: MouseEvent| Action::FilterMetric(None));
        html! {
            <p class="metric-note" data-testid="metric-filter">
                { lang.t(Text::MetricFilter) }<strong>{ format!("{label} {unit}") }</strong>{ " " }
                <button class="small" onclick={clear}>{ lang.t(Text::ClearMetric) }</button>
            </p>
        }
    });
    let range = virt.range.clone();
    html! {
        <>
            <div class="results-head">
                <h2 id="figures-heading">{ lang.t(Text::FiguresHeading) }</h2>
                <div class="exports">
                    <button class="small" data-testid="export-csv" onclick={export(Format::Csv)} disabled={order.is_empty()}>{ lang.t(Text::ExportCsv) }</button>
                    <button class="small" data-testid="export-json" onclick={export(Format::Json)} disabled={order.is_empty()}>{ lang.t(Text::ExportJson) }</button>
                    <button class="small" data-testid="export-xlsx" onclick={export(Format::Xlsx)} disabled={order.is_empty()}>{ lang.t(Text::ExportXlsx) }</button>
                </div>
            </div>
            <div class="filters" role="group" aria-label={lang.t(Text::KindFilter)}>
                { for chips }
                <input class="search" type="search" data-testid="filter-text" aria-label={lang.t(Text::FilterLabel)}
                    placeholder={lang.t(Text::FilterPlaceholder)} value={table.query.clone()} oninput={on_query} />
            </div>
            { for metric }
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="figures-heading" onscroll={virt.onscroll.clone()}>
                <table data-testid="figures-table" class="figures">
                    <thead>
                        <tr>
                            if show_file { { th(Column::File, Col::File) } }
                            { th(Column::Text, Col::Text) }
                            { th(Column::Kind, Col::Kind) }{ th(Column::Value, Col::Value) }{ th(Column::Unit, Col::Unit) }
                            { th(Column::Label, Col::Label) }{ th(Column::Subject, Col::Subject) }{ th(Column::Period, Col::Period) }
                            { th(Column::Approx, Col::Approx) }{ th(Column::Change, Col::Change) }
                            <th scope="col">{ lang.t(Text::Column(Col::Context)) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { spacer(&virt.top, range.start, columns) }
                        <FigureRows docs={docs.clone()} order={Rc::clone(&order)} range={range.clone()} {show_file}
                            selected={props.selected} on_select={props.on_select.clone()} />
                        { spacer(&virt.bottom, shown - range.end, columns) }
                    </tbody>
                </table>
            </div>
            <p class="hint" role="status" data-testid="rows-count">
                if total == 0 {
                    { lang.t(Text::NoResults) }
                } else if order.is_empty() {
                    { lang.t(Text::NoMatch) }
                } else if shown < total {
                    { lang.t(Text::RowsOf(shown, total)) }
                } else {
                    { lang.t(Text::RowsCount(shown)) }
                }
            </p>
        </>
    }
}
