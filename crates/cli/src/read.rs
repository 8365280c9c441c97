//! Reading one input with a bound: a regular file over the limit is refused
//! from its size before a byte is read; anything else (standard input, a
//! pipe, a device) is read up to one byte past the limit and refused then.
//! Files found under a folder are opened without blocking and checked to be
//! regular files again once open, so a file swapped for a FIFO after the walk
//! cannot hang the command.

use crate::walk::Input;
use shudu_core::decode::{DEFAULT_LIMIT, DecodeError};
use std::fs::File;
use std::io::Read;

/// Why an input was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    Io(std::io::Error),
    TooLarge(u64),
    /// A found file that turned out not to be a regular file when opened.
    NotRegular,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::TooLarge(size) => {
                let size = usize::try_from(*size).unwrap_or(usize::MAX);
                DecodeError::TooLarge { size, limit: DEFAULT_LIMIT }.fmt(f)
            }
            ReadError::NotRegular => f.write_str("not a regular file"),
        }
    }
}

/// The bytes of an input, at most `limit`.
pub(crate) fn read_input(input: &Input, limit: usize) -> Result<Vec<u8>, ReadError> {
    match input {
        Input::Stdin => bounded(std::io::stdin().lock(), limit, None),
        Input::Named(path) => {
            let file = File::open(path).map_err(ReadError::Io)?;
            let meta = file.metadata().map_err(ReadError::Io)?;
            let size = meta.is_file().then_some(meta.len());
            bounded(file, limit, size)
        }
        Input::Found(path) => {
            let file = open_nonblocking(path).map_err(ReadError::Io)?;
            let meta = file.metadata().map_err(ReadError::Io)?;
            if !meta.is_file() {
                return Err(ReadError::NotRegular);
            }
            bounded(file, limit, Some(meta.len()))
        }
    }
}

/// Read at most `limit` bytes; `size` is the length a regular file says it has.
fn bounded(source: impl Read, limit: usize, size: Option<u64>) -> Result<Vec<u8>, ReadError> {
    let limit64 = u64::try_from(limit).unwrap_or(u64::MAX);
    if let Some(size) = size.filter(|&s| s > limit64) {
        return Err(ReadError::TooLarge(size));
    }
    let mut buf = Vec::with_capacity(size.map_or(64 * 1024, |s| s as usize));
    source.take(limit64.saturating_add(1)).read_to_end(&mut buf).map_err(ReadError::Io)?;
    if buf.len() > limit {
        return Err(ReadError::TooLarge(buf.len() as u64));
    }
    Ok(buf)
}

#[cfg(unix)]
fn open_nonblocking(path: &std::path::Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &std::path::Path) -> std::io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_is_read_one_byte_past_the_limit_and_no_further() {
        let endless = std::io::repeat(b'a');
        assert!(matches!(bounded(endless, 1000, None), Err(ReadError::TooLarge(1001))));
        assert_eq!(bounded(&b"abc"[..], 3, None).unwrap(), b"abc");
        // A regular file's size is believed before reading.
        assert!(matches!(bounded(&b"abc"[..], 3, Some(4)), Err(ReadError::TooLarge(4))));
    }
}
