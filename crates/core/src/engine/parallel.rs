//! The engine's thread pool: work spread over every core natively, done on
//! this thread in WebAssembly (the browser's workers are the page's own
//! pool). Also the crate's one `unsafe`: a vector filled by several threads
//! at once, each in its own stretch.

#![allow(unsafe_code)]

use std::mem::MaybeUninit;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many threads to use for `jobs` independent jobs: one per core, at most
/// one per job (wasm: no threads, this one only).
pub(crate) fn threads(jobs: usize) -> usize {
    if jobs <= 1 {
        return 1;
    }
    #[cfg(not(target_arch = "wasm32"))]
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    #[cfg(target_arch = "wasm32")]
    let cores = 1;
    cores.min(jobs)
}

/// `work` on each job, the first on this thread and each other on a thread of its own.
pub(crate) fn run_all<J: Send>(jobs: Vec<J>, work: impl Fn(J) + Sync) {
    let mut jobs = jobs.into_iter();
    let Some(first) = jobs.next() else { return };
    #[cfg(not(target_arch = "wasm32"))]
    std::thread::scope(|s| {
        for job in jobs {
            s.spawn(|| work(job));
        }
        work(first);
    });
    #[cfg(target_arch = "wasm32")]
    {
        work(first);
        jobs.for_each(&work);
    }
}

/// `work` on each item, on as many threads as there are cores, each thread
/// also folding into a state of its own (returned, one per thread). Items
/// are handed out one at a time, so a slow one does not hold up the rest.
pub(crate) fn in_parallel<'a, I: Sync, T: Send, S: Default + Send>(
    items: &'a [I],
    work: impl Fn(&'a I, &mut S) -> T + Sync,
) -> (Vec<T>, Vec<S>) {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(items.len()));
    let states = Mutex::new(Vec::new());
    run_all((0..threads(items.len())).collect(), |_| {
        let mut state = S::default();
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(k) else { break };
            done.push((k, work(item, &mut state)));
        }
        results.lock().expect("no thread panicked").extend(done);
        states.lock().expect("no thread panicked").push(state);
    });
    let mut results = results.into_inner().expect("no thread panicked");
    results.sort_unstable_by_key(|(k, _)| *k);
    let states = states.into_inner().expect("no thread panicked");
    (results.into_iter().map(|(_, r)| r).collect(), states)
}

/// Where a job of [`fill`] writes its items, in order.
pub(crate) struct Sink<'a, T> {
    slots: std::slice::IterMut<'a, MaybeUninit<T>>,
}

impl<T> Sink<'_, T> {
    /// The next item (panics past the number the job announced).
    #[inline]
    pub(crate) fn push(&mut self, item: T) {
        self.slots.next().expect("no more items than announced").write(item);
    }
}

/// One vector of the items the `jobs` write, in job order, filled on every
/// core: each job is (its input, how many items it writes), and `work` must
/// push exactly that many into its sink (checked).
///
/// Why not collect per job and concatenate: a long text has millions of
/// tokens, and copying them is mostly first writes to fresh memory, each page
/// a fault, which is slow on one thread.
pub(crate) fn fill<J: Send, T: Send>(jobs: Vec<(J, usize)>, work: impl Fn(J, &mut Sink<'_, T>) + Sync) -> Vec<T> {
    let total = jobs.iter().map(|(_, n)| n).sum();
    let mut out: Vec<T> = Vec::with_capacity(total);
    let mut rest = &mut out.spare_capacity_mut()[..total];
    let mut stretches = Vec::with_capacity(jobs.len());
    for (job, n) in jobs {
        let (mine, after) = rest.split_at_mut(n);
        rest = after;
        stretches.push((job, mine));
    }
    run_all(stretches, |(job, stretch)| {
        let mut sink = Sink { slots: stretch.iter_mut() };
        work(job, &mut sink);
        assert!(sink.slots.next().is_none(), "every slot written");
    });
    // SAFETY: the stretches cover `out[..total]` exactly, one per job, and
    // each job wrote every slot of its own (asserted above; a panicking job
    // panics `run_all` too, so this line is then never reached).
    unsafe { out.set_len(total) };
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_keeps_job_order_and_every_item() {
        let jobs: Vec<(u32, usize)> = (0..7).map(|k| (k, k as usize * 3)).collect();
        let out = fill(jobs, |k, sink| (0..k * 3).for_each(|i| sink.push((k, i))));
        let want: Vec<(u32, u32)> = (0..7).flat_map(|k| (0..k * 3).map(move |i| (k, i))).collect();
        assert_eq!(out, want);
    }

    #[test]
    #[should_panic]
    fn a_job_that_writes_too_few_items_panics() {
        fill(vec![((), 2)], |(), sink: &mut Sink<'_, u8>| sink.push(1));
    }

    #[test]
    fn in_parallel_returns_results_in_order() {
        let items: Vec<usize> = (0..100).collect();
        let (out, states) = in_parallel(&items, |&i, n: &mut usize| {
            *n += 1;
            i * 2
        });
        assert_eq!(out, (0..100).map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(states.iter().sum::<usize>(), 100);
    }
}
