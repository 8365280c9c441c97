fn main() {
    // Start the analysis worker first: it loads its dictionary while the page renders.
    shudu_web::pool::global();
    yew::Renderer::<shudu_web::app::App>::new().render();
}
