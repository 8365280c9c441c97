//! Lists of items that share one metric, written once after the last item
//! (`猪肉、活猪和仔猪平均价格分别为…`, `第一、二、三产业和居民生活用电分别增长…`):
//! the metric is fused to the last item, and belongs to every item (rule 9).

use super::charbuf::Chars;
use super::words::METRIC;
use crate::figures::units::starts_with;

/// Words that qualify a metric's head and go with it (`平均价格`, `出厂价格`).
const METRIC_MODIFIERS: &[&str] = &[
    "平均", "人均", "户均", "戶均", "年均", "日均", "月均", "综合", "綜合", "出厂", "出廠", "零售", "批发", "批發",
    "收购", "收購", "市场", "市場", "销售", "銷售", "进口", "進口", "出口",
    // `化工行业净利润`: net, of a profit or an income.
    "净", "淨",
];

/// The shortest chars an item keeps when a metric is cut off its end.
const ITEM_MIN: usize = 1;

/// Cut the metric shared by a list off its last item: `items` are as written,
/// `simple` their simplified copies (char for char). The metric is returned
/// when the last item is an item plus a metric's head of two chars or more and
/// no other item names a metric of its own (then each item is a metric,
/// `城镇居民收入、农村居民收入分别增长…`, and nothing is shared).
pub(super) fn shared_metric(items: &mut [String], simple: &[Vec<char>]) -> Option<String> {
    let n = items.len();
    if n < 2 || simple.len() != n {
        return None;
    }
    // (the longest head: `生产指数` ends in 指数, not only in 数)
    if simple[..n - 1].iter().any(|w| longest_metric(w).is_some_and(|m| m >= 2)) {
        return None;
    }
    let last = &simple[n - 1];
    let head = longest_metric(last).or_else(|| super::words::GROWTH_WORDS.ending(last))?;
    if head < 2 {
        return None;
    }
    let mut cut = last.len() - head;
    // `有色金属行业用电量增幅`: a growth word is the growth of the metric before it, which goes with it.
    if let Some(g) = super::words::GROWTH_WORDS.ending(last)
        && let Some(m) = longest_metric(&last[..last.len() - g]).filter(|&m| m >= 2 && last.len() > g + m + ITEM_MIN)
    {
        cut = cut.min(last.len() - g - m);
    }
    // Over modifiers of the head, so long as an item is left.
    'outer: loop {
        for m in METRIC_MODIFIERS {
            let m = Chars::of(m);
            if cut >= m.len() + ITEM_MIN && last[..cut].ends_with(&m) {
                cut -= m.len();
                continue 'outer;
            }
        }
        break;
    }
    if cut < ITEM_MIN.max(1) || cut == last.len() {
        return None;
    }
    // `万科、招商银行和保利的净利润`: 的 ends the item, and all after it is the metric (a modifier
    // of the head not listed, 净, with it).
    let de = last[..cut].iter().rposition(|c| *c == '的').filter(|&d| d >= 2);
    if let Some(d) = de {
        cut = d;
    }
    // The item left must be as short as a listed item, not a phrase with a verb (a name of
    // six chars after short ones is still a name: `红旗、解放品牌汽车产量`).
    let longest_other = simple[..n - 1].iter().map(Vec::len).max().unwrap_or(0);
    if cut > longest_other.max(4) + 2 {
        return None;
    }
    strip_scope(items, simple);
    let orig = Chars::of(&items[n - 1]);
    if orig.len() != last.len() {
        return None;
    }
    let metric: String = orig[cut + usize::from(de.is_some())..].iter().collect();
    items[n - 1] = orig[..cut].iter().collect();
    Some(metric)
}

/// The length of the longest metric head `w` ends in.
pub(super) fn longest_metric(w: &[char]) -> Option<usize> {
    // `Suffixes::ending` answers the first listed word; a longer one may end it too (`量`, `产量`).
    (0..w.len()).find(|&k| METRIC.contains(&w[k..])).map(|k| w.len() - k)
}

/// `南方五省区第一、二、三产业…`, `江苏省南京、苏州和无锡…`: a place before the first
/// item, when no other item names one, is the list's scope, not part of the item.
fn strip_scope(items: &mut [String], simple: &[Vec<char>]) {
    let place_end = |w: &[char]| w.iter().position(|c| super::places::PLACE_ENDS.contains(c));
    if simple[1..].iter().any(|w| place_end(w).is_some()) {
        return;
    }
    let first = &simple[0];
    let Some(mut p) = place_end(first).map(|p| p + 1) else { return };
    // `省区`, `市县`: a group of places ends on its last place word.
    while p < first.len() && super::places::PLACE_ENDS.contains(&first[p]) {
        p += 1;
    }
    if p < 3 || p >= first.len() || first.len() - p > 4 {
        return;
    }
    let orig = Chars::of(&items[0]);
    if orig.len() == first.len() {
        items[0] = orig[p..].iter().collect();
    }
}

/// `铁路累计完成货运量27亿吨` / `同比增长8.2%`: a line that holds only the change
/// of the figure ending the line before (a chart's caption, a list of lines)
/// continues that line. `gap` is the text between the two figures.
pub(super) fn change_line(gap: &[char], is_change: bool) -> bool {
    const LEADS: &[&str] =
        &["同比", "环比", "環比", "比上年", "比去年", "较上年", "較上年", "较去年", "較去年", "增长", "增長", "下降"];
    let Some(nl) = gap.iter().position(|&c| c == '\n') else { return false };
    let (before, after) = (&gap[..nl], &gap[nl + 1..]);
    if !is_change || before.iter().any(|c| !c.is_whitespace()) || after.contains(&'\n') {
        return false;
    }
    let after: Vec<char> = after.iter().copied().skip_while(|c| c.is_whitespace()).collect();
    after.len() <= 8 && LEADS.iter().any(|w| starts_with(&after, 0, w).is_some())
}

