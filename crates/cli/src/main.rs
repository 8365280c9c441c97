//! `shudu`: the engine from the command line.

mod batch;
mod read;
mod walk;

use batch::Outcome;
use shudu_core::{Engine, Figure, export};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use walk::Input;

const HELP: &str = "\
shudu — find every figure in Chinese articles

USAGE:
  shudu figures [--json | --csv] [--follow] [--dict USERDICT] FILE|DIR|- ...
      Figures stated in the text: money, percentages, counts, quantities,
      durations, dates and ranks, normalised (14.8亿元 → 1480000000 元).
      One FILE: prints {\"figures\": [...]} (offsets count characters).
      Several files or a directory: one JSON object per file per line
      (JSON Lines), or one CSV table with --csv. `-` reads standard input.
      In a directory, hidden files and folders are skipped, symbolic links
      are followed only with --follow, and what is not a regular file or
      not text is skipped with a note. Exit status 0 when every text file
      was analysed, 1 when one could not be, 2 on a usage error.
  shudu segment [--dict USERDICT] FILE|-
      The words of the text (jieba), one per line: word<TAB>tag<TAB>start<TAB>end.
  --dict USERDICT (segment, figures)
      Add your own words: jieba's userdict.txt format, one `word [frequency] [tag]` a line.
  shudu text FILE|-
      The text Shudu reads in the file (PDF, .doc, .docx, HTML …), as it is analysed.
  shudu number TEXT
      The value of a written number: 四亿五千六百四十二万零一十五 → 456420015.
  shudu --help
      This text.

Files may be plain text, HTML, .docx, .doc (Word 97-2003) or PDF with a text layer; UTF-8, UTF-16, GB18030/GBK, Big5 or windows-1252
(other encodings when an HTML page declares them).
";

/// What went wrong, said in one line.
#[derive(Debug)]
enum CliError {
    Usage(String),
    Read(PathBuf, std::io::Error),
    Decode(PathBuf, String),
    UserDict(PathBuf, String),
    NotANumber(String, shudu_core::number::NumberError),
    Write(std::io::Error),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(m) => write!(f, "{m} (see `shudu --help`)"),
            CliError::Read(p, e) => write!(f, "cannot read {}: {}", p.display(), e),
            CliError::Decode(p, e) => write!(f, "{}: {}", p.display(), e),
            CliError::UserDict(p, e) => write!(f, "{}: {}", p.display(), e),
            CliError::NotANumber(t, e) => {
                // A long input is shown by its start.
                let shown: String = t.chars().take(40).collect();
                let more = if shown.len() < t.len() { "…" } else { "" };
                write!(f, "{e}: {shown}{more}")
            }
            CliError::Write(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        // The reader went away (`| head`): what it wanted was written.
        Err(CliError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
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
            std::io::stdout().lock().write_all(HELP.as_bytes()).map_err(CliError::Write)?;
            Ok(ExitCode::SUCCESS)
        }
        "figures" => figures(rest),
        "segment" => segment(rest),
        "number" => number(rest),
        "text" => text(rest),
        other => Err(CliError::Usage(format!("unknown command `{other}`"))),
    }
}

fn number(args: &[String]) -> Result<ExitCode, CliError> {
    let text = args.join(" ");
    if text.trim().is_empty() {
        return Err(CliError::Usage("`number` needs the text of a number".into()));
    }
    let v = shudu_core::number::parse(&text).map_err(|e| CliError::NotANumber(text, e))?;
    // Whole numbers as integers; others with every digit that tells them apart.
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        println!("{}", v as i64);
    } else {
        println!("{v}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Read one input as text: a path, or `-` for standard input.
fn read_text(path: &Path) -> Result<String, CliError> {
    let input = if path.as_os_str() == "-" { Input::Stdin } else { Input::Named(path.into()) };
    let bytes = read::read_input(&input, shudu_core::decode::DEFAULT_LIMIT).map_err(|e| match e {
        read::ReadError::Io(e) => CliError::Read(path.into(), e),
        e => CliError::Decode(path.into(), e.to_string()),
    })?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    shudu_core::decode::decode(&bytes, &name, shudu_core::decode::DEFAULT_LIMIT)
        .map(|d| d.text)
        .map_err(|e| CliError::Decode(path.into(), e.to_string()))
}

fn text(args: &[String]) -> Result<ExitCode, CliError> {
    let [path] = args else {
        return Err(CliError::Usage("`text` takes one FILE (or -)".into()));
    };
    let text = read_text(Path::new(path))?;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).map_err(CliError::Write)?;
    if !text.ends_with('\n') {
        writeln!(out).map_err(CliError::Write)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `--dict FILE` taken out of the arguments: the engine with those words, and the rest.
fn engine_with_dict(args: &[String]) -> Result<(Engine, Vec<String>), CliError> {
    let mut engine = Engine::new();
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--dict" {
            let path = PathBuf::from(it.next().ok_or_else(|| CliError::Usage("`--dict` needs a FILE".into()))?);
            let text = read_text(&path)?;
            let words = shudu_core::dict::user::parse(&text).map_err(|e| CliError::UserDict(path, e.to_string()))?;
            engine.add_words(&words);
        } else {
            rest.push(a.clone());
        }
    }
    Ok((engine, rest))
}

fn segment(args: &[String]) -> Result<ExitCode, CliError> {
    let (engine, args) = engine_with_dict(args)?;
    let [path] = &args[..] else {
        return Err(CliError::Usage("`segment` takes one FILE (or -)".into()));
    };
    let text = read_text(Path::new(path))?;
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
    let (engine, args) = engine_with_dict(args)?;
    let mut format = Format::Json;
    let mut follow = false;
    let mut inputs = Vec::new();
    for a in &args {
        match a.as_str() {
            "--json" => format = Format::Json,
            "--csv" => format = Format::Csv,
            "--follow" => follow = true,
            s if s.starts_with("--") => return Err(CliError::Usage(format!("unknown option `{s}`"))),
            s => inputs.push(PathBuf::from(s)),
        }
    }
    if inputs.is_empty() {
        return Err(CliError::Usage("`figures` needs a FILE, a directory or -".into()));
    }
    let single = inputs.len() == 1 && !inputs[0].is_dir();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if single && format == Format::Json {
        let text = read_text(&inputs[0])?;
        let figures = engine.figures(&text);
        write_figures_json(&mut out, None, &figures)?;
        out.flush().map_err(CliError::Write)?;
        return Ok(ExitCode::SUCCESS);
    }
    let walked = walk::expand(&inputs, follow);
    let progress = Progress::new(walked.inputs.len());
    for note in &walked.notes {
        progress.note(note);
    }
    if format == Format::Csv {
        write_csv_header(&mut out)?;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut failed = 0;
    batch::run(&walked.inputs, &engine, threads, |i, outcome| {
        let input = &walked.inputs[i];
        let name = input.path().display().to_string();
        match outcome {
            Outcome::Figures { text, figures } => match format {
                Format::Json => write_figures_json(&mut out, Some(&name), &figures)?,
                Format::Csv => write_csv_rows(&mut out, &name, &text, &figures)?,
            },
            Outcome::Skipped(why) => progress.note(&format!("skipped {name}: {why}")),
            Outcome::Failed(why) => {
                failed += 1;
                progress.note(&format!("{name}: {why}"));
                if format == Format::Json {
                    writeln!(out, "{{\"file\":{},\"error\":{}}}", json_string(&name), json_string(&why))
                        .map_err(CliError::Write)?;
                }
            }
        }
        progress.done(i + 1);
        Ok(())
    })?;
    progress.clear();
    out.flush().map_err(CliError::Write)?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn json_string(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// `{"figures":[...]}`, or `{"file":…,"figures":[...]}` as a JSON Lines row,
/// written a figure at a time (never the whole as one value).
fn write_figures_json(out: &mut impl Write, file: Option<&str>, figures: &[Figure]) -> Result<(), CliError> {
    let w = |e: std::io::Error| CliError::Write(e);
    match file {
        Some(name) => write!(out, "{{\"file\":{},\"figures\":[", json_string(name)).map_err(w)?,
        None => out.write_all(b"{\"figures\":[").map_err(w)?,
    }
    for (k, f) in figures.iter().enumerate() {
        if k > 0 {
            out.write_all(b",").map_err(w)?;
        }
        serde_json::to_writer(&mut *out, &export::figure_json(f)).map_err(|e| CliError::Write(e.into()))?;
    }
    out.write_all(b"]}\n").map_err(w)
}

/// Files done, on standard error when it is a terminal (nothing otherwise);
/// notes always, each on its own line.
struct Progress {
    total: usize,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        Progress { total, shown: total > 1 && std::io::stderr().is_terminal() }
    }

    fn note(&self, line: &str) {
        let clear = if self.shown { "\r\x1b[K" } else { "" };
        eprintln!("{clear}shudu: {line}");
    }

    fn done(&self, n: usize) {
        if self.shown {
            eprint!("\r{n} / {} 个文件 files", self.total);
        }
    }

    fn clear(&self) {
        if self.shown {
            eprint!("\r\x1b[K");
        }
    }
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
