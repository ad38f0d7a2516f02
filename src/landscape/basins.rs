//! Which known minimum a point belongs to: where steepest descent from it comes to rest.

use std::sync::OnceLock;

use super::surface::{Point, Surface};

/// Descent iterations before giving up on a point (it then counts for the nearest minimum).
const MAX_ITERATIONS: usize = 600;

/// Index of the minimum that descent from `p` settles into (nearest known minimum at the end).
///
/// Steepest descent with Armijo backtracking: every accepted step lowers the value, so the
/// path cannot hop over a ridge into another basin as a fixed step could.
pub fn settle(surface: Surface, mut p: Point) -> Option<usize> {
    if !(p[0].is_finite() && p[1].is_finite()) {
        return None;
    }
    let (mut value, mut g) = surface.eval(p);
    let mut h = 0.05;
    for _ in 0..MAX_ITERATIONS {
        let norm2 = g[0] * g[0] + g[1] * g[1];
        if norm2 < 1e-16 || !value.is_finite() {
            break;
        }
        let mut accepted = false;
        for _ in 0..40 {
            let q = [p[0] - h * g[0], p[1] - h * g[1]];
            let (qv, qg) = surface.eval(q);
            if qv <= value - 0.5 * h * norm2 {
                // No decrease at all: the value has hit float resolution near a minimum, where
                // the gradient test alone would spin to the iteration cap.
                accepted = qv < value;
                (p, value, g) = (q, qv, qg);
                h *= 2.0;
                break;
            }
            h *= 0.5;
        }
        if !accepted {
            break;
        }
    }
    nearest(surface, p)
}

/// Index of the known minimum closest to `p`.
pub fn nearest(surface: Surface, p: Point) -> Option<usize> {
    surface
        .minima()
        .iter()
        .enumerate()
        .map(|(i, m)| (i, (m.at[0] - p[0]).powi(2) + (m.at[1] - p[1]).powi(2)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Basins of attraction on a lattice over the domain, for cheap per-step lookups.
///
/// A cell is settled the first time a path visits it: paths touch a few hundred of the 4,096
/// cells, and settling all of them on Rastrigin takes longer than many frames.
#[derive(Clone, Debug, PartialEq)]
pub struct Basins {
    surface: Surface,
    cells: Vec<OnceLock<Option<usize>>>,
}

/// Lattice cells per side.
const SIDE: usize = 64;

impl Basins {
    /// An empty lattice for `surface`; cells are settled on first lookup.
    pub fn new(surface: Surface) -> Self {
        Self {
            surface,
            cells: (0..SIDE * SIDE).map(|_| OnceLock::new()).collect(),
        }
    }

    fn centre(surface: Surface, i: usize, j: usize) -> Point {
        let ([x0, x1], [y0, y1]) = surface.domain();
        [
            x0 + (i as f64 + 0.5) * (x1 - x0) / SIDE as f64,
            y0 + (j as f64 + 0.5) * (y1 - y0) / SIDE as f64,
        ]
    }

    /// The surface these basins belong to.
    pub fn surface(&self) -> Surface {
        self.surface
    }

    /// The basin of the lattice cell containing `p`; `None` off the lattice (outside the domain),
    /// where a descent per step would cost a frame on a rugged surface.
    pub fn lookup(&self, p: Point) -> Option<usize> {
        let ([x0, x1], [y0, y1]) = self.surface.domain();
        let fi = (p[0] - x0) / (x1 - x0) * SIDE as f64;
        let fj = (p[1] - y0) / (y1 - y0) * SIDE as f64;
        if (0.0..SIDE as f64).contains(&fi) && (0.0..SIDE as f64).contains(&fj) {
            let (i, j) = (fi as usize, fj as usize);
            *self.cells[j * SIDE + i].get_or_init(|| {
                if self.surface.minima().len() == 1 {
                    Some(0)
                } else {
                    settle(self.surface, Self::centre(self.surface, i, j))
                }
            })
        } else {
            None
        }
    }
}
