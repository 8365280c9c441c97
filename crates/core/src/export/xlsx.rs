//! A small Excel workbook writer: worksheets of numbers and text, a bold
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
//! - `xl/workbook.xml`: the sheet list;
//! - `xl/_rels/workbook.xml.rels`: where the sheets, styles and strings are;
//! - `xl/styles.xml`: a normal and a bold font, and the cell formats of
//!   [`Style`] (bold text, numbers with thousands separators);
//! - `xl/worksheets/sheetN.xml`, one per sheet: a frozen header row, column
//!   widths, the cells, and an autofilter over the header;
//! - `xl/sharedStrings.xml`: each distinct text once, which text cells name
//!   by number (as Excel itself writes them). Exports repeat much text (file
//!   names, kinds, units, one sentence for several figures), often farther
//!   apart than DEFLATE's 32 KB window reaches once the table is sorted: the
//!   table halves such files, and leaves less XML to compress.
//!
//! The sheets are named when the workbook starts (the package's fixed parts
//! list them) and written one after another. Each is deflated as its rows are
//! written, straight into the archive, so a large export never holds its whole
//! XML at once; the text it refers to is borrowed, not copied, until the
//! shared strings (one table for every sheet) are written.

use crate::fasthash::FxHashMap;
use crate::zip::{self, Deflating, ZipError};
use std::borrow::Cow;
use std::fmt::Write as _;

/// Why a workbook could not be written.
#[derive(Debug, Clone, PartialEq)]
pub enum XlsxError {
    /// More rows than a worksheet holds (1,048,576).
    TooManyRows,
    /// More columns than a worksheet holds (16,384).
    TooManyColumns,
    /// A sheet name Excel refuses (empty, over 31 UTF-16 units, quoted, or with one of `[]:*?/\\` or a control character).
    SheetName(String),
    /// A column width out of Excel's range (0 to 255 characters).
    ColumnWidth { col: usize, chars: f64 },
    /// The file would pass 4 GB (ZIP64 is not written).
    TooLarge,
    /// No sheet, or a sheet started past those named when the workbook began.
    Sheets(usize),
}

impl std::fmt::Display for XlsxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            XlsxError::TooManyRows => write!(f, "a worksheet holds at most {MAX_ROWS} rows"),
            XlsxError::TooManyColumns => write!(f, "a worksheet holds at most {MAX_COLUMNS} columns"),
            XlsxError::SheetName(name) => write!(f, "not a valid sheet name: {name:?}"),
            XlsxError::ColumnWidth { col, chars } => write!(f, "column {col} cannot be {chars} wide"),
            XlsxError::TooLarge => f.write_str("the workbook is too large (over 4 GB)"),
            XlsxError::Sheets(n) => write!(f, "a workbook has at least one sheet, and sheet {n} was not named"),
        }
    }
}

impl std::error::Error for XlsxError {}

impl From<ZipError> for XlsxError {
    /// The writer's only failure is an archive over 4 GB.
    fn from(_: ZipError) -> Self {
        XlsxError::TooLarge
    }
}

/// One cell's content.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// Nothing is written: the cell stays blank.
    Empty,
    /// A number shown as Excel's General format shows it (`1523`).
    Number(f64),
    /// A quantity, shown with thousands separators (`1,480,000,000`, `0.0005`).
    Amount(f64),
    /// Text, never read as a formula or a number.
    Text(&'a str),
}

/// The look of a cell: an index into the `cellXfs` of `STYLES`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Normal = 0,
    Bold = 1,
    /// `#,##0`: a whole amount.
    Whole = 2,
    /// `#,##0.0###…`: an amount with a fraction, all its digits shown.
    Fraction = 3,
}

/// Excel's limits: rows and columns of a sheet, characters (UTF-16 units) of a cell.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
const MAX_CELL_TEXT: usize = 32_767;

/// The sheet's XML is handed to the compressor in pieces of about this size.
const CHUNK: usize = 256 * 1024;

/// Sheets are `sheet1.xml`, `sheet2.xml` ... (numbered from 1).
fn sheet_part(n: usize) -> String {
    format!("xl/worksheets/sheet{n}.xml")
}

const STRINGS_PART: &str = "xl/sharedStrings.xml";

/// A workbook of named worksheets, written one after another, row by row. It
/// borrows the text of its cells (`'a`) until it is finished.
pub struct Workbook<'a> {
    zip: zip::Writer,
    /// The sheet part being written (None only between two sheets).
    sheet: Option<Deflating>,
    /// The sheet being written (from 1) and how many were named.
    current: usize,
    sheets: usize,
    /// Sheet XML not yet handed to the compressor.
    xml: String,
    /// Rows written so far (the next row's number is `rows + 1`).
    rows: u32,
    strings: SharedStrings<'a>,
    /// Columns of the header row, when there is one (the autofilter spans them).
    header: Option<usize>,
}

