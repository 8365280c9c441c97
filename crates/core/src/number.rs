//! A whole input read as one number, as `shudu number` reads it: everything
//! [`crate::numeral`] reads in running text, and the forms that only make sense
//! when the whole input is the number — a sign (`负三十二`, `-10000`),
//! fractions (`三分之一`, `一百万又五十万分之二十五`, `1 3/5`), `万万`, vague
//! amounts (`十几万` → 100000, `500余万`), dozens (`五十打`), `半百`, spaced
//! numerals (`7 万5 千4 百`), scientific notation and powers (`2e5`, `2^-1`),
//! and a `K`/`M`/`G`/`T` suffix.
//!
//! The reader works on a normalised copy of at most [`MAX_CHARS`] characters,
//! so its time is bounded whatever it is given.

use crate::numeral::{arabic_digit, read_number};

/// The longest input (not counting spaces) read as one number.
pub const MAX_CHARS: usize = crate::numeral::MAX_LEN;

/// Why an input is not one number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    /// Longer than [`MAX_CHARS`] characters.
    TooLong(usize),
    NotANumber,
    /// A number too large (or too small) for a 64-bit float.
    OutOfRange,
}

impl std::fmt::Display for NumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NumberError::Empty => write!(f, "no number given"),
            NumberError::TooLong(n) => write!(f, "{n} characters is too long for one number (at most {MAX_CHARS})"),
            NumberError::NotANumber => write!(f, "not a number"),
            NumberError::OutOfRange => write!(f, "the number is out of range"),
        }
    }
}

impl std::error::Error for NumberError {}

/// The value of `input`, which must be exactly one number (spaces around and
/// inside it are allowed).
pub fn parse(input: &str) -> Result<f64, NumberError> {
    let text: Vec<char> = input.trim().chars().map(normalise).collect();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let len = text.iter().filter(|c| !c.is_whitespace()).count();
    if len > MAX_CHARS {
        return Err(NumberError::TooLong(len));
    }
    let v = if text.contains(&'/') { slash_fraction(&text) } else { signed(&squeeze(&text)) }
        .ok_or(NumberError::NotANumber)?;
    if v.is_finite() { Ok(v) } else { Err(NumberError::OutOfRange) }
}

/// Full-width ASCII to half-width, traditional characters to simplified.
fn normalise(c: char) -> char {
    match c {
        '！'..='～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '萬' => '万',
        '億' => '亿',
        '負' => '负',
        '幾' => '几',
        '餘' => '余',
        '倆' => '两',
        '點' => '点',
        c => c,
    }
}

fn squeeze(text: &[char]) -> Vec<char> {
    text.iter().copied().filter(|c| !c.is_whitespace()).collect()
}

/// `3/5`, `-3/2`, `1 3/5` (a whole number and a fraction).
fn slash_fraction(text: &[char]) -> Option<f64> {
    let words: Vec<Vec<char>> =
        text.split(|c| c.is_whitespace()).filter(|w| !w.is_empty()).map(<[char]>::to_vec).collect();
    let (whole, frac) = match words.as_slice() {
        [f] => (None, f),
        [w, f] => (Some(w), f),
        _ => return None,
    };
    let slash = frac.iter().position(|&c| c == '/')?;
    let (neg, num) = strip_sign(&frac[..slash]);
    let q = unsigned(num)? / unsigned(&frac[slash + 1..])?;
    let q = if neg { -q } else { q };
    match whole {
        None => Some(q),
        Some(w) => {
            let w = signed(w)?;
            Some(if w < 0.0 { w - q } else { w + q })
        }
    }
}

/// Leading signs (`负`, `-`, `+`, any number of them): whether they make the number negative.
fn strip_sign(text: &[char]) -> (bool, &[char]) {
    let mut neg = false;
    let mut i = 0;
    while let Some(&c) = text.get(i) {
        match c {
            '负' | '-' => neg = !neg,
            '+' | '正' => {}
            _ => break,
        }
        i += 1;
    }
    (neg, &text[i..])
}

fn signed(text: &[char]) -> Option<f64> {
    let (neg, rest) = strip_sign(text);
    let v = unsigned(rest)?;
    Some(if neg { -v } else { v })
}

fn find(text: &[char], word: &[char]) -> Option<usize> {
    text.windows(word.len()).position(|w| w == word)
}

fn unsigned(text: &[char]) -> Option<f64> {
    if text.is_empty() {
        return None;
    }
    // `三又三分之一`: a whole number and a fraction.
    if let Some(k) = text.iter().position(|&c| c == '又') {
        return Some(unsigned(&text[..k])? + unsigned(&text[k + 1..])?);
    }
    // `三分之一`: the denominator first.
    if let Some(k) = find(text, &['分', '之']) {
        return Some(signed(&text[k + 2..])? / signed(&text[..k])?);
    }
    if let Some(k) = text.iter().position(|&c| c == '^') {
        return Some(unsigned(&text[..k])?.powf(signed(&text[k + 1..])?));
    }
    if let Some(v) = scientific(text) {
        return Some(v);
    }
    // `五十打`: dozens.
    if let Some((&'打', rest)) = text.split_last() {
        return Some(unsigned(rest)? * 12.0);
    }
    // `2.5M`: a multiplier letter after Arabic digits.
    if let Some((&last, rest)) = text.split_last()
        && rest.last().is_some_and(|&c| arabic_digit(c).is_some())
    {
        let factor = match last {
            'k' | 'K' => 1e3,
            'M' => 1e6,
            'G' | 'B' => 1e9,
            'T' => 1e12,
            _ => return numeral(text),
        };
        return Some(numeral(rest)? * factor);
    }
    numeral(text)
}

