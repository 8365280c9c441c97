//! PDF and Word 97-2003 files: the real files of `testdata/formats/` and
//! small PDFs made here for the refusals.

use shudu_core::Engine;
use shudu_core::decode::{DEFAULT_LIMIT, DecodeError, Format, decode};
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/formats").join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn the_figures_of_the_real_files_are_found() {
    let table = String::from_utf8(fixture("figures.tsv")).unwrap();
    let engine = Engine::new();
    let mut checked = 0;
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let [file, text, kind, value, unit] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("bad line in figures.tsv: {line}")
        };
        let d = decode(&fixture(file), file, DEFAULT_LIMIT).unwrap_or_else(|e| panic!("{file}: {e}"));
        let figures = engine.figures(&d.text);
        let f = figures.iter().find(|f| f.text == text).unwrap_or_else(|| {
            panic!("{file}: no figure {text}; found {:?}", figures.iter().map(|f| &f.text).collect::<Vec<_>>())
        });
        let json = serde_json::to_value(shudu_core::export::figure_json(f)).unwrap();
        assert_eq!(json["kind"], kind, "{file} {text}");
        assert_eq!(json["value"].as_f64(), Some(value.parse::<f64>().unwrap()), "{file} {text}");
        assert_eq!(json["unit"], unit, "{file} {text}");
        checked += 1;
    }
    assert!(checked >= 7);
}

#[test]
fn pdf_layout_running_heads_markers_and_tables() {
    let d = decode(&fixture("sz_gender_2021.pdf"), "sz_gender_2021.pdf", DEFAULT_LIMIT).unwrap();
    assert_eq!(d.format, Format::Pdf);
    // The footnote marker after 常住人口 is gone; the line break after 969.57 too.
    assert!(
        d.text.contains("常住人口1761.48万人，其中男性969.57万人，占全市人口的55.0%；女性791.91万人"),
        "{}",
        d.text
    );
    // Table rows stay rows, their cells apart.
    assert!(d.text.contains("\n福田区\t124.88\t60.48\t64.40\t93.91\n"));
    // No page numbers alone on a line.
    assert!(
        !d.text.lines().any(|l| l.trim().chars().all(|c| c.is_ascii_digit() || c == '-' || c == ' ') && l.len() > 1)
    );
}

#[test]
fn doc_text_in_order_with_tables_as_rows() {
    let d = decode(&fixture("police.doc"), "police.doc", DEFAULT_LIMIT).unwrap();
    assert_eq!(d.format, Format::Doc);
    assert!(d.text.starts_with("附件3"), "{}", &d.text[..100]);
    assert!(d.text.contains("1000米（或800米）可在90分钟后重测1次"));
    assert!(d.text.contains("在跑道的两端线（S1和S2）外30厘米处"));
}

#[test]
fn a_doc_under_another_name_is_still_read() {
    let d = decode(&fixture("police.doc"), "attachment", DEFAULT_LIMIT).unwrap();
    assert_eq!(d.format, Format::Doc);
}

/// A PDF of these objects (numbered from 1, the catalog first), with a correct
/// cross-reference table.
fn pdf_of(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).bytes());
    out
}

fn stream(dict: &str, content: &str) -> String {
    format!("<< /Length {} {dict} >>\nstream\n{content}\nendstream", content.len())
}

/// A one-page PDF whose page draws `content`.
fn pdf(content: &str) -> Vec<u8> {
    pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        stream("", content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ])
}

