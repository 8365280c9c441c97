//! Reading numbers as written in Chinese text.
//!
//! Handles Arabic digits (half- and full-width, thousands separators, decimal
//! points, `k` suffix, trailing Chinese scales such as `4.9万`), Chinese
//! numerals (`四亿五千六百四十二万零一十五`, `三千二`, `二〇二〇`, `三十二点六`),
//! financial forms (`壹贰叁…拾佰仟`) and bare scales (`百`, `千`, `百万`).
//!
//! Values are assembled as exact decimals (`mantissa × 10^exp`) and converted
//! to `f64` once, so `92.92` and `1024.5万` come out exactly as
//! `"92.92".parse::<f64>()` and `10245000.0`.

use std::fmt::Write as _;

/// The most chars one numeral may take (`四亿五千六百四十二万零一十五` is 14).
pub const MAX_LEN: usize = 64;

/// A number read from text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// char index one past the last char consumed
    pub end: usize,
    /// true when the digits themselves are Chinese (`四万`, `三十二点六`, `百`);
    /// false for Arabic digits, even with a Chinese scale (`4.9万`)
    pub chinese: bool,
    /// true if the number is only scale characters with no digit, e.g. "百", "千", "万", "百万"
    /// (as in 逾百项, 近千户). Value is then 100, 1000, ...
    pub bare_scale: bool,
    /// true if a decimal point was read
    pub decimal: bool,
    /// true if the number ended with a scale char (十百千万亿兆 or traditional forms), e.g. "4.9万", "三千"
    pub ends_with_scale: bool,
}

/// Read the longest number that starts exactly at `chars[start]` and does not extend past `limit`
/// (exclusive char index; pass chars.len() for no limit). None if no number starts there.
pub fn read_number(chars: &[char], start: usize, limit: usize) -> Option<Numeral> {
    // One numeral is at most MAX_LEN chars, so reading one costs a bounded time
    // whatever run of digits the text holds.
    let limit = limit.min(chars.len()).min(start.saturating_add(MAX_LEN));
    if start >= limit {
        return None;
    }
    let c = chars[start];
    if arabic_digit(c).is_some() {
        read_arabic(chars, start, limit)
    } else if is_cn_numeral_char(c) {
        read_chinese(chars, start, limit)
    } else {
        None
    }
}

/// The value of a whole string that is exactly one number (after trimming whitespace), else None.
/// e.g. parse_number("四亿五千六百四十二万零一十五") == Some(456420015.0)
pub fn parse_number(s: &str) -> Option<f64> {
    let chars: Vec<char> = s.trim().chars().collect();
    let n = read_number(&chars, 0, chars.len())?;
    (n.end == chars.len()).then_some(n.value)
}

/// True if c can be part of a Chinese numeral (digit, scale, 零/〇, 两, traditional/financial forms, 点/點 excluded)
pub fn is_cn_numeral_char(c: char) -> bool {
    matches!(classify(c), Some(Cn::Digit(_) | Cn::Liang | Cn::Scale(_) | Cn::Tens(_)))
}

/// Value 0-9 of an Arabic digit, half- or full-width (０-９), else None.
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Character classes

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cn {
    /// 零〇○ 一…九 and financial forms
    Digit(u8),
    /// 两 / 兩: the digit 2, but never part of a digit string or decimal
    Liang,
    /// Scale as a power of ten: 十 1, 百 2, 千 3, 万 4, 亿 8, 兆 12
    Scale(u8),
    /// 点 / 點, and `．`/`.` after Chinese digits (`六四〇．五`)
    Point,
    /// 廿 20, 卅 30: a digit with its 十
    Tens(u8),
}

fn classify(c: char) -> Option<Cn> {
    Some(match c {
        '零' | '〇' | '○' => Cn::Digit(0),
        '一' | '壹' => Cn::Digit(1),
        '二' | '贰' | '貳' => Cn::Digit(2),
        '两' | '兩' => Cn::Liang,
        '三' | '叁' | '參' => Cn::Digit(3),
        '四' | '肆' => Cn::Digit(4),
        '五' | '伍' => Cn::Digit(5),
        '六' | '陆' | '陸' => Cn::Digit(6),
        '七' | '柒' => Cn::Digit(7),
        '八' | '捌' => Cn::Digit(8),
        '九' | '玖' => Cn::Digit(9),
        '十' | '拾' => Cn::Scale(1),
        '百' | '佰' => Cn::Scale(2),
        '千' | '仟' => Cn::Scale(3),
        '万' | '萬' => Cn::Scale(4),
        '亿' | '億' => Cn::Scale(8),
        '兆' => Cn::Scale(12),
        '点' | '點' | '．' | '.' => Cn::Point,
        '廿' => Cn::Tens(2),
        '卅' => Cn::Tens(3),
        _ => return None,
    })
}

