//! Python float semantics that Rust spells differently.

/// Python's `a // b` for floats (CPython `float_floor_div`: fmod-based, not `floor(a / b)`).
pub fn floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div == 0.0 {
        return 0.0_f64.copysign(a / b);
    }
    let floor = div.floor();
    if div - floor > 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_python_floor_division() {
        assert_eq!(floordiv(29.0, 10.0), 2.0);
        assert_eq!(floordiv(30.0, 10.0), 3.0);
        assert_eq!(floordiv(-1.0, 10.0), -1.0);
        // floor(1/0.1) is 10, but Python's 1 // 0.1 is 9.0 (0.1 is slightly above 1/10).
        assert_eq!(floordiv(1.0, 0.1), 9.0);
    }
}
