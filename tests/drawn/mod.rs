//! What the code-export suites share: a pasted snippet's curve against the one drawn.

use anneal::format::is_identical;

/// Whether two curves are the same as the compare table judges them: a snippet writes float
/// noise as a person would (3e-5 for 0.1 × 3e-4), at most two ulps from the value drawn.
pub fn same_curve(got: &[f64], want: &[f64]) -> bool {
    let peak = want.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let off = got.iter().zip(want).map(|(g, w)| (g - w).abs());
    got.len() == want.len() && is_identical(off.fold(0.0, f64::max), peak)
}
