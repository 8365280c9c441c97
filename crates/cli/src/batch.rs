//! A batch of inputs analysed on several threads, the results written in
//! the order of the inputs as soon as each is ready. At most a few files'
//! results are held at once (a worker waits when it is too far ahead of the
//! output), so memory is bounded by a few files' figures whatever the batch.

use crate::read::{ReadError, read_input};
use crate::walk::Input;
use shudu_core::decode::{DEFAULT_LIMIT, DecodeError, decode};
use shudu_core::{Engine, Figure};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// What became of one input.
pub(crate) enum Outcome {
    /// Analysed: its text (for the CSV's sentences) and its figures.
    Figures { text: String, figures: Vec<Figure> },
    /// Meant to be analysed and could not be: the reason.
    Failed(String),
    /// Found under a folder but not a text file (binary, not a regular
    /// file): skipped with a note, not a failure.
    Skipped(String),
}

/// Read, decode and analyse one input.
pub(crate) fn analyse(input: &Input, engine: &Engine) -> Outcome {
    let found = matches!(input, Input::Found(_));
    let bytes = match read_input(input, DEFAULT_LIMIT) {
        Ok(b) => b,
        Err(ReadError::NotRegular) if found => return Outcome::Skipped(ReadError::NotRegular.to_string()),
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let name = input.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match decode(&bytes, &name, DEFAULT_LIMIT) {
        Ok(d) => {
            drop(bytes);
            let figures = engine.figures(&d.text);
            Outcome::Figures { text: d.text, figures }
        }
        Err(DecodeError::Binary) if found => Outcome::Skipped(DecodeError::Binary.bilingual()),
        Err(e) => Outcome::Failed(e.bilingual()),
    }
}

/// How far ahead of the output the workers may go, per worker.
const AHEAD: usize = 2;

struct Window {
    /// The next input a worker will take.
    next_take: usize,
    /// The next input the output is waiting for.
    next_write: usize,
}

/// Analyse `inputs` on `threads` threads and hand each outcome to `emit` in
/// input order. Stops early (the workers finish the file they are on) if
/// `emit` fails, and returns that error.
pub(crate) fn run<E>(
    inputs: &[Input],
    engine: &Engine,
    threads: usize,
    mut emit: impl FnMut(usize, Outcome) -> Result<(), E>,
) -> Result<(), E> {
    let threads = threads.clamp(1, inputs.len().max(1));
    let ahead = threads * AHEAD;
    let window = Mutex::new(Window { next_take: 0, next_write: 0 });
    let moved = Condvar::new();
    let stop = AtomicBool::new(false);
    let (send, receive) = mpsc::channel::<(usize, Outcome)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let send = send.clone();
            let (window, moved, stop) = (&window, &moved, &stop);
            scope.spawn(move || {
                loop {
                    let i = {
                        let mut w = window.lock().unwrap_or_else(|e| e.into_inner());
                        while w.next_take >= w.next_write + ahead && !stop.load(Ordering::Relaxed) {
                            w = moved.wait(w).unwrap_or_else(|e| e.into_inner());
                        }
                        if stop.load(Ordering::Relaxed) || w.next_take >= inputs.len() {
                            return;
                        }
                        w.next_take += 1;
                        w.next_take - 1
                    };
                    // An engine failure on one file is that file's failure, not the batch's.
                    let outcome =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(&inputs[i], engine)))
                            .unwrap_or_else(|_| Outcome::Failed("the engine failed on this file".into()));
                    if send.send((i, outcome)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(send);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        let result = (|| {
            for (i, outcome) in &receive {
                waiting.insert(i, outcome);
                while let Some(outcome) = waiting.remove(&next) {
                    emit(next, outcome)?;
                    next += 1;
                    window.lock().unwrap_or_else(|e| e.into_inner()).next_write = next;
                    moved.notify_all();
                }
            }
            Ok(())
        })();
        if result.is_err() {
            // Under the lock, so that no worker is between its check and its wait.
            let _w = window.lock().unwrap_or_else(|e| e.into_inner());
            stop.store(true, Ordering::Relaxed);
            moved.notify_all();
        }
        drop(receive);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_come_in_input_order_and_an_error_stops_the_batch() {
        let inputs: Vec<Input> = (0..40).map(|i| Input::Named(format!("/no/such/{i}.txt").into())).collect();
        let mut seen = Vec::new();
        run(&inputs, shudu_core::engine(), 4, |i, o| {
            assert!(matches!(o, Outcome::Failed(_)));
            seen.push(i);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(seen, (0..40).collect::<Vec<_>>());
        let mut count = 0;
        let r = run(&inputs, shudu_core::engine(), 4, |_, _| {
            count += 1;
            if count == 3 { Err("closed") } else { Ok(()) }
        });
        assert_eq!((r, count), (Err("closed"), 3));
    }
}
