//! One optimizer run on a surface, driven by a learning rate per step, and what became of it.

use super::basins::{settle, Basins};
use super::optimizer::Optimizer;
use super::rng::Gaussian;
use super::surface::{Point, Surface};

/// Everything a run depends on besides the learning rates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunSpec {
    /// The surface.
    pub surface: Surface,
    /// The optimizer.
    pub optimizer: Optimizer,
    /// Where the run starts.
    pub start: Point,
    /// Standard deviation of the Gaussian noise added to each gradient component.
    pub noise: f64,
    /// Seed of the noise.
    pub seed: u64,
    /// Gradient-norm clipping threshold; 0 turns clipping off.
    pub clip: f64,
}

/// Why a run ended before its last step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// All steps taken.
    Completed,
    /// The iterate or the loss stopped being a finite number at this step.
    Diverged(usize),
    /// The iterate left the box around the domain at this step.
    LeftBox(usize),
}

impl Stop {
    /// A sentence for the page; `None` for a completed run.
    pub fn message(self) -> Option<String> {
        match self {
            Stop::Completed => None,
            Stop::Diverged(t) => Some(format!("diverged at step {t}")),
            Stop::LeftBox(t) => Some(format!("left the surface at step {t}")),
        }
    }
}

/// A run's path and losses: `path[t]` is the point before step t's update.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Points visited, the start first; every one finite and inside the box.
    pub path: Vec<Point>,
    /// The loss at each point of the path.
    pub loss: Vec<f64>,
    /// How the run ended.
    pub stop: Stop,
}

/// How far outside the domain (in domain widths) an iterate may wander before the run stops.
const BOX_MARGIN: f64 = 4.0;

/// The gradient noise of a run, drawn ahead: step t adds `steps[t]`. It depends only on the
/// seed, σ and the step count, so runs that share them (the three schedules, every start of a
/// basin map, every drag of the start point) share one draw instead of sampling it each time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Noise {
    steps: Vec<[f64; 2]>,
}

impl Noise {
    /// `steps` draws of σ × N(0, 1) per gradient component from `seed`; none when σ is 0.
    pub fn new(seed: u64, sigma: f64, steps: usize) -> Self {
        if sigma.is_nan() || sigma <= 0.0 {
            return Self::default();
        }
        let mut g = Gaussian::new(seed);
        let steps = (0..steps)
            .map(|_| [sigma * g.sample(), sigma * g.sample()])
            .collect();
        Self { steps }
    }

    /// The noise `spec` asks for over `steps` steps.
    pub fn of(spec: &RunSpec, steps: usize) -> Self {
        Self::new(spec.seed, spec.noise, steps)
    }
}

/// Runs `spec` for `lrs.len()` steps, step t using learning rate `lrs[t]`.
pub fn run(spec: &RunSpec, lrs: &[f64]) -> Run {
    run_with(spec, lrs, &Noise::of(spec, lrs.len()))
}

/// [`run`] with its noise drawn ahead (`Noise::of(spec, n)` with n ≥ `lrs.len()`).
pub fn run_with(spec: &RunSpec, lrs: &[f64], noise: &Noise) -> Run {
    let ([x0, x1], [y0, y1]) = spec.surface.domain();
    let (mx, my) = (BOX_MARGIN * (x1 - x0), BOX_MARGIN * (y1 - y0));
    let inside =
        |p: Point| p[0] >= x0 - mx && p[0] <= x1 + mx && p[1] >= y0 - my && p[1] <= y1 + my;
    let mut state = spec.optimizer.start();
    let mut p = spec.start;
    let (mut value, mut g) = spec.surface.eval(p);
    let mut path = Vec::with_capacity(lrs.len() + 1);
    let mut loss = Vec::with_capacity(lrs.len() + 1);
    if !(p[0].is_finite() && p[1].is_finite() && value.is_finite()) {
        return Run {
            path,
            loss,
            stop: Stop::Diverged(0),
        };
    }
    path.push(p);
    loss.push(value);
    for (t, &lr) in lrs.iter().enumerate() {
        if let Some(n) = noise.steps.get(t) {
            g = [g[0] + n[0], g[1] + n[1]];
        }
        if spec.clip > 0.0 {
            let norm = (g[0] * g[0] + g[1] * g[1]).sqrt();
            if norm > spec.clip {
                g = [g[0] * spec.clip / norm, g[1] * spec.clip / norm];
            }
        }
        let d = spec.optimizer.step(&mut state, g, lr);
        p = [p[0] + d[0], p[1] + d[1]];
        (value, g) = spec.surface.eval(p);
        let stop = if !(p[0].is_finite() && p[1].is_finite() && value.is_finite()) {
            Stop::Diverged(t + 1)
        } else if !inside(p) {
            Stop::LeftBox(t + 1)
        } else {
            path.push(p);
            loss.push(value);
            continue;
        };
        return Run { path, loss, stop };
    }
    Run {
        path,
        loss,
        stop: Stop::Completed,
    }
}

/// A point the run passed at the end of a cycle (where η is lowest): a snapshot-ensemble member.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Snapshot {
    /// Path index.
    pub step: usize,
    /// Where the run was.
    pub at: Point,
    /// The minimum it settles into.
    pub basin: Option<usize>,
}

/// What became of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The minimum the final point settles into; `None` when the run stopped early.
    pub basin: Option<usize>,
    /// Loss at the last point.
    pub final_loss: f64,
    /// Times the path crossed from one basin to another on the basin lattice (steps off the
    /// lattice do not count as a basin).
    pub changes: u32,
    /// The path at the end of each cycle and at the end.
    pub snapshots: Vec<Snapshot>,
}

impl Outcome {
    /// Distinct minima among the snapshots.
    pub fn distinct_snapshot_minima(&self) -> usize {
        let seen: Vec<usize> = self.snapshots.iter().filter_map(|s| s.basin).collect();
        (0..seen.len())
            .filter(|&i| !seen[..i].contains(&seen[i]))
            .count()
    }
}

/// Judges `run` against the surface's basins; `cycle_ends` are the steps where a cycle ends.
pub fn outcome(run: &Run, surface: Surface, basins: &Basins, cycle_ends: &[usize]) -> Outcome {
    let mut changes = 0;
    let mut last = None;
    for &p in &run.path {
        let b = basins.lookup(p);
        if last.is_some() && b.is_some() && b != last {
            changes += 1;
        }
        last = b.or(last);
    }
    let end = run.path.len().saturating_sub(1);
    let snap = |step: usize| Snapshot {
        step,
        at: run.path[step],
        basin: settle(surface, run.path[step]),
    };
    let mut snapshots: Vec<Snapshot> = cycle_ends
        .iter()
        .copied()
        .filter(|&s| s < end)
        .map(snap)
        .collect();
    let completed = run.stop == Stop::Completed && !run.path.is_empty();
    if completed {
        snapshots.push(snap(end));
    }
    Outcome {
        basin: if completed {
            settle(surface, run.path[end])
        } else {
            None
        },
        final_loss: run.loss.last().copied().unwrap_or(f64::NAN),
        changes,
        snapshots,
    }
}
