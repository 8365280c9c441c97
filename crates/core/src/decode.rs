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

use std::borrow::Cow;
use std::fmt;

use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};
use serde::{Deserialize, Serialize};

use crate::html;

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
        }
    }
}

impl std::error::Error for DecodeError {}

/// "12.3 MB", "10 MB", "512 KB", "12 bytes".
fn human_size(n: usize) -> String {
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
            Err(e) => Err(DecodeError::BadDocx(e.to_string())),
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

fn prefix(bytes: &[u8], n: usize) -> &[u8] {
    &bytes[..bytes.len().min(n)]
}

const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn is_zip(b: &[u8]) -> bool {
    b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") || b.starts_with(b"PK\x07\x08")
}

/// Magic numbers of common non-text files.
fn is_binary_magic(b: &[u8]) -> bool {
    const MAGIC: [&[u8]; 20] = [
        b"\x89PNG\r\n\x1a\n",
        b"\xFF\xD8\xFF", // JPEG
        b"GIF87a",
        b"GIF89a",
        b"%PDF-",
        b"\x7FELF",
        b"\x1F\x8B", // gzip
        &OLE,        // .doc, .xls, .ppt
        b"7z\xBC\xAF\x27\x1C",
        b"Rar!\x1A\x07",
        b"\xFD7zXZ\x00",
        b"BZh",              // bzip2, checked further below
        b"\xCA\xFE\xBA\xBE", // Java class, Mach-O fat
        b"\xCF\xFA\xED\xFE", // Mach-O
        b"\xCE\xFA\xED\xFE",
        b"\x00asm",
        b"OggS\x00",
        b"fLaC",
        b"ID3",              // MP3, checked further below
        b"\x28\xB5\x2F\xFD", // zstd
    ];
    for m in MAGIC {
        if b.starts_with(m) {
            return match m {
                b"BZh" => b.len() >= 10 && b[3].is_ascii_digit() && &b[4..10] == b"1AY&SY",
                b"ID3" => b.len() >= 10 && b[3] < 10 && b[5] & 0x0F == 0,
                _ => true,
            };
        }
    }
    // RIFF containers (WebP, WAV, AVI), ISO media (MP4, HEIC), BMP.
    (b.starts_with(b"RIFF") && b.len() >= 12 && b[8..12].iter().all(u8::is_ascii_alphanumeric))
        || (b.len() >= 12 && &b[4..8] == b"ftyp")
        || (b.starts_with(b"BM") && b.len() >= 14 && b[6..10] == [0, 0, 0, 0])
}

/// Decode the text bytes: the text and the name of its encoding.
fn decode_text(bytes: &[u8], html_hint: bool) -> Result<(String, &'static str), DecodeError> {
    // 1. A byte-order mark is the most reliable sign.
    let mut bytes = bytes;
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if std::str::from_utf8(rest).is_ok() || mostly_utf8(rest) {
            return check_utf8(String::from_utf8_lossy(rest).into_owned(), "UTF-8 (BOM)");
        }
        // A UTF-8 mark on text that is not UTF-8 (some tools add one blindly).
        bytes = rest;
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return check(decode_with(UTF_16LE, rest), "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return check(decode_with(UTF_16BE, rest), "UTF-16BE");
    }

    // 2. NUL bytes: UTF-16 without a BOM, or not text.
    if bytes.contains(&0) {
        if let Some((enc, name)) = sniff_utf16(bytes) {
            return check(decode_with(enc, bytes), name);
        }
        // Trailing NUL padding (left by some tools) is tolerated; any other NUL is not.
        let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
        bytes = &bytes[..end];
        if bytes.is_empty() || bytes.contains(&0) {
            return Err(DecodeError::Binary);
        }
    }

    // 3. Valid UTF-8 wins.
    match std::str::from_utf8(bytes) {
        Ok(s) => return check_utf8(s.to_string(), "UTF-8"),
        Err(_) if mostly_utf8(bytes) => {
            return check_utf8(String::from_utf8_lossy(bytes).into_owned(), "UTF-8");
        }
        Err(_) => {}
    }

    // 4-5. A legacy encoding: the page's declaration, or a guess from the content.
    let declared = if html_hint {
        html::meta_charset(&String::from_utf8_lossy(prefix(bytes, 4096)))
            .and_then(|l| Encoding::for_label(l.as_bytes()))
    } else {
        None
    };
    let declared = declared.map(|e| match e {
        // A page that is not UTF-16 cannot declare it (HTML standard); x-user-defined means windows-1252.
        e if e == UTF_16LE || e == UTF_16BE => UTF_8,
        e if e == X_USER_DEFINED => WINDOWS_1252,
        e => e,
    });

    // The first 256 KB are plenty to tell encodings apart, and keep big files fast.
    let sample = prefix(bytes, 256 << 10);

    // Each candidate is decoded once: (encoding, text, undecodable sequences).
    let mut tried: Vec<(&'static Encoding, String, usize)> = Vec::new();
    let mut attempt = |enc: &'static Encoding| -> usize {
        if let Some(t) = tried.iter().find(|t| t.0 == enc) {
            return t.2;
        }
        let text = decode_with(enc, bytes);
        let errors = count_replacements(&text);
        tried.push((enc, text, errors));
        errors
    };
    let ok = |errors: usize| tolerable(errors, bytes.len());

    // A short text (a few dozen characters) must decode without a single
    // error to count as Chinese; a long one may carry a little damage (a file
    // cut short, a stray byte).
    let short = sample.iter().filter(|&&b| b >= 0x80).count() < 64;
    // The Chinese encoding whose double-byte characters fall more often among
    // the common ones (GB2312 level 1 / Big5 level 1 and punctuation), if the
    // bytes read as Chinese at all, and not as Korean or Japanese.
    let (gb, big5) = (common_share(sample, false), common_share(sample, true));
    let chinese = if big5 > gb { [(BIG5, big5), (GB18030, gb)] } else { [(GB18030, gb), (BIG5, big5)] }
        .into_iter()
        .find(|&(enc, share)| {
            share >= 0.5 && !foreign_cjk(sample, enc == BIG5) && {
                let errors = attempt(enc);
                if short { errors == 0 } else { ok(errors) }
            }
        })
        .map(|(enc, _)| enc);

    let choice = if let Some(d) = declared.map(canonical).filter(|&d| {
        // The page's declaration stands when it decodes cleanly, unless it
        // names a single-byte encoding while the content reads as Chinese.
        ok(attempt(d)) && !(d.is_single_byte() && chinese.is_some_and(|c| c != d))
    }) {
        d
    } else if let Some(c) = chinese {
        c
    } else if looks_western(sample) {
        attempt(WINDOWS_1252); // every byte has a character in windows-1252
        WINDOWS_1252
    } else {
        return Err(DecodeError::UnknownEncoding);
    };
    let (enc, text, _) = tried.into_iter().find(|t| t.0 == choice).ok_or(DecodeError::UnknownEncoding)?;
    check(text, display_name(enc))
}

/// The share of double-byte sequences that are common characters or
/// punctuation when the bytes are read as GB18030 (GB2312 level-1 hanzi,
/// rows A1-A3) or as Big5 (level-1 hanzi A440-C67E, symbols A140-A3FE).
fn common_share(b: &[u8], big5: bool) -> f64 {
    let (mut pairs, mut common) = (0usize, 0usize);
    for pair in multibyte(b, big5) {
        pairs += 1;
        let Some((lead, trail)) = pair else { continue };
        let high_trail = (0xA1..=0xFE).contains(&trail);
        common += if big5 {
            matches!(lead, 0xA1..=0xC6) && (high_trail || (0x40..=0x7E).contains(&trail))
        } else {
            matches!(lead, 0xA1..=0xA3 | 0xB0..=0xD7) && high_trail
        } as usize;
    }
    if pairs == 0 { 0.0 } else { common as f64 / pairs as f64 }
}

/// The multi-byte characters of `b` read as Big5 or as GB18030 (ASCII bytes
/// skipped): `Some((lead, trail))` for a double-byte one, `None` for a GB18030
/// four-byte sequence (a digit as second byte).
fn multibyte(b: &[u8], big5: bool) -> impl Iterator<Item = Option<(u8, u8)>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while b.get(i).is_some_and(|&lead| lead < 0x80) {
            i += 1;
        }
        let lead = *b.get(i)?;
        let trail = b.get(i + 1).copied().unwrap_or(0);
        if !big5 && trail.is_ascii_digit() {
            i += 4;
            return Some(None);
        }
        i += 2;
        Some(Some((lead, trail)))
    })
}

