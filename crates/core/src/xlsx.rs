//! A small Excel workbook writer: one worksheet of numbers and text, a bold
//! style for the header, set column widths. Nothing more is needed for the
//! exports; the general-purpose library used before (with its zip and zlib)
//! was half of the page's wasm, 470 of 950 KB (150 KB brotli-compressed).
//!
//! An `.xlsx` file is an Office Open XML package (ECMA-376): a ZIP archive of
//! XML parts that name each other through relationship parts. The smallest
//! set Excel, LibreOffice and openpyxl accept is written here:
//!
//! - `[Content_Types].xml`: the media type of every part;
//! - `_rels/.rels`: the package's main part is `xl/workbook.xml`;
//! - `xl/workbook.xml`: the sheet list (one sheet);
//! - `xl/_rels/workbook.xml.rels`: where the sheet and the styles are;
//! - `xl/styles.xml`: a normal and a bold font, and a cell format for each;
//! - `xl/worksheets/sheet1.xml`: column widths and the cells;
//! - `xl/sharedStrings.xml`: each distinct text once, which text cells name
//!   by number (as Excel itself writes them). Exports repeat much text (file
//!   names, kinds, units, one sentence for several figures), often farther
//!   apart than DEFLATE's 32 KB window reaches once the table is sorted: the
//!   table halves such files, and leaves less XML to compress.
//!
//! The sheet is deflated as its rows are written, straight into the archive,
//! so a large export never holds its whole XML at once; the text it refers
//! to is borrowed, not copied, until the shared strings are written.

use crate::fasthash::FxHashMap;
use miniz_oxide::deflate::core::{
    CompressorOxide, TDEFLFlush, TDEFLStatus, compress_to_output, create_comp_flags_from_zip_params,
};
use std::borrow::Cow;
use std::fmt::Write as _;

/// One cell's content.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// Nothing is written: the cell stays blank.
    Empty,
    Number(f64),
    Text(&'a str),
}

/// The look of a row's cells: an index into the `cellXfs` of `STYLES`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Normal = 0,
    Bold = 1,
}

/// Excel's limits: rows and columns of a sheet, characters (UTF-16 units) of a cell.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
const MAX_CELL_TEXT: usize = 32_767;

/// Deflate level. On a 60,000-row export (13 MB as CSV), level 3 takes a
/// quarter of the time of zlib's default 6 for a file 8% larger (level 1: 40%
/// larger). The export runs on the page's thread, so time counts more.
const LEVEL: u8 = 3;

/// The sheet's XML is handed to the compressor in pieces of about this size.
const CHUNK: usize = 256 * 1024;

const SHEET_PART: &str = "xl/worksheets/sheet1.xml";
const STRINGS_PART: &str = "xl/sharedStrings.xml";

/// A workbook of one worksheet, written row by row. It borrows the text of
/// its cells (`'a`) until it is finished.
pub struct Workbook<'a> {
    zip: Zip,
    sheet: Deflating,
    /// Sheet XML not yet handed to the compressor.
    xml: String,
    /// Rows written so far (the next row's number is `rows + 1`).
    rows: u32,
    strings: SharedStrings<'a>,
}

impl<'a> Workbook<'a> {
    /// A workbook whose one sheet is `sheet_name`; `widths` are (zero-based
    /// column, width in characters of the default font), as in Excel's
    /// column-width dialog.
    pub fn new(sheet_name: &str, widths: &[(usize, f64)]) -> Result<Workbook<'a>, String> {
        check_sheet_name(sheet_name)?;
        let mut zip = Zip::default();
        zip.add("[Content_Types].xml", CONTENT_TYPES.as_bytes())?;
        zip.add("_rels/.rels", PACKAGE_RELS.as_bytes())?;
        zip.add("xl/workbook.xml", workbook_xml(sheet_name).as_bytes())?;
        zip.add("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes())?;
        zip.add("xl/styles.xml", STYLES.as_bytes())?;
        let sheet = zip.start(SHEET_PART);
        let mut xml = String::with_capacity(CHUNK + 64 * 1024);
        xml.push_str(SHEET_START);
        write_cols(&mut xml, widths)?;
        xml.push_str("<sheetData>");
        Ok(Workbook { zip, sheet, xml, rows: 0, strings: SharedStrings::default() })
    }

