//! Work split between threads, as the stages share it: a long list read
//! in two halves side by side, and threads joined so that a panic on one
//! goes on in the caller, as it would have on one thread.

/// What a thread returned; a panic in it goes on in the caller.
pub(crate) fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// `read` of the two halves of `items`, the second half on a thread of its
/// own; each call is given its half and where the half starts in `items`.
pub(crate) fn in_halves<'i, T: Sync, R: Send>(
    items: &'i [T],
    read: impl Fn(usize, &'i [T]) -> R + Sync,
) -> (R, R) {
    let middle = items.len() / 2;
    let (first, second) = items.split_at(middle);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| read(middle, second));
        let first = read(0, first);
        (first, joined(second))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_are_read_in_order_with_their_offsets() {
        let items: Vec<u32> = (0..7).collect();
        let (first, second) = in_halves(&items, |offset, half| (offset, half.to_vec()));
        assert_eq!(first, (0, vec![0, 1, 2]));
        assert_eq!(second, (3, vec![3, 4, 5, 6]));
        let (empty, rest) = in_halves(&[] as &[u32], |offset, half| (offset, half.len()));
        assert_eq!((empty, rest), ((0, 0), (0, 0)));
    }

    #[test]
    #[should_panic(expected = "on the other thread")]
    fn a_panic_on_the_other_thread_goes_on_here() {
        let items = [1, 2];
        let _ = in_halves(&items, |offset, _| {
            assert!(offset == 0, "on the other thread");
        });
    }
}
