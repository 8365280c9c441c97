//! Exports: the CSV Excel opens, the JSON and the workbook keep numbers as
//! numbers and dates as text, and free text cannot run as a formula.

use shudu_core::export::{Column, Row};
use shudu_core::{Engine, export};

fn rows(text: &str) -> Vec<Row> {
    let chars: Vec<char> = text.chars().collect();
    Engine::new()
        .figures(text)
        .iter()
        .map(|f| Row::of("=a.txt", f, &export::sentence_of(&chars, f.start, f.end)))
        .collect()
}

#[test]
fn csv_has_bom_header_and_one_line_per_figure() {
    let r = rows("2023年全市完成投资3.5亿元，同比增长12.5%。");
    let csv = export::csv_document(&r);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], export::CSV_HEADER.join(","));
    assert_eq!(lines.len(), 1 + r.len());
    // A file name that looks like a formula is kept as text.
    assert!(lines[1].starts_with("'=a.txt,2023年,date,2023,"), "{}", lines[1]);
}

/// Every cell a spreadsheet would run is defused in the CSV, in any column;
/// the JSON keeps every cell exactly (`testdata/export-defuse.jsonl`).
#[test]
fn formulas_are_defused_in_the_csv_only() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/export-defuse.jsonl");
    let cases = std::fs::read_to_string(path).unwrap();
    let template = rows("完成投资3.5亿元。").remove(0);
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let (cell, want) = (case["cell"].as_str().unwrap(), case["csv"].as_str().unwrap());
        assert_eq!(export::defuse(cell), want, "{cell:?}");
        for column in [Column::File, Column::Text, Column::Label, Column::Sentence] {
            let mut row = template.clone();
            row.set(column, cell);
            let csv = export::csv_line(row.cells());
            assert!(csv.contains(&export::csv_field(want)), "{column:?}: {csv:?}");
            let json: serde_json::Value = serde_json::from_str(&export::json_document(&[row])).unwrap();
            assert_eq!(json[0][export::CSV_HEADER[column as usize]], cell, "JSON keeps {cell:?}");
        }
    }
}

#[test]
fn json_keeps_numbers_numeric_and_dates_textual() {
    let json: serde_json::Value =
        serde_json::from_str(&export::json_document(&rows("2023年完成投资3.5亿元。"))).unwrap();
    assert_eq!(json[0]["kind"], "date");
    assert_eq!(json[0]["value"], "2023");
    assert_eq!(json[1]["value"], 350000000);
    assert_eq!(json[1]["sentence"], "2023年完成投资3.5亿元。");
    // The file name exactly as it is, formula-like or not.
    assert_eq!(json[0]["file"], "=a.txt");
    assert_eq!(json[1]["period"], "2023");
    assert_eq!((&json[1]["start"], &json[1]["end"]), (&serde_json::json!(9), &serde_json::json!(14)));
    assert_eq!(json[0]["period"], serde_json::Value::Null, "a date is its own period");
}

#[test]
fn csv_has_period_and_position_before_the_sentence() {
    let r = rows("2022年1-10月，全省规上工业增加值增长5.1%。");
    let csv = export::csv_document(&r);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[0].ends_with(",label,subject,period,start,end,sentence"), "{}", lines[0]);
    let last = lines[2];
    assert!(last.contains(",2022-01/2022-10,22,26,2022年1-10月"), "{last}");
}

#[test]
fn sentence_is_capped_in_long_paragraphs() {
    let text = "很".repeat(5000) + "投资3亿元" + &"长".repeat(5000);
    let r = rows(&text);
    assert_eq!(r.len(), 1);
    let sentence = r[0].get(Column::Sentence);
    assert!(sentence.chars().count() <= 2 * 200 + 10, "{}", sentence.chars().count());
}

/// The workbook: read back with a ZIP reader of the test's own (central
/// directory, local headers, CRC-32) and checked part by part.
#[cfg(feature = "xlsx")]
mod xlsx {
    use super::rows;
    use shudu_core::export::{self, CSV_HEADER, Column, Row};
    use std::collections::BTreeMap;

    const PARTS: [&str; 8] = [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/sharedStrings.xml",
    ];

    fn u16_at(b: &[u8], at: usize) -> usize {
        u16::from_le_bytes([b[at], b[at + 1]]) as usize
    }

    fn u32_at(b: &[u8], at: usize) -> usize {
        u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as usize
    }

