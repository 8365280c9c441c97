//! Figures that contradict each other: the same metric, subject and period with different
//! values in different files, side by side with their sentences and files.

use crate::i18n::{ConflictCol, Lang, Text};
use crate::state::{Docs, PASTED_NAME};
use shudu_core::workbench::conflicts;
use yew::prelude::*;

/// Conflicts listed at most: a batch of variants of one report can have thousands, with tens
/// of thousands of rows (drawing them all held the page for 16 s).
const LISTED: usize = 100;

#[derive(Properties, PartialEq)]
pub struct ConflictsProps {
    pub docs: Docs,
}

#[component]
pub fn ConflictsView(props: &ConflictsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let found = use_memo(props.docs.clone(), |docs| {
        let rows = docs.all_rows();
        let entries: Vec<_> = rows.iter().map(|r| r.entry()).collect();
        conflicts::find(&entries)
            .into_iter()
            .map(|c| {
                let members: Vec<(String, String, String, String, String)> = c
                    .members
                    .iter()
                    .map(|&k| {
                        let r = &rows[k];
                        (
                            shudu_core::export::display_value(r.figure),
                            r.file.to_string(),
                            r.context.before.clone(),
                            r.figure.text.clone(),
                            r.context.after.clone(),
                        )
                    })
                    .collect();
                (c.label, c.subject, c.period, members)
            })
            .collect::<Vec<_>>()
    });
    let groups = found.iter().take(LISTED).map(|(label, subject, period, members)| {
        let period = period.clone().unwrap_or_else(|| lang.t(Text::NoPeriod).into_owned());
        let head = format!("{subject} · {label} · {period}");
        let rows = members.iter().map(|(value, file, before, text, after)| {
            let file = if file == PASTED_NAME { lang.t(Text::Pasted).into_owned() } else { file.clone() };
            html! {
                <tr>
                    <td class="value">{ value }</td>
                    <td class="fname" title={file.clone()}>{ file }</td>
                    <td class="context wrap">{ before }<mark>{ text }</mark>{ after }</td>
                </tr>
            }
        });
        html! {
            <tbody class="conflict">
                <tr><th colspan="3" scope="colgroup" class="conflict-head">{ head }</th></tr>
                { for rows }
            </tbody>
        }
    });
    html! {
        <>
            <h2 id="conflicts-heading">{ lang.t(Text::ConflictsHeading) }</h2>
            <p class="hint">{ lang.t(Text::ConflictsHint) }</p>
            <p class="hint" role="status">
                { if found.is_empty() { lang.t(Text::NoConflicts) } else { lang.t(Text::ConflictsFound(found.len())) } }
                if found.len() > LISTED { { lang.t(Text::ConflictsShown(LISTED)) } }
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="conflicts-heading">
                <table data-testid="conflicts" class="figures conflicts">
                    <thead><tr>
                        <th scope="col">{ lang.t(Text::ConflictColumn(ConflictCol::Value)) }</th>
                        <th scope="col">{ lang.t(Text::ConflictColumn(ConflictCol::File)) }</th>
                        <th scope="col">{ lang.t(Text::ConflictColumn(ConflictCol::Sentence)) }</th>
                    </tr></thead>
                    { for groups }
                </table>
            </div>
        </>
    }
}
