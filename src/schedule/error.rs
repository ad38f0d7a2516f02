//! Why a schedule's parameters were rejected.

use std::fmt;

use crate::format::format_value;

/// A rejected parameter: which one and why, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleError {
    /// The parameter's name as the user or the framework spells it.
    pub field: String,
    /// What is wrong with it.
    pub reason: String,
}

impl ScheduleError {
    /// An error about `field`.
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

impl std::error::Error for ScheduleError {}

/// Checks that `value` is finite and inside `[lo, hi]`, naming the field if not.
pub fn check_range(field: &str, value: f64, lo: f64, hi: f64) -> Result<(), ScheduleError> {
    if value.is_nan() {
        // NaN is no number at all (the phase editor's "abc"): "got NaN" would only confuse.
        return Err(ScheduleError::new(field, "must be a number"));
    }
    if !value.is_finite() {
        return Err(ScheduleError::new(
            field,
            format!("must be a finite number, got {value}"),
        ));
    }
    if value < lo || value > hi {
        // The smallest positive float stands for "above 0": its 300 digits say nothing.
        let range = match (lo == f64::MIN_POSITIVE, hi == f64::MAX) {
            (true, true) => "above 0".to_string(),
            (true, false) => format!("above 0 and at most {}", format_value(hi)),
            (false, true) => format!("at least {}", format_value(lo)),
            (false, false) => format!("between {} and {}", format_value(lo), format_value(hi)),
        };
        return Err(ScheduleError::new(
            field,
            format!("must be {range}, got {}", format_value(value)),
        ));
    }
    Ok(())
}

/// Checks that `value` is finite and strictly positive.
pub fn check_positive(field: &str, value: f64) -> Result<(), ScheduleError> {
    if !(value.is_finite() && value > 0.0) {
        return Err(ScheduleError::new(
            field,
            format!("must be a finite number above 0, got {value}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_range;

    #[test]
    fn a_value_that_is_no_number_is_not_called_nan() {
        let e = check_range("steps", f64::NAN, 1.0, 10.0).unwrap_err();
        assert_eq!(e.to_string(), "steps: must be a number");
        let e = check_range("steps", f64::INFINITY, 1.0, 10.0).unwrap_err();
        assert_eq!(e.to_string(), "steps: must be a finite number, got inf");
    }

    #[test]
    fn bounds_and_values_read_as_people_write_them() {
        let e = check_range("gamma", 2.0, f64::MIN_POSITIVE, 1.0).unwrap_err();
        assert_eq!(e.to_string(), "gamma: must be above 0 and at most 1, got 2");
        let e = check_range("eta", 1e300, 1e-6, 10.0).unwrap_err();
        assert_eq!(e.to_string(), "eta: must be between 1e-6 and 10, got 1e300");
        let e = check_range("warmup_steps", -5.0, 0.0, f64::MAX).unwrap_err();
        assert_eq!(e.to_string(), "warmup_steps: must be at least 0, got -5");
    }
}
