//! Splitting work over the machine's cores with scoped threads from the standard library: a
//! dense report is mostly per-post work that needs nothing from the other posts.

use std::num::NonZeroUsize;
use std::thread;

/// Threads for `work` units, where `per_thread` units make a thread worth starting.
pub(crate) fn threads_for(work: usize, per_thread: usize) -> usize {
    /// More would only wait on memory.
    const MAX_THREADS: usize = 8;
    let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    (work / per_thread.max(1)).clamp(1, cores.min(MAX_THREADS))
}

/// Bounds 0 = b0 < b1 < ... = len splitting `len` items in `chunks` about equal chunks.
pub(crate) fn even_bounds(len: usize, chunks: usize) -> Vec<usize> {
    let chunks = chunks.clamp(1, len.max(1));
    let mut bounds: Vec<usize> = (0..=chunks).map(|k| k * len / chunks).collect();
    bounds.dedup();
    bounds
}

/// Runs `f(start, chunk)` for the chunks `items[b[k]..b[k + 1]]` of `bounds`, the first on
/// this thread and the others on scoped threads, and returns the results in chunk order. A
/// chunk whose thread the system refuses runs here afterwards: the result is the same either
/// way. (A panic in `f` is a bug, and propagates as it would without threads.)
pub(crate) fn chunks<T, R, F>(items: &mut [T], bounds: &[usize], f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(usize, &mut [T]) -> R + Sync,
{
    let n = bounds.len().saturating_sub(1);
    let mut results: Vec<Option<R>> = (0..n).map(|_| None).collect();
    let mut refused: Vec<usize> = Vec::new();
    let f = &f;
    thread::scope(|scope| {
        let mut rest: &mut [T] = items;
        let mut first = None;
        for (k, (b, slot)) in bounds.windows(2).zip(results.iter_mut()).enumerate() {
            let start = b[0];
            let (part, tail) = std::mem::take(&mut rest).split_at_mut(b[1] - b[0]);
            rest = tail;
            if k == 0 {
                first = Some((part, slot));
                continue;
            }
            let spawned =
                thread::Builder::new().spawn_scoped(scope, move || *slot = Some(f(start, part)));
            if spawned.is_err() {
                refused.push(k);
            }
        }
        if let Some((part, slot)) = first {
            *slot = Some(f(bounds[0], part));
        }
    });
    for k in refused {
        let (start, end) = (bounds[k], bounds[k + 1]);
        results[k] = Some(f(start, &mut items[start..end]));
    }
    results.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_everything_in_order() {
        let mut items: Vec<usize> = (0..10).collect();
        let sums = chunks(&mut items, &[0, 3, 7, 10], |start, part| {
            part.iter_mut().for_each(|x| *x *= 2);
            (start, part.len())
        });
        assert_eq!(sums, vec![(0, 3), (3, 4), (7, 3)]);
        assert_eq!(items, (0..10).map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn even_bounds_split_evenly() {
        assert_eq!(even_bounds(10, 3), vec![0, 3, 6, 10]);
        assert_eq!(even_bounds(2, 5), vec![0, 1, 2]);
        assert_eq!(even_bounds(0, 2), vec![0]);
        assert_eq!(even_bounds(7, 1), vec![0, 7]);
    }

    #[test]
    fn threads_are_at_least_one() {
        assert_eq!(threads_for(0, 100), 1);
        assert!(threads_for(1_000_000, 1) >= 1);
    }
}
