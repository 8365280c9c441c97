//! `shudu_core::decode`: encodings, formats, HTML clean-up and refusals.
//!
//! The corpus cases run twice: on the copies bundled in `testdata/decode/`
//! (always) and on the shared corpus next to the workspace (`../shared`, when
//! it is there; otherwise a notice is printed and that test passes).

use std::path::{Path, PathBuf};

use shudu_core::decode::{DEFAULT_LIMIT, DecodeError, Decoded, Format, decode};

/// (encoded file, its UTF-8 original, expected encoding name)
const ENCODED: [(&str, &str, &str); 4] = [
    ("encodings/000.gb18030.txt", "seeds/000_779206c0961d10cc.txt", "GB18030"),
    ("encodings/001.utf16le-bom.txt", "seeds/001_a3a797bd12993cc8.txt", "UTF-16LE"),
    ("encodings/002.utf8-bom.txt", "seeds/002_736a2d626d106f43.txt", "UTF-8 (BOM)"),
    // GBK is a subset of GB18030 and decodes the same; it is reported as GB18030.
    ("encodings/003.gbk.txt", "seeds/003_d3781b2b04487d6d.txt", "GB18030"),
];

const HTML: (&str, &str) = ("html/004.html", "seeds/004_b6da46b685f43c6f.txt");

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/decode")
}

/// The bundled copies are flat: `encodings/000.gb18030.txt` is `testdata/decode/000.gb18030.txt`.
fn bundled_path(rel: &str) -> PathBuf {
    bundled().join(Path::new(rel).file_name().unwrap())
}

fn shared() -> Option<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus"));
    if dir.is_dir() {
        Some(dir.to_path_buf())
    } else {
        println!(
            "notice: {} is absent; skipping the shared-corpus check (the bundled copies are still tested)",
            dir.display()
        );
        None
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The original's line ends normalised the way `decode` does it.
fn expected(seed: &[u8]) -> String {
    String::from_utf8(seed.to_vec()).unwrap().replace("\r\n", "\n").replace('\r', "\n")
}

fn ok(bytes: &[u8], name: &str) -> Decoded {
    decode(bytes, name, DEFAULT_LIMIT).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn err(bytes: &[u8], name: &str) -> DecodeError {
    match decode(bytes, name, DEFAULT_LIMIT) {
        Ok(d) => panic!("{name}: expected an error, got {d:?}"),
        Err(e) => e,
    }
}

fn check_encoded(path: impl Fn(&str) -> PathBuf) {
    for (encoded, seed, encoding) in ENCODED {
        let file = path(encoded);
        let name = file.file_name().unwrap().to_str().unwrap().to_string();
        let d = ok(&read(&file), &name);
        let want = expected(&read(&path(seed)));
        assert_eq!(d.format, Format::Text, "{name}");
        assert_eq!(d.encoding, encoding, "{name}");
        assert!(!d.text.contains('\r') && !d.text.starts_with('\u{feff}'), "{name}");
        if d.text != want {
            let at = d.text.chars().zip(want.chars()).take_while(|(a, b)| a == b).count();
            let got: String = d.text.chars().skip(at.saturating_sub(10)).take(30).collect();
            let exp: String = want.chars().skip(at.saturating_sub(10)).take(30).collect();
            panic!("{name}: differs at char {at}: got {got:?}, want {exp:?}");
        }
    }
}

/// Strings from the page's navigation, scripts, styles, related links and footer.
const FURNITURE: [&str; 10] = [
    "首页",
    "新闻 &gt;",
    "广告",
    "100万元大奖",
    "_hmt",
    "color:#333",
    "相关阅读",
    "全市新增就业3000人",
    "版权所有",
    "吉ICP备12345678号",
];

fn check_html(path: impl Fn(&str) -> PathBuf) {
    let d = ok(&read(&path(HTML.0)), "004.html");
    assert_eq!(d.format, Format::Html);
    assert_eq!(d.encoding, "UTF-8");
    let seed = expected(&read(&path(HTML.1)));
    let lines: Vec<&str> = d.text.lines().collect();
    // Every paragraph of the story is a line of the output, in order.
    let mut from = 0;
    for want in seed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match lines[from..].iter().position(|l| *l == want) {
            Some(k) => from += k + 1,
            None => panic!("story line missing or out of order: {want:?}\n--- output ---\n{}", d.text),
        }
    }
    assert_eq!(lines[0], "疫情防控见实效 项目建设抢进度", "the title comes first");
    for f in FURNITURE {
        assert!(!d.text.contains(f), "page furniture {f:?} in the output:\n{}", d.text);
    }
    for l in &lines {
        assert_eq!(*l, l.trim(), "lines are trimmed");
    }
    assert!(!d.text.contains("\n\n\n"), "runs of blank lines are collapsed");
}

#[test]
fn bundled_encodings_decode_to_their_originals() {
    check_encoded(bundled_path);
}

#[test]
fn shared_encodings_decode_to_their_originals() {
    if let Some(dir) = shared() {
        check_encoded(|rel| dir.join(rel));
    }
}

#[test]
fn bundled_html_gives_the_story() {
    check_html(bundled_path);
}

#[test]
fn shared_html_gives_the_story() {
    if let Some(dir) = shared() {
        check_html(|rel| dir.join(rel));
    }
}

// ---------------------------------------------------------------------------
// Refusals

#[test]
fn empty_and_blank_files() {
    assert_eq!(err(b"", "a.txt"), DecodeError::Empty);
    assert_eq!(err(b" \r\n\t \n\xE3\x80\x80\n", "a.txt"), DecodeError::Empty); // U+3000 too
    assert_eq!(err(b"\xEF\xBB\xBF\r\n", "a.txt"), DecodeError::Empty);
    assert_eq!(err(b"\xFF\xFE \x00\n\x00", "a.txt"), DecodeError::Empty);
    // A page with nothing but furniture.
    let page = "<html><body><nav><a href=/>首页</a></nav><script>x()</script><footer>版权所有</footer></body></html>";
    assert_eq!(err(page.as_bytes(), "a.html"), DecodeError::Empty);
}

#[test]
fn too_large() {
    let text = "中文".repeat(100);
    assert_eq!(decode(text.as_bytes(), "a.txt", 100), Err(DecodeError::TooLarge { size: 600, limit: 100 }));
    assert!(decode(text.as_bytes(), "a.txt", 600).is_ok());
}

/// A fixed pseudo-random byte stream.
fn noise(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as u8
        })
        .collect()
}

