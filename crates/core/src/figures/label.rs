//! What a figure measures (`label`) and what it belongs to (`subject`),
//! in words taken from the sentence around it.

use super::partition_from;
use super::units::CharFilter;
use crate::fasthash::FxHashSet;
use crate::model::{Figure, Token};
use std::sync::LazyLock;

/// Tokens that sit between a metric and its number without naming anything.
const FILLER: &[&str] = &[
    "为",
    "达",
    "达到",
    "是",
    "共",
    "共计",
    "累计",
    "合计",
    "总计",
    "约",
    "了",
    "同比",
    "已",
    "均",
    "都",
    "仅",
    "将",
    "有",
    "的",
    "超",
    "近",
    "逾",
    "超过",
    "突破",
    "增长",
    "增加",
    "下降",
    "减少",
    "提高",
    "降低",
    "比",
    "较",
    "占",
    "实现",
    "完成了",
    "达成",
    "在",
    "至",
    "到",
    "由",
    "从",
    "于",
    "和",
    "与",
    "及",
    "或",
    "每",
    "人均",
    "户均",
];

const CLAUSE_BREAKS: &[char] = &['，', '。', '；', '：', '！', '？', '、', '\n', ',', ';', '(', '（', '“', '”'];
const SENTENCE_BREAKS: &[char] = &['。', '！', '？', '\n', '；'];
const SUBJECT_ENDINGS: &[&str] = &[
    "项目", "工程", "市", "县", "区", "省", "镇", "乡", "村", "公司", "企业", "集团", "园区", "全市", "全省", "全区",
    "全县",
];

/// [`FILLER`] as a set of char strings: a token is looked up once, not
/// compared with each filler word.
static FILLER_SET: LazyLock<FxHashSet<Vec<char>>> =
    LazyLock::new(|| FILLER.iter().map(|f| f.chars().collect()).collect());

/// The last chars of [`SUBJECT_ENDINGS`]: most tokens end in none of them.
static SUBJECT_ENDINGS_LAST: LazyLock<CharFilter> =
    LazyLock::new(|| CharFilter::last_chars(SUBJECT_ENDINGS.iter().copied()));

fn is_content(chars: &[char], t: &Token) -> bool {
    let tag = t.tag.as_str();
    (tag.starts_with('n')
        || tag.starts_with('v')
        || tag == "a"
        || tag == "an"
        || tag == "b"
        || tag == "j"
        || tag == "l"
        || tag == "i")
        && !FILLER_SET.contains(&chars[t.start..t.end])
}

/// A noun, or an unknown Han word (jieba tags new words found by its HMM `x`; most are names).
fn is_name_part(chars: &[char], t: &Token) -> bool {
    t.tag.starts_with('n')
        || (t.tag == "x" && chars[t.start..t.end].iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c)))
}

fn is_subjectish(chars: &[char], t: &Token) -> bool {
    matches!(t.tag.as_str(), "ns" | "nt" | "nz" | "nr")
        || (t.end > t.start
            && SUBJECT_ENDINGS_LAST.may_contain(chars[t.end - 1])
            && SUBJECT_ENDINGS.iter().any(|e| ends_with(chars, t, e)))
}

/// Fill `label` and `subject` of each figure from the tokens around it.
pub fn annotate(chars: &[char], tokens: &[Token], figures: &mut [Figure]) {
    if tokens.is_empty() {
        return;
    }
    // Up to 120 chars are searched back per figure for a break: filters skip most at once.
    let clause_breaks = CharFilter::of(CLAUSE_BREAKS.iter().copied());
    let sentence_breaks = CharFilter::of(SENTENCE_BREAKS.iter().copied());
    let mut prev_end = 0;
    // Figures come in document order, so every search below moves forward: start each near the last.
    let (mut h_first, mut h_last, mut h_after, mut h_sent) = (0, 0, 0, 0);
    for f in figures.iter_mut() {
        let (start, end) = (f.start, f.end);
        let clause_start = (prev_end.max(start.saturating_sub(40))..start)
            .rev()
            .find(|&p| clause_breaks.may_contain(chars[p]) && CLAUSE_BREAKS.contains(&chars[p]))
            .map_or(prev_end.max(start.saturating_sub(40)), |p| p + 1);
        let sentence_start = (start.saturating_sub(120)..start)
            .rev()
            .find(|&p| sentence_breaks.may_contain(chars[p]) && SENTENCE_BREAKS.contains(&chars[p]))
            .map_or(start.saturating_sub(120), |p| p + 1);
        let first = partition_from(tokens, h_first, |t| t.start < clause_start);
        let last = partition_from(tokens, h_last, |t| t.end <= start);
        (h_first, h_last) = (first, last);
        let before = &tokens[first.min(last)..last];

        // Trailing filler off; then the last one to three content words.
        let mut j = before.len();
        while j > 0 && !is_content(chars, &before[j - 1]) {
            j -= 1;
        }
        let mut label_from = j;
        while label_from > 0
            && j - label_from < 3
            && is_content(chars, &before[label_from - 1])
            && !is_subjectish(chars, &before[label_from - 1])
        {
            label_from -= 1;
            let chars_so_far: usize = before[label_from..j].iter().map(|t| t.end - t.start).sum();
            if chars_so_far >= 4 {
                break;
            }
        }
        let mut label = words_in(chars, &before[label_from..j]);
        if label.is_empty() {
            // Nothing before: the noun counted after the figure (`两个综合服务窗口`).
            let after = partition_from(tokens, h_after.max(last), |t| t.start < end);
            h_after = after;
            let nouns = tokens[after..].iter().take_while(|t| t.tag.starts_with('n') || t.tag == "vn").take(3).count();
            label = words_in(chars, &tokens[after..after + nouns]);
        }
        // Subject: the nearest named thing before the label in the sentence.
        let sent_first = partition_from(tokens, h_sent, |t| t.start < sentence_start);
        h_sent = sent_first;
        let subject_end = first.min(last) + label_from;
        let mut subject = None;
        let mut s = subject_end;
        while s > sent_first {
            if is_subjectish(chars, &tokens[s - 1]) && tokens[s - 1].start >= sentence_start {
                let mut from = s - 1;
                while from > sent_first
                    && s - from < 5
                    && is_name_part(chars, &tokens[from - 1])
                    && !CLAUSE_BREAKS.contains(&chars[tokens[from - 1].start])
                {
                    from -= 1;
                }
                subject = Some(words_in(chars, &tokens[from..s]));
                break;
            }
            s -= 1;
        }
        f.label = (!label.is_empty()).then_some(label);
        f.subject = subject;
        prev_end = end;
    }
}

/// The words of `tokens` written one after the other, built in one string
/// (no string per word: labels and subjects are made for every figure).
fn words_in(chars: &[char], tokens: &[Token]) -> String {
    // Room for Han characters (three bytes each), the usual case.
    let mut out = String::with_capacity(3 * tokens.iter().map(|t| t.end - t.start).sum::<usize>());
    out.extend(tokens.iter().flat_map(|t| &chars[t.start..t.end]));
    out
}

/// Does the token's word end with `e`? (No allocation: this runs for many tokens.)
fn ends_with(chars: &[char], t: &Token, e: &str) -> bool {
    super::units::ends_with(chars, t.end, e).is_some_and(|n| n <= t.end - t.start)
}
