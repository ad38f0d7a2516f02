//! timm's `CosineLRScheduler._get_lr(t)` (timm 1.0.31, `cosine_lr.py` l.81–109).

use std::f64::consts::PI;

use super::{check_cycled, cycle, cycled_length, phase, Phase};
use crate::schedule::error::{check_positive, ScheduleError};

/// `CosineLRScheduler` with every parameter that shapes the curve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CosineLr {
    /// The optimizer's lr.
    pub base: f64,
    /// First cycle length.
    pub t_initial: f64,
    /// Absolute floor (not decayed).
    pub lr_min: f64,
    /// Cycle growth factor.
    pub cycle_mul: f64,
    /// Peak decay per cycle.
    pub cycle_decay: f64,
    /// Cycles before the lr holds at `lr_min`.
    pub cycle_limit: f64,
    /// Warm-up length.
    pub warmup_t: f64,
    /// lr at t = 0 of the warm-up.
    pub warmup_lr_init: f64,
    /// The cosine clock starts after the warm-up.
    pub warmup_prefix: bool,
    /// k-decay exponent.
    pub k_decay: f64,
}

impl CosineLr {
    /// Steps (or epochs) the schedule is written for: the prefix warm-up, then its cycles (four at most when restarts go on).
    pub fn length(&self) -> f64 {
        cycled_length(
            self.t_initial,
            self.cycle_mul,
            self.cycle_limit,
            self.warmup_t,
            self.warmup_prefix,
        )
    }

    /// Rejects what timm rejects or what has no finite curve.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_cycled(self.t_initial, self.lr_min, self.cycle_mul, self.warmup_t)?;
        check_positive("k_decay", self.k_decay)
    }

    /// The lr at epoch or update `t`.
    pub fn at(&self, t: f64) -> f64 {
        let t = match phase(
            t,
            self.warmup_t,
            self.warmup_lr_init,
            self.base,
            self.warmup_prefix,
        ) {
            Phase::Warmup(lr) => return lr,
            Phase::Decay(t) => t,
        };
        let (i, t_i, t_curr) = cycle(t, self.t_initial, self.cycle_mul);
        let lr_max = self.base * self.cycle_decay.powf(i);
        if i < self.cycle_limit {
            let k = self.k_decay;
            self.lr_min
                + 0.5 * (lr_max - self.lr_min) * (1.0 + (PI * t_curr.powf(k) / t_i.powf(k)).cos())
        } else {
            self.lr_min
        }
    }
}