#[test]
fn binary_files() {
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    png.extend(noise(200, 1));
    assert_eq!(err(&png, "photo.png"), DecodeError::Binary);
    assert_eq!(err(&png, "notes.txt"), DecodeError::Binary, "the content decides, not the name");
    assert_eq!(err(b"\xFF\xD8\xFF\xE0\x00\x10JFIF", "a.jpg"), DecodeError::Binary);
    assert_eq!(err(b"GIF89a\x01\x00\x01\x00", "a.gif"), DecodeError::Binary);
    assert!(matches!(err(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "a.pdf"), DecodeError::BadPdf(_)));
    assert_eq!(err(b"\x7FELF\x02\x01\x01", "a.out"), DecodeError::Binary);
    assert_eq!(err(b"\x1F\x8B\x08\x00\x00\x00", "a.txt.gz"), DecodeError::Binary);
    // Random bytes with NULs.
    for seed in 0..20 {
        let bytes = noise(4096, seed);
        assert!(bytes.contains(&0));
        assert_eq!(err(&bytes, "random.bin"), DecodeError::Binary, "seed {seed}");
        assert_eq!(err(&bytes, "random.txt"), DecodeError::Binary, "seed {seed}");
    }
    // A text with a NUL in the middle, and one full of control characters.
    assert_eq!(err("正文\0正文".as_bytes(), "a.txt"), DecodeError::Binary);
    let controls: Vec<u8> = (0..400u32).map(|i| if i % 5 == 0 { 0x01 + (i % 7) as u8 } else { b'a' }).collect();
    assert_eq!(err(&controls, "a.txt"), DecodeError::Binary);
}

#[test]
fn trailing_nul_padding_is_tolerated() {
    let mut bytes = "正文内容".as_bytes().to_vec();
    bytes.extend([0u8; 16]);
    assert_eq!(ok(&bytes, "a.txt").text, "正文内容");
}

