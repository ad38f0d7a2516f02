//! The explorer schedule nearest to each Keras schedule: its cosines as the explorer's cosine,
//! the exponential, piecewise and polynomial decays as a phase; an integer rate stays an overlay.

use super::modes::{
    CosineDecay, CosineDecayRestarts, PiecewiseConstantDecay, PolynomialDecay, Precision,
    RateDecay, RateShape,
};
use crate::schedule::family::{Exponential, PiecewiseConstant, Polynomial};
use crate::schedule::frameworks::{scaled, Nearest};
use crate::schedule::{Anneal, Family, Warmup};

pub(super) fn cosine_decay(m: &CosineDecay) -> Nearest {
    let peak = m.warmup_target.unwrap_or(m.initial_learning_rate);
    let warmup = match m.warmup_target {
        Some(_) => Warmup {
            length: m.warmup_steps,
            start: m.initial_learning_rate,
            ..Warmup::default()
        },
        None => Warmup::default(),
    };
    let a = Anneal {
        eta_max: peak,
        eta_min: scaled(peak, m.alpha),
        t_0: m.decay_steps,
        warmup,
        ..Anneal::default()
    };
    Nearest::anneal(a, dtype_notes(m.precision))
}

/// The integer-dtype warning, when the schedule has one.
fn dtype_notes(precision: Precision) -> Vec<String> {
    precision.note().into_iter().map(String::from).collect()
}

/// A Keras schedule the explorer cannot draw, with its dtype warning.
pub(super) fn overlay(precision: Precision) -> Nearest {
    let mut n = Nearest::overlay_only();
    n.notes.extend(dtype_notes(precision));
    n
}

pub(super) fn cosine_decay_restarts(m: &CosineDecayRestarts) -> Nearest {
    let a = Anneal {
        eta_max: m.initial_learning_rate,
        eta_min: scaled(m.initial_learning_rate, m.alpha),
        t_0: m.first_decay_steps,
        restarts: true,
        t_mult: m.t_mul,
        decay: m.m_mul,
        ..Anneal::default()
    };
    let mut notes = dtype_notes(m.precision);
    if m.m_mul != 1.0 && m.alpha > 0.0 {
        notes.push("Keras scales only the cosine above the alpha floor by m_mul: cycle i peaks at alpha + (1 − alpha)·m_mulⁱ of the rate, the explorer's at m_mulⁱ".into());
    }
    Nearest::anneal(a, notes)
}

/// `family` as one phase, unless the rate is an integer (Keras then computes in int32).
fn phase(family: Option<Family>, precision: Precision) -> Nearest {
    match family {
        Some(f) if precision != Precision::Int32 => {
            let mut n = Nearest::single(f);
            n.notes = dtype_notes(precision);
            n
        }
        _ => overlay(precision),
    }
}

pub(super) fn rate_decay(m: &RateDecay) -> Nearest {
    let family = (m.shape == RateShape::Exponential).then_some(Family::Exponential(Exponential {
        lr: m.initial_learning_rate,
        gamma: m.decay_rate,
        every: m.decay_steps,
        staircase: m.staircase,
    }));
    phase(family, m.precision)
}

/// Keras switches value after each boundary (`step > b`, the step an int): at b + 1.
pub(super) fn piecewise_constant(m: &PiecewiseConstantDecay) -> Nearest {
    let family = Family::PiecewiseConstant(PiecewiseConstant {
        values: m.values.clone(),
        boundaries: m.boundaries.iter().map(|b| b.trunc() + 1.0).collect(),
    });
    phase(Some(family), m.precision)
}

pub(super) fn polynomial(m: &PolynomialDecay) -> Nearest {
    let family = (!m.cycle).then_some(Family::Polynomial(Polynomial {
        lr: m.initial_learning_rate,
        end: m.end_learning_rate,
        steps: m.decay_steps,
        power: m.power,
    }));
    phase(family, m.precision)
}
