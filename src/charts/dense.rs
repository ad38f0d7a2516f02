//! A curve that zig-zags through most of every pixel column — thousands of cycles drawn across a
//! few hundred pixels — is drawn as the band it covers (one filled polygon) instead of a stroked
//! polyline. Skia's cost to stroke a line grows with its length (about 1 ms per 11,000 px of
//! 2-px line here): Hugging Face's restarts at T_0 = 10⁶ over 1.3 × 10⁹ steps drew ≈ 380,000 px
//! of line in every frame (20 ms of raster), all of it vertical strokes side by side that fill
//! the band anyway.

/// Drawn length (backend px) above which a curve is filled as its band: 3–4 ms of raster.
const DENSE_LENGTH: f64 = 40_000.0;

/// The band `line` (backend px, left to right) covers in columns `first..=last` (the plot),
/// `half` px beyond it above and below, as a polygon: its top edge left to right, then its
/// bottom edge back; `None` when what the plot shows of the line is short enough to stroke.
pub(super) fn band(
    line: &[(i32, i32)],
    (first, last): (i32, i32),
    half: i32,
) -> Option<Vec<(i32, i32)>> {
    // Segments in the plot's columns (a curve can run on far past the x axis's end).
    let shown = |w: &&[(i32, i32)]| w[0].0.min(w[1].0) <= last && w[0].0.max(w[1].0) >= first;
    let length: f64 = line
        .windows(2)
        .filter(shown)
        .map(|w| f64::from(w[1].0 - w[0].0).hypot(f64::from(w[1].1 - w[0].1)))
        .sum();
    if length <= DENSE_LENGTH {
        return None;
    }
    let columns = usize::try_from(last - first).ok()? + 1;
    // Top (smallest y) and bottom of what the line passes through in each column.
    let mut span = vec![(i32::MAX, i32::MIN); columns];
    let mut cover = |x: i32, a: i32, b: i32| {
        let s = &mut span[(x - first) as usize];
        *s = (s.0.min(a.min(b)), s.1.max(a.max(b)));
    };
    for w in line.windows(2).filter(shown) {
        let ((x0, y0), (x1, y1)) = if w[0].0 <= w[1].0 {
            (w[0], w[1])
        } else {
            (w[1], w[0])
        };
        if x0 == x1 {
            cover(x0, y0, y1);
            continue;
        }
        // Where the segment is at each column's edges, so a steep one fills its columns.
        let at =
            |x: f64| f64::from(y0) + (x - f64::from(x0)) * f64::from(y1 - y0) / f64::from(x1 - x0);
        for x in x0.max(first)..=x1.min(last) {
            let left = at((f64::from(x) - 0.5).max(f64::from(x0))).round() as i32;
            let right = at((f64::from(x) + 0.5).min(f64::from(x1))).round() as i32;
            cover(x, left, right);
        }
    }
    // A stroke reaches `half` px to the sides as well: a column is inked as far as its
    // neighbours' lines reach.
    let reach = usize::try_from(half).unwrap_or(0);
    let span: Vec<(i32, i32)> = (0..columns)
        .map(|c| {
            span[c.saturating_sub(reach)..(c + reach + 1).min(columns)]
                .iter()
                .fold((i32::MAX, i32::MIN), |a, s| (a.0.min(s.0), a.1.max(s.1)))
        })
        .collect();
    let top = span
        .iter()
        .zip(first..)
        .filter(|(s, _)| s.0 <= s.1)
        .map(|(s, x)| (x, s.0 - half));
    let bottom: Vec<(i32, i32)> = span
        .iter()
        .zip(first..)
        .filter(|(s, _)| s.0 <= s.1)
        .map(|(s, x)| (x, s.1 + half))
        .collect();
    Some(top.chain(bottom.into_iter().rev()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns 0..n, each with a vertical stroke between y = 10 and y = 290, alternately down
    /// and up.
    fn zigzag(n: i32) -> Vec<(i32, i32)> {
        (0..n)
            .flat_map(|x| {
                let (a, b) = if x % 2 == 0 { (10, 290) } else { (290, 10) };
                [(x, a), (x, b)]
            })
            .collect()
    }

    #[test]
    fn a_short_line_is_stroked() {
        assert_eq!(band(&[(0, 0), (600, 300)], (0, 600), 1), None);
    }

    #[test]
    fn a_zigzag_through_every_column_is_the_band_it_fills() {
        // 600 columns, each crossed from y = 10 to y = 290 or back (as a decimated curve is).
        let line = zigzag(600);
        let poly = band(&line, (0, 599), 1).expect("dense");
        assert_eq!(poly.len(), 1200);
        assert!(
            poly[..600].iter().all(|&(_, y)| y == 9),
            "top edge one px above"
        );
        assert!(
            poly[600..].iter().all(|&(_, y)| y == 291),
            "bottom edge one px below"
        );
        assert_eq!((poly[0].0, poly[599].0, poly[600].0), (0, 599, 599));
    }

    #[test]
    fn only_the_plot_s_columns_count_and_are_filled() {
        let poly = band(&zigzag(5_000), (0, 599), 1).expect("dense");
        assert_eq!(poly.len(), 1200);
        assert!(poly.iter().all(|p| (0..=599).contains(&p.0)));
        // Dense only beyond the plot: what shows is one short line.
        let mut line = vec![(0, 100), (599, 100)];
        line.extend(zigzag(5_000).into_iter().map(|(x, y)| (x + 600, y)));
        assert_eq!(band(&line, (0, 599), 1), None);
    }

    #[test]
    fn a_smooth_stretch_of_a_dense_line_keeps_its_own_thin_band() {
        // Dense at the left, then a flat line at y = 100 to x = 999.
        let mut line = zigzag(400);
        line.extend([(400, 100), (999, 100)]);
        let poly = band(&line, (0, 999), 1).expect("dense");
        let top = |x: i32| poly.iter().find(|p| p.0 == x).map(|p| p.1);
        let bottom = |x: i32| poly.iter().rev().find(|p| p.0 == x).map(|p| p.1);
        assert_eq!((top(800), bottom(800)), (Some(99), Some(101)));
        assert_eq!((top(100), bottom(100)), (Some(9), Some(291)));
    }

    /// Pixels `draw` colours on a white 320 × 200 bitmap.
    fn inked(
        draw: impl FnOnce(
            &plotters::prelude::DrawingArea<
                plotters::prelude::BitMapBackend,
                plotters::coord::Shift,
            >,
        ),
    ) -> Vec<bool> {
        use plotters::prelude::*;
        let mut buf = vec![255u8; 320 * 200 * 3];
        {
            let area = BitMapBackend::with_buffer(&mut buf, (320, 200)).into_drawing_area();
            draw(&area);
            area.present().expect("drawn");
        }
        buf.chunks(3).map(|p| p[0] < 128).collect()
    }

    #[test]
    fn the_band_inks_the_pixels_the_stroked_line_inks() {
        use plotters::prelude::*;
        // A cosine with restarts every 1.7 columns, decimated as the charts do (first, lowest,
        // highest and last point of each column), 300 columns wide.
        let line: Vec<(i32, i32)> = (0..300)
            .flat_map(|x| {
                let y = |t: f64| {
                    20 + (160.0 * (1.0 + (std::f64::consts::PI * (t / 1.7).fract()).cos()) / 2.0)
                        .round() as i32
                };
                let ys = [
                    y(f64::from(x)),
                    y(f64::from(x) + 0.5),
                    y(f64::from(x) + 0.99),
                ];
                let (lo, hi) = (*ys.iter().min().unwrap(), *ys.iter().max().unwrap());
                [(x + 10, ys[0]), (x + 10, lo), (x + 10, hi), (x + 10, ys[2])]
            })
            .collect();
        let poly = band(&line, (0, 319), 1).expect("dense");
        // Segment by segment: plotters' polyline adds miter spikes at the zigzag's corners,
        // which are no part of the curve (the canvas caps them at its miter limit).
        let stroked = inked(|a| {
            for w in line.windows(2) {
                a.draw(&PathElement::new(w.to_vec(), BLACK.stroke_width(2)))
                    .unwrap();
            }
        });
        let filled = inked(|a| {
            a.draw(&Polygon::new(poly.clone(), BLACK.filled())).unwrap();
        });
        let both = stroked
            .iter()
            .zip(&filled)
            .filter(|(a, b)| **a && **b)
            .count();
        let either = stroked
            .iter()
            .zip(&filled)
            .filter(|(a, b)| **a || **b)
            .count();
        assert!(either > 20_000, "the band is most of the plot: {either} px");
        // 97.7 % here: the rest is where the stroke's corners round off.
        assert!(
            both as f64 / either as f64 > 0.97,
            "{both} of {either} px in both"
        );
    }
}
