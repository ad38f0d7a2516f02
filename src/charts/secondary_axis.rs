//! A second y-axis on the right of a schedule chart, for a quantity on another scale than the
//! learning rate (the momentum OneCycleLR and CyclicLR cycle inversely to it), drawn in the
//! chart's right margin and mapped onto the chart's own coordinates.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::FontTransform;

use super::schedule_chart::{tick_label, Curve};
use super::Theme;

/// Room the axis takes right of the plot, in CSS pixels.
pub const WIDTH: f64 = 64.0;

/// The chart the curves are drawn on.
type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The axis's range: the curves' values with a margin, never a zero-height span.
fn range(curves: &[Curve]) -> (f64, f64) {
    let (lo, hi) = curves
        .iter()
        .flat_map(|c| c.points.iter().map(|p| p.1))
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    // A change of a few ulps is flat: it must not fill the plot with noise.
    let size = lo.abs().max(hi.abs()).max(1e-3);
    let pad = if hi - lo > 1e-9 * size {
        0.08 * (hi - lo)
    } else {
        0.05 * size
    };
    (lo - pad, hi + pad)
}

/// Tick values: multiples of 1, 2 or 5 × 10ᵏ, about five across `lo..hi`.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = (hi - lo) / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// One dash: points in data space.
type Dash = Vec<(f64, f64)>;

/// The dashes of a polyline: pieces `on` pixels long with `off`-pixel gaps, in data space.
fn dashes(
    pixel: impl Fn((f64, f64)) -> (f64, f64),
    points: &[(f64, f64)],
    on: f64,
    off: f64,
) -> Vec<Dash> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    // Distance left in the present dash (drawing) or gap (not drawing).
    let (mut left, mut drawing) = (on, true);
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (pa, pb) = (pixel(a), pixel(b));
        let length = (pb.0 - pa.0).hypot(pb.1 - pa.1);
        let mut done = 0.0;
        let at = |f: f64| (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f);
        if drawing && current.is_empty() {
            current.push(a);
        }
        while length - done > left {
            done += left;
            let f = done / length;
            if drawing {
                current.push(at(f));
                out.push(std::mem::take(&mut current));
            } else {
                current.push(at(f));
            }
            drawing = !drawing;
            left = if drawing { on } else { off };
        }
        left -= length - done;
        if drawing {
            current.push(b);
        }
    }
    if current.len() > 1 {
        out.push(current);
    }
    out
}

