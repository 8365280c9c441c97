//! What surrounds a number: qualifiers (`约`, `余`, `以上`), change phrases
//! (`同比增长`), and whether the number is part of a name, quote or idiom.

use super::units::{CharFilter, Endings, ends_with, starts_with};
use crate::fasthash::FxHashMap;
use crate::model::{Approx, Change};
use std::sync::LazyLock;

/// Qualifiers written before a number, longest first.
const APPROX_BEFORE: &[(&str, Approx)] = &[
    ("不超过", Approx::Under),
    ("不超過", Approx::Under),
    ("超过", Approx::Over),
    ("超過", Approx::Over),
    ("将近", Approx::Under),
    ("將近", Approx::Under),
    ("接近", Approx::Under),
    ("几乎", Approx::Under),
    ("幾乎", Approx::Under),
    ("不到", Approx::Under),
    ("不足", Approx::Under),
    ("大约", Approx::About),
    ("大約", Approx::About),
    ("大概", Approx::About),
    ("突破", Approx::Over),
    ("约", Approx::About),
    ("約", Approx::About),
    ("近", Approx::Under),
    ("超", Approx::Over),
    ("逾", Approx::Over),
    ("上", Approx::Over),
    ("过", Approx::Over),
    ("過", Approx::Over),
];

/// Qualifiers written after a figure.
const APPROX_AFTER: &[(&str, Approx)] = &[
    ("以上", Approx::Over),
    ("以下", Approx::Under),
    ("以内", Approx::Under),
    ("以內", Approx::Under),
    ("左右", Approx::About),
    ("上下", Approx::About),
];

/// The last chars of [`APPROX_BEFORE`]: most numbers follow none of them.
static APPROX_BEFORE_LAST: LazyLock<CharFilter> =
    LazyLock::new(|| CharFilter::last_chars(APPROX_BEFORE.iter().map(|(w, _)| *w)));

/// A qualifier ending exactly at `start`: its approx and length.
pub fn approx_before(chars: &[char], start: usize, floor: usize) -> Option<(Approx, usize)> {
    // `超過 一百三十項`: one space may stand between the qualifier and its number.
    if start >= 2 && chars[start - 1] == ' ' && chars[start - 2] != ' ' {
        return approx_word_before(chars, start - 1, floor).map(|(a, n)| (a, n + 1));
    }
    approx_word_before(chars, start, floor)
}

fn approx_word_before(chars: &[char], start: usize, floor: usize) -> Option<(Approx, usize)> {
    if !APPROX_BEFORE_LAST.may_contain(*chars.get(start.checked_sub(1)?)?) {
        return None;
    }
    let (w, a, n) = APPROX_BEFORE.iter().find_map(|(w, a)| ends_with(chars, start, w).map(|n| (*w, *a, n)))?;
    if start - n < floor {
        return None;
    }
    // `最近3天` is "the last three days", `附近` a place: not qualifiers.
    if w == "近" && start >= 2 && matches!(chars[start - 2], '最' | '附' | '就' | '临' | '邻') {
        return None;
    }
    // `出超225.8億美元`: 出超/入超 is a trade surplus/deficit, not "over".
    // (`支出超`, `流入超` are "spending over", "inflow over".)
    if w == "超"
        && start >= 2
        && matches!(chars[start - 2], '出' | '入')
        && !(start >= 3
            && matches!(
                chars[start - 3],
                '支' | '输'
                    | '輸'
                    | '产'
                    | '產'
                    | '卖'
                    | '賣'
                    | '售'
                    | '付'
                    | '流'
                    | '调'
                    | '調'
                    | '借'
                    | '贷'
                    | '貸'
                    | '演'
                    | '派'
                    | '提'
                    | '推'
                    | '拿'
                    | '收'
                    | '进'
                    | '進'
                    | '加'
                    | '录'
                    | '錄'
            ))
    {
        return None;
    }
    // `上千人`, `上万元`, `营收过千亿`: 上 and 过 qualify only a bare 百/千/万/亿,
    // and not where they are part of another word (`上分`, `通过5项`, `经过3年`).
    if matches!(w, "上" | "过" | "過") {
        let bare = chars.get(start).is_some_and(|c| is_bare_scale(*c));
        let other_word = if w == "上" {
            chars.get(start + 1).is_some_and(|c| matches!(c, '分' | '强'))
        } else {
            start >= 2 && matches!(chars[start - 2], '通' | '经' | '經' | '超' | '越' | '度' | '错' | '錯' | '不')
        };
        if !bare || other_word {
            return None;
        }
    }
    Some((a, n))
}

