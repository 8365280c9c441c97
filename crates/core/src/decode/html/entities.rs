//! Character references: `&amp;`, `&#20013;`, `&#x4E2D;` and every named one
//! of the HTML standard (the table in `named.tsv`, read by `named.rs`).

use super::named::named;

/// Append `s` with character references (`&amp;`, `&#20013;`, `&#x4E2D;` ...) decoded.
pub(crate) fn decode_entities_into(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == b'&') {
        let amp = i + k;
        out.push_str(&s[last..amp]);
        let (decoded, len) = entity_at(&b[amp + 1..]);
        match decoded {
            Some(text) => {
                match text {
                    Decoded::Char(c) => out.push(c),
                    Decoded::Str(s) => out.push_str(s),
                }
                last = amp + 1 + len;
            }
            None => {
                out.push('&');
                last = amp + 1;
            }
        }
        i = last;
    }
    out.push_str(&s[last..]);
}

/// Decode the reference after a `&` as the standard's character reference
/// state does: the text it stands for and the bytes consumed (`None`, 0 when
/// it is not a reference and the `&` is itself).
pub(super) fn entity_at(b: &[u8]) -> (Option<Decoded>, usize) {
    if b.first() == Some(&b'#') {
        let (hex, start) = match b.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut i = start;
        let mut value: u32 = 0;
        while i < b.len() {
            let d = match (hex, b[i]) {
                (_, c @ b'0'..=b'9') => (c - b'0') as u32,
                (true, c @ b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, c @ b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
            i += 1;
        }
        if i == start {
            return (None, 0);
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        return (Some(Decoded::Char(numeric_char(value))), i);
    }
    // The longest name is 31 letters; a longer run has no reference in it
    // but perhaps a legacy one at its start (`&notanentity` is `¬anentity`).
    let run = b.iter().take(LONGEST_NAME + 1).take_while(|c| c.is_ascii_alphanumeric()).count();
    if run == 0 {
        return (None, 0);
    }
    if run <= LONGEST_NAME
        && b.get(run) == Some(&b';')
        && let Some(text) = lookup(&b[..=run])
    {
        return (Some(Decoded::Str(text)), run + 1);
    }
    // Without the semicolon only the legacy names count, the longest that fits.
    for len in (2..=run.min(LONGEST_LEGACY)).rev() {
        if let Some(text) = lookup(&b[..len]) {
            return (Some(Decoded::Str(text)), len);
        }
    }
    (None, 0)
}

/// What a character reference stands for.
pub(super) enum Decoded {
    Char(char),
    /// A named reference: one or two characters.
    Str(&'static str),
}

/// Letters of the longest name (`CounterClockwiseContourIntegral`).
const LONGEST_NAME: usize = 31;
/// Letters of the longest legacy name written without `;` (`frac12` ...).
const LONGEST_LEGACY: usize = 6;

fn lookup(name: &[u8]) -> Option<&'static str> {
    let table = named();
    table.binary_search_by(|(n, _)| n.as_bytes().cmp(name)).ok().map(|k| &*table[k].1)
}

pub(super) fn numeric_char(v: u32) -> char {
    const CP1252: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match v {
        0 => '\u{fffd}',
        0x80..=0x9F => char::from_u32(CP1252[(v - 0x80) as usize] as u32).unwrap_or('\u{fffd}'),
        _ => char::from_u32(v).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        let mut s = String::new();
        decode_entities_into(
            "&lt;a&gt; &amp; &quot;x&quot; &ldquo;中&rdquo;&mdash;&hellip;&middot;&#20013;&#x4E2D;&#X56FD;&nbsp;&copy2020 &bogus; & a &alpha;&Omega;&eacute;&#150;",
            &mut s,
        );
        assert_eq!(s, "<a> & \"x\" “中”—…·中中国\u{a0}©2020 &bogus; & a αΩé–");
    }

    #[test]
    fn the_whole_table_and_the_legacy_rules() {
        let decode = |s: &str| {
            let mut out = String::new();
            decode_entities_into(s, &mut out);
            out
        };
        assert_eq!(decode("&CounterClockwiseContourIntegral;&NotEqualTilde;&yen;&rarrw;"), "∳≂\u{338}¥↝");
        assert_eq!(decode("&notit; &notin; &not &amp=x &ampx &frac12; &frac12x"), "¬it; ∉ ¬ &=x &x ½ ½x");
        assert_eq!(decode("&nosuch; &#x110000; &#xD800; &#128; &#x; &#"), "&nosuch; \u{fffd} \u{fffd} € &#x; &#");
        // A run too long to be a name still gives its legacy start.
        assert_eq!(decode(&format!("&not{}", "a".repeat(40))), format!("¬{}", "a".repeat(40)));
        let table = named();
        assert_eq!(table.len(), 2231);
        assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "sorted for the binary search");
        assert_eq!(table.iter().map(|(n, _)| n.trim_end_matches(';').len()).max(), Some(LONGEST_NAME));
        let legacy = table.iter().filter(|(n, _)| !n.ends_with(';'));
        assert_eq!(legacy.map(|(n, _)| n.len()).max(), Some(LONGEST_LEGACY));
    }
}
