//! Figures that contradict each other: the same metric, subject and period with different
//! values in different files, side by side with their sentences and files.

use super::stepped::{self, computing, use_stepped};
use crate::i18n::{ConflictCol, Lang, Text};
use crate::state::{Docs, PASTED_NAME};
use shudu_core::workbench::conflicts;
use std::rc::Rc;
use yew::prelude::*;

/// A value as listed: value, file, sentence before, figure, sentence after.
type Member = (String, String, String, String, String);

/// Conflicts listed at most, and values listed per conflict: a batch of variants of one
/// report can have thousands of conflicts of hundreds of values each (drawing them all held
/// the page for 16 s).
const LISTED: usize = 40;
const VALUES: usize = 10;

#[derive(Properties, PartialEq)]
pub struct ConflictsProps {
    pub docs: Docs,
}

#[component]
pub fn ConflictsView(props: &ConflictsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // Found in steps (100,000 figures took one task of 100-360 ms).
    let (found, busy) = use_stepped(props.docs.clone(), |docs, steps| async move {
        let rows = stepped::rows(&docs, &steps).await?;
        let mut finder = conflicts::Finder::default();
        for (k, r) in rows.iter().enumerate() {
            finder.add(k, &r.entry());
            steps.tick(1).await?;
        }
        let mut all = Vec::new();
        for g in finder.into_groups() {
            let n = g.len() as u32;
            all.extend(g.conflict(|k| rows[k].entry()));
            steps.tick(n).await?;
        }
        let listed = all
            .iter()
            .take(LISTED)
            .map(|c| {
                let members: Vec<Member> = c
                    .members
                    .iter()
                    .take(VALUES)
                    .map(|&k| {
                        let e = rows[k].entry();
                        (
                            shudu_core::export::display_value(&e.figure),
                            e.file.to_string(),
                            e.before.to_string(),
                            e.figure.text.to_string(),
                            e.after.to_string(),
                        )
                    })
                    .collect();
                (c.label.clone(), c.subject.clone(), c.period.clone(), members, c.members.len())
            })
            .collect::<Vec<_>>();
        Some((all.len(), listed))
    });
    let found = found.unwrap_or_else(|| Rc::new((0, Vec::new())));
    let (total, listed) = (found.0, &found.1);
    let groups = listed.iter().map(|(label, subject, period, members, values)| {
        let period = period.as_deref().map_or_else(|| lang.t(Text::NoPeriod).into_owned(), |p| lang.period(p));
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
                if *values > members.len() {
                    <tr><td colspan="3" class="hint">{ lang.t(Text::ConflictMore(values - members.len())) }</td></tr>
                }
            </tbody>
        }
    });
    html! {
        <>
            <h2 id="conflicts-heading">{ lang.t(Text::ConflictsHeading) }</h2>
            <p class="hint">{ lang.t(Text::ConflictsHint) }</p>
            { computing(lang, busy) }
            <p class="hint" role="status">
                { if busy && total == 0 { Default::default() } else if total == 0 { lang.t(Text::NoConflicts) } else { lang.t(Text::ConflictsFound(total)) } }
                if total > LISTED { { lang.t(Text::ConflictsShown(LISTED)) } }
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
