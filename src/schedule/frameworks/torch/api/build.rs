//! The builders of PyTorch's modes from keyword arguments, one per constructor.

use super::super::modes::{
    Chained, CosineAnnealing, Cyclic, CyclicMode, Inner, Kind, Momentum, OneCycle, Scheduler,
    Sequential, WarmRestarts,
};
use super::super::LIBRARY;
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::{Arg, Mode, Params};

/// The optimizer's lr, after refusing a resumed scheduler (`last_epoch` other than -1).
pub(super) fn base(p: &Params) -> Result<f64, ScheduleError> {
    p.require_default("last_epoch", &Arg::Int(-1))?;
    p.num("optimizer_lr")
}

pub(super) fn cosine(p: &Params, base: f64) -> Result<CosineAnnealing, ScheduleError> {
    Ok(CosineAnnealing {
        base,
        t_max: p.num("T_max")?,
        eta_min: p.num_or("eta_min", 0.0)?,
    })
}

pub(super) fn warm_restarts(p: &Params) -> Result<WarmRestarts, ScheduleError> {
    let base = base(p)?;
    p.ignore(&["epochs", "iters_per_epoch"]);
    Ok(WarmRestarts {
        base,
        t_0: int_from_1(p, "T_0", None, "positive integer T_0")?,
        t_mult: int_from_1(p, "T_mult", Some(1), "integer T_mult >= 1")?,
        eta_min: p.num_or("eta_min", 0.0)?,
    })
}

/// An int of at least 1 that torch checks itself, refused with its message (`T_mult=1.5`:
/// "Expected integer T_mult >= 1, but got 1.5"); a name from pasted code is asked for.
fn int_from_1(
    p: &Params,
    key: &'static str,
    default: Option<u64>,
    expected: &str,
) -> Result<u64, ScheduleError> {
    match p.raw(key) {
        Some(v) if !matches!(v, Arg::Name(_)) && v.as_u64().is_none_or(|n| n < 1) => Err(
            ScheduleError::new(key, format!("Expected {expected}, but got {v}")),
        ),
        _ => match default {
            Some(d) => Ok(p.opt_int(key)?.unwrap_or(d)),
            None => p.int(key),
        },
    }
}

fn chainable(p: &Params, kind: Kind) -> Result<Mode, ScheduleError> {
    Ok(Mode::TorchChainable(Scheduler {
        base: base(p)?,
        kind,
    }))
}

fn linear_kind(p: &Params) -> Result<Kind, ScheduleError> {
    Ok(Kind::Linear {
        start_factor: p.num_or("start_factor", 1.0 / 3.0)?,
        end_factor: p.num_or("end_factor", 1.0)?,
        total_iters: p.num_or("total_iters", 5.0)?,
    })
}

pub(super) fn constant(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    let kind = Kind::Constant {
        factor: p.num_or("factor", 1.0 / 3.0)?,
        total_iters: p.num_or("total_iters", 5.0)?,
    };
    chainable(p, kind)
}

pub(super) fn linear(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    chainable(p, linear_kind(p)?)
}

pub(super) fn step(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    let kind = Kind::Step {
        step_size: p.num("step_size")?,
        gamma: p.num_or("gamma", 0.1)?,
    };
    chainable(p, kind)
}

/// A list of non-negative integers (milestones).
fn steps_list(p: &Params, key: &'static str) -> Result<Vec<u64>, ScheduleError> {
    let bad = || ScheduleError::new(key, "expected a list of non-negative integers");
    let list = p.raw(key).and_then(Arg::as_list).ok_or_else(bad)?;
    list.iter().map(|m| m.as_u64().ok_or_else(bad)).collect()
}

pub(super) fn multi_step(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    let bad = || ScheduleError::new("milestones", "expected a list of numbers");
    let list = p.raw("milestones").and_then(Arg::as_list).ok_or_else(bad)?;
    let mut milestones = list
        .iter()
        .map(|m| m.as_f64().filter(|m| m.is_finite()).ok_or_else(bad))
        .collect::<Result<Vec<f64>, _>>()?;
    crate::sort::sort_f64(&mut milestones);
    let kind = Kind::MultiStep {
        milestones,
        gamma: p.num_or("gamma", 0.1)?,
    };
    chainable(p, kind)
}

pub(super) fn exponential(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    let kind = Kind::Exponential {
        gamma: p.num("gamma")?,
    };
    chainable(p, kind)
}

pub(super) fn polynomial(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    let kind = Kind::Polynomial {
        total_iters: p.num_or("total_iters", 5.0)?,
        power: p.num_or("power", 1.0)?,
    };
    chainable(p, kind)
}

/// `cycle_momentum` (default on) and its range, from the scheduler's `default`.
fn momentum(p: &Params, default: Momentum) -> Result<Option<Momentum>, ScheduleError> {
    let range = Momentum {
        base: p.num_or("base_momentum", default.base)?,
        max: p.num_or("max_momentum", default.max)?,
    };
    Ok(p.flag_or("cycle_momentum", true)?.then_some(range))
}

pub(super) fn cyclic(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    base(p)?;
    if p.raw("scale_fn").is_some() {
        return Err(ScheduleError::new(
            "scale_fn",
            "takes a Python function; Anneal cannot draw it",
        ));
    }
    // Without a scale_fn, CyclicLR overwrites scale_mode from its mode (`_init_scale_fn`).
    p.text_or("scale_mode", "cycle")?;
    let up = p.num_or("step_size_up", 2000.0)?;
    Ok(Mode::TorchCyclic(Cyclic {
        base_lr: p.num("base_lr")?,
        max_lr: p.num("max_lr")?,
        step_size_up: up,
        step_size_down: p.opt_num("step_size_down")?.unwrap_or(up),
        mode: CyclicMode::parse(p.text_or("mode", "triangular")?)?,
        gamma: p.num_or("gamma", 1.0)?,
        momentum: momentum(p, Cyclic::MOMENTUM)?,
    }))
}

