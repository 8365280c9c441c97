//! Reading Word 97-2003 `.doc` files: the main text from the `WordDocument`
//! stream of the compound file (read by the `cfb` crate), through the piece
//! table in the `0Table`/`1Table` stream ([MS-DOC] 2.4.1).
//!
//! Pieces are UTF-16LE, or 8-bit ("compressed"): windows-1252 by the
//! specification, read as GBK when the file was written by a Chinese Word
//! (its language id) and the bytes are valid GBK. Word 6/95 files (no piece
//! table) keep their text in the code page of the writer: GBK, Big5 or
//! windows-1252 by the same rule.
//!
//! Paragraph marks become line ends; table cells are separated by tabs, one
//! row a line; field codes (`HYPERLINK …`, `PAGE`) are left out, their results
//! kept.

use encoding_rs::{BIG5, Encoding, GBK, WINDOWS_1252};
use std::fmt;
use std::io::{Cursor, Read};

#[derive(Debug)]
pub(super) enum Error {
    /// A compound file without a Word document in it (Excel, PowerPoint …).
    NotWord,
    Encrypted,
    Bad(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotWord => f.write_str("no WordDocument stream in the file"),
            Error::Encrypted => f.write_str("encrypted"),
            Error::Bad(why) => f.write_str(why),
        }
    }
}

pub(super) struct Doc {
    pub text: String,
    pub encoding: &'static str,
}

fn bad(why: impl Into<String>) -> Error {
    Error::Bad(why.into())
}

/// The main text of a `.doc` file; its streams may hold `limit * 8` bytes at most.
pub(super) fn document_text(bytes: &[u8], limit: usize) -> Result<Doc, Error> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| bad(format!("not a compound file ({e})")))?;
    let max = limit.saturating_mul(8).min(1 << 30);
    let word = stream(&mut cf, "/WordDocument", max)?.ok_or(Error::NotWord)?;
    let fib = Fib::read(&word)?;
    if fib.encrypted {
        return Err(Error::Encrypted);
    }
    let eight_bit = fib.code_page();
    if fib.version < 101 {
        // Word 6/95: the text is one run of bytes in the writer's code page.
        let text = word.get(fib.fc_min..fib.fc_mac.min(word.len())).ok_or_else(|| bad("text outside the file"))?;
        let (enc, text) = decode_8bit(text, eight_bit);
        return Ok(Doc { text: clean(text.chars()), encoding: enc.name() });
    }
    let table_name = if fib.table1 { "/1Table" } else { "/0Table" };
    let table = stream(&mut cf, table_name, max)?.ok_or_else(|| bad(format!("no {} stream", &table_name[1..])))?;
    let clx = table.get(fib.fc_clx..fib.fc_clx + fib.lcb_clx).ok_or_else(|| bad("piece table outside the file"))?;
    let pieces = pieces(clx)?;
    let mut text = String::new();
    let mut encoding = None;
    let mut cp_left = fib.ccp_text;
    for p in pieces {
        if cp_left == 0 {
            break;
        }
        let n = (p.cp_end - p.cp_start).min(cp_left);
        cp_left -= n;
        if p.compressed {
            let b = word.get(p.fc..p.fc + n).ok_or_else(|| bad("a piece outside the file"))?;
            let (enc, s) = decode_8bit(b, eight_bit);
            encoding.get_or_insert(enc.name());
            text.push_str(&s);
        } else {
            let b = word.get(p.fc..p.fc + 2 * n).ok_or_else(|| bad("a piece outside the file"))?;
            encoding = Some("UTF-16LE");
            text.push_str(&encoding_rs::UTF_16LE.decode_without_bom_handling(b).0);
        }
    }
    Ok(Doc { text: clean(text.chars()), encoding: encoding.unwrap_or("UTF-16LE") })
}

fn stream(cf: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str, max: usize) -> Result<Option<Vec<u8>>, Error> {
    let Ok(entry) = cf.entry(name) else { return Ok(None) };
    if entry.len() > max as u64 {
        return Err(bad(format!("the {} stream is larger than {}", &name[1..], super::human_size(max))));
    }
    let mut s = cf.open_stream(name).map_err(|e| bad(e.to_string()))?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).map_err(|e| bad(e.to_string()))?;
    Ok(Some(buf))
}

/// What the text extraction needs of the File Information Block.
struct Fib {
    version: u16,
    language: u16,
    encrypted: bool,
    table1: bool,
    fc_min: usize,
    fc_mac: usize,
    ccp_text: usize,
    fc_clx: usize,
    lcb_clx: usize,
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, Error> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]])).ok_or_else(|| bad("the file is cut short"))
}

fn u32_at(b: &[u8], at: usize) -> Result<usize, Error> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
        .ok_or_else(|| bad("the file is cut short"))
}

