//! The editor text's key words.

use crate::i18n::{Lang, Text};
use crate::protocol::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct KeywordsProps {
    pub report: Rc<Report>,
}

// Reports are compared by identity: each analysis makes a new one, and comparing a long
// text's report by content (millions of token ends) on every redraw cost more than the redraw.
impl PartialEq for KeywordsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

#[component]
pub fn Keywords(props: &KeywordsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <div class="keywords" data-testid="keywords">
            <span class="kw-title">{ lang.t(Text::Keywords) }</span>
            { for props.report.keywords.iter().map(|k| html! { <span class="kw" title={format!("{:.3}", k.weight)}>{ &k.word }</span> }) }
        </div>
    }
}
