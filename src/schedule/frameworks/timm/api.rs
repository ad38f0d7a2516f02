//! timm's scheduler API and the builder of its mode from keyword arguments.

use super::modes::CosineLr;
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::{Api, Mode, Params, Pasted};

/// timm's rows.
pub(super) const APIS: [Api; 1] = [Api {
    family: "timm.CosineLRScheduler",
    pasted: Some(Pasted {
        python: "CosineLRScheduler",
        positional: &[
            "optimizer",
            "t_initial",
            "lr_min",
            "cycle_mul",
            "cycle_decay",
            "cycle_limit",
            "warmup_t",
            "warmup_lr_init",
            "warmup_prefix",
        ],
        nested: None,
    }),
    build: cosine_lr,
}];

fn cosine_lr(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    p.ignore(&[
        "t_in_epochs",
        "noise_pct",
        "noise_std",
        "noise_seed",
        "initialize",
    ]);
    if p.raw("noise_range_t").is_some() {
        return Err(ScheduleError::new(
            "noise_range_t",
            "noisy timm schedules are random; only noise_range_t=None is supported",
        ));
    }
    Ok(Mode::Timm(CosineLr {
        base: p.num("optimizer_lr")?,
        t_initial: p.num("t_initial")?,
        lr_min: p.num_or("lr_min", 0.0)?,
        cycle_mul: p.num_or("cycle_mul", 1.0)?,
        cycle_decay: p.num_or("cycle_decay", 1.0)?,
        cycle_limit: p.num_or("cycle_limit", 1.0)?,
        warmup_t: p.num_or("warmup_t", 0.0)?,
        warmup_lr_init: p.num_or("warmup_lr_init", 0.0)?,
        warmup_prefix: p.flag_or("warmup_prefix", false)?,
        k_decay: p.num_or("k_decay", 1.0)?,
    }))
}
