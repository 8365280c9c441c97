//! The engines of this process, built on first use: the shared one with the
//! built-in dictionary, and one per user dictionary (keyed by its text, so the
//! same `dict=` argument on a Spark executor finds the engine it built for the
//! previous batch). A Spark worker process builds its own; nothing is sent
//! from the driver but the dictionary's text.

use crate::userdict::{self, BadLine};
use shudu_core::Engine;
use std::ops::Deref;
use std::sync::{Arc, Mutex};

/// Engines with a user dictionary kept at once (each holds the whole
/// dictionary, some 40 MB): the least recently used goes first.
const KEPT: usize = 4;

static WITH_USER_WORDS: Mutex<Vec<(String, Arc<Engine>)>> = Mutex::new(Vec::new());

#[derive(Debug)]
pub enum EngineError {
    UserDict(BadLine),
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EngineError::UserDict(e) => e.fmt(f),
        }
    }
}

pub enum EngineRef {
    Shared(&'static Engine),
    User(Arc<Engine>),
}

impl Deref for EngineRef {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        match self {
            EngineRef::Shared(e) => e,
            EngineRef::User(e) => e,
        }
    }
}

/// The engine for a user dictionary's text (`None` or blank: the built-in one).
pub fn engine(dict: Option<&str>) -> Result<EngineRef, EngineError> {
    let Some(dict) = dict.filter(|d| !d.trim().is_empty()) else {
        return Ok(EngineRef::Shared(shudu_core::engine()));
    };
    let words = userdict::parse(dict).map_err(EngineError::UserDict)?;
    // Held while an engine is built: another thread asking for the same
    // dictionary waits for it instead of building a second one.
    let mut kept = WITH_USER_WORDS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(k) = kept.iter().position(|(text, _)| text == dict) {
        let hit = kept.remove(k);
        let engine = hit.1.clone();
        kept.push(hit);
        return Ok(EngineRef::User(engine));
    }
    let mut engine = Engine::new();
    for w in words {
        engine.add_word(w.word, w.freq, w.tag);
    }
    let engine = Arc::new(engine);
    if kept.len() >= KEPT {
        kept.remove(0);
    }
    kept.push((dict.to_string(), engine.clone()));
    Ok(EngineRef::User(engine))
}
