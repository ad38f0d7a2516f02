//! The three schedules the lab races on one surface: constant, one cosine, and cosine with
//! restarts — or, when the explorer's schedule is a sequence of phases, that schedule itself.

use crate::schedule::{Anneal, CycleCache, Family, Schedule, ScheduleCache, WarmupPlacement};

/// One schedule as the lab runs it: a learning rate per step and where its cycles end.
#[derive(Clone, Debug, PartialEq)]
pub struct Contender {
    /// Legend text.
    pub label: &'static str,
    /// Learning rate for each step.
    pub lrs: Vec<f64>,
    /// The schedule's rate at the step after the last, where the runs end (the read-out's there).
    pub end: f64,
    /// Steps at which a cycle ends (the next one restarts); snapshots are taken there.
    pub cycle_ends: Vec<usize>,
}

/// Restarts counted for snapshots; later ones are too short to matter on a chart.
const MAX_CYCLES: usize = 64;

/// The rates at steps 0..steps, and at `steps`.
fn sampled(schedule: &Anneal, steps: usize) -> (Vec<f64>, f64) {
    let mut cache = CycleCache::default();
    let lrs = (0..steps)
        .map(|t| schedule.lr_cached(t as f64, &mut cache))
        .collect();
    (lrs, schedule.lr_cached(steps as f64, &mut cache))
}

/// The third run's legend when it follows a schedule of phases.
pub const YOUR_SCHEDULE: &str = "your schedule";

/// Whether `phases` is anything but the sliders' cosine `schedule`: the lab then runs it as it is.
pub fn is_composed(schedule: &Anneal, phases: &Schedule) -> bool {
    !matches!(phases.phases.as_slice(), [Family::Cosine(a)] if a == schedule)
}

/// The explorer's cosine scaled in time so its run of `run_steps` fills the lab's `steps`, when
/// its first restart would come after them (an epoch-long T_0 in a 1,500-step lab); `None`
/// when a restart fits as it is, or the run is no longer than the lab's.
pub fn fit_to_run(schedule: &Anneal, run_steps: f64, steps: usize) -> Option<Anneal> {
    let sgdr = Anneal {
        restarts: true,
        ..schedule.clone()
    };
    let fits = !sgdr.restart_steps(steps as f64 - 1.0, 1).is_empty();
    // Also when the run's length is not a number: nothing to scale by.
    let k = steps as f64 / run_steps;
    if fits || k.is_nan() || k >= 1.0 {
        return None;
    }
    let mut fitted = schedule.clone();
    fitted.t_0 = (schedule.t_0 * k).max(1.0);
    fitted.warmup.length = schedule.warmup.length * k;
    Some(fitted)
}

/// Constant at `constant`; the explorer's schedule as one cosine over all `steps`; and the
/// explorer's schedule with warm restarts (its own T_0, T_mult, decay and warm-up, fitted to
/// the lab's steps when its run of `run_steps` would not restart within them). When `phases`
/// is more than that cosine, the last two are one cosine from its peak to zero, and `phases`
/// step for step (snapshots at its phase boundaries).
pub fn contenders(
    schedule: &Anneal,
    phases: &Schedule,
    run_steps: f64,
    steps: usize,
    constant: f64,
) -> [Contender; 3] {
    if !is_composed(schedule, phases) {
        let fitted = fit_to_run(schedule, run_steps, steps);
        return cosine_contenders(fitted.as_ref().unwrap_or(schedule), steps, constant);
    }
    // One cosine from the same peak to zero over the run, so the two compare like for like.
    let same_peak = Anneal {
        eta_max: phases.peak(steps as f64),
        ..Anneal::default()
    };
    let [c, cos, _] = cosine_contenders(&same_peak, steps, constant);
    let mut cache = ScheduleCache::default();
    let lrs = (0..steps)
        .map(|t| phases.lr_cached(t as f64, &mut cache))
        .collect();
    let end = phases.lr_cached(steps as f64, &mut cache);
    let cycle_ends = phases
        .boundaries
        .iter()
        .map(|&b| b.ceil() as usize)
        .filter(|&t| t > 0 && t < steps)
        .collect();
    [
        c,
        cos,
        Contender {
            label: YOUR_SCHEDULE,
            lrs,
            end,
            cycle_ends,
        },
    ]
}

fn cosine_contenders(schedule: &Anneal, steps: usize, constant: f64) -> [Contender; 3] {
    let cosine = Anneal {
        restarts: false,
        t_0: match schedule.warmup.placement {
            WarmupPlacement::Prefix => (steps as f64 - schedule.warmup.length).max(1.0),
            WarmupPlacement::Overlap => (steps as f64).max(1.0),
        },
        ..schedule.clone()
    };
    let sgdr = Anneal {
        restarts: true,
        ..schedule.clone()
    };
    let cycle_ends = sgdr
        .restart_steps(steps as f64, MAX_CYCLES)
        .into_iter()
        .map(|t| t as usize)
        .filter(|&t| t > 0 && t < steps)
        .collect();
    let (cosine, cosine_end) = sampled(&cosine, steps);
    let (sgdr, sgdr_end) = sampled(&sgdr, steps);
    [
        Contender {
            label: "constant",
            lrs: vec![constant; steps],
            end: constant,
            cycle_ends: Vec::new(),
        },
        Contender {
            label: "cosine",
            lrs: cosine,
            end: cosine_end,
            cycle_ends: Vec::new(),
        },
        Contender {
            label: "cosine + warm restarts",
            lrs: sgdr,
            end: sgdr_end,
            cycle_ends,
        },
    ]
}
