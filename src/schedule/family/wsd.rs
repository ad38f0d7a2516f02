//! Warmup-stable-decay (Hugging Face get_wsd_schedule).

use serde::{Deserialize, Serialize};

use super::decay::{nums, within};
use super::params::{spec, ParamKind, ParamSpec, ParamValue, Ramp, Reader, FRACTION};
use super::{part, Shape};

/// Up from min_ratio·lr over `warmup`, flat for `stable`, down to min_ratio·lr over `decay`,
/// then min_ratio·lr — each ramp linear, cosine or 1-sqrt, in Hugging Face's arithmetic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wsd {
    /// The stable rate.
    pub lr: f64,
    /// Warm-up steps.
    pub warmup: f64,
    /// Stable steps.
    pub stable: f64,
    /// Decay steps.
    pub decay: f64,
    /// Start and final rate as a fraction of `lr`.
    pub min_ratio: f64,
    /// Shape of the warm-up.
    #[serde(default)]
    pub warmup_shape: Ramp,
    /// Shape of the decay.
    #[serde(default = "cosine")]
    pub decay_shape: Ramp,
}

fn cosine() -> Ramp {
    Ramp::Cosine
}

const PHASE: ParamKind = ParamKind::Steps;

impl Wsd {
    /// The factor on `lr` at `t`, as Hugging Face's lambda computes it.
    fn factor(&self, t: f64) -> f64 {
        let min = self.min_ratio;
        let scaled = |f: f64| (f * (1.0 - min) + min).max(0.0);
        if t < self.warmup {
            return scaled(self.warmup_shape.rise(t / self.warmup));
        }
        let decay_start = self.warmup + self.stable;
        if t < decay_start {
            return 1.0;
        }
        if t < decay_start + self.decay {
            return scaled(
                self.decay_shape
                    .fall((t - self.warmup - self.stable) / self.decay),
            );
        }
        min
    }
}

impl Shape for Wsd {
    const PARAMS: &'static [ParamSpec] = &[
        spec("lr", "Rate", "The stable rate", ParamKind::Rate, 0.1),
        spec(
            "warmup",
            "Warm-up",
            "Steps rising to the stable rate",
            PHASE,
            0.0,
        ),
        spec("stable", "Stable", "Steps at the stable rate", PHASE, 0.0),
        spec("decay", "Decay", "Steps falling to the floor", PHASE, 100.0),
        spec(
            "min_ratio",
            "Floor ratio",
            "Start and final rate as a fraction of the stable rate",
            FRACTION,
            0.0,
        ),
        spec(
            "warmup_shape",
            "Warm-up shape",
            "Curve of the warm-up",
            ParamKind::Choice(&Ramp::OPTIONS),
            0.0,
        ),
        spec(
            "decay_shape",
            "Decay shape",
            "Curve of the decay",
            ParamKind::Choice(&Ramp::OPTIONS),
            1.0,
        ),
    ];
    fn at(&self, t: f64) -> f64 {
        self.lr * self.factor(t)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        let stable_end = self.warmup + self.stable;
        within(
            &[self.warmup, stable_end, stable_end + self.decay],
            a,
            b,
            cap,
        )
    }
    fn length(&self) -> f64 {
        self.warmup + self.stable + self.decay
    }
    fn rates(&self) -> (f64, f64) {
        (self.lr * self.min_ratio, self.lr)
    }
    fn values(&self) -> Vec<ParamValue> {
        let mut v = nums(&[
            self.lr,
            self.warmup,
            self.stable,
            self.decay,
            self.min_ratio,
        ]);
        v.push(ParamValue::Choice(self.warmup_shape as usize));
        v.push(ParamValue::Choice(self.decay_shape as usize));
        v
    }
    fn read(r: &Reader) -> Self {
        Self {
            lr: r.num(0),
            warmup: r.num(1),
            stable: r.num(2),
            decay: r.num(3),
            min_ratio: r.num(4),
            warmup_shape: Ramp::ALL[r.choice(5)],
            decay_shape: Ramp::ALL[r.choice(6)],
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            lr: peak,
            warmup: part(length, 0.02),
            stable: part(length, 0.78),
            decay: part(length, 0.2),
            min_ratio: 0.0,
            warmup_shape: Ramp::Linear,
            decay_shape: Ramp::Cosine,
        }
    }
}
