//! The schedule chart's legend: measured before the curves are drawn, so each curve's points
//! are counted in the four corners it could take as the curve is drawn, then put in the
//! emptiest; or, where a box of it would crowd the plot (a phone comparing five libraries), in
//! rows under the chart. plotters' own legend sizes its labels through the font layer, which in
//! the browser appends a span to the page and forces a layout per label; this asks the backend
//! (the page's canvas measures text without layout).

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

/// Each label's width and the line height of a legend's entries, in pixels: measured once per
/// drawing, for the box or the rows, whichever the legend takes.
pub(super) struct Labels {
    widths: Vec<i32>,
    line: i32,
}

impl Labels {
    /// The labels of `entries` in `style`.
    pub fn measure<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        entries: &[(&str, RGBColor)],
        style: &TextStyle,
    ) -> Result<Self, DrawingAreaErrorKind<DB::ErrorType>> {
        let (mut widths, mut line) = (Vec::with_capacity(entries.len()), 0);
        for (label, _) in entries {
            let (w, h) = area.estimate_text_size(label, style)?;
            widths.push(w as i32);
            line = line.max(h as i32);
        }
        Ok(Self { widths, line })
    }
}

/// Draws one entry: its swatch from `x`, its label after it, centred on `y`.
fn entry<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (label, color): (&str, RGBColor),
    (x, y): (i32, i32),
    style: &TextStyle,
    px: &impl Fn(f64) -> u32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (_, swatch, gap) = spacing(px);
    area.draw(&PathElement::new(
        vec![(x, y), (x + swatch, y)],
        color.stroke_width(px(3.0)),
    ))?;
    let left = style.pos(Pos::new(HPos::Left, VPos::Center));
    area.draw(&Text::new(label.to_string(), (x + swatch + gap, y), left))
}

impl<'a> Legend<'a> {
    /// The legend of `entries` in `plot` (whose top-left is `origin` in the backend's pixels);
    /// `None` with no entry.
    pub fn measure<DB: DrawingBackend>(
        plot: &DrawingArea<DB, Shift>,
        origin: (i32, i32),
        entries: Vec<(&'a str, RGBColor)>,
        labels: &Labels,
        px: impl Fn(f64) -> u32,
    ) -> Option<Self> {
        if entries.is_empty() {
            return None;
        }
        let text_w = labels.widths.iter().copied().max().unwrap_or(0);
        let line = labels.line;
        let (m, swatch, gap) = spacing(&px);
        let (w, h) = (
            2 * m + swatch + gap + text_w,
            2 * m + line * entries.len() as i32,
        );
        let (pw, ph) = plot.dim_in_pixel();
        let (right, bottom) = (pw as i32 - w - m, ph as i32 - h - m);
        Some(Self {
            entries,
            size: (w, h, line),
            corners: [(right, m), (m, m), (right, bottom), (m, bottom)],
            covered: [0; 4],
            origin,
        })
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
        let (m, _, _) = spacing(&px);
        let best = (0..4).min_by_key(|&i| self.covered[i]).unwrap_or(0);
        let (x0, y0) = self.corners[best];
        let corners = [(x0, y0), (x0 + w, y0 + h)];
        plot.draw(&Rectangle::new(corners, theme.background.mix(0.9).filled()))?;
        plot.draw(&Rectangle::new(corners, theme.grid.stroke_width(1)))?;
        for (i, e) in self.entries.iter().enumerate() {
            let y = y0 + m + line * i as i32 + line / 2;
            entry(plot, *e, (x0 + m, y), style, &px)?;
        }
        Ok([x0, y0, x0 + w, y0 + h])
    }
}

/// The legend in rows under the chart, each row centred.
pub(super) struct Strip<'a> {
    entries: Vec<(&'a str, RGBColor)>,
    /// Each row's entries (a range of them) and its width, in pixels.
    rows: Vec<(std::ops::Range<usize>, i32)>,
    /// Each entry's width, in pixels.
    widths: Vec<i32>,
    /// The line height, in pixels.
    line: i32,
}

impl<'a> Strip<'a> {
    /// `entries` in rows across `area`: on a `narrow` chart from three entries on, elsewhere
    /// when a box of them would take more than 40% of a plot `plot_h` pixels tall; `None` when
    /// the box goes in the plot, as it does where the rows would take over a third of it and
    /// the drawing cannot grow by them.
    pub fn measure<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        entries: &[(&'a str, RGBColor)],
        labels: &Labels,
        (narrow, plot_h, grows): (bool, i32, bool),
        px: impl Fn(f64) -> u32,
    ) -> Option<Self> {
        let line = labels.line;
        let (m, swatch, gap) = spacing(&px);
        let crowds = 5 * (2 * m + line * entries.len() as i32) > 2 * plot_h;
        if entries.is_empty() || !(narrow && entries.len() >= 3 || crowds) {
            return None;
        }
        let widths: Vec<i32> = labels.widths.iter().map(|w| swatch + gap + w).collect();
        let room = area.dim_in_pixel().0 as i32 - 2 * m;
        let mut rows: Vec<(std::ops::Range<usize>, i32)> = Vec::new();
        for (i, &w) in widths.iter().enumerate() {
            match rows.last_mut() {
                Some((r, used)) if *used + 2 * m + w <= room => {
                    r.end = i + 1;
                    *used += 2 * m + w;
                }
                _ => rows.push((i..i + 1, w)),
            }
        }
        let strip = Self {
            entries: entries.to_vec(),
            rows,
            widths,
            line,
        };
        // Rows over a third of the plot would leave it too little (a tiny embedded frame):
        // the box then, over the curves.
        (grows || 3 * strip.height(px) as i32 <= plot_h).then_some(strip)
    }

    /// Its height in pixels.
    pub fn height(&self, px: impl Fn(f64) -> u32) -> u32 {
        (self.line * self.rows.len() as i32) as u32 + px(5.0)
    }

    /// Draws it into `area`, the strip under the chart.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &TextStyle,
        px: impl Fn(f64) -> u32,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let (m, _, _) = spacing(&px);
        let width = area.dim_in_pixel().0 as i32;
        for (row, (range, used)) in self.rows.iter().enumerate() {
            let mut x = (width - used) / 2;
            let y = self.line * row as i32 + self.line / 2;
            for i in range.clone() {
                entry(area, self.entries[i], (x, y), style, &px)?;
                x += self.widths[i] + 2 * m;
            }
        }
        Ok(())
    }
}
