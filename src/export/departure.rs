//! Whether the explorer's schedule, whose code the Code panel writes, is the imported call: an
//! import the explorer can only come near (a bound it lacks, a warm-up placed otherwise, a
//! family drawn beside it) gives code that is not the pasted call, and the panel says so.

use super::code::off;
use crate::schedule::frameworks::Mode;
use crate::schedule::Schedule;

/// The call's steps compared at most, spread evenly over the run with its last.
const SAMPLES: usize = 1_000;

/// Where `s` departs most from the call `mode` stepped once every `every` optimizer steps, over
/// the run's `steps` (as far as a stepped call is drawn): that optimizer step and the difference
/// there as a fraction of `s`'s value (see [`off`]); `None` where they agree to the library's
/// rounding at every step compared, or the call cannot be evaluated. A call stepped per epoch
/// is compared at each epoch's first step, where training takes its value: its holding the rate
/// through the epoch is the import's to say, not a departure.
pub fn departure(s: &Schedule, mode: &Mode, every: f64, steps: f64) -> Option<(f64, f64)> {
    let own = mode.shown_end((steps / every).ceil());
    let last = (own.ceil() - 1.0).max(0.0);
    let n = SAMPLES.min(last as usize + 1);
    let counts: Vec<f64> = (0..n)
        .map(|i| (last * i as f64 / (n - 1).max(1) as f64).round())
        .collect();
    let called = mode.eval(&counts).ok()?;
    let framework = mode.framework();
    let peak = s.peak(steps);
    let (step, worst) = counts
        .iter()
        .zip(called)
        .map(|(&k, c)| {
            let t = (k * every).ceil();
            (t, off(c, s.lr(t), framework, peak))
        })
        .fold((0.0, 0.0), |best, d| if d.1 > best.1 { d } else { best });
    (worst > framework.tolerance()).then_some((step, worst))
}
