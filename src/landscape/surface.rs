//! Test surfaces for the landscape lab: value and analytic gradient, domain, known minima.
//!
//! Each function is paired with its derivative (checked against finite differences in the
//! tests). The minima are refined from rough seeds by Newton's method on first use, so their
//! locations agree with the formulas to machine precision.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::fmath::{cos, exp, sin};
use crate::format::shown_3;
use std::f64::consts::{PI, TAU};

use crate::named::named;

/// A point on the plane.
pub type Point = [f64; 2];

/// The surfaces the lab offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Surface {
    /// Anneal's own: a sharp, shallow trap at the start; a medium well; a wide, deep basin.
    #[default]
    Valley,
    /// Styblinski–Tang in 2-D: four basins of unequal depth.
    StyblinskiTang,
    /// Six-hump camel: two global and four local minima.
    SixHumpCamel,
    /// Three-hump camel: one global and two local minima.
    ThreeHumpCamel,
    /// Himmelblau: four equal minima.
    Himmelblau,
    /// Rastrigin: a lattice of local minima around the global one.
    Rastrigin,
    /// Rosenbrock: one minimum at the end of a long curved valley.
    Rosenbrock,
    /// A gentle slope into a chain of sharp traps before a wide global basin: the traps are met
    /// late in a run, when one cosine's rate is already too low to leave them.
    LateTraps,
}

/// A known minimum.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Minimum {
    /// Where it is.
    pub at: Point,
    /// The surface's value there.
    pub value: f64,
    /// No other minimum is lower.
    pub global: bool,
    /// Its sharpest curvature λ (the Hessian's larger eigenvalue).
    pub curvature: f64,
}

impl Minimum {
    /// Its value and curvature as the page writes them, three significant digits each; a value
    /// within 1e-9 of 0 is the numerical trace of an exact 0 (Himmelblau's, Rosenbrock's) and
    /// reads 0.
    pub fn shown(&self) -> (String, String) {
        let value = if self.value.abs() < 1e-9 {
            0.0
        } else {
            self.value
        };
        (shown_3(value), shown_3(self.curvature))
    }
}

/// The Valley's wells: centre, depth, width. Curvature at a centre ≈ depth / width².
const TRAP: (Point, f64, f64) = ([-2.0, 1.5], 0.9, 0.15);
const MEDIUM: (Point, f64, f64) = ([-0.3, 1.1], 1.3, 0.18);
const WIDE: (Point, f64, f64) = ([1.8, 0.6], 2.0, 1.0);
/// Curvature of the gentle bowl around the wide basin that keeps every path bounded.
const BOWL: f64 = 0.3;
/// Late traps: the slope towards the global basin, its x, and the traps' x (depth 2, width
/// 0.15, so λ ≈ 89 and plain gradient descent leaves them once η > 2/λ ≈ 0.023).
const SLOPE: f64 = 0.05;
const LATE_GLOBAL: (Point, f64, f64) = ([3.0, 0.0], 3.0, 0.8);
const LATE_TRAPS: [f64; 3] = [-0.5, 0.5, 1.5];

fn well(p: Point, (c, depth, width): (Point, f64, f64)) -> (f64, Point) {
    let (dx, dy) = (p[0] - c[0], p[1] - c[1]);
    let w2 = width * width;
    let v = -depth * exp(-(dx * dx + dy * dy) / (2.0 * w2));
    (v, [-v * dx / w2, -v * dy / w2])
}

named!(Surface {
    Valley => "valley", "Sharp trap, wide valley (Anneal)";
    StyblinskiTang => "styblinski_tang", "Styblinski–Tang";
    SixHumpCamel => "six_hump_camel", "Six-hump camel";
    ThreeHumpCamel => "three_hump_camel", "Three-hump camel";
    Himmelblau => "himmelblau", "Himmelblau";
    Rastrigin => "rastrigin", "Rastrigin";
    Rosenbrock => "rosenbrock", "Rosenbrock";
    LateTraps => "late_traps", "Late traps (Anneal)";
});

