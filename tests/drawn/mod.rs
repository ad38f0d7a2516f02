//! What the code-export suites share: a pasted snippet's curve against the one drawn.

use anneal::format::is_identical;

/// Whether two curves are the same as the compare table judges them: a snippet writes float
/// noise as a person would (3e-5 for 0.1 × 3e-4), within 2ε of the value drawn.
pub fn same_curve(got: &[f64], want: &[f64]) -> bool {
    let peak = want.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    // A NaN on either side is never "the same" (f64::max would drop it).
    got.len() == want.len()
        && got
            .iter()
            .zip(want)
            .all(|(g, w)| g == w || is_identical((g - w).abs(), peak))
}
