//! Families that go up and down: cyclic (PyTorch CyclicLR) and one-cycle (PyTorch OneCycleLR).

use serde::{Deserialize, Serialize};

use super::decay::{nums, within};
use super::params::{spec, Interp, ParamKind, ParamSpec, ParamValue, Reader, UNIT_FACTOR};
use super::{multiples, part, Shape};
use crate::named::named;
use crate::schedule::error::{check_positive, ScheduleError};

/// How CyclicLR scales each cycle's height.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CyclicMode {
    /// Every cycle the same height.
    #[default]
    Triangular,
    /// Each cycle half as high as the one before.
    Triangular2,
    /// The height times γ^t.
    ExpRange,
}

named!(CyclicMode {
    Triangular => "triangular", "Triangular";
    Triangular2 => "triangular2", "Triangular, halving";
    ExpRange => "exp_range", "Exponential range";
});

/// Triangle waves between `base_lr` and `max_lr`, rising `step_size_up` steps and falling
/// `step_size_down` (PyTorch CyclicLR, in its arithmetic).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cyclic {
    /// Bottom of each cycle.
    pub base_lr: f64,
    /// Top of the first cycle.
    pub max_lr: f64,
    /// Steps going up.
    pub step_size_up: f64,
    /// Steps going down.
    pub step_size_down: f64,
    /// How each cycle's height is scaled.
    pub mode: CyclicMode,
    /// exp_range's factor per step.
    pub gamma: f64,
}

impl Cyclic {
    fn period(&self) -> f64 {
        self.step_size_up + self.step_size_down
    }
}

impl Shape for Cyclic {
    const PARAMS: &'static [ParamSpec] = &[
        spec(
            "base_lr",
            "Base rate",
            "Bottom of each cycle",
            ParamKind::Rate,
            0.001,
        ),
        spec(
            "max_lr",
            "Max rate",
            "Top of the first cycle",
            ParamKind::Rate,
            0.1,
        ),
        spec(
            "step_size_up",
            "Steps up",
            "Steps rising in each cycle",
            ParamKind::Steps,
            2000.0,
        ),
        spec(
            "step_size_down",
            "Steps down",
            "Steps falling in each cycle",
            ParamKind::Steps,
            2000.0,
        ),
        spec(
            "mode",
            "Mode",
            "How each cycle's height is scaled",
            ParamKind::Choice(&CyclicMode::OPTIONS),
            0.0,
        ),
        spec(
            "gamma",
            "γ",
            "exp_range: height factor per step",
            UNIT_FACTOR,
            1.0,
        ),
    ];
    fn at(&self, t: f64) -> f64 {
        let total = self.period();
        let ratio = self.step_size_up / total;
        let cycle = (1.0 + t / total).floor();
        let x = 1.0 + t / total - cycle;
        let scale_factor = if x <= ratio {
            x / ratio
        } else {
            (x - 1.0) / (ratio - 1.0)
        };
        let height = (self.max_lr - self.base_lr) * scale_factor;
        let scale = match self.mode {
            CyclicMode::Triangular => 1.0,
            CyclicMode::Triangular2 => 1.0 / 2f64.powf(cycle - 1.0),
            CyclicMode::ExpRange => self.gamma.powf(t),
        };
        self.base_lr + height * scale
    }
    fn check(&self) -> Result<(), ScheduleError> {
        check_positive("step_size_up", self.step_size_up)?;
        check_positive("step_size_down", self.step_size_down)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        let period = self.period();
        let mut out = multiples(period, a, b, cap);
        let starts = std::iter::once(a - a.rem_euclid(period)).chain(out.clone());
        // exp_range's rise (u/up)·γ^(start+u) peaks early where u = −1/ln γ.
        let early = if self.mode == CyclicMode::ExpRange && self.gamma < 1.0 {
            Some(-1.0 / self.gamma.ln()).filter(|&u| u < self.step_size_up)
        } else {
            None
        };
        let inner: Vec<f64> = starts
            .take(cap)
            .flat_map(|s| [Some(s + self.step_size_up), early.map(|u| s + u)])
            .flatten()
            .collect();
        out.extend(inner);
        out
    }
    fn length(&self) -> f64 {
        4.0 * self.period()
    }
    fn rates(&self) -> (f64, f64) {
        (self.base_lr.min(self.max_lr), self.base_lr.max(self.max_lr))
    }
    fn values(&self) -> Vec<ParamValue> {
        let mut v = nums(&[
            self.base_lr,
            self.max_lr,
            self.step_size_up,
            self.step_size_down,
        ]);
        v.push(ParamValue::Choice(self.mode as usize));
        v.push(ParamValue::Num(self.gamma));
        v
    }
    fn read(r: &Reader) -> Self {
        Self {
            base_lr: r.num(0),
            max_lr: r.num(1),
            step_size_up: r.num(2),
            step_size_down: r.num(3),
            mode: CyclicMode::ALL[r.choice(4)],
            gamma: r.num(5),
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            base_lr: peak / 10.0,
            max_lr: peak,
            step_size_up: part(length, 0.125),
            step_size_down: part(length, 0.125),
            mode: CyclicMode::Triangular,
            gamma: 1.0,
        }
    }
}