    /// Append a row; its cells fill columns A, B, C ... in order. A row
    /// that is refused (too many) is not written, and the sheet stays whole.
    pub fn row(&mut self, cells: impl IntoIterator<Item = Cell<'a>>, style: Style) -> Result<(), String> {
        if self.rows == MAX_ROWS {
            return Err(format!("a worksheet holds at most {MAX_ROWS} rows"));
        }
        let r = self.rows + 1;
        let (start, uses) = (self.xml.len(), self.strings.uses);
        // The row element is opened at its first cell: a row of blanks is left out.
        let mut open = false;
        for (c, cell) in cells.into_iter().enumerate() {
            if cell == Cell::Empty {
                continue;
            }
            if c >= MAX_COLUMNS {
                // Its text may stay in the table: an unused shared string is harmless.
                self.xml.truncate(start);
                self.strings.uses = uses;
                return Err(format!("a worksheet holds at most {MAX_COLUMNS} columns"));
            }
            if !open {
                let _ = write!(self.xml, "<row r=\"{r}\">");
                open = true;
            }
            self.write_cell(c, r, cell, style);
        }
        if open {
            self.xml.push_str("</row>");
        }
        self.rows = r;
        if self.xml.len() >= CHUNK {
            self.zip.write(&mut self.sheet, self.xml.as_bytes());
            self.xml.clear();
        }
        Ok(())
    }

    /// One cell: `<c r="B2" s="1" t="s"><v>7</v></c>`. A text cell holds the
    /// number of its text in the shared strings.
    fn write_cell(&mut self, col: usize, row: u32, cell: Cell<'a>, style: Style) {
        let xml = &mut self.xml;
        xml.push_str("<c r=\"");
        push_column_name(xml, col);
        let _ = write!(xml, "{row}\"");
        if style != Style::Normal {
            let _ = write!(xml, " s=\"{}\"", style as u8);
        }
        let text = match cell {
            // Display gives the shortest text that reads back as the same
            // double, without an exponent: a valid xsd:double.
            Cell::Number(n) if n.is_finite() => {
                let _ = write!(xml, "><v>{n}</v></c>");
                return;
            }
            // Infinity and NaN have no place in a cell: kept as their text.
            Cell::Number(n) => Cow::Owned(n.to_string()),
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Empty => return xml.push_str("/>"),
        };
        let k = self.strings.number(text);
        let _ = write!(self.xml, " t=\"s\"><v>{k}</v></c>");
    }

    /// The finished `.xlsx` file.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        self.xml.push_str("</sheetData></worksheet>");
        self.zip.write(&mut self.sheet, self.xml.as_bytes());
        self.zip.end(self.sheet)?;
        self.strings.write(&mut self.zip)?;
        self.zip.finish()
    }
}

/// The shared-string table: each distinct text once, numbered from 0 in the
/// order first used.
#[derive(Default)]
struct SharedStrings<'a> {
    numbers: FxHashMap<Cow<'a, str>, u32>,
    /// Text cells written (the table's `count`; `uniqueCount` is its length).
    uses: u64,
}

impl<'a> SharedStrings<'a> {
    fn number(&mut self, text: Cow<'a, str>) -> u32 {
        self.uses += 1;
        let next = self.numbers.len() as u32;
        *self.numbers.entry(text).or_insert(next)
    }

    /// The `xl/sharedStrings.xml` part, deflated a piece at a time.
    fn write(self, zip: &mut Zip) -> Result<(), String> {
        let mut texts = vec![""; self.numbers.len()];
        for (text, &k) in &self.numbers {
            texts[k as usize] = text;
        }
        let mut part = zip.start(STRINGS_PART);
        let mut xml = String::with_capacity(CHUNK + 64 * 1024);
        xml.push_str(XML_DECLARATION);
        let _ = write!(xml, r#"<sst xmlns="{MAIN_NS}" count="{}" uniqueCount="{}">"#, self.uses, texts.len());
        for text in texts {
            push_shared_string(&mut xml, text);
            if xml.len() >= CHUNK {
                zip.write(&mut part, xml.as_bytes());
                xml.clear();
            }
        }
        xml.push_str("</sst>");
        zip.write(&mut part, xml.as_bytes());
        zip.end(part)
    }
}

// ---- The fixed parts ----

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#,
    "</Types>"
);

const PACKAGE_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    "</Relationships>"
);

/// Targets are relative to `xl/`, where the workbook part is.
const WORKBOOK_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#,
    "</Relationships>"
);

/// Two fonts (normal, bold) and a cell format on each (`Style` indexes
/// `cellXfs`). Excel expects the two built-in fills (none, gray125) first,
/// one border, and the "Normal" cell style, even when no cell uses them.
const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<fonts count="2">"#,
    r#"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
    r#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
    "</fonts>",
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="2">"#,
    r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
    "</cellXfs>",
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    "</styleSheet>"
);

const SHEET_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
);

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