impl Fib {
    fn read(w: &[u8]) -> Result<Fib, Error> {
        let ident = u16_at(w, 0)?;
        if ident != 0xA5EC && ident != 0xA5DC {
            return Err(bad("not a Word document (unknown signature)"));
        }
        let flags = u16_at(w, 0x0A)?;
        let mut fib = Fib {
            version: u16_at(w, 2)?,
            language: u16_at(w, 6)?,
            encrypted: flags & 0x0100 != 0,
            table1: flags & 0x0200 != 0,
            fc_min: u32_at(w, 0x18)?,
            fc_mac: u32_at(w, 0x1C)?,
            ccp_text: 0,
            fc_clx: 0,
            lcb_clx: 0,
        };
        if fib.version >= 101 && !fib.encrypted {
            // FibBase (32 bytes), then counted arrays: fibRgW, fibRgLw, fibRgFcLcb.
            let csw = u16_at(w, 32)? as usize;
            let lw = 32 + 2 + csw * 2;
            let cslw = u16_at(w, lw)? as usize;
            let rg_lw = lw + 2;
            fib.ccp_text = u32_at(w, rg_lw + 3 * 4)?;
            let fc_lcb = rg_lw + cslw * 4 + 2;
            // fcClx/lcbClx are the 34th pair of fibRgFcLcb97.
            fib.fc_clx = u32_at(w, fc_lcb + 33 * 8)?;
            fib.lcb_clx = u32_at(w, fc_lcb + 33 * 8 + 4)?;
        }
        Ok(fib)
    }

    /// The code page of 8-bit text, from the writer's language.
    fn code_page(&self) -> &'static Encoding {
        match self.language {
            0x0804 | 0x1004 => GBK,
            0x0404 | 0x0C04 | 0x1404 => BIG5,
            _ => WINDOWS_1252,
        }
    }
}

/// 8-bit text in the writer's code page when it reads cleanly so, else windows-1252.
fn decode_8bit(b: &[u8], code_page: &'static Encoding) -> (&'static Encoding, String) {
    if code_page != WINDOWS_1252 {
        let (s, had_errors) = code_page.decode_without_bom_handling(b);
        if !had_errors {
            return (if code_page == GBK { encoding_rs::GB18030 } else { code_page }, s.into_owned());
        }
    }
    (WINDOWS_1252, WINDOWS_1252.decode_without_bom_handling(b).0.into_owned())
}

struct Piece {
    cp_start: usize,
    cp_end: usize,
    fc: usize,
    compressed: bool,
}

/// The piece table (PlcPcd) in the Clx: character positions and where each
/// run of them is stored.
fn pieces(clx: &[u8]) -> Result<Vec<Piece>, Error> {
    let mut pos = 0;
    // Skip the property modifiers (Prc) before the piece table (Pcdt).
    while clx.get(pos) == Some(&0x01) {
        pos += 3 + u16_at(clx, pos + 1)? as usize;
    }
    if clx.get(pos) != Some(&0x02) {
        return Err(bad("no piece table"));
    }
    let lcb = u32_at(clx, pos + 1)?;
    let plc = clx.get(pos + 5..pos + 5 + lcb).ok_or_else(|| bad("the piece table is cut short"))?;
    // n + 1 character positions (4 bytes) and n descriptors (8 bytes).
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(bad("the piece table is malformed"));
    }
    let n = (plc.len() - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cp_start = u32_at(plc, i * 4)?;
        let cp_end = u32_at(plc, (i + 1) * 4)?;
        let fc = u32_at(plc, (n + 1) * 4 + i * 8 + 2)?;
        if cp_end < cp_start {
            return Err(bad("the piece table is malformed"));
        }
        let compressed = fc & 0x4000_0000 != 0;
        let fc = if compressed { (fc & !0x4000_0000) / 2 } else { fc };
        out.push(Piece { cp_start, cp_end, fc, compressed });
    }
    Ok(out)
}

/// Word's control characters turned into plain text.
fn clean(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    // For each open field: true once its result (after the separator) begins.
    let mut fields: Vec<bool> = Vec::new();
    for c in chars {
        match c {
            '\u{13}' => fields.push(false),
            '\u{14}' => {
                if let Some(f) = fields.last_mut() {
                    *f = true;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            _ if fields.iter().any(|in_result| !in_result) => {}
            '\r' | '\u{0B}' | '\u{0C}' => out.push('\n'),
            // A cell mark; two in a row end the table row.
            '\u{07}' => {
                if out.ends_with('\t') {
                    out.pop();
                    out.push('\n');
                } else {
                    out.push('\t');
                }
            }
            '\u{1E}' => out.push('-'),
            '\u{1F}' => {}
            c if c < ' ' && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    super::html::finish_lines(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters() {
        let raw = "标题\r\u{13} HYPERLINK \"x\" \u{14}链接\u{15}正文\u{0B}下一行\r项目\u{07}数值\u{07}\u{07}男\u{07}90分钟\u{07}\u{07}";
        assert_eq!(clean(raw.chars()), "标题\n链接正文\n下一行\n项目\t数值\n男\t90分钟");
    }
}
