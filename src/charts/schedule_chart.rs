//! Charts over training steps (the learning rate, or the lab's loss): curves, restart markers,
//! warm-up bands, a time cursor, linear or log y.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::legend::{Labels, Legend, Strip};
use super::{dense, secondary_axis, Theme};
use crate::share::{format_value, round_significant};

/// One curve to draw.
#[derive(Clone, Copy, Debug)]
pub struct Curve<'a> {
    /// (x, η) points in increasing x.
    pub points: &'a [(f64, f64)],
    /// Line colour.
    pub color: RGBColor,
    /// Legend text; no legend entry when `None`.
    pub label: Option<&'a str>,
}

/// What a schedule chart shows.
#[derive(Clone, Copy, Debug)]
pub struct ScheduleChart<'a> {
    /// Caption above the plot; empty for none.
    pub title: &'a str,
    /// Name of the x-axis unit ("step" or "epoch").
    pub x_label: &'a str,
    /// Name of the y-axis quantity; " (log)" is appended on a log axis.
    pub y_label: &'a str,
    /// A vertical time cursor at this x.
    pub cursor: Option<f64>,
    /// The right end of the x-axis.
    pub x_max: f64,
    /// The curves, drawn in order (the first on the bottom).
    pub curves: &'a [Curve<'a>],
    /// Curves on a second, right-hand axis (the momentum a scheduler cycles), with its name.
    pub secondary: Option<(&'a str, &'a [Curve<'a>])>,
    /// Restarts: x position and the number of the cycle (or phase) that starts there.
    pub restarts: &'a [(f64, u64)],
    /// Warm-up regions to shade, as x ranges.
    pub warmup_bands: &'a [(f64, f64)],
    /// Logarithmic y-axis.
    pub log_y: bool,
    /// Device pixels per CSS pixel, so text and lines keep their size on high-DPI screens.
    pub scale: f64,
    /// The drawing grows by its legend's rows (a narrow page chart), so they never crowd the
    /// plot; a fixed one (an embed, an export) keeps the box where they would.
    pub grows: bool,
}

/// Where the plot sits on the backend, to map a pointer position back to x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotArea {
    /// Backend x of x = 0.
    pub left: i32,
    /// Backend x of x = x_max.
    pub right: i32,
    /// Backend y of the top edge.
    pub top: i32,
    /// Backend y of the bottom edge.
    pub bottom: i32,
    /// The y-axis range, in plotted units (log10 of η on a log axis).
    pub y_range: (f64, f64),
    /// Whether the y-axis is logarithmic.
    pub log_y: bool,
    /// The legend's box (backend left, top, right, bottom), so a read-out can keep off it.
    pub legend: Option<[i32; 4]>,
    /// Backend pixels the legend takes in rows under the chart (0 when it is in the plot).
    pub strip: u32,
}

/// CSS width under which a chart with three or more legend entries puts them in rows under
/// it: a box of them in the plot of a phone's chart covers most of its curves.
pub const NARROW_CHART: f64 = 560.0;

impl PlotArea {
    /// Backend y of the learning rate `lr`.
    pub fn y_of(&self, lr: f64) -> f64 {
        let (lo, hi) = self.y_range;
        let v = if self.log_y {
            lr.max(10f64.powf(lo)).log10()
        } else {
            lr
        };
        let frac = ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
        f64::from(self.bottom) - frac * f64::from(self.bottom - self.top)
    }
}

/// A tick label: a few significant digits, so float noise like 0.060000000000000005 never shows.
pub fn tick_label(v: f64) -> String {
    format_value(round_significant(v, 6))
}

