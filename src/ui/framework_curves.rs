//! The compare overlays' framework curves, computed a slice at a time: what fits in a few
//! milliseconds is done at once, the rest in later animation frames with progress shown, so a
//! long horizon (a PyTorch scheduler stepped to step 10⁶) never freezes the page.

use leptos::prelude::*;

use super::frame_job::{FrameJob, Slice};
use crate::export::{whole_steps, Equivalent};
use crate::schedule::frameworks::compose::composed;
use crate::schedule::frameworks::{Framework, Mode, Progress};
use crate::schedule::ScheduleCache;
use crate::share::{format_value, Resolved};

/// Integer steps sampled per framework curve at most; longer horizons are strided.
const MAX_FRAMEWORK_SAMPLES: f64 = 20_000.0;

/// A framework's curve and how far it strays from the current schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkCurve {
    /// The framework.
    pub framework: Framework,
    /// The call it stands for.
    pub call: String,
    /// The exact mode that computes it; `None` when the library has no call for the schedule.
    pub mode: Option<Mode>,
    /// Where it differs, in words.
    pub notes: Vec<String>,
    /// (step, η) samples, or why there are none.
    pub samples: Result<Vec<(f64, f64)>, String>,
    /// (step, momentum) where the scheduler cycles the optimizer's momentum; empty otherwise.
    pub momentum: Vec<(f64, f64)>,
    /// Largest |Δη| against the current schedule within the training run (not the part of the
    /// chart after it) and the step where it happens.
    pub max_diff: Option<(f64, f64)>,
    /// The current schedule's η_max when these were computed, for the difference's share.
    pub peak: f64,
}

/// The row of a library with no call for the schedule: why, in place of a curve.
fn refused(framework: Framework, why: String) -> FrameworkCurve {
    FrameworkCurve {
        framework,
        call: "no built-in call".into(),
        mode: None,
        notes: vec![why],
        samples: Err("no curve".into()),
        momentum: Vec::new(),
        max_diff: None,
        peak: 0.0,
    }
}

/// One framework's curve being computed.
struct Pending {
    equivalent: Equivalent,
    notes: Vec<String>,
    steps: Vec<f64>,
    progress: Progress,
}

fn start(e: Equivalent, r: &Resolved) -> Pending {
    let mut notes = e.notes.clone();
    let end = e.mode.shown_end(r.horizon_steps);
    if end < r.horizon_steps {
        notes.push(format!(
            "stepped one step at a time: drawn up to step {}",
            format_value(end)
        ));
    }
    let steps = whole_steps(end, MAX_FRAMEWORK_SAMPLES);
    let progress = Progress::new(&e.mode, steps.clone());
    Pending {
        equivalent: e,
        notes,
        steps,
        progress,
    }
}

fn finish(p: Pending, r: &Resolved) -> FrameworkCurve {
    let samples = p
        .progress
        .finish()
        .map_err(|err| err.to_string())
        .map(|values| {
            p.steps
                .iter()
                .copied()
                .zip(values)
                .filter(|s| s.1.is_finite())
                .collect::<Vec<_>>()
        });
    // In step order, so the phase and cycle cache keeps this at one cos per sample.
    let mut cache = ScheduleCache::default();
    let max_diff = samples.as_ref().ok().and_then(|pts| {
        pts.iter()
            .take_while(|&&(t, _)| t <= r.run_steps)
            .map(|&(t, v)| ((v - r.phases.lr_cached(t, &mut cache)).abs(), t))
            .fold(None, |m: Option<(f64, f64)>, d| match m {
                Some(best) if best.0 >= d.0 => Some(best),
                _ => Some(d),
            })
    });
    let momentum = p.equivalent.mode.momentum_curve(&p.steps);
    FrameworkCurve {
        framework: p.equivalent.framework,
        call: p.equivalent.call,
        mode: Some(p.equivalent.mode),
        notes: p.notes,
        samples,
        momentum,
        max_diff,
        peak: r.phases.peak(r.run_steps),
    }
}

/// The five curves for one resolved schedule, advanced a bounded piece at a time; a library
/// with no call for it is its reason.
struct Job {
    resolved: Resolved,
    pending: Vec<Result<Pending, Box<FrameworkCurve>>>,
}

impl Job {
    /// Advances the first unfinished curve a little; whether every curve is computed.
    fn step(&mut self) -> bool {
        self.pending
            .iter_mut()
            .flatten()
            .all(|p| p.progress.advance(2_000))
    }

    fn fraction(&self) -> f64 {
        let n = self.pending.len().max(1) as f64;
        self.pending
            .iter()
            .map(|p| p.as_ref().map_or(1.0, |p| p.progress.fraction()))
            .sum::<f64>()
            / n
    }

    fn finish(self) -> Vec<FrameworkCurve> {
        let r = self.resolved;
        self.pending
            .into_iter()
            .map(|p| p.map_or_else(|done| *done, |p| finish(p, &r)))
            .collect()
    }
}

/// The framework curves of `resolved` while `compare` is on (empty when off), and the share
/// computed while an update is under way. Until an update finishes, the previous curves stay.
pub fn framework_curves(
    compare: Signal<bool>,
    resolved: Memo<Resolved>,
) -> (ReadSignal<Vec<FrameworkCurve>>, ReadSignal<Option<f64>>) {
    let (curves, set_curves) = signal(Vec::new());
    let (updating, set_updating) = signal(None::<f64>);
    let job = FrameJob::for_inputs(Job::step, Job::fraction, move |slice| match slice {
        Slice::Working(fraction) => set_updating.set(Some(fraction)),
        Slice::Done(done) => {
            set_curves.set(Job::finish(done));
            set_updating.set(None);
        }
    });
    Effect::new(move |_| {
        let on = compare.get();
        let r = resolved.get();
        if !on {
            job.cancel();
            set_curves.set(Vec::new());
            set_updating.set(None);
            return;
        }
        let pending = Framework::ALL
            .into_iter()
            .map(|f| match composed(f, &r.phases, r.horizon_steps) {
                Ok(e) => Ok(start(e, &r)),
                Err(why) => Err(Box::new(refused(f, why))),
            })
            .collect();
        job.start(
            Job {
                resolved: r,
                pending,
            },
            true,
        );
    });
    (curves, updating)
}