#[test]
fn zip_files() {
    let zip = read(&bundled_path("readme.zip"));
    assert_eq!(err(&zip, "archive.zip"), DecodeError::Binary, "a zip that is not a Word document");
    assert_eq!(err(b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", "empty.zip"), DecodeError::Binary);
    assert!(matches!(err(&zip, "report.docx"), DecodeError::BadDocx(_)));
    assert!(matches!(err("纯文本".as_bytes(), "report.docx"), DecodeError::BadDocx(_)));
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
    assert!(matches!(err(ole, "old.doc"), DecodeError::BadDoc(_)), "a compound file cut short");
    let e = err(ole, "old.docx");
    assert!(e.to_string().contains(".doc"), "{e}");
    let mut cut = docx(true);
    cut.truncate(cut.len() - 30);
    assert!(matches!(err(&cut, "cut.docx"), DecodeError::BadDocx(_)));
}

#[test]
fn error_messages() {
    assert_eq!(DecodeError::Empty.to_string(), "empty file");
    assert_eq!(DecodeError::Binary.to_string(), "binary file, not text");
    assert_eq!(
        DecodeError::TooLarge { size: 12_900_000, limit: 10 * 1024 * 1024 }.to_string(),
        "file too large (12.3 MB, limit 10 MB)"
    );
    assert_eq!(
        DecodeError::TooLarge { size: 60 * 1024 * 1024, limit: DEFAULT_LIMIT }.to_string(),
        "file too large (60 MB, limit 50 MB)"
    );
    assert_eq!(DecodeError::UnknownEncoding.to_string(), "unknown text encoding: save the file as UTF-8 and try again");
    assert!(DecodeError::BadDocx("x".into()).to_string().contains("docx"));
    let boxed: Box<dyn std::error::Error> = Box::new(DecodeError::Empty);
    assert_eq!(boxed.to_string(), "empty file");
}

// ---------------------------------------------------------------------------
// Encodings

const TRADITIONAL: &str = "臺北市政府今天宣布，明年度將投入新臺幣三十億元，推動老舊社區更新與公共住宅興建計畫。\n\
    市長表示，這項計畫預計在五年內完成，並將優先照顧弱勢家庭與青年族群。\r\n\
    議員則關心經費來源與執行進度，希望市府定期向議會報告。";

#[test]
fn big5() {
    let (bytes, _, unmappable) = encoding_rs::BIG5.encode(TRADITIONAL);
    assert!(!unmappable);
    let d = ok(&bytes, "新聞.txt");
    assert_eq!(d.encoding, "Big5");
    assert_eq!(d.text, expected(TRADITIONAL.as_bytes()));
    // Short texts too, where a statistical detector has little to go on.
    for short in ["中文", "臺灣", "這是一個測試。", "新臺幣三十億元"] {
        let (bytes, _, _) = encoding_rs::BIG5.encode(short);
        let d = ok(&bytes, "short.txt");
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (short, "Big5"));
    }
}

#[test]
fn gbk_short_and_long() {
    for text in [
        "中文",
        "中",
        "数据",
        "今年全市地区生产总值增长百分之五。",
        "增长5%",
        "鸡西 奋战120天项目建设保“三率”\r\n稳就业，稳投资……",
    ] {
        let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
        assert!(!unmappable);
        let d = ok(&bytes, "a.txt");
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (expected(text.as_bytes()).as_str(), "GB18030"), "{text}");
    }
    // Characters outside GBK need GB18030's four-byte sequences.
    let text = "€ 和 𠀀 和 ㄅ，都能读。";
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    assert_eq!(ok(&bytes, "a.txt").text, text);
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if big_endian { [0xFE, 0xFF] } else { [0xFF, 0xFE] });
    }
    for unit in text.encode_utf16() {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

#[test]
fn utf16_with_and_without_bom() {
    let text = "第一段：2023年投资12.5亿元。\r\n\r\n第二段 (second) 😀 结束。\r";
    let want = "第一段：2023年投资12.5亿元。\n\n第二段 (second) 😀 结束。\n";
    let d = ok(&utf16(text, true, true), "a.txt");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (want, "UTF-16BE"));
    let d = ok(&utf16(text, false, true), "a.txt");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (want, "UTF-16LE"));
    let d = ok(&utf16(text, false, false), "a.txt");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (want, "UTF-16LE"));
    let d = ok(&utf16(text, true, false), "a.txt");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (want, "UTF-16BE"));
    // UTF-16 HTML is sniffed after decoding.
    let d = ok(&utf16("<!DOCTYPE html><p>你好&amp;再见</p>", false, true), "page");
    assert_eq!((d.text.as_str(), d.format), ("你好&再见", Format::Html));
}

#[test]
fn utf8_always_wins() {
    // Short texts that a statistical detector alone could misjudge.
    for text in ["中", "中文", "é", "ok", "Café", "¥100", "“引号”", "１２３", "ÀÉ", "€"] {
        let d = ok(text.as_bytes(), "a.txt");
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, "UTF-8"), "{text}");
    }
    let d = ok("\u{feff}中文\r\n".as_bytes(), "a.txt");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), ("中文\n", "UTF-8 (BOM)"));
    // A UTF-8 file cut in the middle of its last character is still UTF-8.
    let text = "今年全市地区生产总值增长百分之五，就业形势总体稳定。".repeat(3);
    let cut = &text.as_bytes()[..text.len() - 1];
    let d = ok(cut, "a.txt");
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.text.starts_with("今年全市"));
}

#[test]
fn line_ends() {
    let d = ok(b"a\r\nb\rc\n\r\nd", "a.txt");
    assert_eq!(d.text, "a\nb\nc\n\nd");
    assert_eq!(d.format, Format::Text);
}

#[test]
fn undecodable_is_unknown_encoding() {
    // UTF-16 by its mark, but full of unpaired surrogates.
    let mut bytes = vec![0xFF, 0xFE];
    for _ in 0..100 {
        bytes.extend([0x00, 0xD8, 0x41, 0x00, 0x2D, 0x4E]);
    }
    assert_eq!(err(&bytes, "a.txt"), DecodeError::UnknownEncoding);
}

