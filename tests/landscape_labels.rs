//! The landscape's labels and legend: kept apart, inside the plot, and off the start.
#![cfg(not(target_arch = "wasm32"))]

use anneal::charts::{draw_paths, draw_surface, PathView, Theme};
use anneal::landscape::{Heatmap, Surface};
use plotters::prelude::*;

mod surface_svg;
use surface_svg::surface_svg_at;

#[test]
fn the_minima_labels_stay_inside_the_plot_without_covering_each_other() {
    // The page's size and a phone's.
    for size in [400, 330] {
        labels_apart(size);
    }
}

/// The boxes of `opacity` in `svg`: `<rect x=".." y=".." width=".." height=".." opacity=".."…/>`.
fn dark_boxes(svg: &str, opacity: &str) -> Vec<[i32; 4]> {
    let num = |tag: &str, name: &str| -> i32 {
        let at = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        tag[at..].split('"').next().unwrap().parse::<f64>().unwrap() as i32
    };
    svg.split("<rect")
        .filter(|tag| {
            let tag = tag.split("/>").next().unwrap();
            tag.contains(&format!("opacity=\"{opacity}\""))
        })
        .map(|tag| {
            let (x, y) = (num(tag, "x"), num(tag, "y"));
            [x, y, x + num(tag, "width"), y + num(tag, "height")]
        })
        .collect()
}

fn overlap(a: &[i32; 4], b: &[i32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// The lab's three runs, all along `path`, for their legend.
fn three_runs(path: &[[f64; 2]]) -> [PathView<'_>; 3] {
    ["constant", "cosine", "cosine + warm restarts"].map(|label| PathView {
        points: path,
        color: RGBColor(255, 159, 28),
        label,
        snapshots: &[],
    })
}

#[test]
fn no_minimum_label_hides_under_the_legend_on_a_small_surface() {
    // The default surface in a 640 × 480 embed: about 300 px, where the top-left minimum's
    // label sat under the legend's three rows.
    let path = [Surface::Valley.default_start(); 2];
    let paths = three_runs(&path);
    for size in [300, 400, 620] {
        let (svg, _) = surface_svg_at(size, Surface::Valley, &paths, 1);
        let legend = dark_boxes(&svg, "0.45");
        let labels = dark_boxes(&svg, "0.55");
        assert_eq!((legend.len(), labels.len()), (3, 3), "{svg}");
        for l in &labels {
            assert!(
                !legend.iter().any(|g| overlap(l, g)),
                "{size}: {l:?} under {legend:?}"
            );
        }
    }
}

#[test]
fn the_legend_takes_a_corner_clear_of_the_start() {
    // A start dragged to the top left, where the legend sat, in a 640 × 480 embed's surface.
    let start = [-3.0, 3.0];
    let path = [start; 2];
    let paths = three_runs(&path);
    let heat = Heatmap::new(Surface::Valley, 40, 40, 16);
    let mut svg = String::new();
    let frame;
    {
        let area = SVGBackend::with_string(&mut svg, (320, 320)).into_drawing_area();
        frame = draw_surface(&area, &heat, &Theme::LIGHT, 1.0).expect("surface");
        draw_paths(&area, &frame, &paths, 1, start, 1.0).expect("paths");
    }
    let (sx, sy) = frame.to_px(start);
    let legend = dark_boxes(&svg, "0.45");
    assert_eq!(legend.len(), 3);
    for b in &legend {
        let clear = (sx as i32) < b[0] - 10
            || (sx as i32) > b[2] + 10
            || (sy as i32) < b[1] - 10
            || (sy as i32) > b[3] + 10;
        assert!(clear, "the start ({sx}, {sy}) under the legend row {b:?}");
    }
}

fn labels_apart(size: u32) {
    let (svg, frame) = surface_svg_at(size, Surface::LateTraps, &[], 0);
    let boxes = dark_boxes(&svg, "0.55");
    assert_eq!(boxes.len(), 4, "{svg}");
    for (i, a) in boxes.iter().enumerate() {
        assert!(
            a[0] >= frame.left && a[2] <= frame.right,
            "label {i} inside: {a:?}"
        );
        for b in &boxes[i + 1..] {
            assert!(!overlap(a, b), "{a:?} and {b:?}");
        }
    }
}
