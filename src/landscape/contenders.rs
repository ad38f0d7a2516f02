//! The three schedules the lab races on one surface: constant, one cosine, cosine with restarts.

use crate::schedule::{Anneal, CycleCache, WarmupPlacement};

/// One schedule as the lab runs it: a learning rate per step and where its cycles end.
#[derive(Clone, Debug, PartialEq)]
pub struct Contender {
    /// Legend text.
    pub label: &'static str,
    /// Learning rate for each step.
    pub lrs: Vec<f64>,
    /// Steps at which a cycle ends (the next one restarts); snapshots are taken there.
    pub cycle_ends: Vec<usize>,
}

/// Restarts counted for snapshots; later ones are too short to matter on a chart.
const MAX_CYCLES: usize = 64;

fn sampled(schedule: &Anneal, steps: usize) -> Vec<f64> {
    let mut cache = CycleCache::default();
    (0..steps)
        .map(|t| schedule.lr_cached(t as f64, &mut cache))
        .collect()
}

/// Constant at `constant`; the explorer's schedule as one cosine over all `steps`; and the
/// explorer's schedule with warm restarts (its own T_0, T_mult, decay and warm-up).
pub fn contenders(schedule: &Anneal, steps: usize, constant: f64) -> [Contender; 3] {
    let cosine = Anneal {
        restarts: false,
        t_0: match schedule.warmup.placement {
            WarmupPlacement::Prefix => (steps as f64 - schedule.warmup.length).max(1.0),
            WarmupPlacement::Overlap => (steps as f64).max(1.0),
        },
        ..schedule.clone()
    };
    let sgdr = Anneal {
        restarts: true,
        ..schedule.clone()
    };
    let cycle_ends = sgdr
        .restart_steps(steps as f64, MAX_CYCLES)
        .into_iter()
        .map(|t| t as usize)
        .filter(|&t| t > 0 && t < steps)
        .collect();
    [
        Contender {
            label: "constant",
            lrs: vec![constant; steps],
            cycle_ends: Vec::new(),
        },
        Contender {
            label: "cosine",
            lrs: sampled(&cosine, steps),
            cycle_ends: Vec::new(),
        },
        Contender {
            label: "cosine + warm restarts",
            lrs: sampled(&sgdr, steps),
            cycle_ends,
        },
    ]
}
