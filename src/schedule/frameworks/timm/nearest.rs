//! The explorer schedule nearest to timm's mode.

use super::modes::CosineLr;
use crate::schedule::frameworks::Nearest;
use crate::schedule::{Anneal, Warmup, WarmupPlacement};

/// Above this, timm's cycle limit means "restart forever" to the explorer.
const ENDLESS_CYCLES: f64 = 1e6;

pub(super) fn cosine_lr(m: &CosineLr) -> Nearest {
    let restarts = m.cycle_limit > 1.0;
    let overlap = !m.warmup_prefix && m.warmup_t > 0.0;
    let a = Anneal {
        eta_max: m.base,
        eta_min: m.lr_min,
        t_0: m.t_initial,
        restarts,
        t_mult: m.cycle_mul,
        decay: if restarts { m.cycle_decay } else { 1.0 },
        // The explorer's cycle limit is a whole number, as the key rounds it.
        cycle_limit: (restarts && m.cycle_limit < ENDLESS_CYCLES)
            .then(|| m.cycle_limit.round() as u32),
        k_decay: m.k_decay,
        warmup: Warmup {
            length: m.warmup_t,
            start: m.warmup_lr_init,
            placement: if overlap {
                WarmupPlacement::Overlap
            } else {
                WarmupPlacement::Prefix
            },
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    Nearest::anneal(a, Vec::new())
}
