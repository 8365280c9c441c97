//! The word list: the session's words from the segmentation already done, with their counts
//! and shares, filterable by part of speech.

use super::stepped::{computing, use_stepped};
use crate::i18n::{Lang, Text, WordCol};
use crate::state::{Action, Docs};
use shudu_core::workbench::words;
use yew::prelude::*;

/// Rows drawn at most (the most frequent).
const ROWS: usize = 500;
/// The parts of speech offered, by the first letter of their jieba tags.
const POS: [Option<char>; 8] = [None, Some('n'), Some('v'), Some('a'), Some('m'), Some('q'), Some('t'), Some('d')];

#[derive(Properties, PartialEq)]
pub struct WordListProps {
    pub docs: Docs,
    pub pos: Option<char>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn WordListView(props: &WordListProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // Counted in steps (a thousand files' tallies took one task of 100-360 ms).
    let (rows, busy) = use_stepped((props.docs.clone(), props.pos), |(docs, pos), steps| async move {
        let mut counter = words::Counter::default();
        for t in docs.tallies() {
            t.add_to(&mut counter);
            steps.tick(t.len() as u32).await?;
        }
        Some(counter.rows(pos))
    });
    let rows = rows.unwrap_or_default();
    let chips = POS.iter().map(|&p| {
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::Pos(p));
        let testid = format!("pos-{}", p.map_or("all".to_string(), |c| c.to_string()));
        html! {
            <button class={classes!("chip", (props.pos == p).then_some("active"))} data-testid={testid}
                aria-pressed={(props.pos == p).to_string()} {onclick}>{ lang.t(Text::Pos(p)) }</button>
        }
    });
    let body = rows.iter().take(ROWS).enumerate().map(|(k, r)| {
        html! {
            <tr>
                <td class="num">{ k + 1 }</td>
                <td class="word">{ &r.word }</td>
                <td>{ r.tag.as_str() }</td>
                <td class="num">{ r.count }</td>
                <td class="num">{ format!("{:.2}%", r.share * 100.0) }</td>
            </tr>
        }
    });
    let head = |c: WordCol| html! { <th scope="col">{ lang.t(Text::WordsColumn(c)) }</th> };
    html! {
        <>
            <h2 id="words-heading">{ lang.t(Text::WordsHeading) }</h2>
            <div class="filters" role="group" aria-label={lang.t(Text::WordsPos)}>{ for chips }</div>
            { computing(lang, busy) }
            <p class="hint" role="status">{ lang.t(Text::WordsCount(rows.len().min(ROWS), rows.len())) }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="words-heading">
                <table data-testid="word-list" class="figures words">
                    <thead><tr>{ head(WordCol::Rank) }{ head(WordCol::Word) }{ head(WordCol::Pos) }{ head(WordCol::Count) }{ head(WordCol::Share) }</tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </>
    }
}
