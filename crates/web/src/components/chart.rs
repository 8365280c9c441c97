//! Charts drawn by the page as SVG (no library): one metric across files or periods, as bars
//! of its mean value, and the kinds of figures in each file, as stacked bars. Each mark has a
//! tooltip with its values.

use super::stepped::{self, computing, use_stepped};
use crate::i18n::{Lang, Text};
use crate::state::{Action, Docs, PASTED_NAME};
use shudu_core::Kind;
use shudu_core::export::grouped_number;
use shudu_core::workbench::{period, summary};
use std::collections::BTreeMap;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Bars drawn at most (the rest are left out, and said to be).
const BARS: usize = 40;
/// The drawing's width, the labels' column and a bar's height, in SVG units.
const WIDTH: f64 = 640.0;
const LABELS: f64 = 170.0;
const BAR: f64 = 22.0;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub docs: Docs,
    pub metric: Option<(String, String)>,
    pub by_period: bool,
    pub dispatch: Callback<Action>,
}

/// Metrics offered in the chart's menu, most frequent first.
const MENU: usize = 200;

/// A name cut to fit the labels' column (its end, where file names differ).
fn short(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= 16 {
        name.to_string()
    } else {
        format!("…{}", chars[chars.len() - 15..].iter().collect::<String>())
    }
}

