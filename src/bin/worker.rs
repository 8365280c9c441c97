use gloo_worker::Registrable;

fn main() {
    shudu_web::worker::AnalysisWorker::registrar().register();
}
