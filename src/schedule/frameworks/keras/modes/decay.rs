//! Keras 3 `ExponentialDecay`, `InverseTimeDecay` and `PolynomialDecay` (3.15.1).

use super::{c, check_decay_steps, value, KerasFloat, KerasSchedule, Precision};
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::length::SHOWN_CYCLES;

/// How a [`RateDecay`] turns `p = step / decay_steps` into a rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateShape {
    /// `ExponentialDecay`: `init · rate^p`.
    Exponential,
    /// `InverseTimeDecay`: `init / (1 + rate · p)`.
    InverseTime,
}

/// `ExponentialDecay` or `InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate,
/// staircase)`: the same arguments, read the same way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateDecay {
    /// Exponential or inverse-time.
    pub shape: RateShape,
    /// Value at step 0.
    pub initial_learning_rate: f64,
    /// Steps per unit of `p`.
    pub decay_steps: f64,
    /// Factor (exponential) or slope of the denominator (inverse-time) per unit of `p`.
    pub decay_rate: f64,
    /// Whole periods only (`floor`).
    pub staircase: bool,
    /// Dtype.
    pub precision: Precision,
}

/// Endless decays: four periods, as endless restarts count four cycles.
fn four_periods(decay_steps: f64) -> f64 {
    f64::from(SHOWN_CYCLES) * decay_steps
}

impl RateDecay {
    /// Endless: four decay periods.
    pub fn length(&self) -> f64 {
        four_periods(self.decay_steps)
    }

    /// Keras raises unless decay_steps > 0; a negative rate gives NaN (an exponential's
    /// fractional powers) or an infinite rate (`1 + rate·p` reaching 0).
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_decay_steps(self.precision, self.decay_steps)?;
        let negative = self.precision.cast::<f64>(self.decay_rate) < 0.0;
        match self.shape {
            RateShape::Exponential if negative && !self.staircase => Err(ScheduleError::new(
                "decay_rate",
                "must be ≥ 0 without staircase: a negative rate to a fractional power is NaN",
            )),
            RateShape::InverseTime if negative => Err(ScheduleError::new(
                "decay_rate",
                "must be ≥ 0: a negative rate makes 1 + decay_rate·step/decay_steps reach 0 (an infinite rate)",
            )),
            _ => Ok(()),
        }
    }

    /// The value at `step`.
    pub fn at(&self, step: f64) -> f64 {
        value(self, step)
    }
}

impl KerasSchedule for RateDecay {
    fn precision(&self) -> Precision {
        self.precision
    }

    fn eval<T: KerasFloat>(&self, step: f64) -> T {
        let cast = |x: f64| self.precision.cast::<T>(x);
        let mut p = cast(step) / cast(self.decay_steps);
        if self.staircase {
            p = p.floor();
        }
        let (init, rate) = (c::<T>(self.initial_learning_rate), cast(self.decay_rate));
        match self.shape {
            RateShape::Exponential => init * rate.pow_op(p).flush(),
            RateShape::InverseTime => init / (T::one() + rate * p),
        }
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
        ((init - end) * (T::one() - p).pow_op(cast(self.power)).flush()).flush() + end
    }
}
