//! The lab's runs of several schedules from one start, computed and judged a bounded piece at a
//! time: a race of 20,000-step runs takes tens of milliseconds, which the page spreads over
//! animation frames (with its progress shown) instead of freezing for them.

use std::sync::Arc;

use super::basins::Basins;
use super::contenders::Contender;
use super::outcome::{Judge, Outcome};
use super::run::{Noise, Run, RunSpec, Runner};

/// Steps taken (and path points judged) per piece: some tens of microseconds on a rugged
/// surface, so a frame's budget is kept to within a small fraction of it.
const PIECE: usize = 256;

/// Each lane's run and its outcome, a piece at a time; [`Race::step`] until it says done.
pub struct Race {
    spec: RunSpec,
    lanes: Vec<Contender>,
    noise: Noise,
    basins: Arc<Basins>,
    runner: Runner,
    judge: Judge,
    done: Vec<(Run, Outcome)>,
}

impl Race {
    /// A race of `lanes` (a learning rate per step each) on `spec` with `noise` drawn ahead
    /// for the longest lane, judged against `basins` of `spec`'s surface.
    pub fn new(spec: RunSpec, lanes: Vec<Contender>, noise: Noise, basins: Arc<Basins>) -> Self {
        let first = lanes.first().map_or(0, |l| l.lrs.len());
        Self {
            runner: Runner::new(&spec, first),
            spec,
            lanes,
            noise,
            basins,
            judge: Judge::default(),
            done: Vec::new(),
        }
    }

    /// Does one piece of work; whether every lane is run and judged.
    pub fn step(&mut self) -> bool {
        let Some(lane) = self.lanes.get(self.done.len()) else {
            return true;
        };
        let over = self
            .runner
            .advance(&self.spec, &lane.lrs, &self.noise, PIECE);
        let judged = self
            .judge
            .observe(self.runner.path(), &self.basins, &lane.cycle_ends, PIECE);
        if over && judged {
            let next = self
                .lanes
                .get(self.done.len() + 1)
                .map_or(0, |l| l.lrs.len());
            let run = std::mem::replace(&mut self.runner, Runner::new(&self.spec, next)).finish();
            let outcome =
                std::mem::take(&mut self.judge).finish(&run, &self.basins, &lane.cycle_ends);
            self.done.push((run, outcome));
        }
        self.done.len() == self.lanes.len()
    }

    /// What the race runs on.
    pub fn spec(&self) -> &RunSpec {
        &self.spec
    }

    /// The lanes, in the order of [`Race::finish`]'s runs.
    pub fn lanes(&self) -> &[Contender] {
        &self.lanes
    }

    /// The share of all lanes' steps taken, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        let total: usize = self.lanes.iter().map(|l| l.lrs.len()).sum();
        let taken: usize = self.lanes[..self.done.len()]
            .iter()
            .map(|l| l.lrs.len())
            .sum::<usize>()
            + self.runner.taken();
        if total == 0 {
            1.0
        } else {
            taken as f64 / total as f64
        }
    }

    /// Every lane's run and outcome, in lane order; the lanes not finished are left out.
    pub fn finish(self) -> Vec<(Run, Outcome)> {
        self.done
    }
}
