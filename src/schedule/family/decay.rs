//! Flat and dropping families: constant, step, multi-step, exponential.

use serde::{Deserialize, Serialize};

use super::params::{spec, ParamKind, ParamSpec, ParamValue, Reader, UNIT_FACTOR};
use super::{multiples, part, Shape};
use crate::schedule::error::{check_positive, ScheduleError};

/// The same rate throughout.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Constant {
    /// The rate.
    pub lr: f64,
}

const LR: ParamSpec = spec(
    "lr",
    "Rate",
    "The learning rate at t = 0",
    ParamKind::Rate,
    0.1,
);
const GAMMA: ParamSpec = spec(
    "gamma",
    "γ",
    "Factor applied at each drop",
    UNIT_FACTOR,
    0.1,
);

impl Shape for Constant {
    const PARAMS: &'static [ParamSpec] = &[spec(
        "lr",
        "Rate",
        "The rate throughout",
        ParamKind::Rate,
        0.1,
    )];
    fn at(&self, _t: f64) -> f64 {
        self.lr
    }
    fn turns(&self, _a: f64, _b: f64, _cap: usize) -> Vec<f64> {
        Vec::new()
    }
    fn length(&self) -> f64 {
        0.0
    }
    fn rates(&self) -> (f64, f64) {
        (self.lr, self.lr)
    }
    fn values(&self) -> Vec<ParamValue> {
        vec![ParamValue::Num(self.lr)]
    }
    fn read(r: &Reader) -> Self {
        Self { lr: r.num(0) }
    }
    fn starter(peak: f64, _length: f64) -> Self {
        Self { lr: peak }
    }
}

/// lr·γ^⌊t/step_size⌋ (PyTorch StepLR).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Initial rate.
    pub lr: f64,
    /// Steps between drops.
    pub step_size: f64,
    /// Factor per drop.
    pub gamma: f64,
}

impl Shape for Step {
    const PARAMS: &'static [ParamSpec] = &[
        LR,
        spec(
            "step_size",
            "Step size",
            "Steps between drops",
            ParamKind::Steps,
            30.0,
        ),
        GAMMA,
    ];
    fn at(&self, t: f64) -> f64 {
        self.lr * self.gamma.powf((t / self.step_size).floor())
    }
    fn check(&self) -> Result<(), ScheduleError> {
        check_positive("step_size", self.step_size)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        multiples(self.step_size, a, b, cap)
    }
    fn length(&self) -> f64 {
        3.0 * self.step_size
    }
    fn rates(&self) -> (f64, f64) {
        (0.0, self.lr)
    }
    fn values(&self) -> Vec<ParamValue> {
        nums(&[self.lr, self.step_size, self.gamma])
    }
    fn read(r: &Reader) -> Self {
        Self {
            lr: r.num(0),
            step_size: r.num(1),
            gamma: r.num(2),
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            lr: peak,
            step_size: part(length, 1.0 / 3.0),
            gamma: 0.1,
        }
    }
}

/// lr·γ^(milestones passed) (PyTorch MultiStepLR).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Multistep {
    /// Initial rate.
    pub lr: f64,
    /// Steps where the rate drops, increasing.
    pub milestones: Vec<f64>,
    /// Factor per drop.
    pub gamma: f64,
}

impl Shape for Multistep {
    const PARAMS: &'static [ParamSpec] = &[
        LR,
        spec(
            "milestones",
            "Milestones",
            "Steps where the rate drops, increasing",
            ParamKind::List,
            0.0,
        ),
        GAMMA,
    ];
    fn at(&self, t: f64) -> f64 {
        let passed = self.milestones.partition_point(|&m| m <= t);
        // powf, not powi: the same `pow` the exported Python's `**` calls.
        self.lr * self.gamma.powf(passed as f64)
    }
    fn check(&self) -> Result<(), ScheduleError> {
        increasing("milestones", &self.milestones)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        within(&self.milestones, a, b, cap)
    }
    fn length(&self) -> f64 {
        self.milestones.last().copied().unwrap_or(0.0)
    }
    fn rates(&self) -> (f64, f64) {
        (0.0, self.lr)
    }
    fn values(&self) -> Vec<ParamValue> {
        vec![
            ParamValue::Num(self.lr),
            ParamValue::List(self.milestones.clone()),
            ParamValue::Num(self.gamma),
        ]
    }
    fn read(r: &Reader) -> Self {
        Self {
            lr: r.num(0),
            milestones: r.list(1),
            gamma: r.num(2),
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            lr: peak,
            // Apart even for a length of a few steps: milestones must increase.
            milestones: vec![
                part(length, 0.5),
                part(length, 0.75).max(part(length, 0.5) + 1.0),
            ],
            gamma: 0.1,
        }
    }
}

