//! The selected document, segmented, with its figures marked and the selected one
//! highlighted; for a long document, the stretch around the figure.

use super::Tokens;
use crate::export::download_article;
use crate::i18n::{Lang, Text};
use crate::protocol::Report;
use crate::state::{DocRef, Docs, PASTED_NAME, Stretch, Window, stretch};
use crate::text::DocText;
use std::rc::Rc;
use yew::prelude::*;

/// A stretch shown serves another figure in it only this far from its ends (or at the text's).
const WINDOW_MARGIN: usize = 500;

#[derive(Properties)]
pub struct ArticleProps {
    pub docs: Docs,
    pub selected: Option<(DocRef, usize)>,
    /// The file opened: its index, and its report once back.
    pub opened: Option<(usize, Option<Rc<Report>>)>,
    pub window: Option<Window>,
    /// The editor's text is being replaced (its old one wants no stretch).
    pub replacing: bool,
    /// Wants a stretch of a long document (whose text this is) analysed around a char.
    pub on_window: Callback<(DocRef, usize, DocText)>,
}

// Reports by identity (see `Keywords`).
impl PartialEq for ArticleProps {
    fn eq(&self, other: &Self) -> bool {
        let opened = match (&self.opened, &other.opened) {
            (Some((i, r)), Some((j, s))) => {
                i == j
                    && match (r, s) {
                        (Some(r), Some(s)) => Rc::ptr_eq(r, s),
                        (None, None) => true,
                        _ => false,
                    }
            }
            (None, None) => true,
            _ => false,
        };
        opened
            && self.docs == other.docs
            && self.selected == other.selected
            && self.window == other.window
            && self.replacing == other.replacing
            && self.on_window == other.on_window
    }
}

#[component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let docs = &props.docs;
    let selected_doc = props.selected.map(|(d, _)| d);
    let (doc, name, text, report) = match (selected_doc, &props.opened, &docs.pasted) {
        (Some(DocRef::File(i)), Some((j, r)), _) if i == *j => {
            (Some(DocRef::File(i)), docs.files[i].name.to_string(), docs.files[i].text.clone(), r.clone())
        }
        (_, _, Some((t, r))) => (Some(DocRef::Pasted), PASTED_NAME.to_string(), t.clone(), Some(r.clone())),
        _ => (None, String::new(), DocText::default(), None),
    };
    // Export this article's figures alone (the table's export buttons take the whole table).
    let export_article = {
        let (docs, name) = (docs.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(doc) = doc {
                download_article(&docs, doc, &name);
            }
        })
    };
    let selected = match props.selected {
        Some((DocRef::Pasted, k)) if name == PASTED_NAME => {
            report.as_ref().and_then(|r| r.figures.get(k)).map(|f| (f.start, f.end))
        }
        Some((DocRef::File(i), k)) => docs.files.get(i).and_then(|f| f.figures.get(k)).map(|f| (f.start, f.end)),
        _ => None,
    };
    // A long document's words are not kept: a stretch of it around the figure is analysed
    // when it is shown (asked for once per document and place).
    let (view, wanted) = match (doc, report) {
        (Some(doc), Some(report)) if !report.has_words() => {
            let at = selected.unwrap_or((0, 0));
            match stretch(props.window.as_ref(), props.replacing, doc, &text, at, WINDOW_MARGIN) {
                Stretch::NotNow => (None, None),
                Stretch::Wanted => (None, Some((doc, at.0, text.clone()))),
                Stretch::Held(w) => {
                    let note = lang.t(Text::Stretch { chars: text.chars(), from: w.start + 1, to: w.end }).into_owned();
                    let at = selected.map(|(s, e)| (s - w.start, e - w.start));
                    (w.report.clone().map(|r| (w.text.clone(), r, at, Some(note))), None)
                }
            }
        }
        (_, Some(report)) => (Some((text, report, selected, None)), None),
        _ => (None, None),
    };
    {
        let on_window = props.on_window.clone();
        use_effect_with(wanted, move |wanted| {
            if let Some((doc, at, of)) = wanted {
                on_window.emit((*doc, *at, of.clone()));
            }
        });
    }
    let shown_name = if name == PASTED_NAME { lang.t(Text::Pasted).into_owned() } else { name.clone() };
    html! {
        <>
            <div class="results-head">
                <h2 id="article-heading">{ lang.t(Text::ArticleHeading) }if !name.is_empty() { <span class="docname">{ format!(" · {shown_name}") }</span> }</h2>
                if doc.is_some() {
                    <button class="small" data-testid="export-article-csv" onclick={export_article}>{ lang.t(Text::ExportArticle) }</button>
                }
            </div>
            if let Some((text, report, selected, note)) = view {
                if let Some(note) = note {
                    <p class="hint window-note" data-testid="window-note">{ note }</p>
                }
                <Tokens {text} {report} {selected} />
            } else if !name.is_empty() {
                <div data-testid="tokens" class="tokens empty" role="status">{ lang.t(Text::Segmenting) }</div>
            } else {
                <div data-testid="tokens" class="tokens empty">{ "—" }</div>
            }
        </>
    }
}