#[test]
fn a_utf8_mark_on_gbk_text_is_ignored() {
    let text = "鸡西 奋战120天项目建设保“三率”，稳就业，稳投资，保民生，保市场主体。";
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(encoding_rs::GBK.encode(text).0.iter());
    let d = ok(&bytes, "a.txt");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, "GB18030"));
}

#[test]
fn other_legacy_encodings() {
    let french = "Le conseil municipal a voté mercredi un budget de 3,2 millions d'euros pour la rénovation \
        de l'école élémentaire. « C'est une priorité », a déclaré la maire, qui espère que les travaux \
        seront achevés avant la rentrée. Les élèves déménageront provisoirement dans des préfabriqués.";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(french);
    assert!(!unmappable);
    let d = ok(&bytes, "a.txt");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (french, "windows-1252"));
    // Japanese and Korean legacy encodings are not detected from the content
    // (only declared, in HTML): the error asks for UTF-8.
    for (text, enc) in [(JAPANESE, encoding_rs::SHIFT_JIS), (KOREAN, encoding_rs::EUC_KR)] {
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable);
        let e = err(&bytes, "a.txt");
        assert_eq!(e, DecodeError::UnknownEncoding, "{}", enc.name());
        assert!(e.to_string().contains("save the file as UTF-8"), "{e}");
    }
}

const JAPANESE: &str = "東京都は今日、来年度の予算案を発表しました。子育て支援や防災対策に重点を置き、\
    総額は過去最大となる見通しです。知事は記者会見で、都民の生活を守るための投資だと説明しました。";
const KOREAN: &str = "서울시는 오늘 내년도 예산안을 발표했습니다. 복지와 교통 분야에 중점을 두었으며, \
    총액은 역대 최대 규모가 될 전망입니다. 시장은 기자회견에서 시민의 삶을 지키기 위한 투자라고 설명했습니다.";

/// Texts without a declaration: (encoding label, text, the encoding `decode`
/// reports, or `None` for `UnknownEncoding`).
const DETECTION: &[(&str, &str, Option<&str>)] = &[
    // Western European text → windows-1252.
    (
        "windows-1252",
        "Le chiffre d’affaires a progressé de 12 % en 2023 pour atteindre 3,5 millions d’euros.\n\
         Les dépenses ont baissé à 450 000 € ; l’entreprise emploie 120 salariés à Besançon — « une année record ».\n",
        Some("windows-1252"),
    ),
    (
        "windows-1252",
        "L’État a décidé\u{a0}: «\u{a0}l’été sera chaud\u{a0}» selon l’énergéticien. Qu’à cela ne tienne\u{a0}! \
         Où êtes-vous\u{a0}? À bientôt, dit l’élève à l’éditeur.",
        Some("windows-1252"),
    ),
    (
        "iso-8859-1",
        "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für Wärmepumpen zu erhöhen. \
         Künftig übernimmt der Staat bis zu 70 Prozent der Kosten. Der Minister sagte, die Maßnahme \
         sei ein wichtiger Schritt. Äußerst wichtig sei die Überprüfung.",
        Some("windows-1252"),
    ),
    (
        "windows-1252",
        "O governo anunciou nesta quarta-feira um novo pacote de medidas para a educação. As ações \
         incluem a construção de escolas e a ampliação das informações disponíveis à população. Não há previsão.",
        Some("windows-1252"),
    ),
    (
        "windows-1252",
        "El ayuntamiento aprobó ayer un nuevo hospital. ¿Cuándo estará listo? «Es una inversión histórica», afirmó el año pasado.",
        Some("windows-1252"),
    ),
    (
        "windows-1252",
        "The company’s revenue rose 12% to $3.5 million – a record – and the CEO said “we’re only getting started.”",
        Some("windows-1252"),
    ),
    ("windows-1252", "Café", Some("windows-1252")),
    // GBK, short and long → GB18030.
    ("gbk", "中文", Some("GB18030")),
    ("gbk", "数据增长5%", Some("GB18030")),
    (
        "gbk",
        "鸡西市委市府盯紧项目建设目标任务，抢抓项目建设黄金期，集中精力，集中资源，打响百大项目建设百日会战。\
         从7月10日到11月10日，全市上下奋战120天，确保百大项目开复工率100%，确保百大项目投资完成率超80%。",
        Some("GB18030"),
    ),
    // Big5, short and long → Big5.
    ("big5", "臺灣", Some("Big5")),
    ("big5", "這是一個測試。", Some("Big5")),
    (
        "big5",
        "香港特區政府統計處今日發表的數字顯示，今年第三季本地生產總值按年實質上升百分之四點一。\
         私人消費開支隨著訪港旅客人數回升而增加，貨物出口則因外圍需求疲弱而下跌。政府發言人指出，勞工市場維持緊張。",
        Some("Big5"),
    ),
    (
        "big5",
        "我們學校的圖書館經過一年的整修，終於在這個學期重新開放了。新的閱覽室寬敞明亮，座位增加了一倍，\
         還設有電腦區和小組討論室。館長說，希望同學們多利用這個空間，養成閱讀的習慣。",
        Some("Big5"),
    ),
    // Japanese and Korean without a declaration → UnknownEncoding.
    ("shift_jis", "日本語", None),
    ("shift_jis", JAPANESE, None),
    (
        "shift_jis",
        "カタカナの多い文章：コンピュータ、インターネット、スマートフォン、アプリケーション、データベース、\
         セキュリティ、クラウドサービス、ネットワーク、ソフトウェア、ハードウェア。",
        None,
    ),
    ("euc-jp", JAPANESE, None),
    (
        "euc-jp",
        "私は毎朝六時に起きて、近くの公園を散歩します。春になると桜が咲いて、とてもきれいです。\
         散歩の後は、コーヒーを飲みながら新聞を読みます。",
        None,
    ),
    ("euc-kr", KOREAN, None),
    (
        "euc-kr",
        "나는 매일 아침 여섯 시에 일어나서 근처 공원을 산책한다. 봄이 되면 벚꽃이 피어서 아주 아름답다. \
         산책을 마치면 커피를 마시면서 신문을 읽는다.",
        None,
    ),
    // Cyrillic without a declaration is not taken for windows-1252.
    (
        "windows-1251",
        "Городской совет в среду утвердил бюджет на ремонт школы. Работы завершатся до начала учебного года.",
        None,
    ),
];

