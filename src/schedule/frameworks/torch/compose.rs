//! PyTorch's call for a schedule of phases: each phase as one of its schedulers on the
//! optimizer's lr (the schedule's peak), joined by `SequentialLR` at the phase boundaries.

use crate::schedule::family::{CyclicMode, Interp, Ramp};
use crate::schedule::frameworks::compose::{
    at_base, peak, refuse, spans, tidy, whole, whole_from, Call, Composition,
};
use crate::schedule::frameworks::Arg;
use crate::schedule::{Family, Schedule};

/// PyTorch's rendering of `s` over `horizon` steps.
pub(super) fn compose(s: &Schedule, horizon: f64) -> Result<Composition, String> {
    let base = peak(s);
    if base <= 0.0 {
        return Err(
            "PyTorch's schedulers scale the optimizer's lr: the peak must be above 0".into(),
        );
    }
    let mut notes = Vec::new();
    // (start step, call) of every scheduler, a phase possibly giving several.
    let mut parts: Vec<(f64, Call)> = Vec::new();
    let n = s.phases.len();
    for (i, (phase, span)) in s.phases.iter().zip(spans(s, horizon)).enumerate() {
        let start = s.start(i);
        let at = Phase {
            i,
            base,
            span,
            last: i + 1 == n,
        };
        for (offset, call) in phase_calls(at, phase, &mut notes)? {
            parts.push((start + offset, call));
        }
    }
    let call = if parts.len() == 1 {
        parts.remove(0).1
    } else {
        let milestones = parts[1..]
            .iter()
            .map(|(t, _)| Arg::Int(whole(*t, "a SequentialLR milestone", &mut notes) as i64))
            .collect();
        Call::new("torch.SequentialLR")
            .chain(parts.into_iter().map(|(_, c)| c).collect())
            .arg("milestones", Arg::List(milestones))
    };
    Ok(Composition { call, base, notes })
}

/// A factor of the optimizer's lr, as LinearLR takes it (start above 0).
fn factor(lr: f64, base: f64) -> f64 {
    tidy(lr / base)
}

/// Where a phase sits in the schedule: its index, the optimizer's lr, its steps up to the
/// horizon, and whether it is the last (nothing after it switches its schedulers off).
#[derive(Clone, Copy)]
struct Phase {
    i: usize,
    base: f64,
    span: f64,
    last: bool,
}

/// `lr` held for `steps`. ConstantLR gives the optimizer's lr back at `total_iters`, where a
/// next phase has taken over; in the last phase nothing would, so there a LinearLR from the
/// factor to itself holds it for good (its every step multiplies by exactly 1).
fn held(p: Phase, lr: f64, steps: f64) -> Call {
    let f = factor(lr, p.base);
    if at_base(lr, p.base) {
        Call::new("torch.ConstantLR")
            .num("factor", 1.0)
            .int("total_iters", 0)
    } else if p.last {
        Call::new("torch.LinearLR")
            .num("start_factor", f)
            .num("end_factor", f)
            .int("total_iters", 1)
    } else {
        Call::new("torch.ConstantLR")
            .num("factor", f)
            .int("total_iters", steps.ceil() as u64)
    }
}

/// CosineAnnealingLR climbs back after T_max: from `at`, a scheduler holds its floor for
/// `steps` (none can hold 0: ConstantLR divides by its factor at `total_iters`).
fn hold(p: Phase, floor: f64, at: f64, steps: f64, notes: &mut Vec<String>) -> Option<(f64, Call)> {
    if floor <= 0.0 {
        notes.push(format!(
            "phase {}: CosineAnnealingLR climbs back after T_max, and a ConstantLR cannot hold a floor of 0",
            p.i + 1
        ));
        return None;
    }
    Some((at, held(p, floor, steps)))
}

