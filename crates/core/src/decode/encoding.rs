//! Which encoding a text file is in, and its text with LF line ends (the
//! rules are listed in order of precedence in the `decode` module's docs).

use super::html;
use super::{DecodeError, prefix};
use std::borrow::Cow;

use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// Decode the text bytes: the text and the name of its encoding.
pub(super) fn decode_text(bytes: &[u8], html_hint: bool) -> Result<(String, &'static str), DecodeError> {
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
pub(super) fn common_share(b: &[u8], big5: bool) -> f64 {
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
pub(super) fn multibyte(b: &[u8], big5: bool) -> impl Iterator<Item = Option<(u8, u8)>> + '_ {
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
pub(super) fn foreign_cjk(b: &[u8], big5: bool) -> bool {
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
pub(super) fn looks_western(b: &[u8]) -> bool {
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
pub(super) fn canonical(enc: &'static Encoding) -> &'static Encoding {
    if enc == GBK { GB18030 } else { enc }
}

pub(super) fn display_name(enc: &'static Encoding) -> &'static str {
    if enc == GB18030 || enc == GBK {
        "GB18030"
    } else if enc == BIG5 {
        "Big5"
    } else {
        enc.name()
    }
}

pub(super) fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> String {
    match enc.decode_without_bom_handling(bytes).0 {
        Cow::Borrowed(s) => s.to_string(),
        Cow::Owned(s) => s,
    }
}

pub(super) fn count_replacements(s: &str) -> usize {
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
pub(super) fn tolerable(errors: usize, len: usize) -> bool {
    errors <= 1 || errors * 200 <= len
}

/// The decoded text, unless it is mostly undecodable or full of control characters.
pub(super) fn check(text: String, encoding: &'static str) -> Result<(String, &'static str), DecodeError> {
    let chars = check_controls(&text)?;
    if !tolerable(count_replacements(&text), chars) {
        return Err(DecodeError::UnknownEncoding);
    }
    Ok((text, encoding))
}

/// UTF-8 text: only the control characters are checked (a valid file may
/// contain U+FFFD itself; damaged ones were judged by `mostly_utf8`).
pub(super) fn check_utf8(text: String, encoding: &'static str) -> Result<(String, &'static str), DecodeError> {
    check_controls(&text)?;
    Ok((text, encoding))
}

/// The number of characters, or `Binary` if too many are control characters.
pub(super) fn check_controls(text: &str) -> Result<usize, DecodeError> {
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
pub(super) fn mostly_utf8(bytes: &[u8]) -> bool {
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
pub(super) fn sniff_utf16(bytes: &[u8]) -> Option<(&'static Encoding, &'static str)> {
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
pub(super) fn is_plausible(c: char) -> bool {
    matches!(c as u32,
        0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA0..=0x24F | 0x370..=0x4FF | 0x2000..=0x206F | 0x20A0..=0x20CF
        | 0x2100..=0x21FF | 0x2200..=0x22FF | 0x2460..=0x24FF | 0x2500..=0x27BF | 0x3000..=0x30FF
        | 0x3100..=0x312F | 0x3200..=0x32FF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x1F000..=0x1FAFF | 0x20000..=0x3FFFF)
}

/// CRLF and lone CR become LF.
pub(super) fn normalize_newlines(text: String) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
