//! The unit lexicon: what may follow a number, which kind of figure it makes,
//! and the unit it is reported in.

use crate::fasthash::FxHashMap;
use crate::model::Kind;
use std::sync::LazyLock;

/// One way of writing a unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// As written in the text.
    pub written: &'static str,
    pub kind: Kind,
    /// The unit the figure is reported in.
    pub unit: &'static str,
    /// Multiplier applied to the number (`成` → 10, `千分之` handled elsewhere).
    pub factor: f64,
}

const fn u(written: &'static str, kind: Kind, unit: &'static str) -> Unit {
    Unit { written, kind, unit, factor: 1.0 }
}

const fn uf(written: &'static str, kind: Kind, unit: &'static str, factor: f64) -> Unit {
    Unit { written, kind, unit, factor }
}

use Kind::*;

/// Currencies. `元` is the base; 人民币 is reported as 元.
const MONEY: &[Unit] = &[
    u("元人民币", Money, "元"),
    u("元", Money, "元"),
    u("圆", Money, "元"),
    u("块钱", Money, "元"),
    u("人民币", Money, "元"),
    u("美元", Money, "美元"),
    u("美圆", Money, "美元"),
    u("美金", Money, "美元"),
    u("欧元", Money, "欧元"),
    u("港元", Money, "港元"),
    u("港币", Money, "港元"),
    u("日元", Money, "日元"),
    u("英镑", Money, "英镑"),
    u("新台币", Money, "新台币"),
    u("台币", Money, "新台币"),
    u("韩元", Money, "韩元"),
    u("卢布", Money, "卢布"),
    u("瑞士法郎", Money, "瑞士法郎"),
    u("法郎", Money, "法郎"),
    u("澳元", Money, "澳元"),
    u("加元", Money, "加元"),
    u("新加坡元", Money, "新加坡元"),
    u("泰铢", Money, "泰铢"),
    u("卢比", Money, "卢比"),
    u("奈拉", Money, "奈拉"),
    u("比特币", Money, "比特币"),
    u("个比特币", Money, "比特币"),
    u("個比特幣", Money, "比特币"),
    u("比特幣", Money, "比特币"),
    // Traditional forms (Hong Kong, Taiwan).
    u("元人民幣", Money, "元"),
    u("人民幣", Money, "元"),
    u("美圓", Money, "美元"),
    u("歐元", Money, "欧元"),
    u("港幣", Money, "港元"),
    u("日圓", Money, "日元"),
    u("日圆", Money, "日元"),
    u("英鎊", Money, "英镑"),
    u("新台幣", Money, "新台币"),
    u("台幣", Money, "新台币"),
    u("韓元", Money, "韩元"),
    u("盧布", Money, "卢布"),
    u("泰銖", Money, "泰铢"),
    u("盧比", Money, "卢比"),
    u("澳門元", Money, "澳门元"),
    u("澳门元", Money, "澳门元"),
    u("澳門幣", Money, "澳门元"),
    u("澳门币", Money, "澳门元"),
    u("塊錢", Money, "元"),
];

const PERCENT: &[Unit] = &[
    u("%", Percent, "%"),
    u("％", Percent, "%"),
    u("个百分点", Percent, "百分点"),
    u("個百分點", Percent, "百分点"),
    u("百分点", Percent, "百分点"),
    u("百分點", Percent, "百分点"),
    uf("成", Percent, "%", 10.0),
    uf("折", Percent, "%", 10.0),
    uf("‰", Percent, "%", 0.1),
    // A basis point is a hundredth of a percentage point.
    uf("个基点", Percent, "百分点", 0.01),
    uf("個基點", Percent, "百分点", 0.01),
    uf("基点", Percent, "百分点", 0.01),
    uf("基點", Percent, "百分点", 0.01),
    uf("bps", Percent, "百分点", 0.01),
    uf("bp", Percent, "百分点", 0.01),
    uf("BP", Percent, "百分点", 0.01),
    // A multiple, as written (`增长1.5倍`, `40-70x`).
    u("倍", Percent, "倍"),
    u("x", Percent, "倍"),
];

