//! The landscape drawing functions, through plotters' SVG and bitmap backends.
#![cfg(not(target_arch = "wasm32"))]

use anneal::charts::{
    draw_basin_map, draw_colour_scale, draw_paths, draw_surface, Frame, PathView, Theme,
};
use anneal::landscape::{BasinMap, Heatmap, Optimizer, RunSpec, Surface};
use plotters::prelude::*;

mod surface_svg;
use surface_svg::surface_svg_at;

fn surface_svg(surface: Surface, paths: &[PathView], cursor: usize) -> (String, Frame) {
    surface_svg_at(400, surface, paths, cursor)
}

#[test]
fn the_heatmap_bands_grow_with_the_value_on_a_log_scale() {
    let heat = Heatmap::new(Surface::Rosenbrock, 80, 80, 16);
    assert_eq!(heat.bands.len(), 6400);
    assert!(
        heat.bounds.windows(2).all(|w| w[0] < w[1]),
        "levels increase"
    );
    let widths: Vec<f64> = heat.bounds.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(
        widths.windows(2).all(|w| w[1] > w[0]),
        "each band wider than the one below"
    );
    // The valley floor is in the lowest bands, the corners in the highest.
    let cell = |i: usize, j: usize| heat.bands[j * 80 + i];
    assert_eq!(
        cell(0, 79),
        15,
        "the bottom-left corner (f ≈ 2509) is the highest wall"
    );
    let valley = heat.bands.iter().filter(|b| **b <= 2).count();
    assert!(
        valley > 50 && valley < 2000,
        "{valley} cells on the valley floor"
    );
    // Runs of equal bands cover every cell exactly once.
    let covered: usize = heat.runs().map(|(_, _, len, _)| len).sum();
    assert_eq!(covered, 6400);
}

#[test]
fn the_surface_draws_bands_minima_and_axes() {
    let (svg, frame) = surface_svg(Surface::Valley, &[], 0);
    assert!(svg.matches("<rect").count() > 100, "banded heatmap");
    assert!(svg.contains("Sharp trap, wide valley"));
    assert!(
        svg.contains("global -2") && svg.contains("local 1.37, λ 39.5"),
        "minima labelled"
    );
    assert_eq!(
        svg.matches("<circle").count(),
        3 + 2,
        "three minima and the start ring"
    );
    // The frame maps the domain corners to the plot's corners and back.
    let (x, y) = frame.to_px([-4.0, 4.0]);
    assert_eq!((x as i32, y as i32), (frame.left, frame.top));
    let p = frame.to_point(f64::from(frame.right), f64::from(frame.bottom));
    assert_eq!(p, [4.0, -4.0]);
}

#[test]
fn paths_draw_up_to_the_cursor_with_snapshots_and_legend() {
    let path: Vec<[f64; 2]> = (0..=100)
        .map(|k| [-2.0 + 0.03 * k as f64, 1.5 - 0.01 * k as f64])
        .collect();
    let view = PathView {
        points: &path,
        color: RGBColor(240, 62, 132),
        label: "cosine + warm restarts",
        snapshots: &[20, 90],
    };
    let (early, _) = surface_svg(Surface::Valley, &[view], 10);
    let (late, _) = surface_svg(Surface::Valley, &[view], 100);
    assert!(late.contains("cosine + warm restarts"));
    let squares = |svg: &str| svg.matches("stroke=\"#F03E84\"").count();
    assert!(
        squares(late.as_str()) > squares(early.as_str()),
        "snapshots appear as playback passes them"
    );
    assert!(early != late, "the dot moves with the cursor");
    assert!(
        late.contains("stroke=\"#F03E84\" stroke-width=\"2\""),
        "a short run keeps its 2-px line"
    );
}

#[test]
fn the_basin_map_colours_each_start() {
    let spec = RunSpec {
        surface: Surface::Himmelblau,
        optimizer: Optimizer::default(),
        start: [0.0, 0.0],
        noise: 0.0,
        seed: 0,
        clip: 0.0,
    };
    let contender = anneal::landscape::Contender {
        label: "constant",
        lrs: vec![0.01; 300],
        end: 0.01,
        cycle_ends: vec![],
    };
    let mut map = BasinMap::new(spec, vec![contender], 8);
    assert!(!map.advance(10));
    assert_eq!(map.done(), 10);
    assert!(map.advance(100));
    assert_eq!(map.done(), 64);
    // Four equal minima: every start ends in one of them, and all four are reached.
    let mut seen: Vec<usize> = map.cells[0].iter().map(|c| c.expect("settled")).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 4);
    assert_eq!(map.global_share(0), 1.0);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (200, 220)).into_drawing_area();
        draw_basin_map(&area, &map, 0, "constant", &Theme::LIGHT, 1.0).expect("map");
    }
    assert!(svg.matches("<rect").count() >= 64);
    assert!(svg.contains("constant"));
    // Axes in the surface's coordinates, and the lab's start (0, 0) ringed at the centre.
    assert!(
        svg.matches("<text").count() >= 7,
        "the title and three labels per axis"
    );
    let rings = svg.matches("<circle").count();
    assert_eq!(rings, 2, "the start marker");
}

