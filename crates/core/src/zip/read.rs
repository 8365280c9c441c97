//! Reading an archive held in memory: its central directory, then an entry.

use super::ZipError;

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

pub(crate) struct Entry<'a> {
    pub(crate) name: &'a [u8],
    method: usize,
    flags: usize,
    compressed: usize,
    size: usize,
    local: usize,
}

/// The entries of a zip archive, from its central directory.
pub(crate) fn entries(zip: &[u8]) -> Result<Vec<Entry<'_>>, ZipError> {
    let truncated = || ZipError::Damaged;
    // The end-of-central-directory record is within the last 64 KB + 22 bytes.
    let from = zip.len().saturating_sub(0xFFFF + 22);
    let eocd = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
        .ok_or_else(truncated)?;
    let count = u16_at(zip, eocd + 10).ok_or_else(truncated)?;
    let offset = u32_at(zip, eocd + 16).ok_or_else(truncated)?;
    if offset == 0xFFFF_FFFF || count == 0xFFFF {
        return Err(ZipError::Zip64);
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
pub(crate) fn read(zip: &[u8], e: &Entry<'_>, limit: usize) -> Result<Vec<u8>, ZipError> {
    let truncated = || ZipError::Damaged;
    if e.flags & 1 != 0 {
        return Err(ZipError::Encrypted);
    }
    if zip.get(e.local..e.local + 4) != Some(b"PK\x03\x04") {
        return Err(truncated());
    }
    let name_len = u16_at(zip, e.local + 26).ok_or_else(truncated)?;
    let extra = u16_at(zip, e.local + 28).ok_or_else(truncated)?;
    let start = e.local + 30 + name_len + extra;
    let data = zip.get(start..start + e.compressed).ok_or_else(truncated)?;
    if e.size > limit {
        return Err(ZipError::TooLarge);
    }
    match e.method {
        0 => Ok(data.to_vec()),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|err| {
            if err.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                ZipError::TooLarge
            } else {
                truncated()
            }
        }),
        m => Err(ZipError::Method(m)),
    }
}
