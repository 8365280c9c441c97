//! Figure extraction: every stated quantity in a text, normalised as
//! `shared/spec/figures.md` describes.
//!
//! The scanner walks the text once. Wherever a number can start it reads the
//! number (`numeral`), then what follows it (range, `余`, unit, `以上`), then
//! what precedes it (`约`, `同比增长`), and finally checks that the number is
//! not part of a name, slogan or idiom.

pub mod context;
pub mod dates;
mod fits;
mod headcount;
mod label;
mod lists;
mod money;
mod period;
mod ranks;
mod sentences;
pub mod units;

use crate::model::{Approx, Figure, Kind, Token, Value};
use crate::numeral::{Numeral, arabic_digit, is_cn_numeral_char, read_number};
use context::{
    approx_after, approx_before, approx_linked, change_before, in_idiom, in_short_quote, in_tally, is_bare_scale,
    is_han,
};
use money::{
    MONEY_NOUNS_AFTER, MONEY_VERBS_AFTER, MONEY_WORD_REACH, MONEY_WORDS, SENTENCE_REACH, clause_start, currency_at,
    currency_before, currency_word_before, money_fraction, percent_prefix,
};
use std::cell::Cell;
use std::sync::LazyLock;
use units::{PREFIXED, ends_with_any, match_unit, starts_with, starts_with_any};

/// All figures of `text`, in document order. `tokens` (from the segmenter,
/// with `char` offsets) sharpen the decisions and give labels; an empty slice
/// is allowed.
pub fn extract(text: &str, tokens: &[Token]) -> Vec<Figure> {
    let chars: Vec<char> = text.chars().collect();
    extract_chars(&chars, tokens)
}

/// As [`extract`], over the text's `char`s.
pub fn extract_chars(chars: &[char], tokens: &[Token]) -> Vec<Figure> {
    let mut out = extract_in_pieces(chars, tokens);
    period::from_title(chars, &mut out);
    out
}

/// A text longer than one of the engine's pieces is cut where the engine cuts it
/// ([`crate::pieces::split_chars`]) and its pieces read on every core: the
/// figures are those [`crate::Engine::figures`] gives, and no rule looks
/// further back than a piece.
fn extract_in_pieces(chars: &[char], tokens: &[Token]) -> Vec<Figure> {
    let parts = crate::pieces::split_chars(chars, crate::PIECE);
    if parts.len() <= 1 {
        return extract_piece(chars, tokens);
    }
    let (done, _) = crate::engine::parallel::in_parallel(&parts, |r, _: &mut ()| {
        let (lo, hi) = (tokens.partition_point(|t| t.start < r.start), tokens.partition_point(|t| t.start < r.end));
        let shifted = |t: &Token| Token { start: t.start - r.start, end: t.end - r.start, ..*t };
        let local: Vec<Token> = tokens[lo..hi].iter().map(shifted).collect();
        let mut figures = extract_piece(&chars[r.clone()], &local);
        for f in &mut figures {
            f.start += r.start;
            f.end += r.start;
        }
        figures
    });
    done.into_iter().flatten().collect()
}

pub use period::{TITLE_HEAD, TitlePeriod, range_iso};

/// The period a report's title gives every figure that names none
/// (`上半年全市经济运行情况分析`), for a text whose figures were found in pieces
/// and joined: `chars` is the start of the text (its first lines are enough).
pub fn title_period(chars: &[char], figures: &mut [Figure]) {
    period::from_title(chars, figures);
}

/// What [`title_period`] would give, not yet given: for a text whose pieces
/// are analysed apart and joined elsewhere (the page's workers).
pub fn title_of(chars: &[char], figures: &[Figure]) -> Option<TitlePeriod> {
    period::title_of(chars, figures)
}

/// As [`extract_chars`] for one piece of a longer text: what the text's title
/// says ([`title_period`]) is left to the caller, who sees the whole text.
pub fn extract_piece(chars: &[char], tokens: &[Token]) -> Vec<Figure> {
    let mut scanner = Scanner {
        chars,
        tokens,
        floor: 0,
        hint: Cell::new(0),
        bare_yi_money: None,
        last_rank_end: None,
        number: Cell::new(None),
    };
    // About one figure in 56 chars on the sample texts: room for most texts' figures, so the
    // vector of (large) figures is seldom copied as it grows.
    let mut out = Vec::with_capacity(chars.len() / 48 + 8);
    let mut i = 0;
    // Asked of every char: the table is fetched once, not through the lazy lock each time.
    let starts: &StartChars = &START_CHARS;
    while i < chars.len() {
        if !starts.may_start(chars[i]) {
            i += 1;
            continue;
        }
        match scanner.scan(i) {
            Ok(f) => {
                if f.kind == Kind::Money && matches!(chars[f.end - 1], '亿' | '億') {
                    scanner.bare_yi_money = Some(f.end);
                }
                if f.kind == Kind::Rank {
                    scanner.last_rank_end = Some(f.end);
                }
                scanner.floor = f.end;
                i = f.end;
                out.push(f);
            }
            Err(next) => i = next.max(i + 1),
        }
    }
    dates::inherit_month(chars, &mut out);
    dates::inherit_year(chars, &mut out);
    lists::inherit_change(chars, &mut out);
    ranks::share_unit(chars, &mut out);
    let sentences = sentences::Sentences::new(chars);
    label::annotate(chars, tokens, &sentences, &mut out);
    period::annotate(chars, &sentences, &mut out);
    out
}

fn may_start(c: char) -> bool {
    arabic_digit(c).is_some()
        || is_cn_numeral_char(c)
        || matches!(
            c,
            '第' | '上' | '下' | '前' | '后' | '後' | '首' | '翻' | '半' | '对' | '對' | '￥' | '¥' | '$' | '＄'
        )
}

/// [`may_start`] as a table of bits over the Basic Multilingual Plane (8 KB):
/// the scanner asks it of every char of the text, and a table answers in a
/// load and a shift where the numeral tests take dozens of steps. Built at
/// compile time from the chars [`may_start`] accepts ([`START_LIST`]; a test
/// checks the two agree on every char): testing all 65,536 chars when the
/// table was first used cost ~3 M instructions at each start of the engine.
struct StartChars {
    bits: [u64; 0x10000 / 64],
}

