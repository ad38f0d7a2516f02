//! The explorer schedule nearest to each Hugging Face function: its cosines as the explorer's
//! cosine, the rest as phases after a linear warm-up from 0.

use super::modes::{Cosine, CosineSchedule, Decay, WarmupDecay, Wsd, WsdShape};
use crate::format::format_value;
use crate::schedule::family::{Constant, Isqrt, Linear, Polynomial, Ramp, Wsd as WsdFamily};
use crate::schedule::frameworks::{after, Nearest};
use crate::schedule::{Anneal, Family, Schedule, Warmup};

pub(super) fn cosine(m: &CosineSchedule) -> Nearest {
    let decay = (m.num_training_steps - m.num_warmup_steps).max(1.0);
    let mut a = Anneal {
        eta_max: m.base,
        t_0: decay,
        warmup: Warmup {
            length: m.num_warmup_steps,
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    match m.kind {
        Cosine::HardRestarts => {
            let cycles = m.num_cycles.max(1.0);
            a.restarts = true;
            a.t_mult = 1.0;
            a.t_0 = decay / cycles;
            a.cycle_limit = Some(cycles.round() as u32);
        }
        Cosine::MinLr { min_lr_rate } | Cosine::MinLrRate { min_lr_rate, .. } => {
            a.eta_min_relative = true;
            a.eta_min = min_lr_rate;
        }
        Cosine::WithWarmup => {}
    }
    let mut notes = Vec::new();
    if m.num_cycles != 0.5 && !matches!(m.kind, Cosine::HardRestarts) {
        notes.push(format!(
            "num_cycles = {}: the explorer draws half a cosine wave",
            format_value(m.num_cycles)
        ));
    }
    Nearest::anneal(a, notes)
}

/// A warm-up from 0 over `w` steps (when there is one) before `rest`.
fn after_warmup(base: f64, w: f64, rest: Family) -> Schedule {
    let warmup = Family::Linear(Linear {
        start: 0.0,
        end: base,
        steps: w,
    });
    after(warmup, w, rest)
}

/// The constant, linear, polynomial and inverse-square-root functions as their phases.
pub(super) fn warmup_decay(m: &WarmupDecay) -> Nearest {
    let (b, w) = (m.base, m.num_warmup_steps);
    let rest = match m.decay {
        Decay::Constant => Family::Constant(Constant { lr: b }),
        // Nothing left to decay over: transformers is at its end value from the warm-up's end.
        Decay::Linear { num_training_steps } if num_training_steps <= w => {
            Family::Constant(Constant { lr: 0.0 })
        }
        Decay::Polynomial {
            num_training_steps,
            lr_end,
            ..
        } if num_training_steps <= w => Family::Constant(Constant { lr: lr_end }),
        Decay::Linear { num_training_steps } => Family::Linear(Linear {
            start: b,
            end: 0.0,
            steps: (num_training_steps - w).max(1.0),
        }),
        Decay::Polynomial {
            num_training_steps,
            lr_end,
            power,
        } => Family::Polynomial(Polynomial {
            lr: b,
            end: lr_end,
            steps: (num_training_steps - w).max(1.0),
            power,
        }),
        Decay::InverseSqrt { timescale } => {
            return Nearest::single(Family::Isqrt(Isqrt {
                lr: b,
                warmup: w,
                timescale,
            }))
        }
    };
    Nearest::phases(after_warmup(b, w, rest), Vec::new())
}

/// `get_wsd_schedule` as the warmup-stable-decay family.
pub(super) fn wsd(m: &Wsd) -> Nearest {
    let shape = |s: WsdShape| match s {
        WsdShape::Linear => Ramp::Linear,
        WsdShape::Cosine => Ramp::Cosine,
        WsdShape::OneMinusSqrt => Ramp::OneMinusSqrt,
    };
    let family = Family::Wsd(WsdFamily {
        lr: m.base,
        warmup: m.warmup,
        stable: m.stable,
        decay: m.decay,
        min_ratio: m.min_lr_ratio,
        warmup_shape: shape(m.warmup_type),
        decay_shape: shape(m.decay_type),
    });
    let mut notes = Vec::new();
    if m.num_cycles != 0.5 && m.decay_type == WsdShape::Cosine {
        notes.push(format!(
            "num_cycles = {}: the explorer draws half a cosine wave",
            format_value(m.num_cycles)
        ));
    }
    Nearest::phases(Schedule::single(family), notes)
}
