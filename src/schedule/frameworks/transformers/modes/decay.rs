//! The non-cosine lambdas after the shared warm-up: `get_constant_schedule(_with_warmup)`,
//! `get_linear_schedule_with_warmup`, `get_polynomial_decay_schedule_with_warmup`,
//! `get_inverse_sqrt_schedule` (`transformers.optimization` 5.24.0, l.35–323).

use super::{at_least_zero, warmup};
use crate::schedule::error::ScheduleError;

/// What follows the warm-up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Decay {
    /// λ = 1 (`get_constant_schedule` is this with W = 0).
    Constant,
    /// `max(0, (N − s) / max(1, N − W))`.
    Linear {
        /// N.
        num_training_steps: f64,
    },
    /// `((lr − lr_end)·(1 − (s − W)/(N − W))^power + lr_end) / lr`, then `lr_end / lr` past N.
    Polynomial {
        /// N.
        num_training_steps: f64,
        /// The lr it ends at.
        lr_end: f64,
        /// Exponent of the decay.
        power: f64,
    },
    /// `1 / √((s + timescale − W) / timescale)`.
    InverseSqrt {
        /// Steps over which the lr halves twice (W, or 10 000 when W is 0, by default).
        timescale: f64,
    },
}

/// A linear warm-up from 0 over W steps, then a [`Decay`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WarmupDecay {
    /// The optimizer's lr (also the polynomial's `lr_init`, `optimizer.defaults["lr"]`).
    pub base: f64,
    /// W.
    pub num_warmup_steps: f64,
    /// What follows the warm-up.
    pub decay: Decay,
}

impl WarmupDecay {
    /// Steps the schedule is written for: num_training_steps, or ten warm-ups (timescales)
    /// for the schedules that never end.
    pub fn length(&self) -> f64 {
        let w = self.num_warmup_steps;
        match self.decay {
            Decay::Linear { num_training_steps }
            | Decay::Polynomial {
                num_training_steps, ..
            } => num_training_steps,
            Decay::Constant => (10.0 * w).max(100.0),
            Decay::InverseSqrt { timescale } => 10.0 * w.max(timescale),
        }
    }

    /// Rejects what transformers raises on, at construction or at the step that would fail.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        let w = self.num_warmup_steps;
        match self.decay {
            Decay::Polynomial {
                num_training_steps: n,
                lr_end,
                power,
            } => {
                let lr = self.base;
                if lr <= lr_end {
                    return Err(ScheduleError::new(
                        "lr_end",
                        format!("lr_end ({lr_end:?}) must be smaller than initial lr ({lr:?})"),
                    ));
                }
                if n == w {
                    return Err(ScheduleError::new(
                        "num_training_steps",
                        "division by zero at step num_training_steps (it equals num_warmup_steps)",
                    ));
                }
                if lr == 0.0 {
                    return Err(ScheduleError::new(
                        "optimizer_lr",
                        "float division by zero (the lambda divides by the initial lr)",
                    ));
                }
                if power < 0.0 && n > w {
                    return Err(ScheduleError::new(
                        "power",
                        "0.0 cannot be raised to a negative power (at step num_training_steps)",
                    ));
                }
                Ok(())
            }
            Decay::InverseSqrt { timescale: 0.0 } => {
                Err(ScheduleError::new("timescale", "float division by zero"))
            }
            Decay::InverseSqrt { timescale } if timescale < 0.0 => Err(ScheduleError::new(
                "timescale",
                "math domain error (the square root's argument turns negative)",
            )),
            _ => Ok(()),
        }
    }

    /// λ(s) for the current step s.
    pub fn lambda(&self, s: f64) -> f64 {
        let w = self.num_warmup_steps;
        if let Some(up) = warmup(s, w) {
            return up;
        }
        match self.decay {
            Decay::Constant => 1.0,
            Decay::Linear {
                num_training_steps: n,
            } => at_least_zero((n - s) / (n - w).max(1.0)),
            Decay::Polynomial {
                num_training_steps: n,
                lr_end,
                power,
            } => {
                let lr_init = self.base;
                if s > n {
                    return lr_end / lr_init;
                }
                let pct_remaining = 1.0 - (s - w) / (n - w);
                ((lr_init - lr_end) * pct_remaining.powf(power) + lr_end) / lr_init
            }
            Decay::InverseSqrt { timescale } => {
                let shift = timescale - w;
                1.0 / ((s + shift) / timescale).sqrt()
            }
        }
    }

    /// The lr at step s.
    pub fn at(&self, s: f64) -> f64 {
        self.base * self.lambda(s)
    }
}
