//! The explorer schedule nearest to each Keras cosine.

use super::modes::{CosineDecay, CosineDecayRestarts, Precision};
use crate::schedule::frameworks::Nearest;
use crate::schedule::{Anneal, Warmup};

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
        eta_min: m.alpha * peak,
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
        eta_min: m.alpha * m.initial_learning_rate,
        t_0: m.first_decay_steps,
        restarts: true,
        t_mult: m.t_mul,
        decay: m.m_mul,
        ..Anneal::default()
    };
    let mut notes = dtype_notes(m.precision);
    if m.m_mul != 1.0 && m.alpha > 0.0 {
        notes.push("Keras decays the floor with m_mul too; the explorer keeps it fixed".into());
    }
    Nearest::anneal(a, notes)
}
