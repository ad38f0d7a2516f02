//! Where a step falls in an [`Anneal`] schedule and the numbers its formula takes there: what
//! `lr` evaluates, and what the page's formula panel writes out.

use std::f64::consts::PI;

use super::warmup::ramp;
use super::{Anneal, Family, Schedule, WarmupShape};
use crate::format::{format_value, shown};

/// The part of the schedule a step is in, with the numbers of its formula.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Terms {
    /// `t` steps into a warm-up (of cycle `cycle`, 0-based) towards `peak`.
    Warmup {
        /// Steps into the warm-up.
        t: f64,
        /// The cycle it leads into.
        cycle: u64,
        /// The rate it rises to.
        peak: f64,
    },
    /// In cycle `cycle` (0-based): `t_cur` steps into a cosine of `t_i` steps from `peak` down
    /// to `floor`, which began at step `start`.
    Cosine {
        /// The cycle, from 0.
        cycle: u64,
        /// The step where this cycle's cosine begins (T_cur = 0).
        start: f64,
        /// Steps into the cosine, T_cur.
        t_cur: f64,
        /// The cosine's length, T_i.
        t_i: f64,
        /// This cycle's peak, γⁱ·η_max.
        peak: f64,
        /// This cycle's floor.
        floor: f64,
    },
    /// Past the last cycle: the floor holds.
    Held {
        /// The floor.
        floor: f64,
    },
}

impl Anneal {
    /// The formula's part and numbers at step `t`.
    pub fn terms(&self, t: f64) -> Terms {
        self.terms_cached(t, &mut super::CycleCache::default())
    }

    /// The learning rate the terms give: η_min + (peak − η_min)·½(1 + cos(π·T_curᵏ/T_iᵏ)).
    pub fn value(&self, terms: &Terms) -> f64 {
        let w = &self.warmup;
        match *terms {
            Terms::Warmup { t, peak, .. } => ramp(w.shape, w.start, peak, t / w.length),
            Terms::Held { floor } => floor,
            // floor + (peak − floor)·1 can miss the peak by an ulp; a restart shows it exactly.
            Terms::Cosine { t_cur, peak, .. } if t_cur <= 0.0 => peak,
            Terms::Cosine {
                t_cur,
                t_i,
                peak,
                floor,
                ..
            } => {
                let frac = if self.k_decay == 1.0 {
                    t_cur / t_i
                } else {
                    // timm's tᵏ/Tᵏ, unless Tᵏ overflows or underflows (a large k on long or
                    // short cycles): then the ratio's power.
                    let den = t_i.powf(self.k_decay);
                    if den.is_finite() && den > 0.0 {
                        t_cur.powf(self.k_decay) / den
                    } else {
                        (t_cur / t_i).powf(self.k_decay)
                    }
                };
                let factor = 0.5 * (1.0 + (PI * frac).cos());
                let factor = if self.exponent == 1.0 {
                    factor
                } else {
                    factor.powf(self.exponent)
                };
                floor + (peak - floor) * factor
            }
        }
    }
}

/// The phase step `t` of `s` is in, and for a cosine phase that cosine and its terms, with
/// `start` counted from the schedule's first step.
pub fn locate(s: &Schedule, t: f64) -> (usize, Option<(&Anneal, Terms)>) {
    let i = s.phase_at(t);
    let from = s.start(i);
    let cosine = match &s.phases[i] {
        Family::Cosine(a) => Some(match a.terms(t - from) {
            Terms::Cosine {
                cycle,
                start,
                t_cur,
                t_i,
                peak,
                floor,
            } => (
                a,
                Terms::Cosine {
                    cycle,
                    start: start + from,
                    t_cur,
                    t_i,
                    peak,
                    floor,
                },
            ),
            other => (a, other),
        }),
        _ => None,
    };
    (i, cosine)
}

/// η_min and this cycle's peak η_max⁽ⁱ⁾, as the page writes them.
const MIN: &str = "η<sub>min</sub>";
const PEAK: &str = "η<sub>max</sub><sup>(i)</sup>";