/// Every char [`may_start`] accepts, all in the BMP.
const START_LIST: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６', '７', '８', '９', '零',
    '〇', '○', '一', '壹', '二', '贰', '貳', '两', '兩', '三', '叁', '參', '四', '肆', '五', '伍', '六', '陆', '陸',
    '七', '柒', '八', '捌', '九', '玖', '十', '拾', '百', '佰', '千', '仟', '万', '萬', '亿', '億', '兆', '廿', '卅',
    '第', '上', '下', '前', '后', '後', '首', '翻', '半', '对', '對', '￥', '¥', '$', '＄',
];

static START_CHARS: StartChars = {
    let mut bits = [0u64; 0x10000 / 64];
    let mut i = 0;
    while i < START_LIST.len() {
        let c = START_LIST[i] as usize;
        bits[c / 64] |= 1 << (c % 64);
        i += 1;
    }
    StartChars { bits }
};

impl StartChars {
    #[inline]
    fn may_start(&self, c: char) -> bool {
        match self.bits.get(c as usize / 64) {
            Some(word) => word >> (c as usize % 64) & 1 != 0,
            None => may_start(c),
        }
    }
}

/// Where a scan failed: the position to resume from.
type Skip = usize;

struct Scanner<'a> {
    chars: &'a [char],
    tokens: &'a [Token],
    /// End of the previous figure: nothing before it may be claimed again.
    floor: usize,
    /// Index of the token found by the last `token_at`.
    hint: Cell<usize>,
    /// End of the last amount of money written as a bare 亿 (`1,000多億盈餘`).
    bare_yi_money: Option<usize>,
    /// End of the last rank (`第一、二位`).
    last_rank_end: Option<usize>,
    /// The number read last at a place where one may start ([`Scanner::number_at`]).
    number: Cell<Option<(usize, Option<Numeral>)>>,
}

/// A figure in the making.
struct Draft {
    start: usize,
    end: usize,
    kind: Kind,
    value: Option<Value>,
    unit: Option<String>,
    approx: Option<Approx>,
    low: Option<f64>,
    high: Option<f64>,
}

impl Draft {
    fn date(start: usize, hit: dates::DateHit) -> Draft {
        Draft {
            start,
            end: hit.end,
            kind: Kind::Date,
            value: hit.value.map(Value::Text),
            unit: None,
            approx: None,
            low: hit.low,
            high: hit.high,
        }
    }

    /// A number with no unit written (`第4`, `勞動人口為386.1萬`).
    fn unitless(start: usize, end: usize, kind: Kind, value: f64) -> Draft {
        Draft { unit: None, ..Draft::number(start, end, kind, value, "") }
    }

    fn number(start: usize, end: usize, kind: Kind, value: f64, unit: &str) -> Draft {
        Draft {
            start,
            end,
            kind,
            value: Some(Value::Number(value)),
            unit: Some(unit.to_string()),
            approx: None,
            low: None,
            high: None,
        }
    }
}

/// What a rate is counted per, written after `/` (`吨标准煤/万元`).
const RATE_DENOMINATORS: &[&str] = &["万元", "元", "亩", "公顷", "人", "户", "年", "天", "日", "小时"];

const RANGE_SEPS: &[char] = &['-', '~', '～', '—', '–', '－', '至', '到'];

