//! "Escape rate over N seeds": the same three runs repeated with different noise seeds.

use std::sync::Arc;

use super::basins::{settle, Basins};
use super::contenders::Contender;
use super::outcome::outcome;
use super::run::{run_with, Noise, RunSpec};

/// Tallies for one contender over the seeds run so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Runs that ended in a global minimum's basin.
    pub global: u32,
    /// Runs that ended in the (local) basin they started in.
    pub stayed: u32,
    /// Runs that ended in another local minimum's basin.
    pub other: u32,
    /// Runs whose cycle-end snapshots sit in at least two distinct minima.
    pub diverse_snapshots: u32,
    /// Runs that diverged or left the surface.
    pub stopped: u32,
}

/// An experiment that can be advanced a few seeds at a time (so a page stays responsive).
#[derive(Clone, Debug)]
pub struct Experiment {
    spec: RunSpec,
    contenders: Vec<Contender>,
    basins: Arc<Basins>,
    start_basin: Option<usize>,
    seeds: u64,
    done: u64,
    /// One tally per contender.
    pub tallies: Vec<Tally>,
}

impl Experiment {
    /// An experiment over seeds `spec.seed .. spec.seed + seeds`, judged against `basins` (the
    /// lab's, whose cells its own runs have settled already).
    pub fn new(spec: RunSpec, contenders: Vec<Contender>, basins: Arc<Basins>, seeds: u64) -> Self {
        let tallies = vec![Tally::default(); contenders.len()];
        Self {
            start_basin: settle(spec.surface, spec.start),
            spec,
            contenders,
            basins,
            seeds,
            done: 0,
            tallies,
        }
    }

    fn steps(&self) -> usize {
        self.contenders
            .iter()
            .map(|c| c.lrs.len())
            .max()
            .unwrap_or(0)
    }

    /// Seeds finished so far.
    pub fn done(&self) -> u64 {
        self.done
    }

    /// Seeds in total.
    pub fn seeds(&self) -> u64 {
        self.seeds
    }

    /// Runs up to `n` more seeds; true when every seed is done.
    pub fn advance(&mut self, n: u64) -> bool {
        let minima = self.spec.surface.minima();
        let end = (self.done + n).min(self.seeds);
        for k in self.done..end {
            let spec = RunSpec {
                seed: self.spec.seed.wrapping_add(k),
                ..self.spec
            };
            // The three schedules share the seed's noise: drawn once, not once per run.
            let noise = Noise::of(&spec, self.steps());
            for (c, tally) in self.contenders.iter().zip(&mut self.tallies) {
                let r = run_with(&spec, &c.lrs, &noise);
                let o = outcome(&r, &self.basins, &c.cycle_ends);
                match o.basin {
                    None => tally.stopped += 1,
                    Some(b) if minima[b].global => tally.global += 1,
                    Some(b) if Some(b) == self.start_basin => tally.stayed += 1,
                    Some(_) => tally.other += 1,
                }
                tally.diverse_snapshots += u32::from(o.distinct_snapshot_minima() >= 2);
            }
        }
        self.done = end;
        self.done == self.seeds
    }
}
