//! Families that travel once from one rate to another: linear, polynomial, inverse square root,
//! tanh.

use serde::{Deserialize, Serialize};

use super::decay::{nums, within};
use super::params::{spec, ParamKind, ParamSpec, ParamValue, Reader};
use super::{part, Shape};
use crate::schedule::error::{check_positive, ScheduleError};

/// A straight line from `start` to `end` over `steps`, then `end`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Linear {
    /// Rate at t = 0.
    pub start: f64,
    /// Rate from `steps` on.
    pub end: f64,
    /// Length of the ramp.
    pub steps: f64,
}

const END: ParamSpec = spec(
    "end",
    "End rate",
    "The rate it settles at",
    ParamKind::Rate,
    0.0,
);
const STEPS: ParamSpec = spec(
    "steps",
    "Steps",
    "Steps until it settles",
    ParamKind::Steps,
    100.0,
);

impl Shape for Linear {
    const PARAMS: &'static [ParamSpec] = &[
        spec(
            "start",
            "Start rate",
            "The rate at t = 0",
            ParamKind::Rate,
            0.1,
        ),
        END,
        STEPS,
    ];
    fn at(&self, t: f64) -> f64 {
        // The end exactly from `steps` on: start + (end − start)·1 can miss it by an ulp.
        if t >= self.steps {
            self.end
        } else {
            self.start + (self.end - self.start) * (t / self.steps)
        }
    }
    fn check(&self) -> Result<(), ScheduleError> {
        check_positive("steps", self.steps)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        within(&[self.steps], a, b, cap)
    }
    fn length(&self) -> f64 {
        self.steps
    }
    fn rates(&self) -> (f64, f64) {
        (self.start.min(self.end), self.start.max(self.end))
    }
    fn values(&self) -> Vec<ParamValue> {
        nums(&[self.start, self.end, self.steps])
    }
    fn read(r: &Reader) -> Self {
        Self {
            start: r.num(0),
            end: r.num(1),
            steps: r.num(2),
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            start: peak,
            end: 0.0,
            steps: part(length, 1.0),
        }
    }
}

/// (lr − end)·(1 − t/steps)^power + end, then `end` (PyTorch PolynomialLR, optax
/// polynomial_schedule).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Polynomial {
    /// Rate at t = 0.
    pub lr: f64,
    /// Rate from `steps` on.
    pub end: f64,
    /// Length of the decay.
    pub steps: f64,
    /// Curvature; 1 is linear.
    pub power: f64,
}

impl Shape for Polynomial {
    const PARAMS: &'static [ParamSpec] = &[
        spec("lr", "Rate", "The rate at t = 0", ParamKind::Rate, 0.1),
        END,
        STEPS,
        spec(
            "power",
            "Power",
            "Curvature of the decay; 1 is a straight line",
            ParamKind::Real {
                min: 1e-3,
                max: 1e3,
            },
            1.0,
        ),
    ];
    fn at(&self, t: f64) -> f64 {
        (self.lr - self.end) * (1.0 - (t / self.steps).min(1.0)).powf(self.power) + self.end
    }
    fn check(&self) -> Result<(), ScheduleError> {
        check_positive("steps", self.steps)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        within(&[self.steps], a, b, cap)
    }
    fn length(&self) -> f64 {
        self.steps
    }
    fn rates(&self) -> (f64, f64) {
        (self.lr.min(self.end), self.lr.max(self.end))
    }
    fn values(&self) -> Vec<ParamValue> {
        nums(&[self.lr, self.end, self.steps, self.power])
    }
    fn read(r: &Reader) -> Self {
        Self {
            lr: r.num(0),
            end: r.num(1),
            steps: r.num(2),
            power: r.num(3),
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            lr: peak,
            end: 0.0,
            steps: part(length, 1.0),
            power: 2.0,
        }
    }
}

/// Linear warm-up to `lr` over `warmup` steps, then lr/√((t − warmup + timescale)/timescale)
/// (Hugging Face get_inverse_sqrt_schedule, in its arithmetic).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Isqrt {
    /// Peak rate, reached at the end of the warm-up.
    pub lr: f64,
    /// Warm-up steps from 0.
    pub warmup: f64,
    /// Scale of the decay: the rate is lr/√2 this many steps after the warm-up.
    pub timescale: f64,
}

