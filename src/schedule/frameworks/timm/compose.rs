//! timm's call for a schedule of phases: timm has no way to chain schedulers, but each of them
//! takes a linear warm-up, so a warm-up phase and one step, multi-step, polynomial, linear or
//! tanh phase become one scheduler.

use crate::schedule::frameworks::compose::{at_base, peak, steps, Call, Composition};
use crate::schedule::frameworks::Arg;
use crate::schedule::{Family, Schedule};

const SHAPES: &str = "Its schedulers are an optional linear warm-up, then one step, multi-step, polynomial, linear, tanh or constant part";

/// timm's rendering of `s` over `horizon` steps.
pub(super) fn compose(s: &Schedule, horizon: f64) -> Result<Composition, String> {
    let base = peak(s);
    if base <= 0.0 {
        return Err("timm's schedulers scale the optimizer's lr: the peak must be above 0".into());
    }
    // A leading linear warm-up to the peak that ends where the next phase starts.
    let (warmup, rest) = match (s.phases.as_slice(), s.boundaries.first()) {
        ([Family::Linear(l), rest @ ..], Some(&at)) if at_base(l.end, base) && l.steps == at => {
            (Some((l.start, at)), rest)
        }
        (phases, _) => (None, phases),
    };
    let span = horizon - warmup.map_or(0.0, |w| w.1);
    let [phase] = rest else {
        return Err(SHAPES.into());
    };
    let mut notes = Vec::new();
    let call = scheduler(phase, base, span, &mut notes).ok_or_else(|| SHAPES.to_string())?;
    let call = match warmup {
        Some((init, t)) => call
            .arg("warmup_t", steps(t))
            .num("warmup_lr_init", init)
            .arg("warmup_prefix", Arg::Bool(true)),
        None => call,
    };
    // Lengths are in optimizer steps: the snippet calls step_update once per step.
    let call = call.arg("t_in_epochs", Arg::Bool(false));
    Ok(Composition { call, base, notes })
}

/// One phase from the optimizer's lr `base` as a timm scheduler.
fn scheduler(phase: &Family, base: f64, span: f64, notes: &mut Vec<String>) -> Option<Call> {
    let b = |lr: f64| at_base(lr, base);
    let cycled = |family, n: f64, lr_min: f64| {
        Call::new(family)
            .arg("t_initial", steps(n))
            .num("lr_min", lr_min)
    };
    Some(match phase {
        Family::Step(st) if b(st.lr) => Call::new("timm.StepLRScheduler")
            .arg("decay_t", steps(st.step_size))
            .num("decay_rate", st.gamma),
        Family::Exponential(e) if b(e.lr) && e.staircase => Call::new("timm.StepLRScheduler")
            .arg("decay_t", steps(e.every))
            .num("decay_rate", e.gamma),
        Family::Constant(c) if b(c.lr) => Call::new("timm.StepLRScheduler")
            .arg("decay_t", steps(span.ceil().max(1.0)))
            .num("decay_rate", 1.0),
        Family::Multistep(m) if b(m.lr) => {
            // timm/scheduler/multistep_lr.py: "milestone m applies at t == m - 1".
            notes.push("MultiStepLRScheduler decays one step before each decay_t: each is written one step later".into());
            Call::new("timm.MultiStepLRScheduler")
                .arg(
                    "decay_t",
                    Arg::List(m.milestones.iter().map(|&x| steps(x + 1.0)).collect()),
                )
                .num("decay_rate", m.gamma)
        }
        Family::Polynomial(p) if b(p.lr) => {
            cycled("timm.PolyLRScheduler", p.steps, p.end).num("power", p.power)
        }
        Family::Linear(l) if b(l.start) => {
            cycled("timm.PolyLRScheduler", l.steps, l.end).num("power", 1.0)
        }
        Family::Tanh(t) if b(t.lr) => cycled("timm.TanhLRScheduler", t.steps, t.lr_min)
            .num("lb", t.lb)
            .num("ub", t.ub),
        _ => return None,
    })
}
