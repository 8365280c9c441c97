//! Company and market news: the company a passage is about is the subject of
//! its figures (labels.md rule 8). A company is known by what it does in the
//! text — `红帽今天发布…`, `华润雪花啤酒今日表示`, `宁德时代宣布` — and then:
//! - fused to the front of a metric it is the subject, the rest the label
//!   (`红帽净利润为3250万美元` → subject 红帽, label 净利润);
//! - a figure of its paragraph that names no one else is its figure
//!   (`红帽运营现金流为9020万美元，去年同期为6060万美元`);
//! - the accounting basis a figure is computed on (`按美国通用会计准则计算，…`),
//!   what a company buys (`收购了西湖啤酒55%的股权`), gives to (`向香港社会捐助`) or
//!   is compared with (`与丰田汽车仅相差13万辆`) is no subject;
//! - a share of a stake (`55%的股权`, `40%的市场份额`) is labelled by the stake, and a
//!   market opening a label (`美国市场销量`) is the subject.

use super::tokens::{T_A, T_B, T_J, T_M, T_N, T_NG, T_NR, T_NS, T_NT, T_NZ, T_S, T_T, T_V, T_X, code, pack};
use super::words::{ACTION, Class, ENTITY, WORDS};
use super::{Doc, Own, Span, is_han};
use crate::figures::units::{WideFilter, ends_with, starts_with};
use crate::model::{Figure, Kind, Token};

/// What a company does in the text, before which its name stands.
const ACTS: &[&str] = &[
    "宣布", "宣佈", "发布", "發布", "公布", "披露", "表示", "公告", "收购", "收購", "斥资", "斥資", "入股", "推出",
    "发行", "發行",
];
/// Words that stand in a name's place but name no company: `以现金方式收购`, `多渠道发布`.
const NOT_NAME_ENDS: &[&str] = &["方式", "渠道", "形式", "手段", "途径", "平台"];
/// Words before a name that describe it (`旗下德力化纤`).
const BEFORE_NAME: &[&str] = &["旗下", "下属", "控股", "全资"];
/// Who publishes figures about others (`财政部今天公布`, `中期协日前公布`,
/// `产业创新联盟发布`): a source, not a company the figures belong to.
const NOT_COMPANY: &[char] =
    &['部', '局', '署', '委', '厅', '院', '办', '会', '盟', '协', '处', '府', '心', '者', '人'];
/// Titles of people (after simplifying): a name with one names a speaker, not a company.
const TITLES: &[&str] =
    &["局长", "部长", "司长", "署长", "厅长", "主席", "董事长", "总裁", "经理", "行长", "发言人", "分析师", "首席"];
/// The most words a name is made of, and its length in chars.
const NAME_TOKENS: usize = 3;
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=10;
/// How far back in its paragraph a figure looks for the company.
const PARAGRAPH_REACH: usize = 300;
/// The most names a document keeps (a passage is about a few companies).
const NAMES_MAX: usize = 24;

/// The companies a document names by what they do.
pub(super) struct Actors {
    names: Vec<Vec<char>>,
    /// The chars the names open with, sorted: most places in a text open none.
    firsts: Vec<char>,
    /// The same as a filter, asked first: `name_at` is asked of every char of a paragraph.
    first: WideFilter,
}