/// Durations.
const DURATION: &[Unit] = &[
    u("个工作日", Duration, "工作日"),
    u("工作日", Duration, "工作日"),
    u("个小时", Duration, "小时"),
    u("個小時", Duration, "小时"),
    u("小時", Duration, "小时"),
    u("個工作日", Duration, "工作日"),
    u("週", Duration, "周"),
    u("小时", Duration, "小时"),
    u("钟头", Duration, "小时"),
    u("分钟", Duration, "分钟"),
    u("秒钟", Duration, "秒"),
    u("个星期", Duration, "周"),
    u("星期", Duration, "周"),
    u("个月", Duration, "月"),
    u("個月", Duration, "月"),
    u("个季度", Duration, "季度"),
    // `創11季新高`, `連續3季`: quarters counted (checked in `unit_fits`; `四季` are seasons).
    u("季", Duration, "季"),
    u("昼夜", Duration, "天"),
    u("天", Duration, "天"),
    u("周", Duration, "周"),
    u("年", Duration, "年"),
    u("月", Duration, "月"),
    u("日", Duration, "天"),
];

/// Physical quantities; the unit is reported as written, synonyms folded.
const QUANTITY: &[Unit] = &[
    u("立方米每秒", Quantity, "立方米每秒"),
    u("立方米/秒", Quantity, "立方米每秒"),
    u("立方米", Quantity, "立方米"),
    u("立方", Quantity, "立方米"),
    u("平方公里", Quantity, "平方公里"),
    u("平方千米", Quantity, "平方公里"),
    u("平方米", Quantity, "平方米"),
    u("平米", Quantity, "平方米"),
    u("平方", Quantity, "平方米"),
    // Property news: `76.06万平` (checked in `unit_fits`).
    u("平", Quantity, "平方米"),
    u("公里/小时", Quantity, "公里/小时"),
    u("千米/小时", Quantity, "公里/小时"),
    u("米/秒", Quantity, "米/秒"),
    u("公里", Quantity, "公里"),
    u("千米", Quantity, "公里"),
    u("厘米", Quantity, "厘米"),
    u("公分", Quantity, "厘米"),
    u("毫米", Quantity, "毫米"),
    u("微米", Quantity, "微米"),
    u("纳米", Quantity, "纳米"),
    u("海里", Quantity, "海里"),
    u("英里", Quantity, "英里"),
    u("英尺", Quantity, "英尺"),
    u("英寸", Quantity, "英寸"),
    u("米", Quantity, "米"),
    u("公顷", Quantity, "公顷"),
    u("亩", Quantity, "亩"),
    u("吨标准煤", Quantity, "吨标准煤"),
    u("吨/年", Quantity, "吨/年"),
    u("吨", Quantity, "吨"),
    u("微克/立方米", Quantity, "微克/立方米"),
    u("毫克/立方米", Quantity, "毫克/立方米"),
    u("μg/m³", Quantity, "微克/立方米"),
    u("mg/m³", Quantity, "毫克/立方米"),
    u("毫克/升", Quantity, "毫克/升"),
    u("千克", Quantity, "千克"),
    u("公斤", Quantity, "千克"),
    u("毫克", Quantity, "毫克"),
    u("微克", Quantity, "微克"),
    u("克", Quantity, "克"),
    u("斤", Quantity, "斤"),
    u("千瓦时", Quantity, "千瓦时"),
    u("兆瓦时", Quantity, "兆瓦时"),
    u("千瓦", Quantity, "千瓦"),
    u("兆瓦", Quantity, "兆瓦"),
    u("瓦时", Quantity, "瓦时"),
    u("瓦時", Quantity, "瓦时"),
    u("瓦", Quantity, "瓦"),
    u("度电", Quantity, "千瓦时"),
    u("度", Quantity, "千瓦时"),
    u("千伏安", Quantity, "千伏安"),
    u("兆伏安", Quantity, "兆伏安"),
    u("千伏", Quantity, "千伏"),
    u("伏", Quantity, "伏"),
    u("毫升", Quantity, "毫升"),
    u("公升", Quantity, "升"),
    u("升", Quantity, "升"),
    u("周岁", Quantity, "岁"),
    u("週歲", Quantity, "岁"),
    u("歲", Quantity, "岁"),
    u("噸", Quantity, "吨"),
    u("畝", Quantity, "亩"),
    u("公頃", Quantity, "公顷"),
    u("千瓦時", Quantity, "千瓦时"),
    u("平方公裡", Quantity, "平方公里"),
    u("岁", Quantity, "岁"),
    u("摄氏度", Quantity, "摄氏度"),
    u("℃", Quantity, "摄氏度"),
    u("标准箱", Quantity, "标准箱"),
    u("标箱", Quantity, "标箱"),
    u("標箱", Quantity, "标箱"),
    u("载重吨", Quantity, "载重吨"),
    u("載重噸", Quantity, "载重吨"),
    u("吨公里", Quantity, "吨公里"),
    u("人公里", Quantity, "人公里"),
    u("千升", Quantity, "千升"),
    u("点", Quantity, "点"),
    u("點", Quantity, "点"),
    u("马力", Quantity, "马力"),
    // The traditional weight (50 g): `二两`, `三十两`; checked in `unit_fits`.
    u("两", Quantity, "两"),
    u("千字节", Quantity, "千字节"),
    u("兆字节", Quantity, "兆字节"),
    u("字节", Quantity, "字节"),
    u("千比特", Quantity, "千比特"),
    u("比特", Quantity, "比特"),
    u("兆赫兹", Quantity, "兆赫兹"),
    u("千赫兹", Quantity, "千赫兹"),
    u("赫兹", Quantity, "赫兹"),
    u("千卡", Quantity, "千卡"),
    // Coal is graded by its heat (`5500大卡动力煤`): kilocalories, as written.
    u("大卡", Quantity, "大卡"),
    u("分贝", Quantity, "分贝"),
    // Score points (`团体总分4619分`, `600分以上`); checked in `unit_fits`.
    u("分", Quantity, "分"),
    u("光年", Quantity, "光年"),
    u("t/a", Quantity, "t/a"),
    u("t/h", Quantity, "t/h"),
    u("m³/s", Quantity, "立方米每秒"),
    u("m³", Quantity, "立方米"),
    u("m²", Quantity, "平方米"),
    u("km²", Quantity, "平方公里"),
    u("km/h", Quantity, "公里/小时"),
    u("km", Quantity, "公里"),
    u("KM", Quantity, "公里"),
    u("cm", Quantity, "厘米"),
    u("CM", Quantity, "厘米"),
    u("mm", Quantity, "毫米"),
    u("m", Quantity, "米"),
    u("kg", Quantity, "千克"),
    u("KG", Quantity, "千克"),
    u("t", Quantity, "吨"),
    u("kWh", Quantity, "千瓦时"),
    u("kW", Quantity, "千瓦"),
    u("KW", Quantity, "千瓦"),
    u("MW", Quantity, "兆瓦"),
    u("GW", Quantity, "GW"),
    u("GWh", Quantity, "GWh"),
    u("MWh", Quantity, "MWh"),
    u("TWh", Quantity, "TWh"),
    u("kV", Quantity, "千伏"),
    u("TEU", Quantity, "标准箱"),
    // Hong Kong feet and inches.
    u("平方呎", Quantity, "平方呎"),
    u("方呎", Quantity, "平方呎"),
    u("呎", Quantity, "呎"),
    u("吋", Quantity, "吋"),
];

