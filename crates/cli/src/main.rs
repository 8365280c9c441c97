//! `shudu`: the engine from the command line.

use shudu_core::{Engine, Figure, export};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
shudu — find every figure in Chinese articles

USAGE:
  shudu figures [--json | --csv] FILE|DIR|- ...
      Figures stated in the text: money, percentages, counts, quantities,
      durations, dates and ranks, normalised (14.8亿元 → 1480000000 元).
      One FILE: prints {\"figures\": [...]} (offsets count characters).
      Several files or a directory: one JSON object per file per line
      (JSON Lines), or one CSV table with --csv. `-` reads standard input.
  shudu segment FILE|-
      The words of the text (jieba), one per line: word<TAB>tag<TAB>start<TAB>end.
  shudu number TEXT
      The value of a written number: 四亿五千六百四十二万零一十五 → 456420015.
  shudu --help
      This text.

Files may be plain text, HTML or .docx; UTF-8, UTF-16, GB18030/GBK, Big5 or windows-1252
(other encodings when an HTML page declares them).
";

/// What went wrong, said in one line.
#[derive(Debug)]
enum CliError {
    Usage(String),
    Read(PathBuf, std::io::Error),
    Decode(PathBuf, String),
    NotANumber(String),
    Write(std::io::Error),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(m) => write!(f, "{m} (see `shudu --help`)"),
            CliError::Read(p, e) => write!(f, "cannot read {}: {}", p.display(), e),
            CliError::Decode(p, e) => write!(f, "{}: {}", p.display(), e),
            CliError::NotANumber(t) => write!(f, "not a number: {t}"),
            CliError::Write(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("shudu: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, CliError> {
    let Some(cmd) = args.first() else {
        print!("{HELP}");
        return Err(CliError::Usage("no command given".into()));
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "-h" | "--help" | "help" => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        "figures" => figures(rest),
        "segment" => segment(rest),
        "number" => number(rest),
        other => Err(CliError::Usage(format!("unknown command `{other}`"))),
    }
}

fn number(args: &[String]) -> Result<ExitCode, CliError> {
    let text = args.join(" ");
    if text.trim().is_empty() {
        return Err(CliError::Usage("`number` needs the text of a number".into()));
    }
    let v = shudu_core::numeral::parse_number(&text).ok_or(CliError::NotANumber(text))?;
    println!("{}", export::plain_number(v));
    Ok(ExitCode::SUCCESS)
}

/// Read one input as text: a path, or `-` for standard input.
fn read_text(path: &Path) -> Result<String, CliError> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| CliError::Read(path.into(), e))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| CliError::Read(path.into(), e))?
    };
    decode(path, &bytes)
}

fn decode(path: &Path, bytes: &[u8]) -> Result<String, CliError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    shudu_core::decode::decode(bytes, &name, shudu_core::decode::DEFAULT_LIMIT)
        .map(|d| d.text)
        .map_err(|e| CliError::Decode(path.into(), e.to_string()))
}

fn segment(args: &[String]) -> Result<ExitCode, CliError> {
    let [path] = args else {
        return Err(CliError::Usage("`segment` takes one FILE (or -)".into()));
    };
    let text = read_text(Path::new(path))?;
    let engine = Engine::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for t in engine.tag(&text) {
        let word = t.word(&text);
        if word.trim().is_empty() {
            continue;
        }
        writeln!(out, "{}\t{}\t{}\t{}", word, t.tag, t.start, t.end).map_err(CliError::Write)?;
    }
    out.flush().map_err(CliError::Write)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
}

fn figures(args: &[String]) -> Result<ExitCode, CliError> {
    let mut format = Format::Json;
    let mut inputs = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" => format = Format::Json,
            "--csv" => format = Format::Csv,
            s if s.starts_with("--") => return Err(CliError::Usage(format!("unknown option `{s}`"))),
            s => inputs.push(PathBuf::from(s)),
        }
    }
    if inputs.is_empty() {
        return Err(CliError::Usage("`figures` needs a FILE, a directory or -".into()));
    }
    let single = inputs.len() == 1 && !inputs[0].is_dir();
    let engine = Engine::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if single && format == Format::Json {
        let text = read_text(&inputs[0])?;
        let figures = engine.figures(&text);
        serde_json::to_writer(&mut out, &export::figures_json(&figures)).map_err(|e| CliError::Write(e.into()))?;
        writeln!(out).map_err(CliError::Write)?;
        out.flush().map_err(CliError::Write)?;
        return Ok(ExitCode::SUCCESS);
    }
    let files = expand(&inputs)?;
    let mut failed = 0;
    if format == Format::Csv {
        write_csv_header(&mut out)?;
    }
    for path in &files {
        let name = path.display().to_string();
        match read_text(path) {
            Ok(text) => {
                let figures = engine.figures(&text);
                match format {
                    Format::Json => {
                        let figs: Vec<_> = figures.iter().map(export::figure_json).collect();
                        let row = serde_json::json!({ "file": name, "figures": figs });
                        serde_json::to_writer(&mut out, &row).map_err(|e| CliError::Write(e.into()))?;
                        writeln!(out).map_err(CliError::Write)?;
                    }
                    Format::Csv => write_csv_rows(&mut out, &name, &text, &figures)?,
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("shudu: {e}");
                if format == Format::Json {
                    let row = serde_json::json!({ "file": name, "error": e.to_string() });
                    serde_json::to_writer(&mut out, &row).map_err(|e| CliError::Write(e.into()))?;
                    writeln!(out).map_err(CliError::Write)?;
                }
            }
        }
    }
    out.flush().map_err(CliError::Write)?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Files named, and the files under directories named, in a stable order.
fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    for p in inputs {
        if p.is_dir() {
            walk(p, &mut files)?;
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), CliError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| CliError::Read(dir.into(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, files)?;
        } else {
            files.push(p);
        }
    }
    Ok(())
}

fn write_csv_header(out: &mut impl Write) -> Result<(), CliError> {
    writeln!(out, "{}", export::csv_line(&export::CSV_HEADER)).map_err(CliError::Write)
}

fn write_csv_rows(out: &mut impl Write, file: &str, text: &str, figures: &[Figure]) -> Result<(), CliError> {
    let chars: Vec<char> = text.chars().collect();
    for f in figures {
        let sentence = export::sentence_of(&chars, f.start, f.end);
        writeln!(out, "{}", export::csv_line(export::Row::of(file, f, &sentence).cells())).map_err(CliError::Write)?;
    }
    Ok(())
}
