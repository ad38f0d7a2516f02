//! The loss surface as a banded heatmap with its minima, and optimizer paths drawn over it.
//!
//! Two layers, so the browser can cache the heatmap on one canvas and redraw only the paths
//! on another: [`draw_surface`] and [`draw_paths`]. An export draws both on one area.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::path_pieces::{drawn_length, pieces, px_round, DENSE_LENGTH};
use super::{tick_label, Theme};
use crate::landscape::{Heatmap, Point, Surface};

/// Band colours from low to high values (viridis, 16 steps): dark basins, bright walls.
pub const PALETTE: [RGBColor; 16] = [
    RGBColor(68, 1, 84),
    RGBColor(72, 26, 108),
    RGBColor(71, 47, 125),
    RGBColor(65, 68, 135),
    RGBColor(57, 86, 140),
    RGBColor(49, 104, 142),
    RGBColor(42, 120, 142),
    RGBColor(35, 136, 142),
    RGBColor(31, 152, 139),
    RGBColor(34, 168, 132),
    RGBColor(53, 183, 121),
    RGBColor(84, 197, 104),
    RGBColor(122, 209, 81),
    RGBColor(165, 219, 54),
    RGBColor(210, 226, 27),
    RGBColor(253, 231, 37),
];

/// Where the surface's domain sits on the backend, to map points to pixels and back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Backend x of the domain's left edge.
    pub left: i32,
    /// Backend x of the right edge.
    pub right: i32,
    /// Backend y of the top edge (largest y).
    pub top: i32,
    /// Backend y of the bottom edge.
    pub bottom: i32,
    /// Domain x range.
    pub xs: [f64; 2],
    /// Domain y range.
    pub ys: [f64; 2],
    /// The surface drawn, whose minima the paths' layer labels.
    pub surface: Surface,
}

impl Frame {
    /// Backend pixel of the point `p`.
    pub fn to_px(&self, p: Point) -> (f64, f64) {
        let fx = (p[0] - self.xs[0]) / (self.xs[1] - self.xs[0]);
        let fy = (p[1] - self.ys[0]) / (self.ys[1] - self.ys[0]);
        (
            f64::from(self.left) + fx * f64::from(self.right - self.left),
            f64::from(self.bottom) - fy * f64::from(self.bottom - self.top),
        )
    }

    /// The point under backend pixel (x, y), clamped to the domain.
    pub fn to_point(&self, x: f64, y: f64) -> Point {
        let fx = ((x - f64::from(self.left)) / f64::from((self.right - self.left).max(1)))
            .clamp(0.0, 1.0);
        let fy = ((f64::from(self.bottom) - y) / f64::from((self.bottom - self.top).max(1)))
            .clamp(0.0, 1.0);
        [
            self.xs[0] + fx * (self.xs[1] - self.xs[0]),
            self.ys[0] + fy * (self.ys[1] - self.ys[0]),
        ]
    }
}

/// The colour of contour band `level` of `levels`, spread over [`PALETTE`].
pub(super) fn band_color(level: usize, levels: usize) -> RGBColor {
    let top = levels.max(2) - 1;
    PALETTE[(level as f64 / top as f64 * (PALETTE.len() - 1) as f64).round() as usize]
}

/// The heatmap, axes, and the known minima (global filled, local hollow).
pub fn draw_surface<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    heat: &Heatmap,
    theme: &Theme,
    scale: f64,
) -> Result<Frame, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale.max(0.5)).round() as u32;
    let font = |size: f64| super::sans(size * scale.max(0.5));
    area.fill(&theme.background)?;
    let surface = heat.surface;
    let (xs, ys) = surface.domain();
    let mut ctx = ChartBuilder::on(area)
        .caption(surface.label(), font(16.0).color(&theme.text))
        .margin(px(10.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(44.0))
        .build_cartesian_2d(xs[0]..xs[1], ys[0]..ys[1])?;
    let (cw, ch) = (
        (xs[1] - xs[0]) / heat.cols as f64,
        (ys[1] - ys[0]) / heat.rows as f64,
    );
    // Band by band, so a backend that sets its colour only on change sets it once per band.
    let n = usize::from(heat.levels.max(2));
    for level in 0..n {
        let color = band_color(level, n);
        ctx.draw_series(heat.runs().filter(|r| usize::from(r.3) == level).map(
            |(j, i, len, _)| {
                let x = xs[0] + i as f64 * cw;
                let y = ys[1] - j as f64 * ch;
                Rectangle::new([(x, y), (x + len as f64 * cw, y - ch)], color.filled())
            },
        ))?;
    }
    ctx.configure_mesh()
        .disable_mesh()
        .x_desc("x")
        .y_desc("y")
        .axis_desc_style(font(13.0).color(&theme.text))
        .label_style(font(11.0).color(&theme.text))
        .axis_style(theme.axis.stroke_width(px(1.0)))
        .set_all_tick_mark_size(px(5.0))
        .x_label_formatter(&|v| tick_label(*v))
        .y_label_formatter(&|v| tick_label(*v))
        .draw()?;
    for m in surface.minima() {
        let r = px(if m.global { 6.0 } else { 5.0 });
        let style = if m.global {
            RGBColor(255, 255, 255).filled()
        } else {
            RGBColor(255, 255, 255).stroke_width(px(2.0))
        };
        ctx.draw_series(std::iter::once(Circle::new((m.at[0], m.at[1]), r, style)))?;
    }
    let (rx, ry) = ctx.plotting_area().get_pixel_range();
    // No `present()`: an export draws the paths on the same area next (the SVG backend would
    // close its document); every backend presents when the area is dropped.
    Ok(Frame {
        left: rx.start,
        right: rx.end,
        top: ry.start,
        bottom: ry.end,
        xs,
        ys,
        surface,
    })
}