/// Korean (EUC-KR) and Japanese (EUC-JP) texts also use two high bytes per
/// character, and many of their characters fall in the ranges `common_share`
/// counts: EUC-KR text reads as "common" GB2312 hanzi throughout, EUC-JP text
/// as common Big5 ones. Where the characters sit tells them apart, once there
/// are enough of them (32; shorter texts count as Chinese):
/// - read as GB18030, a Chinese text has characters beyond lead byte C8 (一 是
///   在 有 这 中 上 为 我 说 ...: a third of its hanzi, rarely under a tenth),
///   where EUC-KR has no Hangul at all (its syllables are B0A1-C8FE); and it
///   hardly uses rows A4-A5, which hold the kana in both GB2312 and EUC-JP;
/// - read as Big5, a Chinese text has trail bytes 40-7E in about two
///   characters out of five (一 A440, 是 AC4F, 這 B36F; rarely under a sixth),
///   which EUC-KR and EUC-JP never use.
fn foreign_cjk(b: &[u8], big5: bool) -> bool {
    const ENOUGH: usize = 32;
    let (mut pairs, mut hanzi, mut beyond, mut kana, mut low_trail) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for pair in multibyte(b, big5) {
        pairs += 1;
        let Some((lead, trail)) = pair else { continue };
        let high_trail = (0xA1..=0xFE).contains(&trail);
        hanzi += (matches!(lead, 0xB0..=0xF7) && high_trail) as usize;
        beyond += (matches!(lead, 0xC9..=0xF7) && high_trail) as usize;
        kana += (matches!(lead, 0xA4 | 0xA5) && high_trail) as usize;
        low_trail += (0x40..=0x7E).contains(&trail) as usize;
    }
    if big5 {
        pairs >= ENOUGH && low_trail * 20 < pairs
    } else {
        (hanzi >= ENOUGH && beyond * 20 < hanzi) || (pairs >= ENOUGH && kana * 10 > pairs)
    }
}

