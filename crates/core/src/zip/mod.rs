//! ZIP archives (PKWARE APPNOTE), the container of `.docx` and `.xlsx` files:
//! the one reader (for `.docx` input) and the one writer (for `.xlsx` output)
//! of the crate. Entries are stored or deflated (`miniz_oxide`); ZIP64, for
//! archives over 4 GB, is neither read nor written. Every entry read is
//! checked against its CRC-32 and sizes, and inflated under limits (see
//! [`Limits`]) so that a small file cannot unpack to gigabytes.

mod crc;
mod read;
#[cfg(feature = "xlsx")]
mod write;

pub(crate) use read::{Archive, Limits};
#[cfg(feature = "xlsx")]
pub(crate) use write::{Deflating, Writer};

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why an archive could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ZipError {
    /// The archive is cut short or its records do not add up.
    Damaged,
    /// An entry's content does not match its CRC-32 or its recorded size:
    /// the file was changed or damaged after it was written.
    Corrupt,
    /// A ZIP64 archive (not supported).
    Zip64,
    /// An encrypted entry.
    Encrypted,
    /// An entry that unpacks to more than `limit` bytes.
    EntryTooLarge { limit: usize },
    /// Entries that unpack to more than `limit` bytes together.
    TotalTooLarge { limit: usize },
    /// An entry that grows more than `limit` times its packed size.
    Ratio { limit: usize },
    /// A compression method other than stored (0) or deflated (8).
    Method(usize),
    /// The archive being written would pass 4 GB.
    Over4Gb,
}

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::decode::human_size;
        match self {
            ZipError::Damaged => f.write_str("文档已损坏或不完整 (the zip archive is damaged or incomplete)"),
            ZipError::Corrupt => f.write_str(
                "文档内容与校验值不符，已拒绝 (the content does not match its checksum: the file was changed or damaged)",
            ),
            ZipError::Zip64 => f.write_str("不支持 ZIP64 格式 (ZIP64 archives are not supported)"),
            ZipError::Encrypted => f.write_str("文档已加密 (the document is encrypted)"),
            ZipError::EntryTooLarge { limit } => {
                let l = human_size(*limit);
                write!(f, "解压后超过 {l}，已拒绝 (a part of the document unpacks to more than {l})")
            }
            ZipError::TotalTooLarge { limit } => {
                let l = human_size(*limit);
                write!(f, "解压后共超过 {l}，已拒绝 (the document unpacks to more than {l} in all)")
            }
            ZipError::Ratio { limit } => write!(
                f,
                "压缩比超过 {limit} 倍，疑为压缩炸弹，已拒绝 (a part of the document grows more than {limit} times when unpacked: a zip bomb)"
            ),
            ZipError::Method(m) => write!(f, "不支持的压缩方式 {m} (unsupported zip compression method {m})"),
            ZipError::Over4Gb => f.write_str("the archive would be over 4 GB"),
        }
    }
}

impl std::error::Error for ZipError {}