/// One phase as schedulers starting at offsets into the phase (a WSD is three of them).
fn phase_calls(
    at: Phase,
    phase: &Family,
    notes: &mut Vec<String>,
) -> Result<Vec<(f64, Call)>, String> {
    let Phase { i, base, span, .. } = at;
    let from_base = |lr: f64, name: &str| {
        if at_base(lr, base) {
            Ok(())
        } else {
            Err(refuse(
                i,
                phase,
                format!(
                    "{name} starts at the optimizer's lr, the schedule's peak, not at {}",
                    crate::format::shown(lr)
                ),
            ))
        }
    };
    let linear = |start: f64, end: f64, steps: f64, notes: &mut Vec<String>| {
        let mut sf = factor(start, base);
        if sf <= 0.0 {
            sf = 1e-8;
            notes.push(format!(
                "phase {}: LinearLR needs start_factor > 0, so it starts at 1e-8·η_max",
                i + 1
            ));
        }
        Call::new("torch.LinearLR")
            .num("start_factor", sf)
            .num("end_factor", factor(end, base))
            .int(
                "total_iters",
                whole_from(steps, 1.0, "LinearLR's total_iters", notes),
            )
    };
    let calls = match phase {
        Family::Constant(c) => vec![(0.0, held(at, c.lr, span))],
        Family::Linear(l) => vec![(0.0, linear(l.start, l.end, l.steps, notes))],
        Family::Step(st) => {
            from_base(st.lr, "StepLR")?;
            vec![(
                0.0,
                Call::new("torch.StepLR")
                    .int(
                        "step_size",
                        whole_from(st.step_size, 1.0, "StepLR's step_size", notes),
                    )
                    .num("gamma", st.gamma),
            )]
        }
        Family::Multistep(m) => {
            from_base(m.lr, "MultiStepLR")?;
            let milestones = m
                .milestones
                .iter()
                .map(|&x| Arg::Int(whole(x, "a milestone", notes) as i64))
                .collect();
            vec![(
                0.0,
                Call::new("torch.MultiStepLR")
                    .arg("milestones", Arg::List(milestones))
                    .num("gamma", m.gamma),
            )]
        }
        Family::Exponential(e) => {
            from_base(e.lr, "ExponentialLR")?;
            let call = if e.staircase && e.every != 1.0 {
                Call::new("torch.StepLR")
                    .int(
                        "step_size",
                        whole_from(e.every, 1.0, "StepLR's step_size", notes),
                    )
                    .num("gamma", e.gamma)
            } else {
                if e.every != 1.0 {
                    notes.push(format!(
                        "phase {}: ExponentialLR multiplies by γ^(1/{}) every step",
                        i + 1,
                        crate::format::format_value(e.every)
                    ));
                }
                Call::new("torch.ExponentialLR").num("gamma", e.gamma.powf(1.0 / e.every))
            };
            vec![(0.0, call)]
        }
        Family::Polynomial(p) if p.end == 0.0 => {
            from_base(p.lr, "PolynomialLR")?;
            vec![(
                0.0,
                Call::new("torch.PolynomialLR")
                    .int(
                        "total_iters",
                        whole(p.steps, "PolynomialLR's total_iters", notes),
                    )
                    .num("power", p.power),
            )]
        }
        Family::Polynomial(_) => {
            return Err(refuse(i, phase, "PolynomialLR decays to 0 only"));
        }
        Family::Cosine(a) => {
            let unsupported =
                a.restarts || a.warmup.length > 0.0 || a.k_decay != 1.0 || a.exponent != 1.0;
            if unsupported {
                return Err(refuse(
                    i,
                    phase,
                    "inside a SequentialLR Anneal writes a plain CosineAnnealingLR only (no restarts, warm-up or k-decay)",
                ));
            }
            from_base(a.eta_max, "CosineAnnealingLR")?;
            let t_max = whole_from(a.t_0, 1.0, "T_max", notes);
            let mut calls = vec![(
                0.0,
                Call::new("torch.CosineAnnealingLR")
                    .int("T_max", t_max)
                    .num("eta_min", a.floor()),
            )];
            if span > t_max as f64 {
                let t = t_max as f64;
                calls.extend(hold(at, a.floor(), t, span - t, notes));
            }
            calls
        }
        Family::Cyclic(c) => vec![(
            0.0,
            Call::new("torch.CyclicLR")
                .num("base_lr", c.base_lr)
                .num("max_lr", c.max_lr)
                .num("step_size_up", c.step_size_up)
                .num("step_size_down", c.step_size_down)
                .text(
                    "mode",
                    match c.mode {
                        CyclicMode::Triangular => "triangular",
                        CyclicMode::Triangular2 => "triangular2",
                        CyclicMode::ExpRange => "exp_range",
                    },
                )
                .num("gamma", c.gamma),
        )],
        Family::OneCycle(o) => {
            notes.push(format!(
                "phase {}: OneCycleLR ends each part one step early (at pct_start·total_steps − 1 and total_steps − 1) and raises past total_steps",
                i + 1
            ));
            vec![(
                0.0,
                Call::new("torch.OneCycleLR")
                    .num("max_lr", o.max_lr)
                    .int(
                        "total_steps",
                        whole(o.total, "OneCycleLR's total_steps", notes),
                    )
                    .num("pct_start", o.pct_start)
                    .text(
                        "anneal_strategy",
                        if o.anneal == Interp::Cosine {
                            "cos"
                        } else {
                            "linear"
                        },
                    )
                    .num("div_factor", o.div_factor)
                    .num("final_div_factor", o.final_div_factor)
                    .arg("three_phase", Arg::Bool(o.three_phase)),
            )]
        }
        Family::Wsd(w) => {
            from_base(w.lr, "a warm-up-stable-decay")?;
            if w.warmup_shape != Ramp::Linear {
                // Not label().to_lowercase(): that links Unicode's case tables (+10 KiB gzip).
                let shape = if w.warmup_shape == Ramp::Cosine {
                    "cosine"
                } else {
                    "1 − √"
                };
                let why = format!(
                    "PyTorch's LinearLR warms up in a straight line, not along a {shape} curve"
                );
                return Err(refuse(i, phase, why));
            }
            if w.decay_shape == Ramp::OneMinusSqrt {
                return Err(refuse(
                    i,
                    phase,
                    "PyTorch's schedulers decay linearly or by a cosine, not by 1 − √",
                ));
            }
            let floor = w.lr * w.min_ratio;
            let decay = if w.decay_shape == Ramp::Cosine {
                Call::new("torch.CosineAnnealingLR")
                    .int("T_max", whole_from(w.decay, 1.0, "T_max", notes))
                    .num("eta_min", floor)
            } else {
                linear(w.lr, floor, w.decay, notes)
            };
            let mut calls = Vec::new();
            // Hugging Face's WSD warms up from the floor (`factor·(1 − r) + r`).
            if w.warmup > 0.0 {
                calls.push((0.0, linear(floor, w.lr, w.warmup, notes)));
            }
            if w.stable > 0.0 {
                calls.push((
                    w.warmup,
                    Call::new("torch.ConstantLR")
                        .num("factor", 1.0)
                        .int("total_iters", 0),
                ));
            }
            let end = w.warmup + w.stable + w.decay;
            calls.push((w.warmup + w.stable, decay));
            if w.decay_shape == Ramp::Cosine && span > end {
                calls.extend(hold(at, floor, end, span - end, notes));
            }
            calls
        }
        Family::Isqrt(_)
        | Family::Tanh(_)
        | Family::PiecewiseConstant(_)
        | Family::PiecewiseInterp(_) => {
            return Err(refuse(
                i,
                phase,
                format!(
                    "PyTorch has no {} scheduler",
                    phase.kind().label().to_ascii_lowercase()
                ),
            ))
        }
    };
    Ok(calls)
}
