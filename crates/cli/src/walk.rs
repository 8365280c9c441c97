//! The files a `figures` command names: files as given, and the files under
//! folders, walked with `walkdir` in name order. Under a folder, hidden files
//! and folders (a name starting with `.`) are skipped, symbolic links are not
//! followed unless asked (and a link loop is reported, never walked), and
//! anything that is not a regular file (a FIFO, a socket, a device) is
//! skipped with a note: it is never opened, so it cannot block or feed
//! endless bytes.

use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// One thing to analyse.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Input {
    /// A file found under a folder: a regular file when it was walked.
    Found(PathBuf),
    /// A path named on the command line (read as a stream if it is not a
    /// regular file: `<(…)`, `/dev/stdin`).
    Named(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    pub(crate) fn path(&self) -> &Path {
        match self {
            Input::Found(p) | Input::Named(p) => p,
            Input::Stdin => Path::new("-"),
        }
    }
}

/// What the walk found, and what it skipped and why (one line each).
#[derive(Default)]
pub(crate) struct Walked {
    pub(crate) inputs: Vec<Input>,
    pub(crate) notes: Vec<String>,
}

/// Expand the command line's paths.
pub(crate) fn expand(paths: &[PathBuf], follow: bool) -> Walked {
    let mut out = Walked::default();
    for p in paths {
        if p.as_os_str() == "-" {
            out.inputs.push(Input::Stdin);
        } else if p.is_dir() {
            walk(p, follow, &mut out);
        } else {
            out.inputs.push(Input::Named(p.clone()));
        }
    }
    out
}

fn is_hidden(e: &DirEntry) -> bool {
    // The folder named on the command line is walked even if hidden (`.` too).
    e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
}

fn walk(dir: &Path, follow: bool, out: &mut Walked) {
    let walker = WalkDir::new(dir).follow_links(follow).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| !is_hidden(e)) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| p.display().to_string()).unwrap_or_else(|| dir.display().to_string());
                let why = if e.loop_ancestor().is_some() {
                    "a link back to a folder above it (not followed again)".to_string()
                } else {
                    e.io_error().map_or_else(|| e.to_string(), ToString::to_string)
                };
                out.notes.push(format!("skipped {path}: {why}"));
                continue;
            }
        };
        let kind = entry.file_type();
        let path = entry.path();
        if kind.is_dir() {
            continue;
        }
        if kind.is_file() {
            out.inputs.push(Input::Found(path.to_path_buf()));
        } else if kind.is_symlink() {
            out.notes.push(format!("skipped {}: a symbolic link (--follow follows links)", path.display()));
        } else {
            out.notes.push(format!("skipped {}: not a regular file", path.display()));
        }
    }
}
