//! From a dropped file's bytes to clean article text.
//!
//! [`decode`] recognises the file kind (plain text, HTML, `.docx`, or something
//! that is not text at all), detects the text encoding, and returns the text
//! with LF line ends and no byte-order mark. HTML pages are reduced to their
//! article (see the `html` module); `.docx` files are read from their
//! `word/document.xml`.
//!
//! Encodings, in order of precedence:
//! 1. a byte-order mark: UTF-8, UTF-16LE, UTF-16BE;
//! 2. UTF-16 without a BOM when the NUL bytes all fall on one side of the
//!    16-bit units and the result reads as text;
//! 3. valid UTF-8 (also plain ASCII) is always UTF-8, as is UTF-8 with a few
//!    damaged bytes (a file cut in the middle of a character, say);
//! 4. for HTML, a `<meta charset>` / `http-equiv` declaration, when the bytes
//!    decode cleanly with it and it agrees with the content;
//! 5. otherwise the content decides, with no statistical detector:
//!    - GB18030 or Big5 when the bytes read cleanly as Chinese: most
//!      double-byte characters in the common GB2312 / Big5 level-1 ranges
//!      (see `common_share`), and, from 32 characters on, not laid out the way
//!      Korean (EUC-KR) or Japanese (EUC-JP) text is (see `foreign_cjk`);
//!    - then windows-1252 when the bytes read as Western European text: a few
//!      high bytes among ASCII words (é, ü, ñ, ’, €; see `looks_western`);
//!    - anything else (Japanese or Korean legacy encodings, Cyrillic ...
//!      without a declaration, binary-like bytes) gives
//!      [`DecodeError::UnknownEncoding`], whose message asks for UTF-8. So do
//!      too many undecodable sequences.
//!
//! GBK and GB2312 are subsets of GB18030 and decode identically (WHATWG), so
//! that whole family is reported as "GB18030".
//!
//! Pure Rust, no I/O, no threads: it runs the same natively and in WebAssembly.

use encoding::{decode_text, normalize_newlines};
use serde::{Deserialize, Serialize};
use sniff::{OLE, is_binary_magic, is_zip};
use std::fmt;

mod docx;
mod encoding;
pub(crate) mod html;
mod sniff;

/// The default largest file [`decode`] accepts: 50 MB.
pub const DEFAULT_LIMIT: usize = 50 * 1024 * 1024;

/// A decoded file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decoded {
    /// The article text, LF line ends, no BOM.
    pub text: String,
    /// The encoding the bytes were read with: "UTF-8", "UTF-8 (BOM)",
    /// "UTF-16LE", "UTF-16BE", "GB18030" (also for GBK/GB2312), "Big5", or
    /// another WHATWG encoding name such as "Shift_JIS".
    pub encoding: String,
    /// What kind of file it was.
    pub format: Format,
}

/// The kind of a decoded file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Text,
    Html,
    Docx,
}

/// Why a file could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecodeError {
    /// Zero bytes, or only white space after decoding.
    Empty,
    /// Larger than the limit.
    TooLarge { size: usize, limit: usize },
    /// Not text: an image, an executable, an archive, NUL bytes ...
    Binary,
    /// The encoding could not be determined with confidence.
    UnknownEncoding,
    /// A `.docx` file that could not be read.
    BadDocx(String),
    /// A `.docx` file that unpacks to more than `limit` bytes (one part, or
    /// all the parts read together).
    UnpacksTooLarge { limit: usize },
    /// A `.docx` file a part of which grows more than `ratio` times when
    /// unpacked: a zip bomb.
    ZipBomb { ratio: usize },
    /// A `.docx` file whose content does not match its CRC-32 or recorded
    /// size: changed or damaged after it was written, so not read at all.
    Corrupt,
    /// A `.docx` file in the ZIP64 format (not read).
    Zip64,
}

