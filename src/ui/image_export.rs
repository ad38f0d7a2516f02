//! Chart images for download: SVG through plotters' SVG backend and PNG from an off-screen
//! canvas at twice the resolution — the same drawing functions as on screen, not a screenshot.

use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlCanvasElement};

use super::canvas::Canvas;

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

/// An SVG document of `size` CSS pixels drawn by `draw`.
pub fn svg(size: (u32, u32), draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>)) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&area);
    }
    out
}

/// A PNG data URL of `size` CSS pixels at [`PNG_SCALE`], drawn by `draw` (given the scale).
pub fn png(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<Canvas, Shift>, f64),
) -> Option<String> {
    let canvas: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width((f64::from(size.0) * PNG_SCALE) as u32);
    canvas.set_height((f64::from(size.1) * PNG_SCALE) as u32);
    let backend = Canvas::new(&canvas)?;
    draw(&backend.into_drawing_area(), PNG_SCALE);
    canvas.to_data_url().ok()
}
