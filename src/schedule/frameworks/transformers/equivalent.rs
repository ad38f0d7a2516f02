//! Hugging Face's nearest call for an Anneal schedule: hard restarts, or a cosine with a floor.

use super::modes::{Cosine, CosineSchedule};
use crate::schedule::frameworks::equivalent::{common_notes, warmup_notes};
use crate::schedule::frameworks::python::py_float;
use crate::schedule::frameworks::{Equivalent, Framework, Mode};
use crate::schedule::Anneal;

/// Hugging Face's rendering of `a` over `horizon` steps.
pub(super) fn equivalent(a: &Anneal, horizon: f64) -> Equivalent {
    let base = a.eta_max;
    let w = a.warmup.length.round();
    let mut notes = Vec::new();
    common_notes(a, &mut notes, false);
    warmup_notes(a, &mut notes, false, false);
    if w > 0.0 && a.warmup.start > 0.0 {
        notes.push("warm-up starts at 0, not at the start value".into());
    }
    let (call, kind, n, cycles) = if a.restarts {
        // Equal cycles after the warm-up: a cycle limit is num_cycles; without one, as many as
        // cover the horizon after the warm-up (past num_training_steps Hugging Face holds 0).
        let cycles = a
            .cycle_limit
            .map_or_else(|| ((horizon - w) / a.t_0).ceil().max(1.0), f64::from);
        let n = w + a.t_0 * cycles;
        let ignored: Vec<&str> = [
            (a.t_mult != 1.0, "equal cycles only (T_mult ignored)"),
            (a.floor() != 0.0, "floor 0 (η_min ignored)"),
            (a.decay != 1.0, "no peak decay"),
        ]
        .into_iter()
        .filter_map(|(differs, note)| differs.then_some(note))
        .collect();
        if !ignored.is_empty() {
            notes.push(ignored.join(", "));
        }
        (
            format!("get_cosine_with_hard_restarts_schedule_with_warmup(opt, num_warmup_steps={w}, num_training_steps={n}, num_cycles={cycles})"),
            Cosine::HardRestarts,
            n,
            cycles,
        )
    } else {
        let n = w + a.t_0;
        // Written as a person writes it (0.01 / 0.1 is 0.1, not 0.09999999999999999), and the
        // mode computes with the number written, as the library will.
        let rate = if base > 0.0 { a.floor() / base } else { 0.0 };
        let rate: f64 = py_float(rate).parse().unwrap_or(rate);
        if horizon > n {
            notes.push("no clamp past num_training_steps: the cosine rises again".into());
        }
        // A floor of 0 is the call practitioners write (the same lambda at min_lr_rate = 0).
        let (call, kind) = if rate == 0.0 {
            (
                format!("get_cosine_schedule_with_warmup(opt, num_warmup_steps={w}, num_training_steps={n})"),
                Cosine::WithWarmup,
            )
        } else {
            (
                format!("get_cosine_with_min_lr_schedule_with_warmup(opt, num_warmup_steps={w}, num_training_steps={n}, min_lr_rate={})", py_float(rate)),
                Cosine::MinLr { min_lr_rate: rate },
            )
        };
        (call, kind, n, 0.5)
    };
    let mode = Mode::HfCosine(CosineSchedule {
        base,
        kind,
        num_warmup_steps: w,
        num_training_steps: n,
        num_cycles: cycles,
    });
    Equivalent {
        framework: Framework::Transformers,
        call,
        mode,
        notes,
        base: a.eta_max,
    }
}