impl Scanner<'_> {
    /// `GDP9602.72亿元`, `CPI2.1%`: an amount written straight after an upper-case acronym
    /// (the metric) is a figure when a magnitude, currency or percent sign follows it; a
    /// model name (`Model3`, `iPhone13`, `PM2.5`) has none.
    fn after_acronym(&self, i: usize) -> bool {
        let chars = self.chars;
        let letters = chars[..i].iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
        letters >= 2
            && chars[i - letters..i].iter().all(char::is_ascii_uppercase)
            && (i == letters || !chars[i - letters - 1].is_ascii_alphanumeric())
            && read_number(chars, i, chars.len())
                .is_some_and(|n| matches!(chars.get(n.end), Some('万' | '萬' | '亿' | '億' | '元' | '%' | '％')))
    }

    fn scan(&self, i: usize) -> Result<Figure, Skip> {
        let chars = self.chars;
        let c = chars[i];
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };

        // Not the start of a number: inside an Arabic run, a code or a time of day.
        // A colon makes a time of day only after a digit (`10:30`), not after a label (`发布时间：2023-09-18`).
        // `TOP10房企`, `以合约销售金额top10的房企`: a rank cut-off.
        if arabic_digit(c).is_some()
            && i >= 3
            && chars[i - 3..i].iter().map(|c| c.to_ascii_lowercase()).eq(['t', 'o', 'p'])
            && (i == 3 || !chars[i - 4].is_ascii_alphanumeric())
            && i - 3 >= self.floor
            && let Some(n) = read_number(chars, i, chars.len())
            && !n.decimal
            && !n.ends_with_scale
            && (1.0..=1000.0).contains(&n.value)
            && !chars.get(n.end).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return self.finish(Draft::unitless(i - 3, n.end, Kind::Rank, n.value));
        }
        let time_colon = |p: char| matches!(p, ':' | '：') && i >= 2 && arabic_digit(chars[i - 2]).is_some();
        if arabic_digit(c).is_some()
            && prev.is_some_and(|p| {
                arabic_digit(p).is_some()
                    || p.is_ascii_alphabetic() && !self.after_acronym(i)
                    || matches!(p, '.' | '．' | '_')
                    // `2020/8/27`, `km/h2` are codes; `1艘/216客位` lists two figures.
                    || (p == '/' && i >= 2 && !is_han(chars[i - 2]))
                    || time_colon(p)
            })
        {
            return Err(self.arabic_run_end(i));
        }
        if arabic_digit(c).is_some()
            && matches!(prev, Some('-' | '－'))
            && i >= 2
            && chars[i - 2].is_ascii_alphanumeric()
        {
            return Err(self.arabic_run_end(i));
        }
        if is_cn_numeral_char(c) && prev.is_some_and(is_cn_numeral_char) {
            return Err(i + 1);
        }

        // `今（7）日公布`: today's date in brackets (Taiwan news).
        if matches!(prev, Some('（' | '('))
            && i >= 2
            && matches!(chars[i - 2], '今' | '昨' | '明')
            && let Some(n) = read_number(chars, i, chars.len())
            && !n.decimal
            && (1.0..=31.0).contains(&n.value)
            && matches!(chars.get(n.end), Some('）' | ')'))
            && chars.get(n.end + 1) == Some(&'日')
        {
            let hit = dates::DateHit {
                end: n.end + 2,
                value: Some(format!("---{:02}", n.value as u32)),
                low: None,
                high: None,
            };
            return self.finish(Draft::date(i - 1, hit));
        }
        if let Some(d) = self.special(i)? {
            return self.finish(d);
        }
        if let Some(d) = self.bare_rank(i) {
            return self.finish(d);
        }
        if let Some(hit) = dates::date_at_with(chars, i, || self.number_at(i)) {
            if prev == Some('第') {
                return Err(hit.end);
            }
            // `連三月破六百億`, `连续三月`: three months in a row, not March.
            if is_cn_numeral_char(c)
                && matches!(prev, Some('连' | '連' | '续' | '續'))
                && chars.get(hit.end - 1) == Some(&'月')
                && let Some(m) = hit.value.as_deref().and_then(|v| v.strip_prefix("--")).and_then(|m| m.parse().ok())
            {
                return self.finish(Draft::number(i, hit.end, Kind::Duration, m, "月"));
            }
            let d = Draft::date(i, hit);
            return self.finish(d);
        }
        let mut d = self.quantity(i)?;
        // `总营收达2. 647亿美元`: a decimal point with a stray space after it (copied
        // from a PDF or a page) joins the digits before it to this number.
        if let Some(s) = self.split_decimal(i)
            && d.start == i
            && let Some(Value::Number(v)) = d.value
        {
            let digits = |r: std::ops::Range<usize>| -> String {
                chars[r].iter().filter_map(|c| arabic_digit(*c).and_then(|d| char::from_digit(d, 10))).collect()
            };
            let frac_len = (i..chars.len()).take_while(|&k| arabic_digit(chars[k]).is_some()).count();
            let frac: f64 = digits(i..i + frac_len).parse().unwrap_or(0.0);
            // All the digits as one integer, so that 2.647亿 is 2647 × 1e8 / 1000 exactly.
            let whole: Option<f64> = format!("{}{}", digits(s..i - 2), digits(i..i + frac_len)).parse().ok();
            if frac > 0.0
                && frac_len <= 6
                && let Some(whole) = whole
            {
                // The scale the fraction digits were read with (亿 → 1e8), applied to the whole.
                let scale = v / frac;
                let scale =
                    if (scale.round() - scale).abs() < 1e-9 * scale.abs().max(1.0) { scale.round() } else { scale };
                d.value = Some(Value::Number(whole * scale / 10f64.powi(frac_len as i32)));
                d.start = s;
            }
        }
        self.finish(d)
    }

    /// `read_number(chars, i, chars.len())`, read once at each place: the date
    /// reader and the quantity reader both ask for the number where a figure may start.
    fn number_at(&self, i: usize) -> Option<Numeral> {
        if let Some((at, n)) = self.number.get()
            && at == i
        {
            return n;
        }
        let n = read_number(self.chars, i, self.chars.len());
        self.number.set(Some((i, n)));
        n
    }

    /// `2. 647`: where the digits before the `. ` ending at `i` start, when they
    /// follow a word (so that `1. ` opening a line, an enumerator, is left alone).
    fn split_decimal(&self, i: usize) -> Option<usize> {
        let chars = self.chars;
        if i < 3 || chars[i - 1] != ' ' || chars[i - 2] != '.' || arabic_digit(chars[i - 3]).is_none() {
            return None;
        }
        let s = (0..i - 2).rev().take_while(|&k| arabic_digit(chars[k]).is_some()).last()?;
        if s == 0 || s < self.floor || i - 2 - s > 4 || !is_han(chars[s - 1]) {
            return None;
        }
        Some(s)
    }

    fn arabic_run_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.chars.len()
            && (arabic_digit(self.chars[j]).is_some() || matches!(self.chars[j], '.' | ':' | '-'))
        {
            j += 1;
        }
        j
    }

    /// Figures that start with a word rather than a digit: 百分之, 第, 半, 上半年, 对折, ￥.
    fn special(&self, i: usize) -> Result<Option<Draft>, Skip> {
        let chars = self.chars;
        if let Some((divisor, len)) = percent_prefix(chars, i) {
            let Some(n) = read_number(chars, i + len, chars.len()) else { return Err(i + len) };
            let d = Draft::number(i, n.end, Kind::Percent, n.value / divisor, "%");
            return Ok(Some(d));
        }
        match chars[i] {
            // `与先前3个月比较`, `之前三个月`: the months before, a length of time.
            '前' if i > 0 && matches!(chars[i - 1], '先' | '之' | '此' | '以' | '提' | '目' | '日') => {
                return Err(i + 1);
            }
            '上' | '下' | '前' | '首' | '后' | '後' => {
                return match dates::date_at(chars, i) {
                    Some(hit) => Ok(Some(Draft::date(i, hit))),
                    None => self.top_n(i).map(Some),
                };
            }
            // `翻一番`, `翻两番`: the result is 2^N times the base.
            '翻' => {
                // `翻了一倍`, `翻一倍`: doubled, the result twice the base (as 翻一番); a larger
                // number of times (`翻了两倍`) is read both ways by writers, and left as written.
                let at = if chars.get(i + 1) == Some(&'了') { i + 2 } else { i + 1 };
                if matches!(chars.get(at), Some('一' | '1')) && chars.get(at + 1) == Some(&'倍') {
                    return Ok(Some(Draft::number(i, at + 2, Kind::Percent, 2.0, "倍")));
                }
                let Some(n) = read_number(chars, i + 1, chars.len()) else { return Err(i + 1) };
                if chars.get(n.end) != Some(&'番') || n.decimal || !(1.0..=10.0).contains(&n.value) {
                    return Err(i + 1);
                }
                return Ok(Some(Draft::number(i, n.end + 1, Kind::Percent, n.value.exp2(), "倍")));
            }
            '第' => return self.ordinal(i).map(Some),
            '半' => {
                let words: &[(&str, Kind, &str, f64)] = &[
                    ("半个小时", Kind::Duration, "小时", 0.5),
                    ("半小时", Kind::Duration, "小时", 0.5),
                    ("半个月", Kind::Duration, "月", 0.5),
                    ("半月", Kind::Duration, "月", 0.5),
                    ("半年", Kind::Duration, "年", 0.5),
                    ("半天", Kind::Duration, "天", 0.5),
                    ("半日", Kind::Duration, "天", 0.5),
                    ("半成", Kind::Percent, "%", 5.0),
                    ("半折", Kind::Percent, "%", 50.0),
                ];
                if matches!(i.checked_sub(1).map(|k| chars[k]), Some('上' | '下' | '一' | '多')) {
                    return Err(i + 1);
                }
                // `半年末`: a date, read by `date_at`.
                if starts_with_any(chars, i, dates::HALF_YEAR_END).is_some() {
                    return Ok(None);
                }
                for (w, kind, unit, v) in words {
                    if let Some(n) = starts_with(chars, i, w) {
                        // `半年报`, `半年度报告`: a report's name, not a length of time.
                        if *w == "半年" && matches!(chars.get(i + n), Some('报' | '報' | '度')) {
                            return Err(i + n);
                        }
                        return Ok(Some(Draft::number(i, i + n, *kind, *v, unit)));
                    }
                }
                return Err(i + 1);
            }
            '对' | '對' => {
                return match starts_with(chars, i + 1, "折") {
                    Some(_) => Ok(Some(Draft::number(i, i + 2, Kind::Percent, 50.0, "%"))),
                    None => Err(i + 1),
                };
            }
            '￥' | '¥' | '$' | '＄' => {
                let Some(n) = read_number(chars, i + 1, chars.len()) else { return Err(i + 1) };
                if n.chinese {
                    return Err(i + 1);
                }
                let unit = if matches!(chars[i], '$' | '＄') { "美元" } else { "元" };
                let mut end = n.end;
                if let Some((u, len)) = match_unit(chars, end)
                    && u.kind == Kind::Money
                {
                    end += len;
                }
                return Ok(Some(Draft::number(i, end, Kind::Money, n.value, unit)));
            }
            _ => {}
        }
        Ok(None)
    }

    /// Where the number at `i` starts once a qualifier before it is set aside (`约`, `超过`).
    fn number_start(&self, i: usize) -> usize {
        match approx_before(self.chars, i, self.floor) {
            Some((_, len)) => i - len,
            None => i,
        }
    }

    /// The currency a bare 万/亿 amount at `i` is in, if it is money: a currency
    /// word right before it, or a money word earlier in its clause (then the
    /// currency the sentence names, else 元).
    fn governing_currency(&self, i: usize, end: usize) -> Option<&'static str> {
        let chars = self.chars;
        let start = self.number_start(i);
        if let Some(c) = currency_before(chars, start) {
            return Some(c);
        }
        let mut from = clause_start(chars, start, MONEY_WORD_REACH, self.floor);
        // `净利润亏损：423亿—433亿`: an amount right after a colon is what the words before it name.
        if from > self.floor && from == start && matches!(chars[from - 1], '：' | ':') {
            from = clause_start(chars, from - 1, MONEY_WORD_REACH, self.floor);
        }
        // Most chars open no money word: turned away before the list is compared.
        static MONEY_FIRST: LazyLock<units::WideFilter> =
            LazyLock::new(|| units::WideFilter::of(MONEY_WORDS.iter().filter_map(|w| w.chars().next())));
        let governed = (from..start).any(|k| {
            MONEY_FIRST.may_contain(chars[k])
                && starts_with_any(chars, k, MONEY_WORDS).is_some_and(|(_, len)| {
                    !chars.get(k + len).is_some_and(|c| matches!(c, '者' | '人' | '方' | '户' | '戶'))
                })
        });
        // `3亿收购西湖啤酒`, `49亿加码锂矿`: an amount that buys or invests.
        // (`1亿投资者`, `5000万入股人` are people.)
        let spent = starts_with_any(chars, end, MONEY_VERBS_AFTER)
            .is_some_and(|(_, n)| !chars.get(end + n).is_some_and(|c| matches!(c, '者' | '人' | '方' | '户' | '戶')));
        if !governed && !spent && !money_noun_after(chars, end) {
            return None;
        }
        self.governing_currency_named(start)
    }

    /// The currency the sentence before `start` names, else 元.
    fn governing_currency_named(&self, start: usize) -> Option<&'static str> {
        let chars = self.chars;
        let sentence = (start.saturating_sub(SENTENCE_REACH)..start)
            .rev()
            .find(|&k| matches!(chars[k], '。' | '\n' | '！' | '？'))
            .map_or(start.saturating_sub(SENTENCE_REACH), |k| k + 1);
        let named = (sentence..start).rev().find_map(|k| currency_at(chars, k));
        Some(named.unwrap_or("元"))
    }

    /// `17/18年度有1,000多億盈餘，18/19年只有約500億`: a writer who has just given an
    /// amount of money as a bare 亿 writes the next one the same way, so a bare 亿
    /// amount shortly after one, that nothing else names, is money too.
    fn money_as_before(&self, i: usize, end: usize) -> Option<&'static str> {
        const REACH: usize = 400;
        let last = self.bare_yi_money?;
        if !matches!(self.chars[end - 1], '亿' | '億') || i.saturating_sub(last) > REACH {
            return None;
        }
        // Only where the amount stands alone: before punctuation, 的 or the end.
        if self.chars.get(end).is_some_and(|c| is_han(*c) && *c != '的') {
            return None;
        }
        self.governing_currency_named(i)
    }

    /// `增加约5000人至25.9万人`, `减少1.2万人至363.4万人`: after a change word, `A至B` is
    /// the change and the level it reaches, two figures, when the level is many times the
    /// change; `年增40%至45%` is a range of the change.
    fn change_then_level(&self, i: usize, sep: char, low: f64, high: f64) -> bool {
        matches!(sep, '至' | '到')
            && high > 3.0 * low
            && change_before(self.chars, self.number_start(i), self.floor).is_some()
    }

    /// `营收千亿`, `净利润百亿`, `投资千亿元`: two scale words alone right after a money
    /// word are an amount; `百亿元以上项目`, `千亿级` name a class of things instead.
    fn bare_amount_of_money(&self, i: usize, end: usize) -> bool {
        let chars = self.chars;
        if end < i + 2 || !chars[i..end].iter().all(|c| is_bare_scale(*c)) {
            return false;
        }
        let mut at = i;
        if let Some((_, n)) = ends_with_any(chars, at, &["达到", "達到", "达", "達", "为", "為", "是"]) {
            at -= n;
        }
        if ends_with_any(chars, at, MONEY_WORDS).is_none() {
            return false;
        }
        let after = end + usize::from(matches!(chars.get(end), Some('元')));
        !matches!(chars.get(after), Some('级' | '級' | '量' | '规' | '規' | '项' | '項' | '以' | '企' | '大'))
    }

    /// `勞動人口為386.1萬`, `拥有200多万香港用户数`: a bare 万/亿 amount that a population
    /// word governs is a count with no unit.
    fn headcount(
        &self,
        i: usize,
        n: &Numeral,
        pos: usize,
        low_high: Option<(f64, f64)>,
        approx: Option<Approx>,
    ) -> Option<Draft> {
        let chars = self.chars;
        if !(pos > i && big_scale(chars[pos - 1]).is_some()) {
            return None;
        }
        let start = self.number_start(i);
        // `上升2.6萬至25.9萬`: the level reached shares the clause of the change before it.
        let floor = if start > 0 && matches!(chars[start - 1], '至' | '到') { 0 } else { self.floor };
        if !headcount::governed(chars, start, pos, floor) {
            return None;
        }
        let mut d = Draft::unitless(i, pos, Kind::Count, n.value);
        d.approx = approx;
        if let Some((lo, hi)) = low_high {
            d.value = None;
            d.low = Some(lo);
            d.high = Some(hi);
        }
        Some(d)
    }

    /// A number with a unit: money, percent, count, quantity, duration, or rank.
    fn quantity(&self, i: usize) -> Result<Draft, Skip> {
        let chars = self.chars;
        let mut n = self.number_at(i).ok_or(i + 1)?;
        // `07对外经济`, `03月`: digits after a leading zero number a section or a code.
        if !n.chinese && !n.decimal && n.end - i >= 2 && arabic_digit(chars[i]) == Some(0) {
            return Err(n.end);
        }
        // A lone 零 is a word (`零件`, `零星`, `零售`), not the number nought.
        if n.chinese && n.end == i + 1 && matches!(chars[i], '零' | '〇' | '○') {
            return Err(i + 1);
        }
        // `4.05 万亿元`: digits set apart from their scale by a space.
        if !n.chinese
            && !n.ends_with_scale
            && chars.get(n.end) == Some(&' ')
            && matches!(chars.get(n.end + 1), Some('万' | '亿' | '萬' | '億'))
            && let Some(scale) = read_number(chars, n.end + 1, chars.len()).filter(|m| m.bare_scale)
        {
            n.value *= scale.value;
            n.end = scale.end;
            n.ends_with_scale = true;
        }
        // `4860千瓦`: the 千 belongs to the unit.
        if n.ends_with_scale && n.end > i + 1 && starts_with_any(chars, n.end - 1, PREFIXED).is_some() {
            n = read_number(chars, i, n.end - 1).ok_or(n.end)?;
        }
        // `三分之一`
        if let Some(len) = starts_with(chars, n.end, "分之") {
            let Some(m) = read_number(chars, n.end + len, chars.len()) else { return Err(n.end) };
            if n.value == 0.0 {
                return Err(m.end);
            }
            return Ok(Draft::number(i, m.end, Kind::Percent, m.value / n.value * 100.0, "%"));
        }
        // Bare 百/千/万 stand for a number only when qualified: `逾百项`, `百余吨`.
        if n.bare_scale && n.value > 10.0 {
            // `十万人次`, `十亿元` are plain numbers.
            let tens = matches!(chars[i], '十' | '拾') && n.end - i >= 2;
            // `千万元以上项目`, `亿元以下`: a threshold is qualified after its unit.
            let threshold = match_unit(chars, n.end).is_some_and(|(_, len)| approx_after(chars, n.end + len).is_some());
            let qualified = tens
                || threshold
                || approx_before(chars, i, self.floor).is_some()
                || matches!(chars.get(n.end), Some('余' | '多'))
                || self.bare_amount_of_money(i, n.end);
            // `超过万科`, `超万达`: a bare 万/亿 that begins a name (one word with what follows,
            // and no unit after it) is no amount.
            let in_name = self.token_at(n.end - 1).is_some_and(|t| t.end > n.end)
                && !matches!(chars.get(n.end), Some('余' | '多' | '餘' | '来' | '來' | '几' | '幾'))
                && match_unit(chars, n.end).is_none();
            if !qualified || in_name {
                return Err(n.end);
            }
        }

        // A range: `2-3所`, `10万-15万元`, `两到三万`.
        let mut low_high = None;
        // `三四百人`, `两三个`, `七八成`: two neighbouring digits share the scale after them.
        if n.chinese
            && let Some(d1) = single_digit(chars[i])
            && let Some(&c2) = chars.get(i + 1)
            && single_digit(c2) == Some(d1 + 1)
            && chars.get(i + 2).is_none_or(|c| single_digit(*c).is_none())
            && let Some(n2) = read_number(chars, i + 1, chars.len())
            && !n2.decimal
        {
            let scale = n2.value / (d1 + 1) as f64;
            if scale >= 1.0 && scale.fract() == 0.0 {
                low_high = Some((d1 as f64 * scale, n2.value));
                n = n2;
            }
        }
        let mut pos = n.end;
        if low_high.is_none()
            && let Some(&sep) = chars.get(pos)
            && RANGE_SEPS.contains(&sep)
            && let Some(n2) = read_number(chars, pos + 1, chars.len())
            && n2.chinese == n.chinese
            && n2.value > 0.0
        {
            let low = shared_scale(chars, &n, &n2);
            if low < n2.value && !self.change_then_level(i, sep, low, n2.value) {
                low_high = Some((low, n2.value));
                pos = n2.end;
            }
        }

        let mut approx = None;
        if let Some(c) = chars.get(pos)
            && matches!(c, '余' | '多' | '餘')
        {
            approx = Some(Approx::Over);
            pos += 1;
            // `3000余万元`, `2亿多元`: the scale comes after the qualifier.
            if low_high.is_none()
                && let Some(k) = chars.get(pos).and_then(|c| big_scale(*c))
                && match_unit(chars, pos + 1).is_some()
            {
                n.value *= k;
                pos += 1;
            }
        }
        // `一个半月`, `两个半小时`: the half comes between 个 and the unit.
        let mut half = false;
        if low_high.is_none()
            && let Some(k) = starts_with(chars, pos, "个半")
            && starts_with_any(chars, pos + k, &["月", "小时", "钟头", "工作日"]).is_some()
        {
            half = true;
            pos += k;
        }
        let mut unit_at = pos;
        while chars.get(unit_at) == Some(&' ') && unit_at - pos < 4 {
            unit_at += 1;
        }
        // `銷貨額達324億年升13.7%`: 年 before a rise or fall is year-on-year, not years.
        let year_on_year = pos > i
            && big_scale(chars[pos - 1]).is_some()
            && chars.get(unit_at) == Some(&'年')
            && matches!(chars.get(unit_at + 1), Some('升' | '跌' | '增' | '減' | '减' | '降'));
        let (unit, ulen) = match match_unit(chars, unit_at).filter(|_| !year_on_year) {
            Some(hit) => hit,
            // `总投资13.5亿`, `美金500万`: a bare 万/亿 amount that a money word governs.
            None => {
                // `1,000多億`, `200多万`: the scale comes after the qualifier.
                if approx.is_some()
                    && low_high.is_none()
                    && let Some(k) = chars.get(pos).and_then(|c| big_scale(*c))
                {
                    n.value *= k;
                    pos += 1;
                }
                let ends_big = pos > i && big_scale(chars[pos - 1]).is_some();
                // `约1000万DAU`, `4000万MAU`: a count of what the capitals name.
                let caps = (pos..chars.len()).take_while(|&k| chars[k].is_ascii_uppercase()).count();
                if ends_big
                    && (2..=4).contains(&caps)
                    && !chars.get(pos + caps).is_some_and(|c| c.is_ascii_alphanumeric())
                    && currency_before(chars, self.number_start(i)).is_none()
                {
                    let word: String = chars[pos..pos + caps].iter().collect();
                    if !matches!(word.as_str(), "RMB" | "CNY" | "USD" | "HKD" | "EUR" | "JPY" | "GBP") {
                        let mut d = Draft::number(i, pos + caps, Kind::Count, n.value, &word);
                        d.approx = approx;
                        return Ok(d);
                    }
                }
                let Some(currency) = ends_big.then(|| self.governing_currency(i, pos)).flatten() else {
                    if let Some(d) = self.headcount(i, &n, pos, low_high, approx) {
                        return Ok(d);
                    }
                    if let Some(currency) = self.money_as_before(i, pos) {
                        let mut d = Draft::number(i, pos, Kind::Money, n.value, currency);
                        if let Some((lo, hi)) = low_high {
                            d.value = None;
                            d.low = Some(lo);
                            d.high = Some(hi);
                        }
                        d.approx = approx;
                        return Ok(d);
                    }
                    // `下降0.71、0.94和0.62个百分点`, `7、8月`: the unit the list ends with.
                    let shared = if low_high.is_none() { lists::shared_unit(chars, i, &n, pos) } else { None };
                    let mut d = match shared {
                        Some(lists::Shared::Unit(u, v)) => Draft::number(i, pos, u.kind, v, u.unit),
                        Some(lists::Shared::Date(v)) => {
                            let hit = dates::DateHit { end: pos, value: Some(v), low: None, high: None };
                            return Ok(Draft::date(i, hit));
                        }
                        None => return Err(pos),
                    };
                    d.approx = approx;
                    return Ok(d);
                };
                let mut d = Draft::number(i, pos, Kind::Money, n.value, currency);
                if let Some((lo, hi)) = low_high {
                    d.value = None;
                    d.low = Some(lo);
                    d.high = Some(hi);
                }
                d.approx = approx;
                return Ok(d);
            }
        };
        let mut end = unit_at + ulen;
        self.unit_fits(i, &n, &unit, unit_at, end)?;

        let mut value = n.value + if half { 0.5 } else { 0.0 };
        let mut kind = unit.kind;
        let mut unit_name = unit.unit.to_string();
        match unit.written {
            "成" => {
                if value > 10.0 {
                    return Err(end);
                }
                value *= 10.0;
                // `七成六` = 76%, `三成半` = 35%.
                if let Some(d) = chars.get(end).and_then(|c| single_digit(*c))
                    && !chars.get(end + 1).is_some_and(|c| is_cn_numeral_char(*c) || arabic_digit(*c).is_some())
                    && match_unit(chars, end + 1).is_none()
                {
                    value += d as f64;
                    end += 1;
                }
            }
            "折" => {
                if value < 10.0 {
                    value *= 10.0;
                } else if value >= 100.0 {
                    return Err(end);
                }
            }
            // `12.16‰`, `30个基点`: divided, so 12.16‰ is 1.216 exactly as written.
            _ if unit.factor < 1.0 => value /= (1.0 / unit.factor).round(),
            _ => value *= unit.factor,
        }
        // `两个多月`, `一个多小时`: 个 counts the months.
        if matches!(unit.written, "个" | "個")
            && low_high.is_none()
            && matches!(chars.get(end), Some('多' | '余' | '餘'))
            && let Some((w, l)) = starts_with_any(chars, end + 1, &["月", "小时", "小時", "星期", "钟头", "鐘頭"])
        {
            kind = Kind::Duration;
            unit_name = match w {
                "月" => "月",
                "星期" => "周",
                _ => "小时",
            }
            .into();
            approx = Some(Approx::Over);
            end += 1 + l;
        }
        // `一年多`, `三年多来`: over so many years (not `3天多云`, `3年多家企业`).
        if kind == Kind::Duration
            && approx.is_none()
            && low_high.is_none()
            && matches!(chars.get(end), Some('多' | '余' | '餘'))
            && !matches!(chars.get(end + 1), Some('云' | '雲' | '次' | '数' | '數'))
            && (match_unit(chars, end + 1).is_none() || starts_with(chars, end + 1, "时间").is_some())
        {
            approx = Some(Approx::Over);
            end += 1;
        }
        // `一年半`, `三斤半`, `三成半`.
        if chars.get(end) == Some(&'半')
            && matches!(kind, Kind::Duration | Kind::Quantity | Kind::Percent)
            && low_high.is_none()
        {
            value += 0.5 * if unit.written == "成" { 10.0 } else { 1.0 };
            end += 1;
        }
        // `四个半三峡`: four and a half of them; not `三个半导体项目`, where 半 starts a word.
        if matches!(unit.written, "个" | "個")
            && kind == Kind::Count
            && low_high.is_none()
            && chars.get(end) == Some(&'半')
            && self.token_at(end).is_some_and(|t| t.start == end && t.end == end + 1)
        {
            value += 0.5;
            end += 1;
        }
        // `三块五`, `售价三块`: 块 counts yuan after a price or a spend, or before 五 (jiao).
        if unit.written == "块" && low_high.is_none() && n.value < 1000.0 {
            let jiao = chars.get(end).and_then(|c| single_digit(*c)).filter(|_| {
                !chars.get(end + 1).is_some_and(|c| is_cn_numeral_char(*c) || arabic_digit(*c).is_some() || is_han(*c))
            });
            if let Some(d) = jiao {
                kind = Kind::Money;
                unit_name = "元".into();
                value += d as f64 / 10.0;
                end += 1;
            } else if !chars.get(end).is_some_and(|c| is_han(*c)) && money::price_before(chars, self.number_start(i)) {
                kind = Kind::Money;
                unit_name = "元".into();
            }
        }
        // `五元三毛`, `50元6角三分`, `两美元又三美分`.
        if kind == Kind::Money && low_high.is_none() {
            let (extra, e) = money_fraction(chars, end, &unit_name);
            value += extra;
            end = e;
        }
        // `20%-30%`, `5%至8%`, `3万元至5万元`: a range with the unit written twice.
        if low_high.is_none()
            && approx.is_none()
            && unit.factor == 1.0
            && let Some(&sep) = chars.get(end)
            && RANGE_SEPS.contains(&sep)
            && let Some(n2) = read_number(chars, end + 1, chars.len())
            && n2.chinese == n.chinese
            && let Some((u2, l2)) = match_unit(chars, n2.end)
            && u2.unit == unit.unit
            && n2.value > n.value
            && !self.change_then_level(i, sep, value, n2.value * u2.factor)
        {
            let mut d = Draft::number(i, n2.end + l2, kind, 0.0, &unit_name);
            d.value = None;
            d.low = Some(value);
            d.high = Some(n2.value * u2.factor);
            return Ok(d);
        }
        // `235亿元至239亿`, `331亿元—391亿`: the unit written at the first end only, the
        // second end in the same scale and nothing after it that names another unit.
        if low_high.is_none()
            && approx.is_none()
            && unit.factor == 1.0
            && n.end > i
            && big_scale(chars[n.end - 1]).is_some()
            && let Some(&sep) = chars.get(end)
            && RANGE_SEPS.contains(&sep)
            && let Some(n2) = read_number(chars, end + 1, chars.len())
            && n2.chinese == n.chinese
            && chars[n2.end - 1] == chars[n.end - 1]
            && match_unit(chars, n2.end).is_none()
            && !chars.get(n2.end).is_some_and(|c| c.is_ascii_alphanumeric())
            && n2.value > n.value
            && !self.change_then_level(i, sep, value, n2.value)
        {
            let mut d = Draft::number(i, n2.end, kind, 0.0, &unit_name);
            d.value = None;
            d.low = Some(value);
            d.high = Some(n2.value);
            return Ok(d);
        }
        // Counting positions: `第2位` is handled by `ordinal`; `位列25名` here.
        if matches!(unit.written, "位" | "名") && (self.rank_verb_before(i) || self.ranking_moves(i)) {
            kind = Kind::Rank;
        }
        // A count of one written 一 is optional in the spec; most are idioms (`一起`, `一线`).
        // A lone 二 before a measure word is an ordinal (`二期工程`, `二次污染`): two is 两.
        // (`前二名`, `后二位` are the top and bottom two.)
        if kind == Kind::Count
            && n.chinese
            && n.end - i == 1
            && matches!(chars[i], '一' | '二' | '壹' | '贰' | '貳')
            && !(chars[i] == '二' && i > 0 && matches!(chars[i - 1], '前' | '后' | '後'))
        {
            return Err(end);
        }
        // `二元母猪`, `二元结构`: two yuan is 两元; 二元 is a word.
        if kind == Kind::Money && n.chinese && n.end - i == 1 && chars[i] == '二' && unit.written == "元" {
            return Err(end);
        }
        if kind == Kind::Money && unit.unit == "元" && unit.written == "人民币" {
            unit_name = "元".into();
        }
        // `63.5万艘次`, `1.2万辆次`: a measure word with 次 counts occasions.
        if kind == Kind::Count && unit.written.chars().count() == 1 && chars.get(end) == Some(&'次') {
            unit_name.push('次');
            end += 1;
        }
        // `0.4010吨标准煤/万元`, `500公斤/亩`: a rate keeps its denominator in the unit.
        if kind == Kind::Quantity
            && chars.get(end) == Some(&'/')
            && let Some((w, l)) = starts_with_any(chars, end + 1, RATE_DENOMINATORS)
            && !chars.get(end + 1 + l).is_some_and(|c| is_han(*c))
        {
            unit_name = format!("{unit_name}/{w}");
            end += 1 + l;
        }
        // `545.88元/股`, `26.71元/公斤`: a price keeps what it is per in the unit.
        if kind == Kind::Money
            && chars.get(end) == Some(&'/')
            && let Some((w, l)) = starts_with_any(chars, end + 1, money::PRICE_DENOMINATORS)
        {
            unit_name = format!("{unit_name}/{w}");
            end += 1 + l;
        }
        // `港币1000万元`, `1000万元港币`: the currency word before or after decides.
        if kind == Kind::Money && unit.unit == "元" {
            if let Some((u2, l2)) = match_unit(chars, end)
                && u2.kind == Kind::Money
                && u2.unit != "元"
            {
                unit_name = u2.unit.into();
                end += l2;
            } else if let Some(currency) = currency_before(chars, self.number_start(i)) {
                unit_name = currency.into();
            }
        }
        let mut d = Draft::number(i, end, kind, value, &unit_name);
        if let Some((lo, hi)) = low_high {
            let f = if unit.written == "成" || (unit.written == "折" && hi < 10.0) { 10.0 } else { unit.factor };
            d.value = None;
            d.low = Some(lo * f);
            d.high = Some(hi * f);
        }
        d.approx = approx;
        Ok(d)
    }

    fn token_at(&self, pos: usize) -> Option<&Token> {
        // Lookups move forward through the text: search near the last one.
        let k = partition_from(self.tokens, self.hint.get(), |t| t.end <= pos);
        self.hint.set(k);
        self.tokens.get(k).filter(|t| t.start <= pos)
    }

    /// Qualifiers before and after, sign, change, and the name/idiom checks.
    fn finish(&self, mut d: Draft) -> Result<Figure, Skip> {
        let chars = self.chars;
        if d.kind != Kind::Date {
            if let Some((a, len)) = approx_after(chars, d.end) {
                d.approx = Some(a);
                d.end += len;
            }
            // `2×34万千瓦机组`: so many generating units of that power.
            if d.kind == Kind::Quantity
                && d.start >= 2
                && matches!(chars[d.start - 1], '×' | '*' | 'x' | 'X')
                && d.unit.as_deref().is_some_and(|u| matches!(u, "千瓦" | "万千瓦" | "兆瓦" | "瓦" | "GW"))
                && let Some(k) = arabic_digit(chars[d.start - 2])
                && (d.start == 2
                    || !chars[d.start - 3].is_ascii_alphanumeric() && arabic_digit(chars[d.start - 3]).is_none())
                && k > 0
                && let Some(Value::Number(v)) = &mut d.value
            {
                *v *= k as f64;
                d.start -= 2;
            }
            if let Some((a, len)) = approx_before(chars, d.start, self.floor)
                && d.kind != Kind::Rank
            {
                d.approx.get_or_insert(a);
                d.start -= len;
            } else if d.approx.is_none() && d.kind != Kind::Rank {
                // `約新台幣9,000億元`, `约合人民币3亿元`: the qualifier stands before the currency word.
                let before = match currency_word_before(chars, d.start) {
                    Some(n) if d.kind == Kind::Money && d.start >= self.floor + n => d.start - n,
                    _ => d.start,
                };
                d.approx = approx_before(chars, before, self.floor)
                    .map(|(a, _)| a)
                    .filter(|_| before < d.start)
                    .or_else(|| approx_linked(chars, before, self.floor));
            }
            // A sign: `负3.9%`, `-22.2%`.
            if matches!(d.kind, Kind::Percent | Kind::Quantity | Kind::Money)
                && d.start > self.floor
                && let Some(&s) = chars.get(d.start.wrapping_sub(1))
                && (s == '负'
                    || (matches!(s, '-' | '－')
                        && !(d.start >= 2
                            && (chars[d.start - 2].is_ascii_alphanumeric()
                                || arabic_digit(chars[d.start - 2]).is_some()))))
            {
                d.start -= 1;
                for v in [&mut d.low, &mut d.high] {
                    *v = v.map(|x| -x);
                }
                if let Some(Value::Number(v)) = &mut d.value {
                    *v = -*v;
                }
            }
        }
        if in_short_quote(chars, d.start, d.end) || in_idiom(chars, d.start, d.end) || in_tally(chars, d.start, d.end) {
            return Err(d.end);
        }
        let change =
            if d.kind == Kind::Date || d.kind == Kind::Rank { None } else { change_before(chars, d.start, self.floor) };
        Ok(Figure {
            text: units::string_of(&chars[d.start..d.end]),
            start: d.start,
            end: d.end,
            kind: d.kind,
            value: d.value,
            unit: d.unit,
            approx: d.approx,
            low: d.low,
            high: d.high,
            change,
            label: None,
            subject: None,
            period: None,
        })
    }
}