#[test]
fn detection_from_content() {
    for &(label, text, want) in DETECTION {
        let enc = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable, "{label}: {text}");
        match (decode(&bytes, "a.txt", DEFAULT_LIMIT), want) {
            (Ok(d), Some(want)) => {
                assert_eq!(
                    (d.text.as_str(), d.encoding.as_str()),
                    (expected(text.as_bytes()).as_str(), want),
                    "{label}"
                )
            }
            (Err(e), None) => assert_eq!(e, DecodeError::UnknownEncoding, "{label}: {text}"),
            (got, want) => panic!("{label}: {text}\nwant {want:?}, got {got:?}"),
        }
    }
}

#[test]
fn binary_like_text_is_unknown_encoding() {
    // Pseudo-random bytes without NULs or control characters.
    for seed in 0..20 {
        let bytes: Vec<u8> = noise(4096, seed).into_iter().map(|b| if b < 0x20 { b | 0x40 } else { b }).collect();
        assert_eq!(err(&bytes, "random.txt"), DecodeError::UnknownEncoding, "seed {seed}");
    }
}

#[test]
fn undeclared_korean_page_is_unknown_encoding() {
    // Markup makes the high bytes a minority, as in Western text; but they come
    // in pairs, not among ASCII letters.
    let body: String =
        KOREAN.split(' ').map(|w| format!("<span class=\"word\" style=\"color: black\">{w}</span> ")).collect();
    let page = format!("<!DOCTYPE html><html><head><title>news</title></head><body><p>{body}</p></body></html>");
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(&page);
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    assert!(high * 3 <= bytes.len(), "{high} of {}", bytes.len());
    assert_eq!(err(&bytes, "news.html"), DecodeError::UnknownEncoding);
}

#[test]
fn declared_japanese_and_korean_pages_decode() {
    let text = "東京都は今日、来年度の予算案を発表しました。";
    for (meta, enc) in [
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", encoding_rs::SHIFT_JIS),
        ("<meta charset=\"euc-jp\">", encoding_rs::EUC_JP),
    ] {
        let page =
            format!("<!DOCTYPE html><html><head>{meta}<title>ニュース</title></head><body><p>{text}</p></body></html>");
        let (bytes, _, _) = enc.encode(&page);
        let d = ok(&bytes, "news.html");
        assert_eq!((d.text.as_str(), d.encoding.as_str(), d.format), (text, enc.name(), Format::Html));
    }
    let page = format!("<html><head><meta charset=euc-kr></head><body><p>{KOREAN}</p></body></html>");
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(&page);
    let d = ok(&bytes, "page");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (KOREAN, "EUC-KR"));
}

// ---------------------------------------------------------------------------
// HTML

#[test]
fn html_by_name_and_by_content() {
    let page = "<!DOCTYPE html><html><body><p>正文</p></body></html>";
    for name in ["a.html", "a.HTM", "a.xhtml", "page", "page.txt", "a.php"] {
        let d = ok(page.as_bytes(), name);
        assert_eq!((d.text.as_str(), d.format), ("正文", Format::Html), "{name}");
    }
    let d = ok(b"  <html lang=zh><p>x</p>", "x");
    assert_eq!(d.format, Format::Html);
    // A text that merely mentions tags stays text.
    let d = ok("用 <p> 标记段落。".as_bytes(), "note.txt");
    assert_eq!((d.text.as_str(), d.format), ("用 <p> 标记段落。", Format::Text));
    // An .html file without a doctype is still HTML.
    let d = ok(b"<p>a</p><p>b</p>", "frag.htm");
    assert_eq!((d.text.as_str(), d.format), ("a\n\nb", Format::Html));
}

