//! A line that is only a date heads the lines below it, up to the next empty
//! line: `1-7月` / `全社会累计完成货运量292亿吨` / `同比增长21.7%` / … (a chart's
//! text set out a phrase a line) → each figure is for `--01/--07`. Only a
//! reporting period heads lines: a dateline (`2015-03-03`) names no period.

use crate::model::Figure;
use std::ops::Range;

/// Is the date `d` all there is on its line (but for spaces and a closing colon)?
pub(super) fn date_line(chars: &[char], line: &Range<usize>, d: &Figure) -> bool {
    let blank = |c: &char| c.is_whitespace() || matches!(c, '：' | ':');
    line.start <= d.start
        && d.end <= line.end
        && chars[line.start..d.start].iter().all(blank)
        && chars[d.end..line.end].iter().all(blank)
}

/// Is there an empty line between `from` and `to` (the end of one line and the start of another)?
pub(super) fn blank_between(chars: &[char], from: usize, to: usize) -> bool {
    let mut newlines = 0;
    for c in &chars[from.min(to)..to] {
        if *c == '\n' {
            newlines += 1;
            if newlines >= 2 {
                return true;
            }
        } else if !c.is_whitespace() {
            newlines = 0;
        }
    }
    false
}