/// `v.partition_point(pred)` for a `pred` true on a prefix of `v`, searched by
/// galloping out from `hint`: lookups that move a little through a long token
/// list cost a few comparisons instead of a binary search over all of it.
pub(crate) fn partition_from<T>(v: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let n = v.len();
    let hint = hint.min(n);
    let (lo, hi) = if hint < n && pred(&v[hint]) {
        // The answer is after `hint`.
        let (mut lo, mut step) = (hint + 1, 1);
        let mut hi = lo;
        while hi < n && pred(&v[hi]) {
            lo = hi + 1;
            step *= 2;
            hi = lo + step;
        }
        (lo, hi.min(n))
    } else {
        // The answer is at or before `hint`.
        let (mut hi, mut step) = (hint, 1);
        let mut lo = hint.saturating_sub(1);
        while lo > 0 && !pred(&v[lo]) {
            hi = lo;
            step *= 2;
            lo = lo.saturating_sub(step);
        }
        (lo, hi)
    };
    lo + v[lo..hi].partition_point(pred)
}

/// The low end of a range whose scale may be written only once: `两到三万` → 20000.
fn shared_scale(chars: &[char], n: &Numeral, n2: &Numeral) -> f64 {
    if n.ends_with_scale || !n2.ends_with_scale {
        return n.value;
    }
    let scale = match chars[n2.end - 1] {
        '万' | '萬' => 1.0e4,
        '亿' | '億' => 1.0e8,
        '千' | '仟' => 1.0e3,
        '百' | '佰' => 1.0e2,
        _ => 1.0,
    };
    if n.value * scale <= n2.value { n.value * scale } else { n.value }
}

