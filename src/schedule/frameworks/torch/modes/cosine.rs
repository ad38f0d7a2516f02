//! PyTorch's cosine schedulers, step by step as the library computes them (torch 2.15).
//!
//! Each expression keeps PyTorch's operation order: at the last ulp it matters.

use std::f64::consts::PI;

use crate::schedule::error::{check_positive, ScheduleError};
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
        self.next_after(e, prev, None).0
    }

    /// [`Self::next`], given cos(π·(e − 1)/T_max) if the step before computed it, and
    /// cos(π·e/T_max) if this step did: the same expression of the same whole number, so the
    /// same bits, and half the cosines when [`Self::steps`] runs it to 10⁶.
    fn next_after(&self, e: f64, prev: f64, before: Option<f64>) -> (f64, Option<f64>) {
        let t = self.t_max;
        if (e - 1.0 - t).rem_euclid(2.0 * t) == 0.0 {
            let lr = prev + (self.base - self.eta_min) * (1.0 - (PI / t).cos()) / 2.0;
            (lr, None)
        } else {
            let now = (PI * e / t).cos();
            let before = before.unwrap_or_else(|| (PI * (e - 1.0) / t).cos());
            let lr = (1.0 + now) / (1.0 + before) * (prev - self.eta_min) + self.eta_min;
            (lr, Some(now))
        }
    }

    /// `_get_closed_form_lr` (l.1456): used by `step(epoch)` and SequentialLR milestones.
    pub fn closed_form(&self, e: f64) -> f64 {
        self.eta_min + (self.base - self.eta_min) * (1.0 + (PI * e / self.t_max).cos()) / 2.0
    }

    /// The lr after construction, then after each call to `step()`.
    pub fn steps(self) -> impl Iterator<Item = f64> {
        self.steps_loaded(None)
    }

    /// As [`Self::steps`], with the optimizer's lr replaced by `loaded` right after
    /// construction (an optimizer state loaded into it).
    pub fn steps_loaded(self, loaded: Option<f64>) -> impl Iterator<Item = f64> {
        let (mut e, mut before) = (0.0, None);
        std::iter::successors(Some(loaded.unwrap_or(self.base)), move |&prev| {
            e += 1.0;
            let (lr, now) = self.next_after(e, prev, before);
            before = now;
            Some(lr)
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
    pub(super) fn lr(&self, t_cur: f64, t_i: f64) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_reuses_a_cosine_and_gives_the_same_bits_as_each_step_alone() {
        for (t_max, eta_min) in [
            (1.0, 0.0),
            (3.0, 1e-3),
            (7.5, 0.0),
            (10.0, 0.05),
            (1e6, 1e-6),
        ] {
            let m = CosineAnnealing {
                base: 0.1,
                t_max,
                eta_min,
            };
            let mut prev = m.base;
            // Past T_max too: the special step at T_max + 1 computes no cosine to reuse.
            for (e, lr) in m.steps().enumerate().skip(1).take(5_000) {
                let alone = m.next(e as f64, prev);
                assert_eq!(lr.to_bits(), alone.to_bits(), "T_max {t_max}, step {e}");
                prev = alone;
            }
        }
    }
}
