//! Decimation for drawing: per pixel column, the points that carry the curve's extremes.

use crate::sort::sort_small_by;

/// Breakpoints considered per column; beyond a few the column's range is already covered.
const BREAKS_PER_COLUMN: usize = 16;

/// Samples `f` over [x0, x1] for `columns` pixel columns, exactly as an undecimated polyline
/// would fill them: each column keeps its first, lowest, highest and last point, in order.
///
/// `breaks(a, b, cap)` lists where `f` may jump or turn inside (a, b]; between breakpoints `f`
/// must be monotone. Cost is O(columns), whatever the length of [x0, x1].
pub fn envelope(
    f: impl Fn(f64) -> f64,
    breaks: impl Fn(f64, f64, usize) -> Vec<f64>,
    x0: f64,
    x1: f64,
    columns: usize,
) -> Vec<(f64, f64)> {
    let columns = columns.max(1);
    let width = (x1 - x0) / columns as f64;
    let mut out = Vec::with_capacity(columns * 4 + 1);
    out.push((x0, f(x0)));
    let mut candidates: Vec<(f64, f64)> = Vec::with_capacity(2 * BREAKS_PER_COLUMN + 2);
    for c in 0..columns {
        let a = x0 + width * c as f64;
        let b = if c + 1 == columns { x1 } else { a + width };
        candidates.clear();
        for p in breaks(a, b, BREAKS_PER_COLUMN) {
            // The left limit just before a jump, then the value at it.
            let before = p - (p.abs() * 1e-12).max(1e-9);
            if before > a {
                candidates.push((before, f(before)));
            }
            candidates.push((p, f(p)));
        }
        candidates.push((b, f(b)));
        let lowest = candidates
            .iter()
            .copied()
            .fold(None, |m: Option<(f64, f64)>, p| match m {
                Some(q) if q.1 <= p.1 => Some(q),
                _ => Some(p),
            });
        let highest = candidates
            .iter()
            .copied()
            .fold(None, |m: Option<(f64, f64)>, p| match m {
                Some(q) if q.1 >= p.1 => Some(q),
                _ => Some(p),
            });
        let first = candidates[0];
        let last = candidates[candidates.len() - 1];
        let mut keep = [Some(first), lowest, highest, Some(last)];
        sort_small_by(&mut keep, |p, q| {
            p.map_or(f64::INFINITY, |v| v.0) < q.map_or(f64::INFINITY, |v| v.0)
        });
        for p in keep.into_iter().flatten() {
            if out.last().is_none_or(|l: &(f64, f64)| l.0 != p.0) {
                out.push(p);
            }
        }
    }
    out
}

/// Decimates sampled points (increasing x) to `columns` columns over [x0, x1], keeping each
/// column's first, lowest, highest and last point in order. Of the points outside [x0, x1] only
/// the nearest on each side stay, so the line still runs to the plot's edge: the chart pins
/// points past its edge onto it, where a curve sampled further (the last horizon's, until the
/// new one is computed) drew every one of them up and down the edge.
pub fn decimate(points: &[(f64, f64)], x0: f64, x1: f64, columns: usize) -> Vec<(f64, f64)> {
    let columns = columns.max(1);
    let from = points.partition_point(|p| p.0 < x0).saturating_sub(1);
    let to = (points.partition_point(|p| p.0 <= x1) + 1).min(points.len());
    let points = &points[from..to.max(from)];
    if points.len() <= 4 * columns {
        return points.to_vec();
    }
    let width = (x1 - x0).max(f64::MIN_POSITIVE) / columns as f64;
    let mut out = Vec::with_capacity(4 * columns);
    let mut rest = points;
    while let Some(&(x, _)) = rest.first() {
        let column = ((x - x0) / width).floor();
        let n = rest
            .iter()
            .position(|p| ((p.0 - x0) / width).floor() != column)
            .unwrap_or(rest.len());
        let (group, tail) = rest.split_at(n);
        let lowest = group
            .iter()
            .copied()
            .fold(group[0], |m, p| if p.1 < m.1 { p } else { m });
        let highest = group
            .iter()
            .copied()
            .fold(group[0], |m, p| if p.1 > m.1 { p } else { m });
        let mut keep = [group[0], lowest, highest, group[n - 1]];
        sort_small_by(&mut keep, |p, q| p.0 < q.0);
        for p in keep {
            if out.last().is_none_or(|l: &(f64, f64)| l.0 != p.0) {
                out.push(p);
            }
        }
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Anneal;

    #[test]
    fn points_past_the_range_are_left_out_but_for_the_nearest_on_each_side() {
        let v: Vec<(f64, f64)> = (0..20_000)
            .map(|i| (f64::from(i), f64::from(i % 7)))
            .collect();
        let d = decimate(&v, 100.0, 1_000.0, 10);
        assert_eq!(d.first(), Some(&(99.0, 1.0)));
        assert_eq!(d.last(), Some(&(1_001.0, 0.0)));
        assert!(d.len() <= 4 * 12, "{} points", d.len());
        // Few enough in range to keep them all: still only one past each end.
        assert_eq!(decimate(&v, 100.0, 110.0, 10), v[99..=111].to_vec());
        assert_eq!(decimate(&v, 30_000.0, 40_000.0, 10), vec![v[19_999]]);
        assert!(decimate(&[], 0.0, 1.0, 10).is_empty());
    }

    #[test]
    fn a_long_sgdr_horizon_keeps_every_restart_peak_and_floor() {
        let a = Anneal {
            t_0: 1000.0,
            restarts: true,
            t_mult: 1.0,
            eta_min: 0.001,
            ..Anneal::default()
        };
        let pts = envelope(
            |t| a.lr(t),
            |x, y, cap| a.breakpoints(x, y, cap),
            0.0,
            1e6,
            800,
        );
        assert!(pts.len() <= 800 * 4 + 1);
        let max = pts.iter().map(|p| p.1).fold(0.0, f64::max);
        let min = pts.iter().map(|p| p.1).fold(1.0, f64::min);
        assert_eq!(max, 0.1, "restart peaks survive decimation");
        assert!(min < 0.001 + 1e-9, "troughs survive decimation: {min}");
        assert!(
            pts.windows(2).all(|w| w[0].0 < w[1].0),
            "x strictly increases"
        );
    }
}
