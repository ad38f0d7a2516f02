//! Which minimum each start on a lattice ends in, per schedule, filled in a few cells at a time.

use super::basins::settle;
use super::contenders::Contender;
use super::run::{run_with, Noise, RunSpec, Stop};
use super::surface::Point;

/// Basin outcomes over a `side × side` lattice of starts for each contender.
#[derive(Clone, Debug, PartialEq)]
pub struct BasinMap {
    spec: RunSpec,
    contenders: Vec<Contender>,
    /// Every start and schedule shares the seed, so one draw of the noise serves them all.
    noise: Noise,
    /// Starts per side.
    pub side: usize,
    /// For each contender, the minimum each start ended in, row by row from the top;
    /// `None` where the run diverged or left the surface. Filled up to [`BasinMap::done`].
    pub cells: Vec<Vec<Option<usize>>>,
}

impl BasinMap {
    /// An empty map; `spec` gives the surface, optimizer and noise (its start is ignored).
    pub fn new(spec: RunSpec, contenders: Vec<Contender>, side: usize) -> Self {
        let cells = vec![Vec::with_capacity(side * side); contenders.len()];
        let steps = contenders.iter().map(|c| c.lrs.len()).max().unwrap_or(0);
        Self {
            noise: Noise::of(&spec, steps),
            spec,
            contenders,
            side,
            cells,
        }
    }

    /// The start of cell `k` (row by row from the top left), at the cell's centre.
    pub fn start(&self, k: usize) -> Point {
        let ([x0, x1], [y0, y1]) = self.spec.surface.domain();
        let (i, j) = (k % self.side, k / self.side);
        let n = self.side as f64;
        [
            x0 + (i as f64 + 0.5) * (x1 - x0) / n,
            y1 - (j as f64 + 0.5) * (y1 - y0) / n,
        ]
    }

    /// The surface mapped.
    pub fn surface(&self) -> super::surface::Surface {
        self.spec.surface
    }

    /// The lab's start when the map was begun, to mark on it.
    pub fn lab_start(&self) -> Point {
        self.spec.start
    }

    /// Cells finished.
    pub fn done(&self) -> usize {
        self.cells.first().map_or(0, Vec::len)
    }

    /// Cells in total.
    pub fn total(&self) -> usize {
        self.side * self.side
    }

    /// Runs up to `n` more cells (every contender); true when the map is complete.
    pub fn advance(&mut self, n: usize) -> bool {
        let end = (self.done() + n).min(self.total());
        for k in self.done()..end {
            let spec = RunSpec {
                start: self.start(k),
                ..self.spec
            };
            for (c, cells) in self.contenders.iter().zip(&mut self.cells) {
                let r = run_with(&spec, &c.lrs, &self.noise);
                cells.push(match (r.stop, r.path.last()) {
                    (Stop::Completed, Some(&p)) => settle(spec.surface, p),
                    _ => None,
                });
            }
        }
        self.done() == self.total()
    }

    /// Share of finished cells of contender `c` that ended in a global minimum.
    pub fn global_share(&self, c: usize) -> f64 {
        let minima = self.spec.surface.minima();
        let cells = &self.cells[c];
        let global = cells
            .iter()
            .filter(|b| b.is_some_and(|i| minima[i].global))
            .count();
        global as f64 / cells.len().max(1) as f64
    }
}