#[test]
fn html_entities() {
    let page = "<p>&ldquo;三抓&rdquo;&mdash;&mdash;A&amp;B &lt;tag&gt; &quot;q&quot; 1&nbsp;2&hellip;&middot;&#20013;&#x56FD;&#X4E2D; &copy; &yen;5 &unknown; &amp</p>";
    let d = ok(page.as_bytes(), "a.html");
    assert_eq!(d.text, "“三抓”——A&B <tag> \"q\" 1 2…·中国中 © ¥5 &unknown; &");
}

#[test]
fn html_breaks() {
    let page = "<div>第一行<br>第二行<br/>第三行</div>\
        <p>  段落一  </p>\n\n\n<p>段落二<br><br><br><br>段落三</p>\
        <h2>标题</h2><ul><li>甲</li><li>乙</li></ul>\
        <div><div><div>深处</div></div></div>\
        <p>&nbsp;&nbsp;　　缩进的段落</p><p>\n   </p><p></p><p>末尾</p>";
    let d = ok(page.as_bytes(), "a.html");
    assert_eq!(
        d.text,
        "第一行\n第二行\n第三行\n\n段落一\n\n段落二\n\n段落三\n\n标题\n\n甲\n乙\n\n深处\n\n缩进的段落\n\n末尾"
    );
}

#[test]
fn html_drops_furniture() {
    let page = r#"<!DOCTYPE html><html><head><title>标题 - 某某网</title>
        <style>p{color:red}</style><script>var a = "<p>脚本</p>";</script></head>
        <body>
        <header><div class="logo">某某网</div></header>
        <div id="breadcrumb"><a href="/">首页</a> &gt; 新闻</div>
        <div class="main-menu"><a href="/1">菜单一</a><a href="/2">菜单二</a></div>
        <h1>文章标题</h1>
        <p>第一段正文，内容比较长，讲述了事情的经过。</p>
        <!-- <p>注释里的段落</p> -->
        <noscript>请启用脚本</noscript>
        <ul><li><a href="/x">链接列表一</a></li><li><a href="/y">链接列表二</a></li></ul>
        <form><input name=q><button>搜索按钮</button>表单文字</form>
        <p>第二段正文，同样是文章内容。</p>
        <ul><li>正文列表项一</li><li>正文列表项二</li></ul>
        <div class="share-box">分享到微博</div>
        <aside>侧栏文字</aside>
        <div class="sidebar">侧边栏文字</div>
        <div style="display: none">隐藏文字</div>
        <div class="copyright">版权声明文字</div>
        <nav><a href="/">导航文字</a></nav>
        <footer>页脚文字</footer>
        </body></html>"#;
    let d = ok(page.as_bytes(), "page.html");
    assert_eq!(
        d.text,
        "文章标题\n\n第一段正文，内容比较长，讲述了事情的经过。\n\n第二段正文，同样是文章内容。\n\n正文列表项一\n正文列表项二"
    );
}

#[test]
fn html_prefers_the_article_element() {
    let page = r#"<html><body>
        <div class="top">网站名称 热线电话 010-12345678 欢迎访问本站</div>
        <div class="info">这是一段不属于文章的介绍文字，虽然不是链接但也不是正文内容。</div>
        <article><h1>真正的标题</h1><p>文章第一段，这里有足够多的文字来成为页面的主体。</p>
        <p>文章第二段，继续讲述，内容同样充实而且很长很长。</p></article>
        <div>页面底部的其他文字</div>
        </body></html>"#;
    let d = ok(page.as_bytes(), "a.html");
    assert_eq!(
        d.text,
        "真正的标题\n\n文章第一段，这里有足够多的文字来成为页面的主体。\n\n文章第二段，继续讲述，内容同样充实而且很长很长。"
    );

    // A content class, with the page's <h1> before it kept as the title.
    let page = r#"<html><body><div class="header-bar">站点介绍文字若干，不是正文。</div>
        <h1>标题在外面</h1><div class="meta">2020-01-01 来源：某报</div>
        <div id="articleContent"><p>正文第一段落，有很多很多的文字内容。</p><p>正文第二段落，也有很多文字内容。</p></div>
        <div class="other">其他无关的文字内容放在这里。</div></body></html>"#;
    let d = ok(page.as_bytes(), "a.html");
    assert_eq!(d.text, "标题在外面\n\n正文第一段落，有很多很多的文字内容。\n\n正文第二段落，也有很多文字内容。");
}

