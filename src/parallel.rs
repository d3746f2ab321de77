//! Work spread over every core: each thread takes the next item when it is done with one.
//!
//! The threads are a rayon pool's, so that typst, which parallelises inside a compilation with
//! rayon, runs its inner work on the same threads instead of a second pool competing for the
//! cores. The items are not rayon tasks, though: each thread of the pool runs one loop pulling
//! from a shared counter. With a parallel iterator over the items, a thread waiting on typst's
//! inner work would steal the next whole document, then the next, holding each half-drawn one
//! in memory and on its stack; here a thread draws one document at a time, memory stays flat
//! and every document's time is its own.

use std::convert::Infallible;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::{ThreadPool, ThreadPoolBuilder};

/// How deep each thread's stack is: typst lays out a long document recursively, deeper than the
/// 2 MiB a rayon thread gets by default.
const STACK: usize = 16 << 20;

/// The threads a run uses; 0 means one per core.
static THREADS: AtomicUsize = AtomicUsize::new(0);

/// Sets how many threads runs use from now on: `None` for one per core.
pub fn set_threads(threads: Option<NonZeroUsize>) {
    THREADS.store(threads.map_or(0, NonZeroUsize::get), Ordering::Relaxed);
}

/// How many threads a run uses.
pub fn threads() -> usize {
    match THREADS.load(Ordering::Relaxed) {
        0 => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        set => set,
    }
}

/// `work` applied to every item, on [`threads`] threads, the results in the order of `items`.
/// The first error (in the order of `items`) stops the run: items not yet started are skipped.
pub fn try_map<T, R, E>(items: &[T], work: impl Fn(&T) -> Result<R, E> + Sync) -> Result<Vec<R>, E>
where
    T: Sync,
    R: Send,
    E: Send,
{
    let Some(pool) = pool(threads()) else {
        // No thread could be started: the items one after another, on this one.
        return items.iter().map(work).collect();
    };
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let done: Mutex<Vec<(usize, Result<R, E>)>> = Mutex::new(Vec::with_capacity(items.len()));
    pool.broadcast(|_| {
        while !failed.load(Ordering::Relaxed) {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else { break };
            let result = work(item);
            failed.fetch_or(result.is_err(), Ordering::Relaxed);
            done.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push((index, result));
        }
    });
    let mut done = done.into_inner().unwrap_or_else(PoisonError::into_inner);
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

/// `work` applied to every item, on [`threads`] threads, the results in the order of `items`.
pub fn map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    match try_map(items, |item| Ok::<_, Infallible>(work(item))) {
        Ok(results) => results,
        Err(never) => match never {},
    }
}

/// The pool of `threads` threads, built on first use and kept for the process.
fn pool(threads: usize) -> Option<Arc<ThreadPool>> {
    static POOL: Mutex<Option<Arc<ThreadPool>>> = Mutex::new(None);
    let mut kept = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(pool) = kept.as_ref().filter(|p| p.current_num_threads() == threads) {
        return Some(Arc::clone(pool));
    }
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|n| format!("hoso-{n}"))
        .stack_size(STACK)
        .build()
        .ok()
        .map(Arc::new)?;
    *kept = Some(Arc::clone(&pool));
    Some(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_and_the_first_error_wins() {
        let items: Vec<u32> = (0..500).collect();
        let squares = try_map(&items, |n| Ok::<_, String>(n * n)).unwrap();
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        let error = try_map(&items, |n| {
            if n % 100 == 7 {
                Err(format!("lỗi {n}"))
            } else {
                Ok(*n)
            }
        })
        .unwrap_err();
        assert_eq!(error, "lỗi 7");
        assert!(
            try_map(&[] as &[u32], |n| Ok::<_, ()>(*n))
                .unwrap()
                .is_empty()
        );
    }
}
