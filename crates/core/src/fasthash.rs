//! Maps keyed by words or characters.
//!
//! They use rustc-hash's Fx hasher: the standard library's SipHash resists
//! collisions crafted by an attacker, which counting an article's words does
//! not need, and it costs more than the counting itself.

pub use rustc_hash::{FxHashMap, FxHashSet};
