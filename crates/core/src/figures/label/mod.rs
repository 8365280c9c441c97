//! What a figure measures (`label`) and what it belongs to (`subject`), as
//! spans of the text around it (`shared/spec/labels.md`).
//!
//! Each figure first gets what its own clause says: the metric written before
//! it (`完成投资14.8亿元`), or for a count the thing counted after it
//! (`设立两个综合服务窗口`), and the nearest named thing in its sentence as
//! subject. A second pass gives figures that name no metric of their own the
//! metric of the figure before them: a change (`比上年增长34.9%`), a bare
//! share, an item of a breakdown (`饮料类增长32.2%`, whose item is the subject).

mod adverb_end;
mod after_name;
mod age_band;
mod age_group;
mod appositive;
mod aspect_topic;
mod attributes;
mod bare_share;
mod base_period;
mod before_clause;
mod bracket_metric;
mod bracket_owner;
mod breakdown;
mod business_cut;
mod by_amount;
mod carry;
mod carry_on;
mod categories;
mod change_level;
mod change_tail;
mod charbuf;
mod clauses;
mod coded;
mod colon;
mod colon_list;
mod company;
mod company_fused;
mod company_metric;
mod compare_gap;
mod compared_name;
mod comparison_base;
mod counted;
mod counted_de;
mod counted_lead;
mod dated_base;
mod day_counts;
mod deictic;
mod earlier_de;
mod economy_growth;
mod edges;
mod examples_count;
mod flows;
mod frame;
mod from_to;
mod fused;
mod group_word;
mod groups;
mod growth_name;
mod growth_named;
mod growth_of;
mod growth_own;
mod hedges;
mod implied_list;
mod inherit;
mod item_lead;
mod item_list;
mod items;
mod kinds;
mod label_tidy;
mod lead_name;
mod list_before;
mod list_class;
mod list_join;
mod list_lead;
mod list_owners;
mod list_repeat;
mod lists;
mod locative;
mod market;
mod metric_pairs;
mod models;
mod money_after;
mod moves;
mod name_join;
mod name_prefix;
mod names;
mod nearer_owner;
mod network_subject;
mod owners;
mod partners;
mod person_group;
mod place_count;
mod place_units;
mod places;
mod rank_chart;
mod rank_head;
mod ranked_by;
mod ranked_next;
mod ranks;
mod rate_after;
mod ratio_head;
mod reach;
mod relative_head;
mod scope;
mod scope_count;
mod seek;
mod sentence_fill;
mod sentence_names;
mod settle;
mod share_change;
mod share_owner;
mod share_span;
mod shared_run;
mod spans;
mod stat_modifier;
mod stat_names;
mod subject_clean;
mod subject_fragments;
mod subject_metric;
mod subject_trim;
mod subjects;
mod superlative;
mod tiers;
mod to_level;
mod tokens;
mod top_group;
mod topic_carry;
mod topic_metric;
mod trade_flows;
mod widen;
mod words;
mod yi_owner;

use super::context::is_han;
use super::sentences::Sentences;
use crate::model::{Figure, Kind, Token};
use std::cell::Cell;
use std::ops::Range;
use tokens::*;
use words::{
    ACTION, ACTION_QUICK, COMPARISON, Class, DURATION, ENTITY, GROWTH_WORDS, METRIC, NOT_ENTITY_WORDS, WORDS,
    WORDS_QUICK,
};

/// Each [`Class`], at its code less one in a token's memo ([`Doc::memo`]).
const CLASSES: [Option<Class>; 8] = [
    None,
    Some(Class::Filler),
    Some(Class::Change),
    Some(Class::Time),
    Some(Class::Deictic),
    Some(Class::Verb),
    Some(Class::Trailing),
    Some(Class::Generic),
];

/// A span of chars, start and end.
type Span = (usize, usize);

/// A clause ends at these; a metric is never looked for across one.
pub(super) const CLAUSE_BREAK_CHARS: &[char] =
    &['，', '。', '；', '：', '！', '？', '、', '\n', ',', ';', ':', '!', '?', '（', '(', '）', ')'];
const CLAUSE_BREAKS: Breaks = Breaks::new(CLAUSE_BREAK_CHARS);
/// A sentence ends at these (rule 8: the subject is named in the figure's sentence).
const SENTENCE_BREAKS: Breaks = Breaks::new(&['。', '！', '？', '\n', '；', '!', '?', ';']);

/// A few marks the rules scan the text for, char by char: the marks are ASCII,
/// CJK punctuation or full-width forms, so a Han char is turned away by its
/// code alone (below the CJK block or in the full-width range, or neither),
/// and most others by a 128-bit filter (bit `c % 128`), before the list is compared.
struct Breaks {
    chars: &'static [char],
    mask: u128,
    /// The highest mark below the CJK block, and the range of those above it.
    low_max: u32,
    high: (u32, u32),
}

impl Breaks {
    const fn new(chars: &'static [char]) -> Breaks {
        let (mut mask, mut low_max, mut high) = (0u128, 0, (u32::MAX, 0));
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i] as u32;
            mask |= 1 << (c % 128);
            if c < 0x4E00 {
                low_max = if c > low_max { c } else { low_max };
            } else {
                high = (if c < high.0 { c } else { high.0 }, if c > high.1 { c } else { high.1 });
            }
            i += 1;
        }
        Breaks { chars, mask, low_max, high }
    }

    #[inline]
    fn contains(&self, c: &char) -> bool {
        let u = *c as u32;
        (u <= self.low_max || self.high.0 <= u && u <= self.high.1)
            && self.mask >> (u % 128) & 1 != 0
            && self.chars.contains(c)
    }
}
/// How far back a clause is read, in chars.
const CLAUSE_REACH: usize = 40;
/// How far back a subject is looked for.
const SENTENCE_REACH: usize = 120;
/// The longest label read before a figure, in chars.
const LABEL_MAX: usize = 12;

/// What a figure's own clause says about it.
#[derive(Default, Clone, Copy, Debug)]
struct Own {
    label: Option<Span>,
    /// The label is the thing counted after the number.
    after: bool,
    subject: Option<Span>,
    /// The clause names an item of a breakdown, not a metric: the item is
    /// the subject and the metric is inherited.
    item: bool,
    /// The item is a place (`中卫市增长36.4%`).
    place: bool,
    /// The clause before it says `分别`: it opens a list paired with items or figures before.
    respectively: bool,
    /// A name its sentence gives before the deictic its clause has (`苏州…，全市…`): the
    /// subject when nothing else gives one.
    past_deictic: Option<Span>,
}

struct Doc<'a> {
    /// What the rules read: the text, or its simplified copy if it is in
    /// traditional characters (`crate::simplified`), char for char.
    chars: &'a [char],
    /// The text itself, which labels and subjects are copied from.
    orig: &'a [char],
    /// The segmenter's tokens, cut where a figure begins or ends inside one
    /// (`282栋楼` is one token) and where a linking word is fused to the end of
    /// an unknown word (`率达`).
    tokens: &'a [Token],
    /// The token found last: the next lookup is most often next to it.
    hint: Cell<usize>,
    /// Where the text's sentences end.
    sentences: &'a Sentences,
    /// What has been learnt of each of `tokens` (empty: nothing is kept), so a word is
    /// looked up in the word lists once per text, not once per figure or rule that asks:
    /// bits 0–3 its class (0 not yet known, 1 none, else `Class` + 2), bits 4–5 whether
    /// it names an entity and 6–7 whether it is an action (0 not yet known, 1 no, 2 yes).
    memo: &'a [Cell<u32>],
}

