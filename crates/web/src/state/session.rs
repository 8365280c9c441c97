//! The reducer's part for the session: restoring one, starting again.

use super::{Bench, DocRef, FileDoc, State, Table};
use crate::session::Settings;
use crate::session::words::StoreError;
use std::rc::Rc;

/// What the session's keeping has to say (in the session bar).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum SessionNote {
    #[default]
    None,
    /// A kept session was restored, with this many files.
    Restored(usize),
    /// Keeping, reading or opening a session went wrong (nothing on screen was lost).
    Problem(StoreError),
}

/// A session to restore, its files made ready (so that the saver knows them as written).
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub files: Rc<Vec<FileDoc>>,
    pub user_dict: String,
    pub user_dict_error: Option<shudu_core::dict::UserDictError>,
    pub settings: Settings,
}

impl State {
    pub(super) fn restore(&mut self, r: Restored) {
        self.session = SessionNote::Restored(r.files.len());
        self.files = r.files;
        self.batch = None;
        self.batch_last = false;
        self.opened = None;
        self.selected = None;
        self.window = self.window.take().filter(|w| w.doc == DocRef::Pasted);
        self.user_dict = r.user_dict;
        self.user_dict_error = r.user_dict_error;
        r.settings.apply(&mut self.table, &mut self.bench);
    }

    pub(super) fn new_session(&mut self) {
        self.files = Rc::default();
        self.batch = None;
        self.batch_last = false;
        self.opened = None;
        self.selected = None;
        self.window = None;
        self.table = Table::default();
        self.bench = Bench::default();
        self.session = SessionNote::None;
    }
}
