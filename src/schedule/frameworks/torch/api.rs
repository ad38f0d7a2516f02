//! PyTorch's scheduler APIs, one row each, and the builders of their modes from keyword
//! arguments (every one also takes the golden format's `optimizer_lr`).

use super::modes::{CosineAnnealing, LinearThenCosine, OneCycle, WarmRestarts, WarmRestartsEpoch};
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::{Api, Arg, Mode, Nested, Params, Pasted};

/// PyTorch's rows.
pub(super) const APIS: [Api; 5] = [
    Api {
        family: "torch.CosineAnnealingLR",
        pasted: Some(Pasted {
            python: "CosineAnnealingLR",
            positional: &["optimizer", "T_max", "eta_min", "last_epoch"],
            nested: None,
        }),
        build: |p, _| Ok(Mode::TorchCosine(cosine(p, base(p)?)?)),
    },
    Api {
        family: "torch.CosineAnnealingWarmRestarts",
        pasted: Some(Pasted {
            python: "CosineAnnealingWarmRestarts",
            positional: &["optimizer", "T_0", "T_mult", "eta_min", "last_epoch"],
            nested: None,
        }),
        build: |p, _| Ok(Mode::TorchWarmRestarts(warm_restarts(p)?)),
    },
    Api {
        family: "torch.CosineAnnealingWarmRestarts.step_epoch",
        pasted: None,
        build: |p, _| {
            Ok(Mode::TorchWarmRestartsEpoch(WarmRestartsEpoch(
                warm_restarts(p)?,
            )))
        },
    },
    Api {
        family: "torch.SequentialLR(LinearLR,CosineAnnealingLR)",
        pasted: Some(Pasted {
            python: "SequentialLR",
            positional: &["optimizer", "schedulers", "milestones"],
            nested: Some(Nested {
                arg: "schedulers",
                tag: "class",
            }),
        }),
        build: linear_then_cosine,
    },
    Api {
        family: "torch.OneCycleLR",
        pasted: None,
        build: one_cycle,
    },
];

/// The optimizer's lr, after refusing a resumed scheduler (`last_epoch` other than -1).
fn base(p: &Params) -> Result<f64, ScheduleError> {
    p.require_default("last_epoch", &Arg::Int(-1))?;
    p.num("optimizer_lr")
}

fn cosine(p: &Params, base: f64) -> Result<CosineAnnealing, ScheduleError> {
    Ok(CosineAnnealing {
        base,
        t_max: p.num("T_max")?,
        eta_min: p.num_or("eta_min", 0.0)?,
    })
}

fn warm_restarts(p: &Params) -> Result<WarmRestarts, ScheduleError> {
    let base = base(p)?;
    p.ignore(&["epochs", "iters_per_epoch"]);
    Ok(WarmRestarts {
        base,
        t_0: p.int("T_0")?,
        t_mult: p.opt_int("T_mult")?.unwrap_or(1),
        eta_min: p.num_or("eta_min", 0.0)?,
    })
}

fn linear_then_cosine(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    let base = base(p)?;
    let linear = Params::new(p.raw("LinearLR").unwrap_or(&Arg::Null))?;
    let inner = Params::new(p.raw("CosineAnnealingLR").unwrap_or(&Arg::Null))?;
    let milestones = p.raw("milestones").and_then(Arg::as_list);
    let milestone = match milestones {
        Some([m]) => m.as_u64(),
        _ => None,
    }
    .ok_or_else(|| ScheduleError::new("milestones", "expected one integer milestone"))?;
    let mode = LinearThenCosine {
        base,
        start_factor: linear.num_or("start_factor", 1.0 / 3.0)?,
        end_factor: linear.num_or("end_factor", 1.0)?,
        total_iters: linear.num_or("total_iters", 5.0)?,
        cosine: cosine(&inner, base)?,
        milestone,
    };
    linear.finish()?;
    inner.finish()?;
    Ok(Mode::TorchLinearThenCosine(mode))
}

fn one_cycle(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    base(p)?;
    p.ignore(&["cycle_momentum", "base_momentum", "max_momentum"]);
    let total_steps = match p.opt_int("total_steps")? {
        Some(n) => n,
        None => p.int("epochs")?.saturating_mul(p.int("steps_per_epoch")?),
    };
    let strategy = p.text_or("anneal_strategy", "cos")?;
    if strategy != "cos" && strategy != "linear" {
        return Err(ScheduleError::new(
            "anneal_strategy",
            format!("expected 'cos' or 'linear', got '{strategy}'"),
        ));
    }
    Ok(Mode::TorchOneCycle(OneCycle {
        max_lr: p.num("max_lr")?,
        total_steps,
        pct_start: p.num_or("pct_start", 0.3)?,
        div_factor: p.num_or("div_factor", 25.0)?,
        final_div_factor: p.num_or("final_div_factor", 1e4)?,
        three_phase: p.flag_or("three_phase", false)?,
        linear: strategy == "linear",
    }))
}
