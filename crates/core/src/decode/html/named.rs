//! The HTML standard's named character references. The table is data,
//! `named.tsv`, written by `scripts/gen-entities.py` (do not edit): one name
//! per line, sorted by its bytes for a binary search, a tab, and the code
//! points it stands for in hex. Names without `;` are the legacy ones that
//! work without it. It is read once, on the first reference met.

use std::sync::OnceLock;

const TABLE: &str = include_str!("named.tsv");

/// Every name with what it stands for, in the file's order.
pub(super) fn named() -> &'static [(&'static str, Box<str>)] {
    static NAMED: OnceLock<Vec<(&'static str, Box<str>)>> = OnceLock::new();
    NAMED.get_or_init(|| TABLE.lines().filter_map(parse).collect())
}

fn parse(line: &'static str) -> Option<(&'static str, Box<str>)> {
    let (name, points) = line.split_once('\t')?;
    let value = points.split(' ').map(|p| u32::from_str_radix(p, 16).ok().and_then(char::from_u32));
    Some((name, value.collect::<Option<String>>()?.into()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_line_of_the_table_is_read() {
        assert_eq!(super::named().len(), super::TABLE.lines().count());
    }
}
