//! The jieba dictionary in Shudu's packed form (`data/jieba.dict`, made by
//! `scripts/pack-dict.mjs`): brotli over columns of front-coded words,
//! varint frequencies and tag ids. About 1.2 MB instead of 5 MB of text, so
//! the site ships it as its own cacheable file.

use std::io::Read;

/// Why a packed dictionary could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DictError {
    /// Not brotli, or cut short.
    Compression(String),
    /// The unpacked bytes are not a dictionary of this version.
    Format(&'static str),
}

impl std::fmt::Display for DictError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DictError::Compression(e) => write!(f, "dictionary cannot be decompressed: {e}"),
            DictError::Format(e) => write!(f, "dictionary is damaged: {e}"),
        }
    }
}

impl std::error::Error for DictError {}

/// The packed dictionary built into the binary.
#[cfg(feature = "embedded-dict")]
pub const EMBEDDED: &[u8] = include_bytes!("../data/jieba.dict");

/// Unpack to jieba's text form: one `word freq tag` line per word.
pub fn unpack(packed: &[u8]) -> Result<String, DictError> {
    let mut out = String::with_capacity(packed.len() * 4);
    for_each_entry(packed, |word, freq, tag| {
        out.push_str(word);
        out.push(' ');
        push_decimal(&mut out, freq);
        out.push(' ');
        out.push_str(tag);
        out.push('\n');
    })?;
    Ok(out)
}

/// Call `entry(word, freq, tag)` for every word of a packed dictionary, in order.
pub fn for_each_entry(packed: &[u8], mut entry: impl FnMut(&str, u64, &str)) -> Result<(), DictError> {
    let raw = decompress(packed)?;
    let columns = Columns::of(&raw)?;
    let tags = columns.tags.clone();
    columns.for_each(|word, freq, tag| entry(word, freq, tags[tag as usize]))
}

/// The unpacked bytes of a packed dictionary.
pub(crate) fn decompress(packed: &[u8]) -> Result<Vec<u8>, DictError> {
    let mut raw = Vec::with_capacity(packed.len() * 3);
    brotli_decompressor::Decompressor::new(packed, 1 << 16)
        .read_to_end(&mut raw)
        .map_err(|e| DictError::Compression(e.to_string()))?;
    Ok(raw)
}

/// The columns of an unpacked dictionary, checked and ready to walk.
pub(crate) struct Columns<'a> {
    /// Tag names; entries refer to them by index.
    pub tags: Vec<&'a str>,
    /// Number of words.
    pub count: usize,
    words: &'a str,
    freqs: &'a [u8],
    tag_ids: &'a [u8],
}

impl<'a> Columns<'a> {
    pub fn of(raw: &'a [u8]) -> Result<Self, DictError> {
        let mut lines = raw.splitn(4, |b| *b == b'\n');
        let head = lines.next().ok_or(DictError::Format("empty"))?;
        if head != b"SHUDU-DICT 2" {
            return Err(DictError::Format("unknown version"));
        }
        let tags: Vec<&str> = std::str::from_utf8(lines.next().ok_or(DictError::Format("no tags"))?)
            .map_err(|_| DictError::Format("tags"))?
            .split(' ')
            .collect();
        let sizes = std::str::from_utf8(lines.next().ok_or(DictError::Format("no count"))?).unwrap_or("");
        let mut sizes = sizes.split(' ').map(|n| n.parse::<usize>().map_err(|_| DictError::Format("count")));
        let (count, words_len) =
            (sizes.next().ok_or(DictError::Format("count"))??, sizes.next().ok_or(DictError::Format("count"))??);
        let body = lines.next().ok_or(DictError::Format("no words"))?;
        if words_len > body.len() || count > body.len() - words_len {
            return Err(DictError::Format("sizes larger than the data"));
        }
        let (words, columns) = body.split_at(words_len);
        // The words are checked as UTF-8 once, not word by word (this runs while the page
        // waits for its engine).
        let words = std::str::from_utf8(words).map_err(|_| DictError::Format("words are not UTF-8"))?;
        let (freqs, tag_ids) = columns.split_at(columns.len() - count);
        Ok(Columns { tags, count, words, freqs, tag_ids })
    }

    /// Call `entry(word, freq, tag index)` for every word, in order: one pass, the
    /// frequency and tag columns read alongside the words.
    pub fn for_each(self, mut entry: impl FnMut(&str, u64, u8)) -> Result<(), DictError> {
        // Words: `count` lines, each the number of chars shared with the previous word
        // ('0'..'9') and the rest; then LEB128 frequencies; then one tag byte per word.
        let mut freqs = self.freqs;
        let mut lines = self.words.split_terminator('\n');
        let mut word = String::new();
        for &tag_id in self.tag_ids {
            let line = lines.next().ok_or(DictError::Format("words cut short"))?;
            let shared = line.as_bytes().first().and_then(|b| b.checked_sub(b'0')).filter(|n| *n <= 9);
            let shared = shared.ok_or(DictError::Format("prefix length"))? as usize;
            // Keep the first `shared` chars of the previous word, then the rest.
            let keep = word.char_indices().nth(shared).map_or(word.len(), |(b, _)| b);
            word.truncate(keep);
            word.push_str(&line[1..]);
            let freq = read_varint(&mut freqs)?;
            if tag_id as usize >= self.tags.len() {
                return Err(DictError::Format("tag id"));
            }
            entry(&word, freq, tag_id);
        }
        if lines.next().is_some() || !freqs.is_empty() {
            return Err(DictError::Format("columns of different lengths"));
        }
        Ok(())
    }
}

/// One LEB128 number from the front of `bytes`.
fn read_varint(bytes: &mut &[u8]) -> Result<u64, DictError> {
    let (mut v, mut shift) = (0u64, 0);
    loop {
        let (&b, rest) = bytes.split_first().ok_or(DictError::Format("frequencies cut short"))?;
        *bytes = rest;
        if shift > 63 {
            return Err(DictError::Format("frequency too long"));
        }
        v |= u64::from(b & 0x7f) << shift;
        shift += 7;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
}

/// Append `v` in decimal without a temporary string.
fn push_decimal(out: &mut String, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut k = buf.len();
    loop {
        k -= 1;
        buf[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend(buf[k..].iter().map(|b| *b as char));
}

#[cfg(all(test, feature = "embedded-dict"))]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionary_unpacks_to_jieba_lines() {
        let text = unpack(EMBEDDED).unwrap();
        assert!(text.lines().count() > 300_000);
        assert!(text.lines().any(|l| l == "一季度 30 t" || l.starts_with("一季度 ")));
        for line in text.lines().take(1000) {
            let parts: Vec<&str> = line.split(' ').collect();
            assert_eq!(parts.len(), 3, "{line}");
            assert!(parts[1].parse::<u64>().is_ok(), "{line}");
        }
    }

    #[test]
    fn damaged_dictionaries_are_refused() {
        assert!(matches!(unpack(b"not brotli at all"), Err(DictError::Compression(_)) | Err(DictError::Format(_))));
        assert!(unpack(&EMBEDDED[..EMBEDDED.len() / 2]).is_err());
        assert_eq!(push_decimal_str(0), "0");
        assert_eq!(push_decimal_str(1234567), "1234567");
    }

    fn push_decimal_str(v: u64) -> String {
        let mut s = String::new();
        push_decimal(&mut s, v);
        s
    }
}
