//! The schedule chart's legend: measured before the curves are drawn, so each curve's points
//! are counted in the four corners it could take as the curve is drawn, then put in the
//! emptiest. plotters' own legend sizes its labels through the font layer, which in the browser
//! appends a span to the page and forces a layout per label; this asks the backend (the page's
//! canvas measures text without layout).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Theme;

/// A measured legend and how many drawn points each of its corners would cover.
pub(super) struct Legend<'a> {
    entries: Vec<(&'a str, RGBColor)>,
    /// Width, height and line height, in pixels.
    size: (i32, i32, i32),
    /// Its top-left in the plot's pixels in each corner: upper right, upper left, lower right,
    /// lower left (the order ties go in).
    corners: [(i32, i32); 4],
    covered: [usize; 4],
    /// The plot's top-left in the backend's pixels, where the curves are counted.
    origin: (i32, i32),
}

/// The margin, swatch and gap of a legend line, in pixels.
fn spacing(px: &impl Fn(f64) -> u32) -> (i32, i32, i32) {
    (px(5.0) as i32, px(18.0) as i32, px(6.0) as i32)
}

impl<'a> Legend<'a> {
    /// The legend of `entries` in `plot` (whose top-left is `origin` in the backend's pixels);
    /// `None` with no entry.
    pub fn measure<DB: DrawingBackend>(
        plot: &DrawingArea<DB, Shift>,
        origin: (i32, i32),
        entries: Vec<(&'a str, RGBColor)>,
        style: &TextStyle,
        px: impl Fn(f64) -> u32,
    ) -> Result<Option<Self>, DrawingAreaErrorKind<DB::ErrorType>> {
        if entries.is_empty() {
            return Ok(None);
        }
        let (mut text_w, mut line) = (0, 0);
        for (label, _) in &entries {
            let (w, h) = plot.estimate_text_size(label, style)?;
            text_w = text_w.max(w as i32);
            line = line.max(h as i32);
        }
        let (m, swatch, gap) = spacing(&px);
        let (w, h) = (
            2 * m + swatch + gap + text_w,
            2 * m + line * entries.len() as i32,
        );
        let (pw, ph) = plot.dim_in_pixel();
        let (right, bottom) = (pw as i32 - w - m, ph as i32 - h - m);
        Ok(Some(Self {
            entries,
            size: (w, h, line),
            corners: [(right, m), (m, m), (right, bottom), (m, bottom)],
            covered: [0; 4],
            origin,
        }))
    }

    /// Counts the `points` (the backend's pixels) of a curve inside each corner's box.
    pub fn count(&mut self, points: &[(i32, i32)]) {
        let (w, h, _) = self.size;
        for (corner, covered) in self.corners.iter().zip(&mut self.covered) {
            let (x, y) = (corner.0 + self.origin.0, corner.1 + self.origin.1);
            *covered += points
                .iter()
                .filter(|p| (x..=x + w).contains(&p.0) && (y..=y + h).contains(&p.1))
                .count();
        }
    }

    /// Draws the legend in the corner with the fewest points counted; its box in the plot's
    /// pixels.
    pub fn draw<DB: DrawingBackend>(
        self,
        plot: &DrawingArea<DB, Shift>,
        style: &TextStyle,
        theme: &Theme,
        px: impl Fn(f64) -> u32,
    ) -> Result<[i32; 4], DrawingAreaErrorKind<DB::ErrorType>> {
        let (w, h, line) = self.size;
        let (m, swatch, gap) = spacing(&px);
        let best = (0..4).min_by_key(|&i| self.covered[i]).unwrap_or(0);
        let (x0, y0) = self.corners[best];
        let corners = [(x0, y0), (x0 + w, y0 + h)];
        plot.draw(&Rectangle::new(corners, theme.background.mix(0.9).filled()))?;
        plot.draw(&Rectangle::new(corners, theme.grid.stroke_width(1)))?;
        let left = style.pos(Pos::new(HPos::Left, VPos::Center));
        for (i, (label, color)) in self.entries.iter().enumerate() {
            let y = y0 + m + line * i as i32 + line / 2;
            let (sx, tx) = (x0 + m, x0 + m + swatch + gap);
            plot.draw(&PathElement::new(
                vec![(sx, y), (sx + swatch, y)],
                color.stroke_width(px(3.0)),
            ))?;
            plot.draw(&Text::new(label.to_string(), (tx, y), left.clone()))?;
        }
        Ok([x0, y0, x0 + w, y0 + h])
    }
}
