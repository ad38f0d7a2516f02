//! The basin-outcome maps: each start cell coloured by the minimum its run ends in.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{tick_label, Theme};

/// Colours for minima in basin maps: globals first in greens, locals in other hues.
pub fn basin_color(index: usize, global: bool) -> RGBColor {
    const GLOBAL: [RGBColor; 4] = [
        RGBColor(46, 160, 67),
        RGBColor(26, 127, 55),
        RGBColor(87, 196, 107),
        RGBColor(17, 99, 41),
    ];
    const LOCAL: [RGBColor; 6] = [
        RGBColor(230, 126, 34),
        RGBColor(142, 68, 173),
        RGBColor(192, 57, 43),
        RGBColor(41, 128, 185),
        RGBColor(241, 196, 15),
        RGBColor(127, 140, 141),
    ];
    if global {
        GLOBAL[index % GLOBAL.len()]
    } else {
        LOCAL[index % LOCAL.len()]
    }
}

/// A basin-outcome map: each start cell coloured by the minimum its run ended in (grey where
/// it diverged, background where not computed yet), on the surface's axes, with the lab's start
/// marked.
pub fn draw_basin_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &crate::landscape::BasinMap,
    contender: usize,
    title: &str,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale.max(0.5)).round() as u32;
    let font = |size: f64| super::sans(size * scale.max(0.5));
    area.fill(&theme.background)?;
    let side = map.side.max(1);
    let cells = &map.cells[contender];
    let surface = map.surface();
    let minima = surface.minima();
    let (xs, ys) = surface.domain();
    let mut ctx = ChartBuilder::on(area)
        .caption(title, font(13.0).color(&theme.text))
        .margin(px(4.0))
        .x_label_area_size(px(18.0))
        .y_label_area_size(px(26.0))
        .build_cartesian_2d(xs[0]..xs[1], ys[0]..ys[1])?;
    let (cw, ch) = ((xs[1] - xs[0]) / side as f64, (ys[1] - ys[0]) / side as f64);
    ctx.draw_series(cells.iter().enumerate().map(|(k, b)| {
        let (i, j) = ((k % side) as f64, (k / side) as f64);
        let color = match b {
            Some(m) => basin_color(*m, minima[*m].global),
            None => theme.marker,
        };
        // Row j counts down from the top, as BasinMap::start lays the starts out.
        let (x, y) = (xs[0] + i * cw, ys[1] - j * ch);
        Rectangle::new([(x, y), (x + cw, y - ch)], color.filled())
    }))?;
    ctx.configure_mesh()
        .disable_mesh()
        .x_labels(5)
        .y_labels(5)
        .label_style(font(10.0).color(&theme.text))
        .axis_style(theme.axis.stroke_width(px(1.0)))
        .set_all_tick_mark_size(px(3.0))
        .x_label_formatter(&|v| tick_label(*v))
        .y_label_formatter(&|v| tick_label(*v))
        .draw()?;
    let start = map.lab_start();
    let at = ctx.backend_coord(&(start[0], start[1]));
    area.draw(&Circle::new(at, px(5.0), WHITE.stroke_width(px(2.0))))?;
    area.draw(&Circle::new(
        at,
        px(7.0),
        BLACK.mix(0.6).stroke_width(px(1.0)),
    ))?;
    area.present()
}
