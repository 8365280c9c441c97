//! Ranks: `第2位`, `第二高`, `位居全省第一`, and the top or bottom N of a
//! ranking (`前五位`, `后三名`).

use super::context::is_han;
use super::units::{ends_with_any, starts_with, starts_with_any};
use super::{Draft, Scanner, Skip, dates};
use crate::model::Kind;
use crate::numeral::{is_cn_numeral_char, read_number};

/// Words that set up a ranking for a bare ordinal later in their clause.
const RANKING_CUES: &[&str] = &[
    "排名", "排行", "排在", "排位", "位居", "位列", "名列", "榜单", "榜單", "夺得", "奪得", "斩获", "斬獲", "问鼎",
    "問鼎", "蝉联", "蟬聯", "跃居", "躍居", "跻身", "躋身", "稳居", "穩居", "排第",
];
/// How far back (chars) a ranking cue is looked for.
const RANKING_CUE_REACH: usize = 16;

/// Degree words that make `第N` a rank (`第二高`, `第一大股东`).
const RANK_HEADS: &[char] =
    &['高', '大', '低', '小', '多', '少', '快', '慢', '强', '強', '长', '長', '热', '熱', '贵', '貴', '佳'];

/// Does the degree word begin a longer word here (`第一大学`, `第二高中`, `第三小学`)?
fn rank_head_runs_on(head: char, next: char) -> bool {
    let words: &[char] = match head {
        '大' => &[
            '学', '學', '会', '會', '道', '街', '厦', '廈', '桥', '橋', '队', '隊', '院', '楼', '樓', '门', '門', '赛',
            '賽', '区', '區', '类', '類', '庆', '慶', '连', '連', '寨', '典',
        ],
        '高' => &['级', '級', '中', '校', '速', '考', '峰', '层', '層', '原', '铁', '鐵', '院', '新', '等'],
        '小' => &['学', '學', '组', '組', '区', '區', '队', '隊', '时', '時', '节', '節'],
        '低' => &['级', '級', '保'],
        '长' | '長' => &['江', '城', '官', '期', '度', '者', '子', '安', '春', '沙', '征', '篇', '久', '廊', '假'],
        '强' | '強' => &['国', '國', '度', '制', '化', '队', '隊'],
        '快' => &['递', '遞', '车', '車', '线', '線', '速', '捷', '乐', '樂'],
        '热' | '熱' => &['线', '線', '点', '點', '门', '門', '度', '潮', '情'],
        _ => &[],
    };
    words.contains(&next)
}

