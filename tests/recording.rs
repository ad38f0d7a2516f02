//! Charts are drawn once on a recording, then replayed onto the canvas or written as SVG: the
//! replay and the SVG writer must give what drawing directly gives.
#![cfg(not(target_arch = "wasm32"))]

use anneal::charts::{draw_schedule, record, replay, svg, Curve, Font, ScheduleChart, Theme};
use plotters::prelude::*;

/// A label's size as a fixed-width font would lay it out.
fn measure(text: &str, f: &Font) -> (u32, u32) {
    (
        (text.chars().count() as f64 * f.size * 0.6) as u32,
        (f.size * 1.2) as u32,
    )
}

fn chart<'a>(curves: &'a [Curve<'a>], restarts: &'a [(f64, u64)]) -> ScheduleChart<'a> {
    ScheduleChart {
        title: "Cosine annealing & restarts",
        x_label: "step",
        y_label: "learning rate η",
        cursor: Some(40.0),
        x_max: 100.0,
        curves,
        secondary: None,
        restarts,
        warmup_bands: &[(0.0, 10.0)],
        log_y: false,
        scale: 1.0,
        grows: false,
    }
}

/// The SVG elements of a document, one per line, without the document's own tags.
fn elements(svg: &str) -> Vec<String> {
    svg.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('<') && !l.starts_with("<svg") && !l.starts_with("</"))
        .map(String::from)
        .collect()
}

#[test]
fn the_svg_writer_writes_what_plotters_svg_backend_writes() {
    let pts: Vec<(f64, f64)> = (0..=100)
        .map(|t| (t as f64, 0.05 + 0.05 * (t as f64 * 0.1).cos()))
        .collect();
    let curves = [
        Curve {
            points: &pts,
            color: Theme::LIGHT.curve,
            label: Some("current"),
        },
        Curve {
            points: &pts[50..],
            color: RGBColor(0, 187, 204),
            label: Some("resumed"),
        },
    ];
    let restarts = [(50.0, 1)];
    let size = (640, 360);
    let (ops, area) = record(size, &measure, |area| {
        draw_schedule(area, &chart(&curves, &restarts), &Theme::LIGHT).expect("draws")
    });
    assert!(area.legend.is_some(), "a legend is drawn and placed");
    let ours = svg(size, 1, &ops);
    let mut theirs = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut theirs, size);
        replay(&ops, &mut backend).expect("replays");
    }
    let (a, b) = (elements(&ours), elements(&theirs));
    assert!(a.len() > 30, "{} elements", a.len());
    assert_eq!(a.len(), b.len());
    let tag = |e: &String| e.split([' ', '>']).next().unwrap_or_default().to_string();
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(tag(x), tag(y), "{x}\n{y}");
    }
    // The curve's polyline and the labels, written alike (attribute order aside).
    let points = |e: &[String]| -> Vec<String> {
        e.iter()
            .filter_map(|l| l.split("points=\"").nth(1))
            .map(|p| p.split('"').next().unwrap_or_default().trim().to_string())
            .collect()
    };
    assert_eq!(points(&a), points(&b));
    assert!(ours.contains(">Cosine annealing &amp; restarts</text>"));
    assert!(ours.contains("viewBox=\"0 0 640 360\""));
}

