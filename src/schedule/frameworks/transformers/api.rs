//! Hugging Face's schedule functions, one row each, and the builders of their modes from
//! keyword arguments (every one also takes the golden format's `optimizer_lr`).

use super::by_name::{get_scheduler, training_arguments};
use super::modes::{Cosine, CosineSchedule, Decay, WarmupDecay, Wsd, WsdShape};
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
pub(super) const APIS: [Api; 12] = [
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
        pasted: Some(Pasted {
            python: "get_cosine_with_min_lr_schedule_with_warmup_lr_rate",
            positional: &[
                "optimizer",
                "num_warmup_steps",
                "num_training_steps",
                "num_cycles",
                "last_epoch",
                "min_lr",
                "min_lr_rate",
                "warmup_lr_rate",
            ],
            nested: None,
        }),
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
        pasted: Some(Pasted {
            python: "get_wsd_schedule",
            positional: &[
                "optimizer",
                "num_warmup_steps",
                "num_decay_steps",
                "num_training_steps",
                "num_stable_steps",
                "warmup_type",
                "decay_type",
                "min_lr_ratio",
                "num_cycles",
                "last_epoch",
            ],
            nested: None,
        }),
        build: wsd,
    },
    Api {
        family: "transformers.get_constant_schedule",
        pasted: Some(Pasted {
            python: "get_constant_schedule",
            positional: &["optimizer", "last_epoch"],
            nested: None,
        }),
        build: |p, _| warmup_decay(p, 0.0, Decay::Constant),
    },
    Api {
        family: "transformers.get_constant_schedule_with_warmup",
        pasted: Some(Pasted {
            python: "get_constant_schedule_with_warmup",
            positional: &["optimizer", "num_warmup_steps", "last_epoch"],
            nested: None,
        }),
        build: |p, _| warmup_decay(p, p.num("num_warmup_steps")?, Decay::Constant),
    },
    Api {
        family: "transformers.get_linear_schedule_with_warmup",
        pasted: Some(Pasted {
            python: "get_linear_schedule_with_warmup",
            positional: &[
                "optimizer",
                "num_warmup_steps",
                "num_training_steps",
                "last_epoch",
            ],
            nested: None,
        }),
        build: |p, _| {
            let decay = Decay::Linear {
                num_training_steps: p.num("num_training_steps")?,
            };
            warmup_decay(p, p.num("num_warmup_steps")?, decay)
        },
    },
    Api {
        family: "transformers.get_polynomial_decay_schedule_with_warmup",
        pasted: Some(Pasted {
            python: "get_polynomial_decay_schedule_with_warmup",
            positional: &[
                "optimizer",
                "num_warmup_steps",
                "num_training_steps",
                "lr_end",
                "power",
                "last_epoch",
            ],
            nested: None,
        }),
        build: |p, _| {
            let decay = Decay::Polynomial {
                num_training_steps: p.num("num_training_steps")?,
                lr_end: p.num_or("lr_end", 1e-7)?,
                power: p.num_or("power", 1.0)?,
            };
            warmup_decay(p, p.num("num_warmup_steps")?, decay)
        },
    },
    Api {
        family: "transformers.get_inverse_sqrt_schedule",
        pasted: Some(Pasted {
            python: "get_inverse_sqrt_schedule",
            positional: &["optimizer", "num_warmup_steps", "timescale", "last_epoch"],
            nested: None,
        }),
        build: |p, _| {
            let w = p.num("num_warmup_steps")?;
            // `timescale = num_warmup_steps or 10_000`.
            let fallback = if w != 0.0 { w } else { 10_000.0 };
            let decay = Decay::InverseSqrt {
                timescale: p.num_or("timescale", fallback)?,
            };
            warmup_decay(p, w, decay)
        },
    },
    Api {
        family: "transformers.get_scheduler",
        pasted: Some(Pasted {
            python: "get_scheduler",
            positional: &[
                "name",
                "optimizer",
                "num_warmup_steps",
                "num_training_steps",
                "scheduler_specific_kwargs",
            ],
            nested: None,
        }),
        build: get_scheduler,
    },
    Api {
        family: "transformers.TrainingArguments",
        pasted: Some(Pasted {
            python: "TrainingArguments",
            // 5.24's first fields, in order; the Trainer makes the optimizer itself.
            positional: &[
                "output_dir",
                "per_device_train_batch_size",
                "num_train_epochs",
                "max_steps",
                "learning_rate",
                "lr_scheduler_type",
                "lr_scheduler_kwargs",
                "warmup_steps",
            ],
            nested: None,
        }),
        build: training_arguments,
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

fn warmup_decay(p: &Params, num_warmup_steps: f64, decay: Decay) -> Result<Mode, ScheduleError> {
    Ok(Mode::HfWarmupDecay(WarmupDecay {
        base: base(p)?,
        num_warmup_steps,
        decay,
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
