//! Whether a unit read after a number really is that number's unit here
//! (`3家庭`, `十九届五中全会`, `3点` a time of day, `千万千瓦级` a class).

use super::context::is_han;
use super::units::{Unit, match_unit, starts_with_any};
use super::{Scanner, Skip, qualifier_spans};
use crate::model::Kind;
use crate::numeral::{Numeral, is_cn_numeral_char};

impl Scanner<'_> {
    /// Is this unit really the unit of this number here?
    pub(super) fn unit_fits(&self, i: usize, n: &Numeral, unit: &Unit, at: usize, end: usize) -> Result<(), Skip> {
        let chars = self.chars;
        let next = chars.get(end).copied();
        let bad_next: &[char] = match unit.written {
            "折" => &['合', '算', '旧', '扣', '叠', '射', '腾', '线', '磨', '返', '中'],
            "成" => &[
                '为', '员', '本', '功', '立', '绩', '效', '果', '交', '品', '型', '熟', '长', '就', '都', '年', '人',
                '分', '套', '批', '片', '家', '了', '果',
            ],
            "年" => &['代', '级'],
            "次" => &['性'],
            "元" => &[
                '素', '宵', '旦', '首', '帅', '老', '月', '件', '器', '气', '代', '朝', '音', '化', '结', '论', '制',
                '体',
            ],
            "期" => &['工', '项', '间'],
            "个" | "個" => &['个'],
            "股" => &['东', '東', '票', '市', '权', '權', '价', '價', '民', '本', '份', '息', '评', '評'],
            // `3车道`, `2车间`, `5车次`: lanes, workshops, trains, not wagon loads.
            "车" => &[
                '道', '间', '間', '型', '位', '次', '辆', '輛', '厢', '廂', '队', '隊', '牌', '号', '號', '站', '程',
                '速', '系', '主', '流', '手', '身', '况', '載', '载', '组', '組', '库', '庫', '友', '展', '险', '險',
                '贷', '貸', '票', '费', '費', '门', '門',
            ],
            // `206省道` is a road.
            "省" => &['道', '委', '级', '級', '会', '會', '长', '長', '钱', '錢', '时', '時', '力', '略', '心', '事'],
            _ => &[],
        };
        if next.is_some_and(|c| bad_next.contains(&c)) {
            return Err(end);
        }
        // There are 34 provinces: a larger number before 省 is a name (`206省道`).
        if unit.written == "省" && n.value > 34.0 {
            return Err(end);
        }
        // A number of quarters only where a run or a record counts them.
        if unit.written == "季"
            && starts_with_any(chars, end, &["新高", "新低", "以来", "以來"]).is_none()
            && super::units::ends_with_any(chars, i, &["连续", "連續", "创", "創"]).is_none()
        {
            return Err(end);
        }
        // `十九届五中全会`, `十四届全国人大`: the number of a congress, not a count.
        if unit.written == "届"
            && (chars.get(end).is_some_and(|c| is_cn_numeral_char(*c))
                || starts_with_any(
                    chars,
                    end,
                    &["全国", "中央", "人大", "政协", "党代会", "省委", "市委", "区委", "县委"],
                )
                .is_some())
        {
            return Err(end);
        }
        // `14.8万车`, `141290车` are wagon loads; `三车` (a few cars) is not.
        if unit.written == "车" && n.chinese {
            return Err(end);
        }
        // `3500点` is an index level; `3点`, `12点` a time of day, `三点` a point.
        if unit.unit == "点" && (n.chinese || (!n.decimal && n.value <= 24.0)) {
            return Err(end);
        }
        // `4619分`, `600分以上` are points scored; `十分` is "very", `20时30分` a time of
        // day, `3分之1` a fraction, `3分钟` a duration, `5分公司` a branch.
        if unit.written == "分"
            && (n.chinese
                || at != n.end
                || chars[end..].iter().find(|c| **c != ' ').is_some_and(|c| {
                    matches!(
                        c,
                        '之' | '钟' | '鐘' | '秒' | '球' | '制' | '钱' | '錢' | '位' | '厂' | '廠' | '队' | '隊'
                    )
                })
                || (i > 0 && matches!(chars[i - 1], '时' | '時' | '点' | '點' | ':' | '：')))
        {
            return Err(end);
        }
        // `76.06万平`, `100平的房子`: square metres only after Arabic digits set close (`一平`, `3 平`).
        if unit.written == "平" && (n.chinese || at != n.end) {
            return Err(end);
        }
        // `40-70x`: a multiple only after Arabic digits.
        if unit.written == "x" && n.chinese {
            return Err(end);
        }
        // `千万千瓦级风电基地`, `百万吨级`: a class of size, not an amount.
        if n.bare_scale && next == Some('级') {
            return Err(end);
        }
        // `二两`, `三十两`: 两 weighs only where no other word follows (`三两下`, `两两`).
        if unit.written == "两"
            && (next
                .is_some_and(|c| is_cn_numeral_char(c) || matches!(c, '下' | '句' | '步' | '声' | '口' | '眼' | '笔'))
                || match_unit(chars, end).is_some())
        {
            return Err(end);
        }
        // `1200万度` is electricity; a bare `30度` is a temperature or an angle.
        if unit.written == "度" && !n.ends_with_scale {
            return Err(end);
        }
        // `1460万股` are shares; `一股热潮`, `两股势力` are no count of them.
        if unit.written == "股" && n.chinese && !n.ends_with_scale {
            return Err(end);
        }
        // `三大攻坚战`, `二十大`: a Chinese numeral with 大 names a programme or congress.
        if unit.written == "大" && n.chinese {
            return Err(end);
        }
        // `成` and `折` follow small numbers written plainly.
        if matches!(unit.written, "成" | "折") && ((n.bare_scale && n.value > 10.0) || n.value <= 0.0) {
            return Err(end);
        }
        // Years are dates, handled before; a four-digit number with 年 that was
        // not a date is not a duration either.
        if unit.written == "年" && !n.chinese && n.end - i >= 4 && !n.decimal {
            return Err(end);
        }
        // The measure word must not be the first character of a longer word (`3家庭`, `5年级`).
        // For Arabic numbers only the units that commonly start other words are checked.
        let risky =
            n.chinese || matches!(unit.written, "年" | "天" | "米" | "周" | "成" | "折" | "名" | "位" | "分" | "平");
        // `24年来`, `15年半`, `5年间`, `10年内`: 年来, 年半, 年间 and 年内 are words, and still years.
        // `68.31万平和54.56万平`: 平和 is a word, but here 和 joins two areas.
        let listed = unit.written == "平"
            && matches!(chars.get(end), Some('和' | '与' | '與' | '及'))
            && chars.get(end + 1).is_some_and(|c| c.is_ascii_digit());
        let since = listed
            || (unit.kind == Kind::Duration
                && (matches!(chars.get(end), Some('来' | '來' | '半' | '间' | '間' | '内' | '內'))
                    // `连续两年均达标`: a run of years, whatever word 年 starts (年均).
                    || starts_with_any(chars, i.saturating_sub(2), &["连续", "連續"]).is_some_and(|_| i >= 2)));
        // (A word the segmenter made up from unknown characters, tagged `x`, proves nothing:
        // `一百三十項社福設施` is cut 一百三十 / 項社福 / 設施.)
        if risky
            && !since
            && is_han(chars[at])
            && let Some(t) = self.token_at(at)
            && t.start == at
            && t.end > end
            && t.tag != "x"
        {
            return Err(end);
        }
        // `风电场三期`, `二厂一期`: the phase of a site is part of its name.
        if unit.written == "期"
            && n.chinese
            && i > 0
            && matches!(
                chars[i - 1],
                '场' | '場'
                    | '厂'
                    | '廠'
                    | '站'
                    | '园'
                    | '園'
                    | '港'
                    | '桥'
                    | '橋'
                    | '城'
                    | '楼'
                    | '樓'
                    | '馆'
                    | '館'
                    | '院'
            )
        {
            return Err(end);
        }
        // `哈密十三间房风电场`: the unit is inside a word that starts in the number (a place name).
        if n.chinese
            && let Some(t) = self.token_at(n.end - 1)
            && t.start > i
            && t.end > end
            && t.tag.starts_with('n')
        {
            return Err(end);
        }
        // A Chinese numeral inside a longer word (`七台河`, `统一`) is not a number; one of
        // three or more numeral chars (`二六七億`) is, however the segmenter cut it.
        if n.chinese
            && n.end - i < 3
            && let Some(t) = self.token_at(i)
            && ((t.start < i && !qualifier_spans(chars, t.start, i)) || (t.end > end && !(since && t.end == end + 1)))
            && !t.tag.starts_with('m')
            && t.tag != "q"
            && t.tag != "x"
        {
            return Err(end);
        }
        Ok(())
    }
}