#[component]
pub fn ChartView(props: &ChartProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // The metrics with numbers, most frequent first (computed in steps, as the bars: over
    // 100,000 figures each took one task of 100-360 ms).
    let (metrics, busy_metrics) = use_stepped(props.docs.clone(), |docs, steps| async move {
        let rows = stepped::rows(&docs, &steps).await?;
        let mut s = summary::Summarizer::default();
        for (k, r) in rows.iter().enumerate() {
            s.add(k, &r.entry());
            steps.tick(1).await?;
        }
        let mut rows = s.finish();
        rows.retain(|r| r.min.is_some());
        summary::sort(&mut rows, summary::SortBy::Count, false);
        Some(rows.into_iter().map(|r| (r.label, r.unit, r.count)).collect::<Vec<_>>())
    });
    let metrics = metrics.unwrap_or_default();
    let metric = props.metric.clone().or_else(|| metrics.first().map(|(l, u, _)| (l.clone(), u.clone())));
    // The chosen metric's mean per file or period: (name, mean, count).
    let deps = (props.docs.clone(), metric.clone(), props.by_period);
    let (bars, busy_bars) = use_stepped(deps, |(docs, metric, by_period), steps| async move {
        let Some((label, unit)) = metric else { return Some(Vec::new()) };
        let mut groups: BTreeMap<String, (f64, usize, usize)> = BTreeMap::new();
        let rows = stepped::rows(&docs, &steps).await?;
        for (order, r) in rows.iter().enumerate() {
            steps.tick(1).await?;
            let f = r.figure();
            if f.label != Some(label.as_str()) || f.unit.unwrap_or("") != unit.as_str() {
                continue;
            }
            let Some(n) = f.number() else { continue };
            let key = if by_period {
                let Some(p) = f.period else { continue };
                p.to_string()
            } else {
                r.file.to_string()
            };
            let g = groups.entry(key).or_insert((0.0, 0, order));
            g.0 += n;
            g.1 += 1;
        }
        let mut bars: Vec<(String, f64, usize, usize)> =
            groups.into_iter().map(|(k, (sum, n, first))| (k, sum / n as f64, n, first)).collect();
        if by_period {
            bars.sort_by(|a, b| period::compare(&a.0, &b.0));
        } else {
            bars.sort_by_key(|b| b.3);
        }
        Some(bars.into_iter().map(|(k, mean, n, _)| (k, mean, n)).collect::<Vec<_>>())
    });
    let bars = bars.unwrap_or_default();
    let busy = busy_metrics || busy_bars;
    let kinds = use_memo(props.docs.clone(), |docs| {
        let mut per: Vec<(String, [usize; 7])> = Vec::new();
        for (_, name, figs) in docs.figs() {
            let mut counts = [0; 7];
            for kind in (0..figs.len()).filter_map(|k| figs.kind(k)) {
                counts[Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)] += 1;
            }
            per.push((name.to_string(), counts));
        }
        per
    });
    let on_metric = {
        let metrics = metrics.clone();
        props.dispatch.reform(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let k: usize = select.value().parse().unwrap_or(0);
            Action::ChartMetric(metrics.get(k).map(|(l, u, _)| (l.clone(), u.clone())))
        })
    };
    let by = |period: bool, text: Text, testid: &'static str| {
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::ChartByPeriod(period));
        html! { <button class="chip" data-testid={testid} aria-pressed={(props.by_period == period).to_string()} {onclick}>{ lang.t(text) }</button> }
    };
    let name = |n: &str| if n == PASTED_NAME { lang.t(Text::Pasted).into_owned() } else { n.to_string() };
    // A bar is a file or, by period, a period in the reader's words.
    let bar_name = |n: &str| if props.by_period { lang.period(n) } else { name(n) };
    let unit = metric.as_ref().map(|(_, u)| u.clone()).unwrap_or_default();
    let max = bars.iter().map(|b| b.1.abs()).fold(0.0, f64::max).max(f64::MIN_POSITIVE);
    let scale = (WIDTH - LABELS - 110.0) / max;
    let mean_word = lang.t(Text::ChartMean);
    let bar_marks = bars.iter().take(BARS).enumerate().map(|(k, (key, mean, n))| {
        let y = k as f64 * BAR;
        let w = (mean.abs() * scale).max(1.0);
        let tip = format!("{}: {} {unit} ({mean_word}, {})", bar_name(key), grouped_number(*mean), lang.t(Text::ChartFigures(*n)));
        html! {
            <g class="mark">
                <title>{ tip }</title>
                <text x={(LABELS - 6.0).to_string()} y={(y + 15.0).to_string()} text-anchor="end" class="axis">{ short(&bar_name(key)) }</text>
                <rect class="bar" x={LABELS.to_string()} y={(y + 3.0).to_string()} width={format!("{w:.1}")} height={(BAR - 6.0).to_string()} />
                <text x={format!("{:.1}", LABELS + w + 4.0)} y={(y + 15.0).to_string()} class="val">{ grouped_number((mean * 100.0).round() / 100.0) }</text>
            </g>
        }
    });
    let kind_max = kinds.iter().map(|(_, c)| c.iter().sum::<usize>()).max().unwrap_or(0).max(1) as f64;
    let kind_marks = kinds.iter().take(BARS).enumerate().map(|(k, (file, counts))| {
        let y = k as f64 * BAR;
        let mut x = LABELS;
        let segments = Kind::ALL.iter().zip(counts).filter(|(_, n)| **n > 0).map(|(kind, n)| {
            let w = *n as f64 / kind_max * (WIDTH - LABELS - 10.0);
            let seg = html! {
                <rect class={classes!("seg", format!("k-{}", kind.as_str()))} x={format!("{x:.1}")} y={(y + 3.0).to_string()}
                    width={format!("{w:.1}")} height={(BAR - 6.0).to_string()}>
                    <title>{ format!("{}: {} {n}", name(file), lang.t(Text::KindName(*kind))) }</title>
                </rect>
            };
            x += w;
            seg
        });
        html! {
            <g class="mark">
                <text x={(LABELS - 6.0).to_string()} y={(y + 15.0).to_string()} text-anchor="end" class="axis">{ short(&name(file)) }</text>
                { for segments }
            </g>
        }
    });
    let legend = Kind::ALL.iter().map(|k| {
        html! { <span class={classes!("legend", format!("k-{}", k.as_str()))}>{ lang.t(Text::KindName(*k)) }</span> }
    });
    // The most frequent metrics, and the chosen one: a menu of every label of a large
    // session (thousands) took one long task to draw.
    let options = metrics.iter().enumerate().filter_map(|(k, (l, u, n))| {
        let selected = metric.as_ref().is_some_and(|(ml, mu)| ml == l && mu == u);
        (k < MENU || selected)
            .then(|| html! { <option value={k.to_string()} {selected}>{ format!("{l} ({u}) · {n}") }</option> })
    });
    let bar_rows = bars.len().min(BARS);
    let kind_rows = kinds.len().min(BARS);
    html! {
        <>
            <h2 id="chart-heading">{ lang.t(Text::ChartHeading) }</h2>
            { computing(lang, busy) }
            if metrics.is_empty() && kinds.is_empty() && !busy {
                <p class="hint" role="status">{ lang.t(Text::NoChart) }</p>
            }
            <div class="filters">
                <label class="field">{ lang.t(Text::ChartMetric) }{ " " }
                    <select data-testid="chart-metric" onchange={on_metric}>{ for options }</select>
                </label>
                <span role="group" aria-label={lang.t(Text::ChartBy)}>
                    { by(false, Text::ByFile, "chart-by-file") }{ by(true, Text::ByPeriod, "chart-by-period") }
                </span>
            </div>
            <div data-testid="chart" class="chart">
                if bar_rows > 0 {
                    <svg viewBox={format!("0 0 {WIDTH} {}", bar_rows as f64 * BAR + 4.0)} width="100%" role="img"
                        aria-label={metric.as_ref().map(|(l, u)| format!("{l} ({u})")).unwrap_or_default()}>
                        { for bar_marks }
                    </svg>
                } else if metric.is_some() && !busy {
                    <p class="hint">{ lang.t(Text::NoChart) }</p>
                }
                if kind_rows > 0 {
                    <h3>{ lang.t(Text::KindsPerFile) }</h3>
                    <p class="legends">{ for legend }</p>
                    <svg viewBox={format!("0 0 {WIDTH} {}", kind_rows as f64 * BAR + 4.0)} width="100%" role="img"
                        aria-label={lang.t(Text::KindsPerFile)}>
                        { for kind_marks }
                    </svg>
                }
            </div>
        </>
    }
}