/// Western European text in windows-1252 (or ISO-8859-1, its subset), the
/// encoding browsers assume for such a text without a declaration. French,
/// German, Spanish ... write mostly ASCII, with an accented letter inside a
/// word here and there (é, ü, ñ, ß, ç) and a few signs (’ « » – € …) between
/// spaces. Double-byte encodings (GBK, Big5, Shift_JIS, EUC-KR ...) put one or
/// two high bytes in every character, side by side. So, all three:
/// - high bytes are at most a third of the text;
/// - none is one of the five bytes windows-1252 leaves unassigned (81 8D 8F
///   90 9D), which Shift_JIS and GBK lead bytes use all the time;
/// - at least three in four stand next to an ASCII letter or alone between
///   ASCII bytes.
fn looks_western(b: &[u8]) -> bool {
    let (mut high, mut among_ascii) = (0usize, 0usize);
    for (i, &c) in b.iter().enumerate() {
        if c < 0x80 {
            continue;
        }
        if matches!(c, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) {
            return false;
        }
        high += 1;
        let before = if i > 0 { b[i - 1] } else { b' ' };
        let after = b.get(i + 1).copied().unwrap_or(b' ');
        among_ascii += (before.is_ascii_alphabetic()
            || after.is_ascii_alphabetic()
            || (before.is_ascii() && after.is_ascii())) as usize;
    }
    high > 0 && high * 3 <= b.len() && among_ascii * 4 >= high * 3
}

