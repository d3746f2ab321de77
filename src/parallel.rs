//! Work spread over every core: each thread takes the next item when it is done with one.
//!
//! Not rayon's work stealing: typst parallelises inside a compilation with rayon, and a rayon
//! thread waiting on typst's inner work steals the next whole document, then the next, holding
//! each half-drawn one in memory and on its stack. Plain threads pulling from one counter draw
//! one document each at a time: memory stays flat and every document's time is its own.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How deep each thread's stack is: typst lays out a long document recursively, deeper than the
/// 2 MiB a spawned thread gets by default.
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
    let threads = threads().min(items.len());
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let done: Mutex<Vec<(usize, Result<R, E>)>> = Mutex::new(Vec::with_capacity(items.len()));
    let worker = || {
        while !failed.load(Ordering::Relaxed) {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else { break };
            let result = work(item);
            failed.fetch_or(result.is_err(), Ordering::Relaxed);
            done.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push((index, result));
        }
    };
    std::thread::scope(|scope| {
        let spawned: Vec<_> = (1..threads)
            .map(|n| {
                std::thread::Builder::new()
                    .name(format!("hoso-{n}"))
                    .stack_size(STACK)
                    .spawn_scoped(scope, worker)
            })
            .collect();
        // This thread works too; if no thread could be spawned, it does all the work alone.
        worker();
        for thread in spawned.into_iter().flatten() {
            if let Err(panic) = thread.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    let mut done = done
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
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
