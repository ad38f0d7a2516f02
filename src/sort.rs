//! Insertion sort for the few items a call sorts (four points of a pixel column, a list of
//! milestones or boundaries): each use of std's sort instantiates kilobytes of code in the
//! download, this a few dozen bytes.

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
}