/// A one-page PDF whose page draws form 6 (`/X6`); form `n` (objects 6..6+forms) draws form
/// `n+1` and says `Up 7.5%`; `own` gives each form resources of its own (else it uses the
/// page's, which name every form); `last_draws` is what the last form draws (`/X6`: the first).
fn pdf_forms(forms: usize, own: bool, last_draws: Option<&str>) -> Vec<u8> {
    let names: String = (0..forms).map(|k| format!("/X{} {} 0 R ", 6 + k, 6 + k)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << {names}>> >> >>"
        ),
        stream("", "/X6 Do"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    for k in 0..forms {
        let next = if k + 1 < forms { Some(format!("/X{}", 7 + k)) } else { last_draws.map(str::to_string) };
        let draw = next.map(|n| format!("{n} Do ")).unwrap_or_default();
        let resources =
            if own { format!("/Resources << /Font << /F1 5 0 R >> /XObject << {names}>> >>") } else { String::new() };
        let dict = format!("/Type /XObject /Subtype /Form /BBox [0 0 595 842] {resources}");
        objects.push(stream(&dict, &format!("{draw}BT /F1 12 Tf 72 {} Td (Up 7.5%) Tj ET", 700 - 14 * (k % 40))));
    }
    pdf_of(&objects)
}

#[test]
fn pdf_drawings_that_draw_themselves_or_nest_too_deep_are_refused_not_recursed() {
    // Nested a little, as real files do: read.
    for own in [true, false] {
        let d = decode(&pdf_forms(3, own, None), "forms.pdf", DEFAULT_LIMIT).unwrap();
        assert_eq!(d.text.matches("Up 7.5%").count(), 3, "{}", d.text);
    }
    // A form drawing itself, through its own resources or the page's, or through another.
    for (forms, own) in [(1, true), (1, false), (2, true), (5, false)] {
        let e = decode(&pdf_forms(forms, own, Some("/X6")), "loop.pdf", DEFAULT_LIMIT).unwrap_err();
        assert_eq!(e, DecodeError::PdfNested { limit: 32 }, "{forms} forms, own resources: {own}");
        assert!(e.bilingual().contains("嵌套成环"), "{}", e.bilingual());
    }
    let e = decode(&pdf_forms(40, true, None), "deep.pdf", DEFAULT_LIMIT).unwrap_err();
    assert_eq!(e, DecodeError::PdfNested { limit: 32 });
}

#[test]
fn a_pdf_page_drawn_by_too_many_instructions_is_refused_before_it_is_parsed() {
    let page = "1 0 Td (7) Tj ".repeat(320_000);
    let e = decode(&pdf(&format!("BT /F1 12 Tf {page} ET")), "big.pdf", DEFAULT_LIMIT).unwrap_err();
    assert!(matches!(e, DecodeError::PdfPageTooBig { page: 1, limit: 4_194_304, .. }), "{e:?}");
    assert!(e.to_string().starts_with("page 1 of this PDF is drawn by 4.3 MB"), "{e}");
}

#[test]
fn a_pdf_with_text_is_read_and_one_without_is_named_a_scan() {
    let d = decode(&pdf("BT /F1 12 Tf 72 700 Td (Revenue 2021: 35.5%) Tj ET"), "a.pdf", DEFAULT_LIMIT).unwrap();
    assert_eq!(d.text.trim(), "Revenue 2021: 35.5%");
    let e = decode(&pdf("0 0 m 100 100 l S"), "scan.pdf", DEFAULT_LIMIT).unwrap_err();
    assert_eq!(e, DecodeError::NoTextLayer);
    assert!(e.to_string().contains("no text layer"));
    assert!(e.zh().contains("没有文字层"));
}

#[test]
fn broken_pdf_and_doc_files_get_their_reason() {
    let mut cut = fixture("sz_gender_2021.pdf");
    cut.truncate(2000);
    let e = decode(&cut, "cut.pdf", DEFAULT_LIMIT).unwrap_err();
    assert!(matches!(e, DecodeError::BadPdf(_) | DecodeError::NoTextLayer), "{e:?}");
    let mut doc = fixture("police.doc");
    doc.truncate(4000);
    let e = decode(&doc, "cut.doc", DEFAULT_LIMIT).unwrap_err();
    assert!(matches!(e, DecodeError::BadDoc(_)), "{e:?}");
    assert!(e.bilingual().starts_with("无法读取此 .doc 文件"), "{}", e.bilingual());
    // A file over the limit is refused before it is parsed.
    let e = decode(&fixture("sz_gender_2021.pdf"), "a.pdf", 100_000).unwrap_err();
    assert!(matches!(e, DecodeError::TooLarge { .. }));
}

#[test]
fn docx_table_rows_carry_their_headers() {
    let d = decode(&fixture("teachers.docx"), "teachers.docx", DEFAULT_LIMIT).unwrap();
    let rows: Vec<&str> = d.text.lines().collect();
    assert!(rows.contains(&"序号\t学校名称\t专业名称\t层次\t专业类别\t认证结论\t有效期开始时间\t有效期截止时间"));
    assert!(rows.contains(
        &"序号：1\t学校名称：北京师范大学\t专业名称：化学\t层次：本科\t专业类别：中学教育\t认证结论：有条件通过\t有效期开始时间：2022年7月\t有效期截止时间：2028年6月"
    ));
    assert!(rows.len() > 100, "one line a row");
}
