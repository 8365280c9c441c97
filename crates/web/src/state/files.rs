//! The files of the session and their batches, and the reducer's part for them: a batch
//! starting, its files finishing, cancelling, removing files.

use super::{DocRef, State};
use super::{FigureStore, WordStore};
use crate::failure::Failure;
use crate::i18n::StatusWord;
use crate::protocol::FileReport;
use crate::text::DocText;
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq)]
pub enum FileStatus {
    Queued,
    Done,
    Failed(Failure),
    Cancelled,
}

/// One file of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct FileDoc {
    pub name: Rc<str>,
    pub size: u64,
    pub status: FileStatus,
    pub encoding: Option<String>,
    /// Its decoded text, which lives here from its report on, as the JavaScript string the
    /// worker sent (never in the page's own memory): the page needs it for the exports'
    /// sentences and the article view, and a worker keeps nothing between requests (opening
    /// the file sends this string to one for its words).
    pub text: DocText,
    /// Its figures, each with its sentence trimmed around it, packed.
    pub figures: Rc<FigureStore>,
    /// Its words, counted.
    pub words: Rc<WordStore>,
}

impl FileDoc {
    fn queued(name: Rc<str>, size: u64) -> FileDoc {
        FileDoc {
            name,
            size,
            status: FileStatus::Queued,
            encoding: None,
            text: DocText::default(),
            figures: Rc::default(),
            words: Rc::default(),
        }
    }

    /// The word for its status (the files table's filter).
    pub fn status_word(&self) -> StatusWord {
        match self.status {
            FileStatus::Queued => StatusWord::Queued,
            FileStatus::Done => StatusWord::Done,
            FileStatus::Failed(_) => StatusWord::Failed,
            FileStatus::Cancelled => StatusWord::Cancelled,
        }
    }
}

/// Progress of the current batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub id: u32,
    pub total: usize,
    pub done: usize,
    pub figures: usize,
    /// Files that failed so far.
    pub failed: usize,
    pub started_ms: f64,
    pub finished_ms: Option<f64>,
    pub cancelled: bool,
    /// Where each of its files is in the session's list (`GONE` once removed).
    pub slots: Rc<Vec<usize>>,
    /// Files of the session it replaced (same name).
    pub replaced: usize,
}

/// Figures a session keeps at most: a file whose figures would pass them fails (with
/// `Failure::TooManyFigures`), the files before it kept. Packed, 2 million figures are about
/// 700 MB of the page's memory (350 bytes each), under the 4 GB a wasm32 page can have.
pub const MAX_FIGURES: usize = 2_000_000;

/// The slot of a file removed from the session while its batch ran.
pub const GONE: usize = usize::MAX;

impl State {
    /// Record a finished file of the current batch; false if it belongs to no current batch.
    pub(super) fn file_done(
        &mut self,
        batch: u32,
        index: usize,
        result: Result<FileReport, Failure>,
        now_ms: f64,
    ) -> bool {
        let Some(b) = self.batch.as_mut().filter(|b| b.id == batch && !b.cancelled) else { return false };
        let Some(&slot) = b.slots.get(index) else { return false };
        let kept: usize = self.files.iter().map(|f| f.figures.len()).sum();
        let result = match result {
            Ok(r) if kept + r.figures.len() > self.max_figures => Err(Failure::TooManyFigures(self.max_figures)),
            r => r,
        };
        match (Rc::make_mut(&mut self.files).get_mut(slot), result) {
            (Some(f), Ok(r)) => {
                b.figures += r.figures.len();
                f.status = FileStatus::Done;
                f.encoding = Some(r.encoding);
                f.text = r.text.map(DocText::js).unwrap_or_default();
                f.figures = Rc::new(r.figures);
                f.words = Rc::new(r.words);
            }
            (Some(f), Err(e)) => {
                b.failed += 1;
                f.status = FileStatus::Failed(e);
            }
            // Removed from the session meanwhile: counted, not kept.
            (None, Ok(_)) => {}
            (None, Err(_)) => b.failed += 1,
        }
        b.done += 1;
        if b.done == b.total {
            b.finished_ms = Some(now_ms);
        }
        true
    }

