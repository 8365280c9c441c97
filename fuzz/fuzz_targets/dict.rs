//! The packed dictionary unpacker on any bytes, whole and in chunks; every
//! entry of what it accepts is read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shudu_core::dict::Unpacking;
use shudu_core::lexicon::Lexicon;

fuzz_target!(|data: &[u8]| {
    let whole = Lexicon::from_packed(data);
    let mut unpacking = Unpacking::new();
    let chunked = data.chunks(7).try_for_each(|c| unpacking.feed(c)).and_then(|()| unpacking.finish());
    assert_eq!(whole.is_ok(), chunked.is_ok());
    if let Ok(lexicon) = whole {
        for i in 0..lexicon.len() {
            let _ = lexicon.entry(i);
        }
    }
});
