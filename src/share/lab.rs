//! The landscape lab's settings: its keys, defaults, and the run they describe.

use serde::{Deserialize, Serialize};

use super::keys::key;
use super::number::{NumberKey, Scale};
use crate::format::format_value;
use crate::landscape::{Optimizer, Rule, RunSpec, Surface};

/// The constant-rate run's learning rate: low enough that the sharp trap holds it.
pub const LAB_LR: NumberKey = key(
    "lab_lr",
    "constant η (first run)",
    (1e-6, 10.0, 0.03),
    Scale::Log,
    false,
);
/// Steps per run.
pub const LAB_STEPS: NumberKey = key(
    "lab_steps",
    "steps per run",
    (10.0, 20_000.0, 1500.0),
    Scale::Log,
    true,
);
/// Gradient noise σ.
pub const NOISE: NumberKey = key(
    "noise",
    "gradient noise σ",
    (0.0, 10.0, 0.5),
    Scale::LogWithZero { smallest: 1e-3 },
    false,
);
/// Noise seed.
pub const SEED: NumberKey = key(
    "seed",
    "noise seed",
    (0.0, 9999.0, 0.0),
    Scale::Linear,
    true,
);
/// Start x.
pub const X0: NumberKey = key("x0", "start x", (-6.0, 6.0, -1.95), Scale::Linear, false);
/// Start y.
pub const Y0: NumberKey = key("y0", "start y", (-6.0, 6.0, 1.53), Scale::Linear, false);
/// Momentum β (RMSProp's α).
pub const BETA: NumberKey = key(
    "beta",
    "β (momentum; RMSProp's α)",
    (0.0, 0.999, 0.9),
    Scale::Linear,
    false,
);
/// Adam's β₁.
pub const BETA1: NumberKey = key(
    "beta1",
    "β₁ (Adam)",
    (0.0, 0.999, 0.9),
    Scale::Linear,
    false,
);
/// Adam's β₂.
pub const BETA2: NumberKey = key(
    "beta2",
    "β₂ (Adam)",
    (0.0, 0.9999, 0.999),
    Scale::Linear,
    false,
);
/// ε of RMSProp and Adam.
pub const EPS: NumberKey = key("eps", "ε", (1e-12, 1.0, 1e-8), Scale::Log, false);
/// Gradient-norm clipping threshold.
pub const CLIP: NumberKey = key(
    "clip",
    "clip gradient norm (0 = off)",
    (0.0, 1000.0, 0.0),
    Scale::LogWithZero { smallest: 0.01 },
    false,
);
/// Playback position as a fraction of the run.
pub const LAB_T: NumberKey = key("lab_t", "time", (0.0, 1.0, 1.0), Scale::Linear, false);

/// What the lab's controls set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lab {
    /// Surface name.
    pub surface: Surface,
    /// Update rule.
    pub rule: Rule,
    /// Momentum β or RMSProp's α.
    pub beta: f64,
    /// Adam's β₁.
    pub beta1: f64,
    /// Adam's β₂.
    pub beta2: f64,
    /// ε of RMSProp and Adam.
    pub eps: f64,
    /// Gradient noise σ.
    pub noise: f64,
    /// Noise seed.
    pub seed: f64,
    /// Start x.
    pub x0: f64,
    /// Start y.
    pub y0: f64,
    /// The constant run's learning rate.
    pub lab_lr: f64,
    /// Steps per run.
    pub lab_steps: f64,
    /// Clipping threshold; 0 = off.
    pub clip: f64,
    /// Show the constant run.
    pub run_const: bool,
    /// Show the single-cosine run.
    pub run_cos: bool,
    /// Show the warm-restarts run.
    pub run_sgdr: bool,
    /// Playback position, 0…1.
    pub lab_t: f64,
    /// Show the escape rate over 100 seeds, computed for the settings as they are.
    #[serde(default)]
    pub escape: bool,
    /// Show the basin-outcome map, computed for the settings as they are.
    #[serde(default)]
    pub basin_map: bool,
}

impl Default for Lab {
    fn default() -> Self {
        Self {
            surface: Surface::Valley,
            rule: Rule::Sgd,
            beta: BETA.default,
            beta1: BETA1.default,
            beta2: BETA2.default,
            eps: EPS.default,
            noise: NOISE.default,
            seed: SEED.default,
            x0: X0.default,
            y0: Y0.default,
            lab_lr: LAB_LR.default,
            lab_steps: LAB_STEPS.default,
            clip: CLIP.default,
            run_const: true,
            run_cos: true,
            run_sgdr: true,
            lab_t: LAB_T.default,
            escape: false,
            basin_map: false,
        }
    }
}

impl Lab {
    /// Moves the start to `surface`'s own default start (used when the surface changes).
    pub fn with_surface(mut self, surface: Surface) -> Self {
        self.surface = surface;
        [self.x0, self.y0] = surface.default_start();
        self
    }

    /// The run these settings describe, and a notice if the start had to move onto the surface.
    pub fn spec(&self) -> (RunSpec, Option<String>) {
        let ([x0, x1], [y0, y1]) = self.surface.domain();
        let start = [self.x0.clamp(x0, x1), self.y0.clamp(y0, y1)];
        let notice = (start != [self.x0, self.y0]).then(|| {
            format!(
                "The start ({}, {}) is off the {} surface: moved to ({}, {}).",
                format_value(self.x0),
                format_value(self.y0),
                self.surface.label(),
                format_value(start[0]),
                format_value(start[1])
            )
        });
        let spec = RunSpec {
            surface: self.surface,
            optimizer: Optimizer {
                rule: self.rule,
                beta: self.beta,
                beta1: self.beta1,
                beta2: self.beta2,
                eps: self.eps,
            },
            start,
            noise: self.noise,
            seed: self.seed as u64,
            clip: self.clip,
        };
        (spec, notice)
    }

    /// Steps per run, as a count.
    pub fn steps(&self) -> usize {
        self.lab_steps as usize
    }
}

/// The shortest `lab_t` that names path index `step` of `steps`: step 1 of 20000 is 0.00005
/// (a fixed 4 decimals named step 2), and 500 of 1500 is 0.333, not 0.3333333333333333.
pub fn lab_time(step: usize, steps: usize) -> f64 {
    let steps = steps.max(1);
    let step = step.min(steps);
    let exact = step as f64 / steps as f64;
    (1..=16)
        .map(|digits| {
            let scale = 10f64.powi(digits);
            (exact * scale).round() / scale
        })
        .find(|t| (t * steps as f64).round() as usize == step)
        .unwrap_or(exact)
}