fn scale_of(c: char) -> Option<u8> {
    match classify(c) {
        Some(Cn::Scale(k)) => Some(k),
        _ => None,
    }
}

fn is_separator(c: char) -> bool {
    c == ',' || c == '，'
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

fn is_decimal_point(c: char) -> bool {
    c == '.' || c == '．'
}

fn is_arabic(c: char) -> bool {
    arabic_digit(c).is_some()
}

/// Index of the first non-space char at or after `i` (ASCII spaces only), capped at `limit`.
fn skip_spaces(chars: &[char], mut i: usize, limit: usize) -> usize {
    while i < limit && chars[i] == ' ' {
        i += 1;
    }
    i
}

// ---------------------------------------------------------------------------
// Exact decimal arithmetic

/// `m × 10^e`, exact as long as the mantissa fits in a u128.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dec {
    m: u128,
    e: i32,
}

const POW10_F64: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

impl Dec {
    const ZERO: Dec = Dec { m: 0, e: 0 };
    const ONE: Dec = Dec { m: 1, e: 0 };

    fn digit(d: u8) -> Dec {
        Dec { m: d as u128, e: 0 }
    }

    /// Multiply by 10^k.
    fn shift(self, k: u8) -> Dec {
        Dec { m: self.m, e: self.e + k as i32 }
    }

    /// Append an integer digit (`self * 10 + d`); drops precision on overflow.
    fn push_int(&mut self, d: u32) {
        if self.e == 0
            && let Some(m) = self.m.checked_mul(10).and_then(|m| m.checked_add(d as u128))
        {
            self.m = m;
            return;
        }
        self.e += 1;
    }

    /// Append a fractional digit; ignored once the mantissa is full.
    fn push_frac(&mut self, d: u32) {
        if let Some(m) = self.m.checked_mul(10).and_then(|m| m.checked_add(d as u128)) {
            self.m = m;
            self.e -= 1;
        }
    }

    fn add(self, other: Dec) -> Dec {
        if self.m == 0 {
            return other;
        }
        if other.m == 0 {
            return self;
        }
        let (mut hi, mut lo) = if self.e >= other.e { (self, other) } else { (other, self) };
        loop {
            let diff = (hi.e - lo.e) as u32;
            let sum = 10u128.checked_pow(diff).and_then(|p| hi.m.checked_mul(p)).and_then(|m| m.checked_add(lo.m));
            if let Some(m) = sum {
                return Dec { m, e: lo.e };
            }
            // Out of range: give up low-order precision.
            if diff > 0 {
                lo.m /= 10;
                lo.e += 1;
            } else {
                hi.m /= 10;
                hi.e += 1;
                lo.m /= 10;
                lo.e += 1;
            }
        }
    }

    /// Correctly rounded conversion (same result as parsing the decimal string).
    fn to_f64(self) -> f64 {
        if self.m == 0 {
            return 0.0;
        }
        if self.e >= 0 {
            if let Some(v) = 10u128.checked_pow(self.e as u32).and_then(|p| self.m.checked_mul(p)) {
                // u128 -> f64 rounds to nearest.
                return v as f64;
            }
        } else if self.m < (1u128 << 53) && self.e >= -22 {
            // Both operands exact, so the quotient is correctly rounded.
            return self.m as f64 / POW10_F64[(-self.e) as usize];
        }
        let mut buf = StackBuf::default();
        let _ = write!(buf, "{}e{}", self.m, self.e);
        buf.as_str().parse().unwrap_or(f64::INFINITY)
    }
}

/// Small fixed buffer for the rare slow path of `Dec::to_f64` (no allocation).
struct StackBuf {
    buf: [u8; 64],
    len: usize,
}

impl Default for StackBuf {
    fn default() -> Self {
        StackBuf { buf: [0; 64], len: 0 }
    }
}

