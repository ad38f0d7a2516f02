//! timm's scheduler API and the builders of its modes from keyword arguments.

use super::modes::{CosineLr, CycleLr, CycleShape, Milestones, StepLr};
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::{Api, Mode, Params, Pasted};

/// A constructor's positional parameters in timm's order: the optimizer, the ones that shape
/// the curve, the stepping unit and the noise every `Scheduler` takes, then `k_decay` where
/// the class has it and `initialize`.
macro_rules! tail {
    // Cosine, poly and tanh: their own parameters after t_initial, then the shared cycles and warm-up.
    (cycled $($shape:literal,)* ; $($last:literal,)*) => {
        tail!(
            "t_initial",
            $($shape,)*
            "lr_min",
            "cycle_mul",
            "cycle_decay",
            "cycle_limit",
            "warmup_t",
            "warmup_lr_init",
            "warmup_prefix",
            ;
            $($last,)*
        )
    };
    ($($shape:literal,)* ; $($last:literal,)*) => {
        &[
            "optimizer",
            $($shape,)*
            "t_in_epochs",
            "noise_range_t",
            "noise_pct",
            "noise_std",
            "noise_seed",
            $($last,)*
            "initialize",
        ]
    };
}

/// Both step schedulers' positional parameters.
const STEP_POSITIONAL: &[&str] =
    tail!("decay_t", "decay_rate", "warmup_t", "warmup_lr_init", "warmup_prefix", ;);

/// timm's rows.
pub(super) const APIS: [Api; 5] = [
    Api {
        family: "timm.CosineLRScheduler",
        pasted: Some(Pasted {
            python: "CosineLRScheduler",
            positional: tail!(
                cycled
                ;
                "k_decay",
            ),
            nested: None,
        }),
        build: cosine_lr,
    },
    Api {
        family: "timm.StepLRScheduler",
        pasted: Some(Pasted {
            python: "StepLRScheduler",
            positional: STEP_POSITIONAL,
            nested: None,
        }),
        build: |p, _| {
            let every = Milestones::Every(p.num("decay_t")?);
            step(p, every)
        },
    },
    Api {
        family: "timm.MultiStepLRScheduler",
        pasted: Some(Pasted {
            python: "MultiStepLRScheduler",
            positional: STEP_POSITIONAL,
            nested: None,
        }),
        build: |p, _| {
            let at = Milestones::At(numbers(p, "decay_t")?);
            step(p, at)
        },
    },
    Api {
        family: "timm.PolyLRScheduler",
        pasted: Some(Pasted {
            python: "PolyLRScheduler",
            positional: tail!(
                cycled
                "power",
                ;
                "k_decay",
            ),
            nested: None,
        }),
        build: |p, _| {
            let shape = CycleShape::Poly {
                power: p.num_or("power", 0.5)?,
                k_decay: p.num_or("k_decay", 1.0)?,
            };
            cycled(p, shape)
        },
    },
    Api {
        family: "timm.TanhLRScheduler",
        pasted: Some(Pasted {
            python: "TanhLRScheduler",
            positional: tail!(
                cycled
                "lb",
                "ub",
                ;
            ),
            nested: None,
        }),
        build: |p, _| {
            let shape = CycleShape::Tanh {
                lb: p.num_or("lb", -7.0)?,
                ub: p.num_or("ub", 3.0)?,
            };
            cycled(p, shape)
        },
    },
];

/// Reads what every timm scheduler takes beside its curve: the stepping unit (the caller's
/// `step(epoch)` or `step_update(n)` passes the t either way), `initialize`, and the noise,
/// which is refused.
fn common(p: &Params) -> Result<(), ScheduleError> {
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
    Ok(())
}

/// A list of numbers (MultiStepLRScheduler's `decay_t`).
fn numbers(p: &Params, key: &'static str) -> Result<Vec<f64>, ScheduleError> {
    let bad = || ScheduleError::new(key, "expected a list of numbers");
    let list = p.raw(key).ok_or_else(|| p.required(key))?;
    list.as_list()
        .ok_or_else(bad)?
        .iter()
        .map(|v| v.as_f64().filter(|x| x.is_finite()).ok_or_else(bad))
        .collect()
}

fn cosine_lr(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    common(p)?;
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

fn step(p: &Params, milestones: Milestones) -> Result<Mode, ScheduleError> {
    common(p)?;
    Ok(Mode::TimmStep(StepLr {
        base: p.num("optimizer_lr")?,
        milestones,
        decay_rate: p.num_or("decay_rate", 1.0)?,
        warmup_t: p.num_or("warmup_t", 0.0)?,
        warmup_lr_init: p.num_or("warmup_lr_init", 0.0)?,
        warmup_prefix: p.flag_or("warmup_prefix", true)?,
    }))
}

fn cycled(p: &Params, shape: CycleShape) -> Result<Mode, ScheduleError> {
    common(p)?;
    Ok(Mode::TimmCycle(CycleLr {
        base: p.num("optimizer_lr")?,
        shape,
        t_initial: p.num("t_initial")?,
        lr_min: p.num_or("lr_min", 0.0)?,
        cycle_mul: p.num_or("cycle_mul", 1.0)?,
        cycle_decay: p.num_or("cycle_decay", 1.0)?,
        cycle_limit: p.num_or("cycle_limit", 1.0)?,
        warmup_t: p.num_or("warmup_t", 0.0)?,
        warmup_lr_init: p.num_or("warmup_lr_init", 0.0)?,
        warmup_prefix: p.flag_or("warmup_prefix", false)?,
    }))
}
