//! User dictionaries in jieba's `userdict.txt` format: one word a line, then
//! optionally its frequency (a whole number) and its part-of-speech tag
//! (letters), apart by spaces or tabs:
//!
//! ```text
//! 超级总部基地 20 ns
//! 开复工率 n
//! 云计算
//! ```
//!
//! Blank lines and lines starting with `#` are skipped. A word without a
//! frequency gets the one jieba suggests, enough to keep it whole. A line
//! that is not of this form is refused with its number and the reason.

use std::fmt;

/// The longest user word, in characters: longer ones are surely a pasted sentence.
pub const MAX_WORD_CHARS: usize = 64;

/// One word of a user dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserWord {
    pub word: String,
    pub freq: Option<usize>,
    pub tag: Option<String>,
}

/// Why a line of a user dictionary was refused (`line` counts from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserDictError {
    pub line: usize,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The second field is neither a frequency nor a tag.
    BadFreq(String),
    /// The tag is not made of letters.
    BadTag(String),
    /// More than word, frequency and tag.
    TooManyFields,
    TooLong,
}

impl fmt::Display for UserDictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "user dictionary, line {}: ", self.line)?;
        match &self.reason {
            Reason::BadFreq(s) => write!(f, "`{s}` is not a frequency (a whole number) nor a tag (letters)"),
            Reason::BadTag(s) => write!(f, "the tag `{s}` is not made of letters"),
            Reason::TooManyFields => f.write_str("expected `word [frequency] [tag]`"),
            Reason::TooLong => write!(f, "a word is at most {MAX_WORD_CHARS} characters"),
        }
    }
}

impl std::error::Error for UserDictError {}

impl UserDictError {
    /// The reason in Chinese (the English one is [`Display`](fmt::Display)).
    pub fn zh(&self) -> String {
        let why = match &self.reason {
            Reason::BadFreq(s) => format!("“{s}”既不是词频（整数）也不是词性（字母）"),
            Reason::BadTag(s) => format!("词性“{s}”应由字母组成"),
            Reason::TooManyFields => "格式应为“词语 [词频] [词性]”".into(),
            Reason::TooLong => format!("词语最长 {MAX_WORD_CHARS} 个字"),
        };
        format!("用户词典第 {} 行：{why}", self.line)
    }
}

/// The words of a user dictionary, in order.
pub fn parse(text: &str) -> Result<Vec<UserWord>, UserDictError> {
    let mut words = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |reason| UserDictError { line: n + 1, reason };
        let mut fields = line.split_whitespace();
        let word = fields.next().unwrap_or_default();
        if word.chars().count() > MAX_WORD_CHARS {
            return Err(err(Reason::TooLong));
        }
        let is_tag = |s: &str| s.chars().all(|c| c.is_ascii_alphabetic());
        let (mut freq, mut tag) = (None, None);
        match fields.next() {
            None => {}
            Some(s) if s.chars().all(|c| c.is_ascii_digit()) => {
                freq = Some(s.parse().map_err(|_| err(Reason::BadFreq(s.into())))?);
                if let Some(t) = fields.next() {
                    if !is_tag(t) {
                        return Err(err(Reason::BadTag(t.into())));
                    }
                    tag = Some(t.to_string());
                }
            }
            Some(s) if is_tag(s) => tag = Some(s.to_string()),
            Some(s) => return Err(err(Reason::BadFreq(s.into()))),
        }
        if fields.next().is_some() {
            return Err(err(Reason::TooManyFields));
        }
        words.push(UserWord { word: word.to_string(), freq, tag });
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(word: &str, freq: Option<usize>, tag: Option<&str>) -> UserWord {
        UserWord { word: word.into(), freq, tag: tag.map(Into::into) }
    }

    #[test]
    fn jieba_userdict_lines() {
        let text = "\u{feff}超级总部基地 20 ns\n# a comment\n\n开复工率\tn\n云计算\n  深中通道  5 \r\n";
        assert_eq!(
            parse(text).unwrap(),
            vec![
                w("超级总部基地", Some(20), Some("ns")),
                w("开复工率", None, Some("n")),
                w("云计算", None, None),
                w("深中通道", Some(5), None)
            ]
        );
    }

    #[test]
    fn bad_lines_are_named() {
        let e = parse("好词 3 n\n坏词 3.5 n").unwrap_err();
        assert_eq!(e, UserDictError { line: 2, reason: Reason::BadFreq("3.5".into()) });
        assert_eq!(
            e.to_string(),
            "user dictionary, line 2: `3.5` is not a frequency (a whole number) nor a tag (letters)"
        );
        assert!(e.zh().starts_with("用户词典第 2 行"));
        assert_eq!(parse("词 3 名词").unwrap_err().reason, Reason::BadTag("名词".into()));
        assert_eq!(parse("词 3 n x").unwrap_err().reason, Reason::TooManyFields);
        assert_eq!(parse(&"长".repeat(65)).unwrap_err().reason, Reason::TooLong);
        assert_eq!(parse("词 99999999999999999999999").unwrap_err().line, 1);
    }
}