    /// A new batch of files starts (added to the session).
    pub(super) fn batch_start(&mut self, id: u32, files: Vec<(Rc<str>, u64)>, now_ms: f64) {
        // A batch still running is given up (its pool work was cancelled).
        let list = Rc::make_mut(&mut self.files);
        if self.batch.as_ref().is_some_and(|b| b.finished_ms.is_none()) {
            for f in list.iter_mut().filter(|f| f.status == FileStatus::Queued) {
                f.status = FileStatus::Cancelled;
            }
        }
        // The batch adds to the session; a file of the same name is replaced in place.
        let mut replaced = 0;
        let mut slots = Vec::with_capacity(files.len());
        let mut at: std::collections::HashMap<Rc<str>, usize> =
            list.iter().enumerate().map(|(k, f)| (f.name.clone(), k)).collect();
        for (name, size) in files {
            match at.get(&name) {
                Some(&k) if slots.contains(&k) => slots.push(GONE),
                Some(&k) => {
                    list[k] = FileDoc::queued(name, size);
                    replaced += 1;
                    slots.push(k);
                }
                None => {
                    at.insert(name.clone(), list.len());
                    slots.push(list.len());
                    list.push(FileDoc::queued(name, size));
                }
            }
        }
        // The views of a replaced file forget it.
        let replaced_doc = |d: DocRef| matches!(d, DocRef::File(i) if slots.contains(&i));
        if self.selected.is_some_and(|(d, _)| replaced_doc(d)) {
            self.selected = None;
        }
        if self.opened.as_ref().is_some_and(|(i, _, _)| slots.contains(i)) {
            self.opened = None;
        }
        self.window = self.window.take().filter(|w| !replaced_doc(w.doc));
        self.batch = Some(Batch {
            id,
            total: slots.len(),
            done: 0,
            figures: 0,
            failed: 0,
            started_ms: now_ms,
            finished_ms: None,
            cancelled: false,
            slots: Rc::new(slots),
            replaced,
        });
        self.batch_last = true;
    }

    /// Cancel the running batch; false if none runs.
    pub(super) fn cancel(&mut self, now_ms: f64) -> bool {
        let Some(b) = self.batch.as_mut().filter(|b| b.finished_ms.is_none()) else { return false };
        b.cancelled = true;
        b.finished_ms = Some(now_ms);
        for f in Rc::make_mut(&mut self.files) {
            if f.status == FileStatus::Queued {
                f.status = FileStatus::Cancelled;
            }
        }
        true
    }

    /// Take every file out of the session.
    pub(super) fn clear_files(&mut self) {
        self.files = Rc::default();
        self.batch = None;
        self.opened = None;
        self.window = self.window.take().filter(|w| w.doc == DocRef::Pasted);
        if self.selected.is_some_and(|(d, _)| d != DocRef::Pasted) {
            self.selected = None;
        }
    }

    /// Take file `k` out of the session; false if there is none.
    pub(super) fn remove_file(&mut self, k: usize) -> bool {
        if k >= self.files.len() {
            return false;
        }
        Rc::make_mut(&mut self.files).remove(k);
        if let Some(b) = self.batch.as_mut() {
            b.slots = Rc::new(
                b.slots
                    .iter()
                    .map(|&i| {
                        if i == k {
                            GONE
                        } else if i > k && i != GONE {
                            i - 1
                        } else {
                            i
                        }
                    })
                    .collect(),
            );
        }
        // What pointed at a later file points one place earlier; at this one, nowhere.
        let shift = |d: DocRef| match d {
            DocRef::File(i) if i == k => None,
            DocRef::File(i) if i > k => Some(DocRef::File(i - 1)),
            d => Some(d),
        };
        self.selected = self.selected.and_then(|(d, f)| shift(d).map(|d| (d, f)));
        self.opened = self.opened.take().and_then(|(i, r, rep)| match shift(DocRef::File(i)) {
            Some(DocRef::File(j)) => Some((j, r, rep)),
            _ => None,
        });
        self.window = self.window.take().and_then(|mut w| {
            w.doc = shift(w.doc)?;
            Some(w)
        });
        true
    }
}
