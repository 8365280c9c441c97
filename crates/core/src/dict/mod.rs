//! The dictionary: jieba's words with their frequencies and part-of-speech
//! tags, in Shudu's packed form ([`Unpacking`] reads the file the site ships) and
//! unpacked into sorted columns ([`Lexicon`]), from which the engine is built
//! (`crate::engine`).

mod error;
mod lexicon;
mod packed;
pub mod user;

pub use error::DictError;
pub use lexicon::Lexicon;
pub use packed::Unpacking;
pub use user::{UserDictError, UserWord};

/// The packed dictionary built into the binary.
#[cfg(feature = "embedded-dict")]
pub const EMBEDDED: &[u8] = include_bytes!("../../data/jieba-dict.txt");