impl Actors {
    pub(super) fn new(chars: &[char], tokens: &[Token]) -> Self {
        let mut names: Vec<Vec<char>> = Vec::new();
        let word = |t: &Token| &chars[t.start..t.end];
        let acts: Vec<Vec<char>> = ACTS.iter().map(|a| a.chars().collect()).collect();
        let act_first = WideFilter::of(ACTS.iter().filter_map(|a| a.chars().next()));
        for (i, t) in tokens.iter().enumerate() {
            if names.len() >= NAMES_MAX {
                break;
            }
            if t.end - t.start != 2
                || !act_first.may_contain(chars[t.start])
                || !acts.iter().any(|a| a[0] == chars[t.start] && a[..] == *word(t))
            {
                continue;
            }
            // Over a time word (`今日`, `日前`) to the name.
            let mut j = i;
            while j > 0 && j + 2 > i && is_time(word(&tokens[j - 1]), &tokens[j - 1]) {
                j -= 1;
            }
            // `万科于周一晚间公布`: over a time phrase and the `于` that opens it.
            j = over_time_phrase(chars, tokens, j);
            // `富途方面表示`: the company's side is the company.
            if j > 0 && word(&tokens[j - 1]).iter().copied().eq("方面".chars()) {
                j -= 1;
            }
            let end = j;
            // `华润` + `三九`: a name may end in a word of numerals the segmenter tags a number, when
            // a name word stands before it; the longest name written is the company's.
            if j > 1
                && is_numeral_word(word(&tokens[j - 1]), &tokens[j - 1])
                && is_name_word(word(&tokens[j - 2]), &tokens[j - 2])
            {
                j -= 1;
            }
            while j > 0 && end - j < NAME_TOKENS && is_name_word(word(&tokens[j - 1]), &tokens[j - 1]) {
                j -= 1;
            }
            // `鼎盛/a 新材/n`, `远航/v 科技/n`: the segmenter tags parts of a name as it
            // likes; words of letters from where a clause opens are the name.
            let mut k = end;
            while k > 0 && end - k < NAME_TOKENS && is_loose_name_word(word(&tokens[k - 1]), &tokens[k - 1]) {
                k -= 1;
            }
            if k < j && k < end && opens(chars, &tokens[..k]) {
                j = k;
            }
            // `香港上市公司华润创业`: a description before the name is not part of it.
            while j + 1 < end
                && (ENTITY.ending(word(&tokens[j])).is_some()
                    || BEFORE_NAME.iter().any(|b| word(&tokens[j]).iter().copied().eq(b.chars())))
            {
                j += 1;
            }
            if j == end {
                continue;
            }
            let name = &chars[tokens[j].start..tokens[end - 1].end];
            let first = &tokens[j];
            // A bare generic (`公司表示`) or a one-word common noun (`市场表示`) names no company.
            // A lone common noun is a name only where a clause opens with it (`，红帽今天发布`),
            // not the tail of a name cut by the segmenter (`东方` + `证券表示`).
            let opens = first.start == 0 || !is_han(chars[first.start - 1]);
            let common = end - j == 1
                && (code(first) == T_N && (WORDS.contains_key(name) || !opens)
                    || ENTITY.ending(name) == Some(name.len()));
            // `有限公司表示`, `子公司宣布`: a generic word for a company is no name.
            let generic = ENTITY.ending(name) == Some(name.len())
                || end - j == 1 && code(first) == T_N && ENTITY.ending(name).is_some()
                || NOT_NAME_ENDS.iter().any(|w| ends_with(name, name.len(), w).is_some());
            let central = name.ends_with(&['央', '行']) || name.ends_with(&['人', '民', '银', '行']);
            // `勞工及福利局局長羅致光表示`, `董事长王传福表示`: an official who speaks is a source.
            let titled = TITLES.iter().any(|t| {
                let m = t.chars().count();
                name.windows(m).any(|w| w.iter().copied().eq(t.chars()))
            });
            let source = central || titled || name.last().is_some_and(|c| NOT_COMPANY.contains(c));
            if NAME_CHARS.contains(&name.len()) && !common && !generic && !source && !names.iter().any(|n| n == name) {
                names.push(name.to_vec());
            }
        }
        let mut firsts: Vec<char> = names.iter().map(|n| n[0]).collect();
        firsts.sort_unstable();
        firsts.dedup();
        let first = WideFilter::of(firsts.iter().copied());
        Actors { names, firsts, first }
    }

    fn name_at(&self, chars: &[char], at: usize) -> Option<usize> {
        if !self.first.may_contain(chars[at]) || self.firsts.binary_search(&chars[at]).is_err() {
            return None;
        }
        // (The first char turns most names away before the slices are compared.)
        self.names.iter().filter(|n| n[0] == chars[at] && chars[at..].starts_with(n)).map(|n| n.len()).max()
    }

