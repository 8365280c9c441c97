//! `建造業、零售業及住宿及膳食服務業的失業率分別為11.2%、9.3%及14.5%`: when a name in a
//! `分别` list has a joining word inside it (`住宿及膳食服務業`), cutting at every 及 gives
//! one item too many. The list is then cut at each `、` and at the first joining word after
//! the last `、` only: the word that joins the last item to the list comes first.

use super::Doc;

impl Doc<'_> {
    /// The items of `from..to`, cut at each `、` and the first `和`/`及`/`与` after the last
    /// one, if that gives `n` items.
    pub(super) fn list_first_join(&self, from: usize, to: usize, n: usize) -> Option<Vec<String>> {
        let w = &self.chars[from..to];
        let commas = w.iter().filter(|&&c| c == '、').count();
        if commas + 2 != n {
            return None;
        }
        let last = w.iter().rposition(|&c| c == '、').map_or(0, |p| p + 1);
        let join = last + w[last..].iter().position(|c| matches!(c, '和' | '及' | '与' | '與'))?;
        let mut cuts: Vec<usize> = w.iter().enumerate().filter(|(_, c)| **c == '、').map(|(k, _)| k).collect();
        cuts.push(join);
        let mut items = Vec::with_capacity(n);
        let mut at = 0;
        for c in cuts {
            items.push(self.orig[from + at..from + c].iter().collect::<String>().trim().to_string());
            at = c + 1;
        }
        items.push(self.orig[from + at..to].iter().collect::<String>().trim().to_string());
        items.iter().all(|s| !s.is_empty()).then_some(items)
    }
}