impl Scanner<'_> {
    /// `前五位`, `后三名`, `位居前五`: the top or bottom N of a ranking is a rank
    /// (its cut-off position), not a count of places or people.
    pub(super) fn top_n(&self, i: usize) -> Result<Draft, Skip> {
        let chars = self.chars;
        // `此后3名`, `随后两位`: after, in time.
        if matches!(chars[i], '后' | '後')
            && i > 0
            && matches!(chars[i - 1], '之' | '此' | '以' | '然' | '随' | '隨' | '其' | '今' | '日' | '往' | '落' | '先')
        {
            return Err(i + 1);
        }
        let Some(n) = read_number(chars, i + 1, chars.len()) else { return Err(i + 1) };
        if n.decimal || n.end == i + 1 || !(1.0..=100.0).contains(&n.value) {
            return Err(i + 1);
        }
        // `上百家企业`: a hundred or more, a qualifier and a count, not the top hundred.
        if chars[i] == '上' && n.bare_scale {
            return Err(i + 1);
        }
        // `前20家企业`: the top N companies of a ranking, counted in 家.
        if let Some((w, len)) = starts_with_any(chars, n.end, &["名", "位", "家"]) {
            return Ok(Draft::number(i, n.end + len, Kind::Rank, n.value, w));
        }
        // `前十大个股`, `前三大股东`: the top N in a degree.
        if chars.get(n.end) == Some(&'大') && !chars.get(n.end + 1).is_some_and(|c| rank_head_runs_on('大', *c)) {
            return Ok(Draft::number(i, n.end + 1, Kind::Rank, n.value, "大"));
        }
        // `位居前五`, `增持前五的行业`.
        let then_de = matches!(chars.get(n.end), Some('的'));
        if (then_de || self.rank_verb_before(i) || self.ranking_cue_before(i))
            && !chars.get(n.end).is_some_and(|c| is_han(*c) && *c != '的')
        {
            return Ok(Draft::unitless(i, n.end, Kind::Rank, n.value));
        }
        Err(i + 1)
    }

    /// `第2位` (a rank), `第一季度` (a date); any other ordinal is not a figure.
    pub(super) fn ordinal(&self, i: usize) -> Result<Draft, Skip> {
        let chars = self.chars;
        if let Some(hit) = dates::date_at(chars, i) {
            return Ok(Draft::date(i, hit));
        }
        let Some(n) = read_number(chars, i + 1, chars.len()) else { return Err(i + 1) };
        if n.decimal {
            return Err(n.end);
        }
        if let Some((w, len)) = starts_with_any(chars, n.end, &["位", "名"])
            && !chars.get(n.end + len).is_some_and(|c| matches!(c, '于' | '置' | '次' | '单' | '称' | '义' | '字'))
        {
            return Ok(Draft::number(i, n.end + len, Kind::Rank, n.value, w));
        }
        // `第二高`, `第三大增幅`: an ordinal with a degree word is a rank in that degree.
        if let Some(&head) = chars.get(n.end)
            && RANK_HEADS.contains(&head)
            && !chars.get(n.end + 1).is_some_and(|c| rank_head_runs_on(head, *c))
        {
            return Ok(Draft::number(i, n.end + 1, Kind::Rank, n.value, &head.to_string()));
        }
        // `第二、第三大持仓股`: the degree word after the list is each item's.
        if chars.get(n.end) == Some(&'、')
            && chars.get(n.end + 1) == Some(&'第')
            && let Some(m) = read_number(chars, n.end + 2, chars.len())
            && let Some(&head) = chars.get(m.end)
            && RANK_HEADS.contains(&head)
            && !chars.get(m.end + 1).is_some_and(|c| rank_head_runs_on(head, *c))
        {
            return Ok(Draft::number(i, n.end, Kind::Rank, n.value, &head.to_string()));
        }
        // `第二、三季度`: the head of a list of quarters, a date as `二、三季度` is.
        if chars.get(n.end) == Some(&'、')
            && n.value.fract() == 0.0
            && let Some(hit) = dates::list_head(chars, n.end, n.value as u32)
        {
            return Ok(Draft::date(i, hit));
        }
        // `第1、2、3名`: the head of a list of places whose last item has the unit.
        if chars.get(n.end) == Some(&'、') && n.value <= 1000.0 {
            let mut at = n.end;
            while chars.get(at) == Some(&'、')
                && let Some(m) = read_number(chars, at + 1, chars.len())
                && !m.decimal
                && m.end - (at + 1) <= 3
            {
                at = m.end;
            }
            if at > n.end && starts_with_any(chars, at, &["名", "位"]).is_some() {
                return Ok(Draft::unitless(i, n.end, Kind::Rank, n.value));
            }
        }
        // `位居全省第一`, `排在第4、第5`, `仍是第一`, `夺得销量第一之位` are ranks, with no
        // unit written; `位居第一方阵`, `居全国第一梯队` name a tier, and `第一，…` opens a point.
        let ends_bare = match chars.get(n.end) {
            Some(c) if is_han(*c) => {
                matches!(c, '的' | '和' | '与' | '與' | '、') || starts_with(chars, n.end, "之位").is_some()
            }
            _ => true,
        };
        // `居第一、第二、第三`: an item after a rank and 、 is set up by the same verb.
        let continues = i > 0 && chars[i - 1] == '、' && self.last_rank_end == Some(i - 1);
        // `第4的比亚迪`: an ordinal that qualifies a name is its place, cue or not.
        let qualifies = chars.get(n.end) == Some(&'的');
        if ends_bare
            && n.value <= 1000.0
            && (qualifies || continues || self.rank_verb_before(i) || self.ranking_cue_before(i))
        {
            return Ok(Draft::unitless(i, n.end, Kind::Rank, n.value));
        }
        Err(n.end)
    }

    /// A word earlier in the clause that sets up a ranking (`分别排在`, `位居细分市场`,
    /// `销量榜单`, `夺得`), or a linking verb right before (`仍是`, `均为`).
    fn ranking_cue_before(&self, start: usize) -> bool {
        let chars = self.chars;
        if ends_with_any(chars, start, &["是", "为", "為"]).is_some() {
            return true;
        }
        let from = start.saturating_sub(RANKING_CUE_REACH);
        let clause = (from..start)
            .rev()
            .find(|&k| matches!(chars[k], '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '\n'))
            .map_or(from, |k| k + 1);
        (clause..start).any(|k| starts_with_any(chars, k, RANKING_CUES).is_some())
    }

    /// `排名从11名升至5名`, `名次由第8位前移到3位`: the ends of a move in a ranking
    /// named earlier in the clause are places in it, not counts.
    pub(super) fn ranking_moves(&self, start: usize) -> bool {
        let chars = self.chars;
        let moved = start > 0 && matches!(chars[start - 1], '从' | '從' | '由' | '至' | '到' | '升' | '降');
        if !moved {
            return false;
        }
        let lo = start.saturating_sub(16);
        let from = (lo..start)
            .rev()
            .take_while(|&k| !matches!(chars[k], '，' | '。' | '；' | '！' | '？' | ',' | ';' | '\n'))
            .last()
            .unwrap_or(start);
        chars[from..start]
            .windows(2)
            .any(|w| matches!(w, ['排', '名'] | ['名', '次'] | ['排', '位'] | ['位', '次'] | ['排', '行']))
    }

    /// `位居`, `排名全省`: a verb that places what follows in a ranking.
    pub(super) fn rank_verb_before(&self, start: usize) -> bool {
        let mut k = start;
        // `位列全省第3`: skip a scope word.
        if let Some((_, n)) = ends_with_any(self.chars, k, &["全国", "全省", "全市", "全区", "全县", "全球", "全网"])
        {
            k -= n;
        }
        ends_with_any(self.chars, k, &["排名", "位列", "位居", "名列", "排在", "排", "居", "列"]).is_some()
    }
}

impl Scanner<'_> {
    /// `分居二、三`, `分列第一、二位`: ordinals written without 第 — the head of a list
    /// right after a placing verb, or an item after a rank and 、.
    pub(super) fn bare_rank(&self, i: usize) -> Option<Draft> {
        let chars = self.chars;
        // Asked at every number: the cheap tests on what comes before go first.
        let continues = i > 0 && chars[i - 1] == '、' && self.last_rank_end == Some(i - 1);
        if !(continues || (is_cn_numeral_char(chars[i]) && self.rank_verb_before(i))) {
            return None;
        }
        let n = self.number_at(i)?;
        if n.decimal || n.bare_scale || !(1.0..=100.0).contains(&n.value) || n.value.fract() != 0.0 {
            return None;
        }
        let heads = n.chinese && chars.get(n.end) == Some(&'、');
        if !continues && !heads {
            return None;
        }
        if let Some((w, len)) = starts_with_any(chars, n.end, &["位", "名"]) {
            return Some(Draft::number(i, n.end + len, Kind::Rank, n.value, w));
        }
        if let Some(&head) = chars.get(n.end)
            && RANK_HEADS.contains(&head)
            && !chars.get(n.end + 1).is_some_and(|c| rank_head_runs_on(head, *c))
        {
            return Some(Draft::number(i, n.end + 1, Kind::Rank, n.value, &head.to_string()));
        }
        // Nothing after it but a separator or the end of the clause.
        let ends = chars.get(n.end).is_none_or(|c| !is_han(*c) || matches!(c, '、' | '和' | '与' | '與' | '及' | '的'));
        ends.then(|| Draft::unitless(i, n.end, Kind::Rank, n.value))
    }
}

/// `第一、二位`, `第四和第五位`: ranks listed with 、 or 和 take the unit written after the last of them.
pub(super) fn share_unit(chars: &[char], figures: &mut [crate::model::Figure]) {
    for k in (1..figures.len()).rev() {
        let (before, after) = figures.split_at_mut(k);
        let (prev, next) = (&mut before[k - 1], &after[0]);
        if prev.kind == Kind::Rank
            && next.kind == Kind::Rank
            && prev.unit.is_none()
            && next.unit.is_some()
            && next.start == prev.end + 1
            && matches!(chars[prev.end], '、' | '和' | '及' | '与' | '與')
        {
            prev.unit.clone_from(&next.unit);
        }
    }
}