impl StackBuf {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Composition of digits and scales

/// Accumulator for `digits × scales` composition
/// (`四亿五千六百四十二万零一十五`, `3千万`, `1万亿`).
#[derive(Debug, Clone, Copy)]
struct Acc {
    /// Sum of completed big-scale (万/亿/兆) sections.
    total: Dec,
    /// Current section below the last big scale.
    section: Dec,
    /// Digit (or Arabic group) not yet multiplied by a scale.
    pending: Option<Dec>,
    /// Last small scale (十 1, 百 2, 千 3) in the current section, 0 if none.
    last_small: u8,
    /// Last big scale applied (4, 8, 12), 0 if none.
    last_big: u8,
    /// Largest big scale applied.
    max_big: u8,
}

impl Acc {
    fn new() -> Acc {
        Acc { total: Dec::ZERO, section: Dec::ZERO, pending: None, last_small: 0, last_big: 0, max_big: 0 }
    }

    /// Apply scale 10^k. `at_start` allows an implicit 1 (`十五`, `百万`).
    /// Returns false (leaving `self` untouched) if the scale cannot continue the number.
    fn apply_scale(&mut self, k: u8, at_start: bool) -> bool {
        if k < 4 {
            if self.last_small != 0 && k >= self.last_small {
                return false;
            }
            let n = match self.pending {
                Some(n) => n,
                None if at_start => Dec::ONE,
                None => return false,
            };
            self.section = self.section.add(n.shift(k));
            self.pending = None;
            self.last_small = k;
            return true;
        }
        let has_seg = self.pending.is_some() || self.last_small != 0;
        let seg = match self.pending {
            Some(n) => self.section.add(n),
            None => self.section,
        };
        if self.last_big == 0 {
            let seg = if has_seg {
                seg
            } else if at_start {
                Dec::ONE
            } else {
                return false;
            };
            self.total = seg.shift(k);
        } else if k < self.last_big {
            // 四亿 | 五千六百四十二万
            if !has_seg {
                return false;
            }
            self.total = self.total.add(seg.shift(k));
        } else if k > self.max_big {
            // 1万 | 亿, 一万五千 | 亿
            self.total = self.total.add(seg).shift(k);
        } else {
            return false;
        }
        self.section = Dec::ZERO;
        self.pending = None;
        self.last_small = 0;
        self.last_big = k;
        self.max_big = self.max_big.max(k);
        true
    }

    fn value(&self) -> Dec {
        let v = self.total.add(self.section);
        match self.pending {
            Some(p) => v.add(p),
            None => v,
        }
    }
}

// ---------------------------------------------------------------------------
// Arabic numbers

/// Digits with thousands separators and, if `allow_decimal`, a decimal part.
/// Returns (value, end, decimal read).
fn arabic_group(chars: &[char], start: usize, limit: usize, allow_decimal: bool) -> Option<(Dec, usize, bool)> {
    let mut v = Dec::ZERO;
    let mut i = start;
    while i < limit {
        match arabic_digit(chars[i]) {
            Some(d) => v.push_int(d),
            None => break,
        }
        i += 1;
    }
    let int_digits = i - start;
    if int_digits == 0 {
        return None;
    }
    // Thousands separators: `,`/`，` + exactly three digits + a non-digit,
    // and only after a leading group of at most three digits.
    // A space groups digits as Hong Kong's statistics write them (`228 700人`),
    // unless the digits run on in a string of spaced digits (`8 86 239 5`).
    let spaced = |i: usize| {
        is_space(chars[i])
            && chars[i - 1].is_ascii_digit()
            && !(start >= 2 && is_space(chars[start - 1]) && chars[start - 2].is_ascii_digit())
            && !(chars.get(i + 4).is_some_and(|&c| is_space(c))
                && chars.get(i + 5).is_some_and(char::is_ascii_digit)
                && !(chars.len() > i + 8
                    && chars[i + 5..i + 8].iter().all(char::is_ascii_digit)
                    && !chars[i + 8].is_ascii_digit()))
    };
    if int_digits <= 3 {
        while i + 3 < limit
            && (is_separator(chars[i]) || spaced(i))
            // A full-width comma after half-width digits groups them (`52，016辆`), except in a
            // list of prices (`$20，300美圆`).
            && (chars[i] == ','
                || ('０'..='９').contains(&chars[i - 1])
                || !start.checked_sub(1).is_some_and(|k| matches!(chars[k], '$' | '＄' | '￥' | '¥')))
            && chars[i + 1..=i + 3].iter().all(|&c| is_arabic(c))
            && !chars.get(i + 4).is_some_and(|&c| is_arabic(c))
        {
            for &c in &chars[i + 1..=i + 3] {
                v.push_int(arabic_digit(c).unwrap_or(0));
            }
            i += 4;
        }
    }
    let mut decimal = false;
    if allow_decimal && i + 1 < limit && is_decimal_point(chars[i]) && is_arabic(chars[i + 1]) {
        decimal = true;
        i += 1;
        while i < limit {
            match arabic_digit(chars[i]) {
                Some(d) => v.push_frac(d),
                None => break,
            }
            i += 1;
        }
    }
    Some((v, i, decimal))
}

fn is_k(c: char) -> bool {
    matches!(c, 'k' | 'K' | 'ｋ' | 'Ｋ')
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'ａ'..='ｚ' | 'Ａ'..='Ｚ')
}

