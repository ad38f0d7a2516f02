//! The explorer schedule nearest to each optax schedule: its cosines as the explorer's cosine,
//! the rest as phases, a join_schedules as its schedules' phases.

use super::modes::{
    CosineDecay, CosineOnecycle, ExponentialDecay, Interpolate, Join, PiecewiseConstant,
    PiecewiseInterpolate, Polynomial, Sgdr, WarmupCosineDecay,
};
use crate::format::format_value;
use crate::schedule::family::{self, Constant, Exponential, Linear, OneCycle};
use crate::schedule::frameworks::{after, joined, scaled, Nearest};
use crate::schedule::{Anneal, Family, Interp, Schedule, Warmup, WarmupScope, WarmupShape};

pub(super) fn cosine_decay(m: &CosineDecay) -> Nearest {
    let a = Anneal {
        eta_max: m.init_value,
        eta_min: scaled(m.init_value, m.alpha),
        t_0: m.decay_steps,
        exponent: m.exponent,
        ..Anneal::default()
    };
    Nearest::anneal(a, Vec::new())
}

fn warmup_cosine(m: &WarmupCosineDecay) -> Anneal {
    Anneal {
        eta_max: m.peak_value,
        eta_min: m.end_value,
        t_0: (m.decay_steps - m.warmup_steps).max(1.0),
        exponent: m.exponent,
        warmup: Warmup {
            length: m.warmup_steps,
            start: m.init_value,
            shape: WarmupShape::Linear,
            ..Warmup::default()
        },
        ..Anneal::default()
    }
}

pub(super) fn warmup_cosine_decay(m: &WarmupCosineDecay) -> Nearest {
    Nearest::anneal(warmup_cosine(m), Vec::new())
}

pub(super) fn sgdr(m: &Sgdr) -> Nearest {
    let Some(first) = m.cycles.first() else {
        return Nearest::anneal(Anneal::default(), Vec::new());
    };
    let mut a = warmup_cosine(first);
    a.restarts = m.cycles.len() > 1;
    if let Some(second) = m.cycles.get(1) {
        let cosine = |c: &WarmupCosineDecay| (c.decay_steps - c.warmup_steps).max(1e-9);
        a.t_mult = cosine(second) / cosine(first);
        a.decay = second.peak_value / first.peak_value.max(1e-300);
        if second.warmup_steps > 0.0 {
            a.warmup.scope = WarmupScope::EveryCycle;
        }
    }
    a.cycle_limit = Some(m.cycles.len() as u32);
    let notes = vec!["drawn from the first two cycles' lengths and peaks".into()];
    Nearest::anneal(a, notes)
}

/// `family` after `begin` steps held at `lr` (optax's `transition_begin`).
fn after_hold(lr: f64, begin: f64, family: Family) -> Schedule {
    after(Family::Constant(Constant { lr }), begin, family)
}

pub(super) fn constant(value: f64) -> Nearest {
    Nearest::single(Family::Constant(Constant { lr: value }))
}

pub(super) fn polynomial(m: &Polynomial) -> Nearest {
    let (lr, end) = (m.init_value, m.end_value);
    if m.transition_steps <= 0.0 {
        return constant(lr);
    }
    let steps = m.transition_steps;
    let ramp = if m.power == 1.0 {
        Family::Linear(Linear {
            start: lr,
            end,
            steps,
        })
    } else {
        Family::Polynomial(family::Polynomial {
            lr,
            end,
            steps,
            power: m.power,
        })
    };
    Nearest::phases(after_hold(lr, m.transition_begin, ramp), Vec::new())
}

pub(super) fn exponential_decay(m: &ExponentialDecay) -> Nearest {
    // optax returns a constant schedule for these.
    if m.transition_steps <= 0.0 || m.decay_rate == 0.0 {
        return constant(m.init_value);
    }
    let decay = Family::Exponential(Exponential {
        lr: m.init_value,
        gamma: m.decay_rate,
        every: m.transition_steps,
        staircase: m.staircase,
    });
    let notes = m
        .end_value
        .map(|e| {
            format!(
                "end_value = {}: the explorer draws the decay without its bound",
                format_value(e)
            )
        })
        .into_iter()
        .collect();
    Nearest::phases(after_hold(m.init_value, m.transition_begin, decay), notes)
}

/// The rate after each boundary: `init` times the scales so far.
fn rates(init: f64, table: &[(f64, f64)]) -> Vec<f64> {
    std::iter::once(init)
        .chain(table.iter().scan(init, |v, &(_, scale)| {
            *v *= scale;
            Some(*v)
        }))
        .collect()
}

pub(super) fn piecewise_constant(m: &PiecewiseConstant) -> Nearest {
    Nearest::single(Family::PiecewiseConstant(family::PiecewiseConstant {
        values: rates(m.init_value, &m.boundaries_and_scales),
        boundaries: m.boundaries_and_scales.iter().map(|b| b.0).collect(),
    }))
}

pub(super) fn piecewise_interpolate(m: &PiecewiseInterpolate) -> Nearest {
    let mut values = rates(m.init_value, &m.boundaries_and_scales);
    let mut knots: Vec<f64> = m.boundaries_and_scales.iter().map(|b| b.0).collect();
    // optax interpolates from step 0 at init_value; a boundary at 0 replaces it.
    if knots.first() == Some(&0.0) {
        values.remove(0);
    } else {
        knots.insert(0, 0.0);
    }
    Nearest::single(Family::PiecewiseInterp(family::PiecewiseInterp {
        knots,
        values,
        interp: match m.interpolate {
            Interpolate::Linear => Interp::Linear,
            Interpolate::Cosine => Interp::Cosine,
        },
    }))
}

pub(super) fn cosine_onecycle(m: &CosineOnecycle) -> Nearest {
    let peak = m.pct_start * m.transition_steps;
    let notes = if peak.fract() != 0.0 || m.transition_steps.fract() != 0.0 {
        vec![format!(
            "optax rounds its parts to whole steps (peak at step {}): the one-cycle phase peaks at {}",
            format_value(peak.trunc()),
            format_value(peak)
        )]
    } else {
        Vec::new()
    };
    let family = Family::OneCycle(OneCycle {
        max_lr: m.peak_value,
        total: m.transition_steps,
        pct_start: m.pct_start,
        div_factor: m.div_factor,
        final_div_factor: m.final_div_factor,
        anneal: Interp::Cosine,
        three_phase: false,
    });
    Nearest::phases(Schedule::single(family), notes)
}

/// Each schedule's phases from its boundary, cut at the next one.
pub(super) fn join(m: &Join) -> Nearest {
    let starts = std::iter::once(0.0).chain(m.boundaries.iter().copied());
    let mut notes = Vec::new();
    let mut parts = Vec::new();
    for (start, mode) in starts.zip(&m.schedules) {
        let n = mode.nearest();
        let Some(s) = n.schedule else {
            return Nearest::overlay_only();
        };
        notes.extend(n.notes);
        parts.push((start, s));
    }
    match joined(parts) {
        Some(s) => Nearest::phases(s, notes),
        None => Nearest::overlay_only(),
    }
}
