//! The jieba dictionary in Shudu's packed form (`data/jieba-dict.txt`, made by
//! `scripts/pack-dict.mjs`): columns of front-coded words, frequencies as
//! base-32 text and one char per tag. About 3 MB of plain text instead of
//! 5 MB, which compresses to 1.2 MB: the site ships it as its own cacheable
//! file and lets the server compress it, so the browser unpacks it natively.

/// Why a packed dictionary could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DictError {
    /// The bytes are not a dictionary of this version, or are damaged.
    Format(&'static str),
}

impl std::fmt::Display for DictError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DictError::Format(e) => write!(f, "dictionary is damaged: {e}"),
        }
    }
}

impl std::error::Error for DictError {}

/// The packed dictionary built into the binary.
#[cfg(feature = "embedded-dict")]
pub const EMBEDDED: &[u8] = include_bytes!("../data/jieba-dict.txt");

/// Call `entry(word, freq, tag)` for every word of a packed dictionary, in order.
pub fn for_each_entry(packed: &[u8], mut entry: impl FnMut(&str, u64, &str)) -> Result<(), DictError> {
    let columns = Columns::of(packed)?;
    let tags = columns.tags.clone();
    columns.for_each(|word, freq, tag| entry(word, freq, tags[tag as usize]))
}

/// The columns of a packed dictionary, checked and ready to walk.
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
    pub fn of(packed: &'a [u8]) -> Result<Self, DictError> {
        let mut lines = packed.splitn(4, |b| *b == b'\n');
        let head = lines.next().ok_or(DictError::Format("empty"))?;
        if head != b"SHUDU-DICT 3" {
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
        let (words, rest) = body.split_at_checked(words_len).ok_or(DictError::Format("words cut short"))?;
        // The words are checked as UTF-8 once, not word by word (this runs while the page
        // waits for its engine).
        let words = std::str::from_utf8(words).map_err(|_| DictError::Format("words are not UTF-8"))?;
        let end = rest.iter().position(|b| *b == b'\n').ok_or(DictError::Format("frequencies cut short"))?;
        let (freqs, tag_ids) = (&rest[..end], &rest[end + 1..]);
        if tag_ids.len() != count + 1 || tag_ids[count] != b'\n' {
            return Err(DictError::Format("tags cut short"));
        }
        Ok(Columns { tags, count, words, freqs, tag_ids: &tag_ids[..count] })
    }

    /// Call `entry(word, freq, tag index)` for every word, in order.
    pub fn for_each(self, mut entry: impl FnMut(&str, u64, u8)) -> Result<(), DictError> {
        let mut word = String::new();
        self.for_each_coded(|shared, rest, freq, tag| {
            // Keep the first `shared` chars of the previous word, then the rest.
            word.truncate(prefix_bytes(word.as_bytes(), shared));
            word.push_str(rest);
            entry(&word, freq, tag);
        })
    }

    /// Call `entry(shared, rest, freq, tag index)` for every word, in order: the word is the
    /// first `shared` chars of the previous word, then `rest`. One pass, the frequency and
    /// tag columns read alongside the words.
    pub fn for_each_coded(self, mut entry: impl FnMut(usize, &str, u64, u8)) -> Result<(), DictError> {
        // Words: `count` lines, each the number of chars shared with the previous word
        // ('0'..'9') and the rest.
        let mut freqs = self.freqs;
        let mut lines = self.words.split_terminator('\n');
        for &tag in self.tag_ids {
            let line = lines.next().ok_or(DictError::Format("words cut short"))?;
            let shared = line.as_bytes().first().and_then(|b| b.checked_sub(b'0')).filter(|n| *n <= 9);
            let shared = shared.ok_or(DictError::Format("prefix length"))? as usize;
            let freq = read_freq(&mut freqs)?;
            let tag = tag.wrapping_sub(b'!');
            if tag as usize >= self.tags.len() {
                return Err(DictError::Format("tag id"));
            }
            entry(shared, &line[1..], freq, tag);
        }
        if lines.next().is_some() || !freqs.is_empty() {
            return Err(DictError::Format("columns of different lengths"));
        }
        Ok(())
    }
}

