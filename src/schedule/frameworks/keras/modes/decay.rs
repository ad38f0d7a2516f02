//! Keras 3 `ExponentialDecay`, `InverseTimeDecay` and `PolynomialDecay` (3.15.1).

use super::{c, check_decay_steps, value, KerasFloat, KerasSchedule, Precision};
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::length::SHOWN_CYCLES;

/// `ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExponentialDecay {
    /// Value at step 0.
    pub initial_learning_rate: f64,
    /// Steps per factor of `decay_rate`.
    pub decay_steps: f64,
    /// Factor per `decay_steps`.
    pub decay_rate: f64,
    /// Whole decay periods only (`floor`).
    pub staircase: bool,
    /// Dtype.
    pub precision: Precision,
}

/// Endless decays: four periods, as endless restarts count four cycles.
fn four_periods(decay_steps: f64) -> f64 {
    f64::from(SHOWN_CYCLES) * decay_steps
}

/// `step / decay_steps` in the schedule's dtype, floored when `staircase`.
fn periods<T: KerasFloat>(precision: Precision, step: f64, decay_steps: f64, staircase: bool) -> T {
    let p = precision.cast::<T>(step) / precision.cast::<T>(decay_steps);
    if staircase {
        p.floor()
    } else {
        p
    }
}

impl ExponentialDecay {
    /// Endless: four decay periods.
    pub fn length(&self) -> f64 {
        four_periods(self.decay_steps)
    }

    /// Keras raises unless decay_steps > 0; a negative rate's fractional powers are NaN.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_decay_steps(self.precision, self.decay_steps)?;
        if self.precision.cast::<f64>(self.decay_rate) < 0.0 && !self.staircase {
            return Err(ScheduleError::new(
                "decay_rate",
                "must be ≥ 0 without staircase: a negative rate to a fractional power is NaN",
            ));
        }
        Ok(())
    }

    /// The value at `step`: `init · rate^(step / decay_steps)`.
    pub fn at(&self, step: f64) -> f64 {
        value(self, step)
    }
}

impl KerasSchedule for ExponentialDecay {
    fn precision(&self) -> Precision {
        self.precision
    }

    fn eval<T: KerasFloat>(&self, step: f64) -> T {
        let p: T = periods(self.precision, step, self.decay_steps, self.staircase);
        let rate = self.precision.cast::<T>(self.decay_rate);
        c::<T>(self.initial_learning_rate) * rate.powf(p)
    }
}

/// `InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InverseTimeDecay {
    /// Value at step 0.
    pub initial_learning_rate: f64,
    /// Steps per unit of `p`.
    pub decay_steps: f64,
    /// Slope of the denominator.
    pub decay_rate: f64,
    /// Whole periods only (`floor`).
    pub staircase: bool,
    /// Dtype.
    pub precision: Precision,
}

impl InverseTimeDecay {
    /// Endless: four decay periods.
    pub fn length(&self) -> f64 {
        four_periods(self.decay_steps)
    }

    /// Keras raises unless decay_steps > 0; a negative rate drives `1 + rate·p` through 0.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_decay_steps(self.precision, self.decay_steps)?;
        if self.decay_rate < 0.0 {
            return Err(ScheduleError::new(
                "decay_rate",
                "must be ≥ 0: a negative rate makes 1 + decay_rate·step/decay_steps reach 0 (an infinite rate)",
            ));
        }
        Ok(())
    }

    /// The value at `step`: `init / (1 + rate · step / decay_steps)`.
    pub fn at(&self, step: f64) -> f64 {
        value(self, step)
    }
}

impl KerasSchedule for InverseTimeDecay {
    fn precision(&self) -> Precision {
        self.precision
    }

    fn eval<T: KerasFloat>(&self, step: f64) -> T {
        let p: T = periods(self.precision, step, self.decay_steps, self.staircase);
        let rate = self.precision.cast::<T>(self.decay_rate);
        c::<T>(self.initial_learning_rate) / (T::one() + rate * p)
    }
}

/// `PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate, power, cycle)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PolynomialDecay {
    /// Value at step 0.
    pub initial_learning_rate: f64,
    /// Length of the decay (of each cycle's first period).
    pub decay_steps: f64,
    /// Value at the end of the decay.
    pub end_learning_rate: f64,
    /// Power on the remaining fraction.
    pub power: f64,
    /// Restart by stretching the decay to the next multiple of `decay_steps`.
    pub cycle: bool,
    /// Dtype.
    pub precision: Precision,
}

impl PolynomialDecay {
    /// Steps the schedule is written for: decay_steps (four multiples of it when cycling).
    pub fn length(&self) -> f64 {
        if self.cycle {
            four_periods(self.decay_steps)
        } else {
            self.decay_steps
        }
    }

    /// Keras raises unless decay_steps > 0; a negative power is infinite at the end.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_decay_steps(self.precision, self.decay_steps)?;
        if self.precision.cast::<f64>(self.power) < 0.0 {
            return Err(ScheduleError::new(
                "power",
                format!(
                    "must be ≥ 0: 0 ** {} is infinite at the end of the decay",
                    self.power
                ),
            ));
        }
        Ok(())
    }

    /// The value at `step`: `(init − end)·(1 − step/decay_steps)^power + end`.
    pub fn at(&self, step: f64) -> f64 {
        value(self, step)
    }
}

impl KerasSchedule for PolynomialDecay {
    fn precision(&self) -> Precision {
        self.precision
    }

    fn eval<T: KerasFloat>(&self, step: f64) -> T {
        let cast = |x: f64| self.precision.cast::<T>(x);
        let (init, end) = (
            c::<T>(self.initial_learning_rate),
            cast(self.end_learning_rate),
        );
        let mut step = cast(step);
        let mut decay_steps = cast(self.decay_steps);
        if self.cycle {
            // The multiplier divides by the Python decay_steps, not its cast.
            let multiplier = if step == T::zero() {
                T::one()
            } else {
                (step / c::<T>(self.decay_steps)).ceil()
            };
            decay_steps = decay_steps * multiplier;
        } else {
            step = step.min(decay_steps);
        }
        let p = step / decay_steps;
        (init - end) * (T::one() - p).powf(cast(self.power)) + end
    }
}