#[test]
fn html_form_wrapping_the_whole_page_is_kept() {
    // ASP.NET pages put everything inside one <form>.
    let page = r#"<html><body><form id="form1" method="post"><div class="nav"><a href="/">首页</a></div>
        <p>正文第一段，内容很长很长很长很长很长很长。</p><p>正文第二段，内容也很长很长很长很长。</p>
        <input type="hidden" name="__VIEWSTATE" value="abc"></form></body></html>"#;
    let d = ok(page.as_bytes(), "a.aspx");
    assert_eq!(d.text, "正文第一段，内容很长很长很长很长很长很长。\n\n正文第二段，内容也很长很长很长很长。");
}

#[test]
fn html_meta_charset() {
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>标题</title></head>\
        <body><p>“三抓”“三早”在行动，总投资95.94亿元。</p></body></html>";
    let (bytes, _, _) = encoding_rs::GBK.encode(page);
    let d = ok(&bytes, "a.htm");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), ("“三抓”“三早”在行动，总投资95.94亿元。", "GB18030"));

    let page = "<!DOCTYPE html><meta charset=big5><p>這是一個測試。</p>";
    let (bytes, _, _) = encoding_rs::BIG5.encode(page);
    let d = ok(&bytes, "page");
    assert_eq!((d.text.as_str(), d.encoding.as_str(), d.format), ("這是一個測試。", "Big5", Format::Html));

    // A wrong declaration loses to the content: GBK bytes that say ISO-8859-1.
    let page = "<html><head><meta charset=iso-8859-1></head><body><p>今年全市地区生产总值增长百分之五，就业形势总体稳定。</p></body></html>";
    let (bytes, _, _) = encoding_rs::GBK.encode(page);
    let d = ok(&bytes, "a.html");
    assert_eq!(
        (d.text.as_str(), d.encoding.as_str()),
        ("今年全市地区生产总值增长百分之五，就业形势总体稳定。", "GB18030")
    );

    // Valid UTF-8 wins over any declaration.
    let page = "<meta charset=gbk><p>中文</p>";
    let d = ok(page.as_bytes(), "a.html");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), ("中文", "UTF-8"));
}

#[test]
fn html_table_layout_page_in_gb2312() {
    // An older government site: table layout, a navigation row, the title in
    // a cell, the text in a TRS_Editor div, a side column of links and a footer.
    let page = r#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于做好2020年春耕生产工作的通知_某某市人民政府</title><script language="javascript" src="x.js"></script></head>
<body topmargin=0>
<table width=1000 align=center><tr><td><img src=logo.gif></td></tr>
<tr><td class="daohang"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/xw">新闻中心</a> | <a href="/bs">办事服务</a></td></tr></table>
<table width=1000><tr><td width=700 valign=top>
 <table width=100%><tr><td>当前位置：<a href="/">首页</a> &gt; <a href="/xw">新闻中心</a> &gt; 正文</td></tr>
 <tr><td class="title" align=center>关于做好2020年春耕生产工作的通知</td></tr>
 <tr><td align=center>发布时间：2020-03-01　来源：市农业农村局　浏览次数：<script>document.write(123)</script></td></tr>
 <tr><td><div class="TRS_Editor"><p>　　各县（市、区）农业农村局：</p>
 <p>　　为切实做好今年春耕生产工作，确保粮食播种面积稳定在500万亩以上，现将有关事项通知如下。</p>
 <p>　　一、提高思想认识。春耕生产是全年农业生产的基础，各地要高度重视。</p>
 <p>　　二、加强物资保障。全市已储备化肥12万吨、种子3000吨。</p></div></td></tr>
 <tr><td align=right>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table>
</td><td width=300 valign=top class="right">
  <div class="box"><div class="tit">热点新闻</div><ul><li><a href=1>市长调研春耕工作</a></li><li><a href=2>全市召开农业工作会议</a></li></ul></div>
</td></tr></table>
<div class="bottom">主办单位：某某市人民政府办公室　地址：某某路1号<br><a href=map>网站地图</a>　<a href=lx>联系我们</a></div>
</body></html>"#;
    let (bytes, _, _) = encoding_rs::GBK.encode(page);
    let d = ok(&bytes, "t20200301_123.htm");
    assert_eq!(d.encoding, "GB18030");
    assert_eq!(
        d.text,
        "关于做好2020年春耕生产工作的通知\n\n各县（市、区）农业农村局：\n\n\
         为切实做好今年春耕生产工作，确保粮食播种面积稳定在500万亩以上，现将有关事项通知如下。\n\n\
         一、提高思想认识。春耕生产是全年农业生产的基础，各地要高度重视。\n\n\
         二、加强物资保障。全市已储备化肥12万吨、种子3000吨。"
    );
}

