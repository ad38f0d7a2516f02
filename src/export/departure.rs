//! Whether the explorer's schedule, whose code the Code panel writes, is the imported call: an
//! import the explorer can only come near (a bound it lacks, a warm-up placed otherwise, a
//! family drawn beside it) gives code that is not the pasted call, and the panel says so.

use super::code::off;
use crate::schedule::frameworks::{Framework, Mode};
use crate::schedule::Schedule;

/// The call's steps compared at most, spread evenly over the run with its last.
const SAMPLES: usize = 1_000;

/// An imported call's rates over a run, each at the optimizer step training takes it: computed
/// once per call and run length, then compared with the explorer's curve as it changes.
#[derive(Clone, Debug, PartialEq)]
pub struct CallRates {
    framework: Framework,
    /// The run's optimizer steps.
    steps: f64,
    /// (optimizer step, the call's rate there).
    at: Vec<(f64, f64)>,
}

/// The rates of the call `mode`, stepped once every `every` optimizer steps, at up to
/// [`SAMPLES`] of its own steps over the run's `steps` (as far as a stepped call is drawn). A
/// call stepped per epoch is taken at each epoch's first step, where training takes its value:
/// its holding the rate through the epoch is the import's to say, not a departure. `None` when
/// the call cannot be evaluated.
pub fn call_rates(mode: &Mode, every: f64, steps: f64) -> Option<CallRates> {
    let own = mode.shown_end((steps / every).ceil());
    let last = (own.ceil() - 1.0).max(0.0);
    let n = SAMPLES.min(last as usize + 1);
    let counts: Vec<f64> = (0..n)
        .map(|i| (last * i as f64 / (n - 1).max(1) as f64).round())
        .collect();
    let rates = mode.eval(&counts).ok()?;
    Some(CallRates {
        framework: mode.framework(),
        steps,
        at: counts
            .iter()
            .map(|&k| (k * every).ceil())
            .zip(rates)
            .collect(),
    })
}

/// Where `s` departs most from `call`: that optimizer step and the difference there as a
/// fraction of `s`'s value (see [`off`]); `None` where they agree to the library's rounding at
/// every step compared.
pub fn departure(s: &Schedule, call: &CallRates) -> Option<(f64, f64)> {
    let peak = s.peak(call.steps);
    let (step, worst) = call
        .at
        .iter()
        .map(|&(t, c)| (t, off(c, s.lr(t), call.framework, peak)))
        .fold((0.0, 0.0), |best, d| if d.1 > best.1 { d } else { best });
    (worst > call.framework.tolerance()).then_some((step, worst))
}
