//! The rows of the figures table in view (the body redraws alone when a figure is selected).

use crate::i18n::{Lang, Text};
use crate::state::{DocRef, Docs, PASTED_NAME};
use shudu_core::Kind;
use shudu_core::export::display_value;
use shudu_core::figures::range_iso;
use shudu_core::workbench::ValueRef;
use std::ops::Range;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct FigureRowsProps {
    pub docs: Docs,
    /// The rows of the table in order (filtered and sorted), and those drawn.
    pub order: Rc<Vec<(DocRef, usize)>>,
    pub range: Range<usize>,
    pub show_file: bool,
    pub selected: Option<(DocRef, usize)>,
    pub on_select: Callback<(DocRef, usize)>,
}

impl PartialEq for FigureRowsProps {
    fn eq(&self, other: &Self) -> bool {
        self.docs == other.docs
            && Rc::ptr_eq(&self.order, &other.order)
            && self.range == other.range
            && self.show_file == other.show_file
            && self.selected == other.selected
            && self.on_select == other.on_select
    }
}

#[component]
pub fn FigureRows(props: &FigureRowsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let rows = props.order[props.range.clone()].iter().filter_map(|&(doc, k)| props.docs.row(doc, k));
    let body = rows.map(|r| {
        let (doc, index, f) = (r.doc, r.index, r.figure());
        let (before, after) = r.context();
        let selected = props.selected == Some((doc, index));
        let onclick = props.on_select.reform(move |_: MouseEvent| (doc, index));
        let onkeydown = {
            let on_select = props.on_select.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    on_select.emit((doc, index));
                }
            })
        };
        // A date's value is a period: read as the period column reads (ISO in exports). A
        // range of months keeps the year its text gives (`2020年4月至6月`: 2020年4–6月, not 4–6).
        let value = match (f.value, f.low, f.high) {
            (Some(ValueRef::Text(t)), _, _) => lang.period(t),
            (None, Some(lo), Some(hi)) if f.kind == Kind::Date => {
                range_iso(f.text, lo, hi).map_or_else(|| display_value(&f), |p| lang.period(&p))
            }
            _ => display_value(&f),
        };
        let file = if r.file == PASTED_NAME { lang.t(Text::Pasted).into_owned() } else { r.file.to_string() };
        html! {
            <tr class={classes!("row", selected.then_some("selected"))} tabindex="0" {onclick} {onkeydown}
                aria-current={selected.then_some("true")} data-kind={f.kind.as_str()}>
                if props.show_file { <td class="fname" title={file.clone()}>{ file }</td> }
                <td class="text">{ f.text }</td>
                <td><span class={classes!("kind", format!("k-{}", f.kind.as_str()))}>{ lang.t(Text::KindName(f.kind)) }</span></td>
                <td class="value">{ value }</td>
                <td>{ f.unit.unwrap_or_default() }</td>
                <td>{ f.label.unwrap_or_default() }</td>
                <td class="subject">{ f.subject.unwrap_or_default() }</td>
                <td class="period" title={f.period.map(str::to_string)}>{ f.period.map(|p| lang.period(p)).unwrap_or_default() }</td>
                <td>{ lang.approx(f.approx) }</td>
                <td>{ lang.change(f.change) }</td>
                <td class="context" data-testid="context" title={[before, f.text, after].concat()}>
                    { before }<mark>{ f.text }</mark>{ after }
                </td>
            </tr>
        }
    });
    html! { <>{ for body }</> }
}
