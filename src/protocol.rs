//! Messages between the page and the analysis worker. Results cross the
//! boundary whole and compact: token boundaries and tag ids as flat arrays,
//! never one message or string per token.

use serde::{Deserialize, Serialize};
use shudu_core::{Analysis, Figure, Keyword, Stats};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Answered with `Ready` once the engine (and its dictionary) is loaded.
    Hello,
    Analyze {
        id: u32,
        text: String,
    },
    /// Decode and analyse one file of a batch.
    File {
        batch: u32,
        index: u32,
        name: String,
        bytes: Vec<u8>,
        limit: u64,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    Ready,
    /// The worker cannot work (its dictionary could not be loaded).
    Broken(String),
    Analyzed { id: u32, report: Report },
    File { batch: u32, index: u32, result: Result<FileReport, String> },
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
    /// Index into `tags` for each token.
    pub token_tags: Vec<u8>,
    pub tags: Vec<String>,
    pub keywords: Vec<Keyword>,
    pub stats: Stats,
    pub elapsed_ms: f64,
}

impl Report {
    pub fn from_analysis(a: Analysis, elapsed_ms: f64) -> Report {
        let mut tags: Vec<String> = Vec::new();
        let mut token_ends = Vec::with_capacity(a.tokens.len());
        let mut token_tags = Vec::with_capacity(a.tokens.len());
        for t in &a.tokens {
            let id = match tags.iter().position(|x| *x == t.tag) {
                Some(k) => k,
                None => {
                    tags.push(t.tag.clone());
                    tags.len() - 1
                }
            };
            token_ends.push(t.end as u32);
            token_tags.push(id.min(255) as u8);
        }
        Report { figures: a.figures, token_ends, token_tags, tags, keywords: a.keywords, stats: a.stats, elapsed_ms }
    }

    /// Token `k` as (start, end, tag).
    pub fn token(&self, k: usize) -> (usize, usize, &str) {
        let start = if k == 0 { 0 } else { self.token_ends[k - 1] as usize };
        let tag = self.tags.get(self.token_tags[k] as usize).map_or("", String::as_str);
        (start, self.token_ends[k] as usize, tag)
    }
}
