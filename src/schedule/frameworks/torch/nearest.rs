//! The explorer schedule nearest to each PyTorch mode.

use super::modes::{CosineAnnealing, LinearThenCosine, WarmRestarts};
use crate::schedule::frameworks::Nearest;
use crate::schedule::{Anneal, Warmup};

pub(super) fn cosine_annealing(m: &CosineAnnealing) -> Nearest {
    let a = Anneal {
        eta_max: m.base,
        eta_min: m.eta_min,
        t_0: m.t_max,
        ..Anneal::default()
    };
    Nearest::anneal(a, Vec::new())
}

pub(super) fn warm_restarts(m: &WarmRestarts) -> Nearest {
    let a = Anneal {
        eta_max: m.base,
        eta_min: m.eta_min,
        t_0: m.t_0 as f64,
        restarts: true,
        t_mult: m.t_mult as f64,
        ..Anneal::default()
    };
    Nearest::anneal(a, Vec::new())
}

pub(super) fn linear_then_cosine(m: &LinearThenCosine) -> Nearest {
    let a = Anneal {
        eta_max: m.base,
        eta_min: m.cosine.eta_min,
        t_0: m.cosine.t_max,
        warmup: Warmup {
            length: m.milestone as f64,
            start: m.base * m.start_factor,
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    let mut notes = Vec::new();
    if m.end_factor != 1.0 || m.total_iters != m.milestone as f64 {
        notes.push("the warm-up is drawn as a linear ramp to η_max over the milestone".into());
    }
    Nearest::anneal(a, notes)
}
