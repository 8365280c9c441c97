//! Shudu in the browser: a Yew app whose analysis runs in a pool of web
//! workers. All text work is the engine's (`shudu-core`); this crate only
//! carries requests and results and draws them.

pub mod api;
pub mod app;
pub mod components;
pub mod dom;
pub mod export;
pub mod failure;
pub mod files;
pub mod heap;
pub mod i18n;
pub mod labels;
pub mod pool;
pub mod port;
pub mod protocol;
pub mod samples;
pub mod session;
pub mod state;
pub mod text;
pub mod worker;
