//! PyTorch's chainable schedulers (torch 2.15 l.592–1336): each `get_lr()` scales the
//! optimizer's current lr, which is what lets SequentialLR and ChainedScheduler compose them;
//! `_get_closed_form_lr()` is what a SequentialLR milestone uses instead.

use crate::schedule::error::{check_range, ScheduleError};
use crate::schedule::frameworks::python::floordiv;

/// Which chainable scheduler, with its parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// `ConstantLR(factor, total_iters)`.
    Constant {
        /// The factor applied until `total_iters`.
        factor: f64,
        /// The step at which the factor is undone.
        total_iters: f64,
    },
    /// `LinearLR(start_factor, end_factor, total_iters)`.
    Linear {
        /// The factor at step 0.
        start_factor: f64,
        /// The factor from `total_iters` on.
        end_factor: f64,
        /// Steps of the ramp.
        total_iters: f64,
    },
    /// `StepLR(step_size, gamma)`.
    Step {
        /// Decays where `last_epoch % step_size == 0`: any non-zero number, as torch takes it.
        step_size: f64,
        /// The decay factor.
        gamma: f64,
    },
    /// `MultiStepLR(milestones, gamma)`.
    MultiStep {
        /// The decay steps, sorted (a repeated one decays by gamma once per repetition); one
        /// that is not a whole number ≥ 0 is never reached.
        milestones: Vec<f64>,
        /// The decay factor.
        gamma: f64,
    },
    /// `ExponentialLR(gamma)`.
    Exponential {
        /// The factor per step.
        gamma: f64,
    },
    /// `PolynomialLR(total_iters, power)`.
    Polynomial {
        /// Steps to reach 0.
        total_iters: f64,
        /// The power of the polynomial.
        power: f64,
    },
}

/// A chainable scheduler on an optimizer whose `initial_lr` is `base`.
#[derive(Clone, Debug, PartialEq)]
pub struct Scheduler {
    /// The scheduler's `base_lrs` (the optimizer's `initial_lr` when it was constructed).
    pub base: f64,
    /// Which scheduler.
    pub kind: Kind,
}

impl Scheduler {
    /// Steps the schedule is written for: where its last change happens, with room to see it.
    pub fn length(&self) -> f64 {
        match &self.kind {
            Kind::Constant { total_iters, .. } => (2.0 * total_iters).max(1.0),
            Kind::Linear { total_iters, .. } | Kind::Polynomial { total_iters, .. } => {
                (total_iters * 1.2).ceil().max(1.0)
            }
            Kind::Step { step_size, .. } => match decay_period(*step_size) {
                p if p <= 1e12 => 3.0 * p,
                _ => 1.0,
            },
            Kind::MultiStep { milestones, .. } => milestones
                .last()
                .map_or(1.0, |&m| (m * 1.1).ceil().max(1.0)),
            // To 1 % of the base, or a hundred steps when it never decays that far.
            Kind::Exponential { gamma } if *gamma > 0.0 && *gamma < 1.0 => {
                (0.01f64.ln() / gamma.ln()).ceil().clamp(1.0, 1e6)
            }
            Kind::Exponential { .. } => 100.0,
        }
    }

