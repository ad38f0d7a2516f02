//! optax's cosine schedules (0.2.8, `_schedule.py`).

use std::f64::consts::PI;

use super::piecewise::{Interpolate, PiecewiseInterpolate};
use crate::schedule::error::{check_positive, check_range, ScheduleError};

/// `cosine_decay_schedule(init_value, decay_steps, alpha, exponent)`: clamped after the end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CosineDecay {
    /// Start value.
    pub init_value: f64,
    /// Steps to the floor.
    pub decay_steps: f64,
    /// Floor as a fraction of `init_value`.
    pub alpha: f64,
    /// Power on the cosine factor.
    pub exponent: f64,
}

impl CosineDecay {
    /// Steps the schedule is written for: decay_steps.
    pub fn length(&self) -> f64 {
        self.decay_steps
    }

    /// optax raises unless decay_steps > 0.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if !(self.decay_steps > 0.0 && self.decay_steps.is_finite()) {
            return Err(ScheduleError::new(
                "decay_steps",
                format!(
                    "The cosine_decay_schedule requires positive decay_steps, got decay_steps={}.",
                    self.decay_steps
                ),
            ));
        }
        check_positive("exponent", self.exponent)
    }

    /// The value at `count`.
    pub fn at(&self, count: f64) -> f64 {
        let c = count.min(self.decay_steps);
        let cd = 0.5 * (1.0 + (PI * c / self.decay_steps).cos());
        self.init_value * ((1.0 - self.alpha) * cd.powf(self.exponent) + self.alpha)
    }
}

/// `warmup_cosine_decay_schedule`: a linear warm-up joined to a cosine; `decay_steps` includes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WarmupCosineDecay {
    /// Warm-up start.
    pub init_value: f64,
    /// Peak after the warm-up.
    pub peak_value: f64,
    /// Warm-up length.
    pub warmup_steps: f64,
    /// Total length, warm-up included.
    pub decay_steps: f64,
    /// Final value (absolute).
    pub end_value: f64,
    /// Power on the cosine factor.
    pub exponent: f64,
}

impl WarmupCosineDecay {
    /// Steps the schedule is written for: decay_steps (which counts the warm-up).
    pub fn length(&self) -> f64 {
        self.decay_steps
    }

    /// optax raises when the cosine part would be empty.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_range("warmup_steps", self.warmup_steps, 0.0, f64::MAX)?;
        if self.decay_steps - self.warmup_steps <= 0.0 || self.decay_steps.is_nan() {
            return Err(ScheduleError::new(
                "decay_steps",
                format!(
                    "must exceed warmup_steps ({}): optax's decay_steps includes the warm-up",
                    self.warmup_steps
                ),
            ));
        }
        self.cosine().validate()
    }

    fn cosine(&self) -> CosineDecay {
        let alpha = if self.peak_value == 0.0 {
            0.0
        } else {
            self.end_value / self.peak_value
        };
        CosineDecay {
            init_value: self.peak_value,
            decay_steps: self.decay_steps - self.warmup_steps,
            alpha,
            exponent: self.exponent,
        }
    }

    /// The value at `step`: `join_schedules([linear, cosine], [warmup_steps])`.
    pub fn at(&self, step: f64) -> f64 {
        let w = self.warmup_steps;
        if step < w {
            // polynomial_schedule with power 1: (init − end)·frac + end, not init + s/W·(end − init).
            let frac = 1.0 - step.clamp(0.0, w) / w;
            (self.init_value - self.peak_value) * frac + self.peak_value
        } else {
            self.cosine().at(step - w)
        }
    }
}

/// `sgdr_schedule(cosine_kwargs)`: warm-up-cosine cycles joined end to end; the last one holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Sgdr {
    /// One warm-up-cosine per cycle.
    pub cycles: Vec<WarmupCosineDecay>,
}

impl Sgdr {
    /// Steps the schedule is written for: every cycle's decay_steps.
    pub fn length(&self) -> f64 {
        self.cycles.iter().map(|c| c.decay_steps).sum()
    }

    /// Needs at least one valid cycle.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.cycles.is_empty() {
            return Err(ScheduleError::new(
                "cosine_kwargs",
                "needs at least one cycle",
            ));
        }
        self.cycles.iter().try_for_each(WarmupCosineDecay::validate)
    }

    /// The value at `step`: the last cycle whose boundary is passed, on its own clock.
    pub fn at(&self, step: f64) -> f64 {
        let mut start = 0.0;
        let mut current = &self.cycles[0];
        let mut offset = 0.0;
        for (k, cycle) in self.cycles.iter().enumerate() {
            if k > 0 && step >= start {
                current = cycle;
                offset = start;
            }
            start += cycle.decay_steps;
        }
        current.at(step - offset)
    }
}

/// `cosine_onecycle_schedule`: `piecewise_interpolate_schedule('cosine', …)`, peaking at int(pct·T).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CosineOnecycle {
    /// T.
    pub transition_steps: f64,
    /// Peak.
    pub peak_value: f64,
    /// Fraction of T spent rising.
    pub pct_start: f64,
    /// Start = peak / div_factor.
    pub div_factor: f64,
    /// End = start / final_div_factor.
    pub final_div_factor: f64,
}

impl CosineOnecycle {
    /// Steps the schedule is written for: transition_steps.
    pub fn length(&self) -> f64 {
        self.transition_steps
    }

    /// optax raises unless transition_steps > 0.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_positive("transition_steps", self.transition_steps)?;
        check_range("pct_start", self.pct_start, 0.0, 1.0)?;
        check_positive("div_factor", self.div_factor)?;
        check_positive("final_div_factor", self.final_div_factor)
    }

    /// What optax builds: a cosine interpolation peaking at `int(pct_start·T)`.
    fn piecewise(&self) -> PiecewiseInterpolate {
        let (t, div) = (self.transition_steps, self.div_factor);
        PiecewiseInterpolate::new(
            Interpolate::Cosine,
            self.peak_value / div,
            &[
                ((self.pct_start * t).trunc(), div),
                (t.trunc(), 1.0 / (div * self.final_div_factor)),
            ],
        )
    }

    /// The value at `count`.
    pub fn at(&self, count: f64) -> f64 {
        self.piecewise().at(count)
    }
}