fn read_arabic(chars: &[char], start: usize, limit: usize) -> Option<Numeral> {
    let (g, mut end, decimal) = arabic_group(chars, start, limit, true)?;
    let mut out = Numeral { value: 0.0, end, chinese: false, bare_scale: false, decimal, ends_with_scale: false };
    if end < limit && is_k(chars[end]) && !chars.get(end + 1).is_some_and(|&c| is_letter(c)) {
        out.value = g.shift(3).to_f64();
        out.end = end + 1;
        return Some(out);
    }
    let mut acc = Acc::new();
    acc.pending = Some(g);
    // State after the last scale run (or the first group); a continuation
    // group that no scale follows is rolled back to it.
    let mut committed = (acc, end);
    loop {
        let run_start = end;
        while end < limit {
            let Some(k) = scale_of(chars[end]) else { break };
            let mut t = acc;
            if !t.apply_scale(k, false) {
                break;
            }
            acc = t;
            end += 1;
        }
        if end == run_start {
            break;
        }
        committed = (acc, end);
        out.ends_with_scale = true;
        if decimal {
            break;
        }
        // `3万5千`: another Arabic group, kept only if a scale follows it.
        match arabic_group(chars, end, limit, false) {
            Some((g2, e2, _)) if e2 < limit && scale_of(chars[e2]).is_some() => {
                acc.pending = Some(g2);
                end = e2;
            }
            // `3萬8748美元`, `4萬951美元`: three or four digits after 万 are its places below
            // it (38,748; 40,951), as Taiwan writes numbers in groups of four. One or two
            // (`3万5`) are spoken shorthand for a fraction of 万, and left alone.
            Some((g2, e2, false))
                if scale_of(chars[end - 1]) == Some(4)
                    && (3..=4).contains(&(e2 - end))
                    && chars[end..e2].iter().all(|c| is_arabic(*c))
                    && !chars.get(e2).is_some_and(|c| matches!(c, '年' | '月' | '日' | '号' | '號')) =>
            {
                acc.pending = Some(g2);
                committed = (acc, e2);
                break;
            }
            _ => break,
        }
    }
    (acc, end) = committed;
    out.value = acc.value().to_f64();
    out.end = end;
    Some(out)
}

// ---------------------------------------------------------------------------
// Chinese numbers

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    None,
    Digit,
    Scale,
    /// 零 used as a placeholder after a scale (一百零五)
    Zero,
    /// decimal part read (三点五); only scales may follow
    Decimal,
}

/// Digit value of a Chinese token, with whether it is 两.
fn cn_digit(tok: Cn) -> Option<(u8, bool)> {
    match tok {
        Cn::Digit(d) => Some((d, false)),
        Cn::Liang => Some((2, true)),
        _ => None,
    }
}

/// Is the token at `j` a scale that can follow `acc` with `d` pending? (for 两 after a scale: 三千两百)
fn scale_follows(chars: &[char], j: usize, limit: usize, acc: &Acc, d: u8) -> bool {
    let j = skip_spaces(chars, j, limit);
    if j >= limit {
        return false;
    }
    let Some(k) = scale_of(chars[j]) else {
        return false;
    };
    let mut t = *acc;
    t.pending = Some(Dec::digit(d));
    t.apply_scale(k, false)
}

