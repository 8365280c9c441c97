//! The rows of the figures table (the body redraws alone when a figure is selected).

use crate::labels::{approx_label, change_label, kind_label};
use crate::state::{DocRef, Docs, Table};
use shudu_core::export::display_value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureRowsProps {
    pub docs: Docs,
    pub table: Table,
    pub selected: Option<(DocRef, usize)>,
    pub on_select: Callback<(DocRef, usize)>,
}

#[component]
pub fn FigureRows(props: &FigureRowsProps) -> Html {
    let rows = props.docs.visible_rows(&props.table);
    let show_file = !props.docs.files.is_empty();
    let body = rows.iter().take(props.table.rows).map(|r| {
        let (doc, index, f) = (r.doc, r.index, r.figure);
        let selected = props.selected == Some((doc, index));
        let onclick = props.on_select.reform(move |_: MouseEvent| (doc, index));
        html! {
            <tr class={classes!(selected.then_some("selected"))} {onclick} data-kind={f.kind.as_str()}>
                if show_file { <td class="fname" title={r.file.to_string()}>{ r.file }</td> }
                <td class="text">{ &f.text }</td>
                <td><span class={classes!("kind", format!("k-{}", f.kind.as_str()))}>{ kind_label(f.kind) }</span></td>
                <td class="value">{ display_value(f) }</td>
                <td>{ f.unit.clone().unwrap_or_default() }</td>
                <td>{ approx_label(f) }</td>
                <td>{ change_label(f) }</td>
                <td>{ f.label.clone().unwrap_or_default() }</td>
                <td class="subject">{ f.subject.clone().unwrap_or_default() }</td>
                <td class="period">{ f.period.clone().unwrap_or_default() }</td>
            </tr>
        }
    });
    html! { <tbody>{ for body }</tbody> }
}
