//! The analysis worker: keeps one engine and answers requests with whole results.

use crate::protocol::{FileReport, Report, Request, Response};
use gloo_worker::{HandlerId, Worker, WorkerScope};
use shudu_core::Engine;

pub struct AnalysisWorker {
    engine: Engine,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Worker for AnalysisWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        AnalysisWorker { engine: Engine::new() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        match msg {
            Request::Hello => scope.respond(id, Response::Ready),
            Request::Analyze { id: job, text } => {
                let t0 = now_ms();
                let analysis = self.engine.analyze(&text);
                let report = Report::from_analysis(analysis, now_ms() - t0);
                scope.respond(id, Response::Analyzed { id: job, report });
            }
            Request::File { batch, index, name, bytes, limit } => {
                let result =
                    shudu_core::decode::decode(&bytes, &name, limit as usize).map_err(|e| e.to_string()).map(|d| {
                        drop(bytes);
                        let figures = self.engine.figures(&d.text);
                        FileReport { encoding: d.encoding, text: d.text, figures }
                    });
                scope.respond(id, Response::File { batch, index, result });
            }
        }
    }
}