fn workbook_xml(sheet_name: &str) -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
        r#"<bookViews><workbookView/></bookViews><sheets><sheet name=""#,
    ));
    push_escaped(&mut xml, sheet_name);
    xml.push_str(r#"" sheetId="1" r:id="rId1"/></sheets></workbook>"#);
    xml
}

/// Excel refuses a workbook whose sheet name is empty, longer than 31
/// characters, holds `[ ] : * ? / \` or starts or ends with an apostrophe.
fn check_sheet_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.encode_utf16().count() <= 31
        && !name.contains(['[', ']', ':', '*', '?', '/', '\\'])
        && !name.starts_with('\'')
        && !name.ends_with('\'')
        && name.chars().all(xml_char);
    if ok { Ok(()) } else { Err(format!("not a valid sheet name: {name:?}")) }
}

// ---- The sheet's XML ----

/// `<cols>` with each set width. The file stores widths in characters plus
/// the cell padding (5 pixels over a maximum digit width of 7 pixels for
/// Calibri 11), rounded down to 1/256 of a character, as Excel does.
fn write_cols(xml: &mut String, widths: &[(usize, f64)]) -> Result<(), String> {
    if widths.is_empty() {
        return Ok(());
    }
    let mut widths = widths.to_vec();
    // `col` elements must come in column order.
    widths.sort_by_key(|w| w.0);
    xml.push_str("<cols>");
    for (col, chars) in widths {
        if col >= MAX_COLUMNS || !(0.0..=255.0).contains(&chars) {
            return Err(format!("column {col} cannot be {chars} wide"));
        }
        let stored = ((chars * 7.0 + 5.0) / 7.0 * 256.0).floor() / 256.0;
        let n = col + 1;
        let _ = write!(xml, r#"<col min="{n}" max="{n}" width="{stored}" customWidth="1"/>"#);
    }
    xml.push_str("</cols>");
    Ok(())
}

/// One shared string: `<si><t>…</t></si>`. Leading or trailing white space
/// is kept only when the text says so.
fn push_shared_string(xml: &mut String, s: &str) {
    xml.push_str("<si><t");
    if s.starts_with([' ', '\t', '\n', '\r']) || s.ends_with([' ', '\t', '\n', '\r']) {
        xml.push_str(" xml:space=\"preserve\"");
    }
    xml.push('>');
    push_cell_text(xml, s);
    xml.push_str("</t></si>");
}

/// Excel's column name: 0 → A, 25 → Z, 26 → AA, 16383 → XFD.
fn push_column_name(xml: &mut String, col: usize) {
    let mut letters = [0u8; 3];
    let mut at = letters.len();
    let mut n = col + 1;
    while n > 0 {
        at -= 1;
        letters[at] = b'A' + ((n - 1) % 26) as u8;
        n = (n - 1) / 26;
    }
    xml.push_str(std::str::from_utf8(&letters[at..]).expect("ASCII letters"));
}

/// May `c` appear in an XML 1.0 document? Not most control characters, nor
/// U+FFFE and U+FFFF (a Rust `char` is never a lone surrogate).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{FFFD}' | '\u{10000}'..)
}

/// XML-escaped text, for element content and attribute values.
fn push_escaped(xml: &mut String, s: &str) {
    for c in s.chars() {
        push_escaped_char(xml, c);
    }
}

fn push_escaped_char(xml: &mut String, c: char) {
    match c {
        '&' => xml.push_str("&amp;"),
        '<' => xml.push_str("&lt;"),
        '>' => xml.push_str("&gt;"),
        '"' => xml.push_str("&quot;"),
        // A parser turns a raw CR into LF: written as a reference, it stays CR.
        '\r' => xml.push_str("&#13;"),
        c if xml_char(c) => xml.push(c),
        // Dropped: no XML 1.0 document may contain it.
        _ => {}
    }
}

/// A cell's text, escaped, cut at Excel's 32,767 characters. Spreadsheets read
/// `_xHHHH_` in cell text as the character U+HHHH, so an underscore that
/// starts such a sequence is itself written that way, as `_x005F_`.
fn push_cell_text(xml: &mut String, s: &str) {
    let mut units = 0;
    for (at, c) in s.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_TEXT {
            break;
        }
        if c == '_' && looks_escaped(&s.as_bytes()[at..]) {
            xml.push_str("_x005F_");
        } else {
            push_escaped_char(xml, c);
        }
    }
}

/// Does `s` start with `_xHHHH_` (H a hexadecimal digit)?
fn looks_escaped(s: &[u8]) -> bool {
    s.len() >= 7 && s[..2] == *b"_x" && s[2..6].iter().all(u8::is_ascii_hexdigit) && s[6] == b'_'
}