impl From<crate::zip::ZipError> for DecodeError {
    fn from(e: crate::zip::ZipError) -> Self {
        use crate::zip::ZipError as Z;
        match e {
            Z::EntryTooLarge { limit } | Z::TotalTooLarge { limit } => DecodeError::UnpacksTooLarge { limit },
            Z::Ratio { limit } => DecodeError::ZipBomb { ratio: limit },
            Z::Corrupt => DecodeError::Corrupt,
            Z::Zip64 => DecodeError::Zip64,
            e => DecodeError::BadDocx(e.to_string()),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => f.write_str("empty file"),
            DecodeError::TooLarge { size, limit } => {
                write!(f, "file too large ({}, limit {})", human_size(*size), human_size(*limit))
            }
            DecodeError::Binary => f.write_str("binary file, not text"),
            DecodeError::UnknownEncoding => f.write_str("unknown text encoding: save the file as UTF-8 and try again"),
            DecodeError::BadDocx(why) => write!(f, "cannot read this .docx file: {why}"),
            DecodeError::UnpacksTooLarge { limit } => {
                let l = human_size(*limit);
                write!(f, "文档解压后超过 {l}，已拒绝 (the .docx file unpacks to more than {l})")
            }
            DecodeError::ZipBomb { ratio } => write!(
                f,
                "文档解压后膨胀超过 {ratio} 倍，疑为压缩炸弹，已拒绝 (the .docx file grows more than {ratio} times when unpacked: a zip bomb)"
            ),
            DecodeError::Corrupt => f.write_str(
                "文档内容与校验值不符，已拒绝 (the .docx file's content does not match its checksum: it was changed or damaged)",
            ),
            DecodeError::Zip64 => f.write_str("不支持 ZIP64 格式的文档 (the .docx file is in the ZIP64 format, which is not read)"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// "12.3 MB", "10 MB", "512 KB", "12 bytes": a file size as the messages give it.
pub fn human_size(n: usize) -> String {
    const KB: f64 = 1024.0;
    const MB: f64 = 1024.0 * 1024.0;
    let x = n as f64;
    let (value, unit) = if x >= MB {
        (x / MB, "MB")
    } else if x >= KB {
        (x / KB, "KB")
    } else {
        return format!("{n} bytes");
    };
    let s = format!("{value:.1}");
    let s = s.strip_suffix(".0").unwrap_or(&s);
    format!("{s} {unit}")
}

/// Decode a file's bytes.
///
/// `name` is the file name: its extension picks the format (`.html`, `.htm`,
/// `.xhtml` → HTML, `.docx` → Word); for other names the content decides (a
/// text that starts with `<!DOCTYPE html` or `<html` is HTML, a zip holding
/// `word/document.xml` is a Word document). Files over `limit` bytes are
/// refused.
pub fn decode(bytes: &[u8], name: &str, limit: usize) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() > limit {
        return Err(DecodeError::TooLarge { size: bytes.len(), limit });
    }
    let ext = extension(name);
    let named = match ext.as_str() {
        "html" | "htm" | "xhtml" | "xht" | "shtml" => Some(Format::Html),
        "docx" | "docm" | "dotx" => Some(Format::Docx),
        _ => None,
    };

    if is_zip(bytes) {
        return match docx::document_text(bytes, limit) {
            Ok(text) => finish(text, "UTF-8", Format::Docx),
            Err(docx::Error::NotDocx) if named != Some(Format::Docx) => Err(DecodeError::Binary),
            Err(docx::Error::NotDocx) => Err(DecodeError::BadDocx(docx::Error::NotDocx.to_string())),
            Err(docx::Error::Zip(e)) => Err(e.into()),
        };
    }
    if named == Some(Format::Docx) {
        return Err(DecodeError::BadDocx(if bytes.starts_with(&OLE) {
            "this is an old Word (.doc) file; save it as .docx or plain text".into()
        } else {
            "not a zip archive".into()
        }));
    }
    if is_binary_magic(bytes) {
        return Err(DecodeError::Binary);
    }

    let html_hint = named == Some(Format::Html) || html::looks_like_html(&String::from_utf8_lossy(prefix(bytes, 1024)));
    let (text, encoding) = decode_text(bytes, html_hint)?;
    let format = if named == Some(Format::Html) || html_hint || html::looks_like_html(&text) {
        Format::Html
    } else {
        Format::Text
    };
    let text = normalize_newlines(text);
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    match format {
        Format::Html => finish(html::extract_text(&text), encoding, format),
        _ => finish(text, encoding, format),
    }
}

fn finish(text: String, encoding: &str, format: Format) -> Result<Decoded, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded { text, encoding: encoding.to_string(), format })
}

/// The lower-case extension of a file name (`""` if none).
fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.trim().to_ascii_lowercase(),
        _ => String::new(),
    }
}

pub(super) fn prefix(bytes: &[u8], n: usize) -> &[u8] {
    &bytes[..bytes.len().min(n)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(12_897_485), "12.3 MB");
        assert_eq!(human_size(10 * 1024 * 1024), "10 MB");
        assert_eq!(human_size(1536), "1.5 KB");
        assert_eq!(human_size(12), "12 bytes");
        let e = DecodeError::TooLarge { size: 12_897_485, limit: 10 * 1024 * 1024 };
        assert_eq!(e.to_string(), "file too large (12.3 MB, limit 10 MB)");
    }

    #[test]
    fn extensions() {
        assert_eq!(extension("a/b.c/Page.HTM"), "htm");
        assert_eq!(extension(".bashrc"), "");
        assert_eq!(extension("README"), "");
        assert_eq!(extension("C:\\x\\y.docx"), "docx");
    }
}
