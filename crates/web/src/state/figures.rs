//! A file's figures, packed: one fixed-size record per figure, and every string they hold
//! (the figure's text, its sentence around it, its unit, label, subject, period and text
//! value) in one arena per file, the small repeated ones (units, labels …) once each, a
//! figure's sentence as its three parts one after another (what comes before the figure,
//! its text, what comes after), and the few ranges' ends in a table of their own. The
//! page keeps a session's figures so (issue 19: as `Figure`s and `Context`s, about 800 bytes
//! each, 3.9 million figures took 3.2 GB); the views read them as borrowed
//! [`FigureRef`]s, and a `Figure` is made again only for an export or a session's file,
//! exactly as it was.
//!
//! The worker builds the store and sends it as it is: the page never holds a file's figures
//! one object each.

use serde::{Deserialize, Serialize};
use shudu_core::workbench::context::Context;
use shudu_core::workbench::{FigureRef, ValueRef};
use shudu_core::{Approx, Change, Figure, Kind};
use std::collections::HashMap;

/// Where a string is in the arena.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Span {
    at: u32,
    len: u32,
}

/// A figure's optional small string: an index into the store's table, or none.
const NONE: u32 = u32::MAX;

/// One figure, without its strings (56 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Record {
    /// Where its sentence's part before it starts in the arena; the figure's text and the
    /// part after it follow (their lengths in bytes).
    at: u32,
    before: u32,
    text: u32,
    after: u32,
    start: u32,
    end: u32,
    /// The number of a numeric value, or the table index of a text value (see `flags`).
    value: u64,
    /// Its range's ends in `ranges`, if it has either (see `flags`).
    range: u32,
    unit: u32,
    label: u32,
    subject: u32,
    period: u32,
    /// Kind (bits 0-2), approx (3-4, 0 none), change (5-6, 0 none), value (7-8: 0 none, 1
    /// number, 2 text), whether `low` (9) and `high` (10) are given.
    flags: u16,
}

const VALUE_NUMBER: u16 = 1;
const VALUE_TEXT: u16 = 2;
const LOW: u16 = 1 << 9;
const HIGH: u16 = 1 << 10;
const APPROX: [Approx; 3] = [Approx::Over, Approx::Under, Approx::About];
const CHANGE: [Change; 2] = [Change::Up, Change::Down];

/// The figures of one file, packed (see the module's comment).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FigureStore {
    records: Vec<Record>,
    /// The small repeated strings, each once.
    table: Vec<Span>,
    /// The ends of the figures' ranges (low, high; 0 for one not given).
    ranges: Vec<[f64; 2]>,
    arena: String,
    /// How many figures (the first ones) were given a context: all of them, but for a
    /// session file of a page that kept none, which is written again as it was.
    contexts: u32,
}

/// Builds a store, a figure at a time.
#[derive(Default)]
struct Builder {
    store: FigureStore,
    at: HashMap<String, u32>,
}

impl Builder {
    fn put(&mut self, s: &str) -> Span {
        let at = self.store.arena.len() as u32;
        self.store.arena.push_str(s);
        Span { at, len: s.len() as u32 }
    }

    fn intern(&mut self, s: Option<&str>) -> u32 {
        let Some(s) = s else { return NONE };
        if let Some(&k) = self.at.get(s) {
            return k;
        }
        let span = self.put(s);
        let k = self.store.table.len() as u32;
        self.store.table.push(span);
        self.at.insert(s.to_string(), k);
        k
    }

    fn add(&mut self, f: &FigureRef, before: &str, after: &str) {
        let mut flags =
            f.kind as u16 | (f.approx.map_or(0, |a| a as u16 + 1) << 3) | (f.change.map_or(0, |c| c as u16 + 1) << 5);
        let value = match f.value {
            None => 0,
            Some(ValueRef::Number(n)) => {
                flags |= VALUE_NUMBER << 7;
                n.to_bits()
            }
            Some(ValueRef::Text(t)) => {
                flags |= VALUE_TEXT << 7;
                self.intern(Some(t)) as u64
            }
        };
        flags |= if f.low.is_some() { LOW } else { 0 } | if f.high.is_some() { HIGH } else { 0 };
        let range = if f.low.is_some() || f.high.is_some() {
            self.store.ranges.push([f.low.unwrap_or(0.0), f.high.unwrap_or(0.0)]);
            self.store.ranges.len() as u32 - 1
        } else {
            NONE
        };
        let at = self.put(before).at;
        let record = Record {
            at,
            before: before.len() as u32,
            text: self.put(f.text).len,
            after: self.put(after).len,
            start: f.start as u32,
            end: f.end as u32,
            value,
            range,
            unit: self.intern(f.unit),
            label: self.intern(f.label),
            subject: self.intern(f.subject),
            period: self.intern(f.period),
            flags,
        };
        self.store.records.push(record);
    }

