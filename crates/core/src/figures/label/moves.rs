//! Market wraps: a name heading a clause and moving by a figure (`晶瑞股份涨13.73%`,
//! `舍得酒业跌6.39%`, `万科A今日收于8.06元`). The name is whose the move is, not what
//! it measures: the stock is the subject and the label is null, or the change word
//! its paragraph named before (`白酒板块跌幅居前，舍得酒业跌6.39%` → 跌幅, rule 2) for a
//! move the same way. An index moving (`沪指涨1.49%`) is the label, with no subject
//! (as its level in points). A clause that moves with no name of its own (`收评跌1.08%`,
//! `下跌0.12元`, `降幅为1.47%`) belongs to the name that moved last in its sentence.

use super::charbuf::Chars;
use super::tokens::*;
use super::words::METRIC;
use super::{CLAUSE_REACH, SENTENCE_BREAKS};
use crate::model::{Figure, Kind, Token};

/// Pronouns (`其中`).
const T_R: u32 = pack("r");

/// Words of a trading session that stand between a name and its move (`贵州茅台盘初一度涨超3%`).
const SESSION: &[&str] = &[
    "今日", "今天", "当日", "當日", "全天", "早盘", "早盤", "午后", "午後", "尾盘", "尾盤", "收盘", "收盤", "收评",
    "收評", "盘中", "盤中", "盘初", "盤初", "盘后", "盤後", "一度", "日内", "日內",
];
/// What may stand in a name: not a linking or focus word of a longer clause (`…的銷貨價值則跌3%`).
const NOT_IN_NAME: &[char] =
    &['的', '则', '則', '也', '亦', '均', '都', '而', '还', '還', '再', '该', '該', '这', '這', '其', '各'];
/// Qualifiers between a move and its figure, when the figure does not hold them.
const QUALIFIERS: &[char] = &['超', '近', '逾', '约', '約'];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Move {
    /// A bare `涨` / `跌` (also `大涨`, `暴跌`): the stock-wrap verb.
    Bare(bool),
    /// `上涨` / `下跌`: a move, but the usual one of prices and sectors too.
    Long(bool),
    /// `收于` / `收报`: a close.
    Close,
    /// `涨幅` / `跌幅` / `降幅` (+ `为` / `达`): the change named.
    Named(bool),
}

/// Where the clause holding `at` begins: read back over `、` (a list of names heads the clause).
fn clause_start(chars: &[char], at: usize) -> usize {
    let lim = at.saturating_sub(CLAUSE_REACH);
    (lim..at)
        .rev()
        .find(|&p| {
            matches!(
                chars[p],
                '，' | '。' | '；' | '：' | '！' | '？' | '\n' | ',' | ';' | ':' | '!' | '?' | '（' | '(' | '）' | ')'
            )
        })
        .map_or(lim, |p| p + 1)
}

/// The move written right before `end` (from `lo`): what it is and where it starts.
fn move_before(chars: &[char], lo: usize, end: usize) -> Option<(Move, usize)> {
    let mut e = end;
    while e > lo && QUALIFIERS.contains(&chars[e - 1]) {
        e -= 1;
    }
    if e == lo {
        return None;
    }
    let prev = |k: usize| (k > lo).then(|| chars[k - 1]);
    match chars[e - 1] {
        c @ ('涨' | '漲' | '跌') => {
            let up = c != '跌';
            let s = e - 1;
            match prev(s) {
                Some('大' | '暴') => Some((Move::Bare(up), s - 1)),
                Some('上' | '下') => Some((Move::Long(up), s - 1)),
                _ => Some((Move::Bare(up), s)),
            }
        }
        '于' | '於' | '报' | '報' if prev(e - 1) == Some('收') => Some((Move::Close, e - 2)),
        c => {
            // `降幅为`, `跌幅达`, `涨幅`
            let e = if matches!(c, '为' | '為' | '达' | '達') { e - 1 } else { e };
            if e >= lo + 2 && chars[e - 1] == '幅' {
                let up = match chars[e - 2] {
                    '涨' | '漲' | '增' => true,
                    '跌' | '降' => false,
                    _ => return None,
                };
                return Some((Move::Named(up), e - 2));
            }
            None
        }
    }
}

/// A word of time, session or manner between a name and its move (`今日`, `盘初`, `一度`).
fn is_stop(chars: &[char], t: &Token, lo: usize, hi: usize, after_name: bool) -> bool {
    let w = &chars[t.start.max(lo)..t.end.min(hi)];
    let tag = code(t);
    matches!(tag, T_T | T_D | T_AD | T_M | T_P | T_F | T_S)
        && !(tag == T_M && w.iter().any(|c| c.is_ascii_alphanumeric()) && after_name)
        || SESSION.iter().any(|s| w.iter().copied().eq(s.chars()))
        || w.len() >= 2 && matches!(w[0], '盘' | '盤')
}

/// The name heading `lo..hi`: its tokens up to the first word of time, session or manner;
/// and whether all that follows it up to `hi` is such words.
fn name_in(chars: &[char], tokens: &[Token], lo: usize, hi: usize) -> ((usize, usize), bool) {
    let first = tokens.partition_point(|t| t.end <= lo);
    let mut end = lo;
    let mut rest = true;
    for t in &tokens[first..] {
        if t.start >= hi {
            break;
        }
        if end < t.start.max(lo) || is_stop(chars, t, lo, hi, end > lo) {
            if !is_stop(chars, t, lo, hi, end > lo) {
                rest = false;
                break;
            }
            continue;
        }
        end = t.end.min(hi);
    }
    ((lo, end), rest)
}

