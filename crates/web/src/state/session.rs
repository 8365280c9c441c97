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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, Column, FileStatus, View};
    use shudu_core::Kind;
    use yew::Reducible;

    fn doc(name: &str) -> FileDoc {
        FileDoc {
            name: Rc::from(name),
            size: 3,
            status: FileStatus::Done,
            encoding: Some("UTF-8".into()),
            text: "增长5%".into(),
            figures: Rc::new(crate::state::FigureStore::new(&[shudu_core::Figure::plain(Kind::Percent, "5%", 2)], &[])),
            words: Rc::default(),
        }
    }

    fn restored(names: &[&str]) -> Restored {
        Restored {
            files: Rc::new(names.iter().map(|n| doc(n)).collect()),
            user_dict: "数读 n".into(),
            user_dict_error: None,
            settings: Settings {
                view: View::Chart,
                query: "人口".into(),
                sort: Some((Column::Value, true)),
                ..Settings::default()
            },
        }
    }

    #[test]
    fn a_restored_session_replaces_files_settings_and_dictionary() {
        let s = Rc::new(State::default()).reduce(Action::Select { doc: DocRef::Pasted, figure: 0, open_request: None });
        let s = s.reduce(Action::Restore(restored(&["a.txt", "b.pdf"])));
        assert_eq!(s.files.iter().map(|f| &*f.name).collect::<Vec<_>>(), ["a.txt", "b.pdf"]);
        assert_eq!(
            (s.bench.view, s.table.query.as_str(), s.table.sort),
            (View::Chart, "人口", Some((Column::Value, true)))
        );
        assert_eq!(s.user_dict, "数读 n");
        assert_eq!(s.session, SessionNote::Restored(2));
        assert_eq!(s.selected, None, "what pointed into the old session goes");
        assert!(s.batch.is_none());
    }

    #[test]
    fn a_new_session_empties_files_and_settings_but_keeps_the_dictionary() {
        let s = Rc::new(State::default()).reduce(Action::Restore(restored(&["a.txt"]))).reduce(Action::NewSession);
        assert!(s.files.is_empty());
        assert_eq!((s.bench.view, s.table.clone()), (View::Figures, Table::default()));
        assert_eq!(s.user_dict, "数读 n");
        assert_eq!(s.session, SessionNote::None);
    }

    #[test]
    fn a_write_that_succeeds_ends_a_failed_write_but_not_a_refused_file() {
        let s = Rc::new(State::default());
        let failed =
            s.reduce(Action::SessionNote(SessionNote::Problem(StoreError::Write("QuotaExceededError".into()))));
        assert_eq!(failed.reduce(Action::SessionNote(SessionNote::None)).session, SessionNote::None);
        let refused =
            Rc::new(State::default()).reduce(Action::SessionNote(SessionNote::Problem(StoreError::NotSession)));
        let after = refused.clone().reduce(Action::SessionNote(SessionNote::None));
        assert!(Rc::ptr_eq(&after, &refused), "unchanged, not even redrawn");
        let restored = Rc::new(State::default()).reduce(Action::Restore(restored(&[])));
        assert_eq!(restored.reduce(Action::SessionNote(SessionNote::None)).session, SessionNote::Restored(0));
    }
}
