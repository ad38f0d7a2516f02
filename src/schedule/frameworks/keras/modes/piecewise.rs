//! Keras 3 `PiecewiseConstantDecay(boundaries, values)` (3.15.1).

use super::{c, value, KerasFloat, KerasSchedule, Precision};
use crate::schedule::error::ScheduleError;

/// `PiecewiseConstantDecay(boundaries, values)`: `values[i]` after `boundaries[i-1]`, up to
/// and including `boundaries[i]`.
#[derive(Clone, Debug, PartialEq)]
pub struct PiecewiseConstantDecay {
    /// Steps (cast to the int32 step, so truncated).
    pub boundaries: Vec<f64>,
    /// One more value than boundaries.
    pub values: Vec<f64>,
    /// Float type of the float values.
    pub precision: Precision,
}

/// A list as Keras's message prints it (whole numbers as ints, as they are usually written).
fn py_list(items: &[f64]) -> String {
    let items: Vec<String> = items.iter().map(f64::to_string).collect();
    format!("[{}]", items.join(", "))
}

impl PiecewiseConstantDecay {
    /// Steps the schedule is written for: its last boundary.
    pub fn length(&self) -> f64 {
        self.boundaries.iter().copied().fold(0.0, f64::max)
    }

    /// Keras's length check, and the `boundaries[0]` it reads at the first call.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        let (b, v) = (&self.boundaries, &self.values);
        if b.len() + 1 != v.len() {
            return Err(ScheduleError::new(
                "boundaries",
                format!(
                    "The length of boundaries should be 1 less than the length of values. Received: boundaries={} of length {}, and values={} of length {}.",
                    py_list(b),
                    b.len(),
                    py_list(v),
                    v.len()
                ),
            ));
        }
        if b.is_empty() {
            return Err(ScheduleError::new(
                "boundaries",
                "list index out of range: Keras reads boundaries[0] at every step",
            ));
        }
        Ok(())
    }

    /// The value at `step`.
    pub fn at(&self, step: f64) -> f64 {
        value(self, step)
    }
}

impl KerasSchedule for PiecewiseConstantDecay {
    fn precision(&self) -> Precision {
        self.precision
    }

    /// Keras's sum of indicator × value terms, in its order (unsorted boundaries add up).
    fn eval<T: KerasFloat>(&self, step: f64) -> T {
        let b: Vec<f64> = self.boundaries.iter().map(|b| b.trunc()).collect();
        let v = |i: usize| c::<T>(self.values[i]);
        let term = |on: bool, value: T| if on { value } else { T::zero() * value };
        let last = b.len() - 1;
        let mut out = T::zero() + term(step <= b[0], v(0));
        out = out + term(step > b[last], v(last + 1));
        for i in 0..last {
            out = out + term(step > b[i] && step <= b[i + 1], v(i + 1));
        }
        out
    }
}