/// A scale word that stands for a number alone when qualified (`上千人`, `逾百项`, `营收千亿`).
pub fn is_bare_scale(c: char) -> bool {
    matches!(c, '百' | '千' | '万' | '亿' | '萬' | '億')
}

/// Qualifiers joined to their number by a linking verb, which the figure's text
/// leaves out: `约为4.3万辆`, `约合22亿美元`, `都超过了5000亿元`, `超越20%`.
const APPROX_LINKED: &[(&str, Approx)] = &[
    ("约为", Approx::About),
    ("約為", Approx::About),
    ("约合", Approx::About),
    ("約合", Approx::About),
    ("约占", Approx::About),
    ("約佔", Approx::About),
    ("約占", Approx::About),
    ("约达", Approx::About),
    ("約達", Approx::About),
    ("约介于", Approx::About),
    ("約介於", Approx::About),
    ("超过了", Approx::Over),
    ("超過了", Approx::Over),
    ("突破了", Approx::Over),
    ("超越", Approx::Over),
];

/// A qualifier before a linking verb or a share's whole, where the figure's text starts
/// after it: `约为4.3万辆`, `首度破4萬美元`, `约占全国增产总量的60%`.
pub fn approx_linked(chars: &[char], start: usize, floor: usize) -> Option<Approx> {
    let last = *chars.get(start.checked_sub(1)?)?;
    if matches!(last, '为' | '為' | '合' | '占' | '佔' | '达' | '達' | '了' | '越' | '于' | '於') {
        let (_, a, n) = APPROX_LINKED.iter().find_map(|(w, a)| ends_with(chars, start, w).map(|n| (*w, *a, n)))?;
        return (start - n >= floor).then_some(a);
    }
    // `破2万亿元`: broke through (not `打破3项纪录`, `跌破3000点`).
    if last == '破' {
        let before = start.checked_sub(2).map(|k| chars[k]);
        return (start > floor
            && !matches!(before, Some('打' | '跌' | '击' | '擊' | '攻' | '突' | '识' | '識' | '看')))
        .then_some(Approx::Over);
    }
    // `约占全国夏粮增产总量的60%`: a share qualified before the whole it is of.
    if last == '的' {
        let lo = start.saturating_sub(16).max(floor);
        let clause = (lo..start - 1).rev().take_while(|&k| !is_break(chars[k])).last()?;
        let k =
            (clause..start - 1).find(|&k| matches!(chars[k], '约' | '約') && matches!(chars[k + 1], '占' | '佔'))?;
        return (k >= floor).then_some(Approx::About);
    }
    None
}

fn is_break(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | ',' | ';' | ':' | '\n' | '！' | '？')
}

/// A qualifier starting exactly at `end`: its approx and length.
pub fn approx_after(chars: &[char], end: usize) -> Option<(Approx, usize)> {
    let (w, a, n) = APPROX_AFTER.iter().find_map(|(w, a)| starts_with(chars, end, w).map(|n| (*w, *a, n)))?;
    // `上下游`, `以上海` ...: the words run on into another word.
    if w == "上下" && chars.get(end + 2).is_some_and(|c| matches!(c, '游' | '级' | '班' | '楼' | '车' | '文')) {
        return None;
    }
    if w == "以上" && chars.get(end + 2) == Some(&'海') {
        return None;
    }
    Some((a, n))
}

const UP: &[&str] = &[
    "同比增长",
    "同比增長",
    "增長",
    "同比增加",
    "同比提高",
    "同比上升",
    "增长了",
    "增长",
    "增加",
    "提高",
    "上升",
    "上涨",
    "提升",
    "增幅",
    "涨幅",
    "漲幅",
    "成長",
    "年增",
    "升",
    "新增",
    "扩大",
    "擴大",
    "上调",
    "上調",
    "调升",
    "調升",
    "加息",
    "增",
    "涨",
    "漲",
];
const DOWN: &[&str] = &[
    "负增长",
    "負增長",
    "同比下降",
    "減少",
    "下跌了",
    "同比减少",
    "下降了",
    "下降",
    "减少",
    "降低",
    "下滑",
    "回落",
    "下跌",
    "缩小",
    "縮小",
    "下调",
    "下調",
    "调降",
    "調降",
    "降息",
    "缩减",
    "降幅",
    "跌幅",
    "衰退",
    "萎缩",
    "萎縮",
    "年減",
    "減",
    "降了",
    "降",
    "减",
    "跌",
];

