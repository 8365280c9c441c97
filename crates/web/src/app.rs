//! The page: editor and samples, the batch of files, the combined figures
//! table with exports, key words, and the article view with its segmentation.

use crate::files::{self, Picked};
use crate::pool::{Job, Pool, now_ms};
use crate::protocol::Report;
use crate::samples::SAMPLES;
use crate::state::{Action, Column, DocRef, Engine, FileStatus, PASTED_NAME, Row, State, Stretch, Window};
use crate::text::{Cursor, DocText};
use gloo_timers::callback::Timeout;
use shudu_core::export::{self, display_value};
use shudu_core::{Figure, Kind};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// How long typing must pause before the text is sent for analysis.
const DEBOUNCE_MS: u32 = 120;
/// Rows drawn in the files table (failed files always among them).
const FILE_ROWS: usize = 300;
/// Tokens drawn in the article view (the rest is summarised).
/// (Each is an element of the page and a node of Yew's, drawn at once; the sample articles have
/// 2,100-3,600.)
const MAX_TOKENS_SHOWN: usize = 4_000;
/// A text longer than this (UTF-16 units, as JavaScript counts them: about 256 KB of
/// Chinese, one piece of the pool's) is kept out of the textarea and shown by its start:
/// Chromium lays out a textarea's whole text, ~110 bytes and ~0.8 µs a char (for a 10 MB
/// text, ~410 MB and ~2.8 s), and nobody edits such a text in a box.
const LONG_UNITS: u32 = 88 * 1024;
/// Chars of a long text shown.
const LONG_PREVIEW_CHARS: usize = 3_000;
/// The article view of a long document (one whose words the page does not keep) shows a
/// stretch of it analysed for the purpose: this many chars on either side of the figure
/// (about 4,000 words in all, `MAX_TOKENS_SHOWN`), out to line ends within `WINDOW_SNAP`.
const WINDOW_REACH: usize = 3_000;
const WINDOW_SNAP: usize = 1_000;
/// A stretch shown serves another figure in it only this far from its ends (or at the text's).
const WINDOW_MARGIN: usize = 500;

/// A long text taken out of the editor: its length and its start.
#[derive(Clone, PartialEq)]
struct LongText {
    chars: usize,
    preview: String,
}

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

/// A count with thousands separators (`3,608,501`).
fn grouped(n: usize) -> String {
    export::grouped_number(n as f64)
}

fn human_size(n: u64) -> String {
    match n {
        n if n < 1024 => format!("{n} B"),
        n if n < 1024 * 1024 => format!("{:.1} KB", n as f64 / 1024.0),
        n => format!("{:.1} MB", n as f64 / 1024.0 / 1024.0),
    }
}

fn set_engine_marker(value: &str) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.set_attribute("data-engine", value);
    }
}

/// Counter for request and batch ids.
fn next_id(counter: &RefCell<u32>) -> u32 {
    let mut n = counter.borrow_mut();
    *n += 1;
    *n
}

