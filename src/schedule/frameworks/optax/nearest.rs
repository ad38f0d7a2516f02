//! The explorer schedule nearest to each optax cosine.

use super::modes::{CosineDecay, Sgdr, WarmupCosineDecay};
use crate::schedule::frameworks::Nearest;
use crate::schedule::{Anneal, Warmup, WarmupScope, WarmupShape};

pub(super) fn cosine_decay(m: &CosineDecay) -> Nearest {
    let a = Anneal {
        eta_max: m.init_value,
        eta_min: m.alpha * m.init_value,
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