fn read_chinese(chars: &[char], start: usize, limit: usize) -> Option<Numeral> {
    let mut acc = Acc::new();
    let mut end = start;
    let mut prev = Prev::None;
    let mut seen_scale = false;
    let mut decimal = false;
    let mut any_digit = false;
    // length of the current digit string (二〇二〇) and whether it holds 两
    let mut run = 0u32;
    let mut run_liang = false;
    let mut last_scale = 0u8;
    // digit read directly after a scale with no 零 (三千二 = 3200)
    let mut abbrev: Option<u8> = None;

    loop {
        let j = if prev == Prev::None { start } else { skip_spaces(chars, end, limit) };
        if j >= limit {
            break;
        }
        let Some(tok) = classify(chars[j]) else { break };
        match tok {
            Cn::Digit(_) | Cn::Liang => {
                let (d, liang) = cn_digit(tok).unwrap_or((0, false));
                match prev {
                    Prev::None => {
                        acc.pending = Some(Dec::digit(d));
                        run = 1;
                        run_liang = liang;
                        prev = Prev::Digit;
                        end = j + 1;
                    }
                    Prev::Digit => {
                        if seen_scale || liang || run_liang {
                            break;
                        }
                        let p = acc.pending.unwrap_or(Dec::ZERO);
                        acc.pending = Some(p.shift(1).add(Dec::digit(d)));
                        run += 1;
                        end = j + 1;
                    }
                    Prev::Scale | Prev::Zero => {
                        if decimal {
                            break;
                        }
                        if d == 0 {
                            // 零 as placeholder: must lead to a digit (一百零五, 一万零零五).
                            if prev == Prev::Zero {
                                break;
                            }
                            let mut k = j + 1;
                            let mut zero_end = j + 1;
                            let ok = loop {
                                k = skip_spaces(chars, k, limit);
                                if k >= limit {
                                    break false;
                                }
                                match classify(chars[k]) {
                                    Some(Cn::Digit(0)) => {
                                        k += 1;
                                        zero_end = k;
                                    }
                                    Some(Cn::Digit(_)) => break true,
                                    Some(Cn::Liang) => {
                                        break scale_follows(chars, k + 1, limit, &acc, 2);
                                    }
                                    _ => break false,
                                }
                            };
                            if !ok {
                                break;
                            }
                            prev = Prev::Zero;
                            abbrev = None;
                            end = zero_end;
                            continue;
                        }
                        if liang && !scale_follows(chars, j + 1, limit, &acc, d) {
                            break;
                        }
                        abbrev = (prev == Prev::Scale && !liang).then_some(d);
                        acc.pending = Some(Dec::digit(d));
                        run = 1;
                        run_liang = liang;
                        prev = Prev::Digit;
                        end = j + 1;
                        any_digit = true;
                        continue;
                    }
                    Prev::Decimal => break,
                }
                any_digit = true;
                abbrev = None;
            }
            Cn::Scale(k) => {
                // A digit string takes only 万/亿 (`二六七億`, `一五〇〇億`), never 十/百/千.
                if prev == Prev::Digit && run > 1 && (k < 4 || run_liang) {
                    break;
                }
                let mut t = acc;
                if !t.apply_scale(k, prev == Prev::None) {
                    break;
                }
                acc = t;
                seen_scale = true;
                last_scale = k;
                prev = Prev::Scale;
                abbrev = None;
                end = j + 1;
            }
            Cn::Tens(t) => {
                if prev != Prev::None {
                    break;
                }
                acc.pending = Some(Dec::digit(t));
                if !acc.apply_scale(1, false) {
                    break;
                }
                seen_scale = true;
                any_digit = true;
                last_scale = 1;
                prev = Prev::Scale;
                end = j + 1;
            }
            Cn::Point => {
                // `．`/`.` is a decimal point only written tight (`二十二．三`).
                if matches!(chars[j], '．' | '.') && j != end {
                    break;
                }
                if decimal || !matches!(prev, Prev::Digit | Prev::Scale) {
                    break;
                }
                let mut frac = Dec::ZERO;
                let mut frac_end = None;
                let mut k = j + 1;
                loop {
                    k = skip_spaces(chars, k, limit);
                    if k >= limit {
                        break;
                    }
                    let Some(Cn::Digit(d)) = classify(chars[k]) else {
                        break;
                    };
                    frac.push_frac(d as u32);
                    k += 1;
                    frac_end = Some(k);
                }
                let Some(fe) = frac_end else { break };
                // `两千三点一` = 2300.1: the abbreviated digit keeps its place.
                if let Some(d) = abbrev.take()
                    && last_scale >= 2
                {
                    acc.pending = Some(Dec::digit(d).shift(last_scale - 1));
                }
                acc.pending = Some(acc.pending.unwrap_or(Dec::ZERO).add(frac));
                decimal = true;
                any_digit = true;
                prev = Prev::Decimal;
                abbrev = None;
                end = fe;
            }
        }
    }

    if end == start {
        return None;
    }
    if prev == Prev::Digit
        && let Some(d) = abbrev
        && last_scale >= 2
    {
        // 三千二 = 3200, 两万二 = 22000, 一百五 = 150
        acc.pending = Some(Dec::digit(d).shift(last_scale - 1));
    }
    Some(Numeral {
        value: acc.value().to_f64(),
        end,
        chinese: true,
        bare_scale: !any_digit,
        decimal,
        ends_with_scale: prev == Prev::Scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn read(s: &str) -> Option<Numeral> {
        let c = chars(s);
        read_number(&c, 0, c.len())
    }

    fn read_lim(s: &str, limit: usize) -> Option<Numeral> {
        read_number(&chars(s), 0, limit)
    }

    #[test]
    fn limit_caps_end() {
        // 千瓦 is a unit: the caller re-reads up to 千.
        let n = read("4860千瓦").unwrap();
        assert_eq!((n.value, n.end), (4860000.0, 5));
        let n = read_lim("4860千瓦", 4).unwrap();
        assert_eq!((n.value, n.end), (4860.0, 4));
        assert!(!n.ends_with_scale);

        let n = read_lim("三千二百", 3).unwrap();
        assert_eq!((n.value, n.end), (3200.0, 3));
        let n = read_lim("三千二百", 2).unwrap();
        assert_eq!((n.value, n.end), (3000.0, 2));
        let n = read_lim("92.92", 3).unwrap();
        assert_eq!((n.value, n.end), (92.0, 2));
        let n = read_lim("92.92", 4).unwrap();
        assert_eq!((n.value, n.end), (92.9, 4));
        // separator group cut by the limit is not a separator
        let n = read_lim("2,800", 4).unwrap();
        assert_eq!((n.value, n.end), (2.0, 1));
        // k beyond the limit is not consumed
        let n = read_lim("15k", 2).unwrap();
        assert_eq!((n.value, n.end), (15.0, 2));
        // 点 whose digit is beyond the limit
        let n = read_lim("三点一", 2).unwrap();
        assert_eq!((n.value, n.end), (3.0, 1));
        // spaces before the limit are not consumed at the end
        let n = read_lim("五 十", 2).unwrap();
        assert_eq!((n.value, n.end), (5.0, 1));
        // limit larger than the slice is clamped
        let c = chars("12");
        assert_eq!(read_number(&c, 0, 100).unwrap().end, 2);
        // start at or past the limit
        assert_eq!(read_number(&c, 1, 1), None);
        assert_eq!(read_number(&c, 5, 100), None);
        assert_eq!(read_lim("12", 0), None);
    }

    #[test]
    fn start_offset() {
        let c = chars("增长4.9万人");
        let n = read_number(&c, 2, c.len()).unwrap();
        assert_eq!((n.value, n.end), (49000.0, 6));
        assert_eq!(read_number(&c, 0, c.len()), None);
        let c = chars("共计三千二百人");
        let n = read_number(&c, 2, c.len()).unwrap();
        assert_eq!((n.value, n.end), (3200.0, 6));
        let n = read_number(&c, 2, 5).unwrap();
        assert_eq!((n.value, n.end), (3200.0, 5));
    }

    #[test]
    fn flags_arabic() {
        let n = read("4.9万").unwrap();
        assert!(!n.chinese && !n.bare_scale && n.decimal && n.ends_with_scale);
        let n = read("2,800").unwrap();
        assert!(!n.chinese && !n.bare_scale && !n.decimal && !n.ends_with_scale);
        let n = read("3万5千").unwrap();
        assert!(!n.chinese && n.ends_with_scale && !n.decimal);
        let n = read("3.2k").unwrap();
        assert!(!n.chinese && n.decimal && !n.ends_with_scale);
        let n = read("１２．５").unwrap();
        assert!(!n.chinese && n.decimal);
    }

    #[test]
    fn flags_chinese() {
        let n = read("四万").unwrap();
        assert!(n.chinese && !n.bare_scale && !n.decimal && n.ends_with_scale);
        let n = read("三千").unwrap();
        assert!(n.chinese && n.ends_with_scale);
        let n = read("三千二").unwrap();
        assert!(n.chinese && !n.ends_with_scale);
        let n = read("十五").unwrap();
        assert!(n.chinese && !n.bare_scale && !n.ends_with_scale);
        let n = read("三十二点六").unwrap();
        assert!(n.chinese && n.decimal && !n.ends_with_scale);
        let n = read("三点五万").unwrap();
        assert!(n.chinese && n.decimal && n.ends_with_scale);
        assert_eq!(n.value, 35000.0);
        let n = read("二〇二〇").unwrap();
        assert!(n.chinese && !n.bare_scale && !n.decimal && !n.ends_with_scale);
        for s in ["百", "千", "万", "百万", "十", "亿", "万亿"] {
            let n = read(s).unwrap();
            assert!(n.chinese && n.bare_scale && n.ends_with_scale, "{s}");
            assert!(!n.decimal, "{s}");
        }
        let c = chars("逾百项");
        let n = read_number(&c, 1, c.len()).unwrap();
        assert_eq!((n.value, n.end, n.bare_scale), (100.0, 2, true));
    }

    #[test]
    fn one_numeral_is_bounded() {
        // A run of digits far longer than any number is read MAX_LEN chars at a time.
        let ones = chars(&"一".repeat(10_000));
        assert_eq!(read_number(&ones, 0, ones.len()).unwrap().end, MAX_LEN);
        let digits = chars(&"7".repeat(10_000));
        assert_eq!(read_number(&digits, 100, digits.len()).unwrap().end, 100 + MAX_LEN);
    }

    #[test]
    fn parse_whole_strings() {
        assert_eq!(parse_number("四亿五千六百四十二万零一十五"), Some(456420015.0));
        assert_eq!(parse_number("  92.92 "), Some(92.92));
        assert_eq!(parse_number("1024.5万"), Some(10245000.0));
        assert_eq!(parse_number("14.8亿"), Some(1480000000.0));
        assert_eq!(parse_number("一 百 五 十"), Some(150.0));
        assert_eq!(parse_number("拾万零五十六点叁叁"), Some(100056.33));
        assert_eq!(parse_number("四十九兆九千五百九十二億"), Some(49959200000000.0));
        assert_eq!(parse_number("15Ｋ"), Some(15000.0));
        assert_eq!(parse_number("百"), Some(100.0));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("   "), None);
        assert_eq!(parse_number("4.9万人"), None);
        assert_eq!(parse_number("三点钟"), None);
        assert_eq!(parse_number("1."), None);
        assert_eq!(parse_number("-5"), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("2成,2.5成"), None);
    }

    #[test]
    fn exact_decimals() {
        for s in ["92.92", "0.1", "0.3", "3.14159", "123456.789", "1.7976931348623157"] {
            assert_eq!(parse_number(s), Some(s.parse::<f64>().unwrap()), "{s}");
        }
        assert_eq!(parse_number("三十二点六"), Some(32.6));
        assert_eq!(parse_number("零点一"), Some(0.1));
        // Long inputs go through the slow path and still round correctly.
        let long = "12345678901234567890.123456789";
        assert_eq!(parse_number(long), Some(long.parse::<f64>().unwrap()));
        let huge = "9".repeat(MAX_LEN);
        assert_eq!(parse_number(&huge), Some(huge.parse::<f64>().unwrap()));
    }

    #[test]
    fn char_classes() {
        for c in "零〇○一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖十拾百佰千仟万萬亿億兆".chars()
        {
            assert!(is_cn_numeral_char(c), "{c}");
        }
        for c in "点點.,a1１个年".chars() {
            assert!(!is_cn_numeral_char(c), "{c}");
        }
        assert_eq!(arabic_digit('7'), Some(7));
        assert_eq!(arabic_digit('０'), Some(0));
        assert_eq!(arabic_digit('９'), Some(9));
        assert_eq!(arabic_digit('九'), None);
        assert_eq!(arabic_digit('a'), None);
    }
}
