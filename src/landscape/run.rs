//! One optimizer run on a surface, driven by a learning rate per step, and what became of it.

use super::optimizer::{Optimizer, State};
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
    let mut runner = Runner::new(spec, lrs.len());
    runner.advance(spec, lrs, noise, lrs.len());
    runner.finish()
}

/// A run taken a bounded number of steps at a time, so a long one can be spread over frames;
/// [`run_with`] takes all its steps at once.
#[derive(Clone, Debug)]
pub struct Runner {
    state: State,
    /// The gradient at the last point of the path.
    g: Point,
    path: Vec<Point>,
    loss: Vec<f64>,
    stop: Option<Stop>,
}

impl Runner {
    /// `spec`'s run at its start, with room for `steps` steps.
    pub fn new(spec: &RunSpec, steps: usize) -> Self {
        let p = spec.start;
        let (value, g) = spec.surface.eval(p);
        let mut runner = Self {
            state: spec.optimizer.start(),
            g,
            path: Vec::with_capacity(steps + 1),
            loss: Vec::with_capacity(steps + 1),
            stop: None,
        };
        if p[0].is_finite() && p[1].is_finite() && value.is_finite() {
            runner.path.push(p);
            runner.loss.push(value);
        } else {
            runner.stop = Some(Stop::Diverged(0));
        }
        runner
    }

    /// Steps taken so far.
    pub fn taken(&self) -> usize {
        self.path.len().saturating_sub(1)
    }

    /// The points visited so far, the start first.
    pub fn path(&self) -> &[Point] {
        &self.path
    }

    /// Takes up to `n` more of the steps `lrs` asks for (`noise` as in [`run_with`]); whether
    /// the run is over (all steps taken, or stopped early).
    pub fn advance(&mut self, spec: &RunSpec, lrs: &[f64], noise: &Noise, n: usize) -> bool {
        if self.stop.is_some() {
            return true;
        }
        let ([x0, x1], [y0, y1]) = spec.surface.domain();
        let (mx, my) = (BOX_MARGIN * (x1 - x0), BOX_MARGIN * (y1 - y0));
        let inside =
            |p: Point| p[0] >= x0 - mx && p[0] <= x1 + mx && p[1] >= y0 - my && p[1] <= y1 + my;
        let from = self.taken();
        let to = from.saturating_add(n).min(lrs.len());
        let mut p = self.path[from];
        let mut g = self.g;
        for (t, &lr) in lrs.iter().enumerate().take(to).skip(from) {
            if let Some(n) = noise.steps.get(t) {
                g = [g[0] + n[0], g[1] + n[1]];
            }
            if spec.clip > 0.0 {
                let norm = (g[0] * g[0] + g[1] * g[1]).sqrt();
                if norm > spec.clip {
                    g = [g[0] * spec.clip / norm, g[1] * spec.clip / norm];
                }
            }
            let d = spec.optimizer.step(&mut self.state, g, lr);
            p = [p[0] + d[0], p[1] + d[1]];
            let value;
            (value, g) = spec.surface.eval(p);
            if !(p[0].is_finite() && p[1].is_finite() && value.is_finite()) {
                self.stop = Some(Stop::Diverged(t + 1));
                return true;
            }
            if !inside(p) {
                self.stop = Some(Stop::LeftBox(t + 1));
                return true;
            }
            self.path.push(p);
            self.loss.push(value);
        }
        self.g = g;
        if to == lrs.len() {
            self.stop = Some(Stop::Completed);
        }
        self.stop.is_some()
    }

    /// The run as taken so far (completed unless it stopped early).
    pub fn finish(self) -> Run {
        Run {
            path: self.path,
            loss: self.loss,
            stop: self.stop.unwrap_or(Stop::Completed),
        }
    }
}
