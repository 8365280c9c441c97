//! The page's views, one component a file, each given only the part of the state it draws
//! (compared by identity where it is large), so an action redraws only what it changed. The
//! page's language comes to each from the context (`i18n::Lang`).

mod article;
mod batch_progress;
mod chart;
mod concordance;
mod conflicts;
mod editor;
mod figure_rows;
mod figures;
mod file_table;
mod files_panel;
mod keywords;
mod lang_switch;
mod results;
mod sample_buttons;
mod session_bar;
mod sort_head;
mod status;
mod stepped;
mod summary;
mod tokens;
mod user_dict;
mod virtual_rows;
mod word_list;

pub use article::ArticleView;
pub use batch_progress::BatchProgress;
pub use chart::ChartView;
pub use concordance::ConcordanceView;
pub use conflicts::ConflictsView;
pub use editor::{Editor, Preset};
pub use figure_rows::FigureRows;
pub use figures::FiguresView;
pub use file_table::FileTable;
pub use files_panel::FilesPanel;
pub use keywords::Keywords;
pub use lang_switch::LangSwitch;
pub use results::Results;
pub use sample_buttons::SampleButtons;
pub use session_bar::SessionBar;
pub use status::StatusLine;
pub use summary::SummaryView;
pub use tokens::Tokens;
pub use user_dict::UserDict;
pub use word_list::WordListView;
