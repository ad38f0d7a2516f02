//! Numbers as people read them: shortest exact text, exponents for the very small and large.

/// Rounds to `digits` significant digits, so the shortest decimal form stays short.
pub fn round_significant(v: f64, digits: usize) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    format!("{:.*e}", digits - 1, v).parse().unwrap_or(v)
}

/// Formats a value for display: shortest round-trip text, exponent form for tiny or huge values.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let a = v.abs();
    if v == 0.0 {
        "0".to_string()
    } else if !(1e-4..1e7).contains(&a) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_cleanly() {
        assert_eq!(format_value(0.1), "0.1");
        assert_eq!(format_value(0.0003), "0.0003");
        assert_eq!(format_value(1e-6), "1e-6");
        assert_eq!(format_value(100.0), "100");
        assert_eq!(format_value(f64::NAN), "—");
        assert_eq!(round_significant(0.123456, 3), 0.123);
    }
}
