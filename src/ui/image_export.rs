//! Chart images for download: SVG written from a recording and PNG from an off-screen canvas
//! at twice the resolution — the same drawing functions as on screen, not a screenshot.

use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlCanvasElement};

use super::canvas::{paint, recorded};
use crate::charts::{self, Recording};

/// PNG exports are drawn at this many device pixels per CSS pixel.
pub const PNG_SCALE: f64 = 2.0;

/// Follows a download link for `href` named `name`.
pub fn save_url(name: &str, href: &str) {
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
    {
        a.set_href(href);
        a.set_download(name);
        a.click();
    }
}

/// SVG exports are drawn at this many units per CSS pixel, so their coordinates have quarter
/// pixels.
const SVG_SCALE: u32 = 4;

/// An SVG document of `size` CSS pixels drawn by `draw` (given the scale it draws at).
pub fn svg(size: (u32, u32), draw: impl FnOnce(&DrawingArea<Recording, Shift>, f64)) -> String {
    let big = (size.0 * SVG_SCALE, size.1 * SVG_SCALE);
    recorded(big, |area| draw(area, f64::from(SVG_SCALE)))
        .map_or_else(String::new, |(ops, ())| charts::svg(size, SVG_SCALE, &ops))
}

/// A PNG data URL of `size` CSS pixels at `scale` image pixels each, drawn by `draw` (given the
/// scale).
pub fn png(
    size: (u32, u32),
    scale: f64,
    draw: impl FnOnce(&DrawingArea<Recording, Shift>, f64),
) -> Option<String> {
    let canvas: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width((f64::from(size.0) * scale) as u32);
    canvas.set_height((f64::from(size.1) * scale) as u32);
    paint(&canvas, |area| draw(area, scale))?;
    canvas.to_data_url().ok()
}
