//! The landscape's colour scale, for its image downloads: one swatch per contour band, highest
//! at the top, with the loss at a few band edges.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::landscape_chart::band_color;
use super::{tick_label, Theme};
use crate::format::round_significant;
use crate::landscape::Heatmap;

/// Labels the scale shows at most.
const LABELS: usize = 6;

/// Draws `heat`'s colour scale filling `area` (a narrow strip beside the surface).
pub fn draw_colour_scale<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    heat: &Heatmap,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale.max(0.5)).round() as i32;
    area.fill(&theme.background)?;
    let h = area.dim_in_pixel().1 as i32;
    // Level with the surface's plot: below its caption, above its x labels.
    let (top, bottom) = (px(40.0), h - px(46.0));
    let n = usize::from(heat.levels.max(2));
    let edge =
        |level: usize| bottom - ((bottom - top) as f64 * level as f64 / n as f64).round() as i32;
    let (x0, x1) = (px(6.0), px(22.0));
    for level in 0..n {
        let c = band_color(level, n);
        area.draw(&Rectangle::new(
            [(x0, edge(level + 1)), (x1, edge(level))],
            c.filled(),
        ))?;
    }
    let font = super::sans(11.0 * scale.max(0.5)).color(&theme.text);
    let left = font.pos(Pos::new(HPos::Left, VPos::Center));
    let step = n.div_ceil(LABELS).max(1);
    for (level, bound) in heat.bounds.iter().enumerate().step_by(step) {
        let text = tick_label(round_significant(*bound, 3));
        area.draw(&Text::new(text, (x1 + px(4.0), edge(level)), left.clone()))?;
    }
    area.draw(&Text::new(
        "loss",
        (x0, top - px(10.0)),
        font.pos(Pos::new(HPos::Left, VPos::Bottom)),
    ))?;
    Ok(())
}
