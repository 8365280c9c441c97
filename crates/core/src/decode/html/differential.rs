//! The tokenizer against html5ever's, over the pages in
//! `testdata/html-tricky`: the same text (character references decoded,
//! outside raw-text elements) and the same tags, in the same order.

use super::entities::decode_entities_into;
use super::tokenizer::{RAW_TEXT, Token, Tokenizer};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token as H5Token, TokenSink, TokenSinkResult, Tokenizer as H5Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// What a page tokenizes to: `<tag>`, `</tag>` and runs of text.
#[derive(Default)]
struct Stream {
    items: Vec<String>,
    text: String,
}

impl Stream {
    fn text(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn tag(&mut self, tag: String) {
        self.flush();
        self.items.push(tag);
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.items.push(format!("text {:?}", std::mem::take(&mut self.text)));
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.flush();
        self.items
    }
}

fn ours(src: &str) -> Vec<String> {
    let mut out = Stream::default();
    let mut tokens = Tokenizer::new(src);
    while let Some(tok) = tokens.next() {
        match tok {
            Token::Text(s, e) => {
                let mut text = String::new();
                decode_entities_into(&src[s..e], &mut text);
                out.text(&text);
            }
            Token::Raw => {}
            Token::Start { name, .. } => out.tag(format!("<{}>", src[name.0..name.1].to_ascii_lowercase())),
            Token::End { name } => out.tag(format!("</{}>", src[name.0..name.1].to_ascii_lowercase())),
        }
    }
    out.finish()
}

/// html5ever's tokenizer, told by its sink (as its tree builder would) to
/// read the content of raw-text elements as raw text, whose characters are
/// not kept.
struct Sink {
    out: RefCell<Stream>,
    raw: RefCell<bool>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: H5Token, _line: u64) -> TokenSinkResult<()> {
        let mut out = self.out.borrow_mut();
        match token {
            H5Token::CharacterTokens(t) if !*self.raw.borrow() => out.text(&t),
            H5Token::NullCharacterToken if !*self.raw.borrow() => out.text("\0"),
            H5Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag => {
                        out.tag(format!("<{name}>"));
                        let kind = match name.as_str() {
                            "script" => Some(RawKind::ScriptData),
                            "title" | "textarea" => Some(RawKind::Rcdata),
                            "plaintext" => return TokenSinkResult::Plaintext,
                            n if RAW_TEXT.contains(&n) => Some(RawKind::Rawtext),
                            _ => None,
                        };
                        if let Some(kind) = kind {
                            *self.raw.borrow_mut() = true;
                            return TokenSinkResult::RawData(kind);
                        }
                    }
                    TagKind::EndTag => {
                        *self.raw.borrow_mut() = false;
                        out.tag(format!("</{name}>"));
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn html5ever(src: &str) -> Vec<String> {
    let sink = Sink { out: RefCell::new(Stream::default()), raw: RefCell::new(false) };
    let tokenizer = H5Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(src.into());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.out.take().finish()
}

#[test]
fn the_same_text_and_tags_as_html5ever_on_every_tricky_page() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/html-tricky");
    let mut pages: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    pages.retain(|p| p.extension().is_some_and(|e| e == "html"));
    pages.sort();
    assert!(pages.len() >= 10, "pages in {}", dir.display());
    for page in pages {
        let src = std::fs::read_to_string(&page).unwrap();
        let (ours, theirs) = (ours(&src), html5ever(&src));
        for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            assert_eq!(a, b, "{}: item {i}", page.display());
        }
        assert_eq!(ours.len(), theirs.len(), "{}: {ours:?}\n{theirs:?}", page.display());
    }
}
