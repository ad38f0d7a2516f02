//! `get_wsd_schedule`'s lambda (`transformers.optimization` 5.24.0, l.470).

use std::f64::consts::PI;

use super::at_least_zero;
use crate::schedule::error::{check_range, ScheduleError};

/// Shapes of the WSD warm-up and decay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WsdShape {
    /// Straight line.
    Linear,
    /// Half cosine.
    Cosine,
    /// 1 − √(1 − p) up, 1 − √p down.
    OneMinusSqrt,
}

impl WsdShape {
    /// Parses transformers' spelling (`linear`, `cosine`, `1-sqrt`).
    pub fn parse(field: &str, name: &str) -> Result<Self, ScheduleError> {
        match name {
            "linear" => Ok(Self::Linear),
            "cosine" => Ok(Self::Cosine),
            "1-sqrt" => Ok(Self::OneMinusSqrt),
            other => Err(ScheduleError::new(
                field,
                format!("unknown type '{other}', expected linear, cosine or 1-sqrt"),
            )),
        }
    }
}

/// `get_wsd_schedule`: warm-up, stable, decay, then the floor (l.470).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wsd {
    /// The optimizer's lr.
    pub base: f64,
    /// W.
    pub warmup: f64,
    /// S (num_training_steps − W − D when not given).
    pub stable: f64,
    /// D.
    pub decay: f64,
    /// Warm-up shape.
    pub warmup_type: WsdShape,
    /// Decay shape.
    pub decay_type: WsdShape,
    /// Floor as a fraction of the optimizer's lr.
    pub min_lr_ratio: f64,
    /// Half-waves of the cosine decay.
    pub num_cycles: f64,
}

impl Wsd {
    /// Steps the schedule is written for: warm-up, stable and decay.
    pub fn length(&self) -> f64 {
        self.warmup + self.stable + self.decay
    }

    /// Rejects floors outside [0, 1].
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_range("min_lr_ratio", self.min_lr_ratio, 0.0, 1.0)
    }

    /// λ(s) for the current step s.
    pub fn lambda(&self, s: f64) -> f64 {
        let (w, st, d, m) = (self.warmup, self.stable, self.decay, self.min_lr_ratio);
        if s < w {
            let p = s / w.max(1.0);
            let f = match self.warmup_type {
                WsdShape::Linear => p,
                WsdShape::Cosine => 0.5 * (1.0 - (PI * p).cos()),
                WsdShape::OneMinusSqrt => 1.0 - (1.0 - p).sqrt(),
            };
            return at_least_zero(f * (1.0 - m) + m);
        }
        if s < w + st {
            return 1.0;
        }
        if s < w + st + d {
            let p = (s - w - st) / d.max(1.0);
            let f = match self.decay_type {
                WsdShape::Linear => 1.0 - p,
                WsdShape::Cosine => 0.5 * (1.0 + (PI * self.num_cycles * 2.0 * p).cos()),
                WsdShape::OneMinusSqrt => 1.0 - p.sqrt(),
            };
            return at_least_zero(f * (1.0 - m) + m);
        }
        m
    }

    /// The lr at step s.
    pub fn at(&self, s: f64) -> f64 {
        self.base * self.lambda(s)
    }
}
