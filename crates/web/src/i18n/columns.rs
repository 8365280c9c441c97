//! The columns, statuses and views that [`super::Text`] names.

/// Columns of the figures table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    File,
    Text,
    Kind,
    Value,
    Unit,
    Approx,
    Change,
    Label,
    Subject,
    Period,
    Context,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SumCol {
    Label,
    Unit,
    Count,
    Files,
    Sum,
    Min,
    Max,
    Period,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KwicCol {
    File,
    Left,
    Hit,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordCol {
    Rank,
    Word,
    Pos,
    Count,
    Share,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictCol {
    Value,
    File,
    Sentence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileCol {
    No,
    Name,
    Size,
    Encoding,
    Figures,
    Status,
    Remove,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StatusWord {
    Queued,
    Done,
    Failed,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewName {
    Figures,
    Summary,
    Chart,
    Concordance,
    Words,
    Conflicts,
}
