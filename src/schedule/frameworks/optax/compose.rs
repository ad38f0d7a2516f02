//! optax's call for a schedule of phases: each phase as one optax schedule, joined by
//! `join_schedules` at the phase boundaries (each sees its own count from 0, as Anneal's do).

use crate::schedule::family::{Interp, Ramp};
use crate::schedule::frameworks::compose::{peak, refuse, steps, Call, Composition};
use crate::schedule::frameworks::Arg;
use crate::schedule::{Family, Schedule, WarmupShape};

/// optax's rendering of `s`.
pub(super) fn compose(s: &Schedule, _horizon: f64) -> Result<Composition, String> {
    let mut parts: Vec<(f64, Call)> = Vec::new();
    for (i, phase) in s.phases.iter().enumerate() {
        let start = s.start(i);
        for (offset, call) in phase_calls(i, phase)? {
            parts.push((start + offset, call));
        }
    }
    let call = if parts.len() == 1 {
        parts.remove(0).1
    } else {
        let boundaries = parts[1..].iter().map(|(t, _)| steps(*t)).collect();
        Call::new("optax.join_schedules")
            .chain(parts.into_iter().map(|(_, c)| c).collect())
            .arg("boundaries", Arg::List(boundaries))
    };
    Ok(Composition {
        call,
        base: peak(s),
        notes: Vec::new(),
    })
}

/// `{step: scale}` taking `values[0]` to each next value at each step.
fn scales(knots: &[f64], values: &[f64]) -> Option<Arg> {
    let mut pairs = Vec::new();
    for (w, &k) in values.windows(2).zip(knots) {
        if w[0] == 0.0 {
            return None;
        }
        pairs.push((format_step(k), Arg::Num(w[1] / w[0])));
    }
    Some(Arg::Dict(pairs))
}

fn format_step(k: f64) -> String {
    match steps(k) {
        Arg::Int(i) => i.to_string(),
        _ => format!("{k:?}"),
    }
}

fn linear(start: f64, end: f64, n: f64) -> Call {
    Call::new("optax.linear_schedule")
        .num("init_value", start)
        .num("end_value", end)
        .arg("transition_steps", steps(n))
}

