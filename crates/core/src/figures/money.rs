//! Money words and currency words: what makes a bare 万/亿 amount money, and
//! in which currency (`总投资13.5亿`, `港币1000万元`, `1000万元港币`).

use super::units::{ends_with, starts_with, starts_with_any};
use crate::numeral::read_number;

/// How far back (chars) a money word may govern a bare 万/亿 amount, within its clause.
pub(super) const MONEY_WORD_REACH: usize = 16;
/// How far back a sentence is searched for the currency it names.
pub(super) const SENTENCE_REACH: usize = 80;
pub(super) const CLAUSE_ENDS: &[char] = &['，', '。', '；', '：', '！', '？', ',', ';', '\n', '、', '（', '('];

/// What a price is counted per, written after `元/` (`545.88元/股`, `26.71元/公斤`,
/// `825元/人月`); longer words first, so `人月` wins over `人`.
pub(super) const PRICE_DENOMINATORS: &[&str] = &[
    "平方米",
    "立方米",
    "千瓦时",
    "人月",
    "人次",
    "公斤",
    "千克",
    "平米",
    "小时",
    "盎司",
    "股",
    "斤",
    "吨",
    "克",
    "亩",
    "人",
    "户",
    "头",
    "只",
    "件",
    "张",
    "台",
    "辆",
    "箱",
    "桶",
    "升",
    "度",
    "年",
    "月",
    "天",
    "日",
    "次",
    "晚",
    "间",
];

/// Words naming an amount of money: a bare 万/亿 amount they govern is money.
pub(super) const MONEY_WORDS: &[&str] = &[
    "投资",
    "投資",
    "资金",
    "資金",
    "收入",
    "营收",
    "營收",
    "利润",
    "利潤",
    "净利",
    "淨利",
    "盈利",
    "亏损",
    "虧損",
    "融资",
    "融資",
    "出资",
    "出資",
    "募资",
    "募資",
    "募集",
    "斥资",
    "斥資",
    "耗资",
    "耗資",
    "豪掷",
    "豪擲",
    "销售额",
    "銷售額",
    "销售收入",
    "成交额",
    "成交額",
    "营业额",
    "營業額",
    "销货额",
    "銷貨額",
    "销货值",
    "銷貨值",
    "价值",
    "價值",
    "金额",
    "金額",
    "总额",
    "總額",
    "市值",
    "身价",
    "身價",
    "资产",
    "資產",
    "造价",
    "造價",
    "税收",
    "稅收",
    "税金",
    "產值",
    "产值",
    "贷款",
    "貸款",
    "存款",
    "余额",
    "餘額",
    "收益",
    "成本",
    "预算",
    "預算",
    "费用",
    "費用",
    "支出",
    "捐款",
    "捐赠",
    "捐贈",
    "捐助",
    "罚款",
    "罰款",
    "补贴",
    "補貼",
    "工资",
    "工資",
    "薪酬",
    "出口额",
    "出口額",
    "进口额",
    "進口額",
    "贸易额",
    "貿易額",
    "生产总值",
    "GDP",
    "增加值",
    "报价",
    "報價",
    "估值",
    "对价",
    "對價",
    "价款",
    "價款",
    "保费",
    "保費",
    "票房",
    "营业收入",
    "營業收入",
    "现金",
    "現金",
    "外汇",
    "外匯",
    "盈余",
    "盈餘",
    "储备金",
    "儲備金",
    "拨款",
    "撥款",
    "款项",
    "款項",
    "开支",
    "開支",
    "净买入",
    "淨買入",
    "净卖出",
    "淨賣出",
    "净流入",
    "淨流入",
    "净流出",
    "淨流出",
    "爆买",
    "爆買",
];

/// Money nouns that may follow a bare 万/亿 amount they name, with 的 or 新 between
/// (`212億的收入`, `1500億新資源`, `1,000多億（綜合）盈餘`).
pub(super) const MONEY_NOUNS_AFTER: &[&str] = &[
    "收入",
    "盈余",
    "盈餘",
    "储备金",
    "儲備金",
    "资金",
    "資金",
    "款项",
    "款項",
    "拨款",
    "撥款",
    "开支",
    "開支",
    "新资源",
    "新資源",
    "利润",
    "利潤",
    "收益",
];

/// Verbs that spend what comes before them: a bare 万/亿 amount right before one is money.
pub(super) const MONEY_VERBS_AFTER: &[&str] = &[
    "收购", "收購", "购买", "購買", "买下", "買下", "购入", "購入", "买入", "買入", "加码", "加碼", "入股", "增资",
    "增資", "注资", "注資", "竞得", "競得", "拍得", "回购", "回購", "认购", "認購", "投资", "投資",
];

