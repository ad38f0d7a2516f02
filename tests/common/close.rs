//! The golden tolerances, shared with suites that compare pasted calls rather than fixtures.

/// Float64 cases: relative error ≤ 1e-12, or absolute ≤ 1e-18 near zero.
pub fn close64(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-18 || (got - want).abs() <= 1e-12 * want.abs()
}

/// Keras float32 cases: natively the library's float32 to the bit. In the browser `cos` and `pow`
/// come from Rust's libm instead of glibc's, which may round a float32 ulp or two apart.
pub fn close32(got: f64, want: f64) -> bool {
    if cfg!(target_arch = "wasm32") {
        (got - want).abs() <= 2.5e-7 * want.abs()
    } else {
        got == want
    }
}
