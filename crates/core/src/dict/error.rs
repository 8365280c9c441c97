//! Why a dictionary could not be loaded.

/// Why a packed dictionary could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DictError {
    /// The bytes are not a dictionary of this version, or are damaged.
    Format(&'static str),
}

impl std::fmt::Display for DictError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DictError::Format(e) => write!(f, "dictionary is damaged: {e}"),
        }
    }
}

impl std::error::Error for DictError {}
