//! Drawing only the rows of a long table that are in view (and a few around them): the
//! rows above and below are one empty row each, sized to stand in for them.

use crate::dom::set_style;
use std::ops::Range;
use yew::prelude::*;

/// Rows drawn beyond those in view, on either side.
const OVERSCAN: usize = 12;

/// The rows to draw, the scroll handler for the table's scrolling box, and the two
/// stand-in cells (give them to [`spacer`]).
pub struct Virtual {
    pub range: Range<usize>,
    pub onscroll: Callback<Event>,
    pub top: NodeRef,
    pub bottom: NodeRef,
}

/// Rows of `row_px` pixels each, `total` of them, in a box that shows about `in_view`.
#[hook]
pub fn use_virtual_rows(total: usize, row_px: f64, in_view: usize) -> Virtual {
    let first = use_state_eq(|| 0usize);
    let onscroll = {
        let first = first.clone();
        use_callback(row_px, move |e: Event, row_px| {
            let el: web_sys::Element = e.target_unchecked_into();
            let row = (el.scroll_top() as f64 / row_px) as usize;
            // Redrawn in steps, not at every pixel.
            first.set(row.saturating_sub(OVERSCAN) / 4 * 4);
        })
    };
    // No rows above the first are drawn for it: at the top, the rows in view and those below
    // (the first drawing of a table, its rows all new, is the page's largest: 46 rows were
    // 1,250 nodes inserted in one task, 34 are a quarter fewer).
    let span = in_view + OVERSCAN + 4 + (*first).min(OVERSCAN);
    let start = (*first).min(total.saturating_sub(span));
    let range = start..(start + span).min(total);
    let (top, bottom) = (use_node_ref(), use_node_ref());
    {
        let (top, bottom) = (top.clone(), bottom.clone());
        use_effect_with((range.clone(), total), move |(range, total)| {
            set_style(&top, "height", &format!("{}px", range.start as f64 * row_px));
            set_style(&bottom, "height", &format!("{}px", (total - range.end) as f64 * row_px));
        });
    }
    Virtual { range, onscroll, top, bottom }
}

/// The stand-in row for the rows not drawn (none when there are none).
pub fn spacer(node: &NodeRef, rows: usize, columns: usize) -> Html {
    if rows == 0 {
        return html! {};
    }
    html! { <tr class="spacer" aria-hidden="true"><td ref={node.clone()} colspan={columns.to_string()}></td></tr> }
}
