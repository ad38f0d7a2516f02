//! A drawing recorded once and replayed onto any backend: the page draws every chart into a
//! [`Recording`], so each chart's code is compiled for this one backend instead of once per
//! backend (canvas, SVG: 6 KiB of the download), then replays the few primitives it holds
//! ([`replay`], or [`super::svg`] for a download).

use std::cell::RefCell;
use std::convert::Infallible;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};

use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle, FontTransform,
};

/// A stroke or fill: colour and line width.
#[derive(Clone, Copy)]
pub struct Stroke {
    /// Colour and opacity.
    pub color: BackendColor,
    /// Line width in pixels.
    pub width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A label's font, owned.
#[derive(Clone)]
pub struct Font {
    /// Colour and opacity.
    pub color: BackendColor,
    /// Size in pixels.
    pub size: f64,
    /// Family, as CSS names it.
    pub family: String,
    /// Normal, bold, italic or oblique.
    pub style: FontStyle,
    /// Which point of the text sits at its position.
    pub anchor: Pos,
    /// Rotation.
    pub transform: FontTransform,
}

impl BackendTextStyle for Font {
    type FontError = Infallible;
    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn transform(&self) -> FontTransform {
        self.transform.clone()
    }
    fn style(&self) -> FontStyle {
        self.style
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(&self.family)
    }
    fn layout_box(&self, _: &str) -> Result<((i32, i32), (i32, i32)), Infallible> {
        Ok(((0, 0), (0, 0)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: BackendCoord,
        _: F,
    ) -> Result<Result<(), E>, Infallible> {
        Ok(Ok(()))
    }
}

/// One drawing primitive.
pub enum Op {
    /// A straight line.
    Line(BackendCoord, BackendCoord, Stroke),
    /// A rectangle, filled or outlined.
    Rect(BackendCoord, BackendCoord, Stroke, bool),
    /// An open polyline.
    Path(Vec<BackendCoord>, Stroke),
    /// A circle, filled or outlined.
    Circle(BackendCoord, u32, Stroke, bool),
    /// A filled polygon.
    Polygon(Vec<BackendCoord>, Stroke),
    /// A label.
    Text(String, Font, BackendCoord),
}

/// Measures a label: (text, font) → (width, height) in pixels.
pub type Measure<'a> = &'a dyn Fn(&str, &Font) -> (u32, u32);

/// A backend that keeps what is drawn on it.
pub struct Recording<'a> {
    size: (u32, u32),
    measure: Measure<'a>,
    ops: &'a RefCell<Vec<Op>>,
}

/// What `draw` draws on an area of `size` pixels whose labels `measure` sizes, and its result.
pub fn record<T>(
    size: (u32, u32),
    measure: Measure,
    draw: impl FnOnce(&DrawingArea<Recording, Shift>) -> T,
) -> (Vec<Op>, T) {
    let ops = RefCell::new(Vec::new());
    let out = draw(
        &Recording {
            size,
            measure,
            ops: &ops,
        }
        .into_drawing_area(),
    );
    (ops.into_inner(), out)
}

/// Draws `ops` onto `to`, in order.
pub fn replay<DB: DrawingBackend>(
    ops: &[Op],
    to: &mut DB,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    for op in ops {
        replay_op(op, to)?;
    }
    to.present()
}

/// Draws one op onto `to`.
pub fn replay_op<DB: DrawingBackend>(
    op: &Op,
    to: &mut DB,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    match op {
        Op::Line(a, b, s) => to.draw_line(*a, *b, s),
        Op::Rect(a, b, s, fill) => to.draw_rect(*a, *b, s, *fill),
        Op::Path(p, s) => to.draw_path(p.iter().copied(), s),
        Op::Circle(c, r, s, fill) => to.draw_circle(*c, *r, s, *fill),
        Op::Polygon(p, s) => to.fill_polygon(p.iter().copied(), s),
        Op::Text(t, f, p) => to.draw_text(t, f, *p),
    }
}

fn stroke<S: BackendStyle>(s: &S) -> Stroke {
    Stroke {
        color: s.color(),
        width: s.stroke_width(),
    }
}

/// `style` as an owned [`Font`].
fn font<S: BackendTextStyle>(style: &S) -> Font {
    Font {
        color: style.color(),
        size: style.size(),
        family: style.family().as_str().to_string(),
        style: style.style(),
        anchor: style.anchor(),
        transform: style.transform(),
    }
}

type Done = Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for Recording<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Done {
        Ok(())
    }
    fn present(&mut self) -> Done {
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, color: BackendColor) -> Done {
        // A filled square one pixel wide (plotters' own backends draw it so in SVG).
        let fill = Stroke { color, width: 1 };
        self.ops
            .borrow_mut()
            .push(Op::Rect(p, (p.0 + 1, p.1 + 1), fill, true));
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Done {
        self.ops.borrow_mut().push(Op::Line(a, b, stroke(s)));
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Done {
        self.ops.borrow_mut().push(Op::Rect(a, b, stroke(s), fill));
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Done {
        self.ops
            .borrow_mut()
            .push(Op::Path(path.into_iter().collect(), stroke(s)));
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Done {
        self.ops
            .borrow_mut()
            .push(Op::Circle(c, r, stroke(s), fill));
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> Done {
        self.ops
            .borrow_mut()
            .push(Op::Polygon(vert.into_iter().collect(), stroke(s)));
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, p: BackendCoord) -> Done {
        self.ops
            .borrow_mut()
            .push(Op::Text(text.to_string(), font(s), p));
        Ok(())
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        s: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok((self.measure)(text, &font(s)))
    }
}
