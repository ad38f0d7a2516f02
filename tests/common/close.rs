//! The golden tolerances, shared with suites that compare pasted calls rather than fixtures.

/// Float64 cases: relative error ≤ 1e-12, or absolute ≤ 1e-18 near zero.
pub fn close64(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-18 || (got - want).abs() <= 1e-12 * want.abs()
}

/// Keras float32 cases: the library's float32 to the bit, natively and in the browser.
pub fn close32(got: f64, want: f64) -> bool {
    got == want
}
