//! timm's `PolyLRScheduler` and `TanhLRScheduler` (timm 1.0.31, `poly_lr.py` l.85–113,
//! `tanh_lr.py` l.82–112): cosine's cycles with another curve inside each.

use super::{check_cycled, cycle, cycled_length, phase, require, Phase};
use crate::schedule::error::ScheduleError;

/// The curve inside each cycle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CycleShape {
    /// `(1 − t_curr^k / t_i^k)^power`.
    Poly {
        /// Exponent of the decay.
        power: f64,
        /// k-decay exponent.
        k_decay: f64,
    },
    /// `½·(1 − tanh(lb·(1 − tr) + ub·tr))`.
    Tanh {
        /// tanh's argument at the cycle's start.
        lb: f64,
        /// tanh's argument at the cycle's end.
        ub: f64,
    },
}

/// `PolyLRScheduler` or `TanhLRScheduler` with every parameter that shapes the curve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CycleLr {
    /// The optimizer's lr.
    pub base: f64,
    /// The curve inside each cycle.
    pub shape: CycleShape,
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
    /// The decay's clock starts after the warm-up.
    pub warmup_prefix: bool,
}

impl CycleLr {
    /// Steps (or epochs) the schedule is written for: the prefix warm-up, then its cycles (four
    /// at most when restarts go on).
    pub fn length(&self) -> f64 {
        cycled_length(
            self.t_initial,
            self.cycle_mul,
            self.cycle_limit,
            self.warmup_t,
            self.warmup_prefix,
        )
    }

    /// Rejects what timm asserts, or what has no finite curve.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_cycled(self.t_initial, self.lr_min, self.cycle_mul, self.warmup_t)?;
        match self.shape {
            CycleShape::Tanh { lb, ub } => {
                require(
                    lb < ub,
                    "lb",
                    format!("timm asserts lb < ub, got lb={lb}, ub={ub}"),
                )?;
                let limit = self.cycle_limit;
                let why = format!("timm asserts cycle_limit >= 0, got {limit}");
                require(limit >= 0.0, "cycle_limit", why)?;
                let init = self.warmup_lr_init;
                let why = format!("timm asserts warmup_lr_init >= 0, got {init}");
                require(init >= 0.0, "warmup_lr_init", why)
            }
            CycleShape::Poly { k_decay: k, .. } => require(
                k > 0.0,
                "k_decay",
                format!("must be above 0 (t_i ** k divides), got {k}"),
            ),
        }
    }

    /// The lr at epoch or update `t`.
    pub fn at(&self, t: f64) -> f64 {
        // Tanh without a prefix warms up towards its own curve at warmup_t (`_get_lr(warmup_t)`
        // in __init__); every other warm-up aims at the optimizer's lr.
        let target = match self.shape {
            CycleShape::Tanh { .. } if !self.warmup_prefix && self.warmup_t > 0.0 => {
                self.decayed(self.warmup_t)
            }
            _ => self.base,
        };
        match phase(
            t,
            self.warmup_t,
            self.warmup_lr_init,
            target,
            self.warmup_prefix,
        ) {
            Phase::Warmup(lr) => lr,
            Phase::Decay(t) => self.decayed(t),
        }
    }

    /// The cycled curve at the decay's own t.
    fn decayed(&self, t: f64) -> f64 {
        let (i, t_i, t_curr) = cycle(t, self.t_initial, self.cycle_mul);
        if i >= self.cycle_limit {
            return self.lr_min;
        }
        let lr_max = self.base * self.cycle_decay.powf(i);
        let min = self.lr_min;
        match self.shape {
            CycleShape::Poly { power, k_decay: k } => {
                min + (lr_max - min) * (1.0 - t_curr.powf(k) / t_i.powf(k)).powf(power)
            }
            CycleShape::Tanh { lb, ub } => {
                let tr = t_curr / t_i;
                min + 0.5 * (lr_max - min) * (1.0 - (lb * (1.0 - tr) + ub * tr).tanh())
            }
        }
    }
}
