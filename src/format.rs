//! Numbers as people read them: shortest exact text, exponents for the very small and large.

/// Rounds to `digits` significant digits, so the shortest decimal form stays short.
pub fn round_significant(v: f64, digits: usize) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    format!("{:.*e}", digits - 1, v).parse().unwrap_or(v)
}

/// Formats a value for display: shortest round-trip text, exponent form for tiny or huge values
/// except a whole number below 1e15 with more than three significant digits, which people
/// write out (11604937, not 1.1604937e7; but 2.5e7).
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let a = v.abs();
    if v == 0.0 {
        "0".to_string()
    } else if !(1e-4..1e7).contains(&a) {
        let exp = format!("{v:e}");
        let digits = exp
            .find('e')
            .map_or(0, |e| exp[..e].chars().filter(char::is_ascii_digit).count());
        if v.fract() == 0.0 && a < 1e15 && digits > 3 {
            format!("{v}")
        } else {
            exp
        }
    } else {
        format!("{v}")
    }
}

/// "a" or "an" before `number` as it is read aloud: an 8-step, an 18000-step, a 100-step.
pub fn article(number: &str) -> &'static str {
    let whole = number.split(['.', 'e']).next().unwrap_or(number);
    let eleven_or_eighteen =
        (whole.starts_with("11") || whole.starts_with("18")) && whole.len() % 3 == 2;
    if whole.starts_with('8') || eleven_or_eighteen {
        "an"
    } else {
        "a"
    }
}

/// A value as text shows it: six significant digits, so float noise never reaches the screen
/// (0.010000000000000002 reads 0.01; the CSV keeps the exact value), but never fewer than its
/// whole part has, so a step such as 1234567 is not rounded to another.
pub fn shown(v: f64) -> String {
    let whole = if v.is_finite() && v.abs() >= 1.0 {
        v.abs().log10().floor() as usize + 1
    } else {
        0
    };
    format_value(round_significant(v, whole.clamp(6, 15)))
}

/// A value in a box the user edits: twelve significant digits, as many as anyone types, but not
/// the last bits of float noise (0.010000000000000002 reads 0.01, 234.60000000000002 reads
/// 234.6); the value itself stays exact until the box is changed.
pub fn editable(v: f64) -> String {
    format_value(round_significant(v, 12))
}

/// Three significant digits: a curvature, a limit or a coordinate, not float noise.
pub fn shown_3(v: f64) -> String {
    format_value(round_significant(v, 3))
}

/// `n` of a unit, pluralised as people write it: "1 epoch", "2.5 epochs", "100 steps".
pub fn quantity(n: f64, unit: &str) -> String {
    let text = shown(n);
    let plural = if text == "1" { "" } else { "s" };
    format!("{text} {unit}{plural}")
}

/// Whether a gap of `diff` between two curves that peak at `peak` is float64 noise (at most
/// 1e-15 of the peak): what the compare table calls "identical".
pub fn is_identical(diff: f64, peak: f64) -> bool {
    diff <= 1e-15 * peak.abs()
}

/// The largest gap between two curves, `diff` at step `at`, as people read it: "identical"
/// within float64 noise (≤ 1e-15 of the peak `peak`), else three significant digits, its share
/// of the peak and where it is.
pub fn difference_text(diff: f64, at: f64, peak: f64) -> String {
    let peak = peak.abs();
    if !diff.is_finite() {
        return "—".to_string();
    }
    if is_identical(diff, peak) {
        return "identical".to_string();
    }
    let shown = format_value(round_significant(diff, 3));
    let share = if peak > 0.0 {
        format!(
            " ({} % of η_max)",
            format_value(round_significant(diff / peak * 100.0, 2))
        )
    } else {
        String::new()
    };
    format!("{shown}{share} at step {}", format_value(at))
}

