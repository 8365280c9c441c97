//! The page's state, changed only through `Action`s.

use crate::protocol::{Report, Response};
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Loading,
    Ready,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub engine: Engine,
    /// The text in the editor.
    pub text: Rc<str>,
    /// The last request sent to the worker.
    pub requested: u32,
    /// The text the shown report belongs to, and the report.
    pub shown: Option<(Rc<str>, Rc<Report>)>,
    /// Kind filter (`None`: all kinds) and text filter of the figures table.
    pub kind_filter: Option<shudu_core::Kind>,
    pub query: String,
    /// The figure selected in the table, highlighted in the text.
    pub selected: Option<usize>,
}

impl Default for State {
    fn default() -> Self {
        State {
            engine: Engine::Loading,
            text: Rc::from(""),
            requested: 0,
            shown: None,
            kind_filter: None,
            query: String::new(),
            selected: None,
        }
    }
}

pub enum Action {
    /// The editor changed; a request with this id was (or will be) sent.
    Edit {
        text: Rc<str>,
        id: u32,
    },
    Worker(Response),
    FilterKind(Option<shudu_core::Kind>),
    Query(String),
    Select(Option<usize>),
}

impl State {
    pub fn analyzing(&self) -> bool {
        self.engine == Engine::Ready
            && self.shown.as_ref().is_none_or(|(t, _)| **t != *self.text)
            && !self.text.is_empty()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit { text, id } => {
                s.text = text;
                s.requested = id;
                s.selected = None;
            }
            Action::Worker(Response::Ready) => s.engine = Engine::Ready,
            Action::Worker(Response::Analyzed { id, report }) => {
                // Results of superseded requests are dropped.
                if id != s.requested {
                    return self;
                }
                s.shown = Some((s.text.clone(), Rc::new(report)));
            }
            Action::FilterKind(k) => s.kind_filter = k,
            Action::Query(q) => s.query = q,
            Action::Select(k) => s.selected = k,
        }
        Rc::new(s)
    }
}
