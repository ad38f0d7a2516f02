//! PyTorch's nearest call for an Anneal schedule: a cosine or warm restarts, after a linear
//! warm-up chained by SequentialLR when there is one.

use super::modes::{CosineAnnealing, Inner, Kind, Scheduler, Sequential, WarmRestarts};
use crate::schedule::frameworks::equivalent::{common_notes, warmup_notes};
use crate::schedule::frameworks::python::py_float;
use crate::schedule::frameworks::{Equivalent, Framework, Mode};
use crate::schedule::Anneal;

/// PyTorch's rendering of `a` over `horizon` steps.
pub(super) fn equivalent(a: &Anneal, horizon: f64) -> Equivalent {
    let base = a.eta_max;
    let (floor, t_0) = (a.floor(), a.t_0.round().max(1.0));
    let eta_min = py_float(floor);
    let mut notes = Vec::new();
    common_notes(a, &mut notes, false);
    warmup_notes(a, &mut notes, false, false);
    let w = a.warmup.length.round();
    let (call, mode) = if a.restarts {
        let m = a.t_mult.round().max(1.0);
        if m != a.t_mult {
            notes.push(format!("T_mult must be a whole number: {} → {m}", a.t_mult));
        }
        if a.decay < 1.0 {
            notes.push("no peak decay: every restart returns to η_max".into());
        }
        if a.cycle_limit.is_some() {
            notes.push("no cycle limit: restarts never stop".into());
        }
        notes.push(
            "never reaches η_min inside a cycle: the step at T_i is already the restart".into(),
        );
        let restarts = WarmRestarts {
            base,
            t_0: t_0 as u64,
            t_mult: m as u64,
            eta_min: floor,
        };
        let call =
            format!("CosineAnnealingWarmRestarts(opt, T_0={t_0}, T_mult={m}, eta_min={eta_min})");
        if w > 0.0 {
            warmed(a, w, &call, Inner::WarmRestarts(restarts), &mut notes)
        } else {
            (call, Mode::TorchWarmRestarts(restarts))
        }
    } else {
        let cosine = CosineAnnealing {
            base,
            t_max: t_0,
            eta_min: floor,
        };
        let call = format!("CosineAnnealingLR(opt, T_max={t_0}, eta_min={eta_min})");
        if w > 0.0 {
            warmed(a, w, &call, Inner::Cosine(cosine), &mut notes)
        } else {
            (call, Mode::TorchCosine(cosine))
        }
    };
    if !a.restarts && horizon > w + t_0 {
        notes.push("CosineAnnealingLR does not stop at T_max: it climbs back towards η_max".into());
    }
    Equivalent {
        framework: Framework::Torch,
        call,
        mode,
        notes,
        base: a.eta_max,
    }
}

/// `call` (its mode `inner`) after a LinearLR warm-up of `w` steps, chained by SequentialLR.
fn warmed(a: &Anneal, w: f64, call: &str, inner: Inner, notes: &mut Vec<String>) -> (String, Mode) {
    let base = a.eta_max;
    let start_factor = (a.warmup.start / base).clamp(1e-8, 1.0);
    if a.warmup.start <= 0.0 {
        notes.push("LinearLR needs start_factor > 0: warm-up starts at 1e-8·η_max".into());
    }
    notes.push(format!(
        "the warm-up never shows η_max: the first η_max is the cosine's, at step {w}"
    ));
    (
        format!(
            "SequentialLR(opt, [LinearLR(opt, start_factor={}, total_iters={w}), {call}], milestones=[{w}])",
            py_float(start_factor)
        ),
        Mode::TorchSequential(Sequential {
            initial_lr: base,
            schedulers: vec![
                Inner::Chainable(Scheduler {
                    base,
                    kind: Kind::Linear {
                        start_factor,
                        end_factor: 1.0,
                        total_iters: w,
                    },
                }),
                inner,
            ],
            milestones: vec![w as u64],
        }),
    )
}
