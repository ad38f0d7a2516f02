//! optax's piecewise schedules: `piecewise_constant_schedule` and
//! `piecewise_interpolate_schedule` (0.2.8, `_schedule.py`), over a `{step: scale}` dict.

use std::f64::consts::PI;

use crate::schedule::error::ScheduleError;

/// `{step: scale}` as optax reads it: a later duplicate key replaces the earlier one's scale,
/// then the items are sorted by step.
fn sorted(entries: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(entries.len());
    for &(step, scale) in entries {
        match out.iter_mut().find(|(s, _)| *s == step) {
            Some(kept) => kept.1 = scale,
            None => out.push((step, scale)),
        }
    }
    crate::sort::sort_by(&mut out, |a, b| a.0 < b.0);
    out
}

/// The last boundary of sorted entries (0 without any).
fn last_step(entries: &[(f64, f64)]) -> f64 {
    entries.last().map_or(0.0, |(s, _)| s.max(0.0))
}

/// Both piecewise schedules raise on a negative scale, naming themselves.
fn check_scales(name: &str, entries: &[(f64, f64)]) -> Result<(), ScheduleError> {
    if entries.iter().any(|(_, s)| s.is_nan() || *s < 0.0) {
        return Err(ScheduleError::new(
            "boundaries_and_scales",
            format!("`{name}` expects non-negative scale factors"),
        ));
    }
    Ok(())
}

/// `piecewise_constant_schedule(init_value, boundaries_and_scales)`: each scale multiplies the
/// value from its step on.
#[derive(Clone, Debug, PartialEq)]
pub struct PiecewiseConstant {
    /// Value before the first boundary.
    pub init_value: f64,
    /// `(step, scale)`, sorted by step.
    pub boundaries_and_scales: Vec<(f64, f64)>,
}

impl PiecewiseConstant {
    /// The schedule of `init_value` and the dict's items in the order written.
    pub fn new(init_value: f64, entries: &[(f64, f64)]) -> Self {
        Self {
            init_value,
            boundaries_and_scales: sorted(entries),
        }
    }

    /// Steps the schedule is written for: its last boundary.
    pub fn length(&self) -> f64 {
        last_step(&self.boundaries_and_scales)
    }

    /// optax raises on a negative scale.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_scales("piecewise_constant_schedule", &self.boundaries_and_scales)
    }

    /// The value at `count`: `v·indicator + (1 − indicator)·scale·v` per boundary, as optax
    /// blends them (the indicator is 1 strictly before the boundary).
    pub fn at(&self, count: f64) -> f64 {
        self.boundaries_and_scales
            .iter()
            .fold(self.init_value, |v, &(threshold, scale)| {
                let indicator = if threshold > count { 1.0 } else { 0.0 };
                v * indicator + (1.0 - indicator) * scale * v
            })
    }
}

/// How `piecewise_interpolate_schedule` moves between two accumulated values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interpolate {
    /// `(end − start)·pct + start`.
    Linear,
    /// `end + (start − end)/2·(cos(π·pct) + 1)`.
    Cosine,
}

impl Interpolate {
    /// The `interpolate_type` argument, with optax's error for anything else.
    pub fn parse(text: &str) -> Result<Self, ScheduleError> {
        match text {
            "linear" => Ok(Self::Linear),
            "cosine" => Ok(Self::Cosine),
            _ => Err(ScheduleError::new(
                "interpolate_type",
                "`interpolate_type` must be either 'cosine' or 'linear'",
            )),
        }
    }

    fn between(self, start: f64, end: f64, pct: f64) -> f64 {
        match self {
            Self::Linear => (end - start) * pct + start,
            Self::Cosine => end + (start - end) / 2.0 * ((PI * pct).cos() + 1.0),
        }
    }
}

/// `piecewise_interpolate_schedule(interpolate_type, init_value, boundaries_and_scales)`:
/// interpolates between the running products of the scales, reached at each boundary.
#[derive(Clone, Debug, PartialEq)]
pub struct PiecewiseInterpolate {
    /// Linear or cosine.
    pub interpolate: Interpolate,
    /// Value at step 0.
    pub init_value: f64,
    /// `(step, scale)`, sorted by step.
    pub boundaries_and_scales: Vec<(f64, f64)>,
}

impl PiecewiseInterpolate {
    /// The schedule of `init_value` and the dict's items in the order written.
    pub fn new(interpolate: Interpolate, init_value: f64, entries: &[(f64, f64)]) -> Self {
        Self {
            interpolate,
            init_value,
            boundaries_and_scales: sorted(entries),
        }
    }

    /// Steps the schedule is written for: its last boundary.
    pub fn length(&self) -> f64 {
        last_step(&self.boundaries_and_scales)
    }

    /// optax raises on a negative scale.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_scales(
            "piecewise_interpolate_schedule",
            &self.boundaries_and_scales,
        )
    }

    /// The value at `count`: `indicator·interpolated + (last bound ≤ count)·last value`,
    /// the bounds starting at 0 and the values a running product (optax's `cumprod`).
    pub fn at(&self, count: f64) -> f64 {
        let mut out = 0.0;
        let (mut low, mut value) = (0.0, self.init_value);
        for &(high, scale) in &self.boundaries_and_scales {
            let next = value * scale;
            if low <= count && count < high {
                let pct = (count - low) / (high - low).max(1.0);
                out += self.interpolate.between(value, next, pct);
            }
            (low, value) = (high, next);
        }
        if low <= count {
            out += value;
        }
        out
    }
}