/// Is the name an index (`沪指`, `创业板指`, `深证成指`, `恒生指数`)?
fn is_index(name: &[char]) -> bool {
    name.ends_with(&['指']) || name.ends_with(&['指', '数']) || name.ends_with(&['指', '數']) || {
        super::market::INDEXES.iter().any(|w| name.iter().copied().eq(w.chars()))
    }
}

/// The change word of the same way named before `at` in its paragraph (`跌幅居前`).
fn change_word_before(chars: &[char], at: usize, up: bool) -> Option<(usize, usize)> {
    let para = chars[..at].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
    (para + 1..at).rev().find_map(|k| {
        let fits = if up { matches!(chars[k - 1], '涨' | '漲') } else { chars[k - 1] == '跌' };
        (chars[k] == '幅' && fits).then_some((k - 1, k + 1))
    })
}

/// Give the figures of market moves their name as subject (or label, for an index).
pub(super) fn apply(chars: &[char], orig: &[char], tokens: &[Token], figures: &mut [Figure]) {
    // Most documents move nothing: a cheap look for a bare move first.
    if !figures.iter().any(|f| f.start > 0 && matches!(chars[f.start - 1], '涨' | '漲' | '跌' | '超' | '近')) {
        return;
    }
    let text = |(s, e): (usize, usize)| crate::figures::units::string_of(&orig[s..e]);
    // The name that moved last, and the sentence it moved in.
    let mut last: Option<(usize, Option<(usize, usize)>)> = None;
    let mut prev_end = 0;
    for f in figures.iter_mut() {
        let lo = clause_start(chars, f.start).max(prev_end);
        prev_end = f.end;
        if f.kind == Kind::Date {
            continue;
        }
        let sentence = (0..f.start).rev().find(|&p| SENTENCE_BREAKS.contains(&chars[p])).map_or(0, |p| p + 1);
        if last.is_some_and(|(s, _)| s != sentence) {
            last = None;
        }
        let Some((mv, at)) = move_before(chars, lo, f.start) else {
            continue;
        };
        // `…跌21.4%、燃料跌19%`: each item of a list of moves opens after the `、`.
        let mut lo = lo + chars[lo..at].iter().take_while(|&&c| c == '、').count();
        // `其中家具跌8.5%`: a pronoun or conjunction opening the clause is no part of the name.
        if let Some(t) = tokens.get(tokens.partition_point(|t| t.end <= lo))
            && t.start == lo
            && t.end < at
            && matches!(code(t), T_R | T_C)
        {
            lo = t.end;
        }
        // What is between the name and the move is session words only.
        let ((a, b), rest_ok) = name_in(chars, tokens, lo, at);
        let name = &chars[a..b];
        // Several names moving as one (`泸州老窖、青青稞酒跌超3%`); an official category that
        // holds `、` and `及` is one name (`珠寶首飾、鐘錶及名貴禮物跌21.4%`).
        let listed = name.contains(&'、') && !name.iter().any(|c| matches!(c, '及' | '和' | '与' | '與'))
            || name.ends_with(&['等']);
        // `零售跌逾四成`, `出口跌3%`: an activity moving, taken for the label, is a metric, not a name
        // (`服装跌4.1%` after a metric is an item).
        let activity = {
            let r = tokens.partition_point(|t| t.end <= a)..tokens.partition_point(|t| t.start < b);
            !r.is_empty()
                && tokens[r].iter().all(|t| matches!(code(t), T_V | T_VN | T_VD | T_VI))
                && f.label.as_deref().is_some_and(|l| l.chars().eq(orig[a..b].iter().copied()))
        };
        let plain = name.len() >= 2
            && rest_ok
            && !activity
            && !name.iter().any(|c| NOT_IN_NAME.contains(c))
            && name.iter().all(|c| super::is_han(*c) || c.is_ascii_alphanumeric() || *c == '、' || *c == '-')
            && METRIC.ending(name).is_none();
        let head = &chars[lo..at];
        let label_from_head = |l: &Option<String>| {
            l.as_deref().is_none_or(|l| {
                let l = Chars::of(l);
                !l.is_empty() && head.windows(l.len()).any(|w| w == &l[..])
                    || chars[lo..f.start].windows(l.len().max(1)).any(|w| w == &l[..])
            })
        };
        match mv {
            Move::Bare(_) | Move::Close if plain && is_index(name) && !listed => {
                if mv != Move::Close {
                    f.label = Some(text((a, b)));
                    f.subject = None;
                }
                last = None;
            }
            Move::Named(_) if plain && is_index(name) && !listed => {
                f.label = Some(text((a, b)));
                f.subject = None;
                last = None;
            }
            Move::Bare(_) | Move::Close if plain => {
                let subject = (!listed).then_some((a, b));
                f.subject = subject.map(text);
                if label_from_head(&f.label) {
                    let up = if let Move::Bare(up) = mv { Some(up) } else { None };
                    f.label = up.and_then(|up| change_word_before(chars, lo, up)).map(text);
                }
                last = Some((sentence, subject));
            }
            Move::Bare(up) | Move::Long(up) if a == b && rest_ok => {
                // `收评跌1.08%`, `下跌0.12元`: no name of its own.
                if let Some((_, Some(s))) = last {
                    f.subject = Some(text(s));
                    if label_from_head(&f.label) {
                        f.label = change_word_before(chars, lo, up).map(text);
                    }
                }
            }
            Move::Named(_) if a == b => {
                if let Some((_, Some(s))) = last {
                    f.subject = Some(text(s));
                    f.label = Some(text((at, at + 2)));
                }
            }
            _ => {}
        }
    }
}
