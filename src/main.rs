fn main() {
    yew::Renderer::<shudu_web::app::App>::new().render();
}