/// One cycle: from max_lr/div_factor up to max_lr over pct_start·total, then down to
/// max_lr/(div_factor·final_div_factor) at `total`; with three phases it first comes back to the
/// start at 2·pct_start·total (PyTorch OneCycleLR without its one-step offset).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OneCycle {
    /// Peak rate.
    pub max_lr: f64,
    /// Total length.
    pub total: f64,
    /// Fraction of `total` spent rising.
    pub pct_start: f64,
    /// max_lr / initial rate.
    pub div_factor: f64,
    /// initial rate / final rate.
    pub final_div_factor: f64,
    /// Linear or cosine segments.
    pub anneal: Interp,
    /// Come back down to the initial rate before the final fall.
    pub three_phase: bool,
}

const DIV: ParamKind = ParamKind::Factor {
    min: 1.0,
    max: 1e12,
};

impl OneCycle {
    /// (start, end, rate at start, rate at end) of each phase, in order; two phases end with an
    /// empty one at `total`, so sampling allocates nothing.
    pub fn phases(&self) -> [(f64, f64, f64, f64); 3] {
        let initial = self.max_lr / self.div_factor;
        let min = initial / self.final_div_factor;
        let up = self.pct_start * self.total;
        if self.three_phase {
            [
                (0.0, up, initial, self.max_lr),
                (up, 2.0 * up, self.max_lr, initial),
                (2.0 * up, self.total, initial, min),
            ]
        } else {
            [
                (0.0, up, initial, self.max_lr),
                (up, self.total, self.max_lr, min),
                (self.total, self.total, min, min),
            ]
        }
    }
}

impl Shape for OneCycle {
    const PARAMS: &'static [ParamSpec] = &[
        spec(
            "max_lr",
            "Peak rate",
            "The top of the cycle",
            ParamKind::Rate,
            0.1,
        ),
        spec(
            "total",
            "Total steps",
            "Length of the cycle",
            ParamKind::Steps,
            1000.0,
        ),
        spec(
            "pct_start",
            "Rising share",
            "Fraction of the steps spent rising",
            ParamKind::Factor { min: 0.0, max: 1.0 },
            0.3,
        ),
        spec(
            "div_factor",
            "Start divisor",
            "Peak / initial rate",
            DIV,
            25.0,
        ),
        spec(
            "final_div_factor",
            "Final divisor",
            "Initial / final rate",
            DIV,
            1e4,
        ),
        spec(
            "anneal",
            "Segments",
            "Cosine or linear segments",
            ParamKind::Choice(&Interp::OPTIONS),
            1.0,
        ),
        spec(
            "three_phase",
            "Phases",
            "Come back to the initial rate before the final fall",
            ParamKind::Choice(&[("two", "Two phases"), ("three", "Three phases")]),
            0.0,
        ),
    ];
    fn at(&self, t: f64) -> f64 {
        let phases = self.phases();
        match phases.iter().find(|p| t < p.1) {
            Some(&(s, e, from, to)) => self.anneal.between(from, to, (t - s) / (e - s)),
            None => phases.last().map_or(0.0, |p| p.3),
        }
    }
    fn check(&self) -> Result<(), ScheduleError> {
        check_positive("total", self.total)?;
        if self.three_phase && self.pct_start > 0.5 {
            return Err(ScheduleError::new(
                "pct_start",
                format!(
                    "must be at most 0.5 with three phases, got {}",
                    self.pct_start
                ),
            ));
        }
        Ok(())
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        let ends: Vec<f64> = self.phases().iter().map(|p| p.1).collect();
        within(&ends, a, b, cap)
    }
    fn length(&self) -> f64 {
        self.total
    }
    fn rates(&self) -> (f64, f64) {
        let min = self.max_lr / self.div_factor / self.final_div_factor;
        (min, self.max_lr)
    }
    fn values(&self) -> Vec<ParamValue> {
        let mut v = nums(&[
            self.max_lr,
            self.total,
            self.pct_start,
            self.div_factor,
            self.final_div_factor,
        ]);
        v.push(ParamValue::Choice(self.anneal as usize));
        v.push(ParamValue::Choice(usize::from(self.three_phase)));
        v
    }
    fn read(r: &Reader) -> Self {
        Self {
            max_lr: r.num(0),
            total: r.num(1),
            pct_start: r.num(2),
            div_factor: r.num(3),
            final_div_factor: r.num(4),
            anneal: Interp::ALL[r.choice(5)],
            three_phase: r.flag(6),
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            max_lr: peak,
            total: part(length, 1.0),
            pct_start: 0.3,
            div_factor: 25.0,
            final_div_factor: 1e4,
            anneal: Interp::Cosine,
            three_phase: false,
        }
    }
}