/// How far before and after a figure its label and subject are read (a
/// sentence back from a clause before it; a counted thing and a `的` phrase
/// after it): each figure searches only the tokens in this reach.
const WINDOW_BEFORE: usize = CLAUSE_REACH * 2 + SENTENCE_REACH + 20;
const WINDOW_AFTER: usize = 100;

/// Fill `label` and `subject` of each figure from the words around it.
pub fn annotate(chars: &[char], tokens: &[Token], sentences: &Sentences, figures: &mut [Figure]) {
    if tokens.is_empty() {
        return;
    }
    let orig = chars;
    let simple = crate::simplified::chars(chars);
    let chars = simple.as_deref().unwrap_or(chars);
    let mut window = Window::new(chars, tokens, figures);
    let names = fused::Names::new(chars, tokens);
    let actors = company::Actors::new(chars, tokens);
    let doers = network_subject::Doers::new(chars);
    let mut owns: Vec<Own> = Vec::with_capacity(figures.len());
    for k in 0..figures.len() {
        let (tokens, memo) = window.around(figures[k].start, figures[k].end);
        let doc = Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo };
        let mut own = doc.own(figures, k, &owns);
        doc.adverb_end(figures, k, &mut own);
        doc.day_count(figures, k, &mut own, &owns);
        doc.growth_of(figures, k, &mut own);
        doc.age_group(&figures[k], &mut own);
        names.split(&doc, &mut own);
        doc.split_place(&mut own, figures, k);
        actors.fix(&doc, &figures[k], &mut own);
        doc.reach(&mut own, figures, k);
        doc.level_after_change(&mut own, figures, k, &owns);
        doc.rank_after_duration(&mut own, figures, k, &owns);
        doc.widen(&mut own, figures, k);
        doc.counted_head(&mut own);
        doc.kind_name(&mut own, figures, k);
        doc.fused_owner(figures, k, &mut own);
        doc.fused_group(figures, k, &mut own);
        doc.person_group(figures, k, &mut own);
        doc.not_compared(figures, k, &mut own, &owns);
        doc.flow_split(&figures[k], &mut own);
        doc.rank_label(figures, k, &mut own);
        doc.rank_head(figures, k, &mut own);
        doc.rank_chart(&figures[k], &mut own);
        doc.model_subject(&figures[k], &mut own);
        doc.subject_edges(&mut own);
        doc.tier_subject(&mut own);
        doc.past_deictic(&figures[k], &mut own);
        doc.money_after(&figures[k], &mut own);
        doc.relative_head(&figures[k], &mut own);
        doc.ratio_head(figures, k, &mut own);
        doc.locative(&mut own);
        doc.list_class(&mut own);
        doc.scope_count(figures, k, &mut own);
        doc.move_ends(&figures[k], &mut own);
        doc.superlative(figures, k, &mut own);
        doc.company_metric(&figures[k], &mut own);
        doc.place_count(&figures[k], &mut own);
        doc.by_amount(figures, k, &mut own);
        doc.split_run(figures, k, &mut own, owns.last_mut());
        doc.category_item(&figures[k], &mut own);
        doc.stat_name(&figures[k], &mut own);
        doc.network_subject(&figures[k], &mut own, &doers);
        doc.trim_subject(&mut own);
        doc.frame(&figures[k], &mut own);
        doc.stat_modifier(figures, k, &mut own);
        doc.change_tail(&mut own);
        doc.economy_growth(&figures[k], &mut own);
        doc.share_span(figures, k, &mut own);
        doc.dated_base(figures, k, &mut own);
        doc.yi_owner(&figures[k], &mut own);
        doc.nearer_owner(figures, k, &mut own, &owns);
        owns.push(own);
    }
    // The passes below read the text's own tokens (not the window's): their own memo.
    let mut memo_all = vec![0u32; tokens.len()];
    let memo = Cell::from_mut(&mut memo_all[..]).as_slice_of_cells();
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.breakdown_head(figures, &mut owns);
    // Inheriting reads the text and the figures, not the tokens.
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.inherit(figures, &owns);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.metric_pairs(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.colon_lists(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.rank_lists(figures, &owns);
    subject_fragments::drop_holders(figures);
    actors.carry(chars, orig, figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.carry_sentence(figures, &owns);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.fill_past_deictic(figures, &owns);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.owner_of_earlier_metric(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.settle_subjects(figures, &owns);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.growth_own(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.growth_fallback(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.trade_partners(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.whole_categories(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.carry_topic(figures);
    moves::apply(chars, orig, tokens, figures);
    coded::apply(chars, orig, tokens, figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.repeat_lists(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.fill_from_sentence(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.join_names(figures);
    appositive::apply(figures);
    subject_metric::apply(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.lead_items(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.bracket_owners(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.clean_subjects(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.fill_from_names(figures);
    place_units::apply(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.trade_flows(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.bare_shares(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.topic_metrics(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.examples_counts(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.tidy_labels(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.split_company_metrics(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.aspect_topics(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.counted_after_de(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.unshare_changes(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.compare_gaps(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.levels_reached(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.split_owner_prefixes(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.compared_names(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.comparison_bases(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.drop_group_words(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.ranked_by(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.drop_fragments(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.share_owners(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.lead_names(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.lists_before(figures);
    business_cut::apply(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.carry_on(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.age_bands(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.ranked_next(figures);
    Doc { chars, orig, tokens, hint: Cell::new(0), sentences, memo }.item_lists(figures);
    Doc { chars, orig, tokens: &[], hint: Cell::new(0), sentences, memo: &[] }.top_groups(figures);
}

impl<'a> Doc<'a> {
    fn word(&self, t: &Token) -> &'a [char] {
        &self.chars[t.start..t.end]
    }

    fn class(&self, t: &Token) -> Option<Class> {
        let Some(m) = self.memo_of(t) else { return self.class_of(t) };
        let known = m.get() & 0xf;
        if known != 0 {
            return CLASSES[known as usize - 1];
        }
        let c = self.class_of(t);
        m.set(m.get() | c.map_or(1, |c| c as u32 + 2));
        c
    }

    fn class_of(&self, t: &Token) -> Option<Class> {
        let w = self.word(t);
        if !WORDS_QUICK.may_hold(w) {
            return None;
        }
        WORDS.get(w).copied()
    }

    /// The memo of `t` if it is one of `self.tokens` (a token copied or made by a rule is not).
    #[inline]
    fn memo_of(&self, t: &Token) -> Option<&Cell<u32>> {
        let off = (t as *const Token as usize).wrapping_sub(self.tokens.as_ptr() as usize);
        let i = off / std::mem::size_of::<Token>();
        (i < self.memo.len() && i * std::mem::size_of::<Token>() == off).then(|| &self.memo[i])
    }

    /// A yes-or-no fact of `t` kept in its memo at bits `shift..shift + 2`, worked out by `f` once.
    #[inline]
    fn memo_flag(&self, t: &Token, shift: u32, f: impl FnOnce() -> bool) -> bool {
        let Some(m) = self.memo_of(t) else { return f() };
        match m.get() >> shift & 3 {
            1 => false,
            2 => true,
            _ => {
                let v = f();
                m.set(m.get() | (1 + u32::from(v)) << shift);
                v
            }
        }
    }

    // Inlined: `w` is a literal, and its chars are then known where it is called.
    #[inline]
    fn is(&self, t: &Token, w: &str) -> bool {
        // Compared as UTF-8 bytes: `w` is not decoded, and the first char turns most tokens away.
        crate::figures::units::same(self.word(t), w)
    }

    /// Is the token a deictic (`全市`, `该县`)? (As `self.class(t) == Some(Class::Deictic)`.)
    #[inline]
    fn is_deictic(&self, t: &Token) -> bool {
        self.memo_flag(t, 8, || {
            let w = self.word(t);
            words::DEICTIC_QUICK.may_hold(w) && WORDS.get(w) == Some(&Class::Deictic)
        })
    }

    /// Is the token one of `words`? (As `words.iter().any(|w| self.is(t, w))`.)
    fn is_any(&self, t: &Token, words: &[&str]) -> bool {
        crate::figures::units::same_any(self.word(t), words)
    }

    /// Is `(s, e)` a span that [`Doc::text`] copies as it is (no note mark, no quote or space
    /// at either end)?
    fn plain(&self, (s, e): Span) -> bool {
        let plain = |c: char| !(c.is_whitespace() || matches!(c, '“' | '”' | '"' | '「' | '」'));
        s < e
            && plain(self.orig[s])
            && plain(self.orig[e - 1])
            && !self.chars[s..e].iter().any(|c| matches!(c, '[' | '［'))
    }

    /// `self.text(a) == self.text(b)`, with no copy of plain spans.
    fn same_text(&self, a: Span, b: Span) -> bool {
        if self.plain(a) && self.plain(b) {
            return self.orig[a.0..a.1] == self.orig[b.0..b.1];
        }
        self.text(a) == self.text(b)
    }

    /// `self.text(span) == s`, with no copy of a plain span.
    fn text_is(&self, span: Span, s: &str) -> bool {
        if self.plain(span) {
            return crate::figures::units::same(&self.orig[span.0..span.1], s);
        }
        self.text(span) == s
    }

    fn text(&self, (s, e): Span) -> String {
        // Most spans hold no note mark and open and close on no quote or space: nothing below
        // would change them, and they are copied as they are.
        if self.plain((s, e)) {
            let mut out = String::with_capacity(3 * (e - s));
            out.extend(&self.orig[s..e]);
            return out;
        }
        // Note marks (`外商直接投资[7]金额`) are not part of what is named.
        let mut out = String::with_capacity(3 * (e - s));
        let mut k = s;
        while k < e {
            if let Some(end) = self.note_mark(k).filter(|&end| end <= e) {
                k = end;
                continue;
            }
            out.push(self.orig[k]);
            k += 1;
        }
        let quote = |c: char| c.is_whitespace() || matches!(c, '“' | '”' | '"' | '「' | '」');
        let mut trimmed = out.trim_matches(quote);
        // `“一带一路”沿线国家`: a quote closed inside the span opens a name in it, and stays.
        let inner = out.trim_matches(char::is_whitespace);
        if let Some(open) = inner.chars().next().filter(|c| matches!(c, '“' | '「'))
            && let Some(close) = inner[open.len_utf8()..].find(if open == '“' { '”' } else { '」' })
            && open.len_utf8() + close + 3 < inner.trim_end_matches(quote).len()
        {
            trimmed = inner.trim_end_matches(quote);
        }
        // Trimmed in place: no second copy.
        let (a, n) = (trimmed.as_ptr() as usize - out.as_ptr() as usize, trimmed.len());
        out.truncate(a + n);
        out.drain(..a);
        out
    }

    /// A note mark `[7]` or `［7］` starting at `k`: where it ends.
    fn note_mark(&self, k: usize) -> Option<usize> {
        if !matches!(self.chars[k], '[' | '［') {
            return None;
        }
        let digits = self.chars[k + 1..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
        (digits > 0 && matches!(self.chars.get(k + 1 + digits), Some(']' | '］'))).then_some(k + digits + 2)
    }

    /// A note mark ending at `e`: where it starts.
    fn note_mark_before(&self, e: usize) -> Option<usize> {
        // A mark ends in its closing bracket: most places are turned away by that char.
        if !matches!(self.chars.get(e.wrapping_sub(1)), Some(']' | '］')) {
            return None;
        }
        (e.saturating_sub(6)..e).find(|&k| self.note_mark(k) == Some(e))
    }

    /// The index of the token ending exactly at `e` and starting at or after `lo`.
    fn token_ending(&self, e: usize, lo: usize) -> Option<usize> {
        // Walks step one token at a time: the last answer, or the one before it, is most often right.
        let h = self.hint.get();
        let i = [h.wrapping_sub(1), h]
            .into_iter()
            .find(|&i| i < self.tokens.len() && self.tokens[i].end == e)
            .unwrap_or_else(|| self.seek(|t| t.end < e));
        self.hint.set(i);
        (i < self.tokens.len() && self.tokens[i].end == e && self.tokens[i].start >= lo).then_some(i)
    }

    /// The index of the token starting exactly at `s`.
    fn token_starting(&self, s: usize) -> Option<usize> {
        let h = self.hint.get();
        let i = [h, h + 1]
            .into_iter()
            .find(|&i| i < self.tokens.len() && self.tokens[i].start == s)
            .unwrap_or_else(|| self.seek(|t| t.start < s));
        self.hint.set(i);
        (i < self.tokens.len() && self.tokens[i].start == s).then_some(i)
    }

    /// Tokens wholly inside `from..to`.
    fn within(&self, from: usize, to: usize) -> Range<usize> {
        let b = self.seek(|t| t.end <= to);
        let a = self.seek(|t| t.start < from);
        a..b.max(a)
    }

    fn is_han_word(&self, t: &Token) -> bool {
        t.end > t.start && self.word(t).iter().all(|c| is_han(*c))
    }

    /// A word that can be part of the name of a metric or a thing.
    fn is_content(&self, t: &Token) -> bool {
        let tag = code(t);
        let alpha = self.word(t).iter().all(|c| c.is_ascii_alphabetic());
        (tag & 0xff == u32::from(b'n')
            || tag & 0xff == u32::from(b'v')
            || matches!(tag, T_A | T_AN | T_AD | T_B | T_J | T_L | T_I | T_ENG | T_S | T_VN | T_AG | T_ZG | T_T)
            || (tag == T_X && (self.is_han_word(t) || alpha))
            // `规模以上工业`, `限额以上单位`: a scope inside the metric.
            || (tag == T_F && (self.is(t, "以上") || self.is(t, "以下")))
            // `“一带一路”沿线国家`: a place word inside a name.
            || (tag == T_F && (self.is(t, "沿线") || self.is(t, "沿線"))))
            && !matches!(
                self.class(t),
                Some(Class::Filler | Class::Change | Class::Time | Class::Deictic | Class::Verb)
            )
    }

    fn is_nounish(&self, t: &Token) -> bool {
        let tag = code(t);
        (tag & 0xff == u32::from(b'n')
            || matches!(tag, T_VN | T_J | T_ENG | T_B | T_AN | T_S | T_ZG)
            || (tag == T_X && self.is_han_word(t)))
            && self.class(t).is_none_or(|c| c == Class::Generic)
            && !self.is_action(t)
    }

    fn is_verb(&self, t: &Token) -> bool {
        matches!(code(t), T_V | T_VD | T_VI | T_VG | T_VQ) || self.is_action(t)
    }

    fn is_action(&self, t: &Token) -> bool {
        self.memo_flag(t, 6, || {
            let w = self.word(t);
            ACTION_QUICK.may_hold(w) && ACTION.contains(w)
        })
    }

    /// A word naming a place, project, company or institution (rule 8).
    fn is_entity(&self, t: &Token) -> bool {
        self.memo_flag(t, 4, || self.entity_word(t))
    }

    fn entity_word(&self, t: &Token) -> bool {
        let w = self.word(t);
        // A one-char word is none: asked before the word lists.
        if w.len() < 2 {
            return false;
        }
        let named = matches!(code(t), T_NS | T_NT | T_NZ);
        // Most words end like no entity: that is asked first.
        // A one-char ending names something only after a name (`梨树区`, not `疫区`, `布局`).
        let ends = ENTITY.ending(w).is_some_and(|n| n > 1 || w.len() >= 3);
        if !(named || ends) || w.len() < 2 || !self.is_han_word(t) {
            return false;
        }
        // `比上年末`: a comparison's base, whatever its tag; time words; counts (`三县`).
        !(matches!(w[0], '比' | '较' | '較')
            || matches!(w[w.len() - 1], '年' | '月' | '日' | '季' | '周')
            || (code(t) != T_NS || self.counted_word(w)) && crate::numeral::is_cn_numeral_char(w[0])
            || NOT_ENTITY_WORDS.ending(w).is_some())
    }

    /// Where the clause ending at `at` begins (not before `floor`), reading
    /// over a bracketed note (`地区生产总值（GDP）`).
    fn clause_start(&self, at: usize, floor: usize) -> usize {
        let lim = at.saturating_sub(CLAUSE_REACH).max(floor);
        let mut k = at;
        while k > lim {
            // Straight to the last break before `k` (an index built once per text): the chars
            // after it are none of the marks asked for below.
            k = self.sentences.clause_break_after(k).max(lim);
            if k == lim {
                break;
            }
            let c = self.chars[k - 1];
            if matches!(c, '）' | ')') {
                match (lim..k - 1).rev().find(|&j| matches!(self.chars[j], '（' | '(')) {
                    Some(open) => {
                        k = open;
                        continue;
                    }
                    None => return k,
                }
            }
            if CLAUSE_BREAKS.contains(&c) {
                return k;
            }
            k -= 1;
        }
        k
    }

    /// `千万元以上项目`, `亿元以上项目`: a threshold of scale words alone, written before a noun.
    /// (`5000万元以上项目` keeps the label `项目`: its number stands apart.)
    fn opens_scope(&self, f: &Figure) -> bool {
        f.end >= 2
            && !self.chars[f.start..f.end].iter().any(|c| c.is_ascii_digit())
            && matches!(self.chars[f.end - 2..f.end], ['以', '上' | '下'])
            && self.chars.get(f.end).is_some_and(|c| super::context::is_han(*c))
    }

    fn sentence_start(&self, at: usize) -> usize {
        self.sentences.start(at, SENTENCE_REACH)
    }

    /// What the clause of `figures[k]` says about it.
    fn own(&self, figures: &[Figure], k: usize, before_it: &[Own]) -> Own {
        let f = &figures[k];
        if f.kind == Kind::Date {
            return Own::default();
        }
        let prev_end = match k.checked_sub(1).map(|p| &figures[p]) {
            // `千万元以上项目145个`: a threshold opens the name of what is counted.
            Some(p) if self.opens_scope(p) => p.start,
            Some(p) => p.end,
            None => 0,
        };
        let next_start = figures.get(k + 1).map_or(self.chars.len(), |n| n.start);
        let lo = self.clause_start(f.start, prev_end);
        let respectively = self.find_respectively(lo, f.start).is_some();
        let mut before = self.metric_before(lo, f.start);
        // `最大的是手续费及佣金净收入，为24.41亿元`: a clause of a linking word alone
        // continues the clause before it, which names the metric.
        if before.label.is_none()
            && !before.examples
            && matches!(f.kind, Kind::Money | Kind::Percent)
            && lo > prev_end
            && lo > 0
            && matches!(self.chars[lo - 1], '，' | ',')
            && self.only_linking(lo, f.start)
        {
            let lo2 = self.clause_start(lo - 1, prev_end);
            before = self.metric_before(lo2, lo - 1);
        }
        if before.label.is_none()
            && !before.examples
            && let Some(b) = self.metric_before_colon(f, lo, prev_end)
        {
            before = b;
        }
        // `城市居民消费价格指数为100.7，同比上涨0.7%`: a change after an index level
        // (an optional figure, not reported) is the change of that index.
        if before.label.is_none()
            && f.change.is_some()
            && lo > prev_end
            && lo > 0
            && matches!(self.chars[lo - 1], '，' | ',')
            && let Some(at) = self.level_before(lo - 1, prev_end)
        {
            let lo2 = self.clause_start(at, prev_end);
            before = self.metric_before(lo2, at);
        }
        if before.label.is_none()
            && f.change.is_some()
            && let Some(l) = self.metric_clause_before(lo, figures, k)
        {
            before = Before { label: Some(l), ..Before::default() };
        }
        let mut own = Own { respectively, ..Own::default() };
        if before.label.is_none() && !before.examples {
            before.label = self.bare_level(lo, f.start);
        }
        if before.label.is_none()
            && f.change.is_some()
            && let Some(item) = self.bracketed_item(lo)
        {
            (own.item, own.subject) = (true, Some(item));
            return own;
        }
        // Nothing before names a thing: only verbs (`设立`), or a verb that takes what follows (`忠信村利用`).
        let weak = before.examples
            || before.label.is_none_or(|l| self.verbs_only(l) || self.ends_in_action(l) && !self.names_metric(l));
        let after = self.thing_after(f.end, next_start, weak);
        match f.kind {
            Kind::Duration => {
                // Rule 10: only a word that names the time (`办结时限`, `还款期限`).
                let named = |s: &Option<Span>| s.is_some_and(|s| DURATION.ending(&self.chars[s.0..s.1]).is_some());
                if named(&before.label) {
                    own.label = before.label;
                } else if named(&after.of) {
                    own.label = after.of;
                }
            }
            Kind::Count | Kind::Quantity | Kind::Money
                if after.noun.is_some()
                    && (f.kind != Kind::Money || weak && !self.verb_after_amount(after.noun, f.end)) =>
            {
                own.label = after.noun;
                own.after = true;
            }
            Kind::Percent
                if f.change.is_none()
                    && before.label.is_none_or(|l| !self.names_metric(l))
                    && let Some(rate) = self.rate_after(f.end, next_start) =>
            {
                own.label = Some(rate);
                own.after = true;
            }
            // A change takes the quantity it changes (rule 5), never a noun after it (`增长13.3%平稳开局`).
            Kind::Percent
                if f.change.is_none()
                    && after.noun.is_some_and(|n| self.chars[n.0] != '之')
                    && before.label.is_none_or(|l| !self.names_metric(l)) =>
            {
                // `60%收益将用于…`: the share of what follows.
                own.label = after.noun;
                own.after = true;
            }
            Kind::Count | Kind::Quantity if weak && after.of.is_some() => {
                // `12.97公里的路基段`: the thing the figure measures, after `的`.
                own.label = after.of;
                own.after = true;
            }
            Kind::Count | Kind::Quantity if weak && after.predicate.is_some() => {
                own.label = after.predicate;
                own.after = true;
            }
            _ if before.examples => {}
            _ => own.label = before.label.filter(|l| !self.verbs_only(*l) || l.1 - l.0 >= 2),
        }
        if f.kind == Kind::Duration && own.label.is_none() {
            return own;
        }
        if let Some((partner, metric)) = own.label.filter(|_| !own.after).and_then(|l| self.trade_partner(l)) {
            own.subject = Some(partner);
            own.label = Some(metric);
            return own;
        }
        // A rank takes the metric that is ranked (rule 6): `位居全球第27位`, `排历史第2高`
        // name none, and take the metric of the figure before them.
        if f.kind == Kind::Rank && own.label.is_some_and(|l| !self.names_metric(l)) {
            own.label = None;
        }
        // `投资增速前二名`: the top or bottom places of a ranked metric count places in it.
        if f.kind == Kind::Count
            && f.start > 0
            && matches!(self.chars[f.start - 1], '前' | '后' | '後')
            && matches!(f.unit.as_deref(), Some("名" | "位"))
            && let Some(l) = before.label.filter(|l| self.names_metric(*l))
        {
            own.label = Some(l);
            own.subject = self.subject_before(l.0, &[]);
            return own;
        }
        if !own.after
            && !before.whole
            && let Some((group, metric)) = own.label.and_then(|l| self.category_split(l))
        {
            (own.label, own.subject) = (Some(metric), Some(group));
            return own;
        }
        // A bare item (`饮料类增长32.2%`, `其中城镇为31.2%`) or a place before a figure is its subject.
        if !own.after
            && let Some(l) = own.label
            && !before.whole
            && (before.place
                || self.is_breakdown_item(l, f)
                || self.is_part_of_total(figures, k, l, before_it)
                || (matches!(f.kind, Kind::Percent) || f.change.is_some()) && !self.names_metric(l))
        {
            own.item = true;
            own.place = before.place;
            own.subject = Some(l);
            own.label = self.lead_in(lo);
            return own;
        }
        own.subject = self
            .rank_owner(f, lo)
            .or_else(|| self.subject_after(f.end))
            .or_else(|| self.name_after_de(f.start, f.end))
            .or_else(|| own.label.filter(|_| !own.after).and_then(|l| self.owner_before_de(l.0)))
            .or_else(|| own.label.filter(|_| !own.after).and_then(|l| self.place_before_de(l.0)))
            .or_else(|| own.label.filter(|_| !own.after).and_then(|l| self.before_linking(lo, l.0)))
            .or_else(|| {
                let from = match (own.after, before.label) {
                    (false, Some(l)) if own.label == Some(l) => l.0,
                    _ => f.start,
                };
                // What the figures before measure or count (`由1名区级包保领导加1名民政局联络员`) is not what this one belongs to.
                let (mut counted, mut n) = ([(0, 0); 8], 0);
                for l in before_it.iter().rev().take(8).filter_map(|o| o.label) {
                    counted[n] = l;
                    n += 1;
                }
                self.subject_before(from, &counted[..n])
            });
        // `为3509户城乡低保家庭发放低保金1148.5万元`: what the count before it in the clause counts.
        if own.subject.is_none()
            && k > 0
            && !own.after
            && let Some(prev) = before_it.last().filter(|o| o.after)
            && !self.chars[figures[k - 1].end..f.start].iter().any(|c| CLAUSE_BREAKS.contains(c))
        {
            own.subject = prev.label;
        }
        if before.examples
            || own.subject.is_some()
                && own.label.is_some()
                && own.subject.zip(own.label).is_some_and(|(s, l)| self.same_text(s, l))
        {
            own.subject = None;
        }
        // `据商务部统计`, `东吴证券认为`, `（中央社记者…电）`: who tells the figure is not what it is about.
        if let Some((s, e)) = own.subject
            && (self.is_source(s, e) || self.is_sort_lead((s, e)))
        {
            own.subject = None;
        }
        own
    }

    /// Where `w` last occurs in `from..to`.
    fn find(&self, from: usize, to: usize, w: &str) -> Option<usize> {
        let n = w.chars().count();
        // The first char turns most positions away before the rest of `w` is decoded.
        let first = w.chars().next()?;
        (from..to.saturating_sub(n - 1))
            .rev()
            .find(|&p| self.chars[p] == first && crate::figures::units::starts_with(self.chars, p, w).is_some())
    }

    /// `self.find(from, to, "拉动").or_else(|| self.find(from, to, "拉動"))`, in one scan back.
    fn find_pull(&self, from: usize, to: usize) -> Option<usize> {
        let mut traditional = None;
        for p in (from..to.saturating_sub(1)).rev() {
            if self.chars[p] == '拉' {
                match self.chars[p + 1] {
                    '动' => return Some(p),
                    '動' if traditional.is_none() => traditional = Some(p),
                    _ => {}
                }
            }
        }
        traditional
    }

    /// Where a word pairing a list with the items before it last occurs in `from..to`:
    /// `分别`, or a verb made of 分 and a placing verb (`分居`, `分列`, `分获`: `万科、保利
    /// 和中海分居第一、二、三位`).
    fn find_respectively(&self, from: usize, to: usize) -> Option<usize> {
        (from..to.saturating_sub(1)).rev().find(|&p| {
            self.chars[p] == '分'
                && match self.chars[p + 1] {
                    '别' | '別' => true,
                    // `百分占比`, `部分列入`, `区分居民`: 分 ending a word is none.
                    '居' | '列' | '获' | '獲' | '占' | '佔' => {
                        !(p > 0
                            && matches!(
                                self.chars[p - 1],
                                '百' | '十' | '部' | '区' | '區' | '充' | '划' | '劃' | '细' | '細' | '之' | '成'
                            ))
                    }
                    _ => false,
                }
        })
    }

    /// Does the span name a statistic (it ends in a metric's head)?
    fn names_metric(&self, s: Span) -> bool {
        METRIC.ending(&self.chars[s.0..s.1]).is_some()
    }

    /// Is the span verbs only (`设立`, `带动`)?
    fn verbs_only(&self, (s, e): Span) -> bool {
        let r = self.within(s, e);
        !r.is_empty() && self.tokens[r].iter().all(|t| self.is_verb(t))
    }

    /// The metric named right before `hi`, in `lo..hi`.
    fn metric_before(&self, lo: usize, hi: usize) -> Before {
        // `“名校优生”98人`: a quoted name right before the number is the thing, whole.
        if hi > lo + 2
            && matches!(self.chars[hi - 1], '”' | '」')
            && let Some(open) = (lo..hi - 1).rev().find(|&j| matches!(self.chars[j], '“' | '「'))
            && open + 1 < hi - 1
        {
            return Before { label: Some((open + 1, hi - 1)), whole: true, ..Before::default() };
        }
        // Rule 6: a contribution to growth is named whole (`拉动GDP增长1.1个百分点`).
        if let Some(at) = self.find_pull(lo, hi) {
            let mut e = hi;
            while e > at && !is_han(self.chars[e - 1]) {
                e -= 1;
            }
            if e > at + 2 {
                return Before { label: Some((at, e)), whole: true, ..Before::default() };
            }
        }
        let mut e = self.cut_comparison(lo, hi);
        if e < hi && e > lo + 2 && matches!(self.chars[e - 1], '”' | '」') {
            return self.metric_before(lo, e); // `“四项指标”同比分别下降`: the quoted name, whole.
        }
        // Right end: drop linking verbs, qualifiers, changes, time words, notes.
        loop {
            while e > lo && (self.chars[e - 1].is_whitespace() || matches!(self.chars[e - 1], '”' | '」' | '"')) {
                e -= 1;
            }
            if e <= lo {
                return Before::default();
            }
            if matches!(self.chars[e - 1], '）' | ')')
                && let Some(open) = (lo..e - 1).rev().find(|&j| matches!(self.chars[j], '（' | '('))
            {
                e = open;
                continue;
            }
            if let Some(s) = self.note_mark_before(e) {
                e = s;
                continue;
            }
            if let Some(p) = self.per_unit_before(e, lo) {
                e = p;
                continue;
            }
            if let Some(p) = self.hedge_before(e, lo) {
                e = p;
                continue;
            }
            let Some(ti) = self.token_ending(e, lo) else { return Before::default() };
            let t = &self.tokens[ti];
            if (self.is(t, "等") || self.is(t, "等等")) && e == hi {
                // `…儿童公园等8家`: examples of what is counted, not its name.
                return Before { examples: true, ..Before::default() };
            }
            // `網上銷售佔7.3%`: a share verb right before the number, with nothing after it.
            if e == hi && (self.is(t, "占") || self.is(t, "佔")) {
                e = t.start;
                continue;
            }
            let drop = match self.class(t) {
                Some(Class::Generic) => false,
                Some(_) => true,
                // `營業利益率原預計`: 原 (as first given) ends no metric.
                None => self.is(t, "完成") || self.is(t, "原") || !(self.is_han_word(t) || self.is_content(t)),
            };
            if !drop {
                break;
            }
            e = t.start;
            // `臨時估計`, `初步估计`: the estimate's qualifier goes with it.
            if ["估計", "估计"].iter().any(|w| self.is(t, w))
                && let Some(q) = self.token_ending(e, lo)
                && ["臨時", "临时", "初步", "修訂", "修订"].iter().any(|w| self.is(&self.tokens[q], w))
            {
                e = self.tokens[q].start;
            }
        }
        // Walk back over the words of the metric.
        let mut s = e;
        let mut place = false;
        while let Some(ti) = self.token_ending(s, lo) {
            let t = &self.tokens[ti];
            if let Some(m) = self.note_mark_before(s) {
                s = m;
                continue;
            }
            if let Some(open) = self.inner_bracket(s, e, lo) {
                s = open;
                continue;
            }
            // `“一带一路”沿线国家进出口`: a quoted name inside the words of the metric is read whole.
            if s < e
                && matches!(self.word(t), ['”'] | ['」'])
                && let Some(open) =
                    (lo.max(t.start.saturating_sub(10))..t.start).rev().find(|&j| matches!(self.chars[j], '“' | '「'))
                && e - open <= LABEL_MAX + 4
            {
                s = open;
                continue;
            }
            if self.is(t, "比")
                && ti > 0
                && self.tokens[ti - 1].end == t.start
                && matches!(self.chars[t.start.saturating_sub(1)], '占' | '佔')
            {
                // `营收占比`: one word cut in two.
                s = self.tokens[ti - 1].start;
                continue;
            }
            if self.is(t, "占") || self.is(t, "佔") {
                s = t.start;
                // `营收占比`: 占 is part of the name; otherwise a share runs from 占.
                if self.tokens.get(ti + 1).is_some_and(|n| self.is(n, "比")) {
                    continue;
                }
                break;
            }
            let generic_head = s < e && self.generic_only(s, e);
            if self.is(t, "的") && generic_head {
                s = t.start;
                continue;
            }
            if matches!(code(t), T_C) && s < e && ti > 0 {
                // `脱贫监测户和边缘户`: two nouns joined.
                let left = &self.tokens[ti - 1];
                let left_q = code(left) == T_Q && ti > 1 && code(&self.tokens[ti - 2]) != T_M;
                if (self.is_nounish(left) || left_q) && left.start >= lo && e - left.start <= LABEL_MAX {
                    s = t.start;
                    continue;
                }
                break;
            }
            if self.is(t, "完成") {
                if self.tokens.get(ti + 1).is_some_and(|n| n.start == s && self.is(n, "投资")) {
                    s = t.start;
                }
                break;
            }
            // `占全市一般公共预算收入比重`, `占全部就业人员比重`: a share runs from 占, over the scope after it.
            if s < e
                && (self.is_deictic(t) || self.is(t, "全部"))
                && ti > 0
                && self.tokens[ti - 1].end == t.start
                && self.tokens[ti - 1].start >= lo
                && (self.is(&self.tokens[ti - 1], "占") || self.is(&self.tokens[ti - 1], "佔"))
            {
                s = self.tokens[ti - 1].start;
                break;
            }
            // `边缘户`: a measure word after a noun is part of the name.
            let noun_q =
                code(t) == T_Q && ti > 0 && self.tokens[ti - 1].start >= lo && code(&self.tokens[ti - 1]) != T_M;
            // `就业不足率`: a bound head (率, 额) takes the word before it, whatever its class.
            let bound = s + 1 == e
                && matches!(self.chars[s], '率' | '额' | '額' | '量' | '值')
                && self.is_han_word(t)
                && !matches!(self.class(t), Some(Class::Time | Class::Deictic));
            let content = self.is_content(t) || noun_q;
            // `就业不足人数`: a generic head (人数) needs the words before it, a qualifier among them.
            if generic_head && s < e && self.class(t) == Some(Class::Filler) && self.is_han_word(t) {
                s = t.start;
                continue;
            }
            if bound && !content {
                // A qualifier inside a name (`就业不足率`) is read over; any other word completes
                // it (`通过量`), and what stands before that is not part of the name.
                s = t.start;
                if self.class(t) == Some(Class::Filler) {
                    continue;
                }
                break;
            }
            if !content
                || self.class(t) == Some(Class::Trailing) && s == e
                || s < e && self.is_action(t) && !self.head_only(s, e)
            {
                break;
            }
            if s == e && code(t) == T_NS && self.is_entity(t) {
                // A place right before the number: a breakdown item (rule 7).
                s = t.start;
                place = true;
                break;
            }
            if s < e && self.is_entity(t) && !generic_head {
                // A brand or other proper name (nz) is often a modifier the segmenter mis-tags
                // (`普通`+`高等学校`, `第二产业`+`增加值`): it ends the metric only before the rest of a name.
                let rest = self.name_rest(t, s, e);
                if code(t) != T_NZ || rest != s {
                    s = rest;
                    break;
                }
            }
            if e - t.start > LABEL_MAX {
                break;
            }
            s = t.start;
        }
        s = self.with_negation(s, e, lo);
        // `计划回迁安置`: a plan word before a predicate is a qualifier (rule 4); `计划投资` keeps it.
        if let Some(ti) = self.token_starting(s).filter(|&i| {
            let t = &self.tokens[i];
            t.end < e && (self.is(t, "计划") || self.is(t, "計劃"))
        }) && self.verbs_only((self.tokens[ti].end, e))
        {
            s = self.tokens[ti].end;
        }
        // `千万元以上项目`: a scope that starts with 以上 takes the amount before it, or goes.
        if s < e
            && let Some(ti) = self.token_starting(s).filter(|&i| {
                let t = &self.tokens[i];
                t.end < e && (self.is(t, "以上") || self.is(t, "以下"))
            })
        {
            let amount = |p: &usize| code(&self.tokens[*p]) == T_M && self.is_han_word(&self.tokens[*p]);
            match self.token_ending(s, lo).filter(amount) {
                Some(p) => {
                    // `十亿元以上项目`: the whole amount.
                    s = self.tokens[p].start;
                    while let Some(q) = self.token_ending(s, lo).filter(amount) {
                        s = self.tokens[q].start;
                    }
                }
                None => s = self.tokens[ti].end,
            }
        }
        // `一产投资`, `三产消费量`, `中长期贷款`: a first character the segmenter cut off as a numeral or a filler.
        if s > lo
            && s < e
            && ((self.chars[s] == '产'
                && matches!(self.chars[s - 1], '一' | '二' | '三')
                && self.chars.get(s + 1) != Some(&'业'))
                || (self.chars[s - 1] == '中' && self.chars[s..e].starts_with(&['长', '期'])))
        {
            s -= 1;
        }
        s = self.whole_head(s, e, lo);
        s = self.tier_start(s, e, lo);
        s = self.label_edges(s, e, lo);
        if s >= e || GROWTH_WORDS.contains(&self.chars[s..e]) {
            return Before::default();
        }
        Before { label: Some((s, e)), place, ..Before::default() }
    }

    /// Is `s..e` linking words only (`为`, `达到`, `分别为`), and at least one?
    fn only_linking(&self, s: usize, e: usize) -> bool {
        let r = self.within(s, e);
        let covered: usize = self.tokens[r.clone()].iter().map(|t| t.end - t.start).sum();
        !r.is_empty() && covered == e - s && self.tokens[r].iter().all(|t| self.class(t) == Some(Class::Filler))
    }

    /// Does `s..e` end in a verb that takes an object (`利用`)?
    fn ends_in_action(&self, (s, e): Span) -> bool {
        let r = self.within(s, e);
        !r.is_empty() && self.is_action(&self.tokens[r.end - 1])
    }

    /// Is `s..e` one word that is a metric's head (`收入` in `销售收入`, `面积` in `拆除面积`)?
    /// The verb before it is then part of the metric.
    fn head_only(&self, s: usize, e: usize) -> bool {
        // `销售价值`: a two-char word that ends in a head (`值`) is one too; `建设建筑面积` is not.
        self.within(s, e).len() == 1 && (METRIC.contains(&self.chars[s..e]) || e - s == 2 && self.names_metric((s, e)))
    }

    /// Is `s..e` a generic head alone (`金额`, `人员`), which needs the words before it?
    fn generic_only(&self, s: usize, e: usize) -> bool {
        WORDS.get(&self.chars[s..e]).is_some_and(|c| *c == Class::Generic)
    }

    /// `比上年增长`: the comparison is cut off (its base is no metric).
    fn cut_comparison(&self, lo: usize, hi: usize) -> usize {
        let r = self.within(lo, hi);
        let n = r.len();
        self.tokens[r]
            .iter()
            .rev()
            .take(6.min(n))
            // `营收占比`: a share, not a comparison.
            .filter(|t| !(t.start > 0 && matches!(self.chars[t.start - 1], '占' | '佔')))
            .find(|t| COMPARISON.contains(self.word(t)) && !self.growth_follows((t.start, t.end), hi))
            .map_or(hi, |t| t.start)
    }

    /// What follows a figure: the thing it counts (`两个综合服务窗口`), the
    /// predicate that says what is counted (`3050人纳入农村低保`), or the
    /// noun a `的` attaches it to (`不超过6个月的还款期限`).
    fn thing_after(&self, end: usize, next_start: usize, allow_predicate: bool) -> After {
        let mut out = After::default();
        let Some(first) = self.token_starting(end) else { return out };
        let stop = |i: usize| i >= self.tokens.len() || self.tokens[i].start >= next_start;
        let noun_run = |from: usize| {
            let mut i = from;
            while !stop(i) && self.tokens[i].end - self.tokens[from].start <= LABEL_MAX {
                let t = &self.tokens[i];
                // `退役士兵`, `还款期限`, `特困分散供养人员`: verbs and adjectives inside a name, not the verb after it.
                let modifier = (self.is_verb(t) || code(t) == T_A) && !self.is_action(t) && self.class(t).is_none();
                let inner_verb = modifier
                    && (i > from || self.tokens.get(i + 1).is_some_and(|n| self.is_nounish(n) || code(n) == T_V));
                // `路基段`: a measure word after a noun is part of the name.
                let noun_q = i > from && code(t) == T_Q && self.is_nounish(&self.tokens[i - 1]);
                if !(self.is_nounish(t) || inner_verb || noun_q) {
                    break;
                }
                i += 1;
            }
            if !stop(i)
                && code(&self.tokens[i]) == T_F
                && !self.is(&self.tokens[i], "中")
                && i > from + 1
                && self.tokens[i - 1].end - self.tokens[i - 1].start > 1
            {
                // `驻厂人员基础上`: the last noun is a frame, not the thing (`券商股中`: one char is none).
                i -= 1;
            }
            // `200余人顶着烈日施工`: an aspect particle after it makes the run a verb.
            if !stop(i) && matches!(code(&self.tokens[i]), T_UZ | T_UL | T_UG) {
                return None;
            }
            // A run ends on a noun.
            while i > from && !(self.is_nounish(&self.tokens[i - 1]) || code(&self.tokens[i - 1]) == T_Q) {
                i -= 1;
            }
            (i > from).then(|| (self.tokens[from].start, self.tokens[i - 1].end))
        };
        if self.is(&self.tokens[first], "的") {
            out.of = noun_run(first + 1);
            return out;
        }
        let first = self.counted_start(first, next_start);
        let Some(t) = self.tokens.get(first).filter(|t| t.start < next_start) else { return out };
        let end = t.start;
        if !self.is_entity_place(t) && !self.is_action(t) {
            out.noun = noun_run(first);
            if out.noun.is_some() {
                return out;
            }
        }
        if let Some(j) = self.after_modifier(first, next_start) {
            out.of = noun_run(j);
            if out.of.is_some() {
                return out;
            }
        }
        if allow_predicate && (self.is_verb(t) || matches!(code(t), T_D | T_P | T_S)) {
            let mut i = first;
            while !stop(i) && self.tokens[i].end - end <= 8 {
                let t = &self.tokens[i];
                let ok = self.is_verb(t)
                    || self.is_nounish(t)
                    || matches!(code(t), T_A | T_AD)
                    || (i == first && matches!(code(t), T_D | T_P | T_S));
                let first_verb = i == first && self.class(t) == Some(Class::Verb);
                if !ok || !first_verb && self.class(t).is_some_and(|c| c != Class::Generic) {
                    break;
                }
                i += 1;
            }
            if i > first && self.tokens[i - 1].end - end >= 2 && (first..i).any(|j| self.is_verb(&self.tokens[j])) {
                let next_ok = stop(i) || !self.is_han_word(&self.tokens[i]) || self.is(&self.tokens[i], "的");
                if next_ok || (first..i).any(|j| self.is_nounish(&self.tokens[j])) {
                    out.predicate = Some((end, self.tokens[i - 1].end));
                }
            }
        }
        out
    }

    /// A place name after a count is not what it counts (`3个县`, yes; `5个北京` no).
    fn is_entity_place(&self, t: &Token) -> bool {
        matches!(code(t), T_NS | T_NR) && self.word(t).len() > 2
    }

    /// `占地10万平方米、总投资4.9亿元的…项目`: the thing a figure describes, named after it with `的`.
    fn subject_after(&self, end: usize) -> Option<Span> {
        let lim = (end + 30).min(self.chars.len());
        let de = (end..lim)
            .take_while(|&p| !matches!(self.chars[p], '，' | '。' | '；' | '：' | '\n' | ',' | ';'))
            .find(|&p| self.chars[p] == '的' && self.token_starting(p).is_some_and(|i| self.tokens[i].end == p + 1))?;
        let mut first = self.token_starting(de + 1)?;
        let after_de = first;
        // `总长度20.83公里的10条隧道`: over a count to the thing.
        while first < self.tokens.len()
            && first - after_de < 3
            && (matches!(code(&self.tokens[first]), T_M | T_Q)
                || first > after_de
                    && code(&self.tokens[first - 1]) == T_M
                    && self.tokens[first].end - self.tokens[first].start == 1)
        {
            first += 1;
        }
        let counted = first > after_de;
        let mut i = first;
        let mut last_entity = None;
        while i < self.tokens.len() && i - first < 12 {
            let t = &self.tokens[i];
            if !(self.is_nounish(t) || matches!(code(t), T_C | T_NS | T_NT | T_NZ)) {
                break;
            }
            if self.is_entity(t) {
                last_entity = Some(i);
            }
            i += 1;
        }
        if counted && i > first {
            // The thing counted after `的`: what the figure describes, named or not.
            return Some((self.tokens[first].start, self.tokens[i - 1].end));
        }
        let le = last_entity?;
        // The whole name must end the phrase (`…的乙醇项目`, not `…的项目资金`).
        (le + 1 == i).then(|| (self.tokens[first].start, self.tokens[le].end))
    }

    /// The nearest named thing before `from` in its sentence (rule 8), or none
    /// when the sentence has only a deictic (`全市`).
    fn subject_before(&self, from: usize, counted: &[Span]) -> Option<Span> {
        let sent = self.sentence_start(from);
        if let Some(q) = self.quoted_before(from, sent) {
            return Some(q);
        }
        let r = self.within(sent, from);
        let mut i = r.end;
        // A bare generic entity (`企业`, `项目`), kept in case no named one comes before it.
        let mut generic = None;
        // Where the counted spans begin and end, all of them: most tokens are outside, and
        // are told so without reading each span.
        let (c_lo, c_hi) = counted.iter().fold((usize::MAX, 0), |(a, b), &(s, e)| (a.min(s), b.max(e)));
        let in_counted =
            |t: &Token| c_lo <= t.start && t.end <= c_hi && counted.iter().any(|&(s, e)| s <= t.start && t.end <= e);
        while i > r.start {
            let t = &self.tokens[i - 1];
            if self.is_deictic(t) {
                return generic;
            }
            if in_counted(t) {
                i -= 1;
                continue;
            }
            // `轨道交通工程1号线（金阳下麦西站——小河场坝村站）全长…`: a note in brackets names no owner.
            if let Some(open) = self.bracket_open(t, r.start) {
                i = open;
                continue;
            }
            // `忠信村`: a one-char place ending after a name.
            let joined = self.word(t).len() == 1
                && matches!(
                    self.word(t)[0],
                    '村' | '镇' | '鎮' | '乡' | '鄉' | '县' | '縣' | '市' | '区' | '區' | '省'
                )
                && i - 1 > r.start
                && self.is_nounish(&self.tokens[i - 2]);
            if self.is_entity(t) || joined {
                let end = t.end;
                let mut j = i - 1;
                while j > r.start && i - j < 7 {
                    let p = &self.tokens[j - 1];
                    let name = (self.is_nounish(p)
                        || matches!(code(p), T_A | T_NS | T_NZ | T_NT | T_NR | T_NG)
                        || self.is(p, "级")
                        || self.is(p, "級"))
                        && self.class(p).is_none();
                    // `金融服务外包公司`: a verb or place word inside a name, between name words.
                    let inner = matches!(code(p), T_V | T_F | T_VN)
                        && !self.is_action(p)
                        && self.class(p).is_none()
                        && j >= 2
                        && j - 1 > r.start
                        && (self.is_nounish(&self.tokens[j - 2]) || matches!(code(&self.tokens[j - 2]), T_F | T_V));
                    if !(name || inner) || !self.is_han_word(p) {
                        // `规模以上工业`, `限额以上单位`: a scope before the name is part of it.
                        if let Some(k) = self.scope_before(j, r.start) {
                            j = k;
                        }
                        break;
                    }
                    j -= 1;
                }
                // `长江干线港口`: the nouns right after a place name are part of the name.
                let mut end = end;
                let mut n = i;
                while n < r.end
                    && n - i < 3
                    && self.is_nounish(&self.tokens[n])
                    && !self.is_entity(&self.tokens[n])
                    && !in_counted(&self.tokens[n])
                {
                    end = self.tokens[n].end;
                    n += 1;
                }
                // `新疆太阳能和风能储量丰富`: nouns joined to others after the place are what it has.
                if n < r.end && code(&self.tokens[n]) == T_C {
                    end = t.end;
                }
                let span = (self.counted_name_start(j, r.start), self.numbered_part(end, from));
                let bare = j == i - 1 && ENTITY.contains(self.word(t));
                if self.not_owner(span) {
                    i = j;
                    continue;
                }
                if !bare {
                    return Some(span);
                }
                generic = generic.or(Some(span));
            }
            i -= 1;
        }
        generic.or_else(|| self.topic(r))
    }
}

#[derive(Default)]
struct Before {
    label: Option<Span>,
    /// The words before the figure are a place (a breakdown item).
    place: bool,
    /// The words before end in `等`: examples of the things counted.
    examples: bool,
    /// A name taken whole (a quoted name, a contribution to growth): never a breakdown item.
    whole: bool,
}

#[derive(Default)]
struct After {
    noun: Option<Span>,
    predicate: Option<Span>,
    of: Option<Span>,
}

/// The subjects of a text's figures, dates left out (for the rules' unit tests).
#[cfg(test)]
fn subjects_of(text: &str) -> Vec<Option<String>> {
    crate::Engine::new().figures(text).into_iter().filter(|f| f.kind != Kind::Date).map(|f| f.subject).collect()
}

#[cfg(test)]
mod memo_tests {
    use super::{CLASSES, Class};

    /// A class kept in a token's memo as its code + 2 reads back as itself.
    #[test]
    fn classes_read_back() {
        for c in
            [Class::Filler, Class::Change, Class::Time, Class::Deictic, Class::Verb, Class::Trailing, Class::Generic]
        {
            assert_eq!(CLASSES[c as usize + 1], Some(c));
        }
        assert_eq!(CLASSES[0], None);
    }
}
