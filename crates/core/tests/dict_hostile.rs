//! Hostile packed dictionaries: whatever a file claims, unpacking it
//! allocates in proportion to its size. A counting allocator measures the
//! largest amount held at once while each file is unpacked.

// A global allocator is an `unsafe` trait: the one place a test needs it.
#![allow(unsafe_code)]

use shudu_core::lexicon::Lexicon;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// One measurement at a time (the test harness runs tests on threads).
static MEASURING: Mutex<()> = Mutex::new(());

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(held, Ordering::Relaxed);
        // SAFETY: passed on as received.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: passed on as received.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most held at once, beyond what was held before, while `f` runs.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let _one = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed) - before)
}

#[test]
fn no_file_makes_the_unpacker_allocate_out_of_proportion() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/dict-hostile");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "dict") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for chunk in [bytes.len().max(1), 7, 1] {
            let (result, peak) = peak_of(|| {
                let mut unpacking = shudu_core::dict::Unpacking::new();
                let fed = bytes.chunks(chunk).try_for_each(|c| unpacking.feed(c));
                fed.and_then(|()| unpacking.finish()).map(|l: Lexicon| l.len())
            });
            // Words can be 36 times their line (9 shared chars of 4 bytes from a
            // 2-byte line); the rest is small fixed overhead.
            let allowed = 64 * bytes.len() + 64 * 1024;
            assert!(
                peak <= allowed,
                "{}: {peak} bytes held for a {}-byte file ({result:?})",
                path.display(),
                bytes.len()
            );
        }
        seen += 1;
    }
    assert!(seen >= 3, "fixtures in {}", dir.display());
}
