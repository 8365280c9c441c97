//! The jieba dictionary in Shudu's packed form (`data/jieba-dict.txt`, made by
//! `scripts/pack-dict.mjs`): columns of front-coded words, frequencies as
//! base-32 text and one char per tag. About 3 MB of plain text instead of
//! 5 MB, which compresses to 1.2 MB: the site ships it as its own cacheable
//! file and lets the server compress it, so the browser unpacks it natively.

use super::{DictError, Lexicon};
use std::ops::Range;

/// The first line of a packed dictionary of this version.
const MAGIC: &[u8] = b"SHUDU-DICT 3";

/// Longest header line accepted (the tag names are the longest, about 200 bytes).
const MAX_HEAD_LINE: usize = 4096;

impl Lexicon {
    /// Unpack a whole packed dictionary (`data/jieba-dict.txt`); see
    /// [`Unpacking`] to unpack one as it arrives. Its words must be in strictly
    /// increasing byte order, as `scripts/pack-dict.mjs` writes them.
    pub fn from_packed(packed: &[u8]) -> Result<Self, DictError> {
        let mut unpacking = Unpacking::new();
        unpacking.feed(packed)?;
        unpacking.finish()
    }
}

/// A packed dictionary read as its bytes arrive, into a [`Lexicon`].
///
/// The file is a header (version, tag names, word count and the byte length of
/// the words column), then three columns one after another: the words, one per
/// line, each the number of chars ('0'-'9') it shares with the previous word
/// and the rest; the frequencies, base-32 text digits on one line (see
/// `FreqDigits`); and one char per tag ('!' + index) on the last line. Each
/// column is unpacked as soon as its bytes are in ([`Unpacking::feed`]), so a
/// worker that streams the download has little left to do when the last bytes
/// arrive, and any chunk boundaries give the same result. The structure is
/// checked here (counts, digits, tag ids, increasing order); each word is
/// checked as UTF-8 when the [`Lexicon`] gives it out.
pub struct Unpacking {
    part: Part,
    /// The start of a line whose end has not arrived yet.
    carry: Vec<u8>,
    tags: Vec<String>,
    count: usize,
    /// Bytes of the words column still to come.
    words_left: usize,
    words: Vec<u8>,
    ends: Vec<u32>,
    /// Where the previous word is in `words`.
    previous: Range<usize>,
    freqs: Vec<u32>,
    freq: FreqDigits,
    tag_ids: Vec<u8>,
    total: u64,
}

/// Where the reading has got to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Version,
    TagNames,
    Sizes,
    Words,
    Freqs,
    Tags,
    End,
}

impl Default for Unpacking {
    fn default() -> Self {
        Self::new()
    }
}

impl Unpacking {
    pub fn new() -> Self {
        Unpacking {
            part: Part::Version,
            carry: Vec::new(),
            tags: Vec::new(),
            count: 0,
            words_left: 0,
            words: Vec::new(),
            ends: Vec::new(),
            previous: 0..0,
            freqs: Vec::new(),
            freq: FreqDigits::default(),
            tag_ids: Vec::new(),
            total: 0,
        }
    }

    /// Read the next bytes of the file.
    pub fn feed(&mut self, mut chunk: &[u8]) -> Result<(), DictError> {
        while !chunk.is_empty() {
            chunk = match self.part {
                Part::Version | Part::TagNames | Part::Sizes => self.head(chunk)?,
                Part::Words => self.words(chunk)?,
                Part::Freqs => self.freqs(chunk)?,
                Part::Tags => self.tags(chunk)?,
                Part::End => return Err(DictError::Format("bytes after the tags")),
            };
        }
        Ok(())
    }

