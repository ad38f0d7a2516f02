//! Keras's nearest call for an Anneal schedule, in Keras's default float32.

use super::modes::{CosineDecay, CosineDecayRestarts, Precision};
use crate::schedule::frameworks::equivalent::{common_notes, warmup_notes};
use crate::schedule::frameworks::python::py_float;
use crate::schedule::frameworks::{Equivalent, Framework, Mode};
use crate::schedule::Anneal;

/// Keras's rendering of `a` (its curve does not depend on the horizon).
pub(super) fn equivalent(a: &Anneal, _horizon: f64) -> Equivalent {
    let w = &a.warmup;
    let base = a.eta_max;
    let alpha = if base > 0.0 { a.floor() / base } else { 0.0 };
    let mut notes = vec!["computed in float32, Keras's default".to_string()];
    common_notes(a, &mut notes, false);
    let (call, mode) = if a.restarts {
        if w.length > 0.0 {
            notes.push("no warm-up in CosineDecayRestarts".into());
        }
        if a.decay < 1.0 {
            notes.push("m_mul scales only the cosine part; the alpha floor never decays (timm's cycle_decay scales the peak)".into());
        }
        (
            format!(
                "CosineDecayRestarts({}, first_decay_steps={}, t_mul={}, m_mul={}, alpha={})",
                py_float(base),
                a.t_0,
                py_float(a.t_mult),
                py_float(a.decay),
                py_float(alpha)
            ),
            Mode::KerasRestarts(CosineDecayRestarts {
                initial_learning_rate: base,
                first_decay_steps: a.t_0,
                t_mul: a.t_mult,
                m_mul: a.decay,
                alpha,
                precision: Precision::Float32,
            }),
        )
    } else {
        warmup_notes(a, &mut notes, false, false);
        let warm = w.length > 0.0;
        (
            if warm {
                format!(
                    "CosineDecay({}, decay_steps={}, alpha={}, warmup_target={}, warmup_steps={})",
                    py_float(w.start),
                    a.t_0,
                    py_float(alpha),
                    py_float(base),
                    w.length
                )
            } else {
                format!(
                    "CosineDecay({}, decay_steps={}, alpha={})",
                    py_float(base),
                    a.t_0,
                    py_float(alpha)
                )
            },
            Mode::KerasCosine(CosineDecay {
                initial_learning_rate: if warm { w.start } else { base },
                decay_steps: a.t_0,
                alpha,
                warmup_target: warm.then_some(base),
                warmup_steps: w.length,
                precision: Precision::Float32,
            }),
        )
    };
    Equivalent {
        framework: Framework::Keras,
        call,
        mode,
        notes,
        base: a.eta_max,
    }
}
