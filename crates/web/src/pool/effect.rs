//! What the scheduler is given and what it answers with.

use crate::failure::Failure;
use crate::protocol::{FileReport, Report};

/// A text or piece of one as the pool holds it (a JavaScript string on the page).
pub trait Text: Clone {
    /// Its length in chars (what a report counts).
    fn chars(&self) -> usize;
}

/// A file waiting for a worker: its place in its batch, its size, and what the page sends.
#[derive(Debug, Clone, PartialEq)]
pub struct Queued<F> {
    pub batch: u32,
    pub index: usize,
    pub size: u64,
    pub job: F,
}

/// What the page's side is to do.
#[derive(Debug, PartialEq)]
pub enum Effect<T, F> {
    /// Start a worker in the next slot.
    Start,
    /// Stop worker `w` (its memory goes back to the system).
    Stop(usize),
    SendText {
        worker: usize,
        id: u32,
        text: T,
        words: bool,
    },
    SendFile {
        worker: usize,
        batch: u32,
        index: usize,
        job: F,
    },
    /// The first worker is ready: the page can work.
    EngineReady,
    /// No worker can work.
    Broken(Failure),
    /// A whole text's report (the join of its pieces for a long one).
    Analyzed {
        id: u32,
        report: Report,
    },
    /// How far a long text is: pieces back, of how many.
    Progress {
        id: u32,
        back: usize,
        pieces: usize,
    },
    /// A file is done (analysed, or failed in its worker).
    FileDone {
        batch: u32,
        index: usize,
        result: Result<FileReport, Failure>,
    },
    /// A file failed because its worker was given up on (reported at once).
    FileFailed {
        batch: u32,
        index: usize,
        failure: Failure,
    },
    /// The engine failed on a text or part of one (that part gives no words or figures).
    TextFailed(Failure),
}
