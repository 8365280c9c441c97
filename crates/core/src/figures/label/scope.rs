//! A size scope written before a name (`规模以上工业`, `限额以上单位`) is part of
//! the name it bounds: `全市规模以上工业实现利润…` is 规模以上工业's (rule 8).

use super::Doc;
use super::words::Class;

impl Doc<'_> {
    /// Where a name starting at token `j` starts when `以上`/`以下` and the word it
    /// bounds stand before it (not before `lo`).
    pub(super) fn scope_before(&self, j: usize, lo: usize) -> Option<usize> {
        if j < lo + 2 {
            return None;
        }
        let (w, f) = (&self.tokens[j - 2], &self.tokens[j - 1]);
        let bound = self.is(f, "以上") || self.is(f, "以下");
        let noun = super::tokens::code(w) & 0xff == u32::from(b'n')
            && self.is_han_word(w)
            && w.end - w.start >= 2
            && !matches!(self.class(w), Some(Class::Deictic | Class::Time | Class::Change | Class::Filler));
        (bound && noun).then_some(j - 2)
    }
}
