//! Where sentences end, found once per text. The label and period rules ask,
//! for nearly every figure and often several times, where its sentence begins
//! or whether a sentence ends between two places: each answer is one lookup in
//! this index, not a scan back over up to a few hundred chars.

/// For every place `p` in the text (and its end), one past the last sentence
/// end before `p` (0 if none).
pub(super) struct Sentences {
    after_end: Vec<u32>,
    /// For every place `p`, one past the last bracket or break mark ([`is_mark`]) before `p`.
    after_mark: Vec<u32>,
    /// For every place `p`, one past the last clause break (`label::CLAUSE_BREAK_CHARS`) before `p`.
    after_break: Vec<u32>,
}

/// A sentence ends at these (labels.md rule 8; the period rules' sentences).
#[inline]
fn is_end(c: char) -> bool {
    let u = c as u32;
    // Han chars (between `。` and the full-width forms) are turned away by their code.
    (u <= 0x3002 || u >= 0xFF01) && matches!(c, '。' | '！' | '？' | '；' | '\n' | '!' | '?' | ';')
}

/// What says whether a place is inside brackets ([`Sentences::in_brackets`]): a bracket, or a
/// sentence's end that closes any left open.
#[inline]
fn is_mark(c: char) -> bool {
    let u = c as u32;
    (u <= 0x3002 || u >= 0xFF01) && matches!(c, '（' | '(' | '）' | ')' | '。' | '\n' | '！' | '？')
}

impl Sentences {
    pub(super) fn new(chars: &[char]) -> Sentences {
        // Written in place (no push per char), and a Han char, most of a text, is told by its
        // code to be neither mark.
        let mut after_end = vec![0u32; chars.len() + 1];
        let mut after_mark = vec![0u32; chars.len() + 1];
        let mut after_break = vec![0u32; chars.len() + 1];
        let (mut last, mut mark, mut brk) = (0u32, 0u32, 0u32);
        for (k, (((&c, e), m), b)) in
            chars.iter().zip(&mut after_end[1..]).zip(&mut after_mark[1..]).zip(&mut after_break[1..]).enumerate()
        {
            let u = c as u32;
            if u <= 0x3002 || u >= 0xFF01 {
                if is_end(c) {
                    last = k as u32 + 1;
                }
                if is_mark(c) {
                    mark = k as u32 + 1;
                }
                if super::label::CLAUSE_BREAK_CHARS.contains(&c) {
                    brk = k as u32 + 1;
                }
            }
            *e = last;
            *m = mark;
            *b = brk;
        }
        Sentences { after_end, after_mark, after_break }
    }

    /// One past the last clause break before `at` (0 if none).
    #[inline]
    pub(super) fn clause_break_after(&self, at: usize) -> usize {
        self.after_break[at] as usize
    }

    /// Is `at` inside a bracket opened at most 80 chars before it, and not closed (nor its
    /// sentence ended) since? `chars` is the text the index was built on, or a copy of it
    /// with the same marks (the simplified copy changes Han chars only).
    #[inline]
    pub(super) fn in_brackets(&self, chars: &[char], at: usize) -> bool {
        const REACH: usize = 80;
        let m = self.after_mark[at] as usize;
        m > 0 && m > at.saturating_sub(REACH) && matches!(chars[m - 1], '（' | '(')
    }

    /// Where the sentence holding `at` begins: just after the last sentence end
    /// before `at`, at most `reach` chars back.
    #[inline]
    pub(super) fn start(&self, at: usize, reach: usize) -> usize {
        (self.after_end[at] as usize).max(at.saturating_sub(reach))
    }

    /// Does a sentence end in `from..to`?
    #[inline]
    pub(super) fn ends_within(&self, from: usize, to: usize) -> bool {
        from < to && self.after_end[to] as usize > from
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index answers as the scans it replaces, at every place of a text.
    #[test]
    fn lookups_answer_as_scans() {
        let chars: Vec<char> =
            "全年完成投资14.8亿元。增长7.5%；其中\n工业!占比?三成;\n\n末尾（其中（含）规上(12家)，占一半"
                .chars()
                .collect();
        let s = Sentences::new(&chars);
        for at in 0..=chars.len() {
            for reach in [0, 1, 3, 8, 120] {
                let lim = at.saturating_sub(reach);
                let scan = (lim..at).rev().find(|&p| is_end(chars[p])).map_or(lim, |p| p + 1);
                assert_eq!(s.start(at, reach), scan, "at {at} reach {reach}");
            }
            for from in 0..=at {
                assert_eq!(s.ends_within(from, at), chars[from..at].iter().any(|c| is_end(*c)));
            }
            let scan = (at.saturating_sub(80)..at)
                .rev()
                .find(|&k| is_mark(chars[k]))
                .is_some_and(|k| matches!(chars[k], '（' | '('));
            assert_eq!(s.in_brackets(&chars, at), scan, "at {at}");
            let brk = (0..at).rev().find(|&k| super::super::label::CLAUSE_BREAK_CHARS.contains(&chars[k]));
            assert_eq!(s.clause_break_after(at), brk.map_or(0, |k| k + 1), "at {at}");
        }
    }
}
