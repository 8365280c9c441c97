//! The page: editor, samples, the figures table, key words and the segmented text.

use crate::protocol::{Report, Request, Response};
use crate::samples::SAMPLES;
use crate::state::{Action, Engine, State};
use crate::worker::AnalysisWorker;
use gloo_timers::callback::Timeout;
use gloo_worker::{Spawnable, WorkerBridge};
use shudu_core::export::display_value;
use shudu_core::{Figure, Kind};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// How long typing must pause before the text is sent for analysis.
const DEBOUNCE_MS: u32 = 120;
/// Tokens drawn in the segmented-text view (the rest is summarised).
const MAX_TOKENS_SHOWN: usize = 20_000;

pub fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Money => "金额",
        Kind::Percent => "比例",
        Kind::Count => "数量",
        Kind::Quantity => "计量",
        Kind::Duration => "时长",
        Kind::Date => "日期",
        Kind::Rank => "排名",
    }
}

fn approx_label(f: &Figure) -> &'static str {
    match f.approx {
        Some(shudu_core::Approx::Over) => "以上 over",
        Some(shudu_core::Approx::Under) => "不足 under",
        Some(shudu_core::Approx::About) => "约 about",
        None => "",
    }
}

fn change_label(f: &Figure) -> &'static str {
    match f.change {
        Some(shudu_core::Change::Up) => "↑ 增",
        Some(shudu_core::Change::Down) => "↓ 减",
        None => "",
    }
}

