//! What kind of file the bytes are, from their first bytes (magic numbers).

pub(super) const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub(super) fn is_zip(b: &[u8]) -> bool {
    b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") || b.starts_with(b"PK\x07\x08")
}

/// A PDF: `%PDF-` at the start, or at the start of a line within the first KB
/// (after the junk some writers put first).
pub(super) fn is_pdf(b: &[u8]) -> bool {
    let head = super::prefix(b, 1024);
    head.windows(5).enumerate().any(|(i, w)| w == b"%PDF-" && (i == 0 || matches!(head[i - 1], b'\n' | b'\r')))
}

/// Magic numbers of common non-text files.
pub(super) fn is_binary_magic(b: &[u8]) -> bool {
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