/// Byte length of the first `chars` chars of UTF-8 `word` (all of it if shorter): the
/// bytes before the start of char `chars`.
pub(crate) fn prefix_bytes(word: &[u8], chars: usize) -> usize {
    let mut seen = 0;
    for (i, b) in word.iter().enumerate() {
        // A byte that is not a continuation byte starts a char.
        if b & 0xC0 != 0x80 {
            if seen == chars {
                return i;
            }
            seen += 1;
        }
    }
    word.len()
}

/// One frequency from the front of `text`: base-32 digits, least significant first;
/// '0'-'9' 'a'-'v' when more follow, 'A'-'Z' '!' '#' '$' '%' '&' '*' for the last.
fn read_freq(text: &mut &[u8]) -> Result<u64, DictError> {
    let (mut v, mut shift) = (0u64, 0);
    loop {
        let (&b, rest) = text.split_first().ok_or(DictError::Format("frequencies cut short"))?;
        *text = rest;
        let (digit, last) = match b {
            b'0'..=b'9' => (b - b'0', false),
            b'a'..=b'v' => (b - b'a' + 10, false),
            b'A'..=b'Z' => (b - b'A', true),
            b'!' => (26, true),
            b'#' => (27, true),
            b'$' => (28, true),
            b'%' => (29, true),
            b'&' => (30, true),
            b'*' => (31, true),
            _ => return Err(DictError::Format("frequency digit")),
        };
        if shift > 60 {
            return Err(DictError::Format("frequency too long"));
        }
        v |= u64::from(digit) << shift;
        shift += 5;
        if last {
            return Ok(v);
        }
    }
}

#[cfg(all(test, feature = "embedded-dict"))]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionary_has_every_word_with_frequency_and_tag() {
        let (mut n, mut found) = (0, None);
        for_each_entry(EMBEDDED, |word, freq, tag| {
            n += 1;
            if word == "一季度" {
                found = Some((freq, tag.to_string()));
            }
        })
        .unwrap();
        assert!(n > 300_000, "{n} words");
        assert_eq!(found, Some((403, "mq".to_string())));
    }

    #[test]
    fn frequencies_read_as_written() {
        let read = |s: &str| read_freq(&mut s.as_bytes());
        assert_eq!(read("A"), Ok(0));
        assert_eq!(read("*"), Ok(31));
        assert_eq!(read("0B"), Ok(32));
        assert_eq!(read("vvvv*"), Ok((1 << 25) - 1));
        assert!(read("0").is_err() && read("0?").is_err() && read("").is_err());
        assert!(read("00000000000000A").is_err(), "too long");
    }

    #[test]
    fn damaged_dictionaries_are_refused() {
        assert_eq!(for_each_entry(b"not a dictionary", |_, _, _| ()), Err(DictError::Format("unknown version")));
        for cut in [EMBEDDED.len() / 2, EMBEDDED.len() - 1, EMBEDDED.len() - 400_000, 100] {
            assert!(for_each_entry(&EMBEDDED[..cut], |_, _, _| ()).is_err(), "cut at {cut}");
        }
        let raw = |body: &str, freqs: &str, tags: &str| {
            format!("SHUDU-DICT 3\nn v\n2 {}\n{body}{freqs}\n{tags}\n", body.len()).into_bytes()
        };
        assert!(for_each_entry(&raw("0甲\n1乙\n", "BC", "!\""), |_, _, _| ()).is_ok());
        assert!(for_each_entry(&raw("0甲\n1乙\n", "BC", "!#"), |_, _, _| ()).is_err(), "no third tag");
        assert!(for_each_entry(&raw("0甲\n1乙\n", "B", "!!"), |_, _, _| ()).is_err(), "one frequency short");
        assert!(for_each_entry(&raw("0甲\n1乙\n", "BCD", "!!"), |_, _, _| ()).is_err(), "one frequency over");
    }
}