/// `2e5`, `-12e-1` (the sign already taken), `.5`, `2.7890e-1`.
fn scientific(text: &[char]) -> Option<f64> {
    let ok = text.iter().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    let starts_right = text.first().is_some_and(|c| c.is_ascii_digit() || *c == '.');
    if !ok || !starts_right || !text.iter().any(char::is_ascii_digit) {
        return None;
    }
    text.iter().collect::<String>().parse().ok()
}

/// A numeral after the rewrites that only a whole input allows.
fn numeral(text: &[char]) -> Option<f64> {
    let text = rewrite(text);
    // `半百`: half of a scale; `半打`: half a dozen.
    if let [half, rest @ ..] = text.as_slice()
        && *half == '半'
    {
        return if rest.is_empty() { Some(0.5) } else { Some(whole_numeral(rest)? / 2.0) };
    }
    whole_numeral(&text).or_else(|| whole_numeral(&arabic_to_chinese(&text)?))
}

fn whole_numeral(text: &[char]) -> Option<f64> {
    let n = read_number(text, 0, text.len())?;
    (n.end == text.len()).then_some(n.value)
}

/// Vague markers dropped (`十几万` → 十万, `一百零几万` → 一百万, `500余万` → 500万),
/// `万万` as 亿, and 零 before a bare 十 given its one (`一万零十二` → 一万零一十二).
fn rewrite(text: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(text.len() + 2);
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        let after_number = out.last().is_some_and(|&p| p != '零' && is_numeral_char(p));
        match c {
            '零' if text.get(i + 1) == Some(&'几') => {}
            '几' | '余' | '多' | '来' if after_number => {}
            '万' if out.last() == Some(&'万') => {
                out.pop();
                out.push('亿');
            }
            // `零十` as a whole number is ten.
            '零' if out.is_empty() && matches!(text.get(i + 1), Some('十' | '拾')) => {}
            '十' | '拾' if out.last() == Some(&'零') => out.extend(['一', c]),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

fn is_numeral_char(c: char) -> bool {
    arabic_digit(c).is_some() || crate::numeral::is_cn_numeral_char(c)
}

/// Arabic whole numbers under 10,000 between Chinese scales written as Chinese
/// numerals (`3万4000` → 三万四千, `1千零20` → 一千零二十), so one reader
/// composes them; None if there is nothing to rewrite.
fn arabic_to_chinese(text: &[char]) -> Option<Vec<char>> {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const SCALES: [char; 4] = ['\0', '十', '百', '千'];
    let mut out = Vec::with_capacity(text.len() * 2);
    let mut changed = false;
    let mut i = 0;
    while i < text.len() {
        let run = text[i..].iter().take_while(|c| arabic_digit(**c).is_some()).count();
        if run == 0 {
            out.push(text[i]);
            i += 1;
            continue;
        }
        if run > 4 || text.get(i + run) == Some(&'.') {
            return None;
        }
        let digits: Vec<u32> = text[i..i + run].iter().filter_map(|c| arabic_digit(*c)).collect();
        let mut zero = false;
        for (k, &d) in digits.iter().enumerate() {
            let place = run - 1 - k;
            if d == 0 {
                zero = true;
                continue;
            }
            if zero && out.last().is_some_and(|&p| p != '零') && k > 0 {
                out.push('零');
            }
            zero = false;
            out.push(DIGITS[d as usize]);
            if place > 0 {
                out.push(SCALES[place]);
            }
        }
        if digits.iter().all(|&d| d == 0) {
            out.push('零');
        }
        changed = true;
        i += run;
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors() {
        assert_eq!(parse(""), Err(NumberError::Empty));
        assert_eq!(parse("  "), Err(NumberError::Empty));
        assert_eq!(parse("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse("三分之"), Err(NumberError::NotANumber));
        assert_eq!(parse(&"一".repeat(40_000)), Err(NumberError::TooLong(40_000)));
        assert_eq!(parse("1e400"), Err(NumberError::OutOfRange));
        assert_eq!(parse(&"9".repeat(64)), Ok("9".repeat(64).parse().unwrap()));
        assert_eq!(parse("10^400"), Err(NumberError::OutOfRange));
    }

    #[test]
    fn arabic_sections() {
        assert_eq!(
            arabic_to_chinese(&"3万4000".chars().collect::<Vec<_>>()).unwrap().iter().collect::<String>(),
            "三万四千"
        );
        assert_eq!(
            arabic_to_chinese(&"1千零20".chars().collect::<Vec<_>>()).unwrap().iter().collect::<String>(),
            "一千零二十"
        );
        assert_eq!(
            arabic_to_chinese(&"1005".chars().collect::<Vec<_>>()).unwrap().iter().collect::<String>(),
            "一千零五"
        );
        assert_eq!(arabic_to_chinese(&"三万".chars().collect::<Vec<_>>()), None);
    }
}
