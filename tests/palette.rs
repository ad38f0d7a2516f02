//! Every curve the schedule chart can show at once — the current schedule (light or dark theme),
//! the five frameworks, the four pins, the schedule stepped per epoch and an imported call — stays apart for people with any colour vision:
//! CIELAB ΔE ≥ 10 for each pair, seen normally and through the Machado et al. (2009)
//! simulations of protanopia, deuteranopia and tritanopia (severity 1).

use anneal::charts::{Theme, IMPORTED_COLOR, PER_EPOCH_COLOR, PIN_COLORS, RESUME_COLORS};
use anneal::schedule::frameworks::Framework;

type Rgb = (u8, u8, u8);

/// sRGB to linear light.
fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// Machado 2009 matrices (severity 1.0) on linear RGB; the identity for normal vision.
const VISIONS: [(&str, [[f64; 3]; 3]); 4] = [
    (
        "normal",
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    ),
    (
        "protanopia",
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ),
];

/// CIELAB (D65) of `c` as seen through `m`.
fn lab((r, g, b): Rgb, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let l = [linear(r), linear(g), linear(b)];
    let s: Vec<f64> = m
        .iter()
        .map(|row| (row[0] * l[0] + row[1] * l[1] + row[2] * l[2]).clamp(0.0, 1.0))
        .collect();
    let x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
    let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
    let z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// The smallest ΔE76 between `a` and `b` over the four kinds of vision, and which one.
fn closest(a: Rgb, b: Rgb) -> (f64, &'static str) {
    VISIONS
        .iter()
        .map(|(name, m)| {
            let (p, q) = (lab(a, m), lab(b, m));
            let d = (0..3).map(|i| (p[i] - q[i]).powi(2)).sum::<f64>().sqrt();
            (d, *name)
        })
        .fold((f64::INFINITY, ""), |m, d| if d.0 < m.0 { d } else { m })
}

fn rgb(c: plotters::style::RGBColor) -> Rgb {
    (c.0, c.1, c.2)
}

/// (name, colour) of every curve that can be on the chart together, for one theme.
fn curves(theme: &Theme) -> Vec<(String, Rgb)> {
    let mut all = vec![("current schedule".to_string(), rgb(theme.curve))];
    all.extend(
        Framework::ALL
            .iter()
            .map(|f| (f.name().to_string(), f.color())),
    );
    all.extend(
        PIN_COLORS
            .iter()
            .enumerate()
            .map(|(i, &c)| (format!("pin {}", i + 1), c)),
    );
    all.push(("stepped once per epoch".to_string(), PER_EPOCH_COLOR));
    all.push(("imported call".to_string(), IMPORTED_COLOR));
    all.push(("resumed, state restored".to_string(), RESUME_COLORS[0]));
    all.push(("resumed, re-created".to_string(), RESUME_COLORS[1]));
    all
}

#[test]
fn every_pair_of_curves_differs_for_every_colour_vision() {
    for theme in [Theme::LIGHT, Theme::DARK] {
        let all = curves(&theme);
        assert_eq!(all.len(), 14);
        for (i, (na, a)) in all.iter().enumerate() {
            for (nb, b) in &all[i + 1..] {
                let (d, vision) = closest(*a, *b);
                assert!(d >= 10.0, "{na} and {nb} are ΔE {d:.1} apart with {vision}");
            }
        }
    }
}

#[test]
fn the_check_tells_alike_colours_apart() {
    // Red and green, far apart normally, nearly merge for a deuteranope: the check must see it.
    let (d, vision) = closest((204, 51, 17), (150, 110, 0));
    assert!(d < 10.0 && vision != "normal", "{d} {vision}");
}

/// Every curve shows against the chart's background (WCAG contrast ≥ 2 : 1 for lines).
#[test]
fn every_curve_shows_on_both_backgrounds() {
    let lum = |(r, g, b): Rgb| 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    for theme in [Theme::LIGHT, Theme::DARK] {
        let bg = lum(rgb(theme.background));
        for (name, c) in curves(&theme) {
            let l = lum(c);
            let ratio = (l.max(bg) + 0.05) / (l.min(bg) + 0.05);
            assert!(ratio >= 2.0, "{name} on {:?}: {ratio:.2}", theme.background);
        }
    }
}