/// The encoding actually used to decode: GBK (and GB2312) as GB18030, its superset.
fn canonical(enc: &'static Encoding) -> &'static Encoding {
    if enc == GBK { GB18030 } else { enc }
}

fn display_name(enc: &'static Encoding) -> &'static str {
    if enc == GB18030 || enc == GBK {
        "GB18030"
    } else if enc == BIG5 {
        "Big5"
    } else {
        enc.name()
    }
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> String {
    match enc.decode_without_bom_handling(bytes).0 {
        Cow::Borrowed(s) => s.to_string(),
        Cow::Owned(s) => s,
    }
}

fn count_replacements(s: &str) -> usize {
    // U+FFFD is EF BF BD in UTF-8; EF is rare in Chinese text, so scan for it.
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == 0xEF) {
        let at = i + k;
        if b[at..].starts_with("\u{fffd}".as_bytes()) {
            n += 1;
        }
        i = at + 1;
    }
    n
}

/// Few enough undecodable sequences to trust the encoding: at most 1 in 200 characters.
fn tolerable(errors: usize, len: usize) -> bool {
    errors <= 1 || errors * 200 <= len
}

/// The decoded text, unless it is mostly undecodable or full of control characters.
fn check(text: String, encoding: &'static str) -> Result<(String, &'static str), DecodeError> {
    let chars = check_controls(&text)?;
    if !tolerable(count_replacements(&text), chars) {
        return Err(DecodeError::UnknownEncoding);
    }
    Ok((text, encoding))
}

/// UTF-8 text: only the control characters are checked (a valid file may
/// contain U+FFFD itself; damaged ones were judged by `mostly_utf8`).
fn check_utf8(text: String, encoding: &'static str) -> Result<(String, &'static str), DecodeError> {
    check_controls(&text)?;
    Ok((text, encoding))
}

/// The number of characters, or `Binary` if too many are control characters.
fn check_controls(text: &str) -> Result<usize, DecodeError> {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for &b in text.as_bytes() {
        if b & 0xC0 != 0x80 {
            chars += 1;
        }
        if (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)) || b == 0x7F {
            controls += 1;
        }
    }
    if controls > 0 && controls * 30 > chars {
        return Err(DecodeError::Binary);
    }
    Ok(chars)
}

/// UTF-8 with a little damage: a file cut in the middle of its last
/// character, or many valid multi-byte sequences and almost no invalid ones.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let mut errors = 0usize;
    let mut multibyte = 0usize;
    let leads = |b: &[u8]| b.iter().filter(|&&c| c >= 0xC0).count();
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                multibyte += leads(s.as_bytes());
                break;
            }
            Err(e) => {
                multibyte += leads(&rest[..e.valid_up_to()]);
                match e.error_len() {
                    Some(n) => {
                        errors += 1;
                        // Give up early on text in another encoding.
                        if errors > 8 && errors * 50 > multibyte {
                            return false;
                        }
                        rest = &rest[e.valid_up_to() + n..];
                    }
                    // Cut in the middle of the last character: that alone is no error.
                    None => break,
                }
            }
        }
    }
    (errors == 0 && multibyte > 0) || (multibyte >= 8 && errors * 50 <= multibyte)
}

/// UTF-16 without a BOM: NUL bytes only on one side of the units (ASCII
/// characters and line ends), and text that reads as text in that order.
fn sniff_utf16(bytes: &[u8]) -> Option<(&'static Encoding, &'static str)> {
    let sample = prefix(bytes, 64 * 1024);
    let sample = &sample[..sample.len() & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += (pair[0] == 0) as usize;
        odd += (pair[1] == 0) as usize;
    }
    let (enc, name, nuls, other) =
        if odd > even { (UTF_16LE, "UTF-16LE", odd, even) } else { (UTF_16BE, "UTF-16BE", even, odd) };
    // (A few NULs on the other side come from characters such as U+4E00 `一`.)
    if nuls < 2 || other * 4 > nuls {
        return None;
    }
    let text = enc.decode_without_bom_handling(sample).0;
    let (mut total, mut plausible) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        plausible += is_plausible(c) as usize;
    }
    (total > 0 && plausible * 100 >= total * 95).then_some((enc, name))
}

/// Characters expected in a (Chinese or Western) text; a binary file read as
/// UTF-16 scatters over the whole code space instead.
fn is_plausible(c: char) -> bool {
    matches!(c as u32,
        0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA0..=0x24F | 0x370..=0x4FF | 0x2000..=0x206F | 0x20A0..=0x20CF
        | 0x2100..=0x21FF | 0x2200..=0x22FF | 0x2460..=0x24FF | 0x2500..=0x27BF | 0x3000..=0x30FF
        | 0x3100..=0x312F | 0x3200..=0x32FF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x1F000..=0x1FAFF | 0x20000..=0x3FFFF)
}

/// CRLF and lone CR become LF.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    out
}

/// Reading `.docx` files: a minimal zip reader (central directory, stored and
/// deflated entries via `miniz_oxide`) and a scan of `word/document.xml`.
mod docx {
    use std::fmt;

    pub(super) enum Error {
        /// A zip archive without a Word document in it.
        NotDocx,
        Bad(String),
    }