/// One phase as optax schedules starting at offsets into the phase.
fn phase_calls(i: usize, phase: &Family) -> Result<Vec<(f64, Call)>, String> {
    let none = |what: &str| Err(refuse(i, phase, format!("optax has no {what} schedule")));
    let call = match phase {
        Family::Constant(c) => Call::new("optax.constant_schedule").num("value", c.lr),
        Family::Linear(l) => linear(l.start, l.end, l.steps),
        Family::Step(st) => Call::new("optax.exponential_decay")
            .num("init_value", st.lr)
            .arg("transition_steps", steps(st.step_size))
            .num("decay_rate", st.gamma)
            .arg("staircase", Arg::Bool(true)),
        Family::Exponential(e) => Call::new("optax.exponential_decay")
            .num("init_value", e.lr)
            .arg("transition_steps", steps(e.every))
            .num("decay_rate", e.gamma)
            .arg("staircase", Arg::Bool(e.staircase)),
        Family::Multistep(m) => {
            let table = Arg::Dict(
                m.milestones
                    .iter()
                    .map(|&b| (format_step(b), Arg::Num(m.gamma)))
                    .collect(),
            );
            Call::new("optax.piecewise_constant_schedule")
                .num("init_value", m.lr)
                .arg("boundaries_and_scales", table)
        }
        Family::Polynomial(p) => Call::new("optax.polynomial_schedule")
            .num("init_value", p.lr)
            .num("end_value", p.end)
            .num("power", p.power)
            .arg("transition_steps", steps(p.steps)),
        Family::PiecewiseConstant(pc) => {
            let Some(table) = scales(&pc.boundaries, &pc.values) else {
                return Err(refuse(
                    i,
                    phase,
                    "optax scales each rate from the one before, so a rate of 0 cannot be followed",
                ));
            };
            Call::new("optax.piecewise_constant_schedule")
                .num("init_value", pc.values[0])
                .arg("boundaries_and_scales", table)
        }
        Family::PiecewiseInterp(pi) => {
            // optax interpolates from step 0: a first knot at 0 is its init value, a later
            // one is reached flat (scale 1).
            let (knots, values) = if pi.knots.first() == Some(&0.0) {
                (&pi.knots[1..], pi.values.clone())
            } else {
                let mut values = pi.values.clone();
                values.insert(0, pi.values[0]);
                (&pi.knots[..], values)
            };
            let Some(table) = scales(knots, &values) else {
                return Err(refuse(
                    i,
                    phase,
                    "optax scales each rate from the one before, so a rate of 0 cannot be followed",
                ));
            };
            Call::new("optax.piecewise_interpolate_schedule")
                .text("interpolate_type", pi.interp.name())
                .num("init_value", values[0])
                .arg("boundaries_and_scales", table)
        }
        Family::OneCycle(o) if o.anneal == Interp::Cosine && !o.three_phase => {
            Call::new("optax.cosine_onecycle_schedule")
                .arg("transition_steps", steps(o.total))
                .num("peak_value", o.max_lr)
                .num("pct_start", o.pct_start)
                .num("div_factor", o.div_factor)
                .num("final_div_factor", o.final_div_factor)
        }
        Family::OneCycle(o) if o.anneal == Interp::Linear && o.three_phase => {
            Call::new("optax.linear_onecycle_schedule")
                .arg("transition_steps", steps(o.total))
                .num("peak_value", o.max_lr)
                .num("pct_start", o.pct_start)
                .num("pct_final", 2.0 * o.pct_start)
                .num("div_factor", o.div_factor)
                .num("final_div_factor", o.final_div_factor)
        }
        Family::OneCycle(_) => {
            return none("one-cycle of this shape (cosine two-phase or linear three-phase only)")
        }
        Family::Cosine(a) => {
            let w = &a.warmup;
            let plain_warmup = w.length == 0.0
                || (w.shape == WarmupShape::Linear
                    && w.placement == crate::schedule::WarmupPlacement::Prefix);
            if a.restarts || a.k_decay != 1.0 || !plain_warmup {
                return Err(refuse(
                    i,
                    phase,
                    "inside join_schedules Anneal writes one warmup_cosine_decay_schedule (no restarts, k-decay or other warm-up shapes)",
                ));
            }
            let init = if w.length > 0.0 { w.start } else { a.eta_max };
            Call::new("optax.warmup_cosine_decay_schedule")
                .num("init_value", init)
                .num("peak_value", a.eta_max)
                .arg("warmup_steps", steps(w.length))
                .arg("decay_steps", steps(w.length + a.t_0))
                .num("end_value", a.floor())
                .num("exponent", a.exponent)
        }
        Family::Wsd(w) => {
            if w.warmup_shape != Ramp::Linear {
                // Not label().to_lowercase(): that links Unicode's case tables (+10 KiB gzip).
                let shape = if w.warmup_shape == Ramp::Cosine {
                    "cosine"
                } else {
                    "1 − √"
                };
                return none(&format!("{shape} warm-up"));
            }
            if w.decay_shape == Ramp::OneMinusSqrt {
                return none("1 − √ decay");
            }
            let floor = w.lr * w.min_ratio;
            let decay = if w.decay_shape == Ramp::Cosine {
                Call::new("optax.cosine_decay_schedule")
                    .num("init_value", w.lr)
                    .arg("decay_steps", steps(w.decay))
                    .num("alpha", w.min_ratio)
            } else {
                linear(w.lr, floor, w.decay)
            };
            let mut calls = Vec::new();
            // Hugging Face's WSD warms up from the floor (`factor·(1 − r) + r`).
            if w.warmup > 0.0 {
                calls.push((0.0, linear(floor, w.lr, w.warmup)));
            }
            if w.stable > 0.0 {
                calls.push((
                    w.warmup,
                    Call::new("optax.constant_schedule").num("value", w.lr),
                ));
            }
            calls.push((w.warmup + w.stable, decay));
            return Ok(calls);
        }
        Family::Isqrt(_) => return none("inverse square root"),
        Family::Tanh(_) => return none("tanh"),
        Family::Cyclic(_) => return none("cyclic (triangular) learning-rate"),
    };
    Ok(vec![(0.0, call)])
}