fn set_engine_ready_marker() {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.set_attribute("data-engine", "ready");
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let bridge: Rc<WorkerBridge<AnalysisWorker>> = {
        let dispatch = state.dispatcher();
        (*use_memo((), move |_| {
            let bridge = AnalysisWorker::spawner()
                .callback(move |r: Response| dispatch.dispatch(Action::Worker(r)))
                .with_loader(true)
                .as_module(false)
                .spawn("./worker_loader.js");
            bridge.send(Request::Hello);
            Rc::new(bridge)
        }))
        .clone()
    };
    {
        let ready = state.engine == Engine::Ready;
        use_effect_with(ready, move |ready| {
            if *ready {
                set_engine_ready_marker();
            }
        });
    }
    let pending = use_mut_ref(|| None::<Timeout>);
    let next_id = use_mut_ref(|| 0u32);

    // Send `text` for analysis after a short pause in typing.
    let submit = {
        let state = state.clone();
        let bridge = bridge.clone();
        Callback::from(move |(text, immediate): (String, bool)| {
            let id = {
                let mut n = next_id.borrow_mut();
                *n += 1;
                *n
            };
            let text: Rc<str> = Rc::from(text);
            state.dispatch(Action::Edit { text: text.clone(), id });
            let bridge = bridge.clone();
            let send = move || bridge.send(Request::Analyze { id, text: text.to_string() });
            if immediate {
                *pending.borrow_mut() = None;
                send();
            } else {
                *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, send));
            }
        })
    };

    let on_input = {
        let submit = submit.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            submit.emit((area.value(), false));
        })
    };

    let samples = SAMPLES.iter().enumerate().map(|(k, s)| {
        let submit = submit.clone();
        let onclick = Callback::from(move |_| submit.emit((SAMPLES[k].text.to_string(), true)));
        html! {
            <button class="sample" data-testid={format!("sample-{k}")} title={s.file} {onclick}>
                <span class="sample-no">{ format!("样例 {}", k + 1) }</span>
                <span class="sample-title">{ s.title() }</span>
            </button>
        }
    });

    let status = match (state.engine, state.analyzing(), &state.shown) {
        (Engine::Loading, _, _) => html! { <span class="status loading">{ "正在加载词典… loading dictionary" }</span> },
        (Engine::Ready, true, _) => html! { <span class="status busy">{ "分析中… analysing" }</span> },
        (Engine::Ready, false, Some((_, r))) => html! {
            <span class="status ok">{ format!("已分析 {} 字 · {} 词 · {} 个数字 · {:.0} ms", r.stats.chars, r.stats.tokens, r.stats.figures, r.elapsed_ms) }</span>
        },
        (Engine::Ready, false, None) => html! { <span class="status ok">{ "就绪 ready — 粘贴文章或选择样例" }</span> },
    };

    let shown = state.shown.clone();
    html! {
        <div class="page">
            <header class="top">
                <h1>{ "数读 " }<small>{ "Shudu" }</small></h1>
                <p class="tagline">{ "把中文文章里的每一个数字读出来：金额、比例、数量、计量、时长、日期、排名。全部在本机浏览器中完成，文字不会离开你的电脑。" }</p>
                { status }
            </header>
            <section class="editor">
                <div class="samples">{ for samples }</div>
                <textarea data-testid="input" placeholder="在此粘贴一篇中文文章… Paste a Chinese article here"
                    value={state.text.to_string()} oninput={on_input} spellcheck="false" />
                if let Some((_, report)) = &shown {
                    <Keywords report={report.clone()} />
                }
            </section>
            <section class="results">
                <FiguresView state={state.clone()} />
            </section>
            <section class="segmented">
                <h2>{ "分词 Segmentation" }</h2>
                if let Some((text, report)) = &shown {
                    <Tokens text={text.clone()} report={report.clone()} selected={state.selected} />
                } else {
                    <div data-testid="tokens" class="tokens empty">{ "—" }</div>
                }
            </section>
            <footer class="foot">{ "数读 Shudu · Rust + WebAssembly · jieba-rs 分词 · 离线可用，不上传任何数据" }</footer>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct KeywordsProps {
    report: Rc<Report>,
}

#[component]
fn Keywords(props: &KeywordsProps) -> Html {
    html! {
        <div class="keywords" data-testid="keywords">
            <span class="kw-title">{ "关键词" }</span>
            { for props.report.keywords.iter().map(|k| html! { <span class="kw" title={format!("{:.3}", k.weight)}>{ &k.word }</span> }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FiguresProps {
    state: UseReducerHandle<State>,
}

#[component]
fn FiguresView(props: &FiguresProps) -> Html {
    let state = &props.state;
    let Some((_, report)) = &state.shown else {
        return html! {
            <>
                <h2>{ "数字 Figures" }</h2>
                <table data-testid="figures-table" class="figures"><thead>{ header() }</thead><tbody></tbody></table>
                <p class="hint">{ "还没有结果。粘贴文章或点击上方样例。" }</p>
            </>
        };
    };
    let query = state.query.trim().to_string();
    let rows: Vec<(usize, &Figure)> = report
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| state.kind_filter.is_none_or(|k| f.kind == k))
        .filter(|(_, f)| {
            query.is_empty()
                || f.text.contains(&query)
                || f.label.as_deref().is_some_and(|l| l.contains(&query))
                || f.subject.as_deref().is_some_and(|s| s.contains(&query))
        })
        .collect();
    let chips = std::iter::once(None).chain(Kind::ALL.iter().copied().map(Some)).map(|k| {
        let count = match k {
            None => report.figures.len(),
            Some(k) => report.stats.by_kind.iter().find(|(x, _)| *x == k).map_or(0, |(_, n)| *n),
        };
        let active = state.kind_filter == k;
        let dispatch = state.dispatcher();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::FilterKind(k)));
        let label = k.map_or("全部 all", kind_label);
        let class = classes!("chip", active.then_some("active"), k.map(|k| format!("k-{}", k.as_str())));
        html! { <button {class} {onclick} disabled={count == 0 && k.is_some()}>{ format!("{label} {count}") }</button> }
    });
    let on_query = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Query(input.value()));
        })
    };
    let body = rows.iter().map(|(k, f)| {
        let k = *k;
        let dispatch = state.dispatcher();
        let selected = state.selected == Some(k);
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::Select(Some(k))));
        html! {
            <tr class={classes!(selected.then_some("selected"))} {onclick} data-kind={f.kind.as_str()}>
                <td class="num">{ k + 1 }</td>
                <td class="text">{ &f.text }</td>
                <td><span class={classes!("kind", format!("k-{}", f.kind.as_str()))}>{ kind_label(f.kind) }</span></td>
                <td class="value">{ display_value(f) }</td>
                <td>{ f.unit.clone().unwrap_or_default() }</td>
                <td>{ approx_label(f) }</td>
                <td>{ change_label(f) }</td>
                <td>{ f.label.clone().unwrap_or_default() }</td>
                <td class="subject">{ f.subject.clone().unwrap_or_default() }</td>
            </tr>
        }
    });
    html! {
        <>
            <h2>{ "数字 Figures" }</h2>
            <div class="filters">
                { for chips }
                <input class="search" type="search" placeholder="筛选 filter…" value={state.query.clone()} oninput={on_query} />
            </div>
            <div class="table-wrap">
                <table data-testid="figures-table" class="figures">
                    <thead>{ header() }</thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            if rows.is_empty() {
                <p class="hint">{ "没有符合条件的数字。" }</p>
            }
        </>
    }
}

