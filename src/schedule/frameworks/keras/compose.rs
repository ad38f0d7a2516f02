//! Keras's call for a schedule of phases: Keras has no way to join schedules, so a schedule of
//! one exponential, step, linear, polynomial, piecewise-constant or multi-step phase becomes
//! its own schedule (a cosine, with or without a warm-up, is the cosine family's).

use crate::schedule::frameworks::compose::{peak, refuse, steps, Call, Composition};
use crate::schedule::frameworks::Arg;
use crate::schedule::{Family, Schedule};

/// Keras's rendering of `s`.
pub(super) fn compose(s: &Schedule, _horizon: f64) -> Result<Composition, String> {
    let [phase] = s.phases.as_slice() else {
        return Err("Keras has no way to join schedules: it takes a schedule of one phase".into());
    };
    let mut notes = vec!["computed in float32, Keras's default".to_string()];
    let decay = |lr: f64, every: f64, rate: f64, staircase: bool| {
        Call::new("keras.ExponentialDecay")
            .num("initial_learning_rate", lr)
            .arg("decay_steps", steps(every))
            .num("decay_rate", rate)
            .arg("staircase", Arg::Bool(staircase))
    };
    let poly = |lr: f64, n: f64, end: f64, power: f64| {
        Call::new("keras.PolynomialDecay")
            .num("initial_learning_rate", lr)
            .arg("decay_steps", steps(n))
            .num("end_learning_rate", end)
            .num("power", power)
    };
    // Keras keeps a value through its boundary step; Anneal switches at it.
    let mut piecewise = |boundaries: &[f64], values: Vec<f64>| {
        notes.push("PiecewiseConstantDecay switches after each boundary step: boundaries are written one step earlier".into());
        Call::new("keras.PiecewiseConstantDecay")
            .arg(
                "boundaries",
                Arg::List(boundaries.iter().map(|&b| steps(b.ceil() - 1.0)).collect()),
            )
            .arg(
                "values",
                Arg::List(values.into_iter().map(Arg::Num).collect()),
            )
    };
    let call = match phase {
        Family::Constant(c) => decay(c.lr, 1.0, 1.0, false),
        Family::Exponential(e) => decay(e.lr, e.every, e.gamma, e.staircase),
        Family::Step(st) => decay(st.lr, st.step_size, st.gamma, true),
        Family::Linear(l) => poly(l.start, l.steps, l.end, 1.0),
        Family::Polynomial(p) => poly(p.lr, p.steps, p.end, p.power),
        Family::PiecewiseConstant(pc) => piecewise(&pc.boundaries, pc.values.clone()),
        Family::Multistep(m) => {
            let values = (0..=m.milestones.len())
                .map(|k| m.lr * m.gamma.powi(k as i32))
                .collect();
            piecewise(&m.milestones, values)
        }
        other => {
            return Err(refuse(
                0,
                other,
                format!(
                    "Keras has no {} schedule",
                    other.kind().label().to_ascii_lowercase()
                ),
            ))
        }
    };
    Ok(Composition {
        call,
        base: peak(s),
        notes,
    })
}
