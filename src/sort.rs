//! Sorts that are small in the download: each use of std's sort instantiates kilobytes of code
//! in the wasm, these a few dozen (insertion sort, for a fixed handful of items, never for a
//! list a user gives) or a few hundred bytes (merge sort, for any length).

/// Sorts `v` stably by `less` in O(n²) comparisons: for short slices only.
pub fn sort_small_by<T: Copy>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let item = v[i];
        let mut j = i;
        while j > 0 && less(&item, &v[j - 1]) {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = item;
    }
}

/// Sorts numbers in ascending order (`total_cmp`): one compiled copy of the merge sort for
/// every list of floats.
pub fn sort_f64(v: &mut [f64]) {
    sort_by(v, |a, b| a.total_cmp(b).is_lt());
}

/// Sorts `v` stably by `less` in O(n log n) (a bottom-up merge sort through one scratch copy):
/// for lists of any length, at a few hundred bytes of code a use.
pub fn sort_by<T: Copy>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let n = v.len();
    // Already in order (breakpoints usually are): no copy, no allocation.
    if v.windows(2).all(|w| !less(&w[1], &w[0])) {
        return;
    }
    let mut from = v.to_vec();
    let mut to = from.clone();
    let mut width = 1;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut l, mut r) = (lo, mid);
            for slot in &mut to[lo..hi] {
                // From the left run unless the right one's head is strictly less: stable.
                if r < hi && (l >= mid || less(&from[r], &from[l])) {
                    *slot = from[r];
                    r += 1;
                } else {
                    *slot = from[l];
                    l += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    v.copy_from_slice(&from);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_small_by(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: [u8; 0] = [];
        sort_small_by(&mut empty, |a, b| a < b);
    }

    #[test]
    fn merge_sort_agrees_with_std_and_is_stable() {
        let mut seed = 12345u64;
        for n in [0usize, 1, 2, 3, 7, 64, 1000, 1025] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (((seed >> 33) % 50) as u32, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }
}
