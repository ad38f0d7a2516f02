//! optax's `constant_schedule`, `polynomial_schedule` (and so `linear_schedule` and
//! `warmup_constant_schedule`) and `exponential_decay` (0.2.8, `_schedule.py`).

use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::length::SHOWN_CYCLES;

/// `constant_schedule(value)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Constant {
    /// The value held.
    pub value: f64,
}

impl Constant {
    /// A constant has no length of its own.
    pub fn length(&self) -> f64 {
        0.0
    }

    /// Any value is a constant.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        Ok(())
    }

    /// The value at any count.
    pub fn at(&self, _count: f64) -> f64 {
        self.value
    }
}

/// `polynomial_schedule(init_value, end_value, power, transition_steps, transition_begin)`;
/// `linear_schedule` is power 1 and `warmup_constant_schedule` a linear one from step 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Polynomial {
    /// Value up to `transition_begin`.
    pub init_value: f64,
    /// Value from `transition_begin + transition_steps` on.
    pub end_value: f64,
    /// Power on the remaining fraction.
    pub power: f64,
    /// Length of the transition; ≤ 0 holds `init_value` forever.
    pub transition_steps: f64,
    /// Steps held at `init_value` first; a negative one counts as 0.
    pub transition_begin: f64,
}

impl Polynomial {
    /// Steps the schedule is written for: the hold, then the transition.
    pub fn length(&self) -> f64 {
        if self.transition_steps > 0.0 {
            self.transition_begin.max(0.0) + self.transition_steps
        } else {
            0.0
        }
    }

    /// optax only logs its fallbacks; a negative power would make the end value infinite.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.power < 0.0 && self.transition_steps > 0.0 {
            return Err(ScheduleError::new(
                "power",
                format!(
                    "must be ≥ 0: 0 ** {} is infinite at the end of the transition",
                    self.power
                ),
            ));
        }
        Ok(())
    }

    /// The value at `count`: `(init − end)·(1 − clip(count − begin, 0, T)/T)^power + end`.
    pub fn at(&self, count: f64) -> f64 {
        let t = self.transition_steps;
        if t <= 0.0 {
            return self.init_value;
        }
        let c = (count - self.transition_begin.max(0.0)).max(0.0).min(t);
        let frac = 1.0 - c / t;
        (self.init_value - self.end_value) * frac.powf(self.power) + self.end_value
    }
}

/// `exponential_decay(init_value, transition_steps, decay_rate, transition_begin, staircase,
/// end_value)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExponentialDecay {
    /// Value up to `transition_begin`.
    pub init_value: f64,
    /// Steps per factor of `decay_rate`; ≤ 0 holds `init_value` forever.
    pub transition_steps: f64,
    /// Factor per `transition_steps`; 0 holds `init_value` forever.
    pub decay_rate: f64,
    /// Steps held at `init_value` first; a negative one counts as 0.
    pub transition_begin: f64,
    /// Whole transitions only (`floor`).
    pub staircase: bool,
    /// A floor when `decay_rate < 1`, else a ceiling.
    pub end_value: Option<f64>,
}

impl ExponentialDecay {
    /// optax's own fallbacks to a constant `init_value` (logged, not raised).
    fn constant(&self) -> bool {
        self.transition_steps <= 0.0 || self.decay_rate == 0.0
    }

    /// Endless: the hold, then four transitions (as endless restarts count four cycles).
    pub fn length(&self) -> f64 {
        if self.constant() {
            0.0
        } else {
            self.transition_begin.max(0.0) + f64::from(SHOWN_CYCLES) * self.transition_steps
        }
    }

    /// optax only logs its fallbacks; a negative rate's fractional powers would be NaN.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.decay_rate < 0.0 && !self.staircase {
            return Err(ScheduleError::new(
                "decay_rate",
                "must be ≥ 0 without staircase: a negative rate to a fractional power is NaN",
            ));
        }
        Ok(())
    }

    /// The value at `count`: `init·rate^((count − begin)/T)`, `init` until `begin`, then
    /// clipped at `end_value`.
    pub fn at(&self, count: f64) -> f64 {
        if self.constant() {
            return self.init_value;
        }
        let decreased = count - self.transition_begin.max(0.0);
        let mut p = decreased / self.transition_steps;
        if self.staircase {
            p = p.floor();
        }
        let decayed = if decreased <= 0.0 {
            self.init_value
        } else {
            self.init_value * self.decay_rate.powf(p)
        };
        match self.end_value {
            Some(end) if self.decay_rate < 1.0 => decayed.max(end),
            Some(end) => decayed.min(end),
            None => decayed,
        }
    }
}
