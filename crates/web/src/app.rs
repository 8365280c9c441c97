//! The page: the state and its reducer, the worker pool, and the views laid out. Requests to
//! the pool are made here (in callbacks that stay the same from one redraw to the next, so
//! the views given them do not redraw for them); what comes back goes to the reducer.

use crate::api::{self, next_id};
use crate::components::{
    ArticleView, Editor, FilesPanel, Keywords, LangSwitch, Preset, Results, SessionBar, StatusLine, UserDict,
};
use crate::dom::{next_task, set_engine_marker};
use crate::failure::Failure;
use crate::files::Picked;
use crate::i18n::{Lang, Text};
use crate::pool::{self, Job, Pool, now_ms};
use crate::session::store::{self, Saver, Snapshot};
use crate::session::{Saved, Settings, file as session_file};
use crate::state::{Action, DocRef, Engine, Restored, SessionNote, State, Window};
use crate::text::DocText;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long typing must pause before the text is sent for analysis.
const DEBOUNCE_MS: u32 = 120;
/// The article view of a long document (one whose words the page does not keep) shows a
/// stretch of it analysed for the purpose: this many chars on either side of the figure
/// (about 4,000 words in all, the tokens the view draws), out to line ends within `WINDOW_SNAP`.
const WINDOW_REACH: usize = 3_000;
const WINDOW_SNAP: usize = 1_000;
/// Files whose sizes are read in one step when a batch starts (see `on_start`).
const SIZES_PER_STEP: usize = 100;

/// Files whose results are freed in one step when the batch is cleared.
const FREED_PER_STEP: usize = 50;

