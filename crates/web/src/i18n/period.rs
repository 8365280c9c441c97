//! A period in the reader's words: `2022年1–10月` / `Jan–Oct 2022` for the engine's
//! `2022-01/2022-10` (see `shudu_core::workbench::period::in_words`). ISO text stays in
//! exports and in the cell's tooltip.

use super::Lang;
use shudu_core::workbench::period::in_words;

impl Lang {
    /// A period as the engine writes it, for reading; text it does not write, as written.
    pub fn period(self, p: &str) -> String {
        in_words(p, self == Lang::Zh)
    }
}
