//! The canvas backend for plotters, with text measured by the canvas itself; charts are drawn
//! on a recording and replayed here ([`paint`]).
//!
//! plotters measures text in the browser by appending a `<span>` to the page, reading its
//! `offsetWidth`/`offsetHeight` and removing it: one forced layout of the whole page per
//! label, dozens per chart. On this page that was most of a redraw's cost. `measureText`
//! needs no layout.
//!
//! Filled rectangles are drawn here too, setting `fillStyle` only when the colour changes:
//! plotters formats and sends a colour string per rectangle, and a heatmap has thousands, which
//! are put as one image instead ([`tiles`]).

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::charts::{is_tile, record, replay_op, tiles, Font, Op, Recording, Stroke, MIN_TILES};

/// Line height of a label as a multiple of its font size (a browser's `normal` for sans-serif).
const LINE_HEIGHT: f64 = 1.2;

/// Most label widths kept (then the table starts again).
const MEASURED: usize = 256;

/// The canvas `font` for a label: one writer, so a label is measured in the font it is drawn in.
fn css_font(style: FontStyle, size: f64, family: &str) -> String {
    format!("{} {size}px {family}", style.as_str())
}

/// `text`'s size in `f`, as `context` lays it out. Widths are kept by font and text: a redraw
/// asks again for the same few dozen labels, and each `measureText` first parses its font. The
/// page's fonts are the system's (no web font loads later), so a width holds.
fn measure(context: &CanvasRenderingContext2d, text: &str, f: &Font) -> (u32, u32) {
    thread_local! {
        static SIZES: RefCell<Vec<(String, String, u32)>> = const { RefCell::new(Vec::new()) };
    }
    let font = css_font(f.style, f.size, &f.family);
    let width = SIZES.with_borrow_mut(|sizes| {
        if let Some(&(_, _, w)) = sizes.iter().find(|(g, t, _)| *g == font && t == text) {
            return w;
        }
        context.set_font(&font);
        let w = context.measure_text(text).map_or(0.0, |m| m.width()).ceil() as u32;
        if sizes.len() >= MEASURED {
            sizes.clear();
        }
        sizes.push((font, text.to_owned(), w));
        w
    });
    (width, (f.size * LINE_HEIGHT).ceil() as u32)
}

/// Draws on `canvas` what `draw` draws on a recording of its size (so every chart is compiled
/// for the recording alone), and returns what `draw` returns; `None` without a 2D context.
pub fn paint<T>(
    canvas: &HtmlCanvasElement,
    draw: impl FnOnce(&DrawingArea<Recording, Shift>) -> T,
) -> Option<T> {
    let mut backend = Canvas::new(canvas)?;
    let context = backend.context.clone();
    let (ops, out) = record(backend.get_size(), &|t, f| measure(&context, t, f), draw);
    backend.replay(&ops).ok()?;
    Some(out)
}

/// What `draw` draws on a recording of `size`, with labels measured by a canvas of the page.
pub fn recorded<T>(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<Recording, Shift>) -> T,
) -> Option<(Vec<Op>, T)> {
    let canvas: HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    Some(record(size, &|t, f| measure(&context, t, f), draw))
}

/// [`CanvasBackend`] for `canvas`, but measuring text with `measureText`.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The `fillStyle` this wrapper last set, while nothing else can have changed it.
    fill: Option<BackendColor>,
    /// The label font, alignment and baseline this wrapper last set.
    text: Option<TextState>,
}

/// What a label sets on the context besides its colour.
#[derive(Clone)]
struct TextState {
    font: String,
    align: &'static str,
    baseline: &'static str,
}

fn same(a: BackendColor, b: BackendColor) -> bool {
    a.rgb == b.rgb && a.alpha == b.alpha
}

/// `color` as the canvas reads a style: `rgba(r,g,b,a)`, as plotters writes it.
fn css(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

impl Canvas {
    /// The backend for `canvas`, or `None` when it has no 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Self {
            inner: CanvasBackend::with_canvas_object(canvas.clone())?,
            context,
            fill: None,
            text: None,
        })
    }
}

type Failure = DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>;

/// Most points stroked as one canvas path when consecutive paths of one style are merged: as
/// many as one piece of a lab run has (`charts::path_pieces`), which Skia strokes quickly.
const MERGED_POINTS: usize = 64;

