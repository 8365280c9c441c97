//! The page's heap, counted: the allocator of the page's WebAssembly (wasm32's, `System`)
//! with a count of the bytes allocated and not yet freed, which `window.shudu.heapBytes()`
//! reads (the WebAssembly memory itself never shrinks, so its size says nothing of what a
//! cleared session gave back). Only the page's binary installs it (`main.rs`); a relaxed
//! atomic add per allocation is all it costs.
//!
//! The crate's one `unsafe`: an allocator is an `unsafe` trait, each method here passing
//! its arguments on to `System`'s unchanged.

#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting live bytes.
pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// Bytes allocated through [`Counting`] and not freed.
pub fn live_bytes() -> usize {
    LIVE.load(Relaxed)
}

// SAFETY: every method is `System`'s with the same arguments, whose contract the caller
// keeps; the count is only read, never used to allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_add(new_size, Relaxed);
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_bytes_follow_allocations_and_frees() {
        // (Called directly: the tests' own allocator is the system's, uncounted, so the count
        // moves only here.)
        let before = live_bytes();
        let layout = Layout::from_size_align(1000, 8).unwrap();
        let p = unsafe { Counting.alloc(layout) };
        assert!(!p.is_null());
        assert_eq!(live_bytes(), before + 1000);
        let p = unsafe { Counting.realloc(p, layout, 3000) };
        assert_eq!(live_bytes(), before + 3000);
        unsafe { Counting.dealloc(p, Layout::from_size_align(3000, 8).unwrap()) };
        assert_eq!(live_bytes(), before);
    }
}