/// Measure words that count things; reported as written.
const COUNT: &[&str] = &[
    "人次",
    "户次",
    "批次",
    "车次",
    "架次",
    "台次",
    "家次",
    "项次",
    "剂次",
    "场次",
    "班次",
    "航次",
    "件次",
    "例次",
    "个",
    "個",
    "人",
    "户",
    "戶",
    "家",
    "项",
    "項",
    "名",
    "位",
    "座",
    "条",
    "台",
    "次",
    "批",
    "所",
    "处",
    "块",
    "栋",
    "幢",
    "套",
    "艘",
    "堂",
    "支",
    "段",
    "道",
    "份",
    "趟",
    "组",
    "县",
    // `云南、贵州两省`, `三省(区)`: provinces counted after their list.
    "省",
    "部门",
    "辆",
    // Wagon loads (`日均装车14.8万车`); checked in `unit_fits`.
    "车",
    "架",
    "张",
    "件",
    "只",
    "头",
    "羽",
    "匹",
    "棵",
    "株",
    "种",
    "类",
    "场",
    "届",
    "篇",
    "本",
    "册",
    "间",
    "层",
    "根",
    "片",
    "起",
    "宗",
    "笔",
    "例",
    "轮",
    "门",
    "所",
    "校",
    "村",
    "镇",
    "乡",
    "部",
    "款",
    "颗",
    "枚",
    "副",
    "把",
    "节",
    "集",
    "期",
    "票",
    "盒",
    "箱",
    "袋",
    "包",
    "瓶",
    "剂",
    "孔",
    "眼",
    "口",
    "床",
    "盏",
    "队",
    "员",
    "单",
    "对",
    "串",
    "台套",
    "客位",
    "床位",
    "艘次",
    "辆次",
    "大",
    "人(次)",
    "人（次）",
    "間",
    "條",
    "張",
    "輛",
    "臺",
    "場",
    "處",
    "棟",
    "擔",
    "筆",
    "股",
    "幅",
    "省市",
    "省份",
    "地市",
    "县区",
    "縣區",
    "区县",
    "區縣",
    "县市",
    "縣市",
    "省区市",
    "省區市",
    "市（州）",
    "市(州)",
];

