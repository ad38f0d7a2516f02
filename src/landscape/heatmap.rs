//! The surface as a grid of log-spaced value bands, computed once per surface and size.

use super::surface::Surface;

/// Value bands of a surface on a grid: band 0 holds the lowest values.
#[derive(Clone, Debug, PartialEq)]
pub struct Heatmap {
    /// The surface.
    pub surface: Surface,
    /// Cells across.
    pub cols: usize,
    /// Cells down; row 0 is the top (largest y).
    pub rows: usize,
    /// Band of each cell, row by row.
    pub bands: Vec<u8>,
    /// Number of bands.
    pub levels: u8,
    /// Lower value bound of each band (the contour levels), increasing.
    pub bounds: Vec<f64>,
}

impl Heatmap {
    /// Samples `surface` at cell centres and bands the values on a log scale above the lowest
    /// minimum, so both the floor of a deep basin and the high walls keep visible contours.
    pub fn new(surface: Surface, cols: usize, rows: usize, levels: u8) -> Self {
        let (cols, rows, levels) = (cols.max(1), rows.max(1), levels.max(2));
        let ([x0, x1], [y0, y1]) = surface.domain();
        let values: Vec<f64> = (0..rows * cols)
            .map(|k| {
                let (i, j) = (k % cols, k / cols);
                let x = x0 + (i as f64 + 0.5) * (x1 - x0) / cols as f64;
                let y = y1 - (j as f64 + 0.5) * (y1 - y0) / rows as f64;
                surface.value([x, y])
            })
            .collect();
        let finite = values.iter().copied().filter(|v| v.is_finite());
        let lo = finite.clone().fold(surface.lowest(), f64::min);
        let hi = finite.fold(lo, f64::max);
        let range = (hi - lo).max(1e-12);
        // Bands grow geometrically from a hundredth of the range: fine enough to ring a deep
        // basin, coarse enough that a shallow well high up still stands out from its slope.
        let unit = range * 1e-2;
        let span = (range / unit).ln_1p();
        let band = |v: f64| {
            if !v.is_finite() {
                return levels - 1;
            }
            let f = ((v - lo).max(0.0) / unit).ln_1p() / span;
            ((f * levels as f64) as u8).min(levels - 1)
        };
        let bounds = (0..levels)
            .map(|k| lo + unit * (span * k as f64 / levels as f64).exp_m1())
            .collect();
        Self {
            surface,
            cols,
            rows,
            bands: values.into_iter().map(band).collect(),
            levels,
            bounds,
        }
    }

    /// Runs of equal band along each row: (row, first column, length, band).
    pub fn runs(&self) -> impl Iterator<Item = (usize, usize, usize, u8)> + '_ {
        (0..self.rows).flat_map(move |j| {
            let row = &self.bands[j * self.cols..(j + 1) * self.cols];
            let mut out = Vec::new();
            let mut start = 0;
            for i in 1..=row.len() {
                if i == row.len() || row[i] != row[start] {
                    out.push((j, start, i - start, row[start]));
                    start = i;
                }
            }
            out
        })
    }
}
