//! The numeral reader on any text, from every start.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shudu_core::numeral::{parse_number, read_number};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse_number(&text);
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len().min(64) {
        if let Some(n) = read_number(&chars, start, chars.len()) {
            let _ = n;
        }
    }
});