/// Units that follow a 千/兆 that must not be read as a scale (`4860千瓦` is 4860 千瓦).
pub const PREFIXED: &[&str] =
    &["千瓦", "千米", "千克", "千伏", "千卡", "千升", "千字节", "千比特", "千赫兹", "兆瓦", "兆伏", "兆字节", "兆赫兹"];

struct Lexicon {
    /// Asked at every number's end: hashed with Fx, not SipHash (a char is one multiply).
    by_first: FxHashMap<char, Vec<Unit>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut by_first: FxHashMap<char, Vec<Unit>> = FxHashMap::default();
    let counts = COUNT.iter().map(|w| {
        let unit = match *w {
            "人(次)" | "人（次）" => "人次",
            "個" => "个",
            "項" => "项",
            "戶" => "户",
            "間" => "间",
            "條" => "条",
            "張" => "张",
            "輛" => "辆",
            "臺" => "台",
            "場" => "场",
            "處" => "处",
            "棟" => "栋",
            "擔" => "担",
            "筆" => "笔",
            w => w,
        };
        u(w, Count, unit)
    });
    for unit in MONEY.iter().chain(PERCENT).chain(DURATION).chain(QUANTITY).copied().chain(counts) {
        let first = unit.written.chars().next().expect("unit is not empty");
        by_first.entry(first).or_default().push(unit);
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|u| std::cmp::Reverse(u.written.chars().count()));
    }
    Lexicon { by_first }
});

