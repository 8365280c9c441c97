//! The words the page shows for the engine's values: kinds, qualifiers, sizes, counts.

use crate::failure::Failure;
use shudu_core::decode::DecodeError;
use shudu_core::export;
use shudu_core::{Approx, Change, Figure, Kind};

pub fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Money => "金额",
        Kind::Percent => "比例",
        Kind::Count => "数量",
        Kind::Quantity => "计量",
        Kind::Duration => "时长",
        Kind::Date => "日期",
        Kind::Rank => "排名",
    }
}

pub fn approx_label(f: &Figure) -> &'static str {
    match f.approx {
        Some(Approx::Over) => "以上 over",
        Some(Approx::Under) => "不足 under",
        Some(Approx::About) => "约 about",
        None => "",
    }
}

pub fn change_label(f: &Figure) -> &'static str {
    match f.change {
        Some(Change::Up) => "↑ 增",
        Some(Change::Down) => "↓ 减",
        None => "",
    }
}

/// A count with thousands separators (`3,608,501`).
pub fn grouped(n: usize) -> String {
    export::grouped_number(n as f64)
}

/// A file's size as the files table shows it (one decimal from KB up).
pub fn human_size(n: u64) -> String {
    match n {
        n if n < 1024 => format!("{n} B"),
        n if n < 1024 * 1024 => format!("{:.1} KB", n as f64 / 1024.0),
        n => format!("{:.1} MB", n as f64 / 1024.0 / 1024.0),
    }
}

/// What went wrong, in the page's words (the one place a [`Failure`] becomes words).
pub fn failure(f: &Failure) -> String {
    match f {
        Failure::WorkerStart(why) => format!("cannot start the analysis worker: {why}"),
        Failure::WorkerLoad(why) => format!("the analysis worker failed to start: {why}"),
        Failure::WorkerError(Some(message)) => format!("the analysis worker failed: {message}"),
        Failure::WorkerError(None) => "the analysis worker failed: its script could not be loaded".into(),
        Failure::DictionaryLoad(why) => format!("cannot load the dictionary (jieba-dict.txt): {why}"),
        Failure::Dictionary(why) | Failure::Decode(why) => why.clone(),
        Failure::Message(why) => format!("a message between the page and a worker is damaged: {why}"),
        Failure::TooLarge { size, limit } => {
            DecodeError::TooLarge { size: *size as usize, limit: *limit as usize }.to_string()
        }
        Failure::Unreadable => "cannot read the file (it may have been moved or deleted)".into(),
        Failure::FileCrashed(why) => format!("分析出错，已跳过 (the engine failed on this file: {why})"),
        Failure::FileStuck => "分析未能完成，已跳过 (the analysis did not finish: the file may be malformed)".into(),
        Failure::TextCrashed(why) => format!("分析出错 (the engine failed on part of this text: {why})"),
        Failure::TextStuck => "分析未能完成 (the analysis of part of this text did not finish)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_counts_read_as_the_tables_show_them() {
        assert_eq!(human_size(12), "12 B");
        assert_eq!(human_size(1536), "1.5 KB");
        assert_eq!(human_size(12_897_485), "12.3 MB");
        assert_eq!(grouped(3_608_501), "3,608,501");
    }

    #[test]
    fn a_failure_keeps_the_reason_it_carries() {
        assert_eq!(
            failure(&Failure::DictionaryLoad("HTTP 404".into())),
            "cannot load the dictionary (jieba-dict.txt): HTTP 404"
        );
        assert!(failure(&Failure::TextCrashed("simulated".into())).contains("simulated"));
        assert!(failure(&Failure::TooLarge { size: 60 << 20, limit: 50 << 20 }).contains("too large"));
    }

    #[test]
    fn every_kind_has_its_own_label() {
        let mut labels: Vec<&str> = Kind::ALL.iter().map(|k| kind_label(*k)).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), Kind::ALL.len());
    }
}