pub(super) fn one_cycle(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    base(p)?;
    let total_steps = match p.opt_int("total_steps")? {
        Some(n) => n,
        None => p.int("epochs")?.saturating_mul(p.int("steps_per_epoch")?),
    };
    let strategy = p.text_or("anneal_strategy", "cos")?;
    if strategy != "cos" && strategy != "linear" {
        return Err(ScheduleError::new(
            "anneal_strategy",
            format!("OneCycleLR raises ValueError: anneal_strategy must be one of 'cos' or 'linear', instead got {strategy}"),
        ));
    }
    // PyTorch also refuses an int pct_start (`isinstance(pct_start, float)`), but pasted
    // text reads `1.0` and `1` alike, so only the range is checked.
    let pct_start = p.num_or("pct_start", 0.3)?;
    if !(0.0..=1.0).contains(&pct_start) {
        return Err(ScheduleError::new(
            "pct_start",
            format!("OneCycleLR raises ValueError: Expected float between 0 and 1 pct_start, but got {pct_start}"),
        ));
    }
    Ok(Mode::TorchOneCycle(OneCycle {
        max_lr: p.num("max_lr")?,
        total_steps,
        pct_start,
        div_factor: p.num_or("div_factor", 25.0)?,
        final_div_factor: p.num_or("final_div_factor", 1e4)?,
        three_phase: p.flag_or("three_phase", false)?,
        linear: strategy == "linear",
        momentum: momentum(p, OneCycle::MOMENTUM)?,
    }))
}

/// One `{class, **kwargs}` of a composite, built by the row of its class on the composite's
/// optimizer lr (the composite sets each one's base as PyTorch's constructors do).
fn inner(item: &Arg, optimizer_lr: f64, dtype: &str) -> Result<Inner, ScheduleError> {
    let bad = || ScheduleError::new("schedulers", "expected a list of {class, …} objects");
    let fields = item.as_dict().ok_or_else(bad)?;
    let class = item.get("class").and_then(Arg::as_str).ok_or_else(bad)?;
    if let Some((_, why)) = LIBRARY.unsupported.iter().find(|(n, _)| *n == class) {
        return Err(ScheduleError::new("schedulers", format!("{class} {why}")));
    }
    let api = LIBRARY
        .apis
        .iter()
        .find(|a| a.pasted.as_ref().is_some_and(|q| q.python == class))
        .ok_or_else(|| {
            ScheduleError::new(
                "schedulers",
                format!("{class} is not a PyTorch scheduler Anneal reads"),
            )
        })?;
    let mut kwargs: Vec<(String, Arg)> = fields
        .iter()
        .filter(|(k, _)| k != "class")
        .cloned()
        .collect();
    kwargs.push(("optimizer_lr".into(), Arg::Num(optimizer_lr)));
    match api.mode(&Arg::Dict(kwargs), dtype)? {
        Mode::TorchChainable(s) => Ok(Inner::Chainable(s)),
        Mode::TorchCosine(c) => Ok(Inner::Cosine(c)),
        Mode::TorchWarmRestarts(w) => Ok(Inner::WarmRestarts(w)),
        Mode::TorchCyclic(c) => Ok(Inner::Cyclic(c)),
        Mode::TorchOneCycle(o) => Ok(Inner::OneCycle(o)),
        _ => Err(ScheduleError::new(
            "schedulers",
            format!("Anneal draws SequentialLR and ChainedScheduler over single schedulers, not over {class}"),
        )),
    }
}

/// The composite's schedulers, each built by its own row.
fn inners(p: &Params, optimizer_lr: f64, dtype: &str) -> Result<Vec<Inner>, ScheduleError> {
    let list = p
        .raw("schedulers")
        .and_then(Arg::as_list)
        .ok_or_else(|| ScheduleError::new("schedulers", "expected a list of schedulers"))?;
    list.iter().map(|i| inner(i, optimizer_lr, dtype)).collect()
}

pub(super) fn sequential(p: &Params, dtype: &str) -> Result<Mode, ScheduleError> {
    let lr = base(p)?;
    let schedulers = inners(p, lr, dtype)?;
    let milestones = steps_list(p, "milestones")?;
    Ok(Mode::TorchSequential(Sequential::new(
        lr, schedulers, milestones,
    )?))
}

pub(super) fn chained(p: &Params, dtype: &str) -> Result<Mode, ScheduleError> {
    let lr = p.num("optimizer_lr")?;
    p.ignore(&["optimizer"]);
    Ok(Mode::TorchChained(Chained::new(lr, inners(p, lr, dtype)?)?))
}

/// The public fixture's `{LinearLR: {…}, CosineAnnealingLR: {…}, milestones}`: a SequentialLR
/// of the two.
pub(super) fn linear_then_cosine(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    let lr = base(p)?;
    let warm = Params::new(p.raw("LinearLR").unwrap_or(&Arg::Null))?;
    let decay = Params::new(p.raw("CosineAnnealingLR").unwrap_or(&Arg::Null))?;
    let schedulers = vec![
        Inner::Chainable(Scheduler {
            base: lr,
            kind: linear_kind(&warm)?,
        }),
        Inner::Cosine(cosine(&decay, lr)?),
    ];
    warm.finish()?;
    decay.finish()?;
    let milestones = steps_list(p, "milestones")?;
    Ok(Mode::TorchSequential(Sequential::new(
        lr, schedulers, milestones,
    )?))
}
