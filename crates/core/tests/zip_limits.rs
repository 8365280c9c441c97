//! Hostile `.docx` files: bombs, changed bytes, ZIP64. Each is refused with its
//! own reason, quickly and without unpacking what it claims to hold.

use shudu_core::decode::{DEFAULT_LIMIT, DecodeError, decode};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/decode/hostile")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The variant's name, as `cases.tsv` writes it.
fn variant(e: &DecodeError) -> String {
    let debug = format!("{e:?}");
    debug.split([' ', '(', '{']).next().unwrap_or_default().to_string()
}

#[test]
fn each_hostile_file_is_refused_with_its_reason() {
    let cases = std::fs::read_to_string(dir().join("cases.tsv")).unwrap();
    let mut seen = 0;
    for line in cases.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (file, want) = line.split_once('\t').expect("file<TAB>refusal");
        for name in [file, "renamed.txt"] {
            let e = decode(&fixture(file), name, DEFAULT_LIMIT).expect_err(file);
            assert_eq!(variant(&e), want, "{file} as {name}: {e}");
            // In both languages of the page.
            let words = e.bilingual();
            assert!(words.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{words}");
            assert!(words.contains(" (") && words.ends_with(')'), "{words}");
        }
        seen += 1;
    }
    assert!(seen >= 3);
}

/// Overwrite the unpacked size of `word/document.xml` in the local header
/// and the central directory.
fn claim_size(zip: &mut [u8], size: u32) {
    let name = b"word/document.xml";
    for (sig, size_at, name_len_at, name_at) in [(b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)] {
        let mut i = 0;
        while let Some(k) = zip[i..].windows(4).position(|w| w == sig) {
            let at = i + k;
            let len = u16::from_le_bytes([zip[at + name_len_at], zip[at + name_len_at + 1]]) as usize;
            if &zip[at + name_at..at + name_at + len] == name {
                zip[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
            }
            i = at + 4;
        }
    }
}

#[test]
fn a_bomb_whose_directory_lies_is_stopped_while_inflating() {
    let mut bomb = fixture("bomb.docx");
    claim_size(&mut bomb, 1000);
    let e = decode(&bomb, "bomb.docx", DEFAULT_LIMIT).unwrap_err();
    assert_eq!(e, DecodeError::ZipBomb { ratio: 100 });
    // Nor does a smaller file limit let more through: with 1 MB, the part may unpack to 4 MB.
    let e = decode(&bomb, "bomb.docx", 1 << 20).unwrap_err();
    assert!(matches!(e, DecodeError::ZipBomb { .. } | DecodeError::UnpacksTooLarge { .. }), "{e}");
}

#[test]
fn a_changed_byte_is_refused_never_misread() {
    let good = std::fs::read(dir().join("../report-stored.docx")).unwrap();
    assert!(decode(&good, "a.docx", DEFAULT_LIMIT).unwrap().text.contains("95.94亿元"));
    // Every single changed byte of the stored document's text is caught.
    let at = good.windows(5).position(|w| w == b"95.94").unwrap();
    for i in at..at + 5 {
        let mut bad = good.clone();
        bad[i] ^= 0x0C;
        assert_eq!(decode(&bad, "a.docx", DEFAULT_LIMIT), Err(DecodeError::Corrupt), "byte {i}");
    }
}

#[test]
fn a_deflated_entry_with_a_wrong_size_is_refused() {
    let good = std::fs::read(dir().join("../report-deflated.docx")).unwrap();
    let mut bad = good.clone();
    claim_size(&mut bad, 7);
    assert_eq!(decode(&bad, "a.docx", DEFAULT_LIMIT), Err(DecodeError::Corrupt));
}
