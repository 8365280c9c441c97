//! Company news: a company written with its stock code (`康希诺（688185.SH）`,
//! `腾讯控股(00700.HK)`) is a listed company. A figure with no subject of its own
//! belongs to the coded company its sentence names before it (rule 8:
//! `热景生物（688068.SH）从盈利0.26亿元，上升为盈利26.5亿元`), and, once the
//! document has coded it, to the same name opening a later sentence
//! (`热景生物2021年来自诊断试剂的收入为52.8亿元`). A sentence that does not name
//! the company leaves its figures' subject alone.

use super::SENTENCE_BREAKS;
use super::charbuf::Chars;
use super::tokens::*;
use crate::model::{Figure, Kind, Token};

/// The most tokens a company's name is read back over from its code.
const NAME_TOKENS: usize = 4;

/// `（688185.SH）` / `(00700.HK)` / `（600518）` opening at `k`: where it ends.
fn code_at(chars: &[char], k: usize) -> Option<usize> {
    if !matches!(chars.get(k), Some('（' | '(')) {
        return None;
    }
    let digits = chars[k + 1..].iter().take(6).take_while(|c| c.is_ascii_digit()).count();
    if !(4..=6).contains(&digits) {
        return None;
    }
    let mut e = k + 1 + digits;
    if chars.get(e) == Some(&'.') {
        let letters = chars[e + 1..].iter().take(3).take_while(|c| c.is_ascii_uppercase()).count();
        if !(2..=3).contains(&letters) {
            return None;
        }
        e += 1 + letters;
    }
    matches!(chars.get(e), Some('）' | ')')).then_some(e + 1)
}

/// The name written right before `at`: the name-like tokens ending there.
fn name_before(chars: &[char], tokens: &[Token], at: usize) -> Option<(usize, usize)> {
    // `宁德时代 （300750.SZ）`: a space before the code.
    let at = at - chars[..at].iter().rev().take_while(|c| **c == ' ').count();
    let i = tokens.partition_point(|t| t.end < at);
    if i >= tokens.len() || tokens[i].end != at {
        return None;
    }
    let mut start = at;
    for t in tokens[..=i].iter().rev().take(NAME_TOKENS) {
        let w = &chars[t.start..t.end];
        let namey = matches!(code(t), T_N | T_NR | T_NS | T_NT | T_NZ | T_X | T_J | T_ENG | T_NG | T_V | T_VN | T_A)
            && w.iter().all(|c| super::is_han(*c) || c.is_ascii_alphanumeric())
            && !matches!(w[0], '的' | '和' | '与' | '及');
        if !namey || t.end != start {
            break;
        }
        start = t.start;
    }
    (at - start >= 2 && at - start <= 10).then_some((start, at))
}

/// Give figures with no subject the coded company their sentence names before them.
pub(super) fn apply(chars: &[char], orig: &[char], tokens: &[Token], figures: &mut [Figure]) {
    // Most documents code no company: one look for a bracket with digits first.
    let mut names: Vec<(usize, usize)> = Vec::new();
    for k in 0..chars.len() {
        if matches!(chars[k], '（' | '(')
            && chars.get(k + 1).is_some_and(|c| c.is_ascii_digit())
            && code_at(chars, k).is_some()
            && let Some(n) = name_before(chars, tokens, k)
        {
            names.push(n);
        }
    }
    if names.is_empty() {
        return;
    }
    let mut known: Vec<&[char]> = names.iter().map(|&(a, b)| &chars[a..b]).collect();
    known.sort();
    known.dedup();
    for f in figures.iter_mut() {
        if f.kind == Kind::Date {
            continue;
        }
        // `华夏幸福（600340.SH）` read as the place 华夏: the coded name is whole.
        let part_of_coded = |s: &str| {
            let s = Chars::of(s);
            known.iter().any(|w| w.len() > s.len() && w.starts_with(&s))
        };
        if f.subject
            .as_deref()
            .is_some_and(|s| !part_of_coded(&crate::simplified::text(s).unwrap_or_else(|| s.to_string())))
        {
            continue;
        }
        let sentence = (0..f.start).rev().find(|&p| SENTENCE_BREAKS.contains(&chars[p])).map_or(0, |p| p + 1);
        // The coded name nearest before the figure in its sentence.
        let coded = names.iter().rev().find(|&&(a, b)| a >= sentence && b <= f.start).copied();
        // Or a name the document coded, opening the sentence (after a list number `2、`).
        let opening = || {
            let mut s = sentence;
            while s < f.start && (chars[s].is_ascii_digit() || matches!(chars[s], '、' | '.' | ' ')) {
                s += 1;
            }
            known.iter().find(|w| chars[s..f.start].starts_with(w)).map(|w| (s, s + w.len()))
        };
        let Some((a, b)) = coded.or_else(opening) else {
            continue;
        };
        // A label that holds the name already says whose it is.
        let name: String = crate::figures::units::string_of(&orig[a..b]);
        if f.label.as_deref().is_some_and(|l| l.contains(name.as_str()))
            || f.subject.as_deref().is_some_and(|s| !name.starts_with(s))
        {
            continue;
        }
        f.subject = Some(name);
    }
}
