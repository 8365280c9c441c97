//! Pages made to trip an HTML reader: the story after an empty comment is
//! read, and a tag of a million attributes is read through (in linear time:
//! a quadratic reader would not finish this test).

use shudu_core::decode::{DEFAULT_LIMIT, Format, decode};

fn page(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/html-tricky").join(name);
    std::fs::read(path).unwrap()
}

#[test]
fn the_story_after_an_empty_comment_is_read() {
    let d = decode(&page("empty-comment.html"), "page.html", DEFAULT_LIMIT).unwrap();
    assert_eq!(d.format, Format::Html);
    for figure in ["14.8亿元", "7.5%", "95.94亿元", "100%"] {
        assert!(d.text.contains(figure), "{figure} missing from {:?}", d.text);
    }
}

#[test]
fn a_tag_of_a_million_attributes_is_read_through() {
    let mut html = String::from("<!DOCTYPE html><html><body><div");
    for i in 0..1_000_000 {
        html.push_str(&format!(" a{i}=\"{}\"", i % 10));
    }
    html.push_str("><p>全年完成投资14.8亿元。</p></div></body></html>");
    let d = decode(html.as_bytes(), "big.html", DEFAULT_LIMIT).unwrap();
    assert_eq!(d.text, "全年完成投资14.8亿元。");
}