    /// Split a company off the front of the figure's own label, and drop an
    /// accounting basis taken for its subject.
    pub(super) fn fix(&self, doc: &Doc, f: &Figure, own: &mut Own) {
        // `收购了西湖啤酒55%的股权`, `占据了40%的市场份额`: a share of a stake is labelled by it.
        if f.kind == Kind::Percent
            && let Some(stake) = doc.stake_after(f.end)
        {
            own.label = Some(stake);
            own.after = true;
            own.item = false;
        }
        // `鼎盛` + `新材报收`: the walk over the metric may stop inside the name.
        let covering = |s: usize| {
            (s.saturating_sub(8)..=s).find_map(|p| self.name_at(doc.chars, p).filter(|&n| p + n > s).map(|n| (p, n)))
        };
        // (`4448家上市公司`: what a count counts, named after it, is its label even when it reads as a name, rule 7.)
        let counted = f.kind == Kind::Count && own.after;
        if let Some((s, e)) = own.label.filter(|_| !own.item && !counted)
            && let Some((p, n)) = covering(s)
        {
            if p + n >= e {
                // `鼎盛新材3亿收购…`: the label is the name (or the end of it).
                own.subject = Some((p, p + n));
                own.label = None;
            } else if p < s && doc.rest_of_label((p + n, e)) {
                own.label = Some((p, e));
            }
        }
        if let Some((s, e)) = own.subject
            && let Some((p, n)) = covering(s).filter(|&(p, _)| p < s)
        {
            own.subject = Some((p, e.max(p + n)));
        }
        // `华润` + `三九上半年营业收入`: a subject cut short of a company's name written in the
        // text grows to the whole name, where the label leaves room for it.
        if let Some((s, e)) = own.subject
            && let Some(n) = self.name_at(doc.chars, s).filter(|&n| s + n > e)
            && own.label.is_none_or(|(ls, le)| ls >= s + n || le <= s)
        {
            own.subject = Some((s, s + n));
        }
        if let Some((s, e)) = own.label.filter(|_| !own.item)
            && let Some(n) = self.name_at(doc.chars, s)
            && s + n + 2 <= e
            && doc.rest_of_label((s + n, e))
            && !doc.names_metric((s, s + n))
        {
            own.subject = Some((s, s + n));
            own.label = Some((s + n, e));
        }
        if let Some((s, e)) = own.label.filter(|_| !own.item)
            && let Some(m) = doc.market_scope((s, e))
        {
            // `美国市场销量`: the market is the subject; `中国` + `市场销量`: it joins the subject.
            match own.subject {
                _ if m > s + 2 => own.subject = Some((s, m)),
                Some((a, b)) if b == s => own.subject = Some((a, m)),
                _ => return,
            }
            own.label = Some((m, e));
        }
        // `每股` + `收益`: a per-share metric keeps its `每股` (the segmenter tags it a pronoun).
        if let Some((s, e)) = own.label
            && s >= 2
            && doc.chars[s - 2..s] == ['每', '股']
        {
            own.label = Some((s - 2, e));
        }
        if let Some((a, b)) = own.subject
            && let Some(n) = self.name_at(doc.chars, a).filter(|&n| a + n < b)
        {
            let rest = &doc.chars[a + n..b];
            // `宁德时代动力电池的装车量`, `华润雪花浙江省内生产基地`: the company, not its product or plant;
            // but `东方财富证券`, `紫金矿业全资子公司` are other companies.
            let other =
                COMPANY_TAILS.iter().any(|t| starts_with(rest, 0, t).is_some()) || ENTITY.ending(rest).is_some();
            if !other {
                own.subject = Some((a, a + n));
            }
        }
        // `总市值依然维持在1.3万亿元`: a metric is no one's name; the company is.
        if !self.names.is_empty()
            && !own.item
            && let Some(sub) = own.subject
            && doc.names_metric(sub)
            && doc.within(sub.0, sub.1).len() <= 2
            && doc.tokens[doc.within(sub.0, sub.1)].iter().all(|t| !matches!(code(t), T_NZ | T_NT | T_NR | T_NS))
        {
            own.subject = None;
            // `总市值依然维持在…`: over an adverb the label was a verb; the metric is the label.
            if own.label.is_none_or(|l| doc.verbs_only(l)) {
                own.label = Some(sub);
            }
        }
        if let Some(sub) = own.subject
            && (doc.on_basis(sub) || doc.object_of_deal(sub))
        {
            own.subject = None;
        }
        // `现代/t 起亚汽车`, `北京 现代/t`: a word the segmenter took for a time is part of the name next to it.
        if let Some((a, b)) = own.subject {
            let mut span = (a, b);
            if let Some(i) = doc.token_ending(a, 0).filter(|&i| doc.timeless_t(&doc.tokens[i])) {
                span.0 = doc.tokens[i].start;
            }
            if let Some(i) = doc.token_starting(b).filter(|&i| doc.timeless_t(&doc.tokens[i])) {
                span.1 = doc.tokens[i].end;
            }
            own.subject = Some(span);
        }
        // `起亚` + `汽车销量`: the rest of a name cut off the front of the metric's word is the name's.
        if let (Some((a, b)), Some((s, _))) = (own.subject, own.label)
            && b < s
            && s - b <= NAME_REST
            && doc.token_starting(s).is_none()
            && doc.token_starting(b).is_some_and(|i| doc.tokens[i].end > s)
        {
            own.subject = Some((a, s));
        }
    }

