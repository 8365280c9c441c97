//! The session's and the user dictionary's words, in Chinese and in English (kept beside
//! `i18n`, whose table is long enough).

use crate::i18n::Lang;
use shudu_core::dict::UserDictError;
use std::borrow::Cow;

/// What went wrong keeping, reading or opening a session. Nothing on screen is lost by any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser gives the page no IndexedDB (private windows of some browsers): its reason.
    Unavailable(String),
    /// A write failed: the storage is full (`QuotaExceededError`) or refused it.
    Write(String),
    /// The kept session could not be read back.
    Read(String),
    /// A session file that is not JSON of the session's shape (the reader's reason).
    BadFile(String),
    /// JSON, but not a session file.
    NotSession,
    /// A session file of a later version of the page.
    NewerVersion(u32),
}

/// The words of the session bar and of the user dictionary box.
#[derive(Debug, Clone, PartialEq)]
pub enum Words<'a> {
    SessionHeading,
    Keep,
    KeepHint,
    Clear,
    /// Clearing asks first: it takes the text, the files and their results off the page too.
    ClearAsk,
    ClearYes,
    ClearNo,
    Export,
    Open,
    Restored(usize),
    Problem(&'a StoreError),
    DictHeading,
    DictLabel,
    DictHint,
    DictFile,
    DictWords(usize),
    DictError(&'a UserDictError),
}

impl Lang {
    pub fn w(self, w: Words<'_>) -> Cow<'static, str> {
        use Words::*;
        let zh = self == Lang::Zh;
        let s: &'static str = match w {
            SessionHeading if zh => "工作区",
            SessionHeading => "Session",
            Keep if zh => "在此浏览器中保存工作（刷新后恢复）",
            Keep => "Keep this session in this browser (restored on reload)",
            KeepHint if zh => "公用电脑请关闭：关闭即删除已保存的内容。",
            KeepHint => "Turn off on a shared computer: turning it off deletes what is kept.",
            Clear if zh => "清空工作区",
            Clear => "Clear session",
            ClearAsk if zh => "清空工作区会移除粘贴的文本、所有文件及其结果，无法撤销。需要保留可先导出工作区文件。",
            ClearAsk => {
                "Clearing removes the pasted text, every file and their results, and cannot be undone. Save a session file first to keep them."
            }
            ClearYes if zh => "确认清空",
            ClearYes => "Clear everything",
            ClearNo if zh => "取消",
            ClearNo => "Cancel",
            Export if zh => "导出工作区文件",
            Export => "Save session file",
            Open if zh => "打开工作区文件",
            Open => "Open session file",
            Restored(n) if zh => return format!("已恢复上次的工作（{n} 个文件）").into(),
            Restored(n) => return format!("Previous session restored ({n} files)").into(),
            Problem(e) => return self.store_error(e).into(),
            DictHeading if zh => "用户词典",
            DictHeading => "User dictionary",
            DictLabel if zh => "用户词典：每行一个词，可加词频和词性",
            DictLabel => "User dictionary: one word a line, optionally a frequency and a tag",
            DictHint if zh => "格式同 jieba 的 userdict.txt，例如“开复工率 20 n”。用于此后的每次分析。",
            DictHint => "jieba's userdict.txt format, e.g. “开复工率 20 n”. Used for every later analysis.",
            DictFile if zh => "从文件载入",
            DictFile => "Load from a file",
            DictWords(n) if zh => return format!("使用中：{n} 个词").into(),
            DictWords(n) => return format!("In use: {n} words").into(),
            DictError(e) if zh => return format!("{}（未应用）", e.zh()).into(),
            DictError(e) => return format!("{e} (not applied)").into(),
        };
        Cow::Borrowed(s)
    }

    fn store_error(self, e: &StoreError) -> String {
        let zh = self == Lang::Zh;
        match e {
            StoreError::Unavailable(why) if zh => format!("此浏览器无法保存工作区（{why}）；页面上的内容不受影响"),
            StoreError::Unavailable(why) => {
                format!("this browser cannot keep the session ({why}); nothing on the page is lost")
            }
            StoreError::Write(why) if zh => {
                format!("保存工作区失败（存储空间可能已满：{why}）；页面上的内容不受影响，可导出工作区文件")
            }
            StoreError::Write(why) => format!(
                "the session could not be kept (storage full?: {why}); nothing on the page is lost — save a session file"
            ),
            StoreError::Read(why) if zh => format!("无法读取已保存的工作区：{why}"),
            StoreError::Read(why) => format!("the kept session could not be read: {why}"),
            StoreError::BadFile(why) if zh => format!("无法读取此工作区文件：{why}"),
            StoreError::BadFile(why) => format!("this session file cannot be read: {why}"),
            StoreError::NotSession if zh => "这不是数读的工作区文件".into(),
            StoreError::NotSession => "this is not a Shudu session file".into(),
            StoreError::NewerVersion(v) if zh => format!("此工作区文件来自更新版本的数读（第 {v} 版）"),
            StoreError::NewerVersion(v) => format!("this session file is from a later Shudu (version {v})"),
        }
    }
}
