//! Work over every figure of a session done in steps: a view's data (summary, chart, word
//! list, conflicts) is computed a slice at a time, each slice in its own task of at most
//! [`BUDGET_MS`], so that no task holds the page for 100 ms even with 100,000 figures (issues
//! 16 and 19). A small session is done in the first slice, in the render that asks for it.

use crate::dom::next_task;
use crate::i18n::Lang;
use crate::state::{DocRef, Docs, Row};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use yew::prelude::*;

/// Work done in one task before the page is given back (ms): with the drawing of the result,
/// well under the 100 ms of a long task, even on a loaded machine.
const BUDGET_MS: f64 = 20.0;
/// The budget of the first slice, run in the render that asks for the work (which has its
/// own cost: the view it replaces taken down, this one drawn).
const FIRST_MS: f64 = 8.0;
/// Units of work between looks at the clock.
const EVERY: u32 = 256;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The pace of a piece of work: where it stops to let the page draw and answer.
pub struct Steps {
    start: Cell<f64>,
    budget: Cell<f64>,
    count: Cell<u32>,
    /// False once the view that wants the work is gone.
    alive: Rc<Cell<bool>>,
}

impl Steps {
    fn new(alive: Rc<Cell<bool>>, budget: f64) -> Steps {
        Steps { start: Cell::new(now()), budget: Cell::new(budget), count: Cell::new(0), alive }
    }

    /// `n` units of work done: once the task has run its budget, the work goes on in a later
    /// task. None when the view is gone (the work stops: `steps.tick(1).await?`).
    pub async fn tick(&self, n: u32) -> Option<()> {
        let count = self.count.get() + n;
        if count < EVERY {
            self.count.set(count);
            return Some(());
        }
        self.count.set(0);
        if now() - self.start.get() > self.budget.get() {
            // Pending once first: work started in a render goes on in the task spawned for it,
            // whose waker the timeout below then wakes.
            YieldOnce(false).await;
            next_task().await;
            self.start.set(now());
            self.budget.set(BUDGET_MS);
        }
        self.alive.get().then_some(())
    }
}

/// A future pending once (waking its task at once), then ready.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

type Job<T> = Pin<Box<dyn Future<Output = Option<T>>>>;

/// What a view has computed, and what it is computing.
struct Slot<D, T> {
    done: Option<(D, Rc<T>)>,
    running: Option<D>,
    /// Asked for while another was running (only the latest is kept).
    wanted: Option<D>,
    alive: Rc<Cell<bool>>,
}

/// The value of `compute(deps)`, computed in steps (see [`Steps`]): the latest value done
/// (None before the first), and whether the one for these deps is still being computed. A
/// computation runs to its end even when the deps change meanwhile (as while a batch comes
/// in), then the latest deps are computed: a value is always shown, never starved.
#[hook]
pub fn use_stepped<D, T, F, Fut>(deps: D, compute: F) -> (Option<Rc<T>>, bool)
where
    D: PartialEq + Clone + 'static,
    T: 'static,
    F: Fn(D, Steps) -> Fut + 'static,
    Fut: Future<Output = Option<T>> + 'static,
{
    let update = use_force_update();
    let slot =
        use_mut_ref(|| Slot::<D, T> { done: None, running: None, wanted: None, alive: Rc::new(Cell::new(true)) });
    {
        let alive = slot.borrow().alive.clone();
        use_effect_with((), move |_| move || alive.set(false));
    }
    let compute = Rc::new(compute);
    let mut s = slot.borrow_mut();
    let current = s.done.as_ref().is_some_and(|(d, _)| *d == deps);
    if !current && s.running.as_ref() != Some(&deps) {
        if s.running.is_some() {
            s.wanted = Some(deps.clone());
        } else {
            let mut job: Job<T> = Box::pin(compute(deps.clone(), Steps::new(s.alive.clone(), FIRST_MS)));
            let waker = Waker::noop();
            match job.as_mut().poll(&mut Context::from_waker(waker)) {
                Poll::Ready(Some(v)) => s.done = Some((deps.clone(), Rc::new(v))),
                Poll::Ready(None) => {}
                Poll::Pending => {
                    s.running = Some(deps.clone());
                    run(slot.clone(), job, deps.clone(), compute, update);
                }
            }
        }
    }
    let busy = !s.done.as_ref().is_some_and(|(d, _)| *d == deps);
    (s.done.as_ref().map(|(_, v)| v.clone()), busy)
}

/// Finish a job in later tasks, then the latest one asked for meanwhile.
fn run<D, T, F, Fut>(
    slot: Rc<RefCell<Slot<D, T>>>,
    mut job: Job<T>,
    mut deps: D,
    compute: Rc<F>,
    update: UseForceUpdateHandle,
) where
    D: PartialEq + Clone + 'static,
    T: 'static,
    F: Fn(D, Steps) -> Fut + 'static,
    Fut: Future<Output = Option<T>> + 'static,
{
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            let out = job.await;
            // Drawn in a task of its own: the drawing may start other work (the chart's bars
            // once its metrics are known), whose first steps run in it.
            next_task().await;
            let alive = slot.borrow().alive.clone();
            if !alive.get() {
                return;
            }
            let next = {
                let mut s = slot.borrow_mut();
                if let Some(v) = out {
                    s.done = Some((deps.clone(), Rc::new(v)));
                }
                s.running = s.wanted.take();
                s.running.clone()
            };
            update.force_update();
            let Some(next) = next else { return };
            next_task().await;
            if !alive.get() {
                return;
            }
            deps = next;
            job = Box::pin(compute(deps.clone(), Steps::new(alive, BUDGET_MS)));
        }
    });
}

/// Every row of the session, in document order (as `Docs::all_rows`), built in steps.
pub async fn rows<'a>(docs: &'a Docs, steps: &Steps) -> Option<Vec<Row<'a>>> {
    let mut rows = Vec::with_capacity(docs.total());
    let counts: Vec<(DocRef, usize)> = docs.figs().map(|(doc, _, figs)| (doc, figs.len())).collect();
    for (doc, n) in counts {
        rows.extend((0..n).filter_map(|k| docs.row(doc, k)));
        steps.tick(n as u32).await?;
    }
    Some(rows)
}

/// Said while a view's data is being computed.
pub fn computing(lang: Lang, busy: bool) -> Html {
    if !busy {
        return Html::default();
    }
    let text = if lang == Lang::Zh { "计算中…" } else { "Computing…" };
    html! { <p class="hint" role="status" data-testid="computing">{ text }</p> }
}