    /// The dictionary, once the whole file has been fed.
    pub fn finish(self) -> Result<Lexicon, DictError> {
        let short = match self.part {
            Part::End => None,
            Part::Version if self.carry.is_empty() => Some("empty"),
            Part::Version => Some("unknown version"),
            Part::TagNames => Some("no tags"),
            Part::Sizes => Some("no count"),
            Part::Words => Some("words cut short"),
            Part::Freqs => Some("frequencies cut short"),
            Part::Tags => Some("tags cut short"),
        };
        match short {
            Some(why) => Err(DictError::Format(why)),
            None => Ok(Lexicon {
                words: self.words,
                ends: self.ends,
                freqs: self.freqs,
                tag_ids: self.tag_ids,
                tags: self.tags,
                total: self.total,
            }),
        }
    }

    /// A header line, or the part of one in `chunk`; returns what follows it.
    fn head<'c>(&mut self, chunk: &'c [u8]) -> Result<&'c [u8], DictError> {
        let Some(nl) = chunk.iter().position(|b| *b == b'\n') else {
            self.carry.extend_from_slice(chunk);
            if self.part == Part::Version && !MAGIC.starts_with(&self.carry) {
                return Err(DictError::Format("unknown version"));
            }
            if self.carry.len() > MAX_HEAD_LINE {
                return Err(DictError::Format("header line too long"));
            }
            return Ok(&[]);
        };
        self.carry.extend_from_slice(&chunk[..nl]);
        let line = std::mem::take(&mut self.carry);
        match self.part {
            Part::Version if line != MAGIC => return Err(DictError::Format("unknown version")),
            Part::Version => self.part = Part::TagNames,
            Part::TagNames => {
                let names = std::str::from_utf8(&line).map_err(|_| DictError::Format("tags"))?;
                self.tags = names.split(' ').map(str::to_string).collect();
                self.part = Part::Sizes;
            }
            _ => {
                let sizes = std::str::from_utf8(&line).unwrap_or("");
                let mut sizes = sizes.split(' ').map(|n| n.parse::<usize>().map_err(|_| DictError::Format("count")));
                let mut next = || sizes.next().unwrap_or(Err(DictError::Format("count")));
                let (count, words_len) = (next()?, next()?);
                // Every word line is at least two bytes; the words, with their shared
                // prefixes written out, are about 1.4 times the column.
                if count > words_len / 2 || words_len > u32::MAX as usize / 2 {
                    return Err(DictError::Format("count"));
                }
                // Nothing is reserved from these sizes: they are only what the
                // file claims. Each column grows with the bytes that arrive.
                self.count = count;
                self.words_left = words_len;
                self.part = Part::Words;
            }
        }
        Ok(&chunk[nl + 1..])
    }

    /// Words column bytes: the whole lines among them are unpacked now, the
    /// last unfinished one is kept for the next chunk.
    fn words<'c>(&mut self, chunk: &'c [u8]) -> Result<&'c [u8], DictError> {
        let (mine, rest) = chunk.split_at(chunk.len().min(self.words_left));
        self.words_left -= mine.len();
        // The words, with their shared prefixes written out, are about 1.4
        // times the column; each line is at least two bytes.
        self.words.reserve(mine.len() + mine.len() / 2);
        self.ends.reserve((mine.len() / 2).min(self.count.saturating_sub(self.ends.len())));
        match mine.iter().rposition(|b| *b == b'\n') {
            None => self.carry.extend_from_slice(mine),
            Some(last) => {
                let (lines, tail) = mine.split_at(last + 1);
                if self.carry.is_empty() {
                    self.word_lines(lines)?;
                } else {
                    let mut joined = std::mem::take(&mut self.carry);
                    joined.extend_from_slice(lines);
                    self.word_lines(&joined)?;
                    joined.clear();
                    self.carry = joined;
                }
                self.carry.extend_from_slice(tail);
            }
        }
        if self.words_left == 0 {
            if !self.carry.is_empty() || self.ends.len() != self.count {
                return Err(DictError::Format("words cut short"));
            }
            self.part = Part::Freqs;
        }
        Ok(rest)
    }

    /// Whole word lines: each word is built where it is stored, the shared
    /// prefix copied from the previous word, then the rest.
    fn word_lines(&mut self, lines: &[u8]) -> Result<(), DictError> {
        // Not checked as UTF-8 here, while the page waits: each word is when it is used.
        // Lines are a few bytes long: a plain loop finds their ends faster than a search per line.
        let mut start = 0;
        for (end, &b) in lines.iter().enumerate() {
            if b == b'\n' {
                self.word_line(&lines[start..end])?;
                start = end + 1;
            }
        }
        Ok(())
    }

    /// One line of the words column, without its line end.
    fn word_line(&mut self, line: &[u8]) -> Result<(), DictError> {
        if self.ends.len() == self.count {
            return Err(DictError::Format("more words than the count"));
        }
        let (&digit, rest) = line.split_first().ok_or(DictError::Format("prefix length"))?;
        let shared = digit.wrapping_sub(b'0');
        if shared > 9 {
            return Err(DictError::Format("prefix length"));
        }
        let (start, previous) = (self.words.len(), self.previous.clone());
        let keep = prefix_bytes(&self.words[previous.clone()], shared as usize);
        // Increasing order: after the shared prefix, the rest sorts after the previous word's.
        if start > 0 && !sorts_after(rest, &self.words[previous.start + keep..previous.end]) {
            return Err(DictError::Format("words are not in increasing order"));
        }
        self.words.extend_from_within(previous.start..previous.start + keep);
        self.words.extend_from_slice(rest);
        self.previous = start..self.words.len();
        self.ends.push(u32::try_from(self.words.len()).map_err(|_| DictError::Format("words too long"))?);
        Ok(())
    }

    fn freqs<'c>(&mut self, chunk: &'c [u8]) -> Result<&'c [u8], DictError> {
        self.freqs.reserve(chunk.len().min(self.count.saturating_sub(self.freqs.len())));
        for (i, &b) in chunk.iter().enumerate() {
            if b == b'\n' {
                if self.freq.pending() || self.freqs.len() != self.count {
                    return Err(DictError::Format("frequencies cut short"));
                }
                self.part = Part::Tags;
                return Ok(&chunk[i + 1..]);
            }
            if let Some(freq) = self.freq.push(b)? {
                if self.freqs.len() == self.count {
                    return Err(DictError::Format("more frequencies than words"));
                }
                self.freqs.push(u32::try_from(freq).map_err(|_| DictError::Format("frequency too large"))?);
                self.total += freq;
            }
        }
        Ok(&[])
    }

    fn tags<'c>(&mut self, chunk: &'c [u8]) -> Result<&'c [u8], DictError> {
        self.tag_ids.reserve(chunk.len().min(self.count.saturating_sub(self.tag_ids.len())));
        for (i, &b) in chunk.iter().enumerate() {
            if self.tag_ids.len() == self.count {
                if b != b'\n' {
                    return Err(DictError::Format("more tags than words"));
                }
                self.part = Part::End;
                return Ok(&chunk[i + 1..]);
            }
            let tag = b.wrapping_sub(b'!');
            if b == b'\n' || tag as usize >= self.tags.len() {
                return Err(DictError::Format(if b == b'\n' { "tags cut short" } else { "tag id" }));
            }
            self.tag_ids.push(tag);
        }
        Ok(&[])
    }
}

