//! The basin-outcome maps: each start cell coloured by the minimum its run ends in.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::Theme;

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
/// it diverged, background where not computed yet).
pub fn draw_basin_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &crate::landscape::BasinMap,
    contender: usize,
    title: &str,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let font = |size: f64| ("sans-serif", size * scale.max(0.5)).into_font();
    area.fill(&theme.background)?;
    let side = map.side.max(1) as i32;
    let cells = &map.cells[contender];
    let minima = map.surface().minima();
    let mut ctx = ChartBuilder::on(area)
        .caption(title, font(13.0).color(&theme.text))
        .margin((4.0 * scale) as u32)
        .build_cartesian_2d(0..side, 0..side)?;
    ctx.draw_series(cells.iter().enumerate().map(|(k, b)| {
        let (i, j) = ((k as i32) % side, (k as i32) / side);
        let color = match b {
            Some(m) => basin_color(*m, minima[*m].global),
            None => theme.marker,
        };
        Rectangle::new([(i, side - j), (i + 1, side - j - 1)], color.filled())
    }))?;
    area.present()
}