/// 万 and 亿 (simplified and traditional) as multipliers.
/// `212億的收入`, `1500億新資源`, `1,000多億（綜合）盈餘`: a money noun right after a bare
/// amount, past a short note in brackets, or past 的 and a modifier of up to two chars.
fn money_noun_after(chars: &[char], end: usize) -> bool {
    let mut k = end;
    if matches!(chars.get(k), Some('（' | '(')) {
        match (k + 1..(k + 8).min(chars.len())).find(|&j| matches!(chars[j], '）' | ')')) {
            Some(j) => k = j + 1,
            None => return false,
        }
    }
    if chars.get(k) != Some(&'的') {
        return starts_with_any(chars, k, MONEY_NOUNS_AFTER).is_some();
    }
    // `824億的房屋儲備金`: after 的, a short modifier may come first.
    (k + 1..(k + 4).min(chars.len()))
        .take_while(|&j| j == k + 1 || is_han(chars[j - 1]))
        .any(|j| starts_with_any(chars, j, MONEY_NOUNS_AFTER).is_some())
}

fn big_scale(c: char) -> Option<f64> {
    match c {
        '万' | '萬' => Some(1.0e4),
        '亿' | '億' => Some(1.0e8),
        _ => None,
    }
}

fn single_digit(c: char) -> Option<u32> {
    arabic_digit(c).or(match c {
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    })
}

/// Is `chars[from..to]` exactly a qualifier such as 超 or 近 (`超千人` is one token)?
fn qualifier_spans(chars: &[char], from: usize, to: usize) -> bool {
    approx_before(chars, to, from).is_some_and(|(_, len)| to - len == from)
}

#[cfg(test)]
mod start_tests {
    /// The table built from `START_LIST` answers as `may_start` on every char of the BMP.
    #[test]
    fn start_table_is_may_start() {
        for c in (0..0x10000).filter_map(char::from_u32) {
            assert_eq!(super::START_CHARS.may_start(c), super::may_start(c), "{c:?}");
        }
    }
}