/// Currency words that name the currency of an amount next to them (元 is the default).
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("人民币", "元"),
    ("人民幣", "元"),
    ("美元", "美元"),
    ("美金", "美元"),
    ("港元", "港元"),
    ("港币", "港元"),
    ("港幣", "港元"),
    ("欧元", "欧元"),
    ("歐元", "欧元"),
    ("日元", "日元"),
    ("日圓", "日元"),
    ("英镑", "英镑"),
    ("英鎊", "英镑"),
    ("新台币", "新台币"),
    ("新台幣", "新台币"),
    ("台币", "新台币"),
    ("台幣", "新台币"),
    ("韩元", "韩元"),
    ("韓元", "韩元"),
    ("澳元", "澳元"),
    ("加元", "加元"),
    ("澳门元", "澳门元"),
    ("澳門元", "澳门元"),
    ("澳门币", "澳门元"),
    ("澳門幣", "澳门元"),
    ("新加坡元", "新加坡元"),
    ("瑞士法郎", "瑞士法郎"),
    ("卢布", "卢布"),
    ("盧布", "卢布"),
];

/// The currency word written at `k`, if any.
pub(super) fn currency_at(chars: &[char], k: usize) -> Option<&'static str> {
    // Asked at every char of a sentence: most open no currency word, and are turned away first.
    static FIRST: std::sync::LazyLock<super::units::WideFilter> = std::sync::LazyLock::new(|| {
        super::units::WideFilter::of(CURRENCY_WORDS.iter().filter_map(|(w, _)| w.chars().next()))
    });
    if !chars.get(k).is_some_and(|&c| FIRST.may_contain(c)) {
        return None;
    }
    CURRENCY_WORDS.iter().find_map(|(w, c)| starts_with(chars, k, w).map(|_| *c))
}

/// A currency word ending right before `start` (`港币1000万`, `美金500万`).
pub(super) fn currency_before(chars: &[char], start: usize) -> Option<&'static str> {
    CURRENCY_WORDS.iter().find_map(|(w, c)| ends_with(chars, start, w).map(|_| *c))
}

/// The length of a currency word ending right before `start` (`約新台幣9,000億元`).
pub(super) fn currency_word_before(chars: &[char], start: usize) -> Option<usize> {
    // Most chars end no currency word: turned away before the list is compared.
    static LAST: std::sync::LazyLock<super::units::WideFilter> = std::sync::LazyLock::new(|| {
        super::units::WideFilter::of(CURRENCY_WORDS.iter().filter_map(|(w, _)| w.chars().next_back()))
    });
    if !start.checked_sub(1).and_then(|k| chars.get(k)).is_some_and(|&c| LAST.may_contain(c)) {
        return None;
    }
    CURRENCY_WORDS.iter().find_map(|(w, _)| ends_with(chars, start, w))
}

/// `百分之`, `千分之`, `万分之` (spaces allowed between the characters): the divisor and length.
pub(super) fn percent_prefix(chars: &[char], i: usize) -> Option<(f64, usize)> {
    let divisor = match chars[i] {
        '百' | '佰' => 1.0,
        '千' | '仟' => 10.0,
        '万' | '萬' => 100.0,
        _ => return None,
    };
    let mut k = i + 1;
    for want in ['分', '之'] {
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        if chars.get(k) != Some(&want) {
            return None;
        }
        k += 1;
    }
    while chars.get(k) == Some(&' ') {
        k += 1;
    }
    Some((divisor, k - i))
}

/// Jiao and fen after yuan: `三毛` → 0.3, `6角三分` → 0.63. Returns the amount and the new end.
pub(super) fn money_fraction(chars: &[char], end: usize, currency: &str) -> (f64, usize) {
    // `五元零三分`, `两美元又三美分`: 零 or 又 may join the parts.
    let start = end + usize::from(matches!(chars.get(end), Some('又' | '零')));
    let parts: &[(&[&str], f64)] = match currency {
        "元" => &[(&["角", "毛"], 0.1), (&["分"], 0.01)],
        "美元" => &[(&["美分"], 0.01)],
        "欧元" => &[(&["欧分", "歐分"], 0.01)],
        _ => return (0.0, end),
    };
    let (mut extra, mut at) = (0.0, start);
    for (words, scale) in parts {
        if let Some(n) = read_number(chars, at, chars.len())
            && n.value < 1.0 / scale
            && let Some((_, len)) = starts_with_any(chars, n.end, words)
            && !chars.get(n.end + len).is_some_and(|c| matches!(c, '钟' | '之'))
        {
            extra += n.value * scale;
            at = n.end + len;
        }
    }
    if at == start { (0.0, end) } else { (extra, at) }
}

/// Words of a price or a spend before a small amount in 块 (`售价三块`, `花费我三块`).
const PRICE_WORDS: &[&str] =
    &["花费", "花費", "花了", "售价", "售價", "价格", "價格", "票价", "票價", "收费", "收費", "付了", "卖", "賣", "值"];

/// Is there a price or spend word in the clause before `start`?
pub(super) fn price_before(chars: &[char], start: usize) -> bool {
    (clause_start(chars, start, 8, 0)..start).any(|k| starts_with_any(chars, k, PRICE_WORDS).is_some())
}

/// Where the clause of `start` begins, looking back at most `reach` chars and not
/// before `floor` (the end of the figure before).
pub(super) fn clause_start(chars: &[char], start: usize, reach: usize, floor: usize) -> usize {
    let from = start.saturating_sub(reach).max(floor.min(start));
    (from..start).rev().find(|&k| CLAUSE_ENDS.contains(&chars[k])).map_or(from, |k| k + 1)
}