/// The next round number above (`up`) or below `v` > 0: multiples of 0.02 from 1 to 2, of 0.05
/// from 2 to 5 and of 0.1 from 5 to 10, times the power of ten of `v`.
pub fn next_round(v: f64, up: bool) -> f64 {
    // A hair of tolerance so 0.3 / 0.1 = 2.9999999999999996 counts as 3.
    const EPS: f64 = 1e-9;
    let mut scale = 10f64.powf(v.log10().floor());
    let mut m = v / scale;
    if !up && m <= 1.0 + EPS {
        // Down from the first round number of a decade: into the decade below.
        scale /= 10.0;
        m *= 10.0;
    }
    let step = |m: f64| {
        if m < 2.0 {
            0.02
        } else if m < 5.0 {
            0.05
        } else {
            0.1
        }
    };
    let g = if up {
        let s = step(m + EPS);
        ((m / s + EPS).floor() + 1.0) * s
    } else {
        let s = step(m - EPS);
        ((m / s - EPS).ceil() - 1.0) * s
    };
    round_significant(g * scale, 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn awkward_floats_read_as_people_write_them() {
        for (v, text) in [
            (2.9999999999999997e-5, "3e-5"),
            (0.010000000000000002, "0.01"),
            (0.009930126969521391, "0.00993013"),
            (5.421010862427522e-20, "5.42101e-20"),
            (3.601, "3.601"),
            (0.1 + 0.2, "0.3"),
            (2346.0, "2346"),
            (-0.30000000000000004, "-0.3"),
            (1e-7, "1e-7"),
            (335.4559999999999, "335.456"),
            (671.0886400000002, "671.089"),
            (1234567.25, "1234567"),
            (11604937.0, "11604937"),
            (1.2345678e7, "12345678"),
            (2.5e7, "2.5e7"),
            (1e15, "1e15"),
            (9.4e14, "9.4e14"),
            (f64::INFINITY, "—"),
        ] {
            assert_eq!(shown(v), text, "{v:e}");
        }
        assert_eq!(quantity(1.0, "epoch"), "1 epoch");
        assert_eq!(quantity(2.5, "epoch"), "2.5 epochs");
        assert_eq!(quantity(0.9999999999999999, "step"), "1 step");
        // Read aloud: "an eight", "an eighteen thousand", "an eleven million", "a hundred".
        for (n, a) in [
            ("8", "an"),
            ("18000", "an"),
            ("11", "an"),
            ("11000", "an"),
            ("11000000", "an"),
            ("80", "an"),
            ("800000", "an"),
            ("110", "a"),
            ("1800", "a"),
            ("100", "a"),
            ("5", "a"),
            ("1e5", "a"),
            ("2.5", "a"),
        ] {
            assert_eq!(article(n), a, "{n}");
        }
    }

    #[test]
    fn an_edited_value_keeps_every_digit_typed_but_no_float_noise() {
        for (v, text) in [
            (0.010000000000000002, "0.01"),
            (234.60000000000002, "234.6"),
            (5.000000000000001e-4, "0.0005"),
            (0.000123456789012, "0.000123456789012"),
            (1173.0, "1173"),
            (2.9999999999999997e-5, "3e-5"),
        ] {
            assert_eq!(editable(v), text, "{v:e}");
        }
    }

    #[test]
    fn values_read_cleanly() {
        assert_eq!(format_value(0.1), "0.1");
        assert_eq!(format_value(0.0003), "0.0003");
        assert_eq!(format_value(1e-6), "1e-6");
        assert_eq!(format_value(100.0), "100");
        assert_eq!(format_value(f64::NAN), "—");
        assert_eq!(round_significant(0.123456, 3), 0.123);
    }

    #[test]
    fn differences_read_as_people_write_them() {
        assert_eq!(
            difference_text(2.7755575615628914e-17, 265.0, 0.1),
            "identical"
        );
        assert_eq!(difference_text(0.0, 0.0, 0.1), "identical");
        assert_eq!(
            difference_text(0.09897852811521522, 799.0, 0.1),
            "0.099 (99 % of η_max) at step 799"
        );
        assert_eq!(
            difference_text(1.4005167484065772e-8, 493.0, 0.1),
            "1.4e-8 (1.4e-5 % of η_max) at step 493"
        );
        assert_eq!(
            difference_text(1.83e-5, 2816.0, 2e-4),
            "1.83e-5 (9.2 % of η_max) at step 2816"
        );
        assert_eq!(difference_text(f64::NAN, 1.0, 0.1), "—");
    }
}