/// `text` as a term of the formula the page can highlight (`data-term`).
fn term(id: &str, text: &str) -> String {
    ["<span data-term=\"", id, "\">", text, "</span>"].concat()
}

/// The formula of `s` at step `t` as HTML, a paragraph a line: the formula, the same with the
/// numbers at `t`, and where `t` is (cycle, T_cur, T_i, the decayed peak). Terms are marked
/// "peak", "floor", "tcur", "ti", "k" and "warmup", for the page to highlight what a control
/// changes. Every text is Anneal's own (numbers, fixed words, sub- and superscript tags):
/// nothing needs escaping.
pub fn formula_html(s: &Schedule, t: f64) -> String {
    let lr = shown(s.lr(t));
    let at = ["<p>At step ", &format_value(t), ": "].concat();
    let (i, cosine) = locate(s, t);
    let Some((a, terms)) = cosine else {
        let kind = s.phases[i].kind().label();
        let n = (i + 1).to_string();
        return [
            &at,
            "phase ",
            &n,
            " (",
            kind,
            "), η = ",
            &lr,
            ". The cosine's formula shows on a cosine phase.</p>",
        ]
        .concat();
    };
    match terms {
        Terms::Cosine {
            cycle,
            t_cur,
            t_i,
            peak,
            floor,
            ..
        } => {
            let k = if a.k_decay == 1.0 {
                String::new()
            } else {
                ["<sup>", &shown(a.k_decay), "</sup>"].concat()
            };
            let k = term("k", &k);
            let i = cycle.to_string();
            let decayed = if a.decay == 1.0 {
                "η<sub>max</sub>".to_string()
            } else {
                [
                    "γ<sup>",
                    &i,
                    "</sup>·η<sub>max</sub> = ",
                    &shown(a.decay),
                    "<sup>",
                    &i,
                    "</sup>·",
                    &shown(a.eta_max),
                ]
                .concat()
            };
            // A decayed peak below the floor is held at the floor (`Anneal::bounds`).
            let clamped = peak > a.eta_max * a.decay.powf(cycle as f64);
            let decayed = if clamped {
                [&decayed, ", below ", MIN, ", so ", MIN].concat()
            } else {
                decayed
            };
            // optax's exponent p raises the cosine factor: (peak − floor)·[½(1 + cos …)]ᵖ.
            let p = (a.exponent != 1.0).then(|| shown(a.exponent));
            let (open, mid, close) = match &p {
                None => (" + ½(", ")(1 + cos(π·", "))".to_string()),
                Some(p) => (
                    " + (",
                    ")·[½(1 + cos(π·",
                    ["))]<sup>", p, "</sup>"].concat(),
                ),
            };
            let (fl, tc, ti) = (term("floor", &shown(floor)), shown(t_cur), shown(t_i));
            [
                "<p>η = ",
                &term("floor", MIN),
                open,
                &term("peak", PEAK),
                " − ",
                &term("floor", MIN),
                mid,
                &term("tcur", "T<sub>cur</sub>"),
                &k,
                "/",
                &term("ti", "T<sub>i</sub>"),
                &k,
                &close,
                "</p><p>= ",
                &fl,
                open,
                &term("peak", &shown(peak)),
                " − ",
                &fl,
                mid,
                &term("tcur", &tc),
                &k,
                "/",
                &term("ti", &ti),
                &k,
                &close,
                " = ",
                &lr,
                "</p>",
                &at,
                "cycle i = ",
                &i,
                " (from 0), T<sub>cur</sub> = ",
                &tc,
                " of T<sub>i</sub> = ",
                &ti,
                " steps (T<sub>0</sub>·T<sub>mult</sub><sup>i</sup>), ",
                PEAK,
                " = ",
                &decayed,
                ".</p>",
            ]
            .concat()
        }
        Terms::Warmup { t: u, peak, .. } => {
            let formula = match a.warmup.shape {
                WarmupShape::Linear => "η<sub>start</sub> + (η<sub>max</sub><sup>(i)</sup> − η<sub>start</sub>)·t/W",
                WarmupShape::Cosine => "η<sub>start</sub> + (η<sub>max</sub><sup>(i)</sup> − η<sub>start</sub>)·½(1 − cos(π·t/W))",
                WarmupShape::Exponential => "η<sub>start</sub>·(η<sub>max</sub><sup>(i)</sup>/η<sub>start</sub>)<sup>t/W</sup>",
            };
            let w = [
                "t = ",
                &shown(u),
                " of W = ",
                &shown(a.warmup.length),
                " warm-up steps",
            ]
            .concat();
            [
                "<p>η = ",
                formula,
                "</p>",
                &at,
                &term("warmup", &w),
                ", from ",
                &shown(a.warmup.start),
                " to ",
                &term("peak", &shown(peak)),
                ": η = ",
                &lr,
                ".</p>",
            ]
            .concat()
        }
        Terms::Held { floor } => {
            let f = [MIN, " = ", &shown(floor)].concat();
            [
                &at,
                "the last cycle has ended: η = ",
                &term("floor", &f),
                ".</p>",
            ]
            .concat()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Warmup, WarmupScope};

    fn sgdr() -> Anneal {
        Anneal {
            t_0: 10.0,
            restarts: true,
            t_mult: 2.0,
            decay: 0.5,
            cycle_limit: Some(3),
            warmup: Warmup {
                length: 2.0,
                ..Warmup::default()
            },
            ..Anneal::default()
        }
    }

    #[test]
    fn terms_name_the_cycle_and_its_numbers() {
        let a = sgdr();
        // Warm-up of 2 steps, then cycles of 10, 20, 40 steps; step 17 is 5 steps into cycle 2.
        assert_eq!(
            a.terms(1.0),
            Terms::Warmup {
                t: 1.0,
                cycle: 0,
                peak: 0.1
            }
        );
        assert_eq!(
            a.terms(17.0),
            Terms::Cosine {
                cycle: 1,
                start: 12.0,
                t_cur: 5.0,
                t_i: 20.0,
                peak: 0.05,
                floor: 0.0
            }
        );
        assert_eq!(a.terms(1e4), Terms::Held { floor: 0.0 });
    }

    #[test]
    fn an_every_cycle_warm_up_rises_to_the_cycles_decayed_peak() {
        let a = Anneal {
            warmup: Warmup {
                length: 3.0,
                scope: WarmupScope::EveryCycle,
                ..Warmup::default()
            },
            ..sgdr()
        };
        // Each cycle is its 3-step warm-up then its cosine: cycle 1 starts at 13.
        assert_eq!(
            a.terms(14.0),
            Terms::Warmup {
                t: 1.0,
                cycle: 1,
                peak: 0.05
            }
        );
        let Terms::Cosine {
            start, t_cur, t_i, ..
        } = a.terms(18.0)
        else {
            panic!("{:?}", a.terms(18.0));
        };
        assert_eq!((start, t_cur, t_i), (16.0, 2.0, 20.0));
    }

    #[test]
    fn a_cosine_phase_counts_its_cycle_from_the_schedules_start() {
        let s = Schedule {
            phases: vec![
                Family::Constant(crate::schedule::Constant { lr: 0.01 }),
                Family::Cosine(Anneal::default()),
            ],
            boundaries: vec![50.0],
        };
        assert!(locate(&s, 10.0).1.is_none());
        let (i, found) = locate(&s, 75.0);
        let (_, terms) = found.expect("a cosine phase");
        assert_eq!(i, 1);
        let Terms::Cosine { start, t_cur, .. } = terms else {
            panic!("{terms:?}");
        };
        assert_eq!((start, t_cur), (50.0, 25.0));
    }

    /// The page's text of the HTML: tags dropped, a line a paragraph.
    fn text(html: &str) -> Vec<String> {
        html.split("</p>")
            .filter(|p| !p.is_empty())
            .map(|p| {
                let mut out = String::new();
                let mut tag = false;
                for c in p.chars() {
                    match c {
                        '<' => tag = true,
                        '>' => tag = false,
                        c if !tag => out.push(c),
                        _ => {}
                    }
                }
                out
            })
            .collect()
    }

    #[test]
    fn the_formula_is_written_with_the_cursors_numbers() {
        let s = Schedule::single(Family::Cosine(sgdr()));
        let html = formula_html(&s, 17.0);
        assert_eq!(
            text(&html),
            [
                "η = ηmin + ½(ηmax(i) − ηmin)(1 + cos(π·Tcur/Ti))",
                &format!("= 0 + ½(0.05 − 0)(1 + cos(π·5/20)) = {}", shown(s.lr(17.0))),
                "At step 17: cycle i = 1 (from 0), Tcur = 5 of Ti = 20 steps (T0·Tmulti), ηmax(i) = γ1·ηmax = 0.51·0.1.",
            ]
        );
        // The numbers carry their terms, for the page to highlight.
        assert!(html.contains("/<span data-term=\"ti\">20</span>"));
        assert!(html.starts_with("<p>η = <span data-term=\"floor\">η<sub>min</sub></span> + ½("));
        let k = Schedule::single(Family::Cosine(Anneal {
            k_decay: 2.0,
            ..sgdr()
        }));
        assert!(formula_html(&k, 17.0).contains(
            "<span data-term=\"tcur\">T<sub>cur</sub></span><span data-term=\"k\"><sup>2</sup></span>/"
        ));
        assert_eq!(
            text(&formula_html(&s, 1.0))[1],
            "At step 1: t = 1 of W = 2 warm-up steps, from 0 to 0.1: η = 0.05."
        );
        assert_eq!(
            text(&formula_html(&s, 1e4)),
            ["At step 10000: the last cycle has ended: η = ηmin = 0."]
        );
    }

    #[test]
    fn an_exponent_and_a_peak_held_at_the_floor_are_written_as_computed() {
        // exponent 2 at T_cur = 25 of 100: 0.1·[½(1 + cos(π/4))]² = 0.0728553.
        let p = Schedule::single(Family::Cosine(Anneal {
            exponent: 2.0,
            ..Anneal::default()
        }));
        let lines = text(&formula_html(&p, 25.0));
        assert_eq!(
            lines[1],
            "= 0 + (0.1 − 0)·[½(1 + cos(π·25/100))]2 = 0.0728553"
        );
        let want = 0.1 * (0.5 * (1.0 + (PI / 4.0).cos())).powi(2);
        assert_eq!(shown(want), "0.0728553");
        // γ = 0.1 with η_min = 0.01: cycle 2's peak 0.001 is held at the floor.
        let held = Schedule::single(Family::Cosine(Anneal {
            eta_min: 0.01,
            decay: 0.1,
            ..sgdr()
        }));
        let lines = text(&formula_html(&held, 37.0));
        assert!(
            lines[2].ends_with("γ2·ηmax = 0.12·0.1, below ηmin, so ηmin."),
            "{}",
            lines[2]
        );
        assert!(
            lines[1].starts_with("= 0.01 + ½(0.01 − 0.01)"),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn the_formula_written_out_is_the_rate() {
        // ½·0.1·(1 + cos(π·25/100)) at T_cur = 25 of T_i = 100, k = 1.
        let a = Anneal::default();
        let want = 0.5 * 0.1 * (1.0 + (PI * 0.25).cos());
        assert!((a.value(&a.terms(25.0)) - want).abs() <= 1e-17);
        // k-decay 2: π·T_cur²/T_i².
        let k = Anneal { k_decay: 2.0, ..a };
        let want = 0.5 * 0.1 * (1.0 + (PI * 0.0625).cos());
        assert!((k.value(&k.terms(25.0)) - want).abs() <= 1e-17);
    }
}