// ---- The ZIP archive ----

/// A ZIP archive built in memory: each entry's local header, its deflated
/// data, then the central directory that lists them and the end record.
/// Entries are written once, in order; ZIP64 (over 4 GB) is not needed.
#[derive(Default)]
struct Zip {
    out: Vec<u8>,
    entries: Vec<Entry>,
}

/// What the central directory repeats of an entry.
struct Entry {
    name: &'static str,
    offset: u32,
    crc: u32,
    compressed: u32,
    size: u32,
}

/// An entry being written: its data is deflated into the archive as it comes.
struct Deflating {
    name: &'static str,
    /// Where its local header starts.
    offset: usize,
    crc: Crc,
    size: u64,
    compressor: Box<CompressorOxide>,
}

/// "Version needed to extract": 2.0, the first with DEFLATE.
const ZIP_VERSION: u16 = 20;
/// Compression method 8: DEFLATE.
const DEFLATE: u16 = 8;
/// Modification time and date in MS-DOS form: 1980-01-01 00:00, the earliest
/// it can say. The engine has no clock (none in WebAssembly without the host),
/// and a fixed date makes the same rows give the same file.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

impl Zip {
    /// A whole entry at once.
    fn add(&mut self, name: &'static str, data: &[u8]) -> Result<(), String> {
        let mut entry = self.start(name);
        self.write(&mut entry, data);
        self.end(entry)
    }

    /// Begin an entry: its local header, with the CRC and sizes left zero
    /// until `end` knows them.
    fn start(&mut self, name: &'static str) -> Deflating {
        let offset = self.out.len();
        self.local_header(name, 0, 0, 0);
        let flags = create_comp_flags_from_zip_params(LEVEL.into(), 0, 0);
        Deflating { name, offset, crc: Crc::new(), size: 0, compressor: Box::new(CompressorOxide::new(flags)) }
    }

    /// More of an entry's data.
    fn write(&mut self, entry: &mut Deflating, data: &[u8]) {
        entry.crc.update(data);
        entry.size += data.len() as u64;
        self.deflate(entry, data, TDEFLFlush::None);
    }

    /// End an entry's data and fill in its local header.
    fn end(&mut self, mut entry: Deflating) -> Result<(), String> {
        self.deflate(&mut entry, &[], TDEFLFlush::Finish);
        let start = entry.offset + 30 + entry.name.len();
        let too_big = || "the workbook is too large (over 4 GB)".to_string();
        let compressed = u32::try_from(self.out.len() - start).map_err(|_| too_big())?;
        let size = u32::try_from(entry.size).map_err(|_| too_big())?;
        let offset = u32::try_from(entry.offset).map_err(|_| too_big())?;
        let crc = entry.crc.value();
        // CRC-32, compressed size, uncompressed size: bytes 14..26 of the local header.
        let fields = [crc, compressed, size].map(u32::to_le_bytes).concat();
        self.out[entry.offset + 14..entry.offset + 26].copy_from_slice(&fields);
        self.entries.push(Entry { name: entry.name, offset, crc, compressed, size });
        Ok(())
    }

    fn deflate(&mut self, entry: &mut Deflating, data: &[u8], flush: TDEFLFlush) {
        let out = &mut self.out;
        let (status, _) = compress_to_output(&mut entry.compressor, data, flush, |bytes| {
            out.extend_from_slice(bytes);
            true
        });
        // The output always takes everything, so the compressor cannot stall.
        let expected = if flush == TDEFLFlush::Finish { TDEFLStatus::Done } else { TDEFLStatus::Okay };
        assert_eq!(status, expected, "deflate into a vector");
    }

    fn local_header(&mut self, name: &str, crc: u32, compressed: u32, size: u32) {
        self.u32(0x0403_4b50);
        self.u16(ZIP_VERSION);
        self.u16(0); // flags: none (names are ASCII, sizes are in the header)
        self.u16(DEFLATE);
        self.u16(DOS_TIME);
        self.u16(DOS_DATE);
        self.u32(crc);
        self.u32(compressed);
        self.u32(size);
        self.u16(name.len() as u16);
        self.u16(0); // extra field length
        self.out.extend_from_slice(name.as_bytes());
    }

