//! A curve that zig-zags through most of every pixel column — thousands of cycles drawn across a
//! few hundred pixels — is stroked one device pixel wide. Skia's cost to stroke a line grows
//! with its length (about 1 ms per 11,000 px of 2-px line here): Hugging Face's restarts at
//! T_0 = 10⁶ over 1.3 × 10⁹ steps drew ≈ 380,000 px of line in every frame that showed them
//! (20 ms of raster). A one-pixel line is drawn as a hairline, about five times faster, and
//! side by side in every column the thin strokes fill the same band.

/// Drawn length (backend px) above which a curve is stroked one pixel wide: 3–4 ms of raster
/// at 2 px.
const DENSE_LENGTH: f64 = 40_000.0;

/// Whether what columns `first..=last` (the plot) show of `line` (backend px) is longer than
/// [`DENSE_LENGTH`]: a curve can run on far past the x axis's end, where nothing is drawn.
pub(super) fn dense(line: &[(i32, i32)], (first, last): (i32, i32)) -> bool {
    let length: f64 = line
        .windows(2)
        .filter(|w| w[0].0.min(w[1].0) <= last && w[0].0.max(w[1].0) >= first)
        .map(|w| f64::from(w[1].0 - w[0].0).hypot(f64::from(w[1].1 - w[0].1)))
        .sum();
    length > DENSE_LENGTH
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns 0..n, each with a vertical stroke between y = 10 and y = 290, alternately down
    /// and up, as a decimated curve with a cycle per column is.
    fn zigzag(n: i32) -> Vec<(i32, i32)> {
        (0..n)
            .flat_map(|x| {
                let (a, b) = if x % 2 == 0 { (10, 290) } else { (290, 10) };
                [(x, a), (x, b)]
            })
            .collect()
    }

    #[test]
    fn a_curve_through_every_column_is_dense_a_smooth_one_is_not() {
        assert!(dense(&zigzag(600), (0, 599)));
        assert!(!dense(&[(0, 0), (300, 280), (600, 0)], (0, 599)));
        // 100 cycles across 600 columns: 56,000 px, still dense; 20 cycles are not.
        let every = |k: i32| -> Vec<(i32, i32)> {
            (0..=2 * k)
                .map(|i| (i * 300 / k, if i % 2 == 0 { 10 } else { 290 }))
                .collect()
        };
        assert!(dense(&every(100), (0, 599)));
        assert!(!dense(&every(20), (0, 599)));
    }

    #[test]
    fn only_what_the_plot_shows_counts() {
        let mut line = vec![(0, 100), (599, 100)];
        line.extend(zigzag(5_000).into_iter().map(|(x, y)| (x + 600, y)));
        assert!(!dense(&line, (0, 599)));
        assert!(dense(&line, (0, 5_599)));
    }
}
