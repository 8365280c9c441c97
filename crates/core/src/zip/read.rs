//! Reading an archive held in memory: its central directory, then an entry,
//! inflated under [`Limits`] and checked against its CRC-32 and sizes.
//!
//! Every offset comes from the file, so every sum is checked: on wasm32 a
//! `usize` is 32 bits and an offset near 4 GB plus a header would wrap.

use super::ZipError;
use super::crc::Crc;
use miniz_oxide::inflate::stream::{InflateState, inflate};
use miniz_oxide::{DataFormat, MZFlush, MZStatus};

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// The most a read may unpack to, and how much it may grow.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Bytes one entry may unpack to.
    pub(crate) entry: usize,
    /// Bytes all the entries read from one archive may unpack to together.
    pub(crate) total: usize,
    /// How many times its compressed size an entry may grow, once it is
    /// past [`RATIO_FLOOR`] bytes.
    pub(crate) ratio: usize,
}

/// Below this many unpacked bytes the ratio is not checked: a small part of
/// repeated markup (an empty table, a style sheet) may well shrink a thousand
/// times, and costs nothing to unpack.
pub(crate) const RATIO_FLOOR: usize = 1 << 20;

/// The zip reader's extra-field id of ZIP64 sizes and offsets.
const ZIP64_EXTRA: usize = 0x0001;

#[derive(Clone)]
pub(crate) struct Entry<'a> {
    pub(crate) name: &'a [u8],
    method: usize,
    flags: usize,
    crc: u32,
    compressed: usize,
    size: usize,
    local: usize,
}

/// A zip archive's entries, and what has been unpacked from it so far.
pub(crate) struct Archive<'a> {
    bytes: &'a [u8],
    pub(crate) entries: Vec<Entry<'a>>,
    limits: Limits,
    unpacked: usize,
}

impl<'a> Archive<'a> {
    /// Read the central directory of `bytes`.
    pub(crate) fn open(bytes: &'a [u8], limits: Limits) -> Result<Archive<'a>, ZipError> {
        Ok(Archive { bytes, entries: entries(bytes)?, limits, unpacked: 0 })
    }

    /// The entry of that name.
    pub(crate) fn find(&self, name: &[u8]) -> Option<&Entry<'a>> {
        self.entries.iter().find(|e| e.name == name)
    }

    /// The uncompressed content of an entry, within the limits (the total
    /// counts every entry read so far).
    pub(crate) fn read(&mut self, e: &Entry<'_>) -> Result<Vec<u8>, ZipError> {
        let left = self.limits.total.saturating_sub(self.unpacked);
        let data = read(self.bytes, e, self.limits, left)?;
        self.unpacked += data.len();
        Ok(data)
    }
}

/// The entries of a zip archive, from its central directory.
fn entries(zip: &[u8]) -> Result<Vec<Entry<'_>>, ZipError> {
    let damaged = || ZipError::Damaged;
    // The end-of-central-directory record is within the last 64 KB + 22 bytes.
    let from = zip.len().saturating_sub(0xFFFF + 22);
    let eocd = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
        .ok_or_else(damaged)?;
    // A ZIP64 end locator sits just before the end record.
    if eocd >= 20 && zip[eocd - 20..].starts_with(b"PK\x06\x07") {
        return Err(ZipError::Zip64);
    }
    let count = u16_at(zip, eocd + 10).ok_or_else(damaged)?;
    let offset = u32_at(zip, eocd + 16).ok_or_else(damaged)?;
    if offset == u32::MAX || count == 0xFFFF {
        return Err(ZipError::Zip64);
    }
    let mut at = usize::try_from(offset).map_err(|_| damaged())?;
    // Each record is at least 46 bytes: a count the bytes cannot hold is a lie.
    let mut out = Vec::with_capacity(count.min(zip.len() / 46));
    for _ in 0..count {
        if zip.get(at..at.saturating_add(4)) != Some(b"PK\x01\x02") {
            return Err(damaged());
        }
        let field = |k: usize| u16_at(zip, at + k).ok_or_else(damaged);
        let (name_len, extra_len, comment) = (field(28)?, field(30)?, field(32)?);
        let name_at = at + 46;
        let extra_at = name_at + name_len;
        let extra = zip.get(extra_at..extra_at + extra_len).ok_or_else(damaged)?;
        let word = |k: usize| u32_at(zip, at + k).ok_or_else(damaged);
        let (compressed, size, local) = (word(20)?, word(24)?, word(42)?);
        // All ones means "see the ZIP64 extra field".
        if [compressed, size, local].contains(&u32::MAX) || has_zip64_extra(extra) {
            return Err(ZipError::Zip64);
        }
        let wide = |v: u32| usize::try_from(v).map_err(|_| ZipError::Damaged);
        out.push(Entry {
            flags: field(8)?,
            method: field(10)?,
            crc: word(16)?,
            compressed: wide(compressed)?,
            size: wide(size)?,
            local: wide(local)?,
            name: zip.get(name_at..extra_at).ok_or_else(damaged)?,
        });
        at = extra_at + extra_len + comment;
    }
    Ok(out)
}