#[test]
fn html_br_paragraphs_and_link_columns() {
    let page = "<html><body><div id=\"main\"><div class=\"left\"><div id=\"zoom\"><font size=3>\
        \u{3000}\u{3000}第一段用br分隔的文字，内容很长很长很长很长很长。<br><br>　　第二段文字，依然很长很长很长很长很长。<br><br>　　第三段文字。\
        </font></div></div><div class=\"right\"><div class=\"list\"><a href=1>链接一</a><br><a href=2>链接二</a><br>\
        <a href=3>链接三</a><br><a href=4>链接四</a></div></div></div></body></html>";
    let d = ok(page.as_bytes(), "a.html");
    assert_eq!(
        d.text,
        "第一段用br分隔的文字，内容很长很长很长很长很长。\n\n第二段文字，依然很长很长很长很长很长。\n\n第三段文字。"
    );
}

#[test]
fn html_odd_markup() {
    // Upper-case tags, unquoted attributes, a `>` in a quoted attribute, `<` in text,
    // preformatted text, an unclosed comment at the end.
    let page =
        "<HTML><BODY><P CLASS=x TITLE=\"a>b\">1 < 2 &AMP; 3 > 2</P><PRE>  缩进\n    代码</PRE><P>尾</P><!-- 未闭合";
    let d = ok(page.as_bytes(), "a.html");
    assert_eq!(d.text, "1 < 2 & 3 > 2\n\n缩进\n代码\n\n尾");
    // A `<head>` left open does not swallow the page.
    let d = ok("<html><head><title>标题</title><body><p>正文</p>".as_bytes(), "a.html");
    assert_eq!(d.text, "正文");
    let d = ok("<html><head><meta charset=utf-8><div class=content><p>正文</p></div>".as_bytes(), "a.html");
    assert_eq!(d.text, "正文");
    // Text split across source lines: no space between Chinese characters.
    let d = ok("<p>第一行\n    第二行 and\n    English</p>".as_bytes(), "a.html");
    assert_eq!(d.text, "第一行第二行 and English");
}

#[test]
fn valid_utf8_with_replacement_characters_stays_utf8() {
    let text = "损坏的字符：\u{fffd}\u{fffd}\u{fffd}\u{fffd}";
    let d = ok(text.as_bytes(), "a.txt");
    assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, "UTF-8"));
}

#[test]
fn pathological_markup_stays_linear() {
    // Thousands of unclosed elements and stray end tags.
    let mut page = String::from("<html><body>");
    for i in 0..20_000 {
        page.push_str(&format!("<font><span>字{i}</div></p>"));
    }
    let start = std::time::Instant::now();
    let d = ok(page.as_bytes(), "a.html");
    assert!(d.text.starts_with("字0字1"));
    assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
}

// ---------------------------------------------------------------------------
// docx

/// A Word document (fixture files made with Python's `zipfile`), its
/// entries deflated or stored.
fn docx(deflate: bool) -> Vec<u8> {
    read(&bundled_path(if deflate { "report-deflated.docx" } else { "report-stored.docx" }))
}

#[test]
fn docx_documents() {
    let want =
        "项目建设抢进度\n今年，东丰县拟实施500万元以上项目80个，总投资95.94亿元&更多。\n\n第二段\n换行之后\n表格";
    for deflate in [false, true] {
        let bytes = docx(deflate);
        let d = ok(&bytes, "报告.docx");
        assert_eq!((d.text.as_str(), d.encoding.as_str(), d.format), (want, "UTF-8", Format::Docx));
        // Recognised by content too.
        assert_eq!(ok(&bytes, "download").format, Format::Docx);
    }
}

// ---------------------------------------------------------------------------
// Serialisation and speed

#[test]
fn serde_round_trip() {
    let d = ok("中文".as_bytes(), "a.txt");
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Decoded>(&json).unwrap(), d);
    let e = DecodeError::TooLarge { size: 2, limit: 1 };
    assert_eq!(serde_json::from_str::<DecodeError>(&serde_json::to_string(&e).unwrap()).unwrap(), e);
}

/// 10 MB of each kind; run with `cargo test --release -p shudu-core --test decode -- --ignored`.
#[test]
#[ignore = "timing; meaningful in release builds"]
fn ten_megabytes_decode_quickly() {
    use std::time::Instant;
    let seed = expected(&read(&bundled_path(ENCODED[0].1)));
    let mut text = String::new();
    while text.len() < 10 << 20 {
        text.push_str(&seed);
    }
    let html: String = seed
        .lines()
        .map(|l| format!("<p class=\"x\">{l}</p>\r\n"))
        .collect::<String>()
        .repeat(10 * 1024 * 1024 / seed.len());
    let gb = encoding_rs::GB18030.encode(&text).0.into_owned();
    for (name, bytes) in [("utf8.txt", text.as_bytes()), ("gb.txt", &gb), ("page.html", html.as_bytes())] {
        let start = Instant::now();
        let d = ok(bytes, name);
        let took = start.elapsed();
        println!("{name}: {} bytes in {took:?}", bytes.len());
        assert!(!d.text.is_empty());
        assert!(took.as_secs_f64() < 1.0, "{name} took {took:?}");
    }
}