impl Surface {
    /// Value and gradient at `p`.
    pub fn eval(self, p: Point) -> (f64, Point) {
        let [x, y] = p;
        match self {
            Surface::Valley => {
                let (gx, gy) = (x - WIDE.0[0], y - WIDE.0[1]);
                let mut v = 0.5 * BOWL * (gx * gx + gy * gy);
                let mut g = [BOWL * gx, BOWL * gy];
                for w in [TRAP, MEDIUM, WIDE] {
                    let (wv, wg) = well(p, w);
                    v += wv;
                    g = [g[0] + wg[0], g[1] + wg[1]];
                }
                (v, g)
            }
            Surface::StyblinskiTang => {
                let f = |t: f64| 0.5 * (t.powi(4) - 16.0 * t * t + 5.0 * t);
                let d = |t: f64| 0.5 * (4.0 * t.powi(3) - 32.0 * t + 5.0);
                (f(x) + f(y), [d(x), d(y)])
            }
            Surface::SixHumpCamel => (
                (4.0 - 2.1 * x * x + x.powi(4) / 3.0) * x * x
                    + x * y
                    + (-4.0 + 4.0 * y * y) * y * y,
                [
                    8.0 * x - 8.4 * x.powi(3) + 2.0 * x.powi(5) + y,
                    x - 8.0 * y + 16.0 * y.powi(3),
                ],
            ),
            Surface::ThreeHumpCamel => (
                2.0 * x * x - 1.05 * x.powi(4) + x.powi(6) / 6.0 + x * y + y * y,
                [4.0 * x - 4.2 * x.powi(3) + x.powi(5) + y, x + 2.0 * y],
            ),
            Surface::Himmelblau => {
                let (a, b) = (x * x + y - 11.0, x + y * y - 7.0);
                (
                    a * a + b * b,
                    [4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b],
                )
            }
            Surface::Rastrigin => {
                let f = |t: f64| t * t - 10.0 * cos(TAU * t);
                let d = |t: f64| 2.0 * t + 20.0 * PI * sin(TAU * t);
                (20.0 + f(x) + f(y), [d(x), d(y)])
            }
            Surface::Rosenbrock => {
                let (a, b) = (1.0 - x, y - x * x);
                (a * a + 100.0 * b * b, [-2.0 * a - 400.0 * x * b, 200.0 * b])
            }
            Surface::LateTraps => {
                // A slope of SLOPE far out that rounds off into a bowl at the global basin.
                let dx = x - LATE_GLOBAL.0[0];
                let r = (1.0 + dx * dx).sqrt();
                let mut v = SLOPE * r + 0.5 * y * y;
                let mut g = [SLOPE * dx / r, y];
                let traps = LATE_TRAPS.map(|t| ([t, 0.0], 2.0, 0.15));
                for w in traps.into_iter().chain([LATE_GLOBAL]) {
                    let (wv, wg) = well(p, w);
                    v += wv;
                    g = [g[0] + wg[0], g[1] + wg[1]];
                }
                (v, g)
            }
        }
    }

    /// The value at `p`.
    pub fn value(self, p: Point) -> f64 {
        self.eval(p).0
    }

    /// The region drawn: (x range, y range).
    pub fn domain(self) -> ([f64; 2], [f64; 2]) {
        match self {
            Surface::Valley | Surface::LateTraps => ([-4.0, 4.0], [-4.0, 4.0]),
            Surface::StyblinskiTang | Surface::Himmelblau => ([-5.0, 5.0], [-5.0, 5.0]),
            Surface::SixHumpCamel => ([-2.2, 2.2], [-1.2, 1.2]),
            Surface::ThreeHumpCamel => ([-2.5, 2.5], [-2.5, 2.5]),
            Surface::Rastrigin => ([-5.12, 5.12], [-5.12, 5.12]),
            Surface::Rosenbrock => ([-2.0, 2.0], [-1.0, 3.0]),
        }
    }

    /// A start that tells the surface's story: next to a poor or sharp minimum, or far out.
    pub fn default_start(self) -> Point {
        match self {
            Surface::Valley => [-1.95, 1.53],
            Surface::StyblinskiTang => [2.5, 2.5],
            Surface::SixHumpCamel => [-1.6, 0.9],
            Surface::ThreeHumpCamel => [1.6, -0.9],
            Surface::Himmelblau => [0.0, 0.0],
            Surface::Rastrigin => [2.2, 1.9],
            Surface::Rosenbrock => [-1.5, 2.0],
            Surface::LateTraps => [-3.0, -3.0],
        }
    }

