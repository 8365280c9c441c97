//! The words the page shows for the engine's values: kinds, qualifiers, sizes, counts.

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
    fn every_kind_has_its_own_label() {
        let mut labels: Vec<&str> = Kind::ALL.iter().map(|k| kind_label(*k)).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), Kind::ALL.len());
    }
}
