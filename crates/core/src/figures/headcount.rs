//! Bare 万/亿 headcounts: `勞動人口為386.1萬`, `失业人数上升2.6万至25.9万`,
//! `拥有200多万香港用户数`. A number with a big scale and no measure word is a count
//! (with no unit) when a word for a population of people governs it, the way a
//! money word makes a bare amount money (`money.rs`).

use super::money::{CLAUSE_ENDS, clause_start};
use super::units::starts_with_any;

/// How far back (chars) a population word may govern a bare amount, within its clause.
const REACH: usize = 16;
/// How far after the amount the counted population may be named (`200多万香港用户数`).
const AFTER_REACH: usize = 6;

/// Words for a population of people; both scripts.
const POPULATION_WORDS: &[&str] = &[
    "人口", "人数", "人數", "户数", "戶數", "用户", "用戶", "客流", "游客", "遊客", "旅客", "乘客", "会员", "會員",
    "粉丝", "粉絲", "观众", "觀眾", "访客", "訪客",
];

/// Whether a population word governs the bare amount at `start..end`: earlier in its
/// clause, or right after it before the clause ends (`200多万香港用户数`).
pub(super) fn governed(chars: &[char], start: usize, end: usize, floor: usize) -> bool {
    if (clause_start(chars, start, REACH, floor)..start).any(|k| starts_with_any(chars, k, POPULATION_WORDS).is_some())
    {
        return true;
    }
    let to = (end + AFTER_REACH).min(chars.len());
    (end..to)
        .take_while(|&k| !CLAUSE_ENDS.contains(&chars[k]) && !chars[k].is_ascii_digit())
        .any(|k| starts_with_any(chars, k, POPULATION_WORDS).is_some())
}
