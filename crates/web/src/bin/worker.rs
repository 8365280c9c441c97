fn main() {
    shudu_web::worker::run();
}