    fn finish(self) -> FigureStore {
        let mut store = self.store;
        store.records.shrink_to_fit();
        store.table.shrink_to_fit();
        store.ranges.shrink_to_fit();
        store.arena.shrink_to_fit();
        store
    }
}

impl FigureStore {
    /// The store of `figures`, each with its context (a figure without one has an empty
    /// context).
    pub fn new(figures: &[Figure], contexts: &[Context]) -> FigureStore {
        let mut b = Builder::default();
        b.store.records.reserve_exact(figures.len());
        for (k, f) in figures.iter().enumerate() {
            let (before, after) = contexts.get(k).map_or(("", ""), |c| (c.before.as_str(), c.after.as_str()));
            b.add(&FigureRef::of(f), before, after);
        }
        b.store.contexts = contexts.len().min(figures.len()) as u32;
        b.finish()
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    fn str(&self, s: Span) -> &str {
        self.arena.get(s.at as usize..(s.at + s.len) as usize).unwrap_or_default()
    }

    fn small(&self, k: u32) -> Option<&str> {
        self.table.get(k as usize).map(|&s| self.str(s))
    }

    /// Figure `k`'s kind (without reading its strings).
    pub fn kind(&self, k: usize) -> Option<Kind> {
        self.records.get(k).map(|r| Kind::ALL[(r.flags & 7) as usize])
    }

    /// Figure `k`, borrowed.
    pub fn get(&self, k: usize) -> Option<FigureRef<'_>> {
        let r = self.records.get(k)?;
        let bits = |at: u16, n: u16| (r.flags >> at) & ((1 << n) - 1);
        let [low, high] = self.ranges.get(r.range as usize).copied().unwrap_or_default();
        Some(FigureRef {
            text: self.str(Span { at: r.at + r.before, len: r.text }),
            start: r.start as usize,
            end: r.end as usize,
            kind: Kind::ALL[bits(0, 3) as usize],
            value: match bits(7, 2) {
                VALUE_NUMBER => Some(ValueRef::Number(f64::from_bits(r.value))),
                VALUE_TEXT => self.small(r.value as u32).map(ValueRef::Text),
                _ => None,
            },
            unit: self.small(r.unit),
            approx: APPROX.get((bits(3, 2) as usize).wrapping_sub(1)).copied(),
            low: (r.flags & LOW != 0).then_some(low),
            high: (r.flags & HIGH != 0).then_some(high),
            change: CHANGE.get((bits(5, 2) as usize).wrapping_sub(1)).copied(),
            label: self.small(r.label),
            subject: self.small(r.subject),
            period: self.small(r.period),
        })
    }

    /// Figure `k`'s sentence before and after it.
    pub fn context(&self, k: usize) -> (&str, &str) {
        self.records.get(k).map_or(("", ""), |r| {
            let after = r.at + r.before + r.text;
            (self.str(Span { at: r.at, len: r.before }), self.str(Span { at: after, len: r.after }))
        })
    }

    /// Every figure, borrowed, in order.
    pub fn iter(&self) -> impl Iterator<Item = FigureRef<'_>> + '_ {
        (0..self.len()).filter_map(|k| self.get(k))
    }

    /// The figures as `Figure`s again (a session's file keeps them so).
    pub fn figures(&self) -> Vec<Figure> {
        self.iter().map(|f| f.to_figure()).collect()
    }

    /// The figures' contexts as `Context`s again.
    pub fn contexts(&self) -> Vec<Context> {
        (0..self.contexts as usize)
            .map(|k| {
                let (before, after) = self.context(k);
                Context { before: before.into(), after: after.into() }
            })
            .collect()
    }

    /// Bytes it holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.records.capacity() * size_of::<Record>()
            + self.table.capacity() * size_of::<Span>()
            + self.ranges.capacity() * size_of::<[f64; 2]>()
            + self.arena.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shudu_core::Value;

    /// Figures as the engine finds them in five sample reports, with every optional field
    /// set somewhere and left out elsewhere.
    fn found() -> (Vec<Figure>, Vec<Context>) {
        let text = [
            include_str!("../../../core/testdata/decode/000_779206c0961d10cc.txt"),
            include_str!("../../../core/testdata/decode/001_a3a797bd12993cc8.txt"),
            include_str!("../../../core/testdata/decode/002_736a2d626d106f43.txt"),
            include_str!("../../../core/testdata/decode/003_d3781b2b04487d6d.txt"),
        ]
        .join("\n");
        let engine = shudu_core::Engine::from_packed(include_bytes!("../../../core/data/jieba-dict.txt")).unwrap();
        let figures = engine.figures(&text);
        let contexts = shudu_core::workbench::context::of_figures(&text, &figures);
        (figures, contexts)
    }

