//! Hugging Face's schedule functions, one row each, and the builders of their modes from
//! keyword arguments (every one also takes the golden format's `optimizer_lr`).

use super::modes::{Cosine, CosineSchedule, Wsd, WsdShape};
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::{Api, Arg, Mode, Params, Pasted};

/// The positional parameters the `get_cosine_*` functions share.
const COSINE_POSITIONAL: [&str; 5] = [
    "optimizer",
    "num_warmup_steps",
    "num_training_steps",
    "num_cycles",
    "last_epoch",
];

/// Hugging Face's rows.
pub(super) const APIS: [Api; 5] = [
    Api {
        family: "transformers.get_cosine_schedule_with_warmup",
        pasted: Some(Pasted {
            python: "get_cosine_schedule_with_warmup",
            positional: &COSINE_POSITIONAL,
            nested: None,
        }),
        build: |p, _| cosine(p, base(p)?, Cosine::WithWarmup),
    },
    Api {
        family: "transformers.get_cosine_with_hard_restarts_schedule_with_warmup",
        pasted: Some(Pasted {
            python: "get_cosine_with_hard_restarts_schedule_with_warmup",
            positional: &COSINE_POSITIONAL,
            nested: None,
        }),
        build: |p, _| cosine(p, base(p)?, Cosine::HardRestarts),
    },
    Api {
        family: "transformers.get_cosine_with_min_lr_schedule_with_warmup",
        pasted: Some(Pasted {
            python: "get_cosine_with_min_lr_schedule_with_warmup",
            positional: &[
                "optimizer",
                "num_warmup_steps",
                "num_training_steps",
                "num_cycles",
                "last_epoch",
                "min_lr",
                "min_lr_rate",
            ],
            nested: None,
        }),
        build: |p, _| {
            let base = base(p)?;
            let min_lr_rate = min_rate(p, base)?;
            cosine(p, base, Cosine::MinLr { min_lr_rate })
        },
    },
    Api {
        family: "transformers.get_cosine_with_min_lr_schedule_with_warmup_lr_rate",
        pasted: None,
        build: |p, _| {
            let base = base(p)?;
            let kind = Cosine::MinLrRate {
                min_lr_rate: min_rate(p, base)?,
                warmup_lr_rate: p.opt_num("warmup_lr_rate")?,
            };
            cosine(p, base, kind)
        },
    },
    Api {
        family: "transformers.get_wsd_schedule",
        pasted: None,
        build: wsd,
    },
];

/// The optimizer's lr, after refusing a resumed scheduler (`last_epoch` other than -1).
fn base(p: &Params) -> Result<f64, ScheduleError> {
    p.require_default("last_epoch", &Arg::Int(-1))?;
    p.num("optimizer_lr")
}

/// The floor as a fraction of the optimizer's lr, given either way.
fn min_rate(p: &Params, base: f64) -> Result<f64, ScheduleError> {
    match (p.opt_num("min_lr")?, p.opt_num("min_lr_rate")?) {
        (Some(_), Some(_)) => Err(ScheduleError::new(
            "min_lr",
            "give only one of min_lr and min_lr_rate",
        )),
        (Some(min_lr), None) => Ok(min_lr / base),
        (None, Some(rate)) => Ok(rate),
        (None, None) => Err(ScheduleError::new(
            "min_lr_rate",
            "one of min_lr and min_lr_rate is required",
        )),
    }
}

fn cosine(p: &Params, base: f64, kind: Cosine) -> Result<Mode, ScheduleError> {
    let default_cycles = if kind == Cosine::HardRestarts {
        1.0
    } else {
        0.5
    };
    Ok(Mode::HfCosine(CosineSchedule {
        base,
        kind,
        num_warmup_steps: p.num("num_warmup_steps")?,
        num_training_steps: p.num("num_training_steps")?,
        num_cycles: p.num_or("num_cycles", default_cycles)?,
    }))
}

fn wsd(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    let base = base(p)?;
    let warmup = p.num("num_warmup_steps")?;
    let decay = p.num("num_decay_steps")?;
    let stable = match (
        p.opt_num("num_stable_steps")?,
        p.opt_num("num_training_steps")?,
    ) {
        (Some(s), _) => s,
        (None, Some(n)) => n - warmup - decay,
        (None, None) => {
            return Err(ScheduleError::new(
                "num_training_steps",
                "one of num_training_steps and num_stable_steps is required",
            ))
        }
    };
    Ok(Mode::HfWsd(Wsd {
        base,
        warmup,
        stable,
        decay,
        warmup_type: WsdShape::parse("warmup_type", p.text_or("warmup_type", "linear")?)?,
        decay_type: WsdShape::parse("decay_type", p.text_or("decay_type", "cosine")?)?,
        min_lr_ratio: p.num_or("min_lr_ratio", 0.0)?,
        num_cycles: p.num_or("num_cycles", 0.5)?,
    }))
}
