//! ZIP archives (PKWARE APPNOTE), the container of `.docx` and `.xlsx` files:
//! the one reader (for `.docx` input) and the one writer (for `.xlsx` output)
//! of the crate. Entries are stored or deflated (`miniz_oxide`); ZIP64, for
//! archives over 4 GB, is neither read nor written.

#[cfg(feature = "xlsx")]
mod crc;
mod read;
#[cfg(feature = "xlsx")]
mod write;

pub(crate) use read::{entries, read};
#[cfg(feature = "xlsx")]
pub(crate) use write::{Deflating, Writer};

use std::fmt;

/// Why an archive could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// The archive is cut short or its records do not add up.
    Damaged,
    /// A ZIP64 archive (not supported).
    Zip64,
    /// An encrypted entry.
    Encrypted,
    /// An entry larger than the limit it was read with.
    TooLarge,
    /// A compression method other than stored (0) or deflated (8).
    Method(usize),
    /// The archive being written would pass 4 GB.
    Over4Gb,
}

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZipError::Damaged => f.write_str("the zip archive is damaged or incomplete"),
            ZipError::Zip64 => f.write_str("ZIP64 archives are not supported"),
            ZipError::Encrypted => f.write_str("the document is encrypted"),
            ZipError::TooLarge => f.write_str("the document is too large"),
            ZipError::Method(m) => write!(f, "unsupported zip compression method {m}"),
            ZipError::Over4Gb => f.write_str("the archive would be over 4 GB"),
        }
    }
}

impl std::error::Error for ZipError {}
