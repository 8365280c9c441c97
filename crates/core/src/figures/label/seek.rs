//! Token lookups near the last one. The rules ask where a token starts or ends
//! many times per figure, and the passes after the first read the whole text's
//! tokens: a binary search over all of them is some twenty cache-missing steps
//! on a long text. Figures come in text order, so each lookup starts from the
//! last answer and gallops outward: a few steps over tokens already in cache.
//! The answer is the one `partition_point` gives, whatever the start.

use super::Doc;
use crate::figures::partition_from;
use crate::model::Token;

impl Doc<'_> {
    /// `self.tokens.partition_point(pred)`, searched from the last answer, which it becomes.
    #[inline]
    pub(super) fn seek(&self, pred: impl Fn(&Token) -> bool) -> usize {
        let i = partition_from(self.tokens, self.hint.get(), pred);
        self.hint.set(i);
        i
    }
}

#[cfg(test)]
mod tests {
    use crate::figures::partition_from;

    /// From any start, the answer is `partition_point`'s.
    #[test]
    fn gallop_answers_as_partition_point() {
        for n in 0..40usize {
            let xs: Vec<usize> = (0..n).map(|i| i * 3).collect();
            for v in 0..n * 3 + 2 {
                let want = xs.partition_point(|&x| x < v);
                for h in 0..n + 3 {
                    assert_eq!(partition_from(&xs, h, |&x| x < v), want, "n {n} v {v} h {h}");
                }
            }
        }
    }
}
