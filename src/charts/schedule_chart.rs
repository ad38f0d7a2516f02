//! The learning-rate-over-time chart.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::Theme;
use crate::share::{format_value, round_significant};

/// What a schedule chart shows.
#[derive(Clone, Copy, Debug)]
pub struct ScheduleChart<'a> {
    /// Caption above the plot.
    pub title: &'a str,
    /// Name of the x-axis unit ("step" or "epoch").
    pub x_label: &'a str,
    /// The right end of the x-axis.
    pub x_max: f64,
    /// The curve as (t, η) points in increasing t.
    pub series: &'a [(f64, f64)],
}

/// A tick label: a few significant digits, so float noise like 0.060000000000000005 never shows.
pub fn tick_label(v: f64) -> String {
    format_value(round_significant(v, 6))
}

/// The top of the y-axis: a little headroom above the highest finite value.
fn y_top(series: &[(f64, f64)]) -> f64 {
    let max = series
        .iter()
        .map(|&(_, y)| y)
        .filter(|y| y.is_finite())
        .fold(0.0_f64, f64::max);
    if max > 0.0 {
        max * 1.08
    } else {
        1e-3
    }
}

/// Draws `chart` onto `area`, filling it completely.
pub fn draw_schedule<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ScheduleChart,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&theme.background)?;
    let x_max = if chart.x_max > 0.0 { chart.x_max } else { 1.0 };
    let mut ctx = ChartBuilder::on(area)
        .caption(
            chart.title,
            ("sans-serif", 18).into_font().color(&theme.text),
        )
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(72)
        .build_cartesian_2d(0.0..x_max, 0.0..y_top(chart.series))?;
    ctx.configure_mesh()
        .x_desc(chart.x_label)
        .y_desc("learning rate η")
        .axis_desc_style(("sans-serif", 14).into_font().color(&theme.text))
        .label_style(("sans-serif", 12).into_font().color(&theme.text))
        .axis_style(theme.axis)
        .bold_line_style(theme.grid)
        .light_line_style(theme.grid_light)
        .x_label_formatter(&|x| tick_label(*x))
        .y_label_formatter(&|y| tick_label(*y))
        .draw()?;
    let points = chart.series.iter().copied().filter(|(_, y)| y.is_finite());
    ctx.draw_series(LineSeries::new(points, theme.curve.stroke_width(2)))?;
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg_of(chart: &ScheduleChart) -> String {
        let mut out = String::new();
        {
            let area = SVGBackend::with_string(&mut out, (640, 360)).into_drawing_area();
            draw_schedule(&area, chart, &Theme::LIGHT).expect("draws");
        }
        out
    }

    #[test]
    fn chart_has_title_axis_names_and_the_curve() {
        let series: Vec<(f64, f64)> = (0..=100)
            .map(|t| (t as f64, 0.1 - t as f64 * 1e-3))
            .collect();
        let svg = svg_of(&ScheduleChart {
            title: "Cosine annealing",
            x_label: "step",
            x_max: 100.0,
            series: &series,
        });
        assert!(svg.contains("Cosine annealing"));
        assert!(svg.contains("learning rate η"));
        assert!(svg.lines().any(|l| l.trim() == "step"), "x-axis name");
        assert!(
            svg.contains("<polyline"),
            "the curve is drawn as a polyline"
        );
    }

    #[test]
    fn tick_labels_hide_float_noise() {
        assert_eq!(tick_label(0.060000000000000005), "0.06");
        assert_eq!(tick_label(0.0), "0");
        assert_eq!(tick_label(2e-5), "2e-5");
    }

    #[test]
    fn an_empty_or_flat_zero_series_still_draws() {
        let svg = svg_of(&ScheduleChart {
            title: "empty",
            x_label: "step",
            x_max: 0.0,
            series: &[],
        });
        assert!(svg.contains("empty"));
        let zeros = [(0.0, 0.0), (1.0, 0.0)];
        let svg = svg_of(&ScheduleChart {
            title: "zeros",
            x_label: "step",
            x_max: 1.0,
            series: &zeros,
        });
        assert!(svg.contains("<polyline"));
    }
}
