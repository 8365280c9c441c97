//! Where sentences end, found once per text. The label and period rules ask,
//! for nearly every figure and often several times, where its sentence begins
//! or whether a sentence ends between two places: each answer is one lookup in
//! this index, not a scan back over up to a few hundred chars.

/// For every place `p` in the text (and its end), one past the last sentence
/// end before `p` (0 if none).
pub(super) struct Sentences {
    after_end: Vec<u32>,
}

/// A sentence ends at these (labels.md rule 8; the period rules' sentences).
#[inline]
fn is_end(c: char) -> bool {
    let u = c as u32;
    // Han chars (between `。` and the full-width forms) are turned away by their code.
    (u <= 0x3002 || u >= 0xFF01) && matches!(c, '。' | '！' | '？' | '；' | '\n' | '!' | '?' | ';')
}

impl Sentences {
    pub(super) fn new(chars: &[char]) -> Sentences {
        let mut after_end = Vec::with_capacity(chars.len() + 1);
        let mut last = 0u32;
        after_end.push(0);
        for (k, &c) in chars.iter().enumerate() {
            if is_end(c) {
                last = k as u32 + 1;
            }
            after_end.push(last);
        }
        Sentences { after_end }
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
        let chars: Vec<char> = "全年完成投资14.8亿元。增长7.5%；其中\n工业!占比?三成;\n\n末尾".chars().collect();
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
        }
    }
}
