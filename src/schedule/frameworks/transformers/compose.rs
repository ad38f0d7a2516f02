//! Hugging Face's call for a schedule of phases: transformers has no way to chain schedules,
//! so a schedule matches one of its functions — an optional linear warm-up from 0, then a
//! constant, linear, polynomial, inverse square root or warmup-stable-decay shape (hand-built
//! phases included: warm-up → constant → decay is `get_wsd_schedule`).

use crate::schedule::family::{Ramp, Wsd};
use crate::schedule::frameworks::compose::{at_base, peak, steps, Call, Composition};
use crate::schedule::{Family, Schedule};

const SHAPES: &str = "Its functions are an optional linear warm-up from 0, then one constant, linear-to-0, polynomial, inverse square root or warmup-stable-decay part (whose warm-up starts at min_lr_ratio)";

/// Hugging Face's rendering of `s`.
pub(super) fn compose(s: &Schedule, _horizon: f64) -> Result<Composition, String> {
    let base = peak(s);
    if base <= 0.0 {
        return Err(
            "Hugging Face's schedules scale the optimizer's lr: the peak must be above 0".into(),
        );
    }
    let call = function(s, base).ok_or_else(|| SHAPES.to_string())?;
    Ok(Composition {
        call,
        base,
        notes: Vec::new(),
    })
}

/// The function for `s`, if it has one.
fn function(s: &Schedule, base: f64) -> Option<Call> {
    let b = |lr: f64| at_base(lr, base);
    // A leading linear warm-up to the peak that ends where the next phase starts: from 0, or
    // from the floor for a WSD (`factor·(1 − r) + r`).
    let (warmup, from, rest) = match (s.phases.as_slice(), s.boundaries.first()) {
        ([Family::Linear(l), rest @ ..], Some(&at)) if b(l.end) && l.steps == at => {
            (at, l.start, rest)
        }
        (phases, _) => (0.0, 0.0, phases),
    };
    let from_floor = |w: &Wsd| (from - w.min_ratio * base).abs() <= 1e-12 * base;
    if from != 0.0 && !matches!(rest, [Family::Constant(_), _] | [_]) {
        return None;
    }
    let with_warmup = |c: Call| c.arg("num_warmup_steps", steps(warmup));
    let from_zero = from == 0.0;
    let call = match rest {
        [Family::Constant(c)] if b(c.lr) && from_zero => {
            if warmup > 0.0 {
                with_warmup(Call::new("transformers.get_constant_schedule_with_warmup"))
            } else {
                Call::new("transformers.get_constant_schedule")
            }
        }
        [Family::Linear(l)] if b(l.start) && l.end == 0.0 && from_zero => {
            with_warmup(Call::new("transformers.get_linear_schedule_with_warmup"))
                .arg("num_training_steps", steps(warmup + l.steps))
        }
        [Family::Polynomial(p)] if b(p.lr) && p.end < p.lr && from_zero => with_warmup(Call::new(
            "transformers.get_polynomial_decay_schedule_with_warmup",
        ))
        .arg("num_training_steps", steps(warmup + p.steps))
        .num("lr_end", p.end)
        .num("power", p.power),
        [Family::Isqrt(q)] if warmup == 0.0 && b(q.lr) => {
            Call::new("transformers.get_inverse_sqrt_schedule")
                .arg("num_warmup_steps", steps(q.warmup))
                .arg("timescale", steps(q.timescale))
        }
        [Family::Wsd(w)] if warmup == 0.0 && b(w.lr) => wsd(w.warmup, w.stable, w),
        [Family::Constant(c), decay] if b(c.lr) => {
            let stable = s.start(s.phases.len() - 1) - warmup;
            let part = decay_part(decay, base).filter(from_floor)?;
            wsd(warmup, stable, &part)
        }
        [decay] if warmup > 0.0 => wsd(warmup, 0.0, &decay_part(decay, base).filter(from_floor)?),
        _ => return None,
    };
    Some(call)
}

/// A decay phase from the peak as the decay part of a WSD (no warm-up, no stable part).
fn decay_part(phase: &Family, base: f64) -> Option<Wsd> {
    let part = |decay: f64, min_ratio: f64, decay_shape: Ramp| Wsd {
        lr: base,
        warmup: 0.0,
        stable: 0.0,
        decay,
        min_ratio,
        warmup_shape: Ramp::Linear,
        decay_shape,
    };
    match phase {
        Family::Linear(l) if at_base(l.start, base) => {
            Some(part(l.steps, l.end / base, Ramp::Linear))
        }
        Family::Cosine(a)
            if at_base(a.eta_max, base)
                && !a.restarts
                && a.warmup.length == 0.0
                && a.k_decay == 1.0
                && a.exponent == 1.0 =>
        {
            Some(part(a.t_0, a.floor() / base, Ramp::Cosine))
        }
        Family::Wsd(w) if at_base(w.lr, base) && w.warmup == 0.0 && w.stable == 0.0 => {
            Some(w.clone())
        }
        _ => None,
    }
}

/// `get_wsd_schedule` with these lengths and `w`'s shapes and floor.
fn wsd(warmup: f64, stable: f64, w: &Wsd) -> Call {
    Call::new("transformers.get_wsd_schedule")
        .arg("num_warmup_steps", steps(warmup))
        .arg("num_decay_steps", steps(w.decay))
        .arg("num_stable_steps", steps(stable))
        .text("warmup_type", w.warmup_shape.name())
        .text("decay_type", w.decay_shape.name())
        .num("min_lr_ratio", w.min_ratio)
}
