//! PyTorch's `torch.optim.lr_scheduler`, step by step as the library computes it (torch 2.15).
//!
//! Each expression keeps PyTorch's operation order: at the last ulp it matters.

use std::f64::consts::PI;

use crate::schedule::error::{check_positive, check_range, ScheduleError};
use crate::schedule::frameworks::length::{cycles, SHOWN_CYCLES};
use crate::schedule::frameworks::python::floor_log_base;

/// `CosineAnnealingLR(T_max, eta_min)`: recursive, and periodic past T_max (it never clamps).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CosineAnnealing {
    /// The optimizer's lr.
    pub base: f64,
    /// Half-period.
    pub t_max: f64,
    /// Absolute floor.
    pub eta_min: f64,
}

impl CosineAnnealing {
    /// Steps the schedule is written for: T_max.
    pub fn length(&self) -> f64 {
        self.t_max
    }

    /// Rejects what PyTorch rejects or what has no finite curve.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_positive("T_max", self.t_max)
    }

    /// `get_lr()` at `last_epoch = e ≥ 1` from the previous lr (l.1440–1454).
    pub fn next(&self, e: f64, prev: f64) -> f64 {
        let t = self.t_max;
        if (e - 1.0 - t).rem_euclid(2.0 * t) == 0.0 {
            prev + (self.base - self.eta_min) * (1.0 - (PI / t).cos()) / 2.0
        } else {
            (1.0 + (PI * e / t).cos()) / (1.0 + (PI * (e - 1.0) / t).cos()) * (prev - self.eta_min)
                + self.eta_min
        }
    }

    /// `_get_closed_form_lr` (l.1456): used by `step(epoch)` and SequentialLR milestones.
    pub fn closed_form(&self, e: f64) -> f64 {
        self.eta_min + (self.base - self.eta_min) * (1.0 + (PI * e / self.t_max).cos()) / 2.0
    }

    /// The lr after construction, then after each call to `step()`.
    pub fn steps(self) -> impl Iterator<Item = f64> {
        let mut e = 0.0;
        std::iter::successors(Some(self.base), move |&prev| {
            e += 1.0;
            Some(self.next(e, prev))
        })
    }
}

/// `CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)`: restarts at exactly `base`, no peak decay.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WarmRestarts {
    /// The optimizer's lr.
    pub base: f64,
    /// First cycle length (a positive integer in PyTorch).
    pub t_0: u64,
    /// Cycle growth (an integer ≥ 1 in PyTorch).
    pub t_mult: u64,
    /// Absolute floor.
    pub eta_min: f64,
}

impl WarmRestarts {
    /// Restarts never end: four cycles, as the explorer's automatic horizon shows.
    pub fn length(&self) -> f64 {
        cycles(self.t_0 as f64, self.t_mult as f64, SHOWN_CYCLES)
    }

    /// Rejects what PyTorch rejects.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.t_0 == 0 {
            return Err(ScheduleError::new("T_0", "expected a positive integer"));
        }
        if self.t_mult == 0 {
            return Err(ScheduleError::new("T_mult", "expected an integer ≥ 1"));
        }
        Ok(())
    }

    /// `get_lr()` (l.2170): not recursive.
    fn lr(&self, t_cur: f64, t_i: f64) -> f64 {
        self.eta_min + (self.base - self.eta_min) * (1.0 + (PI * t_cur / t_i).cos()) / 2.0
    }

    /// Integer stepping with `step()`: the lr after construction, then after each step.
    pub fn steps(self) -> impl Iterator<Item = f64> {
        let (mut t_cur, mut t_i) = (0u64, self.t_0);
        let first = std::iter::once(self.lr(0.0, t_i as f64));
        first.chain(std::iter::from_fn(move || {
            t_cur += 1;
            if t_cur >= t_i {
                t_cur -= t_i;
                t_i = t_i.saturating_mul(self.t_mult);
            }
            Some(self.lr(t_cur as f64, t_i as f64))
        }))
    }

    /// `step(epoch)` with an explicit, possibly fractional epoch (l.2211), `math.log` glitch included.
    pub fn at_epoch(&self, epoch: f64) -> f64 {
        let (t_0, m) = (self.t_0 as f64, self.t_mult as f64);
        let (t_cur, t_i) = if epoch < t_0 {
            (epoch, t_0)
        } else if self.t_mult == 1 {
            (epoch % t_0, t_0)
        } else {
            // Python's math.log(x, base) is log(x)/log(base); int() truncates, which for this
            // argument (≥ 1, so a log ≥ 0) is rounding down.
            let n = floor_log_base(epoch / t_0 * (m - 1.0) + 1.0, m);
            let grown = m.powf(n);
            (epoch - t_0 * (grown - 1.0) / (m - 1.0), t_0 * grown)
        };
        self.lr(t_cur, t_i)
    }
}

/// `CosineAnnealingWarmRestarts` stepped with `step(epoch)`: evaluated at any epoch ≥ 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WarmRestartsEpoch(pub WarmRestarts);

