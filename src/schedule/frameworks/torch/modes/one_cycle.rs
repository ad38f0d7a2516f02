//! PyTorch's `OneCycleLR` (torch 2.15 l.2285–2606): phases of cosine or linear annealing of
//! the lr and, inversely, of the optimizer's momentum.

use std::f64::consts::PI;

use crate::schedule::error::{check_positive, check_range, ScheduleError};

/// The momentum range a cycling scheduler moves the optimizer's momentum (SGD's `momentum`,
/// Adam's β₁) through, inversely to the lr.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Momentum {
    /// The momentum at the lr's peak.
    pub base: f64,
    /// The momentum at the lr's lowest.
    pub max: f64,
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
    /// `cycle_momentum=True` (the default): the momentum range; `None` when not cycled.
    pub momentum: Option<Momentum>,
}

impl OneCycle {
    /// PyTorch's `base_momentum` and `max_momentum` defaults.
    pub const MOMENTUM: Momentum = Momentum {
        base: 0.85,
        max: 0.95,
    };

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

    /// The lr the cycle starts from, as the constructor writes it into `initial_lr`.
    pub fn initial_lr(&self) -> f64 {
        self.max_lr / self.div_factor
    }

    fn anneal(&self, start: f64, end: f64, pct: f64) -> f64 {
        if self.linear {
            (end - start) * pct + start
        } else {
            end + (start - end) / 2.0 * ((PI * pct).cos() + 1.0)
        }
    }

    /// The phase `step` falls in and how far into it, as `get_lr` finds them (l.2576): the
    /// first phase whose end is not passed, else the last one (which extrapolates).
    fn phase(&self, step: u64) -> Result<(usize, f64), ScheduleError> {
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
        let first = self.pct_start * total - 1.0;
        let ends = [first, 2.0 * self.pct_start * total - 2.0, total - 1.0];
        let ends: &[f64] = if self.three_phase {
            &ends
        } else {
            &[first, total - 1.0]
        };
        let s = step as f64;
        let last = ends.len() - 1;
        let (mut k, mut start_step) = (0, 0.0);
        while k < last && s > ends[k] {
            start_step = ends[k];
            k += 1;
        }
        Ok((k, (s - start_step) / (ends[k] - start_step)))
    }

    /// `get_lr()` at `last_epoch = step` (l.2546); past `total_steps` PyTorch raises.
    pub fn at(&self, step: u64) -> Result<f64, ScheduleError> {
        let (k, pct) = self.phase(step)?;
        let initial = self.initial_lr();
        let min = initial / self.final_div_factor;
        let (from, to) = match (self.three_phase, k) {
            (_, 0) => (initial, self.max_lr),
            (true, 1) => (self.max_lr, initial),
            (true, _) => (initial, min),
            (false, _) => (self.max_lr, min),
        };
        Ok(self.anneal(from, to, pct))
    }

    /// The momentum `get_lr()` writes into the optimizer at `step` (`None` without
    /// `cycle_momentum`); past `total_steps` PyTorch raises.
    pub fn momentum_at(&self, step: u64) -> Result<Option<f64>, ScheduleError> {
        let Some(m) = self.momentum else {
            return Ok(None);
        };
        let (k, pct) = self.phase(step)?;
        let (from, to) = match (self.three_phase, k) {
            (_, 0) => (m.max, m.base),
            (_, 1) => (m.base, m.max),
            // Only the three-phase cycle has a third phase: momentum stays at its max.
            _ => (m.max, m.max),
        };
        Ok(Some(self.anneal(from, to, pct)))
    }
}