/// `计划投资232亿元，完成63.5%`: a share completed of a planned amount is the
/// completion rate of what is planned (`投资完成率`). `gap` is the text between
/// the planned figure and the share, `planned` the planned figure's label.
pub(super) fn completion_rate(gap: &[char], planned: &str) -> Option<String> {
    // The gaps below are five chars at most: a longer one is turned away before it is copied.
    if gap.iter().filter(|c| !c.is_whitespace()).nth(5).is_some() {
        return None;
    }
    let gap: String = gap.iter().filter(|c| !c.is_whitespace()).collect();
    if !matches!(gap.as_str(), "，完成" | ",完成" | "，已完成" | "，完成了" | "，共完成" | "，累计完成" | "，累計完成")
    {
        return None;
    }
    let what = ["年度计划", "年度計劃", "计划", "計劃"].iter().find_map(|p| planned.strip_prefix(p))?;
    (what.chars().count() >= 2 && !what.ends_with('率')).then(|| format!("{what}完成率"))
}

/// `在新疆哈密、和田、吐鲁番三地分别建设…，投资分别是…`: the items a later `分别`
/// pairs with, listed earlier in its sentence. `text` is the sentence before the
/// clause of `分别`; the items' spans in it are returned when there are `n`.
/// The list nearest before counts: a list of figures between it and `分别`
/// (`投资分别是3.26亿元、2.99亿元…，电量分别为…`) is passed over.
pub(super) fn enumeration(text: &[char], n: usize) -> Option<Vec<(usize, usize)>> {
    text.iter()
        .enumerate()
        .rev()
        .filter(|&(_, &c)| c == '、')
        .find_map(|(last_sep, _)| enumeration_at(text, last_sep, n))
}

/// The items of a list whose last separator is at `last_sep`, if there are `n`.
/// A Latin name or model number inside an item (`特斯拉Model Y`, `长安CS75`) is part
/// of it, and counts as one char of its length.
fn enumeration_at(text: &[char], last_sep: usize, n: usize) -> Option<Vec<(usize, usize)>> {
    const ITEM_MAX: usize = 6;
    const STOPS: &[char] =
        &['在', '对', '對', '从', '從', '向', '于', '於', '由', '为', '為', '将', '將', '是', '有', '的'];
    let latin = |c: char| c.is_ascii_alphanumeric() || c == ' ';
    let han = |c: char| super::is_han(c) && !matches!(c, '、' | '，' | '。' | '；' | '：') || latin(c);
    // How long `a..b` reads: a run of Latin letters and digits is one char.
    let width = |a: usize, b: usize| {
        (a..b).filter(|&p| !latin(text[p]) || text[p] != ' ' && (p == a || !latin(text[p - 1]))).count()
    };
    // Back over the items between separators.
    let mut seps = vec![last_sep];
    loop {
        let first = seps[0];
        let len = text[..first].iter().rev().take_while(|&&c| han(c)).count();
        let p = first - len;
        if len == 0 || width(p, first) > ITEM_MAX || p == 0 || text[p - 1] != '、' {
            break;
        }
        seps.insert(0, p - 1);
    }
    let mut spans: Vec<(usize, usize)> = seps.windows(2).map(|w| (w[0] + 1, w[1])).collect();
    let longest = spans.iter().map(|&(a, b)| width(a, b)).max();
    // The last item: up to a count of the items (`三地`), 等, or a linking word.
    let tail_at = last_sep + 1;
    let tail = &text[tail_at..];
    let mut end = 0;
    while end < tail.len()
        && width(tail_at, tail_at + end) < ITEM_MAX
        && han(tail[end])
        // (A numeral opening the item is part of its name: `万华化学`, `三一重工`.)
        && !(end > 0 && crate::numeral::is_cn_numeral_char(tail[end]))
        && !matches!(tail[end], '等' | '分' | '各' | '均' | '共' | '和' | '及' | '与' | '與')
        // `瑞安房地产在销售金额层面`: a preposition after a name ends it.
        && !(end >= 2 && STOPS.contains(&tail[end]))
    {
        end += 1;
    }
    while end > 0 && tail[end - 1] == ' ' {
        end -= 1;
    }
    let longest = longest.unwrap_or_else(|| width(tail_at, tail_at + end)).max(2);
    // `长三角、珠三角、京津冀城市群的销售额`: a last item closed by a preposition or `的` is whole.
    let closed = tail.get(end).is_some_and(|c| STOPS.contains(c));
    if end == 0 || width(tail_at, tail_at + end) > longest + 1 && !closed {
        return None;
    }
    // The first item: as long as the longest other, not over a preposition or a verb.
    let first_sep = seps[0];
    let mut start = first_sep;
    while start > 0 && width(start, first_sep) < longest && han(text[start - 1]) && !STOPS.contains(&text[start - 1]) {
        start -= 1;
    }
    // An item that opens its clause is whole (`，特斯拉Model Y、比亚迪宋…`), if no longer than the others.
    let mut open = start;
    while open > 0 && width(open, first_sep) < ITEM_MAX && han(text[open - 1]) && !STOPS.contains(&text[open - 1]) {
        open -= 1;
    }
    if (open == 0 || !han(text[open - 1])) && width(open, first_sep) <= longest + 1 {
        start = open;
    }
    while start < first_sep && text[start] == ' ' {
        start += 1;
    }
    if start == first_sep {
        return None;
    }
    spans.insert(0, (start, first_sep));
    spans.push((tail_at, tail_at + end));
    (spans.len() == n).then_some(spans)
}
