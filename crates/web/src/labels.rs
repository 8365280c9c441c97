//! Numbers as the page shows them: sizes and counts (the words are `i18n`'s).

use shudu_core::export;

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
}