    /// A figure with no subject of its own belongs to the company last named
    /// before it in its paragraph.
    pub(super) fn carry(&self, chars: &[char], orig: &[char], figures: &mut [Figure]) {
        super::market::index_points(chars, figures);
        // One sweep over the text: the last name seen, cleared at each paragraph.
        let mut cursor = 0;
        let mut last: Option<(usize, usize)> = None;
        for f in figures.iter_mut() {
            if !self.names.is_empty() {
                while cursor < f.start {
                    // Most chars are neither a line's end nor open a name: passed over in one loop.
                    match chars[cursor..f.start].iter().position(|&c| c == '\n' || self.first.may_contain(c)) {
                        Some(p) => cursor += p,
                        None => {
                            cursor = f.start;
                            break;
                        }
                    }
                    if chars[cursor] == '\n' {
                        last = None;
                    } else if let Some(n) = self.name_at(chars, cursor) {
                        last = Some((cursor, n));
                    }
                    cursor += 1;
                }
            }
            // `起亚汽车销量` for a change of `销量`: the metric is no part of whose it is.
            if let (Some(sub), Some(l)) = (f.subject.as_mut(), f.label.as_deref())
                && sub.len() > l.len() + 3
                && sub.ends_with(l)
            {
                sub.truncate(sub.len() - l.len());
            }
            // `华润雪花3亿收购…`: a company taken for the label is whose the figure is.
            // (Names are kept simplified; the label is the text's own.)
            // (A name opens with one of `firsts`: most labels are turned away by their first char.)
            // (Not the thing a count counts, written right after it: `4448家上市公司`.)
            let counted = f.kind == Kind::Count
                && f.label.as_deref().is_some_and(|l| {
                    let n = l.chars().count();
                    f.end + n <= chars.len() && crate::figures::units::same(&orig[f.end..f.end + n], l)
                });
            if !counted
                && f.label.as_deref().is_some_and(|l| {
                    l.chars().next().is_some_and(|c| self.firsts.binary_search(&crate::simplified::simplify(c)).is_ok())
                        && self.names.iter().any(|n| n.iter().copied().eq(l.chars().map(crate::simplified::simplify)))
                })
            {
                f.subject = f.label.take();
            }
            if self.names.is_empty() || f.kind == Kind::Date || f.subject.as_deref().is_some_and(|s| !is_pronoun(s)) {
                continue;
            }
            if let Some((p, mut n)) = last
                && p + n <= f.start
                && f.start - p <= PARAGRAPH_REACH
            {
                // (Compared in place: no copy of each tail.)
                while let Some(m) =
                    COMPANY_TAILS.iter().find_map(|t| starts_with(chars, p + n, t).filter(|&m| p + n + m <= f.start))
                {
                    n += m;
                }
                // Copied from the text itself, not its simplified copy.
                let name: String = crate::figures::units::string_of(&orig[p..p + n]);
                if !f.label.as_deref().is_some_and(|l| l.contains(name.as_str())) {
                    f.subject = Some(name);
                }
            }
        }
    }
}

/// `公司`, `该公司`, `其`: stand for the company named before.
fn is_pronoun(s: &str) -> bool {
    matches!(s, "公司" | "该公司" | "該公司" | "其" | "本公司" | "集团" | "集團")
}

