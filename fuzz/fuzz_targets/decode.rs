//! A file's bytes under each kind of name: plain text, web page, Word
//! document (the ZIP reader with its limits), and no extension at all.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shudu_core::decode::{DEFAULT_LIMIT, decode};

fuzz_target!(|data: &[u8]| {
    for name in ["a.txt", "a.html", "a.docx", "a"] {
        if let Ok(d) = decode(data, name, DEFAULT_LIMIT) {
            assert!(!d.text.trim().is_empty());
        }
    }
});
