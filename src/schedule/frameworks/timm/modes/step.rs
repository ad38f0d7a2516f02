//! timm's `StepLRScheduler` and `MultiStepLRScheduler` (timm 1.0.31, `step_lr.py` l.58–65,
//! `multistep_lr.py` l.67–84): the optimizer's lr times decay_rate per milestone passed.

use super::{check_warmup, phase, prefix_of, Phase};
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::python::floordiv;

/// Where the decays happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Milestones {
    /// Every `decay_t` (StepLRScheduler: `decay_rate ** (t // decay_t)`).
    Every(f64),
    /// At each listed t, one step early (MultiStepLRScheduler: `bisect_right(decay_t, t + 1)`).
    At(Vec<f64>),
}

/// `StepLRScheduler` or `MultiStepLRScheduler` with every parameter that shapes the curve.
#[derive(Clone, Debug, PartialEq)]
pub struct StepLr {
    /// The optimizer's lr.
    pub base: f64,
    /// Where the decays happen.
    pub milestones: Milestones,
    /// Factor per decay.
    pub decay_rate: f64,
    /// Warm-up length.
    pub warmup_t: f64,
    /// lr at t = 0 of the warm-up.
    pub warmup_lr_init: f64,
    /// The decay's clock starts after the warm-up (timm's default here: True).
    pub warmup_prefix: bool,
}

/// Python's `bisect.bisect_right(a, x)`, its own halving so an unsorted list gives timm's answer.
fn bisect_right(a: &[f64], x: f64) -> usize {
    let (mut lo, mut hi) = (0, a.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

impl StepLr {
    /// Steps (or epochs) the schedule is written for: four periods, or the last milestone and
    /// one mean gap after it.
    pub fn length(&self) -> f64 {
        let decays = match &self.milestones {
            Milestones::Every(d) => 4.0 * d,
            Milestones::At(ts) => {
                let last = ts.iter().copied().fold(0.0, f64::max);
                last + last / ts.len().max(1) as f64
            }
        };
        prefix_of(self.warmup_t, self.warmup_prefix) + decays.max(1.0)
    }

    /// Rejects what Python would raise on (`t // 0`, `0.0 ** -1`).
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_warmup(self.warmup_t)?;
        if let Milestones::Every(d) = self.milestones {
            if d == 0.0 {
                return Err(ScheduleError::new(
                    "decay_t",
                    "float floor division by zero",
                ));
            }
            if d < 0.0 && self.decay_rate == 0.0 {
                return Err(ScheduleError::new(
                    "decay_rate",
                    "0.0 cannot be raised to a negative power (decay_t < 0)",
                ));
            }
        }
        Ok(())
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
        let decays = match &self.milestones {
            Milestones::Every(d) => floordiv(t, *d),
            Milestones::At(ts) => bisect_right(ts, t + 1.0) as f64,
        };
        self.base * self.decay_rate.powf(decays)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bisect_right_is_pythons() {
        assert_eq!(bisect_right(&[30.0, 60.0, 90.0], 30.0), 1);
        assert_eq!(bisect_right(&[30.0, 60.0, 90.0], 29.0), 0);
        assert_eq!(bisect_right(&[30.0, 60.0, 90.0], 91.0), 3);
        // bisect.bisect_right([90, 30, 60], 50) == 2 in Python: the halving, not a count.
        assert_eq!(bisect_right(&[90.0, 30.0, 60.0], 50.0), 2);
        assert_eq!(bisect_right(&[], 5.0), 0);
    }
}
