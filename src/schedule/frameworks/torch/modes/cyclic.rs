//! PyTorch's `CyclicLR` (torch 2.15 l.1788–2103): absolute, not chainable — every step is
//! computed from the step count alone, and so is the momentum it cycles inversely.

use super::one_cycle::Momentum;
use crate::schedule::error::{check_positive, check_range, ScheduleError};

/// CyclicLR's built-in `mode`, parsed once from its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CyclicMode {
    /// Constant amplitude.
    Triangular,
    /// The amplitude halves every cycle.
    Triangular2,
    /// The amplitude decays by `gamma` every step.
    ExpRange,
}

impl CyclicMode {
    /// Reads `mode` as CyclicLR spells it.
    pub fn parse(text: &str) -> Result<Self, ScheduleError> {
        match text {
            "triangular" => Ok(Self::Triangular),
            "triangular2" => Ok(Self::Triangular2),
            "exp_range" => Ok(Self::ExpRange),
            _ => Err(ScheduleError::new(
                "mode",
                format!("CyclicLR raises ValueError: mode is invalid and scale_fn is None (got '{text}')"),
            )),
        }
    }
}

/// `CyclicLR(base_lr, max_lr, step_size_up, step_size_down, mode, gamma)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cyclic {
    /// The lower lr bound (written into the optimizer by the constructor).
    pub base_lr: f64,
    /// The upper lr bound.
    pub max_lr: f64,
    /// Steps rising.
    pub step_size_up: f64,
    /// Steps falling (`None` in Python means `step_size_up`).
    pub step_size_down: f64,
    /// The amplitude's policy.
    pub mode: CyclicMode,
    /// `exp_range`'s factor per step.
    pub gamma: f64,
    /// `cycle_momentum=True` (the default): the momentum range; `None` when not cycled.
    pub momentum: Option<Momentum>,
}

impl Cyclic {
    /// PyTorch's `base_momentum` and `max_momentum` defaults.
    pub const MOMENTUM: Momentum = Momentum {
        base: 0.8,
        max: 0.9,
    };

    /// Steps the schedule is written for: two cycles.
    pub fn length(&self) -> f64 {
        2.0 * (self.step_size_up + self.step_size_down)
    }

    /// Rejects what PyTorch rejects, and what makes its first step raise.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_range("base_lr", self.base_lr, f64::MIN, f64::MAX)?;
        check_range("max_lr", self.max_lr, f64::MIN, f64::MAX)?;
        check_range("gamma", self.gamma, f64::MIN, f64::MAX)?;
        check_range("step_size_down", self.step_size_down, 0.0, f64::MAX)?;
        if self.step_size_up == 0.0 {
            return Err(ScheduleError::new(
                "step_size_up",
                "CyclicLR(step_size_up=0) raises ZeroDivisionError at its first step (x / step_ratio)",
            ));
        }
        check_positive("step_size_up", self.step_size_up)
    }

    /// Where `step` is in its cycle: the scale of the amplitude before the policy, and the
    /// policy's own factor (l.2036).
    fn scales(&self, step: f64) -> (f64, f64) {
        let total = self.step_size_up + self.step_size_down;
        let ratio = self.step_size_up / total;
        let cycle = (1.0 + step / total).floor();
        let x = 1.0 + step / total - cycle;
        let scale = if x <= ratio {
            x / ratio
        } else {
            (x - 1.0) / (ratio - 1.0)
        };
        let policy = match self.mode {
            CyclicMode::Triangular => 1.0,
            CyclicMode::Triangular2 => 1.0 / 2f64.powf(cycle - 1.0),
            CyclicMode::ExpRange => self.gamma.powf(step),
        };
        (scale, policy)
    }

    /// `get_lr()` at `last_epoch = step`, from `base` as the scheduler's `base_lrs` (the
    /// constructor's own first step runs before it sets them to `base_lr`).
    pub fn from_base(&self, base: f64, step: f64) -> f64 {
        let (scale, policy) = self.scales(step);
        base + (self.max_lr - base) * scale * policy
    }

    /// The lr at `step`.
    pub fn at(&self, step: f64) -> f64 {
        self.from_base(self.base_lr, step)
    }

    /// The momentum `get_lr()` writes into the optimizer at `step` (`None` without
    /// `cycle_momentum`).
    pub fn momentum_at(&self, step: f64) -> Option<f64> {
        let m = self.momentum?;
        let (scale, policy) = self.scales(step);
        Some(m.max - (m.max - m.base) * scale * policy)
    }
}
