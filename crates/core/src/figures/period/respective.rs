//! `9、10两个月日均装车分别达14.8万车、14.9万车`, `一、二季度分别增长3%和5%`: a list of
//! dates before `分别` pairs, in order, with as many figures after it; each figure is
//! for its own date, not for the last one written.

use super::SENTENCE_ENDS;
use crate::model::{Figure, Kind};

/// Chars that join the dates of a list.
/// Chars that end a clause: a figure past one is no longer the dates' own.
const CLAUSE_BREAKS: &[char] = &['，', ',', '；', ';', '：', '。', '（', '('];

fn joins(c: char) -> bool {
    matches!(c, '、' | '和' | '及' | '与' | '與')
}

/// Give each figure of a `分别` list the period of the date it pairs with.
pub(super) fn pair(chars: &[char], figures: &[Figure], periods: &mut [Option<String>]) {
    let mut k = 0;
    while k < figures.len() {
        let mut m = k + 1;
        while m < figures.len()
            && figures[k].kind == Kind::Date
            && figures[m].kind == Kind::Date
            && figures[m].start == figures[m - 1].end + 1
            && joins(chars[figures[m - 1].end])
        {
            m += 1;
        }
        let n = m - k;
        if n >= 2 {
            pair_run(chars, figures, k..m, periods);
        }
        k = m;
    }
}

fn pair_run(chars: &[char], figures: &[Figure], dates: std::ops::Range<usize>, periods: &mut [Option<String>]) {
    let n = dates.len();
    let from = figures[dates.end - 1].end;
    // `分别` later in the sentence; between it and the dates at most a count of them (`两个月`).
    let respectively = (from..chars.len().saturating_sub(1))
        .take_while(|&q| !SENTENCE_ENDS.contains(&chars[q]))
        .find(|&q| chars[q] == '分' && matches!(chars[q + 1], '别' | '別'));
    let first = match respectively {
        Some(at) => (dates.end..figures.len()).find(|&j| figures[j].start > at).unwrap_or(figures.len()),
        // `第1、2季經濟成長率修正為5.54％及7.71％`: with no `分别`, a list of exactly as many
        // figures in the dates' own clause pairs too.
        None => dates.end,
    };
    if !figures[dates.end..first].iter().all(|f| f.kind == Kind::Duration) || first - dates.end > 1 {
        return;
    }
    let members: Vec<usize> = (first..figures.len()).take_while(|&j| figures[j].kind != Kind::Date).take(n).collect();
    if members.len() != n {
        return;
    }
    // The members are one list: nothing but separators and units between them, in one sentence.
    let joined = |a: usize, b: usize| {
        let gap = &chars[figures[a].end..figures[b].start];
        gap.len() <= 2 && gap.iter().all(|c| joins(*c) || matches!(c, ' ' | '，' | ','))
    };
    if !members.windows(2).all(|w| joined(w[0], w[1])) {
        return;
    }
    if respectively.is_none() {
        let last = members[n - 1];
        let same_clause = !chars[from..figures[first].start].iter().any(|c| CLAUSE_BREAKS.contains(c));
        let list_ends = last + 1 >= figures.len() || !joined(last, last + 1);
        let one_kind = members.iter().all(|&j| figures[j].kind == figures[first].kind);
        if !(same_clause && list_ends && one_kind) {
            return;
        }
    }
    for (d, j) in dates.zip(members) {
        if let Some(p) = super::period_of(chars, figures, d) {
            // `2022年一、二季度`: the year the sentence gave the last date is every date's.
            let year = periods[j].as_deref().filter(|q| q.len() > 5 && q.as_bytes()[4] == b'-').map(|q| &q[..5]);
            periods[j] = Some(match year {
                Some(y) if p.starts_with(['Q', 'H']) => format!("{y}{p}"),
                Some(y) if p.starts_with("--") => format!("{y}{}", &p[2..]),
                _ => p,
            });
        }
    }
}