static UP_WORDS: LazyLock<Endings> = LazyLock::new(|| Endings::new(UP));
static DOWN_WORDS: LazyLock<Endings> = LazyLock::new(|| Endings::new(DOWN));

/// Nouns that begin with a change verb: `增加值`, `增长率` are levels, not changes.
const NOT_CHANGE_AFTER: &[char] = &['值', '率', '额', '量', '速', '点'];

/// A change phrase shortly before `start` (at most a few characters between,
/// none of them punctuation or `至`/`到`/`为`, which introduce a new level).
pub fn change_before(chars: &[char], start: usize, floor: usize) -> Option<Change> {
    let max_gap = 4;
    for gap in 0..=max_gap {
        if start < gap + 1 || start - gap <= floor {
            break;
        }
        let at = start - gap;
        if gap > 0 {
            let c = chars[at];
            // `下降 7.4%`: a space set before the number is no gap.
            let spaced = gap == 1 && c == ' ';
            if !(is_han(c) || spaced) || matches!(c, '至' | '到' | '为' | '达' | '是' | '的' | '，' | '。') {
                break;
            }
        }
        // Falls first: `负增长` ends with the rise `增长`.
        for (words, dir) in [(&*DOWN_WORDS, Change::Down), (&*UP_WORDS, Change::Up)] {
            if let Some((w, n)) = words.find(chars, at) {
                if at - n < floor {
                    continue;
                }
                // `增加值`, `增长率`: a noun.
                if chars.get(at).is_some_and(|c| NOT_CHANGE_AFTER.contains(c)) && !w.ends_with('了') {
                    continue;
                }
                // A single-character verb must stand right before the number.
                if w.chars().count() == 1 && gap > 0 && !(gap == 1 && chars[start - 1] == ' ') {
                    continue;
                }
                // `每升5元`, `5毫升`: 升 the litre.
                if w == "升" && at >= 2 && matches!(chars[at - 2], '每' | '毫' | '公' | '千') {
                    continue;
                }
                // `起降3.2万架次`: take-offs and landings; `升降` the same.
                if w == "降" && at >= 2 && matches!(chars[at - 2], '起' | '升') {
                    continue;
                }
                return Some(dir);
            }
        }
    }
    comparative_before(chars, start, floor)
}

/// A comparison: `比全国高3个百分点`, `较上年少2个` — 高/多 (up) or 低/少 (down)
/// right before the number, with 比 or 较 earlier in the same clause; so too a length
/// compared: `较上月延長0.8週` (up), `比去年缩短2天` (down) — without the comparison,
/// `延长不超过6个月` is a length granted, no change.
fn comparative_before(chars: &[char], start: usize, floor: usize) -> Option<Change> {
    if start == 0 || start - 1 < floor {
        return None;
    }
    let longer = (start >= 2 && start - 2 >= floor)
        .then(|| match (chars[start - 2], chars[start - 1]) {
            ('延', '长' | '長') => Some(Change::Up),
            ('缩' | '縮', '短') => Some(Change::Down),
            _ => None,
        })
        .flatten();
    let dir = match (longer, chars[start - 1]) {
        (Some(dir), _) => dir,
        (None, '高' | '多') => Change::Up,
        (None, '低' | '少') => Change::Down,
        _ => return None,
    };
    // `较常年偏高0.9℃`, `偏少1.2成`: above or below the norm.
    if start >= 2 && chars[start - 2] == '偏' {
        return Some(dir);
    }
    // The word before must not make it an adjective phrase (`最高`, `至少`, `很多`).
    if longer.is_none()
        && start >= 2
        && matches!(
            chars[start - 2],
            '最' | '至' | '很' | '较' | '更' | '太' | '过' | '许' | '不' | '多' | '提' | '降' | '减'
        )
    {
        return None;
    }
    let from = start.saturating_sub(16).max(floor);
    (from..start - 1)
        .rev()
        .take_while(|&k| !matches!(chars[k], '，' | '。' | '；' | '：' | ',' | ';' | '\n'))
        .any(|k| matches!(chars[k], '比' | '较' | '較'))
        .then_some(dir)
}

pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Is `start..end` inside a short quotation or a title (`“十四五”`, `《…》`)?
/// Short quotes name slogans and programmes; their numbers are not figures.
pub fn in_short_quote(chars: &[char], start: usize, end: usize) -> bool {
    const OPEN: &[char] = &['“', '「', '『', '《', '"', '〈'];
    const CLOSE: &[char] = &['”', '」', '』', '》', '"', '〉'];
    /// The chars that stop the search back: most chars are none of them.
    static STOPS: LazyLock<CharFilter> =
        LazyLock::new(|| CharFilter::of(OPEN.iter().chain(CLOSE).chain(&['\n']).copied()));
    let stops = *STOPS;
    let limit = 16;
    let title_limit = 40;
    let mut open = None;
    for k in (start.saturating_sub(title_limit)..start).rev() {
        let c = chars[k];
        // Every stop is below the CJK block: a Han char is passed over by its code.
        if c > '』' || !stops.may_contain(c) {
            continue;
        }
        if CLOSE.contains(&c) && c != '"' || c == '\n' {
            break;
        }
        if OPEN.contains(&c) {
            open = Some((k, c));
            break;
        }
    }
    let Some((o, oc)) = open else { return false };
    let want = CLOSE[OPEN.iter().position(|c| *c == oc).unwrap_or(0)];
    let max = if oc == '《' { title_limit } else { limit };
    (end..(o + max + 2).min(chars.len())).any(|k| chars[k] == want) && end - o <= max
}

/// Idioms and set phrases whose numbers are not quantities.
const IDIOMS: &[&str] = &[
    "最后一公里",
    "一对一",
    "一手抓",
    "两手抓",
    "一把手",
    "一次性",
    "千方百计",
    "一带一路",
    "三番五次",
    "万无一失",
    "一年四季",
    "四面八方",
    "一举两得",
    "一亩三分地",
    "三天两头",
    "一步到位",
    "一分为二",
    "十全十美",
    "一五一十",
    "一刀切",
    "一条龙",
    "一站式",
    "一揽子",
    "一系列",
    "一门心思",
    "一口气",
    "一年一度",
    "半年一次",
    "三次产业",
    "一次产业",
    "二次产业",
    "年行动",
    "两条腿",
    "一盘棋",
    "成千上万",
    "成百上千",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "三个务必",
    "两个大局",
    "四个全面",
    "五位一体",
    "三个代表",
    "两个一百年",
    "八项规定",
    "两学一做",
    "三会一课",
    "三严三实",
    "三个一批",
    "年一贯制",
    "九年义务教育",
    "一张网",
    "一张图",
];

/// The idioms by first character, a filter of those characters, and the
/// longest idiom's length.
struct IdiomIndex {
    by_first: FxHashMap<char, Vec<&'static str>>,
    first: CharFilter,
    longest: usize,
}

static IDIOM_INDEX: LazyLock<IdiomIndex> = LazyLock::new(|| {
    let mut by_first: FxHashMap<char, Vec<&'static str>> = FxHashMap::default();
    let mut longest = 0;
    for idiom in IDIOMS {
        let first = idiom.chars().next().expect("idiom is not empty");
        by_first.entry(first).or_default().push(idiom);
        longest = longest.max(idiom.chars().count());
    }
    IdiomIndex { by_first, first: CharFilter::first_chars(IDIOMS.iter().copied()), longest }
});

/// Is `start..end` a tally of rises and falls (`两降一升`, `一升一降`, `三升两降`)
/// rather than litres? Such tallies write a Chinese numeral before 升, next to
/// another numeral before a word of change; a volume in litres is not written so.
pub fn in_tally(chars: &[char], start: usize, end: usize) -> bool {
    const NUMERALS: &str = "一二两三四五六七八九十";
    const MOVES: &str = "升降增减涨跌平";
    let tally_at = |k: usize| k + 1 < chars.len() && NUMERALS.contains(chars[k]) && MOVES.contains(chars[k + 1]);
    end == start + 2
        && chars[end - 1] == '升'
        && NUMERALS.contains(chars[start])
        && (tally_at(end) || (start >= 2 && tally_at(start - 2)))
}

/// Is `start..end` part of one of the idioms?
pub fn in_idiom(chars: &[char], start: usize, end: usize) -> bool {
    let IdiomIndex { by_first, first, longest } = &*IDIOM_INDEX;
    (start.saturating_sub(longest - 1)..end.min(chars.len())).any(|k| {
        first.may_contain(chars[k])
            && by_first.get(&chars[k]).is_some_and(|idioms| {
                idioms.iter().any(|idiom| starts_with(chars, k, idiom).is_some_and(|len| k + len > start))
            })
    })
}
