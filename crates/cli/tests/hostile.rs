//! Folders as a careless user or an attacker leaves them: a symbolic link
//! loop, hidden files, a FIFO, a link to an endless device, a sparse file of
//! 2 GB, a binary file; and a reader that closes the pipe.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SHUDU: &str = env!("CARGO_BIN_EXE_shudu");
const ARTICLE: &str = "今年全县完成固定资产投资14.8亿元，同比增长7.5%。";

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shudu-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Run, and kill it if it has not finished in a minute (a hang is a failure
/// here, not a measurement).
fn run(args: &[&str]) -> Output {
    let child = Command::new(SHUDU).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let pid = child.id();
    let started = Instant::now();
    let watchdog = std::thread::spawn(move || {
        while started.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(100));
            if !Path::new(&format!("/proc/{pid}")).exists() {
                return;
            }
        }
        let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
    });
    let out = child.wait_with_output().unwrap();
    let _ = watchdog.join();
    out
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// A folder with one article among the traps.
fn hostile_folder() -> PathBuf {
    let dir = temp("folder");
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("article.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink("..", sub.join("loop")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink("sub/article.txt", dir.join("link.txt")).unwrap();
    std::fs::write(dir.join(".DS_Store"), b"\0\0\0\x01Bud1\0\0\x10\0").unwrap();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::write(dir.join(".git/notes.txt"), "隐藏的文件夹12个。").unwrap();
    std::fs::write(dir.join("photo.png"), [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).unwrap();
    mkfifo(&dir.join("pipe.txt"));
    dir
}

fn rows(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn a_hostile_folder_is_walked_with_the_article_analysed_once() {
    let dir = hostile_folder();
    let out = run(&["figures", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let rows = rows(&out);
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(files, [dir.join("sub/article.txt").to_str().unwrap()], "{err}");
    assert_eq!(rows[0]["figures"].as_array().unwrap().len(), 2);
    for skipped in ["pipe.txt", "zero.txt", "link.txt", "loop", "photo.png"] {
        assert!(err.lines().any(|l| l.contains("skipped") && l.contains(skipped)), "{skipped}: {err}");
    }
    assert!(!err.contains(".DS_Store") && !err.contains(".git"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn following_links_still_never_loops_nor_reads_a_device() {
    let dir = hostile_folder();
    let out = run(&["figures", "--csv", "--follow", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let csv = String::from_utf8_lossy(&out.stdout);
    // The article, and the link to it: each once, the loop not walked.
    let files: Vec<&str> = csv.lines().skip(1).filter_map(|l| l.split(',').next()).collect();
    let article = dir.join("sub/article.txt");
    let link = dir.join("link.txt");
    assert_eq!(
        files,
        [link.to_str().unwrap(); 2].iter().chain(&[article.to_str().unwrap(); 2]).copied().collect::<Vec<_>>()
    );
    assert!(err.contains("zero.txt") && err.contains("pipe.txt") && err.contains("loop"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_oversize_file_is_refused_from_its_size_and_a_named_device_read_no_further_than_the_limit() {
    let dir = temp("large");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let sparse = std::fs::File::create(dir.join("huge.txt")).unwrap();
    sparse.set_len(2 << 30).unwrap();
    let out = run(&["figures", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "a text file could not be analysed: {err}");
    assert!(err.contains("huge.txt") && err.contains("too large (2048 MB"), "{err}");
    assert_eq!(rows(&out).len(), 2);
    let out = run(&["figures", "/dev/zero", dir.join("a.txt").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/dev/zero") && err.contains("too large"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let dir = temp("pipe");
    for i in 0..50 {
        std::fs::write(dir.join(format!("{i:02}.txt")), ARTICLE.repeat(200)).unwrap();
    }
    let mut child = Command::new(SHUDU)
        .args(["figures", "--csv", dir.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, as `| head -1` does, and close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