    /// The central directory and the end record: the archive's bytes.
    fn finish(mut self) -> Result<Vec<u8>, String> {
        let too_big = || "the workbook is too large (over 4 GB)".to_string();
        let directory = u32::try_from(self.out.len()).map_err(|_| too_big())?;
        let entries = std::mem::take(&mut self.entries);
        for e in &entries {
            self.u32(0x0201_4b50);
            self.u16(ZIP_VERSION); // made by: version 2.0, MS-DOS attributes
            self.u16(ZIP_VERSION);
            self.u16(0);
            self.u16(DEFLATE);
            self.u16(DOS_TIME);
            self.u16(DOS_DATE);
            self.u32(e.crc);
            self.u32(e.compressed);
            self.u32(e.size);
            self.u16(e.name.len() as u16);
            self.u16(0); // extra field length
            self.u16(0); // comment length
            self.u16(0); // disk number
            self.u16(0); // internal attributes
            self.u32(0); // external attributes
            self.u32(e.offset);
            self.out.extend_from_slice(e.name.as_bytes());
        }
        let size = u32::try_from(self.out.len()).map_err(|_| too_big())? - directory;
        let count = entries.len() as u16;
        self.u32(0x0605_4b50);
        self.u16(0); // this disk
        self.u16(0); // the disk where the directory starts
        self.u16(count); // entries on this disk
        self.u16(count); // entries in all
        self.u32(size);
        self.u32(directory);
        self.u16(0); // comment length
        Ok(self.out)
    }

    fn u16(&mut self, v: u16) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
}

/// CRC-32 as ZIP uses it (reflected polynomial 0xEDB88320), a byte at a time
/// through a table built at compile time.
struct Crc(u32);

const CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
}

impl Crc {
    fn new() -> Crc {
        Crc(0xFFFF_FFFF)
    }

    fn update(&mut self, data: &[u8]) {
        let mut c = self.0;
        for &b in data {
            c = CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8);
        }
        self.0 = c;
    }

    fn value(&self) -> u32 {
        !self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_the_check_string() {
        // The standard check value of CRC-32.
        let mut crc = Crc::new();
        crc.update(b"1234");
        crc.update(b"56789");
        assert_eq!(crc.value(), 0xCBF4_3926);
    }

    #[test]
    fn column_names() {
        for (col, name) in [(0, "A"), (11, "L"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")] {
            let mut s = String::new();
            push_column_name(&mut s, col);
            assert_eq!(s, name, "column {col}");
        }
    }

    #[test]
    fn cell_text_is_escaped_and_cleaned() {
        for (text, xml) in [
            ("a<b>&\"c\"", "a&lt;b&gt;&amp;&quot;c&quot;"),
            ("tab\tline\nreturn\r", "tab\tline\nreturn&#13;"),
            ("bell\u{7}nul\u{0}\u{FFFE}\u{FFFF}end", "bellnulend"),
            ("_x0041_ and _x12_ and _xABCD", "_x005F_x0041_ and _x12_ and _xABCD"),
            ("中文 😀", "中文 😀"),
        ] {
            let mut s = String::new();
            push_cell_text(&mut s, text);
            assert_eq!(s, xml, "{text:?}");
        }
    }

    #[test]
    fn cell_text_is_cut_at_excel_limit() {
        let mut s = String::new();
        // An emoji is two UTF-16 units: the one that would cross the limit goes.
        push_cell_text(&mut s, &("a".repeat(MAX_CELL_TEXT - 1) + "😀b"));
        assert_eq!(s, "a".repeat(MAX_CELL_TEXT - 1));
    }

    #[test]
    fn stored_widths_add_the_padding() {
        let mut s = String::new();
        write_cols(&mut s, &[(11, 60.0), (1, 16.0)]).unwrap();
        assert_eq!(
            s,
            r#"<cols><col min="2" max="2" width="16.7109375" customWidth="1"/><col min="12" max="12" width="60.7109375" customWidth="1"/></cols>"#
        );
    }

    #[test]
    fn refused_row_leaves_the_sheet_whole() {
        let mut book = Workbook::new("s", &[]).unwrap();
        book.row([Cell::Number(1.0)], Style::Normal).unwrap();
        let wide = vec![Cell::Text("x"); MAX_COLUMNS + 1];
        assert!(book.row(wide, Style::Normal).is_err());
        book.row([Cell::Number(2.0)], Style::Normal).unwrap();
        assert_eq!(book.strings.uses, 0);
        assert!(
            book.xml.ends_with(
                r#"<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>"#
            )
        );
    }

    #[test]
    fn bad_sheet_names_are_refused() {
        for name in ["", "a/b", "[x]", "'quoted'", &"x".repeat(32), "tab\u{1}"] {
            assert!(Workbook::new(name, &[]).is_err(), "{name:?}");
        }
        assert!(Workbook::new(&"数".repeat(31), &[]).is_ok());
    }
}