    impl fmt::Display for Error {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Error::NotDocx => f.write_str("no word/document.xml in the archive"),
                Error::Bad(why) => f.write_str(why),
            }
        }
    }

    fn bad(why: &str) -> Error {
        Error::Bad(why.to_string())
    }

    fn u16_at(b: &[u8], at: usize) -> Option<usize> {
        Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
    }

    fn u32_at(b: &[u8], at: usize) -> Option<usize> {
        Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
    }

    struct Entry<'a> {
        name: &'a [u8],
        method: usize,
        flags: usize,
        compressed: usize,
        size: usize,
        local: usize,
    }

    /// The entries of a zip archive, from its central directory.
    fn entries(zip: &[u8]) -> Result<Vec<Entry<'_>>, Error> {
        let truncated = || bad("the zip archive is damaged or incomplete");
        // The end-of-central-directory record is within the last 64 KB + 22 bytes.
        let from = zip.len().saturating_sub(0xFFFF + 22);
        let eocd = (from..zip.len().saturating_sub(21))
            .rev()
            .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
            .ok_or_else(truncated)?;
        let count = u16_at(zip, eocd + 10).ok_or_else(truncated)?;
        let offset = u32_at(zip, eocd + 16).ok_or_else(truncated)?;
        if offset == 0xFFFF_FFFF || count == 0xFFFF {
            return Err(bad("ZIP64 archives are not supported"));
        }
        let mut out = Vec::with_capacity(count);
        let mut at = offset;
        for _ in 0..count {
            if zip.get(at..at + 4) != Some(b"PK\x01\x02") {
                return Err(truncated());
            }
            let name_len = u16_at(zip, at + 28).ok_or_else(truncated)?;
            let extra = u16_at(zip, at + 30).ok_or_else(truncated)?;
            let comment = u16_at(zip, at + 32).ok_or_else(truncated)?;
            out.push(Entry {
                flags: u16_at(zip, at + 8).ok_or_else(truncated)?,
                method: u16_at(zip, at + 10).ok_or_else(truncated)?,
                compressed: u32_at(zip, at + 20).ok_or_else(truncated)?,
                size: u32_at(zip, at + 24).ok_or_else(truncated)?,
                local: u32_at(zip, at + 42).ok_or_else(truncated)?,
                name: zip.get(at + 46..at + 46 + name_len).ok_or_else(truncated)?,
            });
            at += 46 + name_len + extra + comment;
        }
        Ok(out)
    }

    /// The uncompressed content of an entry, at most `limit` bytes.
    fn read(zip: &[u8], e: &Entry<'_>, limit: usize) -> Result<Vec<u8>, Error> {
        let truncated = || bad("the zip archive is damaged or incomplete");
        if e.flags & 1 != 0 {
            return Err(bad("the document is encrypted"));
        }
        if zip.get(e.local..e.local + 4) != Some(b"PK\x03\x04") {
            return Err(truncated());
        }
        let name_len = u16_at(zip, e.local + 26).ok_or_else(truncated)?;
        let extra = u16_at(zip, e.local + 28).ok_or_else(truncated)?;
        let start = e.local + 30 + name_len + extra;
        let data = zip.get(start..start + e.compressed).ok_or_else(truncated)?;
        if e.size > limit {
            return Err(bad("the document is too large"));
        }
        match e.method {
            0 => Ok(data.to_vec()),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|err| {
                if err.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                    bad("the document is too large")
                } else {
                    truncated()
                }
            }),
            m => Err(Error::Bad(format!("unsupported zip compression method {m}"))),
        }
    }

    /// The text of a Word document: one line per paragraph.
    pub(super) fn document_text(zip: &[u8], limit: usize) -> Result<String, Error> {
        let entries = match entries(zip) {
            Ok(e) => e,
            // An empty archive is not a Word document.
            Err(_) if zip.starts_with(b"PK\x05\x06") => return Err(Error::NotDocx),
            Err(e) => return Err(e),
        };
        let main = entries
            .iter()
            .find(|e| e.name == b"word/document.xml")
            .or_else(|| entries.iter().find(|e| e.name.starts_with(b"word/document") && e.name.ends_with(b".xml")))
            .ok_or(Error::NotDocx)?;
        // XML is verbose: allow the uncompressed part to be several times the file limit.
        let xml = read(zip, main, limit.saturating_mul(8).min(1 << 30))?;
        let xml = match xml.as_slice() {
            [0xFF, 0xFE, rest @ ..] => encoding_rs::UTF_16LE.decode_without_bom_handling(rest).0.into_owned(),
            [0xFE, 0xFF, rest @ ..] => encoding_rs::UTF_16BE.decode_without_bom_handling(rest).0.into_owned(),
            _ => String::from_utf8_lossy(xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&xml)).into_owned(),
        };
        Ok(xml_text(&xml))
    }

    /// Scan WordprocessingML: text of `<w:t>` runs, `<w:p>` as line ends,
    /// `<w:br/>` and `<w:cr/>` as line breaks, `<w:tab/>` as a tab; the
    /// fallback copy of text boxes (`<mc:Fallback>`) is skipped.
    pub(super) fn xml_text(xml: &str) -> String {
        let b = xml.as_bytes();
        let mut out = String::with_capacity(xml.len() / 4);
        let mut in_text = false;
        let mut fallback = 0usize;
        let mut pos = 0;
        while pos < b.len() {
            let lt = b[pos..].iter().position(|&c| c == b'<').map_or(b.len(), |k| pos + k);
            if in_text && fallback == 0 && lt > pos {
                crate::html::decode_entities_into(&xml[pos..lt], &mut out);
            }
            if lt >= b.len() {
                break;
            }
            if b[lt..].starts_with(b"<!--") {
                pos = find(b, lt, b"-->").map_or(b.len(), |i| i + 3);
                continue;
            }
            if b[lt..].starts_with(b"<![CDATA[") {
                let end = find(b, lt, b"]]>").unwrap_or(b.len());
                if in_text && fallback == 0 {
                    out.push_str(&xml[lt + 9..end.max(lt + 9)]);
                }
                pos = (end + 3).min(b.len());
                continue;
            }
            let gt = b[lt..].iter().position(|&c| c == b'>').map_or(b.len(), |k| lt + k);
            let tag = &xml[lt + 1..gt];
            pos = (gt + 1).min(b.len());
            let (closing, tag) = match tag.strip_prefix('/') {
                Some(t) => (true, t),
                None => (false, tag),
            };
            let self_closing = tag.ends_with('/');
            let name_end = tag.find(|c: char| c.is_ascii_whitespace() || c == '/').unwrap_or(tag.len());
            let name = &tag[..name_end];
            let local = name.rsplit(':').next().unwrap_or(name);
            let has_attrs = !tag[name_end..].trim_matches(|c: char| c.is_ascii_whitespace() || c == '/').is_empty();
            match (closing, local) {
                (false, "t") if !self_closing => in_text = true,
                (true, "t") => in_text = false,
                (true, "p") => out.push('\n'),
                (false, "p") if self_closing => out.push('\n'),
                (false, "br" | "cr") if fallback == 0 => out.push('\n'),
                // Tab characters in runs have no attributes; tab stops (`w:tabs`) do.
                (false, "tab") if !has_attrs && fallback == 0 => out.push('\t'),
                (false, "noBreakHyphen") if fallback == 0 => out.push('-'),
                (false, "Fallback") if !self_closing => fallback += 1,
                (true, "Fallback") => fallback = fallback.saturating_sub(1),
                _ => {}
            }
        }
        crate::html::finish_lines(&out)
    }

    fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
        b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| from + i)
    }
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

    #[test]
    fn newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n\r\nd\r".into()), "a\nb\nc\n\nd\n");
    }

    #[test]
    fn western_rule() {
        assert!(looks_western(b"Caf\xE9"));
        assert!(looks_western(b"A\xE7\xE3o, \xAB\xA0oui\xA0\xBB, cost 5 \x80 \x97 and it\x92s fine"));
        assert!(!looks_western(b"plain ASCII"));
        assert!(!looks_western(b"\xE9t\xE9"), "high bytes are more than a third");
        assert!(!looks_western(b"a \x81A text in English"), "81 is unassigned in windows-1252");
        assert!(!looks_western(b"one two \xD6\xD0\xCE\xC4 three four five six"), "side by side, away from letters");
    }

    #[test]
    fn docx_xml() {
        let xml = r#"<?xml version="1.0"?><w:document><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="1"/></w:tabs></w:pPr><w:r><w:t>第一段</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> A &amp; B </w:t></w:r></w:p><w:p/><w:p><w:r><w:t>第二</w:t><w:br/><w:t>行</w:t></w:r><mc:AlternateContent><mc:Choice><w:t>框</w:t></mc:Choice><mc:Fallback><w:t>框</w:t></mc:Fallback></mc:AlternateContent></w:p></w:body></w:document>"#;
        assert_eq!(docx::xml_text(xml), "第一段\t A & B\n\n第二\n行框");
    }
}