fn is_time(w: &[char], t: &Token) -> bool {
    WORDS.get(w) == Some(&Class::Time)
        || code(t) == T_T && matches!(w.last(), Some('日' | '天' | '前'))
        || matches!(w, ['昨' | '今' | '近' | '日'])
}

/// Where the name before a time phrase ends: `于` + up to two time words
/// (`万科于周一晚间公布`), else `j` unchanged.
fn over_time_phrase(chars: &[char], tokens: &[Token], j: usize) -> usize {
    let mut k = j;
    while k > 0 && k + 2 > j && code(&tokens[k - 1]) == T_T {
        k -= 1;
    }
    if k < j && k > 0 && matches!(chars[tokens[k - 1].start..tokens[k - 1].end], ['于' | '於']) { k - 1 } else { j }
}

fn is_loose_name_word(w: &[char], t: &Token) -> bool {
    let tagged = matches!(code(t), T_A | T_V | T_N | T_NZ | T_NT | T_NR | T_NS | T_X | T_J | T_S | T_NG | T_B)
        || code(t) == pack("z");
    tagged && w.len() >= 2 && w.iter().all(|c| is_han(*c)) && !WORDS.contains_key(w) && !ACTION.contains(w)
}

/// Does a clause open after these tokens (a break, a date, a time word)?
fn opens(chars: &[char], before: &[Token]) -> bool {
    before.last().is_none_or(|p| {
        let w = &chars[p.start..p.end];
        !w.iter().any(|c| is_han(*c)) || matches!(code(p), T_M | T_T) || w.last() == Some(&'日')
    })
}

/// `三九`, `一重`: two Chinese numerals tagged a number, the end of a name (`华润三九`).
fn is_numeral_word(w: &[char], t: &Token) -> bool {
    code(t) == T_M && w.len() == 2 && w.iter().all(|c| crate::numeral::is_cn_numeral_char(*c))
}

/// A word that can be part of a company's name (`红帽`, `华润` + `雪花` + `啤酒`, `东方财富`).
fn is_name_word(w: &[char], t: &Token) -> bool {
    // (`贝特/nrt 瑞/ns`: a name the segmenter reads as a transliterated one is still a name)
    let tagged = matches!(code(t), T_N | T_NZ | T_NT | T_NR | T_NS | T_J | T_X | T_T | T_S) || code(t) == pack("nrt");
    let letters = w.iter().all(|c| is_han(*c) || c.is_ascii_alphabetic()) && !w.is_empty();
    tagged && letters && WORDS.get(w).is_none_or(|c| *c == Class::Generic) && !is_time(w, t)
}

/// Words after `市场` that make one metric with it (`市场份额`, `市场主体数`).
const MARKET_WORDS: &[&str] = &["份额", "份額", "占有率", "佔有率", "主体", "主體", "化", "价", "價", "规模", "規模"];
/// What a company does to another named after it: the other is no subject (`收购了西湖啤酒55%的股权`),
/// nor is what a figure is compared with (`与丰田汽车仅相差13万辆`).
const DEALS: &[[char; 2]] = &[
    ['收', '购'],
    ['收', '購'],
    ['持', '有'],
    ['入', '股'],
    ['增', '持'],
    ['减', '持'],
    ['減', '持'],
    ['出', '售'],
    ['购', '买'],
    ['購', '買'],
    ['超', '越'],
    ['超', '过'],
    ['超', '過'],
    ['相', '差'],
    ['逼', '近'],
    ['高', '于'],
    ['高', '於'],
    ['低', '于'],
    ['低', '於'],
    ['领', '先'],
    ['領', '先'],
    ['对', '比'],
    ['對', '比'],
];
/// Words that make a longer name of a company's (`东方财富` + `证券`): a subsidiary or the name in full.
const COMPANY_TAILS: &[&str] = &[
    "证券", "證券", "集团", "集團", "公司", "银行", "銀行", "控股", "股份", "基金", "期货", "期貨", "保险", "保險",
    "科技", "汽车", "汽車",
];
/// Chars that make a word a time (`今年`, `月初`, `目前`, `近期`, `凌晨`).
const TIME_CHARS: &[char] = &[
    '年', '月', '日', '天', '季', '时', '時', '期', '前', '后', '後', '末', '初', '底', '今', '昨', '明', '晨', '晚',
    '夜', '午', '早', '當', '当', '此', '周', '週', '秋', '春', '夏', '冬', '旬',
];
/// What a share of a company is of.
const STAKES: &[&str] = &["股权", "股權", "股份", "市场份额", "市場份額", "份额", "份額", "权益", "權益"];
/// How far back in its clause a deal is read, in chars (`收购了日本朝日啤酒杭州西湖啤酒剩余…`).
const DEAL_REACH: usize = 30;
/// The longest rest of a name cut off by the segmenter, in chars.
const NAME_REST: usize = 4;

