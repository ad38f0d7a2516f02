//! How much of a schedule whose restarts never end counts as its own length (what
//! `anneal values` prints when no `--steps` is given).

/// Cycles counted of endless restarts, as many as the explorer's automatic horizon shows.
pub const SHOWN_CYCLES: u32 = 4;

/// Total length of the first `n` cycles, each `mult` times as long as the one before.
pub fn cycles(first: f64, mult: f64, n: u32) -> f64 {
    (0..n).map(|i| first * mult.powi(i as i32)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_add_up_geometrically() {
        assert_eq!(cycles(10.0, 2.0, SHOWN_CYCLES), 150.0);
        assert_eq!(cycles(10.0, 1.0, 1), 10.0);
    }
}