/// The plotted y range: linear from 0 (or below, for negative values), or decades around the
/// positive values.
fn y_range(chart: &ScheduleChart) -> (f64, f64) {
    let ys = chart
        .curves
        .iter()
        .flat_map(|c| c.points.iter().map(|p| p.1))
        .filter(|y| y.is_finite());
    if chart.log_y {
        let (lo, hi) = ys
            .filter(|y| *y > 0.0)
            .fold((f64::INFINITY, 0.0_f64), |(lo, hi), y| {
                (lo.min(y), hi.max(y))
            });
        if hi <= 0.0 {
            return (-4.0, 0.0);
        }
        // Whole decades, so every tick is a power of ten; at most four below the peak's, so
        // the first steps of a warm-up from 0 (1e-12 of the peak) do not squeeze the run flat.
        let hi = hi.log10().ceil();
        let lo = lo.log10().floor().max(hi - 4.0);
        (lo, if hi - lo < 1.0 { lo + 1.0 } else { hi })
    } else {
        let (min, max) = ys.fold((0.0_f64, 0.0_f64), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let span = max - min;
        if span > 0.0 {
            (
                if min < 0.0 { min - 0.04 * span } else { 0.0 },
                max + 0.08 * span,
            )
        } else {
            (0.0, 1e-3)
        }
    }
}

/// Draws `chart` onto `area`, filling it completely.
pub fn draw_schedule<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ScheduleChart,
    theme: &Theme,
) -> Result<PlotArea, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * chart.scale.max(0.5)).round() as u32;
    let font = |size: f64| super::sans(size * chart.scale.max(0.5));
    area.fill(&theme.background)?;
    let x_max = if chart.x_max > 0.0 { chart.x_max } else { 1.0 };
    let (y_lo, y_hi) = y_range(chart);
    let log_y = chart.log_y;
    let to_y = |y: f64| {
        if log_y {
            y.max(10f64.powf(y_lo)).log10()
        } else {
            y
        }
    };
    let secondary = chart.secondary.filter(|(_, c)| !c.is_empty());
    // A tick label at the right end is centred on it: leave room for half of the widest one.
    let (last_tick, _) = area
        .estimate_text_size(&tick_label(x_max), &font(12.0).into())
        .unwrap_or((0, 0));
    let right = px(14.0).max(last_tick / 2 + px(4.0));
    // The title shrinks (to 10 px at least) rather than run off a narrow chart.
    let (title_w, _) = area
        .estimate_text_size(chart.title, &font(18.0).into())
        .unwrap_or((0, 0));
    let room = f64::from(area.dim_in_pixel().0.saturating_sub(2 * px(14.0)));
    let title_size = if f64::from(title_w) > room && title_w > 0 {
        (18.0 * room / f64::from(title_w)).max(10.0)
    } else {
        18.0
    };
    let entries: Vec<(&str, RGBColor)> = chart
        .curves
        .iter()
        .chain(secondary.into_iter().flat_map(|(_, c)| c.iter()))
        .filter_map(|c| Some((c.label?, c.color)))
        .collect();
    let style = font(12.0).color(&theme.text);
    // A legend that would crowd the plot goes in rows under the chart, which gives up their
    // height. The plot's height, roughly: the area's less the margins, x labels and title.
    let (width, height) = area.dim_in_pixel();
    let narrow = f64::from(width) / chart.scale.max(0.5) < NARROW_CHART;
    let title_h = if chart.title.is_empty() {
        0
    } else {
        px(title_size * 1.5)
    };
    let plot_h = height.saturating_sub(px(28.0) + px(44.0) + title_h) as i32;
    let labels = Labels::measure(area, &entries, &style)?;
    let strip = Strip::measure(area, &entries, &labels, (narrow, plot_h, chart.grows), px);
    let (area, strip_area) = match &strip {
        Some(s) => {
            let (chart_area, below) = area.split_vertically(height.saturating_sub(s.height(px)));
            (chart_area, Some(below))
        }
        None => (area.clone(), None),
    };
    let area = &area;
    let mut builder = ChartBuilder::on(area);
    // An empty title leaves its room to the plot.
    if !chart.title.is_empty() {
        builder.caption(chart.title, font(title_size).color(&theme.text));
    }
    let mut ctx = builder
        .margin(px(14.0))
        .x_label_area_size(px(44.0))
        .y_label_area_size(px(72.0))
        .margin_right(right + px(secondary.map_or(0.0, |_| secondary_axis::WIDTH)))
        .build_cartesian_2d(0.0..x_max, y_lo..y_hi)?;
    ctx.configure_mesh()
        .x_desc(chart.x_label)
        .y_desc(if log_y {
            format!("{} (log)", chart.y_label)
        } else {
            chart.y_label.to_string()
        })
        .axis_desc_style(font(14.0).color(&theme.text))
        .label_style(font(12.0).color(&theme.text))
        // Lines and ticks scale with the drawing, as text does (a 4× SVG had hairline axes).
        .axis_style(theme.axis.stroke_width(px(1.0)))
        .bold_line_style(theme.grid.stroke_width(px(1.0)))
        .light_line_style(theme.grid_light.stroke_width(px(1.0)))
        .set_all_tick_mark_size(px(5.0))
        // About one x label per 90 CSS px, so a small chart's labels do not run together.
        .x_labels(
            (f64::from(area.dim_in_pixel().0) / chart.scale.max(0.5) / 90.0).clamp(3.0, 10.0)
                as usize,
        )
        .y_labels(if log_y {
            (y_hi - y_lo) as usize + 1
        } else {
            10
        })
        .x_label_formatter(&|x| match *x {
            // An axis reaching 1e7 writes every tick as format_value writes its end: 2e6 beside
            // 1e7, not 2000000.
            x if chart.x_max >= 1e7 && x != 0.0 => format!("{:e}", round_significant(x, 6)),
            x => tick_label(x),
        })
        .y_label_formatter(&|y| tick_label(if log_y { 10f64.powf(*y) } else { *y }))
        .draw()?;
    let band = theme.band.mix(0.35).filled();
    ctx.draw_series(
        chart
            .warmup_bands
            .iter()
            .map(|&(a, b)| Rectangle::new([(a.max(0.0), y_lo), (b.min(x_max), y_hi)], band)),
    )?;
    let marker = theme.marker.stroke_width(px(1.0));
    // Where the last cycle number ends: a number that would touch it is left out ("12" for
    // restarts 1 and 2 a few pixels apart), its line kept.
    let mut free_from = i32::MIN;
    for &(x, index) in chart.restarts.iter().filter(|r| r.0 <= x_max) {
        ctx.draw_series(std::iter::once(PathElement::new(
            vec![(x, y_lo), (x, y_hi)],
            marker,
        )))?;
        let label = index.to_string();
        let at = ctx.backend_coord(&(x, y_hi)).0;
        if at >= free_from {
            free_from = at + px(7.0 * label.len() as f64 + 4.0) as i32;
            ctx.draw_series(std::iter::once(Text::new(
                label,
                (x, y_hi),
                font(11.0).color(&theme.marker),
            )))?;
        }
    }
    let (xs, ys) = ctx.plotting_area().get_pixel_range();
    let plot = ctx.plotting_area().strip_coord_spec();
    // Measured first, so each curve is counted in its corners as it is drawn.
    let mut legend = match strip {
        Some(_) => None,
        None => Legend::measure(&plot, (xs.start, ys.start), entries, &labels, px),
    };
    for curve in chart.curves {
        let points: Vec<(f64, f64)> = curve
            .points
            .iter()
            .filter(|p| p.1.is_finite())
            .map(|&(x, y)| (x, to_y(y)))
            .collect();
        let line: Vec<(i32, i32)> = points.iter().map(|p| ctx.backend_coord(p)).collect();
        let width = if dense::dense(&line, (xs.start, xs.end)) {
            1
        } else {
            px(2.0)
        };
        ctx.draw_series(LineSeries::new(points, curve.color.stroke_width(width)))?;
        if let Some(legend) = legend.as_mut() {
            legend.count(&line);
        }
    }
    if let Some(x) = chart.cursor.filter(|x| (0.0..=x_max).contains(x)) {
        ctx.draw_series(std::iter::once(PathElement::new(
            vec![(x, y_lo), (x, y_hi)],
            theme.text.stroke_width(px(1.0)),
        )))?;
    }
    if let Some((name, curves)) = secondary {
        secondary_axis::draw(
            area,
            &mut ctx,
            (y_lo, y_hi),
            name,
            curves,
            theme,
            chart.scale,
        )?;
    }
    if let (Some(strip), Some(below)) = (&strip, &strip_area) {
        strip.draw(below, &style, px)?;
    }
    let legend = match legend {
        Some(legend) => {
            let [l, t, r, b] = legend.draw(&plot, &style, theme, px)?;
            Some([xs.start + l, ys.start + t, xs.start + r, ys.start + b])
        }
        None => None,
    };
    area.present()?;
    Ok(PlotArea {
        left: xs.start,
        right: xs.end,
        top: ys.start,
        bottom: ys.end,
        y_range: (y_lo, y_hi),
        log_y,
        legend,
        strip: strip.map_or(0, |s| s.height(px)),
    })
}

#[cfg(test)]
mod tests;