/// Whether an extra field holds a ZIP64 record.
fn has_zip64_extra(mut extra: &[u8]) -> bool {
    while let (Some(id), Some(len)) = (u16_at(extra, 0), u16_at(extra, 2)) {
        if id == ZIP64_EXTRA {
            return true;
        }
        extra = extra.get(4 + len..).unwrap_or_default();
    }
    false
}

/// The uncompressed content of an entry, at most `left` bytes (what the
/// archive's total allows) and `limits.entry`.
fn read(zip: &[u8], e: &Entry<'_>, limits: Limits, left: usize) -> Result<Vec<u8>, ZipError> {
    let damaged = || ZipError::Damaged;
    if e.flags & 1 != 0 {
        return Err(ZipError::Encrypted);
    }
    if zip.get(e.local..e.local.saturating_add(4)) != Some(b"PK\x03\x04") {
        return Err(damaged());
    }
    let name_len = u16_at(zip, e.local + 26).ok_or_else(damaged)?;
    let extra = u16_at(zip, e.local + 28).ok_or_else(damaged)?;
    let start = e.local + 30 + name_len + extra;
    let data = zip.get(start..start.checked_add(e.compressed).ok_or_else(damaged)?).ok_or_else(damaged)?;
    // What the directory says is refused before any work; what the data
    // does is checked again while inflating, as the directory may lie.
    check_growth(e.size, e.compressed, limits, left)?;
    let out = match e.method {
        0 => data.to_vec(),
        8 => inflate_limited(data, limits, left)?,
        m => return Err(ZipError::Method(m)),
    };
    if out.len() != e.size {
        return Err(ZipError::Corrupt);
    }
    let mut crc = Crc::new();
    crc.update(&out);
    if crc.value() != e.crc {
        return Err(ZipError::Corrupt);
    }
    Ok(out)
}

/// Refuse `size` unpacked bytes from `consumed` compressed ones if they pass
/// a limit.
fn check_growth(size: usize, consumed: usize, limits: Limits, left: usize) -> Result<(), ZipError> {
    if size > limits.entry {
        return Err(ZipError::EntryTooLarge { limit: limits.entry });
    }
    if size > left {
        return Err(ZipError::TotalTooLarge { limit: limits.total });
    }
    if size > RATIO_FLOOR && size / consumed.max(1) >= limits.ratio {
        return Err(ZipError::Ratio { limit: limits.ratio });
    }
    Ok(())
}

/// Inflate a raw DEFLATE stream a chunk at a time, stopping as soon as the
/// output passes a limit.
fn inflate_limited(data: &[u8], limits: Limits, left: usize) -> Result<Vec<u8>, ZipError> {
    const CHUNK: usize = 64 * 1024;
    let mut state = InflateState::new_boxed(DataFormat::Raw);
    let mut out = Vec::new();
    let mut chunk = vec![0u8; CHUNK];
    let mut consumed = 0;
    loop {
        let r = inflate(&mut state, &data[consumed..], &mut chunk, MZFlush::None);
        consumed += r.bytes_consumed;
        out.extend_from_slice(&chunk[..r.bytes_written]);
        check_growth(out.len(), consumed, limits, left)?;
        match r.status {
            Ok(MZStatus::StreamEnd) => return Ok(out),
            Ok(_) if r.bytes_consumed + r.bytes_written > 0 => {}
            // No progress (the stream stops before its end: `MZError::Buf`)
            // or bad data.
            _ => return Err(ZipError::Damaged),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOMY: Limits = Limits { entry: 1 << 30, total: 1 << 30, ratio: 1 << 20 };

    #[test]
    fn growth_is_refused_at_each_limit() {
        let limits = Limits { entry: 10 << 20, total: 20 << 20, ratio: 100 };
        assert_eq!(check_growth(11 << 20, 1 << 20, limits, 20 << 20), Err(ZipError::EntryTooLarge { limit: 10 << 20 }));
        assert_eq!(check_growth(5 << 20, 1 << 20, limits, 4 << 20), Err(ZipError::TotalTooLarge { limit: 20 << 20 }));
        assert_eq!(check_growth(5 << 20, 50_000, limits, 20 << 20), Err(ZipError::Ratio { limit: 100 }));
        // Small entries may shrink any amount.
        assert_eq!(check_growth(RATIO_FLOOR, 1, limits, 20 << 20), Ok(()));
        assert_eq!(check_growth(5 << 20, 1 << 20, limits, 20 << 20), Ok(()));
    }

    #[test]
    fn a_stream_cut_short_is_damaged() {
        let packed = miniz_oxide::deflate::compress_to_vec(&[7u8; 100_000], 6);
        assert_eq!(inflate_limited(&packed, ROOMY, usize::MAX).map(|v| v.len()), Ok(100_000));
        assert_eq!(inflate_limited(&packed[..packed.len() / 2], ROOMY, usize::MAX), Err(ZipError::Damaged));
        assert_eq!(inflate_limited(b"\xff\xff\xff", ROOMY, usize::MAX), Err(ZipError::Damaged));
    }

    #[test]
    fn zip64_extra_fields_are_seen() {
        assert!(has_zip64_extra(b"\x55\x54\x01\x00\x00\x01\x00\x08\x00\0\0\0\0\0\0\0\0"));
        assert!(!has_zip64_extra(b"\x55\x54\x01\x00\x00"));
        assert!(!has_zip64_extra(b"\x01"));
    }
}
