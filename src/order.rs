//! Sorting by key, with one sort routine for the whole library.
//!
//! Each element type that the standard library's sorts are called on compiles a sort of its
//! own: a stable sort is about 3 KB of WebAssembly, and the library sorted six types (names,
//! reports, quotations, actors, mentions). Here every sort is of (key, position) pairs, all
//! of one type, so the module holds one; the position as the last part of the key keeps
//! equal keys in their original order, as a stable sort does.

/// A sort key: three numbers, compared in order.
pub(crate) type Key = (usize, usize, usize);

/// The positions `0..n` in the order of their keys, equal keys in their original order.
pub(crate) fn order_by(n: usize, key: impl Fn(usize) -> Key) -> Vec<usize> {
    let mut keyed: Vec<(Key, usize)> = (0..n).map(|i| (key(i), i)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Sorts `items` by `key`, stably.
pub(crate) fn sort_by<T>(items: &mut [T], key: impl Fn(&T) -> Key) {
    // (most lists come nearly or wholly in order: mentions in text order)
    if items.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut order = order_by(items.len(), |i| key(&items[i]));
    // In place, a cycle of the permutation at a time: position `k` takes the item from
    // `order[k]`; a position done is marked.
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut k = start;
        while order[k] != DONE {
            let from = order[k];
            order[k] = DONE;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_come_in_key_order_and_equal_keys_keep_their_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut items, |&(k, _)| (k, 0, 0));
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn every_permutation_of_four_is_sorted() {
        let mut perm = [0usize, 1, 2, 3];
        for _ in 0..24 {
            let mut items = perm;
            sort_by(&mut items, |&x| (x, 0, 0));
            assert_eq!(items, [0, 1, 2, 3], "from {perm:?}");
            next_permutation(&mut perm);
        }
    }

    fn next_permutation(p: &mut [usize]) {
        let Some(i) = (1..p.len()).rev().find(|&i| p[i - 1] < p[i]) else {
            p.reverse();
            return;
        };
        let j = (i..p.len()).rev().find(|&j| p[j] > p[i - 1]).unwrap();
        p.swap(i - 1, j);
        p[i..].reverse();
    }

    #[test]
    fn later_parts_of_the_key_break_ties() {
        let keys = [(2, 5, 0), (2, 1, 9), (1, 7, 7), (2, 1, 3)];
        assert_eq!(order_by(keys.len(), |i| keys[i]), [2, 3, 1, 0]);
    }

    #[test]
    fn nothing_to_sort_is_no_error() {
        let mut items: [u8; 0] = [];
        sort_by(&mut items, |&b| (b.into(), 0, 0));
        assert!(items.is_empty());
        assert!(order_by(0, |_| (0, 0, 0)).is_empty());
    }
}
