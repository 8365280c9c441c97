/// The page's heap, counted (`window.shudu.heapBytes()`).
#[global_allocator]
static HEAP: shudu_web::heap::Counting = shudu_web::heap::Counting;

fn main() {
    // Start the analysis worker first: it loads its dictionary while the page renders.
    shudu_web::pool::global();
    yew::Renderer::<shudu_web::app::App>::new().render();
}