/// lr·γ^(t/every), or lr·γ^⌊t/every⌋ as a staircase (PyTorch ExponentialLR, optax
/// exponential_decay).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exponential {
    /// Initial rate.
    pub lr: f64,
    /// Factor per `every` steps.
    pub gamma: f64,
    /// Steps over which the rate is multiplied by γ once.
    pub every: f64,
    /// Drop by whole factors every `every` steps instead of smoothly.
    pub staircase: bool,
}

impl Shape for Exponential {
    const PARAMS: &'static [ParamSpec] = &[
        LR,
        spec("gamma", "γ", "Factor per period", UNIT_FACTOR, 0.99),
        spec(
            "every",
            "Period",
            "Steps over which the rate is multiplied by γ once",
            ParamKind::Steps,
            1.0,
        ),
        spec(
            "staircase",
            "Staircase",
            "Drop by whole factors at the end of each period",
            ParamKind::Choice(&[("smooth", "Smooth"), ("staircase", "Staircase")]),
            0.0,
        ),
    ];
    fn at(&self, t: f64) -> f64 {
        let p = t / self.every;
        let p = if self.staircase { p.floor() } else { p };
        self.lr * self.gamma.powf(p)
    }
    fn check(&self) -> Result<(), ScheduleError> {
        check_positive("every", self.every)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        if self.staircase {
            multiples(self.every, a, b, cap)
        } else {
            Vec::new()
        }
    }
    fn length(&self) -> f64 {
        // Down to 1% of the start; a γ of 1 never settles, so one period is drawn.
        let periods = if self.gamma < 1.0 {
            (0.01f64.ln() / self.gamma.ln()).ceil().min(1e9)
        } else {
            1.0
        };
        (periods * self.every).min(super::STEP_LIMIT)
    }
    fn rates(&self) -> (f64, f64) {
        (0.0, self.lr)
    }
    fn values(&self) -> Vec<ParamValue> {
        vec![
            ParamValue::Num(self.lr),
            ParamValue::Num(self.gamma),
            ParamValue::Num(self.every),
            ParamValue::Choice(usize::from(self.staircase)),
        ]
    }
    fn read(r: &Reader) -> Self {
        Self {
            lr: r.num(0),
            gamma: r.num(1),
            every: r.num(2),
            staircase: r.flag(3),
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        // 1% of the peak at the end of the user's run.
        let every = part(length, 0.01);
        Self {
            lr: peak,
            gamma: 0.01f64.powf(every / length.max(every)),
            every,
            staircase: false,
        }
    }
}

/// Numbers as parameter values.
pub(super) fn nums(values: &[f64]) -> Vec<ParamValue> {
    values.iter().map(|&v| ParamValue::Num(v)).collect()
}

/// The listed times (in order) in (a, b], each once, at most `cap`.
pub(super) fn within(times: &[f64], a: f64, b: f64, cap: usize) -> Vec<f64> {
    let mut out: Vec<f64> = times.iter().copied().filter(|&t| t > a && t <= b).collect();
    out.dedup();
    out.truncate(cap);
    out
}

/// Rejects a list of steps that is not strictly increasing.
pub(super) fn increasing(field: &str, v: &[f64]) -> Result<(), ScheduleError> {
    if v.windows(2).any(|w| w[0] >= w[1]) {
        return Err(ScheduleError::new(field, "must be strictly increasing"));
    }
    Ok(())
}
