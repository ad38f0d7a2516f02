//! Warnings about a pasted call that runs but rarely does what its author meant, each with the
//! library's own reason: a one-cycle shorter than the run, SequentialLR milestones that cut a
//! scheduler short or leave it holding, hard restarts ending mid-cycle, lengths that count the
//! warm-up (timm's prefix, optax's decay_steps), Keras's relative floor.

use crate::format::format_value as f;
use crate::schedule::frameworks::torch::{Inner, Kind};
use crate::schedule::frameworks::transformers::{Cosine, Decay};
use crate::schedule::frameworks::Mode;
use crate::share::Unit;

/// What to check in `mode`, for a run of `planned` of its steps when the explorer has a horizon
/// set; its lengths count `unit`.
pub(super) fn lint(mode: &Mode, planned: Option<f64>, unit: Unit) -> Vec<String> {
    let mut out = Vec::new();
    match mode {
        Mode::TorchOneCycle(m) => {
            if let Some(n) = planned.filter(|&n| n > m.total_steps as f64) {
                out.push(format!(
                    "Check: OneCycleLR raises ValueError (\"Tried to step {} times. The specified number of total steps is {}\") at step {}, but the run is {} steps",
                    m.total_steps + 1,
                    m.total_steps,
                    m.total_steps + 1,
                    f(n)
                ));
            }
        }
        Mode::TorchSequential(m) => sequential(&m.schedulers, &m.milestones, &mut out),
        Mode::HfCosine(m) if m.kind == Cosine::HardRestarts && m.num_cycles.fract() != 0.0 => {
            let n = m.num_cycles;
            let end = mode.eval(&[m.num_training_steps - 1.0]).ok();
            out.push(format!(
                "Check: num_cycles = {} is not whole: transformers restarts at each whole cycle of (step − warm-up)/(training − warm-up) × num_cycles, so the run ends part-way through a cycle{}",
                f(n),
                end.and_then(|v| v.first().copied())
                    .map_or(String::new(), |v| format!(", at η = {}", f(v)))
            ));
        }
        Mode::Timm(m) if m.warmup_prefix && m.warmup_t > 0.0 => {
            let each = unit.name().trim_end_matches('s');
            out.push(format!(
                "Check: with warmup_prefix=True the cosine starts after the {}-{each} warm-up, so it reaches lr_min at {each} {}, not at t_initial = {}",
                f(m.warmup_t),
                f(m.warmup_t + m.t_initial),
                f(m.t_initial)
            ))
        }
        Mode::OptaxWarmupCosine(m) if m.warmup_steps > 0.0 => out.push(format!(
            "Check: optax's decay_steps = {} includes the {}-step warm-up: the cosine runs {} steps and ends at step {}",
            f(m.decay_steps),
            f(m.warmup_steps),
            f(m.decay_steps - m.warmup_steps),
            f(m.decay_steps)
        )),
        Mode::KerasCosine(m) if m.alpha > 0.0 => {
            let from = m.warmup_target.unwrap_or(m.initial_learning_rate);
            out.push(keras_alpha(m.alpha, from));
        }
        Mode::KerasRestarts(m) if m.alpha > 0.0 => {
            out.push(keras_alpha(m.alpha, m.initial_learning_rate));
        }
        Mode::HfCosine(m) if m.num_warmup_steps > m.num_training_steps => {
            out.push(warmup_past(m.num_warmup_steps, m.num_training_steps));
        }
        Mode::HfWarmupDecay(m) => match m.decay {
            Decay::Linear { num_training_steps }
            | Decay::Polynomial {
                num_training_steps, ..
            } if m.num_warmup_steps > num_training_steps => {
                out.push(warmup_past(m.num_warmup_steps, num_training_steps));
            }
            _ => {}
        },
        _ => {}
    }
    out
}

/// A transformers warm-up longer than the training it is part of.
fn warmup_past(warmup: f64, training: f64) -> String {
    format!(
        "Check: num_warmup_steps = {} is more than num_training_steps = {}: training ends still warming up, at {} % of the peak, and never decays",
        f(warmup),
        f(training),
        f(crate::format::round_significant(100.0 * training / warmup, 3))
    )
}

fn keras_alpha(alpha: f64, from: f64) -> String {
    format!(
        "Check: Keras's alpha is a fraction of the rate it decays from: alpha = {} puts the floor at {}, not at {}",
        f(alpha),
        f(alpha * from),
        f(alpha)
    )
}

/// Steps a scheduler is written to run before it settles, where it has such a length.
fn own_length(inner: &Inner) -> Option<(&'static str, f64)> {
    match inner {
        Inner::Chainable(s) => match s.kind {
            Kind::Linear { total_iters, .. } => Some(("LinearLR", total_iters)),
            Kind::Constant { total_iters, .. } => Some(("ConstantLR", total_iters)),
            Kind::Polynomial { total_iters, .. } => Some(("PolynomialLR", total_iters)),
            _ => None,
        },
        Inner::Cosine(c) => Some(("CosineAnnealingLR", c.t_max)),
        Inner::OneCycle(c) => Some(("OneCycleLR", c.total_steps as f64)),
        Inner::WarmRestarts(_) | Inner::Cyclic(_) => None,
    }
}

/// Each scheduler before a milestone against the steps it gets there.
fn sequential(schedulers: &[Inner], milestones: &[u64], out: &mut Vec<String>) {
    let mut start = 0;
    for (k, (inner, &m)) in schedulers.iter().zip(milestones).enumerate() {
        let given = m.saturating_sub(start) as f64;
        start = m;
        let Some((name, length)) = own_length(inner) else {
            continue;
        };
        let which = format!("scheduler {} ({name})", k + 1);
        if length < given {
            out.push(format!(
                "Check: {which} is written for {} steps but runs {} until the milestone at {m}: it holds its last rate for {} steps",
                f(length),
                f(given),
                f(given - length)
            ));
        } else if length > given {
            out.push(format!(
                "Check: {which} is written for {} steps but the milestone at {m} stops it after {}: the next scheduler takes over before it ends",
                f(length),
                f(given)
            ));
        }
    }
}
