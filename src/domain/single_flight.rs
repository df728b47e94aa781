//! Run one async job at a time and let every concurrent caller share its result.
//!
//! Used for the token refresh: however many requests find the access token stale at once, exactly one
//! refresh goes out and all of them wait on it.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

/// A slot for the one in-flight job.
pub struct SingleFlight<T: Clone + 'static> {
    slot: Rc<RefCell<Option<Shared<LocalBoxFuture<'static, T>>>>>,
}

impl<T: Clone + 'static> Clone for SingleFlight<T> {
    fn clone(&self) -> Self {
        SingleFlight {
            slot: self.slot.clone(),
        }
    }
}

impl<T: Clone + 'static> Default for SingleFlight<T> {
    fn default() -> Self {
        SingleFlight {
            slot: Rc::default(),
        }
    }
}

impl<T: Clone + 'static> SingleFlight<T> {
    /// Joins the running job, or starts `make()` if none runs. The slot empties when the job ends, so
    /// a later call starts a new one.
    pub fn run<F, Fut>(&self, make: F) -> Shared<LocalBoxFuture<'static, T>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = T> + 'static,
    {
        if let Some(running) = self.slot.borrow().as_ref() {
            return running.clone();
        }
        let slot = self.slot.clone();
        let job = make();
        let shared = async move {
            let value = job.await;
            slot.borrow_mut().take();
            value
        }
        .boxed_local()
        .shared();
        *self.slot.borrow_mut() = Some(shared.clone());
        shared
    }

    /// Whether a job is running.
    pub fn is_running(&self) -> bool {
        self.slot.borrow().is_some()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use futures::channel::oneshot;
    use futures::executor::LocalPool;
    use futures::task::LocalSpawnExt;

    use super::*;

    #[test]
    fn concurrent_callers_share_one_job() {
        let mut pool = LocalPool::new();
        let flight = SingleFlight::<u32>::default();
        let started = Rc::new(Cell::new(0));
        let finished = Rc::new(Cell::new(0));
        let (release, gate) = oneshot::channel::<()>();
        let gate = gate.shared();
        for _ in 0..5 {
            let (flight, started, finished, gate) = (
                flight.clone(),
                started.clone(),
                finished.clone(),
                gate.clone(),
            );
            pool.spawner()
                .spawn_local(async move {
                    let value = flight
                        .run(|| {
                            started.set(started.get() + 1);
                            async move {
                                let _ = gate.await;
                                42
                            }
                        })
                        .await;
                    assert_eq!(value, 42);
                    finished.set(finished.get() + 1);
                })
                .expect("spawn");
        }
        pool.run_until_stalled();
        assert_eq!(started.get(), 1, "one job for five callers");
        assert!(flight.is_running());
        assert_eq!(finished.get(), 0);
        release.send(()).expect("release");
        pool.run_until_stalled();
        assert_eq!(finished.get(), 5);
        assert!(!flight.is_running(), "the slot empties when the job ends");
    }

    #[test]
    fn a_later_call_starts_a_new_job() {
        let mut pool = LocalPool::new();
        let flight = SingleFlight::<u32>::default();
        let runs = Rc::new(Cell::new(0));
        for expected in 1..=3 {
            let r = runs.clone();
            let value = pool.run_until(flight.run(move || {
                r.set(r.get() + 1);
                let n = r.get();
                async move { n }
            }));
            assert_eq!(value, expected);
        }
        assert_eq!(runs.get(), 3);
    }
}