fn header() -> Html {
    html! {
        <tr>
            <th>{ "#" }</th><th>{ "原文" }</th><th>{ "类型" }</th><th>{ "标准值" }</th><th>{ "单位" }</th>
            <th>{ "限定" }</th><th>{ "变化" }</th><th>{ "指标" }</th><th>{ "主体" }</th>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct TokensProps {
    text: Rc<str>,
    report: Rc<Report>,
    selected: Option<usize>,
}

#[component]
fn Tokens(props: &TokensProps) -> Html {
    let chars: Rc<Vec<char>> = use_memo(props.text.clone(), |t| t.chars().collect());
    let report = &props.report;
    let selected = props.selected.and_then(|k| report.figures.get(k)).map(|f| (f.start, f.end));
    {
        let sel = props.selected;
        use_effect_with(sel, move |sel| {
            if sel.is_some()
                && let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector(".tok.sel").ok().flatten())
                && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
            {
                el.scroll_into_view();
            }
        });
    }
    let n = report.token_ends.len().min(MAX_TOKENS_SHOWN);
    let mut fig = 0usize;
    let spans = (0..n).map(|k| {
        let (start, end, tag) = report.token(k);
        while fig < report.figures.len() && report.figures[fig].end <= start {
            fig += 1;
        }
        let in_fig = report.figures.get(fig).is_some_and(|f| f.start < end && start < f.end);
        let is_sel = selected.is_some_and(|(s, e)| s < end && start < e);
        let word: String = chars[start.min(chars.len())..end.min(chars.len())].iter().collect();
        if word.trim().is_empty() {
            // One line break per paragraph break, however many blank lines the text has.
            let breaks = word.contains('\n') && k > 0 && !blank_before(report, &chars, k);
            return if breaks {
                html! { <br /> }
            } else {
                html! {}
            };
        }
        let class = classes!(
            "tok",
            format!("t-{}", tag.chars().next().unwrap_or('x')),
            in_fig.then_some("fig"),
            is_sel.then_some("sel")
        );
        html! { <span {class} title={tag.to_string()}>{ word }</span> }
    });
    html! {
        <div data-testid="tokens" class="tokens">
            { for spans }
            if report.token_ends.len() > n {
                <p class="hint">{ format!("（只显示前 {} 个词，共 {} 个）", n, report.token_ends.len()) }</p>
            }
        </div>
    }
}

/// Is the token before `k` also whitespace (so a break was already drawn)?
fn blank_before(report: &Report, chars: &[char], k: usize) -> bool {
    let (s, e, _) = report.token(k - 1);
    chars[s.min(chars.len())..e.min(chars.len())].iter().all(|c| c.is_whitespace())
}