/// One optimizer path as drawn.
#[derive(Clone, Copy, Debug)]
pub struct PathView<'a> {
    /// Every point of the run.
    pub points: &'a [Point],
    /// Line colour.
    pub color: RGBColor,
    /// Legend text.
    pub label: &'a str,
    /// Path indices of the cycle-end snapshots.
    pub snapshots: &'a [usize],
}

/// The paths up to path index `cursor` (solid, with the current position as a dot), the rest
/// faint, snapshot markers, the start ring and a legend. Draws nothing outside the frame.
pub fn draw_paths<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    paths: &[PathView],
    cursor: usize,
    start: Point,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale.max(0.5)).round() as u32;
    let font = |size: f64| super::sans(size * scale.max(0.5));
    let white = RGBColor(255, 255, 255);
    for path in paths {
        if path.points.is_empty() {
            continue;
        }
        let upto = cursor.min(path.points.len() - 1);
        let done = pieces(frame, &path.points[..=upto]);
        let rest = pieces(frame, &path.points[upto..]);
        // Judged on the whole path (each half skips its own retraced segments), so the line
        // keeps its width while playback moves the cursor.
        let whole = if upto + 1 == path.points.len() {
            drawn_length(&done)
        } else {
            drawn_length(&pieces(frame, path.points))
        };
        let dense = whole > DENSE_LENGTH * scale.max(0.5);
        // One device pixel up to 3× screens; exports at 4× get half a CSS pixel.
        let width = |w: f64| {
            if dense {
                ((0.5 * scale).floor() as u32).max(1)
            } else {
                px(w)
            }
        };
        let (faint, solid) = (path.color.mix(0.3), path.color);
        for piece in rest {
            area.draw(&PathElement::new(piece, faint.stroke_width(width(1.5))))?;
        }
        for piece in done {
            area.draw(&PathElement::new(piece, solid.stroke_width(width(2.0))))?;
        }
        let inside = |i: usize| Some(frame.to_px(path.points[i])).filter(|p| frame.contains(*p));
        for at in path
            .snapshots
            .iter()
            .filter(|&&s| s <= upto && s < path.points.len())
            .filter_map(|&s| inside(s))
        {
            let c = px_round(at);
            let r = px(5.0) as i32;
            area.draw(&Rectangle::new(
                [(c.0 - r, c.1 - r), (c.0 + r, c.1 + r)],
                path.color.stroke_width(px(2.0)),
            ))?;
        }
    }
    // Every run's position over every path, so a run that stays put is not hidden under the
    // others' lines and snapshots.
    for path in paths.iter().filter(|p| !p.points.is_empty()) {
        let at = frame.to_px(path.points[cursor.min(path.points.len() - 1)]);
        if frame.contains(at) {
            let c = px_round(at);
            area.draw(&Circle::new(c, px(6.0), white.filled()))?;
            area.draw(&Circle::new(c, px(4.5), path.color.filled()))?;
        }
    }
    let (sx, sy) = frame.to_px(start);
    let s = (sx.round() as i32, sy.round() as i32);
    area.draw(&Circle::new(s, px(8.0), white.stroke_width(px(2.0))))?;
    area.draw(&Circle::new(
        s,
        px(10.0),
        RGBColor(0, 0, 0).mix(0.6).stroke_width(px(1.0)),
    ))?;
    // The minima's labels last, on a dark box above each minimum (below it, or a row further
    // out, where a neighbour's label already sits, and without λ where none has room), kept
    // inside the plot, so no marker or other label covers them.
    let line_h = px(18.0) as i32;
    let (lx, mut ly) = legend_corner(frame, paths, start, (px(154.0), line_h), px);
    let row = |y: i32| {
        [
            lx - px(4.0) as i32,
            y - px(9.0) as i32,
            lx + px(150.0) as i32,
            y + px(9.0) as i32,
        ]
    };
    let minima = frame.surface.minima();
    // The legend's corner is taken first, so on a small surface no label hides under it.
    let mut boxes: Vec<[i32; 4]> = Vec::new();
    if !paths.is_empty() {
        let last = row(ly + line_h * (paths.len() as i32 - 1));
        boxes.push([last[0], row(ly)[1], last[2], last[3]]);
    }
    let style = font(11.0).color(&white);
    for m in minima.iter().filter(|_| minima.len() <= 6) {
        let (value, curvature) = m.shown();
        let short = format!("{} {value}", if m.global { "global" } else { "local" });
        let full = format!("{short}, λ {curvature}");
        let c = px_round(frame.to_px(m.at));
        // A box's size: the text's, with room around it.
        let size = |text: &str| {
            area.estimate_text_size(text, &style)
                .map(|(w, h)| (w as i32 + px(6.0) as i32, h as i32 + px(2.0) as i32))
        };
        let sizes = [size(&full)?, size(&short)?];
        let (shorter, b) = label_box(c, sizes, px(10.0) as i32, frame, &boxes);
        let text = if shorter { short } else { full };
        boxes.push(b);
        area.draw(&Rectangle::new(
            [(b[0], b[1]), (b[2], b[3])],
            RGBColor(0, 0, 0).mix(0.55).filled(),
        ))?;
        area.draw(&Text::new(
            text,
            (b[0] + px(3.0) as i32, b[1] + px(1.0) as i32),
            style.clone(),
        ))?;
    }
    for path in paths {
        let b = row(ly);
        area.draw(&Rectangle::new(
            [(b[0], b[1]), (b[2], b[3])],
            RGBColor(0, 0, 0).mix(0.45).filled(),
        ))?;
        area.draw(&PathElement::new(
            vec![(lx, ly), (lx + px(18.0) as i32, ly)],
            path.color.stroke_width(px(3.0)),
        ))?;
        area.draw(&Text::new(
            path.label.to_string(),
            (lx + px(24.0) as i32, ly - px(6.0) as i32),
            font(12.0).color(&white),
        ))?;
        ly += line_h;
    }
    Ok(())
}