    #[test]
    fn figures_come_back_exactly_as_they_went_in() {
        let (figures, contexts) = found();
        assert!(figures.len() > 100, "{} figures", figures.len());
        for (what, present) in [
            ("label", figures.iter().any(|f| f.label.is_some())),
            ("subject", figures.iter().any(|f| f.subject.is_some())),
            ("period", figures.iter().any(|f| f.period.is_some())),
            ("unit", figures.iter().any(|f| f.unit.is_some())),
            ("approx", figures.iter().any(|f| f.approx.is_some())),
            ("change", figures.iter().any(|f| f.change.is_some())),
            ("range", figures.iter().any(|f| f.low.is_some())),
            ("date", figures.iter().any(|f| matches!(f.value, Some(Value::Text(_))))),
        ] {
            assert!(present, "no figure with a {what}");
        }
        let store = FigureStore::new(&figures, &contexts);
        assert_eq!(store.len(), figures.len());
        assert_eq!(store.figures(), figures);
        assert_eq!(store.contexts(), contexts);
        for (k, f) in figures.iter().enumerate() {
            assert_eq!(store.kind(k), Some(f.kind));
            assert_eq!(store.get(k), Some(FigureRef::of(f)));
        }
        // The exports' JSON of each figure is the same, byte for byte.
        let json = |fs: &[Figure]| shudu_core::export::figures_json(fs).to_string();
        assert_eq!(json(&store.figures()), json(&figures));
    }

    #[test]
    fn every_field_and_its_absence_round_trips() {
        let mut full = Figure::plain(Kind::Quantity, "约3至5万吨", 7);
        full.value = Some(Value::Number(-0.0));
        full.unit = Some("吨".into());
        full.approx = Some(Approx::About);
        full.low = Some(30000.0);
        full.high = Some(f64::NAN);
        full.change = Some(Change::Down);
        full.label = Some(String::new());
        full.subject = Some("全省".into());
        full.period = Some("2022-H1".into());
        let mut date = Figure::plain(Kind::Date, "7月10日", 40);
        date.value = Some(Value::Text("--07-10".into()));
        date.period = Some("--07-10".into());
        let plain = Figure::plain(Kind::Rank, "第一", 60);
        let figures = vec![full, date, plain];
        let contexts = vec![Context { before: "去年".into(), after: "。".into() }];
        let store = FigureStore::new(&figures, &contexts);
        let back = store.figures();
        // (NaN is not equal to itself: compared by its bits.)
        assert_eq!(back[0].high.map(f64::to_bits), figures[0].high.map(f64::to_bits));
        assert_eq!(back[0].value, Some(Value::Number(-0.0)));
        assert!(matches!(back[0].value, Some(Value::Number(n)) if n.is_sign_negative()));
        assert_eq!(format!("{back:?}"), format!("{figures:?}"));
        assert_eq!(store.context(0), ("去年", "。"));
        assert_eq!(store.context(2), ("", ""));
        assert_eq!(store.contexts(), contexts, "only the contexts given");
        assert_eq!(store.get(3), None);
        // The repeated `--07-10` is kept once.
        assert_eq!(store.arena.matches("--07-10").count(), 1);
    }

    #[test]
    fn a_record_is_small() {
        assert_eq!(size_of::<Record>(), 56);
    }

    #[test]
    fn a_store_goes_through_bincode_unchanged() {
        let (figures, contexts) = found();
        let store = FigureStore::new(&figures, &contexts);
        let bytes = bincode::serialize(&store).unwrap();
        assert_eq!(bincode::deserialize::<FigureStore>(&bytes).unwrap(), store);
    }

    /// What the page holds per figure, against what `Figure`s and `Context`s held (measured
    /// on a 64-bit host: the page's wasm32 pointers are half the size; and without the
    /// allocator's own bytes for each of a figure's several blocks, which a store, four
    /// blocks for all its figures, does not pay). Measured here: 189 against 386 bytes.
    #[test]
    fn a_store_holds_a_fraction_of_the_figures_it_packs() {
        let (figures, contexts) = found();
        let store = FigureStore::new(&figures, &contexts);
        let opt = |s: &Option<String>| s.as_ref().map_or(0, String::capacity);
        let owned: usize = figures
            .iter()
            .map(|f| {
                size_of::<Figure>()
                    + f.text.capacity()
                    + opt(&f.unit)
                    + opt(&f.label)
                    + opt(&f.subject)
                    + opt(&f.period)
                    + match &f.value {
                        Some(Value::Text(t)) => t.capacity(),
                        _ => 0,
                    }
            })
            .sum::<usize>()
            + contexts.iter().map(|c| size_of::<Context>() + c.before.capacity() + c.after.capacity()).sum::<usize>();
        let n = figures.len();
        eprintln!("{n} figures: {} B/figure packed, {} B/figure as Figures", store.heap_bytes() / n, owned / n);
        assert!(store.heap_bytes() * 10 < owned * 6, "{} B packed, {owned} B as Figures", store.heap_bytes());
    }
}
