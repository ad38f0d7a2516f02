//! Families given point by point: piecewise constant and piecewise interpolated.

use serde::{Deserialize, Serialize};

use super::decay::{increasing, within};
use super::params::{spec, Interp, ParamKind, ParamSpec, ParamValue, Reader};
use super::{part, Shape};
use crate::schedule::error::{check_range, ScheduleError};
use crate::schedule::LR_LIMIT;

/// `values[i]` from `boundaries[i − 1]` (inclusive) to `boundaries[i]` (optax
/// piecewise_constant_schedule, Keras PiecewiseConstantDecay up to where the step counts).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PiecewiseConstant {
    /// The rates, one more than the boundaries.
    pub values: Vec<f64>,
    /// Steps where the next rate starts, increasing.
    pub boundaries: Vec<f64>,
}

const VALUES: ParamSpec = spec(
    "values",
    "Rates",
    "The rate of each piece, in order",
    ParamKind::List,
    0.0,
);

/// Checks each listed value is a rate.
fn rates(field: &str, values: &[f64]) -> Result<(), ScheduleError> {
    values
        .iter()
        .try_for_each(|&v| check_range(field, v, 0.0, LR_LIMIT))
}

/// Lowest and highest of `values`.
fn span(values: &[f64]) -> (f64, f64) {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo, hi)
}

impl Shape for PiecewiseConstant {
    const PARAMS: &'static [ParamSpec] = &[
        VALUES,
        spec(
            "boundaries",
            "Boundaries",
            "Steps where the next rate starts, increasing",
            ParamKind::List,
            0.0,
        ),
    ];
    fn at(&self, t: f64) -> f64 {
        let i = self.boundaries.partition_point(|&b| b <= t);
        self.values.get(i).copied().unwrap_or(0.0)
    }
    fn check(&self) -> Result<(), ScheduleError> {
        if self.values.len() != self.boundaries.len() + 1 {
            return Err(ScheduleError::new(
                "values",
                format!(
                    "needs one more rate than boundaries ({}), got {}",
                    self.boundaries.len(),
                    self.values.len()
                ),
            ));
        }
        rates("values", &self.values)?;
        increasing("boundaries", &self.boundaries)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        within(&self.boundaries, a, b, cap)
    }
    fn length(&self) -> f64 {
        self.boundaries.last().copied().unwrap_or(0.0)
    }
    fn rates(&self) -> (f64, f64) {
        span(&self.values)
    }
    fn values(&self) -> Vec<ParamValue> {
        vec![
            ParamValue::List(self.values.clone()),
            ParamValue::List(self.boundaries.clone()),
        ]
    }
    fn read(r: &Reader) -> Self {
        Self {
            values: r.list(0),
            boundaries: r.list(1),
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            values: vec![peak, peak / 10.0, peak / 100.0],
            boundaries: vec![part(length, 0.5), part(length, 0.75)],
        }
    }
}

/// Linear or cosine segments through (knot, value) points; the first value before the first
/// knot, the last after the last (optax piecewise_interpolate_schedule with knots 0, b₁, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PiecewiseInterp {
    /// Steps of the points, increasing.
    pub knots: Vec<f64>,
    /// The rate at each knot.
    pub values: Vec<f64>,
    /// How each segment goes from one value to the next.
    pub interp: Interp,
}

impl Shape for PiecewiseInterp {
    const PARAMS: &'static [ParamSpec] = &[
        spec(
            "knots",
            "Knots",
            "Steps of the points, increasing",
            ParamKind::List,
            0.0,
        ),
        spec(
            "values",
            "Rates",
            "The rate at each knot",
            ParamKind::List,
            0.0,
        ),
        spec(
            "interp",
            "Segments",
            "How the rate goes from one knot to the next",
            ParamKind::Choice(&Interp::OPTIONS),
            0.0,
        ),
    ];
    fn at(&self, t: f64) -> f64 {
        let i = self.knots.partition_point(|&k| k <= t);
        match (i.checked_sub(1), self.values.get(i)) {
            (Some(j), Some(&next)) => {
                let (k0, k1) = (self.knots[j], self.knots[i]);
                self.interp
                    .between(self.values[j], next, (t - k0) / (k1 - k0))
            }
            (None, _) => self.values.first().copied().unwrap_or(0.0),
            (Some(_), None) => self.values.last().copied().unwrap_or(0.0),
        }
    }
    fn check(&self) -> Result<(), ScheduleError> {
        if self.knots.is_empty() || self.values.len() != self.knots.len() {
            return Err(ScheduleError::new(
                "values",
                format!(
                    "needs one rate per knot ({}, at least one), got {}",
                    self.knots.len(),
                    self.values.len()
                ),
            ));
        }
        rates("values", &self.values)?;
        increasing("knots", &self.knots)
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        within(&self.knots, a, b, cap)
    }
    fn length(&self) -> f64 {
        self.knots.last().copied().unwrap_or(0.0)
    }
    fn rates(&self) -> (f64, f64) {
        span(&self.values)
    }
    fn values(&self) -> Vec<ParamValue> {
        vec![
            ParamValue::List(self.knots.clone()),
            ParamValue::List(self.values.clone()),
            ParamValue::Choice(self.interp as usize),
        ]
    }
    fn read(r: &Reader) -> Self {
        Self {
            knots: r.list(0),
            values: r.list(1),
            interp: Interp::ALL[r.choice(2)],
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            knots: vec![0.0, part(length, 0.1), part(length, 1.0).max(2.0)],
            values: vec![0.0, peak, 0.0],
            interp: Interp::Linear,
        }
    }
}
