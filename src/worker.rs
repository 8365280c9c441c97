//! The analysis worker: loads the packed dictionary once (fetched beside the
//! site's files), keeps one engine, and answers requests with whole results.

use crate::protocol::{FileReport, Report, Request, Response};
use gloo_worker::{HandlerId, Worker, WorkerScope};
use shudu_core::Engine;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The packed dictionary, relative to the worker script (the site's root).
pub const DICT_URL: &str = "jieba.dict";

pub struct AnalysisWorker {
    engine: Option<Engine>,
    broken: Option<String>,
    /// Requests that arrived before the engine was loaded.
    waiting: Vec<(HandlerId, Request)>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

async fn load_engine() -> Result<Engine, String> {
    let global: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let fail = |what: &str| format!("cannot load the dictionary ({DICT_URL}): {what}");
    let resp = JsFuture::from(global.fetch_with_str(DICT_URL)).await.map_err(|_| fail("network error"))?;
    let resp: web_sys::Response = resp.unchecked_into();
    if !resp.ok() {
        return Err(fail(&format!("HTTP {}", resp.status())));
    }
    let buf =
        JsFuture::from(resp.array_buffer().map_err(|_| fail("no body"))?).await.map_err(|_| fail("read error"))?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    Engine::from_packed(&bytes).map_err(|e| e.to_string())
}

impl AnalysisWorker {
    fn handle(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        let Some(engine) = &self.engine else {
            let why = self.broken.clone().unwrap_or_default();
            scope.respond(id, Response::Broken(why));
            return;
        };
        match msg {
            Request::Hello => scope.respond(id, Response::Ready),
            Request::Analyze { id: job, text } => {
                let t0 = now_ms();
                let analysis = engine.analyze(&text);
                let report = Report::from_analysis(analysis, now_ms() - t0);
                scope.respond(id, Response::Analyzed { id: job, report });
            }
            Request::File { batch, index, name, bytes, limit } => {
                let result =
                    shudu_core::decode::decode(&bytes, &name, limit as usize).map_err(|e| e.to_string()).map(|d| {
                        drop(bytes);
                        let figures = engine.figures(&d.text);
                        FileReport { encoding: d.encoding, text: d.text, figures }
                    });
                scope.respond(id, Response::File { batch, index, result });
            }
        }
    }
}

impl Worker for AnalysisWorker {
    type Message = Result<Engine, String>;
    type Input = Request;
    type Output = Response;

    fn create(scope: &WorkerScope<Self>) -> Self {
        let scope = scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = load_engine().await;
            scope.send_message(loaded);
        });
        AnalysisWorker { engine: None, broken: None, waiting: Vec::new() }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, loaded: Result<Engine, String>) {
        match loaded {
            Ok(engine) => self.engine = Some(engine),
            Err(why) => self.broken = Some(why),
        }
        for (id, msg) in std::mem::take(&mut self.waiting) {
            self.handle(scope, msg, id);
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        if self.engine.is_none() && self.broken.is_none() {
            self.waiting.push((id, msg));
        } else {
            self.handle(scope, msg, id);
        }
    }
}
