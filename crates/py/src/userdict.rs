//! A user dictionary in jieba's `userdict.txt` form: one word a line, then
//! optionally its frequency and its tag, separated by blanks (`数读科技 10 nt`,
//! `数读科技 nt`, `数读科技`). Blank lines and lines starting with `#` are skipped.

/// One word of a user dictionary.
#[derive(Debug, PartialEq)]
pub struct UserWord<'a> {
    pub word: &'a str,
    pub freq: Option<usize>,
    pub tag: Option<&'a str>,
}

/// A line that is not `word [freq] [tag]`.
#[derive(Debug, PartialEq)]
pub struct BadLine {
    pub line: usize,
    pub text: String,
}

impl std::fmt::Display for BadLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "user dictionary, line {}: `{}` is not `word [frequency] [tag]`", self.line, self.text)
    }
}

pub fn parse(text: &str) -> Result<Vec<UserWord<'_>>, BadLine> {
    let mut words = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || BadLine { line: k + 1, text: line.to_string() };
        let parts: Vec<&str> = line.split_whitespace().collect();
        let word = match parts.as_slice() {
            [word] => UserWord { word, freq: None, tag: None },
            [word, second] => match second.parse() {
                Ok(freq) => UserWord { word, freq: Some(freq), tag: None },
                Err(_) => UserWord { word, freq: None, tag: Some(second) },
            },
            [word, freq, tag] => UserWord { word, freq: Some(freq.parse().map_err(|_| bad())?), tag: Some(tag) },
            _ => return Err(bad()),
        };
        words.push(word);
    }
    Ok(words)
}