/// Draws `curves` dashed (so they read as not learning rates) against a right-hand axis named
/// `name` in `area`'s right margin; `y` is the learning-rate axis's plotted range.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &mut Chart<'_, DB>,
    y: (f64, f64),
    name: &str,
    curves: &[Curve],
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| v * scale.max(0.5);
    let font = |size: f64| super::sans(px(size));
    let (lo, hi) = range(curves);
    let on_chart = |m: f64| y.0 + (m - lo) / (hi - lo) * (y.1 - y.0);
    let (xs, ys) = ctx.plotting_area().get_pixel_range();
    let (ox, oy) = area.get_base_pixel();
    let (right, top, bottom) = (xs.end - ox, ys.start - oy, ys.end - oy);
    let backend = |p: (f64, f64)| {
        let (x, y) = ctx.backend_coord(&p);
        (f64::from(x), f64::from(y))
    };
    let dashed: Vec<(Vec<Dash>, RGBColor)> = curves
        .iter()
        .map(|curve| {
            let points: Vec<(f64, f64)> = curve
                .points
                .iter()
                .filter(|p| p.1.is_finite())
                .map(|&(x, m)| (x, on_chart(m)))
                .collect();
            (dashes(backend, &points, px(6.0), px(4.0)), curve.color)
        })
        .collect();
    for (pieces, color) in dashed {
        let style = color.stroke_width(px(2.0).round() as u32);
        ctx.draw_series(pieces.into_iter().map(|d| PathElement::new(d, style)))?;
    }
    let axis = theme.axis.stroke_width(1);
    area.draw(&PathElement::new(vec![(right, top), (right, bottom)], axis))?;
    let label = font(12.0)
        .color(&theme.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let tick = px(5.0) as i32;
    for v in ticks(lo, hi) {
        let at = bottom - ((v - lo) / (hi - lo) * f64::from(bottom - top)).round() as i32;
        area.draw(&PathElement::new(
            vec![(right, at), (right + tick, at)],
            axis,
        ))?;
        area.draw(&Text::new(
            tick_label(v),
            (right + tick + 3, at),
            label.clone(),
        ))?;
    }
    let desc = font(14.0)
        .transform(FontTransform::Rotate90)
        .color(&theme.text)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let x = right + px(WIDTH - 12.0) as i32;
    area.draw(&Text::new(name.to_string(), (x, (top + bottom) / 2), desc))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{draw_schedule, ScheduleChart};

    fn svg_with(secondary: Option<(&str, &[Curve])>) -> (String, f64) {
        let lr: Vec<(f64, f64)> = (0..=100).map(|t| (t as f64, 0.001 * t as f64)).collect();
        let curves = [Curve {
            points: &lr,
            color: Theme::LIGHT.curve,
            label: Some("PyTorch"),
        }];
        let chart = ScheduleChart {
            title: "One cycle",
            x_label: "step",
            y_label: "learning rate η",
            cursor: None,
            x_max: 100.0,
            curves: &curves,
            secondary,
            restarts: &[],
            warmup_bands: &[],
            log_y: false,
            scale: 1.0,
            grows: false,
        };
        let mut out = String::new();
        let right = {
            let area = SVGBackend::with_string(&mut out, (640, 360)).into_drawing_area();
            draw_schedule(&area, &chart, &Theme::LIGHT)
                .expect("draws")
                .right
        };
        (out, f64::from(right))
    }

    #[test]
    fn the_momentum_gets_its_own_labelled_axis_and_a_dashed_line() {
        let m: Vec<(f64, f64)> = (0..=100)
            .map(|t| (t as f64, 0.95 - 0.001 * t as f64))
            .collect();
        let momentum = [Curve {
            points: &m,
            color: RGBColor(238, 76, 44),
            label: Some("PyTorch momentum"),
        }];
        let (plain, plain_right) = svg_with(None);
        let (with, right) = svg_with(Some(("momentum", &momentum)));
        assert!(!plain.contains(">\nmomentum\n<") && with.contains(">\nmomentum\n<"));
        assert!(with.contains("PyTorch momentum"), "in the legend");
        // Ticks of the momentum's own range, 0.85 … 0.95, not the learning rate's.
        assert!(with.contains(">\n0.9\n<"), "a momentum tick");
        assert!(
            right < plain_right - 40.0,
            "room for the axis: {right} vs {plain_right}"
        );
        // Dashed: many short segments in the curve's colour.
        let dashes = with.matches("stroke=\"#EE4C2C\"").count();
        assert!(dashes > 5, "{dashes} dashes");
    }

    #[test]
    fn ticks_are_round_and_dashes_leave_gaps() {
        let t: Vec<String> = ticks(0.842, 0.958).into_iter().map(tick_label).collect();
        assert_eq!(t, ["0.85", "0.9", "0.95"]);
        // A 100 px line from two points: ten 6 px dashes with 4 px gaps, each 6 px long.
        let d = dashes(|p| p, &[(0.0, 0.0), (100.0, 0.0)], 6.0, 4.0);
        assert_eq!(d.len(), 10);
        assert!(d
            .iter()
            .all(|p| (p.last().unwrap().0 - p[0].0 - 6.0).abs() < 1e-9));
        assert_eq!(d[1][0].0, 10.0);
    }

    #[test]
    fn an_empty_or_flat_momentum_still_draws() {
        let flat = [(0.0, 0.9), (100.0, 0.9)];
        let curve = [Curve {
            points: &flat,
            color: RGBColor(1, 2, 3),
            label: None,
        }];
        assert!(svg_with(Some(("momentum", &curve)))
            .0
            .contains(">\nmomentum\n<"));
        assert!(!svg_with(Some(("momentum", &[])))
            .0
            .contains(">\nmomentum\n<"));
    }
}
