//! The explorer schedule nearest to each PyTorch mode.

use super::modes::{CosineAnnealing, Inner, Kind, Scheduler, Sequential, WarmRestarts};
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

/// A SequentialLR of a LinearLR and a CosineAnnealingLR is the explorer's warm-up then cosine;
/// any other composition stays an overlay.
pub(super) fn sequential(m: &Sequential) -> Nearest {
    let (
        [Inner::Chainable(Scheduler {
            kind:
                Kind::Linear {
                    start_factor,
                    end_factor,
                    total_iters,
                },
            ..
        }), Inner::Cosine(cosine)],
        [milestone],
    ) = (m.schedulers.as_slice(), m.milestones.as_slice())
    else {
        return Nearest::overlay_only();
    };
    let base = m.initial_lr;
    let a = Anneal {
        eta_max: base,
        eta_min: cosine.eta_min,
        t_0: cosine.t_max,
        warmup: Warmup {
            length: *milestone as f64,
            start: base * start_factor,
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    let mut notes = Vec::new();
    if *end_factor != 1.0 || *total_iters != *milestone as f64 {
        notes.push("the warm-up is drawn as a linear ramp to η_max over the milestone".into());
    }
    Nearest::anneal(a, notes)
}
