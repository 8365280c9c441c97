//! Character references: `&amp;`, `&#20013;`, `&#x4E2D;` and the named ones.

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
            Some(c) => {
                out.push(c);
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

/// Decode the reference after a `&`: the character and the bytes consumed.
pub(super) fn entity_at(b: &[u8]) -> (Option<char>, usize) {
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
        return (Some(numeric_char(value)), i);
    }
    let mut i = 0;
    while i < b.len() && i < 32 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == 0 {
        return (None, 0);
    }
    let name = std::str::from_utf8(&b[..i]).unwrap_or("");
    if b.get(i) == Some(&b';')
        && let Some(c) = named_entity(name)
    {
        return (Some(c), i + 1);
    }
    // A few old names work without the semicolon.
    for legacy in ["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"] {
        if name.starts_with(legacy) {
            return (named_entity(legacy), legacy.len());
        }
    }
    (None, 0)
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

/// Latin-1 entity names for U+00A0..=U+00FF, in order.
pub(super) const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
    "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
    "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
    "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
    "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
    "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
    "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
    "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// Greek letter names for U+03B1..=U+03C9 (small) and U+0391..=U+03A9 (capital);
/// "" marks U+03A2, which has no capital (`sigmaf` is handled by name).
pub(super) const GREEK: [&str; 25] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi",
    "omicron", "pi", "rho", "", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
];

pub(super) fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "sbquo" => '\u{201A}',
        "bdquo" => '\u{201E}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" | "mldr" => '\u{2026}',
        "bull" | "bullet" => '\u{2022}',
        "centerdot" => '\u{B7}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "dagger" => '\u{2020}',
        "Dagger" => '\u{2021}',
        "permil" => '\u{2030}',
        "prime" => '\u{2032}',
        "Prime" => '\u{2033}',
        "lsaquo" => '\u{2039}',
        "rsaquo" => '\u{203A}',
        "oline" => '\u{203E}',
        "frasl" => '\u{2044}',
        "euro" => '\u{20AC}',
        "trade" | "TRADE" => '\u{2122}',
        "larr" => '\u{2190}',
        "uarr" => '\u{2191}',
        "rarr" => '\u{2192}',
        "darr" => '\u{2193}',
        "harr" => '\u{2194}',
        "lArr" => '\u{21D0}',
        "uArr" => '\u{21D1}',
        "rArr" => '\u{21D2}',
        "dArr" => '\u{21D3}',
        "hArr" => '\u{21D4}',
        "minus" => '\u{2212}',
        "lowast" => '\u{2217}',
        "radic" => '\u{221A}',
        "infin" => '\u{221E}',
        "asymp" => '\u{2248}',
        "ne" => '\u{2260}',
        "equiv" => '\u{2261}',
        "le" => '\u{2264}',
        "ge" => '\u{2265}',
        "sum" => '\u{2211}',
        "prod" => '\u{220F}',
        "sdot" => '\u{22C5}',
        "there4" => '\u{2234}',
        "loz" => '\u{25CA}',
        "spades" => '\u{2660}',
        "clubs" => '\u{2663}',
        "hearts" => '\u{2665}',
        "diams" => '\u{2666}',
        "star" => '\u{2606}',
        "starf" => '\u{2605}',
        "check" => '\u{2713}',
        "cross" => '\u{2717}',
        "lang" => '\u{27E8}',
        "rang" => '\u{27E9}',
        "OElig" => '\u{152}',
        "oelig" => '\u{153}',
        "Scaron" => '\u{160}',
        "scaron" => '\u{161}',
        "Yuml" => '\u{178}',
        "fnof" => '\u{192}',
        "circ" => '\u{2C6}',
        "tilde" => '\u{2DC}',
        "sigmaf" => '\u{3C2}',
        "Tab" => '\t',
        "NewLine" => '\n',
        "excl" => '!',
        "num" => '#',
        "dollar" => '$',
        "percnt" => '%',
        "lpar" => '(',
        "rpar" => ')',
        "ast" => '*',
        "plus" => '+',
        "comma" => ',',
        "period" => '.',
        "sol" => '/',
        "colon" => ':',
        "semi" => ';',
        "equals" => '=',
        "quest" => '?',
        "commat" => '@',
        "lsqb" | "lbrack" => '[',
        "bsol" => '\\',
        "rsqb" | "rbrack" => ']',
        "lowbar" => '_',
        "grave" => '`',
        "lcub" | "lbrace" => '{',
        "verbar" | "vert" => '|',
        "rcub" | "rbrace" => '}',
        "hyphen" | "dash" => '\u{2010}',
        "COPY" => '\u{A9}',
        "REG" => '\u{AE}',
        "half" => '\u{BD}',
        _ => return latin1_or_greek(name),
    };
    Some(c)
}

pub(super) fn latin1_or_greek(name: &str) -> Option<char> {
    if let Some(k) = LATIN1.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + k as u32);
    }
    let first = *name.as_bytes().first()?;
    let base = if first.is_ascii_uppercase() { 0x391 } else { 0x3B1 };
    let k = GREEK.iter().position(|g| {
        !g.is_empty() && g.len() == name.len() && g.as_bytes()[0] == first.to_ascii_lowercase() && g[1..] == name[1..]
    })?;
    char::from_u32(base + k as u32)
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
}
