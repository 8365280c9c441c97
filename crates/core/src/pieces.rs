//! Cutting long texts into pieces that can be analysed apart. Nothing here
//! moves a character: offsets in the results point into the text as given
//! (a byte-order mark, if any, is a character like the others; decoding files
//! removes it before analysis).

/// Split `text` into pieces of about `size` bytes at line ends (a piece cuts a
/// paragraph only when the paragraph alone is longer than `size`). Long texts
/// are analysed piece by piece, in parallel; no figure spans a line end.
pub fn split(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > size {
        let mut cut = size;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = match rest[..cut].rfind('\n') {
            Some(k) if k > size / 4 => k + 1,
            _ => match rest[cut..].find('\n') {
                Some(k) => cut + k + 1,
                None => rest.len(),
            },
        };
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_and_end_at_line_ends() {
        let text = "第一段，投资3亿元。\n".repeat(1000) + "最后一段没有换行";
        let parts = split(&text, 1000);
        assert!(parts.len() > 10);
        assert_eq!(parts.concat(), text);
        for p in &parts[..parts.len() - 1] {
            assert!(p.ends_with('\n') && p.len() <= 1000, "{}", p.len());
        }
        assert_eq!(split("短", 1000), vec!["短"]);
        assert_eq!(split("", 1000), vec![""]);
        // One line longer than the piece size is cut at the next line end.
        let long = "长".repeat(600) + "\n尾";
        assert_eq!(split(&long, 1000), vec![&long[..1801], "尾"]);
    }
}
