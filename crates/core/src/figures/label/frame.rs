//! `在41个工业大类行业中，33个行业…`, `在申万31个一级行业中`, `15个城市中，有14个…`: a
//! count that opens the frame a sentence picks its members from counts the
//! whole noun phrase up to `中` (rule 7: the counted thing as it is named),
//! not the word before the count nor a piece of the phrase.

use super::{CLAUSE_BREAKS, Doc, Own};
use crate::model::{Figure, Kind};

/// The longest frame noun phrase, in chars.
const FRAME_MAX: usize = 12;

impl Doc<'_> {
    /// The noun phrase between a count and the `中` that closes its clause (see the module notes).
    pub(super) fn frame(&self, f: &Figure, own: &mut Own) {
        if f.kind != Kind::Count || f.start == 0 || matches!(self.chars[f.start - 1], '前' | '后' | '後') {
            return;
        }
        let lim = (f.end + FRAME_MAX + 1).min(self.chars.len());
        let Some(p) = (f.end..lim).find(|&p| CLAUSE_BREAKS.contains(&self.chars[p]) || self.chars[p] == '中') else {
            return;
        };
        if p <= f.end + 1
            || self.chars[p] != '中'
            || !self.chars.get(p + 1).is_some_and(|c| CLAUSE_BREAKS.contains(c))
            || !self.chars[f.end..p].iter().all(|c| super::is_han(*c))
        {
            return;
        }
        own.label = Some((f.end, p));
        own.after = true;
    }
}
