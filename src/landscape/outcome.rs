//! What became of a run: the minimum it ends in, how often it changed basin, its snapshots;
//! judged a bounded piece of the path at a time, so a long run's verdict can be spread over
//! frames as the run itself is.

use super::basins::{settle, Basins};
use super::run::{Run, Stop};
use super::surface::{Point, Surface};

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

/// Judges `run` against its surface's basins; `cycle_ends` are the steps where a cycle ends.
pub fn outcome(run: &Run, basins: &Basins, cycle_ends: &[usize]) -> Outcome {
    let mut judge = Judge::default();
    while !judge.observe(&run.path, basins, cycle_ends, usize::MAX) {}
    judge.finish(run, basins, cycle_ends)
}

/// An [`Outcome`] in the making: fed the path as it grows, a bounded piece at a time.
#[derive(Clone, Debug, Default)]
pub struct Judge {
    /// Path points looked up so far.
    seen: usize,
    /// Basin changes among them.
    changes: u32,
    /// The last basin met on the lattice.
    last: Option<usize>,
    /// Snapshots at the cycle ends passed so far (in `cycle_ends` order).
    snapshots: Vec<Snapshot>,
    /// How many of `cycle_ends` were looked at.
    ends: usize,
}

fn snap(surface: Surface, path: &[Point], step: usize) -> Snapshot {
    Snapshot {
        step,
        at: path[step],
        basin: settle(surface, path[step]),
    }
}

impl Judge {
    /// Looks up at most `n` unseen points of `path` and takes at most one snapshot (a descent);
    /// whether everything in `path` so far is judged.
    pub fn observe(
        &mut self,
        path: &[Point],
        basins: &Basins,
        cycle_ends: &[usize],
        n: usize,
    ) -> bool {
        let to = self.seen.saturating_add(n).min(path.len());
        for &p in &path[self.seen..to] {
            let b = basins.lookup(p);
            if self.last.is_some() && b.is_some() && b != self.last {
                self.changes += 1;
            }
            self.last = b.or(self.last);
        }
        self.seen = to;
        // A cycle end with a point after it comes before the run's last point, however the
        // run ends, so its snapshot is kept.
        if let Some(&end) = cycle_ends.get(self.ends).filter(|&&e| e + 1 < path.len()) {
            self.snapshots.push(snap(basins.surface(), path, end));
            self.ends += 1;
            return false;
        }
        self.seen == path.len()
    }

    /// The outcome of the finished `run`, every point of which was observed against `basins`.
    pub fn finish(mut self, run: &Run, basins: &Basins, cycle_ends: &[usize]) -> Outcome {
        debug_assert_eq!(self.seen, run.path.len(), "every point observed");
        let surface = basins.surface();
        let end = run.path.len().saturating_sub(1);
        for &e in cycle_ends[self.ends.min(cycle_ends.len())..]
            .iter()
            .filter(|&&e| e < end)
        {
            self.snapshots.push(snap(surface, &run.path, e));
        }
        let completed = run.stop == Stop::Completed && !run.path.is_empty();
        let last = completed.then(|| snap(surface, &run.path, end));
        Outcome {
            basin: last.and_then(|s| s.basin),
            final_loss: run.loss.last().copied().unwrap_or(f64::NAN),
            changes: self.changes,
            snapshots: self.snapshots.into_iter().chain(last).collect(),
        }
    }
}