impl Canvas {
    /// Draws `ops` in order, stroking runs of consecutive paths of one style (a lab run cut
    /// into pieces, thousands of two- and three-point ones where it retraces itself) as
    /// canvas paths of up to [`MERGED_POINTS`] points: plotters sets the colour, as a string
    /// the canvas parses, and strokes once per path. Where merged pieces overlap, a translucent
    /// colour blends once, as within one stroked line.
    fn replay(&mut self, ops: &[Op]) -> Result<(), Failure> {
        let mut i = 0;
        while i < ops.len() {
            // A run of cells is looked at once: as one image when it is long enough and one
            // covered block, otherwise one by one.
            let cells = ops[i..].iter().take_while(|op| is_tile(op)).count();
            if cells > 0 {
                let run = &ops[i..i + cells];
                if cells < MIN_TILES || !self.put_tiles(run) {
                    for op in run {
                        replay_op(op, self)?;
                    }
                }
                i += cells;
                continue;
            }
            let Op::Path(_, style) = &ops[i] else {
                replay_op(&ops[i], self)?;
                i += 1;
                continue;
            };
            let mut points = 0;
            let run: Vec<&[BackendCoord]> = ops[i..]
                .iter()
                .map_while(|op| match op {
                    Op::Path(p, s) if same(s.color, style.color) && s.width == style.width => {
                        Some(p.as_slice())
                    }
                    _ => None,
                })
                .take_while(|p| {
                    points += p.len();
                    points <= MERGED_POINTS || points == p.len()
                })
                .collect();
            i += run.len();
            self.stroke_paths(&run, style);
        }
        self.present()
    }

    /// Puts the opaque filled rectangles `cells` as one image; false if they are not one
    /// covered block or the canvas refuses the image (then they are drawn one by one).
    fn put_tiles(&self, cells: &[Op]) -> bool {
        let Some(t) = tiles(cells, self.get_size()) else {
            return false;
        };
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(&t.rgba), t.width, t.height)
            .and_then(|image| {
                let at = (f64::from(t.left), f64::from(t.top));
                self.context.put_image_data(&image, at.0, at.1)
            })
            .is_ok()
    }

    /// Sets `fillStyle` to `color` unless this wrapper last set it so.
    fn fill_style(&mut self, color: BackendColor) {
        if !self.fill.is_some_and(|f| same(f, color)) {
            self.context.set_fill_style_str(&css(color));
            self.fill = Some(color);
        }
    }

    /// Strokes `paths` as one canvas path in `style`.
    fn stroke_paths(&mut self, paths: &[&[BackendCoord]], style: &Stroke) {
        let color = style.color;
        if color.alpha == 0.0 {
            return;
        }
        self.context.set_stroke_style_str(&css(color));
        self.context.set_line_width(f64::from(style.width));
        self.context.begin_path();
        for path in paths {
            if let Some((first, rest)) = path.split_first() {
                self.context.move_to(f64::from(first.0), f64::from(first.1));
                for p in rest {
                    self.context.line_to(f64::from(p.0), f64::from(p.1));
                }
            }
        }
        self.context.stroke();
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Failure> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Failure> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failure> {
        self.fill = None;
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failure> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let color = style.color();
        if !fill || color.alpha == 0.0 {
            return self.inner.draw_rect(upper_left, bottom_right, style, fill);
        }
        self.fill_style(color);
        self.context.fill_rect(
            f64::from(upper_left.0),
            f64::from(upper_left.1),
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        self.fill = None;
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failure> {
        self.fill = None;
        self.inner.fill_polygon(vert, style)
    }

    /// As plotters' canvas draws a label, but setting the font, alignment and colour only when
    /// they change: the canvas parses each font string it is given, label after label.
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let quarter_turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        self.fill_style(color);
        // A rotated label sets its font inside save/restore, which puts the one before back
        // (its colour is set before the save, so it stays).
        let before = (quarter_turns != 0.0).then(|| self.text.clone());
        let c = &self.context;
        let (x, y) = if before.is_none() {
            (f64::from(pos.0), f64::from(pos.1))
        } else {
            c.save();
            // These two and fillText never throw (they ignore non-finite arguments).
            let _ = c.translate(f64::from(pos.0), f64::from(pos.1));
            let _ = c.rotate(quarter_turns * std::f64::consts::FRAC_PI_2);
            (0.0, 0.0)
        };
        let anchor = style.anchor();
        let state = TextState {
            font: css_font(style.style(), style.size(), style.family().as_str()),
            align: match anchor.h_pos {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "center",
            },
            baseline: match anchor.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            },
        };
        let was = self.text.take();
        if was.as_ref().is_none_or(|w| w.font != state.font) {
            c.set_font(&state.font);
        }
        if was.as_ref().is_none_or(|w| w.align != state.align) {
            c.set_text_align(state.align);
        }
        if was.as_ref().is_none_or(|w| w.baseline != state.baseline) {
            c.set_text_baseline(state.baseline);
        }
        self.text = Some(state);
        let _ = c.fill_text(text, x, y);
        if let Some(before) = before {
            c.restore();
            self.text = before;
        }
        Ok(())
    }
}