#[test]
fn a_path_that_leaves_the_surface_is_cut_at_its_edge() {
    // From inside to far outside (a diverging run): nothing may be drawn beyond the plot.
    let path: Vec<[f64; 2]> = vec![[0.0, 0.0], [1.0, -1.0], [30.0, -30.0], [60.0, -60.0]];
    let view = PathView {
        points: &path,
        color: RGBColor(255, 159, 28),
        label: "constant",
        snapshots: &[3],
    };
    let (svg, frame) = surface_svg(Surface::Valley, &[view], 3);
    let mut points = 0;
    for line in svg
        .lines()
        .filter(|l| l.contains("<polyline") && l.contains("#FF9F1C"))
    {
        let list = line
            .split("points=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("points");
        for pair in list.split_whitespace() {
            let (x, y) = pair.split_once(',').expect("x,y");
            let (x, y): (i32, i32) = (x.parse().expect("x"), y.parse().expect("y"));
            let within = x >= frame.left && x <= frame.right && y >= frame.top && y <= frame.bottom;
            assert!(within, "path point ({x}, {y}) outside the frame {frame:?}");
            points += 1;
        }
    }
    assert!(
        points >= 3,
        "the path is drawn up to the edge ({points} points)"
    );
    assert!(
        !svg.contains("fill=\"#FF9F1C\""),
        "no dot for a position off the surface"
    );
}

#[test]
fn the_colour_scale_shows_every_band_in_the_heatmap_s_colours_with_its_losses() {
    let heat = Heatmap::new(Surface::Valley, 40, 40, 16);
    let (mut scale, mut surface) = (String::new(), String::new());
    {
        let area = SVGBackend::with_string(&mut scale, (74, 400)).into_drawing_area();
        draw_colour_scale(&area, &heat, &Theme::LIGHT, 1.0).expect("scale");
        let area = SVGBackend::with_string(&mut surface, (400, 400)).into_drawing_area();
        draw_surface(&area, &heat, &Theme::LIGHT, 1.0).expect("surface");
    }
    let fills = |svg: &str| -> std::collections::BTreeSet<String> {
        svg.lines()
            .filter(|l| l.contains("<rect") && l.contains("stroke=\"none\""))
            .filter_map(|l| {
                l.split("fill=\"")
                    .nth(1)?
                    .split('"')
                    .next()
                    .map(String::from)
            })
            .filter(|f| f != "#FFFFFF")
            .collect()
    };
    // One swatch per band, in the colours the heatmap uses (a band may have no cells).
    let swatches = scale.matches("<rect").count() - 1;
    assert_eq!(swatches, 16);
    assert_eq!(fills(&scale).len(), 16);
    assert!(fills(&surface).is_subset(&fills(&scale)));
    assert!(fills(&surface).len() >= 12);
    // The loss at every third band edge from the lowest, and the scale's name.
    assert!(scale.contains(">\nloss\n</text>") || scale.contains(">loss</text>"));
    let lowest = anneal::charts::tick_label(anneal::format::round_significant(heat.bounds[0], 3));
    assert!(scale.contains(&lowest), "{lowest}");
    assert_eq!(scale.matches("<text").count(), 7);
}

#[test]
fn the_page_s_landscape_svg_draws_each_band_as_one_seamless_path() {
    let heat = Heatmap::new(Surface::Valley, 40, 40, 16);
    let measure =
        |t: &str, f: &anneal::charts::Font| ((t.len() as f64 * f.size * 0.6) as u32, f.size as u32);
    let (ops, ()) = anneal::charts::record((1600, 1600), &measure, |area| {
        draw_surface(area, &heat, &Theme::LIGHT, 4.0).expect("surface");
    });
    let svg = anneal::charts::svg((400, 400), 4, &ops);
    let bands: std::collections::BTreeSet<u8> = heat.bands.iter().copied().collect();
    let band_paths: Vec<&str> = svg.lines().filter(|l| l.contains("crispEdges")).collect();
    assert_eq!(band_paths.len(), bands.len(), "one path per band present");
    // Each band's path holds every run of that band: all 40 × 40 cells are drawn.
    let subpaths: usize = band_paths.iter().map(|l| l.matches('M').count()).sum();
    assert_eq!(subpaths, heat.runs().count());
    // Only the background is left as a rectangle (the cells were 40 × 40 = 1,600 before).
    assert!(
        svg.matches("<rect").count() <= 2,
        "{}",
        svg.matches("<rect").count()
    );
}

#[test]
fn a_long_run_s_path_is_stroked_in_short_hairline_pieces_each_segment_once() {
    // A run that bounces across the valley for 20,000 steps: one self-crossing polyline of
    // ~20,000 points took Chromium 0.9 s to rasterize on every redraw, 2-px pieces 0.2 s; and
    // it retraces the same pixels ~30 times a column, which are drawn once.
    let path: Vec<[f64; 2]> = (0..20_000)
        .map(|k| {
            let t = k as f64 / 20_000.0;
            [
                -1.8 + 3.6 * t,
                if k % 2 == 0 { 1.2 } else { -1.2 } * (1.0 - t),
            ]
        })
        .collect();
    let view = PathView {
        points: &path,
        color: RGBColor(240, 62, 132),
        label: "constant",
        snapshots: &[],
    };
    let heat = Heatmap::new(Surface::Valley, 20, 20, 16);
    let measure =
        |t: &str, f: &anneal::charts::Font| ((t.len() as f64 * f.size * 0.6) as u32, f.size as u32);
    let (ops, frame) = anneal::charts::record((620, 620), &measure, |area| {
        let frame = draw_surface(area, &heat, &Theme::LIGHT, 1.0).expect("surface");
        let start = Surface::Valley.default_start();
        draw_paths(area, &frame, &[view], path.len() - 1, start, 1.0).expect("paths");
        frame
    });
    let pieces: Vec<&Vec<(i32, i32)>> = ops
        .iter()
        .filter_map(|op| match op {
            // The run's own solid line, in hairlines as a dense run is drawn (the axes are
            // grey, the legend's swatch 3 px wide); all of it, as the next asserts show.
            anneal::charts::Op::Path(points, s)
                if s.color.rgb == (240, 62, 132) && s.color.alpha == 1.0 && s.width == 1 =>
            {
                Some(points)
            }
            _ => None,
        })
        .collect();
    assert!(pieces.len() > 1);
    assert!(
        pieces.iter().all(|p| p.len() <= 64),
        "pieces of at most 64 points"
    );
    let undirected = |a: (i32, i32), b: (i32, i32)| if a <= b { (a, b) } else { (b, a) };
    let drawn: Vec<_> = pieces
        .iter()
        .flat_map(|p| p.windows(2).map(|w| undirected(w[0], w[1])))
        .collect();
    let px = |p: &[f64; 2]| {
        let (x, y) = frame.to_px(*p);
        (x.round() as i32, y.round() as i32)
    };
    let wanted: std::collections::BTreeSet<_> = path
        .windows(2)
        .map(|w| undirected(px(&w[0]), px(&w[1])))
        .collect();
    let unique: std::collections::BTreeSet<_> = drawn.iter().copied().collect();
    assert_eq!(unique, wanted, "every pixel segment of the path is drawn");
    assert_eq!(drawn.len(), unique.len(), "and each once");
    assert!(
        drawn.len() < 2_000,
        "{} segments for 19,999 steps",
        drawn.len()
    );
}

#[test]
fn a_run_keeps_its_line_width_while_playback_moves_the_cursor() {
    // A zigzag of ~10,000 px (under the dense length), then the same zigzag back over itself:
    // the cursor halfway splits it into two halves each ~10,000 px long. Whether the run is
    // dense is judged on the whole path, so its width does not change as the cursor moves.
    let there: Vec<[f64; 2]> = (0..21)
        .flat_map(|i| {
            let x = -3.5 + f64::from(i) * 0.35;
            let (a, b) = if i % 2 == 0 { (-3.5, 3.5) } else { (3.5, -3.5) };
            [[x, a], [x, b]]
        })
        .collect();
    let path: Vec<[f64; 2]> = there
        .iter()
        .chain(there.iter().rev().skip(1))
        .copied()
        .collect();
    let heat = Heatmap::new(Surface::Valley, 20, 20, 16);
    let measure =
        |t: &str, f: &anneal::charts::Font| ((t.len() as f64 * f.size * 0.6) as u32, f.size as u32);
    let view = PathView {
        points: &path,
        color: RGBColor(255, 159, 28),
        label: "constant",
        snapshots: &[],
    };
    let widest = |cursor: usize| {
        let (ops, ()) = anneal::charts::record((620, 620), &measure, |area| {
            let frame = draw_surface(area, &heat, &Theme::LIGHT, 1.0).expect("surface");
            draw_paths(area, &frame, &[view], cursor, path[0], 1.0).expect("paths");
        });
        ops.iter()
            .filter_map(|op| match op {
                anneal::charts::Op::Path(_, s) if s.color.rgb == (255, 159, 28) => Some(s.width),
                _ => None,
            })
            // The thinnest: the legend's swatch is 3 px.
            .min()
    };
    let end = path.len() - 1;
    let widths: Vec<Option<u32>> = [0, end / 4, end / 2, 3 * end / 4, end].map(widest).to_vec();
    assert!(widths.iter().all(|w| *w == Some(2)), "{widths:?}");
}
