//! The decimated curve the page draws paints the same pixels as the full curve.
#![cfg(not(target_arch = "wasm32"))]

use anneal::charts::envelope;
use anneal::schedule::{Anneal, CycleCache, Warmup};
use plotters::prelude::*;
use std::cell::RefCell;

const W: usize = 800;
const H: usize = 400;

fn render(points: &[(f64, f64)], x_max: f64) -> Vec<u8> {
    let mut buf = vec![0u8; W * H * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (W as u32, H as u32)).into_drawing_area();
        root.fill(&WHITE).expect("fill");
        let mut chart = ChartBuilder::on(&root)
            .build_cartesian_2d(0.0..x_max, 0.0..0.11)
            .expect("axes");
        chart
            .draw_series(LineSeries::new(
                points.iter().copied(),
                BLUE.stroke_width(1),
            ))
            .expect("curve");
        root.present().expect("present");
    }
    buf
}

fn mask(img: &[u8]) -> Vec<bool> {
    img.chunks(3).map(|p| p != [255, 255, 255]).collect()
}

/// (pixels inked in `a`, those with no inked pixel of `b` within one pixel).
fn misses(a: &[bool], b: &[bool]) -> (usize, usize) {
    let near = |x: usize, y: usize| {
        (y.saturating_sub(1)..=(y + 1).min(H - 1))
            .any(|yy| (x.saturating_sub(1)..=(x + 1).min(W - 1)).any(|xx| b[yy * W + xx]))
    };
    let (mut inked, mut missed) = (0, 0);
    for y in 0..H {
        for x in 0..W {
            if a[y * W + x] {
                inked += 1;
                missed += usize::from(!near(x, y));
            }
        }
    }
    (inked, missed)
}

fn decimated(a: &Anneal, end: f64) -> Vec<(f64, f64)> {
    let cache = RefCell::new(CycleCache::default());
    envelope(
        |t| a.lr_cached(t, &mut cache.borrow_mut()),
        |x, y, cap| a.breakpoints(x, y, cap),
        0.0,
        end,
        W,
    )
}

fn check(a: &Anneal, steps: usize) {
    let end = steps as f64;
    let full = a.sample(0.0, end, steps + 1);
    let small = decimated(a, end);
    assert!(
        small.len() <= 4 * W + 1,
        "{} points for {W} columns",
        small.len()
    );
    let (a_img, b_img) = (mask(&render(&full, end)), mask(&render(&small, end)));
    for (x, y) in [(&a_img, &b_img), (&b_img, &a_img)] {
        let (inked, missed) = misses(x, y);
        assert!(inked > 500, "the curve was drawn ({inked} pixels)");
        assert!(
            missed * 1000 <= inked,
            "{missed} of {inked} inked pixels are more than 1 px from the other picture"
        );
    }
}

#[test]
fn a_million_step_sgdr_curve_decimates_to_the_same_picture() {
    let a = Anneal {
        eta_min: 1e-4,
        t_0: 10_000.0,
        restarts: true,
        t_mult: 2.0,
        decay: 0.7,
        warmup: Warmup {
            length: 5_000.0,
            start: 1e-3,
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    check(&a, 1_000_000);
}

#[test]
fn many_short_cycles_per_pixel_still_match() {
    let a = Anneal {
        t_0: 37.0,
        restarts: true,
        ..Anneal::default()
    };
    check(&a, 200_000);
}

#[test]
fn a_short_horizon_draws_the_same_smooth_curve() {
    check(&Anneal::default(), 120);
}
