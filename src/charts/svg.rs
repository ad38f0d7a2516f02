//! A recording (see [`super::recording`]) written as SVG, element for element as plotters' SVG backend writes it, so
//! the page needs no second compiled copy of every chart for its SVG downloads.

use std::fmt::Write;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, FontStyle, FontTransform};

use super::recording::{Op, Stroke};

fn paint(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("opacity=\"{}\" fill=\"#{r:02X}{g:02X}{b:02X}\"", c.alpha)
}

fn stroke(c: BackendColor, width: u32) -> String {
    let (r, g, b) = c.rgb;
    format!(
        "opacity=\"{}\" stroke=\"#{r:02X}{g:02X}{b:02X}\" stroke-width=\"{width}\"",
        c.alpha
    )
}

/// A closed shape's paint: filled without an outline, or outlined and empty.
fn look(s: &Stroke, fill: bool) -> String {
    if fill {
        format!("{} stroke=\"none\"", paint(s.color))
    } else {
        format!("fill=\"none\" {}", stroke(s.color, s.width))
    }
}

fn points(p: &[(i32, i32)]) -> String {
    p.iter().fold(String::new(), |mut s, (x, y)| {
        let _ = write!(s, "{x},{y} ");
        s
    })
}

/// `ops`, drawn at `scale` times `(w, h)` pixels, as an SVG document of `(w, h)`: drawn larger,
/// the integer coordinates plotters gives are fractions of the document's pixels, so a curve
/// stays smooth when a slide shows it large.
pub fn svg((w, h): (u32, u32), scale: u32, ops: &[Op]) -> String {
    let (vw, vh) = (w * scale, h * scale);
    let mut out = format!(
        "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {vw} {vh}\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    );
    let mut rest = ops;
    while let Some((op, tail)) = rest.split_first() {
        rest = tail;
        // A run of same-coloured filled rectangles (a heatmap's band, drawn band by band) is one
        // path: one element instead of hundreds, and no seams between its cells.
        if let Op::Rect(_, _, s, true) = op {
            let same = |o: &Op| matches!(o, Op::Rect(_, _, t, true) if (t.color.rgb, t.color.alpha) == (s.color.rgb, s.color.alpha));
            let n = tail.iter().take_while(|o| same(o)).count();
            if n > 0 {
                let d = ops_d(std::iter::once(op).chain(&tail[..n]));
                let _ = writeln!(
                    out,
                    "<path {} shape-rendering=\"crispEdges\" d=\"{d}\"/>",
                    paint(s.color)
                );
                rest = &tail[n..];
                continue;
            }
        }
        let el = match op {
            Op::Line(a, b, s) => format!(
                "<line {} x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                stroke(s.color, s.width),
                a.0,
                a.1,
                b.0,
                b.1
            ),
            Op::Rect(a, b, s, fill) => {
                let look = look(s, *fill);
                format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {look}/>",
                    a.0,
                    a.1,
                    b.0 - a.0,
                    b.1 - a.1
                )
            }
            Op::Path(p, s) => format!(
                "<polyline fill=\"none\" {} points=\"{}\"/>",
                stroke(s.color, s.width),
                points(p)
            ),
            Op::Circle(c, r, s, fill) => {
                let look = look(s, *fill);
                format!("<circle cx=\"{}\" cy=\"{}\" r=\"{r}\" {look}/>", c.0, c.1)
            }
            Op::Polygon(p, s) => format!("<polygon {} points=\"{}\"/>", paint(s.color), points(p)),
            Op::Text(t, f, p) => {
                let anchor = match f.anchor.h_pos {
                    HPos::Left => "start",
                    HPos::Right => "end",
                    HPos::Center => "middle",
                };
                let dy = match f.anchor.v_pos {
                    VPos::Top => "0.76em",
                    VPos::Center => "0.5ex",
                    VPos::Bottom => "-0.5ex",
                };
                let style = match f.style {
                    FontStyle::Normal => String::new(),
                    FontStyle::Bold => " font-weight=\"bold\"".into(),
                    other => format!(" font-style=\"{}\"", other.as_str()),
                };
                let turn = match f.transform {
                    FontTransform::None => 0,
                    FontTransform::Rotate90 => 90,
                    FontTransform::Rotate180 => 180,
                    FontTransform::Rotate270 => 270,
                };
                let rotate = if turn == 0 {
                    String::new()
                } else {
                    format!(" transform=\"rotate({turn}, {}, {})\"", p.0, p.1)
                };
                format!(
                    "<text x=\"{}\" y=\"{}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-family=\"{}\" font-size=\"{}\" {}{style}{rotate}>{}</text>",
                    p.0,
                    p.1,
                    f.family,
                    f.size / 1.24,
                    paint(f.color),
                    escape(t)
                )
            }
        };
        out.push_str(&el);
        out.push('\n');
    }
    out.push_str("</svg>\n");
    out
}

/// The outlines of filled rectangles as one path's data.
fn ops_d<'a>(rects: impl Iterator<Item = &'a Op>) -> String {
    rects.fold(String::new(), |mut d, op| {
        if let Op::Rect(a, b, ..) = op {
            let _ = write!(
                d,
                "M{} {}h{}v{}h{}z",
                a.0,
                a.1,
                b.0 - a.0,
                b.1 - a.1,
                a.0 - b.0
            );
        }
        d
    })
}

fn escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
