//! What went wrong, in words.

use super::Lang;
use crate::failure::Failure;
use shudu_core::decode::DecodeError;

impl Lang {
    /// What went wrong, in this language (the one place a [`Failure`] becomes words).
    pub fn failure(self, f: &Failure) -> String {
        let zh = self == Lang::Zh;
        match f {
            Failure::WorkerStart(why) if zh => format!("无法启动分析线程：{why}"),
            Failure::WorkerStart(why) => format!("cannot start the analysis worker: {why}"),
            Failure::WorkerLoad(why) if zh => format!("分析线程启动失败：{why}"),
            Failure::WorkerLoad(why) => format!("the analysis worker failed to start: {why}"),
            Failure::WorkerError(Some(m)) if zh => format!("分析线程出错：{m}"),
            Failure::WorkerError(Some(m)) => format!("the analysis worker failed: {m}"),
            Failure::WorkerError(None) if zh => "分析线程出错：无法加载它的脚本".into(),
            Failure::WorkerError(None) => "the analysis worker failed: its script could not be loaded".into(),
            Failure::DictionaryLoad(why) if zh => format!("无法加载词典 (jieba-dict.txt)：{why}"),
            Failure::DictionaryLoad(why) => format!("cannot load the dictionary (jieba-dict.txt): {why}"),
            Failure::Dictionary(why) if zh => format!("词典无法读取：{why}"),
            Failure::Dictionary(why) => format!("the dictionary cannot be read: {why}"),
            Failure::Message(why) if zh => format!("页面与分析线程之间的消息已损坏：{why}"),
            Failure::Message(why) => format!("a message between the page and a worker is damaged: {why}"),
            Failure::Decode(why) if zh => why.zh(),
            Failure::Decode(why) => why.to_string(),
            Failure::Empty if zh => "空文件".into(),
            Failure::Empty => DecodeError::Empty.to_string(),
            Failure::Binary if zh => "二进制文件，不是文本".into(),
            Failure::Binary => DecodeError::Binary.to_string(),
            Failure::UnknownEncoding if zh => "无法识别文字编码：请另存为 UTF-8 后重试".into(),
            Failure::UnknownEncoding => DecodeError::UnknownEncoding.to_string(),
            Failure::TooLarge { size, limit } if zh => format!(
                "文件太大（{}，上限 {}）",
                shudu_core::decode::human_size(*size as usize),
                shudu_core::decode::human_size(*limit as usize)
            ),
            Failure::TooLarge { size, limit } => {
                DecodeError::TooLarge { size: *size as usize, limit: *limit as usize }.to_string()
            }
            Failure::Unreadable if zh => "无法读取文件（可能已被移动或删除）".into(),
            Failure::Unreadable => "cannot read the file (it may have been moved or deleted)".into(),
            Failure::FileCrashed(why) if zh => format!("分析出错，已跳过：{why}"),
            Failure::FileCrashed(why) => format!("the engine failed on this file, skipped: {why}"),
            Failure::FileStuck if zh => "分析未能完成，已跳过（文件可能已损坏）".into(),
            Failure::FileStuck => "the analysis did not finish, skipped (the file may be malformed)".into(),
            Failure::TextCrashed(why) if zh => format!("分析出错：{why}"),
            Failure::TextCrashed(why) => format!("the engine failed on part of this text: {why}"),
            Failure::TextStuck if zh => "这段文本的一部分未能分析完成".into(),
            Failure::TextStuck => "the analysis of part of this text did not finish".into(),
            Failure::TooManyFigures(limit) if zh => {
                format!(
                    "数字太多，已跳过：一次会话最多保留 {} 个数字",
                    shudu_core::export::grouped_number(*limit as f64)
                )
            }
            Failure::TooManyFigures(limit) => format!(
                "too many figures, skipped: a session keeps at most {}",
                shudu_core::export::grouped_number(*limit as f64)
            ),
        }
    }
}
