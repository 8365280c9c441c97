//! A sortable column head: a button in the head cell, with `aria-sort` on the cell.

use yew::prelude::*;

/// The head cell of a column sorted `sort` (Some(ascending) when it is the sorted column);
/// `onclick` sorts by it.
pub fn sort_head(title: &str, hint: &str, sort: Option<bool>, onclick: Callback<MouseEvent>) -> Html {
    let (aria, arrow) = match sort {
        Some(true) => ("ascending", " ▲"),
        Some(false) => ("descending", " ▼"),
        None => ("none", ""),
    };
    html! {
        <th scope="col" aria-sort={aria}>
            <button class="sort" title={hint.to_string()} {onclick}>{ title.to_string() }{ arrow }</button>
        </th>
    }
}