impl Shape for Isqrt {
    const PARAMS: &'static [ParamSpec] = &[
        spec(
            "lr",
            "Peak rate",
            "The rate at the end of the warm-up",
            ParamKind::Rate,
            0.1,
        ),
        spec(
            "warmup",
            "Warm-up",
            "Steps of linear warm-up from 0",
            ParamKind::Steps,
            0.0,
        ),
        spec(
            "timescale",
            "Timescale",
            "The rate is lr/√2 this many steps after the warm-up",
            ParamKind::Steps,
            10_000.0,
        ),
    ];
    fn at(&self, t: f64) -> f64 {
        if t < self.warmup {
            return self.lr * (t / self.warmup);
        }
        let shift = self.timescale - self.warmup;
        self.lr * (1.0 / ((t + shift) / self.timescale).sqrt())
    }
    fn check(&self) -> Result<(), ScheduleError> {
        check_positive("timescale", self.timescale)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        within(&[self.warmup], a, b, cap)
    }
    fn length(&self) -> f64 {
        // Down to a tenth of the peak: (t + timescale)/timescale = 100.
        self.warmup + 99.0 * self.timescale
    }
    fn rates(&self) -> (f64, f64) {
        (0.0, self.lr)
    }
    fn values(&self) -> Vec<ParamValue> {
        nums(&[self.lr, self.warmup, self.timescale])
    }
    fn read(r: &Reader) -> Self {
        Self {
            lr: r.num(0),
            warmup: r.num(1),
            timescale: r.num(2),
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        let warmup = part(length, 0.04);
        Self {
            lr: peak,
            warmup,
            timescale: warmup,
        }
    }
}

/// lr_min + ½(lr − lr_min)(1 − tanh(lb·(1 − t/T) + ub·t/T)) for t < T, then lr_min (timm
/// TanhLRScheduler, one cycle, in its arithmetic).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tanh {
    /// Rate the curve starts just below.
    pub lr: f64,
    /// Rate it falls towards and holds from `steps` on.
    pub lr_min: f64,
    /// Length of the fall, T.
    pub steps: f64,
    /// Lower bound of tanh's argument.
    pub lb: f64,
    /// Upper bound of tanh's argument.
    pub ub: f64,
}

const BOUND: ParamKind = ParamKind::Real {
    min: -100.0,
    max: 100.0,
};

impl Shape for Tanh {
    const PARAMS: &'static [ParamSpec] = &[
        spec(
            "lr",
            "Rate",
            "The rate it starts just below",
            ParamKind::Rate,
            0.1,
        ),
        spec(
            "lr_min",
            "Floor",
            "The rate it falls towards",
            ParamKind::Rate,
            0.0,
        ),
        STEPS,
        spec("lb", "Lower bound", "tanh's argument at t = 0", BOUND, -7.0),
        spec("ub", "Upper bound", "tanh's argument at t = T", BOUND, 3.0),
    ];
    fn at(&self, t: f64) -> f64 {
        if t >= self.steps {
            return self.lr_min;
        }
        let tr = t / self.steps;
        let x = self.lb * (1.0 - tr) + self.ub * tr;
        self.lr_min + 0.5 * (self.lr - self.lr_min) * (1.0 - x.tanh())
    }
    fn check(&self) -> Result<(), ScheduleError> {
        check_positive("steps", self.steps)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        within(&[self.steps], a, b, cap)
    }
    fn length(&self) -> f64 {
        self.steps
    }
    fn rates(&self) -> (f64, f64) {
        (self.lr.min(self.lr_min), self.lr.max(self.lr_min))
    }
    fn values(&self) -> Vec<ParamValue> {
        nums(&[self.lr, self.lr_min, self.steps, self.lb, self.ub])
    }
    fn read(r: &Reader) -> Self {
        Self {
            lr: r.num(0),
            lr_min: r.num(1),
            steps: r.num(2),
            lb: r.num(3),
            ub: r.num(4),
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            lr: peak,
            lr_min: 0.0,
            steps: part(length, 1.0),
            lb: -7.0,
            ub: 3.0,
        }
    }
}
