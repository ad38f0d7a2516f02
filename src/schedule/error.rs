//! Why a schedule's parameters were rejected.

use std::fmt;

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
        return Err(ScheduleError::new(
            field,
            format!("must be between {lo} and {hi}, got {value}"),
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
}