/// `SequentialLR([LinearLR, CosineAnnealingLR], milestones=[M])`: linear warm-up, then cosine.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearThenCosine {
    /// The optimizer's lr.
    pub base: f64,
    /// LinearLR `start_factor`.
    pub start_factor: f64,
    /// LinearLR `end_factor`.
    pub end_factor: f64,
    /// LinearLR `total_iters`.
    pub total_iters: f64,
    /// The cosine that takes over at the milestone.
    pub cosine: CosineAnnealing,
    /// The single milestone M.
    pub milestone: u64,
}

impl LinearThenCosine {
    /// Steps the schedule is written for: the milestone, then the cosine's T_max.
    pub fn length(&self) -> f64 {
        self.milestone as f64 + self.cosine.t_max
    }

    /// Rejects what PyTorch rejects.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_range("start_factor", self.start_factor, f64::MIN_POSITIVE, 1.0)?;
        check_range("end_factor", self.end_factor, 0.0, 1.0)?;
        check_range("total_iters", self.total_iters, 0.0, f64::MAX)?;
        self.cosine.validate()
    }

    /// LinearLR's recursive `get_lr()` at `last_epoch = e ≥ 1` (l.937).
    fn linear_next(&self, e: f64, prev: f64) -> f64 {
        if e > self.total_iters {
            return prev;
        }
        let (sf, ef) = (self.start_factor, self.end_factor);
        prev * (1.0 + (ef - sf) / (self.total_iters * sf + (e - 1.0) * (ef - sf)))
    }

    /// The lr after construction, then after each call to `step()`.
    pub fn steps(self) -> impl Iterator<Item = f64> {
        let m = self.milestone;
        let mut lr = if m > 0 {
            self.base * self.start_factor
        } else {
            self.base
        };
        let first = std::iter::once(lr);
        let (mut s, mut cosine_epoch) = (0u64, 0.0);
        first.chain(std::iter::from_fn(move || {
            s += 1;
            lr = if s < m {
                self.linear_next(s as f64, lr)
            } else if s == m {
                // SequentialLR restarts the cosine through `_update_lr(0)`: the closed form.
                cosine_epoch = 0.0;
                self.cosine.closed_form(0.0)
            } else {
                cosine_epoch += 1.0;
                self.cosine.next(cosine_epoch, lr)
            };
            Some(lr)
        }))
    }
}

/// `OneCycleLR`: cosine (or linear) up to `max_lr` and down, in two or three phases.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OneCycle {
    /// Peak lr.
    pub max_lr: f64,
    /// Number of steps in the cycle.
    pub total_steps: u64,
    /// Fraction of steps spent rising.
    pub pct_start: f64,
    /// initial lr = max_lr / div_factor.
    pub div_factor: f64,
    /// min lr = initial lr / final_div_factor.
    pub final_div_factor: f64,
    /// Rise, fall back to the initial lr, then anneal to the min lr.
    pub three_phase: bool,
    /// `anneal_strategy='linear'` instead of `'cos'`.
    pub linear: bool,
}

impl OneCycle {
    /// Steps the schedule is written for: total_steps.
    pub fn length(&self) -> f64 {
        self.total_steps as f64
    }

    /// Rejects what PyTorch rejects.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.total_steps == 0 {
            return Err(ScheduleError::new(
                "total_steps",
                "expected a positive integer",
            ));
        }
        check_range("pct_start", self.pct_start, 0.0, 1.0)?;
        check_positive("div_factor", self.div_factor)?;
        check_positive("final_div_factor", self.final_div_factor)
    }

    fn anneal(&self, start: f64, end: f64, pct: f64) -> f64 {
        if self.linear {
            (end - start) * pct + start
        } else {
            end + (start - end) / 2.0 * ((PI * pct).cos() + 1.0)
        }
    }

    /// `get_lr()` at `last_epoch = step` (l.2546); past `total_steps` PyTorch raises.
    pub fn at(&self, step: u64) -> Result<f64, ScheduleError> {
        if step > self.total_steps {
            return Err(ScheduleError::new(
                "step",
                format!(
                    "OneCycleLR raises ValueError past total_steps ({}), asked for {step}",
                    self.total_steps
                ),
            ));
        }
        let total = self.total_steps as f64;
        let initial = self.max_lr / self.div_factor;
        let min = initial / self.final_div_factor;
        let first_end = self.pct_start * total - 1.0;
        let phases: &[(f64, f64, f64)] = if self.three_phase {
            &[
                (first_end, initial, self.max_lr),
                (2.0 * self.pct_start * total - 2.0, self.max_lr, initial),
                (total - 1.0, initial, min),
            ]
        } else {
            &[
                (first_end, initial, self.max_lr),
                (total - 1.0, self.max_lr, min),
            ]
        };
        let s = step as f64;
        // The first phase whose end is not passed, else the last one (which extrapolates).
        let last = phases.len() - 1;
        let (mut k, mut start_step) = (0, 0.0);
        while k < last && s > phases[k].0 {
            start_step = phases[k].0;
            k += 1;
        }
        let (end_step, from, to) = phases[k];
        let pct = (s - start_step) / (end_step - start_step);
        Ok(self.anneal(from, to, pct))
    }
}
