//! The heatmap's cells put as one image: the same pixels as the canvas's own `fillRect`s.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::pixels;

/// A canvas of `w` × `h` pixels, not on the page.
fn blank(w: u32, h: u32) -> (HtmlCanvasElement, CanvasRenderingContext2d) {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .unchecked_into();
    canvas.set_width(w);
    canvas.set_height(h);
    let context = canvas
        .get_context("2d")
        .expect("context")
        .expect("2d")
        .unchecked_into();
    (canvas, context)
}

#[wasm_bindgen_test]
fn heatmap_cells_put_as_one_image_have_the_pixels_of_the_canvas_own_fill_rects() {
    use anneal::charts::{tiles, Op, Stroke};
    use plotters_backend::BackendColor;
    // Cells of uneven widths, corners either way round, later ones overlapping earlier ones.
    let mut ops = Vec::new();
    for j in 0..20 {
        let mut x = 0;
        while x < 60 {
            let w = 1 + (x + j) % 7;
            let rgb = ((x * 4) as u8, (j * 12) as u8, ((x + j) * 3) as u8);
            let color = BackendColor { alpha: 1.0, rgb };
            let (a, b) = ((x, j * 2 + 2), ((x + w).min(60), j * 2));
            ops.push(Op::Rect(a, b, Stroke { color, width: 0 }, true));
            x += w;
        }
    }
    let color = BackendColor {
        alpha: 1.0,
        rgb: (9, 200, 40),
    };
    ops.push(Op::Rect(
        (10, 5),
        (30, 25),
        Stroke { color, width: 0 },
        true,
    ));
    let (by_cell, cells) = blank(64, 48);
    for op in &ops {
        if let Op::Rect(a, b, s, _) = op {
            let (r, g, bl) = s.color.rgb;
            cells.set_fill_style_str(&format!("rgb({r},{g},{bl})"));
            let (w, h) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
            cells.fill_rect(f64::from(a.0), f64::from(a.1), w, h);
        }
    }
    let (by_image, image) = blank(64, 48);
    let t = tiles(&ops, (64, 48)).expect("the cells cover their box");
    let data = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        wasm_bindgen::Clamped(&t.rgba),
        t.width,
        t.height,
    )
    .expect("image");
    image
        .put_image_data(&data, f64::from(t.left), f64::from(t.top))
        .expect("put");
    assert_ne!(pixels(&by_cell), pixels(&blank(64, 48).0), "the cells drew");
    assert_eq!(pixels(&by_image), pixels(&by_cell));
}