    /// Rough seeds of the known minima and whether each is global.
    fn seeds(self) -> Vec<(Point, bool)> {
        match self {
            Surface::Valley => vec![(TRAP.0, false), (MEDIUM.0, false), (WIDE.0, true)],
            Surface::StyblinskiTang => vec![
                ([-2.9035, -2.9035], true),
                ([-2.9035, 2.7468], false),
                ([2.7468, -2.9035], false),
                ([2.7468, 2.7468], false),
            ],
            Surface::SixHumpCamel => vec![
                ([0.0898, -0.7126], true),
                ([-0.0898, 0.7126], true),
                ([-1.7036, 0.7961], false),
                ([1.7036, -0.7961], false),
                ([-1.6071, -0.5687], false),
                ([1.6071, 0.5687], false),
            ],
            Surface::ThreeHumpCamel => vec![
                ([0.0, 0.0], true),
                ([1.7476, -0.8738], false),
                ([-1.7476, 0.8738], false),
            ],
            Surface::Himmelblau => vec![
                ([3.0, 2.0], true),
                ([-2.805118, 3.131312], true),
                ([-3.779310, -3.283186], true),
                ([3.584428, -1.848126], true),
            ],
            Surface::Rastrigin => (-5..=5)
                .flat_map(|i| (-5..=5).map(move |j| ([i as f64, j as f64], i == 0 && j == 0)))
                .collect(),
            Surface::Rosenbrock => vec![([1.0, 1.0], true)],
            Surface::LateTraps => LATE_TRAPS
                .iter()
                .map(|&t| ([t, 0.0], false))
                .chain([(LATE_GLOBAL.0, true)])
                .collect(),
        }
    }

    /// The known minima, refined to machine precision.
    pub fn minima(self) -> &'static [Minimum] {
        static TABLE: OnceLock<Vec<Vec<Minimum>>> = OnceLock::new();
        let table = TABLE.get_or_init(|| {
            Surface::ALL
                .iter()
                .map(|s| {
                    s.seeds()
                        .into_iter()
                        .map(|(seed, global)| {
                            let at = s.newton(seed);
                            Minimum {
                                at,
                                value: s.value(at),
                                global,
                                curvature: s.curvatures(at)[1],
                            }
                        })
                        .collect()
                })
                .collect()
        });
        let i = Surface::ALL.iter().position(|s| *s == self).unwrap_or(0);
        &table[i]
    }

    /// The lowest known value.
    pub fn lowest(self) -> f64 {
        self.minima()
            .iter()
            .map(|m| m.value)
            .fold(f64::INFINITY, f64::min)
    }

    /// Newton's method on the gradient, the Hessian by central differences of it.
    fn newton(self, mut p: Point) -> Point {
        let h = 1e-6;
        for _ in 0..50 {
            let g = self.eval(p).1;
            let col = |i: usize| {
                let (mut a, mut b) = (p, p);
                a[i] += h;
                b[i] -= h;
                let (ga, gb) = (self.eval(a).1, self.eval(b).1);
                [(ga[0] - gb[0]) / (2.0 * h), (ga[1] - gb[1]) / (2.0 * h)]
            };
            let (c0, c1) = (col(0), col(1));
            let det = c0[0] * c1[1] - c1[0] * c0[1];
            if det.abs() < 1e-300 {
                break;
            }
            let dx = (g[0] * c1[1] - c1[0] * g[1]) / det;
            let dy = (c0[0] * g[1] - g[0] * c0[1]) / det;
            p = [p[0] - dx, p[1] - dy];
            if dx.abs().max(dy.abs()) < 1e-15 {
                break;
            }
        }
        p
    }

    /// Curvatures (Hessian eigenvalues, smaller first) at `p`; GD rests there only if η < 2/λ.
    pub fn curvatures(self, p: Point) -> [f64; 2] {
        let h = 1e-5;
        let d = |i: usize| {
            let (mut a, mut b) = (p, p);
            a[i] += h;
            b[i] -= h;
            let (ga, gb) = (self.eval(a).1, self.eval(b).1);
            [(ga[0] - gb[0]) / (2.0 * h), (ga[1] - gb[1]) / (2.0 * h)]
        };
        let (c0, c1) = (d(0), d(1));
        let (a, b, c) = (c0[0], 0.5 * (c0[1] + c1[0]), c1[1]);
        let mid = 0.5 * (a + c);
        let r = (0.25 * (a - c) * (a - c) + b * b).sqrt();
        [mid - r, mid + r]
    }
}
