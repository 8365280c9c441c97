//! The analysis worker: builds its engine from the packed dictionary the page
//! sends it, and answers requests with whole results.

use crate::protocol::{FileReport, Report, Request, Response};
use gloo_worker::{HandlerId, Worker, WorkerScope};
use shudu_core::Engine;

/// Where to answer for a file: the worker's scope, the page's handler, batch and index.
type Answer = (WorkerScope<AnalysisWorker>, HandlerId, u32, u32);

thread_local! {
    /// The file being analysed, so that a panic can still answer for it.
    static CURRENT: std::cell::RefCell<Option<Answer>> = const { std::cell::RefCell::new(None) };
}

/// On a panic, tell the page which file caused it (the worker cannot go on after one).
fn install_panic_report() {
    std::panic::set_hook(Box::new(|info| {
        if let Some((scope, id, batch, index)) = CURRENT.with(|c| c.borrow_mut().take()) {
            let message = format!("分析出错，已跳过 (the engine failed on this file: {info})");
            scope.respond(id, Response::Crashed { batch, index, message });
        }
    }));
}

pub struct AnalysisWorker {
    engine: Option<Engine>,
    broken: Option<String>,
    /// Requests that arrived before the engine was loaded.
    waiting: Vec<(HandlerId, Request)>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl AnalysisWorker {
    fn handle(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        let Some(engine) = &self.engine else {
            let why = self.broken.clone().unwrap_or_default();
            scope.respond(id, Response::Broken(why));
            return;
        };
        match msg {
            Request::Load(_) => {}
            Request::Hello => scope.respond(id, Response::Ready),
            Request::Analyze { id: job, text } => {
                let t0 = now_ms();
                let analysis = engine.analyze(&text);
                let report = Report::from_analysis(analysis, now_ms() - t0);
                scope.respond(id, Response::Analyzed { id: job, report });
            }
            Request::File { batch, index, name, bytes, limit } => {
                CURRENT.with(|c| *c.borrow_mut() = Some((scope.clone(), id, batch, index)));
                let result =
                    shudu_core::decode::decode(&bytes, &name, limit as usize).map_err(|e| e.to_string()).map(|d| {
                        drop(bytes);
                        let figures = engine.figures(&d.text);
                        FileReport { encoding: d.encoding, text: d.text, figures }
                    });
                CURRENT.with(|c| *c.borrow_mut() = None);
                scope.respond(id, Response::File { batch, index, result });
            }
        }
    }
}

impl Worker for AnalysisWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        install_panic_report();
        AnalysisWorker { engine: None, broken: None, waiting: Vec::new() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        if let Request::Load(packed) = msg {
            match Engine::from_packed(&packed) {
                Ok(engine) => self.engine = Some(engine),
                Err(e) => self.broken = Some(e.to_string()),
            }
            for (id, msg) in std::mem::take(&mut self.waiting) {
                self.handle(scope, msg, id);
            }
        } else if self.engine.is_none() && self.broken.is_none() {
            self.waiting.push((id, msg));
        } else {
            self.handle(scope, msg, id);
        }
    }
}
