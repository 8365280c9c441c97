//! What can go wrong between the page and its workers, as values: the transport carries
//! these, and one function (`i18n::Lang::failure`) puts them into words.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Failure {
    /// The browser refused to start a worker (its reason).
    WorkerStart(String),
    /// A worker did not start: its engine's code could not be loaded (what its start-up
    /// script saw).
    WorkerLoad(String),
    /// A worker's code failed (its message), or its script could not be loaded (none).
    WorkerError(Option<String>),
    /// The dictionary could not be fetched (HTTP status, network error …).
    DictionaryLoad(String),
    /// The dictionary could not be read (the engine's own reason).
    Dictionary(String),
    /// A message between the page and a worker could not be read.
    Message(String),
    /// A file could not be decoded (the engine's own reason, in both languages, for the
    /// causes not listed here).
    Decode(shudu_core::decode::DecodeError),
    /// A file is empty (or only white space).
    Empty,
    /// A file is binary, not text.
    Binary,
    /// A file's text encoding is not one the engine reads.
    UnknownEncoding,
    /// A file larger than the page takes (bytes).
    TooLarge { size: u64, limit: u64 },
    /// A file could not be read (moved or deleted since it was picked).
    Unreadable,
    /// The engine failed on a file (a bug; the panic's message).
    FileCrashed(String),
    /// A file's analysis did not finish in time (the watchdog gave up on its worker).
    FileStuck,
    /// The engine failed on a text or a piece of one (the panic's message).
    TextCrashed(String),
    /// A piece of a text was not analysed in time.
    TextStuck,
    /// A file's figures would take the session past the figures it keeps at most (the
    /// limit): the file is left out, the session kept.
    TooManyFigures(usize),
}

impl From<shudu_core::decode::DecodeError> for Failure {
    fn from(e: shudu_core::decode::DecodeError) -> Failure {
        use shudu_core::decode::DecodeError;
        match e {
            DecodeError::Empty => Failure::Empty,
            DecodeError::Binary => Failure::Binary,
            DecodeError::UnknownEncoding => Failure::UnknownEncoding,
            DecodeError::TooLarge { size, limit } => Failure::TooLarge { size: size as u64, limit: limit as u64 },
            other => Failure::Decode(other),
        }
    }
}
