//! The status line under the title: loading, analysing, analysed, the last batch, or why not.

use crate::i18n::{Lang, Text};
use crate::state::Status;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub status: Status,
}

#[component]
pub fn StatusLine(props: &StatusProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let (class, testid, text) = match &props.status {
        Status::Broken(why) => (
            "broken",
            Some("engine-error"),
            format!("{}{}{}", lang.t(Text::CannotAnalyse), lang.failure(why), lang.t(Text::Reload)),
        ),
        Status::Notice(why) => ("broken", Some("text-error"), lang.failure(why)),
        Status::Loading => ("loading", None, lang.t(Text::StatusLoading).into_owned()),
        Status::Pieces(back, pieces) => {
            ("busy", Some("text-progress"), lang.t(Text::StatusPieces(*back, *pieces)).into_owned())
        }
        Status::Analysing => ("busy", None, lang.t(Text::StatusAnalysing).into_owned()),
        Status::Analysed { chars, tokens, figures, ms } => (
            "ok",
            None,
            lang.t(Text::StatusAnalysed { chars: *chars, tokens: *tokens, figures: *figures, ms: *ms }).into_owned(),
        ),
        Status::Batch { done, total, running: true, .. } => {
            ("busy", Some("batch-status"), lang.t(Text::StatusBatchRunning { done: *done, total: *total }).into_owned())
        }
        Status::Batch { total, figures, failed, secs, .. } => (
            "ok",
            Some("batch-status"),
            lang.t(Text::StatusBatch { files: *total, figures: *figures, failed: *failed, secs: *secs }).into_owned(),
        ),
        Status::Ready => ("ok", None, lang.t(Text::StatusReady).into_owned()),
    };
    html! { <span class={classes!("status", class)} data-testid={testid} role="status">{ text }</span> }
}
