//! Whether the explorer's schedule, whose code the Code panel writes, is the imported call: an
//! import the explorer can only come near (a bound it lacks, a warm-up placed otherwise, a
//! family drawn beside it) gives code that is not the pasted call, and the panel says so.

use crate::schedule::frameworks::Mode;
use crate::schedule::{scheduler_step, Schedule};

/// Steps compared at most, spread evenly over the run with its last step.
const SAMPLES: usize = 1_000;

/// Relative differences up to this are rounding (a Keras call computes in float32).
const SAME: f64 = 1e-6;

/// Where `s` departs most from the call `mode` stepped once every `every` optimizer steps, over
/// the run's `steps`: that step and the relative difference there; `None` where they agree
/// within float32 rounding at every step compared (or the call cannot be evaluated).
pub fn departure(s: &Schedule, mode: &Mode, every: f64, steps: f64) -> Option<(f64, f64)> {
    let last = (steps.ceil() - 1.0).max(0.0);
    let n = SAMPLES.min(last as usize + 1);
    let at: Vec<f64> = (0..n)
        .map(|i| (last * i as f64 / (n - 1).max(1) as f64).round())
        .collect();
    let counts: Vec<f64> = at.iter().map(|&t| scheduler_step(t, every)).collect();
    let called = mode.eval(&counts).ok()?;
    let (step, worst) = at
        .iter()
        .zip(called)
        .map(|(&t, c)| {
            let a = s.lr(t);
            let scale = a.abs().max(c.abs());
            (
                t,
                if scale > 0.0 {
                    (a - c).abs() / scale
                } else {
                    0.0
                },
            )
        })
        .fold((0.0, 0.0), |best, d| if d.1 > best.1 { d } else { best });
    (worst > SAME).then_some((step, worst))
}
