//! Ordering packed `u64` keys (results, completions, the typo map) with little code: std's
//! `sort_unstable` and `select_nth_unstable` for `u64` add about 6 KB to the Wasm, and keys
//! are plain integers, for which a radix sort is both short and fast.

/// Sorts ascending: insertion sort when short, otherwise a byte-wise LSD radix sort that
/// skips the bytes all keys share (the high bytes of small ids, for instance).
pub(super) fn sort_keys(keys: &mut Vec<u64>) {
    if keys.len() <= 16 {
        for i in 1..keys.len() {
            let mut j = i;
            while j > 0 && keys[j - 1] > keys[j] {
                keys.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut spare = vec![0u64; keys.len()];
    for shift in (0..64).step_by(8) {
        let mut slots = [0usize; 256];
        for &key in keys.iter() {
            slots[(key >> shift) as usize & 255] += 1;
        }
        if slots.contains(&keys.len()) {
            continue;
        }
        let mut start = 0;
        for slot in slots.iter_mut() {
            let count = *slot;
            *slot = start;
            start += count;
        }
        for &key in keys.iter() {
            let slot = &mut slots[(key >> shift) as usize & 255];
            spare[*slot] = key;
            *slot += 1;
        }
        std::mem::swap(keys, &mut spare);
    }
}

/// Keeps the `k` smallest keys, ascending. A small `k` (a page of results, the completions)
/// is kept by insertion into a short sorted buffer: one comparison for most keys.
pub(super) fn smallest(keys: &mut Vec<u64>, k: usize) {
    if keys.len() <= k || k > 64 {
        sort_keys(keys);
        keys.truncate(k);
        return;
    }
    let mut best: Vec<u64> = Vec::with_capacity(k + 1);
    for &key in keys.iter() {
        if best.len() == k && best.last().is_some_and(|&worst| key >= worst) {
            continue;
        }
        let at = best.partition_point(|&b| b < key);
        best.insert(at, key);
        best.truncate(k);
    }
    *keys = best;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_selects_like_std() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for len in [0, 1, 5, 16, 17, 300, 5000] {
            let keys: Vec<u64> = (0..len)
                .map(|i| {
                    state = state.rotate_left(17).wrapping_mul(0x2545_f491_4f6c_dd1d) ^ i;
                    // Some duplicates and shared high bytes, as in real keys.
                    if i % 7 == 0 {
                        state & 0xFFFF
                    } else {
                        state
                    }
                })
                .collect();
            let mut expected = keys.clone();
            expected.sort_unstable();
            let mut sorted = keys.clone();
            sort_keys(&mut sorted);
            assert_eq!(sorted, expected, "len {len}");
            for k in [0, 1, 10, 64, 65] {
                let mut best = keys.clone();
                smallest(&mut best, k);
                assert_eq!(best, expected[..k.min(len as usize)], "len {len} k {k}");
            }
        }
    }
}
