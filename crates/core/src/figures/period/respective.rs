//! `9、10两个月日均装车分别达14.8万车、14.9万车`, `一、二季度分别增长3%和5%`: a list of
//! dates before `分别` pairs, in order, with as many figures after it; each figure is
//! for its own date, not for the last one written.

use super::SENTENCE_ENDS;
use crate::model::{Figure, Kind};

/// Chars that join the dates of a list.
/// Chars that end a clause: a figure past one is no longer the dates' own.
const CLAUSE_BREAKS: &[char] = &['，', ',', '；', ';', '：', '。', '（', '('];

/// Is the stretch between two figures an opened bracket (`（原為`)?
fn bracketed(chars: &[char], from: usize, to: usize) -> bool {
    let gap = &chars[from..to];
    gap.iter().rposition(|c| matches!(c, '（' | '(')).is_some_and(|o| !gap[o..].iter().any(|c| matches!(c, '）' | ')')))
}

/// `（原為5.45％）及` → `及`: the stretch with its bracketed notes left out.
fn without_notes(gap: &[char]) -> Vec<char> {
    let mut depth = 0usize;
    let mut out = Vec::new();
    for &c in gap {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn joins(c: char) -> bool {
    matches!(c, '、' | '和' | '及' | '与' | '與')
}

/// Give each figure of a `分别` list the period of the date it pairs with.
pub(super) fn pair(chars: &[char], figures: &[Figure], base: &[bool], periods: &mut [Option<String>]) {
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
        // `较一季度、上半年回落1.4和0.1个百分点`: bases of a comparison are no periods.
        if n >= 2 && !base[k..m].iter().any(|b| *b) {
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
    // `5.54％（原為5.45％）及7.71％（8.01％）`: an earlier value in brackets is no member;
    // it is for the date of the member before it.
    let noted = |j: usize| j > 0 && bracketed(chars, figures[j - 1].end, figures[j].start);
    let members: Vec<usize> = (first..figures.len())
        .take_while(|&j| figures[j].kind != Kind::Date)
        .filter(|&j| j == first || !noted(j))
        .take(n)
        .collect();
    if members.len() != n {
        return;
    }
    // The members are one list: nothing but separators and units between them, in one sentence.
    let joined = |a: usize, b: usize| {
        let gap = without_notes(&chars[figures[a].end..figures[b].start]);
        gap.len() <= 2 && gap.iter().all(|c| joins(*c) || matches!(c, ' ' | '，' | ','))
    };
    if !members.windows(2).all(|w| joined(w[0], w[1])) {
        return;
    }
    if respectively.is_none() {
        let last = members[n - 1];
        let same_clause = !chars[from..figures[first].start].iter().any(|c| CLAUSE_BREAKS.contains(c));
        let next = (last + 1..figures.len()).find(|&q| !noted(q));
        let list_ends = next.is_none_or(|q| !joined(last, q));
        let one_kind = members.iter().all(|&j| figures[j].kind == figures[first].kind);
        if !(same_clause && list_ends && one_kind) {
            return;
        }
    }
    let last = members[n - 1];
    for (d, j) in dates.zip(members.iter().copied()) {
        if let Some(p) = super::period_of(chars, figures, d) {
            // `2022年一、二季度`: the year the sentence gave the last date is every date's.
            let year = periods[j].as_deref().filter(|q| q.len() > 5 && q.as_bytes()[4] == b'-').map(|q| &q[..5]);
            let p = match year {
                Some(y) if p.starts_with(['Q', 'H']) => format!("{y}{p}"),
                Some(y) if p.starts_with("--") => format!("{y}{}", &p[2..]),
                _ => p,
            };
            // The bracketed values after a member, up to the next member.
            let mut q = j + 1;
            while q < figures.len() && !members.contains(&q) && q <= last + 1 && noted(q) {
                periods[q] = Some(p.clone());
                q += 1;
            }
            periods[j] = Some(p);
        }
    }
}
