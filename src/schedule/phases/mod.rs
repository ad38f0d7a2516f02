//! A schedule as a sequence of phases: each phase any [`Family`], seeing its own local time from
//! the step it starts at (the semantics `optax.join_schedules` and torch's `SequentialLR` share).

use serde::{Deserialize, Serialize};
use std::fmt;

use super::{CycleCache, Family};

mod edit;
mod text;

pub use text::number;

/// Phases and the absolute steps where each phase after the first starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// The phases, in time order; at least one.
    pub phases: Vec<Family>,
    /// Where phase i + 1 starts: one fewer than the phases, strictly increasing, above 0.
    pub boundaries: Vec<f64>,
}

/// Why a schedule or its text was rejected: which phase, which parameter, what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseError {
    /// The phase, counted from 1; `None` for the schedule as a whole.
    pub phase: Option<usize>,
    /// The parameter or part of the text at fault.
    pub field: String,
    /// What was expected.
    pub reason: String,
}

impl PhaseError {
    /// An error in phase `phase` (from 1), or the whole schedule when `None`.
    pub fn new(phase: Option<usize>, field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            phase,
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for PhaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.phase {
            write!(f, "phase {p}: ")?;
        }
        write!(f, "{}: {}", self.field, self.reason)
    }
}

impl std::error::Error for PhaseError {}

/// The phase last evaluated and its cosine's cycle, so sampling in increasing t stays fast.
#[derive(Clone, Copy, Debug, Default)]
pub struct ScheduleCache {
    phase: usize,
    cycle: CycleCache,
}

impl Schedule {
    /// One phase from t = 0 on.
    pub fn single(family: Family) -> Self {
        Self {
            phases: vec![family],
            boundaries: Vec::new(),
        }
    }

    /// Where phase `i` starts.
    pub fn start(&self, i: usize) -> f64 {
        match i.checked_sub(1) {
            Some(j) => self.boundaries.get(j).copied().unwrap_or(0.0),
            None => 0.0,
        }
    }

    /// Its families in order, as people name them: "Linear → Constant → Warmup-stable-decay".
    pub fn kinds_text(&self) -> String {
        let labels: Vec<&str> = self.phases.iter().map(|p| p.kind().label()).collect();
        labels.join(" → ")
    }

    /// The phase running at `t`.
    pub fn phase_at(&self, t: f64) -> usize {
        self.boundaries
            .partition_point(|&b| b <= t)
            .min(self.phases.len().saturating_sub(1))
    }

    /// Checks every phase and the boundaries; an error names the phase ("phase 2: gamma …").
    pub fn validate(&self) -> Result<(), PhaseError> {
        if self.phases.is_empty() {
            return Err(PhaseError::new(None, "phases", "needs at least one phase"));
        }
        if self.boundaries.len() + 1 != self.phases.len() {
            return Err(PhaseError::new(
                None,
                "boundaries",
                format!(
                    "needs one fewer than the phases ({}), got {}",
                    self.phases.len() - 1,
                    self.boundaries.len()
                ),
            ));
        }
        for (i, &b) in self.boundaries.iter().enumerate() {
            let previous = self.start(i);
            if !(b.is_finite() && b > previous && b <= super::STEP_LIMIT) {
                return Err(PhaseError::new(
                    Some(i + 2),
                    "start",
                    format!("must be a step after {previous} (and at most 1e12), got {b}"),
                ));
            }
        }
        for (i, phase) in self.phases.iter().enumerate() {
            phase
                .validate()
                .map_err(|e| PhaseError::new(Some(i + 1), e.field, e.reason))?;
        }
        Ok(())
    }

    /// The learning rate at step `t` (negative read as 0).
    pub fn lr(&self, t: f64) -> f64 {
        self.lr_cached(t, &mut ScheduleCache::default())
    }

    /// `lr(t)` reusing the phase and cycle found by the previous call, for in-order sampling.
    pub fn lr_cached(&self, t: f64, cache: &mut ScheduleCache) -> f64 {
        let t = if t > 0.0 { t } else { 0.0 };
        let last = self.phases.len().saturating_sub(1);
        let i = cache.phase.min(last);
        let inside = self.start(i) <= t && (i == last || t < self.start(i + 1));
        let i = if inside { i } else { self.phase_at(t) };
        if i != cache.phase {
            *cache = ScheduleCache {
                phase: i,
                cycle: CycleCache::default(),
            };
        }
        match self.phases.get(i) {
            Some(phase) => phase.lr_cached(t - self.start(i), &mut cache.cycle),
            None => 0.0,
        }
    }

    /// `n` evenly spaced samples (t, η) from `t0` to `t1` inclusive.
    pub fn sample(&self, t0: f64, t1: f64, n: usize) -> Vec<(f64, f64)> {
        let mut cache = ScheduleCache::default();
        let step = (t1 - t0) / n.saturating_sub(1).max(1) as f64;
        (0..n)
            .map(|k| {
                let t = t0 + step * k as f64;
                (t, self.lr_cached(t, &mut cache))
            })
            .collect()
    }

    /// Up to `cap` times in (a, b] where the curve may jump or turn: the phase boundaries and each
    /// phase's own breakpoints, shifted to where it starts. Monotone between them.
    pub fn breakpoints(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        let mut out = Vec::new();
        for (i, phase) in self.phases.iter().enumerate() {
            let start = self.start(i);
            let end = if i + 1 < self.phases.len() {
                self.start(i + 1)
            } else {
                f64::INFINITY
            };
            if start > b || out.len() >= cap {
                break;
            }
            if end <= a {
                continue;
            }
            if start > a {
                out.push(start);
            }
            let (lo, hi) = ((a - start).max(0.0), b.min(end) - start);
            out.extend(
                phase
                    .breakpoints(lo, hi, cap - out.len())
                    .into_iter()
                    .map(|t| t + start)
                    .filter(|&t| t > a && t < end && t <= b),
            );
        }
        crate::sort::sort_f64(&mut out);
        out.dedup();
        out.truncate(cap);
        out
    }

    /// Steps it is written for: the last boundary plus the last phase's length.
    pub fn length(&self) -> f64 {
        let last = self.phases.len().saturating_sub(1);
        self.start(last) + self.phases.last().map_or(0.0, Family::length)
    }

    /// Highest rate over [0, horizon], from its breakpoints (the curve is monotone between them).
    pub fn peak(&self, horizon: f64) -> f64 {
        self.extremes(horizon).1
    }

    /// Lowest rate over [0, horizon], from its breakpoints.
    pub fn floor(&self, horizon: f64) -> f64 {
        self.extremes(horizon).0
    }

    /// Lowest and highest value at the ends of the monotone pieces, either side of each jump.
    fn extremes(&self, horizon: f64) -> (f64, f64) {
        const CAP: usize = 10_000;
        let mut cache = ScheduleCache::default();
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        let mut see = |t: f64, cache: &mut ScheduleCache| {
            let v = self.lr_cached(t, cache);
            lo = lo.min(v);
            hi = hi.max(v);
        };
        see(0.0, &mut cache);
        for t in self.breakpoints(0.0, horizon, CAP) {
            see(t.next_down().max(0.0), &mut cache);
            see(t, &mut cache);
        }
        see(horizon.max(0.0), &mut cache);
        (lo, hi)
    }
}