#[test]
fn a_replayed_recording_paints_the_pixels_a_direct_drawing_paints() {
    let pts: Vec<(f64, f64)> = (0..=200)
        .map(|t| (t as f64 * 0.5, (t as f64 * 0.03).sin()))
        .collect();
    let paint = |direct: bool| {
        let mut buf = vec![0u8; 320 * 200 * 3];
        {
            let draw = |area: &DrawingArea<_, _>| -> Result<(), Box<dyn std::error::Error>> {
                area.fill(&WHITE)?;
                let mut c = ChartBuilder::on(area).build_cartesian_2d(0.0..100.0, -1.0..1.0)?;
                c.draw_series(LineSeries::new(pts.iter().copied(), BLUE.stroke_width(2)))?;
                c.draw_series(
                    pts.iter()
                        .step_by(20)
                        .map(|&p| Circle::new(p, 3, RED.filled())),
                )?;
                area.draw(&Rectangle::new([(10, 10), (60, 40)], GREEN.filled()))?;
                Ok(())
            };
            let mut backend = BitMapBackend::with_buffer(&mut buf, (320, 200));
            if direct {
                draw(&backend.into_drawing_area()).expect("draws");
            } else {
                let (ops, r) = record((320, 200), &measure, |a| {
                    a.fill(&WHITE).map_err(|e| e.to_string())?;
                    let mut c = ChartBuilder::on(a)
                        .build_cartesian_2d(0.0..100.0, -1.0..1.0)
                        .map_err(|e| e.to_string())?;
                    c.draw_series(LineSeries::new(pts.iter().copied(), BLUE.stroke_width(2)))
                        .map_err(|e| e.to_string())?;
                    c.draw_series(
                        pts.iter()
                            .step_by(20)
                            .map(|&p| Circle::new(p, 3, RED.filled())),
                    )
                    .map_err(|e| e.to_string())?;
                    a.draw(&Rectangle::new([(10, 10), (60, 40)], GREEN.filled()))
                        .map_err(|e| e.to_string())
                });
                r.expect("records");
                replay(&ops, &mut backend).expect("replays");
            }
        }
        buf
    };
    let (direct, replayed) = (paint(true), paint(false));
    assert!(direct.iter().any(|&v| v != 255), "something is drawn");
    assert_eq!(direct, replayed);
}

#[test]
fn an_svg_drawn_larger_keeps_its_size_and_gains_sub_pixel_coordinates() {
    let pts: Vec<(f64, f64)> = (0..=100)
        .map(|t| (t as f64, 0.1 - t as f64 * 9e-4))
        .collect();
    let curves = [Curve {
        points: &pts,
        color: Theme::LIGHT.curve,
        label: None,
    }];
    let mut c = chart(&curves, &[]);
    c.scale = 4.0;
    let (ops, _) = record((2560, 1440), &measure, |area| {
        draw_schedule(area, &c, &Theme::LIGHT).expect("draws")
    });
    let doc = svg((640, 360), 4, &ops);
    assert!(doc.starts_with("<svg width=\"640\" height=\"360\" viewBox=\"0 0 2560 1440\""));
    // The curve's points are on a quarter-pixel grid of the 640-pixel document.
    let line = doc
        .lines()
        .find(|l| l.starts_with("<polyline") && l.contains("#2563EB"))
        .expect("the curve");
    let xs: Vec<i32> = line
        .split("points=\"")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .filter_map(|p| p.split(',').next()?.parse().ok())
        .collect();
    assert!(
        xs.iter().any(|x| x % 4 != 0),
        "some points fall between the document's pixels"
    );
}

#[test]
fn a_long_title_shrinks_to_fit_a_narrow_chart() {
    use anneal::charts::Op;
    let pts: Vec<(f64, f64)> = (0..=10).map(|t| (t as f64 * 10.0, 0.1)).collect();
    let curves = [Curve {
        points: &pts,
        color: Theme::LIGHT.curve,
        label: None,
    }];
    let mut c = chart(&curves, &[]);
    let title = "Learning rate over training (1 epoch = 1 optimizer step)";
    c.title = title;
    let size_of = |width: u32| {
        let (ops, _) = record((width, 240), &measure, |area| {
            draw_schedule(area, &c, &Theme::LIGHT).expect("draws")
        });
        ops.iter()
            .find_map(|op| match op {
                Op::Text(t, f, _) if t == title => Some(f.size),
                _ => None,
            })
            .expect("the title is drawn")
    };
    assert_eq!(size_of(1200), 18.0);
    // 56 characters at 0.6 em need 605 px at 18 px; 358 px leave 330: 9.8 px, held at 10.
    let narrow = size_of(358);
    assert!((10.0..18.0).contains(&narrow), "{narrow}");
    assert!(
        measure(
            title,
            &Font {
                size: narrow,
                ..font_like()
            }
        )
        .0 <= 358
    );
}

fn font_like() -> Font {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    use plotters_backend::{BackendColor, FontStyle, FontTransform};
    Font {
        color: BackendColor {
            alpha: 1.0,
            rgb: (0, 0, 0),
        },
        size: 18.0,
        family: "sans-serif".into(),
        style: FontStyle::Normal,
        anchor: Pos::new(HPos::Left, VPos::Top),
        transform: FontTransform::None,
    }
}