/// The longest unit written at `chars[i..]`, with its length in chars.
pub fn match_unit(chars: &[char], i: usize) -> Option<(Unit, usize)> {
    let list = LEXICON.by_first.get(chars.get(i)?)?;
    // Spaced-out writing (`个 百 分 点`) is matched with the spaces skipped.
    let spaced = chars[i + 1..chars.len().min(i + 6)].contains(&' ');
    // Every unit of the list opens with `chars[i]` (the list is found by it): unspaced, a unit
    // is compared from its second char on, and most are turned away by that char's last byte.
    let first = chars[i].len_utf8();
    let second = chars.get(i + 1).map(|&c| (c.len_utf8(), last_byte(c)));
    list.iter().find_map(|unit| {
        let n = if spaced {
            starts_with_spaced(chars, i, unit.written)?
        } else {
            let rest = &unit.written.as_bytes()[first..];
            if !rest.is_empty() {
                let (n, last) = second?;
                if rest.len() < n || rest[n - 1] != last {
                    return None;
                }
            }
            1 + starts_with_bytes(chars, i + 1, rest)?
        };
        // An ASCII unit must not run on into a longer Latin word (`5G`, `3mm` handled by the lexicon).
        if unit.written.is_ascii() && chars.get(i + n).is_some_and(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        Some((*unit, n))
    })
}

/// If `chars[i..]` starts with `word`, its length in chars.
#[inline(always)]
pub fn starts_with(chars: &[char], i: usize, word: &str) -> Option<usize> {
    // Compared as UTF-8 bytes (`word` is never decoded): most misses are told here by one
    // byte, where the call is inlined into a loop over a word list.
    let b = word.as_bytes();
    if let Some(&c) = chars.get(i)
        && let n = c.len_utf8()
        && b.len() >= n
        && b[n - 1] != last_byte(c)
    {
        return None;
    }
    starts_with_bytes(chars, i, b)
}

#[inline(never)]
fn starts_with_bytes(chars: &[char], i: usize, b: &[u8]) -> Option<usize> {
    let (mut at, mut n) = (0, 0);
    while at < b.len() {
        at += utf8_head(&b[at..], *chars.get(i + n)?)?;
        n += 1;
    }
    Some(n)
}

/// The first of `words` that `chars[i..]` starts with, with its length.
pub fn starts_with_any(chars: &[char], i: usize, words: &[&'static str]) -> Option<(&'static str, usize)> {
    // As `words.iter().find_map(|w| starts_with(chars, i, w)…)`, with what is asked of
    // `chars[i]` worked out once for the whole list.
    let Some(&c) = chars.get(i) else { return words.iter().find_map(|w| starts_with(chars, i, w).map(|n| (*w, n))) };
    let (n, last) = (c.len_utf8(), last_byte(c));
    words.iter().find_map(|w| {
        let b = w.as_bytes();
        if b.len() >= n && b[n - 1] != last {
            return None;
        }
        starts_with_bytes(chars, i, b).map(|n| (*w, n))
    })
}

/// If `chars[..end]` ends with `word`, its length in chars.
#[inline(always)]
pub fn ends_with(chars: &[char], end: usize, word: &str) -> Option<usize> {
    // Compared from the last character back, as UTF-8 bytes (`word` is never decoded): most
    // misses are told here by one byte, where the call is inlined into a loop over a word list.
    if let (Some(&last), Some(&c)) = (word.as_bytes().last(), end.checked_sub(1).and_then(|k| chars.get(k)))
        && last != last_byte(c)
    {
        return None;
    }
    ends_with_bytes(chars, end, word.as_bytes())
}

#[inline(never)]
fn ends_with_bytes(chars: &[char], end: usize, b: &[u8]) -> Option<usize> {
    if end > chars.len() {
        return None;
    }
    let (mut at, mut k) = (b.len(), end);
    while at > 0 {
        if k == 0 {
            return None;
        }
        at -= utf8_tail(&b[..at], chars[k - 1])?;
        k -= 1;
    }
    Some(end - k)
}

/// `cs.iter().collect::<String>()` with its bytes reserved once: `collect` reserves one
/// byte a char and grows the string again, often twice, for the three bytes of a Han char.
#[inline]
pub fn string_of(cs: &[char]) -> String {
    let mut s = String::with_capacity(cs.iter().map(|c| c.len_utf8()).sum());
    s.extend(cs);
    s
}

/// Is `cs` the chars of `word`? (`word` is compared as UTF-8 bytes, never decoded.)
#[inline(always)]
pub fn same(cs: &[char], word: &str) -> bool {
    let b = word.as_bytes();
    // Its length in bytes, and the last byte of its first char, turn most words away.
    let Some(&c) = cs.first() else { return b.is_empty() };
    let n = c.len_utf8();
    b.len() >= cs.len() && b.len() <= 4 * cs.len() && b.len() >= n && b[n - 1] == last_byte(c) && same_bytes(cs, b)
}

/// Is `cs` one of `words`? As `words.iter().any(|w| same(cs, w))`, with what is asked of
/// `cs` worked out once for the whole list.
#[inline]
pub fn same_any(cs: &[char], words: &[&str]) -> bool {
    let Some(&c) = cs.first() else { return words.iter().any(|w| w.is_empty()) };
    // A word the same as `cs` has exactly its length in bytes (`same_bytes` asks it at the end):
    // one comparison turns most words of a list away.
    let bytes: usize = cs.iter().map(|c| c.len_utf8()).sum();
    let (n, last) = (c.len_utf8(), last_byte(c));
    words.iter().any(|w| {
        let b = w.as_bytes();
        b.len() == bytes && b[n - 1] == last && same_bytes(cs, b)
    })
}

#[inline(never)]
fn same_bytes(cs: &[char], b: &[u8]) -> bool {
    let mut at = 0;
    for &c in cs {
        match utf8_head(&b[at..], c) {
            Some(n) => at += n,
            None => return false,
        }
    }
    at == b.len()
}

/// The last byte of `c`'s UTF-8 form.
#[inline(always)]
fn last_byte(c: char) -> u8 {
    let u = c as u32;
    if u < 0x80 { u as u8 } else { (0x80 | u & 0x3F) as u8 }
}

/// If `b` opens with the UTF-8 form of `c`, its length in bytes.
#[inline(always)]
fn utf8_head(b: &[u8], c: char) -> Option<usize> {
    let u = c as u32;
    let cont = |k: u32| (0x80 | (u >> k) & 0x3F) as u8;
    let hit = if u < 0x80 {
        b.first() == Some(&(u as u8))
    } else if u < 0x800 {
        b.len() >= 2 && b[0] == (0xC0 | u >> 6) as u8 && b[1] == cont(0)
    } else if u < 0x10000 {
        b.len() >= 3 && b[0] == (0xE0 | u >> 12) as u8 && b[1] == cont(6) && b[2] == cont(0)
    } else {
        b.len() >= 4 && b[0] == (0xF0 | u >> 18) as u8 && b[1] == cont(12) && b[2] == cont(6) && b[3] == cont(0)
    };
    hit.then_some(c.len_utf8())
}

/// If `b` ends with the UTF-8 form of `c`, its length in bytes.
#[inline(always)]
fn utf8_tail(b: &[u8], c: char) -> Option<usize> {
    let n = c.len_utf8();
    // The last byte first: it turns most chars away.
    if b.last() != Some(&last_byte(c)) || b.len() < n {
        return None;
    }
    utf8_head(&b[b.len() - n..], c)
}

/// The first of `words` that `chars[..end]` ends with, with its length.
pub fn ends_with_any(chars: &[char], end: usize, words: &[&'static str]) -> Option<(&'static str, usize)> {
    // As `words.iter().find_map(|w| ends_with(chars, end, w)…)`, with the last byte of
    // `chars[end - 1]` worked out once for the whole list.
    let Some(&c) = end.checked_sub(1).and_then(|k| chars.get(k)) else {
        return words.iter().find_map(|w| ends_with(chars, end, w).map(|n| (*w, n)));
    };
    let last = last_byte(c);
    words.iter().find_map(|w| {
        let b = w.as_bytes();
        if b.last().is_some_and(|&l| l != last) {
            return None;
        }
        ends_with_bytes(chars, end, b).map(|n| (*w, n))
    })
}

/// A set of chars as a 128-bit filter (bit `c % 128`): a clear bit means the
/// char is not in the set; a set bit means it may be. One shift and mask, so
/// a list of words is compared only where its first or last char may stand.
#[derive(Debug, Clone, Copy, Default)]
pub struct CharFilter(u128);

impl CharFilter {
    pub fn of(chars: impl IntoIterator<Item = char>) -> CharFilter {
        CharFilter(chars.into_iter().fold(0, |bits, c| bits | 1 << (c as u32 % 128)))
    }

    /// The last chars of `words`.
    pub fn last_chars<'a>(words: impl IntoIterator<Item = &'a str>) -> CharFilter {
        CharFilter::of(words.into_iter().filter_map(|w| w.chars().next_back()))
    }

    /// The first chars of `words`.
    pub fn first_chars<'a>(words: impl IntoIterator<Item = &'a str>) -> CharFilter {
        CharFilter::of(words.into_iter().filter_map(|w| w.chars().next()))
    }

    #[inline]
    pub fn may_contain(self, c: char) -> bool {
        self.0 >> (c as u32 % 128) & 1 != 0
    }
}

/// A set of chars as a 4096-bit filter: "surely not" for most chars. The lists here
/// have hundreds of words, which would set nearly every bit of a 128-bit filter
/// ([`CharFilter`]); Han chars spread over these bits, so few pass that are not in it.
pub struct WideFilter([u64; 64]);

impl WideFilter {
    pub fn of(chars: impl IntoIterator<Item = char>) -> WideFilter {
        let mut bits = [0u64; 64];
        for c in chars {
            let k = c as usize % 4096;
            bits[k / 64] |= 1 << (k % 64);
        }
        WideFilter(bits)
    }

    #[inline]
    pub fn may_contain(&self, c: char) -> bool {
        let k = c as usize % 4096;
        self.0[k / 64] >> (k % 64) & 1 != 0
    }
}

/// A word, and its chars (compared as they are, not decoded each time).
type Word = (&'static str, Box<[char]>);

/// A word list searched as [`ends_with_any`] does (the first match in list
/// order), with the words' last chars as a filter: at most positions no word
/// can end, and none is compared; where one may, only the words ending in that char are.
pub struct Endings {
    /// The words by their last char.
    by_last: crate::fasthash::FxHashMap<char, Vec<Word>>,
    last: WideFilter,
}

impl Endings {
    pub fn new(words: &'static [&'static str]) -> Endings {
        let mut by_last: crate::fasthash::FxHashMap<char, Vec<Word>> = Default::default();
        for w in words {
            if let Some(c) = w.chars().next_back() {
                by_last.entry(c).or_default().push((w, w.chars().collect()));
            }
        }
        Endings { by_last, last: WideFilter::of(words.iter().filter_map(|w| w.chars().next_back())) }
    }

    /// The words that can end where `c` stands.
    fn ending_in(&self, c: char) -> &[Word] {
        if !self.last.may_contain(c) {
            return &[];
        }
        self.by_last.get(&c).map_or(&[], Vec::as_slice)
    }

    /// The first of the words that `chars[..end]` ends with, with its length.
    #[inline]
    pub fn find(&self, chars: &[char], end: usize) -> Option<(&'static str, usize)> {
        let last = *chars.get(end.checked_sub(1)?)?;
        let before = &chars[..end];
        self.ending_in(last).iter().find(|(_, w)| before.ends_with(w)).map(|(w, cs)| (*w, cs.len()))
    }

    /// Is `w` one of the words?
    pub fn holds(&self, w: &[char]) -> bool {
        w.last().is_some_and(|&c| self.ending_in(c).iter().any(|(_, x)| **x == *w))
    }
}

/// Like [`starts_with`], allowing ASCII spaces between the characters of `word`.
fn starts_with_spaced(chars: &[char], i: usize, word: &str) -> Option<usize> {
    let mut n = 0;
    for (k, w) in word.chars().enumerate() {
        if k > 0 {
            while chars.get(i + n) == Some(&' ') {
                n += 1;
            }
        }
        if chars.get(i + n) != Some(&w) {
            return None;
        }
        n += 1;
    }
    Some(n)
}