/// The first row's swatch position of the legend (`size`: its width and line height) in the
/// plot's corner that hides least: the start ring, then the minima, then the whole paths (so
/// it stays put during playback; the top left on a tie). On a small surface a fixed corner hid
/// the start or a label.
fn legend_corner(
    frame: &Frame,
    paths: &[PathView],
    start: Point,
    (w, line): (u32, i32),
    px: impl Fn(f64) -> u32,
) -> (i32, i32) {
    let (w, h) = (w as i32, line * paths.len() as i32);
    let (inset, swatch) = (px(6.0) as i32, (px(4.0) as i32, px(9.0) as i32));
    let corners = [
        (frame.left + inset, frame.top + inset),
        (frame.right - inset - w, frame.top + inset),
        (frame.left + inset, frame.bottom - inset - h),
        (frame.right - inset - w, frame.bottom - inset - h),
    ];
    let hidden = |(x, y): (i32, i32)| {
        let inside = |p: Point| {
            let (px_, py) = frame.to_px(p);
            (f64::from(x)..=f64::from(x + w)).contains(&px_)
                && (f64::from(y)..=f64::from(y + h)).contains(&py)
        };
        let drawn: usize = paths
            .iter()
            .map(|p| {
                let stride = (p.points.len() / 2_000).max(1);
                p.points
                    .iter()
                    .step_by(stride)
                    .filter(|q| inside(**q))
                    .count()
            })
            .sum();
        let minima = frame
            .surface
            .minima()
            .iter()
            .filter(|m| inside(m.at))
            .count();
        usize::from(inside(start)) * 1_000_000 + minima * 10_000 + drawn
    };
    let (x, y) = corners
        .into_iter()
        .min_by_key(|&c| hidden(c))
        .unwrap_or(corners[0]);
    (x + swatch.0, y + swatch.1)
}

/// Where a minimum's label goes, for the marker at `c` and the boxes of its full and short
/// texts: `gap` above it, below it, then a row further out, moved inside the plot, in the
/// first spot no label in `taken` covers; the short text (no λ) only where the full one has
/// none. Whether the short text is used, and its box. One copy for every backend (it is not
/// generic).
fn label_box(
    c: (i32, i32),
    sizes: [(i32, i32); 2],
    gap: i32,
    frame: &Frame,
    taken: &[[i32; 4]],
) -> (bool, [i32; 4]) {
    let spots = |(w, h): (i32, i32)| {
        let x0 = (c.0 - w / 2).min(frame.right - w).max(frame.left);
        [
            c.1 - gap - h,
            c.1 + gap,
            c.1 - gap - 2 * h - 2,
            c.1 + gap + h + 2,
        ]
        .map(|top| [x0, top, x0 + w, top + h])
    };
    let clear = |b: &[i32; 4]| {
        !taken
            .iter()
            .any(|o| b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3])
    };
    let full = spots(sizes[0]);
    let found = |spots: [[i32; 4]; 4]| spots.into_iter().find(|b| clear(b));
    match found(full) {
        Some(b) => (false, b),
        None => found(spots(sizes[1])).map_or((false, full[0]), |b| (true, b)),
    }
}
