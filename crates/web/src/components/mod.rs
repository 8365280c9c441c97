//! The page's views, one component a file, each given only the part of the state it draws
//! (compared by identity where it is large), so an action redraws only what it changed.

mod article;
mod batch_progress;
mod editor;
mod figure_rows;
mod figures;
mod file_table;
mod files_panel;
mod keywords;
mod sample_buttons;
mod status;
mod tokens;

pub use article::ArticleView;
pub use batch_progress::BatchProgress;
pub use editor::Editor;
pub use figure_rows::FigureRows;
pub use figures::FiguresView;
pub use file_table::FileTable;
pub use files_panel::FilesPanel;
pub use keywords::Keywords;
pub use sample_buttons::SampleButtons;
pub use status::StatusLine;
pub use tokens::Tokens;
