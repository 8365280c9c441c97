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

mod doc;
mod docx;
mod encoding;
pub(crate) mod html;
mod pdf;
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
    /// Word 97-2003 (`.doc`).
    Doc,
    Pdf,
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
    /// A `.docx` or PDF file whose compressed parts unpack to more than
    /// `limit` bytes (one part, or all read together).
    UnpacksTooLarge { limit: usize },
    /// A `.docx` file a part of which grows more than `ratio` times when
    /// unpacked: a zip bomb.
    ZipBomb { ratio: usize },
    /// A `.docx` file whose content does not match its CRC-32 or recorded
    /// size: changed or damaged after it was written, so not read at all.
    Corrupt,
    /// A `.docx` file in the ZIP64 format (not read).
    Zip64,
    /// A Word 97-2003 `.doc` file that could not be read.
    BadDoc(String),
    /// A PDF file that could not be read.
    BadPdf(String),
    /// A PDF page (page 0: a drawing the pages reuse) drawn by more instructions than are
    /// read (`bytes` of them, unpacked).
    PdfPageTooBig { page: u32, bytes: usize, limit: usize },
    /// A PDF whose drawings draw each other in a loop or nest deeper than `limit` (the
    /// interpreter would recurse without end).
    PdfNested { limit: usize },
    /// A PDF without text: scanned pages or pictures.
    NoTextLayer,
    /// A PDF or Word file locked with a password.
    Encrypted,
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
                write!(f, "the file unpacks to more than {}: not read", human_size(*limit))
            }
            DecodeError::ZipBomb { ratio } => {
                write!(f, "a part of the file grows more than {ratio} times when unpacked (a zip bomb): not read")
            }
            DecodeError::Corrupt => f.write_str(
                "the file's content does not match its checksum (changed or damaged after it was written): not read",
            ),
            DecodeError::Zip64 => f.write_str("the file is in the ZIP64 format, which is not read"),
            DecodeError::BadDoc(why) => write!(f, "cannot read this .doc file: {why}"),
            DecodeError::BadPdf(why) => write!(f, "cannot read this PDF file: {why}"),
            DecodeError::PdfPageTooBig { page, bytes, limit } => write!(
                f,
                "{} of this PDF is drawn by {} of instructions, more than the {} a page that is read: not read",
                if *page == 0 { "a drawing reused by the pages".to_string() } else { format!("page {page}") },
                human_size(*bytes),
                human_size(*limit)
            ),
            DecodeError::PdfNested { limit } => {
                write!(f, "the drawings of this PDF draw each other in a loop or nest more than {limit} deep: not read")
            }
            DecodeError::NoTextLayer => f.write_str(
                "this PDF has no text layer (scanned pages or pictures): run OCR on it or get the text version",
            ),
            DecodeError::Encrypted => f.write_str("the file is protected by a password: save an unprotected copy"),
        }
    }
}

impl DecodeError {
    /// The reason in Chinese (the English one is [`Display`](fmt::Display)).
    pub fn zh(&self) -> String {
        match self {
            DecodeError::Empty => "空文件".into(),
            DecodeError::TooLarge { size, limit } => {
                format!("文件过大（{}，上限 {}）", human_size(*size), human_size(*limit))
            }
            DecodeError::Binary => "不是文本文件".into(),
            DecodeError::UnknownEncoding => "无法识别文本编码：请另存为 UTF-8 后重试".into(),
            DecodeError::BadDocx(why) => format!("无法读取此 .docx 文件：{why}"),
            DecodeError::BadDoc(why) => format!("无法读取此 .doc 文件：{why}"),
            DecodeError::BadPdf(why) => format!("无法读取此 PDF 文件：{why}"),
            DecodeError::PdfPageTooBig { page, bytes, limit } => format!(
                "此 PDF {}的绘制指令有 {}，超过每页 {} 的上限，未读取",
                if *page == 0 { "页面共用的一个图形".to_string() } else { format!("第 {page} 页") },
                human_size(*bytes),
                human_size(*limit)
            ),
            DecodeError::PdfNested { limit } => format!("此 PDF 的图形互相嵌套成环或超过 {limit} 层，未读取"),
            DecodeError::NoTextLayer => "此 PDF 没有文字层（扫描件或图片）：请先做文字识别（OCR）或取得文字版".into(),
            DecodeError::Encrypted => "文件有密码保护：请另存一份无密码的副本".into(),
            DecodeError::UnpacksTooLarge { limit } => format!("文件解压后超过 {}，未读取", human_size(*limit)),
            DecodeError::ZipBomb { ratio } => format!("文件的一部分解压后膨胀超过 {ratio} 倍（疑为压缩炸弹），未读取"),
            DecodeError::Corrupt => "文件内容与校验值不符（写入后被改动或损坏），未读取".into(),
            DecodeError::Zip64 => "不支持 ZIP64 格式的文件，未读取".into(),
        }
    }

    /// The reason in both languages, Chinese first: `文件过大（…） (file too large (…))`.
    pub fn bilingual(&self) -> String {
        format!("{} ({self})", self.zh())
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
        "doc" | "dot" => Some(Format::Doc),
        "pdf" => Some(Format::Pdf),
        _ => None,
    };

    if sniff::is_pdf(bytes) {
        let unpacked = limit.saturating_mul(8).min(1 << 30);
        return match pdf::document_text(bytes, unpacked) {
            Ok(text) => finish(text, "PDF", Format::Pdf),
            Err(pdf::Error::NoTextLayer) => Err(DecodeError::NoTextLayer),
            Err(pdf::Error::Encrypted) => Err(DecodeError::Encrypted),
            Err(pdf::Error::Unpacked(limit)) => Err(DecodeError::UnpacksTooLarge { limit }),
            Err(pdf::Error::Nested) => Err(DecodeError::PdfNested { limit: pdf::MAX_DEPTH }),
            Err(pdf::Error::PageTooBig { page, bytes }) => {
                Err(DecodeError::PdfPageTooBig { page, bytes, limit: pdf::MAX_PAGE_CONTENT })
            }
            Err(e) => Err(DecodeError::BadPdf(e.to_string())),
        };
    }
    if named == Some(Format::Pdf) {
        return Err(DecodeError::BadPdf("no PDF header (%PDF-)".into()));
    }
    if bytes.starts_with(&OLE) {
        return match doc::document_text(bytes, limit) {
            Ok(d) => finish(d.text, d.encoding, Format::Doc),
            Err(doc::Error::NotWord) if named != Some(Format::Doc) => Err(DecodeError::Binary),
            Err(doc::Error::Encrypted) => Err(DecodeError::Encrypted),
            Err(e) => Err(DecodeError::BadDoc(e.to_string())),
        };
    }
    if named == Some(Format::Doc) && is_zip(bytes) {
        // A .docx saved under the old extension: read it as what it is.
        return match docx::document_text(bytes, limit) {
            Ok(text) => finish(text, "UTF-8", Format::Docx),
            Err(e) => Err(DecodeError::BadDocx(e.to_string())),
        };
    }

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