    /// CRC-32 bit by bit: slow, and independent of the writer's table.
    fn crc32(data: &[u8]) -> u32 {
        let mut c = !0u32;
        for &b in data {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 == 1 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 };
            }
        }
        !c
    }

    /// Every part of the archive, by name, in archive order of the directory.
    fn unzip(zip: &[u8]) -> Vec<(String, String)> {
        let end = zip.len() - 22;
        assert_eq!(&zip[end..end + 4], b"PK\x05\x06", "the end record closes the file (no comment)");
        let count = u16_at(zip, end + 10);
        assert_eq!(count, u16_at(zip, end + 8), "one disk");
        let (size, mut at) = (u32_at(zip, end + 12), u32_at(zip, end + 16));
        assert_eq!(at + size, end, "the directory ends where the end record starts");
        let mut parts = Vec::new();
        for _ in 0..count {
            assert_eq!(&zip[at..at + 4], b"PK\x01\x02");
            let (method, crc) = (u16_at(zip, at + 10), u32_at(zip, at + 16) as u32);
            let (compressed, plain) = (u32_at(zip, at + 20), u32_at(zip, at + 24));
            let name_len = u16_at(zip, at + 28);
            let name = std::str::from_utf8(&zip[at + 46..at + 46 + name_len]).unwrap().to_string();
            let local = u32_at(zip, at + 42);
            // The local header says the same as the directory.
            assert_eq!(&zip[local..local + 4], b"PK\x03\x04", "{name}");
            assert_eq!(zip[local + 8..local + 30], zip[at + 10..at + 32], "{name}: local header");
            assert_eq!(&zip[local + 30..local + 30 + name_len], name.as_bytes());
            let data = &zip[local + 30 + name_len..][..compressed];
            assert_eq!(method, 8, "{name}: deflated");
            let bytes = miniz_oxide::inflate::decompress_to_vec(data).unwrap();
            assert_eq!(bytes.len(), plain, "{name}: size");
            assert_eq!(crc32(&bytes), crc, "{name}: CRC-32");
            parts.push((name, String::from_utf8(bytes).unwrap()));
            at += 46 + name_len + u16_at(zip, at + 30) + u16_at(zip, at + 32);
        }
        parts
    }

    fn parts(rows: &[Row]) -> BTreeMap<String, String> {
        unzip(&export::xlsx_document(rows, &[]).unwrap()).into_iter().collect()
    }

    /// The text of `<tag ...>text</tag>` right at the start of `xml`'s `<tag`.
    fn element<'x>(xml: &'x str, tag: &str) -> &'x str {
        let open = xml.find('>').unwrap() + 1;
        &xml[open..xml.find(&format!("</{tag}>")).unwrap()]
    }

    /// The sheet's cells by reference, each as its style and its content:
    /// `n 12.5` (a number) or `s <t>text</t>` (the XML of its shared string).
    fn cells(parts: &BTreeMap<String, String>) -> BTreeMap<String, (u8, String)> {
        sheet_cells(parts, "xl/worksheets/sheet1.xml")
    }

    fn sheet_cells(parts: &BTreeMap<String, String>, sheet: &str) -> BTreeMap<String, (u8, String)> {
        let strings: Vec<&str> =
            parts["xl/sharedStrings.xml"].split("<si>").skip(1).map(|si| &si[..si.find("</si>").unwrap()]).collect();
        let sst = &parts["xl/sharedStrings.xml"];
        assert!(sst.contains(&format!(r#"uniqueCount="{}">"#, strings.len())), "{sst}");
        let mut cells = BTreeMap::new();
        for c in parts[sheet].split("<c r=\"").skip(1) {
            let (reference, rest) = c.split_once('"').unwrap();
            let attributes = &rest[..rest.find('>').unwrap()];
            let style = attributes.split_once(" s=\"").map_or(0, |(_, s)| s[..s.find('"').unwrap()].parse().unwrap());
            let v = element(&rest[rest.find("<v>").unwrap()..], "v");
            let content = if attributes.contains(r#" t="s""#) {
                format!("s {}", strings[v.parse::<usize>().unwrap()])
            } else {
                assert!(!attributes.contains(" t="), "{attributes}");
                format!("n {v}")
            };
            assert!(cells.insert(reference.to_string(), (style, content)).is_none(), "{reference} twice");
        }
        cells
    }

    fn row(cells: [&str; Row::WIDTH]) -> Row {
        Row::from_cells(cells.map(String::from))
    }

    #[test]
    fn workbook_has_its_parts_two_sheets_and_its_styles() {
        let parts = unzip(&export::xlsx_document(&rows("2023年完成投资3.5亿元。"), &[]).unwrap());
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, PARTS);
        let part: BTreeMap<_, _> = parts.iter().map(|(n, x)| (n.as_str(), x.as_str())).collect();
        for (name, xml) in &part {
            assert!(xml.starts_with(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#), "{name}");
        }
        // Relationship parts have their type by extension; the others by name.
        assert!(part["[Content_Types].xml"].contains(r#"<Default Extension="rels" "#));
        for name in PARTS.iter().filter(|n| n.ends_with(".xml") && !n.starts_with('[')) {
            assert!(part["[Content_Types].xml"].contains(&format!("PartName=\"/{name}\"")), "{name} has a type");
        }
        assert!(part["_rels/.rels"].contains(r#"Target="xl/workbook.xml""#));
        assert!(part["xl/workbook.xml"].contains(
            r#"<sheets><sheet name="figures" sheetId="1" r:id="rId1"/><sheet name="summary" sheetId="2" r:id="rId2"/></sheets>"#
        ));
        let rels = part["xl/_rels/workbook.xml.rels"];
        for (id, kind, target) in [
            ("rId1", "worksheet", "worksheets/sheet1.xml"),
            ("rId2", "worksheet", "worksheets/sheet2.xml"),
            ("rId3", "styles", "styles.xml"),
            ("rId4", "sharedStrings", "sharedStrings.xml"),
        ] {
            let rel = format!(
                r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>"#
            );
            assert!(rels.contains(&rel), "{rel}");
        }
        // Style 1 (the header's) is the bold font.
        let styles = part["xl/styles.xml"];
        assert!(styles.contains(r#"<fonts count="2"><font><sz val="11"/>"#) && styles.contains("<font><b/>"));
        assert!(styles.contains(r#"<cellXfs count="4"><xf numFmtId="0" fontId="0""#));
        assert!(styles.contains(r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#));
        // Styles 2 and 3 group amounts in thousands, with a fraction in 3.
        assert!(styles.contains(r##"<numFmt numFmtId="164" formatCode="#,##0.0##############"/>"##));
        assert!(styles.contains(
            r#"<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" "#
        ));
        // The header row is frozen; text, period and sentence columns (B, L, O) are widened.
        let sheet = part["xl/worksheets/sheet1.xml"];
        assert!(sheet.contains(r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#));
        assert!(sheet.contains(r#"</sheetViews><cols><col min="2" max="2" width="16.7109375" customWidth="1"/><col min="12" max="12" width="16.7109375" customWidth="1"/><col min="15" max="15" width="60.7109375" customWidth="1"/></cols><sheetData>"#));
        assert!(sheet.ends_with(r#"</sheetData><autoFilter ref="A1:O3"/></worksheet>"#), "{sheet}");
    }

    /// The second sheet: the summary's totals per metric, numbers as numbers,
    /// with its own frozen, filtering header.
    #[test]
    fn summary_sheet_has_the_totals_per_metric() {
        use shudu_core::Engine;
        use shudu_core::workbench::{Entry, context, summary};
        let texts = [("a.txt", "2022年全市完成投资3.5亿元。"), ("b.txt", "2023年全市完成投资4亿元，城镇化率为65.2%。")];
        let engine = Engine::new();
        let found: Vec<_> = texts
            .iter()
            .map(|(file, text)| {
                let figures = engine.figures(text);
                let contexts = context::of_figures(text, &figures);
                (*file, figures, contexts)
            })
            .collect();
        let entries: Vec<Entry> = found
            .iter()
            .flat_map(|(file, figures, contexts)| figures.iter().zip(contexts).map(|(f, c)| Entry::of(file, f, c)))
            .collect();
        let totals = summary::summarize(&entries);
        let invest = totals.iter().find(|r| r.unit == "元").expect("a money row");
        assert_eq!((invest.count, invest.files, invest.sum), (2, 2, Some(750_000_000.0)), "{totals:?}");
        let bytes = export::xlsx_document(&[], &totals).unwrap();
        let parts: BTreeMap<String, String> = unzip(&bytes).into_iter().collect();
        let sheet = &parts["xl/worksheets/sheet2.xml"];
        assert!(sheet.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#));
        assert!(sheet.ends_with(&format!(r#"<autoFilter ref="A1:H{}"/></worksheet>"#, totals.len() + 1)), "{sheet}");
        let cells = sheet_cells(&parts, "xl/worksheets/sheet2.xml");
        for (h, col) in export::SUMMARY_HEADER.iter().zip('A'..) {
            assert_eq!(cells[&format!("{col}1")], (1, format!("s <t>{h}</t>")));
        }
        let r = 2 + totals.iter().position(|r| r.unit == "元").unwrap();
        assert_eq!(cells[&format!("A{r}")], (0, format!("s <t>{}</t>", invest.label)));
        assert_eq!(cells[&format!("C{r}")], (0, "n 2".to_string()));
        assert_eq!(cells[&format!("E{r}")], (2, "n 750000000".to_string()), "the sum, grouped");
        assert_eq!(cells[&format!("H{r}")], (0, "s <t>2023</t>".to_string()), "the latest period");
        // A rate is not summed: its sum cell is left out.
        let rate = 2 + totals.iter().position(|r| r.unit == "%").expect("a rate row");
        assert!(!cells.contains_key(&format!("E{rate}")), "{cells:?}");
    }

    #[test]
    fn header_row_is_bold_text() {
        let parts = parts(&[]);
        let cells = cells(&parts);
        assert_eq!(cells.len(), CSV_HEADER.len());
        for (h, col) in CSV_HEADER.iter().zip('A'..) {
            assert_eq!(cells[&format!("{col}1")], (1, format!("s <t>{h}</t>")));
        }
        let sheet = &parts["xl/worksheets/sheet1.xml"];
        assert!(sheet.contains(r#"<sheetData><row r="1"><c r="A1" s="1" t="s"><v>0</v></c>"#), "{sheet}");
    }

    /// (row cells, expected style and content of some of its cells as
    /// `cells` gives them; `None`: no such cell)
    type Case = ([&'static str; Row::WIDTH], &'static [(&'static str, Option<(u8, &'static str)>)]);

    /// Styles: 0 normal, 2 a whole amount (`#,##0`), 3 an amount with a fraction.
    const CASES: &[Case] = &[
        // Value, low and high are amounts; start and end plain numbers; empty cells are left out.
        (
            ["a.txt", "3.5亿元", "money", "350000000", "元", "", "", "", "", "投资", "", "2023", "9", "15", "s"],
            &[
                ("A2", Some((0, "s <t>a.txt</t>"))),
                ("D2", Some((2, "n 350000000"))),
                ("F2", None),
                ("G2", None),
                ("K2", None),
                ("L2", Some((0, "s <t>2023</t>"))),
                ("M2", Some((0, "n 9"))),
                ("N2", Some((0, "n 15"))),
            ],
        ),
        // A date's value is text; a range's low and high are numbers.
        (
            ["a.txt", "2023年", "date", "2023", "", "", "-1.5", "0.0005", "", "", "", "", "0", "5", ""],
            &[
                ("D3", Some((0, "s <t>2023</t>"))),
                ("G3", Some((3, "n -1.5"))),
                ("H3", Some((3, "n 0.0005"))),
                ("O3", None),
            ],
        ),
        // Numbers only in the number columns; what does not parse is text;
        // "inf" parses but is no cell value.
        (
            ["1", "42", "count", "12万", "", "", "inf", "NaN", "", "", "", "2022-01/2022-10", "x", "", ""],
            &[
                ("A4", Some((0, "s <t>1</t>"))),
                ("B4", Some((0, "s <t>42</t>"))),
                ("D4", Some((0, "s <t>12万</t>"))),
                ("G4", Some((0, "s <t>inf</t>"))),
                ("H4", Some((0, "s <t>NaN</t>"))),
                ("L4", Some((0, "s <t>2022-01/2022-10</t>"))),
                ("M4", Some((0, "s <t>x</t>"))),
            ],
        ),
        // Markup is escaped, characters XML forbids are dropped, edge spaces
        // kept, and `_xHHHH_` is not read as an escape.
        (
            [
                "<b>&amp;\"x\"",
                "a\u{1}b\u{1b}c",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                " 增长 ",
                "_x0041_",
                "",
                "",
                "",
                "一\r\n二\t三",
            ],
            &[
                ("A5", Some((0, "s <t>&lt;b&gt;&amp;amp;&quot;x&quot;</t>"))),
                ("B5", Some((0, "s <t>abc</t>"))),
                ("C5", None),
                ("J5", Some((0, r#"s <t xml:space="preserve"> 增长 </t>"#))),
                ("K5", Some((0, "s <t>_x005F_x0041_</t>"))),
                ("O5", Some((0, "s <t>一&#13;\n二\t三</t>"))),
            ],
        ),
        // A row with no cells at all is left out.
        (["", "", "", "", "", "", "", "", "", "", "", "", "", "", ""], &[("A6", None)]),
        // Text used again is shared, not stored twice; a formula stays text.
        (
            ["a.txt", "3.5亿元", "", "=1+1", "", "", "", "", "", "", "", "", "", "", ""],
            &[("A7", Some((0, "s <t>a.txt</t>"))), ("D7", Some((0, "s <t>=1+1</t>")))],
        ),
    ];

    #[test]
    fn cells_are_numbers_text_or_absent() {
        let rows: Vec<Row> = CASES.iter().map(|(cells, _)| row(*cells)).collect();
        let parts = parts(&rows);
        let cells = cells(&parts);
        for (reference, expected) in CASES.iter().flat_map(|(_, cells)| cells.iter()) {
            let found = cells.get(*reference).map(|(style, content)| (*style, content.as_str()));
            assert_eq!(found, *expected, "{reference}");
        }
        let sheet = &parts["xl/worksheets/sheet1.xml"];
        assert!(!sheet.contains(r#"<row r="6""#) && sheet.contains(r#"<row r="7">"#), "the empty row is not written");
        assert!(!sheet.contains("<f>"), "no formulas");
        assert!(sheet.ends_with(r#"</sheetData><autoFilter ref="A1:O7"/></worksheet>"#), "{sheet}");
        let sst = &parts["xl/sharedStrings.xml"];
        assert_eq!(sst.matches("<t>a.txt</t>").count(), 1);
        assert_eq!(sst.matches("<t>3.5亿元</t>").count(), 1);
        // The text cells of the figures sheet and the summary sheet's header.
        let texts = cells.values().filter(|(_, c)| c.starts_with("s ")).count() + export::SUMMARY_HEADER.len();
        assert!(sst.contains(&format!(
            r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{texts}" "#
        )));
    }

    #[test]
    fn engine_rows_keep_numbers_and_text_exactly() {
        let cells = cells(&parts(&rows("2023年完成投资3.5亿元。")));
        for (reference, content) in [
            ("A2", "s <t>=a.txt</t>"),
            ("D2", "s <t>2023</t>"),
            ("D3", "n 350000000"),
            ("L3", "s <t>2023</t>"),
            ("O3", "s <t>2023年完成投资3.5亿元。</t>"),
        ] {
            assert_eq!(cells[reference].1, content, "{reference}");
        }
    }

    #[test]
    fn large_export_is_whole_and_the_same_each_time() {
        let one = rows("2023年全市完成投资3.5亿元，同比增长12.5%，新开工项目120个。");
        let many: Vec<Row> = (0..60_000)
            .map(|k| {
                let mut row = one[k % one.len()].clone();
                row.set(Column::File, format!("article-{k}.txt"));
                row
            })
            .collect();
        let started = std::time::Instant::now();
        let bytes = export::xlsx_document(&many, &[]).unwrap();
        eprintln!("60,000 rows: {} bytes in {:?}", bytes.len(), started.elapsed());
        assert_eq!(bytes, export::xlsx_document(&many, &[]).unwrap(), "no clock or randomness in the file");
        let parts: BTreeMap<_, _> = unzip(&bytes).into_iter().collect();
        let sheet = &parts["xl/worksheets/sheet1.xml"];
        assert_eq!(sheet.matches("<row ").count(), 60_001);
        assert!(
            sheet.contains(r#"<row r="60001"><c r="A60001" t="s">"#)
                && sheet.ends_with(r#"</row></sheetData><autoFilter ref="A1:O60001"/></worksheet>"#)
        );
        // The last file's name is the last new text of the figures sheet; the
        // summary sheet's header adds the words the figures' header lacks.
        let sst = &parts["xl/sharedStrings.xml"];
        assert!(sst.contains("<si><t>article-59999.txt</t></si>"));
        assert!(sst.ends_with("<si><t>latest period</t></si></sst>"), "{}", &sst[sst.len() - 300..]);
    }
}
