//! The combined figures table: exports, kind chips and text filter, sortable columns.

use super::FigureRows;
use crate::export::{Format, download_table};
use crate::labels::kind_label;
use crate::state::{Action, Column, DocRef, Docs, Table};
use shudu_core::Kind;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    pub docs: Docs,
    pub table: Table,
    pub selected: Option<(DocRef, usize)>,
    /// Filtering, sorting, more rows.
    pub dispatch: Callback<Action>,
    pub on_select: Callback<(DocRef, usize)>,
}

#[component]
pub fn FiguresView(props: &FiguresProps) -> Html {
    let (docs, table) = (&props.docs, &props.table);
    let rows = docs.visible_rows(table);
    let (total, per_kind) = docs.counts();
    let chips = std::iter::once(None).chain(Kind::ALL.iter().copied().map(Some)).map(|k| {
        let count = k.map_or(total, |k| per_kind[Kind::ALL.iter().position(|x| *x == k).unwrap_or(0)]);
        let active = table.kind == k;
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::FilterKind(k));
        let label = k.map_or("全部 all", kind_label);
        let class = classes!("chip", active.then_some("active"), k.map(|k| format!("k-{}", k.as_str())));
        let testid = format!("filter-{}", k.map_or("all", |k| k.as_str()));
        html! { <button {class} {onclick} data-testid={testid} disabled={count == 0 && k.is_some()}>{ format!("{label} {count}") }</button> }
    });
    let on_query = props.dispatch.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::Query(input.value())
    });
    let export = |format: Format| {
        let (docs, table) = (docs.clone(), table.clone());
        Callback::from(move |_: MouseEvent| download_table(&docs, &docs.visible_rows(&table), format))
    };
    let show_file = !docs.files.is_empty();
    let shown = rows.len().min(table.rows);
    let th = |col: Column, title: &'static str| {
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::SortBy(col));
        let arrow = match table.sort {
            Some((c, true)) if c == col => " ▲",
            Some((c, false)) if c == col => " ▼",
            _ => "",
        };
        html! { <th class="sortable" {onclick} title="点击排序 sort">{ title }{ arrow }</th> }
    };
    let more = props.dispatch.reform(|_: MouseEvent| Action::MoreRows);
    html! {
        <>
            <div class="results-head">
                <h2>{ "数字 Figures" }</h2>
                <div class="exports">
                    <button class="small" data-testid="export-csv" onclick={export(Format::Csv)} disabled={rows.is_empty()}>{ "导出 CSV" }</button>
                    <button class="small" data-testid="export-json" onclick={export(Format::Json)} disabled={rows.is_empty()}>{ "JSON" }</button>
                    <button class="small" data-testid="export-xlsx" onclick={export(Format::Xlsx)} disabled={rows.is_empty()}>{ "Excel" }</button>
                </div>
            </div>
            <div class="filters">
                { for chips }
                <input class="search" type="search" data-testid="filter-text" placeholder="筛选 filter…" value={table.query.clone()} oninput={on_query} />
            </div>
            <div class="table-wrap">
                <table data-testid="figures-table" class="figures">
                    <thead>
                        <tr>
                            if show_file { { th(Column::File, "文件") } }
                            { th(Column::Text, "原文") }{ th(Column::Kind, "类型") }{ th(Column::Value, "标准值") }{ th(Column::Unit, "单位") }
                            { th(Column::Approx, "限定") }{ th(Column::Change, "变化") }{ th(Column::Label, "指标") }{ th(Column::Subject, "主体") }{ th(Column::Period, "时期") }
                        </tr>
                    </thead>
                    <FigureRows docs={docs.clone()} table={table.clone()} selected={props.selected} on_select={props.on_select.clone()} />
                </table>
            </div>
            if rows.len() > shown {
                <p class="hint">{ format!("显示 {} / {} 行 ", shown, rows.len()) }<button class="small" data-testid="more-rows" onclick={more}>{ "显示更多" }</button></p>
            } else if total == 0 {
                <p class="hint">{ "还没有结果。粘贴文章、点击样例，或拖入文件。" }</p>
            } else if rows.is_empty() {
                <p class="hint">{ "没有符合条件的数字。" }</p>
            } else {
                <p class="hint">{ format!("{} 个数字", rows.len()) }</p>
            }
        </>
    }
}