impl<'a> Workbook<'a> {
    /// A workbook of one sheet, `sheet_name`; `widths` are (zero-based
    /// column, width in characters of the default font), as in Excel's
    /// column-width dialog.
    pub fn new(sheet_name: &str, widths: &[(usize, f64)]) -> Result<Workbook<'a>, XlsxError> {
        Workbook::with_sheets(&[sheet_name], widths, &[])
    }

    /// A workbook of one sheet whose first row is `header`, in bold, frozen (it
    /// stays in view when the sheet scrolls), with an autofilter on its columns.
    pub fn with_header(
        sheet_name: &str,
        widths: &[(usize, f64)],
        header: &[&'a str],
    ) -> Result<Workbook<'a>, XlsxError> {
        Workbook::with_sheets(&[sheet_name], widths, header)
    }

    /// A workbook of the sheets named, in that order, writing the first: its
    /// widths and header as in [`with_header`](Self::with_header) (no header
    /// when `header` is empty). [`next_sheet`](Self::next_sheet) goes on to the
    /// next; a sheet never started is left empty.
    pub fn with_sheets(names: &[&str], widths: &[(usize, f64)], header: &[&'a str]) -> Result<Workbook<'a>, XlsxError> {
        if names.is_empty() {
            return Err(XlsxError::Sheets(0));
        }
        for name in names {
            check_sheet_name(name)?;
        }
        let mut zip = zip::Writer::default();
        zip.add("[Content_Types].xml", content_types(names.len()).as_bytes())?;
        zip.add("_rels/.rels", PACKAGE_RELS.as_bytes())?;
        zip.add("xl/workbook.xml", workbook_xml(names).as_bytes())?;
        zip.add("xl/_rels/workbook.xml.rels", workbook_rels(names.len()).as_bytes())?;
        zip.add("xl/styles.xml", STYLES.as_bytes())?;
        let sheet = Some(zip.start(&sheet_part(1)));
        let xml = String::with_capacity(CHUNK + 64 * 1024);
        let strings = SharedStrings::default();
        let mut book = Workbook { zip, sheet, current: 1, sheets: names.len(), xml, rows: 0, strings, header: None };
        book.begin(widths, header)?;
        Ok(book)
    }

    /// End the sheet being written and start the next one named, with its
    /// widths and header.
    pub fn next_sheet(&mut self, widths: &[(usize, f64)], header: &[&'a str]) -> Result<(), XlsxError> {
        if self.current == self.sheets {
            return Err(XlsxError::Sheets(self.current + 1));
        }
        self.end_sheet()?;
        self.current += 1;
        self.sheet = Some(self.zip.start(&sheet_part(self.current)));
        self.begin(widths, header)
    }

    /// The start of the sheet's XML, and its header row.
    fn begin(&mut self, widths: &[(usize, f64)], header: &[&'a str]) -> Result<(), XlsxError> {
        if header.len() > MAX_COLUMNS {
            return Err(XlsxError::TooManyColumns);
        }
        self.xml.push_str(SHEET_START);
        if !header.is_empty() {
            self.xml.push_str(FROZEN_HEADER);
        }
        write_cols(&mut self.xml, widths)?;
        self.xml.push_str("<sheetData>");
        (self.rows, self.header) = (0, None);
        if !header.is_empty() {
            self.row(header.iter().map(|h| Cell::Text(h)), Style::Bold)?;
            self.header = Some(header.len());
        }
        Ok(())
    }

    /// The end of the sheet being written: its autofilter, into the archive.
    fn end_sheet(&mut self) -> Result<(), XlsxError> {
        self.xml.push_str("</sheetData>");
        if let Some(columns) = self.header {
            self.xml.push_str("<autoFilter ref=\"A1:");
            push_column_name(&mut self.xml, columns - 1);
            let _ = write!(self.xml, "{}\"/>", self.rows);
        }
        self.xml.push_str("</worksheet>");
        self.flush();
        match self.sheet.take() {
            Some(sheet) => Ok(self.zip.end(sheet)?),
            None => Ok(()),
        }
    }

    /// Hand the sheet XML written so far to the compressor.
    fn flush(&mut self) {
        if let Some(sheet) = self.sheet.as_mut() {
            self.zip.write(sheet, self.xml.as_bytes());
        }
        self.xml.clear();
    }

    /// Append a row; its cells fill columns A, B, C ... in order. A row
    /// that is refused (too many) is not written, and the sheet stays whole.
    pub fn row(&mut self, cells: impl IntoIterator<Item = Cell<'a>>, style: Style) -> Result<(), XlsxError> {
        if self.rows == MAX_ROWS {
            return Err(XlsxError::TooManyRows);
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
                return Err(XlsxError::TooManyColumns);
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
            self.flush();
        }
        Ok(())
    }

    /// One cell: `<c r="B2" s="1" t="s"><v>7</v></c>`. A text cell holds the
    /// number of its text in the shared strings; an amount has its own style.
    fn write_cell(&mut self, col: usize, row: u32, cell: Cell<'a>, style: Style) {
        let (cell, style) = match cell {
            Cell::Amount(n) if n.is_finite() && n.fract() == 0.0 => (Cell::Number(n), Style::Whole),
            Cell::Amount(n) if n.is_finite() => (Cell::Number(n), Style::Fraction),
            Cell::Amount(n) => (Cell::Number(n), style),
            other => (other, style),
        };
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
            Cell::Empty | Cell::Amount(_) => return xml.push_str("/>"),
        };
        let k = self.strings.number(text);
        let _ = write!(self.xml, " t=\"s\"><v>{k}</v></c>");
    }

    /// The finished `.xlsx` file (sheets never started are written empty).
    pub fn finish(mut self) -> Result<Vec<u8>, XlsxError> {
        while self.current < self.sheets {
            self.next_sheet(&[], &[])?;
        }
        self.end_sheet()?;
        self.strings.write(&mut self.zip)?;
        Ok(self.zip.finish()?)
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
    fn write(self, zip: &mut zip::Writer) -> Result<(), XlsxError> {
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
        Ok(zip.end(part)?)
    }
}

// ---- The fixed parts ----

/// The media type of each part; a sheet's is named for each sheet.
fn content_types(sheets: usize) -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    ));
    for n in 1..=sheets {
        let _ = write!(
            xml,
            r#"<Override PartName="/{}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
            sheet_part(n)
        );
    }
    xml.push_str(concat!(
        r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
        r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#,
        "</Types>"
    ));
    xml
}

