//! timm's nearest call for an Anneal schedule: `CosineLRScheduler` has nearly every knob.

use super::modes::CosineLr;
use crate::format::shown;
use crate::schedule::frameworks::compose::{steps, value};
use crate::schedule::frameworks::equivalent::{common_notes, warmup_notes};
use crate::schedule::frameworks::python::py_float;
use crate::schedule::frameworks::{Equivalent, Framework, Mode};
use crate::schedule::{Anneal, WarmupPlacement};

/// timm's rendering of `a` (its curve does not depend on the horizon).
pub(super) fn equivalent(a: &Anneal, _horizon: f64) -> Equivalent {
    let w = &a.warmup;
    let mut notes = Vec::new();
    common_notes(a, &mut notes, true);
    warmup_notes(a, &mut notes, true, false);
    let (cycle_mul, cycle_limit) = if a.restarts {
        (a.t_mult, a.cycle_limit.map_or(1e9, f64::from))
    } else {
        (1.0, 1.0)
    };
    let prefix = w.placement == WarmupPlacement::Prefix;
    let m = CosineLr {
        base: a.eta_max,
        t_initial: a.t_0,
        lr_min: a.floor(),
        cycle_mul,
        cycle_decay: a.decay,
        cycle_limit,
        warmup_t: w.length,
        warmup_lr_init: w.start,
        warmup_prefix: prefix,
        k_decay: a.k_decay,
    };
    if w.length > 0.0 && !prefix {
        notes.push(format!(
            "overlapping warm-up hands off mid-curve: at step {} the cosine is already at {}, not η_max",
            w.length,
            shown(m.at(w.length))
        ));
    }
    let call = format!(
        "CosineLRScheduler(opt, t_initial={}, lr_min={}, cycle_mul={}, cycle_decay={}, cycle_limit={cycle_limit}, warmup_t={}, warmup_lr_init={}, warmup_prefix={}, k_decay={}, t_in_epochs=False)",
        value(&steps(a.t_0)), py_float(a.floor()), py_float(cycle_mul), py_float(a.decay), value(&steps(w.length)), py_float(w.start), if prefix { "True" } else { "False" }, py_float(a.k_decay)
    );
    Equivalent {
        framework: Framework::Timm,
        call,
        mode: Mode::Timm(m),
        notes,
        base: a.eta_max,
    }
}
