//! timm's schedulers (timm 1.0.31): every `_get_lr(t)` is stateless in t, and they share the
//! `Scheduler` subclasses' warm-up and (for cosine, poly and tanh) the restart-cycle arithmetic,
//! so those live here once.

mod cosine;
mod cycle;
mod step;

pub use cosine::CosineLr;
pub use cycle::{CycleLr, CycleShape};
pub use step::{Milestones, StepLr};

use crate::schedule::error::{check_range, ScheduleError};
use crate::schedule::frameworks::length::{cycles, SHOWN_CYCLES};
use crate::schedule::frameworks::python::{floor_log_base, floordiv};

/// Where `t` falls: on the warm-up line (the lr there), or past it (the t the decay reads).
pub(crate) enum Phase {
    /// `t < warmup_t`: the warm-up's lr.
    Warmup(f64),
    /// The decay's t: shifted back by `warmup_t` when the warm-up is a prefix.
    Decay(f64),
}

/// `_get_lr`'s shared head: `warmup_lr_init + t·(target − warmup_lr_init)/warmup_t` below
/// `warmup_t` (`target` is the optimizer's lr, or tanh's value at `warmup_t` without prefix).
pub(crate) fn phase(t: f64, warmup_t: f64, lr_init: f64, target: f64, prefix: bool) -> Phase {
    if t < warmup_t {
        // timm computes the slope once in __init__, then `warmup_lr_init + t * s`.
        let slope = (target - lr_init) / warmup_t;
        Phase::Warmup(lr_init + t * slope)
    } else if prefix {
        Phase::Decay(t - warmup_t)
    } else {
        Phase::Decay(t)
    }
}

/// The restart cycle `t` is in: its index i, its length t_i and the time into it.
pub(crate) fn cycle(t: f64, t_initial: f64, cycle_mul: f64) -> (f64, f64, f64) {
    let (cm, ti) = (cycle_mul, t_initial);
    if cm != 1.0 {
        // math.log(x, base) = log(x)/log(base): the float glitch at t_initial=1, cycle_mul=3 stays.
        let i = floor_log_base(1.0 - t / ti * (1.0 - cm), cm);
        let t_i = cm.powf(i) * ti;
        (i, t_i, t - (1.0 - cm.powf(i)) / (1.0 - cm) * ti)
    } else {
        let i = floordiv(t, ti);
        (i, ti, t - ti * i)
    }
}

/// Steps (or epochs) a cycled schedule is written for: the prefix warm-up, then its cycles
/// (four at most when restarts go on).
pub(crate) fn cycled_length(
    t_initial: f64,
    cycle_mul: f64,
    cycle_limit: f64,
    warmup_t: f64,
    prefix: bool,
) -> f64 {
    let n = (cycle_limit as u32).clamp(1, SHOWN_CYCLES);
    prefix_of(warmup_t, prefix) + cycles(t_initial, cycle_mul, n)
}

/// The warm-up steps that come before the decay's clock starts.
pub(crate) fn prefix_of(warmup_t: f64, prefix: bool) -> f64 {
    if prefix {
        warmup_t
    } else {
        0.0
    }
}

/// timm's `assert`: `ok`, or an error on `field` saying what timm asserts.
pub(crate) fn require(ok: bool, field: &str, asserts: String) -> Result<(), ScheduleError> {
    if ok {
        Ok(())
    } else {
        Err(ScheduleError::new(field, asserts))
    }
}

/// What every cycled timm constructor asserts of its cycles (`assert t_initial > 0`,
/// `assert lr_min >= 0`), and what has no finite curve.
pub(crate) fn check_cycled(
    t_initial: f64,
    lr_min: f64,
    cycle_mul: f64,
    warmup_t: f64,
) -> Result<(), ScheduleError> {
    let t = t_initial;
    require(
        t > 0.0,
        "t_initial",
        format!("timm asserts t_initial > 0, got {t}"),
    )?;
    require(
        lr_min >= 0.0,
        "lr_min",
        format!("timm asserts lr_min >= 0, got {lr_min}"),
    )?;
    let m = cycle_mul;
    require(
        m > 0.0,
        "cycle_mul",
        format!("must be above 0 (math.log of it is taken), got {m}"),
    )?;
    check_warmup(warmup_t)
}

/// A negative warm-up has no curve timm means (its t never falls below it).
pub(crate) fn check_warmup(warmup_t: f64) -> Result<(), ScheduleError> {
    check_range("warmup_t", warmup_t, 0.0, f64::MAX)
}
