//! timm's `CosineLRScheduler._get_lr(t)` (timm 1.0.31, `cosine_lr.py` l.81–109): stateless in t.

use std::f64::consts::PI;

use crate::schedule::error::{check_positive, check_range, ScheduleError};
use crate::schedule::frameworks::length::{cycles, SHOWN_CYCLES};
use crate::schedule::frameworks::python::{floor_log_base, floordiv};

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
        let n = (self.cycle_limit as u32).clamp(1, SHOWN_CYCLES);
        let prefix = if self.warmup_prefix {
            self.warmup_t
        } else {
            0.0
        };
        prefix + cycles(self.t_initial, self.cycle_mul, n)
    }

    /// Rejects what timm rejects or what has no finite curve.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_positive("t_initial", self.t_initial)?;
        check_range("lr_min", self.lr_min, 0.0, f64::MAX)?;
        check_positive("cycle_mul", self.cycle_mul)?;
        check_range("warmup_t", self.warmup_t, 0.0, f64::MAX)?;
        check_positive("k_decay", self.k_decay)
    }

    /// The lr at epoch or update `t`.
    pub fn at(&self, t: f64) -> f64 {
        if t < self.warmup_t {
            let slope = (self.base - self.warmup_lr_init) / self.warmup_t;
            return self.warmup_lr_init + t * slope;
        }
        let t = if self.warmup_prefix {
            t - self.warmup_t
        } else {
            t
        };
        let (cm, ti) = (self.cycle_mul, self.t_initial);
        let (i, t_i, t_curr) = if cm != 1.0 {
            // math.log(x, base) = log(x)/log(base): the float glitch at t_initial=1, cycle_mul=3 stays.
            let i = floor_log_base(1.0 - t / ti * (1.0 - cm), cm);
            let t_i = cm.powf(i) * ti;
            (i, t_i, t - (1.0 - cm.powf(i)) / (1.0 - cm) * ti)
        } else {
            let i = floordiv(t, ti);
            (i, ti, t - ti * i)
        };
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
