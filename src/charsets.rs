//! The browser's text decoders for the engine's file decoding.
//!
//! `shudu_core::decode` detects a file's encoding itself but leaves the
//! decoding proper to a [`Charsets`]. Natively that is encoding_rs; here it is
//! the platform's `TextDecoder`, which implements the same Encoding Standard
//! (same encodings, same output, U+FFFD for each malformed sequence), so the
//! worker's WebAssembly need not carry encoding_rs's decoders and tables.

use std::cell::RefCell;

use shudu_core::decode::{Charsets, Encoding};
use wasm_bindgen::JsValue;
use web_sys::{TextDecoder, TextDecoderOptions};

/// `TextDecoder`s, one per encoding, made on first use and kept for the
/// worker's lifetime (a decode call without `stream` leaves no state behind).
#[derive(Debug, Clone, Copy, Default)]
pub struct TextDecoders;

thread_local! {
    /// `None` for an encoding the browser refused.
    static DECODERS: RefCell<Vec<(&'static Encoding, Option<TextDecoder>)>> = const { RefCell::new(Vec::new()) };
}

/// A decoder that keeps a byte-order mark as text (the engine has removed
/// the mark already when it means one) and replaces malformed sequences.
fn text_decoder(encoding: &'static Encoding) -> Option<TextDecoder> {
    let options = TextDecoderOptions::new();
    options.set_fatal(false);
    // web-sys has no setter for this member of the dictionary.
    js_sys::Reflect::set(&options, &JsValue::from_str("ignoreBOM"), &JsValue::TRUE).ok()?;
    TextDecoder::new_with_label_and_options(encoding.name(), &options).ok()
}

impl Charsets for TextDecoders {
    fn decode(&self, encoding: &'static Encoding, bytes: &[u8]) -> String {
        // The "replacement" encoding (labels such as iso-2022-kr) has no
        // `TextDecoder`; its decoder reads any input as one U+FFFD.
        if encoding.name() == "replacement" {
            return if bytes.is_empty() { String::new() } else { "\u{fffd}".to_string() };
        }
        let text = DECODERS.with(|cache| {
            let mut cache = cache.borrow_mut();
            let at = match cache.iter().position(|(e, _)| *e == encoding) {
                Some(at) => at,
                None => {
                    cache.push((encoding, text_decoder(encoding)));
                    cache.len() - 1
                }
            };
            // The bytes are passed as a view of the module's memory, not copied.
            cache[at].1.as_ref().and_then(|d| d.decode_with_u8_array(bytes).ok())
        });
        // An encoding the browser cannot decode reads as undecodable throughout,
        // and the engine's detection rejects it.
        text.unwrap_or_else(|| "\u{fffd}".repeat(bytes.len().max(2)))
    }
}