    /// Rejects what PyTorch rejects, and what makes its next step raise.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_range("optimizer_lr", self.base, f64::MIN, f64::MAX)?;
        match &self.kind {
            Kind::Constant {
                factor,
                total_iters,
            } => {
                check_range("total_iters", *total_iters, 0.0, f64::MAX)?;
                if !(0.0..=1.0).contains(factor) {
                    return Err(ScheduleError::new(
                        "factor",
                        "ConstantLR raises ValueError: Constant multiplicative factor expected to be between 0 and 1",
                    ));
                }
                if *factor == 0.0 && *total_iters > 0.0 {
                    return Err(ScheduleError::new(
                        "factor",
                        "ConstantLR(factor=0) raises ZeroDivisionError at total_iters (1.0 / factor)",
                    ));
                }
                Ok(())
            }
            Kind::Linear {
                start_factor,
                end_factor,
                total_iters,
            } => {
                check_range("total_iters", *total_iters, 0.0, f64::MAX)?;
                if !(*start_factor > 0.0 && *start_factor <= 1.0) {
                    return Err(ScheduleError::new(
                        "start_factor",
                        "LinearLR raises ValueError: Starting multiplicative factor expected to be greater than 0 and less or equal to 1",
                    ));
                }
                if !(0.0..=1.0).contains(end_factor) {
                    return Err(ScheduleError::new(
                        "end_factor",
                        "LinearLR raises ValueError: Ending multiplicative factor expected to be between 0 and 1",
                    ));
                }
                Ok(())
            }
            Kind::Step { step_size, gamma } => {
                check_range("step_size", *step_size, f64::MIN, f64::MAX)?;
                if *step_size == 0.0 {
                    return Err(ScheduleError::new(
                        "step_size",
                        "StepLR(step_size=0) raises ZeroDivisionError at its first step (last_epoch % step_size)",
                    ));
                }
                check_range("gamma", *gamma, f64::MIN, f64::MAX)
            }
            Kind::MultiStep { gamma, .. } | Kind::Exponential { gamma } => {
                check_range("gamma", *gamma, f64::MIN, f64::MAX)
            }
            Kind::Polynomial { total_iters, power } => {
                check_range("total_iters", *total_iters, 0.0, f64::MAX)?;
                check_range("power", *power, f64::MIN, f64::MAX)?;
                if *power < 0.0 && *total_iters > 0.0 {
                    return Err(ScheduleError::new(
                        "power",
                        "PolynomialLR with a negative power raises ZeroDivisionError at total_iters (0.0 ** power)",
                    ));
                }
                Ok(())
            }
        }
    }

    /// `get_lr()` at `last_epoch = e` from the optimizer's current `lr`; `initial` is the
    /// constructor's own first step (`_is_initial`).
    pub fn next(&self, e: f64, lr: f64, initial: bool) -> f64 {
        match &self.kind {
            Kind::Constant {
                factor,
                total_iters,
            } => {
                if e == 0.0 {
                    lr * factor
                } else if e != *total_iters {
                    lr
                } else {
                    lr * (1.0 / factor)
                }
            }
            Kind::Linear {
                start_factor: sf,
                end_factor: ef,
                total_iters: n,
            } => {
                if e == 0.0 {
                    lr * sf
                } else if initial || e > *n {
                    lr
                } else {
                    lr * (1.0 + (ef - sf) / (n * sf + (e - 1.0) * (ef - sf)))
                }
            }
            Kind::Step { step_size, gamma } => {
                // Rust's `%` is C's fmod, zero exactly where Python's float `%` is.
                if e == 0.0 || e % step_size != 0.0 {
                    lr
                } else {
                    lr * gamma
                }
            }
            Kind::MultiStep { milestones, gamma } => match repeats(milestones, e) {
                0 => lr,
                n => lr * gamma.powf(n as f64),
            },
            Kind::Exponential { gamma } => {
                if initial {
                    lr
                } else {
                    lr * gamma
                }
            }
            Kind::Polynomial {
                total_iters: n,
                power,
            } => {
                if initial || e > *n {
                    lr
                } else {
                    lr * ((1.0 - e / n) / (1.0 - (e - 1.0) / n)).powf(*power)
                }
            }
        }
    }

    /// `_get_closed_form_lr()` at `last_epoch = e`, from `base_lrs`; PyTorch divides by
    /// `total_iters` there, so a zero one raises (`None`).
    pub fn closed_form(&self, e: f64) -> Option<f64> {
        let base = self.base;
        Some(match &self.kind {
            Kind::Constant {
                factor,
                total_iters,
            } => {
                let undone = if e >= *total_iters { 1.0 - factor } else { 0.0 };
                base * (factor + undone)
            }
            Kind::Linear {
                start_factor: sf,
                end_factor: ef,
                total_iters: n,
            } => {
                if *n == 0.0 {
                    return None;
                }
                base * (sf + (ef - sf) * n.min(e) / n)
            }
            Kind::Step { step_size, gamma } => base * gamma.powf(floordiv(e, *step_size)),
            Kind::MultiStep { milestones, gamma } => {
                base * gamma.powf(milestones.partition_point(|&m| m <= e) as f64)
            }
            Kind::Exponential { gamma } => base * gamma.powf(e),
            Kind::Polynomial {
                total_iters: n,
                power,
            } => {
                if *n == 0.0 {
                    return None;
                }
                base * (1.0 - n.min(e) / n).powf(*power)
            }
        })
    }

    /// The lr after construction, then after each call to `step()`.
    pub fn steps(&self) -> impl Iterator<Item = f64> {
        self.steps_loaded(None)
    }

    /// As [`Self::steps`], with the optimizer's lr replaced by `loaded` right after
    /// construction (an optimizer state loaded into it).
    pub fn steps_loaded(&self, loaded: Option<f64>) -> impl Iterator<Item = f64> {
        let me = self.clone();
        let mut e = 0.0;
        let first = loaded.unwrap_or_else(|| me.next(0.0, me.base, true));
        std::iter::successors(Some(first), move |&lr| {
            e += 1.0;
            Some(me.next(e, lr, false))
        })
    }
}

/// How many times `e` is among the sorted `milestones` (MultiStepLR's `Counter`).
fn repeats(milestones: &[f64], e: f64) -> usize {
    let from = milestones.partition_point(|&m| m < e);
    milestones[from..].iter().take_while(|&&m| m == e).count()
}

/// The whole steps between StepLR's decays: the least t > 0 with `t % step_size == 0`. A
/// `step_size` of m / 2ʲ (m odd) divides t exactly when m does, so 2.5 decays every 5 steps and
/// 0.1, which binary holds as an odd multiple of 2⁻⁵⁵, in effect never.
pub fn decay_period(step_size: f64) -> f64 {
    if !step_size.is_finite() {
        return f64::INFINITY;
    }
    let mut m = step_size.abs();
    while m.fract() != 0.0 {
        m *= 2.0;
    }
    m
}