/// `window.shudu.analyze(text)`: a whole-text analysis for scripts and benchmarks,
/// resolving to `{ ms, chars, tokens, figures, workerMs, keywords, early }` (`early`: analysed
/// before the worker's full engine was built; see `worker.rs`).
fn install_script_hook(pool: Rc<RefCell<Pool>>, ids: Rc<RefCell<u32>>) {
    let Some(window) = web_sys::window() else { return };
    let stats_pool = pool.clone();
    // The text stays a JavaScript string: it goes to the workers without a copy in the page's memory.
    let analyze = Closure::<dyn Fn(JsValue) -> js_sys::Promise>::new(move |text: JsValue| {
        let Some(text) = text.dyn_ref::<js_sys::JsString>().cloned() else {
            return js_sys::Promise::reject(&js_sys::TypeError::new("shudu.analyze(text): text must be a string"));
        };
        let pool = pool.clone();
        let id = next_id(&ids);
        js_sys::Promise::new(&mut |resolve: js_sys::Function, _reject| {
            let t0 = now_ms();
            let done = move |r: &Report| {
                let out = js_sys::Object::new();
                let set = |k: &str, v: f64| {
                    let _ = js_sys::Reflect::set(&out, &k.into(), &v.into());
                };
                set("ms", now_ms() - t0);
                set("chars", r.stats.chars as f64);
                set("tokens", r.stats.tokens as f64);
                set("figures", r.stats.figures as f64);
                set("workerMs", r.elapsed_ms);
                let words: js_sys::Array = r.keywords.iter().map(|k| JsValue::from_str(&k.word)).collect();
                let _ = js_sys::Reflect::set(&out, &"keywords".into(), &words);
                let _ = js_sys::Reflect::set(&out, &"early".into(), &r.early.into());
                let _ = resolve.call1(&JsValue::NULL, &out);
            };
            pool.borrow_mut().waiters.push((id, Box::new(done)));
            Pool::analyze(&pool, id, text.clone());
        })
    });
    // `window.shudu.stats()`: `{ textsDone, textsWaiting }`, texts and pieces of texts analysed
    // so far and waiting for a worker.
    let stats = {
        let pool = stats_pool;
        Closure::<dyn Fn() -> JsValue>::new(move || {
            let out = js_sys::Object::new();
            let p = pool.borrow();
            let _ = js_sys::Reflect::set(&out, &"textsDone".into(), &(p.texts_done as f64).into());
            let _ = js_sys::Reflect::set(&out, &"textsWaiting".into(), &(p.texts_waiting() as f64).into());
            out.into()
        })
    };
    // `window.shudu.pageMemory()`: bytes of the page's own WebAssembly memory (for the benchmark).
    let page_memory = Closure::<dyn Fn() -> f64>::new(|| {
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
    });
    let api = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&api, &"analyze".into(), analyze.as_ref());
    let _ = js_sys::Reflect::set(&api, &"pageMemory".into(), page_memory.as_ref());
    let _ = js_sys::Reflect::set(&api, &"stats".into(), stats.as_ref());
    let _ = js_sys::Reflect::set(&window, &"shudu".into(), &api);
    analyze.forget();
    page_memory.forget();
    stats.forget();
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let ids = use_memo((), |_| Rc::new(RefCell::new(0u32)));
    let pool: Rc<RefCell<Pool>> = {
        let dispatch = state.dispatcher();
        let ids = ids.clone();
        (*use_memo((), move |_| {
            let pool = crate::pool::global();
            pool.borrow().connect(Callback::from(move |a| dispatch.dispatch(a)));
            install_script_hook(pool.clone(), (*ids).clone());
            pool
        }))
        .clone()
    };
    {
        // `body[data-engine]`: loading, ready, or broken once no worker can work (what the
        // status line then says).
        let marker = match (state.broken.is_some(), state.engine) {
            (true, _) => Some("broken"),
            (false, Engine::Ready) => Some("ready"),
            (false, _) => None,
        };
        use_effect_with(marker, move |marker| {
            if let Some(marker) = marker {
                set_engine_marker(marker);
            }
        });
    }
    let pending = use_mut_ref(|| None::<Timeout>);
    // The editor's text last sent: replaced by the next, whose analysis need not wait for its pieces.
    let last_sent = use_mut_ref(|| None::<u32>);

    // Send the editor text for analysis after a short pause in typing.
    let submit = {
        let state = state.clone();
        let pool = pool.clone();
        let ids = ids.clone();
        // The text, and whether to send it now.
        Callback::from(move |(text, immediate): (DocText, bool)| {
            let id = next_id(&ids);
            state.dispatch(Action::Edit { text: text.clone(), id });
            let pool = pool.clone();
            let last_sent = last_sent.clone();
            let send = move || {
                if let Some(old) = last_sent.borrow_mut().replace(id) {
                    pool.borrow_mut().drop_text(old);
                }
                Pool::analyze(&pool, id, text.to_js());
            };
            if immediate {
                *pending.borrow_mut() = None;
                send();
            } else {
                *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, send));
            }
        })
    };

    // Start a batch of picked or dropped files.
    let start_batch = {
        let state = state.clone();
        let pool = pool.clone();
        let ids = ids.clone();
        Callback::from(move |picked: Vec<Picked>| {
            if picked.is_empty() {
                return;
            }
            pool.borrow_mut().cancel();
            let batch = next_id(&ids);
            let limit = crate::pool::LIMIT;
            let files = picked.iter().map(|p| (Rc::from(p.path.as_str()), p.file.size() as u64)).collect();
            state.dispatch(Action::BatchStart { id: batch, files, now_ms: now_ms() });
            let mut jobs = Vec::new();
            for (index, p) in picked.into_iter().enumerate() {
                let size = p.file.size() as u64;
                if size > limit {
                    let error =
                        shudu_core::decode::DecodeError::TooLarge { size: size as usize, limit: limit as usize }
                            .to_string();
                    state.dispatch(Action::FileFailed { batch, index, error, now_ms: now_ms() });
                } else {
                    jobs.push(Job { batch, index, name: p.path, file: p.file });
                }
            }
            Pool::submit(&pool, jobs);
        })
    };

    // The editor's text lives in the textarea itself: set from the state, Yew would read the
    // whole text back out of the page on every render to compare it (megabytes for a long
    // article); choosing a sample writes it there.
    let input = use_node_ref();
    let long = use_state(|| None::<LongText>);
    // A long text (pasted, dropped or inserted) goes to the analysis and the long-text view,
    // never into the textarea; returns whether it was one.
    let take_long = {
        let submit = submit.clone();
        let long = long.clone();
        Rc::new(move |area: &HtmlTextAreaElement, incoming: js_sys::JsString| -> bool {
            let Some(text) = long_edit(area, &incoming) else { return false };
            area.set_value("");
            // Sent first: the workers start while the text is measured for its view.
            let text = DocText::js(text);
            submit.emit((text.clone(), true));
            long.set(Some(LongText { chars: text.chars(), preview: text.slice(0, LONG_PREVIEW_CHARS).into_owned() }));
            true
        })
    };
    let on_input = {
        let submit = submit.clone();
        let take_long = take_long.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            // Should a long text have got in all the same, it is taken out before it is drawn.
            if area.text_length() > LONG_UNITS {
                let all = js_string(&area, "value").unwrap_or_default();
                area.set_value("");
                take_long(&area, all);
                return;
            }
            submit.emit((DocText::from(area.value()), false));
        })
    };
    let on_paste = {
        let take_long = take_long.clone();
        Callback::from(move |e: Event| {
            let (Some(area), Some(paste)) =
                (e.target_dyn_into::<HtmlTextAreaElement>(), e.dyn_ref::<web_sys::ClipboardEvent>())
            else {
                return;
            };
            let text = paste.clipboard_data().and_then(|d| plain_text(&d)).unwrap_or_default();
            if take_long(&area, text) {
                e.prevent_default();
            }
        })
    };
    let on_drop_text = {
        let take_long = take_long.clone();
        Callback::from(move |e: DragEvent| {
            let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() else { return };
            let text = e.data_transfer().and_then(|d| plain_text(&d)).unwrap_or_default();
            if take_long(&area, text) {
                e.prevent_default();
            }
        })
    };
    // Text typed or inserted by a script (`beforeinput` has no Yew attribute).
    {
        let take_long = take_long.clone();
        use_effect_with(input.clone(), move |input| {
            let area = input.cast::<HtmlTextAreaElement>();
            let listener = Closure::<dyn Fn(web_sys::InputEvent)>::new(move |e: web_sys::InputEvent| {
                let (Some(area), Some(data)) = (e.target_dyn_into::<HtmlTextAreaElement>(), js_string(&e, "data"))
                else {
                    return;
                };
                if take_long(&area, data) {
                    e.prevent_default();
                }
            });
            if let Some(area) = &area {
                let _ = area.add_event_listener_with_callback("beforeinput", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(area) = area {
                    let _ = area.remove_event_listener_with_callback("beforeinput", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    let on_clear_long = {
        let submit = submit.clone();
        let long = long.clone();
        Callback::from(move |_: MouseEvent| {
            long.set(None);
            submit.emit((DocText::default(), true));
        })
    };

    let samples = SAMPLES.iter().enumerate().map(|(k, s)| {
        let submit = submit.clone();
        let input = input.clone();
        let long = long.clone();
        let onclick = Callback::from(move |_| {
            if let Some(area) = input.cast::<HtmlTextAreaElement>() {
                area.set_value(SAMPLES[k].text);
            }
            long.set(None);
            submit.emit((DocText::from(SAMPLES[k].text), true))
        });
        html! {
            <button class="sample" data-testid={format!("sample-{k}")} title={s.file} {onclick}>
                <span class="sample-no">{ format!("样例 {}", k + 1) }</span>
                <span class="sample-title">{ s.title() }</span>
            </button>
        }
    });

    let status = match (state.engine, state.analyzing(), &state.shown) {
        _ if state.broken.is_some() => {
            html! {
                <span class="status broken" data-testid="engine-error">
                    { format!("无法分析 — {}。请刷新页面重试 (reload to try again)", state.broken.as_deref().unwrap_or_default()) }
                </span>
            }
        }
        _ if state.notice.is_some() => {
            html! { <span class="status broken" data-testid="text-error">{ state.notice.clone().unwrap_or_default() }</span> }
        }
        (Engine::Loading, _, _) => html! { <span class="status loading">{ "正在加载词典… loading dictionary" }</span> },
        (Engine::Ready, true, _) => match state.progress {
            Some((back, pieces)) => html! {
                <span class="status busy" data-testid="text-progress">{ format!("分析中… {} / {} 段 (analysing: pieces done)", grouped(back), grouped(pieces)) }</span>
            },
            None => html! { <span class="status busy">{ "分析中… analysing" }</span> },
        },
        (Engine::Ready, false, Some((_, r))) if !state.text.is_empty() => html! {
            <span class="status ok">{ format!("已分析 {} 字 · {} 词 · {} 个数字 · {:.0} ms", grouped(r.stats.chars), grouped(r.stats.tokens), grouped(r.stats.figures), r.elapsed_ms) }</span>
        },
        (Engine::Ready, _, _) => {
            html! { <span class="status ok">{ "就绪 ready — 粘贴文章、选择样例或拖入文件" }</span> }
        }
    };

    let on_cancel = {
        let state = state.clone();
        let pool = pool.clone();
        Callback::from(move |_| {
            pool.borrow_mut().cancel();
            state.dispatch(Action::Cancel { now_ms: now_ms() });
        })
    };

    // The article view needs a stretch of a long document analysed (its words are not kept).
    let on_window = {
        let state = state.clone();
        let pool = pool.clone();
        let ids = ids.clone();
        Callback::from(move |(doc, at, of): (DocRef, usize, DocText)| {
            // The stretch it replaces is not wanted any more (if no worker has it yet).
            if let Some(old) = &state.window {
                pool.borrow_mut().drop_text(old.id);
            }
            let (start, end) = of.lines_around(at, WINDOW_REACH, WINDOW_SNAP);
            let text = DocText::from(of.slice(start, end).into_owned());
            let id = next_id(&ids);
            Pool::analyze(&pool, id, text.to_js());
            state.dispatch(Action::Window(Window { doc, of, start, end, text, id, report: None }));
        })
    };

    // Selecting a figure of a file opens that file in the article view.
    let on_select = {
        let state = state.clone();
        let pool = pool.clone();
        let ids = ids.clone();
        Callback::from(move |(doc, figure): (DocRef, usize)| {
            let mut open_request = None;
            if let DocRef::File(i) = doc
                && state.opened.as_ref().is_none_or(|(j, _, _)| *j != i)
                && let Some(text) = state.doc_text(doc)
            {
                let id = next_id(&ids);
                Pool::analyze(&pool, id, text.to_js());
                open_request = Some(id);
            }
            state.dispatch(Action::Select { doc, figure, open_request });
        })
    };

    let workers = pool.borrow().workers();
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
                    ref={input.clone()} oninput={on_input} onpaste={on_paste} ondrop={on_drop_text} spellcheck="false"
                    hidden={long.is_some()} />
                if let Some(text) = (*long).clone() {
                    <div class="long-text" data-testid="long-text">
                        <p class="long-head">
                            { format!("长文本 {} 字：全文都会分析，这里只显示开头 (a long text: analysed whole, its start shown)", grouped(text.chars)) }
                            <button class="small" data-testid="clear-text" onclick={on_clear_long}>{ "清空 clear" }</button>
                        </p>
                        <pre class="long-preview">{ text.preview }if text.chars > LONG_PREVIEW_CHARS { { "……" } }</pre>
                    </div>
                }
                if let Some((_, report)) = state.shown.as_ref().filter(|_| !state.text.is_empty()) {
                    <Keywords report={report.clone()} />
                }
                <FilesPanel state={StateRef::new(state.clone())} {start_batch} {on_cancel} {workers} />
            </section>
            <section class={classes!("results", state.analyzing().then_some("stale"))}>
                <FiguresView state={StateRef::new(state.clone())} on_select={on_select} />
            </section>
            <section class="segmented">
                <ArticleView state={StateRef::new(state.clone())} {on_window} />
            </section>
            <footer class="foot">{ "数读 Shudu · Rust + WebAssembly · jieba-rs 分词 · 离线可用，不上传任何数据" }</footer>
        </div>
    }
}

/// A string property of a page object, read as the JavaScript string it is (a long text's
/// `value` or `data` is not copied into the page's wasm memory and back to look at it).
fn js_string(object: &JsValue, key: &str) -> Option<js_sys::JsString> {
    js_sys::Reflect::get(object, &key.into()).ok()?.dyn_into().ok()
}

/// The plain text a paste or drop carries, as the JavaScript string it is (`get_data` would
/// copy it into the page's wasm memory, which never shrinks, and back).
fn plain_text(data: &web_sys::DataTransfer) -> Option<js_sys::JsString> {
    let get = js_sys::Reflect::get(data, &"getData".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    get.call1(data, &"text/plain".into()).ok()?.dyn_into().ok()
}

/// The editor's text once `incoming` replaces its selection, if that is a long text.
fn long_edit(area: &HtmlTextAreaElement, incoming: &js_sys::JsString) -> Option<js_sys::JsString> {
    let len = area.text_length();
    let start = area.selection_start().ok().flatten().unwrap_or(len).min(len);
    let end = area.selection_end().ok().flatten().unwrap_or(len).clamp(start, len);
    if len - (end - start) + incoming.length() <= LONG_UNITS {
        return None;
    }
    if start == 0 && end == len {
        // The usual case (a paste into an empty or wholly selected box): the text as it came,
        // not a joined copy (the join is flattened into a new string of the text's size).
        return Some(incoming.clone());
    }
    let value = js_string(area, "value").unwrap_or_default();
    Some(value.slice(0, start).concat(incoming).concat(&value.slice(end, len)))
}

/// The app's state as a component's property, compared by its version (`State::version`):
/// every change makes a new one, and comparing by content meant comparing a long text, its
/// report and every file, megabytes, for each component on every redraw.
#[derive(Clone)]
struct StateRef {
    handle: UseReducerHandle<State>,
    /// The state's version when this property was made (the handle itself always shows the latest).
    version: u64,
}

impl StateRef {
    fn new(handle: UseReducerHandle<State>) -> Self {
        let version = handle.version;
        StateRef { handle, version }
    }
}

impl PartialEq for StateRef {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

impl std::ops::Deref for StateRef {
    type Target = UseReducerHandle<State>;
    fn deref(&self) -> &Self::Target {
        &self.handle
    }
}

#[derive(Properties)]
struct KeywordsProps {
    report: Rc<Report>,
}

// Reports are compared by identity: each analysis makes a new one, and comparing a long
// text's report by content (millions of token ends) on every redraw cost more than the redraw.
impl PartialEq for KeywordsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
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
struct FilesProps {
    state: StateRef,
    start_batch: Callback<Vec<Picked>>,
    on_cancel: Callback<()>,
    workers: usize,
}

#[component]
fn FilesPanel(props: &FilesProps) -> Html {
    let state = &props.state;
    let dragging = use_state(|| false);
    let on_files = {
        let start = props.start_batch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                start.emit(files::from_list(&list));
            }
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let start = props.start_batch.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let Some(data) = e.data_transfer() else { return };
            let start = start.clone();
            // The entries must be taken during the event; walking folders continues after it.
            wasm_bindgen_futures::spawn_local(async move {
                let picked = files::from_drop(&data).await;
                start.emit(picked);
            });
        })
    };
    let progress = state.batch.as_ref().map(|b| {
        let now = b.finished_ms.unwrap_or_else(now_ms);
        let elapsed = (now - b.started_ms) / 1000.0;
        let left = if b.done > 0 && b.finished_ms.is_none() {
            format!(" · 约剩 {:.1} 秒", elapsed / b.done as f64 * (b.total - b.done) as f64)
        } else {
            String::new()
        };
        let verdict = match (b.finished_ms, b.cancelled) {
            (Some(_), true) => "已取消 cancelled".to_string(),
            (Some(_), false) => format!("完成 done in {elapsed:.2} s"),
            (None, _) => "分析中 analysing".to_string(),
        };
        let failed = state.files.iter().filter(|f| matches!(f.status, FileStatus::Failed(_))).count();
        let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
        let dispatch = state.dispatcher();
        let on_clear = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ClearFiles));
        html! {
            <div class="progress-box">
                <progress data-testid="progress" value={b.done.to_string()} max={b.total.to_string()} />
                <div class="progress-text" data-testid="progress-text">
                    { format!("{} / {} 个文件 · {} 个数字 · {} 个失败{} · {}", b.done, b.total, b.figures, failed, left, verdict) }
                    if b.finished_ms.is_none() {
                        <button class="small" data-testid="cancel" onclick={on_cancel}>{ "取消 Cancel" }</button>
                    } else {
                        <button class="small" data-testid="clear-files" onclick={on_clear}>{ "清除 Clear" }</button>
                    }
                </div>
            </div>
        }
    });
    // Failed files first, then the rest in order; at most FILE_ROWS drawn.
    let mut order: Vec<usize> = (0..state.files.len()).collect();
    order.sort_by_key(|&k| !matches!(state.files[k].status, FileStatus::Failed(_)));
    let hidden = order.len().saturating_sub(FILE_ROWS);
    order.truncate(FILE_ROWS);
    let rows = order.into_iter().map(|k| (k, &state.files[k])).map(|(k, f)| {
        let (status, class) = match &f.status {
            FileStatus::Queued => ("排队 queued".to_string(), "queued"),
            FileStatus::Done => ("完成 ok".to_string(), "ok"),
            FileStatus::Failed(e) => (format!("失败：{e}"), "failed"),
            FileStatus::Cancelled => ("已取消 cancelled".to_string(), "cancelled"),
        };
        html! {
            <tr class={class} data-status={class}>
                <td class="num">{ k + 1 }</td>
                <td class="fname" title={f.name.to_string()}>{ f.name.to_string() }</td>
                <td class="num">{ human_size(f.size) }</td>
                <td>{ f.encoding.clone().unwrap_or_default() }</td>
                <td class="num">{ if f.status == FileStatus::Done { f.figures.len().to_string() } else { String::new() } }</td>
                <td class="fstatus">{ status }</td>
            </tr>
        }
    });
    html! {
        <div class="files">
            <h2>{ "批量文件 Files" }</h2>
            <div class={classes!("dropzone", (*dragging).then_some("over"))} data-testid="dropzone"
                ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <p>{ "把文件或整个文件夹拖到这里 — .txt / .html / .docx，UTF-8、GBK/GB18030、Big5、UTF-16 均可" }</p>
                <label class="pick">{ "选择文件…" }
                    <input type="file" multiple=true data-testid="file-input" onchange={on_files.clone()} />
                </label>
                <label class="pick">{ "选择文件夹…" }
                    <input type="file" multiple=true webkitdirectory=true data-testid="folder-input" onchange={on_files} />
                </label>
                <span class="hint">{ format!("{} 个后台线程并行分析", props.workers) }</span>
            </div>
            { for progress }
            if !state.files.is_empty() {
                <div class="table-wrap files-wrap">
                    <table data-testid="files-table" class="filetable">
                        <thead><tr><th>{ "#" }</th><th>{ "文件" }</th><th>{ "大小" }</th><th>{ "编码" }</th><th>{ "数字" }</th><th>{ "状态" }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    if hidden > 0 {
                        <p class="hint">{ format!("另有 {hidden} 个文件未列出（失败的文件总在最前）") }</p>
                    }
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FiguresProps {
    state: StateRef,
    on_select: Callback<(DocRef, usize)>,
}

/// The rows as export cells, with each figure's sentence.
fn export_rows(state: &State, rows: &[Row]) -> Vec<[String; 12]> {
    let mut texts: HashMap<DocRef, DocText> = HashMap::new();
    rows.iter()
        .map(|r| {
            let text = texts.entry(r.doc).or_insert_with(|| state.doc_text(r.doc).unwrap_or_default());
            let (start, end) = (r.figure.start, r.figure.end);
            // The sentence is found within its reach on either side of the figure.
            let from = start.saturating_sub(export::SENTENCE_REACH);
            let around: Vec<char> = text.slice(from, end + export::SENTENCE_REACH).chars().collect();
            let sentence = if end - from <= around.len() {
                export::sentence_of(&around, start - from, end - from)
            } else {
                String::new()
            };
            export::csv_row(r.file, r.figure, &sentence)
        })
        .collect()
}

#[component]
fn FiguresView(props: &FiguresProps) -> Html {
    let state = &props.state;
    let rows = state.visible_rows();
    let (total, per_kind) = state.counts();
    let chips = std::iter::once(None).chain(Kind::ALL.iter().copied().map(Some)).map(|k| {
        let count = k.map_or(total, |k| per_kind[Kind::ALL.iter().position(|x| *x == k).unwrap_or(0)]);
        let active = state.kind_filter == k;
        let dispatch = state.dispatcher();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::FilterKind(k)));
        let label = k.map_or("全部 all", kind_label);
        let class = classes!("chip", active.then_some("active"), k.map(|k| format!("k-{}", k.as_str())));
        let testid = format!("filter-{}", k.map_or("all", |k| k.as_str()));
        html! { <button {class} {onclick} data-testid={testid} disabled={count == 0 && k.is_some()}>{ format!("{label} {count}") }</button> }
    });
    let on_query = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Query(input.value()));
        })
    };
    let export = |format: &'static str| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let rows = export_rows(&state, &state.visible_rows());
            let stamp = "shudu-figures";
            let result = match format {
                "csv" => files::download(
                    &format!("{stamp}.csv"),
                    "text/csv;charset=utf-8",
                    export::csv_document(&rows).as_bytes(),
                ),
                "json" => files::download(
                    &format!("{stamp}.json"),
                    "application/json",
                    export::json_document(&rows).as_bytes(),
                ),
                _ => match export::xlsx_document(&rows) {
                    Ok(bytes) => files::download(
                        &format!("{stamp}.xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        &bytes,
                    ),
                    Err(e) => Err(JsValue::from_str(&e)),
                },
            };
            if let Err(e) = result {
                web_sys::console::error_1(&e);
            }
        })
    };
    let show_file = !state.files.is_empty();
    let shown_rows = &rows[..rows.len().min(state.row_limit)];
    let body = shown_rows.iter().map(|r| {
        let (doc, index, f) = (r.doc, r.index, r.figure);
        let selected = state.selected == Some((doc, index));
        let on_select = props.on_select.clone();
        let onclick = Callback::from(move |_| on_select.emit((doc, index)));
        html! {
            <tr class={classes!(selected.then_some("selected"))} {onclick} data-kind={f.kind.as_str()}>
                if show_file { <td class="fname" title={r.file.to_string()}>{ r.file }</td> }
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
    let th = |col: Column, title: &'static str| {
        let dispatch = state.dispatcher();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::SortBy(col)));
        let arrow = match state.sort {
            Some((c, true)) if c == col => " ▲",
            Some((c, false)) if c == col => " ▼",
            _ => "",
        };
        html! { <th class="sortable" {onclick} title="点击排序 sort">{ title }{ arrow }</th> }
    };
    let more = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::MoreRows))
    };
    html! {
        <>
            <div class="results-head">
                <h2>{ "数字 Figures" }</h2>
                <div class="exports">
                    <button class="small" data-testid="export-csv" onclick={export("csv")} disabled={rows.is_empty()}>{ "导出 CSV" }</button>
                    <button class="small" data-testid="export-json" onclick={export("json")} disabled={rows.is_empty()}>{ "JSON" }</button>
                    <button class="small" data-testid="export-xlsx" onclick={export("xlsx")} disabled={rows.is_empty()}>{ "Excel" }</button>
                </div>
            </div>
            <div class="filters">
                { for chips }
                <input class="search" type="search" data-testid="filter-text" placeholder="筛选 filter…" value={state.query.clone()} oninput={on_query} />
            </div>
            <div class="table-wrap">
                <table data-testid="figures-table" class="figures">
                    <thead>
                        <tr>
                            if show_file { { th(Column::File, "文件") } }
                            { th(Column::Text, "原文") }{ th(Column::Kind, "类型") }{ th(Column::Value, "标准值") }{ th(Column::Unit, "单位") }
                            { th(Column::Approx, "限定") }{ th(Column::Change, "变化") }{ th(Column::Label, "指标") }{ th(Column::Subject, "主体") }
                        </tr>
                    </thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            if rows.len() > shown_rows.len() {
                <p class="hint">{ format!("显示 {} / {} 行 ", shown_rows.len(), rows.len()) }<button class="small" data-testid="more-rows" onclick={more}>{ "显示更多" }</button></p>
            } else if total == 0 {
                <p class="hint">{ "还没有结果。粘贴文章、点击样例，或拖入文件。" }</p>
            } else if rows.is_empty() {
                <p class="hint">{ "没有符合条件的数字。" }</p>
            } else {
                <p class="hint">{ format!("{} 个数字", rows.len()) }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleProps {
    state: StateRef,
    /// Wants a stretch of a long document (whose text this is) analysed around a char.
    on_window: Callback<(DocRef, usize, DocText)>,
}

/// The selected document, segmented, with its figures marked and the selected one highlighted.
#[component]
fn ArticleView(props: &ArticleProps) -> Html {
    let state = &props.state;
    let selected_doc = state.selected.map(|(d, _)| d);
    let (doc, name, text, report) = match (selected_doc, &state.opened, &state.shown) {
        (Some(DocRef::File(i)), Some((j, _, r)), _) if i == *j => {
            (Some(DocRef::File(i)), state.files[i].name.to_string(), state.files[i].text.clone(), r.clone())
        }
        (_, _, Some((t, r))) if !state.text.is_empty() => {
            (Some(DocRef::Pasted), PASTED_NAME.to_string(), t.clone(), Some(r.clone()))
        }
        _ => (None, String::new(), DocText::default(), None),
    };
    // Export this article's figures alone (the table's export buttons take the whole table).
    let export_article = {
        let state = state.clone();
        let name = name.clone();
        Callback::from(move |_: MouseEvent| {
            let rows: Vec<Row> = state.all_rows().into_iter().filter(|r| Some(r.doc) == doc).collect();
            let csv = export::csv_document(&export_rows(&state, &rows));
            let base = name.rsplit('/').next().unwrap_or("article").trim_end_matches(".txt").to_string();
            if let Err(e) = files::download(&format!("{base}-figures.csv"), "text/csv;charset=utf-8", csv.as_bytes()) {
                web_sys::console::error_1(&e);
            }
        })
    };
    let selected = match state.selected {
        Some((DocRef::Pasted, k)) if name == PASTED_NAME => {
            report.as_ref().and_then(|r| r.figures.get(k)).map(|f| (f.start, f.end))
        }
        Some((DocRef::File(i), k)) => state.files.get(i).and_then(|f| f.figures.get(k)).map(|f| (f.start, f.end)),
        _ => None,
    };
    // A long document's words are not kept: a stretch of it around the figure is analysed
    // when it is shown (asked for once per document and place).
    let (view, wanted) = match (doc, report) {
        (Some(doc), Some(report)) if !report.has_words() => {
            let (s, e) = selected.unwrap_or((0, 0));
            match state.stretch(doc, &text, s, e, WINDOW_MARGIN) {
                Stretch::NotNow => (None, None),
                Stretch::Wanted => (None, Some((doc, s, text.clone()))),
                Stretch::Held(w) => {
                    let note = format!(
                        "长文本共 {} 字，这里是第 {}–{} 字的分词 (a long text: the stretch around the figure)",
                        grouped(text.chars()),
                        grouped(w.start + 1),
                        grouped(w.end)
                    );
                    let at = selected.map(|(s, e)| (s - w.start, e - w.start));
                    (w.report.clone().map(|r| (w.text.clone(), r, at, Some(note))), None)
                }
            }
        }
        (_, Some(report)) => (Some((text, report, selected, None)), None),
        _ => (None, None),
    };
    {
        let on_window = props.on_window.clone();
        use_effect_with(wanted, move |wanted| {
            if let Some((doc, at, of)) = wanted {
                on_window.emit((*doc, *at, of.clone()));
            }
        });
    }
    html! {
        <>
            <div class="results-head">
                <h2>{ "原文与分词 Article" }if !name.is_empty() { <span class="docname">{ format!(" · {name}") }</span> }</h2>
                if doc.is_some() {
                    <button class="small" data-testid="export-article-csv" onclick={export_article}>{ "导出本文 CSV" }</button>
                }
            </div>
            if let Some((text, report, selected, note)) = view {
                if let Some(note) = note {
                    <p class="hint window-note" data-testid="window-note">{ note }</p>
                }
                <Tokens {text} {report} {selected} />
            } else if !name.is_empty() {
                <div data-testid="tokens" class="tokens empty">{ "正在分词… segmenting" }</div>
            } else {
                <div data-testid="tokens" class="tokens empty">{ "—" }</div>
            }
        </>
    }
}

#[derive(Properties)]
struct TokensProps {
    text: DocText,
    report: Rc<Report>,
    selected: Option<(usize, usize)>,
}

impl PartialEq for TokensProps {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && Rc::ptr_eq(&self.report, &other.report) && self.selected == other.selected
    }
}

#[component]
fn Tokens(props: &TokensProps) -> Html {
    let report = &props.report;
    let selected = props.selected;
    use_effect_with(selected, move |sel| {
        if sel.is_some()
            && let Some(el) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".tok.sel").ok().flatten())
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
            && let Some(container) = el.closest(".tokens").ok().flatten()
        {
            // Scroll the article box only, not the page: the table stays in view.
            let target = el.offset_top() - container.client_height() / 2;
            container.set_scroll_top(target.max(0));
        }
    });
    // A window of tokens around the selected figure (from the start when none is).
    let total = report.token_ends.len();
    let around = selected.map_or(0, |(s, _)| report.token_ends.partition_point(|&e| (e as usize) <= s));
    let first = around.saturating_sub(MAX_TOKENS_SHOWN / 2).min(total.saturating_sub(MAX_TOKENS_SHOWN));
    let last = (first + MAX_TOKENS_SHOWN).min(total);
    let window_start = if first == 0 { 0 } else { report.token_ends[first - 1] as usize };
    let mut fig = report.figures.partition_point(|f| f.end <= window_start);
    let window_end = if last == 0 { 0 } else { report.token_ends[last - 1] as usize };
    let window = props.text.slice(window_start, window_end);
    let mut cursor = Cursor::new(&window, window_start);
    // Whether the token before is whitespace too (so a break was already drawn).
    let mut blank_before = false;
    let spans = (first..last).map(|k| {
        let (start, end, tag) = report.token(k);
        while fig < report.figures.len() && report.figures[fig].end <= start {
            fig += 1;
        }
        let in_fig = report.figures.get(fig).is_some_and(|f| f.start < end && start < f.end);
        let is_sel = selected.is_some_and(|(s, e)| s < end && start < e);
        cursor.skip_to(start);
        let word = cursor.take(end);
        let blank = word.trim().is_empty();
        let after_blank = std::mem::replace(&mut blank_before, blank);
        if blank {
            // One line break per paragraph break, however many blank lines the text has.
            let breaks = word.contains('\n') && k > first && !after_blank;
            return if breaks {
                html! { <br /> }
            } else {
                html! {}
            };
        }
        // One class string and the tag as a static string: thousands of these are drawn at once.
        let class = format!(
            "tok t-{}{}{}",
            tag.chars().next().unwrap_or('x'),
            if in_fig { " fig" } else { "" },
            if is_sel { " sel" } else { "" }
        );
        html! { <span {class} title={tag}>{ word.to_string() }</span> }
    });
    html! {
        <div data-testid="tokens" class="tokens">
            { for spans }
            if last - first < total {
                <p class="hint">{ format!("（显示第 {}–{} 个词，共 {} 个；点击表中的数字可跳到它所在的位置）", first + 1, last, total) }</p>
            }
        </div>
    }
}