/// Free the results of a cleared batch's files a step at a time, once the views have let go
/// of them (freeing 100,000 figures at once held the page for up to 0.18 s). If something
/// still holds them, they go when it lets go.
async fn release(files: Rc<Vec<crate::state::FileDoc>>) {
    for _ in 0..20 {
        next_task().await;
        if Rc::strong_count(&files) == 1 {
            break;
        }
    }
    let Ok(mut files) = Rc::try_unwrap(files) else { return };
    while !files.is_empty() {
        files.truncate(files.len().saturating_sub(FREED_PER_STEP));
        next_task().await;
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    // The page's language: as chosen on an earlier visit, kept and told to the document.
    let lang = use_state_eq(Lang::stored);
    use_effect_with(*lang, |lang| lang.apply());
    let on_lang = {
        let lang = lang.setter();
        use_callback((), move |l: Lang, _| lang.set(l))
    };
    let ids = use_memo((), |_| Rc::new(RefCell::new(0u32)));
    let pool: Rc<RefCell<Pool>> = {
        let dispatch = state.dispatcher();
        let ids = ids.clone();
        (*use_memo((), move |_| {
            let pool = pool::global();
            pool.borrow().connect(Callback::from(move |a| dispatch.dispatch(a)));
            api::install(pool.clone(), (*ids).clone());
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
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |a: Action, _| dispatcher.dispatch(a))
    };
    let pending = use_mut_ref(|| None::<Timeout>);
    // The editor's text last sent: replaced by the next, whose analysis need not wait for its pieces.
    let last_sent = use_mut_ref(|| None::<u32>);

    // Send the editor text for analysis (now, or after a short pause in typing).
    let on_text = {
        let (dispatch, pool, ids) = (dispatch.clone(), pool.clone(), ids.clone());
        use_callback((), move |(text, immediate): (DocText, bool), _| {
            let id = next_id(&ids);
            dispatch.emit(Action::Edit { text: text.clone(), id });
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

    // Start a batch of picked or dropped files. A file's size asks the file system (0.1-0.7 ms
    // each in Chromium: 1,000 of them held the page for up to 0.7 s), so sizes are read a
    // step at a time, the page free between steps, before the batch starts.
    let on_start = {
        let (dispatch, pool, ids) = (dispatch.clone(), pool.clone(), ids.clone());
        use_callback((), move |picked: Vec<Picked>, _| {
            if picked.is_empty() {
                return;
            }
            let (dispatch, pool, ids) = (dispatch.clone(), pool.clone(), ids.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut sizes = Vec::with_capacity(picked.len());
                for (k, p) in picked.iter().enumerate() {
                    if k > 0 && k % SIZES_PER_STEP == 0 {
                        next_task().await;
                    }
                    sizes.push(p.file.size() as u64);
                }
                pool.borrow_mut().cancel();
                let batch = next_id(&ids);
                let limit = pool::LIMIT;
                let files = picked.iter().zip(&sizes).map(|(p, &size)| (Rc::from(p.path.as_str()), size)).collect();
                dispatch.emit(Action::BatchStart { id: batch, files, now_ms: now_ms() });
                let mut jobs = Vec::new();
                for (index, (p, size)) in picked.into_iter().zip(sizes).enumerate() {
                    if size > limit {
                        let error = Failure::TooLarge { size, limit };
                        dispatch.emit(Action::FileFailed { batch, index, error, now_ms: now_ms() });
                    } else {
                        jobs.push(Job { batch, index, name: p.path, file: p.file, size });
                    }
                }
                Pool::submit(&pool, jobs);
            });
        })
    };

    let on_cancel = {
        let (dispatch, pool) = (dispatch.clone(), pool.clone());
        use_callback((), move |_: (), _| {
            pool.borrow_mut().cancel();
            dispatch.emit(Action::Cancel { now_ms: now_ms() });
        })
    };
    // The user dictionary: checked here; in use on every worker (and for the editor's text
    // again) unless a line is refused.
    let on_user_dict = {
        let (dispatch, pool, on_text, ids) = (dispatch.clone(), pool.clone(), on_text.clone(), ids.clone());
        let opened = state.opened.as_ref().and_then(|(i, _, _)| state.docs().doc_text(DocRef::File(*i)));
        use_callback((state.text.clone(), opened), move |text: String, (current, opened)| {
            let error = shudu_core::dict::user::parse(&text).err();
            let mut reopen = None;
            if error.is_none() {
                pool.borrow_mut().set_user_dict(text.clone());
                if let Some(of) = opened {
                    let id = next_id(&ids);
                    Pool::analyze(&pool, id, of.to_js());
                    reopen = Some(id);
                }
            }
            dispatch.emit(Action::UserDict { text, error: error.clone(), reopen });
            if error.is_none() && !current.is_empty() {
                on_text.emit((current.clone(), true));
            }
        })
    };

    // The session: restored once at start, kept as it changes (unless turned off).
    let keep = use_state_eq(store::keeping);
    let preset = use_state_eq(|| None::<Preset>);
    let saver = {
        let dispatch = dispatch.clone();
        (*use_memo((), move |_| {
            Saver::new(Callback::from(move |e: Option<_>| {
                dispatch.emit(Action::SessionNote(e.map_or(SessionNote::None, SessionNote::Problem)))
            }))
        }))
        .clone()
    };
    // Nothing is written before the kept session has been read (it would be overwritten).
    let loaded = use_state_eq(|| false);
    // Put a session in place of this one; `kept`: it is the one in the database.
    let restore = {
        let (dispatch, pool, ids, saver, preset) =
            (dispatch.clone(), pool.clone(), ids.clone(), saver.clone(), preset.setter());
        use_callback((), move |(saved, kept): (Saved, bool), _| {
            let error = shudu_core::dict::user::parse(&saved.user_dict).err();
            if error.is_none() {
                pool.borrow_mut().set_user_dict(saved.user_dict.clone());
            }
            pool.borrow_mut().cancel();
            let files: Rc<Vec<_>> = Rc::new(saved.files.into_iter().map(|f| f.into_doc()).collect());
            let text = DocText::from(saved.text);
            if kept {
                saver.borrow_mut().held(Some(&text), &files);
            }
            let settings = saved.settings;
            dispatch.emit(Action::Restore(Restored {
                files,
                user_dict: saved.user_dict,
                user_dict_error: error,
                settings,
            }));
            preset.set(Some(Preset { id: next_id(&ids), text }));
        })
    };
    {
        let (dispatch, restore, loaded) = (dispatch.clone(), restore.clone(), loaded.setter());
        use_effect_with((), move |_| {
            if !store::keeping() {
                return loaded.set(true);
            }
            wasm_bindgen_futures::spawn_local(async move {
                match store::load().await {
                    Ok(Some(saved)) => restore.emit((saved, true)),
                    Ok(None) => {}
                    Err(e) => dispatch.emit(Action::SessionNote(SessionNote::Problem(e))),
                }
                loaded.set(true);
            });
        });
    }
    {
        let snapshot = Snapshot {
            text: state.text.clone(),
            user_dict: state.user_dict.clone(),
            settings: Settings::of(&state.table, &state.bench),
            files: state.files.clone(),
        };
        let saver = saver.clone();
        use_effect_with((snapshot, *keep, *loaded), move |(snapshot, keep, loaded)| {
            if *keep && *loaded {
                Saver::note(&saver, snapshot.clone());
            }
        });
    }
    let forget = {
        let dispatch = dispatch.clone();
        move || {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = store::forget().await {
                    dispatch.emit(Action::SessionNote(SessionNote::Problem(e)));
                }
            });
        }
    };
    let on_keep = {
        let (keep, saver, forget) = (keep.setter(), saver.clone(), forget.clone());
        use_callback((), move |on: bool, _| {
            store::set_keeping(on);
            saver.borrow_mut().stop();
            saver.borrow_mut().held(None, &[]);
            if !on {
                forget();
            }
            keep.set(on);
        })
    };
    let on_clear_session = {
        let (dispatch, pool, ids, saver, preset) =
            (dispatch.clone(), pool.clone(), ids.clone(), saver.clone(), preset.setter());
        use_callback((), move |_: (), _| {
            pool.borrow_mut().cancel();
            saver.borrow_mut().held(None, &[]);
            forget();
            dispatch.emit(Action::NewSession);
            preset.set(Some(Preset { id: next_id(&ids), text: DocText::default() }));
        })
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            let json = session_file::to_json(&Saved::of(&state));
            let _ =
                crate::files::download(&session_file::name(&crate::dom::today()), "application/json", json.as_bytes());
        })
    };
    let on_open = {
        let (dispatch, restore) = (dispatch.clone(), restore.clone());
        use_callback((), move |file: web_sys::File, _| {
            let (dispatch, restore) = (dispatch.clone(), restore.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
                match session_file::from_json(&text.unwrap_or_default()) {
                    Ok(saved) => restore.emit((saved, false)),
                    Err(e) => dispatch.emit(Action::SessionNote(SessionNote::Problem(e))),
                }
            });
        })
    };

    // Clearing lets the results go a few files at a time (see `release`); the list the page
    // shows now is kept here for it.
    let shown_files = use_mut_ref(Rc::default);
    *shown_files.borrow_mut() = state.files.clone();
    let on_clear = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| {
            let old = shown_files.borrow().clone();
            dispatch.emit(Action::ClearFiles);
            wasm_bindgen_futures::spawn_local(release(old));
        })
    };

    // The article view needs a stretch of a long document analysed (its words are not kept).
    let on_window = {
        let (dispatch, pool, ids) = (dispatch.clone(), pool.clone(), ids.clone());
        let held = state.window.as_ref().map(|w| w.id);
        use_callback(held, move |(doc, at, of): (DocRef, usize, DocText), held| {
            // The stretch it replaces is not wanted any more (if no worker has it yet).
            if let Some(old) = held {
                pool.borrow_mut().drop_text(*old);
            }
            let (start, end) = of.lines_around(at, WINDOW_REACH, WINDOW_SNAP);
            let text = DocText::from(of.slice(start, end).into_owned());
            let id = next_id(&ids);
            Pool::analyze(&pool, id, text.to_js());
            dispatch.emit(Action::Window(Window { doc, of, start, end, text, id, report: None }));
        })
    };

    // Selecting a figure of a file opens that file in the article view.
    let docs = state.docs();
    let on_select = {
        let (dispatch, pool, ids) = (dispatch.clone(), pool.clone(), ids.clone());
        let opened = state.opened.as_ref().map(|(i, _, _)| *i);
        use_callback((opened, docs.clone()), move |(doc, figure): (DocRef, usize), (opened, docs)| {
            let mut open_request = None;
            if let DocRef::File(i) = doc
                && *opened != Some(i)
                && let Some(text) = docs.doc_text(doc)
            {
                let id = next_id(&ids);
                Pool::analyze(&pool, id, text.to_js());
                open_request = Some(id);
            }
            dispatch.emit(Action::Select { doc, figure, open_request });
        })
    };

    let workers = pool.borrow().workers();
    let opened = state.opened.as_ref().map(|(i, _, r)| (*i, r.clone()));
    let t = |x: Text| lang.t(x);
    html! {
        <ContextProvider<Lang> context={*lang}>
        <div class="page">
            <a class="skip" href="#results">{ t(Text::SkipToResults) }</a>
            <header class="top">
                <h1>{ "数读 " }<small>{ "Shudu" }</small></h1>
                <p class="tagline">{ t(Text::Tagline) }</p>
                <StatusLine status={state.status()} />
                <LangSwitch on_switch={on_lang} />
            </header>
            <main class="main">
                <section class="editor" aria-labelledby="editor-heading">
                    <h2 id="editor-heading" class="sr-only">{ t(Text::EditorHeading) }</h2>
                    <SessionBar keep={*keep} note={state.session.clone()} {on_keep} on_clear={on_clear_session} {on_export} {on_open} />
                    <Editor {on_text} preset={(*preset).clone()} />
                    <UserDict text={state.user_dict.clone()} error={state.user_dict_error.clone()} on_change={on_user_dict} />
                    if let Some((_, report)) = &docs.pasted {
                        <Keywords report={report.clone()} />
                    }
                    <FilesPanel files={state.files.clone()} batch={state.batch.clone()} {workers} {on_start} {on_cancel}
                        {on_clear} status={state.bench.files_status} dispatch={dispatch.clone()} />
                </section>
                <section id="results" tabindex="-1" class={classes!("results", state.analyzing().then_some("stale"))} aria-label={t(Text::Results)}>
                    <Results docs={docs.clone()} table={state.table.clone()} bench={state.bench.clone()} selected={state.selected} {dispatch} {on_select} />
                </section>
                <section class="segmented" aria-labelledby="article-heading">
                    <ArticleView {docs} selected={state.selected} {opened} window={state.window.clone()} replacing={state.analyzing()} {on_window} />
                </section>
            </main>
            <footer class="foot">
                { t(Text::Footer) }{ " · " }
                <a href="third-party-notices.txt" target="_blank">{ t(Text::Notices) }</a>
            </footer>
        </div>
        </ContextProvider<Lang>>
    }
}