impl Doc<'_> {
    /// Where the metric starts after `…市场` opening the label (`美国市场销量` → `销量`).
    fn market_scope(&self, (s, e): Span) -> Option<usize> {
        let p = (s..e.saturating_sub(3)).find(|&p| self.chars[p] == '市' && self.chars[p + 1] == '场')?;
        let rest = &self.chars[p + 2..e];
        if MARKET_WORDS.iter().any(|w| starts_with(rest, 0, w).is_some()) || !self.names_metric((p + 2, e)) {
            return None;
        }
        // The words before are a place or a name (`美国`, `A股`), not a deictic (`全市`) or a verb.
        let r = self.within(s, p);
        let named = self.tokens[r.clone()]
            .iter()
            .all(|t| (self.is_nounish(t) || matches!(code(t), T_NS | T_NT | T_NZ | T_NR)) && self.class(t).is_none());
        (p == s || !r.is_empty() && named && self.tokens[r.start].start == s && self.tokens[r.end - 1].end == p)
            .then_some(p + 2)
    }

    /// What follows a company's name in a label is a metric of its own
    /// (`净利润`, `运营现金流`, `报收`), not the rest of a longer name (`雪花啤酒`, `证券公司`).
    fn rest_of_label(&self, (s, e): Span) -> bool {
        let w = &self.chars[s..e];
        self.names_metric((s, e))
            || w.iter().all(|c| is_han(*c))
                && ENTITY.ending(w).is_none()
                && !COMPANY_TAILS.iter().any(|t| starts_with(w, 0, t).is_some())
    }

    /// The stake a share right after a figure is of (`55%的股权`, `25%股权`).
    fn stake_after(&self, end: usize) -> Option<Span> {
        let at = if self.chars.get(end) == Some(&'的') { end + 1 } else { end };
        STAKES.iter().find_map(|w| starts_with(self.chars, at, w).map(|n| (at, at + n)))
    }

    /// A word tagged a time that names none (`现代`): no time word, no time ending.
    pub(super) fn timeless_t(&self, t: &Token) -> bool {
        let w = self.word(t);
        code(t) == T_T
            && w.len() == 2
            && self.is_han_word(t)
            && self.class(t).is_none()
            && !w.iter().any(|c| TIME_CHARS.contains(c))
    }

    /// Is the subject the object of a deal or the point of a comparison in its clause?
    fn object_of_deal(&self, (s, _): Span) -> bool {
        let lo = s.saturating_sub(DEAL_REACH);
        let open = (lo..s).rev().find(|&p| super::CLAUSE_BREAKS.contains(&self.chars[p])).map_or(lo, |p| p + 1);
        let before = &self.chars[open..s];
        // `与丰田汽车…`, `向香港社会捐助…`: the other party, or whom a company gives to.
        let joined = s > 0 && matches!(self.chars[s - 1], '与' | '與' | '较' | '較' | '比' | '向' | '给' | '給');
        joined || before.windows(2).any(|w| DEALS.iter().any(|d| d[..] == *w))
    }

    /// `按美国通用会计准则计算，`, `根据国际会计准则`: the basis a figure is
    /// computed on, inside the clause that opens with `按`.
    pub(super) fn on_basis(&self, (s, _): Span) -> bool {
        let lo = s.saturating_sub(6);
        let open = (lo..=s).rev().find(|&p| p == 0 || super::CLAUSE_BREAKS.contains(&self.chars[p - 1])).unwrap_or(s);
        let w = &self.chars[open..];
        ["按", "根据", "根據", "依据", "依據", "依照"].iter().any(|b| starts_with(w, 0, b).is_some())
    }
}