const PACKAGE_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    "</Relationships>"
);

/// Targets are relative to `xl/`, where the workbook part is. Sheet N is
/// `rIdN`; the styles and the strings come after the sheets.
fn workbook_rels(sheets: usize) -> String {
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    ));
    for n in 1..=sheets {
        let _ = write!(xml, r#"<Relationship Id="rId{n}" Type="{REL}/worksheet" Target="worksheets/sheet{n}.xml"/>"#);
    }
    let _ = write!(
        xml,
        r#"<Relationship Id="rId{}" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rId{}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        sheets + 1,
        sheets + 2
    );
    xml
}

/// Two fonts (normal, bold) and the cell formats of `Style` (which indexes
/// `cellXfs`): normal, bold, and the normal font with number format 3
/// (built in: `#,##0`) or 164 (`#,##0.0` and up to 14 more digits shown when
/// written: a double has no more than 17 significant ones). Excel expects
/// the two built-in fills (none, gray125) first, one border, and the
/// "Normal" cell style, even when no cell uses them.
const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r##"<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0##############"/></numFmts>"##,
    r#"<fonts count="2">"#,
    r#"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
    r#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
    "</fonts>",
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="4">"#,
    r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
    r#"<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    "</cellXfs>",
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    "</styleSheet>"
);

const SHEET_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
);

/// The first row stays in view: the sheet is split below it, and the
/// scrolling pane (bottom left) is the active one.
const FROZEN_HEADER: &str = concat!(
    r#"<sheetViews><sheetView workbookViewId="0">"#,
    r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#,
    r#"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#,
    "</sheetView></sheetViews>"
);

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

fn workbook_xml(names: &[&str]) -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
        r#"<bookViews><workbookView/></bookViews><sheets>"#,
    ));
    for (k, name) in names.iter().enumerate() {
        xml.push_str(r#"<sheet name=""#);
        push_escaped(&mut xml, name);
        let _ = write!(xml, r#"" sheetId="{n}" r:id="rId{n}"/>"#, n = k + 1);
    }
    xml.push_str("</sheets></workbook>");
    xml
}

/// Excel refuses a workbook whose sheet name is empty, longer than 31
/// characters, holds `[ ] : * ? / \` or starts or ends with an apostrophe.
fn check_sheet_name(name: &str) -> Result<(), XlsxError> {
    let ok = !name.is_empty()
        && name.encode_utf16().count() <= 31
        && !name.contains(['[', ']', ':', '*', '?', '/', '\\'])
        && !name.starts_with('\'')
        && !name.ends_with('\'')
        && name.chars().all(xml_char);
    if ok { Ok(()) } else { Err(XlsxError::SheetName(name.to_string())) }
}

// ---- The sheet's XML ----

/// `<cols>` with each set width. The file stores widths in characters plus
/// the cell padding (5 pixels over a maximum digit width of 7 pixels for
/// Calibri 11), rounded down to 1/256 of a character, as Excel does.
fn write_cols(xml: &mut String, widths: &[(usize, f64)]) -> Result<(), XlsxError> {
    if widths.is_empty() {
        return Ok(());
    }
    let mut widths = widths.to_vec();
    // `col` elements must come in column order.
    widths.sort_by_key(|w| w.0);
    xml.push_str("<cols>");
    for (col, chars) in widths {
        if col >= MAX_COLUMNS || !(0.0..=255.0).contains(&chars) {
            return Err(XlsxError::ColumnWidth { col, chars });
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

#[cfg(test)]
mod tests {
    use super::*;

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
