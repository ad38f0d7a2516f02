//! What the landscape drawing suites share: the surface and paths drawn as an SVG.

use anneal::charts::{draw_paths, draw_surface, Frame, PathView, Theme};
use anneal::landscape::{Heatmap, Surface};
use plotters::prelude::*;

/// The surface drawn `size` pixels square.
pub fn surface_svg_at(
    size: u32,
    surface: Surface,
    paths: &[PathView],
    cursor: usize,
) -> (String, Frame) {
    let heat = Heatmap::new(surface, 40, 40, 16);
    let mut svg = String::new();
    let frame;
    {
        let area = SVGBackend::with_string(&mut svg, (size, size)).into_drawing_area();
        frame = draw_surface(&area, &heat, &Theme::LIGHT, 1.0).expect("surface");
        draw_paths(&area, &frame, paths, cursor, surface.default_start(), 1.0).expect("paths");
    }
    (svg, frame)
}
