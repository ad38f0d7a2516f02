//! Chart labels through the page's canvas wrapper: the pixels plotters' own canvas backend draws.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{DrawingBackend, FontTransform};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;

use super::pixels;

/// A blank (transparent) canvas of 240 × 160 pixels, not on the page.
fn blank() -> HtmlCanvasElement {
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
        .create_element("canvas")
        .expect("canvas")
        .unchecked_into();
    canvas.set_width(240);
    canvas.set_height(160);
    canvas
}

#[wasm_bindgen_test]
fn labels_drawn_by_the_page_have_the_pixels_plotters_canvas_draws() {
    // Fonts, anchors and colours changing and repeating, with rotated labels in between (drawn
    // inside save/restore), so every kept piece of state is both reused and replaced.
    let labels: Vec<(&str, TextStyle, (i32, i32))> = vec![
        (
            "0.05",
            ("sans-serif", 12).into_font().color(&BLACK),
            (10, 10),
        ),
        (
            "0.1",
            ("sans-serif", 12).into_font().color(&BLACK),
            (10, 30),
        ),
        (
            "learning rate η",
            ("sans-serif", 14)
                .into_font()
                .color(&BLUE)
                .transform(FontTransform::Rotate270)
                .pos(Pos::new(HPos::Center, VPos::Top)),
            (30, 120),
        ),
        (
            // The rotated label's font and colour again: after its restore, what the wrapper
            // takes as set must be what is.
            "step",
            ("sans-serif", 14)
                .into_font()
                .color(&BLUE)
                .pos(Pos::new(HPos::Right, VPos::Bottom)),
            (200, 150),
        ),
        (
            "Title",
            ("serif", 18)
                .into_font()
                .color(&RED)
                .pos(Pos::new(HPos::Center, VPos::Center)),
            (140, 60),
        ),
        (
            "0.1",
            ("sans-serif", 12).into_font().color(&BLACK),
            (60, 100),
        ),
    ];
    let theirs = blank();
    let mut backend = CanvasBackend::with_canvas_object(theirs.clone()).expect("backend");
    for (text, style, at) in &labels {
        backend.draw_text(text, style, *at).expect("drawn");
    }
    let ours = blank();
    anneal::ui::canvas::paint(&ours, |area| {
        for (text, style, at) in &labels {
            area.draw_text(text, style, *at).expect("recorded");
        }
    })
    .expect("painted");
    let (a, b) = (pixels(&theirs), pixels(&ours));
    assert!(
        a.chunks(4).filter(|p| p[3] > 0).count() > 500,
        "labels were drawn"
    );
    assert!(a == b, "the wrapper's labels differ from plotters' canvas");
}