/// Whether `a` sorts after `b`, byte by byte (the words compared are short).
fn sorts_after(a: &[u8], b: &[u8]) -> bool {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x > y;
        }
    }
    a.len() > b.len()
}

/// Byte length of the first `chars` chars of UTF-8 `word` (all of it if shorter): the
/// bytes before the start of char `chars`.
fn prefix_bytes(word: &[u8], chars: usize) -> usize {
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

/// A frequency being read: base-32 digits, least significant first; '0'-'9'
/// 'a'-'v' when more follow, 'A'-'Z' '!' '#' '$' '%' '&' '*' for the last.
#[derive(Default)]
struct FreqDigits {
    value: u64,
    shift: u32,
}

impl FreqDigits {
    /// The next digit; the frequency once it was its last.
    fn push(&mut self, b: u8) -> Result<Option<u64>, DictError> {
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
        if self.shift > 60 {
            return Err(DictError::Format("frequency too long"));
        }
        self.value |= u64::from(digit) << self.shift;
        self.shift += 5;
        if !last {
            return Ok(None);
        }
        let value = self.value;
        *self = FreqDigits::default();
        Ok(Some(value))
    }

    /// Whether digits have been read of a frequency not yet complete.
    fn pending(&self) -> bool {
        self.shift > 0
    }
}

#[cfg(all(test, feature = "embedded-dict"))]
mod tests {
    use super::*;
    use crate::dict::EMBEDDED;

    fn read(packed: &[u8]) -> Result<Lexicon, DictError> {
        Lexicon::from_packed(packed)
    }

    /// A small packed dictionary with tags `n` and `v`.
    fn raw(body: &str, freqs: &str, tags: &str) -> Vec<u8> {
        format!("SHUDU-DICT 3\nn v\n{} {}\n{body}{freqs}\n{tags}\n", body.matches('\n').count(), body.len())
            .into_bytes()
    }

    #[test]
    fn embedded_dictionary_has_every_word_with_frequency_and_tag() {
        let lexicon = read(EMBEDDED).unwrap();
        assert!(lexicon.len() > 300_000, "{} words", lexicon.len());
        let found = (0..lexicon.len()).map(|i| lexicon.entry(i).unwrap()).find(|(w, _, _)| *w == "一季度");
        assert_eq!(found, Some(("一季度", 403, "mq")));
    }

    #[test]
    fn the_file_read_in_any_chunks_gives_the_same_dictionary() {
        let whole = read(EMBEDDED).unwrap();
        for size in [1000, 4096, 65_536, 65_537, 1 << 20] {
            let mut unpacking = Unpacking::new();
            for chunk in EMBEDDED.chunks(size) {
                unpacking.feed(chunk).unwrap();
            }
            assert!(unpacking.finish().unwrap() == whole, "chunks of {size} bytes");
        }
        // Byte by byte, through every boundary of a small one.
        let small = raw("0乙\n1甲\n0甲\n", "BC0B", "!\"!");
        let mut unpacking = Unpacking::new();
        for b in &small {
            unpacking.feed(std::slice::from_ref(b)).unwrap();
        }
        let lexicon = unpacking.finish().unwrap();
        let entries: Vec<_> = (0..lexicon.len()).map(|i| lexicon.entry(i).unwrap()).collect();
        assert_eq!(entries, vec![("乙", 1, "n"), ("乙甲", 2, "v"), ("甲", 32, "n")]);
    }

    #[test]
    fn every_entry_is_what_a_plain_reading_of_the_file_finds() {
        // The format read the obvious way, all at once, to check the streaming reader against.
        let text = std::str::from_utf8(EMBEDDED).unwrap();
        let mut lines = text.splitn(4, '\n');
        let (_, names, sizes, body) =
            (lines.next(), lines.next().unwrap(), lines.next().unwrap(), lines.next().unwrap());
        let names: Vec<&str> = names.split(' ').collect();
        let words_len: usize = sizes.split(' ').nth(1).unwrap().parse().unwrap();
        let (words, rest) = body.split_at(words_len);
        let (freqs, tags) = rest.split_once('\n').unwrap();
        let mut digits = freqs.bytes();
        let lexicon = read(EMBEDDED).unwrap();
        let mut previous = String::new();
        for (i, (line, tag)) in words.lines().zip(tags.bytes()).enumerate() {
            let shared = (line.as_bytes()[0] - b'0') as usize;
            let word: String = previous.chars().take(shared).chain(line[1..].chars()).collect();
            let (mut freq, mut shift) = (0u32, 0);
            for d in digits.by_ref() {
                let (v, last) = match d {
                    b'0'..=b'9' => (d - b'0', false),
                    b'a'..=b'v' => (d - b'a' + 10, false),
                    b'A'..=b'Z' => (d - b'A', true),
                    _ => (b"!#$%&*".iter().position(|c| *c == d).unwrap() as u8 + 26, true),
                };
                freq |= u32::from(v) << shift;
                shift += 5;
                if last {
                    break;
                }
            }
            assert_eq!(lexicon.entry(i), Ok((word.as_str(), freq, names[(tag - b'!') as usize])), "entry {i}");
            previous = word;
        }
        assert!(digits.next().is_none());
    }

    #[test]
    fn frequencies_read_as_written() {
        let read = |s: &str| {
            let mut digits = FreqDigits::default();
            let mut out = None;
            for b in s.bytes() {
                if out.is_some() {
                    return Err(DictError::Format("digits after the last"));
                }
                out = digits.push(b)?;
            }
            out.ok_or(DictError::Format("no last digit"))
        };
        assert_eq!(read("A"), Ok(0));
        assert_eq!(read("*"), Ok(31));
        assert_eq!(read("0B"), Ok(32));
        assert_eq!(read("vvvv*"), Ok((1 << 25) - 1));
        assert!(read("0").is_err() && read("0?").is_err() && read("").is_err());
        assert!(read("00000000000000A").is_err(), "too long");
    }

    #[test]
    fn damaged_dictionaries_are_refused() {
        assert_eq!(read(b"not a dictionary").err(), Some(DictError::Format("unknown version")));
        assert_eq!(read(b"").err(), Some(DictError::Format("empty")));
        for cut in [EMBEDDED.len() / 2, EMBEDDED.len() - 1, EMBEDDED.len() - 400_000, 100] {
            assert!(read(&EMBEDDED[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = EMBEDDED.to_vec();
        longer.push(b'!');
        assert!(read(&longer).is_err(), "a byte after the end");
        assert!(read(&raw("0甲\n1乙\n", "BC", "!\"")).is_ok());
        assert!(read(&raw("0甲\n1乙\n", "BC", "!#")).is_err(), "no third tag");
        assert!(read(&raw("0甲\n1乙\n", "BC", "!")).is_err(), "one tag short");
        assert!(read(&raw("0甲\n1乙\n", "BC", "!!!")).is_err(), "one tag over");
        assert!(read(&raw("0甲\n1乙\n", "B", "!!")).is_err(), "one frequency short");
        assert!(read(&raw("0甲\n1乙\n", "BCD", "!!")).is_err(), "one frequency over");
        assert!(read(&raw("0甲\nx乙\n", "BC", "!!")).is_err(), "no prefix length");
        let count_wrong = b"SHUDU-DICT 3\nn\n3 10\n0\xe7\x94\xb2\n1\xe4\xb9\x99\nBC\n!!\n";
        assert!(read(count_wrong).is_err(), "more words counted than there are");
        let not_utf8 = b"SHUDU-DICT 3\nn\n2 9\n0\xe4\xb9\x99\n0\xff\xfe\nBC\n!!\n";
        // Words are checked as UTF-8 as they are used: building the engine fails.
        let not_utf8 = read(not_utf8).unwrap();
        assert_eq!(not_utf8.entry(0), Ok(("乙", 1, "n")));
        assert_eq!(not_utf8.entry(1).err(), Some(DictError::Format("words are not UTF-8")));
        assert_eq!(crate::Engine::from_lexicon(not_utf8).err(), Some(DictError::Format("words are not UTF-8")));
        assert!(read(b"SHUDU-DICT 3\nn\n999999999999 99999999999999\n").is_err(), "absurd sizes");
    }
}
