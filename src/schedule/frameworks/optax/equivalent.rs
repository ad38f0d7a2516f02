//! optax's nearest call for an Anneal schedule: one warm-up cosine, or sgdr's chain of them.

use super::modes::{Sgdr, WarmupCosineDecay};
use crate::schedule::frameworks::equivalent::{common_notes, warmup_notes};
use crate::schedule::frameworks::python::py_float;
use crate::schedule::frameworks::{Equivalent, Framework, Mode};
use crate::schedule::{Anneal, WarmupScope};

/// Cycles handed to optax's sgdr_schedule at most (it needs one dict per cycle).
const MAX_SGDR_CYCLES: u64 = 64;

/// optax's rendering of `a` over `horizon` steps.
pub(super) fn equivalent(a: &Anneal, horizon: f64) -> Equivalent {
    let w = &a.warmup;
    let mut notes = Vec::new();
    common_notes(a, &mut notes, false);
    warmup_notes(a, &mut notes, false, true);
    let cycle = |i: u64| {
        let warm = if w.scope == WarmupScope::EveryCycle || i == 0 {
            w.length
        } else {
            0.0
        };
        let (peak, floor) = a.bounds(i);
        WarmupCosineDecay {
            init_value: if warm > 0.0 { w.start } else { peak },
            peak_value: peak,
            warmup_steps: warm,
            decay_steps: warm + a.cycles().cosine_len(i),
            end_value: floor,
            exponent: a.exponent,
        }
    };
    if w.length > 0.0 {
        notes.push("decay_steps counts the warm-up: decay_steps = W + T_0".into());
    }
    let (call, mode) = if a.restarts {
        let n = a.restart_steps(horizon, MAX_SGDR_CYCLES as usize).len() as u64 + 1;
        let n = a.cycles_run().map_or(n, |limit| n.min(limit));
        let cycles: Vec<_> = (0..n).map(cycle).collect();
        (
            format!(
                "sgdr_schedule([{} warmup_cosine_decay_schedule dicts, one per cycle])",
                cycles.len()
            ),
            Mode::OptaxSgdr(Sgdr { cycles }),
        )
    } else {
        let c = cycle(0);
        (
            format!(
                "warmup_cosine_decay_schedule(init_value={}, peak_value={}, warmup_steps={}, decay_steps={}, end_value={})",
                py_float(c.init_value),
                py_float(c.peak_value),
                c.warmup_steps,
                c.decay_steps,
                py_float(c.end_value)
            ),
            Mode::OptaxWarmupCosine(c),
        )
    };
    Equivalent {
        framework: Framework::Optax,
        call,
        mode,
        notes,
        base: a.eta_max,
    }
}
