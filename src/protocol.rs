//! Messages between the page and the analysis worker. Results cross the
//! boundary whole and compact: token boundaries and tag ids as flat arrays,
//! never one message or string per token.

use serde::{Deserialize, Serialize};
use shudu_core::{Analysis, Figure, Keyword, Stats, Tag};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// (The dictionary is not a request: it goes to a worker as `{dict: ArrayBuffer}`, see `port.rs`.)
pub enum Request {
    Analyze {
        id: u32,
        text: String,
    },
    /// Decode and analyse one file of a batch.
    File {
        batch: u32,
        index: u32,
        name: String,
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
        limit: u64,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// Sent unasked once the worker has built its engine from the dictionary.
    Ready,
    /// The worker cannot work (its dictionary could not be loaded).
    Broken(String),
    Analyzed {
        id: u32,
        report: Report,
    },
    File {
        batch: u32,
        index: u32,
        result: Result<FileReport, String>,
    },
    /// The engine failed on a file (a bug, reported instead of hanging); the worker is spent.
    Crashed {
        batch: u32,
        index: u32,
        message: String,
    },
}

/// One analysed file of a batch: its decoded text and figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub encoding: String,
    pub text: String,
    pub figures: Vec<Figure>,
}

/// One analysis, compact.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub figures: Vec<Figure>,
    /// `char` offset where each token ends; a token starts where the previous ended.
    pub token_ends: Vec<u32>,
    /// Each token's tag (`shudu_core::Tag` ids).
    pub token_tags: Vec<u8>,
    pub keywords: Vec<Keyword>,
    pub stats: Stats,
    pub elapsed_ms: f64,
}

impl Report {
    pub fn from_analysis(a: Analysis, elapsed_ms: f64) -> Report {
        let token_ends = a.tokens.iter().map(|t| t.end as u32).collect();
        let token_tags = a.tokens.iter().map(|t| t.tag.0).collect();
        Report { figures: a.figures, token_ends, token_tags, keywords: a.keywords, stats: a.stats, elapsed_ms }
    }

    /// Token `k` as (start, end, tag).
    pub fn token(&self, k: usize) -> (usize, usize, &str) {
        let start = if k == 0 { 0 } else { self.token_ends[k - 1] as usize };
        let tag = Tag(self.token_tags[k]).as_str();
        (start, self.token_ends[k] as usize, tag)
    }
}

impl Report {
    /// Join the reports of consecutive pieces of one text; `chars` is each piece's length in chars.
    pub fn merge(parts: Vec<(usize, Report)>) -> Report {
        let mut out = Report::default();
        let mut offset = 0usize;
        let mut keyword_weight: Vec<(String, f64)> = Vec::new();
        let mut by_kind: Vec<(shudu_core::Kind, usize)> = shudu_core::Kind::ALL.iter().map(|k| (*k, 0)).collect();
        for (chars, part) in parts {
            out.token_ends.extend(part.token_ends.iter().map(|end| end + offset as u32));
            out.token_tags.extend_from_slice(&part.token_tags);
            out.figures.extend(part.figures.into_iter().map(|mut f| {
                f.start += offset;
                f.end += offset;
                f
            }));
            // Key words: weights are shares of each piece's content words; weigh pieces by size.
            for kw in part.keywords {
                let w = kw.weight * part.stats.tokens as f64;
                match keyword_weight.iter_mut().find(|(x, _)| *x == kw.word) {
                    Some((_, v)) => *v += w,
                    None => keyword_weight.push((kw.word, w)),
                }
            }
            for (kind, n) in part.stats.by_kind {
                if let Some(slot) = by_kind.iter_mut().find(|(k, _)| *k == kind) {
                    slot.1 += n;
                }
            }
            out.stats.chars += part.stats.chars;
            out.stats.tokens += part.stats.tokens;
            out.stats.figures += part.stats.figures;
            // Worker time, summed over the pieces.
            out.elapsed_ms += part.elapsed_ms;
            offset += chars;
        }
        keyword_weight.sort_by(|a, b| b.1.total_cmp(&a.1));
        let total: f64 = out.stats.tokens.max(1) as f64;
        out.keywords = keyword_weight
            .into_iter()
            .take(12)
            .map(|(word, w)| shudu_core::Keyword { word, weight: w / total })
            .collect();
        out.stats.by_kind = by_kind;
        out
    }
}
