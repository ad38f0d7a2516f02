//! The explorer schedule nearest to each Hugging Face cosine.

use super::modes::{Cosine, CosineSchedule};
use crate::format::format_value;
use crate::schedule::frameworks::Nearest;
use crate::schedule::{Anneal, Warmup};

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
