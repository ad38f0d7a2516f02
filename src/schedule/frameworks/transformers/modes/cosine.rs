//! The `get_cosine_*` lambdas of `transformers.optimization` (5.24.0).

use std::f64::consts::PI;

use super::{at_least_zero, warmup};
use crate::schedule::error::{check_range, ScheduleError};

/// The cosine lambdas of `transformers`, each with its own warm-up and progress convention.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cosine {
    /// `get_cosine_schedule_with_warmup` (the l.326 lambda with min_lr_rate = 0).
    WithWarmup,
    /// `get_cosine_with_hard_restarts_schedule_with_warmup` (l.177).
    HardRestarts,
    /// `get_cosine_with_min_lr_schedule_with_warmup` with floor fraction `min_lr_rate`.
    MinLr {
        /// Floor as a fraction of the optimizer's lr.
        min_lr_rate: f64,
    },
    /// `get_cosine_with_min_lr_schedule_with_warmup_lr_rate` (l.389): one step earlier.
    MinLrRate {
        /// Floor as a fraction of the optimizer's lr.
        min_lr_rate: f64,
        /// Warm-up start as a fraction, or `None` for (s+1)/W.
        warmup_lr_rate: Option<f64>,
    },
}

/// One of the cosine schedules with its step counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CosineSchedule {
    /// The optimizer's lr.
    pub base: f64,
    /// Which lambda.
    pub kind: Cosine,
    /// W.
    pub num_warmup_steps: f64,
    /// N.
    pub num_training_steps: f64,
    /// Half-waves: 0.5 is one descent.
    pub num_cycles: f64,
}

impl CosineSchedule {
    /// Steps the schedule is written for: num_training_steps.
    pub fn length(&self) -> f64 {
        self.num_training_steps
    }

    /// Rejects floors outside [0, 1].
    pub fn validate(&self) -> Result<(), ScheduleError> {
        match self.kind {
            Cosine::MinLr { min_lr_rate } | Cosine::MinLrRate { min_lr_rate, .. } => {
                check_range("min_lr_rate", min_lr_rate, 0.0, 1.0)
            }
            _ => Ok(()),
        }
    }

    /// λ(s) for the current step s.
    pub fn lambda(&self, s: f64) -> f64 {
        let (w, n, nc) = (
            self.num_warmup_steps,
            self.num_training_steps,
            self.num_cycles,
        );
        if let Cosine::MinLrRate {
            min_lr_rate,
            warmup_lr_rate,
        } = self.kind
        {
            if s < w {
                return match warmup_lr_rate {
                    None => (s + 1.0) / w.max(1.0),
                    Some(r) => r + (1.0 - r) * s / (w - 1.0).max(1.0),
                };
            }
            let progress = (s - w + 1.0) / (n - w).max(1.0);
            let factor = 0.5 * (1.0 + (PI * nc * 2.0 * progress).cos());
            return at_least_zero(factor * (1.0 - min_lr_rate) + min_lr_rate);
        }
        if let Some(up) = warmup(s, w) {
            return up;
        }
        let progress = (s - w) / (n - w).max(1.0);
        match self.kind {
            Cosine::HardRestarts => {
                if progress >= 1.0 {
                    0.0
                } else {
                    at_least_zero(0.5 * (1.0 + (PI * ((nc * progress) % 1.0)).cos()))
                }
            }
            Cosine::MinLr { min_lr_rate } => {
                let factor = 0.5 * (1.0 + (PI * nc * 2.0 * progress).cos());
                at_least_zero(factor * (1.0 - min_lr_rate) + min_lr_rate)
            }
            // The shadowing l.326 lambda with min_lr_rate = 0: f·(1 − 0) + 0 is f exactly.
            Cosine::WithWarmup | Cosine::MinLrRate { .. } => {
                at_least_zero(0.5 * (1.0 + (PI * nc * 2.0 * progress).cos()))
            }
        }
    }

    /// The lr at step s.
    pub fn at(&self, s: f64) -> f64 {
        self.base * self.lambda(s)
    }
}
